"""Posts said without a name: "Премьер-министр Израиля заявил, что … Нетаньяху отказался …".

A post's noun that is the subject of its sentence (nominative, singular) with nobody named in
that sentence speaks of someone named next to it: when the sentences before and after it name
exactly one person, the post is that person's ("Худрук Большого театра
завершил работу. Алексей Ратманский подытожил …"). A sentence that names two people, or a
post in another case ("выборы президента", "кандидат в президенты"), tells nothing; nor does a
post the article names someone with ("Глава региона добавил" after "губернатор Андрей
Никитин": his post said again, see ``component``).
"""

from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc

from .._batch import sentence_bounds
from ..schema import Role
from .lexicon import _MaybePost, post_kind
from .reader import _Reader


def unnamed_roles(doc: Doc, reader: _Reader, maybe: _MaybePost) -> dict[int, list[Role]]:
    """The roles of posts said without a name, by person index of ``doc._.people``."""
    person = reader.entities.person
    bounds = sentence_bounds(doc)
    named = _Named(person, bounds)
    found: dict[int, list[Role]] = {}
    starts = [start for start, _ in bounds]
    strings = doc.vocab.strings
    lemmas = maybe.hashes[:, 0]  # the lemmas the roles stage already read: no new array
    posts = [lemma for lemma in numpy.unique(lemmas).tolist() if _is_post(strings, lemma)]
    done: set[int] = set()
    # the words whose lemma is a post's, found by the distinct lemmas of the text (no look-up
    # per word of a huge text)
    for i in numpy.flatnonzero(numpy.isin(lemmas, posts)).tolist():
        number = bisect_right(starts, i) - 1
        if number in done or doc[i].pos_ != "NOUN":
            continue
        start, end = bounds[number]
        token = doc[i]
        morph = token.morph
        if "Nom" not in morph.get("Case", []) or "Plur" in morph.get("Number", []):
            continue
        if i > start and doc[i - 1].pos_ == "ADP":
            continue
        done.add(number)  # one post a sentence: the subject's
        if named(number):
            continue
        people = named(number - 1) | named(number + 1)
        if len(people) != 1:
            continue
        role = reader.role(i, end, end)
        if role is not None:
            found.setdefault(next(iter(people)), []).append(role)
    return found


_POSTS_BY_HASH: dict[int, bool] = {}
_MAX_CACHED = 200_000


def _is_post(strings: StringStore, lemma: int) -> bool:
    """Whether the lemma of hash ``lemma`` names a post, decoded and looked up once per hash
    (hashes name the same strings in every vocabulary; a document has a few thousand)."""
    found = _POSTS_BY_HASH.get(lemma)
    if found is None:
        if len(_POSTS_BY_HASH) >= _MAX_CACHED:
            _POSTS_BY_HASH.clear()
        found = _POSTS_BY_HASH[lemma] = post_kind(strings[lemma]) == "post"
    return found


class _Named:
    """The people each sentence names, read when asked (a huge text has tens of thousands of
    sentences and few posts said without a name)."""

    def __init__(self, person: list[int], bounds: list[tuple[int, int]]) -> None:
        self.person = person
        self.bounds = bounds
        self.known: dict[int, frozenset[int]] = {}

    def __call__(self, number: int) -> frozenset[int]:
        if not 0 <= number < len(self.bounds):
            return frozenset()
        found = self.known.get(number)
        if found is None:
            start, end = self.bounds[number]
            found = self.known[number] = frozenset(p for p in self.person[start:end] if p >= 0)
        return found
