"""The lexicons in models/lexicons/*.txt: one table for each kind of word, read once."""

from __future__ import annotations

import re

import pytest

import newsnlp
from newsnlp import layout, lexicons
from newsnlp.dates import lexicon as dates_lexicon
from newsnlp.percentages import lexicon as percentages_lexicon


def test_twelve_months_in_order_with_their_forms() -> None:
    months = lexicons.months()
    assert [month.lemma for month in months[:3]] == ["январь", "февраль", "март"]
    assert months[4].forms[:2] == ("май", "мая")
    assert months[8].abbreviations == ("сен", "сент")
    assert [month.stem for month in months[2:5]] == ["март", "апрел", "ма[йяею]"]


def test_every_reader_takes_its_months_from_the_one_table() -> None:
    assert dates_lexicon.MONTHS["ноября"] == 11
    assert dates_lexicon.MONTHS["маем"] == 5
    assert "июль" in percentages_lexicon._TIME_LEMMAS
    assert percentages_lexicon._MONTH_RANGE.match("января–марта")
    assert re.fullmatch(layout._MONTHS, "сент.")
    assert re.fullmatch(layout._MONTHS, "августа")


def test_words_of_change_are_read_from_their_files() -> None:
    assert {"вырасти", "подорожание", "превысить"} <= percentages_lexicon.UP
    assert {"снизиться", "обвал"} <= percentages_lexicon.DOWN
    assert not percentages_lexicon.UP & percentages_lexicon.DOWN


def test_a_lexicon_name_is_a_plain_identifier() -> None:
    with pytest.raises(ValueError, match="plain identifier"):
        lexicons.lexicon_path("../months")
    with pytest.raises(FileNotFoundError, match="lexicon 'no_such_list' not found"):
        lexicons.lexicon_path("no_such_list")


def test_one_approximation_table_for_every_fact() -> None:
    """ "не более" is less_than (at most) for a percentage and a duration alike."""
    article = newsnlp.analyze(
        "Цены вырастут не более чем на 4 %, а ремонт займёт не более трёх месяцев."
    )
    assert [fact.approx for fact in article.percentages] == ["less_than"]
    assert [(fact.text, fact.approx) for fact in article.dates] == [
        ("не более трёх месяцев", "less_than")
    ]
    before, after_not = lexicons.approximations()
    assert (before["более"], after_not["более"], after_not["менее"]) == (
        "more_than",
        "less_than",
        "more_than",
    )
    assert dates_lexicon._APPROX is before
    assert percentages_lexicon._APPROX_BEFORE is before
