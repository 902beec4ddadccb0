"""The token arrays a scan reads (shared with the money scan) and the cursor over them: a
token's lowercased text and lemma, sentence joins, numbers, years and units at an index."""

from __future__ import annotations

import re
import weakref
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, count
from typing import Any

from spacy.attrs import LEMMA, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from .._batch import token_flags, token_starts, token_texts
from .._numerals import WORDS, to_float, words_value
from .lexicon import (
    _COLLECTIVE,
    _COUPLE,
    _INT,
    _ORDINAL_DIGITS,
    _ORDINAL_YEAR,
    _VAGUE,
    UNITS,
    YEAR_WORDS,
)

_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
_SUFFIXED = re.compile(r"^(\d{1,3})-?(?:х|и|ти|ми|ех|ух)$")


@dataclass
class Found:
    """One time expression: its tokens [first, stop) and the fields of its fact."""

    first: int
    stop: int
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TokenArrays:
    """What the date and money scans read of every token, taken from the ``Doc`` arrays once
    per live document (both scans share it; kept beside the ``Doc``, not in it).

    A gap inside a line that is not one plain space (a no-break space: "47\u00a0млн рублей",
    "1917\u00a0год"; a thin space; two spaces) is a whitespace token of the ``Doc``; the arrays
    leave it out, so the scans read the words around it as neighbours, and ``tokens`` gives the
    ``Doc`` index of each entry (None where nothing was left out: the indexes are the same).
    The token before such a gap of one character counts as followed by one space."""

    lowers: list[str]
    lemmas: list[str]
    texts: list[str]
    idx: Sequence[int]
    spaces: Sequence[int]  # 1 where one space follows the token
    sent_start: Sequence[int]  # 1 where a sentence starts
    tokens: Sequence[int] | None = None  # the Doc index of each entry, None: the same
    size: int = -1  # the length of the Doc they were read from

    @classmethod
    def of(cls, doc: Doc) -> TokenArrays:
        """The arrays of a tagged document (computed on first use, then kept while it lives)."""
        arrays = _arrays.get(doc)
        if arrays is None or arrays.size != len(doc):
            parsed = doc.has_annotation("SENT_START")
            arrays = _without_gaps(
                cls(
                    lowers=token_texts(doc, LOWER),
                    lemmas=token_texts(doc, LEMMA),
                    texts=token_texts(doc, ORTH),
                    idx=token_starts(doc),
                    spaces=token_flags(doc, SPACY),
                    sent_start=token_flags(doc, SENT_START) if parsed else bytes(len(doc)),
                    size=len(doc),
                )
            )
            _arrays[doc] = arrays
        return arrays

    @staticmethod
    def release(doc: Doc) -> None:
        """Drop the arrays kept for ``doc`` (the last stage that reads them, money, calls it: a
        huge text's arrays are tens of MB; a later reader would compute them again)."""
        _arrays.pop(doc, None)

    def doc_index(self, i: int) -> int:
        """The ``Doc`` index of entry ``i``."""
        return self.tokens[i] if self.tokens is not None else i


def _gap(text: str) -> bool:
    """Whether a token is whitespace inside a line (not a line break)."""
    return text.isspace() and "\n" not in text and "\r" not in text


def _without_gaps(arrays: TokenArrays) -> TokenArrays:
    """The arrays without the whitespace tokens inside lines (see :class:`TokenArrays`)."""
    texts = arrays.texts
    # whitespace tokens found by ``str.isspace`` over every token at C speed (few are)
    gaps = [i for i in compress(count(), map(str.isspace, texts)) if _gap(texts[i])]
    if not gaps:
        return arrays
    # the kept indexes as a compact array, and an entry's position found from the gaps before
    # it: a dict or a list of Python ints over every token of a huge text took tens of MB
    keep = array("q", _kept(gaps, len(texts)))
    spaces = bytearray(arrays.spaces[i] for i in keep)
    sent_start = bytearray(arrays.sent_start[i] for i in keep)
    is_gap = bytearray(len(texts))
    for i in gaps:
        is_gap[i] = 1

    def position(doc_index: int) -> int | None:
        if not 0 <= doc_index < len(texts) or is_gap[doc_index]:
            return None
        return doc_index - bisect_left(gaps, doc_index)

    for i in gaps:
        before, after = position(i - 1), position(i + 1)
        if before is not None and len(texts[i]) == 1 and not arrays.spaces[i - 1]:
            spaces[before] = 1
        if arrays.sent_start[i] and after is not None:
            sent_start[after] = 1
    return TokenArrays(
        lowers=[arrays.lowers[i] for i in keep],
        lemmas=[arrays.lemmas[i] for i in keep],
        texts=[texts[i] for i in keep],
        idx=array("q", (arrays.idx[i] for i in keep)),
        spaces=bytes(spaces),
        sent_start=bytes(sent_start),
        tokens=keep,
        size=arrays.size,
    )


def _kept(gaps: list[int], size: int) -> Iterator[int]:
    """The indexes of ``range(size)`` that are not in ``gaps`` (sorted), in order."""
    start = 0
    for gap in gaps:
        yield from range(start, gap)
        start = gap + 1
    yield from range(start, size)


_arrays: weakref.WeakKeyDictionary[Doc, TokenArrays] = weakref.WeakKeyDictionary()


class TokenReader:
    """The token arrays of one document (:class:`TokenArrays`) and the look-ups by index that
    the date and money scans share: an index outside the document reads ""."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arrays = TokenArrays.of(doc)
        self.lowers = self.read_lowers(arrays)
        self.lemmas = arrays.lemmas
        self.texts = arrays.texts
        self.idx = arrays.idx
        self.spaces = arrays.spaces
        self.sent_start = arrays.sent_start
        self.arrays = arrays
        self.n = len(arrays.lowers)

    def read_lowers(self, arrays: TokenArrays) -> list[str]:
        """The lowercased texts :meth:`lower` reads (the arrays' own here)."""
        return arrays.lowers

    def lower(self, i: int) -> str:
        return self.lowers[i] if 0 <= i < self.n else ""

    def lemma(self, i: int) -> str:
        return self.lemmas[i] if 0 <= i < self.n else ""


class Cursor(TokenReader):
    """The token arrays of one document and the helpers that read a token at an index."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self.points: dict[int, Found | None] = {}

    def read_lowers(self, arrays: TokenArrays) -> list[str]:
        # razdel keeps a comma or period after a number in its token ("27.11.2025,", "20,",
        # "15."): read the number without it
        return [
            lower[:-1] if lower[-1:] in ",." and lower[:1].isdigit() else lower
            for lower in arrays.lowers
        ]

    # -------------------------------------------------------------- token helpers

    def joins(self, i: int) -> bool:
        """Whether token ``i`` is in the same sentence as token ``i - 1``."""
        return 0 < i < self.n and not self.sent_start[i]

    def glued(self, i: int) -> bool:
        """Whether token ``i`` follows ``i - 1`` with no space between them."""
        return self.joins(i) and self.idx[i] == self.idx[i - 1] + len(self.texts[i - 1])

    def integer(self, i: int) -> int | None:
        text = self.lower(i)
        return int(text) if _INT.match(text) else None

    def day_at(self, i: int) -> int | None:
        match = _ORDINAL_DIGITS.match(self.lower(i))
        if match and 1 <= int(match.group(1)) <= 31:
            return int(match.group(1))
        return None

    def year_at(self, i: int) -> int | None:
        value = self.integer(i)
        if value is None:
            ordinal = _ORDINAL_YEAR.match(self.lower(i))  # "2010-го", "67-го года"
            if ordinal is None:
                return None
            value = int(ordinal.group(1))
            if value < 100:
                if self.lower(i + 1) not in YEAR_WORDS:
                    return None
                value += 1900 if value >= 30 else 2000
        return value if 1000 <= value <= 2199 else None

    def year_word(self, i: int) -> int:
        """Index after a year word ("года", "г.", "гг.") at ``i``, else ``i``."""
        if self.joins(i) and self.lower(i) in YEAR_WORDS:
            if self.lower(i) in ("г", "гг") and self.lower(i + 1) == "." and self.joins(i + 1):
                return i + 2
            return i + 1
        return i

    def number_at(self, i: int) -> tuple[int, float | None] | None:
        """(index after, value) of a count at ``i``: "12", "1,5", "девяти", "двое",
        "несколько" (value None)."""
        text = self.lower(i)
        if _DECIMAL.match(text) and len(text) <= 6:
            return i + 1, to_float(text)
        suffixed = _SUFFIXED.match(text)  # "20-и часов"
        if suffixed:
            return i + 1, float(suffixed.group(1))
        if text in _COLLECTIVE:
            return i + 1, float(_COLLECTIVE[text])
        if text in _COUPLE:  # "пару лет": two (the pattern marks it approximate)
            return i + 1, 2.0
        if text in _VAGUE:
            return i + 1, None
        j = i
        while j < self.n and self.lemma(j) in WORDS and (j == i or self.joins(j)):
            j += 1
        if j > i:
            value = words_value(self.lemmas[i:j])
            if value is not None:
                return j, value
        return None

    def unit_at(self, i: int) -> str | None:
        return UNITS.get(self.lemma(i)) if self.joins(i) or i == 0 else None
