"""``--explain``: the named rules of the reading of a quantity (percentages, ratios, money)."""

from __future__ import annotations

import pytest

from newsnlp.pipeline import default_pipeline

# a sentence of our own for each rule of newsnlp.percentages.reading.RULES
READ = [
    ("Экспорт угля: минус 12 %.", [("12 %", "signed_change")]),
    ("Пенсии выросли на 6 %.", [("6 %", "change_by")]),
    # (a change noun with nothing named as changing is what the figure measures)
    ("Ожидается рост в 3 %.", [("3 %", "sized_change, change_noun_subject")]),
    ("Индекс прибавил 1,5 %.", [("1,5 %", "amount_of_change")]),
    ("Мэр потерял 12 % поддержки.", [("12 %", "lost_share")]),
    (
        "Производство выросло в Тверской (12,4 %), Курской (8,1 %) областях.",
        [("12,4 %", "items_of_change"), ("8,1 %", "items_of_change")],
    ),
    ("Власти объявили о 15-процентном росте тарифов.", [("15-процентном", "qualified_change")]),
    ("Рост продаж составил 7 %.", [("7 %", "change_noun")]),
    ("Рост зарплат — 11 %.", [("11 %", "change_noun_remnant")]),
    (
        "Инфляция снизилась с 9 % до 7 %.",
        [("9 %", "level_of_change"), ("7 %", "level_of_change")],
    ),
    ("Аналитики ждут 2,3 % роста экономики.", [("2,3 %", "rate_of_change")]),
    ("Явка не превысит 40 %.", [("40 %", "bound")]),
    ("40 % опрошенных против.", [("40 %", "level")]),
    # a listed figure shares the first one's change, and names its rule
    (
        "Тарифы вырастут на 5 %, 7 % и 9 %.",
        [("5 %", "change_by"), ("7 %", "change_by"), ("9 %", "change_by")],
    ),
]


@pytest.mark.parametrize(("text", "read"), READ)
def test_explain_names_the_rule_that_read_each_percentage(
    text: str, read: list[tuple[str, str]]
) -> None:
    from newsnlp.percentages import explain

    assert [(span.text, rule) for span, rule in explain(default_pipeline()(text))] == read


def test_every_rule_of_the_reading_is_reached_by_a_sentence_of_ours() -> None:
    from newsnlp.percentages.reading import RULES

    reached = {rule.split(", ")[0] for _, read in READ for _, rule in read}
    assert reached == {name for name, _ in RULES}


# a text of our own for each rule of newsnlp.percentages.carry.CARRY_RULES: its name follows
# the rule of the reading
CARRIED = [
    (
        "Индекс прибавил 1,5 %, а курс рубля — 0,4 %.",
        [("1,5 %", "amount_of_change"), ("0,4 %", "level, listed_change")],
    ),
    (
        "Доля кредитов достигла 30 % против 25 % годом ранее.",
        [("30 %", "level"), ("25 %", "level, base_of_level")],
    ),
    (
        "Цены выросли на 2 % против 3 % месяцем ранее.",
        [("2 %", "change_by"), ("3 %", "level, base_of_change")],
    ),
    (
        "52 % жителей поддерживают реформу, а 31 % выступают против.",
        [("52 %", "level"), ("31 %", "level, same_group_share")],
    ),
    (
        "Рентабельность достигла 18 %, что выше 15 % годом ранее.",
        [("18 %", "level"), ("15 %", "level, relative_level")],
    ),
    (
        "Ставка по ипотеке — 9 %, по автокредитам — 14 %.",
        [("9 %", "level"), ("14 %", "level, remnant_subject")],
    ),
    (
        "В городе произошло 300 пожаров (+5 %), в области — 120 (+7 %).",
        [("5 %", "signed_change"), ("7 %", "signed_change, listed_subject")],
    ),
    (
        "Выпуск стали составил 5 млн тонн. Снижение на 4 % связано с ремонтом.",
        [("4 %", "change_by, opening_change_noun")],
    ),
    ("В прошлом году наблюдался рост на 15 %.", [("15 %", "change_by, change_noun_subject")]),
    (
        "Продажи квартир выросли на 30 %. Во втором полугодии – на 45 %.",
        [("30 %", "change_by"), ("45 %", "level, change_before")],
    ),
    (
        "Экспорт зерна вырос на 20 %. В Египет — на 35 %, в Турции — на 12 %.",
        [
            ("20 %", "change_by"),
            ("35 %", "level, change_before"),
            # (the remnant restates a dependent of the change's subject: listed_change
            # carries that subject)
            ("12 %", "level, listed_change"),
        ],
    ),
    (
        "Аналитики ждали, что итог будет примерно 60 % на 40 %.",
        [("60 %", "level"), ("40 %", "level, split_share")],
    ),
    (
        "Доля экспорта в выручке должна составить 17 % через год. К 2030 году — 40 %.",
        [("17 %", "level"), ("40 %", "level, level_before")],
    ),
    (
        "Число посетителей за год выросло на 30 %. Во втором квартале – больше на 12 %.",
        [("30 %", "change_by"), ("12 %", "change_by, subject_of_change_before")],
    ),
    (
        "Выросли продажи техники: магазинами Казани — на 10 %, Перми — на 8 %.",
        [("10 %", "change_by"), ("8 %", "change_by, place_of_change")],
    ),
    (
        "45 % опрошенных поддерживают закон. Против высказались 30 %.",
        [("45 %", "level"), ("30 %", "level, group_before")],
    ),
]


@pytest.mark.parametrize(("text", "read"), CARRIED)
def test_explain_names_the_carry_rules_that_changed_a_reading(
    text: str, read: list[tuple[str, str]]
) -> None:
    from newsnlp.percentages import explain

    assert [(span.text, rule) for span, rule in explain(default_pipeline()(text))] == read


def test_every_carry_rule_is_reached_by_a_text_of_ours() -> None:
    from newsnlp.percentages.facts import CARRY_RULES

    reached = {name for _, read in CARRIED for _, rule in read for name in rule.split(", ")[1:]}
    assert reached == {name for name, _ in CARRY_RULES}


def test_the_carry_rules_are_applied_in_their_order() -> None:
    from newsnlp.percentages.facts import CARRY_RULES

    names = [name for name, _ in CARRY_RULES]
    # the figure before in the sentence, then the sentences before; a change noun's own subject
    # before the noun itself
    assert names[0] == "listed_change" and names[-1] == "group_before"
    assert names.index("base_of_change") < names.index("same_group_share")
    assert names.index("opening_change_noun") < names.index("change_noun_subject")
    assert names.index("change_noun_subject") < names.index("change_before")


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("52 % жителей поддерживают реформу, а 31 % выступают против.", ["житель", "житель"]),
        ("Ставка по ипотеке — 9 %, по автокредитам — 14 %.", ["ставка", "ставка"]),
        ("Продажи квартир выросли на 30 %. Во втором полугодии – на 45 %.", ["продажа"] * 2),
    ],
)
def test_what_a_carry_rule_carries_over(text: str, subjects: list[str]) -> None:
    from newsnlp.percentages import extract_percentages

    facts = extract_percentages(default_pipeline()(text))
    assert [fact.subject.lemma if fact.subject else None for fact in facts] == subjects


def test_the_reading_rules_are_tried_in_their_order() -> None:
    from newsnlp.percentages.reading import RULES

    names = [name for name, _ in RULES]
    assert names[0] == "signed_change" and names[-1] == "level"  # the last always decides
    assert names.index("change_by") < names.index("level_of_change") < names.index("bound")
    assert names.index("rate_of_change") < names.index("bound") < names.index("level")


def test_the_rule_is_recorded_on_the_reading() -> None:
    from newsnlp.percentages import find_figures, read

    doc = default_pipeline()("Доля импорта превысила 30 %.")
    sent = next(iter(doc.sents))
    reading = read(find_figures(sent)[0], sent)
    assert (reading.rule, reading.kind, reading.approx) == ("bound", "level", "more_than")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Цены выросли вдвое.", [("вдвое", "times_change")]),
        ("Треть опрошенных согласна.", [("Треть", "share")]),
        ("Бензин стал в два раза дороже.", [("два раза", "comparative")]),
        ("Выручка сократилась на треть.", [("треть", "fraction_of_change")]),
    ],
)
def test_explain_names_the_rule_that_read_each_ratio(
    text: str, read: list[tuple[str, str]]
) -> None:
    from newsnlp.ratios import explain

    assert [(span.text, rule) for span, rule in explain(default_pipeline()(text))] == read


def test_explain_names_the_rule_that_read_each_amount_of_money() -> None:
    from newsnlp.money import explain

    doc = default_pipeline()("Билет подорожал до 70 рублей. Проезд подешевел на 5 рублей.")
    assert [(fact.text, rule) for fact, rule in explain(doc)] == [
        ("70 рублей", "level_of_change"),
        ("5 рублей", "change_by"),
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # what money decides itself: how the scan read the amount, and its subject
        (
            "Стоимость билета составит 900 рублей.",
            [("900 рублей", "Стоимость", "level, level_holder")],
        ),
        (
            "Выручка выросла на 12 % и составила 10 млн рублей.",
            [("10 млн рублей", "Выручка", "level, verb_of_amount")],
        ),
        (
            "Инвестиции составили $70 млн.",
            [("$70 млн", "Инвестиции", "level, sign_first, level_holder")],
        ),
        (
            "Расходы оценили от 100 до 200 млн долларов.",
            [("100 до 200 млн долларов", "Расходы", "level, range, level_holder")],
        ),
        (
            "Резервы сократились с 114 до 81,5 млрд долларов.",
            [
                ("114", "Резервы", "level_of_change, pair_first"),
                ("81,5 млрд долларов", "Резервы", "level_of_change"),
            ],
        ),
    ],
)
def test_explain_names_what_money_decides_itself(
    text: str, read: list[tuple[str, str, str]]
) -> None:
    from newsnlp.money import explain

    found = explain(default_pipeline()(text))
    assert [(fact.text, fact.subject and fact.subject.text, rule) for fact, rule in found] == read


def test_the_subject_rules_of_money_are_tried_in_their_order() -> None:
    from newsnlp.money import SUBJECTS

    assert [name for name, _ in SUBJECTS] == ["reading_subject", "verb_of_amount", "level_holder"]


# a sentence of our own for each rule of the posts reader (newsnlp.roles.rules)
POSTS = [
    ("Мэр Омска Сергей Шелест открыл мост.", [("Мэр", "мэр", "post_before")]),
    (
        "Лидер партии, депутат парламента Иван Петров выступил.",
        [
            ("Лидер партии", "лидер партии", "listed_post_before"),
            ("депутат парламента", "депутат парламента", "post_before"),
        ],
    ),
    ("Мэром Омска избран Сергей Шелест.", [("Мэром", "мэр", "became_before")]),
    ("На пост мэра назначен Сергей Шелест.", [("мэра", "мэр", "office_before")]),
    ("Сергей Шелест, мэр Омска, открыл мост.", [("мэр", "мэр", "apposition_comma")]),
    ("Сергей Шелест — мэр Омска.", [("мэр", "мэр", "apposition_dash")]),
    (
        "Пьер Дюваль, один из президентов компании, уехал.",
        [("президентов компании", "президент компании", "one_of")],
    ),
    (
        "Иван Петров, исполняющий обязанности директора завода, уехал.",
        [
            (
                "исполняющий обязанности директора завода",
                "исполняющий обязанности директора завода",
                "acting_after",
            )
        ],
    ),
    ("Письмо подписал Иван Петров Президент ФИДЕ.", [("Президент", "президент", "signature")]),
    (
        "Губернатор назначил Сергея Шелеста министром финансов.",
        [("министром финансов", "министр финансов", "given_post")],
    ),
    ("Сергей Шелест, занимающий пост мэра Омска, уехал.", [("мэра", "мэр", "office_after")]),
    ("Сергей Шелест стал мэром Омска.", [("мэром", "мэр", "became_after")]),
    (
        "Сергей Шелест приехал в Омск. Губернатор области заявил, что мост построят.",
        [("Губернатор области", "губернатор области", "unnamed")],
    ),
]


@pytest.mark.parametrize(("text", "read"), POSTS)
def test_explain_names_the_rule_that_read_each_post(
    text: str, read: list[tuple[str, str, str]]
) -> None:
    from newsnlp.roles import explain

    found = explain(default_pipeline()(text))
    assert [(role.text, role.title, rule) for role, rule in found] == read


def test_every_rule_of_the_posts_reader_is_reached_by_a_sentence_of_ours() -> None:
    from newsnlp.roles import APPOSITIONS

    reached = {rule for _, read in POSTS for _, _, rule in read}
    names = {name for name, _ in APPOSITIONS} - {"plural_after"}  # it only refuses: below
    names |= {"post_before", "listed_post_before", "became_before", "office_before"}
    names |= {"given_post", "office_after", "became_after", "unnamed"}
    assert reached == names


def test_a_plural_post_after_a_name_is_refused_by_its_rule() -> None:
    from newsnlp.roles.rules import Apposition, apposition

    doc = default_pipeline()("Иван Петров, депутаты Думы, приехал.")
    name, post = doc[0:2], doc[3]
    assert apposition(Apposition(post, name, ",", False, False)) == (False, "plural_after")


def test_the_constructions_are_read_in_their_order() -> None:
    from newsnlp.roles import APPOSITIONS, CONSTRUCTIONS

    assert [name for name, _ in CONSTRUCTIONS] == [
        "posts_before",
        "held_before",
        "posts_after",
        "held_after",
    ]
    names = [name for name, _ in APPOSITIONS]
    assert names.index("one_of") < names.index("plural_after") < names.index("signature")
    assert names[-1] == "apposition_dash"  # the last always decides
