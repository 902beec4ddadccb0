"""Throughput and memory: newsnlp's analyze_many beside natasha's own per-document pipeline.

Both run in one process over the same texts (factRuEval-2016 dev by default), after loading
their models; the figure that travels between machines is the ratio. Peak memory is the
process's maximum resident set size after each stage (natasha runs first). Prints numbers.

    python benchmarks/speed.py [--data ../shared/data/factru_dev.jsonl] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "factru_dev.jsonl"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def natasha_runner():
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


def best_of(run, texts: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(texts)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="runs per system; the best counts")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as file:
        texts = [json.loads(line)["text"] for line in file if line.strip()]
    chars = sum(len(text) for text in texts)
    print(f"{len(texts)} articles, {chars} characters ({args.data})")

    full, ner_only = natasha_runner()
    full(texts[:2])
    natasha_full = best_of(full, texts, args.repeat)
    natasha_ner = best_of(ner_only, texts, args.repeat)
    natasha_peak = peak_mb()

    import newsnlp

    def ours(batch: list[str]) -> None:
        for _ in newsnlp.analyze_many(batch, batch_size=args.batch_size):
            pass

    ours(texts[:2])
    newsnlp_full = best_of(ours, texts, args.repeat)
    both_peak = peak_mb()

    print(f"{'pipeline':<34} {'seconds':>8} {'docs/s':>8} {'chars/s':>9} {'vs natasha':>11}")
    for name, seconds in (
        ("natasha full (seg+morph+syn+ner+norm)", natasha_full),
        ("natasha NER only (seg+ner)", natasha_ner),
        ("newsnlp analyze_many (everything)", newsnlp_full),
    ):
        print(
            f"{name:<34} {seconds:8.2f} {len(texts) / seconds:8.1f} {chars / seconds:9.0f} "
            f"{natasha_full / seconds:10.2f}x"
        )
    print(f"newsnlp / natasha full: {natasha_full / newsnlp_full:.2f}x throughput")
    print(f"newsnlp / natasha NER only: {natasha_ner / newsnlp_full:.2f}x throughput")
    print(f"peak RSS: {natasha_peak:.0f} MB after natasha, {both_peak:.0f} MB after both")


if __name__ == "__main__":
    main()
