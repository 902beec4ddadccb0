"""BLAS's thread count for the models' matrix products, set once per process."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from .natasha_data import _lock

# slovnet's matrices are small (a batch of sentences by a few hundred features). On a busy or
# shared machine a second BLAS thread spinning for the other core makes them several times
# slower, so newsnlp runs BLAS on one thread and scales with processes (n_process, Dask).
# NEWSNLP_BLAS_THREADS=2 lets one process use a second, idle core for the matrix products;
# NEWSNLP_BLAS_THREADS=0 leaves BLAS's thread count as it is.
BLAS_THREADS = int(os.environ.get("NEWSNLP_BLAS_THREADS", "1"))

_blas_limited = False


def limit_blas(limit: int | None = None) -> None:
    """Limit BLAS (numpy's OpenBLAS) to ``limit`` threads (default :data:`BLAS_THREADS`) for
    the whole process, and leave it so; called once when the models load.

    The limit is set once and not undone: a limit set and restored around every forward pass
    (what newsnlp did before) resizes OpenBLAS's thread pool twice per batch, and on a busy
    machine a call from any thread but the main one then ran up to 9x slower. BLAS's thread
    count is process-wide, so one setting holds for every thread. ``limit`` 0 (or less) leaves
    BLAS alone.
    """
    global _blas_limited
    limit = BLAS_THREADS if limit is None else limit
    with _lock:
        if limit > 0 and _blas_controller() is not None:
            _blas_controller().limit(limits=limit, user_api="blas")
        _blas_limited = True


def _limit_blas_once() -> None:
    if not _blas_limited:
        limit_blas()


@cache
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ModuleNotFoundError:  # BLAS keeps its own thread count (pip install threadpoolctl)
        return None
    return ThreadpoolController()
