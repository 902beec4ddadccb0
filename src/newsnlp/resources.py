"""Where the pipeline's data lives and how it is loaded, once per process.

natasha ships the navec embeddings and the slovnet NER / morphology / syntax models inside
its wheel; we locate them without importing natasha (which would pull in pymorphy2). Our own
artifacts live in ``models/`` (shipped inside the package as ``newsnlp/models``).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

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
from slovnet.vocab import Vocab

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


class CNNEncoder:
    """slovnet's ``CNNEncoder`` forward pass, kept in (batch, words, features) layout.

    slovnet transposes to (batch, features, words) for every layer and multiplies a matrix of
    convolution windows (each word's features beside its neighbours') by the kernel. Here each
    word's features are multiplied by the kernel's three columns at once, and the products are
    added at the positions before, at and after the word (:func:`_conv`): the same sums in
    another order, without the windows' copy. ReLU, batch norm and the padding mask are the
    same element-wise operations; the output equals slovnet's up to float rounding.
    """

    def __init__(self, encoder: Any, first_conv_done: bool = False) -> None:
        self.layers = encoder.layers
        self.first_conv_done = first_conv_done
        self.kernels = [_kernel_columns(layer.conv) for layer in self.layers]
        self.folded = [
            _folded_conv(before.norm, kernel, layer.conv.bias.array)
            for before, layer, kernel in zip(self.layers, self.layers[1:], self.kernels[1:])
        ]
        self.heads: dict[int, tuple[numpy.ndarray, numpy.ndarray]] = {}

    def __call__(self, input: numpy.ndarray, mask: numpy.ndarray) -> numpy.ndarray:
        """``input``: the embeddings, or with ``first_conv_done`` the first convolution's
        output (:class:`FirstLayer`)."""
        x = input
        for number, (layer, kernel) in enumerate(zip(self.layers, self.kernels)):
            if number or not self.first_conv_done:
                x = _conv(kernel, layer.conv.bias.array, x)
            _relu_norm(layer, x)
            x[mask] = 0
        return x

    def flat(self, x: numpy.ndarray, firsts: numpy.ndarray, lasts: numpy.ndarray) -> numpy.ndarray:
        """The layers on sentences packed end to end ((words, features), no padding):
        ``firsts``/``lasts``, each sentence's first and last position; nothing is added across
        a sentence's ends (a padded position's features are zero in :meth:`__call__`, and so
        are its products). ``x``: as :meth:`__call__` takes it (this overwrites it).

        Each layer's batch norm (an affine map of its ReLU's output) is folded into the next
        convolution (:func:`_folded_conv`), and the last one into the head
        (:meth:`folded_head`): the output is the last layer's ReLU, before its norm. The same
        function as :meth:`__call__` with the head, up to float rounding (without four
        element-wise passes over each layer's output)."""
        if not self.first_conv_done:
            x = _flat_conv(self.kernels[0], self.layers[0].conv.bias.array, x, firsts, lasts)
        numpy.maximum(x, 0, out=x)
        for kernel, bias, before, after in self.folded:
            x = _flat_conv(kernel, bias, x, firsts, lasts)
            x[firsts] -= before  # no word before a sentence's first: its term is not added
            x[lasts] -= after
            numpy.maximum(x, 0, out=x)
        return x

    def folded_head(self, proj: Any) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The weight and bias of the linear head ``proj`` with the last layer's batch norm
        folded in, for the output of :meth:`flat`."""
        key = id(proj.weight.array)
        if key not in self.heads:
            scale, shift = _norm_affine(self.layers[-1].norm)
            weight = proj.weight.array
            self.heads[key] = (
                numpy.ascontiguousarray(weight * scale[:, None]),
                proj.bias.array + shift @ weight,
            )
        return self.heads[key]


def _norm_affine(norm: Any) -> tuple[numpy.ndarray, numpy.ndarray]:
    """A batch norm, ``(x - mean) / std * weight + bias``, as ``x * scale + shift``."""
    scale = norm.weight.array / norm.std.array
    return scale, norm.bias.array - norm.mean.array * scale


def _folded_conv(
    norm: Any, kernel: numpy.ndarray, bias: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """A convolution (``kernel`` as :func:`_kernel_columns` gives it, and ``bias``) of the
    output of the batch norm ``norm``, as one of the norm's input: (the kernel's rows scaled
    by the norm's scale, the bias with the norm's shift times all three columns, the shift
    times the column of the word before, times the column of the word after). A sentence's
    first word has no word before it (a padded position, zero, not the norm's shift), so the
    third is taken back there, and the fourth at its last word."""
    scale, shift = _norm_affine(norm)
    filters = kernel.shape[1] // 3
    shifted = shift @ kernel
    before, at, after = shifted[:filters], shifted[filters : 2 * filters], shifted[2 * filters :]
    return (
        numpy.ascontiguousarray(kernel * scale[:, None]),
        bias + before + at + after,
        before,
        after,
    )


def _relu_norm(layer: Any, x: numpy.ndarray) -> None:
    """A layer's ReLU and batch norm, in place on the fresh convolution output ``x``."""
    x.clip(0, out=x)
    norm = layer.norm
    x -= norm.mean.array
    x /= norm.std.array
    x *= norm.weight.array
    x += norm.bias.array


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


@cache
def _most_frequent(size: int) -> numpy.ndarray:
    """The navec ids of the ``size`` most frequent words of navec's corpus."""
    counts = numpy.fromiter(navec().vocab.counts, numpy.int64, len(navec().vocab.counts))
    return numpy.argpartition(-counts, size)[:size]


SHARED_WORDS = 8192
"""Words (of consecutive word lists) whose first-layer products :func:`tag_ids` and
:func:`tag_paths` compute at once: a batch of news articles has about a third as many distinct
words as words."""


CHUNK_WORDS = 1024
"""Words (whole sentences) whose scores :func:`tag_ids` and :func:`tag_paths` compute at once:
a chunk's arrays stay in the processor's cache between one element-wise step and the next."""


Ids = tuple[numpy.ndarray, numpy.ndarray]
"""The word ids and the shape ids of the words of word lists, one after another (as
``WordShapeEncoder.flat`` gives them)."""


def tag_ids(
    model: Any, encoder: WordShapeEncoder, items: list[list[str]], ids: Ids | None = None
) -> list[numpy.ndarray]:
    """The best tag id of each word of each word list (slovnet's ``MorphHead.decode`` of the
    model's scores), the lists packed end to end (:func:`flat_scores`): the first layer's
    products shared by :data:`SHARED_WORDS` words, the scores computed :data:`CHUNK_WORDS`
    words at a time. ``ids``: ``encoder.flat(items)`` when computed already."""
    results: list[numpy.ndarray] = []
    for _, chunks in _packed_scores(model, encoder, items, ids):
        for scores, sizes in chunks:
            best = scores.argmax(-1) if len(scores) else numpy.zeros(0, dtype=numpy.intp)
            results.extend(_split(best, sizes))
    return results


def tag_paths(
    model: Any, encoder: WordShapeEncoder, items: list[list[str]], ids: Ids | None = None
) -> Iterator[numpy.ndarray]:
    """The best tag path of each word list under a slovnet tagger's CRF (the NER's
    ``TagDecoder`` of its ``CRFHead`` scores), in order: the scores as :func:`tag_ids` computes
    them, the Viterbi paths of a group of :data:`SHARED_WORDS` words at once
    (:func:`crf_paths`), given as each group is done. ``ids``: as :func:`tag_ids` takes them."""
    transitions = model.head.crf.transitions.array
    for lengths, chunks in _packed_scores(model, encoder, items, ids):
        scores = [scores for scores, _ in chunks if len(scores)]
        if not scores:
            yield from (numpy.zeros(0, dtype=numpy.intp) for _ in lengths)
            continue
        emissions = numpy.concatenate(scores) if len(scores) > 1 else scores[0]
        yield from crf_paths(transitions, emissions, lengths)


def _packed_scores(
    model: Any, encoder: WordShapeEncoder, items: list[list[str]], ids: Ids | None = None
) -> Iterator[tuple[numpy.ndarray, Iterator[tuple[numpy.ndarray, numpy.ndarray]]]]:
    """The items' word counts and head scores, a group sharing one first-layer table
    (:data:`SHARED_WORDS` words) at a time: (the group's word counts, its chunks of
    :data:`CHUNK_WORDS` words as (scores of the chunk's words packed end to end, the chunk's
    word counts)). The ids are read a group at a time and the chunks scored as they are read
    (read them before the next group): a huge text's ids, or a group's scores (tens of MB for
    the morphology's 753 tags), are never held at once (unless given as ``ids``)."""
    lengths = numpy.array([len(words) for words in items], dtype=numpy.intp)
    bounds = numpy.zeros(len(items) + 1, dtype=numpy.intp)
    numpy.cumsum(lengths, out=bounds[1:])

    def chunks(
        start: int, end: int, word_id: numpy.ndarray, shape_id: numpy.ndarray, table: Products
    ) -> Iterator[tuple[numpy.ndarray, numpy.ndarray]]:
        chunk = start
        while chunk < end:
            stop = int(numpy.searchsorted(bounds, bounds[chunk] + CHUNK_WORDS, "right")) - 1
            stop = min(max(stop, chunk + 1), end)
            begin, finish = bounds[chunk] - bounds[start], bounds[stop] - bounds[start]
            sizes = lengths[chunk:stop]
            if finish > begin:
                scores = flat_scores(
                    model, word_id[begin:finish], shape_id[begin:finish], sizes[sizes > 0], table
                )
            else:
                scores = numpy.zeros((0, 0), dtype=numpy.float32)
            yield scores, sizes
            chunk = stop

    start = 0
    while start < len(items):
        # a group of items sharing one table, then chunks of it
        end = int(numpy.searchsorted(bounds, bounds[start] + SHARED_WORDS, "left"))
        end = min(max(end, start + 1), len(items))
        if ids is None:
            word_id, shape_id = encoder.flat(items[start:end])
        else:
            word_id, shape_id = (part[bounds[start] : bounds[end]] for part in ids)
        table = model.emb.table([word_id])
        yield lengths[start:end], chunks(start, end, word_id, shape_id, table)
        start = end


def flat_scores(
    model: Any,
    word_id: numpy.ndarray,
    shape_id: numpy.ndarray,
    lengths: numpy.ndarray,
    table: Products | None = None,
) -> numpy.ndarray:
    """The head's scores ((words, tags)) of a slovnet tagger (NER, morphology) for sentences
    packed end to end: ``word_id``/``shape_id`` one id per word, ``lengths`` the sentences'
    word counts (each at least 1); ``table``: :meth:`FirstLayer.table` over these ids or more.

    The model's function on padded batches without computing the padding (a word's scores do
    not depend on the sentences beside it), with the batch norms folded into the next layers
    (:meth:`CNNEncoder.flat`): the same scores up to float rounding.
    """
    if table is None:
        table = model.emb.table([word_id])
    ends = numpy.cumsum(lengths)
    firsts, lasts = ends - lengths, ends - 1
    x = model.emb.flat(word_id, shape_id, firsts, lasts, table)
    x = model.encoder.flat(x, firsts, lasts)
    weight, bias = model.encoder.folded_head(model.head.proj)
    scores = numpy.matmul(x, weight)
    scores += bias
    return scores


def _kernel_columns(conv: Any) -> numpy.ndarray:
    """A width-3 ``Conv1d``'s kernel as one matrix: a row per input feature, and for each of
    the kernel's columns (the word before, the word, the word after) a block of filters."""
    filters, features, kernel = conv.weight.shape
    if kernel != 3 or conv.padding != 1:
        raise ValueError(f"a convolution of width 3 was expected, got {kernel}")
    return numpy.ascontiguousarray(
        conv.weight.array.transpose(1, 2, 0).reshape(features, kernel * filters)
    )


def _shifted_sum(terms: numpy.ndarray, bias: numpy.ndarray) -> numpy.ndarray:
    """The convolution's output from each word's products with the kernel's three columns
    ((batch, words, 3 * filters)): bias + the word's own + its neighbours' (zero past the
    ends)."""
    batch, size, width = terms.shape
    terms = terms.reshape(batch, size, 3, width // 3)
    output = terms[:, :, 1] + bias
    output[:, 1:] += terms[:, :-1, 0]  # the word before
    output[:, :-1] += terms[:, 1:, 2]  # the word after
    return output


def _flat_shifted_sum(
    terms: numpy.ndarray, bias: numpy.ndarray, firsts: numpy.ndarray, lasts: numpy.ndarray
) -> numpy.ndarray:
    """:func:`_shifted_sum` for sentences packed end to end ((words, 3 * filters)): nothing is
    added across a sentence's first or last word (the neighbour's products are zeroed in
    ``terms``, which this overwrites)."""
    size, width = terms.shape
    terms = terms.reshape(size, 3, width // 3)
    output = terms[:, 1] + bias
    terms[lasts, 0] = 0  # no word before a sentence's first
    terms[firsts, 2] = 0  # no word after a sentence's last
    output[1:] += terms[:-1, 0]
    output[:-1] += terms[1:, 2]
    return output


def _flat_conv(
    kernel: numpy.ndarray,
    bias: numpy.ndarray,
    x: numpy.ndarray,
    firsts: numpy.ndarray,
    lasts: numpy.ndarray,
) -> numpy.ndarray:
    """:func:`_conv` on sentences packed end to end ((words, features))."""
    return _flat_shifted_sum(numpy.matmul(x, kernel), bias, firsts, lasts)


def _conv(kernel: numpy.ndarray, bias: numpy.ndarray, x: numpy.ndarray) -> numpy.ndarray:
    """slovnet's ``Conv1d`` (width 3, padding 1) on a (batch, words, features) input, with the
    kernel as :func:`_kernel_columns` gives it."""
    batch, size, features = x.shape
    terms = numpy.matmul(x.reshape(batch * size, features), kernel)
    return _shifted_sum(terms.reshape(batch, size, -1), bias)


def _split(array: numpy.ndarray, sizes: numpy.ndarray) -> list[numpy.ndarray]:
    """``array`` cut into consecutive parts of ``sizes`` (summing to its length), as views:
    ``numpy.split``'s parts, without its per-part calls (thousands of sentences a batch)."""
    ends = numpy.cumsum(sizes).tolist()
    return [array[start:end] for start, end in zip([0, *ends], ends)]


def crf_paths(
    transitions: numpy.ndarray, emissions: numpy.ndarray, lengths: numpy.ndarray
) -> list[numpy.ndarray]:
    """slovnet's CRF Viterbi decode (``CRF.decode``) of word lists packed end to end:
    ``emissions`` (words, tags) of lists of ``lengths`` words (0 for an empty list), the best
    tag path of each list.

    The forward pass is slovnet's (the same sums, the best score gathered at ``argmax``), for
    all the lists at once instead of a padded batch at a time: the lists are taken shortest
    first, so the ones still running at a position are the last ones, and each step of the
    forward pass and of the trace back is a few numpy calls over those rows (no arithmetic on
    padding, and a batch's step count is its longest list's length, not the sum of each padded
    batch's).
    """
    lengths = numpy.asarray(lengths, dtype=numpy.intp)
    ends = numpy.cumsum(lengths)
    order = numpy.argsort(lengths, kind="stable")
    sizes = lengths[order]
    skip = int(numpy.searchsorted(sizes, 0, "right"))  # empty lists have no path
    order, sizes = order[skip:], sizes[skip:]
    starts = (ends - lengths)[order]
    paths = numpy.empty(len(emissions), dtype=numpy.intp)
    if len(sizes):
        tags, steps = emissions.shape[1], int(sizes[-1])
        # the first list still running at each position, and the rows of each position's
        # running lists in the words taken position by position (``at``: their places)
        running = numpy.searchsorted(sizes, numpy.arange(steps), "right")
        offsets = numpy.zeros(steps + 1, dtype=numpy.intp)
        numpy.cumsum(len(sizes) - running, out=offsets[1:])
        step = numpy.repeat(numpy.arange(steps), len(sizes) - running)
        at = starts[numpy.arange(len(step)) - offsets[step] + running[step]] + step
        taken = emissions[at]
        history = numpy.empty((len(at), tags), dtype=numpy.intp)
        # each row's (or (list, tag)'s) first cell in a flat array of rows of ``tags``: the
        # maxima are gathered at their argmax, a reduction over a few tags being slow in numpy
        cells = numpy.arange(len(at) * tags) * tags
        previous = transitions.T  # (tag, previous tag): the maxima over the last axis
        firsts, bounds = running.tolist(), offsets.tolist()  # plain ints in the loops
        score = taken[: bounds[1]].copy()
        for index in range(1, steps):
            first, low, high = firsts[index], bounds[index], bounds[index + 1]
            scores = score[first:, None, :] + previous
            scores += taken[low:high, :, None]
            best = scores.argmax(-1, out=history[low:high]).reshape(-1)
            best = best + cells[: len(best)]
            score[first:] = scores.reshape(-1)[best].reshape(-1, tags)
        best = score.argmax(-1)
        paths[starts + sizes - 1] = best
        flat_history = history.reshape(-1)
        for position in range(steps - 2, -1, -1):
            first, low, high = firsts[position + 1], bounds[position + 1], bounds[position + 2]
            best[first:] = flat_history[cells[low:high] + best[first:]]
            paths[at[low - (high - low) : low]] = best[first:]
    return _split(paths, lengths)


class WordShapeEncoder:
    """slovnet's word/shape encoder with the per-word look-ups cached.

    Gives the same ``WordShapeInput`` batches as slovnet's own encoder (``words_vocab`` id of
    the lowercased word, ``shapes_vocab`` id of its shape, padded, ``pad_mask``), but computes
    a word's ids once instead of on every occurrence.
    """

    MAX_CACHED = 500_000
    MAX_PADDING = 0.1  # 0.1 beside 32 fixed-size batches: -10% padded positions, -8..17% time

    def __init__(self, words_vocab: Any, shapes_vocab: Any, batch_size: int) -> None:
        self.words_vocab = words_vocab
        self.shapes_vocab = shapes_vocab
        self.batch_size = batch_size
        self.shapes = len(shapes_vocab.items)
        self.codes = _shared_codes(self)

    def ids(self, word: str) -> tuple[int, int]:
        """(word id, shape id) of one word."""
        return divmod(self.codes[word], self.shapes)

    def code(self, word: str) -> int:
        """A word's ids as one int, ``word id * shapes + shape id`` (computed once per word)."""
        from slovnet.shape import word_shape

        return self.words_vocab.encode(word.lower()) * self.shapes + self.shapes_vocab.encode(
            word_shape(word)
        )

    def flat(self, items: Iterable[list[str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(word ids, shape ids) of the words of ``items``, one after another (no padding), as
        32-bit ints (a huge text has millions of words)."""
        items = items if isinstance(items, list) else list(items)
        count = sum(map(len, items))
        words = chain.from_iterable(items)
        codes = numpy.fromiter(map(self.codes.__getitem__, words), numpy.int32, count)
        return numpy.divmod(codes, numpy.int32(self.shapes))

    def input(self, items: list[list[str]]) -> Any:
        """One padded batch of word lists."""
        from slovnet.exec.encoders import WordShapeInput

        lengths = [len(words) for words in items]
        size = max(lengths)
        word_id = numpy.full((len(items), size), self.words_vocab.pad_id)
        shape_id = numpy.full((len(items), size), self.shapes_vocab.pad_id)
        words, shapes = self.flat(items)
        if len(words):
            # the positions of the words, row by row, in the order of ``items``
            filled = numpy.arange(size) < numpy.array(lengths)[:, None]
            word_id[filled] = words
            shape_id[filled] = shapes
        return WordShapeInput(word_id, shape_id, word_id == self.words_vocab.pad_id)

    def __call__(self, items: Iterable[list[str]]) -> Iterator[Any]:
        items = list(items)
        start = 0
        while start < len(items):
            end = self.batch_end(items, start)
            yield self.input(items[start:end])
            start = end

    def batch_end(self, items: list[list[str]], start: int) -> int:
        """Where the batch that starts at ``items[start]`` ends: after ``batch_size`` items, or
        before an item that would pad the batch with more than ``MAX_PADDING`` times its words.

        Rows are padded to the longest; the convolutions compute the padding too. Items come
        sorted by length, so the long tail gets batches of its own instead of padding others.
        """
        words = longest = 0
        for end in range(start, min(start + self.batch_size, len(items))):
            size = len(items[end])
            longest = max(longest, size)
            words += size
            if end > start and longest * (end - start + 1) > words * (1 + self.MAX_PADDING):
                return end
        return min(start + self.batch_size, len(items))


class _WordCodes(dict[str, int]):
    """:meth:`WordShapeEncoder.code` of each word met, computed on the first look-up; at most
    ``MAX_CACHED`` words are kept (past that the cache starts over)."""

    def __init__(self, encoder: WordShapeEncoder) -> None:
        super().__init__()
        self.encoder = encoder

    def __missing__(self, word: str) -> int:
        if len(self) >= self.encoder.MAX_CACHED:
            self.clear()
        code = self[word] = self.encoder.code(word)
        return code


_word_codes: dict[tuple[int, tuple[str, ...]], _WordCodes] = {}


def _shared_codes(encoder: WordShapeEncoder) -> _WordCodes:
    """One word-code cache for the encoders over the same word vocabulary and shapes (the
    morphology's and the NER's): a word's ids are computed once, and equal ids are the same
    object (:class:`newsnlp._batch.TaggerInput` shares them by it)."""
    key = (id(encoder.words_vocab), tuple(encoder.shapes_vocab.items))
    if key not in _word_codes:
        _word_codes[key] = _WordCodes(encoder)
    return _word_codes[key]


_words_vocabs: dict[bytes, Any] = {}


def _words_vocab(pack: Any) -> Any:
    """The pack's word vocabulary: one ``Vocab`` for packs whose vocabularies are equal, and
    navec's own word index when it is navec's list (the news models' case), so that the 250k
    words are indexed once instead of four times.

    The news models' three packs hold the same gzip'd list, their gzip headers differing only in
    the time written (bytes 4-9): the cache is keyed by the compressed bytes without it, so the
    list is decompressed once (13 ms a pack). navec's list is recognized by the bytes first
    (``words`` joined: no word holds a line break, as ``splitlines`` made them), then item by
    item."""
    from gzip import decompress

    from slovnet.const import WORD
    from slovnet.exec.pack import vocab_name

    packed = pack.read(vocab_name(WORD))
    key = packed[:4] + packed[10:]  # the header's time, extra flags and system left out
    if key not in _words_vocabs:
        content = decompress(packed)
        words = navec().vocab
        if _same_lines(content, words.words):
            _words_vocabs[key] = _IndexedVocab(words.words, words.word_ids)
        else:
            _words_vocabs[key] = Vocab(content.decode("utf8").splitlines())
    return _words_vocabs[key]


def _same_lines(content: bytes, lines: list[str]) -> bool:
    """Whether ``content.decode("utf8").splitlines() == lines``, for ``lines`` that
    ``splitlines`` made (no line break inside one): the bytes compared first (a list ending in
    an empty line is not its lines joined), then line by line."""
    if lines and lines[-1] and content == "\n".join(lines).encode("utf8"):
        return True
    return content.decode("utf8").splitlines() == lines


class _IndexedVocab(Vocab):  # type: ignore[misc]
    """A slovnet ``Vocab`` over an existing word list and word -> id index."""

    def __init__(self, items: list[str], item_ids: dict[str, int]) -> None:
        self.items = items
        self.item_ids = item_ids
        self.unk_id = item_ids.get("<unk>")
        self.pad_id = item_ids.get("<pad>")


def _slovnet(kind: str, path: str, batch_size: int) -> Any:
    """Load a slovnet model as ``slovnet.<kind>.load`` does, sharing the word vocabulary, with
    newsnlp's cached encoder; BLAS is limited to :data:`BLAS_THREADS` threads first."""
    from slovnet import api
    from slovnet.const import REL, SHAPE, TAG
    from slovnet.exec import infer as infers
    from slovnet.exec.pack import Pack

    model_class, decoder_class, infer_class, labels = {
        "NER": (api.NERModel, infers.TagDecoder, infers.NERInfer, TAG),
        "Morph": (api.MorphModel, infers.TagDecoder, infers.MorphInfer, TAG),
        "Syntax": (api.SyntaxModel, infers.SyntaxDecoder, infers.SyntaxInfer, REL),
    }[kind]
    with _lock:
        _limit_blas_once()
        with Pack(str(natasha_data_dir() / path)) as pack:
            pack.load_meta().check_protocol()
            model = pack.load_model(model_class)
            arrays = dict(pack.load_arrays(model.weights))
            words_vocab = _words_vocab(pack)
            shapes_vocab = pack.load_vocab(SHAPE)
            labels_vocab = pack.load_vocab(labels)
        model = model.inject_arrays(arrays).inject_navec(navec())
        model.emb.word = _shared_navec(model.emb.word)
        # the taggers keep their frequent words' products (the parser reads few sentences)
        navec_ids = isinstance(words_vocab, _IndexedVocab) and kind != "Syntax"
        model.emb = FirstLayer(model.emb, model.encoder.layers[0].conv, navec_ids)
        model.encoder = CNNEncoder(model.encoder, first_conv_done=True)
        encoder = WordShapeEncoder(words_vocab, shapes_vocab, batch_size)
        infer = infer_class(model, encoder, decoder_class(labels_vocab))
        return getattr(api, kind)(infer, batch_size)


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


@lru_cache(maxsize=30_000)
def word_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of ``word``, best first (cached: a word comes with many tags)."""
    return tuple(morph_analyzer().parse(word))


@cache
def morph_analyzer() -> Any:
    """The pymorphy3 analyzer with the Russian dictionaries (the only one we load).

    Its units are pymorphy3's Russian defaults, with the Latin-word unit replaced by one that
    also takes letters without a Unicode name (see :func:`_safe_units`).
    """
    import pymorphy3

    with _lock:
        return pymorphy3.MorphAnalyzer(lang="ru", units=_safe_units())


def _safe_units() -> list[Any]:
    """pymorphy3's default Russian units with :class:`LatinAnalyzer` made safe.

    pymorphy3 decides whether a word is Latin by looking up the Unicode name of each of its
    letters with ``unicodedata.name(char)``, which raises ``ValueError`` for a letter that has
    no name in Python's Unicode database (Tangut "\U00017000", Khitan, newer scripts): one such
    character anywhere made the whole article fail. The replacement unit answers the same
    question with a default (a letter without a name is not Latin).
    """
    import unicodedata

    from pymorphy3.lang.ru import DEFAULT_UNITS
    from pymorphy3.units import LatinAnalyzer

    class SafeLatinAnalyzer(LatinAnalyzer):  # type: ignore[misc]
        def check_shape(self, word: str, word_lower: str) -> bool:
            letters = [char for char in word if char.isalpha()]
            return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)

    def replaced(unit: Any) -> Any:
        if isinstance(unit, list):
            return [replaced(item) for item in unit]
        return SafeLatinAnalyzer() if type(unit) is LatinAnalyzer else unit

    return [replaced(unit) for unit in DEFAULT_UNITS]
