"""The person group: the mentions of one person while grouping, the name they give so far,
and the tests of whether another mention's name fits it (first name, patronymic, surname,
initials, gender)."""

from __future__ import annotations

import bisect
from functools import lru_cache

from spacy.tokens import Span

from ..gazetteer import gazetteer_key
from .cues import kin_before
from .names import (
    _BOTH,
    _adjective_stem,
    _clean_initials,
    _epithet_of,
    _first_and_patronymic,
    _initial_of,
    _is_initials,
    _known_first_name,
    _patronymic,
    case_stem,
    first_name_genders,
    first_name_keys,
    one_letter_apart,
    surname_first_full,
    surname_genders,
)
from .readings import nominative_name_genders


class _PersonGroup:
    """The mentions of one person while grouping: the fullest name seen and its parts, each
    kept as a stem (:func:`case_stem`) so that the name's case forms agree with it."""

    def __init__(self, span: Span, name: str) -> None:
        self.members: list[tuple[Span, str]] = []
        self.last: str | None = None
        self.first: str | None = None
        self.first_keys: frozenset[str] = frozenset()  # the first name's and its full forms'
        self.lone_keys: frozenset[str] = frozenset()  # a lone first name's ("Николай", "Коли")
        self.middle: str | None = None
        self.inner: set[str] = set()  # stems of the words between first name and surname
        self.initial: str | None = None
        self.last_initial: str | None = None
        self.genders: frozenset[str] = _BOTH
        self.starts: list[int] = []  # the mentions' first tokens, in order
        self.kin = kin_before(span) is not None  # named first after a noun of kinship
        self.aliases: set[str] = set()  # stems of other surnames: a maiden name, a pseudonym
        self.woman = False  # a mention read as a woman's by the words around it
        self.add(span, name)

    def before(self, start: int) -> int | None:
        """The start of this person's last mention before token ``start``, if any."""
        i = bisect.bisect_left(self.starts, start)
        return self.starts[i - 1] if i else None

    def add(self, span: Span, name: str) -> None:
        """Take in a mention, filling in the parts of the name still unknown."""
        self.members.append((span, name))
        bisect.insort(self.starts, span.start)
        words = _initials_first(name).split()
        full = _clean_initials(words)
        if _first_and_patronymic(words):
            self._set_first(words[0])
            self.middle = self.middle or case_stem(words[1])
            self._narrow(first_name_genders(words[0]))
            return
        if len(words) > 1 and len(full) == 1 and _initial_of(words[-1]):  # "Игорь С."
            self._set_first(full[0])
            self.last_initial = self.last_initial or _initial_of(words[-1])
            self._narrow(first_name_genders(full[0]))
            return
        if self.last is None:
            self.last = case_stem(full[-1]) if full else case_stem(words[-1])
            self._narrow(_name_surname_genders(full or words))
            if len(words) == 1 and self.first is None and _known_first_name(words[0]):
                self.lone_keys = first_name_keys(words[0])  # "брат Николай" ... "Коли"
        if self.first is None and len(full) > 1:
            self._set_first(full[0])
            self._narrow(first_name_genders(full[0]))
        if self.middle is None and len(full) == 3 and _patronymic(full[1]):
            self.middle = case_stem(full[1])
        if len(full) >= 3:
            self.inner.update(case_stem(word) for word in full[1:-1])
        if self.initial is None and len(words) > 1:
            self.initial = words[0][0].lower()

    def add_alias(self, span: Span, name: str) -> None:
        """Take in another name of this person ("урожденная Гордеева", "под псевдонимом
        Аркадий Мглин"): a mention whose surname joins later mentions, not a part of the name."""
        self.members.append((span, name))
        bisect.insort(self.starts, span.start)
        words = _clean_initials(name.split())
        if words:
            self.aliases.add(case_stem(words[-1]))

    def _set_first(self, word: str) -> None:
        if self.first is None:
            self.first = case_stem(word)
            self.first_keys = first_name_keys(word)

    def same_first(self, word: str) -> bool:
        """Whether ``word`` is this person's first name or a short form of the same full name
        ("Ваня" of "Иван"); a person named by a first name alone by its forms too ("Коли" of
        "брат Николай")."""
        if self.first is None:
            return bool(self.lone_keys & first_name_keys(word))
        return bool(self.first_keys & first_name_keys(word))

    def _narrow(self, genders: frozenset[str]) -> None:
        if self.genders & genders:
            self.genders &= genders

    def _other_patronymic(self, full: list[str]) -> bool:
        """Whether a full name gives a patronymic other than this person's ("Петра Ильича
        Громова" beside "Петр Сергеевич Громов")."""
        return (
            len(full) == 3
            and self.middle is not None
            and _patronymic(full[1])
            and case_stem(full[1]) != self.middle
        )

    def accepts(self, words: list[str]) -> bool:
        """Whether a mention named ``words`` can be this person: its first name, patronymic,
        surname, initials and gender agree with what the person's mentions give ("Борис
        Николаевич" is "Борис Николаевич Ельцин"; "Игорь С." is "Игорь Седов")."""
        full = _clean_initials(words)
        if _first_and_patronymic(words):
            middle = case_stem(words[1])
            return (
                self.same_first(words[0])
                and self.middle in (None, middle)
                and bool(self.genders & first_name_genders(words[0]))
            )
        if len(words) > 1 and len(full) == 1 and _initial_of(words[-1]):  # "Игорь С."
            if self.last is None:  # "Ван И" again
                return self.same_first(full[0]) and self.last_initial == _initial_of(words[-1])
            return self.same_first(full[0]) and self.last[:1] == _initial_of(words[-1])
        if self.last is None:  # known by first name and patronymic (or initial) only
            if len(full) < 2 or not self.same_first(full[0]):
                return False
            return self.last_initial is None or case_stem(full[-1])[:1] == self.last_initial
        if not full:
            return False
        last = case_stem(full[-1])
        if len(full) == 1 and last in self.aliases:
            return True  # "Мглина" after "Аркадий Бельский, под псевдонимом Аркадий Мглин"
        if len(full) == 1 and _epithet_of(self.last) == last:
            last = self.last  # "Буш" alone of "Джордж Буш-младший"
        if last != self.last and _same_adjective(last, self.last):
            if not self.genders & _adjective_genders(full[-1]):
                return False  # "Лещинский" alone is not Вера Лещинская
        elif last != self.last:
            # a surname misspelt by a letter beside the same first name ("Олег Кондраттенко")
            if not (
                len(full) > 1
                and self.first == case_stem(full[0])
                and one_letter_apart(last, self.last, 7)
            ):
                return False
        if not self.genders & _name_surname_genders(full):
            return False
        if len(full) > 1:
            if not self.genders & first_name_genders(full[0]):
                return False
            if self._other_patronymic(full):
                return False  # "Петр Ильич Громов" and his grandson "Петр Сергеевич Громов"
            first = case_stem(full[0])
            # a first name written with a letter more or less ("Раймонд", "Раймон"), not a
            # man's beside a woman read so ("Евгением Орловым" beside "Евгения Орлова пришла")
            return (
                self.first is None
                or self.same_first(full[0])
                or (
                    one_letter_apart(first, self.first, 5)
                    and not (self.woman and nominative_name_genders(full[0]) == {"Masc"})
                )
            )
        if len(words) > 1:  # "С. Шелест": the initial must fit the first name
            return self.initial is None or words[0][0].lower() == self.initial
        return True


def _name_surname_genders(words: list[str]) -> frozenset[str]:
    """The genders a name's surname can have beside its first name: "Луговой" alone may be a
    woman's oblique form of "Лугова", but after a man's first name ("Матвей Луговой") it is a
    man's adjective-like surname."""
    genders = surname_genders(words[-1])
    if (
        len(words) > 1
        and genders == {"Fem"}
        and gazetteer_key(words[-1]).endswith("ой")
        and first_name_genders(words[0]) == {"Masc"}
    ):
        return _BOTH
    return genders


def _adjective_genders(word: str) -> frozenset[str]:
    """The genders an adjective-like surname's ending allows ("-ий" a man's, "-ая" a
    woman's, "-ой" either)."""
    key = gazetteer_key(word)
    if key.endswith(("ий", "ый", "ого", "ому", "им", "ым", "ом")):
        return frozenset({"Masc"})
    if key.endswith(("ая", "яя", "ую", "юю")):
        return frozenset({"Fem"})
    return _BOTH


def _same_adjective(one: str, other: str) -> bool:
    """Whether two surname stems are one adjective-like surname read with two endings
    ("бережн" of "Бережной", "бережный" of "Григорием Бережным" read "Бережный")."""
    first = _adjective_stem(one) or one
    second = _adjective_stem(other) or other
    return first == second and (first != one or second != other)


@lru_cache(maxsize=10_000)
def _initials_first(name: str) -> str:
    """A surname before two initials, as documents write it ("Ушаков К.Д."), put after them
    for comparing with other mentions ("К.Д. Ушаков"); one letter after a name stays ("Игорь
    С.", "Ван И"), and so does a monarch's number ("Пётр I")."""
    words = name.split()
    if surname_first_full(words):
        return " ".join([words[1], words[2], words[0]])
    if len(words) < 2 or _is_initials(words[0]) or not all(_is_initials(w) for w in words[1:]):
        return name
    if any(set(word) <= set("IVXLC") for word in words[1:]):
        return name
    if sum(len(word.replace(".", "")) for word in words[1:]) < 2:
        return name
    return " ".join([*words[1:], words[0]])
