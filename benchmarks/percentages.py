"""Percentage facts quality: percent_dev (factRu dev + the seed) beside challenge_percent.

Scores exactly as ``../shared/data/README.md`` defines it: a predicted percentage matches a
gold one when their character spans overlap; detection precision / recall / F1; then, among
matches, the share with the right value (or low/high), unit, approx, kind+direction and
subject (predicted subject lemma in the gold list, "ё" as "е"), and "all-right" (value, kind,
direction and subject together). The two sets are printed side by side, then the challenge
set per construction. Prints every figure; asserts nothing.

    python benchmarks/percentages.py [--data ../shared/data] [--quiet] [--only dev|challenge]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED_DOC = "seed_omsk"
ASPECTS = ("value", "unit", "approx", "kind+direction", "subject", "all-right")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def key(text: str | None) -> str:
    return (text or "").lower().replace("ё", "е")


def load_dev(data: Path, seed: Path) -> tuple[list[dict], dict[str, str]]:
    """percent_dev gold and the texts by doc id: factRu dev articles and the seed article."""
    gold = read_jsonl(data / "percent_dev.jsonl")
    texts = {doc["id"]: doc["text"] for doc in read_jsonl(data / "factru_dev.jsonl")}
    texts[SEED_DOC] = seed.read_text(encoding="utf-8")
    return gold, texts


def load_challenge(data: Path) -> tuple[list[dict], dict[str, str]]:
    """challenge_percent gold (a "doc" per distinct text) and the texts by doc id."""
    gold = read_jsonl(data / "challenge_percent.jsonl")
    ids: dict[str, str] = {}
    for fact in gold:
        ids.setdefault(fact["text"], fact["id"])
        fact["doc"] = ids[fact["text"]]
    return gold, {doc: text for text, doc in ids.items()}


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


@dataclass
class Score:
    """Counts over one set (or one construction of it)."""

    gold: int = 0
    predicted: int = 0
    false: int = 0
    matched: int = 0
    right: Counter[str] = field(default_factory=Counter)

    def precision(self) -> float:
        return (self.predicted - self.false) / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, aspect: str) -> float:
        return self.right[aspect] / self.matched if self.matched else 0.0


def score(
    name: str,
    gold: list[dict],
    texts: dict[str, str],
    predicted: dict[str, list[dict]],
    quiet: bool,
) -> tuple[Score, dict[str, Score]]:
    """The set's score and, when gold facts name their construction, a score per construction."""
    total = Score(gold=len(gold))
    by_construction: dict[str, Score] = defaultdict(Score)
    matched_pred: set[tuple[str, int]] = set()
    if not quiet:
        print(f"== {name}")
    for fact in gold:
        part = by_construction[fact.get("construction", "-")]
        part.gold += 1
        preds = [
            (n, pred)
            for n, pred in enumerate(predicted.get(fact["doc"], []))
            if overlaps(fact, pred)
        ]
        text = texts[fact["doc"]][fact["start"] : fact["stop"]]
        label = f"{fact.get('id', fact['doc'])} [{fact.get('construction', '')}]"
        if not preds:
            if not quiet:
                print(f"MISS {label} {text!r}: gold {describe(fact)}")
            continue
        total.matched += 1
        part.matched += 1
        n, pred = preds[0]
        matched_pred.update((fact["doc"], m) for m, _ in preds)
        result = checks(fact, pred)
        for counts in (total, part):
            counts.right.update(aspect for aspect, ok in result.items() if ok)
        if not quiet:
            wrong = [aspect for aspect, ok in result.items() if not ok and aspect != "all-right"]
            mark = "ok  " if not wrong else "BAD "
            print(f"{mark}{label} {text!r}: gold {describe(fact)}")
            if wrong:
                print(f"       pred {describe(pred)}  wrong: {', '.join(wrong)}")
    # a false positive is charged to the construction of its text's first gold fact
    construction_of = {}
    for fact in gold:
        construction_of.setdefault(fact["doc"], fact.get("construction", "-"))
    for doc, preds in predicted.items():
        for n, pred in enumerate(preds):
            part = by_construction[construction_of.get(doc, "-")]
            total.predicted += 1
            part.predicted += 1
            if (doc, n) in matched_pred:
                continue
            total.false += 1
            part.false += 1
            if not quiet:
                print(f"FALSE {doc} {pred['text']!r}: pred {describe(pred)}")
    return total, dict(by_construction)


def side_by_side(scores: dict[str, Score]) -> None:
    names = list(scores)
    print()
    print(f"{'':<16}" + "".join(f"{name:>22}" for name in names))
    print(
        f"{'gold/pred/match':<16}"
        + "".join(f"{f'{s.gold}/{s.predicted}/{s.matched}':>22}" for s in scores.values())
    )
    for label, get in (
        ("det. precision", Score.precision),
        ("det. recall", Score.recall),
        ("det. F1", Score.f1),
    ):
        print(f"{label:<16}" + "".join(f"{get(s):>22.3f}" for s in scores.values()))
    for aspect in ASPECTS:
        cells = "".join(
            f"{f'{s.share(aspect):.3f} ({s.right[aspect]}/{s.matched})':>22}"
            for s in scores.values()
        )
        print(f"{aspect:<16}{cells}")


def per_construction(parts: dict[str, Score]) -> None:
    print()
    print("challenge per construction")
    header = f"{'construction':<20}{'n':>4}{'F1':>7}{'value':>7}{'k+d':>7}{'subj':>7}{'all':>7}"
    print(header)
    for name, s in sorted(parts.items(), key=lambda item: (item[1].share("all-right"), item[0])):
        print(
            f"{name:<20}{s.gold:>4}{s.f1():>7.2f}{s.share('value'):>7.2f}"
            f"{s.share('kind+direction'):>7.2f}{s.share('subject'):>7.2f}"
            f"{s.share('all-right'):>7.2f}"
        )


def predict(texts: dict[str, str]) -> tuple[dict[str, list[dict]], float]:
    import newsnlp

    ids = sorted(texts)
    started = time.perf_counter()
    articles = dict(zip(ids, newsnlp.analyze_many([texts[i] for i in ids])))
    seconds = time.perf_counter() - started
    predicted = {
        doc: [fact.model_dump() for fact in article.percentages]
        for doc, article in articles.items()
    }
    return predicted, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--seed", type=Path, default=None, help="the seed article")
    parser.add_argument("--quiet", action="store_true", help="print only the scores")
    parser.add_argument("--only", choices=("dev", "challenge"), help="score one set only")
    args = parser.parse_args()
    seed = args.seed or args.data.parent / "seed" / "omsk_china.txt"
    sets = {}
    if args.only != "challenge":
        sets["percent_dev"] = load_dev(args.data, seed)
    if args.only != "dev":
        sets["challenge_percent"] = load_challenge(args.data)

    scores: dict[str, Score] = {}
    parts: dict[str, Score] = {}
    extra = []
    for name, (gold, texts) in sets.items():
        predicted, seconds = predict(texts)
        scores[name], by_construction = score(name, gold, texts, predicted, args.quiet)
        extra.append(f"{name}: {len(texts)} texts in {seconds:.1f} s")
        if name == "percent_dev":
            seed_gold = [fact for fact in gold if fact["doc"] == SEED_DOC]
            seed_right = sum(
                any(
                    overlaps(fact, pred) and checks(fact, pred)["all-right"]
                    for pred in predicted.get(SEED_DOC, [])
                )
                for fact in seed_gold
            )
            extra.append(f"seed all-right {seed_right}/{len(seed_gold)}")
        else:
            parts = by_construction
    side_by_side(scores)
    print("; ".join(extra))
    if parts:
        per_construction(parts)


if __name__ == "__main__":
    main()
