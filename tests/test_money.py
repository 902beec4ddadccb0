"""Amounts of money as facts: each pattern with sentences of our own."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.schema import Money


def money(text: str) -> list[Money]:
    article = newsnlp.analyze(text)
    for fact in article.money:
        assert text[fact.start : fact.stop] == fact.text
        if fact.subject is not None:
            assert text[fact.subject.start : fact.subject.stop] == fact.subject.text
    return article.money


def one(text: str) -> Money:
    found = money(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention", "amount", "currency"),
    [
        ("Билет стоит 1200 рублей.", "1200 рублей", 1200.0, "RUB"),
        ("Бюджет города — 5,3 млн руб. в год.", "5,3 млн руб.", 5_300_000.0, "RUB"),
        ("Долг достиг 1,5 трлн рублей.", "1,5 трлн рублей", 1.5e12, "RUB"),
        ("Фонд получил $2,9 млрд от инвесторов.", "$2,9 млрд", 2.9e9, "USD"),
        ("Заём составил 28 млрд долларов США.", "28 млрд долларов США", 28e9, "USD"),
        ("Клуб заплатил полмиллиона евро.", "полмиллиона евро", 500_000.0, "EUR"),
        (
            "Сделка оценена в четверть миллиарда долларов.",
            "четверть миллиарда долларов",
            250e6,
            "USD",
        ),
        ("Завод стоил 40 млн юаней.", "40 млн юаней", 40e6, "CNY"),
        ("Премия составит 10 млн шведских крон.", "10 млн шведских крон", 10e6, "SEK"),
        ("Штраф равен 300 тыс. фунтов стерлингов.", "300 тыс. фунтов стерлингов", 300e3, "GBP"),
        ("Кофе стоит 250 ₽.", "250 ₽", 250.0, "RUB"),
        ("Он внёс 15 000 рублей.", "15 000 рублей", 15000.0, "RUB"),
        ("Им выделили десять миллиардов рублей.", "десять миллиардов рублей", 10e9, "RUB"),
        ("Продажи превысили миллион долларов.", "миллион долларов", 1e6, "USD"),
        ("Контракт на 3 млн канадских долларов подписан.", "3 млн канадских долларов", 3e6, "CAD"),
        ("Выкуп обошёлся в 2 млн швейцарских франков.", "2 млн швейцарских франков", 2e6, "CHF"),
        ("Цена — 99 EUR за ночь.", "99 EUR", 99.0, "EUR"),
    ],
)
def test_amounts(text: str, mention: str, amount: float, currency: str) -> None:
    fact = one(text)
    assert (fact.text, fact.currency) == (mention, currency)
    assert fact.amount == pytest.approx(amount)


def test_indeclinable_currencies_and_compound_amounts() -> None:
    found = money("Выделят 10 миллиардов тенге и 5 млн лари.")
    assert [(f.amount, f.currency) for f in found] == [(10e9, "KZT"), (5e6, "GEL")]
    fact = one("Фонд оценили в 2 млрд 300 млн рублей.")
    assert (fact.text, fact.amount) == ("2 млрд 300 млн рублей", 2.3e9)


def test_subunits() -> None:
    found = money("Билет стоит 45 рублей 50 копеек, марка — 70 центов.")
    assert [(f.text, f.amount, f.currency) for f in found] == [
        ("45 рублей 50 копеек", 45.5, "RUB"),
        ("70 центов", 0.7, "USD"),
    ]


def test_ranges() -> None:
    fact = one("Ремонт обойдётся в 7–9 тыс. долларов.")
    assert (fact.amount, fact.low, fact.high, fact.currency) == (None, 7000.0, 9000.0, "USD")
    fact = one("Инвестиции составят от 100 до 200 млн рублей.")
    assert (fact.low, fact.high, fact.currency) == (100e6, 200e6, "RUB")


def test_a_change_from_one_level_to_another_gives_two_amounts() -> None:
    found = money("Долг сократился с 14 до 9,5 млрд евро.")
    assert [(f.amount, f.currency, f.kind) for f in found] == [
        (14e9, "EUR", "level"),
        (9.5e9, "EUR", "level"),
    ]


def test_a_bare_currency_word_takes_the_qualifier_the_article_gave_it() -> None:
    found = money("Доход составил 5 млн австралийских долларов, расходы — 3 млн долларов.")
    assert [f.currency for f in found] == ["AUD", "AUD"]


def test_a_crown_without_its_country_has_no_currency() -> None:
    assert one("Штраф — 500 крон.").currency is None


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("Компания заплатит около 100 млн долларов.", "about"),
        ("Он потратил более 2 млн рублей.", "more_than"),
        ("Убыток составил менее 300 тыс. евро.", "less_than"),
        ("Субсидии дадут до 50 тыс. рублей на семью.", "up_to"),
    ],
)
def test_approximations(text: str, approx: str) -> None:
    assert one(text).approx == approx


def test_a_rise_to_a_price_is_a_level_with_its_subject() -> None:
    fact = one("Проезд в автобусе подорожает до 70 рублей.")
    assert (fact.amount, fact.currency, fact.kind, fact.direction, fact.approx) == (
        70.0,
        "RUB",
        "level",
        "none",
        "exact",
    )
    assert (fact.subject and fact.subject.lemma, fact.predicate) == ("проезд", "подорожать")


def test_a_rise_by_an_amount_is_a_change() -> None:
    fact = one("Хлеб подорожал на 5 рублей.")
    assert (fact.kind, fact.direction, fact.predicate) == ("change", "up", "подорожать")
    assert fact.subject is not None and fact.subject.lemma == "хлеб"
    fact = one("Зарплаты снизились на 3 тыс. рублей.")
    assert (fact.kind, fact.direction) == ("change", "down")


def test_a_cost_is_a_level_of_what_costs() -> None:
    fact = one("Стоимость билета составит 900 рублей.")
    assert (fact.kind, fact.subject and fact.subject.lemma) == ("level", "стоимость")


def test_in_a_parsed_sentence_the_subject_is_not_the_currency() -> None:
    # the percentage makes the sentence parsed; "рублей" is the genitive of "млн" there
    fact = one("Прибыль выросла на 4 % и составила 12 млн рублей.")
    assert (fact.kind, fact.subject and fact.subject.lemma) == ("level", "прибыль")


def test_words_that_are_not_money() -> None:
    assert money("Курс доллара вырос, евро подешевел, рубль укрепился.") == []
    assert money("Миллионы людей увидели матч, пришли 5 млн зрителей.") == []
    assert money("Рубеж в 2000 метров взят.") == []


def test_empty_and_foreign_texts_have_no_money() -> None:
    assert money("") == []
    assert money("It cost $5 today.") == []  # no Russian word: an empty Article
    assert [(f.amount, f.currency) for f in money("Билет стоил $5.")] == [(5.0, "USD")]


# ---------------------------------------------------------------- no-break spaces, crypto


@pytest.mark.parametrize(
    ("text", "mention", "amount", "currency"),
    [
        ("Банк выдал заём на 47\u00a0млн рублей.", "47\u00a0млн рублей", 47e6, "RUB"),
        ("Штраф составит 15\u00a0000 рублей.", "15\u00a0000 рублей", 15_000.0, "RUB"),
        (
            "Экспорт принёс 3,2\u00a0млрд\u00a0долларов.",
            "3,2\u00a0млрд\u00a0долларов",
            3.2e9,
            "USD",
        ),
        ("Премия — 250 тыс.\u00a0рублей.", "250 тыс.\u00a0рублей", 250e3, "RUB"),
    ],
)
def test_a_no_break_space_inside_an_amount(
    text: str, mention: str, amount: float, currency: str
) -> None:
    fact = one(text)
    assert (fact.text, fact.amount, fact.currency) == (mention, amount, currency)


def test_a_range_written_with_no_break_spaces_gives_two_levels() -> None:
    found = money("Тариф вырос с 80 до 1250\u00a0руб. за месяц.")
    assert [(m.text, m.amount, m.currency) for m in found] == [
        ("80", 80.0, "RUB"),
        ("1250\u00a0руб.", 1250.0, "RUB"),
    ]


@pytest.mark.parametrize(
    ("text", "mention", "amount", "currency"),
    [
        ("Хакеры похитили 120 биткоинов.", "120 биткоинов", 120.0, "BTC"),
        ("Фонд держит 2,5 тыс. биткойнов.", "2,5 тыс. биткойнов", 2500.0, "BTC"),
        ("На кошелёк пришло 300 эфириумов.", "300 эфириумов", 300.0, "ETH"),
        ("Выкуп потребовали в размере 5 BTC.", "5 BTC", 5.0, "BTC"),
    ],
)
def test_cryptocurrencies_take_their_exchange_ticker(
    text: str, mention: str, amount: float, currency: str
) -> None:
    fact = one(text)
    assert (fact.text, fact.amount, fact.currency) == (mention, amount, currency)


def test_a_broadcast_is_not_a_cryptocurrency() -> None:
    assert money("В эфире телеканала выступил министр.") == []
