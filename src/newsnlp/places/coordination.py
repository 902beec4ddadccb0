"""Coordination: the head noun coordinated place names share ("в Брянской, Калужской и Смоленской
областях"), and the places coordinated before the one that holds it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .._spans import covered_mask
from ..shared_heads import shared_head
from .words import name_adjective

_COORDINATORS = frozenset({",", "и", "или", "либо"})


def _member_before(doc: Doc, start: int) -> bool:
    """Whether a capitalized adjective and a coordinator stand right before ``start``."""
    return start >= 2 and doc[start - 1].text in _COORDINATORS and name_adjective(doc[start - 2])


def coordination_head(span: Span) -> Span | None:
    """The plural head noun a place shares with the places coordinated with it, if it does.

    In "в Брянской, Калужской и Смоленской областях" the head of "Брянской" and of "Калужской" is
    "областях" after them; the last member "Смоленской областях" holds it. Capitalized
    adjectives joined by commas, "и" or "или" share a head of lowercase adjectives and a plural
    noun ("Таймырского и Эвенкийского автономных округов").
    Or a singular proper noun: "Северной и Южной Дакоты" (see :mod:`newsnlp.shared_heads`).
    """
    doc = span.doc
    k = span.start
    while k < span.end and name_adjective(doc[k]):
        k += 1
    if k == span.start:
        return None
    if k < span.end:  # the last member, holding the head
        if shared_head(doc, k) == span.end and _member_before(doc, span.start):
            return doc[k : span.end]
        return None
    i = span.end
    while i + 1 < len(doc) and doc[i].text in _COORDINATORS and name_adjective(doc[i + 1]):
        i += 2
        end = shared_head(doc, i)
        if end is not None:
            return doc[i:end]
    return None


def coordinated_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the places coordinated before a place that holds their shared plural head: in "в
    Брянской, Калужской и Смоленской областях" the model tags "Смоленской областях", and "Брянской"
    and "Калужской" are places too."""
    covered = None  # made for the first coordination found (most documents: none)
    found = list(spans)
    for span in spans:
        if span.label_ != "LOC" or len(span) < 2 or coordination_head(span) is None:
            continue
        start = span.start
        while _member_before(doc, start):
            start -= 2
            if covered is None:
                covered = covered_mask(doc, spans)
            if not covered[start]:
                found.append(Span(doc, start, start + 1, label="LOC"))
                covered[start] = 1
    return sorted(found, key=lambda span: span.start)
