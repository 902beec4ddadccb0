"""Percentage facts quality on ``../shared/data/percent_dev.jsonl`` (factRu dev + the seed).

Scores exactly as ``../shared/data/README.md`` defines it: a predicted percentage matches a
gold one when their character spans overlap; detection precision / recall / F1; then, among
matches, the share with the right value (or low/high), unit, approx, kind+direction and
subject (predicted subject lemma in the gold list, "ё" as "е"), and "all-right" (value, kind,
direction and subject together). Prints every figure; asserts nothing.

    python benchmarks/percentages.py [--data ../shared/data] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED_DOC = "seed_omsk"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def key(text: str | None) -> str:
    return (text or "").lower().replace("ё", "е")


def load_texts(data: Path, seed: Path) -> dict[str, str]:
    """Texts by doc id: factRu dev articles and the seed article."""
    texts = {doc["id"]: doc["text"] for doc in read_jsonl(data / "factru_dev.jsonl")}
    texts[SEED_DOC] = seed.read_text(encoding="utf-8")
    return texts


def same_value(gold: dict, pred: dict) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)

    return all(close(gold[field], pred[field]) for field in ("value", "low", "high"))


def checks(gold: dict, pred: dict) -> dict[str, bool]:
    """Which aspects of a matched prediction are right."""
    subject = pred.get("subject") or {}
    lemma = key(subject.get("lemma"))
    value = same_value(gold, pred)
    kind = gold["kind"] == pred["kind"] and gold["direction"] == pred["direction"]
    subject_ok = bool(lemma) and lemma in {key(item) for item in gold["subject"]}
    return {
        "value": value,
        "unit": gold["unit"] == pred["unit"],
        "approx": gold["approx"] == pred["approx"],
        "kind+direction": kind,
        "subject": subject_ok,
        "all-right": value and kind and subject_ok,
    }


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["stop"] and b["start"] < a["stop"]


def describe(fact: dict) -> str:
    value = fact["value"] if fact["value"] is not None else f"{fact['low']}-{fact['high']}"
    subject = fact.get("subject")
    if isinstance(subject, dict):
        subject = subject.get("lemma")
    return (
        f"{value} {fact['unit']} {fact['approx']} {fact['kind']}/{fact['direction']} "
        f"subject={subject}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--seed", type=Path, default=None, help="the seed article")
    parser.add_argument("--quiet", action="store_true", help="print only the scores")
    args = parser.parse_args()
    seed = args.seed or args.data.parent / "seed" / "omsk_china.txt"
    gold = read_jsonl(args.data / "percent_dev.jsonl")
    texts = load_texts(args.data, seed)
    ids = sorted({fact["doc"] for fact in gold}) + sorted(set(texts) - {f["doc"] for f in gold})

    import newsnlp

    started = time.perf_counter()
    articles = dict(zip(ids, newsnlp.analyze_many([texts[i] for i in ids])))
    seconds = time.perf_counter() - started
    predicted = {
        doc: [fact.model_dump() for fact in article.percentages]
        for doc, article in articles.items()
    }

    right: Counter[str] = Counter()
    matched_gold = 0
    matched_pred: set[tuple[str, int]] = set()
    for fact in gold:
        preds = [
            (n, pred)
            for n, pred in enumerate(predicted.get(fact["doc"], []))
            if overlaps(fact, pred)
        ]
        text = texts[fact["doc"]][fact["start"] : fact["stop"]]
        if not preds:
            if not args.quiet:
                print(f"MISS {fact['doc']} {text!r}: gold {describe(fact)}")
            continue
        matched_gold += 1
        n, pred = preds[0]
        matched_pred.update((fact["doc"], m) for m, _ in preds)
        result = checks(fact, pred)
        right.update(name for name, ok in result.items() if ok)
        if not args.quiet:
            wrong = [name for name, ok in result.items() if not ok and name != "all-right"]
            mark = "ok  " if not wrong else "BAD "
            print(f"{mark}{fact['doc']} {text!r}: gold {describe(fact)}")
            if wrong:
                print(f"       pred {describe(pred)}  wrong: {', '.join(wrong)}")
    false = [
        (doc, pred)
        for doc, preds in predicted.items()
        for n, pred in enumerate(preds)
        if (doc, n) not in matched_pred
    ]
    for doc, pred in false:
        if not args.quiet:
            print(f"FALSE {doc} {pred['text']!r}: pred {describe(pred)}")

    n_pred = sum(len(preds) for preds in predicted.values())
    precision = (n_pred - len(false)) / n_pred if n_pred else 0.0
    recall = matched_gold / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print()
    print(f"{len(gold)} gold, {n_pred} predicted, {matched_gold} matched ({seconds:.1f} s)")
    print(f"detection precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    for name in ("value", "unit", "approx", "kind+direction", "subject", "all-right"):
        share = right[name] / matched_gold if matched_gold else 0.0
        print(f"{name:<15} {share:.3f} ({right[name]}/{matched_gold})")
    seed_gold = [fact for fact in gold if fact["doc"] == SEED_DOC]
    seed_right = sum(
        any(
            overlaps(fact, pred) and checks(fact, pred)["all-right"]
            for pred in predicted.get(SEED_DOC, [])
        )
        for fact in seed_gold
    )
    print(f"seed all-right  {seed_right}/{len(seed_gold)}")


if __name__ == "__main__":
    main()
