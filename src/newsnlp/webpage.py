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
from .pipeline import analyze, check_published, default_pipeline, to_article
from .schema import Article
from .segment import has_russian

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
        author = byline_name(_clean(document.author) or "") or None
        published = _clean(document.date)
        proposed = document.text or ""
    found = read_article(source, title, proposed)
    whole: str | None = None
    if found is not None:
        title = found.title or title
        body = found.body
    elif proposed.strip():
        body = proposed
    else:
        body = whole = page_text(source)
    if author is None:  # a byline the metadata missed: "Сегодня, 10:15 | Автор: Пётр Ивлев"
        author = find_byline(page_text(source) if whole is None else whole)
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


# --- the page's own structure -----------------------------------------------------------------

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
_BLOCKS = _BLOCK_TAGS | frozenset(
    "tbody thead tfoot center caption details summary fieldset legend body html".split()
)
# blocks of text whose weight goes to the element holding them (a paragraph's to its column)
_PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6 li dd dt blockquote pre figcaption caption".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_PROSE_MARK = re.compile(r"[.!?…,;:]")


@dataclass(eq=False)
class _Block:
    """The text of a block element up to its next nested block: what a reader sees as one
    paragraph, a line per ``<br>``."""

    text: str
    links: int  # characters of it inside links
    element: Any  # the block element holding it
    order: int
    plain: str = ""  # its text outside links


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


def read_blocks(root: Any) -> list[_Block]:
    """The blocks of text a reader sees, in order: text is joined across inline tags as it is
    shown, with no space added (``<a>Геннадий Керне</a>с`` is "Геннадий Кернес"); hidden
    elements, scripts, forms' controls and embeds are skipped; a number-only link glued to the
    start of a paragraph (a comment counter) is left out."""
    blocks: list[_Block] = []
    pieces: list[str] = []
    plain: list[str] = []
    linked = 0
    owner = root

    def flush() -> None:
        nonlocal linked
        text = _lines("".join(pieces))
        if text:
            blocks.append(_Block(text, min(linked, len(text)), owner, len(blocks), " ".join(plain)))
        pieces.clear()
        plain.clear()
        linked = 0

    def add(text: str | None, in_link: bool) -> None:
        nonlocal linked
        if text:
            if pieces and _glued(pieces[-1], text):
                pieces.append(" ")
            pieces.append(text)
            if in_link:
                linked += len(text.strip())
            else:
                plain.append(text)

    def visit(element: Any, in_link: bool) -> None:
        nonlocal owner
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is None or tag in _UNSEEN or _hidden(element):
            return
        if tag == "br":
            pieces.append("\n")
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
    ("курильщикам" + "Комментарии"): two words a reader sees apart (a label floated aside)."""
    return (
        bool(before) and (before[-1].islower() or before[-1] in ".,:;!?»)") and after[:1].isupper()
    )


def _badge(link: Any, pieces: list[str]) -> bool:
    """A link that is only a number at the start of a paragraph with a word glued to it
    ("<a>0</a>Подъем рынка"): a counter badge, not a word of the text."""
    text = link.text_content().strip()
    tail = link.tail or ""
    return text.isdigit() and not "".join(pieces).strip() and tail[:1].isalpha()


@dataclass(frozen=True)
class _Found:
    title: str | None
    body: str


class _Tree:
    """Per element of the page: the characters of text under it, those inside links, the
    blocks under it (first and last), read once for every question asked of the structure."""

    def __init__(self, blocks: list[_Block]) -> None:
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


def _within(block: _Block, element: Any) -> bool:
    node = block.element
    while node is not None:
        if node is element:
            return True
        node = node.getparent()
    return False


_ITEM_BLOCKS = 12  # a teaser or a comment holds no more blocks (columns of a layout do)
_ITEM_TEXT = 2000  # nor more characters


def repeated_items(tree: _Tree) -> set[Any]:
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


_STAMP = re.compile(r"\b\d{1,2}[.:/]\d{2}\b")


def _stamped(tree: _Tree, element: Any) -> bool:
    """Whether an element holds a short line with a time or a date ("Ольга 12.01.2012 11:20")."""
    return any(
        len(block.text) <= 80 and _STAMP.search(block.text)
        for block in tree.blocks[tree.first[element] : tree.last[element] + 1]
    )


def _in_any(block: _Block, elements: set[Any]) -> bool:
    node = block.element
    while node is not None:
        if node in elements:
            return True
        node = node.getparent()
    return False


def link_boxes(tree: _Tree) -> set[Any]:
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


def _weight(block: _Block) -> float:
    """How much a block reads as the story's prose (0 for links, labels and short lines): each
    of its lines (paragraphs split by ``<br>`` in old layouts) weighs as a paragraph."""
    if block.links > 0.3 * len(block.text):
        return 0.0
    weight = 0.0
    for line in block.text.split("\n"):
        if len(line) >= 25 and _PROSE_MARK.search(line):
            weight += 1 + line.count(",") + min(len(line) / 100, 3)
    return weight


def _scores(tree: _Tree, skipped: set[Any]) -> dict[Any, float]:
    """Each element's weight as the story's container: the prose blocks right in it count in
    full, those one level down half, deeper ones less (the way readability scores)."""
    scores: dict[Any, float] = {}
    for block in tree.blocks:
        weight = _weight(block)
        if not weight or _in_any(block, skipped):
            continue
        element = block.element
        if isinstance(element.tag, str) and element.tag.lower() in _PARAGRAPHS:
            element = element.getparent()
        level = 0
        while element is not None and level < 5:
            share = 1.0 if level == 0 else 0.5 if level == 1 else 1 / (level * 3)
            scores[element] = scores.get(element, 0.0) + weight * share
            element = element.getparent()
            level += 1
    return {element: score * (1 - tree.density(element)) for element, score in scores.items()}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("ё", "е")).split())


def find_headline(blocks: list[_Block], title: str | None) -> _Block | None:
    """The block of the page's headline: the first block whose text (or first line) is the
    metadata title, or the first heading that is the title without the site's name or the
    title and a label after it (one that is not a link first, a heading first); never a line
    of fewer than three words (a site's name). None when no block is."""
    wanted = _norm(title) if title else ""
    best: tuple[int, int, int] | None = None
    found = None
    for block in blocks:
        heading = isinstance(block.element.tag, str) and block.element.tag.lower() in _HEADINGS
        first = _norm(block.text.split("\n")[0])
        if not wanted or len(first.split()) < 3:
            continue  # a site's name in its logo is no headline
        if first == wanted or _norm(block.text) == wanted:
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


def _nearest_heading(tree: _Tree, container: Any) -> _Block | None:
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


def _common(first: Any, second: Any) -> Any:
    ancestors = {id(node) for node in first.iterancestors()} | {id(first)}
    node = second
    while node is not None and id(node) not in ancestors:
        node = node.getparent()
    return node


def _squeezed(text: str) -> str:
    return "".join(text.split()).lower()


def read_article(source: str, title: str | None, proposed: str = "") -> _Found | None:
    """The headline and the story of a page, from its structure: the container whose prose
    weighs most after the headline (list items of teasers and comments, and link boxes, weigh
    nothing); of the candidates near the best, the one that holds most of ``proposed``
    (trafilatura's text) when that is neither empty nor the whole page. The story is the
    headline's other lines, the blocks between the headline and the container, and the
    container's blocks, without link boxes, items, blocks repeating the headline and repeated
    blocks. None when the page shows no prose."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return None
    blocks = read_blocks(root)
    if not blocks:
        return None
    tree = _Tree(blocks)
    items = repeated_items(tree)
    boxes = link_boxes(tree)
    headline = find_headline(blocks, title)
    weights = _scores(tree, items | boxes)
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
        scores = _under_headline(headline, scores)
    container = _agreeing(tree, scores, proposed)
    if headline is None:
        headline = _nearest_heading(tree, container)
    lines: list[str] = []
    head = None
    if headline is not None:
        head, *rest = headline.text.split("\n")
        if title and _norm(head) != _norm(title) and _norm(head).startswith(_norm(title)):
            head = title  # the heading holds a label after the title ("Комментарии: 45")
        lines.extend(rest)
    parts = [container, *_continued(tree, container, scores)]
    body = _story_blocks(tree, parts, headline, head, items | boxes)
    lines.extend(block.text for block in body)
    return _Found(head, "\n".join(lines))


def _under_headline(headline: _Block, scores: dict[Any, float]) -> dict[Any, float]:
    """The candidates in the headline's own column: under the nearest element around the
    headline that holds prose after it, when the best of them weighs a fifth of the best of
    the page at least (a short news item beside a long "about us" text); else all of them (a
    headline in a header of its own, the body beside it)."""
    column = next((node for node in headline.element.iterancestors() if node in scores), None)
    if column is None:
        return scores
    inside = {
        element: score
        for element, score in scores.items()
        if element is column or _holds(column, element)
    }
    if max(inside.values()) >= 0.2 * max(scores.values()):
        return inside
    return scores


def _agreeing(tree: _Tree, scores: dict[Any, float], proposed: str) -> Any:
    """The container: the best scored element or, among those scored at least half as well,
    the one whose prose trafilatura's text holds most of (and leaves out least of). Its text
    is no guide when it is empty or holds most of the page's prose (the whole page)."""
    best = max(scores, key=scores.__getitem__)
    near = [element for element, score in scores.items() if score >= 0.5 * scores[best]]
    told = _squeezed(proposed)
    if len(near) == 1 or not told:
        return best

    def held(blocks: list[_Block]) -> float:
        lines = [line for block in blocks for line in block.text.split("\n") if len(line) >= 25]
        inside = sum(len(line) for line in lines if _squeezed(line) in told)
        return inside - 0.5 * (sum(len(line) for line in lines) - inside)

    page = sum(len(line) for block in tree.blocks for line in block.text.split("\n"))
    if held(tree.blocks) >= 0.6 * page:
        return best  # the whole page

    def inside(element: Any) -> list[_Block]:
        return tree.blocks[tree.first[element] : tree.last[element] + 1]

    return max(near, key=lambda element: (held(inside(element)), scores[element]))


def _continued(tree: _Tree, container: Any, scores: dict[Any, float]) -> list[Any]:
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


def _story_blocks(
    tree: _Tree, parts: list[Any], headline: _Block | None, title: str | None, skipped: set[Any]
) -> list[_Block]:
    """The blocks of the story: after the headline, up to the end of the container and its
    continuations (``parts``), inside them or (before them) inside the element the headline
    and the container share."""
    container = parts[0]
    first = tree.first[container]
    last = max(tree.last[part] for part in parts)
    spans = [(tree.first[part], tree.last[part]) for part in parts]
    start = headline.order + 1 if headline is not None else first
    shared = _common(headline.element, container) if headline is not None else container
    seen: list[str] = []
    head = _norm(title or "")
    if headline is not None:
        skipped = skipped | _embeds(tree, headline, head, container)
    skipped = skipped | _cards(tree, parts, start)
    chosen = []
    for block in tree.blocks[min(start, first) : last + 1]:
        if block.order < start:
            continue
        if block.order >= first:
            if not any(low <= block.order <= high for low, high in spans):
                continue  # between the parts: an ad, a photo's credit line
        elif shared is None or not _within(block, shared):
            continue
        if chosen and _COMMENTS.fullmatch(block.text):
            break  # the comment thread under the story
        if _link_line(block) or _in_any(block, skipped):
            if chosen and _list_header(chosen[-1]):  # "Читайте по теме:" over the links
                seen.pop()
                chosen.pop()
            continue
        text = _norm(block.text)
        if _repeats_headline(text, head) or _repeats(text, seen):
            continue
        seen.append(text)
        chosen.append(block)
    return [block for block in chosen if not _cut_copy(block, chosen)]


# the header of a comment thread: "Комментарии (12)", "Обсуждение", "Добавить комментарий:"
_COMMENTS = re.compile(
    r"(?:комментари\w*|обсуждение|отзывы|(?:оставить|добавить|ваш|ваше)\s+"
    r"(?:комментари\w*|отзыв|мнение))(?:\s+к\s+\w+)?\s*(?:\(\d+\)|\d+)?\s*:?",
    re.IGNORECASE,
)


def _link_line(block: _Block) -> bool:
    """A block of links, not of prose with links in it: mostly link text, and outside the
    links at most two words or a label ending with ":" ("Читайте также: <a>…</a>", a row of
    links); a sentence naming people and places through links keeps its words between them."""
    if block.links <= 0.5 * len(block.text):
        return False
    words = _WORDS.findall(block.plain)
    return len(words) <= 2 or block.plain.strip().endswith(":")


_WORDS = re.compile(r"[^\W\d_]+")


def _list_header(block: _Block) -> bool:
    """A short line that introduces what follows it ("Читайте другие материалы по теме:")."""
    return len(block.text) <= 60 and "\n" not in block.text and block.text.endswith(":")


def _repeats_headline(text: str, head: str) -> bool:
    return bool(head) and (text == head or (len(head) >= 20 and text.startswith(head)))


def _embeds(tree: _Tree, headline: _Block, head: str, container: Any) -> set[Any]:
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
        if not _repeats_headline(_norm(block.text), head):
            continue
        element = block.element
        parent = element.getparent()
        while parent is not None and widget(parent):
            element, parent = parent, parent.getparent()
        found.add(element)
    return found


_CARD_BLOCKS = 4  # a teaser card: another article's headline as a link, a label, a lead
_CARD_TEXT = 600


def _cards(tree: _Tree, parts: list[Any], start: int) -> set[Any]:
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
                and not any(element is part or _holds(element, part) for part in parts)
            )

        element = block.element
        if not card(element):
            continue
        while element.getparent() is not None and card(element.getparent()):
            element = element.getparent()
        if tree.count[element] > 1:
            found.add(element)
    return found


def _holds(element: Any, inner: Any) -> bool:
    return any(node is element for node in inner.iterancestors())


def _cut_copy(block: _Block, chosen: list[_Block]) -> bool:
    """Whether a block is the start of a longer one cut short with "…" ("…, … Подробнее »"):
    a teaser of the story's own lead."""
    words = _norm(block.text).split()
    if len(words) < 10 or not ("…" in block.text[-20:] or "..." in block.text[-20:]):
        return False
    stem = words[:-3]
    return any(
        other is not block
        and len(other.text) > len(block.text)
        and _norm(other.text).split()[: len(stem)] == stem
        for other in chosen
    )


def _repeats(text: str, seen: list[str]) -> bool:
    """Whether a block repeats one before it (or its start, cut: a lead repeated in a card)."""
    if len(text) < 30:
        return False
    return any(text == earlier or earlier.startswith(text) for earlier in seen)
