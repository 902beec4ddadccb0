"""Naming a person: the fullest of a person's mentions, each word as a nominative mention
writes it (a patronymic another mention gives goes in, a man's genitive read as a woman's
set right)."""

from __future__ import annotations

import os
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Span

from .._batch import token_texts
from ..gazetteer import gazetteer_key
from ..normalize import person_case_gender
from ..normalize import person_name as normal_person_name
from ..tag import token_tag
from .mentions import span_text
from .names import (
    _BOTH,
    _adjective_stem,
    _clean_initials,
    _cyrillic,
    _first_and_patronymic,
    _known_word,
    _russian_surname_form,
    case_stem,
    first_name_genders,
    short_first_name,
    surname_first_full,
    surname_genders,
)
from .person_group import _initials_first


def _fullness(
    item: tuple[Span, str],
) -> tuple[int, bool, bool, bool, bool, bool, bool, int, int]:
    """Sort key of a person's mentions, best name first: more words, with initials ("Д.
    Медведев" before "Медведев"), initials first, with a surname ("Михаил Лермонтов" before "Михаил
    Юрьевич"), Cyrillic, a full first name ("Александр Крутов" before "Саша Крутов"), as
    written, shorter (a name's nominative is its shortest form: "Ло Шисюн", not "Ло
    Шисюном")."""
    span, name = item
    return (*_name_fullness(name), name == span_text(span), -len(name), -span.start)


@lru_cache(maxsize=10_000)
def _name_fullness(name: str) -> tuple[int, bool, bool, bool, bool, bool]:
    """The parts of :func:`_fullness` a name alone gives (read once per name)."""
    words = _clean_initials(name.split())
    return (
        len(words),
        len(name.split()) > len(words),
        _initials_first(name) == name,  # "В. В. Путин" before "Путин В.В."
        not _first_and_patronymic(words),
        _cyrillic(name),
        not (words and short_first_name(words[0])),  # "Николай", not "Коля"
    )


def _nominatives(members: list[tuple[Span, str]]) -> list[str]:
    """Words of the person's mentions that are in the nominative, as written."""
    words = []
    for span, _ in members:
        if person_case_gender(span)[0] == "Nom":
            doc, texts = span.doc, token_texts(span.doc, ORTH)  # a Token only for a tag
            # not a plural surname two people share ("Ольга и Татьяна Ларины")
            words += [
                texts[i]
                for i in range(span.start, span.end)
                if texts[i][:1].isupper() and token_tag(doc[i])[3] != "Plur"
            ]
    return words


def _settled(word: str, written: list[str]) -> str:
    """``word``, or the nominative form the article writes of it ("Раймонд" -> "Раймон")."""
    key = gazetteer_key(word)
    for candidate in written:
        other = gazetteer_key(candidate)
        if other == key:
            return word
    for candidate in written:
        other = gazetteer_key(candidate)
        prefix = len(os.path.commonprefix([key, other]))
        if 3 <= len(other) <= len(key) and prefix >= len(other) - 1 and prefix >= len(key) - 3:
            return candidate
    for candidate in written:
        # a foreign name the rules took a case ending off, written so in a nominative mention
        # ("Штиппе" of "в Австрии Йорген Штиппе" and "рассказал Штиппе")
        if (
            case_stem(candidate) == case_stem(word)
            and not _known_word(candidate.lower())
            and not _russian_surname_form(word, candidate)
        ):
            return candidate
    return word


def _best_read(members: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The fullest mentions, without those in the locative when others read differently: its
    "-е" hides a soft stem ("о Жан-Поле" may be of "Пол" or "Поль"; "Жан-Поля" says "Поль")."""
    keys = [_fullness(member)[:7] for member in members]
    top = max(keys)
    fullest = [member for member, key in zip(members, keys) if key == top]
    if len({name for _, name in fullest}) < 2:
        return fullest
    clear = [member for member in fullest if person_case_gender(member[0])[0] != "Loc"]
    return clear or fullest


def _a_man_by_other_mentions(span: Span, name: str, members: list[tuple[Span, str]]) -> bool:
    """Whether a name read as a woman's nominative ("Алия Мусукова") is a man's genitive: its
    person's surname alone is written elsewhere as a man's nominative ("отметил Мусуков"), or
    its first name is (:func:`_a_man_by_first_name`)."""
    words = name.split()
    if len(words) < 2 or len(span) != len(words) or person_case_gender(span) != ("Nom", "Fem"):
        return False
    if _a_man_by_first_name(words[0], members):
        return True
    last = gazetteer_key(words[-1])
    if not last.endswith("а") or surname_genders(last) != _BOTH:
        return False
    return any(
        len(other) == 1
        and gazetteer_key(other.text) == last[:-1]
        and surname_genders(other.text) == {"Masc"}
        and person_case_gender(other)[0] == "Nom"
        for other, _ in members
    )


def _a_man_by_first_name(first: str, members: list[tuple[Span, str]]) -> bool:
    """Whether the first name of a name read as a woman's ("Тимура Абдуллаевых" read as a
    woman Тимура) is a man's in the genitive: another mention writes it without the "-а" alone,
    as a man's first name in the nominative ("Тимур отказался")."""
    key = gazetteer_key(first)
    if not key.endswith("а") or len(key) < 4:
        return False
    return any(
        len(other) == 1
        and gazetteer_key(other.text) == key[:-1]
        and first_name_genders(other.text) != {"Fem"}
        and person_case_gender(other) == ("Nom", "Masc")
        for other, _ in members
    )


def person_name(members: list[tuple[Span, str]]) -> tuple[Span, str]:
    """The fullest name of a person, each word as a nominative mention writes it if one does;
    a patronymic another mention gives goes in ("Людмила Гурченко" and "Людмилы Марковны" are
    "Людмила Марковна Гурченко")."""
    span, name = max(_best_read(members), key=_fullness)
    written = _nominatives(members)
    if _a_man_by_other_mentions(span, name, members):
        name = normal_person_name(span, ("Gen", "Masc"))  # "Алия Мусукова" of "Мусуков"
        written = _nominatives([member for member in members if member[0] is not span])
    words = name.split()
    if len(words) == 2 and not _first_and_patronymic(words):
        middles = [
            other.split()[1]
            for _, other in members
            if _first_and_patronymic(other.split())
            and gazetteer_key(other.split()[0]) == gazetteer_key(words[0])
        ]
        if middles:
            words.insert(1, middles[0])
    if surname_first_full(words):
        words = [words[1], words[2], words[0]]  # "Баринов Геннадий Петрович": first name first
    words[-1] = _surname_beside_locative(span, words[-1], members)
    words[-1] = _man_in_oi(words, members)
    return span, " ".join(_settled(word, written) for word in words)


def _man_in_oi(words: list[str], members: list[tuple[Span, str]]) -> str:
    """A man's adjective-like surname as a lone mention writes it in "-ой", his nominative
    only ("Ланской погиб" beside "Михаила Юрьевича Ланского", read "Ланский"): a man's forms
    of a surname in "-ий" never end in "-ой"."""
    last = words[-1]
    stem = _adjective_stem(last)
    if len(words) < 2 or stem is None or first_name_genders(words[0]) != {"Masc"}:
        return last
    if not gazetteer_key(last).endswith(("ий", "ый")):
        return last
    for span, _ in members:
        text = span_text(span)
        if len(span) == 1 and gazetteer_key(text) == stem + "ой":
            return text
    return last


def _surname_beside_locative(span: Span, last: str, members: list[tuple[Span, str]]) -> str:
    """The surname of a name read from the locative, or the one the person's mentions in other
    cases agree on: the locative's -е is of a man's name in a consonant and in -а alike ("о
    Луисе Ривере" with "Риверу" is Ривера, with "Ривера" alone Ривер)."""
    if person_case_gender(span)[0] != "Loc":
        return last
    stem = case_stem(last)
    others = {
        name.split()[-1]
        for other, name in members
        if other is not span
        and name.split()
        and case_stem(name.split()[-1]) == stem
        and person_case_gender(other)[0] not in ("", "Loc")
    }
    if len(others) == 1:
        return others.pop()
    return last
