"""The words the percentage rules know: triggers, words of change, comparatives, copulas,
approximation words, prepositions, time words, measure nouns and the reach of each look back.
"""

from __future__ import annotations

import re
from typing import Literal, cast

from .._numerals import WORDS
from ..lexicons import approximations, lexicon_words, month_stems, months

# Words that trigger parsing a sentence: the syntax stage parses only those (see pipeline).
# "процент" covers "процентов", "процентного пункта", "процентная".
TRIGGERS = ("%", "процент", "пп")

# ... and those with one of these inside a token: "10-процентный", "пятипроцентная"
INNER_TRIGGERS = ("процентн",)

UP = lexicon_words("change_up")
# words of change that compare with a base, their object: "превышает итог прошлого года на 9 %"
EXCEED = frozenset("превысить превышать превышение опередить опережать".split())

DOWN = lexicon_words("change_down")

CHANGE = UP | DOWN

# comparatives that make "на 5 % дешевле" a change
COMPARATIVE_UP = frozenset("дороже больше выше длиннее быстрее".split())

COMPARATIVE_DOWN = frozenset("дешевле меньше ниже короче медленнее".split())

# either (made once: the rules test words against both at every word of a sentence)
ANY_COMPARATIVE = COMPARATIVE_UP | COMPARATIVE_DOWN
# comparatives whose genitive is always the base ("ниже допустимого порога на 8 %"), unlike
# "больше"/"меньше" ("на 8 % больше зрителей")
DEGREE = frozenset("дороже выше длиннее быстрее дешевле ниже короче медленнее".split())
# nouns of the pace of a change: "темпы роста не ниже 2 %"
RATES = frozenset({"темп", "темпы", "скорость"})
# nouns that name the base of a comparison: "на 4 % меньше показателей марта"
BASE_NOUNS = frozenset(
    "показатель уровень результат значение норма норматив план прогноз порог ожидание".split()
)

# verbs that give a level its value ("доля составила 10 %")
COPULAS = frozenset("составить составлять быть являться достигнуть достичь достигать".split())

Unit = Literal["percent", "percentage_point"]

Approx = Literal["exact", "about", "more_than", "less_than", "up_to"]

Kind = Literal["change", "level"]

Direction = Literal["up", "down", "none"]

# "около 5 %", "не более 5 %" (the one approximation table of every fact)
_APPROX_BEFORE = cast(dict[str, Approx], approximations()[0])

_APPROX_AFTER_NOT = cast(dict[str, Approx], approximations()[1])

# words of degree before a word of approximation: "чуть больше", "немного меньше", "слегка выше"
_DEGREE_BEFORE_APPROX = frozenset(
    "чуть немного немногим незначительно слегка несколько намного значительно гораздо".split()
)

# words that may stand between a preposition and its number: "на почти 40 %", "более чем на"
_SKIPPABLE = (
    (frozenset(_APPROX_BEFORE) - {"до"})
    | _DEGREE_BEFORE_APPROX
    | frozenset({"чем", "не", "ещё", "еще", "уже", "лишь", "только"})  # "в мае – только 27 %"
)

_PREPOSITIONS = frozenset("на до с со от в под за к против после".split())

# "4,1 % против 4,6 % годом ранее": a figure given as the base of the one before
_BASES = frozenset({"против", "после"})

_NUMERAL_LEMMAS = frozenset(WORDS)

_QUOTES = frozenset('«»"„“”')

_LIST_GLUE = frozenset({",", "и", "или", "а", "также"})

# periods: "по итогам 2024 года", "за январь–октябрь", "в третьем квартале", "к осени"
_TIME_LEMMAS = frozenset(
    """
    год квартал полугодие месяц неделя период сезон десятилетие пятилетка
    весна лето осень зима
    """.split()
) | {month.lemma for month in months()}

_MONTH_RANGE = re.compile(rf"^({month_stems()})\w*[-–—]", re.IGNORECASE)

_YEAR = re.compile(r"^(1[89]|20)\d\d$")

_PERIOD_PREPOSITIONS = frozenset("в во за по к с со на до".split())

_COMPARISON = frozenset({"сравнению", "сравнении", "чем", "против"})

_RESULT_NOUNS = frozenset({"итогам", "итогах", "результатам", "конце", "течение", "начале"})

_CLAUSE_BREAKS = frozenset({";", "а", "но", "что", "который"})

# how far back a rule over word order looks for a noun (keeps the cost linear in the sentence)
_REACH = 40

# how far after a verb its subject may stand ("на 12 % выросли за год продажи ...")
_AFTER_REACH = 12

_DASH_MARKS = frozenset("—–-:")

_PHRASE_BOUNDS = frozenset(",;:()—–-.!?") | {"а", "и", "но", "или"}

# words of quantity that put the subject of a clause in the genitive ("более половины")
_QUANTIFIERS = frozenset("более менее свыше около порядка больше меньше".split())

# "21 % годовых": the genitive names the period of a rate, not what it measures
_RATE_PERIODS = frozenset({"годовой", "годовые", "месячный"})

# nouns that only size another: "скидка в размере 15 %", "ставка на уровне 21 %"
MEASURES = frozenset(
    (
        "размер уровень отметка величина значение предел пределы диапазон планка объём объем район"
    ).split()
)

# prepositions whose noun holds a figure itself ("компания с долей 18 %", "кредит под ставку
# на уровне 9 %"), not a modifier of the noun before it ("ставка по вкладам", "налог на прибыль")
_HOLDING = frozenset({"с", "со", "при", "под"})

_PHRASE_DROP = frozenset(
    "conj cc punct parataxis acl:relcl advcl appos orphan dep nsubj obl".split()
)

# nouns of a part whose genitive is what is counted: "треть опрошенных", "половина жителей"
# ("доля" is not one: "доля рынка" is itself what a share measures)
FRACTIONS = frozenset("треть четверть половина часть большинство меньшинство".split())

_PERSONAL = frozenset({"он", "она", "оно", "они", "который"})

# legal forms before a company's quoted name: "ЗАО «Вектор» (32 %)" is about «Вектор»
LEGAL_FORMS = frozenset("зао оао ооо пао ао нао ип гуп муп фгуп ано нко ltd llc inc".split())
# verbs of losing: "потерял 30 % поддержки" is a fall of what the share's genitive measures
LOSING = frozenset("потерять терять лишиться лишаться".split())
# verbs of owning a share: "принадлежит городу на 60 %"
OWNING = frozenset("принадлежать владеть контролировать".split())
# currency words: "52 млрд рублей" measures something else ("доходы", "господдержки")
CURRENCY_WORDS = frozenset("рубль доллар евро юань фунт иена франк".split())
# units of measure: "2,4 млн тонн", "40 тыс. литров" measure something else like money does
MEASURE_UNITS = lexicon_words("measure_units")
_MULTIPLIERS = frozenset("тыс тысяча млн миллион млрд миллиард трлн триллион".split())
