"""newsnlp on a Dask cluster, for corpora that outgrow one machine (``pip install newsnlp[dask]``).

:func:`write_tables` writes the typed tables of :func:`newsnlp.tables` (people, places,
organizations, percentages, mentions, and ``errors``), one directory per table and one
Parquet (or CSV) file per partition, each directory one dataset with one schema:

    from newsnlp.dask import write_tables

    corpus = dask.bag.read_text("corpus-*.jsonl", blocksize="16MiB").map(json.loads)
    write_tables(corpus, "facts/")          # facts/people/part-00000.parquet, ...
    pandas.read_parquet("facts/people")     # one row per person per article

A corpus is a ``dask.bag`` of records like ``{"id": ..., "text": ...}`` (for example JSONL
read with ``dask.bag.read_text(...).map(json.loads)``). Each worker process loads the pipeline
once (the first partition it gets loads it; later ones reuse it) and analyzes a partition with
:func:`newsnlp.analyze_many`, batching sentences across the partition's articles.

Rows of whole articles are there too: :func:`analyze_bag` maps
:func:`analyze_partition` over its partitions. Every record gives one row, in order: its
``id``, an ``error`` (``None``, or what went wrong on that document), ``schema_version`` and
one JSON column per :class:`~newsnlp.Article` field (``people``, ``places``, ...),
a schema that stays the same in every partition. :func:`to_parquet` writes the rows.

    to_parquet(analyze_bag(corpus), "articles/")

This module needs Dask; ``import newsnlp`` alone never imports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask
import dask.bag

from .api import Failure, analyze_many
from .schema import SCHEMA_VERSION, Article

if TYPE_CHECKING:
    import pandas

ARTICLE_COLUMNS = tuple(
    name for name in Article.model_fields if name not in ("text", "schema_version")
)
"""The :class:`~newsnlp.Article` fields that become JSON columns of a row."""
COLUMNS = ("id", "error", "schema_version", *ARTICLE_COLUMNS)
"""The columns of a result row, in order."""


def to_row(record_id: object, result: Article | Failure) -> dict[str, Any]:
    """One result row: ``id`` (as ``str``, or ``None``), ``error``, ``schema_version`` and a
    JSON column per field."""
    row: dict[str, Any] = {
        "id": None if record_id is None else str(record_id),
        "error": None,
        "schema_version": SCHEMA_VERSION,
    }
    if isinstance(result, Failure):
        row["error"] = result.error
        row.update(dict.fromkeys(ARTICLE_COLUMNS))
        return row
    data = result.model_dump(mode="json", include=set(ARTICLE_COLUMNS))
    for name in ARTICLE_COLUMNS:
        row[name] = json.dumps(data[name], ensure_ascii=False)
    return row


def _texts(records: list[Any], text_key: str) -> list[str]:
    texts = []
    for record in records:
        text = record.get(text_key) if isinstance(record, Mapping) else None
        if not isinstance(text, str):
            raise ValueError(f"expected a mapping with a {text_key!r} str, got {record!r:.80}")
        texts.append(text)
    return texts


def analyze_partition(
    records: Iterable[Mapping[str, Any]],
    text_key: str = "text",
    id_key: str = "id",
    batch_size: int = 32,
) -> list[dict[str, Any]]:
    """Analyze one partition of records into result rows (see :func:`to_row`), in order.

    Runs in the worker, on the worker's pipeline (loaded once per process). A document the
    pipeline fails on gets a row with its ``error``; a record without a ``str`` under
    ``text_key`` is a ``ValueError`` that names it.
    """
    records = list(records)
    texts = _texts(records, text_key)
    results = analyze_many(texts, batch_size=batch_size, on_error="record")
    return [to_row(record.get(id_key), result) for record, result in zip(records, results)]


def analyze_bag(
    bag: dask.bag.Bag, text_key: str = "text", id_key: str = "id", batch_size: int = 32
) -> dask.bag.Bag:
    """A bag of result rows, one per record of ``bag``, partition by partition."""
    return bag.map_partitions(
        analyze_partition, text_key=text_key, id_key=id_key, batch_size=batch_size
    )


def _write_partition(rows: list[dict[str, Any]], path: str) -> str:
    import pyarrow
    import pyarrow.parquet

    schema = pyarrow.schema([(name, pyarrow.string()) for name in COLUMNS])
    table = pyarrow.Table.from_pylist(list(rows), schema=schema)
    pyarrow.parquet.write_table(table, path)
    return path


def to_parquet(rows: dask.bag.Bag, directory: str | Path) -> list[str]:
    """Write a bag of result rows as Parquet, one ``part-NNNNN.parquet`` per partition.

    Every column is a string (the article fields as JSON), so all parts share one schema and
    the directory reads as one dataset (``pyarrow.parquet.read_table(directory)``). Returns
    the paths written, in partition order.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    writes = [
        dask.delayed(_write_partition)(part, str(directory / f"part-{number:05d}.parquet"))
        for number, part in enumerate(rows.to_delayed())
    ]
    return list(dask.compute(*writes))


def tables_partition(
    records: Iterable[Mapping[str, Any]],
    text_key: str = "text",
    id_key: str = "id",
    batch_size: int = 32,
) -> dict[str, pandas.DataFrame]:
    """Analyze one partition of records into the typed tables of :func:`newsnlp.tables`
    (``id`` as ``string``), plus ``errors``: the documents the pipeline failed on."""
    from .tables import errors, tables

    records = list(records)
    texts = _texts(records, text_key)
    ids = [record.get(id_key) for record in records]
    articles: list[Article] = []
    article_ids: list[object] = []
    failed: list[object] = []
    messages: list[str] = []
    results = analyze_many(texts, batch_size=batch_size, on_error="record")
    for record_id, result in zip(ids, results):
        if isinstance(result, Failure):
            failed.append(record_id)
            messages.append(result.error)
        else:
            articles.append(result)
            article_ids.append(record_id)
    frames = tables(articles, article_ids, id_type="str")
    frames["errors"] = errors(failed, messages)
    return frames


def _write_tables_partition(
    records: Iterable[Mapping[str, Any]],
    directory: str,
    number: int,
    format: str,
    text_key: str,
    id_key: str,
    batch_size: int,
) -> dict[str, str]:
    from .tables import csv_ready, to_arrow

    paths = {}
    for name, df in tables_partition(records, text_key, id_key, batch_size).items():
        folder = Path(directory) / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part-{number:05d}.{format}"
        if format == "csv":
            csv_ready(df).to_csv(path, index=False)
        else:
            import pyarrow.parquet

            pyarrow.parquet.write_table(to_arrow(df), str(path))
        paths[name] = str(path)
    return paths


def write_tables(
    bag: dask.bag.Bag,
    directory: str | Path,
    format: str = "parquet",
    text_key: str = "text",
    id_key: str = "id",
    batch_size: int = 32,
) -> dict[str, list[str]]:
    """Analyze a bag of records into typed tables on the cluster, written as
    ``directory/<table>/part-NNNNN.parquet`` (or ``.csv``), one file per partition and table.

    The tables are those of :func:`newsnlp.tables` (``id`` as ``string``) and ``errors``;
    every part of a table has the same schema, even an empty one, so
    ``pandas.read_parquet(directory / "people")`` reads the corpus's people as one DataFrame.
    Returns the paths written per table, in partition order.
    """
    from .tables import FORMATS, TABLES

    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {format!r}")
    writes = [
        dask.delayed(_write_tables_partition)(
            part, str(directory), number, format, text_key, id_key, batch_size
        )
        for number, part in enumerate(bag.to_delayed())
    ]
    written = dask.compute(*writes)
    return {name: [paths[name] for paths in written] for name in (*TABLES, "errors")}
