"""The token arrays of ``_batch``: the texts read once per document, lemmas read again when
they change."""

from __future__ import annotations

import gc

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsnlp import _batch
from newsnlp._batch import token_texts

_VOCAB = Vocab()


def _doc(words: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, lemmas=[word.lower() for word in words])


def test_token_texts_are_read_once_per_document() -> None:
    first = _doc(["Бригада", "Кедрова", "чинит", "мост"])
    second = _doc(["Паром", "ходит", "ночью"])
    texts = token_texts(first, ORTH)
    assert texts == ["Бригада", "Кедрова", "чинит", "мост"]
    assert token_texts(second, LEMMA) == ["паром", "ходит", "ночью"]
    # the same lists again, whichever document was asked about in between
    assert token_texts(first, ORTH) is texts
    assert token_texts(second, ORTH) == ["Паром", "ходит", "ночью"]
    assert token_texts(first, ORTH) is texts


def test_token_texts_read_a_changed_lemma() -> None:
    doc = _doc(["Лодки", "вернулись", "в", "гавань"])
    lemmas = token_texts(doc, LEMMA)
    assert lemmas == ["лодки", "вернулись", "в", "гавань"]
    assert token_texts(doc, LEMMA) is lemmas
    doc[0].lemma_ = "лодка"
    doc[1].lemma_ = "вернуться"
    assert token_texts(doc, LEMMA) == ["лодка", "вернуться", "в", "гавань"]


def test_token_texts_keep_nothing_of_a_document_that_is_gone() -> None:
    doc = _doc(["Склад", "закрыт"])
    token_texts(doc, ORTH)
    assert doc in _batch._read
    before = len(_batch._read)
    del doc
    gc.collect()
    assert _batch._last is None
    assert len(_batch._read) == before - 1
