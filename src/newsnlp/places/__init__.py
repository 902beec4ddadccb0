"""Places: the recognizer's rules for place names.

A place span ends before a lowercase preposition; a demonym or a lone adjective is no place;
the gazetteer settles labels (a country the model called a person is a place, a union of
states an organization) and adds the places the model missed, also those named inside an
organization's name ("Совета Европы").

Steps, one module each, data flowing one way from the first to the last: ``words`` (the nouns
of places and settlements, the links of hyphenated names, a place's capitalized adjective:
the bottom, read by the normalizer too), ``kinds`` (what the gazetteer knows a span as),
``compounds`` (hyphenated names), ``coordination`` (the head coordinated places share),
``elided`` (the head noun the text leaves out), ``refine`` (one span's words), ``filters``
(spans that name no place), ``labels`` (labels from the gazetteer and the document),
``beside_people`` (a place's name before a person's), ``scan`` (places the model left
untagged, and those inside organizations' names), ``dateline``, ``latin`` (a Latin spelling in
parentheses), ``routes`` (the two ends of a route).
"""

from __future__ import annotations

from .beside_people import place_before_person, split_place_and_person
from .compounds import compound_place_nominative
from .coordination import coordinated_places, coordination_head, places_among_places
from .dateline import dateline_places
from .elided import elided_head
from .filters import is_place_name
from .kinds import gazetteer_kind
from .labels import (
    joined_places,
    one_label_per_place,
    relabel_by_gazetteer,
    relabel_cities_after_in,
    relabel_linked_places,
)
from .latin import latin_in_parentheses, latin_words
from .refine import cut_at_preposition
from .routes import route_ends
from .scan import capitalized_tokens, find_unlabelled_places, places_in_names
from .words import FIXED_PLACE_LINKS, PLACE_NOUNS

__all__ = [
    "FIXED_PLACE_LINKS",
    "PLACE_NOUNS",
    "capitalized_tokens",
    "compound_place_nominative",
    "coordinated_places",
    "coordination_head",
    "places_among_places",
    "cut_at_preposition",
    "dateline_places",
    "elided_head",
    "find_unlabelled_places",
    "gazetteer_kind",
    "is_place_name",
    "joined_places",
    "latin_in_parentheses",
    "latin_words",
    "one_label_per_place",
    "place_before_person",
    "places_in_names",
    "relabel_by_gazetteer",
    "relabel_cities_after_in",
    "relabel_linked_places",
    "route_ends",
    "split_place_and_person",
]
