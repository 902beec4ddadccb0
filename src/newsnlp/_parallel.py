"""Worker processes for ``analyze_many(..., n_process=N)``.

Chunks of texts go to a pool of worker processes. Where the platform can fork (Linux), the
pipeline is loaded and warmed up once in the parent and the workers are forked from it: they
share its models and start at once, so two processes beat one from a couple of hundred texts.
Elsewhere (Windows, macOS) workers are spawned and each loads the pipeline once (the script
needs the ``if __name__ == "__main__":`` guard then). A few chunks per worker are in flight at
a time (memory stays bounded on an endless stream) and the
results come back in input order. A text the pipeline raises on becomes a ``Failure`` inside
the worker. A worker that dies takes the pool down with it; then a new pool is started, the
chunk that was lost is retried text by text (so only the text that kills a worker is lost, as
a ``Failure``), and the chunks that were in flight are sent again.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .pipeline import Failure, Result, analyze_chunk, default_pipeline

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
    from .pipeline import analyze

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
