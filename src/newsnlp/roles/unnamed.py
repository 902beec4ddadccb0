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
from collections.abc import Sequence

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc

from .._batch import sentence_bounds
from ..schema import Role
from ..tag import morph_values
from .lexicon import _MaybePost, post_kind
from .reader import _Reader


def unnamed_roles(doc: Doc, reader: _Reader, maybe: _MaybePost) -> dict[int, list[Role]]:
    """The roles of posts said without a name, by person index of ``doc._.people``."""
    person = reader.entities.person
    bounds = sentence_bounds(doc)
    named = _Named(person, bounds)
    found: dict[int, list[Role]] = {}
    starts = [start for start, _ in bounds]
    lemmas = maybe.hashes[:, 0]  # the lemmas the roles stage already read: no new array
    done: set[int] = set()
    for i in _post_words(doc.vocab.strings, lemmas):
        number = bisect_right(starts, i) - 1
        if number in done or (token := doc[i]).pos_ != "NOUN":
            continue
        start, end = bounds[number]
        # (morph_values: spaCy's MorphAnalysis.get decodes the whole analysis at every call)
        if "Nom" not in morph_values(token, "Case") or "Plur" in morph_values(token, "Number"):
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


# the lemma hashes looked up so far, and those of them whose lemma names a post (hashes name
# the same strings in every vocabulary; a document has a few thousand)
_SEEN: set[int] = set()
_POSTS: set[int] = set()
_MAX_CACHED = 200_000
_CHUNK = 16_384  # words read at once: a huge text's lemmas are never all Python ints


def _post_words(strings: StringStore, lemmas: numpy.ndarray) -> list[int]:
    """The indexes of the words whose lemma (of the hashes ``lemmas``) names a post, in order;
    each distinct hash decoded and looked up once, the rest set operations (numpy's ``unique``
    and ``isin`` cost more than the few hundred words of an article)."""
    found: list[int] = []
    for begin in range(0, len(lemmas), _CHUNK):
        part = lemmas[begin : begin + _CHUNK].tolist()
        distinct = set(part)
        new = distinct - _SEEN
        if len(_SEEN) + len(new) > _MAX_CACHED:
            _SEEN.clear()
            _POSTS.clear()
            new = distinct
        if new:
            _SEEN.update(new)
            _POSTS.update(lemma for lemma in new if post_kind(strings[lemma]) == "post")
        found.extend(i for i, lemma in enumerate(part, begin) if lemma in _POSTS)
    return found


class _Named:
    """The people each sentence names, read when asked (a huge text has tens of thousands of
    sentences and few posts said without a name)."""

    def __init__(self, person: Sequence[int], bounds: list[tuple[int, int]]) -> None:
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
