"""Entity quality on factRuEval-2016 dev and on challenge_names, newsnlp beside natasha.

Scores exactly as ``../shared/data/README.md`` defines them: on factRu dev, naeval-compatible
token-level F1 per type and the share of PER / LOC gold entity names reproduced; on
``challenge_names.jsonl``, per type the share of gold entities whose name some predicted entity
of that type has (or has among its aliases), and the share whose every gold mention is a
predicted mention of that type. natasha's entities are its NER spans grouped by
``span.normalize``. Prints numbers; asserts nothing.

    python benchmarks/quality.py [--data ../shared/data/factru_dev.jsonl]
        [--challenge ../shared/data/challenge_names.jsonl] [--only newsnlp] [--misses]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from _score import natasha_groups, natasha_spans, prf
from razdel import tokenize

TYPES = ("PER", "LOC", "ORG")
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DEFAULT_DATA = SHARED_DATA / "factru_dev.jsonl"
DEFAULT_CHALLENGE = SHARED_DATA / "challenge_names.jsonl"

Span = tuple[int, int, str]


def read_docs(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def drop_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep the earliest-starting, then longest, of overlapping spans."""
    kept: list[Span] = []
    for start, stop, kind in sorted(spans, key=lambda span: (span[0], -(span[1] - span[0]))):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, stop, kind))
    return kept


def gold_spans(doc: dict) -> list[Span]:
    """Gold spans the naeval way: Person whole, Org its org_name parts, Location loc_name."""
    spans: list[Span] = []
    for mention in doc["mentions"]:
        source = mention["source_type"]
        if source == "Person":
            spans.append((mention["start"], mention["stop"], "PER"))
        elif source == "Org":
            spans += [(s, e, "ORG") for part, s, e in mention["parts"] if part == "org_name"]
        elif source in ("Location", "LocOrg"):
            spans += [(s, e, "LOC") for part, s, e in mention["parts"] if part == "loc_name"]
    spans = drop_overlaps(spans)
    starts = {token.start for token in tokenize(doc["text"])}
    stops = {token.stop for token in tokenize(doc["text"])}
    return [span for span in spans if span[0] in starts and span[1] in stops]


def token_tags(text: str, spans: list[Span]) -> list[str | None]:
    tags: list[str | None] = []
    for token in tokenize(text):
        tag = None
        for start, stop, kind in spans:
            if start <= token.start and token.stop <= stop:
                tag = kind
                break
        tags.append(tag)
    return tags


def ner_scores(docs: list[dict], predicted: list[list[Span]]) -> dict[str, float]:
    counts: Counter[tuple[str, str]] = Counter()
    for doc, spans in zip(docs, predicted):
        gold = token_tags(doc["text"], gold_spans(doc))
        pred = token_tags(doc["text"], drop_overlaps(spans))
        for g, p in zip(gold, pred):
            if g is not None and g == p:
                counts["tp", g] += 1
            else:
                if p is not None:
                    counts["fp", p] += 1
                if g is not None:
                    counts["fn", g] += 1
    scores = {}
    for kind in TYPES:
        tp, fp, fn = counts["tp", kind], counts["fp", kind], counts["fn", kind]
        scores[kind] = prf(tp, tp + fp, tp + fn)[2]
    return scores


def key(name: str) -> str:
    return name.lower().replace("ё", "е").strip()


def norm_scores(docs: list[dict], names: list[set[tuple[str, str]]]) -> dict[str, float]:
    """Share of PER / LOC gold entities whose name a predicted mention of that type has."""
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, predicted in zip(docs, names):
        predicted = {(kind, key(name)) for kind, name in predicted}
        for entity in doc["entities"]:
            if entity["type"] in ("PER", "LOC") and entity.get("name"):
                total[entity["type"]] += 1
                hit[entity["type"]] += (entity["type"], key(entity["name"])) in predicted
    return {kind: hit[kind] / total[kind] for kind in ("PER", "LOC")}


def run_newsnlp(
    texts: list[str],
) -> tuple[list[list[Span]], list[set[tuple[str, str]]], list[set[tuple[str, str]]]]:
    """Spans, each mention's normal form (the README's score), and the entities' names."""
    import newsnlp

    spans, names, mention_names = [], [], []
    for article in newsnlp.analyze_many(texts):
        doc_spans: list[Span] = []
        doc_names: set[tuple[str, str]] = set()
        doc_mentions: set[tuple[str, str]] = set()
        for kind, entities in (
            ("PER", article.people),
            ("LOC", article.places),
            ("ORG", article.organizations),
        ):
            for entity in entities:
                doc_names.add((kind, entity.name))
                doc_spans += [(m.start, m.stop, kind) for m in entity.mentions]
                doc_mentions |= {(kind, m.normal) for m in entity.mentions if m.normal}
        spans.append(doc_spans)
        names.append(doc_names)
        mention_names.append(doc_mentions)
    return spans, mention_names, names


def run_natasha(
    texts: list[str],
) -> tuple[list[list[Span]], list[set[tuple[str, str]]], list[set[tuple[str, str]]]]:
    """natasha's spans and per-span normal forms (it has no entities, so no names of its own)."""
    spans, names = [], []
    for found in natasha_spans(texts):
        spans.append([(start, stop, kind) for start, stop, kind, _, _ in found])
        names.append({(kind, normal) for _, _, kind, _, normal in found if normal})
    return spans, names, names


# an entity as the challenge scores it: type, names (name and aliases), mentions' offsets
Entity = tuple[str, frozenset[str], frozenset[tuple[int, int]]]


def newsnlp_entities(texts: list[str]) -> list[list[Entity]]:
    """newsnlp's people, places and organizations of each text."""
    import newsnlp

    found = []
    for article in newsnlp.analyze_many(texts):
        entities: list[Entity] = []
        for kind, records in (
            ("PER", article.people),
            ("LOC", article.places),
            ("ORG", article.organizations),
        ):
            for record in records:
                names = {record.name, *getattr(record, "aliases", ())}
                offsets = {(m.start, m.stop) for m in record.mentions}
                entities.append((kind, frozenset(names), frozenset(offsets)))
        found.append(entities)
    return found


def natasha_entities(texts: list[str]) -> list[list[Entity]]:
    """natasha's NER spans grouped by type and ``span.normalize`` (it has no entities)."""
    return [
        [(kind, frozenset({name}), frozenset(offsets)) for kind, name, _, offsets in groups]
        for groups in (natasha_groups(found, key) for found in natasha_spans(texts))
    ]


def challenge_scores(
    lines: list[dict], texts: list[str], entities: list[list[Entity]]
) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Per type (and "all"): (share of names right, share of mentions right); and the misses."""
    by_text = dict(zip(texts, entities))
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for line in lines:
        kind = line["type"]
        predicted = [e for e in by_text[line["text"]] if e[0] == kind]
        name_ok = any(key(line["name"]) in {key(n) for n in names} for _, names, _ in predicted)
        offsets = {o for _, _, found in predicted for o in found}
        mentions_ok = all(tuple(m) in offsets for m in line["mentions"])
        for group in (kind, "all"):
            total[group] += 1
            right[group, "name"] += name_ok
            right[group, "mentions"] += mentions_ok
        if not (name_ok and mentions_ok):
            got = sorted(n for _, names, _ in predicted for n in names)
            misses.append(
                f"{line['id']} {kind} {line['construction']}: {line['name']!r}"
                f"{'' if name_ok else ' NAME'}{'' if mentions_ok else ' MENTIONS'}; got {got}"
            )
    scores = {
        group: (right[group, "name"] / total[group], right[group, "mentions"] / total[group])
        for group in (*TYPES, "all")
        if total[group]
    }
    return scores, misses


def print_challenge(path: Path, only: str | None, show_misses: bool) -> None:
    """Print the challenge_names table: names and mentions right per type, both systems."""
    lines = read_docs(path)
    texts = list(dict.fromkeys(line["text"] for line in lines))
    print(f"\nchallenge_names: {len(lines)} entities in {len(texts)} texts ({path})")
    print("name: an entity of the type has the gold name (or alias); mentions: all gold mentions")
    groups = (*TYPES, "all")
    header = [f"{g} {part}" for part in ("name", "ment") for g in groups]
    print(f"{'system':<10}" + "".join(f"{h:>10}" for h in header))
    for name, run in (("natasha", natasha_entities), ("newsnlp", newsnlp_entities)):
        if only and only != name:
            continue
        scores, misses = challenge_scores(lines, texts, run(texts))
        figures = [scores[g][part] for part in (0, 1) for g in groups]
        print(f"{name:<10}" + "".join(f"{x:10.3f}" for x in figures))
        if show_misses:
            print("\n".join("  " + miss for miss in misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--challenge", type=Path, default=DEFAULT_CHALLENGE)
    parser.add_argument("--only", choices=("newsnlp", "natasha"))
    parser.add_argument("--misses", action="store_true", help="list challenge entities missed")
    args = parser.parse_args()
    docs = read_docs(args.data)
    texts = [doc["text"] for doc in docs]
    print(f"factRuEval-2016 dev: {len(docs)} articles ({args.data})")
    print(
        "norm: a predicted mention's normalized name (the README's score); name: the entity's "
        "one reported name ('Россия' for 'РФ'; natasha has no entities, so it repeats norm)"
    )
    header = ("PER F1", "LOC F1", "ORG F1", "PER norm", "LOC norm", "PER name", "LOC name", "sec")
    print(f"{'system':<10}" + "".join(f"{h:>9}" for h in header))
    for name, run in (("natasha", run_natasha), ("newsnlp", run_newsnlp)):
        if args.only and args.only != name:
            continue
        started = time.perf_counter()
        spans, mention_names, names = run(texts)
        seconds = time.perf_counter() - started
        ner = ner_scores(docs, spans)
        by_mention, by_name = norm_scores(docs, mention_names), norm_scores(docs, names)
        figures = (
            ner["PER"],
            ner["LOC"],
            ner["ORG"],
            by_mention["PER"],
            by_mention["LOC"],
            by_name["PER"],
            by_name["LOC"],
        )
        print(f"{name:<10}" + "".join(f"{x:9.3f}" for x in figures) + f"{seconds:9.1f}")
    print_challenge(args.challenge, args.only, args.misses)


if __name__ == "__main__":
    main()
