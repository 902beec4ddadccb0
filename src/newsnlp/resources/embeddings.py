"""navec's embeddings: loaded for look-ups only, and each word's vector decoded once.

The navec news embeddings are shared by all slovnet models (:func:`navec`);
:class:`NavecEmbedding` keeps the vectors it decodes for the models' batches.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

import numpy
from navec import Navec
from navec.meta import Meta
from navec.navec import META as NAVEC_META
from navec.navec import PQ_ as NAVEC_PQ
from navec.navec import VOCAB as NAVEC_VOCAB
from navec.pq import PQ
from navec.tar import Tar
from navec.vocab import PAD, UNK
from navec.vocab import Vocab as NavecVocab

from .natasha_data import EMBEDDING, _lock, natasha_data_dir


@cache
def navec() -> Navec:
    """The navec news embeddings shared by all slovnet models.

    Loaded as ``Navec.load`` does, except for the similarity tables (vector norms and code
    products) that navec precomputes and slovnet never uses.
    """
    with _lock, Tar(str(natasha_data_dir() / EMBEDDING)) as tar:
        meta = Meta.from_file(tar.load(NAVEC_META))
        Meta.check_protocol(meta.protocol)
        vocab = _NavecVocab.from_file(tar.load(NAVEC_VOCAB))
        pq = _LookupPQ.from_file(tar.load(NAVEC_PQ))
        return Navec(meta, vocab, pq)


class _NavecVocab(NavecVocab):  # type: ignore[misc]
    """navec's vocabulary, its word index built with ``dict(zip(...))`` (the same dict)."""

    def __init__(self, words: list[str], counts: list[int]) -> None:
        self.words = words
        self.counts = counts
        self.word_ids = dict(zip(words, range(len(words))))
        self.unk_id = self.word_ids.get(UNK)
        self.pad_id = self.word_ids.get(PAD)


class _LookupPQ(PQ):  # type: ignore[misc]
    """navec's product quantizer for vector look-ups only (what slovnet does with it)."""

    def precompute(self) -> None:
        self.qdims = numpy.arange(self.qdim)


class NavecEmbedding:
    """slovnet's navec look-up, with each word's vector decoded once and kept.

    A vector is decoded from navec's product-quantized codes the same way as slovnet does,
    once per word id; later batches (and the other models, which share one instance) gather
    the decoded rows. At most ``MAX_CACHED`` vectors are kept; past that the cache starts over.
    """

    MAX_CACHED = 20_000

    def __init__(self, embedding: Any) -> None:
        self.embedding = embedding
        self.dim: int = embedding.dim
        self.slots = numpy.full(len(embedding.indexes.array), -1, dtype=numpy.intp)
        self.vectors = numpy.empty((0, self.dim), dtype=embedding.codes.array.dtype)
        self.size = 0
        self.lock = threading.Lock()

    def __call__(self, input: numpy.ndarray) -> numpy.ndarray:
        with self.lock:
            slots = self.slots[input]
            if (slots < 0).any():
                slots = self._add(numpy.unique(input[slots < 0]), input)
            return self.vectors[slots]

    def _add(self, missing: numpy.ndarray, input: numpy.ndarray) -> numpy.ndarray:
        """Decode the ``missing`` word ids into the cache; the slots of ``input``."""
        if self.size + len(missing) > self.MAX_CACHED:
            self.slots[:] = -1
            self.size = 0
            missing = numpy.unique(input)
        end = self.size + len(missing)
        if end > len(self.vectors):
            size = max(end, min(2 * len(self.vectors), self.MAX_CACHED))
            vectors = numpy.empty((size, self.dim), self.vectors.dtype)
            vectors[: self.size] = self.vectors[: self.size]
            self.vectors = vectors
        self.vectors[self.size : end] = self.embedding(missing)
        self.slots[missing] = numpy.arange(self.size, end)
        self.size = end
        return self.slots[input]


_navec_embeddings: dict[tuple[int, int], NavecEmbedding] = {}


def _shared_navec(embedding: Any) -> NavecEmbedding:
    """One :class:`NavecEmbedding` (one cache) for all the models over the same navec arrays."""
    key = (id(embedding.indexes.array), id(embedding.codes.array))
    if key not in _navec_embeddings:
        _navec_embeddings[key] = NavecEmbedding(embedding)
    return _navec_embeddings[key]


@cache
def _most_frequent(size: int) -> numpy.ndarray:
    """The navec ids of the ``size`` most frequent words of navec's corpus."""
    counts = numpy.fromiter(navec().vocab.counts, numpy.int64, len(navec().vocab.counts))
    return numpy.argpartition(-counts, size)[:size]
