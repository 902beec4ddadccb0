"""newsnlp: people, places, organizations and percentage facts from Russian news.

>>> import newsnlp
>>> article = newsnlp.analyze("Мэр Омска Сергей Шелест встретился с Ло Шисюном.")
>>> [person.name for person in article.people]
['Сергей Шелест', 'Ло Шисюн']
"""

from .pipeline import AnalysisError, Failure, analyze, analyze_many, load
from .schema import (
    Article,
    Mention,
    Organization,
    Percentage,
    Person,
    Phrase,
    Place,
    Role,
    json_schema,
)

__all__ = [
    "AnalysisError",
    "Article",
    "Failure",
    "Mention",
    "Organization",
    "Percentage",
    "Person",
    "Phrase",
    "Place",
    "Role",
    "analyze",
    "analyze_many",
    "json_schema",
    "load",
]
__version__ = "0.1.0"
