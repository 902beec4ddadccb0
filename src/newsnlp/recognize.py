"""Recognize: named entities (PER, LOC, ORG) with slovnet's news NER, sentence by sentence.

The model tags razdel's words of each sentence (never across a sentence or line break), for a
whole batch of documents at once. Spans become ``doc.ents`` after :func:`refine_entities`,
which splits them at punctuation and hands them to the rules of ``people`` (people's names) and
``places`` (place names and the gazetteer), then spreads labels over the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.attrs import IS_SPACE, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import resources
from ._batch import BatchComponent, piece_words, run_sorted, sentence_pieces, token_texts
from ._spans import OPEN_QUOTES, covered_mask, is_proper, is_word
from .people import (
    listed_people,
    nested_people,
    person_bounds,
    refine_person,
    relabel_people,
    spread_people,
)
from .places import (
    cut_at_preposition,
    find_unlabelled_places,
    is_place_name,
    places_in_names,
    relabel_by_gazetteer,
)

LABELS = ("PER", "LOC", "ORG")


# ``doc.spans`` keys of the people and places named inside other entities' names ("центра
# Джонсона", "Совета Европы"); they overlap doc.ents, which cannot hold them
NESTED_PEOPLE = "people_in_names"
NESTED_PLACES = "places_in_names"


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


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isalpha() and text.isupper()


_JOINERS = frozenset(".'’&")


def _joins(doc: Doc, i: int, start: int | None, end: int) -> bool:
    """Whether the punctuation token ``i`` belongs inside a name.

    The dot of an initial ("С. Шелест", "В.Л"), and a dot, apostrophe or ampersand written
    between two words without spaces ("Lenta.ru", "О’Рейли", "AT&T").
    """
    text = doc[i].text
    if text not in _JOINERS or start is None or i + 1 >= end or not is_word(doc[i + 1].text):
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
        keep = is_word(doc[i].text) or _joins(doc, i, start, span.end)
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            pieces.append((start, i))
            start = None
    if start is not None:
        pieces.append((start, span.end))
    for number, (start, end) in enumerate(pieces):
        quoted_next = number + 1 < len(pieces) and doc[end].text in OPEN_QUOTES
        if span.label_ == "ORG" and end - start == 1 and quoted_next and end + 1 == pieces[1][0]:
            continue
        yield Span(doc, start, end, label=span.label)


def _keep(span: Span) -> bool:
    if not any(char.isalpha() for char in span.text):
        return False
    return span.label_ != "LOC" or is_place_name(span)


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
        if len(lemmas) > 1 or is_proper(span[0]):
            known.setdefault(lemmas, span.label_)
        if span.label_ == "PER" and len(span) > 1 and is_proper(span[-1]):
            known.setdefault((span[-1].lemma_,), "PER")
    if not known:
        return spans
    longest = max(len(key) for key in known)
    firsts = {key[0] for key in known}
    doc_lemmas = token_texts(doc, LEMMA)
    texts = token_texts(doc, ORTH)
    is_space = doc.to_array(IS_SPACE).tolist()
    breaks = [space and "\n" in text for space, text in zip(is_space, texts)]
    covered = covered_mask(doc, spans)
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


@Language.factory("newsnlp_ner", default_config={"batch_size": 32})
def make_ner(nlp: Language, name: str, batch_size: int) -> EntityRecognizer:
    """Factory of the slovnet NER component."""
    return EntityRecognizer(batch_size)
