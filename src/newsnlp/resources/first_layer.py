"""The word and shape embeddings and the first convolution in one step: the kernel's
products computed once per distinct word of a batch (and kept for frequent words)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy

from .convolutions import _kernel_columns, _shifted_sum
from .embeddings import _most_frequent, navec


class Products(NamedTuple):
    """A :class:`FirstLayer` table: the first convolution's products of each distinct word."""

    words: numpy.ndarray
    """The distinct word ids, sorted."""
    rows: numpy.ndarray
    """The row of ``products`` of each of ``words``."""
    products: numpy.ndarray
    """The products of each word's vector with the kernel's three columns, a row per word."""

    def rows_of(self, word_id: numpy.ndarray) -> numpy.ndarray:
        """The rows of ``products`` of the word ids ``word_id`` (each one of :attr:`words`)."""
        return self.rows[numpy.searchsorted(self.words, word_id)]


class FirstLayer:
    """slovnet's word and shape embeddings and the encoder's first convolution, in one step.

    The convolution is linear, and its input at each position is the word's navec vector beside
    the shape's vector. So each of the kernel's three columns is applied to each distinct word
    of a batch once (to each shape once, here), instead of at every place the word occurs, and
    the three products are added at the positions before, at and after the word. Those are
    the sums slovnet computes in another order: the output equals slovnet's up to float
    rounding. This is two thirds of the models' arithmetic, and a batch of news has about half
    as many distinct words as words.
    """

    KEPT_WORDS = 1000
    """The most frequent words (by navec's counts) whose products are kept once computed (3 MB
    a tagger): a fifth of the distinct words of a batch of news, two fifths of its words."""

    def __init__(self, emb: Any, conv: Any, navec_ids: bool = False) -> None:
        words = emb.word.dim
        stacked = _kernel_columns(conv)
        self.embedding = emb  # slovnet's own, what this layer's input would be
        self.word = emb.word
        self.word_weight = numpy.ascontiguousarray(stacked[:words])
        self.shape_terms = numpy.matmul(emb.shape.weight.array, stacked[words:])
        self.bias = conv.bias.array
        # the kept products: a slot per frequent word id (-1 for the others), filled on first use
        self.slots = numpy.full(len(navec().vocab.words) if navec_ids else 0, -1, numpy.int32)
        if navec_ids:
            frequent = _most_frequent(self.KEPT_WORDS)
            self.slots[frequent] = numpy.arange(len(frequent))
        self.kept = numpy.empty((0, self.word_weight.shape[1]), self.word_weight.dtype)
        self.filled = numpy.zeros(0, dtype=bool)
        self.lock = threading.Lock()

    def table(self, word_ids: Iterable[numpy.ndarray]) -> Products:
        """The kernel's products with the vector of each distinct word of ``word_ids``: what
        :meth:`__call__` and :meth:`flat` read, for batches that share it.

        A frequent word's products are computed once and kept (:data:`KEPT_WORDS` words at
        most): the same numbers, each row being its word's own product whatever the batch. The
        kept rows come first, then the products computed now, written in place by the matrix
        product (no copy of them into the rows of their ids).
        """
        unique = numpy.unique(numpy.concatenate([ids.reshape(-1) for ids in word_ids]))
        if not len(self.slots):
            products = numpy.matmul(self.word(unique), self.word_weight)
            return Products(unique, numpy.arange(len(unique)), products)
        with self.lock:
            if not len(self.kept):
                self.kept = numpy.empty(
                    (self.KEPT_WORDS, self.word_weight.shape[1]), self.kept.dtype
                )
                self.filled = numpy.zeros(self.KEPT_WORDS, dtype=bool)
            slots = self.slots[unique]
            keepable = slots >= 0
            known = keepable.copy()
            known[keepable] = self.filled[slots[keepable]]
            products = numpy.empty((len(unique), self.word_weight.shape[1]), self.kept.dtype)
            count = int(numpy.count_nonzero(known))
            products[:count] = self.kept[slots[known]]
        missing = ~known
        numpy.matmul(self.word(unique[missing]), self.word_weight, out=products[count:])
        rows = numpy.empty(len(unique), dtype=numpy.intp)
        rows[known] = numpy.arange(count)
        rows[missing] = numpy.arange(count, len(unique))
        new = missing & keepable
        with self.lock:
            self.kept[slots[new]] = products[rows[new]]
            self.filled[slots[new]] = True
        return Products(unique, rows, products)

    def __call__(
        self,
        word_id: numpy.ndarray,
        shape_id: numpy.ndarray,
        table: Products | None = None,
    ) -> numpy.ndarray:
        """The first convolution's output for a batch; ``table``: from :meth:`table` over
        batches that include this one (else the batch's own)."""
        table = table if table is not None else self.table([word_id])
        terms = table.products[table.rows_of(word_id.reshape(-1))]
        terms += self.shape_terms[shape_id.reshape(-1)]
        return _shifted_sum(terms.reshape(*word_id.shape, -1), self.bias)

    def flat(
        self,
        word_id: numpy.ndarray,
        shape_id: numpy.ndarray,
        firsts: numpy.ndarray,
        lasts: numpy.ndarray,
        table: Products,
    ) -> numpy.ndarray:
        """:meth:`__call__` for sentences packed end to end (flat ids, no padding; see
        :meth:`CNNEncoder.flat`).

        The products with the kernel's three columns (the word before, the word, the word
        after) are gathered and added one column at a time, each a third as wide as all three
        (the arrays stay in the processor's cache): the sums of :func:`_flat_shifted_sum`, in
        its order."""
        products = table.products
        rows = table.rows_of(word_id)
        width = len(self.bias)

        def column(number: int) -> numpy.ndarray:
            columns = slice(number * width, (number + 1) * width)
            terms = products[:, columns][rows]
            terms += self.shape_terms[:, columns][shape_id]
            return terms

        output = column(1)
        output += self.bias
        before = column(0)
        before[lasts] = 0  # no word before a sentence's first
        output[1:] += before[:-1]
        after = column(2)
        after[firsts] = 0  # no word after a sentence's last
        output[:-1] += after[1:]
        return output
