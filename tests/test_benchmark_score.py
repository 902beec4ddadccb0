"""benchmarks/_score.py: the precision / recall / F1 and natasha grouping the benchmarks share."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "_score.py"
_SPEC = importlib.util.spec_from_file_location("benchmarks_score", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
_score = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_score)
f1, natasha_groups, prf = _score.f1, _score.natasha_groups, _score.prf


def test_prf_of_counts() -> None:
    assert prf(3, 4, 6) == (0.75, 0.5, 0.6)
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert f1(0.0, 0.0) == 0.0


def test_an_empty_share_counts_as_the_scorer_says() -> None:
    # pages.py: a page that lists no person and finds none is right on people
    assert prf(0, 0, 0, empty=1.0) == (1.0, 1.0, 1.0)
    assert prf(0, 0, 2, empty=1.0) == (1.0, 0.0, 0.0)


def test_natasha_spans_are_grouped_by_type_and_normal_form() -> None:
    spans = [
        (0, 5, "PER", "Ивана", "Иван"),
        (10, 14, "LOC", "Омск", "Омск"),
        (20, 24, "PER", "Иван", "Иван"),
        (30, 35, "ORG", "ООН", None),
    ]
    assert natasha_groups(spans, str.lower) == [
        ("PER", "иван", "Иван", [(0, 5), (20, 24)]),
        ("LOC", "омск", "Омск", [(10, 14)]),
        ("ORG", "оон", "ООН", [(30, 35)]),
    ]
    assert [group[0] for group in natasha_groups(spans, str.lower, ("LOC",))] == ["LOC"]
