"""The ``newsnlp`` command: analyze one article, or a JSONL corpus in batch.

newsnlp analyze article.txt          # a readable summary
newsnlp analyze a.txt b.txt texts/   # several files, and the *.txt / *.html files of a folder
newsnlp analyze page.html            # an HTML page: the article in it
newsnlp analyze - --json < article.txt
newsnlp analyze article.txt --html report.html
newsnlp analyze article.txt --explain  # and the rule that read each date, figure, amount
newsnlp batch corpus.jsonl -o facts.jsonl
newsnlp batch texts/ -o facts.jsonl  # a folder of *.txt / *.html files, an article each
newsnlp batch corpus.jsonl --tables out/ [--format csv|parquet]
newsnlp schema                       # the JSON Schema of the result
newsnlp --version
newsnlp serve --port 8000            # the HTTP service (pip install "newsnlp[service]")
newsnlp serve --max-inflight 2       # at most 2 analyses at a time; more get 503 + Retry-After
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import gzip
import importlib.util
import io
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, TextIO

from ._version import __version__
from .schema import SCHEMA_VERSION, Article, Ratio, Statement, json_schema

if TYPE_CHECKING:
    from .api import Failure


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


def _analyze_file(path: str, published: str | None = None) -> Article:
    """Analyze a text file, or an HTML page (by its suffix, or a doctype or ``<html>`` at the
    start of what is read) with :func:`~newsnlp.analyze_html`. ``published``: the article's
    date, for relative dates (a page's own metadata date otherwise)."""
    from .api import analyze

    if path != "-" and path.lower().endswith(HTML_SUFFIXES):
        from .webpage import analyze_html

        with open(path, "rb") as file:
            return analyze_html(file.read(), published)  # the page's own charset decides
    text = _read(path)
    if looks_like_html(text):
        from .webpage import analyze_html

        return analyze_html(text, published)
    return analyze(text, published=published)


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
        roles = "; ".join(
            role.title + (f" ({role.organization})" if role.organization else "")
            for role in person.roles
        )
        lines.append(
            f"  {person.name}  ×{len(person.mentions)}" + (f"  — {roles}" if roles else "")
        )
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
    lines.append(f"Dates ({len(article.dates)}):")
    for date in article.dates:
        values = date.model_dump(
            exclude_defaults=True, exclude={"start", "stop", "text", "kind", "block"}
        )
        shown = ", ".join(f"{key}={value}" for key, value in values.items())
        lines.append(f"  {date.text!r}: {date.kind}" + (f", {shown}" if shown else ""))
    lines.append(f"Money ({len(article.money)}):")
    for amount in article.money:
        figure = (
            f"{amount.amount:g}"
            if amount.amount is not None
            else (f"{amount.low:g}–{amount.high:g}")
        )
        lines.append(f"  {amount.text!r}: {figure} {amount.currency or '?'}, {amount.kind}")
    if article.ratios:
        lines.append(f"Ratios ({len(article.ratios)}):")
        lines.extend(_ratio_line(ratio) for ratio in article.ratios)
    if article.statements:
        lines.append(f"Statements ({len(article.statements)}):")
        lines.extend(_statement_line(statement) for statement in article.statements)
    return lines


def _ratio_line(ratio: Ratio) -> str:
    """ "  'полтора раза': 1.5 times, change, up, subject: импорт"."""
    if ratio.value is not None:
        figure = f"{ratio.value:g}"
    elif ratio.low is not None and ratio.high is not None:
        figure = f"{ratio.low:g}–{ratio.high:g}"
    else:
        figure = "several"
    parts = [f"{figure} {ratio.unit}", ratio.kind]
    if ratio.direction != "none":
        parts.append(ratio.direction)
    if ratio.approx != "exact":
        parts.append(ratio.approx)
    if ratio.subject is not None:
        parts.append(f"subject: {ratio.subject.text}")
    return f"  {ratio.text!r}: " + ", ".join(parts)


def _statement_line(statement: Statement) -> str:
    """One statement: cue, who (as resolved, and as the text says), what (shortened)."""
    who = statement.speaker_name or "—"
    if statement.speaker is not None and statement.speaker.text != statement.speaker_name:
        who += f" ({statement.speaker.text})"
    content = statement.content.text
    if len(content) > 70:
        content = content[:70] + "…"
    said = f"«{content}»" if statement.direct else content
    return f"  {statement.cue.text!r} {who}: {said}"


class BatchError(Exception):
    """A batch that cannot run at all (its input cannot be read, its output cannot be written):
    one line on standard error and exit status 2."""


GZIP_MAGIC = b"\x1f\x8b"
EXIT_LINES_FAILED = 1
EXIT_CANNOT_RUN = 2


def _open_input(path: str) -> BinaryIO:
    """The input as bytes: a file (``*.gz`` decompressed), or standard input for ``-``."""
    name = "standard input" if path == "-" else path
    try:
        raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as error:
        raise BatchError(f"cannot read {name}: {error.strerror or error}") from None
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    head = raw.peek(4)[:4] if isinstance(raw, io.BufferedReader) else b""
    if head.startswith(GZIP_MAGIC):
        fix = "give the path of a *.jsonl.gz file" if path == "-" else "name it *.jsonl.gz"
        raise BatchError(
            f"{name} is gzip-compressed; {fix} to have it read as gzip, "
            "or decompress it first (gunzip)"
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BatchError(f"{name} is UTF-16; newsnlp reads UTF-8 JSONL: convert it (iconv)")
    return raw


class _Line(NamedTuple):
    """One non-empty input line (or one file of a folder): its record id and text, or what is
    wrong with it; or, for an HTML page, its path (analyzed on its own, with its metadata)."""

    number: int
    id: object
    text: str | None
    error: str | None
    page: str | None = None

    @property
    def batched(self) -> bool:
        """Whether the line goes through ``analyze_many`` (a good text, not a page)."""
        return self.error is None and self.page is None


TEXT_SUFFIXES = (".txt",)


def is_jsonl(path: str) -> bool:
    """Whether ``newsnlp batch`` reads ``path`` as JSONL (``-``, ``*.jsonl``, ``*.gz``, any
    other file) rather than as one article (``*.txt``, ``*.html``) or a folder of them."""
    if path == "-":
        return True
    return not os.path.isdir(path) and not path.lower().endswith((*TEXT_SUFFIXES, *HTML_SUFFIXES))


def article_files(path: str) -> list[str]:
    """The articles of a ``newsnlp batch`` input that is not JSONL: the file itself, or the
    ``*.txt`` and ``*.html`` files of a folder, in name order."""
    try:
        return input_files([path])
    except ValueError as error:
        if not os.path.exists(path):
            raise BatchError(f"cannot read {path}: No such file or directory") from None
        raise BatchError(str(error)) from None


def _file_records(files: Sequence[str]) -> Iterator[_Line]:
    """One line per article file, its id the file's name: a text file's text (UTF-8, a byte
    order mark skipped), an HTML page's path, or what keeps a file from being read."""
    for number, path in enumerate(files, 1):
        name = os.path.basename(path)
        if path.lower().endswith(HTML_SUFFIXES):
            yield _Line(number, name, None, None, path)
            continue
        try:
            with open(path, "rb") as file:
                raw = file.read()
        except OSError as error:
            yield _Line(number, name, None, f"cannot read {path}: {error.strerror or error}")
            continue
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            byte = raw[error.start]
            yield _Line(number, name, None, f"not UTF-8 (byte {byte:#04x} at {error.start})")
            continue
        yield _Line(number, name, text, None)


def _records(file: BinaryIO, path: str) -> Iterator[_Line]:
    """The non-empty lines of a JSONL input; a bad line is an error, not the end of the batch.

    A UTF-8 byte order mark at the start is skipped. The first line that is not UTF-8 stops
    the batch (the file has another encoding); a later one is an error of its own line.
    """
    name = "standard input" if path == "-" else path
    good = 0
    try:
        for number, raw in enumerate(file, 1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                if not good:
                    raise BatchError(
                        f"{name}:{number}: not UTF-8 (byte {raw[error.start]:#04x} at column "
                        f"{error.start + 1}); convert the file to UTF-8 (iconv)"
                    ) from None
                yield _Line(number, number, None, f"not UTF-8 (byte {raw[error.start]:#04x})")
                continue
            if not line.strip():
                continue
            good += 1
            yield _parsed(number, line)
    except (OSError, EOFError) as error:  # a damaged gzip stream, a read error
        raise BatchError(f"cannot read {name}: {error}") from None


def _parsed(number: int, line: str) -> _Line:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return _Line(number, number, None, f"not a JSON line: {error.msg} (column {error.colno})")
    if not isinstance(record, dict):
        return _Line(number, number, None, f"expected a JSON object, got {_json_type(record)}")
    record_id = record.get("id", number)
    if "text" not in record:
        return _Line(number, record_id, None, 'no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        return _Line(number, record_id, None, f'"text" must be a string, got {_json_type(text)}')
    return _Line(number, record_id, text, None)


def _json_type(value: object) -> str:
    """What a JSON value is, in words: "null", "a number", "an array" ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _count_lines(path: str) -> int | None:
    if path == "-":
        return None
    if not is_jsonl(path):
        try:
            return len(input_files([path]))
        except ValueError:
            return None
    try:
        with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as file:
            return sum(1 for line in file if line.strip())
    except (OSError, EOFError):
        return None


class _Tables:
    """``batch --tables``: the results as one table file per kind, written batch by batch."""

    BATCH = 256

    def __init__(self, directory: str, format: Any) -> None:
        from .tables import TableWriter

        self.writer = TableWriter(directory, format)
        self.articles: list[tuple[object, Article]] = []
        self.failures: list[tuple[object, str]] = []

    def add(self, record_id: object, result: object) -> None:
        from .api import Failure

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
    """Analyze a JSONL corpus into JSONL results, one line per non-empty input line and in its
    order; or a folder of ``*.txt`` / ``*.html`` files (or one such file), an article a file
    whose id is the file's name.

    A line that is not a JSON object with a "text" string, and a document the pipeline fails
    on, gets ``{"id": ..., "line": ..., "error": "..."}`` and the batch goes on; the exit status
    is then 1. An input that cannot be read at all (missing, not UTF-8, gzip without ``.gz``)
    or an output that cannot be written is one line on standard error and exit status 2.
    """
    try:
        return _batch(args)
    except BatchError as error:
        print(f"newsnlp batch: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN


def _batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .api import Failure, analyze_many

    jsonl = is_jsonl(args.input)
    files = [] if jsonl else article_files(args.input)
    source = _open_input(args.input) if jsonl else io.BytesIO()
    output = args.output if args.output is not None else None if args.tables else "-"
    try:
        if output is None:  # --tables alone: no JSONL
            target: TextIO = open(os.devnull, "w", encoding="utf-8")
        else:
            target = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    except OSError as error:
        source.close()
        raise BatchError(f"cannot write {output}: {error.strerror or error}") from None
    tables = _Tables(args.tables, args.format) if args.tables else None
    # every input line in order: (number, id, error); a line being analyzed has error None and
    # leaves as its result comes (analyze_many keeps input order)
    pending: deque[_Line] = deque()
    failed = 0

    def texts() -> Iterator[str]:
        lines = _records(source, args.input) if jsonl else _file_records(files)
        for line in lines:
            pending.append(line)
            if line.batched:
                assert line.text is not None
                yield line.text

    def write(record: dict[str, object]) -> None:
        target.write(json.dumps(record, ensure_ascii=False) + "\n")

    def write_result(line: _Line, result: Article | Failure) -> None:
        nonlocal failed
        if isinstance(result, Failure):
            failed += 1
            write({"id": line.id, "line": line.number, "error": result.error})
        elif output is not None:
            write({"id": line.id, **result.model_dump(mode="json", exclude={"text"})})
        if tables is not None:
            tables.add(line.id, result)

    def write_bad_lines() -> None:
        """The lines before the next batched one: bad lines, and HTML pages (analyzed here,
        one by one, each with its own extraction and metadata)."""
        nonlocal failed
        while pending and not pending[0].batched:
            line = pending.popleft()
            if line.page is not None:
                write_result(line, _page_result(line.number - 1, line.page))
                continue
            failed += 1
            write({"id": line.id, "line": line.number, "error": line.error})
            if tables is not None:
                tables.failures.append((line.id, f"line {line.number}: {line.error}"))

    # standard output stays open for whoever prints after the batch
    with source, target if target is not sys.stdout else contextlib.nullcontext():
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
        for result in progress:
            write_bad_lines()
            write_result(pending.popleft(), result)
        write_bad_lines()
        if tables is not None:
            tables.close()
    if failed:
        print(f'newsnlp batch: {failed} line(s) failed; see their "error"', file=sys.stderr)
        return EXIT_LINES_FAILED
    return 0


def _page_result(index: int, path: str) -> Article | Failure:
    """The Article of an HTML page of a batch, or the :class:`Failure` that says why not."""
    from .api import Failure  # noqa: F811

    try:
        return _analyze_file(path)
    except Exception as error:
        return Failure(index, f"{type(error).__name__}: {error}")


def serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the HTTP service (:mod:`newsnlp.service`) until interrupted."""
    if args.workers < 1 or args.max_inflight < 1 or not 1 <= args.port <= 65535:
        parser.error("--workers and --max-inflight must be positive and --port in 1..65535")
    try:
        from .service import serve as run
    except ModuleNotFoundError as error:
        print(
            f"newsnlp serve needs the service extra ({error.name} is missing): "
            'pip install "newsnlp[service]"',
            file=sys.stderr,
        )
        return 2
    run(host=args.host, port=args.port, workers=args.workers, max_inflight=args.max_inflight)
    return 0


def explanation(article: Article) -> str:
    """``--explain``: the rule that read each fact that names one, a line a fact: kind,
    offsets, text, rule. People's roles name a rule of :data:`newsnlp.roles.CONSTRUCTIONS`
    (and :data:`newsnlp.roles.APPOSITIONS`); dates a rule of :data:`newsnlp.dates.RULES`;
    percentages, ratios and money the rule of the reading of a quantity that read them
    (:data:`newsnlp.percentages.reading.RULES`)."""
    from . import money, percentages, ratios, roles
    from .dates import explain
    from .pipeline import default_pipeline

    kinds: tuple[tuple[str, Sequence[Any]], ...] = (
        ("role", [role for person in article.people for role in person.roles]),
        ("date", article.dates),
        ("percent", article.percentages),
        ("ratio", article.ratios),
        ("money", article.money),
    )
    if not any(facts for _, facts in kinds):
        return "rules: no facts that name their rule"
    doc = default_pipeline()(article.text)
    rules: dict[str, dict[int, str]] = {
        "role": {role.start: rule for role, rule in roles.explain(doc)},
        "date": {fact.start: rule for fact, rule in explain(doc)},
        "percent": {span.start_char: rule for span, rule in percentages.explain(doc)},
        "ratio": {span.start_char: rule for span, rule in ratios.explain(doc)},
        "money": {fact.start: rule for fact, rule in money.explain(doc)},
    }
    lines = ["rules:"]
    for kind, facts in kinds:
        for fact in facts:
            rule = rules[kind].get(fact.start, "?")
            lines.append(f"  {kind} [{fact.start}:{fact.stop}] {fact.text!r}: {rule}")
    return "\n".join(lines)


def _title(path: str) -> str:
    return "standard input" if path == "-" else path


def analyze_files(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``newsnlp analyze``: one file's summary (or JSON, or HTML report), or one per file."""
    from .api import analyze_many
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
            return _analyze_file(path, args.published)
        except (OSError, UnicodeDecodeError) as error:
            parser.error(f"cannot read {path}: {error}")
        except ImportError as error:
            parser.error(str(error))
        except ValueError as error:  # a --published that is no date
            parser.error(str(error))

    if len(files) == 1:
        article = article_of(files[0])
        if args.html:
            with open(args.html, "w", encoding="utf-8") as report:
                report.write(render(article, title=_title(files[0])))
        print(article.model_dump_json(indent=2) if args.json else summary(article))
        if args.explain:
            print(explanation(article))
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
        if args.explain:
            print(explanation(article))
    return 0


def _run(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsnlp",
        description="People, places, organizations, percentages, dates and money in Russian news.",
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
    one.add_argument(
        "--published", help="the article's date (ISO, 2026-12-01) to resolve 'вчера' against"
    )
    one.add_argument(
        "--explain",
        action="store_true",
        help="also print, per fact, the rule that read it (roles, dates, percentages, ratios, "
        "money)",
    )
    many = commands.add_parser(
        "batch",
        help='analyze a JSONL corpus of {"id", "text"} lines, or a folder of *.txt / *.html files',
    )
    many.add_argument(
        "input",
        help="JSONL file (*.gz: gzip), - for stdin, or a folder of *.txt / *.html files (or one "
        "such file): an article a file, its id the file's name",
    )
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
    web = commands.add_parser("serve", help='the HTTP service (pip install "newsnlp[service]")')
    web.add_argument("--host", default="127.0.0.1", help="address to listen on")
    web.add_argument("--port", type=int, default=8000, help="port to listen on")
    web.add_argument("--workers", type=int, default=1, help="server processes")
    web.add_argument(
        "--max-inflight",
        type=int,
        default=int(os.environ.get("NEWSNLP_MAX_INFLIGHT", "4")),
        metavar="N",
        help="analyses at a time per process; one more is answered 503 with Retry-After "
        "(default 4, or NEWSNLP_MAX_INFLIGHT)",
    )
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
    if args.command == "serve":
        return serve(args, parser)
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
