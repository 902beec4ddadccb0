"""Quoted titles: a place named inside the title of a pipeline, a film, a newspaper or a
report («Сила Сибири», «Вести Омска») is part of the title, not a place of the article, as the
news gold leaves out the city of «Эхо Москвы»."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ._batch import token_texts
from ._spans import CLOSE_QUOTES, OPEN_QUOTES

__all__ = ["places_in_titles"]


# the most words a quoted title is read over, before the place in it
_TITLE_WORDS = 6


def places_in_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` without the places named inside a quoted title after its first word: a
    pipeline's, a film's, a festival's name («Сила Сибири», «Золото Тайги», «Огни Казани»),
    whose first word, capitalized after the opening quote, is no place nor person of the
    spans. A quote opened by a place stays (a route «Чита – Хабаровск», a song «Москва
    златоглавая» reads its own way)."""
    if not spans:
        return spans
    texts = token_texts(doc, ORTH)
    starts = {span.start for span in spans if span.label_ in ("LOC", "PER")}
    kept = []
    for span in spans:
        if span.label_ == "LOC" and _inside_title(doc, texts, span, starts):
            continue
        kept.append(span)
    return kept


# what a title does not hold: a dash joining two names («Новый Регион — Екатеринбург», a
# route «Чита – Хабаровск») or the end of a sentence
_NOT_IN_TITLES = frozenset({"—", "–", "-", ".", "!", "?", ";", ":"})


def _inside_title(doc: Doc, texts: list[str], span: Span, starts: set[int]) -> bool:
    """Whether ``span`` stands inside quotes that open, within :data:`_TITLE_WORDS` words
    before it, on a capitalized word of no place's or person's span, and close within as many
    after it, the quoted words holding no finite verb (a quotation: «Здесь заработает ... для
    России ...») nor a dash (two names joined) nor another quote."""
    open_ = None
    for i in range(span.start - 1, max(-1, span.start - _TITLE_WORDS - 1), -1):
        if texts[i] in OPEN_QUOTES:
            open_ = i
            break
        if texts[i] in CLOSE_QUOTES or texts[i] in _NOT_IN_TITLES:
            return False
    if open_ is None:
        return False
    first = open_ + 1
    if first >= span.start or first in starts or not texts[first][:1].isupper():
        return False
    if texts[first].isupper():
        return False  # an acronym opening the name: «ТАСС-Урал», «РИА Воронеж»
    close = None
    for j in range(span.end, min(len(texts), span.end + _TITLE_WORDS)):
        if texts[j] in CLOSE_QUOTES:
            close = j
            break
        if texts[j] in OPEN_QUOTES or texts[j] in _NOT_IN_TITLES:
            return False
    if close is None:
        return False
    return not any("Fin" in doc[k].morph.get("VerbForm", []) for k in range(first, close))
