"""The spaCy component: ``span._.normal`` on every entity, lone names settled from the document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span

from .._batch import DocComponent
from ..people import same_word
from ..recognize import NESTED_PEOPLE, NESTED_PLACES
from .person_case import person_case_gender, remember_cases
from .phrases import normalize_span


class Normalizer(DocComponent):
    """Sets ``span._.normal`` on every entity of the document and every nested place or person."""

    def __call__(self, doc: Doc) -> Doc:
        remember_cases(doc)  # the entities are set: each mention's case is read once
        ents = doc.ents  # a Span made per entity at each read of doc.ents: read once
        nested = (*doc.spans.get(NESTED_PLACES, ()), *doc.spans.get(NESTED_PEOPLE, ()))
        for span in (*ents, *nested):
            _store_normal(span, normalize_span(span))
        settle_lone_names(doc, ents)
        return doc


def settle_lone_names(doc: Doc, ents: Sequence[Span] | None = None) -> None:
    """A one-word person mention the rules left as written, not in the nominative, takes the
    nominative another mention of the document writes ("Марку", tagged a form of "марка", is
    "Марк" when the article writes "Марк"). ``ents``: ``doc.ents`` if already read."""
    spans: Sequence[Span] = doc.ents if ents is None else ents
    lone = [
        span
        for span in spans
        if span.label_ == "PER"
        and len(span) == 1
        and _stored_normal(span) == span.text
        and person_case_gender(span)[0] not in ("", "Nom")
    ]
    if not lone:
        return
    written = {
        token.text
        for span in spans
        if span.label_ == "PER" and person_case_gender(span)[0] == "Nom"
        for token in span
        if token.is_title
    }
    for span in lone:
        word = span.text
        if word in written:
            continue
        forms = [w for w in written if len(w) < len(word) and same_word(w.lower(), word.lower(), 2)]
        if forms:
            _store_normal(span, max(forms, key=len))


def span_normal(span: Any) -> str:
    """``span._.normal``, computed on the fly if the normalizer has not run."""
    return _stored_normal(span) or normalize_span(span)


_STORED = (None, None, None, None)
"""What ``Span.get_extension`` gives for an extension spaCy stores in ``doc.user_data``, with
no default, method, getter or setter (newsnlp's ``normal``)."""


def _stored_normal(span: Any) -> str | None:
    """``span._.normal``, read where spaCy stores it (``span._`` builds an accessor object on
    every read), unless another library's ``normal`` extension with a getter came first."""
    if Span.get_extension("normal") == _STORED:
        return span.doc.user_data.get(("._.", "normal", span.start_char, span.end_char))
    return span._.normal


def _store_normal(span: Span, normal: str) -> None:
    """Set ``span._.normal`` (where spaCy stores it, as :func:`_stored_normal` reads it)."""
    if Span.get_extension("normal") == _STORED:
        user_data: dict[Any, Any] = span.doc.user_data
        user_data[("._.", "normal", span.start_char, span.end_char)] = normal
    else:
        span._.normal = normal
