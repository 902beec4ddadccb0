"""One token of a mention in the nominative: a person's word, or a word agreeing with its head."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .. import resources
from .._spans import capitalized_common_noun
from ..gazetteer import default_gazetteer
from ..people import NAME_PARTICLES
from ..places.compounds import compound_place_nominative
from ..places.words import FIXED_PLACE_LINKS
from ..tag import UD_CASE, token_tag
from .forms import _VOWELS, recover_case
from .place_words import (
    _COMPOUND_STEM,
    _known_place,
    _noun_adjective_place,
    _plural_by_ending,
    apposition_noun,
    gendered_last_part,
    place_word,
    tagged_case_of_form,
)
from .word_cases import _first_name_cases
from .words import _inflect, person_word


def person_token(
    token: Token, case: str, gender: str, first: bool = False, last: bool = False
) -> str:
    """The nominative of one word of a person's name, given the name's case and gender.

    Each part of a hyphenated surname declines ("Мамину-Сибиряку"); of a hyphenated first name
    before a surname (``first``) a part before the last that ends in a consonant does not: it
    is a man's name as written ("Касым-Жомартом", "Жан-Клода"), not a case form ("Касым" of
    "Кас")."""
    return person_text(token.text, case, gender, first, last)


@lru_cache(maxsize=30_000)
def person_text(text: str, case: str, gender: str, first: bool = False, last: bool = False) -> str:
    """:func:`person_token` of a token written ``text`` (cached: a pure function of words)."""
    if not any(char.isalpha() for char in text) or (len(text) == 1 and text.isupper()):
        return text
    if text in NAME_PARTICLES:
        return text
    if last and gender == "Fem" and _undeclined_surname(text.lower()):
        return text
    if first and _undeclined_surname(text.lower()) and text[-2:-1].lower() not in _VOWELS:
        return text  # a first name in -и pymorphy3 does not know: "Хироси", not "Хирося"
    parts = text.split("-")
    words = [
        part
        if not part
        or part in NAME_PARTICLES
        or (
            first
            and i < len(parts) - 1
            and part[-1].lower() not in _VOWELS
            and not _first_name_only_in(part.lower(), case)
        )
        else person_word(part.lower(), case, gender, last)
        for i, part in enumerate(parts)
    ]
    return recover_case("-".join(words), text)


@lru_cache(maxsize=10_000)
def _first_name_only_in(word: str, case: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a singular first name in ``case`` and never in the
    nominative: a declined part of a hyphenated first name ("Анной" of "Анной-Марией"), not
    one as written ("Жан" of "Жан-Клода")."""
    cases = _first_name_cases(word)
    return case in cases and "Nom" not in cases


@lru_cache(maxsize=10_000)
def _undeclined_surname(word: str) -> bool:
    """A woman's surname in -и that pymorphy3 does not know is as written, not a case form of
    one in -я: "Мелони", "Саркози" do not decline, Russian surnames in -я are few and known.
    One in -ии is the case form of one in -ия ("Шенгелии"), as Georgian and Abkhaz ones decline."""
    return (
        word.endswith("и")
        and not word.endswith("ии")
        and not any(parse.is_known for parse in resources.word_parses(word))
    )


def _unknown_genitive(word: str, gender: str = "") -> bool:
    """A word pymorphy3 does not know in -ы after a consonant that is no hushing one or к, г,
    х: the genitive of a name in -а, as no nominative or accusative singular ends so; or in -а
    after a consonant that the tagger calls masculine ("в районе Бадахоса"): the genitive of a
    masculine name in a consonant, as few masculine places end in -а."""
    if len(word) <= 3 or any(parse.is_known for parse in resources.word_parses(word)):
        return False
    if word.endswith("ы"):
        return word[-2] not in _VOWELS + "жшчщцкгх"
    return word.endswith("а") and gender == "Masc" and word[-2] not in _VOWELS + "ьй"


def _after_town_noun(token: Token) -> bool:
    """Whether a lowercase noun of a town or a settlement stands right before ``token`` ("от
    города Палу"): a name tagged nominative there stands in apposition, in its own form."""
    return apposition_noun(token.doc, token.i - 1) is not None


# prepositions that govern the genitive only
_GENITIVE_PREPOSITIONS = frozenset("из у до от около возле для без вокруг близ из-под".split())


def _after_genitive_head(token: Token) -> bool:
    """Whether a common noun or a preposition of the genitive stands before ``token``, past the
    capitalized words and coordinators of a list ("Жители Кальдорры и Мальвенны"): a word
    opening quotes or a sentence ("«Хандагайты – Боршоо»") may be a plural nominative."""
    doc, i = token.doc, token.i - 1

    def noun(word: Token) -> bool:  # "Дороги" opening a sentence, which the tagger calls PROPN
        return word.pos_ == "NOUN" or capitalized_common_noun(word)

    while i >= 0 and (doc[i].text in (",", "и") or doc[i].is_title) and not noun(doc[i]):
        i -= 1
    return i >= 0 and (noun(doc[i]) or doc[i].lower_ in _GENITIVE_PREPOSITIONS)


def _adjective_nominative(word: str, case: str = "") -> bool:
    """Whether pymorphy3 reads ``word`` as a singular adjective's nominative in -ое, -ая, -ее,
    -яя (a village's own name, "Заречное", not the town "Заречный" of its lemma), and, given
    the tagger's ``case``, in no adjective's form of that case."""
    if not word.endswith(("ое", "ая", "ее", "яя")):
        return False
    adjectives = [
        parse.tag
        for parse in resources.word_parses(word)
        if parse.tag.POS == "ADJF" and parse.tag.number == "sing"
    ]
    wanted = UD_CASE.get(case, set())
    return any(tag.case == "nomn" for tag in adjectives) and not any(
        tag.case in wanted for tag in adjectives
    )


def _neuter_in_o(word: str, lemma: str) -> bool:
    """A nominative in -о ("Дмитрово") that is no case form of a lemma in a consonant
    ("Дмитров" declines -а, -у, -ом, -е): a neuter town's own name, not the lemma's."""
    return word.endswith("о") and lemma[-1:].isalpha() and lemma[-1:] not in _VOWELS + "ьй"


def inflect_token(
    token: Token,
    person: bool = False,
    head: Token | None = None,
    number: str | None = None,
    gender: str | None = None,
) -> str:
    """The nominative of one token, agreeing with ``head`` (for adjectives) when given;
    ``number`` ("Sing", "Plur") and, for an adjective, ``gender`` ("Neut"...) override the
    tagged ones."""
    wanted_number, wanted_gender = number, gender
    text = token.text
    if not any(char.isalpha() for char in text):
        return text
    pos, case, gender, number = token_tag(token)
    if person:
        return person_token(token, case, gender)
    if head is not None:
        # an adjective agrees with its noun: the noun's tags stand in for missing or odd ones
        _, head_case, head_gender, head_number = token_tag(head)
        if head_case:
            head_case = tagged_case_of_form(head.text.lower(), head_case)
        case = head_case or case
        gender, number = wanted_gender or head_gender or gender, head_number or number
    if wanted_number is not None:
        number = wanted_number
    if head is None and pos == "PROPN" and "-" not in text:
        if case == "Nom":  # "Мэр Кстова" tagged nominative: a form no nominative has
            case = tagged_case_of_form(text.lower(), case)
        elif case and _adjective_nominative(text.lower(), case):
            case = "Nom"  # "Заречное осталось" tagged a locative: the form is no locative
        if (
            case in ("Nom", "Acc")
            and number == "Sing"
            and _unknown_genitive(text.lower(), gender)
            and _after_genitive_head(token)
            and not _after_town_noun(token)
        ):
            case = "Gen"  # "Жители Кальдорры и Мальвенны": no nominative singular ends in -ы
        word = (
            text.lower() if case in ("", "Nom") else place_word(text.lower(), case, gender, number)
        )
        gazetteer = default_gazetteer()
        if (
            not gazetteer.knows(word)
            and gazetteer.knows(token.lemma_)
            and not _neuter_in_o(word, token.lemma_.lower())
            and _plural_by_ending(text.lower(), case) is None
            and wanted_number != "Plur"
            and not (case == "Nom" and _after_town_noun(token))  # "от города Палу"
            and not (case == "Nom" and _adjective_nominative(word))  # "Заречное", not Заречный
        ):
            word = token.lemma_  # the tagger's case was wrong, the lemma is a known place
        return recover_case(word, text)
    if head is None and pos in ("PROPN", "NOUN") and case == "Nom" and "-" in text[1:]:
        genitive = compound_place_nominative(text)
        if genitive is not None:  # "Мэр Сан-Педро-Сулы" tagged nominative: a genitive's form
            return recover_case(genitive.lower(), text)
        if (
            number == "Sing"
            and _unknown_genitive(text.lower(), gender)
            and _after_genitive_head(token)
            and not _after_town_noun(token)
            and not default_gazetteer().knows(text)
        ):
            case = "Gen"  # "Порт Бандар-Аббаса": a masculine's genitive, as for one word
    if case in ("", "Nom"):
        return text
    parts = text.split("-")
    if head is None and len(parts) > 1:
        known = _known_place(text.lower(), case) or _noun_adjective_place(text.lower(), case)
        if known is not None:  # every part declines: "Петропавловске-Камчатском"
            return recover_case(known, text)
    links = [i for i, part in enumerate(parts) if i and part in FIXED_PLACE_LINKS]
    if head is None and links and all(parts):
        # "Стратфорде-апон-Эйвон", "Булонь-сюр-Мер": the words after "на", "сюр", "апон" are
        # governed by it and do not change; the words before it decline
        before = "-".join(parts[: links[0]])
        word = _inflect(before.lower(), pos, case, gender, number, person)
        return recover_case("-".join([word, *(part.lower() for part in parts[links[0] :])]), text)
    if len(parts) > 1 and all(parts):
        words = [_inflect(part.lower(), pos, case, gender, number, person) for part in parts]
        if head is None and pos == "PROPN":  # a place's last part: "Нью-Васюках"
            words[-1] = place_word(parts[-1].lower(), case, gender, number)
            gendered = gendered_last_part(parts[0].lower(), parts[-1].lower(), case, number)
            if len(parts) == 2 and gendered is not None:
                words[-1] = gendered  # "Санта-Марте": a saint's name, not the month
            every = [place_word(part.lower(), case, gender, number) for part in parts]
            if default_gazetteer().knows("-".join(every)):  # "Орехова-Зуева": both decline
                return recover_case("-".join(every), text)
        # "Римского-Корсакова": only the last part of a compound adjective-like word inflects
        words = [part.lower() for part in parts[:-1]] + [words[-1]]
        if head is not None:  # an adjective before its noun: "Азиатского-Тихоокеанского"
            words = [_COMPOUND_STEM.sub(r"\1о", part) for part in words[:-1]] + [words[-1]]
        return recover_case("-".join(words), text)
    return recover_case(_inflect(text.lower(), pos, case, gender, number, person), text)
