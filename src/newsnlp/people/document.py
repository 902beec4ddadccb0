"""Document: people's spans set by the document's other mentions: labels, bounds, other
forms, lists, nicknames and people named inside other names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from functools import lru_cache

import numpy
from spacy.attrs import IS_TITLE, LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from .. import resources
from .._batch import token_texts
from .._spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PROPER,
    covered_mask,
    is_word,
    opens_sentence,
    token_parses,
)
from ..lexicons import lexicon_words
from ..places import place_before_person
from ..tag import UD_CASE, token_tag
from .refine import name_stem
from .words import (
    _body_before_first_name,
    _first_name_like,
    _has_parse_with,
    _person_word,
    _surname_like,
)


def relabel_people(spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """Place or organization spans that are a person's name by the document's evidence.

    A span of several capitalized words becomes a person when the document writes a person
    with the same lemmas ("Гата Камский" LOC and PER), with its last word as surname and its
    first word reads as a first name ("Ахмат-Хаджи Кадырова" LOC, "Рамзан Кадыров" PER), or
    with its first word as first name ("Лонгин Клинский" ORG, "Лонгин" PER). A lone word
    that is the surname of a person named in full is that person ("о Свиридове" LOC, "Егор
    Свиридов" PER), unless pymorphy3 knows it as a place ("Вашингтоне"). A lone first name
    right before a person's span joins it ("Ахмат-Хаджи" LOC + "Кадырова" PER), unless it is
    a place before the person ("мэром Фуюаня Чэнь Голином").

    ``lemmas``: ``token_texts(doc, LEMMA)`` of the spans' document, when the caller has it.
    """
    people = [span for span in spans if span.label_ == "PER"]
    if not people:
        return spans
    # the words' texts and lemmas from the document's arrays, not a Token per word
    doc = people[0].doc
    texts = token_texts(doc, ORTH)
    if lemmas is None:
        lemmas = token_texts(doc, LEMMA)
    names = {tuple(lemmas[span.start : span.end]) for span in people if len(span) > 1}
    surnames = {lemmas[span.end - 1] for span in people if texts[span.end - 1].istitle()}
    firsts = {lemmas[span.start] for span in people}  # read as first names below
    full = {
        form
        for span in people
        if len(span) > 1 and texts[span.end - 1].istitle()
        for form in (texts[span.end - 1].lower(), lemmas[span.end - 1])
    }
    full_stems = case_stems(full)
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
        start, end = span.start, span.end
        if span.label_ != "PER" and end - start > 1:
            by_first = lemmas[start] in firsts and _first_name_like(span[:1])
            if (
                tuple(lemmas[start:end]) in names
                or (lemmas[end - 1] in surnames and _first_name_like(span))
                or (by_first and all(text.istitle() for text in texts[start:end]))
            ):
                span = Span(span.doc, span.start, span.end, label="PER")
        elif span.label_ != "PER" and end - start == 1:
            # the surname alone of a person of the document ("о Свиридове", "поддерживает Кока")
            words = (texts[start].lower(), lemmas[start])
            if any(same_as_any(word, full, full_stems, 2) for word in words):
                if _surname_like(span):
                    span = Span(span.doc, span.start, span.end, label="PER")
        found.append(span)
    return found


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


def case_stems(forms: Collection[str]) -> set[str]:
    """The words of ``forms`` without a case ending they end in ("шисюном" -> "шисюн")."""
    return {form[:-size] for form in forms for size in (1, 2) if form[-size:] in _CASE_ENDINGS}


def same_as_any(word: str, forms: Collection[str], stems: Collection[str], shortest: int) -> bool:
    """Whether :func:`same_word` holds for ``word`` and one of ``forms`` (``stems``: their
    :func:`case_stems`), by look-ups in sets instead of a comparison with each form: ``word``
    itself, ``word`` without a case ending, ``word`` with one."""
    if word in forms:
        return True
    for size in (1, 2):  # the case endings' lengths
        stem = word[:-size]
        if len(stem) >= shortest and word[-size:] in _CASE_ENDINGS and stem in forms:
            return True
    return len(word) >= shortest and word in stems


def _same_words(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two lemma sequences are one name, allowing a case ending pymorphy3 left on a
    word it does not know ("чжан епа", "чжан еп")."""
    return len(one) == len(other) and all(same_word(a, b, 2) for a, b in zip(one, other))


def person_bounds(spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """People's spans cut or joined where the document's other mentions of people say.

    Two adjacent person spans whose words together are a person the document names in one span
    are one mention ("Хвана" + "Чжан Епа" after "Хван Чжан Еп"); a person's span that starts
    with the whole of another person's name, followed by two or more words, is two people
    ("Кима Чен Ира Ким Ир Сен" after "Кима Чен Ира"). ``lemmas``: ``token_texts(doc, LEMMA)``
    of the spans' document, when the caller has it.
    """
    if not spans:
        return spans
    if lemmas is None:
        lemmas = token_texts(spans[0].doc, LEMMA)
    words = {span.start: tuple(lemmas[span.start : span.end]) for span in spans}
    names = {words[span.start] for span in spans if span.label_ == "PER" and len(span) > 1}
    if not names:
        return spans
    longest = max(len(name) for name in names)
    written = Counter(words[span.start] for span in spans if span.label_ == "PER")
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
            and any(_same_words(tuple(lemmas[previous.start : span.end]), name) for name in names)
        ):
            found[-1] = Span(span.doc, previous.start, span.end, label="PER")
            continue
        if (
            len(span) == 2
            and written[words[span.start]] == 1
            and _two_named_surnames(words[span.start], names - {words[span.start]})
        ):
            # "С Ёсикавой Вибе знаком" after "Макото Ёсикава", "Дмитрий Вибе": two people
            found.append(Span(span.doc, span.start, span.start + 1, label="PER"))
            found.append(Span(span.doc, span.start + 1, span.end, label="PER"))
            continue
        cut = next(
            (
                size
                for size in range(min(longest, len(span) - 2), 1, -1)
                if any(_same_words(words[span.start][:size], name) for name in names)
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


def _two_named_surnames(pair: tuple[str, ...], names: Collection[tuple[str, ...]]) -> bool:
    """Whether two words are the last words of two different names the document writes in full
    (``names``, without the pair itself), and no name holds them together: two people named by
    surname side by side ("С Ёсикавой Вибе знаком" after "Макото Ёсикава" and "Дмитрий
    Вибе")."""
    first, second = pair
    if any(_same_words(name[i : i + 2], pair) for name in names for i in range(len(name) - 1)):
        return False
    if _patronymic(first):
        return False  # "Петрович Елагин": the end of "Никифор Петрович", then a surname
    of_first = {name for name in names if same_word(name[-1], first)}
    of_second = {name for name in names if same_word(name[-1], second)}
    return bool(of_first) and bool(of_second) and not of_first & of_second


def _patronymic(word: str) -> bool:
    """Whether pymorphy3 knows a lowercase word as a patronymic."""
    return any(parse.is_known and "Patr" in parse.tag for parse in resources.word_parses(word))


# marks inside a sentence after which a capital letter is a name's ("Кравец спела, Синева прочла")
_INNER_MARKS = frozenset({",", ";"})


def spread_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """Other forms of a person's one-word name or surname the lemmas miss ("Согласно Марку"
    after "Марк": pymorphy3 reads "Марку" as a form of "марка"): a word outside the entities,
    capitalized right after another word or a comma, that is the name's written form or that
    plus a case ending, and no place's name."""
    texts = token_texts(doc, ORTH)  # the token texts, without a Token object per word
    # (str.istitle is spaCy's token.is_title)
    forms = {
        form
        for span in spans
        if span.label_ == "PER" and texts[span.end - 1].istitle()
        for form in (texts[span.end - 1].lower(), doc[span.end - 1].lemma_)
    }
    if not forms:
        return spans
    prefixes = {form[:3] for form in forms}
    stems = case_stems(forms)
    surnames = {
        name_stem(texts[span.end - 1])
        for span in spans
        if span.label_ == "PER" and len(span) >= 2 and texts[span.end - 1].istitle()
    }
    covered = covered_mask(doc, spans)
    found = list(spans)
    # the capitalized words that open like a form (few) first, in one pass over the texts
    for i in [i for i, text in enumerate(texts) if text.istitle() and text[:3].lower() in prefixes]:
        text = texts[i]
        if covered[i] or len(text) < 4:
            continue
        if not (i and (is_word(texts[i - 1]) or texts[i - 1] in _INNER_MARKS)):
            # capitalized after a word or a comma, not at a sentence's or a quote's start; but a
            # surname of a person named in full opening a clause before its verb is that person
            # ("Сомов пишет" after "Глеба Сомова": "сомов" is a common noun's form too)
            if _surname_opens_clause(doc, i, surnames):
                found.append(Span(doc, i, i + 1, label="PER"))
            continue
        word = text.lower()
        if same_as_any(word, forms, stems, 2) and _first_name_like(doc[i : i + 1], first=False):
            found.append(Span(doc, i, i + 1, label="PER"))
    return sorted(found, key=lambda span: span.start)


def _surname_opens_clause(doc: Doc, i: int, surnames: Collection[str]) -> bool:
    """Whether ``doc[i]``, opening a sentence, is the surname of a person the document names
    in full (``surnames``: stems by :func:`name_stem`), written as a man's nominative or a
    woman's (-ова, -ина), right before a verb."""
    text = doc[i].text
    if len(text) < 4 or name_stem(text) not in surnames or i + 1 >= len(doc):
        return False
    if not text.lower().endswith(("ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына")):
        return False
    return doc[i + 1].pos_ in ("VERB", "AUX")


def spread_first_names(doc: Doc, spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """A person's first name written again where the model skipped it or took it for a place or
    a body ("Алёша, как звали его друзья, ..." after "звала его Алёшей"): a capitalized word
    first in its sentence outside the entities, or a one-word span of another label, of the
    lemma or written form of a word in a person's span, that pymorphy3 knows as a first
    name and as no common word nor place ("Вера" of faith stays). ``lemmas``:
    ``token_texts(doc, LEMMA)``, when the caller has it."""
    # the words' texts and lemmas from the document's arrays, not a Token per word
    texts = token_texts(doc, ORTH)
    if lemmas is None:
        lemmas = token_texts(doc, LEMMA)
    labels = [span.label_ for span in spans]
    forms = {
        form
        for span, label in zip(spans, labels)
        if label == "PER"
        for i in range(span.start, span.end)
        for form in (texts[i].lower(), lemmas[i])
    }  # the words of people's names; the word found must be a first name itself
    if not forms:
        return spans
    covered = covered_mask(doc, spans)
    found = [
        Span(doc, span.start, span.end, label="PER")
        if label != "PER"
        and len(span) == 1
        and _first_name_only(texts[span.start], lemmas[span.start], forms)
        else span
        for span, label in zip(spans, labels)
    ]
    prefixes = {form[:3] for form in forms}
    for i in numpy.flatnonzero(doc.to_array(IS_TITLE)).tolist():  # capitalized words only
        text = texts[i]
        if covered[i] or text[:3].lower() not in prefixes:
            continue
        if opens_sentence(doc[i]) and _first_name_only(text, lemmas[i], forms):
            found.append(Span(doc, i, i + 1, label="PER"))
    return sorted(found, key=lambda span: span.start)


def _first_name_only(text: str, lemma: str, forms: set[str]) -> bool:
    """Whether a capitalized word (its text and lemma) is one of ``forms`` and pymorphy3 knows
    it as a first name and as no common word, place or body."""
    word = text.lower()
    if not text.istitle() or (word not in forms and lemma not in forms):
        return False
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return any("Name" in parse.tag for parse in parses) and all(
        PROPER & parse.tag.grammemes and not {"Geox", "Orgn"} & parse.tag.grammemes
        for parse in parses
    )


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
    (before the quotes) or a capitalized word that reads as a person's name (after them). A
    first name and surname after the quotes are a name of their own: the quotes before them
    hold a title ("Роман «Вера» Любови Надеждиной").
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
        if right is not None and len(right) >= 2 and _known_first_name(right[0]):
            continue  # a title before a full name: "Роман «Вера» Любови Надеждиной"
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


def skipped_people(doc: Doc, spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """People the model skipped, or cut or glued wrong: after a post
    (:func:`people_after_posts`), a first name that is a common word too opening a sentence
    before a surname (:func:`first_names_opening`), a word opening a sentence glued before a
    name and a surname cut from its first name and patronymic (:func:`name_bounds`), and a
    first name in an oblique case before its surname (:func:`first_name_before_surname`).
    ``lemmas``: ``token_texts(doc, LEMMA)``, when the caller has it."""
    spans = name_bounds(doc, first_names_opening(doc, people_after_posts(doc, spans, lemmas)))
    return first_name_before_surname(doc, spans)


def first_name_before_surname(doc: Doc, spans: list[Span]) -> list[Span]:
    """A first name in an oblique case and the one-word surname right after it, which the model
    tags as two people or the first name as nothing, are one person: the first name is one
    pymorphy3 knows, and only in oblique cases; the surname is no first name it knows, and may
    be in one of those cases ("с Мироном Коваленко", "у дедушки Порфирия Сычугова", "Фото
    Семёна Соловья"; not "Брат Фомы Никита", nor "Запомнился Путину Шойгу")."""
    covered = covered_mask(doc, spans)
    # the surnames of people named in full: "Ёсикавой" of Макото Ёсикава is no first name
    surnames = {
        name_stem(span[-1].text) for span in spans if span.label_ == "PER" and len(span) > 1
    }
    found: list[Span] = []
    for span in spans:
        if span.label_ == "PER" and len(span) == 1 and span.start > 0 and span[0].is_title:
            before = doc[span.start - 1]
            previous = found[-1] if found else None
            glued = (
                previous is not None
                and previous.label_ in ("PER", "LOC")
                and previous.end == span.start
                and len(previous) == 1
            )
            if (glued or not covered[span.start - 1]) and (
                (
                    (previous is None or previous.label_ == "PER" or not glued)
                    and _first_name_then_surname(before, span[0])
                )
                or (
                    name_stem(before.text) not in surnames
                    and _first_name_after_s(doc, span.start - 1)
                )
            ):
                if glued:
                    found[-1] = Span(doc, span.start - 1, span.end, label="PER")
                    continue
                span = Span(doc, span.start - 1, span.end, label="PER")
        found.append(span)
    return found


_INSTRUMENTAL_ENDINGS = ("ом", "ем", "ей", "ой", "ым", "им")


def _first_name_after_s(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]``, right after "с"/"со", is a capitalized word pymorphy3 does not know
    (or knows as a first name in the instrumental, among other readings) ending as an
    instrumental, before a surname in the instrumental or in a vowel or consonant
    that may not decline (a woman's): a foreign first name ("с Мацеем Новаком", "с Марицей
    Петрович"), which the model takes for a place or a person of its own."""
    if i < 1 or i + 1 >= len(doc) or doc[i - 1].lower_ not in ("с", "со"):
        return False
    first, surname = doc[i].text, doc[i + 1].text.lower()
    if not (first.istitle() and first.isalpha() and first.lower().endswith(_INSTRUMENTAL_ENDINGS)):
        return False
    parses = resources.word_parses(first.lower())
    if any(parse.is_known for parse in parses) and not any(
        parse.is_known and "Name" in parse.tag and parse.tag.case == "ablt" for parse in parses
    ):
        return False  # a word pymorphy3 knows, unless as a first name in the instrumental
    if surname.endswith(_INSTRUMENTAL_ENDINGS):
        return True
    # a woman's surname that does not decline; a Russian one in -ов, -ин would ("Петровой")
    return not surname.endswith(("а", "я", "у", "ю", "ов", "ев", "ёв", "ин", "ын"))


def _first_name_then_surname(first: Token, surname: Token) -> bool:
    """Whether ``first`` is a capitalized first name pymorphy3 knows only in oblique cases and
    ``surname`` no first name it knows, a word that may be in one of those cases."""
    if not first.is_title or not first.text.isalpha() or _known_first_name(surname):
        return False
    names = [
        p.tag
        for p in token_parses(first)
        if p.is_known and "Name" in p.tag and p.tag.number != "plur"
    ]
    if not names or any(tag.case == "nomn" or "Fixd" in tag for tag in names):
        return False
    if not all(p.is_known and "anim" in p.tag for p in token_parses(first)):
        return False  # "Романа" is a novel's too
    cases = {tag.case for tag in names if tag.number == "sing"}
    return any(
        parse.tag.case in cases and (parse.tag.number != "plur" or "Fixd" in parse.tag)
        for part in (surname.text.lower(), surname.text.lower().rsplit("-", 1)[-1])
        for parse in resources.word_parses(part)
    )


# one-letter prepositions, capitalized when they open a sentence ("С Ли Минхо встретился"); not
# "О" and "У", Korean and Chinese surnames too ("О Се Хун")
_LETTER_PREPOSITIONS = frozenset({"С", "В", "К"})


def name_bounds(doc: Doc, spans: list[Span]) -> list[Span]:
    """People's spans without a word opening a sentence the model glued before a first name (a
    one-letter preposition, "С Ли Минхо"; a word pymorphy3 knows only as an adjective or a
    participle, "Нападающему Егору Соломатину"), and a first name and patronymic joined to the
    surname right after them ("С Иваном Сергеевичем" + "Клюевым")."""
    others = _surnames_of_named(spans)
    found: list[Span] = []
    for span in spans:
        before = found[-1] if found else None
        if _surname_before(doc, span, before, others):
            if before is not None and before.end == span.start:
                found.pop()  # a surname the model took for a place ("Карасева" + name)
            span = Span(doc, span.start - 1, span.end, label="PER")
        if (
            span.label_ == "PER"
            and len(span) >= 3
            and opens_sentence(span[0])
            and (
                (span[0].text in _LETTER_PREPOSITIONS and span[1].is_title)
                or (_adjective_only(span[0]) and _has_parse_with(span[1], "Name"))
            )
        ):
            span = Span(doc, span.start + 1, span.end, label="PER")
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.label_ == span.label_ == "PER"
            and previous.end == span.start
            and len(previous) == 2
            and len(span) == 1
            and _has_parse_with(previous[0], "Name")
            and _has_parse_with(previous[1], "Patr")
            and not _known_first_name(span[0])  # a guess: "Грицай" is no known first name
            and token_tag(span[0])[1] == token_tag(previous[1])[1]
        ):
            found[-1] = Span(doc, previous.start, span.end, label="PER")
            continue
        if (
            previous is not None
            and previous.label_ == span.label_ == "PER"
            and previous.end == span.start
            and len(previous) == 1
            and len(span) == 2
            and _known_first_name(previous[0])
            and _has_parse_with(span[0], "Patr")
            and not _known_first_name(span[0])
        ):
            found[-1] = Span(
                doc, previous.start, span.end, label="PER"
            )  # "Никифор" "Петрович Елагин"
            continue
        if (
            previous is not None
            and previous.label_ == span.label_ == "PER"
            and previous.end == span.start
            and len(previous) == len(span) == 1
            and _woman_oblique_first_name(previous[0])
            and _undeclined_surname(span[0])
        ):
            found[-1] = Span(doc, previous.start, span.end, label="PER")  # "с Матильдой" "Штайнер"
            continue
        found.append(span)
    return found


def _woman_oblique_first_name(token: Token) -> bool:
    """Whether pymorphy3 knows a word only as a woman's first name in cases other than the
    nominative ("Матильдой", "Доротее")."""
    parses = [parse for parse in token_parses(token) if parse.is_known]
    return bool(parses) and all(
        "Name" in parse.tag and parse.tag.gender == "femn" and parse.tag.case != "nomn"
        for parse in parses
    )


def _undeclined_surname(token: Token) -> bool:
    """Whether a capitalized word may be a woman's foreign surname, which does not decline: it
    ends in a consonant, is no surname in -ов, -ев, -ин, -ын (hers would be "-ова"), and
    pymorphy3 knows it as nothing but a surname ("Штайнер", "Кауфман")."""
    text = token.text.lower()
    if not token.is_title or not text[-1:].isalpha() or text[-1] in "аеёиоуыэюяйь":
        return False
    if text.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return False
    known = [parse for parse in token_parses(token) if parse.is_known]
    return all("Surn" in parse.tag for parse in known)


def _surnames_of_named(spans: list[Span]) -> dict[str, set[str]]:
    """The first names (stems) each surname (stem) of the persons' spans of two or more words
    goes with ("Бориса Ельцина": "ельцин" -> {"борис"})."""
    found: dict[str, set[str]] = {}
    for span in spans:
        if span.label_ == "PER" and len(span) >= 2 and _known_first_name(span[0]):
            found.setdefault(name_stem(span[-1].text), set()).add(name_stem(span[0].text))
    return found


def _surname_before(doc: Doc, span: Span, before: Span | None, others: dict[str, set[str]]) -> bool:
    """Whether a person's span of a first name and patronymic ("Дмитрия Олеговича") has its
    surname right before it, written first as court and police reports write a name
    ("Карасева Дмитрия Олеговича"): a capitalized word, alone or in a one-word span, that
    pymorphy3 reads as a surname in a case and gender the patronymic can have too, and knows as
    no first name; not the surname of a person of another first name the document names
    (``others``, :func:`_surnames_of_named`)."""
    if span.label_ != "PER" or len(span) != 2 or span.start == 0:
        return False
    if not (_has_parse_with(span[0], "Name") and _has_parse_with(span[1], "Patr")):
        return False
    word = doc[span.start - 1]
    if not word.is_title or _known_first_name(word):
        return False
    if others.get(name_stem(word.text), set()) - {name_stem(span[0].text)}:
        return False  # another person's surname: "вдова Лебедева Тамара Ивановна" after "Бориса
        # Лебедева" is his widow
    if before is not None and before.end == span.start and len(before) != 1:
        return False
    forms = {
        (parse.tag.case, parse.tag.gender) for parse in token_parses(span[1]) if "Patr" in parse.tag
    }
    return any(
        "Surn" in parse.tag and (parse.tag.case, parse.tag.gender) in forms
        for parse in token_parses(word)
    )


def _known_first_name(token: Token) -> bool:
    """Whether pymorphy3 knows ``token`` as a first name (not only guesses it)."""
    return _known_first_name_word(token.text.lower())


@lru_cache(maxsize=100_000)
def _known_first_name_word(word: str) -> bool:
    """:func:`_known_first_name` of a lowercase word (kept: a pure function of the word)."""
    return any(parse.is_known and "Name" in parse.tag for parse in resources.word_parses(word))


def _adjective_only(token: Token) -> bool:
    """Whether pymorphy3 knows a word only as an adjective or participle, or a noun one may be
    ("Нападающему"), none a name's."""
    parses = token_parses(token)
    return (
        bool(parses)
        and any(parse.tag.POS in ("ADJF", "PRTF") for parse in parses)
        and all(
            parse.is_known
            and parse.tag.POS in ("ADJF", "PRTF", "NOUN")
            and not (PROPER & parse.tag.grammemes)
            for parse in parses
        )
    )


def first_names_opening(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's span of one surname joined by the first name before it that opens a sentence
    and that pymorphy3 knows as a common word too ("Слава Зайцев и Любовь Зайцева пришли":
    the model takes "Слава" for the noun)."""
    covered = covered_mask(doc, spans)
    found = []
    for span in spans:
        start = span.start
        if (
            span.label_ == "PER"
            and len(span) == 1
            and start > 0
            and not covered[start - 1]
            and doc[start - 1].is_title
            and doc[start - 1].is_sent_start
            and _has_parse_with(span[0], "Surn")
            and not _has_parse_with(span[0], "Name")
            and _first_name_in(doc[start - 1], token_tag(span[0])[1])
        ):
            span = Span(doc, start - 1, span.end, label="PER")
        found.append(span)
    return found


def _post_lemma(lemma: str, text: str) -> bool:
    """:func:`_post_before`'s first test, on a word's lemma and text: a noun of a post or trade
    of the lexicons (tested before any ``Token`` is made: most words are none)."""
    lemma = (lemma or text).lower()
    return lemma in _POST_NOUNS or lemma.rsplit("-", 1)[-1] in _POST_NOUNS


def _post_before(before: Token) -> bool:
    """Whether ``before`` is a noun of a post or trade of the lexicons (``posts.txt``,
    ``trades.txt``; a hyphenated compound by its last part: "вице-губернатор") in lowercase, or
    capitalized only as a sentence's first word ("Губернатор")."""
    lemma = (before.lemma_ or before.lower_).lower()
    return (
        (lemma in _POST_NOUNS or lemma.rsplit("-", 1)[-1] in _POST_NOUNS)  # first: the rarest
        and (before.is_lower or (bool(before.is_sent_start) and before.text[1:].islower()))
        and before.pos_ == "NOUN"
    )


# nouns of posts and trades: the lexicons the roles read (roles import normalize, which imports us)
_POST_NOUNS = lexicon_words("posts") | lexicon_words("trades")


def _first_name_in(token: Token, case: str) -> bool:
    """Whether pymorphy3 reads ``token`` as a first name in ``case`` (a UD case), as the
    surname after it agrees ("Слава Зайцев"; not "Слава Зайцеву": glory to him)."""
    wanted = UD_CASE.get(case, set())
    return any("Name" in parse.tag and parse.tag.case in wanted for parse in token_parses(token))


def _surname_only(token: Token) -> bool:
    """Whether pymorphy3 knows a word only as a surname ("Шубина")."""
    parses = token_parses(token)
    return bool(parses) and all(parse.is_known and "Surn" in parse.tag for parse in parses)


def people_after_posts(doc: Doc, spans: list[Span], lemmas: list[str] | None = None) -> list[Span]:
    """People the model skipped right after a post or trade ("корреспондент Анна Ли Би-би-си",
    "Губернатор Шубина подписала"): two or three capitalized words outside the entities, the
    first a first name pymorphy3 knows, none a place's or an organization's name, or one word
    pymorphy3 knows only as a surname, after a noun of a post in lowercase (or capitalized only
    as a sentence's first word). ``lemmas``: ``token_texts(doc, LEMMA)``, when the caller has
    it."""
    texts = token_texts(doc, ORTH)
    if lemmas is None:
        lemmas = token_texts(doc, LEMMA)
    # the word before first (its lemma, from the arrays): most words are no post
    spans = [
        Span(doc, span.start, span.end, label="PER")
        if span.end - span.start == 1
        and span.start > 0
        and _post_lemma(lemmas[span.start - 1], texts[span.start - 1])
        and span.label_ != "PER"
        and _post_before(doc[span.start - 1])
        and _surname_only(span[0])
        else span
        for span in spans
    ]  # "Губернатор Шубина" the model calls a place
    open_ = bytearray(map(str.istitle, texts))  # 1 per capitalized word outside the spans
    for span in spans:
        open_[span.start : span.end] = bytes(span.end - span.start)
    found = list(spans)
    i = open_.find(1, 1)
    while i >= 0:
        end = i
        while end < len(texts) and end - i < 3 and open_[end]:
            end += 1
        if (
            _post_lemma(lemmas[i - 1], texts[i - 1])
            and _post_before(doc[i - 1])
            and all(text.isalpha() for text in texts[i:end])
            and (_first_name_like(doc[i:end]) if end - i > 1 else _surname_only(doc[i]))
        ):
            found.append(Span(doc, i, end, label="PER"))
        i = open_.find(1, end)
    return sorted(found, key=lambda span: span.start)
