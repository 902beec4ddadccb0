"""The plain-Python face: analyze, analyze_many, bad input, threads, the JSON result."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import newsnlp

TEXT = (
    "Министр финансов Антон Силуанов прилетел в Казань. "
    "В Казани Силуанов обсудил с властями Татарстана рост доходов на 7%."
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "got NoneType"),
        (b"\xd0\x9c\xd1\x8d\xd1\x80", "got bytes; decode it first"),
        (42, "got int"),
    ],
)
def test_analyze_rejects_non_str(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        newsnlp.analyze(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t "])
def test_empty_text_gives_empty_article(text: str) -> None:
    article = newsnlp.analyze(text)
    assert article.text == text
    assert (article.people, article.places, article.organizations, article.percentages) == (
        [],
        [],
        [],
        [],
    )


def test_people_and_places_grouped() -> None:
    article = newsnlp.analyze(TEXT)
    people = {p.name: p for p in article.people}
    assert list(people) == ["Антон Силуанов"]
    assert [m.text for m in people["Антон Силуанов"].mentions] == ["Антон Силуанов", "Силуанов"]
    places = {p.name: p for p in article.places}
    assert [m.text for m in places["Казань"].mentions] == ["Казань", "Казани"]
    tatarstan = next(p for p in article.places if p.source_id == "iso3166-2:RU-TA")
    assert (tatarstan.kind, tatarstan.country) == ("region", "RU")
    assert [m.text for m in tatarstan.mentions] == ["Татарстана"]


def test_offsets_survive_crlf_nbsp_emoji_latin() -> None:
    text = "🚀 Reuters:\r\nГлава Сбербанка Герман Греф\u00a0приехал\u202fв Пермь 🙂.\r\n"
    article = newsnlp.analyze(text)
    mentions = [m for e in article.people + article.places for m in e.mentions]
    assert {m.text for m in mentions} >= {"Герман Греф", "Пермь"}
    for m in mentions:
        assert text[m.start : m.stop] == m.text


def test_non_russian_text_is_not_an_error() -> None:
    article = newsnlp.analyze("The quick brown fox jumps over the lazy dog. 北京欢迎你")
    assert article.percentages == []


def test_huge_article() -> None:
    paragraph = (
        "Жители Твери собрали урожай. Мэр Твери Алексей Огоньков сообщил, "
        "что сбор яблок вырос на 3 %.\n\n"
    )
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    assert len(text) > 1_000_000
    article = newsnlp.analyze(text)
    assert len(article.percentages) == text.count("3 %")
    last = article.percentages[-1]
    assert text[last.start : last.stop] == "3 %"


def test_analyze_many_matches_analyze_in_order() -> None:
    texts = [TEXT, "", "Курс вырос на 2%.", "Президент Франции Эмманюэль Макрон прибыл в Берлин."]
    many = list(newsnlp.analyze_many(texts, batch_size=2))
    assert [a.text for a in many] == texts
    assert many == [newsnlp.analyze(text) for text in texts]


def test_analyze_many_two_processes_keeps_order() -> None:
    texts = [f"Выручка выросла на {n}%." for n in range(1, 9)]
    values = [
        a.percentages[0].value for a in newsnlp.analyze_many(texts, batch_size=3, n_process=2)
    ]
    assert values == [float(n) for n in range(1, 9)]


def test_analyze_many_names_the_bad_item() -> None:
    with pytest.raises(TypeError, match=r"texts\[1\].*got bytes"):
        list(newsnlp.analyze_many(["Текст.", b"bytes"]))  # type: ignore[list-item]
    with pytest.raises(ValueError, match="batch_size must be a positive int"):
        list(newsnlp.analyze_many(["Текст."], batch_size=0))


def test_threads_agree() -> None:
    texts = [TEXT] * 8
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(newsnlp.analyze, texts))
    assert all(result == results[0] for result in results)


def test_article_is_json_with_schema() -> None:
    article = newsnlp.analyze(TEXT)
    data = json.loads(article.model_dump_json())
    assert set(data) == {
        "schema_version",
        "text",
        "people",
        "places",
        "organizations",
        "percentages",
        "blocks",
        "title",
        "author",
        "published",
        "dates",
        "money",
        "ratios",
        "statements",
    }
    assert data["schema_version"] == newsnlp.SCHEMA_VERSION == "1.1"
    fact = data["percentages"][0]
    assert fact["value"] == 7.0 and fact["unit"] == "percent" and fact["kind"] == "change"
    assert newsnlp.Article.model_validate(data) == article
    schema = newsnlp.json_schema()
    assert set(schema["properties"]) == set(data)
    assert "Percentage" in schema["$defs"]
    assert schema["version"] == "1.1"
    assert schema["properties"]["schema_version"]["const"] == "1.1"
    with pytest.raises(ValueError, match="schema_version"):
        newsnlp.Article.model_validate({**data, "schema_version": "0.9"})


def test_lone_surrogate_is_named() -> None:
    with pytest.raises(ValueError, match=r"lone surrogate '\\ud800' at offset 6"):
        newsnlp.analyze("Текст \ud800 тут")


def test_records_share_their_fields_set_and_a_copy_changes_only_its_own() -> None:
    from newsnlp.schema import Mention

    first = Mention(start=0, stop=5, text="Пенза", normal="Пенза")
    second = Mention(start=9, stop=14, text="Пензы", normal="Пенза")
    assert first.model_fields_set is second.model_fields_set  # one set, not one per record
    changed = first.model_copy(update={"block": "story"})
    assert changed.block == "story" and "block" in changed.model_fields_set
    assert first.model_fields_set == second.model_fields_set == {"start", "stop", "text", "normal"}
    assert second.model_dump(exclude_unset=True) == {
        "start": 9,
        "stop": 14,
        "text": "Пензы",
        "normal": "Пенза",
    }
