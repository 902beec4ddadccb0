"""The pipeline: a spaCy ``Language`` of newsnlp's stages, and the plain-Python face over it.

    text -> segment -> tag -> recognize -> normalize -> link -> extract facts -> Article

``load()`` builds the ``Language`` (razdel tokenizer, then one registered component per stage).
``analyze(text)`` and ``analyze_many(texts)`` run the default pipeline, loaded once, lazily and
thread-safely, and return :class:`~newsnlp.schema.Article` records.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# importing the stage modules registers their component factories with spaCy
from . import link, normalize, percentages, recognize, tag  # noqa: F401
from .schema import Article
from .segment import RazdelTokenizer, check_text

COMPONENTS = (
    "newsnlp_morph",
    "newsnlp_lemmatizer",
    "newsnlp_syntax",
    "newsnlp_ner",
    "newsnlp_normalizer",
    "newsnlp_linker",
    "newsnlp_percentages",
)


def load(*, parse_all: bool = False, gazetteer: bool = True) -> Language:
    """Build the newsnlp pipeline as a spaCy ``Language``.

    ``parse_all``: run the dependency parser on every sentence (spaCy users who want
    ``token.head`` everywhere); by default only sentences with a percentage are parsed.
    ``gazetteer``: link places to the gazetteer (country, coordinates).
    """
    nlp = spacy.blank("ru")
    nlp.tokenizer = RazdelTokenizer(nlp.vocab)
    nlp.max_length = 10**9  # razdel and the models work sentence by sentence; no need to cap
    only_with = [] if parse_all else list(percentages.TRIGGERS)
    nlp.add_pipe("newsnlp_morph")
    nlp.add_pipe("newsnlp_lemmatizer")
    nlp.add_pipe("newsnlp_syntax", config={"only_with": only_with})
    nlp.add_pipe("newsnlp_ner")
    nlp.add_pipe("newsnlp_normalizer")
    nlp.add_pipe("newsnlp_linker", config={"gazetteer": gazetteer})
    nlp.add_pipe("newsnlp_percentages")
    return nlp


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


def to_article(doc: Doc) -> Article:
    """The :class:`Article` of a document that went through the whole pipeline."""
    return Article(
        text=doc.text,
        people=doc._.people or [],
        places=doc._.places or [],
        organizations=doc._.organizations or [],
        percentages=doc._.percentages or [],
    )


def analyze(text: str) -> Article:
    """Analyze one article: people, places, organizations and percentage facts.

    Raises ``TypeError`` when ``text`` is not a ``str`` (bytes included: decode first).
    Empty or whitespace-only text gives an empty :class:`Article`.
    """
    text = check_text(text)
    return to_article(default_pipeline()(text))


def _checked(texts: Iterable[str]) -> Iterator[str]:
    for number, text in enumerate(texts):
        try:
            yield check_text(text)
        except TypeError as error:
            raise TypeError(f"texts[{number}]: {error}") from None


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    texts = iter(texts)
    while chunk := list(islice(texts, size)):
        yield chunk


def _worker_analyze(chunk: list[str]) -> list[Article]:
    return [to_article(doc) for doc in default_pipeline().pipe(chunk, batch_size=len(chunk))]


def analyze_many(
    texts: Iterable[str], batch_size: int = 32, n_process: int = 1
) -> Iterator[Article]:
    """Analyze many articles, in input order, batching their sentences through the models.

    ``batch_size``: articles tagged together (their sentences share model calls).
    ``n_process``: worker processes, each loading the pipeline once.
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, got {n_process!r}")
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            "analyze_many expects an iterable of str, got a single "
            f"{type(texts).__name__}; use analyze() for one text"
        )
    texts = _checked(texts)
    if n_process == 1:
        nlp = default_pipeline()
        for doc in nlp.pipe(texts, batch_size=batch_size):
            yield to_article(doc)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(n_process) as pool:
        for articles in pool.imap(_worker_analyze, _chunks(texts, batch_size)):
            yield from articles
