"""The cases and the gender the words of a person's name allow, read from pymorphy3's parses
of each word and from its ending: a first name's cases and gender, a patronymic's, a surname's
that does not decline or ends as a woman's, an unknown word's ending."""

from __future__ import annotations

from functools import lru_cache

from .. import resources
from ..people import plural_surname_ending
from ..tag import UD_CASE as _UD_CASES
from ..tag import UD_GENDER as _GENDER
from .forms import _VOWELS, name_by_ending
from .words import _OBLIQUE, _known_in, _known_nominative, _name_in, _singular_in


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
            "Fem" in first_name_genders_nominative(first)
            or "Masc" not in first_name_genders_nominative(first)
        )
    )


@lru_cache(maxsize=10_000)
def first_name_genders_nominative(word: str) -> frozenset[str]:
    """The genders pymorphy3 knows ``word`` a singular first name of in the nominative ("" for a
    first name of neither gender)."""
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
