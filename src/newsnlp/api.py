"""The plain-Python face of the pipeline: ``analyze``, ``analyze_many``, ``to_article`` and the
worker processes of ``analyze_many(..., n_process=N)``.

``analyze(text)`` and ``analyze_many(texts)`` run the default pipeline (:mod:`newsnlp.pipeline`,
loaded once, lazily and thread-safely) and return :class:`~newsnlp.schema.Article` records.

Worker processes: chunks of texts go to a pool of worker processes. Where the platform can fork
(Linux), the pipeline is loaded and warmed up once in the parent and the workers are forked
from it: they share its models and start at once, so two processes beat one from a couple of
hundred texts. Elsewhere (Windows, macOS) workers are spawned and each loads the pipeline once
(the script needs the ``if __name__ == "__main__":`` guard then). A few chunks per worker are
in flight at a time (memory stays bounded on an endless stream) and the results come back in
input order. A text the pipeline raises on becomes a ``Failure`` inside the worker. A worker
that dies takes the pool down with it; then a new pool is started, the chunk that was lost is
retried text by text (so only the text that kills a worker is lost, as a ``Failure``), and the
chunks that were in flight are sent again.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from spacy.language import Language
from spacy.tokens import Doc

from . import dates
from ._batch import doc_text
from .extensions import FACTS, Layout, data_name, get_data, get_layout, take_data
from .pipeline import default_pipeline
from .schema import Article
from .segment import check_text, check_unicode, has_russian

if TYPE_CHECKING:  # imported by the process pool when it starts (not needed in one process)
    from concurrent.futures import Future, ProcessPoolExecutor


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
    doc: Doc,
    text: str | None = None,
    published: date | datetime | None = None,
    *,
    release: bool = False,
) -> Article:
    """The :class:`Article` of a document that went through the whole pipeline.

    ``text``: the text the document was made from, when the caller has it (``doc.text``
    rebuilds it token by token). ``published``: the article's own date (from HTML metadata,
    say); relative dates ("в прошлом году", "вчера") are resolved against it, or, without it,
    against the date line of the text (``doc._.newsnlp_dateline``) when there is one.
    Raises ``ValueError`` when the document has no newsnlp facts: it did not go through the
    pipeline's fact components, or it lost them on the way (a ``DocBin`` without
    ``store_user_data=True``). ``release``: take the document's stored facts out of it (the
    Doc is of no more use then: ``analyze`` does so, which keeps a huge text's peak memory
    down).
    """
    return _build(_facts(doc, release), doc_text(doc) if text is None else text, published)


OPTIONAL = frozenset({"statements"})
"""The fact lists a Doc may lack (made by a pipeline, or saved by a version, without their stage):
they are empty in its Article."""


@dataclass
class _Facts:
    """What the Article of a document is built from: the plain data its stages stored."""

    lists: dict[str, list[Any]]
    page: Layout | None
    dateline: str | None


def _facts(doc: Doc, release: bool) -> _Facts:
    """The stored facts of ``doc`` (taken out of it with ``release``); ``ValueError`` when a
    list of them is missing."""
    lists = {name: take_data(doc, name) if release else get_data(doc, name) for name in FACTS}
    missing = [name for name, data in lists.items() if data is None and name not in OPTIONAL]
    if missing:
        names = ", ".join(f"doc._.{data_name(name)}" for name in missing)
        raise ValueError(
            f"this Doc has no newsnlp facts ({names} not set): it did not go through the "
            "newsnlp fact components (linker, dates, percentages, money, ratios), or it was "
            "restored "
            "without its user data (use DocBin(store_user_data=True))"
        )
    return _Facts(
        {name: data or [] for name, data in lists.items()},
        get_layout(doc),
        doc._.newsnlp_dateline,
    )


def _build(facts: _Facts, text: str, published: date | datetime | None) -> Article:
    """The Article of ``text`` from its facts' data (validated in one pass)."""
    published = check_published(published)
    line = facts.dateline
    when = published if published is not None else (date.fromisoformat(line) if line else None)
    page = facts.page or Layout()
    article = Article.model_validate(
        {
            "text": text,
            **facts.lists,
            "blocks": page.blocks,
            "title": page.title,
            "author": page.author,
            "published": when.isoformat() if when is not None else None,
        }
    )
    if when is None:
        return article
    return article.model_copy(
        update={
            "dates": [dates.resolve(fact, when) for fact in article.dates],
            "percentages": [
                fact.model_copy(update={"period": dates.resolve(fact.period, when)})
                if fact.period is not None
                else fact
                for fact in article.percentages
            ],
            "ratios": [
                fact.model_copy(update={"period": dates.resolve(fact.period, when)})
                if fact.period is not None
                else fact
                for fact in article.ratios
            ],
        }
    )


def analyze(text: str, published: date | datetime | str | None = None) -> Article:
    """Analyze one article: people, places, organizations, percentages, dates and money.

    ``published``: the article's own date (a ``date``, ``datetime`` or ISO ``str``), which
    relative dates are resolved against; without it, a date line of the text is used.
    Raises ``TypeError`` when ``text`` is not a ``str`` (bytes included: decode first).
    Empty or whitespace-only text, and text without a Russian word (no Cyrillic letter of the
    Russian alphabet), gives an empty :class:`Article`. Safe to call from many threads at once
    (see README, "Threads").
    """
    text = check_text(text)
    when = check_published(published)
    return _article(default_pipeline(), text, when)


def _article(nlp: Language, text: str, published: date | datetime | None = None) -> Article:
    """The article of one text; a text without a Russian word is an empty one (not analyzed)."""
    if not has_russian(text):
        when = published.isoformat() if published is not None else None
        return Article(text=check_unicode(text), published=when)
    doc = nlp(text)
    facts = _facts(doc, release=True)
    del doc  # a huge text's Doc is freed before its Article is built
    return _build(facts, text, published)


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
        russian = [text for text in texts if has_russian(text)]
        docs = iter(nlp.pipe(russian, batch_size=max(len(russian), 1)))
        return [
            to_article(next(docs), text, release=True) if has_russian(text) else _article(nlp, text)
            for text in texts
        ]
    except Exception:
        results: list[Result] = []
        for number, text in enumerate(texts, start):
            try:
                results.append(_article(nlp, text))
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


T = TypeVar("T", covariant=True)


class Analyses(Iterator[T], Generic[T]):
    """The results of :func:`analyze_many`: an iterator that knows its length when the input
    has one (``len(analyses)``, so progress bars such as tqdm show a total).

    ``len()`` raises ``TypeError`` when the input has no length (a generator) or when
    ``on_error="skip"`` makes the number of results unknown in advance.
    """

    def __init__(self, results: Iterator[T], length: int | None) -> None:
        self._results = results
        self._length = length

    def __iter__(self) -> Analyses[T]:
        return self

    def __next__(self) -> T:
        return next(self._results)

    def __len__(self) -> int:
        if self._length is None:
            raise TypeError(
                "these analyses have no length: the input texts have none, or "
                'on_error="skip" drops an unknown number of them'
            )
        return self._length


def _length(texts: Iterable[str], on_error: str) -> int | None:
    if on_error == "skip":
        return None
    try:
        return len(texts)  # type: ignore[arg-type]
    except TypeError:
        return None


@overload
def analyze_many(
    texts: Iterable[str],
    batch_size: int = ...,
    n_process: int = ...,
    on_error: Literal["raise", "skip"] = ...,
) -> Analyses[Article]: ...


@overload
def analyze_many(
    texts: Iterable[str],
    batch_size: int = ...,
    n_process: int = ...,
    on_error: Literal["record"] = ...,
) -> Analyses[Article | Failure]: ...


def analyze_many(
    texts: Iterable[str],
    batch_size: int = 32,
    n_process: int = 1,
    on_error: OnError = "raise",
) -> Analyses[Article] | Analyses[Article | Failure]:
    """Analyze many articles, in input order, batching their sentences through the models.

    ``batch_size``: articles tagged together (their sentences share model calls).
    ``n_process``: worker processes, each loading the pipeline once; results still come in
    input order. A worker that dies (killed, out of memory) is replaced and only the text it
    died on is lost.
    ``on_error``: what a text the pipeline fails on gives: ``"raise"`` an
    :class:`AnalysisError` naming its position (the default), ``"skip"`` nothing,
    ``"record"`` a :class:`Failure` in its place (one result per text, in order).
    A text that is not a ``str`` is a ``TypeError`` in every mode, and so is ``texts`` itself
    being a ``str`` (use :func:`analyze`) or a mapping (pass its ``.values()``).
    The result is an iterator with a length when ``texts`` has one (see :class:`Analyses`).
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, got {n_process!r}")
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, got {on_error!r}")
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(
            "analyze_many expects an iterable of str, got a single "
            f"{type(texts).__name__}; use analyze() for one text"
        )
    if isinstance(texts, Mapping):
        raise TypeError(
            f"analyze_many expects an iterable of str, got a {type(texts).__name__} (its keys "
            "would be analyzed); pass its values, e.g. analyze_many(texts.values())"
        )
    chunks = _chunks(_checked(texts), batch_size)
    if n_process == 1:
        nlp = default_pipeline()
        results: Iterator[Result] = (
            result for start, chunk in chunks for result in analyze_chunk(nlp, start, chunk)
        )
    else:
        results = analyze_parallel(chunks, n_process)
    return Analyses(_handled(results, on_error), _length(texts, on_error))


# --- worker processes ---------------------------------------------------------------------

Chunk = tuple[int, list[str]]
Runner = Callable[[int, list[str]], list[Result]]

IN_FLIGHT_PER_WORKER = 2
# texts in a row that kill a worker before we conclude the workers cannot run at all (they die
# on start: a script without the ``if __name__ == "__main__":`` guard, no memory, ...)
MAX_DEATHS_IN_A_ROW = 3


WARM_UP = "Мэр Омска Сергей Шелест сообщил 1 марта 2024 года, что экспорт вырос на 5 %."
"""A text the parent analyzes before it forks, so that what the pipeline loads on first use
(dictionaries, caches) is loaded once, there, and shared by the workers."""


def start_method() -> str:
    """How worker processes start: ``"fork"`` where the platform forks safely (Linux and other
    POSIX systems but macOS, whose system libraries are not fork-safe), else ``"spawn"``."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _start_worker() -> None:
    """Load the pipeline when the worker starts (a forked worker has it already); keep BLAS to
    one thread (we are one of N)."""
    from . import resources

    resources.limit_blas(1)
    default_pipeline()


def _prepare_parent() -> None:
    """Before forking: load the pipeline and warm it up in this process, once."""
    analyze(WARM_UP)


def run_chunk(start: int, texts: list[str]) -> list[Result]:
    """What a worker does with a chunk: analyze it with its pipeline (loaded once)."""
    return analyze_chunk(default_pipeline(), start, texts)


class _Pool:
    """A process pool that can be replaced after one of its workers died."""

    def __init__(self, n_process: int, run: Runner) -> None:
        self.n_process = n_process
        self.run = run
        self.method = start_method()
        if self.method == "fork":
            _prepare_parent()
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self.n_process,
            mp_context=multiprocessing.get_context(self.method),
            initializer=_start_worker,
        )

    def submit(self, chunk: Chunk) -> Future[list[Result]]:
        return self.executor.submit(self.run, *chunk)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _one_by_one(pool: _Pool, chunk: Chunk) -> list[Result]:
    """Retry a chunk whose worker died, one text per task; the text that kills a worker again
    is a ``Failure``."""
    from concurrent.futures.process import BrokenProcessPool

    start, texts = chunk
    results: list[Result] = []
    deaths = 0
    for number, text in enumerate(texts, start):
        try:
            results.extend(pool.submit((number, [text])).result())
            deaths = 0
        except BrokenProcessPool as error:
            deaths += 1
            if deaths >= MAX_DEATHS_IN_A_ROW:
                raise RuntimeError(
                    f"newsnlp worker processes died on {deaths} texts in a row "
                    f"(texts[{number - deaths + 1}] to texts[{number}]); they probably cannot "
                    "start: a script that uses n_process > 1 needs the "
                    'if __name__ == "__main__": guard'
                ) from error
            results.append(Failure(number, "worker process died while analyzing this text"))
            pool.restart()
    return results


def analyze_parallel(
    chunks: Iterable[Chunk], n_process: int, run: Runner = run_chunk
) -> Iterator[Result]:
    """Results of every text of ``chunks``, in order, computed by ``n_process`` workers.

    ``run``: the function a worker applies to a chunk (a module-level function, so that
    spawned workers can import it).
    """
    from concurrent.futures.process import BrokenProcessPool

    chunks = iter(chunks)
    pool = _Pool(n_process, run)
    pending: deque[tuple[Chunk, Future[list[Result]]]] = deque()
    try:
        while True:
            while len(pending) < IN_FLIGHT_PER_WORKER * n_process:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.restart()
                results = _one_by_one(pool, chunk)
                pending = deque((waiting, pool.submit(waiting)) for waiting, _ in pending)
            yield from results
    finally:
        pool.close()
