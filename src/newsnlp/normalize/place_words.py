"""Place words: a place word's nominative, the gazetteer's form, adjectives and head nouns."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import resources
from ..gazetteer import default_gazetteer
from ..places.words import SETTLEMENT_NOUNS
from ..tag import UD_CASE as _UD_CASES
from ..tag import UD_GENDER as _GENDER
from ..tag import token_tag
from .forms import _VOWELS, name_by_ending


@lru_cache(maxsize=100_000)
def place_word(word: str, case: str, gender: str, number: str) -> str:
    """The nominative of a proper noun naming a place (lowercase in, lowercase out).

    Candidates, best first: the geographic parses pymorphy3 knows in the tagger's case, in
    pymorphy3's order ("самаре" -> "самара", then "самар"), any known noun parse in that case,
    and for words it does not know the ending rules of :func:`name_by_ending` ("бенрате" ->
    "бенрат"), with a soft sign too where a soft stem may end ("шэньчжэне" -> "шэньчжэнь"). A
    candidate the gazetteer knows wins over the order ("кушадаси" stays, it is a town's name);
    of a town in -ов/-ин and one in -ово/-ино that it does not know, the latter.
    """
    candidates = _place_candidates(word, case, gender, number)
    gazetteer = default_gazetteer()
    declined = _known_place_form(word, case)
    for candidate in candidates:
        if candidate == word and declined:
            continue  # "на Лене": the river's locative, not a town written "Лёне"
        if gazetteer.knows(candidate):
            return candidate
    if candidates[0] + "о" in candidates and candidates[0].endswith(("ов", "ев", "ёв", "ин", "ын")):
        return candidates[0] + "о"  # "кстове": Кстово before Кстов, see _settlement_in_o
    return candidates[0]


@lru_cache(maxsize=30_000)
def _known_place_form(word: str, case: str) -> bool:
    """Whether pymorphy3 knows ``word`` as a place's name in ``case`` (the tagger's, or the one
    :func:`_case_of_form` reads), and not as a nominative: the written form is then a declined
    one, whatever place the gazetteer lists under it ("лене" of the river Лена)."""
    wanted = _case_of_form(word, _UD_CASES.get(case, set()))
    parses = [parse for parse in resources.word_parses(word) if parse.is_known]
    return any(
        "Geox" in parse.tag and parse.tag.case in wanted and parse.tag.case != "nomn"
        for parse in parses
    ) and not any(parse.tag.case == "nomn" and "Geox" in parse.tag for parse in parses)


@lru_cache(maxsize=30_000)
def _place_candidates(word: str, case: str, gender: str, number: str) -> tuple[str, ...]:
    """The nominatives :func:`place_word` chooses among, best first (cached: a pure function of
    its arguments)."""
    wanted = _UD_CASES.get(case, set())
    geographic: list[str] = []
    candidates: list[str] = []
    wanted = _case_of_form(word, wanted)
    for parse in resources.word_parses(word):
        tag = parse.tag
        if tag.POS != "NOUN" or tag.case not in wanted:
            continue
        if not parse.is_known and gender in _GENDER and tag.gender not in (None, _GENDER[gender]):
            continue  # a guess of the other gender: "Амкаре" (masculine) is no "Амкара"
        if "Fixd" in tag:
            if parse.is_known or not _declinable_ending(word):
                candidates.append(word)
            continue  # a guess: "Тулеара" is no indeclinable word like "ара"
        if not parse.is_known and "Geox" not in tag:
            continue
        form = parse.inflect({"nomn", tag.number or "sing"})
        if form is not None:
            (geographic if "Geox" in tag else candidates).append(form.word)
    if not geographic and (settlement := _settlement_in_o(word, case)) is not None:
        geographic.append(settlement)  # "в Толмачёве", "в Ивантееве": see _settlement_in_o
    if not geographic and not candidates and (adjective := _adjective_name(word, case)):
        candidates.append(adjective)  # "жители Северного": a place named by an adjective
    candidates = geographic + candidates
    known = any(parse.is_known for parse in resources.word_parses(word))
    plural = _plural_by_ending(word, case)
    if plural is not None and not known:
        candidates.append(plural)  # "васюках" -> "васюки"
    if number == "Plur" and case == "Gen" and not known and word.endswith(("ов", "ев")):
        stem = word[:-2]  # "Больших Липягов": a plural name's genitive in -ов, -ев
        candidates.insert(0, stem + ("и" if stem[-1:] in "гкхжшчщ" or word[-2] == "е" else "ы"))
    by_ending = name_by_ending(word, case, gender or "Masc")
    if by_ending == word and case == "Acc" and gender != "Fem":
        by_ending = name_by_ending(word, case, "Fem")  # "в Тересину": a town in -а
    if by_ending == word and case == "Gen" and gender == "Fem":
        by_ending = name_by_ending(word, case, "Masc")  # "из Гармиш-Партенкирхена"
    if not known and by_ending == word and case == "Gen" and gender != "Fem":
        by_ending = name_by_ending(word, case, "Fem")  # "близ Крутояровки": no masculine's -и
    if not known and by_ending == word and case == "Loc" and word.endswith(("у", "ю")):
        by_ending = name_by_ending(word, "Acc", "Fem")  # "в Крутояровку": no unknown -у locative
    if case in ("Loc", "Dat") and word.endswith("ье") and by_ending == word[:-1]:
        # no -ль has -лье there: a Spanish feminine in -илья, -елья, -алья ("в Барранкилье"),
        # else a Russian territory's neuter in -ье ("в Закарпатье", "в Нечерноземье")
        by_ending = name_by_ending(word, case, "Fem") if word[-4:-2] in _SPANISH_LL else word
    if by_ending == word and case == "Loc" and word[-2:-1] in "аоуэе" and word.endswith("е"):
        by_ending = word[:-1] + "й"  # "в Хэбэе": the locative of one in -эй, -ай, -ой
    if not known and (neuter := _neuter_in_ye(word, case)) is not None:
        by_ending = neuter  # "Приамурья" -> "приамурье"
    if case in ("Loc", "Dat") and word.endswith("и") and not word.endswith("ии"):
        by_ending = word  # "в Шаньси": no -я noun has -и there, an -ь one is known
    fleeting = _fleeting_vowel(by_ending) if by_ending != word else None
    if fleeting is not None:
        candidates.append(fleeting)  # "из Сокольца" -> "соколец", not "сокольц"
    candidates.append(by_ending)
    if by_ending == word[:-1] + "й" and case == "Loc" and word[-2:-1] in "ауе":
        candidates.append(word[:-1] + "я")  # "в Ушуае": of -ая as often as of -ай
    if by_ending != word and by_ending[-1:] not in _VOWELS and by_ending[-1:] not in "ьй":
        candidates.append(by_ending + "ь")
    candidates.append(word)
    return tuple(candidates)


def _declinable_ending(word: str) -> bool:
    """Whether ``word`` ends in -а/-я after a consonant, as words that decline do (an
    indeclinable foreign name ends so rarely: "Бертуа", "Гоа" after a vowel)."""
    return len(word) > 2 and word[-1] in "ая" and word[-2] not in _VOWELS + "ьъ"


def _adjective_name(word: str, case: str) -> str | None:
    """The nominative singular of a place's name that pymorphy3 reads in ``case`` only as an
    adjective ("северного" -> "северный", "динской" -> "динская"), of its reading's gender,
    a masculine's before a neuter's where the form is both; None for other words."""
    if not _only_adjective(word, case):
        return None
    wanted = _UD_CASES.get(case, set())
    readings = [
        parse
        for parse in resources.word_parses(word)
        if parse.tag.case in wanted and parse.tag.number != "plur"
    ]
    readings.sort(key=lambda parse: parse.tag.gender != "masc")  # stable: masculine first
    for parse in readings:
        form = parse.inflect({"nomn", "sing", parse.tag.gender or "masc"})
        if form is not None:
            return form.word
    return None


# the vowel and "л" before the locative "-ье" of a Spanish feminine in -лья ("Севилья",
# "Кастилья", "Марбелья"), which a Russian neuter in -ье rarely has ("Закарпатье")
_SPANISH_LL = frozenset({"ил", "ел", "ал"})


def _fleeting_vowel(stem: str) -> str | None:
    """A place's nominative with the vowel its case forms drop put back, when the ending rules
    left a consonant and "ц" no Slavic town's name ends in: "сокольц" -> "соколец", "каменц" ->
    "каменец" (the -ец of "Елец", "Елецкий"); None for other words."""
    if len(stem) < 4 or not stem.endswith("ц") or stem[-2] in _VOWELS:
        return None
    return stem[:-2] + ("" if stem[-2] == "ь" else stem[-2]) + "ец"


def _case_of_form(word: str, wanted: set[str]) -> set[str]:
    """The pymorphy3 cases to read ``word`` in: the tagger's (``wanted``), or, when pymorphy3
    knows the word as a noun in no case of those and as a place's name in one case only, that
    case ("Посадом" tagged genitive is an instrumental, "Кстове" tagged accusative a
    locative)."""
    known = [p for p in resources.word_parses(word) if p.is_known and p.tag.POS == "NOUN"]
    if any(parse.tag.case in wanted for parse in known):
        return wanted
    places = [parse for parse in known if "Geox" in parse.tag]
    cases = {parse.tag.case for parse in places}
    if len(cases) == 1 or (places and len({parse.normal_form for parse in places}) == 1):
        # one case, or one place's several oblique cases: "Ясиноватой" tagged a nominative
        return {case for case in cases if case is not None}
    return wanted


@lru_cache(maxsize=30_000)
def tagged_case_of_form(word: str, case: str) -> str:
    """The tagger's ``case`` of a noun, or the one case pymorphy3 knows its form in when that
    is another ("посадом" tagged "Gen" -> "Ins"): see :func:`_case_of_form`."""
    cases = _case_of_form(word, _UD_CASES.get(case, set()))
    if cases and not cases & _UD_CASES.get(case, set()):
        # the likeliest of one place's cases (its nominative is the same in each)
        only = min(cases, key=lambda name: _CASE_ORDER.get(name, len(_CASE_ORDER)))
        return next((ud for ud, set_ in _UD_CASES.items() if only in set_), case)
    return case


# pymorphy3's cases, the likelier first, for a form that may be in several
_CASE_ORDER = {name: rank for rank, name in enumerate("gent loct datv ablt accs".split())}


# a settlement's nominative in -ово/-ево/-ино/-ыно, whose locative ends in -ове/-ине
_SETTLEMENT_ENDINGS = ("ово", "ево", "ёво", "ино", "ыно")


_SETTLEMENT_LOCATIVES = tuple(ending[:-1] + "е" for ending in _SETTLEMENT_ENDINGS)


def _settlement_in_o(word: str, case: str) -> str | None:
    """The nominative in -о of an unknown settlement's locative in -ове/-еве/-ине/-ыне ("в
    Кстове" -> "кстово"): the locative is the same for a town in -ов/-ин, but the towns in
    -ов/-ин of some size are few and known to pymorphy3 and the gazetteer, while villages and
    suburbs in -ово/-ино are many, so an unknown one most likely ends in -о."""
    # the tagger reads such a word after "в" as an accusative too, which no noun ends in -е;
    # "-щине" is a region's in -щина ("на Смоленщине"), as few villages end in -щино
    if case in ("Loc", "Acc") and word.endswith("щине"):
        return word[:-1] + "а"
    if case in ("Loc", "Acc") and word.endswith(_SETTLEMENT_LOCATIVES):
        return word[:-1] + "о"
    return None


# a neuter region's ending in -ье by case ("Приамурья", "Приамурью", "Приамурьем"): a
# feminine in -ья has -ьи, -ье, -ьей there, a masculine in -ь -я, -ю, -ем after a consonant
_NEUTER_YE = {"Gen": "ья", "Dat": "ью", "Ins": "ьем"}


def _neuter_in_ye(word: str, case: str) -> str | None:
    """The nominative in -ье of an unknown neuter place's ``case`` form, or None."""
    ending = _NEUTER_YE.get(case)
    if ending is None or not word.endswith(ending) or len(word) < len(ending) + 3:
        return None
    return word[: -len(ending)] + "ье"


# the plural endings of a case no singular form has: (ending, nominative plural after a
# hushing or back consonant, nominative plural otherwise)
_PLURAL_ENDINGS = {
    "Loc": (("ях", "и", "и"), ("ах", "и", "ы")),
    "Dat": (("ям", "и", "и"), ("ам", "и", "ы")),
    "Ins": (("ями", "и", "и"), ("ами", "и", "ы")),
}


def _plural_by_ending(word: str, case: str) -> str | None:
    """The nominative plural of a place's name pymorphy3 does not know, written with an ending
    only plurals have in ``case`` ("в Васюках" -> "васюки", "Пескарям" -> "пескари"), or None."""
    for ending, after_back, other in _PLURAL_ENDINGS.get(case, ()):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1] not in _VOWELS:
            return stem + (after_back if stem[-1] in "гкхжшчщ" else other)
    return None


@lru_cache(maxsize=100_000)
def _noun_adjective_place(word: str, case: str) -> str | None:
    """The nominative of a two-part place name of a noun and an adjective agreeing with it,
    both declined ("каменске-уральском" -> "каменск-уральский"), when pymorphy3 does not know
    the whole word but reads the second part, in ``case``, only as an adjective, or as an
    adjective among other readings and the gazetteer knows the name so declined."""
    first, _, second = word.partition("-")
    if not first or not second or "-" in second:
        return None
    only = _only_adjective(second, case)
    wanted = _UD_CASES.get(case, set())
    if not only and not any(
        parse.tag.POS == "ADJF" and parse.tag.case in wanted
        for parse in resources.word_parses(second)
    ):
        return None
    names = []
    for noun in _place_candidates(first, case, "Masc", "Sing"):
        gender = next(
            (
                parse.tag.gender
                for parse in resources.word_parses(noun)
                if parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.gender
            ),
            "masc",
        )
        names.append(f"{noun}-{_adjective_nominative(second, case, gender)}")
    gazetteer = default_gazetteer()
    known = next((name for name in names if gazetteer.knows(name)), None)
    if known is not None or not only:
        # a second part read as a surname too ("залесском") declines only as the gazetteer says
        return known
    return names[0] if names else None


@lru_cache(maxsize=100_000)
def _known_place(word: str, case: str) -> str | None:
    """The nominative of a word pymorphy3 knows as a place's name in ``case`` as a whole
    ("ростове-на-дону" -> "ростов-на-дону", "петропавловске-камчатском" ->
    "петропавловск-камчатский"), or None."""
    wanted = _UD_CASES.get(case, set())
    for parse in resources.word_parses(word):
        if parse.is_known and "Geox" in parse.tag and parse.tag.case in wanted:
            form = parse.inflect({"nomn", parse.tag.number or "sing"})
            if form is not None:
                return form.word
    return None


def _governs_genitive(first: Token, second: Token) -> bool:
    """Whether ``second`` is a genitive depending on ``first`` ("Совета Европы").

    True when ``second`` is tagged genitive and pymorphy3 knows ``first`` as a noun in its own
    tagged case, so that ``first`` is declined, not an undeclined part of a compound name
    ("Сан Луиса": "сан" has no genitive form "сан").
    """
    if token_tag(second)[1] != "Gen":
        return False
    known = [parse for parse in resources.word_parses(second.text.lower()) if parse.is_known]
    if known and not any(parse.tag.case == "gent" for parse in known):
        return False  # "Сергиевым Посадом": a form with no genitive reading
    wanted = _UD_CASES.get(token_tag(first)[1], set())
    return any(
        parse.is_known and parse.tag.POS == "NOUN" and parse.tag.case in wanted
        for parse in resources.morph_analyzer().parse(first.text.lower())
    )


def _adjective_like(token: Token) -> bool:
    """A capitalized word the tagger calls a proper noun or a verb that pymorphy3 reads, in the
    tagger's case, only as an adjective or a participle ("Соединённых" of "Соединённых
    Штатов", "Соединёнными" of "Соединёнными штатами")."""
    if token.pos_ not in ("PROPN", "VERB") or not token.text[:1].isupper():
        return False
    return _only_adjective(token.text.lower(), token_tag(token)[1])


@lru_cache(maxsize=10_000)
def _only_adjective(word: str, case: str) -> bool:
    wanted = _UD_CASES.get(case, set())
    parses = [parse for parse in resources.word_parses(word) if parse.tag.case in wanted]
    return bool(parses) and all(
        parse.is_known and parse.tag.POS in ("ADJF", "PRTF") for parse in parses
    )


@lru_cache(maxsize=10_000)
def _singular_noun(word: str, case: str) -> tuple[str, str] | None:
    """The nominative singular of a plural common noun in ``case``, with its gender."""
    wanted = _UD_CASES.get(case, set())
    for parse in resources.word_parses(word):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.number == "plur" and tag.case in wanted:
            form = parse.inflect({"nomn", "sing"})
            if form is not None and form.tag.gender:
                return form.word, form.tag.gender
    return None


# a first part of a compound adjective declined by the writer ("азиатского-тихоокеанского")
# is the compound's stem in -о ("азиатско-тихоокеанский")
_COMPOUND_STEM = re.compile(r"(?<=[а-яё])([сц]к)(?:ого|ому|ой|ом|им|ая|ую|ие|их|ими)(?=-|$)")


@lru_cache(maxsize=10_000)
def _adjective_nominative(word: str, case: str, gender: str) -> str:
    """The nominative singular of an adjective of pymorphy3's ``gender`` ("курской" -> "курская");
    of a hyphenated one, its last part ("ханты-мансийском" -> "ханты-мансийский"), a first
    part the writer declined too in its stem form ("азиатского-тихоокеанском" ->
    "азиатско-тихоокеанский")."""
    prefix, _, last = word.rpartition("-")
    prefix = _COMPOUND_STEM.sub(r"\1о", prefix)
    wanted = _UD_CASES.get(case, set())
    for parse in resources.word_parses(last):
        if parse.tag.POS == "ADJF" and (not wanted or parse.tag.case in wanted):
            form = parse.inflect({"nomn", "sing", gender})
            if form is not None:
                return f"{prefix}-{form.word}" if prefix else form.word
    return word


# nouns of a town or a natural place whose name in apposition agrees with them as a
# settlement's does ("на реке Оке", "в реке Белой", "в райцентре Ольховке")
TOWN_NOUNS = frozenset("город райцентр наукоград моногород".split())
APPOSITION_NOUNS = (
    SETTLEMENT_NOUNS
    | TOWN_NOUNS
    | frozenset("река озеро остров полуостров гора залив пролив водохранилище".split())
)

# the adjective that makes "пункт" a settlement's noun ("населённого пункта Каменка")
_POPULATED = ("населённ", "населенн")


def apposition_noun(doc: Doc, i: int) -> str | None:
    """The lemma of the lowercase noun ``doc[i]`` that a place's name follows in apposition
    (:data:`APPOSITION_NOUNS`, and "пункт" after "населённый": "в районе населённого пункта
    Каменка", "над населённым пунктом Заречное"), or None."""
    if i < 0:
        return None
    noun = doc[i]
    if not noun.is_lower:
        return None
    lemma = noun.lemma_
    if lemma in APPOSITION_NOUNS:
        return lemma
    if lemma == "пункт" and i and doc[i - 1].lower_.startswith(_POPULATED):
        return lemma
    return None


# their abbreviations, written with a dot ("с. Покровское", "ст. Каневской", "д. Мшанке")
SETTLEMENT_ABBREVIATIONS = {
    "с": "село",
    "д": "деревня",
    "дер": "деревня",
    "п": "посёлок",
    "пос": "посёлок",
    "ст": "станица",
    "х": "хутор",
    "мкр": "микрорайон",
}

# abbreviations of the nouns of a region or a district after its adjective ("Тульской обл.",
# "Краснодарском кр.", "Ленинском р-не"), by their full noun
REGION_ABBREVIATIONS = {
    "обл": "область",
    "кр": "край",
    "респ": "республика",
    "р-н": "район",
    "р-на": "район",
    "р-не": "район",
    "р-ну": "район",
    "р-ном": "район",
    # a peninsula's and an island's ("на Кольском п-ове", "Русского о-ва")
    **dict.fromkeys("п-ов п-ова п-ове п-ову п-овом".split(), "полуостров"),
    **dict.fromkeys("о-в о-ва о-ве о-ву о-вом".split(), "остров"),
}

# the cases a preposition governs, the likelier first (what an abbreviated noun's case is)
PREPOSITION_CASES = {
    "в": ("Loc", "Acc"),
    "во": ("Loc", "Acc"),
    "на": ("Loc", "Acc"),
    "о": ("Loc",),
    "об": ("Loc",),
    "при": ("Loc",),
    "из": ("Gen",),
    "у": ("Gen",),
    "до": ("Gen",),
    "от": ("Gen",),
    "возле": ("Gen",),
    "около": ("Gen",),
    "близ": ("Gen",),
    "вблизи": ("Gen",),
    "для": ("Gen",),
    "к": ("Dat",),
    "по": ("Dat",),
    "под": ("Ins", "Acc"),
    "за": ("Ins", "Acc"),
    "над": ("Ins",),
    "с": ("Ins", "Gen"),
    "между": ("Ins",),
}


@lru_cache(maxsize=30_000)
def apposition_name(word: str, case: str, gender: str) -> str | None:
    """The nominative of a one-word name after a noun of a settlement in ``case`` and of
    ``gender`` (pymorphy3's "masc", "femn", "neut"), lowercase, or None when the name is in
    none of its readings in that case.

    A name in apposition either agrees with its noun ("в станице Каневской" -> "каневская",
    "в деревне Крутояровке" -> "крутояровка", "на хуторе Весёлом" -> "весёлый") or stays in
    the nominative whatever the noun's case ("в селе Ольховка", "у села Заречное", "у деревни
    Горки": as written). An adjective agreeing in case and gender is read first ("Динской"
    after "станицы", not the masculine nominative); then a nominative pymorphy3 knows (or an
    adjective's), singular or a place's plural ("Горки"); then a noun's reading in the case,
    guesses included, by its own gender ("деревни Мшанки" -> "мшанка", not a plural).
    """
    wanted = _UD_CASES.get(case, set())
    parses = resources.word_parses(word)
    if case == "Nom":  # as written, if it may be a nominative ("город Германии" is no name)
        return word if any(parse.tag.case == "nomn" for parse in parses) else None
    if not wanted:
        return None
    for parse in parses:
        tag = parse.tag
        if tag.POS == "ADJF" and tag.case in wanted and tag.gender in (gender, None):
            form = parse.inflect({"nomn", "sing", gender})
            if form is not None:
                return form.word
    if any(
        parse.tag.case == "nomn"
        and (parse.is_known or parse.tag.POS == "ADJF")
        and (parse.tag.number != "plur" or "Geox" in parse.tag)
        for parse in parses
    ):
        return word  # a plural common noun is read in the case first: "д. Мшанки", not "Горки"
    nouns = [parse for parse in parses if parse.tag.POS == "NOUN" and parse.tag.case in wanted]
    if not nouns:
        if any(
            parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.number == "sing"
            for parse in parses
        ):
            return word  # an unknown name guessed only as a nominative: "пункта Каменковка"
        return None
    own = next((parse.tag.gender for parse in nouns if parse.tag.gender), None)
    ud_gender = next((ud for ud, pm in _GENDER.items() if pm == own), "")
    return place_word(word, case, ud_gender, "Sing")


@lru_cache(maxsize=1_000)
def noun_gender(lemma: str) -> str:
    """pymorphy3's gender of a common noun's nominative singular ``lemma`` ("masc" when it
    names none): the tagger's gender of a noun in an oblique case may be off ("посёлке")."""
    for parse in resources.word_parses(lemma):
        tag = parse.tag
        if tag.POS == "NOUN" and tag.case == "nomn" and tag.number == "sing" and tag.gender:
            return str(tag.gender)
    return "masc"


def noun_cases(word: str, tagged: str) -> list[str]:
    """The UD cases of a singular common noun's form, the tagger's ``tagged`` one first when
    pymorphy3 reads the form so ("станицы" tagged a nominative plural is a genitive too); a
    plural's when the form is no singular ("на реках Оби и Томи": the locative)."""
    cases: list[str] = []
    parses = [parse for parse in resources.word_parses(word) if parse.tag.POS == "NOUN"]
    for number in ("sing", "plur"):  # a plural's cases when no singular reads so: "на реках"
        for parse in parses:
            if parse.tag.number != number:
                continue
            ud = next((ud for ud, set_ in _UD_CASES.items() if parse.tag.case in set_), None)
            if ud is not None and ud not in cases:
                cases.append(ud)
        if cases:
            break
    if tagged in cases:
        cases.remove(tagged)
        cases.insert(0, tagged)
    return cases


# first parts of compound foreign names that tell the gender of the name after them: a saint's
# title or an article ("Санта-Марта", "Сан-Себастьян", "Эль-Аюн")
_GENDER_OF_FIRST_PART = {"санта": "Fem", "сан": "Masc", "санто": "Masc", "эль": "Masc"}


def gendered_last_part(first: str, last: str, case: str, number: str) -> str | None:
    """The nominative of a compound place name's last part ``last`` when its first part
    ``first`` tells its gender (:data:`_GENDER_OF_FIRST_PART`): the first of the place's
    candidates of that gender, a feminine's in -а/-я, a masculine's in a consonant ("марте"
    after "Санта" -> "марта", not the month; "аюне" after "Эль" -> "аюн", not a woman's name);
    None when the first part tells nothing or no candidate fits."""
    gender = _GENDER_OF_FIRST_PART.get(first)
    if gender is None or case in ("", "Nom"):
        return None
    for candidate in _place_candidates(last, case, gender, number or "Sing"):
        if (candidate[-1:] in "ая") == (gender == "Fem") and candidate[-1:] not in "ыи":
            return candidate
    return None
