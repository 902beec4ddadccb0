"""Extract facts: every percentage with a value, as a typed fact.

A percentage is a number followed by its unit: digits ("66 %", "52,1 процента"), a range
("20–25%", "2 - 3 %"), words ("сорок с лишним процентов", "полтора процента"), an adjective
("10-процентная ставка", "5%-ный", "пятипроцентный") or percentage points ("на 1,2 процентного
пункта", "0,5 п.п."). A number of "процент" with no value ("высокий процент брака",
"процентная ставка") is not a fact.

Around each expression the rules read, each a small function:

- ``approx``: the words before it ("около", "более чем", "не менее", "до") or after it
  ("с лишним"); "до" after a verb of change ("возрасти до 10 %") marks the target: exact;
- ``kind``/``direction``/``predicate``: "на X %" of a verb or noun of change, or of a
  comparative ("на 5 % дешевле"), is a change; so are a change noun that "составил X %", the
  amount a change verb takes as its object ("индекс прибавил 1,8 %"), a percent adjective on a
  change noun ("10-процентный рост"), a signed figure ("минус 18 %") and "от 8 до 12 %" of a
  change verb (one range); anything else is a level, whose predicate is still the verb of
  change that governs it ("выросла с 10 % до 15 %" gives two levels with predicate "вырасти");
- ``subject``: from the dependency parse: the genitive of the figure ("90 % жителей"), the noun
  it qualifies ("50 % скидка"), the object of a transitive change verb ("увеличить
  энергоэффективность на 40 %"), the subject of the verb (climbing xcomp and conj), the name in
  "Саакашвили — 52,1 %"; an elided verb ("а импорт — на 39 %") keeps the previous predicate and
  takes the remnant as subject (each item of "капуста — на 31 %, свёкла — на 21 %", "холдинг
  (48 %)"), unless the remnant restates a dependent of the subject ("аэропорта Сочи …,
  Краснодара — на 9 %"); a measure noun ("в размере", "на уровне") gives the noun it sizes;
  listed figures share the noun after the last ("62 % и 18 % мандатов"); "соответственно"
  pairs coordinated figures with coordinated subjects; a pronoun gives way to its antecedent
  (by agreement, in the sentence or the one before), a fraction ("две трети") to its genitive;
  where the tagger or the parse errs in a known pattern, agreement with the verb and the
  dictionary decide: a subject that does not agree gives way to one that does, a subject after
  its verb ("на 12 % выросли продажи"), a plural read as a genitive singular ("Пенсии
  проиндексировали. … они"), a rare noun read as an adjective ("Грузооборот портов"), a person
  in apposition to a post ("кандидат … Иван Сидоров набрал 38 %"), the noun right before a
  measure ("кредит под ставку на уровне 18 %");
- ``period``: the time phrase of the sentence nearest to the figure ("по итогам 2024 года");
- ``places``: the article's places mentioned in the sentence.

Sentences without a parse (the syntax stage parses only those with one of ``TRIGGERS`` or
``INNER_TRIGGERS``) fall back to rules over word order. Every look back from a figure is O(1)
or bounded (``Scan``, ``_REACH``), so the cost stays linear in the figures of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ._batch import DocComponent, token_texts
from ._numerals import DASHES, WORDS, compound_adjective, digits, words_value
from .dates import DateIndex, period_of
from .extensions import get_facts, set_facts
from .resources import word_parses
from .schema import Percentage, Phrase

# Words that trigger parsing a sentence: the syntax stage parses only those (see pipeline).
# "процент" covers "процентов", "процентного пункта", "процентная".
TRIGGERS = ("%", "процент", "пп")
# ... and those with one of these inside a token: "10-процентный", "пятипроцентная"
INNER_TRIGGERS = ("процентн",)

UP = frozenset(
    """
    вырасти расти возрасти возрастать вырастать увеличиться увеличиваться увеличить увеличивать
    повыситься повышаться повысить повышать подорожать дорожать подняться подниматься поднять
    поднимать прибавить прибавлять нарастить наращивать подскочить взлететь ускориться
    ускоряться укрепиться укрепляться прирасти прирастать проиндексировать индексировать
    рост прирост увеличение повышение подорожание удорожание наращивание ускорение
    укрепление подъём подъем индексация
    расшириться расширяться расширить расширять добавить добавлять подрасти скакнуть
    расширение скачок взлёт взлет
    """.split()
)
DOWN = frozenset(
    """
    снизиться снижаться снизить снижать сократиться сокращаться сократить сокращать упасть
    падать уменьшиться уменьшаться уменьшить уменьшать подешеветь дешеветь понизиться
    понижаться понизить понижать опуститься опускаться потерять терять ограничить ограничивать
    урезать обвалиться рухнуть замедлиться замедляться просесть проседать обесцениться
    ослабнуть ослабеть сжаться сузиться сужаться сузить сужать сбросить сбрасывать сбавить
    сбавлять скатиться откатиться
    снижение сокращение падение уменьшение удешевление понижение спад замедление обвал
    ослабление ограничение сужение сжатие
    """.split()
)
CHANGE = UP | DOWN
# comparatives that make "на 5 % дешевле" a change
COMPARATIVE_UP = frozenset("дороже больше выше длиннее быстрее".split())
COMPARATIVE_DOWN = frozenset("дешевле меньше ниже короче медленнее".split())
# verbs that give a level its value ("доля составила 10 %")
COPULAS = frozenset("составить составлять быть являться достигнуть достичь достигать".split())

Unit = Literal["percent", "percentage_point"]
Approx = Literal["exact", "about", "more_than", "less_than", "up_to"]
Kind = Literal["change", "level"]
Direction = Literal["up", "down", "none"]


_APPROX_BEFORE: dict[str, Approx] = {
    "около": "about",
    "порядка": "about",
    "примерно": "about",
    "приблизительно": "about",
    "ориентировочно": "about",
    "почти": "about",
    "практически": "about",
    "~": "about",
    "более": "more_than",
    "свыше": "more_than",
    "больше": "more_than",
    "сверх": "more_than",
    "менее": "less_than",
    "меньше": "less_than",
    "до": "up_to",
}
_APPROX_AFTER_NOT: dict[str, Approx] = {
    "более": "less_than",
    "больше": "less_than",
    "выше": "less_than",
    "ниже": "more_than",
    "менее": "more_than",
    "меньше": "more_than",
}
# words that may stand between a preposition and its number: "на почти 40 %", "более чем на"
_SKIPPABLE = (frozenset(_APPROX_BEFORE) - {"до"}) | {
    "чем",
    "не",
    "чуть",
    "немногим",
    "ещё",
    "еще",
    "уже",
}
_PREPOSITIONS = frozenset("на до с со от в под за к против после".split())
# "4,1 % против 4,6 % годом ранее": a figure given as the base of the one before
_BASES = frozenset({"против", "после"})
_NUMERAL_LEMMAS = frozenset(WORDS)
_QUOTES = frozenset('«»"„“”')
_LIST_GLUE = frozenset({",", "и", "или", "а", "также"})

# periods: "по итогам 2024 года", "за январь–октябрь", "в третьем квартале", "к осени"
_TIME_LEMMAS = frozenset(
    """
    год квартал полугодие месяц неделя период сезон десятилетие пятилетка
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    весна лето осень зима
    """.split()
)
_MONTH_RANGE = re.compile(
    r"^(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*[-–—]",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_PERIOD_PREPOSITIONS = frozenset("в во за по к с со на до".split())
_COMPARISON = frozenset({"сравнению", "сравнении", "чем", "против"})
_RESULT_NOUNS = frozenset({"итогам", "итогах", "результатам", "конце", "течение", "начале"})


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


# ---------------------------------------------------------------- finding the expressions


def _words(sent: Span) -> list[Token]:
    return [token for token in sent if not token.is_space]


def _is_percent_noun(token: Token) -> bool:
    return token.lower_.startswith("процент") and token.lemma_ == "процент"


def _is_percent_sign(token: Token) -> bool:
    return token.text in ("%", "％")


def _points_abbreviation(words: list[Token], i: int) -> int | None:
    """Index of the last token of "п.п." / "п. п." / "пп" starting at ``i``, else None."""
    if words[i].lower_ in ("пп", "п.п", "п.п."):
        j = i + 1
        if words[i].lower_ != "п.п." and j < len(words) and words[j].text == ".":
            return j
        return i
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
    if number is not None:
        value, low, high = number
        if j >= 2 and words[j - 1].text in DASHES and value is not None:
            first = digits(words[j - 2].text)
            if first is not None and first[0] is not None:
                return j - 2, (None, first[0], value), approx
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
    figures: list[Figure] = []
    i = 0
    while i < len(words):
        figure = _figure_at(words, i)
        if figure is None:
            i += 1
            continue
        if not _glued(figure):
            figures.append(figure)
        i = i + [w.i for w in words[i : i + 8]].index(figure.last.i) + 1
    return figures


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


# ---------------------------------------------------------------- reading the context


def _left_words(figure: Figure, sent: Span, limit: int = 4) -> list[Token]:
    """Up to ``limit`` words right before the figure, nearest first, up to punctuation."""
    doc = figure.first.doc
    found: list[Token] = []
    i = figure.first.i - 1
    while i >= sent.start and len(found) < limit:
        token = doc[i]
        if token.is_punct and token.text not in _QUOTES:
            break
        if not token.is_space and token.text not in _QUOTES:
            found.append(token)
        i -= 1
    return found


def preposition(figure: Figure, sent: Span) -> str | None:
    """The preposition the figure is the object of, skipping approximation words."""
    for token in _left_words(figure, sent):
        if token.lower_ in _SKIPPABLE:
            continue
        return token.lower_ if token.lower_ in _PREPOSITIONS else None
    return None


def approximation(figure: Figure, sent: Span) -> Approx:
    """approx from the words right before the figure (and "с лишним" after its number)."""
    if figure.approx:
        return figure.approx
    words = [token.lower_ for token in _left_words(figure, sent)]
    for n, word in enumerate(words):
        before = words[n + 1] if n + 1 < len(words) else ""
        if word == "чем" and before in _APPROX_BEFORE:
            negated = n + 2 < len(words) and words[n + 2] == "не"  # "не более чем на 5 %"
            if negated and before in _APPROX_AFTER_NOT:
                return _APPROX_AFTER_NOT[before]
            return _APPROX_BEFORE[before]
        if word in _APPROX_AFTER_NOT and before == "не":
            return _APPROX_AFTER_NOT[word]
        if word in _APPROX_BEFORE:
            return _APPROX_BEFORE[word]
        if word not in _PREPOSITIONS and word not in ("ещё", "еще", "уже"):
            return "exact"
    return "exact"


def _parsed(token: Token) -> bool:
    return token.dep_ not in ("",)


def _is_change(token: Token) -> bool:
    return token.lemma_ in CHANGE or token.lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN


def direction_of(token: Token) -> Direction:
    """ "up" or "down" for a word of change or a comparative."""
    if token.lemma_ in UP or token.lower_ in COMPARATIVE_UP:
        return "up"
    if token.lemma_ in DOWN or token.lower_ in COMPARATIVE_DOWN:
        return "down"
    raise ValueError(f"not a word of change: {token.text!r}")


def _predicate_name(token: Token) -> str:
    if token.lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
        return token.lower_
    return token.lemma_


def _ancestors(token: Token, limit: int = 6) -> Iterator[Token]:
    for _ in range(limit):
        if token.head.i == token.i:
            return
        token = token.head
        yield token


def _governing_change(anchor: Token) -> Token | None:
    """The word of change the parse attaches the figure to, directly or through an ellipsis."""
    head = anchor.head
    if head.i == anchor.i:
        return None
    if _is_change(head):
        return head
    if anchor.dep_ == "orphan" or (anchor.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN")):
        # "а импорт — на 39 %": the remnant "импорт" hangs on the elided verb's antecedent
        for token in _ancestors(head, 3):
            if _is_change(token):
                return token
    return None


_CLAUSE_BREAKS = frozenset({";", "а", "но", "что", "который"})
# how far back a rule over word order looks for a noun (keeps the cost linear in the sentence)
_REACH = 40


class Scan:
    """One pass over a sentence, so that each figure's look back costs O(1).

    ``change_before[k]``: the nearest word of change before token ``sent.start + k`` in its
    clause (no other verb or clause break between), else None; ``any_change_before[k]``: the
    nearest word of change before it anywhere in the sentence.
    """

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.change_before: list[Token | None] = []
        self.any_change_before: list[Token | None] = []
        clause: Token | None = None
        anywhere: Token | None = None
        for token in sent:
            self.change_before.append(clause)
            self.any_change_before.append(anywhere)
            if _is_change(token):
                clause = anywhere = token
            elif token.pos_ in ("VERB", "AUX") or token.lower_ in _CLAUSE_BREAKS:
                clause = None

    def change_at(self, i: int) -> Token | None:
        return self.change_before[i - self.sent.start]

    def any_change_at(self, i: int) -> Token | None:
        return self.any_change_before[i - self.sent.start]


def _elided_change(anchor: Token, scan: Scan) -> Token | None:
    """ "экспорт увеличился на 94 %, а импорт — на 39 %": the change word before the remnant."""
    if anchor.dep_ != "orphan":
        return None
    return scan.any_change_at(min(anchor.head.i, anchor.i))


def _remnant(anchor: Token) -> Token | None:
    """The subject left in an elided clause: "а импорт — на 39 %" -> импорт."""
    if anchor.dep_ != "orphan":
        return None
    remnant = anchor.head
    nominative = _nominative(remnant)
    if remnant.pos_ in ("NOUN", "PROPN") and nominative and not _has_case(remnant):
        return remnant
    return None


def _comparative_after(figure: Figure, sent: Span) -> Token | None:
    """ "на 5 % дешевле", "на 15 % больше туристов": the comparative right after the figure."""
    doc = figure.first.doc
    for i in range(figure.last.i + 1, min(figure.last.i + 3, sent.end)):
        if doc[i].lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
            return doc[i]
        if not doc[i].is_space and doc[i].text not in ",":
            break
    return None


def _linear_change(figure: Figure, scan: Scan) -> Token | None:
    """The comparative right after the figure, else the nearest word of change before it in
    its clause (no other verb between), else a word of change right after it."""
    sent = scan.sent
    comparative = _comparative_after(figure, sent)
    if comparative is not None:
        return comparative
    before = scan.change_at(figure.first.i)
    if before is not None:
        return before
    if not _clause_open(figure, scan):
        return None
    doc = figure.first.doc
    for i in range(figure.last.i + 1, min(figure.last.i + 3, sent.end)):
        if _is_change(doc[i]):
            return doc[i]
    return None


def _clause_open(figure: Figure, scan: Scan) -> bool:
    """Whether no verb or clause break stands between the clause start and the figure (as far
    as the rule looks)."""
    doc = figure.first.doc
    for i in range(figure.first.i - 1, max(scan.sent.start, figure.first.i - _REACH) - 1, -1):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX") or token.lower_ in _CLAUSE_BREAKS:
            return False
    return True


def _change_noun_subject(anchor: Token) -> Token | None:
    """ "рост аудитории составил 8,4 %", "рост числа посетителей — 30 %": the change noun."""
    holders = [anchor.head] if anchor.dep_ in ("obj", "obl", "xcomp") else []
    if anchor.dep_ == "ROOT" or anchor.head.i == anchor.i:
        holders = [anchor]
    for holder in holders:
        if holder.i != anchor.i and holder.lemma_ not in COPULAS:
            continue
        for child in holder.children:
            if child.dep_.startswith("nsubj") and child.lemma_ in CHANGE:
                return child
    return None


def _governing_verb(anchor: Token) -> Token | None:
    for token in _ancestors(anchor, 3):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.pos_ in ("NOUN", "PROPN"):
            return None
    return None


def _amount_of_change(anchor: Token) -> Token | None:
    """ "индекс прибавил 1,8 %", "рубль потерял 2,3 %": the figure is the object of a verb of
    change itself (no "на"); "сократили 10 % сотрудников" (a genitive) is a share, not this."""
    head = anchor.head
    if head.i == anchor.i or anchor.dep_ not in ("obj", "obl", "iobj"):
        return None
    if head.pos_ != "VERB" or head.lemma_ not in CHANGE or _genitive(anchor) is not None:
        return None
    return head


def _sized_change(figure: Figure, anchor: Token, scan: Scan) -> Token | None:
    """ "рост в 5 %", "снижение продаж в 3 %": a noun of change sized by "в X %"."""
    if _parsed(anchor):
        for token in _ancestors(anchor, 2):
            if token.pos_ != "NOUN":
                break
            if token.lemma_ in CHANGE:
                return token
        return None
    change = scan.change_at(figure.first.i)
    near = change is not None and figure.first.i - change.i <= 4
    return change if near and change is not None and change.pos_ == "NOUN" else None


def _sign(figure: Figure, sent: Span) -> Direction | None:
    """ "минус 18 %", "плюс 7 %", "+5 %": the sign before a figure of a headline or a table."""
    i = figure.first.i - 1
    if i < sent.start:
        return None
    word = figure.first.doc[i].lower_
    return "up" if word in ("плюс", "+") else "down" if word in ("минус", "−") else None


@dataclass(frozen=True)
class Reading:
    """What the context says about a figure."""

    approx: Approx
    kind: Kind
    direction: Direction
    predicate: Token | None
    subject: Token | None
    elided: bool = False  # "по семейной — 6 %": a remnant without its noun
    listed: bool = False  # "а доллар — 0,8 %": the figure follows a dash after a phrase


def read(
    figure: Figure, sent: Span, after: Token | None = None, scan: Scan | None = None
) -> Reading:
    """approx, kind, direction, predicate and subject of one figure.

    ``after``: the word after the figure or the list it ends ("50 % и 30 % скидку");
    ``scan``: the sentence's :class:`Scan`, when the caller reads several figures of it.
    """
    scan = scan or Scan(sent)
    anchor = figure.anchor
    if anchor.head.i == figure.first.i != anchor.i and figure.low is not None:
        anchor = figure.first  # "от 10 до 30 %": the parse hangs the range on its first number
    prep = preposition(figure, sent)
    approx = approximation(figure, sent)
    parsed = _parsed(anchor)
    before = listed_before(figure, sent)
    remnant, oblique = _remnant_noun(before) if before is not None else (None, None)
    sign = _sign(figure, sent)
    if sign is not None:  # "Экспорт леса: минус 18 %", "Плюс 7 % к пенсиям"
        subject = remnant or _addressee(figure, sent)
        change = None if subject is not None else scan.any_change_at(figure.first.i)
        if change is not None:  # "выручка выросла до 5 млрд рублей (+12 %)"
            subject = _changed(change, sent)
        return Reading(approx, "change", sign, change, subject)
    change = None
    if prep in ("на", "от"):  # "от 8 до 12 %": a range of the change
        change = _linear_change(figure, scan)
        if change is None and parsed:
            change = _elided_change(anchor, scan) or _governing_change(anchor)
    if change is None and prep == "в":
        change = _sized_change(figure, anchor, scan)  # "рост в 5 %", "со снижением продаж в 3 %"
    if change is None and prep is None and parsed:
        change = _amount_of_change(anchor)
        if change is not None:
            subject = remnant or verb_subject(change) or _linear_subject(change, sent)
            return Reading(approx, "change", direction_of(change), change, subject)
    if change is not None:
        subject = None if remnant is not None else (_remnant(anchor) if parsed else None)
        subject = subject or _changed(change, sent) or remnant
        if oblique is not None:
            # "зарплаты — на 2 %" tagged genitive is still the subject, but "аэропорта Сочи
            # вырос ..., Краснодара — на 9 %" restates the genitive of the subject
            restated = subject is not None and _parsed(subject) and _genitive(subject)
            subject = subject if restated else oblique
        elif remnant is not None and subject is not None and subject.i != remnant.i:
            # "цена на бензин АИ-92 выросла на 3 %, АИ-95 — на 4 %": the remnant restates a
            # dependent of the subject, not the subject
            subject = subject if _parallel(remnant, subject, change) else remnant
        return Reading(approx, "change", direction_of(change), change, subject)
    qualified = _qualified(figure, after)
    if qualified is not None and qualified.lemma_ in CHANGE:
        # "10-процентный рост тарифов": the change noun the figure qualifies
        return Reading(approx, "change", direction_of(qualified), qualified, _noun_of(qualified))
    noun = _change_noun_subject(anchor) if parsed else None
    if noun is not None:
        return Reading(approx, "change", direction_of(noun), noun, noun_subject(noun))
    if remnant is not None and remnant.lemma_ in CHANGE:  # "рост тарифов — 9 %"
        return Reading(approx, "change", direction_of(remnant), remnant, _noun_of(remnant))
    verb = _governing_verb(anchor) if parsed else None
    predicate = verb if verb is not None and verb.lemma_ in CHANGE else None
    if predicate is None and prep in ("до", "с", "со"):
        predicate = _linear_change(figure, scan)
    if predicate is not None and prep in ("до", "с", "со"):
        # "возрасти до 10 %", "снизилась с 10 % до 8 %": levels before and after the change
        approx = "exact"  # "до" marks the level reached, not an upper bound
        return Reading(approx, "level", "none", predicate, _changed(predicate, sent))
    if qualified is not None:
        subject = qualified  # "под 10-процентную ставку", "49 %-ной доли"
    elif remnant is not None:
        subject = remnant  # "Иван Петров — 52,1 %", "холдинг (48 %)"
    elif parsed:
        subject = level_subject(anchor, after, figure)
    else:  # a sentence without a parse: the noun after it
        subject = after if after is not None and after.pos_ in ("NOUN", "PROPN") else None
    # a genitive remnant ("«Спартака» — 60 %") restates a genitive: the previous subject
    restating = oblique is None or _case(oblique, "Gen")
    elided = before is not None and remnant is None and restating
    return Reading(approx, "level", "none", predicate, subject, elided, before is not None)


def _qualified(figure: Figure, after: Token | None) -> Token | None:
    """The noun an adjective figure qualifies: "10-процентный рост", "49 %-ной доли"."""
    if not figure.adjective:
        return None
    anchor = figure.last
    doc = anchor.doc
    following = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    if following is not None and following.pos_ == "NOUN":
        return following  # the noun right after it, whatever the parse says
    if anchor.dep_ == "amod" and anchor.head.pos_ in ("NOUN", "PROPN"):
        return anchor.head
    if after is not None and after.pos_ in ("NOUN", "PROPN"):
        return after
    return None


def _noun_of(change: Token) -> Token | None:
    """What a change noun is about: its genitive, else the genitive right after it."""
    found = noun_subject(change) if _parsed(change) else None
    if found is not None:
        return found
    following = change.doc[change.i + 1] if change.i + 1 < len(change.doc) else None
    if following is not None and following.pos_ == "NOUN" and _case(following, "Gen"):
        return following
    return None


def _addressee(figure: Figure, sent: Span) -> Token | None:
    """ "Плюс 7 % к пенсиям": the noun of "к" right after a signed figure."""
    doc = figure.first.doc
    i = figure.last.i + 1
    if i + 1 < sent.end and doc[i].lower_ in ("к", "ко") and doc[i + 1].pos_ == "NOUN":
        return doc[i + 1]
    return None


def _changed(change: Token, sent: Span) -> Token | None:
    """What a change word is about, from the parse or, without one, from word order."""
    # "снижение ставки на 0,25 п. п." without a parse: the genitive right after the noun
    noun = _noun_of(change) if change.pos_ == "NOUN" else None
    if change.dep_:
        found = change_subject(change) or _raised_object(change)
        return found or noun or _linear_subject(change, sent)
    return noun or _linear_subject(change, sent)


def _raised_object(verb: Token) -> Token | None:
    """ "износ сетей удалось снизить": the object of an infinitive of change, fronted and
    attached by the parse to the verb that governs the infinitive."""
    if verb.pos_ != "VERB" or "Inf" not in verb.morph.get("VerbForm", []):
        return None
    for token in _ancestors(verb, 2):
        for child in token.children:
            if child.dep_ in ("obj", "iobj") and child.i < verb.i and _noun(child):
                if child.pos_ != "PRON" and not _has_case(child):
                    return child
    return None


def _linear_subject(change: Token, sent: Span) -> Token | None:
    """Without a parse: the accusative noun right after a transitive verb of change ("снизил
    ставки на 1 п. п."), else the nearest nominative noun before the word of change."""
    doc = change.doc
    if change.pos_ == "VERB" and not change.lemma_.endswith(("ся", "сь")):
        i = change.i + 1
        while i < sent.end and doc[i].pos_ in ("ADJ", "DET"):
            i += 1
        if i < sent.end and doc[i].pos_ == "NOUN" and _case(doc[i], "Acc"):
            return doc[i]
    fronted = change.i - 1  # "если ставку повысят на 2 п. п.": the object before the verb
    transitive = change.pos_ == "VERB" and not change.lemma_.endswith(("ся", "сь"))
    if transitive and fronted >= sent.start and doc[fronted].pos_ == "NOUN":
        if _case(doc[fronted], "Acc") and not _in_phrase_of_preposition(doc[fronted], sent):
            return doc[fronted]
    for i in range(change.i - 1, max(sent.start, change.i - _REACH) - 1, -1):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN") and "Nom" in token.morph.get("Case", []):
            if not _in_phrase_of_preposition(token, sent):
                return token
        if change.pos_ == "VERB" and _noun_read_as_adjective(token, change):
            if not _in_phrase_of_preposition(token, sent):
                return token
        if token.pos_ in ("VERB", "AUX") or token.lower_ in (";", "а", "но"):
            break
    return _subject_after(change, sent)


# how far after a verb its subject may stand ("на 12 % выросли за год продажи ...")
_AFTER_REACH = 12


def _subject_after(verb: Token, sent: Span) -> Token | None:
    """ "На 12 % выросли за год продажи", "Снизилась на 3 % и добыча газа": the subject after
    the verb (the parse often hangs it elsewhere), the nearest nominative noun in the clause
    that agrees with the verb in number (and gender), outside prepositional phrases."""
    if verb.pos_ != "VERB" or "Fin" not in verb.morph.get("VerbForm", []):
        return None
    number = verb.morph.get("Number", [])
    gender = verb.morph.get("Gender", [])
    doc = verb.doc
    for i in range(verb.i + 1, min(sent.end, verb.i + _AFTER_REACH)):
        token = doc[i]
        if _finite(token) or token.lower_ in _CLAUSE_BREAKS:
            return None
        if token.pos_ not in ("NOUN", "PROPN") or not _case(token, "Nom"):
            continue
        if _time_anchor(token) or _in_phrase_of_preposition(token, sent):
            continue
        if number and token.morph.get("Number", []) not in ([], number):
            continue
        if gender and token.morph.get("Gender", []) not in ([], gender):
            continue
        return token
    return None


def _case(token: Token, case: str) -> bool:
    return case in token.morph.get("Case", [])


def _in_phrase_of_preposition(token: Token, sent: Span) -> bool:
    """Whether a preposition stands before the noun (past its adjectives and numbers)."""
    doc = token.doc
    i = token.i - 1
    while i >= sent.start and doc[i].pos_ in ("ADJ", "DET", "NUM") and token.i - i < 5:
        i -= 1
    return i >= sent.start and doc[i].pos_ == "ADP"


# ---------------------------------------------------------------- remnants: "X — на 5 %"

_DASH_MARKS = frozenset("—–-:")
_PHRASE_BOUNDS = frozenset(",;:()—–-.!?") | {"а", "и", "но", "или"}


def listed_before(figure: Figure, sent: Span) -> Span | None:
    """The phrase a figure is listed with: "капуста — на 31 %", "Иван Петров — 52 %",
    "Экспорт: минус 18 %", "холдинг «Альфа» (48 %)": the words from the previous list mark
    (comma, conjunction, colon, dash, bracket) to the dash, colon or bracket before the figure.
    """
    doc = figure.first.doc
    i = figure.first.i - 1
    while i >= sent.start and (
        doc[i].lower_ in _SKIPPABLE or doc[i].lower_ in _PREPOSITIONS or _sign_word(doc[i])
    ):
        i -= 1
    if i < sent.start:
        return None
    mark = doc[i].text
    if mark == "(":
        closing = figure.last.i + 1
        if closing >= sent.end or doc[closing].text != ")":
            return None
    elif mark not in _DASH_MARKS:
        return None
    stop = i
    i -= 1
    while i >= sent.start and doc[i].text in _QUOTES:
        i -= 1
    start = i + 1
    while i >= sent.start and stop - i <= 12:
        token = doc[i]
        if token.lower_ in _PHRASE_BOUNDS:
            break
        start = i
        i -= 1
    verbs = [token.i for token in doc[start:stop] if _finite(token)]
    if verbs and mark == "(":
        start = verbs[-1] + 1  # "владельцами являются фонд «Прогресс» (60 %)": after the verb
    elif verbs:
        return None  # a clause with its own verb is not a listed phrase ("опрошенных" may be)
    if start >= stop:
        return None
    return doc[start:stop]


def _finite(token: Token) -> bool:
    """A verb that makes a clause: not a participle ("половина опрошенных")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return "Part" not in token.morph.get("VerbForm", [])


def _sign_word(token: Token) -> bool:
    return token.lower_ in ("плюс", "минус", "+", "−")


def _remnant_noun(phrase: Span) -> tuple[Token | None, Token | None]:
    """The head noun of a listed phrase, not in a prepositional phrase: (a nominative, None),
    or (None, an oblique one) when the phrase has only those."""
    inside = range(phrase.start, phrase.end)
    candidates = [
        token
        for token in phrase
        if token.pos_ in ("NOUN", "PROPN")
        and not _time_anchor(token)
        and not _in_phrase_of_preposition(token, phrase)
        and not any(_has_case(t) for t in (token, *_ancestors(token, 3)) if t.i in inside)
        and not _elided_noun_adjective(token, phrase)
    ]
    if not candidates:
        return _substantive(phrase), None
    heads = [token for token in candidates if token.head.i not in inside or token.head.i == token.i]
    for group in (heads, candidates):
        for token in group:
            if _nominative(token):
                if _quoted_name_of(token, candidates):
                    return token.head, None  # "холдингу «Вектор» (51 %)": the holder
                return token, None
    return None, (heads or candidates)[0]


def _substantive(phrase: Span) -> Token | None:
    """ "Безработные — 5 %, занятые — 95 %": a phrase of one nominative plural adjective or
    participle used as a noun (not one that stands for the noun of a like adjective before)."""
    words = [token for token in phrase if not token.is_punct]
    if len(words) != 1 or words[0].pos_ not in ("ADJ", "VERB"):
        return None
    word = words[0]
    if not _case(word, "Nom") or word.morph.get("Number", []) != ["Plur"]:
        return None
    if word.pos_ == "VERB" and "Part" not in word.morph.get("VerbForm", []):
        return None
    return None if _elided_noun_adjective(word, phrase) else word


def _elided_noun_adjective(token: Token, phrase: Span) -> bool:
    """ "Городское население — 74 %, сельское — 26 %": an adjective (the tagger may take it for
    a noun) that stands for the noun of a like adjective before it, in the same form."""
    if token.pos_ != "ADJ" and not any(
        p.tag.POS == "ADJF" and p.normal_form == token.lemma_ for p in word_parses(token.lower_)
    ):
        return False  # a noun, not an adjective the tagger lemmatized as one ("сельский")
    form = [token.morph.get(feature, []) for feature in ("Case", "Number", "Gender")]
    doc = token.doc
    start = max(phrase.doc[phrase.start].sent.start, phrase.start - _REACH)
    for i in range(phrase.start - 1, start - 1, -1):
        other = doc[i]
        if other.pos_ != "ADJ" or other.dep_ != "amod" or other.head.pos_ != "NOUN":
            continue
        if [other.morph.get(f, []) for f in ("Case", "Number", "Gender")] == form:
            return True
    return False


def _quoted_name_of(token: Token, candidates: list[Token]) -> bool:
    """Whether the token is a name in quotes right after the noun of the phrase it names."""
    doc = token.doc
    quoted = token.i > 0 and doc[token.i - 1].text in _QUOTES
    return quoted and token.head in candidates and token.head.i == token.i - 2


def _parallel(remnant: Token, subject: Token, change: Token) -> bool:
    """Whether the remnant of an elided clause matches a dependent of the first clause's
    subject (same part of speech and case, no preposition) rather than the subject itself."""
    if not _parsed(subject) or remnant.pos_ == subject.pos_ and _same_case(remnant, subject):
        return False
    for token in subject.subtree:
        if token.i >= change.i or token.i == subject.i or _has_case(token):
            continue
        if token.pos_ == remnant.pos_ and _same_case(token, remnant):
            return True
    return False


def _same_case(a: Token, b: Token) -> bool:
    """Same case, or one of them has none (an indeclinable name: "АИ-95", "Toyota")."""
    first, second = a.morph.get("Case", []), b.morph.get("Case", [])
    return not first or not second or first == second


def _nominative(token: Token) -> bool:
    """A nominative noun, one without case, or one counted by a nominative ("две трети")."""
    if _case(token, "Nom") or not token.morph.get("Case", []):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in _QUANTIFIERS and _case(token, "Gen"):
        return True  # "более половины жителей — 53 %": the quantifier governs the genitive
    if _holds_own_orphan(token) and _genitive(token) is not None and _may_be_nominative(token):
        # "бумаги «Сбербанка» — на 1,8 %": the parse makes it the remnant of an elided
        # clause, with a genitive of its own (a whole noun phrase, not one restating the
        # genitive of the subject: "а «Ленты» — на 7 %"); the tagger reads it as a genitive,
        # the dictionary allows a nominative
        return True
    return any(
        child.dep_.startswith("nummod") and _case(child, "Nom") and child.i < token.i
        for child in token.children
    )


# words of quantity that put the subject of a clause in the genitive ("более половины")
_QUANTIFIERS = frozenset("более менее свыше около порядка больше меньше".split())


def _holds_own_orphan(token: Token) -> bool:
    """Whether an orphan of the parse hangs on the noun within its own listed item (no list
    comma between them)."""
    doc = token.doc
    for child in token.children:
        if child.dep_ == "orphan" and child.i > token.i:
            between = doc[token.i + 1 : child.i]
            return not any(t.text in (",", ";") for t in between)
    return False


def _may_be_nominative(token: Token) -> bool:
    """Whether the dictionary has the word as a nominative noun of the tagged lemma."""
    return any(
        parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.normal_form == token.lemma_
        for parse in word_parses(token.lower_)
    )


# ---------------------------------------------------------------- subjects


def _noun(token: Token | None) -> bool:
    return token is not None and token.pos_ in ("NOUN", "PROPN", "PRON")


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and _noun(child):
            return child
    return None


def _has_case(token: Token) -> bool:
    return any(child.dep_ == "case" for child in token.children)


# "21 % годовых": the genitive names the period of a rate, not what it measures
_RATE_PERIODS = frozenset({"годовой", "годовые", "месячный"})


def _genitive(token: Token) -> Token | None:
    """The genitive noun a word governs ("рост цен", "90 % жителей"), prepositionless."""
    for child in token.children:
        if child.dep_ != "nmod" or child.i < token.i or _has_case(child):
            continue
        if child.lemma_ in _RATE_PERIODS:
            continue
        case = child.morph.get("Case", [])
        if _noun(child) and ("Gen" in case or not case):
            return child
        if child.pos_ in ("ADJ", "VERB") and "Gen" in case:
            return child  # a participle or adjective used as a noun: "40 % опрошенных"
    return None


def verb_subject(verb: Token) -> Token | None:
    """The subject of a verb, climbing to the verb it is the xcomp or conjunct of."""
    for token in (verb, *_ancestors(verb, 3)):
        if _verbless_head(token) and (token.i != verb.i or not _relative(token)):
            # "Ключевая ставка, которую регулятор держал …, теперь составляет 16 %": the parse
            # makes the predicate a conjunct inside the relative clause of a verbless subject
            return token.head
        subject = _child(token, "nsubj", "nsubj:pass")
        if subject is not None:
            subject = _misread_head(subject, token)
            if not _agrees_with_verb(subject, token):
                # "Предприятие, выручка которого упала на 12 %": the parse took the wrong noun
                subject = _agreeing_before(token) or subject
            return _named(subject)
        if token.dep_ not in ("xcomp", "conj", "csubj", "csubj:pass", "advcl", "dep"):
            return None
    return None


def _agrees_with_verb(noun: Token, verb: Token) -> bool:
    """Whether a nominative noun agrees with a finite verb in number and (past singular)
    gender, as far as both are tagged; other subjects (pronouns, names, numbers) pass."""
    if verb.pos_ not in ("VERB", "AUX") or noun.pos_ != "NOUN" or not _case(noun, "Nom"):
        return True
    number, gender = verb.morph.get("Number", []), verb.morph.get("Gender", [])
    if number and noun.morph.get("Number", []) not in ([], number):
        return False
    return not gender or number != ["Sing"] or noun.morph.get("Gender", []) in ([], gender)


def _agreeing_before(verb: Token) -> Token | None:
    """The nearest nominative noun before the verb in its clause that agrees with it."""
    doc = verb.doc
    start = max(verb.sent.start, verb.i - _AFTER_REACH)
    for i in range(verb.i - 1, start - 1, -1):
        token = doc[i]
        if _finite(token) or token.lower_ in (";", "а", "но"):
            return None
        if token.pos_ == "NOUN" and _case(token, "Nom") and _agrees_with_verb(token, verb):
            if not _in_phrase_of_preposition(token, verb.sent) and not _time_anchor(token):
                return token
    return None


def _misread_head(subject: Token, verb: Token) -> Token:
    """ "Грузооборот портов снизился": a rare noun the tagger takes for an adjective of the
    genitive after it, which the parse then makes the subject. A genitive subject that does
    not agree with its verb gives way to the word before it when the dictionary has that word
    as a nominative noun agreeing with the verb."""
    if not _case(subject, "Gen") or subject.i == 0 or verb.pos_ not in ("VERB", "AUX"):
        return subject
    number = verb.morph.get("Number", [])
    if not number or subject.morph.get("Number", []) == number:
        return subject
    before = subject.doc[subject.i - 1]
    if before.head.i != subject.i or not _noun_read_as_adjective(before, verb):
        return subject
    return before


def _noun_read_as_adjective(token: Token, verb: Token) -> bool:
    """Whether an adjective of the tagger, right before a genitive noun, is in the dictionary
    a nominative noun agreeing in number with the verb ("Вагонооборот станций вырос")."""
    number = verb.morph.get("Number", [])
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.pos_ != "ADJ" or not number or following is None or not _case(following, "Gen"):
        return False
    if following.pos_ not in ("NOUN", "PROPN"):
        return False
    wanted = "sing" if number == ["Sing"] else "plur"
    return any(
        parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.number == wanted
        for parse in word_parses(token.lower_)
    )


def _relative(clause: Token) -> bool:
    return any(child.lemma_ in ("который", "чей") for child in clause.children)


def _verbless_head(clause: Token) -> bool:
    """Whether a relative clause's verb modifies a noun the parse leaves as the sentence's
    root (a sentence whose subject has no predicate of its own)."""
    head = clause.head
    return clause.dep_ == "acl:relcl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")


def _named(noun: Token) -> Token:
    """ "Кандидат от партии Иван Сидоров набрал 38 %": the person named in apposition to a
    post or a common noun of people is the subject, else the noun itself."""
    if noun.pos_ != "NOUN" or not _case(noun, "Nom") or "Anim" not in noun.morph.get("Animacy", []):
        return noun
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > noun.i:
            if "Anim" in child.morph.get("Animacy", []) and _case(child, "Nom"):
                return child
    return noun


def change_subject(change: Token) -> Token | None:
    """What changed: the object of a transitive change verb, else its subject; for a change
    noun its genitive ("рост цен")."""
    if change.pos_ in ("NOUN", "PROPN"):
        # a noun of change ("рост цен"), or a verb the tagger took for a noun
        return noun_subject(change) or _child(change, "nsubj", "nsubj:pass", "obj")
    if change.lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
        return _compared(change)
    voice = change.morph.get("Voice", [])
    if "Mid" not in voice:
        target = _child(change, "obj")
        if target is not None:
            return target
    subject = verb_subject(change)
    if subject is None and change.dep_ == "conj" and _noun(change.head):
        return change.head
    return subject


def _compared(comparative: Token) -> Token | None:
    """What a comparative compares: "на 15 % больше туристов" (its genitive), "цены стали на
    5 % выше" (the subject of the verb it completes)."""
    subject = verb_subject(comparative)
    if subject is not None and subject.lemma_ == "что":
        # "…, что на 6 % меньше плана": the genitive is the base, "что" the amount before
        return _restated(comparative)
    for child in comparative.children:
        if child.i > comparative.i and _noun(child) and child.pos_ != "PRON":
            # not the base of the comparison: "выше, чем пять лет назад"
            base = _time_anchor(child) or any(c.dep_ == "mark" for c in child.children)
            if _case(child, "Gen") and not _has_case(child) and not base:
                return child
    if comparative.dep_.startswith(("nummod", "amod", "det")) and _noun(comparative.head):
        return comparative.head
    if subject is not None:
        return subject
    head = comparative.head
    if head.i != comparative.i and head.pos_ in ("VERB", "AUX"):
        return verb_subject(head)
    return None


def _restated(comparative: Token) -> Token | None:
    """ "перевезла 12 млн пассажиров, что на 9 % больше": "что" stands for the amount of the
    clause the comparative hangs on: the subject of a copula ("выручка составила ..."), else
    the verb's object."""
    for token in _ancestors(comparative, 2):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.lemma_ in COPULAS:
            return verb_subject(token)
        target = _child(token, "obj")
        if target is None or _time_anchor(target):
            return None
        counted = any(child.dep_.startswith("nummod") for child in target.children)
        substance = _genitive(target) if counted else None
        return substance or target  # "300 тысяч тонн стали": what the counted units measure
    return None


def noun_subject(noun: Token) -> Token | None:
    """The genitive of a change noun ("рост числа посетителей" -> число), else what holds it."""
    genitive = _genitive(noun)
    if genitive is not None:
        return genitive
    if noun.dep_ == "nmod" and _noun(noun.head):
        return noun.head
    return None


# nouns that only size another: "скидка в размере 15 %", "ставка на уровне 21 %"
MEASURES = frozenset(
    "размер уровень отметка величина значение предел пределы диапазон планка объём объем".split()
)


def level_subject(
    anchor: Token, after: Token | None = None, figure: Figure | None = None
) -> Token | None:
    """What a level measures: "90 % жителей", "50 % скидка", "доля составила 10 %",
    "ставку 21 %", "с долей рынка 6,8 %", "скидку в размере 15 %", "из них 40 %"."""
    if figure is not None and _measured(figure):
        # "премию в размере 15 % годового дохода": the genitive is the base of the figure
        sized = _sized(figure.first.doc[figure.first.i - 1])
        if sized is not None:
            return sized
    genitive = _genitive(anchor)
    if genitive is not None:
        return genitive
    if figure is not None:
        found = _partitive(figure) or _noun_before(figure)
        if found is not None:
            return _sized(found) if found.lemma_ in MEASURES else found
    if after is not None and after.pos_ == "NOUN" and not _time_anchor(after):
        cases = after.morph.get("Case", [])
        if not cases or "Nom" in cases or "Acc" in cases:
            return after  # "получат 50 % скидку": the noun the figure qualifies
    head = anchor.head
    if head.lemma_ in MEASURES and head.i != anchor.i:
        return _sized(head)
    if head.i == anchor.i:
        return _child(anchor, "nsubj", "nsubj:pass")
    if anchor.dep_ in ("amod", "nummod", "nummod:gov", "nmod", "conj") and _noun(head):
        return head
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        if anchor.dep_ not in ("obj", "nsubj", "nsubj:pass"):
            # (a figure that is the subject of its verb does not measure the verb's object)
            target = _child(head, "obj")
            if target is not None and target.i != anchor.i:
                return target
        return verb_subject(head)
    if _noun(head):
        return head
    return None


def _measured(figure: Figure) -> bool:
    """Whether a measure noun stands right before the figure: "в размере 15 %"."""
    i = figure.first.i - 1
    return i >= 0 and figure.first.doc[i].lemma_ in MEASURES and figure.first.doc[i].pos_ == "NOUN"


def _sized(measure: Token) -> Token | None:
    """The noun a measure noun sizes: "скидку в размере" -> скидка; "сохранил ставку на
    уровне" -> ставка (the object of the verb); "доля колеблется в пределах" -> доля."""
    before = _noun_right_before(measure)
    if before is not None:
        return before
    head = measure.head
    if head.i == measure.i:
        return None
    if _noun(head) and head.pos_ != "PRON":
        return head
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        target = _child(head, "obj", "nsubj:pass")
        if target is not None and target.i != measure.i:
            return target
        return verb_subject(head)
    return None


# prepositions whose noun holds a figure itself ("компания с долей 18 %", "кредит под ставку
# на уровне 9 %"), not a modifier of the noun before it ("ставка по вкладам", "налог на прибыль")
_HOLDING = frozenset({"с", "со", "при", "под"})


def _noun_right_before(measure: Token) -> Token | None:
    """ "скидку в размере", "кредит под ставку на уровне", "ставка по вкладам на уровне": the
    noun phrase right before the measure's preposition (up its chain of modifiers to the noun
    whose preposition holds it, or to the head of the phrase), whatever the parse attaches the
    measure to."""
    doc = measure.doc
    i = measure.i - 1
    if i < 1 or doc[i].pos_ != "ADP":
        return None
    token = doc[i - 1]
    if token.pos_ not in ("NOUN", "PROPN") or _time_anchor(token) or token.lemma_ in MEASURES:
        return None
    for _ in range(4):
        cases = [child.lower_ for child in token.children if child.dep_ == "case"]
        if any(case in _HOLDING for case in cases):
            return token
        head = token.head
        if token.dep_ != "nmod" or head.i >= token.i or head.pos_ not in ("NOUN", "PROPN"):
            break
        token = head
    if _has_case(token) or _time_anchor(token):
        return None
    return token


def _partitive(figure: Figure) -> Token | None:
    """ "из них 43 %", "из которых 40 %": the pronoun of "из" right before the figure (its
    antecedent is found later)."""
    doc = figure.first.doc
    i = figure.first.i - 1
    while i >= 1 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    if i >= 1 and doc[i - 1].lower_ == "из" and doc[i].lemma_ in ("они", "который"):
        return doc[i]
    j = i  # "среди опрошенных 27 %", "из участников опроса 40 %": up the genitives
    while j > i - 2 and j >= 2 and doc[j - 1].lower_ not in ("среди", "из"):
        if not (_case(doc[j], "Gen") and doc[j].pos_ in ("NOUN", "PROPN", "ADJ")):
            break
        j -= 1
    if j >= 1 and doc[j - 1].lower_ in ("среди", "из") and _counted_group(doc[j]):
        return doc[j]
    i = figure.last.i + 1  # "54 % из них"
    if i + 1 < len(doc) and doc[i].lower_ == "из" and doc[i + 1].lemma_ == "они":
        return doc[i + 1]
    return None


def _counted_group(token: Token) -> bool:
    """A plural genitive noun, or participle used as one: the group a share is taken of."""
    if not _case(token, "Gen") or token.morph.get("Number", []) != ["Plur"]:
        return False
    if token.pos_ == "VERB":
        return "Part" in token.morph.get("VerbForm", [])
    return token.pos_ in ("NOUN", "ADJ")


def _noun_before(figure: Figure) -> Token | None:
    """ "ставку 21 %", "с долей рынка 6,8 %": the noun phrase right before the figure (the
    top of its genitive chain), not a place, a time or the object of most prepositions."""
    doc = figure.first.doc
    i = figure.first.i - 1
    if i < 0 or doc[i].pos_ != "NOUN" or _time_anchor(doc[i]):
        return None
    token = doc[i]
    if token.lemma_ in MEASURES:
        return token
    for _ in range(4):  # "ставка налога 13 %", "налог на прибыль 20 %": up to the head noun
        head = token.head
        if token.dep_ != "nmod" or head.i >= token.i or head.pos_ != "NOUN":
            break
        if any(c.dep_ == "case" and c.lower_ in ("с", "со", "при") for c in token.children):
            break  # "компания с долей на рынке 18 %": the share itself
        token = head
    cases = [child.lower_ for child in token.children if child.dep_ == "case"]
    if any(case not in ("с", "со", "при") for case in cases) or _time_anchor(token):
        return None
    return token


def _name_head(token: Token) -> Token:
    """The surname of "Михаил Саакашвили" (the last flat:name part), else the token."""
    if token.pos_ != "PROPN":
        return token
    parts = [
        child
        for child in token.children
        if child.dep_ in ("flat:name", "flat")
        or (child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == token.i + 1)
    ]
    return parts[-1] if parts else token


def _participle_lemma(word: str) -> str | None:
    """ "опрошенных" -> "опрошенный": a participle or adjective used as a noun, in the
    nominative masculine singular (pymorphy3 takes a participle's lemma to its verb)."""
    for parse in word_parses(word.lower()):
        if parse.tag.POS in ("PRTF", "ADJF"):
            form = parse.inflect({"nomn", "sing", "masc"})
            return form.word if form is not None else None
    return None


_PHRASE_DROP = frozenset(
    "conj cc punct parataxis acl:relcl advcl appos orphan dep nsubj obl".split()
)


def subject_phrase(token: Token, figure: Figure) -> Phrase:
    """The subject's phrase (its subtree without conjuncts or clauses), head lemma."""
    start, stop = token.i, token.i
    for child in token.children:
        if child.dep_ in _PHRASE_DROP:
            continue
        start = min(start, child.left_edge.i)
        stop = max(stop, child.right_edge.i)
    if start <= figure.last.i and figure.first.i <= stop:  # never swallow the figure itself
        start, stop = token.i, token.i
    name = _name_head(token)
    if not start <= figure.first.i <= max(stop, name.i):
        stop = max(stop, name.i)
    doc = token.doc
    words = doc[start : stop + 1]
    lemma = name.lemma_
    if name.pos_ in ("VERB", "ADJ"):  # "40 % опрошенных": a participle used as a noun
        lemma = _participle_lemma(name.text) or lemma
    return Phrase(text=words.text, start=words.start_char, stop=words.end_char, lemma=lemma)


# ---------------------------------------------------------------- lists and "соответственно"


def groups(figures: Sequence[Figure]) -> list[list[Figure]]:
    """Figures listed together: "на 12 %, 8 % и 5 %" (only commas and "и" between them)."""
    result: list[list[Figure]] = []
    for figure in figures:
        if result:
            previous = result[-1][-1]
            between = figure.first.doc[previous.last.i + 1 : figure.first.i]
            if all(token.lower_ in _LIST_GLUE or token.is_space for token in between):
                result[-1].append(figure)
                continue
        result.append([figure])
    return result


def _respectively(group: list[Figure], sent: Span) -> bool:
    doc = sent.doc
    end = min(group[-1].last.i + 4, sent.end)
    return any(doc[i].lower_ == "соответственно" for i in range(group[-1].last.i + 1, end))


def conjuncts(token: Token) -> list[Token]:
    """ "мясо, молоко и хлеб" -> [мясо, молоко, хлеб] (from the head of the coordination)."""
    return [token, *(child for child in token.children if child.dep_ == "conj" and _noun(child))]


def read_group(group: list[Figure], sent: Span, scan: Scan | None = None) -> list[Reading]:
    """Readings of listed figures: each after the first shares the first one's predicate;
    levels share the noun after the last one ("62 % и 18 % мандатов")."""
    scan = scan or Scan(sent)
    doc = sent.doc
    after = None
    for i in range(group[-1].last.i + 1, min(group[-1].last.i + 3, sent.end)):
        if not doc[i].is_space:
            after = doc[i]
            break
    first = read(group[0], sent, after, scan)
    readings = [first]
    for figure in group[1:]:
        own = read(figure, sent, after, scan)
        if preposition(figure, sent) is None and first.kind == "change":
            # "на 12 %, 8 % и 5 %": the later figures share the first one's "на"
            own = replace(first, approx=approximation(figure, sent))
        readings.append(own)
    if len(group) > 1:
        shared = _genitive(group[-1].anchor) if _parsed(group[-1].anchor) else None
        if shared is not None:
            readings = [
                replace(r, subject=shared) if r.kind == "level" and not _own_genitive(f) else r
                for r, f in zip(readings, group)
            ]
            return readings
    if len(group) > 1 and first.subject is not None and _respectively(group, sent):
        subjects = conjuncts(first.subject)
        if len(subjects) == len(group):
            readings = [replace(r, subject=s) for r, s in zip(readings, subjects)]
    return readings


def _own_genitive(figure: Figure) -> bool:
    return _parsed(figure.anchor) and _genitive(figure.anchor) is not None


# ---------------------------------------------------------------- pronouns and fractions

# nouns of a part whose genitive is what is counted: "треть опрошенных", "половина жителей"
# ("доля" is not one: "доля рынка" is itself what a share measures)
FRACTIONS = frozenset("треть четверть половина часть большинство меньшинство".split())
_PERSONAL = frozenset({"он", "она", "оно", "они", "который"})


def resolve(subject: Token | None, sent: Span) -> Token | None:
    """The subject a reader wants: a pronoun's antecedent (in the sentence or the one before),
    the genitive of a fraction ("две трети выпускников" -> выпускник); never a pronoun."""
    if subject is None or _time_anchor(subject):
        return None
    if subject.pos_ == "PRON" or subject.lemma_ in _PERSONAL:
        if subject.lemma_ not in _PERSONAL:
            return None
        return antecedent(subject, sent)
    if subject.lemma_ in FRACTIONS and _parsed(subject):
        genitive = _genitive(subject)
        if genitive is not None:
            return genitive
    return subject


def _agrees(noun: Token, pronoun: Token) -> bool:
    number = pronoun.morph.get("Number", [])
    if pronoun.lemma_ == "который" or not number:
        return True
    if number != noun.morph.get("Number", []):
        # the tagger reads a bare sentence-initial plural ("Пенсии проиндексировали.") as a
        # genitive singular; the dictionary says whether the word can be that plural
        # (not a genitive the parse hangs on another noun: "отчёт компании")
        own = noun.dep_ not in ("nmod", "obl") or noun.head.i == noun.i
        return number == ["Plur"] and own and _may_be_plural(noun.text, pronoun)
    gender = pronoun.morph.get("Gender", [])
    return number == ["Plur"] or not gender or gender == noun.morph.get("Gender", [])


def _may_be_plural(word: str, pronoun: Token) -> bool:
    """Whether a word can be a plural noun in the pronoun's case (nominative for "они",
    accusative for "их"; a nominative plural noun is also the accusative of an inanimate one)."""
    case = pronoun.morph.get("Case", ["Nom"])[0]
    cases = {"Nom": ("nomn", "accs"), "Acc": ("accs", "nomn")}.get(case)
    if cases is None:
        return False
    for parse in word_parses(word.lower()):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.number == "plur" and tag.case in cases:
            return True
    return False


def antecedent(pronoun: Token, sent: Span) -> Token | None:
    """The nearest noun before the pronoun, in its sentence or the previous one, that agrees
    with it in number (and gender), outside prepositional phrases, not a time word."""
    doc = pronoun.doc
    first = sent.start
    if first > 0:
        first = doc[first - 1].sent.start  # morphology is there for every sentence
    span = doc[first : pronoun.i]
    found = [
        token
        for token in reversed(doc[max(first, pronoun.i - 3 * _REACH) : pronoun.i])
        if token.pos_ in ("NOUN", "PROPN")
        and not _time_anchor(token)
        and not _in_phrase_of_preposition(token, span)
        and _agrees(token, pronoun)
    ]
    # "бюджет района. Он вырос": a genitive right after a noun depends on it; the head first
    heads = [token for token in found if not _dependent_genitive(token, span)]
    chosen = heads or found
    # a subject or an object is what a later pronoun takes up, before a dative or an
    # instrumental ("Зарплаты бюджетникам увеличат. Они ..." -> зарплаты)
    core = [token for token in chosen if _core_case(token, pronoun)]
    chosen = core or chosen
    return chosen[0] if chosen else None


def _core_case(token: Token, pronoun: Token) -> bool:
    cases = token.morph.get("Case", [])
    if not cases or "Nom" in cases or "Acc" in cases:
        return True
    plural = pronoun.morph.get("Number", []) == ["Plur"]
    return plural and _may_be_plural(token.text, pronoun)


def _dependent_genitive(token: Token, span: Span) -> bool:
    if not _case(token, "Gen") or token.i == span.start:
        return False
    before = token.doc[token.i - 1]
    return before.pos_ in ("NOUN", "PROPN") or (
        before.pos_ == "ADJ" and token.i - 2 >= span.start and token.doc[token.i - 2].pos_ == "NOUN"
    )


def previous_subject(sent: Span) -> Token | None:
    """The subject of the sentence before: its first nominative noun outside prepositional
    phrases ("Объём перевозок составил 14 млн тонн. Снижение на 3 % ...")."""
    if sent.start == 0:
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent
    for token in before[:_REACH]:
        if token.pos_ in ("NOUN", "PROPN") and _case(token, "Nom") and not _time_anchor(token):
            if not _in_phrase_of_preposition(token, before):
                return token
    return None


# ---------------------------------------------------------------- periods and places


def _time_anchor(token: Token) -> bool:
    return (
        token.lemma_ in _TIME_LEMMAS
        or bool(_MONTH_RANGE.match(token.text))
        or bool(_YEAR.match(token.text))
    )


def periods(sent: Span) -> list[Span]:
    """Time phrases of a sentence that start with a preposition: "в третьем квартале"."""
    doc = sent.doc
    found: list[Span] = []
    i = sent.start
    while i < sent.end:
        if not _time_anchor(doc[i]):
            i += 1
            continue
        stop = i
        while stop + 1 < sent.end and (
            _time_anchor(doc[stop + 1])
            or (
                doc[stop + 1].pos_ in ("DET", "ADJ")
                and stop + 2 < sent.end
                and _time_anchor(doc[stop + 2])
            )
        ):
            stop += 1 if _time_anchor(doc[stop + 1]) else 2
        start = i
        while (
            start - 1 >= sent.start
            and (doc[start - 1].pos_ in ("ADJ", "DET", "NUM") or doc[start - 1].like_num)
            and doc[start - 1].lower_ not in _PERIOD_PREPOSITIONS
        ):
            start -= 1
        before = start - 1
        if before >= sent.start and doc[before].lower_ in _RESULT_NOUNS:
            if before - 1 >= sent.start and doc[before - 1].lower_ in ("по", "в"):
                found.append(doc[before - 1 : stop + 1])
        elif before >= sent.start and doc[before].lower_ in _PERIOD_PREPOSITIONS:
            # "по сравнению с прошлым годом" is the base of a comparison, not a period
            if before - 1 < sent.start or doc[before - 1].lower_ not in _COMPARISON:
                found.append(doc[before : stop + 1])
        i = stop + 1
    return found


def nearest(spans: Sequence[Span], figure: Figure) -> Span | None:
    """The span nearest to the figure in tokens (ties: the earlier one)."""

    def distance(span: Span) -> int:
        if span.end <= figure.first.i:
            return figure.first.i - span.end
        return max(0, span.start - figure.last.i)

    return min(spans, key=distance) if spans else None


class PlaceIndex:
    """The article's place mentions by offset, to find those inside a sentence quickly."""

    def __init__(self, places: Iterable) -> None:
        mentions = sorted(
            (mention.start, mention.stop, place.name)
            for place in places or ()
            for mention in place.mentions
        )
        self.starts = [start for start, _, _ in mentions]
        self.mentions = mentions

    def within(self, start: int, stop: int) -> list[str]:
        """Names of the places mentioned in text[start:stop], in order, each once."""
        names: list[str] = []
        for n in range(bisect_left(self.starts, start), len(self.starts)):
            first, last, name = self.mentions[n]
            if first >= stop:
                break
            if last <= stop and name not in names:
                names.append(name)
        return names


# ---------------------------------------------------------------- facts


def period_phrase(span: Span) -> Phrase:
    """A period as a phrase; its lemma is its first time word ("полугодие", "год", "март")."""
    words = [token for token in span if _time_anchor(token) and not _YEAR.match(token.text)]
    lemma = words[0].lemma_ if words else span.root.lemma_
    return Phrase(text=span.text, start=span.start_char, stop=span.end_char, lemma=lemma)


def percentage(
    figure: Figure,
    reading: Reading,
    period: Span | None,
    places: list[str],
    people: PeopleIndex | None = None,
    dates: DateIndex | None = None,
) -> Percentage:
    """The fact for one figure and what its context says."""
    doc = figure.first.doc
    words = doc[figure.first.i : figure.last.i + 1]
    subject = reading.subject
    phrase = subject_phrase(subject, figure) if subject is not None else None
    if phrase is not None and subject is not None and subject.pos_ == "PROPN" and people:
        surname = people.surname(phrase.start, phrase.stop)
        if surname is not None:
            phrase = phrase.model_copy(update={"lemma": surname})
    return Percentage(
        start=words.start_char,
        stop=words.end_char,
        text=words.text,
        value=figure.value,
        low=figure.low,
        high=figure.high,
        unit=figure.unit,
        approx=reading.approx,
        kind=reading.kind,
        direction=reading.direction,
        subject=phrase,
        predicate=_predicate_name(reading.predicate) if reading.predicate is not None else None,
        period=period_of(period, period_phrase(period), dates) if period is not None else None,
        places=places,
    )


class PeopleIndex:
    """The article's person mentions by offset: a subject inside one takes the person's
    normalized surname as its lemma ("Анна Котова" -> "котова")."""

    def __init__(self, people: Iterable) -> None:
        mentions = sorted(
            (mention.start, mention.stop, (person.last or person.name).lower())
            for person in people or ()
            for mention in person.mentions
        )
        self.starts = [start for start, _, _ in mentions]
        self.mentions = mentions

    def surname(self, start: int, stop: int) -> str | None:
        """The surname of the person mention that holds text[start:stop], else None."""
        end = bisect_right(self.starts, start)
        for first, last, name in reversed(self.mentions[max(0, end - 3) : end]):
            if first <= start and stop <= last:
                return name
        return None


def sentence_percentages(
    sent: Span,
    places: PlaceIndex,
    people: PeopleIndex | None = None,
    dates: DateIndex | None = None,
) -> list[Percentage]:
    """Every percentage fact of one sentence (``dates``: the document's date facts, else they
    are read from the document for each period)."""
    figures = find_figures(sent)
    if not figures:
        return []
    times = periods(sent)
    names = places.within(sent.start_char, sent.end_char)
    scan = Scan(sent)
    facts = []
    previous: Reading | None = None
    previous_figure: Figure | None = None
    for group in groups(figures):
        for figure, reading in zip(group, read_group(group, sent, scan)):
            reading = replace(reading, subject=resolve(reading.subject, sent))
            if previous is not None and previous_figure is not None:
                reading = _carried_change(reading, figure, previous, previous_figure, sent)
                base = preposition(figure, sent) in _BASES
                if base and reading.kind == "level" and previous.kind == "level":
                    reading = replace(reading, subject=previous.subject)
                if reading.subject is None and _partitive_carries(
                    reading, previous, previous_figure, figure, sent
                ):
                    # "38 % респондентов не доверяют банкам, а 41 % — ...": the later share
                    # of a clause joined to the first counts the same people
                    reading = replace(reading, subject=previous.subject)
                if reading.subject is None and _relative_between(previous_figure, figure):
                    # "достиг 71 %, что на 3 п. п. выше": "что" stands for the level before
                    reading = replace(reading, subject=previous.subject)
            if previous is not None and reading.elided and reading.kind == "level":
                # "ставка по вкладам — 12 %, по кредитам — 18 %": the remnant has no noun of
                # its own; the previous figure's subject carries over
                reading = replace(reading, subject=previous.subject)
            if reading.subject is None and reading.kind == "change" and reading.predicate:
                if reading.predicate.pos_ == "NOUN" and reading.predicate.i - sent.start < 3:
                    reading = replace(reading, subject=previous_subject(sent))
            facts.append(percentage(figure, reading, nearest(times, figure), names, people, dates))
            previous, previous_figure = reading, figure
    return facts


def _partitive_carries(
    reading: Reading, previous: Reading, before: Figure, figure: Figure, sent: Span
) -> bool:
    """Whether a level with no subject opens a clause joined ("а", "и", a comma) to one whose
    level counts its own genitive ("38 % респондентов")."""
    if reading.kind != "level" or previous.kind != "level" or not _own_genitive(before):
        return False
    doc = figure.first.doc
    i = figure.first.i - 1
    while i > sent.start and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i > before.last.i and doc[i].lower_ in _LIST_GLUE


def _relative_between(before: Figure, figure: Figure) -> bool:
    doc = figure.first.doc
    span = doc[before.last.i + 1 : figure.first.i]
    return len(span) <= 4 and any(token.lower_ == "что" for token in span)


def _carried_change(
    reading: Reading, figure: Figure, previous: Reading, before: Figure, sent: Span
) -> Reading:
    """ "Курс евро прибавил 1,2 %, а доллар — 0,8 %": a listed figure with no predicate of its
    own, shaped like the change before it (the same preposition or none), is that change."""
    if not reading.listed or reading.kind != "level" or reading.predicate is not None:
        return reading
    if previous.kind != "change" or preposition(figure, sent) != preposition(before, sent):
        return reading
    return replace(
        reading, kind="change", direction=previous.direction, predicate=previous.predicate
    )


def _may_hold(text: str, lower: str) -> bool:
    """Whether a token (its text and lowercased text) may mark a percentage."""
    return text in ("%", "％") or "процент" in lower or lower in ("п", "пп")


def extract_percentages(doc: Doc) -> list[Percentage]:
    """Every percentage fact of a tagged (and, for its sentences, parsed) document."""
    return list(iter_percentages(doc))


def iter_percentages(doc: Doc) -> Iterator[Percentage]:
    """The percentage facts of a document one at a time, in text order."""
    places = PlaceIndex(get_facts(doc, "places") or ())
    people = PeopleIndex(get_facts(doc, "people") or ())
    found = get_facts(doc, "dates")
    dates = DateIndex(found) if found is not None else None
    marks = list(map(_may_hold, token_texts(doc, ORTH), token_texts(doc, LOWER)))
    for sent in doc.sents:
        if any(marks[sent.start : sent.end]):
            yield from sentence_percentages(sent, places, people, dates)


class PercentageExtractor(DocComponent):
    """Sets ``doc._.percentages`` to the list of percentage facts."""

    def __call__(self, doc: Doc) -> Doc:
        set_facts(doc, "percentages", iter_percentages(doc), keep=False)
        return doc


@Language.factory(
    "newsnlp_percentages",
    default_config={},
    requires=[
        "token.lemma",
        "token.morph",
        "token.dep",
        "doc._.newsnlp_places",
        "doc._.newsnlp_people",
    ],
    assigns=["doc._.newsnlp_percentages"],
)
def make_percentages(nlp: Language, name: str) -> PercentageExtractor:
    """Factory of the percentage fact extractor."""
    return PercentageExtractor()
