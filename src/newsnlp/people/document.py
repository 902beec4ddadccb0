"""Document: people's spans set by the document's other mentions: labels, bounds, other
forms, lists, nicknames and people named inside other names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import numpy
from spacy.attrs import IS_TITLE, LEMMA, ORTH
from spacy.tokens import Doc, Span

from .. import resources
from .._batch import token_texts
from .._spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PROPER,
    covered_mask,
    is_word,
    opens_sentence,
)
from ..places import place_before_person
from .refine import name_stem
from .words import (
    _body_before_first_name,
    _first_name_like,
    _has_parse_with,
    _known_first_name,
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
