"""Dateline: the place of an agency's date line ("ОМСК, 4 апреля. /ТАСС/.")."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from .._batch import token_texts
from .._spans import covered_mask
from ..gazetteer import default_gazetteer


def _line_start(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` opens the text or a line."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _capitals(text: str) -> bool:
    """A word written in capitals only, of two letters or more ("ОМСК", "НЬЮ-ЙОРК")."""
    letters = text.replace("-", "")
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def dateline_places(doc: Doc, spans: list[Span], longest: int = 3) -> list[Span]:
    """The place of an agency's date line: up to ``longest`` words in capitals opening a line,
    a comma, and a date's day ("ОМСК, 4 апреля. /ТАСС/.", "НИЖНИЙ НОВГОРОД, 12 мая"), that the
    gazetteer knows as a place of any kind, cities included; it takes the place of whatever
    span the model made of it (an organization: a name in capitals reads as an acronym)."""
    found = []
    texts = token_texts(doc, ORTH)
    for i, text in enumerate(texts):
        # ``isupper`` first: a word in capitals is rare, and hyphens have no case
        if not (text.isupper() and _capitals(text) and _line_start(doc, i)):
            continue
        end = i
        while end < min(len(doc), i + longest) and _capitals(texts[end]):
            end += 1
        after = texts[end : end + 2]
        if len(after) < 2 or after[0] != "," or not after[1].isdigit():
            continue
        name = doc[i:end].text
        entries = default_gazetteer().lookup(name)
        if entries and entries[0].kind != "organization":
            found.append(Span(doc, i, end, label="LOC"))
    if not found:
        return spans
    taken = covered_mask(doc, found)
    kept = [span for span in spans if not any(taken[span.start : span.end])]
    return sorted(kept + found, key=lambda span: span.start)
