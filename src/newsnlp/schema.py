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

SCHEMA_VERSION: Final = "1.0"
"""The version of the result schema: the minor number grows when fields are added, the major
when a field changes or goes."""

BlockKind = Literal["title", "story", "author", "more"]
"""What a part of a page is: the rubric and headline, the story itself, the byline or author
bio, or anything else around the story (lists of other articles, teasers, times, tags, share
and photo-credit lines, menus, footers)."""
OWN_KINDS = ("title", "story")
"""The blocks whose facts are the article's own."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    period: Phrase | None = Field(default=None, description="'по итогам 2024 года'")
    places: list[str] = Field(
        default_factory=list, description="names of the article's places the figure is about"
    )
    block: BlockKind | None = Field(
        default=None, description="kind of the Article.blocks block the figure is in"
    )


class Block(_Record):
    """A part of the page, in order: ``Article.text[start:stop]``."""

    kind: BlockKind
    start: int
    stop: int


class Article(_Record):
    """Everything newsnlp found in one text."""

    schema_version: Literal["1.0"] = Field(
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
    published: str | None = Field(
        default=None, description="publication date, ISO 8601 (from an HTML page's metadata)"
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
        percentages there. The text and blocks stay, so offsets still index ``text``. An
        Article without blocks (made by hand) is all story.
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
            }
        )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article` (what ``newsnlp schema`` prints), with its
    ``version`` (:data:`SCHEMA_VERSION`)."""
    schema = Article.model_json_schema()
    schema["version"] = SCHEMA_VERSION
    return schema
