"""newsnlp on a Dask cluster, for corpora that outgrow one machine (``pip install newsnlp[dask]``).

A corpus is a ``dask.bag`` of records like ``{"id": ..., "text": ...}`` (for example JSONL read
with ``dask.bag.read_text(...).map(json.loads)``). :func:`analyze_bag` maps
:func:`analyze_partition` over its partitions: each worker process loads the pipeline once (the
first partition it gets loads it; later ones reuse it) and analyzes a partition with
:func:`newsnlp.analyze_many`, batching sentences across the partition's articles. Every record
gives one row, in order: its ``id``, an ``error`` (``None``, or what went wrong on that
document) and one JSON column per :class:`~newsnlp.Article` field (``people``, ``places``, ...),
a schema that stays the same in every partition. :func:`to_parquet` writes the rows.

    import json
    import dask.bag
    from distributed import Client
    from newsnlp.dask import analyze_bag, to_parquet

    client = Client("scheduler:8786")
    corpus = dask.bag.read_text("corpus-*.jsonl", blocksize="16MiB").map(json.loads)
    to_parquet(analyze_bag(corpus), "facts/")

This module needs Dask; ``import newsnlp`` alone never imports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import dask
import dask.bag

from .pipeline import Failure, analyze_many
from .schema import Article

ARTICLE_COLUMNS = tuple(name for name in Article.model_fields if name != "text")
"""The :class:`~newsnlp.Article` fields that become JSON columns of a row."""
COLUMNS = ("id", "error", *ARTICLE_COLUMNS)
"""The columns of a result row, in order."""


def to_row(record_id: object, result: Article | Failure) -> dict[str, Any]:
    """One result row: ``id`` (as ``str``, or ``None``), ``error``, and a JSON column per field."""
    row: dict[str, Any] = {"id": None if record_id is None else str(record_id), "error": None}
    if isinstance(result, Failure):
        row["error"] = result.error
        row.update(dict.fromkeys(ARTICLE_COLUMNS))
        return row
    data = result.model_dump(mode="json", include=set(ARTICLE_COLUMNS))
    for name in ARTICLE_COLUMNS:
        row[name] = json.dumps(data[name], ensure_ascii=False)
    return row


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
    texts = []
    for record in records:
        text = record.get(text_key) if isinstance(record, Mapping) else None
        if not isinstance(text, str):
            raise ValueError(f"expected a mapping with a {text_key!r} str, got {record!r:.80}")
        texts.append(text)
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
