"""Beside people: a place's name right before a person's ("мэром соседнего Фуюаня Чэнь Голином")
is a place of its own, and a span that runs the two together is split.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .._spans import token_parses
from ..gazetteer import default_gazetteer
from .compounds import compound_place_nominative


def place_before_person(place: Token) -> bool:
    """Whether ``place``, before a person's name, is a place's name of its own: "мэром соседнего
    Фуюаня Чэнь Голином", "Глава Даляня Ван Цзинь". The gazetteer knows the word (as written
    or by its lemma), pymorphy3 knows it as no person's name, and a lowercase word (or a
    sentence's first word) stands before it."""
    i = place.i
    before = place.doc[i - 1] if i else None
    if before is None or not place.is_title or not (before.is_lower or before.is_sent_start):
        return False
    if any(
        parse.is_known and {"Name", "Surn", "Patr"} & parse.tag.grammemes
        for parse in token_parses(place)
    ):
        return False
    gazetteer = default_gazetteer()
    return bool(
        gazetteer.lookup(place.text)
        or gazetteer.lookup(place.lemma_)
        or _known_compound_by_last_part(place.text)
    )


def _known_compound_by_last_part(word: str) -> bool:
    """Whether a hyphenated word whose first parts do not decline names a place the gazetteer
    knows once its last part is put in the nominative (:func:`compound_place_nominative`)."""
    return compound_place_nominative(word, ("gent", "datv", "accs", "ablt", "loct")) is not None


def split_place_and_person(spans: list[Span]) -> list[Span]:
    """A span of three or more capitalized words that starts with a place's name and goes on
    with a person's is the place and the person (see :func:`place_before_person`): "Хэйхэ Ван
    Сюэлинем" -> LOC "Хэйхэ", PER "Ван Сюэлинем"."""
    found = []
    for span in spans:
        if (
            span.label_ in ("PER", "LOC")
            and len(span) >= 3
            and all(token.is_title for token in span)
            and place_before_person(span[0])
        ):
            doc = span.doc
            found.append(Span(doc, span.start, span.start + 1, label="LOC"))
            found.append(Span(doc, span.start + 1, span.end, label="PER"))
        else:
            found.append(span)
    return found
