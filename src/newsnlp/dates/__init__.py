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

The steps, a module each: ``lexicon`` (the words and forms), ``tokens`` (the arrays and a cursor
over them), ``calendar``, ``relative``, ``durations`` (the patterns, each reader over the one
before), ``scan`` (the scan and its facts), ``dateline``, ``resolve``, ``periods`` and
``component`` (the spaCy component).
"""

from __future__ import annotations

from .component import DateExtractor
from .dateline import dateline
from .lexicon import (
    DAY_WORDS,
    MONTHS,
    ORDINALS,
    SEASONS,
    SHIFTS,
    UNITS,
    WEEKDAYS,
    WEEKDAYS_OBLIQUE,
    YEAR_WORDS,
    shift_of,
)
from .periods import DateIndex, period_of
from .resolve import resolve
from .scan import RULES, Scanner, explain, find_dates
from .tokens import Found, TokenArrays, TokenReader

__all__ = [
    "RULES",
    "DAY_WORDS",
    "MONTHS",
    "ORDINALS",
    "SEASONS",
    "SHIFTS",
    "UNITS",
    "WEEKDAYS",
    "WEEKDAYS_OBLIQUE",
    "YEAR_WORDS",
    "DateExtractor",
    "DateIndex",
    "Found",
    "Scanner",
    "TokenArrays",
    "TokenReader",
    "dateline",
    "explain",
    "find_dates",
    "period_of",
    "resolve",
    "shift_of",
]
