"""Extract facts: dates, date ranges, relative dates and durations, as typed facts.

The scan reads the tokens' lowercased texts and lemmas from the document arrays, once, and
tries its patterns only where a token can start a time expression (a number, a month, a time
word, a preposition before one). No parse is needed. The patterns:

- calendar dates: "1 января 2011 года", "в мае 2009 года", "в 2014 году", "2010 г.",
  "12.03.2024", "в третьем квартале 2024 года", "в первом полугодии", "осенью 2004 года",
  "в 90-х годах" (a range of years), "в XIX веке", a weekday before a date ("в четверг,
  19 мая"), times of day ("в 19:28", "в 11 часов", "с 8 часов утра");
- ranges: "с 1 по 15 июля", "1–15 июля", "с 9 июня по 9 июля 2006 года",
  "в 2012–2014 годах", "2007 — 2016 годов", "с 1995 по 2000 год", "в ночь с 20 на 21 июля";
- relative dates (``relative=True``): "сегодня", "вчера вечером", "накануне", "в четверг",
  "в минувшую пятницу", "в прошлом году", "на этой неделе", "в мае этого года", "с.г.",
  "13 часов назад", "через два дня", "за год", "за последние 5 лет";
- durations: "в течение 12 лет", "почти 20 лет", "около девяти месяцев", "полтора года",
  "двое суток", "в течение года".

Relative dates are resolved against the article's own date by :func:`resolve` (the pipeline
calls it with the caller's date or the one a date line of the text gives: :func:`dateline`).
:func:`period_of` builds the structured :class:`~newsnlp.schema.Period` of a percentage.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from spacy.attrs import LEMMA, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ._batch import DocComponent, token_flags, token_starts, token_texts
from ._numerals import DASHES, WORDS, to_float, words_value
from .extensions import get_facts, set_facts
from .schema import DateFact, DatePoint, Period, Phrase

if not Doc.has_extension("newsnlp_dateline"):
    Doc.set_extension("newsnlp_dateline", default=None)


def _forms(stem: str, endings: str) -> list[str]:
    return [stem + ending for ending in endings.split(",")]


_SOFT = "ь,я,е,ю,ём,ем"
MONTHS: dict[str, int] = {}
for _number, (_stem, _endings) in enumerate(
    [
        ("январ", _SOFT),
        ("феврал", _SOFT),
        ("март", ",а,е,у,ом"),
        ("апрел", _SOFT),
        ("ма", "й,я,е,ю,ем"),
        ("июн", _SOFT),
        ("июл", _SOFT),
        ("август", ",а,е,у,ом"),
        ("сентябр", _SOFT),
        ("октябр", _SOFT),
        ("ноябр", _SOFT),
        ("декабр", _SOFT),
    ],
    start=1,
):
    MONTHS.update(dict.fromkeys(_forms(_stem, _endings), _number))
# "январь–октябрь", "января-марта" written as one token
_MONTH_STEMS = "январ|феврал|март|ма[йяею]|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр"
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
_VAGUE = frozenset({"несколько", "нескольких", "много", "пару", "считанные"})
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
_APPROX: dict[str, str] = {
    "около": "about",
    "порядка": "about",
    "примерно": "about",
    "приблизительно": "about",
    "почти": "about",
    "более": "more_than",
    "свыше": "more_than",
    "больше": "more_than",
    "менее": "less_than",
    "меньше": "less_than",
    "до": "up_to",
}
_NOT_APPROX = {"более": "up_to", "больше": "up_to", "менее": "more_than", "меньше": "more_than"}
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
        )
        if len(_strong_cache) < 200_000:
            _strong_cache[lower] = known
    return known


@dataclass
class Found:
    """One time expression: its tokens [first, stop) and the fields of its fact."""

    first: int
    stop: int
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TokenArrays:
    """What the date and money scans read of every token, taken from the ``Doc`` arrays once
    per live document (both scans share it; kept beside the ``Doc``, not in it)."""

    lowers: list[str]
    lemmas: list[str]
    texts: list[str]
    idx: Sequence[int]
    spaces: Sequence[int]  # 1 where one space follows the token
    sent_start: Sequence[int]  # 1 where a sentence starts

    @classmethod
    def of(cls, doc: Doc) -> TokenArrays:
        """The arrays of a tagged document (computed on first use, then kept while it lives)."""
        arrays = _arrays.get(doc)
        if arrays is None or len(arrays.lowers) != len(doc):
            parsed = doc.has_annotation("SENT_START")
            arrays = cls(
                lowers=token_texts(doc, LOWER),
                lemmas=token_texts(doc, LEMMA),
                texts=token_texts(doc, ORTH),
                idx=token_starts(doc),
                spaces=token_flags(doc, SPACY),
                sent_start=token_flags(doc, SENT_START) if parsed else bytes(len(doc)),
            )
            _arrays[doc] = arrays
        return arrays


_arrays: weakref.WeakKeyDictionary[Doc, TokenArrays] = weakref.WeakKeyDictionary()


class Scanner:
    """The token arrays of one document and the patterns over them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arrays = TokenArrays.of(doc)
        # razdel keeps a comma or period after a number in its token ("27.11.2025,", "20,",
        # "15."): read the number without it
        self.lowers = [
            lower[:-1] if lower[-1:] in ",." and lower[:1].isdigit() else lower
            for lower in arrays.lowers
        ]
        self.lemmas = arrays.lemmas
        self.texts = arrays.texts
        self.idx = arrays.idx
        self.sent_start = arrays.sent_start
        self.n = len(doc)
        self.points: dict[int, Found | None] = {}

    # -------------------------------------------------------------- token helpers

    def lower(self, i: int) -> str:
        return self.lowers[i] if 0 <= i < self.n else ""

    def lemma(self, i: int) -> str:
        return self.lemmas[i] if 0 <= i < self.n else ""

    def joins(self, i: int) -> bool:
        """Whether token ``i`` is in the same sentence as token ``i - 1``."""
        return 0 < i < self.n and not self.sent_start[i]

    def glued(self, i: int) -> bool:
        """Whether token ``i`` follows ``i - 1`` with no space between them."""
        return self.joins(i) and self.idx[i] == self.idx[i - 1] + len(self.texts[i - 1])

    def integer(self, i: int) -> int | None:
        text = self.lower(i)
        return int(text) if _INT.match(text) else None

    def day_at(self, i: int) -> int | None:
        match = _ORDINAL_DIGITS.match(self.lower(i))
        if match and 1 <= int(match.group(1)) <= 31:
            return int(match.group(1))
        return None

    def year_at(self, i: int) -> int | None:
        value = self.integer(i)
        if value is None:
            ordinal = _ORDINAL_YEAR.match(self.lower(i))  # "2010-го", "67-го года"
            if ordinal is None:
                return None
            value = int(ordinal.group(1))
            if value < 100:
                if self.lower(i + 1) not in YEAR_WORDS:
                    return None
                value += 1900 if value >= 30 else 2000
        return value if 1000 <= value <= 2199 else None

    def year_word(self, i: int) -> int:
        """Index after a year word ("года", "г.", "гг.") at ``i``, else ``i``."""
        if self.joins(i) and self.lower(i) in YEAR_WORDS:
            if self.lower(i) in ("г", "гг") and self.lower(i + 1) == "." and self.joins(i + 1):
                return i + 2
            return i + 1
        return i

    def number_at(self, i: int) -> tuple[int, float | None] | None:
        """(index after, value) of a count at ``i``: "12", "1,5", "девяти", "двое",
        "несколько" (value None)."""
        text = self.lower(i)
        if re.match(r"^\d+(?:[.,]\d+)?$", text) and len(text) <= 6:
            return i + 1, to_float(text)
        suffixed = re.match(r"^(\d{1,3})-?(?:х|и|ти|ми|ех|ух)$", text)  # "20-и часов"
        if suffixed:
            return i + 1, float(suffixed.group(1))
        if text in _COLLECTIVE:
            return i + 1, float(_COLLECTIVE[text])
        if text in _VAGUE:
            return i + 1, None
        j = i
        while j < self.n and self.lemma(j) in WORDS and (j == i or self.joins(j)):
            j += 1
        if j > i:
            value = words_value(self.lemmas[i:j])
            if value is not None:
                return j, value
        return None

    def unit_at(self, i: int) -> str | None:
        return UNITS.get(self.lemma(i)) if self.joins(i) or i == 0 else None

    # -------------------------------------------------------------- calendar points

    def relative_year(self, i: int) -> tuple[int, int] | None:
        """(index after, shift) of "этого года", "прошлого года", "с.г." at ``i``."""
        shift = shift_of(self.lower(i))
        if shift is not None and self.joins(i) and self.lemma(i + 1) == "год":
            if self.lower(i + 1) in _SINGULAR:
                return i + 2, shift
        if (self.lower(i), self.lower(i + 1), self.lower(i + 2)) == ("с", ".", "г"):
            return (i + 4 if self.lower(i + 3) == "." else i + 3), 0
        return None

    def year_tail(self, i: int, point: dict[str, Any]) -> int:
        """Read the year after a month or a season ("2009 года", "этого года") into ``point``."""
        year = self.year_at(i) if self.joins(i) else None
        if year is not None:
            point["year"] = year
            return self.year_word(i + 1)
        relative = self.relative_year(i) if self.joins(i) else None
        if relative is not None:
            point.update(relative=True, unit="year", shift=relative[1])
            return relative[0]
        return i

    def clock_at(self, i: int) -> tuple[int, int, int] | None:
        """(index after, hour, minute) of a clock time "19:40" (one token or three)."""
        text = self.lower(i)
        clock = _CLOCK.match(text)
        if clock and ":" in text:
            h, m = int(clock.group(1)), int(clock.group(2))
            return (i + 1, h, m) if h < 24 and m < 60 else None
        hour = self.integer(i)
        if hour is not None and self.lower(i + 1) == ":" and self.glued(i + 1):
            minute = self.integer(i + 2)
            if self.glued(i + 2) and minute is not None and len(self.lower(i + 2)) == 2:
                return (i + 3, hour, minute) if hour < 24 and minute < 60 else None
        return None

    def timed(self, found: Found) -> Found:
        """A day followed by its time ("27.11.2025, 19:40", "вчера, 21:15") takes it in."""
        j = found.stop + (self.lower(found.stop) == ",")
        clock = self.clock_at(j) if self.joins(j) else None
        if clock is None:
            return found
        stop, hour, minute = clock
        return Found(found.first, stop, {**found.fields, "hour": hour, "minute": minute})

    def point(self, i: int, bare_day: bool = False, bare_year: bool = False) -> Found | None:
        """A calendar point at ``i``: day+month(+year), month(+year), year+year word,
        dd.mm.yyyy; a time after a day joins it. ``bare_day``/``bare_year``: a lone day or
        year may stand (the first end of a range whose other end gives the month or the year
        word)."""
        if i in self.points:  # the range patterns and the point pattern ask alike
            found = self.points[i]
        else:
            found = self._point(i)
            if found is not None and "day" in found.fields and "month" in found.fields:
                found = self.timed(found)
            self.points[i] = found
        if found is not None:
            return Found(found.first, found.stop, dict(found.fields))
        if bare_year and self.year_at(i) is not None:
            return Found(i, i + 1, {"year": self.year_at(i)})
        if bare_day and self.day_at(i) is not None:
            return Found(i, i + 1, {"day": self.day_at(i)})
        return None

    def _point(self, i: int) -> Found | None:
        text = self.lower(i)
        numeric = _NUMERIC_DATE.match(text) or _ISO_DATE.match(text)
        if numeric:
            parts = [int(part) for part in numeric.groups()]
            y, m, d = parts if numeric.re is _ISO_DATE else parts[::-1]
            if 1 <= m <= 12 and 1 <= d <= 31:
                return Found(i, i + 1, {"year": y, "month": m, "day": d})
        day = self.day_at(i)
        if day is not None and self.lower(i + 1) in MONTHS and self.joins(i + 1):
            fields: dict[str, Any] = {"day": day, "month": MONTHS[self.lower(i + 1)]}
            return Found(i, self.year_tail(i + 2, fields), fields)
        if text in MONTHS:
            fields = {"month": MONTHS[text]}
            stop = self.year_tail(i + 1, fields)
            if stop == i + 1 and self.texts[i][:1].isupper():
                if self.joins(i) or self.doc[i].ent_type_ == "PER":
                    return None  # "Марта Стюарт", "императора Августа": a name
            return Found(i, stop, fields)
        year = self.year_at(i)
        if year is not None:
            stop = self.year_word(i + 1)
            if stop > i + 1 or not self.lower(i)[-1].isdigit():
                return Found(i, stop, {"year": year})
            before = self.lower(i - 1)
            after = self.lower(i + 1)
            if (
                self.joins(i)
                and before in _BARE_YEAR_PREPOSITIONS
                and (i + 1 >= self.n or not self.joins(i + 1) or after in ",.;:)»")
            ):
                return Found(i, i + 1, {"year": year})
        return None

    def part_of_year(self, i: int) -> Found | None:
        """ "третьем квартале 2024 года", "I квартал", "1-м полугодии", "осенью 2004 года"."""
        text = self.lower(i)
        number = ORDINALS.get(self.lemma(i))
        if number is None:
            roman = _roman(text)
            digit = _ORDINAL_DIGITS.match(text)
            number = roman or (int(digit.group(1)) if digit else None)
        unit = UNITS.get(self.lemma(i + 1)) if self.joins(i + 1) else None
        if (
            number is not None
            and unit in ("quarter", "half")
            and number <= (4 if unit == "quarter" else 2)
        ):
            fields: dict[str, Any] = {unit: number}
            return Found(i, self.year_tail(i + 2, fields), fields)
        if number in (1, 2) and self.lemma(i + 1) == "половина" and self.joins(i + 1):
            # "в первой половине 2025 года", "во второй половине года": a half-year
            fields = {"half": number}
            stop = self.year_tail(i + 2, fields)
            if stop == i + 2 and self.lower(i + 2) == "года" and self.joins(i + 2):
                fields.update(relative=True, unit="year", shift=0)
                stop = i + 3
            if stop > i + 2:
                return Found(i, stop, fields)
        season = SEASONS.get(text)
        if season is not None:
            fields = {"season": season}
            stop = self.year_tail(i + 1, fields)
            if stop > i + 1:
                return Found(i, stop, fields)
            shift = shift_of(self.lower(i - 1))
            if shift is not None and self.joins(i):
                # "этим летом" this year's; "минувшим летом", "прошлой осенью": the last one,
                # this year's or the year before's
                return Found(
                    i - 1,
                    i + 1,
                    {
                        "season": season,
                        "relative": True,
                        "unit": "year",
                        "shift": shift if shift == 0 else None,
                    },
                )
        return None

    def decade_or_century(self, i: int) -> Found | None:
        """ "90-х годов", "1990-е", "1990—2000-е годы", "в XIX веке", "прошлого века"."""
        decades = _DECADE_RANGE.match(self.lower(i))
        if decades and int(decades.group(1)) < int(decades.group(2)):
            begin, end = int(decades.group(1)), int(decades.group(2)) + 9
            return Found(
                i,
                self.year_word(i + 1),
                {"kind": "range", "begin": {"year": begin}, "end": {"year": end}},
            )
        decade = _DECADE.match(self.lower(i))
        if decade:
            value = int(decade.group(1))
            stop = self.year_word(i + 1)
            if value < 100 and stop == i + 1:
                return None  # "90-х" alone may be anything; with "годов" it is a decade
            if value < 100:
                value += 1900
            if value % 10:
                return None
            if shift_of(self.lower(stop)) is not None or _roman(self.lower(stop)):
                if UNITS.get(self.lemma(stop + 1)) == "century":  # "прошлого века"
                    stop += 2
            return Found(
                i, stop, {"kind": "range", "begin": {"year": value}, "end": {"year": value + 9}}
            )
        century = _roman(self.lower(i)) or self.integer(i)
        if century is not None and 1 <= century <= 22 and self.joins(i + 1):
            if UNITS.get(self.lemma(i + 1)) == "century":
                return Found(i, i + 2, {"century": century})
        return None

    def clock(self, i: int) -> Found | None:
        """ "в 19:28", "в 11 часов", "15 часов дня", "с 8 часов утра"."""
        text = self.lower(i)
        before = self.lower(i - 1) in _BEFORE_TIME and self.joins(i)
        clock = _CLOCK.match(text)
        if clock and before:
            h, m = int(clock.group(1)), int(clock.group(2))
            if h < 24 and m < 60 and self.lemma(i + 1) not in ("раз", "процент"):
                return Found(i, i + 1, {"hour": h, "minute": m})
        hour = self.integer(i)
        if hour is None or hour > 24:
            return None
        if before and self.lower(i + 1) == ":" and self.glued(i + 1) and self.glued(i + 2):
            minute = self.integer(i + 2)
            if minute is not None and minute < 60 and len(self.lower(i + 2)) == 2:
                return Found(i, i + 3, {"hour": hour, "minute": minute})
        if self.lower(i + 1) in _HOUR_FORMS and self.joins(i + 1):
            part = self.lower(i + 2) if self.joins(i + 2) else ""
            if part in _DAY_PART_HOURS:
                shift = _DAY_PART_HOURS[part] if hour < 12 else 0
                return Found(i, i + 3, {"hour": hour + shift})
            if before and self.lower(i - 1) != "после" and self.lower(i + 2) != "назад":
                minutes = self.integer(i + 2) if self.joins(i + 2) else None
                if minutes is not None and minutes < 60 and self.lemma(i + 3) == "минута":
                    return Found(i, i + 4, {"hour": hour, "minute": minutes})
                return Found(i, i + 2, {"hour": hour})
        part = self.lower(i + 1)
        if before and hour <= 12 and part in _DAY_PART_HOURS and self.joins(i + 1):
            shift = _DAY_PART_HOURS[part] if hour < 12 else 0  # "около 7 вечера"
            return Found(i, i + 2, {"hour": hour + shift})
        return None

    def calendar(self, i: int) -> Found | None:
        """A calendar date or range starting at ``i``."""
        ranged = self.range_at(i)
        if ranged is not None:
            return ranged
        weekday = WEEKDAYS.get(self.lower(i))
        if weekday is not None:
            j = i + 1 + (self.lower(i + 1) == ",")
            after = self.point(j) if self.joins(j) else None
            if after is not None and "day" in after.fields:
                after.fields["weekday"] = weekday
                return Found(i, after.stop, after.fields)
        clock = self.clock_at(i)
        comma = clock is not None and (
            self.lower(clock[0]) == "," or self.texts[clock[0] - 1].endswith(",")
        )
        if clock is not None and comma:  # "14:20, 3 октября 2025"
            j = clock[0] + (self.lower(clock[0]) == ",")
            after = self.point(j) if self.joins(j) else None
            if after is not None and "day" in after.fields and "hour" not in after.fields:
                fields = {**after.fields, "hour": clock[1], "minute": clock[2]}
                return Found(i, after.stop, fields)
        return self.point(i) or self.part_of_year(i) or self.decade_or_century(i) or self.clock(i)

    def range_at(self, i: int) -> Found | None:
        """ "с 1 по 15 июля", "1–15 июля", "2012–2014 годах", "2007 — 2016 годов",
        "21 сентября – 13 октября", "январь–октябрь", "с 20 на 21 июля"."""
        text = self.lower(i)
        days = _DAY_RANGE.match(text)
        if days and self.lower(i + 1) in MONTHS and self.joins(i + 1):
            month = MONTHS[self.lower(i + 1)]
            end: dict[str, Any] = {"day": int(days.group(2)), "month": month}
            stop = self.year_tail(i + 2, end)
            begin = {"day": int(days.group(1)), "month": month}
            return self._range(i, stop, begin, end)
        years = _YEAR_RANGE.match(text)
        if years:
            first, second = int(years.group(1)), years.group(2)
            last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
            stop = self.year_word(i + 1)
            if first < last and (stop > i + 1 or self.lower(i - 1) in _BARE_YEAR_PREPOSITIONS):
                return self._range(i, stop, {"year": first}, {"year": last})
        months = _MONTH_RANGE.match(text)
        if months and months.group(1) in MONTHS and months.group(2) in MONTHS:
            end = {"month": MONTHS[months.group(2)]}
            stop = self.year_tail(i + 1, end)
            return self._range(i, stop, {"month": MONTHS[months.group(1)]}, end)
        hours = self.hours_range(i) if text in ("с", "со") else None
        if hours is not None:
            return hours
        if text in ("с", "со") and self.joins(i + 1):
            first_point = self.point(i + 1, bare_day=True, bare_year=True)
            if first_point is None:
                return None
            link = first_point.stop
            linked = ("по", "до", "на") if set(first_point.fields) == {"day"} else ("по", "до")
            if self.lower(link) in linked and self.joins(link):
                second = self.point(link + 1)
                if second is None and self.lower(link) == "по" and "day" in first_point.fields:
                    second = self.point(link + 1, bare_day=True)
                if second is not None and _compatible(first_point.fields, second.fields):
                    return self._range(i, second.stop, first_point.fields, second.fields)
            return None
        first_point = self.point(i, bare_day=True, bare_year=True)
        if first_point is None or first_point.fields.get("relative"):
            return None
        dash = first_point.stop
        if self.lower(dash) in DASHES and self.joins(dash) and self.joins(dash + 1):
            second = self.point(dash + 1)
            if second is not None and _compatible(first_point.fields, second.fields):
                return self._range(i, second.stop, first_point.fields, second.fields)
        return None

    def hours_range(self, i: int) -> Found | None:
        """ "с 10 до 18 часов", "с 9 до 21 часа": hours of the day, the unit after the second."""
        first, second = self.integer(i + 1), self.integer(i + 3)
        if first is None or second is None or first > 24 or second > 24:
            return None
        if self.lower(i + 2) not in ("до", "по") or self.lower(i + 4) not in _HOUR_FORMS:
            return None
        return Found(i, i + 5, {"kind": "range", "begin": {"hour": first}, "end": {"hour": second}})

    def _range(self, i: int, stop: int, begin: dict, end: dict) -> Found:
        begin = {k: v for k, v in begin.items() if k not in ("relative", "unit", "shift")}
        fields: dict[str, Any] = {"kind": "range"}
        for key in ("month", "year"):  # "с 1 по 15 июля": the first end takes the month
            if key in end and key not in begin and (key == "year" or "day" in begin):
                begin[key] = end[key]
        if end.get("relative"):
            fields.update(relative=True, unit=end["unit"], shift=end["shift"])
        end = {k: v for k, v in end.items() if k not in ("relative", "unit", "shift")}
        fields.update(begin=begin, end=end)
        return Found(i, stop, fields)

    # -------------------------------------------------------------- relative dates

    def relative(self, i: int) -> Found | None:
        """ "вчера вечером", "накануне", "в пятницу", "в прошлом году", "13 часов назад",
        "через два дня", "за год", "за последние 5 лет", "с.г."."""
        text = self.lower(i)
        if text in DAY_WORDS or text == _EVE:
            stop = i + 1 + (self.lower(i + 1) in _DAY_PARTS and self.joins(i + 1))
            if text == _EVE and self.lemma(i + 1) in UNITS:
                return None  # "накануне выборов" names another event
            day = Found(
                i, stop, {"relative": True, "unit": "day", "shift": DAY_WORDS.get(text, -1)}
            )
            return self.timed(day)
        weekday = self.weekday(i)
        if weekday is not None:
            return weekday
        shift = shift_of(text)
        if shift is not None and self.lower(i + 1) in _SINGULAR and self.joins(i + 1):
            unit = UNITS[self.lemma(i + 1)]
            return Found(i, i + 2, {"relative": True, "unit": unit, "shift": shift})
        year = self.relative_year(i)
        if year is not None:
            return Found(i, year[0], {"relative": True, "unit": "year", "shift": year[1]})
        if text in ("итогам", "итогах") and self.number_at(i + 1) is not None:
            return self.counted(i)
        if text in _PARTS and self.lower(i + 1) in _SINGULAR and self.joins(i + 1):
            # "с начала года", "до конца месяца", "по итогам года": the current one
            after = i + 2
            if self.year_at(after) is None and shift_of(self.lower(after)) is None:
                unit = UNITS[self.lemma(i + 1)]
                return Found(i, i + 2, {"relative": True, "unit": unit, "shift": 0})
        if text in _SINGULAR and self.lower(i + 1) == "назад" and self.joins(i + 1):
            unit = UNITS[self.lemma(i)]  # "год назад", "неделю назад"
            return Found(i, i + 2, {"relative": True, "unit": unit, "shift": -1})
        if text in ("за", "через") or text in _LAST:
            return self.counted(i)
        return None

    def weekday(self, i: int) -> Found | None:
        """ "в пятницу", "в минувшую среду", "с понедельника", "в понедельник днём"; before a
        date ("в четверг, 19 мая", "в среду 12 мая") the weekday joins the date."""
        first = i
        if shift_of(self.lower(i)) is not None and self.joins(i + 1):
            i += 1  # "минувшую пятницу"
        text = self.lower(i)
        weekday = WEEKDAYS.get(text) or WEEKDAYS_OBLIQUE.get(text)
        if weekday is None or self.lower(first - 1) not in _WEEKDAY_PREPOSITIONS:
            return None
        if not self.joins(first):
            return None
        stop = i + 1 + (self.lower(i + 1) in _DAY_PARTS and self.joins(i + 1))
        j = stop + (self.lower(stop) == ",")
        after = self.point(j) if self.joins(j) else None
        if after is not None and "day" in after.fields and "relative" not in after.fields:
            return Found(first, after.stop, {**after.fields, "weekday": weekday})
        return Found(first, stop, {"relative": True, "unit": "day", "weekday": weekday})

    def counted(self, i: int) -> Found | None:
        """ "через два дня", "за год", "за последние 5 лет", "последние 30 лет"; before
        "до"/"после" ("за неделю до выборов") a duration."""
        text = self.lower(i)
        j = i + 1
        last = text in _LAST
        if text == "за" and self.lower(j) in _LAST and self.joins(j):
            j, last = j + 1, True
        first_months = text in ("за", "итогам", "итогах") and not last
        if first_months and self.lower(j) in ("первые", "первых") and self.joins(j):
            j += 1
        if self.year_at(j) is not None:
            return None  # "за 2010 год"
        if (
            self.lower(j) in _HALF_WORDS
            and text == "через"
            and self.joins(j)
            and self.lower(j + 1) not in ("до", "после", "перед")
        ):
            half_unit, half = _HALF_WORDS[self.lower(j)]  # "через полгода": six months
            smaller = {"year": ("month", 6), "hour": ("minute", 30), "century": ("year", 50)}
            if half_unit in smaller:
                unit_of, count_of = smaller[half_unit]
                return Found(i, j + 1, {"relative": True, "unit": unit_of, "shift": count_of})
        if self.lower(j) in _HALF_WORDS and text == "за" and self.joins(j):
            half_unit, half = _HALF_WORDS[self.lower(j)]  # "за полгода"
            return Found(
                i, j + 1, {"kind": "range", "relative": True, "unit": half_unit, "amount": half}
            )
        count = self.number_at(j) if self.joins(j) else None
        value: float | None = 1.0
        if count is not None:
            j, value = count
        unit = self.unit_at(j)
        if unit is None or unit in ("century", "decade") or value is None:
            return None
        if count is None and self.lower(j) not in _SINGULAR | {"сутки"}:
            return None  # "за эти годы", "за последние годы", "последние недели"
        if count is None and last:
            return None  # "последний год" (which one?)
        after = self.lower(j + 1)
        if text in ("за", "через") and after in ("до", "после", "перед"):
            # "за год до выборов", "через два дня после стрельбы": a length of time
            return Found(i + 1, j + 1, {"kind": "duration", "unit": unit, "amount": value})
        if text == "через":
            shift = round(value) if value == int(value) else None
            return Found(i, j + 1, {"relative": True, "unit": unit, "shift": shift})
        if first_months and count is not None:
            months = self.months_of_year(i, j, value, unit)
            if months is not None:
                return months
        if text not in ("за", "через") and not last:
            return None
        return Found(i, j + 1, {"kind": "range", "relative": True, "unit": unit, "amount": value})

    def months_of_year(self, i: int, j: int, count: float, unit: str) -> Found | None:
        """ "за девять месяцев 2025 года", "по итогам десяти месяцев", "за три квартала": the
        first months of a year, January to the count's month (of this year when none is
        named)."""
        months = count * 3 if unit == "quarter" else count
        if unit not in ("month", "quarter") or not months.is_integer() or not 2 <= months <= 11:
            return None
        end: dict[str, Any] = {"month": int(months)}
        stop = self.year_tail(j + 1, end)
        begin: dict[str, Any] = {"month": 1}
        if "year" in end:
            begin["year"] = end["year"]
        first = i + 1 if self.lower(i) in ("итогам", "итогах") else i
        if "relative" in end:
            found = self._range(first, stop, begin, end)
        else:  # the reports of this year: relative to the article's date
            found = self._range(first, stop, begin, end)
            if "year" not in end:
                found.fields.update(relative=True, unit="year", shift=0)
        return found

    def ago(self, found: Found) -> Found | None:
        """A duration followed by "назад" is a relative date: "13 часов назад"; "перевести
        стрелки на час назад" is not."""
        if self.lower(found.first - 1) == "на":
            return None
        amount = found.fields.get("amount")
        shift = -round(amount) if amount is not None and amount == int(amount) else None
        fields = {"relative": True, "unit": found.fields["unit"], "shift": shift}
        if found.fields.get("approx"):
            fields["approx"] = found.fields["approx"]
        return Found(found.first, found.stop + 1, fields)

    # -------------------------------------------------------------- durations

    def duration(self, i: int) -> Found | None:
        """ "12 лет", "около девяти месяцев", "полтора года", "в течение года", "двое суток"."""
        first = i
        fields: dict[str, Any] = {"kind": "duration"}
        if self.lower(i) in ("в", "на") and self.lower(i + 1) in ("течение", "протяжении"):
            i += 2
            if self.lower(i) in _LAST and self.joins(i):
                found = self.counted(i)
                if found is not None:
                    return Found(first, found.stop, found.fields)
            if self.year_at(i) is not None or self.lower(i) in MONTHS:
                return None  # "в течение 2005 года": the date
            unit = self.unit_at(i)
            if unit is not None and self.lower(i) in _SINGULAR | {"дня", "суток", "часа", "минуты"}:
                return Found(first, i + 1, {"kind": "duration", "unit": unit, "amount": 1.0})
        approx_stop = self.approx(i)
        if approx_stop is not None:
            fields["approx"], i = approx_stop
        text = self.lower(i)
        if text in _HALF_WORDS:
            unit, amount = _HALF_WORDS[text]
            return Found(first, i + 1, {**fields, "unit": unit, "amount": amount})
        count = self.number_at(i)
        if count is None:
            return None
        j, value = count
        if value is not None and self.lower(j) in ("с", "со") and self.lower(j + 1) == "половиной":
            value, j = value + 0.5, j + 2
        unit = self.unit_at(j)
        if unit is None or unit in ("quarter", "half"):
            return None
        minutes = self.number_at(j + 1) if unit == "hour" and value is not None else None
        if (
            value is not None
            and minutes is not None
            and minutes[1] is not None
            and self.unit_at(minutes[0]) == "minute"
        ):
            # "2 часа 30 минут", "13 часов 30 минут"
            stop = minutes[0] + 1
            return Found(first, stop, {**fields, "unit": "hour", "amount": value + minutes[1] / 60})
        if value is None and self.lower(j + 1) != "назад":
            return None  # "несколько лет": no length; "несколько дней назад": a date
        if value is not None and value >= 1000 and unit == "year":
            return None
        if self.lower(j) in _HOUR_FORMS and self.lower(j + 1) in _DAY_PART_HOURS:
            return None
        return Found(first, j + 1, {**fields, "unit": unit, "amount": value})

    def approx(self, i: int) -> tuple[str, int] | None:
        """(approx, index after) of "около", "не менее", "более чем", "почти" at ``i``."""
        text = self.lower(i)
        if text == "не" and self.lower(i + 1) in _NOT_APPROX:
            return _NOT_APPROX[self.lower(i + 1)], i + 2
        if text in _APPROX and text != "до":
            stop = i + 1 + (self.lower(i + 1) == "чем")
            return _APPROX[text], stop
        if text == "до" and self.number_at(i + 1) is not None:
            return "up_to", i + 1
        return None

    # -------------------------------------------------------------- the scan

    def at(self, i: int) -> Found | None:
        """The time expression starting at token ``i``, if any."""
        found = self.calendar(i) or self.relative(i)
        if found is not None:
            return found
        found = self.duration(i)
        if found is not None and self.lower(found.stop) == "назад":
            return self.ago(found) or found
        return found

    def listed(self, i: int) -> Found | None:
        """A bare day or year listed before a date: "20" in "20 и 21 марта", "1995" in
        "в 1995 и 2002 годах"; it takes the month (and year) of the date after it."""
        text = self.lower(i)
        if not _INT.match(text):
            return None
        if self.texts[i].endswith(","):  # razdel's "18," in "18, 23 и 26 января"
            j = i + 1
        elif self.lower(i + 1) in ("и", ",", "или"):
            j = i + 2
        else:
            return None
        while _INT.match(self.lower(j)) and (
            self.lower(j + 1) in (",", "и") or self.texts[j].endswith(",")
        ):
            j += 1 if self.texts[j].endswith(",") else 2  # "18, 23 и 26 января"
        after = self.point(j) if self.joins(j) else None
        if after is None:
            return None
        value = int(text)
        if set(after.fields) >= {"day", "month"} and 1 <= value <= 31:
            fields = {**after.fields, "day": value}
            return Found(i, i + 1, fields)
        if (
            set(after.fields) == {"year"}
            and self.year_at(i)
            and self.lower(after.stop - 1) in (YEAR_WORDS | {"."})
        ):
            return Found(i, i + 1, {"year": value})
        return None

    def scan(self) -> list[Found]:
        """Every time expression of the document, in order, none overlapping."""
        found: list[Found] = []
        strong = [
            _strong_form(lower) or lemma in _STRONG_LEMMAS
            for lower, lemma in zip(self.lowers, self.lemmas)
        ]
        i = 0
        while i < self.n:
            if not strong[i]:
                lower = self.lowers[i]
                lead = lower in _LEADS or (
                    lower in ("в", "на") and i + 1 < self.n and self.lowers[i + 1] in _DURING
                )
                if not (lead and any(strong[i + 1 : i + 4])):
                    i += 1
                    continue
            match = self.at(i) or self.listed(i)
            if match is None:
                i += 1
                continue
            if found and _closes_span(found[-1], match, self):
                match = Found(match.first, match.stop, {"hour": int(match.fields["amount"])})
            found.append(match)
            i = match.stop
        return found

    def fact(self, found: Found) -> DateFact:
        """The :class:`DateFact` of one expression."""
        start = self.idx[found.first]
        last = found.stop - 1
        stop = (
            self.idx[last]
            + len(self.texts[last])
            - (len(self.texts[last]) - len(self.lowers[last]))
        )
        text = self.doc[found.first : found.stop].text[: stop - start]
        return DateFact(start=start, stop=stop, text=text, **_fields(found.fields))


def _closes_span(previous: Found, found: Found, scanner: Scanner) -> bool:
    """Whether ``found`` ("до 20 часов") is the end of a span of the day that ``previous``
    opens ("с 8 часов утра"): then it is a time of day, not a length."""
    fields = found.fields
    return (
        fields.get("kind") == "duration"
        and fields.get("unit") == "hour"
        and fields.get("approx") == "up_to"
        and previous.fields.get("hour") is not None
        and found.first - previous.stop <= 1
        and scanner.lower(previous.first - 1) in ("с", "со", "от")
        and fields.get("amount") is not None
        and float(fields["amount"]).is_integer()
        and fields["amount"] <= 24
    )


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


def _compatible(first: dict, second: dict) -> bool:
    """Whether two points can be the ends of one range ("с 1995 по 2000 год", "с 1 по 15
    июля"): a bare day needs a month after it, a bare year a year after it."""
    if set(first) == {"day"}:
        return "month" in second
    if set(first) == {"year"}:
        return set(second) <= {"year"} and "year" in second
    return "year" not in first or "year" in second or "month" in second


def _fields(fields: dict[str, Any]) -> dict[str, Any]:
    result = dict(fields)
    for key in ("begin", "end"):
        if isinstance(result.get(key), dict):
            result[key] = DatePoint(**result[key])
    return result


def find_dates(doc: Doc) -> list[DateFact]:
    """Every date, range, relative date and duration of a tokenized, lemmatized document."""
    scanner = Scanner(doc)
    return [scanner.fact(found) for found in scanner.scan()]


# ---------------------------------------------------------------- the article's date


_LINE_REST = re.compile(r"^[\d:.,/|()—–·•-]+$")
_DATELINE_LINES = 12  # a date line stands among the first lines (a page's header) or last


def dateline(scanner: Scanner, found: Sequence[Found]) -> date | None:
    """The article's date from a date line: one of its first twelve lines, or its last, that
    holds a full date and nothing else but a time, a place or weekday before a comma, a label
    before a colon, other dates or punctuation ("12.03.2027", "Москва, 12 марта 2027 года,
    10:15", "Опубликовано: 27.11.2025, 18:05 · Обновлено: 27.11.2025, 19:40")."""
    lowers, n = scanner.lowers, scanner.n
    for expression in found:
        fields = expression.fields
        if fields.get("relative") or not {"year", "month", "day"} <= set(fields):
            continue
        start = expression.first
        while start > 0 and "\n" not in lowers[start - 1]:
            start -= 1
        stop = expression.stop
        while stop < n and "\n" not in lowers[stop]:
            stop += 1
        lines_before = sum(lowers[i].count("\n") for i in range(start) if not lowers[i].strip())
        last = all(not lowers[i].strip() for i in range(stop, n))
        if lines_before >= _DATELINE_LINES and not last:
            continue
        rest = [*range(start, expression.first), *range(expression.stop, stop)]
        others = {i for other in found for i in range(other.first, other.stop)}
        if all(
            not lowers[i].strip()
            or i in others
            or _LINE_REST.match(lowers[i])
            or (lowers[i].isalpha() and scanner.lower(i + 1) in (",", ":"))
            for i in rest
        ):
            try:
                return date(fields["year"], fields["month"], fields["day"])
            except ValueError:
                return None
    return None


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + shift
    return total // 12, total % 12 + 1


def _point_of(day: date) -> dict[str, Any]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _nearest_year(published: date, month: int, day: int | None) -> int:
    """The year that puts a day and month without a year nearest to the article's date."""

    def distance(year: int) -> int:
        try:
            return abs((date(year, month, day or 15) - published).days)
        except ValueError:
            return 10**6

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _back(published: date, unit: str, amount: float) -> date | None:
    """The article's date minus ``amount`` units (whole units only)."""
    if unit == "year" and amount != int(amount) and (amount * 12).is_integer():
        unit, amount = "month", amount * 12  # "за полгода"
    if amount != int(amount):
        return None
    count = int(amount)
    if unit == "day":
        return published - timedelta(days=count)
    if unit == "week":
        return published - timedelta(weeks=count)
    if unit in ("month", "year"):
        year, month = _shift_month(
            published.year, published.month, -count * (12 if unit == "year" else 1)
        )
        day = min(published.day, 28)
        return date(year, month, day)
    return None


def resolve(fact: Any, published: date | datetime) -> Any:
    """The fact (a :class:`DateFact` or a :class:`Period`) with its calendar fields computed
    from the article's date: relative dates ("в прошлом году" -> year), weekdays (the last such
    day on or before the article's date), ranges counted back ("за год"), and a day or month
    written without a year (the year that puts it nearest to the article's date)."""
    day = published.date() if isinstance(published, datetime) else published
    update: dict[str, Any] = {}
    if fact.relative:
        unit, shift = fact.unit, fact.shift
        if fact.weekday is not None and shift is None:
            back = (day.isoweekday() - fact.weekday) % 7
            update = _point_of(day - timedelta(days=back))
        elif fact.kind == "range" and fact.amount is not None and unit is not None:
            begin = _back(day, unit, fact.amount)
            if unit == "hour" and isinstance(published, datetime):
                begin = (published - timedelta(hours=fact.amount)).date()
            if begin is not None:
                update = {
                    "begin": DatePoint(**_point_of(begin)),
                    "end": DatePoint(**_point_of(day)),
                }
        elif shift is not None and unit == "year" and fact.kind != "range":
            update = {"year": day.year + shift}
        elif shift is not None and unit == "century":
            update = {"century": (day.year - 1) // 100 + 1 + shift}
        elif shift is not None and unit == "half":
            half = (day.month - 1) // 6 + 1 + shift
            update = {"year": day.year + (half - 1) // 2, "half": (half - 1) % 2 + 1}
        elif shift is not None and unit == "quarter":
            quarter = (day.month - 1) // 3 + 1 + shift
            update = {"year": day.year + (quarter - 1) // 4, "quarter": (quarter - 1) % 4 + 1}
        elif shift is not None and unit == "month":
            year, month = _shift_month(day.year, day.month, shift)
            update = {"year": year, "month": month}
        elif shift is not None and unit == "week":
            monday = day - timedelta(days=day.isoweekday() - 1) + timedelta(weeks=shift)
            update = {
                "begin": DatePoint(**_point_of(monday)),
                "end": DatePoint(**_point_of(monday + timedelta(days=6))),
            }
        elif shift is not None and unit == "day":
            update = _point_of(day + timedelta(days=shift))
        elif shift is not None and unit in ("hour", "minute") and isinstance(published, datetime):
            moment = published + timedelta(**{unit + "s": shift})
            update = {**_point_of(moment.date()), "hour": moment.hour, "minute": moment.minute}
        if fact.kind == "range" and fact.begin is not None and "begin" not in update:
            update.update(_years_of_range(fact, day))
    elif fact.kind == "date" and fact.month is not None and fact.year is None:
        update = {"year": _nearest_year(day, fact.month, fact.day)}
    elif fact.kind == "range" and fact.end is not None and fact.end.month is not None:
        update = _years_of_range(fact, day)
    if not update:
        return fact
    return fact.model_copy(update={**update, "resolved": True})


def _years_of_range(fact: Any, day: date) -> dict[str, Any]:
    """Years for the ends of a range written without one ("с 1 по 15 июля")."""
    update: dict[str, Any] = {}
    shift = fact.shift if fact.relative and fact.unit == "year" else None
    for key in ("begin", "end"):
        point = getattr(fact, key)
        if point is None or point.year is not None or point.month is None:
            continue
        year = day.year + shift if shift is not None else _nearest_year(day, point.month, point.day)
        update[key] = point.model_copy(update={"year": year})
    return update


# ---------------------------------------------------------------- periods of percentages


class DateIndex:
    """A document's date facts by offset, to find the first inside a stretch of text in
    logarithmic time (a huge text has thousands of dates and of percentages)."""

    def __init__(self, facts: Iterable[DateFact]) -> None:
        self.facts = sorted(facts, key=lambda fact: fact.start)
        self.starts = [fact.start for fact in self.facts]

    def first_within(self, start: int, stop: int) -> DateFact | None:
        """The first date fact that lies within ``start``..``stop``."""
        for number in range(bisect_left(self.starts, start), len(self.starts)):
            fact = self.facts[number]
            if fact.start >= stop:
                break
            if fact.stop <= stop:
                return fact
        return None


def period_of(span: Span, phrase: Phrase, dates: DateIndex | None = None) -> Period:
    """The structured period of a percentage's time phrase ("по итогам 2024 года": year
    2024; "в третьем квартале": quarter 3; "за январь–октябрь": a range of months): the
    ``phrase`` with the date the span holds (the first of ``doc._.dates`` inside it, or of
    ``dates``, the index of them the caller built once for its document)."""
    if dates is None:
        facts = get_facts(span.doc, "dates")
        if facts is None:
            dates = DateIndex(find_dates(span.doc[span.start : span.end].as_doc()))
            fact = dates.first_within(0, len(span.text))
        else:
            fact = DateIndex(facts).first_within(span.start_char, span.end_char)
    else:
        fact = dates.first_within(span.start_char, span.end_char)
    if fact is not None:
        fields = fact.model_dump(exclude={"start", "stop", "text", "block"})
        return Period(**{**fields, **phrase.model_dump()})
    return Period(**phrase.model_dump())


# ---------------------------------------------------------------- the component


class DateExtractor(DocComponent):
    """Sets ``doc._.dates`` (the date facts) and ``doc._.newsnlp_dateline`` (the article's date
    read from a date line, as an ISO string "2026-12-01", or None)."""

    def __call__(self, doc: Doc) -> Doc:
        scanner = Scanner(doc)
        found = scanner.scan()
        set_facts(doc, "dates", [scanner.fact(expression) for expression in found])
        published = dateline(scanner, found)
        doc._.newsnlp_dateline = published.isoformat() if published is not None else None
        return doc


@Language.factory(
    "newsnlp_dates",
    default_config={},
    requires=["token.lemma", "token.morph"],
    assigns=["doc._.newsnlp_dates", "doc._.newsnlp_dateline"],
)
def make_dates(nlp: Language, name: str) -> DateExtractor:
    """Factory of the date fact extractor."""
    return DateExtractor()
