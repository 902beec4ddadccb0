"""The newsnlp command line."""

import json
from pathlib import Path

import pytest

from newsnlp.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


def test_analyze_prints_summary(capsys) -> None:
    assert main(["analyze", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Андрей Травников" in out
    assert "'12 %': 12%, change, up, subject: товарооборот" in out


def test_analyze_json_from_stdin(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Цены снизились на 4%."))
    assert main(["analyze", "-", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["percentages"][0]["direction"] == "down"


def test_analyze_resolves_against_published(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Вчера билет подорожал до 70 рублей."))
    assert main(["analyze", "-", "--published", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "'Вчера': date, year=2026, month=11, day=30" in out
    assert "'70 рублей': 70 RUB, level" in out


def test_analyze_rejects_a_bad_published_date(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Текст."))
    with pytest.raises(SystemExit):
        main(["analyze", "-", "--published", "первое декабря"])
    assert "ISO date" in capsys.readouterr().err


def test_batch_writes_one_line_per_record(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "Экспорт вырос на 9%."}, {"id": 7, "text": "Иван Петров в Омске."}]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    target = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(target), "--quiet"]) == 0
    results = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["id"] for r in results] == ["a", 7]
    assert results[0]["percentages"][0]["value"] == 9.0
    assert results[1]["people"][0]["name"] == "Иван Петров"


def test_batch_rejects_a_line_without_text(tmp_path: Path) -> None:
    import pytest

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "body": "x"}\n')
    with pytest.raises(SystemExit, match='in.jsonl:1: expected an object with a "text" string'):
        main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--quiet"])


def test_schema_command(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Article"
