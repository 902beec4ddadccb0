"""The lexicons shipped in ``models/lexicons/*.txt``: one entry a line, ``#`` starts a comment.

Each line is read as its words (split on whitespace); what they mean is up to the module that
reads the lexicon (see the comment at the top of each file). Found beside the package (the
wheel ships ``models/`` inside it) or in the source tree, read once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


def lexicon_words(name: str) -> frozenset[str]:
    """Every word of the lexicon ``name`` (a lexicon of words, any number a line)."""
    return frozenset(word for words in lexicon_lines(name) for word in words)


@dataclass(frozen=True)
class Month:
    """One month of ``months.txt``: its number, its forms (the dictionary form first, the
    genitive second) and its abbreviations."""

    number: int
    forms: tuple[str, ...]
    abbreviations: tuple[str, ...]

    @property
    def lemma(self) -> str:
        """The dictionary form: "январь"."""
        return self.forms[0]

    @property
    def stem(self) -> str:
        """A regular expression for the start every form shares: "январ"; "ма[йяею]" where the
        shared start is too short to tell a month ("май", "мая")."""
        stem = os.path.commonprefix(list(self.forms))
        if len(stem) >= 3:
            return stem
        nexts = dict.fromkeys(form[len(stem)] for form in self.forms if len(form) > len(stem))
        return f"{stem}[{''.join(nexts)}]"


@cache
def months() -> tuple[Month, ...]:
    """The twelve months, in order (``months.txt``: one table for dates, periods and layout)."""
    table = []
    for number, words in enumerate(lexicon_lines("months"), 1):
        forms, _, abbreviations = " ".join(words).partition("|")
        table.append(Month(number, tuple(forms.split()), tuple(abbreviations.split())))
    if len(table) != 12:
        raise ValueError(f"months.txt has {len(table)} months, not 12")
    return tuple(table)


def month_stems() -> str:
    """The months' stems as one alternation for a regular expression: "январ|феврал|..."."""
    return "|".join(month.stem for month in months())


@cache
def approximations() -> tuple[dict[str, str], dict[str, str]]:
    """The approximation words (``approximations.txt``, one table for every fact): the approx
    each gives a number it stands before ("около" about), and the approx after "не" ("не более":
    less_than) of those that have one."""
    before: dict[str, str] = {}
    after_not: dict[str, str] = {}
    for word, approx, *negated in lexicon_lines("approximations"):
        if approx != "-":
            before[word] = approx
        if negated:
            after_not[word] = negated[0]
    return before, after_not


@cache
def seats_of_government() -> frozenset[str]:
    """Names of buildings that stand for the body seated in them ("кремль", "белый дом"),
    lowercase, "ё" as "е" (``models/lexicons/seats_of_government.txt``)."""
    return frozenset(
        " ".join(words).lower().replace("ё", "е") for words in lexicon_lines("seats_of_government")
    )
