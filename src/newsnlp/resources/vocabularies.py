"""Words to ids: the word and shape vocabularies, one per distinct list, and the cached
word/shape encoder."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

import numpy
from slovnet.vocab import Vocab

from .embeddings import navec


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
