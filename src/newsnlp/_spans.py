"""Token and span tests shared by the recognizer's rules for people and places."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from . import resources
from .tag import best_parse, token_tag

# pymorphy3 grammemes that mark a word as a proper name (safe to spread over a document)
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
OPEN_QUOTES = frozenset('«„“"')
CLOSE_QUOTES = frozenset('»“”"')


def is_word(text: str) -> bool:
    """Whether a token's text has a letter or a digit."""
    return text.isalnum() or any(map(str.isalnum, text))  # most words: the first test


def covered_mask(doc: Doc, spans: Sequence[Span]) -> bytearray:
    """One byte per token of ``doc``: 1 where one of ``spans`` covers it."""
    covered = bytearray(len(doc))
    for span in spans:
        covered[span.start : span.end] = b"\x01" * len(span)
    return covered


def is_proper(token: Token) -> bool:
    """Whether a capitalized token reads as a proper name or an unknown word to pymorphy3."""
    text = token.text
    letters = len(text) if text.isalpha() else sum(map(str.isalpha, text))  # most: all letters
    if not text[:1].isupper() or letters < 2:
        return False
    return _proper_word(text.lower(), token_tag(token))


@lru_cache(maxsize=100_000)
def _proper_word(word: str, tag: tuple[str, str, str, str]) -> bool:
    parse = best_parse(word, *tag)
    return not parse.is_known or bool(PROPER & parse.tag.grammemes)


@lru_cache(maxsize=100_000)
def _parses_of(word: str) -> list[Any]:
    return resources.morph_analyzer().parse(word)


def token_parses(token: Token) -> list[Any]:
    """All pymorphy3 parses of the token's lowercase text (cached)."""
    return _parses_of(token.text.lower())


def all_parses(token: Token, test: Any) -> bool:
    """Whether every pymorphy3 parse of the token passes ``test`` (the tagger's parse, cached,
    is tried first: most words fail there)."""
    if not test(best_parse(token.text.lower(), *token_tag(token))):
        return False
    return all(test(parse) for parse in token_parses(token))


def common_noun_before_name(span: Span, kept: Collection[str]) -> bool:
    """Whether ``span`` opens a sentence with a common noun (:func:`capitalized_common_noun`)
    before a capitalized word, a noun not in ``kept`` (nouns of places, which names may hold):
    "Паром Ванино", not "Озеро Байкал"."""
    first = span[0]
    return (
        len(span) > 1
        and span[1].is_title
        and capitalized_common_noun(first)
        and not any(parse.normal_form in kept for parse in token_parses(first))
    )


def capitalized_common_noun(token: Token, animate: bool = False) -> bool:
    """A sentence's first word that pymorphy3 knows only as a common noun (only as an animate
    one, if ``animate``): "Кухарка", "Скептицизм", "Пастухам" are not part of a name after
    them."""
    if not opens_sentence(token) or not token.is_title:
        return False
    return all_parses(
        token,
        lambda parse: (
            parse.is_known
            and parse.tag.POS == "NOUN"
            and not (PROPER & parse.tag.grammemes)
            and (not animate or "anim" in parse.tag)
        ),
    )


_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


def capitalized_verb(token: Token) -> bool:
    """A sentence's first word that pymorphy3 knows only as a verb, gerund or short participle
    ("Добрался", "Вернувшись", "Открыта"): never a name, whatever the model says."""
    text = token.text
    # the word's readings first (cached, no tag needed): most words have another reading
    if not text.istitle() or not _verb_forms_only(text.lower()) or not opens_sentence(token):
        return False
    return _verb_only(text.lower(), token_tag(token))


@lru_cache(maxsize=100_000)
def _verb_forms_only(word: str) -> bool:
    """Whether every pymorphy3 reading of ``word`` is a known verb form: what :func:`_verb_only`
    needs whatever the tag (``str.istitle`` is spaCy's ``token.is_title``)."""
    return all(_known_verb_form(parse) for parse in _parses_of(word))


@lru_cache(maxsize=100_000)
def _verb_only(word: str, tag: tuple[str, str, str, str]) -> bool:
    """Whether pymorphy3 knows ``word`` only as a verb, gerund or short participle, the parse
    that agrees with the tagger's ``tag`` first (:func:`capitalized_verb`'s test, cached)."""
    test = _known_verb_form
    return test(best_parse(word, *tag)) and all(test(parse) for parse in _parses_of(word))


def _known_verb_form(parse: Any) -> bool:
    return bool(parse.is_known and parse.tag.POS in _VERB_POS)


# what may stand before a sentence's first word: a dash of dialogue, opening quotes
_OPENERS = frozenset({"—", "–", "-", "«", '"', "„", "“", "'"})


def opens_sentence(token: Token) -> bool:
    """Whether ``token`` is a sentence's first word: its first token, or after nothing but a
    dash or opening quotes there ("— Дядя Степан, помогите!", "«Сестра Марина приехала»"; not
    after a list's bullet, "• Тору Камикава")."""
    if token.is_sent_start:
        return True
    doc = token.doc
    i = token.i - 1
    while i >= 0 and token.i - i <= 3 and doc[i].text in _OPENERS:
        if doc[i].is_sent_start:
            return True
        i -= 1
    return False
