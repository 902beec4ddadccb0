"""``newsnlp batch`` loses nothing: a bad line is one error line and the good ones are written;
an input it cannot read at all is one line on stderr (exit 2), never a traceback."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsnlp
from newsnlp.cli import main

GOOD = [
    {"id": "a", "text": "Экспорт Омской области вырос на 9%."},
    {"id": "b", "text": "Иван Петров приехал в Тверь."},
]
# (the raw line, the error line it must become); ids default to the line number
BAD = [
    ('{"id": "x", "text": "Обрыв', {"line": 2, "id": 2}, "not a JSON line: "),
    ('{"id": "y", "body": "Текст"}', {"line": 3, "id": "y"}, 'no "text" field'),
    ('{"id": "z", "text": null}', {"line": 4, "id": "z"}, '"text" must be a string, got null'),
    ('{"text": ["Цены"]}', {"line": 5, "id": 5}, '"text" must be a string, got an array'),
    ('{"text": 12}', {"line": 6, "id": 6}, '"text" must be a string, got a number'),
    ('"просто строка"', {"line": 7, "id": 7}, "expected a JSON object, got a string"),
]


def corpus_lines() -> list[str]:
    good = [json.dumps(record, ensure_ascii=False) for record in GOOD]
    return [good[0], *(line for line, _, _ in BAD), "", good[1]]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["batch", *args, "--quiet"])
    return status, capsys.readouterr().err


def read_results(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def check_results(results: list[dict[str, object]]) -> None:
    assert [result["id"] for result in results] == ["a", *(bad["id"] for _, bad, _ in BAD), "b"]
    good = [results[0], results[-1]]
    assert good[0]["percentages"][0]["value"] == 9.0  # type: ignore[index]
    assert good[1]["people"][0]["name"] == "Иван Петров"  # type: ignore[index]
    for result, (_, bad, message) in zip(results[1:-1], BAD):
        assert set(result) == {"id", "line", "error"}
        assert result["line"] == bad["line"]
        assert str(result["error"]).startswith(message)


def test_bad_lines_become_error_lines_and_good_lines_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    status, err = run([str(source), "-o", str(target), "--batch-size", "1"], capsys)
    assert status == 1  # some lines failed
    assert err.strip() == f'newsnlp batch: {len(BAD)} line(s) failed; see their "error"'
    check_results(read_results(target))


def test_a_text_the_pipeline_fails_on_is_an_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "Цены \\ud800"}\n{"id": 2, "text": "Омск."}\n')
    target = tmp_path / "out.jsonl"
    assert run([str(source), "-o", str(target)], capsys)[0] == 1
    first, second = read_results(target)
    assert first["line"] == 1 and "lone surrogate" in str(first["error"])
    assert second["places"][0]["name"] == "Омск"  # type: ignore[index]


def test_gzip_input_and_a_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n".join(corpus_lines()) + "\n"
    packed = tmp_path / "in.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as file:
        file.write("\ufeff" + text)
    target = tmp_path / "out.jsonl"
    assert run([str(packed), "-o", str(target)], capsys)[0] == 1
    check_results(read_results(target))

    marked = tmp_path / "bom.jsonl"
    marked.write_text("\ufeff" + json.dumps(GOOD[1], ensure_ascii=False) + "\n", "utf-8")
    assert run([str(marked), "-o", str(target)], capsys)[0] == 0
    assert read_results(target)[0]["id"] == "b"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "packed.jsonl",
            gzip.compress(b'{"text": "x"}\n'),
            "{path} is gzip-compressed; name it *.jsonl.gz to have it read as gzip, "
            "or decompress it first (gunzip)",
        ),
        (
            "cp1251.jsonl",
            '{"text": "Цены выросли"}\n'.encode("cp1251"),
            "{path}:1: not UTF-8 (byte 0xd6 at column 11); convert the file to UTF-8 (iconv)",
        ),
        (
            "utf16.jsonl",
            '{"text": "Цены"}\n'.encode("utf-16"),
            "{path} is UTF-16; newsnlp reads UTF-8 JSONL: convert it (iconv)",
        ),
        (
            "broken.jsonl.gz",
            gzip.compress(b'{"text": "x"}\n' * 50)[:30],
            "cannot read {path}: Compressed file ended before the end-of-stream marker was reached",
        ),
    ],
)
def test_an_unreadable_input_is_one_line_and_status_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    message: str,
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    target = tmp_path / "out.jsonl"
    status, err = run([str(source), "-o", str(target)], capsys)
    assert (status, err) == (2, "newsnlp batch: " + message.format(path=source) + "\n")


def test_a_later_line_that_is_not_utf8_is_its_own_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    good = json.dumps(GOOD[1], ensure_ascii=False).encode()
    source.write_bytes(good + b"\n" + '{"text": "Цены"}'.encode("cp1251") + b"\n" + good + b"\n")
    target = tmp_path / "out.jsonl"
    assert run([str(source), "-o", str(target)], capsys)[0] == 1
    results = read_results(target)
    assert [result.get("line") for result in results] == [None, 2, None]
    assert results[1]["error"] == "not UTF-8 (byte 0xd6)"


def test_missing_input_and_missing_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.jsonl"
    status, err = run([str(missing)], capsys)
    assert status == 2
    assert err == f"newsnlp batch: cannot read {missing}: No such file or directory\n"
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(GOOD[0]) + "\n")
    target = tmp_path / "no" / "such" / "out.jsonl"
    status, err = run([str(source), "-o", str(target)], capsys)
    assert status == 2
    assert err == f"newsnlp batch: cannot write {target}: No such file or directory\n"


def test_the_command_exits_with_the_status_and_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(GOOD[0]) + "\n{oops\n")
    src = str(Path(newsnlp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "newsnlp", "batch", "--quiet"]
    done = subprocess.run(
        [*command, str(source)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 1
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [result["id"] for result in results] == ["a", 2]
    assert results[1]["line"] == 2
    assert done.stderr == 'newsnlp batch: 1 line(s) failed; see their "error"\n'
    missing = subprocess.run(
        [*command, str(tmp_path / "none.jsonl")], capture_output=True, text=True, env=env
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("newsnlp batch: cannot read ")
    assert missing.stderr.count("\n") == 1
