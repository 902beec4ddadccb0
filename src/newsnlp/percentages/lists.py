"""Lists of figures and "соответственно": "на 12 %, 8 % и 5 %", "62 % и 18 % мандатов"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from .change import Scan, approximation, preposition
from .figures import Figure, _is_percent_noun, _is_percent_sign
from .lexicon import _LIST_GLUE
from .reading import Reading, read
from .tokens import _genitive, _noun, _parsed


def groups(figures: Sequence[Figure]) -> list[list[Figure]]:
    """Figures listed together: "на 12 %, 8 % и 5 %" (only commas and "и" between them)."""
    result: list[list[Figure]] = []
    for figure in figures:
        if result:
            previous = result[-1][-1]
            between = figure.first.doc[previous.last.i + 1 : figure.first.i]
            if all(token.lower_ in _LIST_GLUE or token.is_space for token in between):
                result[-1].append(figure)
                continue
        result.append([figure])
    return result


def _respectively(group: list[Figure], sent: Span) -> bool:
    doc = sent.doc
    end = min(group[-1].last.i + 4, sent.end)
    return any(doc[i].lower_ == "соответственно" for i in range(group[-1].last.i + 1, end))


def _coordination_before(group: list[Figure], sent: Span) -> list[Token]:
    """The nearest coordination of as many nouns as the figures, before the first figure in its
    clause, else []."""
    doc = sent.doc
    for i in range(group[0].first.i - 1, max(sent.start, group[0].first.i - 8) - 1, -1):
        token = doc[i]
        if token.text in ";:" or (token.pos_ in ("VERB", "AUX") and i < group[0].first.i - 1):
            break
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        head = token
        while head.dep_ == "conj" and head.head.i < head.i and _noun(head.head):
            head = head.head
        found = conjuncts(head)
        return found if len(found) == len(group) else []
    return []


def conjuncts(token: Token) -> list[Token]:
    """ "мясо, молоко и хлеб" -> [мясо, молоко, хлеб] (from the head of the coordination)."""
    return [token, *(child for child in token.children if child.dep_ == "conj" and _noun(child))]


def read_group(group: list[Figure], sent: Span, scan: Scan | None = None) -> list[Reading]:
    """Readings of listed figures: each after the first shares the first one's predicate;
    levels share the noun after the last one ("62 % и 18 % мандатов")."""
    scan = scan or Scan(sent)
    doc = sent.doc
    after = None
    for i in range(group[-1].last.i + 1, min(group[-1].last.i + 3, sent.end)):
        if not doc[i].is_space:
            after = doc[i]
            break
    first = read(group[0], sent, after, scan)
    readings = [first]
    for figure in group[1:]:
        own = read(figure, sent, after, scan)
        if preposition(figure, sent) is None and first.kind == "change":
            # "на 12 %, 8 % и 5 %": the later figures share the first one's "на"
            own = replace(first, approx=approximation(figure, sent))
        readings.append(own)
    if len(group) > 1:
        shared = _genitive(group[-1].anchor) if _parsed(group[-1].anchor) else None
        if shared is not None:
            readings = [
                replace(r, subject=shared) if r.kind == "level" and not _own_genitive(f) else r
                for r, f in zip(readings, group)
            ]
            return readings
    if len(group) > 1 and _respectively(group, sent):
        subjects = conjuncts(first.subject) if first.subject is not None else []
        if len(subjects) != len(group):
            # "показатель сопоставим с Тверью и Псковом – 31 и 30 % соответственно": the
            # coordination of as many nouns right before the figures
            subjects = _coordination_before(group, sent)
        if len(subjects) == len(group):
            readings = [replace(r, subject=s) for r, s in zip(readings, subjects)]
    if len(group) > 1 and first.subject is not None:
        # "показатели составляют 89 % и 18 % соответственно": a later figure of the list with
        # no noun of its own measures what the first one does
        readings = [
            replace(r, subject=first.subject) if _unnamed(r) and r.kind == first.kind else r
            for r in readings
        ]
    return readings


def _own_genitive(figure: Figure) -> bool:
    return _parsed(figure.anchor) and _genitive(figure.anchor) is not None


def _unnamed(reading: Reading) -> bool:
    """No subject, or only another figure's unit ("71 процент и 12 процентов")."""
    subject = reading.subject
    return subject is None or _is_percent_noun(subject) or _is_percent_sign(subject)
