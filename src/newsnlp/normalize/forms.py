"""Word forms: casing like the text, and the nominative of unknown names by their endings."""

from __future__ import annotations

from functools import lru_cache


def _case_like(word: str, model: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    return "".join(
        char.upper() if position < len(model) and model[position].isupper() else char
        for position, char in enumerate(word)
    )


@lru_cache(maxsize=65_536)
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
# Masculine names in a consonant decline like "Шисюн" (-а, -у, -ом, -е), in -ия like "Берия"
# (-ии, -ию in the accusative, where one in -ий has -ия); names in -а/-я of
# either gender like "Камикава" / "Джоанна" (-ы/-и, -е, -у, -ой/-ей); women's surnames in
# -ова/-ина like adjectives (-ой in every oblique case but the accusative).
# a man's adjective-like surname in -ский/-цкий ("Задорожским"), before the endings of nouns
_MASC_ADJECTIVE = {
    case: tuple((f"{stem}{ending}", f"{stem}ий") for stem in ("ск", "цк"))
    for case, ending in (("Gen", "ого"), ("Acc", "ого"), ("Dat", "ому"), ("Ins", "им"))
}


_MASC_ENDINGS = {
    "Gen": (*_MASC_ADJECTIVE["Gen"], ("ии", "ия"), ("ы", "а"), ("а", ""), ("я", "й")),
    # "Бакрадзию": -ий would give -ия; -у/-ю is of a name in -а/-я ("Бенаиссу"), as a name
    # in a consonant takes -а in the accusative
    "Acc": (*_MASC_ADJECTIVE["Acc"], ("а", ""), ("ию", "ия"), ("я", "й"), ("у", "а"), ("ю", "я")),
    "Dat": (*_MASC_ADJECTIVE["Dat"], ("у", ""), ("ю", "й"), ("ии", "ия"), ("е", "а")),
    "Ins": (*_MASC_ADJECTIVE["Ins"], ("ом", ""), ("ым", ""), ("ем", "й"), ("ей", "я"), ("ой", "а")),
    "Loc": (("ии", "ия"), ("е", ""), ("е", "й")),  # "о Карзае", "в Кадуе": of -ай, -уй
}


# a woman's adjective-like surname in -ская/-цкая ("Зеленской") before one in -а ("Камикавой")
_FEM_ADJECTIVE = (("ской", "ская"), ("цкой", "цкая"))


_FEM_ENDINGS = {
    "Gen": (("ы", "а"), ("ии", "ия"), ("и", "я"), *_FEM_ADJECTIVE, ("ой", "а")),
    "Acc": (("ую", "ая"), ("юю", "яя"), ("у", "а"), ("ю", "я")),
    # no -и after a consonant: a name in -я takes -е there ("Нане"), so "Бианки" is as written
    "Dat": (("е", "а"), ("ии", "ия"), *_FEM_ADJECTIVE, ("ой", "а")),
    "Ins": (*_FEM_ADJECTIVE, ("ой", "а"), ("ою", "а"), ("ей", "я")),
    "Loc": (("е", "а"), ("ии", "ия"), *_FEM_ADJECTIVE, ("ой", "а")),
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
        shortest = 1 if ending == "ии" else 2  # "Гии" of Гия
        if not word.endswith(ending) or len(stem) < shortest or not stem[-1].isalpha():
            continue
        if ending == "ии" and nominative == "ия":
            return stem + nominative  # "Кецбаии" of Кецбаия, after a vowel too
        if nominative == "я" and stem[-1] in _HUSHING + "ц":
            nominative = "а"  # no -я after them: "Ивицей" of Ивица, not "Ивиця"
        if nominative == "й" and stem[-1] in _HARD_HUSHING:
            nominative = ""  # "Курцем", "Шольцем": -ем after ц, ж, ш, ч, щ is a hard ending
        elif nominative == "й" and stem[-1] not in _VOWELS:
            nominative = "ь"
        if stem[-1] in _VOWELS and nominative not in ("й", "я") and len(nominative) < 3:
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
