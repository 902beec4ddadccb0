"""The spaCy component: ``doc._.dates`` and ``doc._.newsnlp_dateline``."""

from __future__ import annotations

from spacy.tokens import Doc

from .._batch import DocComponent
from ..extensions import set_facts
from .dateline import dateline
from .scan import Scanner


class DateExtractor(DocComponent):
    """Sets ``doc._.dates`` (the date facts) and ``doc._.newsnlp_dateline`` (the article's date
    read from a date line, as an ISO string "2026-12-01", or None)."""

    def __call__(self, doc: Doc) -> Doc:
        scanner = Scanner(doc)
        found = scanner.scan()
        set_facts(doc, "dates", [scanner.fact(expression) for expression in found])
        published = dateline(scanner, found)
        doc._.newsnlp_dateline = published.isoformat() if published is not None else None
        return doc
