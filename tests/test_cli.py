"""The newsnlp command line."""

import json
from pathlib import Path

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


def test_batch_turns_a_line_without_text_into_an_error_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "body": "x"}\n')
    target = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(target), "--quiet"]) == 1
    assert json.loads(target.read_text()) == {"id": 1, "line": 1, "error": 'no "text" field'}


def test_schema_command(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Article"
