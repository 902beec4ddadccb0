"""Durations: "12 лет", "около девяти месяцев", "полтора года", "в течение года", "двое
суток", "2 часа 30 минут"."""

from __future__ import annotations

from typing import Any

from .lexicon import (
    _AGE_BEFORE,
    _AGE_DATIVES,
    _AGE_FILLERS,
    _AGE_VERBS,
    _APPROX,
    _COUPLE,
    _DAY_PART_HOURS,
    _HALF_WORDS,
    _HOUR_FORMS,
    _LAST,
    _NOT_APPROX,
    _SINGULAR,
    MONTHS,
    adjective_duration,
)
from .relative import RelativeReader
from .tokens import Found


class DurationReader(RelativeReader):
    """The duration patterns, over the relative and calendar ones."""

    def duration(self, i: int) -> Found | None:
        """ "12 лет", "около девяти месяцев", "полтора года", "в течение года", "двое суток"."""
        first = i
        fields: dict[str, Any] = {"kind": "duration"}
        if self.lower(i) in ("в", "на") and self.lower(i + 1) in ("течение", "протяжении"):
            i += 2
            if self.lower(i) in _LAST and self.joins(i):
                found = self.counted(i)
                if found is not None:
                    return Found(first, found.stop, found.fields)
            if self.year_at(i) is not None or self.lower(i) in MONTHS:
                return None  # "в течение 2005 года": the date
            unit = self.unit_at(i)
            if unit is not None and self.lower(i) in _SINGULAR | {"дня", "суток", "часа", "минуты"}:
                return Found(first, i + 1, {"kind": "duration", "unit": unit, "amount": 1.0})
        approx_stop = self.approx(i)
        if approx_stop is not None:
            fields["approx"], i = approx_stop
        text = self.lower(i)
        if text in _HALF_WORDS:
            unit, amount = _HALF_WORDS[text]
            return Found(first, i + 1, {**fields, "unit": unit, "amount": amount})
        count = self.number_at(i)
        if count is None:
            return None
        j, value = count
        if value is not None and self.lower(j) in ("с", "со") and self.lower(j + 1) == "половиной":
            value, j = value + 0.5, j + 2
        unit = self.unit_at(j)
        if unit is None or unit in ("quarter", "half"):
            return None
        minutes = self.number_at(j + 1) if unit == "hour" and value is not None else None
        if (
            value is not None
            and minutes is not None
            and minutes[1] is not None
            and self.unit_at(minutes[0]) == "minute"
        ):
            # "2 часа 30 минут", "13 часов 30 минут"
            stop = minutes[0] + 1
            return Found(first, stop, {**fields, "unit": "hour", "amount": value + minutes[1] / 60})
        if value is None and self.lower(j + 1) != "назад":
            return None  # "несколько лет": no length; "несколько дней назад": a date
        if value is not None and value >= 1000 and unit == "year":
            return None
        if self.lower(j) in _HOUR_FORMS and self.lower(j + 1) in _DAY_PART_HOURS:
            return None
        if unit == "year" and self.lower(j + 1) != "назад" and self.age(first, j):
            return None
        if self.lower(i) in _COUPLE:
            fields.setdefault("approx", "about")
        return Found(first, j + 1, {**fields, "unit": unit, "amount": value})

    def animate(self, i: int) -> bool:
        """Whether token ``i`` is an animate common noun ("детей", "мужчина", "ребёнок")."""
        if not 0 <= i < self.n:
            return False
        token = self.doc[self.arrays.doc_index(i)]
        return token.pos_ == "NOUN" and "Anim" in token.morph.get("Animacy", [])

    def finite_verb(self, i: int) -> bool:
        """Whether token ``i`` is a finite verb ("изучали", "ждёт")."""
        if not 0 <= i < self.n:
            return False
        token = self.doc[self.arrays.doc_index(i)]
        return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", [])

    def age(self, first: int, unit: int) -> bool:
        """Whether the number of years at tokens [first, unit] is someone's age, not a length of
        time: "в возрасте 35 лет", "старше 18 лет", "ему 35 лет", "ей исполнилось 40 лет",
        "детей до 14 лет", "мужчина 40 лет", "в 35 лет он ...", "Иван Петров, 35 лет,"."""
        k = first - 1
        while self.lower(k) in _APPROX or self.lower(k) in ("не", "чем"):
            k -= 1  # "детей до 5 лет": the age's bound, read from the word before it
        before = self.lower(k)
        if before in _AGE_BEFORE:
            return True
        if before in ("в", "во") and self.lower(first) != "течение":
            return True  # "в 35 лет он стал чемпионом"
        if self.integer(k) is not None and self.lower(k - 1) == "от":
            k -= 2  # "от 18 до 60 лет"
        while self.lower(k) in _AGE_FILLERS or self.lower(k) in _AGE_VERBS:
            if self.lower(k) in _AGE_VERBS:
                return True
            k -= 1
        if (self.lower(k) in _AGE_DATIVES or self.animate(k)) and not self.finite_verb(unit + 1):
            return True  # "мужчина 40 лет задержан", not "учёные 20 лет изучали"
        if before == "," and self.lower(unit + 1) == "," and self.joins(first):
            token = self.doc[self.arrays.doc_index(k - 1)] if k >= 1 else None
            return token is not None and token.ent_type_ == "PER"  # "Иван Петров, 35 лет,"
        return False

    def aged(self, i: int) -> bool:
        """Whether the words at ``i`` name whom a "-летний" adjective gives an age: a person or
        animate noun ("пятилетний мальчик", "65-летнюю Аун Сан Су Чжи"), a name in quotes
        ("25-летний «Телевизор»"), or one after another adjective ("40-летний местный житель")."""
        for k in (i, i + 1):
            token = self.doc[self.arrays.doc_index(k)] if 0 <= k < self.n else None
            if token is None or not self.joins(k):
                return False
            if self.animate(k) or token.ent_type_ == "PER" or token.pos_ == "PROPN":
                return True
            if k == i and self.lower(k) in ("«", '"', "„"):
                return True
            if token.pos_ != "ADJ":
                return False
        return False

    def adjective(self, i: int) -> Found | None:
        """A duration written as an adjective: "пятидневный визит", "трёхмесячного курса",
        "24-часовой эфир"; "пятилетний ребёнок" (an age) is none."""
        read = adjective_duration(self.lower(i))
        if read is None:
            return None
        amount, unit = read
        if unit == "year" and self.aged(i + 1):
            return None
        return Found(i, i + 1, {"kind": "duration", "unit": unit, "amount": amount})

    def approx(self, i: int) -> tuple[str, int] | None:
        """(approx, index after) of "около", "не менее", "более чем", "почти" at ``i``."""
        text = self.lower(i)
        if text == "не" and self.lower(i + 1) in _NOT_APPROX:
            return _NOT_APPROX[self.lower(i + 1)], i + 2
        if text in _APPROX and text != "до":
            stop = i + 1 + (self.lower(i + 1) == "чем")
            return _APPROX[text], stop
        if text == "до" and self.number_at(i + 1) is not None:
            return "up_to", i + 1
        return None
