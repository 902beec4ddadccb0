"""Skipped: people the model skipped, or cut or glued wrong, found by the words around them:
a name after a post or trade, a first name that is a common word too opening a sentence, a word
glued before a name, a surname written before its first name and patronymic, a first name in an
oblique case before its surname."""

from __future__ import annotations

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from .. import resources
from .._batch import token_texts
from .._spans import PROPER, covered_mask, opens_sentence, token_parses
from ..lexicons import lexicon_words
from ..tag import UD_CASE, token_tag
from .refine import name_stem
from .words import _first_name_like, _has_parse_with, _known_first_name


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
