"""The roles component: reads the posts of each person of ``doc._.people``."""

from __future__ import annotations

from spacy.tokens import Doc

from .._batch import DocComponent
from ..extensions import drop_records, get_facts, set_facts
from ..lexicons import title_groups
from ..schema import Mention, Role
from .holders import _Offsets, merge_roles
from .lexicon import _MaybePost
from .reader import _REACH, _Reader
from .unnamed import unnamed_roles


def person_roles(doc: Doc) -> list[list[Role]]:
    """The roles of each person of ``doc._.people``, in the same order."""
    return [[role for role, _ in roles] for roles in person_roles_explained(doc)]


def person_roles_explained(doc: Doc) -> list[list[tuple[Role, str]]]:
    """The roles of each person of ``doc._.people``, in the same order, each with the name of
    the rule that read it (a rule of :data:`~newsnlp.roles.rules.CONSTRUCTIONS`, or
    ``unnamed``: a post said again without the name, "Глава региона добавил")."""
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
    reader = _Reader(doc, offsets)
    found = [reader.roles_explained(mentions) if mentions else [] for mentions in near]
    everyone = [role for roles in found for role, _ in roles]
    for number, roles in unnamed_roles(doc, reader, maybe).items():
        # a post someone is named with is theirs, said again ("Глава региона добавил")
        new = [reader.in_country(role) for role in roles if not _same_post(role, everyone)]
        if new:
            rules = {id(role): rule for role, rule in found[number]}
            rules.update((id(role), "unnamed") for role in new)
            merged = merge_roles([role for role, _ in found[number]] + new)
            found[number] = [(role, rules[id(role)]) for role in merged]
    return found


def explain(doc: Doc) -> list[tuple[Role, str]]:
    """Every role of the people of a document the roles stage has read, with the name of the
    rule that read it (``newsnlp analyze --explain``)."""
    return [pair for roles in person_roles_explained(doc) for pair in roles]


def _same_post(role: Role, held: list[Role]) -> bool:
    """Whether a post said without a name is one of ``held`` (the posts the article names
    people with), by the same word or another word for it ("градоначальник" of a мэр:
    ``models/lexicons/post_synonyms.txt``), or of the same body ("президент академии" of a
    "глава академии")."""
    groups = title_groups(role.title)
    words = role.title.split()
    return any(
        groups & title_groups(other.title)
        or other.title.split()[0] == words[0]
        or (len(words) > 1 and other.title.split()[-1] == words[-1])  # "глава академии"
        for other in held
    )


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
        # no later stage reads the entities as records (the percentages, ratios, statements and
        # layout read their data): a huge text's tens of thousands of mentions go now rather
        # than after the next five stages
        drop_records(doc, ["people", "places", "organizations"])
        return doc
