"""Filters: whether a place span can name a place at all: not a demonym ("Американцы"), a lone
adjective before a common noun ("Кипрское правительство") nor a word cut short by a dot.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Span

from .. import resources
from .._spans import token_parses
from ..gazetteer import default_gazetteer
from ..tag import best_parse, token_tag
from .coordination import coordination_head
from .elided import elided_head
from .words import NATURAL_NOUNS, NOUN_ABBREVIATIONS, SETTLEMENT_NOUNS


def is_place_name(span: Span) -> bool:
    """Whether a place span can name a place: not a demonym, a lone adjective nor a cut word."""
    return not (_is_demonym(span) or _is_lone_adjective(span) or _cut_word(span))


def _is_demonym(span: Span) -> bool:
    """A single plural animate noun pymorphy3 knows ("Американцы", "Палестинцы") names people,
    not a place. A word it only guesses so ("Хэбэй", "в Кундузе") is no demonym, nor is a name
    the gazetteer knows; nor is the plural of a first name that pymorphy3 also knows as a
    place ("жителей Афин", Афины beside the name Афина) or as no common noun ("Мальвин")."""
    if len(span) != 1:
        return False
    token = span[0]
    text = token.text
    # the word's readings first (cached, no tag needed): most words have no demonym's reading
    return _may_be_demonym(text.lower()) and _demonym(text, token_tag(token))


@lru_cache(maxsize=100_000)
def _may_be_demonym(word: str) -> bool:
    """Whether some pymorphy3 reading of ``word`` is what :func:`_demonym` asks of the reading
    that agrees with the tagger: a known plural animate noun, no place's name."""
    return any(_demonym_reading(parse) for parse in resources.word_parses(word))


def _demonym_reading(parse: Any) -> bool:
    return (
        "anim" in parse.tag
        and parse.tag.number == "plur"
        and "Geox" not in parse.tag
        and parse.is_known
    )


@lru_cache(maxsize=100_000)
def _demonym(text: str, tag: tuple[str, str, str, str]) -> bool:
    """:func:`_is_demonym` of a word and its tagger's ``tag`` (cached)."""
    parse = best_parse(text.lower(), *tag)
    if not _demonym_reading(parse):
        return False
    if "Name" in parse.tag or any(
        "Geox" in other.tag for other in resources.word_parses(text.lower())
    ):
        return False
    return not default_gazetteer().knows(text)


def _noun_after_adjectives(span: Span) -> bool:
    """Whether a lowercase noun follows ``span`` past the adjectives coordinated with it
    ("Кипрское и греческое правительства")."""
    doc = span.doc
    for token in doc[span.end : min(len(doc), span.end + 8)]:
        if token.lower_ in ("и", "или", ",") or token.pos_ == "ADJ":
            continue
        return token.is_lower and token.pos_ == "NOUN"
    return False


def _is_lone_adjective(span: Span) -> bool:
    """A single adjective before a common noun ("Кипрское правительство") is not a place name,
    unless it shares a head noun with adjectives after it ("в Брянской и Смоленской областях") or
    a plural noun before it gives its head ("в районах (Шилкинском и Нерчинском)")."""
    if len(span) != 1 or span[0].pos_ != "ADJ" or span.end >= len(span.doc):
        return False
    if span.start and any(
        parse.normal_form in NATURAL_NOUNS | SETTLEMENT_NOUNS
        for parse in token_parses(span.doc[span.start - 1])
    ):
        return False  # a name in apposition: "Река Белая затопила", "Посёлок Светлый ждёт"
    after = span.doc[span.end].text
    if not (after.isalpha() and after.islower()) or coordination_head(span) is not None:
        return False
    if not _noun_after_adjectives(span) and elided_head(span) is not None:
        return False  # "в Ярославской и Калужской — меньше части" after "Пензенской области"
    if elided_head(span, sentence_only=True) is not None:
        return False
    token = span[0]
    tag = best_parse(token.text.lower(), *token_tag(token)).tag
    return tag.POS == "ADJF" and "Geox" not in tag


def _cut_word(span: Span) -> bool:
    """Whether a one-word place is a word cut short by a dot inside a sentence ("/Корр. ТАСС",
    "Спец. корр."): glued to the dot, five letters at most, and neither the gazetteer nor
    pymorphy3 knows it ("в Эссо. Таким образом" ends a sentence and stays)."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc):
        return False
    token = span[0]  # (its text is the span's: ``span.text`` makes a Token more)
    if len(token.text) > 5:
        return False
    dot, after = doc[span.end], doc[span.end + 1]
    if token.whitespace_ or dot.text != ".":
        return False
    if token.text.lower() in NOUN_ABBREVIATIONS and after.text[:1].isupper():
        return True  # "в Респ. Карелия": a place's noun cut short before its name
    if after.is_sent_start:
        return False
    if any(parse.is_known for parse in token_parses(token)):
        return False
    return not default_gazetteer().knows(token.text)
