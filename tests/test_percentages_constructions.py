"""Percentages: constructions of real news (issue 19) read by rules, each pinned with sentences
of our own in other words."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.schema import Percentage


def facts(text: str) -> list[Percentage]:
    article = newsnlp.analyze(text)
    for fact in article.percentages:
        assert text[fact.start : fact.stop] == fact.text
        if fact.subject is not None:
            assert text[fact.subject.start : fact.subject.stop] == fact.subject.text
    return article.percentages


def lemma(fact: Percentage) -> str | None:
    return fact.subject.lemma if fact.subject is not None else None


def by_text(text: str) -> dict[str, Percentage]:
    return {fact.text: fact for fact in facts(text)}


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("Около 70% всех зрителей фестиваля приехали из соседних областей.", "70%", "зритель"),
        ("Почти 40% всех покупателей расплачиваются картами.", "40%", "покупатель"),
        ("Более 15% всех водителей нарушают скоростной режим.", "15%", "водитель"),
    ],
)
def test_a_share_of_an_animate_plural_the_tagger_reads_as_accusative(
    text: str, figure: str, subject: str
) -> None:
    # "всех зрителей": the animate plural accusative is the genitive's form
    assert lemma(by_text(text)[figure]) == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # "из них": the whole the pronoun stands for, else the pronoun itself (never a noun
        # it may not stand for)
        (
            "Комиссия проверила новые котельные, и только 30% из них прошли проверку.",
            "30%",
            "котельная",
        ),
        ("Урожай составил 2 млн т зерна (из них около 40% ушло на экспорт).", "40%", "они"),
        # "из которых": the noun the relative clause qualifies
        (
            "Реформу поддержала половина горожан, из которых 12 процентов — безоговорочно.",
            "12 процентов",
            "горожанин",
        ),
        (
            "В конкурсе участвовали сотни школьников, из которых 8 процентов стали призёрами.",
            "8 процентов",
            "школьник",
        ),
    ],
)
def test_a_share_of_a_partitive_pronoun(text: str, figure: str, subject: str) -> None:
    assert lemma(by_text(text)[figure]) == subject


@pytest.mark.parametrize(
    ("text", "figure", "group"),
    [
        (
            "Число горожан, довольных транспортом, за год снизилось до 54%. "
            "Ещё 41% не определились с оценкой.",
            "41%",
            "горожанин",
        ),
        (
            "Доля пенсионеров, получающих надбавку, выросла до 37%. Ещё 5% не подали заявления.",
            "5%",
            "пенсионер",
        ),
        (
            "Число студентов, живущих в общежитиях, сократилось до 28%. "
            "Около 60% снимают квартиры.",
            "60%",
            "студент",
        ),
    ],
)
def test_a_later_share_counts_the_group_a_subject_counted(
    text: str, figure: str, group: str
) -> None:
    # "число горожан … до 54 %": the group a later share with no subject counts
    assert lemma(by_text(text)[figure]) == group


@pytest.mark.parametrize(
    ("text", "figure", "group"),
    [
        (
            "Реформу поддерживают 52% горожан. Против неё высказались 38% — самая высокая доля "
            "за пять лет.",
            "38%",
            "горожанин",
        ),
        (
            "Кредиты взяли 30% фермеров. Не планируют их брать 44% — рекордный уровень.",
            "44%",
            "фермер",
        ),
        (
            "Стипендию получают 35% студентов. Подрабатывают 57% — заметный рост.",
            "57%",
            "студент",
        ),
    ],
)
def test_a_noun_after_a_dash_comments_on_the_figure(text: str, figure: str, group: str) -> None:
    # "38 % — самая высокая доля": the noun after the dash is a comment, not what is measured
    assert lemma(by_text(text)[figure]) == group


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        (
            "Лучше всех план выполнили управлением лесного и охотничьего хозяйства (98%) "
            "и комитетом по туризму (91%).",
            "98%",
            "управление",
        ),
        (
            "Больше всего средств получили департамент связи и информатизации (41%) "
            "и служба занятости (12%).",
            "41%",
            "департамент",
        ),
        (
            "Сократилось финансирование работ по химии (20%), физике полупроводников "
            "и диэлектриков (25%).",
            "25%",
            "физика",
        ),
    ],
)
def test_a_bracketed_figure_measures_the_head_of_its_item(
    text: str, figure: str, subject: str
) -> None:
    # the bracket follows the item's last genitive: up its chain to the item's head noun
    assert lemma(by_text(text)[figure]) == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # "который" takes up the noun right before its comma, a person's name as a whole
        (
            "Мэр Олег Лунин обошёл кандидата от аграриев Павла Сомова, который получил 31 процент.",
            "31 процент",
            "сомов",
        ),
        (
            "Победу одержал депутат Семён Корнев, который набрал 54 процента.",
            "54 процента",
            "корнев",
        ),
        # a common noun of people with a name in apposition: the person
        (
            "Действующий мэр Олег Лунин получил около 58 процентов, а предприниматель "
            "Павел Сомов — около 30 процентов.",
            "30 процентов",
            "сомов",
        ),
    ],
)
def test_a_person_named_in_apposition_or_by_a_relative(
    text: str, figure: str, subject: str
) -> None:
    assert lemma(by_text(text)[figure]) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "За год выросли продажи бытовой техники: магазинами Казани — на 10%, "
            "Перми — на 8%, Самары — на 6%.",
            "продажа",
        ),
        (
            "Снизился расход топлива: автобусными парками Омска — на 7%, Томска — на 5%.",
            "расход",
        ),
        (
            "Увеличились перевозки грузов: портами Мурманска — на 12%, Архангельска — на 9%.",
            "перевозка",
        ),
    ],
)
def test_places_listed_after_a_change_are_where_it_happened(text: str, subject: str) -> None:
    # "Перми — на 8 %" restates the place of the first item: where, not what changed
    assert {lemma(fact) for fact in facts(text)} == {subject}


@pytest.mark.parametrize(
    ("text", "figure", "group"),
    [
        (
            "Летом за границу хотели бы поехать 41% горожан. Отдых на даче выбрали бы 22%.",
            "22%",
            "горожанин",
        ),
        (
            "Новый смартфон хотели бы получить в подарок 30% школьников. "
            "Велосипед попросили бы 12%.",
            "12%",
            "школьник",
        ),
        (
            "Путёвку на море купили 35% туристов. Чаще всего это семьи с детьми (52%). "
            "Экскурсионный тур заказали 14%.",
            "14%",
            "турист",
        ),
    ],
)
def test_a_poll_share_before_its_plural_verb_counts_the_group(
    text: str, figure: str, group: str
) -> None:
    # a singular noun before a plural verb is its object, not its subject: the share is the
    # subject, and counts the group the poll named (not a part of it listed in brackets)
    assert lemma(by_text(text)[figure]) == group


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Порт в прошлом году перевалил 5 млн тонн угля, что на 8% превышает результат "
            "2020 года.",
            "уголь",
        ),
        (
            "Музей за лето принял 240 тыс. посетителей, что на 15% превышает показатель "
            "прошлого сезона.",
            "посетитель",
        ),
        (
            "По отчёту фонда, объём пожертвований горожан – 1,3 миллиарда рублей, что на 11% "
            "больше, чем годом ранее.",
            "объём",
        ),
        (
            "Ошибки найдены лишь в 14 отчётах, это на 6% меньше итогов марта.",
            "отчёт",
        ),
    ],
)
def test_a_comparison_restating_the_amount_before(text: str, subject: str) -> None:
    # "…, что на 8 % превышает результат": "что"/"это" refers to the amount just named, and
    # the change measures what that amount counts (the base is not what changed)
    fact = facts(text)[0]
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Рост пошлины на пшеницу за год составил 12%, на ячмень — 15%.", "пошлина"),
        ("Рост ставок на жильё в столице составил 9%, на офисы — 4%.", "ставка"),
        ("Компания подняла цены на керосин «Арктик» на 4%, на «Полярный дизель» — на 6%.", "цена"),
        ("Завод снизил цены на краску «Лазурь» на 3%, на «Белую эмаль» — на 5%.", "цена"),
    ],
)
def test_a_prepositional_remnant_restates_a_dependent_of_the_subject(
    text: str, subject: str
) -> None:
    # "…, на ячмень — 15 %", "на «Полярный дизель» — на 6 %" (a quoted name after the
    # preposition too): the remnant names no subject of its own
    found = facts(text)
    assert [lemma(fact) for fact in found] == [subject, subject]
    assert found[1].kind == "change"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Число посетителей за год выросло на 30%. Во втором квартале – больше на 12%.", "число"),
        ("Выручка сети за год выросла на 8%. В декабре – больше на 15%.", "выручка"),
        ("Число жалоб в январе выросло на 20%. В феврале — меньше на 5%.", "число"),
    ],
)
def test_a_comparative_in_a_remnant_measures_the_change_before(text: str, subject: str) -> None:
    # "Во втором квартале – больше на 12 %": what changed is named in the sentence before
    assert [lemma(fact) for fact in facts(text)] == [subject, subject]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "16 процентов опрошенных потратили выходные на уборку, ещё 22 процента "
            "респондентов уехали к родственникам.",
            "респондент",
        ),
        (
            "30 процентов студентов живут в общежитиях, ещё 12 процентов аспирантов снимают "
            "квартиры.",
            "аспирант",
        ),
        (
            "40 процентов покупателей платят картами, ещё 15 процентов посетителей рынка "
            "используют наличные.",
            "посетитель",
        ),
    ],
)
def test_a_later_share_keeps_its_own_genitive(text: str, second: str) -> None:
    # the parse may hang the second share's genitive on the first share's unit
    assert lemma(facts(text)[1]) == second


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a share set off by commas or dashes right after the noun phrase it measures
        ("Больше всего жалоб, около 40 процентов, поступило из столицы.", "жалоба"),
        ("Меньше всего заявок, почти 5 процентов, подали пенсионеры.", "заявка"),
        (
            "Больше всего положительных отзывов о музее – более 60 процентов – оставили школьники.",
            "отзыв",
        ),
        # "их" right before a share with no noun of its own
        ("Прогулки на катере на третьем месте – их почти 12 процентов.", "прогулка"),
    ],
)
def test_a_share_in_apposition_or_after_their(text: str, subject: str) -> None:
    assert lemma(facts(text)[0]) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "С учётом выданной зимой премии учителям, реальные зарплаты снизились на 3,1 процента.",
            "зарплата",
        ),
        (
            "С учётом полученной весной субсидии фермерам, реальные доходы выросли на 4,2 "
            "процента.",
            "доход",
        ),
        (
            "С учётом начисленной в мае компенсации жильцам, реальные платежи снизились на 1,5 "
            "процента.",
            "платёж",
        ),
    ],
)
def test_of_two_subjects_the_nominative_that_agrees(text: str, subject: str) -> None:
    # the parse may give the verb a second subject: a genitive of the phrase before
    assert lemma(facts(text)[0]) == subject


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "К 2030 году власти рассчитывают на 40% сократить выбросы и на 25% снизить расход "
            "воды.",
            ("down", "расход"),
        ),
        (
            "Компания планирует на 10% увеличить выпуск и на 5% уменьшить затраты.",
            ("down", "затрата"),
        ),
        (
            "Город намерен на 30% сократить число аварий и на 15% повысить скорость ремонта.",
            ("up", "скорость"),
        ),
    ],
)
def test_a_coordinated_figure_takes_the_verb_right_after_it(
    text: str, second: tuple[str, str]
) -> None:
    # "… и на 25 % снизить расход": the verb right after the figure, not the first item's
    fact = facts(text)[1]
    assert (fact.direction, lemma(fact)) == second


@pytest.mark.parametrize(
    ("text", "figure", "group"),
    [
        (
            "При этом 52% покупателей приехали в магазин на машинах, 31% - автобусами, ещё 17% "
            "посетителей пришли пешком.",
            "31%",
            "покупатель",
        ),
        ("При этом 44% пассажиров купили билеты через сайт, 38% - в кассах.", "38%", "пассажир"),
        # a bracketed share after a group named by a participle
        ("Однако почти столько же ответивших (41%) выбрали другой вариант.", "41%", "ответивший"),
        (
            "Примерно столько же проголосовавших (38%) выбрали другого кандидата.",
            "38%",
            "проголосовавший",
        ),
    ],
)
def test_a_share_of_a_group_the_parse_hangs_elsewhere(text: str, figure: str, group: str) -> None:
    assert lemma(by_text(text)[figure]) == group


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("За год губернатор потерял 15% поддержки избирателей.", "поддержка"),
        ("Партия потеряла почти 20% голосов сторонников.", "голос"),
        ("Клуб лишился 30% болельщиков.", "болельщик"),
    ],
)
def test_a_share_lost_is_a_fall(text: str, subject: str) -> None:
    # "потерял 15 % поддержки": what the genitive measures fell by the share
    fact = facts(text)[0]
    assert (fact.kind, fact.direction, lemma(fact)) == ("change", "down", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a split: the second share measures the same as the first
        ("Аналитики ждали, что итог будет примерно 60% на 40%.", "итог"),
        # a level in a remnant opening a later sentence: what the level before measured
        (
            "Доля местных товаров на полках должна составить 25% к концу года. К 2028 году — "
            "40%, а к 2035 году — 60%, сообщил министр.",
            "доля",
        ),
        ("Уровень газификации области достиг 70% в прошлом году. К 2026 году — 85%.", "уровень"),
    ],
)
def test_a_level_that_names_nothing_measures_the_level_before(text: str, subject: str) -> None:
    assert {lemma(fact) for fact in facts(text)} == {subject}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the plural genitive opening the comparative's clause is what it counts
        (
            "По сравнению с прошлым годом краж в городе было совершено на 8% меньше, "
            "грабежей — на 5%.",
            ["кража", "грабёж"],
        ),
        ("В этом году штрафов стали выписывать почти на 12% больше, чем годом ранее.", ["штраф"]),
        ("Квартир в области построили на 6% меньше, чем в 2020 году.", ["квартира"]),
        # the genitive right after the comparative, past its adjectives
        (
            "На 30% меньше зарегистрированных краж велосипедов, на 12% сократились угоны.",
            ["кража", "угон"],
        ),
    ],
)
def test_what_a_comparative_counts(text: str, subject: list[str]) -> None:
    assert [lemma(fact) for fact in facts(text)] == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # the share's genitive, past its determiner, that the parse hangs before the figure
        ("На эти склады приходится примерно 40% всех жалоб.", "40%", "жалоба"),
        ("На малый бизнес приходится почти 30% всех новых рабочих мест.", "30%", "место"),
        # after a colon the share's own genitive, not the phrase before the colon
        (
            "В соседнем районе ситуация лучше: уже 60% таких школ получили новые компьютеры.",
            "60%",
            "школа",
        ),
        ("На севере картина иная: лишь 20% подобных сёл подключены к газу.", "20%", "село"),
        # a comparison after a dash measures what the share before it counts
        (
            "Проект одобряют 41% опрошенных — на 6 п. п. больше, чем в марте.",
            "6 п. п.",
            "опрошенный",
        ),
        (
            "Реформу поддерживают 38% горожан — на 4 п. п. меньше, чем год назад.",
            "4 п. п.",
            "горожанин",
        ),
        # a group of people right after a bare share, in the case the verb gives it
        ("В прошлом году премию выплатили 15% работающим пенсионерам.", "15%", "пенсионер"),
        ("Прибавку к окладу получили 12% молодым специалистам.", "12%", "специалист"),
    ],
)
def test_what_a_share_counts_whatever_the_parse_hangs_it_on(
    text: str, figure: str, subject: str
) -> None:
    assert lemma(by_text(text)[figure]) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Завод «Вектор» принадлежит городу на 60%, 25% владеет банк, а фонды сократили "
            "свою долю с 20% в пользу банка.",
            "завод",
        ),
        ("Порт принадлежит области на 75%, 25% — у частных инвесторов.", "порт"),
        ("Стадион принадлежит городу на 70%.", "стадион"),
    ],
)
def test_a_stake_measures_what_is_owned(text: str, subject: str) -> None:
    # "принадлежит городу на 60 %": what is owned, whatever far verb the parse hangs it on
    fact = facts(text)[0]
    assert (fact.kind, fact.predicate, lemma(fact)) == ("level", None, subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Аналитики считают, что сейчас экономика региона на 4% меньше из-за введённых в "
            "прошлом году ограничений на вывоз леса.",
            "экономика",
        ),
        (
            "Эксперты подсчитали, что урожай в этом году на 9% больше благодаря тёплой весне и "
            "обильным дождям.",
            "урожай",
        ),
        ("Оказалось, что выручка сети на 7% меньше из-за закрытых весной магазинов.", "выручка"),
    ],
)
def test_a_predicative_comparative_measures_its_subject(text: str, subject: str) -> None:
    # "экономика на 4 % меньше из-за … ограничений": a genitive further on is no count
    fact = facts(text)[0]
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a whole named in the sentence before: the pronoun (a group of people: the group)
        ("В области открылись новые больницы. Только 45% из них получили лицензии.", "они"),
        ("Власти построили новые котельные. Лишь 30% из них прошли проверку.", "они"),
        ("Весной опросили 1600 жителей города. Из них 40% довольны транспортом.", "житель"),
    ],
)
def test_a_partitive_pronoun_across_sentences(text: str, subject: str) -> None:
    assert lemma(facts(text)[0]) == subject


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "Здесь наш результат сравним с Тверью и Псковом – 31 и 30 процентов соответственно.",
            ["тверь", "псков"],
        ),
        (
            "Уровень безработицы близок к Чехии и Польше — 3,1 и 3,4 процента соответственно.",
            ["чехия", "польша"],
        ),
        (
            "Доля оказалась выше, чем у Казани и Уфы, – 12 и 9 процентов соответственно.",
            ["казань", "уфа"],
        ),
    ],
)
def test_respectively_pairs_with_the_coordination_before(text: str, subjects: list[str]) -> None:
    # the first figure's subject has no conjuncts: the nearest coordination of as many nouns
    assert [lemma(fact) for fact in facts(text)] == subjects


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Среди школьников мнения разделились: 45 процентов предпочитают футбол, а 55 "
            "процентов — хоккей.",
            "школьник",
        ),
        (
            "Почти 60% водителей ездят на работу по трассе, 30% — по объездной, и 10% — через "
            "центр.",
            "водитель",
        ),
        ("52% пенсионеров читают газеты, а 48% — журналы.", "пенсионер"),
    ],
)
def test_a_share_before_a_dash_counts_the_group_before(text: str, group: str) -> None:
    # "…, а 55 % — хоккей": the verb left out, the share counts the group the first one did
    assert {lemma(fact) for fact in facts(text)} == {group}


@pytest.mark.parametrize(
    "text",
    [
        "Среди тех, кто моложе 25 лет, ежедневно гуляют – 40 процентов.",
        "Среди тех, кто живёт в сёлах, работают в городе – 15 процентов.",
        "Среди тех, кто на пенсии, работают – 8 процентов.",
    ],
)
def test_a_share_among_those_who(text: str) -> None:
    # "Среди тех, кто …": the group is named by the demonstrative
    assert lemma(facts(text)[0]) == "тот"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Учёные с вероятностью более 90 процентов связывают засуху с потеплением.", "вероятность"),
        ("Прогноз сбылся с точностью почти 80 процентов.", "точность"),
        ("Компания с долей почти 18 процентов лидирует на рынке.", "доля"),
    ],
)
def test_the_noun_before_a_share_past_its_approximation(text: str, subject: str) -> None:
    # "с вероятностью более 90 %": the words of approximation stand between noun and figure
    assert lemma(facts(text)[0]) == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        (
            "Как сообщил инспектор, рост числа нарушений вроде подделки справок за год составил "
            "почти 6%, а подделка дипломов – около трёх процентов.",
            "трёх процентов",
            "подделка",
        ),
        (
            "Рост выручки от проката лодок за сезон составил 11%, а ремонт вёсел – около двух "
            "процентов.",
            "двух процентов",
            "ремонт",
        ),
        ("Рост выпуска стали составил 12%, а прокат – 8%.", "8%", "прокат"),
    ],
)
def test_a_nominative_remnant_after_a_change_noun_is_what_changed(
    text: str, figure: str, subject: str
) -> None:
    fact = by_text(text)[figure]
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        (
            "Рост числа краж велосипедов составил 9%, а угон мопедов – немного меньше трёх "
            "процентов.",
            "трёх процентов",
            "угон",
        ),
        (
            "Рост платы за парковку составил 14%, а аренда гаражей – немного больше пяти "
            "процентов.",
            "пяти процентов",
            "аренда",
        ),
        (
            "Рост тарифов на воду за год составил 7%, а вывоз мусора – незначительно больше 4%.",
            "4%",
            "вывоз",
        ),
        (
            "Рост экспорта леса составил 20%, а импорт мебели – несколько меньше 6%.",
            "6%",
            "импорт",
        ),
    ],
)
def test_a_remnant_with_a_degree_word_before_its_approximation(
    text: str, figure: str, subject: str
) -> None:
    # "немного больше трёх процентов" behaves like "чуть больше", "около": the degree word and
    # the word of approximation stand between the dash and the figure
    fact = by_text(text)[figure]
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Число угонов снизилось в округе Заречье на 12%. В районе Заречье — на 17%, "
            "в Северном районе — на 8%.",
            "число",
        ),
        (
            "Число свадеб выросло на 6%. В регионе Южный Урал — на 9%, в Северном регионе — на 2%.",
            "число",
        ),
        (
            "Продажи хлеба выросли на 12%. В городе Светлогорск — на 20%, в посёлке Лесной — "
            "на 9%.",
            "продажа",
        ),
        (
            "Сбор яблок сократился на 18%. В крае Приморье — на 25%, в Западной области — на 9%.",
            "сбор",
        ),
    ],
)
def test_a_place_noun_in_a_remnant_after_a_change_is_where(text: str, subject: str) -> None:
    # "В районе Заречье — на 17 %": the place noun after "в" is where the change of the
    # sentence before happened, whatever place the recognizer found around it
    assert [lemma(fact) for fact in facts(text)] == [subject] * 3


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "По данным биржи, объём торгов зерном – 2,4 миллиона тонн, что на 11% больше, "
            "чем годом ранее.",
            "объём",
        ),
        (
            "Выработка электроэнергии – 3 млрд киловатт-часов, что на 5% меньше, чем в 2019 году.",
            "выработка",
        ),
        (
            "Сбор молока фермами района – 40 тыс. литров, что на 2% больше, чем год назад.",
            "сбор",
        ),
        ("Приток отдыхающих – 85 тысяч человек, что на 9% больше прошлогоднего.", "приток"),
    ],
)
def test_a_comparison_restating_an_amount_in_units_of_measure(text: str, subject: str) -> None:
    # "…– 2,4 млн тонн, что на 11 % больше": a unit of measure (models/lexicons/measure_units)
    # is no more what changed than a currency word is: the noun the amount sizes
    fact = facts(text)[0]
    assert (fact.kind, lemma(fact)) == ("change", subject)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Самый заметный рост турпотока зафиксирован на южных линиях – за год он достиг "
            "3,2 млн человек, что на 12% больше прошлогоднего.",
            "турпоток",
        ),
        (
            "Резкий рост вылова трески зафиксирован в Баренцевом море - за сезон он составил "
            "40 тыс. тонн, что на 6% больше, чем в прошлом сезоне.",
            "вылов",
        ),
        (
            "Заметный рост добычи угля наблюдался на севере - в итоге он достиг 5 млн тонн, "
            "что на 4% больше прошлогоднего.",
            "добыча",
        ),
    ],
)
def test_a_pronoun_taking_up_a_change_noun_stands_for_what_changed(text: str, subject: str) -> None:
    # "рост турпотока … он достиг 3,2 млн человек": "он" is the flow, not the growth
    fact = facts(text)[0]
    assert (fact.kind, lemma(fact)) == ("change", subject)
