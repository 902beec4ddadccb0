"""One process against two: ``analyze_many(texts, n_process=N)`` and ``nlp.pipe(texts,
n_process=N)`` over factRu dev texts repeated to ``--texts`` articles.

Every run is a fresh process that imports newsnlp and loads the pipeline, then makes the call:
"run" times the call (the pipeline loaded, as in a long-running program), "total" the import and
load too (what a script pays); the runs take turns (1, 2, 1, 2, ...) for
``--rounds`` rounds, so a change of the machine's load does not favour one side. Prints each
run and, per path, the ratio of the best one-process time to the best two-process time and the
ratio of the medians. The machine may be shared: run it when it is quiet, and trust ratios
measured side by side more than absolute times.

    PYTHONPATH=src python benchmarks/parallel.py [--texts 400] [--rounds 3]
        [--data ../shared/data/factru_dev.jsonl ...] [--paths analyze_many,pipe]

With one file the texts repeat (400 of factRu's 122): the single process then meets each text
three times and its word caches serve the repeats, while each of two workers meets it about
twice with caches of its own. ``--data`` with several files and ``--texts`` at most their sum
gives distinct texts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "factru_dev.jsonl"


def texts_of(data: list[Path], count: int) -> list[str]:
    texts = []
    for path in data:
        with path.open(encoding="utf-8") as file:
            texts += [json.loads(line)["text"] for line in file if line.strip()]
    return list(islice(cycle(texts), count))


def child(path: str, data: list[Path], count: int, n_process: int) -> None:
    texts = texts_of(data, count)
    start = time.perf_counter()
    import newsnlp

    nlp = newsnlp.pipeline.default_pipeline() if path == "analyze_many" else newsnlp.load()
    loaded = time.perf_counter()
    if path == "analyze_many":
        results = list(newsnlp.analyze_many(texts, n_process=n_process))
        found = sum(len(article.people) for article in results)
    else:
        docs = list(nlp.pipe(texts, n_process=n_process))
        found = sum(len(doc._.newsnlp_people) for doc in docs)
    end = time.perf_counter()
    print(json.dumps({"seconds": end - start, "run": end - loaded, "people": found}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=[DEFAULT_DATA], help="JSONL files")
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--paths", default="analyze_many,pipe")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.texts, args.n_process)
        return
    for data in args.data:
        if not data.exists():
            sys.exit(f"no data at {data}")
    paths = args.paths.split(",")
    times: dict[tuple[str, int], list[float]] = {(p, n): [] for p in paths for n in (1, 2)}
    runs: dict[tuple[str, int], list[float]] = {(p, n): [] for p in paths for n in (1, 2)}
    people: dict[tuple[str, int], int] = {}
    names = ", ".join(data.name for data in args.data)
    print(f"{args.texts} texts of {names}; load average {os.getloadavg()[0]:.1f}")
    for number in range(args.rounds):
        for path in paths:
            for n in (1, 2):
                command = [sys.executable, __file__, "--child", path, "--n-process", str(n)]
                command += ["--texts", str(args.texts), "--data", *map(str, args.data)]
                out = subprocess.run(command, capture_output=True, text=True, check=True)
                result = json.loads(out.stdout.strip().splitlines()[-1])
                times[path, n].append(result["seconds"])
                runs[path, n].append(result["run"])
                people[path, n] = result["people"]
                print(
                    f"round {number + 1} {path:>12} n_process={n}: run {result['run']:.2f} s, "
                    f"total {result['seconds']:.2f} s  (load average {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
    for path in paths:
        assert people[path, 1] == people[path, 2], "one and two processes differ"
        for label, table in (("run", runs), ("total", times)):
            one, two = table[path, 1], table[path, 2]
            print(
                f"{path:>12} {label:>5}: 1 process best {min(one):.2f} s, "
                f"median {statistics.median(one):.2f} s; 2 processes best {min(two):.2f} s, "
                f"median {statistics.median(two):.2f} s; speed-up best/best "
                f"{min(one) / min(two):.2f}x, median/median "
                f"{statistics.median(one) / statistics.median(two):.2f}x"
            )


if __name__ == "__main__":
    main()
