"""Where natasha's data files are, and the lock every loader takes.

natasha ships the navec embeddings and the slovnet NER / morphology / syntax models inside its
wheel; they are located without importing natasha (which would pull in pymorphy2). Each model
is loaded once per process, under :data:`_lock`, by whichever thread asks first.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

EMBEDDING = "emb/navec_news_v1_1B_250K_300d_100q.tar"
MORPH = "model/slovnet_morph_news_v1.tar"
NER = "model/slovnet_ner_news_v1.tar"
SYNTAX = "model/slovnet_syntax_news_v1.tar"

_lock = threading.RLock()


def natasha_data_dir() -> Path:
    """The ``data`` folder inside the installed natasha package."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "newsnlp needs the 'natasha' package for its models: pip install natasha"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"
