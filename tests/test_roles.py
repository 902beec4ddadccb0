"""People's posts (``Person.roles``), with sentences we wrote: one test per construction."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.roles import post_kind


def roles_of(text: str) -> dict[str, list[tuple[str, str | None]]]:
    """{person name: [(title, organization), ...]}, checking every role's offsets."""
    article = newsnlp.analyze(text)
    found = {}
    for person in article.people:
        for role in person.roles:
            assert text[role.start : role.stop] == role.text
        found[person.name] = [(role.title, role.organization) for role in person.roles]
    return found


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("Мэр Костромы Юрий Журин открыл новый сквер.", "Юрий Журин", [("мэр", "Кострома")]),
        (
            "Вчера губернатор встретился с послом Франции в Москве Пьером Леви.",
            "Пьер Леви",
            [("посол", "Франция")],
        ),
        (
            "Соглашение подписали с генеральным директором «Ростелекома» Михаилом Осеевским.",
            "Михаил Осеевский",
            [("генеральный директор", "Ростелеком")],
        ),
        (
            "Министр иностранных дел Индии Субраманьям Джайшанкар прилетел в Пекин.",
            "Субраманьям Джайшанкар",
            [("министр иностранных дел", "Индия")],
        ),
        (
            "Президент Федерации хоккея России Владислав Третьяк вручил награды.",
            "Владислав Третьяк",
            [("президент", "Федерация хоккея")],
        ),
    ],
)
def test_post_before_the_name(text: str, name: str, roles: list) -> None:
    assert roles_of(text)[name] == roles


def test_post_before_the_name_is_inflected_to_the_nominative() -> None:
    text = "Вчера губернатор встретился с послом Франции в Москве Пьером Леви."
    role = newsnlp.analyze(text).people[0].roles[0]
    assert (role.title, role.text) == ("посол", "послом")
    assert (role.start, role.stop) == (text.index("послом"), text.index("послом") + 6)


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("Андрей Котов, мэр Самары, подписал указ.", "Андрей Котов", [("мэр", "Самара")]),
        ("Пётр Сидоров — главный тренер «Зенита».", "Пётр Сидоров", [("главный тренер", "Зенит")]),
        (
            "Ольга Лебедева (директор школы) рассказала о ремонте.",
            "Ольга Лебедева",
            [("директор школы", None)],
        ),
        (
            "На встрече был Игорь Лебедев, один из руководителей компании «Северсталь».",
            "Игорь Лебедев",
            [("руководитель", "Северсталь")],
        ),
    ],
)
def test_post_in_apposition_after_the_name(text: str, name: str, roles: list) -> None:
    assert roles_of(text)[name] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Виктор Орлов, занимающий пост губернатора Курской области, посетил завод.",
            "Виктор Орлов",
            [("губернатор", "Курская область")],
        ),
        (
            "Елена Смирнова назначена на должность министра здравоохранения Омской области.",
            "Елена Смирнова",
            [("министр здравоохранения", "Омская область")],
        ),
        (
            "В прошлом году Олег Быков стал главным врачом областной больницы.",
            "Олег Быков",
            [("главный врач областной больницы", None)],
        ),
        ("Мэром Казани избран Илсур Метшин.", "Илсур Метшин", [("мэр", "Казань")]),
    ],
)
def test_post_held_named_by_a_verb_or_a_noun_of_office(text: str, name: str, roles: list) -> None:
    assert roles_of(text)[name] == roles


def test_a_candidate_for_a_post_does_not_hold_it() -> None:
    assert roles_of("Анна Ковалёва выдвинута кандидатом на пост мэра Перми.") == {
        "Анна Ковалёва": []
    }


def test_a_post_alone_makes_no_person() -> None:
    assert roles_of("Как сообщил градоначальник, работы завершатся в мае.") == {}
    found = roles_of(
        "Мэр Перми Эдуард Соснин открыл школу. Градоначальник поблагодарил строителей."
    )
    assert found == {"Эдуард Соснин": [("мэр", "Пермь")]}


def test_posts_listed_and_stacked_before_the_name() -> None:
    found = roles_of(
        "Председатель комитета по бюджету, депутат Законодательного собрания Андрей Клюев "
        "выступил против."
    )
    assert found["Андрей Клюев"] == [
        ("председатель комитета по бюджету", None),
        ("депутат", "Законодательное собрание"),
    ]
    found = roles_of("Утром представитель МЧС полковник Андрей Ветров рассказал о пожаре.")
    assert found["Андрей Ветров"] == [("представитель", "МЧС"), ("полковник", None)]


def test_each_person_takes_the_post_next_to_them() -> None:
    found = roles_of(
        "Губернатор Андрей Травников и мэр Новосибирска Максим Кудрявцев осмотрели мост."
    )
    assert found["Максим Кудрявцев"] == [("мэр", "Новосибирск")]
    assert [title for title, _ in found["Андрей Травников"]] == ["губернатор"]


def test_a_trade_is_a_role_where_it_is_practised() -> None:
    assert roles_of("Писатель Дмитрий Глуховский представил новую книгу.") == {
        "Дмитрий Глуховский": []
    }
    found = roles_of("Снимок сделал фотограф агентства «Рейтер» Иван Петров.")
    assert found["Иван Петров"] == [("фотограф", "Рейтер")]


def test_holders_from_adjectives_and_from_the_article() -> None:
    found = roles_of("Российский посол Андрей Денисов вручил грамоты. Отношения с Россией крепнут.")
    assert found["Андрей Денисов"] == [("посол", "Россия")]
    found = roles_of("Премьер-министр Михаил Мишустин провёл совещание. Россия готова к зиме.")
    assert found["Михаил Мишустин"] == [("премьер-министр", "Россия")]


def test_plural_posts_are_no_ones() -> None:
    found = roles_of("Представители мэрии, губернатор Иван Петров и журналисты осмотрели мост.")
    assert [title for title, _ in found["Иван Петров"]] == ["губернатор"]


def test_post_kinds() -> None:
    assert post_kind("мэр") == "post"
    assert post_kind("вице-губернатор") == "post"
    assert post_kind("замминистра") == "post"
    assert post_kind("бундестренер") == "post"
    assert post_kind("правозащитник") == "trade"
    assert post_kind("писатель") == "trade"
    assert post_kind("житель") == ""
    assert post_kind("стол") == ""


def test_roles_serialize() -> None:
    article = newsnlp.analyze("Андрей Котов, мэр Самары, подписал указ.")
    data = article.model_dump()["people"][0]["roles"][0]
    assert data == {
        "title": "мэр",
        "organization": "Самара",
        "start": 14,
        "stop": 17,
        "text": "мэр",
    }
    assert "roles" in newsnlp.json_schema()["$defs"]["Person"]["properties"]


def test_no_people_no_roles() -> None:
    assert newsnlp.analyze("").people == []
    assert roles_of("Мэр и губернатор обсудили бюджет.") == {}


def test_seed_posts(seed_article) -> None:
    people = {person.name: person for person in seed_article.people}
    shelest = [(role.title, role.organization) for role in people["Сергей Шелест"].roles]
    assert shelest == [("мэр", "Омск")]
    lo = [(role.title, role.organization) for role in people["Ло Шисюн"].roles]
    assert lo == [("генеральный консул", "Китай")]
    role = people["Ло Шисюн"].roles[0]
    assert seed_article.text[role.start : role.stop] == "генеральным консулом"


def test_posts_made_of_verbs_govern_the_instrumental() -> None:
    found = roles_of("Сделку одобрил Олег Зимин, управляющий компанией «Вектор».")
    assert found["Олег Зимин"] == [("управляющий", "Вектор")]


def test_a_state_post_with_a_field_is_held_in_the_article_s_country() -> None:
    found = roles_of(
        "Министр по делам молодёжи Анна Белова открыла форум. Франция выделила средства."
    )
    assert found["Анна Белова"] == [("министр по делам молодёжи", "Франция")]
    found = roles_of("Британский премьер Джон Мейджор прилетел в Москву. Россия ждала визита.")
    assert found["Джон Мейджор"] == [("британский премьер", None)]


def test_coordinated_posts_after_the_name() -> None:
    found = roles_of("Слово взял Павел Громов — учёный и директор музея «Арсенал».")
    assert found["Павел Громов"] == [("директор", "Арсенал")]


def test_a_post_running_on_to_another_name_is_that_name_s() -> None:
    found = roles_of(
        "На митинг пришли писатель Олег Жуков, руководитель движения «Зелёный город» Анна Рыбина."
    )
    assert found["Олег Жуков"] == []
    assert found["Анна Рыбина"] == [("руководитель", "Зелёный город")]


def test_a_name_inside_a_post_s_phrase_does_not_hold_it() -> None:
    found = roles_of("Советник Нино Ломидзе по вопросам культуры приехал в Тбилиси.")
    assert found == {"Нино Ломидзе": []}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Врио губернатора Курской области Иван Петров открыл мост.",
            "Иван Петров",
            [("врио губернатора", "Курская область")],
        ),
        ("И. о. мэра Игорь Носов подписал распоряжение.", "Игорь Носов", [("и. о. мэра", None)]),
        (
            "Мы встретились с временно исполняющим обязанности мэра Анной Сидоровой.",
            "Анна Сидорова",
            [("временно исполняющий обязанности мэра", None)],
        ),
        (
            "Олег Рябов, исполняющий обязанности директора «Водоканала», дал интервью.",
            "Олег Рябов",
            [("исполняющий обязанности директора", "Водоканал")],
        ),
    ],
)
def test_acting_for_a_post(text: str, name: str, roles: list) -> None:
    assert roles_of(text)[name] == roles


def test_capitalized_official_title() -> None:
    text = "Грамоты вручены Чрезвычайным и Полномочным Послом Франции Пьером Леви."
    article = newsnlp.analyze(text)
    role = article.people[0].roles[0]
    assert (role.title, role.organization) == ("чрезвычайный и полномочный посол", "Франция")
    assert role.text == "Чрезвычайным и Полномочным Послом"


def test_a_post_over_a_list_of_places() -> None:
    found = roles_of("Посол в Дании, Швеции и Норвегии Иван Петров вручил грамоты.")
    assert found["Иван Петров"] == [("посол", "Дания")]


def test_time_words_are_not_part_of_the_post() -> None:
    found = roles_of("Назначен новый главный тренер «Урала» Иван Петров.")
    assert found["Иван Петров"] == [("главный тренер", "Урал")]


def test_where_one_comes_from_is_not_a_holder() -> None:
    found = roles_of("Турнир выиграл шахматист из Армении Давид Петросян.")
    assert found["Давид Петросян"] == []
    found = roles_of("Интервью дал омский хирург Павел Лосев.")
    assert found["Павел Лосев"] == []
    found = roles_of("Говорит Ирина Малышева, инженер из лаборатории компании «Микрон».")
    assert found["Ирина Малышева"] == [("инженер", "Микрон")]


def test_age_and_tenure_are_not_part_of_the_post() -> None:
    found = roles_of("Иван Петров, 45-летний мэр Омска, подал в отставку.")
    assert found["Иван Петров"] == [("мэр", "Омск")]
    found = roles_of("Бессменный директор театра «Глобус» Анна Орлова ушла на пенсию.")
    assert found["Анна Орлова"] == [("директор", "Глобус")]


def test_a_field_of_two_conjuncts() -> None:
    found = roles_of("Заместитель губернатора по науке и образованию Ольга Ким открыла школу.")
    assert found["Ольга Ким"] == [("заместитель губернатора по науке и образованию", None)]


def test_a_plural_post_inside_a_post_s_phrase() -> None:
    found = roles_of("Председателем совета директоров избран Андрей Белов.")
    assert found["Андрей Белов"] == [("председатель совета директоров", None)]
    found = roles_of("Пресс-секретарь президента Дмитрий Песков ответил на вопросы.")
    assert found["Дмитрий Песков"] == [("пресс-секретарь президента", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Иван Петров признан лучшим тренером сезона.",
        "Анна Котова стала сильнейшей теннисисткой мира.",
        "Олег Рябов назван лучшим вратарём турнира.",
        "По итогам года Мария Лосева признана лучшей учительницей области.",
    ],
)
def test_a_title_of_praise_is_no_post(text) -> None:
    assert all(not roles for roles in roles_of(text).values())


def test_a_rank_is_still_a_post() -> None:
    found = roles_of("Старший научный сотрудник института Олег Рябов выступил с докладом.")
    assert [title for title, _ in found["Олег Рябов"]] == ["старший научный сотрудник института"]


@pytest.mark.parametrize(
    ("text", "name", "holder"),
    [
        (
            "Вице-премьер Александр Новак заявил, что Россия увеличит поставки нефти в Индию. "
            "Индия закупает всё больше нефти. Индия и Китай остаются главными покупателями.",
            "Александр Новак",
            "Россия",
        ),
        (
            "Министр Антон Силуанов сообщил, что Россия и Турция договорились. В Турции "
            "соглашение одобрили. Турция ждёт первых платежей.",
            "Антон Силуанов",
            "Россия",
        ),
        (
            "Премьер-министр Нарендра Моди открыл завод. Индия строит новые заводы, и Индия "
            "ждёт инвестиций.",
            "Нарендра Моди",
            "Индия",
        ),
    ],
)
def test_a_state_post_without_a_holder(text, name, holder) -> None:
    assert [org for _, org in roles_of(text)[name]] == [holder]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a post said without a name, beside a sentence that names one person
        (
            "Премьер-министр Норвегии заявил, что налоги не вырастут. Йонас Гаре Стёре выступил "
            "в парламенте.",
            "Йонас Гаре Стёре",
            ("премьер-министр", "Норвегия"),
        ),
        (
            "Ольга Светлова открыла новый корпус. Директор гимназии поблагодарила строителей.",
            "Ольга Светлова",
            ("директор гимназии", None),
        ),
    ],
)
def test_a_post_said_without_a_name(text, name, role) -> None:
    assert role in roles_of(text)[name]


@pytest.mark.parametrize(
    "text",
    [
        # two people beside it, or the post in another case: nobody's
        "Иван Сомов и Пётр Лыков приехали в город. Губернатор встретил гостей.",
        "Иван Сомов приехал в город. Выборы губернатора пройдут в сентябре.",
    ],
)
def test_a_post_without_a_name_that_tells_nothing(text) -> None:
    assert all(not roles for roles in roles_of(text).values())
