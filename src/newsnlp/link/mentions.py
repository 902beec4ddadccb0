"""Mentions: an entity span as the record every linked entity lists."""

from __future__ import annotations

from spacy.tokens import Span

from ..normalize import span_normal
from ..schema import Mention


def mention(span: Span, normal: str | None = None) -> Mention:
    """The offsets, text and own nominative form of an entity span (``normal``: that form,
    when the caller has read it already)."""
    return Mention(
        start=span.start_char,
        stop=span.end_char,
        text=span.text,
        normal=span_normal(span) if normal is None else normal,
    )
