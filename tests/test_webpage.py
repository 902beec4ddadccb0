"""HTML pages in: trafilatura finds the article; title, author and date are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsnlp
from newsnlp.webpage import extract, page_text

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
    assert [b.kind for b in article.blocks] == ["title", "story"]
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
