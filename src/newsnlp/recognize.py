"""Recognize: named entities (PER, LOC, ORG) with slovnet's news NER, sentence by sentence.

The model tags razdel's words of each sentence (never across a sentence or line break), for a
whole batch of documents at once. Spans become ``doc.ents`` after :func:`refine_entities`,
which splits them at punctuation and hands them to the rules of ``people`` (people's names) and
``places`` (place names and the gazetteer), then spreads labels over the document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy
from pymorphy3.units import KnownPrefixAnalyzer, UnknownPrefixAnalyzer
from spacy.attrs import LEMMA, ORTH
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from . import resources
from ._batch import (
    BatchComponent,
    tagger_input,
    token_texts,
)
from ._spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PROPER,
    capitalized_common_noun,
    capitalized_verb,
    covered_mask,
    is_proper,
    is_word,
    opens_sentence,
    token_parses,
)
from .gazetteer import PLACE_KINDS, default_gazetteer
from .geographic_words import (
    dashed_places,
    geographic_words,
    names_after_settlement_nouns,
    route_pairs,
    unknown_words_after_in,
    with_abbreviated_nouns,
)
from .people import (
    coordinated_first_names,
    family_word,
    join_initials_after,
    join_nicknames,
    listed_people,
    name_stem,
    nested_people,
    person_after_object,
    person_bounds,
    plural_families,
    refine_person,
    relabel_people,
    skipped_people,
    spread_first_names,
    spread_people,
    without_counted,
    without_things,
)
from .places import (
    capitalized_tokens,
    coordinated_places,
    cut_at_preposition,
    dateline_places,
    elided_head,
    find_unlabelled_places,
    gazetteer_kind,
    is_place_name,
    joined_places,
    latin_in_parentheses,
    one_label_per_place,
    places_among_places,
    places_in_names,
    relabel_by_gazetteer,
    relabel_cities_after_in,
    relabel_linked_places,
    route_ends,
    split_place_and_person,
)
from .quoted_titles import places_in_titles

LABELS = ("PER", "LOC", "ORG")


# ``doc.spans`` keys of the people and places named inside other entities' names ("центра
# Джонсона", "Совета Европы"); they overlap doc.ents, which cannot hold them
NESTED_PEOPLE = "people_in_names"
NESTED_PLACES = "places_in_names"


def bio_spans(doc: Doc, indexes: Sequence[int], tags: list[str]) -> Iterator[Span]:
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


def bio_bounds(
    paths: list[numpy.ndarray], tags: Sequence[str]
) -> Iterator[tuple[int, int, int, str]]:
    """The spans of :func:`bio_spans` from tag id paths (``tags``: the tag of each id), all the
    paths at once: (the path's number, its first word, its last word + 1, the label), in order.

    A word continues the span before it when it is an ``I-`` of the same kind as the word
    before, in the same path, and that word is in a span; every other ``B-`` or ``I-`` word
    starts a span, which ends before the next word that does not continue it."""
    sizes = numpy.fromiter(map(len, paths), numpy.intp, len(paths))
    if not sizes.sum():
        return
    ids = numpy.concatenate(paths)
    parts = [tag.partition("-") for tag in tags]
    kinds = [kind if prefix in ("B", "I") else "" for prefix, _, kind in parts]
    inside = numpy.array([bool(kind) for kind in kinds])[ids]
    kind = numpy.array([kinds.index(kind) for kind in kinds])[ids]
    continues = numpy.array([prefix == "I" for prefix, _, _ in parts])[ids]
    continues[1:] &= inside[:-1] & (kind[1:] == kind[:-1])
    starts = numpy.cumsum(sizes) - sizes  # each path's first word
    continues[starts[sizes > 0]] = False
    continues[0] = False
    first = numpy.flatnonzero(inside & ~continues)
    if not len(first):
        return
    breaks = numpy.append(numpy.flatnonzero(~continues), len(ids))
    last = breaks[numpy.searchsorted(breaks, first, "right")]
    numbers = numpy.searchsorted(starts, first, "right") - 1
    offsets = starts[numbers]
    for number, begin, end, label in zip(
        numbers.tolist(),
        (first - offsets).tolist(),
        (last - offsets).tolist(),
        kind[first].tolist(),
    ):
        yield number, begin, end, kinds[label]


class EntityRecognizer(BatchComponent):
    """Sets ``doc.ents`` from slovnet's NER model."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.model = resources.ner_model(batch_size)

    def _infer(
        self, items: list[list[str]], ids: resources.Ids | None = None
    ) -> Iterator[list[str]]:
        """slovnet's BIO tags for each word list (what ``NERInfer`` and its decoder give);
        ``ids``: the encoder's ids of the words, when read already."""
        infer = self.model.infer
        tags = infer.decoder.tags_vocab.items
        for path in resources.tag_paths(infer.model, infer.encoder, items, ids):
            yield [tags[i] for i in path.tolist()]

    def process(self, docs: Sequence[Doc]) -> None:
        read = tagger_input(docs)  # the morphology's, when it tagged the same batch
        pieces, encoder = read.pieces, self.model.infer.encoder
        ids = read.shared_ids(id(encoder.codes), encoder.flat)
        infer = self.model.infer
        paths = list(resources.tag_paths(infer.model, encoder, read.words, ids))
        found: list[list[Span]] = [[] for _ in docs]
        for piece, begin, end, label in bio_bounds(paths, infer.decoder.tags_vocab.items):
            number, indexes = pieces[piece]
            doc = docs[number]
            found[number].append(Span(doc, indexes[begin], indexes[end - 1] + 1, label=label))
        for doc, spans in zip(docs, found):
            doc.set_ents(spans)  # ``doc.ents = spans`` without making each Span again
            refine_entities(doc)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """spaCy's entity scores of ``examples`` (what ``nlp.evaluate`` reports): ``ents_p``,
        ``ents_r``, ``ents_f`` and ``ents_per_type`` (exact spans, by label: PER, LOC, ORG)."""
        return get_ner_prf(examples, **kwargs)


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isalpha() and text.isupper()


_JOINERS = frozenset(".'’&")


def _inline_space(token: Token) -> bool:
    """A whitespace token within a line (a no-break space between initials)."""
    return token.is_space and "\n" not in token.text


def _joins(doc: Doc, i: int, start: int | None, end: int) -> bool:
    """Whether the punctuation (or space) token ``i`` belongs inside a name.

    The dot of an initial ("С. Шелест", "В.Л") and a space within the line after it
    ("М.\u00a0Ю.\u00a0Лермонтов": razdel keeps a no-break space as a token), and a dot,
    apostrophe or ampersand written between two words without spaces ("Lenta.ru", "О’Рейли",
    "AT&T").
    """
    if start is None or i + 1 >= end:
        return False
    token = doc[i]
    if _inline_space(token):
        return (
            i >= 2
            and doc[i - 1].text == "."
            and _is_initial(doc[i - 2].text)
            and is_word(doc[i + 1].text)
        )
    text = token.text
    if text not in _JOINERS:
        return False
    if text == "." and _is_initial(doc[i - 1].text):
        after = i + 2 if _inline_space(doc[i + 1]) else i + 1
        return after < end and is_word(doc[after].text)
    if not is_word(doc[i + 1].text):
        return False
    return not doc[i - 1].whitespace_ and not token.whitespace_


def _abbreviation_dot(doc: Doc, end: int) -> bool:
    """Whether ``doc[end]`` is the closing dot of letters written with dots and no spaces
    ("Б.В." of a company's legal form: its last dot belongs to it)."""
    return (
        2 <= end < len(doc)
        and doc[end].text == "."
        and _is_initial(doc[end - 1].text)
        and doc[end - 2].text == "."
        and not doc[end - 2].whitespace_
        and not doc[end - 1].whitespace_
    )


def split_span(span: Span) -> Iterator[Span]:
    """The name-like pieces of ``span``: split at punctuation, brackets, quotes and bullets.

    "Джошуа Вольфа (Joshua Wolf)" gives "Джошуа Вольфа" and "Joshua Wolf"; "• Топалов" gives
    "Топалов"; an organization's legal form before its quoted name is dropped ("ОАО «Газпром»"
    gives "Газпром"), one written with dots after it stays ("«Полимер Н.В.»").
    """
    return _split_span(span, token_texts(span.doc, ORTH))


def _split_span(span: Span, texts: list[str]) -> Iterator[Span]:
    """:func:`split_span` with the token texts of the span's document (``texts``)."""
    doc = span.doc
    pieces: list[tuple[int, int]] = []
    start = None
    for i in range(span.start, span.end):
        keep = is_word(texts[i]) or _joins(doc, i, start, span.end)
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            pieces.append((start, i))
            start = None
    if start is not None:
        pieces.append((start, span.end))
    for number, (start, end) in enumerate(pieces):
        quoted_next = number + 1 < len(pieces) and texts[end] in OPEN_QUOTES
        if span.label_ == "ORG" and end - start == 1 and quoted_next and end + 1 == pieces[1][0]:
            continue
        if span.label_ == "ORG" and _abbreviation_dot(doc, end):
            end += 1  # "Нефтехим Б.В.", "Полимер Н.В."
        if start == span.start and end == span.end and not (span.kb_id or span.id):
            yield span  # the whole span (most): the same Span, not a new one (3 Tokens made)
        else:
            yield Span(doc, start, end, label=span.label)


# a Russian village's neuter name in -ово, -ево: no person's name ends so
_VILLAGE_ENDINGS = ("ово", "ево", "ёво")


def _place_by_name(span: Span, in_names: Collection[str]) -> Span:
    """A one-word person's span that pymorphy3 knows only as a place's name is that place (a
    town listed among places: "..., Гороховец и Муром"), and so is a word it does not know in
    -ово, -ево (a village: "пострадали Коларово и Половинка"), and so is an adjective whose head
    noun a plural before it in the sentence gives ("в районах: Ольховском и Таловском"),
    unless the document writes it in a person's longer name (``in_names``, stems by
    :func:`name_stem`: "Кашин" after "Владимир Кашин")."""
    if span.label_ != "PER" or len(span) != 1 or name_stem(span[0].text) in in_names:
        return span
    parses = token_parses(span[0])
    if parses and all(parse.is_known and "Geox" in parse.tag for parse in parses):
        return Span(span.doc, span.start, span.end, label="LOC")
    if span[0].text.endswith(_VILLAGE_ENDINGS) and not any(parse.is_known for parse in parses):
        return Span(span.doc, span.start, span.end, label="LOC")  # "пострадали Коларово"
    place = Span(span.doc, span.start, span.end, label="LOC")
    if elided_head(place, sentence_only=True) is not None:
        return place  # "в районах: Ольховском, Таловском и Бутурлиновском"
    return span


_VERB_FORMS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


_NOT_THINGS = frozenset({"anim", "Name", "Surn", "Patr", "Geox"})


def _compound_noun(parses: list[Any]) -> bool:
    """Whether pymorphy3 reads a word best as a prefix (a known one, "авто-", or not) before a
    known inanimate common noun of four letters or more, and never as a being or a name: a
    compound body's name ("Автонадзора", "Турсоюза"), not a surname."""
    stack = parses[0].methods_stack
    prefixes = (KnownPrefixAnalyzer, UnknownPrefixAnalyzer)
    if len(stack) != 2 or not isinstance(stack[1][0], prefixes):
        return False
    if len(stack[0][1]) < 4:
        return False  # "ата" + "лык": too short a word to tell
    return all(
        parse.tag.POS == "NOUN" and not (_NOT_THINGS & parse.tag.grammemes) for parse in parses
    )


def _person_by_words(span: Span, in_names: Collection[str]) -> Span | None:
    """A one-word person's span, unless the document writes it in a person's longer name
    (``in_names``): a word pymorphy3 knows only as a verb form names no one ("Выдана первая
    лицензия", after a headline without a full stop); one it knows only as an organization's
    name is that organization ("болид Бентли"), and so is a word pymorphy3 reads as an unknown
    prefix before a common noun (:func:`_compound_noun`), and so is a word it knows only as an
    inanimate common noun in an oblique case ("близкие Кремлю"). Other spans are returned as
    they are (a word it does not know may be a foreign surname: "Уорд")."""
    if span.label_ != "PER" or len(span) != 1 or name_stem(span[0].text) in in_names:
        return span
    parses = token_parses(span[0])
    if parses and _compound_noun(parses):
        return Span(span.doc, span.start, span.end, label="ORG")
    if not parses or not all(parse.is_known for parse in parses):
        return span
    if all(parse.tag.POS in _VERB_FORMS for parse in parses):
        return None
    if _opens_quote(span) and all(
        parse.tag.POS == "NOUN" and not (PROPER & parse.tag.grammemes) for parse in parses
    ):
        return None  # a quoted title's first word: «Коммуниста хотят оставить без выборов»
    if all("Orgn" in parse.tag for parse in parses):
        return Span(span.doc, span.start, span.end, label="ORG")
    if all(
        parse.tag.POS == "NOUN"
        and "inan" in parse.tag
        and not (PROPER & parse.tag.grammemes)
        and parse.tag.case not in ("nomn", "accs")
        for parse in parses
    ):
        # a thing's name in an oblique case: a building or a body ("близкие Кремлю"), no one
        # person; its nominative stays ("Вратари: Уорд", a foreign surname that is a word too)
        return Span(span.doc, span.start, span.end, label="ORG")
    return span


_VOWEL_LETTERS = frozenset("аеёиоуыэюяaeiouy")


def _syllables(text: str) -> int:
    return sum(char in _VOWEL_LETTERS for char in text.lower())


def _split_place_and_person(spans: list[Span]) -> list[Span]:
    """:func:`split_place_and_person` but for East Asian names (:func:`_surname_first`)."""
    found: list[Span] = []
    for span in spans:
        found += [span] if _surname_first(span) else split_place_and_person([span])
    return found


def _surname_first(span: Span) -> bool:
    """Whether a person's span of three capitalized one-syllable words is an East Asian name,
    surname first ("Пак Чон Хо", "Мун Чжэ Ин"), whose first word a town may share: it is not
    parted into a place and a person (:func:`split_place_and_person`)."""
    return (
        span.label_ == "PER"
        and len(span) == 3
        and all(token.is_title and _syllables(token.text) == 1 for token in span)
    )


def _opens_quote(span: Span) -> bool:
    """Whether an opening quote stands right before ``span`` and the word after it is lowercase
    (a title or a quotation goes on: «Коммуниста хотят ...»; a nickname, «Кузнец», closes)."""
    doc = span.doc
    return (
        span.start > 0
        and doc[span.start - 1].text in OPEN_QUOTES
        and span.end < len(doc)
        and doc[span.end].is_lower
    )


def _family(span: Span, texts: list[str]) -> bool:
    """A person's span of surnames only in the plural: a family spread from a person's name
    ("Петровы" after "Иван Петров"), not a person. ``texts``: the token texts of the span's
    document."""
    return span.label_ == "PER" and all(map(family_word, texts[span.start : span.end]))


def _keep(span: Span, texts: list[str]) -> bool:
    """Whether a piece of a model's span can be a name: it has letters (a person's or a
    place's a capital one); a place is no demonym; no name opens a sentence with a verb
    ("Добрался до финиша"); a person's name has no digits ("Формула-1") and no letter without
    case ("Кº"). ``texts``: the token texts of the span's document."""
    start, end, label = span.start, span.end, span.label_
    # the span's tokens without the spaces between them: spaces are neither letters, digits
    # nor cased, so the tests below read them as they read ``span.text``
    text = "".join(texts[start:end])
    if not any(map(str.isalpha, text)):
        return False
    if label in ("PER", "LOC") and text.islower():
        return False  # "на мысе": a common noun
    # (``str.istitle`` is spaCy's ``token.is_title``, which capitalized_verb tests first)
    if end - start == 1 and texts[start].istitle() and capitalized_verb(span[0]):
        return False
    if end - start == 1 and label in ("PER", "LOC") and _function_word(span[0]):
        return False  # "Вокруг Твери ...": a preposition opening the sentence
    if label == "PER" and any(map(str.isdigit, text)):
        return False
    if label == "PER" and any(
        char.isalpha() and char.lower() == char.upper() for char in set(text) - _CASED_LETTERS
    ):
        return False  # a letter without case beside a name's: "Кº" (and company), "Nº"
    return label != "LOC" or is_place_name(span)


# parts of speech of words that name nothing: prepositions, adverbs, conjunctions, particles
_FUNCTION_POS = frozenset({"PREP", "ADVB", "CONJ", "PRCL", "INTJ", "PRED"})


def _function_word(token: Token) -> bool:
    """Whether a word opening its sentence is, in every reading pymorphy3 knows, a preposition,
    an adverb, a conjunction or a particle ("Вдоль", "Около", "Напротив"): no name."""
    # the readings first (kept per word): most words have another
    return _function_readings(token.text.lower()) and opens_sentence(token)


@lru_cache(maxsize=100_000)
def _function_readings(word: str) -> bool:
    """Whether every reading pymorphy3 knows of a lowercase word is a function word's (what
    :func:`_function_word` asks; a pure function of the word)."""
    parses = resources.word_parses(word)
    return bool(parses) and all(
        parse.is_known and parse.tag.POS in _FUNCTION_POS for parse in parses
    )


# letters that have a case (Russian and Latin): :func:`_keep` looks for one without among the rest
_CASED_LETTERS = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz"
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ"
)


# the endings of a plural demonym after its place's stem: "Шадринцы", "киевляне"
_DEMONYM_ENDINGS = ("ичи", "чане", "ляне", "цы", "ане", "яне")


def _without_demonyms(spans: list[Span], texts: list[str]) -> list[Span]:
    """Without the one-word "people" that are a plural demonym of a place the document names:
    "Шадринцы" beside "в Шадринске", "Мышкинцы" beside "Мышкин" (pymorphy3 knows
    "москвичи", not these). ``texts``: the token texts of the spans' document."""
    places = [
        (texts[span.start] if span.end - span.start == 1 else span.text).lower()
        for span in spans
        if span.label_ == "LOC"
    ]
    if not places:
        return spans
    return [span for span in spans if not _demonym_of(span, places, texts)]


def _demonym_of(span: Span, places: list[str], texts: list[str]) -> bool:
    if span.end - span.start != 1 or span.label_ != "PER":
        return False
    word = texts[span.start].lower()
    if not word.endswith(_DEMONYM_ENDINGS):
        return False  # (most words: one test)
    for ending in _DEMONYM_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            return any(place.startswith(stem) for place in places)
    return False


def _after_glued_dot(span: Span, texts: list[str]) -> bool:
    """Whether a dot is glued to the front of ``span`` and spaced from the word before it: a
    domain zone or a file's extension ("в зоне .РФ", "файлы .DOC"), not a name. ``texts``: the
    token texts of the span's document."""
    doc = span.doc
    if span.start == 0 or texts[span.start - 1] != "." or doc[span.start - 1].whitespace_:
        return False
    return span.start == 1 or bool(doc[span.start - 2].whitespace_)


def _lone_common_nouns(spans: list[Span], lemmas: list[str]) -> list[Span]:
    """The places without a lone common noun opening a sentence ("Газ подорожал"), unless the
    document tags that word elsewhere too ("Кремль ... в Кремле"). ``lemmas``: the token lemmas
    of the spans' document."""
    elsewhere = Counter(lemmas[span.start] for span in spans if span.end - span.start == 1)
    return [
        span
        for span in spans
        if not (
            span.end - span.start == 1
            and span.label_ == "LOC"
            and elsewhere[lemmas[span.start]] == 1
            and capitalized_common_noun(span[0])
        )
    ]


# Nouns whose name in quotes names a work, an award, a product, an event or an operation, not a
# person or a place ("фильма «Чапаев»", "премии «Ника»", "операции «Багратион»")
WORK_NOUNS = frozenset(
    """фильм кинофильм мультфильм сериал телесериал спектакль постановка пьеса опера балет
    мюзикл роман повесть рассказ поэма стихотворение книга сборник песня альбом сингл клип
    картина полотно скульптура памятник премия кинопремия приз награда орден медаль титул
    операция учение миссия программа передача шоу проект конкурс турнир кубок марка модель
    автомобиль самолёт самолет вертолёт вертолет ракета препарат вакцина лекарство
    сорт бренд игра корабль судно крейсер ледокол лайнер яхта поезд теплоход пароход танкер
    паром сухогруз траулер катер фрегат эсминец авианосец подлодка субмарина""".split()
)
# Nouns whose name in quotes names an organization ("группировки «Ореховские»", "клуба «Ротор»")
ORGANIZATION_NOUNS = frozenset(
    """группировка банда картель синдикат клан организация партия движение союз фонд
    компания фирма корпорация концерн холдинг группа банк агентство издательство
    телеканал радиостанция газета журнал клуб команда ансамбль оркестр театр студия
    завод фабрика комбинат предприятие объединение общество кооператив сеть""".split()
)
_BODY_ENDINGS = ("стат", "надзор", "инспекция")


def _noun_before_quotes(span: Span, texts: list[str]) -> str:
    """The lemma of the lowercase word (or a sentence's first word) right before the quotes
    around ``span``, or "". ``texts``: the token texts of the span's document."""
    doc = span.doc
    if span.start < 2 or texts[span.start - 1] not in OPEN_QUOTES:
        return ""
    if span.end < len(texts) and texts[span.end] not in CLOSE_QUOTES:
        return ""
    word = doc[span.start - 2]
    return word.lemma_.lower() if word.is_lower or word.is_sent_start else ""


def _names_a_work(span: Span) -> bool:
    """A lone adjective before a noun of :data:`WORK_NOUNS` ("Пулитцеровская премия")."""
    doc = span.doc
    return (
        len(span) == 1
        and span[0].pos_ == "ADJ"
        and span.end < len(doc)
        and doc[span.end].is_lower
        and doc[span.end].lemma_ in WORK_NOUNS
    )


def _is_body(span: Span) -> bool:
    """A one-word name of a public body by its last part: statistics offices, supervisors and
    inspectorates ("Удмуртстат", "Мосгорстата", "Рослесонадзору", "Госжилинспекция"), also
    before lowercase words the model took in ("Госавтоинспекцию района")."""
    word = span[0].lemma_  # the ending first: most names have none of these
    if not any(word.endswith(ending) and len(word) > len(ending) + 2 for ending in _BODY_ENDINGS):
        return False
    return span[0].is_title and all(token.is_lower for token in span[1:])


def _in_quotes(span: Span, texts: list[str]) -> bool:
    """Whether quotes open right before ``span`` and close right after it (``texts``: the token
    texts of the span's document)."""
    return (
        span.start > 0
        and texts[span.start - 1] in OPEN_QUOTES
        and span.end < len(texts)
        and texts[span.end] in CLOSE_QUOTES
    )


def relabel_by_context(spans: list[Span]) -> list[Span]:
    """Labels the words around a name decide: a person's or a place's name in quotes after a
    noun of a work, an award, a product or an operation is none ("премии «Ника»"), after a
    noun of an organization it is an organization ("группировки «Ореховские»"); so is a
    one-word name of a statistics office or a supervisor ("Удмуртстат")."""
    found = []
    texts = token_texts(spans[0].doc, ORTH) if spans else []
    for span in spans:
        label = span.label_
        if label in ("PER", "LOC"):
            noun = _noun_before_quotes(span, texts)
            if noun in WORK_NOUNS or (not noun and _names_a_work(span)):
                continue
            if noun in ORGANIZATION_NOUNS or _is_body(span):
                label = "ORG"
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label)
        found.append(span)
    return found


# Nouns before a quoted name of a place: a district, a settlement, a station, a zone
# ("микрорайона «Зелёный»", "станции «Северная»")
QUOTED_PLACE_NOUNS = frozenset(
    """район микрорайон округ квартал посёлок поселок село деревня хутор станица слобода
    город городок станция платформа остановка зона промзона территория урочище местность
    парк сквер массив бульвар улица проспект площадь переулок шоссе""".split()
)


def _known_place(span: Span) -> bool:
    """Whether the gazetteer knows a place, a city too, by the span's text or lemmas."""
    gazetteer = default_gazetteer()
    names = (span.text, " ".join(token.lemma_ for token in span))
    return gazetteer_kind(span) is not None or any(
        entry.kind in PLACE_KINDS for name in names for entry in gazetteer.lookup(name)
    )


def quoted_places(spans: list[Span]) -> list[Span]:
    """A place's name that is all of a quoted name, and not after a noun of a place
    (:data:`QUOTED_PLACE_NOUNS`), names what bears it, a club, a firm, a ship («Енисей», «Прага»),
    not a place: it is an organization; so is the same name as an organization's quoted one
    unquoted elsewhere in the document, where the gazetteer knows no place of that name
    ("игроки «Тосно»" ... "вратарь Тосно")."""
    texts = token_texts(spans[0].doc, ORTH) if spans else []
    quoted = {
        tuple(map(name_stem, texts[span.start : span.end]))
        for span in spans
        if span.label_ in ("LOC", "ORG")
        and _in_quotes(span, texts)
        and _noun_before_quotes(span, texts) not in QUOTED_PLACE_NOUNS
    }
    if not quoted:
        return spans
    return [
        Span(span.doc, span.start, span.end, label="ORG")
        if span.label_ == "LOC"
        and tuple(map(name_stem, texts[span.start : span.end])) in quoted
        and (_in_quotes(span, texts) or not _known_place(span))
        else span
        for span in spans
    ]


def spread_labels(
    doc: Doc,
    spans: list[Span],
    lemmas: list[str] | None = None,
    capitalized: bytes | None = None,
) -> list[Span]:
    """Tag the other occurrences of names the model found once (document-level consistency).

    A sequence of capitalized tokens whose lemmas equal those of an entity found elsewhere in
    the document gets the entity's label ("Бхутто" after "Беназир Бхутто"; "Марку" after
    "Марк"); a person's surname alone gets PER. Single words are spread only when pymorphy3
    reads them as proper names or does not know them, so common words stay untagged.
    ``lemmas``: ``token_texts(doc, LEMMA)``, and ``capitalized``:
    :func:`~newsnlp.places.capitalized_tokens`, when the caller has them.
    """
    doc_lemmas = token_texts(doc, LEMMA) if lemmas is None else lemmas
    known: dict[tuple[str, ...], str] = {}
    for span in spans:  # (a name known already is not tested again: the first label stays)
        start, end = span.start, span.end
        name = tuple(doc_lemmas[start:end])
        if name not in known and (end - start > 1 or is_proper(doc[start])):
            known[name] = span.label_
        last = (doc_lemmas[end - 1],)
        if (
            span.label_ == "PER"
            and end - start > 1
            and last not in known
            and is_proper(doc[end - 1])
        ):
            known[last] = "PER"
    if not known:
        return spans
    longest = max(map(len, known))
    firsts = {key[0] for key in known}
    texts = token_texts(doc, ORTH)
    covered = covered_mask(doc, spans)
    found = list(spans)
    after = 0  # the first token no match covers yet
    # only the capitalized tokens whose lemma opens a known name can start one (most tokens:
    # none): the scan jumps from one capitalized token to the next
    capitals = capitalized_tokens(doc) if capitalized is None else capitalized
    i = capitals.find(1)
    while i >= 0:
        if i >= after and not covered[i] and doc_lemmas[i] in firsts:
            for size in range(min(longest, len(doc) - i), 0, -1):
                if any(covered[i : i + size]) or any(
                    "\n" in texts[j] and doc[j].is_space for j in range(i, i + size)
                ):
                    continue
                label = known.get(tuple(doc_lemmas[i : i + size]))
                if label is not None:
                    found.append(Span(doc, i, i + size, label=label))
                    covered[i : i + size] = b"\x01" * size
                    after = i + size
                    break
        i = capitals.find(1, i + 1)
    return sorted(found, key=lambda span: span.start)


def refine_entities(doc: Doc) -> None:
    """Clean the model's spans in place: split at punctuation (a nickname in quotes stays inside
    a name), drop non-names, label by the gazetteer and by the words around a name, set
    people's bounds and labels from the document, add the coordinated places, the places the
    gazetteer knows and the people of lists the model missed, spread labels; then find the
    places and people named inside other names."""
    texts = token_texts(doc, ORTH)
    lemmas = token_texts(doc, LEMMA)  # once: each reading compares the whole array again
    spans = [cut_at_preposition(piece) for span in doc.ents for piece in _split_span(span, texts)]
    spans = join_nicknames(doc, spans)
    spans = [span for span in spans if _keep(span, texts)]
    spans = _lone_common_nouns(_split_place_and_person(spans), lemmas)
    spans = dashed_places(doc, joined_places(relabel_by_gazetteer(spans, lemmas)))
    spans = relabel_by_context(relabel_linked_places(relabel_cities_after_in(spans)))
    in_names = {
        name_stem(text)
        for span in spans
        if span.label_ == "PER"
        for text in texts[span.start + (len(span) == 1 or opens_sentence(span[0])) : span.end]
    }  # words the document writes inside people's names, not first in a sentence
    spans = [
        piece
        for span in spans
        for piece in (
            refine_person(span, in_names) if span.label_ == "PER" else [person_after_object(span)]
        )
    ]
    spans = join_initials_after(doc, spans)
    spans = coordinated_places(doc, person_bounds(relabel_people(spans, lemmas), lemmas))
    capitalized = capitalized_tokens(doc)  # for the places the model missed, and those in names
    spans = one_label_per_place(spans)
    spans = find_unlabelled_places(doc, spans, capitalized=capitalized, lemmas=lemmas)
    spans = route_ends(doc, spans)
    spans = geographic_words(doc, spans, capitalized)
    spans = unknown_words_after_in(doc, spans, capitalized)
    spans = with_abbreviated_nouns(doc, names_after_settlement_nouns(doc, spans))
    spans = route_pairs(doc, spans)
    spans = dateline_places(doc, latin_in_parentheses(doc, spans))
    spans = spread_labels(doc, spans, lemmas, capitalized)
    spans = listed_people(doc, spread_people(doc, spans))
    spans = spread_first_names(doc, spans, lemmas)
    spans = coordinated_first_names(doc, skipped_people(doc, spans, lemmas))
    in_names = {
        name_stem(text)
        for span in spans
        if span.label_ == "PER" and len(span) > 1
        for text in texts[span.start : span.end]
    }
    spans = quoted_places([span for span in spans if not _after_glued_dot(span, texts)])
    spans = places_in_titles(doc, spans)
    spans = _without_demonyms(spans, texts)
    spans = [
        _place_by_name(span, in_names)
        for span in plural_families(doc, spans)
        if not _family(span, texts)
    ]
    spans = places_among_places(doc, spans, lambda word: name_stem(word) in in_names)
    spans = without_counted(without_things(spans, in_names))
    found = [_person_by_words(span, in_names) for span in spans]
    ents = [span for span in found if span is not None]
    doc.set_ents(ents)  # what ``doc.ents = ents`` does, without making each Span again
    # the entities as ``doc.ents`` gives them back (non-empty, in the document's order), without
    # reading them back: its getter makes a new Span per entity
    ents = sorted((span for span in ents if len(span)), key=lambda span: span.start)
    doc.spans[NESTED_PLACES] = places_in_names(doc, ents, capitalized=capitalized)
    doc.spans[NESTED_PEOPLE] = nested_people(ents)
