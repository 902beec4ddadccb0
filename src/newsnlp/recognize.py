"""Recognize: named entities (PER, LOC, ORG) with slovnet's news NER, sentence by sentence.

The model tags razdel's words of each sentence (never across a sentence or line break), for a
whole batch of documents at once. Spans become ``doc.ents``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import resources
from ._batch import piece_words, run_sorted, sentence_pieces
from .tag import _batches

LABELS = ("PER", "LOC", "ORG")


def bio_spans(doc: Doc, indexes: list[int], tags: list[str]) -> Iterator[Span]:
    """Spans of ``doc`` from BIO tags over the tokens ``indexes`` (I- after O starts a span)."""
    start = label = None
    for position, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or kind != label):
            yield Span(doc, indexes[start], indexes[position - 1] + 1, label=label)
            start = label = None
        if prefix in ("B", "I") and start is None:
            start, label = position, kind
    if start is not None:
        yield Span(doc, indexes[start], indexes[-1] + 1, label=label)


class EntityRecognizer:
    """Sets ``doc.ents`` from slovnet's NER model."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.model = resources.ner_model(batch_size)

    def __call__(self, doc: Doc) -> Doc:
        self.recognize([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in _batches(docs, batch_size):
            self.recognize(batch)
            yield from batch

    def _infer(self, items: list[list[str]]) -> Iterator[list[str]]:
        infer = self.model.infer
        return infer.decoder(infer.process(infer.encoder(items)))

    def recognize(self, docs: Sequence[Doc]) -> None:
        pieces = sentence_pieces(docs)
        tags = run_sorted(self._infer, piece_words(docs, pieces))
        found: list[list[Span]] = [[] for _ in docs]
        for (number, indexes), piece_tags in zip(pieces, tags):
            found[number].extend(bio_spans(docs[number], indexes, piece_tags))
        for doc, spans in zip(docs, found):
            doc.ents = spans


@Language.factory("newsnlp_ner", default_config={"batch_size": 32})
def make_ner(nlp: Language, name: str, batch_size: int) -> EntityRecognizer:
    """Factory of the slovnet NER component."""
    return EntityRecognizer(batch_size)
