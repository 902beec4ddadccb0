"""Statements quality (``Article.statements``) on ``../shared/data/statements.jsonl``.

Scores exactly as ``../shared/data/README.md`` ("statements.jsonl") defines it: a predicted
statement matches a gold one of the same article when their cues overlap, else when their
contents overlap by half of the shorter (each gold and each prediction matched once, cue
matches first); detection precision / recall / F1; among matches, speaker right (names equal,
lowercased, "ё" as "е"; a person's surname alone counts when it is the gold's last word; both
null counts), the same over the gold speakers given by a pronoun or a descriptor (a
speaker_text sharing no word with the gold name, by its first four letters: 179 of the set,
143 of them named), content right (word overlap over union ≥ 0.5)
and direct right. Printed overall and per outlet; asserts nothing.

    python benchmarks/statements.py [--data ../shared/data] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from _score import prf

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_WORDS = re.compile(r"\w+")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def key(text: str | None) -> str:
    return " ".join((text or "").lower().replace("ё", "е").split())


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words(text: str) -> set[str]:
    return set(_WORDS.findall(key(text)))


def stems(text: str) -> set[str]:
    """The first four letters of each word: a speaker's words that share none with the gold
    name are a pronoun or a descriptor ("он", "глава региона", "ведомства")."""
    return {word[:4] for word in _WORDS.findall(key(text))}


def speaker_right(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    gold_key, pred_key = key(gold), key(pred)
    if gold_key == pred_key:
        return True
    return " " not in pred_key and gold_key.split()[-1] == pred_key


def content_right(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    one, other = words(text[gold[0] : gold[1]]), words(text[pred[0] : pred[1]])
    if not one and not other:
        return True
    return len(one & other) / max(len(one | other), 1) >= 0.5


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Gold-prediction pairs of one article: cue overlap first, then content overlap by half
    of the shorter."""
    pairs = []
    free = list(range(len(pred)))
    rest = []
    for item in gold:
        found = next((n for n in free if overlap(item["cue"], pred[n]["cue"]) > 0), None)
        if found is None:
            rest.append(item)
            continue
        free.remove(found)
        pairs.append((item, pred[found]))
    for item in rest:
        for n in free:
            shared = overlap(item["content"], pred[n]["content"])
            shorter = min(
                item["content"][1] - item["content"][0],
                pred[n]["content"][1] - pred[n]["content"][0],
            )
            if shorter > 0 and shared * 2 >= shorter:
                free.remove(n)
                pairs.append((item, pred[n]))
                break
    return pairs


def predict(texts: dict[str, str]) -> dict[str, list[dict]]:
    import newsnlp

    out = {}
    for doc, article in zip(texts, newsnlp.analyze_many(list(texts.values()))):
        out[doc] = [
            {
                "cue": (s.cue.start, s.cue.stop),
                "content": (s.content.start, s.content.stop),
                "speaker": s.speaker_name,
                "speaker_text": (s.speaker.start, s.speaker.stop) if s.speaker else None,
                "direct": s.direct,
            }
            for s in article.statements
        ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print the misses and errors")
    args = parser.parse_args()
    gold = read_jsonl(args.data / "statements.jsonl")
    docs = {doc["id"]: doc for doc in read_jsonl(args.data / "news" / "docs.jsonl")}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for item in gold:
        item["cue"] = tuple(item["cue"])
        item["content"] = tuple(item["content"])
        by_doc[item["doc"]].append(item)
    texts = {doc: docs[doc]["text"] for doc in by_doc}
    began = time.perf_counter()
    predicted = predict(texts)
    seconds = time.perf_counter() - began
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for doc, items in by_doc.items():
        text = texts[doc]
        pred = predicted[doc]
        pairs = match(items, pred)
        for outlet in ("all", docs[doc]["outlet"]):
            tally = counts[outlet]
            tally["gold"] += len(items)
            tally["pred"] += len(pred)
            tally["matched"] += len(pairs)
        for one, other in pairs:
            referring = one["speaker_text"] is not None and not (
                stems(text[one["speaker_text"][0] : one["speaker_text"][1]])
                & stems(one["speaker"] or "")
            )
            right = speaker_right(one["speaker"], other["speaker"])
            good_content = content_right(text, one["content"], other["content"])
            for outlet in ("all", docs[doc]["outlet"]):
                tally = counts[outlet]
                tally["speaker"] += right
                tally["content"] += good_content
                tally["direct"] += one["direct"] == other["direct"]
                if referring:
                    tally["referring"] += 1
                    tally["referring_right"] += right
            if args.show and not (right and good_content):
                cue = text[one["cue"][0] : one["cue"][1]]
                said = one["speaker_text"] and text[one["speaker_text"][0] : one["speaker_text"][1]]
                print(
                    f"~ {doc[:40]} [{cue}] <{said}> gold={one['speaker']!r} "
                    f"pred={other['speaker']!r}"
                )
                if not good_content:
                    print(f"    gold: {text[one['content'][0] : one['content'][1]][:150]!r}")
                    print(f"    pred: {text[other['content'][0] : other['content'][1]][:150]!r}")
        if args.show:
            got = {id(other) for _, other in pairs}
            hit = {id(one) for one, _ in pairs}
            for one in items:
                if id(one) not in hit:
                    cue = text[one["cue"][0] : one["cue"][1]]
                    around = text[max(0, one["cue"][0] - 80) : one["cue"][1] + 40]
                    print(f"- missed [{cue}] {around!r}")
            for other in pred:
                if id(other) not in got:
                    cue = text[other["cue"][0] : other["cue"][1]]
                    around = text[max(0, other["cue"][0] - 80) : other["cue"][1] + 40]
                    print(f"+ spurious [{cue}] {around!r}")
    print(f"{len(by_doc)} articles, {len(gold)} gold statements, analysed in {seconds:.1f} s")
    header = (
        f"{'set':6} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} "
        f"{'pron/desc':>10} {'content':>8} {'direct':>7}"
    )
    print(header)
    for outlet, tally in sorted(counts.items(), key=lambda item: item[0] != "all"):
        matched = tally["matched"]
        precision, recall, f1 = prf(matched, tally["pred"], tally["gold"])

        def share(name: str, total: int, tally: dict[str, int] = tally) -> str:
            return f"{tally[name] / total:.3f}" if total else "  -  "

        print(
            f"{outlet:6} {tally['gold']:5} {tally['pred']:5} {precision:6.3f} {recall:6.3f} "
            f"{f1:6.3f} {share('speaker', matched):>8} "
            f"{share('referring_right', tally['referring']):>10} "
            f"{share('content', matched):>8} {share('direct', matched):>7}"
        )


if __name__ == "__main__":
    main()
