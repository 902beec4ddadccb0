"""The case of a person's name read from the words around it: the preposition before it, the
post it stands in apposition to, the verb after it that agrees with it as a subject."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from .. import resources
from ..people import NAME_PARTICLES
from ..tag import morph_values, token_tag
from .word_cases import _ending_fits
from .words import _OBLIQUE, _singular_in


def _subject_before_its_verb(span: Span, tags: list[tuple[str, str, str, str]], last: str) -> bool:
    """Whether a name the tagger reads as a nominative, its last word in -у/-ю, stands where a
    nominative stands: in apposition to a noun of people in the nominative ("португалец Жоау
    Пинту"), or as the subject of the man's verb right after it, opening its sentence or after
    a nominative ("Пейшоту забил", "нападающий Родригу Пейшоту открыл"): a Portuguese
    nominative, no dative (a dative stands after a verb, a preposition, a dative noun or an
    object: "Передачу Пинту отдал Силва", "консулу ... Эмре Чалышкану", "вручили Чалышкану";
    a name pymorphy3 knows is read as it knows it: "Ляхову был 81 год")."""
    if not last.endswith(("у", "ю")) or any(case != "Nom" for _, case, _, _ in tags):
        return False
    if last.endswith(("ову", "еву", "ёву", "ину", "ыну")) or any(
        parse.is_known and {"Name", "Surn", "Patr"} & parse.tag.grammemes
        for parse in resources.word_parses(last)
    ):
        return False  # a Russian surname's dative: "Ляхову был 81 год"
    doc = span.doc
    before = doc[span.start - 1] if span.start and not doc[span.start].is_sent_start else None
    if before is not None and token_tag(before)[1] != "Nom":
        return False
    if before is not None and before.pos_ == "NOUN" and _person_noun(before.text.lower()):
        return True  # "португалец Жоау Пинту"
    if before is not None and before.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    if span.end >= len(doc):
        return False
    verb = doc[span.end]
    return (
        verb.pos_ in ("VERB", "AUX")
        and morph_values(verb, "Tense") == ["Past"]
        and morph_values(verb, "Gender") == ["Masc"]
        and morph_values(verb, "Number") == ["Sing"]
    )


@lru_cache(maxsize=10_000)
def _person_noun(word: str) -> bool:
    """Whether pymorphy3 knows a lowercase word only as an animate common noun in the
    nominative singular ("португалец", "нападающий" is an adjective to it)."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(
        parse.tag.POS == "NOUN"
        and "anim" in parse.tag
        and parse.tag.case == "nomn"
        and parse.tag.number == "sing"
        and not ({"Name", "Surn", "Patr"} & parse.tag.grammemes)
        for parse in parses
    )


_GOVERNED = {
    **dict.fromkeys(
        "из у до от около возле для без вокруг близ из-под из-за кроме среди вместо после "
        "ради мимо напротив помимо".split(),
        "Gen",
    ),
    **dict.fromkeys("к ко благодаря согласно вопреки навстречу".split(), "Dat"),
}


def _governed_case(span: Span) -> str:
    """The one case the preposition right before ``span`` governs, if it governs one only ("от"
    the genitive, "к" the dative); else ""."""
    if span.start == 0:
        return ""
    return _GOVERNED.get(span.doc[span.start - 1].lower_, "")


def _womans_verb_after(span: Span) -> bool:
    """Whether a lone surname in -а/-я is followed by a verb in the past of a woman, which
    agrees with it as a subject ("Зимина рассказала", "Яковлева Т. С. уехала"), and no noun it
    may depend on stands before it but a man's post, which no woman's verb agrees with
    ("Главврач Иванова отметила"; not "Машина Сидорова сломалась", "Дочь Носова уехала")."""
    doc = span.doc
    name = span.text.lower()
    if not name.endswith(("а", "я", ".")):
        return False
    if name.endswith("."):  # the surname before its initials: "Яковлева Т. С."
        if not span[0].text.lower().endswith(("а", "я")) or not all(
            len(token.text) == 1 for token in span[1:]
        ):
            return False
    if span.start > 0 and _womans_past(doc[span.start - 1]):
        return _verb_before_has_no_subject(span)  # "Отчёт подписала Яковлева Т. С."
    if span.start > 0 and doc[span.start - 1].pos_ in ("NOUN", "PROPN"):
        if not _mans_post(doc[span.start - 1]):
            return False  # the verb agrees with the noun: "Машина Сидорова сломалась"
    return span.end < len(doc) and _womans_past(doc[span.end])


def _womans_past(verb: Token) -> bool:
    """A verb in the past of a woman ("рассказала")."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and morph_values(verb, "Tense") == ["Past"]
        and morph_values(verb, "Gender") == ["Fem"]
        and morph_values(verb, "Number") == ["Sing"]
    )


def _verb_before_has_no_subject(span: Span) -> bool:
    """Whether the woman's verb right before a name has no subject of its own before it in the
    sentence, and the name ends its clause: the name is the subject ("Отчёт подписала
    Яковлева."; not "Полиция задержала Петрова.", a man's accusative after a woman's noun)."""
    doc = span.doc
    if (
        span.end < len(doc)
        and doc[span.end].text not in (".", ",", ";", "!", "?", "\n")
        and not (span.text.endswith(".") and doc[span.end].is_title)  # the initial's dot ends it
    ):
        return False
    sentence_start = span.sent.start
    return not any(
        token.pos_ in ("NOUN", "PROPN", "PRON")
        and morph_values(token, "Case") == ["Nom"]
        and morph_values(token, "Gender") == ["Fem"]
        for token in doc[sentence_start : span.start - 1]
    )


def _mans_post(token: Token) -> bool:
    """A noun in the nominative that pymorphy3 knows only as a masculine (or either gender's)
    animate noun, a post ("главврач", "прокурор", "судья"): a woman's verb after the name that
    follows it agrees with the name, not with it ("Прокурор Зайцева потребовала"); not a
    genitive ("Машина директора Сидорова сломалась")."""
    return token_tag(token)[1] == "Nom" and _masculine_animate_noun(token.text.lower())


@lru_cache(maxsize=10_000)
def _masculine_animate_noun(word: str) -> bool:
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(
        parse.tag.POS == "NOUN"
        and "anim" in parse.tag
        and ("masc" in parse.tag or "ms-f" in parse.tag)  # "судья": either gender
        and not ({"Name", "Surn", "Patr"} & parse.tag.grammemes)
        for parse in parses
    )


_POST_SKIPPED = frozenset({"в", "во", "на", "при", ","})


def _post_noun(span: Span) -> Token | None:
    """The common noun before a name, past the places and bodies that complement it, if any;
    past a genitive noun too when another noun stands before it ("с министром финансов Перу":
    "министром")."""
    doc = span.doc
    genitive = None
    i = span.start - 1
    while i >= 0 and span.start - i <= 10:
        token = doc[i]
        if token.ent_type_ in ("LOC", "ORG") or token.lower_ in _POST_SKIPPED:
            i -= 1
            continue
        if token.pos_ == "ADJ" and token.is_lower:
            i -= 1
            continue
        if token.pos_ == "NOUN" and (
            token.is_lower or (token.is_sent_start and token.text[1:].islower())
        ):
            if token_tag(token)[1] == "Gen" and token.is_lower:
                # a complement ("финансов", "министра обороны"), or the post itself ("посла")
                genitive = genitive or token
                i -= 1
                continue
            return token
        return genitive
    return genitive


def _apposition_case(span: Span, words: list[str], noun: Token | None = None) -> str:
    """The oblique case of a noun of people the name stands in apposition to, when every word
    of the name may be in it, by pymorphy3 or, unknown to it, by its ending ("с атташе Италии в
    Польше Марко Скуарчиной": Ins, not the locative of "в Польше"); else "". ``noun``:
    :func:`_post_noun` of ``span`` if read."""
    if noun is None:
        noun = _post_noun(span)
    if noun is None:
        return ""
    case = token_tag(noun)[1]
    if case not in _OBLIQUE or not _animate_noun(noun.text.lower()):
        return ""
    if all(_singular_in(word, case) or _ending_fits(word, case, "") for word in words):
        return case  # "представителю ... Рахулу Менону": unknown words ending as datives
    return ""


@lru_cache(maxsize=10_000)
def _animate_noun(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` only as an animate noun (a post, a trade, kin)."""
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return bool(parses) and all(parse.tag.POS == "NOUN" and "anim" in parse.tag for parse in parses)


_LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "на", "о", "об", "обо", "при"})


def _after_locative_preposition(span: Span) -> bool:
    """Whether a preposition that takes the locative stands before ``span``, or before the
    names coordinated with it ("о Петрове и Сидорове")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 12:
        token = doc[i]
        text = token.text
        if text.lower() in _LOCATIVE_PREPOSITIONS:
            return True
        if token.is_lower and token.pos_ in ("NOUN", "ADJ") and token_tag(token)[1] == "Loc":
            i -= 1  # a post in the locative: "о губернаторе Олеге Тарханове"
            continue
        if not (token.is_title or text in (",", ".", "и") or text in NAME_PARTICLES):
            return False
        i -= 1
    return False
