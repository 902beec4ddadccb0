"""Quotations and the text around cues: where quotations open and close, token offsets,
trimmed stretches of text."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from .._batch import doc_text, sentence_bounds, token_starts, token_texts
from ..extensions import get_data
from ..tag import morph_values
from .lexicon import (
    _CLOSERS,
    _DASHES,
    _FINAL,
    _INVISIBLE,
    _OPENERS,
    _QUOTE_CHARS,
    _QUOTE_PAIRS,
    _STRAIGHT,
    source_nouns,
    speech_verbs,
)


def doc_case(token: Token) -> str:
    """The tagger's case of a token ("" when it has none)."""
    return next(iter(morph_values(token, "Case")), "")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The top-level quotations of ``text``: (offset of the opening mark, offset of the closing
    one). «…» may hold „…“ or «…» inside; a straight quote opens after a space, a bracket or a
    dash and closes elsewhere; a quotation left open at the end of a line is none."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    for match in _QUOTE_CHARS.finditer(text):
        offset, char = match.start(), match.group()
        if char == "\n":
            stack.clear()
            continue
        if char == _STRAIGHT:
            before = text[offset - 1] if offset else " "
            opens = before.isspace() or before in "([—–-:«„/" or not offset
            if stack and stack[-1][1] == _STRAIGHT and not opens:
                start, _ = stack.pop()
                if not stack:
                    spans.append((start, offset))
            elif opens:
                stack.append((offset, _STRAIGHT))
            continue
        if char in _OPENERS and not (char == "“" and stack and stack[-1][1] == "„"):
            stack.append((offset, _QUOTE_PAIRS[char]))
            continue
        if char in _CLOSERS and stack:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == char:
                    start = stack[depth][0]
                    del stack[depth:]
                    if not stack:
                        spans.append((start, offset))
                    break
    return spans


def _skip_spaces_back(text: str, end: int) -> int:
    """Where ``text[:end].rstrip()`` ends, without copying it."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


@dataclass(slots=True)
class _Found:
    """A statement as read, before its speaker is resolved."""

    cue: tuple[int, int]  # tokens [first, end)
    lemma: str
    speaker: tuple[int, int, int] | None  # tokens [first, end) and the head
    content: tuple[int, int] | None  # characters
    direct: bool
    sentence: int


class _Text:
    """A document's words and quotations, and the offsets and stretches of its text."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lowers = token_texts(doc, LOWER)
        self.texts = token_texts(doc, ORTH)
        self.starts = token_starts(doc)
        # the same string objects as the vocabulary's, but for the few with "ё" (a huge text's
        # million tokens would otherwise each get a copy)
        self.lemmas = [
            lemma.replace("ё", "е") if "ё" in lemma else lemma for lemma in token_texts(doc, LEMMA)
        ]
        self.bounds = sentence_bounds(doc)
        self.sentence_of = array("i", [0]) * len(doc)
        for number, (start, end) in enumerate(self.bounds):
            self.sentence_of[start:end] = array("i", [number]) * (end - start)
        self.quotes = quote_spans(self.text)
        self.quote_starts = [start for start, _ in self.quotes]
        self.quote_ends = {stop: (start, stop) for start, stop in self.quotes}
        self.verbs = speech_verbs()
        self.nouns = source_nouns()
        # per token: 1 where a person's or an organization's mention covers it
        self.named = bytearray(len(doc))
        for name in ("people", "organizations"):
            for entity in get_data(doc, name) or []:
                for mention in entity["mentions"]:
                    first = bisect_right(self.starts, mention["start"]) - 1
                    end = bisect_left(self.starts, mention["stop"])
                    self.named[max(first, 0) : end] = b"\x01" * (end - max(first, 0))

    # -- text helpers --------------------------------------------------------------------

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        """The quotation whose marks enclose ``offset``."""
        index = bisect_right(self.quote_starts, offset) - 1
        if index >= 0:
            start, stop = self.quotes[index]
            if start < offset < stop:
                return start, stop
        return None

    def quote_from(self, offset: int) -> tuple[int, int] | None:
        """The quotation opening at ``offset``."""
        index = bisect_left(self.quote_starts, offset)
        if index < len(self.quotes) and self.quotes[index][0] == offset:
            return self.quotes[index]
        return None

    def quote_to(self, offset: int) -> tuple[int, int] | None:
        """The quotation closing at ``offset``."""
        return self.quote_ends.get(offset)

    def start(self, i: int) -> int:
        return self.starts[i]

    def stop(self, i: int) -> int:
        return self.starts[i] + len(self.texts[i])

    def trimmed(self, start: int, stop: int) -> tuple[int, int] | None:
        """``[start, stop)`` without spaces around it and the final full stop."""
        text = self.text
        while start < stop and (text[start].isspace() or text[start] in "—–-,:"):
            start += 1
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] in _FINAL + ",;:"):
            stop -= 1
        if stop - start < 2:
            return None
        return start, stop

    def sentence_stop(self, sentence: int) -> int:
        return self.stop(self.bounds[sentence][1] - 1)

    def inside_quote(self, i: int) -> bool:
        return self.quote_at(self.start(i)) is not None

    def interrupts(self, i: int) -> bool:
        """Whether the verb ``i`` interrupts a quotation: "«…,— сказала она.— …»"."""
        # read backwards from the verb (a copy of the text before it made a huge text's
        # statements quadratic)
        text = self.text
        end = _skip_spaces_back(text, self.start(i))
        if not end or text[end - 1] not in "—–":
            return False
        end = _skip_spaces_back(text, end - 1)
        return end > 0 and text[end - 1] in ",!?…"

    # -- content -------------------------------------------------------------------------

    def content_before(self, first: int, sentence: int) -> bool:
        """Whether the cue follows what was said: "…, — сказал он", "…, сообщил Y"."""
        s_start = self.bounds[sentence][0]
        if first <= s_start:
            return False
        j = first - 1
        while j > s_start and not self.lowers[j].strip(_INVISIBLE):
            j -= 1  # a zero-width space of its own
        mark = self.lowers[j].strip(_INVISIBLE)
        if mark in _DASHES or mark in (",—", ",–", ",-"):
            return True
        return mark == "," and j > s_start
