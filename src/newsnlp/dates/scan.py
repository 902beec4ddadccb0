"""The scan: every time expression of a document, in order, none overlapping, and its fact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from .._batch import doc_text
from ..schema import DateFact, DatePoint
from .durations import DurationReader
from .lexicon import (
    _BARE_YEAR_PREPOSITIONS,
    _DEMONSTRATIVES,
    _DURING,
    _INT,
    _LEADS,
    _STRONG_LEMMAS,
    YEAR_WORDS,
    _strong_form,
)
from .tokens import Found


class Scanner(DurationReader):
    """The token arrays of one document and every pattern over them."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self.years: dict[int, int] = {}  # bare years of a list (``listed_years``) by token
        self.durations: dict[int, Found | None] = {}  # ``duration_at`` by token

    def duration_at(self, i: int) -> Found | None:
        """The length of time at ``i`` ("три года", "около часа"), read once per token."""
        if i not in self.durations:
            self.durations[i] = self.duration(i)
        return self.durations[i]

    def ago_at(self, i: int) -> Found | None:
        """A length of time before "назад": "три года назад" (a relative date)."""
        found = self.duration_at(i)
        if found is None or self.lower(found.stop) != "назад":
            return None
        return self.ago(found)

    def at(self, i: int) -> Found | None:
        """The time expression starting at token ``i``, if any (the first rule that reads one)."""
        return self.decide(i)[0]

    def decide(self, i: int) -> tuple[Found | None, str]:
        """The time expression starting at token ``i`` and the name of the rule of
        :data:`RULES` that read it (the first in their order that reads one), or (None, "")."""
        for name, rule in RULES:
            found = rule(self, i)
            if found is not None:
                return found, name
        return None, ""

    def listed_years(self, i: int) -> Found | None:
        """A bare year in a list of years after a preposition, the list ending with a year word,
        a punctuation mark or the sentence: "2014" in "в 2012, 2014 и 2016", "в 2010 и в
        2014", "в 2008, 2012 годах"."""
        if i in self.years:
            return Found(i, i + 1, {"year": self.years[i]})
        if self.lower(i - 1) not in _BARE_YEAR_PREPOSITIONS or not self.joins(i):
            return None
        chain = [i]
        while True:
            last = chain[-1]
            if not _INT.match(self.lower(last)) and self.year_word(last + 1) == last + 1:
                break  # "2011-м": the list goes on only after a bare or ordinal year
            j = last + 1
            if not self.texts[last].endswith(","):
                if self.lower(j) not in (",", "и", "или") or not self.joins(j):
                    break
                j += 1
            j += self.lower(j) in _BARE_YEAR_PREPOSITIONS and self.joins(j + 1)
            if not self.joins(j) or self.year_at(j) is None:
                break
            chain.append(j)
        if len(chain) < 2:
            return None
        end = chain[-1] + 1
        if (
            self.joins(end)
            and self.lower(end) not in YEAR_WORDS
            and self.lower(end) not in ",.;:)»"
        ):
            if self.texts[end - 1][-1:] not in ",.":
                return None  # "в 2000 и 3000 метрах"
        for k in chain:
            if _INT.match(self.lower(k)):
                self.years[k] = int(self.lower(k))
        return Found(i, i + 1, {"year": self.years[i]}) if i in self.years else None

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
        return [found for found, _ in self.scan_explained()]

    def scan_explained(self) -> list[tuple[Found, str]]:
        """Every time expression of the document, in order, none overlapping, with the name of
        the rule that read it (a rule of :data:`RULES`, or "pointed": "в тот же день", or
        "clock_closing_span": "до 20 часов" after "с 8 часов")."""
        found: list[Found] = []
        rules: list[str] = []
        # one byte a token (a list takes 8: a huge text has hundreds of thousands)
        strong = bytes(
            _strong_form(lower) or lemma in _STRONG_LEMMAS
            for lower, lemma in zip(self.lowers, self.lemmas)
        )
        i = 0
        while i < self.n:
            if not strong[i]:
                lower = self.lowers[i]
                pointed = self.pointed(i) if lower in _DEMONSTRATIVES else None
                if pointed is not None:
                    found.append(pointed)
                    rules.append("pointed")
                    i = pointed.stop
                    continue
                lead = lower in _LEADS or (
                    lower in ("в", "на") and i + 1 < self.n and self.lowers[i + 1] in _DURING
                )
                if not (lead and any(strong[i + 1 : i + 4])):
                    i += 1
                    continue
            match, rule = self.decide(i)
            if match is None:
                i += 1
                continue
            if found and _closes_span(found[-1], match, self):
                match = Found(match.first, match.stop, {"hour": int(match.fields["amount"])})
                rule = "clock_closing_span"
            found.append(match)
            rules.append(rule)
            i = match.stop
        return list(zip(found, rules))

    def fact(self, found: Found) -> DateFact:
        """The :class:`DateFact` of one expression."""
        start = self.idx[found.first]
        last = found.stop - 1
        stop = (
            self.idx[last]
            + len(self.texts[last])
            - (len(self.texts[last]) - len(self.lowers[last]))
        )
        # the Doc's text from the first token on (what its Span's text starts with), not a Span
        # and a Token per word
        text = doc_text(self.doc)[start:stop]
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


def _fields(fields: dict[str, Any]) -> dict[str, Any]:
    result = dict(fields)
    for key in ("begin", "end"):
        if isinstance(result.get(key), dict):
            result[key] = DatePoint(**result[key])
    return result


Rule = Callable[[Scanner, int], Found | None]

RULES: tuple[tuple[str, Rule], ...] = (
    ("range", Scanner.range_at),  # "с 1 по 15 июля", "2012–2014 годах", "январь–октябрь"
    ("weekday_date", Scanner.weekday_date),  # "в пятницу, 3 октября"
    ("clock_date", Scanner.clock_date),  # "14:20, 3 октября 2025"
    ("date", Scanner.point),  # "1 января 2011 года", "в мае 2009 года", "12.03.2024", "2010 г."
    ("part_of_year", Scanner.part_of_year),  # "в третьем квартале 2025 года", "летом 2024 года"
    ("decade_or_century", Scanner.decade_or_century),  # "в 1990-е годы", "в XIX веке"
    ("clock", Scanner.clock),  # "в 15:30", "в 7 утра"
    ("pointed", Scanner.pointed),  # "в тот же день"
    ("day_word", Scanner.day_word),  # "вчера вечером", "накануне"
    ("weekday", Scanner.weekday),  # "в пятницу", "в минувшую среду"
    ("shifted_unit", Scanner.shifted_unit),  # "в прошлом году", "на следующей неделе"
    ("shifted_year", Scanner.shifted_year),  # "этого года", "с.г."
    ("results", Scanner.results),  # "по итогам девяти месяцев"
    ("current_unit", Scanner.current_unit),  # "с начала года", "до конца месяца"
    ("unit_ago", Scanner.unit_ago),  # "год назад"
    ("counted_back", Scanner.counted_back),  # "за год", "через два дня", "за последние 5 лет"
    ("ago", Scanner.ago_at),  # "три года назад"
    ("duration", Scanner.duration_at),  # "в течение 12 лет", "около девяти месяцев"
    ("adjective_duration", Scanner.adjective),  # "пятидневный визит"
    ("listed_day_or_year", Scanner.listed),  # "20" in "20 и 21 марта"
    ("listed_year", Scanner.listed_years),  # "2014" in "в 2012, 2014 и 2016 годах"
)
"""The rules that read a time expression at a token, in the order they are tried: the first
that reads one decides (a range before the date it starts with, a date before a length of
time, a length of time before an adjective)."""


def explain(doc: Doc) -> list[tuple[DateFact, str]]:
    """Every date fact of a tokenized, lemmatized document with the name of the rule that read
    it (``newsnlp analyze --explain``)."""
    scanner = Scanner(doc)
    return [(scanner.fact(found), rule) for found, rule in scanner.scan_explained()]


def find_dates(doc: Doc) -> list[DateFact]:
    """Every date, range, relative date and duration of a tokenized, lemmatized document."""
    scanner = Scanner(doc)
    return [scanner.fact(found) for found in scanner.scan()]
