"""Extract facts: amounts of money, as typed facts.

An amount is a number with a currency: "1200 рублей", "5,3 млн руб.", "$2,9 млрд", "100 ₽",
"28 млрд долларов США", "667 млн кипрских фунтов", "полмиллиона евро", "четверть миллиарда
долларов", "десяти миллиардов долларов", "более триллиона долларов"; ranges "7–9 тыс.
долларов", "от 100 до 200 млн долларов"; "с 114 до 81,5 млрд долларов" gives two amounts, the
first taking the multiplier and currency of the second.

The scan looks only at tokens that name a currency (a word, an abbreviation, a sign or an ISO
code), and reads the number to their left (or right, after a sign: "$70 млн"). The currency is
an ISO 4217 code: from the currency word and its qualifier ("шведских крон" SEK, "долларов
США" USD, "фунтов стерлингов" GBP), or, for a bare word the article qualified before
("кипрских фунтов ... 111 млн фунтов"), the code it had there.

``approx``, ``kind``, ``direction``, ``predicate`` and ``subject`` are read by the percentage
reader (:func:`newsnlp.percentages.reading.read`): "подорожает до 100 рублей" is a level of 100 RUB
whose subject is what went up. Money decides itself only where the reading cannot: the subject
of an amount whose reading took its own currency word for it, or of a sentence without a parse
(:data:`SUBJECTS`, tried in order). :func:`explain` names the rules that read each amount.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import or_

from spacy.tokens import Doc, Span, Token

from ._batch import DocComponent
from ._numerals import DASHES, WORDS, to_float, words_value
from .dates import TokenArrays, TokenReader
from .extensions import set_facts
from .percentages.reading import (
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    Figure,
    Reading,
    read,
    subject_phrase,
    verb_subject,
)
from .schema import Money

# the currency nouns (lemmas) and the code a bare one means; None: the qualifier must say
CURRENCIES: dict[str, str | None] = {
    "рубль": "RUB",
    "доллар": "USD",
    "евро": "EUR",
    "юань": "CNY",
    "жэньминьби": "CNY",
    "иена": "JPY",
    "йена": "JPY",
    "фунт": "GBP",
    "франк": "CHF",
    "гривна": "UAH",
    "гривня": "UAH",
    "тенге": "KZT",
    "рупия": "INR",
    "лира": "TRY",
    "вона": "KRW",
    "злотый": "PLN",
    "лари": "GEL",
    "драм": "AMD",
    "манат": "AZN",
    "шекель": "ILS",
    "дирхам": "AED",
    "риал": "IRR",
    "риял": "SAR",
    "реал": "BRL",
    "рэнд": "ZAR",
    "форинт": "HUF",
    "бат": "THB",
    "ринггит": "MYR",
    "донг": "VND",
    "сомони": "TJS",
    "крона": None,
    "песо": None,
    "динар": None,
    "сом": "KGS",
    # cryptocurrencies have no ISO 4217 code: the ticker every exchange quotes them by
    "биткоин": "BTC",
    "биткойн": "BTC",
    "эфириум": "ETH",
}
# a qualifier (adjective lemma or the word after) and the currency it makes: "шведских крон"
QUALIFIED: dict[tuple[str, str], str] = {
    ("американский", "доллар"): "USD",
    ("сша", "доллар"): "USD",
    ("канадский", "доллар"): "CAD",
    ("австралийский", "доллар"): "AUD",
    ("новозеландский", "доллар"): "NZD",
    ("гонконгский", "доллар"): "HKD",
    ("сингапурский", "доллар"): "SGD",
    ("тайваньский", "доллар"): "TWD",
    ("зимбабвийский", "доллар"): "ZWL",
    ("шведский", "крона"): "SEK",
    ("норвежский", "крона"): "NOK",
    ("датский", "крона"): "DKK",
    ("чешский", "крона"): "CZK",
    ("исландский", "крона"): "ISK",
    ("эстонский", "крона"): "EEK",
    ("словацкий", "крона"): "SKK",
    ("британский", "фунт"): "GBP",
    ("английский", "фунт"): "GBP",
    ("стерлинг", "фунт"): "GBP",
    ("кипрский", "фунт"): "CYP",
    ("египетский", "фунт"): "EGP",
    ("ливанский", "фунт"): "LBP",
    ("сирийский", "фунт"): "SYP",
    ("суданский", "фунт"): "SDG",
    ("швейцарский", "франк"): "CHF",
    ("французский", "франк"): "FRF",
    ("бельгийский", "франк"): "BEF",
    ("российский", "рубль"): "RUB",
    ("белорусский", "рубль"): "BYN",
    ("японский", "иена"): "JPY",
    ("японский", "йена"): "JPY",
    ("китайский", "юань"): "CNY",
    ("турецкий", "лира"): "TRY",
    ("итальянский", "лира"): "ITL",
    ("индийский", "рупия"): "INR",
    ("пакистанский", "рупия"): "PKR",
    ("индонезийский", "рупия"): "IDR",
    ("мексиканский", "песо"): "MXN",
    ("аргентинский", "песо"): "ARS",
    ("чилийский", "песо"): "CLP",
    ("колумбийский", "песо"): "COP",
    ("филиппинский", "песо"): "PHP",
    ("кубинский", "песо"): "CUP",
    ("бразильский", "реал"): "BRL",
    ("южнокорейский", "вона"): "KRW",
    ("северокорейский", "вона"): "KPW",
    ("сербский", "динар"): "RSD",
    ("кувейтский", "динар"): "KWD",
    ("иракский", "динар"): "IQD",
    ("алжирский", "динар"): "DZD",
    ("тунисский", "динар"): "TND",
    ("иорданский", "динар"): "JOD",
    ("ливийский", "динар"): "LYD",
    ("украинский", "гривна"): "UAH",
    ("казахстанский", "тенге"): "KZT",
    ("грузинский", "лари"): "GEL",
    ("армянский", "драм"): "AMD",
    ("азербайджанский", "манат"): "AZN",
    ("туркменский", "манат"): "TMT",
    ("киргизский", "сом"): "KGS",
    ("кыргызский", "сом"): "KGS",
    ("узбекский", "сум"): "UZS",
    ("саудовский", "риял"): "SAR",
    ("катарский", "риал"): "QAR",
    ("иранский", "риал"): "IRR",
    ("израильский", "шекель"): "ILS",
    ("польский", "злотый"): "PLN",
    ("венгерский", "форинт"): "HUF",
    ("молдавский", "лей"): "MDL",
    ("румынский", "лей"): "RON",
    ("болгарский", "лев"): "BGN",
    ("южноафриканский", "рэнд"): "ZAR",
}
_INDECLINABLE = frozenset({"евро", "тенге", "лари", "песо", "сомони"})
_QUALIFIER_LEMMAS = frozenset(adjective for adjective, _ in QUALIFIED)
_NEEDS_QUALIFIER = frozenset(noun for _, noun in QUALIFIED) - frozenset(CURRENCIES)
# hundredths of a currency, and which currency
SUBUNITS = {"копейка": 0.01, "цент": 0.01, "евроцент": 0.01}
SUBUNIT_OF = {"копейка": "RUB", "цент": "USD", "евроцент": "EUR"}
CURRENCIES.update(SUBUNIT_OF)
SIGNS = {"$": "USD", "€": "EUR", "₽": "RUB", "£": "GBP", "¥": "JPY", "₴": "UAH", "₸": "KZT"}
ABBREVIATIONS = {"руб": "RUB", "р": "RUB", "долл": "USD", "дол": "USD", "грн": "UAH"}
CODES = frozenset(
    "RUB USD EUR CNY GBP JPY CHF SEK NOK DKK CZK PLN UAH KZT BYN TRY INR BRL CAD AUD HKD KRW "
    "GEL AMD AZN ILS AED BTC ETH".split()
)
# multipliers by lowercased form; "пол"-words carry their own number
MULTIPLIERS: dict[str, float] = {
    "тыс": 1e3,
    "млн": 1e6,
    "млрд": 1e9,
    "трлн": 1e12,
}
for _stem, _value in (("тысяч", 1e3), ("миллион", 1e6), ("миллиард", 1e9), ("триллион", 1e12)):
    for _ending in ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "и", "ей", "ью"):
        MULTIPLIERS[_stem + _ending] = _value
MULTIPLIERS["тысячи"] = 1e3
_SINGLE = frozenset(
    "тысяча тысячи тысячу миллион миллиона миллиону миллиард миллиарда триллион триллиона".split()
)  # "более миллиона долларов": one of the unit
HALVES = {"полтысячи": 5e2, "полмиллиона": 5e5, "полмиллиарда": 5e8, "полтриллиона": 5e11}
FRACTIONS = {"четверть": 0.25, "треть": 1 / 3, "половина": 0.5, "полтора": 1.5, "полторы": 1.5}
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_GROUP = re.compile(r"^\d{3}$")
_RANGE = re.compile(r"^(\d+(?:[.,]\d+)?)[-‐‑‒–—](\d+(?:[.,]\d+)?)$")


@dataclass
class Amount:
    """One amount found by the scan: its tokens [first, last], the token the parse attaches
    it by, its numbers and currency."""

    first: int
    last: int
    anchor: int
    value: float | None
    low: float | None
    high: float | None
    currency: str | None
    rule: str = ""  # how the scan read it, when not plainly: "sign_first", "range", "pair_first"


class Scanner(TokenReader):
    """The token arrays of one document and the money patterns over them."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self.seen: dict[str, str] = {}  # currency lemma -> the code its qualifier gave

    def spaced(self, i: int) -> bool:
        """Whether one space (not a line break) separates token ``i`` from ``i - 1``."""
        return bool(self.spaces[i - 1])

    def dot(self, i: int) -> bool:
        """Whether token ``i`` is the period of an abbreviation ("млн.", "руб."), not the end
        of the sentence."""
        return self.lower(i) == "." and i + 1 < self.n and not self.sent_start[i + 1]

    # -------------------------------------------------------------- currencies

    def currency_at(self, i: int) -> tuple[int, int, str | None] | None:
        """(first, last token, code) of a currency named at ``i``: "долларов США",
        "руб.", "$", "USD"; "кипрских фунтов" is found from its noun."""
        text, lower, lemma = self.texts[i], self.lowers[i], self.lemmas[i]
        if text in SIGNS:
            return i, i, SIGNS[text]
        if text in CODES:
            return i, i, text
        if lower in ABBREVIATIONS and self.dot(i + 1):
            return i, i + 1, ABBREVIATIONS[lower]
        if lower in ("руб", "долл", "грн"):
            return i, i, ABBREVIATIONS[lower]
        noun = lemma if lemma in CURRENCIES or lemma in _NEEDS_QUALIFIER else None
        if lower in _INDECLINABLE:  # pymorphy3 gives "тенге" the lemma "тенг"
            noun = lower
        if noun is None:
            return None
        first, last = i, i
        code = CURRENCIES.get(noun)
        qualifier = (self.lemma(i - 1), noun)
        if qualifier in QUALIFIED:
            first, code = i - 1, QUALIFIED[qualifier]
        after = (self.lemma(i + 1), noun)
        if after in QUALIFIED or (self.lower(i + 1) == "сша" and noun == "доллар"):
            last, code = i + 1, QUALIFIED.get(after, "USD")
        if first < i or last > i:
            self.seen[noun] = code or ""
        elif noun in self.seen:
            code = self.seen[noun] or code
        return first, last, code

    # -------------------------------------------------------------- numbers

    def number_left(self, j: int) -> tuple[int, float | None, float | None, float | None] | None:
        """(first token, value, low, high) of the number ending at token ``j``."""
        text = self.lower(j)
        ranged = _RANGE.match(text)
        if ranged:
            return j, None, to_float(ranged.group(1)), to_float(ranged.group(2))
        if _DIGITS.match(text):
            first, digits = j, text
            while (
                _GROUP.match(digits[:3])
                and first - 1 >= 0
                and re.match(r"^\d{1,3}$", self.lower(first - 1))
                and self.spaced(first)
            ):
                first -= 1
                digits = self.lowers[first] + digits
            if first < j and not re.match(r"^\d+$", digits):
                first, digits = j, text
            value = to_float(digits)
            if self.lower(first - 1) in DASHES and first >= 2:
                low = self.lower(first - 2)
                if _DIGITS.match(low):
                    return first - 2, None, to_float(low), value
            return first, value, None, None
        if self.lemma(j) in FRACTIONS:
            return j, FRACTIONS[self.lemma(j)], None, None
        start = j
        while start >= 0 and self.lemma(start) in WORDS:
            start -= 1
        start += 1
        if start <= j:
            spelled = words_value(self.lemmas[start : j + 1])
            if spelled is not None:
                return start, spelled, None, None
        return None

    def amount_left(
        self, i: int
    ) -> tuple[int, int | None, float | None, float | None, float | None] | None:
        """(first token, multiplier token, value, low, high) of the amount before token ``i``
        (the currency's first token)."""
        j = i - 1
        if self.lower(j) in HALVES:
            return j, j, HALVES[self.lower(j)], None, None
        if self.lower(j) == "." and self.lower(j - 1) in MULTIPLIERS:
            j -= 1
        multiplier = MULTIPLIERS.get(self.lower(j))
        mult_token = j if multiplier is not None else None
        if multiplier is not None:
            j -= 1
        number = self.number_left(j) if j >= 0 else None
        if number is None:
            if multiplier is not None and self.lower(mult_token or 0) in _SINGLE:
                return mult_token or 0, mult_token, multiplier, None, None
            return None
        first, value, low, high = number
        scale = multiplier or 1.0
        if value is not None and multiplier is not None:
            # "1 млрд 200 млн рублей": a larger unit before the number adds to it
            k = first - 1 - (self.lower(first - 1) == ".")
            larger = MULTIPLIERS.get(self.lower(k))
            before = self.number_left(k - 1) if larger and larger > multiplier else None
            if larger and before is not None and before[1] is not None:
                return before[0], mult_token, before[1] * larger + value * scale, None, None
        return (
            first,
            mult_token,
            value * scale if value is not None else None,
            low * scale if low is not None else None,
            high * scale if high is not None else None,
        )

    def amount_right(self, i: int) -> tuple[int, int | None, float | None] | None:
        """(last token, multiplier token, value) of the amount after a sign: "$70 млн"."""
        j = i + 1
        if not _DIGITS.match(self.lower(j)):
            return None
        value = to_float(self.lower(j))
        multiplier = MULTIPLIERS.get(self.lower(j + 1))
        if multiplier is not None:
            last = j + 1 + self.dot(j + 2)
            return last, j + 1, value * multiplier
        return j, None, value

    # -------------------------------------------------------------- the scan

    def scan(self) -> list[Amount]:
        """Every amount of money of the document, in order."""
        found: list[Amount] = []
        i = 0
        for cue in self.cues():
            if cue < i:
                continue  # inside the amount read last
            i = cue
            currency = self.currency_at(i)
            if currency is None:
                continue
            first, last, code = currency
            amounts = self.amounts(first, last, code)
            if amounts and found and amounts[0].first <= found[-1].last:
                amounts = [a for a in amounts if a.first > found[-1].last]
            scale = SUBUNITS.get(self.lemmas[i])
            if scale is not None:  # "50 копеек", "99 центов"
                for amount in amounts:
                    amount.value, amount.low, amount.high = (
                        None if number is None else round(number * scale, 10)
                        for number in (amount.value, amount.low, amount.high)
                    )
            elif amounts:
                self.add_subunits(amounts[-1])
            found.extend(amounts)
            i = max(last, amounts[-1].last if amounts else last) + 1
        if self.arrays.tokens is not None:  # the arrays left gaps out: back to Doc indexes
            index = self.arrays.doc_index
            for amount in found:
                amount.first, amount.last = index(amount.first), index(amount.last)
                amount.anchor = index(amount.anchor)
        return found

    def cues(self) -> Iterator[int]:
        """The tokens a currency may be read at, in order: a sign or a code, a currency's
        lemma (or a noun a qualifier makes one), an abbreviation or an indeclinable name (the
        tables' words tested at C speed, not a Python step per token)."""
        texts = frozenset(SIGNS) | CODES
        lemmas = frozenset(CURRENCIES) | _NEEDS_QUALIFIER
        lowers = frozenset(ABBREVIATIONS) | _INDECLINABLE
        marks = map(
            or_,
            map(or_, map(texts.__contains__, self.texts), map(lemmas.__contains__, self.lemmas)),
            map(lowers.__contains__, self.lowers),
        )
        return compress(count(), marks)

    def add_subunits(self, amount: Amount) -> None:
        """ "12 рублей 50 копеек": the subunits after a whole amount join it."""
        j = amount.last + 1
        cents = self.lower(j)
        if amount.value is None or not re.match(r"^\d{1,2}$", cents) or not self.spaced(j):
            return
        subunit = self.lemma(j + 1)
        if SUBUNITS.get(subunit) and SUBUNIT_OF.get(subunit) == amount.currency:
            amount.value = round(amount.value + int(cents) * SUBUNITS[subunit], 10)
            amount.last = j + 1

    def amounts(self, first: int, last: int, code: str | None) -> list[Amount]:
        """The amounts a currency at tokens [first, last] belongs to."""
        if self.texts[first] in SIGNS or self.texts[first] in CODES:
            right = self.amount_right(last)
            start = first - (self.lower(first - 1) in ("us", "с") and self.texts[first] == "$")
            if right is not None and (first == 0 or not _DIGITS.match(self.lower(first - 1))):
                stop, mult, value = right
                anchor = mult if mult is not None else stop
                return [Amount(start, stop, anchor, value, None, None, code, "sign_first")]
        left = self.amount_left(first)
        if left is None:
            return []
        start, mult, value, low, high = left
        anchor = mult if mult is not None else first
        if self.texts[first] in SIGNS or self.texts[first] in CODES:
            anchor = mult if mult is not None else start
        amount = Amount(start, last, anchor, value, low, high, code)
        return self.paired(amount, mult)

    def paired(self, amount: Amount, mult: int | None) -> list[Amount]:
        """ "от 100 до 200 млн долларов" (one range), "с 114 млрд до 81,5 млрд долларов"
        (two amounts), "от 5 до 7 долларов": the number before "до" takes the currency and,
        without its own, the multiplier of the amount after."""
        if self.lower(amount.first - 1) != "до" or amount.value is None:
            return [amount]
        j = amount.first - 2
        scale = 1.0
        multiplier = MULTIPLIERS.get(self.lower(j))
        if self.lower(j) == "." and self.lower(j - 1) in MULTIPLIERS:
            j -= 1
            multiplier = MULTIPLIERS[self.lower(j)]
        if multiplier is not None:
            scale, j = multiplier, j - 1
        elif mult is not None:
            scale = MULTIPLIERS[self.lower(mult)]
        if not _DIGITS.match(self.lower(j)):
            return [amount]
        number = to_float(self.lower(j))
        preposition = self.lower(j - 1)
        if preposition == "от":
            return [
                Amount(
                    j,
                    amount.last,
                    amount.anchor,
                    None,
                    number * scale,
                    amount.value,
                    amount.currency,
                    "range",
                )
            ]
        if preposition in ("с", "со"):
            stop = amount.first - 2
            anchor = stop if multiplier is not None else j
            before = Amount(j, stop, anchor, number * scale, None, None, amount.currency)
            before.rule = "pair_first"
            return [before, amount]
        return [amount]

    def fact(self, amount: Amount) -> Money:
        """The :class:`Money` fact of one amount, with what its sentence says about it."""
        return self.explained(amount)[0]

    def explained(self, amount: Amount) -> tuple[Money, str]:
        """The :class:`Money` fact of one amount and the names of the rules that read it: the
        rule of the percentages' reading (:data:`~newsnlp.percentages.reading.RULES`), then
        how the scan read the amount where it is not plain ("sign_first": "$70 млн", "range":
        "от 100 до 200 млн долларов", "pair_first": "114" of "с 114 до 81,5 млрд долларов"),
        then the rule of :data:`SUBJECTS` that chose its subject where money itself decides
        (not the reading's subject)."""
        doc = self.doc
        first, last = doc[amount.first], doc[amount.last]
        figure = Figure(first, last, doc[amount.anchor], amount.value, amount.low, amount.high)
        sent = first.sent
        following = [t for t in doc[amount.last + 1 : sent.end] if not t.is_space][:1]
        reading = read(figure, sent, following[0] if following else None)
        span = doc[amount.first : amount.last + 1]
        measured = Measured(amount, reading, sent)
        subject, chooser = None, ""
        for name, rule in SUBJECTS:
            subject = rule(measured)
            if subject is not None:
                chooser = name
                break
        predicate = reading.predicate
        money = Money(
            start=span.start_char,
            stop=span.end_char,
            text=span.text,
            amount=amount.value,
            low=amount.low,
            high=amount.high,
            currency=amount.currency,
            approx=reading.approx,
            kind=reading.kind,
            direction=reading.direction,
            subject=subject_phrase(subject, figure) if subject is not None else None,
            predicate=_predicate_name(predicate.lemma_, predicate.lower_)
            if predicate is not None
            else None,
        )
        own = chooser if chooser != "reading_subject" else ""
        return money, ", ".join(name for name in (reading.rule, amount.rule, own) if name)


@dataclass(frozen=True)
class Measured:
    """An amount, its reading and its sentence: what the rules of :data:`SUBJECTS` choose the
    amount's subject from."""

    amount: Amount
    reading: Reading
    sent: Span

    def inside(self, token: Token) -> bool:
        return self.amount.first <= token.i <= self.amount.last


def reading_subject(m: Measured) -> Token | None:
    """The reading's subject, when it is not a word of the amount itself."""
    subject = m.reading.subject
    return subject if subject is not None and not m.inside(subject) else None


def verb_of_amount(m: Measured) -> Token | None:
    """ "выручка ... составила 10 млн рублей": the reading took the currency (the multiplier's
    genitive) for what is measured; the subject of the verb the parse attaches the amount to."""
    subject = m.reading.subject
    if subject is None or not m.inside(subject):
        return None
    return _verb_subject(m.sent.doc[m.amount.anchor], m.amount)


def level_holder(m: Measured) -> Token | None:
    """Without a parse: "стоимость билета составит 900 рублей", "бюджет — 5 млн рублей"."""
    doc = m.sent.doc
    if doc[m.amount.anchor].dep_:
        return None
    return _level_holder(doc[m.amount.first], m.sent)


SUBJECTS: tuple[tuple[str, Callable[[Measured], Token | None]], ...] = (
    ("reading_subject", reading_subject),
    ("verb_of_amount", verb_of_amount),  # "выручка составила 10 млн рублей"
    ("level_holder", level_holder),  # no parse: "стоимость билета составит 900 рублей"
)
"""What an amount measures, in the order the rules are tried: the first that names a word
decides; none: no subject."""


_BEFORE_AMOUNT = frozenset(
    "около порядка примерно приблизительно почти более свыше менее до не чем в на за от "
    "уже ещё еще лишь всего сумму сумма размере размер".split()
)


def _verb_subject(anchor: Token, amount: Amount) -> Token | None:
    """The subject of the verb the parse attaches an amount to ("выручка ... составила 10 млн
    рублей"), climbing out of the amount's own tokens."""
    token = anchor
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if amount.first <= token.i <= amount.last:
            continue
        if token.pos_ in ("VERB", "AUX"):
            return verb_subject(token)
        return None
    return None


def _level_holder(first: Token, sent: Span) -> Token | None:
    """Without a parse: what an amount after a verb or a dash is the level of, the nearest
    nominative noun before them ("стоимость билета составит 900 рублей", "бюджет — 5 млн
    рублей"); None when the amount follows no verb or dash."""
    doc = first.doc
    i = first.i - 1
    while i >= sent.start and (doc[i].lower_ in _BEFORE_AMOUNT or doc[i].is_space):
        i -= 1
    if i < sent.start or not (doc[i].pos_ in ("VERB", "AUX") or doc[i].text in DASHES):
        return None
    for j in range(i - 1, sent.start - 1, -1):
        token = doc[j]
        if token.pos_ in ("NOUN", "PROPN") and "Nom" in token.morph.get("Case", []):
            return token
        if token.pos_ in ("VERB", "AUX") or token.lower_ in (";", "а", "но", "что", "который"):
            return None
    return None


def _predicate_name(lemma: str, lower: str) -> str:
    """The lemma of a word of change, or a comparative as written ("дороже")."""
    comparatives = COMPARATIVE_UP | COMPARATIVE_DOWN
    return lower if lower in comparatives else lemma


def explain(doc: Doc) -> list[tuple[Money, str]]:
    """Every amount of money of a tagged document with the name of the rule that read it
    (``newsnlp analyze --explain``)."""
    scanner = Scanner(doc)
    return [scanner.explained(amount) for amount in scanner.scan()]


def find_money(doc: Doc) -> list[Money]:
    """Every amount of money of a tagged document; sentences the syntax stage parsed (those
    with a percentage) are read through the parse, the others by word order."""
    scanner = Scanner(doc)
    return [scanner.fact(amount) for amount in scanner.scan()]


class MoneyExtractor(DocComponent):
    """Sets ``doc._.money`` to the list of money facts."""

    def __call__(self, doc: Doc) -> Doc:
        set_facts(doc, "money", find_money(doc), keep=False)
        TokenArrays.release(doc)  # the dates and money scans have read them
        return doc
