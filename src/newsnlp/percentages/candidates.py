"""The candidates of a figure's subject and their features, for the learned chooser
(:mod:`.ranker`): the nouns, pronouns and nouns-by-use near the figure in its sentence, the first
of the sentence before, the words the sentences before carried and the rules' choice, each with
the names of its features (of the parse, the text, the lexicons and the rules' reading).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..tag import morph_values
from .anaphora import _people, resolve
from .figures import Figure, _is_percent_noun, _is_percent_sign
from .lexicon import (
    _MULTIPLIERS,
    _PERSONAL,
    BASE_NOUNS,
    CHANGE,
    COPULAS,
    CURRENCY_WORDS,
    EXCEED,
    FRACTIONS,
    MEASURES,
    OWNING,
    RATES,
)
from .tokens import _case, _finite, _parsed, _time_anchor

FREE = "prep=-"  # the feature of a candidate outside a prepositional phrase

# pronouns that may stand for a subject ("она", "это", "таковых")
_PRONOUNS = _PERSONAL | {"это", "этот", "таковой", "тот"}
_NOMINAL = ("NOUN", "PROPN")
_NEAR_SENT = 10  # candidates of the figure's sentence: the nearest this many
_NEAR_BEFORE = 5  # of the sentence before: its first this many nouns
_MARKS = {":": "colon", ";": "semi", "(": "bracket", ")": "bracket", "—": "dash", "–": "dash"}
_MARKS["-"] = "dash"


@dataclass(frozen=True)
class Candidate:
    """One noun that may be a figure's subject, with the names of its features."""

    token: Token  # the word
    subject: Token  # what it gives as the subject (a pronoun's antecedent)
    features: Features
    rule: bool  # the rules chose it

    @property
    def free(self) -> bool:
        """Whether it stands outside a prepositional phrase."""
        return FREE in self.features.crossed

    def names(self) -> list[str]:
        """Every feature name (the crossed ones joined by "&")."""
        return self.features.names()


@dataclass(frozen=True)
class Features:
    """A candidate's features: those crossed with the figure's context, the others, and the
    context (the kind first, then whether the rules found nothing, then the rest)."""

    crossed: tuple[str, ...]
    plain: tuple[str, ...]
    context: tuple[str, ...]

    def names(self) -> list[str]:
        """The feature names: the candidate's, each crossed with the figure's kind (and "the
        rules found nothing"), its relation, case and side crossed with the rest of the
        context."""
        names = [*self.crossed, *self.plain]
        for c in self.context:
            primary = c.startswith(_PRIMARY)
            names.extend(f"{c}&{o}" for o in self.crossed if primary or o.startswith(_SECONDARY))
        return names


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4-5"
    if n <= 8:
        return "6-8"
    if n <= 13:
        return "9-13"
    if n <= 21:
        return "14-21"
    return "22+"


class Memo:
    """What the chooser keeps across the figures of an article: each word's features that do
    not depend on the figure, whether it may be a candidate, each sentence's clause marks."""

    def __init__(self) -> None:
        self.words: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.nominal: dict[int, bool] = {}
        self.windows: dict[int, _Window] = {}

    def candidate(self, token: Token, figure: Figure) -> bool:
        """Whether a word may be the figure's subject."""
        if figure.first.i <= token.i <= figure.last.i:
            return False
        found = self.nominal.get(token.i)
        if found is None:
            found = self.nominal[token.i] = _may_be_subject(token)
        return found

    def window(self, sent: Span) -> _Window:
        """The clause marks of a sentence."""
        found = self.windows.get(sent.start)
        if found is None:
            found = self.windows[sent.start] = _Window(sent.doc, sent.start, sent.end)
        return found


def _is_candidate(token: Token, figure: Figure) -> bool:
    if figure.first.i <= token.i <= figure.last.i:
        return False
    return _may_be_subject(token)


def _may_be_subject(token: Token) -> bool:
    if _is_percent_noun(token) or _is_percent_sign(token):
        return False
    if token.dep_.startswith("flat"):
        return False  # a part of a name: the name's head stands for it
    if token.pos_ in _NOMINAL:
        return not _time_anchor(token)
    if token.pos_ == "PRON":
        return token.lemma_ in _PRONOUNS
    if token.pos_ == "DET":
        return token.lemma_ in _PRONOUNS and token.dep_ not in ("det", "amod")
    if token.pos_ in ("ADJ", "VERB"):  # "опрошенных", "таковых": an adjective used as a noun
        case = morph_values(token, "Case")
        return bool(case) and token.dep_ in ("nsubj", "nmod", "obj", "obl", "conj")
    return False


def _ancestors(a: Token) -> dict[int, int]:
    """``a`` and its heads up to the root (at most 12 steps up): index -> steps from ``a``."""
    up: dict[int, int] = {}
    token, steps = a, 0
    while steps < 12:
        up[token.i] = steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    return up


def _path(a: Token, b: Token) -> tuple[int, int] | None:
    """Steps up from a and from b to their lowest common ancestor (same parse), else None."""
    if not (_parsed(a) and _parsed(b)):
        return None
    up = _ancestors(a)
    token, steps = b, 0
    while steps < 12:
        if token.i in up:
            return up[token.i], steps
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def _chain(a: Token, b: Token) -> str:
    """The relations on the parse path from a up to the lowest common ancestor with b and from
    b up to it ("nsubj|obl>nmod"), at most three steps each, "none" across parses."""
    if not (_parsed(a) and _parsed(b)):
        return "none"
    up = _ancestors(a)
    rels: list[str] = []
    token, steps = b, 0
    while steps < 12 and token.i not in up:
        if token.head.i == token.i:
            return "none"
        rels.append(token.dep_.split(":")[0])
        token, steps = token.head, steps + 1
    if token.i not in up:
        return "none"
    mine: list[str] = []
    walker = a
    while walker.i != token.i and len(mine) < 4:
        mine.append(walker.dep_.split(":")[0])
        walker = walker.head
    cut = ">".join(mine[:3]) + ("+" if len(mine) > 3 else "")
    return cut + "|" + ">".join(rels[:3]) + ("+" if len(rels) > 3 else "")


_VERB_CLASSES = (
    ("change", CHANGE),
    ("exceed", EXCEED),
    ("copula", COPULAS),
    ("owning", OWNING),
    ("share", frozenset({"приходиться", "занимать", "занять", "получить", "получать"})),
    ("say", frozenset({"заявить", "сообщить", "сказать", "отметить", "считать", "говорить"})),
)


def word_class(token: Token | None) -> str:
    """The lexicon class of a governing word: a verb (or noun) of change, of exceeding, a
    copula, owning, a share's verb, speech; else its part of speech."""
    if token is None:
        return "none"
    lemma = token.lemma_.lower()
    for name, words in _VERB_CLASSES:
        if lemma in words:
            return name
    return token.pos_


_OF_RULE = ("dep=", "case=", "prep=", "pos=", "people", "opens")
_RELATIVE = frozenset(("что", "который", "которая", "которое", "которые", "которых"))
_SPLITS = ("colon", "semi", "bracket", "dash", "but", "rel")


class _Window:
    """Counts of clause marks and finite verbs over a stretch of a sentence, as prefix sums: what
    stands between a candidate and its figure in O(1)."""

    def __init__(self, doc, start: int, stop: int) -> None:
        self.start = start
        kinds = {name: [0] for name in ("comma", "verb", *_SPLITS)}
        self.depths: list[int] = []  # the bracket depth before each word
        depth = 0
        for token in doc[start:stop]:
            text = token.lower_
            self.depths.append(depth)
            if text == "(":
                depth += 1
            elif text == ")" and depth:
                depth -= 1
            if text == ",":
                kind = "comma"
            elif text in _MARKS:
                kind = _MARKS[text]
            elif text in ("а", "но", "однако"):
                kind = "but"
            elif text in _RELATIVE:
                kind = "rel"
            else:
                kind = "verb" if _finite(token) else ""
            for name, sums in kinds.items():
                sums.append(sums[-1] + (name == kind))
        self.sums = kinds

    def in_brackets(self, token: Token) -> bool:
        """Whether an opening bracket before the word in the sentence is not closed before it."""
        n = token.i - self.start
        return 0 <= n < len(self.depths) and self.depths[n] > 0

    def between(self, low: int, high: int) -> list[str]:
        """What stands in [low, high): the marks present, the number of commas and verbs."""
        a, b = max(0, low - self.start), max(0, high - self.start)
        count = {name: sums[b] - sums[a] for name, sums in self.sums.items()}
        found = ["btw=" + name for name in _SPLITS if count[name]]
        found.append("commas=" + _bucket(count["comma"]))
        found.append("verbs=" + _bucket(count["verb"]))
        return found


def _agreement(noun: Token, verb: Token | None) -> str:
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not _case(noun, "Nom"):
        return "agr=na"
    number, gender = morph_values(verb, "Number"), morph_values(verb, "Gender")
    if not number:
        return "agr=na"
    if morph_values(noun, "Number") not in ([], number):
        return "agr=no"
    if gender and number == ["Sing"] and morph_values(noun, "Gender") not in ([], gender):
        return "agr=no"
    return "agr=yes"


def _case_name(token: Token) -> str:
    case = morph_values(token, "Case")
    return case[0] if case else "none"


def _preposition(token: Token) -> str:
    for child in token.children:
        if child.dep_ == "case":
            return child.lower_
    doc = token.doc
    i = token.i - 1
    while i >= 0 and token.i - i < 4 and doc[i].pos_ in ("ADJ", "DET", "NUM"):
        i -= 1
    return doc[i].lower_ if i >= 0 and doc[i].pos_ == "ADP" else "-"


def _counted(noun: Token) -> bool:
    """Whether a number stands right before the noun ("14 млн тонн", "5 тыс. человек")."""
    doc = noun.doc
    i = noun.i - 1
    while i >= 0 and noun.i - i < 4 and (doc[i].text == "." or doc[i].lower_ in _MULTIPLIERS):
        i -= 1
    return i >= 0 and i < noun.i and (doc[i].like_num or doc[i].pos_ == "NUM")


def _own_features(token: Token, tags: Callable[[Token], Iterable[str]] | None) -> list[str]:
    """A candidate's features that do not depend on the figure."""
    doc = token.doc
    lemma = token.lemma_.lower()
    own = [
        "pos=" + token.pos_,
        "case=" + _case_name(token),
        "num=" + "".join(morph_values(token, "Number")),
        "dep=" + (token.dep_ or "none"),
        "prep=" + _preposition(token),
        "lemma=" + lemma,
    ]
    if token.is_sent_start or (
        token.i > 0 and doc[token.i - 1].is_sent_start and doc[token.i - 1].is_punct
    ):
        own.append("opens")
    for name, words in _LEXICONS:
        if lemma in words:
            own.append("lex=" + name)
    if lemma in CURRENCY_WORDS or lemma in _MULTIPLIERS or token.lower_ in _MULTIPLIERS:
        own.append("lex=unit")
    if _people(token):
        own.append("people")
    if _counted(token):
        own.append("counted")
    if _parsed(token) and token.head.i != token.i:
        own.append("hdep=" + (token.head.dep_ or "none"))
        own.append("hcls=" + word_class(token.head))
        own.append("hlemma=" + token.head.lemma_.lower())
    if tags is not None:
        own.extend(tags(token))
    return own


def features(
    token: Token,
    figure: Figure,
    predicate: Token | None,
    kind: str,
    context: tuple[str, ...],
    rule: Token | None,
    rank: int,
    previous: bool,
    tags: Callable[[Token], Iterable[str]] | None = None,
    window: _Window | None = None,
    memo: Memo | None = None,
    before: Token | None = None,
) -> Features:
    """The features of one candidate (``context``: the figure's own features, the same
    for every candidate; ``rank``: its place among the candidates on its side of the figure,
    nearest first; ``tags``: the article's places and people, as feature names; ``before``: the
    subject of the figure before in the sentence)."""
    anchor = figure.anchor
    doc = token.doc
    lemma = token.lemma_.lower()
    known = memo.words.get(token.i) if memo is not None else None
    if known is None:
        words = _own_features(token, tags)
        known = (
            tuple(o for o in words if not o.startswith(_UNCROSSED)),
            tuple(o for o in words if o.startswith(_UNCROSSED)),
        )
        if memo is not None:
            memo.words[token.i] = known
    own: list[str] = []
    plain: list[str] = ["kind=" + kind + "&lemma=" + lemma]
    if rule is not None and token.i == rule.i:
        own.append("rule")
        # what the rules' choice is: one in a prepositional phrase, an object, ... is less sure
        own.extend("rule@" + o for o in known[0] if o.startswith(_OF_RULE))
        own.extend("rule@" + o for o in known[1] if o.startswith(("hcls=", "lex=")))
    elif rule is not None and token.lemma_ == rule.lemma_:
        own.append("rule_lemma")
    if rule is not None and _parsed(token) and token.head.i != token.i:
        if token.head.i == rule.i:
            own.append("of_rule=" + token.dep_)  # "количество краж": the rule's genitive
        if rule.head.i == token.i:
            own.append("rule_of=" + rule.dep_)
    if predicate is not None and token.i == predicate.i:
        own.append("is_pred")
    if before is not None and token.i == before.i:
        own.append("before_subject")
    elif before is not None and token.lemma_ == before.lemma_:
        own.append("before_lemma")
    if previous:
        own.append("prev")
        plain.append("prank=" + _bucket(rank))
    else:
        side = "before" if token.i < figure.first.i else "after"
        distance = figure.first.i - token.i if side == "before" else token.i - figure.last.i
        own.append("side=" + side)
        own.append(f"{side}_dist=" + _bucket(distance))
        own.append(f"{side}_rank=" + _bucket(rank))
        low, high = (
            (token.i + 1, figure.first.i) if side == "before" else (figure.last.i + 1, token.i)
        )
        if window is not None and window.in_brackets(token):
            plain.append("in_brackets")
        window = window or _Window(doc, min(low, high), max(low, high))
        marks = window.between(low, high)
        own.extend(marks[:-2])
        plain.extend(marks[-2:])  # the counts of commas and verbs
        path = _path(token, anchor)
        if path is None:
            own.append("path=none")
        else:
            up, down = path
            own.append(f"path={min(up, 4)}/{min(down, 4)}")
            if up == 0:
                own.append("path=dominates")  # the candidate governs the figure
        own.append("chain=" + _chain(token, anchor))
        if token.head.i == anchor.i and _parsed(token):
            own.append("of_figure=" + token.dep_)  # "90 % жителей"
        if predicate is not None and _parsed(predicate):
            if token.head.i == predicate.i and token.i != predicate.i:
                own.append("of_pred=" + token.dep_)
            pp = _path(token, predicate)
            own.append("ppath=" + (f"{min(pp[0], 4)}/{min(pp[1], 4)}" if pp else "none"))
    own.append(_agreement(token, predicate))
    return Features((*known[0], *own), (*known[1], *plain), context)


_PRIMARY = ("k=", "rule=")  # context crossed with every crossed feature
_SECONDARY = ("dep=", "case=", "side=", "prev", "rule")  # what the rest of it is crossed with
_UNCROSSED = (
    "lemma=",
    "prank=",
    "commas=",
    "verbs=",
    "hdep=",
    "num=",
    "lex=",
    "hlemma=",
    "hcls=",
)


_LEXICONS = (
    ("change", CHANGE),
    ("measure", MEASURES),
    ("rate", RATES),
    ("base", BASE_NOUNS),
    ("fraction", FRACTIONS),
    ("owning", OWNING),
)


def figure_context(
    figure: Figure,
    kind: str,
    predicate: Token | None,
    rule: Token | None,
    listed: bool,
    preposition: str | None,
    read_by: str = "",
    carried: tuple[str, ...] = (),
    window: _Window | None = None,
) -> tuple[str, ...]:
    """The figure's features that every candidate is crossed with (``read_by``: the name of the
    rule that read the figure, ``carried``: those that completed its reading)."""
    out = ["k=" + kind, "fprep=" + (preposition or "-")]
    if predicate is None:
        out.append("pred=none")
    else:
        out.append("pred=" + predicate.pos_)
        out.append("pcls=" + word_class(predicate))
    if rule is None:
        out.append("rule=none")
    if listed:
        out.append("listed")
    if read_by:
        out.append("read=" + read_by)
    out.extend("carried=" + name for name in carried)
    anchor = figure.anchor
    if _parsed(anchor):
        out.append("fdep=" + anchor.dep_.split(":")[0])
        out.append("fhead=" + word_class(anchor.head))
    if window is not None and window.in_brackets(figure.first):
        out.append("f_in_brackets")
    return tuple(out)


def candidates(
    figure: Figure,
    sent: Span,
    kind: str,
    predicate: Token | None,
    rule: Token | None,
    listed: bool,
    preposition: str | None,
    tags: Callable[[Token], Iterable[str]] | None = None,
    extra: Iterable[tuple[Token | None, str]] = (),
    memo: Memo | None = None,
    read_by: str = "",
    carried: tuple[str, ...] = (),
    before: Token | None = None,
) -> list[Candidate]:
    """The candidate subjects of one figure (the rules' choice among them, wherever it is;
    ``extra``: words the sentences before carried over, each with the name of its source;
    ``memo``: what is kept across the figures of an article, see :class:`Memo`; ``read_by``,
    ``carried``: the names of the rules that read the figure and completed its reading;
    ``before``: the subject of the figure before in the sentence)."""
    doc = sent.doc
    memo = memo or Memo()
    low, high = max(sent.start, figure.first.i - 30), min(sent.end, figure.last.i + 16)
    window = memo.window(sent)

    def add(token: Token, rank: int, previous: bool, more: tuple[str, ...] = ()) -> None:
        names = features(
            token,
            figure,
            predicate,
            kind,
            context,
            rule,
            rank,
            previous,
            tags,
            window if sent.start <= token.i < sent.end else None,
            memo,
            before,
        )
        subject = token
        if token.pos_ == "PRON" and token.lemma_ in _PERSONAL:
            subject = resolve(token, token.sent if previous else sent) or token
            if subject.i != token.i:
                more += ("resolved",)
        if more:
            names = Features(names.crossed, names.plain + more, names.context)
        seen.add(token.i)
        found.append(Candidate(token, subject, names, rule is not None and token.i == rule.i))

    context = figure_context(
        figure, kind, predicate, rule, listed, preposition, read_by, carried, window
    )
    found: list[Candidate] = []
    seen: set[int] = set()
    ahead = [doc[i] for i in range(low, figure.first.i) if memo.candidate(doc[i], figure)]
    after = [doc[i] for i in range(figure.last.i + 1, high) if memo.candidate(doc[i], figure)]
    near = sorted(
        [(figure.first.i - t.i, 0, n, t) for n, t in enumerate(reversed(ahead))]
        + [(t.i - figure.last.i, 1, n, t) for n, t in enumerate(after)]
    )[:_NEAR_SENT]
    for _, _, rank, token in near:
        add(token, rank, False)
    if sent.start > 0:
        previous = doc[sent.start - 1].sent
        nouns = [t for t in previous[:25] if memo.candidate(t, figure)][:_NEAR_BEFORE]
        for rank, token in enumerate(nouns):
            add(token, rank, True)
    for word, source in extra:
        if word is not None and word.i not in seen:
            add(word, 0, word.i < sent.start, (source, "far"))
    if rule is not None and rule.i not in seen:
        add(rule, 0, rule.i < sent.start, ("far",))
    return found
