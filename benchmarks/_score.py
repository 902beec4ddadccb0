"""What the benchmarks share: precision / recall / F1, and natasha's entities (its NER spans
grouped by type and normal form, as natasha has no entities of its own).

    from _score import prf, natasha_spans, natasha_groups   (benchmarks/ is on sys.path)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# a natasha NER span: start, stop, type ("PER", "LOC", "ORG"), text, normal form (or None)
NatashaSpan = tuple[int, int, str, str, str | None]

# a group of natasha spans: type, key of the normal form, first normal form, mentions' offsets
NatashaGroup = tuple[str, str, str, list[tuple[int, int]]]


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(right: int, predicted: int, gold: int, empty: float = 0.0) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``right`` items among ``predicted`` ones and ``gold`` ones
    (a share of nothing is ``empty``: 0 unless a scorer counts "nothing to find" as right)."""
    precision = right / predicted if predicted else empty
    recall = right / gold if gold else empty
    return precision, recall, f1(precision, recall)


def natasha_spans(texts: Iterable[str]) -> list[list[NatashaSpan]]:
    """natasha's NER spans of each text (segmenter, morphology, NER, ``span.normalize``)."""
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    segmenter, emb = Segmenter(), NewsEmbedding()
    ner, morph, vocab = NewsNERTagger(emb), NewsMorphTagger(emb), MorphVocab()
    found = []
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
        found.append(
            [(span.start, span.stop, span.type, span.text, span.normal) for span in doc.spans]
        )
    return found


def natasha_groups(
    spans: Iterable[NatashaSpan], key: Callable[[str], str], types: Iterable[str] | None = None
) -> list[NatashaGroup]:
    """natasha's entities of one text: its spans (of ``types``) grouped by type and ``key`` of
    the normal form (the text where it has none), in the order of their first span."""
    kinds = None if types is None else set(types)
    groups: dict[tuple[str, str], NatashaGroup] = {}
    for start, stop, kind, text, normal in spans:
        if kinds is not None and kind not in kinds:
            continue
        name = normal or text
        group = groups.setdefault((kind, key(name)), (kind, key(name), name, []))
        group[3].append((start, stop))
    return list(groups.values())
