"""Reading a page as a reader sees it: its charset, and its text as blocks.

A block is the text of a block element up to its next nested block, joined across inline tags
as it is shown, with no space added; hidden elements, scripts, form controls and embeds are
not read. :class:`Tree` holds, per element, what the other steps ask of the structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.IGNORECASE)


def decode(html: str | bytes) -> str:
    """The page as ``str``: bytes that are valid UTF-8 are read so whatever the page declares
    (pages saved again as UTF-8 keep their old ``<meta charset>``); others in the charset their
    ``<meta>`` names, else windows-1251, the old Russian default."""
    if isinstance(html, str):
        return html
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(html[:4096])
    for charset in (match.group(1).decode("ascii") if match else None, "cp1251"):
        if charset:
            try:
                return html.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return html.decode("utf-8", errors="replace")


# what a reader never sees, or sees only as a control
_UNSEEN = frozenset(
    "script style noscript template svg iframe object embed textarea select option button "
    "input head title canvas video audio map link meta".split()
)
_BLOCKS = BLOCK_TAGS | frozenset(
    "tbody thead tfoot center caption details summary fieldset legend body html".split()
)
# blocks of text whose weight goes to the element holding them (a paragraph's to its column)
PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6 li dd dt blockquote pre figcaption caption".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
PROSE_MARK = re.compile(r"[.!?…,;:]")


@dataclass(eq=False)
class TextBlock:
    """The text of a block element up to its next nested block: what a reader sees as one
    paragraph, a line per ``<br>``."""

    text: str
    links: int  # characters of it inside links
    element: Any  # the block element holding it
    order: int
    plain: str = ""  # its text outside links
    headed: bool = False  # its first line, of more than one, is all one link: a teaser


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def read_blocks(root: Any) -> list[TextBlock]:
    """The blocks of text a reader sees, in order: text is joined across inline tags as it is
    shown, with no space added (``<a>Геннадий Керне</a>с`` is "Геннадий Кернес"); hidden
    elements, scripts, forms' controls and embeds are skipped; a number-only link glued to the
    start of a paragraph (a comment counter) is left out."""
    blocks: list[TextBlock] = []
    pieces: list[str] = []
    plain: list[str] = []
    linked = 0
    owner = root
    # the first line's state: "" (nothing yet), "link" (links only so far), "plain" (some text
    # outside links), "headed" (links only, then a line break)
    first = ""

    def flush() -> None:
        nonlocal linked, first
        text = _lines("".join(pieces))
        if text:
            headed = first == "headed" and "\n" in text and len(text.split("\n")[0].split()) >= 3
            block = TextBlock(
                text, min(linked, len(text)), owner, len(blocks), " ".join(plain), headed
            )
            blocks.append(block)
        pieces.clear()
        plain.clear()
        linked = 0
        first = ""

    def add(text: str | None, in_link: bool) -> None:
        nonlocal linked, first
        if text and text.strip() and first in ("", "link"):
            first = "link" if in_link else "plain"
        if text:
            if pieces and _glued(pieces[-1], text):
                pieces.append(" ")
            pieces.append(text)
            if in_link:
                linked += len(text.strip())
            else:
                plain.append(text)

    def visit(element: Any, in_link: bool) -> None:
        nonlocal owner, first
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is None or tag in _UNSEEN or _hidden(element):
            return
        if tag == "br":
            pieces.append("\n")
            if first == "link":
                first = "headed"
            return
        if tag == "a" and _badge(element, pieces):
            return
        block = tag in _BLOCKS
        held = owner
        if block:
            flush()
            owner = element
        in_link = in_link or tag == "a"
        add(element.text, in_link)
        for child in element:
            visit(child, in_link)
            add(child.tail, in_link)
        if block:
            flush()
            owner = held

    visit(root, False)
    flush()
    return blocks


def _glued(before: str, after: str) -> bool:
    """Whether two texts on either side of a tag would read as one word with a capital inside
    ("курильщикам" + "Комментарии", "в 9:10" + "Admin"): two words a reader sees apart (a label
    floated aside, a time stamp beside a user's name)."""
    return (
        bool(before)
        and (before[-1].islower() or before[-1].isdigit() or before[-1] in ".,:;!?»)")
        and after[:1].isupper()
    )


def _badge(link: Any, pieces: list[str]) -> bool:
    """A link that is only a number at the start of a paragraph with a word glued to it
    ("<a>0</a>Подъем рынка", "<a>0</a><em>Из Европы</em>"): a counter badge, not a word of
    the text."""
    text = link.text_content().strip()
    if not text.isdigit() or "".join(pieces).strip():
        return False
    after = link.tail or ""
    if not after:  # the word glued to it opens the next inline element
        following = link.getnext()
        after = following.text_content() if following is not None else ""
    return after[:1].isalpha()


class Tree:
    """Per element of the page: the characters of text under it, those inside links, the
    blocks under it (first and last), read once for every question asked of the structure."""

    def __init__(self, blocks: list[TextBlock]) -> None:
        self.blocks = blocks
        self.size: dict[Any, int] = {}
        self.linked: dict[Any, int] = {}
        self.count: dict[Any, int] = {}
        self.first: dict[Any, int] = {}
        self.last: dict[Any, int] = {}
        for block in blocks:
            element = block.element
            while element is not None:
                self.size[element] = self.size.get(element, 0) + len(block.text)
                self.linked[element] = self.linked.get(element, 0) + block.links
                self.count[element] = self.count.get(element, 0) + 1
                self.first.setdefault(element, block.order)
                self.last[element] = block.order
                element = element.getparent()

    def density(self, element: Any) -> float:
        """The share of the text under ``element`` that is inside links."""
        size = self.size.get(element, 0)
        return self.linked.get(element, 0) / size if size else 0.0


def within(block: TextBlock, element: Any) -> bool:
    node = block.element
    while node is not None:
        if node is element:
            return True
        node = node.getparent()
    return False


def in_any(block: TextBlock, elements: set[Any]) -> bool:
    node = block.element
    while node is not None:
        if node in elements:
            return True
        node = node.getparent()
    return False


def holds(element: Any, inner: Any) -> bool:
    return any(node is element for node in inner.iterancestors())


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("ё", "е")).split())


def squeezed(text: str) -> str:
    return "".join(text.split()).lower()


def common(first: Any, second: Any) -> Any:
    ancestors = {id(node) for node in first.iterancestors()} | {id(first)}
    node = second
    while node is not None and id(node) not in ancestors:
        node = node.getparent()
    return node
