"""Percentages as facts: each phenomenon pinned with a sentence of our own."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp import percentages
from newsnlp._numerals import compound_adjective, digits, to_float, words_value
from newsnlp.schema import Percentage


def facts(text: str) -> list[Percentage]:
    article = newsnlp.analyze(text)
    for fact in article.percentages:
        assert text[fact.start : fact.stop] == fact.text
        for phrase in (fact.subject, fact.period):
            if phrase is not None:
                assert text[phrase.start : phrase.stop] == phrase.text
    return article.percentages


def one(text: str) -> Percentage:
    found = facts(text)
    assert len(found) == 1, found
    return found[0]


def lemma(fact: Percentage) -> str | None:
    return fact.subject.lemma if fact.subject is not None else None


def summary(fact: Percentage) -> tuple:
    return (fact.value, fact.kind, fact.direction, lemma(fact))


# ---------------------------------------------------------------- numbers


def test_digits_and_ranges() -> None:
    assert digits("66") == (66.0, None, None)
    assert digits("52,1") == (52.1, None, None)
    assert digits("20–25") == (None, 20.0, 25.0)
    assert digits("2-3") == (None, 2.0, 3.0)
    assert digits("пять") is None


def test_number_words() -> None:
    assert words_value(["сорок", "пять"]) == 45
    assert words_value(["сто", "двадцать", "три"]) == 123
    assert words_value(["полтора"]) == 1.5
    assert words_value(["пять", "три"]) is None
    assert words_value(["пятнадцать", "два"]) is None
    assert words_value([]) is None


def test_compound_adjectives() -> None:
    assert compound_adjective("10-процентная") == 10.0
    assert compound_adjective("2,5-процентный") == 2.5
    assert compound_adjective("пятипроцентный") == 5.0
    assert compound_adjective("стопроцентная") == 100.0
    assert compound_adjective("процентная") is None


def test_bad_number_is_named() -> None:
    with pytest.raises(ValueError, match="'abc'"):
        to_float("abc")


def test_triggers_cover_the_units() -> None:
    assert "%" in percentages.TRIGGERS
    assert "процент" in percentages.TRIGGERS  # процентов, процентного пункта, процентная


# ---------------------------------------------------------------- expressions and values


def test_percent_sign_offsets_and_text() -> None:
    text = "Выручка сети выросла на 12,5 % за год."
    fact = one(text)
    assert fact.text == "12,5 %"
    assert (fact.start, fact.stop) == (text.index("12,5"), text.index("%") + 1)
    assert fact.value == 12.5 and fact.unit == "percent"


def test_ranges() -> None:
    fact = one("Цены на хлеб выросли на 20–25%.")
    assert (fact.value, fact.low, fact.high) == (None, 20.0, 25.0)
    assert summary(fact)[1:] == ("change", "up", "цена")
    fact = one("Продажи упали на 2 - 3 %.")
    assert (fact.low, fact.high, fact.text) == (2.0, 3.0, "2 - 3 %")


def test_spelled_out_numbers() -> None:
    fact = one("Пять процентов акций компании принадлежат фонду.")
    assert (fact.value, fact.text, lemma(fact)) == (5.0, "Пять процентов", "акция")
    fact = one("Полтора процента жителей поддержали проект.")
    assert (fact.value, lemma(fact)) == (1.5, "житель")
    fact = one("Доля импорта выросла на сорок с лишним процентов.")
    assert (fact.value, fact.approx, fact.text) == (40.0, "more_than", "сорок с лишним процентов")
    assert summary(fact)[1:] == ("change", "up", "доля")
    fact = one("Урожай сократился на двадцать пять процентов.")
    assert summary(fact) == (25.0, "change", "down", "урожай")


def test_percent_adjectives() -> None:
    fact = one("Банк выдал кредит под 10-процентную ставку.")
    assert (fact.value, fact.text, fact.kind, lemma(fact)) == (
        10.0,
        "10-процентную",
        "level",
        "ставка",
    )
    fact = one("Клиенты получат 15%-ную скидку.")
    assert (fact.value, fact.text) == (15.0, "15%-ную")


def test_percentage_points() -> None:
    fact = one("Безработица снизилась на 1,2 процентного пункта.")
    assert (fact.value, fact.unit, fact.text) == (1.2, "percentage_point", "1,2 процентного пункта")
    assert summary(fact)[1:] == ("change", "down", "безработица")
    fact = one("Инфляция замедлилась на 0,5 п.п. за год.")
    assert (fact.value, fact.unit, fact.text) == (0.5, "percentage_point", "0,5 п.п.")
    assert (fact.kind, fact.direction) == ("change", "down")
    fact = one("Ставку подняли на 2 п. п.")
    assert (fact.unit, fact.direction) == ("percentage_point", "up")


def test_no_value_no_fact() -> None:
    assert facts("Высокий процент брака не устраивает завод.") == []
    assert facts("Процентная ставка по кредитам растёт.") == []


def test_multipliers_are_not_percentages() -> None:
    assert facts("Производство выросло вдвое, а экспорт — в 1,5 раза.") == []


def test_headline_without_final_period() -> None:
    text = "Зарплаты в Омске выросли на 12%\n\nТак сообщили в мэрии."
    fact = one(text)
    assert summary(fact) == (12.0, "change", "up", "зарплата")
    assert fact.places == ["Омск"]


# ---------------------------------------------------------------- approximation


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("Около 30 % жителей поддержали реформу.", "about"),
        ("Почти 30 % жителей поддержали реформу.", "about"),
        ("Порядка 30 % жителей поддержали реформу.", "about"),
        ("Более 30 % жителей поддержали реформу.", "more_than"),
        ("Свыше 30 % жителей поддержали реформу.", "more_than"),
        ("Не менее 30 % жителей поддержали реформу.", "more_than"),
        ("Менее 30 % жителей поддержали реформу.", "less_than"),
        ("До 30 % урожая экспортируют.", "up_to"),
        ("Выручка выросла более чем на 30 %.", "more_than"),
        ("Цены выросли в среднем на 30 %.", "exact"),
    ],
)
def test_approx(text: str, approx: str) -> None:
    assert one(text).approx == approx


def test_target_of_a_change_is_an_exact_level() -> None:
    fact = one("Доля завода на рынке должна возрасти до 10%.")
    assert (fact.approx, fact.kind, fact.direction, fact.predicate) == (
        "exact",
        "level",
        "none",
        "возрасти",
    )
    assert lemma(fact) == "доля"


def test_from_to_gives_two_levels_and_the_change() -> None:
    first, second = facts("Доля экспорта выросла с 10% до 15%.")
    assert [(f.value, f.kind, f.approx, f.predicate) for f in (first, second)] == [
        (10.0, "level", "exact", "вырасти"),
        (15.0, "level", "exact", "вырасти"),
    ]
    assert lemma(first) == lemma(second) == "доля"


# ---------------------------------------------------------------- change or level, subject


def test_change_verbs_and_subjects_from_the_parse() -> None:
    fact = one("За год внешнеторговый оборот Омской области с Китаем вырос на 30%.")
    assert summary(fact) == (30.0, "change", "up", "оборот")
    assert fact.subject is not None
    assert fact.subject.text == "внешнеторговый оборот Омской области с Китаем"
    assert fact.predicate == "вырасти"
    fact = one("Цены на лекарства снизились на 4%.")
    assert summary(fact) == (4.0, "change", "down", "цена")
    fact = one("Тарифы на воду подорожали на 9%.")
    assert (fact.predicate, fact.direction) == ("подорожать", "up")


def test_transitive_change_measures_its_object() -> None:
    fact = one("Завод намерен сократить выбросы на 30%.")
    assert summary(fact) == (30.0, "change", "down", "выброс")
    fact = one("Банк снизил ставку на 2%.")
    assert lemma(fact) == "ставка"


def test_change_nouns() -> None:
    fact = one("Рост цен на бензин составил 3%.")
    assert summary(fact) == (3.0, "change", "up", "цена")
    assert fact.predicate == "рост"
    fact = one("Правительство обещает рост зарплат на 5%.")
    assert summary(fact) == (5.0, "change", "up", "зарплата")


def test_comparative_is_a_change() -> None:
    fact = one("Молоко стало на 5% дешевле, чем год назад.")
    assert summary(fact) == (5.0, "change", "down", "молоко")
    fact = one("Бензин стал на 3% дороже.")
    assert (fact.kind, fact.direction) == ("change", "up")
    fact = one("На 15% больше туристов посетили Омск.")
    assert summary(fact) == (15.0, "change", "up", "турист")


def test_levels() -> None:
    fact = one("Доля фонда в компании составляет 40 процентов.")
    assert summary(fact) == (40.0, "level", "none", "доля")
    fact = one("Ключевая ставка ЦБ — 21%.")
    assert summary(fact) == (21.0, "level", "none", "ставка")
    fact = one("Однако 90 % жителей поддержали мэра.")
    assert summary(fact) == (90.0, "level", "none", "житель")
    fact = one("Компания купила ещё 5% акций банка.")
    assert summary(fact) == (5.0, "level", "none", "акция")


def test_candidate_and_result() -> None:
    fact = one("Иван Петров — 52,1 %")
    assert summary(fact) == (52.1, "level", "none", "петров")
    assert fact.subject is not None and fact.subject.text == "Иван Петров"


# ---------------------------------------------------------------- hard cases


def test_elided_verb_keeps_the_predicate() -> None:
    first, second = facts("Экспорт увеличился на 94 %, а импорт — на 39 %.")
    assert summary(first) == (94.0, "change", "up", "экспорт")
    assert summary(second) == (39.0, "change", "up", "импорт")
    assert first.predicate == second.predicate == "увеличиться"


def test_elided_noun_keeps_the_subject() -> None:
    first, second = facts("Продажи легковых машин выросли на 7%, а грузовых — упали на 2%.")
    assert summary(first) == (7.0, "change", "up", "продажа")
    assert summary(second) == (2.0, "change", "down", "продажа")


def test_respectively_pairs_figures_with_subjects() -> None:
    found = facts("Мясо, молоко и хлеб подорожали на 12%, 8% и 5% соответственно.")
    assert [summary(fact) for fact in found] == [
        (12.0, "change", "up", "мясо"),
        (8.0, "change", "up", "молоко"),
        (5.0, "change", "up", "хлеб"),
    ]


def test_listed_figures_share_the_noun_they_qualify() -> None:
    found = facts("Студенты получат 50% и 30% скидку соответственно.")
    assert [summary(fact) for fact in found] == [
        (50.0, "level", "none", "скидка"),
        (30.0, "level", "none", "скидка"),
    ]


# ---------------------------------------------------------------- period and places


def test_period_and_places() -> None:
    text = (
        "По итогам 2024 года объём торговли между Омской областью и Китаем вырос на 66 %, "
        "причём экспорт увеличился на 94 %."
    )
    first, second = facts(text)
    assert first.period is not None and first.period.text == "По итогам 2024 года"
    assert (first.period.start, first.period.stop) == (0, len("По итогам 2024 года"))
    assert lemma(first) == "объём" and lemma(second) == "экспорт"
    assert first.places == ["Омская область", "Китай"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Цены на лекарства в третьем квартале выросли на 4%.", "в третьем квартале"),
        ("За январь–октябрь экспорт вырос на 15 процентов.", "За январь–октябрь"),
        ("Экспорт вырос на 15% за первое полугодие 2023 года.", "за первое полугодие 2023 года"),
    ],
)
def test_periods(text: str, period: str) -> None:
    fact = one(text)
    assert fact.period is not None and fact.period.text == period


def test_period_lemma_is_its_time_word() -> None:
    fact = one("Экспорт вырос на 15% за первое полугодие 2023 года.")
    assert fact.period is not None and fact.period.lemma == "полугодие"


def test_no_period() -> None:
    assert one("Экспорт вырос на 15% по сравнению с прошлым годом.").period is None


def test_sentences_of_a_long_article_stay_apart() -> None:
    text = " ".join(["Выручка выросла на 5%. Долг компании не изменился."] * 50)
    found = facts(text)
    assert len(found) == 50
    assert all(summary(fact) == (5.0, "change", "up", "выручка") for fact in found)
