"""The facts: each figure of a sentence with its reading, carried over from the figure before where
the text leaves it out, as a :class:`~newsnlp.schema.Percentage`; the spaCy component.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from typing import Protocol

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from .._batch import DocComponent, token_texts
from ..dates import DateIndex, period_of
from ..extensions import get_facts, set_facts
from ..schema import Percentage
from .anaphora import Carry, previous_subject, resolve
from .change import Scan, preposition
from .figures import Figure, _is_percent_noun, _is_percent_sign, find_figures
from .lexicon import _BASES, _LIST_GLUE, _REACH, _SKIPPABLE
from .lists import _own_genitive, groups, read_group
from .period import PlaceIndex, nearest, period_phrase, periods
from .ranker import KEPT_MARKS, Candidate, Memo, candidates, default_ranker
from .reading import Reading, _counted, subject_phrase
from .subjects import verb_subject
from .tokens import _case, _finite, _genitive, _parsed, _predicate_name, direction_of


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
    carry: Carry | None = None,
    chooser: Chooser | None = None,
    memo: Memo | None = None,
) -> list[Percentage]:
    """Every percentage fact of one sentence (``dates``: the document's date facts, else they
    are read from the document for each period; ``carry``: what carries over from the
    sentences before: the group a poll's shares count, the last change; ``chooser``: what
    chooses the subject among the candidates, the rules' choice among them (see
    :mod:`.ranker`); None keeps the rules' choice; ``memo``: what the chooser keeps across the
    sentences of an article)."""
    readings = list(sentence_readings(sent, places, people, carry, chooser, memo))
    if not readings:
        return []
    times = periods(sent)
    names = places.within(sent.start_char, sent.end_char)
    return [
        percentage(figure, reading, nearest(times, figure), names, people, dates)
        for figure, reading in readings
    ]


def sentence_readings(
    sent: Span,
    places: PlaceIndex,
    people: PeopleIndex | None = None,
    carry: Carry | None = None,
    chooser: Chooser | None = None,
    memo: Memo | None = None,
) -> Iterator[tuple[Figure, Reading]]:
    """Every figure of one sentence with its reading: the rule of the reading that read it
    (``Reading.rule``), completed from the figures before by :data:`CARRY_RULES`
    (``Reading.carried``), its subject chosen by ``chooser`` (see
    :func:`sentence_percentages`)."""
    figures = find_figures(sent)
    if not figures:
        return
    memo = memo or Memo()
    scan = Scan(sent)
    previous: Reading | None = None
    previous_figure: Figure | None = None
    for group in groups(figures):
        for figure, reading in zip(group, read_group(group, sent, scan)):
            subject = _not_a_figure(reading.subject, figure)
            reading = replace(reading, subject=resolve(subject, sent))
            reading = carried(
                Neighbours(figure, reading, sent, previous, previous_figure, carry, places)
            )
            review = chooser is not None and chooser.reranks
            if review and not getattr(chooser, "every_figure", False):
                review = not _theirs(reading, figure, sent, memo)
            if chooser is not None and (reading.subject is None or review):
                found = candidates(
                    figure,
                    sent,
                    reading.kind,
                    reading.predicate,
                    reading.subject,
                    reading.listed,
                    preposition(figure, sent),
                    _Tags(places, people),
                    _carried_words(carry),
                    memo,
                    reading.rule,
                    reading.carried,
                    previous.subject if previous is not None else None,
                )
                reading = replace(reading, subject=chooser.choose(found, figure))
            yield figure, reading
            previous, previous_figure = reading, figure


def _theirs(reading: Reading, figure: Figure, sent: Span, memo: Memo) -> bool:
    """Whether the rules' subject is theirs by a mechanism a reranking chooser keeps anyway
    (:func:`.ranker.rules_keep`; the candidates are not listed for it): completed from the
    figures before, from a sentence before, across a ";", ":" or relative word from the figure,
    or the nominal subject of the figure's predicate."""
    subject, predicate = reading.subject, reading.predicate
    if reading.carried or (subject is not None and subject.i < sent.start):
        return True
    if subject is None or figure.first.i <= subject.i <= figure.last.i:
        return False
    if subject.i < figure.first.i:
        low, high = subject.i + 1, figure.first.i
    else:
        low, high = figure.last.i + 1, subject.i
    if any(mark in KEPT_MARKS for mark in memo.window(sent).between(low, high)):
        return True
    return (
        predicate is not None
        and _parsed(predicate)
        and subject.dep_ == "nsubj"
        and subject.head.i == predicate.i != subject.i
    )


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
    if previous is None or c.before is None or reading.subject is not None:
        return None
    if not _partitive_carries(reading, previous, c.before, c.figure, c.sent):
        return None
    return replace(reading, subject=previous.subject)


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
    """ "… 210 аварий (+5 %), в области — 150 (+7,1 %)", "47 % туристов прибыли по мосту,
    37 % — самолётами": a listed figure with no noun of its own."""
    reading, previous = c.reading, c.previous
    if previous is None or reading.subject is not None or not reading.listed:
        return None
    return replace(reading, subject=previous.subject)


def opening_change_noun(c: Neighbours) -> Reading | None:
    """ "Объём перевозок составил 14 млн тонн. Снижение на 3 % ...": a change noun opening its
    sentence with nothing named as changing measures the subject of the sentence before."""
    change = _lone_change_noun(c.reading)
    if change is None or change.i - c.sent.start >= 3:
        return None
    return replace(c.reading, subject=previous_subject(c.sent))


def change_noun_subject(c: Neighbours) -> Reading | None:
    """ "в 2017 году отмечался рост на 20 %": a change noun with nothing named as changing is
    itself what the figure measures."""
    change = _lone_change_noun(c.reading)
    if change is None:
        return None
    return replace(c.reading, subject=change)


def change_before(c: Neighbours) -> Reading | None:
    """ "… выросло на 40 %. В третьем квартале – на 179 %": a remnant level after "на" is the
    change of the sentences before (a place is where, not what: "в регионе Восточное
    Средиземноморье — на 481 %")."""
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


def place_of_change(c: Neighbours) -> Reading | None:
    """ "…, в Европейском регионе — на 458 %": a listed place is where the change of the
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
    """ "Не одобряют работу … 33 %": a share with no subject of its own counts the group of
    people the article last named (see :class:`Carry`)."""
    reading, carry = c.reading, c.carry
    if carry is None or reading.kind != "level" or reading.subject is not None:
        return None
    if not _parsed(c.figure.anchor):
        return None
    return replace(reading, subject=carry.carry(c.figure.anchor))


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
    ("listed_subject", listed_subject),  # "47 % туристов прибыли по мосту, 37 % — самолётами"
    ("opening_change_noun", opening_change_noun),  # "… 14 млн тонн. Снижение на 3 %"
    ("change_noun_subject", change_noun_subject),  # "отмечался рост на 20 %"
    ("change_before", change_before),  # "… выросло на 40 %. В третьем квартале – на 179 %"
    ("place_of_change", place_of_change),  # "…, в Европейском регионе — на 458 %"
    ("group_before", group_before),  # "33 % опрошенных … Не одобряют работу … 30 %"
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
            if reading != c.reading:
                names.append(name)
            c.reading = reading
    reading = replace(c.reading, carried=tuple(names))
    if c.carry is not None:
        if reading.kind == "level":
            c.carry.note(reading.subject)
        elif reading.predicate is not None:
            c.carry.change = (reading.predicate, reading.subject)
    return reading


class Chooser(Protocol):
    """What chooses a figure's subject among its candidates (:class:`.ranker.Ranker`);
    ``reranks``: whether it is asked where the rules found a subject too (except where that
    subject is theirs by a mechanism, :func:`.ranker.rules_keep`, unless the chooser has a true
    ``every_figure`` attribute, as the training script's recorder)."""

    @property
    def reranks(self) -> bool:
        """Whether it is asked where the rules found a subject too."""
        ...

    def choose(self, found: list[Candidate], figure: Figure) -> Token | None:
        """The subject among ``found`` (the rules' choice is the one marked ``rule``)."""
        ...


def _carried_words(carry: Carry | None) -> list[tuple[Token | None, str]]:
    """What the sentences before carry (a poll's group, the last change's subject), as extra
    candidates."""
    if carry is None:
        return []
    words: list[tuple[Token | None, str]] = [(carry.group, "carry_group")]
    if carry.change is not None:
        words.append((carry.change[1], "carry_change"))
    return words


class _Tags:
    """The article's places and people as features of a candidate."""

    def __init__(self, places: PlaceIndex, people: PeopleIndex | None) -> None:
        self.places, self.people = places, people

    def __call__(self, token: Token) -> tuple[str, ...]:
        tags: tuple[str, ...] = ()
        if self.places.holds(token.idx):
            tags += ("place",)
        if self.people is not None and token.pos_ == "PROPN":
            if self.people.surname(token.idx, token.idx + len(token.text)) is not None:
                tags += ("person",)
        return tags


def _a_place(token: Token | None, places: PlaceIndex) -> bool:
    """Whether the token is (inside) a mention of one of the article's places."""
    if token is None:
        return False
    return places.holds(token.idx)


def _opens_remnant(figure: Figure, sent: Span) -> bool:
    """Whether the figure stands after a dash ("В III квартале – на 179 %") or opens its
    sentence, with no verb before it in the sentence."""
    doc = figure.first.doc
    start = max(sent.start, figure.first.i - _REACH)  # (a bounded look back)
    before = doc[start : figure.first.i]
    if any(_finite(token) for token in before):
        return False
    opens = start == sent.start and not before
    return opens or any(token.text in "—–-" for token in before)


def _not_a_figure(subject: Token | None, figure: Figure) -> Token | None:
    """A subject is never a figure's own unit ("29 процентов полагают": the parse makes the
    percent noun the subject); the unit of another figure stands for what that one counts
    ("6,2 процента этого мусора сжигается, 4,4 процента – перерабатывается")."""
    if subject is None or not (_is_percent_noun(subject) or _is_percent_sign(subject)):
        return subject
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    if before is not None and before.i == figure.last.i and _is_percent_sign(before):
        # "46 % процентов голосов": the unit written twice; what the figure counts follows
        return _counted_after(subject) if _parsed(subject) else None
    if not _is_percent_sign(subject) and (before is None or before.pos_ != "NUM"):
        return subject  # "заём под процент на уровне 11 %": a rate, not a figure's unit
    if figure.first.i <= subject.i <= figure.last.i or not _parsed(subject):
        return None
    return _genitive(subject)


def _counted_after(unit: Token) -> Token | None:
    """What a unit written a second time counts ("процентов голосов"), else the subject of
    the verb it completes ("она составляет 7,5 % процента")."""
    counted = _genitive(unit)
    after = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    if counted is None and after is not None and after.pos_ == "NOUN" and _case(after, "Gen"):
        counted = after
    if counted is not None:
        return counted
    head = unit.head
    if _is_percent_sign(head):
        head = head.head  # "составляет 7,5 % процента": the unit hangs on the sign
    return verb_subject(head) if head.pos_ in ("VERB", "AUX") else None


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
    subject = reading.subject
    if subject is not None and _parsed(subject) and _counted(subject):
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


def _may_hold(text: str, lower: str) -> bool:
    """Whether a token (its text and lowercased text) may mark a percentage."""
    return text in ("%", "％") or "процент" in lower or lower in ("п", "пп")


def extract_percentages(doc: Doc) -> list[Percentage]:
    """Every percentage fact of a tagged (and, for its sentences, parsed) document."""
    return list(iter_percentages(doc))


def iter_percentages(doc: Doc, chooser: Chooser | None | bool = True) -> Iterator[Percentage]:
    """The percentage facts of a document one at a time, in text order (``chooser``: True
    for the shipped subject ranker, None or False for the rules alone, or a
    :class:`Chooser`)."""
    article = _Article(doc, chooser)
    for sent in article.sentences():
        yield from sentence_percentages(
            sent,
            article.places,
            article.people,
            article.dates,
            article.carry,
            article.chooser,
            article.memo,
        )


def iter_readings(
    doc: Doc, chooser: Chooser | None | bool = True
) -> Iterator[tuple[Figure, Reading]]:
    """The figures of the facts of a document with their readings, in text order, as
    :func:`iter_percentages` reads them (for ``--explain``: ``Reading.rule`` and
    ``Reading.carried``)."""
    article = _Article(doc, chooser)
    for sent in article.sentences():
        yield from sentence_readings(
            sent, article.places, article.people, article.carry, article.chooser, article.memo
        )


class _Article:
    """What the sentences of one document are read with: its places, people and dates, what
    carries over from sentence to sentence, the chooser and its memo."""

    def __init__(self, doc: Doc, chooser: Chooser | None | bool) -> None:
        self.doc = doc
        self.chooser: Chooser | None
        if chooser is True:
            self.chooser = default_ranker()
        elif chooser is False or chooser is None:
            self.chooser = None
        else:
            self.chooser = chooser
        self.places = PlaceIndex(get_facts(doc, "places") or ())
        self.people = PeopleIndex(get_facts(doc, "people") or ())
        found = get_facts(doc, "dates")
        self.dates = DateIndex(found) if found is not None else None
        self.carry = Carry()
        self.memo = Memo()

    def sentences(self) -> Iterator[Span]:
        """The sentences that may hold a percentage."""
        doc = self.doc
        marks = list(map(_may_hold, token_texts(doc, ORTH), token_texts(doc, LOWER)))
        for sent in doc.sents:
            if any(marks[sent.start : sent.end]):
                yield sent


class PercentageExtractor(DocComponent):
    """Sets ``doc._.percentages`` to the list of percentage facts."""

    def __call__(self, doc: Doc) -> Doc:
        set_facts(doc, "percentages", iter_percentages(doc), keep=False)
        return doc
