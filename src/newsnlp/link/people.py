"""People: one entry per person, by name compatibility over the whole document, named by its
fullest nominative form."""

from __future__ import annotations

import bisect
import os
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from .. import resources
from .._batch import token_texts
from ..gazetteer import gazetteer_key
from ..normalize import person_case_gender, span_normal
from ..normalize import person_name as normal_person_name
from ..schema import Person
from ..tag import token_tag
from .cues import (
    generation,
    genitive_noun,
    kin_before,
    names_several,
    names_two,
    other_name,
    relative_of,
    verb_gender,
)
from .mentions import mention, span_text
from .names import (
    _BOTH,
    _adjective_stem,
    _clean_initials,
    _cyrillic,
    _epithet_of,
    _first_and_patronymic,
    _initial_of,
    _initials_and_surname,
    _is_initials,
    _known_first_name,
    _known_word,
    _lone_epithet,
    _patronymic,
    _patronymic_or_surname,
    _patronymic_word,
    _russian_surname_form,
    case_stem,
    first_name_genders,
    first_name_keys,
    name_parts,
    numbered_name,
    one_letter_apart,
    short_first_name,
    surname_first_full,
    surname_genders,
    typo_apart,
)
from .readings import nominative_name_genders, read_mentions


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


def _fullness(
    item: tuple[Span, str],
) -> tuple[int, bool, bool, bool, bool, bool, bool, int, int]:
    """Sort key of a person's mentions, best name first: more words, with initials ("Д.
    Медведев" before "Медведев"), initials first, with a surname ("Михаил Лермонтов" before "Михаил
    Юрьевич"), Cyrillic, a full first name ("Александр Крутов" before "Саша Крутов"), as
    written, shorter (a name's nominative is its shortest form: "Ло Шисюн", not "Ло
    Шисюном")."""
    span, name = item
    return (*_name_fullness(name), name == span_text(span), -len(name), -span.start)


@lru_cache(maxsize=10_000)
def _name_fullness(name: str) -> tuple[int, bool, bool, bool, bool, bool]:
    """The parts of :func:`_fullness` a name alone gives (read once per name)."""
    words = _clean_initials(name.split())
    return (
        len(words),
        len(name.split()) > len(words),
        _initials_first(name) == name,  # "В. В. Путин" before "Путин В.В."
        not _first_and_patronymic(words),
        _cyrillic(name),
        not (words and short_first_name(words[0])),  # "Николай", not "Коля"
    )


def _same_sentence(group: _PersonGroup, start: int) -> bool:
    """Whether a mention of ``group`` is in the sentence of token ``start``."""
    doc = group.members[0][0].doc
    sentence = doc[start].sent.start
    return any(span.sent.start == sentence for span, _ in group.members)


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


def _named_genders(group: _PersonGroup) -> frozenset[str]:
    """A person's genders by the first name of the fullest mention, a nominative: "Валентина"
    there is a woman's, though it is a man's genitive too."""
    words = group.members[0][1].split()
    if len(words) >= 2 and _known_first_name(words[0]):
        nominative = nominative_name_genders(words[0])
        if nominative and group.genders & nominative:
            return group.genders & nominative
    return group.genders


def _alias_target(span: Span, previous: Span | None) -> bool:
    """Whether ``span`` is a name in brackets right after ``previous``: in another script
    ("Вольфа (Joshua Wolf)"), or a surname alone, all the brackets hold, after a full name
    (another surname of hers or his: "Мария Зорина (Лапина)")."""
    if previous is None or span.start < 1 or span.doc[span.start - 1].text != "(":
        return False
    if previous.end != span.start - 1:
        return False
    if _cyrillic(previous.text) != _cyrillic(span.text):
        return True
    doc = span.doc
    return (
        len(span) == 1 and len(previous) >= 2 and span.end < len(doc) and doc[span.end].text == ")"
    )


def group_people(spans: list[Span]) -> list[list[tuple[Span, str]]]:
    """Group person mentions: one group per person, fullest mentions first.

    A mention joins a person with the same surname and a compatible first name or initial
    ("Шелест", "С. Шелест" join "Сергей Шелест"; "Алла Бут" and "Виктор Бут" stay apart); a
    lone word joins the nearest earlier person with that surname, else with that first name;
    a name in another script in brackets right after a person's mention is that person
    ("Джошуа Вольфа (Joshua Wolf)").
    """
    by_start = sorted(spans, key=lambda span: span.start)
    alias_of = {
        span.start: previous
        for previous, span in zip([None, *by_start], by_start)
        if _alias_target(span, previous)
    }
    other_name_of = {
        span.start: previous
        for previous, span in zip([None, *by_start], by_start)
        if previous is not None and other_name(span, previous)
    }
    # a relative named after the person: "внучка Пахомовой Таня" is not Пахомова
    relative_after = {
        span.start: previous
        for previous, span in zip([None, *by_start], by_start)
        if previous is not None and relative_of(span, previous)
    }
    groups: list[_PersonGroup] = []
    owner: dict[int, _PersonGroup] = {}
    items, women = read_mentions(spans)  # women: no man's mentions
    # another name after its person's: "Аркадий Мглин" of "Аркадий Бельский"
    order = sorted(
        items, key=lambda item: (item[0].start not in other_name_of, _fullness(item)), reverse=True
    )
    for span, name in order:
        written = span_text(span)
        words = _initials_first(name).split() or [written]
        target = other_name_of.get(span.start)
        group = owner.get(target.start) if target is not None else None
        if group is not None:
            group.add_alias(span, name)
            owner[span.start] = group
            continue
        target = alias_of.get(span.start)
        group = owner.get(target.start) if target is not None else None
        if group is None:
            one = len(words) == 1  # (the word before matters to a one-word name only)
            others = groups
            if span.start in women:
                others = [other for other in groups if "Fem" in other.genders]
            kin_of = relative_after.get(span.start)
            if kin_of is not None:
                # not the person the kinship noun's genitive names ("Сын Шилова Павел" may
                # be Павел Шилов, not Евгений Шилов named before)
                kin_words = _initials_first(numbered_name(kin_of, span_normal(kin_of))).split()
                kin_group = _choose_group(groups, kin_words, kin_of.start, span_text(kin_of))
                others = [other for other in others if other is not kin_group]
            group = _choose_group(
                others,
                words,
                span.start,
                written,
                one and _introduced(span),
                _word_before(span) if one else "",
                one and kin_before(span) is not None,
                verb_gender(span) if one and _known_first_name(words[0]) else None,
            )
        if group is None and _initials_and_surname(span):
            # the surname as written when its normal form fits no one: "Полякова А. И." read
            # as a man's beside "Анна Игоревна Полякова"
            as_written = _initials_first(written).split()
            fitting = [other for other in groups if other.accepts(as_written)]
            group = fitting[0] if len(fitting) == 1 else None
        if group is None:
            group = _PersonGroup(span, name)
            groups.append(group)
        else:
            group.add(span, name)
        group.woman = group.woman or span.start in women
        owner[span.start] = group
    for group in [group for group in groups if group.aliases]:
        # a surname alone of another name taken in after it ("Мглина" of "Аркадий Мглин")
        for other in groups:
            if other.first is None and other.last in group.aliases and other is not group:
                for span, name in other.members:
                    group.add_alias(span, name)
                other.members = []
    return [group.members for group in groups if group.members]


def _choose_group(
    groups: list[_PersonGroup],
    words: list[str],
    start: int,
    written: str = "",
    introduced: bool = False,
    word_before: str = "",
    kin: bool = False,
    gender: str | None = None,
) -> _PersonGroup | None:
    """The one person a mention (at token ``start``) can be. A full name joins the person with
    that name; a first name alone, a first name and patronymic or a name with an initial joins
    only when exactly one person of the document fits it, and is its own entry when two do
    ("Сергей" after "Сергей Иванов" and "Сергей Петров"), unless the patronymic is one of
    theirs alone; a surname alone of two people joins the one named last before it, else it is
    its own entry.

    A first name alone (or its short form: "Ваня" of "Иван") that a common noun of people
    introduces ("мой сосед Сергей") joins a person named in full only after that person's first
    mention: before "Сергей Лавров" it is someone else."""
    head = _epithet_of(case_stem(words[0])) if len(words) == 1 else None
    if head is not None:
        return _generation_of(groups, head, words[0])
    if len(words) == 1 and _man_after_preposition(gazetteer_key(written), word_before):
        groups = [group for group in groups if not _a_woman(group)]  # "у Петрова"
    fitting = [
        group
        for group in groups
        if group.accepts(words) and not _relative_named_after(group, groups, start)
    ]
    if not fitting and len(words) == 1:
        fitting = _first_name_fits(groups, words[0], start if introduced else None)
        if not fitting and " " not in written and short_first_name(written):
            # a short form the normal form misread ("Лиду" read "Лид"): as written
            fitting = _first_name_fits(groups, written, start if introduced else None)
        if len(fitting) > 1 and gender is not None:
            # "Женя мечтала" of Евгения Мартова, not of her brother Евгений: the verb's gender
            same = [group for group in fitting if gender in _named_genders(group)]
            fitting = same or fitting
        plain = [group for group in fitting if group.middle is None]
        if len(fitting) > 1 and len(plain) == 1:
            # of two people of a first name, the one the text never names with a patronymic:
            # "Тимофея" beside "Тимофей Сухарев" and "Тимофей Львович Гаранин"
            fitting = plain
        if introduced and kin:
            # a relative introduced by first name ("внук фотографа Павел") is not a person
            # named before who has no relative of his surname named: he would be his own
            # grandson; a relative named again is ("ее муж Виктор Петрушин ... муж Виктор"), and
            # so is one of a family ("Максим Зуев и Артём Зуев ... его брат Артём")
            fitting = [
                group
                for group in fitting
                if group.kin
                or group.starts[0] > start
                or any(other is not group and other.last == group.last for other in groups)
            ]
            if not fitting:
                # "Старший сын Степан" of Михаил Рябинин named before: "Степан Рябинин"
                fitting = _relative_named_later(groups, words[0], start, anywhere=True)
    if not fitting and len(words) == 1:
        fitting = _written_surname_fits(groups, words[0], written)
    if not fitting and len(words) == 1:
        # a patronymic is not written alone: "Богданович" after "Глеб Богданович" is the surname
        # the name's second word was (pymorphy3 knows it as a patronymic only)
        middle = case_stem(words[0])
        fitting = [group for group in groups if group.last is None and group.middle == middle]
    if not fitting and len(words) == 1 and _patronymic_word(words[0]):
        # a patronymic alone, as a village calls a man ("Кузьмичом его зовут"): the one person
        # whose patronymic it is
        middle = case_stem(words[0])
        same = [group for group in groups if group.middle == middle]
        if len(same) == 1:
            return same[0]
    if not fitting and words and all(_is_initials(word) for word in words):
        # initials alone, as an interview labels its speaker ("В. П.:"): the one person whose
        # first name and patronymic (or first name alone) they begin
        letters = "".join(word.replace(".", "") for word in words).lower()
        same = [group for group in groups if _initials_of(group).startswith(letters)]
        if len(letters) >= 2 and len(same) == 1:
            return same[0]
    if not fitting and len(words) == 1 and " " not in written:
        # an adjective-like surname whose lone form the normal form misread ("Лесной" read
        # as a woman's "Лесная"): its written stem is a person's surname
        # ("Ланской" of "Михаила Юрьевича Ланского" read "Ланский")
        stem = _adjective_stem(written)
        fitting = [
            group
            for group in groups
            if stem is not None
            and group.last is not None
            and stem in (group.last, _adjective_stem(group.last))
        ]
    if not fitting and len(words) == 2 and _patronymic_or_surname(words[1]):
        # a patronymic that is a surname too ("Иосиф Александрович" of Иосиф Бродский; "Роман
        # Абрамович" named alone stays): the one person of that first name
        middle = case_stem(words[1])
        same = [
            group
            for group in groups
            if group.same_first(words[0])
            and group.last is not None
            and group.middle in (None, middle)
            and group.genders & first_name_genders(words[0])
        ]
        if len(same) == 1 and not _same_sentence(same[0], start):
            return same[0]  # not "Роман Петров и Роман Абрамович"
    full = _clean_initials(words)
    if not fitting and len(words) == 1 and first_name_genders(words[0]) == _BOTH:
        # a surname alone that no one bears, a slip of the pen from one person's surname
        # ("Бурвин" after "Ольга Брувина"), is that person: when no one else's is as near
        last = case_stem(words[0])
        near = [
            group
            for group in groups
            if group.last is not None
            and typo_apart(last, group.last)
            and group.genders & surname_genders(words[0])
        ]
        if len(near) == 1:
            return near[0]
    if not fitting and len(full) >= 2:
        # the last words of a fuller name: "Гарсиа Маркес" of "Габриэль Гарсиа Маркес", "Лула
        # да Силва" of "Луис Инасиу Лула да Силва"
        inner = {case_stem(word) for word in full[:-1]}
        fitting = [
            group
            for group in groups
            if inner <= group.inner
            and group.last == case_stem(full[-1])
            and group.accepts(full[-1:])
        ]
        if len(fitting) > 1:
            return None  # "Ле Пен" of two people named in full
    if len(fitting) == 1:
        return fitting[0]
    if len(fitting) > 1 and _first_and_patronymic(words):
        # "Александр Сергеевич" of "Александр Сергеевич Пушкин", not of "Александр Блок"
        middle = case_stem(words[1])
        same = [group for group in fitting if group.middle == middle]
        return same[0] if len(same) == 1 else None
    if len(fitting) > 1 and len(full) > 1:
        same = [group for group in fitting if group.first == case_stem(full[0])]
        return (same or fitting)[0]
    if len(fitting) > 1 and len(full) == 1 and fitting[0].last == case_stem(full[0]):
        # a surname alone of a woman and a man: the one whose nominative its own reads
        # ("Петрова рассказала" of Ольга Петрова, not of Игорь Петров)
        key = gazetteer_key(full[0])
        same = [group for group in fitting if _nominative_surname(group) == key]
        if len(same) == 1 and len({_nominative_surname(group) for group in fitting}) > 1:
            return same[0]
        # a surname alone of two people ("Бут" after "Алла Бут" and "Виктор Бут"): the one
        # named last before it
        before = [(group.before(start), group) for group in fitting]
        named = [(at, group) for at, group in before if at is not None]
        if named:
            return max(named, key=lambda item: item[0])[1]
    return None


def _relative_named_after(group: _PersonGroup, groups: list[_PersonGroup], start: int) -> bool:
    """Whether ``group`` is a relative introduced after a noun of kinship after token ``start``
    ("Никифор Елагин ... его внук Никифор Петрович Елагин") whose surname no other person
    bears: a mention before that is of the one whose relative he is, not his."""
    return (
        group.kin
        and start < group.starts[0]
        and not any(other is not group and other.last == group.last for other in groups)
    )


def _initials_of(group: _PersonGroup) -> str:
    """The first letters of a person's first name and patronymic ("вп" of Виктор Павлович), as
    far as they are known."""
    letters = ""
    for stem in (group.first, group.middle):
        if not stem:
            break
        letters += stem[0]
    return letters


def _generation_of(groups: list[_PersonGroup], head: str, word: str) -> _PersonGroup | None:
    """The person a surname with "-младший" or "-старший" is ("Лапин-младший"): the one person
    of that surname, or of several the one a noun of kinship marks of that generation ("сына
    Егора Лапина", "Никита Кравцов — сын ..."), or the one not marked of the other; None when
    the text does not tell."""
    fitting = [group for group in groups if group.last == head]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    wanted = "younger" if "младш" in word.lower() else "elder"
    marks = [generation(span for span, _ in group.members) for group in fitting]
    same = [group for group, mark in zip(fitting, marks) if mark == wanted]
    if len(same) == 1:
        return same[0]
    if same:
        return None
    other = [group for group, mark in zip(fitting, marks) if mark is None]
    return other[0] if len(other) == 1 else None


def _written_surname_fits(
    groups: list[_PersonGroup], normal: str, written: str
) -> list[_PersonGroup]:
    """The people a lone surname fits as written when its normal form fits none: the normal
    form may have taken a woman's oblique form for a man's ("Сорокину" read as "Сорокин",
    "Рожкова" as "Рожков"), while the written form is either gender's."""
    if not written or " " in written or gazetteer_key(written) == gazetteer_key(normal):
        return []
    return [group for group in groups if group.last is not None and group.accepts([written])]


# prepositions of the dative: a woman's "-у" (her accusative) cannot follow them
_DATIVE_PREPOSITIONS = frozenset({"к", "ко", "по"})


def _man_after_preposition(word: str, before: str) -> bool:
    """Whether a surname in -ова/-ина or -ову/-ину after the preposition ``before`` is a man's:
    a woman's "-а" is her nominative, which no preposition governs, and her "-у" her
    accusative, which "к" and "по" do not."""
    if not before or not _is_preposition(before):
        return False
    stem = case_stem(word)
    if not stem.endswith(("ов", "ев", "ин", "ын")):
        return False
    ending = word[len(stem) :]
    return ending == "а" or (ending == "у" and before in _DATIVE_PREPOSITIONS)


@lru_cache(maxsize=1_000)
def _is_preposition(word: str) -> bool:
    return any(parse.tag.POS == "PREP" for parse in resources.word_parses(word))


def _a_woman(group: _PersonGroup) -> bool:
    """Whether a person is a woman by her first name or by her surname's nominative ("Алла
    Рябинина": "Рябинина" is her nominative, a man's would be "Рябинин")."""
    if "Masc" not in group.genders:
        return True
    surname = _nominative_surname(group)
    stem = case_stem(surname)
    return stem.endswith(("ов", "ев", "ин", "ын")) and surname == stem + "а"


def _word_before(span: Span) -> str:
    """The lowercase word right before ``span``, or ""."""
    return span.doc[span.start - 1].lower_ if span.start else ""


def _nominative_surname(group: _PersonGroup) -> str:
    """The surname of a person's fullest mention, in the nominative (compared lowercase)."""
    return gazetteer_key(group.members[0][1].split()[-1])


def _introduced(span: Span) -> bool:
    """Whether a common noun of people (lowercase, or opening the sentence) stands right before
    a one-word name, or before a genitive noun right before it: a person introduced by first
    name ("мой сосед Сергей", "Водитель Андрей", "водитель автобуса Сергей")."""
    if len(span) != 1 or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if _people_noun(before):
        return True
    # the noun's genitive complement between: "водитель автобуса Сергей", "жительница села Ольга"
    return (
        span.start >= 2
        and before.is_lower
        and genitive_noun(before)
        and _people_noun(span.doc[span.start - 2])
    )


def _people_noun(token: Token) -> bool:
    """Whether ``token`` is a common noun of people, lowercase or opening the sentence."""
    return (token.is_lower or bool(token.is_sent_start)) and _animate_noun(token.text)


@lru_cache(maxsize=10_000)
def _animate_noun(word: str) -> bool:
    """Whether pymorphy3 knows ``word`` as an animate noun."""
    return any(
        parse.tag.POS == "NOUN" and "anim" in parse.tag and parse.is_known
        for parse in resources.word_parses(word)
    )


def _first_name_fits(
    groups: list[_PersonGroup], word: str, start: int | None
) -> list[_PersonGroup]:
    """The people a lone first name may be: those of that first name or of the full name of a
    short form ("Лёва" of "Лев Николаевич Толстой"), with a patronymic or not ("Алексей" of
    "Алексей Петрович Гранин"), of an agreeing gender, named before token ``start`` when it is
    given; a person known by this first name alone first, when there is one."""
    key = case_stem(word)
    genders = first_name_genders(word)
    fitting = [
        group
        for group in groups
        if group.same_first(word)
        and group.genders & genders
        and (start is None or group.starts[0] < start)
    ]
    alone = [group for group in fitting if group.last is None and group.first == key]
    if not fitting and start is not None:
        return _relative_named_later(groups, word, start)
    return alone[:1] or fitting


def _relative_named_later(
    groups: list[_PersonGroup], word: str, start: int, anywhere: bool = False
) -> list[_PersonGroup]:
    """The one person of first name ``word`` named in full only after token ``start`` whose
    surname a person named earlier in the sentence of ``start`` bears: a relative introduced by
    first name, then named in full ("Алла Решетникова вышла с дочерью Ксенией ... Ксения
    Решетникова учится"); not a neighbour or a driver of another surname ("водитель Сергей ...
    министр Сергей Тальников"). A relative a noun of kinship introduces may have the person of
    his surname named ``anywhere`` before ("Михаил Рябинин ... Старший сын Степан ...
    Степан Рябинин")."""
    genders = first_name_genders(word)
    later = [
        group
        for group in groups
        if group.same_first(word)
        and group.last is not None
        and group.genders & genders
        and group.starts[0] > start
        and any(
            other is not group
            and other.last == group.last
            and other.starts[0] < start
            and (anywhere or _same_sentence(other, start))
            for other in groups
        )
    ]
    return later if len(later) == 1 else []


def _nominatives(members: list[tuple[Span, str]]) -> list[str]:
    """Words of the person's mentions that are in the nominative, as written."""
    words = []
    for span, _ in members:
        if person_case_gender(span)[0] == "Nom":
            doc, texts = span.doc, token_texts(span.doc, ORTH)  # a Token only for a tag
            # not a plural surname two people share ("Ольга и Татьяна Ларины")
            words += [
                texts[i]
                for i in range(span.start, span.end)
                if texts[i][:1].isupper() and token_tag(doc[i])[3] != "Plur"
            ]
    return words


def _settled(word: str, written: list[str]) -> str:
    """``word``, or the nominative form the article writes of it ("Раймонд" -> "Раймон")."""
    key = gazetteer_key(word)
    for candidate in written:
        other = gazetteer_key(candidate)
        if other == key:
            return word
    for candidate in written:
        other = gazetteer_key(candidate)
        prefix = len(os.path.commonprefix([key, other]))
        if 3 <= len(other) <= len(key) and prefix >= len(other) - 1 and prefix >= len(key) - 3:
            return candidate
    for candidate in written:
        # a foreign name the rules took a case ending off, written so in a nominative mention
        # ("Штиппе" of "в Австрии Йорген Штиппе" and "рассказал Штиппе")
        if (
            case_stem(candidate) == case_stem(word)
            and not _known_word(candidate.lower())
            and not _russian_surname_form(word, candidate)
        ):
            return candidate
    return word


def _best_read(members: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The fullest mentions, without those in the locative when others read differently: its
    "-е" hides a soft stem ("о Жан-Поле" may be of "Пол" or "Поль"; "Жан-Поля" says "Поль")."""
    keys = [_fullness(member)[:7] for member in members]
    top = max(keys)
    fullest = [member for member, key in zip(members, keys) if key == top]
    if len({name for _, name in fullest}) < 2:
        return fullest
    clear = [member for member in fullest if person_case_gender(member[0])[0] != "Loc"]
    return clear or fullest


def _a_man_by_other_mentions(span: Span, name: str, members: list[tuple[Span, str]]) -> bool:
    """Whether a name read as a woman's nominative ("Алия Мусукова") is a man's genitive: its
    person's surname alone is written elsewhere as a man's nominative ("отметил Мусуков"), or
    its first name is (:func:`_a_man_by_first_name`)."""
    words = name.split()
    if len(words) < 2 or len(span) != len(words) or person_case_gender(span) != ("Nom", "Fem"):
        return False
    if _a_man_by_first_name(words[0], members):
        return True
    last = gazetteer_key(words[-1])
    if not last.endswith("а") or surname_genders(last) != _BOTH:
        return False
    return any(
        len(other) == 1
        and gazetteer_key(other.text) == last[:-1]
        and surname_genders(other.text) == {"Masc"}
        and person_case_gender(other)[0] == "Nom"
        for other, _ in members
    )


def _a_man_by_first_name(first: str, members: list[tuple[Span, str]]) -> bool:
    """Whether the first name of a name read as a woman's ("Тимура Абдуллаевых" read as a
    woman Тимура) is a man's in the genitive: another mention writes it without the "-а" alone,
    as a man's first name in the nominative ("Тимур отказался")."""
    key = gazetteer_key(first)
    if not key.endswith("а") or len(key) < 4:
        return False
    return any(
        len(other) == 1
        and gazetteer_key(other.text) == key[:-1]
        and first_name_genders(other.text) != {"Fem"}
        and person_case_gender(other) == ("Nom", "Masc")
        for other, _ in members
    )


def person_name(members: list[tuple[Span, str]]) -> tuple[Span, str]:
    """The fullest name of a person, each word as a nominative mention writes it if one does;
    a patronymic another mention gives goes in ("Людмила Гурченко" and "Людмилы Марковны" are
    "Людмила Марковна Гурченко")."""
    span, name = max(_best_read(members), key=_fullness)
    written = _nominatives(members)
    if _a_man_by_other_mentions(span, name, members):
        name = normal_person_name(span, ("Gen", "Masc"))  # "Алия Мусукова" of "Мусуков"
        written = _nominatives([member for member in members if member[0] is not span])
    words = name.split()
    if len(words) == 2 and not _first_and_patronymic(words):
        middles = [
            other.split()[1]
            for _, other in members
            if _first_and_patronymic(other.split())
            and gazetteer_key(other.split()[0]) == gazetteer_key(words[0])
        ]
        if middles:
            words.insert(1, middles[0])
    if surname_first_full(words):
        words = [words[1], words[2], words[0]]  # "Баринов Геннадий Петрович": first name first
    words[-1] = _surname_beside_locative(span, words[-1], members)
    words[-1] = _man_in_oi(words, members)
    return span, " ".join(_settled(word, written) for word in words)


def _man_in_oi(words: list[str], members: list[tuple[Span, str]]) -> str:
    """A man's adjective-like surname as a lone mention writes it in "-ой", his nominative
    only ("Ланской погиб" beside "Михаила Юрьевича Ланского", read "Ланский"): a man's forms
    of a surname in "-ий" never end in "-ой"."""
    last = words[-1]
    stem = _adjective_stem(last)
    if len(words) < 2 or stem is None or first_name_genders(words[0]) != {"Masc"}:
        return last
    if not gazetteer_key(last).endswith(("ий", "ый")):
        return last
    for span, _ in members:
        text = span_text(span)
        if len(span) == 1 and gazetteer_key(text) == stem + "ой":
            return text
    return last


def _surname_beside_locative(span: Span, last: str, members: list[tuple[Span, str]]) -> str:
    """The surname of a name read from the locative, or the one the person's mentions in other
    cases agree on: the locative's -е is of a man's name in a consonant and in -а alike ("о
    Луисе Ривере" with "Риверу" is Ривера, with "Ривера" alone Ривер)."""
    if person_case_gender(span)[0] != "Loc":
        return last
    stem = case_stem(last)
    others = {
        name.split()[-1]
        for other, name in members
        if other is not span
        and name.split()
        and case_stem(name.split()[-1]) == stem
        and person_case_gender(other)[0] not in ("", "Loc")
    }
    if len(others) == 1:
        return others.pop()
    return last


def link_people(spans: list[Span]) -> list[Person]:
    """One :class:`Person` per person, named by its fullest nominative form."""
    people = []
    # "отца и сына Бойко", "Бондаренко живут": no one person
    spans = [span for span in spans if not (names_two(span) or names_several(span))]
    by_start = sorted(spans, key=lambda span: span.start)
    other_names = {
        span.start for previous, span in zip(by_start, by_start[1:]) if other_name(span, previous)
    }
    for members in group_people(spans):
        members.sort(key=lambda item: item[0].start_char)
        own = [
            member
            for member in members
            if member[0].start not in other_names and not _lone_epithet(member[1])
        ]
        best_span, best = person_name(own or members)
        first, middle, last = name_parts(best_span, best)
        people.append(
            Person(
                name=best,
                first=first,
                middle=middle,
                last=last,
                mentions=[mention(span, normal) for span, normal in members],
            )
        )
    return sorted(people, key=lambda person: person.mentions[0].start)
