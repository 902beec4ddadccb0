"""The structured period of a percentage's time phrase, from the date facts it holds."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Span

from ..extensions import get_facts
from ..schema import DateFact, Period, Phrase
from .scan import find_dates


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
