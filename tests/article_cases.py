"""Shared harness of the people-in-genres test files: each case is an article of our own with
the exact sorted list of `article.people` and, for some names, their number of mentions."""

from __future__ import annotations

from collections.abc import Sequence

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


def analysed(cases: Sequence[Case]) -> dict[str, newsnlp.Article]:
    """Every case's article analysed once, by key."""
    return {key: newsnlp.analyze(text) for key, text, _, _ in cases}


def check_people(article: newsnlp.Article, expected: list[str], counts: dict[str, int]) -> None:
    """The article lists exactly ``expected`` people, and the named ones with these mentions."""
    people = article.people
    assert sorted(person.name for person in people) == expected
    found = {person.name: len(person.mentions) for person in people}
    assert {name: found.get(name) for name in counts} == counts
