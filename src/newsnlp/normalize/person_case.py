"""The case and gender of a person's mention, from its words, the tagger and its context.

What the words of a name allow is read in ``word_cases``, what the words around it tell in
``context_case``; :func:`person_case_gender` weighs them against the tagger's tags.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import wraps
from typing import Protocol

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .._batch import token_texts
from .._spans import CLOSE_QUOTES, OPEN_QUOTES
from ..people import NAME_PARTICLES
from ..tag import token_tag
from .context_case import (
    _after_locative_preposition,
    _apposition_case,
    _governed_case,
    _post_noun,
    _subject_before_its_verb,
    _womans_verb_after,
)
from .forms import _POSSESSIVE_FEMININE, _VOWELS
from .word_cases import (
    _declined_cases,
    _double_first_name_cases,
    _ending_fits,
    _feminine_accusative,
    _first_name_cases,
    _indeclinable,
    _known_only_in,
    _mans_first_name_only,
    _mans_genitive,
    _one_gender_first_name_cases,
    _patronymic_cases,
    _portuguese_first_name,
    _surname_only_in,
    _woman_in_accusative,
    _woman_in_nominative,
    _womans_adjective_surname,
    _womans_first_name_fits,
    _womans_instrumental_first_name,
)
from .words import (
    _OBLIQUE,
    _has_name_parse,
    _instrumental_ending,
    _known_in,
    _name_gender,
    _name_in,
    _not_nominative,
    _oblique_surname,
    _singular_in,
)

_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")


class _CaseGender(Protocol):
    def __call__(self, span: Span, follow: bool = True) -> tuple[str, str]: ...


# the case and gender of each person mention of a live document, from the moment the
# normalizer starts on it (its entities and tags no longer change): the normalizer, the linker,
# the posts and the statements ask for the same mentions; kept beside the Doc, not in it
_found: weakref.WeakKeyDictionary[Doc, dict[tuple[int, int, bool], tuple[str, str]]] = (
    weakref.WeakKeyDictionary()
)


def remember_cases(doc: Doc) -> None:
    """Keep what :func:`person_case_gender` finds for the mentions of ``doc`` from now on, for
    as long as ``doc`` lives: its entities, tags and words must not change after this (the
    normalizer calls it once the recognizer has set the entities; a new call forgets all)."""
    _found[doc] = {}


def _per_document(read: _CaseGender) -> _CaseGender:
    """``read``, each span's answer kept per document once :func:`remember_cases` asked."""

    @wraps(read)
    def remembered(span: Span, follow: bool = True) -> tuple[str, str]:
        known = _found.get(span.doc)
        if known is None:
            return read(span, follow)
        key = (span.start, span.end, follow)
        found = known.get(key)
        if found is None:
            found = known[key] = read(span, follow)
        return found

    return remembered


@_per_document
def person_case_gender(span: Span, follow: bool = True) -> tuple[str, str]:
    """One case and one gender for all the words of a person's name.

    The parts of a name agree, but the tagger sometimes tags them differently ("Тору" Gen,
    "Камикавы" Dat): the case most words are tagged with and pymorphy3's name parses support
    wins, the nominative on a tie. A first name pymorphy3 knows decides the gender, else the
    tagger's majority.
    """
    quoted = quoted_tokens(span)
    doc, texts = span.doc, token_texts(span.doc, ORTH)  # the texts at once, not per Token
    kept = [
        i
        for i in range(span.start, span.end)
        if texts[i][:1].isalpha()
        and texts[i] not in NAME_PARTICLES
        and i not in quoted
        and not (len(texts[i]) == 1 and texts[i].isupper())  # initials tell no case
        and not _ROMAN_NUMERAL.match(texts[i])  # nor a monarch's number: "Карла III"
    ]
    tags = [token_tag(doc[i]) for i in kept]
    if not tags:
        return "", ""
    lowered = [texts[i].lower() for i in kept]
    singular = [word for word, (_, _, _, number) in zip(lowered, tags) if number != "Plur"]
    # the parts of hyphenated words are names each ("Мамину-Сибиряку")
    words = [part for word in lowered for part in word.split("-") if part]
    votes = _tally(case for _, case, _, _ in tags if case)
    post = _post_noun(span)  # read once: the tests below ask for its case
    post_case = token_tag(post)[1] if post is not None else ""
    post_instrumental = post_case == "Ins"
    if any(
        _instrumental_ending(word)
        and not (
            case == "Nom" and word.endswith(("ом", "ем")) and not post_instrumental
        )  # "Гэвин Ньюсом"; not "с консулом Вьетнама Нгуен Ван Хунгом"
        for word, (_, case, _, number) in zip(lowered, tags)
        if number != "Plur"
    ):
        votes = {"Ins": 1}  # "Ван Сюэлинем" tagged genitive: -ем is the instrumental's
    if len(words) > 1 and _womans_instrumental_first_name(words[0]):
        votes = {"Ins": 1}  # "Эмилией Тарасюк" tagged nominative: -ей, -ой of a woman
    across = _case_across_particle(texts, span.start, span.end, tags[0][1])
    if across:
        votes = {across: 1}  # "Тамиму бен Хамаду Аль Тани": the father's name agrees
    last_oblique = (
        bool(singular)
        and _oblique_surname(singular[-1])
        and not _subject_before_its_verb(span, tags, singular[-1])
    )
    if "Nom" in votes and (last_oblique or any(_not_nominative(word) for word in singular)):
        # the tagger's nominative is a mistake: the case all words' forms allow, genitive first
        del votes["Nom"]
        if not votes:
            fits = [c for c in _OBLIQUE if all(_singular_in(word, c) for word in words)]
            if not fits:
                # "Ло Шисюном": the case the words that are no nominative allow, when the
                # others may be in it too (in it to pymorphy3, or undeclined, ending in a vowel
                # other than -а/-я); "Гэвин Ньюсом" is a nominative
                marked = [
                    word
                    for i, word in enumerate(singular)
                    if _not_nominative(word) or (last_oblique and i == len(singular) - 1)
                ]
                others = [word for word in words if word not in marked]
                fits = [
                    c
                    for c in _OBLIQUE
                    if all(_name_in(w, c, False) or _ending_fits(w, c, "") for w in marked)
                    and all(_singular_in(w, c) or w[-1] in "еиоуыэю" for w in others)
                ]
            if post_case in fits:
                # in apposition to a post, the post's case: "с атташе ... Марко Скуарчиной"
                fits = [post_case]
            votes = _tally(fits[:1])
    if (
        set(votes) == {"Gen"}
        and last_oblique
        and singular[-1][-1] in "ую"
        and len(singular) == len(lowered)
        and not any(
            _singular_in(singular[-1], c) or _ending_fits(singular[-1], c, "") for c in votes
        )
    ):
        # a name's last word in -у/-ю after a consonant, unknown, is no genitive: a dative or
        # an accusative ("Ли Сяолуну", "Ван Цзяньпину" tagged genitive)
        fits = [c for c in ("Dat", "Acc") if _singular_in(singular[-1], c)]
        if fits:
            votes = _tally(fits[:1])
    lone_accusative = (
        len(words) == 1 and _most_common(votes) == "Acc" if votes else False
    ) and _feminine_accusative(words[0])
    if (
        votes
        and not lone_accusative
        and not any(_has_name_parse(word, case) for case in votes for word in words)
    ):
        # no word is a name in the tagger's case: all are names in the instrumental, known or
        # guessed ("Дауреном Абаевым" tagged nominative, "Елисеем" dative), or known names in
        # the dative or locative ("Нонне Викторовне" tagged genitive and nominative). Not the
        # genitive ("Ванга" is no form of "Ванг"), nor a guessed dative (an indeclinable
        # "Нисипяну" looks like one).
        for other, known in (("Ins", False), ("Dat", True), ("Loc", True)):
            if all(_name_in(word, other, known) for word in words):
                votes = {other: 1}
                break
        else:
            # or words pymorphy3 knows, not as names, in one oblique case other than the
            # genitive ("Мамину-Сибиряку" tagged genitive: a possessive and a noun, dative)
            fits = [c for c in ("Dat", "Ins", "Loc") if all(_known_in(w, c) for w in words)]
            if fits:
                votes = _tally(fits[:1])
    genders = _tally(gender for _, _, gender, _ in tags if gender)
    tagged_gender = _most_common(genders) if genders else ""
    support = {
        case: 2 * votes[case]
        + sum(_has_name_parse(w, case) for w in words)
        + sum(_ending_fits(w, case, tagged_gender) for w in words)
        for case in votes
    }
    case = max(support, key=lambda c: (support[c], c == "Nom"), default="")
    first_cases = _first_name_cases(words[0], tagged_gender) if len(words) > 1 else ()
    if not first_cases and len(words) > 1:
        # a first name known as the other gender's only, in oblique cases only: the tagger's
        # gender is wrong, not the name ("Изольде Кох" tagged a man's nominative, "Агнессе
        # Бруно" a man's genitive)
        first_cases = _one_gender_first_name_cases(words[0])
    in_apposition = (
        case == "Nom"
        and all(c == "Nom" for _, c, _, _ in tags)
        and post_case == "Nom"
        # a woman's noun has no man in apposition: "Внучка Прохора Суслякова" is his genitive
        and not (token_tag(post)[2] == "Fem" and _mans_first_name_only(words[0]))
    )  # "Посол Японии Акира Ямада вручил ...": a nominative post, every word tagged so
    if (
        first_cases
        and "Nom" not in first_cases
        and case not in first_cases
        and (case in ("", "Nom") or case not in _first_name_cases(words[0]))
        and not in_apposition
        and not _surname_only_in(words[-1], case, first_cases)
    ):
        # a first name pymorphy3 knows only in oblique cases sets the case of the whole name:
        # "Софией Коппола", "Карлом Нехаммером" (the surname agrees with it); one that may be
        # a nominative does not ("Хуан Цяном": a Chinese surname first does not decline), nor
        # one of the other gender ("Паулу Роше" of a man is no form of "Паула"); the tagger's
        # case stands when the first name is in it as the other gender's ("Бидзину" Acc)
        case = max(
            first_cases,
            key=lambda c: (
                sum(_has_name_parse(w, c) for w in words),
                # "Бубакара Камару": the accusative, as the surname's -у is no genitive
                sum(_ending_fits(w, c, tagged_gender) for w in words),
                c == "Nom",
                c,
            ),
        )
    double_cases = _double_first_name_cases(span[0].text.lower()) if len(words) > 2 else ()
    if double_cases and case not in double_cases:
        # both parts of a double first name known only in oblique cases agree on one
        # ("Анне-Марии Шульц" tagged nominative: the dative)
        case = double_cases[0]
    patronymic_cases = _patronymic_cases(words[1]) if len(words) > 1 else ()
    if patronymic_cases and case not in patronymic_cases:
        # a patronymic pymorphy3 knows tells the case its first name agrees with: "Лидии
        # Андреевне" tagged genitive is a dative ("Андреевне" is no genitive)
        fits = [c for c in patronymic_cases if _name_in(words[0], c, False)]
        if fits:
            case = fits[0]
    last_cases = _declined_cases(words[-1]) if len(words) == 2 else ()
    if last_cases and case not in last_cases and _indeclinable(words[0]) and not first_cases:
        # a title that does not decline before a word pymorphy3 knows in other cases only:
        # "Леди Гагу" tagged genitive is an accusative ("гагу" is no genitive); not a first
        # name that does not decline: "Марио Драги" is no genitive of a surname "Драга"
        case = last_cases[0]
    if (
        case == "Gen"
        and len(words) > 1
        and words[-1].endswith("ию")
        and len(words[-1]) > 4
        and (not first_cases or "Acc" in first_cases)
    ):
        # no genitive ends in -ю: "Серго Вахтанговича Бакрадзию", the patronymic's -а is the
        # accusative's too, of a surname in -ия
        case = "Acc"
    apposition = (
        _apposition_case(span, words, post)
        if case not in ("", "Nom") or not all(_singular_in(w, "Nom") for w in words)
        else ""
    )  # "послу Чили в Перу Хорхе Арайе": "Арайе" is read in no nominative
    if (
        not apposition
        and case == "Nom"
        and post_case in _OBLIQUE
        and len(singular) > 1
        and _known_only_in(singular[-1], post_case)
    ):
        # "к консулу Вьетнама в Иркутске Нгуен Тхань Туну" tagged nominative: its last word
        # pymorphy3 knows only in the post's case, so the name stands in apposition to it
        apposition = post_case
    if apposition and apposition != case:
        case = apposition
    if case == "Loc" and not _after_locative_preposition(span):
        case = "Dat"  # the locative needs a preposition: "адресовано Урсуле … и Антониу Коште"
    governed = _governed_case(span)
    if governed and case != governed:
        case = governed  # "от Тьерри Маршалле": after "от" a genitive, "-е" stays as written
    if follow and case in ("", "Nom"):
        # names joined by "и" or a comma share their case: "Марте Ривере и Жоау Мейре"
        shared = _coordinated_case(span)
        if shared and any(
            _has_name_parse(w, shared) or _ending_fits(w, shared, tagged_gender) for w in words
        ):
            case = shared
    if case in ("Dat", "Acc") and _portuguese_first_name(words):
        case = "Nom"  # "Рикарду Силва": no case gives -у to the one and -а to the other
    gender = tagged_gender
    if case:
        gender = _name_gender(words[0], case, gender) or gender
    if gender == "Fem" and case in ("Gen", "Acc") and len(words) == 1 and _mans_genitive(words[0]):
        gender = "Masc"  # "музыку Генделя" tagged a woman's: no woman's genitive ends so
    if case in ("Gen", "Acc") and len(words) == 1 and _womans_verb_after(span):
        return "Nom", "Fem"  # "Зимина рассказала": a woman's nominative, not Зимин's genitive
    if lone_accusative and case == "Acc":
        return "Acc", "Fem"  # "слушали Земфиру", a man's accusative would end in -а
    if case in ("Acc", "Dat") and len(words) > 1 and _woman_in_accusative(words[0], words[-1]):
        return "Acc", "Fem"
    if (
        case in ("Gen", "Acc")
        and len(words) > 1
        and not governed
        and _woman_in_nominative(words[0], words[-1])
    ):
        return "Nom", "Fem"
    if (
        case in _OBLIQUE
        and words[-1].endswith(_POSSESSIVE_FEMININE)
        and len(words[-1]) > 5
        and not (len(words) > 1 and _mans_first_name_only(words[0]))
    ):
        # a surname in -овой, -иной in an oblique case is a woman's (a man's ends in -ову,
        # -овым, -ове), and in no accusative (-ову): tagged so, the first case the other words
        # allow ("Айгерим Сатпаевой", "Карлыгаш Омаровой"); nor in a case her first name's
        # ending is not in ("Айнуре Гасановой" tagged genitive: -е is a dative's); not after a
        # man's first name ("Олегом Дубиной": a man's surname in -а)
        if case == "Acc" or (len(words) > 1 and not _womans_first_name_fits(words[0], case)):
            fits = [
                c
                for c in ("Dat", "Gen", "Ins", "Loc")
                if all(_singular_in(w, c) for w in words)
                and (len(words) == 1 or _womans_first_name_fits(words[0], c))
            ]
            case = fits[0] if fits else ("Gen" if case == "Acc" else case)
        return case, "Fem"
    if case in _OBLIQUE and words[-1].endswith(("ую", "юю")) and len(words[-1]) > 4:
        # an adjective-like surname in -ую is a woman's accusative, whatever the tagger's
        # case: "Тихановскую", "Валерию Ланскую" tagged dative
        return "Acc", "Fem"
    if case in ("Gen", "Dat", "Ins", "Loc") and _womans_adjective_surname(words[-1]):
        return case, "Fem"  # "о Зеленской": a man's would be "о Зеленском"
    return case, gender


_SON_OF = frozenset({"бен", "бин", "ибн"})


def _case_across_particle(texts: list[str], start: int, end: int, first_case: str) -> str:
    """The oblique case the tagger gives a name's first word when the word after "бен", "бин"
    or "ибн" ends as it does: a father's name agrees with the son's ("Тамиму бен Хамаду Аль
    Тани", the last word tagged nominative), so the whole name is in that case; else ""."""
    if first_case in ("", "Nom") or end - start < 3:
        return ""
    first = texts[start].lower()
    for i in range(start + 1, end - 1):
        if texts[i] in _SON_OF:
            father = texts[i + 1].lower()
            if len(first) > 3 and len(father) > 3 and _same_case_ending(first, father):
                return first_case
            return ""
    return ""


def _same_case_ending(first: str, second: str) -> bool:
    """Whether two words end in one case ending: a vowel after a consonant ("-у", "-а", "-е")
    or "-ом", "-ем"."""
    if first[-2:] in ("ом", "ем") or second[-2:] in ("ом", "ем"):
        return first[-2:] == second[-2:]
    return (
        first[-1] == second[-1]
        and first[-1] in "уюаяе"
        and first[-2] not in _VOWELS
        and second[-2] not in _VOWELS
    )


def _tally(values: Iterable[str]) -> dict[str, int]:
    """How many times each value comes, in the order first seen (a ``Counter`` costs more to
    make than the few tags of a name it counts)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _most_common(counts: dict[str, int]) -> str:
    """The value counted most, the first seen on a tie (as ``Counter.most_common(1)``)."""
    return max(counts, key=counts.__getitem__)


def _coordinated_case(span: Span) -> str:
    """The oblique case of the person's name joined to ``span`` by "и" or a comma before it,
    if there is one; else ""."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].text not in ("и", ",") or doc[i - 1].ent_type_ != "PER":
        return ""
    end = i
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    case, _ = person_case_gender(doc[start:end], follow=False)
    return case if case in _OBLIQUE else ""


def quoted_tokens(span: Span) -> set[int]:
    """The indexes of the tokens of ``span`` inside quotes (a nickname: "Виктор «Шрам» Лапин")."""
    inside, found = False, set()
    words = token_texts(span.doc, ORTH)  # the texts at once, not a Token per word
    for i in range(span.start, span.end):
        if words[i] in OPEN_QUOTES and not inside:
            inside = True
        elif words[i] in CLOSE_QUOTES and inside:
            inside = False
        elif inside:
            found.add(i)
    return found
