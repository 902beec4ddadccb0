"""Tables: the facts of many articles as pandas DataFrames, one row per entity, fact or mention.

``tables(articles, ids=None)`` gives ten tables (``pip install "newsnlp[tables]"``; without
pandas it raises a ``ModuleNotFoundError`` that says so):

- ``people``: ``id``, ``entity``, ``name``, ``first``, ``middle``, ``last``, ``roles`` (the
  titles of the person's posts, a list of str), ``role_organizations`` (where each is held,
  "" when the text does not say), ``mentions``;
- ``roles``: one row per person and post, ready for a spreadsheet: ``id``, ``entity`` (the
  person's position in ``people``), ``name`` (the person's), ``title``, ``organization`` (empty
  when the text does not say), ``start``, ``stop``, ``text`` (the post's words as written);
- ``places``: ``id``, ``entity``, ``name``, ``kind``, ``country``, ``lat``, ``lon``,
  ``source_id``, ``aliases`` (a list of str), ``mentions``;
- ``organizations``: ``id``, ``entity``, ``name``, ``mentions``;
- ``percentages``: ``id``, ``fact``, ``start``, ``stop``, ``text``, ``value``, ``low``, ``high``,
  ``unit``, ``approx``, ``kind``, ``direction``, ``subject``, ``subject_lemma``,
  ``subject_start``, ``subject_stop``, ``predicate``, ``period``, ``period_start``,
  ``period_stop``, ``places`` (a list of str), ``block``, ``source`` (who gives the figure);
- ``dates``: ``id``, ``fact``, ``start``, ``stop``, ``text``, ``kind``, ``year``, ``month``,
  ``day``, ``quarter``, ``half``, ``hour``, ``minute``, ``begin`` / ``end`` (a range's ends as
  "2024-07-15", "2024-07", "2024"), ``relative``, ``unit``, ``shift``, ``amount``, ``approx``,
  ``resolved``, ``block``;
- ``money``: ``id``, ``fact``, ``start``, ``stop``, ``text``, ``amount``, ``low``, ``high``,
  ``currency``, ``approx``, ``kind``, ``direction``, ``subject``, ``subject_lemma``,
  ``predicate``, ``block``, ``source``;
- ``ratios``: ``id``, ``fact``, ``start``, ``stop``, ``text``, ``value``, ``low``, ``high``,
  ``unit`` (times / fraction), ``approx``, ``kind``, ``direction``, ``subject``,
  ``subject_lemma``, ``subject_start``, ``subject_stop``, ``predicate``, ``period``,
  ``period_start``, ``period_stop``, ``places`` (a list of str), ``block``, ``source``;
- ``statements``: ``id``, ``fact``, ``speaker_name``, ``speaker_type``, ``speaker`` (the
  speaker's words in the text), ``cue``, ``cue_start``, ``cue_stop``, ``content``,
  ``content_start``, ``content_stop``, ``direct``, ``block``, ``facts`` (the facts its content
  holds, a list of str such as "percentages:0", "money:2": the table and the ``fact`` number);
- ``mentions``: ``id``, ``type`` (person / place / organization), ``entity``, ``name``,
  ``start``, ``stop``, ``text``, ``normal``, ``block`` (the kind of the page block it is in).

``id`` is the document's id (its position when ``ids`` is not given); ``entity`` is the
entity's position in its article's list, so ``mentions`` joins the entity tables on
(``id``, ``type``, ``entity``) and ``mentions`` counts a person's, place's or organization's
mentions. The columns are typed: ``int64`` for counts and offsets, ``Int64`` (nullable) for
offsets that may be missing, ``float64`` with ``NaN`` for missing numbers, pandas' nullable
``string`` for text, ``category`` for the closed sets of the schema (``kind``, ``unit``, ...),
and lists of str for lists (:class:`TextList`: a ``list`` that prints as its JSON array, so
``frame.to_csv()`` writes ``["мэр"]`` as :func:`write_tables` does). Every table has its
columns and types even when empty, so tables of many batches or partitions concatenate.

:func:`write_tables` writes them as one file per table (``people.csv``, ... or
``people.parquet``, ...); CSV writes lists as JSON arrays. pandas is imported when a table is
made: ``import newsnlp`` alone does not import it.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .schema import Article, DateFact, Money, Percentage, Place, Ratio, Statement

if TYPE_CHECKING:
    import pandas
    import pyarrow

Format = Literal["csv", "parquet"]
FORMATS = ("csv", "parquet")


def _choices(model: type[Any], field: str) -> tuple[str, ...]:
    """The values a ``Literal`` field of the schema allows (``None`` left out)."""
    annotation = model.model_fields[field].annotation
    values: list[str] = []
    for part in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(part) is Literal:
            values += [value for value in typing.get_args(part) if value not in values]
    return tuple(values)


def _figure_columns(model: type[Any]) -> dict[str, Any]:
    """The columns of a percentage's or a ratio's row (the same; see :func:`_add_figure`)."""
    return {
        "id": "id",
        "fact": "int",
        "start": "int",
        "stop": "int",
        "text": "str",
        "value": "float",
        "low": "float",
        "high": "float",
        "unit": _choices(model, "unit"),
        "approx": _choices(model, "approx"),
        "kind": _choices(model, "kind"),
        "direction": _choices(model, "direction"),
        "subject": "str",
        "subject_lemma": "str",
        "subject_start": "Int",
        "subject_stop": "Int",
        "predicate": "str",
        "period": "str",
        "period_start": "Int",
        "period_stop": "Int",
        "places": "list",
        "block": _choices(model, "block"),
        "source": "str",
    }


ENTITY_TYPES = ("person", "place", "organization")
"""The values of the ``type`` column of ``mentions``."""

# column -> kind of column: "int" (int64), "Int" (nullable Int64), "float" (float64, NaN when
# missing), "str" (nullable string), "bool", "list" (lists of str), or a tuple of categories
COLUMNS: dict[str, dict[str, Any]] = {
    "people": {
        "id": "id",
        "entity": "int",
        "name": "str",
        "first": "str",
        "middle": "str",
        "last": "str",
        "roles": "list",
        "role_organizations": "list",
        "mentions": "int",
    },
    "roles": {
        "id": "id",
        "entity": "int",
        "name": "str",
        "title": "str",
        "organization": "str",
        "start": "int",
        "stop": "int",
        "text": "str",
    },
    "places": {
        "id": "id",
        "entity": "int",
        "name": "str",
        "kind": _choices(Place, "kind"),
        "country": "str",
        "lat": "float",
        "lon": "float",
        "source_id": "str",
        "aliases": "list",
        "mentions": "int",
    },
    "organizations": {"id": "id", "entity": "int", "name": "str", "mentions": "int"},
    "percentages": _figure_columns(Percentage),
    "dates": {
        "id": "id",
        "fact": "int",
        "start": "int",
        "stop": "int",
        "text": "str",
        "kind": _choices(DateFact, "kind"),
        "year": "Int",
        "month": "Int",
        "day": "Int",
        "quarter": "Int",
        "half": "Int",
        "hour": "Int",
        "minute": "Int",
        "begin": "str",
        "end": "str",
        "relative": "bool",
        "unit": _choices(DateFact, "unit"),
        "shift": "Int",
        "amount": "float",
        "approx": _choices(DateFact, "approx"),
        "resolved": "bool",
        "block": _choices(DateFact, "block"),
    },
    "money": {
        "id": "id",
        "fact": "int",
        "start": "int",
        "stop": "int",
        "text": "str",
        "amount": "float",
        "low": "float",
        "high": "float",
        "currency": "str",
        "approx": _choices(Money, "approx"),
        "kind": _choices(Money, "kind"),
        "direction": _choices(Money, "direction"),
        "subject": "str",
        "subject_lemma": "str",
        "predicate": "str",
        "block": _choices(Money, "block"),
        "source": "str",
    },
    "ratios": _figure_columns(Ratio),
    "mentions": {
        "id": "id",
        "type": ENTITY_TYPES,
        "entity": "int",
        "name": "str",
        "start": "int",
        "stop": "int",
        "text": "str",
        "normal": "str",
        "block": _choices(Percentage, "block"),
    },
    "statements": {
        "id": "id",
        "fact": "int",
        "speaker_name": "str",
        "speaker_type": _choices(Statement, "speaker_type"),
        "speaker": "str",
        "cue": "str",
        "cue_start": "int",
        "cue_stop": "int",
        "content": "str",
        "content_start": "int",
        "content_stop": "int",
        "direct": "bool",
        "block": _choices(Statement, "block"),
        "facts": "list",
    },
}
"""The tables :func:`tables` makes, their columns in order, and the kind of each column."""

TABLES = tuple(COLUMNS)
"""The names of the tables, in order (also the names of the files :func:`write_tables` writes)."""

ERRORS: dict[str, Any] = {"id": "str", "error": "str"}
"""The columns of the optional ``errors`` table (documents that could not be analyzed)."""


class TextList(list[str]):
    """A list of str in a table cell, which prints as its JSON array (``["мэр", "глава"]``).

    So every CSV path writes lists one way: ``frame.to_csv(...)`` of your own,
    :func:`write_tables` and ``newsnlp batch --tables`` all write JSON arrays (a plain list
    would print as Python's ``['мэр']``); read them back with ``json.loads``
    (``pandas.read_csv(path, converters={"roles": json.loads})``). Otherwise a plain ``list``.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return json.dumps(self, ensure_ascii=False)

    __str__ = __repr__


def _entity_rows(rows: dict[str, dict[str, list[Any]]], doc_id: object, article: Article) -> None:
    def add(table: str, **values: Any) -> None:
        for column, value in values.items():
            rows[table][column].append(value)

    groups: tuple[tuple[str, str, Sequence[Any]], ...] = (
        ("people", "person", article.people),
        ("places", "place", article.places),
        ("organizations", "organization", article.organizations),
    )
    for table, kind, entities in groups:
        for number, entity in enumerate(entities):
            values: dict[str, Any] = {"name": entity.name, "mentions": len(entity.mentions)}
            if table == "people":
                values.update(
                    first=entity.first,
                    middle=entity.middle,
                    last=entity.last,
                    roles=TextList(role.title for role in entity.roles),
                    role_organizations=TextList(role.organization or "" for role in entity.roles),
                )
                for role in entity.roles:
                    add(
                        "roles",
                        id=doc_id,
                        entity=number,
                        name=entity.name,
                        title=role.title,
                        organization=role.organization,
                        start=role.start,
                        stop=role.stop,
                        text=role.text,
                    )
            elif table == "places":
                values.update(
                    kind=entity.kind,
                    country=entity.country,
                    lat=entity.lat,
                    lon=entity.lon,
                    source_id=entity.source_id,
                    aliases=TextList(entity.aliases),
                )
            add(table, id=doc_id, entity=number, **values)
            for mention in entity.mentions:
                add(
                    "mentions",
                    id=doc_id,
                    type=kind,
                    entity=number,
                    name=entity.name,
                    start=mention.start,
                    stop=mention.stop,
                    text=mention.text,
                    normal=mention.normal,
                    block=mention.block,
                )
    for name, facts in (("percentages", article.percentages), ("ratios", article.ratios)):
        for number, fact in enumerate(facts):
            _add_figure(add, name, doc_id, number, fact)
    for number, when in enumerate(article.dates):
        add(
            "dates",
            id=doc_id,
            fact=number,
            **when.model_dump(
                include={"start", "stop", "text", "kind", "year", "month", "day", "quarter"}
                | {"half", "hour", "minute", "relative", "unit", "shift", "amount", "approx"}
                | {"resolved", "block"}
            ),
            begin=_point(when.begin),
            end=_point(when.end),
        )
    for number, amount in enumerate(article.money):
        subject = amount.subject
        add(
            "money",
            id=doc_id,
            fact=number,
            **amount.model_dump(
                include={"start", "stop", "text", "amount", "low", "high", "currency", "approx"}
                | {"kind", "direction", "predicate", "block", "source"}
            ),
            subject=subject.text if subject else None,
            subject_lemma=subject.lemma if subject else None,
        )

    _statement_rows(rows, doc_id, article)


def _statement_rows(
    rows: dict[str, dict[str, list[Any]]], doc_id: object, article: Article
) -> None:
    """The rows of the ``statements`` table: one per statement, with the facts it holds."""
    table = rows["statements"]
    held: list[tuple[str, int, int, int]] = [
        ("percentages", number, fact.start, fact.stop)
        for number, fact in enumerate(article.percentages)
    ]
    held += [("money", number, fact.start, fact.stop) for number, fact in enumerate(article.money)]
    for number, statement in enumerate(article.statements):
        content = statement.content
        values = {
            "id": doc_id,
            "fact": number,
            "speaker_name": statement.speaker_name,
            "speaker_type": statement.speaker_type,
            "speaker": statement.speaker.text if statement.speaker else None,
            "cue": statement.cue.text,
            "cue_start": statement.cue.start,
            "cue_stop": statement.cue.stop,
            "content": content.text,
            "content_start": content.start,
            "content_stop": content.stop,
            "direct": statement.direct,
            "block": statement.block,
            "facts": TextList(
                f"{name}:{fact}"
                for name, fact, start, stop in held
                if content.start <= start and stop <= content.stop
            ),
        }
        for column, value in values.items():
            table[column].append(value)


def _add_figure(add: Any, table: str, doc_id: object, number: int, fact: Any) -> None:
    """The row of a percentage or a ratio (the same columns)."""
    subject, period = fact.subject, fact.period
    add(
        table,
        id=doc_id,
        fact=number,
        start=fact.start,
        stop=fact.stop,
        text=fact.text,
        value=fact.value,
        low=fact.low,
        high=fact.high,
        unit=fact.unit,
        approx=fact.approx,
        kind=fact.kind,
        direction=fact.direction,
        subject=subject.text if subject else None,
        subject_lemma=subject.lemma if subject else None,
        subject_start=subject.start if subject else None,
        subject_stop=subject.stop if subject else None,
        predicate=fact.predicate,
        period=period.text if period else None,
        period_start=period.start if period else None,
        period_stop=period.stop if period else None,
        places=TextList(fact.places),
        block=fact.block,
        source=fact.source,
    )


def _point(point: Any) -> str | None:
    """One end of a date range as ISO-like text, as far as the text gives it: '2024',
    '2024-07', '2024-07-15' ('--07-15' without a year)."""
    if point is None:
        return None
    parts = [f"{point.year:04d}" if point.year is not None else "-"]
    if point.month is not None:
        parts.append(f"{point.month:02d}")
        if point.day is not None:
            parts.append(f"{point.day:02d}")
    text = "-".join(parts)
    return None if text == "-" else text


def _id_kind(ids: Sequence[object]) -> str:
    """ "int" when every id is an int (positions, numeric ids), else "str"."""
    if all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return "int"
    return "str"


PANDAS_MISSING = (
    "newsnlp.tables() needs pandas, which the light install leaves out: "
    'pip install "newsnlp[tables]" (pandas and pyarrow; or pip install pandas)'
)


def _pandas() -> Any:
    """pandas, or a ``ModuleNotFoundError`` that says what to install."""
    try:
        import pandas
    except ModuleNotFoundError as error:
        if error.name not in ("pandas", None):
            raise
        raise ModuleNotFoundError(PANDAS_MISSING, name="pandas") from None
    return pandas


def _series(values: list[Any], kind: Any) -> pandas.Series:
    pandas = _pandas()

    if isinstance(kind, tuple):
        return pandas.Series(values, dtype=pandas.CategoricalDtype(list(kind)))
    if kind == "list":
        series = pandas.Series(dtype=object, index=range(len(values)))
        for number, value in enumerate(values):
            series.iat[number] = value
        return series
    dtype = {
        "int": "int64",
        "Int": "Int64",
        "float": "float64",
        "str": "string",
        "bool": "bool",
    }[kind]
    return pandas.Series(values, dtype=dtype)


def frame(rows: Mapping[str, list[Any]], columns: Mapping[str, Any]) -> pandas.DataFrame:
    """A DataFrame of ``rows`` (column -> values) with the types of ``columns``."""
    pandas = _pandas()

    return pandas.DataFrame({name: _series(rows[name], kind) for name, kind in columns.items()})


def tables(
    articles: Iterable[Article],
    ids: Iterable[object] | None = None,
    *,
    id_type: Literal["int", "str"] | None = None,
) -> dict[str, pandas.DataFrame]:
    """The facts of ``articles`` as typed DataFrames: people, places, organizations,
    roles, percentages, dates, money, ratios, mentions and statements (see the module's
    documentation for the columns).

    ``ids``: one id per article (``str`` or ``int``; their positions when not given), the
    ``id`` column of every table: ``int64`` when every id is an ``int``, else ``string``;
    ``id_type="str"`` makes it ``string`` whatever the ids (so that the tables of several
    batches share their types, as ``newsnlp batch --tables`` and :mod:`newsnlp.dask` need).
    Raises ``TypeError`` for an item that is not an :class:`~newsnlp.Article` (a
    :class:`~newsnlp.Failure` included: keep only the articles), ``ValueError`` when ``ids``
    and ``articles`` differ in length.
    """
    if isinstance(articles, Article):
        raise TypeError("tables() expects an iterable of Article, got one Article; wrap it: [a]")
    _pandas()
    articles = list(articles)
    for number, article in enumerate(articles):
        if not isinstance(article, Article):
            raise TypeError(
                f"articles[{number}]: expected an Article, got {type(article).__name__}"
            )
    id_list: list[Any] = list(range(len(articles))) if ids is None else list(ids)
    if len(id_list) != len(articles):
        raise ValueError(f"got {len(id_list)} ids for {len(articles)} articles")
    if id_type not in (None, "int", "str"):
        raise ValueError(f'id_type must be "int", "str" or None, got {id_type!r}')
    id_kind = id_type or _id_kind(id_list)
    if id_kind == "int" and _id_kind(id_list) != "int":
        raise TypeError('id_type="int" needs int ids')
    if id_kind == "str":
        id_list = [None if i is None else str(i) for i in id_list]
    rows: dict[str, dict[str, list[Any]]] = {
        name: {column: [] for column in columns} for name, columns in COLUMNS.items()
    }
    for doc_id, article in zip(id_list, articles):
        _entity_rows(rows, doc_id, article)
    return {
        name: frame(rows[name], {**columns, "id": id_kind}) for name, columns in COLUMNS.items()
    }


def errors(ids: Iterable[object], messages: Iterable[str]) -> pandas.DataFrame:
    """The ``errors`` table: the id of each document that could not be analyzed, and why."""
    id_list = [None if i is None else str(i) for i in ids]
    return frame({"id": id_list, "error": list(messages)}, ERRORS)


def arrow_schema(df: pandas.DataFrame) -> pyarrow.Schema:
    """The Parquet schema of a table: the same for every batch or partition, even empty ones
    (lists of str, dictionary-encoded categories)."""
    import numpy
    import pandas
    import pyarrow

    fields = []
    for name, dtype in df.dtypes.items():
        if isinstance(dtype, pandas.CategoricalDtype):
            kind = pyarrow.dictionary(pyarrow.int8(), pyarrow.string())
        elif dtype == numpy.dtype(object):
            kind = pyarrow.list_(pyarrow.string())
        elif str(dtype) in ("int64", "Int64"):
            kind = pyarrow.int64()
        elif str(dtype) == "float64":
            kind = pyarrow.float64()
        elif str(dtype) == "bool":
            kind = pyarrow.bool_()
        else:
            kind = pyarrow.string()
        fields.append(pyarrow.field(str(name), kind))
    return pyarrow.schema(fields)


def to_arrow(df: pandas.DataFrame) -> pyarrow.Table:
    """A table as a ``pyarrow.Table`` with :func:`arrow_schema`."""
    import pyarrow

    return pyarrow.Table.from_pandas(df, schema=arrow_schema(df), preserve_index=False)


def csv_ready(df: pandas.DataFrame) -> pandas.DataFrame:
    """A copy of ``df`` fit for CSV: its object columns (lists, dicts) as JSON strings."""
    out = df.copy()
    for name in out.columns:
        if out[name].dtype == object:
            out[name] = [json.dumps(value, ensure_ascii=False) for value in out[name]]
    return out


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {format!r}")


class TableWriter:
    """Writes tables batch after batch into one file per table (``people.csv``, ... or
    ``people.parquet``, ...) in ``directory``, so a corpus never has to fit in memory."""

    def __init__(self, directory: str | Path, format: Format = "csv") -> None:
        _check_format(format)
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.format = format
        self._parquet: dict[str, Any] = {}
        self._started: set[str] = set()
        self.paths: dict[str, Path] = {}

    def write(self, frames: Mapping[str, pandas.DataFrame]) -> None:
        """Append a batch of tables (the same names and columns each time)."""
        for name, df in frames.items():
            path = self.directory / f"{name}.{self.format}"
            self.paths[name] = path
            if self.format == "csv":
                first = name not in self._started
                csv_ready(df).to_csv(path, mode="w" if first else "a", header=first, index=False)
            else:
                import pyarrow.parquet

                table = to_arrow(df)
                writer = self._parquet.get(name)
                if writer is None:
                    writer = self._parquet[name] = pyarrow.parquet.ParquetWriter(
                        str(path), table.schema
                    )
                writer.write_table(table)
            self._started.add(name)

    def close(self) -> list[Path]:
        """Finish the files; the paths written, in table order."""
        for writer in self._parquet.values():
            writer.close()
        self._parquet.clear()
        return list(self.paths.values())

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_tables(
    frames: Mapping[str, pandas.DataFrame], directory: str | Path, format: Format = "csv"
) -> list[Path]:
    """Write each table to ``directory/<name>.csv`` (or ``.parquet``); the paths written.

    CSV writes lists as JSON arrays (``["КНР"]``) and missing values as empty fields.
    """
    with TableWriter(directory, format) as writer:
        writer.write(frames)
    return writer.close()
