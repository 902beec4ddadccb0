"""Reading a ratio: the percentages' reading of a quantity (:func:`newsnlp.percentages.reading.
read`: approx, kind, direction, predicate, subject), with what a ratio says that a percentage
does not. This module is the one adapter between ratios and the percentages' reading.

- A factor is a change: "выросло в 2,5 раза", "вдвое меньше", "в 12 раз выше, чем" (a
  comparison of two levels is a change up or down too), "двукратный рост"; with neither a
  word of change nor a comparative ("колебаться в 2–3 раза", "разница в пять-шесть раз") its
  direction is none.
- A fraction of a base is a change when it is the amount of one ("сократилось на четверть",
  "сократить наполовину"); otherwise a share, a level ("треть опрошенных", "каждый пятый").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..percentages.reading import (
    CHANGE,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    Direction,
    Reading,
    Scan,
    change_subject,
    direction_of,
    level_subject,
    preposition,
    read,
    verb_subject,
)
from ..tag import morph_values
from .figures import RatioFigure

# besides the percentages' comparatives, those a factor compares with ("в два раза старше") and
# the verbs of comparing ("превысил в 1,5 раза", "отстаёт в полтора раза"), with a direction
_MORE = frozenset("старше крупнее чаще сильнее шире тяжелее богаче лучше выгоднее".split())
_LESS = frozenset("младше моложе реже слабее легче беднее хуже мельче".split())
_COMPARING_UP = frozenset("превысить превышать опередить опережать обогнать обгонять".split())
_COMPARING_DOWN = frozenset("отставать отстать уступать уступить".split())
COMPARATIVES = COMPARATIVE_UP | COMPARATIVE_DOWN | _MORE | _LESS
"""The comparatives a factor sizes ("дороже", "ниже", "старше"), as written."""
# a comparative's reach from the factor: "в 3,3 раза быстрее", "выше в 2,5 раза"
_REACH = 3
_CLAUSE_BREAKS = frozenset(',;:()«»"—–'.split() + [",", "—", "–", "-", "а", "но", "и"])


def _is_change(token: Token) -> bool:
    if token.lemma_ in _COMPARING_UP or token.lemma_ in _COMPARING_DOWN:
        return token.pos_ == "VERB"
    return token.lemma_ in CHANGE and token.pos_ in ("VERB", "NOUN", "ADJ")


def _direction(token: Token) -> Direction:
    """ "up" or "down" for a word of change, a comparative or a verb of comparing."""
    if token.lower_ in _MORE or token.lemma_ in _COMPARING_UP:
        return "up"
    if token.lower_ in _LESS or token.lemma_ in _COMPARING_DOWN:
        return "down"
    return direction_of(token)


def _comparative(ratio: RatioFigure, sent: Span) -> Token | None:
    """The comparative a factor sizes: right after it ("в 3 раза больше", "вдвое меньше") or
    right before it ("ниже в 2,5 раза")."""
    doc = sent.doc
    first, last = ratio.figure.first.i, ratio.figure.last.i
    for i in range(last + 1, min(last + 1 + _REACH, sent.end)):
        token = doc[i]
        if token.lower_ in COMPARATIVES:
            return token
        if token.is_punct or token.pos_ in ("VERB", "NOUN"):
            break
    i = first - 1
    if i >= sent.start and doc[i].lower_ in ("в", "во"):
        i -= 1
    if i >= sent.start and doc[i].lower_ in COMPARATIVES:
        return doc[i]
    return None


def _change_near(ratio: RatioFigure, sent: Span, scan: Scan) -> Token | None:
    """The word of change a factor sizes: the one the parse hangs it on, else the nearest in
    its clause before it, else one right after it ("в 1,2 раза увеличилось производство")."""
    anchor = ratio.figure.anchor
    if anchor.dep_:
        token = anchor
        for _ in range(3):
            if token.head.i == token.i:
                break
            token = token.head
            if _is_change(token):
                return token
            if token.pos_ in ("VERB", "AUX"):
                break
    before = scan.change_at(ratio.figure.first.i)
    if before is not None:
        return before
    doc = sent.doc
    for i in range(ratio.figure.last.i + 1, min(ratio.figure.last.i + 4, sent.end)):
        if _is_change(doc[i]):
            return doc[i]
        if doc[i].text in _CLAUSE_BREAKS:
            break
    return None


def _multiple_change(ratio: RatioFigure, sent: Span, scan: Scan) -> Token | None:
    """The word of change a "-кратный" or "-кратно" sizes: the noun the adjective qualifies
    ("двукратный рост", "двукратном падении спроса"), the verb the adverb modifies ("многократно
    вырастут", "выросла многократно"); none for "двукратный олимпийский чемпион"."""
    word = ratio.figure.first
    doc = sent.doc
    if word.lower_.endswith("о"):  # the adverb
        if word.dep_ and word.head.i != word.i and _is_change(word.head):
            return word.head
        for i in range(word.i + 1, min(word.i + 3, sent.end)):
            if _is_change(doc[i]):
                return doc[i]
            if doc[i].is_punct:
                break
        before = scan.change_at(word.i)
        return before if before is not None and word.i - before.i <= 2 else None
    for i in range(word.i + 1, min(word.i + 4, sent.end)):
        token = doc[i]
        if token.pos_ == "ADJ":
            continue
        return token if token.pos_ == "NOUN" and _is_change(token) else None
    return None


def _compared_subject(comparative: Token, ratio: RatioFigure, sent: Span) -> Token | None:
    """What a comparison is about: "в три раза больше протестов" (the genitive after "больше"
    with no subject of its own), else the clause's subject ("энерготарифы ... в 12 раз выше")."""
    doc = sent.doc
    following = doc[comparative.i + 1] if comparative.i + 1 < sent.end else None
    while following is not None and following.pos_ == "ADJ" and following.i + 1 < sent.end:
        following = doc[following.i + 1]
    genitive = (
        following
        if following is not None
        and following.pos_ in ("NOUN", "PROPN")
        and "Gen" in morph_values(following, "Case")
        and comparative.lower_ in ("больше", "меньше")
        else None
    )
    verb = comparative.head if comparative.dep_ else None
    subject = None
    if verb is not None and verb.i != comparative.i and verb.pos_ in ("VERB", "AUX"):
        subject = verb_subject(verb)
    elif comparative.dep_:
        subject = next(
            (child for child in comparative.children if child.dep_.startswith("nsubj")), None
        )
    if genitive is not None and (subject is None or subject.i == genitive.i):
        return genitive
    return subject or genitive


_CLAUSE_STOPS = frozenset(
    "; : что чтобы который которая которое которые которых если когда где хотя".split()
)
_CLAUSE_CONJUNCTIONS = frozenset("а но и при однако причем причём зато".split())
_SHARE_SKIPS = frozenset("( ) % процент процента процентов , из".split())


def _inside(token: Token | None, ratio: RatioFigure) -> bool:
    figure = ratio.figure
    return token is not None and figure.first.i <= token.i <= figure.last.i


def _clause_start(i: int, sent: Span) -> int:
    """The first token of the clause of token ``i`` (as far as word order tells)."""
    doc = sent.doc
    k = i - 1
    while k >= sent.start and doc[k].lower_ not in _CLAUSE_STOPS:
        if doc[k].text == "," and k + 1 < i and doc[k + 1].lower_ in _CLAUSE_CONJUNCTIONS:
            break  # ", а ...", ", при этом ...": the next clause starts
        k -= 1
    return k + 1


def _linear_subject(i: int, sent: Span) -> Token | None:
    """The nearest nominative noun or pronoun before token ``i`` in its clause, not the object
    of a preposition: "тарифы ... многократно вырастут", "энерготарифы на Чукотке в 12 раз"."""
    doc = sent.doc
    start = _clause_start(i, sent)
    for k in range(i - 1, start - 1, -1):
        token = doc[k]
        if token.pos_ not in ("NOUN", "PROPN", "PRON") or token.lower_ in ("что", "который"):
            continue
        if "Nom" not in morph_values(token, "Case"):
            continue
        if k - 1 >= sent.start and doc[k - 1].pos_ == "ADP":
            continue
        return token
    return None


def _in_clause(token: Token | None, i: int, sent: Span) -> bool:
    """Whether ``token`` stands in the clause of token ``i``, before it or at most three words
    after it."""
    return token is not None and _clause_start(i, sent) <= token.i <= i + 3


def _share_holder(ratio: RatioFigure, sent: Span) -> Token | None:
    """Whom a share counts, after it: "треть акций", "три четверти из них", "более половины
    (54 %) россиян", "каждый третий заключённый журналист", "треть опрошенных"."""
    doc = sent.doc
    figure = ratio.figure
    for k in range(figure.last.i + 1, min(figure.last.i + 6, sent.end)):
        token = doc[k]
        if token.is_space or token.lower_ in _SHARE_SKIPS or token.like_num:
            continue
        if token.pos_ in ("ADJ", "VERB", "DET"):
            following = doc[k + 1] if k + 1 < sent.end else None
            if following is not None and following.pos_ in ("NOUN", "ADJ", "VERB", "DET"):
                continue  # "заключённый журналист", "всех растений"
            participle = token.pos_ == "ADJ" or "Part" in morph_values(token, "VerbForm")
            if not participle or "Gen" not in morph_values(token, "Case"):
                return None
            return token  # "треть опрошенных": a participle standing for its noun
        if token.pos_ in ("NOUN", "PROPN") and "Gen" in (morph_values(token, "Case") or ["Gen"]):
            return token
        if token.pos_ in ("NOUN", "PROPN") and figure.first.lemma_ == "каждый":
            return token  # "каждый пятый россиянин"
        if token.pos_ == "PRON" and doc[k - 1].lower_ == "из":
            return token  # "из них"
        break
    return None


def _more_than(ratio: RatioFigure, sent: Span) -> bool:
    """ "минимум в три раза", "как минимум вдвое"."""
    doc = sent.doc
    i = ratio.figure.first.i - 1
    if i >= sent.start and doc[i].lower_ in ("в", "во"):
        i -= 1
    return i >= sent.start and doc[i].lower_ == "минимум"


def read_ratio(ratio: RatioFigure, sent: Span, after: Token | None, scan: Scan) -> Reading | None:
    """The reading of one ratio; None for a "-кратный" or "многократно" beside no change
    ("трёхкратный чемпион"). Its ``rule`` names what decided: the ratio's own reading
    ("fraction_of_change": "на треть", "share": "треть опрошенных", "comparative": "в два раза
    дороже", "times_change": "выросли вдвое", "times_alone": a factor with no word of change),
    else the rule of the percentages' reading that read it."""
    reading = read(ratio.figure, sent, after, scan)
    if _inside(reading.subject, ratio):
        reading = replace(reading, subject=None)  # "Ещё четверть полагают"
    if _more_than(ratio, sent):
        reading = replace(reading, approx="more_than")
    if ratio.unit == "fraction":
        halved = ratio.figure.first.lower_ == "наполовину"
        if halved or (reading.kind == "change" and preposition(ratio.figure, sent) == "на"):
            change = reading.predicate if reading.kind == "change" else None
            change = change or _change_near(ratio, sent, scan)
            if change is None:
                return None if ratio.figure.first.lower_ == "наполовину" else reading
            subject = reading.subject or change_subject(change)
            return replace(
                reading,
                kind="change",
                direction=_direction(change),
                predicate=change,
                subject=subject,
                rule="fraction_of_change",
            )
        subject = _share_holder(ratio, sent) or reading.subject
        if subject is None and reading.kind == "change":
            subject = level_subject(ratio.figure.anchor, after, ratio.figure)
            subject = None if _inside(subject, ratio) else subject
        return replace(
            reading, kind="level", direction="none", predicate=None, subject=subject, rule="share"
        )
    comparative = _comparative(ratio, sent)
    if comparative is not None:
        i = ratio.figure.first.i
        subject = _compared_subject(comparative, ratio, sent)
        if not _in_clause(subject, max(i, comparative.i), sent) or _inside(subject, ratio):
            subject = _linear_subject(min(i, comparative.i), sent) or reading.subject
        return replace(
            reading,
            kind="change",
            direction=_direction(comparative),
            predicate=comparative,
            subject=subject,
            rule="comparative",
        )
    if ratio.multiple:
        change = _multiple_change(ratio, sent, scan)
        if change is None:
            return None
    else:
        change = reading.predicate if reading.kind == "change" else None
        change = change or _change_near(ratio, sent, scan)
    if change is not None and _is_change(change):
        i = min(ratio.figure.first.i, change.i)
        subject = reading.subject if reading.kind == "change" else None
        subject = subject or change_subject(change)
        if subject is None and change.pos_ in ("VERB", "AUX"):
            subject = verb_subject(change)
        if not _in_clause(subject, max(ratio.figure.last.i, change.i), sent):
            subject = None
        subject = subject or _linear_subject(i, sent)
        return replace(
            reading,
            kind="change",
            direction=_direction(change),
            predicate=change,
            subject=subject or reading.subject,
            rule="times_change",
        )
    if ratio.multiple:
        return None
    subject = reading.subject or _linear_subject(ratio.figure.first.i, sent)
    return replace(
        reading,
        kind="change",
        direction="none",
        predicate=None,
        subject=subject,
        rule="times_alone",
    )
