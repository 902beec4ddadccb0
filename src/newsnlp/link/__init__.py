"""Link: group the mentions of one entity, name it once, and link places to the gazetteer.

People group by surname (a lone "Шелест" or "С. Шелест" joins "Сергей Шелест"); places group
by gazetteer entry, so "КНР", "Китайская Народная Республика" and "Китай" are one country;
organizations by normalized name. Results are ``doc._.people``, ``doc._.places`` and
``doc._.organizations`` (stored as data: see :mod:`newsnlp.extensions`).

Steps, one module each: ``names`` (a name's words compared across forms), ``cues`` (words
around a name that tell whose it is: kinship, another name), ``readings`` (a mention's name read
again from the words around it), ``person_group`` (the mentions of one person while grouping
and whether a name fits them), ``people`` (which person a mention joins, one entry per person),
``naming`` (a person's fullest nominative name),
``places`` (one entry per place, the gazetteer), ``mentions`` (the mention record),
``component`` (organizations, one label per name, the spaCy component).
"""

from __future__ import annotations

from .component import Linker, link_organizations, one_label_per_name
from .mentions import mention
from .names import case_stem, first_name_genders, first_name_keys, surname_genders
from .naming import person_name
from .people import group_people, link_people
from .places import choose_entry, link_places, place_name

__all__ = [
    "Linker",
    "case_stem",
    "choose_entry",
    "first_name_genders",
    "first_name_keys",
    "group_people",
    "link_organizations",
    "link_people",
    "link_places",
    "mention",
    "one_label_per_name",
    "person_name",
    "place_name",
    "surname_genders",
]
