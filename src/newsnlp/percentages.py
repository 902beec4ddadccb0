"""Extract facts: every percentage with a value, as a typed fact.

A percentage is a number (digits "66", "52,1", a range "2-3") followed by "%" or a form of
"процент". Around it we read the approximation words ("около", "более", "до"), whether it is a
change ("вырос на 66 %") or a level ("доля составляет 5 %"), the direction of a change, and
the subject: the noun the figure measures, found from the dependency parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .schema import Percentage, Phrase

if not Doc.has_extension("percentages"):
    Doc.set_extension("percentages", default=None)

# Words that trigger parsing a sentence: the syntax stage parses only those (see pipeline).
TRIGGERS = ("%", "процент")

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_RANGE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*[-‐‑–—]\s*(\d+(?:[.,]\d+)?)$")

UP = frozenset(
    "вырасти увеличиться увеличить повыситься повысить подорожать подняться поднять рост "
    "прирост увеличение повышение подорожание возрасти расти увеличиваться прибавить "
    "нарастить вырастать подскочить".split()
)
DOWN = frozenset(
    "снизиться снизить сократиться сократить упасть уменьшиться уменьшить подешеветь "
    "понизиться понизить снижение сокращение падение уменьшение удешевление ограничить "
    "опуститься потерять".split()
)
_APPROX = {
    "около": "about",
    "порядка": "about",
    "примерно": "about",
    "приблизительно": "about",
    "почти": "about",
    "более": "more_than",
    "свыше": "more_than",
    "больше": "more_than",
    "менее": "less_than",
    "меньше": "less_than",
    "до": "up_to",
}


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def percent_tokens(sent: Span) -> Iterator[tuple[Token, Token]]:
    """(number token, sign token) for every "N %" / "N процентов" in the sentence."""
    words = [token for token in sent if not token.is_space]
    for number, sign in zip(words, words[1:]):
        if sign.text in ("%", "％") or sign.lower_.startswith("процент"):
            if _NUMBER.match(number.text) or _RANGE.match(number.text):
                yield number, sign


def _previous_word(token: Token, sent: Span) -> Token | None:
    i = token.i - 1
    while i >= sent.start and (token.doc[i].is_space or token.doc[i].is_punct):
        i -= 1
    return token.doc[i] if i >= sent.start else None


def _predicate(sign: Token) -> Token | None:
    """The verb or noun of change the figure depends on, following the parse upwards."""
    token = sign
    for _ in range(4):
        if token.head is token:
            return token if token.lemma_ in UP | DOWN else None
        token = token.head
        if token.lemma_ in UP | DOWN:
            return token
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _subject(sign: Token, predicate: Token | None) -> Token | None:
    if predicate is not None:
        for child in predicate.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ in ("NOUN", "PROPN"):
                return child
        if predicate.pos_ == "NOUN" and predicate.lemma_ in UP | DOWN:
            for child in predicate.children:
                if child.dep_ == "nmod":
                    return child
    for child in sign.children:
        if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN"):
            return child
    if sign.head is not sign and sign.head.pos_ in ("NOUN", "PROPN"):
        return sign.head
    return None


def _phrase(token: Token) -> Phrase:
    words = token.doc[token.left_edge.i : token.i + 1]
    return Phrase(text=words.text, start=words.start_char, stop=words.end_char, lemma=token.lemma_)


def percentage(number: Token, sign: Token, sent: Span) -> Percentage:
    """The fact for one "N %" expression."""
    doc = number.doc
    start, stop = number.idx, sign.idx + len(sign.text)
    value = low = high = None
    ranged = _RANGE.match(number.text)
    if ranged:
        low, high = _float(ranged.group(1)), _float(ranged.group(2))
    else:
        value = _float(number.text)
    before = _previous_word(number, sent)
    predicate = _predicate(sign)
    change = before is not None and before.lower_ == "на" and predicate is not None
    change = change and predicate.lemma_ in UP | DOWN
    approx = _APPROX.get(before.lower_, "exact") if before is not None else "exact"
    if approx == "up_to" and predicate is not None and predicate.lemma_ in UP | DOWN:
        approx = "exact"
    direction = "none"
    if change and predicate is not None:
        direction = "up" if predicate.lemma_ in UP else "down"
    subject = _subject(sign, predicate)
    return Percentage(
        start=start,
        stop=stop,
        text=doc[number.i : sign.i + 1].text,
        value=value,
        low=low,
        high=high,
        unit="percent",
        approx=approx,
        kind="change" if change else "level",
        direction=direction,
        subject=_phrase(subject) if subject is not None else None,
        predicate=predicate.lemma_ if predicate is not None else None,
    )


def extract_percentages(doc: Doc) -> list[Percentage]:
    """Every percentage fact of a tagged (and, for its sentences, parsed) document."""
    return [
        percentage(number, sign, sent)
        for sent in doc.sents
        for number, sign in percent_tokens(sent)
    ]


class PercentageExtractor:
    """Sets ``doc._.percentages`` to the list of percentage facts."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.percentages = extract_percentages(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newsnlp_percentages", default_config={})
def make_percentages(nlp: Language, name: str) -> PercentageExtractor:
    """Factory of the percentage fact extractor."""
    return PercentageExtractor()
