"""Places: the recognizer's rules for place names.

A place span ends before a lowercase preposition; a demonym or a lone adjective is no place;
the gazetteer settles labels (a country the model called a person is a place, a union of
states an organization) and adds the places the model missed, also those named inside an
organization's name ("Совета Европы").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ._batch import token_texts
from ._spans import OPEN_QUOTES, covered_mask, is_proper
from .gazetteer import default_gazetteer
from .tag import best_parse, token_tag


def cut_at_preposition(span: Span) -> Span:
    """A place name ends before a lowercase preposition: "США по патентам" gives "США".

    The model sometimes runs a place on into the words of an organization's name ("Бюро США по
    патентам и товарным знакам"); place names written as separate words do not contain
    prepositions ("Ростов-на-Дону" is one token).
    """
    if span.label_ != "LOC":
        return span
    for token in span[1:]:
        if token.pos_ == "ADP" and token.text.islower():
            return Span(span.doc, span.start, token.i, label=span.label)
    return span


def _is_demonym(span: Span) -> bool:
    """A single plural animate noun ("Американцы", "Палестинцы") names people, not a place."""
    if len(span) != 1:
        return False
    token = span[0]
    tag = best_parse(token.text.lower(), *token_tag(token)).tag
    return "anim" in tag and tag.number == "plur" and "Geox" not in tag


def _is_lone_adjective(span: Span) -> bool:
    """A single adjective before a common noun ("Кипрское правительство") is not a place name."""
    if len(span) != 1 or span[0].pos_ != "ADJ" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end].text
    if not (after.isalpha() and after.islower()):
        return False
    token = span[0]
    tag = best_parse(token.text.lower(), *token_tag(token)).tag
    return tag.POS == "ADJF" and "Geox" not in tag


def gazetteer_kind(span: Span) -> str | None:
    """The kind of the gazetteer's best entry for ``span`` (as written or by its lemmas).

    Cities are not considered: too many of their names are also words or surnames.
    """
    lemmas = [token.lemma_ for token in span]
    if len(span) == 1:
        names: tuple[str, ...] = (span.text, lemmas[0])
    else:
        names = (span.text, " ".join(lemmas), "-".join(lemmas))
    for name in names:
        kind = _kind_of(name)
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=65_536)
def _kind_of(name: str) -> str | None:
    """The kind of the gazetteer's best entry for ``name`` that is not a city."""
    for entry in default_gazetteer().lookup(name):
        if entry.kind != "city":
            return entry.kind
    return None


def relabel_by_gazetteer(spans: list[Span]) -> list[Span]:
    """Labels from what the gazetteer knows a span's name as.

    A country, region or other named place is LOC whatever the model said ("Эфиопия" as PER,
    "МКС" as ORG); a union of states the gazetteer knows (the EU, the CIS) is ORG. A name in
    quotes stays as it is ("«Россия»" names a hotel or a party).
    """
    relabelled = []
    for span in spans:
        kind = None
        if not (span.start and span.doc[span.start - 1].text in OPEN_QUOTES):
            kind = gazetteer_kind(span)
        label = "ORG" if kind == "organization" else "LOC" if kind else span.label_
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label)
        relabelled.append(span)
    return relabelled


def _place_at(doc: Doc, i: int, end: int) -> Span | None:
    """The longest ``doc[i:stop]`` (``stop`` ≤ ``end``) the gazetteer knows as a country,
    region or other place; a single word must also read as a proper name ("Того же" is not
    Togo)."""
    for stop in range(end, i, -1):
        candidate = Span(doc, i, stop, label="LOC")
        kind = gazetteer_kind(candidate)
        if kind not in (None, "organization") and (stop > i + 1 or is_proper(doc[i])):
            return candidate
    return None


def _scan_places(doc: Doc, start: int, stop: int, open_: list[bool], longest: int) -> list[Span]:
    """The places the gazetteer knows among ``doc[start:stop]``: runs of up to ``longest``
    tokens that ``open_`` lets in (capitalized, outside other spans), longest match first."""
    found = []
    i = start
    while i < stop:
        end = i
        while end < min(stop, i + longest) and open_[end]:
            end += 1
        place = _place_at(doc, i, end)
        if place is not None:
            found.append(place)
            i = place.end
        else:
            i += 1
    return found


def find_unlabelled_places(doc: Doc, spans: list[Span], longest: int = 3) -> list[Span]:
    """Add the countries, regions and other named places the model left untagged: runs of up
    to ``longest`` capitalized tokens outside every span, within one line, that the gazetteer
    knows ("чемпионат Европы", "Нидерландские Антилы")."""
    covered = covered_mask(doc, spans)
    open_ = [text[:1].isupper() and not covered[i] for i, text in enumerate(token_texts(doc, ORTH))]
    found = spans + _scan_places(doc, 0, len(doc), open_, longest)
    return sorted(found, key=lambda span: span.start)


def places_in_names(doc: Doc, spans: Sequence[Span], longest: int = 3) -> list[Span]:
    """The places named inside organization names: "Европы" in "Совета Европы".

    After an organization name's first word, a run of up to ``longest`` capitalized tokens that
    the gazetteer knows as a country, region or other place is a LOC span nested in the ORG
    span (spaCy's ``doc.ents`` cannot hold it; it goes to ``doc.spans``).
    """
    capitalized = [text[:1].isupper() for text in token_texts(doc, ORTH)]
    return [
        place
        for span in spans
        if span.label_ == "ORG"
        for place in _scan_places(doc, span.start + 1, span.end, capitalized, longest)
    ]


def is_place_name(span: Span) -> bool:
    """Whether a place span can name a place: not a demonym nor a lone adjective."""
    return not (_is_demonym(span) or _is_lone_adjective(span))
