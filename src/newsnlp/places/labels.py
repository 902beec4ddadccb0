"""Labels: a span's label from what the gazetteer and the document know of its name (a country
the model called a person is a place, a union of states an organization, a large city after
"в" a place, one word tagged a place elsewhere the same place).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Span

from .._batch import token_texts
from .._spans import CLOSE_QUOTES, OPEN_QUOTES
from ..gazetteer import default_gazetteer
from ..tag import token_tag
from .compounds import linked_place_name
from .kinds import gazetteer_kind, word_kind


def relabel_by_gazetteer(spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """Labels from what the gazetteer knows a span's name as.

    A country, region or other named place is LOC whatever the model said ("Эфиопия" as PER,
    "МКС" as ORG); a union of states the gazetteer knows (the EU, the CIS) is ORG. A name in
    quotes stays as it is ("«Россия»" names a hotel or a party); a quotation that opens with a
    name does not make it one ("«ЕС не допустит этого», — заявил он"). ``lemmas``:
    ``token_texts(doc, LEMMA)`` of the spans' document, when the caller has it.
    """
    relabelled = []
    texts = token_texts(spans[0].doc, ORTH) if spans else []
    for span in spans:
        kind = None
        # the quote before the span first, from the texts (_all_quoted's first test): most
        # spans have none
        if not (span.start and texts[span.start - 1] in OPEN_QUOTES and _all_quoted(span)):
            one = span.end - span.start == 1
            kind = word_kind(span.doc, span.start, texts, lemmas) if one else gazetteer_kind(span)
        label = "ORG" if kind == "organization" else "LOC" if kind else span.label_
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label)
        relabelled.append(span)
    return relabelled


def _all_quoted(span: Span) -> bool:
    """Whether quotes open right before ``span`` and close right after it (or after words of a
    name that go on capitalized: «Северный поток»)."""
    doc = span.doc
    if not (span.start and doc[span.start - 1].text in OPEN_QUOTES):
        return False
    end = span.end
    while end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    return end >= len(doc) or doc[end].text in CLOSE_QUOTES


def joined_places(spans: list[Span]) -> list[Span]:
    """Two place spans joined by "и" that together name one place the gazetteer knows are that
    place: "Сент-Китса и Невиса", "Антигуа и Барбуду" (a country of two islands)."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if (
            last is not None
            and last.label_ == "LOC"
            and span.label_ == "LOC"
            and span.start == last.end + 1
            and span.doc[last.end].text == "и"
        ):
            both = Span(span.doc, last.start, span.end, label="LOC")
            if gazetteer_kind(both) not in (None, "organization"):
                found[-1] = both
                continue
        found.append(span)
    return found


# a city this large is what "в" + its name means, where the model read an organization
_LARGE_CITY = 100_000


def relabel_cities_after_in(spans: list[Span]) -> list[Span]:
    """A one-word organization the model found right after "в"/"во", in the locative, whose
    lemma the gazetteer knows as a city of 100,000 people or more, is that city ("в Висбадене"
    tagged ORG); not in quotes, and not a name the gazetteer knows as anything else."""
    relabelled = []
    for span in spans:
        doc = span.doc
        if (
            span.label_ == "ORG"
            and len(span) == 1
            and span.start
            and doc[span.start - 1].lower_ in ("в", "во")
            and span[0].is_title
            and token_tag(span[0])[1] == "Loc"
            and _large_city(span[0].lemma_.lower())
        ):
            span = Span(doc, span.start, span.end, label="LOC")
        relabelled.append(span)
    return relabelled


@lru_cache(maxsize=10_000)
def _large_city(name: str) -> bool:
    entries = default_gazetteer().lookup(name)
    return bool(entries) and all(
        entry.kind == "city" and entry.population >= _LARGE_CITY for entry in entries
    )


def relabel_linked_places(spans: list[Span]) -> list[Span]:
    """A one-word span not in quotes whose word joins capitalized parts by a lowercase link of
    place names is a place, whatever the model said ("в Сантьяго-де-Компостеле" tagged ORG)."""
    relabelled = []
    for span in spans:
        if (
            span.label_ != "LOC"
            and len(span) == 1
            and linked_place_name(span[0].text)
            and not (span.start and span.doc[span.start - 1].text in OPEN_QUOTES)
        ):
            span = Span(span.doc, span.start, span.end, label="LOC")
        relabelled.append(span)
    return relabelled


_NEUTER_ENDINGS = ("ом", "о", "а", "у", "е")


def _stem(word: str) -> str:
    """A one-word name without the ending its cases change ("пулкове", "пулково" -> "пулков"),
    enough to tell forms of one name apart from other names."""
    word = word.lower()
    for ending in _NEUTER_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def one_label_per_place(spans: list[Span]) -> list[Span]:
    """A one-word organization span not in quotes that writes a word the document tags as a
    place elsewhere is that place: "в Пулкове" (LOC) and "Пулково" (ORG) are one airport."""
    texts = token_texts(spans[0].doc, ORTH) if spans else []
    places = {
        _stem(texts[span.start])
        for span in spans
        if span.end - span.start == 1 and span.label_ == "LOC"
    }
    if not places:
        return spans
    found = []
    for span in spans:
        if (
            span.end - span.start == 1
            and span.label_ == "ORG"
            and _stem(texts[span.start]) in places
            and not (span.start and texts[span.start - 1] in OPEN_QUOTES)
            and gazetteer_kind(span) != "organization"  # "ЕС" stays a union of states
        ):
            span = Span(span.doc, span.start, span.end, label="LOC")
        found.append(span)
    return found
