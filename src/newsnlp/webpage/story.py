"""Cutting the story out of its container: the blocks a reader reads as the article.

From the headline to the end of the container (and its continuations), without link boxes,
items, link lines, widgets repeating the headline, teaser cards of other articles, cut copies
of the lead, a caption joining the first paragraphs, and what follows a comment thread's
header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .author import headline_byline
from .blocks import TextBlock, Tree, common, holds, in_any, norm, read_blocks, within
from .container import (
    agreeing,
    continued,
    find_headline,
    link_boxes,
    nearest_heading,
    repeated_items,
    scores_of,
    under_headline,
)


@dataclass(frozen=True)
class Found:
    """What :func:`read_article` finds: the headline (None when the page shows none), the
    story's text, a line per paragraph, and the name in a byline beside the headline."""

    title: str | None
    body: str
    author: str | None = None


def read_article(source: str, title: str | None, proposed: str = "") -> Found | None:
    """The headline and the story of a page, from its structure (``title``: the metadata's
    title; ``proposed``: trafilatura's text).

    The headline is the block that names the title (:func:`find_headline`); the container is
    the element whose prose weighs most after it, in the headline's column first, items of
    teaser or comment lists and link boxes weighing nothing; trafilatura's text decides between
    near ties (:func:`agreeing`); without a headline, the nearest heading before the container
    is one. The story is the headline's other lines, the blocks between the headline and the
    container, and the container's (with its continuations), cut by :func:`story_blocks`. None
    when the page shows no prose."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return None
    blocks = read_blocks(root)
    if not blocks:
        return None
    tree = Tree(blocks)
    items = repeated_items(tree)
    boxes = link_boxes(tree)
    headline = find_headline(blocks, title)
    weights = scores_of(tree, items | boxes)
    scores: dict[Any, float] = {}
    for after in (headline.order if headline is not None else -1, -1):
        scores = {
            element: score
            for element, score in weights.items()
            if tree.last[element] > after and element not in items and element not in boxes
        }
        if scores:
            break
        headline = None  # no prose after it: a line at the page's foot that names the title
    if not scores:
        return None
    if headline is not None:
        scores = under_headline(tree, headline, scores)
    container = agreeing(tree, scores, proposed, items | boxes)
    if headline is None:
        headline = nearest_heading(tree, container)
    lines: list[str] = []
    head = None
    if headline is not None:
        head, *rest = headline.text.split("\n")
        if title and norm(head) != norm(title) and norm(head).startswith(norm(title)):
            head = title  # the heading holds a label after the title ("Комментарии: 45")
        lines.extend(rest)
    parts = [container, *continued(tree, container, scores)]
    body = story_blocks(tree, parts, headline, head, items | boxes)
    lines.extend(block.text for block in body)
    author = headline_byline(blocks, headline) if headline is not None else None
    return Found(head, "\n".join(lines), author)


def story_blocks(
    tree: Tree, parts: list[Any], headline: TextBlock | None, title: str | None, skipped: set[Any]
) -> list[TextBlock]:
    """The blocks of the story: after the headline, up to the end of the container and its
    continuations (``parts``), inside them or (before them) inside the element the headline
    and the container share."""
    container = parts[0]
    first = tree.first[container]
    last = max(tree.last[part] for part in parts)
    spans = [(tree.first[part], tree.last[part]) for part in parts]
    start = headline.order + 1 if headline is not None else first
    shared = common(headline.element, container) if headline is not None else container
    seen: set[str] = set()  # the story's blocks so far, normalized
    head = norm(title or "")
    if headline is not None:
        skipped = skipped | _embeds(tree, headline, head, container)
    skipped = skipped | _cards(tree, parts, start)
    chosen: list[TextBlock] = []
    for block in tree.blocks[min(start, first) : last + 1]:
        if block.order < start:
            continue
        if block.order >= first:
            if not any(low <= block.order <= high for low, high in spans):
                continue  # between the parts: an ad, a photo's credit line
        elif shared is None or not within(block, shared):
            continue
        if chosen and _COMMENTS.fullmatch(block.text):
            break  # the comment thread under the story
        if _link_line(block) or in_any(block, skipped) or _teaser(tree, block):
            if chosen and _list_header(chosen[-1]):  # "Читайте по теме:" over the links
                seen.discard(norm(chosen.pop().text))
            continue
        text = norm(block.text)
        if _repeats_headline(text, head) or (len(text) >= 30 and text in seen):
            continue  # a repeat of the headline, or of a block before it
        seen.add(text)
        chosen.append(block)
    return [
        block
        for i, block in enumerate(chosen)
        if not _cut_copy(block, chosen) and not _joined_copy(i, chosen)
    ]


# the header of a comment thread: "Комментарии (12)", "Обсуждение", "Добавить комментарий:"
_COMMENTS = re.compile(
    r"(?:комментари\w*|обсуждение|отзывы|(?:оставить|добавить|ваш|ваше)\s+"
    r"(?:комментари\w*|отзыв|мнение))(?:\s+к\s+\w+)?\s*(?:\(\d+\)|\d+)?\s*:?",
    re.IGNORECASE,
)


def _link_line(block: TextBlock) -> bool:
    """A block of links, not of prose with links in it: mostly link text, and outside the
    links at most two words or a label ending with ":" ("Читайте также: <a>…</a>", a row of
    links); a sentence naming people and places through links keeps its words between them."""
    if block.links <= 0.5 * len(block.text):
        return False
    words = _WORDS.findall(block.plain)
    return len(words) <= 2 or block.plain.strip().endswith(":")


_WORDS = re.compile(r"[^\W\d_]+")


def _teaser(tree: Tree, block: TextBlock) -> bool:
    """A teaser of another article in a list of them: a linked headline on its own line, then
    its text, next to another such block."""
    if not block.headed:
        return False
    near = tree.blocks[max(block.order - 1, 0) : block.order + 2]
    return any(other is not block and other.headed for other in near)


def _list_header(block: TextBlock) -> bool:
    """A short line that introduces what follows it ("Читайте другие материалы по теме:")."""
    return len(block.text) <= 60 and "\n" not in block.text and block.text.endswith(":")


def _repeats_headline(text: str, head: str) -> bool:
    return bool(head) and (text == head or (len(head) >= 20 and text.startswith(head)))


def _embeds(tree: Tree, headline: TextBlock, head: str, container: Any) -> set[Any]:
    """Widgets that repeat the headline after it (a "code for your blog" box, a card to
    share): from each repeat, the largest element around it that holds neither the headline
    nor the container, nor (inside the container) half of its text."""
    found = set()
    first, last = tree.first[container], tree.last[container]

    def widget(element: Any) -> bool:
        if tree.first[element] <= headline.order <= tree.last[element]:
            return False
        if tree.first[element] <= first and last <= tree.last[element]:
            return False  # the container or around it
        inside = first <= tree.first[element] and tree.last[element] <= last
        return not inside or tree.size[element] < 0.5 * tree.size[container]

    for block in tree.blocks[headline.order + 1 : last + 1]:
        if not _repeats_headline(norm(block.text), head):
            continue
        element = block.element
        parent = element.getparent()
        while parent is not None and widget(parent):
            element, parent = parent, parent.getparent()
        found.add(element)
    return found


_CARD_BLOCKS = 4  # a teaser card: another article's headline as a link, a label, a lead
_CARD_TEXT = 600


def _cards(tree: Tree, parts: list[Any], start: int) -> set[Any]:
    """Teaser cards of other articles inside the story ("Читайте также", a linked headline
    and its lead): from each block that is all one link of four words or more, the largest
    element around it of at most four blocks and 600 characters that holds neither the
    headline nor a part of the story's container."""
    found = set()
    last = max(tree.last[part] for part in parts)
    for block in tree.blocks[start : last + 1]:
        if block.links < 0.9 * len(block.text) or len(block.text.split()) < 4:
            continue

        def card(element: Any) -> bool:
            return (
                tree.first[element] >= start
                and tree.count[element] <= _CARD_BLOCKS
                and tree.size[element] <= _CARD_TEXT
                and not any(element is part or holds(element, part) for part in parts)
            )

        element = block.element
        if not card(element):
            continue
        while element.getparent() is not None and card(element.getparent()):
            element = element.getparent()
        if tree.count[element] > 1:
            found.add(element)
    return found


_JOINED = 5  # paragraphs a standfirst may copy at most


def _joined_copy(i: int, chosen: list[TextBlock]) -> bool:
    """Whether ``chosen[i]`` is the paragraphs right after it joined, two or more of them (a
    caption that copies the story's first paragraphs: "Обновлено в 14:42 Подъем рынка…" above
    "Обновлено в 14:42" and "Подъем рынка…")."""
    text = norm(chosen[i].text)
    if len(text) < 30:
        return False
    joined = ""
    for block in chosen[i + 1 : i + 1 + _JOINED]:
        joined = f"{joined} {norm(block.text)}".strip()
        if joined == text and block is not chosen[i + 1]:
            return True
        if not text.startswith(joined):
            return False
    return False


def _cut_copy(block: TextBlock, chosen: list[TextBlock]) -> bool:
    """Whether a block is the start of a longer one cut short with "…" ("…, … Подробнее »"):
    a teaser of the story's own lead."""
    words = norm(block.text).split()
    if len(words) < 10 or not ("…" in block.text[-20:] or "..." in block.text[-20:]):
        return False
    stem = " ".join(words[:-3])
    return any(
        other is not block
        and len(other.text) > len(block.text)
        and norm(other.text[: len(block.text) + 20]).startswith(stem)
        for other in chosen
    )
