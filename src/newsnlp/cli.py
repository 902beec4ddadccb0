"""The ``newsnlp`` command: analyze one article, or a JSONL corpus in batch.

newsnlp analyze article.txt          # a readable summary
newsnlp analyze a.txt b.txt texts/   # several files, and the *.txt / *.html files of a folder
newsnlp analyze page.html            # an HTML page: the article in it
newsnlp analyze - --json < article.txt
newsnlp analyze article.txt --html report.html
newsnlp batch corpus.jsonl -o facts.jsonl
newsnlp batch corpus.jsonl --tables out/ [--format csv|parquet]
newsnlp schema                       # the JSON Schema of the result
newsnlp --version
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._version import __version__
from .schema import SCHEMA_VERSION, Article, json_schema


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as file:
        return file.read()


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def input_files(paths: Sequence[str]) -> list[str]:
    """The files ``newsnlp analyze`` reads: each file as given (``-`` is standard input), and
    for a folder its ``*.txt`` and ``*.html`` files in name order. Raises ``ValueError`` for a
    folder without any, or a path that does not exist."""
    files: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(
                str(file)
                for file in Path(path).iterdir()
                if file.is_file() and file.suffix.lower() in (".txt", *HTML_SUFFIXES)
            )
            if not found:
                raise ValueError(f"{path}: a folder without *.txt or *.html files")
            files += found
        elif path != "-" and not os.path.exists(path):
            raise ValueError(f"{path}: no such file or folder")
        else:
            files.append(path)
    return files


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page: it opens with a doctype or an ``<html>`` tag."""
    head = text.lstrip("\ufeff \t\r\n")[:100].lower()
    return head.startswith(("<!doctype html", "<html"))


def _analyze_file(path: str) -> Article:
    """Analyze a text file, or an HTML page (by its suffix, or a doctype or ``<html>`` at the
    start of what is read) with :func:`~newsnlp.analyze_html`."""
    from .pipeline import analyze

    if path != "-" and path.lower().endswith(HTML_SUFFIXES):
        from .webpage import analyze_html

        with open(path, "rb") as file:
            return analyze_html(file.read())  # the page's own charset decides
    text = _read(path)
    if looks_like_html(text):
        from .webpage import analyze_html

        return analyze_html(text)
    return analyze(text)


def _percent_line(fact: object) -> str:
    from .schema import Percentage

    assert isinstance(fact, Percentage)
    if fact.value is not None:
        figure = f"{fact.value:g}"
    else:
        figure = f"{fact.low:g}–{fact.high:g}"
    unit = "%" if fact.unit == "percent" else " п.п."
    parts = [f"{figure}{unit}", fact.kind]
    if fact.direction != "none":
        parts.append(fact.direction)
    if fact.approx != "exact":
        parts.append(fact.approx)
    if fact.subject is not None:
        parts.append(f"subject: {fact.subject.text}")
    if fact.period is not None:
        parts.append(f"period: {fact.period.text}")
    if fact.places:
        parts.append("places: " + ", ".join(fact.places))
    return f"  {fact.text!r}: " + ", ".join(parts)


def summary(article: Article) -> str:
    """A readable, line-per-fact summary of an :class:`Article`: its headline, author and date,
    the article's own facts (title and story), then apart the page's others (author bio, lists
    of other articles, menus, footers) when there are any."""
    lines = [
        f"{label}: {value}"
        for label, value in (
            ("Title", article.title),
            ("Author", article.author),
            ("Published", article.published),
        )
        if value
    ]
    lines.extend(_facts(article.story()))
    around = article.around()
    if around.people or around.places or around.organizations or around.percentages:
        lines.append("")
        lines.append("Around the story (author, other articles, page furniture):")
        lines.extend("  " + line for line in _facts(around))
    return "\n".join(lines)


def _facts(article: Article) -> list[str]:
    lines = [f"People ({len(article.people)}):"]
    for person in article.people:
        lines.append(f"  {person.name}  ×{len(person.mentions)}")
    lines.append(f"Places ({len(article.places)}):")
    for place in article.places:
        where = ", ".join(str(x) for x in (place.kind, place.country) if x)
        extra = f"  [{where}]" if where else ""
        aliases = f"  aka {', '.join(place.aliases)}" if place.aliases else ""
        lines.append(f"  {place.name}{extra}{aliases}  ×{len(place.mentions)}")
    lines.append(f"Organizations ({len(article.organizations)}):")
    for organization in article.organizations:
        lines.append(f"  {organization.name}  ×{len(organization.mentions)}")
    lines.append(f"Percentages ({len(article.percentages)}):")
    lines.extend(_percent_line(fact) for fact in article.percentages)
    return lines


def _records(file: TextIO, path: str) -> Iterator[tuple[object, str]]:
    for number, line in enumerate(file, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise SystemExit(f"{path}:{number}: not a JSON line ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise SystemExit(f'{path}:{number}: expected an object with a "text" string')
        yield record.get("id", number), record["text"]


def _count_lines(path: str) -> int | None:
    if path == "-":
        return None
    with open(path, "rb") as file:
        return sum(1 for line in file if line.strip())


class _Tables:
    """``batch --tables``: the results as one table file per kind, written batch by batch."""

    BATCH = 256

    def __init__(self, directory: str, format: Any) -> None:
        from .tables import TableWriter

        self.writer = TableWriter(directory, format)
        self.articles: list[tuple[object, Article]] = []
        self.failures: list[tuple[object, str]] = []

    def add(self, record_id: object, result: object) -> None:
        from .pipeline import Failure

        if isinstance(result, Failure):
            self.failures.append((record_id, result.error))
        else:
            assert isinstance(result, Article)
            self.articles.append((record_id, result))
        if len(self.articles) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        from .tables import tables

        ids = [record_id for record_id, _ in self.articles]
        articles = [article for _, article in self.articles]
        self.writer.write(tables(articles, ids, id_type="str"))
        self.articles.clear()

    def close(self) -> None:
        from .tables import errors

        if self.articles or not self.writer.paths:
            self.flush()
        ids = [record_id for record_id, _ in self.failures]
        self.writer.write({"errors": errors(ids, [error for _, error in self.failures])})
        self.writer.close()


def batch(args: argparse.Namespace) -> int:
    """Analyze a JSONL corpus into JSONL results, one line per input line and in its order.

    A document the pipeline fails on gets ``{"id": ..., "error": "..."}`` and the batch goes on.
    """
    from tqdm import tqdm

    from .pipeline import Failure, analyze_many

    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    output = args.output if args.output is not None else None if args.tables else "-"
    if output is None:
        target: TextIO = open(os.devnull, "w", encoding="utf-8")
    else:
        target = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    tables = _Tables(args.tables, args.format) if args.tables else None
    ids: deque[object] = deque()

    def texts() -> Iterator[str]:
        for record_id, text in _records(source, args.input):
            ids.append(record_id)  # analyze_many keeps input order: ids leave as results come
            yield text

    with source, target:
        results = analyze_many(
            texts(), batch_size=args.batch_size, n_process=args.workers, on_error="record"
        )
        progress = tqdm(
            results,
            total=_count_lines(args.input),
            unit="doc",
            disable=args.quiet,
            file=sys.stderr,
        )
        failed = 0
        for result in progress:
            record_id = ids.popleft()
            if isinstance(result, Failure):
                failed += 1
                record = {"id": record_id, "error": result.error}
            else:
                record = {"id": record_id, **result.model_dump(mode="json", exclude={"text"})}
            if tables is not None:
                tables.add(record_id, result)
            if output is not None:
                target.write(json.dumps(record, ensure_ascii=False) + "\n")
        if tables is not None:
            tables.close()
    if failed:
        print(f'newsnlp batch: {failed} document(s) failed; see their "error"', file=sys.stderr)
    return 0


def _title(path: str) -> str:
    return "standard input" if path == "-" else path


def analyze_files(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``newsnlp analyze``: one file's summary (or JSON, or HTML report), or one per file."""
    from .pipeline import analyze_many
    from .render import render

    try:
        files = input_files(args.files)
    except ValueError as error:
        parser.error(str(error))
    if files.count("-") > 1:
        parser.error("- (standard input) can be read once")
    if args.html and len(files) != 1:
        parser.error(f"--html writes the report of one file; got {len(files)} files")

    def read(path: str) -> str:
        try:
            return _read(path)
        except (OSError, UnicodeDecodeError) as error:
            parser.error(f"cannot read {path}: {error}")

    def article_of(path: str) -> Article:
        try:
            return _analyze_file(path)
        except (OSError, UnicodeDecodeError) as error:
            parser.error(f"cannot read {path}: {error}")
        except ImportError as error:
            parser.error(str(error))

    if len(files) == 1:
        article = article_of(files[0])
        if args.html:
            with open(args.html, "w", encoding="utf-8") as report:
                report.write(render(article, title=_title(files[0])))
        print(article.model_dump_json(indent=2) if args.json else summary(article))
        return 0
    pages = any(path.lower().endswith(HTML_SUFFIXES) for path in files)
    # texts go through the models together; HTML pages one by one, each with its own extraction
    articles = map(article_of, files) if pages else analyze_many(read(path) for path in files)
    for number, (path, article) in enumerate(zip(files, articles)):
        if args.json:
            record = {"id": path, **article.model_dump(mode="json")}
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(("\n" if number else "") + f"== {_title(path)} ==\n" + summary(article))
    return 0


def _run(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsnlp", description="People, places, organizations and percentages in Russian news."
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"newsnlp {__version__} (result schema {SCHEMA_VERSION})",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser(
        "analyze", help="analyze articles: files, folders of *.txt files, or - for stdin"
    )
    one.add_argument(
        "files",
        nargs="+",
        metavar="file",
        help="a UTF-8 text file, an HTML page (.html), a folder, or - for stdin",
    )
    one.add_argument("--json", action="store_true", help="print the Article as JSON")
    one.add_argument("--html", metavar="REPORT", help="also write an HTML report of the article")
    many = commands.add_parser("batch", help='analyze a JSONL corpus of {"id", "text"} lines')
    many.add_argument("input", help="JSONL file, or - for stdin")
    many.add_argument(
        "-o", "--output", help="JSONL output file (default: stdout, unless --tables is given)"
    )
    many.add_argument(
        "--tables", metavar="DIR", help="write tables: DIR/people.csv, places.csv, ... errors.csv"
    )
    many.add_argument(
        "--format", choices=("csv", "parquet"), default="csv", help="of --tables (default: csv)"
    )
    many.add_argument("--batch-size", type=int, default=32, help="articles per model batch")
    many.add_argument("--workers", type=int, default=1, help="worker processes")
    many.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    commands.add_parser("schema", help="print the JSON Schema of the result")
    args = parser.parse_args(argv)

    if args.command == "schema":
        print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
        return 0
    if args.command == "batch":
        if args.workers < 1 or args.batch_size < 1:
            parser.error("--workers and --batch-size must be positive")
        if args.tables:
            needs = ("pandas", "pyarrow") if args.format == "parquet" else ("pandas",)
            missing = [name for name in needs if importlib.util.find_spec(name) is None]
            if missing:
                parser.error(
                    f'--tables needs {" and ".join(missing)}: pip install "newsnlp[tables]"'
                )
        return batch(args)
    return analyze_files(args, parser)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsnlp`` command.

    When the reader of the output goes away (``newsnlp schema | head``) it stops quietly,
    with the shell's exit status of a broken pipe (141), and no traceback.
    """
    try:
        code = _run(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        try:  # the interpreter flushes stdout again on exit: point it at nothing
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
