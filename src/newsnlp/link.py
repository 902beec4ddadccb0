"""Link: group the mentions of one entity, name it once, and link places to the gazetteer.

People group by surname (a lone "Шелест" or "С. Шелест" joins "Сергей Шелест"); places group
by gazetteer entry, so "КНР", "Китайская Народная Республика" and "Китай" are one country;
organizations by normalized name. Results are ``doc._.people``, ``doc._.places`` and
``doc._.organizations``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer, GazetteerEntry, default_gazetteer, gazetteer_key
from .normalize import span_normal
from .schema import Mention, Organization, Person, Place
from .segment import sentence_finder
from .tag import best_parse, token_tag

for _name in ("people", "places", "organizations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# words before a place name that tell what kind of place it is ("городами Кайфын ...")
_KIND_CUES = {
    "city": ("город", "г.", "мэр", "столиц"),
    "region": ("област", "край", "провинци", "регион", "штат", "округ", "республик"),
    "country": ("стран", "государств"),
}


def mention(span: Span) -> Mention:
    """The offsets and text of an entity span."""
    return Mention(start=span.start_char, stop=span.end_char, text=span.text)


def _name_part(word: str, tags: frozenset[str]) -> str:
    return next((tag for tag in ("Name", "Patr", "Surn") if tag in tags), "")


def _tags(span: Span, position: int) -> frozenset[str]:
    token = span[position]
    parse = best_parse(token.text.lower(), *token_tag(token))
    return frozenset(str(parse.tag).replace(" ", ",").split(","))


def name_parts(span: Span, name: str) -> tuple[str | None, str | None, str | None]:
    """(first, middle, last) of a normalized person name."""
    words = name.split()
    if not words:
        return None, None, None
    if len(words) == 1:
        kind = _name_part(words[0], _tags(span, 0)) if len(span) == 1 else ""
        return (words[0], None, None) if kind == "Name" else (None, None, words[0])
    if len(words) == 2:
        return words[0], None, words[1]
    patronymic = words[1].endswith(("вич", "вна", "ична", "чна", "ич"))
    if patronymic:
        return words[0], words[1], " ".join(words[2:])
    if words[2].endswith(("вич", "вна", "ична", "чна", "ич")):
        return words[1], words[2], words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def _clean_initials(words: list[str]) -> list[str]:
    return [word for word in words if not (len(word.rstrip(".")) == 1 and word.endswith("."))]


def link_people(spans: list[Span]) -> list[Person]:
    """One :class:`Person` per surname, named by its fullest nominative form."""
    groups: dict[str, list[tuple[Span, str]]] = {}
    order: list[str] = []
    full = sorted(spans, key=lambda span: -len(_clean_initials(span_normal(span).split())))
    for span in full:
        name = span_normal(span)
        words = _clean_initials(name.split()) or name.split()
        key = gazetteer_key(words[-1])
        if key not in groups:
            # a lone first name joins a person already seen with it ("Ксения" -> "Ксения Е.")
            alone = len(words) == 1 and next(
                (
                    k
                    for k, members in groups.items()
                    if gazetteer_key(members[0][1].split()[0]) == key
                ),
                None,
            )
            key = alone or key
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((span, name))
    people = []
    for key in order:
        members = sorted(groups[key], key=lambda item: item[0].start_char)
        best_span, best = max(
            groups[key], key=lambda item: (len(_clean_initials(item[1].split())), -item[0].start)
        )
        first, middle, last = name_parts(best_span, best)
        people.append(
            Person(
                name=best,
                first=first,
                middle=middle,
                last=last,
                mentions=[mention(span) for span, _ in members],
            )
        )
    return sorted(people, key=lambda person: person.mentions[0].start)


def place_kind_cue(span: Span, sent: Span) -> str | None:
    """The kind of place the words just before ``span`` name, if any ("в городе Омске")."""
    window = [
        token.lower_
        for token in sent[max(span.start - 6, sent.start) - sent.start : span.start - sent.start]
    ]
    for kind, cues in _KIND_CUES.items():
        if any(word.startswith(cues) for word in window):
            return kind
    return None


def choose_entry(
    candidates: list[GazetteerEntry], cue: str | None, countries: set[str]
) -> GazetteerEntry | None:
    """Pick the gazetteer entry a place name refers to.

    A country or a Russian region is taken as it is. A city needs support: the words before it
    name a city ("городами Кайфын, ... Маньчжурия"), or its country is mentioned in the article,
    or it is a large city (population ≥ 100,000); otherwise the name stays unlinked rather than
    pointing at a wrong town.
    """
    if not candidates:
        return None
    if cue is not None:
        for entry in candidates:
            if entry.kind == cue:
                return entry
    for entry in candidates:
        if entry.kind in ("country", "region"):
            return entry
        if entry.country in countries or entry.country == "RU" or entry.population >= 100_000:
            return entry
    return None


def place_name(entry: GazetteerEntry | None, names: Counter[str]) -> str:
    """The name a place is reported under.

    Countries and regions take the gazetteer's hand-kept name ("КНР" -> "Китай"); a city keeps
    the article's own spelling ("Кайфын", where the gazetteer transliterates "Кайфэн"), since
    city names in the gazetteer are chosen by machine among GeoNames' variants.
    """
    written = names.most_common(1)[0][0]
    if entry is None or entry.kind == "city":
        return written
    return entry.name


def link_places(spans: list[Span], gazetteer: Gazetteer | None) -> list[Place]:
    """One :class:`Place` per gazetteer entry (or per normalized name when unlinked)."""
    if not spans:
        return []
    sentence = sentence_finder(spans[0].doc)
    found = [(span, span_normal(span)) for span in spans]
    lookups = {name: gazetteer.lookup(name) if gazetteer else [] for _, name in found}
    countries = {
        entry.country
        for entries in lookups.values()
        for entry in entries[:1]
        if entry.kind == "country" and entry.country
    }
    groups: dict[str, list[tuple[Span, str, GazetteerEntry | None]]] = defaultdict(list)
    for span, name in found:
        entry = choose_entry(lookups[name], place_kind_cue(span, sentence(span.start)), countries)
        key = entry.id if entry else "name:" + gazetteer_key(name)
        groups[key].append((span, name, entry))
    places = []
    for members in groups.values():
        members.sort(key=lambda item: item[0].start_char)
        entry = members[0][2]
        names = Counter(name for _, name, _ in members)
        name = place_name(entry, names)
        aliases = sorted({n for n in names if gazetteer_key(n) != gazetteer_key(name)})
        places.append(
            Place(
                name=name,
                kind=entry.kind if entry else None,  # type: ignore[arg-type]
                country=entry.country if entry else None,
                lat=entry.lat if entry else None,
                lon=entry.lon if entry else None,
                source_id=entry.id if entry else None,
                aliases=aliases,
                mentions=[mention(span) for span, _, _ in members],
            )
        )
    return places


def link_organizations(spans: list[Span]) -> list[Organization]:
    """One :class:`Organization` per normalized name."""
    groups: dict[str, list[tuple[Span, str]]] = defaultdict(list)
    for span in spans:
        name = span_normal(span)
        groups[gazetteer_key(name)].append((span, name))
    return [
        Organization(
            name=Counter(name for _, name in members).most_common(1)[0][0],
            mentions=[mention(span) for span, _ in members],
        )
        for members in groups.values()
    ]


class Linker:
    """Groups ``doc.ents`` into people, places and organizations."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        by_label: dict[str, list[Span]] = defaultdict(list)
        for span in doc.ents:
            by_label[span.label_].append(span)
        doc._.people = link_people(by_label["PER"])
        doc._.places = link_places(by_label["LOC"], self.gazetteer)
        doc._.organizations = link_organizations(by_label["ORG"])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newsnlp_linker", default_config={"gazetteer": True})
def make_linker(nlp: Language, name: str, gazetteer: bool) -> Linker:
    """Factory of the linking component (``gazetteer=False`` leaves places unlinked)."""
    return Linker(default_gazetteer() if gazetteer else None)
