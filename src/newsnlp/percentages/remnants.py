"""Listed phrases: "капуста — на 31 %", "Иван Петров — 52 %", "холдинг «Альфа» (48 %)": the phrase
before a dash, colon or bracket and its head noun.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..resources import word_parses
from ..tag import morph_values
from .figures import Figure
from .lexicon import (
    _DASH_MARKS,
    _MULTIPLIERS,
    _PHRASE_BOUNDS,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _QUOTES,
    _REACH,
    _SKIPPABLE,
    LEGAL_FORMS,
)
from .tokens import (
    _ancestors,
    _case,
    _finite,
    _genitive,
    _has_case,
    _in_phrase_of_preposition,
    _parsed,
    _sign_word,
    _time_anchor,
)


def listed_before(figure: Figure, sent: Span) -> Span | None:
    """The phrase a figure is listed with: "капуста — на 31 %", "Иван Петров — 52 %",
    "Экспорт: минус 18 %", "холдинг «Альфа» (48 %)": the words from the previous list mark
    (comma, conjunction, colon, dash, bracket) to the dash, colon or bracket before the figure.
    """
    doc = figure.first.doc
    i = figure.first.i - 1
    while i >= sent.start and (
        doc[i].lower_ in _SKIPPABLE or doc[i].lower_ in _PREPOSITIONS or _sign_word(doc[i])
    ):
        i -= 1
    if i < sent.start:
        return None
    mark = doc[i].text
    if mark == "(":
        # "доходы 40 млрд рублей (102 % к плану)": the bracket closes after the
        # figure and what it is taken of
        inside = list(doc[figure.last.i + 1 : min(figure.last.i + 9, sent.end)])
        texts = [token.text for token in inside]
        if ")" not in texts or "(" in texts[: texts.index(")")]:
            return None
        if any(_finite(token) for token in inside[: texts.index(")")]):
            return None  # "(58 % ничего не заметили)": a clause, not an item's share
    elif mark not in _DASH_MARKS:
        return None
    stop = i
    i -= 1
    while i >= sent.start and doc[i].text in _QUOTES:
        i -= 1
    if mark in _DASH_MARKS and i > sent.start and doc[i].text == ")":
        # "губернатор Иван Петров («Единая Россия») — 27 %": the party in brackets after the
        # name is no bound of the phrase
        opening = next(
            (j for j in range(i - 1, max(sent.start, i - 8) - 1, -1) if doc[j].text in "()"),
            None,
        )
        if opening is not None and doc[opening].text == "(":
            stop = i = opening
            i -= 1
    start = i + 1
    while i >= sent.start and stop - i <= 12:
        token = doc[i]
        if token.lower_ in _PHRASE_BOUNDS:
            break
        start = i
        i -= 1
    verbs = [token.i for token in doc[start:stop] if _finite(token)]
    if verbs and mark == "(":
        start = verbs[-1] + 1  # "владельцами являются фонд «Прогресс» (60 %)": after the verb
    elif verbs:
        return None  # a clause with its own verb is not a listed phrase ("опрошенных" may be)
    if start >= stop:
        return None
    return doc[start:stop]


def _remnant_noun(phrase: Span) -> tuple[Token | None, Token | None]:
    """The head noun of a listed phrase, not in a prepositional phrase: (a nominative, None),
    or (None, an oblique one) when the phrase has only those."""
    inside = range(phrase.start, phrase.end)
    candidates = [
        token
        for token in phrase
        if (token.pos_ in ("NOUN", "PROPN") or _latin_name(token))
        and not _time_anchor(token)
        and token.lower_.rstrip(".") not in _MULTIPLIERS  # "50 тыс. человек"
        and not _in_phrase_of_preposition(token, phrase)
        and not any(_has_case(t) for t in (token, *_ancestors(token, 3)) if t.i in inside)
        and not _elided_noun_adjective(token, phrase)
    ]
    if not candidates:
        return _substantive(phrase), None
    heads = [token for token in candidates if token.head.i not in inside or token.head.i == token.i]
    for group in (heads, candidates):
        for token in group:
            if _nominative(token):
                if _quoted_name_of(token, candidates) and token.head.lower_ not in LEGAL_FORMS:
                    return token.head, None  # "холдингу «Вектор» (51 %)": the holder
                return _named_company(token, phrase), None
    return None, (heads or candidates)[0]


def _latin_name(token: Token) -> bool:
    """A capitalized Latin word the tagger leaves without a part of speech ("Northmoor")."""
    return token.pos_ == "X" and token.text[:1].isupper() and token.text.isascii()


def _named_company(token: Token, phrase: Span) -> Token:
    """ "ЗАО «Вектор»": the quoted name after a legal form, else the token."""
    if token.lower_ not in LEGAL_FORMS:
        return token
    doc = token.doc
    i = token.i + 1
    while i < phrase.end and doc[i].text in _QUOTES:
        i += 1
    if i < phrase.end and i > token.i + 1 and not doc[i].is_punct:
        return doc[i]
    return token


def _substantive(phrase: Span) -> Token | None:
    """ "Безработные — 5 %, занятые — 95 %": a phrase of one nominative plural adjective or
    participle used as a noun (not one that stands for the noun of a like adjective before)."""
    words = [token for token in phrase if not token.is_punct]
    if len(words) != 1 or words[0].pos_ not in ("ADJ", "VERB"):
        return None
    word = words[0]
    if not _case(word, "Nom") or morph_values(word, "Number") != ["Plur"]:
        return None
    if word.pos_ == "VERB" and "Part" not in morph_values(word, "VerbForm"):
        return None
    return None if _elided_noun_adjective(word, phrase) else word


def _elided_noun_adjective(token: Token, phrase: Span) -> bool:
    """ "Городское население — 74 %, сельское — 26 %": an adjective (the tagger may take it for
    a noun) that stands for the noun of a like adjective before it, in the same form."""
    if token.pos_ != "ADJ" and not any(
        p.tag.POS == "ADJF" and p.normal_form == token.lemma_ for p in word_parses(token.lower_)
    ):
        return False  # a noun, not an adjective the tagger lemmatized as one ("сельский")
    form = [morph_values(token, feature) for feature in ("Case", "Number", "Gender")]
    doc = token.doc
    start = max(phrase.doc[phrase.start].sent.start, phrase.start - _REACH)
    for i in range(phrase.start - 1, start - 1, -1):
        other = doc[i]
        if other.pos_ != "ADJ" or other.dep_ != "amod" or other.head.pos_ != "NOUN":
            continue
        if [morph_values(other, f) for f in ("Case", "Number", "Gender")] == form:
            return True
    return False


def _quoted_name_of(token: Token, candidates: list[Token]) -> bool:
    """Whether the token is a name in quotes right after the noun of the phrase it names."""
    doc = token.doc
    quoted = token.i > 0 and doc[token.i - 1].text in _QUOTES
    return quoted and token.head in candidates and token.head.i == token.i - 2


def _parallel(remnant: Token, subject: Token, change: Token) -> bool:
    """Whether the remnant of an elided clause matches a dependent of the first clause's
    subject (same part of speech and case, no preposition) rather than the subject itself."""
    if not _parsed(subject) or remnant.pos_ == subject.pos_ and _same_case(remnant, subject):
        return False
    for token in subject.subtree:
        if token.i >= change.i or token.i == subject.i or _has_case(token):
            continue
        if token.pos_ == remnant.pos_ and _same_case(token, remnant):
            return True
    return False


def _same_case(a: Token, b: Token) -> bool:
    """Same case, or one of them has none (an indeclinable name: "АИ-95", "Toyota")."""
    first, second = morph_values(a, "Case"), morph_values(b, "Case")
    return not first or not second or first == second


def _nominative(token: Token) -> bool:
    """A nominative noun, one without case, or one counted by a nominative ("две трети")."""
    if _case(token, "Nom") or not morph_values(token, "Case"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in _QUANTIFIERS and _case(token, "Gen"):
        return True  # "более половины жителей — 53 %": the quantifier governs the genitive
    if _holds_own_orphan(token) and _genitive(token) is not None and _may_be_nominative(token):
        # "бумаги «Сбербанка» — на 1,8 %": the parse makes it the remnant of an elided
        # clause, with a genitive of its own (a whole noun phrase, not one restating the
        # genitive of the subject: "а «Ленты» — на 7 %"); the tagger reads it as a genitive,
        # the dictionary allows a nominative
        return True
    return any(
        child.dep_.startswith("nummod") and _case(child, "Nom") and child.i < token.i
        for child in token.children
    )


def _holds_own_orphan(token: Token) -> bool:
    """Whether an orphan of the parse hangs on the noun within its own listed item (no list
    comma between them)."""
    doc = token.doc
    for child in token.children:
        if child.dep_ == "orphan" and child.i > token.i:
            between = doc[token.i + 1 : child.i]
            return not any(t.text in (",", ";") for t in between)
    return False


def _may_be_nominative(token: Token) -> bool:
    """Whether the dictionary has the word as a nominative noun of the tagged lemma."""
    return any(
        parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.normal_form == token.lemma_
        for parse in word_parses(token.lower_)
    )
