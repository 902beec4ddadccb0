"""Names: the words of a person's name compared across its forms: stems without case endings,
the genders a first name or surname can have, patronymics, initials and short first names, a
monarch's number, a name written surname first, a "-младший" after a surname."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from spacy.tokens import Span

from .. import resources
from ..gazetteer import gazetteer_key
from ..lexicons import lexicon_lines
from ..tag import best_parse, token_tag
from .mentions import span_text


def _name_part(word: str, tags: frozenset[str]) -> str:
    return next((tag for tag in ("Name", "Patr", "Surn") if tag in tags), "")


def _tags(span: Span, position: int) -> frozenset[str]:
    token = span[position]
    parse = best_parse(token.text.lower(), *token_tag(token))
    return frozenset(str(parse.tag).replace(" ", ",").split(","))


def name_parts(span: Span, name: str) -> tuple[str | None, str | None, str | None]:
    """(first, middle, last) of a normalized person name."""
    words = name.split()
    if not words:
        return None, None, None
    if len(words) == 1:
        kind = _name_part(words[0], _tags(span, 0)) if len(span) == 1 else ""
        return (words[0], None, None) if kind == "Name" else (None, None, words[0])
    if len(words) == 2:
        return words[0], None, words[1]
    patronymic = words[1].endswith(("вич", "вна", "ична", "чна", "ич"))
    if patronymic:
        return words[0], words[1], " ".join(words[2:])
    if words[2].endswith(("вич", "вна", "ична", "чна", "ич")):
        return words[1], words[2], words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def _clean_initials(words: list[str]) -> list[str]:
    return [word for word in words if not _is_initials(word)]


@lru_cache(maxsize=100_000)
def _is_initials(word: str) -> bool:
    """ "С.", "В.Л", "Н" as a first name: initials, not a name."""
    letters = word.replace(".", "")
    return len(letters) <= 2 and letters.isupper() and ("." in word or len(letters) == 1)


def _cyrillic(text: str) -> bool:
    return any("а" <= char <= "я" or char == "ё" for char in text.lower())


@lru_cache(maxsize=10_000)
def _patronymic(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a patronymic and not as a surname ("Николаевич",
    not "Абрамович")."""
    tags = [parse.tag for parse in resources.morph_analyzer().parse(word.lower())]
    return any("Patr" in tag for tag in tags) and not any("Surn" in tag for tag in tags)


def _first_and_patronymic(words: list[str]) -> bool:
    """ "Борис Николаевич": a first name and a patronymic, no surname; not a woman's first name
    before a man's patronymic, which is her surname ("Ирина Богданович")."""
    if len(words) != 2 or not _patronymic(words[1]):
        return False
    gender = "Masc" if gazetteer_key(words[1]).endswith(("ич", "ича", "ичу", "ичем", "иче")) else ""
    return not gender or gender in first_name_genders(words[0])


# case endings a name's word takes in the oblique cases, longest first ("носовой" -> "носов")
_NAME_ENDINGS = ("ой", "ою", "ым", "ом", "ем", "ей", "а", "я", "у", "ю", "е", "ы", "и")


@lru_cache(maxsize=100_000)
def case_stem(word: str) -> str:
    """A name word without the ending its cases change ("топалова", "топалову", "топалов" ->
    "топалов"; "сулимы", "сулим" -> "сулим"), enough to tell forms of one name apart from
    other names."""
    word = gazetteer_key(word)
    if word.endswith(("ая", "яя")) and len(word) >= 6 and word[-3] not in "аеёиоуыэюя":
        return word[:-2]  # a woman's adjective-like surname: "толстая" as "толстой" -> "толст"
    for ending in _NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    if word.endswith("ь") and len(word) >= 4:
        return word[:-1]  # a soft stem: "игорь" as "игоре" read "игор", "гоголь" as "гоголя"
    return word


_POSSESSIVE_STEMS = ("ов", "ев", "ин", "ын")


@lru_cache(maxsize=100_000)
def surname_genders(word: str) -> frozenset[str]:
    """The genders a Russian-type surname (in -ов, -ев, -ин) can have in the form ``word``:
    "носовой" a woman's, "носову", "носова" either (a woman's accusative and nominative, a man's
    dative and genitive), "носовым", "носов" a man's; any other surname either."""
    word = gazetteer_key(word)
    stem = case_stem(word)
    if not stem.endswith(_POSSESSIVE_STEMS):
        return _BOTH
    ending = word[len(stem) :]
    if ending in ("ой", "ою"):
        return frozenset({"Fem"})
    if ending in ("", "ым", "ом", "е"):
        return frozenset({"Masc"})
    return _BOTH


_BOTH = frozenset({"Masc", "Fem"})


@lru_cache(maxsize=10_000)
def first_name_genders(word: str) -> frozenset[str]:
    """The genders pymorphy3 knows ``word`` a first name of, in any case ("сулимы": a man's
    genitive of "Сулим" or a woman's "Сулима"); both when it does not know it as one."""
    genders = {
        {"masc": "Masc", "femn": "Fem"}.get(parse.tag.gender or "", "")
        for parse in resources.morph_analyzer().parse(word.lower())
        if "Name" in parse.tag and parse.is_known
    } - {""}
    return frozenset(genders) or _BOTH


def one_letter_apart(one: str, other: str, shortest: int) -> bool:
    """Whether two words of ``shortest`` letters or more differ by one letter added, dropped or
    changed ("сааакашвили", "саакашвили")."""
    if min(len(one), len(other)) < shortest or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        return sum(a != b for a, b in zip(one, other)) == 1
    short, long = sorted((one, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def typo_apart(one: str, other: str) -> bool:
    """Whether two surnames look like one written with a slip of the pen: for words of five
    letters or more, a letter added, dropped or changed, or two neighbours swapped ("шпрот",
    "шпорт"); for words of ten or more, two such slips ("гернстермайер", "герстенмайер")."""
    if min(len(one), len(other)) < 5:
        return False
    slips = 2 if min(len(one), len(other)) >= 10 else 1
    return _edits(one, other, slips) <= slips


def _edits(one: str, other: str, limit: int) -> int:
    """The optimal string alignment distance of two words (letters added, dropped, changed,
    neighbours swapped), or ``limit + 1`` when it is more than ``limit``."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i] + [0] * len(other)
        for j, b in enumerate(other, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a != b))
            if i > 1 and j > 1 and a == other[j - 2] and one[i - 2] == b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


@lru_cache(maxsize=1)
def _full_first_names() -> dict[str, frozenset[str]]:
    """A short or endearing first name -> the stems of the full names it is a form of ("ваня"
    -> {"иван"}), from the lexicon ``diminutives``."""
    found: dict[str, set[str]] = defaultdict(set)
    for words in lexicon_lines("diminutives"):
        for form in words[1:]:
            found[gazetteer_key(form)].add(case_stem(words[0]))
    return {form: frozenset(stems) for form, stems in found.items()}


@lru_cache(maxsize=10_000)
def first_name_keys(word: str) -> frozenset[str]:
    """The stems a first name matches another first name by: its own and, for a short or
    endearing form in any case, the full names' ("Ваня", "Ване" -> {"ван", "иван"})."""
    key = gazetteer_key(word)
    full = _full_first_names().get(key) or _full_first_names().get(
        _short_nominative(key), frozenset()
    )
    return frozenset({case_stem(word), *full})


@lru_cache(maxsize=1)
def _listed_full_names() -> frozenset[str]:
    """The full first names of the lexicon ``diminutives`` (its first column), compared keys."""
    return frozenset(gazetteer_key(words[0]) for words in lexicon_lines("diminutives"))


@lru_cache(maxsize=10_000)
def short_first_name(word: str) -> bool:
    """Whether ``word`` is a short or endearing form of a first name in any case ("Саша",
    "Ване"), and no full first name of the lexicon itself."""
    key = gazetteer_key(word)
    if key in _listed_full_names():
        return False
    return key in _full_first_names() or bool(_short_nominative(key))


# the case endings of a short first name in -а and in -я ("Саша": "Сашу", "Саше", "Сашей";
# "Наташа": "Наташи")
_SHORT_ENDINGS = {
    "а": ("ы", "и", "е", "у", "ой", "ою", "ей", "ею"),
    "я": ("и", "е", "ю", "ей", "ею"),
}


def _short_nominative(key: str) -> str:
    """The nominative of a short first name the lexicon lists, written in another case
    ("сашу" -> "саша", "ване" -> "ваня"), else ""."""
    for nominative, endings in _SHORT_ENDINGS.items():
        for ending in endings:
            if key.endswith(ending) and len(key) - len(ending) >= 2:
                form = key[: -len(ending)] + nominative
                if form in _full_first_names():
                    return form
    return ""


def _initial_of(word: str) -> str | None:
    """The letter of an initial written as a name's last word ("С." in "Игорь С.")."""
    return word[0].lower() if _is_initials(word) else None


_ROMAN = re.compile(r"^[IVXLC]+$")


def numbered_name(span: Span, name: str) -> str:
    """A monarch's or a pope's name with its number, its first name in the nominative
    ("Людовика XIV" -> "Людовик XIV", "Николая II" -> "Николай II"); other names as they are."""
    words = name.split()
    if len(words) != 2 or not _ROMAN.match(words[1]) or len(span) != 2:
        return name
    first = _first_name_nominative(span[0].text)
    if first is None or gazetteer_key(first) == gazetteer_key(span[0].text):
        return name  # a nominative stays as written ("Петр I")
    return f"{first} {words[1]}"


@lru_cache(maxsize=10_000)
def _first_name_nominative(word: str) -> str | None:
    """The nominative of a first name pymorphy3 knows ("Людовика" -> "Людовик"), or None."""
    for parse in resources.word_parses(word.lower()):
        if parse.is_known and "Name" in parse.tag and parse.tag.number == "sing":
            form = parse.inflect({"nomn"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:]
    return None


def surname_first_full(words: list[str]) -> bool:
    """Whether a three-word name is written surname first, as court papers and lists write it
    ("Баринов Геннадий Петрович"): a first name pymorphy3 knows, then a patronymic, after a
    word that is no first name."""
    return (
        len(words) == 3
        and _patronymic(words[2])
        and _known_first_name(words[1])
        and not _known_first_name(words[0])
    )


@lru_cache(maxsize=10_000)
def _known_first_name(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a first name."""
    return any(
        parse.is_known and "Name" in parse.tag for parse in resources.word_parses(word.lower())
    )


def _epithet_of(stem: str | None) -> str | None:
    """The surname before a hyphened "младший" or "старший" ("буш-младш" -> "буш"), if any."""
    head, hyphen, tail = (stem or "").rpartition("-")
    if hyphen and len(head) >= 3 and tail.startswith(("младш", "старш")):
        return case_stem(head)
    return None


@lru_cache(maxsize=10_000)
def _patronymic_or_surname(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a patronymic and as a surname ("Александрович")."""
    tags = [parse.tag for parse in resources.word_parses(word.lower()) if parse.is_known]
    return any("Patr" in tag for tag in tags) and any("Surn" in tag for tag in tags)


def _initials_and_surname(span: Span) -> bool:
    """Whether a mention is a surname with initials ("Полякова А. И.", "А. И. Полякова")."""
    words = span_text(span).split()  # (``span.text`` makes a Token per word)
    full = _clean_initials(words)
    return (
        len(full) == 1
        and len(words) > 1
        and all(_is_initials(word) for word in words if word != full[0])
    )


def _lone_epithet(name: str) -> bool:
    """Whether a mention is one word with "-младший" or "-старший" ("Лапин-младший",
    "Елена-младшая"): it tells the person apart, it does not name him."""
    words = name.split()
    return len(words) == 1 and _epithet_of(case_stem(words[0])) is not None


@lru_cache(maxsize=10_000)
def _patronymic_word(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a patronymic ("Кузьмичом")."""
    return any(
        parse.is_known and "Patr" in parse.tag for parse in resources.word_parses(word.lower())
    )


def _russian_surname_form(word: str, candidate: str) -> bool:
    """Whether ``candidate`` is a Russian surname in -ов, -ев, -ин, -ын (``word``) with an
    ending: a case or a woman's form ("Тарасенкова" of "Тарасенков"), not a foreign name's
    nominative the rules took an ending off."""
    stem = gazetteer_key(word)
    return stem.endswith(("ов", "ев", "ин", "ын")) and gazetteer_key(candidate) != stem


@lru_cache(maxsize=10_000)
def _known_word(word: str) -> bool:
    return any(parse.is_known for parse in resources.word_parses(word))


_ADJECTIVE_ENDINGS = re.compile(r"(?:ого|его|ому|ему|ой|ым|им|ом|ем|ая|ую|яя|юю|ий|ый)$")


def _adjective_stem(word: str) -> str | None:
    """The stem of a word with an adjective's ending ("куренного", "лановому" -> "куренн",
    "ланов"), as :func:`case_stem` gives it for the nominative of a man's surname of that
    kind ("Лесной", "Лановой"); None for other words."""
    key = gazetteer_key(word)
    match = _ADJECTIVE_ENDINGS.search(key)
    if match is None or match.start() < 3:
        return None
    return key[: match.start()]
