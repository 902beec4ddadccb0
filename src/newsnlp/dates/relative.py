"""Relative dates: "вчера вечером", "накануне", "в пятницу", "в прошлом году", "через два
дня", "за год", "за последние 5 лет", "13 часов назад"."""

from __future__ import annotations

from typing import Any

from .calendar import CalendarReader
from .lexicon import (
    _COUPLE,
    _DAY_PARTS,
    _DEMONSTRATIVES,
    _EVE,
    _HALF_WORDS,
    _LAST,
    _PARTS,
    _POINTED_FORMS,
    _POINTED_NOUNS,
    _SINGULAR,
    _WEEKDAY_PREPOSITIONS,
    DAY_WORDS,
    UNITS,
    WEEKDAYS,
    WEEKDAYS_OBLIQUE,
    shift_of,
)
from .tokens import Found


class RelativeReader(CalendarReader):
    """The relative-date patterns, over the calendar ones."""

    def day_word(self, i: int) -> Found | None:
        """ "вчера", "сегодня вечером", "накануне" (not "накануне выборов": another event)."""
        text = self.lower(i)
        if text not in DAY_WORDS and text != _EVE:
            return None
        stop = i + 1 + (self.lower(i + 1) in _DAY_PARTS and self.joins(i + 1))
        if text == _EVE and self.lemma(i + 1) in UNITS:
            return None  # "накануне выборов" names another event
        day = Found(i, stop, {"relative": True, "unit": "day", "shift": DAY_WORDS.get(text, -1)})
        return self.timed(day)

    def shifted_unit(self, i: int) -> Found | None:
        """ "в прошлом году", "на следующей неделе", "в этом месяце"."""
        shift = shift_of(self.lower(i))
        if shift is not None and self.lower(i + 1) in _SINGULAR and self.joins(i + 1):
            unit = UNITS[self.lemma(i + 1)]
            return Found(i, i + 2, {"relative": True, "unit": unit, "shift": shift})
        return None

    def shifted_year(self, i: int) -> Found | None:
        """ "этого года", "прошлого года", "с.г."."""
        year = self.relative_year(i)
        if year is None:
            return None
        return Found(i, year[0], {"relative": True, "unit": "year", "shift": year[1]})

    def results(self, i: int) -> Found | None:
        """ "по итогам девяти месяцев": the months counted from the start of the year."""
        if self.lower(i) in ("итогам", "итогах") and self.number_at(i + 1) is not None:
            return self.counted(i)
        return None

    def current_unit(self, i: int) -> Found | None:
        """ "с начала года", "до конца месяца", "по итогам года": the current one."""
        if self.lower(i) in _PARTS and self.lower(i + 1) in _SINGULAR and self.joins(i + 1):
            after = i + 2
            if self.year_at(after) is None and shift_of(self.lower(after)) is None:
                unit = UNITS[self.lemma(i + 1)]
                return Found(i, i + 2, {"relative": True, "unit": unit, "shift": 0})
        return None

    def unit_ago(self, i: int) -> Found | None:
        """ "год назад", "неделю назад": one unit back."""
        if self.lower(i) in _SINGULAR and self.lower(i + 1) == "назад" and self.joins(i + 1):
            unit = UNITS[self.lemma(i)]
            return Found(i, i + 2, {"relative": True, "unit": unit, "shift": -1})
        return None

    def counted_back(self, i: int) -> Found | None:
        """ "за год", "через два дня", "за последние 5 лет", "последние три месяца"."""
        if self.lower(i) in ("за", "через") or self.lower(i) in _LAST:
            return self.counted(i)
        return None

    def pointed(self, i: int) -> Found | None:
        """A day (or week, month, year) the text points back at: "в тот же вечер", "в ту
        ночь", "в этот день", "тем же утром", "в тот же год"; relative, with no shift (the
        day is the one the text told of before, not the article's)."""
        text = self.lower(i)
        j = i + 1 + (self.lower(i + 1) == "же" and self.joins(i + 1))
        noun = self.lower(j)
        if text not in _DEMONSTRATIVES or noun not in _POINTED_FORMS or not self.joins(j):
            return None
        unit = _POINTED_NOUNS.get(self.lemma(j))
        if unit is None or (unit != "day" and text.startswith("эт")):
            return None  # "в этом году", "на этой неделе": the article's own (``relative``)
        if noun in _DAY_PARTS or noun == "днем":
            if text not in ("тем", "той", "этим"):  # "тем же вечером", "той ночью"
                return None
        elif self.lower(i - 1) not in ("в", "во", "на") or not self.joins(i):
            return None
        shift = 0 if text == "этим" else None  # "этим утром": today's
        return Found(i, j + 1, {"relative": True, "unit": unit, "shift": shift})

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
            fields = {"relative": True, "unit": unit, "shift": shift}
            if count is not None and self.lower(j - 1) in _COUPLE:
                fields["approx"] = "about"  # "через пару лет"
            return Found(i, j + 1, fields)
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
