"""Words: what a word can be in a person's name: a name particle, a function word, a common
word opening a sentence, a surname in a case, a body's name before a first name."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import resources
from .._spans import (
    PROPER,
    all_parses,
    opens_sentence,
    token_parses,
)
from ..tag import best_parse, token_tag

# lowercase words that are part of a person's name ("ибн Эзра", "фон Браун", "де Голль")
NAME_PARTICLES = frozenset(
    "ибн бин бен ван фон дер де дель делла ди дю да дос ла ле лос эль аль ад ас аш".split()
)


# pymorphy3 parts of speech (and the tagger's) of words that cannot be a name: "Всё-таки Проди"
_FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "PRED", "NPRO"})


_FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "PRED", "NPRO"})
_FUNCTION_UD = frozenset({"ADV", "PART", "CCONJ", "SCONJ", "ADP", "INTJ", "PRON"})


_FUNCTION_UD = frozenset({"ADV", "PART", "CCONJ", "SCONJ", "ADP", "INTJ", "PRON"})
_PERSON = frozenset({"Name", "Surn", "Patr"})


def _not_a_name(token: Token) -> bool:
    """A function word (adverb, particle, conjunction...) to pymorphy3, and to the tagger or
    longer than a syllable ("Но" of "Но Му Хён" may be a name, "Всё-таки" may not)."""
    text = token.text
    if text.lower() in NAME_PARTICLES or (token.pos_ not in _FUNCTION_UD and len(text) < 4):
        return False
    if token.pos_ == "ADP" and len(text) <= 2 and text.isalpha() and not _initial(token):
        # a short preposition also reads as a letter's abbreviation ("О Жаклин Кеннеди")
        return any(parse.tag.POS == "PREP" for parse in token_parses(token))
    word = text.lower()
    # a word with a reading that is no function word's is none, whatever the tagger read
    return _only_function_word(word) and _function_word(word, token_tag(token))


@lru_cache(maxsize=100_000)
def _function_word(word: str, tag: tuple[str, str, str, str]) -> bool:
    """Whether every pymorphy3 parse of ``word`` is a function word's and no proper name's, the
    parse that agrees with the tagger's ``tag`` first (:func:`all_parses` of a word, cached)."""
    return _all_parses_of(word, tag, _function_parse)


@lru_cache(maxsize=100_000)
def _only_function_word(word: str) -> bool:
    """Whether every pymorphy3 parse of ``word`` is a function word's and no proper name's: what
    :func:`_function_word` needs whatever the tag (tested first, without the tag)."""
    return all(_function_parse(parse) for parse in resources.word_parses(word))


def _function_parse(parse: Any) -> bool:
    return parse.tag.POS in _FUNCTION_POS and not (PROPER & parse.tag.grammemes)


def _all_parses_of(word: str, tag: tuple[str, str, str, str], test: Any) -> bool:
    """:func:`all_parses` of a lowercase word and its tagger's ``tag``, without a ``Token``."""
    if not test(best_parse(word, *tag)):
        return False
    return all(test(parse) for parse in resources.word_parses(word))


# pymorphy3 parts of speech of a lowercase word that no name holds inside ("обнял", "и")
_INNER_POS = frozenset({*_FUNCTION_POS, "VERB", "INFN", "GRND", "PRTS"})


def _lowercase_non_name(token: Token) -> bool:
    """A lowercase word that pymorphy3 knows only as a verb or a function word and that is no
    name particle ("обнял", "и"; not "де" of "Шарль де Голль", nor "оглы")."""
    text = token.text
    if not text.isalpha() or not text.islower() or text in NAME_PARTICLES:
        return False
    parses = token_parses(token)
    return bool(parses) and all(
        parse.is_known and parse.tag.POS in _INNER_POS and not (PROPER & parse.tag.grammemes)
        for parse in parses
    )


def _capitalized_inside(token: Token) -> bool:
    """A capitalized word after another word of its sentence: a name, whatever else it reads
    as ("Ней" of "Марины Ней")."""
    return token.is_title and len(token.text) > 2 and not opens_sentence(token)


def _initial(token: Token) -> bool:
    """Whether a dot follows the token ("О." of "О. Петров")."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "."


_ADJECTIVE_POS = frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS", "VERB", "GRND", "INFN"})


def _capitalized_common_word(token: Token) -> bool:
    """A sentence's first word that pymorphy3 knows only as an adjective, participle or verb,
    never as a name ("Побритый наголо...", "Будничная, повседневная работа")."""
    if not opens_sentence(token):
        return False
    return all_parses(
        token,
        lambda parse: (
            parse.is_known
            and parse.tag.POS in _ADJECTIVE_POS
            and not (PROPER & parse.tag.grammemes)
        ),
    )


def _common_compound(token: Token) -> bool:
    """A sentence's first word joining by a hyphen words pymorphy3 knows only as common nouns
    ("Врач-кардиолог", "Инженер-конструктор"): a post before a name, not part of it."""
    parts = token.text.lower().split("-")
    if not opens_sentence(token) or len(parts) < 2:
        return False
    morph = resources.morph_analyzer()
    return all(
        part
        and all(
            parse.is_known and parse.tag.POS == "NOUN" and not (PROPER & parse.tag.grammemes)
            for parse in morph.parse(part)
        )
        for part in parts
    )


def _genitive_non_name(token: Token) -> bool:
    """A word pymorphy3 reads in the genitive only and never as a person's name, known or
    guessed ("Минкавказа", "Омска")."""
    return _genitive_non_name_word(token.text.lower())


@lru_cache(maxsize=100_000)
def _genitive_non_name_word(word: str) -> bool:
    """:func:`_genitive_non_name` of a lowercase word (cached)."""
    parses = resources.word_parses(word)
    return bool(parses) and all(
        parse.tag.case == "gent" and not (_PERSON & parse.tag.grammemes) for parse in parses
    )


def _body_before_first_name(doc: Doc, start: int) -> bool:
    """Whether ``doc[start]`` is a body's name in the genitive after a post and before a first
    name ("главы Росстата Павла Малкова"): a lowercase noun before it, pymorphy3 reads it
    in the genitive and knows it as no person's name, and it knows the next word as a first
    name."""
    post = doc[start - 1] if start else None
    if post is None or post.pos_ != "NOUN" or not (post.is_lower or opens_sentence(post)):
        return False
    parses = token_parses(doc[start])
    if not any(parse.tag.case == "gent" for parse in parses) or any(
        parse.is_known and _PERSON & parse.tag.grammemes for parse in parses
    ):
        return False
    following = doc[start + 1]
    if not following.is_title:
        return False  # "шейха Хамдана бен Мухаммеда": a particle, the first name is before it
    return any(parse.is_known and "Name" in parse.tag for parse in token_parses(following))


def _known_surname(token: Token) -> bool:
    """A word pymorphy3 knows as a surname in the nominative ("Воронцов")."""
    return any(
        parse.is_known and "Surn" in parse.tag and parse.tag.case == "nomn"
        for parse in token_parses(token)
    )


def _oblique_surname(token: Token) -> bool:
    """A word pymorphy3 knows as a surname in oblique cases only, never as a first name nor in
    the nominative ("Зуеву", "Петрову"; not "Петрова", a woman's nominative)."""
    return _oblique_surname_word(token.text.lower())


@lru_cache(maxsize=100_000)
def _oblique_surname_word(word: str) -> bool:
    """:func:`_oblique_surname` of a lowercase word (cached)."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return (
        any("Surn" in parse.tag for parse in parses)
        and not any({"Name", "Patr"} & parse.tag.grammemes for parse in parses)
        and not any(parse.tag.case == "nomn" for parse in parses)
    )


def _person_cases(word: str, known: bool = True, kinds: Collection[str] = _PERSON) -> set[str]:
    """The cases pymorphy3 knows (or, unless ``known``, guesses) a lowercase ``word`` a singular
    name of ``kinds`` in."""
    return {
        parse.tag.case
        for parse in resources.word_parses(word)
        if (parse.is_known or not known)
        and set(kinds) & parse.tag.grammemes
        and parse.tag.number == "sing"
    }


def _surnames_disagree(first: Token, second: Token) -> bool:
    """Two surnames pymorphy3 knows in no common case, the first never in the nominative, the
    second a man's surname in it: two people ("Уступил Горбачёву Лигачёв"). A second word it
    does not know counts by its guesses when the first reads as a surname only ("Ответил
    Жуковскому Блэйден"; not "Анне Байден", a woman's surname that does not decline)."""
    return _surnames_disagree_words(first.text.lower(), second.text.lower())


@lru_cache(maxsize=100_000)
def _surnames_disagree_words(first: str, second: str) -> bool:
    """:func:`_surnames_disagree` of two lowercase words (cached)."""
    cases = _person_cases(first, False)
    if not cases or "nomn" in cases:
        return False
    if _woman_first_name(first) and second[-1:].isalpha() and second[-1] not in _VOWELS:
        return False  # "с Патрицией Кауфман": a woman's surname in a consonant does not decline
    if any(
        parse.is_known and "Surn" in parse.tag and parse.tag.case == "nomn"
        for parse in resources.word_parses(second)
    ):
        return not cases & _person_cases(second)
    if _person_cases(first, False, ("Name", "Patr")):
        return False
    guessed = _person_cases(second, False)
    return "nomn" in guessed and not cases & guessed


_VOWELS = frozenset("аеёиоуыэюяй")


def _woman_first_name(word: str) -> bool:
    """Whether pymorphy3 knows a lowercase ``word`` as a woman's first name only."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(
        "Name" in parse.tag and parse.tag.gender == "femn" for parse in parses
    )


def _first_names_disagree(first: Token, second: Token) -> bool:
    """Two first names pymorphy3 knows in no common case, the first never nominative and
    ending in "-ы" or "-и", which no one's first name ends in there, the second nominative: a
    possessor, then the person ("Брат Фомы Никита", "сын Марии Пётр"), two people; not "Ивана
    Павла", one name in one case, nor "Амина Мохаммед" ("Амина" a man's genitive to pymorphy3,
    a woman's name it does not know)."""
    word = first.text.lower()
    if not word.endswith(("ы", "и")):
        return False
    cases = _person_cases(word, kinds=("Name",))
    if not cases or "nomn" in cases or _person_cases(word, kinds=("Surn", "Patr")):
        return False
    other = _person_cases(second.text.lower(), kinds=("Name",))
    return "nomn" in other and not cases & other


def _nominative_surname(token: Token) -> bool:
    """A capitalized word that may be a surname in the nominative and is no first name nor
    patronymic ("Соболь", "Шойгу")."""
    parses = token_parses(token)
    return (
        token.is_title
        and any(parse.tag.case == "nomn" for parse in parses)
        and not any({"Name", "Patr"} & parse.tag.grammemes for parse in parses)
    )


def _organization_word(token: Token) -> bool:
    """Whether pymorphy3 knows a word as an organization's name ("Аль-Кайды"), never as a
    person's. (Place names are not split off: many are also first names, "Гата Камский".)"""
    if not token.text[:1].isupper():
        return False
    return _organization_name(token.text.lower(), token_tag(token))


@lru_cache(maxsize=100_000)
def _organization_name(word: str, tag: tuple[str, str, str, str]) -> bool:
    """:func:`_organization_word` of a lowercase word and its tagger's ``tag`` (cached)."""
    return _all_parses_of(
        word,
        tag,
        lambda parse: (
            parse.is_known and "Orgn" in parse.tag and not (_PERSON & parse.tag.grammemes)
        ),
    )


def _has_parse_with(token: Token, grammeme: str) -> bool:
    return _word_has_parse_with(token.text.lower(), grammeme)


@lru_cache(maxsize=100_000)
def _word_has_parse_with(word: str, grammeme: str) -> bool:
    """Whether some pymorphy3 reading of a lowercase word has ``grammeme`` (kept: a pure
    function of the word)."""
    return any(grammeme in parse.tag for parse in resources.word_parses(word))


def _first_name_like(span: Span, first: bool = True) -> bool:
    """Capitalized words the first of which pymorphy3 reads as a first name (unless not
    ``first``), none as a place's or an organization's name."""
    return (_has_parse_with(span[0], "Name") or not first) and all(
        token.is_title and not _has_parse_with(token, "Geox") and not _has_parse_with(token, "Orgn")
        for token in span
    )


def _surname_like(span: Span) -> bool:
    """Capitalized words none of which pymorphy3 knows as a place's or an organization's name
    (a guess by the word's ending, "Ясуоку" read as a place like "Мацуоку", does not count)."""
    return all(
        token.is_title
        and not any(
            parse.is_known and {"Geox", "Orgn"} & parse.tag.grammemes
            for parse in token_parses(token)
        )
        for token in span
    )


def _person_word(token: Token, known_genitive: bool) -> bool:
    """A capitalized word pymorphy3 reads as a person's name and not as a place's or an
    organization's (``known_genitive``: a name it knows, in the genitive)."""
    if not token.is_title:
        return False
    parses = token_parses(token)
    if any({"Geox", "Orgn"} & parse.tag.grammemes for parse in parses):
        return False
    return any(
        _PERSON & parse.tag.grammemes
        and (not known_genitive or (parse.is_known and parse.tag.case == "gent"))
        for parse in parses
    )


def _known_first_name(token: Token) -> bool:
    """Whether pymorphy3 knows ``token`` as a first name (not only guesses it)."""
    return _known_first_name_word(token.text.lower())


@lru_cache(maxsize=100_000)
def _known_first_name_word(word: str) -> bool:
    """:func:`_known_first_name` of a lowercase word (kept: a pure function of the word)."""
    return any(parse.is_known and "Name" in parse.tag for parse in resources.word_parses(word))
