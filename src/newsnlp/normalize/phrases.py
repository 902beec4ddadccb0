"""Phrases: the head of a place or organization name and the span's normal form."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from .. import resources
from .._batch import token_texts
from ..gazetteer import default_gazetteer, gazetteer_key
from ..places import coordination_head, elided_head
from ..tag import UD_CASE, token_tag
from .forms import recover_case
from .names import coordinated_name, join_words, person_name
from .place_words import (
    _adjective_like,
    _governs_genitive,
    _place_candidates,
    tagged_case_of_form,
)
from .tokens import inflect_token


def phrase_head(span: Span) -> int | None:
    """Index in ``span`` of the head noun of a place or organization name, if any."""
    for position, token in enumerate(span):
        if token.pos_ == "NOUN":
            return position
        if token.pos_ in ("PROPN", "VERB") and position + 1 < len(span) and _adjective_like(token):
            continue  # "Соединённых Штатов", "Объединённых Арабских Эмиратах"
        if token.pos_ == "PROPN":
            # a run of proper nouns is one compound name; its declined word is the first one
            # when a genitive follows it ("Совета Европы"), else the last one not in the
            # nominative ("Сан Луисе" -> "Луисе", "Острове Уайт" -> "Острове")
            run = [position]
            while run[-1] + 1 < len(span) and span[run[-1] + 1].pos_ == "PROPN":
                run.append(run[-1] + 1)
            if len(run) == 1:
                return position  # (a lone proper noun is the head, in whatever case)
            if _governs_genitive(span[run[0]], span[run[1]]):
                return run[0]
            oblique = [i for i in run if not _nominative_form(span[i])]
            return oblique[-1] if oblique else run[-1]
        if token.pos_ not in ("ADJ", "DET", "NUM") and any(c.isalpha() for c in token.text):
            return None
    return None


def _nominative_form(token: Token) -> bool:
    """Whether ``token`` is tagged nominative, or accusative in a form pymorphy3 knows as a
    nominative too (an inanimate noun's: "Республике Татарстан" tagged "Loc Acc")."""
    case = token_tag(token)[1]
    if case in ("", "Nom"):
        return True
    return case == "Acc" and any(
        parse.is_known and parse.tag.POS == "NOUN" and parse.tag.case == "nomn"
        for parse in resources.word_parses(token.text.lower())
    )


def _possessive_before(token: Token, head: Token) -> bool:
    """A proper noun the tagger reads in the case of the proper-noun head after it that
    pymorphy3 knows as a possessive adjective in that case ("Сергиевым Посадом")."""
    if token.pos_ != "PROPN" or head.pos_ != "PROPN":
        return False
    case = token_tag(token)[1]
    wanted = UD_CASE.get(tagged_case_of_form(head.text.lower(), token_tag(head)[1]), set())
    return bool(case) and any(
        parse.is_known and "Poss" in parse.tag and parse.tag.case in wanted
        for parse in resources.word_parses(token.text.lower())
    )


def _shared_head_number(span: Span, head: int) -> str | None:
    """ "Sing" when a plural head noun follows singular adjectives only: the noun is shared by
    coordinated names ("Ордынского и Карасукского районов", "Омской и Томской областей"), and
    the span's own name is singular ("Карасукский район"); else None."""
    if head == 0 or token_tag(span[head])[3] != "Plur":
        return None
    before = [token_tag(token) for token in span[:head]]
    if all(tag[0] == "ADJ" and tag[3] == "Sing" for tag in before):
        return "Sing"
    return None


def _plural_name_number(span: Span, head: int) -> str | None:
    """ "Plur" when the adjectives before a head noun are all plural: the name is a plural one
    the tagger does not know ("Нижних Выселках" -> "Нижние Выселки"), whose noun a singular
    place's name does not stand for ("Верхние Луки", not "Лука"); else None."""
    if head == 0 or token_tag(span[head])[3] not in ("Sing", "Plur"):
        return None
    before = [token_tag(token) for token in span[:head]]
    if all(tag[0] == "ADJ" and tag[3] == "Plur" for tag in before):
        return "Plur"
    return None


def normalize_span(span: Span) -> str:
    """The normalized name of an entity span."""
    words: list[str] = []
    label = span.label_
    if label == "PER":
        return person_name(span)
    if label == "LOC" and (shared := coordination_head(span)) is not None:
        return coordinated_name(span, shared)
    if label == "LOC" and len(span) == 1 and (elided := elided_head(span)) is not None:
        return elided  # "(Ольховском и Таловском)" after "районах": "Ольховский район"
    # the span's words read once (no Token per word); the tests below that look for a dash,
    # an "и" or capitals run only on a span that has one
    texts = token_texts(span.doc, ORTH)[span.start : span.end]
    inner = texts[1:-1]
    if (
        label == "LOC"
        and ("—" in inner or "–" in inner)
        and (dashed := dashed_name(span)) is not None
    ):
        return dashed
    if label == "LOC" and "и" in inner and (joined := _joined_name(span)) is not None:
        return joined
    if (
        label == "LOC"
        and "".join(texts).isupper()
        and (capitals := _name_in_capitals(span)) is not None
    ):
        return capitals
    if label == "LOC" and len(span) > 1 and default_gazetteer().lookup(span.text):
        # a multi-word name written as the gazetteer has it is its nominative, whatever the
        # tagger reads in an undeclined "из Коста Рика"
        words = texts
    else:
        head = phrase_head(span)
        number = None if head is None else _shared_head_number(span, head)
        if head is not None and number is None:
            number = _plural_name_number(span, head)
        if head is None:
            words = texts
        else:
            # a Token only for the words up to the head: those after it stay as written
            head_token = span[head]
            for position, text in enumerate(texts):
                if position == head:
                    words.append(inflect_token(head_token, number=number))
                elif position > head:
                    words.append(text)
                elif (
                    (token := span[position]).pos_ in ("ADJ", "DET", "NUM")
                    or _adjective_like(token)
                    or (_possessive_before(token, head_token))
                ):
                    words.append(inflect_token(token, head=head_token, number=number))
                else:
                    words.append(text)
        if head is not None and len(span) > 1:
            words = _known_phrase(span, head, words)
    return join_words(span, words)


def _name_in_capitals(span: Span) -> str | None:
    """The gazetteer's name of a place written in capitals as that name ("САМАРА" of a date
    line -> Самара, whatever case the tagger reads in a word it rarely sees in capitals)."""
    words = "".join(token_texts(span.doc, ORTH)[span.start : span.end])
    if not (words.isupper() and any(char.isalpha() for char in words)):
        return None  # tested on the words (a Token per word for span.text only past it)
    text = span.text
    key = gazetteer_key(text)
    for entry in default_gazetteer().lookup(text):
        if entry.kind != "organization" and gazetteer_key(entry.name) == key:
            return entry.name
    return None


_DASHES = ("—", "–")


def dashed_name(span: Span) -> str | None:
    """The gazetteer's name of one place written as two names joined by a dash, each in its
    case ("Папуа — Новой Гвинее" -> "Папуа — Новая Гвинея", "Северной Осетии — Алании"), or
    None when the gazetteer knows no such place (a route: "Чита — Хабаровск")."""
    words = token_texts(span.doc, ORTH)[span.start : span.end]
    inner = [i for i, word in enumerate(words) if word in _DASHES and 0 < i < len(words) - 1]
    if len(inner) != 1:
        return None
    doc, k = span.doc, span.start + inner[0]
    parts = Span(doc, span.start, k, label="LOC"), Span(doc, k + 1, span.end, label="LOC")
    entries = default_gazetteer().lookup(" — ".join(normalize_span(part) for part in parts))
    entries = [entry for entry in entries if entry.kind != "organization"]
    return entries[0].name if entries else None


def _joined_name(span: Span) -> str | None:
    """The name of one place named by two names joined by "и", each in the nominative
    ("Боснии и Герцеговины" -> "Босния и Герцеговина"), or None."""
    words = token_texts(span.doc, ORTH)[span.start : span.end]
    inner = [i for i, word in enumerate(words) if word == "и" and 0 < i < len(words) - 1]
    if len(inner) != 1:
        return None
    doc, k = span.doc, span.start + inner[0]
    parts = Span(doc, span.start, k, label="LOC"), Span(doc, k + 1, span.end, label="LOC")
    name = " и ".join(normalize_span(part) for part in parts)
    gazetteer = default_gazetteer()
    if not gazetteer.lookup(name):
        known = gazetteer.lookup(" ".join(token.lemma_ for token in span))
        if known:
            return known[0].name  # "Антигуа и Барбуду": the tagger's lemma "барбуда"
    return name


def _known_phrase(span: Span, head: int, words: list[str]) -> list[str]:
    """``words`` with the head word another nominative candidate gives when the gazetteer knows
    the whole name only so ("Нижнем Тагиле": "Нижний Тагил")."""
    gazetteer = default_gazetteer()
    if gazetteer.lookup(join_words(span, words)):
        return words
    token = span[head]
    if token.pos_ != "PROPN" or "-" in token.text:
        return words
    _, case, gender, number = token_tag(token)
    if case in ("", "Nom"):
        return words
    for candidate in _place_candidates(token.text.lower(), case, gender, number):
        other = [*words[:head], recover_case(candidate, token.text), *words[head + 1 :]]
        if gazetteer.lookup(join_words(span, other)):
            return other
    return words
