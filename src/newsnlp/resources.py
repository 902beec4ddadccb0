"""Where the pipeline's data lives and how it is loaded, once per process.

natasha ships the navec embeddings and the slovnet NER / morphology / syntax models inside
its wheel; we locate them without importing natasha (which would pull in pymorphy2). Our own
artifacts live in ``models/`` (shipped inside the package as ``newsnlp/models``).
"""

from __future__ import annotations

import importlib.util
import threading
from functools import cache
from pathlib import Path
from typing import Any

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


def models_dir() -> Path:
    """Our own artifacts: inside the installed package, else the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parents[1] / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"newsnlp models not found in {here / 'models'} nor {here.parents[1] / 'models'}"
    )


@cache
def navec() -> Any:
    """The navec news embeddings shared by all slovnet models."""
    from navec import Navec

    with _lock:
        return Navec.load(str(natasha_data_dir() / EMBEDDING))


def _slovnet(kind: str, path: str, batch_size: int) -> Any:
    import slovnet

    with _lock:
        model = getattr(slovnet, kind).load(str(natasha_data_dir() / path), batch_size=batch_size)
        model.navec(navec())
        return model


@cache
def ner_model(batch_size: int = 32) -> Any:
    """slovnet's news NER model (PER / LOC / ORG)."""
    return _slovnet("NER", NER, batch_size)


@cache
def morph_model(batch_size: int = 32) -> Any:
    """slovnet's news morphology tagger (UD POS and features)."""
    return _slovnet("Morph", MORPH, batch_size)


@cache
def syntax_model(batch_size: int = 32) -> Any:
    """slovnet's news dependency parser (UD relations)."""
    return _slovnet("Syntax", SYNTAX, batch_size)


@cache
def morph_analyzer() -> Any:
    """The pymorphy3 analyzer with the Russian dictionaries (the only one we load)."""
    import pymorphy3

    with _lock:
        return pymorphy3.MorphAnalyzer(lang="ru")
