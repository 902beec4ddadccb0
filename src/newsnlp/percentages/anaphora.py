"""Pronouns, fractions and the sentence before: a pronoun gives way to its antecedent, a
fraction ("две трети выпускников") to its genitive.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..resources import word_parses
from ..tag import morph_values
from .lexicon import _PERSONAL, _REACH, CHANGE, FRACTIONS
from .subjects import _named
from .tokens import (
    _bounds,
    _case,
    _genitive,
    _has_case,
    _in_phrase_of_preposition,
    _is_change,
    _parsed,
    _singular_for_plural,
    _time_anchor,
)


def resolve(subject: Token | None, sent: Span) -> Token | None:
    """The subject a reader wants: a pronoun's antecedent (in the sentence or the one before)
    when it is the subject or object of its clause, else the personal pronoun itself ("мы",
    "она": never a noun it may not stand for); the genitive of a fraction ("две трети
    выпускников" -> выпускник)."""
    if subject is None or _time_anchor(subject):
        return None
    if subject.pos_ == "PRON" or subject.lemma_ in _PERSONAL:
        if subject.lemma_ == "это" and subject.dep_.startswith("nsubj"):
            return subject  # "Это на 12 % превышает сбор 2015 года": the amount just named
        if subject.lemma_ in ("мы", "я", "вы"):
            return subject
        if subject.lemma_ not in _PERSONAL:
            return None
        if subject.lemma_ == "который":
            found = _relative_antecedent(subject) or _relative_head(subject)
            return _named(found) if found is not None else subject
        found = antecedent(subject, sent)
        if found is not None and _partitive_pronoun(subject) and found.i < sent.start:
            if not _people(found):
                return subject  # ("Только 30 % из них …": a whole named sentences before)
        if found is not None and _core(found):
            # "рост турпотока заметен …: он достиг 3 млн человек": a pronoun that takes
            # up a change noun stands for what changed, its genitive
            changed = _genitive(found) if found.lemma_ in CHANGE and _parsed(found) else None
            return changed if changed is not None and not _time_anchor(changed) else found
        if found is not None and _partitive_pronoun(subject) and _people(found):
            return found  # "опросили 1600 жителей, из них 40 %": the group counted
        # an antecedent the pronoun may not stand for (in a phrase of another noun, an
        # oblique case): the pronoun itself is safer than a wrong noun
        return subject
    if subject.lemma_ in FRACTIONS and _parsed(subject):
        genitive = _genitive(subject)
        if genitive is not None:
            return genitive
    # "а коммунист Пётр Сомов — 25 %": the person named in apposition to a common noun
    return _named(subject) if _parsed(subject) else subject


def _relative_head(relative: Token) -> Token | None:
    """The noun a relative clause qualifies ("треть жителей, из которых 13 %"): the head of
    the clause "который" opens, when the parse hangs it on a noun before."""
    for clause in (relative, *relative.ancestors):
        if clause.dep_ == "acl:relcl":
            head = clause.head
            return head if head.pos_ in ("NOUN", "PROPN") and head.i < relative.i else None
        if clause.head.i == clause.i:
            break
    return None


def _relative_antecedent(relative: Token) -> Token | None:
    """ "половина горожан, из которых 12 %", "кандидата от партии Ивана Сомова, который получил
    12 %": the noun right before the comma that opens the relative clause when it agrees with
    the relative in number (and gender), whatever noun the parse hangs the clause on."""
    doc = relative.doc
    i = relative.i - 1
    while i > 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i <= 0 or doc[i].text != ",":
        return None
    number = morph_values(relative, "Number")
    gender = morph_values(relative, "Gender") if number == ["Sing"] else []
    start = max(0, i - _REACH)
    for token in reversed(doc[start:i]):
        if token.pos_ in ("NOUN", "PROPN") and not _time_anchor(token):
            if number and morph_values(token, "Number") != number:
                return None
            if gender and morph_values(token, "Gender") != gender:
                return None
            return _name_start(token)
    return None


def _name_start(token: Token) -> Token:
    """The first part of a person's name the parse chains by flat:name ("Ивана Сомова" ->
    Ивана), which holds the name as a whole."""
    while token.dep_ == "flat:name" and token.head.i < token.i:
        token = token.head
    return token


def _partitive_pronoun(pronoun: Token) -> bool:
    """ "из них": a pronoun that names the whole a share is taken of."""
    return pronoun.i > 0 and pronoun.doc[pronoun.i - 1].lower_ == "из"


def _core(noun: Token) -> bool:
    """Whether a noun is the subject or the object of its clause, or opens its sentence (without
    a parse, the sentences before are not parsed: whether it is a nominative or accusative)."""
    if not noun.dep_:
        return _case(noun, "Nom") or _case(noun, "Acc")
    if noun.dep_ in ("nsubj", "nsubj:pass", "obj") or noun.dep_ == "ROOT":
        return True
    start, _ = _bounds(noun)
    words = [token for token in noun.doc[start : noun.i + 1] if not token.is_punct]
    return bool(noun.doc[start].is_sent_start) and words[0].i == noun.i


def _agrees(noun: Token, pronoun: Token) -> bool:
    number = morph_values(pronoun, "Number")
    if pronoun.lemma_ == "который" or not number:
        return True
    if number != morph_values(noun, "Number"):
        # the tagger reads a bare sentence-initial plural ("Пенсии проиндексировали.") as a
        # genitive singular; the dictionary says whether the word can be that plural
        # (not a genitive the parse hangs on another noun: "отчёт компании")
        own = noun.dep_ not in ("nmod", "obl") or noun.head.i == noun.i
        return number == ["Plur"] and own and _may_be_plural(noun.text, pronoun)
    gender = morph_values(pronoun, "Gender")
    return number == ["Plur"] or not gender or gender == morph_values(noun, "Gender")


def _may_be_plural(word: str, pronoun: Token) -> bool:
    """Whether a word can be a plural noun in the pronoun's case (nominative for "они",
    accusative for "их"; a nominative plural noun is also the accusative of an inanimate one)."""
    case = (morph_values(pronoun, "Case") or ["Nom"])[0]
    cases = {"Nom": ("nomn", "accs"), "Acc": ("accs", "nomn")}.get(case)
    if cases is None:
        return False
    for parse in word_parses(word.lower()):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.number == "plur" and tag.case in cases:
            return True
    return False


def antecedent(pronoun: Token, sent: Span) -> Token | None:
    """The nearest noun before the pronoun, in its sentence or the previous one, that agrees
    with it in number (and gender), outside prepositional phrases, not a time word."""
    doc = pronoun.doc
    first = sent.start
    if first > 0:
        first = doc[first - 1].sent.start  # morphology is there for every sentence
    span = doc[first : pronoun.i]
    found = [
        token
        for token in reversed(doc[max(first, pronoun.i - 3 * _REACH) : pronoun.i])
        if token.pos_ in ("NOUN", "PROPN")
        and not _time_anchor(token)
        and token.lemma_ != "процент"  # (a figure's unit: "45 процентов из них")
        and not _in_phrase_of_preposition(token, span)
        and _agrees(token, pronoun)
    ]
    # "бюджет района. Он вырос": a genitive right after a noun depends on it; the head first
    heads = [token for token in found if not _dependent_genitive(token, span)]
    chosen = heads or found
    # a subject or an object is what a later pronoun takes up, before a dative or an
    # instrumental ("Зарплаты бюджетникам увеличат. Они ..." -> зарплаты)
    core = [token for token in chosen if _core_case(token, pronoun)]
    chosen = core or chosen
    return chosen[0] if chosen else None


def _core_case(token: Token, pronoun: Token) -> bool:
    cases = morph_values(token, "Case")
    if not cases or "Nom" in cases or "Acc" in cases:
        return True
    plural = morph_values(pronoun, "Number") == ["Plur"]
    return plural and _may_be_plural(token.text, pronoun)


def _dependent_genitive(token: Token, span: Span) -> bool:
    if not _case(token, "Gen") or token.i == span.start:
        return False
    before = token.doc[token.i - 1]
    return before.pos_ in ("NOUN", "PROPN") or (
        before.pos_ == "ADJ" and token.i - 2 >= span.start and token.doc[token.i - 2].pos_ == "NOUN"
    )


def previous_subject(sent: Span) -> Token | None:
    """The subject of the sentence before: its first nominative noun outside prepositional
    phrases ("Сбор ягод достиг 900 тонн. Падение на 6 % ...")."""
    if sent.start == 0:
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent
    changed = _changed_before(before)
    if changed is not None:
        return changed
    for token in before[:_REACH]:
        if token.pos_ in ("NOUN", "PROPN") and _case(token, "Nom") and not _time_anchor(token):
            if not _in_phrase_of_preposition(token, before):
                return token
    return None


_CLAUSE_MARKS = frozenset(',;:—–«»"()')


def _changed_before(sent: Span) -> Token | None:
    """ "…, но норматив уже превышен в 12 городах. Превышение на 15 % …": the nominative noun
    right before a verb of change of the sentence before (word order alone: that sentence,
    with no figure of its own, is not parsed)."""
    for verb in sent[: 3 * _REACH]:
        if verb.pos_ not in ("VERB", "AUX") or not _is_change(verb):
            continue
        for token in reversed(sent.doc[max(sent.start, verb.i - 4) : verb.i]):
            if token.text in _CLAUSE_MARKS:
                break
            if token.pos_ in ("NOUN", "PROPN") and _case(token, "Nom"):
                if not _time_anchor(token) and not _in_phrase_of_preposition(token, sent):
                    return token
    return None


def _people(token: Token) -> bool:
    """A plural group of people: an animate plural noun ("респондентов", "россиян") or a
    plural participle or adjective used as a noun ("опрошенных")."""
    if morph_values(token, "Number") != ["Plur"] or token.pos_ == "PROPN":
        return False
    if token.pos_ == "NOUN":
        return "Anim" in morph_values(token, "Animacy")
    return token.pos_ in ("ADJ", "VERB") and _case(token, "Gen")


def _group_among(anchor: Token) -> Token | None:
    """ "Среди школьников … 45 процентов предпочитают": the group of "среди" earlier
    in the figure's sentence."""
    doc = anchor.doc
    for i in range(anchor.i - 1, _bounds(anchor)[0] - 1, -1):
        if doc[i].lower_ != "среди":
            continue
        for token in doc[i + 1 : min(i + 4, anchor.i)]:
            if _people(token):
                return token
        if i + 3 < anchor.i and doc[i + 1].lemma_ == "тот" and doc[i + 3].lower_ == "кто":
            return doc[i + 1]  # "Среди тех, кто учится, … 40 %": the group "кто" names
        return None
    return None


class Carry:
    """What carries over from sentence to sentence of an article.

    ``group``: the group the shares of a poll count, as the article last named it ("33 %
    опрошенных", "52 процента респондентов"), for a later share that names none and stands as
    the subject of its clause ("Не поддерживают реформу … 41 %", "3 % затруднились ответить",
    "Иной точки зрения держатся 6,5 %"); ``change``: the last change read (its word
    and what changed), for an elided one in a later sentence ("… выросло на 25 %. Во втором
    полугодии – на 60 %"); ``level``: what the last level measured, for a level in a remnant
    that opens a later sentence ("Доля … составит 17 % через год. К 2030 году — 40 %")."""

    def __init__(self) -> None:
        self.group: Token | None = None
        self.change: tuple[Token, Token | None] | None = None
        self.level: Token | None = None  # what the last level measured

    def note(self, subject: Token | None) -> None:
        """Remember a level's subject when it is a group of people, or counts one ("число
        россиян … до 67 %": the group a later share counts is the genitive)."""
        if subject is not None and _people(subject):
            self.group = subject
        elif subject is not None and subject.pos_ == "NOUN" and _parsed(subject):
            counted = _genitive(subject)
            if counted is not None and _people(counted):
                self.group = counted

    def carry(self, anchor: Token) -> Token | None:
        """The group for a share with no subject of its own that is the subject of its verb
        (or stands alone), else None."""
        among = _group_among(anchor)
        if among is not None and among.lemma_ == "тот":
            return among  # "Среди тех, кто …, – 25 %": the group of its own sentence
        group = among or self.group
        if group is None:
            return None
        head = anchor.head
        if anchor.dep_.startswith("nsubj") or head.i == anchor.i:
            return group
        # "Не доверяют им 30 %": the parse takes the share for the object of a verb that has
        # no subject of its own
        if head.pos_ != "VERB" or anchor.dep_ not in ("obj", "obl") or _has_case(anchor):
            return None
        subject = any(
            child.dep_.startswith("nsubj") and not _singular_for_plural(child, head)
            for child in head.children
        )  # ("Отпуск выбрали бы 12 %": a singular noun is not the plural verb's subject)
        return None if subject else group
