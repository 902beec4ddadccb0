"""Periods and places: the time phrase nearest to a figure ("по итогам 2024 года") and the
article's places mentioned in its sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from spacy.tokens import Span

from ..schema import Phrase
from .figures import Figure
from .lexicon import _COMPARISON, _PERIOD_PREPOSITIONS, _RESULT_NOUNS, _YEAR
from .tokens import _time_anchor


def periods(sent: Span) -> list[Span]:
    """Time phrases of a sentence that start with a preposition: "в третьем квартале"."""
    doc = sent.doc
    found: list[Span] = []
    # each word's test once, from one walk over the sentence (no Token made per test)
    first = sent.start
    anchors = [_time_anchor(token) for token in sent]  # anchors[i - first]: token i's
    i = sent.start
    while i < sent.end:
        if not anchors[i - first]:
            i += 1
            continue
        stop = i
        while stop + 1 < sent.end and (
            anchors[stop + 1 - first]
            or (
                doc[stop + 1].pos_ in ("DET", "ADJ")
                and stop + 2 < sent.end
                and anchors[stop + 2 - first]
            )
        ):
            stop += 1 if anchors[stop + 1 - first] else 2
        start = i
        while (
            start - 1 >= sent.start
            and (doc[start - 1].pos_ in ("ADJ", "DET", "NUM") or doc[start - 1].like_num)
            and doc[start - 1].lower_ not in _PERIOD_PREPOSITIONS
        ):
            start -= 1
        before = start - 1
        if before >= sent.start and doc[before].lower_ in _RESULT_NOUNS:
            if before - 1 >= sent.start and doc[before - 1].lower_ in ("по", "в"):
                found.append(doc[before - 1 : stop + 1])
        elif before >= sent.start and doc[before].lower_ in _PERIOD_PREPOSITIONS:
            # "по сравнению с прошлым годом" is the base of a comparison, not a period
            if before - 1 < sent.start or doc[before - 1].lower_ not in _COMPARISON:
                found.append(doc[before : stop + 1])
        i = stop + 1
    return found


def nearest(spans: Sequence[Span], figure: Figure) -> Span | None:
    """The span nearest to the figure in tokens (ties: the earlier one)."""

    def distance(span: Span) -> int:
        if span.end <= figure.first.i:
            return figure.first.i - span.end
        return max(0, span.start - figure.last.i)

    return min(spans, key=distance) if spans else None


class PlaceIndex:
    """The article's place mentions by offset, to find those inside a sentence quickly."""

    def __init__(self, places: Iterable[Mapping[str, Any]]) -> None:
        """``places``: the stored data of the document's places (``get_data(doc, "places")``:
        no record is rebuilt or held for them)."""
        mentions = sorted(
            (mention["start"], mention["stop"], place["name"])
            for place in places or ()
            for mention in place["mentions"]
        )
        self.starts = [start for start, _, _ in mentions]
        self.mentions = mentions

    def holds(self, offset: int) -> bool:
        """Whether a place mention covers the character at ``offset``."""
        n = bisect_right(self.starts, offset)
        return any(first <= offset < last for first, last, _ in self.mentions[max(0, n - 3) : n])

    def within(self, start: int, stop: int) -> list[str]:
        """Names of the places mentioned in text[start:stop], in order, each once."""
        names: list[str] = []
        for n in range(bisect_left(self.starts, start), len(self.starts)):
            first, last, name = self.mentions[n]
            if first >= stop:
                break
            if last <= stop and name not in names:
                names.append(name)
        return names


def period_phrase(span: Span) -> Phrase:
    """A period as a phrase; its lemma is its first time word ("полугодие", "год", "март")."""
    words = [token for token in span if _time_anchor(token) and not _YEAR.match(token.text)]
    lemma = words[0].lemma_ if words else span.root.lemma_
    return Phrase(text=span.text, start=span.start_char, stop=span.end_char, lemma=lemma)
