"""Relative dates, weekdays and dates without a year resolved against the article's date."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from ..schema import DatePoint


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
