"""newsnlp: people, places, organizations and percentage facts from Russian news.

>>> import newsnlp
>>> article = newsnlp.analyze("Мэр Омска Сергей Шелест встретился с Ло Шисюном.")
>>> [person.name for person in article.people]
['Сергей Шелест', 'Ло Шисюн']
"""

from .pipeline import AnalysisError, Failure, analyze, analyze_many, load
from .schema import (
    Article,
    Block,
    Mention,
    Organization,
    Percentage,
    Person,
    Phrase,
    Place,
    json_schema,
)
from .webpage import analyze_html

__all__ = [
    "AnalysisError",
    "Article",
    "Block",
    "Failure",
    "Mention",
    "Organization",
    "Percentage",
    "Person",
    "Phrase",
    "Place",
    "analyze",
    "analyze_html",
    "analyze_many",
    "json_schema",
    "load",
]
__version__ = "0.1.0"
