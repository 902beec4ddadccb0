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

from spacy.tokens import Doc

from .._batch import sentence_bounds
from ..schema import Role
from .lexicon import _MaybePost, token_kind
from .reader import _Reader


def unnamed_roles(doc: Doc, reader: _Reader, maybe: _MaybePost) -> dict[int, list[Role]]:
    """The roles of posts said without a name, by person index of ``doc._.people``."""
    person = reader.entities.person
    bounds = sentence_bounds(doc)
    named: list[set[int]] = [
        {person[i] for i in range(start, end) if person[i] >= 0} for start, end in bounds
    ]
    found: dict[int, list[Role]] = {}
    for number, (start, end) in enumerate(bounds):
        if named[number] or not maybe.within(start, end):
            continue
        for i in range(start, end):
            token = doc[i]
            if token.pos_ != "NOUN" or token_kind(token) != "post":
                continue
            morph = token.morph
            if "Nom" not in morph.get("Case", []) or "Plur" in morph.get("Number", []):
                continue
            if i > start and doc[i - 1].pos_ == "ADP":
                continue
            who = _only_neighbour(named, number)
            if who is None:
                continue
            role = reader.role(i, end, end)
            if role is not None:
                found.setdefault(who, []).append(role)
            break  # one post a sentence: the subject's
    return found


def _only_neighbour(named: list[set[int]], number: int) -> int | None:
    """The one person the sentences before and after ``number`` name, if they name one."""
    people: set[int] = set()
    for other in (number - 1, number + 1):
        if 0 <= other < len(named):
            people |= named[other]
    return next(iter(people)) if len(people) == 1 else None
