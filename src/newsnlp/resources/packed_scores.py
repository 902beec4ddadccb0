"""The taggers' scores and best tags for word lists packed end to end (no padding), a group
of words sharing one first-layer table at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy

from .crf import _split, crf_paths
from .first_layer import Products
from .vocabularies import WordShapeEncoder

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
