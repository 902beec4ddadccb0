"""Link: group the mentions of one entity, name it once, and link places to the gazetteer.

People group by surname (a lone "Шелест" or "С. Шелест" joins "Сергей Шелест"); places group
by gazetteer entry, so "КНР", "Китайская Народная Республика" and "Китай" are one country;
organizations by normalized name. Results are ``doc._.people``, ``doc._.places`` and
``doc._.organizations`` (stored as data: see :mod:`newsnlp.extensions`).
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter, defaultdict
from functools import lru_cache

from spacy.tokens import Doc, Span

from . import resources
from ._batch import DocComponent
from .extensions import set_facts
from .gazetteer import PLACE_KINDS, Gazetteer, GazetteerEntry, gazetteer_key
from .normalize import person_case_gender, span_normal
from .places import latin_acronym, names_a_facility
from .recognize import NESTED_PEOPLE, NESTED_PLACES
from .schema import Mention, Organization, Person, Place
from .segment import sentence_finder
from .tag import best_parse, token_tag

# words before a place name that tell what kind of place it is ("городами Кайфын ...")
_KIND_CUES = {
    "city": ("город", "г.", "мэр", "столиц"),
    "region": ("област", "край", "провинци", "регион", "штат", "округ", "республик"),
    "country": ("стран", "государств"),
}


def mention(span: Span) -> Mention:
    """The offsets, text and own nominative form of an entity span."""
    return Mention(
        start=span.start_char, stop=span.end_char, text=span.text, normal=span_normal(span)
    )


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
    return [word for word in words if not _is_initials(word)]


def _is_initials(word: str) -> bool:
    """ "С.", "В.Л", "Н" as a first name: initials, not a name."""
    letters = word.replace(".", "")
    return len(letters) <= 2 and letters.isupper() and ("." in word or len(letters) == 1)


def _cyrillic(text: str) -> bool:
    return any("а" <= char <= "я" or char == "ё" for char in text.lower())


@lru_cache(maxsize=10_000)
def _patronymic(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a patronymic and not as a surname ("Николаевич",
    not "Абрамович")."""
    tags = [parse.tag for parse in resources.morph_analyzer().parse(word.lower())]
    return any("Patr" in tag for tag in tags) and not any("Surn" in tag for tag in tags)


def _first_and_patronymic(words: list[str]) -> bool:
    """ "Борис Николаевич": a first name and a patronymic, no surname."""
    return len(words) == 2 and _patronymic(words[1])


# case endings a name's word takes in the oblique cases, longest first ("носовой" -> "носов")
_NAME_ENDINGS = ("ой", "ою", "ым", "ом", "ем", "ей", "а", "я", "у", "ю", "е", "ы", "и")


@lru_cache(maxsize=100_000)
def case_stem(word: str) -> str:
    """A name word without the ending its cases change ("топалова", "топалову", "топалов" ->
    "топалов"; "сулимы", "сулим" -> "сулим"), enough to tell forms of one name apart from
    other names."""
    word = gazetteer_key(word)
    for ending in _NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


_POSSESSIVE_STEMS = ("ов", "ев", "ин", "ын")


@lru_cache(maxsize=100_000)
def surname_genders(word: str) -> frozenset[str]:
    """The genders a Russian-type surname (in -ов, -ев, -ин) can have in the form ``word``:
    "носовой" a woman's, "носову", "носова" either (a woman's accusative and nominative, a man's
    dative and genitive), "носовым", "носов" a man's; any other surname either."""
    word = gazetteer_key(word)
    stem = case_stem(word)
    if not stem.endswith(_POSSESSIVE_STEMS):
        return _BOTH
    ending = word[len(stem) :]
    if ending in ("ой", "ою"):
        return frozenset({"Fem"})
    if ending in ("", "ым", "ом", "е"):
        return frozenset({"Masc"})
    return _BOTH


_BOTH = frozenset({"Masc", "Fem"})


@lru_cache(maxsize=10_000)
def first_name_genders(word: str) -> frozenset[str]:
    """The genders pymorphy3 knows ``word`` a first name of, in any case ("сулимы": a man's
    genitive of "Сулим" or a woman's "Сулима"); both when it does not know it as one."""
    genders = {
        {"masc": "Masc", "femn": "Fem"}.get(parse.tag.gender or "", "")
        for parse in resources.morph_analyzer().parse(word.lower())
        if "Name" in parse.tag and parse.is_known
    } - {""}
    return frozenset(genders) or _BOTH


def one_letter_apart(one: str, other: str, shortest: int) -> bool:
    """Whether two words of ``shortest`` letters or more differ by one letter added, dropped or
    changed ("сааакашвили", "саакашвили")."""
    if min(len(one), len(other)) < shortest or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        return sum(a != b for a, b in zip(one, other)) == 1
    short, long = sorted((one, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _initial_of(word: str) -> str | None:
    """The letter of an initial written as a name's last word ("С." in "Игорь С.")."""
    return word[0].lower() if _is_initials(word) else None


class _PersonGroup:
    """The mentions of one person while grouping: the fullest name seen and its parts, each
    kept as a stem (:func:`case_stem`) so that the name's case forms agree with it."""

    def __init__(self, span: Span, name: str) -> None:
        self.members: list[tuple[Span, str]] = []
        self.last: str | None = None
        self.first: str | None = None
        self.middle: str | None = None
        self.initial: str | None = None
        self.last_initial: str | None = None
        self.genders: frozenset[str] = _BOTH
        self.starts: list[int] = []  # the mentions' first tokens, in order
        self.add(span, name)

    def before(self, start: int) -> int | None:
        """The start of this person's last mention before token ``start``, if any."""
        i = bisect.bisect_left(self.starts, start)
        return self.starts[i - 1] if i else None

    def add(self, span: Span, name: str) -> None:
        """Take in a mention, filling in the parts of the name still unknown."""
        self.members.append((span, name))
        bisect.insort(self.starts, span.start)
        words = name.split()
        full = _clean_initials(words)
        if _first_and_patronymic(words):
            self.first = self.first or case_stem(words[0])
            self.middle = self.middle or case_stem(words[1])
            self._narrow(first_name_genders(words[0]))
            return
        if len(words) > 1 and len(full) == 1 and _initial_of(words[-1]):  # "Игорь С."
            self.first = self.first or case_stem(full[0])
            self.last_initial = self.last_initial or _initial_of(words[-1])
            self._narrow(first_name_genders(full[0]))
            return
        if self.last is None:
            self.last = case_stem(full[-1]) if full else case_stem(words[-1])
            self._narrow(surname_genders(full[-1] if full else words[-1]))
        if self.first is None and len(full) > 1:
            self.first = case_stem(full[0])
            self._narrow(first_name_genders(full[0]))
        if self.middle is None and len(full) == 3 and _patronymic(full[1]):
            self.middle = case_stem(full[1])
        if self.initial is None and len(words) > 1:
            self.initial = words[0][0].lower()

    def _narrow(self, genders: frozenset[str]) -> None:
        if self.genders & genders:
            self.genders &= genders

    def accepts(self, words: list[str]) -> bool:
        """Whether a mention named ``words`` can be this person: its first name, patronymic,
        surname, initials and gender agree with what the person's mentions give ("Борис
        Николаевич" is "Борис Николаевич Ельцин"; "Игорь С." is "Игорь Седов")."""
        full = _clean_initials(words)
        if _first_and_patronymic(words):
            first, middle = case_stem(words[0]), case_stem(words[1])
            return (
                self.first == first
                and self.middle in (None, middle)
                and bool(self.genders & first_name_genders(words[0]))
            )
        if len(words) > 1 and len(full) == 1 and _initial_of(words[-1]):  # "Игорь С."
            return (
                self.first == case_stem(full[0])
                and self.last is not None
                and self.last[:1] == _initial_of(words[-1])
            )
        if self.last is None:  # known by first name and patronymic (or initial) only
            if len(full) < 2 or case_stem(full[0]) != self.first:
                return False
            return self.last_initial is None or case_stem(full[-1])[:1] == self.last_initial
        if not full:
            return False
        last = case_stem(full[-1])
        if last != self.last:
            # a surname misspelt by a letter beside the same first name ("Олег Кондраттенко")
            if not (
                len(full) > 1
                and self.first == case_stem(full[0])
                and one_letter_apart(last, self.last, 7)
            ):
                return False
        if not self.genders & surname_genders(full[-1]):
            return False
        if len(full) > 1:
            if not self.genders & first_name_genders(full[0]):
                return False
            first = case_stem(full[0])
            # a first name written with a letter more or less ("Раймонд", "Раймон")
            return (
                self.first is None or first == self.first or one_letter_apart(first, self.first, 5)
            )
        if len(words) > 1:  # "С. Шелест": the initial must fit the first name
            return self.initial is None or words[0][0].lower() == self.initial
        return True


def _fullness(item: tuple[Span, str]) -> tuple[int, bool, bool, int, int]:
    """Sort key of a person's mentions, best name first: more words, Cyrillic, as written,
    shorter (a name's nominative is its shortest form: "Ло Шисюн", not "Ло Шисюном")."""
    span, name = item
    as_written = name == span.text
    words = len(_clean_initials(name.split()))
    return (words, _cyrillic(name), as_written, -len(name), -span.start)


def _alias_target(span: Span, previous: Span | None) -> bool:
    """Whether ``span`` is a name in brackets right after ``previous`` ("Вольфа (Joshua Wolf)")."""
    if previous is None or span.start < 1 or span.doc[span.start - 1].text != "(":
        return False
    return previous.end == span.start - 1 and _cyrillic(previous.text) != _cyrillic(span.text)


def group_people(spans: list[Span]) -> list[list[tuple[Span, str]]]:
    """Group person mentions: one group per person, fullest mentions first.

    A mention joins a person with the same surname and a compatible first name or initial
    ("Шелест", "С. Шелест" join "Сергей Шелест"; "Алла Бут" and "Виктор Бут" stay apart); a
    lone word joins the nearest earlier person with that surname, else with that first name;
    a name in another script in brackets right after a person's mention is that person
    ("Джошуа Вольфа (Joshua Wolf)").
    """
    by_start = sorted(spans, key=lambda span: span.start)
    alias_of = {
        span.start: previous
        for previous, span in zip([None, *by_start], by_start)
        if _alias_target(span, previous)
    }
    groups: list[_PersonGroup] = []
    owner: dict[int, _PersonGroup] = {}
    items = [(span, span_normal(span)) for span in spans]
    for span, name in sorted(items, key=_fullness, reverse=True):
        words = name.split() or [span.text]
        target = alias_of.get(span.start)
        group = owner.get(target.start) if target is not None else None
        if group is None:
            group = _choose_group(groups, words, span.start)
        if group is None:
            group = _PersonGroup(span, name)
            groups.append(group)
        else:
            group.add(span, name)
        owner[span.start] = group
    return [group.members for group in groups]


def _choose_group(groups: list[_PersonGroup], words: list[str], start: int) -> _PersonGroup | None:
    """The one person a mention (at token ``start``) can be. A full name joins the person with
    that name; a first name alone, a first name and patronymic or a name with an initial joins
    only when exactly one person of the document fits it, and is its own entry when two do
    ("Сергей" after "Сергей Иванов" and "Сергей Петров"); a surname alone of two people joins
    the one named last before it, else it is its own entry."""
    fitting = [group for group in groups if group.accepts(words)]
    if not fitting and len(words) == 1:
        key = case_stem(words[0])
        genders = first_name_genders(words[0])
        fitting = [
            group
            for group in groups
            if group.first == key and group.middle is None and group.genders & genders
        ]
    if len(fitting) == 1:
        return fitting[0]
    full = _clean_initials(words)
    if len(fitting) > 1 and len(full) > 1 and not _first_and_patronymic(words):
        same = [group for group in fitting if group.first == case_stem(full[0])]
        return (same or fitting)[0]
    if len(fitting) > 1 and len(full) == 1 and fitting[0].last == case_stem(full[0]):
        # a surname alone of two people ("Бут" after "Алла Бут" and "Виктор Бут"): the one
        # named last before it
        before = [(group.before(start), group) for group in fitting]
        named = [(at, group) for at, group in before if at is not None]
        if named:
            return max(named, key=lambda item: item[0])[1]
    return None


def _nominatives(members: list[tuple[Span, str]]) -> list[str]:
    """Words of the person's mentions that are in the nominative, as written."""
    words = []
    for span, _ in members:
        if person_case_gender(span)[0] == "Nom":
            words += [token.text for token in span if token.text[:1].isupper()]
    return words


def _settled(word: str, written: list[str]) -> str:
    """``word``, or the nominative form the article writes of it ("Раймонд" -> "Раймон")."""
    key = gazetteer_key(word)
    for candidate in written:
        other = gazetteer_key(candidate)
        if other == key:
            return word
    for candidate in written:
        other = gazetteer_key(candidate)
        prefix = len(os.path.commonprefix([key, other]))
        if 3 <= len(other) <= len(key) and prefix >= len(other) - 1 and prefix >= len(key) - 3:
            return candidate
    for candidate in written:
        # a foreign name the rules took a case ending off, written so in a nominative mention
        # ("Штиппе" of "в Австрии Йорген Штиппе" and "рассказал Штиппе")
        if case_stem(candidate) == case_stem(word) and not _known_word(candidate.lower()):
            return candidate
    return word


@lru_cache(maxsize=10_000)
def _known_word(word: str) -> bool:
    return any(parse.is_known for parse in resources.morph_analyzer().parse(word))


def person_name(members: list[tuple[Span, str]]) -> tuple[Span, str]:
    """The fullest name of a person, each word as a nominative mention writes it if one does;
    a patronymic another mention gives goes in ("Людмила Гурченко" and "Людмилы Марковны" are
    "Людмила Марковна Гурченко")."""
    span, name = max(members, key=_fullness)
    written = _nominatives(members)
    words = name.split()
    if len(words) == 2 and not _first_and_patronymic(words):
        middles = [
            other.split()[1]
            for _, other in members
            if _first_and_patronymic(other.split())
            and gazetteer_key(other.split()[0]) == gazetteer_key(words[0])
        ]
        if middles:
            words.insert(1, middles[0])
    return span, " ".join(_settled(word, written) for word in words)


def link_people(spans: list[Span]) -> list[Person]:
    """One :class:`Person` per person, named by its fullest nominative form."""
    people = []
    for members in group_people(spans):
        members.sort(key=lambda item: item[0].start_char)
        best_span, best = person_name(members)
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

    A country, a Russian region or another named place ("Европа", "МКС") is taken as it is;
    organizations the gazetteer knows (the EU) are never places. A city needs support: the
    words before it name a city ("городами Кайфын, ... Маньчжурия"), or its country is
    mentioned in the article, or it is a large city (population ≥ 100,000); otherwise the name
    stays unlinked rather than pointing at a wrong town.
    """
    candidates = [entry for entry in candidates if entry.kind in PLACE_KINDS]
    if not candidates:
        return None
    if cue is not None:
        for entry in candidates:
            if entry.kind == cue:
                return entry
    for entry in candidates:
        if entry.kind != "city":
            return entry
        if entry.country in countries or entry.country == "RU" or entry.population >= 100_000:
            return entry
    return None


def place_name(entry: GazetteerEntry | None, names: Counter[str]) -> str:
    """The name a place is reported under.

    Countries and regions take the gazetteer's hand-kept name ("КНР" -> "Китай"), unless the
    article writes a country's current official name ("Беларусь", "Молдова") or a republic's
    short name ("Бурятия", "Татарстан" rather than "Республика Бурятия"); a city keeps
    the article's own spelling ("Кайфын", where the gazetteer transliterates "Кайфэн"), since
    city names in the gazetteer are chosen by machine among GeoNames' variants.
    """
    written = names.most_common(1)[0][0]
    if entry is None or entry.kind == "city":
        return written
    if entry.official and any(gazetteer_key(n) == gazetteer_key(entry.official) for n in names):
        return entry.official  # the article writes the current official name: "Беларусь"
    if entry.kind == "region" and _REPUBLIC.search(entry.name):
        short = _short_name(entry, names)
        if short is not None:
            return short  # "Бурятия", as a country is "Китай" and not its official title
    return entry.name


_REPUBLIC = re.compile(r"\bреспублика\b", re.IGNORECASE)


def _short_name(entry: GazetteerEntry, names: Counter[str]) -> str | None:
    """The gazetteer's short name of a republic that the article writes ("Бурятия" for
    "Республика Бурятия", "Чувашия" for "Чувашская Республика"): not a title with
    "Республика", not an abbreviation ("КБР")."""
    short = {
        gazetteer_key(alias): alias
        for alias in entry.aliases
        if not _REPUBLIC.search(alias) and not alias.isupper()
    }
    for written, _ in names.most_common():
        if gazetteer_key(written) in short:
            return short[gazetteer_key(written)]
    return None


def link_places(spans: list[Span], gazetteer: Gazetteer | None) -> list[Place]:
    """One :class:`Place` per gazetteer entry (or per normalized name when unlinked)."""
    if not spans:
        return []
    sentence = sentence_finder(spans[0].doc)
    found = [(span, span_normal(span)) for span in spans]
    lookups = {name: gazetteer.lookup(name) if gazetteer else [] for _, name in found}
    found = [
        (span, name)
        for span, name in found
        if lookups[name] or not (names_a_facility(span, name) or latin_acronym(span))
    ]
    countries = {
        entry.country
        for entries in lookups.values()
        for entry in entries[:1]
        if entry.kind == "country" and entry.country
    }
    groups: dict[str, list[tuple[Span, str, GazetteerEntry | None]]] = defaultdict(list)
    for span, name in found:
        entry = choose_entry(lookups[name], place_kind_cue(span, sentence(span.start)), countries)
        key = entry.id if entry else "name:" + " ".join(map(case_stem, name.split()))
        groups[key].append((span, name, entry))
    places = []
    for members in join_place_groups(list(groups.values())):
        members.sort(key=lambda item: item[0].start_char)
        entry = next((entry for _, _, entry in members if entry is not None), None)
        names = Counter(name for _, name, _ in members)
        # a form the text writes as it is goes first ("Славянка" beside "Славянку")
        written = {span.text for span, _, _ in members}
        names = Counter({n: 2 * c + (n in written) for n, c in names.most_common()})
        for short in [n for n in names if any(abbreviation_of(n, other) for other in names)]:
            names[short] = 0  # the full name, not its abbreviation ("УрФО")
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


_PlaceGroup = list[tuple[Span, str, GazetteerEntry | None]]
# nouns after an adjective made from a place's name that name that place again ("Курильские
# острова" for "Курилы", "Гагаузская автономия" for "Гагаузия"), with the endings the place's
# name must have: a plural name for islands and mountains, a country for a republic
_SAME_PLACE_NOUNS = {
    "острова": ("ы", "и"),
    "гряда": ("ы", "и"),
    "архипелаг": ("ы", "и"),
    "горы": ("ы", "и"),
    "автономия": ("ия",),
    "республика": ("",),
}
_ADJECTIVE_SUFFIX = re.compile(r"ь?[сц]к(?:ий|ая|ое|ие|ой)$")
_PLACE_ENDING = re.compile(r"(?:ия|ья|ы|и|а|я|ь)$")


def _group_names(members: _PlaceGroup) -> set[str]:
    """Every name a group of place mentions goes by: its normal forms and its gazetteer names."""
    names = {name for _, name, _ in members}
    for _, _, entry in members:
        if entry is not None:
            names.update((entry.name, *entry.aliases))
    return names


def abbreviation_of(short: str, name: str) -> bool:
    """Whether ``short`` is written with the first letters of ``name``'s words and of their
    hyphenated parts, each capital opening a part ("ЮФО", "Южный федеральный округ"; "СЗФО",
    "Северо-Западный федеральный округ"; "ПриФО", "Приволжский федеральный округ")."""
    if " " in short or sum(char.isupper() for char in short) < 2 or not short[:1].isupper():
        return False
    chunks = _ABBREVIATION_CHUNK.findall(short)
    if "".join(chunks) != short:
        return False
    parts = [part for word in name.split() for part in word.split("-") if part]
    return len(parts) == len(chunks) and all(
        part.lower().startswith(chunk.lower()) for part, chunk in zip(parts, chunks)
    )


_ABBREVIATION_CHUNK = re.compile(r"[А-ЯЁA-Z][а-яёa-z]*")


def _adjective_place(name: str) -> tuple[str, tuple[str, ...]] | None:
    """The stem of the adjective and the endings a place's name must have, when ``name`` is an
    adjective made from a place's name and a noun of :data:`_SAME_PLACE_NOUNS`."""
    words = name.lower().split()
    if len(words) != 2 or words[1] not in _SAME_PLACE_NOUNS:
        return None
    stem = _ADJECTIVE_SUFFIX.sub("", words[0])
    if stem == words[0] or len(stem) < 3:
        return None
    return stem, _SAME_PLACE_NOUNS[words[1]]


def _made_from(adjective: tuple[str, tuple[str, ...]], group: _PlaceGroup) -> bool:
    """Whether the adjective's stem is the stem of a one-word name of ``group`` that has one
    of the endings wanted (a republic's place must be a country)."""
    stem, endings = adjective
    if endings == ("",) and not any(e is not None and e.kind == "country" for *_, e in group):
        return False
    return any(
        len(name.split()) == 1
        and name.lower().endswith(endings)
        and _PLACE_ENDING.sub("", name.lower()) == stem
        for name in _group_names(group)
    )


def _same_place(group: _PlaceGroup, other: _PlaceGroup) -> bool:
    """Whether one group names the place of the other by an abbreviation or by an adjective
    made from its name (see :func:`join_place_groups`)."""
    names, other_names = _group_names(group), _group_names(other)
    if any(abbreviation_of(n, o) or abbreviation_of(o, n) for n in names for o in other_names):
        return True
    return any(
        (adjective := _adjective_place(n)) is not None and _made_from(adjective, other)
        for n in names
    ) or any(
        (adjective := _adjective_place(o)) is not None and _made_from(adjective, group)
        for o in other_names
    )


def join_place_groups(groups: list[_PlaceGroup]) -> list[_PlaceGroup]:
    """Groups of one place under two names made one: an abbreviation of the first letters of
    a place the article names in full ("ЮФО" beside "Южный федеральный округ"), and an
    adjective made from a place's name with a noun that names it again ("Курильские острова"
    beside "Курилы", "Молдавская республика" beside "Молдова")."""
    joined: list[_PlaceGroup] = []
    for group in sorted(groups, key=lambda members: min(span.start for span, *_ in members)):
        target = next((other for other in joined if _same_place(group, other)), None)
        if target is None:
            joined.append(group)
        else:
            target.extend(group)
    return joined


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


def one_label_per_name(people: list[Span], places: list[Span]) -> tuple[list[Span], list[Span]]:
    """A one-word person's mention that writes a form of a one-word place of the document, and
    no part of a person's longer name, is that place ("Нджамена встретила гостей" after "в
    Нджамену")."""
    place_stems = {case_stem(span_normal(span)) for span in places if len(span) == 1}
    if not place_stems:
        return people, places
    in_names = {case_stem(token.text) for span in people if len(span) > 1 for token in span}
    moved = [
        span
        for span in people
        if len(span) == 1
        and (stem := case_stem(span_normal(span))) in place_stems
        and stem not in in_names
    ]
    if not moved:
        return people, places
    places = sorted(
        [*places, *(Span(span.doc, span.start, span.end, label="LOC") for span in moved)],
        key=lambda span: span.start,
    )
    return [span for span in people if span not in moved], places


class Linker(DocComponent):
    """Groups ``doc.ents`` into people, places and organizations.

    The places named inside organization names (``doc.spans["places_in_names"]``) are places
    too: "Совета Европы" mentions the organization and Europe.
    """

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        by_label: dict[str, list[Span]] = defaultdict(list)
        for span in doc.ents:
            by_label[span.label_].append(span)
        for label, nested in (("PER", NESTED_PEOPLE), ("LOC", NESTED_PLACES)):
            by_label[label] = sorted(
                [*by_label[label], *doc.spans.get(nested, ())], key=lambda span: span.start
            )
        by_label["PER"], by_label["LOC"] = one_label_per_name(by_label["PER"], by_label["LOC"])
        set_facts(doc, "people", link_people(by_label["PER"]))
        set_facts(doc, "places", link_places(by_label["LOC"], self.gazetteer))
        set_facts(doc, "organizations", link_organizations(by_label["ORG"]))
        return doc
