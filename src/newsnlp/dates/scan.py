"""The scan: every time expression of a document, in order, none overlapping, and its fact."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

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

    def at(self, i: int) -> Found | None:
        """The time expression starting at token ``i``, if any."""
        found = self.calendar(i) or self.relative(i)
        if found is not None:
            return found
        found = self.duration(i)
        if found is not None and self.lower(found.stop) == "назад":
            return self.ago(found) or found
        return found or self.adjective(i)

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
        found: list[Found] = []
        strong = [
            _strong_form(lower) or lemma in _STRONG_LEMMAS
            for lower, lemma in zip(self.lowers, self.lemmas)
        ]
        i = 0
        while i < self.n:
            if not strong[i]:
                lower = self.lowers[i]
                pointed = self.pointed(i) if lower in _DEMONSTRATIVES else None
                if pointed is not None:
                    found.append(pointed)
                    i = pointed.stop
                    continue
                lead = lower in _LEADS or (
                    lower in ("в", "на") and i + 1 < self.n and self.lowers[i + 1] in _DURING
                )
                if not (lead and any(strong[i + 1 : i + 4])):
                    i += 1
                    continue
            match = self.at(i) or self.listed(i) or self.listed_years(i)
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
        doc_first, doc_last = self.arrays.doc_index(found.first), self.arrays.doc_index(last)
        text = self.doc[doc_first : doc_last + 1].text[: stop - start]
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


def find_dates(doc: Doc) -> list[DateFact]:
    """Every date, range, relative date and duration of a tokenized, lemmatized document."""
    scanner = Scanner(doc)
    return [scanner.fact(found) for found in scanner.scan()]
