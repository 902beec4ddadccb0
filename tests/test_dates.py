"""Dates, ranges, relative dates and durations as facts: each pattern with sentences of our own."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import newsnlp
from newsnlp.dates import resolve, shift_of
from newsnlp.schema import DateFact


def dates(text: str, published: date | datetime | str | None = None) -> list[DateFact]:
    article = newsnlp.analyze(text, published=published)
    for fact in article.dates:
        assert text[fact.start : fact.stop] == fact.text
    return article.dates


def one(text: str, published: date | datetime | str | None = None) -> DateFact:
    found = dates(text, published)
    assert len(found) == 1, found
    return found[0]


def calendar(fact: DateFact) -> tuple:
    return (fact.year, fact.month, fact.day)


def point(fact: DateFact, key: str) -> tuple:
    end = getattr(fact, key)
    return (end.year, end.month, end.day)


# ---------------------------------------------------------------- calendar dates


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Завод открыли 3 февраля 2019 года.", "3 февраля 2019 года", (2019, 2, 3)),
        ("Указ подписан 17 мая.", "17 мая", (None, 5, 17)),
        ("Мост закрыли в октябре 2021 г. на ремонт.", "октябре 2021 г.", (2021, 10, None)),
        ("Стадион построили в 1998 году.", "1998 году", (1998, None, None)),
        ("Итоги 2023 года подведут весной.", "2023 года", (2023, None, None)),
        ("Выставка закроется 28.02.2027 вечером.", "28.02.2027", (2027, 2, 28)),
        ("Договор вступил в силу 2026-01-15.", "2026-01-15", (2026, 1, 15)),
        ("Это случилось в конце августа 2010-го.", "августа 2010-го", (2010, 8, None)),
    ],
)
def test_calendar_dates(text: str, mention: str, expected: tuple) -> None:
    fact = one(text)
    assert (fact.text, calendar(fact), fact.kind, fact.relative) == (
        mention,
        expected,
        "date",
        False,
    )


def test_parts_of_the_year() -> None:
    quarter = one("Выручка упала в третьем квартале 2025 года.")
    assert (quarter.year, quarter.quarter) == (2025, 3)
    half = one("Планы на второе полугодие 2026 года утверждены.")
    assert (half.year, half.half) == (2026, 2)
    season = one("Поезд запустят осенью 2028 года.")
    assert (season.year, season.season) == (2028, "autumn")
    halves = dates("В первой половине 2025 года и во второй половине года спрос рос.")
    assert [(f.half, f.year, f.relative) for f in halves] == [(1, 2025, False), (2, None, True)]
    century = one("Усадьба построена в XVIII веке.")
    assert century.century == 18


def test_a_weekday_before_a_date_joins_it() -> None:
    fact = one("Во вторник, 14 марта, суд продолжил заседание.")
    assert (fact.text, calendar(fact), fact.weekday, fact.relative) == (
        "вторник, 14 марта",
        (None, 3, 14),
        2,
        False,
    )
    fact = one("В минувшую субботу 9 июля прошёл парад.")
    assert (fact.day, fact.month, fact.weekday) == (9, 7, 6)


def test_listed_days_and_years_take_the_month_and_year_after_them() -> None:
    found = dates("Концерты пройдут 4 и 5 октября.")
    assert [(f.text, f.day, f.month) for f in found] == [("4", 4, 10), ("5 октября", 5, 10)]
    found = dates("Рекорды ставили в 2004 и 2008 годах.")
    assert [f.year for f in found] == [2004, 2008]


def test_times_of_day() -> None:
    found = dates("Поезд прибыл в 14:35, а отправился в 9 часов вечера.")
    assert [(f.hour, f.minute) for f in found] == [(14, 35), (21, None)]
    found = dates("Магазин работает с 10 часов утра до 22 часов.")
    assert [(f.text, f.hour) for f in found] == [("10 часов утра", 10), ("до 22 часов", 22)]


def test_a_score_or_a_clock_without_a_preposition_is_not_a_time() -> None:
    assert dates("Счёт 2:1 — 12:40 Иванов.") == []


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "begin", "end"),
    [
        ("Фестиваль пройдёт с 1 по 15 июля.", (None, 7, 1), (None, 7, 15)),
        ("Выборы назначены на 10–12 сентября 2027 года.", (2027, 9, 10), (2027, 9, 12)),
        ("Раскопки шли в 2012–2014 годах.", (2012, None, None), (2014, None, None)),
        ("Программа рассчитана на 2030 — 2035 годы.", (2030, None, None), (2035, None, None)),
        ("Он руководил клубом с 1995 по 2001 год.", (1995, None, None), (2001, None, None)),
        ("Турнир шёл с 28 мая по 3 июня 2024 года.", (2024, 5, 28), (2024, 6, 3)),
        ("Отчёт за январь-март готов.", (None, 1, None), (None, 3, None)),
        ("В ночь с 7 на 8 марта было холодно.", (None, 3, 7), (None, 3, 8)),
        ("Это случилось в 80-х годах.", (1980, None, None), (1989, None, None)),
    ],
)
def test_ranges(text: str, begin: tuple, end: tuple) -> None:
    fact = one(text)
    assert (fact.kind, point(fact, "begin"), point(fact, "end")) == ("range", begin, end)


def test_decades_and_hours_as_ranges() -> None:
    fact = one("В 1970—1980-е годы город рос.")
    assert (point(fact, "begin"), point(fact, "end")) == ((1970, None, None), (1989, None, None))
    fact = one("Музей открыт с 11 до 19 часов.")
    assert (fact.kind, fact.begin and fact.begin.hour, fact.end and fact.end.hour) == (
        "range",
        11,
        19,
    )


def test_half_a_year_ahead_is_six_months() -> None:
    fact = one("Через полгода откроют новую линию.")
    assert (fact.relative, fact.unit, fact.shift) == (True, "month", 6)


def test_a_move_from_one_month_to_another_is_two_dates() -> None:
    found = dates("Старт перенесли с апреля на июнь.")
    assert [(f.kind, f.month) for f in found] == [("date", 4), ("date", 6)]


# ---------------------------------------------------------------- relative dates


@pytest.mark.parametrize(
    ("text", "mention", "unit", "shift"),
    [
        ("В прошлом году урожай был выше.", "прошлом году", "year", -1),
        ("В этом месяце цены не менялись.", "этом месяце", "month", 0),
        ("На следующей неделе начнутся каникулы.", "следующей неделе", "week", 1),
        ("Дом сдали в прошедшем году.", "прошедшем году", "year", -1),
        ("Решение примут до конца текущего года.", "текущего года", "year", 0),
        ("Вчера вечером прошёл дождь.", "Вчера вечером", "day", -1),
        ("Сегодня мэр открыл школу.", "Сегодня", "day", 0),
        ("Завтра ожидается снег.", "Завтра", "day", 1),
        ("Накануне министр встретился с фермерами.", "Накануне", "day", -1),
        ("Самолёт вылетел 13 часов назад.", "13 часов назад", "hour", -13),
        ("Музей открылся три года назад.", "три года назад", "year", -3),
        ("Ответ придёт через две недели.", "через две недели", "week", 2),
        ("Закон вступит в силу через 10 дней.", "через 10 дней", "day", 10),
    ],
)
def test_relative_dates(text: str, mention: str, unit: str, shift: int) -> None:
    fact = one(text)
    assert (fact.text, fact.relative, fact.unit, fact.shift) == (mention, True, unit, shift)


@pytest.mark.parametrize(
    ("text", "mention", "unit"),
    [
        ("Цены растут с начала года.", "начала года", "year"),
        ("Скидки действуют до конца месяца.", "конца месяца", "month"),
        ("По итогам квартала выручка упала.", "итогам квартала", "quarter"),
        ("Ремонт закончат к концу недели.", "концу недели", "week"),
    ],
)
def test_the_current_period_named_by_its_part(text: str, mention: str, unit: str) -> None:
    fact = one(text)
    assert (fact.text, fact.relative, fact.unit, fact.shift) == (mention, True, unit, 0)


def test_the_end_of_a_named_year_is_that_year() -> None:
    fact = one("Работы продлятся до конца 2027 года.")
    assert (fact.text, fact.year, fact.relative) == ("2027 года", 2027, False)


def test_one_unit_ago() -> None:
    fact = one("Тогда, год назад, мост ещё строили.")
    assert (fact.text, fact.unit, fact.shift) == ("год назад", "year", -1)
    fact = one("Неделю назад выпал снег.")
    assert (fact.unit, fact.shift) == ("week", -1)


def test_half_a_year_back() -> None:
    fact = one("За полгода цены выросли.", published="2026-09-15")
    assert (fact.kind, fact.unit, fact.amount) == ("range", "year", 0.5)
    assert (point(fact, "begin"), point(fact, "end")) == ((2026, 3, 15), (2026, 9, 15))


def test_a_month_of_a_relative_year() -> None:
    fact = one("В марте прошлого года завод остановился.")
    assert (fact.month, fact.relative, fact.unit, fact.shift) == (3, True, "year", -1)
    fact = one("Решение приняли в мае с.г.")
    assert (fact.month, fact.relative, fact.shift) == (5, True, 0)


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("В четверг депутаты приняли бюджет.", 4),
        ("Во вторник прошли учения.", 2),
        ("В минувшее воскресенье прошёл марафон.", 7),
        ("Выставка открыта с понедельника.", 1),
        ("Отчёт ждут к пятнице.", 5),
    ],
)
def test_weekdays(text: str, weekday: int) -> None:
    fact = one(text)
    assert (fact.relative, fact.unit, fact.weekday, fact.shift) == (True, "day", weekday, None)


def test_a_capitalized_weekday_without_a_preposition_is_not_a_date() -> None:
    assert dates("Нападающий Четверг забил гол.") == []


@pytest.mark.parametrize(
    ("text", "unit", "amount"),
    [
        ("За год цены выросли вдвое.", "year", 1.0),
        ("За последние 5 лет население сократилось.", "year", 5.0),
        ("Последние три месяца шли дожди.", "month", 3.0),
        ("За неделю выпал месячный запас осадков.", "week", 1.0),
        ("В течение последних 20 лет река мелела.", "year", 20.0),
    ],
)
def test_counted_back_ranges(text: str, unit: str, amount: float) -> None:
    fact = one(text)
    assert (fact.kind, fact.relative, fact.unit, fact.amount) == ("range", True, unit, amount)


@pytest.mark.parametrize(
    ("text", "end", "year"),
    [
        ("За девять месяцев 2025 года выручка выросла.", 9, 2025),
        ("По итогам десяти месяцев 2024 года добыча упала.", 10, 2024),
        ("За первые три квартала 2023 года прибыль росла.", 9, 2023),
        ("За 11 месяцев экспорт вырос.", 11, None),
    ],
)
def test_the_first_months_of_a_year(text: str, end: int, year: int | None) -> None:
    fact = one(text)
    assert (fact.kind, point(fact, "begin"), point(fact, "end")) == (
        "range",
        (year, 1, None),
        (year, end, None),
    )
    assert fact.relative is (year is None)


def test_a_vague_count_ago_is_relative_without_a_shift() -> None:
    fact = one("Несколько дней назад прошёл ливень.")
    assert (fact.relative, fact.unit, fact.shift) == (True, "day", None)


def test_vague_periods_are_not_dates() -> None:
    assert dates("В последние годы и за эти годы многое изменилось.") == []
    assert dates("Спор идёт уже несколько лет.") == []


# ---------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "mention", "unit", "amount", "approx"),
    [
        ("Он работал в течение 12 лет.", "в течение 12 лет", "year", 12.0, "exact"),
        ("Стройка шла почти 20 лет.", "почти 20 лет", "year", 20.0, "about"),
        ("Ремонт займёт около девяти месяцев.", "около девяти месяцев", "month", 9.0, "about"),
        ("Визит длился полтора года.", "полтора года", "year", 1.5, "exact"),
        ("Экипаж провёл в полёте двое суток.", "двое суток", "day", 2.0, "exact"),
        ("Визы дают на срок до 90 дней.", "до 90 дней", "day", 90.0, "up_to"),
        ("Проверка длится не менее трёх недель.", "не менее трёх недель", "week", 3.0, "more_than"),
        ("Срок проверки — не более двух недель.", "не более двух недель", "week", 2.0, "less_than"),
        (
            "Заседание продлится не больше трёх часов.",
            "не больше трёх часов",
            "hour",
            3.0,
            "less_than",
        ),
        ("Работы займут практически пять лет.", "практически пять лет", "year", 5.0, "about"),
        (
            "Стройка займёт ориентировочно два года.",
            "ориентировочно два года",
            "year",
            2.0,
            "about",
        ),
        ("Операция шла 2 часа 30 минут.", "2 часа 30 минут", "hour", 2.5, "exact"),
        ("Обед длился полчаса.", "полчаса", "hour", 0.5, "exact"),
        ("Очередь стояла в течение часа.", "в течение часа", "hour", 1.0, "exact"),
        ("Он прожил там четыре с половиной года.", "четыре с половиной года", "year", 4.5, "exact"),
    ],
)
def test_durations(text: str, mention: str, unit: str, amount: float, approx: str) -> None:
    fact = one(text)
    assert (fact.text, fact.kind, fact.unit, fact.amount, fact.approx) == (
        mention,
        "duration",
        unit,
        amount,
        approx,
    )


def test_a_length_before_or_after_an_event_is_a_duration() -> None:
    fact = one("Он уехал за неделю до выборов.")
    assert (fact.kind, fact.unit, fact.amount) == ("duration", "week", 1.0)
    fact = one("Арест последовал через три дня после обыска.")
    assert (fact.kind, fact.unit, fact.amount) == ("duration", "day", 3.0)


def test_a_clock_moved_back_is_a_duration_not_a_date() -> None:
    fact = one("Стрелки перевели на один час назад.")
    assert (fact.kind, fact.unit, fact.amount) == ("duration", "hour", 1.0)


def test_a_month_name_that_is_a_name_is_not_a_date() -> None:
    assert dates("Марта Стюарт приехала в Москву.") == []
    assert dates("Статуя императора Августа стоит на площади.") == []
    assert [f.month for f in dates("Март выдался холодным.")] == [3]


def test_numbers_that_are_not_dates() -> None:
    assert dates("На площадь пришли 1500 человек, выпущено 2014 экземпляров.") == []
    assert dates("Фабрика выпускает 300 машин в день.") == []
    assert dates("Выбросы выросли в 3 раза, пришли до 2000 человек из 17 регионов.") == []


# ---------------------------------------------------------------- resolving


def test_relative_dates_resolve_against_the_published_date() -> None:
    found = dates(
        "В прошлом году завод закрыли, вчера его продали, а в четверг снесли.",
        published=date(2026, 12, 1),  # a Tuesday
    )
    assert [(f.text, f.year, f.month, f.day, f.resolved) for f in found] == [
        ("прошлом году", 2025, None, None, True),
        ("вчера", 2026, 11, 30, True),
        ("четверг", 2026, 11, 26, True),
    ]


def test_a_day_without_a_year_takes_the_nearest_year() -> None:
    assert one("Суд назначен на 20 января.", published="2026-12-28").year == 2027
    assert one("Суд прошёл 20 ноября.", published="2026-12-28").year == 2026


def test_hours_ago_need_the_time_of_publication() -> None:
    fact = one("Пожар начался 5 часов назад.", published=datetime(2026, 3, 2, 3, 0))
    assert (fact.year, fact.month, fact.day, fact.hour) == (2026, 3, 1, 22)
    unresolved = one("Пожар начался 5 часов назад.", published=date(2026, 3, 2))
    assert (unresolved.day, unresolved.resolved) == (None, False)


def test_counted_back_ranges_resolve_to_begin_and_end() -> None:
    fact = one("За последние 3 месяца продажи выросли.", published="2026-05-20")
    assert (point(fact, "begin"), point(fact, "end")) == ((2026, 2, 20), (2026, 5, 20))


def test_weeks_resolve_to_monday_and_sunday() -> None:
    fact = one("На прошлой неделе шёл снег.", published="2026-12-03")
    assert (point(fact, "begin"), point(fact, "end")) == ((2026, 11, 23), (2026, 11, 29))


def test_a_date_line_gives_the_article_its_date() -> None:
    article = newsnlp.analyze("12 марта 2027 года\n\nВчера в городе открыли новый мост.")
    assert article.published == "2027-03-12"
    yesterday = article.dates[1]
    assert (yesterday.text, calendar(yesterday)) == ("Вчера", (2027, 3, 11))


def test_the_callers_date_wins_over_the_date_line() -> None:
    article = newsnlp.analyze("12 марта 2027 года\n\nВчера открыли мост.", published="2027-04-01")
    assert article.published == "2027-04-01"
    assert calendar(article.dates[1]) == (2027, 3, 31)


def test_a_time_joins_the_day_it_follows_or_precedes() -> None:
    fact = one("Обновлено: 14.02.2027, 08:45.")
    assert (fact.text, fact.day, fact.hour, fact.minute) == ("14.02.2027, 08:45", 14, 8, 45)
    fact = one("Новости дня. Пожар потушили вчера, 21:15.")
    assert (fact.text, fact.shift, fact.hour, fact.minute) == ("вчера, 21:15", -1, 21, 15)
    fact = one("Записано 09:05, 3 мая 2027 года.")
    assert (fact.text, fact.day, fact.hour, fact.minute) == ("09:05, 3 мая 2027 года", 3, 9, 5)


def test_a_page_header_gives_the_date() -> None:
    text = (
        "Городские новости\nГлавная | Политика | Спорт\n\nМэр открыл парк\n\n"
        "Опубликовано: 14.02.2027, 08:45 · Обновлено: 14.02.2027, 10:00\n\n"
        "Вчера мэр открыл парк у реки."
    )
    article = newsnlp.analyze(text)
    assert article.published == "2027-02-14"
    assert calendar(article.dates[-1]) == (2027, 2, 13)


def test_a_date_inside_a_sentence_is_not_a_date_line() -> None:
    article = newsnlp.analyze("Мост открыли 12 марта 2027 года, вчера его закрыли.")
    assert article.published is None
    assert article.dates[1].resolved is False


def test_bad_published_dates_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="ISO date"):
        newsnlp.analyze("Текст.", published="вчера")
    with pytest.raises(TypeError, match="published must be"):
        newsnlp.analyze("Текст.", published=20260101)  # type: ignore[arg-type]


def test_resolve_keeps_absolute_dates() -> None:
    fact = DateFact(start=0, stop=9, text="2020 году", year=2020)
    assert resolve(fact, date(2026, 1, 1)) is fact


def test_shift_words() -> None:
    assert [shift_of(word) for word in ("прошлом", "этой", "следующего", "нынешнем", "дом")] == [
        -1,
        0,
        1,
        0,
        None,
    ]


# ---------------------------------------------------------------- percentages' periods


def test_the_period_of_a_percentage_carries_its_date() -> None:
    article = newsnlp.analyze("В третьем квартале 2025 года выручка выросла на 7 %.")
    period = article.percentages[0].period
    assert period is not None
    assert (period.text, period.lemma, period.year, period.quarter) == (
        "В третьем квартале 2025 года",
        "квартал",
        2025,
        3,
    )


def test_a_relative_period_resolves_with_the_article() -> None:
    article = newsnlp.analyze("В прошлом году экспорт вырос на 12 %.", published="2026-06-01")
    period = article.percentages[0].period
    assert period is not None and (period.relative, period.year) == (True, 2025)


def test_empty_and_foreign_texts_have_no_dates() -> None:
    assert dates("") == []
    assert dates("   ") == []
    assert dates("The meeting is on Monday, 5 May 2025.") == []


# ---------------------------------------------------------------- no-break spaces, year lists


@pytest.mark.parametrize(
    ("text", "mention", "fields"),
    [
        ("Театр построили в 1912\u00a0году.", "1912\u00a0году", (1912, None, None)),
        ("Сбор начнётся 5\u00a0мая.", "5\u00a0мая", (None, 5, 5)),
        ("Лицензию отозвали в марте\u00a02020 года.", "марте\u00a02020 года", (2020, 3, None)),
    ],
)
def test_a_no_break_space_inside_a_date(text: str, mention: str, fields: tuple) -> None:
    fact = one(text)
    assert (fact.text, calendar(fact)) == (mention, fields)


def test_a_range_of_years_with_a_no_break_space_before_the_year_word() -> None:
    fact = one("Журнал выходил с 1923 по 1931\u00a0год.")
    assert (fact.kind, point(fact, "begin"), point(fact, "end")) == (
        "range",
        (1923, None, None),
        (1931, None, None),
    )


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Фестиваль проходил в 2011, 2015 и 2019.", [2011, 2015, 2019]),
        ("Команда побеждала в 2003 году, в 2007 и в 2010.", [2003, 2007, 2010]),
        ("Реку перекрывали в 1987 и 1994 гг.", [1987, 1994]),
        ("Мост чинили в 2001-м и 2006-м.", [2001, 2006]),
        ("Стадион реконструировали в 1998-м.", [1998]),
    ],
)
def test_years_without_a_year_word(text: str, years: list[int]) -> None:
    assert [fact.year for fact in dates(text)] == years


def test_numbers_in_a_list_that_are_not_years() -> None:
    assert dates("Отряды поднимались до 1500 и 2000 метров.") == []


# ---------------------------------------------------------------- relative times


@pytest.mark.parametrize(
    ("text", "mention", "unit", "shift"),
    [
        ("В тот же вечер поезд отменили.", "тот же вечер", "day", None),
        ("Тем же утром мэр уехал в район.", "Тем же утром", "day", None),
        ("В ту ночь спасатели работали без отдыха.", "ту ночь", "day", None),
        ("В этот день открылся новый мост.", "этот день", "day", None),
        ("В тот же год завод сменил владельца.", "тот же год", "year", None),
        ("Этим утром город засыпало снегом.", "Этим утром", "day", 0),
        ("Сегодня утром на трассе столкнулись две машины.", "Сегодня утром", "day", 0),
        ("На этой неделе откроется каток.", "этой неделе", "week", 0),
        ("Через пару лет здесь появится парк.", "Через пару лет", "year", 2),
    ],
)
def test_relative_times(text: str, mention: str, unit: str, shift: int | None) -> None:
    fact = one(text)
    assert (fact.text, fact.relative, fact.unit, fact.shift) == (mention, True, unit, shift)


def test_a_couple_of_years_is_about_two() -> None:
    assert one("Через пару лет здесь появится парк.").approx == "about"
    fact = one("Ремонт займёт пару недель.")
    assert (fact.kind, fact.unit, fact.amount, fact.approx) == ("duration", "week", 2.0, "about")


# ---------------------------------------------------------------- durations as adjectives


@pytest.mark.parametrize(
    ("text", "mention", "unit", "amount"),
    [
        ("Начался пятидневный визит делегации.", "пятидневный", "day", 5.0),
        ("Она окончила трёхмесячные курсы.", "трёхмесячные", "month", 3.0),
        ("Подписан двадцатипятилетний контракт.", "двадцатипятилетний", "year", 25.0),
        ("После 24-часовой смены врач уехал домой.", "24-часовой", "hour", 24.0),
        ("Объявлен полуторамесячный перерыв.", "полуторамесячный", "month", 1.5),
        ("Закончился 20-летний срок аренды.", "20-летний", "year", 20.0),
    ],
)
def test_durations_as_adjectives(text: str, mention: str, unit: str, amount: float) -> None:
    fact = one(text)
    assert (fact.text, fact.kind, fact.unit, fact.amount) == (mention, "duration", unit, amount)


@pytest.mark.parametrize(
    "text",
    [
        "Пятилетний мальчик нашёлся в лесу.",
        "Врачи прооперировали 45-летнюю Ирину Смирнову.",
        "Сегодня 30-летний «Вымпел» даст концерт.",
        "Задержан 40-летний местный житель.",
        "Летний сезон открыт, многодневный поход отменён.",
    ],
)
def test_ages_and_other_words_are_not_adjective_durations(text: str) -> None:
    assert [fact for fact in dates(text) if fact.kind == "duration"] == []


# ---------------------------------------------------------------- ages are not dates


@pytest.mark.parametrize(
    "text",
    [
        "Ему 35 лет.",
        "Ей исполнилось 40 лет.",
        "В возрасте 72 лет скончался художник.",
        "Льготы получат граждане старше 65 лет.",
        "Прививку делают детям до 6 лет.",
        "Пособие платят женщинам от 18 до 55 лет.",
        "В 19 лет он стал чемпионом.",
        "Задержан мужчина 30 лет.",
        "Иван Петров, 52 года, вышел на пенсию.",
    ],
)
def test_ages_are_not_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Обвиняемому грозит до 8 лет колонии.", "до 8 лет"),
        ("Биологи 12 лет изучали колонию.", "12 лет"),
        ("Стройка займёт до 4 лет.", "до 4 лет"),
    ],
)
def test_lengths_of_years_stay_durations(text: str, mention: str) -> None:
    fact = one(text)
    assert (fact.text, fact.kind, fact.unit) == (mention, "duration", "year")


# ---------------------------------------------------------------- the rules, named


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("В 1990-е годы завод закрыли.", [("1990-е годы", "decade_or_century")]),
        ("Пятидневный визит завершился.", [("Пятидневный", "adjective_duration")]),
        ("Выставка пройдёт 20 и 21 марта.", [("20", "listed_day_or_year"), ("21 марта", "date")]),
        (
            "Магазин работает с 8 часов утра до 20 часов.",
            [("8 часов утра", "clock"), ("до 20 часов", "clock_closing_span")],
        ),
        ("В тот же день он уехал.", [("тот же день", "pointed")]),
        ("Итоги подвели 14:20, 3 октября 2025.", [("14:20, 3 октября 2025", "clock_date")]),
        ("Летом 2024 года цены росли.", [("Летом 2024 года", "part_of_year")]),
        ("Три года назад мост чинили.", [("Три года назад", "ago")]),
    ],
)
def test_explain_names_the_rule_that_read_each_date(text: str, read: list[tuple[str, str]]) -> None:
    from newsnlp.dates import explain
    from newsnlp.pipeline import default_pipeline

    assert [(fact.text, rule) for fact, rule in explain(default_pipeline()(text))] == read


def test_the_rules_are_tried_in_their_order() -> None:
    from newsnlp.dates import RULES

    names = [name for name, _ in RULES]
    assert names.index("range") < names.index("date") < names.index("duration")
    assert names.index("ago") < names.index("duration") < names.index("adjective_duration")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Вчера вечером прошёл ливень.", [("Вчера вечером", "day_word")]),
        ("В прошлом году мост закрыли.", [("прошлом году", "shifted_unit")]),
        ("Год назад мост закрыли.", [("Год назад", "unit_ago")]),
        ("С начала года цены выросли.", [("начала года", "current_unit")]),
        ("Через два дня мост откроют.", [("Через два дня", "counted_back")]),
        ("В пятницу мост открыли.", [("пятницу", "weekday")]),
    ],
)
def test_explain_names_the_relative_rules(text: str, read: list[tuple[str, str]]) -> None:
    from newsnlp.dates import explain
    from newsnlp.pipeline import default_pipeline

    assert [(fact.text, rule) for fact, rule in explain(default_pipeline()(text))] == read
