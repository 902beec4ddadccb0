"""The subject: what a verb or noun of change is about (the object of a transitive verb, the
subject of a verb climbing xcomp and conj, the genitive of a noun, what a comparative
compares), with the tagger's and the parser's known errors corrected by agreement and the
dictionary; without a parse, from word order.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..resources import word_parses
from ..tag import morph_values
from .lexicon import (
    _AFTER_REACH,
    _CLAUSE_BREAKS,
    _MULTIPLIERS,
    _REACH,
    BASE_NOUNS,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    COPULAS,
    CURRENCY_WORDS,
    DEGREE,
    EXCEED,
    MEASURE_UNITS,
    MEASURES,
)
from .tokens import (
    _ancestors,
    _bounds,
    _case,
    _child,
    _finite,
    _genitive,
    _has_case,
    _in_phrase_of_preposition,
    _noun,
    _time_anchor,
)


def _raised_object(verb: Token) -> Token | None:
    """ "расходы на связь удалось снизить": the object of an infinitive of change, fronted and
    attached by the parse to the verb that governs the infinitive."""
    if verb.pos_ != "VERB" or "Inf" not in morph_values(verb, "VerbForm"):
        return None
    for token in _ancestors(verb, 2):
        for child in token.children:
            if child.dep_ in ("obj", "iobj") and child.i < verb.i and _noun(child):
                if child.pos_ != "PRON" and not _has_case(child):
                    return child
    return None


def _linear_subject(change: Token, sent: Span) -> Token | None:
    """Without a parse: the accusative noun right after a transitive verb of change ("снизил
    ставки на 1 п. п."), else the nearest nominative noun before the word of change."""
    doc = change.doc
    if change.pos_ == "VERB" and not change.lemma_.endswith(("ся", "сь")):
        i = change.i + 1
        while i < sent.end and doc[i].pos_ in ("ADJ", "DET"):
            i += 1
        if i < sent.end and doc[i].pos_ == "NOUN" and _case(doc[i], "Acc"):
            return doc[i]
    fronted = change.i - 1  # "если ставку повысят на 2 п. п.": the object before the verb
    transitive = change.pos_ == "VERB" and not change.lemma_.endswith(("ся", "сь"))
    if transitive and fronted >= sent.start and doc[fronted].pos_ == "NOUN":
        if _case(doc[fronted], "Acc") and not _in_phrase_of_preposition(doc[fronted], sent):
            return doc[fronted]
    for i in range(change.i - 1, max(sent.start, change.i - _REACH) - 1, -1):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN") and "Nom" in morph_values(token, "Case"):
            if not _in_phrase_of_preposition(token, sent):
                return token
        if change.pos_ == "VERB" and _noun_read_as_adjective(token, change):
            if not _in_phrase_of_preposition(token, sent):
                return token
        if token.pos_ in ("VERB", "AUX") or token.lower_ in (";", "а", "но"):
            break
    return _subject_after(change, sent)


def _subject_after(verb: Token, sent: Span) -> Token | None:
    """ "На 12 % выросли за год продажи", "Снизилась на 3 % и добыча газа": the subject after
    the verb (the parse often hangs it elsewhere), the nearest nominative noun in the clause
    that agrees with the verb in number (and gender), outside prepositional phrases."""
    if verb.pos_ != "VERB" or "Fin" not in morph_values(verb, "VerbForm"):
        return None
    number = morph_values(verb, "Number")
    gender = morph_values(verb, "Gender")
    doc = verb.doc
    for i in range(verb.i + 1, min(sent.end, verb.i + _AFTER_REACH)):
        token = doc[i]
        if _finite(token) or token.lower_ in _CLAUSE_BREAKS:
            return None
        if token.pos_ not in ("NOUN", "PROPN") or not _case(token, "Nom"):
            continue
        if _time_anchor(token) or _in_phrase_of_preposition(token, sent):
            continue
        if number and morph_values(token, "Number") not in ([], number):
            continue
        if gender and morph_values(token, "Gender") not in ([], gender):
            continue
        return token
    return None


def verb_subject(verb: Token) -> Token | None:
    """The subject of a verb, climbing to the verb it is the xcomp or conjunct of."""
    for token in (verb, *_ancestors(verb, 3)):
        if _verbless_head(token) and (token.i != verb.i or not _relative(token)):
            # "Ключевая ставка, которую регулятор держал …, теперь составляет 16 %": the parse
            # makes the predicate a conjunct inside the relative clause of a verbless subject
            return token.head
        subject = _agreeing_subject(token) or _child(token, "nsubj", "nsubj:pass")
        if subject is None and token.i == verb.i and token.dep_ == "dep":
            # "…, а стипендии с осени будут увеличены на 3 %": a clause the parse left
            # unattached has its own subject before it, not the one of the clause it hangs on
            subject = _agreeing_before(token)
            if subject is not None:
                return _named(subject)
        if subject is not None:
            subject = _misread_head(subject, token)
            if not _agrees_with_verb(subject, token):
                # "Предприятие, выручка которого упала на 12 %": the parse took the wrong noun
                subject = _agreeing_before(token) or subject
            return _named(subject)
        if token.dep_ not in ("xcomp", "conj", "csubj", "csubj:pass", "advcl", "dep"):
            return None
    return None


def _agreeing_subject(verb: Token) -> Token | None:
    """Of several subjects the parse gives a verb ("С учётом премии, выплаченной …, реальные
    пенсии снизились": премии and пенсии), the nominative one that agrees with it."""
    subjects = [
        child for child in verb.children if child.dep_ in ("nsubj", "nsubj:pass") and _noun(child)
    ]
    if len(subjects) < 2:
        return None
    for subject in subjects:
        if _case(subject, "Nom") and _agrees_with_verb(subject, verb):
            return subject
    return None


def _agrees_with_verb(noun: Token, verb: Token) -> bool:
    """Whether a nominative noun agrees with a finite verb in number and (past singular)
    gender, as far as both are tagged; other subjects (pronouns, names, numbers) pass."""
    if verb.pos_ not in ("VERB", "AUX") or noun.pos_ != "NOUN" or not _case(noun, "Nom"):
        return True
    number, gender = morph_values(verb, "Number"), morph_values(verb, "Gender")
    if number and morph_values(noun, "Number") not in ([], number):
        return False
    return not gender or number != ["Sing"] or morph_values(noun, "Gender") in ([], gender)


def _agreeing_before(verb: Token) -> Token | None:
    """The nearest nominative noun before the verb in its clause that agrees with it."""
    doc = verb.doc
    start = max(verb.sent.start, verb.i - _AFTER_REACH)
    for i in range(verb.i - 1, start - 1, -1):
        token = doc[i]
        if token.head.i == verb.i and token.dep_.startswith("aux"):
            continue  # "будут проиндексированы": the verb's own auxiliary
        if _finite(token) or token.lower_ in (";", "а", "но"):
            return None
        if (
            token.pos_ in ("NOUN", "PROPN")
            and _case(token, "Nom")
            and _agrees_with_verb(token, verb)
        ):
            if not _in_phrase_of_preposition(token, verb.sent) and not _time_anchor(token):
                return token
    return None


def _misread_head(subject: Token, verb: Token) -> Token:
    """ "Грузооборот портов снизился": a rare noun the tagger takes for an adjective of the
    genitive after it, which the parse then makes the subject. A genitive subject that does
    not agree with its verb gives way to the word before it when the dictionary has that word
    as a nominative noun agreeing with the verb."""
    if not _case(subject, "Gen") or subject.i == 0 or verb.pos_ not in ("VERB", "AUX"):
        return subject
    number = morph_values(verb, "Number")
    if not number or morph_values(subject, "Number") == number:
        return subject
    before = subject.doc[subject.i - 1]
    if before.head.i != subject.i or not _noun_read_as_adjective(before, verb):
        return subject
    return before


def _noun_read_as_adjective(token: Token, verb: Token) -> bool:
    """Whether an adjective of the tagger, right before a genitive noun, is in the dictionary
    a nominative noun agreeing in number with the verb ("Вагонооборот станций вырос")."""
    number = morph_values(verb, "Number")
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.pos_ != "ADJ" or not number or following is None or not _case(following, "Gen"):
        return False
    if following.pos_ not in ("NOUN", "PROPN"):
        return False
    wanted = "sing" if number == ["Sing"] else "plur"
    return any(
        parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.number == wanted
        for parse in word_parses(token.lower_)
    )


def _relative(clause: Token) -> bool:
    return any(child.lemma_ in ("который", "чей") for child in clause.children)


def _verbless_head(clause: Token) -> bool:
    """Whether a relative clause's verb modifies a noun the parse leaves as the sentence's
    root (a sentence whose subject has no predicate of its own)."""
    head = clause.head
    return clause.dep_ == "acl:relcl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")


def _named(noun: Token) -> Token:
    """ "Кандидат от партии Иван Сидоров набрал 38 %": the person named in apposition to a
    post or a common noun of people is the subject, else the noun itself."""
    if noun.pos_ != "NOUN" or not _case(noun, "Nom") or "Anim" not in morph_values(noun, "Animacy"):
        return noun
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > noun.i:
            if "Anim" in morph_values(child, "Animacy") and _case(child, "Nom"):
                return child
    return noun


def change_subject(change: Token) -> Token | None:
    """What changed: the object of a transitive change verb, else its subject; for a change
    noun its genitive ("рост цен")."""
    if change.pos_ in ("NOUN", "PROPN"):
        # a noun of change ("рост цен"), or a verb the tagger took for a noun
        return noun_subject(change) or _child(change, "nsubj", "nsubj:pass", "obj")
    if change.lower_ in COMPARATIVE_UP | COMPARATIVE_DOWN:
        return _compared(change)
    if change.lemma_ in EXCEED and change.pos_ in ("VERB", "AUX"):
        # "что превышает итог прошлого года на 9 %": the object is the base, not what changed
        subject = verb_subject(change)
        what = _relative_what(change, subject)
        if what is not None:
            return _percent_before(what) or _restated(change) or _before_relative(what) or subject
        return subject
    voice = morph_values(change, "Voice")
    if "Mid" not in voice:
        target = _child(change, "obj")
        if target is not None:
            return target
    subject = verb_subject(change)
    if subject is None and change.dep_ == "conj" and _noun(change.head):
        return change.head
    return subject


def _compared(comparative: Token) -> Token | None:
    """What a comparative compares: "на 8 % больше зрителей" (its genitive), "цены стали на
    5 % выше" (the subject of the verb it completes)."""
    doc = comparative.doc
    counted = doc[comparative.i - 1] if comparative.i >= 2 else None
    unit = doc[comparative.i - 2] if comparative.i >= 2 else None
    if counted is not None and unit is not None and unit.lemma_ in ("%", "процент"):
        if counted.pos_ == "NOUN" and _case(counted, "Gen"):
            return counted  # "на 7,5 % зрителей больше": the noun the figure counts
    subject = verb_subject(comparative)
    if subject is not None and subject.i > comparative.i:
        if any(token.text == "," for token in doc[comparative.i : subject.i]):
            subject = None  # "… на 10 % меньше, случаев грабежа — на 12 %": the next item's
    what = _relative_what(comparative, subject)
    if what is not None:
        # "…, что на 6 % меньше плана": the genitive is the base, "что" the amount before
        found = _percent_before(what) or _restated(comparative) or _before_relative(what)
        return found or (subject if subject is not None and subject.lemma_ == "это" else None)
    if subject is not None and comparative.lower_ in DEGREE:
        return subject  # "смертность ниже среднего уровня на 6,5 %"
    for child in comparative.children:
        if child.i > comparative.i and _noun(child) and child.pos_ != "PRON":
            if child.dep_ == "conj" or any(t.text == "," for t in doc[comparative.i : child.i]):
                continue  # "продано на 12 % меньше, домов — на 3 %": the next clause's remnant
            if _predicative(subject, comparative) and child.i - comparative.i > 3:
                continue  # "урожай на 10 % меньше из-за долгой засухи": not counted
            # not the base of the comparison: "выше, чем пять лет назад"
            base = _time_anchor(child) or any(c.dep_ == "mark" for c in child.children)
            base = base or child.lemma_ in BASE_NOUNS or comparative.lower_ in DEGREE
            if _case(child, "Gen") and not _has_case(child) and not base:
                return child
    if comparative.dep_.startswith(("nummod", "amod", "det")) and _noun(comparative.head):
        return comparative.head
    if subject is not None:
        return subject
    head = comparative.head
    found = verb_subject(head) if head.i != comparative.i and head.pos_ in ("VERB", "AUX") else None
    return found or _counted_after(comparative) or _counted_before(comparative)


def _counted_after(comparative: Token) -> Token | None:
    """ "на 30 % меньше зарегистрированных краж": the genitive noun right after a comparative
    (past its adjectives), whatever the parse hangs it on."""
    doc = comparative.doc
    i = comparative.i + 1
    while i < len(doc) and i - comparative.i < 4 and doc[i].pos_ in ("ADJ", "DET", "VERB"):
        if doc[i].pos_ == "VERB" and "Part" not in morph_values(doc[i], "VerbForm"):
            return None
        i += 1
    if i >= len(doc) or doc[i].pos_ != "NOUN" or not _case(doc[i], "Gen"):
        return None
    return None if _time_anchor(doc[i]) or doc[i].lemma_ in BASE_NOUNS else doc[i]


def _predicative(subject: Token | None, comparative: Token) -> bool:
    """Whether the comparative is the predicate of a nominative subject before it ("урожай
    на 10 % меньше")."""
    return subject is not None and subject.i < comparative.i and _case(subject, "Nom")


def _counted_before(comparative: Token) -> Token | None:
    """ "краж в городе было совершено на 8 % меньше": the plural genitive that opens the clause
    of a comparative (no preposition before it) is what it counts."""
    doc = comparative.doc
    start, _ = _bounds(comparative)
    for i in range(comparative.i - 1, max(start, comparative.i - _REACH) - 1, -1):
        token = doc[i]
        if token.text in ",;:—–" and i < comparative.i - 1:
            break
        if token.pos_ != "NOUN" or not _case(token, "Gen") or _time_anchor(token):
            continue
        plural = morph_values(token, "Number") == ["Plur"]
        if plural and not _in_phrase_of_preposition(token, doc[start : comparative.i]):
            before = doc[i - 1] if i > start else None
            if before is None or before.pos_ not in ("NOUN", "ADJ", "NUM") or _time_anchor(before):
                return token
    return None


def _relative_what(change: Token, subject: Token | None) -> Token | None:
    """The "что" or "это" standing for the amount before ("…, что на 20 % больше"): the
    subject found, or a "что" opening the change's own clause that the parse made a
    conjunction while the subject came from the clause before ("получил 2 млрд рублей, что
    на 10 % превышает …")."""
    if subject is not None and subject.lemma_ in ("что", "это"):
        return subject
    if subject is not None and subject.i > change.i:
        return None
    for child in change.children:
        if child.i < change.i and child.lower_ == "что" and child.dep_ in ("mark", "nsubj"):
            # (or a second subject: the parse may hang the clause before on the change too)
            if subject is None or subject.i < child.i:
                return child
    return None


def _percent_before(what: Token) -> Token | None:
    """ "приходят 65 % студентов института, что на 10 % больше": when the amount before "что"
    is a share, "что" restates what the share counts (the genitive right after its unit)."""
    if what.lemma_ != "что":
        return None
    doc = what.doc
    start = _bounds(what)[0]
    i = what.i - 1
    while i >= start and (doc[i].text in ',»"' or doc[i].is_space):
        i -= 1
    for j in range(i, max(start, i - 5) - 1, -1):
        if doc[j].lemma_ in ("%", "процент") and j + 1 <= i:
            counted = doc[j + 1]
            if counted.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and _case(counted, "Gen"):
                return None if _time_anchor(counted) else counted
            return None
        if doc[j].text in ",;:()—–" or doc[j].pos_ in ("VERB", "AUX"):
            return None
    return None


def _before_relative(what: Token) -> Token | None:
    """ "собрано 12 тыс. тонн, что на 7 % больше", "в 30 школах, это на 4 % меньше":
    without a parse that says what "что" or "это" refers to, the noun right before its comma
    (not a figure's unit)."""
    if what.lemma_ not in ("что", "это"):
        return None
    doc = what.doc
    i = what.i - 1
    start = _bounds(what)[0]
    while i >= start and (doc[i].text in ',»"' or doc[i].is_space):
        i -= 1
    if i < start or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].lemma_ == "процент":
        return None
    if _time_anchor(doc[i]):
        return None
    # "объём перевозок – 2,4 млн тонн, что на 11 % больше": a unit of measure as a currency
    return holder_of_amount(doc[i], _AMOUNT_UNITS)


# the units an amount is counted in: money and measure ("млрд рублей", "млн тонн")
_AMOUNT_UNITS = CURRENCY_WORDS | MEASURE_UNITS


def holder_of_amount(unit: Token, units: frozenset[str] = CURRENCY_WORDS) -> Token:
    """What an amount of money measures, for its currency word: "1,7 млрд рублей субсидий"
    (the genitive after it), "субсидия в сумме 1,9 млрд рублей", "объём ожидается на уровне
    14 млрд рублей" (the noun the measure sizes, the subject of its verb), "доходы — 50 млрд
    рублей" (the noun before the amount); else the currency word itself. ``units``: the unit
    words taken for a currency (another set of units: :data:`MEASURE_UNITS` too)."""
    if unit.lemma_ not in units and unit.lower_.rstrip(".") not in units:
        return unit
    doc = unit.doc
    start, stop = _bounds(unit)
    after = doc[unit.i + 1] if unit.i + 1 < stop else None
    if after is not None and after.pos_ == "NOUN" and _case(after, "Gen"):
        if not _time_anchor(after):
            return after
    i = unit.i - 1
    while i >= start and (
        doc[i].like_num
        or doc[i].lower_.rstrip(".") in _MULTIPLIERS
        or doc[i].lemma_ in _MULTIPLIERS  # "3,2 триллиона рублей"
        or (doc[i].text == "." and i > start and doc[i - 1].lower_ in _MULTIPLIERS)  # "тыс."
    ):
        i -= 1
    while i >= start and doc[i].lower_ in ("около", "порядка", "более", "свыше", "почти"):
        i -= 1
    if i >= start + 1 and doc[i].lemma_ in MEASURES | {"сумма"}:
        measured = doc[i - 2] if doc[i - 1].pos_ == "ADP" and i >= start + 2 else None
        if measured is not None and measured.pos_ == "NOUN" and not _time_anchor(measured):
            return measured  # "субсидия в сумме 1,9 млрд рублей"
        verb = doc[i].head
        if verb.pos_ in ("VERB", "AUX"):
            return verb_subject(verb) or unit  # "объём ожидается на уровне 14 млрд рублей"
        return unit
    dash = False
    while i >= start and doc[i].text in "—–-:":
        i, dash = i - 1, True
    noun = doc[i] if i >= start else None
    for _ in range(4 if dash else 0):  # "объём кредитов жителей области — 14 трлн рублей"
        # (the modifiers of the noun in any case: "объём торгов зерном — 2 млн тонн")
        if noun is None or noun.dep_ != "nmod" or not start <= noun.head.i < noun.i:
            break
        noun = noun.head
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and _case(noun, "Nom"):
        return noun  # "доходы 50 млрд рублей", "расходы — 52 млрд рублей"
    if i >= start and doc[i].lemma_ in COPULAS:
        return verb_subject(doc[i]) or _agreeing_before(doc[i]) or unit  # "доходы составят …"
    return unit


def _restated(comparative: Token) -> Token | None:
    """ "перевезла 12 млн пассажиров, что на 9 % больше": "что" stands for the amount of the
    clause the comparative hangs on: the subject of a copula ("выручка составила ..."), else
    the verb's object."""
    for token in _ancestors(comparative, 2):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.i > comparative.i:
            return None  # (a clause after the comparison does not state the amount before it)
        if token.lemma_ in COPULAS:
            return verb_subject(token)
        target = _child(token, "obj")
        if target is None or _time_anchor(target):
            return None
        counted = any(child.dep_.startswith("nummod") for child in target.children)
        substance = _genitive(target) if counted else None
        return substance or target  # "300 тысяч тонн стали": what the counted units measure
    return None


def noun_subject(noun: Token) -> Token | None:
    """The genitive of a change noun ("рост числа посетителей" -> число), else what holds it."""
    genitive = _genitive(noun)
    if genitive is not None:
        return genitive
    if noun.dep_ == "nmod" and _noun(noun.head):
        return noun.head
    return None
