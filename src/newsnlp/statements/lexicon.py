"""The words of statements: the speech lexicon and the small closed sets the reading uses
(quote marks, dashes, "что", the words a source phrase follows)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicons import lexicon_lines


@dataclass(frozen=True)
class Verb:
    """A verb of the speech lexicon: its dictionary form, its mark, the words after it."""

    lemma: str
    mark: str  # "", "opinion", "that" or "self"
    after: tuple[str, ...]


@cache
def speech_verbs() -> dict[str, list[Verb]]:
    """The speech lexicon by the verb's dictionary form."""
    verbs: dict[str, list[Verb]] = {}
    for words in lexicon_lines("speech_verbs"):
        marks = ("opinion", "that", "self")
        mark = words[-1] if len(words) > 1 and words[-1] in marks else ""
        body = words[:-1] if mark else words
        lemma = body[0].replace("ё", "е")
        verbs.setdefault(lemma, []).append(Verb(lemma, mark, tuple(body[1:])))
    for entries in verbs.values():
        entries.sort(key=lambda verb: -len(verb.after))
    return verbs


@cache
def source_nouns() -> frozenset[str]:
    """The nouns of source phrases ("по словам", "по данным")."""
    return frozenset(words[0].replace("ё", "е") for words in lexicon_lines("source_nouns"))


@cache
def document_nouns() -> frozenset[str]:
    """Nouns of documents a body speaks through ("согласно докладу ВОЗ": ВОЗ)."""
    return frozenset(
        words[0].replace("ё", "е")
        for words in lexicon_lines("speaker_nouns")
        if words[1:] == ("document",)
    )


@cache
def legal_acts() -> frozenset[str]:
    """Nouns of acts that rule, not say ("согласно указу" is no statement)."""
    return frozenset(words[0].replace("ё", "е") for words in lexicon_lines("legal_acts"))


_QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”"}
_STRAIGHT = '"'
_QUOTE_CHARS = re.compile('[«»„“”"\n]')
_OPENERS = frozenset(_QUOTE_PAIRS)
_CLOSERS = frozenset({"»", "“", "”", '"'})
_DASHES = frozenset({"—", "–", "-", "--"})
_CLAUSE_MARKS = frozenset({",", "—", "–", "-", ":", ";", "(", ")"})
_THAT = frozenset({"что", "чтобы", "будто"})
_PRONOUNS = frozenset({"он", "она", "оно", "они", "который", "которая", "которое", "которые"})
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})
# words a source phrase may follow at the start of its clause
_OPENING = frozenset(
    """
    кроме того однако также при этом а но и так вместе с тем впрочем между тем тем не менее
    в частности во-первых во-вторых в-третьих наконец итак ранее уже
    """.split()
)
# the words a source phrase's cue is found by ("по словам", "согласно", "со ссылкой на", "на его
# взгляд", a headline's colon)
_TRIGGERS = frozenset({"по", "согласно", "со", "ссылаясь", "на", ":"})
_BEFORE_AS = frozenset({"ранее", "уже", "также", "тогда", "позже", "позднее", "накануне"})
_LOCATIVE = frozenset({"в", "во", "на"})
_FINAL = ".!?…"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
