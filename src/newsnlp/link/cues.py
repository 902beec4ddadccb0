"""Words around a name that tell whose it is: a noun of kinship before it ("внук фотографа
Павел") or after it ("Никита Кравцов — сын ..."), and the words of another name of a person
named just before ("урожденная Гордеева", "под псевдонимом Аркадий Мглин", "зовут Дедом")."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Span, Token

from .. import resources
from .._batch import token_texts
from ..lexicons import lexicon_lines
from ..tag import token_tag

# words right before another name of a person named just before: a maiden name, a pseudonym,
# a nickname ("урожденная Гордеева", "под псевдонимом Аркадий Мглин", "по прозвищу Кузнец")
_OTHER_NAME_WORDS = frozenset(
    """урожденная урождённая урожденный урождённый урожд девичестве псевдоним псевдонимом
    прозвище прозвищу прозвищем кличка кличке кличкой""".split()
)
# "настоящее имя", "настоящая фамилия", "девичья фамилия" before the other name
_OTHER_NAME_NOUNS = frozenset({"имя", "фамилия"})
_OTHER_NAME_ADJECTIVES = frozenset({"настоящее", "настоящая", "подлинное", "девичья"})
# verbs of calling: "его зовут Дедом" names a person by a common noun
_CALLING_VERBS = frozenset({"звать", "прозвать", "называть", "назвать", "величать"})


def other_name(span: Span, previous: Span) -> bool:
    """Whether ``span`` is another name of the person named by ``previous`` earlier in its
    sentence: after a word of a maiden name, a pseudonym or a nickname ("Вера Лаптева
    (урожденная Гордеева)", "Аркадий Бельский, известный под псевдонимом Аркадий Мглин", "его
    настоящее имя — Тимофей Гладышев"), or a common noun after a verb of calling ("Крылова в
    деревне зовут Дедом")."""
    doc = span.doc
    texts, lowers = token_texts(doc, ORTH), token_texts(doc, LOWER)  # no Token per word
    # the last two words of letters between the two names (``Token.is_alpha`` is
    # ``str.isalpha``), read back from the second name
    words: list[str] = []
    for i in range(span.start - 1, previous.end - 1, -1):
        if texts[i].isalpha():
            words.insert(0, lowers[i])
            if len(words) == 2:
                break
    if not words:
        return False
    last = words[-1]
    if last in _OTHER_NAME_WORDS:
        found = True
    elif last in _OTHER_NAME_NOUNS:
        found = len(words) >= 2 and words[-2] in _OTHER_NAME_ADJECTIVES
    elif span.end - span.start != 1 or not _common_noun_only(texts[span.start]):
        return False
    else:
        found = any(
            parse.normal_form in _CALLING_VERBS
            for word in words
            for parse in resources.word_parses(word)
            if parse.is_known and parse.tag.POS == "VERB"
        )
    # in the same sentence (asked last: ``Span.sent`` makes a Span, and most pairs of names
    # have none of these words between them)
    return found and previous.sent.start == span.sent.start


@lru_cache(maxsize=10_000)
def _common_noun_only(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` only as a common noun, no name's word."""
    parses = resources.word_parses(word.lower())
    return bool(parses) and all(
        parse.is_known
        and parse.tag.POS == "NOUN"
        and not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & parse.tag.grammemes)
        for parse in parses
    )


# nouns of kinship -> "younger", "elder" or "" (``kinship.txt``)
_KINSHIP = {words[0]: (words[1] if len(words) > 1 else "") for words in lexicon_lines("kinship")}


def kin_before(span: Span) -> str | None:
    """The mark of the noun of kinship right before a mention, or before a genitive noun right
    before it ("сына Егора Лапина", "внук фотографа Павел": "younger"), or None."""
    texts = token_texts(span.doc, ORTH)  # no Token per word
    for at in (span.start - 1, span.start - 2):
        if at < 0:
            return None
        text = texts[at]
        if not text.islower():  # (``Token.is_lower``)
            return None
        mark = _kin_mark(text)
        if mark is not None:
            return mark
        if not _genitive_word(text):
            return None
    return None


def verb_gender(span: Span) -> str | None:
    """The gender of a past-tense verb in the singular right after a mention, an adverb allowed
    between ("Женя всегда мечтала": "Fem"), or None: the mention is its subject."""
    tag = _tag_after(span)
    if tag is None:
        return None
    pos, _, gender, number = tag
    if pos in ("VERB", "AUX") and number == "Sing" and gender in ("Masc", "Fem"):
        return gender
    return None


def _tag_after(span: Span) -> tuple[str, str, str, str] | None:
    """The tag of the word right after a mention, an adverb skipped ("Женя всегда мечтала"),
    or None at the end of the text."""
    doc = span.doc
    at = span.end
    if at < len(doc) and token_tag(doc[at])[0] == "ADV":
        at += 1
    return token_tag(doc[at]) if at < len(doc) else None


# nouns of a family before its surname ("семья Лысенко", "чета Бондаренко")
_FAMILY_NOUNS = frozenset(
    """семья семьи семье семью семьей семьёй семейство семейства семейству семейством чета
    четы чете чету четой династия династии династию династией""".split()
)


def names_two(span: Span) -> bool:
    """Whether a one-word name stands right after a noun of kinship in the plural ("братьев
    Кравченко", "супругов Черных"), a noun of a family ("семья Лысенко") or two nouns of kinship
    joined by "и" ("отца и сына Бойко"): a surname naming them all, no one person."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or _first_name(span[0].text):
        return False  # "Братья Игорь и Павел Сомовы": a first name is one brother's
    before = doc[span.start - 1]
    if not before.is_lower and not before.is_sent_start:
        return False
    if _kinship_noun(before.lower_, plural=True) or before.lower_ in _FAMILY_NOUNS:
        return True  # "братьев Кравченко", "семья Лысенко"
    return (
        span.start >= 3
        and doc[span.start - 2].lower_ == "и"
        and _kinship_noun(before.lower_, plural=False)
        and _kinship_noun(doc[span.start - 3].lower_, plural=False)
    )


def names_several(span: Span) -> bool:
    """Whether a lone surname that declines for no one ("Бондаренко") opens its sentence
    before a verb in the plural, an adverb allowed between ("Бондаренко живут в Полтаве"): a
    family, no one person; not after a noun or a preposition, whose complement it is
    ("письма Лысенко пришли", "к Бойко приехали гости")."""
    if len(span) != 1 or not span[0].is_sent_start:
        return False  # "письма Лысенко пришли", "к Бойко приехали гости": no subject
    if not _surname_of_both(span[0].text.lower()):
        return False
    tag = _tag_after(span)
    return tag is not None and tag[0] == "VERB" and tag[3] == "Plur"


@lru_cache(maxsize=10_000)
def _surname_of_both(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` as an indeclinable surname of either gender
    ("бондаренко"; "кличко", a guess from its ending)."""
    return any(
        {"Surn", "Fixd", "ms-f"} <= parse.tag.grammemes for parse in resources.word_parses(word)
    )


@lru_cache(maxsize=10_000)
def _first_name(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a first name."""
    return any(
        parse.is_known and "Name" in parse.tag for parse in resources.word_parses(word.lower())
    )


@lru_cache(maxsize=10_000)
def _kinship_noun(word: str, plural: bool) -> bool:
    """Whether pymorphy3 knows ``word`` as a noun of kinship, in the plural when ``plural``."""
    return any(
        parse.is_known
        and parse.tag.POS == "NOUN"
        and parse.normal_form in _KINSHIP
        and (parse.tag.number == "plur") == plural
        for parse in resources.word_parses(word)
    )


def relative_of(span: Span, previous: Span | None) -> bool:
    """Whether a one-word name ``span`` stands right after a person's mention ``previous`` that
    a noun of kinship opens ("внучка Пахомовой Таня", "сын Игоря Лаптева Максим"): the
    relative of that person, not that person."""
    if previous is None or len(span) != 1 or previous.end != span.start or previous.start == 0:
        return False
    token = span.doc[previous.start - 1]
    if not (token.is_lower or token.is_sent_start):
        return False
    return any(
        parse.is_known and parse.tag.POS == "NOUN" and parse.normal_form in _KINSHIP
        for parse in resources.word_parses(token.lower_)
    )


def genitive_noun(token: Token) -> bool:
    """Whether pymorphy3 reads ``token`` as a common noun in the genitive."""
    return _genitive_word(token.text)


def generation(spans: Iterable[Span]) -> str | None:
    """ "younger" or "elder" when a noun of kinship marks one of a person's mentions: before it
    ("сына Егора Лапина") or after a dash or comma ("Никита Кравцов — сын ..."), else None."""
    for span in spans:
        mark = kin_before(span) or kin_after(span)
        if mark:
            return mark
    return None


def kin_after(span: Span) -> str | None:
    """The mark of a noun of kinship after a dash or comma right after a mention, or None."""
    texts = token_texts(span.doc, ORTH)  # no Token per word
    at = span.end
    if at + 1 >= len(texts) or texts[at] not in ("—", "–", "-", ","):
        return None
    text = texts[at + 1]
    if not text.islower():  # (``Token.is_lower``)
        return None
    return _kin_mark(text) or None


@lru_cache(maxsize=10_000)
def _kin_mark(word: str) -> str | None:
    """The mark of the noun of kinship pymorphy3 reads ``word`` as (its first such reading),
    or None (kept per word: pure function of it)."""
    for parse in resources.word_parses(word):
        if parse.is_known and parse.tag.POS == "NOUN" and parse.normal_form in _KINSHIP:
            return _KINSHIP[parse.normal_form]
    return None


@lru_cache(maxsize=10_000)
def _genitive_word(word: str) -> bool:
    """:func:`genitive_noun` of a token's text (kept per word: pure function of it)."""
    return any(
        parse.tag.POS == "NOUN" and parse.tag.case == "gent" and parse.is_known
        for parse in resources.word_parses(word)
    )
