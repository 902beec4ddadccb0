"""The case and gender of a person's mention, from its words, the tagger and its context."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import lru_cache, wraps
from typing import Protocol

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .. import resources
from .._batch import token_texts
from .._spans import CLOSE_QUOTES, OPEN_QUOTES
from ..people import NAME_PARTICLES, plural_surname_ending
from ..tag import UD_CASE as _UD_CASES
from ..tag import UD_GENDER as _GENDER
from ..tag import morph_values, token_tag
from .forms import _POSSESSIVE_FEMININE, _VOWELS, name_by_ending
from .words import (
    _OBLIQUE,
    _has_name_parse,
    _instrumental_ending,
    _known_in,
    _known_nominative,
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


def _subject_before_its_verb(span: Span, tags: list[tuple[str, str, str, str]], last: str) -> bool:
    """Whether a name the tagger reads as a nominative, its last word in -у/-ю, stands where a
    nominative stands: in apposition to a noun of people in the nominative ("португалец Жоау
    Пинту"), or as the subject of the man's verb right after it, opening its sentence or after
    a nominative ("Пейшоту забил", "нападающий Родригу Пейшоту открыл"): a Portuguese
    nominative, no dative (a dative stands after a verb, a preposition, a dative noun or an
    object: "Передачу Пинту отдал Силва", "консулу ... Эмре Чалышкану", "вручили Чалышкану";
    a name pymorphy3 knows is read as it knows it: "Ляхову был 81 год")."""
    if not last.endswith(("у", "ю")) or any(case != "Nom" for _, case, _, _ in tags):
        return False
    if last.endswith(("ову", "еву", "ёву", "ину", "ыну")) or any(
        parse.is_known and {"Name", "Surn", "Patr"} & parse.tag.grammemes
        for parse in resources.word_parses(last)
    ):
        return False  # a Russian surname's dative: "Ляхову был 81 год"
    doc = span.doc
    before = doc[span.start - 1] if span.start and not doc[span.start].is_sent_start else None
    if before is not None and token_tag(before)[1] != "Nom":
        return False
    if before is not None and before.pos_ == "NOUN" and _person_noun(before.text.lower()):
        return True  # "португалец Жоау Пинту"
    if before is not None and before.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    if span.end >= len(doc):
        return False
    verb = doc[span.end]
    return (
        verb.pos_ in ("VERB", "AUX")
        and morph_values(verb, "Tense") == ["Past"]
        and morph_values(verb, "Gender") == ["Masc"]
        and morph_values(verb, "Number") == ["Sing"]
    )


@lru_cache(maxsize=10_000)
def _person_noun(word: str) -> bool:
    """Whether pymorphy3 knows a lowercase word only as an animate common noun in the
    nominative singular ("португалец", "нападающий" is an adjective to it)."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(
        parse.tag.POS == "NOUN"
        and "anim" in parse.tag
        and parse.tag.case == "nomn"
        and parse.tag.number == "sing"
        and not ({"Name", "Surn", "Patr"} & parse.tag.grammemes)
        for parse in parses
    )


def _portuguese_first_name(words: list[str]) -> bool:
    """Whether a two-word name is a first name in -у after a consonant and a surname in -а after
    a consonant: no one case ends so in both (a dative or an accusative in -у has -у, -е or
    -ого, -ову after it), but the accusative of a man's first name in -а before a surname's in
    a consonant ("Фому Петрова"), so both are nominatives ("Рикарду Силва", "Паулу Коста")."""
    if len(words) != 2:
        return False
    first, last = words
    if not (
        len(first) > 3
        and first.endswith("у")
        and first[-2] not in _VOWELS
        and len(last) > 3
        and last.endswith("а")
        and last[-2] not in _VOWELS
    ):
        return False
    return not any(
        parse.is_known
        and "Name" in parse.tag
        and ("masc" in parse.tag or "ms-f" in parse.tag)  # "Сашу Белкина": a man's
        and parse.tag.case == "accs"
        and parse.normal_form.endswith(("а", "я"))
        for parse in resources.word_parses(first)
    )


@lru_cache(maxsize=10_000)
def _known_only_in(word: str, case: str) -> bool:
    """Whether pymorphy3 knows ``word`` and every known reading of it is a singular in ``case``
    ("туну": a dative only)."""
    wanted = _UD_CASES.get(case, set())
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(
        parse.tag.case in wanted and parse.tag.number == "sing" for parse in parses
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


@lru_cache(maxsize=10_000)
def _womans_instrumental_first_name(word: str) -> bool:
    """A first name in -ой/-ей that pymorphy3 reads (knows or guesses) as a woman's name in the
    instrumental and knows as no nominative ("Эмилией", "Анникой"): a man's instrumental ends
    in -ом/-ем, and "Андрей", "Сергей" are nominatives."""
    return (
        len(word) > 4
        and word.endswith(("ой", "ей"))
        and not _known_nominative(word)
        and any(
            parse.tag.case == "ablt"
            and parse.tag.number != "plur"
            and parse.tag.gender == "femn"
            and "Name" in parse.tag
            for parse in resources.word_parses(word)
        )
    )


@lru_cache(maxsize=10_000)
def _one_gender_first_name_cases(word: str) -> tuple[str, ...]:
    """The cases pymorphy3 knows ``word`` in as a first name, when it knows it as a name of one
    gender only, in no nominative and as nothing indeclinable ("изольде": Dat, Loc); else ()."""
    names = [p.tag for p in resources.word_parses(word) if p.is_known and "Name" in p.tag]
    if not names or len({tag.gender for tag in names}) > 1 or any("Fixd" in t for t in names):
        return ()
    cases = _first_name_cases(word)
    return () if "Nom" in cases else cases


@lru_cache(maxsize=10_000)
def _mans_first_name_only(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a man's first name in an oblique case only, and as
    no woman's ("олегом"; not "карлыгаш", to it a man's nominative)."""
    names = [p.tag for p in resources.word_parses(word) if p.is_known and "Name" in p.tag]
    return bool(names) and all(
        tag.gender == "masc" and tag.case != "nomn" and "Fixd" not in tag for tag in names
    )


@lru_cache(maxsize=10_000)
def _womans_first_name_fits(word: str, case: str) -> bool:
    """Whether a woman's first name may be ``word`` in ``case``: pymorphy3 knows it so, or, not
    known as a name that declines, its ending is a case form's of a name in -а/-я
    ("айнуре": a dative or locative, no genitive), or it ends in a consonant (undeclined)."""
    wanted = _UD_CASES.get(case, set())
    known = [p for p in resources.word_parses(word) if p.is_known and "Name" in p.tag]
    if any(parse.tag.gender == "femn" and "Fixd" in parse.tag for parse in known):
        return True  # "Нелли" does not decline
    parses = [parse for parse in known if "Fixd" not in parse.tag]
    if any(parse.tag.gender == "femn" and parse.tag.case in wanted for parse in parses):
        return True
    if any(parse.tag.gender == "femn" for parse in parses):
        return False
    if word[-1:] not in _VOWELS:
        return True
    return name_by_ending(word, case, "Fem") != word


_GOVERNED = {
    **dict.fromkeys(
        "из у до от около возле для без вокруг близ из-под из-за кроме среди вместо после "
        "ради мимо напротив помимо".split(),
        "Gen",
    ),
    **dict.fromkeys("к ко благодаря согласно вопреки навстречу".split(), "Dat"),
}


def _governed_case(span: Span) -> str:
    """The one case the preposition right before ``span`` governs, if it governs one only ("от"
    the genitive, "к" the dative); else ""."""
    if span.start == 0:
        return ""
    return _GOVERNED.get(span.doc[span.start - 1].lower_, "")


@lru_cache(maxsize=10_000)
def _womans_adjective_surname(word: str) -> bool:
    """A surname in -ской/-цкой that pymorphy3 does not know: in an oblique case, a woman's
    adjective-like one in -ская/-цкая ("Зеленской"); a man's oblique forms end in -ого, -ому,
    -им, -ом."""
    return (
        len(word) > 6
        and word.endswith(("ской", "цкой"))
        and not any(parse.is_known for parse in resources.word_parses(word))
    )


def _womans_verb_after(span: Span) -> bool:
    """Whether a lone surname in -а/-я is followed by a verb in the past of a woman, which
    agrees with it as a subject ("Зимина рассказала", "Яковлева Т. С. уехала"), and no noun it
    may depend on stands before it but a man's post, which no woman's verb agrees with
    ("Главврач Иванова отметила"; not "Машина Сидорова сломалась", "Дочь Носова уехала")."""
    doc = span.doc
    name = span.text.lower()
    if not name.endswith(("а", "я", ".")):
        return False
    if name.endswith("."):  # the surname before its initials: "Яковлева Т. С."
        if not span[0].text.lower().endswith(("а", "я")) or not all(
            len(token.text) == 1 for token in span[1:]
        ):
            return False
    if span.start > 0 and _womans_past(doc[span.start - 1]):
        return _verb_before_has_no_subject(span)  # "Отчёт подписала Яковлева Т. С."
    if span.start > 0 and doc[span.start - 1].pos_ in ("NOUN", "PROPN"):
        if not _mans_post(doc[span.start - 1]):
            return False  # the verb agrees with the noun: "Машина Сидорова сломалась"
    return span.end < len(doc) and _womans_past(doc[span.end])


def _womans_past(verb: Token) -> bool:
    """A verb in the past of a woman ("рассказала")."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and morph_values(verb, "Tense") == ["Past"]
        and morph_values(verb, "Gender") == ["Fem"]
        and morph_values(verb, "Number") == ["Sing"]
    )


def _verb_before_has_no_subject(span: Span) -> bool:
    """Whether the woman's verb right before a name has no subject of its own before it in the
    sentence, and the name ends its clause: the name is the subject ("Отчёт подписала
    Яковлева."; not "Полиция задержала Петрова.", a man's accusative after a woman's noun)."""
    doc = span.doc
    if (
        span.end < len(doc)
        and doc[span.end].text not in (".", ",", ";", "!", "?", "\n")
        and not (span.text.endswith(".") and doc[span.end].is_title)  # the initial's dot ends it
    ):
        return False
    sentence_start = span.sent.start
    return not any(
        token.pos_ in ("NOUN", "PROPN", "PRON")
        and morph_values(token, "Case") == ["Nom"]
        and morph_values(token, "Gender") == ["Fem"]
        for token in doc[sentence_start : span.start - 1]
    )


@lru_cache(maxsize=10_000)
def _mans_genitive(word: str) -> bool:
    """A word in -я after a consonant that pymorphy3 knows as no nominative ("генделя",
    "равеля"): in the genitive or the accusative, a man's name in -ь (a woman's in -я or -ь
    ends in -и there, one in -а in -ы or -и)."""
    return (
        len(word) > 4
        and word.endswith("я")
        and word[-2] not in _VOWELS
        and word[-2] not in "ьъй"
        and not _known_nominative(word)
    )


def _mans_post(token: Token) -> bool:
    """A noun in the nominative that pymorphy3 knows only as a masculine (or either gender's)
    animate noun, a post ("главврач", "прокурор", "судья"): a woman's verb after the name that
    follows it agrees with the name, not with it ("Прокурор Зайцева потребовала"); not a
    genitive ("Машина директора Сидорова сломалась")."""
    return token_tag(token)[1] == "Nom" and _masculine_animate_noun(token.text.lower())


@lru_cache(maxsize=10_000)
def _masculine_animate_noun(word: str) -> bool:
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(
        parse.tag.POS == "NOUN"
        and "anim" in parse.tag
        and ("masc" in parse.tag or "ms-f" in parse.tag)  # "судья": either gender
        and not ({"Name", "Surn", "Patr"} & parse.tag.grammemes)
        for parse in parses
    )


@lru_cache(maxsize=10_000)
def _feminine_accusative(word: str) -> bool:
    """A lone name tagged accusative that ends in -у/-ю and that pymorphy3 knows in no
    nominative nor as a man's accusative: a woman's name in -а/-я ("Земфиру"; not "Шойгу",
    which does not decline, nor "Тору" of a man)."""
    if len(word) < 4 or not word.endswith(("у", "ю")) or word[-2] in _VOWELS:
        return False
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return not any(
        parse.tag.case == "nomn"
        or "Fixd" in parse.tag
        or (parse.tag.case in ("accs", "acc2") and parse.tag.gender == "masc")
        for parse in parses
    ) and any({"Name", "Surn"} & parse.tag.grammemes or "anim" in parse.tag for parse in parses)


_POST_SKIPPED = frozenset({"в", "во", "на", "при", ","})


def _post_noun(span: Span) -> Token | None:
    """The common noun before a name, past the places and bodies that complement it, if any;
    past a genitive noun too when another noun stands before it ("с министром финансов Перу":
    "министром")."""
    doc = span.doc
    genitive = None
    i = span.start - 1
    while i >= 0 and span.start - i <= 10:
        token = doc[i]
        if token.ent_type_ in ("LOC", "ORG") or token.lower_ in _POST_SKIPPED:
            i -= 1
            continue
        if token.pos_ == "ADJ" and token.is_lower:
            i -= 1
            continue
        if token.pos_ == "NOUN" and (
            token.is_lower or (token.is_sent_start and token.text[1:].islower())
        ):
            if token_tag(token)[1] == "Gen" and token.is_lower:
                # a complement ("финансов", "министра обороны"), or the post itself ("посла")
                genitive = genitive or token
                i -= 1
                continue
            return token
        return genitive
    return genitive


def _apposition_case(span: Span, words: list[str], noun: Token | None = None) -> str:
    """The oblique case of a noun of people the name stands in apposition to, when every word
    of the name may be in it, by pymorphy3 or, unknown to it, by its ending ("с атташе Италии в
    Польше Марко Скуарчиной": Ins, not the locative of "в Польше"); else "". ``noun``:
    :func:`_post_noun` of ``span`` if read."""
    if noun is None:
        noun = _post_noun(span)
    if noun is None:
        return ""
    case = token_tag(noun)[1]
    if case not in _OBLIQUE or not _animate_noun(noun.text.lower()):
        return ""
    if all(_singular_in(word, case) or _ending_fits(word, case, "") for word in words):
        return case  # "представителю ... Рахулу Менону": unknown words ending as datives
    return ""


@lru_cache(maxsize=10_000)
def _animate_noun(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` only as an animate noun (a post, a trade, kin)."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(parse.tag.POS == "NOUN" and "anim" in parse.tag for parse in parses)


def _woman_in_nominative(first: str, last: str) -> bool:
    """A first name in -а/-я that pymorphy3 knows as a woman's nominative, or at least as no
    man's ("Мира", to it only the genitive of "мир"; "Амина" of "Амин"; not "Никита"), before
    a surname ending in a consonant, tagged genitive or accusative, names a woman in the
    nominative: a man's genitive would decline the surname too ("Валерия Маркович" is
    Валерия, "Валерия Марковича" is Валерий); one in -ых/-их does not decline, so it tells
    nothing ("Матвея Черных")."""
    return (
        first.endswith(("а", "я"))
        and last[-1:].isalpha()
        and last[-1] not in _VOWELS
        and last[-1] not in "йь"
        and not last.endswith(("ых", "их"))  # "Матвея Черных": such a surname never declines
        and (
            "Fem" in _first_name_genders_nominative(first)
            or "Masc" not in _first_name_genders_nominative(first)
        )
    )


@lru_cache(maxsize=10_000)
def _first_name_genders_nominative(word: str) -> frozenset[str]:
    """The genders pymorphy3 knows ``word`` a singular first name of in the nominative."""
    return frozenset(
        {"masc": "Masc", "femn": "Fem"}.get(parse.tag.gender or "", "")
        for parse in resources.word_parses(word)
        if "Name" in parse.tag and parse.tag.case == "nomn" and parse.is_known
    )


def _woman_in_accusative(first: str, last: str) -> bool:
    """A first name in -у/-ю before a surname ending in a consonant, tagged accusative or
    dative, names a woman in the accusative: a man's surname would take -а/-я or -у/-ю
    ("Никиту Хрущёва", "Камалу Харрису"), a woman's in a consonant does not decline ("Камалу
    Харрис", "Игу Швёнтек")."""
    return (
        len(first) >= 3  # "Лю", "Ху" open Chinese names
        and first.endswith(("у", "ю"))
        and last[-1:].isalpha()
        and last[-1] not in _VOWELS
        and plural_surname_ending(last) is None  # "Павлу Сомовым": a declined Russian surname
        and not last.endswith(("ых", "их"))  # "Глебу Седых": no surname in -ых declines
    )


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


_LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "на", "о", "об", "обо", "при"})


def _after_locative_preposition(span: Span) -> bool:
    """Whether a preposition that takes the locative stands before ``span``, or before the
    names coordinated with it ("о Петрове и Сидорове")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 12:
        token = doc[i]
        text = token.text
        if text.lower() in _LOCATIVE_PREPOSITIONS:
            return True
        if token.is_lower and token.pos_ in ("NOUN", "ADJ") and token_tag(token)[1] == "Loc":
            i -= 1  # a post in the locative: "о губернаторе Олеге Тарханове"
            continue
        if not (token.is_title or text in (",", ".", "и") or text in NAME_PARTICLES):
            return False
        i -= 1
    return False


@lru_cache(maxsize=100_000)
def _ending_fits(word: str, case: str, gender: str) -> bool:
    """Whether a word pymorphy3 does not know ends like a name in ``case`` ("силве": a woman's
    dative or locative, no genitive)."""
    if case in ("", "Nom") or word.endswith(("а", "я")):  # "Ларрионда" may be a nominative
        return False
    if any(p.is_known for p in resources.morph_analyzer().parse(word)):
        return False
    return name_by_ending(word, case, gender or "Masc") != word


_PYMORPHY_CASES = {
    pymorphy: ud
    for ud, cases in _UD_CASES.items()
    if ud in ("Nom", *_OBLIQUE)
    for pymorphy in cases
}


@lru_cache(maxsize=100_000)
def _declined_cases(word: str) -> tuple[str, ...]:
    """The cases of pymorphy3's known singular parses of ``word``, when it knows it and as
    nothing indeclinable; else ()."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    if not parses or any("Fixd" in parse.tag for parse in parses):
        return ()
    found = _singular_cases(parses)
    return tuple(c for c in ("Nom", "Acc", "Dat", "Gen", "Ins", "Loc") if c in found)


def _singular_cases(parses: list) -> set[str]:
    """The UD cases of the singular ones among pymorphy3's ``parses``."""
    return {
        _PYMORPHY_CASES[parse.tag.case]
        for parse in parses
        if parse.tag.number == "sing" and parse.tag.case in _PYMORPHY_CASES
    }


@lru_cache(maxsize=100_000)
def _indeclinable(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` only as an indeclinable word."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all("Fixd" in parse.tag for parse in parses)


@lru_cache(maxsize=100_000)
def _patronymic_cases(word: str) -> tuple[str, ...]:
    """The cases in which pymorphy3 knows ``word`` only as a singular patronymic, the dative
    first ("андреевне": Dat, Loc), or () when it knows it as anything else."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    if not parses or not all("Patr" in parse.tag for parse in parses):
        return ()
    found = _singular_cases(parses)
    return tuple(c for c in ("Nom", "Dat", "Gen", "Acc", "Ins", "Loc") if c in found)


def _surname_only_in(word: str, case: str, first_cases: tuple[str, ...]) -> bool:
    """Whether the last word of a name, in an oblique ``case``, is read in it and, as a name
    or a known word, in none of the first name's cases: the first name is a foreign one that
    does not decline ("Ясине Бенкираном": "Ясине" is no locative of "Ясин" here)."""
    return (
        case in _OBLIQUE
        and _singular_in(word, case)
        and not any(_name_in(word, c, False) or _known_in(word, c) for c in first_cases)
    )


@lru_cache(maxsize=10_000)
def _double_first_name_cases(word: str) -> tuple[str, ...]:
    """The oblique cases both parts of a hyphenated first name are known in, when pymorphy3
    knows each as a first name that declines and is not in the nominative ("анне-марии": Dat,
    Loc; an indeclinable "Анне" aside); else ()."""
    parts = word.split("-")
    if len(parts) != 2:
        return ()
    cases = [
        _singular_cases(
            [
                parse
                for parse in resources.word_parses(part)
                if parse.is_known and "Name" in parse.tag and "Fixd" not in parse.tag
            ]
        )
        for part in parts
    ]
    if not all(cases) or any("Nom" in found for found in cases):
        return ()
    common = cases[0] & cases[1]
    return tuple(c for c in ("Dat", "Gen", "Acc", "Ins", "Loc") if c in common)


@lru_cache(maxsize=100_000)
def _first_name_cases(word: str, gender: str = "") -> tuple[str, ...]:
    """The cases in which pymorphy3 knows ``word`` as a singular first name ("софией": Ins), of
    ``gender`` if given."""
    names = [
        parse
        for parse in resources.word_parses(word)
        if parse.is_known
        and "Name" in parse.tag
        and (gender not in _GENDER or parse.tag.gender == _GENDER[gender])
    ]
    return tuple(sorted(_singular_cases(names)))


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
