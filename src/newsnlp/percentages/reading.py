"""The reading of a quantity: what the context says about one figure (approx, kind, direction,
predicate, subject) and the phrase of its subject. This is the public face of the percentage
rules that money and ratios read their quantities with: import from here, not from the
steps behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Span, Token

from ..resources import word_parses
from ..schema import Phrase
from ..tag import morph_values
from .anaphora import resolve
from .change import (
    Scan,
    _amount_of_change,
    _change_noun_happening,
    _change_noun_subject,
    _elided_change,
    _governing_change,
    _governing_verb,
    _linear_change,
    _remnant,
    _sign,
    _sized_change,
    approximation,
    preposition,
)
from .figures import Figure, _is_percent_sign, find_figures
from .levels import level_subject
from .lexicon import (
    _DASH_MARKS,
    _MULTIPLIERS,
    _PHRASE_DROP,
    _REACH,
    _SKIPPABLE,
    CHANGE,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    COPULAS,
    DOWN,
    EXCEED,
    LOSING,
    OWNING,
    RATES,
    UP,
    Approx,
    Direction,
    Kind,
    Unit,
)
from .remnants import _may_be_nominative, _parallel, _remnant_noun, listed_before
from .subjects import (
    _agreeing_before,
    _linear_subject,
    _raised_object,
    change_subject,
    holder_of_amount,
    noun_subject,
    verb_subject,
)
from .tokens import _case, _finite, _genitive, _has_case, _parsed, _time_anchor, direction_of

# what money and ratios read a quantity with (the steps behind them stay private)
__all__ = [
    "CHANGE",
    "COMPARATIVE_DOWN",
    "COMPARATIVE_UP",
    "COPULAS",
    "DOWN",
    "UP",
    "RULES",
    "Approx",
    "Context",
    "Direction",
    "Figure",
    "Kind",
    "Reading",
    "Scan",
    "Unit",
    "approximation",
    "change_subject",
    "direction_of",
    "find_figures",
    "level_subject",
    "noun_subject",
    "preposition",
    "read",
    "resolve",
    "subject_phrase",
    "verb_subject",
]


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
    rule: str = ""  # the name of the rule of :data:`RULES` that read it (``--explain``)
    # the names of the rules of carry.CARRY_RULES that completed it from the figures before
    carried: tuple[str, ...] = ()


class Context:
    """What the rules of :data:`RULES` read one figure from: the figure, its sentence, the word
    after it, and what its neighbourhood says, each read once (on first use) and shared."""

    def __init__(self, figure: Figure, sent: Span, after: Token | None, scan: Scan) -> None:
        self.figure = figure
        self.sent = sent
        self.after = after
        self.scan = scan
        anchor = figure.anchor
        if anchor.head.i == figure.first.i != anchor.i and figure.low is not None:
            anchor = figure.first  # "от 10 до 30 %": the parse hangs the range on its first number
        self.anchor = anchor
        self.prep = preposition(figure, sent)
        self.approx: Approx = approximation(figure, sent)
        self.parsed = _parsed(anchor)
        self.before = listed_before(figure, sent)
        pair = _remnant_noun(self.before) if self.before is not None else (None, None)
        self.remnant, self.oblique = pair

    @cached_property
    def own(self) -> bool:
        """ "(58 % затрат)": the figure has its own genitive noun."""
        return self.parsed and _genitive(self.anchor) is not None

    @cached_property
    def bracketed(self) -> bool:
        """A figure alone in brackets after an item of a list ("министерством курортов (94,6
        %)"), or after an amount ("… на 50 тыс. человек (0,3 %)")."""
        amount = self.remnant is not None and _counted(self.remnant)
        return (self.remnant is None or amount) and _bracketed(self.before) and not self.own

    @cached_property
    def item(self) -> Token | None:
        """The item a bracketed figure follows ("геодезии (18 %)"), whatever its case."""
        item = (self.oblique or _last_noun(self.before)) if self.bracketed else None
        if item is not None and self.before is not None:
            item = _head_of_item(item, self.before)
        return holder_of_amount(item) if item is not None else None

    @cached_property
    def qualified(self) -> Token | None:
        """The noun an adjective figure qualifies ("10-процентный рост")."""
        return _qualified(self.figure, self.after)

    @cached_property
    def owner(self) -> Token | None:
        """The verb of owning a stake hangs on ("«Вектор» принадлежит городу на 60 %")."""
        return _stake_verb(self.figure, self.sent) if self.prep == "на" else None

    @cached_property
    def predicate(self) -> Token | None:
        """The word of change a level depends on: the verb governing it, or for "до", "с" the
        word of change before it ("возрасти до 10 %")."""
        if self.owner is not None:
            return None  # (a stake, whatever far verb the parse hangs it on)
        verb = _governing_verb(self.anchor) if self.parsed else None
        predicate = verb if verb is not None and verb.lemma_ in CHANGE else None
        if predicate is None and self.prep in ("до", "с", "со"):
            predicate = _linear_change(self.figure, self.scan)
        return predicate

    @cached_property
    def subject(self) -> Token | None:
        """What a level measures, the first of these that the text gives."""
        figure, sent = self.figure, self.sent
        named = _named_after(figure, sent) if self.before is None and not self.own else None
        holder = _holder_after(figure, sent) if not self.own else None
        if holder is not None:
            return holder  # "принадлежит холдингу, 25 % у банка, 15 % — у частных инвесторов"
        if self.owner is not None and self.parsed:
            owned = verb_subject(self.owner)
            if owned is not None:
                return owned  # "«Вектор» принадлежит городу на 60 %": what is owned
        if self.qualified is not None:
            return self.qualified  # "под 10-процентную ставку", "49 %-ной доли"
        if named is not None:
            return named  # "из них 55 % — оклад", "40 % составляют подростки"
        if self.before is not None and _places_listed(figure, sent) is not None:
            # "Он отмечается в горных районах: Верхнеборском — 41,2 %, Заречинском — 39,8 %": items
            # of places after a colon; the figure measures the subject of the clause before it
            return _places_listed(figure, sent)
        if self.remnant is not None and not (self.own and _colon_before(figure, sent)):
            # (after a colon a share's own genitive wins: "ситуация хуже: уже 35 % таких
            # аварий …")
            return self.remnant  # "Иван Петров — 52,1 %", "холдинг (48 %)"
        if self.item is not None:
            return self.item  # "управлением связи (88,5 %)": the item listed
        if self.parsed:
            return level_subject(self.anchor, self.after, figure)
        # a sentence without a parse: the noun after it
        after = self.after
        return after if after is not None and after.pos_ in ("NOUN", "PROPN") else None


def signed_change(c: Context) -> Reading | None:
    """ "Экспорт леса: минус 18 %", "Плюс 7 % к пенсиям", "130 таких пожаров (+4 %)"."""
    sign = _sign(c.figure, c.sent)
    if sign is None:
        return None
    # "130 таких пожаров (+4 %)": the item before the bracket, whatever its case
    item = c.oblique if c.remnant is None and _bracketed(c.before) else None
    subject = c.remnant or item or _addressee(c.figure, c.sent)
    change = None if subject is not None else c.scan.any_change_at(c.figure.first.i)
    if change is not None:  # "выручка выросла до 5 млрд рублей (+12 %)"
        subject = _changed(change, c.sent)
    return Reading(c.approx, "change", sign, change, subject, listed=c.before is not None)


def change_by(c: Context) -> Reading | None:
    """ "выросла на 5 %", "от 8 до 12 %" (a range of the change), "зарплаты — на 2 %"; not a
    stake ("принадлежит городу на 60 %")."""
    if c.prep not in ("на", "от") or (c.prep == "на" and _stake(c.figure, c.sent)):
        return None
    change = _linear_change(c.figure, c.scan)
    if change is None and c.parsed:
        change = _elided_change(c.anchor, c.scan) or _governing_change(c.anchor)
        change = change or _change_noun_happening(c.anchor)
    return _change(c, change) if change is not None else None


def sized_change(c: Context) -> Reading | None:
    """ "рост в 5 %", "со снижением продаж в 3 %": a noun of change sized by "в"."""
    if c.prep != "в":
        return None
    change = _sized_change(c.figure, c.anchor, c.scan)
    return _change(c, change) if change is not None else None


def amount_of_change(c: Context) -> Reading | None:
    """ "индекс прибавил 1,8 %", "рубль потерял 2,3 %": the object of a verb of change."""
    change = _amount_of_change(c.anchor) if c.prep is None and c.parsed else None
    if change is None:
        return None
    subject = c.remnant or verb_subject(change) or _linear_subject(change, c.sent)
    return Reading(c.approx, "change", direction_of(change), change, subject)


def lost_share(c: Context) -> Reading | None:
    """ "мэр потерял 12 % поддержки": a share of something a verb of losing takes is a fall of
    what its genitive measures (not a level: "уволили 10 % сотрудников" is one)."""
    if c.prep is not None or not c.parsed or not c.own:
        return None
    verb = c.anchor.head
    if verb.i == c.anchor.i or verb.lemma_ not in LOSING or c.anchor.dep_ not in ("obj", "obl"):
        return None
    return Reading(c.approx, "change", "down", verb, _genitive(c.anchor))


def items_of_change(c: Context) -> Reading | None:
    """ "показатель вырос в Тверской (12,4 %), Курской (8,1 %)", "снижение числа
    исследований по химии (37 %), геологии (30 %)": the bracketed items of a change."""
    changed = c.scan.any_change_at(c.figure.first.i) if c.bracketed and c.prep is None else None
    if changed is None or changed.lemma_ in EXCEED:
        return None  # ("превысил 3 млрд рублей (3 млрд 450 млн)": a bound, not a change)
    if c.own or not _same_sentence(changed, c.figure):
        return None
    item = c.item
    # a place or an amount of the change ("сократилось на 93 тыс. человек (0,06 %)") is not
    # what changed
    if item is not None and (_case(item, "Loc") or _counted(item)):
        item = None
    subject = item or _changed(changed, c.sent)
    return Reading(c.approx, "change", direction_of(changed), changed, subject, listed=True)


def qualified_change(c: Context) -> Reading | None:
    """ "7-процентный рост пошлин": the change noun an adjective figure qualifies."""
    qualified = c.qualified
    if qualified is None or qualified.lemma_ not in CHANGE:
        return None
    return Reading(c.approx, "change", direction_of(qualified), qualified, _noun_of(qualified))


def change_noun(c: Context) -> Reading | None:
    """ "рост продаж составил 6,2 %", "рост числа читателей — 20 %"."""
    noun = _change_noun_subject(c.anchor) if c.parsed else None
    if noun is None:
        return None
    subject = noun_subject(noun)
    remnant = c.remnant
    if remnant is not None and remnant.i > noun.i and remnant.lemma_ not in CHANGE:
        # "рост выручки составил 9 %, а прибыли — 2 %" with a nominative remnant: "рост продаж
        # составил 9 %, а экспорт — 2 %": the remnant restates what changed
        subject = remnant
    return Reading(c.approx, "change", direction_of(noun), noun, subject)


def change_noun_remnant(c: Context) -> Reading | None:
    """ "рост тарифов — 9 %": a remnant before the figure that is itself a change noun."""
    remnant = c.remnant
    if remnant is None or remnant.lemma_ not in CHANGE:
        return None
    return Reading(c.approx, "change", direction_of(remnant), remnant, _noun_of(remnant))


def level_of_change(c: Context) -> Reading | None:
    """ "возрасти до 10 %", "снизилась с 10 % до 8 %": levels before and after the change
    ("до" marks the level reached, not an upper bound)."""
    predicate = c.predicate
    if predicate is None or c.prep not in ("до", "с", "со"):
        return None
    return Reading("exact", "level", "none", predicate, _changed(predicate, c.sent))


def rate_of_change(c: Context) -> Reading | None:
    """ "рост составит 5 %", "1,8 % роста выпуска", "темпы роста не ниже 2 %": a change
    stated as a noun; what changed is its genitive ("экономики"), else the noun itself."""
    if c.prep in ("до", "с", "со") or not c.parsed:
        return None
    subject = c.subject
    rate = _rate_of_change(subject)
    if rate is None or subject is None:
        return None
    changed = noun_subject(subject) if subject.lemma_ in CHANGE else None
    return Reading(c.approx, "change", direction_of(rate), rate, changed or subject)


def bound(c: Context) -> Reading | None:
    """ "доля превысила 50 %", "явка не превысит 35 %": a level bounded by a verb of
    exceeding."""
    predicate = c.predicate
    if predicate is None or predicate.lemma_ not in EXCEED or c.prep is not None:
        return None
    if c.approx != "exact":
        return None
    negated = any(child.lower_ == "не" for child in predicate.children)
    return _level(c, "less_than" if negated else "more_than")


def level(c: Context) -> Reading:
    """Every other figure: a level of what its context names ("Иван Петров — 52,1 %", "из
    них 55 % — оклад", "40 % опрошенных")."""
    return _level(c, c.approx)


def _change(c: Context, change: Token) -> Reading:
    """The change a preposition ties the figure to ("на", "от", "в") and what changed."""
    remnant, oblique = c.remnant, c.oblique
    subject = None if remnant is not None else (_remnant(c.anchor) if c.parsed else None)
    subject = subject or _changed(change, c.sent) or remnant
    if oblique is not None:
        # "зарплаты — на 2 %" tagged genitive is still the subject, but "аэропорта Сочи
        # вырос ..., Краснодара — на 9 %" restates the genitive of the subject
        restated = subject is not None and _parsed(subject) and _genitive(subject)
        # (but after a colon the items break the whole down: "стало меньше
        # поломок: лифтов — на 14 %, насосов — на 22 %")
        subject = subject if restated and not _colon_between(change, c.figure) else oblique
        if _case(oblique, "Ins") and _changed(change, c.sent) is not None:
            # "выросли продажи хлеба: магазинами — на 12 %, рынками — на 5 %": an item in
            # the instrumental is by whom, not what changed
            subject = _changed(change, c.sent)
    elif remnant is not None and subject is not None and subject.i != remnant.i:
        # "цена на бензин АИ-92 выросла на 3 %, АИ-95 — на 4 %": the remnant restates a
        # dependent of the subject, not the subject
        subject = subject if _parallel(remnant, subject, change) else remnant
    listed = c.before is not None  # ("Камчатки — на 23 %": a place is where; see the facts)
    return Reading(c.approx, "change", direction_of(change), change, subject, listed=listed)


def _level(c: Context, approx: Approx) -> Reading:
    # a genitive remnant ("«Спартака» — 60 %") restates a genitive: the previous subject
    restating = c.oblique is None or _case(c.oblique, "Gen")
    elided = c.before is not None and c.remnant is None and restating and c.item is None
    return Reading(approx, "level", "none", c.predicate, c.subject, elided, c.before is not None)


Rule = Callable[[Context], Reading | None]

RULES: tuple[tuple[str, Rule], ...] = (
    ("signed_change", signed_change),  # "минус 18 %", "(+5 %)"
    ("change_by", change_by),  # "выросла на 5 %", "от 8 до 12 %"
    ("sized_change", sized_change),  # "рост в 5 %"
    ("amount_of_change", amount_of_change),  # "индекс прибавил 1,8 %"
    ("lost_share", lost_share),  # "потерял 12 % поддержки"
    ("items_of_change", items_of_change),  # "вырос в Тверской (12,4 %), Курской (8,1 %)"
    ("qualified_change", qualified_change),  # "10-процентный рост"
    ("change_noun", change_noun),  # "рост продаж составил 6,2 %"
    ("change_noun_remnant", change_noun_remnant),  # "рост тарифов — 9 %"
    ("level_of_change", level_of_change),  # "возрасти до 10 %", "снизилась с 10 %"
    ("rate_of_change", rate_of_change),  # "рост составит 5 %", "1,8 % роста выпуска"
    ("bound", bound),  # "доля превысила 50 %"
    ("level", level),  # "Иван Петров — 52,1 %", "40 % опрошенных"
)
"""The rules that read a figure, in the order they are tried: the first that reads it decides
(a sign before a preposition, a change before a level, a level of a change before a rate, a
bound before a plain level; the last, ``level``, always decides)."""


def read(
    figure: Figure, sent: Span, after: Token | None = None, scan: Scan | None = None
) -> Reading:
    """approx, kind, direction, predicate and subject of one figure, and the name of the rule
    of :data:`RULES` that read them (``Reading.rule``).

    ``after``: the word after the figure or the list it ends ("50 % и 30 % скидку");
    ``scan``: the sentence's :class:`Scan`, when the caller reads several figures of it.
    """
    context = Context(figure, sent, after, scan or Scan(sent))
    for name, rule in RULES:
        reading = rule(context)
        if reading is not None:
            return replace(reading, rule=name)
    raise AssertionError("the last rule, level, always decides")  # pragma: no cover


def _holder_after(figure: Figure, sent: Span) -> Token | None:
    """ "60 % акций принадлежит холдингу, 25 % у банка, 15 % — у частных инвесторов": after a
    verb of owning, a share followed by "у" and a genitive names its holder."""
    doc = figure.first.doc
    i = figure.last.i + 1
    while i < sent.end and doc[i].text in _DASH_MARKS:
        i += 1
    if i >= sent.end or doc[i].lower_ != "у":
        return None
    i += 1
    while i < sent.end and doc[i].pos_ in ("ADJ", "DET") and i - figure.last.i < 6:
        i += 1
    if i >= sent.end or doc[i].pos_ not in ("NOUN", "PROPN") or not _case(doc[i], "Gen"):
        return None
    start = max(sent.start, figure.first.i - 3 * _REACH)
    return doc[i] if any(t.lemma_ in OWNING for t in doc[start : figure.first.i]) else None


def _named_after(figure: Figure, sent: Span) -> Token | None:
    """ "из них 55 % — оклад", "из которых 40 % составляют подростки": the
    nominative noun "составлять", or a dash after a partitive, names right after the figure."""
    doc = figure.first.doc
    i = figure.last.i + 1
    end = min(sent.end, i + 6)
    if i >= end or not (doc[i].text in ("—", "–", "-") or doc[i].lemma_ == "составлять"):
        return None
    partitive = any(
        doc[k].lower_ == "из" and doc[k + 1].lemma_ in ("они", "который")
        for k in range(max(sent.start, figure.first.i - _REACH), figure.first.i - 1)
    )  # ("из них 70 % — выплаты, а 30 % — премии")
    if doc[i].lemma_ != "составлять" and not partitive:
        return None  # (a dash may open a comment: "33,4 % – таковы данные опроса")
    i += 1
    while i < end and doc[i].pos_ in ("ADJ", "DET"):
        i += 1
    if i >= end or doc[i].pos_ != "NOUN" or _time_anchor(doc[i]):
        return None
    # (the tagger may read "премии" as a genitive: the dictionary allows the nominative)
    return doc[i] if _case(doc[i], "Nom") or _may_be_nominative(doc[i]) else None


def _places_listed(figure: Figure, sent: Span) -> Token | None:
    """The subject of the clause before a colon whose list opens with a place ("в районах:
    Верхнеборском — 41,2 %"): the noun before the colon or the first item in the prepositional
    case; else None."""
    doc = figure.first.doc
    start = max(sent.start, figure.first.i - _REACH)
    colons = [i for i in range(start, figure.first.i) if doc[i].text == ":"]
    if not colons or colons[-1] + 1 >= figure.first.i:
        return None
    first = doc[colons[-1] + 1]
    verb = doc[colons[-1] - 1].head if colons[-1] > sent.start else None
    where = _case(first, "Loc") or _case(doc[colons[-1] - 1], "Loc")  # "в районах:"
    if not where or verb is None:
        return None
    for _ in range(4):  # up to the predicate: a verb or a short adjective ("велик", "выше")
        if verb.pos_ in ("VERB", "AUX", "ADJ") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb_subject(verb) if verb.pos_ in ("VERB", "AUX", "ADJ") else None


def _head_of_item(noun: Token, phrase: Span) -> Token:
    """The head of the item a bracket follows: up the chain of genitives and conjuncts
    ("министерством лесного и водного хозяйства (96 %)" -> министерство; the listed phrase
    may stop at the "и"), not past a comma, a bracket or a preposition."""
    doc = noun.doc
    for _ in range(4):
        head = noun.head
        if head.i >= noun.i or head.i < phrase.start - _REACH:
            break
        if head.pos_ not in ("NOUN", "PROPN"):
            break
        if noun.dep_ == "conj":
            pass  # "проверок и ревизий": the first conjunct
        elif noun.dep_ != "nmod" or _has_case(noun) or not _case(noun, "Gen"):
            break
        if any(token.text in ",;()" for token in doc[head.i : noun.i]):
            break
        noun = head
    return noun


def _same_sentence(word: Token, figure: Figure) -> bool:
    """Whether a word of change (not a comparative) stands near before the figure with no full
    stop between (a text may glue sentences: "в прошлом году.Больше всех …")."""
    if word.lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
        return False
    doc = word.doc
    near = figure.first.i
    while near - word.i > _REACH:
        # a long list of items in brackets ("в Тверской (12,4 %), …, а также в Карелии
        # (31 %)"): each item need only be near the bracket of the item before it
        near = next(
            (
                i
                for i in range(near - 1, max(word.i, near - _REACH), -1)
                if doc[i].text == ")" and _is_percent_sign(doc[i - 1])
            ),
            -1,
        )
        if near < 0:
            return False
    for i in range(word.i, figure.first.i):
        if doc[i].text in ("!", "?") or (doc[i].text == "." and doc[i + 1].text[:1].isupper()):
            return False  # (not the dot of "тыс.")
    return True


def _counted(noun: Token) -> bool:
    """Whether a number counts the noun ("93,5 тыс. человек")."""
    doc = noun.doc
    i = noun.i - 1
    while i > 0 and noun.i - i < 4 and (doc[i].text == "." or doc[i].lower_ in _MULTIPLIERS):
        i -= 1  # "93,5 тыс. человек"
    by_parse = any(child.dep_.startswith("nummod") for child in noun.children)
    return by_parse or (i >= 0 and i < noun.i and (doc[i].like_num or doc[i].pos_ == "NUM"))


def _colon_before(figure: Figure, sent: Span) -> bool:
    """Whether a colon stands right before the figure (past the words of approximation)."""
    doc = figure.first.doc
    i = figure.first.i - 1
    while i > sent.start and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i >= sent.start and doc[i].text == ":"


def _colon_between(word: Token, figure: Figure) -> bool:
    doc = figure.first.doc
    start = max(word.i, figure.first.i - _REACH)  # (a bounded look back)
    return word.i < figure.first.i and any(t.text == ":" for t in doc[start : figure.first.i])


def _last_noun(phrase: Span | None) -> Token | None:
    """The noun nearest to the end of a phrase ("по прикладной химии"), not a time word."""
    elided = True  # only adjectives so far ("в Тверской (12,4 %)")
    for token in reversed(phrase or ()):
        if token.pos_ in ("NOUN", "PROPN") and not _time_anchor(token):
            return token
        if _substantive_group(token) and token.doc[token.i - 1].pos_ != "ADP":
            return token  # "почти столько же горожан (39 %)" (not "у половины из …")
        if token.pos_ == "ADP" and elided:
            return None  # "в Тверской (12,4 %)": the item's noun is elided, not further back
        elided = elided and token.pos_ in ("ADJ", "DET", "PUNCT")
    return None


def _substantive_group(token: Token) -> bool:
    """A plural genitive participle used as a noun of people ("опрошенных")."""
    if token.pos_ != "VERB" or "Part" not in morph_values(token, "VerbForm"):
        return False
    return _case(token, "Gen") and morph_values(token, "Number") == ["Plur"]


def _bracketed(phrase: Span | None) -> bool:
    return phrase is not None and phrase.doc[phrase.end].text == "("


def _stake(figure: Figure, sent: Span) -> bool:
    """Whether a verb of owning stands before the figure in its clause: "«Вектор» принадлежит
    городу на 60 %" is a share, not a change."""
    return _stake_verb(figure, sent) is not None


def _stake_verb(figure: Figure, sent: Span) -> Token | None:
    """The verb of owning before the figure in its clause, else None."""
    doc = figure.first.doc
    for i in range(figure.first.i - 1, max(sent.start, figure.first.i - 8) - 1, -1):
        if doc[i].lemma_ in OWNING:
            return doc[i]
        if doc[i].text in ",;" or _finite(doc[i]):
            return None
    return None


def _rate_of_change(noun: Token | None) -> Token | None:
    """The word of change a level's noun names: the noun itself ("рост", "снижение"), or the
    genitive of a rate ("темпы роста")."""
    if noun is None or noun.pos_ != "NOUN":
        return None
    if noun.lemma_ in CHANGE:
        return noun
    genitive = _genitive(noun) if noun.lemma_ in RATES else None
    return genitive if genitive is not None and genitive.lemma_ in CHANGE else None


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
        return found or noun or _accompanying(change) or _linear_subject(change, sent)
    return noun or _linear_subject(change, sent)


def _accompanying(change: Token) -> Token | None:
    """ "выручка составит 3 млн евро с ростом на 8 %": a noun of change in a "с"
    phrase with nothing of its own changes the subject of the verb it goes with."""
    if change.pos_ != "NOUN" or not any(c.lower_ in ("с", "со") for c in change.children):
        return None
    verb = change.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == change.i:
        return None
    return verb_subject(verb) or (_agreeing_before(verb) if verb.i < change.i else None)


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
