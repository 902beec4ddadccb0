"""HTML pages in: the article's text, headline, author and date, then the usual analysis.

trafilatura (``pip install "newsnlp[html]"``) finds the article in the page (with or without an
``<article>`` tag) and reads its metadata (``<meta>``, JSON-LD, bylines). The text newsnlp
analyzes is the headline, a blank line, and the article's paragraphs a line each; the layout
stage then cuts it into blocks as it does a copied page, so what trafilatura keeps of the
page around the story (an inline "Читайте также", a photo credit) is told apart too. A page
trafilatura finds no article in is read whole, a line per block element, and left to the
layout stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .layout import byline_name, find_byline
from .pipeline import analyze
from .schema import Article

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
    """The article of an HTML page: its text, headline, author and date."""
    html = check_html(html)
    if not (html.strip() if isinstance(html, str) else html.strip()):
        return Page("")
    trafilatura = _trafilatura()
    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    title = author = published = None
    body = ""
    if document is not None:
        title = _clean(document.title)
        author = byline_name(_clean(document.author) or "") or None
        published = _clean(document.date)
        body = document.text or ""
    whole: str | None = None
    if not body.strip():
        body = whole = page_text(html)
    if author is None:  # a byline the metadata missed: "Сегодня, 10:15 | Автор: Пётр Ивлев"
        author = find_byline(page_text(html) if whole is None else whole)
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


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
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
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
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
    article = analyze(page.text, published=when)
    return article.model_copy(
        update={
            "title": page.title or article.title,
            "author": page.author or article.author,
            "published": article.published or page.published,
        }
    )


def _page_date(value: str | None) -> date | None:
    """The date of a page's metadata date ('2025-11-27', '2025-11-27T10:15:00+03:00')."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
