"""Percentage facts quality: percent_dev (factRu dev + the seed), challenge_percent and news/.

Scores exactly as ``../shared/data/README.md`` defines it: a predicted percentage matches a
gold one when their character spans overlap; detection precision / recall / F1; then, among
matches, the share with the right value (or low/high), unit, approx, kind+direction and
subject (predicted subject lemma in the gold list, "ё" as "е"), and "all-right" (value, kind,
direction and subject together). The sets are printed side by side (news/, 155 real articles,
per outlet and overall), then the challenge set per construction, then the news misses grouped
by what went wrong. Prints every figure of dev and challenge and every miss of news; asserts
nothing.

    python benchmarks/percentages.py [--data ../shared/data] [--quiet] [--only dev|challenge|news]
                                     [--rules]

``--rules``: the rules alone, without the learned subject ranker (``models/percent_subjects.json``,
trained on news/ and challenge_percent: its scores there are on what it was trained on; the
cross-validated ones are printed by ``python models/train_percent_subjects.py --cv``).

What went wrong with a news fact (its first reason): "kind or direction"; a subject missing
("no subject"); a subject the gold names only before the figure's sentence (a pronoun, an
elided subject, a poll's group: "named before the sentence"); the predicted subject in another
clause than the figure ("subject in the wrong clause": a ";", ":", dash, bracket or "а", "но",
"что", "который" between them); else "a neighbouring noun" in the figure's clause.
"""

from __future__ import annotations

import argparse
import json
import re
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


OUTLETS = ("Коммерсантъ", "ТАСС", "Радио Свобода")


def load_news(data: Path) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    """news/ gold, the texts by doc id and the outlet of each doc."""
    docs = read_jsonl(data / "news" / "docs.jsonl")
    gold = read_jsonl(data / "news" / "percent.jsonl")
    texts = {doc["id"]: doc["text"] for doc in docs}
    outlets = {doc["id"]: doc["outlet"] for doc in docs}
    return gold, texts, outlets


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
        from _score import f1

        return f1(self.precision(), self.recall())

    def share(self, aspect: str) -> float:
        return self.right[aspect] / self.matched if self.matched else 0.0


def score(
    name: str,
    gold: list[dict],
    texts: dict[str, str],
    predicted: dict[str, list[dict]],
    quiet: bool,
    misses: list[tuple[dict, dict | None]] | None = None,
) -> tuple[Score, dict[str, Score]]:
    """The set's score and, when gold facts name their construction, a score per construction.

    With ``misses`` (a list), the wrong and missed facts are appended there as (gold, predicted
    or None) instead of printed."""
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
            if misses is not None:
                misses.append((fact, None))
            elif not quiet:
                print(f"MISS {label} {text!r}: gold {describe(fact)}")
            continue
        total.matched += 1
        part.matched += 1
        n, pred = preds[0]
        matched_pred.update((fact["doc"], m) for m, _ in preds)
        result = checks(fact, pred)
        for counts in (total, part):
            counts.right.update(aspect for aspect, ok in result.items() if ok)
        if misses is not None:
            if not result["all-right"]:
                misses.append((fact, pred))
        elif not quiet:
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
            if misses is not None:
                misses.append(({"doc": doc, "false": True}, pred))
            elif not quiet:
                print(f"FALSE {doc} {pred['text']!r}: pred {describe(pred)}")
    return total, dict(by_construction)


def side_by_side(scores: dict[str, Score], width: int = 22) -> None:
    names = list(scores)
    print()
    print(f"{'':<16}" + "".join(f"{name:>{width}}" for name in names))
    print(
        f"{'gold/pred/match':<16}"
        + "".join(f"{f'{s.gold}/{s.predicted}/{s.matched}':>{width}}" for s in scores.values())
    )
    for label, get in (
        ("det. precision", Score.precision),
        ("det. recall", Score.recall),
        ("det. F1", Score.f1),
    ):
        print(f"{label:<16}" + "".join(f"{get(s):>{width}.3f}" for s in scores.values()))
    for aspect in ASPECTS:
        cells = "".join(
            f"{f'{s.share(aspect):.3f} ({s.right[aspect]}/{s.matched})':>{width}}"
            for s in scores.values()
        )
        print(f"{aspect:<16}{cells}")


# what stands between a subject and its figure when they are in different clauses
_CLAUSE_MARK = re.compile(r"[;:()—–]|\s-\s|\b(а|но|что|который|которая|которое|которые|которых)\b")
_SENTENCE_END = re.compile(r"[.!?…]\s+|\n")


def _sentence_start(text: str, start: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    return ends[-1] if ends else 0


def _lemmas(words: str) -> set[str]:
    from newsnlp.resources import word_parses

    found = set()
    for word in re.findall(r"\w+", words.lower()):
        found.add(word)
        found.update(parse.normal_form for parse in word_parses(word))
    return {key(lemma) for lemma in found}


def why(fact: dict, pred: dict | None, text: str) -> str:
    """What went wrong with a news fact (see the module's documentation)."""
    if fact.get("false"):
        return "false positive"
    if pred is None:
        return "missed"
    result = checks(fact, pred)
    if not result["value"]:
        return "value"
    if not result["kind+direction"]:
        return "kind or direction"
    subject = pred.get("subject")
    if not subject:
        return "no subject"
    start = _sentence_start(text, fact["start"])
    stop = _SENTENCE_END.search(text, fact["stop"])
    sentence = text[start : stop.start() if stop else len(text)]
    if not _lemmas(sentence) & {key(lemma) for lemma in fact["subject"]}:
        return "named before the sentence"
    low, high = sorted((subject["stop"], fact["start"]))
    if subject["start"] > fact["stop"]:
        low, high = fact["stop"], subject["start"]
    if subject["start"] < start or _CLAUSE_MARK.search(text[low:high].lower()):
        return "subject in the wrong clause"
    return "a neighbouring noun"


def print_misses(misses: list[tuple[dict, dict | None]], texts: dict[str, str]) -> None:
    """The news misses grouped by what went wrong, the largest group first."""
    grouped: dict[str, list[tuple[dict, dict | None]]] = defaultdict(list)
    for fact, pred in misses:
        grouped[why(fact, pred, texts[fact["doc"]])].append((fact, pred))
    print()
    print(
        "news misses by what went wrong: "
        + ", ".join(
            f"{name} {len(items)}"
            for name, items in sorted(grouped.items(), key=lambda i: -len(i[1]))
        )
    )
    for name, items in sorted(grouped.items(), key=lambda item: -len(item[1])):
        print(f"\n-- {name} ({len(items)})")
        for fact, pred in items:
            text = texts[fact["doc"]]
            if fact.get("false"):
                print(f"FALSE {fact['doc'][:40]} {pred['text']!r}: pred {describe(pred)}")  # type: ignore[index]
                continue
            start = _sentence_start(text, fact["start"])
            stop = _SENTENCE_END.search(text, fact["stop"])
            sentence = text[start : stop.start() if stop else len(text)].replace("\n", " ")
            print(f"{fact['doc'][:40]} {fact['text']!r}: gold {describe(fact)}")
            if pred is not None:
                phrase = (pred.get("subject") or {}).get("text")
                print(f"       pred {describe(pred)} ({phrase!r})")
            print(f"       | {sentence[:300]}")


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


def predict(
    texts: dict[str, str], facts: str = "percentages"
) -> tuple[dict[str, list[dict]], float]:
    """Each text's facts of the Article field ``facts`` as dicts, and the seconds analysis took."""
    import newsnlp

    ids = sorted(texts)
    started = time.perf_counter()
    articles = dict(zip(ids, newsnlp.analyze_many([texts[i] for i in ids])))
    seconds = time.perf_counter() - started
    predicted = {
        doc: [fact.model_dump() for fact in getattr(article, facts)]
        for doc, article in articles.items()
    }
    return predicted, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--seed", type=Path, default=None, help="the seed article")
    parser.add_argument("--quiet", action="store_true", help="print only the scores")
    parser.add_argument("--only", choices=("dev", "challenge", "news"), help="score one set only")
    parser.add_argument("--rules", action="store_true", help="without the learned subject ranker")
    args = parser.parse_args()
    if args.rules:
        from newsnlp.percentages import facts

        facts.default_ranker = lambda: None  # (iter_percentages asks it for the shipped model)
    seed = args.seed or args.data.parent / "seed" / "omsk_china.txt"
    sets = {}
    if args.only in (None, "dev"):
        sets["percent_dev"] = load_dev(args.data, seed)
    if args.only in (None, "challenge"):
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
    misses: list[tuple[dict, dict | None]] = []
    news_texts: dict[str, str] = {}
    if args.only in (None, "news"):
        news_gold, news_texts, outlets = load_news(args.data)
        predicted, seconds = predict(news_texts)
        extra.append(f"news: {len(news_texts)} texts in {seconds:.1f} s")
        for outlet in OUTLETS:
            docs = {doc for doc, name in outlets.items() if name == outlet}
            scores[outlet], _ = score(
                outlet,
                [fact for fact in news_gold if fact["doc"] in docs],
                {doc: news_texts[doc] for doc in docs},
                {doc: facts for doc, facts in predicted.items() if doc in docs},
                True,
                misses,
            )
        scores["news"], _ = score("news", news_gold, news_texts, predicted, True, [])
    side_by_side(scores, 20 if len(scores) > 4 else 22)
    if not args.rules and ("news" in scores or "challenge_percent" in scores):
        print(
            "subject on news and challenge_percent: the shipped ranker on what it was TRAINED on "
            "(not a result; cross-validated: python models/train_percent_subjects.py --cv)"
        )
    print("; ".join(extra))
    if parts:
        per_construction(parts)
    if misses and not args.quiet:
        print_misses(misses, news_texts)


if __name__ == "__main__":
    main()
