"""Places: the recognizer's rules for place names.

A place span ends before a lowercase preposition; a demonym or a lone adjective is no place;
the gazetteer settles labels (a country the model called a person is a place, a union of
states an organization) and adds the places the model missed, also those named inside an
organization's name ("Совета Европы").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from . import resources
from ._batch import token_texts
from ._spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    capitalized_common_noun,
    common_noun_before_name,
    covered_mask,
    is_proper,
    opens_sentence,
    token_parses,
)
from .gazetteer import default_gazetteer
from .shared_heads import shared_head
from .tag import best_parse, token_tag

# nouns of a kind of settlement, which a sentence may open before its name ("Посёлок Нижние
# Выселки затопило"); not "Республика", "Остров", which official names hold
_SETTLEMENT_NOUNS = frozenset(
    "город посёлок поселок село деревня станица хутор аул слобода местечко".split()
)


def _settlement_noun(token: Token) -> bool:
    """A sentence's first word that is a noun of a kind of settlement ("Посёлок", "Село")."""
    return opens_sentence(token) and any(
        parse.normal_form in _SETTLEMENT_NOUNS for parse in token_parses(token)
    )


def cut_at_preposition(span: Span) -> Span:
    """A place ends before a lowercase preposition or finite verb: "США по патентам" gives "США".

    The model sometimes runs a place on into the words of an organization's name ("Бюро США по
    патентам и товарным знакам"); place names written as separate words do not contain
    prepositions ("Ростов-на-Дону" is one token).
    A capitalized preposition opening the sentence ("Во Владимире") and, opening it, a common
    noun of people ("Пастухам Ямальского района"), of a kind of settlement ("Село Ивановка"), of
    anything but a place ("Паром Ванино"; not "Озеро Байкал"), or one governing the place in the
    genitive ("Доля Соединённых Штатов") are not part of the name either.
    """
    if len(span) == 1 or span.label_ != "LOC":
        return span  # (a one-word place: nothing before or inside it to cut)
    start = span.start
    first = span[0]
    if len(span) > 1 and (
        (first.pos_ == "ADP" and first.is_sent_start)
        or capitalized_common_noun(first, animate=True)
        or (_governs_place(first, span[1]) and capitalized_common_noun(first))
        or _head_of_known_place(span)
        or _settlement_noun(first)
        or common_noun_before_name(span, PLACE_NOUNS)
    ):
        start += 1
    doc = span.doc
    for i in range(span.start + 1, span.end):  # (no Span made for the slice)
        token = doc[i]
        if token.text.islower() and (
            token.pos_ == "ADP"
            or "Fin" in token.morph.get("VerbForm", [])
            or _after_proper_noun(token)
        ):
            return Span(span.doc, start, token.i, label=span.label)
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label)


def _after_proper_noun(token: Token) -> bool:
    """Whether a lowercase noun follows a capitalized word that pymorphy3 reads as a place's or
    a person's name, or does not know ("Вокруг Тегусигальпы горы", "у Бадахоса холмы"): a
    common noun of the sentence glued to the name, not a word of it; after a capitalized common
    noun ("Дворце молодёжи"), an adjective ("Красная площадь") or a word the tagger reads
    as an adjective agreeing with it in case and number ("Воробьёвых гор") it stays."""
    doc = token.doc
    before = doc[token.i - 1]
    if not before.is_title or token.pos_ != "NOUN":
        return False
    parses = token_parses(before)
    if any(parse.tag.POS in ("ADJF", "PRTF") for parse in parses):
        return False
    (pos, case, _, number), (_, its_case, _, its_number) = token_tag(before), token_tag(token)
    if pos == "ADJ" and (case, number) == (its_case, its_number):
        return False  # agreeing as a family's name does ("Воробьёвых гор"): one name
    return all(
        not parse.is_known or {"Geox", "Name", "Surn"} & parse.tag.grammemes for parse in parses
    )


def _head_of_known_place(span: Span) -> bool:
    """Whether the span's first word opens the sentence and governs the place after it in the
    genitive ("Сборная Объединённых Арабских Эмиратов", "Компании Соединённых Штатов"): a word
    pymorphy3 knows as no proper name nor as an adjective agreeing with the next word, before
    a place the gazetteer knows, when it does not know the whole span ("Южная Корея")."""
    first, second = span[0], span[1]
    case = token_tag(second)[1]
    if not (first.is_sent_start and first.is_title and case == "Gen") or is_proper(first):
        return False
    wanted = "gent"
    if any(
        parse.tag.POS in ("ADJF", "PRTF") and parse.tag.case == wanted
        for parse in token_parses(first)
    ):
        return False
    return gazetteer_kind(span[1:]) not in (None, "organization") and gazetteer_kind(span) is None


def _governs_place(first: Token, second: Token) -> bool:
    """Whether ``second`` is in the genitive and ``first`` is not ("Доля Соединённых")."""
    return token_tag(second)[1] == "Gen" and token_tag(first)[1] not in ("", "Gen")


def _is_demonym(span: Span) -> bool:
    """A single plural animate noun pymorphy3 knows ("Американцы", "Палестинцы") names people,
    not a place. A word it only guesses so ("Хэбэй", "в Кундузе") is no demonym, nor is a name
    the gazetteer knows; nor is the plural of a first name that pymorphy3 also knows as a
    place ("жителей Афин", Афины beside the name Афина) or as no common noun ("Мальвин")."""
    if len(span) != 1:
        return False
    token = span[0]
    text = token.text
    # the word's readings first (cached, no tag needed): most words have no demonym's reading
    return _may_be_demonym(text.lower()) and _demonym(text, token_tag(token))


@lru_cache(maxsize=100_000)
def _may_be_demonym(word: str) -> bool:
    """Whether some pymorphy3 reading of ``word`` is what :func:`_demonym` asks of the reading
    that agrees with the tagger: a known plural animate noun, no place's name."""
    return any(_demonym_reading(parse) for parse in resources.word_parses(word))


def _demonym_reading(parse: Any) -> bool:
    return (
        "anim" in parse.tag
        and parse.tag.number == "plur"
        and "Geox" not in parse.tag
        and parse.is_known
    )


@lru_cache(maxsize=100_000)
def _demonym(text: str, tag: tuple[str, str, str, str]) -> bool:
    """:func:`_is_demonym` of a word and its tagger's ``tag`` (cached)."""
    parse = best_parse(text.lower(), *tag)
    if not _demonym_reading(parse):
        return False
    if "Name" in parse.tag or any(
        "Geox" in other.tag for other in resources.word_parses(text.lower())
    ):
        return False
    return not default_gazetteer().knows(text)


_LIST_WORDS = frozenset({"и", "или", ",", "(", ")", ":"})


def _noun_after_adjectives(span: Span) -> bool:
    """Whether a lowercase noun follows ``span`` past the adjectives coordinated with it
    ("Кипрское и греческое правительства")."""
    doc = span.doc
    for token in doc[span.end : min(len(doc), span.end + 8)]:
        if token.lower_ in ("и", "или", ",") or token.pos_ == "ADJ":
            continue
        return token.is_lower and token.pos_ == "NOUN"
    return False


def _is_lone_adjective(span: Span) -> bool:
    """A single adjective before a common noun ("Кипрское правительство") is not a place name,
    unless it shares a head noun with adjectives after it ("в Курской и Липецкой областях") or
    a plural noun before it gives its head ("в районах (Читинском и Борзинском)")."""
    if len(span) != 1 or span[0].pos_ != "ADJ" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end].text
    if not (after.isalpha() and after.islower()) or coordination_head(span) is not None:
        return False
    if not _noun_after_adjectives(span) and elided_head(span) is not None:
        return False  # "в Ярославской и Калужской — меньше части" after "Пензенской области"
    if elided_head(span, sentence_only=True) is not None:
        return False
    token = span[0]
    tag = best_parse(token.text.lower(), *token_tag(token)).tag
    return tag.POS == "ADJF" and "Geox" not in tag


def gazetteer_kind(span: Span) -> str | None:
    """The kind of the gazetteer's best entry for ``span`` (as written or by its lemmas).

    Cities are not considered: too many of their names are also words or surnames.
    """
    if len(span) == 1:  # its text, then its lemma (the lemma read only when needed)
        token = span[0]
        kind = _kind_of(token.text)
        return kind if kind is not None else _kind_of(token.lemma_)
    lemmas = [token.lemma_ for token in span]
    names: tuple[str, ...] = (span.text, " ".join(lemmas), "-".join(lemmas))
    tag = token_tag(span[-1])
    if tag[3] == "Plur" and tag[1] not in ("", "Nom"):
        # a plural name in an oblique case: its lemmas are singular ("Объединённых
        # Арабских Эмиратов" -> "объединённый арабский эмират"), its nominative is not
        names += (_plural_nominative(tuple(token.text.lower() for token in span)),)
    for name in names:
        kind = _kind_of(name)
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=10_000)
def _plural_nominative(words: tuple[str, ...]) -> str:
    """The words of a plural name put in the nominative plural, each by its first plural
    oblique parse that pymorphy3 can inflect; a word without one stays as it is."""
    nominative = []
    for word in words:
        form = None
        for parse in resources.word_parses(word):
            if parse.tag.number == "plur" and parse.tag.case != "nomn":
                form = parse.inflect({"nomn", "plur"})
                if form is not None:
                    break
        nominative.append(form.word if form is not None else word)
    return " ".join(nominative)


def _word_kind(doc: Doc, i: int, texts: list[str], lemmas: list[str] | None = None) -> str | None:
    """:func:`gazetteer_kind` of the one word ``doc[i]`` (its text, then its lemma), its text
    read from the document's token texts (``texts``) without a ``Span``, and its lemma from
    ``lemmas`` (``token_texts(doc, LEMMA)``) when given."""
    kind = _kind_of(texts[i])
    if kind is not None:
        return kind
    return _kind_of(doc[i].lemma_ if lemmas is None else lemmas[i])


@lru_cache(maxsize=65_536)
def _kind_of(name: str) -> str | None:
    """The kind of the gazetteer's best entry for ``name`` that is not a city."""
    for entry in default_gazetteer().lookup(name):
        if entry.kind != "city":
            return entry.kind
    return None


def relabel_by_gazetteer(spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """Labels from what the gazetteer knows a span's name as.

    A country, region or other named place is LOC whatever the model said ("Эфиопия" as PER,
    "МКС" as ORG); a union of states the gazetteer knows (the EU, the CIS) is ORG. A name in
    quotes stays as it is ("«Россия»" names a hotel or a party); a quotation that opens with a
    name does not make it one ("«ЕС не допустит этого», — заявил он"). ``lemmas``:
    ``token_texts(doc, LEMMA)`` of the spans' document, when the caller has it.
    """
    relabelled = []
    texts = token_texts(spans[0].doc, ORTH) if spans else []
    for span in spans:
        kind = None
        # the quote before the span first, from the texts (_all_quoted's first test): most
        # spans have none
        if not (span.start and texts[span.start - 1] in OPEN_QUOTES and _all_quoted(span)):
            one = span.end - span.start == 1
            kind = _word_kind(span.doc, span.start, texts, lemmas) if one else gazetteer_kind(span)
        label = "ORG" if kind == "organization" else "LOC" if kind else span.label_
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label)
        relabelled.append(span)
    return relabelled


def _all_quoted(span: Span) -> bool:
    """Whether quotes open right before ``span`` and close right after it (or after words of a
    name that go on capitalized: «Северный поток»)."""
    doc = span.doc
    if not (span.start and doc[span.start - 1].text in OPEN_QUOTES):
        return False
    end = span.end
    while end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    return end >= len(doc) or doc[end].text in CLOSE_QUOTES


def joined_places(spans: list[Span]) -> list[Span]:
    """Two place spans joined by "и" that together name one place the gazetteer knows are that
    place: "Сент-Китса и Невиса", "Антигуа и Барбуду" (a country of two islands)."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if (
            last is not None
            and last.label_ == "LOC"
            and span.label_ == "LOC"
            and span.start == last.end + 1
            and span.doc[last.end].text == "и"
        ):
            both = Span(span.doc, last.start, span.end, label="LOC")
            if gazetteer_kind(both) not in (None, "organization"):
                found[-1] = both
                continue
        found.append(span)
    return found


# a city this large is what "в" + its name means, where the model read an organization
_LARGE_CITY = 100_000


def relabel_cities_after_in(spans: list[Span]) -> list[Span]:
    """A one-word organization the model found right after "в"/"во", in the locative, whose
    lemma the gazetteer knows as a city of 100,000 people or more, is that city ("в Висбадене"
    tagged ORG); not in quotes, and not a name the gazetteer knows as anything else."""
    relabelled = []
    for span in spans:
        doc = span.doc
        if (
            span.label_ == "ORG"
            and len(span) == 1
            and span.start
            and doc[span.start - 1].lower_ in ("в", "во")
            and span[0].is_title
            and token_tag(span[0])[1] == "Loc"
            and _large_city(span[0].lemma_.lower())
        ):
            span = Span(doc, span.start, span.end, label="LOC")
        relabelled.append(span)
    return relabelled


@lru_cache(maxsize=10_000)
def _large_city(name: str) -> bool:
    entries = default_gazetteer().lookup(name)
    return bool(entries) and all(
        entry.kind == "city" and entry.population >= _LARGE_CITY for entry in entries
    )


# lowercase links inside hyphenated place names: "Ростов-на-Дону", "Рио-де-Жанейро",
# "Франкфурт-на-Майне", "Булонь-сюр-Мер", "Стратфорд-апон-Эйвон", "Ла-Сейн-сюр-Мер"
_PLACE_LINKS = frozenset({"на", "де", "да", "дель", "ла", "ле", "сюр", "апон", "он", "эль", "ам"})
# the links that govern the words after them, which then never decline ("Ростове-на-Дону")
FIXED_PLACE_LINKS = frozenset({"на", "сюр", "апон", "он", "ам"})


def _linked_place_name(text: str) -> bool:
    """Whether ``text`` is capitalized parts joined by hyphens around a lowercase link of place
    names ("Сантьяго-де-Компостеле", "Франкфурта-на-Майне")."""
    parts = text.split("-")
    return (
        len(parts) >= 3
        and parts[0][:1].isupper()
        and parts[-1][:1].isupper()
        and any(part in _PLACE_LINKS for part in parts[1:-1])
        and all(part.isalpha() for part in parts)
    )


def relabel_linked_places(spans: list[Span]) -> list[Span]:
    """A one-word span not in quotes whose word joins capitalized parts by a lowercase link of
    place names is a place, whatever the model said ("в Сантьяго-де-Компостеле" tagged ORG)."""
    relabelled = []
    for span in spans:
        if (
            span.label_ != "LOC"
            and len(span) == 1
            and _linked_place_name(span[0].text)
            and not (span.start and span.doc[span.start - 1].text in OPEN_QUOTES)
        ):
            span = Span(span.doc, span.start, span.end, label="LOC")
        relabelled.append(span)
    return relabelled


def _place_at(
    doc: Doc, i: int, end: int, texts: list[str], lemmas: list[str] | None = None
) -> Span | None:
    """The longest ``doc[i:stop]`` (``stop`` ≤ ``end``) the gazetteer knows as a country,
    region or other place; a single word must also read as a proper name ("Того же" is not
    Togo). ``texts``: the token texts of ``doc``."""
    for stop in range(end, i + 1, -1):
        candidate = Span(doc, i, stop, label="LOC")
        if gazetteer_kind(candidate) not in (None, "organization"):
            return candidate
    kind = _word_kind(doc, i, texts, lemmas)  # one word, the most frequent case
    if kind not in (None, "organization") and is_proper(doc[i]):
        return Span(doc, i, i + 1, label="LOC")
    return None


def _scan_places(
    doc: Doc,
    start: int,
    stop: int,
    open_: bytes | bytearray,
    longest: int,
    lemmas: list[str] | None = None,
) -> list[Span]:
    """The places the gazetteer knows among ``doc[start:stop]``: runs of up to ``longest``
    tokens that ``open_`` lets in (1 per capitalized token outside other spans, else 0),
    longest match first."""
    found = []
    texts = token_texts(doc, ORTH)
    i = open_.find(1, start, stop)  # most tokens: no run starts there (no call, no range)
    while i >= 0:
        end = i
        while end < min(stop, i + longest) and open_[end]:
            end += 1
        place = _place_at(doc, i, end, texts, lemmas)
        if place is not None:
            found.append(place)
        i = open_.find(1, place.end if place is not None else i + 1, stop)
    return found


def capitalized_tokens(doc: Doc) -> bytes:
    """1 per token of ``doc`` whose text begins with a capital letter, else 0 (what
    :func:`find_unlabelled_places` and :func:`places_in_names` scan: read once by their
    caller and passed to both)."""
    return bytes(map(str.isupper, map(_FIRST_CHAR, token_texts(doc, ORTH))))


_FIRST_CHAR = itemgetter(slice(0, 1))


def find_unlabelled_places(
    doc: Doc,
    spans: list[Span],
    longest: int = 3,
    capitalized: bytes | None = None,
    lemmas: list[str] | None = None,
) -> list[Span]:
    """Add the countries, regions and other named places the model left untagged: runs of up
    to ``longest`` capitalized tokens outside every span, within one line, that the gazetteer
    knows ("чемпионат Европы", "Нидерландские Антилы"). ``capitalized``:
    :func:`capitalized_tokens`, and ``lemmas``: ``token_texts(doc, LEMMA)``, when the caller
    has them."""
    open_ = bytearray(capitalized_tokens(doc) if capitalized is None else capitalized)
    for span in spans:
        open_[span.start : span.end] = bytes(len(span))
    found = spans + _scan_places(doc, 0, len(doc), open_, longest, lemmas)
    return sorted(found, key=lambda span: span.start)


def _line_start(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` opens the text or a line."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _capitals(text: str) -> bool:
    """A word written in capitals only, of two letters or more ("ОМСК", "НЬЮ-ЙОРК")."""
    letters = text.replace("-", "")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def dateline_places(doc: Doc, spans: list[Span], longest: int = 3) -> list[Span]:
    """The place of an agency's date line: up to ``longest`` words in capitals opening a line,
    a comma, and a date's day ("ОМСК, 4 апреля. /ТАСС/.", "НИЖНИЙ НОВГОРОД, 12 мая"), that the
    gazetteer knows as a place of any kind, cities included; it takes the place of whatever
    span the model made of it (an organization: a name in capitals reads as an acronym)."""
    found = []
    texts = token_texts(doc, ORTH)
    for i, text in enumerate(texts):
        # ``isupper`` first: a word in capitals is rare, and hyphens have no case
        if not (text.isupper() and _capitals(text) and _line_start(doc, i)):
            continue
        end = i
        while end < min(len(doc), i + longest) and _capitals(texts[end]):
            end += 1
        after = texts[end : end + 2]
        if len(after) < 2 or after[0] != "," or not after[1].isdigit():
            continue
        name = doc[i:end].text
        entries = default_gazetteer().lookup(name)
        if entries and entries[0].kind != "organization":
            found.append(Span(doc, i, end, label="LOC"))
    if not found:
        return spans
    taken = covered_mask(doc, found)
    kept = [span for span in spans if not any(taken[span.start : span.end])]
    return sorted(kept + found, key=lambda span: span.start)


def places_in_names(
    doc: Doc, spans: Sequence[Span], longest: int = 3, capitalized: bytes | None = None
) -> list[Span]:
    """The places named inside organization names: "Европы" in "Совета Европы".

    After an organization name's first word (a name not in quotes: "«Единая Россия»" names no
    place), a run of up to ``longest`` capitalized tokens that the gazetteer knows as a
    country, region or other place is a LOC span nested in the ORG span (spaCy's ``doc.ents``
    cannot hold it; it goes to ``doc.spans``). ``capitalized``: :func:`capitalized_tokens`,
    when the caller has it.
    """
    if capitalized is None:
        capitalized = capitalized_tokens(doc)
    return [
        place
        for span in spans
        if span.label_ == "ORG" and not _quoted(span)
        for place in _scan_places(doc, span.start + 1, span.end, capitalized, longest)
    ]


def _quoted(span: Span) -> bool:
    """Whether quotes open right before ``span``: a name in quotes is a party's, a brand's or a
    company's ("«Единая Россия»"), whose place is no place of its jurisdiction; quotes typed
    as two apostrophes count too ("''Новая Россия''")."""
    doc, start = span.doc, span.start
    if start > 0 and doc[start - 1].text in OPEN_QUOTES:
        return True
    return start > 1 and doc[start - 1].text == "'" and doc[start - 2].text == "'"


def is_place_name(span: Span) -> bool:
    """Whether a place span can name a place: not a demonym, a lone adjective nor a cut word."""
    return not (_is_demonym(span) or _is_lone_adjective(span) or _cut_word(span))


def _cut_word(span: Span) -> bool:
    """Whether a one-word place is a word cut short by a dot inside a sentence ("/Корр. ТАСС",
    "Спец. корр."): glued to the dot, five letters at most, and neither the gazetteer nor
    pymorphy3 knows it ("в Эссо. Таким образом" ends a sentence and stays)."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc):
        return False
    token = span[0]  # (its text is the span's: ``span.text`` makes a Token more)
    if len(token.text) > 5:
        return False
    dot, after = doc[span.end], doc[span.end + 1]
    if token.whitespace_ or dot.text != "." or after.is_sent_start:
        return False
    if any(parse.is_known for parse in token_parses(token)):
        return False
    return not default_gazetteer().knows(token.text)


_COORDINATORS = frozenset({",", "и", "или", "либо"})


_ADJECTIVE_ENDINGS = tuple("ий ый ой ая яя ое ее ого его ому ему ым им ом ем ую юю ых их".split())


def _name_adjective(token: Token) -> bool:
    """A capitalized adjective: one the tagger calls so, or a word it calls a proper or common
    noun that has an adjective's ending and a pymorphy3 adjective parse ("Тогучинском" tagged
    PROPN before "и Сузунском районах")."""
    if not token.is_title:
        return False
    if token.pos_ == "ADJ":
        return True
    return (
        token.pos_ in ("PROPN", "NOUN")
        and token.text.lower().endswith(_ADJECTIVE_ENDINGS)
        and any(parse.tag.POS == "ADJF" for parse in token_parses(token))
    )


def _member_before(doc: Doc, start: int) -> bool:
    """Whether a capitalized adjective and a coordinator stand right before ``start``."""
    return start >= 2 and doc[start - 1].text in _COORDINATORS and _name_adjective(doc[start - 2])


def coordination_head(span: Span) -> Span | None:
    """The plural head noun a place shares with the places coordinated with it, if it does.

    In "в Курской, Орловской и Липецкой областях" the head of "Курской" and of "Орловской" is
    "областях" after them; the last member "Липецкой областях" holds it. Capitalized
    adjectives joined by commas, "и" or "или" share a head of lowercase adjectives and a plural
    noun ("Чукотского и Ненецкого автономных округов").
    Or a singular proper noun: "Северной и Южной Дакоты" (see :mod:`newsnlp.shared_heads`).
    """
    doc = span.doc
    k = span.start
    while k < span.end and _name_adjective(doc[k]):
        k += 1
    if k == span.start:
        return None
    if k < span.end:  # the last member, holding the head
        if shared_head(doc, k) == span.end and _member_before(doc, span.start):
            return doc[k : span.end]
        return None
    i = span.end
    while i + 1 < len(doc) and doc[i].text in _COORDINATORS and _name_adjective(doc[i + 1]):
        i += 2
        end = shared_head(doc, i)
        if end is not None:
            return doc[i:end]
    return None


def coordinated_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the places coordinated before a place that holds their shared plural head: in "в
    Курской, Орловской и Липецкой областях" the model tags "Липецкой областях", and "Курской" and
    "Орловской" are places too."""
    covered = None  # made for the first coordination found (most documents: none)
    found = list(spans)
    for span in spans:
        if span.label_ != "LOC" or len(span) < 2 or coordination_head(span) is None:
            continue
        start = span.start
        while _member_before(doc, start):
            start -= 2
            if covered is None:
                covered = covered_mask(doc, spans)
            if not covered[start]:
                found.append(Span(doc, start, start + 1, label="LOC"))
                covered[start] = 1
    return sorted(found, key=lambda span: span.start)


def latin_words(doc: Doc, start: int, stop: int) -> bool:
    """Whether ``doc[start:stop]`` is one to four words in Latin letters, the first capitalized
    ("Al Ain", "München", "Rio de Janeiro")."""
    words = [token.text for token in doc[start:stop]]
    return (
        0 < len(words) <= 4
        and words[0][:1].isupper()
        and all(
            word.replace("-", "").replace("'", "").isalpha()
            and all("a" <= char.lower() <= "z" or char in "-'" or ord(char) > 0x7F for char in word)
            and not any("а" <= char.lower() <= "я" or char in "ёЁ" for char in word)
            for word in words
        )
    )


def latin_in_parentheses(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the original spelling in Latin letters the text gives in parentheses right after a
    place ("в Мюнхене (München)", "в Аль-Айне (Al Ain)"): a place too, the same one."""
    texts = token_texts(doc, ORTH)
    covered = None  # made for the first bracket after a place (most documents: none)
    found = list(spans)
    for span in spans:
        if span.end + 2 >= len(texts) or texts[span.end] != "(" or span.label_ != "LOC":
            continue
        close = next(
            (i for i in range(span.end + 1, min(len(doc), span.end + 6)) if texts[i] == ")"),
            None,
        )
        if close is None:
            continue
        if covered is None:
            covered = covered_mask(doc, spans)
        if any(covered[span.end + 1 : close]):
            continue
        if latin_words(doc, span.end + 1, close):
            found.append(Span(doc, span.end + 1, close, label="LOC"))
    return sorted(found, key=lambda span: span.start)


_DASHES = frozenset("-–—")
_ROUTE_SIDE = 3  # words of one end of a route's name at most


def _route_side(doc: Doc, start: int, stop: int) -> bool:
    """Whether ``doc[start:stop]`` can be one end of a route's name: one to
    :data:`_ROUTE_SIDE` capitalized words, the last a proper name or a word pymorphy3 does
    not know ("Хэйхэ", "Нижний Новгород")."""
    if not 0 < stop - start <= _ROUTE_SIDE:
        return False
    words = [token.text for token in doc[start:stop]]
    return all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words) and (
        is_proper(doc[stop - 1])
    )


def route_ends(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the other end of a route, a checkpoint, a road or a train named in quotes by its two
    places joined by a dash: in "пункт пропуска «Благовещенск – Хэйхэ»", "трасса «Чита –
    Хабаровск»" one end tagged as a place makes the other, untagged, a place too."""
    texts = token_texts(doc, ORTH)
    covered = None  # made for the first dash found beside a place (most documents: none)
    found = list(spans)
    for span in spans:
        before = texts[span.start - 1] if span.start > 0 else ""
        after = texts[span.end] if span.end < len(texts) else ""
        if after not in _DASHES and before not in _DASHES or span.label_ != "LOC":
            continue  # (a dash after the place, or before it: the only two cases below)
        if covered is None:
            covered = covered_mask(doc, spans)
        if before in OPEN_QUOTES:
            # «A – B»: the place A opens the quotes, B runs from the dash to the closing quote
            if after in _DASHES:
                close = _closing_quote(doc, span.end + 1)
                if close is not None and not any(covered[span.end + 1 : close]):
                    if _route_side(doc, span.end + 1, close):
                        found.append(Span(doc, span.end + 1, close, label="LOC"))
                        covered[span.end + 1 : close] = b"\x01" * (close - span.end - 1)
        elif after in CLOSE_QUOTES:
            # «A – B»: the place B closes the quotes, A runs from the opening quote to the dash
            dash = span.start - 1
            if dash > 0 and texts[dash] in _DASHES:
                open_ = _opening_quote(doc, dash - 1)
                if open_ is not None and not any(covered[open_ + 1 : dash]):
                    if _route_side(doc, open_ + 1, dash):
                        found.append(Span(doc, open_ + 1, dash, label="LOC"))
                        covered[open_ + 1 : dash] = b"\x01" * (dash - open_ - 1)
    return sorted(found, key=lambda span: span.start)


def _closing_quote(doc: Doc, start: int) -> int | None:
    """The index of the closing quote within :data:`_ROUTE_SIDE` tokens from ``start``."""
    for i in range(start, min(len(doc), start + _ROUTE_SIDE + 1)):
        if doc[i].text in CLOSE_QUOTES:
            return i
    return None


def _opening_quote(doc: Doc, stop: int) -> int | None:
    """The index of the opening quote within :data:`_ROUTE_SIDE` tokens back from ``stop``."""
    for i in range(stop, max(-1, stop - _ROUTE_SIDE - 1), -1):
        if doc[i].text in OPEN_QUOTES:
            return i
    return None


_NEUTER_ENDINGS = ("ом", "о", "а", "у", "е")


def _stem(word: str) -> str:
    """A one-word name without the ending its cases change ("пулкове", "пулково" -> "пулков"),
    enough to tell forms of one name apart from other names."""
    word = word.lower()
    for ending in _NEUTER_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def one_label_per_place(spans: list[Span]) -> list[Span]:
    """A one-word organization span not in quotes that writes a word the document tags as a
    place elsewhere is that place: "в Пулкове" (LOC) and "Пулково" (ORG) are one airport."""
    texts = token_texts(spans[0].doc, ORTH) if spans else []
    places = {
        _stem(texts[span.start])
        for span in spans
        if span.end - span.start == 1 and span.label_ == "LOC"
    }
    if not places:
        return spans
    found = []
    for span in spans:
        if (
            span.end - span.start == 1
            and span.label_ == "ORG"
            and _stem(texts[span.start]) in places
            and not (span.start and texts[span.start - 1] in OPEN_QUOTES)
            and gazetteer_kind(span) != "organization"  # "ЕС" stays a union of states
        ):
            span = Span(span.doc, span.start, span.end, label="LOC")
        found.append(span)
    return found


def place_before_person(place: Token) -> bool:
    """Whether ``place``, before a person's name, is a place's name of its own: "мэром соседнего
    Фуюаня Чэнь Голином", "Глава Даляня Ван Цзинь". The gazetteer knows the word (as written
    or by its lemma), pymorphy3 knows it as no person's name, and a lowercase word (or a
    sentence's first word) stands before it."""
    i = place.i
    before = place.doc[i - 1] if i else None
    if before is None or not place.is_title or not (before.is_lower or before.is_sent_start):
        return False
    if any(
        parse.is_known and {"Name", "Surn", "Patr"} & parse.tag.grammemes
        for parse in token_parses(place)
    ):
        return False
    gazetteer = default_gazetteer()
    return bool(
        gazetteer.lookup(place.text)
        or gazetteer.lookup(place.lemma_)
        or _known_compound_by_last_part(place.text)
    )


def _known_compound_by_last_part(word: str) -> bool:
    """Whether a hyphenated word whose first parts do not decline names a place the gazetteer
    knows once its last part is put in the nominative (:func:`compound_place_nominative`)."""
    return compound_place_nominative(word, ("gent", "datv", "accs", "ablt", "loct")) is not None


def compound_place_nominative(word: str, cases: tuple[str, ...] = ("gent",)) -> str | None:
    """The nominative of a hyphenated place's name whose first parts do not decline, when its
    last part is in one of ``cases`` by pymorphy3's geographic parses and the gazetteer knows
    the result ("Сан-Педро-Сулы" -> "Сан-Педро-Сула"); else None."""
    head, _, last = word.rpartition("-")
    if not head or not last:
        return None
    gazetteer = default_gazetteer()
    for parse in resources.word_parses(last.lower()):
        if not (parse.is_known and "Geox" in parse.tag and parse.tag.case in cases):
            continue
        name = f"{head}-{parse.normal_form}"
        if name.lower() != word.lower() and gazetteer.knows(name):
            return name
    return None


def split_place_and_person(spans: list[Span]) -> list[Span]:
    """A span of three or more capitalized words that starts with a place's name and goes on
    with a person's is the place and the person (see :func:`place_before_person`): "Хэйхэ Ван
    Сюэлинем" -> LOC "Хэйхэ", PER "Ван Сюэлинем"."""
    found = []
    for span in spans:
        if (
            span.label_ in ("PER", "LOC")
            and len(span) >= 3
            and all(token.is_title for token in span)
            and place_before_person(span[0])
        ):
            doc = span.doc
            found.append(Span(doc, span.start, span.start + 1, label="LOC"))
            found.append(Span(doc, span.start + 1, span.end, label="PER"))
        else:
            found.append(span)
    return found


_GENDERS = ("masc", "femn", "neut")


def _adjective_cases(word: str) -> set[tuple[str, str]]:
    """The (case, gender) pairs of pymorphy3's singular adjective parses of ``word``."""
    return {
        (parse.tag.case, parse.tag.gender)
        for parse in resources.word_parses(word)
        if parse.tag.POS == "ADJF" and parse.tag.number == "sing" and parse.tag.gender
    }


def _noun_forms(word: str) -> dict[tuple[str, str], str]:
    """(case, gender) -> nominative singular of pymorphy3's known common noun parses of
    ``word`` ("районах" -> {("loct", "masc"): "район"})."""
    forms: dict[tuple[str, str], str] = {}
    for parse in resources.word_parses(word):
        tag = parse.tag
        if not (parse.is_known and tag.POS == "NOUN" and tag.gender in _GENDERS and tag.case):
            continue
        form = parse.inflect({"nomn", "sing"})
        if form is not None:
            forms.setdefault((tag.case, tag.gender), form.word)
    return forms


def _agreeing(adjective: str, noun: str, same_case: bool) -> tuple[str, str] | None:
    """The nominative singular of ``adjective`` and ``noun`` when they agree in gender (and, if
    ``same_case``, in case), else None."""
    pairs = _adjective_cases(adjective)
    for (case, gender), nominative in _noun_forms(noun).items():
        if any(g == gender and (c == case or not same_case) for c, g in pairs):
            for parse in resources.word_parses(adjective):
                if parse.tag.POS == "ADJF" and parse.tag.gender == gender:
                    form = parse.inflect({"nomn", "sing", gender})
                    if form is not None:
                        return form.word, nominative
    return None


def elided_head(span: Span, sentence_only: bool = False) -> str | None:
    """The name of a place written as a capitalized adjective whose head noun the text leaves
    out ("в крупнейших районах (Ольховском и Таловском)", "в Ярославской (5%), Тульской (7%)"
    after "Тверской области"): the adjective and the noun in the nominative singular. The
    noun is the nearest plural noun before it in the sentence agreeing with it in case and
    gender, right before the list of adjectives it heads ("скважины Тихое, Дальнее")
    or, further, a noun of a place (:data:`PLACE_NOUNS`; "указы получали ... в Тверской" is no
    "Тверской указ"), else (unless the word is also a place's own name: "с Хабаровском") the common
    noun heading the document's other such places ("области" of "Тверской области") that
    agrees with it in gender (not when ``sentence_only``); None if there is none, or if a noun
    follows the adjective."""
    doc = span.doc
    if len(span) != 1 or not _name_adjective(span[0]) or coordination_head(span) is not None:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ"):
        return None
    word = span[0].text.lower()
    if not _adjective_cases(word):
        return None
    sentence_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    adjacent = True  # only the list of adjectives between the noun and the word
    for token in reversed(doc[sentence_start : span.start]):
        if token.is_lower and token.pos_ == "NOUN" and token.morph.get("Number", []) == ["Plur"]:
            found = _agreeing(word, token.text.lower(), same_case=True)
            if found is not None and (adjacent or found[1] in PLACE_NOUNS):
                return f"{found[0].capitalize()} {found[1]}"
        adjacent = adjacent and (token.text[:1].isupper() or token.lower_ in _LIST_WORDS)
    if sentence_only or any(
        parse.is_known and "Geox" in parse.tag for parse in resources.word_parses(word)
    ):
        return None  # "с Хабаровском" is the city
    heads = Counter(
        doc[other.end].text.lower()
        for other in doc.ents
        if other.label_ == "LOC"
        and other.end < len(doc)
        and _name_adjective(other[-1])
        and doc[other.end].is_lower
        and doc[other.end].pos_ == "NOUN"
    )
    heads.update(
        other[-1].text.lower()
        for other in doc.ents
        if other.label_ == "LOC"
        and len(other) > 1
        and _name_adjective(other[-2])
        and other[-1].is_lower
    )
    for head, _ in heads.most_common():
        found = _agreeing(word, head, same_case=False)
        if found is not None and found[1] in PLACE_NOUNS:
            return f"{found[0].capitalize()} {found[1]}"
    return None


# Lemmas of the common nouns that name places, as heads of a place's name ("Ставропольский
# край", "Белое море", "Красная площадь") or alone ("Запад"); other common nouns heading a
# name (a house, a bridge, an airport, a deposit, time) name a facility, a body or no place
PLACE_NOUNS = frozenset(
    """область край район округ республика автономия штат провинция губерния уезд волость
    земля регион территория страна государство княжество королевство эмират федерация союз
    город село посёлок поселок деревня станица хутор аул слобода столица мегаполис агломерация
    остров полуостров архипелаг материк континент побережье берег мыс залив пролив бухта гавань
    море океан озеро река водохранилище канал лиман гора хребет нагорье плато вулкан долина
    равнина низменность степь пустыня лес тайга болото ущелье перевал каньон полюс кольцо
    улица проспект площадь переулок шоссе бульвар набережная проезд тракт магистраль квартал
    микрорайон зона промзона парк заповедник кладбище империя каганат халифат круг восток
    запад север юг поселение образование сельсовет муниципалитет улус графство воеводство
    кантон префектура департамент коммуна община""".split()
)
