"""Batched inference of slovnet models over the sentences of many ``Doc`` objects, and the
two shapes of newsnlp's spaCy components (batch-wise and document-wise).

Sentences and words are read from the ``Doc`` arrays (``SENT_START``, ``IS_SPACE``, ``ORTH``)
rather than through ``Token`` objects: creating a Python ``Token`` per word costs more than the
look-ups themselves.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import weakref
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, wraps
from itertools import islice
from typing import Any, TypeVar

import numpy
from spacy.attrs import IDX, IS_SPACE, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

T = TypeVar("T")

# slovnet's syntax head scores grow with the square of the sentence length; a run-on "sentence"
# (a table, a list without punctuation) is cut into pieces of this many words for the models.
MAX_WORDS = 200

Piece = tuple[int, Sequence[int]]  # (doc index in the batch, token indexes of the words)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indexes of the sentences of ``doc``, as ``doc.sents`` gives them."""
    length = len(doc)
    if not length:
        return []
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [length]))


def sentence_pieces(
    docs: Sequence[Doc], select: Callable[[list[str]], bool] | None = None
) -> list[Piece]:
    """The words (non-whitespace tokens) of each sentence, cut at ``MAX_WORDS``.

    ``select``, when given, receives the lowercased texts of a sentence's tokens and says
    whether the sentence is wanted.
    """
    pieces: list[Piece] = []
    for number, doc in enumerate(docs):
        bounds = sentence_bounds(doc)
        if not bounds:
            continue
        is_space = doc.to_array(IS_SPACE) == 1
        spaces = numpy.flatnonzero(is_space).tolist()  # few: line breaks, odd gaps
        flags = is_space.astype(numpy.uint8).tobytes() if spaces else b""
        lowers = token_texts(doc, LOWER) if select is not None else []
        for start, end in bounds:
            if select is not None and not select(lowers[start:end]):
                continue
            # a sentence without whitespace tokens (most) as a range, not a list of ints: a
            # huge text's million token indexes took tens of MB as Python ints
            words: Sequence[int] = (
                [i for i in range(start, end) if not flags[i]]
                if bisect_left(spaces, start) != bisect_left(spaces, end)
                else range(start, end)
            )
            for cut in range(0, len(words), MAX_WORDS):
                pieces.append((number, words[cut : cut + MAX_WORDS]))
    return pieces


def index_array(indexes: Sequence[int]) -> numpy.ndarray:
    """Token indexes (a piece's) as a numpy array."""
    if isinstance(indexes, range):
        return numpy.arange(indexes.start, indexes.stop, indexes.step, dtype=numpy.intp)
    return numpy.array(indexes, dtype=numpy.intp)


def piece_positions(pieces: Sequence[Piece]) -> numpy.ndarray:
    """The token index of every word of ``pieces``, one piece after another (as
    :func:`index_array` of each, concatenated)."""
    sizes = numpy.fromiter((len(indexes) for _, indexes in pieces), numpy.intp, len(pieces))
    firsts = numpy.fromiter(
        (indexes[0] if len(indexes) else 0 for _, indexes in pieces), numpy.intp, len(pieces)
    )
    offsets = numpy.cumsum(sizes) - sizes
    # a piece of consecutive tokens (a range, most) from its first; the others as listed
    positions = numpy.arange(int(sizes.sum()), dtype=numpy.intp)
    positions += numpy.repeat(firsts - offsets, sizes)
    for (_, indexes), offset in zip(pieces, offsets.tolist()):
        if not (isinstance(indexes, range) and indexes.step == 1):
            positions[offset : offset + len(indexes)] = indexes
    return positions


_FIXED = (ORTH, LOWER)  # a token's text never changes after tokenization; its lemma does


class _Read(dict[int, list[str]]):
    """The token texts read from one live document, by attribute; for a changeable attribute
    (``LEMMA``) also the fingerprint of the hashes they were read from (:attr:`hashes`)."""

    def __init__(self) -> None:
        super().__init__()
        self.hashes: dict[int, bytes] = {}


_read: weakref.WeakKeyDictionary[Doc, _Read] = weakref.WeakKeyDictionary()
# the document asked about last and what was read from it: stages ask for several lists of the
# same document in a row, and a WeakKeyDictionary makes a weak reference at every look-up
_last: tuple[weakref.ref[Doc], _Read] | None = None


def _forget(ref: weakref.ref[Doc]) -> None:
    """Drop the last document's lists once it is gone (a weak reference's callback)."""
    global _last
    last = _last
    if last is not None and last[0] is ref:
        _last = None


def _read_from(doc: Doc) -> _Read:
    """What was read from ``doc`` so far (an empty record the first time)."""
    global _last
    last = _last
    if last is not None and last[0]() is doc:
        return last[1]
    read = _read.get(doc)
    if read is None:
        read = _read.setdefault(doc, _Read())
    _last = (weakref.ref(doc, _forget), read)
    return read


def token_texts(doc: Doc, attr: int) -> list[str]:
    """The string attribute ``attr`` (``ORTH``, ``LOWER``, ``LEMMA``) of every token of ``doc``,
    read from the array in one step instead of through ``Token`` objects.

    The list is read once per live document (several stages ask for it; kept beside the
    ``Doc``, not in it, so nothing extra travels with it), for ``LEMMA`` again when the lemmas
    changed: treat the list as read-only.
    """
    read = _read_from(doc)
    texts = read.get(attr)
    if attr not in _FIXED:
        # a lemma can change (a later component, a user): the list is reused while the hashes
        # it was read from are still the Doc's (compared as bytes: one memcmp; a huge
        # document's as a digest)
        hashes = doc.to_array(attr)
        key = _fingerprint(hashes)
        if texts is None or read.hashes.get(attr) != key:
            texts = read[attr] = _strings(doc, attr, hashes)
            read.hashes[attr] = key
        return texts
    if texts is None or len(texts) != len(doc):
        texts = read[attr] = _strings(doc, attr)
    return texts


def _fingerprint(hashes: numpy.ndarray) -> bytes:
    """What tells whether the hashes of a changeable attribute changed: their bytes, or for a
    huge document (:data:`LARGE_BATCH` tokens) their BLAKE2b digest (32 bytes where the bytes
    are 8 a token, kept as long as the document)."""
    if len(hashes) < LARGE_BATCH:
        return hashes.tobytes()
    return hashlib.blake2b(numpy.ascontiguousarray(hashes).data, digest_size=32).digest()


_ROWS_AT_ONCE = 65_536


def _strings(doc: Doc, attr: int, hashes: numpy.ndarray | None = None) -> list[str]:
    """The strings of ``attr`` of every token (``hashes``: its array, when read already), the
    hashes turned into Python ints a block at a time (a huge text's million hashes at once
    would take some 40 MB)."""
    if hashes is None:
        hashes = doc.to_array(attr)
    get = _decoded(doc.vocab.strings).__getitem__
    if len(hashes) <= _ROWS_AT_ONCE:
        return list(map(get, hashes.tolist()))
    texts: list[str] = []
    for start in range(0, len(hashes), _ROWS_AT_ONCE):
        texts.extend(map(get, hashes[start : start + _ROWS_AT_ONCE].tolist()))
    return texts


def token_starts(doc: Doc) -> array[int]:
    """The character offset of every token, as a compact array (8 bytes a token, where a list
    of Python ints takes 36: a huge text has millions of tokens)."""
    starts = doc.to_array(IDX)
    # from the array's buffer in one copy (a memoryview would be read value by value, and
    # ``tobytes`` would make a second copy)
    offsets = array("q")
    offsets.frombytes(starts.astype(numpy.int64, copy=False).data.cast("B"))
    return offsets


def token_flags(doc: Doc, attr: int) -> bytes:
    """Per token, 1 where the 0/1 attribute ``attr`` (``SPACY``, ``IS_SPACE``...) is set."""
    return (doc.to_array(attr) == 1).astype(numpy.uint8).tobytes()


# the text each live document was made from, kept by the tokenizer beside the Doc (not in it:
# nothing extra travels with the Doc)
_sources: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text`` as the text ``doc`` was made from (for :func:`doc_text`)."""
    _sources[doc] = text
    return doc


def source_text(doc: Doc) -> str | None:
    """The text the tokenizer made ``doc`` from (``doc.text``), or None when it made none
    (:func:`doc_text` without building it)."""
    return _sources.get(doc)


def doc_text(doc: Doc) -> str:
    """``doc.text``: the text the tokenizer made it from, else built from the token texts
    already read (spaCy's property makes a ``Token`` per word every time it is asked)."""
    source = _sources.get(doc)
    if source is not None:
        return source
    spaces = doc.to_array(SPACY).tolist()
    return "".join(
        [text + " " if space else text for text, space in zip(token_texts(doc, ORTH), spaces)]
    )


class _Decoded(dict[int, str]):
    """The strings of a spaCy ``StringStore`` by hash, decoded once (the store decodes its
    UTF-8 bytes into a new ``str`` on every look-up)."""

    MAX_CACHED = 500_000

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        if len(self) >= self.MAX_CACHED:
            self.clear()
        value: str = self.strings[key]
        self[key] = value
        return value


_decoded_strings: _Decoded | None = None


def _decoded(strings: Any) -> _Decoded:
    """The decoded strings of ``strings`` (one store at a time: a pipeline's vocabulary)."""
    global _decoded_strings
    if _decoded_strings is None or _decoded_strings.strings is not strings:
        _decoded_strings = _Decoded(strings)
    return _decoded_strings


def piece_words(docs: Sequence[Doc], pieces: list[Piece]) -> list[list[str]]:
    """The token texts of each piece, as the slovnet models take them."""
    texts: dict[int, list[str]] = {}
    words = []
    for number, indexes in pieces:
        doc_texts = texts.get(number)
        if doc_texts is None:
            doc_texts = texts[number] = token_texts(docs[number], ORTH)
        if isinstance(indexes, range) and indexes.step == 1:
            words.append(doc_texts[indexes.start : indexes.stop])
        else:
            words.append([doc_texts[i] for i in indexes])
    return words


class TaggerInput:
    """What the morphology tagger and the NER both read from a batch of documents: the pieces
    of :func:`sentence_pieces`, their words (:func:`piece_words`) and the models' ids of those
    words (:attr:`ids`, filled by the first tagger that computes them, keyed by its encoder's
    word codes: the two taggers share them)."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.pieces = sentence_pieces(docs)
        self.words = piece_words(docs, self.pieces)
        self.kept = sum(map(len, docs)) < LARGE_BATCH
        self.ids: dict[int, Any] = {}
        # what a kept record was read from: the documents (weakly) and their sentence starts
        self.docs = [weakref.ref(doc, _forget_input) for doc in docs] if self.kept else []
        self.starts = [doc.to_array(SENT_START).tobytes() for doc in docs] if self.kept else []

    def shared_ids(self, key: int, compute: Callable[[list[list[str]]], T]) -> T | None:
        """``compute(self.words)`` (a tagger's ids of the words), computed once per ``key`` (the
        encoder's word codes) for a batch that is :attr:`kept`; None for a huge batch (each
        tagger reads its ids a group of sentences at a time)."""
        if not self.kept:
            return None
        if key not in self.ids:
            self.ids[key] = compute(self.words)
        return self.ids[key]  # type: ignore[no-any-return]

    def matches(self, docs: Sequence[Doc]) -> bool:
        """Whether this was read from ``docs`` as they are now (the same documents, in the same
        order, with the same sentences)."""
        return (
            len(docs) == len(self.docs)
            and all(ref() is doc for ref, doc in zip(self.docs, docs))
            and all(
                doc.to_array(SENT_START).tobytes() == starts
                for doc, starts in zip(docs, self.starts)
            )
        )


_last_input: TaggerInput | None = None


def _forget_input(ref: weakref.ref[Doc]) -> None:
    """Drop the last batch's :class:`TaggerInput` once one of its documents is gone."""
    global _last_input
    last = _last_input
    if last is not None and any(kept is ref for kept in last.docs):
        _last_input = None


def tagger_input(docs: Sequence[Doc]) -> TaggerInput:
    """The sentence pieces, words and ids of ``docs`` for the taggers, read once per batch.

    The last batch's record is kept for the next tagger of the same batch (the NER after the
    morphology) while its documents live and their sentences are unchanged; a batch of
    :data:`LARGE_BATCH` tokens or more (a huge text) is read again by each tagger instead, so
    that its pieces and words are not held from one stage to the next."""
    global _last_input
    last = _last_input
    if last is not None and last.matches(docs):
        return last
    read = TaggerInput(docs)
    _last_input = read if read.kept else None
    return read


def run_sorted(infer: Callable[[list[list[str]]], Iterable[T]], items: list[list[str]]) -> list[T]:
    """Run ``infer`` over ``items`` sorted by length (less padding), results in input order."""
    order = sorted(range(len(items)), key=lambda index: len(items[index]))
    results: list[Any] = [None] * len(items)
    for index, result in zip(order, infer([items[index] for index in order])):
        results[index] = result
    return results


def batches(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """Consecutive lists of ``size`` documents (the last may be shorter)."""
    docs = iter(docs)
    while batch := list(islice(docs, size)):
        yield batch


LARGE_BATCH = 100_000
"""Tokens in a batch past which a model stage gives its freed memory back (a huge text); in a
document, past which its fact data is stored compact (``extensions._compact``) and the lemma
hashes its lemma list was read from are kept as a digest (:func:`token_texts`)."""


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """The C library's ``malloc_trim`` (glibc), or None where there is none."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def give_back_memory() -> None:
    """Return the C heap's free memory to the system (glibc only; elsewhere nothing).

    The models' numpy arrays for a huge batch leave the heap with tens of megabytes free but
    held, which Python's own allocator cannot reuse: a 5 MB text peaks some 20 MB lower when
    each model stage gives it back.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class BatchComponent:
    """A spaCy component that processes a batch of documents at once (one model call).

    Subclasses implement :meth:`process`; ``nlp(text)`` is a batch of one.
    """

    def process(self, docs: Sequence[Doc]) -> None:
        """Annotate ``docs`` in place."""
        raise NotImplementedError

    def _process(self, docs: Sequence[Doc]) -> None:
        self.process(docs)
        if sum(map(len, docs)) >= LARGE_BATCH:
            give_back_memory()

    def __call__(self, doc: Doc) -> Doc:
        self._process([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in batches(docs, batch_size):
            self._process(batch)
            yield from batch


class DocComponent:
    """A spaCy component that works one document at a time (subclasses define ``__call__``).

    After a huge document (:data:`LARGE_BATCH` tokens or more) the C heap's free memory is given
    back (:func:`give_back_memory`), as model stages do: each stage's big temporary lists leave
    holes in the heap that would otherwise add up, stage after stage, under the next one's peak.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        call = cls.__dict__.get("__call__")
        if call is not None:
            cls.__call__ = _giving_back(call)  # type: ignore[method-assign,assignment]

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _giving_back(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
    """``call`` (a component's ``__call__``), then the heap's free memory given back after a
    huge document."""

    @wraps(call)
    def component_call(self: Any, doc: Doc) -> Doc:
        doc = call(self, doc)
        if len(doc) >= LARGE_BATCH:
            give_back_memory()
        return doc

    return component_call
