"""The roles component: reads the posts of each person of ``doc._.people``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .._batch import DocComponent
from ..extensions import get_facts, set_facts
from ..schema import Mention, Role
from .holders import _Offsets
from .lexicon import _MaybePost
from .reader import _REACH, _Reader


def person_roles(doc: Doc) -> list[list[Role]]:
    """The roles of each person of ``doc._.people``, in the same order."""
    people = get_facts(doc, "people") or []
    if not people:
        return []
    offsets = _Offsets(doc)
    maybe = _MaybePost(doc)
    near: list[list[tuple[Mention, bool, bool]]] = []
    for person in people:
        # only the sides of mentions with a word that may be a post's within reach are read
        kept = []
        for mention in person.mentions:
            first, end = offsets.tokens(mention)
            left = maybe.within(max(first - _REACH, 0), first)
            right = maybe.within(end, min(end + 8, len(doc)))
            if left or right:
                kept.append((mention, left, right))
        near.append(kept)
    if not any(near):
        return [[] for _ in people]
    reader = _Reader(doc, offsets)
    return [reader.roles(mentions) if mentions else [] for mentions in near]


class RoleExtractor(DocComponent):
    """Sets the ``roles`` of each person the linker found (in ``doc._.newsnlp_people``)."""

    def __call__(self, doc: Doc) -> Doc:
        people = get_facts(doc, "people") or []
        held_by = person_roles(doc)
        if any(held_by):
            set_facts(
                doc,
                "people",
                [
                    person.model_copy(update={"roles": held}) if held else person
                    for person, held in zip(people, held_by)
                ],
            )
        return doc


@Language.factory(
    "newsnlp_roles",
    default_config={},
    requires=["token.lemma", "token.morph", "doc._.newsnlp_people", "doc._.newsnlp_places"],
    assigns=["doc._.newsnlp_people"],
)
def make_roles(nlp: Language, name: str) -> RoleExtractor:
    """Factory of the roles component."""
    return RoleExtractor()
