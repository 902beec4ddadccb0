"""Elided heads: the name of a place written as a capitalized adjective whose head noun the
text leaves out ("в Ярославской (5%), Тульской (7%)" after "Тверской области").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .. import resources
from .coordination import coordination_head
from .words import PLACE_NOUNS, SETTLEMENT_NOUNS, name_adjective

_LIST_WORDS = frozenset({"и", "или", ",", "(", ")", ":"})


_GENDERS = ("masc", "femn", "neut")


def _adjective_cases(word: str) -> set[tuple[str, str]]:
    """The (case, gender) pairs of pymorphy3's singular adjective parses of ``word``."""
    return {
        (parse.tag.case, parse.tag.gender)
        for parse in resources.word_parses(word)
        if parse.tag.POS == "ADJF" and parse.tag.number == "sing" and parse.tag.gender
    }


def _noun_forms(word: str) -> dict[tuple[str, str], str]:
    """(case, gender) -> nominative singular of pymorphy3's known common noun parses of
    ``word`` ("районах" -> {("loct", "masc"): "район"})."""
    forms: dict[tuple[str, str], str] = {}
    for parse in resources.word_parses(word):
        tag = parse.tag
        if not (parse.is_known and tag.POS == "NOUN" and tag.gender in _GENDERS and tag.case):
            continue
        form = parse.inflect({"nomn", "sing"})
        if form is not None:
            forms.setdefault((tag.case, tag.gender), form.word)
    return forms


def _agreeing(adjective: str, noun: str, same_case: bool) -> tuple[str, str] | None:
    """The nominative singular of ``adjective`` and ``noun`` when they agree in gender (and, if
    ``same_case``, in case), else None."""
    pairs = _adjective_cases(adjective)
    for (case, gender), nominative in _noun_forms(noun).items():
        if any(g == gender and (c == case or not same_case) for c, g in pairs):
            for parse in resources.word_parses(adjective):
                if parse.tag.POS == "ADJF" and parse.tag.gender == gender:
                    form = parse.inflect({"nomn", "sing", gender})
                    if form is not None:
                        return form.word, nominative
    return None


def elided_head(span: Span, sentence_only: bool = False) -> str | None:
    """The name of a place written as a capitalized adjective whose head noun the text leaves
    out ("в крупнейших районах (Ольховском и Таловском)", "в Ярославской (5%), Тульской (7%)"
    after "Тверской области"): the adjective and the noun in the nominative singular. The
    noun is the nearest plural noun before it in the sentence agreeing with it in case and
    gender, right before the list of adjectives it heads ("скважины Тихое, Дальнее")
    or, further, a noun of a place (:data:`PLACE_NOUNS`; "указы получали ... в Тверской" is no
    "Тверской указ"), else (unless the word is also a place's own name: "с Хабаровском") the common
    noun heading the document's other such places ("области" of "Тверской области") that
    agrees with it in gender (not when ``sentence_only``); None if there is none, if a noun
    follows the adjective, or if the plural noun is a settlement's, whose names stand in
    apposition ("в сёлах Луговое и Опытное")."""
    doc = span.doc
    if len(span) != 1 or not name_adjective(span[0]) or coordination_head(span) is not None:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ"):
        return None
    word = span[0].text.lower()
    if not _adjective_cases(word):
        return None
    sentence_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    adjacent = True  # only the list of adjectives between the noun and the word
    for token in reversed(doc[sentence_start : span.start]):
        if token.is_lower and token.pos_ == "NOUN" and token.morph.get("Number", []) == ["Plur"]:
            found = _agreeing(word, token.text.lower(), same_case=True)
            if found is not None and found[1] in SETTLEMENT_NOUNS:
                return None  # "за сёла Пески и Опытное": a village's name, no head left out
            if found is not None and (adjacent or found[1] in PLACE_NOUNS):
                return f"{found[0].capitalize()} {found[1]}"
        adjacent = adjacent and (token.text[:1].isupper() or token.lower_ in _LIST_WORDS)
    if sentence_only or any(
        parse.is_known and "Geox" in parse.tag for parse in resources.word_parses(word)
    ):
        return None  # "с Хабаровском" is the city
    heads = Counter(
        doc[other.end].text.lower()
        for other in doc.ents
        if other.label_ == "LOC"
        and other.end < len(doc)
        and name_adjective(other[-1])
        and doc[other.end].is_lower
        and doc[other.end].pos_ == "NOUN"
    )
    heads.update(
        other[-1].text.lower()
        for other in doc.ents
        if other.label_ == "LOC"
        and len(other) > 1
        and name_adjective(other[-2])
        and other[-1].is_lower
    )
    for head, _ in heads.most_common():
        found = _agreeing(word, head, same_case=False)
        if found is not None and found[1] in PLACE_NOUNS:
            return f"{found[0].capitalize()} {found[1]}"
    return None
