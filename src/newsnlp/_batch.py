"""Batched inference of slovnet models over the sentences of many ``Doc`` objects."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from spacy.tokens import Doc, Span

T = TypeVar("T")

# slovnet's syntax head scores grow with the square of the sentence length; a run-on "sentence"
# (a table, a list without punctuation) is cut into pieces of this many words for the models.
MAX_WORDS = 200

Piece = tuple[int, list[int]]  # (doc index in the batch, token indexes of the words)


def sentence_pieces(
    docs: Sequence[Doc], select: Callable[[Span], bool] | None = None
) -> list[Piece]:
    """The words (non-whitespace tokens) of each sentence, cut at ``MAX_WORDS``."""
    pieces: list[Piece] = []
    for number, doc in enumerate(docs):
        for sent in doc.sents:
            if select is not None and not select(sent):
                continue
            words = [token.i for token in sent if not token.is_space]
            for start in range(0, len(words), MAX_WORDS):
                pieces.append((number, words[start : start + MAX_WORDS]))
    return pieces


def run_sorted(infer: Callable[[list[list[str]]], Iterable[T]], items: list[list[str]]) -> list[T]:
    """Run ``infer`` over ``items`` sorted by length (less padding), results in input order."""
    order = sorted(range(len(items)), key=lambda index: len(items[index]))
    results: list[Any] = [None] * len(items)
    for index, result in zip(order, infer([items[index] for index in order])):
        results[index] = result
    return results


def piece_words(docs: Sequence[Doc], pieces: list[Piece]) -> list[list[str]]:
    """The token texts of each piece, as the slovnet models take them."""
    return [[docs[number][i].text for i in indexes] for number, indexes in pieces]
