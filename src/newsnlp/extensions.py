"""The ``doc._`` attributes newsnlp sets: stored as plain data, read as typed records.

Each list of facts is stored under a namespaced extension as JSON-ready data (a list of dicts:
``doc._.newsnlp_people``, ``doc._.newsnlp_places``, ``doc._.newsnlp_organizations``,
``doc._.newsnlp_percentages``, ``doc._.newsnlp_dates``, ``doc._.newsnlp_money``,
``doc._.newsnlp_ratios``, ``doc._.newsnlp_statements``). That is what
a ``Doc`` carries when it travels:
``nlp.pipe(texts, n_process=2)``, ``DocBin(store_user_data=True)``, ``Doc.to_bytes()``,
``Doc.to_json(underscore=["newsnlp_people", ...])`` and ``Doc.from_json`` all keep it.

The short names (``doc._.people``, ``doc._.places``, ``doc._.organizations``,
``doc._.percentages``, ``doc._.dates``, ``doc._.money``, ``doc._.ratios``) are views over that
data: reading one
rebuilds the pydantic records (:class:`~newsnlp.schema.Person`, ...), setting one stores their
data. ``doc._.roles`` (read-only) gives each person's posts, one list per ``doc._.people``.
A short name another library registered first is left to that library; newsnlp's components
read and write only the namespaced data (:func:`get_facts`, :func:`set_facts`), so a clash
never mixes the two.

``span._.normal`` (a ``str``, set by the normalizer) is stored by spaCy itself and travels the
same way; so do ``doc._.newsnlp_layout`` (the page's blocks, title and author, read as a
:class:`Layout` through ``doc._.layout``), ``doc._.newsnlp_dateline`` and
``doc._.newsnlp_headline``. Every attribute is registered here, once, by :func:`register`.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter
from spacy.tokens import Doc, Span

from ._batch import LARGE_BATCH
from .schema import (
    Block,
    BlockKind,
    DateFact,
    Money,
    Organization,
    Percentage,
    Person,
    Place,
    Ratio,
    Role,
    Statement,
)

PREFIX = "newsnlp_"
"""The namespace of newsnlp's ``doc._`` data extensions."""

FACTS: dict[str, type[BaseModel]] = {
    "people": Person,
    "places": Place,
    "organizations": Organization,
    "percentages": Percentage,
    "dates": DateFact,
    "money": Money,
    "ratios": Ratio,
    "statements": Statement,
}
"""The fact lists a document carries: short name -> record type."""


def data_name(name: str) -> str:
    """The namespaced extension that stores the data of the fact list ``name``."""
    return PREFIX + name


_KEYS = {name: ("._.", data_name(name), None, None) for name in FACTS}


@cache
def _adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


# The records a document's data was made from or rebuilt into, while the document lives in this
# process: reading doc._.people right after a component set it costs no validation. The data
# stays the source of truth: an entry counts only while the stored data is the same object.
_records: weakref.WeakKeyDictionary[Doc, dict[str, tuple[list[Any], list[Any]]]] = (
    weakref.WeakKeyDictionary()
)


def _key(name: str) -> tuple[str, str, None, None]:
    """Where spaCy keeps ``doc._.<data_name(name)>`` in ``doc.user_data`` (what ``doc._.get``
    and ``doc._.set`` read and write; through ``doc._`` each access costs microseconds)."""
    return _KEYS[name]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds (``Phrase | None``, ``list[Mention]``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


@cache
def _shape(model: type[BaseModel]) -> tuple[type, dict[str, type[BaseModel]]]:
    """A class whose instances' ``__dict__`` hold the data of a ``model`` record, and the
    record types of its fields that hold records.

    CPython stores the attribute dicts of a class's instances as key-sharing dicts (PEP 412):
    the keys once per class, an array of values per dict (a dict of 10 keys takes 177 bytes
    instead of 280). Every field's name is set once on a first instance, in the record's
    order, so that a key added later (the layout's ``block``, the statements' ``source``)
    is one of the shared keys, and the dict stays a sharing one."""
    holder = type(f"_{model.__name__}Data", (), {})
    first = holder()
    for name in model.model_fields:
        setattr(first, name, None)
    nested = {
        name: found
        for name, field in model.model_fields.items()
        if (found := _model_in(field.annotation)) is not None
    }
    return holder, nested


def _compact(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` (a dumped ``model`` record) as a key-sharing dict (see :func:`_shape`): equal
    to it, the same keys in the same order, its records' dicts made so too.

    :func:`set_facts` stores a huge document's data so (:data:`~newsnlp._batch.LARGE_BATCH`
    tokens or more): its tens of thousands of facts and mentions take about a third less
    memory. Not for every document: it costs some 15 µs a percentage."""
    holder, nested = _shape(model)
    item = holder()
    for key, value in data.items():
        inner = nested.get(key)
        if inner is not None and value is not None:
            if isinstance(value, list):
                value = [_compact(one, inner) for one in value]
            else:
                value = _compact(value, inner)
        setattr(item, key, value)
    compact: dict[str, Any] = item.__dict__
    return compact


def set_facts(
    doc: Doc,
    name: str,
    records: Iterable[BaseModel | Mapping[str, Any]] | None,
    *,
    keep: bool = True,
) -> None:
    """Store the fact list ``name`` of ``doc`` (records, or their dicts) as plain data.

    ``keep``: also hold the records beside the data while the Doc lives, for the later stages
    that read them (people, places, organizations and dates are read again; the percentages and
    money of a huge text would only double its memory: their records are rebuilt when read).
    """
    model = FACTS[name]
    user_data: dict[Any, Any] = doc.user_data
    if records is None:
        user_data[_key(name)] = None
        _records.get(doc, {}).pop(name, None)
        return
    huge = len(doc) >= LARGE_BATCH  # a huge text: its data made compact
    if not keep:  # one record at a time: each is dropped once its data is made
        user_data[_key(name)] = [_dumped(_record(model, item), model, huge) for item in records]
        _records.get(doc, {}).pop(name, None)
        return
    items = [_record(model, item) for item in records]
    if huge:  # one record's data at a time, each made compact at once
        data = [_dumped(item, model, huge) for item in items]
    else:
        data = _adapter(model).dump_python(items, mode="json", exclude_defaults=True)
    user_data[_key(name)] = data
    _records.setdefault(doc, {})[name] = (data, items)


def _dumped(record: BaseModel, model: type[BaseModel], compact: bool) -> dict[str, Any]:
    """The data of ``record`` (made compact with ``compact``: see :func:`_compact`)."""
    data = record.model_dump(mode="json", exclude_defaults=True)
    return _compact(data, model) if compact else data


def _record(model: type[BaseModel], item: BaseModel | Mapping[str, Any]) -> BaseModel:
    """``item`` as a record of ``model`` (validated when it is a dict)."""
    return item if isinstance(item, model) else model.model_validate(item)


def get_facts(doc: Doc, name: str) -> list[Any] | None:
    """The records of the fact list ``name`` of ``doc``, rebuilt from its data (``None`` when
    no component has set it, or the data was lost on the way)."""
    data = get_data(doc, name)
    if data is None:
        return None
    known = _records.get(doc, {}).get(name)
    if known is not None and known[0] is data and len(data) == len(known[1]):
        return list(known[1])
    model = FACTS[name]
    items = [model.model_validate(item) for item in data]
    _records.setdefault(doc, {})[name] = (data, items)
    return items


def update_facts(doc: Doc, name: str, update: Callable[[dict[str, Any]], None]) -> None:
    """Change the stored data of the fact list ``name`` of ``doc`` in place, one item (its
    dict) at a time; its records are rebuilt from the data when next read. (Cheaper than
    :func:`set_facts` with changed copies, in time and in memory, when every item changes a
    little: the layout stage's ``block``.)"""
    data = get_data(doc, name)
    if data is None:
        return
    for item in data:
        update(item)
    _records.get(doc, {}).pop(name, None)


def drop_records(doc: Doc, names: Iterable[str] | None = None) -> None:
    """Drop the records held beside ``doc``'s data (they are rebuilt from it when next read):
    for a stage about to change every list's data, which would make them stale anyway, or
    (``names``: only those lists') that no later stage reads as records."""
    if names is None:
        _records.pop(doc, None)
        return
    held = _records.get(doc)
    if held is not None:
        for name in names:
            held.pop(name, None)


def get_data(doc: Doc, name: str) -> list[dict[str, Any]] | None:
    """The stored plain data of the fact list ``name`` of ``doc`` (``None`` when not set):
    treat it as read-only."""
    user_data: dict[Any, Any] = doc.user_data
    return user_data.get(_key(name))


def take_data(doc: Doc, name: str) -> list[dict[str, Any]] | None:
    """Take the stored data of the fact list ``name`` out of ``doc``, and drop its records
    (for a Doc whose facts go into an Article and that is dropped next)."""
    user_data: dict[Any, Any] = doc.user_data
    _records.get(doc, {}).pop(name, None)
    return user_data.pop(_key(name), None)


def _getter(name: str, doc: Doc) -> list[Any] | None:
    return get_facts(doc, name)


def _setter(name: str, doc: Doc, records: Iterable[BaseModel | Mapping[str, Any]] | None) -> None:
    set_facts(doc, name, records)


def get_roles(doc: Doc) -> list[list[Role]] | None:
    """The posts of each person of ``doc._.people``, in the same order (``doc._.roles``):
    one list of :class:`~newsnlp.schema.Role` per person (``None`` when no people are set)."""
    people = get_facts(doc, "people")
    if people is None:
        return None
    return [list(person.roles) for person in people]


@dataclass
class Layout:
    """What :func:`lay_out` finds: the blocks, and the headline and author when it finds them."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def kind_at(self, offset: int) -> BlockKind | None:
        """The kind of the block that holds ``offset`` (None when there are no blocks)."""
        if len(self._starts) != len(self.blocks):  # the starts, listed once for many look-ups
            self._starts[:] = [block.start for block in self.blocks]
        index = bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self.blocks[index].stop:
            return None
        return self.blocks[index].kind


def _layout_data(layout: Layout | None) -> dict[str, Any] | None:
    if layout is None:
        return None
    return {
        "blocks": [block.model_dump() for block in layout.blocks],
        "title": layout.title,
        "author": layout.author,
    }


def get_layout(doc: Doc) -> Layout | None:
    """The :class:`Layout` of ``doc``, rebuilt from its plain data ``doc._.newsnlp_layout``
    (``None`` when the layout stage has not run)."""
    data = doc._.get("newsnlp_layout")
    if data is None:
        return None
    blocks = [Block.model_validate(block) for block in data["blocks"]]
    return Layout(blocks, data["title"], data["author"])


def set_layout(doc: Doc, layout: Layout | None) -> None:
    """Store ``layout`` as plain data, so that it travels with the Doc (DocBin, n_process)."""
    doc._.set("newsnlp_layout", _layout_data(layout))


def register() -> None:
    """Register every ``doc._`` and ``span._`` attribute of newsnlp (once; those already
    registered are left as they are): the fact lists' data and their short-name views not
    already taken; ``doc._.roles`` (read-only: the posts are stored with the people); the
    layout's data and its ``doc._.layout`` view; ``doc._.newsnlp_headline`` (set before the
    pipeline runs by who knows the headline, an HTML page's: the end offset of the headline at
    the start of the text); ``doc._.newsnlp_dateline`` (the date line's ISO date, set by the
    dates stage); ``span._.normal`` (an entity's normal form, set by the normalizer)."""
    for name in FACTS:
        if not Doc.has_extension(data_name(name)):
            Doc.set_extension(data_name(name), default=None)
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=partial(_getter, name), setter=partial(_setter, name))
    if not Doc.has_extension("roles"):
        Doc.set_extension("roles", getter=get_roles)
    if not Doc.has_extension("newsnlp_headline"):
        Doc.set_extension("newsnlp_headline", default=None)
    if not Doc.has_extension("newsnlp_layout"):
        Doc.set_extension("newsnlp_layout", default=None)
    if not Doc.has_extension("layout"):
        Doc.set_extension("layout", getter=get_layout, setter=set_layout)
    if not Doc.has_extension("newsnlp_dateline"):
        Doc.set_extension("newsnlp_dateline", default=None)
    if not Span.has_extension("normal"):
        Span.set_extension("normal", default=None)


register()
