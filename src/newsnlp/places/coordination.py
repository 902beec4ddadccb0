"""Coordination: the head noun coordinated place names share ("в Брянской, Калужской и Смоленской
областях"), and the places coordinated before the one that holds it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from .. import resources
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


# the nominative endings of a Russian settlement's neuter name ("Коларово", "Лорино"), which
# no Russian surname's nominative has
_SETTLEMENT_ENDINGS = ("ово", "ево", "ёво", "ино", "ыно")

# pymorphy3's grammemes of a person's name
_PERSON_NAMES = frozenset({"Name", "Surn", "Patr"})


def _no_person_word(text: str) -> bool:
    """Whether a capitalized word cannot be a person's one-word name: pymorphy3 does not know
    it and it ends as a settlement's neuter name (:data:`_SETTLEMENT_ENDINGS`), or it knows it
    only as no first name, surname nor patronymic, and as a thing or a noun in -ка
    ("Половинка", "Малиновку"; not "Лебедь")."""
    parses = resources.word_parses(text.lower())
    if not any(parse.is_known for parse in parses):
        return text.endswith(_SETTLEMENT_ENDINGS)
    return all(
        parse.is_known
        and not (_PERSON_NAMES & parse.tag.grammemes)
        and ("inan" in parse.tag or parse.normal_form.endswith("ка"))
        for parse in parses
    )  # a being's name is a nickname's as often ("генерал Лебедь"), a noun in -ка a village's


def places_among_places(
    doc: Doc, spans: list[Span], in_names: Callable[[str], bool] = lambda word: False
) -> list[Span]:
    """``spans`` with a one-word person relabelled a place when a place stands coordinated
    with it ("," "и") and its word names no one (:func:`_no_person_word`) nor is written in a
    person's longer name (``in_names``): villages the model took for people in a list of
    places ("пострадали Коларово и Половинка", "завалило Лебедево, Малиновку и Сосновку")."""
    found = list(spans)
    changed = True
    while changed:  # along a list: each one relabelled may be the next one's neighbour
        changed = False
        for k, span in enumerate(found):
            if span.label_ != "PER" or len(span) != 1 or not span[0].text.istitle():
                continue
            before = found[k - 1] if k else None
            after = found[k + 1] if k + 1 < len(found) else None
            coordinated = (
                before is not None
                and before.label_ == "LOC"
                and before.end == span.start - 1
                and doc[before.end].text in _COORDINATORS
            ) or (
                after is not None
                and after.label_ == "LOC"
                and after.start == span.end + 1
                and doc[span.end].text in _COORDINATORS
            )
            word = span[0].text
            before_word = doc[span.start - 1] if span.start else None
            # not after a noun of people: "генерал Лебедь"
            titled = before_word is not None and before_word.is_lower and before_word.pos_ == "NOUN"
            if coordinated and not titled and _no_person_word(word) and not in_names(word):
                found[k] = Span(doc, span.start, span.end, label="LOC")
                changed = True
    return found
