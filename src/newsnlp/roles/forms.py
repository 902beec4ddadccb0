"""The forms of a post's words: cases and agreement with a name, and the post's title in the
nominative singular ("генеральным консулом" -> "генеральный консул")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import resources
from ..normalize import person_case_gender
from ..tag import best_parse, token_tag

_OC_CASES = {
    "nomn": "Nom",
    "gent": "Gen",
    "gen2": "Gen",
    "datv": "Dat",
    "accs": "Acc",
    "ablt": "Ins",
    "loct": "Loc",
    "loc2": "Loc",
    "voct": "Voc",
}


@lru_cache(maxsize=20_000)
def _word_cases(word: str) -> frozenset[str]:
    """The cases (UD names) pymorphy3 allows a word in the singular."""
    return frozenset(
        _OC_CASES[parse.tag.case]
        for parse in resources.word_parses(word)
        if parse.tag.case in _OC_CASES and parse.tag.number != "plur"
    )


def _post_cases(token: Token) -> frozenset[str]:
    """The cases a post's word can stand in (its own forms; the tagger's case when none)."""
    cases = _word_cases(token.text.lower())
    return cases or frozenset({_case(token)})


def _singular(token: Token) -> bool:
    """A post of one person is singular ("представители власти" are not one person)."""
    return token_tag(token)[3] != "Plur"


def _case(token: Token) -> str:
    return token_tag(token)[1]


def _is_adjective(token: Token) -> bool:
    """An adjective, determiner or full participle (not a short one: "вручены" is a verb)."""
    pos = token.pos_
    if pos not in ("ADJ", "DET", "VERB"):
        return False
    morph = token.morph
    if "Variant=Short" in morph:
        return False
    return pos != "VERB" or "VerbForm=Part" in morph


def _title_adjective(token: Token) -> bool:
    """An adjective of a post's name, also one the tagger calls a proper noun for its capital
    letter ("Чрезвычайный и Полномочный Посол")."""
    if _is_adjective(token):
        return True
    if token.pos_ != "PROPN":
        return False
    parse = best_parse(token.text.lower(), *_adjective_tag(token))
    return parse.tag.POS == "ADJF" and _common_word(token.text.lower(), token_tag(token))


def _adjective_tag(token: Token) -> tuple[str, str, str, str]:
    """The tagger's tag of an adjective, as an adjective when it called it a proper noun."""
    tag = token_tag(token)
    return ("ADJ", *tag[1:]) if tag[0] == "PROPN" else tag


def _lowercase_word(token: Token) -> bool:
    text = token.text
    return text[:1].isalpha() and text[:1].islower()


@lru_cache(maxsize=20_000)
def _normal_form(word: str) -> str:
    parses = resources.word_parses(word)
    return str(parses[0].normal_form) if parses else word


@lru_cache(maxsize=20_000)
def _common_word(word: str, tag: tuple[str, str, str, str]) -> bool:
    """Whether pymorphy3 knows a word as a common word, not a name ("правительства")."""
    parse = best_parse(word, *tag)
    return bool(parse.is_known) and not (_NAME_GRAMMEMES & parse.tag.grammemes)


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _lowercase_or_first(token: Token) -> bool:
    return _lowercase_word(token) or bool(token.is_sent_start)


def _agrees(case: str, token: Token) -> bool:
    other = _case(token)
    return not case or not other or other == case


_INDECLINABLE_CASES = {"", "Nom"}


def _agrees_with_name(post: Token, name: Span) -> bool:
    """Whether a post's noun can stand in the case of a name (the name's case as the
    normalizer reads it; a foreign name the tagger calls nominative may be in any case)."""
    name_case = person_case_gender(name)[0]
    cases = _post_cases(post)
    if not name_case or name_case in cases:
        return True
    return name_case == "Nom" and not any(_declined(token) for token in name)


def _declined(token: Token) -> bool:
    """Whether pymorphy3 knows the word as a declining name or noun (not a foreign name)."""
    parse = best_parse(token.text.lower(), *token_tag(token))
    return bool(parse.is_known) and "Fixd" not in parse.tag


def title_of(doc: Doc, start: int, head: int, end: int) -> str:
    """The post's words in the nominative singular, lowercase: the noun ``head`` and the
    adjectives before it agreeing with it; the words after it stay as written ("генеральным
    консулом" -> "генеральный консул", "министра иностранных дел" -> "министр иностранных
    дел")."""
    noun = doc[head]
    noun_word, gender = _nominative_noun(noun.text.lower(), token_tag(noun))
    words = [
        _nominative_adjective(doc[i].text.lower(), _adjective_tag(doc[i]), gender)
        if _title_adjective(doc[i])
        else doc[i].text.lower()
        for i in range(start, head)
    ]
    words.append(noun_word)
    words.extend(doc[i].text.lower() for i in range(head + 1, end))
    return " ".join(words)


@lru_cache(maxsize=20_000)
def _nominative_noun(word: str, tag: tuple[str, str, str, str]) -> tuple[str, str]:
    """A post's noun in the nominative singular, and the gender its adjectives take."""
    parse = best_parse(word, *tag)
    if "Fixd" in parse.tag or parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return word, "masc"
    form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    gender = "femn" if parse.tag.gender == "femn" else "masc"
    return (form.word if form is not None else parse.normal_form), gender


@lru_cache(maxsize=20_000)
def _nominative_adjective(word: str, tag: tuple[str, str, str, str], gender: str) -> str:
    parse = best_parse(word, *tag)
    if parse.tag.POS not in ("ADJF", "PRTF"):
        return word
    form = parse.inflect({"nomn", "sing", gender}) or parse.inflect({"nomn", "sing"})
    return form.word if form is not None else word


# superlatives that name a rank, not praise ("старший научный сотрудник", "высший судья")
_RANKS = ("старш", "младш", "высш", "верховн", "главн", "ближайш")


@lru_cache(maxsize=20_000)
def _superlative(word: str) -> bool:
    """Whether pymorphy3 reads a word only as a superlative adjective ("лучшим", "сильнейший")."""
    parses = [parse for parse in resources.word_parses(word) if parse.tag.POS == "ADJF"]
    return bool(parses) and all("Supr" in parse.tag for parse in parses)


def _praise(token: Token) -> bool:
    """An adjective of praise or blame before a post's noun ("лучший тренер сезона",
    "сильнейшая теннисистка мира"): a superlative that names no rank."""
    word = token.text.lower()
    return token.pos_ == "ADJ" and not word.startswith(_RANKS) and _superlative(word)
