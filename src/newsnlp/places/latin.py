"""Latin: a place's original spelling in Latin letters, given in parentheses after it ("в
Мюнхене (München)").
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .._batch import token_texts
from .._spans import covered_mask


def latin_words(doc: Doc, start: int, stop: int) -> bool:
    """Whether ``doc[start:stop]`` is one to four words in Latin letters, the first capitalized
    ("Al Ain", "München", "Rio de Janeiro")."""
    words = [token.text for token in doc[start:stop]]
    return (
        0 < len(words) <= 4
        and words[0][:1].isupper()
        and all(
            word.replace("-", "").replace("'", "").isalpha()
            and all("a" <= char.lower() <= "z" or char in "-'" or ord(char) > 0x7F for char in word)
            and not any("а" <= char.lower() <= "я" or char in "ёЁ" for char in word)
            for word in words
        )
    )


def latin_in_parentheses(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the original spelling in Latin letters the text gives in parentheses right after a
    place ("в Мюнхене (München)", "в Аль-Айне (Al Ain)"): a place too, the same one."""
    texts = token_texts(doc, ORTH)
    covered = None  # made for the first bracket after a place (most documents: none)
    found = list(spans)
    for span in spans:
        if span.end + 2 >= len(texts) or texts[span.end] != "(" or span.label_ != "LOC":
            continue
        close = next(
            (i for i in range(span.end + 1, min(len(doc), span.end + 6)) if texts[i] == ")"),
            None,
        )
        if close is None:
            continue
        if covered is None:
            covered = covered_mask(doc, spans)
        if any(covered[span.end + 1 : close]):
            continue
        if latin_words(doc, span.end + 1, close):
            found.append(Span(doc, span.end + 1, close, label="LOC"))
    return sorted(found, key=lambda span: span.start)
