"""Analyze a JSONL corpus on a Dask cluster into Parquet (pip install "newsnlp[dask]").

Every line of the corpus is ``{"id": ..., "text": ...}``. The example starts a two-worker
``LocalCluster`` on this machine; on a real cluster pass its scheduler's address instead.
Each worker loads the newsnlp pipeline once and analyzes whole partitions.

    PYTHONPATH=src python examples/dask_corpus.py [examples/corpus.jsonl] [-o facts/]
        [--scheduler tcp://host:8786] [--blocksize 1MiB]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import dask.bag
import pyarrow.parquet
from distributed import Client, LocalCluster

from newsnlp.dask import analyze_bag, to_parquet

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(HERE / "corpus.jsonl"))
    parser.add_argument("-o", "--output", default="facts", help="Parquet directory")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--blocksize", default="1KiB", help="bytes of JSONL per partition")
    args = parser.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None))
    with client:
        corpus = dask.bag.read_text(args.corpus, blocksize=args.blocksize).map(json.loads)
        paths = to_parquet(analyze_bag(corpus), args.output)

    table = pyarrow.parquet.read_table(args.output)
    print(f"{table.num_rows} articles -> {len(paths)} Parquet files in {args.output}/")
    for record in table.to_pylist()[:3]:
        people = [person["name"] for person in json.loads(record["people"] or "[]")]
        facts = [fact["text"] for fact in json.loads(record["percentages"] or "[]")]
        print(f"  {record['id']}: people {people}, percentages {facts}")


if __name__ == "__main__":
    main()
