"""Render: an :class:`~newsnlp.Article` as one self-contained HTML page, to look at a result.

The article's text with every mention highlighted (people, places, organizations, percentages
and ratios each in their own colour; a percentage or a ratio shows its subject, value, kind and
direction when hovered, via its ``title``; the cue of each statement, "сказал", "по данным",
shows who said what) and, beside it, the lists of entities and facts, statements included.
Styles are inline; the page loads nothing from anywhere. Every piece of text is HTML-escaped.

Marks are ``<mark class="nn-per">`` (people), ``nn-loc`` (places), ``nn-org`` (organizations),
``nn-pct`` (percentages), ``nn-ratio`` (ratios: "в полтора раза", "треть") and ``nn-say``
(statements' cues), each with
``data-entity`` (the position in its list) and a ``title``. A place named inside an
organization's name ("Европы" in "Совета Европы") is a mark inside the organization's mark; a
mention that crosses another's bounds (never the case for newsnlp's own results, which nest)
is left unmarked rather than breaking the markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .schema import Article, Organization, Percentage, Person, Place, Ratio, Statement

LABELS = {
    "per": "Person",
    "loc": "Place",
    "org": "Organization",
    "pct": "Percentage",
    "ratio": "Ratio",
    "say": "Statement",
}
"""Mark classes (``nn-per``, ...) and what they stand for."""

COLOURS = {
    "per": "#f9c4d2",
    "loc": "#bfe5c0",
    "org": "#c3d7f5",
    "pct": "#ffe08a",
    "ratio": "#ffc98a",
    "say": "#e2d4f7",
}
"""The background colour of each kind of mark."""

DISPLACY_OPTIONS: dict[str, dict[str, str]] = {
    "colors": {"PER": COLOURS["per"], "LOC": COLOURS["loc"], "ORG": COLOURS["org"]}
}
"""Options for ``spacy.displacy.render(doc, style="ent", options=DISPLACY_OPTIONS)``: newsnlp's
labels in the same colours (displaCy's palette knows ``PERSON``, not ``PER``, and greys it)."""

_CSS = """
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
  color: #1d1d1f; background: #fafafa; }
header { padding: 12px 24px; background: #24292f; color: #fff; }
header h1 { font-size: 18px; margin: 0; font-weight: 600; }
.legend mark { margin-right: 8px; color: #1d1d1f; }
main { display: flex; gap: 24px; padding: 16px 24px; align-items: flex-start; }
article { flex: 3; white-space: pre-wrap; background: #fff; padding: 16px 20px;
  border: 1px solid #ddd; border-radius: 6px; }
aside { flex: 2; font-size: 14px; }
aside section { background: #fff; border: 1px solid #ddd; border-radius: 6px;
  padding: 8px 14px; margin-bottom: 12px; }
aside h2 { font-size: 15px; margin: 4px 0 6px; }
aside ol { margin: 0; padding-left: 22px; }
aside .meta { color: #666; }
aside p.meta { margin: 0 0 4px; }
mark { border-radius: 3px; padding: 0 2px; color: inherit; }
mark[title] { cursor: help; }
"""


def _css() -> str:
    colours = "\n".join(
        f".nn-{kind} {{ background: {colour}; }}" for kind, colour in COLOURS.items()
    )
    return (
        _CSS
        + colours
        + "\n.nn-pct { border-bottom: 2px solid #c79100; }"
        + "\n.nn-ratio { border-bottom: 2px solid #c76a00; }\n"
    )


@dataclass(frozen=True)
class _Mark:
    start: int
    stop: int
    kind: str
    entity: int
    title: str


_UNITS = {"percent": " %", "percentage_point": " п.п.", "times": "×", "fraction": " of the base"}


def percentage_title(fact: Percentage | Ratio) -> str:
    """The hover text of a percentage or a ratio: subject, value, kind, direction (and the rest
    known)."""
    if fact.value is not None:
        value = f"{fact.value:g}"
    elif fact.low is not None and fact.high is not None:
        value = f"{fact.low:g}–{fact.high:g}"
    else:
        value = "several"  # "в несколько раз", "в разы"
    value += _UNITS[fact.unit]
    parts = [
        f"subject: {fact.subject.text if fact.subject else '—'}",
        f"value: {value}",
        f"kind: {fact.kind}",
        f"direction: {fact.direction}",
    ]
    if fact.approx != "exact":
        parts.append(f"approx: {fact.approx}")
    if fact.predicate:
        parts.append(f"predicate: {fact.predicate}")
    if fact.period is not None:
        parts.append(f"period: {fact.period.text}")
    if fact.places:
        parts.append("places: " + ", ".join(fact.places))
    return "; ".join(parts)


def statement_title(statement: Statement) -> str:
    """The hover text of a statement's cue: who (as resolved, and as the text says) and what."""
    who = statement.speaker_name or "unnamed"
    if statement.speaker is not None and statement.speaker.text != statement.speaker_name:
        who += f" ({statement.speaker.text})"
    content = statement.content.text
    if len(content) > 200:
        content = content[:200] + "…"
    said = f"«{content}»" if statement.direct else content
    return f"{who} [{statement.speaker_type}]: {said}"


def marks(article: Article) -> list[_Mark]:
    """Every mention, percentage and ratio of ``article`` as a mark, outer marks first."""
    found: list[_Mark] = []
    groups: tuple[tuple[str, Sequence[Person | Place | Organization]], ...] = (
        ("per", article.people),
        ("loc", article.places),
        ("org", article.organizations),
    )
    for kind, entities in groups:
        for number, entity in enumerate(entities):
            title = f"{LABELS[kind]}: {entity.name}"
            if isinstance(entity, Place) and (entity.kind or entity.country):
                title += f" [{', '.join(x for x in (entity.kind, entity.country) if x)}]"
            for mention in entity.mentions:
                found.append(_Mark(mention.start, mention.stop, kind, number, title))
    for number, fact in enumerate(article.percentages):
        found.append(_Mark(fact.start, fact.stop, "pct", number, percentage_title(fact)))
    for number, ratio in enumerate(article.ratios):
        found.append(_Mark(ratio.start, ratio.stop, "ratio", number, percentage_title(ratio)))
    for number, statement in enumerate(article.statements):
        cue = statement.cue
        found.append(_Mark(cue.start, cue.stop, "say", number, statement_title(statement)))
    return sorted(found, key=lambda mark: (mark.start, -mark.stop))


def _nested(found: list[_Mark]) -> list[_Mark]:
    """The marks that nest (each inside or after the others); crossing ones are dropped."""
    kept: list[_Mark] = []
    open_stops: list[int] = []
    for mark in found:
        if mark.stop <= mark.start:
            continue
        while open_stops and open_stops[-1] <= mark.start:
            open_stops.pop()
        if open_stops and mark.stop > open_stops[-1]:
            continue  # crosses the end of the mark it starts in
        kept.append(mark)
        open_stops.append(mark.stop)
    return kept


def highlight(text: str, found: list[_Mark]) -> str:
    """``text`` as escaped HTML with ``found`` (sorted, nesting) as ``<mark>`` elements."""
    out: list[str] = []
    position = 0
    stack: list[int] = []

    def close_until(offset: int) -> None:
        nonlocal position
        while stack and stack[-1] <= offset:
            stop = stack.pop()
            out.append(escape(text[position:stop]))
            out.append("</mark>")
            position = stop

    for mark in found:
        close_until(mark.start)
        out.append(escape(text[position : mark.start]))
        position = mark.start
        out.append(
            f'<mark class="nn-{mark.kind}" data-entity="{mark.entity}" '
            f'title="{escape(mark.title, quote=True)}">'
        )
        stack.append(mark.stop)
    close_until(len(text))
    out.append(escape(text[position:]))
    return "".join(out)


def _entity_list(title: str, kind: str, items: list[str]) -> str:
    rows = "".join(f"<li>{item}</li>" for item in items)
    listing = f"<ol>{rows}</ol>" if items else '<p class="meta">none found</p>'
    return (
        f'<section class="list-{kind}"><h2><mark class="nn-{kind}">{escape(title)}</mark> '
        f"({len(items)})</h2>{listing}</section>"
    )


def _times(count: int) -> str:
    return f' <span class="meta">×{count}</span>'


def render(article: Article, title: str = "newsnlp") -> str:
    """A self-contained HTML page of ``article``: the highlighted text and the lists of
    entities, percentages and statements.

    ``title``: the page's title (escaped). Raises ``TypeError`` when ``article`` is not an
    :class:`~newsnlp.Article`.
    """
    if not isinstance(article, Article):
        raise TypeError(f"render() expects an Article, got {type(article).__name__}")
    people = [escape(p.name) + _times(len(p.mentions)) for p in article.people]
    places = []
    for place in article.places:
        where = ", ".join(str(x) for x in (place.kind, place.country) if x)
        extra = f' <span class="meta">[{escape(where)}]</span>' if where else ""
        aliases = (
            f' <span class="meta">aka {escape(", ".join(place.aliases))}</span>'
            if place.aliases
            else ""
        )
        places.append(escape(place.name) + extra + aliases + _times(len(place.mentions)))
    organizations = [escape(o.name) + _times(len(o.mentions)) for o in article.organizations]
    facts = [
        f'<b>{escape(fact.text)}</b> <span class="meta">{escape(percentage_title(fact))}</span>'
        for fact in article.percentages
    ]
    ratios = [
        f'<b>{escape(fact.text)}</b> <span class="meta">{escape(percentage_title(fact))}</span>'
        for fact in article.ratios
    ]
    statements = [
        f'<b>{escape(s.cue.text)}</b> <span class="meta">{escape(statement_title(s))}</span>'
        for s in article.statements
    ]
    legend = " ".join(f'<mark class="nn-{kind}">{label}</mark>' for kind, label in LABELS.items())
    body = highlight(article.text, _nested(marks(article)))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        f'<header><h1>{escape(title)}</h1><div class="legend">{legend}</div></header>\n'
        f'<main>\n<article id="text">{body}</article>\n<aside>\n'
        + _entity_list("People", "per", people)
        + _entity_list("Places", "loc", places)
        + _entity_list("Organizations", "org", organizations)
        + _entity_list("Percentages", "pct", facts)
        + _entity_list("Ratios", "ratio", ratios)
        + _entity_list("Statements", "say", statements)
        + "\n</aside>\n</main>\n</body>\n</html>\n"
    )
