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


def _sentences(words: list[str], starts: list[int]) -> Doc:
    return Doc(_VOCAB, words=words, sent_starts=[i in starts for i in range(len(words))])


def test_tagger_input_is_read_once_per_batch() -> None:
    # the morphology and the NER of one batch share its pieces, words and ids
    docs = [
        _sentences(["Катер", "отчалил", ".", "Ветер", "стих", "."], [0, 3]),
        _sentences(["Склад", "открыт", "."], [0]),
    ]
    read = _batch.tagger_input(docs)
    assert [list(indexes) for _, indexes in read.pieces] == [[0, 1, 2], [3, 4, 5], [0, 1, 2]]
    assert read.words == [
        ["Катер", "отчалил", "."],
        ["Ветер", "стих", "."],
        ["Склад", "открыт", "."],
    ]
    calls = []
    ids = read.shared_ids(7, lambda words: calls.append(words) or "ids")
    assert _batch.tagger_input(docs) is read
    assert _batch.tagger_input(docs).shared_ids(7, lambda words: "again") == ids == "ids"
    assert len(calls) == 1
    # another batch, or the same documents with other sentences, are read again
    assert _batch.tagger_input(docs[:1]) is not read
    read = _batch.tagger_input(docs)
    docs[0][3].is_sent_start = False
    again = _batch.tagger_input(docs)
    assert again is not read
    assert [list(indexes) for _, indexes in again.pieces] == [[0, 1, 2, 3, 4, 5], [0, 1, 2]]


def test_tagger_input_of_a_huge_batch_is_not_kept(monkeypatch) -> None:
    monkeypatch.setattr(_batch, "LARGE_BATCH", 5)
    docs = [_sentences(["Мост", "закрыт", "на", "ремонт", "до", "весны"], [0])]
    read = _batch.tagger_input(docs)
    assert not read.kept
    assert read.shared_ids(1, lambda words: "ids") is None
    assert _batch.tagger_input(docs) is not read


def test_tagger_input_is_dropped_with_its_documents() -> None:
    docs = [_sentences(["Паром", "ушёл", "."], [0])]
    _batch.tagger_input(docs)
    assert _batch._last_input is not None
    del docs
    gc.collect()
    assert _batch._last_input is None


def test_piece_positions_are_the_pieces_token_indexes() -> None:
    pieces = [(0, range(0, 3)), (0, [4, 6, 7]), (1, range(2, 4)), (1, range(9, 10))]
    assert _batch.piece_positions(pieces).tolist() == [0, 1, 2, 4, 6, 7, 2, 3, 9]
    assert _batch.piece_positions([]).tolist() == []
