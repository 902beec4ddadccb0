"""Statements (``Article.statements``), with sentences we wrote: one group per construction."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.schema import Statement
from newsnlp.statements import quote_spans


def statements_of(text: str) -> list[Statement]:
    """The statements of ``text``, checking every phrase's offsets."""
    article = newsnlp.analyze(text)
    for statement in article.statements:
        for phrase in (statement.cue, statement.speaker, statement.content):
            if phrase is not None:
                assert text[phrase.start : phrase.stop] == phrase.text
    return article.statements


def table(text: str) -> list[tuple[str, str | None, str | None, str, bool]]:
    """(cue, speaker words, speaker name, content, direct) of each statement."""
    return [
        (
            s.cue.text,
            s.speaker.text if s.speaker else None,
            s.speaker_name,
            s.content.text,
            s.direct,
        )
        for s in statements_of(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct speech after the quotation: "«…», — сказал он"
        (
            "Губернатор Тверской области Игорь Руденя открыл мост. «Мы ждали этого десять лет», "
            "— сказал он.",
            [("сказал", "он", "Игорь Руденя", "Мы ждали этого десять лет", True)],
        ),
        (
            "«Цены на овощи снизятся к осени», — заявила министр сельского хозяйства Оксана Лут.",
            [("заявила", "Оксана Лут", "Оксана Лут", "Цены на овощи снизятся к осени", True)],
        ),
        (
            '"Работы завершатся в срок", - уточнил глава города Алексей Орлов.',
            [("уточнил", "Алексей Орлов", "Алексей Орлов", "Работы завершатся в срок", True)],
        ),
    ],
)
def test_quotation_before_the_cue(text, expected) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct speech after the cue: "Он сказал: «…»"
        (
            "Директор завода Пётр Сомов сказал: «Новый цех даст городу двести рабочих мест».",
            [
                (
                    "сказал",
                    "Пётр Сомов",
                    "Пётр Сомов",
                    "Новый цех даст городу двести рабочих мест",
                    True,
                )
            ],
        ),
        (
            "Анна Карпова написала: «Выставка продлится до марта».",
            [("написала", "Анна Карпова", "Анна Карпова", "Выставка продлится до марта", True)],
        ),
    ],
)
def test_quotation_after_a_colon(text, expected) -> None:
    assert table(text) == expected


def test_quotation_over_several_sentences() -> None:
    text = (
        "Глава района Олег Ветров подвёл итоги года. «Мы отремонтировали три школы. В будущем "
        "году начнём строить бассейн. Денег на это хватит», — добавил он."
    )
    [statement] = statements_of(text)
    assert statement.cue.text == "добавил"
    assert statement.speaker_name == "Олег Ветров"
    assert statement.direct
    assert statement.content.text.startswith("Мы отремонтировали три школы.")
    assert statement.content.text.endswith("Денег на это хватит")


def test_a_cue_interrupting_a_quotation_takes_the_whole_quotation() -> None:
    text = "«Лето было дождливым,— сказала Ирина Лисина.— Урожай собрали поздно»."
    [statement] = statements_of(text)
    assert (statement.cue.text, statement.speaker_name, statement.direct) == (
        "сказала",
        "Ирина Лисина",
        True,
    )
    assert (
        statement.content.text
        == "Лето было дождливым,— сказала Ирина Лисина.— Урожай собрали поздно"
    )


def test_a_dash_paragraph_is_a_quotation() -> None:
    text = "Тренер Павел Седов доволен.\n— Команда сыграла лучше, чем весной,— отметил он."
    [statement] = statements_of(text)
    assert statement.content.text == "Команда сыграла лучше, чем весной"
    assert statement.direct and statement.speaker_name == "Павел Седов"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # indirect speech: "заявил, что …", "о том, что …", "сообщил о …"
        (
            "Министр финансов Антон Силуанов заявил, что бюджет исполнен с профицитом.",
            [
                (
                    "заявил",
                    "Антон Силуанов",
                    "Антон Силуанов",
                    "бюджет исполнен с профицитом",
                    False,
                )
            ],
        ),
        (
            "Мэр Перми Эдуард Соснин рассказал о том, что трамваи выйдут на линию в мае.",
            [
                (
                    "рассказал",
                    "Эдуард Соснин",
                    "Эдуард Соснин",
                    "трамваи выйдут на линию в мае",
                    False,
                )
            ],
        ),
        (
            "Полиция Самары сообщила о задержании двух подозреваемых.",
            # a body of a place speaks for the place, as a country's officials do
            [("сообщила", "Полиция Самары", "Самара", "задержании двух подозреваемых", False)],
        ),
    ],
)
def test_indirect_speech(text, expected) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # opinion verbs, also negated
        (
            "Экономист Сергей Гуриев считает, что инфляция замедлится.",
            "считает",
            "инфляция замедлится",
        ),
        (
            "Аналитик Мария Фомина не исключает, что ставка вырастет.",
            "не исключает",
            "ставка вырастет",
        ),
        ("Депутат Ольга Зуева уверена, что закон примут.", "уверена", "закон примут"),
    ],
)
def test_opinion_verbs(text, cue, content) -> None:
    [statement] = statements_of(text)
    assert (statement.cue.text, statement.content.text) == (cue, content)
    assert statement.speaker_type == "person"


def test_negated_speech_is_no_statement() -> None:
    assert statements_of("Пресс-секретарь Олег Дымов не уточнил, когда начнутся работы.") == []


def test_a_cue_inside_a_quotation_is_no_statement() -> None:
    text = "«Я сказал, что мы справимся, и мы справились», — заявил тренер Игорь Лапин."
    assert [s.cue.text for s in statements_of(text)] == ["заявил"]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "name", "content"),
    [
        # source phrases at the start of a clause: the rest of the clause
        (
            "По данным Росстата, безработица снизилась до 3%.",
            "По данным",
            "Росстата",
            "Росстат",
            "безработица снизилась до 3%",
        ),
        (
            "По словам Веры Котовой, выставка открыта до воскресенья.",
            "По словам",
            "Веры Котовой",
            "Вера Котова",
            "выставка открыта до воскресенья",
        ),
        (
            "Согласно прогнозу Минэкономразвития, рост составит 2%.",
            "Согласно",
            "Минэкономразвития",
            "Минэкономразвития",
            "рост составит 2%",
        ),
    ],
)
def test_source_phrases(text, cue, speaker, name, content) -> None:
    [statement] = statements_of(text)
    assert statement.cue.text == cue
    assert statement.speaker is not None and statement.speaker.text == speaker
    assert (statement.speaker_name, statement.content.text) == (name, content)
    assert not statement.direct


def test_a_source_phrase_with_a_possessive_is_resolved() -> None:
    text = "Вчера выступила судья Елена Рябова. По её словам, заседание перенесут на июнь."
    statement = statements_of(text)[-1]
    assert (statement.cue.text, statement.speaker.text, statement.speaker_name) == (
        "По её словам",
        "её",
        "Елена Рябова",
    )
    assert statement.content.text == "заседание перенесут на июнь"


def test_content_before_the_cue_and_as_parenthetical() -> None:
    text = (
        "Цены на бензин выросли на 2%, сообщил Росстат. Как отметил министр энергетики "
        "Николай Шульгинов, дефицита топлива нет."
    )
    rows = table(text)
    assert rows[0] == ("сообщил", "Росстат", "Росстат", "Цены на бензин выросли на 2%", False)
    assert rows[1] == (
        "Как отметил",
        "Николай Шульгинов",
        "Николай Шульгинов",
        "дефицита топлива нет",
        False,
    )


def test_ob_etom_takes_the_sentence_before() -> None:
    text = "В Казани откроют новую линию метро. Об этом сообщил мэр Казани Ильсур Метшин."
    [statement] = statements_of(text)
    assert statement.content.text == "В Казани откроют новую линию метро"
    assert statement.speaker_name == "Ильсур Метшин"


def test_relay_gives_two_statements() -> None:
    text = "Агентство Bloomberg сообщает со ссылкой на источники, что сделка сорвалась."
    rows = table(text)
    assert [row[0] for row in rows] == ["сообщает", "со ссылкой на"]
    assert rows[0][3] == rows[1][3] == "сделка сорвалась"


def test_headline_with_a_colon() -> None:
    text = "Лавров: переговоры продолжатся\n\nГлава МИД России Сергей Лавров провёл встречу."
    statement = statements_of(text)[0]
    assert statement.cue.text == ":"
    assert statement.speaker is not None and statement.speaker.text == "Лавров"
    assert statement.speaker_name == "Сергей Лавров"
    assert statement.content.text == "переговоры продолжатся"


def test_impersonal_cue_has_no_speaker() -> None:
    [statement] = statements_of("Сообщается, что пожар потушили за час.")
    assert statement.speaker is None and statement.speaker_name is None
    assert statement.speaker_type == "other"
    assert statement.content.text == "пожар потушили за час"


def test_generic_source_is_nobody() -> None:
    [statement] = statements_of("Источник в правительстве сообщил, что решение уже принято.")
    assert statement.speaker is not None and statement.speaker.text.startswith("Источник")
    assert (statement.speaker_name, statement.speaker_type) == (None, "other")


def test_figures_get_their_source() -> None:
    article = newsnlp.analyze(
        "По данным Росстата, цены выросли на 5%. Министр Антон Силуанов заявил, что дефицит "
        "составит 2 трлн рублей."
    )
    assert [fact.source for fact in article.percentages] == ["Росстат"]
    assert [fact.source for fact in article.money] == ["Антон Силуанов"]


def test_no_statement_leaves_sources_empty() -> None:
    article = newsnlp.analyze("Цены выросли на 5%, а зарплаты — на 100 рублей.")
    assert article.statements == []
    assert [fact.source for fact in article.percentages] == [None]


def test_quote_spans() -> None:
    text = 'Он сказал: «Это «Газпром» и „Лукойл“». Потом "ещё" раз.'
    assert [(text[a], text[b]) for a, b in quote_spans(text)] == [("«", "»"), ('"', '"')]
    assert quote_spans("«не закрыта\nновая строка»") == []


def test_seed_statement(seed_article) -> None:
    statement = next(s for s in seed_article.statements if s.cue.text == "Как сообщил")
    assert statement.speaker is not None and statement.speaker.text == "градоначальник"
    assert statement.speaker_name == "Сергей Шелест"
    assert statement.speaker_type == "person"
    assert statement.content.text.startswith("стороны обсудили перспективы")
    assert not statement.direct and statement.block == "story"


def test_statements_table_holds_the_facts_of_the_content() -> None:
    pytest.importorskip("pandas")
    article = newsnlp.analyze(
        "По данным Росстата, цены выросли на 5%. Министр Антон Силуанов заявил, что дефицит "
        "составит 2 трлн рублей."
    )
    frame = newsnlp.tables([article], ids=["a"])["statements"]
    assert frame["cue"].tolist() == ["По данным", "заявил"]
    assert frame["speaker_name"].tolist() == ["Росстат", "Антон Силуанов"]
    assert frame["speaker"].tolist() == ["Росстата", "Антон Силуанов"]
    assert frame["facts"].tolist() == [["percentages:0"], ["money:0"]]
    assert frame["direct"].tolist() == [False, False]
    assert str(frame["speaker_type"].dtype) == "category"
    assert newsnlp.tables([article])["percentages"]["source"].tolist() == ["Росстат"]


def test_render_shows_statements() -> None:
    from newsnlp.render import render

    html = render(newsnlp.analyze("«Мы готовы», — сказал мэр Казани Ильсур Метшин."))
    assert '<mark class="nn-say" data-entity="0"' in html
    assert "Ильсур Метшин [person]: «Мы готовы»" in html
    assert '<section class="list-say">' in html


def test_a_source_phrase_without_a_comma() -> None:
    [statement] = statements_of("По данным Минздрава заболеваемость снизилась на 4%.")
    assert (statement.speaker_name, statement.content.text) == (
        "Минздрав",
        "заболеваемость снизилась на 4%",
    )


def test_an_invisible_space_after_the_dash() -> None:
    text = 'Фермер Олег Зотов пожаловался на погоду. "Урожай погиб!" –\u200b сказал Зотов.'
    statement = statements_of(text)[-1]
    assert (statement.content.text, statement.direct) == ("Урожай погиб!", True)


def test_a_gerund_inside_what_was_said_is_no_statement() -> None:
    text = "Директор Павел Глебов пояснил, что, планируя бюджет, компания учла рост цен на сырьё."
    [statement] = statements_of(text)
    assert statement.cue.text == "пояснил"
    assert statement.content.text == "планируя бюджет, компания учла рост цен на сырьё"


@pytest.mark.parametrize(
    "text",
    [
        # acts that rule are no sources, nor are present participles
        "Согласно новому указу президента, пенсии проиндексируют.",
        "Стороны подписали соглашение, согласно которому завод построят за три года.",
        "Документы, подтверждающие право собственности, выдают в МФЦ.",
    ],
)
def test_no_statement(text) -> None:
    assert statements_of(text) == []


def test_a_name_after_posts_in_apposition() -> None:
    text = (
        "Урожай зерна вырос на 5%, сообщил вице-губернатор, куратор аграрного блока Сергей Лапин."
    )
    [statement] = statements_of(text)
    assert (statement.speaker.text, statement.speaker_name) == ("Сергей Лапин", "Сергей Лапин")


def test_v_etom_godu_is_not_ob_etom() -> None:
    text = "Город основан в 1716 году. В этом году отмечается его юбилей."
    assert statements_of(text) == []


def test_a_name_the_tagger_misreads_is_still_the_subject() -> None:
    article = newsnlp.analyze("Ранее СибМедиа сообщало, что мост откроют летом.")
    [statement] = article.statements
    assert statement.speaker_name == "СибМедиа"


def test_o_after_an_object() -> None:
    [statement] = statements_of("Росстат предупредил горожан о росте цен на жильё.")
    assert statement.content.text == "росте цен на жильё"


def test_the_last_paragraph_of_a_quotation_over_paragraphs() -> None:
    text = (
        "«Мы построили две школы.\n«В следующем году откроем больницу», — сказал мэр Казани "
        "Ильсур Метшин."
    )
    [statement] = statements_of(text)
    assert (statement.content.text, statement.direct) == (
        "В следующем году откроем больницу",
        True,
    )


def test_a_ratio_inside_a_statement_takes_its_speaker_as_source() -> None:
    article = newsnlp.analyze(
        "По данным Росстата, выпуск кирпича в Псковской области вырос в полтора раза. "
        "Мэр Пскова Пётр Иванов заявил, что число туристов увеличилось вдвое. "
        "Посещаемость музеев выросла втрое."
    )
    assert [(ratio.text, ratio.source) for ratio in article.ratios] == [
        ("полтора раза", "Росстат"),
        ("вдвое", "Пётр Иванов"),
        ("втрое", None),
    ]
    frame = newsnlp.tables([article])["ratios"]
    assert frame["source"].tolist()[:2] == ["Росстат", "Пётр Иванов"]
