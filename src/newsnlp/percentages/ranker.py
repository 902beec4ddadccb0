"""The learned subject chooser: a linear ranker over the candidate nouns of a figure.

The rules (``reading``, ``subjects``, ``levels``, ``anaphora``) propose one subject per figure;
on real news they miss one time in six, mostly where the subject stands in another clause,
before the figure's sentence, or beside a nearer noun. The chooser lists the candidates (the
nouns, pronouns and nouns-by-use of the figure's sentence and of the sentence before, and the
rules' choice), describes each by features of the parse (dependency relation and the path to
the figure and the predicate, case, agreement with the predicate, distance in words and clause
marks, same or previous sentence, the lexicons, whether the rules chose it, which rule read the
figure and which completed it, the lemma) and by its lemma's navec news embedding (the one the
pipeline's slovnet models hold), and scores them with weights learned from
``../shared/data/news/`` and ``challenge_percent.jsonl`` by ``models/train_percent_subjects.py``
(a conditional logit: one softmax over a figure's candidates; hashed weights plus a weight
vector over the embedding per figure kind, predicate class and "the rules' choice"). Where the
rules found no subject it takes the best candidate outside a prepositional phrase; where they
found one it keeps it, unless the model has a margin (the shipped one has none: reviewing at
0.25 gained 0.003 in CV for +23 % of the time on news); then a candidate that outscores it by
the margin replaces it, but it does not review a subject that is the rules' by a mechanism
(:func:`rules_keep`: carried from the figures before, across a ";", ":", dash or relative
word, from a sentence before, the predicate's nominal subject). 5 folds by article on the
rules of round 28: news subject 0.889 rules alone, 0.894 filling in only (shipped), 0.897
reviewing at margin 0.25 (challenge 0.993 in CV throughout).

Scoring is plain Python over hashed feature names (``zlib.crc32``: the same on every run and
machine) and one numpy dot product per candidate; the weights are a small JSON file,
``models/percent_subjects.json`` (about 180 KB), read once.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from .candidates import _PRIMARY, _SECONDARY, FREE, Candidate, Features, Memo, candidates
from .figures import Figure

MODEL_NAME = "percent_subjects.json"

__all__ = [
    "FREE",
    "KEPT_MARKS",
    "MODEL_NAME",
    "Candidate",
    "Features",
    "Memo",
    "Ranker",
    "candidates",
    "default_ranker",
    "dense_contexts",
    "model_path",
    "rules_keep",
    "word_vector",
]

DIM = 300  # the navec news embedding's dimension


def dense_contexts(candidate: Candidate) -> tuple[str, ...]:
    """The names of the dense weight vectors a candidate's word embedding is scored with: one
    for every candidate, one for the figure's kind, one for the rules' choice."""
    context = candidate.features.context
    kind = context[0] if context else "k=?"
    verb = next((c for c in context if c.startswith("pcls=")), "pcls=none")
    return ("all", kind, verb, "rule") if candidate.rule else ("all", kind, verb)


def rules_keep(names: Iterable[str]) -> bool:
    """Whether the rules' choice (its feature names) is theirs by a mechanism the ranker does
    not overrule: a subject completed from the figures before (``carried=``), taken across a
    ";", a ":", a dash or a relative "что"/"который" (:data:`KEPT_MARKS`: "41 % из них" after a
    ";", "что превышает показатель на 14 %", "близок к Чехии и Польше — 3,1 и 3,4 %
    соответственно") or from a sentence before ("prev", "far"), or the nominal subject of the
    figure's predicate ("of_pred=nsubj": in CV the ranker never bettered it). Across a bracket
    or "а"/"но" the ranker may overrule it."""
    return any(n.startswith("carried=") or n in _KEPT for n in names)


KEPT_MARKS = frozenset(("btw=semi", "btw=colon", "btw=dash", "btw=rel"))
_KEPT = frozenset(("prev", "far", "of_pred=nsubj")) | KEPT_MARKS


_VECTORS: dict[str, np.ndarray] = {}


def word_vector(lemma: str) -> np.ndarray:
    """The navec news embedding of a lemma scaled to length 1 (zeros for a word navec lacks);
    navec is the embedding the pipeline's slovnet models already hold in memory."""
    found = _VECTORS.get(lemma)
    if found is None:
        from ..resources import navec

        vector = navec().get(lemma)
        if vector is None:
            found = np.zeros(DIM)
        else:
            vector = np.asarray(vector, dtype=np.float64)
            found = vector / (float(np.linalg.norm(vector)) or 1.0)
        if len(_VECTORS) < 100_000:
            _VECTORS[lemma] = found
    return found


class Ranker:
    """Linear weights over hashed feature names; ``margin``: how much a candidate must outscore
    the rules' choice to replace it (None: never; the ranker only chooses where the rules found
    nothing)."""

    def __init__(
        self,
        weights: list[float],
        margin: float | None,
        dense: dict[str, list[float]] | None = None,
    ) -> None:
        if not weights:
            raise ValueError("a ranker needs at least one weight")
        self.weights = weights
        self.dense = {name: np.asarray(v, dtype=np.float64) for name, v in (dense or {}).items()}
        for name, vector in self.dense.items():
            if vector.shape != (DIM,):
                raise ValueError(f"dense weights {name!r} have shape {vector.shape}, not ({DIM},)")
        self.size = len(weights)
        self.margin = None if margin is None else float(margin)
        self._weights: dict[str, float] = {}
        self._crossed: dict[tuple[str, str], float] = {}
        self._combined: dict[tuple[tuple[str, ...], str], float] = {}

    def index(self, name: str) -> int:
        """The weight index of a feature name (crc32 modulo the size)."""
        return zlib.crc32(name.encode("utf-8")) % self.size

    def weight(self, name: str) -> float:
        """The weight of a feature name (kept once looked up)."""
        found = self._weights.get(name)
        if found is None:
            found = self.weights[self.index(name)]
            if len(self._weights) < 200_000:
                self._weights[name] = found
        return found

    def crossed(self, context: str, name: str) -> float:
        """The weight of a context feature crossed with a candidate's (kept once looked up)."""
        found = self._crossed.get((context, name))
        if found is None:
            found = self.weights[self.index(f"{context}&{name}")]
            if len(self._crossed) < 200_000:
                self._crossed[(context, name)] = found
        return found

    def score(self, features: Features | Iterable[str]) -> float:
        """The score of one candidate (its :class:`Features`, or all its feature names)."""
        if not isinstance(features, Features):
            return sum(self.weights[self.index(name)] for name in features)
        weight, combined, context = self.weight, self._combined, features.context
        total = sum(weight(o) for o in features.plain)
        for o in features.crossed:
            value = combined.get((context, o))
            if value is None:  # the feature's weight and those of its crosses, kept
                secondary = o.startswith(_SECONDARY)
                value = weight(o) + sum(
                    self.crossed(c, o) for c in context if secondary or c.startswith(_PRIMARY)
                )
                if len(combined) < 200_000:
                    combined[(context, o)] = value
            total += value
        return total

    def dense_score(self, candidate: Candidate) -> float:
        """The score of a candidate's word embedding (its lemma's) under its dense contexts."""
        if not self.dense:
            return 0.0
        weights = [self.dense[c] for c in dense_contexts(candidate) if c in self.dense]
        if not weights:
            return 0.0
        return float(word_vector(candidate.token.lemma_.lower()) @ sum(weights))

    def total(self, candidate: Candidate) -> float:
        """A candidate's whole score: its hashed features and its word embedding."""
        return self.score(candidate.features) + self.dense_score(candidate)

    def choose(self, found: list[Candidate], figure: Figure | None = None) -> Token | None:
        """The best candidate; the rules' choice unless another outscores it by the margin.
        Where the rules found nothing, the best candidate outside a prepositional phrase (one
        in a phrase is hardly ever the subject: "36 % отзывались о чиновниках")."""
        rule = next((n for n, c in enumerate(found) if c.rule), None)
        if rule is not None and self.margin is None:
            return found[rule].subject
        if rule is not None:
            kept = found[rule].features
            if rules_keep((*kept.crossed, *kept.plain, *kept.context)):
                return found[rule].subject
        if rule is None:  # with no subject from the rules, only a noun outside a preposition
            found = [c for c in found if c.free]
        if not found:
            return None
        scores = [self.total(c) for c in found]
        best = max(range(len(found)), key=lambda n: (scores[n], -n))
        if rule is not None and scores[best] - scores[rule] < (self.margin or 0.0):
            return found[rule].subject
        return found[best].subject

    @classmethod
    def from_file(cls, path: Path) -> Ranker:
        """The ranker saved by ``models/train_percent_subjects.py`` (``ValueError`` when the
        file is not one)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "weights" not in data:
            raise ValueError(f"{path} is not a percent subject model (no 'weights')")
        size = int(data["size"])
        weights = [0.0] * size
        for index, value in data["weights"].items():
            weights[int(index)] = float(value)
        margin = data.get("margin")
        return cls(weights, None if margin is None else float(margin), data.get("dense"))

    @property
    def reranks(self) -> bool:
        """Whether it may replace a subject the rules found (else it is asked only where they
        found none)."""
        return self.margin is not None


def model_path() -> Path | None:
    """The shipped model file (beside the package in a wheel, or in the source tree), if any."""
    here = Path(__file__)
    for path in (
        here.parents[1] / "models" / MODEL_NAME,
        here.resolve().parents[3] / "models" / MODEL_NAME,
    ):
        if path.is_file():
            return path
    return None


@cache
def default_ranker() -> Ranker | None:
    """The shipped ranker, read once; None when the model file is absent."""
    path = model_path()
    return Ranker.from_file(path) if path is not None else None
