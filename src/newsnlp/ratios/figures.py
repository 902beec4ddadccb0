"""Finding the ratios of a sentence: factors ("в 2,5 раза", "в полтора раза", "вдвое", "в
несколько раз", "в разы", "двукратный", "многократно"), fractions of a base ("на треть",
"наполовину", "на две трети") and shares as fractions ("треть опрошенных", "половина
россиян", "каждый пятый", "пятая часть"), before their context is read.

Each is a :class:`~newsnlp.percentages.reading.Figure` (the percentages' record of a quantity:
its tokens, the token the parse attaches it by, value, low, high) with the ratio's unit beside
it, so that the percentages' reading reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from .._numerals import COMPOUND_PREFIXES, DASHES, digits, words_value
from ..percentages.reading import Approx, Figure

RatioUnit = Literal["times", "fraction"]

TIMES_WORDS = frozenset({"раз", "раза", "разы"})
# "вдвое" ... "вдесятеро": the factor
MULTIPLIED: dict[str, float] = {
    "вдвое": 2,
    "втрое": 3,
    "вчетверо": 4,
    "впятеро": 5,
    "вшестеро": 6,
    "всемеро": 7,
    "ввосьмеро": 8,
    "вдевятеро": 9,
    "вдесятеро": 10,
}
# fractions by the noun's lowercased form: "треть", "четверти", "половину"
FRACTION_NOUNS: dict[str, float] = {
    **dict.fromkeys("треть трети третью третей третям третями третях".split(), 1 / 3),
    **dict.fromkeys("четверть четверти четвертью четвертей четвертям".split(), 0.25),
    **dict.fromkeys("половина половины половине половину половиной".split(), 0.5),
}
# ordinals by lemma: "каждый пятый" (1/5), "пятая часть" (1/5)
ORDINALS: dict[str, int] = {
    "второй": 2,
    "третий": 3,
    "четвёртый": 4,
    "четвертый": 4,
    "пятый": 5,
    "шестой": 6,
    "седьмой": 7,
    "восьмой": 8,
    "девятый": 9,
    "десятый": 10,
    "двадцатый": 20,
    "сотый": 100,
}
_HALVED = "наполовину"
# "двукратный", "трёхкратное", "10-кратный", "многократно", "кратно"
_MULTIPLE = re.compile(
    r"^(?:(\d+(?:[.,]\d+)?)-?|(дву|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|"
    r"девяти|десяти|полутора|сто|много))?кратн(?:ый|ая|ое|ые|ого|ой|ому|ым|ом|ую|ых|ыми|о)$"
)
# the first part of "двукратный", "полуторакратный": the numerals' compound prefixes and two more
_MULTIPLE_PREFIXES = {**COMPOUND_PREFIXES, "дву": 2, "полутора": 1.5}
_VAGUE = frozenset(
    "несколько нескольких десятки десятков сотни сотен тысячи тысяч разы".split()
)  # "в несколько раз", "в десятки раз", "в разы": a factor with no value
# what a half, third or quarter of is not a share: a time ("половина срока", "четверть
# века"), an amount's multiplier ("четверть миллиарда"), a point ("четверть процентного пункта")
_NOT_SHARED = frozenset(
    "год век столетие час месяц день неделя срок сезон минута квартал тайм период матч "
    "тысяча миллион миллиард триллион процент пункт понедельник вторник среда четверг "
    "пятница суббота воскресенье воскресение раз".split()
)
_HOURS = frozenset(ORDINALS) | frozenset(
    "первый одиннадцатый двенадцатый седьмого восьмого девятого".split()
)
_HALF_ORDINALS = frozenset("первый второй последний вторая первая".split())
# words that count how often something happened: "два раза в неделю", "третий раз"
_FREQUENCY_AFTER = frozenset("в за подряд".split())
# verbs that state a factor as a value: "рост составил 1,8 раза", "разница достигает десяти раз"
_STATING = frozenset("составить составлять достигнуть достичь достигать".split())
_APPROX_AFTER = {"с лишним": "more_than", "с небольшим": "more_than"}


@dataclass(frozen=True)
class RatioFigure:
    """One ratio found in a sentence: the figure the reading reads, and its unit."""

    figure: Figure
    unit: RatioUnit
    multiple: bool = False  # "-кратный", "многократно": a ratio only beside a word of change


def _words(sent: Span) -> list[Token]:
    return [token for token in sent if not token.is_space]


def _number(words: list[Token], j: int) -> tuple[int, float | None, float | None, float | None]:
    """(first index, value, low, high) of the number ending at ``words[j]``, else (-1, ...)."""
    number = digits(words[j].text)
    if number is not None:
        value, low, high = number
        if value is not None and j >= 2 and words[j - 1].text in DASHES:
            first = digits(words[j - 2].text)
            if first is not None and first[0] is not None:
                return j - 2, None, first[0], value  # "2 - 3 раза"
        return j, value, low, high
    lower = words[j].lower_
    if lower in _VAGUE:
        return j, None, None, None
    parts = re.split(r"[-‐‑–—]", lower)
    if len(parts) == 2 and all(parts):  # "пять-шесть раз"
        low_high = [words_value([part]) for part in parts]
        if low_high[0] is None:
            low_high = [_lemma_value(part) for part in parts]
        if None not in low_high:
            return j, None, low_high[0], low_high[1]
    start = j
    while start >= 0 and _lemma_value(words[start].lemma_) is not None:
        start -= 1
    start += 1
    if start <= j:
        value = words_value([word.lemma_ for word in words[start : j + 1]])
        if value is not None:
            return start, value, None, None
    return -1, None, None, None


def _lemma_value(lemma: str) -> float | None:
    return words_value([lemma])


def _times(words: list[Token], i: int) -> RatioFigure | None:
    """ "в 2,5 раза", "в полтора раза", "в два с лишним раза", "в несколько раз", "в разы",
    "составил 1,8 раза"; not "два раза в неделю", "в третий раз", "ни разу"."""
    word = words[i]
    if word.lower_ == "разы":
        if i >= 1 and words[i - 1].lower_ in ("в", "во"):
            return RatioFigure(Figure(word, word, word, None, None, None), "times")
        return None
    j = i - 1
    approx: Approx | None = None
    if j >= 1 and words[j - 1].lower_ == "с" and f"с {words[j].lower_}" in _APPROX_AFTER:
        approx, j = "more_than", j - 2
    if j < 0:
        return None
    first, value, low, high = _number(words, j)
    if first < 0:
        return None
    before = words[first - 1].lower_ if first >= 1 else ""
    after = words[i + 1].lower_ if i + 1 < len(words) else ""
    if after == "в" and _counts_time(words, i):
        return None  # "два раза в неделю"
    if after in _FREQUENCY_AFTER and before not in ("в", "во"):
        return None  # "три раза подряд", "пять раз за сезон"
    listed = before in (",", "и") or words[first - 1].text.endswith(",")
    if listed and _list_before(words, first):
        before = "в"  # "в 9, 12 и 14 раз"
    if before not in ("в", "во") and not _stated(words, first):
        return None  # "пять раз становился чемпионом": a count of times
    figure = Figure(words[first], word, word, value, low, high, approx=approx)
    return RatioFigure(figure, "times")


def _counts_time(words: list[Token], i: int) -> bool:
    """ "раз в неделю", "раза в год": how often, not a factor."""
    following = words[i + 2] if i + 2 < len(words) else None
    return following is not None and following.lemma_ in ("год", "неделя", "день", "месяц", "сутки")


def _stated(words: list[Token], first: int) -> bool:
    """Whether a factor without "в" is stated as the value of a change: "рост составил свыше
    двух раз", "в целом по региону - 1,8 раза"."""
    k = first - 1
    while k >= 0 and words[k].lower_ in (
        "свыше",
        "более",
        "почти",
        "около",
        "примерно",
        "чем",
        "до",
    ):
        k -= 1
    if k < 0:
        return False
    return words[k].lemma_ in _STATING or words[k].text in DASHES


def _fraction(words: list[Token], i: int) -> RatioFigure | None:
    """ "треть", "две трети", "трёх четвертей", "половина"; not "первая половина года",
    "четверть века", "четверть миллиарда"."""
    word = words[i]
    value = FRACTION_NOUNS[word.lower_]
    first = i
    if value != 0.5 and i >= 1:
        count = words_value([words[i - 1].lemma_])
        if count is not None and count in (2, 3) and count * value < 1:
            first, value = i - 1, count * value  # "две трети", "три четверти"
    if i >= 1 and words[i - 1].lemma_ in _HALF_ORDINALS:
        return None  # "в первой половине года", "последняя четверть"
    following = words[i + 1] if i + 1 < len(words) else None
    if following is not None and following.lemma_ in _NOT_SHARED:
        return None
    if following is not None and (following.lemma_ in _HOURS or following.like_num):
        return None  # "в половине девятого", "половина второго": a time of day
    if following is not None and following.pos_ == "ADJ" and i + 2 < len(words):
        if words[i + 2].lemma_ in _NOT_SHARED:
            return None  # "четверть процентного пункта"
    figure = Figure(words[first], word, word, round(value, 3), None, None)
    return RatioFigure(figure, "fraction")


def _every(words: list[Token], i: int) -> RatioFigure | None:
    """ "каждый пятый россиянин", "каждого третьего": one in N."""
    if i + 1 >= len(words) or words[i].lemma_ != "каждый":
        return None
    number = ORDINALS.get(words[i + 1].lemma_)
    if number is None:
        return None
    following = words[i + 2] if i + 2 < len(words) else None
    if following is not None and following.lemma_ in _NOT_SHARED:
        return None  # "каждый второй день"
    word = words[i + 1]
    figure = Figure(words[i], word, word, round(1 / number, 3), None, None)
    return RatioFigure(figure, "fraction")


def _part(words: list[Token], i: int) -> RatioFigure | None:
    """ "пятая часть населения": one in N."""
    number = ORDINALS.get(words[i].lemma_)
    if number is None or number == 2 or i + 1 >= len(words) or words[i + 1].lemma_ != "часть":
        return None  # "вторая часть фильма" is a sequel; a half is "половина"
    if i >= 1 and words[i - 1].lemma_ == "каждый":
        return None
    figure = Figure(words[i], words[i + 1], words[i + 1], round(1 / number, 3), None, None)
    return RatioFigure(figure, "fraction")


def _multiple(words: list[Token], i: int) -> RatioFigure | None:
    """ "двукратный рост", "в 10-кратном размере", "многократно вырастут", "кратно возросла"."""
    match = _MULTIPLE.match(words[i].lower_)
    if match is None:
        return None
    number, prefix = match.groups()
    value: float | None = None
    if number is not None:
        value = float(number.replace(",", "."))
    elif prefix is not None and prefix != "много":
        value = float(_MULTIPLE_PREFIXES[prefix])
    word = words[i]
    return RatioFigure(Figure(word, word, word, value, None, None), "times", multiple=True)


def find_ratios(sent: Span) -> list[RatioFigure]:
    """Every ratio expression of a sentence, in order, none overlapping."""
    words = _words(sent)
    found: list[RatioFigure] = []
    last = -1
    for i, word in enumerate(words):
        lower = word.lower_
        ratio: RatioFigure | None = None
        if lower in TIMES_WORDS:
            ratio = _times(words, i)
            if ratio is not None:
                found.extend(_listed(words, ratio, last))
        elif lower in MULTIPLIED:
            ratio = RatioFigure(Figure(word, word, word, MULTIPLIED[lower], None, None), "times")
        elif lower == _HALVED:
            ratio = RatioFigure(Figure(word, word, word, 0.5, None, None), "fraction")
        elif lower in FRACTION_NOUNS:
            ratio = _fraction(words, i)
        elif word.lemma_ == "каждый":
            ratio = _every(words, i)
        elif word.lemma_ in ORDINALS:
            ratio = _part(words, i)
        elif "кратн" in lower:
            ratio = _multiple(words, i)
        if ratio is None or ratio.figure.first.i <= last:
            continue
        found.append(ratio)
        last = ratio.figure.last.i
    return found


def _list_before(words: list[Token], first: int) -> list[int]:
    """Indexes of the numbers listed before ``words[first]`` ("9," and "12" in "в 9, 12 и 14
    раз"), nearest last; empty unless the list follows "в"."""
    listed: list[int] = []
    k = first - 1
    while k >= 0:
        text = words[k].text
        if text in (",", "и") and k >= 1 and digits(words[k - 1].text.rstrip(",")) is not None:
            k -= 1
        elif text.endswith(",") and digits(text.rstrip(",")) is not None:
            pass
        else:
            break
        listed.insert(0, k)
        k -= 1
    return listed if listed and k >= 0 and words[k].lower_ in ("в", "во") else []


def _listed(words: list[Token], ratio: RatioFigure, last: int) -> list[RatioFigure]:
    """ "в 9, 12 и 14 раз": the numbers listed before the last one are factors too."""
    index = {word.i: n for n, word in enumerate(words)}
    found: list[RatioFigure] = []
    for k in _list_before(words, index[ratio.figure.first.i]):
        word = words[k]
        number = digits(word.text.rstrip(","))
        if number is None or word.i <= last:
            continue
        value, low, high = number
        # the token keeps its comma ("9,"): the figure is the number itself
        figure = Figure(word, word, ratio.figure.anchor, value, low, high)
        found.append(RatioFigure(figure, "times"))
    return found
