"""Recognize: named entities (PER, LOC, ORG) with slovnet's news NER, sentence by sentence.

The model tags razdel's words of each sentence (never across a sentence or line break), for a
whole batch of documents at once. Spans become ``doc.ents``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from spacy.attrs import IS_SPACE, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import resources
from ._batch import BatchComponent, piece_words, run_sorted, sentence_pieces, token_texts
from .gazetteer import default_gazetteer
from .tag import best_parse, token_tag

LABELS = ("PER", "LOC", "ORG")
# ``doc.spans`` keys of the people and places named inside other entities' names ("центра
# Джонсона", "Совета Европы"); they overlap doc.ents, which cannot hold them
NESTED_PEOPLE = "people_in_names"
NESTED_PLACES = "places_in_names"
# pymorphy3 grammemes that mark a word as a proper name (safe to spread over a document)
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def bio_spans(doc: Doc, indexes: list[int], tags: list[str]) -> Iterator[Span]:
    """Spans of ``doc`` from BIO tags over the tokens ``indexes`` (I- after O starts a span)."""
    start: int | None = None
    label = ""
    for position, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or kind != label):
            yield Span(doc, indexes[start], indexes[position - 1] + 1, label=label)
            start = None
        if prefix in ("B", "I") and start is None:
            start, label = position, kind
    if start is not None:
        yield Span(doc, indexes[start], indexes[-1] + 1, label=label)


class EntityRecognizer(BatchComponent):
    """Sets ``doc.ents`` from slovnet's NER model."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.model = resources.ner_model(batch_size)

    def _infer(self, items: list[list[str]]) -> Iterator[list[str]]:
        """slovnet's BIO tags for each word list (what ``NERInfer`` and its decoder give)."""
        infer = self.model.infer
        transitions = infer.model.head.crf.transitions.array
        tags = infer.decoder.tags_vocab.items
        for batch in infer.encoder(items):
            pred = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)
            for ids in resources.crf_decode(transitions, pred, ~batch.pad_mask):
                yield [tags[i] for i in ids.tolist()]

    def process(self, docs: Sequence[Doc]) -> None:
        pieces = sentence_pieces(docs)
        tags = run_sorted(self._infer, piece_words(docs, pieces))
        found: list[list[Span]] = [[] for _ in docs]
        for (number, indexes), piece_tags in zip(pieces, tags):
            found[number].extend(bio_spans(docs[number], indexes, piece_tags))
        for doc, spans in zip(docs, found):
            doc.ents = spans
            refine_entities(doc)


def _is_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isalpha() and text.isupper()


_JOINERS = frozenset(".'’&")
_OPEN_QUOTES = frozenset('«„“"')


def _joins(doc: Doc, i: int, start: int | None, end: int) -> bool:
    """Whether the punctuation token ``i`` belongs inside a name.

    The dot of an initial ("С. Шелест", "В.Л"), and a dot, apostrophe or ampersand written
    between two words without spaces ("Lenta.ru", "О’Рейли", "AT&T").
    """
    text = doc[i].text
    if text not in _JOINERS or start is None or i + 1 >= end or not _is_word(doc[i + 1].text):
        return False
    if text == "." and _is_initial(doc[i - 1].text):
        return True
    return not doc[i - 1].whitespace_ and not doc[i].whitespace_


def split_span(span: Span) -> Iterator[Span]:
    """The name-like pieces of ``span``: split at punctuation, brackets, quotes and bullets.

    "Джошуа Вольфа (Joshua Wolf)" gives "Джошуа Вольфа" and "Joshua Wolf"; "• Топалов" gives
    "Топалов"; an organization's legal form before its quoted name is dropped ("ОАО «Газпром»"
    gives "Газпром").
    """
    doc = span.doc
    pieces: list[tuple[int, int]] = []
    start = None
    for i in range(span.start, span.end):
        keep = _is_word(doc[i].text) or _joins(doc, i, start, span.end)
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            pieces.append((start, i))
            start = None
    if start is not None:
        pieces.append((start, span.end))
    for number, (start, end) in enumerate(pieces):
        quoted_next = number + 1 < len(pieces) and doc[end].text in _OPEN_QUOTES
        if span.label_ == "ORG" and end - start == 1 and quoted_next and end + 1 == pieces[1][0]:
            continue
        yield Span(doc, start, end, label=span.label)


def cut_at_preposition(span: Span) -> Span:
    """A place name ends before a lowercase preposition: "США по патентам" gives "США".

    The model sometimes runs a place on into the words of an organization's name ("Бюро США по
    патентам и товарным знакам"); place names written as separate words do not contain
    prepositions ("Ростов-на-Дону" is one token).
    """
    if span.label_ != "LOC":
        return span
    for token in span[1:]:
        if token.pos_ == "ADP" and token.text.islower():
            return Span(span.doc, span.start, token.i, label=span.label)
    return span


def _is_demonym(span: Span) -> bool:
    """A single plural animate noun ("Американцы", "Палестинцы") names people, not a place."""
    if len(span) != 1:
        return False
    token = span[0]
    tag = best_parse(token.text.lower(), *token_tag(token)).tag
    return "anim" in tag and tag.number == "plur" and "Geox" not in tag


def _is_lone_adjective(span: Span) -> bool:
    """A single adjective before a common noun ("Кипрское правительство") is not a place name."""
    if len(span) != 1 or span[0].pos_ != "ADJ" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end].text
    if not (after.isalpha() and after.islower()):
        return False
    token = span[0]
    tag = best_parse(token.text.lower(), *token_tag(token)).tag
    return tag.POS == "ADJF" and "Geox" not in tag


def _keep(span: Span) -> bool:
    if not any(char.isalpha() for char in span.text):
        return False
    return not (span.label_ == "LOC" and (_is_demonym(span) or _is_lone_adjective(span)))


def gazetteer_kind(span: Span) -> str | None:
    """The kind of the gazetteer's best entry for ``span`` (as written or by its lemmas).

    Cities are not considered: too many of their names are also words or surnames.
    """
    lemmas = [token.lemma_ for token in span]
    if len(span) == 1:
        names: tuple[str, ...] = (span.text, lemmas[0])
    else:
        names = (span.text, " ".join(lemmas), "-".join(lemmas))
    for name in names:
        kind = _kind_of(name)
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=65_536)
def _kind_of(name: str) -> str | None:
    """The kind of the gazetteer's best entry for ``name`` that is not a city."""
    for entry in default_gazetteer().lookup(name):
        if entry.kind != "city":
            return entry.kind
    return None


def relabel_by_gazetteer(spans: list[Span]) -> list[Span]:
    """Labels from what the gazetteer knows a span's name as.

    A country, region or other named place is LOC whatever the model said ("Эфиопия" as PER,
    "МКС" as ORG); a union of states the gazetteer knows (the EU, the CIS) is ORG. A name in
    quotes stays as it is ("«Россия»" names a hotel or a party).
    """
    relabelled = []
    for span in spans:
        kind = None
        if not (span.start and span.doc[span.start - 1].text in _OPEN_QUOTES):
            kind = gazetteer_kind(span)
        label = "ORG" if kind == "organization" else "LOC" if kind else span.label_
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label)
        relabelled.append(span)
    return relabelled


def _covered(doc: Doc, spans: Sequence[Span]) -> bytearray:
    """One byte per token of ``doc``: 1 where one of ``spans`` covers it."""
    covered = bytearray(len(doc))
    for span in spans:
        covered[span.start : span.end] = b"\x01" * len(span)
    return covered


def _place_at(doc: Doc, i: int, end: int) -> Span | None:
    """The longest ``doc[i:stop]`` (``stop`` ≤ ``end``) the gazetteer knows as a country,
    region or other place; a single word must also read as a proper name ("Того же" is not
    Togo)."""
    for stop in range(end, i, -1):
        candidate = Span(doc, i, stop, label="LOC")
        kind = gazetteer_kind(candidate)
        if kind not in (None, "organization") and (stop > i + 1 or _proper(doc[i])):
            return candidate
    return None


def _scan_places(doc: Doc, start: int, stop: int, open_: list[bool], longest: int) -> list[Span]:
    """The places the gazetteer knows among ``doc[start:stop]``: runs of up to ``longest``
    tokens that ``open_`` lets in (capitalized, outside other spans), longest match first."""
    found = []
    i = start
    while i < stop:
        end = i
        while end < min(stop, i + longest) and open_[end]:
            end += 1
        place = _place_at(doc, i, end)
        if place is not None:
            found.append(place)
            i = place.end
        else:
            i += 1
    return found


def find_unlabelled_places(doc: Doc, spans: list[Span], longest: int = 3) -> list[Span]:
    """Add the countries, regions and other named places the model left untagged: runs of up
    to ``longest`` capitalized tokens outside every span, within one line, that the gazetteer
    knows ("чемпионат Европы", "Нидерландские Антилы")."""
    covered = _covered(doc, spans)
    open_ = [text[:1].isupper() and not covered[i] for i, text in enumerate(token_texts(doc, ORTH))]
    found = spans + _scan_places(doc, 0, len(doc), open_, longest)
    return sorted(found, key=lambda span: span.start)


def _proper(token: Token) -> bool:
    """Whether a capitalized token reads as a proper name or an unknown word to pymorphy3."""
    text = token.text
    if not text[:1].isupper() or sum(char.isalpha() for char in text) < 2:
        return False
    return _proper_word(text.lower(), token_tag(token))


@lru_cache(maxsize=100_000)
def _proper_word(word: str, tag: tuple[str, str, str, str]) -> bool:
    parse = best_parse(word, *tag)
    return not parse.is_known or bool(_PROPER & parse.tag.grammemes)


def spread_labels(doc: Doc, spans: list[Span]) -> list[Span]:
    """Tag the other occurrences of names the model found once (document-level consistency).

    A sequence of capitalized tokens whose lemmas equal those of an entity found elsewhere in
    the document gets the entity's label ("Бхутто" after "Беназир Бхутто"; "Марку" after
    "Марк"); a person's surname alone gets PER. Single words are spread only when pymorphy3
    reads them as proper names or does not know them, so common words stay untagged.
    """
    known: dict[tuple[str, ...], str] = {}
    for span in spans:
        lemmas = tuple(token.lemma_ for token in span)
        if len(lemmas) > 1 or _proper(span[0]):
            known.setdefault(lemmas, span.label_)
        if span.label_ == "PER" and len(span) > 1 and _proper(span[-1]):
            known.setdefault((span[-1].lemma_,), "PER")
    if not known:
        return spans
    longest = max(len(key) for key in known)
    firsts = {key[0] for key in known}
    doc_lemmas = token_texts(doc, LEMMA)
    texts = token_texts(doc, ORTH)
    is_space = doc.to_array(IS_SPACE).tolist()
    breaks = [space and "\n" in text for space, text in zip(is_space, texts)]
    covered = _covered(doc, spans)
    found = list(spans)
    i = 0
    while i < len(doc):
        if covered[i] or doc_lemmas[i] not in firsts or not texts[i][:1].isupper():
            i += 1
            continue
        for size in range(min(longest, len(doc) - i), 0, -1):
            if any(covered[i : i + size]) or any(breaks[i : i + size]):
                continue
            label = known.get(tuple(doc_lemmas[i : i + size]))
            if label is not None:
                found.append(Span(doc, i, i + size, label=label))
                covered[i : i + size] = b"\x01" * size
                i += size - 1
                break
        i += 1
    return sorted(found, key=lambda span: span.start)


def places_in_names(doc: Doc, spans: Sequence[Span], longest: int = 3) -> list[Span]:
    """The places named inside organization names: "Европы" in "Совета Европы".

    After an organization name's first word, a run of up to ``longest`` capitalized tokens that
    the gazetteer knows as a country, region or other place is a LOC span nested in the ORG
    span (spaCy's ``doc.ents`` cannot hold it; it goes to ``doc.spans``).
    """
    capitalized = [text[:1].isupper() for text in token_texts(doc, ORTH)]
    return [
        place
        for span in spans
        if span.label_ == "ORG"
        for place in _scan_places(doc, span.start + 1, span.end, capitalized, longest)
    ]


# lowercase words that are part of a person's name ("ибн Эзра", "фон Браун", "де Голль")
NAME_PARTICLES = frozenset(
    "ибн бин бен ван фон дер де дель делла ди дю да дос ла ле лос эль аль ад ас аш".split()
)
# pymorphy3 parts of speech (and the tagger's) of words that cannot be a name: "Всё-таки Проди"
_FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "PRED", "NPRO"})
_FUNCTION_UD = frozenset({"ADV", "PART", "CCONJ", "SCONJ", "ADP", "INTJ", "PRON"})
_PERSON = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=100_000)
def _parses_of(word: str) -> list[Any]:
    return resources.morph_analyzer().parse(word)


def _parses(token: Token) -> list[Any]:
    return _parses_of(token.text.lower())


def _all_parses(token: Token, test: Any) -> bool:
    """Whether every pymorphy3 parse of the token passes ``test`` (the tagger's parse, cached,
    is tried first: most words fail there)."""
    if not test(best_parse(token.text.lower(), *token_tag(token))):
        return False
    return all(test(parse) for parse in _parses(token))


def _not_a_name(token: Token) -> bool:
    """A function word (adverb, particle, conjunction...) to pymorphy3, and to the tagger or
    longer than a syllable ("Но" of "Но Му Хён" may be a name, "Всё-таки" may not)."""
    text = token.text
    if text.lower() in NAME_PARTICLES or (token.pos_ not in _FUNCTION_UD and len(text) < 4):
        return False
    return _all_parses(
        token,
        lambda parse: parse.tag.POS in _FUNCTION_POS and not (_PROPER & parse.tag.grammemes),
    )


_ADJECTIVE_POS = frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS", "VERB", "GRND", "INFN"})


def _capitalized_common_word(token: Token) -> bool:
    """A sentence's first word that pymorphy3 knows only as an adjective, participle or verb,
    never as a name ("Побритый наголо...", "Будничная, повседневная работа")."""
    if not token.is_sent_start:
        return False
    return _all_parses(
        token,
        lambda parse: (
            parse.is_known
            and parse.tag.POS in _ADJECTIVE_POS
            and not (_PROPER & parse.tag.grammemes)
        ),
    )


def _organization_word(token: Token) -> bool:
    """Whether pymorphy3 knows a word as an organization's name ("Аль-Кайды"), never as a
    person's. (Place names are not split off: many are also first names, "Гата Камский".)"""
    if not token.text[:1].isupper():
        return False
    return _all_parses(
        token,
        lambda parse: (
            parse.is_known and "Orgn" in parse.tag and not (_PERSON & parse.tag.grammemes)
        ),
    )


def refine_person(span: Span) -> list[Span]:
    """A person's span without the words glued to it that cannot be part of the name.

    Function words at its edges go ("Всё-таки Проди" -> "Проди"), and so does a lone adjective
    or participle opening a sentence ("Побритый"); leading names of an
    organization become their own span ("Аль-Кайды Усамы бин Ладена" -> ORG
    "Аль-Кайды" and PER "Усамы бин Ладена"); a name particle right before it joins it
    ("ибн Эзра").
    """
    doc = span.doc
    start, end = span.start, span.end
    while start < end and _not_a_name(doc[start]):
        start += 1
    while end > start and _not_a_name(doc[end - 1]):
        end -= 1
    pieces: list[Span] = []
    split = start
    while split < end - 1 and _organization_word(doc[split]):
        split += 1
    if split > start:
        pieces.append(Span(doc, start, split, label="ORG"))
        start = split
    if start == end or (end - start == 1 and _capitalized_common_word(doc[start])):
        return pieces
    before = doc[start - 1] if start else None
    if (
        before is not None
        and before.text in NAME_PARTICLES
        and before.ent_iob_ == "O"
        and (start < 2 or doc[start - 2].ent_iob_ == "O")  # "Медведев да Путин": two people
    ):
        start -= 1
    pieces.append(Span(doc, start, end, label="PER"))
    return pieces


def _has_parse_with(token: Token, grammeme: str) -> bool:
    return any(grammeme in parse.tag for parse in _parses(token))


def _first_name_like(span: Span, first: bool = True) -> bool:
    """Capitalized words the first of which pymorphy3 reads as a first name (unless not
    ``first``), none as a place's or an organization's name."""
    return (_has_parse_with(span[0], "Name") or not first) and all(
        token.is_title and not _has_parse_with(token, "Geox") and not _has_parse_with(token, "Orgn")
        for token in span
    )


def relabel_people(spans: list[Span]) -> list[Span]:
    """Place or organization spans that are a person's name by the document's evidence.

    A span of several capitalized words becomes a person when the document writes a person
    with the same lemmas ("Гата Камский" LOC and PER), with its last word as surname and its
    first word reads as a first name ("Ахмат-Хаджи Кадырова" LOC, "Рамзан Кадыров" PER), or
    with its first word as first name ("Лонгин Клинский" ORG, "Лонгин" PER). A lone word
    that is the surname of a person named in full is that person ("о Свиридове" LOC, "Егор
    Свиридов" PER), unless pymorphy3 knows it as a place ("Вашингтоне"). A lone first name
    right before a person's span joins it ("Ахмат-Хаджи" LOC + "Кадырова" PER).
    """
    people = [span for span in spans if span.label_ == "PER"]
    if not people:
        return spans
    names = {tuple(token.lemma_ for token in span) for span in people if len(span) > 1}
    surnames = {span[-1].lemma_ for span in people if span[-1].is_title}
    firsts = {span[0].lemma_ for span in people}  # read as first names below
    full = {
        form
        for span in people
        if len(span) > 1 and span[-1].is_title
        for form in (span[-1].text.lower(), span[-1].lemma_)
    }
    found: list[Span] = []
    for span in spans:
        if span.label_ == "PER" and found and found[-1].label_ != "PER":
            previous = found[-1]
            if previous.end == span.start and len(previous) == 1 and _first_name_like(previous):
                found[-1] = Span(span.doc, previous.start, span.end, label="PER")
                continue
        if span.label_ != "PER" and len(span) > 1:
            by_first = span[0].lemma_ in firsts and _first_name_like(span[:1])
            if (
                tuple(token.lemma_ for token in span) in names
                or (span[-1].lemma_ in surnames and _first_name_like(span))
                or (by_first and all(token.is_title for token in span))
            ):
                span = Span(span.doc, span.start, span.end, label="PER")
        elif span.label_ != "PER" and len(span) == 1:
            # the surname alone of a person of the document ("о Свиридове", "поддерживает Кока")
            words = (span[0].text.lower(), span[0].lemma_)
            if any(same_word(word, surname, 2) for surname in full for word in words):
                if _first_name_like(span, first=False):
                    span = Span(span.doc, span.start, span.end, label="PER")
        found.append(span)
    return found


def _person_word(token: Token, known_genitive: bool) -> bool:
    """A capitalized word pymorphy3 reads as a person's name and not as a place's or an
    organization's (``known_genitive``: a name it knows, in the genitive)."""
    if not token.is_title:
        return False
    parses = _parses(token)
    if any({"Geox", "Orgn"} & parse.tag.grammemes for parse in parses):
        return False
    return any(
        _PERSON & parse.tag.grammemes
        and (not known_genitive or (parse.is_known and parse.tag.case == "gent"))
        for parse in parses
    )


def nested_people(spans: list[Span]) -> list[Span]:
    """People named inside the name of an organization or a place: a person's name in the
    genitive after a common word of the span ("Космического центра Джонсона", "театра имени
    Станиславского", "пресс-служба Кадырова")."""
    found = []
    for span in spans:
        if span.label_ == "PER":
            continue
        doc = span.doc
        i = span.start + 1
        while i < span.end:
            token = doc[i]
            if (
                doc[i - 1].is_lower
                and token.morph.get("Case", []) == ["Gen"]
                and _person_word(token, known_genitive=True)
            ):
                end = i + 1
                while end < span.end and _person_word(doc[end], known_genitive=False):
                    end += 1
                found.append(Span(doc, i, end, label="PER"))
                i = end
            else:
                i += 1
    return found


_LIST_MARKS = frozenset("•·▪●*-–—")


def _slot(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """The list mark right before tokens ``start:end`` and the punctuation right after them
    ("•", "("), if there are both."""
    if start == 0 or end >= len(doc):
        return None
    before, after = doc[start - 1].text, doc[end].text
    if before not in _LIST_MARKS or _is_word(after) or doc[end].is_space:
        return None
    return before, after


def listed_people(doc: Doc, spans: list[Span], least: int = 3) -> list[Span]:
    """People of a list the model skipped: capitalized words after the same list mark and
    before the same punctuation as ``least`` people of the document ("• Коффи Коджа (Бенин)"
    among "• Тору Камикава (Япония)"; not between commas, where anything capitalized stands)."""
    slots = Counter(
        slot
        for span in spans
        if span.label_ == "PER" and (slot := _slot(doc, span.start, span.end)) is not None
    )
    common = {slot for slot, count in slots.items() if count >= least}
    if not common:
        return spans
    covered = _covered(doc, spans)
    found = list(spans)
    for start in range(1, len(doc)):
        if covered[start] or not doc[start].is_title:
            continue
        end = start
        while end < len(doc) and end - start < 4 and not covered[end] and doc[end].is_title:
            end += 1
        if end > start and _slot(doc, start, end) in common:
            found.append(Span(doc, start, end, label="PER"))
    return sorted(found, key=lambda span: span.start)


# endings a case adds to a name's lemma or nominative ("шисюн" -> "шисюном")
_CASE_ENDINGS = frozenset({"а", "я", "у", "ю", "е", "ы", "и", "ом", "ем", "ым", "им", "ой", "ей"})


def same_word(one: str, other: str, shortest: int = 3) -> bool:
    """Whether two lowercase name words are forms of one name ("шисюн", "шисюном"): equal, or
    the longer is the shorter (of ``shortest`` letters at least) plus a case ending."""
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= shortest and long.startswith(short) and long[len(short) :] in _CASE_ENDINGS


def _same_words(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two lemma sequences are one name, allowing a case ending pymorphy3 left on a
    word it does not know ("чжан епа", "чжан еп")."""
    return len(one) == len(other) and all(same_word(a, b, 2) for a, b in zip(one, other))


def person_bounds(spans: list[Span]) -> list[Span]:
    """People's spans cut or joined where the document's other mentions of people say.

    Two adjacent person spans whose words together are a person the document names in one span
    are one mention ("Хвана" + "Чжан Епа" after "Хван Чжан Еп"); a person's span that starts
    with the whole of another person's name, followed by two or more words, is two people
    ("Кима Чен Ира Ким Ир Сен" after "Кима Чен Ира").
    """
    lemmas = {span.start: tuple(token.lemma_ for token in span) for span in spans}
    names = {lemmas[span.start] for span in spans if span.label_ == "PER" and len(span) > 1}
    if not names:
        return spans
    longest = max(len(name) for name in names)
    found: list[Span] = []
    for span in spans:
        if span.label_ != "PER":
            found.append(span)
            continue
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.label_ == "PER"
            and previous.end == span.start
            and any(_same_words(lemmas[previous.start] + lemmas[span.start], n) for n in names)
        ):
            found[-1] = Span(span.doc, previous.start, span.end, label="PER")
            continue
        cut = next(
            (
                size
                for size in range(min(longest, len(span) - 2), 1, -1)
                if any(_same_words(lemmas[span.start][:size], name) for name in names)
            ),
            None,
        )
        if cut is None:
            found.append(span)
        else:
            found.append(Span(span.doc, span.start, span.start + cut, label="PER"))
            found.append(Span(span.doc, span.start + cut, span.end, label="PER"))
    return found


def spread_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """Other forms of a person's one-word name or surname the lemmas miss ("Согласно Марку"
    after "Марк": pymorphy3 reads "Марку" as a form of "марка"): a word outside the entities,
    capitalized right after another word, that is the name's written form or that plus a case
    ending, and no place's name."""
    forms = {
        form
        for span in spans
        if span.label_ == "PER" and span[-1].is_title
        for form in (span[-1].text.lower(), span[-1].lemma_)
    }
    if not forms:
        return spans
    prefixes = {form[:3] for form in forms}
    covered = _covered(doc, spans)
    found = list(spans)
    for token in doc:
        if covered[token.i] or not token.is_title or len(token.text) < 4:
            continue
        if not (token.i and _is_word(doc[token.i - 1].text)):
            continue  # capitalized after a word, not at a sentence's or a quote's start
        word = token.text.lower()
        if word[:3] not in prefixes:
            continue
        if any(same_word(word, form, 2) for form in forms) and _first_name_like(
            doc[token.i : token.i + 1], first=False
        ):
            found.append(Span(doc, token.i, token.i + 1, label="PER"))
    return sorted(found, key=lambda span: span.start)


def refine_entities(doc: Doc) -> None:
    """Clean the model's spans in place: split at punctuation, drop non-names, label by the
    gazetteer, set people's bounds and labels from the document, add the places the gazetteer
    knows and the people of lists the model missed, spread labels; then find the places and
    people named inside other names."""
    spans = [cut_at_preposition(piece) for span in doc.ents for piece in split_span(span)]
    spans = relabel_by_gazetteer([span for span in spans if _keep(span)])
    spans = [
        piece
        for span in spans
        for piece in (refine_person(span) if span.label_ == "PER" else [span])
    ]
    spans = find_unlabelled_places(doc, person_bounds(relabel_people(spans)))
    doc.ents = listed_people(doc, spread_people(doc, spread_labels(doc, spans)))
    doc.spans[NESTED_PLACES] = places_in_names(doc, doc.ents)
    doc.spans[NESTED_PEOPLE] = nested_people(list(doc.ents))


@Language.factory(
    "newsnlp_ner",
    default_config={"batch_size": 32},
    requires=["token.pos", "token.morph", "token.lemma"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "doc.spans"],
)
def make_ner(nlp: Language, name: str, batch_size: int) -> EntityRecognizer:
    """Factory of the slovnet NER component."""
    return EntityRecognizer(batch_size)
