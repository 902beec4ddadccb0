"""The pipeline: a spaCy ``Language`` of newsnlp's stages, and the plain-Python face over it.

    text -> segment -> tag -> recognize -> normalize -> link -> extract facts -> Article

``load()`` builds the ``Language`` (razdel tokenizer, then one registered component per stage).
``analyze(text)`` and ``analyze_many(texts)`` run the default pipeline, loaded once, lazily and
thread-safely, and return :class:`~newsnlp.schema.Article` records.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any, Literal, overload

import spacy
from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.tokens import Doc

# importing the stage modules registers their component factories with spaCy
from . import dates, link, money, normalize, percentages, recognize, tag  # noqa: F401
from .schema import Article
from .segment import TOKENIZER, check_text, like_num

COMPONENTS = (
    "newsnlp_morph",
    "newsnlp_lemmatizer",
    "newsnlp_syntax",
    "newsnlp_ner",
    "newsnlp_normalizer",
    "newsnlp_linker",
    "newsnlp_dates",
    "newsnlp_percentages",
    "newsnlp_money",
)


def load(*, parse_all: bool = False, gazetteer: bool = True) -> Language:
    """Build the newsnlp pipeline as a spaCy ``Language``.

    ``parse_all``: run the dependency parser on every sentence (spaCy users who want
    ``token.head`` everywhere); by default only sentences with a percentage are parsed.
    ``gazetteer``: link places to the gazetteer (kind, country, coordinates). Recognition
    uses the shipped gazetteer either way: it tells places from unions of states and finds the
    places the model missed.
    """
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.max_length = 10**9  # razdel and the models work sentence by sentence; no need to cap
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # (not in the stub)
    getters[LIKE_NUM] = like_num  # spaCy's Russian like_num, faster on every new word
    configs: dict[str, dict[str, Any]] = {
        "newsnlp_syntax": {"only_with": [] if parse_all else list(percentages.TRIGGERS)},
        "newsnlp_linker": {"gazetteer": gazetteer},
    }
    for name in COMPONENTS:
        nlp.add_pipe(name, config=configs.get(name, {}))
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


def check_published(published: object) -> date | datetime | None:
    """``published`` as given when it is a ``date``, a ``datetime`` or None; a ``str`` in ISO
    form ("2026-12-01") is parsed; anything else is a ``TypeError``/``ValueError``."""
    if published is None or isinstance(published, date):
        return published
    if isinstance(published, str):
        try:
            value = published.strip()
            return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"published must be an ISO date such as '2026-12-01', got {published!r}"
            ) from None
    raise TypeError(
        f"published must be a datetime.date, a datetime or an ISO date str, "
        f"got {type(published).__name__}"
    )


def to_article(
    doc: Doc, text: str | None = None, published: date | datetime | None = None
) -> Article:
    """The :class:`Article` of a document that went through the whole pipeline.

    ``text``: the text the document was made from, when the caller has it (``doc.text``
    rebuilds it token by token). ``published``: the article's own date (from HTML metadata,
    say); relative dates ("в прошлом году", "вчера") are resolved against it, or, without it,
    against the date line of the text (``doc._.dateline``) when there is one.
    """
    published = check_published(published)
    line = doc._.dateline
    when = published if published is not None else (date.fromisoformat(line) if line else None)
    facts = doc._.dates or []
    percents = doc._.percentages or []
    if when is not None:
        facts = [dates.resolve(fact, when) for fact in facts]
        percents = [
            fact.model_copy(update={"period": dates.resolve(fact.period, when)})
            if fact.period is not None
            else fact
            for fact in percents
        ]
    return Article(
        text=doc.text if text is None else text,
        people=doc._.people or [],
        places=doc._.places or [],
        organizations=doc._.organizations or [],
        percentages=percents,
        dates=facts,
        money=doc._.money or [],
        published=when.isoformat() if when is not None else None,
    )


def analyze(text: str, published: date | datetime | str | None = None) -> Article:
    """Analyze one article: people, places, organizations, percentages, dates and money.

    ``published``: the article's own date (a ``date``, ``datetime`` or ISO ``str``), which
    relative dates are resolved against; without it, a date line of the text is used.
    Raises ``TypeError`` when ``text`` is not a ``str`` (bytes included: decode first).
    Empty or whitespace-only text gives an empty :class:`Article`.
    """
    text = check_text(text)
    when = check_published(published)
    return to_article(default_pipeline()(text), text, when)


@dataclass(frozen=True)
class Failure:
    """A text that :func:`analyze_many` could not analyze (with ``on_error="record"``)."""

    index: int
    """The text's position in the input."""
    error: str
    """What went wrong: the exception's type and message."""


class AnalysisError(RuntimeError):
    """:func:`analyze_many` failed on one text (``on_error="raise"``); names its position."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"texts[{failure.index}]: {failure.error}")
        self.failure = failure


ON_ERROR = ("raise", "skip", "record")
OnError = Literal["raise", "skip", "record"]
Result = Article | Failure


def _checked(texts: Iterable[str]) -> Iterator[str]:
    for number, text in enumerate(texts):
        try:
            yield check_text(text)
        except TypeError as error:
            raise TypeError(f"texts[{number}]: {error}") from None


def _chunks(texts: Iterable[str], size: int) -> Iterator[tuple[int, list[str]]]:
    """(index of the first text, texts) of consecutive chunks of ``size`` texts."""
    texts = iter(texts)
    start = 0
    while chunk := list(islice(texts, size)):
        yield start, chunk
        start += len(chunk)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def analyze_chunk(nlp: Language, start: int, texts: list[str]) -> list[Result]:
    """Analyze ``texts`` as one batch; if the batch fails, text by text, so one bad text
    becomes a :class:`Failure` (at ``start`` + its position) and the others are kept.
    """
    try:
        docs = nlp.pipe(texts, batch_size=max(len(texts), 1))
        return [to_article(doc, text) for doc, text in zip(docs, texts)]
    except Exception:
        results: list[Result] = []
        for number, text in enumerate(texts, start):
            try:
                results.append(to_article(nlp(text), text))
            except Exception as error:
                results.append(Failure(number, _describe(error)))
        return results


def _handled(results: Iterable[Result], on_error: str) -> Iterator[Result]:
    for result in results:
        if isinstance(result, Failure):
            if on_error == "raise":
                raise AnalysisError(result)
            if on_error == "skip":
                continue
        yield result


@overload
def analyze_many(
    texts: Iterable[str],
    batch_size: int = ...,
    n_process: int = ...,
    on_error: Literal["raise", "skip"] = ...,
) -> Iterator[Article]: ...


@overload
def analyze_many(
    texts: Iterable[str],
    batch_size: int = ...,
    n_process: int = ...,
    on_error: Literal["record"] = ...,
) -> Iterator[Article | Failure]: ...


def analyze_many(
    texts: Iterable[str],
    batch_size: int = 32,
    n_process: int = 1,
    on_error: OnError = "raise",
) -> Iterator[Article] | Iterator[Article | Failure]:
    """Analyze many articles, in input order, batching their sentences through the models.

    ``batch_size``: articles tagged together (their sentences share model calls).
    ``n_process``: worker processes, each loading the pipeline once; results still come in
    input order. A worker that dies (killed, out of memory) is replaced and only the text it
    died on is lost.
    ``on_error``: what a text the pipeline fails on gives: ``"raise"`` an
    :class:`AnalysisError` naming its position (the default), ``"skip"`` nothing,
    ``"record"`` a :class:`Failure` in its place (one result per text, in order).
    A text that is not a ``str`` is a ``TypeError`` in every mode.
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, got {n_process!r}")
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, got {on_error!r}")
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            "analyze_many expects an iterable of str, got a single "
            f"{type(texts).__name__}; use analyze() for one text"
        )
    chunks = _chunks(_checked(texts), batch_size)
    if n_process == 1:
        nlp = default_pipeline()
        results: Iterator[Result] = (
            result for start, chunk in chunks for result in analyze_chunk(nlp, start, chunk)
        )
    else:
        from ._parallel import analyze_parallel

        results = analyze_parallel(chunks, n_process)
    return _handled(results, on_error)
