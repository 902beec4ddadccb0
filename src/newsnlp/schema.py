"""The result: typed, JSON-serializable records (pydantic v2) with a published JSON Schema.

Field names are a public contract. Offsets index the original Python ``str``:
``article.text[mention.start:mention.stop] == mention.text`` always holds.

Every :class:`Article` (its JSON, each line of ``newsnlp batch``) carries
``schema_version`` (:data:`SCHEMA_VERSION`), and so does the published JSON Schema.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = "1.1"
"""The version of the result schema: the minor number grows when fields are added, the major
when a field changes or goes."""

BlockKind = Literal["title", "story", "author", "more"]
"""What a part of a page is: the rubric and headline, the story itself, the byline or author
bio, or anything else around the story (lists of other articles, teasers, times, tags, share
and photo-credit lines, menus, footers)."""
OWN_KINDS = ("title", "story")
"""The blocks whose facts are the article's own."""


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One shared ``set`` of given field names per combination (see ``_Record.model_post_init``)."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps a set of the fields given at construction on every instance: 216-728
        # bytes each, a third of an Article's memory (68k mentions of a 5 MB text: 50 MB).
        # Records are frozen, so nothing adds to it in place (model_copy copies it first):
        # instances made with the same fields share one set.
        given = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)


class Mention(_Record):
    """One place in the text where an entity is named."""

    start: int = Field(description="offset of the first character in Article.text")
    stop: int = Field(description="offset after the last character")
    text: str = Field(description="Article.text[start:stop]")
    normal: str | None = Field(
        default=None, description="this mention's own nominative form: 'Шелеста' -> 'Шелест'"
    )
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the mention is in"
    )


class Role(_Record):
    """A post a person holds: "мэр Омска" -> title "мэр", organization "Омск"."""

    title: str = Field(
        description="the post in the nominative, lowercase: 'мэр', 'генеральный консул'"
    )
    organization: str | None = Field(
        default=None,
        description="name of the place or organization the post is held in, as the Article "
        "names it ('Омск', 'Китай', 'Минобрнауки'); null when the text does not say",
    )
    start: int = Field(description="offset of the first character of the post's words")
    stop: int = Field(description="offset after the last character of the post's words")
    text: str = Field(description="Article.text[start:stop]: 'генеральным консулом'")


class Person(_Record):
    """A person, once per article, with every mention."""

    name: str = Field(description="normalized full name, nominative: 'Ло Шисюн'")
    first: str | None = Field(default=None, description="first name: 'Сергей'")
    middle: str | None = Field(default=None, description="patronymic or middle name")
    last: str | None = Field(default=None, description="surname: 'Шелест'")
    mentions: list[Mention]
    roles: list[Role] = Field(
        default_factory=list, description="the posts the article says the person holds"
    )


class Place(_Record):
    """A place, once per article, linked to the gazetteer when it knows it."""

    name: str = Field(description="normalized name, nominative: 'Омская область', 'Китай'")
    kind: Literal["country", "region", "city", "other"] | None = Field(
        default=None,
        description=(
            "what the gazetteer says it is ('other': a part of the world, a former or partially "
            "recognised state, the ISS); null when not linked"
        ),
    )
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code")
    lat: float | None = None
    lon: float | None = None
    source_id: str | None = Field(
        default=None, description="gazetteer id: 'geonames:1804879', 'iso3166:CN'"
    )
    aliases: list[str] = Field(
        default_factory=list, description="other names the article uses for it: 'КНР'"
    )
    mentions: list[Mention] = Field(
        description="also the places named inside organization names: 'Европы' in 'Совета Европы'"
    )


class Organization(_Record):
    """An organization, once per article."""

    name: str = Field(description="normalized name: 'Московский Международный Университет'")
    mentions: list[Mention]


class Phrase(_Record):
    """A stretch of text that a fact refers to."""

    text: str
    start: int
    stop: int
    lemma: str | None = Field(default=None, description="dictionary form of its head word")


Approx = Literal["exact", "about", "more_than", "less_than", "up_to"]
TimeUnit = Literal[
    "century", "decade", "year", "half", "quarter", "month", "week", "day", "hour", "minute"
]
Season = Literal["winter", "spring", "summer", "autumn"]


class DatePoint(_Record):
    """One end of a date range: the calendar fields the text gives (or the article's date
    resolves)."""

    year: int | None = None
    month: int | None = Field(default=None, description="1-12")
    day: int | None = Field(default=None, description="day of the month")
    quarter: int | None = Field(default=None, description="1-4: 'в третьем квартале'")
    half: int | None = Field(default=None, description="1-2: 'в первом полугодии'")
    season: Season | None = Field(default=None, description="'осенью 2004 года'")
    hour: int | None = Field(default=None, description="time of day: 'в 19:28', 'в 11 часов'")
    minute: int | None = None


class _When(DatePoint):
    """What a time expression means: a point (the calendar fields), a range (``begin`` /
    ``end``), a time relative to the article's date (``relative``, ``unit``, ``shift``) or a
    duration (``unit``, ``amount``)."""

    kind: Literal["date", "range", "duration"] = Field(
        default="date",
        description=(
            "'date': one point ('1 января 2011 года', 'в 2014 году', 'вчера'); 'range': from "
            "begin to end ('с 1 по 15 июля', 'в 2012–2014 годах', 'за год'); 'duration': a "
            "length of time ('в течение 12 лет', 'около девяти месяцев')"
        ),
    )
    century: int | None = Field(default=None, description="'в XIX веке' -> 19")
    weekday: int | None = Field(default=None, description="ISO day of the week, 1 = Monday")
    begin: DatePoint | None = Field(default=None, description="first date of a range")
    end: DatePoint | None = Field(default=None, description="last date of a range")
    relative: bool = Field(
        default=False,
        description=(
            "counted from the article's own date: 'в прошлом году', 'вчера', 'в четверг', "
            "'13 часов назад', 'за год'"
        ),
    )
    unit: TimeUnit | None = Field(
        default=None, description="the unit of a relative shift or of a duration"
    )
    shift: int | None = Field(
        default=None,
        description=(
            "for a relative date: how many units from the article's date ('в прошлом году' "
            "-1 year, '13 часов назад' -13 hours, 'завтра' +1 day, 'в этом месяце' 0); null "
            "for a weekday or a vague count ('несколько дней назад')"
        ),
    )
    amount: float | None = Field(
        default=None,
        description="length of a duration or of a relative range in units ('за 5 лет' -> 5)",
    )
    approx: Approx = Field(default="exact", description="'около девяти месяцев' -> about")
    resolved: bool = Field(
        default=False,
        description=(
            "the calendar fields (or begin/end) were computed from the article's date "
            "(Article.published), not read from the text"
        ),
    )


class DateFact(_When):
    """A date, a date range, a relative date or a duration in the text."""

    start: int
    stop: int
    text: str = Field(description="the expression: '15 декабря 2025 года', 'в прошлом году'")
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the date is in"
    )


class Period(Phrase, _When):
    """The time phrase a percentage refers to ('по итогам 2024 года'), with its date."""


_SOURCE = (
    "who gives the figure: the speaker_name of the statement whose content holds it "
    "('по данным Росстата' -> 'Росстат'); null when no statement does"
)
"""The description of the ``source`` of money, percentages and ratios."""


class Money(_Record):
    """An amount of money in the text, as a fact."""

    start: int
    stop: int
    text: str = Field(description="the expression: '5,3 млн рублей', '$2,9 млрд'")
    amount: float | None = Field(description="in units of the currency; null for a range")
    low: float | None = Field(default=None, description="lower bound of a range 'от 100 до 200'")
    high: float | None = Field(default=None, description="upper bound of a range")
    currency: str | None = Field(
        description="ISO 4217 code: RUB, USD, EUR, CNY, SEK...; a cryptocurrency, which has "
        "none, its exchange ticker: BTC (биткоин), ETH (эфириум); null when the text names none"
    )
    approx: Approx = "exact"
    kind: Literal["change", "level"] = Field(
        description="'подорожал на 10 рублей' is a change, 'стоит 100 рублей' a level"
    )
    direction: Literal["up", "down", "none"] = Field(description="'none' for a level")
    subject: Phrase | None = Field(default=None, description="what the amount measures")
    predicate: str | None = Field(
        default=None, description="lemma of the verb or noun of change: 'подорожать'"
    )
    source: str | None = Field(default=None, description=_SOURCE)
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the amount is in"
    )


class Percentage(_Record):
    """A percentage in the text, as a fact."""

    start: int
    stop: int
    text: str = Field(description="the expression: '66 %', 'на 1,2 процентного пункта'")
    value: float | None = Field(description="the number; null for a range")
    low: float | None = Field(default=None, description="lower bound of a range '20–25%'")
    high: float | None = Field(default=None, description="upper bound of a range")
    unit: Literal["percent", "percentage_point"] = "percent"
    approx: Literal["exact", "about", "more_than", "less_than", "up_to"] = "exact"
    kind: Literal["change", "level"] = Field(
        description="'вырос на 5%' is a change, 'доля составляет 5%' a level"
    )
    direction: Literal["up", "down", "none"] = Field(description="'none' for a level")
    subject: Phrase | None = Field(default=None, description="what the figure measures")
    predicate: str | None = Field(
        default=None, description="lemma of the verb or noun of change: 'вырасти'"
    )
    period: Period | None = Field(
        default=None, description="'по итогам 2024 года', with its date (year 2024)"
    )
    places: list[str] = Field(
        default_factory=list, description="names of the article's places the figure is about"
    )
    source: str | None = Field(default=None, description=_SOURCE)
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the figure is in"
    )


class Ratio(_Record):
    """A change or share stated without a percent sign, as a fact: "в полтора раза", "вдвое",
    "на треть", "треть опрошенных"."""

    start: int
    stop: int
    text: str = Field(description="the expression: 'полтора раза', 'вдвое', 'треть'")
    value: float | None = Field(
        description="the factor (1.5 for 'в полтора раза', 2 for 'вдвое') or the fraction "
        "(0.333 for 'на треть', 0.5 for 'наполовину'); null for a range or 'в несколько раз'"
    )
    low: float | None = Field(default=None, description="lower bound of a range 'в 2–3 раза'")
    high: float | None = Field(default=None, description="upper bound of a range")
    unit: Literal["times", "fraction"] = Field(
        description="'times' for a factor, 'fraction' for a fraction of a base or a share"
    )
    approx: Literal["exact", "about", "more_than", "less_than", "up_to"] = "exact"
    kind: Literal["change", "level"] = Field(
        description="'вырос в 2 раза', 'в 3 раза выше, чем' are changes; 'треть опрошенных' a level"
    )
    direction: Literal["up", "down", "none"] = Field(
        description="'none' for a level and for a factor of no direction ('разница в 5 раз')"
    )
    subject: Phrase | None = Field(default=None, description="what the figure measures")
    predicate: str | None = Field(
        default=None, description="lemma of the verb or noun of change, or the comparative"
    )
    period: Period | None = Field(default=None, description="the time phrase, with its date")
    places: list[str] = Field(
        default_factory=list, description="names of the article's places the figure is about"
    )
    source: str | None = Field(default=None, description=_SOURCE)
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the figure is in"
    )


SpeakerType = Literal["person", "organization", "other"]
"""What a statement's speaker is: a person, an organization (a body, a country, a medium), or
an unnamed or generic source ("эксперты", "источник")."""


class Statement(_Record):
    """Who said what: "«…», — сказал он", "по данным Росстата, …", "Путин: …"."""

    cue: Phrase = Field(
        description=(
            "the attributing words: a verb of speech or opinion ('заявил', 'считает', 'Как "
            "сообщил', 'говорится'), a source phrase ('По словам', 'по данным', 'согласно', "
            "'со ссылкой на') or a headline's colon; lemma: the verb's or noun's dictionary form"
        )
    )
    speaker: Phrase | None = Field(
        default=None,
        description=(
            "the words naming or pointing to the source in the text: 'Сергей Шелест', "
            "'градоначальник', 'он', 'Росстат', 'эксперты'; null for an impersonal cue "
            "('сообщается')"
        ),
    )
    speaker_name: str | None = Field(
        default=None,
        description=(
            "the name of the Article's person or organization the speaker is, resolved through "
            "pronouns ('он') and descriptors ('градоначальник' -> the mayor); null for an "
            "unnamed or generic source"
        ),
    )
    speaker_type: SpeakerType = Field(
        default="other", description="'person', 'organization', or 'other' when unresolved"
    )
    content: Phrase = Field(
        description=(
            "what was said: a quotation without its quote marks, or the reported clause "
            "without 'что' ('что экспорт вырос на 94 %' -> 'экспорт вырос на 94 %')"
        )
    )
    direct: bool = Field(
        default=False, description="the whole content is a quotation in quote marks"
    )
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the cue is in"
    )


class Block(_Record):
    """A part of the page, in order: ``Article.text[start:stop]``."""

    kind: BlockKind
    start: int
    stop: int


class Article(_Record):
    """Everything newsnlp found in one text."""

    schema_version: Literal["1.1"] = Field(
        default=SCHEMA_VERSION, description="the version of this schema (SCHEMA_VERSION)"
    )
    text: str
    people: list[Person] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    percentages: list[Percentage] = Field(default_factory=list)
    blocks: list[Block] = Field(
        default_factory=list,
        description="the page's parts in order, covering the text without overlaps",
    )
    title: str | None = Field(default=None, description="the headline")
    author: str | None = Field(default=None, description="the byline's or author bio's name")
    dates: list[DateFact] = Field(
        default_factory=list, description="dates, ranges, relative dates and durations"
    )
    money: list[Money] = Field(default_factory=list, description="amounts of money")
    ratios: list[Ratio] = Field(
        default_factory=list,
        description="changes and shares without a percent sign: 'в полтора раза', 'на треть'",
    )
    published: str | None = Field(
        default=None,
        description=(
            "the article's own date, ISO 8601 ('2026-12-01'), that relative dates were resolved "
            "against: given by the caller or an HTML page's metadata, else read from a date "
            "line of the text"
        ),
    )
    statements: list[Statement] = Field(
        default_factory=list,
        description="who said what: every statement with its cue, speaker and content",
    )

    def block_at(self, offset: int) -> Block | None:
        """The block that holds the character at ``offset`` (None when there are no blocks)."""
        starts = [block.start for block in self.blocks]
        index = bisect_right(starts, offset) - 1
        if index < 0 or offset >= self.blocks[index].stop:
            return None
        return self.blocks[index]

    def story(self) -> Article:
        """The article's own facts: this Article with only what its title and story say.

        People, places and organizations named there, each with only those mentions;
        percentages, dates, money and ratios there. The text and blocks stay, so offsets still index
        ``text``. An Article without blocks (made by hand) is all story.
        """
        return self._part(own=True)

    def around(self) -> Article:
        """The page's other facts: what is named only outside the title and story (author,
        bio, lists of other articles, menus, footers), with those mentions."""
        return self._part(own=False)

    def _part(self, own: bool) -> Article:
        def keep(block: BlockKind | None) -> bool:
            return (block is None or block in OWN_KINDS) == own

        def entities(items: list[Any]) -> list[Any]:
            kept = []
            for item in items:
                inside = [mention for mention in item.mentions if keep(mention.block)]
                if own and inside:
                    kept.append(item.model_copy(update={"mentions": inside}))
                elif not own and len(inside) == len(item.mentions):
                    kept.append(item)
            return kept

        return self.model_copy(
            update={
                "people": entities(self.people),
                "places": entities(self.places),
                "organizations": entities(self.organizations),
                "percentages": [fact for fact in self.percentages if keep(fact.block)],
                "dates": [fact for fact in self.dates if keep(fact.block)],
                "money": [fact for fact in self.money if keep(fact.block)],
                "ratios": [fact for fact in self.ratios if keep(fact.block)],
                "statements": [fact for fact in self.statements if keep(fact.block)],
            }
        )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article` (what ``newsnlp schema`` prints), with its
    ``version`` (:data:`SCHEMA_VERSION`)."""
    schema = Article.model_json_schema()
    schema["version"] = SCHEMA_VERSION
    return schema
