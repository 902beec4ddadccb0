"""Normalize: the nominative, properly cased name of every entity mention (pymorphy3).

Names of people inflect word by word to the nominative, keeping the person's gender; places
and organizations inflect as phrases: the head noun and the adjectives agreeing with it
("Надеждинском сельском поселении" -> "Надеждинское сельское поселение"), while dependents
after the head keep their case ("мэрии Москвы" -> "мэрия Москвы"). The tagger's case, gender
and number choose among pymorphy3's parses. The result is ``span._.normal``.

Steps, one module each: ``forms`` (casing, unknown names' endings), ``words`` (a name word's
parses), ``word_cases`` (the cases and gender a name's words allow), ``context_case`` (a
name's case from the words around it: prepositions, posts, verbs), ``person_case`` (a person
mention's case and gender), ``place_words`` (place words and the gazetteer's forms),
``tokens`` (one token in the nominative), ``names`` (people's names), ``phrases`` (a phrase's
head and the span's normal form), ``component`` (the spaCy component).
"""

from __future__ import annotations

from .component import Normalizer, settle_lone_names, span_normal
from .forms import name_by_ending, possessive_surname, recover_case
from .names import coordinated_name, join_words, person_name, singular_surname
from .person_case import person_case_gender, quoted_tokens
from .phrases import normalize_span, phrase_head
from .place_words import place_word
from .tokens import inflect_token, person_token
from .word_cases import first_name_genders_nominative
from .words import person_word

__all__ = [
    "Normalizer",
    "coordinated_name",
    "first_name_genders_nominative",
    "inflect_token",
    "join_words",
    "name_by_ending",
    "normalize_span",
    "person_case_gender",
    "person_name",
    "person_token",
    "person_word",
    "phrase_head",
    "place_word",
    "possessive_surname",
    "quoted_tokens",
    "recover_case",
    "settle_lone_names",
    "singular_surname",
    "span_normal",
]
