"""newsnlp: people, places, organizations, percentages, dates and money from Russian news.

>>> import newsnlp
>>> article = newsnlp.analyze("Мэр Омска Сергей Шелест встретился с Ло Шисюном.")
>>> [person.name for person in article.people]
['Сергей Шелест', 'Ло Шисюн']
"""

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
    from .webpage import analyze_html
finally:
    collector.resume()  # also when an import fails: the collector is never left paused

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
