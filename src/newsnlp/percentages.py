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
  comparative ("на 5 % дешевле"), is a change; a change noun that "составил X %" too; anything
  else is a level, whose predicate is still the verb of change that governs it ("выросла с 10 %
  до 15 %" gives two levels with predicate "вырасти");
- ``subject``: from the dependency parse: the genitive of the figure ("90 % жителей"), the noun
  it qualifies ("50 % скидка"), the object of a transitive change verb ("увеличить
  энергоэффективность на 40 %"), the subject of the verb (climbing xcomp and conj), the name in
  "Саакашвили — 52,1 %"; an elided verb ("а импорт — на 39 %") keeps the previous predicate and
  takes the remnant as subject; "соответственно" pairs coordinated figures with coordinated
  subjects;
- ``period``: the time phrase of the sentence nearest to the figure ("по итогам 2024 года");
- ``places``: the article's places mentioned in the sentence.

Sentences without a parse (the syntax stage parses only those with one of ``TRIGGERS``) fall
back to rules over word order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ._batch import DocComponent, token_texts
from ._numerals import DASHES, WORDS, compound_adjective, digits, words_value
from .dates import period_of
from .schema import Percentage, Phrase

if not Doc.has_extension("percentages"):
    Doc.set_extension("percentages", default=None)

# Words that trigger parsing a sentence: the syntax stage parses only those (see pipeline).
# "процент" covers "процентов", "процентного пункта", "процентная".
TRIGGERS = ("%", "процент", "пп")

UP = frozenset(
    """
    вырасти расти возрасти возрастать вырастать увеличиться увеличиваться увеличить увеличивать
    повыситься повышаться повысить повышать подорожать дорожать подняться подниматься поднять
    поднимать прибавить прибавлять нарастить наращивать подскочить взлететь ускориться
    ускоряться укрепиться укрепляться прирасти прирастать проиндексировать индексировать
    рост прирост увеличение повышение подорожание удорожание наращивание ускорение
    укрепление подъём подъем индексация
    """.split()
)
DOWN = frozenset(
    """
    снизиться снижаться снизить снижать сократиться сокращаться сократить сокращать упасть
    падать уменьшиться уменьшаться уменьшить уменьшать подешеветь дешеветь понизиться
    понижаться понизить понижать опуститься опускаться потерять терять ограничить ограничивать
    урезать обвалиться рухнуть замедлиться замедляться просесть проседать обесцениться
    ослабнуть ослабеть сжаться
    снижение сокращение падение уменьшение удешевление понижение спад замедление обвал
    ослабление ограничение
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
    "более": "up_to",
    "больше": "up_to",
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
_PREPOSITIONS = frozenset("на до с со от в под за к".split())
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


def find_figures(sent: Span) -> list[Figure]:
    """Every percentage expression with a value in the sentence, in order."""
    words = _words(sent)
    figures: list[Figure] = []
    i = 0
    while i < len(words):
        figure = _figure_at(words, i)
        if figure is None:
            i += 1
            continue
        figures.append(figure)
        i = words.index(figure.last, i) + 1
    return figures


def _figure_at(words: list[Token], i: int) -> Figure | None:
    token = words[i]
    adjective = compound_adjective(token.text)
    if adjective is not None and token.pos_ != "NOUN":
        return Figure(token, token, token, adjective, None, None)
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
    return Figure(words[start], words[last], anchor, value, low, high, unit, approx)


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


def _elided_change(anchor: Token, sent: Span) -> Token | None:
    """ "экспорт увеличился на 94 %, а импорт — на 39 %": the change word before the remnant."""
    if anchor.dep_ != "orphan":
        return None
    doc = anchor.doc
    remnant = anchor.head
    for i in range(min(remnant.i, anchor.i) - 1, sent.start - 1, -1):
        if _is_change(doc[i]):
            return doc[i]
    return None


def _remnant(anchor: Token) -> Token | None:
    """The subject left in an elided clause: "а импорт — на 39 %" -> импорт."""
    if anchor.dep_ != "orphan":
        return None
    remnant = anchor.head
    nominative = "Nom" in remnant.morph.get("Case", []) or not remnant.morph.get("Case", [])
    if remnant.pos_ in ("NOUN", "PROPN") and nominative and not _has_case(remnant):
        return remnant
    return None


def _linear_change(figure: Figure, sent: Span) -> Token | None:
    """The nearest word of change before the figure in its clause (no other verb between)."""
    doc = figure.first.doc
    for i in range(figure.first.i - 1, sent.start - 1, -1):
        token = doc[i]
        if _is_change(token):
            return token
        if token.pos_ in ("VERB", "AUX") or token.lower_ in (";", "а", "но", "что", "который"):
            return None
    for i in range(figure.last.i + 1, min(figure.last.i + 3, sent.end)):
        if _is_change(doc[i]):
            return doc[i]
    return None


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


@dataclass(frozen=True)
class Reading:
    """What the context says about a figure."""

    approx: Approx
    kind: Kind
    direction: Direction
    predicate: Token | None
    subject: Token | None


def read(figure: Figure, sent: Span, after: Token | None = None) -> Reading:
    """approx, kind, direction, predicate and subject of one figure.

    ``after``: the word after the figure or the list it ends ("50 % и 30 % скидку").
    """
    anchor = figure.anchor
    prep = preposition(figure, sent)
    approx = approximation(figure, sent)
    parsed = _parsed(anchor)
    change = None
    if prep == "на":
        change = _linear_change(figure, sent)
        if change is None and parsed:
            change = _elided_change(anchor, sent) or _governing_change(anchor)
    if change is not None:
        subject = _remnant(anchor) if parsed else None
        subject = subject or _changed(change, sent)
        return Reading(approx, "change", direction_of(change), change, subject)
    noun = _change_noun_subject(anchor) if parsed else None
    if noun is not None:
        return Reading(approx, "change", direction_of(noun), noun, noun_subject(noun))
    verb = _governing_verb(anchor) if parsed else None
    predicate = verb if verb is not None and verb.lemma_ in CHANGE else None
    if predicate is None and prep in ("до", "с", "со"):
        predicate = _linear_change(figure, sent)
    if predicate is not None and prep in ("до", "с", "со"):
        # "возрасти до 10 %", "снизилась с 10 % до 8 %": levels before and after the change
        approx = "exact"  # "до" marks the level reached, not an upper bound
        return Reading(approx, "level", "none", predicate, _changed(predicate, sent))
    if parsed:
        subject = level_subject(anchor, after)
    else:  # "под 10-процентную ставку" in a sentence without a parse: the noun after it
        subject = after if after is not None and after.pos_ in ("NOUN", "PROPN") else None
    return Reading(approx, "level", "none", predicate, subject)


def _changed(change: Token, sent: Span) -> Token | None:
    """What a change word is about, from the parse or, without one, from word order."""
    if change.dep_:
        return change_subject(change)
    return _linear_subject(change, sent)


def _linear_subject(change: Token, sent: Span) -> Token | None:
    """Without a parse: the nearest nominative noun before the word of change."""
    doc = change.doc
    for i in range(change.i - 1, sent.start - 1, -1):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN") and "Nom" in token.morph.get("Case", []):
            return token
        if token.pos_ in ("VERB", "AUX") or token.lower_ in (";", "а", "но"):
            return None
    return None


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


def _genitive(token: Token) -> Token | None:
    """The genitive noun a word governs ("рост цен", "90 % жителей"), prepositionless."""
    for child in token.children:
        if child.dep_ != "nmod" or child.i < token.i or _has_case(child):
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
        subject = _child(token, "nsubj", "nsubj:pass")
        if subject is not None:
            return subject
        if token.dep_ not in ("xcomp", "conj", "csubj", "csubj:pass", "advcl"):
            return None
    return None


def change_subject(change: Token) -> Token | None:
    """What changed: the object of a transitive change verb, else its subject; for a change
    noun its genitive ("рост цен")."""
    if change.pos_ in ("NOUN", "PROPN"):
        # a noun of change ("рост цен"), or a verb the tagger took for a noun
        return noun_subject(change) or _child(change, "nsubj", "nsubj:pass", "obj")
    if change.lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
        genitive = _genitive(change)  # "на 15 % больше туристов"
        if genitive is not None:
            return genitive
        if change.dep_.startswith(("nummod", "amod", "det")) and _noun(change.head):
            return change.head
    voice = change.morph.get("Voice", [])
    if "Mid" not in voice:
        target = _child(change, "obj")
        if target is not None:
            return target
    subject = verb_subject(change)
    if subject is None and change.dep_ == "conj" and _noun(change.head):
        return change.head
    return subject


def noun_subject(noun: Token) -> Token | None:
    """The genitive of a change noun ("рост числа посетителей" -> число), else what holds it."""
    genitive = _genitive(noun)
    if genitive is not None:
        return genitive
    if noun.dep_ == "nmod" and _noun(noun.head):
        return noun.head
    return None


def level_subject(anchor: Token, after: Token | None = None) -> Token | None:
    """What a level measures: "90 % жителей", "50 % скидка", "доля составила 10 %",
    "ставку 21 %", "Саакашвили — 52,1 %"."""
    genitive = _genitive(anchor)
    if genitive is not None:
        return genitive
    if after is not None and after.pos_ == "NOUN" and "Gen" not in after.morph.get("Case", []):
        return after  # "получат 50 % скидку": the noun the figure qualifies
    head = anchor.head
    if head.i == anchor.i:
        return _child(anchor, "nsubj", "nsubj:pass")
    if anchor.dep_ in ("amod", "nummod", "nummod:gov", "nmod", "conj") and _noun(head):
        return head
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        if anchor.dep_ != "obj":
            target = _child(head, "obj")
            if target is not None and target.i != anchor.i:
                return target
        return verb_subject(head)
    if _noun(head):
        return head
    return None


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


def read_group(group: list[Figure], sent: Span) -> list[Reading]:
    """Readings of listed figures: each after the first shares the first one's predicate."""
    doc = sent.doc
    following = [t for t in doc[group[-1].last.i + 1 : sent.end] if not t.is_space][:1]
    after = following[0] if following else None
    first = read(group[0], sent, after)
    readings = [first]
    for figure in group[1:]:
        own = read(figure, sent, after)
        if preposition(figure, sent) is None and first.kind == "change":
            # "на 12 %, 8 % и 5 %": the later figures share the first one's "на"
            own = replace(first, approx=approximation(figure, sent))
        readings.append(own)
    if len(group) > 1 and first.subject is not None and _respectively(group, sent):
        subjects = conjuncts(first.subject)
        if len(subjects) == len(group):
            readings = [replace(r, subject=s) for r, s in zip(readings, subjects)]
    return readings


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
    figure: Figure, reading: Reading, period: Span | None, places: list[str]
) -> Percentage:
    """The fact for one figure and what its context says."""
    doc = figure.first.doc
    words = doc[figure.first.i : figure.last.i + 1]
    subject = reading.subject
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
        subject=subject_phrase(subject, figure) if subject is not None else None,
        predicate=_predicate_name(reading.predicate) if reading.predicate is not None else None,
        period=period_of(period, period_phrase(period)) if period is not None else None,
        places=places,
    )


def sentence_percentages(sent: Span, places: PlaceIndex) -> list[Percentage]:
    """Every percentage fact of one sentence."""
    figures = find_figures(sent)
    if not figures:
        return []
    times = periods(sent)
    names = places.within(sent.start_char, sent.end_char)
    facts = []
    for group in groups(figures):
        for figure, reading in zip(group, read_group(group, sent)):
            facts.append(percentage(figure, reading, nearest(times, figure), names))
    return facts


def _may_hold(text: str, lower: str) -> bool:
    """Whether a token (its text and lowercased text) may mark a percentage."""
    return text in ("%", "％") or "процент" in lower or lower in ("п", "пп")


def extract_percentages(doc: Doc) -> list[Percentage]:
    """Every percentage fact of a tagged (and, for its sentences, parsed) document."""
    places = PlaceIndex(doc._.places if Doc.has_extension("places") else ())
    marks = list(map(_may_hold, token_texts(doc, ORTH), token_texts(doc, LOWER)))
    return [
        fact
        for sent in doc.sents
        if any(marks[sent.start : sent.end])
        for fact in sentence_percentages(sent, places)
    ]


class PercentageExtractor(DocComponent):
    """Sets ``doc._.percentages`` to the list of percentage facts."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.percentages = extract_percentages(doc)
        return doc


@Language.factory("newsnlp_percentages", default_config={})
def make_percentages(nlp: Language, name: str) -> PercentageExtractor:
    """Factory of the percentage fact extractor."""
    return PercentageExtractor()
