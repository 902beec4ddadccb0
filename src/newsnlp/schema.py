"""The result: typed, JSON-serializable records (pydantic v2) with a published JSON Schema.

Field names are a public contract. Offsets index the original Python ``str``:
``article.text[mention.start:mention.stop] == mention.text`` always holds.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


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


class Article(_Record):
    """Everything newsnlp found in one text."""

    text: str
    people: list[Person] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    percentages: list[Percentage] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article` (what ``newsnlp schema`` prints)."""
    return Article.model_json_schema()
