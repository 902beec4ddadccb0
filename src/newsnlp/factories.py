"""Every spaCy factory, tokenizer and callback of newsnlp, in one place.

The entry points in ``pyproject.toml`` point here, so that ``spacy.load`` of a saved newsnlp
pipeline finds them wherever newsnlp is installed (without ``import newsnlp``). Each factory
names what its component needs and sets (``requires``/``assigns``, shown by
``nlp.analyze_pipes()``) and its default config. :data:`COMPONENTS` is the stage order of
:func:`newsnlp.pipeline.load`; the factories below are written in that order.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.util import registry

from .dates import DateExtractor
from .gazetteer import default_gazetteer
from .layout import LayoutFinder
from .link import Linker
from .money import MoneyExtractor
from .normalize import Normalizer
from .percentages import PercentageExtractor
from .ratios import RatioExtractor
from .recognize import EntityRecognizer
from .roles import RoleExtractor
from .segment import RazdelTokenizer, like_num
from .span_groups import SpanGrouper
from .statements import StatementReader
from .tag import Lemmatizer, MorphTagger, SyntaxParser

COMPONENTS = (
    "newsnlp_morph",
    "newsnlp_lemmatizer",
    "newsnlp_syntax",
    "newsnlp_ner",
    "newsnlp_normalizer",
    "newsnlp_linker",
    "newsnlp_roles",
    "newsnlp_dates",
    "newsnlp_percentages",
    "newsnlp_money",
    "newsnlp_ratios",
    "newsnlp_statements",
    "newsnlp_layout",
    "newsnlp_spans",
)
"""The components of the newsnlp pipeline, in the order they run (each a factory below)."""


TOKENIZER = "newsnlp.RazdelTokenizer.v1"
"""The registered name of :class:`RazdelTokenizer` (``[nlp.tokenizer]`` in a spaCy config)."""


@registry.tokenizers(TOKENIZER)
def make_tokenizer() -> Callable[[Language], RazdelTokenizer]:
    """spaCy tokenizer factory: razdel instead of spaCy's rules (never built, never used)."""

    def create(nlp: Language) -> RazdelTokenizer:
        return RazdelTokenizer(nlp.vocab)

    return create


SETUP = "newsnlp.setup.v1"
"""The registered name of :func:`make_setup` (``[nlp.after_creation]`` in a spaCy config)."""


@registry.callbacks(SETUP)
def make_setup() -> Callable[[Language], Language]:
    """spaCy callback run after the ``Language`` is created (also by ``spacy.load`` of a saved
    newsnlp pipeline): no cap on text length (razdel and the models work sentence by
    sentence) and the faster ``like_num`` (:func:`like_num`, same answers as spaCy's)."""

    def setup(nlp: Language) -> Language:
        nlp.max_length = 10**9
        getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # (not in the stub)
        getters[LIKE_NUM] = like_num
        return nlp

    return setup


@Language.factory(
    "newsnlp_morph",
    default_config={"batch_size": 32},
    assigns=["token.pos", "token.morph"],
)
def make_morph(nlp: Language, name: str, batch_size: int) -> MorphTagger:
    """Factory of the slovnet morphology tagger component."""
    return MorphTagger(batch_size)


@Language.factory(
    "newsnlp_lemmatizer",
    default_config={},
    requires=["token.pos", "token.morph"],
    assigns=["token.lemma"],
)
def make_lemmatizer(nlp: Language, name: str) -> Lemmatizer:
    """Factory of the pymorphy3 lemmatizer component."""
    return Lemmatizer()


@Language.factory(
    "newsnlp_syntax",
    default_config={"batch_size": 32, "only_with": [], "only_containing": [], "only_words": []},
    requires=["token.pos", "token.morph"],
    assigns=["token.head", "token.dep"],
)
def make_syntax(
    nlp: Language,
    name: str,
    batch_size: int,
    only_with: list[str],
    only_containing: list[str],
    only_words: list[str],
) -> SyntaxParser:
    """Factory of the slovnet dependency parser component."""
    return SyntaxParser(batch_size, only_with, only_containing, only_words)


@Language.factory(
    "newsnlp_ner",
    default_config={"batch_size": 32},
    requires=["token.pos", "token.morph", "token.lemma"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "doc.spans"],
)
def make_ner(nlp: Language, name: str, batch_size: int) -> EntityRecognizer:
    """Factory of the slovnet NER component."""
    return EntityRecognizer(batch_size)


@Language.factory(
    "newsnlp_normalizer",
    default_config={},
    requires=["doc.ents", "token.pos", "token.morph"],
    assigns=["span._.normal"],
)
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    """Factory of the normalization component."""
    return Normalizer()


@Language.factory(
    "newsnlp_linker",
    default_config={"gazetteer": True},
    requires=["doc.ents", "span._.normal"],
    assigns=["doc._.newsnlp_people", "doc._.newsnlp_places", "doc._.newsnlp_organizations"],
)
def make_linker(nlp: Language, name: str, gazetteer: bool) -> Linker:
    """Factory of the linking component (``gazetteer=False`` leaves places unlinked)."""
    return Linker(default_gazetteer() if gazetteer else None)


@Language.factory(
    "newsnlp_roles",
    default_config={},
    requires=["token.lemma", "token.morph", "doc._.newsnlp_people", "doc._.newsnlp_places"],
    assigns=["doc._.newsnlp_people"],
)
def make_roles(nlp: Language, name: str) -> RoleExtractor:
    """Factory of the roles component."""
    return RoleExtractor()


@Language.factory(
    "newsnlp_dates",
    default_config={},
    requires=["token.lemma", "token.morph"],
    assigns=["doc._.newsnlp_dates", "doc._.newsnlp_dateline"],
)
def make_dates(nlp: Language, name: str) -> DateExtractor:
    """Factory of the date fact extractor."""
    return DateExtractor()


@Language.factory(
    "newsnlp_percentages",
    default_config={},
    requires=[
        "token.lemma",
        "token.morph",
        "token.dep",
        "doc._.newsnlp_places",
        "doc._.newsnlp_people",
    ],
    assigns=["doc._.newsnlp_percentages"],
)
def make_percentages(nlp: Language, name: str) -> PercentageExtractor:
    """Factory of the percentage fact extractor."""
    return PercentageExtractor()


@Language.factory(
    "newsnlp_money",
    default_config={},
    requires=["token.lemma", "token.morph", "token.dep"],
    assigns=["doc._.newsnlp_money"],
)
def make_money(nlp: Language, name: str) -> MoneyExtractor:
    """Factory of the money fact extractor."""
    return MoneyExtractor()


@Language.factory(
    "newsnlp_ratios",
    default_config={},
    requires=["token.lemma", "token.morph", "token.dep", "doc._.newsnlp_places"],
    assigns=["doc._.newsnlp_ratios"],
)
def make_ratios(nlp: Language, name: str) -> RatioExtractor:
    """Factory of the ratio fact extractor."""
    return RatioExtractor()


@Language.factory(
    "newsnlp_statements",
    default_config={},
    requires=["token.lemma", "token.morph", "doc._.newsnlp_people"],
    assigns=["doc._.newsnlp_statements"],
)
def make_statements(nlp: Language, name: str) -> StatementReader:
    """Factory of the statements component (after roles, percentages and money)."""
    return StatementReader()


@Language.factory("newsnlp_layout", default_config={})
def make_layout(nlp: Language, name: str) -> LayoutFinder:
    """Factory of the layout stage (after ``newsnlp_linker`` and ``newsnlp_percentages``)."""
    return LayoutFinder()


@Language.factory(
    "newsnlp_spans",
    default_config={},
    requires=[
        "doc._.newsnlp_people",
        "doc._.newsnlp_percentages",
        "doc._.newsnlp_dates",
        "doc._.newsnlp_money",
    ],
    assigns=["doc.spans"],
)
def make_spans(nlp: Language, name: str) -> SpanGrouper:
    """Factory of the span groups stage (last: after the facts and the layout)."""
    return SpanGrouper()
