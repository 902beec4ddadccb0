"""Roles: the post each person holds ("Мэр Омска Сергей Шелест" -> мэр of Омск).

Runs after the linker and reads what it made: the people (``doc._.people``) with their
mentions, the places and organizations that can hold a post, and the tokens' lemmas and
morphology. Only the tokens next to a person's mentions are looked at, and only where one of
them may be a post's word. A post's noun comes from a general lexicon of offices
(:data:`POSTS`: held wherever they are named) and of trades (:data:`TRADES`: a role only where
the text says where they are practised, "фотограф агентства", not "писатель Иванов"), with
their compounds ("вице-мэр", "замминистра") and animate nouns in "-тель"/"-ист". It agrees
with the name in case and is singular. The constructions:

- the post before the name: "мэр Омска Сергей Шелест", "генеральным консулом КНР в
  Екатеринбурге Ло Шисюном", "Глава Минобрнауки Фальков";
- the post after the name, in apposition: "Сергей Шелест, мэр Омска", "Шелест (мэр Омска)",
  "Шелест — мэр Омска";
- a verb or noun of holding a post: "Шелест, занимающий пост мэра", "Шелест назначен на
  должность мэра", "Шелест стал мэром", "мэром Омска избран Сергей Шелест";
- acting for a post: "врио губернатора", "и. о. мэра", "исполняющий обязанности директора".

The holder (``Role.organization``) is the first place or organization named in the post's
words, as the Article names it; else a place of the Article an adjective of the post is made
from ("российский посол"); else, for a state's post, the country the article names most.

A post with no person next to it ("Как сообщил градоначальник") makes no person. The result is
each person's ``roles`` (:class:`~newsnlp.schema.Role` records) in ``doc._.people``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import resources
from ._batch import DocComponent, token_starts
from .extensions import get_facts, set_facts
from .normalize import person_case_gender
from .schema import Mention, Role
from .segment import sentence_finder
from .tag import best_parse, token_tag

# Nouns of posts and ranks: offices held in a state, an organization or a team (dictionary
# forms). A general lexicon of Russian, grouped by field; compounds ("вице-мэр",
# "экс-президент", "замминистра") are found from it.
POSTS = frozenset(
    """
    мэр градоначальник губернатор вице-губернатор президент вице-президент премьер
    премьер-министр вице-премьер министр замминистра канцлер вице-канцлер госсекретарь
    генсек секретарь статс-секретарь председатель зампред зампредседателя сопредседатель
    глава замглавы руководитель замруководителя директор гендиректор замдиректора
    начальник замначальника заведующий завкафедрой завотделом завлаб зав управляющий
    заместитель помощник советник референт консультант представитель полпред постпред
    пресс-секретарь пресс-атташе спикер депутат сенатор парламентарий конгрессмен член лидер
    вождь координатор консул посол атташе дипломат посланник префект супрефект бургомистр
    аким хоким староста атаман сити-менеджер омбудсмен уполномоченный комиссар еврокомиссар
    инспектор ревизор аудитор казначей контролёр куратор наместник
    король королева царь царица принц принцесса шейх эмир султан шах монарх император
    императрица фараон халиф князь княгиня герцог
    ректор проректор декан профессор доцент академик завуч
    прокурор генпрокурор судья следователь дознаватель
    генерал генерал-майор генерал-лейтенант генерал-полковник маршал адмирал вице-адмирал
    контр-адмирал полковник подполковник майор капитан лейтенант сержант прапорщик
    командир командующий главнокомандующий комбат комдив начштаба
    тренер наставник нападающий защитник полузащитник вратарь голкипер форвард
    редактор главред худрук солист солистка прима
    епископ архиепископ митрополит патриарх протоиерей настоятель игумен
    муфтий раввин имам аятолла кардинал понтифик
    шеф босс докладчик наблюдатель эмиссар
    """.split()
)

# Nouns of trades and callings: practised, not held ("писатель", "журналист"). One is a
# person's role where the text says where it is practised ("фотограф агентства «Рейтер»",
# "экономист ФАО"); alone it tells who someone is, not a post.
TRADES = frozenset(
    """
    экономист аналитик эксперт политолог социолог историк философ филолог лингвист
    юрист адвокат нотариус преподаватель учитель педагог методист воспитатель исследователь
    учёный аспирант лаборант игрок футболист хоккеист баскетболист волейболист теннисист
    шахматист боксёр спортсмен гроссмейстер пилот гонщик лётчик штурман астронавт космонавт
    журналист корреспондент обозреватель колумнист фотограф фотокорреспондент оператор
    репортёр ведущий телеведущий диктор блогер режиссёр продюсер актёр актриса певец певица
    музыкант композитор дирижёр хореограф балетмейстер художник скульптор писатель поэт
    драматург сценарист архитектор дизайнер инженер конструктор механик технолог программист
    разработчик рабочий мастер прораб бригадир машинист водитель шофёр фермер агроном
    ветеринар врач главврач хирург терапевт педиатр стоматолог медсестра фельдшер фармацевт
    священник иерей пастор владелец совладелец основатель сооснователь учредитель акционер
    бизнесмен предприниматель банкир менеджер топ-менеджер бухгалтер кассир продавец
    агент посредник переговорщик сотрудник служащий чиновник работник специалист офицер
    политик
    """.split()
)
_LEXICON = POSTS | TRADES

# adjectives in a post's name ("генеральный консул", "главный тренер") are kept; these tell
# when or how well someone holds it, not which post it is ("бывший мэр" is a мэр)
_NOT_OF_THE_POST = frozenset(
    """
    бывший новый нынешний прежний тогдашний будущий покойный действующий последний очередной
    известный знаменитый легендарный скандальный опальный молодой талантливый опытный
    новоизбранный свежеиспечённый свежеиспеченный избранный назначенный отставной временный
    многолетний бессменный давний старый недавний неизменный популярный влиятельный
    """.split()
)

# animate nouns in "-тель" / "-ист" that name no post or trade
_NOT_TRADES = frozenset(
    """
    житель зритель родитель читатель слушатель посетитель покупатель потребитель пользователь
    получатель отправитель победитель любитель приятель мститель спаситель обладатель
    держатель собиратель искатель поклонник телезритель избиратель наниматель
    турист террорист экстремист сепаратист исламист националист коммунист социалист
    оптимист пессимист монархист боевик
    """.split()
)

# nouns naming the kind of a place or organization ("города Омска", "компании «Газпром»"):
# before the name of what they describe they end the post's words
DESCRIPTORS = frozenset(
    """
    город область край республика район округ страна государство столица регион провинция
    штат поселение село деревня посёлок поселок префектура графство земля
    компания корпорация концерн холдинг группа банк фонд партия движение союз организация
    ассоциация федерация клуб команда сборная министерство ведомство служба агентство
    управление департамент комитет комиссия совет палата парламент правительство
    администрация мэрия правление суд прокуратура университет институт академия школа
    театр музей центр издание газета журнал телеканал канал радиостанция фирма завод
    предприятие объединение общество отделение представительство посольство консульство
    фракция блок альянс отдел кафедра факультет лаборатория редакция студия больница
    поликлиника госпиталь клиника
    """.split()
)

# prepositions a post's place or organization, or its field, follows ("консул в Екатеринбурге",
# "представитель при ООН", "министр по делам", "посол на Кипре")
_LINK_PREPOSITIONS = frozenset({"в", "во", "на", "при", "по"})
_FIELD_PREPOSITIONS = frozenset({"по"})
# other prepositions inside a post's phrase or a holder's name ("наблюдатель от ОБСЕ", "фронт
# за демократию против диктатуры")
_OTHER_PREPOSITIONS = frozenset({"от", "за", "против", "для", "с", "из"})
# punctuation that opens an apposition after a name ("Шелест, мэр Омска", "Шелест (мэр)")
_APPOSITION = frozenset({",", "(", "—", "–", "-"})
# nouns of a post held ("занимающий пост мэра", "назначен на должность главы")
_OFFICE_NOUNS = frozenset({"пост", "должность", "кресло"})
# verbs of holding, taking or being given a post, with the post in the instrumental
# ("стал мэром", "назначен министром", "работает тренером")
_BECOME = frozenset(
    """
    стать становиться являться быть работать служить назначить назначать избрать избирать
    переизбрать утвердить утверждать остаться оставаться числиться выбрать выбирать
    сделать объявить признать назвать называть
    """.split()
)
# verbs of holding, taking or leaving a post named by a noun of a post held ("занимает пост
# мэра", "назначен на должность", "ушёл с поста")
_HOLD = _BECOME | frozenset(
    """
    занимать занять вступить вступать заступить заступать уйти уходить покинуть покидать
    оставить оставлять освободить освобождать находиться
    """.split()
)
# words opening a clause that ends at a comma: "как сообщил губернатор, ..."
_PARENTHETICAL = frozenset({"как", "по", "согласно", "если", "когда", "хотя"})
# how far from a name the words of a post may stand (tokens)
_REACH = 12


# posts that are adjectives used as nouns ("управляющий", "уполномоченный по правам человека")
_NOUN_ADJECTIVES = frozenset(
    "управляющий заведующий командующий главнокомандующий уполномоченный ведущий служащий "
    "рабочий".split()
)


# posts short for a verb's participle, which govern the instrumental ("зав. кафедрой")
_VERB_POSTS = frozenset({"зав", "завкафедрой", "завотделом"})
_NOUN_ADJECTIVE_STEMS = tuple(word[:-2] for word in _NOUN_ADJECTIVES)


def _lemma(token: Token) -> str:
    return token.lemma_ or token.lower_


# the first parts of compound posts that keep the post ("бундестренер", "главтренер")
_POST_PREFIXES = frozenset({"бундес", "глав", "ген", "гос", "обер", "штаб", "унтер", "старш"})
# posts other words are put before to make a new one ("бундестренер", "генпрокурор")
_COMPOUNDABLE = tuple(
    post for post in _LEXICON if len(post) >= 6 and "-" not in post and not post.endswith("тель")
)


def _kind_of(word: str) -> str:
    return "post" if word in POSTS else "trade" if word in TRADES else ""


@lru_cache(maxsize=20_000)
def post_kind(lemma: str) -> str:
    """What a lemma names: "post" (an office of :data:`POSTS`), "trade" (one of
    :data:`TRADES`, or an animate noun in "-тель"/"-ист" not of :data:`_NOT_TRADES`:
    "обозреватель", "пианист"; not "житель"), or "". Compounds written with a hyphen or "зам"
    take their last part's kind ("вице-мэр", "экс-президент", "генерал-майор",
    "замгубернатора"); other unlisted compounds of a listed noun are trades ("бундестренер",
    "правозащитник")."""
    kind = _kind_of(lemma)
    if kind:
        return kind
    if "-" in lemma:
        last = lemma.rsplit("-", 1)[1]
        kind = _kind_of(last) or next(
            (
                _kind_of(parse.normal_form)
                for parse in resources.word_parses(last)
                if parse.tag.POS == "NOUN" and _kind_of(parse.normal_form)
            ),
            "",
        )
        if kind:
            return kind
    if lemma.startswith("зам") and len(lemma) > 5:
        for parse in resources.word_parses(lemma[3:]):
            if parse.tag.POS == "NOUN" and _kind_of(parse.normal_form):
                return _kind_of(parse.normal_form)
    base = (
        next(
            (
                post
                for post in _COMPOUNDABLE
                if lemma.endswith(post) and len(lemma) - len(post) >= 3
            ),
            None,
        )
        if lemma.endswith(_COMPOUNDABLE)
        else None
    )
    trade = lemma.endswith(("тель", "ист")) and lemma not in _NOT_TRADES
    if base is None and not trade:
        return ""
    animate = any(
        parse.normal_form == lemma and parse.tag.POS == "NOUN" and "anim" in parse.tag
        for parse in resources.word_parses(lemma)
    )
    if not animate:
        return ""
    if base is not None and lemma[: -len(base)] in _POST_PREFIXES:
        return _kind_of(base)  # "бундестренер", "главтренер": the post itself
    return "trade"  # an unlisted compound ("правозащитник"), held only where the text says


def is_post(token: Token) -> bool:
    """Whether a token is a noun of a post or a trade ("мэра", "Президента", "управляющий
    компанией"); an adjective-like post before a noun it agrees with is an adjective
    ("управляющий директор")."""
    return bool(token_kind(token))


def token_kind(token: Token) -> str:
    """The :func:`post_kind` of a token ("" when it names no post or trade)."""
    text = token.text
    if not text[:1].isalpha():
        return ""
    pos = token.pos_
    if pos in ("NOUN", "PROPN"):
        return post_kind(_lemma(token))
    if pos not in ("ADJ", "VERB"):
        return ""
    kind, adjective = _post_word(text.lower())
    if not adjective:
        return kind
    doc, i = token.doc, token.i
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.pos_ == "NOUN" and _case(after) == _case(token):
        return ""
    return kind


@lru_cache(maxsize=20_000)
def _post_word(word: str) -> tuple[str, bool]:
    """What a word the tagger calls an adjective or participle is as a post or trade: the
    kind of the noun it is when it has no adjective reading ("экс-председатель"), or of the
    adjective used as a noun it is ("управляющий", "уполномоченного": then True)."""
    parses = resources.word_parses(word)
    adjectives = [parse for parse in parses if parse.tag.POS in ("ADJF", "PRTF")]
    if not adjectives:
        for parse in parses:
            if parse.tag.POS == "NOUN" and post_kind(parse.normal_form):
                return post_kind(parse.normal_form), False
        return "", False
    if not word.startswith(_NOUN_ADJECTIVE_STEMS):
        return "", False
    for parse in adjectives:
        form = parse.inflect({"nomn", "sing", "masc"})
        if form is not None and form.word in _NOUN_ADJECTIVES:
            return post_kind(form.word), True
    return "", False


_OC_CASES = {
    "nomn": "Nom",
    "gent": "Gen",
    "gen2": "Gen",
    "datv": "Dat",
    "accs": "Acc",
    "ablt": "Ins",
    "loct": "Loc",
    "loc2": "Loc",
    "voct": "Voc",
}


@lru_cache(maxsize=20_000)
def _word_cases(word: str) -> frozenset[str]:
    """The cases (UD names) pymorphy3 allows a word in the singular."""
    return frozenset(
        _OC_CASES[parse.tag.case]
        for parse in resources.word_parses(word)
        if parse.tag.case in _OC_CASES and parse.tag.number != "plur"
    )


def _post_cases(token: Token) -> frozenset[str]:
    """The cases a post's word can stand in (its own forms; the tagger's case when none)."""
    cases = _word_cases(token.text.lower())
    return cases or frozenset({_case(token)})


def _singular(token: Token) -> bool:
    """A post of one person is singular ("представители власти" are not one person)."""
    return token_tag(token)[3] != "Plur"


def _case(token: Token) -> str:
    return token_tag(token)[1]


def _is_adjective(token: Token) -> bool:
    """An adjective, determiner or full participle (not a short one: "вручены" is a verb)."""
    pos = token.pos_
    if pos not in ("ADJ", "DET", "VERB"):
        return False
    morph = token.morph
    if "Variant=Short" in morph:
        return False
    return pos != "VERB" or "VerbForm=Part" in morph


def _title_adjective(token: Token) -> bool:
    """An adjective of a post's name, also one the tagger calls a proper noun for its capital
    letter ("Чрезвычайный и Полномочный Посол")."""
    if _is_adjective(token):
        return True
    if token.pos_ != "PROPN":
        return False
    parse = best_parse(token.text.lower(), *_adjective_tag(token))
    return parse.tag.POS == "ADJF" and _common_word(token.text.lower(), token_tag(token))


def _adjective_tag(token: Token) -> tuple[str, str, str, str]:
    """The tagger's tag of an adjective, as an adjective when it called it a proper noun."""
    tag = token_tag(token)
    return ("ADJ", *tag[1:]) if tag[0] == "PROPN" else tag


def _lowercase_word(token: Token) -> bool:
    text = token.text
    return text[:1].isalpha() and text[:1].islower()


@dataclass
class _Entities:
    """Who and what the tokens of a document name: a person index or a holder's name."""

    person: list[int]
    """per token: the index in ``doc._.people`` of the person it names, or -1"""
    holder: list[str | None]
    """per token: the Article name of the place or organization it names, or None"""
    place: bytearray
    """per token: 1 where the holder it names is a place"""


class _Offsets:
    """Token ranges of character offsets, from the document's token starts (no ``Token``
    objects, no ``char_span``)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = token_starts(doc)

    def tokens(self, mention: Mention) -> tuple[int, int]:
        """The tokens a mention overlaps: ``(first, end)``."""
        first = max(bisect_right(self.starts, mention.start) - 1, 0)
        return first, max(bisect_left(self.starts, mention.stop), first + 1)


def _entities(doc: Doc, offsets: _Offsets) -> _Entities:
    person = [-1] * len(doc)
    holder: list[str | None] = [None] * len(doc)
    for number, found in enumerate(get_facts(doc, "people") or []):
        for mention in found.mentions:
            first, end = offsets.tokens(mention)
            person[first:end] = [number] * (end - first)
    place = bytearray(len(doc))
    # organizations first: "Совета Европы" is held as the council, not as Europe
    for is_place, records in (
        (0, get_facts(doc, "organizations") or []),
        (1, get_facts(doc, "places") or []),
    ):
        for record in records:
            for mention in record.mentions:
                for i in range(*offsets.tokens(mention)):
                    if holder[i] is None and person[i] < 0:
                        holder[i] = record.name
                        place[i] = is_place
    return _Entities(person, holder, place)


def _may_be_post(lemma: str, lower: str) -> bool:
    """A cheap first look: whether a token with this lemma and text can be a post's word."""
    return (
        bool(post_kind(lemma))
        or lower.startswith(_NOUN_ADJECTIVE_STEMS)
        or ("-" in lower and bool(post_kind(lower)))
    )


class _MaybePost:
    """Which tokens of a document may be a post's word, looked up by the (lemma, text) hashes
    of the tokens asked about: the strings are decoded once per pair, ever."""

    MAX_CACHED = 200_000
    _known: dict[tuple[int, int], bool] = {}

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # the hashes stay a numpy array (a list of them would cost 40 bytes a token): only the
        # few tokens beside mentions are read
        self.hashes = doc.to_array([LEMMA, LOWER])

    def within(self, start: int, stop: int) -> bool:
        """Whether a token of ``doc[start:stop]`` may be a post's word."""
        known = self._known
        for lemma, lower in self.hashes[start:stop].tolist():
            pair = (lemma, lower)
            found = known.get(pair)
            if found is None:
                if len(known) >= self.MAX_CACHED:
                    known.clear()
                strings = self.doc.vocab.strings
                found = known[pair] = _may_be_post(strings[pair[0]], strings[pair[1]])
            if found:
                return True
        return False


_QUOTES = frozenset('«»"„“”')


class _Reader:
    """Reads the posts around the mentions of one document."""

    def __init__(self, doc: Doc, offsets: _Offsets) -> None:
        self.doc = doc
        self.offsets = offsets
        self.entities = _entities(doc, offsets)
        self.sentence = sentence_finder(doc)
        self._place_names: tuple[str, ...] | None = None
        self._main_country: tuple[str | None] | None = None

    def named(self, i: int) -> bool:
        """Whether token ``i`` is part of a place's or organization's name (or its quotes)."""
        return self.entities.holder[i] is not None

    def person_at(self, i: int) -> int:
        return self.entities.person[i]

    # ---- the words of a post ----------------------------------------------------------------

    def title_start(self, head: int, bound: int) -> int:
        """The first word of the post whose noun is ``head``: the adjectives before it that
        agree with it ("чрезвычайный и полномочный посол"), less those of time or fame."""
        doc = self.doc
        start = head
        case = _case(doc[head])
        i = head - 1
        while i >= bound:
            token = doc[i]
            if (
                _title_adjective(token)
                and token.pos_ != "DET"
                and (
                    _lowercase_or_first(token) or _common_word(token.text.lower(), token_tag(token))
                )
                and _case(token)
                and _agrees(case, token)
            ):
                i -= 1
                start = i + 1
                continue
            if (
                token.lower_ == "и"
                and i - 1 >= bound
                and _title_adjective(doc[i - 1])
                and start == i + 1
            ):
                i -= 1
                continue
            break
        while start < head and (
            _lemma(doc[start]) in _NOT_OF_THE_POST or doc[start].text[:1].isdigit()
        ):
            start += 1  # "бывший мэр", "45-летний мэр": a мэр
        return start

    def title_end(self, head: int, bound: int) -> int:
        """The end of the post's words after its noun: lowercase genitive words and "по" +
        a field ("министр иностранных дел", "заместитель министра", "министр по делам
        разведки"), up to a name or the noun naming the kind of a named holder ("мэр города
        Омска": "мэр")."""
        doc = self.doc
        end = head + 1
        i = head + 1
        field = False
        complement = False
        while i < bound:
            token = doc[i]
            if self.named(i) or self.person_at(i) >= 0 or not _lowercase_word(token):
                break
            if token.lower_ in _FIELD_PREPOSITIONS:
                field = True
                i += 1
                continue
            if (
                token.lower_ == "и"
                and i + 1 < bound
                and doc[i + 1].pos_ in ("NOUN", "ADJ")
                and _lowercase_word(doc[i + 1])
                and _case(doc[i + 1]) == _case(doc[i - 1])
                and not is_post(doc[i + 1])
            ):
                i += 1  # "по науке и образованию", "иностранных дел и обороны"
                continue
            if token.pos_ not in ("NOUN", "ADJ", "DET") and not _is_adjective(token):
                break
            if not field and _case(token) != "Gen" and not self._governed_instrumental(head, i):
                break
            if token.pos_ == "NOUN" and _lemma(token) in DESCRIPTORS and self._names_next(i, bound):
                break
            post = is_post(token)
            if post and complement and _singular(token):
                break  # "глава вооружённых сил генерал-лейтенант ...": a post of its own
            i += 1
            if token.pos_ == "NOUN":
                end = i
                complement = complement or not post
        return end

    def _names_next(self, i: int, bound: int) -> bool:
        """Whether a name of a place or organization follows token ``i`` (over adjectives)."""
        j = i + 1
        while j < bound and (_is_adjective(self.doc[j]) and _lowercase_word(self.doc[j])):
            j += 1
        return j < bound and (self.named(j) or self.doc[j].text in _QUOTES)

    def holder_after(self, head: int, bound: int) -> tuple[str | None, bool]:
        """The place or organization the post is held in: the first named one in the words
        that follow its noun, before anything else starts ("консулом КНР в Екатеринбурге":
        КНР's name); and whether a preposition comes before it ("посол в Грузии")."""
        i = head + 1
        preposition = origin = False
        while i < bound:
            if self.named(i):
                if origin and self.entities.place[i]:
                    break  # "гроссмейстер из Хорватии": where one comes from, not the holder
                return self.entities.holder[i], preposition
            if self.person_at(i) >= 0:
                break
            if self.doc[i].text == "(":
                close = self._bracket_close(i, bound)
                if close is None:
                    break
                i = close + 1
                continue
            if not (self._links(i) or self._governed_instrumental(head, i)):
                break
            origin = origin or self.doc[i].lower_ == "из"
            preposition = preposition or self.doc[i].lower_ in _LINK_PREPOSITIONS
            i += 1
        return None, False

    def _governed_instrumental(self, head: int, i: int) -> bool:
        """Whether token ``i`` is the instrumental a post made of a verb governs right after it
        ("управляющий компанией", "заведующий кафедрой", "зав. кафедрой")."""
        doc = self.doc
        gap = 2 if head + 1 < i and doc[head + 1].text == "." else 1
        if i != head + gap or _case(doc[i]) != "Ins" or doc[i].pos_ != "NOUN":
            return False
        post = doc[head]
        return post.pos_ in ("ADJ", "VERB") or _lemma(post) in _VERB_POSTS

    def _bracket_close(self, i: int, bound: int) -> int | None:
        """The ")" closing the "(" at ``i`` within a few tokens ("(ОФДД)", "(FN)")."""
        for j in range(i + 1, min(bound, i + 5)):
            if self.doc[j].text == ")":
                return j
            if self.person_at(j) >= 0:
                return None
        return None

    def _bracket_open(self, i: int, bound: int) -> int | None:
        """The "(" opening the ")" at ``i`` within a few tokens."""
        for j in range(i - 1, max(bound, i - 5) - 1, -1):
            if self.doc[j].text == "(":
                return j
            if self.person_at(j) >= 0:
                return None
        return None

    def _links(self, i: int) -> bool:
        """Whether token ``i`` can stand between a post and the name it is held in or the
        person holding it: names and their quotes, prepositions, and the words of the post's
        phrase: genitives ("мэр города Омска"), words after a preposition ("министр по делам
        разведки"), adverbs before adjectives ("крайне правого"), capitalized common words of
        official names ("Председатель Правительства РФ") and abbreviations ("ОАО")."""
        doc = self.doc
        token = doc[i]
        if self.named(i) or token.text in _QUOTES:
            return True
        lower = token.lower_
        if lower in _LINK_PREPOSITIONS or lower in _OTHER_PREPOSITIONS:
            return True
        if lower == "и":
            return i > 0 and (self.named(i - 1) or _lowercase_word(doc[i - 1]))
        text = token.text
        if not text[:1].isalpha():
            return False
        if not _lowercase_word(token):
            if text.isupper() and 2 <= len(text) <= 6:
                return True
            return (
                token.pos_ in ("NOUN", "ADJ")
                and _case(token) == "Gen"
                and _common_word(text.lower(), token_tag(token))
            )
        if token.pos_ == "ADV":
            return i + 1 < len(doc) and _is_adjective(doc[i + 1])
        if token.pos_ not in ("NOUN", "ADJ", "DET", "NUM") and not _is_adjective(token):
            return False
        return _case(token) == "Gen" or self._after_preposition(i)

    def _after_preposition(self, i: int, depth: int = 0) -> bool:
        """Whether a preposition governs token ``i`` (over the adjectives before it, and over
        a conjunct in the same case: "по стратегии и развитию")."""
        doc = self.doc
        j = i - 1
        while j >= 0 and j > i - 4 and _is_adjective(doc[j]):
            j -= 1
        if j >= 0 and doc[j].lower_ in _LINK_PREPOSITIONS | _OTHER_PREPOSITIONS:
            return True
        if depth or j < 1 or doc[j].lower_ != "и" or _case(doc[j - 1]) != _case(doc[i]):
            return False
        return doc[j - 1].pos_ == "NOUN" and self._after_preposition(j - 1, depth + 1)

    def role(self, head: int, bound: int, holder_bound: int) -> Role | None:
        """The role whose post's noun is ``head``; its words end before ``bound`` and its
        holder is looked for before ``holder_bound``. A trade is a role only where it is
        practised: a holder, or a complement naming a kind of organization ("работник
        фирмы")."""
        start = self.title_start(head, self.sentence(head).start)
        end = self.title_end(head, bound)
        holder, by_preposition = self.holder_after(head, holder_bound)
        if (holder is None or by_preposition) and token_kind(self.doc[head]) == "post":
            # "российский посол", "свердловский губернатор": the adjective names the holder
            # (of a trade it tells where one is from: "тбилисский врач")
            for i in range(start, head):
                place = self.place_of_adjective(i)
                if place is not None:
                    holder = place
                    start = i + 1
                    break
        while start < head and not _title_adjective(self.doc[start]):
            start += 1
        doc = self.doc
        if holder is None and token_kind(doc[head]) == "trade":
            if not any(_lemma(doc[i]) in DESCRIPTORS for i in range(head + 1, end)):
                return None
        acting = self.acting_start(start)
        if acting is not None:  # "врио губернатора": the post's words stay as written
            words = [
                _nominative_adjective(doc[i].text.lower(), token_tag(doc[i]), "masc")
                if _is_adjective(doc[i])
                else doc[i].text.lower()
                for i in range(acting, start)
            ]
            words += [doc[i].text.lower() for i in range(start, end)]
            title = " ".join(words).replace(" .", ".")
            start = acting
        else:
            title = title_of(doc, start, head, end)
        return Role(
            title=title,
            organization=holder,
            start=doc[start].idx,
            stop=doc[end - 1].idx + len(doc[end - 1].text),
            text=doc[start:end].text,
        )

    def acting_start(self, k: int) -> int | None:
        """The first token of the words of acting for another right before token ``k``
        ("врио", "и. о.", "временно исполняющий обязанности"), if there are any."""
        doc = self.doc
        if k >= 1 and doc[k - 1].lower_ in ("врио", "и.о.", "и.о"):
            return k - 1
        if k >= 4 and [doc[i].lower_ for i in range(k - 4, k)] == ["и", ".", "о", "."]:
            return k - 4
        if (
            k >= 2
            and _lemma(doc[k - 1]) == "обязанность"
            and doc[k - 2].lower_.startswith(("исполняющ", "исполнявш"))
        ):
            start = k - 2
            return start - 1 if start and doc[start - 1].lower_ == "временно" else start
        return None

    def _acting_agrees(self, head: int, name: Span) -> bool | None:
        """Whether the words of acting before a post agree with the name (None: there are
        none); "врио" and "и. о." do not decline."""
        start = self.acting_start(self.title_start(head, self.sentence(head).start))
        if start is None:
            return None
        participle = next(
            (self.doc[i] for i in range(start, head) if self.doc[i].lower_.startswith("испол")),
            None,
        )
        return participle is None or _agrees_with_name(participle, name)

    def place_of_adjective(self, i: int) -> str | None:
        """The Article's place an adjective is made from ("российский" -> "Россия",
        "подмосковный" -> "Подмосковье", "свердловский" -> "Свердловская область")."""
        token = self.doc[i]
        if not _is_adjective(token) or _lemma(token) in _NOT_OF_THE_POST:
            return None
        return _adjective_place(_lemma(token), self.place_names)

    @property
    def place_names(self) -> tuple[str, ...]:
        if self._place_names is None:
            self._place_names = tuple(place.name for place in get_facts(self.doc, "places") or [])
        return self._place_names

    # ---- the constructions ------------------------------------------------------------------

    def _chain(self, i: int, bound: int) -> tuple[list[int], int]:
        """Walking left from token ``i``: the post nouns of a post's phrase, left to right,
        and the first token of the phrase."""
        doc = self.doc
        heads: list[int] = []
        while i >= bound:
            if self.person_at(i) >= 0:
                break
            token = doc[i]
            if token.text == ")":
                opening = self._bracket_open(i, bound)
                if opening is None:
                    break
                i = opening - 1
                continue
            if is_post(token):
                heads.append(i)
            elif self._listed_place(i):
                pass
            elif not self._links(i) and not self._agrees_right(i, heads):
                acting = self.acting_start(i + 1)
                if acting is None or acting < bound:
                    break
                i = acting
            i -= 1
        heads.reverse()
        return heads, i + 1

    def _listed_place(self, i: int) -> bool:
        """Whether token ``i`` is a comma between the places of a post's list of places
        ("директор по развитию в России, на Украине и в Белоруссии")."""
        doc = self.doc
        if doc[i].text != "," or i == 0 or i + 1 >= len(doc) or not self.named(i - 1):
            return False
        if self.named(i + 1):
            return True
        return doc[i + 1].lower_ in _LINK_PREPOSITIONS and i + 2 < len(doc) and self.named(i + 2)

    def _agrees_right(self, i: int, heads: list[int]) -> bool:
        """Whether token ``i`` is a lowercase adjective of the post noun after it
        ("наблюдатель от ОБСЕ португальский парламентарий": "португальский")."""
        doc = self.doc
        token = doc[i]
        if not (_is_adjective(token) and _lowercase_word(token)):
            return False
        j = i + 1
        while j < len(doc) and _is_adjective(doc[j]):
            j += 1
        return j in heads and _agrees(_case(doc[j]), token)

    def before(self, start: int, stop: int) -> list[Role]:
        """Posts right before a name: "мэр Омска Сергей Шелест", "генеральным консулом КНР в
        Екатеринбурге Ло Шисюном", "наблюдатель от ОБСЕ парламентарий Хуан Суареш", and posts
        listed before it ("лидер партии, депутат парламента Иван Петров"). The words between
        are the posts' phrases and their holders' names; each post's noun agrees with the name
        in case (a post inside another's phrase, "заместитель министра", is not its own)."""
        doc = self.doc
        if (
            stop < len(doc)
            and self.person_at(stop) >= 0
            and self.person_at(stop) != self.person_at(start)
        ):
            return []  # "помощник госсекретаря Хиллари Клинтон Фил Гордон": Гордон's post
        if stop < len(doc) and doc[stop].lower_ in _FIELD_PREPOSITIONS:
            return []  # "помощник Хиллари Клинтон по европейским делам": her assistant's
        sent_start = self.sentence(start).start
        bound = max(sent_start, start - _REACH)
        name = doc[start:stop]
        heads, first = self._chain(start - 1, bound)
        chosen = self._own_posts(heads, name, start)
        roles = self._roles_of(chosen, start)
        for _ in range(2):  # posts listed before: "лидер Меджлиса, народный депутат Украины"
            if not roles or first - 2 < sent_start or doc[first - 1].text not in (",", "и"):
                break
            heads, left = self._chain(first - 2, max(sent_start, first - 1 - _REACH))
            chosen = self._own_posts(heads, name, first - 1)
            if not chosen or self._parenthetical(left, sent_start):
                break
            listed = self._roles_of(chosen, first - 1)
            if not all(role.organization or " " in role.title for role in listed):
                break  # a bare post before a comma is no listed post ("сказал мэр, ...")
            roles = listed + roles
            first = left
        return roles

    def _parenthetical(self, left: int, sent_start: int) -> bool:
        """Whether the words before ``left`` open a parenthetical whose comma ends at the
        listed posts ("Как заявил губернатор, мэр Омска ...": the governor is someone else)."""
        doc = self.doc
        i = left - 1
        while i >= sent_start and doc[i].text not in (",", ";", ":", "—", "«", "»"):
            if doc[i].lower_ in _PARENTHETICAL:
                return True
            i -= 1
        return False

    def _own_posts(self, heads: list[int], name: Span, bound: int) -> list[int]:
        """The post nouns of a phrase that are posts of the name: in its case, not inside an
        earlier post's words."""
        chosen: list[int] = []
        end = -1
        for head in heads:
            post = self.doc[head]
            if head < end or not _singular(post):
                continue
            acting = self._acting_agrees(head, name)
            if not (acting if acting is not None else _agrees_with_name(post, name)):
                continue
            chosen.append(head)
            end = self.title_end(head, bound)
        return chosen

    def _roles_of(self, heads: list[int], bound: int) -> list[Role]:
        found = [
            self.role(head, bound, next_head) for head, next_head in zip(heads, [*heads[1:], bound])
        ]
        return [role for role in found if role is not None]

    def after(self, begin: int, end: int) -> list[Role]:
        """Posts in apposition after a name: "Сергей Шелест, мэр Омска", "Шелест (мэр
        Омска)", "Шелест — мэр Омска", "Мишлен, один из президентов компании", "Ковач —
        политик и лидер партии"; a capitalized post right after a name signs it ("Иван Петров
        Президент ФИДЕ"). A post whose phrase runs on to another name is that name's ("Лев
        Пономарев, координатор движения Сергей Удальцов")."""
        doc = self.doc
        sent = self.sentence(end - 1)
        stop = end
        if stop < sent.end and doc[stop].text == ")" and begin and doc[begin - 1].text == "(":
            stop += 1  # the name in another script: "Скотт Хоровитц (Scott Horowitz), астронавт"
        if stop >= sent.end:
            return []
        bound = min(sent.end, stop + _REACH)
        mark = doc[stop].text if doc[stop].text in _APPOSITION else None
        i = stop + 1 if mark else stop
        one_of = i + 1 < bound and _lemma(doc[i]) == "один" and doc[i + 1].lower_ == "из"
        if one_of:
            i += 2
        # ", исполняющий обязанности представителя": the first word after the words of acting
        past_acting = next(
            (k for k in range(i + 1, min(bound, i + 5)) if self.acting_start(k) == i), None
        )
        if past_acting is not None:
            if not _agrees_with_name(doc[i], doc[begin:end]) and doc[i].lower_.startswith("испол"):
                return []
            i = past_acting
        while i < bound and not is_post(doc[i]) and _is_adjective(doc[i]):
            if not (_lowercase_word(doc[i]) or doc[i].text[:1].isdigit()):
                break  # "Иван Петров, 45-летний мэр Омска"
            i += 1
        if i >= bound or not is_post(doc[i]) or self.person_at(i) >= 0:
            return []
        post, name = doc[i], doc[begin:end]
        if one_of or past_acting is not None:
            fits = "Gen" in _word_cases(post.text.lower()) or _case(post) == "Gen"
        elif not _singular(post):
            fits = False
        elif mark is None:
            fits = post.is_title and "Nom" in _post_cases(post) and _case(name[0]) in ("", "Nom")
        elif mark == ",":
            fits = _agrees_with_name(post, name)
        else:
            fits = _agrees_with_name(post, name) or "Nom" in _post_cases(post)
        if not fits:
            return []
        clause = self._clause_end(i, sent.end)
        if clause < sent.end and self.person_at(clause) >= 0:
            return []
        roles = [self.role(i, bound, clause)]
        for k in range(i + 1, min(clause, bound) - 1):
            if doc[k].lower_ != "и":
                continue
            m = k + 1
            while m < clause and _is_adjective(doc[m]) and not is_post(doc[m]):
                m += 1
            other = doc[m] if m < clause else None
            if other is not None and is_post(other) and _singular(other):
                if _post_cases(other) & _post_cases(post):
                    roles.append(self.role(m, bound, clause))
            break
        return [role for role in roles if role is not None]

    def _clause_end(self, i: int, bound: int) -> int:
        """The end of the words of a post's phrase from ``i``: the next person or a mark that
        ends the phrase."""
        doc = self.doc
        while i < bound and self.person_at(i) < 0 and doc[i].text not in ",;:)—–(":
            i += 1
        return i

    def held_after(self, start: int, end: int) -> Role | None:
        """A post held, after the name: "Шелест, занимающий пост мэра", "Шелест назначен на
        должность мэра", "Шелест стал мэром Омска"; or given to the name after a verb of
        giving it ("назначил Шелеста мэром", "назвал Шелеста лучшим тренером")."""
        doc = self.doc
        sent = self.sentence(end - 1)
        bound = min(sent.end, end + _REACH)
        if start > sent.start and _lemma(doc[start - 1]) in _BECOME:
            k = end
            while k < bound and k <= end + 3 and _is_adjective(doc[k]):
                k += 1
            if k < bound and is_post(doc[k]) and _case(doc[k]) == "Ins":
                return self.role(k, bound, self._clause_end(k, bound))
        i = end
        if i < bound and doc[i].text == ",":
            i += 1
        for j in range(i, min(bound, i + 4)):
            if self.person_at(j) >= 0 or doc[j].text in ",;:":
                return None
            head = self._held_post(j, bound)
            if head is not None:
                return self.role(head, bound, self._clause_end(head, bound))
        return None

    def _held_post(self, j: int, bound: int) -> int | None:
        """The post's noun a cue at ``j`` gives: "пост мэра", "должность главы" (a genitive
        after a noun of a post held), "стал мэром", "назначен министром" (an instrumental
        after a verb of holding)."""
        doc = self.doc
        lemma = _lemma(doc[j])
        if lemma in _OFFICE_NOUNS and doc[j].pos_ == "NOUN":
            verb = j - 1
            if verb >= 0 and doc[verb].pos_ == "ADP":
                verb -= 1
            if verb < 0 or _lemma(doc[verb]) not in _HOLD:
                return None  # "кандидат на пост мэра" holds no post
            wanted = "Gen"
        elif lemma in _BECOME and doc[j].pos_ in ("VERB", "AUX"):
            wanted = "Ins"
        else:
            return None
        k = j + 1
        while k < bound and k <= j + 4 and (_is_adjective(doc[k]) or doc[k].lower_ == "и"):
            k += 1
        if k < bound and is_post(doc[k]) and _case(doc[k]) == wanted:
            return k
        return None

    def held_before(self, start: int) -> Role | None:
        """A post held, before the name: "мэром Омска избран Сергей Шелест", "на пост мэра
        назначен Шелест"."""
        doc = self.doc
        sent = self.sentence(start)
        i = start - 1
        if i < sent.start or _lemma(doc[i]) not in _BECOME:
            return None
        bound = max(sent.start, i - _REACH)
        head = None
        j = i - 1
        while j >= bound:
            if self.person_at(j) >= 0:
                break
            token = doc[j]
            if is_post(token):
                head = j
            elif not self._links(j) and _lemma(token) not in _OFFICE_NOUNS:
                break
            j -= 1
        if head is None:
            return None
        case = _case(doc[head])
        office = head > sent.start and _lemma(doc[head - 1]) in _OFFICE_NOUNS
        if case != "Ins" and not (office and case == "Gen"):
            return None
        return self.role(head, i, i)

    def roles(self, mentions: Sequence[tuple[Mention, bool, bool]]) -> list[Role]:
        """The roles read around ``mentions``: (mention, whether a post's word may stand
        before it, whether one may stand after it)."""
        found: list[Role] = []
        for mention, left, right in mentions:
            start, end = self.offsets.tokens(mention)
            if left:
                holder = self.bracketed_holder(end)
                for role in self.before(start, end):
                    if role.organization is None and holder is not None:
                        role = role.model_copy(update={"organization": holder})
                    found.append(role)
                held = self.held_before(start)
                if held is not None:
                    found.append(held)
            if right:
                found.extend(self.after(start, end))
                held = self.held_after(start, end)
                if held is not None:
                    found.append(held)
        return [self.in_country(role) for role in merge_roles(found)]

    def bracketed_holder(self, end: int) -> str | None:
        """A holder named in brackets right after a name ("архиепископ Лонгин (РПЦ)")."""
        doc = self.doc
        if end + 2 >= len(doc) or doc[end].text != "(" or not self.named(end + 1):
            return None
        close = self._bracket_close(end, len(doc))
        if close is None or not all(self.named(i) for i in range(end + 1, close)):
            return None
        return self.entities.holder[end + 1]

    def in_country(self, role: Role) -> Role:
        """A state's post the text names no holder of ("Премьер-министр Иван Петров") is held in
        the country the article names most, if it names one."""
        if role.organization is not None or not _state_post(role.title):
            return role
        country = self.main_country
        return role if country is None else role.model_copy(update={"organization": country})

    @property
    def main_country(self) -> str | None:
        """The country the article names most often (None when it names none)."""
        if self._main_country is None:
            countries = [
                place for place in get_facts(self.doc, "places") or [] if place.kind == "country"
            ]
            best = max(countries, key=lambda place: len(place.mentions)) if countries else None
            self._main_country = (best.name if best else None,)
        return self._main_country[0]


# posts of a state, held in a country ("президент", "премьер-министр", "глава государства")
STATE_POSTS = frozenset(
    """
    президент вице-президент премьер премьер-министр вице-премьер канцлер вице-канцлер король
    королева царь император императрица монарх шах эмир султан министр госсекретарь сенатор
    генпрокурор
    """.split()
)
_STATE_WORDS = frozenset({"государства", "правительства"})
_STATE_HEADS = frozenset({"глава", "председатель", "руководитель"})


def _state_post(title: str) -> bool:
    """Whether a title names a post of a state: a state post with adjectives ("первый
    президент") or with a field ("министр по делам разведки", "заместитель министра
    финансов"), or the head of a state or government ("глава государства"); not a post in an
    organization ("президент компании") nor one of a named kind of state ("британский
    премьер": Britain's, even when the article does not name Britain)."""
    words = title.split()
    if len(words) == 2 and words[0] in _STATE_HEADS and words[1] in _STATE_WORDS:
        return True
    lemmas = [_normal_form(word) for word in words]
    head = next((n for n, lemma in enumerate(lemmas) if lemma in STATE_POSTS), None)
    if head is None or not all(lemma in _STATE_ADJECTIVES for lemma in lemmas[:head]):
        return False  # "музыкальный король", "первый президент" (of what the text knows)
    return not any(lemma in DESCRIPTORS or lemma.endswith(("ский", "цкий")) for lemma in lemmas)


# adjectives of the name of a state's post ("федеральный министр", "государственный секретарь")
_STATE_ADJECTIVES = frozenset(
    "федеральный государственный генеральный чрезвычайный полномочный верховный главный".split()
)


@lru_cache(maxsize=20_000)
def _normal_form(word: str) -> str:
    parses = resources.word_parses(word)
    return str(parses[0].normal_form) if parses else word


@lru_cache(maxsize=20_000)
def _common_word(word: str, tag: tuple[str, str, str, str]) -> bool:
    """Whether pymorphy3 knows a word as a common word, not a name ("правительства")."""
    parse = best_parse(word, *tag)
    return bool(parse.is_known) and not (_NAME_GRAMMEMES & parse.tag.grammemes)


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_ADJECTIVE_ENDINGS = ("ский", "цкий", "ской", "ный", "ний", "ой", "ий", "ый")


@lru_cache(maxsize=20_000)
def _adjective_place(lemma: str, places: tuple[str, ...]) -> str | None:
    """The place of ``places`` whose name an adjective is made from: its stem and the
    place's first word share four letters or more, all but the last two of the name's
    ("японский" -> "Япония", "московский" -> "Москва", "свердловский" -> "Свердловская
    область")."""
    if not lemma.endswith(_ADJECTIVE_ENDINGS) or "-" in lemma:
        return None
    for place in places:
        word = place.split()[0].lower().replace("ё", "е")
        if not word.isalpha():
            continue
        shared = 0
        for one, other in zip(lemma, word):
            if one != other:
                break
            shared += 1
        if shared >= 4 and shared >= len(word) - 2 and shared < len(lemma):
            return place
        stem = lemma[: -len(next(e for e in _ADJECTIVE_ENDINGS if lemma.endswith(e)))]
        if len(stem) >= 5 and stem in word:  # "британский" -> "Великобритания"
            return place
    return None


def _lowercase_or_first(token: Token) -> bool:
    return _lowercase_word(token) or bool(token.is_sent_start)


def _agrees(case: str, token: Token) -> bool:
    other = _case(token)
    return not case or not other or other == case


_INDECLINABLE_CASES = {"", "Nom"}


def _agrees_with_name(post: Token, name: Span) -> bool:
    """Whether a post's noun can stand in the case of a name (the name's case as the
    normalizer reads it; a foreign name the tagger calls nominative may be in any case)."""
    name_case = person_case_gender(name)[0]
    cases = _post_cases(post)
    if not name_case or name_case in cases:
        return True
    return name_case == "Nom" and not any(_declined(token) for token in name)


def _declined(token: Token) -> bool:
    """Whether pymorphy3 knows the word as a declining name or noun (not a foreign name)."""
    parse = best_parse(token.text.lower(), *token_tag(token))
    return bool(parse.is_known) and "Fixd" not in parse.tag


def merge_roles(roles: list[Role]) -> list[Role]:
    """One role per post (title and holder), in text order; a post without a holder is
    dropped when the same post with one is there."""
    by_title: dict[str, list[Role]] = {}
    for role in sorted(roles, key=lambda role: role.start):
        same = by_title.setdefault(role.title, [])
        if any(role.organization == other.organization for other in same):
            continue
        same.append(role)
    kept = []
    for same in by_title.values():
        held = [role for role in same if role.organization is not None]
        kept.extend(held or same[:1])
    return sorted(kept, key=lambda role: role.start)


def title_of(doc: Doc, start: int, head: int, end: int) -> str:
    """The post's words in the nominative singular, lowercase: the noun ``head`` and the
    adjectives before it agreeing with it; the words after it stay as written ("генеральным
    консулом" -> "генеральный консул", "министра иностранных дел" -> "министр иностранных
    дел")."""
    noun = doc[head]
    noun_word, gender = _nominative_noun(noun.text.lower(), token_tag(noun))
    words = [
        _nominative_adjective(doc[i].text.lower(), _adjective_tag(doc[i]), gender)
        if _title_adjective(doc[i])
        else doc[i].text.lower()
        for i in range(start, head)
    ]
    words.append(noun_word)
    words.extend(doc[i].text.lower() for i in range(head + 1, end))
    return " ".join(words)


@lru_cache(maxsize=20_000)
def _nominative_noun(word: str, tag: tuple[str, str, str, str]) -> tuple[str, str]:
    """A post's noun in the nominative singular, and the gender its adjectives take."""
    parse = best_parse(word, *tag)
    if "Fixd" in parse.tag or parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return word, "masc"
    form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    gender = "femn" if parse.tag.gender == "femn" else "masc"
    return (form.word if form is not None else parse.normal_form), gender


@lru_cache(maxsize=20_000)
def _nominative_adjective(word: str, tag: tuple[str, str, str, str], gender: str) -> str:
    parse = best_parse(word, *tag)
    if parse.tag.POS not in ("ADJF", "PRTF"):
        return word
    form = parse.inflect({"nomn", "sing", gender}) or parse.inflect({"nomn", "sing"})
    return form.word if form is not None else word


def person_roles(doc: Doc) -> list[list[Role]]:
    """The roles of each person of ``doc._.people``, in the same order."""
    people = get_facts(doc, "people") or []
    if not people:
        return []
    offsets = _Offsets(doc)
    maybe = _MaybePost(doc)
    near: list[list[tuple[Mention, bool, bool]]] = []
    for person in people:
        # only the sides of mentions with a word that may be a post's within reach are read
        kept = []
        for mention in person.mentions:
            first, end = offsets.tokens(mention)
            left = maybe.within(max(first - _REACH, 0), first)
            right = maybe.within(end, min(end + 8, len(doc)))
            if left or right:
                kept.append((mention, left, right))
        near.append(kept)
    if not any(near):
        return [[] for _ in people]
    reader = _Reader(doc, offsets)
    return [reader.roles(mentions) if mentions else [] for mentions in near]


class RoleExtractor(DocComponent):
    """Sets the ``roles`` of each person the linker found (in ``doc._.newsnlp_people``)."""

    def __call__(self, doc: Doc) -> Doc:
        people = get_facts(doc, "people") or []
        held_by = person_roles(doc)
        if any(held_by):
            set_facts(
                doc,
                "people",
                [
                    person.model_copy(update={"roles": held}) if held else person
                    for person, held in zip(people, held_by)
                ],
            )
        return doc


@Language.factory(
    "newsnlp_roles",
    default_config={},
    requires=["token.lemma", "token.morph", "doc._.newsnlp_people", "doc._.newsnlp_places"],
    assigns=["doc._.newsnlp_people"],
)
def make_roles(nlp: Language, name: str) -> RoleExtractor:
    """Factory of the roles component."""
    return RoleExtractor()
