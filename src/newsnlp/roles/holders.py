"""Who and what the tokens name (people, places, organizations), where a post is held (the
holder: a place an adjective is made from, a state's post), and one role per post."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .._batch import token_starts
from ..extensions import get_facts
from ..schema import Mention, Role
from .forms import _normal_form
from .lexicon import _STATE_ADJECTIVES, _STATE_HEADS, _STATE_WORDS, DESCRIPTORS, STATE_POSTS


@dataclass
class _Entities:
    """Who and what the tokens of a document name: a person index or a holder's name."""

    person: array[int]
    """per token: the index in ``doc._.people`` of the person it names, or -1"""
    holder: list[str | None]
    """per token: the Article name of the place or organization it names, or None"""
    place: bytearray
    """per token: 1 where the holder it names is a place"""


_LOW = (1 << 32) - 1  # the low half of a packed pair


class _Offsets:
    """Token ranges of character offsets, from the document's token starts (no ``Token``
    objects, no ``char_span``)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = token_starts(doc)
        # each mention's tokens found once: the stage asks for them three times (which sides
        # to read, who the tokens name, the posts around them); the offsets and the tokens
        # each packed into one int (a huge text's tens of thousands of mentions: two tuples
        # and four ints each took some 200 bytes)
        self._found: dict[int, int] = {}

    def tokens(self, mention: Mention) -> tuple[int, int]:
        """The tokens a mention overlaps: ``(first, end)``."""
        key = mention.start << 32 | mention.stop
        found = self._found.get(key)
        if found is None:
            first = max(bisect_right(self.starts, mention.start) - 1, 0)
            end = max(bisect_left(self.starts, mention.stop), first + 1)
            self._found[key] = first << 32 | end
            return first, end
        return found >> 32, found & _LOW


def _entities(doc: Doc, offsets: _Offsets) -> _Entities:
    person = array("i", [-1]) * len(doc)  # 4 bytes a token (a list takes 8)
    holder: list[str | None] = [None] * len(doc)
    for number, found in enumerate(get_facts(doc, "people") or []):
        for mention in found.mentions:
            first, end = offsets.tokens(mention)
            person[first:end] = array("i", [number]) * (end - first)
    place = bytearray(len(doc))
    # organizations first: "Совета Европы" is held as the council, not as Europe
    for is_place, records in (
        (0, get_facts(doc, "organizations") or []),
        (1, get_facts(doc, "places") or []),
    ):
        for record in records:
            for mention in record.mentions:
                for i in range(*offsets.tokens(mention)):
                    if holder[i] is None and person[i] < 0:
                        holder[i] = record.name
                        place[i] = is_place
    return _Entities(person, holder, place)


def _state_post(title: str) -> bool:
    """Whether a title names a post of a state: a state post with adjectives ("первый
    президент") or with a field ("министр по делам разведки", "заместитель министра
    финансов"), or the head of a state or government ("глава государства"); not a post in an
    organization ("президент компании") nor one of a named kind of state ("британский
    премьер": Britain's, even when the article does not name Britain)."""
    words = title.split()
    if len(words) == 2 and words[0] in _STATE_HEADS and words[1] in _STATE_WORDS:
        return True
    lemmas = [_normal_form(word) for word in words]
    head = next((n for n, lemma in enumerate(lemmas) if lemma in STATE_POSTS), None)
    if head is None or not all(lemma in _STATE_ADJECTIVES for lemma in lemmas[:head]):
        return False  # "музыкальный король", "первый президент" (of what the text knows)
    return not any(lemma in DESCRIPTORS or lemma.endswith(("ский", "цкий")) for lemma in lemmas)


_ADJECTIVE_ENDINGS = ("ский", "цкий", "ской", "ный", "ний", "ой", "ий", "ый")


@lru_cache(maxsize=20_000)
def _adjective_place(lemma: str, places: tuple[str, ...]) -> str | None:
    """The place of ``places`` whose name an adjective is made from: its stem and the
    place's first word share four letters or more, all but the last two of the name's
    ("японский" -> "Япония", "московский" -> "Москва", "свердловский" -> "Свердловская
    область")."""
    if not lemma.endswith(_ADJECTIVE_ENDINGS) or "-" in lemma:
        return None
    for place in places:
        word = place.split()[0].lower().replace("ё", "е")
        if not word.isalpha():
            continue
        shared = 0
        for one, other in zip(lemma, word):
            if one != other:
                break
            shared += 1
        if shared >= 4 and shared >= len(word) - 2 and shared < len(lemma):
            return place
        stem = lemma[: -len(next(e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)))]
        if len(stem) >= 5 and stem in word:  # "британский" -> "Великобритания"
            return place
    return None


def merge_roles(roles: list[Role]) -> list[Role]:
    """One role per post (title and holder), in text order; a post without a holder is
    dropped when the same post with one is there."""
    by_title: dict[str, list[Role]] = {}
    for role in sorted(roles, key=lambda role: role.start):
        same = by_title.setdefault(role.title, [])
        if any(role.organization == other.organization for other in same):
            continue
        same.append(role)
    kept = []
    for same in by_title.values():
        held = [role for role in same if role.organization is not None]
        kept.extend(held or same[:1])
    return sorted(kept, key=lambda role: role.start)
