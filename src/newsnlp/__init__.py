"""newsnlp: people, places, organizations, percentages, dates and money from Russian news.

>>> import newsnlp
>>> article = newsnlp.analyze("Мэр Омска Сергей Шелест встретился с Ло Шисюном.")
>>> [person.name for person in article.people]
['Сергей Шелест', 'Ло Шисюн']
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from . import collector  # first: pauses garbage collection while newsnlp imports

try:
    from ._version import __version__
    from .api import Analyses, AnalysisError, Failure, analyze, analyze_many
    from .pipeline import load
    from .render import render
    from .schema import (
        SCHEMA_VERSION,
        Article,
        Block,
        DateFact,
        DatePoint,
        Mention,
        Money,
        Organization,
        Percentage,
        Period,
        Person,
        Phrase,
        Place,
        Ratio,
        Role,
        json_schema,
    )
    from .tables import tables
finally:
    collector.resume()  # also when an import fails: the collector is never left paused

if TYPE_CHECKING:
    from .webpage import analyze_html


def __getattr__(name: str) -> Any:
    """``analyze_html`` and ``newsnlp.webpage`` are imported on first use: the page readers are
    not needed to analyze a text, and a cold start does not pay for them."""
    if name in ("analyze_html", "webpage"):
        webpage = import_module(".webpage", __name__)  # sets newsnlp.webpage
        globals()["analyze_html"] = webpage.analyze_html
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "SCHEMA_VERSION",
    "Analyses",
    "AnalysisError",
    "Article",
    "Block",
    "DateFact",
    "DatePoint",
    "Failure",
    "Mention",
    "Money",
    "Organization",
    "Percentage",
    "Period",
    "Person",
    "Phrase",
    "Place",
    "Ratio",
    "Role",
    "analyze",
    "analyze_html",
    "analyze_many",
    "json_schema",
    "__version__",
    "load",
    "render",
    "tables",
]
