"""slovnet's news models (NER, morphology, syntax) loaded with newsnlp's faster pieces."""

from __future__ import annotations

from functools import cache
from typing import Any

from .blas import _limit_blas_once
from .convolutions import CNNEncoder
from .embeddings import _shared_navec, navec
from .first_layer import FirstLayer
from .natasha_data import MORPH, NER, SYNTAX, _lock, natasha_data_dir
from .vocabularies import WordShapeEncoder, _IndexedVocab, _words_vocab


def _slovnet(kind: str, path: str, batch_size: int) -> Any:
    """Load a slovnet model as ``slovnet.<kind>.load`` does, sharing the word vocabulary, with
    newsnlp's cached encoder; BLAS is limited to :data:`BLAS_THREADS` threads first."""
    from slovnet import api
    from slovnet.const import REL, SHAPE, TAG
    from slovnet.exec import infer as infers
    from slovnet.exec.pack import Pack

    model_class, decoder_class, infer_class, labels = {
        "NER": (api.NERModel, infers.TagDecoder, infers.NERInfer, TAG),
        "Morph": (api.MorphModel, infers.TagDecoder, infers.MorphInfer, TAG),
        "Syntax": (api.SyntaxModel, infers.SyntaxDecoder, infers.SyntaxInfer, REL),
    }[kind]
    with _lock:
        _limit_blas_once()
        with Pack(str(natasha_data_dir() / path)) as pack:
            pack.load_meta().check_protocol()
            model = pack.load_model(model_class)
            arrays = dict(pack.load_arrays(model.weights))
            words_vocab = _words_vocab(pack)
            shapes_vocab = pack.load_vocab(SHAPE)
            labels_vocab = pack.load_vocab(labels)
        model = model.inject_arrays(arrays).inject_navec(navec())
        model.emb.word = _shared_navec(model.emb.word)
        # the taggers keep their frequent words' products (the parser reads few sentences)
        navec_ids = isinstance(words_vocab, _IndexedVocab) and kind != "Syntax"
        model.emb = FirstLayer(model.emb, model.encoder.layers[0].conv, navec_ids)
        model.encoder = CNNEncoder(model.encoder, first_conv_done=True)
        encoder = WordShapeEncoder(words_vocab, shapes_vocab, batch_size)
        infer = infer_class(model, encoder, decoder_class(labels_vocab))
        return getattr(api, kind)(infer, batch_size)


@cache
def ner_model(batch_size: int = 32) -> Any:
    """slovnet's news NER model (PER / LOC / ORG)."""
    return _slovnet("NER", NER, batch_size)


@cache
def morph_model(batch_size: int = 32) -> Any:
    """slovnet's news morphology tagger (UD POS and features)."""
    return _slovnet("Morph", MORPH, batch_size)


@cache
def syntax_model(batch_size: int = 32) -> Any:
    """slovnet's news dependency parser (UD relations)."""
    return _slovnet("Syntax", SYNTAX, batch_size)
