"""Shared heads: the noun that coordinated place names share.

In "в Тамбовской, Пензенской и Рязанской областях" the adjectives share the plural common noun
after them; in "Северной и Южной Каролины" they share a singular proper noun, and each
adjective with it names a place of its own ("Северная Каролина", "Южная Каролина").
"""

from __future__ import annotations

from spacy.tokens import Doc

from .tag import morph_values

__all__ = ["plural_head", "proper_head", "shared_head"]


def plural_head(doc: Doc, i: int) -> int | None:
    """The end of a plural head ``doc[i:end]``: lowercase adjectives and a lowercase plural noun
    ("областях", "автономных округов"), if one starts at ``i``."""
    end = i
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower:
        end += 1
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower:
        if morph_values(doc[end], "Number") == ["Plur"]:
            return end + 1
    return None


def proper_head(doc: Doc, i: int) -> int | None:
    """``i + 1`` when ``doc[i]`` is a singular proper noun, capitalized, not opening a list of
    its own (no coordinator or a capitalized word after it): the name that adjectives
    coordinated before it share ("Северной и Южной Дакоты", "Верхней и Нижней Силезии")."""
    if i >= len(doc):
        return None
    token = doc[i]
    if token.pos_ != "PROPN" or not token.is_title or "-" in token.text:
        return None
    if morph_values(token, "Number") != ["Sing"]:
        return None
    if i + 1 < len(doc) and doc[i + 1].is_title:
        return None
    return i + 1


def shared_head(doc: Doc, i: int, proper: bool = True) -> int | None:
    """The end of the head coordinated adjectives share when it starts at ``i``: a plural
    common noun (:func:`plural_head`) or, when ``proper``, a singular proper noun
    (:func:`proper_head`)."""
    end = plural_head(doc, i)
    if end is None and proper:
        end = proper_head(doc, i)
    return end
