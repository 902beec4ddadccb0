"""Normalize: the nominative, properly cased name of every entity mention (pymorphy3).

Names of people inflect word by word to the nominative, keeping the person's gender; places
and organizations inflect as phrases: the head noun and the adjectives agreeing with it
("Надеждинском сельском поселении" -> "Надеждинское сельское поселение"), while dependents
after the head keep their case ("мэрии Москвы" -> "мэрия Москвы"). The tagger's case, gender
and number choose among pymorphy3's parses. The result is ``span._.normal``.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import resources
from ._batch import DocComponent
from ._spans import CLOSE_QUOTES, OPEN_QUOTES
from .gazetteer import default_gazetteer
from .people import NAME_PARTICLES, same_word, shared_surname
from .places import FIXED_PLACE_LINKS, coordination_head, elided_head
from .recognize import NESTED_PEOPLE, NESTED_PLACES
from .tag import _UD_CASE as _UD_CASES
from .tag import _UD_GENDER as _GENDER
from .tag import best_parse, token_tag

if not Span.has_extension("normal"):
    Span.set_extension("normal", default=None)


def _case_like(word: str, model: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    return "".join(
        char.upper() if position < len(model) and model[position].isupper() else char
        for position, char in enumerate(word)
    )


def recover_case(word: str, model: str) -> str:
    """``word`` cased like ``model`` ("шисюн", "Шисюном" -> "Шисюн"; "кнр", "КНР" -> "КНР").

    Hyphenated words are cased part by part ("римский-корсаков" -> "Римский-Корсаков"); "ё"
    stays only where the text has it.
    """
    parts, models = word.split("-"), model.split("-")
    if len(parts) == len(models):
        result = "-".join(_case_like(part, like) for part, like in zip(parts, models))
    else:
        result = _case_like(word, model)
    if "ё" not in model.lower():
        result = result.replace("ё", "е").replace("Ё", "Е")
    return result


# Endings of names pymorphy3 does not know, by the tagger's case: (ending, nominative ending).
# Masculine names in a consonant decline like "Шисюн" (-а, -у, -ом, -е); names in -а/-я of
# either gender like "Камикава" / "Джоанна" (-ы/-и, -е, -у, -ой/-ей); women's surnames in
# -ова/-ина like adjectives (-ой in every oblique case but the accusative).
_MASC_ENDINGS = {
    "Gen": (("ы", "а"), ("а", ""), ("я", "й")),
    "Acc": (("а", ""), ("я", "й")),
    "Dat": (("у", ""), ("ю", "й"), ("е", "а")),
    "Ins": (("ом", ""), ("ым", ""), ("ем", "й"), ("ей", "я"), ("ой", "а")),
    "Loc": (("е", ""),),
}
_FEM_ENDINGS = {
    "Gen": (("ы", "а"), ("ии", "ия"), ("и", "я"), ("ой", "а")),
    "Acc": (("ую", "ая"), ("юю", "яя"), ("у", "а"), ("ю", "я")),
    "Dat": (("е", "а"), ("ии", "ия"), ("и", "я"), ("ой", "а")),
    "Ins": (("ой", "а"), ("ою", "а"), ("ей", "я")),
    "Loc": (("е", "а"), ("ии", "ия"), ("и", "я"), ("ой", "а")),
}
_HUSHING = "гкхжшчщ"
_HARD_HUSHING = "цжшчщ"
_VOWELS = "аеёиоуыэюя"


def name_by_ending(word: str, case: str, gender: str) -> str:
    """The nominative of a name pymorphy3 does not know, from its ending and the tagger's case.

    "шисюном" (Ins) -> "шисюн", "шольце" (Loc) -> "шольц", "маехаре" (Dat) -> "маехара",
    "джоанной" (Ins, Fem) -> "джоанна"; names that do not end like a case form stay as they are
    ("тору", "беназир", "бхутто").
    """
    table = _FEM_ENDINGS if gender == "Fem" else _MASC_ENDINGS
    for ending, nominative in table.get(case, ()):
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 2 or not stem[-1].isalpha():
            continue
        if nominative == "я" and stem[-1] in _HUSHING:
            nominative = "а"
        if nominative == "й" and stem[-1] in _HARD_HUSHING:
            nominative = ""  # "Курцем", "Шольцем": -ем after ц, ж, ш, ч, щ is a hard ending
        elif nominative == "й" and stem[-1] not in _VOWELS:
            nominative = "ь"
        if stem[-1] in _VOWELS and nominative not in ("й", "я"):
            continue  # "Карзаю" -> "Карзай", "Кацуей" -> "Кацуя"; "бхутто" stays
        if nominative == "а" and stem[-1] in "йь":
            return stem + "я"  # "Пинье" -> "Пинья", "Кацуей" -> "Кацуя"
        return stem + nominative
    return word


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
# oblique forms of women's surnames in -ова, -ева, -ина, -ына
_POSSESSIVE_FEMININE = ("овой", "евой", "ёвой", "иной", "ыной")

# a surname in -ов/-ев/-ин declines like a possessive: its oblique forms "-овой", "-овым" look
# like a relational adjective's ("ситниковый", "камышовый"), its nominative is "-ова", "-ов"
_POSSESSIVE_OBLIQUE = (
    ("овой", "ова"),
    ("евой", "ева"),
    ("ёвой", "ёва"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("овым", "ов"),
    ("евым", "ев"),
    ("ёвым", "ёв"),
    ("иным", "ин"),
    ("ыным", "ын"),
)
_RELATIONAL_ADJECTIVE = ("овый", "евый", "ёвый", "иный", "ыный")


def possessive_surname(word: str, adjective: str) -> str | None:
    """The nominative of a surname in -ов/-ев/-ин that pymorphy3 reads as a case form of a
    relational adjective: "ситниковой" (of "ситниковый") -> "ситникова", "камышовым" ->
    "камышов"; None for other words."""
    if not adjective.endswith(_RELATIONAL_ADJECTIVE):
        return None
    for ending, nominative in _POSSESSIVE_OBLIQUE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + nominative
    return None


@lru_cache(maxsize=100_000)
def person_word(word: str, case: str, gender: str) -> str:
    """The nominative of one word of a person's name (lowercase in, lowercase out).

    A singular parse that pymorphy3 marks as a first name, surname or patronymic (or an
    adjective-like surname, "Римского") in the tagger's case is inflected keeping its gender
    ("евдокимовой" -> "евдокимова"); other words follow :func:`name_by_ending`.
    """
    if case in ("", "Nom"):
        return word
    wanted = _UD_CASES.get(case, set())
    parses = resources.word_parses(word)
    best, best_score = None, 0
    for parse in parses:
        tag = parse.tag
        if "Fixd" in tag and (_NAME_GRAMMEMES & tag.grammemes):
            kind = _NAME_GRAMMEMES & tag.grammemes
            if not any(  # "Анне" is the dative of "Анна" before the indeclinable "Анне"
                p.is_known
                and "Fixd" not in p.tag
                and (
                    (kind & p.tag.grammemes and p.tag.gender == tag.gender)
                    # "Люка" of "Жан-Люка" is a man's first name, not the surname "Люка"
                    or (
                        "Surn" in kind
                        and "Name" in p.tag
                        and gender in _GENDER
                        and p.tag.gender == _GENDER[gender]
                        and word.startswith(p.normal_form)  # a stem plus an ending
                    )
                )
                and p.tag.case in wanted
                and p.tag.number == "sing"
                for p in parses
            ):
                return word
            continue
        if tag.case not in wanted or tag.number == "plur":
            continue
        if (
            gender in _GENDER
            and (not parse.is_known or "Name" in tag)
            and tag.gender not in (None, _GENDER[gender])
        ):
            continue  # the other gender: "барадеи" of a man is not "барадея", "наталия" of a
            # woman is not the genitive of "наталий"
        if _NAME_GRAMMEMES & tag.grammemes:
            score = 4
        elif (
            tag.POS == "ADJF"
            and parse.is_known
            and word.endswith(("ого", "его", "ому", "ему", "ой", "ым", "им"))
            and not word.endswith(_POSSESSIVE_FEMININE)  # "Ситниковой" is no "Ситниковая"
        ):
            score = 2
        else:
            continue
        score += gender in _GENDER and tag.gender == _GENDER[gender]
        if score > best_score:
            best, best_score = parse, score
    if best is not None and not (_NAME_GRAMMEMES & best.tag.grammemes):
        possessive = possessive_surname(word, best.normal_form)
        if possessive is not None:
            return possessive
    if best is not None:
        wanted_form = {"nomn", "sing"}
        if best.tag.POS == "ADJF" and best.tag.gender:
            wanted_form.add(best.tag.gender)
        form = best.inflect(wanted_form)
        if form is not None:
            return form.word
    return name_by_ending(word, case, gender)


@lru_cache(maxsize=100_000)
def _inflect(word: str, pos: str, case: str, gender: str, number: str, person: bool) -> str:
    parse = best_parse(word, pos, case, gender, number)
    if parse.tag.case in (None, "nomn") or "Fixd" in parse.tag:
        return word
    wanted = {"nomn"}
    if parse.tag.number:
        wanted.add("plur" if number == "Plur" else "sing")
    if person and parse.tag.POS == "NOUN" and parse.tag.gender in ("masc", "femn"):
        pass  # surnames keep their gender through inflect(): "Евдокимовой" -> "Евдокимова"
    elif gender in _GENDER and parse.tag.POS in ("ADJF", "PRTF") and number != "Plur":
        wanted.add(_GENDER[gender])
    form = parse.inflect(wanted) or parse.inflect({"nomn"})
    if form is None:
        return word
    if parse.tag.POS in ("ADJF", "PRTF"):
        return _same_stem(word, form.word)
    return form.word


_ADJECTIVE_OBLIQUE = tuple("ого его ому ему ыми ими ой ей ую юю ым им ом ем ых их".split())


def _same_stem(word: str, nominative: str) -> str:
    """An adjective's nominative on the stem of its oblique form: pymorphy3 may give another
    form of its lemma ("высшей", a superlative of "высокий", -> "высочайшая"; kept "высшая")."""
    ending = next((e for e in _ADJECTIVE_OBLIQUE if word.endswith(e)), None)
    if ending is None:
        return nominative
    stem = word[: -len(ending)]
    if nominative.startswith(stem) or len(stem) < 2:
        return nominative
    return stem + nominative[-2:]


@lru_cache(maxsize=100_000)
def _name_gender(word: str, case: str, tagged: str = "") -> str:
    """The gender pymorphy3 gives a first name in ``case`` ("джоанной" -> "Fem"), or ""; when
    it reads the word as names of both genders ("наталия": Наталия, or Наталий in the
    genitive), the ``tagged`` gender if it is one of them."""
    wanted = _UD_CASES.get(case, set())
    genders = [
        {"masc": "Masc", "femn": "Fem"}.get(parse.tag.gender or "", "")
        for parse in resources.word_parses(word)
        if "Name" in parse.tag
        and parse.tag.case in wanted
        and parse.tag.number != "plur"
        and parse.is_known
    ]
    if tagged and tagged in genders:
        return tagged
    return genders[0] if genders else ""


@lru_cache(maxsize=100_000)
def _has_name_parse(word: str, case: str) -> bool:
    """Whether pymorphy3 reads ``word`` as a name (or an indeclinable word) in ``case``."""
    wanted = _UD_CASES.get(case, set())
    return any(
        tag.case in wanted and (_NAME_GRAMMEMES & tag.grammemes or "Fixd" in tag)
        for tag in (parse.tag for parse in resources.word_parses(word))
    )


_OBLIQUE = ("Gen", "Dat", "Acc", "Ins", "Loc")


@lru_cache(maxsize=100_000)
def _singular_in(word: str, case: str) -> bool:
    """Whether pymorphy3 has a singular (or indeclinable) parse of ``word`` in ``case``."""
    wanted = _UD_CASES.get(case, set())
    return any(
        parse.tag.case in wanted and (parse.tag.number != "plur" or "Fixd" in parse.tag)
        for parse in resources.morph_analyzer().parse(word)
    )


@lru_cache(maxsize=100_000)
def _name_in(word: str, case: str, known: bool) -> bool:
    """Whether pymorphy3 knows (or, unless ``known``, guesses) ``word`` a singular name in
    ``case``."""
    wanted = _UD_CASES.get(case, set())
    return any(
        (parse.is_known or not known)
        and parse.tag.case in wanted
        and parse.tag.number != "plur"
        and _NAME_GRAMMEMES & parse.tag.grammemes
        for parse in resources.morph_analyzer().parse(word)
    )


def _not_nominative(word: str) -> bool:
    """A word ending in "-ы" is no nominative singular ("Маехары"), unless pymorphy3 says so
    (the plural "Ямадаевы" is the tagger's to tell); nor is a word ending in "-ом" or "-ем"
    that pymorphy3 does not know as a nominative but guesses a name in the instrumental
    ("Юйцином", "Цзяньмином")."""
    if word.endswith(("ом", "ем")) and len(word) > 4:
        return not _known_nominative(word) and _name_in(word, "Ins", False)
    return word.endswith("ы") and not _singular_in(word, "Nom")


@lru_cache(maxsize=100_000)
def _known_in(word: str, case: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a singular form in ``case`` (of any word)."""
    wanted = _UD_CASES.get(case, set())
    return any(
        parse.is_known and parse.tag.case in wanted and parse.tag.number == "sing"
        for parse in resources.morph_analyzer().parse(word)
    )


@lru_cache(maxsize=100_000)
def _instrumental_ending(word: str) -> bool:
    """A name word pymorphy3 does not know, ending in -ом, -ем or -ём: a noun's instrumental
    whatever the tagger says ("Сюэлинем", "Нехаммером"); adjective-like -ого/-его aside."""
    return (
        len(word) > 4
        and word.endswith(("ом", "ем", "ём"))
        and not any(parse.is_known for parse in resources.morph_analyzer().parse(word))
    )


@lru_cache(maxsize=100_000)
def _known_nominative(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a nominative singular of some word."""
    return any(
        parse.is_known and parse.tag.case == "nomn" and parse.tag.number != "plur"
        for parse in resources.morph_analyzer().parse(word)
    )


def person_case_gender(span: Span, follow: bool = True) -> tuple[str, str]:
    """One case and one gender for all the words of a person's name.

    The parts of a name agree, but the tagger sometimes tags them differently ("Тору" Gen,
    "Камикавы" Dat): the case most words are tagged with and pymorphy3's name parses support
    wins, the nominative on a tie. A first name pymorphy3 knows decides the gender, else the
    tagger's majority.
    """
    quoted = quoted_tokens(span)
    tokens = [
        t
        for t in span
        if t.text[:1].isalpha()
        and t.text not in NAME_PARTICLES
        and t.i not in quoted
        and not (len(t.text) == 1 and t.text.isupper())  # initials tell no case
    ]
    tags = [token_tag(token) for token in tokens]
    if not tags:
        return "", ""
    singular = [t.text.lower() for t, (_, _, _, number) in zip(tokens, tags) if number != "Plur"]
    # the parts of hyphenated words are names each ("Мамину-Сибиряку")
    words = [part for t in tokens for part in t.text.lower().split("-") if part]
    votes = Counter(case for _, case, _, _ in tags if case)
    if any(
        _instrumental_ending(t.text.lower())
        and not (case == "Nom" and t.text.lower().endswith(("ом", "ем")))  # "Гэвин Ньюсом"
        for t, (_, case, _, number) in zip(tokens, tags)
        if number != "Plur"
    ):
        votes = Counter(["Ins"])  # "Ван Сюэлинем" tagged genitive: -ем is the instrumental's
    if "Nom" in votes and any(_not_nominative(word) for word in singular):
        # the tagger's nominative is a mistake: the case all words' forms allow, genitive first
        del votes["Nom"]
        if not votes:
            fits = [c for c in _OBLIQUE if all(_singular_in(word, c) for word in words)]
            if not fits:
                # "Ло Шисюном": the case the words that are no nominative allow, when the
                # others may be in it too (in it to pymorphy3, or undeclined, ending in a vowel
                # other than -а/-я); "Гэвин Ньюсом" is a nominative
                marked = [word for word in singular if _not_nominative(word)]
                others = [word for word in words if word not in marked]
                fits = [
                    c
                    for c in _OBLIQUE
                    if all(_name_in(w, c, False) or _ending_fits(w, c, "") for w in marked)
                    and all(_singular_in(w, c) or w[-1] in "еиоуыэю" for w in others)
                ]
            votes = Counter(fits[:1])
    if votes and not any(_has_name_parse(word, case) for case in votes for word in words):
        # no word is a name in the tagger's case: all are names in the instrumental, known or
        # guessed ("Дауреном Абаевым" tagged nominative, "Авелем" dative), or known names in
        # the dative or locative ("Наине Иосифовне" tagged nominative and genitive). Not the
        # genitive ("Ванга" is no form of "Ванг"), nor a guessed dative (an indeclinable
        # "Нисипяну" looks like one).
        for other, known in (("Ins", False), ("Dat", True), ("Loc", True)):
            if all(_name_in(word, other, known) for word in words):
                votes = Counter([other])
                break
        else:
            # or words pymorphy3 knows, not as names, in one oblique case other than the
            # genitive ("Мамину-Сибиряку" tagged genitive: a possessive and a noun, dative)
            fits = [c for c in ("Dat", "Ins", "Loc") if all(_known_in(w, c) for w in words)]
            if fits:
                votes = Counter(fits[:1])
    genders = Counter(gender for _, _, gender, _ in tags if gender)
    tagged_gender = genders.most_common(1)[0][0] if genders else ""
    support = {
        case: 2 * votes[case]
        + sum(_has_name_parse(w, case) for w in words)
        + sum(_ending_fits(w, case, tagged_gender) for w in words)
        for case in votes
    }
    case = max(support, key=lambda c: (support[c], c == "Nom"), default="")
    first_cases = _first_name_cases(words[0], tagged_gender) if len(words) > 1 else ()
    if first_cases and "Nom" not in first_cases and case not in first_cases:
        # a first name pymorphy3 knows only in oblique cases sets the case of the whole name:
        # "Софией Коппола", "Карлом Нехаммером" (the surname agrees with it); one that may be
        # a nominative does not ("Хуан Цяном": a Chinese surname first does not decline), nor
        # one of the other gender ("Паулу Роше" of a man is no form of "Паула")
        case = max(
            first_cases,
            key=lambda c: (sum(_has_name_parse(w, c) for w in words), c == "Nom", c),
        )
    if case == "Loc" and not _after_locative_preposition(span):
        case = "Dat"  # the locative needs a preposition: "адресовано Урсуле … и Антониу Коште"
    if follow and case in ("", "Nom"):
        # names joined by "и" or a comma share their case: "Марте Ривере и Жоау Мейре"
        shared = _coordinated_case(span)
        if shared and any(
            _has_name_parse(w, shared) or _ending_fits(w, shared, tagged_gender) for w in words
        ):
            case = shared
    gender = tagged_gender
    if len(words) > 1 and case:
        gender = _name_gender(words[0], case, gender) or gender
    if case in ("Acc", "Dat") and len(words) > 1 and _woman_in_accusative(words[0], words[-1]):
        return "Acc", "Fem"
    if case in ("Gen", "Acc") and len(words) > 1 and _woman_in_nominative(words[0], words[-1]):
        return "Nom", "Fem"
    if case == "Acc" and words[-1].endswith(("ую", "юю")) and len(words[-1]) > 4:
        return "Acc", "Fem"  # an adjective-like surname in -ую is a woman's: "Тихановскую"
    return case, gender


def _woman_in_nominative(first: str, last: str) -> bool:
    """A first name in -а/-я that pymorphy3 knows as a woman's nominative, before a surname
    ending in a consonant, tagged genitive or accusative, names a woman in the nominative: a
    man's genitive would decline the surname too ("Валерия Маркович" is Валерия, "Валерия
    Марковича" is Валерий)."""
    return (
        first.endswith(("а", "я"))
        and last[-1:].isalpha()
        and last[-1] not in _VOWELS
        and last[-1] not in "йь"
        and "Fem" in _first_name_genders_nominative(first)
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
def _first_name_cases(word: str, gender: str = "") -> tuple[str, ...]:
    """The cases in which pymorphy3 knows ``word`` as a singular first name ("софией": Ins), of
    ``gender`` if given."""
    return tuple(
        sorted(
            {
                _PYMORPHY_CASES[parse.tag.case]
                for parse in resources.word_parses(word)
                if parse.is_known
                and "Name" in parse.tag
                and parse.tag.number == "sing"
                and parse.tag.case in _PYMORPHY_CASES
                and (gender not in _GENDER or parse.tag.gender == _GENDER[gender])
            }
        )
    )


def quoted_tokens(span: Span) -> set[int]:
    """The indexes of the tokens of ``span`` inside quotes (a nickname: "Виктор «Шрам» Лапин")."""
    inside, found = False, set()
    for token in span:
        if token.text in OPEN_QUOTES and not inside:
            inside = True
        elif token.text in CLOSE_QUOTES and inside:
            inside = False
        elif inside:
            found.add(token.i)
    return found


def person_token(
    token: Token, case: str, gender: str, first: bool = False, last: bool = False
) -> str:
    """The nominative of one word of a person's name, given the name's case and gender.

    Each part of a hyphenated surname declines ("Мамину-Сибиряку"); of a hyphenated first name
    before a surname (``first``) a part before the last that ends in a consonant does not: it
    is a man's name as written ("Касым-Жомартом", "Жан-Клода"), not a case form ("Касым" of
    "Кас")."""
    text = token.text
    if not any(char.isalpha() for char in text) or (len(text) == 1 and text.isupper()):
        return text
    if text in NAME_PARTICLES:
        return text
    if last and gender == "Fem" and _undeclined_surname(text.lower()):
        return text
    parts = text.split("-")
    words = [
        part
        if not part
        or part in NAME_PARTICLES
        or (first and i < len(parts) - 1 and part[-1].lower() not in _VOWELS)
        else person_word(part.lower(), case, gender)
        for i, part in enumerate(parts)
    ]
    return recover_case("-".join(words), text)


@lru_cache(maxsize=10_000)
def _undeclined_surname(word: str) -> bool:
    """A woman's surname in -и that pymorphy3 does not know is as written, not a case form of
    one in -я: "Мелони", "Саркози" do not decline, Russian surnames in -я are few and known."""
    return word.endswith("и") and not any(parse.is_known for parse in resources.word_parses(word))


def inflect_token(
    token: Token, person: bool = False, head: Token | None = None, number: str | None = None
) -> str:
    """The nominative of one token, agreeing with ``head`` (for adjectives) when given;
    ``number`` ("Sing", "Plur") overrides the tagged one."""
    wanted_number = number
    text = token.text
    if not any(char.isalpha() for char in text):
        return text
    pos, case, gender, number = token_tag(token)
    if person:
        return person_token(token, case, gender)
    if head is not None:
        # an adjective agrees with its noun: the noun's tags stand in for missing or odd ones
        _, head_case, head_gender, head_number = token_tag(head)
        case = head_case or case
        gender, number = head_gender or gender, head_number or number
    if wanted_number is not None:
        number = wanted_number
    if head is None and pos == "PROPN" and "-" not in text:
        word = (
            text.lower() if case in ("", "Nom") else place_word(text.lower(), case, gender, number)
        )
        gazetteer = default_gazetteer()
        if not gazetteer.lookup(word) and gazetteer.lookup(token.lemma_):
            word = token.lemma_  # the tagger's case was wrong, the lemma is a known place
        return recover_case(word, text)
    if case in ("", "Nom"):
        return text
    parts = text.split("-")
    if head is None and len(parts) > 1:
        known = _known_place(text.lower(), case) or _noun_adjective_place(text.lower(), case)
        if known is not None:  # every part declines: "Петропавловске-Камчатском"
            return recover_case(known, text)
    links = [i for i, part in enumerate(parts) if i and part in FIXED_PLACE_LINKS]
    if head is None and links and all(parts):
        # "Стратфорде-апон-Эйвон", "Булонь-сюр-Мер": the words after "на", "сюр", "апон" are
        # governed by it and do not change; the words before it decline
        before = "-".join(parts[: links[0]])
        word = _inflect(before.lower(), pos, case, gender, number, person)
        return recover_case("-".join([word, *(part.lower() for part in parts[links[0] :])]), text)
    if len(parts) > 1 and all(parts):
        words = [_inflect(part.lower(), pos, case, gender, number, person) for part in parts]
        # "Римского-Корсакова": only the last part of a compound adjective-like word inflects
        words = [part.lower() for part in parts[:-1]] + [words[-1]]
        return recover_case("-".join(words), text)
    return recover_case(_inflect(text.lower(), pos, case, gender, number, person), text)


@lru_cache(maxsize=100_000)
def place_word(word: str, case: str, gender: str, number: str) -> str:
    """The nominative of a proper noun naming a place (lowercase in, lowercase out).

    Candidates, best first: the geographic parses pymorphy3 knows in the tagger's case, in
    pymorphy3's order ("самаре" -> "самара", then "самар"), any known noun parse in that case,
    and for words it does not know the ending rules of :func:`name_by_ending` ("бенрате" ->
    "бенрат"), with a soft sign too where a soft stem may end ("шэньчжэне" -> "шэньчжэнь"). A
    candidate the gazetteer knows wins over the order ("кушадаси" stays, it is a town's name).
    """
    candidates = _place_candidates(word, case, gender, number)
    gazetteer = default_gazetteer()
    for candidate in candidates:
        if gazetteer.lookup(candidate):
            return candidate
    return candidates[0]


def _place_candidates(word: str, case: str, gender: str, number: str) -> list[str]:
    """The nominatives :func:`place_word` chooses among, best first."""
    wanted = _UD_CASES.get(case, set())
    geographic: list[str] = []
    candidates: list[str] = []
    for parse in resources.word_parses(word):
        tag = parse.tag
        if tag.POS != "NOUN" or tag.case not in wanted:
            continue
        if not parse.is_known and gender in _GENDER and tag.gender not in (None, _GENDER[gender]):
            continue  # a guess of the other gender: "Амкаре" (masculine) is no "Амкара"
        if "Fixd" in tag:
            candidates.append(word)
            continue
        if not parse.is_known and "Geox" not in tag:
            continue
        form = parse.inflect({"nomn", tag.number or "sing"})
        if form is not None:
            (geographic if "Geox" in tag else candidates).append(form.word)
    candidates = geographic + candidates
    by_ending = name_by_ending(word, case, gender or "Masc")
    candidates.append(by_ending)
    if by_ending != word and by_ending[-1:] not in _VOWELS and by_ending[-1:] not in "ьй":
        candidates.append(by_ending + "ь")
    candidates.append(word)
    return candidates


@lru_cache(maxsize=100_000)
def _noun_adjective_place(word: str, case: str) -> str | None:
    """The nominative of a two-part place name of a noun and an adjective agreeing with it,
    both declined ("каменске-уральском" -> "каменск-уральский"), when pymorphy3 does not know
    the whole word but reads the second part, in ``case``, only as an adjective."""
    first, _, second = word.partition("-")
    if not first or not second or "-" in second or not _only_adjective(second, case):
        return None
    names = []
    for noun in _place_candidates(first, case, "Masc", "Sing"):
        gender = next(
            (
                parse.tag.gender
                for parse in resources.word_parses(noun)
                if parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.gender
            ),
            "masc",
        )
        names.append(f"{noun}-{_adjective_nominative(second, case, gender)}")
    gazetteer = default_gazetteer()
    return next((name for name in names if gazetteer.lookup(name)), names[0])


@lru_cache(maxsize=100_000)
def _known_place(word: str, case: str) -> str | None:
    """The nominative of a word pymorphy3 knows as a place's name in ``case`` as a whole
    ("ростове-на-дону" -> "ростов-на-дону", "петропавловске-камчатском" ->
    "петропавловск-камчатский"), or None."""
    wanted = _UD_CASES.get(case, set())
    for parse in resources.word_parses(word):
        if parse.is_known and "Geox" in parse.tag and parse.tag.case in wanted:
            form = parse.inflect({"nomn", parse.tag.number or "sing"})
            if form is not None:
                return form.word
    return None


def _governs_genitive(first: Token, second: Token) -> bool:
    """Whether ``second`` is a genitive depending on ``first`` ("Совета Европы").

    True when ``second`` is tagged genitive and pymorphy3 knows ``first`` as a noun in its own
    tagged case, so that ``first`` is declined, not an undeclined part of a compound name
    ("Сан Луиса": "сан" has no genitive form "сан").
    """
    if token_tag(second)[1] != "Gen":
        return False
    wanted = _UD_CASES.get(token_tag(first)[1], set())
    return any(
        parse.is_known and parse.tag.POS == "NOUN" and parse.tag.case in wanted
        for parse in resources.morph_analyzer().parse(first.text.lower())
    )


def _adjective_like(token: Token) -> bool:
    """A capitalized word the tagger calls a proper noun that pymorphy3 reads, in the tagger's
    case, only as an adjective or a participle ("Соединённых" of "Соединённых Штатов")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    return _only_adjective(token.text.lower(), token_tag(token)[1])


@lru_cache(maxsize=10_000)
def _only_adjective(word: str, case: str) -> bool:
    wanted = _UD_CASES.get(case, set())
    parses = [parse for parse in resources.word_parses(word) if parse.tag.case in wanted]
    return bool(parses) and all(
        parse.is_known and parse.tag.POS in ("ADJF", "PRTF") for parse in parses
    )


def phrase_head(span: Span) -> int | None:
    """Index in ``span`` of the head noun of a place or organization name, if any."""
    for position, token in enumerate(span):
        if token.pos_ == "NOUN":
            return position
        if token.pos_ == "PROPN" and position + 1 < len(span) and _adjective_like(token):
            continue  # "Соединённых Штатов", "Объединённых Арабских Эмиратах"
        if token.pos_ == "PROPN":
            # a run of proper nouns is one compound name; its declined word is the first one
            # when a genitive follows it ("Совета Европы"), else the last one not in the
            # nominative ("Сан Луисе" -> "Луисе", "Острове Уайт" -> "Острове")
            run = [position]
            while run[-1] + 1 < len(span) and span[run[-1] + 1].pos_ == "PROPN":
                run.append(run[-1] + 1)
            if len(run) > 1 and _governs_genitive(span[run[0]], span[run[1]]):
                return run[0]
            oblique = [i for i in run if token_tag(span[i])[1] not in ("", "Nom")]
            return oblique[-1] if oblique else run[-1]
        if token.pos_ not in ("ADJ", "DET", "NUM") and any(c.isalpha() for c in token.text):
            return None
    return None


def _shared_head_number(span: Span, head: int) -> str | None:
    """ "Sing" when a plural head noun follows singular adjectives only: the noun is shared by
    coordinated names ("Ордынского и Карасукского районов", "Омской и Томской областей"), and
    the span's own name is singular ("Карасукский район"); else None."""
    if head == 0 or token_tag(span[head])[3] != "Plur":
        return None
    before = [token_tag(token) for token in span[:head]]
    if all(tag[0] == "ADJ" and tag[3] == "Sing" for tag in before):
        return "Sing"
    return None


def normalize_span(span: Span) -> str:
    """The normalized name of an entity span."""
    words: list[str] = []
    if span.label_ == "PER":
        return person_name(span)
    if span.label_ == "LOC" and (shared := coordination_head(span)) is not None:
        return coordinated_name(span, shared)
    if span.label_ == "LOC" and len(span) == 1 and (elided := elided_head(span)) is not None:
        return elided  # "(Ольховском и Таловском)" after "районах": "Ольховский район"
    if span.label_ == "LOC" and len(span) > 1 and default_gazetteer().lookup(span.text):
        # a multi-word name written as the gazetteer has it is its nominative, whatever the
        # tagger reads in an undeclined "из Коста Рика"
        words = [token.text for token in span]
    else:
        head = phrase_head(span)
        number = None if head is None else _shared_head_number(span, head)
        for position, token in enumerate(span):
            if head is None or position > head:
                words.append(token.text)
            elif position == head:
                words.append(inflect_token(token, number=number))
            elif token.pos_ in ("ADJ", "DET", "NUM") or _adjective_like(token):
                words.append(inflect_token(token, head=span[head], number=number))
            else:
                words.append(token.text)
        if head is not None and len(span) > 1:
            words = _known_phrase(span, head, words)
    return join_words(span, words)


def _known_phrase(span: Span, head: int, words: list[str]) -> list[str]:
    """``words`` with the head word another nominative candidate gives when the gazetteer knows
    the whole name only so ("Нижнем Тагиле": "Нижний Тагил")."""
    gazetteer = default_gazetteer()
    if gazetteer.lookup(join_words(span, words)):
        return words
    token = span[head]
    if token.pos_ != "PROPN" or "-" in token.text:
        return words
    _, case, gender, number = token_tag(token)
    if case in ("", "Nom"):
        return words
    for candidate in _place_candidates(token.text.lower(), case, gender, number):
        other = [*words[:head], recover_case(candidate, token.text), *words[head + 1 :]]
        if gazetteer.lookup(join_words(span, other)):
            return other
    return words


def join_words(span: Span, words: list[str]) -> str:
    """The words of ``span`` (one per token) spaced as the text spaces its tokens."""
    out = []
    for token, word in zip(span, words):
        out.append(word)
        if token.i < span.end - 1:
            out.append(" " if token.whitespace_ or token.nbor(1).is_space else "")
    return " ".join("".join(out).split())


def person_name(span: Span) -> str:
    """The nominative of a person's name: each word in the name's case and gender (a nickname
    in quotes too, though it does not vote on them); a surname written in the plural for two
    people ("Виктора и Марины Зайцевых") is each one's in the singular, also for the first name
    before it ("Виктор Зайцев")."""
    case, gender = person_case_gender(span)
    quoted = quoted_tokens(span)
    words = [
        person_token(
            token,
            case,
            gender,
            first=token.i == span.start and len(span) > 1,
            last=token.i == span.end - 1 and len(span) > 1,
        )
        for token in span
    ]
    last = span[-1]
    if len(span) > 1 and last.i not in quoted and _plural_only_surname(last.text.lower()):
        words[-1] = recover_case(singular_surname(last.text.lower(), case, gender), last.text)
    name = join_words(span, words)
    surname = shared_surname(span)
    if surname is not None:
        case = token_tag(surname)[1] or case
        word = singular_surname(surname.text.lower(), case, gender)
        name += " " + recover_case(word, surname.text)
    return name


@lru_cache(maxsize=10_000)
def _plural_only_surname(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` as a surname only in the plural ("малышевы")."""
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
    return word


def coordinated_name(span: Span, head: Span) -> str:
    """The nominative singular of a place coordinated with others under one plural head:
    "Курской" or "Липецкой областях" before or holding "областях" -> "Курская область",
    "Липецкая область"."""
    noun = head[-1]
    case = token_tag(noun)[1]
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


@lru_cache(maxsize=10_000)
def _singular_noun(word: str, case: str) -> tuple[str, str] | None:
    """The nominative singular of a plural common noun in ``case``, with its gender."""
    wanted = _UD_CASES.get(case, set())
    for parse in resources.word_parses(word):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.number == "plur" and tag.case in wanted:
            form = parse.inflect({"nomn", "sing"})
            if form is not None and form.tag.gender:
                return form.word, form.tag.gender
    return None


@lru_cache(maxsize=10_000)
def _adjective_nominative(word: str, case: str, gender: str) -> str:
    """The nominative singular of an adjective of pymorphy3's ``gender`` ("курской" -> "курская");
    of a hyphenated one, its last part ("ханты-мансийском" -> "ханты-мансийский")."""
    prefix, _, last = word.rpartition("-")
    wanted = _UD_CASES.get(case, set())
    for parse in resources.word_parses(last):
        if parse.tag.POS == "ADJF" and (not wanted or parse.tag.case in wanted):
            form = parse.inflect({"nomn", "sing", gender})
            if form is not None:
                return f"{prefix}-{form.word}" if prefix else form.word
    return word


class Normalizer(DocComponent):
    """Sets ``span._.normal`` on every entity of the document and every nested place or person."""

    def __call__(self, doc: Doc) -> Doc:
        nested = (*doc.spans.get(NESTED_PLACES, ()), *doc.spans.get(NESTED_PEOPLE, ()))
        for span in (*doc.ents, *nested):
            span._.normal = normalize_span(span)
        settle_lone_names(doc)
        return doc


def settle_lone_names(doc: Doc) -> None:
    """A one-word person mention the rules left as written, not in the nominative, takes the
    nominative another mention of the document writes ("Марку", tagged a form of "марка", is
    "Марк" when the article writes "Марк")."""
    lone = [
        span
        for span in doc.ents
        if span.label_ == "PER"
        and len(span) == 1
        and span._.normal == span.text
        and person_case_gender(span)[0] not in ("", "Nom")
    ]
    if not lone:
        return
    written = {
        token.text
        for span in doc.ents
        if span.label_ == "PER" and person_case_gender(span)[0] == "Nom"
        for token in span
        if token.is_title
    }
    for span in lone:
        word = span.text
        if word in written:
            continue
        forms = [w for w in written if len(w) < len(word) and same_word(w.lower(), word.lower(), 2)]
        if forms:
            span._.normal = max(forms, key=len)


@Language.factory(
    "newsnlp_normalizer",
    default_config={},
    requires=["doc.ents", "token.pos", "token.morph"],
    assigns=["span._.normal"],
)
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    """Factory of the normalization component."""
    return Normalizer()


def span_normal(span: Any) -> str:
    """``span._.normal``, computed on the fly if the normalizer has not run."""
    return span._.normal or normalize_span(span)
