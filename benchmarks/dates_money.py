"""Dates and money quality on our annotation of factRu dev, newsnlp beside natasha.

The gold (``benchmarks/data/dates_dev.jsonl``, ``benchmarks/data/money_dev.jsonl``) holds doc
ids, offsets and values only; the texts come from ``../shared/data/factru_dev.jsonl``. It
marks what a reader calls a date or an amount of money: calendar dates, ranges, relative dates
("вчера", "в прошлом году", "в пятницу", "три дня назад", "за последние два месяца"), times of
day and durations with a count ("20 лет", "в течение недели", "двухдневного"); a day the text
points back at ("в тот же день"); vague spans without a count ("в последние годы", "несколько
лет") and ages ("не моложе 23 лет") are not marked.

Scoring: a prediction matches a gold span when their character spans overlap (one to one, in
order); detection precision / recall / F1; then, among matches, the share whose values are
right. Date values: kind, the calendar fields, begin/end of a range, relative/unit/shift and
the amount of a duration, all equal. Money values: amount (or low/high) within 1e-6 relative,
and the ISO currency. natasha's ``DatesExtractor`` gives calendar dates only (day, month,
year), so its date values are right only for those; the recall by kind shows where each
extractor stands. Prints every figure; asserts nothing.

    python benchmarks/dates_money.py [--data ../shared/data] [--misses]

(Not "numbers.py": a script of that name would shadow the standard library's ``numbers``,
which numpy imports, for every script in this folder.)
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from _score import prf

HERE = Path(__file__).resolve().parent

DEFAULT_DATA = HERE.parents[0].parent / "shared" / "data"
DATE_VALUES = (
    "kind", "year", "month", "day", "quarter", "half", "season", "century", "hour", "minute",
    "begin", "end", "relative", "unit", "shift", "amount",
)  # fmt: skip

Row = dict[str, Any]


def read_jsonl(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def date_values(row: Row) -> Row:
    """The compared values of a date (gold or predicted), nulls and False dropped."""
    values: Row = {}
    for key in DATE_VALUES:
        value = row.get(key)
        if key == "kind":
            value = value or "date"
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v is not None} or None
        if key == "amount" and value is not None:
            value = float(value)
        if value is not None and value is not False:
            values[key] = value
    return values


def same_money(gold: Row, pred: Row) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(a - b) <= 1e-6 * max(abs(a), 1.0)

    numbers = all(close(gold[key], pred.get(key)) for key in ("amount", "low", "high"))
    return numbers and gold["currency"] == pred.get("currency")


def match(gold: list[Row], pred: list[Row]) -> list[tuple[Row, Row]]:
    """One-to-one pairs of overlapping spans of the same document, in text order."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        for n, p in enumerate(pred):
            if n in used or p["doc"] != g["doc"]:
                continue
            if p["start"] < g["stop"] and g["start"] < p["stop"]:
                pairs.append((g, p))
                used.add(n)
                break
    return pairs


def score(gold: list[Row], pred: list[Row], right: Callable[[Row, Row], bool]) -> Row:
    pairs = match(gold, pred)
    precision, recall, f1 = prf(len(pairs), len(pred), len(gold))
    good = sum(right(g, p) for g, p in pairs)
    return {
        "pred": len(pred),
        "gold": len(gold),
        "matched": len(pairs),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "values": good / len(pairs) if pairs else 0.0,
        "pairs": pairs,
    }


def gold_kind(row: Row) -> str:
    if row.get("kind") == "duration":
        return "duration"
    if row.get("relative"):
        return "relative"
    if row.get("hour") is not None:
        return "time of day"
    return "calendar"


def newsnlp_predictions(texts: dict[str, str]) -> tuple[list[Row], list[Row], float]:
    import newsnlp

    started = time.perf_counter()
    ids = list(texts)
    dates: list[Row] = []
    money: list[Row] = []
    for doc, article in zip(ids, newsnlp.analyze_many(texts[i] for i in ids)):
        dates += [{"doc": doc, **fact.model_dump()} for fact in article.dates]
        money += [{"doc": doc, **fact.model_dump()} for fact in article.money]
    return dates, money, time.perf_counter() - started


def natasha_predictions(texts: dict[str, str]) -> tuple[list[Row], list[Row], float]:
    from natasha import DatesExtractor, MoneyExtractor, MorphVocab

    vocab = MorphVocab()
    dates_extractor, money_extractor = DatesExtractor(vocab), MoneyExtractor(vocab)
    started = time.perf_counter()
    dates: list[Row] = []
    money: list[Row] = []
    for doc, text in texts.items():
        for found in dates_extractor(text):
            fact = found.fact
            dates.append(
                {
                    "doc": doc,
                    "start": found.start,
                    "stop": found.stop,
                    "year": fact.year,
                    "month": fact.month,
                    "day": fact.day,
                }
            )
        for found in money_extractor(text):
            money.append(
                {
                    "doc": doc,
                    "start": found.start,
                    "stop": found.stop,
                    "amount": float(found.fact.amount),
                    "low": None,
                    "high": None,
                    "currency": found.fact.currency,
                }
            )
    return dates, money, time.perf_counter() - started


def dates_right(gold: Row, pred: Row) -> bool:
    return date_values(gold) == date_values(pred)


def table(rows: Iterable[tuple[str, Row, Row]]) -> None:
    print(f"{'':24} {'newsnlp':>9} {'natasha':>9}")
    for name, ours, theirs in rows:
        for key in ("precision", "recall", "f1", "values"):
            print(f"{name + ' ' + key:24} {ours[key]:9.3f} {theirs[key]:9.3f}")
        print(
            f"{name + ' matched/gold/pred':24} "
            f"{ours['matched']:>3}/{ours['gold']}/{ours['pred']:<3} "
            f"{theirs['matched']:>3}/{theirs['gold']}/{theirs['pred']}"
        )


def recall_by_kind(gold: list[Row], ours: Row, theirs: Row) -> None:
    total = Counter(gold_kind(g) for g in gold)
    found = {
        name: Counter(gold_kind(g) for g, _ in result["pairs"])
        for name, result in (("newsnlp", ours), ("natasha", theirs))
    }
    print(f"\n{'date recall by kind':24} {'newsnlp':>9} {'natasha':>9}  gold")
    for kind, count in total.most_common():
        print(
            f"{kind:24} {found['newsnlp'][kind] / count:9.3f} "
            f"{found['natasha'][kind] / count:9.3f}  {count}"
        )


def misses(
    name: str,
    gold: list[Row],
    pred: list[Row],
    result: Row,
    texts: dict[str, str],
    right: Callable[[Row, Row], bool],
) -> None:
    def show(row: Row) -> str:
        return repr(texts[row["doc"]][row["start"] : row["stop"]])

    matched_gold = {id(g) for g, _ in result["pairs"]}
    matched_pred = {id(p) for _, p in result["pairs"]}
    print(f"\n--- {name}")
    for g in gold:
        if id(g) not in matched_gold:
            print("missed", g["doc"], g["start"], show(g))
    for p in pred:
        if id(p) not in matched_pred:
            print("extra ", p["doc"], p["start"], show(p))
    for g, p in result["pairs"]:
        if not right(g, p):
            values = date_values if "kind" in g else (lambda r: r)
            print(
                "value ",
                g["doc"],
                g["start"],
                show(g),
                values(g),
                "!=",
                {
                    k: v
                    for k, v in values(p).items()
                    if k in DATE_VALUES or k in ("amount", "low", "high", "currency")
                },
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", action="store_true", help="list newsnlp's misses")
    args = parser.parse_args()
    source = args.data / "factru_dev.jsonl"
    if not source.exists():
        raise SystemExit(f"no {source}: the texts are in ../shared/data")
    texts = {row["id"]: row["text"] for row in read_jsonl(source)}
    gold_dates = read_jsonl(HERE / "data" / "dates_dev.jsonl")
    gold_money = read_jsonl(HERE / "data" / "money_dev.jsonl")
    our_dates, our_money, our_time = newsnlp_predictions(texts)
    nat_dates, nat_money, nat_time = natasha_predictions(texts)
    ours_d = score(gold_dates, our_dates, dates_right)
    theirs_d = score(gold_dates, nat_dates, dates_right)
    ours_m = score(gold_money, our_money, same_money)
    theirs_m = score(gold_money, nat_money, same_money)
    print(f"factRu dev: {len(texts)} texts, {len(gold_dates)} dates, {len(gold_money)} amounts")
    table([("dates", ours_d, theirs_d), ("money", ours_m, theirs_m)])
    recall_by_kind(gold_dates, ours_d, theirs_d)
    calendar = [g for g in gold_dates if gold_kind(g) == "calendar"]
    cal_ours = score(
        calendar,
        [
            p
            for p in our_dates
            if not p.get("relative") and p.get("kind") != "duration" and p.get("hour") is None
        ],
        dates_right,
    )
    cal_theirs = score(calendar, nat_dates, dates_right)
    print("\ncalendar dates only (what natasha's DatesExtractor covers)")
    table([("calendar", cal_ours, cal_theirs)])
    print(
        f"\ntime: newsnlp full analysis {our_time:.1f} s (models included); "
        f"natasha's two extractors alone {nat_time:.1f} s"
    )
    if args.misses:
        misses("dates", gold_dates, our_dates, ours_d, texts, dates_right)
        misses("money", gold_money, our_money, ours_m, texts, same_money)


if __name__ == "__main__":
    main()
