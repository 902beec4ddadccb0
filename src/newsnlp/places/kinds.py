"""Kinds: what the gazetteer knows a span or a word as (a country, a region, an organization...),
cities left out.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import resources
from ..gazetteer import default_gazetteer
from ..tag import token_tag


def gazetteer_kind(span: Span) -> str | None:
    """The kind of the gazetteer's best entry for ``span`` (as written or by its lemmas).

    Cities are not considered: too many of their names are also words or surnames.
    """
    if len(span) == 1:  # its text, then its lemma (the lemma read only when needed)
        token = span[0]
        kind = _kind_of(token.text)
        return kind if kind is not None else _kind_of(token.lemma_)
    lemmas = [token.lemma_ for token in span]
    names: tuple[str, ...] = (span.text, " ".join(lemmas), "-".join(lemmas))
    tag = token_tag(span[-1])
    if tag[3] == "Plur" and tag[1] not in ("", "Nom"):
        # a plural name in an oblique case: its lemmas are singular ("Объединённых
        # Арабских Эмиратов" -> "объединённый арабский эмират"), its nominative is not
        names += (_plural_nominative(tuple(token.text.lower() for token in span)),)
    for name in names:
        kind = _kind_of(name)
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=10_000)
def _plural_nominative(words: tuple[str, ...]) -> str:
    """The words of a plural name put in the nominative plural, each by its first plural
    oblique parse that pymorphy3 can inflect; a word without one stays as it is."""
    nominative = []
    for word in words:
        form = None
        for parse in resources.word_parses(word):
            if parse.tag.number == "plur" and parse.tag.case != "nomn":
                form = parse.inflect({"nomn", "plur"})
                if form is not None:
                    break
        nominative.append(form.word if form is not None else word)
    return " ".join(nominative)


def word_kind(doc: Doc, i: int, texts: list[str], lemmas: list[str] | None = None) -> str | None:
    """:func:`gazetteer_kind` of the one word ``doc[i]`` (its text, then its lemma), its text
    read from the document's token texts (``texts``) without a ``Span``, and its lemma from
    ``lemmas`` (``token_texts(doc, LEMMA)``) when given."""
    kind = _kind_of(texts[i])
    if kind is not None:
        return kind
    return _kind_of(doc[i].lemma_ if lemmas is None else lemmas[i])


@lru_cache(maxsize=65_536)
def _kind_of(name: str) -> str | None:
    """The kind of the gazetteer's best entry for ``name`` that is not a city."""
    for entry in default_gazetteer().lookup(name):
        if entry.kind != "city":
            return entry.kind
    return None
