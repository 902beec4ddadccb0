"""Durations: "12 лет", "около девяти месяцев", "полтора года", "в течение года", "двое
суток", "2 часа 30 минут"."""

from __future__ import annotations

from typing import Any

from .lexicon import (
    _APPROX,
    _DAY_PART_HOURS,
    _HALF_WORDS,
    _HOUR_FORMS,
    _LAST,
    _NOT_APPROX,
    _SINGULAR,
    MONTHS,
)
from .relative import RelativeReader
from .tokens import Found


class DurationReader(RelativeReader):
    """The duration patterns, over the relative and calendar ones."""

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
