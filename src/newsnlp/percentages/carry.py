"""Completing a figure's reading from the figures before it: the ordered table of named rules
:data:`CARRY_RULES` (the figure before in the sentence, then what the sentences before carry:
a poll's group, the last change, the last level), applied by :func:`carried`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Span, Token

from ..places import PLACE_NOUNS
from .anaphora import Carry, _people, previous_subject
from .change import preposition
from .figures import Figure
from .lexicon import _BASES, _LIST_GLUE, _REACH, _SKIPPABLE, FRACTIONS
from .lists import _own_genitive
from .period import PlaceIndex
from .reading import Reading, _counted
from .tokens import _finite, _parsed, direction_of


class Neighbours:
    """What the rules of :data:`CARRY_RULES` complete one figure's reading from: the figure, its
    reading so far (each rule that applies replaces it), its sentence, the figure before it in
    the sentence and that one's reading (both None for the first), what carries over from the
    sentences before (``carry``) and the article's places."""

    def __init__(
        self,
        figure: Figure,
        reading: Reading,
        sent: Span,
        previous: Reading | None,
        before: Figure | None,
        carry: Carry | None,
        places: PlaceIndex,
    ) -> None:
        self.figure, self.reading, self.sent = figure, reading, sent
        self.previous, self.before = previous, before
        self.carry, self.places = carry, places

    @cached_property
    def prep(self) -> str | None:
        """The preposition before the figure ("против 4,2 %")."""
        return preposition(self.figure, self.sent)


def listed_change(c: Neighbours) -> Reading | None:
    """ "Курс евро прибавил 1,2 %, а доллар — 0,8 %": the change before, shaped alike."""
    if c.previous is None or c.before is None:
        return None
    return _carried_change(c.reading, c.figure, c.previous, c.before, c.sent)


def base_of_level(c: Neighbours) -> Reading | None:
    """ "безработица составила 4 % против 4,2 % в ноябре": the base measures the same."""
    reading, previous = c.reading, c.previous
    if previous is None or c.prep not in _BASES:
        return None
    if reading.kind != "level" or previous.kind != "level":
        return None
    return replace(reading, subject=previous.subject)


def base_of_change(c: Neighbours) -> Reading | None:
    """ "вырос на 2,5 % – против 4,2 % в ноябре": the base of a change is a change too."""
    reading, previous = c.reading, c.previous
    if previous is None or c.prep not in _BASES:
        return None
    if reading.kind != "level" or previous.kind != "change":
        return None
    return replace(
        previous, approx=reading.approx, elided=False, listed=reading.listed, rule=reading.rule
    )


def same_group_share(c: Neighbours) -> Reading | None:
    """ "38 % респондентов не доверяют банкам, а 41 % — ...": the later share of a clause
    joined to the first counts the same people."""
    reading, previous = c.reading, c.previous
    if previous is None or c.before is None:
        return None
    if reading.subject is not None and not _elided_verb_after(c.figure, previous):
        return None
    if not _partitive_carries(reading, previous, c.before, c.figure, c.sent):
        return None
    return replace(reading, subject=previous.subject)


def _elided_verb_after(figure: Figure, previous: Reading) -> bool:
    """ "49 % участников предпочитают радио, а 51 % — газеты": a share right before a dash
    (its verb left out) after a share of a group of people counts that group, whatever noun
    the parse gives it."""
    doc = figure.last.doc
    i = figure.last.i + 1
    dash = i < len(doc) and doc[i].text in ("—", "–", "-")
    return dash and previous.subject is not None and _people(previous.subject)


def relative_level(c: Neighbours) -> Reading | None:
    """ "достиг 71 %, что на 3 п. п. выше": "что" stands for the level before."""
    reading, previous = c.reading, c.previous
    if previous is None or c.before is None or reading.subject is not None:
        return None
    if not _relative_between(c.before, c.figure):
        return None
    return replace(reading, subject=previous.subject)


def remnant_subject(c: Neighbours) -> Reading | None:
    """ "ставка по вкладам — 12 %, по кредитам — 18 %": the remnant has no noun of its own;
    the previous figure's subject carries over."""
    reading, previous = c.reading, c.previous
    if previous is None or not reading.elided or reading.kind != "level":
        return None
    return replace(reading, subject=previous.subject)


def listed_subject(c: Neighbours) -> Reading | None:
    """ "… 210 аварий (+5 %), в области — 150 (+7,1 %)", "52 % гостей приехали поездом,
    30 % — автобусами": a listed figure with no noun of its own."""
    reading, previous = c.reading, c.previous
    if previous is None or reading.subject is not None or not reading.listed:
        return None
    return replace(reading, subject=previous.subject)


def opening_change_noun(c: Neighbours) -> Reading | None:
    """ "Сбор ягод достиг 900 тонн. Падение на 6 % ...": a change noun opening its
    sentence with nothing named as changing measures the subject of the sentence before."""
    change = _lone_change_noun(c.reading)
    if change is None or change.i - c.sent.start >= 3:
        return None
    return replace(c.reading, subject=previous_subject(c.sent))


def change_noun_subject(c: Neighbours) -> Reading | None:
    """ "весной наблюдалось падение на 4 %": a change noun with nothing named as changing is
    itself what the figure measures."""
    change = _lone_change_noun(c.reading)
    if change is None:
        return None
    return replace(c.reading, subject=change)


def change_before(c: Neighbours) -> Reading | None:
    """ "… выросло на 25 %. Во втором полугодии – на 60 %": a remnant level after "на" is the
    change of the sentences before (a place is where, not what: "в Северном
    округе — на 35 %")."""
    reading, carry = c.reading, c.carry
    if carry is None or carry.change is None:
        return None
    if reading.kind != "level" or reading.predicate is not None:
        return None
    if c.prep != "на" or not _opens_remnant(c.figure, c.sent):
        return None
    word, subject = carry.change
    own = reading.subject if not _a_place(reading.subject, c.places) else None
    return replace(
        reading,
        kind="change",
        direction=direction_of(word),
        predicate=word,
        subject=own or subject,
    )


def subject_of_change_before(c: Neighbours) -> Reading | None:
    """ "… стало больше на 12 %. В марте – меньше на 9 %": a change in a remnant that
    names nothing as changing measures what the change of the sentences before did."""
    reading, carry = c.reading, c.carry
    if carry is None or carry.change is None or carry.change[1] is None:
        return None
    if reading.kind != "change" or reading.subject is not None:
        return None
    if not _opens_remnant(c.figure, c.sent):
        return None
    return replace(reading, subject=carry.change[1])


def place_of_change(c: Neighbours) -> Reading | None:
    """ "…, в Северном округе — на 35 %": a listed place is where the change of the
    sentences before happened, not what changed. (After :func:`change_before` it has nothing
    left to do: that one never takes a place for the subject.)"""
    reading, carry = c.reading, c.carry
    if carry is None or carry.change is None or carry.change[1] is None:
        return None
    if reading.kind != "change" or not reading.listed:
        return None
    if not _a_place(reading.subject, c.places):
        return None
    return replace(reading, subject=carry.change[1])


def group_before(c: Neighbours) -> Reading | None:
    """ "Не поддерживают реформу … 41 %": a share with no subject of its own counts the group of
    people the article last named (see :class:`Carry`)."""
    reading, carry = c.reading, c.carry
    if carry is None or reading.kind != "level" or reading.subject is not None:
        return None
    if not _parsed(c.figure.anchor):
        return None
    return replace(reading, subject=carry.carry(c.figure.anchor))


def _counts(figure: Figure, subject: Token | None) -> bool:
    """Whether the subject is the figure's own genitive right after it ("38 % опрошенных"), or
    a group a fraction counts that the bracketed figure restates ("треть опрошенных (34 %)")."""
    if subject is None:
        return False
    fraction = subject.head.lemma_ in FRACTIONS and subject.head.i < subject.i < figure.first.i
    return fraction or 0 < subject.i - figure.last.i <= 3


def level_before(c: Neighbours) -> Reading | None:
    """ "Доля импорта должна составить 17 % через год. К 2030 году — 40 %": a level with no
    subject in a remnant that opens its sentence measures what the level before measured."""
    reading, carry = c.reading, c.carry
    if carry is None or carry.level is None or reading.kind != "level":
        return None
    if reading.subject is not None or c.previous is not None:
        return None
    if not _opens_remnant(c.figure, c.sent) or not _dash_before(c.figure, c.sent):
        return None
    return replace(reading, subject=carry.level)


def _dash_before(figure: Figure, sent: Span) -> bool:
    """Whether a dash stands before the figure in its sentence, near it."""
    doc = figure.first.doc
    start = max(sent.start, figure.first.i - _REACH)
    return any(token.text in "—–-" for token in doc[start : figure.first.i])


def split_share(c: Neighbours) -> Reading | None:
    """ "результат будет примерно 60 % на 40 %": the second share of a split measures the same
    as the first."""
    reading, previous, before = c.reading, c.previous, c.before
    if previous is None or before is None or reading.subject is not None:
        return None
    if reading.kind != "level" or previous.kind != "level" or c.prep != "на":
        return None
    if before.last.i + 2 != c.figure.first.i:  # only "на" between them
        return None
    return replace(reading, subject=previous.subject)


def _lone_change_noun(reading: Reading) -> Token | None:
    """The change noun of a change with no subject, else None."""
    if reading.subject is not None or reading.kind != "change" or not reading.predicate:
        return None
    return reading.predicate if reading.predicate.pos_ == "NOUN" else None


CarryRule = Callable[[Neighbours], Reading | None]

CARRY_RULES: tuple[tuple[str, CarryRule], ...] = (
    ("listed_change", listed_change),  # "Курс евро прибавил 1,2 %, а доллар — 0,8 %"
    ("base_of_level", base_of_level),  # "4 % против 4,2 %"
    ("base_of_change", base_of_change),  # "вырос на 2,5 % – против 4,2 %"
    ("same_group_share", same_group_share),  # "38 % респондентов …, а 41 % — …"
    ("relative_level", relative_level),  # "достиг 71 %, что на 3 п. п. выше"
    ("remnant_subject", remnant_subject),  # "по вкладам — 12 %, по кредитам — 18 %"
    ("listed_subject", listed_subject),  # "52 % гостей приехали поездом, 30 % — автобусами"
    ("opening_change_noun", opening_change_noun),  # "… 900 тонн. Падение на 6 %"
    ("change_noun_subject", change_noun_subject),  # "наблюдалось падение на 4 %"
    ("change_before", change_before),  # "… выросло на 25 %. Во втором полугодии – на 60 %"
    ("subject_of_change_before", subject_of_change_before),  # "… В марте – меньше на 9 %"
    ("place_of_change", place_of_change),  # "…, в Северном округе — на 35 %"
    ("split_share", split_share),  # "примерно 60 % на 40 %"
    ("level_before", level_before),  # "… составить 17 % через год. К 2030 году — 40 %"
    ("group_before", group_before),  # "41 % опрошенных … Не поддерживают реформу … 30 %"
)
"""The rules that complete a figure's reading from the figures before it, in the order they
are applied: each that applies replaces the reading the next ones see (the figure before in
the sentence first, then the sentence before; a change noun's own subject before the noun
itself); the names of those that changed it are recorded on the reading (``Reading.carried``,
``newsnlp analyze --explain``)."""


def carried(c: Neighbours) -> Reading:
    """A figure's reading completed by the rules of :data:`CARRY_RULES`, and noted in what
    carries over to the sentences after (the group a poll counts, the last change)."""
    names = []
    for name, rule in CARRY_RULES:
        reading = rule(c)
        if reading is not None:
            if reading is not c.reading and reading != c.reading:  # (a rule may keep it)
                names.append(name)
            c.reading = reading
    reading = replace(c.reading, carried=tuple(names))
    if c.carry is not None:
        if reading.kind == "level" and reading.subject is not None:
            c.carry.level = reading.subject
        if reading.kind == "level" and (not reading.listed or _counts(c.figure, reading.subject)):
            # (an item of a list, "студенты вузов (52 %)", is a part of the group, not
            # the group a poll's later shares count; "…, 38 % опрошенных" counts it)
            c.carry.note(reading.subject)
        elif reading.predicate is not None:
            c.carry.change = (reading.predicate, reading.subject)
    return reading


def _a_place(token: Token | None, places: PlaceIndex) -> bool:
    """Whether the token is (inside) a mention of one of the article's places, or a place noun
    after a preposition of place ("в Северном районе", "в регионе Южный Урал"), whatever
    place mention the recognizer found around it."""
    if token is None:
        return False
    return places.holds(token.idx) or _place_noun_where(token)


def _place_noun_where(token: Token) -> bool:
    """ "в Северном районе", "на острове Русский": a place noun (:data:`PLACE_NOUNS`) that a
    preposition of place governs."""
    if token.lemma_ not in PLACE_NOUNS:
        return False
    return any(
        child.dep_ == "case" and child.lower_ in _WHERE and child.i < token.i
        for child in token.children
    )


# prepositions of place: "в районе", "во округе", "на острове"
_WHERE = frozenset({"в", "во", "на"})


def _opens_remnant(figure: Figure, sent: Span) -> bool:
    """Whether the figure stands after a dash ("Во II полугодии – на 60 %") or opens its
    sentence, with no verb before it in the sentence."""
    doc = figure.first.doc
    start = max(sent.start, figure.first.i - _REACH)  # (a bounded look back)
    before = doc[start : figure.first.i]
    if any(_finite(token) for token in before):
        return False
    opens = start == sent.start and not before
    return opens or any(token.text in "—–-" for token in before)


def _partitive_carries(
    reading: Reading, previous: Reading, before: Figure, figure: Figure, sent: Span
) -> bool:
    """Whether a level with no subject opens a clause joined ("а", "и", a comma) to one whose
    level counts its own genitive ("38 % респондентов")."""
    if reading.kind != "level" or previous.kind != "level":
        return False
    if not (
        _own_genitive(before)
        or _counts(before, previous.subject)
        or _elided_verb_after(figure, previous)
    ):
        return False  # (the parse may hang the genitive elsewhere: "52 % гостей приехали")
    doc = figure.first.doc
    i = figure.first.i - 1
    while i > sent.start and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    return i > before.last.i and doc[i].lower_ in _LIST_GLUE


def _relative_between(before: Figure, figure: Figure) -> bool:
    """ "достиг 71 %, что на 3 п. п. выше", "поддерживают 41 % горожан — на 2 п. п. меньше":
    the second figure compares the first with another time."""
    doc = figure.first.doc
    span = doc[before.last.i + 1 : figure.first.i]
    if len(span) <= 4 and any(token.lower_ == "что" for token in span):
        return True
    # (a dash after the first figure and its genitive, then "на N")
    dash = [token for token in span if token.text in ("—", "–")]
    words = [token for token in span if not token.is_punct]
    own = len(words) == 2 and words[0].pos_ in ("NOUN", "VERB", "ADJ") and words[1].lower_ == "на"
    return len(dash) == 1 and (own or [w.lower_ for w in words] == ["на"])


def _carried_change(
    reading: Reading, figure: Figure, previous: Reading, before: Figure, sent: Span
) -> Reading:
    """ "Курс евро прибавил 1,2 %, а доллар — 0,8 %": a listed figure with no predicate of its
    own, shaped like the change before it (the same preposition or none), is that change."""
    if not reading.listed or reading.kind != "level" or reading.predicate is not None:
        return reading
    if previous.kind != "change" or preposition(figure, sent) != preposition(before, sent):
        return reading
    subject = reading.subject
    if reading.elided and previous.subject is not None:
        # "рост пошлины на пшеницу составил 12 %, на ячмень — 15 %": a remnant
        # with no noun of its own (a prepositional phrase) restates a dependent of the
        # subject before
        subject = previous.subject
    elif subject is not None and _parsed(subject) and _counted(subject):
        # "число врачей сократилось с 4 до 3 тыс. человек (на 25 %), а медсестёр — с 9 до 7
        # тыс. человек (на 22 %)": the unit an amount counts is not what changed
        subject = previous.subject or subject
    return replace(
        reading,
        kind="change",
        direction=previous.direction,
        predicate=previous.predicate,
        subject=subject,
    )
