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


def test_analyze_explain_names_the_rule_of_each_date(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Три года назад мост закрыли на ремонт до 1 марта 2027 года.")
    )
    assert main(["analyze", "-", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "rules:\n  date [0:14] 'Три года назад': ago\n" in out
    assert "  date [41:58] '1 марта 2027 года': date\n" in out


def test_analyze_explain_names_the_rule_of_each_figure_and_amount(capsys, monkeypatch) -> None:
    import io

    text = "Пенсии выросли на 6 %. Цены выросли вдвое. Билет подорожал до 70 рублей."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["analyze", "-", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "rules:\n  percent [18:21] '6 %': change_by\n" in out
    assert "  ratio [36:41] 'вдвое': times_change\n" in out
    assert "  money [62:71] '70 рублей': level_of_change\n" in out


def test_analyze_explain_names_the_carry_rule_after_the_reading(capsys, monkeypatch) -> None:
    import io

    text = "52 % жителей поддерживают реформу, а 31 % выступают против."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["analyze", "-", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "rules:\n  percent [0:4] '52 %': level\n" in out
    assert "  percent [37:41] '31 %': level, same_group_share\n" in out


def test_analyze_explain_names_the_rule_of_each_post(capsys, monkeypatch) -> None:
    import io

    text = "Мэр Омска Сергей Шелест заявил, что тарифы вырастут на 5 %."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["analyze", "-", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "rules:\n  role [0:3] 'Мэр': post_before\n  percent [55:58] '5 %': change_by\n" in out


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


def test_version(capsys) -> None:
    import pytest

    import newsnlp

    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out == f"newsnlp {newsnlp.__version__} (result schema 1.1)\n"


def test_results_carry_the_schema_version(capsys, tmp_path: Path) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == "1.1"
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "Рост на 5 %."}\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(target), "--quiet"]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == "1.1"


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "newsnlp", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `newsnlp schema | head` does once head has its lines
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr


def test_analyze_several_files_and_a_folder(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "b.txt").write_text("Цены выросли на 3 %.", encoding="utf-8")
    (folder / "a.txt").write_text("Иван Петров приехал в Омск.", encoding="utf-8")
    (folder / "notes.md").write_text("не текст статьи", encoding="utf-8")
    assert main(["analyze", str(EXAMPLE), str(folder), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == [
        str(EXAMPLE),
        str(folder / "a.txt"),
        str(folder / "b.txt"),
    ]
    assert lines[1]["people"][0]["name"] == "Иван Петров"
    assert lines[2]["percentages"][0]["value"] == 3.0
    assert main(["analyze", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {folder / 'a.txt'} ==\nPeople (1):\n  Иван Петров  ×1\n")
    assert f"\n\n== {folder / 'b.txt'} ==\n" in out


def test_analyze_names_a_bad_path(tmp_path: Path, capsys) -> None:
    import pytest

    (tmp_path / "empty").mkdir()
    for path, message in [
        (tmp_path / "missing.txt", "missing.txt: no such file or folder"),
        (tmp_path / "empty", "empty: a folder without *.txt or *.html files"),
    ]:
        with pytest.raises(SystemExit):
            main(["analyze", str(path)])
        assert message in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["analyze", str(EXAMPLE), str(EXAMPLE), "--html", str(tmp_path / "r.html")])
    assert "--html writes the report of one file; got 2 files" in capsys.readouterr().err


PAGES = Path(__file__).resolve().parent / "pages"


def test_analyze_a_page_shows_the_story_first_and_the_rest_apart(capsys) -> None:
    assert main(["analyze", str(PAGES / "port.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Title: В Находке открыли новый терминал для контейнеровозов\n")
    assert "\nAuthor: Анна Соколова\n" in out
    story, around = out.split("Around the story")
    story = story[story.index("People (") :]
    assert "Виктор Лагунов" in story and "Анна Соколова" not in story
    assert "Анна Соколова" in around and "Евгений Кривцов" in around


def test_analyze_an_html_page(capsys) -> None:
    assert main(["analyze", str(PAGES / "ferry.html"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "На Ладоге запустили новый паром"
    assert data["author"] == "Вера Никонова"
    assert data["blocks"][0]["kind"] == "title"


def test_analyze_html_from_stdin(capsys, monkeypatch) -> None:
    import io

    html = (PAGES / "bakery.html").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(html))
    assert main(["analyze", "-"]) == 0
    assert "Author: Олеся Круглова" in capsys.readouterr().out


def write_folder(folder: Path, html: bool = True) -> Path:
    folder.mkdir()
    (folder / "b.txt").write_text("Директор музея Ольга Рябова сообщила о росте на 7 %.\n")
    (folder / "a.txt").write_text("\ufeffИнженер Павел Орлов переехал в Тверь.")
    (folder / "c.txt").write_bytes(b"\xff\xfe not UTF-8")
    (folder / "notes.md").write_text("Не статья: не читается.")
    if html:
        (folder / "d.html").write_text(
            "<html><head><title>Новости</title></head><body><article><h1>Урожай</h1>"
            "<p>Сбор зерна в Курской области вырос на 4 % по сравнению с прошлым годом, "
            "сообщил министр Антон Зубков.</p></article></body></html>",
            encoding="utf-8",
        )
    return folder


def test_batch_reads_a_folder_of_texts_and_pages(tmp_path: Path, capsys) -> None:
    pytest.importorskip("trafilatura")
    folder = write_folder(tmp_path / "texts")
    assert main(["batch", str(folder), "--quiet"]) == 1  # c.txt is not UTF-8
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in results] == ["a.txt", "b.txt", "c.txt", "d.html"]
    assert [p["name"] for p in results[0]["people"]] == ["Павел Орлов"]
    assert results[1]["percentages"][0]["value"] == 7.0
    assert results[2] == {"id": "c.txt", "line": 3, "error": "not UTF-8 (byte 0xff at 0)"}
    assert [p["name"] for p in results[3]["places"]] == ["Курская область"]
    assert results[3]["title"] == "Урожай"


def test_batch_takes_a_txt_file_as_one_article(tmp_path: Path, capsys) -> None:
    folder = write_folder(tmp_path / "texts", html=False)
    assert main(["batch", str(folder / "b.txt"), "--quiet"]) == 0
    (result,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert result["id"] == "b.txt"
    assert [p["name"] for p in result["people"]] == ["Ольга Рябова"]


def test_batch_of_a_folder_writes_tables_and_workers_keep_order(tmp_path: Path, capsys) -> None:
    pytest.importorskip("pandas")
    import pandas

    folder = write_folder(tmp_path / "texts", html=False)
    out = tmp_path / "tables"
    args = ["batch", str(folder), "--tables", str(out), "--workers", "2", "--quiet"]
    assert main(args) == 1
    people = pandas.read_csv(out / "people.csv")
    assert people[["id", "name"]].values.tolist() == [
        ["a.txt", "Павел Орлов"],
        ["b.txt", "Ольга Рябова"],
    ]
    roles = pandas.read_csv(out / "roles.csv")
    assert roles[["id", "name"]].values.tolist() == [["b.txt", "Ольга Рябова"]]
    assert roles["title"].iloc[0].startswith("директор")
    assert pandas.read_csv(out / "errors.csv")["id"].tolist() == ["c.txt"]


def test_batch_of_an_empty_or_missing_folder_cannot_run(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["batch", str(tmp_path / "empty")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"newsnlp batch: {tmp_path / 'empty'}: a folder without *.txt or *.html files"
    )
    assert main(["batch", str(tmp_path / "gone.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
