"""README shows what the code prints: every ``>>>`` example of README.md (its ```pycon blocks)
is run, and what it prints must be what README shows."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)

# README's examples waiting for a fix elsewhere: a piece of the example's text -> the reason
PENDING: dict[str, str] = {}


def blocks() -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 2, match.group(1)) for match in BLOCK.finditer(text)
    ]


def cases() -> list[object]:
    found = []
    for line, block in blocks():
        marks = [
            pytest.mark.xfail(reason=reason, strict=False)
            for piece, reason in PENDING.items()
            if piece in block
        ]
        found.append(pytest.param(line, block, id=f"README.md:{line}", marks=marks))
    return found


def test_readme_has_its_examples() -> None:
    assert len(blocks()) >= 5


@pytest.mark.parametrize(("line", "block"), cases())
def test_readme_example_prints_what_readme_shows(line: int, block: str) -> None:
    pytest.importorskip("pandas") if "newsnlp.tables(" in block else None
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {}, f"README.md:{line}", str(README), line - 1)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
