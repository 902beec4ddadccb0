"""Families: surnames in the plural, a family's or shared by coordinated first names
("Виктора и Марины Зайцевых")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .. import resources
from .._batch import token_texts
from .._spans import (
    PROPER,
    covered_mask,
    token_parses,
)
from .words import _PERSON, NAME_PARTICLES, _has_parse_with


def family_name(token: Token) -> bool:
    """A surname pymorphy3 reads only in the plural ("Строгановых", "Шуваловы"): a family, and
    no one person's name, where no first name shares it ("Виктора и Марины Зайцевых")."""
    return family_word(token.text)


def family_word(text: str) -> bool:
    """:func:`family_name` of a token's text (read from the document's token texts: no
    ``Token``)."""
    word = text.lower()
    if not word.endswith(_PLURAL_ENDINGS):
        return False  # "Фальков" is a man's surname before it is the plural of "Фальк"
    if word.partition("-")[0] in NAME_PARTICLES:
        return False  # "Аль-Кассими": an Arabic name after its particle, not "-ими" of a plural
    return _plural_surname_only(word)


@lru_cache(maxsize=100_000)
def _plural_surname_only(word: str) -> bool:
    """:func:`family_name` of a lowercase word with a plural ending (cached)."""
    parses = [parse for parse in resources.word_parses(word) if _PERSON & parse.tag.grammemes]
    return bool(parses) and all(
        "Surn" in parse.tag and parse.tag.number == "plur" for parse in parses
    )


# endings only a plural surname has ("Строгановых", "Шуваловы", "Трубецких", "Кравцовыми",
# adjective-like "Вяземские", "Толстые")
_PLURAL_ENDINGS = ("ых", "их", "ыми", "ими", "ы", "ие", "ые")


def _common_noun_before_family(doc: Doc, start: int) -> bool:
    """Whether ``doc[start]``, before a family's plural surname, is a word pymorphy3 knows as a
    common noun too ("Род" of "Род Шереметевых"), with no name coordinated before it (as
    "Виктора и Марины Зайцевых")."""
    if start and doc[start - 1].text in _COORDINATORS:
        return False
    return any(
        parse.is_known and parse.tag.POS == "NOUN" and not (PROPER & parse.tag.grammemes)
        for parse in token_parses(doc[start])
    )


_COORDINATORS = frozenset({",", "и", "или", "либо"})


def _plural_surname(token: Token) -> bool:
    """A capitalized word pymorphy3 reads as a surname in the plural ("Зайцевых", "Дуровы"),
    or that ends like a Russian surname's plural and is no first name ("Котиковыми")."""
    if not token.is_title:
        return False
    parses = token_parses(token)
    if any("Surn" in parse.tag and parse.tag.number == "plur" for parse in parses):
        return True
    return plural_surname_ending(token.text.lower()) is not None and not any(
        "Name" in parse.tag for parse in parses
    )


_PLURAL_SURNAME = re.compile(r"(?<=[а-яё]{2})(ов|ев|ёв|ин|ын)(ых|ыми|ым|ы)$")


def plural_surname_ending(word: str) -> str | None:
    """The stem of a Russian surname in -ов, -ев, -ин written in a plural case ("котиковыми"
    -> "котиков"), or None."""
    match = _PLURAL_SURNAME.search(word)
    return word[: match.end(1)] if match else None


def shared_surname(span: Span) -> Token | None:
    """The plural surname a person's first name shares with the names coordinated after it:
    "Зайцевых" for "Виктора" in "Виктора и Марины Зайцевых"; None if there is none."""
    doc = span.doc
    if span.end + 1 >= len(doc) or token_texts(doc, ORTH)[span.end] not in _COORDINATORS:
        return None
    if not all(token.is_title and _has_parse_with(token, "Name") for token in span):
        return None
    i = span.end
    while i + 1 < len(doc) and doc[i].text in _COORDINATORS and doc[i + 1].is_title:
        i += 1
        while i < len(doc) and doc[i].is_title and not _plural_surname(doc[i]):
            if not _has_parse_with(doc[i], "Name"):
                return None
            i += 1
        if i < len(doc) and _plural_surname(doc[i]):
            return doc[i]
    return None


def coordinated_first_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """First names the model skipped before a person's span that ends in a plural surname they
    share: "Ильи" of "братьев Ильи и Тимура Воронцовых" (a capitalized word outside the spans,
    after a lowercase word, that pymorphy3 knows as a first name, then "и" or a comma)."""
    covered = covered_mask(doc, spans)
    texts = token_texts(doc, ORTH)  # no Token per word
    found = list(spans)
    for span in spans:
        i = span.start - 2
        if (
            len(span) < 2
            or i < 1
            or texts[i + 1] not in _COORDINATORS
            or covered[i]
            or not texts[i].istitle()
            or not texts[i - 1].islower()
            or span.label_ != "PER"
            or not _plural_surname(span[-1])
            or not _has_parse_with(span[0], "Name")
            or not any(parse.is_known and "Name" in parse.tag for parse in token_parses(doc[i]))
        ):
            continue
        found.append(Span(doc, i, i + 1, label="PER"))
    return sorted(found, key=lambda span: span.start)


# nouns a family's plural surname follows ("семья Кравчуков", "супруги Орловы", "братья Гайнуллины")
_FAMILY_NOUNS = frozenset(
    {"семья", "семейство", "чета", "династия", "клан", "род", "супруг", "брат", "сестра"}
)


def _family_noun(token: Token, collective: bool = False) -> bool:
    """Whether a lowercase word (or one opening a sentence) is a noun of a family; if
    ``collective``, one naming several people: a plural ("братья", "супруги") or a noun of a
    whole family ("семья", "династия"), not "брат" or "сестра" of one person."""
    if not (token.is_lower or token.is_sent_start):
        return False
    return any(
        parse.is_known
        and parse.tag.POS == "NOUN"
        and parse.normal_form in _FAMILY_NOUNS
        and (
            not collective
            or parse.tag.number == "plur"
            or parse.normal_form not in ("брат", "сестра", "супруг")
        )
        for parse in token_parses(token)
    )


def _plural_only(token: Token) -> str | None:
    """The lemma of a capitalized word pymorphy3 reads as a person's name only as a surname in
    the plural ("Кравчуков", "Кравчуки" of "Кравчук"), else None."""
    if not token.is_title:
        return None
    parses = [parse for parse in token_parses(token) if _PERSON & parse.tag.grammemes]
    if parses and all("Surn" in parse.tag and parse.tag.number == "plur" for parse in parses):
        return str(parses[0].normal_form)
    return None


def plural_families(doc: Doc, spans: list[Span]) -> list[Span]:
    """The spans without a one-word person's that is a family by its plural surname: after a
    noun of a family ("семья Кравчуков", "супруги Орловы"), or the plural of a surname the
    document writes so elsewhere ("Кравчуки строят" after "семья Кравчуков"). A surname in
    -ов the plural of another's reading ("Фальков") is a person unless a family noun says so."""
    families = {
        lemma
        for span in spans
        if span.label_ == "PER"
        and len(span) == 1
        and span.start > 0
        and _family_noun(doc[span.start - 1])
        and (lemma := _plural_only(span[0])) is not None
    }
    undeclined = {
        span.start
        for span in spans
        if span.label_ == "PER"
        and len(span) == 1
        and span.start > 0
        and _family_noun(doc[span.start - 1], collective=True)
        and _undeclined_surname(span[0].text.lower())
    }  # "братья Лысенко", "семья Бондаренко": a surname that does not decline, a family
    if not families and not undeclined:
        return spans
    return [
        span
        for span in spans
        if not (
            span.label_ == "PER"
            and len(span) == 1
            and (_plural_only(span[0]) in families or span.start in undeclined)
        )
    ]


@lru_cache(maxsize=10_000)
def _undeclined_surname(word: str) -> bool:
    """Whether pymorphy3 reads a lowercase word as a surname only as one that does not decline
    ("кличко", "бондаренко", "черных")."""
    surnames = [parse for parse in resources.word_parses(word) if "Surn" in parse.tag]
    return bool(surnames) and all("Fixd" in parse.tag for parse in surnames)
