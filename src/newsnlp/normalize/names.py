"""People's names in the nominative: word by word, a shared plural surname, coordinated names."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Span

from .. import resources
from .._batch import token_texts
from ..people import plural_surname_ending, shared_surname
from ..tag import UD_CASE as _UD_CASES
from ..tag import UD_GENDER as _GENDER
from ..tag import token_tag
from .forms import _VOWELS, name_by_ending, recover_case
from .person_case import person_case_gender, quoted_tokens
from .place_words import _adjective_nominative, _singular_noun
from .tokens import inflect_token, person_text
from .word_cases import _first_name_cases


def join_words(span: Span, words: list[str]) -> str:
    """The words of ``span`` (one per token) spaced as the text spaces its tokens."""
    out = []
    for token, word in zip(span, words):
        out.append(word)
        if token.i < span.end - 1:
            out.append(" " if token.whitespace_ or token.nbor(1).is_space else "")
    return " ".join("".join(out).split())


def person_name(span: Span, case_gender: tuple[str, str] | None = None) -> str:
    """The nominative of a person's name: each word in the name's case and gender (a nickname
    in quotes too, though it does not vote on them); a surname written in the plural for two
    people ("Виктора и Марины Зайцевых") is each one's in the singular, also for the first name
    before it ("Виктор Зайцев"). ``case_gender`` overrides the case and gender read from the
    span (the linker knows a man from his other mentions)."""
    case, gender = case_gender or person_case_gender(span)
    quoted = quoted_tokens(span)
    texts, several = token_texts(span.doc, ORTH), len(span) > 1  # not a Token per word
    words = [
        person_text(
            texts[i], case, gender, several and i == span.start, several and i == span.end - 1
        )
        for i in range(span.start, span.end)
    ]
    last = span[-1]
    if (
        len(span) > 1
        and last.i not in quoted
        and (_plural_only_surname(last.text.lower()) or _after_coordinated_name(span))
        and not _siberian_surname(span)
    ):
        words[-1] = recover_case(singular_surname(last.text.lower(), case, gender), last.text)
    if _first_declension_surname(span, case, gender, words[-1]):
        words[-1] = words[-1][:-1] + "а"
    elif _declined_after_first_name(span, case, gender, words[-1]):
        word = span[-1].text.lower()
        words[-1] = recover_case(name_by_ending(word, case, gender), span[-1].text)
    name = join_words(span, words)
    surname = shared_surname(span)
    if surname is not None:
        case = token_tag(surname)[1] or case
        word = singular_surname(surname.text.lower(), case, gender)
        name += " " + recover_case(word, surname.text)
    return name


def _first_declension_surname(span: Span, case: str, gender: str, surname: str) -> bool:
    """Whether a man's surname that person_word left as written in -и after г, к, х,
    ж, ш, is the genitive of one in -а ("Олега Белопаски" of Белопаска): the first name before
    it is a man's first name pymorphy3 knows in the genitive and never in the nominative, so
    the name is in the genitive (the accusative of a man's first name is the same form, and a
    noun in -а takes -у there, not -и), and -и is the ending of a noun in -а. A first name that
    does not decline ("Ичиро Судзуки") leaves the surname as written."""
    if len(span) < 2 or gender != "Masc" or case not in ("Gen", "Acc"):
        return False
    word = span[-1].text.lower()
    if surname.lower() != word or len(word) < 4 or not word.endswith("и"):
        return False
    if word[-2] not in "гкхжш" or "-" in word:
        return False
    cases = _first_name_cases(span[0].text.lower(), "Masc")
    return "Gen" in cases and "Nom" not in cases


def _declined_after_first_name(span: Span, case: str, gender: str, surname: str) -> bool:
    """Whether a man's surname that person_word left as written in -у/-ю after a consonant is a
    dative or accusative ("Джеймсу Олдриджу" of Олдридж, "Бубакара Камару" of Камара):
    pymorphy3 does not know it (it guesses an indeclinable word) and the first name before it
    is one it knows in that case and never in the nominative, so the name declines ("Сергею
    Шойгу", a surname it knows, stays)."""
    if len(span) < 2 or gender != "Masc" or case not in ("Dat", "Acc"):
        return False
    word = span[-1].text.lower()
    if surname.lower() != word or len(word) < 4 or "-" in word:
        return False
    if word[-1] not in "ую" or word[-2] in _VOWELS + "ьй":
        return False
    if any(parse.is_known for parse in resources.word_parses(word)):
        return False
    cases = _first_name_cases(span[0].text.lower(), "Masc")
    return case in cases and "Nom" not in cases


def _after_coordinated_name(span: Span) -> bool:
    """Whether a first name and "и" or a comma stand right before ``span``, so that its surname
    is the plural both share ("Анной и Марией Котиковыми")."""
    doc = span.doc
    i = span.start
    return (
        i >= 2
        and doc[i - 1].text in ("и", ",")
        and doc[i - 2].ent_type_ == "PER"
        and shared_surname(doc[i - 2 : i - 1]) is not None
    )


def _siberian_surname(span: Span) -> bool:
    """Whether the last word of ``span`` is a surname in -ых/-их that does not decline
    ("Ольги Толстых", "Глебу Косых"): pymorphy3 may know it only as a family's plural, but
    after one first name, with no name coordinated before it, it is one person's as written;
    a plural of a surname in -ов/-ев/-ин ("Зайцевых") is not."""
    word = span[-1].text.lower()
    return (
        word.endswith(("ых", "их"))
        and plural_surname_ending(word) is None
        and not _after_coordinated_name(span)
    )


# the endings of a surname's plural forms (-ы, -ых, -ым, -ыми and -и, -их, -им, -ими)
_PLURAL_ENDINGS = ("ы", "ых", "ым", "ыми", "и", "их", "им", "ими")


@lru_cache(maxsize=10_000)
def _plural_only_surname(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` as a surname only in the plural ("малышевы"), and it
    ends like one ("Ортегой" it may guess a plural of, but no plural ends in -ой)."""
    if not word.endswith(_PLURAL_ENDINGS):
        return False
    surnames = [p.tag for p in resources.word_parses(word) if "Surn" in p.tag]
    return bool(surnames) and all(tag.number == "plur" for tag in surnames)


@lru_cache(maxsize=10_000)
def singular_surname(word: str, case: str, gender: str) -> str:
    """The nominative singular, of ``gender``, of a surname pymorphy3 reads as plural in
    ``case`` ("зайцевых" -> "зайцева" of a woman); the word itself if it reads none so."""
    wanted = _UD_CASES.get(case, set()) or {"nomn"}
    plural = [p for p in resources.word_parses(word) if "Surn" in p.tag and p.tag.number == "plur"]
    if case not in ("", "Nom") and not any(parse.tag.case in wanted for parse in plural):
        # the tagger's case is no case of the plural ("Анну и Марию Кравцовыми" is tagged as
        # the first names are): the surname's own case
        wanted = {parse.tag.case for parse in plural}
    for parse in plural:
        tag = parse.tag
        if tag.case in wanted:
            grammemes = {"nomn", "sing"}
            if gender in _GENDER:
                grammemes.add(_GENDER[gender])
            form = parse.inflect(grammemes)
            if form is not None:
                return form.word
    stem = plural_surname_ending(word)
    if stem is not None:  # a surname pymorphy3 does not know: "котиковыми" -> "котикова"
        return stem + "а" if gender == "Fem" else stem
    return word


def coordinated_name(span: Span, head: Span) -> str:
    """The nominative singular of a place coordinated with others under one plural head:
    "Курской" or "Липецкой областях" before or holding "областях" -> "Курская область",
    "Липецкая область"."""
    noun = head[-1]
    _, case, gender, _ = token_tag(noun)
    if not noun.is_lower:  # a proper noun: "Северной" before "и Южной Каролины"
        members = [token for token in span if token.i < head.start]
        name = inflect_token(noun)
        gender = next(
            (
                parse.tag.gender
                for parse in resources.word_parses(name.lower())
                if parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.gender
            ),
            _GENDER.get(gender, "femn"),
        )
        words = [
            recover_case(_adjective_nominative(t.text.lower(), case, gender), t.text)
            for t in members
        ]
        return " ".join([*words, name])
    singular = _singular_noun(noun.text.lower(), case)
    if singular is None:
        return span.text
    noun_word, gender = singular
    members = [token for token in span if token.i < head.start]
    words = [
        recover_case(_adjective_nominative(t.text.lower(), case, gender), t.text) for t in members
    ]
    words += [_adjective_nominative(t.text.lower(), case, gender) for t in head[:-1]]
    return " ".join([*words, noun_word])
