"""newsnlp.dask on a real two-worker ``distributed.LocalCluster``: same results as in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
parquet = pytest.importorskip("pyarrow.parquet")

import newsnlp  # noqa: E402
from newsnlp.dask import (  # noqa: E402
    COLUMNS,
    analyze_bag,
    analyze_partition,
    tables_partition,
    to_parquet,
    to_row,
    write_tables,
)
from newsnlp.tables import TABLES  # noqa: E402

RECORDS = [
    {"id": "omsk", "text": "Мэр Омска Сергей Шелест сообщил, что экспорт вырос на 12 %."},
    {"id": 2, "text": "Президент Франции Эмманюэль Макрон прибыл в Берлин."},
    {"id": "bad", "text": "Цены в Казани выросли на 3 %\ud800."},
    {"id": "empty", "text": ""},
    {"id": 5, "text": "Акции «Газпрома» подешевели на 1,5 процента, сообщает Reuters."},
    {"text": "В Твери открыли новый мост."},
]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def expected_rows() -> list[dict]:
    return analyze_partition(RECORDS)


def test_import_newsnlp_does_not_import_dask() -> None:
    code = "import sys, newsnlp; newsnlp.analyze('Рост на 5 %.'); print('dask' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_rows_have_one_schema_and_record_errors() -> None:
    rows = expected_rows()
    assert [row["id"] for row in rows] == ["omsk", "2", "bad", "empty", "5", None]
    assert all(tuple(row) == COLUMNS for row in rows)
    assert rows[2]["error"].startswith("ValueError: text has a lone surrogate")
    assert rows[2]["people"] is None
    assert rows[0]["schema_version"] == "1.1"
    article = newsnlp.analyze(RECORDS[0]["text"])
    assert rows[0] == to_row("omsk", article)
    assert json.loads(rows[0]["percentages"])[0]["value"] == 12.0


def test_bag_on_two_workers_matches_one_process(client, tmp_path: Path) -> None:
    bag = dask_bag.from_sequence(RECORDS, npartitions=3)
    rows = analyze_bag(bag).compute()
    assert rows == expected_rows()
    workers = client.run(lambda: "newsnlp.pipeline" in sys.modules)
    assert len(workers) == 2 and any(workers.values())

    paths = to_parquet(analyze_bag(bag), tmp_path / "facts")
    assert [Path(path).name for path in paths] == [f"part-0000{n}.parquet" for n in range(3)]
    table = parquet.read_table(tmp_path / "facts")
    assert table.column_names == list(COLUMNS)
    assert table.to_pylist() == expected_rows()


def test_partition_rejects_a_record_without_text() -> None:
    with pytest.raises(ValueError, match="expected a mapping with a 'text' str"):
        analyze_partition([{"id": 1, "body": "x"}])


def test_typed_tables_on_two_workers(client, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    bag = dask_bag.from_sequence(RECORDS, npartitions=3)
    paths = write_tables(bag, tmp_path / "facts")
    assert list(paths) == [*TABLES, "errors"]
    assert [Path(path).name for path in paths["people"]] == [
        f"part-0000{n}.parquet" for n in range(3)
    ]
    expected = tables_partition(RECORDS)
    for name in (*TABLES, "errors"):
        got = pandas.read_parquet(tmp_path / "facts" / name)
        assert got.columns.tolist() == expected[name].columns.tolist()
        assert got["id"].tolist() == expected[name]["id"].tolist()
    people = pandas.read_parquet(tmp_path / "facts" / "people")
    assert people[["id", "name"]].values.tolist() == [
        ["omsk", "Сергей Шелест"],
        ["2", "Эмманюэль Макрон"],
    ]
    facts = pandas.read_parquet(tmp_path / "facts" / "percentages")
    assert facts[["id", "value"]].values.tolist() == [["omsk", 12.0], ["5", 1.5]]
    assert str(facts["value"].dtype) == "float64"
    assert isinstance(facts["kind"].dtype, pandas.CategoricalDtype)
    errors = pandas.read_parquet(tmp_path / "facts" / "errors")
    assert errors["id"].tolist() == ["bad"]
    assert errors["error"].iloc[0].startswith("ValueError: text has a lone surrogate")
