"""Refine: one place span's words. A place ends before a lowercase preposition or finite verb,
and loses a first word that opens the sentence and is no part of the name ("Во", "Село",
"Паром", "Доля").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .._spans import (
    capitalized_common_noun,
    common_noun_before_name,
    is_proper,
    opens_sentence,
    token_parses,
)
from ..tag import token_tag
from .kinds import gazetteer_kind
from .words import NATURAL_NOUNS, PLACE_NOUNS, SETTLEMENT_NOUNS


def _settlement_noun(token: Token) -> bool:
    """A sentence's first word that is a noun of a kind of settlement ("Посёлок", "Село")."""
    return opens_sentence(token) and any(
        parse.normal_form in SETTLEMENT_NOUNS for parse in token_parses(token)
    )


def _natural_noun_before_name(span: Span) -> bool:
    """Whether a sentence opens with a noun of a natural place before its name in apposition,
    tagged in the noun's case or pymorphy3's nominative ("Река Ишим", "Гора Казбек", "Вулкан
    Шивелуч"): the noun is no part of the name; one governing a genitive stays ("Залив Петра
    Великого")."""
    first = span[0]
    if not opens_sentence(first) or not span[1].text[:1].isupper():
        return False
    if not any(parse.normal_form in NATURAL_NOUNS for parse in token_parses(first)):
        return False
    return token_tag(span[1])[1] in ("Nom", "") or token_tag(span[1])[1] == token_tag(first)[1]


# pymorphy3's parts of speech of words no name holds: adverbs, predicatives, short adjectives,
# particles, conjunctions, interjections, comparatives
_NO_NAME_POS = frozenset({"ADVB", "PRED", "ADJS", "PRCL", "CONJ", "INTJ", "COMP"})


def _no_name_word(token: Token) -> bool:
    """Whether pymorphy3 knows ``token`` and reads it only as an adverb, a predicative, a short
    adjective, a particle or a conjunction ("Сегодня", "Вчера", "жарко"): glued to a place
    opening or ending a sentence ("Сегодня Оренбург отмечает", "В Луанде жарко"), no word of
    its name."""
    parses = token_parses(token)
    return bool(parses) and all(
        parse.is_known and parse.tag.POS in _NO_NAME_POS for parse in parses
    )


def cut_at_preposition(span: Span) -> Span:
    """A place ends before a lowercase preposition or finite verb: "США по делам" gives "США".

    The model sometimes runs a place on into the words of an organization's name ("Бюро США по
    делам ветеранов и их семей"); place names written as separate words do not contain
    prepositions ("Ростов-на-Дону" is one token).
    A capitalized preposition opening the sentence ("Во Владимире") and, opening it, a common
    noun of people ("Пастухам Ямальского района"), of a kind of settlement ("Село Ивановка"), of
    a natural place before its name in apposition ("Река Ишим"), of anything but a place
    ("Паром Ванино"), one governing the place in the genitive ("Доля Соединённых Штатов"), or an
    adverb ("Сегодня Оренбург") are not part of the name either; nor is an adverb or a short
    adjective inside it ("В Луанде жарко").
    """
    if len(span) == 1 or span.label_ != "LOC":
        return span  # (a one-word place: nothing before or inside it to cut)
    start = span.start
    first = span[0]
    if len(span) > 1 and (
        (first.pos_ == "ADP" and first.is_sent_start)
        or capitalized_common_noun(first, animate=True)
        or (_governs_place(first, span[1]) and capitalized_common_noun(first))
        or _head_of_known_place(span)
        or _settlement_noun(first)
        or common_noun_before_name(span, PLACE_NOUNS)
        or _natural_noun_before_name(span)
        or (opens_sentence(first) and _no_name_word(first))
    ):
        start += 1
    doc = span.doc
    for i in range(span.start + 1, span.end):  # (no Span made for the slice)
        token = doc[i]
        if token.text.islower() and (
            token.pos_ == "ADP"
            or "Fin" in token.morph.get("VerbForm", [])
            or _after_proper_noun(token)
            or _no_name_word(token)
        ):
            return Span(span.doc, start, token.i, label=span.label)
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label)


def _after_proper_noun(token: Token) -> bool:
    """Whether a lowercase noun follows a capitalized word that pymorphy3 reads as a place's or
    a person's name, or does not know ("Вокруг Тегусигальпы горы", "у Бадахоса холмы"): a
    common noun of the sentence glued to the name, not a word of it; after a capitalized common
    noun ("Дворце молодёжи"), an adjective ("Красная площадь") or a word the tagger reads
    as an adjective agreeing with it in case and number ("Воробьёвых гор") it stays."""
    doc = token.doc
    before = doc[token.i - 1]
    if not before.is_title or token.pos_ != "NOUN":
        return False
    parses = token_parses(before)
    if any(parse.tag.POS in ("ADJF", "PRTF") for parse in parses):
        return False
    (pos, case, _, number), (_, its_case, _, its_number) = token_tag(before), token_tag(token)
    if pos == "ADJ" and (case, number) == (its_case, its_number):
        return False  # agreeing as a family's name does ("Воробьёвых гор"): one name
    return all(
        not parse.is_known or {"Geox", "Name", "Surn"} & parse.tag.grammemes for parse in parses
    )


def _head_of_known_place(span: Span) -> bool:
    """Whether the span's first word opens the sentence and governs the place after it in the
    genitive ("Сборная Объединённых Арабских Эмиратов", "Компании Соединённых Штатов"): a word
    pymorphy3 knows as no proper name nor as an adjective agreeing with the next word, before
    a place the gazetteer knows, when it does not know the whole span ("Южная Корея")."""
    first, second = span[0], span[1]
    case = token_tag(second)[1]
    if not (first.is_sent_start and first.is_title and case == "Gen") or is_proper(first):
        return False
    wanted = "gent"
    if any(
        parse.tag.POS in ("ADJF", "PRTF") and parse.tag.case == wanted
        for parse in token_parses(first)
    ):
        return False
    return gazetteer_kind(span[1:]) not in (None, "organization") and gazetteer_kind(span) is None


def _governs_place(first: Token, second: Token) -> bool:
    """Whether ``second`` is in the genitive and ``first`` is not ("Доля Соединённых")."""
    return token_tag(second)[1] == "Gen" and token_tag(first)[1] not in ("", "Gen")
