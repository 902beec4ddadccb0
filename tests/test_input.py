"""Input that must never crash an article: characters pymorphy3 cannot name, text without a
Russian word, and the wrong container given to analyze_many."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp import resources


@pytest.mark.parametrize(
    "char",
    [
        "\U00017000",  # Tangut ideograph: a letter without a name in Python's Unicode database
        "\U00018b00",  # Khitan small script
        "\U0003134a",  # CJK extension G
        "\U000e01ef",  # variation selector supplement
        "\U0010ffff",  # a noncharacter
    ],
)
def test_a_letter_without_a_unicode_name_does_not_crash(char: str) -> None:
    text = f"Иван Петров приехал в Омск{char}. Цены в {char} выросли на 5%. {char}ов {char}"
    article = newsnlp.analyze(text)
    assert [person.name for person in article.people] == ["Иван Петров"]
    assert [fact.value for fact in article.percentages] == [5.0]
    for entity in article.people + article.places + article.organizations:
        for mention in entity.mentions:
            assert text[mention.start : mention.stop] == mention.text


def test_words_with_unnamed_letters_are_unknown_not_latin() -> None:
    analyzer = resources.morph_analyzer()
    assert str(analyzer.parse("\U00017000ов")[0].tag) == "UNKN"
    assert str(analyzer.parse("pdf")[0].tag) == "LATN"  # Latin words are still Latin
    assert str(analyzer.parse("iphone-15")[0].tag) == "LATN"


@pytest.mark.parametrize(
    "text",
    [
        "Reuters: Apple shares rose 5% after Tim Cook spoke in California.",
        "Die Deutsche Bank meldete ein Plus von 3 Prozent in Frankfurt.",
        "北京市的人口增长了 2%。",
        "12 % 34 %\n\n— 56,7%",
    ],
)
def test_text_without_a_russian_word_gives_an_empty_article(text: str) -> None:
    expected = newsnlp.Article(text=text)
    assert newsnlp.analyze(text) == expected
    assert list(newsnlp.analyze_many([text, "Цены выросли на 5%.", text])) == [
        expected,
        newsnlp.analyze("Цены выросли на 5%."),
        expected,
    ]


def test_one_russian_word_makes_the_text_russian() -> None:
    article = newsnlp.analyze("Apple: акции подорожали на 5%.")
    assert [fact.value for fact in article.percentages] == [5.0]
    assert article.percentages[0].subject is not None
    assert article.percentages[0].subject.text == "акции"


def test_a_lone_surrogate_is_named_in_a_non_russian_text_too() -> None:
    with pytest.raises(ValueError, match="lone surrogate"):
        newsnlp.analyze("Apple \ud800 rose")


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ({"a": "Цены выросли."}, "got a dict .its keys would be analyzed.; pass its values"),
        ("Цены выросли.", "got a single str; use analyze"),
        (b"abc", "got a single bytes"),
    ],
)
def test_analyze_many_rejects_a_mapping_or_a_single_text(texts: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        newsnlp.analyze_many(texts)  # type: ignore[arg-type]
