"""The article's own facts on whole news pages: ``pages/``, ``pages_real/`` and the seed.

Scores as ``../shared/data/README.md`` defines it, over the names and values each page's
``expected.jsonl`` line lists: the article's items are the people and places with a mention in
the title or story blocks (``Article.story()``) and the values of its percentages there;
precision = the article's items that are story items / the article's items that are listed at
all; recall = story items found among the article's items. Percent values are compared without
their sign (``pages_real/`` writes "(-0,5%)" as -0.5). Micro-averaged over the pages of each
set: ``pages/`` (hand-made: copied text and HTML), ``pages_real/`` (real saved HTML pages of 14
sites) and the seed, for people, places and percentages together and each apart. ``--whole``
counts the whole text as the story (newsnlp before the layout stage); ``--show`` prints, per
page, the items it misses (story items not found) and the page's other items it takes for the
story's; ``--aliases`` matches names to the lists by the entity-lists score's rules (a place
under each of its name and aliases that its mentions write and the lists name: "РФ" for
newsnlp's "Россия" written "РФ"; a person's "first [middle…] last" for a listed "first last").
Where the expected line gives the story's first and last words, it also counts the pages whose
story blocks start and end there. Prints every figure; asserts nothing.

    python benchmarks/pages.py [--data ../shared/data] [--seed ../shared/seed/omsk_china.txt]
                               [--set pages|pages_real|seed] [--whole] [--aliases] [--show]
                               [--quiet]
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
SETS = ("pages", "pages_real", "seed")

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
    """The scoring key of a name (lowercased, "ё" as "е") or a value (its size, no sign)."""
    if isinstance(item, (int, float)):
        return abs(float(item))
    return str(item).lower().replace("ё", "е")


def items(article: object, expected: dict | None = None) -> dict[str, set[object]]:
    """The article's people, places and percentage values, as scoring keys.

    With ``expected`` (``--aliases``), names are matched to the page's lists by the rules of
    the entity-lists score of ``../shared/data/README.md``: a place counts under each of its
    name and aliases that the lists name and that its mentions here write ("ФРГ" and
    "Германия" when the story writes both, "РФ" alone when it writes only that), and a person
    under a listed "first last" when its name is "first [middle…] last" ("Вячеслав Михайлович
    Немцов" for "Вячеслав Немцов")."""
    places: set[object] = set()
    people: set[object] = set()
    listed = expected_items(expected) if expected is not None else None
    for place in article.places:  # type: ignore[attr-defined]
        names = [key(place.name)] + [key(alias) for alias in getattr(place, "aliases", [])]
        if listed is None:
            places.add(names[0])
            continue
        story, other = listed["places"]
        written = {key(m.normal or m.text) for m in place.mentions}
        chosen = {name for name in names if name in story | other and name in written}
        places.update(chosen or {names[0]})
    for person in article.people:  # type: ignore[attr-defined]
        name = key(person.name)
        if listed is not None:
            story, other = listed["people"]
            name = next(
                (str(item) for item in sorted(story | other, key=str) if _same_person(name, item)),
                name,
            )
        people.add(name)
    return {
        "people": people,
        "places": places,
        "percent_values": {
            key(fact.value)
            for fact in article.percentages  # type: ignore[attr-defined]
            if fact.value is not None
        },
    }


def _same_person(name: str, listed: object) -> bool:
    """Whether ``name`` is the listed name or "first [middle…] last" of a listed "first last"
    (dots as spaces, as the data README compares)."""
    mine, theirs = name.replace(".", " ").split(), str(listed).replace(".", " ").split()
    if mine == theirs:
        return True
    return len(theirs) == 2 and len(mine) > 2 and (mine[0], mine[-1]) == (theirs[0], theirs[1])


def expected_items(expected: dict) -> dict[str, tuple[set[object], set[object]]]:
    """Per kind: the story's keys and the page's other keys (an item in both is the story's)."""
    result = {}
    for kind in KINDS:
        story = {key(item) for item in expected[f"story_{kind}"]}
        other = {key(item) for item in expected[f"other_{kind}"]} - story
        result[kind] = (story, other)
    return result


def score(found: dict[str, set[object]], expected: dict) -> dict[str, Counter]:
    """Per kind: tp (story items found), listed (found items that are listed), gold."""
    counts = {}
    for kind, (story, other) in expected_items(expected).items():
        mine = found[kind]
        counts[kind] = Counter(
            tp=len(mine & story), listed=len(mine & (story | other)), gold=len(story)
        )
    return counts


def misses(found: dict[str, set[object]], expected: dict) -> dict[str, tuple[list, list]]:
    """Per kind: (story items not found, other items found as the story's)."""
    result = {}
    for kind, (story, other) in expected_items(expected).items():
        mine = found[kind]
        result[kind] = (sorted(story - mine, key=str), sorted(mine & other, key=str))
    return result


def bounds(article: object, expected: dict) -> tuple[bool, bool] | None:
    """Whether the story blocks start at the page's first story words (a short stamp such as
    "Обновлено в 14:42 мск" may stand before them) and end at its last ones; None when the
    expected line gives no words."""
    first, last = expected.get("story_first_words"), expected.get("story_last_words")
    if not first or not last:
        return None
    text = article.text  # type: ignore[attr-defined]
    story = [block for block in article.blocks if block.kind == "story"]  # type: ignore[attr-defined]
    if not story:
        return False, False
    start, stop = story[0].start, story[-1].stop
    at = text.find(first, start)
    end = text.rfind(last, 0, stop)
    return (
        0 <= at - start <= 40 and not text[start:at].count("\n"),
        end >= 0 and not text[end + len(last) : stop].strip(' \n.!?…»"'),
    )


def pr(counter: Counter) -> tuple[float, float]:
    from _score import prf

    # a page that lists nothing and finds nothing is right: an empty share counts 1
    precision, recall, _ = prf(counter["tp"], counter["listed"], counter["gold"], empty=1.0)
    return precision, recall


def load_cases(data: Path, seed: Path, wanted: list[str]) -> list[tuple[str, Path, dict]]:
    """(set, page, expected line) of every page of the sets ``wanted``."""
    cases = []
    for name in ("pages", "pages_real"):
        if name not in wanted:
            continue
        folder = data / name
        if not (folder / "expected.jsonl").exists():
            print(f"{folder} is not there: {name} skipped")
            continue
        with (folder / "expected.jsonl").open(encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    record = json.loads(line)
                    cases.append((name, folder / record["file"], record))
    if "seed" in wanted and seed.exists():
        cases.append(("seed", seed, SEED_EXPECTED))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--set", action="append", choices=SETS, help="only these sets")
    parser.add_argument("--whole", action="store_true", help="count the whole text as story")
    parser.add_argument("--show", action="store_true", help="per page: what it misses, takes")
    parser.add_argument(
        "--aliases", action="store_true", help="names matched by the entity-lists score's rules"
    )
    parser.add_argument("--quiet", action="store_true", help="no per-page lines")
    args = parser.parse_args()

    import newsnlp

    cases = load_cases(args.data, args.seed, args.set or list(SETS))
    totals: dict[str, dict[str, Counter]] = {name: {} for name in SETS}
    seconds: Counter = Counter()
    edges: dict[str, Counter] = {name: Counter() for name in SETS}
    for group, path, record in cases:
        html = path.suffix in (".html", ".htm")
        started = time.perf_counter()
        if html:
            article = newsnlp.analyze_html(path.read_bytes())
        else:
            article = newsnlp.analyze(path.read_text(encoding="utf-8"))
        seconds[group] += time.perf_counter() - started
        found = items(article if args.whole else article.story(), record if args.aliases else None)
        counts = score(found, record)
        for kind in KINDS:
            totals[group].setdefault(kind, Counter()).update(counts[kind])
        edge = bounds(article, record)
        if edge is not None:
            edges[group].update(pages=1, first=edge[0], last=edge[1])
        if args.quiet:
            continue
        figures = "  ".join(
            "{}: p {:.2f} r {:.2f}".format(kind.split("_")[0], *pr(counts[kind])) for kind in KINDS
        )
        title = (
            "title ok"
            if article.title == record.get("title", article.title)
            else (f"title {article.title!r}")
        )
        author = article.author == record.get("author", article.author)
        edge_note = (
            ""
            if edge is None
            else f", story from {'ok' if edge[0] else 'WRONG'} to {'ok' if edge[1] else 'WRONG'}"
        )
        print(
            f"{path.name:28} {figures}  {title}, author {'ok' if author else article.author}"
            + edge_note
        )
        if args.show:
            for kind, (missed, taken) in misses(found, record).items():
                if missed:
                    print(f"    {kind} missed: {missed}")
                if taken:
                    print(f"    {kind} taken from around: {taken}")
    print(f"{'whole text as story' if args.whole else 'story()'} over {len(cases)} pages")
    labels = {"pages": "pages/ (hand-made)", "pages_real": "pages_real/", "seed": "seed"}
    for group in SETS:
        together = sum(totals[group].values(), Counter())
        if not together:
            continue
        parts = "  ".join(
            "{} {:.3f}/{:.3f}".format(kind.split("_")[0], *pr(totals[group][kind]))
            for kind in KINDS
        )
        print(
            "{:20} precision {:.3f}  recall {:.3f}   ({})  {:.1f} s".format(
                labels[group], *pr(together), parts, seconds[group]
            )
        )
        if edges[group]["pages"]:
            print(
                "{:20} story starts at its first words on {first}/{pages} pages, ends at its "
                "last words on {last}/{pages}".format("", **edges[group])
            )


if __name__ == "__main__":
    main()
