"""newsnlp: people, places, organizations, percentages, dates and money from Russian news.

>>> import newsnlp
>>> article = newsnlp.analyze("Мэр Омска Сергей Шелест встретился с Ло Шисюном.")
>>> [person.name for person in article.people]
['Сергей Шелест', 'Ло Шисюн']
"""

from .pipeline import AnalysisError, Failure, analyze, analyze_many, load
from .schema import (
    Article,
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
    json_schema,
)

__all__ = [
    "AnalysisError",
    "Article",
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
    "analyze",
    "analyze_many",
    "json_schema",
    "load",
]
__version__ = "0.1.0"
