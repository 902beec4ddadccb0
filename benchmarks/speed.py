"""Throughput, memory, cold start and process scaling: newsnlp beside natasha's own pipeline.

natasha runs per document (segment, morph, syntax, NER, normalize; and NER alone) in this
process; newsnlp's ``analyze_many`` runs in a fresh subprocess of its own, so that its peak
memory (maximum resident set size) is its own. Cold starts (import, load, first short article)
are timed as whole fresh subprocesses, best of ``--cold-repeat``, twice: newsnlp's modules
compiled from source in every process (no ``.pyc``: what ``PYTHONDONTWRITEBYTECODE=1`` gives a
source checkout), then compiled once beforehand into ``src/newsnlp/**/__pycache__`` (what
``pip install`` does for a wheel, and what natasha's installed modules have; the second figure
is the one that compares like with like). newsnlp and natasha take turns
(``--rounds``, cold starts too), so a change of the machine's load during the run does not
favour one side. Two-process scaling runs
``analyze_many`` with ``n_process`` 1 and 2 over the corpus repeated ``--scale-copies`` times,
worker start-up included; steady state is the second half of the results (workers loaded,
their caches warm). The machine may be shared: the figures that travel are the ratios.

    PYTHONPATH=src python benchmarks/speed.py [--data ../shared/data/factru_dev.jsonl]
        [--repeat 3] [--rounds 2] [--cold-repeat 3] [--scale-copies 6]
        [--scale-repeat 2] [--skip-natasha] [--skip-scaling]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "factru_dev.jsonl"
SHORT = "Мэр Омска Сергей Шелест сообщил, что экспорт в Китай вырос на 94 %."

NATASHA_COLD = f"""
from natasha import (Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                     NewsSyntaxParser, Segmenter)
segmenter, emb = Segmenter(), NewsEmbedding()
morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
vocab = MorphVocab()
doc = Doc({SHORT!r})
doc.segment(segmenter); doc.tag_morph(morph); doc.parse_syntax(syntax); doc.tag_ner(ner)
for span in doc.spans:
    span.normalize(vocab)
"""
NEWSNLP_COLD = f"""
import newsnlp
newsnlp.analyze({SHORT!r})
"""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line)["text"] for line in file if line.strip()]


def natasha_runner() -> tuple[Callable[[list[str]], None], Callable[[list[str]], None]]:
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    segmenter, emb = Segmenter(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    vocab = MorphVocab()

    def full(texts: list[str]) -> None:
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for span in doc.spans:
                span.normalize(vocab)

    def ner_only(texts: list[str]) -> None:
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(ner)

    return full, ner_only


def best_of(run: Callable[[list[str]], object], texts: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(texts)
        times.append(time.perf_counter() - started)
    return min(times)


def child_env() -> dict[str, str]:
    """This process's environment with ``src`` first on PYTHONPATH (spawned workers too)."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    return env


def run_child(*args: str) -> dict:
    """Run this script in a fresh subprocess in one of its child modes; its JSON answer."""
    done = subprocess.run(
        [sys.executable, __file__, *args],
        env=child_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_starts(codes: list[str], repeat: int) -> list[float]:
    """Best wall time of a fresh interpreter running each of ``codes``, taking turns."""
    times: list[list[float]] = [[] for _ in codes]
    for _ in range(repeat):
        for code, code_times in zip(codes, times):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=child_env(), check=True)
            code_times.append(time.perf_counter() - started)
    return [min(code_times) for code_times in times]


PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsnlp"


def drop_bytecode() -> None:
    """Remove newsnlp's own ``__pycache__`` folders (a cold start then compiles its modules)."""
    for folder in sorted(PACKAGE.rglob("__pycache__")):
        shutil.rmtree(folder)


def compile_bytecode() -> None:
    """Compile newsnlp's modules into their ``__pycache__`` folders, as ``pip install`` does;
    Python reads them even where ``PYTHONDONTWRITEBYTECODE`` keeps it from writing any."""
    compileall.compile_dir(PACKAGE, quiet=1)


def newsnlp_child(data: Path, repeat: int, batch_size: int) -> dict:
    """Child mode: newsnlp's ``analyze_many`` throughput and this process's peak memory."""
    import newsnlp

    texts = read_texts(data)
    list(newsnlp.analyze_many(texts[:2], batch_size=batch_size))
    seconds = best_of(lambda batch: list(newsnlp.analyze_many(batch, batch_size)), texts, repeat)
    return {"seconds": seconds, "peak_mb": peak_mb()}


def scaling_child(data: Path, copies: int, n_process: int, batch_size: int) -> dict:
    """Child mode: one ``analyze_many`` over the corpus × ``copies``, with ``n_process``.

    Steady state is the throughput over the second half of the results: by then every worker
    has loaded its pipeline and met the corpus's words (each process warms caches of its own,
    as it would once at the start of a long run over an archive).
    """
    import newsnlp

    texts = read_texts(data) * copies
    half = len(texts) // 2
    started = time.perf_counter()
    middle = None
    count = 0
    for _ in newsnlp.analyze_many(texts, batch_size, n_process=n_process):
        count += 1
        if count == half:
            middle = time.perf_counter()
    ended = time.perf_counter()
    steady = (count - half) / (ended - middle) if middle and count > half else None
    return {"seconds": ended - started, "docs": count, "steady_docs_per_s": steady}


def row(name: str, seconds: float, docs: int, chars: int, base: float | None) -> str:
    ratio = f"{base / seconds:10.2f}x" if base else f"{'':>11}"
    return f"{name:<40} {seconds:8.2f} {docs / seconds:8.1f} {chars / seconds:9.0f} {ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="runs per system; the best counts")
    parser.add_argument("--rounds", type=int, default=2, help="turns of newsnlp and natasha")
    parser.add_argument("--cold-repeat", type=int, default=3, help="fresh processes per system")
    parser.add_argument("--scale-copies", type=int, default=6, help="corpus copies for scaling")
    parser.add_argument("--scale-repeat", type=int, default=2, help="scaling runs; the best counts")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--skip-natasha", action="store_true", help="newsnlp figures only")
    parser.add_argument("--skip-scaling", action="store_true", help="no 1 vs 2 processes run")
    parser.add_argument("--child", choices=["newsnlp", "scaling"], help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "newsnlp":
        print(json.dumps(newsnlp_child(args.data, args.repeat, args.batch_size)))
        return
    if args.child == "scaling":
        result = scaling_child(args.data, args.scale_copies, args.n_process, args.batch_size)
        print(json.dumps(result))
        return

    texts = read_texts(args.data)
    docs, chars = len(texts), sum(len(text) for text in texts)
    print(f"{docs} articles, {chars} characters ({args.data}); load {os.getloadavg()[0]:.2f}")

    # newsnlp and natasha take turns (--rounds), each figure the best over all rounds, so that
    # a change in the machine's load during the run does not favour one side
    inf = float("inf")
    ours = {"seconds": inf, "peak_mb": 0.0}
    natasha_full = natasha_ner = natasha_full_1 = natasha_ner_1 = inf
    natasha_peak = 0.0
    if not args.skip_natasha:
        full, ner_only = natasha_runner()
        full(texts[:2])
    for _ in range(args.rounds):
        child = run_child(
            "--child", "newsnlp", "--data", str(args.data), "--repeat", str(args.repeat)
        )
        ours = {"seconds": min(ours["seconds"], child["seconds"]), "peak_mb": child["peak_mb"]}
        if args.skip_natasha:
            continue
        natasha_full = min(natasha_full, best_of(full, texts, args.repeat))
        natasha_ner = min(natasha_ner, best_of(ner_only, texts, args.repeat))
        natasha_peak = peak_mb()
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):  # natasha on one core, like newsnlp
            natasha_full_1 = min(natasha_full_1, best_of(full, texts, args.repeat))
            natasha_ner_1 = min(natasha_ner_1, best_of(ner_only, texts, args.repeat))
    if args.skip_natasha:
        natasha_full = natasha_ner = natasha_full_1 = natasha_ner_1 = 0.0

    print(f"\n{'pipeline':<40} {'seconds':>8} {'docs/s':>8} {'chars/s':>9} {'vs natasha':>11}")
    if natasha_full and natasha_ner:
        print(row("natasha full (seg+morph+syn+ner+norm)", natasha_full, docs, chars, natasha_full))
        print(row("natasha NER only (seg+ner)", natasha_ner, docs, chars, natasha_full))
        print(row("natasha full, 1 BLAS thread", natasha_full_1, docs, chars, natasha_full))
        print(row("natasha NER only, 1 BLAS thread", natasha_ner_1, docs, chars, natasha_full))
    print(row("newsnlp analyze_many (everything)", ours["seconds"], docs, chars, natasha_full))
    if natasha_full and natasha_ner:
        print(f"newsnlp / natasha full:     {natasha_full / ours['seconds']:.2f}x throughput")
        print(f"newsnlp / natasha NER only: {natasha_ner / ours['seconds']:.2f}x throughput")
        print(
            f"one core each (1 BLAS thread): newsnlp / natasha full "
            f"{natasha_full_1 / ours['seconds']:.2f}x, / natasha NER only "
            f"{natasha_ner_1 / ours['seconds']:.2f}x"
        )
    print(f"\npeak RSS: newsnlp {ours['peak_mb']:.0f} MB (its own process)", end="")
    print(f", natasha {natasha_peak:.0f} MB" if natasha_peak else "")

    codes = [NEWSNLP_COLD] if args.skip_natasha else [NEWSNLP_COLD, NATASHA_COLD]
    for how in ("modules compiled from source", "modules compiled beforehand, as installed"):
        if how.endswith("installed"):
            compile_bytecode()
        else:
            drop_bytecode()
        colds = cold_starts(codes, args.cold_repeat)
        line = f"cold start (import, load, first short article; {how}): newsnlp {colds[0]:.2f} s"
        if not args.skip_natasha:
            line += f", natasha {colds[1]:.2f} s ({colds[0] / colds[1]:.2f}x natasha's)"
        print(line)

    if args.skip_scaling:
        return
    copies = ["--scale-copies", str(args.scale_copies), "--data", str(args.data)]
    print(
        f"\nscaling over {docs * args.scale_copies} articles (worker start-up included; best of "
        f"{args.scale_repeat}), load "
        f"{os.getloadavg()[0]:.2f}"
    )
    runs: dict[str, list[dict]] = {"1": [], "2": []}
    for _ in range(args.scale_repeat):  # alternating, so both meet the same machine load
        for n in runs:
            runs[n].append(run_child("--child", "scaling", "--n-process", n, *copies))
    one, two = (min(runs[n], key=lambda result: result["seconds"]) for n in runs)
    one["steady_docs_per_s"], two["steady_docs_per_s"] = (
        max(result["steady_docs_per_s"] for result in runs[n]) for n in runs
    )
    for name, result in (("n_process=1", one), ("n_process=2", two)):
        print(
            row(
                f"newsnlp analyze_many {name}",
                result["seconds"],
                result["docs"],
                chars * args.scale_copies,
                None,
            )
        )
    print(f"two processes / one, end to end: {one['seconds'] / two['seconds']:.2f}x")
    print(
        f"steady state (second half of the results): "
        f"{one['steady_docs_per_s']:.1f} vs {two['steady_docs_per_s']:.1f} docs/s, "
        f"{two['steady_docs_per_s'] / one['steady_docs_per_s']:.2f}x; "
        f"load after {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
