"""Finding the figures: every percentage expression with a value in a sentence (digits, ranges,
numeral words, percent adjectives, percentage points), before its context is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Span, Token

from .._batch import token_texts
from .._numerals import DASHES, compound_adjective, digits, inflected_digits, words_value
from .lexicon import _NUMERAL_LEMMAS, _YEAR, Approx, Unit


@dataclass(frozen=True)
class Figure:
    """One percentage expression found in a sentence, before its context is read."""

    first: Token  # first token of the expression (its number)
    last: Token  # last token of the expression (its unit)
    anchor: Token  # the token the parse attaches the figure by: "%", "процентов", "пункта"
    value: float | None
    low: float | None
    high: float | None
    unit: Unit = "percent"
    approx: Approx | None = None  # from a word after the number: "сорок с лишним"
    adjective: bool = False  # "10-процентный", "5%-ная": the figure qualifies the noun after it


def _words(sent: Span) -> list[Token]:
    return [token for token in sent if not token.is_space]


def _is_percent_noun(token: Token) -> bool:
    return token.lower_.startswith("процент") and token.lemma_ == "процент"


def _is_percent_sign(token: Token) -> bool:
    return token.text in ("%", "％")


def _points_abbreviation(words: list[Token], i: int) -> int | None:
    """Index of the last token of "п.п." / "п. п." / "пп" starting at ``i``, else None."""
    lower = words[i].lower_
    if lower in ("пп", "п.п", "п.п."):
        j = i + 1
        if lower != "п.п." and j < len(words) and words[j].text == ".":
            return j
        return i
    if lower != "п":
        return None  # (every word but these: no tuple of the next three)
    pattern = ("п", ".", "п")
    if i + 2 < len(words) and tuple(w.lower_ for w in words[i : i + 3]) == pattern:
        j = i + 3
        return j if j < len(words) and words[j].text == "." else i + 2
    return None


def _number_before(
    words: list[Token], i: int
) -> tuple[int, tuple[float | None, float | None, float | None], Approx | None] | None:
    """(index of the first number token, (value, low, high), approx) of the number before ``i``.

    Reads digits, a range over one or three tokens ("20–25", "2 - 3"), numeral words
    ("сорок пять", "полтора") and the "с лишним" that may follow them.
    """
    approx: Approx | None = None
    j = i - 1
    if j >= 1 and words[j].lower_ in ("лишним", "небольшим") and words[j - 1].lower_ == "с":
        approx, j = "more_than", j - 2
    half = j >= 1 and words[j].lower_ == "половиной" and words[j - 1].lower_ == "с"
    if half:
        j -= 2
    if j < 0:
        return None
    number = digits(words[j].text)
    if number is None and inflected_digits(words[j].text) is not None:
        number = (inflected_digits(words[j].text), None, None)  # "с 32-мя %"
    if number is not None:
        value, low, high = number
        if j >= 2 and words[j - 1].text in DASHES and value is not None:
            first = digits(words[j - 2].text)
            start = first[0] if first is not None else None
            # (not "в 2017 — 2 %": a year before a dash is the time of the figure)
            year = _YEAR.match(words[j - 2].text) is not None
            if start is not None and not (year and value < start):
                return j - 2, (None, start, value), approx
        if j >= 3 and words[j - 1].lower_ == "до" and words[j - 3].lower_ == "от":
            # "от 8 до 12 %": one range whose first number goes without its unit
            first = digits(words[j - 2].text)
            if first is not None and first[0] is not None and value is not None:
                return j - 2, (None, first[0], value), approx
        if half and value is not None:
            value += 0.5
        return j, (value, low, high), approx
    start = j
    while start >= 0 and words[start].lemma_ in _NUMERAL_LEMMAS:
        start -= 1
    start += 1
    if start > j:
        return None
    value = words_value([w.lemma_ for w in words[start : j + 1]])
    if value is None:
        return None
    return start, (value + (0.5 if half else 0.0), None, None), approx


def _adjective_suffix(words: list[Token], i: int) -> int:
    """Index of the last token of "12 %-ную" ("%", "-", "ную") given the index of "%"."""
    if i + 2 < len(words) and words[i + 1].text in DASHES and words[i + 2].lower_[:1] == "н":
        if words[i + 1].idx == words[i].idx + 1 and words[i + 2].pos_ in ("ADJ", "NOUN", "X"):
            return i + 2
    return i


def _glued(figure: Figure) -> bool:
    """Whether the figure is part of a longer string: "%D0%BE" in an address, "x5%y"."""
    doc = figure.first.doc
    first, last = figure.first, figure.last
    before = after = " "
    if first.i > 0 and not doc[first.i - 1].whitespace_:
        before = doc[first.i - 1].text[-1:] or " "
    if last.i + 1 < len(doc) and not last.whitespace_:
        after = doc[last.i + 1].text[:1] or " "
    ascii_alnum = before.isascii() and before.isalnum()
    return ascii_alnum or before in "%/=&#" or (after.isascii() and after.isalnum())


def find_figures(sent: Span) -> list[Figure]:
    """Every percentage expression with a value in the sentence, in order.

    Figures glued to letters, digits or another "%" ("%D0%BE%D1%82" in an address) are not
    percentages.
    """
    words = _words(sent)
    texts, lowers = token_texts(sent.doc, ORTH), token_texts(sent.doc, LOWER)
    figures: list[Figure] = []
    i = 0
    while i < len(words):
        k = words[i].i
        figure = _figure_at(words, i) if _may_start(texts[k], lowers[k], words[i]) else None
        if figure is None:
            i += 1
            continue
        if not _glued(figure):
            k = i
            while words[k].i != figure.first.i:
                k -= 1  # (the figure's first word, a few words back)
            bare = _bare_before(words, k, figure)
            if bare is not None and (not figures or figures[-1].last.i < bare.first.i):
                figures.append(bare)
            figures.append(figure)
        i = i + [w.i for w in words[i : i + 8]].index(figure.last.i) + 1
    return figures


def _may_start(text: str, lower: str, token: Token) -> bool:
    """Whether :func:`_figure_at` may find a figure at a word (its text and lowercase text): a
    percent sign, a word with "процент" (a percent noun or adjective), "п"/"пп"/"п.п." (points);
    the cheap test that spares the others at every other word of the sentence."""
    return (
        text in ("%", "％")
        or "процент" in lower
        or lower in _POINTS_WORDS
        or token.lemma_ == "процентный"
        or _PERCENT_IN_WORD.search(text) is not None  # compound_adjective's letters, any case
    )


_POINTS_WORDS = frozenset({"п", "пп", "п.п", "п.п."})
_PERCENT_IN_WORD = re.compile("процентн", re.IGNORECASE)


def _bare_before(words: list[Token], k: int, figure: Figure) -> Figure | None:
    """A number that shares the unit of the figure after it: "с 10 до 4 %" (the level before
    a change), "18 и 11 процентов соответственно"; not a year ("в 2016 и 5 %")."""
    if figure.adjective or figure.value is None or k < 2:
        return None
    glue = words[k - 1].lower_
    if glue == "до":
        if k < 3 or words[k - 3].lower_ not in ("с", "со"):
            return None
    elif glue != "и":
        return None
    token = words[k - 2]
    number = digits(token.text)
    if number is not None:
        value = number[0]
    elif token.lemma_ in _NUMERAL_LEMMAS:
        value = words_value([token.lemma_])
    else:
        return None
    if value is None or _YEAR.match(token.text):
        return None
    return Figure(token, token, figure.anchor, value, None, None, figure.unit)


def _figure_at(words: list[Token], i: int) -> Figure | None:
    token = words[i]
    adjective = compound_adjective(token.text)
    if adjective is not None and token.pos_ != "NOUN":
        return Figure(token, token, token, adjective, None, None, adjective=True)
    unit: Unit = "percent"
    last, anchor = None, token
    if _is_percent_sign(token):
        last = _adjective_suffix(words, i)
    elif _is_percent_noun(token):
        last = i
    elif token.lemma_ == "процентный" and i + 1 < len(words) and words[i + 1].lemma_ == "пункт":
        last, anchor, unit = i + 1, words[i + 1], "percentage_point"
    else:
        points = _points_abbreviation(words, i)
        if points is not None:
            last, unit = points, "percentage_point"
    if last is None:
        return None
    number = _number_before(words, i)
    if number is None:
        return None
    start, (value, low, high), approx = number
    adjective = last > i and unit == "percent"  # "15 %-ную"
    return Figure(words[start], words[last], anchor, value, low, high, unit, approx, adjective)
