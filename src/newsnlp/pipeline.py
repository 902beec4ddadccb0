"""The pipeline: a spaCy ``Language`` of newsnlp's stages.

    text -> segment -> tag -> recognize -> normalize -> link -> roles, percentages -> layout
        -> span groups -> Article

``load()`` builds the ``Language`` (razdel tokenizer, then one component per stage, in the order
of :data:`newsnlp.factories.COMPONENTS`; the factories are registered in :mod:`newsnlp.factories`).
``default_pipeline()`` is the one :mod:`newsnlp.api` runs (``analyze``, ``analyze_many``,
``to_article``), loaded once, lazily and thread-safely.
"""

from __future__ import annotations

import threading
from typing import Any

import spacy
from spacy.language import Language

from . import percentages, ratios
from ._version import __version__
from .factories import COMPONENTS, SETUP, TOKENIZER
from .resources import morph_analyzer

PIPE_BATCH_SIZE = 32
"""The default ``batch_size`` of ``nlp.pipe`` (spaCy's is 1,000): the documents tagged together,
as in :func:`analyze_many`; and with ``n_process=2`` what one worker takes at a time, so both
workers get work from a few dozen texts on (with 1,000 one worker got all of 400)."""


def load(*, parse_all: bool = False, gazetteer: bool = True) -> Language:
    """Build the newsnlp pipeline as a spaCy ``Language``.

    ``parse_all``: run the dependency parser on every sentence (spaCy users who want
    ``token.head`` everywhere); by default only sentences with a percentage are parsed.
    ``gazetteer``: link places to the gazetteer (kind, country, coordinates). Recognition
    uses the shipped gazetteer either way: it tells places from unions of states and finds the
    places the model missed.
    """
    config = {
        "nlp": {
            "tokenizer": {"@tokenizers": TOKENIZER},
            "after_creation": {"@callbacks": SETUP},
            "batch_size": PIPE_BATCH_SIZE,
        }
    }
    nlp = spacy.blank("ru", config=config, meta=META)
    configs: dict[str, dict[str, Any]] = {
        "newsnlp_syntax": {
            "only_with": [] if parse_all else list(percentages.TRIGGERS),
            "only_containing": [] if parse_all else [*percentages.INNER_TRIGGERS, "кратн"],
            "only_words": [] if parse_all else sorted(ratios.PARSE_CUES),
        },
        "newsnlp_linker": {"gazetteer": gazetteer},
    }
    for name in COMPONENTS:
        nlp.add_pipe(name, config=configs.get(name, {}))
    # pymorphy3's dictionaries now rather than on the first text (0.15 s): worker processes
    # that nlp.pipe(..., n_process=2) forks from here share them instead of each loading them
    morph_analyzer()
    return nlp


META: dict[str, Any] = {
    "name": "newsnlp",
    "version": __version__,
    "description": (
        "People, places, organizations and percentage facts from Russian news "
        "(razdel, slovnet, pymorphy3); saved by newsnlp.load(), loads with spacy.load() "
        "wherever newsnlp is installed"
    ),
    "requirements": [f"newsnlp=={__version__}"],
    "license": "MIT",
}
"""The meta of :func:`load`'s pipeline (what ``nlp.to_disk`` writes to ``meta.json``)."""


_default: Language | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Language:
    """The shared default pipeline, built on first use (thread-safe)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = load()
    return _default
