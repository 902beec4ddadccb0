"""People: one entry per person, by name compatibility over the whole document, named by its
fullest nominative form. The person being grouped and its name tests are in
:mod:`~newsnlp.link.person_group`, the name an entry gets in :mod:`~newsnlp.link.naming`; here,
which person a mention joins."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from .. import resources
from ..gazetteer import gazetteer_key
from ..normalize import span_normal
from ..schema import Person
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
    _initials_and_surname,
    _is_initials,
    _known_first_name,
    _lone_epithet,
    _patronymic_or_surname,
    _patronymic_word,
    case_stem,
    first_name_genders,
    name_parts,
    numbered_name,
    short_first_name,
    surname_genders,
    typo_apart,
)
from .naming import _fullness, person_name
from .person_group import _initials_first, _PersonGroup
from .readings import nominative_name_genders, read_mentions


def _same_sentence(group: _PersonGroup, start: int) -> bool:
    """Whether a mention of ``group`` is in the sentence of token ``start``."""
    doc = group.members[0][0].doc
    sentence = doc[start].sent.start
    return any(span.sent.start == sentence for span, _ in group.members)


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
