"""Ratio facts quality: ratios.jsonl (every "раз"/"вдвое"/"треть" figure of news/ and factRu dev).

Scored as ``benchmarks/percentages.py`` scores percentages (its functions, not a copy): a
predicted ratio matches a gold one when their character spans overlap; detection precision /
recall / F1 over every text of both sources (a ratio found where the gold has none is a false
positive); among matches, the share with the right value (or low/high), unit, approx,
kind+direction and subject (lemma in the gold list, "ё" as "е"), and "all-right" (value, kind,
direction and subject together). Printed per source: news/ (Коммерсантъ, ТАСС, Радио
Свобода) and factRu dev, then per outlet and per kind of ratio. Prints every figure; asserts
nothing.

    python benchmarks/ratios.py [--data ../shared/data] [--quiet]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from percentages import DEFAULT_DATA, Score, predict, read_jsonl, score, side_by_side


def load(data: Path) -> tuple[list[dict], dict[str, str]]:
    """The ratios gold and the texts by doc id: news/ articles and factRu dev."""
    gold = read_jsonl(data / "ratios.jsonl")
    texts = {doc["id"]: doc["text"] for doc in read_jsonl(data / "news" / "docs.jsonl")}
    texts.update({doc["id"]: doc["text"] for doc in read_jsonl(data / "factru_dev.jsonl")})
    for fact in gold:
        kind = "times" if fact["unit"] == "times" else f"fraction/{fact['kind']}"
        fact["construction"] = "кратный" if "кратн" in fact.get("note", "") else kind
    return gold, texts


def source(doc: str) -> str:
    return "factRu" if doc.startswith("book_") else "news"


def outlet(doc: str) -> str:
    return {"kom": "Коммерсантъ", "tas": "ТАСС", "rad": "Радио Свобода"}.get(doc[:3], "factRu")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--quiet", action="store_true", help="print only the scores")
    args = parser.parse_args()
    gold, texts = load(args.data)
    predicted, seconds = predict(texts, "ratios")
    scores: dict[str, Score] = {}
    scores["all"], kinds = score("ratios", gold, texts, predicted, args.quiet)
    for name, pick in (("source", source), ("outlet", outlet)):
        for part in sorted({pick(doc) for doc in texts}):
            subset = {doc: text for doc, text in texts.items() if pick(doc) == part}
            scores[part], _ = score(
                part,
                [fact for fact in gold if fact["doc"] in subset],
                subset,
                {doc: facts for doc, facts in predicted.items() if doc in subset},
                quiet=True,
            )
        if name == "source":
            side_by_side({key: scores[key] for key in ("all", "news", "factRu")})
    side_by_side({key: scores[key] for key in ("Коммерсантъ", "ТАСС", "Радио Свобода")})
    print("\nper kind (a prediction counts under the kind of its text's first gold ratio):")
    side_by_side(kinds)
    print(f"{len(texts)} texts in {seconds:.1f} s")


if __name__ == "__main__":
    main()
