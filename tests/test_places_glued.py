"""Places listed right on long articles (issue 20, round 7): three mechanisms.

Sentences are our own, names not taken from ``../shared/data``.

- A preposition or an adverb opening a sentence is no place, and a common noun after a place's
  name is no part of it ("Вокруг Гвадалахары холмы ..." lists only Гвадалахара).
- A foreign town's name that does not decline, after "города", "посёлка", is listed as written
  ("жители города Лоди"), not read as some noun's dative; the gazetteer holds no town under a
  name cut short by its last vowel (Palu as "Пал").
- An unknown capitalized word after "у", "возле", "близ" is a place when no reading pymorphy3
  guesses for it is a person's; a known or guessed surname there stays a person.
"""

from __future__ import annotations

import gzip

import pytest

import newsnlp
from newsnlp.gazetteer import default_artifact_path, default_gazetteer

OPENING_PREPOSITIONS = [
    ("Вдоль Иртыша тянутся заливные луга.", ["Иртыш"]),
    ("Возле Калуги стоят новые склады.", ["Калуга"]),
    ("Напротив Севастополя видны военные корабли.", ["Севастополь"]),
    ("Около Саратова поля уже убраны.", ["Саратов"]),
    ("Вокруг Гвадалахары холмы поросли кактусами.", ["Гвадалахара"]),
]

UNDECLINED_AFTER_TOWN_NOUN = [
    ("Жители города Лоди вышли на площадь.", ["Лоди"]),
    ("Гуманитарный груз прибыл в порт из города Кело.", ["Кело"]),
    ("Мэр города Тулы открыл сквер.", ["Тула"]),
    ("Туристы из города Сочи вернулись домой.", ["Сочи"]),
]

NEAR_PREPOSITIONS = [
    ("Отряды закрепились близ Вальдеморильоса.", ["Вальдеморильос"]),
    ("Бои шли около Кармагуэльса.", ["Кармагуэльс"]),
    ("Колонна остановилась близ Тортосильи.", ["Тортосилья"]),
    ("Лагерь беженцев разбит возле Сальдоньяса.", ["Сальдоньяс"]),
]

PEOPLE_AFTER_U = [
    ("Документы остались у Петрова.", ["Петров"]),
    ("Интервью взяли у Смитсона.", ["Смитсон"]),
    ("Рукопись хранилась у Макгрегора.", ["Макгрегор"]),
    # unknown surnames pymorphy3 guesses as inanimate nouns: "у" takes an owner
    ("У Макгайвера есть алиби, считает следователь.", ["Макгайвер"]),
    ("Мяч оказался у Ковальчика, и тот забил.", ["Ковальчик"]),
    ("Деньги нашли у Тарвальдена в машине.", ["Тарвальден"]),
]


@pytest.mark.parametrize(("text", "expected"), OPENING_PREPOSITIONS)
def test_opening_preposition_and_glued_noun(text: str, expected: list[str]) -> None:
    assert [place.name for place in newsnlp.analyze(text).places] == expected


@pytest.mark.parametrize(("text", "expected"), UNDECLINED_AFTER_TOWN_NOUN)
def test_undeclined_town_after_its_noun(text: str, expected: list[str]) -> None:
    assert [place.name for place in newsnlp.analyze(text).places] == expected


@pytest.mark.parametrize(("text", "expected"), NEAR_PREPOSITIONS)
def test_unknown_word_after_near_preposition(text: str, expected: list[str]) -> None:
    assert [place.name for place in newsnlp.analyze(text).places] == expected


@pytest.mark.parametrize(("text", "expected"), PEOPLE_AFTER_U)
def test_person_after_u_stays(text: str, expected: list[str]) -> None:
    article = newsnlp.analyze(text)
    assert [person.name for person in article.people] == expected
    assert article.places == []


def test_gazetteer_has_no_truncated_town() -> None:
    # Palu (Indonesia) and Kelo (Chad): GeoNames spells them without the last vowel
    assert [entry.name for entry in default_gazetteer().lookup("Палу")] == ["Палу"]
    assert [entry.name for entry in default_gazetteer().lookup("Кело")] == ["Кело"]
    assert "Пал" not in [entry.name for entry in default_gazetteer().lookup("Пал")]


def test_gazetteer_artifact_readable() -> None:
    with gzip.open(default_artifact_path(), "rt", encoding="utf-8") as lines:
        assert next(lines).startswith("id\tname\tkind")
