"""Routes: the two ends of a route, a checkpoint, a road or a train named in quotes by its places
joined by a dash ("трасса «Чита – Хабаровск»").
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .._batch import token_texts
from .._spans import CLOSE_QUOTES, OPEN_QUOTES, covered_mask, is_proper

_DASHES = frozenset("-–—")
_ROUTE_SIDE = 3  # words of one end of a route's name at most


def _route_side(doc: Doc, start: int, stop: int) -> bool:
    """Whether ``doc[start:stop]`` can be one end of a route's name: one to
    :data:`_ROUTE_SIDE` capitalized words, the last a proper name or a word pymorphy3 does
    not know ("Хэйхэ", "Нижний Новгород")."""
    if not 0 < stop - start <= _ROUTE_SIDE:
        return False
    words = [token.text for token in doc[start:stop]]
    return all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words) and (
        is_proper(doc[stop - 1])
    )


def route_ends(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the other end of a route, a checkpoint, a road or a train named in quotes by its two
    places joined by a dash: in "пункт пропуска «Благовещенск – Хэйхэ»", "трасса «Чита –
    Хабаровск»" one end tagged as a place makes the other, untagged, a place too."""
    texts = token_texts(doc, ORTH)
    covered = None  # made for the first dash found beside a place (most documents: none)
    found = list(spans)
    for span in spans:
        before = texts[span.start - 1] if span.start > 0 else ""
        after = texts[span.end] if span.end < len(texts) else ""
        if after not in _DASHES and before not in _DASHES or span.label_ != "LOC":
            continue  # (a dash after the place, or before it: the only two cases below)
        if covered is None:
            covered = covered_mask(doc, spans)
        if before in OPEN_QUOTES:
            # «A – B»: the place A opens the quotes, B runs from the dash to the closing quote
            if after in _DASHES:
                close = _closing_quote(doc, span.end + 1)
                if close is not None and not any(covered[span.end + 1 : close]):
                    if _route_side(doc, span.end + 1, close):
                        found.append(Span(doc, span.end + 1, close, label="LOC"))
                        covered[span.end + 1 : close] = b"\x01" * (close - span.end - 1)
        elif after in CLOSE_QUOTES:
            # «A – B»: the place B closes the quotes, A runs from the opening quote to the dash
            dash = span.start - 1
            if dash > 0 and texts[dash] in _DASHES:
                open_ = _opening_quote(doc, dash - 1)
                if open_ is not None and not any(covered[open_ + 1 : dash]):
                    if _route_side(doc, open_ + 1, dash):
                        found.append(Span(doc, open_ + 1, dash, label="LOC"))
                        covered[open_ + 1 : dash] = b"\x01" * (dash - open_ - 1)
    return sorted(found, key=lambda span: span.start)


def _closing_quote(doc: Doc, start: int) -> int | None:
    """The index of the closing quote within :data:`_ROUTE_SIDE` tokens from ``start``."""
    for i in range(start, min(len(doc), start + _ROUTE_SIDE + 1)):
        if doc[i].text in CLOSE_QUOTES:
            return i
    return None


def _opening_quote(doc: Doc, stop: int) -> int | None:
    """The index of the opening quote within :data:`_ROUTE_SIDE` tokens back from ``stop``."""
    for i in range(stop, max(-1, stop - _ROUTE_SIDE - 1), -1):
        if doc[i].text in OPEN_QUOTES:
            return i
    return None
