"""HTML pages in: trafilatura finds the article; title, author and date are kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

import newsnlp
from newsnlp.webpage import (
    decode,
    extract,
    find_headline,
    link_boxes,
    page_text,
    read_article,
    read_blocks,
    repeated_items,
)
from newsnlp.webpage.blocks import Tree

PAGES = Path(__file__).resolve().parent / "pages"
# a page with an <article> tag, <meta> author and date, a sidebar list and a footer
BAKERY = (PAGES / "bakery.html").read_bytes()
# a page without an <article> tag, in windows-1251, the byline under the text
FERRY = (PAGES / "ferry.html").read_bytes()


def test_page_with_article_tag() -> None:
    article = newsnlp.analyze_html(BAKERY)
    assert article.title == "В Вологде открылась городская пекарня"
    assert article.author == "Олеся Круглова"
    assert article.published == "2025-02-03"
    assert article.text.startswith("В Вологде открылась городская пекарня\n")
    # the byline under the headline is read from the page (trafilatura's text leaves it out)
    assert [b.kind for b in article.blocks] == ["title", "author", "story"]
    story = article.story()
    assert [person.name for person in story.people] == ["Степан Гущин"]
    assert [fact.value for fact in story.percentages] == [10.0, 6.0]
    # the sidebar and the footer are not in the text
    assert "Череповце" not in article.text and "Ананьев" not in article.text
    for person in article.people:
        for mention in person.mentions:
            assert article.text[mention.start : mention.stop] == mention.text


def test_page_without_article_tag_in_its_own_charset() -> None:
    article = newsnlp.analyze_html(FERRY)
    assert article.title == "На Ладоге запустили новый паром"
    assert article.author == "Вера Никонова"
    assert article.published == "2025-09-12"
    story = article.story()
    assert [person.name for person in story.people] == ["Аркадий Лемехов", "Денис Ярошенко"]
    assert [fact.value for fact in story.percentages] == [25.0]
    assert "Ковалёва" not in article.text  # the "Главное за день" column is left out
    assert article.blocks[0].kind == "title"


def test_html_as_str_gives_the_same() -> None:
    text = BAKERY.decode("utf-8")
    assert newsnlp.analyze_html(text) == newsnlp.analyze_html(BAKERY)


def test_page_text_is_a_line_per_block() -> None:
    html = (
        "<html><head><title>x</title><script>var a = 1;</script></head><body>"
        "<div>Главная</div><p>Мэр Перми открыл <b>новый</b> мост.</p><ul><li>Один</li>"
        "<li>Два</li></ul></body></html>"
    )
    assert page_text(html) == "Главная\nМэр Перми открыл новый мост.\nОдин\nДва"


def test_empty_page_and_bad_input() -> None:
    assert extract("").text == ""
    assert newsnlp.analyze_html("  ").people == []
    with pytest.raises(TypeError, match="str or bytes"):
        newsnlp.analyze_html(42)  # type: ignore[arg-type]


def test_byline_the_metadata_misses_and_furniture_inside_the_body() -> None:
    # no <article>, no <meta> author: the byline shares a line with the date; an inline
    # "Читайте также" list, a photo credit, tags and comments around the story
    article = newsnlp.analyze_html((PAGES / "tver.html").read_bytes())
    assert article.title == "В Твери построят новый мост через Волгу"
    assert article.author == "Пётр Ивлев"
    story = article.story()
    assert [person.name for person in story.people] == ["Игорь Руденко", "Семён Пыжов"]
    assert [fact.value for fact in story.percentages] == [40.0, 70.0]
    assert "Анна Ельцова" not in {person.name for person in story.people}
    assert "Максим Орлов" not in {person.name for person in story.people}  # the photo credit


def test_find_byline() -> None:
    from newsnlp.layout import find_byline

    assert find_byline("Сегодня, 10:15 | Автор: Пётр Ивлев") == "Пётр Ивлев"
    assert find_byline("Новости\nТекст: Вера Никонова") == "Вера Никонова"
    assert find_byline("Автор фото: Максим Орлов") is None


# --- the page's own structure: one test per mechanism, each with a page of our own ---------


def blocks_of(html: str) -> list[str]:
    return [block.text for block in read_blocks(lxml_html.document_fromstring(html))]


def test_text_joined_across_inline_tags_without_invented_spaces() -> None:
    html = (
        "<html><body><p>Губернатор <a href='/p'>Ольга Мирон</a>ова открыла <b>школу</b> в "
        "<i>Пскове</i>.<br>Вторая строка</p><p>Ещё абзац</p></body></html>"
    )
    assert blocks_of(html) == [
        "Губернатор Ольга Миронова открыла школу в Пскове.\nВторая строка",
        "Ещё абзац",
    ]


def test_a_label_glued_after_a_word_is_read_apart() -> None:
    html = (
        "<html><body><h1>Мост закрыли на ремонт<a href='#c'>Комментарии: 3</a></h1></body></html>"
    )
    assert blocks_of(html) == ["Мост закрыли на ремонт Комментарии: 3"]
    # a time stamp and a user's name beside it
    html = "<html><body><p><span>Вчера в 9:10</span><a href='/u/7'>Lisa2011</a></p></body></html>"
    assert blocks_of(html) == ["Вчера в 9:10 Lisa2011"]
    # but a lowercase tail goes on the word: "Керне" + "с"
    assert blocks_of("<html><body><p><a>Пав</a>ел и <b>Ан</b>на</p></body></html>") == [
        "Павел и Анна"
    ]


def test_hidden_elements_controls_and_counter_badges_are_not_read() -> None:
    html = (
        "<html><body><p><a href='#c'>0</a>Цены на хлеб выросли.</p>"
        "<p style='display: none'>Скрытый абзац про Тулу.</p><p hidden>Ещё один про Орёл.</p>"
        "<div aria-hidden='true'>Иконка</div><textarea>Код для блога про Курск</textarea>"
        "<select><option>Брянск</option></select><p><a href='/y'>2012</a> год прошёл</p>"
        "</body></html>"
    )
    assert blocks_of(html) == ["Цены на хлеб выросли.", "2012 год прошёл"]


def test_a_counter_badge_before_an_inline_element_is_not_read() -> None:
    html = (
        "<html><body><p><a name='p1'></a><a href='#c1'>0</a><em>Из Тулы пришли вести.</em></p>"
        "<p><a href='#c2'>12</a><b>Рынок</b> вырос.</p><p><a href='/y'>2012</a> <i>год</i></p>"
        "</body></html>"
    )
    assert blocks_of(html) == ["Из Тулы пришли вести.", "Рынок вырос.", "2012 год"]


def test_utf8_bytes_win_over_a_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Тверь</p></body></html>'
    assert decode(page.encode("utf-8")) == page
    assert decode(page.encode("cp1251")) == page
    assert decode(page) == page


def tree_of(html: str) -> Tree:
    return Tree(read_blocks(lxml_html.document_fromstring(html)))


def test_repeated_teaser_items_but_not_a_storys_paragraphs() -> None:
    teaser = (
        "<li class='t'><a href='/n'>Заголовок {0}</a><p>Анонс номер {0}, в нём есть запятая.</p>"
        "<span>10:0{0}</span></li>"
    )
    html = (
        "<html><body><ul>" + "".join(teaser.format(n) for n in range(4)) + "</ul>"
        "<div><p>Абзац один.</p><p>Абзац два.</p><p>Абзац три.</p><p>Абзац четыре.</p></div>"
        "</body></html>"
    )
    tree = tree_of(html)
    items = repeated_items(tree)
    assert sorted(element.tag for element in items) == ["li"] * 4
    assert not any(element.tag == "p" for element in items)


def test_link_boxes_and_a_column_with_a_story_beside_its_menu() -> None:
    regions = (
        "<ul>" + "".join(f"<li><a href='/r{n}'>Город {n}</a></li>" for n in range(60)) + "</ul>"
    )
    story = "<p>" + "Длинный абзац новости, с запятыми и точками. " * 10 + "</p>"
    html = (
        "<html><body><div id='col'><div id='menu'><b>Регионы:</b> " + regions + "</div>"
        "<div id='also'><b>Читайте также:</b><ul><li><a href='/1'>Одна новость</a></li>"
        "<li><a href='/2'>Другая новость</a></li></ul></div>" + story + "</div></body></html>"
    )
    tree = tree_of(html)
    ids = {element.get("id") for element in link_boxes(tree)}
    assert {"menu", "also"} <= ids and "col" not in ids


def test_headline_found_by_the_metadata_title() -> None:
    blocks = read_blocks(
        lxml_html.document_fromstring(
            "<html><body><h1>Новости</h1><h2>В Туле открыли парк</h2><p>Текст.</p></body></html>"
        )
    )
    headline = find_headline(blocks, "В Туле открыли парк — Тульские известия")
    assert headline is not None and headline.text == "В Туле открыли парк"
    assert find_headline(blocks, None) is None
    assert find_headline(blocks, "Совсем другой заголовок") is None


def test_a_headline_near_the_story_when_the_title_is_the_sites_name() -> None:
    # the metadata title names the site, the only <h1> is its logo: the headline is the
    # heading right before the story
    article = newsnlp.analyze_html((PAGES / "site_title.html").read_bytes())
    assert article.title == "В Шадринске отремонтируют драмтеатр"
    assert article.text.startswith("В Шадринске отремонтируют драмтеатр\n\n02.02.2012\n")
    assert [person.name for person in article.story().people] == ["Игорь Ломакин"]
    assert "Курган.ру" not in article.text


def test_a_page_without_prose_has_no_article_from_its_structure() -> None:
    menu = "<html><body><div>Главная</div><div>Контакты</div></body></html>"
    assert read_article(menu, None) is None
    # trafilatura finds nothing either: the page is read whole
    assert extract("<html><body><div>Главная</div><div>Контакты</div></body></html>").text == (
        "Главная\nКонтакты"
    )


def test_table_layout_sidebar_comments_and_inline_related_line() -> None:
    # an old table layout: a region menu and teasers in the left cell, the headline as <h2>, the
    # story's paragraphs split by <br>, a name split by a link, an inline "Читайте также"
    # line, a comment thread under the story; UTF-8 bytes declaring windows-1251
    article = newsnlp.analyze_html((PAGES / "table_layout.html").read_bytes())
    assert article.title == "В Кирове открыли ледовую арену"
    story = article.story()
    assert [person.name for person in story.people] == ["Владимир Быков", "Пётр Сизов"]
    assert "Киров" in {place.name for place in story.places}
    assert [fact.value for fact in story.percentages] == [40.0]
    for word in ("Пермь", "Казань", "Пастухов", "Гарипов", "Котельнич", "Вятских", "Слободск"):
        assert word not in article.story().text or word not in {
            item.name for item in story.people + story.places
        }
    names = {item.name for item in article.people + article.places}
    assert not names & {"Пермь", "Казань", "Олег Пастухов", "Ильдар Гарипов", "Котельнич"}


def test_embed_repeating_the_headline_teasers_and_a_related_box() -> None:
    # teasers with prose leads above the article, a label glued to the headline, a visible
    # "code for your blog" card repeating the headline and a cut lead, a counter badge, a
    # "Читайте также" box inside the body, hidden text and a textarea
    article = newsnlp.analyze_html((PAGES / "embeds.html").read_bytes())
    assert article.title == "Челябинский завод увеличил выпуск тракторов"
    assert article.text == (
        "Челябинский завод увеличил выпуск тракторов\n\n"
        "Предприятие выполнило годовой план досрочно\n"
        "Челябинский тракторный завод в 2011 году выпустил на 18% больше машин, чем годом "
        "ранее, сообщил директор предприятия Андрей Мохов.\n"
        "По словам Мохова, завод отправил партию машин в Казахстан. Доля экспорта выросла до 25%."
    )
    assert [block.kind for block in article.blocks] == ["title", "story"]
    story = article.story()
    assert [person.name for person in story.people] == ["Андрей Мохов"]
    assert [fact.value for fact in story.percentages] == [18.0, 25.0]


def test_a_body_split_by_an_ad_goes_on_after_it() -> None:
    # the story in two <div class="part"> with an ad link between; the headline is a link
    article = newsnlp.analyze_html((PAGES / "split_body.html").read_bytes())
    assert article.title == "В Самаре построят новую развязку"
    story = article.story()
    assert [person.name for person in story.people] == ["Олег Ярыгин", "Ирина Лосева"]
    assert [fact.value for fact in story.percentages] == [35.0, 12.0]
    assert "Кредит" not in article.text and "Сызрани" not in article.text


def test_a_long_comment_thread_without_links_is_not_the_story() -> None:
    # five comments, longer than the story, each a name and a time stamp over its text
    article = newsnlp.analyze_html((PAGES / "comments.html").read_bytes())
    assert article.text == (
        "В Балашове отремонтируют больницу\n\n"
        "На ремонт городской больницы Балашова выделят 40 миллионов рублей, сообщил министр "
        "здравоохранения области Алексей Данилов.\n"
        "По его словам, работы закончат к осени, а износ здания превышает 60%."
    )
    assert [person.name for person in article.story().people] == ["Алексей Данилов"]


def test_a_flat_comment_thread_ends_the_story_at_its_header() -> None:
    # the same comments as siblings of the story's paragraphs, under "Комментарии (5)"
    article = newsnlp.analyze_html((PAGES / "comments_flat.html").read_bytes())
    assert article.text.endswith("а износ здания превышает 60%.")
    assert "Саратов" not in article.text


def test_a_list_header_goes_with_the_links_it_introduces() -> None:
    prose = "Абзац новости о ремонте моста, в нём есть запятая и точка в конце."
    page = (
        f"<html><body><h1>Мост починят</h1><div><p>{prose}</p><p>Ещё. {prose}</p>"
        "<p>Читайте по теме:</p><p><a href='/1'>Первая другая новость</a></p>"
        "<p><a href='/2'>Вторая другая новость</a></p></div></body></html>"
    )
    found = read_article(page, "Мост починят")
    assert found is not None and found.title == "Мост починят"
    assert found.body == f"{prose}\nЕщё. {prose}"


def test_a_teaser_card_inside_the_body_is_not_the_story() -> None:
    # an "articleBody" with a "Читайте также" card (label, linked headline, lead) between two
    # paragraphs, a figure's caption, tags and a "Новости по теме" section of cards after it
    article = newsnlp.analyze_html((PAGES / "card.html").read_bytes())
    assert article.title == "В Сочи завершили строительство нового терминала аэропорта"
    assert "Первышов" not in article.text and "Краснодаре" not in article.text
    assert "Новый терминал аэропорта." in article.text  # the photo's caption stays
    story = article.story()
    assert [person.name for person in story.people] == ["Вениамин Кондратьев", "Алексей Сидоренко"]
    assert [fact.value for fact in story.percentages] == [30.0, 12.0]
    assert not {"Туапсе", "Армавир", "Новороссийск"} & {place.name for place in article.places}


def test_prose_with_linked_names_stays_a_link_line_goes() -> None:
    # a paragraph most of whose text is links to people and places keeps its words between
    # them: it is prose, not a row of links
    article = newsnlp.analyze_html((PAGES / "linked_names.html").read_bytes())
    assert "Шолбан Кара-оол и Доржийн Баясгалан обсудили пункт пропуска в Хандагайты." in (
        article.text
    )
    assert [person.name for person in article.story().people] == [
        "Шолбан Кара-оол",
        "Доржийн Баясгалан",
    ]
    assert "Абакан" not in article.text


def test_a_short_item_beside_a_longer_text_in_another_column() -> None:
    # one paragraph of news in the headline's cell, a longer "about the paper" text beside it
    article = newsnlp.analyze_html((PAGES / "short_item.html").read_bytes())
    assert article.text == (
        "В Ухте выпал первый снег\n\n03.10.2011\nНочью в Ухте выпал первый снег, сообщили "
        "синоптики. Температура опустилась до минус трёх градусов."
    )


def test_a_table_of_figures_inside_the_story_does_not_cut_it() -> None:
    # a results table between two paragraphs: its rows are no list of teasers (no links, no
    # time stamps: "41.50" is no time), and its cells, a line each, do not cut the story
    article = newsnlp.analyze_html((PAGES / "data_table.html").read_bytes())
    assert "Первый список\n41.50\n12" in article.text
    story = article.story()
    assert [fact.value for fact in story.percentages] == [28.4, 15.0]
    assert [person.name for person in story.people] == ["Елена Сорокина"]


def test_trafilaturas_text_decides_when_it_leaves_out_the_best_container() -> None:
    from newsnlp.webpage.container import agreeing, scores_of

    story = "Мэр Кирова открыл новый мост через Вятку, движение пустят в субботу. " * 4
    about = "Газета выходит с 1995 года, пишет о жизни города, спорта, культуры и людей. " * 9
    menu = [f"Раздел сайта номер {n}" for n in range(20)]
    page = (
        "<html><body><ul>"
        + "".join(f"<li><a href='/{n}'>{m}</a></li>" for n, m in enumerate(menu))
        + f"</ul><div id='story'><p>{story}</p></div>"
        f"<div id='about'><p>{about}</p><p>{about}</p></div></body></html>"
    )
    tree = tree_of(page)
    boxes = link_boxes(tree)
    scores = scores_of(tree, boxes)
    best = max(scores, key=scores.__getitem__)
    assert best.get("id") == "about"  # it weighs most
    assert agreeing(tree, scores, story, boxes).get("id") == "story"  # trafilatura's choice
    assert agreeing(tree, scores, "", boxes).get("id") == "about"  # no text: no guide
    whole = "\n".join(menu) + story + about + about  # the whole page, its menu too: no guide
    assert agreeing(tree, scores, whole, boxes).get("id") == "about"


def test_the_author_the_metadata_gives_cleaned() -> None:
    from newsnlp.webpage.author import metadata_author as _author

    assert _author("Авторы Пётр Ивлев", "site.ru", None) == "Пётр Ивлев"
    assert _author("Автор: Вера Никонова", None, None) == "Вера Никонова"
    assert _author("© Радио «Волна» Мария Зорина", None, None) == "Мария Зорина"
    assert _author("ПО МАТЕРИАЛАМ", None, None) is None
    assert _author("Информационное агентство www volna ru", None, None) is None
    assert _author("Volna News", "Volna-News", "volna-news.ru") is None  # the site's name
    assert _author("  ", None, None) is None and _author(None, None, None) is None


def test_teasers_after_the_story_in_its_own_cell() -> None:
    # windows-1251 bytes; under the story, in the same cell, "Другие новости раздела:" and
    # paragraphs of a linked headline, a line break and a teaser
    article = newsnlp.analyze_html((PAGES / "teaser_tail.html").read_bytes())
    assert article.text.endswith("Строительство должно завершиться к концу 2013 года.")
    assert [person.name for person in article.story().people] == ["Сергей Сергеев"]
    assert not {"Анна Жукова"} & {person.name for person in article.people}
    blocks = blocks_of(
        "<html><body><p><a href='/1'>В Мценске открыли библиотеку</a><br>Текст анонса.</p>"
        "<p><a href='/p'>Анна</a> сказала<br>вторая строка</p></body></html>"
    )
    assert blocks == ["В Мценске открыли библиотеку\nТекст анонса.", "Анна сказала\nвторая строка"]


def test_headed_blocks() -> None:
    html = (
        "<html><body><p><a href='/1'>В Мценске открыли библиотеку</a><br>Текст анонса.</p>"
        "<p><a href='/p'>Анна Жукова</a> сказала, что<br>вторая строка</p>"
        "<p><a href='/2'>Короткая ссылка</a><br>текст</p></body></html>"
    )
    headed = [block.headed for block in read_blocks(lxml_html.document_fromstring(html))]
    assert headed == [True, False, False]  # a two-word link is no headline


def test_a_long_lead_in_the_header_and_a_body_of_short_paragraphs() -> None:
    # the lead, one long sentence in the headline's header, weighs more than the body's four
    # short paragraphs after it: trafilatura's text, which holds both, decides for the article
    article = newsnlp.analyze_html((PAGES / "lead_header.html").read_bytes())
    assert article.text.endswith("Жители Анненок давно просили связать район с центром.")
    assert "Маршрут соединит вокзал" in article.text
    assert [person.name for person in article.story().people] == ["Дмитрий Денисов"]
    assert [fact.value for fact in article.story().percentages] == [25.0]


# a page of our own: a region menu, a story with a republic's short name, a route in quotes
# and a figure with its case ending, and a list of other stories under it
BORDER_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Пункт пропуска на границе Тувы расширят</title></head><body>
<nav><ul><li><a href="/r/1">Хакасия</a></li><li><a href="/r/2">Красноярский край</a></li>
<li><a href="/r/3">Иркутская область</a></li></ul></nav>
<article><h1>Пункт пропуска на границе Тувы расширят</h1>
<p>Власти Тувы решили расширить автомобильный пункт пропуска «Хандагайты – Боршоо» на
границе с Монголией. Работы начнутся весной, сообщили в правительстве республики.</p>
<p>Сейчас через пункт проходит около трети грузов, которые Тува отправляет за границу. По
итогам опроса перевозчиков, расширение поддержали 61 % участников, против высказались
лишь с 12-ти % голосов.</p></article>
<aside><h3>Другие новости</h3><ul><li><a href="/n/7">В Абакане открыли новый мост</a></li>
<li><a href="/n/8">Ангарск готовится к зиме</a></li></ul></aside>
</body></html>"""


def test_a_pages_story_names_a_republic_the_ends_of_a_route_and_a_declined_figure() -> None:
    story = newsnlp.analyze_html(BORDER_PAGE).story()
    places = {place.name: place for place in story.places}
    assert places["Тува"].kind == "region"  # not the title "Республика Тыва"
    assert {"Хандагайты", "Боршоо", "Монголия"} <= set(places)
    assert not {"Хакасия", "Абакан", "Ангарск", "Иркутская область"} & set(places)
    assert sorted(fact.value for fact in story.percentages) == [12.0, 61.0]


def test_a_caption_joining_the_storys_first_paragraphs_is_left_out() -> None:
    # a standfirst in <h2> that is the story's first two paragraphs joined, each of them
    # again in the body; a single paragraph the caption repeats alone stays a paragraph
    body = (
        "<p>Обновлено в 09:10</p><p>Биржевые индексы в Азии снизились вслед за нефтью; "
        "индекс Nikkei опустился на 1,2%.</p><p>В Европе торги открылись ростом на 0,4%.</p>"
        "<p>Аналитики ждут данных о рынке труда США, которые выйдут вечером.</p>"
    )
    html = (
        "<html><head><title>Азиатские биржи снизились</title></head><body>"
        "<h1>Азиатские биржи снизились</h1><div class='caption'><h2>Обновлено в 09:10 "
        "Биржевые индексы в Азии снизились вслед за нефтью; индекс Nikkei опустился на "
        f"1,2%.</h2></div><div class='text'>{body}</div></body></html>"
    )
    page = extract(html)
    assert page.text.count("Биржевые индексы") == 1
    assert page.text.split("\n")[2:4] == [
        "Обновлено в 09:10",
        "Биржевые индексы в Азии снизились вслед за нефтью; индекс Nikkei опустился на 1,2%.",
    ]


# a page of our own: a list of other articles, each a link with its author and headline, above
# an article whose page names no author
TEASER_AUTHOR_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>В Твери открыли новый мост через Волгу</title></head><body>
<div class="choice"><ul>
<li><a href="/a/1"><span class="author">Марина Зорина</span> Как растут цены на жильё</a></li>
<li><a href="/a/2"><span class="author">Игорь Лапин</span> Зачем городу трамвай</a></li>
</ul></div>
<article><h1>В Твери открыли новый мост через Волгу</h1>
<p>Движение по новому мосту через Волгу в Твери открыли в субботу. Мост длиной 700 метров
строили три года, сообщили в администрации города.</p>
<p>По словам главы города Алексея Огонькова, мост разгрузит центр Твери и сократит время в
пути из Заволжского района на 20%.</p></article></body></html>"""


def test_an_author_shown_only_in_links_to_other_articles_is_not_the_authors() -> None:
    # trafilatura takes the first list item's author span for the page's author
    assert extract(TEASER_AUTHOR_PAGE).author is None
    # a byline linking to the author's page stays the author
    linked = TEASER_AUTHOR_PAGE.replace(
        "<article><h1>В Твери открыли новый мост через Волгу</h1>",
        "<article><h1>В Твери открыли новый мост через Волгу</h1><p class='byline'>Автор: "
        "<a href='/authors/kedrova'>Ольга Кедрова</a></p>",
    )
    assert extract(linked).author == "Ольга Кедрова"


@pytest.mark.parametrize(
    ("dateline", "author"),
    [
        ("Екатеринбург, 12 марта (Уральский вестник, Иван Сомов) – ", "Иван Сомов"),
        ("Пермь, Февраль 03 (Новости Прикамья, Мария Лыкова) — ", "Мария Лыкова"),
        ("Нижний Новгород, 5 мая (Волга-Инфо, Нижний Новгород) – ", None),
        ("Самара, 5 мая (Агентство, Сбербанк России) – ", None),
    ],
)
def test_a_correspondent_named_in_an_agencys_dateline(dateline: str, author: str | None) -> None:
    html = (
        "<html><head><title>На Каме открыли навигацию</title></head><body><article>"
        "<h1>На Каме открыли навигацию</h1>"
        f"<p>{dateline}Первые теплоходы вышли в рейс в субботу, сообщили в пароходстве.</p>"
        "<p>Всего за сезон пароходство планирует перевезти 40 тысяч пассажиров, на 5% больше, "
        "чем годом ранее.</p></article></body></html>"
    )
    assert extract(html).author == author


def _byline_page(byline: str, column: str = "") -> str:
    # the byline in the date line over the headline, where trafilatura does not look
    return (
        "<html><head><title>В Вологде отремонтируют старый мост</title></head><body>"
        "<div class='a_info'><a href='/city'>Город</a><div class='date'>"
        f"<div class='author'> {byline} </div><a href='#c'>(5)</a> 12 марта</div></div>"
        "<h1>В Вологде отремонтируют старый мост</h1><div class='text'>"
        "<p>Ремонт моста через реку Вологду начнётся в апреле и продлится до осени, сообщили в "
        "мэрии. Движение по мосту на это время закроют.</p><p>Работы обойдутся городу в 90 "
        "миллионов рублей, на 15% дешевле, чем предполагали весной.</p></div>"
        f"<div class='side'><p>Другие колонки</p><p>Колонка о пробках</p>{column}</div>"
        "</body></html>"
    )


def test_a_byline_element_beside_the_headline_names_the_author() -> None:
    assert extract(_byline_page("Ольга КЕДРОВА")).author == "Ольга КЕДРОВА"
    assert extract(_byline_page("Автор: Пётр Ивлев")).author == "Пётр Ивлев"
    # no person's name: not read
    assert extract(_byline_page("Городские новости")).author is None
    # a column's author far from the headline is not the article's
    from newsnlp.webpage.author import headline_byline

    column = (
        "<p>Колонка о мостах</p><p>Колонка о реках</p><p>Колонка о парках</p>"
        "<div class='author'>Пётр Ивлев</div>"
    )
    blocks = read_blocks(lxml_html.document_fromstring(_byline_page("", column)))
    (headline,) = [block for block in blocks if block.text.startswith("В Вологде")]
    assert headline_byline(blocks, headline) is None
    blocks = read_blocks(lxml_html.document_fromstring(_byline_page("Ольга Кедрова")))
    (headline,) = [block for block in blocks if block.text.startswith("В Вологде")]
    assert headline_byline(blocks, headline) == "Ольга Кедрова"
