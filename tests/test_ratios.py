"""Ratios as facts (changes and shares without a percent sign): each construction with sentences
of our own."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.schema import Ratio


def ratios(text: str) -> list[Ratio]:
    article = newsnlp.analyze(text)
    for fact in article.ratios:
        assert text[fact.start : fact.stop] == fact.text
        if fact.subject is not None:
            assert text[fact.subject.start : fact.subject.stop] == fact.subject.text
    return article.ratios


def one(text: str) -> Ratio:
    found = ratios(text)
    assert len(found) == 1, found
    return found[0]


def reading(fact: Ratio) -> tuple:
    lemma = fact.subject.lemma if fact.subject is not None else None
    return (fact.text, fact.value, fact.unit, fact.kind, fact.direction, lemma)


# ---------------------------------------------------------------- factors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Импорт фруктов из Турции вырос в полтора раза.",
            ("полтора раза", 1.5, "times", "change", "up", "импорт"),
        ),
        (
            "Выручка сети сократилась в 2,5 раза за год.",
            ("2,5 раза", 2.5, "times", "change", "down", "выручка"),
        ),
        (
            "Число туристов в Карелии увеличилось в три раза.",
            ("три раза", 3.0, "times", "change", "up", "число"),
        ),
        (
            "В 1,2 раза выросли продажи тракторов.",
            ("1,2 раза", 1.2, "times", "change", "up", "продажа"),
        ),
    ],
)
def test_factors_of_a_change(text: str, expected: tuple) -> None:
    assert reading(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Штрафы за парковку подняли вдвое.",
            ("вдвое", 2.0, "times", "change", "up", "штраф"),
        ),
        (
            "Очередь на операции сократилась втрое.",
            ("втрое", 3.0, "times", "change", "down", "очередь"),
        ),
        (
            "Аренда здесь вчетверо дешевле, чем в центре.",
            ("вчетверо", 4.0, "times", "change", "down", "аренда"),
        ),
    ],
)
def test_multiplied_adverbs(text: str, expected: tuple) -> None:
    assert reading(one(text)) == expected


def test_vague_factors_have_no_value() -> None:
    fact = one("Тарифы на вывоз мусора выросли в несколько раз.")
    assert (fact.value, fact.low, fact.high, fact.kind, fact.direction) == (
        None,
        None,
        None,
        "change",
        "up",
    )
    assert one("Цены на жильё за пять лет выросли в разы.").text == "разы"


def test_ranges_and_approximations() -> None:
    fact = one("Цены на рыбу в регионах могут отличаться в 2–3 раза.")
    assert (fact.value, fact.low, fact.high, fact.direction) == (None, 2.0, 3.0, "none")
    assert one("Сбор урожая упал почти вдвое.").approx == "about"
    assert one("Поток машин вырос более чем в три раза.").approx == "more_than"
    assert one("Расходы надо поднять минимум в два раза.").approx == "more_than"
    assert one("Тираж вырос в два с лишним раза.").approx == "more_than"


# ---------------------------------------------------------------- comparatives


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Бензин на островах в 1,7 раза дороже, чем на материке.",
            ("1,7 раза", 1.7, "times", "change", "up", "бензин"),
        ),
        (
            "Зарплаты в селе в два раза ниже, чем в городе.",
            ("два раза", 2.0, "times", "change", "down", "зарплата"),
        ),
        (
            "Этот показатель ниже в 2,5 раза.",
            ("2,5 раза", 2.5, "times", "change", "down", "показатель"),
        ),
        (
            "В этом году в парке посадили в три раза больше деревьев.",
            ("три раза", 3.0, "times", "change", "up", "дерево"),
        ),
    ],
)
def test_comparatives(text: str, expected: tuple) -> None:
    fact = one(text)
    assert reading(fact) == expected
    assert fact.predicate in ("дороже", "ниже", "больше")


@pytest.mark.parametrize(
    ("text", "direction", "predicate"),
    [
        ("Экспорт угля превысил прошлогодний в 1,3 раза.", "up", "превысить"),
        ("Зарплаты медиков отстают в полтора раза.", "down", "отставать"),
        ("Новый мост в два раза длиннее старого.", "up", "длиннее"),
        ("Отец в три раза старше сына.", "up", "старше"),
        ("Сёстры видятся в четыре раза реже, чем раньше.", "down", "реже"),
    ],
)
def test_comparing_words(text: str, direction: str, predicate: str) -> None:
    fact = one(text)
    assert (fact.kind, fact.direction, fact.predicate) == ("change", direction, predicate)


def test_a_factor_stated_as_a_value() -> None:
    fact = one("Разрыв в доходах достигает восьми раз.")
    assert (fact.text, fact.value, fact.direction) == ("восьми раз", 8.0, "none")
    fact = one("Рост выручки составил 1,6 раза.")
    assert (fact.value, fact.kind) == (1.6, "change")


def test_a_listed_factor_takes_the_change_before_it() -> None:
    found = ratios("Число краж снизилось в 3 раза, а угонов машин — в 1,5 раза.")
    assert [(f.value, f.kind, f.direction, f.predicate) for f in found] == [
        (3.0, "change", "down", "снизиться"),
        (1.5, "change", "down", "снизиться"),
    ]


def test_a_factor_listed_after_a_participle_phrase_takes_the_change_before_it() -> None:
    found = ratios(
        "Смертность снизилась в 2 раза среди опрошенных детей и в 1,5 раза среди пожилых."
    )
    assert [(f.value, f.direction, f.subject.lemma if f.subject else None) for f in found] == [
        (2.0, "down", "смертность"),
        (1.5, "down", "смертность"),
    ]


def test_factors_listed_before_one_times_word() -> None:
    found = ratios("Тарифы в трёх городах отличаются от средних в 4, 6 и 9 раз.")
    assert [(f.text, f.value) for f in found] == [("4", 4.0), ("6", 6.0), ("9 раз", 9.0)]


# ---------------------------------------------------------------- "-кратный"


@pytest.mark.parametrize(
    ("text", "mention", "value", "direction"),
    [
        ("Эксперты ждут двукратного роста цен на какао.", "двукратного", 2.0, "up"),
        ("Компания сообщила о трёхкратном снижении долга.", "трёхкратном", 3.0, "down"),
        ("Аналитики прогнозируют 10-кратный рост рынка.", "10-кратный", 10.0, "up"),
        ("Штрафы многократно выросли.", "многократно", None, "up"),
    ],
)
def test_multiple_adjectives_beside_a_change(
    text: str, mention: str, value: float | None, direction: str
) -> None:
    fact = one(text)
    assert (fact.text, fact.value, fact.unit, fact.kind, fact.direction) == (
        mention,
        value,
        "times",
        "change",
        direction,
    )


def test_multiple_adjectives_beside_no_change_are_not_ratios() -> None:
    assert ratios("Трёхкратный чемпион мира приехал в Тулу.") == []
    assert ratios("Двукратный олимпийский чемпион увеличил отрыв.") == []
    assert ratios("Многократно судимый мужчина снова задержан.") == []
    assert ratios("Он неоднократно нарушал правила.") == []


# ---------------------------------------------------------------- fractions of a base


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Проезд в пригородных поездах подорожал на треть.",
            ("треть", 0.333, "fraction", "change", "up", "проезд"),
        ),
        (
            "Число аварий на трассе сократилось на четверть.",
            ("четверть", 0.25, "fraction", "change", "down", "число"),
        ),
        (
            "Выпуск молока упал на две трети.",
            ("две трети", 0.667, "fraction", "change", "down", "выпуск"),
        ),
    ],
)
def test_fractions_of_a_change(text: str, expected: tuple) -> None:
    assert reading(one(text)) == expected


def test_halved() -> None:
    fact = one("Городские власти сократили расходы на праздники наполовину.")
    assert (fact.text, fact.value, fact.unit, fact.kind, fact.direction) == (
        "наполовину",
        0.5,
        "fraction",
        "change",
        "down",
    )
    assert ratios("Стакан был наполовину пуст.") == []


# ---------------------------------------------------------------- shares as fractions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Треть опрошенных не смогла назвать министра.",
            ("Треть", 0.333, "fraction", "level", "none", "опрошенный"),
        ),
        (
            "Половина жителей села работает в городе.",
            ("Половина", 0.5, "fraction", "level", "none", "житель"),
        ),
        (
            "Каждый пятый школьник занимается спортом.",
            ("Каждый пятый", 0.2, "fraction", "level", "none", "школьник"),
        ),
        (
            "Пятая часть бюджета уходит на дороги.",
            ("Пятая часть", 0.2, "fraction", "level", "none", "бюджет"),
        ),
        (
            "Три четверти из них вернулись домой.",
            ("Три четверти", 0.75, "fraction", "level", "none", "они"),
        ),
    ],
)
def test_shares_are_levels(text: str, expected: tuple) -> None:
    assert reading(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "mention", "lemma"),
    [
        (
            "Опрос охватил 1600 пенсионеров. 35 % пенсионеров копят деньги. "
            "Каждый пятый признался, что помогает внукам.",
            "Каждый пятый",
            "пенсионер",
        ),
        (
            "Две трети студентов работают. Ещё четверть ищут работу.",
            "четверть",
            "студент",
        ),
    ],
)
def test_a_share_without_its_group_counts_the_group_of_the_share_before(
    text: str, mention: str, lemma: str
) -> None:
    fact = next(fact for fact in ratios(text) if fact.text == mention)
    assert fact.kind == "level" and fact.subject is not None and fact.subject.lemma == lemma


def test_more_than_half() -> None:
    fact = one("Более половины (54 %) пенсионеров получают надбавку.")
    assert (fact.approx, fact.kind, fact.subject.lemma if fact.subject else None) == (
        "more_than",
        "level",
        "пенсионер",
    )


# ---------------------------------------------------------------- not ratios


@pytest.mark.parametrize(
    "text",
    [
        "Команда в третий раз стала чемпионом.",
        "Поезд ходит два раза в неделю.",
        "Он ни разу не был в Сочи.",
        "Она пять раз выигрывала этот турнир.",
        "Ещё раз напомним правила.",
        "Работы закончат в первой половине года.",
        "Город строили четверть века.",
        "Сделка стоит четверть миллиарда долларов.",
        "Ставку снизили на четверть процентного пункта.",
        "Рынок работает каждое второе воскресенье.",
        "Бригада выходит на смену каждый третий день.",
        "Встреча началась в половине девятого.",
        "Вышла вторая часть сериала.",
    ],
)
def test_what_is_not_a_ratio(text: str) -> None:
    assert ratios(text) == []


def test_a_ratio_has_its_period_and_places() -> None:
    fact = one("В 2025 году экспорт зерна из Омской области вырос в 1,5 раза.")
    assert fact.period is not None and fact.period.year == 2025
    assert fact.places == ["Омская область"]


def test_ratio_sentences_are_parsed_and_blocks_set() -> None:
    article = newsnlp.analyze("Цены на жильё выросли вдвое.")
    assert [fact.block for fact in article.ratios] == ["story"]
    assert article.story().ratios == article.ratios and article.around().ratios == []
