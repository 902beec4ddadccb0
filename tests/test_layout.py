"""Layout: the story apart from the page around it (pages written by us, several layouts)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsnlp
from newsnlp.layout import (
    BYLINE,
    CREDIT,
    HEADER,
    ITEM,
    LEGAL,
    NAV,
    PROSE,
    RELATED,
    SHARE,
    SHORT,
    TAGS,
    TEASER,
    TIME,
    byline_name,
    lay_out,
    line_kind,
    split_lines,
)

PAGES = Path(__file__).resolve().parent / "pages"

# a copied page: site name, menu, rubric, headline, story with "Напомним", photo credit, the
# author's name and a first-person bio, a "Последние статьи" list with "…" teasers and times
PORT_PAGE = (PAGES / "port.txt").read_text(encoding="utf-8")

# another layout: headline with a date line and a byline under it, an inline "Читайте также:",
# "Ранее … сообщал", tags and share lines, a list of headlines without a header, an item with
# an uncut teaser and a time, a cookie notice, a button and a copyright line
BRIDGE_PAGE = (PAGES / "bridge.txt").read_text(encoding="utf-8")

# a third: breadcrumbs, a "Опубликовано: …" line, a story with a subheading, a
# "Читайте также" list of time-prefixed items, then the author and a third-person bio
FARM_PAGE = (PAGES / "farm.txt").read_text(encoding="utf-8")


def kinds(text: str, layout) -> list[tuple[str, str]]:
    """(kind, first line of the block) of every block."""
    return [(b.kind, text[b.start : b.stop].strip().split("\n")[0]) for b in layout.blocks]


def assert_covers(text: str, blocks) -> None:
    """Blocks cover the text in order, without gaps or overlaps."""
    assert blocks[0].start == 0 and blocks[-1].stop == len(text)
    for before, after in zip(blocks, blocks[1:]):
        assert before.stop == after.start and before.kind != after.kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("13 часов назад", TIME),
        ("2 дня назад", TIME),
        ("вчера, 21:15", TIME),
        ("Сегодня, 09:30", TIME),
        ("14:20, 3 октября 2025", TIME),
        ("Опубликовано: 14.03.2025, 10:20 · Обновлено: 14.03.2025, 12:00", TIME),
        ("5 мая 2024 г.", TIME),
        ("Только что", TIME),
        ("Полчаса назад", TIME),
        ("Позавчера", TIME),
        ("Добавлено: позавчера", TIME),
        ("Среда, 18:40", TIME),
        ("ВЧЕРА В 17:05", TIME),
        ("Последние статьи", HEADER),
        ("Читайте также", HEADER),
        ("Популярное", HEADER),
        ("Комментарии (12)", HEADER),
        ("Новости партнёров", HEADER),
        ("Читайте также: Пробки в Калуге за год выросли на 7%", RELATED),
        ("Фото: Пётр Зуев", CREDIT),
        ("Фото: пресс-служба мэрии", CREDIT),
        ("Теги: мосты, ремонт", TAGS),
        ("Поделиться: ВКонтакте  Telegram", SHARE),
        ("ВКонтакте Одноклассники Telegram", SHARE),
        ("© 2025 «Город-онлайн». Все права защищены.", LEGAL),
        ("Мы используем файлы cookie, чтобы сайт работал лучше.", LEGAL),
        ("Все права защищены", LEGAL),
        ("Тел.: 8 (3812) 40-11-22", LEGAL),
        ("Права пенсионеров защищают в суде", SHORT),
        ("Председатель комиссии Ирина Зотова", SHORT),
        ("Главная › Регионы › Экономика", NAV),
        ("Новости | Экономика | Общество", NAV),
        ("Автор: Игорь Белов", BYLINE),
        ("08:15 В Белгороде открыли рынок", ITEM),
        ("Билет на паром подорожал на 20%, чем…", TEASER),
        ("В Калуге отремонтируют три моста через Оку", SHORT),
        ("Кто заплатит за ремонт моста?", SHORT),
        ("Мэрия Калуги заключила контракты. Работы начнутся летом.", PROSE),
        ("В 14:00 мэр открыл мост.", PROSE),
    ],
)
def test_line_kinds(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_byline_name() -> None:
    assert byline_name("Автор: Игорь Белов") == "Игорь Белов"
    assert byline_name("Автор Игорь Белов") == "Игорь Белов"
    assert byline_name("Игорь Белов") == "Игорь Белов"


def test_port_page_blocks_and_facts() -> None:
    article = newsnlp.analyze(PORT_PAGE)
    assert_covers(PORT_PAGE, article.blocks)
    assert kinds(PORT_PAGE, article) == [
        ("more", "Вестник Приморья"),
        ("title", "Экономика"),
        (
            "story",
            "Порт Находки принял первое судно у нового причала. Терминал рассчитан на 300 "
            "тысяч контейнеров в год.",
        ),
        ("more", "Фото: Пётр Зуев"),
        ("author", "Анна Соколова"),
        ("more", "Последние статьи"),
    ]
    assert article.title == "В Находке открыли новый терминал для контейнеровозов"
    assert article.author == "Анна Соколова"
    story = article.story()
    assert [person.name for person in story.people] == ["Виктор Лагунов"]
    assert [fact.value for fact in story.percentages] == [14.0]
    around = article.around()
    assert {person.name for person in around.people} >= {"Анна Соколова", "Евгений Кривцов"}
    assert [fact.value for fact in around.percentages] == [20.0]
    # "Напомним, …" is the story's
    reminder = PORT_PAGE.index("Напомним")
    assert article.block_at(reminder).kind == "story"


def test_bridge_page_blocks_and_facts() -> None:
    article = newsnlp.analyze(BRIDGE_PAGE)
    assert_covers(BRIDGE_PAGE, article.blocks)
    assert [kind for kind, _ in kinds(BRIDGE_PAGE, article)] == [
        "more",  # site name and menu
        "title",  # rubric and headline
        "more",  # date line
        "author",  # byline
        "story",
        "more",  # "Читайте также: …" inside the story
        "story",  # goes on, "Ранее … сообщал" included
        "more",  # tags, share, headlines, teaser, cookie, copyright
    ]
    assert article.title == "В Калуге отремонтируют три моста через Оку"
    assert article.author == "Игорь Белов"
    story = article.story()
    assert [person.name for person in story.people] == ["Марина Орлова"]
    assert [fact.value for fact in story.percentages] == [60.0]
    assert sorted(fact.value for fact in article.around().percentages) == [5.0, 7.0]
    places = {place.name for place in story.places}
    assert "Калуга" in places and "Обнинск" not in places and "Людиново" not in places


def test_farm_page_blocks() -> None:
    article = newsnlp.analyze(FARM_PAGE)
    assert_covers(FARM_PAGE, article.blocks)
    assert [kind for kind, _ in kinds(FARM_PAGE, article)] == [
        "more",  # breadcrumbs
        "title",
        "more",  # "Опубликовано: …"
        "story",  # with its subheading "Как подать заявку"
        "more",  # "Читайте также" and its items
        "author",  # name line and a third-person bio
    ]
    assert article.block_at(FARM_PAGE.index("Как подать заявку")).kind == "story"
    assert article.author == "Ирина Громова"
    story = article.story()
    assert [person.name for person in story.people] == ["Олег Рябов"]
    assert [fact.value for fact in story.percentages] == [40.0]
    assert "Белгород" not in {place.name for place in story.places}


def test_every_mention_and_percentage_has_its_block() -> None:
    article = newsnlp.analyze(BRIDGE_PAGE)
    for entity in article.people + article.places + article.organizations:
        for mention in entity.mentions:
            assert mention.block == article.block_at(mention.start).kind
            assert article.text[mention.start : mention.stop] == mention.text
    for fact in article.percentages:
        assert fact.block == article.block_at(fact.start).kind
    orlova = next(p for p in article.people if p.name == "Марина Орлова")
    assert [m.block for m in orlova.mentions] == ["story"]


def test_story_and_around_split_the_facts() -> None:
    article = newsnlp.analyze(PORT_PAGE)
    story, around = article.story(), article.around()
    names = {p.name for p in article.people}
    assert {p.name for p in story.people} | {p.name for p in around.people} == names
    assert not {p.name for p in story.people} & {p.name for p in around.people}
    assert len(story.percentages) + len(around.percentages) == len(article.percentages)
    assert story.text == article.text and story.blocks == article.blocks


def test_plain_article_is_all_story_with_its_headline() -> None:
    text = (
        "Цены на гречку выросли на 8%\n\n"
        "За месяц гречка в магазинах Перми подорожала на 8%. Об этом сообщил Пермьстат.\n"
        "Эксперт Анатолий Зимин связывает рост с плохим урожаем."
    )
    layout = lay_out(text)
    assert [(b.kind, b.start) for b in layout.blocks] == [("title", 0), ("story", 30)]
    assert layout.title == "Цены на гречку выросли на 8%"
    one = "Мэр Перми встретился с жителями. Они обсудили ремонт дорог."
    assert [(b.kind, b.start, b.stop) for b in lay_out(one).blocks] == [("story", 0, len(one))]


def test_text_without_prose_is_story() -> None:
    text = "Сбербанк снизил ставки по вкладам"
    assert [b.kind for b in lay_out(text).blocks] == ["story"]


def test_empty_and_whitespace() -> None:
    assert lay_out("").blocks == []
    assert newsnlp.analyze("").blocks == []
    blocks = lay_out(" \n\n ").blocks
    assert [(b.kind, b.start, b.stop) for b in blocks] == [("story", 0, 4)]


def test_story_of_article_without_blocks_is_everything() -> None:
    article = newsnlp.analyze("Мэр Перми встретился с жителями.")
    bare = newsnlp.Article.model_validate(article.model_dump(exclude={"blocks"}) | {"blocks": []})
    assert bare.story().people == bare.people


def test_crlf_lines() -> None:
    text = BRIDGE_PAGE.replace("\n", "\r\n")
    layout = lay_out(text)
    assert_covers(text, layout.blocks)
    assert layout.title == "В Калуге отремонтируют три моста через Оку"


# a fourth: the author's name line right above the story (no bio: the story's lead stays the
# story's), an enumeration in the story, a "Читайте также" header with one link and an ad mark
# inside the story, a "Подписывайтесь" line, headlines without a header, an uncut teaser
METRO_PAGE = (PAGES / "metro.txt").read_text(encoding="utf-8")


def test_metro_page_story_across_inline_links_and_enumerations() -> None:
    article = newsnlp.analyze(METRO_PAGE)
    assert_covers(METRO_PAGE, article.blocks)
    assert [kind for kind, _ in kinds(METRO_PAGE, article)] == [
        "more",  # site name, breadcrumbs
        "title",  # rubric and headline
        "author",  # the name line
        "more",  # date line
        "story",  # with the enumeration of stations
        "more",  # "Читайте также" and its link
        "story",
        "more",  # "Реклама"
        "story",  # "Напомним, …" included
        "more",  # subscribe line, headlines, teaser, time
    ]
    assert article.author == "Олег Ветров"
    assert article.block_at(METRO_PAGE.index("Об этом журналистам")).kind == "story"
    assert article.block_at(METRO_PAGE.index("— «Цирк»")).kind == "story"
    story = article.story()
    assert [person.name for person in story.people] == ["Глеб Сазонов"]
    assert [fact.value for fact in story.percentages] == [30.0, 4.0]
    assert "Павел Рыжов" in {person.name for person in article.around().people}


def test_bio_reads_as_a_bio() -> None:
    from newsnlp.layout import is_bio

    assert is_bio("Корреспондент отдела политики. Пишет о выборах.")
    assert is_bio("Выпускник журфака. Пишу о спорте и культуре.")
    assert is_bio("Работаю в редакции с 2019 года, веду рубрику о здоровье.")
    assert not is_bio("Мэр рассказал журналистам о новом мосте через реку.")


# a fifth: an enumeration introduced by ":" with bullets in the story, a source line, then a
# bulleted list of other headlines without a header, headlines with their time after them
RIVER_PAGE = (PAGES / "river.txt").read_text(encoding="utf-8")


def test_river_page_enumeration_in_the_story_and_bulleted_list_after_it() -> None:
    article = newsnlp.analyze(RIVER_PAGE)
    assert_covers(RIVER_PAGE, article.blocks)
    assert [kind for kind, _ in kinds(RIVER_PAGE, article)] == ["title", "story", "more"]
    assert article.block_at(RIVER_PAGE.index("Рыбинск — Мышкин")).kind == "story"
    assert article.block_at(RIVER_PAGE.index("Стоимость билетов")).kind == "story"
    story = article.story()
    assert [person.name for person in story.people] == ["Антон Зарецкий"]
    assert [fact.value for fact in story.percentages] == [12.0]
    assert "Юлия Сторожева" in {person.name for person in article.around().people}
    assert "Тутаев" not in {place.name for place in story.places}


@pytest.mark.parametrize(
    "line",
    ["Цены на бензин в области выросли 10:45", "Мэр ушла в отпуск — 3 часа назад"],
)
def test_headline_with_its_time_after_it_is_an_item(line: str) -> None:
    assert line_kind(line) == ITEM


# a sixth: a name with its trade under the headline, a views counter, an "Ещё по теме" block
# of two links inside the story, a counter line, a name line with a one-line trade after it
SCHOOL_PAGE = (PAGES / "school.txt").read_text(encoding="utf-8")


def test_school_page_bylines_counters_and_an_inline_block_of_links() -> None:
    article = newsnlp.analyze(SCHOOL_PAGE)
    assert_covers(SCHOOL_PAGE, article.blocks)
    assert kinds(SCHOOL_PAGE, article) == [
        ("more", "ВЕЧЕРНИЙ НОВГОРОД   Новости   Город   Люди   Спорт"),
        ("title", "В Великом Новгороде откроют третью школу искусств"),
        ("author", "Алексей Дронов, обозреватель"),
        ("more", "👁 2 315"),
        (
            "story",
            "Городская администрация выделила здание бывшего кинотеатра под новую школу "
            "искусств. Занятия начнутся в сентябре, набор уже открыт.",
        ),
        ("more", "Ещё по теме"),
        (
            "story",
            "Директор будущей школы Наталья Веснова сообщила, что желающих уже на 30% больше, "
            "чем мест. По её словам, в первый год школа примет 400 учеников.",
        ),
        ("more", "Просмотров: 2315"),
        ("author", "Светлана Кравец"),
        ("more", "Самое читаемое"),
    ]
    assert article.title == "В Великом Новгороде откроют третью школу искусств"
    assert article.author == "Алексей Дронов"
    assert [fact.value for fact in article.story().percentages] == [30.0]


def test_a_date_line_with_a_rubric_between_headline_and_story() -> None:
    text = (
        "Главная\n\nВ Омске открыли новый каток\n14:20 | Спорт\n\n"
        "Каток на набережной принял первых посетителей. Он работает с утра до вечера.\n"
    )
    layout = lay_out(text)
    assert [block.kind for block in layout.blocks] == ["more", "title", "more", "story"]
    assert layout.title == "В Омске открыли новый каток"


@pytest.mark.parametrize(
    "line", ["Ещё новости", "Рекомендуем прочитать", "Вам может понравиться", "Лучшее за неделю"]
)
def test_more_list_headers(line: str) -> None:
    assert line_kind(line) == HEADER


def test_direct_speech_lines_stay_in_the_story() -> None:
    text = (
        "Мэр ответил на вопросы\n\n"
        "Мэр Перми провёл прямую линию с жителями. Вопросов было много.\n"
        "— Когда починят дороги?\n— Летом.\n— А мосты?\n— Тоже летом, — ответил мэр.\n"
        "Всего он ответил на сорок вопросов. Следующая линия пройдёт в мае.\n"
    )
    assert [block.kind for block in lay_out(text).blocks] == ["title", "story"]


def test_a_name_under_a_photo_is_a_caption_not_the_author() -> None:
    text = (
        "В Омске открыли мост\n\n"
        "Мэр Омска Андрей Веденеев открыл новый мост через Иртыш. Движение начнётся завтра.\n\n"
        "Андрей Веденеев\nФото: пресс-служба мэрии\n\n"
        "По словам мэра, мост построили на 20% быстрее плана. Он обошёлся в два миллиарда.\n\n"
        "Иван Ершов\n\nПоследние статьи\n"
    )
    article = newsnlp.analyze(text)
    assert [block.kind for block in article.blocks] == [
        "title",
        "story",
        "more",
        "story",
        "author",
        "more",
    ]
    assert article.author == "Иван Ершов"
    assert [fact.value for fact in article.story().percentages] == [20.0]


def test_name_lines_above_and_under_the_story_are_the_author() -> None:
    # the author is named in the story too: the lines are still bylines, not the headline
    text = (
        "В Омске открыли мост\nИван Ершов\n\n"
        "Мэр Омска открыл новый мост через Иртыш. Об этом сообщил Иван Ершов.\n\n"
        "Иван Ершов\n\nПоследние статьи\n"
    )
    article = newsnlp.analyze(text)
    assert [block.kind for block in article.blocks] == [
        "title",
        "author",
        "story",
        "author",
        "more",
    ]
    assert article.title == "В Омске открыли мост"
    assert article.author == "Иван Ершов"


def test_a_known_headline_and_the_lines_under_it_up_to_a_list() -> None:
    # an HTML page's text: the caller knows where the headline ends; a standfirst and a first
    # paragraph under it are the title's, a "Читайте также" list after them is not
    from newsnlp.layout import lay_out

    title = "В Твери открыли новую набережную"
    text = (
        f"{title}\n\n"
        "Работы шли два года\n"
        "Набережную открыл губернатор области, он поблагодарил строителей.\n"
        "Читайте также:\n"
        "В Ржеве отремонтируют мост\n"
        "Кашин получит новую школу\n"
        "Бежецк ждёт туристов\n"
        "Торжок празднует юбилей\n"
        "Длина набережной составляет два километра, на ней высадили четыреста деревьев, "
        "установили скамейки и фонари. Подрядчик обещает, что летом откроют ещё и пристань "
        "для прогулочных теплоходов, а осенью достроят велодорожку до моста.\n"
    )
    layout = lay_out(text, (), headline=len(title))
    assert layout.title == title
    assert layout.kind_at(0) == "title"
    assert layout.kind_at(text.index("Работы шли")) == "title"
    assert layout.kind_at(text.index("Набережную открыл")) == "title"
    assert layout.kind_at(text.index("Читайте также")) == "more"
    assert layout.kind_at(text.index("Кашин")) == "more"
    assert layout.kind_at(text.index("Длина")) == "story"
    # without the hint, the headline is the last headline-like line before the story
    assert lay_out(text).title == "Торжок празднует юбилей"


def test_lines_break_where_python_breaks_them() -> None:
    # split_lines reads the lines one at a time; they are str.splitlines' lines
    text = "Заголовок\r\nПервая строка\rВторая\x0bТретья\u2028\n\nПоследняя без конца"
    lines = split_lines(text)
    assert [text[line.begin : line.end] for line in lines] == text.splitlines(keepends=True)
    assert [line.text for line in lines][:3] == ["Заголовок", "Первая строка", "Вторая"]
    assert split_lines("") == [] and len(split_lines("одна\n")) == 1
