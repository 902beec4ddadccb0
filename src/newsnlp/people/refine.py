"""Refine: a person's span without the words glued to it, with the initials and particles
that belong to it."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .._batch import token_texts
from .._spans import (
    capitalized_common_noun,
    token_parses,
)
from .families import _common_noun_before_family, family_name
from .words import (
    NAME_PARTICLES,
    _body_before_first_name,
    _capitalized_common_word,
    _capitalized_inside,
    _common_compound,
    _first_name_like,
    _first_names_disagree,
    _genitive_non_name,
    _known_surname,
    _lowercase_non_name,
    _nominative_surname,
    _not_a_name,
    _oblique_surname,
    _organization_word,
    _surnames_disagree,
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
    inner = None
    if end - start > 2:  # a word inside the name (most names have two words: none)
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
        end -= 1  # "Путин же"; not "Марины Ней", a surname capitalized inside a sentence
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
    if start < end and all(family_name(doc[i]) for i in range(start, end)):  # (no Span made)
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
        or _first_names_disagree(doc[start], doc[start + 1])
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
    cut = _initials_between_surnames(doc, start, end)
    if cut is not None:
        # "Щербина Л. А. Гладков вину признал": a surname with its initials ends a sentence the
        # segmenter did not end, another surname opens the next: two people
        rest = Span(doc, cut, end, label="PER")
        return [*pieces, Span(doc, start, cut, label="PER"), *refine_person(rest, in_names)]
    start = _initials_before(doc, start)
    before = doc[start - 1] if start else None
    if (
        before is not None
        and before.text in NAME_PARTICLES
        and before.ent_iob_ == "O"
        and (start < 2 or doc[start - 2].ent_iob_ == "O")  # "Медведев да Путин": two people
    ):
        start -= 1
    same = start == span.start and end == span.end and span.label_ == "PER"
    if same and not (span.kb_id or span.id):
        pieces.append(span)  # the name as it came (most): the same Span, not a new one
    else:
        pieces.append(Span(doc, start, end, label="PER"))
    return pieces


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


def _initials_between_surnames(doc: Doc, start: int, end: int) -> int | None:
    """Where ``doc[start:end]`` opening with a word and two capitals with their dots goes on
    with another word ("Щербина Л. А. Гладков", "Сидоренко А.Н. Сидоренко А.Н."): no one's
    name has initials between two names; the token after the second dot, or None."""
    cut = start + 5
    if end - start < 6:
        return None
    words = (doc[start], doc[cut])
    letters = (doc[start + 1], doc[start + 3])
    if (
        all(word.is_title and not _letter(word) for word in words)
        and all(_letter(letter) for letter in letters)
        and doc[start + 2].text == doc[start + 4].text == "."
    ):
        return cut
    return None


_CASE_TAIL = re.compile("[аяеёоуыийюьм]+$")


@lru_cache(maxsize=100_000)
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
    return _is_letter(token.text)


def _is_letter(text: str) -> bool:
    """A capital letter alone (an initial without its dot)."""
    return len(text) == 1 and text.isupper()


def join_initials_after(doc: Doc, spans: list[Span]) -> list[Span]:
    """A surname's initials written after it join it: "Смирнов А. В.", "Иванов И. И., глава".

    A person's span ending in a capital letter takes the dot after it ("Смирнов А. В" + "."),
    and a person's span without initials takes up to two right after it, when they stand
    outside other spans or make a person's span of initials only; not when a capitalized word
    follows them (the initials of the next name: "с Ивановым В. Путин").
    """
    spans = sorted(spans, key=lambda span: span.start)
    starts = {span.start: span for span in spans}
    texts = token_texts(doc, ORTH)
    dropped: set[int] = set()
    found: list[Span] = []
    for span in spans:
        if span.start in dropped:
            continue
        end = span.end
        if span.label_ != "PER" or not any(len(text) > 1 for text in texts[span.start : end]):
            found.append(span)  # initials alone ("В.Л") are left as the model has them
            continue
        if (
            _is_letter(texts[end - 1])
            and len(span) >= 3
            and texts[end - 2] == "."  # "А. В" + "."; not "Ван И" + the sentence's dot
            and end < len(doc)
            and texts[end] == "."
            and end not in starts
        ):
            end += 1
        initials = sum(map(_is_letter, texts[span.start : end]))
        stop = end
        swallowed: list[Span] = []
        # an initial after the span: a capital letter with its dot ("А." of "Смирнов А.")
        while (
            initials < 2
            and stop + 1 < len(texts)
            and _is_letter(texts[stop])
            and texts[stop + 1] == "."
        ):
            inside = starts.get(stop)
            if inside is not None:
                if inside.label_ != "PER" or not all(
                    _is_letter(text) or text == "." for text in texts[inside.start : inside.end]
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


def person_after_object(span: Span) -> Span:
    """A body's span that opens its sentence with a common noun in an oblique case glued before
    a person's name is that person: "Выставку Павла Громова открыли" (the sentence's object,
    then whose it is); not "Фонд Андрея Первозванного", a body's name in the nominative, nor a
    place ("Проспекту Юрия Гагарина")."""
    if span.label_ != "ORG" or not 3 <= len(span) <= 4 or not capitalized_common_noun(span[0]):
        return span
    if any(parse.tag.case == "nomn" for parse in token_parses(span[0])):
        return span
    rest = span[1:]
    if not _first_name_like(rest) or not _known_first_name(rest[0]):
        return span
    return Span(span.doc, rest.start, rest.end, label="PER")


def _known_first_name(token: Token) -> bool:
    return any(parse.is_known and "Name" in parse.tag for parse in token_parses(token))
