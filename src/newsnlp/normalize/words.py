"""Parses of name words: a person's word in a case and gender, its gender, its possible cases."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import resources
from ..lexicons import lexicon_lines
from ..tag import UD_CASE as _UD_CASES
from ..tag import UD_GENDER as _GENDER
from ..tag import best_parse
from .forms import _NAME_GRAMMEMES, _POSSESSIVE_FEMININE, name_by_ending, possessive_surname


@lru_cache(maxsize=100_000)
def person_word(word: str, case: str, gender: str, surname: bool = False) -> str:
    """The nominative of one word of a person's name (lowercase in, lowercase out).

    A singular parse that pymorphy3 marks as a first name, surname or patronymic (or an
    adjective-like surname, "Римского") in the tagger's case is inflected keeping its gender
    ("евдокимовой" -> "евдокимова"); other words follow :func:`name_by_ending`. Of a first
    name's and a surname's parses, the first name's wins unless the word stands last in a
    longer name (``surname``): "о Павле Сурикове" is Павел, not the surname "Павля".
    """
    if case in ("", "Nom"):
        return word
    wanted = _UD_CASES.get(case, set())
    parses = resources.word_parses(word)
    if parses and all(parse.is_known and "Fixd" in parse.tag for parse in parses):
        return word  # a word known only as indeclinable: "Леди" of "Леди Гаги"
    best, best_score = None, 0.0
    for parse in parses:
        tag = parse.tag
        score: float
        if "Fixd" in tag and not parse.is_known and word.endswith(("ы", "ии")):
            continue  # a guess: "Ёдзи Ямады" is the genitive of Ямада, "Кобалии" of Кобалия
        if "Fixd" in tag and (_NAME_GRAMMEMES & tag.grammemes):
            other = gender in _GENDER and tag.gender in ("masc", "femn")
            if other and tag.gender != _GENDER[gender]:
                continue  # the other gender's: "Алле" of a woman is Алла, not the man's "Алле"
            kind = _NAME_GRAMMEMES & tag.grammemes
            if not any(  # "Анне" is the dative of "Анна" before the indeclinable "Анне"
                (p.is_known or word.endswith("ии"))  # "Шенгелии" of "Шенгелия"
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
        if tag.number == "plur":
            continue
        if tag.case not in wanted and not (
            case == "Acc" and tag.case == "gent" and _inanimate_masculine(parse, gender)
        ):
            continue  # a man's accusative is his genitive: "Бориса Ремня" of "ремень"
        if (
            gender in _GENDER
            and (not parse.is_known or "Name" in tag)
            and tag.gender not in (None, _GENDER[gender])
        ):
            continue  # the other gender: "барадеи" of a man is not "барадея", "наталия" of a
            # woman is not the genitive of "наталий"
        if _NAME_GRAMMEMES & tag.grammemes:
            score = 4 + ("Name" in tag and not surname)
            if surname and not {"Surn", "Patr"} & tag.grammemes:
                score = 1.5  # a first name's reading gives way to an adjective's: "Белой"
            # of two first names, the everyday one: "об Игоре" is Игорь, not the rare "Игор";
            # of a stem in -л and one in -ль, the latter ("о Рауле" is Рауль)
            score += 0.5 * ("Name" in tag and parse.normal_form in _everyday_first_names())
            score += 0.25 * ("Name" in tag and parse.normal_form.endswith("ль"))
        elif (
            tag.POS == "ADJF"
            and parse.is_known
            and word.endswith(
                ("ого", "его", "ому", "ему", "ой", "ей", "ым", "им", "ом", "ем", "ую")
            )
            # "Ситниковой" is no "Ситниковая" (of "ситниковый"), "Береговой" is "Береговая";
            # an epithet in the locative too ("при Петре Великом")
            and (not word.endswith(_POSSESSIVE_FEMININE) or parse.normal_form.endswith("ой"))
        ):
            # of an adjective's two lemmas, the one in -ой: "Мостового" is Мостовой
            score = 2 + 0.25 * parse.normal_form.endswith("ой")
        elif tag.POS == "NOUN" and parse.is_known and "anim" in tag and tag.gender == "masc":
            score = 1  # a common noun as a man's name keeps its stem: "Муромца" -> "Муромец"
        elif _inanimate_masculine(parse, gender):
            score = 0.5  # an inanimate one too, with the vowel its forms drop: "Ремня" -> Ремень
        elif (
            gender == "Masc"
            and tag.POS == "NOUN"
            and parse.is_known
            and tag.gender == "femn"
            and parse.normal_form.endswith(("а", "я"))
        ):
            # a man's name that is a noun in -а declines like it: "об Алексее Ковриге" is
            # Коврига (the locative's -е is a name's in a consonant too: "Ковриг")
            score = 1
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
    if gender != "Fem" and case in ("Dat", "Loc") and _soft_e_ending(word):
        return word  # "Гарнье", "Фурнье": no man's name in a consonant ends so in a case
    if gender != "Fem":
        adjective = _mans_adjective_surname(word, case)
        if adjective is not None:
            return adjective
    return _fleeting_e(name_by_ending(word, case, gender))


# a man's adjective-like surname pymorphy3 does not know, by its ending in a case: in -ский,
# -цкий ("о Яворском"; the other cases are name_by_ending's) and in -овой, -евой ("Лесовому",
# "Лесового", "о Лесовом": no noun's case form ends so)
_MANS_ADJECTIVE_ENDINGS = {
    "Loc": (("ском", "ский"), ("цком", "цкий"), ("овом", "овой"), ("евом", "евой")),
    "Dat": (("овому", "овой"), ("евому", "евой")),
    "Gen": (("ового", "овой"), ("евого", "евой")),
    "Acc": (("ового", "овой"), ("евого", "евой")),
}


def _mans_adjective_surname(word: str, case: str) -> str | None:
    """The nominative of a man's adjective-like surname pymorphy3 does not know, by its ending
    in ``case`` (see ``_MANS_ADJECTIVE_ENDINGS``), or None."""
    for ending, nominative in _MANS_ADJECTIVE_ENDINGS.get(case, ()):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + nominative
    return None


def _inanimate_masculine(parse: Any, gender: str) -> bool:
    """Whether ``parse`` is of a known masculine common noun, not a place's name, inanimate, and
    the name a man's: his name keeps the noun's stem ("ремня" -> "ремень")."""
    tag = parse.tag
    return (
        gender == "Masc"
        and tag.POS == "NOUN"
        and parse.is_known
        and tag.gender == "masc"
        and "inan" in tag
        and "Geox" not in tag
    )


def _soft_e_ending(word: str) -> bool:
    """Whether ``word`` ends in -ье after a consonant, not after a vowel and н or л: a man's
    dative or locative of a name in a consonant or -ь ends in -е right after the consonant
    ("Гарне"), one of -ей with a fleeting vowel ("Соловье") is a known noun's, and a man's name
    in -ья has -нье, -лье after a vowel ("Жуану Пинье", "Кунье"), so an unknown man's name
    ending so otherwise is as written ("Гарнье", "Пелетье", "Дидье")."""
    if len(word) < 5 or not word.endswith("ье") or word[-3] in "аеёиоуыэюяьй":
        return False
    return word[-3] not in "нл" or word[-4] not in "аеёиоуыэюя"  # "Гарнье", not "Пинье"


# consonants before which a man's name in -ец drops its vowel ("Кравца", "Купца", "Бойца"),
# none that end German names in -ц as written ("Шольц", "Кранц", "Курц", "Моритц")
_FLEETING_BEFORE_TS = "бвгдзкмпсфй"


def _fleeting_e(word: str) -> str:
    """A man's name the ending rules left in such a consonant and "ц", with the vowel its case
    forms drop put back ("кравц" of "Кравцом" -> "кравец", "бойц" -> "боец")."""
    if len(word) < 4 or not word.endswith("ц") or word[-2] not in _FLEETING_BEFORE_TS:
        return word
    return word[:-2] + ("" if word[-2] == "й" else word[-2]) + "ец"


@lru_cache(maxsize=1)
def _everyday_first_names() -> frozenset[str]:
    """The full Russian first names of the lexicon ``diminutives`` (its first column),
    lowercase."""
    return frozenset(words[0].lower() for words in lexicon_lines("diminutives"))


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
def _singular_in(word: str, case: str, guessed_fixed: bool = True) -> bool:
    """Whether pymorphy3 has a singular (or indeclinable) parse of ``word`` in ``case``; not
    counting an indeclinable word it only guesses unless ``guessed_fixed`` ("Ямады": a guess,
    no indeclinable name in -ы is known)."""
    wanted = _UD_CASES.get(case, set())
    return any(
        parse.tag.case in wanted
        and (parse.tag.number != "plur" or "Fixd" in parse.tag)
        and (guessed_fixed or parse.is_known or "Fixd" not in parse.tag)
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
    (the plural "Тамаевы" is the tagger's to tell); nor is a word ending in "-ом" or "-ем"
    that pymorphy3 does not know as a nominative but guesses a name in the instrumental
    ("Юйцином", "Цзяньмином")."""
    if word.endswith(("ом", "ем")) and len(word) > 4:
        return not _known_nominative(word) and _name_in(word, "Ins", False)
    return word.endswith("ы") and not _singular_in(word, "Nom", guessed_fixed=False)


def _oblique_surname(word: str) -> bool:
    """Whether the last word of a name ends like a declined name's dative or instrumental
    (-ому/-ему, -ым/-им, -ой/-ей, or -у/-ю after a consonant) and pymorphy3 knows it in no
    nominative and guesses no indeclinable word: no nominative, whatever the tagger says ("Эмре
    Чалышкану", "Алонсо Сегурой", "Ежи Ковальскому"). Not for a first name: "министр ...
    Паулу Сантус" is a Portuguese man's nominative."""
    return _oblique_ending(word) and not _known_nominative(word) and not _indeclinable_guess(word)


def _oblique_ending(word: str) -> bool:
    """Whether ``word`` ends like a declined name's dative or instrumental: -ому/-ему, -ым/-им,
    -ой/-ей, or -у/-ю after a consonant ("Ковальскому", "Скуарчиной", "Чалышкану")."""
    if len(word) < 5:
        return False
    if word.endswith(("ому", "ему", "ым", "им", "ой", "ей")):
        return True
    return word[-1] in "ую" and word[-2] not in "аеёиоуыэюяьй"


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
        and not word.endswith(ADJECTIVE_SURNAME_LOCATIVE)  # "о Зеленском": of "Зеленский"
        and not any(parse.is_known for parse in resources.morph_analyzer().parse(word))
    )


# the locative of a man's adjective-like surname in -ский/-цкий ("Зеленском"), not the
# instrumental of a noun in -ск
ADJECTIVE_SURNAME_LOCATIVE = ("ском", "цком")


@lru_cache(maxsize=100_000)
def _indeclinable_guess(word: str) -> bool:
    """Whether pymorphy3 reads ``word``, known or guessed, as an indeclinable word."""
    return any("Fixd" in parse.tag for parse in resources.word_parses(word))


@lru_cache(maxsize=100_000)
def _known_nominative(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a nominative singular of some word."""
    return any(
        parse.is_known and parse.tag.case == "nomn" and parse.tag.number != "plur"
        for parse in resources.morph_analyzer().parse(word)
    )
