"""Property-based tests (hypothesis): random Russian news fragments with unicode noise never make
the pipeline raise, and every offset it gives points at its own text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsnlp

# pieces of Russian news of our own, in the constructions the pipeline looks for
PEOPLE = ["Иван Петров", "Анна Сергеевна Ковалёва", "Петрова", "глава региона Олег Смирнов"]
PLACES = ["Омск", "в Омской области", "Казани", "Китай", "КНР", "Нижнем Новгороде", "Европы"]
ORGS = ["«Газпром»", "Сбербанк", "ООО «Ромашка»", "Министерство финансов", "ЕС", "НАТО"]
WORDS = ["экспорт", "цены", "доля", "выросли", "снизился", "составила", "рост", "и", "а", "—"]
FIGURES = ["на 5 %", "12,5%", "на 3 процента", "на 1,2 п.п.", "20–25 %", "почти 40%", "7 %"]
PERIODS = ["по итогам 2024 года", "за первый квартал", "в январе", "с начала года"]
PUNCTUATION = [".", ",", ":", ";", "!", "?", "…", "(", ")", "«", "»", '"', "-", "/"]
NOISE = [
    "\u0301",  # combining acute accent (Russian stress mark)
    "\u0308",  # combining diaeresis
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\ufeff",  # byte order mark inside the text
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "\r\n",
    "\n\n",
    "\t",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "שלום",
    "مرحبا",
    "北京",
    "日本語",
    "😀",
    "👩\u200d💻",  # an emoji joined with ZWJ
    "🇷🇺",
    "\U00017000",  # Tangut, no Unicode name in Python's database
    "\U0001d400",  # mathematical bold A
    "\U0010fffd",  # private use, plane 16
]

SUBJECTS = ["Экспорт", "Цены на бензин", "Доля онлайн-продаж", "Выручка «Газпрома»", "Импорт"]
VERBS = ["вырос", "снизились", "увеличилась", "составила", "упал", "подорожали"]

pieces = st.one_of(
    st.sampled_from(PEOPLE + PLACES + ORGS + WORDS + FIGURES + PERIODS),
    st.sampled_from(PEOPLE + PLACES + ORGS + WORDS + FIGURES + PERIODS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(NOISE),
    st.integers(0, 10**6).map(str),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3),
)
separators = st.sampled_from(["", " ", " ", " ", "  ", "\n", "\u00a0"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence of the percentage construction, "Экспорт вырос на 5 % по итогам 2024 года
    в Омской области", with noise put anywhere, inside words too."""
    words = [
        draw(st.sampled_from(SUBJECTS)),
        draw(st.sampled_from(VERBS)),
        draw(st.sampled_from(FIGURES)),
        draw(st.sampled_from(PERIODS)),
        draw(st.sampled_from(PLACES)),
    ]
    chars = list(" ".join(words) + draw(st.sampled_from([".", "", "!", ";"])))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(chars)))
        chars.insert(at, draw(st.sampled_from(NOISE)))
    return "".join(chars)


@st.composite
def fragments(draw: st.DrawFn) -> str:
    """A few sentences of the construction between random pieces, noise and separators."""
    parts = draw(
        st.lists(
            st.one_of(st.tuples(pieces, separators), st.tuples(sentences(), separators)),
            min_size=2,
            max_size=30,
        )
    )
    return "".join(piece + separator for piece, separator in parts)


def check(article: newsnlp.Article, text: str) -> None:
    assert article.text == text
    for entity in article.people + article.places + article.organizations:
        assert entity.mentions
        for mention in entity.mentions:
            assert text[mention.start : mention.stop] == mention.text
    for fact in article.percentages:
        assert text[fact.start : fact.stop] == fact.text
        for phrase in (fact.subject, fact.period):
            if phrase is not None:
                assert text[phrase.start : phrase.stop] == phrase.text
    json.loads(article.model_dump_json())  # serializable as it is


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(fragments(), min_size=1, max_size=6))
def test_batches_of_noisy_fragments_keep_every_offset(texts: list[str]) -> None:
    articles = list(newsnlp.analyze_many(texts, batch_size=4))
    assert len(articles) == len(texts)
    for article, text in zip(articles, texts):
        check(article, text)


@settings(max_examples=150, deadline=None, database=None)
@given(fragments())
def test_one_noisy_fragment_keeps_every_offset(text: str) -> None:
    check(newsnlp.analyze(text), text)
