"""People: the recognizer's rules for people's names.

A person's span loses the words glued to it that cannot be a name and gains a name particle
("ибн"); the document's other mentions of people set bounds and labels (a surname alone, a
first name beside a surname, two names run together), spread a name's other forms, find the
people of lists the model skipped and the people named inside other names ("центра Джонсона").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from . import resources
from ._batch import token_texts
from ._spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PROPER,
    all_parses,
    capitalized_common_noun,
    covered_mask,
    is_word,
    opens_sentence,
    token_parses,
)
from .places import place_before_person

# lowercase words that are part of a person's name ("ибн Эзра", "фон Браун", "де Голль")
NAME_PARTICLES = frozenset(
    "ибн бин бен ван фон дер де дель делла ди дю да дос ла ле лос эль аль ад ас аш".split()
)


# pymorphy3 parts of speech (and the tagger's) of words that cannot be a name: "Всё-таки Проди"
_FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "PRED", "NPRO"})
_FUNCTION_UD = frozenset({"ADV", "PART", "CCONJ", "SCONJ", "ADP", "INTJ", "PRON"})
_PERSON = frozenset({"Name", "Surn", "Patr"})


def _not_a_name(token: Token) -> bool:
    """A function word (adverb, particle, conjunction...) to pymorphy3, and to the tagger or
    longer than a syllable ("Но" of "Но Му Хён" may be a name, "Всё-таки" may not)."""
    text = token.text
    if text.lower() in NAME_PARTICLES or (token.pos_ not in _FUNCTION_UD and len(text) < 4):
        return False
    if token.pos_ == "ADP" and len(text) <= 2 and text.isalpha() and not _initial(token):
        # a short preposition also reads as a letter's abbreviation ("О Жаклин Кеннеди")
        return any(parse.tag.POS == "PREP" for parse in token_parses(token))
    return all_parses(
        token,
        lambda parse: parse.tag.POS in _FUNCTION_POS and not (PROPER & parse.tag.grammemes),
    )


# pymorphy3 parts of speech of a lowercase word that no name holds inside ("обнял", "и")
_INNER_POS = frozenset({*_FUNCTION_POS, "VERB", "INFN", "GRND", "PRTS"})


def _lowercase_non_name(token: Token) -> bool:
    """A lowercase word that pymorphy3 knows only as a verb or a function word and that is no
    name particle ("обнял", "и"; not "де" of "Шарль де Голль", nor "оглы")."""
    text = token.text
    if not text.isalpha() or not text.islower() or text in NAME_PARTICLES:
        return False
    parses = token_parses(token)
    return bool(parses) and all(
        parse.is_known and parse.tag.POS in _INNER_POS and not (PROPER & parse.tag.grammemes)
        for parse in parses
    )


def _capitalized_inside(token: Token) -> bool:
    """A capitalized word after another word of its sentence: a name, whatever else it reads
    as ("Меня" of "Михаила Меня")."""
    return token.is_title and len(token.text) > 2 and not opens_sentence(token)


def _initial(token: Token) -> bool:
    """Whether a dot follows the token ("О." of "О. Петров")."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "."


_ADJECTIVE_POS = frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS", "VERB", "GRND", "INFN"})


def _capitalized_common_word(token: Token) -> bool:
    """A sentence's first word that pymorphy3 knows only as an adjective, participle or verb,
    never as a name ("Побритый наголо...", "Будничная, повседневная работа")."""
    if not opens_sentence(token):
        return False
    return all_parses(
        token,
        lambda parse: (
            parse.is_known
            and parse.tag.POS in _ADJECTIVE_POS
            and not (PROPER & parse.tag.grammemes)
        ),
    )


def _common_compound(token: Token) -> bool:
    """A sentence's first word joining by a hyphen words pymorphy3 knows only as common nouns
    ("Врач-кардиолог", "Инженер-конструктор"): a post before a name, not part of it."""
    parts = token.text.lower().split("-")
    if not opens_sentence(token) or len(parts) < 2:
        return False
    morph = resources.morph_analyzer()
    return all(
        part
        and all(
            parse.is_known and parse.tag.POS == "NOUN" and not (PROPER & parse.tag.grammemes)
            for parse in morph.parse(part)
        )
        for part in parts
    )


def _genitive_non_name(token: Token) -> bool:
    """A word pymorphy3 reads in the genitive only and never as a person's name, known or
    guessed ("Минкавказа", "Омска")."""
    parses = token_parses(token)
    return bool(parses) and all(
        parse.tag.case == "gent" and not (_PERSON & parse.tag.grammemes) for parse in parses
    )


def _body_before_first_name(doc: Doc, start: int) -> bool:
    """Whether ``doc[start]`` is a body's name in the genitive after a post and before a first
    name ("главы Росстата Павла Малкова"): a lowercase noun before it, pymorphy3 reads it
    in the genitive and knows it as no person's name, and it knows the next word as a first
    name."""
    post = doc[start - 1] if start else None
    if post is None or post.pos_ != "NOUN" or not (post.is_lower or opens_sentence(post)):
        return False
    parses = token_parses(doc[start])
    if not any(parse.tag.case == "gent" for parse in parses) or any(
        parse.is_known and _PERSON & parse.tag.grammemes for parse in parses
    ):
        return False
    return any(parse.is_known and "Name" in parse.tag for parse in token_parses(doc[start + 1]))


def _known_surname(token: Token) -> bool:
    """A word pymorphy3 knows as a surname in the nominative ("Воронцов")."""
    return any(
        parse.is_known and "Surn" in parse.tag and parse.tag.case == "nomn"
        for parse in token_parses(token)
    )


def _oblique_surname(token: Token) -> bool:
    """A word pymorphy3 knows as a surname in oblique cases only, never as a first name nor in
    the nominative ("Зуеву", "Петрову"; not "Петрова", a woman's nominative)."""
    parses = [parse for parse in token_parses(token) if parse.is_known]
    return (
        any("Surn" in parse.tag for parse in parses)
        and not any({"Name", "Patr"} & parse.tag.grammemes for parse in parses)
        and not any(parse.tag.case == "nomn" for parse in parses)
    )


def _person_cases(token: Token, known: bool = True, kinds: Collection[str] = _PERSON) -> set[str]:
    """The cases pymorphy3 knows (or, unless ``known``, guesses) ``token`` a singular name of
    ``kinds`` in."""
    return {
        parse.tag.case
        for parse in token_parses(token)
        if (parse.is_known or not known)
        and set(kinds) & parse.tag.grammemes
        and parse.tag.number == "sing"
    }


def _surnames_disagree(first: Token, second: Token) -> bool:
    """Two surnames pymorphy3 knows in no common case, the first never in the nominative, the
    second a man's surname in it: two people ("Уступил Горбачёву Лигачёв"). A second word it
    does not know counts by its guesses when the first reads as a surname only ("Ответил
    Жуковскому Блэйден"; not "Анне Байден", a woman's surname that does not decline)."""
    cases = _person_cases(first, False)
    if not cases or "nomn" in cases:
        return False
    if any(
        parse.is_known and "Surn" in parse.tag and parse.tag.case == "nomn"
        for parse in token_parses(second)
    ):
        return not cases & _person_cases(second)
    if _person_cases(first, False, ("Name", "Patr")):
        return False
    guessed = _person_cases(second, False)
    return "nomn" in guessed and not cases & guessed


def _nominative_surname(token: Token) -> bool:
    """A capitalized word that may be a surname in the nominative and is no first name nor
    patronymic ("Соболь", "Шойгу")."""
    parses = token_parses(token)
    return (
        token.is_title
        and any(parse.tag.case == "nomn" for parse in parses)
        and not any({"Name", "Patr"} & parse.tag.grammemes for parse in parses)
    )


def family_name(token: Token) -> bool:
    """A surname pymorphy3 reads only in the plural ("Строгановых", "Шуваловы"): a family, and
    no one person's name, where no first name shares it ("Виктора и Марины Зайцевых")."""
    if not token.text.lower().endswith(_PLURAL_ENDINGS):
        return False  # "Фальков" is a man's surname before it is the plural of "Фальк"
    parses = [parse for parse in token_parses(token) if _PERSON & parse.tag.grammemes]
    return bool(parses) and all(
        "Surn" in parse.tag and parse.tag.number == "plur" for parse in parses
    )


# endings only a plural surname has ("Строгановых", "Шуваловы", "Трубецких", "Кравцовыми")
_PLURAL_ENDINGS = ("ых", "их", "ыми", "ими", "ы")


def _organization_word(token: Token) -> bool:
    """Whether pymorphy3 knows a word as an organization's name ("Аль-Кайды"), never as a
    person's. (Place names are not split off: many are also first names, "Гата Камский".)"""
    if not token.text[:1].isupper():
        return False
    return all_parses(
        token,
        lambda parse: (
            parse.is_known and "Orgn" in parse.tag and not (_PERSON & parse.tag.grammemes)
        ),
    )


def refine_person(span: Span, in_names: Collection[str] = ()) -> list[Span]:
    """A person's span without the words glued to it that cannot be part of the name.

    Function words at its edges go ("Всё-таки Проди" -> "Проди"), and so do a lone adjective
    or participle opening a sentence ("Побритый") and a common noun opening a sentence before
    the name ("Кухарка Дуняша", "Скептицизм Грефа"), unless the document writes that word
    inside a person's name elsewhere (``in_names``, stems by :func:`name_stem`: "Шелест
    Сергей" after "Сергей Шелест", "Ситникова пообещала" after "Елены Ситниковой");
    leading names of an
    organization become their own span ("Аль-Кайды Усамы бин Ладена" -> ORG
    "Аль-Кайды" and PER "Усамы бин Ладена"); a name particle right before it joins it
    ("ибн Эзра"), and so do initials right before it the model left out ("И. Кузнецовой").
    """
    doc = span.doc
    start, end = span.start, span.end
    inner = next((t.i for t in doc[start + 1 : end - 1] if _lowercase_non_name(t)), None)
    if inner is not None:
        # a verb or a function word inside: two names run together, "Юрий Гагарин обнял
        # Титова" is "Юрий Гагарин" and "Титова"
        return [
            piece
            for part in (doc[start:inner], doc[inner + 1 : end])
            for piece in refine_person(Span(doc, part.start, part.end, label="PER"), in_names)
        ]
    while start < end and _not_a_name(doc[start]):
        start += 1
    while end > start and _not_a_name(doc[end - 1]) and not _capitalized_inside(doc[end - 1]):
        end -= 1  # "Путин же"; not "Михаила Меня", a surname capitalized inside a sentence
    pieces: list[Span] = []
    split = start
    while split < end - 1 and _organization_word(doc[split]):
        split += 1
    if split > start:
        pieces.append(Span(doc, start, split, label="ORG"))
        start = split
    tail = end
    while tail - 1 > start + 1 and _organization_word(doc[tail - 1]):
        tail -= 1  # "корреспондент Анна Лаврова «Интерфакса»" without the quotes
    if tail < end:
        pieces.append(Span(doc, tail, end, label="ORG"))
        end = tail
    if (
        end - start > 1
        and name_stem(doc[start].text) not in in_names
        and (
            capitalized_common_noun(doc[start])
            or _capitalized_common_word(doc[start])
            or _common_compound(doc[start])
        )
    ):
        start += 1  # "Кухарка Дуняша", "Скептицизм Грефа", "Приехал Сидоров"
    if start < end and all(family_name(token) for token in doc[start:end]):
        return pieces  # a family, no one person: "династия Строгановых"
    if end - start == 2 and family_name(doc[end - 1]) and _common_noun_before_family(doc, start):
        return pieces  # "Род Шереметевых": a common noun that may read as a name, a family
    if start == end or (
        end - start == 1
        and name_stem(doc[start].text) not in in_names
        and (
            _capitalized_common_word(doc[start])
            or capitalized_common_noun(doc[start])  # "Британка победила", "Отчёт опубликовал"
        )
    ):
        return pieces
    if end - start == 2 and _genitive_non_name(doc[start]) and _known_surname(doc[start + 1]):
        start += 1  # "Глава Минэкологии Воронцов": a body's or a place's name, then a surname
    elif end - start >= 3 and _body_before_first_name(doc, start):
        start += 1  # "глава Росреестра Олег Скуфинский": the body a post is held in
    if end - start == 2 and (
        (_oblique_surname(doc[start]) and _nominative_surname(doc[start + 1]))
        or _surnames_disagree(doc[start], doc[start + 1])
    ):
        # two people by surname, the first in an oblique case: "Понравился Зуеву Соболь"
        return [
            *pieces,
            Span(doc, start, start + 1, label="PER"),
            Span(doc, start + 1, end, label="PER"),
        ]
    if _initial_ends_sentence(doc, start, end):
        # "... 30-летнего Ивана П. Петров сказал": a first name and the initial of a surname
        # end one sentence, a surname in another case opens the next: two people
        return [
            *pieces,
            Span(doc, start, start + 3, label="PER"),
            Span(doc, start + 3, end, label="PER"),
        ]
    start = _initials_before(doc, start)
    before = doc[start - 1] if start else None
    if (
        before is not None
        and before.text in NAME_PARTICLES
        and before.ent_iob_ == "O"
        and (start < 2 or doc[start - 2].ent_iob_ == "O")  # "Медведев да Путин": two people
    ):
        start -= 1
    pieces.append(Span(doc, start, end, label="PER"))
    return pieces


def _common_noun_before_family(doc: Doc, start: int) -> bool:
    """Whether ``doc[start]``, before a family's plural surname, is a word pymorphy3 knows as a
    common noun too ("Род" of "Род Шереметевых"), with no name coordinated before it (as
    "Виктора и Марины Зайцевых")."""
    if start and doc[start - 1].text in _COORDINATORS:
        return False
    return any(
        parse.is_known and parse.tag.POS == "NOUN" and not (PROPER & parse.tag.grammemes)
        for parse in token_parses(doc[start])
    )


def _initial_ends_sentence(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is a first name, one capital with its dot, and a surname
    whose case the first name cannot take: the first name pymorphy3 knows as a first name in
    oblique cases only ("Ивана"), the surname as a singular surname in none of them
    ("Петров"). "Джона Ф. Кеннеди", a surname in every case, stays one name."""
    if end - start != 4 or not _letter(doc[start + 1]) or doc[start + 2].text != ".":
        return False
    first = [
        parse
        for parse in token_parses(doc[start])
        if parse.is_known and "Name" in parse.tag and parse.tag.number == "sing"
    ]
    if not first or any(parse.tag.case == "nomn" for parse in first):
        return False
    cases = {parse.tag.case for parse in first}
    surname = [
        parse
        for parse in token_parses(doc[start + 3])
        if parse.is_known and "Surn" in parse.tag and parse.tag.number == "sing"
    ]
    return bool(surname) and not any(parse.tag.case in cases for parse in surname)


_CASE_TAIL = re.compile("[аяеёоуыийюьм]+$")


def name_stem(word: str) -> str:
    """A name word without its case ending, enough to match its forms ("Ситниковой",
    "Ситникова" -> "ситников")."""
    word = word.lower()
    return _CASE_TAIL.sub("", word) or word


def _initials_before(doc: Doc, start: int) -> int:
    """The start of up to two initials ("И.", "И. П.") right before ``doc[start]``, outside
    other entities, if there are; else ``start``."""
    for _ in range(2):
        k = (
            start - 1
            if start and doc[start - 1].is_space and "\n" not in doc[start - 1].text
            else start
        )
        if not (
            k >= 2
            and doc[k - 1].text == "."
            and len(doc[k - 2].text) == 1
            and doc[k - 2].text.isupper()
            and doc[k - 2].ent_iob_ == "O"
            and (k < 3 or doc[k - 3].text != ".")  # "т. д." style abbreviations, not initials
        ):
            break
        start = k - 2
    return start


def _letter(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def _initial_at(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a capital letter with its dot after it ("А." of "Смирнов А.")."""
    return i + 1 < len(doc) and _letter(doc[i]) and doc[i + 1].text == "."


def join_initials_after(doc: Doc, spans: list[Span]) -> list[Span]:
    """A surname's initials written after it join it: "Смирнов А. В.", "Иванов И. И., глава".

    A person's span ending in a capital letter takes the dot after it ("Смирнов А. В" + "."),
    and a person's span without initials takes up to two right after it, when they stand
    outside other spans or make a person's span of initials only; not when a capitalized word
    follows them (the initials of the next name: "с Ивановым В. Путин").
    """
    spans = sorted(spans, key=lambda span: span.start)
    starts = {span.start: span for span in spans}
    dropped: set[int] = set()
    found: list[Span] = []
    for span in spans:
        if span.start in dropped:
            continue
        end = span.end
        if span.label_ != "PER" or not any(len(token.text) > 1 for token in span):
            found.append(span)  # initials alone ("В.Л") are left as the model has them
            continue
        if (
            _letter(span[-1])
            and len(span) >= 3
            and span[-2].text == "."  # "А. В" + "."; not "Ван И" + the sentence's dot
            and end < len(doc)
            and doc[end].text == "."
            and end not in starts
        ):
            end += 1
        initials = sum(_letter(token) for token in doc[span.start : end])
        stop = end
        swallowed: list[Span] = []
        while initials < 2 and _initial_at(doc, stop):
            inside = starts.get(stop)
            if inside is not None:
                if inside.label_ != "PER" or not all(
                    _letter(token) or token.text == "." for token in inside
                ):
                    break
                swallowed.append(inside)
            stop += 2
            initials += 1
        if (
            stop > end
            and all(other.end <= stop for other in swallowed)
            and (stop - end >= 4 or stop < len(doc))  # a lone "И." ending the text: "Ван И."
            and not (stop < len(doc) and doc[stop].is_title)
        ):
            end = stop
            dropped.update(other.start for other in swallowed)
        found.append(span if end == span.end else Span(doc, span.start, end, label="PER"))
    return found


def _has_parse_with(token: Token, grammeme: str) -> bool:
    return any(grammeme in parse.tag for parse in token_parses(token))


def _first_name_like(span: Span, first: bool = True) -> bool:
    """Capitalized words the first of which pymorphy3 reads as a first name (unless not
    ``first``), none as a place's or an organization's name."""
    return (_has_parse_with(span[0], "Name") or not first) and all(
        token.is_title and not _has_parse_with(token, "Geox") and not _has_parse_with(token, "Orgn")
        for token in span
    )


def relabel_people(spans: list[Span]) -> list[Span]:
    """Place or organization spans that are a person's name by the document's evidence.

    A span of several capitalized words becomes a person when the document writes a person
    with the same lemmas ("Гата Камский" LOC and PER), with its last word as surname and its
    first word reads as a first name ("Ахмат-Хаджи Кадырова" LOC, "Рамзан Кадыров" PER), or
    with its first word as first name ("Лонгин Клинский" ORG, "Лонгин" PER). A lone word
    that is the surname of a person named in full is that person ("о Свиридове" LOC, "Егор
    Свиридов" PER), unless pymorphy3 knows it as a place ("Вашингтоне"). A lone first name
    right before a person's span joins it ("Ахмат-Хаджи" LOC + "Кадырова" PER), unless it is
    a place before the person ("мэром Фуюаня Чэнь Голином").
    """
    people = [span for span in spans if span.label_ == "PER"]
    if not people:
        return spans
    names = {tuple(token.lemma_ for token in span) for span in people if len(span) > 1}
    surnames = {span[-1].lemma_ for span in people if span[-1].is_title}
    firsts = {span[0].lemma_ for span in people}  # read as first names below
    full = {
        form
        for span in people
        if len(span) > 1 and span[-1].is_title
        for form in (span[-1].text.lower(), span[-1].lemma_)
    }
    found: list[Span] = []
    for span in spans:
        if span.label_ == "PER" and found and found[-1].label_ != "PER":
            previous = found[-1]
            if (
                previous.end == span.start
                and len(previous) == 1
                and _first_name_like(previous)
                and not place_before_person(previous[0])
                and not _body_before_first_name(span.doc, previous.start)
            ):
                found[-1] = Span(span.doc, previous.start, span.end, label="PER")
                continue
        if span.label_ != "PER" and len(span) > 1:
            by_first = span[0].lemma_ in firsts and _first_name_like(span[:1])
            if (
                tuple(token.lemma_ for token in span) in names
                or (span[-1].lemma_ in surnames and _first_name_like(span))
                or (by_first and all(token.is_title for token in span))
            ):
                span = Span(span.doc, span.start, span.end, label="PER")
        elif span.label_ != "PER" and len(span) == 1:
            # the surname alone of a person of the document ("о Свиридове", "поддерживает Кока")
            words = (span[0].text.lower(), span[0].lemma_)
            if any(same_word(word, surname, 2) for surname in full for word in words):
                if _first_name_like(span, first=False):
                    span = Span(span.doc, span.start, span.end, label="PER")
        found.append(span)
    return found


def _person_word(token: Token, known_genitive: bool) -> bool:
    """A capitalized word pymorphy3 reads as a person's name and not as a place's or an
    organization's (``known_genitive``: a name it knows, in the genitive)."""
    if not token.is_title:
        return False
    parses = token_parses(token)
    if any({"Geox", "Orgn"} & parse.tag.grammemes for parse in parses):
        return False
    return any(
        _PERSON & parse.tag.grammemes
        and (not known_genitive or (parse.is_known and parse.tag.case == "gent"))
        for parse in parses
    )


def nested_people(spans: list[Span]) -> list[Span]:
    """People named inside the name of an organization or a place: a person's name in the
    genitive after a common word of the span ("Космического центра Джонсона", "театра имени
    Станиславского", "пресс-служба Кадырова")."""
    found = []
    for span in spans:
        if span.label_ == "PER":
            continue
        doc = span.doc
        i = span.start + 1
        while i < span.end:
            token = doc[i]
            if (
                doc[i - 1].is_lower
                and token.morph.get("Case", []) == ["Gen"]
                and _person_word(token, known_genitive=True)
            ):
                end = i + 1
                while end < span.end and _person_word(doc[end], known_genitive=False):
                    end += 1
                found.append(Span(doc, i, end, label="PER"))
                i = end
            else:
                i += 1
    return found


_LIST_MARKS = frozenset("•·▪●*-–—")


def _slot(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """The list mark right before tokens ``start:end`` and the punctuation right after them
    ("•", "("), if there are both."""
    if start == 0 or end >= len(doc):
        return None
    before, after = doc[start - 1].text, doc[end].text
    if before not in _LIST_MARKS or is_word(after) or doc[end].is_space:
        return None
    return before, after


def listed_people(doc: Doc, spans: list[Span], least: int = 3) -> list[Span]:
    """People of a list the model skipped: capitalized words after the same list mark and
    before the same punctuation as ``least`` people of the document ("• Коффи Коджа (Бенин)"
    among "• Тору Камикава (Япония)"; not between commas, where anything capitalized stands)."""
    slots = Counter(
        slot
        for span in spans
        if span.label_ == "PER" and (slot := _slot(doc, span.start, span.end)) is not None
    )
    common = {slot for slot, count in slots.items() if count >= least}
    if not common:
        return spans
    covered = covered_mask(doc, spans)
    found = list(spans)
    for start in range(1, len(doc)):
        if covered[start] or not doc[start].is_title:
            continue
        end = start
        while end < len(doc) and end - start < 4 and not covered[end] and doc[end].is_title:
            end += 1
        if end > start and _slot(doc, start, end) in common:
            found.append(Span(doc, start, end, label="PER"))
    return sorted(found, key=lambda span: span.start)


# endings a case adds to a name's lemma or nominative ("шисюн" -> "шисюном")
_CASE_ENDINGS = frozenset({"а", "я", "у", "ю", "е", "ы", "и", "ом", "ем", "ым", "им", "ой", "ей"})


def same_word(one: str, other: str, shortest: int = 3) -> bool:
    """Whether two lowercase name words are forms of one name ("шисюн", "шисюном"): equal, or
    the longer is the shorter (of ``shortest`` letters at least) plus a case ending."""
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= shortest and long.startswith(short) and long[len(short) :] in _CASE_ENDINGS


def _same_words(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two lemma sequences are one name, allowing a case ending pymorphy3 left on a
    word it does not know ("чжан епа", "чжан еп")."""
    return len(one) == len(other) and all(same_word(a, b, 2) for a, b in zip(one, other))


def _lemmas(span: Span) -> tuple[str, ...]:
    return tuple(token.lemma_ for token in span)


def person_bounds(spans: list[Span]) -> list[Span]:
    """People's spans cut or joined where the document's other mentions of people say.

    Two adjacent person spans whose words together are a person the document names in one span
    are one mention ("Хвана" + "Чжан Епа" after "Хван Чжан Еп"); a person's span that starts
    with the whole of another person's name, followed by two or more words, is two people
    ("Кима Чен Ира Ким Ир Сен" after "Кима Чен Ира").
    """
    lemmas = {span.start: tuple(token.lemma_ for token in span) for span in spans}
    names = {lemmas[span.start] for span in spans if span.label_ == "PER" and len(span) > 1}
    if not names:
        return spans
    longest = max(len(name) for name in names)
    found: list[Span] = []
    for span in spans:
        if span.label_ != "PER":
            found.append(span)
            continue
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.label_ == "PER"
            and previous.end == span.start
            and any(_same_words(_lemmas(previous) + lemmas[span.start], n) for n in names)
        ):
            found[-1] = Span(span.doc, previous.start, span.end, label="PER")
            continue
        cut = next(
            (
                size
                for size in range(min(longest, len(span) - 2), 1, -1)
                if any(_same_words(lemmas[span.start][:size], name) for name in names)
            ),
            None,
        )
        if cut is None:
            found.append(span)
        else:
            found.append(Span(span.doc, span.start, span.start + cut, label="PER"))
            rest = span.start + cut
            while rest < span.end and not is_word(span.doc[rest].text):
                rest += 1  # "Ван И. Помпео": the dot ends the first name
            if rest < span.end:
                found.append(Span(span.doc, rest, span.end, label="PER"))
    return found


def spread_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """Other forms of a person's one-word name or surname the lemmas miss ("Согласно Марку"
    after "Марк": pymorphy3 reads "Марку" as a form of "марка"): a word outside the entities,
    capitalized right after another word, that is the name's written form or that plus a case
    ending, and no place's name."""
    forms = {
        form
        for span in spans
        if span.label_ == "PER" and span[-1].is_title
        for form in (span[-1].text.lower(), span[-1].lemma_)
    }
    if not forms:
        return spans
    prefixes = {form[:3] for form in forms}
    covered = covered_mask(doc, spans)
    found = list(spans)
    texts = token_texts(doc, ORTH)  # the token texts, without a Token object per word
    for i, text in enumerate(texts):
        # str.istitle is spaCy's token.is_title
        if covered[i] or len(text) < 4 or text[:3].lower() not in prefixes or not text.istitle():
            continue
        if not (i and is_word(texts[i - 1])):
            continue  # capitalized after a word, not at a sentence's or a quote's start
        word = text.lower()
        if any(same_word(word, form, 2) for form in forms) and _first_name_like(
            doc[i : i + 1], first=False
        ):
            found.append(Span(doc, i, i + 1, label="PER"))
    return sorted(found, key=lambda span: span.start)


def _nickname_end(doc: Doc, i: int) -> int | None:
    """The index of the closing quote of one to three capitalized words in quotes opening at
    ``i`` ("«Шрам»"), if they are."""
    close = i + 1
    while close < len(doc) and close - i <= 3 and doc[close].is_title:
        close += 1
    if close == i + 1 or close + 1 >= len(doc) or doc[close].text not in CLOSE_QUOTES:
        return None
    return close


def join_nicknames(doc: Doc, spans: list[Span]) -> list[Span]:
    """A nickname in quotes between a first name and a surname is inside the person's name:
    "Виктор «Шрам» Лапин", "Олега «Кузнеца» Мартынова" are one person each.

    One side must be a person's span; the other is one too, or a first name pymorphy3 knows
    (before the quotes) or a capitalized word that reads as a person's name (after them).
    """
    ends = {span.end: span for span in spans if span.label_ == "PER"}
    starts = {span.start: span for span in spans if span.label_ == "PER"}
    joined: list[tuple[int, int]] = []
    texts = token_texts(doc, ORTH)
    for i in range(1, len(doc) - 3):
        if texts[i] not in OPEN_QUOTES or (joined and i < joined[-1][1]):
            continue
        close = _nickname_end(doc, i)
        if close is None:
            continue
        left, right = ends.get(i), starts.get(close + 1)
        if left is None and right is None:
            continue
        if left is not None:
            first = left.start
        elif doc[i - 1].is_title and _has_parse_with(doc[i - 1], "Name"):
            first = i - 1
        else:
            continue
        if right is not None:
            last = right.end
        elif _person_word(doc[close + 1], known_genitive=False):
            last = close + 2
        else:
            continue
        joined.append((first, last))
    if not joined:
        return spans
    found = [
        span
        for span in spans
        if not any(span.start < last and first < span.end for first, last in joined)
    ]
    found += [Span(doc, first, last, label="PER") for first, last in joined]
    return sorted(found, key=lambda span: span.start)


_COORDINATORS = frozenset({",", "и", "или", "либо"})


def _plural_surname(token: Token) -> bool:
    """A capitalized word pymorphy3 reads as a surname in the plural ("Зайцевых", "Дуровы"),
    or that ends like a Russian surname's plural and is no first name ("Котиковыми")."""
    if not token.is_title:
        return False
    parses = token_parses(token)
    if any("Surn" in parse.tag and parse.tag.number == "plur" for parse in parses):
        return True
    return plural_surname_ending(token.text.lower()) is not None and not any(
        "Name" in parse.tag for parse in parses
    )


_PLURAL_SURNAME = re.compile(r"(?<=[а-яё]{2})(ов|ев|ёв|ин|ын)(ых|ыми|ым)$")


def plural_surname_ending(word: str) -> str | None:
    """The stem of a Russian surname in -ов, -ев, -ин written in a plural case ("котиковыми"
    -> "котиков"), or None."""
    match = _PLURAL_SURNAME.search(word)
    return word[: match.end(1)] if match else None


def shared_surname(span: Span) -> Token | None:
    """The plural surname a person's first name shares with the names coordinated after it:
    "Зайцевых" for "Виктора" in "Виктора и Марины Зайцевых"; None if there is none."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text not in _COORDINATORS:
        return None
    if not all(token.is_title and _has_parse_with(token, "Name") for token in span):
        return None
    i = span.end
    while i + 1 < len(doc) and doc[i].text in _COORDINATORS and doc[i + 1].is_title:
        i += 1
        while i < len(doc) and doc[i].is_title and not _plural_surname(doc[i]):
            if not _has_parse_with(doc[i], "Name"):
                return None
            i += 1
        if i < len(doc) and _plural_surname(doc[i]):
            return doc[i]
    return None
