"""The article's own facts on whole news pages: ``../shared/data/pages/`` and the seed.

Scores as ``../shared/data/README.md`` defines it, over the names and values each page's
``expected.jsonl`` line lists: the article's items are the people and places with a mention in
the title or story blocks (``Article.story()``) and the values of its percentages there;
precision = the article's items that are story items / the article's items that are listed at
all; recall = story items found among the article's items. Micro-averaged over pages, for
people, places and percentages together and each apart; text pages (and the seed) and HTML
pages are also shown apart. ``--whole`` counts the whole text as the story (newsnlp before the
layout stage). Prints every figure; asserts nothing.

    python benchmarks/pages.py [--data ../shared/data] [--seed ../shared/seed/omsk_china.txt]
                               [--whole] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_DATA = SHARED / "data"
DEFAULT_SEED = SHARED / "seed" / "omsk_china.txt"
KINDS = ("people", "places", "percent_values")

# the seed page (../shared/seed/omsk_china.txt), in the format of pages/expected.jsonl: its
# story's people and places and what only the author bio and the "Последние статьи" list name
SEED_EXPECTED = {
    "file": "omsk_china.txt",
    "story_people": ["Сергей Шелест", "Ло Шисюн", "Мишустин"],
    "story_places": [
        "Омская область",
        "Китай",
        "Омск",
        "Екатеринбург",
        "Кайфын",
        "Фучжоу",
        "Урумчи",
        "Маньчжурия",
    ],
    "story_percent_values": [66, 94, 39],
    "other_people": ["Ксения Евдокимова", "Трубникова", "Фальков"],
    "other_places": ["Новосибирск", "Томская область", "Северск", "Сибирь", "Россия"],
    "other_percent_values": [],
}


def key(item: object) -> object:
    if isinstance(item, (int, float)):
        return float(item)
    return str(item).lower().replace("ё", "е")


def items(article: object) -> dict[str, set[object]]:
    """The article's people, places and percentage values, as scoring keys."""
    return {
        "people": {key(person.name) for person in article.people},  # type: ignore[attr-defined]
        "places": {key(place.name) for place in article.places},  # type: ignore[attr-defined]
        "percent_values": {
            key(fact.value)
            for fact in article.percentages  # type: ignore[attr-defined]
            if fact.value is not None
        },
    }


def score(found: dict[str, set[object]], expected: dict) -> dict[str, Counter]:
    """Per kind: tp (story items found), listed (found items that are listed), gold."""
    counts = {}
    for kind in KINDS:
        story = {key(item) for item in expected[f"story_{kind}"]}
        other = {key(item) for item in expected[f"other_{kind}"]}
        mine = found[kind]
        counts[kind] = Counter(
            tp=len(mine & story), listed=len(mine & (story | other)), gold=len(story)
        )
    return counts


def pr(counter: Counter) -> tuple[float, float]:
    precision = counter["tp"] / counter["listed"] if counter["listed"] else 1.0
    recall = counter["tp"] / counter["gold"] if counter["gold"] else 1.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--whole", action="store_true", help="count the whole text as story")
    parser.add_argument("--quiet", action="store_true", help="no per-page lines")
    args = parser.parse_args()

    import newsnlp

    pages = args.data / "pages"
    with (pages / "expected.jsonl").open(encoding="utf-8") as file:
        expected = [json.loads(line) for line in file if line.strip()]
    cases = [(pages / record["file"], record) for record in expected]
    if args.seed.exists():
        cases.append((args.seed, SEED_EXPECTED))

    totals: dict[str, dict[str, Counter]] = {"text": {}, "html": {}, "all": {}}
    started = time.perf_counter()
    for path, record in cases:
        html = path.suffix in (".html", ".htm")
        if html:
            article = newsnlp.analyze_html(path.read_bytes())
        else:
            article = newsnlp.analyze(path.read_text(encoding="utf-8"))
        counts = score(items(article if args.whole else article.story()), record)
        for group in ("html" if html else "text", "all"):
            for kind in KINDS:
                totals[group].setdefault(kind, Counter()).update(counts[kind])
        if not args.quiet:
            figures = "  ".join(
                "{}: p {:.2f} r {:.2f}".format(kind.split("_")[0], *pr(counts[kind]))
                for kind in KINDS
            )
            title = (
                "title ok"
                if article.title == record.get("title", article.title)
                else (f"title {article.title!r}")
            )
            author = article.author == record.get("author", article.author)
            print(f"{path.name:16} {figures}  {title}, author {'ok' if author else article.author}")
    elapsed = time.perf_counter() - started
    print(
        f"{'whole text as story' if args.whole else 'story()'} over {len(cases)} pages "
        f"({elapsed:.1f} s)"
    )
    for group, label in (("text", "text pages + seed"), ("html", "HTML pages"), ("all", "all")):
        together = sum(totals[group].values(), Counter())
        if not together:
            continue
        parts = "  ".join(
            "{} {:.2f}/{:.2f}".format(kind.split("_")[0], *pr(totals[group][kind]))
            for kind in KINDS
        )
        print("{:18} precision {:.2f}  recall {:.2f}   ({})".format(label, *pr(together), parts))


if __name__ == "__main__":
    main()
