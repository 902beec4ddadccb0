"""People's posts (``Person.roles``) on the Occupation facts of factRuEval-2016 dev.

Gold: every Occupation fact with a ``Who`` and a ``Position`` (or ``Job``) argument gives a
(person, post) pair; a fact without a post (only ``Who`` and ``Where``: "plays for Ferrari")
is left out. An argument holds alternatives written ``"a | spanNNN b"``; the facts give
strings, not offsets, so they are tied to the text through the gold entities:

- the gold person is the PER entity whose name has the same words as ``Who`` (lowercased,
  "ё" as "е", any order), else the PER entity that has ``Who``'s first word (the surname, up
  to a case ending), else none (then only the name can match, see below);
- the post's *head* is the dictionary form (pymorphy3) of the first noun of the post phrase,
  hyphenated words whole ("заместителем министра" -> "заместитель", "Экс-премьера" ->
  "экс-премьер", "генеральный консул" -> "консул");
- the same (person, set of heads) in one document counts once.

Prediction: every role of every person of ``newsnlp.analyze(text).people`` is a (person,
head of ``role.title``) pair, once per document.

Matching: a predicted pair matches a gold pair of the same document when the heads are equal
(or equal one of the gold alternatives) and the persons are the same: one of our person's
mentions overlaps one of the gold person's mentions (when no gold entity was found: our
person's name has ``Who``'s first word). A gold pair is matched at most once.
Precision = matched / predicted, recall = matched / gold, F1 their harmonic mean.

Organization right: among the matched pairs whose fact has a ``Where``, the share whose
``organization`` names it: equal to one of the ``Where`` alternatives (lowercased, "ё" as
"е"; also with the lowercase words of its kind before the name left out: "движение Левый
фронт" is named "Левый фронт"), or it is the Article name of a place or organization one
of whose mentions lies in a mention of the gold ``Where`` entity and in no smaller gold
mention of another entity
(``"Совета Европы"``: the council, not Europe). Among matched pairs whose fact has no
``Where``, ``None`` is right.

    python benchmarks/roles.py [--data ../shared/data/factru_dev.jsonl] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _score import prf

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "factru_dev.jsonl"
POST_ARGS = ("Position", "Job")


def key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def alternatives(value: str) -> list[str]:
    """``"a | span123 b | c"`` -> ["a", "b", "c"]."""
    found = []
    for part in value.split("|"):
        words = part.split()
        if words and words[0].startswith("span") and words[0][4:].isdigit():
            words = words[1:]
        if words:
            found.append(" ".join(words))
    return found


_morph: Any = None


def head(phrase: str) -> str:
    """The dictionary form of the first noun of a post phrase (the first word if none)."""
    global _morph
    if _morph is None:
        import pymorphy3

        _morph = pymorphy3.MorphAnalyzer()
    words = [
        word for word in key(phrase).replace(".", " ").split() if word.isalpha() or "-" in word
    ]
    for word in words:
        parses = _morph.parse(word)
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        if noun is not None and parses[0].tag.POS not in ("ADJF", "PRTF"):
            return str(noun.normal_form)
    return words[0] if words else ""


def same_name_word(one: str, other: str) -> bool:
    """Two forms of a name word: equal, or one the other plus up to two letters."""
    short, long = sorted((key(one), key(other)), key=len)
    return len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 2


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class GoldPair:
    who: str
    spans: list[tuple[int, int]]
    heads: set[str]
    where: list[str]
    where_spans: list[tuple[int, int]] = field(default_factory=list)
    where_entity: int | None = None


def gold_person(doc: dict, who: str) -> int | None:
    words = sorted(key(who).split())
    people = [(n, e) for n, e in enumerate(doc["entities"]) if e["type"] == "PER"]
    for number, entity in people:
        if sorted(key(entity["name"]).split()) == words:
            return number
    first = key(who).split()[0]
    for number, entity in people:
        if any(same_name_word(first, word) for word in key(entity["name"]).split()):
            return number
    return None


def entity_spans(doc: dict, number: int) -> list[tuple[int, int]]:
    mentions = doc["mentions"]
    return [
        (mentions[m]["start"], mentions[m]["stop"]) for m in doc["entities"][number]["mentions"]
    ]


def gold_pairs(doc: dict) -> list[GoldPair]:
    pairs: dict[tuple[str, frozenset[str]], GoldPair] = {}
    for fact in doc["facts"]:
        if fact["type"] != "Occupation":
            continue
        args = fact["args"]
        posts = [
            alt for name in POST_ARGS for value in args.get(name, []) for alt in alternatives(value)
        ]
        if not posts or not args.get("Who"):
            continue
        who = alternatives(args["Who"][0])[0]
        number = gold_person(doc, who)
        spans = entity_spans(doc, number) if number is not None else []
        heads = frozenset(head(post) for post in posts)
        where = [alt for value in args.get("Where", []) for alt in alternatives(value)]
        pair_key = (str(number) if number is not None else key(who), heads)
        if pair_key in pairs:
            continue
        pair = GoldPair(who, spans, set(heads), where)
        keys = {key(alt) for alt in where}
        for n, entity in enumerate(doc["entities"]):
            if entity["type"] != "PER" and key(entity["name"]) in keys:
                pair.where_entity = n
                break
        pairs[pair_key] = pair
    return list(pairs.values())


def smallest_gold_entity(doc: dict, span: tuple[int, int]) -> int | None:
    """The gold non-person entity with the smallest mention containing ``span``."""
    best: tuple[int, int] | None = None
    for number, entity in enumerate(doc["entities"]):
        if entity["type"] == "PER":
            continue
        for start, stop in entity_spans(doc, number):
            if start <= span[0] and span[1] <= stop:
                size = stop - start
                if best is None or size < best[0]:
                    best = (size, number)
    return None if best is None else best[1]


def named(where: str) -> str:
    """A ``Where`` without the lowercase words of its kind before the name ("движение Левый
    фронт" -> "Левый фронт", "проект Mushroom works" -> "Mushroom works")."""
    words = where.split()
    while len(words) > 1 and words[0][:1].islower():
        words = words[1:]
    return " ".join(words)


def organization_right(doc: dict, article: Any, gold: GoldPair, organization: str | None) -> bool:
    if not gold.where:
        return organization is None
    if organization is None:
        return False
    if key(organization) in {key(alt) for alt in gold.where} | {
        key(named(alt)) for alt in gold.where
    }:
        return True
    if gold.where_entity is None:
        return False
    for record in (*article.places, *article.organizations):
        if record.name != organization:
            continue
        for mention in record.mentions:
            if smallest_gold_entity(doc, (mention.start, mention.stop)) == gold.where_entity:
                return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print misses and false posts")
    options = parser.parse_args()
    if not options.data.exists():
        raise SystemExit(f"{options.data}: no such file (the factRu dev data is in ../shared)")
    import newsnlp

    with options.data.open(encoding="utf-8") as file:
        docs = [json.loads(line) for line in file if line.strip()]
    articles = list(newsnlp.analyze_many([doc["text"] for doc in docs]))
    gold_total = predicted_total = matched = 0
    with_org = org_right = 0
    for doc, article in zip(docs, articles):
        golds = gold_pairs(doc)
        gold_total += len(golds)
        used: set[int] = set()
        predicted: dict[tuple[int, str], Any] = {}
        for number, person in enumerate(article.people):
            for role in person.roles:
                predicted.setdefault((number, head(role.title)), (person, role))
        predicted_total += len(predicted)
        for (_, role_head), (person, role) in predicted.items():
            spans = [(m.start, m.stop) for m in person.mentions]
            hit = None
            for index, gold in enumerate(golds):
                if index in used or role_head not in gold.heads:
                    continue
                if gold.spans:
                    same = any(overlaps(a, b) for a in spans for b in gold.spans)
                else:
                    first = key(gold.who).split()[0]
                    same = any(same_name_word(first, word) for word in person.name.split())
                if same:
                    hit = index
                    break
            if hit is None:
                if options.show:
                    print(
                        f"FALSE {doc['id']}: {person.name} — {role.title} / {role.organization}"
                        f" [{role.text}]"
                    )
                continue
            used.add(hit)
            matched += 1
            gold = golds[hit]
            with_org += 1
            right = organization_right(doc, article, gold, role.organization)
            org_right += right
            if options.show and not right:
                print(
                    f"ORG {doc['id']}: {person.name} — {role.title}: {role.organization!r}"
                    f" vs {gold.where}"
                )
        if options.show:
            for index, gold in enumerate(golds):
                if index not in used:
                    print(f"MISS {doc['id']}: {gold.who} — {sorted(gold.heads)} / {gold.where}")
    precision, recall, f1 = prf(matched, predicted_total, gold_total)
    print(
        f"documents {len(docs)}, gold pairs {gold_total}, predicted {predicted_total}, "
        f"matched {matched}"
    )
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    share = org_right / with_org if with_org else 0.0
    print(f"organization right {org_right}/{with_org} = {share:.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
