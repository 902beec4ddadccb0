"""Calendar points and ranges: "1 января 2011 года", "в мае 2009 года", "12.03.2024", "в
третьем квартале", "осенью 2004 года", "в 90-х годах", "в XIX веке", "в 19:28", "с 1 по 15 июля",
"в 2012–2014 годах", "с 10 до 18 часов"."""

from __future__ import annotations

from typing import Any

from .._numerals import DASHES
from .lexicon import (
    _BARE_YEAR_PREPOSITIONS,
    _BEFORE_TIME,
    _CLOCK,
    _DAY_PART_HOURS,
    _DAY_RANGE,
    _DECADE,
    _DECADE_RANGE,
    _HOUR_FORMS,
    _ISO_DATE,
    _MONTH_RANGE,
    _NUMERIC_DATE,
    _ORDINAL_DIGITS,
    _SINGULAR,
    _YEAR_RANGE,
    MONTHS,
    ORDINALS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    _roman,
    shift_of,
)
from .tokens import Cursor, Found


class CalendarReader(Cursor):
    """The calendar patterns over a document's tokens."""

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
                if self.joins(i) or self.doc[self.arrays.doc_index(i)].ent_type_ == "PER":
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

    def weekday_date(self, i: int) -> Found | None:
        """A weekday before a date: "в пятницу, 3 октября"."""
        weekday = WEEKDAYS.get(self.lower(i))
        if weekday is None:
            return None
        j = i + 1 + (self.lower(i + 1) == ",")
        after = self.point(j) if self.joins(j) else None
        if after is not None and "day" in after.fields:
            after.fields["weekday"] = weekday
            return Found(i, after.stop, after.fields)
        return None

    def clock_date(self, i: int) -> Found | None:
        """A time of day, a comma, then a date: "14:20, 3 октября 2025"."""
        clock = self.clock_at(i)
        comma = clock is not None and (
            self.lower(clock[0]) == "," or self.texts[clock[0] - 1].endswith(",")
        )
        if clock is not None and comma:
            j = clock[0] + (self.lower(clock[0]) == ",")
            after = self.point(j) if self.joins(j) else None
            if after is not None and "day" in after.fields and "hour" not in after.fields:
                fields = {**after.fields, "hour": clock[1], "minute": clock[2]}
                return Found(i, after.stop, fields)
        return None

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


def _compatible(first: dict, second: dict) -> bool:
    """Whether two points can be the ends of one range ("с 1995 по 2000 год", "с 1 по 15
    июля"): a bare day needs a month after it, a bare year a year after it."""
    if set(first) == {"day"}:
        return "month" in second
    if set(first) == {"year"}:
        return set(second) <= {"year"} and "year" in second
    return "year" not in first or "year" in second or "month" in second
