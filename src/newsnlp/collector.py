"""The cyclic garbage collector while newsnlp imports and loads.

Importing newsnlp (spaCy, pydantic, our stages) and loading the pipeline (models, lexicons,
gazetteer) make some 120,000 objects that live as long as the process. Python's collector
runs over them again and again meanwhile (~0.2 s of a 1.3–1.9 s cold start), and afterwards
every full collection walks all of them (0.2–0.7 s each, one every few batches of articles).
So collections are paused while newsnlp imports and loads (resumed if they were on), and
what exists then is moved to the collector's permanent generation (``gc.freeze()``): it is
never walked again. Forked worker processes (``analyze_many(n_process=2)``) then also keep
sharing those pages with the parent instead of copying them when the collector touches them.

``NEWSNLP_GC_FREEZE=0`` turns both off (the collector is left as it is).
"""

from __future__ import annotations

import gc
import os
import threading

ENABLED = os.environ.get("NEWSNLP_GC_FREEZE", "1") != "0"

_lock = threading.Lock()
_paused = 0  # nested pauses (an import that loads, a load inside another)
_resume = False  # whether the collector was on when the first pause began


def pause() -> None:
    """Pause the collector until the matching :func:`resume` (nested pauses count)."""
    global _paused, _resume
    if not ENABLED:
        return
    with _lock:
        if not _paused:
            _resume = gc.isenabled()
            gc.disable()
        _paused += 1


def resume() -> None:
    """End a :func:`pause`; at the outermost one, freeze what exists now and turn the collector
    back on if it was on."""
    global _paused
    if not ENABLED:
        return
    with _lock:
        if not _paused:
            return
        _paused -= 1
        if not _paused:
            gc.freeze()
            if _resume:
                gc.enable()


# imported first by ``newsnlp/__init__.py``, which resumes at its end
pause()
