"""Shared fixtures: the evaluation data in ../shared (present in CI, absent on a user's machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "omsk_china.txt"
DATA = SHARED / "data"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the ../shared evaluation data is only in CI / dev checkouts"
        )
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str):
    import newsnlp

    return newsnlp.analyze(seed_text)
