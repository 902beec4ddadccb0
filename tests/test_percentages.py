"""Percentages as facts: each phenomenon pinned with a sentence of our own."""

from __future__ import annotations

import time

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


# ---------------------------------------------------------------- constructions (issue 9)


def test_elided_list_gives_each_item_its_figure() -> None:
    found = facts(
        "За неделю на рынке подешевели фрукты: яблоки — на 6%, груши — на 4%, бананы — на 3%."
    )
    assert [summary(fact) for fact in found] == [
        (6.0, "change", "down", "яблоко"),
        (4.0, "change", "down", "груша"),
        (3.0, "change", "down", "банан"),
    ]
    assert {fact.predicate for fact in found} == {"подешеветь"}
    found = facts("Продажи выросли во всех сегментах: внедорожники — на 14%, седаны — на 9%.")
    assert [lemma(fact) for fact in found] == ["внедорожник", "седан"]
    assert {fact.direction for fact in found} == {"up"}
    found = facts("Себестоимость упала на 5%, зарплаты — на 2%, а налоги — на 1%.")
    assert [summary(fact) for fact in found] == [
        (5.0, "change", "down", "себестоимость"),
        (2.0, "change", "down", "зарплата"),
        (1.0, "change", "down", "налог"),
    ]


def test_elided_list_of_oblique_items_keeps_the_subject() -> None:
    # the items restate the genitive of the subject ("портов ... Находки"): the subject stays
    text = (
        "Объём перевозок в портах Владивостока увеличился на 8%, Находки — на 5%, а Ванина — на 3%."
    )
    found = facts(text)
    assert [summary(fact) for fact in found] == [
        (8.0, "change", "up", "объём"),
        (5.0, "change", "up", "объём"),
        (3.0, "change", "up", "объём"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Акции компании потеряли 4,5% за торговую сессию.", (4.5, "change", "down", "акция")),
        ("Курс юаня прибавил 0,7% к доллару.", (0.7, "change", "up", "курс")),
        ("Нефть марки Brent потеряла в цене 3%.", (3.0, "change", "down", "нефть")),
        ("Индекс потребительских цен прибавил за месяц 0,4%.", (0.4, "change", "up", "индекс")),
    ],
)
def test_amount_as_the_object_of_a_change_verb(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


def test_a_share_of_a_change_verb_stays_a_level() -> None:
    assert summary(one("Компания сократила 10% сотрудников.")) == (
        10.0,
        "level",
        "none",
        "сотрудник",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Минтранс ожидает 15-процентного снижения пассажиропотока.",
            (15.0, "down", "пассажиропоток"),
        ),
        (
            "Правительство одобрило пятипроцентную индексацию зарплат бюджетникам.",
            (5.0, "up", "зарплата"),
        ),
        ("Владельцы жалуются на 40-процентный рост арендных ставок.", (40.0, "up", "ставка")),
        (
            "Аналитики прогнозируют двухпроцентное сокращение производства стали.",
            (2.0, "down", "производство"),
        ),
    ],
)
def test_percent_adjective_on_a_change_noun_is_a_change_of_its_genitive(
    text: str, expected: tuple
) -> None:
    fact = one(text)
    assert (fact.value, fact.direction, lemma(fact)) == expected
    assert fact.kind == "change"


def test_sentences_with_a_percent_adjective_are_parsed() -> None:
    doc = newsnlp.load()("Аналитики прогнозируют двухпроцентное сокращение производства стали.")
    assert all(token.dep_ for token in doc)


def test_bare_change_noun_takes_the_subject_of_the_sentence_before() -> None:
    text = (
        "Выручка сети за квартал составила 12 млрд рублей. "
        "Рост на 9% в компании связывают с новыми магазинами."
    )
    assert summary(one(text)) == (9.0, "change", "up", "выручка")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В этом году в музей пришло на 20% больше посетителей.", (20.0, "up", "посетитель")),
        ("Урожай картофеля оказался на 12% выше прошлогоднего.", (12.0, "up", "урожай")),
        ("Квартиры в новостройках стали на 7% дороже.", (7.0, "up", "квартира")),
        ("Средняя пенсия в районе на 5% ниже, чем в областном центре.", (5.0, "down", "пенсия")),
    ],
)
def test_comparatives_after_the_figure(text: str, expected: tuple) -> None:
    fact = one(text)
    assert (fact.value, fact.direction, lemma(fact)) == expected
    assert fact.kind == "change"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Работникам выплатят премию в размере 30% оклада.", "премия"),
        ("Банк оставил ставку по вкладам на уровне 12% годовых.", "ставка"),
        ("Безработица в области держится на уровне 3,1%.", "безработица"),
        ("Инфляция удерживается в пределах 4-5%.", "инфляция"),
        ("Кооператив выдаёт кредиты фермерам под 3% годовых.", "кредит"),
    ],
)
def test_measure_nouns_and_rates_give_the_noun_they_size(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("level", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Компания взяла заём под процент на уровне 11% годовых.", "процент"),
        ("Вкладчикам открывают депозиты со ставкой на уровне 9,5%.", "ставка"),
        ("Фермеры получили субсидии под ставку в размере 3%.", "ставка"),
        ("Правительство ввело налог на прибыль в размере 25%.", "налог"),
    ],
)
def test_measure_sizes_the_noun_right_before_it(text: str, subject: str) -> None:
    # the parse hangs "на уровне" on the verb; the noun right before it is what it sizes,
    # even inside the phrase of "под" or "с"; "налог на прибыль" climbs to its head
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("level", subject)


def test_elided_level_keeps_the_subject_before() -> None:
    found = facts("Ставка по депозитам для пенсионеров — 14%, для остальных клиентов — 11%.")
    assert [summary(fact) for fact in found] == [
        (14.0, "level", "none", "ставка"),
        (11.0, "level", "none", "ставка"),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Концерн с долей рынка 12,5% остаётся лидером.", "доля"),
        ("Фонд приобрёл 30%-ный пакет акций завода.", "пакет"),
        ("Ему принадлежит 15% акций банка.", "акция"),
        ("Инвестор получил долю в 7,5% в капитале стартапа.", "доля"),
    ],
)
def test_shares_and_stakes(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("level", subject)


def test_owners_list_in_brackets() -> None:
    text = (
        "Основные акционеры банка — фонд «Развитие» (40 %), мэрия города (35 %) "
        "и сотрудники (25 %)."
    )
    assert [summary(fact) for fact in facts(text)] == [
        (40.0, "level", "none", "фонд"),
        (35.0, "level", "none", "мэрия"),
        (25.0, "level", "none", "сотрудник"),
    ]


def test_vote_list_gives_each_candidate_their_result() -> None:
    text = (
        "Результаты выборов мэра: Павел Смирнов — 51,2%, Анна Котова — 27,4%, Игорь Ермаков — 9,8%."
    )
    found = facts(text)
    assert [fact.subject.text for fact in found if fact.subject] == [
        "Павел Смирнов",
        "Анна Котова",
        "Игорь Ермаков",
    ]
    assert [lemma(found[0]), lemma(found[2])] == ["смирнов", "ермаков"]
    found = facts("По данным избиркома, Николай Зуев набрал 38% голосов, а Мария Ильина — 33%.")
    assert found[1].subject is not None and found[1].subject.text == "Мария Ильина"


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Действующий губернатор Олег Ким получил 61,5% на выборах.", ["ким"]),
        ("Лидер списка Мария Орлова набрала 44%, Антон Гуров — 21%.", ["орлова", "гуров"]),
        ("По данным избиркома, мэр города Сергей Волков набрал 52,3%.", ["волков"]),
        ("Бывший министр Анна Белова получила 17,8%.", ["белова"]),
    ],
)
def test_person_in_apposition_to_a_post_is_the_subject(text: str, subjects: list) -> None:
    assert [lemma(fact) for fact in facts(text)] == subjects


def test_respectively_with_one_shared_noun() -> None:
    found = facts("Партии «Вперёд» и «Родина» набрали 41% и 23% голосов соответственно.")
    assert [summary(fact) for fact in found] == [
        (41.0, "level", "none", "голос"),
        (23.0, "level", "none", "голос"),
    ]
    found = facts("Мужчины и женщины составили 45% и 55% участников соответственно.")
    assert [lemma(fact) for fact in found] == ["участник", "участник"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Власти пересмотрели нормативы потребления. С осени они снизятся на 6%.", "норматив"),
        ("Стоимость проезда обсуждали весь месяц. В итоге она выросла на 10%.", "стоимость"),
        ("Мэрия утвердила бюджет района. Он вырос на 4%, сообщили в администрации.", "бюджет"),
        ("В голосовании участвовали 800 студентов, из них 62% поддержали реформу.", "студент"),
        ("Мы опросили 500 водителей, из которых 35% ездят без страховки.", "водитель"),
    ],
)
def test_pronoun_subjects_take_their_antecedent(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Тарифы пересмотрели. Со следующего месяца они повысятся на 6%.", "тариф"),
        ("Зарплаты бюджетникам увеличат. В среднем они прибавят 8,5%.", "зарплата"),
        ("Штрафы ужесточили. Теперь они вырастут на 40%.", "штраф"),
        ("Пошлины снизили. С марта они уменьшатся на 15%.", "пошлина"),
    ],
)
def test_pronoun_takes_the_plural_object_of_an_impersonal_verb(text: str, subject: str) -> None:
    # the tagger reads the bare plural before the verb as a genitive singular; the dictionary
    # says it can be the plural "они" agrees with; a dative in between is not taken up
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("На 12% выросли за год продажи электромобилей.", "продажа"),
        ("Снизилась на 3% и добыча газа.", "добыча"),
        ("За квартал на 4,5% подешевели авиабилеты.", "авиабилет"),
        ("В марте на 9% сократился выпуск мебели.", "выпуск"),
    ],
)
def test_subject_after_the_verb_of_change(text: str, subject: str) -> None:
    # the parse hangs the postponed subject elsewhere; it agrees with the verb
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


def test_participle_in_a_listed_phrase_is_not_its_verb() -> None:
    fact = one("Почти половина опрошенных — 48% — считают зарплату низкой.")
    assert lemma(fact) == "опрошенный"
    fact = one("Треть проголосовавших — 33% — выбрали оппозицию.")
    assert lemma(fact) == "проголосовавший"


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Акции «Газпрома» упали на 3,5%, бумаги «Сбербанка» — на 1,8%.", ["акция", "бумага"]),
        (
            "Облигации «Роснефти» выросли на 0,6%, акции «Лукойла» — на 1,2%.",
            ["облигация", "акция"],
        ),
        ("Тарифы на газ повысятся на 8%, а услуги связи — на 5%.", ["тариф", "услуга"]),
    ],
)
def test_remnant_read_as_a_genitive_is_still_its_item(text: str, subjects: list) -> None:
    # the tagger reads "бумаги" as a genitive; the parse hangs the figure on it, and the
    # dictionary allows a nominative: it is the subject of its own elided clause
    assert [lemma(fact) for fact in facts(text)] == subjects


@pytest.mark.parametrize(
    "text",
    [
        "Согласно опросу, 38% респондентов не доверяют банкам, а 41% — хранят деньги дома.",
        "Около 20% студентов живут в общежитии, а 45% снимают квартиры.",
        "Лишь 12% избирателей поддержали закон, и ещё 30% воздержались.",
    ],
)
def test_share_of_a_joined_clause_counts_the_same_people(text: str) -> None:
    found = facts(text)
    assert len(found) == 2
    assert lemma(found[0]) == lemma(found[1]) is not None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Городское население составляет 74%, сельское — 26%.", "население"),
        ("Крупный бизнес вырос на 5%, малый — на 2%.", "бизнес"),
        ("Мужская смертность снизилась на 6%, женская — на 3%.", "смертность"),
        ("Молодые избиратели — 40%, пожилые — 60%.", "избиратель"),
    ],
)
def test_adjective_remnant_stands_for_the_noun_before(text: str, subject: str) -> None:
    assert [lemma(fact) for fact in facts(text)] == [subject, subject]


def test_adjective_used_as_a_noun_is_its_own_item() -> None:
    found = facts("Безработные — 5%, работающие — 95%.")
    assert [lemma(fact) for fact in found] == ["безработный", "работающий"]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Акционерами банка являются фонд «Прогресс» (60%) и мэрия (40%).", ["фонд", "мэрия"]),
        ("Владельцами стадиона стали клуб (70%) и город (30%).", ["клуб", "город"]),
        ("Совладельцами сети остаются концерн (55%) и фонд (45%).", ["концерн", "фонд"]),
    ],
)
def test_owners_list_after_its_verb(text: str, subjects: list) -> None:
    assert [lemma(fact) for fact in facts(text)] == subjects


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Зарплаты медиков на 30% выше, чем пять лет назад.", "зарплата"),
        ("Цены на такси на 15% выше, чем год назад.", "цена"),
        ("Тарифы на связь на 10% ниже, чем в соседних регионах.", "тариф"),
    ],
)
def test_base_of_a_comparison_is_not_what_it_compares(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Более половины жителей — 53% — выступают против застройки парка.", "житель"),
        ("Менее трети водителей — 31% — пристёгиваются на заднем сиденье.", "водитель"),
        ("Около четверти семей — 26% — живут в ипотечных квартирах.", "семья"),
    ],
)
def test_fraction_after_a_quantifier_gives_way_to_what_it_counts(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Работникам выплатили премию в размере 15% годового дохода.", "премия"),
        ("Пенсионерам назначили доплату в размере 10% пенсии.", "доплата"),
        ("Банк установил комиссию на уровне 1% суммы перевода.", "комиссия"),
    ],
)
def test_genitive_after_a_measured_figure_is_its_base(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Авиакомпания перевезла 12 млн пассажиров, что на 9% больше, чем годом ранее.",
            "пассажир",
        ),
        ("Выручка составила 5 млрд рублей, что на 14% больше прошлогодней.", "выручка"),
        ("Завод выпустил 300 тысяч тонн стали, что на 6% меньше плана.", "сталь"),
        ("Порт принял 40 круизных судов, что на 25% больше, чем в прошлом сезоне.", "судно"),
    ],
)
def test_relative_what_compares_the_amount_before(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Среди опрошенных 27% заявили, что не пользуются наличными.", "опрошенный"),
        ("Из участников опроса 40% считают цены завышенными.", "участник"),
        ("Среди пенсионеров 18% продолжают работать.", "пенсионер"),
        ("Среди жителей села 35% пользуются интернетом ежедневно.", "житель"),
    ],
)
def test_share_of_the_group_named_before(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Снижение ставки на 0,25 п.п. ожидают большинство аналитиков.", "ставка"),
        ("Повышение тарифов на 1,5 п.п. обсудят в мае.", "тариф"),
        ("Рост безработицы на 0,3 п. п. стал неожиданностью.", "безработица"),
    ],
)
def test_change_noun_without_a_parse_takes_the_genitive_after_it(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, fact.unit, lemma(fact)) == ("change", "percentage_point", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Ключевая ставка, которую регулятор держал неизменной полгода, теперь составляет 16%.",
            "ставка",
        ),
        ("Пошлина, которую власти ввели весной, теперь составляет 12%.", "пошлина"),
        ("Налог, который бизнес платил десять лет, отныне составит 20%.", "налог"),
        ("Инфляция, которую ЦБ прогнозировал весной, по итогам года составила 8%.", "инфляция"),
    ],
)
def test_predicate_after_a_relative_clause_belongs_to_its_noun(text: str, subject: str) -> None:
    # the parse hangs the main predicate inside (or as) the relative clause of a root noun
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("Бумаги завода принадлежат холдингу «Вектор» (51%) и городу (49%).", ["холдинг", "город"]),
        (
            "Акции порта достались концерну «Север» (40%) и банку «Восток» (60%).",
            ["концерн", "банк"],
        ),
        ("Компания «Ромашка» (30%) и фонд «Рост» (70%) владеют заводом.", ["компания", "фонд"]),
    ],
)
def test_owner_named_in_quotes_is_its_noun(text: str, subjects: list) -> None:
    # the tagger gives the quoted name a nominative; the noun it names holds the stake
    assert [lemma(fact) for fact in facts(text)] == subjects


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Грузооборот портов снизился на 5,6%, до 410 млн тонн.", "грузооборот"),
        ("Контейнерооборот портов снизился на 5%.", "контейнерооборот"),
        ("Вагонооборот станций вырос на 8%.", "вагонооборот"),
        ("Хлебопроизводство комбинатов уменьшилось на 3%.", "хлебопроизводство"),
    ],
)
def test_rare_noun_read_as_an_adjective_is_the_subject(text: str, subject: str) -> None:
    # the tagger takes the rare compound for an adjective of the genitive after it
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Город, население которого за десять лет сократилось на 9%, получит субсидию.",
            "население",
        ),
        ("Банк, прибыль которого выросла на 40%, выплатит дивиденды.", "прибыль"),
        ("Регион, экспорт которого упал на 15%, просит помощи.", "экспорт"),
    ],
)
def test_subject_agrees_with_its_verb(text: str, subject: str) -> None:
    # the parse may give the verb of "чей"-like "которого" clauses the noun before them
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Экономисты считают, что если ставку повысят на 2 п.п., кредиты подорожают.", "ставка"),
        ("Если тарифы поднимут на 1,5 п.п., бизнес пострадает.", "тариф"),
        ("Когда пошлину снизят на 3 п. п., импорт вырастет.", "пошлина"),
    ],
)
def test_fronted_object_of_a_change_without_a_parse(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Футболисты «Зенита» выиграли 75% матчей, «Спартака» — 60%.", "матч"),
        ("Ставка налога для компаний Москвы — 20%, Казани — 18%.", "ставка"),
        ("Доля выпускников Томска среди студентов — 30%, Омска — 22%.", "доля"),
        ("Безработица среди жителей Перми — 4%, Тюмени — 3%.", "безработица"),
    ],
)
def test_genitive_remnant_of_a_level_keeps_the_subject(text: str, subject: str) -> None:
    # the remnant restates a genitive of the first item, not a subject of its own
    assert [lemma(fact) for fact in facts(text)] == [subject, subject]


def test_pronoun_without_antecedent_is_the_pronoun() -> None:
    # (the word used, as the news gold counts it: never a noun it cannot stand for)
    assert lemma(one("Они выросли на 5%.")) == "они"


def test_fraction_gives_way_to_what_it_counts() -> None:
    fact = one("Две трети студентов вуза — 66% — живут в общежитии.")
    assert lemma(fact) == "студент"


def test_participle_subject_lemma() -> None:
    assert lemma(one("Более 70% опрошенных поддержали идею.")) == "опрошенный"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Продажи жилья: минус 12% за квартал", (12.0, "change", "down", "продажа")),
        ("Плюс 4% к стипендиям с сентября", (4.0, "change", "up", "стипендия")),
        ("Туризм в Крыму — плюс 9% к прошлому году", (9.0, "change", "up", "туризм")),
    ],
)
def test_headlines_with_a_sign(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("Повышение тарифов составит не более 4%.", "less_than"),
        ("Доля брака должна быть не выше 2%.", "less_than"),
        ("Доля брака должна быть не ниже 2%.", "more_than"),
    ],
)
def test_bounds(text: str, approx: str) -> None:
    assert one(text).approx == approx


def test_from_to_range_of_a_change() -> None:
    fact = one("Тарифы на тепло повысятся от 5 до 9% в зависимости от района.")
    assert (fact.value, fact.low, fact.high, fact.text) == (None, 5.0, 9.0, "5 до 9%")
    assert summary(fact)[1:] == ("change", "up", "тариф")
    fact = one("Скидки составят от 10 до 30%.")
    assert (fact.low, fact.high, fact.kind, lemma(fact)) == (10.0, 30.0, "level", "скидка")


def test_from_to_levels_of_a_fronted_object() -> None:
    found = facts("Износ котельных удалось сократить с 70% до 45%.")
    assert [summary(fact) for fact in found] == [
        (70.0, "level", "none", "износ"),
        (45.0, "level", "none", "износ"),
    ]


def test_figures_inside_addresses_are_not_percentages() -> None:
    text = "Подробнее: https://example.ru/news/%D0%BD%D0%BE%D0%B2%D0%BE и там рост на 5%."
    assert [fact.text for fact in facts(text)] == ["5%"]
    assert facts("Ссылка site.ru/?q=%D0%B0%20%D1%8F") == []


def test_numbers_stay_finite() -> None:
    assert facts("Цены выросли на " + "9" * 309 + " %.") == []
    assert one("Цены выросли на " + "9" * 20 + " %.").value == float("9" * 20)


def test_cost_is_linear_in_the_figures_of_one_sentence() -> None:
    def seconds(n: int) -> float:
        text = "на 5 % " * n
        started = time.process_time()
        found = newsnlp.analyze(text).percentages
        assert len(found) == n
        return time.process_time() - started

    seconds(200)  # warm up
    # CPU time, best of two each, taking turns: a shared machine's load must not fail it
    small, large = seconds(1000), seconds(4000)
    small, large = min(small, seconds(1000)), min(large, seconds(4000))
    assert large / small < 8, (small, large)


def test_listed_amount_carries_the_change_before() -> None:
    first, second = facts("Курс евро прибавил 1,2%, а доллар — 0,8%.")
    assert summary(first) == (1.2, "change", "up", "курс")
    assert summary(second) == (0.8, "change", "up", "доллар")
    assert second.predicate == "прибавить"


def test_not_more_than_is_an_upper_bound() -> None:
    assert one("Число аварий снизится не более чем на 5%.").approx == "less_than"


def test_candidate_subject_lemma_is_the_normalized_surname() -> None:
    found = facts("Кандидаты распределились так: Олег Дронов — 48,3%, Вера Сомова — 36,1%.")
    assert [lemma(fact) for fact in found] == ["дронов", "сомова"]


@pytest.mark.parametrize(
    "text",
    [
        "Цена на бензин АИ-92 выросла на 3%, АИ-95 — на 4%.",
        "Продажи Toyota выросли на 5%, а Honda — на 3%.",
        "Выручка «Магнита» выросла на 5%, а «Ленты» — на 7%.",
    ],
)
def test_remnant_restating_a_dependent_keeps_the_subject(text: str) -> None:
    first, second = facts(text)
    assert lemma(first) == lemma(second) is not None
    assert (second.kind, second.direction) == ("change", "up")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Площадь парков расширилась на 6%.", (6.0, "change", "up", "площадь")),
        ("Нефть сбросила 2,4% за неделю.", (2.4, "change", "down", "нефть")),
        ("Индекс добавил 0,9% на открытии торгов.", (0.9, "change", "up", "индекс")),
        ("Ассортимент магазинов сузился на 15%.", (15.0, "change", "down", "ассортимент")),
    ],
)
def test_more_verbs_of_change(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


def test_object_of_a_transitive_change_without_a_parse() -> None:
    # "п.п." alone does not make the syntax stage parse the sentence: word order decides
    fact = one("Банк снизил ставки по вкладам на 0,5–1 п.п.")
    assert (fact.low, fact.high, fact.unit, lemma(fact)) == (0.5, 1.0, "percentage_point", "ставка")


def test_relative_clause_compares_the_level_before() -> None:
    level, change = facts("Уровень занятости достиг 64%, что на 2 процентных пункта выше.")
    assert summary(level) == (64.0, "level", "none", "уровень")
    assert summary(change) == (2.0, "change", "up", "уровень")


def test_base_of_comparison_shares_the_subject() -> None:
    now, before = facts("Безработица составила 4,1% против 4,6% годом ранее.")
    assert summary(now) == (4.1, "level", "none", "безработица")
    assert summary(before) == (4.6, "level", "none", "безработица")


def test_partitive_after_the_figure() -> None:
    text = "В опросе участвовали 900 фермеров; 41% из них ждут субсидий."
    assert lemma(one(text)) == "фермер"


def test_time_word_is_never_the_subject() -> None:
    fact = one("Рентабельность составила 6% годом ранее.")
    assert lemma(fact) == "рентабельность"


def test_signed_figure_in_brackets_after_a_change() -> None:
    fact = one("Прибыль банка выросла до 8 млрд рублей (+15%).")
    assert summary(fact) == (15.0, "change", "up", "прибыль")
    fact = one("Продажи (+7%) превысили план.")
    assert summary(fact) == (7.0, "change", "up", "продажа")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Налог на прибыль 20% останется без изменений.", "налог"),
        ("Ставка по льготной ипотеке 6% сохранится до конца года.", "ставка"),
        ("Компания с долей на рынке 18% стала лидером.", "доля"),
        ("С долей рынка 6,8% сеть заняла третье место.", "доля"),
    ],
)
def test_noun_phrase_right_before_the_figure(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("level", subject)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Эксперты зафиксировали снижение продаж в 3%.", (3.0, "change", "down", "продажа")),
        ("Компания закрыла год с ростом выручки в 12%.", (12.0, "change", "up", "выручка")),
        ("Аналитики ждут увеличения экспорта в 8%.", (8.0, "change", "up", "экспорт")),
    ],
)
def test_change_noun_sized_by_v(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


# ---------------------------------------------------------------- real news (issue 19)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "По данным опроса, 41% опрошенных поддерживают реформу. "
            "Ещё 12% затруднились с ответом.",
            "опрошенный",
        ),
        (
            "Доверяют врачам 55% респондентов. Не доверяют им 30%.",
            "респондент",
        ),
        (
            "Отпуск за границей провели 18% горожан. Противоположного мнения придерживаются 7%.",
            "горожанин",
        ),
    ],
)
def test_poll_share_carries_the_group_counted_before(text: str, group: str) -> None:
    last = facts(text)[-1]
    assert (last.kind, lemma(last)) == ("level", group)


@pytest.mark.parametrize(
    "text",
    [
        "29 процентов полагают, что реформа нужна.",
        "Лишь 35 процентов заявили о поддержке мэра.",
        "Около 40 процентов высказались против.",
    ],
)
def test_the_unit_of_a_figure_is_never_its_subject(text: str) -> None:
    assert lemma(one(text)) != "процент"


def test_unit_of_another_figure_stands_for_what_it_counts() -> None:
    found = facts(
        "Чуть больше 8 процентов этого зерна экспортируется, 3 процента – перемалывается."
    )
    assert [lemma(fact) for fact in found] == ["зерно", "зерно"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Выручка составила 5 млрд рублей, что превышает уровень прошлого года на 12%.",
            (12.0, "change", "up", "выручка"),
        ),
        (
            "Эпидемический порог в области превышен на 15%.",
            (15.0, "change", "up", "порог"),
        ),
        (
            "Заболеваемость в городе ниже эпидемического порога на 20%.",
            (20.0, "change", "down", "заболеваемость"),
        ),
        (
            "Вечером кандидат от партии опережал соперника на 6%.",
            (6.0, "change", "up", "кандидат"),
        ),
    ],
)
def test_exceeding_a_base_is_a_change_of_what_exceeds(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("Доля импорта превысила 30%.", "more_than"),
        ("Явка, по прогнозам, не превысит 40%.", "less_than"),
        ("Инфляция в этом году превысит 4%.", "more_than"),
    ],
)
def test_exceeding_a_figure_is_a_bound(text: str, approx: str) -> None:
    fact = one(text)
    assert (fact.kind, fact.approx) == ("level", approx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мы рассчитываем на рост 5% в будущем году.", (5.0, "change", "up", "рост")),
        ("Экономисты ждут темпов роста свыше 3%.", (3.0, "change", "up", "темп")),
        ("Ведомство объявило о 2,1% роста выручки.", (2.1, "change", "up", "выручка")),
        ("Спад производства — 4%.", (4.0, "change", "down", "производство")),
    ],
)
def test_change_stated_as_a_noun(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Цены на хлеб выросли на 3% – против 5% годом ранее.",
        "Зарплаты в регионе увеличились на 4% против 6% в прошлом году.",
        "Выпуск стали снизился на 2% (против 7% в 2017 году).",
    ],
)
def test_base_after_a_change_is_a_change_of_the_same(text: str) -> None:
    first, base = facts(text)
    assert (base.kind, base.direction, lemma(base)) == (first.kind, first.direction, lemma(first))
    assert base.kind == "change"


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "Лучшие результаты показали управлением лесного хозяйства (98%) и комитетом по "
            "туризму (91%).",
            ["управление", "комитет"],
        ),
        (
            "Основные владельцы фабрики - ООО «Вектор» (40%), Westfield Capital Limited (25%).",
            ["вектор", "westfield"],
        ),
        (
            "Меньше всего исследований по химии (12%), геологии (9%) и астрономии (4%).",
            ["исследование", "геология", "астрономия"],  # the first item's head
        ),
    ],
)
def test_figure_in_brackets_after_a_list_item(text: str, subjects: list[str]) -> None:
    assert [lemma(fact) for fact in facts(text)] == subjects


@pytest.mark.parametrize(
    "text",
    [
        "За полгода показатель составил 12,5%, в прошлом году этот показатель составлял 9,1%.",
        "В марте уровень составил 4%, в апреле этот уровень составлял 5%.",
        "В 2018 году доля составила 30%, в 2017 году эта доля составляла 25%.",
    ],
)
def test_subject_before_its_verb_when_the_parse_hangs_it_elsewhere(text: str) -> None:
    first, second = facts(text)
    assert lemma(first) == lemma(second) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Власти решили сокращать число стоящих в очереди семей на 15%.",
            (15.0, "change", "down", "число"),
        ),
        (
            "Мы повышаем зарплату учителям, не получившим надбавку, на 7%.",
            (7.0, "change", "up", "зарплата"),
        ),
        (
            "Город увеличит площадь засеянных клевером газонов на 12%.",
            (12.0, "change", "up", "площадь"),
        ),
    ],
)
def test_a_participle_does_not_close_the_clause_of_a_change(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


def test_change_verb_right_after_a_listed_figure() -> None:
    found = facts(
        "На 8% сократились кражи, на 5% меньше стало грабежей, на 3% увеличилась раскрываемость."
    )
    assert [(fact.direction, lemma(fact)) for fact in found] == [
        ("down", "кража"),
        ("down", "грабёж"),
        ("up", "раскрываемость"),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Курорт принял на 9,6% туристов больше, чем годом ранее.", "турист"),
        ("Завод выпустил на 4% станков меньше, чем в прошлом году.", "станок"),
        ("Театр продал на 12% билетов больше прошлогоднего.", "билет"),
    ],
)
def test_counted_noun_between_a_figure_and_its_comparative(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    "text",
    [
        "В этом году зарплату подняли 10% работающим горожанам.",
        "Пенсию увеличили 40% опрошенным пенсионерам.",
        "Премию сократили 15% сотрудникам завода.",
    ],
)
def test_share_of_people_given_a_change_is_a_level(text: str) -> None:
    assert one(text).kind == "level"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Завод принадлежит области на 60%.", "завод"),
        ("Банк на 75% принадлежит государству.", "банк"),
        ("«Северный порт» контролирует терминал на 49%.", "порт"),
    ],
)
def test_stake_on_a_verb_of_owning_is_a_level(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, fact.direction) == ("level", "none")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Аналитики оценили рост выручки сетей в 2–3%.",
            (None, "change", "up", "выручка"),
        ),
        (
            "Рост числа туристов стал заметным на 6%.",
            (6.0, "change", "up", "число"),
        ),
        (
            "Снижение продаж оказалось ощутимым на 7%.",
            (7.0, "change", "down", "продажа"),
        ),
    ],
)
def test_change_noun_sized_by_any_preposition(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "В казну области перечислено 52 млрд рублей, что на 11% больше показателя 2017 года.",
            "рубль",
        ),
        ("Порт за год обработал 9 млн тонн, что выше уровня прошлого года на 6%.", "тонна"),
        (
            "Музеи посетили около 2 млн человек, что превышает показатель 2018 года на 14%.",
            "человек",
        ),
    ],
)
def test_relative_what_takes_the_amount_of_the_clause_before(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, fact.direction, lemma(fact)) == ("change", "up", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Колхоз получил более 1,5 млрд рублей субсидий в Тверской области в 2020 году, "
            "что более чем на 10% превышает показатели прошлого года.",
            "рубль",
        ),
        (
            "Театр за сезон продал 210 тысяч билетов в Самаре, что на 8% превышает итог 2019 года.",
            "билет",
        ),
        (
            "Флот доставил 3 млн тонн грузов на Чукотку, что на 12% превышает план.",
            "груз",
        ),
    ],
)
def test_relative_what_read_as_a_conjunction(text: str, subject: str) -> None:
    """The parse makes "что" a conjunction and the verb a conjunct of the clause before: the
    change still measures that clause's amount, not its subject."""
    change = [fact for fact in facts(text) if fact.kind == "change"]
    assert [(fact.direction, lemma(fact)) for fact in change] == [("up", subject)]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Ежемесячно в библиотеку приходят 65% студентов института, "
            "что на десять процентов больше прошлогоднего показателя.",
            "студент",
        ),
        ("На выборы пришли 48% жителей района, что на 6% превышает явку 2016 года.", "житель"),
        (
            "Зарплатой довольны 30 процентов учителей, что на четыре процента больше, чем в 2019 "
            "году.",
            "учитель",
        ),
    ],
)
def test_relative_what_restates_the_share_before(text: str, subject: str) -> None:
    """ "65 % студентов, что на 10 % больше": "что" stands for a share, so the change is of
    what the share counts."""
    level, change = facts(text)
    assert (change.kind, change.direction, lemma(change)) == ("change", "up", subject)
    assert lemma(level) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("У кандидата пока 52% процентов голосов.", "голос"),
        ("По итогам подсчета у депутата 31% процента бюллетеней.", "бюллетень"),
        ("Ставка выросла. Теперь она составляет 8,5% процента.", "ставка"),
        ("Инфляция ускорилась: в марте она достигла 6,1% процента.", "инфляция"),
    ],
)
def test_unit_written_twice(text: str, subject: str) -> None:
    """ "52 % процентов голосов": the second unit is no subject; what follows it is, else the
    subject of the verb."""
    fact = one(text)
    assert (fact.text, lemma(fact)) == (fact.text.split()[0], subject)
    assert fact.text.endswith("%")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("В горах живет 8% от числа жителей края.", "число"),
        ("Долг составил 3 млрд рублей. 25,4% из этих долгов относятся к 2019 году.", "долг"),
        (
            "В северных районах, где проживает 12,5% от всего населения, безработица ниже.",
            "население",
        ),
    ],
)
def test_share_of_a_whole(text: str, subject: str) -> None:
    """ "8 % от числа жителей", "25 % из этих долгов": a share with no subject counts the whole
    after "от"/"из"."""
    fact = [fact for fact in facts(text) if fact.text.endswith("%")][-1]
    assert lemma(fact) == subject


def test_over_a_hundred_percent_of_a_base_is_no_part() -> None:
    fact = one("Премии довели до 150% от средних окладов по району.")
    assert lemma(fact) != "оклад"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Наибольшее снижение цен произошло в сегменте жилья эконом-класса - на 9%.",
            ("down", "цена"),
        ),
        (
            "Основное сокращение персонала пришлось на филиалы в регионах — на 20%.",
            ("down", "персонал"),
        ),
        ("Снижение тарифов коснется жителей трех районов - на 5%.", ("down", "тариф")),
    ],
)
def test_change_noun_sized_after_a_verb_of_happening(text: str, expected: tuple) -> None:
    """ "снижение цен произошло в …, — на 9 %": the noun of change is the verb's subject and
    the figure after a dash sizes it."""
    fact = one(text)
    assert (fact.kind, fact.direction, lemma(fact)) == ("change", *expected)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "С 1 мая зарплата учителей вырастет на 5,2%, а стипендии также с 1 сентября "
            "будут дополнительно проиндексированы еще на 3%.",
            "стипендия",
        ),
        (
            "Тарифы на воду поднимут на 4%, а цены на проезд в пригородных поездах "
            "будут повышены еще на 6%.",
            "цена",
        ),
        (
            "Выплаты врачам вырастут на 10%, а пособия по уходу за ребенком к весне "
            "будут увеличены на 7%.",
            "пособие",
        ),
    ],
)
def test_second_clause_keeps_its_own_subject(text: str, subject: str) -> None:
    """ "…, а пенсии будут проиндексированы на 2 %": the second clause's change is of its own
    subject, even where the parse leaves the clause hanging on the first."""
    last = facts(text)[-1]
    assert (last.kind, last.direction, lemma(last)) == ("change", "up", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("На долю импорта приходится 32%.", "доля"),
        ("Лидером стала Турция, на долю которой пришлось 18%.", "доля"),
        ("По плану 40% средств приходится на ремонт школ.", "средство"),
    ],
)
def test_falling_to_a_share(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "При этом 52% туристов прибыли поездом, 30% - самолетами.",
            ["турист", "турист"],
        ),
        (
            "В столице случилось 140 пожаров (+4%), в области — 90 (+6%).",
            ["пожар", "пожар"],
        ),
        (
            "Летом 44% жителей ездили на машине, 31% — на метро.",
            ["житель", "житель"],
        ),
    ],
)
def test_listed_figure_without_a_noun_keeps_the_previous_subject(
    text: str, subjects: list[str]
) -> None:
    assert [lemma(fact) for fact in facts(text)] == subjects


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Годом ранее отмечался рост на 12%.", (12.0, "change", "up", "рост")),
        (
            "В прошлом квартале было зафиксировано снижение на 3%.",
            (3.0, "change", "down", "снижение"),
        ),
        ("Рост к уровню прошлого года составил 9%.", (9.0, "change", "up", "рост")),
    ],
)
def test_change_noun_naming_nothing_is_its_own_subject(text: str, expected: tuple) -> None:
    assert summary(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("«Мы выросли за год почти на 12%», — сказал директор.", "мы"),
        ("В докладе о бюджете речь шла о пособиях. По словам авторов, они вырастут на 4%.", "они"),
        ("Депутаты пересмотрели нормативы. С июля они снизятся на 9%.", "норматив"),
        ("Явка на выборах была низкой: она составила 28%.", "явка"),
    ],
)
def test_pronoun_keeps_itself_unless_its_antecedent_is_a_core_noun(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


def test_items_after_a_colon_break_the_subject_down() -> None:
    found = facts(
        "В городе снизилось число нарушений: краж — на 12%, поджогов — на 7%, драк — на 5%."
    )
    assert [(fact.direction, lemma(fact)) for fact in found] == [
        ("down", "кража"),
        ("down", "поджог"),
        ("down", "драка"),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Фермеры получили 1,2 млрд рублей субсидий, что на 15% больше, чем год назад.",
            "субсидия",
        ),
        (
            "Господдержка в сумме 3 млрд рублей оказалась на 8% выше показателей 2017 года.",
            "господдержка",
        ),
        (
            "Выручка ожидается на уровне 40 млрд рублей, что на 6% выше прошлогодней.",
            "выручка",
        ),
    ],
)
def test_what_an_amount_of_money_measures(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


def test_bracket_after_an_amount_takes_what_it_measures() -> None:
    found = facts(
        "Доходы составят 40 млрд рублей (102% к уровню 2018 года), расходы - 44 млрд рублей (104%)."
    )
    assert [lemma(fact) for fact in found] == ["доход", "расход"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Доля онлайн-покупок выросла с 12 до 19%.", [12.0, 19.0]),
        ("Безработица снизилась с семи до 5 процентов.", [7.0, 5.0]),
        ("В двух районах таких семей 27 и 26 процентов соответственно.", [27.0, 26.0]),
        ("В 2016 и 2017 годах инфляция не превышала 4%.", [4.0]),
    ],
)
def test_bare_number_sharing_the_unit_of_the_next_figure(text: str, values: list[float]) -> None:
    found = facts(text)
    assert [fact.value for fact in found] == values
    assert all(fact.low is None for fact in found)


def test_bare_level_before_a_change_reads_as_the_level_it_was() -> None:
    first, second = facts("Доля онлайн-покупок выросла с 12 до 19%.")
    assert (first.text, first.kind, lemma(first)) == ("12", "level", "доля")
    assert (second.kind, lemma(second)) == ("level", "доля")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Смертность в 2016 году составила 8%, в 2017 — 6%.", [8.0, 6.0]),
        ("Доля в 2015 году была 30%, в 2018 - 25%.", [30.0, 25.0]),
        ("Рост цен составил 5–7%.", [None]),
    ],
)
def test_a_year_before_a_dash_is_not_the_start_of_a_range(text: str, values: list) -> None:
    assert [fact.value for fact in facts(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "Число обращений во втором квартале выросло на 40%. В третьем квартале – на 25%.",
        "Продажи машин в марте снизились на 12%. В апреле — на 9%.",
        "Экспорт зерна за год увеличился на 18%. По пшенице – на 22%.",
    ],
)
def test_elided_change_keeps_the_change_of_the_sentence_before(text: str) -> None:
    first, second = facts(text)
    assert (second.kind, second.direction) == ("change", first.direction)
    assert lemma(second) is not None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Опрос охватил 1600 россиян. Среди участников опроса младше 25 лет 49% предпочитают "
            "интернет.",
            "участник",
        ),
        (
            "Среди пенсионеров в возрасте старше 70 лет 31% не пользуются смартфоном.",
            "пенсионер",
        ),
    ],
)
def test_share_takes_the_group_named_after_among(text: str, group: str) -> None:
    assert lemma(facts(text)[-1]) == group


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Кандидат от партии Пётр Волков, выдвинутый региональным отделением, набрал 31%.",
            "волков",
        ),
        ("Губернатор Анна Котова, поддержанная двумя партиями, получила 58%.", "котова"),
        ("Мэр Олег Смирнов, переизбранный в третий раз, набрал 64 процента.", "смирнов"),
    ],
)
def test_named_subject_before_a_participle_clause(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


def test_pronoun_never_stands_for_a_figures_unit() -> None:
    found = facts("Жалоб стало больше. 60 процентов из них касаются сроков.")
    assert lemma(found[0]) != "процент"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Около 60% всех пассажиров в прошлом году перевезли две авиакомпании.", "пассажир"),
        ("Почти 40% этих квартир в городе построили до войны.", "квартира"),
        ("Более 70% всех заявок в регионе подали через портал.", "заявка"),
    ],
)
def test_genitive_after_the_figure_past_its_determiners(text: str, subject: str) -> None:
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    "text",
    [
        "Среди пенсионеров эти показатели составляют 71 процент и 12 процентов соответственно.",
        "В сёлах эти доли достигают 45% и 30% соответственно.",
        "Годом ранее эти показатели составляли 15% и 9% соответственно.",
    ],
)
def test_listed_figures_share_the_first_ones_subject(text: str) -> None:
    first, second = facts(text)
    assert lemma(first) == lemma(second) is not None


@pytest.mark.parametrize(
    ("text", "direction", "subjects"),
    [
        (
            "Смертность выросла в Курской (12%), Орловской (8%) и Липецкой областях (5%).",
            "up",
            ["смертность", "смертность", "смертность"],
        ),
        (
            "Население города сократилось на 50 тыс. человек (0,3%).",
            "down",
            ["население"],
        ),
        (
            "Отмечено снижение числа заявок по ипотеке (20%), автокредитам (15%).",
            "down",
            ["число", "автокредит"],  # (the first item's head)
        ),
    ],
)
def test_bracketed_figures_after_the_items_of_a_change(
    text: str, direction: str, subjects: list[str]
) -> None:
    found = facts(text)
    assert [(fact.kind, fact.direction) for fact in found] == [("change", direction)] * len(found)
    assert [lemma(fact) for fact in found] == subjects


@pytest.mark.parametrize(
    "text",
    [
        "Безработица растёт. Она выше всего в северных районах: Таймырском - 9%, Эвенкийском - 8%.",
        "Уровень износа сетей высок. Он особенно велик в городах: Курске - 70%, Орле - 65%.",
        "Дефицит врачей остаётся острым. Он отмечается в сёлах: Ивановке - 40%, Петровке - 35%.",
    ],
)
def test_places_listed_after_a_colon_are_not_the_subject(text: str) -> None:
    found = facts(text)
    assert len(found) == 2
    assert all(
        lemma(fact) in ("безработица", "уровень", "износ", "дефицит", "он", "она") for fact in found
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Уровень доверия колебался в районе 35–37 процентов.", "уровень"),
        ("Рентабельность держится в районе 12%.", "рентабельность"),
        ("Инфляция в регионе остаётся в районе 4%.", "инфляция"),
    ],
)
def test_in_the_region_of_is_about(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.approx, lemma(fact)) == ("about", subject)


def test_place_remnant_of_a_carried_change_is_not_what_changed() -> None:
    found = facts(
        "Число случаев кори выросло на 31%. В регионе Восточное Средиземноморье — на 481%, "
        "в Европейском регионе — на 458%."
    )
    assert [(fact.kind, lemma(fact)) for fact in found] == [("change", "число")] * 3


def test_a_bracket_holding_a_clause_is_not_an_items_share() -> None:
    found = facts("В мае лишь 36% отзывались о чиновниках критически (60% были всем довольны).")
    assert lemma(found[1]) != "чиновник"


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "Зарплата составит 90 тыс. рублей, из них 60% — базовые выплаты, а 40% — премии.",
            ["выплата", "премия"],
        ),
        ("Привиты 2 млн человек, из которых 55% составляют пенсионеры.", ["пенсионер"]),
        ("В городе 300 школ, из них 20% — частные гимназии.", ["гимназия"]),
    ],
)
def test_share_named_right_after_a_partitive(text: str, subjects: list[str]) -> None:
    assert [lemma(fact) for fact in facts(text)] == subjects


def test_dash_after_a_figure_may_open_a_comment() -> None:
    fact = one("Рейтинг мэра сейчас составляет 41 процент – таковы данные опроса.")
    assert lemma(fact) == "рейтинг"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Поступления налогов составят 40 млрд рублей с ростом на 12%.", "поступление"),
        ("Выручка компании достигла 3 млрд рублей со снижением на 4%.", "выручка"),
        ("Экспорт зерна составил 2 млн тонн с увеличением на 9%.", "экспорт"),
    ],
)
def test_change_noun_with_s_changes_the_clause_subject(text: str, subject: str) -> None:
    fact = one(text)
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Закон о повышении налога на добавленную стоимость с 18% до 20% вступит в силу.",
            "налог",
        ),
        ("Повышение сбора за увеличенный объём с 5% до 7% одобрено.", "сбор"),
        ("Снижение пошлины на ускоренную доставку с 15% до 10% отложено.", "пошлина"),
    ],
)
def test_a_participle_as_an_adjective_is_not_a_word_of_change(text: str, subject: str) -> None:
    assert [lemma(fact) for fact in facts(text)] == [subject, subject]


@pytest.mark.parametrize(
    "text",
    [
        "В августе готовы были 53% жителей, а в сентябре – только 35%.",
        "Весной работу искали 12% выпускников, осенью – лишь 7%.",
        "В 2017 году отказались 20% водителей, в 2018 – уже 26%.",
    ],
)
def test_focus_word_before_a_listed_figure(text: str) -> None:
    first, second = facts(text)
    assert lemma(second) == lemma(first) is not None


# ------------------------------------- places of a change in brackets (third round, issue 19)
@pytest.mark.parametrize(
    ("text", "lemma_"),
    [
        (
            "Показатель детской заболеваемости в мае 2019 года вырос по сравнению с аналогичным"
            " периодом прошлого года в Тверской (12%), Курской (8%), Орловской (17%), Брянской,"
            " Липецкой, Рязанской (4%) и Смоленской областях (6%), а также в Мордовии (2,5%)"
            " и Туве (7%).",
            "показатель",
        ),
        (
            "Число краж выросло по сравнению с прошлым годом в Тверской (12%), Курской (8%)"
            " и Орловской областях (5%), а также в Мордовии (2,5%) и Туве (7%).",
            "число",
        ),
        (
            "Объём перевозок сократился по сравнению с прошлым кварталом в Ярославской (4%),"
            " Вологодской (11%), Костромской (9%), Ивановской, Владимирской, Калужской (6%)"
            " и Тульской областях (3%), а также в Чувашии (8%) и Удмуртии (5%).",
            "объём",
        ),
        (
            "Расходы на отопление увеличились в Архангельской (15%), Мурманской (12%),"
            " Новгородской (7%), Ленинградской, Карельской, Коми (9%) и Псковской областях"
            " (10%), а также в Татарстане (6%) и Башкирии (4%).",
            "расход",
        ),
    ],
)
def test_places_of_a_change_in_brackets_keep_what_changed(text: str, lemma_: str) -> None:
    """A place item ("в Тверской (12 %)") is not what changed, nor is the noun before its
    preposition ("по сравнению"); a long list's later items still size the change."""
    found = facts(text)
    assert len(found) == text.count("%)")
    assert [(f.kind, lemma(f)) for f in found] == [("change", lemma_)] * len(found)


@pytest.mark.parametrize(
    ("text", "lemma_"),
    [
        ("У трети из них (12%) доходы выросли более чем на 5%.", "треть"),
        ("У половины из опрошенных (40%) есть машина.", "половина"),
        ("У большинства из них (60%) есть дети.", "большинство"),
    ],
)
def test_bracketed_share_after_a_partitive_keeps_its_noun(text: str, lemma_: str) -> None:
    """ "У трети из них (12 %)": the noun before "из" is the item, though a preposition
    follows it (only an item of adjectives alone, "в Тверской (…)", has its noun elided)."""
    assert lemma(facts(text)[0]) == lemma_


@pytest.mark.parametrize(
    ("text", "lemma_"),
    [
        (
            "К 2020 году число учителей сократилось с 12 500 до 11 200 человек (на 10,4%),"
            " а воспитателей — с 8 300 до 6 900 человек (на 16,9%).",
            "число",
        ),
        (
            "Поголовье коров за год уменьшилось с 40 до 36 тыс. голов (на 10%), а свиней — с 90"
            " до 72 тыс. голов (на 20%).",
            "поголовье",
        ),
        (
            "Число туристов выросло с 1,2 до 1,5 млн человек (на 25%), а паломников — с 200 до"
            " 260 тыс. человек (на 30%).",
            "число",
        ),
        (
            "Количество пассажиров в 2019 году снизилось с 5 до 4 млн человек (на 20%), а в 2020"
            " году — с 4 до 3 млн человек (на 25%).",
            "количество",
        ),
    ],
)
def test_unit_counted_by_an_amount_is_not_what_changed(text: str, lemma_: str) -> None:
    """ "…, а воспитателей — с 8 300 до 6 900 человек (на 16,9 %)": the later change is the
    first one's, and "человек" (counted by the amount) is not its subject."""
    assert [(f.kind, lemma(f)) for f in facts(text)] == [("change", lemma_)] * 2


@pytest.mark.parametrize(
    ("text", "lemma_"),
    [
        (
            "По словам врача, «пока ситуация спокойная», «но в 12 областях порог заметно"
            " превышен». Превышение на 20% отмечено на Урале.",
            "порог",
        ),
        (
            "Мэр сообщил, что обстановка стабильна, хотя число вызовов выросло в 5 районах."
            " Рост на 15% пришёлся на пригород.",
            "число",
        ),
        (
            "Губернатор заявил, что погода хорошая, а урожай снизился в трёх районах."
            " Снижение на 7% связано с засухой.",
            "урожай",
        ),
    ],
)
def test_bare_change_noun_takes_what_changed_in_the_sentence_before(text: str, lemma_: str) -> None:
    """A change noun opening a sentence ("Снижение на 7 % …") restates the change of the
    sentence before: its subject is the noun before that verb of change, not the first
    nominative of the sentence ("погода")."""
    assert one(text).kind == "change"
    assert lemma(one(text)) == lemma_


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "60% акций завода принадлежит холдингу, 25% у банка, 15% — у частных инвесторов.",
            ["акция", "банк", "инвестор"],
        ),
        (
            "Половина акций принадлежит городу, 30% у фонда, 20% — у сотрудников.",
            ["фонд", "сотрудник"],
        ),
        (
            "Компанией владеет семья основателя, 40% у пенсионного фонда, 10% — у менеджеров.",
            ["фонд", "менеджер"],
        ),
    ],
)
def test_stakes_listed_after_a_verb_of_owning_name_their_holder(
    text: str, expected: list[str]
) -> None:
    """ "…, 25 % у банка, 15 % — у частных инвесторов": after "принадлежит"/"владеет" a share
    followed by "у" and a genitive is that holder's."""
    assert [lemma(f) for f in facts(text)] == expected
    assert {f.kind for f in facts(text)} == {"level"}


def test_a_share_with_u_and_no_verb_of_owning_names_no_holder() -> None:
    text = "Безработица составила 5% у мужчин."
    assert lemma(one(text)) == "безработица"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (the person named in apposition to the common noun: see test_percentages_constructions)
        ("Он получил 54% голосов, депутат Иван Сидоров (КПРФ) — 21%.", "сидоров"),
        ("Победитель набрал 61% голосов, мэр Пётр Козлов («Справедливая Россия») — 30%.", "козлов"),
        ("Лидирует Анна Белова с 48%, кандидат Олег Лисин (ЛДПР) — 19%.", "лисин"),
        ("За партию отдали 40% голосов, за Андрея Бурова (КПРФ) — 22%.", "буров"),
    ],
)
def test_a_party_in_brackets_before_the_dash_keeps_the_candidate(text: str, expected: str) -> None:
    """ "депутат Иван Сидоров (КПРФ) — 21 %": the brackets between the name and the dash do
    not end the listed phrase."""
    assert lemma(facts(text)[-1]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Машин в этом году было выпущено на 6% больше, автобусов — на 2%.", ["машина", "автобус"]),
        ("Студентов в вузы поступило на 7% меньше, аспирантов — на 11%.", ["студент", "аспирант"]),
        ("В этом году квартир было продано на 12% меньше, домов — на 3%.", ["квартира", "дом"]),
        ("Туристов в регион приехало на 15% больше, паломников — на 4%.", ["турист", "паломник"]),
    ],
)
def test_comparative_does_not_take_the_next_clauses_remnant(text: str, expected: list) -> None:
    """ "квартир было продано на 12 % меньше, домов — на 3 %": the parse hangs "домов" on
    "меньше" as a conjunct; it is the elided clause's remnant, not what "меньше" counts."""
    found = facts(text)
    assert [lemma(f) for f in found] == expected
    assert {f.kind for f in found} == {"change"}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "По данным опроса, 52 процента горожан поддерживают реформу, 39 процентов – не "
            "одобряют.",
            "горожанин",
        ),
        (
            "Согласно опросу, 61 процент водителей одобряют новые правила, 27 процентов – против.",
            "водитель",
        ),
        (
            "По итогам исследования 70% школьников читают книги каждый день, 20% – раз в неделю.",
            "школьник",
        ),
        (
            "В прошлом году 34 процента фермеров получили субсидии, 12 процентов – льготные "
            "кредиты.",
            "фермер",
        ),
    ],
)
def test_a_share_in_parallel_to_a_share_subject_counts_the_same_group(
    text: str, group: str
) -> None:
    # the parse coordinates the second share with the first one's verb: it is not a measure
    # of that verb's object ("реформу", "книги")
    assert [lemma(fact) for fact in facts(text)] == [group, group]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Выручка компании составила 5 млрд рублей, это 12% от всего рынка.", "выручка"),
        ("Экспорт угля достиг 40 млн тонн, это 18% от общего объема.", "экспорт"),
        (
            "Оборот магазина за месяц составил 80 млн рублей – это около 3% от оборота сети.",
            "оборот",
        ),
        ("Урожай пшеницы составил 2 млн тонн, это почти 15% от урожая страны.", "урожай"),
    ],
)
def test_this_restates_the_amount_before(text: str, subject: str) -> None:
    # "это N %" after an amount: the share is of what the amount measures, not its unit
    assert lemma(one(text)) == subject


@pytest.mark.parametrize(
    ("text", "subject", "predicate"),
    [
        (
            "Власти обещают довести зарплаты врачей до 200% от средней по региону.",
            "зарплата",
            "довести",
        ),
        ("Правительство решило довести долю отечественного ПО до 70%.", "доля", "довести"),
        ("Минздрав доводит охват вакцинацией до 95%.", "охват", "доводить"),
        ("Регион планирует довести уровень газификации до 80% к 2025 году.", "уровень", "довести"),
    ],
)
def test_bringing_up_to_a_level_is_the_level_reached(
    text: str, subject: str, predicate: str
) -> None:
    # "довести X до N %" like "возрасти до N %": an exact level reached, not an upper bound
    fact = one(text)
    assert (fact.approx, fact.kind, fact.direction) == ("exact", "level", "none")
    assert (lemma(fact), fact.predicate) == (subject, predicate)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Выросли продажи хлеба: сетевыми магазинами — на 12%, рынками — на 5%.", "продажа"),
        ("Снизилось потребление воды: предприятиями — на 8%, жителями — на 3%.", "потребление"),
        (
            "Увеличились закупки зерна: государством — на 20%, частными компаниями — на 7%.",
            "закупка",
        ),
        (
            "За год выросло потребление газа: заводами региона — почти на 15%, котельными — на 6%.",
            "потребление",
        ),
    ],
)
def test_items_in_the_instrumental_are_by_whom_not_what_changed(text: str, subject: str) -> None:
    assert [lemma(fact) for fact in facts(text)] == [subject, subject]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("Премьер идёт вторым с 42-мя % голосов.", "42-мя %", 42.0),
        ("Доля импорта не превышает 15-ти %.", "15-ти %", 15.0),
        ("Ставку снизили с 8-ми до 7-ми процентов.", "7-ми процентов", 7.0),
        ("Из 2-х % прибыли ничего не осталось.", "2-х %", 2.0),
    ],
)
def test_a_number_in_digits_with_its_case_ending(text: str, figure: str, value: float) -> None:
    """Digits with a cardinal's case ending ("42-мя %") are the figure's number."""
    found = {fact.text: fact.value for fact in newsnlp.analyze(text).percentages}
    assert found[figure] == value


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("В прошлом году 60% посетителей приехали на автобусах, 25% - поездами.", "посетитель"),
        ("Около 70% грузов доставляют по железной дороге, 20% - морем.", "груз"),
        ("55% покупателей платят в магазинах картами, 30% - наличными.", "покупатель"),
        ("Летом 48% туристов жили в гостиницах, 31% - у родственников.", "турист"),
    ],
)
def test_a_later_share_beside_an_oblique_noun_counts_the_same_group(text: str, group: str) -> None:
    # the parse makes the second share a conjunct of "автобусах", "картами": not its share
    assert [lemma(fact) for fact in facts(text)] == [group, group]
