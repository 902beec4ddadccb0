"""pymorphy3's dictionary analyses of words (the Russian dictionaries), cached."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from .natasha_data import _lock


@lru_cache(maxsize=30_000)
def word_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of ``word``, best first (cached: a word comes with many tags)."""
    return tuple(morph_analyzer().parse(word))


@cache
def morph_analyzer() -> Any:
    """The pymorphy3 analyzer with the Russian dictionaries (the only one we load).

    Its units are pymorphy3's Russian defaults, with the Latin-word unit replaced by one that
    also takes letters without a Unicode name (see :func:`_safe_units`).
    """
    import pymorphy3

    with _lock:
        return pymorphy3.MorphAnalyzer(lang="ru", units=_safe_units())


def _safe_units() -> list[Any]:
    """pymorphy3's default Russian units with :class:`LatinAnalyzer` made safe.

    pymorphy3 decides whether a word is Latin by looking up the Unicode name of each of its
    letters with ``unicodedata.name(char)``, which raises ``ValueError`` for a letter that has
    no name in Python's Unicode database (Tangut "\U00017000", Khitan, newer scripts): one such
    character anywhere made the whole article fail. The replacement unit answers the same
    question with a default (a letter without a name is not Latin).
    """
    import unicodedata

    from pymorphy3.lang.ru import DEFAULT_UNITS
    from pymorphy3.units import LatinAnalyzer

    class SafeLatinAnalyzer(LatinAnalyzer):  # type: ignore[misc]
        def check_shape(self, word: str, word_lower: str) -> bool:
            letters = [char for char in word if char.isalpha()]
            return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)

    def replaced(unit: Any) -> Any:
        if isinstance(unit, list):
            return [replaced(item) for item in unit]
        return SafeLatinAnalyzer() if type(unit) is LatinAnalyzer else unit

    return [replaced(unit) for unit in DEFAULT_UNITS]
