"""Numbers as written in Russian news: digits ("52,1"), ranges ("20–25"), words ("сорок пять").

Small pure functions over strings and lemmas; the percentage extractor composes them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from math import isfinite

_DIGITS = r"\d+(?:[.,]\d+)?"
NUMBER = re.compile(rf"^{_DIGITS}$")
RANGE = re.compile(rf"^({_DIGITS})\s*[-‐‑‒–—]\s*({_DIGITS})$")
# a cardinal in digits with its case ending: "2-х", "15-ти", "33-мя", "5-ю", "3-м"
INFLECTED = re.compile(rf"^({_DIGITS})-(?:х|ех|ух|м|ем|ум|ми|мя|ти|ью|ю|и)$")
DASHES = frozenset("-‐‑‒–—")
# "10-процентный", "10процентная", "5%-ный" written as one token
DIGIT_ADJECTIVE = re.compile(rf"^({_DIGITS})(?:[-‐‑–]|\s*%-?)?процентн", re.IGNORECASE)

# lemmas (pymorphy3 normal forms) of cardinal numerals and their values
UNITS = {
    "ноль": 0,
    "один": 1,
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
}
TEENS = {
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
}
TENS = {
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
}
HUNDREDS = {"сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500}
FRACTIONS = {"полтора": 1.5, "полторы": 1.5}
WORDS: dict[str, float] = {**UNITS, **TEENS, **TENS, **HUNDREDS, **FRACTIONS}

# the first part of "пятипроцентный", "двадцатипроцентная", "стопроцентный"
COMPOUND_PREFIXES = {
    "одно": 1,
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "четырех": 4,
    "четырёх": 4,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
    "десяти": 10,
    "пятнадцати": 15,
    "двадцати": 20,
    "тридцати": 30,
    "сорока": 40,
    "пятидесяти": 50,
    "шестидесяти": 60,
    "семидесяти": 70,
    "восьмидесяти": 80,
    "девяноста": 90,
    "сто": 100,
    "полу": 0.5,
}
_COMPOUND = re.compile(r"^([а-яё]+?)процентн", re.IGNORECASE)


def to_float(text: str) -> float:
    """ "52,1" -> 52.1; raises ``ValueError`` naming the text when it is not a number."""
    try:
        return float(text.replace(",", ".").replace("\u00a0", ""))
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None


def digits(text: str) -> tuple[float | None, float | None, float | None] | None:
    """(value, low, high) of "66" or "20–25" written in digits; None for anything else.

    A number too long for a finite float ("999…9" of 400 digits) is not a value: None.
    """
    if NUMBER.match(text):
        value = to_float(text)
        return (value, None, None) if isfinite(value) else None
    ranged = RANGE.match(text)
    if ranged:
        low, high = to_float(ranged.group(1)), to_float(ranged.group(2))
        return (None, low, high) if isfinite(low) and isfinite(high) else None
    return None


def inflected_digits(text: str) -> float | None:
    """The value of a cardinal written in digits with its case ending ("33-мя", "15-ти",
    "2-х"); None for anything else."""
    number = INFLECTED.match(text)
    if number is None:
        return None
    value = to_float(number.group(1))
    return value if isfinite(value) else None


def compound_adjective(text: str) -> float | None:
    """The number of "10-процентный", "пятипроцентный", "стопроцентная"; None otherwise."""
    number = DIGIT_ADJECTIVE.match(text)
    if number:
        value = to_float(number.group(1))
        return value if isfinite(value) else None
    word = _COMPOUND.match(text)
    if word:
        prefix = COMPOUND_PREFIXES.get(word.group(1).lower())
        return float(prefix) if prefix is not None else None
    return None


def words_value(lemmas: Sequence[str]) -> float | None:
    """The value of consecutive numeral lemmas ("сорок", "пять" -> 45); None when not one number.

    Each word must be smaller than the one before it ("сто двадцать пять"), as in a well-formed
    Russian cardinal.
    """
    if not lemmas:
        return None
    total = 0.0
    previous = float("inf")
    for lemma in lemmas:
        value = WORDS.get(lemma)
        if value is None or value >= previous:
            return None
        if previous < 20:
            return None
        total += value
        previous = value
    return total
