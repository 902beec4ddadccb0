"""Mentions read again before grouping, where the words around a name tell what its normal form
missed: a first name and patronymic as written ("Жена Верещагина, Лидия Макаровна,"), a woman
read as a man's genitive ("Евгения Мартова преподавала"), a lone first name sharing the
surname that does not decline after it ("Хосе и Мария Гарсиа")."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Span

from .. import resources
from .._batch import token_texts
from ..gazetteer import gazetteer_key
from ..normalize import first_name_genders_nominative, person_case_gender, span_normal
from ..normalize import person_name as normal_person_name
from .cues import verb_gender
from .mentions import span_text
from .names import (
    _adjective_stem,
    _first_and_patronymic,
    _known_first_name,
    case_stem,
    numbered_name,
)


def read_mentions(spans: list[Span]) -> tuple[list[tuple[Span, str]], set[int]]:
    """Each mention with the name the linker compares, and the starts of those read as a
    woman's by the words around them (a verb in the feminine, a plural surname): no man's
    mentions."""
    items = []
    women = set()
    women_surnames = _women_surnames(spans)
    for span in spans:
        name = _patronymic_as_written(span, numbered_name(span, span_normal(span)))
        woman = _woman_reading(span, women_surnames)  # "Евгения Мартова преподавала"
        if woman is not None:
            name = woman
        if woman is not None or (
            len(span) == 2
            and "Fem" in nominative_name_genders((name.split() or [""])[0])
            and verb_gender(span) == "Fem"
        ):
            women.add(span.start)
        items.append((span, name))
    return _shared_surnames(items), women


def _shared_surname(name: str, span: Span, after: tuple[Span, str]) -> str | None:
    """The surname a lone first name shares with the name right after "и" when that surname
    does not decline, so cannot show the plural ("Хосе и Мария Гарсиа", "Степан и Игнат
    Лысенко"): a Russian surname in -ов, -ин would be written in the plural for both."""
    following, other = after
    words = other.split()
    if len(span) != 1 or " " in name or len(words) != 2 or following.start != span.end + 1:
        return None
    if span.doc[span.end].lower_ != "и" or len(following) != 2:
        return None
    surname = words[-1]
    if gazetteer_key(following[-1].text) != gazetteer_key(surname):
        return None  # declined: "Ивана и Марии Петровых" is read by its plural
    if case_stem(surname).endswith(_POSSESSIVE) or _adjective_stem(surname) is not None:
        return None
    if not (_known_first_name(name) and _known_first_name(words[0])):
        return None
    return surname


_POSSESSIVE = ("ов", "ев", "ин", "ын")


def _shared_surnames(items: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The mentions with a lone first name given the surname it shares (see
    :func:`_shared_surname`)."""
    by_start = sorted(items, key=lambda item: item[0].start)
    shared = {}
    for (span, name), after in zip(by_start, by_start[1:]):
        surname = _shared_surname(name, span, after)
        if surname is not None:
            shared[span.start] = f"{name} {surname}"
    if not shared:
        return items
    return [(span, shared.get(span.start, name)) for span, name in items]


def _woman_reading(span: Span, women_surnames: frozenset[str] = frozenset()) -> str | None:
    """A woman's name in the nominative for a first name and surname read as a man's genitive
    ("Евгения Мартова" as Евгений Мартов's) when a past verb in the feminine follows
    ("Евгения Мартова преподавала"), the surname is written in the plural nominative
    ("Евгений и Евгения Мартовы"), which no genitive singular is, or the surname so written
    is one of ``women_surnames`` (:func:`_women_surnames`); a woman's genitive written as her
    nominative is that nominative; else None."""
    if len(span) != 2:
        return None
    read = person_case_gender(span)
    if read not in (("Gen", "Masc"), ("Gen", "Fem")):
        return None
    texts = token_texts(span.doc, ORTH)
    if "Fem" not in nominative_name_genders(texts[span.start]):
        return None
    surname = gazetteer_key(texts[span.start + 1])
    stem = case_stem(surname)
    if read[1] == "Fem":
        # her genitive is in -ой: "Соседка Сергея, Тамара Ильина," is her nominative
        if surname == stem + "а" and stem.endswith(_POSSESSIVE):
            return normal_person_name(span, ("Nom", "Fem"))
        return None
    plural = surname == stem + "ы" and stem.endswith(_POSSESSIVE)
    if plural:
        return normal_person_name(span, ("Nom", "Fem"))
    if _after_noun(span):
        return None  # "Выставка Валентина Серова открылась": his genitive, the noun's verb
    if surname in women_surnames or verb_gender(span) == "Fem":
        return normal_person_name(span, ("Nom", "Fem"))
    return None


def _women_surnames(spans: list[Span]) -> frozenset[str]:
    """Surnames in -ова, -ина the document writes alone before a past verb in the feminine
    ("Жукова подала"): a woman's nominative, whose full name elsewhere is hers too."""
    found = set()
    for span in spans:
        if len(span) != 1:
            continue
        key = gazetteer_key(span_text(span))
        if (
            key.endswith("а")
            and case_stem(key).endswith(_POSSESSIVE)
            and key == case_stem(key) + "а"
        ):
            if verb_gender(span) == "Fem" and not _after_noun(span):
                found.add(key)  # not "Картину Серова купила галерея": a genitive, the object
    return frozenset(found)


def _after_noun(span: Span) -> bool:
    """Whether a common noun stands right before the mention, so it may be that noun's genitive
    ("Биография Петра Сизова вышла"): the feminine verb after it may agree with the noun."""
    if span.start == 0:
        return False
    return _common_noun(token_texts(span.doc, ORTH)[span.start - 1].lower())


@lru_cache(maxsize=10_000)
def _common_noun(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a common noun (no name, surname or patronymic)."""
    return any(
        parse.is_known
        and parse.tag.POS == "NOUN"
        and not {"Name", "Surn", "Patr"} & parse.tag.grammemes
        for parse in resources.word_parses(word)
    )


@lru_cache(maxsize=10_000)
def nominative_name_genders(word: str) -> frozenset[str]:
    """The genders ("Masc", "Fem") pymorphy3 knows ``word`` a first name's nominative of."""
    return first_name_genders_nominative(word.lower()) - {""}


def _patronymic_as_written(span: Span, name: str) -> str:
    """A first name and patronymic as written when pymorphy3 knows the patronymic only in the
    nominative and the first name in it too ("Жена Верещагина, Лидия Макаровна," is no
    genitive of "Лидий Макаровн"): a case form of the name would decline the patronymic."""
    if len(span) != 2:
        return name
    written = span_text(span)
    words = written.split()
    if name == written or len(words) != 2 or not _first_and_patronymic(words):
        return name
    if _nominative_only_patronymic(words[1]) and first_name_genders_nominative(words[0].lower()):
        return written
    return name


@lru_cache(maxsize=10_000)
def _nominative_only_patronymic(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a patronymic in the nominative only."""
    parses = [parse for parse in resources.word_parses(word.lower()) if "Patr" in parse.tag]
    return bool(parses) and all(parse.tag.case == "nomn" and parse.is_known for parse in parses)
