"""Places: one entry per gazetteer entry (or per normal form when unlinked), joined across
abbreviations and adjective names, under the name a reader expects."""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Span

from .. import lexicons, resources
from .._batch import sentence_bounds, token_texts
from .._spans import PROPER
from ..facilities import after_facility_noun, latin_acronym, names_a_facility, street_namesake
from ..gazetteer import PLACE_KINDS, Gazetteer, GazetteerEntry, gazetteer_key
from ..normalize import span_normal
from ..places import PLACE_NOUNS, latin_words
from ..places.words import NATURAL_NOUNS
from ..schema import Place
from ..tag import token_tag
from .mentions import mention, span_text
from .names import case_stem, one_letter_apart

# words before a place name that tell what kind of place it is ("городами Кайфын ...")
_KIND_CUES = {
    "city": ("город", "г.", "мэр", "столиц"),
    "region": ("област", "край", "провинци", "регион", "штат", "округ", "республик"),
    "country": ("стран", "государств"),
}


_ANY_CUE = tuple(cue for cues in _KIND_CUES.values() for cue in cues)


def place_kind_cue(span: Span, sent_start: int) -> str | None:
    """The kind of place the words just before ``span`` name, if any ("в городе Омске"), within
    its sentence (whose first token is ``sent_start``); "natural" right after a noun of a
    river, a lake or a mountain ("на реке Ишим", "Река Кубань": no town nor region of that
    name)."""
    lowers = token_texts(span.doc, LOWER)
    if span.start > sent_start and _natural_noun(lowers[span.start - 1]):
        return "natural"
    window = lowers[max(span.start - 6, sent_start) : span.start]
    if not any(word.startswith(_ANY_CUE) for word in window):
        return None  # (most places: no cue, one pass over the window)
    for kind, cues in _KIND_CUES.items():
        if any(word.startswith(cues) for word in window):
            return kind
    return None


@lru_cache(maxsize=10_000)
def _natural_noun(word: str) -> bool:
    """Whether ``word`` (lowercase) is a form of a noun of a natural place
    (``places.NATURAL_NOUNS``: "реке", "озера")."""
    return word.isalpha() and any(
        parse.normal_form in NATURAL_NOUNS and parse.tag.POS == "NOUN"
        for parse in resources.word_parses(word)
    )


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
    if cue == "natural":  # a river's, a lake's, a mountain's name: no town's nor region's
        candidates = [entry for entry in candidates if entry.kind == "other"]
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
    city names in the gazetteer are chosen by machine among GeoNames' variants. A city written
    in full once and by a hyphen-joined part of its name elsewhere takes the full form
    (:func:`_full_form`: "Санкт-Петербург" beside "в Петербурге").
    """
    written = names.most_common(1)[0][0]
    if entry is None or entry.kind == "city":
        return _full_form(written, names, entry)
    if entry.official and any(gazetteer_key(n) == gazetteer_key(entry.official) for n in names):
        return entry.official  # the article writes the current official name: "Беларусь"
    if entry.kind == "region" and _REPUBLIC.search(entry.name):
        short = _short_name(entry, names)
        if short is not None:
            return short  # "Бурятия", as a country is "Китай" and not its official title
    return entry.name


_REPUBLIC = re.compile(r"\bреспублика\b", re.IGNORECASE)


def _full_form(written: str, names: Counter[str], entry: GazetteerEntry | None) -> str:
    """The longest name of one place's names of which ``written`` is a hyphen-joined part, at
    its start or end ("Ростов-на-Дону" for "Ростов", "Санкт-Петербург" for "Петербург"), or
    ``written``: the mentions are already joined, so the short form is the full one's, and a
    reader lists the full one. For a linked place the full form is the entry's name or one of
    its aliases (so no word glued to the name), and may join its parts by a space too
    ("Великий Новгород" for "Новгород")."""
    short = gazetteer_key(written)
    known = {gazetteer_key(n) for n in (entry.name, *entry.aliases)} if entry else set()
    seps = "- " if entry else "-"

    def extends(key: str) -> bool:
        return any(key.startswith(short + sep) or key.endswith(sep + short) for sep in seps)

    full = [
        name
        for name, count in names.items()
        if count > 0 and extends(key := gazetteer_key(name)) and (entry is None or key in known)
    ]
    return max(full, key=lambda name: (len(name), names[name])) if full else written


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
    # the sentences' first tokens (no Span per sentence: ``place_kind_cue`` reads only those)
    starts = [start for start, _ in sentence_bounds(spans[0].doc)]
    found = [(span, span_normal(span)) for span in spans]
    normals = {(span.start, span.end): name for span, name in found}  # read once, for mentions
    lookups = {name: gazetteer.lookup(name) if gazetteer else [] for _, name in found}
    if gazetteer is not None:
        renamed = {
            name: region
            for name, entries in lookups.items()
            if not entries and (region := region_by_adjective(name, gazetteer)) is not None
        }
        found = [(span, renamed.get(name, name)) for span, name in found]
        lookups.update({region: gazetteer.lookup(region) for region in renamed.values()})
    # a name written after a noun of a facility and unknown as a place is the facility's in
    # every mention ("аэропорт Кольцово" ... "из Кольцово")
    facilities = {
        name for span, name in found if not lookups[name] and after_facility_noun(span, False)
    }
    found = [
        (span, name)
        for span, name in found
        if not (
            street_namesake(span)
            or after_facility_noun(span, bool(lookups[name]))
            or name in facilities
            or _seat_of_government(name)
        )
        and (lookups[name] or not (names_a_facility(span, name) or latin_acronym(span)))
    ]
    countries = {
        entry.country
        for entries in lookups.values()
        for entry in entries[:1]
        if entry.kind == "country" and entry.country
    }
    groups: dict[str, list[tuple[Span, str, GazetteerEntry | None]]] = defaultdict(list)
    ending: dict[int, tuple[str, GazetteerEntry | None]] = {}  # a place's last token's key
    cues = [place_kind_cue(span, starts[bisect_right(starts, span.start) - 1]) for span, _ in found]
    # a name a noun of a river or a mountain introduces is that river's in every mention ("на
    # реке Уде" ... "по Уде"), not the town the gazetteer lists under it
    natural = {name for (_, name), cue in zip(found, cues) if cue == "natural"}
    for (span, name), cue in zip(found, cues):
        cue = "natural" if name in natural else cue
        entry = choose_entry(lookups[name], cue, countries)
        key = entry.id if entry else "name:" + " ".join(map(place_stem, name.split()))
        before = _spelled_after(span)
        if before is not None and before in ending:
            key, entry = ending[before]  # "Мюнхене (München)": one place
        ending[span.end] = key, entry
        groups[key].append((span, name, entry))
    places = []
    for members in join_place_groups(list(groups.values())):
        members.sort(key=lambda item: item[0].start_char)
        entry = next((entry for _, _, entry in members if entry is not None), None)
        names = Counter(name for _, name, _ in members)
        # a form the text writes as it is goes first ("Славянка" beside "Славянку")
        texts = [span_text(span) for span, _, _ in members]
        written = set(texts)
        names = Counter({n: 2 * c + (n in written) for n, c in names.most_common()})
        # a name the text writes and another mention's case form reads too is the nominative,
        # whatever the tagger read in it ("Мальвенна ждёт" beside "из Мальвенны")
        read = {name for (_, name, _), text in zip(members, texts) if text != name}
        for n in read & written:
            names[n] += 2 * len(members)
        for short in [n for n in names if any(abbreviation_of(n, other) for other in names)]:
            names[short] = 0  # the full name, not its abbreviation ("УрФО")
        if any(_cyrillic(n) for n in names):
            for n in [n for n in names if not _cyrillic(n)]:
                names[n] = 0  # an original spelling in Latin letters is an alias: "München"
        hidden = _locative_only(members)
        for n in hidden:
            del names[n]
        names = _recased(names, entry)
        name = place_name(entry, names)
        alias_set = {
            n
            for n in names
            if gazetteer_key(n) != gazetteer_key(name)
            and not (entry is not None and _misspelt(n, entry))
        }
        bare = without_place_noun(name)
        if bare and all(text.endswith(bare) for text in texts):
            alias_set.add(bare)  # as every mention writes it: "Острова Мэн", "на Острове Мэн"
        aliases = sorted(alias_set)
        places.append(
            Place(
                name=name,
                kind=entry.kind if entry else None,  # type: ignore[arg-type]
                country=entry.country if entry else None,
                lat=entry.lat if entry else None,
                lon=entry.lon if entry else None,
                source_id=entry.id if entry else None,
                aliases=aliases,
                mentions=[mention(span, normals[span.start, span.end]) for span, _, _ in members],
            )
        )
    return places


def _seat_of_government(name: str) -> bool:
    """Whether a place's normal form names a building that stands for the body seated in it
    ("Кремль", "Белый дом": :func:`~newsnlp.lexicons.seats_of_government`), a facility to a
    reader, as "аэропорт Кольцово" is."""
    return name.lower().replace("ё", "е") in lexicons.seats_of_government()


# the nouns of a Russian region after its adjective ("Тверская область", "Пермский край")
_REGION_NOUNS = frozenset({"область", "край", "республика", "автономный округ", "округ", "ао"})
_ADJECTIVE_END = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее)$")


def _adjective_stem(word: str) -> str | None:
    stem = _ADJECTIVE_END.sub("", word.lower())
    return stem if stem != word.lower() and len(stem) >= 3 else None


_REGIONS_BY_STEM: weakref.WeakKeyDictionary[Gazetteer, dict[str, set[str]]] = (
    weakref.WeakKeyDictionary()
)


def _regions_by_stem(gazetteer: Gazetteer) -> dict[str, set[str]]:
    """The gazetteer's Russian regions named by an adjective, by the adjective's stem
    ("удмуртск" -> {"Удмуртская Республика"}), built once per gazetteer."""
    found = _REGIONS_BY_STEM.get(gazetteer)
    if found is None:
        found = {}
        for entry in gazetteer:
            if entry.kind == "region" and entry.country == "RU":
                first, _, rest = entry.name.partition(" ")
                stem = _adjective_stem(first)
                if stem and rest.lower() in _REGION_NOUNS:
                    found.setdefault(stem, set()).add(entry.name)
        _REGIONS_BY_STEM[gazetteer] = found
    return found


def region_by_adjective(name: str, gazetteer: Gazetteer) -> str | None:
    """The Russian region a name of a region no gazetteer knows means: its adjective names one
    region alone, under another noun (a list's shared noun or a slip: "Удмуртская, Чувашская и
    Курская области" -> Удмуртская Республика, Чувашская Республика; "Хабаровская область" ->
    Хабаровский край), or None."""
    first, _, rest = name.partition(" ")
    if rest.lower() not in _REGION_NOUNS:
        return None
    stem = _adjective_stem(first)
    regions = _regions_by_stem(gazetteer).get(stem or "", set())
    return next(iter(regions)) if len(regions) == 1 else None


def _cyrillic(name: str) -> bool:
    return any("а" <= char.lower() <= "я" or char in "ёЁ" for char in name)


def _spelled_after(span: Span) -> int | None:
    """The end of the place a mention in Latin letters spells in parentheses right after it
    ("Мюнхене (München)": the token after "Мюнхене"), or None."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc):
        return None
    if doc[span.end].text != ")" or not latin_words(doc, span.start, span.end):
        return None
    return span.start - 1


def _locative_only(members: _PlaceGroup) -> set[str]:
    """The names read only from mentions in the locative, whose "-е" hides the nominative's
    ending, that another case of the same name reads otherwise ("в Кайенне" read "Кайенн"
    beside "из Кайенны", "Кайенна")."""
    cases = [(name, token_tag(span[-1])[1]) for span, name, _ in members]
    locative = {name for name, case in cases if case == "Loc"}
    others = {name for name, case in cases if case != "Loc"}
    return {
        name
        for name in locative - others
        if any(place_stem(name) == place_stem(other) for other in others)
    }


def place_stem(word: str) -> str:
    """A place's name word without the ending its cases change (:func:`case_stem`), without a
    "-й" after a vowel (a locative in -ае, -уе reads "-ай" as often as "-ая": "в Мандалае"
    beside "из Мандалая" are one place's forms), and without the "-о" of a neuter in -ово,
    -ино, whose oblique cases read as a name in -ов, -ин ("Лорино", "Лорина")."""
    stem = case_stem(word)
    if stem.endswith("й") and len(stem) >= 4 and stem[-2] in "аеуоэ":
        return stem[:-1]
    if stem.endswith(_NEUTER_SETTLEMENT) and len(stem) >= 6:
        return stem[:-1]  # "Лорино" beside "жители Лорина" (read "Лорин"): one village
    return stem


# a Russian settlement's neuter name, whose oblique cases are those of a name in -ов, -ин
_NEUTER_SETTLEMENT = ("ово", "ево", "ино", "ыно")


def without_place_noun(name: str) -> str | None:
    """The proper name of a place named by a noun of a place and capitalized words after it
    ("Остров Мэн" -> "Мэн"), or None; an alias of the place where every mention writes it so
    (a name in apposition keeps its form in every case)."""
    noun, _, rest = name.partition(" ")
    if not rest or noun.lower() not in PLACE_NOUNS or not rest[:1].isupper():
        return None
    if any(not word[:1].isupper() or _common_word(word) for word in rest.split()):
        return None  # "Остров Русский", "Остров Свободы": the noun is part of the name
    return rest


def _common_word(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a common word (no proper name's reading)."""
    parses = resources.word_parses(word.lower())
    return any(parse.is_known for parse in parses) and not any(
        PROPER & parse.tag.grammemes for parse in parses
    )


def _recased(names: Counter[str], entry: GazetteerEntry | None) -> Counter[str]:
    """The names with one written in capitals only (a dateline's "МОСКВА", "СОЧИ") counted as
    the same name in lowercase letters that another mention or the gazetteer's entry writes;
    an abbreviation the gazetteer lists ("ЯНАО") is no such name."""
    capitals = [n for n in names if n.isupper() and len(n) > 1]
    if not capitals:
        return names
    found = Counter(names)
    for name in capitals:
        key = gazetteer_key(name)
        cased = [n for n in names if not n.isupper() and gazetteer_key(n) == key]
        if not cased and entry is not None:
            cased = [n for n in (entry.name, *entry.aliases) if gazetteer_key(n) == key]
            cased = [n for n in cased if not n.isupper()]
        if cased:
            found[cased[0]] += found.pop(name)
    return found


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
    entries = {id(entry): entry for _, _, entry in members if entry is not None}  # each once
    for entry in entries.values():
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


@lru_cache(maxsize=65_536)
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


def _made_from(adjective: tuple[str, tuple[str, ...]], names: _Names) -> bool:
    """Whether the adjective's stem is the stem of a one-word name of a group (its
    :func:`_names_of`) that has one of the endings wanted (a republic's place must be a
    country)."""
    stem, endings = adjective
    if endings == ("",) and not names.country:
        return False
    return any(word.endswith(endings) and bare == stem for word, bare in names.single)


def _may_abbreviate(name: str) -> bool:
    """What :func:`abbreviation_of` asks of a short form before it looks at the full name."""
    return (
        " " not in name
        and name[:1].isupper()
        and sum(char.isupper() for char in name) >= 2
        and "".join(_ABBREVIATION_CHUNK.findall(name)) == name
    )


class _Names(NamedTuple):
    """A group's names (:func:`_group_names`), read once for the comparisons of
    :func:`join_place_groups`: those that may be abbreviations, and the adjectives made from
    a place's name among them."""

    names: set[str]
    shorts: list[tuple[str, ...]]  # the lowercase chunks of each name that may be an abbreviation
    adjectives: list[tuple[str, tuple[str, ...]]]
    written: list[list[str]]  # the lowercase parts of the text's mentions' normal forms
    # (words and their hyphenated parts; no gazetteer name)
    conjuncts: set[str]  # the first name of each "A и B" among the names
    normals: set[str]  # the normal forms of the text's mentions, no gazetteer name
    forms: set[str]  # the one-word mentions as written, lowercase, long enough to be misspelt
    linked: bool  # whether a gazetteer entry names the group
    country: bool  # whether a gazetteer entry of a country names the group
    # the one-word names, lowercase, each with its stem (:data:`_PLACE_ENDING` cut off)
    single: list[tuple[str, str]]


def _names_of(group: _PlaceGroup) -> _Names:
    names = _group_names(group)
    adjectives = [adjective for n in names if (adjective := _adjective_place(n)) is not None]
    shorts = [chunks for n in names if (chunks := _short_chunks(n)) is not None]
    normals = {name for _, name, _ in group}
    words = token_texts(group[0][0].doc, ORTH)
    forms = (words[span.start].lower() for span, _, _ in group if len(span) == 1)
    return _Names(
        names,
        shorts,
        adjectives,
        [_parts(name) for name in normals],
        {n.split(" и ")[0] for n in names if " и " in n},
        normals,
        {form for form in forms if len(form) >= _MISSPELT_LETTERS},
        any(entry is not None for *_, entry in group),
        any(e is not None and e.kind == "country" for *_, e in group),
        [single for name in names if (single := _one_word(name)) is not None],
    )


@lru_cache(maxsize=65_536)
def _short_chunks(name: str) -> tuple[str, ...] | None:
    """The lowercase chunks of a name that may be an abbreviation (:func:`_may_abbreviate`),
    else None: what :func:`abbreviation_of` compares with a full name's parts."""
    if not _may_abbreviate(name):
        return None
    return tuple(chunk.lower() for chunk in _ABBREVIATION_CHUNK.findall(name))


@lru_cache(maxsize=65_536)
def _one_word(name: str) -> tuple[str, str] | None:
    """A one-word name in lowercase and its stem (:data:`_PLACE_ENDING` cut off), else None."""
    if len(name.split()) != 1:
        return None
    word = name.lower()
    return word, _PLACE_ENDING.sub("", word)


def _parts(name: str) -> list[str]:
    """The lowercase words of ``name`` and their hyphenated parts (what
    :func:`abbreviation_of` compares a short form's chunks with)."""
    return [part.lower() for word in name.split() for part in word.split("-") if part]


def _abbreviates(chunks: tuple[str, ...], parts: list[str]) -> bool:
    """:func:`abbreviation_of` for a short form that :func:`_may_abbreviate` lets in, by its
    lowercase chunks, and a name, by its lowercase parts (:func:`_parts`)."""
    return len(parts) == len(chunks) and all(
        part.startswith(chunk) for part, chunk in zip(parts, chunks)
    )


def _unknown_word(word: str) -> bool:
    """Whether pymorphy3 knows no reading of ``word`` (a misspelling; "Камешку" is a word)."""
    return not any(parse.is_known for parse in resources.word_parses(word))


def _misspelt(name: str, entry: GazetteerEntry) -> bool:
    """Whether a one-word name of a mention of ``entry``'s place is a misspelling: a word
    pymorphy3 does not know that is none of the entry's names ("Удмурртии")."""
    keys = {gazetteer_key(n) for n in (entry.name, *entry.aliases)}
    return (
        " " not in name
        and _cyrillic(name)
        and gazetteer_key(name) not in keys
        and _unknown_word(name.lower())
    )


# a word at least this long written one letter apart from a place's mention is that place
# misspelt, when the gazetteer knows the one and neither it nor pymorphy3 the other
# ("Башкортостанне")
_MISSPELT_LETTERS = 7


def _same_place(names: _Names, other_names: _Names) -> bool:
    """Whether one group names the place of the other by an abbreviation, by an adjective
    made from its name (see :func:`join_place_groups`), by a misspelling or by the first of
    the two names of a place named "A и B" (a place the gazetteer knows, the other not). The
    full name an abbreviation stands for is one the text writes, not a gazetteer's alias:
    "РФ" (Россия's) is no abbreviation of "Республика Фиджи", the official name of Фиджи."""
    if (
        names.shorts
        and any(_abbreviates(n, o) for n in names.shorts for o in other_names.written)
        or other_names.shorts
        and any(_abbreviates(o, n) for o in other_names.shorts for n in names.written)
    ):
        return True
    if names.linked != other_names.linked:
        unlinked, linked = (other_names, names) if names.linked else (names, other_names)
        if unlinked.normals & linked.conjuncts:
            return True  # "Боснии" beside "Боснии и Герцеговины"
        if any(
            one_letter_apart(form, other_form, _MISSPELT_LETTERS) and _unknown_word(form)
            for form in unlinked.forms
            for other_form in linked.forms
        ):
            return True
    if not (names.linked and other_names.linked) and _same_adjective(names, other_names):
        return True  # "у села Заречное" ... "в Заречном" (read "Заречный")
    return (
        bool(names.adjectives)
        and any(_made_from(a, other_names) for a in names.adjectives)
        or bool(other_names.adjectives)
        and any(_made_from(a, names) for a in other_names.adjectives)
    )


# a one-word place named by an adjective: its stem and its ending in some gender and case
_ADJECTIVE_NAME = re.compile(r"^(.{3,}?)(ый|ий|ой|ое|ее|ая|яя|ого|его|ому|ему|ым|им|ом|ем|ую|юю)$")
_ADJECTIVE_NOMINATIVE = ("ый", "ий", "ой", "ое", "ее", "ая", "яя")


def _same_adjective(names: _Names, other_names: _Names) -> bool:
    """Whether two unlinked groups each have a one-word name that is one adjective in two
    genders or cases, one of them a nominative ("Заречное" beside "Заречный", "Северный"
    beside "Северного"): a village named after a noun of its kind once and alone later."""
    for word, _ in names.single:
        match = _ADJECTIVE_NAME.match(word)
        if match is None:
            continue
        for other, _ in other_names.single:
            other_match = _ADJECTIVE_NAME.match(other)
            if (
                other_match is not None
                and other != word
                and other_match.group(1) == match.group(1)
                and (word.endswith(_ADJECTIVE_NOMINATIVE) or other.endswith(_ADJECTIVE_NOMINATIVE))
                and _only_adjectives(word)
                and _only_adjectives(other)
            ):
                return True
    return False


@lru_cache(maxsize=10_000)
def _only_adjectives(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` as an adjective first (a place named by one)."""
    parses = resources.word_parses(word)
    return bool(parses) and parses[0].tag.POS == "ADJF"


def join_place_groups(groups: list[_PlaceGroup]) -> list[_PlaceGroup]:
    """Groups of one place under two names made one: an abbreviation of the first letters of
    a place the article names in full ("ЮФО" beside "Южный федеральный округ"), and an
    adjective made from a place's name with a noun that names it again ("Курильские острова"
    beside "Курилы", "Молдавская республика" beside "Молдова")."""
    joined: list[_PlaceGroup] = []
    joined_names: list[_Names] = []  # each joined group's names, kept as it grows
    for group in sorted(groups, key=lambda members: min(span.start for span, *_ in members)):
        names = _names_of(group)
        target = next(
            (i for i, other in enumerate(joined_names) if _same_place(names, other)),
            None,
        )
        if target is None:
            joined.append(group)
            joined_names.append(names)
        else:
            joined[target].extend(group)
            joined_names[target] = _names_of(joined[target])
    return _join_state_nouns(joined)


def _state_noun(group: _PlaceGroup) -> str | None:
    """The one capitalized common noun an unlinked group is named by ("Республика"), if so."""
    names = {name for _, name, entry in group if entry is None}
    if len(names) != 1 or any(entry is not None for *_, entry in group):
        return None
    (name,) = names
    if " " in name or not name[:1].isupper() or not _common_word(name):
        return None
    return name


def _join_state_nouns(groups: list[_PlaceGroup]) -> list[_PlaceGroup]:
    """A country named by a common noun of its official name, capitalized ("президент
    Республики" of Франция, the Французская Республика; "в Королевстве"), is that country
    when it is the one country the article names with that noun in its official name."""
    kept: list[_PlaceGroup] = []
    for group in groups:
        noun = _state_noun(group)
        countries = []
        if noun is not None:
            countries = [
                other
                for other in groups
                if other is not group
                and any(
                    entry is not None
                    and entry.kind == "country"
                    and any(noun in n.split() for n in (entry.name, *entry.aliases))
                    for *_, entry in other
                )
            ]
        if len(countries) == 1:
            countries[0].extend(group)
        else:
            kept.append(group)
    return kept
