"""A city written in full once and by a part of its name elsewhere (issue 20): one entry,
listed under the full form, the short one kept as an alias.

The linker joins "Санкт-Петербург" and "Петербург" (the gazetteer knows the short form as the
city's); the entry takes the longer form of which the other is a hyphen-joined part at its start
or end ("Ростов" of "Ростов-на-Дону"), or, for a linked city, a space-joined part
("Новгород" of "Великий Новгород"). Places the linker keeps apart stay apart. Sentences are our
own.
"""

from __future__ import annotations

import pytest

import newsnlp

FULL_THEN_SHORT = [
    (
        "В Санкт-Петербурге открылся книжный салон. Петербург принимает издателей "
        "третий год подряд, а жители Петербурга раскупили тиражи.",
        "Санкт-Петербург",
        "Петербург",
    ),
    (
        "Новый мост через реку построили в Ростове-на-Дону. Ростов ждал его десять лет. "
        "В Ростове движение откроют весной.",
        "Ростов-на-Дону",
        "Ростов",
    ),
    (
        "Густой туман накрыл Франкфурт-на-Майне утром. Франкфурт закрыл обе полосы, "
        "и из Франкфурта пассажиров повезли автобусами.",
        "Франкфурт-на-Майне",
        "Франкфурт",
    ),
    (
        "Сапёры вошли в Ар-Ракку на рассвете. В Ракке разбирают завалы, Ракка постепенно оживает.",
        "Ар-Ракка",
        "Ракка",
    ),
    (
        "В Великом Новгороде реставрируют Софийский собор. Новгород ждёт туристов к лету, "
        "в Новгороде открывают новые гостиницы.",
        "Великий Новгород",
        "Новгород",
    ),
]

# the short form first and more often: the full one still names the entry
SHORT_FIRST = [
    (
        "Петербург встретил участников форума дождём. Из Петербурга делегаты поедут в "
        "Выборг, а итоги подведут в Санкт-Петербурге.",
        "Санкт-Петербург",
    ),
    (
        "Ростов готовится к марафону. Бегуны пробегут по набережной Ростова, старт дадут "
        "в центре Ростова-на-Дону.",
        "Ростов-на-Дону",
    ),
]

# only the short form: it is listed as written
SHORT_ONLY = [
    ("Петербург принимает гостей, жители Петербурга довольны.", "Петербург"),
    ("Ростов готовится к марафону по набережной.", "Ростов"),
]


@pytest.mark.parametrize(("text", "name", "alias"), FULL_THEN_SHORT)
def test_full_form_names_the_entry(text: str, name: str, alias: str) -> None:
    places = newsnlp.analyze(text).places
    assert [place.name for place in places] == [name]
    assert places[0].aliases == [alias]
    assert len(places[0].mentions) == 3


@pytest.mark.parametrize(("text", "name"), SHORT_FIRST)
def test_full_form_wins_when_written_later(text: str, name: str) -> None:
    names = [place.name for place in newsnlp.analyze(text).places]
    assert name in names
    assert not any(other != name and name.endswith(other) for other in names)


@pytest.mark.parametrize(("text", "name"), SHORT_ONLY)
def test_short_form_alone_stays(text: str, name: str) -> None:
    assert [place.name for place in newsnlp.analyze(text).places] == [name]


def test_different_places_stay_apart() -> None:
    text = "Поезд из Нижнего Новгорода пришёл в Москву. В Новгороде его не ждали."
    names = [place.name for place in newsnlp.analyze(text).places]
    assert "Нижний Новгород" in names
    assert "Москва" in names
