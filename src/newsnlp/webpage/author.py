"""The page's author: the metadata's author checked against the page, and the bylines the
metadata misses (a byline element beside the headline, an agency's dateline).
"""

from __future__ import annotations

import re
from typing import Any

from ..layout import byline_name
from .blocks import TextBlock

# what a page's metadata gives as its author when it names no person: a source ("По материалам
# …"), an agency or a web address
_NO_AUTHOR = re.compile(r"^по\s+материалам|^по\s+данным|^источник|\bwww\b|агентств", re.I)
# a copyright mark and an outlet's name before the author's: "© Канал «Новости» Мария Зорина"
_OUTLET = re.compile(r"^(?:©|\(c\)).*?[»\"]\s*|^©\s*", re.IGNORECASE)
_UNSEEN = ("script", "style", "noscript", "template", "head", "svg", "iframe")


def metadata_author(value: str | None, *site: str | None) -> str | None:
    """The author's name from a page's metadata: without "Автор:", a copyright mark and an
    outlet; None for a source line, an agency, a web address, or the site's own name."""
    value = " ".join(value.split()) if value else ""
    name = byline_name(_OUTLET.sub("", value))
    letters = re.sub(r"[\W\d_]", "", name.lower())
    if not name or _NO_AUTHOR.search(name):
        return None
    if any(letters and letters == re.sub(r"[\W\d_]", "", (part or "").lower()) for part in site):
        return None
    return name


def teasers_only(html: str, name: str) -> bool:
    """Whether the page shows ``name`` only inside links that hold more than it: a list of
    other articles, each a link with its author and headline ("<a><span>Мария Зорина</span>
    Как растут цены</a>"), not a byline linked to the author's page."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return False
    etree.strip_elements(root, *_UNSEEN, with_tail=False)
    key = " ".join(name.split()).lower()
    shown = " ".join(root.text_content().split()).lower().count(key)
    if not shown:
        return False
    inside = 0
    for link in root.iter("a"):
        text = " ".join(link.text_content().split()).lower()
        if key in text and len(text) > len(key) + 10 and link.find(".//a") is None:
            inside += text.count(key)
    return inside >= shown


# an agency's dateline opening the story: a place and a date, then the agency and the
# correspondent in brackets, and a dash
_DATELINE = re.compile(r"^[^()\n]{3,60}?\(\s*[^(),\n]{2,40},\s*([^(),\n]{3,40}?)\s*\)\s*[–—-]")


def dateline_author(body: str) -> str | None:
    """The correspondent an agency's dateline names in one of the story's first lines
    ("Тверь, 3 марта (Северный Вестник, Олег Нестеров) – …")."""
    for line in body.splitlines()[:3]:
        match = _DATELINE.match(line.strip())
        if match is not None and person_name(match.group(1)):
            return " ".join(match.group(1).split())
    return None


# a class naming a byline: "author", "article-author", "byline", "createby" (not "authors-list")
_BYLINE_CLASS = re.compile(r"(?:^|[-_])(?:author|byline|createby)$", re.IGNORECASE)
_NEAR = 3  # blocks on either side of the headline a byline may stand


def headline_byline(blocks: list[TextBlock], headline: TextBlock) -> str | None:
    """The name in a byline element beside the headline (within three blocks of it, the
    element or its parent of a class such as "author" or "byline"): "<div class="author">Саша
    Пятницкая</div>" over a headline. A person's name only: a column's author far from the
    headline, an outlet or "Редакция" are not read."""
    low, high = max(headline.order - _NEAR, 0), headline.order + _NEAR
    for block in blocks[low : high + 1]:
        if block is headline or block.links or not _byline_element(block.element):
            continue
        name = byline_name(block.text)
        if person_name(name):
            return " ".join(name.split())
    return None


def _byline_element(element: Any) -> bool:
    for node in (element, element.getparent()):
        if node is None:
            continue
        classes = (node.get("class") or "").split()
        if any(_BYLINE_CLASS.search(name) for name in classes):
            return True
    return False


def person_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name: two or three capitalized words, the first a
    first name in the nominative ("Олег Нестеров"; "Нижний Новгород" is none)."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
        return False
    from ..resources import word_parses

    return any(
        "Name" in parse.tag and parse.tag.case == "nomn" for parse in word_parses(words[0].lower())
    )
