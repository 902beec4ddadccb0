"""What a level measures: "90 % жителей", "50 % скидка", "ставку 21 %", "скидку в размере 7 %",
"из них 40 %", "среди опрошенных 27 %".
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tag import morph_values
from .figures import Figure, _is_percent_noun, _is_percent_sign
from .lexicon import _HOLDING, _RATE_PERIODS, _SKIPPABLE, COPULAS, MEASURES
from .subjects import _agreeing_before, holder_of_amount, verb_subject
from .tokens import (
    _animate_plural,
    _case,
    _child,
    _genitive,
    _has_case,
    _noun,
    _singular_for_plural,
    _time_anchor,
)


def level_subject(
    anchor: Token, after: Token | None = None, figure: Figure | None = None
) -> Token | None:
    """What a level measures: "90 % жителей", "50 % скидка", "доля составила 10 %",
    "ставку 21 %", "с долей рынка 4,5 %", "скидку в размере 7 %", "из них 40 %", "на долю
    импорта приходится 32 %"; failing all, the genitive right after the figure ("52 %
    гостей приехали …" when the parse hangs it elsewhere)."""
    found = _level_subject(anchor, after, figure)
    if found is not None or after is None:
        return found
    doc = after.doc
    i = after.i
    top = None if figure is None else (figure.high if figure.high is not None else figure.value)
    if i < len(doc) - 1 and doc[i].lower_ in ("от", "из") and top is not None and top <= 100:
        # "проживает 12 % от всего населения", "27 % из этих кредитов": a part of the whole
        # ("200 % от средней зарплаты" is a ratio to a base, not a part)
        i += 1
    start = i
    while i < len(doc) - 1 and i - start < 3 and doc[i].pos_ in ("DET", "ADJ"):
        i += 1  # "около 60 % всех пассажиров"
    noun = doc[i]
    genitive = _case(noun, "Gen") or _animate_plural(noun)  # ("всех пассажиров" read as Acc)
    if noun.pos_ == "NOUN" and genitive and not _time_anchor(noun):
        return None if noun.lemma_ in _RATE_PERIODS else noun
    return None


def _share_of(verb: Token) -> Token | None:
    """ "на долю импорта приходится 32 %", "40 % приходилось на экспорт": the noun of
    "на" of a verb of falling to a share."""
    if verb.lemma_ not in ("приходиться", "прийтись"):
        return None
    for child in verb.children:
        if _noun(child) and any(c.dep_ == "case" and c.lower_ == "на" for c in child.children):
            return child
    return None


def _level_subject(
    anchor: Token, after: Token | None = None, figure: Figure | None = None
) -> Token | None:
    if figure is not None and _measured(figure):
        # "премию в размере 15 % годового дохода": the genitive is the base of the figure
        sized = _sized(figure.first.doc[figure.first.i - 1])
        if sized is not None:
            return sized
    genitive = _genitive(anchor) or _genitive_of_another(figure) or _people_after(figure)
    if genitive is not None:
        return genitive
    if figure is not None:
        found = _partitive(figure) or _noun_before(figure)
        if found is not None:
            return _sized(found) if found.lemma_ in MEASURES else found
    if after is not None and after.pos_ == "NOUN" and not _time_anchor(after):
        cases = morph_values(after, "Case")
        if not cases or "Nom" in cases or "Acc" in cases:
            return after  # "получат 50 % скидку": the noun the figure qualifies
    head = anchor.head
    if head.lemma_ in MEASURES and head.i != anchor.i:
        return _sized(head)
    if _comment_after_dash(anchor, head):
        # "Против высказались 33 % — самая высокая доля за пять лет": a noun after a dash that
        # comments on the figure is not what it measures; the figure is the subject of the
        # clause before (the facts carry a poll's group to it)
        return None
    if head.i == anchor.i:
        return _child(anchor, "nsubj", "nsubj:pass")
    if anchor.dep_ in ("amod", "nummod", "nummod:gov", "nmod", "conj") and _noun(head):
        if anchor.dep_ == "conj" and head.i < anchor.i and _oblique(head):
            # "60 % посетителей приехали на автобусах, 25 % — поездами": a share the parse
            # makes a conjunct of a noun in a prepositional phrase or an oblique case is not
            # a share of that noun
            return None
        return head
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        share = _share_of(head)
        if share is not None:
            return share
        if anchor.dep_ in ("conj", "dep", "parataxis") and _share_subject(head, anchor):
            # "52 % горожан поддерживают реформу, 39 % — не одобряют": a share the parse
            # coordinates with a verb whose subject is a share too is that share's parallel
            # (the same group, carried by the facts), not a measure of the verb's object
            return None
        if _this_before(anchor):
            # "Выручка составила 5 млрд рублей, это 12 % рынка": "это" restates the amount of
            # the clause before, and the share is of what that amount measures
            restated = _restated_amount(head)
            if restated is not None:
                return restated
        if anchor.dep_ not in ("obj", "nsubj", "nsubj:pass"):
            # (a figure that is the subject of its verb does not measure the verb's object)
            target = _child(head, "obj")
            if target is not None and target.i != anchor.i:
                return target
        subject = verb_subject(head)
        if subject is not None and _share_is_subject(anchor, head, subject):
            # "Отпуск за границей выбрали бы 12 %": a singular noun is not the subject of a
            # plural verb; the share is (the facts carry a poll's group to it)
            return None
        if subject is None and head.pos_ != "ADJ" and head.i < anchor.i:
            # "показатель составил 64,2 %" with the subject hung on another verb: the
            # nominative before the verb that agrees with it
            subject = _agreeing_before(head)
        return subject
    if _noun(head):
        return head
    return None


def _comment_after_dash(anchor: Token, head: Token) -> bool:
    """Whether the figure's head is a noun after a dash right after the figure ("27 % — самая
    высокая доля"), which the parse makes the predicate of the figure."""
    if head.i <= anchor.i or head.pos_ != "NOUN" or not anchor.dep_.startswith("nsubj"):
        return False
    doc = anchor.doc
    i = anchor.i + 1
    if i >= head.i or doc[i].text not in ("—", "–", "-"):
        return False
    return all(token.pos_ in ("ADJ", "DET", "ADV") for token in doc[i + 1 : head.i])


def _share_is_subject(anchor: Token, verb: Token, subject: Token) -> bool:
    """Whether a bare share (no genitive, no preposition) is the subject of its plural verb
    rather than the singular nominative noun the parse gives it."""
    if anchor.dep_ not in ("obj", "nsubj", "obl") or _has_case(anchor):
        return False
    return _singular_for_plural(subject, verb)


def _genitive_of_another(figure: Figure | None) -> Token | None:
    """ "18 % опрошенных …, ещё 24 % респондентов": the genitive right after the figure (past
    its determiners and adjectives) that the parse hangs on the unit of another figure, or on a
    word before the figure, is the figure's own."""
    if figure is None:
        return None
    doc = figure.last.doc
    i = figure.last.i + 1
    while i < len(doc) - 1 and i - figure.last.i < 3 and doc[i].pos_ in ("DET", "ADJ"):
        i += 1
    if i >= len(doc):
        return None
    noun = doc[i]
    if noun.pos_ != "NOUN" or not (_case(noun, "Gen") or _animate_plural(noun)):
        return None
    head = noun.head
    other = head.i != figure.last.i and (_is_percent_noun(head) or _is_percent_sign(head))
    # (or a word before the figure: "на неё приходится примерно 18 % всех поломок", unless a
    # preposition ties the figure to that word: "снизить на 5 % цены")
    before = doc[figure.first.i - 1] if figure.first.i > 0 else None
    tied = before is not None and before.pos_ == "ADP" and before.lower_ not in _APPROX_WORDS
    back = head.i < figure.first.i and not tied and morph_values(noun, "Number") == ["Plur"]
    return noun if (other or back) and noun.dep_ == "nmod" and not _time_anchor(noun) else None


def _people_after(figure: Figure | None) -> Token | None:
    """ "премию выплатили 15 % работающим пенсионерам": a plural noun of people right after a
    bare share (past its adjectives), in the dative or instrumental the verb gives the share,
    is the group it counts."""
    if figure is None:
        return None
    doc = figure.last.doc
    before = doc[figure.first.i - 1] if figure.first.i > 0 else None
    if before is not None and before.pos_ == "ADP":
        return None
    i = figure.last.i + 1
    while i < len(doc) - 1 and i - figure.last.i < 3 and doc[i].pos_ in ("ADJ", "DET", "VERB"):
        if doc[i].pos_ == "VERB" and "Part" not in morph_values(doc[i], "VerbForm"):
            return None
        i += 1
    noun = doc[i] if i < len(doc) else None
    if noun is None or noun.pos_ != "NOUN" or morph_values(noun, "Animacy") != ["Anim"]:
        return None
    if morph_values(noun, "Number") != ["Plur"]:
        return None
    return noun if _case(noun, "Dat") or _case(noun, "Ins") else None


def _oblique(noun: Token) -> bool:
    """Whether a noun is in a prepositional phrase or in the instrumental, locative or dative."""
    return _has_case(noun) or any(_case(noun, case) for case in ("Ins", "Loc", "Dat"))


def _this_before(anchor: Token) -> bool:
    """Whether the figure's own "это" stands before it ("…, это 12 %")."""
    return any(child.lemma_ == "это" and child.i < anchor.i for child in anchor.children)


def _restated_amount(verb: Token) -> Token | None:
    """What the amount of a clause measures: the subject of a copula ("выручка составила 5 млрд
    рублей", "экспорт достиг 40 млн тонн"), else what the amount of money in the verb's object
    measures; None when the verb has no amount."""
    target = _child(verb, "obj")
    if target is None or not any(c.dep_.startswith("nummod") for c in target.children):
        return None
    if verb.lemma_ in COPULAS:
        return verb_subject(verb) or _agreeing_before(verb)
    holder = holder_of_amount(target)
    return holder if holder.i != target.i else None


def _share_subject(verb: Token, anchor: Token) -> bool:
    """Whether the verb's subject, before the anchor, is another figure's unit ("52 %",
    "52 процента")."""
    return any(
        child.dep_.startswith("nsubj")
        and child.i < anchor.i
        and (_is_percent_noun(child) or _is_percent_sign(child))
        for child in verb.children
    )


def _measured(figure: Figure) -> bool:
    """Whether a measure noun stands right before the figure: "в размере 15 %"."""
    i = figure.first.i - 1
    return i >= 0 and figure.first.doc[i].lemma_ in MEASURES and figure.first.doc[i].pos_ == "NOUN"


def _sized(measure: Token) -> Token | None:
    """The noun a measure noun sizes: "скидку в размере" -> скидка; "сохранил ставку на
    уровне" -> ставка (the object of the verb); "доля колеблется в пределах" -> доля."""
    before = _noun_right_before(measure)
    if before is not None:
        return before
    head = measure.head
    if head.i == measure.i:
        return None
    if _noun(head) and head.pos_ != "PRON":
        return head
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        target = _child(head, "obj", "nsubj:pass")
        if target is not None and target.i != measure.i:
            return target
        return verb_subject(head)
    return None


def _noun_right_before(measure: Token) -> Token | None:
    """ "скидку в размере", "кредит под ставку на уровне", "ставка по вкладам на уровне": the
    noun phrase right before the measure's preposition (up its chain of modifiers to the noun
    whose preposition holds it, or to the head of the phrase), whatever the parse attaches the
    measure to."""
    doc = measure.doc
    i = measure.i - 1
    if i < 1 or doc[i].pos_ != "ADP":
        return None
    token = doc[i - 1]
    if token.pos_ not in ("NOUN", "PROPN") or _time_anchor(token) or token.lemma_ in MEASURES:
        return None
    for _ in range(4):
        cases = [child.lower_ for child in token.children if child.dep_ == "case"]
        if any(case in _HOLDING for case in cases):
            return token
        head = token.head
        if token.dep_ != "nmod" or head.i >= token.i or head.pos_ not in ("NOUN", "PROPN"):
            break
        token = head
    if _has_case(token) or _time_anchor(token):
        return None
    return token


def _partitive(figure: Figure) -> Token | None:
    """ "из них 35 %", "из которых 40 %": the pronoun of "из" right before the figure (its
    antecedent is found later)."""
    doc = figure.first.doc
    i = figure.first.i - 1
    while i >= 1 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    if i >= 1 and doc[i - 1].lower_ == "из" and doc[i].lemma_ in ("они", "который"):
        return doc[i]
    j = i  # "среди опрошенных 27 %", "из участников опроса 40 %": up the genitives
    while j > i - 2 and j >= 2 and doc[j - 1].lower_ not in ("среди", "из"):
        if not (_case(doc[j], "Gen") and doc[j].pos_ in ("NOUN", "PROPN", "ADJ")):
            break
        j -= 1
    if j >= 1 and doc[j - 1].lower_ in ("среди", "из") and _counted_group(doc[j]):
        return doc[j]
    i = figure.last.i + 1  # "54 % из них"
    if i + 1 < len(doc) and doc[i].lower_ == "из" and doc[i + 1].lemma_ == "они":
        return doc[i + 1]
    return _their(figure) or _apposed(figure)


def _their(figure: Figure) -> Token | None:
    """ "Велосипедисты на четвёртом месте – их чуть меньше 7 %": "их" right before a share
    with no noun of its own names what it counts (its antecedent is found later)."""
    doc = figure.first.doc
    i = figure.first.i - 1
    while i >= 1 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    after = doc[figure.last.i + 1] if figure.last.i + 1 < len(doc) else None
    if i < 1 or doc[i].lower_ != "их" or doc[i - 1].pos_ != "PUNCT":
        return None
    return doc[i] if after is None or after.pos_ not in ("NOUN", "PROPN") else None


def _apposed(figure: Figure) -> Token | None:
    """ "Больше всего жалоб, около 40 %, поступило из столицы": a share set off by commas or dashes
    right after a noun phrase measures that phrase (the head of its genitive chain)."""
    doc = figure.first.doc
    i = figure.first.i - 1
    while i >= 1 and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    j = figure.last.i + 1
    if i < 1 or j >= len(doc) or doc[i].text not in _APPOSITION or doc[j].text != doc[i].text:
        return None
    noun = doc[i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or _time_anchor(noun):
        return None
    for _ in range(3):  # "добрых отзывов гостей – свыше 60 % –": up to "отзывов"
        head = noun.head
        if noun.dep_ != "nmod" or not i - 5 <= head.i < noun.i:
            break
        noun = head
    return noun if not _has_case(noun) else None


_APPOSITION = (",", "—", "–")
_APPROX_WORDS = frozenset("около порядка свыше более менее почти до".split())


def _counted_group(token: Token) -> bool:
    """A plural genitive noun, or participle used as one: the group a share is taken of."""
    if not _case(token, "Gen") or morph_values(token, "Number") != ["Plur"]:
        return False
    if token.pos_ == "VERB":
        return "Part" in morph_values(token, "VerbForm")
    return token.pos_ in ("NOUN", "ADJ")


def _noun_before(figure: Figure) -> Token | None:
    """ "ставку 21 %", "с долей рынка 4,5 %": the noun phrase right before the figure (the
    top of its genitive chain), not a place, a time or the object of most prepositions."""
    doc = figure.first.doc
    i = figure.first.i - 1
    while i > 0 and doc[i].lower_ in _SKIPPABLE and figure.first.i - i < 3:
        i -= 1  # "с вероятностью более 95 %"
    if i < 0 or doc[i].pos_ != "NOUN" or _time_anchor(doc[i]):
        return None
    token = doc[i]
    if token.lemma_ in MEASURES:
        return token
    for _ in range(4):  # "ставка налога 13 %", "налог на прибыль 20 %": up to the head noun
        head = token.head
        if token.dep_ != "nmod" or head.i >= token.i or head.pos_ != "NOUN":
            break
        if any(c.dep_ == "case" and c.lower_ in ("с", "со", "при") for c in token.children):
            break  # "компания с долей на рынке 18 %": the share itself
        token = head
    cases = [child.lower_ for child in token.children if child.dep_ == "case"]
    if any(case not in ("с", "со", "при") for case in cases) or _time_anchor(token):
        return None
    return token
