"""The words of posts: the lexicons of offices and trades, and what a word or a token is
as a post ("мэр" a post, "фотограф" a trade, "вице-мэр" and "замминистра" compounds)."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from .. import resources
from ..lexicons import lexicon_lines
from .forms import _case

# Nouns of posts and ranks: offices held in a state, an organization or a team
# (models/lexicons/posts.txt); compounds ("вице-мэр", "экс-президент", "замминистра") are found
# from it.
POSTS = frozenset(word for line in lexicon_lines("posts") for word in line)

# Nouns of trades and callings: practised, not held ("писатель", "журналист";
# models/lexicons/trades.txt). One is a person's role where the text says where it is practised
# ("фотограф агентства «Рейтер»", "экономист ФАО"); alone it tells who someone is, not a post.
TRADES = frozenset(word for line in lexicon_lines("trades") for word in line)
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


# adjectives of the name of a state's post ("федеральный министр", "государственный секретарь")
_STATE_ADJECTIVES = frozenset(
    "федеральный государственный генеральный чрезвычайный полномочный верховный главный".split()
)
