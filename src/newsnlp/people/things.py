"""Not people: a one-word name the model tags as a person that names the thing a common noun
before it is ("профсоюза Юнайтекс", "из команды Квадрелл-Мотор")."""

from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from .. import resources
from .._batch import token_texts
from .._spans import PROPER
from ..resources import word_parses
from .refine import name_stem

_VOWEL_LETTERS = frozenset("аеёиоуыэюяaeiouy")


def _names_a_thing(span: Span, in_names: Collection[str], texts: list[str]) -> bool:
    """Whether a one-word person's span names the thing a lowercase inanimate noun right before
    it is: a name in the nominative whatever the noun's case ("профсоюза Юнайтекс", "из
    команды Квадрелл-Мотор"), not a possessor, which would be in the genitive ("роман
    Пелевина"). Only for a word ending in a consonant (a man's genitive would end in a vowel;
    "картины Пикассо" may be his) that pymorphy3 knows as no name, the document writes in no
    longer name and no verb follows ("В интервью Маск признался": a clause's subject).
    ``texts``: the document's token texts."""
    if len(span) != 1 or span.start == 0 or span.label_ != "PER":
        return False
    word, noun = texts[span.start], texts[span.start - 1]  # no Token per word
    text = word.lower()
    if not text[-1:].isalpha() or text[-1] in _VOWEL_LETTERS or text[-1] in "йь":
        return False
    if name_stem(word) in in_names or not noun.isalpha():
        return False
    doc = span.doc
    if not noun.islower() and not (noun.istitle() and doc[span.start - 1].is_sent_start):
        return False  # a lowercase noun, or one opening the sentence ("Тайфун Хагибис, ...")
    if any(parse.is_known and PROPER & parse.tag.grammemes for parse in word_parses(text)):
        return False
    if span.end < len(doc) and doc[span.end].pos_ in ("VERB", "AUX"):
        return False  # the subject of a clause after a noun: "В интервью Маск признался"
    parses = word_parses(noun.lower())
    return bool(parses) and all(
        parse.is_known and parse.tag.POS == "NOUN" and "inan" in parse.tag for parse in parses
    )


def without_things(spans: list[Span], in_names: Collection[str]) -> list[Span]:
    """The spans without the people that name a thing (:func:`_names_a_thing`) and the names in
    brackets right after them ("в повороте Тарнат (Tarnat)")."""
    if not spans:
        return []
    texts = token_texts(spans[0].doc, ORTH)
    found: list[Span] = []
    dropped_end = -1
    for span in spans:
        if _names_a_thing(span, in_names, texts) or (
            span.start == dropped_end + 1 and texts[dropped_end] == "(" and span.label_ == "PER"
        ):
            dropped_end = span.end
            continue
        found.append(span)
    return found


def _counted(span: Span) -> bool:
    """Whether a one-word person's span is counted by a numeral word right before it, or one
    opening the sentence inside the span: a count of namesakes ("два Романа", "трое Сергеев",
    "Два Петрова пришли"), no one person."""
    if span.label_ != "PER":
        return False
    doc = span.doc
    if len(span) == 2 and span[0].is_sent_start:
        return _numeral(span[0])
    if len(span) != 1 or span.start == 0:
        return False
    before = doc[span.start - 1]
    return (before.is_lower or bool(before.is_sent_start)) and _numeral(before)


def _numeral(token: Token) -> bool:
    """Whether a word is a cardinal or collective numeral ("два", "Трое", "оба")."""
    if not token.is_alpha:
        return False
    if token.pos_ == "NUM":
        return True
    parses = resources.word_parses(token.text.lower())
    return bool(parses) and parses[0].is_known and parses[0].tag.POS == "NUMR"


def without_counted(spans: list[Span]) -> list[Span]:
    """The spans without the names a numeral counts (:func:`_counted`)."""
    return [span for span in spans if not _counted(span)]
