"""The facts: each ratio of a sentence with its reading, as a :class:`~newsnlp.schema.Ratio`;
the cheap scan for the sentences that may hold one, and the spaCy component.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from .._batch import DocComponent, token_texts
from ..dates import DateIndex, period_of
from ..extensions import get_data, get_facts, set_facts
from ..percentages import PlaceIndex, marked_sentences, nearest, period_phrase, periods
from ..percentages.reading import Scan, resolve, subject_phrase
from ..schema import Phrase, Ratio
from ..tag import morph_values
from .figures import FRACTION_NOUNS, MULTIPLIED, TIMES_WORDS, RatioFigure, find_ratios
from .reading import COMPARATIVES, read_ratio

# the words a sentence with a ratio holds (lowercased): the scan looks for these only
CUES = frozenset(
    TIMES_WORDS | frozenset(MULTIPLIED) | frozenset(FRACTION_NOUNS) | {"наполовину", "часть"}
)
"""Lowercased tokens that may mark a ratio (besides "каждый" and the "-кратн-" words)."""
# the syntax stage parses a sentence with one of these (exact tokens) or a "кратн" inside one
PARSE_CUES = frozenset(TIMES_WORDS | frozenset(MULTIPLIED) | frozenset(FRACTION_NOUNS))


def _marked(lowers: list[str]) -> list[int]:
    """The indexes of the tokens (given as their lowercased texts) that may mark a ratio: a
    cue word, a word starting with "кажд", or one with "кратн" inside."""
    return [
        i
        for i, lower in enumerate(lowers)
        if lower in CUES or "кратн" in lower or "кажд" in lower and lower.startswith("кажд")
    ]


def ratio_fact(
    ratio: RatioFigure,
    sent: Span,
    scan: Scan,
    times: list[Span],
    places: list[str],
    dates: DateIndex | None,
) -> Ratio | None:
    """The fact of one ratio (None for a "-кратный" beside no change)."""
    figure = ratio.figure
    doc = sent.doc
    following = [t for t in doc[figure.last.i + 1 : sent.end] if not t.is_space][:1]
    reading = read_ratio(ratio, sent, following[0] if following else None, scan)
    if reading is None:
        return None
    resolved = resolve(reading.subject, sent)  # a pronoun's antecedent, when the text names one
    reading = replace(reading, subject=resolved or reading.subject)
    words = doc[figure.first.i : figure.last.i + 1]
    text = words.text.rstrip(",")  # razdel's "9," in "в 9, 12 и 14 раз"
    subject = reading.subject
    phrase = subject_phrase(subject, figure) if subject is not None else None
    period = nearest(times, figure)
    predicate = reading.predicate
    return Ratio(
        start=words.start_char,
        stop=words.start_char + len(text),
        text=text,
        value=figure.value,
        low=figure.low,
        high=figure.high,
        unit=ratio.unit,
        approx=reading.approx,
        kind=reading.kind,
        direction=reading.direction,
        subject=phrase,
        predicate=(predicate.lower_ if predicate.lower_ in COMPARATIVES else predicate.lemma_)
        if predicate is not None
        else None,
        period=period_of(period, period_phrase(period), dates) if period is not None else None,
        places=places,
    )


def sentence_ratios(sent: Span, places: PlaceIndex, dates: DateIndex | None = None) -> list[Ratio]:
    """Every ratio fact of one sentence."""
    found = find_ratios(sent)
    if not found:
        return []
    scan = Scan(sent)
    times = periods(sent)
    names = places.within(sent.start_char, sent.end_char)
    facts: list[Ratio] = []
    previous: RatioFigure | None = None
    for ratio in found:
        fact = ratio_fact(ratio, sent, scan, times, names, dates)
        if fact is None:
            continue
        if facts and previous is not None and _listed_after(previous, ratio, sent):
            fact = _carried(fact, facts[-1])
        facts.append(fact)
        previous = ratio
    return facts


_LIST_GLUE = frozenset(", и а — – - ; в во".split() + [","])


def _listed_after(before: RatioFigure, ratio: RatioFigure, sent: Span) -> bool:
    """Whether a ratio follows the one before in a list ("снизилось в 2,5 раза ... и в 2,6
    раза", "угонов машин — в 4 раза", "в целом по региону - 1,8 раза"): only glue words, a
    remnant phrase or a place stand between them, and no verb but a participle."""
    between = [t for t in sent.doc[before.figure.last.i + 1 : ratio.figure.first.i]]
    while between and between[-1].lower_ in ("в", "во", "более", "менее", "почти", "чем"):
        between.pop()
    if not between or len(between) > 15 or between[-1].lower_ not in _LIST_GLUE:
        return False
    return not any(_finite(token) for token in between)


def _finite(token: Token) -> bool:
    """A verb of its own clause ("снизилось"), not a participle ("опрошенных")."""
    return token.pos_ in ("VERB", "AUX") and "Part" not in morph_values(token, "VerbForm")


def _carried(fact: Ratio, previous: Ratio) -> Ratio:
    """A listed ratio with no word of change of its own (or a share with no holder of its own)
    takes the reading of the one before it: "число убийств снизилось в 2 раза, угонов машин —
    в 4 раза"; "почти три четверти россиян ..., более половины согласны"."""
    if fact.unit != previous.unit or fact.kind != previous.kind and fact.unit == "fraction":
        return fact
    update: dict = {}
    if fact.unit == "times" and fact.predicate is None and previous.kind == "change":
        update = {"direction": previous.direction, "predicate": previous.predicate}
        update["subject"] = previous.subject
    elif fact.unit == "times" and fact.direction == previous.direction:
        update = {"subject": previous.subject} if fact.subject is None else {}
    elif fact.unit == "fraction" and fact.kind == "level" and fact.subject is None:
        update = {"subject": previous.subject}
    return fact.model_copy(update=update) if update else fact


def iter_ratios(doc: Doc) -> Iterator[Ratio]:
    """The ratio facts of a tagged document one at a time, in text order; only sentences
    with a cue word are read."""
    marked = _marked(token_texts(doc, LOWER))
    if not marked:
        return
    places = PlaceIndex(get_data(doc, "places") or ())
    found = get_facts(doc, "dates")
    dates = DateIndex(found) if found is not None else None
    shares = _Shares(doc)
    for sent in marked_sentences(doc, marked):
        for fact in sentence_ratios(sent, places, dates):
            if fact.kind == "level" and fact.subject is None:
                fact = fact.model_copy(update={"subject": shares.before(fact.start)})
            shares.add(fact)
            yield fact


# how far back a share with no group of its own looks for the share before it (characters)
_SHARE_REACH = 300


class _Shares:
    """The shares of a document so far (its percentages of a group and its ratio levels): a
    share with no group of its own counts the group of the share before it, in the sentences
    just before ("40 % россиян назвали ... Каждый восьмой задумался ...")."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.known: list[tuple[int, Phrase]] | None = None

    def _load(self) -> list[tuple[int, Phrase]]:
        if self.known is None:
            self.known = [
                (fact.stop, fact.subject)
                for fact in get_facts(self.doc, "percentages") or ()
                if fact.kind == "level" and fact.subject is not None
            ]
        return self.known

    def add(self, fact: Ratio) -> None:
        if fact.kind == "level" and fact.subject is not None:
            known = self._load()
            known.append((fact.stop, fact.subject))
            known.sort(key=lambda item: item[0])

    def before(self, start: int) -> Phrase | None:
        """The group of the nearest share that ends before ``start``, within reach."""
        found = None
        for stop, subject in self._load():
            if stop > start:
                break
            found = (stop, subject)
        if found is None or start - found[0] > _SHARE_REACH:
            return None
        return found[1]


def explain(doc: Doc) -> list[tuple[Span, str]]:
    """Every ratio a tagged (and, for its sentences, parsed) document reads, as its span, with
    the name of the rule that read it (``newsnlp analyze --explain``): the ratio's own rule
    where :func:`read_ratio` decides, else the rule of the percentages' reading."""
    found: list[tuple[Span, str]] = []
    for sent in doc.sents:
        ratios = find_ratios(sent)
        if not ratios:
            continue
        scan = Scan(sent)
        for ratio in ratios:
            figure = ratio.figure
            following = [t for t in doc[figure.last.i + 1 : sent.end] if not t.is_space][:1]
            reading = read_ratio(ratio, sent, following[0] if following else None, scan)
            if reading is not None:
                found.append((doc[figure.first.i : figure.last.i + 1], reading.rule))
    return found


def find_ratio_facts(doc: Doc) -> list[Ratio]:
    """Every ratio fact of a tagged (and, for its sentences, parsed) document."""
    return list(iter_ratios(doc))


class RatioExtractor(DocComponent):
    """Sets ``doc._.ratios`` to the list of ratio facts."""

    def __call__(self, doc: Doc) -> Doc:
        set_facts(doc, "ratios", iter_ratios(doc), keep=False)
        return doc
