"""Scan: the places the gazetteer knows that the model left untagged, in the text and inside
organizations' names ("Совета Европы").
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .._batch import token_texts
from .._spans import OPEN_QUOTES, is_proper
from .kinds import gazetteer_kind, word_kind


def _place_at(
    doc: Doc, i: int, end: int, texts: list[str], lemmas: list[str] | None = None
) -> Span | None:
    """The longest ``doc[i:stop]`` (``stop`` ≤ ``end``) the gazetteer knows as a country,
    region or other place; a single word must also read as a proper name ("Того же" is not
    Togo). ``texts``: the token texts of ``doc``."""
    for stop in range(end, i + 1, -1):
        candidate = Span(doc, i, stop, label="LOC")
        if gazetteer_kind(candidate) not in (None, "organization"):
            return candidate
    kind = word_kind(doc, i, texts, lemmas)  # one word, the most frequent case
    if kind not in (None, "organization") and is_proper(doc[i]):
        return Span(doc, i, i + 1, label="LOC")
    return None


def _scan_places(
    doc: Doc,
    start: int,
    stop: int,
    open_: bytes | bytearray,
    longest: int,
    lemmas: list[str] | None = None,
) -> list[Span]:
    """The places the gazetteer knows among ``doc[start:stop]``: runs of up to ``longest``
    tokens that ``open_`` lets in (1 per capitalized token outside other spans, else 0),
    longest match first."""
    found = []
    texts = token_texts(doc, ORTH)
    i = open_.find(1, start, stop)  # most tokens: no run starts there (no call, no range)
    while i >= 0:
        end = i
        while end < min(stop, i + longest) and open_[end]:
            end += 1
        place = _place_at(doc, i, end, texts, lemmas)
        if place is not None:
            found.append(place)
        i = open_.find(1, place.end if place is not None else i + 1, stop)
    return found


def capitalized_tokens(doc: Doc) -> bytes:
    """1 per token of ``doc`` whose text begins with a capital letter, else 0 (what
    :func:`find_unlabelled_places` and :func:`places_in_names` scan: read once by their
    caller and passed to both)."""
    return bytes(map(str.isupper, map(_FIRST_CHAR, token_texts(doc, ORTH))))


_FIRST_CHAR = itemgetter(slice(0, 1))


def find_unlabelled_places(
    doc: Doc,
    spans: list[Span],
    longest: int = 3,
    capitalized: bytes | None = None,
    lemmas: list[str] | None = None,
) -> list[Span]:
    """Add the countries, regions and other named places the model left untagged: runs of up
    to ``longest`` capitalized tokens outside every span, within one line, that the gazetteer
    knows ("чемпионат Европы", "Нидерландские Антилы"). ``capitalized``:
    :func:`capitalized_tokens`, and ``lemmas``: ``token_texts(doc, LEMMA)``, when the caller
    has them."""
    open_ = bytearray(capitalized_tokens(doc) if capitalized is None else capitalized)
    for span in spans:
        open_[span.start : span.end] = bytes(len(span))
    found = spans + _scan_places(doc, 0, len(doc), open_, longest, lemmas)
    return sorted(found, key=lambda span: span.start)


def places_in_names(
    doc: Doc, spans: Sequence[Span], longest: int = 3, capitalized: bytes | None = None
) -> list[Span]:
    """The places named inside organization names: "Европы" in "Совета Европы".

    After an organization name's first word (a name not in quotes: "«Единая Россия»" names no
    place), a run of up to ``longest`` capitalized tokens that the gazetteer knows as a
    country, region or other place is a LOC span nested in the ORG span (spaCy's ``doc.ents``
    cannot hold it; it goes to ``doc.spans``). ``capitalized``: :func:`capitalized_tokens`,
    when the caller has it.
    """
    if capitalized is None:
        capitalized = capitalized_tokens(doc)
    return [
        place
        for span in spans
        if span.label_ == "ORG" and not _quoted(span)
        for place in _scan_places(doc, span.start + 1, span.end, capitalized, longest)
    ]


def _quoted(span: Span) -> bool:
    """Whether quotes open right before ``span``: a name in quotes is a party's, a brand's or a
    company's ("«Единая Россия»"), whose place is no place of its jurisdiction; quotes typed
    as two apostrophes count too ("''Новая Россия''")."""
    doc, start = span.doc, span.start
    if start > 0 and doc[start - 1].text in OPEN_QUOTES:
        return True
    return start > 1 and doc[start - 1].text == "'" and doc[start - 2].text == "'"
