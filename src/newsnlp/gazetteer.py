"""Run-time access to the shipped gazetteer of countries, regions and cities.

The artifact ``gazetteer.tsv.gz`` is built by ``models/build_gazetteer.py`` (see
``models/README.md``).  This module depends on the standard library only.

Example::

    >>> from newsnlp.gazetteer import default_gazetteer
    >>> default_gazetteer().lookup("КНР")[0].name
    'Китай'
"""

from __future__ import annotations

import gzip
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "ARTIFACT_NAME",
    "PLACE_KINDS",
    "Gazetteer",
    "GazetteerEntry",
    "default_gazetteer",
    "gazetteer_key",
]

#: File name of the shipped artifact.
ARTIFACT_NAME = "gazetteer.tsv.gz"

_KIND_RANK = {"country": 0, "region": 1, "city": 2, "other": 3, "organization": 4}
#: Kinds of entries that are places (an ``organization`` entry names a union of states).
PLACE_KINDS = frozenset({"country", "region", "city", "other"})
# Character replacements applied by gazetteer_key (str.replace is much faster than translate).
_KEY_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    *((dash, "-") for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"),
    *((quote, "'") for quote in "\u2019\u02bc\u2018\u0060\u00b4"),
    ("ё", "е"),
    ("\u00ad", ""),  # soft hyphen
    ("\u0301", ""),  # combining acute (stress mark)
    ("\u0300", ""),  # combining grave
)
_SPACED_HYPHEN = re.compile(r" *- *")
# A key the bulk path can trust: single-spaced, trimmed, no combining marks (i.e. likely NFC).
_PLAIN_KEY = re.compile(r"(?:[^\s\u0300-\u036f]+(?: [^\s\u0300-\u036f]+)*)?")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: a country, a region, a city or another named place; or a union of states.

    Attributes:
        id: Stable identifier, e.g. ``geonames:1790923``, ``iso3166:CN``, ``iso3166-2:RU-OMS``.
        name: Canonical Russian name in the nominative case.
        kind: ``country``, ``region``, ``city``, ``other`` (a part of the world, a partially
            recognised state, the ISS) or ``organization`` (the EU, the CIS: named like places
            in the news, but organizations).
        country: ISO 3166-1 alpha-2 code, or None when not applicable.
        lat: Latitude in degrees (of the capital / administrative centre for areas), or None.
        lon: Longitude in degrees, or None.
        population: Population if known, else 0.
        aliases: Other Russian names and abbreviations.
        official: For a country whose current official short name differs from ``name``, that
            name ("Беларусь" for Белоруссия, "Молдова" for Молдавия; also among the aliases);
            else "".
    """

    id: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    aliases: tuple[str, ...]
    official: str = ""


@lru_cache(maxsize=100_000)
def gazetteer_key(name: str) -> str:
    """Normalise a place name for lookup.

    Lowercases, maps ``ё`` to ``е``, unifies dash and apostrophe variants, removes spaces around
    hyphens and collapses runs of whitespace.  Stress marks are dropped.

    >>> gazetteer_key("  Ростов — на-Дону ")
    'ростов-на-дону'
    """
    text = name if name.isascii() else unicodedata.normalize("NFC", name)
    text = " ".join(_replace_chars(text.lower()).split())
    if "-" in text:
        text = _SPACED_HYPHEN.sub("-", text)
    return text


def _join_hyphens(text: str) -> str:
    """``_SPACED_HYPHEN.sub("-", text)``: every run of spaces beside a hyphen removed (three
    times faster on the whole gazetteer than the regex, which tries every position)."""
    while " -" in text:
        text = text.replace(" -", "-")
    while "- " in text:
        text = text.replace("- ", "-")
    return text


def _replace_chars(text: str) -> str:
    """Apply :data:`_KEY_REPLACEMENTS` to already lowercased text."""
    for old, new in _KEY_REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def _parse_float(text: str) -> float | None:
    return float(text) if text else None


def _parse_line(line: str) -> GazetteerEntry:
    """Turn one TSV data line (8 tab-separated fields, or 9 with ``official``) into an entry."""
    id_, name, kind, country, lat, lon, population, aliases, *rest = line.split("\t")
    return GazetteerEntry(
        id=id_,
        name=name,
        kind=kind,
        country=country or None,
        lat=_parse_float(lat),
        lon=_parse_float(lon),
        population=int(population or 0),
        aliases=tuple(a for a in aliases.split("|") if a),
        official=rest[0] if rest else "",
    )


def _format_line(entry: GazetteerEntry) -> str:
    """Inverse of :func:`_parse_line`."""
    fields = [
        entry.id,
        entry.name,
        entry.kind,
        entry.country or "",
        "" if entry.lat is None else repr(entry.lat),
        "" if entry.lon is None else repr(entry.lon),
        str(entry.population),
        "|".join(entry.aliases),
        entry.official,
    ]
    return "\t".join(fields)


def artifact_candidates() -> list[Path]:
    """Places where the shipped artifact is looked for, in order (wheel, then source tree)."""
    here = Path(__file__)
    return [
        here.parent / "models" / ARTIFACT_NAME,
        here.resolve().parents[2] / "models" / ARTIFACT_NAME,
    ]


def default_artifact_path() -> Path:
    """Path of the shipped artifact; raises FileNotFoundError naming every place tried."""
    candidates = artifact_candidates()
    for path in candidates:
        if path.is_file():
            return path
    tried = " or ".join(str(p) for p in candidates)
    raise FileNotFoundError(f"gazetteer artifact {ARTIFACT_NAME} not found at {tried}")


class Gazetteer:
    """An in-memory gazetteer indexed by :func:`gazetteer_key` of names and aliases.

    Rows are kept as text and turned into :class:`GazetteerEntry` objects on first access, so
    that loading only has to build the name index.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        """Index TSV data lines (no header); usually called through :meth:`load`."""
        self._lines = [line for line in lines if line]
        self._entries: dict[int, GazetteerEntry] = {}
        self._index = self._build_index(self._lines)

    @classmethod
    def from_entries(cls, entries: Iterable[GazetteerEntry]) -> Gazetteer:
        """Build a gazetteer from entries (tabs, newlines and ``|`` must not occur in fields)."""
        return cls([_format_line(entry) for entry in entries])

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Load a gazetteer TSV (gzip'd if the name ends in ``.gz``); default: shipped artifact."""
        source = Path(path) if path is not None else default_artifact_path()
        data = source.read_bytes()
        if source.suffix == ".gz":
            data = gzip.decompress(data)
        lines = data.decode("utf-8").replace("\r\n", "\n").split("\n")
        if lines[0].split("\t")[:2] != ["id", "name"]:
            raise ValueError(f"{source}: not a gazetteer TSV (bad header {lines[0][:80]!r})")
        return cls(lines[1:])

    def _build_index(self, lines: list[str]) -> dict[str, list[int]]:
        """Map every name/alias key to row numbers, best row first (by kind, then larger
        population, then file order)."""
        # Normalising the whole text at once is much faster than one call per name; keys that
        # may need more than lowercasing and character mapping are redone with gazetteer_key.
        bulk = _join_hyphens(_replace_chars("\n".join(lines).lower()))
        index: dict[str, list[int]] = {}
        for row, keyed in enumerate(bulk.split("\n")):
            fields = keyed.split("\t")
            if len(fields) not in (8, 9):
                line = lines[row]
                raise ValueError(f"gazetteer row {row + 1}: expected 8 or 9 fields: {line[:80]!r}")
            keys = {fields[1], *fields[7].split("|")} if fields[7] else {fields[1]}
            if not all(map(_PLAIN_KEY.fullmatch, keys)):
                original = lines[row].split("\t")
                keys = {gazetteer_key(n) for n in (original[1], *original[7].split("|")) if n}
            for key in keys:
                bucket = index.get(key)
                if bucket is None:
                    index[key] = [row]
                else:
                    bucket.append(row)
        for bucket in index.values():
            if len(bucket) > 1:
                bucket.sort(key=self._rank)
        index.pop("", None)
        return index

    def _rank(self, row: int) -> tuple[int, int, int]:
        """How row ``row`` ranks among the rows of one key: kind, then larger population, then
        file order (read from the row when asked: few keys have more than one row)."""
        fields = self._lines[row].split("\t", 7)
        return (_KIND_RANK.get(fields[2].lower(), len(_KIND_RANK)), -int(fields[6] or 0), row)

    def _entry(self, row: int) -> GazetteerEntry:
        """The entry of row ``row``, parsed once."""
        entry = self._entries.get(row)
        if entry is None:
            entry = self._entries[row] = _parse_line(self._lines[row])
        return entry

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry whose name or alias matches ``name`` by key, best first.

        Best first means countries, then regions, then cities (larger population first), then
        other entries, then organizations.  A name written with spaces where the gazetteer has
        hyphens ("Коста Рика") matches too.  Returns an empty list when nothing matches.
        """
        key = gazetteer_key(name)
        rows = self._index.get(key, [])
        if " " in key:
            hyphened = self._index.get(key.replace(" ", "-"), [])
            if hyphened:
                rows = sorted({*rows, *hyphened}, key=self._rank)
        return [self._entry(row) for row in rows]

    def knows(self, name: str) -> bool:
        """Whether :meth:`lookup` finds an entry for ``name`` (``bool(lookup(name))``), without
        building the entries."""
        key = gazetteer_key(name)
        index = self._index
        return bool(index.get(key)) or (" " in key and bool(index.get(key.replace(" ", "-"))))

    def __len__(self) -> int:
        """Number of entries."""
        return len(self._lines)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        """Iterate over all entries in file order."""
        return (self._entry(row) for row in range(len(self._lines)))


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once on first use and cached (thread-safe)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Gazetteer.load()
    return _DEFAULT
