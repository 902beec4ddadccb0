"""The lexicons shipped in ``models/lexicons/*.txt``: one entry a line, ``#`` starts a comment.

Each line is read as its words (split on whitespace); what they mean is up to the module that
reads the lexicon (see the comment at the top of each file). Found beside the package (the
wheel ships ``models/`` inside it) or in the source tree, read once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DIR = "lexicons"


def lexicon_path(name: str) -> Path:
    """The file of the lexicon ``name`` ("speech_verbs"); ``FileNotFoundError`` naming the
    places tried when it is in none of them."""
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(
            f"a lexicon name is a plain identifier such as 'speech_verbs', got {name!r}"
        )
    here = Path(__file__)
    candidates = [
        here.parent / "models" / _DIR / f"{name}.txt",
        here.resolve().parents[2] / "models" / _DIR / f"{name}.txt",
    ]
    for path in candidates:
        if path.is_file():
            return path
    tried = ", ".join(str(path) for path in candidates)
    raise FileNotFoundError(f"lexicon {name!r} not found (tried {tried})")


@cache
def lexicon_lines(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of the lexicon ``name``: each line's words, comments and blank lines left
    out."""
    lines = []
    for line in lexicon_path(name).read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            lines.append(tuple(words))
    return tuple(lines)


@cache
def post_groups() -> dict[str, frozenset[int]]:
    """Each post or word for one (its words joined by spaces) -> the groups it belongs to."""
    groups: dict[str, set[int]] = {}
    for number, words in enumerate(lexicon_lines("post_synonyms")):
        for member in " ".join(words).split("|"):
            member = member.strip().replace("ё", "е")
            if member:
                groups.setdefault(member, set()).add(number)
    return {member: frozenset(numbers) for member, numbers in groups.items()}


def _key(text: str) -> str:
    return text.lower().replace("ё", "е")


def title_groups(title: str) -> frozenset[int]:
    """The groups of a role's title: of the title itself, its first two words and its first
    word ("министр иностранных дел" -> министр's)."""
    words = _key(title).split()
    found: set[int] = set()
    groups = post_groups()
    for size in (len(words), 2, 1):
        found |= groups.get(" ".join(words[:size]), frozenset())
    return frozenset(found)
