"""``--explain`` for percentages: the rule of :data:`~newsnlp.percentages.reading.RULES` that
read each figure of a document."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .change import Scan
from .figures import find_figures
from .lists import groups, read_group


def explain(doc: Doc) -> list[tuple[Span, str]]:
    """Every figure of a tagged (and, for its sentences, parsed) document, as its span, with
    the name of the rule that read it (``newsnlp analyze --explain``). A figure listed after
    another ("на 12 %, 8 % и 5 %") that shares the first one's change names the first one's
    rule; what the facts then carry over from the figure before is not a rule of the reading."""
    found: list[tuple[Span, str]] = []
    for sent in doc.sents:
        figures = find_figures(sent)
        if not figures:
            continue
        scan = Scan(sent)
        for group in groups(figures):
            for figure, reading in zip(group, read_group(group, sent, scan)):
                found.append((doc[figure.first.i : figure.last.i + 1], reading.rule))
    return found
