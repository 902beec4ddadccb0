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
  it qualifies ("50 % скидка"), the object of a transitive change verb ("сократить
  расходы на 40 %"), the subject of the verb (climbing xcomp and conj), the name in
  "Саакашвили — 52,1 %"; an elided verb ("а закупки — на 6 %") keeps the previous predicate and
  takes the remnant as subject (each item of "груши — на 12 %, сливы — на 8 %", "холдинг
  (48 %)"), unless the remnant restates a dependent of the subject ("аэропорта Сочи …,
  Краснодара — на 9 %"); a measure noun ("в размере", "на уровне") gives the noun it sizes;
  listed figures share the noun after the last ("55 % и 20 % голосов"); "соответственно"
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

The steps live in modules named after them: ``figures`` (finding the expressions),
``change`` (approx, kind and direction), ``remnants`` (listed phrases "X — на 5 %"),
``subjects`` and ``levels`` (the subject of a change and of a level), ``reading`` (one figure's
reading, an ordered table of named rules ``RULES``: the public reading of a quantity that money
and ratios use), ``lists`` (listed figures and "соответственно"), ``anaphora`` (pronouns,
fractions, the sentence before), ``period`` (periods and places), ``candidates`` and ``ranker``
(the candidate subjects and their features; the learned chooser of a subject where the rules
find none, ``models/percent_subjects.json``), ``carry`` (what carries over from the figures
before, an ordered table of named rules ``CARRY_RULES``), ``facts`` (the facts and the spaCy
component) and
``explain`` (the rules that read each figure, for ``newsnlp analyze --explain``); the word lists
are in ``lexicon`` and the token predicates they share in ``tokens``.
"""

from __future__ import annotations

from .anaphora import antecedent, previous_subject, resolve
from .carry import CARRY_RULES
from .change import Scan, approximation, preposition
from .explain import explain
from .facts import (
    PeopleIndex,
    PercentageExtractor,
    extract_percentages,
    iter_percentages,
    iter_readings,
    marked_sentences,
    percentage,
    sentence_percentages,
    sentence_readings,
)
from .figures import Figure, find_figures
from .levels import level_subject
from .lexicon import (
    CHANGE,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    COPULAS,
    DOWN,
    FRACTIONS,
    INNER_TRIGGERS,
    MEASURES,
    TRIGGERS,
    UP,
    Approx,
    Direction,
    Kind,
    Unit,
)
from .lists import conjuncts, groups, read_group
from .period import PlaceIndex, nearest, period_phrase, periods
from .reading import Reading, read, subject_phrase
from .remnants import listed_before
from .subjects import change_subject, noun_subject, verb_subject
from .tokens import direction_of

__all__ = [
    "CARRY_RULES",
    "CHANGE",
    "COMPARATIVE_DOWN",
    "COMPARATIVE_UP",
    "COPULAS",
    "DOWN",
    "FRACTIONS",
    "INNER_TRIGGERS",
    "MEASURES",
    "TRIGGERS",
    "UP",
    "Approx",
    "Direction",
    "Figure",
    "Kind",
    "PeopleIndex",
    "PercentageExtractor",
    "PlaceIndex",
    "Reading",
    "Scan",
    "Unit",
    "antecedent",
    "approximation",
    "change_subject",
    "conjuncts",
    "direction_of",
    "explain",
    "extract_percentages",
    "find_figures",
    "groups",
    "iter_percentages",
    "iter_readings",
    "level_subject",
    "marked_sentences",
    "listed_before",
    "nearest",
    "noun_subject",
    "percentage",
    "period_phrase",
    "periods",
    "preposition",
    "previous_subject",
    "read",
    "read_group",
    "resolve",
    "sentence_percentages",
    "sentence_readings",
    "subject_phrase",
    "verb_subject",
]
