"""Compounds: hyphenated place names, joined by a lowercase link ("Комсомольск-на-Амуре") or
with first parts that do not decline ("Сан-Педро-Сулы" -> "Сан-Педро-Сула").
"""

from __future__ import annotations

from .. import resources
from ..gazetteer import default_gazetteer
from .words import PLACE_LINKS


def linked_place_name(text: str) -> bool:
    """Whether ``text`` is capitalized parts joined by hyphens around a lowercase link of place
    names ("Сантьяго-де-Компостеле", "Франкфурта-на-Майне")."""
    parts = text.split("-")
    return (
        len(parts) >= 3
        and parts[0][:1].isupper()
        and parts[-1][:1].isupper()
        and any(part in PLACE_LINKS for part in parts[1:-1])
        and all(part.isalpha() for part in parts)
    )


def compound_place_nominative(word: str, cases: tuple[str, ...] = ("gent",)) -> str | None:
    """The nominative of a hyphenated place's name whose first parts do not decline, when its
    last part is in one of ``cases`` by pymorphy3's geographic parses and the gazetteer knows
    the result ("Сан-Педро-Сулы" -> "Сан-Педро-Сула"); else None."""
    head, _, last = word.rpartition("-")
    if not head or not last:
        return None
    gazetteer = default_gazetteer()
    for parse in resources.word_parses(last.lower()):
        if not (parse.is_known and "Geox" in parse.tag and parse.tag.case in cases):
            continue
        name = f"{head}-{parse.normal_form}"
        if name.lower() != word.lower() and gazetteer.knows(name):
            return name
    return None
