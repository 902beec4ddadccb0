"""Finding the story on a page: its headline and the container of its prose.

The container is the element whose prose weighs most after the headline, the way readability
scores; items of lists of teasers or comments and link boxes weigh nothing; trafilatura's text
decides between containers that weigh about as much.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import (
    HEADINGS,
    PARAGRAPHS,
    PROSE_MARK,
    TextBlock,
    Tree,
    holds,
    in_any,
    norm,
    squeezed,
)

_ITEM_BLOCKS = 12  # a teaser or a comment holds no more blocks (columns of a layout do)
_ITEM_TEXT = 2000  # nor more characters


def repeated_items(tree: Tree) -> set[Any]:
    """Elements that are items of a list of teasers or comments: three or more siblings of one
    tag and class, each holding two blocks or more (a headline and a teaser, a name, a time and
    a text), most of them with a link or a time stamp, none of them long (the columns of a
    table layout are not items). A story's paragraphs are single blocks: never items."""
    items: set[Any] = set()
    parents = {element.getparent() for element in tree.count if element.getparent() is not None}
    for parent in parents:
        groups: dict[tuple[str, str], list[Any]] = {}
        for child in parent:
            count = tree.count.get(child, 0)
            if 2 <= count <= _ITEM_BLOCKS and tree.size[child] <= _ITEM_TEXT:
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for members in groups.values():
            marked = sum(tree.linked.get(m, 0) > 0 or _stamped(tree, m) for m in members)
            if len(members) >= 3 and 2 * marked >= len(members):
                items.update(members)
    return items


_STAMP = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}\s+(?:января|февраля|марта"
    r"|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b|\bназад\b|\bвчера\b",
    re.IGNORECASE,
)


def _stamped(tree: Tree, element: Any) -> bool:
    """Whether an element holds a short line with a time or a date ("Ольга 12.01.2012 11:20")."""
    return any(
        len(block.text) <= 80 and _STAMP.search(block.text)
        for block in tree.blocks[tree.first[element] : tree.last[element] + 1]
    )


def link_boxes(tree: Tree) -> set[Any]:
    """Elements most of whose text is links, over two blocks or more, with little text of
    their own (a column holding a story beside a long menu is not one): menus, region lists,
    "Читайте также" boxes with their header, tag rows."""
    return {
        element
        for element, count in tree.count.items()
        if count >= 2
        and tree.density(element) >= 0.5
        and tree.size[element] - tree.linked[element] < _BOX_OWN_TEXT
    }


_BOX_OWN_TEXT = 300  # a link box's text outside its links is less: a header, times, separators


def _weight(block: TextBlock) -> float:
    """How much a block reads as the story's prose (0 for links, labels and short lines): each
    of its lines (paragraphs split by ``<br>`` in old layouts) weighs as a paragraph."""
    if block.links > 0.3 * len(block.text):
        return 0.0
    weight = 0.0
    for line in block.text.split("\n"):
        if len(line) >= 25 and PROSE_MARK.search(line):
            weight += 1 + line.count(",") + min(len(line) / 100, 3)
    return weight


def scores_of(tree: Tree, skipped: set[Any]) -> dict[Any, float]:
    """Each element's weight as the story's container: the prose blocks right in it count in
    full, those one level down half, deeper ones less (the way readability scores)."""
    scores: dict[Any, float] = {}
    for block in tree.blocks:
        weight = _weight(block)
        if not weight or in_any(block, skipped):
            continue
        element = block.element
        if isinstance(element.tag, str) and element.tag.lower() in PARAGRAPHS:
            element = element.getparent()
        level = 0
        while element is not None and level < 5:
            share = 1.0 if level == 0 else 0.5 if level == 1 else 1 / (level * 3)
            scores[element] = scores.get(element, 0.0) + weight * share
            element = element.getparent()
            level += 1
    return {element: score * (1 - tree.density(element)) for element, score in scores.items()}


def find_headline(blocks: list[TextBlock], title: str | None) -> TextBlock | None:
    """The block of the page's headline: the first block whose text (or first line) is the
    metadata title, or the first heading that is the title without the site's name or the
    title and a label after it (one that is not a link first, a heading first); never a line
    of fewer than three words (a site's name). None when no block is."""
    wanted = norm(title) if title else ""
    best: tuple[int, int, int] | None = None
    found = None
    for block in blocks:
        heading = isinstance(block.element.tag, str) and block.element.tag.lower() in HEADINGS
        first = norm(block.text.split("\n")[0])
        if not wanted or len(first.split()) < 3:
            continue  # a site's name in its logo is no headline
        if first == wanted or norm(block.text) == wanted:
            match = 3
        elif heading and len(first) >= 12 and (first in wanted or first.startswith(wanted)):
            match = 2
        else:
            continue
        # not a link first (the same headline in a list of news, a card), then a heading
        rank = (int(block.links <= 0.5 * len(block.text)), match, int(heading))
        if best is None or rank > best:
            best, found = rank, block
    return found


def nearest_heading(tree: Tree, container: Any) -> TextBlock | None:
    """The headline of a page whose metadata title is no heading's (the site's name, say):
    the nearest heading before the container's first paragraph (or its first block), not a
    link, at most a few blocks before it."""
    first = tree.first[container]
    for block in reversed(tree.blocks[max(first - _HEADING_REACH, 0) : first + 1]):
        tag = block.element.tag
        if (
            isinstance(tag, str)
            and tag.lower() in ("h1", "h2", "h3")
            and block.links <= 0.5 * len(block.text)
            and len(block.text) <= 250
        ):
            return block
    return None


_HEADING_REACH = 8  # blocks between a headline and its story: a date, a byline, a photo, a lead


def under_headline(tree: Tree, headline: TextBlock, scores: dict[Any, float]) -> dict[Any, float]:
    """The candidates in the headline's own column: under the nearest element around the
    headline that holds prose after it, when the best of the page outside it is a section of
    its own (it opens with a label, "О газете") and the column's best weighs a fifth of it at
    least (a short news item beside a longer text), or when the column's best weighs half of it
    (a long item). Else all of them: a headline and its lead in a header of their own, the body
    after it."""
    column = next((node for node in headline.element.iterancestors() if node in scores), None)
    if column is None:
        return scores
    inside = {
        element: score
        for element, score in scores.items()
        if element is column or holds(column, element)
    }
    best = max(scores, key=scores.__getitem__)
    share = max(inside.values()) / scores[best]
    if best in inside:
        return scores  # the column holds the best: no other column to keep away
    if share >= 0.5:
        return inside
    opening = tree.blocks[tree.first[best]]
    labelled = len(opening.text) <= 40 and not PROSE_MARK.search(opening.text[-1:])
    return inside if labelled and share >= 0.2 else scores


def agreeing(tree: Tree, scores: dict[Any, float], proposed: str, skipped: set[Any]) -> Any:
    """The container: the best scored element or, among those scored at least half as well,
    the one whose prose trafilatura's text holds most of (and leaves out least of); when
    trafilatura's text leaves out most of the best one's prose, among those scored a tenth as
    well. Its text is no guide when it is empty, short, or holds half the page's menus, link
    lines and list items (``skipped``): the whole page."""
    best = max(scores, key=scores.__getitem__)
    told = squeezed(proposed)
    if len(told) < _TOLD_TEXT:
        return best

    def prose(element: Any) -> list[str]:
        blocks = tree.blocks[tree.first[element] : tree.last[element] + 1]
        return [line for block in blocks for line in block.text.split("\n") if len(line) >= 25]

    known: dict[str, bool] = {}

    def told_line(line: str) -> bool:
        if line not in known:
            known[line] = squeezed(line) in told
        return known[line]

    def held(lines: list[str]) -> float:
        inside = sum(len(line) for line in lines if told_line(line))
        return inside - 0.5 * (sum(len(line) for line in lines) - inside)

    furniture = [
        line
        for block in tree.blocks
        if block.links > 0.5 * len(block.text) or in_any(block, skipped)
        for line in block.text.split("\n")
    ]
    size = sum(len(line) for line in furniture)
    told_furniture = sum(len(line) for line in furniture if told_line(line))
    if size >= _TOLD_TEXT and told_furniture >= 0.5 * size:
        return best  # the whole page, menus and lists too
    lines = prose(best)
    share = held(lines) / max(sum(len(line) for line in lines), 1)
    floor = 0.5 if share >= 0 else 0.1  # share < 0: trafilatura leaves out most of it
    near = [element for element, score in scores.items() if score >= floor * scores[best]]
    return max(near, key=lambda element: (held(prose(element)), scores[element]))


_TOLD_TEXT = 200  # trafilatura's text shorter than this is no guide


def continued(tree: Tree, container: Any, scores: dict[Any, float]) -> list[Any]:
    """The container's siblings after it that go on with the story (a body split by an ad or
    a photo): of its own tag and class (a class it has), or of prose weighing half the
    container's; never link-dense."""
    parent = container.getparent()
    if parent is None:
        return []
    found = []
    signature = (container.tag, container.get("class"))
    for sibling in container.itersiblings():
        score = scores.get(sibling, 0.0)
        if not score or tree.density(sibling) >= 0.25:
            continue
        same = bool(signature[1]) and (sibling.tag, sibling.get("class")) == signature
        if same or score >= scores[container] / 2:
            found.append(sibling)
    return found
