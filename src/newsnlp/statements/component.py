"""The statements component: reads a document's statements, resolves their speakers and gives
the figures in their content a ``source``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from .._batch import DocComponent
from ..extensions import drop_records, get_data, set_facts, update_facts
from ..resolve import Referent, Resolver, Said
from ..schema import Phrase, Statement
from .cues import _Reader


def read_statements(doc: Doc) -> Iterator[Statement]:
    """The statements of ``doc`` (after the linker and roles), in text order."""
    reader = _Reader(doc)
    found = reader.read()
    if not found:
        return
    resolver = Resolver(
        doc,
        get_data(doc, "people") or [],
        get_data(doc, "organizations") or [],
        get_data(doc, "places") or [],
        reader.sentence_of,
        reader.starts,
    )
    text = reader.text
    said: list[Said] = []
    for item in found:
        referent: Referent | None = None
        speaker_phrase = None
        if item.speaker is not None:
            first, end, head = item.speaker
            referent = resolver.resolve(first, end, head, said)
            start, stop = reader.start(first), reader.stop(end - 1)
            named = resolver.last_named
            if named is not None and named.rank == 0:
                # a person's name among the speaker's words is the speaker's words
                start, stop = max(start, named.start), min(stop, named.stop)
            speaker_phrase = Phrase(
                text=text[start:stop], start=start, stop=stop, lemma=doc[head].lemma_ or None
            )
        cue_start, cue_stop = reader.start(item.cue[0]), reader.stop(item.cue[1] - 1)
        said.append(Said(cue_start, item.sentence, referent))
        assert item.content is not None
        content_start, content_stop = item.content
        yield Statement(
            cue=Phrase(
                text=text[cue_start:cue_stop], start=cue_start, stop=cue_stop, lemma=item.lemma
            ),
            speaker=speaker_phrase,
            speaker_name=referent.name if referent is not None else None,
            speaker_type=referent.type if referent is not None else "other",
            content=Phrase(
                text=text[content_start:content_stop], start=content_start, stop=content_stop
            ),
            direct=item.direct,
        )


def fill_sources(doc: Doc, statements: Iterable[Statement]) -> None:
    """Set the ``source`` of each stored percentage, amount of money and ratio that lies in a
    statement's content: its speaker's name (the innermost content holds it)."""
    _fill_sources(doc, [_span(statement) for statement in statements if statement.speaker_name])


def _span(statement: Statement) -> tuple[int, int, str]:
    return statement.content.start, statement.content.stop, statement.speaker_name or ""


def _fill_sources(doc: Doc, spans: list[tuple[int, int, str]]) -> None:
    spans.sort()
    if not spans:
        return
    starts = [start for start, _, _ in spans]
    longest = max(stop - start for start, stop, _ in spans)

    def mark(fact: dict[str, Any]) -> None:
        # only the contents that start at most the longest one's length before the figure
        first = bisect_left(starts, fact["start"] - longest)
        last = bisect_right(starts, fact["start"])
        holding = [
            (stop - start, name) for start, stop, name in spans[first:last] if fact["stop"] <= stop
        ]
        if holding:
            fact["source"] = min(holding)[1]

    for name in ("percentages", "money", "ratios"):
        update_facts(doc, name, mark)


class StatementReader(DocComponent):
    """Sets ``doc._.newsnlp_statements`` and the ``source`` of percentages, money and ratios."""

    def __call__(self, doc: Doc) -> Doc:
        # the entities are read from their data: the records held beside it since the linker
        # and the dates stage (a huge text's tens of thousands of mentions) go before this
        # stage's own work (no later stage reads them as records)
        drop_records(doc)
        spans: list[tuple[int, int, str]] = []

        def stored(statements: Iterable[Statement]) -> Iterator[Statement]:
            # each record is dropped once its data is stored: a huge text's thousands of
            # statements are never all held as records
            for statement in statements:
                if statement.speaker_name:
                    spans.append(_span(statement))
                yield statement

        set_facts(doc, "statements", stored(read_statements(doc)), keep=False)
        _fill_sources(doc, spans)
        return doc
