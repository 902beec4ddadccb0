"""Span groups: the facts as spaCy spans, for displaCy's span view and other spaCy tools.

The last stage of the pipeline (``newsnlp_spans``) turns the stored facts into span groups:

- ``doc.spans["percentages"]``, label ``PERCENT``: "на 66 %", "94 процента";
- ``doc.spans["dates"]``, label ``DATE``: "1 января 2011 года", "вчера", "в течение 12 лет";
- ``doc.spans["money"]``, label ``MONEY``: "5,3 млн руб.", "$2,9 млрд";
- ``doc.spans["roles"]``, label ``ROLE``: the words of a person's post ("генеральным консулом").

A group is there when the document has such facts (``doc.spans.get("money", [])``). Facts can
overlap (a date inside a percentage's period, a post's words around a place), which
span groups allow and ``doc.ents`` does not. A fact's characters are widened to whole tokens
(``alignment_mode="expand"``); the facts themselves keep their exact character offsets.

    from spacy import displacy
    displacy.render(doc, style="span", options={"spans_key": "percentages"})
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ._batch import DocComponent
from .extensions import get_data

GROUPS: dict[str, str] = {
    "percentages": "PERCENT",
    "dates": "DATE",
    "money": "MONEY",
    "roles": "ROLE",
}
"""The span groups this stage sets (``doc.spans[key]``) and the label of their spans."""


def _spans(doc: Doc, items: Iterable[dict[str, Any]], label: str) -> list[Span]:
    spans = []
    for item in items:
        span = doc.char_span(item["start"], item["stop"], label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def set_span_groups(doc: Doc) -> None:
    """Set ``doc.spans["percentages"]``, ``["dates"]``, ``["money"]`` and ``["roles"]`` from
    the facts the earlier stages stored. A group is set only when the document has such facts
    (read ``doc.spans.get("money", [])``): every group costs a msgpack call of its own (about
    1 ms, most of it srsly looking up its encoders) each time a Doc is serialized, which
    ``nlp.pipe(..., n_process=2)`` does for every document."""
    found = {
        name: _spans(doc, get_data(doc, name) or [], GROUPS[name])
        for name in ("percentages", "dates", "money")
    }
    roles = (role for person in get_data(doc, "people") or [] for role in person.get("roles", []))
    found["roles"] = sorted(_spans(doc, roles, GROUPS["roles"]), key=lambda span: span.start)
    for name, spans in found.items():
        if spans:
            doc.spans[name] = spans
        elif name in doc.spans:
            del doc.spans[name]


class SpanGrouper(DocComponent):
    """Sets the span groups of :data:`GROUPS` from the document's facts."""

    def __call__(self, doc: Doc) -> Doc:
        set_span_groups(doc)
        return doc
