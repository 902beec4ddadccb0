"""People: the recognizer's rules for people's names.

A person's span loses the words glued to it that cannot be a name and gains a name particle
("ибн"); the document's other mentions of people set bounds and labels (a surname alone, a
first name beside a surname, two names run together), spread a name's other forms, find the
people of lists the model skipped and the people named inside other names ("центра Джонсона").

Steps, one module each: ``words`` (what a word can be in a name), ``families`` (plural
surnames), ``refine`` (one span's words), ``document`` (spans set by the other mentions),
``skipped`` (people the model skipped, or cut or glued wrong, by the words around them),
``things`` (names of the thing a noun before them is, not people).
"""

from __future__ import annotations

from .document import (
    join_nicknames,
    listed_people,
    nested_people,
    person_bounds,
    relabel_people,
    same_word,
    spread_first_names,
    spread_people,
)
from .families import (
    coordinated_first_names,
    family_name,
    family_word,
    plural_families,
    plural_surname_ending,
    shared_surname,
)
from .refine import join_initials_after, name_stem, person_after_object, refine_person
from .skipped import skipped_people
from .things import without_counted, without_things
from .words import NAME_PARTICLES

__all__ = [
    "coordinated_first_names",
    "NAME_PARTICLES",
    "family_name",
    "family_word",
    "join_initials_after",
    "join_nicknames",
    "listed_people",
    "name_stem",
    "nested_people",
    "skipped_people",
    "person_after_object",
    "person_bounds",
    "plural_families",
    "plural_surname_ending",
    "refine_person",
    "relabel_people",
    "same_word",
    "shared_surname",
    "spread_first_names",
    "spread_people",
    "without_counted",
    "without_things",
]
