"""Train the percentage subject ranker (``models/percent_subjects.json``) from ../shared/data/news/.

For each percentage of the news articles the pipeline reads (rules as shipped), the candidate
subjects of :mod:`newsnlp.percentages.ranker` are listed with their features, and each is
labelled right when the lemma the fact would carry with it (``subject_phrase``, a person's
surname) is in the gold ``subject`` list: the matching of ``benchmarks/percentages.py``
(a gold fact takes the first predicted fact whose span overlaps it). A conditional logit (one
softmax over a figure's candidates, L2 penalty) is fitted by plain full-batch gradient descent
in numpy: no randomness, the same weights on every run.

    python models/train_percent_subjects.py              # train on all of news/, write the model
    python models/train_percent_subjects.py --cv         # 5 folds by article: rules vs ranker
    python models/train_percent_subjects.py --docs 20 --out /tmp/m.json   # a quick subset

``--cv`` trains on four folds of articles (each outlet split evenly, in id order) and scores
the fifth, per outlet: every ranker figure it prints is on articles the model did not see.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsnlp.percentages.ranker import DIM, FREE, dense_contexts, rules_keep, word_vector

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "models" / "percent_subjects.json"
sys.path.insert(0, str(ROOT / "benchmarks"))

SIZE = 1 << 14  # hashed feature space
L2 = 10.0
DENSE_L2 = 1.0  # the penalty on the word embedding's weights (lighter: few, dense)
STEPS = 300
RATE = 2.0
# None: the ranker only fills in where the rules found no subject. Reviewing the rules' subject
# (a margin of 0.25) gained 0.003 news subject in CV for +23 % of the analysis time on news.
MARGIN: float | None = None
CHALLENGE_WEIGHT = 1.0
FOLDS = 5


def index(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % SIZE


class Recorder:
    """A chooser that keeps the rules' choice and records every figure's candidates."""

    reranks = True  # asked where the rules found a subject too
    every_figure = True  # even where the ranker would keep it (``ranker.rules_keep``)

    def __init__(self, people) -> None:
        self.people = people
        self.figures: list[list[tuple[tuple[str, ...], str, bool]]] = []
        self.words: list[tuple[str, list[tuple[str, int]]]] = []  # for reading the misses
        self.dense: list[list[tuple[str, tuple[str, ...]]]] = []  # lemma, dense contexts

    def choose(self, found, figure):

        rows = []
        for candidate in found:
            rows.append(
                (
                    tuple(candidate.names()),
                    lemma_of(candidate.subject, figure, self.people),
                    candidate.rule,
                )
            )
        self.figures.append(rows)
        self.dense.append([(c.token.lemma_.lower(), dense_contexts(c)) for c in found])
        self.words.append(
            (figure.first.sent.text, [(c.token.text, c.token.i - figure.first.i) for c in found])
        )
        return next((c.subject for c in found if c.rule), None)


def lemma_of(token, figure, people) -> str:
    """The lemma the fact would carry with this subject (as ``facts.percentage`` sets it)."""
    from newsnlp.percentages.reading import subject_phrase

    phrase = subject_phrase(token, figure)
    lemma = phrase.lemma
    if token.pos_ == "PROPN" and people is not None:
        lemma = people.surname(phrase.start, phrase.stop) or lemma
    return lemma


def extract(data: Path, limit: int | None, challenge: bool = True) -> list[dict]:
    """One row per gold fact of news/ (and of challenge_percent, its "outlet" "challenge"): its
    doc, outlet, whether the rules' value and kind are right, and its candidates (features,
    label) with the rules' choice marked."""
    from percentages import load_challenge, load_news

    gold, texts, outlets = load_news(data)
    rows = _extract(gold, texts, outlets, limit)
    if challenge:
        gold, texts = load_challenge(data)
        rows += _extract(gold, texts, dict.fromkeys(texts, "challenge"), limit)
    return rows


def _extract(
    gold: list[dict], texts: dict[str, str], outlets: dict[str, str], limit: int | None
) -> list[dict]:
    from percentages import checks, key, overlaps

    from newsnlp.extensions import get_data
    from newsnlp.percentages.facts import PeopleIndex, iter_percentages
    from newsnlp.pipeline import default_pipeline

    ids = sorted(texts)
    if limit:
        ids = [i for n, i in enumerate(ids) if n % max(1, len(ids) // limit) == 0][:limit]
    nlp = default_pipeline()
    rows = []
    for doc_id, doc in zip(ids, nlp.pipe([texts[i] for i in ids])):
        recorder = Recorder(PeopleIndex(get_data(doc, "people") or ()))
        facts = [fact.model_dump() for fact in iter_percentages(doc, chooser=recorder)]
        assert len(facts) == len(recorder.figures), doc_id
        for fact in (f for f in gold if f["doc"] == doc_id):
            matched = [n for n, pred in enumerate(facts) if overlaps(fact, pred)]
            if not matched:
                continue
            n = matched[0]
            result = checks(fact, facts[n])
            wanted = {key(item) for item in fact["subject"]}
            candidates = [
                (names, key(lemma) in wanted and bool(lemma), rule)
                for names, lemma, rule in recorder.figures[n]
            ]
            rows.append(
                {
                    "doc": doc_id,
                    "outlet": outlets[doc_id],
                    "value": result["value"],
                    "kind": result["kind+direction"],
                    "rule_right": result["subject"],
                    "candidates": candidates,
                    "lemmas": [lemma for _, lemma, _ in recorder.figures[n]],
                    "gold": fact["subject"],
                    "sentence": recorder.words[n][0],
                    "words": recorder.words[n][1],
                    "dense": recorder.dense[n],
                    "text": fact["text"],
                }
            )
    return rows


def matrix(rows: list[dict]):
    """The candidates of every row as hashed indices: flat index array, the owner candidate of
    each index, the owner row of each candidate, labels and rule marks."""
    flat, owner, group, label, rule = [], [], [], [], []
    c = 0
    for r, row in enumerate(rows):
        for names, right, is_rule in row["candidates"]:
            flat.extend(index(name) for name in names)
            owner.extend([c] * len(names))
            group.append(r)
            label.append(right)
            rule.append(is_rule)
            c += 1
    return (
        np.array(flat, dtype=np.int64),
        np.array(owner, dtype=np.int64),
        np.array(group, dtype=np.int64),
        np.array(label, dtype=bool),
        np.array(rule, dtype=bool),
    )


def dense_matrix(rows: list[dict], names: list[str]):
    """The word embedding of every candidate (a row per candidate) and, per dense context of
    ``names``, the candidates scored with it."""
    vectors, members = [], {name: [] for name in names}
    for row in rows:
        for lemma, contexts in row["dense"]:
            for context in contexts:
                if context in members:
                    members[context].append(len(vectors))
            vectors.append(word_vector(lemma))
    matrix_ = np.array(vectors) if vectors else np.zeros((0, DIM))
    return matrix_, {name: np.array(m, dtype=np.int64) for name, m in members.items()}


def context_names(rows: list[dict]) -> list[str]:
    """The dense contexts met in the rows, sorted (the same order on every run)."""
    return sorted({c for row in rows for _, contexts in row["dense"] for c in contexts})


def scores(weights, flat, owner, count):
    return np.bincount(owner, weights=weights[flat], minlength=count)


def fit(
    rows: list[dict],
    l2: float = L2,
    steps: int = STEPS,
    rate: float = RATE,
    challenge: float = CHALLENGE_WEIGHT,
    dense_l2: float = DENSE_L2,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The weights of a conditional logit over each row's candidates (rows with no right
    candidate teach nothing and are left out), by full-batch gradient descent with Adam: the
    hashed features' weights and a weight vector over the word embedding per dense context."""
    rows = [row for row in rows if any(right for _, right, _ in row["candidates"])]
    flat, owner, group, label, _ = matrix(rows)
    names = context_names(rows)
    vectors, members = dense_matrix(rows, names)
    count, groups = len(group), len(rows)
    params = np.zeros(SIZE + len(names) * DIM)
    m, v = np.zeros_like(params), np.zeros_like(params)
    # a challenge fact counts ``challenge`` times a news fact (its constructions are few)
    share = np.array([challenge if row.get("outlet") == "challenge" else 1.0 for row in rows])
    share = share / share.mean()
    for step in range(1, steps + 1):
        weights = params[:SIZE]
        dense = params[SIZE:].reshape(len(names), DIM)
        s = scores(weights, flat, owner, count)
        projected = vectors @ dense.T if names else np.zeros((count, 0))
        for k, name in enumerate(names):
            s[members[name]] += projected[members[name], k]
        top = np.full(groups, -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        z = np.bincount(group, weights=e, minlength=groups)
        p = e / z[group]
        # loss: -log sum_{right} p  →  gradient on scores: p - p_right / sum p_right
        p_right = np.where(label, p, 0.0)
        mass = np.bincount(group, weights=p_right, minlength=groups)
        grad_s = share[group] * (p - p_right / mass[group]) / groups
        grad = np.bincount(flat, weights=grad_s[owner], minlength=SIZE) + l2 * weights / groups
        grad_dense = (
            np.array([grad_s[members[name]] @ vectors[members[name]] for name in names]).reshape(
                len(names), DIM
            )
            + dense_l2 * dense / groups
        )
        grad = np.concatenate([grad, grad_dense.ravel()])
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        params -= rate * 0.01 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    dense = params[SIZE:].reshape(len(names), DIM)
    return params[:SIZE], {name: dense[k] for k, name in enumerate(names)}


def choose(
    rows: list[dict], model: tuple[np.ndarray, dict[str, np.ndarray]], margin: float | None
) -> list[bool]:
    """For each row, whether the chosen candidate is right (the rules' choice unless one
    outscores it by ``margin``, None: the rules' choice wherever there is one; the rules' choice
    too where :func:`rules_keep` keeps it; a row with no candidate is wrong)."""
    weights, dense = model
    margin = float("inf") if margin is None else margin
    out = []
    for row in rows:
        cands = [(*c, d) for c, d in zip(row["candidates"], row["dense"])]
        if not any(c[2] for c in cands):  # as Ranker.choose: no rule, no prepositional phrase
            cands = [c for c in cands if FREE in c[0]]
        if not cands:
            out.append(False)
            continue
        rule = next((n for n, c in enumerate(cands) if c[2]), None)
        if rule is not None and rules_keep(cands[rule][0]):  # as Ranker.choose
            out.append(bool(cands[rule][1]))
            continue
        s = []
        for names, _, _, (lemma, contexts) in cands:
            total = sum(weights[index(n)] for n in names)
            vectors = [dense[c] for c in contexts if c in dense]
            if vectors:
                total += float(word_vector(lemma) @ sum(vectors))
            s.append(total)
        best = max(range(len(cands)), key=lambda n: (s[n], -n))
        if rule is not None and s[best] - s[rule] < margin:
            best = rule
        out.append(bool(cands[best][1]))
    return out


def folds(rows: list[dict]) -> dict[str, int]:
    """Fold of each article: each outlet's articles in id order, dealt round-robin."""
    by_outlet = defaultdict(list)
    for doc, outlet in sorted({(row["doc"], row["outlet"]) for row in rows}):
        by_outlet[outlet].append(doc)
    return {doc: n % FOLDS for docs in by_outlet.values() for n, doc in enumerate(docs)}


def table(rows: list[dict], right: list[bool], label: str) -> None:
    outlets = sorted({row["outlet"] for row in rows} - {"challenge"}) + ["news"]
    if any(row["outlet"] == "challenge" for row in rows):
        outlets.append("challenge")
    cells = []
    for outlet in outlets:
        picked = [
            (row, ok)
            for row, ok in zip(rows, right)
            if outlet == row["outlet"] or (outlet == "news" and row["outlet"] != "challenge")
        ]
        subject = sum(ok for _, ok in picked) / len(picked)
        allright = sum(ok and row["value"] and row["kind"] for row, ok in picked) / len(picked)
        cells.append(f"{outlet} {subject:.3f}/{allright:.3f}")
    print(f"{label:<22}" + "  ".join(cells))


def cross_validate(rows: list[dict], margins: list[float], l2: float, dense_l2: float) -> None:
    fold = folds(rows)
    table(rows, [row["rule_right"] for row in rows], "rules")
    reach = [any(right for _, right, _ in row["candidates"]) for row in rows]
    table(rows, reach, "candidates (oracle)")
    predicted = {margin: [False] * len(rows) for margin in margins}
    for k in range(FOLDS):
        train = [row for row in rows if fold[row["doc"]] != k]
        test = [n for n, row in enumerate(rows) if fold[row["doc"]] == k]
        model = fit(train, l2=l2, dense_l2=dense_l2)
        for margin in margins:
            for n, ok in zip(test, choose([rows[n] for n in test], model, margin)):
                predicted[margin][n] = ok
    for margin in margins:
        label = "ranker CV fill only" if margin == float("inf") else f"ranker CV margin {margin:g}"
        table(rows, predicted[margin], label)


def save(
    model: tuple[np.ndarray, dict[str, np.ndarray]],
    margin: float | None,
    path: Path,
    rows: list[dict],
    dense_l2: float = DENSE_L2,
) -> None:
    weights, dense = model
    kept = {str(i): round(float(w), 5) for i, w in enumerate(weights) if abs(w) >= 1e-5}
    model = {
        "model": "percent subject ranker: conditional logit over hashed features",
        "trained_on": ", ".join(
            f"{name} ({len({r['doc'] for r in part})} texts, {len(part)} facts)"
            for name, part in (
                ("../shared/data/news/", [r for r in rows if r["outlet"] != "challenge"]),
                (
                    "../shared/data/challenge_percent.jsonl",
                    [r for r in rows if r["outlet"] == "challenge"],
                ),
            )
            if part
        ),
        "script": "models/train_percent_subjects.py",
        "size": SIZE,
        "margin": margin,
        "l2": L2,
        "dense_l2": dense_l2,
        "steps": STEPS,
        "weights": kept,
        "dense": {name: [round(float(w), 5) for w in vector] for name, vector in dense.items()},
        "embedding": "navec news (natasha), the candidate's lemma, scaled to length 1",
    }
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cv", action="store_true", help="5 folds by article, print scores")
    parser.add_argument("--docs", type=int, default=None, help="train on this many articles")
    parser.add_argument("--cache", type=Path, default=None, help="keep the candidates here")
    parser.add_argument(
        "--margin",
        type=float,
        default=MARGIN,
        help="let the ranker replace the rules' subject when it outscores it by this much "
        "(default: never, it fills in only where the rules found none; --cv prints each)",
    )
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--dense-l2", type=float, default=DENSE_L2)
    parser.add_argument(
        "--news-only", action="store_true", help="leave challenge_percent out of training"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.cache is not None and args.cache.is_file():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = extract(args.data, args.docs, not args.news_only)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(rows))
    print(
        f"{len(rows)} facts, {sum(len(r['candidates']) for r in rows)} candidates "
        f"({time.perf_counter() - started:.1f} s)"
    )
    if args.cv:
        margins = {0.0, 0.25, 0.5, 1.0, float("inf")}
        if args.margin is not None:
            margins.add(args.margin)
        cross_validate(rows, sorted(margins), args.l2, args.dense_l2)
        return
    model = fit(rows, l2=args.l2, dense_l2=args.dense_l2)
    save(model, args.margin, args.out, rows, args.dense_l2)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
