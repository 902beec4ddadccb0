"""Grouping people and places, with sentences we wrote."""

from __future__ import annotations

import pytest

import newsnlp


def test_one_person_with_all_mentions() -> None:
    article = newsnlp.analyze(
        "Сергей Шелест приехал в Омск. Шелест сказал, что С. Шелест не подписывал письмо. "
        "Подпись Шелеста нашли позже."
    )
    assert len(article.people) == 1
    person = article.people[0]
    assert (person.name, person.first, person.last) == ("Сергей Шелест", "Сергей", "Шелест")
    assert [m.text for m in person.mentions] == ["Сергей Шелест", "Шелест", "С. Шелест", "Шелеста"]


def test_same_surname_different_people() -> None:
    article = newsnlp.analyze("Приехала Алла Бут, жена Виктора Бута. Алла Бут ответила на вопросы.")
    assert sorted(p.name for p in article.people) == ["Алла Бут", "Виктор Бут"]


def test_nominative_mention_settles_the_name() -> None:
    article = newsnlp.analyze(
        "Губернатор встретился с консулом Ло Шисюном. Господин Ло Шисюн поблагодарил хозяев."
    )
    assert [p.name for p in article.people] == ["Ло Шисюн"]


def test_first_name_and_patronymic_join_the_person() -> None:
    article = newsnlp.analyze(
        "Вчера в Москве скончалась актриса Анна Ковальчук. Прощание с Анной Сергеевной "
        "пройдёт в субботу. Соболезнования родным Анны Ковальчук выразил министр."
    )
    people = [(p.name, p.first, p.middle, p.last, len(p.mentions)) for p in article.people]
    assert people == [("Анна Сергеевна Ковальчук", "Анна", "Сергеевна", "Ковальчук", 3)]
    article = newsnlp.analyze(
        "Памятник Борису Николаевичу Ельцину открыли в Екатеринбурге. Бориса Николаевича "
        "вспоминали добрым словом."
    )
    assert [(p.name, len(p.mentions)) for p in article.people] == [("Борис Николаевич Ельцин", 2)]


def test_country_aliases_are_one_place() -> None:
    article = newsnlp.analyze(
        "Делегация Китайской Народной Республики прилетела в Москву. Торговля с КНР растёт, "
        "и Китай готов её расширить."
    )
    china = [p for p in article.places if p.country == "CN"]
    assert len(china) == 1
    assert china[0].name == "Китай" and china[0].kind == "country"
    assert set(china[0].aliases) == {"КНР", "Китайская Народная Республика"}


def test_manzhouli_after_a_city_cue_is_the_city() -> None:
    article = newsnlp.analyze(
        "Омск сотрудничает с китайскими городами Кайфын и Маньчжурия, а также с провинциями КНР."
    )
    places = {p.name: p for p in article.places}
    assert (places["Маньчжурия"].kind, places["Маньчжурия"].country) == ("city", "CN")
    assert (places["Кайфын"].kind, places["Кайфын"].country) == ("city", "CN")
    assert places["Кайфын"].lat is not None


def test_place_inside_an_organization_name_is_a_place() -> None:
    article = newsnlp.analyze("Совет Европы осудил решение. В Европе его поддержали не все.")
    europe = [p for p in article.places if p.name == "Европа"]
    assert len(europe) == 1 and europe[0].kind == "other"
    assert [(m.text, m.start) for m in europe[0].mentions] == [("Европы", 6), ("Европе", 31)]
    assert [o.name for o in article.organizations] == ["Совет Европы"]


def test_undeclined_multiword_country_keeps_its_name() -> None:
    article = newsnlp.analyze("Туристы приехали из Коста Рика и остались довольны.")
    assert [(p.name, p.country, p.mentions[0].normal) for p in article.places] == [
        ("Коста-Рика", "CR", "Коста Рика")
    ]


def test_russia_and_usa_aliases_group_under_the_short_name() -> None:
    article = newsnlp.analyze(
        "Российская Федерация и Соединённые Штаты подписали протокол. Россия обещала "
        "поставки, а США — кредиты. Эксперты РФ довольны."
    )
    places = {p.country: p for p in article.places}
    assert places["RU"].name == "Россия"
    assert set(places["RU"].aliases) == {"Российская Федерация", "РФ"}
    assert places["US"].name == "США"
    assert places["US"].aliases == ["Соединённые Штаты"]
    assert len(article.places) == 2


def _people(text: str) -> list[tuple[str, list[str]]]:
    return [(p.name, [m.text for m in p.mentions]) for p in newsnlp.analyze(text).people]


def test_case_forms_of_one_name_are_one_person() -> None:
    assert _people("Доклад представил Евгений Носов. Евгения Носова выслушали внимательно.") == [
        ("Евгений Носов", ["Евгений Носов", "Евгения Носова"])
    ]
    assert _people(
        "Победу одержала Евгения Носова. Евгении Носовой вручили кубок. Носовой аплодировали."
    ) == [("Евгения Носова", ["Евгения Носова", "Евгении Носовой", "Носовой"])]
    assert _people(
        "Встречу провёл Сулейман Хаджиев. Сулеймана Хаджиева поддержали коллеги. "
        "Сулейману Хаджиеву вручили медаль."
    ) == [("Сулейман Хаджиев", ["Сулейман Хаджиев", "Сулеймана Хаджиева", "Сулейману Хаджиеву"])]


def test_a_first_name_of_two_people_is_its_own_entry() -> None:
    people = _people(
        "Министр Сергей Иванов и губернатор Сергей Петров обсудили бюджет. "
        "Сергей также рассказал о дорогах."
    )
    assert people == [
        ("Сергей Иванов", ["Сергей Иванов"]),
        ("Сергей Петров", ["Сергей Петров"]),
        ("Сергей", ["Сергей"]),
    ]
    # one person of that first name: the first name alone is that person
    assert _people("Тренер Игорь Седов похвалил команду. Игорь отметил успехи защиты.") == [
        ("Игорь Седов", ["Игорь Седов", "Игорь"])
    ]


def test_a_name_with_an_initial_for_surname_joins_the_person() -> None:
    people = _people("Тренер Игорь Седов похвалил команду. Игорь С. отметил успехи защиты.")
    assert [(name, len(mentions)) for name, mentions in people] == [("Игорь Седов", 2)]
    people = _people("Тренер Игорь Седов и врач Игорь Маслов. Игорь М. осмотрел игроков.")
    assert [(name, len(mentions)) for name, mentions in people] == [
        ("Игорь Седов", 1),
        ("Игорь Маслов", 2),
    ]


def test_a_surname_of_two_people_joins_the_one_named_last() -> None:
    people = _people(
        "На сцену вышли Мария Гончар и Павел Гончар. Павел Гончар спел первым. "
        "Гончар поблагодарил зал."
    )
    assert people == [
        ("Мария Гончар", ["Мария Гончар"]),
        ("Павел Гончар", ["Павел Гончар", "Павел Гончар", "Гончар"]),
    ]


def test_case_forms_of_an_unknown_place_are_one_place() -> None:
    article = newsnlp.analyze(
        "Затем делегация отправилась в Нджамену. Нджамена встретила гостей дождём."
    )
    assert [(p.name, [m.text for m in p.mentions]) for p in article.places] == [
        ("Нджамена", ["Нджамену", "Нджамена"])
    ]
    assert article.people == []


def test_a_foreign_surname_takes_the_form_its_nominative_mentions_write() -> None:
    people = _people(
        "Выступил глава отделения союза в Австрии Йорген Штиппе. Об этом рассказал Штиппе."
    )
    assert [name for name, _ in people] == ["Йорген Штиппе"]


def test_a_name_misspelt_by_a_letter_is_the_same_person() -> None:
    people = _people(
        "Губернатор Святослав Кондратенко открыл мост. Святослав Кондраттенко перерезал ленту."
    )
    assert [(name, len(mentions)) for name, mentions in people] == [("Святослав Кондратенко", 2)]
    people = _people("Певец Раймонд Вейс выступил. Раймон Вейс спел на бис.")
    assert len(people) == 1
    # other first names, or short surnames a letter apart, are other people
    people = _people("Выступили Ирина Зотова и Ирина Котова.")
    assert [name for name, _ in people] == ["Ирина Зотова", "Ирина Котова"]


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        (
            "Инвестиции в Приволжский федеральный округ выросли. Доля ПФО в экспорте тоже.",
            "ПФО",
            "Приволжский федеральный округ",
        ),
        (
            "Главы Северо-Западного федерального округа собрались. В СЗФО живут 14 млн человек.",
            "СЗФО",
            "Северо-Западный федеральный округ",
        ),
        (
            "В Уральском федеральном округе потеплело. Синоптики УрФО ждут дождей.",
            "УрФО",
            "Уральский федеральный округ",
        ),
    ],
)
def test_an_abbreviation_of_a_place_named_in_full_is_that_place(
    text: str, short: str, full: str
) -> None:
    places = [
        (place.name, {m.text for m in place.mentions}) for place in newsnlp.analyze(text).places
    ]
    (entry,) = [(name, texts) for name, texts in places if short in texts]
    assert entry[0] == full


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Туристы летят на Канары: Канарские острова манят теплом.", {"Канары", "Канарские"}),
        (
            "Отдых на Мальдивах дорожает; Мальдивские острова ждут гостей.",
            {"Мальдивах", "Мальдивские"},
        ),
        ("Вулкан на Гавайях проснулся, Гавайские острова закрыли.", {"Гавайях", "Гавайские"}),
        ("Чехия выросла; Чешская республика экспортирует пиво.", {"Чехия", "Чешская"}),
    ],
)
def test_an_adjective_of_a_place_with_a_noun_naming_it_again_is_that_place(
    text: str, words: set[str]
) -> None:
    places = newsnlp.analyze(text).places
    joined = [p for p in places if words <= {w for m in p.mentions for w in m.text.split()}]
    assert len(joined) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Москва выросла, а Московская область отстала.",
        "Курск и Курская область подвели итоги.",
        "Донецк обстреляли; Донецкая республика закрыла границу.",
    ],
)
def test_a_region_named_by_a_citys_adjective_stays_apart(text: str) -> None:
    assert len(newsnlp.analyze(text).places) == 2


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        ("Власти Татарстана открыли новый терминал.", "Татарстан", []),
        ("В Чувашии отремонтируют мост через Суру.", "Чувашия", []),
        (
            "Делегация Республики Карелия побывала в Карелии соседей. Карелия ждёт туристов.",
            "Карелия",
            ["Республика Карелия"],
        ),
        ("В Кабардино-Балкарии и КБР говорят об одном и том же.", "Кабардино-Балкария", ["КБР"]),
    ],
)
def test_a_republic_goes_by_the_short_name_the_article_writes(
    text: str, name: str, aliases: list[str]
) -> None:
    """As a country is "Китай" and not its title, a republic the article calls "Татарстан" is
    named so, not "Республика Татарстан"; an abbreviation ("КБР") is no short name."""
    (place,) = [p for p in newsnlp.analyze(text).places if p.kind == "region"]
    assert (place.name, place.aliases) == (name, aliases)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("В Республике Коми выпал снег.", "Республика Коми"),
        ("Выборы в ДНР перенесли.", "Донецкая Народная Республика"),
        ("В Воронежской области открыли завод.", "Воронежская область"),
    ],
)
def test_a_region_keeps_its_title_when_the_article_writes_no_short_name(
    text: str, name: str
) -> None:
    (place,) = newsnlp.analyze(text).places
    assert place.name == name
