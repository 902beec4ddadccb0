"""Entity lists score: is ``article.people`` / ``article.places`` what a reader would list?

Scores exactly as the "Entity lists score" of ``../shared/data/README.md`` defines it, per type
(PER, LOC), on factRuEval-2016 dev (``factru_dev.jsonl``) and on the people and places of 45
real articles (``news/entities.jsonl``, per outlet and overall), newsnlp beside natasha's NER
spans grouped by their normal form (Segmenter, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
MorphVocab, ``span.normalize``). Prints P / R / F1 and the classes of error: split (a gold
entity tied to two or more predicted ones), merge (a predicted entity tied to two or more gold
ones), name (tied one to one, wrong name), spurious (tied to nothing), missed. Asserts nothing.

    python benchmarks/entities.py [--set factru|news|all] [--only newsnlp] [--show [CLASS]]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FACTRU = SHARED_DATA / "factru_dev.jsonl"
NEWS_DOCS = SHARED_DATA / "news" / "docs.jsonl"
NEWS_ENTITIES = SHARED_DATA / "news" / "entities.jsonl"
TYPES = ("PER", "LOC")
CLASSES = ("split", "merge", "name", "spurious", "missed")
# the kinds of a factRu mention's parts that tie it (the README's "pieces")
PIECE_KINDS = frozenset(
    {"loc_name", "org_name", "geo_adj", "surname", "name", "patronymic", "nickname"}
)


def key(name: str) -> str:
    """A name compared: lowercased, "ё" as "е", dots as spaces, spaces collapsed."""
    return " ".join(name.lower().replace("ё", "е").replace(".", " ").split())


@dataclass
class Gold:
    """A gold entity: its pieces (offset pairs) and what its name may be."""

    kind: str
    pieces: list[tuple[int, int]]
    label: str  # for reading
    names: set[str] = field(default_factory=set)  # place: any of them; person: exact names
    firsts: set[str] = field(default_factory=set)
    lasts: set[str] = field(default_factory=set)


@dataclass
class Predicted:
    """A predicted entity: its name, aliases and mentions' offsets."""

    kind: str
    name: str
    aliases: set[str]
    mentions: list[tuple[int, int]]


def name_right(pred: Predicted, gold: Gold) -> bool:
    """The README's rule: a place's name or an alias is a gold alternative; a person's name is
    "first [middle…] last" with any of the gold's values, the surname alone only when the gold
    has no first name, the first name alone only when it has no surname."""
    if gold.kind == "LOC":
        return any(key(name) in gold.names for name in {pred.name, *pred.aliases})
    name = key(pred.name)
    if name in gold.names:
        return True
    words = name.split()
    if not words:
        return False
    if len(words) == 1:
        if not gold.firsts and words[0] in gold.lasts:
            return True
        return not gold.lasts and words[0] in gold.firsts
    for first in gold.firsts:
        for last in gold.lasts:
            f, last_ = first.split(), last.split()
            if (
                len(words) >= len(f) + len(last_)
                and words[: len(f)] == f
                and words[len(words) - len(last_) :] == last_
            ):
                return True
    return False


def factru_gold(doc: dict) -> list[Gold]:
    """The PER and LOC entities of a factRu document, descriptor-only ones left out."""
    found = []
    for entity in doc["entities"]:
        if entity["type"] not in TYPES:
            continue
        attrs, alts = entity.get("attrs", {}), entity.get("alts", {})
        if not (
            entity.get("name")
            or attrs.get("name")
            or attrs.get("firstname")
            or attrs.get("lastname")
        ):
            continue
        pieces = []
        for index in entity["mentions"]:
            mention = doc["mentions"][index]
            parts = [(s, e) for kind, s, e in mention.get("parts", []) if kind in PIECE_KINDS]
            pieces += parts or [(mention["start"], mention["stop"])]
        gold = Gold(entity["type"], pieces, entity.get("name") or attrs.get("name", ""))
        if entity["type"] == "LOC":
            gold.names = {key(n) for n in alts.get("name", [])}
            if entity.get("name"):
                gold.names.add(key(entity["name"]))
        else:
            gold.names = {key(entity["name"])} if entity.get("name") else set()
            firsts = [n for k, v in alts.items() if k.startswith("firstname") for n in v]
            # "firstname" first: "firstname1" is a second given name ("Реджеп Тайип")
            gold.firsts = {key(n) for n in alts.get("firstname", [])} or {key(n) for n in firsts}
            gold.lasts = {key(n) for k, v in alts.items() if k.startswith("lastname") for n in v}
            if not gold.firsts and not gold.lasts:  # named by one word ("Рейган")
                gold.lasts = {key(n) for n in alts.get("name", [])}
        found.append(gold)
    return found


def news_gold(lines: list[dict]) -> list[Gold]:
    """The people and places of one news article."""
    found = []
    for line in lines:
        gold = Gold(line["type"], [tuple(m) for m in line["mentions"]], line["name"])
        gold.names = {key(line["name"])}
        if line["type"] == "LOC":
            gold.names |= {key(n) for n in line.get("alts", [])}
        else:
            gold.firsts = {key(line["first"])} if line.get("first") else set()
            gold.lasts = {key(line["last"])} if line.get("last") else set()
        found.append(gold)
    return found


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


@dataclass
class Tally:
    """Counts of one system on one set and type, and the error items for reading."""

    right: int = 0
    predicted: int = 0
    gold: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    items: list[tuple[str, str, str]] = field(default_factory=list)  # class, doc, what

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.predicted += other.predicted
        self.gold += other.gold
        self.classes.update(other.classes)
        self.items += other.items

    def prf(self) -> tuple[float, float, float]:
        from _score import prf

        return prf(self.right, self.predicted, self.gold)


def _quote(text: str, spans: list[tuple[int, int]], limit: int = 4) -> str:
    forms = []
    for start, stop in sorted(spans):
        form = text[start:stop]
        if form not in forms:
            forms.append(form)
    more = f" +{len(forms) - limit}" if len(forms) > limit else ""
    return "/".join(forms[:limit]) + more


def score_doc(doc_id: str, text: str, gold: list[Gold], pred: list[Predicted], kind: str) -> Tally:
    """The entity-lists score of one document for one type."""
    gold = [g for g in gold if g.kind == kind]
    pred = [p for p in pred if p.kind == kind]
    tally = Tally(predicted=len(pred), gold=len(gold))
    ties_of_pred: dict[int, set[int]] = defaultdict(set)
    ties_of_gold: dict[int, set[int]] = defaultdict(set)
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if any(_overlap(m, piece) for m in p.mentions for piece in g.pieces):
                ties_of_pred[i].add(j)
                ties_of_gold[j].add(i)
    for j, g in enumerate(gold):
        tied = ties_of_gold[j]
        if not tied:
            tally.classes["missed"] += 1
            tally.items.append(("missed", doc_id, f"{g.label!r} [{_quote(text, g.pieces)}]"))
        elif len(tied) > 1:
            tally.classes["split"] += 1
            names = ", ".join(repr(pred[i].name) for i in sorted(tied))
            tally.items.append(("split", doc_id, f"{g.label!r} -> {names}"))
    for i, p in enumerate(pred):
        tied = ties_of_pred[i]
        if not tied:
            tally.classes["spurious"] += 1
            tally.items.append(("spurious", doc_id, f"{p.name!r} [{_quote(text, p.mentions)}]"))
        elif len(tied) > 1:
            tally.classes["merge"] += 1
            names = ", ".join(repr(gold[j].label) for j in sorted(tied))
            tally.items.append(("merge", doc_id, f"{p.name!r} <- {names}"))
        else:
            (j,) = tied
            if len(ties_of_gold[j]) == 1:
                if name_right(p, gold[j]):
                    tally.right += 1
                else:
                    tally.classes["name"] += 1
                    tally.items.append(
                        (
                            "name",
                            doc_id,
                            f"{p.name!r} for {gold[j].label!r} [{_quote(text, p.mentions)}]",
                        )
                    )
    return tally


def newsnlp_entities(texts: list[str]) -> list[list[Predicted]]:
    """newsnlp's people and places of each text."""
    import newsnlp

    found = []
    for article in newsnlp.analyze_many(texts):
        entities = []
        for kind, records in (("PER", article.people), ("LOC", article.places)):
            for record in records:
                entities.append(
                    Predicted(
                        kind,
                        record.name,
                        set(getattr(record, "aliases", ()) or ()),
                        [(m.start, m.stop) for m in record.mentions],
                    )
                )
        found.append(entities)
    return found


def natasha_entities(texts: list[str]) -> list[list[Predicted]]:
    """natasha's PER and LOC spans grouped by type and ``span.normalize`` (its pipeline)."""
    from _score import natasha_groups, natasha_spans

    return [
        [Predicted(kind, name, set(), spans) for kind, _, name, spans in groups]
        for groups in (natasha_groups(found, key, TYPES) for found in natasha_spans(texts))
    ]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def load_sets(which: str) -> list[tuple[str, list[tuple[str, str, list[Gold]]]]]:
    """(set name, [(doc id, text, gold)]) for factRu dev and the news outlets."""
    sets = []
    if which in ("factru", "all"):
        docs = read_jsonl(FACTRU)
        sets.append(("factRu dev", [(d["id"], d["text"], factru_gold(d)) for d in docs]))
    if which in ("news", "all"):
        lines = read_jsonl(NEWS_ENTITIES)
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for line in lines:
            by_doc[line["doc"]].append(line)
        docs = {d["id"]: d for d in read_jsonl(NEWS_DOCS) if d["id"] in by_doc}
        outlets: dict[str, list[tuple[str, str, list[Gold]]]] = defaultdict(list)
        for doc_id in by_doc:
            doc = docs[doc_id]
            outlets[doc["outlet"]].append((doc_id, doc["text"], news_gold(by_doc[doc_id])))
        for outlet in sorted(outlets):
            sets.append((f"news {outlet}", outlets[outlet]))
    return sets


def evaluate(
    docs: list[tuple[str, str, list[Gold]]], predicted: list[list[Predicted]]
) -> dict[str, Tally]:
    tallies = {kind: Tally() for kind in TYPES}
    for (doc_id, text, gold), pred in zip(docs, predicted):
        for kind in TYPES:
            tallies[kind].add(score_doc(doc_id, text, gold, pred, kind))
    return tallies


def row(system: str, set_name: str, tallies: dict[str, Tally]) -> str:
    cells = [set_name, system]
    for kind in TYPES:
        p, r, f = tallies[kind].prf()
        classes = tallies[kind].classes
        cells.append(f"{p:.3f}/{r:.3f}/**{f:.3f}**")
        cells.append(" ".join(str(classes[c]) for c in CLASSES))
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("factru", "news", "all"), default="all")
    parser.add_argument("--only", choices=("newsnlp", "natasha"), default=None)
    parser.add_argument("--type", choices=TYPES, default=None, help="show errors of one type")
    parser.add_argument(
        "--show",
        nargs="?",
        const="all",
        default=None,
        help="print newsnlp's error items (of one class: split, merge, name, spurious, missed)",
    )
    args = parser.parse_args()
    systems = [s for s in ("newsnlp", "natasha") if args.only in (None, s)]
    runners = {"newsnlp": newsnlp_entities, "natasha": natasha_entities}
    sets = load_sets(args.set)
    print(
        "| set | system | PER P/R/F1 | PER split merge name spurious missed "
        "| LOC P/R/F1 | LOC split merge name spurious missed |"
    )
    print("|---|---|---|---|---|---|")
    shown: list[tuple[str, str, str, str]] = []
    for system in systems:
        news_total = {kind: Tally() for kind in TYPES}
        for set_name, docs in sets:
            tallies = evaluate(docs, runners[system]([text for _, text, _ in docs]))
            print(row(system, set_name, tallies), flush=True)
            if set_name.startswith("news"):
                for kind in TYPES:
                    news_total[kind].add(tallies[kind])
            if system == "newsnlp":
                for kind in TYPES:
                    if args.type in (None, kind):
                        shown += [(kind, *item) for item in tallies[kind].items]
        if args.set in ("news", "all"):
            print(row(system, "news all", news_total), flush=True)
    if args.show:
        for kind, cls, doc_id, what in sorted(shown, key=lambda x: (x[1], x[0], x[2])):
            if args.show in ("all", cls):
                print(f"{cls:8} {kind} {doc_id[:16]:16} {what}")


if __name__ == "__main__":
    main()
