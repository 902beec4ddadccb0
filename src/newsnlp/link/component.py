"""The spaCy component: people, places and organizations of a ``Doc`` (``doc._.people``,
``doc._.places``, ``doc._.organizations``)."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .. import resources
from .._batch import DocComponent, token_texts
from ..extensions import set_facts
from ..gazetteer import Gazetteer, gazetteer_key
from ..normalize import span_normal
from ..recognize import NESTED_PEOPLE, NESTED_PLACES
from ..schema import Organization
from .mentions import mention
from .names import case_stem
from .people import link_people
from .places import link_places, place_stem


def link_organizations(spans: list[Span]) -> list[Organization]:
    """One :class:`Organization` per normalized name."""
    groups: dict[str, list[tuple[Span, str]]] = defaultdict(list)
    for span in spans:
        name = span_normal(span)
        groups[gazetteer_key(name)].append((span, name))
    return [
        Organization(
            name=Counter(name for _, name in members).most_common(1)[0][0],
            mentions=[mention(span, name) for span, name in members],
        )
        for members in groups.values()
    ]


def _known_word(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` ("Пушкину" is a known surname, "Коларова" is not)."""
    return any(parse.is_known for parse in resources.word_parses(word.lower()))


def one_label_per_name(people: list[Span], places: list[Span]) -> tuple[list[Span], list[Span]]:
    """A one-word person's mention that writes a form of a one-word place of the document, and
    no part of a person's longer name, is that place ("Нджамена встретила гостей" after "в
    Нджамену")."""
    place_stems = {case_stem(span_normal(span)) for span in places if len(span) == 1}
    if not place_stems:
        return people, places
    # a village in -ово, -ино: its oblique cases read as a surname in -ов, -ин that pymorphy3
    # does not know ("Коларово и Половинка" ... "у Коларова")
    villages = {place_stem(span_normal(span)) for span in places if len(span) == 1}
    candidates = [
        (span, stem)
        for span in people
        if len(span) == 1
        and (
            (stem := case_stem(span_normal(span))) in place_stems
            or (stem in villages and not _known_word(span.text))
        )
    ]
    if not candidates:
        return people, places
    words = token_texts(people[0].doc, ORTH)
    in_names = {
        case_stem(word) for span in people if len(span) > 1 for word in words[span.start : span.end]
    }
    moved = [span for span, stem in candidates if stem not in in_names]
    if not moved:
        return people, places
    places = sorted(
        [*places, *(Span(span.doc, span.start, span.end, label="LOC") for span in moved)],
        key=lambda span: span.start,
    )
    return [span for span in people if span not in moved], places


class Linker(DocComponent):
    """Groups ``doc.ents`` into people, places and organizations.

    The places named inside organization names (``doc.spans["places_in_names"]``) are places
    too: "Совета Европы" mentions the organization and Europe.
    """

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        by_label: dict[str, list[Span]] = defaultdict(list)
        for span in doc.ents:
            by_label[span.label_].append(span)
        for label, nested in (("PER", NESTED_PEOPLE), ("LOC", NESTED_PLACES)):
            by_label[label] = sorted(
                [*by_label[label], *doc.spans.get(nested, ())], key=lambda span: span.start
            )
        by_label["PER"], by_label["LOC"] = one_label_per_name(by_label["PER"], by_label["LOC"])
        set_facts(doc, "people", link_people(by_label["PER"]))
        set_facts(doc, "places", link_places(by_label["LOC"], self.gazetteer))
        set_facts(doc, "organizations", link_organizations(by_label["ORG"]))
        return doc
