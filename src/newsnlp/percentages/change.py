"""Approx, kind and direction: the words right before a figure ("около", "более чем на") and the
word of change that makes it a change ("вырос на 5 %", "на 5 % дешевле", "индекс прибавил 1,8 %",
"рост в 5 %", "минус 18 %"), from the parse or, without one, from word order.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..tag import morph_values
from .figures import Figure
from .lexicon import (
    _APPROX_AFTER_NOT,
    _APPROX_BEFORE,
    _CLAUSE_BREAKS,
    _PREPOSITIONS,
    _QUOTES,
    _REACH,
    _SKIPPABLE,
    CHANGE,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    COPULAS,
    EXCEED,
    Approx,
    Direction,
)
from .remnants import _nominative
from .tokens import (
    _ancestors,
    _bounds,
    _case,
    _finite,
    _genitive,
    _has_case,
    _is_change,
    _noun,
    _parsed,
)


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
            elif _finite(token) or token.lower_ in _CLAUSE_BREAKS:
                # (a participle does not open a clause: "сокращать число требующих
                # ремонта школ на 15 %")
                clause = None

    def change_at(self, i: int) -> Token | None:
        return self.change_before[i - self.sent.start]

    def any_change_at(self, i: int) -> Token | None:
        return self.any_change_before[i - self.sent.start]


def _elided_change(anchor: Token, scan: Scan) -> Token | None:
    """ "продажи выросли на 14 %, а закупки — на 6 %": the change word before the remnant."""
    if anchor.dep_ != "orphan":
        return None
    return scan.any_change_at(min(anchor.head.i, anchor.i))


def _change_noun_happening(anchor: Token) -> Token | None:
    """ "Наибольшее снижение цен произошло в сегменте жилья — на 9 %": a noun of change, the
    subject of a verb that is no change ("произошло", "отмечено"), which the figure after
    it sizes."""
    for token in _ancestors(anchor, 3):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if _is_change(token):
            return None
        for child in token.children:
            if (
                child.dep_ in ("nsubj", "nsubj:pass")
                and child.pos_ == "NOUN"
                and child.i < anchor.i
            ):
                return child if _is_change(child) else None
        return None
    return None


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
    """ "на 5 % дешевле", "на 8 % больше зрителей": the comparative right after the figure."""
    doc = figure.first.doc
    for i in range(figure.last.i + 1, min(figure.last.i + 3, sent.end)):
        if doc[i].lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
            return doc[i]
        counted = i == figure.last.i + 1 and doc[i].pos_ == "NOUN" and _case(doc[i], "Gen")
        if not doc[i].is_space and doc[i].text not in "," and not counted:
            break  # (but "на 7,5 % зрителей больше": the counted noun may stand between)
    return None


def _linear_change(figure: Figure, scan: Scan) -> Token | None:
    """The comparative right after the figure, else the nearest word of change before it in
    its clause (no other verb between), else a word of change right after it."""
    sent = scan.sent
    comparative = _comparative_after(figure, sent)
    if comparative is not None:
        return comparative
    before = scan.change_at(figure.first.i)
    following = _next_word(figure)
    if following is not None and following.pos_ == "VERB" and _is_change(following):
        # "…, на 3,1 % выросла посещаемость": the verb right after the figure, rather
        # than one of an earlier item of the list
        # (or "… на 20 % сократить очереди и на 60 % ускорить приём": a coordinated item)
        listed = before is not None and any(
            t.text == "," or t.lower_ in ("и", "а") for t in doc_between(before, figure)
        )
        if before is None or listed:
            return following
    if before is not None:
        return before
    if not _clause_open(figure, scan):
        return None
    doc = figure.first.doc
    for i in range(figure.last.i + 1, min(figure.last.i + 3, sent.end)):
        if _is_change(doc[i]):
            return doc[i]
    return None


def _next_word(figure: Figure) -> Token | None:
    doc = figure.last.doc
    i = figure.last.i + 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < _bounds(figure.last)[1] else None


def doc_between(token: Token, figure: Figure) -> Span:
    """The tokens between a word and a figure after it (at most ``_REACH`` of them)."""
    return token.doc[max(token.i + 1, figure.first.i - _REACH) : figure.first.i]


def _clause_open(figure: Figure, scan: Scan) -> bool:
    """Whether no verb or clause break stands between the clause start and the figure (as far
    as the rule looks)."""
    doc = figure.first.doc
    for i in range(figure.first.i - 1, max(scan.sent.start, figure.first.i - _REACH) - 1, -1):
        token = doc[i]
        if _finite(token) or token.lower_ in _CLAUSE_BREAKS:
            return False
    return True


def _change_noun_subject(anchor: Token) -> Token | None:
    """ "рост продаж составил 6,2 %", "рост числа читателей — 20 %": the change noun."""
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
    if any(
        child.i > anchor.i and _noun(child) and not _has_case(child) for child in anchor.children
    ):
        return None  # "подняли зарплату 10 % работникам": a share of people
    doc = anchor.doc
    i = anchor.i + 1
    end = _bounds(anchor)[1]
    while i < end and (doc[i].pos_ in ("ADJ", "DET") or "Part" in morph_values(doc[i], "VerbForm")):
        i += 1
    if i < end and doc[i].pos_ == "NOUN" and (_case(doc[i], "Dat") or _case(doc[i], "Gen")):
        return None  # (the same when the parse hangs the noun elsewhere)
    return None if head.lemma_ in EXCEED else head  # "превысило 47 %" is a level


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
