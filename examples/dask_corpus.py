"""Analyze a JSONL corpus on a Dask cluster into typed Parquet tables (pip install "newsnlp[dask]").

Every line of the corpus is ``{"id": ..., "text": ...}``. The example starts a two-worker
``LocalCluster`` on this machine; on a real cluster pass its scheduler's address instead.
Each worker loads the newsnlp pipeline once and analyzes whole partitions. The output has one
directory per table (people, places, organizations, percentages, mentions, errors), one
Parquet file per partition, the same typed columns as ``newsnlp.tables()``.

    PYTHONPATH=src python examples/dask_corpus.py [examples/corpus.jsonl] [-o facts/]
        [--scheduler tcp://host:8786] [--blocksize 1MiB]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import dask.bag
import pandas
from distributed import Client, LocalCluster

from newsnlp.dask import write_tables

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(HERE / "corpus.jsonl"))
    parser.add_argument("-o", "--output", default="facts", help="directory of the tables")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--blocksize", default="1KiB", help="bytes of JSONL per partition")
    args = parser.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None))
    with client:
        corpus = dask.bag.read_text(args.corpus, blocksize=args.blocksize).map(json.loads)
        paths = write_tables(corpus, args.output)

    output = Path(args.output)
    print(f"{len(paths['people'])} partitions -> {output}/<table>/part-*.parquet")
    people = pandas.read_parquet(output / "people")
    percentages = pandas.read_parquet(output / "percentages")
    print(f"{len(people)} people, {len(percentages)} percentages")
    print(people[["id", "name", "mentions"]].head(5).to_string(index=False))
    print(percentages[["id", "text", "value", "kind", "direction", "subject"]].head(5).to_string())


if __name__ == "__main__":
    main()
