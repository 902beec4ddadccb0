"""Resolution of pronouns and descriptors to the Article's people and organizations (through
the statements they speak), with sentences we wrote."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.resolve import org_kinds, post_groups, speaker_nouns, title_groups


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker words, speaker name) of each statement."""
    return [
        (s.speaker.text if s.speaker else None, s.speaker_name)
        for s in newsnlp.analyze(text).statements
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "он" / "она" by gender: the person of that gender who spoke or was named last
        (
            "Ректор Анна Белова и декан Игорь Тихонов открыли корпус. Она сказала, что он "
            "обошёлся в миллиард.",
            [("Она", "Анна Белова")],
        ),
        (
            "Ректор Анна Белова и декан Игорь Тихонов открыли корпус. Он сказал, что ремонт "
            "закончен.",
            [("Он", "Игорь Тихонов")],
        ),
        (
            "«Мост откроют в мае», — заявил губернатор Василий Орлов. Он добавил, что проезд "
            "будет бесплатным.",
            [("Василий Орлов", "Василий Орлов"), ("Он", "Василий Орлов")],
        ),
    ],
)
def test_personal_pronouns(text, expected) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post or a word for it -> the person who holds that post (Person.roles)
        (
            "Мэр Томска Дмитрий Махиня осмотрел набережную. Как сообщил градоначальник, работы "
            "закончат к осени.",
            [("градоначальник", "Дмитрий Махиня")],
        ),
        (
            "Губернатор Курской области Роман Старовойт посетил больницу. По словам главы "
            "региона, её отремонтируют за год.",
            [("главы региона", "Роман Старовойт")],
        ),
        (
            "Министр просвещения Сергей Кравцов и ректор Ольга Ильина провели совещание. "
            "Министр отметил, что учебники обновят.",
            [("Министр", "Сергей Кравцов")],
        ),
    ],
)
def test_posts_and_their_synonyms(text, expected) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a generic noun of an organization -> the last one of that kind
        (
            "Минздрав выпустил новые правила. В ведомстве уточнили, что они вступят в силу в июле.",
            [("ведомстве", "Минздрав")],
        ),
        (
            "Сбербанк снизил ставки по вкладам. Как пояснили в банке, ставки зависят от срока.",
            [("банке", "Сбербанк")],
        ),
    ],
)
def test_organization_kinds(text, expected) -> None:
    assert speakers(text) == expected


def test_an_agent_of_a_body_is_the_body() -> None:
    text = "Представитель Роскомнадзора сообщил, что блокировка снята."
    assert speakers(text) == [("Представитель Роскомнадзора", "Роскомнадзор")]


def test_relative_pronoun() -> None:
    text = "Документ подготовил Росстат, который сообщил, что инфляция замедлилась."
    assert speakers(text)[-1] == ("который", "Росстат")


def test_lexicons_hold_no_names() -> None:
    groups = post_groups()
    assert groups["градоначальник"] & groups["мэр"]
    assert groups["глава региона"] & groups["губернатор"]
    assert title_groups("генеральный консул") & groups["консул"]
    assert "мин" in org_kinds()["министерство"]
    assert speaker_nouns()["источник"] == "generic"
    for entry in list(groups) + list(org_kinds()):
        assert entry == entry.lower(), entry


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # a body the NER does not list, named by its description: its name in the nominative
        (
            "В Центральной избирательной комиссии объяснили, что голоса пересчитают.",
            "Центральной избирательной комиссии",
            "Центральная избирательная комиссия",
        ),
        (
            "Как сообщила пресс-служба правительства Тульской области, дорогу откроют в мае.",
            "пресс-служба правительства Тульской области",
            "правительство Тульской области",
        ),
        (
            "В региональном минздраве уточнили, что прививки бесплатны.",
            "региональном минздраве",
            "региональный минздрав",
        ),
    ],
)
def test_a_described_body(text, words, name) -> None:
    assert speakers(text) == [(words, name)]


def test_coordinated_sources_are_one_statement() -> None:
    text = "Данные Росстата и Минэкономразвития свидетельствуют, что спрос растёт."
    assert speakers(text)[-1][1] == "Росстат; Минэкономразвития"


@pytest.mark.parametrize(
    "text",
    [
        "Собеседник «Известий» сообщил, что сделку отложили.",
        "Источник ТАСС в правительстве заявил, что указ готов.",
    ],
)
def test_a_generic_source_of_a_medium_is_nobody(text) -> None:
    assert [name for _, name in speakers(text)] == [None]


def test_a_vague_post_over_a_kind_of_place() -> None:
    text = (
        "Президент Татарстана Рустам Минниханов и глава налоговой службы Марат Сафиуллин "
        "провели совещание. Как уточнил глава региона, бюджет исполнен."
    )
    assert speakers(text)[-1] == ("глава региона", "Рустам Минниханов")


def test_a_document_of_a_body_after_soglasno() -> None:
    text = "Согласно докладу ЮНЕСКО, грамотность растёт."
    assert speakers(text) == [("ЮНЕСКО", "ЮНЕСКО")]


def test_ob_etom_far_before_the_cue() -> None:
    [statement] = newsnlp.analyze(
        "Налоги в Татарстане вырастут. Об этом на совместной коллегии сообщил министр "
        "финансов Радик Гайзатуллин."
    ).statements
    assert statement.content.text == "Налоги в Татарстане вырастут"
