"""The article's date from a date line of its text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .scan import Scanner
from .tokens import Found

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
