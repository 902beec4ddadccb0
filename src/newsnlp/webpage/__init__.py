"""HTML pages in: the article's text, headline, author and date, then the usual analysis.

trafilatura (``pip install "newsnlp[html]"``) reads the page's metadata (``<meta>``, JSON-LD,
bylines) and proposes the article's text; the page's own structure checks it, in three steps,
a module each: :mod:`.blocks` reads the page as a reader sees it (its charset; its text as
blocks, joined across inline tags without invented spaces, hidden elements left out),
:mod:`.container` finds the headline and the container of the story's prose (teaser and
comment items, link boxes weigh nothing; trafilatura's text decides between near ties),
:mod:`.story` cuts the story out of it (link lines, widgets repeating the headline, teaser
cards, a comment thread), and :mod:`.author` checks the metadata's author against the page and
finds the byline it misses. The text newsnlp analyzes is the headline, a blank line, and the
article's paragraphs a line each; the layout stage then cuts it into blocks as it does a
copied page, told where the headline ends. A page whose structure shows no prose keeps
trafilatura's text; when that is empty too the page is read whole, a line per block element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..api import analyze, check_published, to_article
from ..layout import find_byline
from ..pipeline import default_pipeline
from ..schema import Article
from ..segment import has_russian
from .author import dateline_author, metadata_author, teasers_only
from .blocks import BLOCK_TAGS, decode, read_blocks
from .container import find_headline, link_boxes, repeated_items
from .story import read_article

__all__ = [
    "Page",
    "analyze_html",
    "check_html",
    "decode",
    "extract",
    "find_headline",
    "link_boxes",
    "page_text",
    "read_article",
    "read_blocks",
    "repeated_items",
]

_INSTALL = 'reading HTML needs trafilatura: pip install "newsnlp[html]"'


@dataclass(frozen=True)
class Page:
    """What :func:`extract` reads from an HTML page."""

    text: str
    """The headline (when there is one), a blank line, then the article a paragraph a line."""
    title: str | None = None
    author: str | None = None
    published: str | None = None
    """The publication date, ISO 8601 (``"2025-11-12"``)."""


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as error:  # pragma: no cover - the html extra is in dev
        raise ImportError(_INSTALL) from error
    return trafilatura


def check_html(html: object) -> str | bytes:
    """Return ``html`` if it is ``str`` or ``bytes``; otherwise raise a ``TypeError``."""
    if isinstance(html, (str, bytes)):
        return html
    if isinstance(html, (bytearray, memoryview)):
        return bytes(html)
    raise TypeError(f"analyze_html expects HTML as str or bytes, got {type(html).__name__}")


def extract(html: str | bytes) -> Page:
    """The article of an HTML page: its text, headline, author and date.

    trafilatura reads the metadata and proposes the article's text; the page's own structure
    (see :func:`read_article`) checks it: the headline, the container of the story's prose,
    and what inside it is not the story (link boxes, repeated teasers or comments, embeds
    repeating the headline). When the page's structure shows no story, trafilatura's text
    stands; when trafilatura finds nothing either, the page is read whole.
    """
    html = check_html(html)
    if not (html.strip() if isinstance(html, str) else html.strip()):
        return Page("")
    source = decode(html)
    trafilatura = _trafilatura()
    document = trafilatura.bare_extraction(
        source,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    title = author = published = None
    proposed = ""
    if document is not None:
        title = _clean(document.title)
        author = metadata_author(document.author, document.sitename, document.hostname)
        published = _clean(document.date)
        proposed = document.text or ""
    if author is not None and teasers_only(source, author):
        author = None  # the byline of another article in a list of them
    found = read_article(source, title, proposed)
    whole: str | None = None
    if found is not None:
        title = found.title or title
        body = found.body
        author = author or found.author
    elif proposed.strip():
        body = proposed
    else:
        body = whole = page_text(source)
    if author is None:  # a byline the metadata missed: "Сегодня, 10:15 | Автор: Пётр Ивлев"
        author = find_byline(page_text(source) if whole is None else whole)
    if author is None:  # "Тверь, 3 марта (Северный Вестник, Олег Нестеров) – …"
        author = dateline_author(body)
    lines = [line.strip() for line in body.splitlines()]
    body = "\n".join(line for line in lines if line)
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}" if body else title
    else:
        text = body
    return Page(text, title, author, published)


def _clean(value: str | None) -> str | None:
    value = re.sub(r"\s+", " ", value).strip() if value else None
    return value or None


_SKIP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe")


def page_text(html: str | bytes) -> str:
    """The whole text of a page, a line per block element (no scripts, styles or head)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_SKIP_TAGS, with_tail=False)
    etree.strip_tags(root, etree.Comment)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    text = root.text_content()
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def analyze_html(html: str | bytes, published: date | datetime | str | None = None) -> Article:
    """Analyze the article of an HTML page (``str``, or ``bytes`` in the page's own encoding).

    The Article's ``text`` is the extracted text (headline, blank line, paragraphs), which its
    offsets index; ``title``, ``author`` and ``published`` come from the page's metadata when it
    has them, and relative dates ("вчера") are resolved against that date (or ``published``,
    when given, which wins). Raises ``TypeError`` for anything but ``str`` or ``bytes``,
    ``ImportError`` when trafilatura is not installed.
    """
    page = extract(html)
    when = published if published is not None else _page_date(page.published)
    article = _analyze_page(page, when)
    return article.model_copy(
        update={
            "title": page.title or article.title,
            "author": page.author or article.author,
            "published": article.published or page.published,
        }
    )


def _analyze_page(page: Page, published: date | datetime | str | None) -> Article:
    """The analysis of a page's text, whose layout is told where the headline ends."""
    if not page.title or not page.text.startswith(page.title) or not has_russian(page.text):
        return analyze(page.text, published=published)
    nlp = default_pipeline()
    doc = nlp.make_doc(page.text)
    doc._.newsnlp_headline = len(page.title)
    return to_article(nlp(doc), page.text, check_published(published), release=True)


def _page_date(value: str | None) -> date | None:
    """The date of a page's metadata date ('2025-11-27', '2025-11-27T10:15:00+03:00')."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
