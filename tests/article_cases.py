"""Shared harness of the whole-article test files (people in genres, entity lists, linking):
each case is an article of our own, keyed, with the exact lists it must give."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

import newsnlp

Case = tuple[str, str, list[str], dict[str, int]]


def article_cases(cases: Sequence[Case], xfail: dict[str, str]) -> list[object]:
    """One pytest param per case (key, expected, counts), strict xfail where ``xfail`` names it."""
    return [
        pytest.param(
            key,
            expected,
            counts,
            id=key,
            marks=[pytest.mark.xfail(strict=True, reason=xfail[key])] if key in xfail else [],
        )
        for key, _, expected, counts in cases
    ]


def check_people(article: newsnlp.Article, expected: list[str], counts: dict[str, int]) -> None:
    """The article lists exactly ``expected`` people, and the named ones with these mentions."""
    people = article.people
    assert sorted(person.name for person in people) == expected
    found = {person.name: len(person.mentions) for person in people}
    assert {name: found.get(name) for name in counts} == counts


def case_values(case: Any) -> tuple[Any, ...]:
    """A case's values, whether written as a tuple or wrapped in ``pytest.param`` (for a mark)."""
    return tuple(case.values) if hasattr(case, "values") else tuple(case)


def analysed_by_key(cases: Sequence[Any]) -> dict[str, newsnlp.Article]:
    """Every case (key, text, ...) analysed once, by key; a case may be a ``pytest.param``."""
    return {key: newsnlp.analyze(text) for key, text, *_ in map(case_values, cases)}


def case_ids(cases: Sequence[Any]) -> list[str]:
    """Each case's key, the test id."""
    return [case_values(case)[0] for case in cases]
