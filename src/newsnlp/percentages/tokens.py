"""What the rules ask of a token: its case, whether it is a noun, a word of change, a time word,
a finite verb; its ancestors and its prepositionless genitive.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from ..tag import morph_values
from .lexicon import (
    _MONTH_RANGE,
    _RATE_PERIODS,
    _REACH,
    _TIME_LEMMAS,
    _YEAR,
    ANY_COMPARATIVE,
    CHANGE,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    DOWN,
    UP,
    Direction,
)


def _parsed(token: Token) -> bool:
    return token.dep_ not in ("",)


def _is_change(token: Token) -> bool:
    if token.dep_ == "amod" and "Part" in morph_values(token, "VerbForm"):
        return False  # "налог на добавленную стоимость": a participle as an adjective
    return token.lemma_ in CHANGE or token.lower_ in ANY_COMPARATIVE


def direction_of(token: Token) -> Direction:
    """ "up" or "down" for a word of change or a comparative."""
    if token.lemma_ in UP or token.lower_ in COMPARATIVE_UP:
        return "up"
    if token.lemma_ in DOWN or token.lower_ in COMPARATIVE_DOWN:
        return "down"
    raise ValueError(f"not a word of change: {token.text!r}")


def _predicate_name(token: Token) -> str:
    if token.lower_ in ANY_COMPARATIVE:
        return token.lower_
    return token.lemma_


def _ancestors(token: Token, limit: int = 6) -> Iterator[Token]:
    for _ in range(limit):
        if token.head.i == token.i:
            return
        token = token.head
        yield token


def _case(token: Token, case: str) -> bool:
    return case in morph_values(token, "Case")


def _in_phrase_of_preposition(token: Token, sent: Span) -> bool:
    """Whether a preposition stands before the noun (past its adjectives and numbers, and the
    other words of a quoted name: "на «Северный дизель»")."""
    doc = token.doc
    i = token.i - 1
    quoted = _QUOTES_OPEN.get(doc[token.i + 1].text) if token.i + 1 < len(doc) else None
    while i >= sent.start and token.i - i < 5:
        if doc[i].pos_ in ("ADJ", "DET", "NUM"):
            i -= 1
        elif quoted is not None and doc[i].text in quoted:
            i -= 1  # the opening quote of the name the noun ends
            quoted = None
        elif quoted is not None and doc[i].text[:1].isupper():
            i -= 1
        else:
            break
    return i >= sent.start and doc[i].pos_ == "ADP"


# a closing quote and the opening quotes it may pair with
_QUOTES_OPEN = {'"': '"', "»": "«", "“": "„“", "”": "“"}


def _finite(token: Token) -> bool:
    """A verb that makes a clause: not a participle ("половина опрошенных")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return "Part" not in morph_values(token, "VerbForm")


def _sign_word(token: Token) -> bool:
    return token.lower_ in ("плюс", "минус", "+", "−")


def _noun(token: Token | None) -> bool:
    return token is not None and token.pos_ in ("NOUN", "PROPN", "PRON")


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and _noun(child):
            return child
    return None


def _has_case(token: Token) -> bool:
    return any(child.dep_ == "case" for child in token.children)


def _genitive(token: Token) -> Token | None:
    """The genitive noun a word governs ("рост цен", "90 % жителей"), prepositionless."""
    for child in token.children:
        if child.dep_ != "nmod" or child.i < token.i or _has_case(child):
            continue
        if child.lemma_ in _RATE_PERIODS:
            continue
        case = morph_values(child, "Case")
        if _noun(child) and ("Gen" in case or not case or _animate_plural(child)):
            return child
        if child.pos_ in ("ADJ", "VERB") and "Gen" in case:
            return child  # a participle or adjective used as a noun: "40 % опрошенных"
    return None


def _animate_plural(noun: Token) -> bool:
    """An animate plural tagged accusative: the same form as its genitive ("60 % всех
    пассажиров", "треть зрителей"), which the tagger may read either way."""
    return (
        "Acc" in morph_values(noun, "Case")
        and morph_values(noun, "Animacy") == ["Anim"]
        and (morph_values(noun, "Number") == ["Plur"])
    )


def _singular_for_plural(noun: Token, verb: Token) -> bool:
    """Whether a singular common noun stands as the parse's subject of a plural finite verb,
    which it cannot be ("Отдых на даче выбрали бы 22 %": the share is the subject)."""
    if verb.pos_ != "VERB" or morph_values(verb, "Number") != ["Plur"] or noun.pos_ != "NOUN":
        return False
    return morph_values(noun, "Number") == ["Sing"] and not _case(noun, "Gen")


def _time_anchor(token: Token) -> bool:
    return _time_word(token.text, token.lemma_)


@lru_cache(maxsize=100_000)
def _time_word(text: str, lemma: str) -> bool:
    """:func:`_time_anchor` of a word written ``text`` with ``lemma`` (a pure function of the
    word: its two patterns tried once per word, not at every reading of it)."""
    return lemma in _TIME_LEMMAS or bool(_MONTH_RANGE.match(text)) or bool(_YEAR.match(text))


def _bounds(token: Token, limit: int = _REACH) -> tuple[int, int]:
    """Start and stop of the token's sentence, as far as ``limit`` tokens either side: a bounded
    look (spaCy's ``Token.sent`` walks the whole sentence, however long)."""
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start < limit and not doc[start].is_sent_start:
        start -= 1
    stop = token.i + 1
    while stop < len(doc) and stop - token.i < limit and not doc[stop].is_sent_start:
        stop += 1
    return start, stop
