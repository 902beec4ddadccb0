"""Grouping people and places, with sentences we wrote."""

from __future__ import annotations

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
