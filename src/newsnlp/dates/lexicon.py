"""The words and forms of time expressions: months, units, shifts ("прошлый"), weekdays,
seasons, approximations, and the cheap test of a token that may start one."""

from __future__ import annotations

import re

from .._numerals import WORDS
from ..lexicons import approximations, month_stems, months


def _forms(stem: str, endings: str) -> list[str]:
    return [stem + ending for ending in endings.split(",")]


# the months' forms -> their numbers, and "январь–октябрь", "января-марта" written as one token
MONTHS: dict[str, int] = {form: month.number for month in months() for form in month.forms}
_MONTH_STEMS = month_stems()
_MONTH_RANGE = re.compile(rf"^((?:{_MONTH_STEMS})\w*)[-‐‑–—]((?:{_MONTH_STEMS})\w*)$")

YEAR_WORDS = frozenset("год года году годом годе годы годов годах годам годами г гг".split())
# time units by lemma (pymorphy3 gives "лет" the lemma "год")
UNITS: dict[str, str] = {
    "год": "year",
    "месяц": "month",
    "неделя": "week",
    "день": "day",
    "сутки": "day",
    "час": "hour",
    "минута": "minute",
    "квартал": "quarter",
    "полугодие": "half",
    "десятилетие": "decade",
    "век": "century",
    "столетие": "century",
}
# singular forms, for "в прошлом году" (not "в прошлые годы")
_SINGULAR = frozenset(
    _forms("год", ",а,у,ом,е")
    + _forms("месяц", ",а,у,ем,е")
    + _forms("недел", "я,и,ю,ей,е")
    + _forms("квартал", ",а,у,ом,е")
    + _forms("полугоди", "е,я,ю,ем,и")
    + _forms("десятилети", "е,я,ю,ем,и")
    + _forms("век", ",а,у,ом,е")
    + _forms("столети", "е,я,ю,ем,и")
)
_HALF_WORDS = {
    "полгода": ("year", 0.5),
    "полчаса": ("hour", 0.5),
    "полмесяца": ("month", 0.5),
    "полвека": ("century", 0.5),
}
_COLLECTIVE = {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7}
_VAGUE = frozenset({"несколько", "нескольких", "много", "считанные"})
_COUPLE = frozenset({"пару", "пара", "пары"})  # "через пару лет": two, about
# words of a determiner before a unit and the shift they give: "в прошлом году" -1
SHIFTS: dict[str, int] = {
    "прошлый": -1,
    "прошедший": -1,
    "минувший": -1,
    "предыдущий": -1,
    "позапрошлый": -2,
    "этот": 0,
    "нынешний": 0,
    "текущий": 0,
    "сей": 0,
    "следующий": 1,
    "будущий": 1,
    "грядущий": 1,
    "наступающий": 1,
    "наступивший": 0,
}
_SHIFT_FORM = re.compile(
    r"^(позапрошл|прошл|прошедш|минувш|предыдущ|эт|нынешн|текущ|сего|следующ|будущ|грядущ|"
    r"наступающ)(?:ий|ый|ой|ая|ое|ого|ому|ым|ом|ей|ую|ие|ых|им|ими|и|а|о|у|от|ем|его|ему|ее|яя|юю|"
    r"ие|их)$"
)
_SHIFT_STEMS = {
    "позапрошл": -2,
    "прошл": -1,
    "прошедш": -1,
    "минувш": -1,
    "предыдущ": -1,
    "эт": 0,
    "нынешн": 0,
    "текущ": 0,
    "сего": 0,
    "следующ": 1,
    "будущ": 1,
    "грядущ": 1,
    "наступающ": 1,
}


def shift_of(lower: str) -> int | None:
    """The shift a determiner gives ("прошлом" -1, "этого" 0, "следующей" +1), else None."""
    match = _SHIFT_FORM.match(lower)
    return _SHIFT_STEMS[match.group(1)] if match else None


DAY_WORDS = {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}
_EVE = "накануне"
_DAY_PARTS = frozenset("утром днём днем вечером ночью".split())
_DAY_PART_HOURS = {"утра": 0, "дня": 12, "вечера": 12, "ночи": 0}
WEEKDAYS: dict[str, int] = {
    "понедельник": 1,
    "вторник": 2,
    "среду": 3,
    "среда": 3,
    "четверг": 4,
    "пятницу": 5,
    "пятница": 5,
    "субботу": 6,
    "суббота": 6,
    "воскресенье": 7,
}
# "с понедельника", "до пятницы", "к среде", "со среды"
WEEKDAYS_OBLIQUE: dict[str, int] = {
    **dict.fromkeys(_forms("понедельник", "а,у"), 1),
    **dict.fromkeys(_forms("вторник", "а,у"), 2),
    **dict.fromkeys(_forms("сред", "ы,е"), 3),
    **dict.fromkeys(_forms("четверг", "а,у"), 4),
    **dict.fromkeys(_forms("пятниц", "ы,е"), 5),
    **dict.fromkeys(_forms("суббот", "ы,е"), 6),
    **dict.fromkeys(_forms("воскресень", "я,ю"), 7),
}
_WEEKDAY_PREPOSITIONS = frozenset("в во с со до к ко по".split())
# the part of a period named by its unit alone: "с начала года", "до конца месяца"
_PARTS = frozenset(
    "начала начало началу начале конца конец концу конце середины середине середину итогам "
    "итогах итогов окончания".split()
)
_LAST = frozenset(
    "последние последних последний последнюю прошлые прошлых прошедшие прошедших минувшие "
    "минувших".split()
)
SEASONS: dict[str, str] = {
    **dict.fromkeys(_forms("зим", "а,ы,е,у,ой,ою"), "winter"),
    **dict.fromkeys(_forms("весн", "а,ы,е,у,ой,ою"), "spring"),
    **dict.fromkeys(_forms("лет", "о,а,у,ом"), "summer"),
    **dict.fromkeys(_forms("осен", "ь,и,ью"), "autumn"),
}
ORDINALS = {"первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4}
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ORDINAL_DIGITS = re.compile(r"^(\d{1,2})(?:-?(?:й|го|м|ом|ый|ого|ом|е|ое|ая|ой))?$")
_DECADE = re.compile(r"^(\d{2}|\d{3}0)-?(?:х|е|ые|ых|ие|их)$")
_DECADE_RANGE = re.compile(r"^(\d{3}0)[-‐‑–—](\d{3}0)-?(?:х|е|ые|ых|ие|их)$")  # "1990—2000-е"
_DAY_RANGE = re.compile(r"^(\d{1,2})[-‐‑–—](\d{1,2})$")
_YEAR_RANGE = re.compile(r"^(\d{4})[-‐‑–—](\d{2}|\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CLOCK = re.compile(r"^(\d{1,2})[.:](\d{2})$")
_INT = re.compile(r"^\d{1,4}$")
_ORDINAL_YEAR = re.compile(r"^(\d{4}|\d{2})-?(?:го|й|м|ом|ый|ого)$")
_HOUR_FORMS = frozenset(_forms("час", ",а,ов,ам"))
_BEFORE_TIME = frozenset("в во с со до к около после".split())
_BARE_YEAR_PREPOSITIONS = frozenset("в во с со до к по от".split())
# "около трёх лет", "не более двух недель" (the one approximation table of every fact)
_APPROX, _NOT_APPROX = approximations()
_RANGE_DEFAULTS = {"year": 1, "month": 1, "week": 1, "day": 1, "hour": 1}
# a token that can start a time expression (checked before any pattern is tried)
# tokens that can start a time expression by themselves ("strong"), and words that only lead
# one ("в", "около", "за"): a lead is tried only when a strong token follows within three
_STRONG = (
    frozenset(MONTHS)
    | frozenset(DAY_WORDS)
    | frozenset(WEEKDAYS)
    | frozenset(WEEKDAYS_OBLIQUE)
    | frozenset(SEASONS)
    | frozenset(_HALF_WORDS)
    | frozenset(_COLLECTIVE)
    | _VAGUE
    | _COUPLE
    | _LAST
    | _PARTS
    | frozenset("полтора полторы полутора".split())
    | {_EVE}
)
_LEADS = frozenset(_APPROX) | frozenset("с со за через не".split())
_DURING = frozenset({"течение", "протяжении"})  # "в течение", "на протяжении"
_MONTH_PREFIXES = frozenset(form[:3] for form in MONTHS)
_STRONG_LEMMAS = frozenset(ORDINALS) | frozenset(WORDS) | frozenset(UNITS)
_strong_cache: dict[str, bool] = {}


def _strong_form(lower: str) -> bool:
    """Whether a token (lowercased) may start a time expression, whatever its lemma."""
    known = _strong_cache.get(lower)
    if known is None:
        known = bool(
            lower[:1].isdigit()
            or lower in _STRONG
            or lower[:3] in _MONTH_PREFIXES
            or _SHIFT_FORM.match(lower)
            or _roman(lower)
            or _ADJECTIVE_DURATION.match(lower)
        )
        if len(_strong_cache) < 200_000:
            _strong_cache[lower] = known
    return known


def _roman(text: str) -> int | None:
    """The value of a Roman numeral ("xix" -> 19), None for anything else."""
    if not text or not _ROMAN.match(text):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for n, char in enumerate(text):
        value = values[char]
        if n + 1 < len(text) and values[text[n + 1]] > value:
            total -= value
        else:
            total += value
    return total


# a duration as an adjective: "пятидневный", "трёхмесячный", "24-часовой", "полуторагодовой"
_COUNT_STEMS: dict[str, float] = {
    "одно": 1, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
    "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11,
    "двенадцати": 12, "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15,
    "шестнадцати": 16, "семнадцати": 17, "восемнадцати": 18, "девятнадцати": 19,
    "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50, "шестидесяти": 60,
    "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90, "сто": 100, "ста": 100,
    "полу": 0.5, "полутора": 1.5,
}  # fmt: skip
_TENS_STEMS = "двадцати|тридцати|сорока|пятидесяти|шестидесяти|семидесяти|восьмидесяти|девяноста"
_ADJECTIVE_UNITS: dict[str, str] = {
    "дневн": "day",
    "суточн": "day",
    "недельн": "week",
    "месячн": "month",
    "годичн": "year",
    "годов": "year",
    "летн": "year",
    "часов": "hour",
    "минутн": "minute",
    "вечн": "century",  # "двухвековой" is rare; "трёхвековая история"
    "веков": "century",
}
_ADJECTIVE_DURATION = re.compile(
    r"^(?:(\d{1,3})-|(?:("
    + _TENS_STEMS
    + r")(?=[а-яё]))?("
    + "|".join(sorted(_COUNT_STEMS, key=len, reverse=True))
    + r")?)(дневн|суточн|недельн|месячн|годичн|годов|летн|часов|минутн|веков)"
    r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими)$"
)


def adjective_duration(lower: str) -> tuple[float, str] | None:
    """(amount, unit) of a duration written as an adjective ("пятидневный" 5 days,
    "трёхмесячного" 3 months, "24-часовой" 24 hours, "двадцатипятилетний" 25 years), else None."""
    match = _ADJECTIVE_DURATION.match(lower)
    if match is None:
        return None
    digits, tens, units, unit = match.groups()
    if digits is not None:
        amount = float(digits)
    elif tens is not None and units is not None:
        if _COUNT_STEMS[units] >= 10:
            return None
        amount = _COUNT_STEMS[tens] + _COUNT_STEMS[units]
    elif tens is not None or units is not None:
        amount = float(_COUNT_STEMS[tens or units or ""])
    else:
        return None
    if amount == 0:
        return None
    return amount, _ADJECTIVE_UNITS[unit]


# a day named by pointing back at one the text told of: "в тот же вечер", "тем же утром",
# "в этот день"; the noun's lemma and its unit
_DEMONSTRATIVES = frozenset("тот та то ту той тем этот эта это эту этой этим".split())
_POINTED_NOUNS: dict[str, str] = {
    "день": "day",
    "вечер": "day",
    "утро": "day",
    "ночь": "day",
    "сутки": "day",
    "неделя": "week",
    "месяц": "month",
    "год": "year",
}
_POINTED_FORMS = frozenset(
    "день вечер утро ночь сутки неделю месяц год днём днем вечером утром ночью".split()
)
# what a number of years can be besides a length of time: an age ("ему 35 лет", "в возрасте
# 35 лет", "старше 18 лет", "детей до 14 лет")
_AGE_BEFORE = frozenset("возрасте возраста возраст старше младше моложе".split())
_AGE_DATIVES = frozenset("ему ей им мне тебе нам вам себе".split())
_AGE_VERBS = frozenset("исполнилось исполнится исполняется исполнялось стукнуло".split())
_AGE_FILLERS = frozenset("было будет уже всего только почти около лишь еще ещё".split())
