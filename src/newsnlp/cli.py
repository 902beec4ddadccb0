"""The ``newsnlp`` command: analyze one article, or a JSONL corpus in batch.

newsnlp analyze article.txt          # a readable summary
newsnlp analyze - --json < article.txt
newsnlp batch corpus.jsonl -o facts.jsonl
newsnlp schema                       # the JSON Schema of the result
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TextIO

from .schema import Article, json_schema


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as file:
        return file.read()


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
    """A readable, line-per-fact summary of an :class:`Article`."""
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
    lines.append(f"Dates ({len(article.dates)}):")
    for date in article.dates:
        values = date.model_dump(exclude_defaults=True, exclude={"start", "stop", "text"})
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
    return "\n".join(lines)


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


def batch(args: argparse.Namespace) -> int:
    """Analyze a JSONL corpus into JSONL results, one line per input line and in its order.

    A document the pipeline fails on gets ``{"id": ..., "error": "..."}`` and the batch goes on.
    """
    from tqdm import tqdm

    from .pipeline import Failure, analyze_many

    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    target = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
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
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        print(f'newsnlp batch: {failed} document(s) failed; see their "error"', file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsnlp`` command."""
    parser = argparse.ArgumentParser(
        prog="newsnlp",
        description="People, places, organizations, percentages, dates and money in Russian news.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("analyze", help="analyze one article (a file, or - for stdin)")
    one.add_argument("file", help="a UTF-8 text file, or - to read standard input")
    one.add_argument("--json", action="store_true", help="print the Article as JSON")
    one.add_argument(
        "--published", help="the article's date (ISO, 2026-12-01) to resolve 'вчера' against"
    )
    many = commands.add_parser("batch", help='analyze a JSONL corpus of {"id", "text"} lines')
    many.add_argument("input", help="JSONL file, or - for stdin")
    many.add_argument("-o", "--output", default="-", help="JSONL output file (default: stdout)")
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
        return batch(args)
    from .pipeline import analyze

    try:
        text = _read(args.file)
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"cannot read {args.file}: {error}")
    try:
        article = analyze(text, published=args.published)
    except ValueError as error:
        parser.error(str(error))
    if args.json:
        print(article.model_dump_json(indent=2))
    else:
        print(summary(article))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
