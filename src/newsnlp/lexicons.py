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
