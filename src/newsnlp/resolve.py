"""Resolution: the person or organization of the Article behind a pronoun or a descriptor.

A speaker's words name a person or a body ("Сергей Шелест", "Росстат"), or point to one:

- a pronoun: "он" / "она" (and "его", "её") is the person of that gender who spoke last, else
  the person of that gender named last before it; "они" the body that spoke or was named last;
  "который" the entity named just before it in its sentence;
- a post or a word for it ("градоначальник", "глава региона", "министр"): the person whose
  ``Person.roles`` hold a post of the same group (``models/lexicons/post_synonyms.txt``), or a
  post held in a place of the kind a vague post names ("глава региона": a president of
  Татарстан, ``holder_kinds.txt``), named last before it;
- a generic noun of an organization ("ведомство", "компания", "банк"): the last organization
  named whose name marks it as one of that kind (``models/lexicons/org_kinds.txt``), else the
  body that spoke last;
- a document ("в докладе", "в сообщении"), an unnamed agent ("представитель", "пресс-служба")
  or a medium ("издание"): what follows it when it names an entity ("представитель МИД"), else
  the body that spoke last; generic sources ("источник", "собеседник") are nobody
  (``models/lexicons/speaker_nouns.txt``).

The lexicons are general (posts, kinds of bodies, kinds of speakers): never names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from spacy.tokens import Doc, Token

from ._batch import doc_text, token_starts
from .lexicons import lexicon_lines, post_groups, title_groups
from .roles import POSTS
from .tag import best_parse, morph_values, token_tag

ReferentType = Literal["person", "organization"]


@dataclass(frozen=True)
class Referent:
    """A person or organization of the Article that words refer to."""

    name: str
    type: ReferentType


@dataclass(frozen=True, slots=True)
class Said:
    """A statement already read, for salience: where its cue is and who spoke."""

    start: int
    sentence: int
    referent: Referent | None


@dataclass(frozen=True, slots=True)
class _Named:
    start: int
    stop: int
    sentence: int
    referent: Referent
    rank: int  # person 0, organization 1, place 2
    gender: str  # "Masc", "Fem" or "" (people only)


_PERSONAL = frozenset({"он", "она", "оно", "его", "её", "ее", "него", "неё", "нее"})
_PLURAL = frozenset({"они", "их", "них"})
_RELATIVE = frozenset({"который"})
# posts that need the word after them to say which post ("глава региона")
_VAGUE_POSTS = frozenset({"глава", "руководитель", "председатель", "лидер"})
# how many mentions a look-up reads at most, either way
_LOOK = 2000
# how many sentences back a pronoun or an unnamed speaker looks for the one who spoke
_REACH = 4


@cache
def holder_kinds() -> dict[str, str]:
    """The word after a vague post ("глава региона") -> the kind of place it is held in."""
    return {words[0]: words[1] for words in lexicon_lines("holder_kinds")}


@cache
def org_kinds() -> dict[str, tuple[str, ...]]:
    """A generic noun of a body -> the starts of a word of the names of its kind."""
    return {words[0]: tuple(words[1:]) for words in lexicon_lines("org_kinds")}


@cache
def speaker_nouns() -> dict[str, str]:
    """A noun a speaker is called by -> how it is read ("agent", "document", "generic",
    "media")."""
    return {words[0].lower(): words[1] for words in lexicon_lines("speaker_nouns")}


def _nominative(token: Token, head: Token) -> str:
    """A word of a body's name in the nominative, in the number of its head, as written
    otherwise ("Центральной" -> "Центральная", "службе" -> "служба")."""
    parse = best_parse(token.text.lower(), *token_tag(token))
    number = "plur" if "Plur" in morph_values(head, "Number") else "sing"
    if parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return token.text
    form = parse.inflect({"nomn", number}) or parse.inflect({"nomn"})
    if form is None:
        return token.text
    word = form.word
    return word[:1].upper() + word[1:] if token.text[:1].isupper() else word


def _key(text: str) -> str:
    return text.lower().replace("ё", "е")


def _marked(word: str, marks: tuple[str, ...]) -> bool:
    """Whether a word of a name marks its kind: it begins with a mark, or holds one of four
    letters or more ("сбербанк" holds "банк")."""
    return word.startswith(marks) or any(len(mark) >= 4 and mark in word for mark in marks)


class Resolver:
    """Resolves the words of a speaker in one document to its people and organizations."""

    def __init__(
        self,
        doc: Doc,
        people: Sequence[Mapping[str, Any]],
        organizations: Sequence[Mapping[str, Any]],
        places: Sequence[Mapping[str, Any]],
        sentence_of: Sequence[int],
        starts: Sequence[int] | None = None,
    ) -> None:
        """``people``, ``organizations``, ``places``: the document's stored data of each
        (:func:`~newsnlp.extensions.get_data`: no record per mention is made);
        ``sentence_of``: the sentence number of each token of ``doc``; ``starts``: the offset
        of each (read from the document when not given)."""
        self.doc = doc
        self.sentence_of = sentence_of
        self.starts = token_starts(doc) if starts is None else starts
        named: list[_Named] = []
        self.roles: dict[str, frozenset[int]] = {}
        self.role_heads: dict[str, set[str]] = {}
        self.role_places: dict[str, set[str]] = {}
        for person in people:
            name = person["name"]
            referent = Referent(name, "person")
            gender = self._gender(person)
            for mention in person["mentions"]:
                named.append(
                    _Named(
                        mention["start"],
                        mention["stop"],
                        self._sentence(mention["start"]),
                        referent,
                        0,
                        gender,
                    )
                )
            groups: set[int] = set()
            heads: set[str] = set()
            roles = person.get("roles", ())
            self.role_places[name] = {
                role["organization"] for role in roles if role.get("organization")
            }
            for role in roles:
                groups |= title_groups(role["title"])
                heads.add(_key(role["title"]).split()[0])
                heads.add(_key(role["title"]))
            self.roles[name] = frozenset(groups)
            self.role_heads[name] = heads
        self.place_kinds = {place["name"]: place.get("kind") for place in places}
        for rank, entities in ((1, organizations), (2, places)):
            for entity in entities:
                referent = Referent(entity["name"], "organization")
                for mention in entity.get("mentions", ()):
                    named.append(
                        _Named(
                            mention["start"],
                            mention["stop"],
                            self._sentence(mention["start"]),
                            referent,
                            rank,
                            "",
                        )
                    )
        named.sort(key=lambda item: (item.start, item.rank))
        named = self._fullest(named, doc)
        self.named = named
        self.genders = {item.referent.name: item.gender for item in named if item.rank == 0}
        self.last_named: _Named | None = None
        self._second_lemma: str | None = None
        self.named_starts = [item.start for item in named]

    def _fullest(self, named: list[_Named], doc: Doc) -> list[_Named]:
        """The organizations under the fullest name the article gives them: an abbreviation
        under the name whose words' initials it is ("ЦИК" -> "Центральная избирательная
        комиссия"), an oblique form under its nominative when both are there ("Левада-центра"
        -> "Левада-центр"), else a name with the place right after it ("Министерство труда
        России")."""
        text = doc_text(doc)
        bodies = {item.referent.name for item in named if item.rank == 1}
        fuller: dict[str, str] = {}
        for name in bodies:
            if name.isupper() and 2 <= len(name) <= 6:
                for other in bodies:
                    words = [word for word in other.split() if len(word) > 2 or word.isupper()]
                    if len(words) == len(name) and "".join(w[0] for w in words).upper() == name:
                        fuller[name] = other
            for other in bodies:
                if other != name and name.startswith(other) and len(name) - len(other) <= 2:
                    fuller[name] = other
        for index, item in enumerate(named):
            if item.rank != 1 or item.referent.name in fuller:
                continue
            for after in named[index + 1 : index + 3]:
                if (
                    after.rank == 2
                    and not text[item.stop : after.start].strip()
                    and (after.start > item.stop)
                ):
                    fuller.setdefault(
                        item.referent.name, f"{item.referent.name} {text[after.start : after.stop]}"
                    )
        if not fuller:
            return named
        return [
            replace(item, referent=Referent(fuller[item.referent.name], "organization"))
            if item.rank == 1 and item.referent.name in fuller
            else item
            for item in named
        ]

    def _sentence(self, offset: int) -> int:
        token = max(bisect_right(self.starts, offset) - 1, 0)
        return self.sentence_of[token] if token < len(self.sentence_of) else 0

    def _gender(self, person: Mapping[str, Any]) -> str:
        """The person's gender from the morphology of the words of their mentions (``person``:
        the person's stored data)."""
        counts = {"Masc": 0, "Fem": 0}
        for mention in person["mentions"][:4]:
            span = self.doc.char_span(mention["start"], mention["stop"], alignment_mode="expand")
            for token in span or ():
                for gender in morph_values(token, "Gender"):
                    if gender in counts:
                        counts[gender] += 1
        if counts["Masc"] == counts["Fem"]:
            return ""
        return "Masc" if counts["Masc"] > counts["Fem"] else "Fem"

    # -- what the speaker's words name ------------------------------------------------------

    def named_in(self, start: int, stop: int) -> _Named | None:
        """The entity with a mention inside ``[start, stop)`` (a person first, then the
        longest organization, then a place)."""
        index = bisect_left(self.named_starts, start)
        inside = []
        # a mention may start before the words and still overlap them
        for item in self._forwards(max(index - 3, 0)):
            if item.start >= stop:
                break
            if item.stop > start and item.start < stop:
                inside.append(item)
        if not inside:
            return None
        return min(inside, key=lambda item: (item.rank, -(item.stop - item.start), item.start))

    def resolve(self, first: int, end: int, head: int, said: Sequence[Said]) -> Referent | None:
        """The referent of the speaker's words ``doc[first:end]`` with its head word
        ``doc[head]``; ``said``: the statements before it, in text order."""
        doc = self.doc
        start, stop = doc[first].idx, doc[end - 1].idx + len(doc[end - 1])
        found = self.named_in(start, stop)
        self.last_named = found
        joined = self.coordinated(start, stop)
        if joined is not None:
            self.last_named = None
            return joined
        token = doc[head]
        lower = _key(token.text)
        lemma = _key(token.lemma_ or token.text)
        sentence = self.sentence_of[head]
        how = speaker_nouns().get(lemma)
        if how == "generic" and not (found is not None and found.rank == 0):
            self.last_named = None
            return None  # "собеседник агентства", "источник в МИД": nobody named
        if found is not None and found.rank == 2 or found is None and token.pos_ == "NOUN":
            body = self.body(first, end, head)
            if body is not None:  # "пресс-служба правительства Новгородской области"
                self.last_named = None
                return Referent(body, "organization")
        if found is None and token.pos_ == "PROPN":
            return None  # a name the article does not list: not someone else
        if found is not None and not (lower in _PERSONAL | _PLURAL or lemma in _RELATIVE):
            if found.rank == 0 or not self._post_noun(token, lemma):
                return found.referent
            if speaker_nouns().get(lemma) == "agent":
                return found.referent  # "представитель ЦИК": the body
            # "руководитель Тамбовской области": the person who holds the post there
            words = self._words(head, end)
            holder = self._holder(words, self._asked(words), start, found.referent.name)
            if holder is None:
                holder = self._last_speaker(said, sentence, "person")
            self.last_named = None
            return holder if holder is not None else found.referent
        self.last_named = None
        if lower in _PERSONAL:
            return self._personal(token, start, sentence, said)
        if lower in _PLURAL:
            return self._plural(start, sentence, said)
        if lemma in _RELATIVE:
            return self._relative(start, sentence)
        words = self._words(head, end)
        return self._descriptor(token, words, start, sentence, said)

    def coordinated(self, start: int, stop: int) -> Referent | None:
        """Named sources joined by "и" in the speaker's words ("«Левада-центр» и Киевский
        международный институт социологии"): one referent "A; B"."""
        inside = []
        for item in self._forwards(bisect_left(self.named_starts, start)):
            if item.start >= stop:
                break
            if item.stop <= stop and item.rank < 2:
                inside.append(item)
        names: list[str] = []
        for item in inside:
            if item.referent.name not in names:
                names.append(item.referent.name)
        if len(names) < 2 or len({item.rank for item in inside}) != 1:
            return None
        text = doc_text(self.doc)[start:stop]
        if " и " not in text:
            return None
        return Referent("; ".join(names), inside[0].referent.type)

    def body(self, first: int, end: int, head: int) -> str | None:
        """The name of a body the speaker's words describe, in the nominative: a noun of a kind
        of body (``org_kinds.txt``, or a "мин-" word: "минздрав") with words after it or
        adjectives before it ("комитет по экономической политике Санкт-Петербурга",
        "региональный минздрав", "Федеральная антимонопольная служба России"), also after an
        agent ("пресс-служба правительства Новгородской области")."""
        doc = self.doc
        kinds = org_kinds()

        def is_body(i: int) -> bool:
            token = doc[i]
            lemma = _key(token.lemma_ or token.text)
            return token.pos_ == "NOUN" and (
                lemma in kinds
                or lemma.startswith("мин")
                and token.text[:1].islower()
                and "Anim" not in morph_values(token, "Animacy")
            )

        at = head if is_body(head) else None
        if at is None and speaker_nouns().get(_key(doc[head].lemma_)) in ("agent", "document"):
            at = head + 1 if head + 1 < end and is_body(head + 1) else None
        if at is None:
            return None
        start = at
        while start > first and doc[start - 1].pos_ == "ADJ":
            start -= 1
        if start == at and end - at < 2:
            return None  # a kind alone ("в ведомстве") is resolved by its kind
        words = [_nominative(doc[i], doc[at]) for i in range(start, at + 1)]
        words += [doc[i].text for i in range(at + 1, end)]
        return " ".join(words)

    def _last_speaker(
        self, said: Sequence[Said], sentence: int, type: ReferentType | None = None
    ) -> Referent | None:
        for item in reversed(said):
            if sentence - item.sentence > _REACH:
                return None
            if item.referent is not None and (type is None or item.referent.type == type):
                return item.referent
        return None

    def _before(
        self, start: int, sentence: int, rank: int | None = None, reach: int | None = _REACH
    ) -> list[_Named]:
        """The entities named before ``start`` within ``reach`` sentences (any when None),
        nearest first."""
        index = bisect_left(self.named_starts, start)
        found = []
        for item in self._backwards(index):
            if reach is not None and sentence - item.sentence > reach:
                break
            if rank is None or item.rank == rank:
                found.append(item)
        return found

    def _personal(
        self, token: Token, start: int, sentence: int, said: Sequence[Said]
    ) -> Referent | None:
        gender = next(iter(morph_values(token, "Gender")), "")
        if token.lower_ in ("её", "ее", "неё", "нее"):
            gender = "Fem"
        if gender == "Neut":
            return self._plural(start, sentence, said)

        def fits(referent: Referent) -> bool:
            if referent.type != "person":
                return False
            known = self._person_gender(referent.name)
            return not gender or not known or known == gender

        for item in reversed(said):
            if sentence - item.sentence > 1:
                break
            if item.referent is not None and fits(item.referent):
                return item.referent
        for named in self._before(start, sentence, rank=0):
            if fits(named.referent):
                return named.referent
        for item in reversed(said):
            if sentence - item.sentence > _REACH:
                break
            if item.referent is not None and fits(item.referent):
                return item.referent
        return None

    def _person_gender(self, name: str) -> str:
        return self.genders.get(name, "")

    def _forwards(self, index: int) -> Iterator[_Named]:
        """The entities named from position ``index`` of :attr:`named` on, in text order (at
        most :data:`_LOOK` of them: a huge text's look-ups stay short)."""
        named = self.named
        for position in range(index, min(index + _LOOK, len(named))):
            yield named[position]

    def _backwards(self, index: int) -> Iterator[_Named]:
        """The entities named before position ``index`` of :attr:`named`, nearest first (no
        copy of the list: a huge text has tens of thousands; at most :data:`_LOOK`)."""
        named = self.named
        for position in range(index - 1, max(index - _LOOK, 0) - 1, -1):
            yield named[position]

    def _plural(self, start: int, sentence: int, said: Sequence[Said]) -> Referent | None:
        if said and sentence - said[-1].sentence <= 1:
            last = said[-1].referent  # "Учёные считают … По их словам": the same speakers
            return last if last is None or last.type == "organization" else None
        spoke = self._last_speaker(said, sentence, "organization")
        if spoke is not None:
            return spoke
        bodies = self._before(start, sentence, rank=1)
        return bodies[0].referent if bodies else None

    def _relative(self, start: int, sentence: int) -> Referent | None:
        for item in self._before(start, sentence):
            if item.sentence == sentence:
                return item.referent
        return None

    def _descriptor(
        self,
        token: Token,
        words: list[str],
        start: int,
        sentence: int,
        said: Sequence[Said],
    ) -> Referent | None:
        holder = self._holder(words, self._asked(words), start)
        if holder is not None:
            return holder
        kinds = org_kinds()
        how = speaker_nouns().get(words[0])
        if words[0] in kinds:
            marks = kinds[words[0]]
            for item in self._before(start, sentence, rank=1, reach=None):
                if any(_marked(part, marks) for part in _key(item.referent.name).split()):
                    return item.referent
            return self._last_speaker(said, sentence, "organization")
        if how == "generic":
            return None
        if how in ("agent", "document", "media"):
            return self._last_body(start, sentence, said)
        plural = "Plur" in morph_values(token, "Number")
        if token.pos_ == "NOUN" and not plural and "Anim" in morph_values(token, "Animacy"):
            spoke = self._last_speaker(said, sentence, "person")
            if spoke is None and self._post_noun(token, words[0]):
                # "заявлял президент": the person named last before, when one is
                people = self._before(start, sentence, rank=0)
                return people[0].referent if people else None
            return spoke
        return None

    @staticmethod
    def _asked(words: list[str]) -> frozenset[int]:
        """The post groups of a descriptor's words ("глава региона": губернатор's only)."""
        groups = post_groups()
        if len(words) == 2 and " ".join(words) in groups:
            return groups[" ".join(words)]
        return groups.get(words[0], frozenset())

    @staticmethod
    def _post_noun(token: Token, lemma: str) -> bool:
        """Whether a speaker's head is a singular noun of a post ("руководитель", "министр")."""
        return (
            token.pos_ == "NOUN"
            and "Plur" not in morph_values(token, "Number")
            and (lemma in POSTS or lemma in post_groups())
        )

    def _holder(
        self, words: list[str], asked: frozenset[int], start: int, where: str | None = None
    ) -> Referent | None:
        """The person holding the post the words name (in ``where`` when given), named last
        before ``start`` (else first after it)."""
        phrase = " ".join(words)
        kind = None
        if len(words) > 1 and words[0] in _VAGUE_POSTS:
            kind = holder_kinds().get(self._second_lemma or "")
        holders = {
            name
            for name, groups in self.roles.items()
            if asked & groups
            or phrase in self.role_heads[name]
            or (words[0] in self.role_heads[name] and words[0] not in _VAGUE_POSTS)
            or (where is not None and where in self.role_places[name])
            or (kind is not None and kind in self._held_kinds(name))
        }
        if not holders:
            return None
        index = bisect_left(self.named_starts, start)
        for item in self._backwards(index):
            if item.rank == 0 and item.referent.name in holders:
                return item.referent
        for item in self._forwards(index):
            if item.rank == 0 and item.referent.name in holders:
                return item.referent
        return None

    def _words(self, head: int, end: int) -> list[str]:
        """A descriptor's words as the post lexicons write them: the head's dictionary form
        and the word after it as written ("главы региона" -> ["глава", "региона"])."""
        doc = self.doc
        words = [_key(doc[head].lemma_ or doc[head].text)]
        self._second_lemma = None
        if head + 1 < end:
            words.append(_key(doc[head + 1].text))
            self._second_lemma = _key(doc[head + 1].lemma_ or doc[head + 1].text)
        return words

    def _held_kinds(self, name: str) -> set[str]:
        """The kinds of the places a person's posts are held in ("region" for Татарстан)."""
        return {self.place_kinds.get(place) or "" for place in self.role_places[name]}

    def _last_body(self, start: int, sentence: int, said: Sequence[Said]) -> Referent | None:
        spoke = self._last_speaker(said, sentence, "organization")
        if spoke is not None:
            return spoke
        bodies = self._before(start, sentence, rank=1)
        return bodies[0].referent if bodies else None
