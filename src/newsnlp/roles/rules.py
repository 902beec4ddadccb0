"""The rules of the posts reader, as ordered tables of small named functions (razdel's
``sentenize.py`` is the model): the constructions read around a person's mention
(:data:`CONSTRUCTIONS`) and what decides whether a post after a name is in apposition to it
(:data:`APPOSITIONS`: the first that decides wins). Each role read names the rule that read it
(``newsnlp analyze --explain``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from ..schema import Role
from .forms import _agrees_with_name, _case, _post_cases, _singular, _word_cases


class PostReader(Protocol):
    """What the rules of :data:`CONSTRUCTIONS` ask the posts reader (``reader._Reader``)."""

    def bracketed_holder(self, end: int) -> str | None: ...

    def before_explained(self, start: int, stop: int) -> list[tuple[Role, str]]: ...

    def held_before_explained(self, start: int) -> tuple[Role | None, str]: ...

    def after_explained(self, begin: int, end: int) -> tuple[list[Role], str]: ...

    def held_after_explained(self, start: int, end: int) -> tuple[Role | None, str]: ...


@dataclass(frozen=True)
class Apposition:
    """A post right after a name, and what stands between them."""

    post: Token
    name: Span
    mark: str | None  # ",", "(", "—", "–", "-", or None: the post follows the name directly
    one_of: bool  # "Дюваль, один из президентов компании"
    acting: bool  # "Иванов, исполняющий обязанности представителя"


def _genitive(post: Token) -> bool:
    return "Gen" in _word_cases(post.text.lower()) or _case(post) == "Gen"


def one_of(a: Apposition) -> bool | None:
    """ "Дюваль, один из президентов компании": the post in the genitive plural."""
    return _genitive(a.post) if a.one_of else None


def acting_after(a: Apposition) -> bool | None:
    """ "Иванов, исполняющий обязанности представителя": the post in the genitive."""
    return _genitive(a.post) if a.acting else None


def plural_after(a: Apposition) -> bool | None:
    """ "Иванов, депутаты ...": a plural noun of a post is no post of one name."""
    return False if not _singular(a.post) else None


def signature(a: Apposition) -> bool | None:
    """ "Иван Петров Президент ФИДЕ": a capitalized post right after a name in the nominative
    signs it."""
    if a.mark is not None:
        return None
    return a.post.is_title and "Nom" in _post_cases(a.post) and _case(a.name[0]) in ("", "Nom")


def apposition_comma(a: Apposition) -> bool | None:
    """ "Сергей Шелест, мэр Омска": the post agrees with the name in case."""
    return _agrees_with_name(a.post, a.name) if a.mark == "," else None


def apposition_dash(a: Apposition) -> bool:
    """ "Шелест — мэр Омска", "Шелест (мэр Омска)": agreeing, or in the nominative."""
    return _agrees_with_name(a.post, a.name) or "Nom" in _post_cases(a.post)


APPOSITIONS: tuple[tuple[str, Callable[[Apposition], bool | None]], ...] = (
    ("one_of", one_of),  # "Дюваль, один из президентов компании"
    ("acting_after", acting_after),  # ", исполняющий обязанности представителя"
    ("plural_after", plural_after),  # a plural post: none
    ("signature", signature),  # "Иван Петров Президент ФИДЕ"
    ("apposition_comma", apposition_comma),  # "Сергей Шелест, мэр Омска"
    ("apposition_dash", apposition_dash),  # "Шелест — мэр Омска", "Шелест (мэр Омска)"
)
"""Whether a post after a name is the name's, in the order the rules are tried: the first that
decides (True or False; None passes) wins; the last always decides."""


def apposition(a: Apposition) -> tuple[bool, str]:
    """Whether the post is in apposition to the name, and the rule of :data:`APPOSITIONS`
    that decided."""
    for name, rule in APPOSITIONS:
        fits = rule(a)
        if fits is not None:
            return fits, name
    raise AssertionError("the last rule, apposition_dash, always decides")  # pragma: no cover


@dataclass(frozen=True)
class Around:
    """One mention of a person, as tokens, and the reader of its document: what the rules of
    :data:`CONSTRUCTIONS` read posts around."""

    reader: PostReader
    start: int
    end: int
    left: bool  # whether a post's word may stand before the mention
    right: bool  # whether one may stand after it


Found = list[tuple[Role, str]]


def posts_before(a: Around) -> Found:
    """ "мэр Омска Сергей Шелест" (``post_before``) and the posts listed before it ("лидер
    партии, депутат парламента Иван Петров": ``listed_post_before``); a holder in brackets
    after the name holds a post with none ("архиепископ Лонгин (РПЦ)")."""
    if not a.left:
        return []
    holder = a.reader.bracketed_holder(a.end)
    found = []
    for role, rule in a.reader.before_explained(a.start, a.end):
        if role.organization is None and holder is not None:
            role = role.model_copy(update={"organization": holder})
        found.append((role, rule))
    return found


def held_before(a: Around) -> Found:
    """ "мэром Омска избран Сергей Шелест" (``became_before``), "на пост мэра назначен Шелест"
    (``office_before``)."""
    if not a.left:
        return []
    role, rule = a.reader.held_before_explained(a.start)
    return [(role, rule)] if role is not None else []


def posts_after(a: Around) -> Found:
    """ "Сергей Шелест, мэр Омска", "Шелест — мэр Омска", "Иван Петров Президент ФИДЕ": named
    by the rule of :data:`APPOSITIONS` that let the post be the name's."""
    if not a.right:
        return []
    roles, rule = a.reader.after_explained(a.start, a.end)
    return [(role, rule) for role in roles]


def held_after(a: Around) -> Found:
    """ "назначил Шелеста мэром" (``given_post``), "Шелест, занимающий пост мэра"
    (``office_after``), "Шелест стал мэром Омска" (``became_after``)."""
    if not a.right:
        return []
    role, rule = a.reader.held_after_explained(a.start, a.end)
    return [(role, rule)] if role is not None else []


CONSTRUCTIONS: tuple[tuple[str, Callable[[Around], Found]], ...] = (
    ("posts_before", posts_before),
    ("held_before", held_before),
    ("posts_after", posts_after),
    ("held_after", held_after),
)
"""The constructions read around a mention, in their order: each adds the roles it reads,
named by the rule that read them; where two read the same post, the first in text order (then
in this order) stays (:func:`~newsnlp.roles.holders.merge_roles`)."""
