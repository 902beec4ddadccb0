"""``--explain`` for percentages: the rule of :data:`~newsnlp.percentages.reading.RULES` that
read each figure of a document, then the rules of :data:`~newsnlp.percentages.carry.CARRY_RULES`
that completed its reading from the figures before it."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .facts import iter_readings


def explain(doc: Doc) -> list[tuple[Span, str]]:
    """Every figure of the percentage facts of a tagged (and, for its sentences, parsed)
    document, as its span, with the names of the rules that read it (``newsnlp analyze
    --explain``): the rule of the reading, then each carry rule that changed the reading, as
    ``"level, same_group_share"``. A figure listed after another ("на 12 %, 8 % и 5 %") that
    shares the first one's change names the first one's rule."""
    return [
        (doc[figure.first.i : figure.last.i + 1], ", ".join((reading.rule, *reading.carried)))
        for figure, reading in iter_readings(doc)
    ]
