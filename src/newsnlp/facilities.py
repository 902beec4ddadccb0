"""Facilities: names of places' kind that name no place to a reader.

A facility or a body named by common words ("Казанский вокзал", "Самотлорское
месторождение"), a name after a noun of a facility ("аэропорт Кольцово"), the person a street
is named after ("улица Гагарина") and a body's Latin acronym ("FDA"): the linker leaves them
out of an article's places.
"""

from __future__ import annotations

from spacy.tokens import Span

from . import resources
from ._spans import OPEN_QUOTES, PROPER, token_parses
from .places import PLACE_NOUNS
from .tag import token_tag


def _lemmas(word: str) -> set[str]:
    return {parse.normal_form for parse in resources.word_parses(word.lower()) if parse.is_known}


def _common_noun_only(word: str) -> bool:
    parses = resources.word_parses(word.lower())
    return bool(parses) and all(
        parse.is_known and parse.tag.POS == "NOUN" and not (PROPER & parse.tag.grammemes)
        for parse in parses
    )


# lemmas of the nouns of a front's sector or a direction of attack, which a town's adjective
# names ("на Купянском направлении", "на Угледарском участке"): no place, even after "на"
DIRECTION_NOUNS = frozenset("направление участок плацдарм выступ".split())


def names_a_facility(span: Span, name: str) -> bool:
    """Whether a place's mention of adjectives and a common noun, with its normal form
    ``name`` (not a gazetteer's place), names a facility or a body by common words, not a
    place: the lowercase head noun, written or left out, is no noun of :data:`PLACE_NOUNS`
    ("Зимний дворец", "Казанский вокзал", "Самотлорское месторождение", "Гринвичское
    время"), unless it says where something happens ("в Зимнем дворце") and is no front's
    sector (:data:`DIRECTION_NOUNS`: "на Купянском направлении"). One word alone is kept:
    "Луна", "Капитолий" are places to a reader."""
    words = name.split()
    head = words[-1]
    if len(words) == 1 or not head.islower() or not _common_noun_only(head):
        return False
    if _lemmas(head) & PLACE_NOUNS:
        return False
    if _lemmas(head) & DIRECTION_NOUNS:
        return True  # "на Купянском направлении": a front's sector, named after a town
    doc = span.doc
    if span.start and doc[span.start - 1].lower_ in ("в", "во", "на"):
        return False  # where something happens is a place to a reader: "в Зимнем дворце"
    if len(span) == len(words) - 1:
        return True  # the head left out: "на Самотлорском" after "месторождениях"
    return len(span) == len(words) and all(token.pos_ == "ADJ" for token in span[:-1])


# lemmas of the nouns of a street, a square or a park, which a person's genitive follows in
# its name ("улица Гагарина", "парк Горького")
STREET_NOUNS = frozenset(
    """улица проспект площадь переулок бульвар набережная шоссе проезд тупик аллея сквер парк
    спуск""".split()
)


def street_namesake(span: Span) -> bool:
    """Whether a one-word place's mention is the person or the thing a street, a square or a
    park is named after ("на площади Гагарина", "на улице Королёва", "на площади Победы",
    "проспект Мира"): a genitive after a lowercase noun of :data:`STREET_NOUNS` that pymorphy3
    reads first as a surname or a first name, or as a common noun it knows (a town or a river
    of that name is its first reading: "улицы Лондона", "набережной Фонтанки" stay), also
    after names coordinated with it there ("улиц Ленина и Гагарина")."""
    if len(span) != 1 or span.start == 0:
        return False
    doc, i = span.doc, span.start - 1
    # past the names coordinated before it: "улиц Ленина и Гагарина", "площадей Мира, Победы"
    while i >= 2 and doc[i].text in ("и", ",") and doc[i - 1].text[:1].isupper():
        i -= 2
    before = doc[i]
    if not before.is_lower or before.lemma_ not in STREET_NOUNS:
        return False
    parses = token_parses(span[0])
    if not parses or parses[0].tag.case != "gent":
        return False
    first = parses[0]
    if {"Surn", "Name"} & first.tag.grammemes:
        return True
    return first.is_known and first.tag.POS == "NOUN" and not (PROPER & first.tag.grammemes)


# lemmas of the nouns of a facility whose proper name follows them ("аэропорт Кольцово",
# "терминал Кольцово-2", "стадион Лужники", "у метро Полянка"): that name is the
# facility's, not a place's
FACILITY_NOUNS = frozenset(
    "аэропорт аэровокзал вокзал автовокзал терминал стадион космодром метро".split()
)


def after_facility_noun(span: Span, known: bool) -> bool:
    """Whether a place's mention names the facility of a lowercase noun of
    :data:`FACILITY_NOUNS` before it, with or without quotes ("аэропорта «Кольцово»"): it is
    no genitive after a noun in another case ("на стадионах Германии", "аэропорты Москвы":
    the place the facilities are in), nor a genitive after a genitive when the gazetteer
    ``known``s it as a place ("аэропорта Москвы")."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].text in OPEN_QUOTES:
        i -= 1
    if i < 0 or not doc[i].is_lower or doc[i].lemma_ not in FACILITY_NOUNS:
        return False
    if token_tag(span[-1])[1] != "Gen":
        return True
    return token_tag(doc[i])[1] == "Gen" and not known


def latin_acronym(span: Span) -> bool:
    """Whether a place's mention is one word of Latin capitals ("NASA", "WHO"): the gazetteer
    knowing no place of that name (checked by the caller), it is a body's acronym, not a
    place."""
    text = span.text
    return (
        len(span) == 1
        and len(text) >= 2
        and text.isupper()
        and all("A" <= char <= "Z" for char in text if char.isalpha())
    )
