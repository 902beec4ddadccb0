"""The facts: each figure of a sentence with its reading, carried over from the figure before where
the text leaves it out (:mod:`.carry`), as a :class:`~newsnlp.schema.Percentage`; the spaCy
component.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any, Protocol

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from .._batch import DocComponent, token_texts
from ..dates import DateIndex, period_of
from ..extensions import get_data, get_facts, set_facts
from ..schema import Percentage
from .anaphora import Carry, resolve
from .carry import CARRY_RULES as CARRY_RULES  # (its table, also known by this module)
from .carry import Neighbours, carried
from .change import Scan, preposition
from .figures import Figure, _is_percent_noun, _is_percent_sign, find_figures
from .lists import groups, read_group
from .period import PlaceIndex, nearest, period_phrase, periods
from .ranker import KEPT_MARKS, Candidate, Memo, candidates, default_ranker
from .reading import Reading, subject_phrase
from .subjects import verb_subject
from .tokens import _case, _genitive, _parsed, _predicate_name


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

    def __init__(self, people: Iterable[Mapping[str, Any]]) -> None:
        """``people``: the stored data of the document's people (``get_data(doc, "people")``)."""
        mentions = sorted(
            (mention["start"], mention["stop"], (person.get("last") or person["name"]).lower())
            for person in people or ()
            for mention in person["mentions"]
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
    figures before, from a sentence before, across a ";", ":", dash or relative word from the
    figure, or the nominal subject of the figure's predicate."""
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


def _not_a_figure(subject: Token | None, figure: Figure) -> Token | None:
    """A subject is never a figure's own unit ("29 процентов полагают": the parse makes the
    percent noun the subject); the unit of another figure stands for what that one counts
    ("5,1 процента этих отходов сжигается, 3,8 процента – перерабатывается")."""
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


_MARKS = frozenset(("%", "％", "п", "пп"))
"""Lowercased tokens that may mark a percentage (besides the words with "процент" inside)."""


def _marked(lowers: list[str]) -> list[int]:
    """The indexes of the tokens (given as their lowercased texts) that may mark a
    percentage."""
    return [i for i, lower in enumerate(lowers) if lower in _MARKS or "процент" in lower]


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
        self.places = PlaceIndex(get_data(doc, "places") or ())
        self.people = PeopleIndex(get_data(doc, "people") or ())
        found = get_facts(doc, "dates")
        self.dates = DateIndex(found) if found is not None else None
        self.carry = Carry()
        self.memo = Memo()

    def sentences(self) -> Iterator[Span]:
        """The sentences that may hold a percentage."""
        return marked_sentences(self.doc, _marked(token_texts(self.doc, LOWER)))


def marked_sentences(doc: Doc, marked: list[int]) -> Iterator[Span]:
    """The sentences of ``doc`` (as ``doc.sents`` gives them) that hold a token of ``marked``
    (sorted token indexes), in order: a ``Span`` only for those, the sentence starts as one
    array (a huge text has a hundred thousand sentences)."""
    if not marked:
        return
    starts = doc.to_array(SENT_START) == 1
    starts[0] = True  # the first token opens a sentence, as in doc.sents
    firsts = numpy.flatnonzero(starts)
    ends = numpy.append(firsts[1:], len(doc))
    for number in numpy.unique(numpy.searchsorted(firsts, marked, "right") - 1).tolist():
        yield doc[int(firsts[number]) : int(ends[number])]


class PercentageExtractor(DocComponent):
    """Sets ``doc._.percentages`` to the list of percentage facts."""

    def __call__(self, doc: Doc) -> Doc:
        set_facts(doc, "percentages", iter_percentages(doc), keep=False)
        return doc
