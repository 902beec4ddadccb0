"""Mentions: an entity span as the record every linked entity lists."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Span

from .._batch import source_text, token_texts
from ..normalize import span_normal
from ..schema import Mention


def span_text(span: Span) -> str:
    """``span.text``; a one-word span's read from the document's token texts, a longer one's
    from the text the tokenizer made the document from (spaCy's property makes a ``Token`` per
    word and one more for the last word's space)."""
    if span.end - span.start == 1:
        return token_texts(span.doc, ORTH)[span.start]
    source = source_text(span.doc)
    if source is not None:
        return source[span.start_char : span.end_char]
    return span.text


def mention(span: Span, normal: str | None = None) -> Mention:
    """The offsets, text and own nominative form of an entity span (``normal``: that form,
    when the caller has read it already)."""
    return Mention(
        start=span.start_char,
        stop=span.end_char,
        text=span_text(span),
        normal=span_normal(span) if normal is None else normal,
    )
