"""The ``doc._`` attributes newsnlp sets: stored as plain data, read as typed records.

Each list of facts is stored under a namespaced extension as JSON-ready data (a list of dicts:
``doc._.newsnlp_people``, ``doc._.newsnlp_places``, ``doc._.newsnlp_organizations``,
``doc._.newsnlp_percentages``). That is what a ``Doc`` carries when it travels:
``nlp.pipe(texts, n_process=2)``, ``DocBin(store_user_data=True)``, ``Doc.to_bytes()``,
``Doc.to_json(underscore=["newsnlp_people", ...])`` and ``Doc.from_json`` all keep it.

The short names (``doc._.people``, ``doc._.places``, ``doc._.organizations``,
``doc._.percentages``) are views over that data: reading one rebuilds the pydantic records
(:class:`~newsnlp.schema.Person`, ...), setting one stores their data. A short name another
library registered first is left to that library; newsnlp's components read and write only the
namespaced data (:func:`get_facts`, :func:`set_facts`), so a clash never mixes the two.

``span._.normal`` (a ``str``, set by the normalizer) is stored by spaCy itself and travels the
same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from pydantic import BaseModel
from spacy.tokens import Doc

from .schema import Organization, Percentage, Person, Place

PREFIX = "newsnlp_"
"""The namespace of newsnlp's ``doc._`` data extensions."""

FACTS: dict[str, type[BaseModel]] = {
    "people": Person,
    "places": Place,
    "organizations": Organization,
    "percentages": Percentage,
}
"""The fact lists a document carries: short name -> record type."""


def data_name(name: str) -> str:
    """The namespaced extension that stores the data of the fact list ``name``."""
    return PREFIX + name


def _dump(record: BaseModel | Mapping[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    if not isinstance(record, model):
        record = model.model_validate(record)
    return record.model_dump(mode="json")


def set_facts(doc: Doc, name: str, records: Iterable[BaseModel | Mapping[str, Any]] | None) -> None:
    """Store the fact list ``name`` of ``doc`` (records, or their dicts) as plain data."""
    model = FACTS[name]
    data = None if records is None else [_dump(record, model) for record in records]
    doc._.set(data_name(name), data)


def get_facts(doc: Doc, name: str) -> list[Any] | None:
    """The records of the fact list ``name`` of ``doc``, rebuilt from its data (``None`` when
    no component has set it, or the data was lost on the way)."""
    data = doc._.get(data_name(name))
    if data is None:
        return None
    model = FACTS[name]
    return [model.model_validate(item) for item in data]


def _getter(name: str, doc: Doc) -> list[Any] | None:
    return get_facts(doc, name)


def _setter(name: str, doc: Doc, records: Iterable[BaseModel | Mapping[str, Any]] | None) -> None:
    set_facts(doc, name, records)


def register() -> None:
    """Register the data extensions, and the short-name views not already taken."""
    for name in FACTS:
        if not Doc.has_extension(data_name(name)):
            Doc.set_extension(data_name(name), default=None)
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=partial(_getter, name), setter=partial(_setter, name))


register()
