"""Geographic words: places the model left untagged or took for people, by their words.

A capitalized word outside every span, each of whose pymorphy3 readings is a known
geographic proper noun ("Фермеры Нормандии бастуют", "О Таррагоне пишут"), names a place: no
first name, surname, common noun or verb reads so. A one-word "person" that pymorphy3 does not
know, right after "в", "из", "из-под" or "под", is a place ("Из-под Кальдорры вывезли"), and
one after "возле" or "близ" when it reads as no person's name ("бои возле Бадахоса"). Two
places joined by a dash that the gazetteer knows as one are one ("Папуа — Новой Гвинее").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from . import resources
from ._batch import token_texts
from ._spans import CLOSE_QUOTES, OPEN_QUOTES, covered_mask
from .normalize.phrases import dashed_name
from .normalize.place_words import (
    APPOSITION_NOUNS,
    REGION_ABBREVIATIONS,
    SETTLEMENT_ABBREVIATIONS,
    TOWN_NOUNS,
    apposition_noun,
)
from .places import capitalized_tokens

__all__ = [
    "dashed_places",
    "geographic_words",
    "names_after_settlement_nouns",
    "with_abbreviated_nouns",
    "only_geographic",
    "route_pairs",
    "unknown_words_after_in",
]


@lru_cache(maxsize=100_000)
def only_geographic(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` (lowercase) and reads it only as a place's name."""
    parses = resources.word_parses(word)
    return bool(parses) and all(
        parse.is_known and parse.tag.POS == "NOUN" and "Geox" in parse.tag for parse in parses
    )


def _in_quotes(doc: Doc, i: int) -> bool:
    """Whether an opening quote stands before ``doc[i]`` in its sentence with no closing one
    after it (inside a quoted name: «Звезда Нормандии»)."""
    start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
    depth = 0
    for text in token_texts(doc, ORTH)[start:i]:
        if text in OPEN_QUOTES:
            depth += 1
        elif text in CLOSE_QUOTES and depth:
            depth -= 1
    return depth > 0


def geographic_words(doc: Doc, spans: list[Span], capitalized: bytes | None = None) -> list[Span]:
    """``spans`` with a LOC span added for each capitalized one-word token outside them that
    pymorphy3 reads only as a place's name (:func:`only_geographic`), not inside quotes.
    ``capitalized``: :func:`~newsnlp.places.capitalized_tokens`, when the caller has it."""
    texts = token_texts(doc, ORTH)  # no Token object per word
    # 1 per capitalized word outside the spans: the scan jumps from one to the next
    open_ = bytearray(capitalized_tokens(doc) if capitalized is None else capitalized)
    for span in spans:
        open_[span.start : span.end] = bytes(span.end - span.start)
    found = []
    i = open_.find(1)
    while i >= 0:
        text = texts[i]
        if (
            len(text) >= 3
            and text.isalpha()
            and not text.isupper()
            and only_geographic(text.lower())
            and not _in_quotes(doc, i)
        ):
            found.append(Span(doc, i, i + 1, label="LOC"))
        i = open_.find(1, i + 1)
    if not found:
        return spans
    return sorted(spans + found, key=lambda span: span.start)


# prepositions that put a place after them far more often than a person ("влюбился в ..." is
# rare beside "прибыл в ..."); not "на", "к", "с", which take people as often
_PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "из-под", "под", "подо"})
# prepositions of nearness: a place after them as a rule ("близ Пальмиры"), a person now and
# then ("возле Смирнова"): the word is taken for a place only when it reads as no person's name
_NEAR_PREPOSITIONS = frozenset({"у", "возле", "близ", "вблизи", "около"})
# pymorphy3's grammemes of people's names, and of an animate noun
_PERSON_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "anim"})


def _no_person_reading(word: str) -> bool:
    """Whether no genitive reading pymorphy3 guesses for an unknown ``word`` (lowercase) is a
    person's ("бадахоса": a masculine noun's genitive, not "смитсона", a surname's)."""
    genitives = [parse for parse in resources.word_parses(word) if parse.tag.case == "gent"]
    return bool(genitives) and not any(
        _PERSON_GRAMMEMES & parse.tag.grammemes for parse in genitives
    )


def unknown_words_after_in(
    doc: Doc, spans: list[Span], capitalized: bytes | None = None
) -> list[Span]:
    """``spans`` with a one-word PER span right after a preposition of a place
    (:data:`_PLACE_PREPOSITIONS`) relabelled LOC when pymorphy3 knows no reading of the word (no
    first name nor surname it knows: "под Мальвенной", not "в Марию") and the document writes
    it in no longer person's name. After a preposition of nearness (:data:`_NEAR_PREPOSITIONS`:
    "возле", "близ") the same, when no genitive pymorphy3 guesses for the word is a person's
    ("бои возле Бадахоса", not "у Смитсона"); a capitalized word the model left untagged after
    one of them, "у" too, is added as a place by the same test. A person the model tags after
    "у" stays one: "у" takes an owner as often as a place ("у Ковальчика изъяли оружие").
    ``capitalized``: :func:`~newsnlp.places.capitalized_tokens`, when the caller has it."""
    texts, lowers = token_texts(doc, ORTH), token_texts(doc, LOWER)  # no Token per word
    in_names = {
        text.lower()
        for span in spans
        if len(span) > 1 and span.label_ == "PER"
        for text in texts[span.start : span.end]
    }

    def unknown_place(i: int, tagged: bool = False) -> bool:
        text = texts[i]
        before = lowers[i - 1] if i > 0 else ""
        if before not in _PLACE_PREPOSITIONS and before not in _NEAR_PREPOSITIONS:
            return False
        if tagged and before == "у":
            return False  # "у Ковальчика изъяли": whom the model tags after "у" is a person
        word = text.lower()
        if not text.istitle() or word in in_names or not text.isalpha():
            return False
        if any(parse.is_known for parse in resources.word_parses(word)):
            return False
        return before in _PLACE_PREPOSITIONS or _no_person_reading(word)

    found = []
    for span in spans:
        if len(span) == 1 and span.label_ == "PER" and unknown_place(span.start, tagged=True):
            span = Span(doc, span.start, span.end, label="LOC")
        found.append(span)
    # 1 per capitalized word outside the spans (``unknown_place`` takes only a capitalized
    # one): the scan jumps from one to the next
    open_ = bytearray(capitalized_tokens(doc) if capitalized is None else capitalized)
    for span in spans:
        open_[span.start : span.end] = bytes(span.end - span.start)
    added = []
    i = open_.find(1, 1)
    while i >= 0:
        if lowers[i - 1] in _NEAR_PREPOSITIONS and unknown_place(i) and not _in_quotes(doc, i):
            added.append(Span(doc, i, i + 1, label="LOC"))
        i = open_.find(1, i + 1)
    if not added:
        return found
    return sorted(found + added, key=lambda span: span.start)


_DASHES = frozenset({"—", "–"})


def dashed_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with two place spans joined by a dash made one when the gazetteer knows the
    two names so joined as one place (:func:`~newsnlp.normalize.phrases.dashed_name`: "Папуа —
    Новой Гвинеи", "Северной Осетии — Алании"; a route, "Чита — Хабаровск", stays two)."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if (
            last is not None
            and last.label_ == span.label_ == "LOC"
            and span.start == last.end + 1
            and doc[last.end].text in _DASHES
        ):
            both = Span(doc, last.start, span.end, label="LOC")
            if dashed_name(both) is not None:
                found[-1] = both
                continue
        found.append(span)
    return found


_ADJECTIVE_ENDINGS = (
    *("ий", "ый", "ой", "ая", "яя", "ого", "его", "ому", "ему", "ым", "им", "ом"),
    *("ем", "ей", "ую", "юю"),
)


@lru_cache(maxsize=10_000)
def _adjective_reading(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` (lowercase) as an adjective first."""
    parses = resources.word_parses(word)
    return bool(parses) and parses[0].tag.POS == "ADJF"


def names_after_settlement_nouns(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with a capitalized word right after a lowercase noun of a settlement, a part
    of a town, a town or a natural place (``place_words.APPOSITION_NOUNS``: "в посёлке
    Мирном", "микрорайона Солнечный", "на реке Белой"), or after a settlement noun's
    abbreviation and a dot ("в с. Покровское"), made a place: a LOC span added when the word
    is outside every span and not inside quotes, a one-word person there relabelled (not
    after a town's noun: "мэр города Лужков"). The
    model skips such names when they read as adjectives."""
    covered = covered_mask(doc, spans)
    texts = token_texts(doc, ORTH)
    found = []

    def after_noun(i: int) -> bool:
        if i < 1 or not texts[i][:1].isupper() or texts[i].isupper():
            return False
        if not texts[i].replace("-", "").isalpha():
            return False
        if texts[i - 1] == "." and i >= 2 and texts[i - 2] in SETTLEMENT_ABBREVIATIONS:
            return True  # "в ст. Каневской", "из д. Мшанки"
        before = texts[i - 1]
        if before.islower() and before != "и":
            lemma = doc[i - 1].lemma_
            return lemma in APPOSITION_NOUNS or (
                lemma == "пункт" and apposition_noun(doc, i - 1) is not None
            )
        if before not in ("и", ","):
            return False
        # past the names coordinated before it after a plural noun: "в посёлках Лесной и
        # Светлый", "сёлах Луговое, Опытное и Заречное"
        k = i - 1
        while k >= 2 and texts[k] in ("и", ",") and texts[k - 1][:1].isupper():
            k -= 2
        return (
            k < i - 1
            and apposition_noun(doc, k) is not None
            and "Plur" in doc[k].morph.get("Number", [])
        )

    def adjective_and_noun(i: int) -> bool:
        # "в с. Верхний Услон", "д. Малые Вишери": the model parts the two words
        return (
            i + 1 < len(texts)
            and texts[i + 1].istitle()
            and texts[i + 1].isalpha()
            and texts[i].lower().endswith(_ADJECTIVE_ENDINGS + ("ые", "ие"))
            and _adjective_reading(texts[i].lower())
        )

    anchors = [i for i in range(1, len(texts)) if after_noun(i)]  # names after such a noun
    if not anchors:
        return spans
    single = {span.start for span in spans if len(span) == 1 and span.label_ in ("LOC", "PER")}
    pairs = [
        i
        for i in anchors
        if (not covered[i] or i in single)
        and i + 1 < len(texts)
        and (not covered[i + 1] or i + 1 in single)
        and adjective_and_noun(i)
    ]
    if pairs:  # the two words made one place
        parted = {*pairs, *(i + 1 for i in pairs)}
        spans = [span for span in spans if len(span) != 1 or span.start not in parted]
        spans = sorted(
            spans + [Span(doc, i, i + 2, label="LOC") for i in pairs], key=lambda s: s.start
        )
        for i in parted:
            covered[i] = True
    for span in spans:
        if (
            len(span) == 1
            and span.label_ == "PER"
            and after_noun(span.start)
            and doc[span.start - 1].lemma_ not in TOWN_NOUNS  # "мэр города Лужков"
        ):
            span = Span(doc, span.start, span.end, label="LOC")
        found.append(span)
    added = [
        Span(doc, i, i + 1, label="LOC")
        for i in anchors
        if not covered[i] and not _in_quotes(doc, i)
    ]
    if not added:
        return found
    return sorted(found + added, key=lambda span: span.start)


def with_abbreviated_nouns(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with a region's or a district's abbreviated noun after a capitalized
    adjective taken into its place ("Заокского р-на", "Тульской обл."): a place span ending
    in the adjective is extended over it, an adjective outside every span made a place with
    it (:data:`~newsnlp.normalize.place_words.REGION_ABBREVIATIONS`)."""
    texts, lowers = token_texts(doc, ORTH), token_texts(doc, LOWER)
    if REGION_ABBREVIATIONS.keys().isdisjoint(lowers):
        return spans  # (most documents: no abbreviation, one pass in C)
    abbreviated = [
        i
        for i in range(1, len(texts))
        if lowers[i] in REGION_ABBREVIATIONS
        and texts[i - 1][:1].isupper()
        and texts[i - 1].lower().endswith(_ADJECTIVE_ENDINGS)
    ]
    if not abbreviated:
        return spans
    ends = {span.end: k for k, span in enumerate(spans)}
    covered = covered_mask(doc, spans)
    found = list(spans)
    for i in abbreviated:
        if i in ends and spans[ends[i]].label_ == "LOC":
            span = spans[ends[i]]
            found[ends[i]] = Span(doc, span.start, i + 1, label="LOC")
        elif not covered[i - 1] and not covered[i]:
            found.append(Span(doc, i - 1, i + 1, label="LOC"))
    return sorted(found, key=lambda span: span.start)


# a route's start and end: "от A до B", "из A в B"
_ROUTE_STARTS = frozenset({"из", "от", "с", "со"})
_ROUTE_ENDS = frozenset({"до", "в", "во", "на"})


def route_pairs(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with the untagged end of a route made a place: after "от", "из", "с" and a
    place, "до", "в" or "на" and one capitalized word outside every span and quotes ("от
    Ангарска до Находки", "из Читы в Могочу"): a common noun written so there ("Находки") is
    the town that the route's symmetry names."""
    texts = token_texts(doc, ORTH)
    covered = covered_mask(doc, spans)
    added = []
    for span in spans:
        i = span.end + 1
        if (
            span.label_ != "LOC"
            or span.start == 0
            or texts[span.start - 1].lower() not in _ROUTE_STARTS
            or i >= len(doc)
            or texts[span.end].lower() not in _ROUTE_ENDS
            or covered[i]
        ):
            continue
        word = texts[i]
        if word.istitle() and word.replace("-", "").isalpha() and not _in_quotes(doc, i):
            if i + 1 >= len(doc) or not texts[i + 1][:1].isupper():
                added.append(Span(doc, i, i + 1, label="LOC"))
    if not added:
        return spans
    return sorted(spans + added, key=lambda span: span.start)
