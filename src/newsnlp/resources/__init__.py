"""Where the pipeline's data lives and how it is loaded, once per process.

natasha ships the navec embeddings and the slovnet NER / morphology / syntax models inside
its wheel; we locate them without importing natasha (which would pull in pymorphy2). Our own
artifacts live in ``models/`` (shipped inside the package as ``newsnlp/models``).

The steps, one module each: :mod:`.natasha_data` (where natasha's files are, the loading
lock), :mod:`.embeddings` (navec's vectors), :mod:`.blas` (BLAS's thread count),
:mod:`.vocabularies` (words to ids), :mod:`.convolutions` and :mod:`.first_layer` (the taggers'
numeric kernels), :mod:`.packed_scores` (scores and tags of word lists packed end to end),
:mod:`.crf` (the CRF decode), :mod:`.slovnet_models` (the three models loaded) and
:mod:`.pymorphy` (pymorphy3's dictionary analyses). The names other modules use are
re-exported here (``resources.word_parses``); the tunables :data:`SHARED_WORDS` and
:data:`CHUNK_WORDS` are read by :mod:`.packed_scores`, so set them there.
"""

from .blas import BLAS_THREADS, limit_blas
from .convolutions import CNNEncoder
from .crf import crf_paths
from .embeddings import NavecEmbedding, _most_frequent, navec
from .first_layer import FirstLayer, Products
from .natasha_data import EMBEDDING, MORPH, NER, SYNTAX, natasha_data_dir
from .packed_scores import CHUNK_WORDS, SHARED_WORDS, Ids, flat_scores, tag_ids, tag_paths
from .pymorphy import morph_analyzer, word_parses
from .slovnet_models import morph_model, ner_model, syntax_model
from .vocabularies import WordShapeEncoder

__all__ = [
    "BLAS_THREADS",
    "CHUNK_WORDS",
    "CNNEncoder",
    "EMBEDDING",
    "FirstLayer",
    "Ids",
    "MORPH",
    "NER",
    "NavecEmbedding",
    "Products",
    "SHARED_WORDS",
    "SYNTAX",
    "WordShapeEncoder",
    "_most_frequent",
    "crf_paths",
    "flat_scores",
    "limit_blas",
    "morph_analyzer",
    "morph_model",
    "natasha_data_dir",
    "navec",
    "ner_model",
    "syntax_model",
    "tag_ids",
    "tag_paths",
    "word_parses",
]
