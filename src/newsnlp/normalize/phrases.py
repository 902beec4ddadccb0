"""Phrases: the head of a place or organization name and the span's normal form."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from .. import resources
from .._batch import token_texts
from .._spans import token_parses
from ..gazetteer import default_gazetteer, gazetteer_key
from ..places.coordination import coordination_head
from ..places.elided import elided_head
from ..tag import UD_CASE, UD_GENDER, token_tag
from .forms import recover_case
from .names import coordinated_name, join_words, person_name
from .place_words import (
    PREPOSITION_CASES,
    REGION_ABBREVIATIONS,
    SETTLEMENT_ABBREVIATIONS,
    TOWN_NOUNS,
    _adjective_like,
    _adjective_name,
    _adjective_nominative,
    _governs_genitive,
    _known_place,
    _place_candidates,
    apposition_name,
    apposition_noun,
    noun_cases,
    noun_gender,
    place_word,
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
            if len(run) > 1 and _adjective_after(span[run[-1]], span[run[-2]]):
                run.pop()  # "Новгороде Великом": an adjective after its noun
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
    if label == "LOC" and ("'" in inner or "’" in inner) and (glued := _apostrophe_name(span)):
        return glued
    if label == "LOC" and (namesake := _natural_namesake(span)) is not None:
        return namesake
    if label == "LOC" and (apposed := _after_settlement_noun(span)) is not None:
        return apposed
    if label == "LOC" and (expanded := _abbreviated_noun(span)) is not None:
        return expanded
    if label == "LOC" and (adjective := _lone_adjective_name(span)) is not None:
        return adjective
    if label == "LOC" and "и" in inner and (joined := _joined_name(span)) is not None:
        return joined
    if (
        label == "LOC"
        and "".join(texts).isupper()
        and (capitals := _name_in_capitals(span)) is not None
    ):
        return capitals
    if label == "LOC" and len(span) > 1 and default_gazetteer().knows(span.text):
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
            # a Token only for the words up to the head and the one after it: the others
            # after it stay as written
            head_token = span[head]
            head_word = inflect_token(head_token, number=number)
            agreeing = _neuter_head(head_token, head_word)
            for position, text in enumerate(texts):
                if position == head + 1 and _adjective_after(span[position], head_token):
                    _, case, gender, _ = token_tag(head_token)
                    word = _adjective_nominative(
                        span[position].lower_, case, UD_GENDER.get(gender, "masc")
                    )
                    words.append(recover_case(word, text))
                elif position > head:
                    words.append(text)
                elif position == head:
                    words.append(head_word)
                elif (
                    (token := span[position]).pos_ in ("ADJ", "DET", "NUM")
                    or _adjective_like(token)
                    or (_possessive_before(token, head_token))
                ):
                    words.append(
                        inflect_token(token, head=head_token, number=number, gender=agreeing)
                    )
                else:
                    words.append(text)
        if head is not None and len(span) > 1:
            words = _known_phrase(span, head, words)
    return join_words(span, words)


# lemmas of the nouns of a natural place that a person's genitive names ("мыс Дежнёва",
# "остров Врангеля", "пролив Лаперуза", "залив Петра Великого")
_NAMESAKE_NOUNS = frozenset(
    "мыс остров полуостров пролив залив пик ледник архипелаг хребет море".split()
)


_NAMESAKE_STARTS = frozenset(noun[:2] for noun in _NAMESAKE_NOUNS)


def _natural_namesake(span: Span) -> str | None:
    """The name of a cape, an island, a strait named after a person, written as the person's
    genitive after the place's lowercase noun: the noun's nominative and the genitive as
    written ("у мыса Дежнёва" -> "мыс Дежнёва", "в заливе Петра Великого" -> "залив Петра
    Великого"); None when no such noun stands before or the first word's first reading is no
    genitive of a first name or a surname ("на острове Итуруп", "мысе Челюскин")."""
    doc = span.doc
    if span.start == 0:
        return None
    before = token_texts(doc, ORTH)[span.start - 1]  # (no Token for most places)
    if not (before.islower() and before[:2] in _NAMESAKE_STARTS):
        return None
    noun = doc[span.start - 1]
    if noun.lemma_ not in _NAMESAKE_NOUNS or not span.text[:1].isupper():
        return None
    parses = token_parses(span[0])
    if not parses or parses[0].tag.case != "gent" or not {"Name", "Surn"} & parses[0].tag.grammemes:
        return None
    return f"{noun.lemma_} {span.text}"


def _apostrophe_name(span: Span) -> str | None:
    """The nominative of a place's name whose parts an apostrophe joins with no space, which
    declines in its last part only ("Кот-д'Ивуаре" -> "Кот-д'Ивуар", "из Л'Акуилы" ->
    "Л'Акуила"); None when a space stands inside."""
    text = span.text
    if " " in text:
        return None
    last = span[-1]
    _, case, gender, number = token_tag(last)
    if case in ("", "Nom"):  # the tagger reads the first part's case better: "Кот-д"
        _, case, gender, number = token_tag(span[0])
    if case in ("", "Nom") or not last.text.isalpha():
        return None
    word = place_word(last.lower_, case, gender, number or "Sing")
    return text[: last.idx - span.start_char] + recover_case(word, last.text)


def _neuter_head(head: Token, word: str) -> str | None:
    """The gender "Neut" when a place's head noun, tagged in another gender, has a nominative
    in -о that is no form written ("в Восточном Бирюлёве" -> Бирюлёво, "Южного Бутова" ->
    Бутово): its adjectives agree with that neuter, not with the tagger's masculine; else
    None."""
    if not word.endswith("о") or word == head.text or token_tag(head)[2] in ("Neut", ""):
        return None
    return "Neut" if head.text[:1].isupper() else None


def _adjective_after(token: Token, head: Token) -> bool:
    """Whether ``token`` is a capitalized adjective right after a capitalized head noun that
    agrees with it, in an oblique case ("Ростове Великом", "Республике Сербской"): it is put
    in the nominative with its head, as one before it is."""
    if not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN"):
        return False
    if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper():
        return False
    _, case, gender, _ = token_tag(head)
    if case in ("", "Nom"):
        return False
    wanted = UD_CASE.get(case, set())
    return any(
        parse.is_known
        and parse.tag.POS == "ADJF"
        and parse.tag.case in wanted
        and parse.tag.gender in (UD_GENDER.get(gender), None)
        for parse in resources.word_parses(token.lower_)
    )


def _lone_adjective_name(span: Span) -> str | None:
    """The nominative of a place named by one capitalized adjective in an oblique case, with
    no noun to agree with ("дома ... соседнего Северного" -> "Северный"): pymorphy3's first
    reading's gender (a masculine's before a neuter's), or None for other spans."""
    if len(span) != 1 or span[0].pos_ != "ADJ" or not span.text[:1].isupper():
        return None
    case = token_tag(span[0])[1]
    if case in ("", "Nom"):
        return None
    word = span.text.lower()
    name = _adjective_name(word, case)
    if name is None:
        # the tagger reads a place's name as an adjective before a common noun ("Вокруг
        # Тегусигальпы горы"): a known place's noun in that case has its nominative
        name = _known_place(word, case)
    return None if name is None else recover_case(name, span.text)


def _genitive(word: str) -> bool:
    """Whether pymorphy3 knows a genitive reading of ``word``."""
    return any(parse.is_known and parse.tag.case == "gent" for parse in resources.word_parses(word))


def _abbreviated_noun(span: Span) -> str | None:
    """The name of a region or a district written with its noun abbreviated, adjectives and
    the noun in full ("Тульской обл" -> "Тульская область", "Ленинском р-не" -> "Ленинский
    район"), or None when the span's last word is no such abbreviation
    (:data:`~newsnlp.normalize.place_words.REGION_ABBREVIATIONS`) after adjectives."""
    if len(span) < 2:
        return None
    noun = REGION_ABBREVIATIONS.get(span[-1].lower_)
    if noun is None or not all(token.text[:1].isupper() for token in span[:-1]):
        return None
    gender = noun_gender(noun)
    words = []
    for token in span[:-1]:
        word = _adjective_nominative(token.lower_, token_tag(token)[1], gender)
        if word == token.lower_ and not word.endswith(("ий", "ый", "ой", "ая", "яя", "ое", "ее")):
            return None  # no adjective: "Тулы р-н" is not this construction
        words.append(recover_case(word, token.text))
    return join_words(span, [*words, noun])


def _after_settlement_noun(span: Span) -> str | None:
    """The name of a one-word place right after a lowercase noun of a settlement, in
    apposition to it (:func:`~newsnlp.normalize.place_words.apposition_name`: "в станице
    Каневской" -> "Каневская"), or None when no such noun stands before it or the word is in
    none of its readings in the noun's case."""
    text, dash, number = span.text.rpartition("-")
    if not (dash and number.isdigit()):  # "в микрорайоне Солнечном-2": the name and a number
        text, number = span.text, ""
    if len(span) != 1 or span.start == 0 or "-" in text or not text[:1].isupper():
        return None
    doc = span.doc
    noun = doc[span.start - 1]
    abbreviation = doc[span.start - 2].text if span.start >= 2 else ""
    if noun.text == "." and abbreviation in SETTLEMENT_ABBREVIATIONS:
        # "в ст. Каневской": the abbreviated noun's case is the preposition's before it
        lemma = SETTLEMENT_ABBREVIATIONS[abbreviation]
        before = doc[span.start - 3].lower_ if span.start >= 3 else ""
        cases: list[str] | tuple[str, ...] = PREPOSITION_CASES.get(before, ("Gen", "Nom"))
    elif (appositive := apposition_noun(doc, span.start - 1)) is not None:
        lemma = appositive
        cases = noun_cases(noun.lower_, token_tag(noun)[1])
        if lemma in TOWN_NOUNS and "Gen" not in cases and _genitive(text.lower()):
            return None  # "город Германии": the country of the town, no name of it
    else:
        return None
    gender = noun_gender(lemma)
    word = text.lower()
    suffix = f"-{number}" if number else ""
    for case in cases:
        name = apposition_name(word, case, gender)
        if name is not None:
            return recover_case(name, text) + suffix
    if word[-1:] in _UNDECLINED_ENDINGS and not _agreeing_reading(word, cases):
        return span.text  # "жители города Бату": no reading agrees, a name that does not decline
    return None


# the last letters of a foreign name that does not decline ("Бату", "Кело", "Сочи")
_UNDECLINED_ENDINGS = frozenset("уюиоеэ")


def _agreeing_reading(word: str, cases: list[str] | tuple[str, ...]) -> bool:
    """Whether pymorphy3 reads ``word`` in one of the noun's ``cases`` or in the nominative
    (not in the second locative, which a name in apposition never takes: "в палу")."""
    wanted = {"nomn"}.union(*(UD_CASE.get(case, set()) for case in cases)) - {"loc2"}
    return any(parse.tag.case in wanted for parse in resources.word_parses(word))


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
    if not gazetteer.knows(name):
        known = gazetteer.lookup(" ".join(token.lemma_ for token in span))
        if known:
            return known[0].name  # "Антигуа и Барбуду": the tagger's lemma "барбуда"
    return name


def _known_phrase(span: Span, head: int, words: list[str]) -> list[str]:
    """``words`` with the head word another nominative candidate gives when the gazetteer knows
    the whole name only so ("Нижнем Тагиле": "Нижний Тагил")."""
    gazetteer = default_gazetteer()
    if gazetteer.knows(join_words(span, words)):
        return words
    token = span[head]
    if token.pos_ != "PROPN" or "-" in token.text:
        return words
    _, case, gender, number = token_tag(token)
    if case in ("", "Nom"):
        return words
    for candidate in _place_candidates(token.text.lower(), case, gender, number):
        other = [*words[:head], recover_case(candidate, token.text), *words[head + 1 :]]
        if gazetteer.knows(join_words(span, other)):
            return other
    return words
