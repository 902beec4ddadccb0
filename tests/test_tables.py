"""newsnlp.tables: typed DataFrames of people, places, organizations, percentages, mentions;
``newsnlp batch --tables``; ``analyze_many`` knows its length."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

pandas = pytest.importorskip("pandas")

import newsnlp  # noqa: E402
from newsnlp import (  # noqa: E402
    Article,
    DateFact,
    DatePoint,
    Mention,
    Money,
    Organization,
    Percentage,
    Person,
    Phrase,
    Place,
    Ratio,
    Role,
)
from newsnlp.cli import main  # noqa: E402
from newsnlp.tables import COLUMNS, TABLES, write_tables  # noqa: E402

TEXT = (
    "Губернатор Самарской области Вячеслав Федорищев посетил Тольятти. Федорищев сообщил, "
    "что выпуск вырос на 8 %, а экспорт — на 20–25 процентов."
)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def mention(part: str, normal: str | None = None, after: int = 0) -> Mention:
    start, stop = span(TEXT, part, after)
    return Mention(start=start, stop=stop, text=part, normal=normal or part)


def phrase(part: str, lemma: str) -> Phrase:
    start, stop = span(TEXT, part)
    return Phrase(text=part, start=start, stop=stop, lemma=lemma)


ARTICLE = Article(
    text=TEXT,
    people=[
        Person(
            name="Вячеслав Федорищев",
            first="Вячеслав",
            last="Федорищев",
            mentions=[mention("Вячеслав Федорищев"), mention("Федорищев", after=50)],
            roles=[
                Role(
                    title="губернатор",
                    organization="Самарская область",
                    start=0,
                    stop=10,
                    text="Губернатор",
                )
            ],
        )
    ],
    places=[
        Place(
            name="Самарская область",
            kind="region",
            country="RU",
            lat=53.2,
            lon=50.1,
            source_id="iso3166-2:RU-SAM",
            aliases=["Самарщина"],
            mentions=[mention("Самарской области", "Самарская область")],
        ),
        Place(name="Тольятти", mentions=[mention("Тольятти")]),
    ],
    organizations=[],
    percentages=[
        Percentage(
            **dict(zip(("start", "stop"), span(TEXT, "8 %"))),
            text="8 %",
            value=8.0,
            kind="change",
            direction="up",
            subject=phrase("выпуск", "выпуск"),
            predicate="вырасти",
            places=["Самарская область"],
        ),
        Percentage(
            **dict(zip(("start", "stop"), span(TEXT, "20–25 процентов"))),
            text="20–25 процентов",
            value=None,
            low=20.0,
            high=25.0,
            kind="change",
            direction="up",
        ),
    ],
    dates=[
        DateFact(
            start=0,
            stop=5,
            text="2012–2014 годах",
            kind="range",
            begin=DatePoint(year=2012),
            end=DatePoint(year=2014, month=7),
        ),
        DateFact(start=5, stop=9, text="вчера", relative=True, unit="day", shift=-1),
    ],
    money=[
        Money(
            start=9,
            stop=20,
            text="5,3 млн рублей",
            amount=5_300_000.0,
            currency="RUB",
            kind="level",
            direction="none",
            block="story",
        ),
    ],
    ratios=[
        Ratio(
            start=20,
            stop=32,
            text="полтора раза",
            value=1.5,
            unit="times",
            kind="change",
            direction="up",
            subject=Phrase(text="выпуск", start=0, stop=6, lemma="выпуск"),
            predicate="вырасти",
            block="story",
        ),
    ],
)
OTHER = Article(
    text="Совет Европы.",
    organizations=[
        Organization(name="Совет Европы", mentions=[Mention(start=0, stop=12, text="Совет Европы")])
    ],
)


def test_one_row_per_entity_fact_and_mention() -> None:
    frames = newsnlp.tables([ARTICLE, OTHER], ids=["sam", "eu"])
    assert list(frames) == [
        "people",
        "roles",
        "places",
        "organizations",
        "percentages",
        "dates",
        "money",
        "ratios",
        "mentions",
    ]
    people = frames["people"]
    assert people.drop(columns="middle").to_dict("records") == [
        {
            "id": "sam",
            "entity": 0,
            "name": "Вячеслав Федорищев",
            "first": "Вячеслав",
            "last": "Федорищев",
            "roles": ["губернатор"],
            "role_organizations": ["Самарская область"],
            "mentions": 2,
        }
    ]
    assert people["middle"].isna().tolist() == [True]
    places = frames["places"]
    assert places["name"].tolist() == ["Самарская область", "Тольятти"]
    assert places["kind"].tolist()[0] == "region" and pandas.isna(places["kind"].iloc[1])
    assert places["aliases"].tolist() == [["Самарщина"], []]
    assert places["lat"].iloc[0] == 53.2 and math.isnan(places["lat"].iloc[1])
    assert frames["organizations"][["id", "name", "mentions"]].values.tolist() == [
        ["eu", "Совет Европы", 1]
    ]
    facts = frames["percentages"]
    first, second = facts.to_dict("records")
    assert (first["value"], first["subject"], first["subject_lemma"]) == (8.0, "выпуск", "выпуск")
    assert TEXT[first["subject_start"] : first["subject_stop"]] == "выпуск"
    assert first["places"] == ["Самарская область"] and second["places"] == []
    assert math.isnan(second["value"]) and (second["low"], second["high"]) == (20.0, 25.0)
    assert pandas.isna(second["subject"]) and pandas.isna(second["subject_start"])
    dates = frames["dates"]
    assert dates[["kind", "begin", "end"]].values.tolist()[0] == ["range", "2012", "2014-07"]
    assert dates["relative"].tolist() == [False, True] and str(dates["relative"].dtype) == "bool"
    assert dates["shift"].tolist()[1] == -1 and pandas.isna(dates["begin"].iloc[1])
    money = frames["money"]
    assert money[["amount", "currency", "kind", "block"]].values.tolist() == [
        [5_300_000.0, "RUB", "level", "story"]
    ]
    ratios = frames["ratios"]
    assert ratios[
        ["id", "value", "unit", "kind", "direction", "subject_lemma"]
    ].values.tolist() == [["sam", 1.5, "times", "change", "up", "выпуск"]]
    assert list(ratios["unit"].cat.categories) == ["times", "fraction"]
    mentions = frames["mentions"]
    assert mentions[["id", "type", "entity", "text"]].values.tolist() == [
        ["sam", "person", 0, "Вячеслав Федорищев"],
        ["sam", "person", 0, "Федорищев"],
        ["sam", "place", 0, "Самарской области"],
        ["sam", "place", 1, "Тольятти"],
        ["eu", "organization", 0, "Совет Европы"],
    ]
    for row in mentions[mentions["id"] == "sam"].itertuples():
        assert TEXT[row.start : row.stop] == row.text


def test_columns_are_typed() -> None:
    frames = newsnlp.tables([ARTICLE, OTHER])
    facts = frames["percentages"]
    assert str(facts["id"].dtype) == "int64"  # positions when no ids are given
    assert facts["id"].tolist() == [0, 0]
    assert str(facts["start"].dtype) == "int64"
    assert str(facts["value"].dtype) == "float64"
    assert str(facts["subject_start"].dtype) == "Int64"
    assert str(facts["subject"].dtype) == "string"
    assert isinstance(facts["kind"].dtype, pandas.CategoricalDtype)
    assert list(facts["kind"].cat.categories) == ["change", "level"]
    assert list(facts["direction"].cat.categories) == ["up", "down", "none"]
    assert list(frames["places"]["kind"].cat.categories) == ["country", "region", "city", "other"]
    assert list(frames["mentions"]["type"].cat.categories) == ["person", "place", "organization"]
    assert facts["places"].dtype == object


def test_empty_input_keeps_columns_and_types() -> None:
    frames = newsnlp.tables([])
    assert tuple(frames) == TABLES
    for name, df in frames.items():
        assert list(df.columns) == list(COLUMNS[name]) and len(df) == 0
    with_ids = newsnlp.tables([], ids=[], id_type="str")
    assert str(with_ids["people"]["id"].dtype) == "string"
    assert isinstance(frames["percentages"]["unit"].dtype, pandas.CategoricalDtype)
    # tables of several batches concatenate into the same types
    both = pandas.concat([newsnlp.tables([ARTICLE])["places"], frames["places"]])
    assert both.dtypes.equals(frames["places"].dtypes)


def test_mixed_ids_are_strings_and_bad_input_is_named() -> None:
    frames = newsnlp.tables([ARTICLE, OTHER], ids=[7, "b"])
    assert frames["mentions"]["id"].unique().tolist() == ["7", "b"]
    with pytest.raises(ValueError, match="got 1 ids for 2 articles"):
        newsnlp.tables([ARTICLE, OTHER], ids=["a"])
    with pytest.raises(TypeError, match=r"articles\[1\]: expected an Article, got Failure"):
        newsnlp.tables([ARTICLE, newsnlp.Failure(1, "ValueError: x")])
    with pytest.raises(TypeError, match="got one Article; wrap it"):
        newsnlp.tables(ARTICLE)  # type: ignore[arg-type]


def test_csv_and_parquet_files(tmp_path: Path) -> None:
    frames = newsnlp.tables([ARTICLE, OTHER], ids=["sam", "eu"])
    paths = write_tables(frames, tmp_path / "csv")
    assert [path.name for path in paths] == [f"{name}.csv" for name in TABLES]
    places = (tmp_path / "csv" / "places.csv").read_text(encoding="utf-8").splitlines()
    assert places[0] == "id,entity,name,kind,country,lat,lon,source_id,aliases,mentions"
    assert places[1] == (
        'sam,0,Самарская область,region,RU,53.2,50.1,iso3166-2:RU-SAM,"[""Самарщина""]",1'
    )
    assert places[2] == "sam,1,Тольятти,,,,,,[],1"

    pytest.importorskip("pyarrow")
    write_tables(frames, tmp_path / "pq", format="parquet")
    back = pandas.read_parquet(tmp_path / "pq" / "percentages.parquet")
    assert back["value"].tolist()[0] == 8.0
    assert isinstance(back["kind"].dtype, pandas.CategoricalDtype)
    assert [list(places) for places in back["places"]] == [["Самарская область"], []]
    empty = newsnlp.tables([])
    write_tables(empty, tmp_path / "empty", format="parquet")
    assert pandas.read_parquet(tmp_path / "empty" / "places.parquet").columns.tolist() == list(
        COLUMNS["places"]
    )
    with pytest.raises(ValueError, match="format must be one of"):
        write_tables(frames, tmp_path / "x", format="xlsx")  # type: ignore[arg-type]


CORPUS = [
    {"id": "a", "text": "Экспорт вырос на 9 %."},
    {"id": 2, "text": "Иван Петров приехал в Омск."},
    {"id": "bad", "text": "Цены выросли на 3 %\ud800."},
]


def write_corpus(path: Path) -> Path:
    path.write_text("\n".join(json.dumps(record) for record in CORPUS) + "\n", encoding="utf-8")
    return path


def test_batch_tables_csv(tmp_path: Path, capsys) -> None:
    source = write_corpus(tmp_path / "corpus.jsonl")
    # one document fails: exit status 1, its error in errors.csv, every other one written
    assert main(["batch", str(source), "--tables", str(tmp_path / "out"), "--quiet"]) == 1
    assert capsys.readouterr().out == ""  # with --tables and no -o, no JSONL on stdout
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == sorted([f"{name}.csv" for name in TABLES] + ["errors.csv"])
    people = pandas.read_csv(tmp_path / "out" / "people.csv", dtype={"id": str})
    assert people[["id", "name", "first", "last"]].values.tolist() == [
        ["2", "Иван Петров", "Иван", "Петров"]
    ]
    facts = pandas.read_csv(tmp_path / "out" / "percentages.csv", dtype={"id": str})
    rows = facts[["id", "value", "kind", "direction"]].values.tolist()
    assert rows == [["a", 9.0, "change", "up"]]
    errors = pandas.read_csv(tmp_path / "out" / "errors.csv")
    assert errors["id"].tolist() == ["bad"]
    assert errors["error"].iloc[0].startswith("ValueError: text has a lone surrogate")


def test_batch_tables_parquet_and_jsonl(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    source = write_corpus(tmp_path / "corpus.jsonl")
    out, jsonl = tmp_path / "out", tmp_path / "facts.jsonl"
    args = ["batch", str(source), "--tables", str(out), "--format", "parquet", "-o", str(jsonl)]
    assert main([*args, "--quiet"]) == 1  # one document of the corpus fails
    places = pandas.read_parquet(out / "places.parquet")
    rows = places[["id", "name", "kind", "country"]].values.tolist()
    assert rows == [["2", "Омск", "city", "RU"]]
    assert str(places["lat"].dtype) == "float64"
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 3


def test_analyze_many_knows_its_length() -> None:
    texts = ["Рост на 5 %.", "", "Иван Петров."]
    results = newsnlp.analyze_many(texts)
    assert len(results) == 3
    assert [len(a.percentages) for a in results] == [1, 0, 0]
    assert len(newsnlp.analyze_many(texts, on_error="record")) == 3
    with pytest.raises(TypeError, match="have no length"):
        len(newsnlp.analyze_many(text for text in texts))
    with pytest.raises(TypeError, match='on_error="skip"'):
        len(newsnlp.analyze_many(texts, on_error="skip"))


def test_tqdm_shows_a_total() -> None:
    from tqdm import tqdm

    assert tqdm(newsnlp.analyze_many(["Рост на 5 %."] * 4), disable=True).total == 4


def test_import_newsnlp_does_not_import_pandas() -> None:
    code = "import sys, newsnlp; print('pandas' in sys.modules, 'pyarrow' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_roles_table_has_a_row_per_person_and_post() -> None:
    governor = ARTICLE.people[0].roles[0]
    two_posts = Article(
        text="Ректор и профессор Анна Белова.",
        people=[
            Person(
                name="Анна Белова",
                mentions=[Mention(start=19, stop=30, text="Анна Белова")],
                roles=[
                    Role(title="ректор", start=0, stop=6, text="Ректор"),
                    Role(title="профессор", start=9, stop=18, text="профессор"),
                ],
            )
        ],
    )
    roles = newsnlp.tables([ARTICLE, OTHER, two_posts], ids=["sam", "eu", "two"])["roles"]
    assert list(roles.columns) == [
        "id", "entity", "name", "title", "organization", "start", "stop", "text"
    ]  # fmt: skip
    assert roles.drop(columns="organization").values.tolist() == [
        ["sam", 0, "Вячеслав Федорищев", "губернатор", governor.start, governor.stop, "Губернатор"],
        ["two", 0, "Анна Белова", "ректор", 0, 6, "Ректор"],
        ["two", 0, "Анна Белова", "профессор", 9, 18, "профессор"],
    ]
    assert roles["organization"].iloc[0] == "Самарская область"
    assert roles["organization"].isna().tolist() == [False, True, True]
    assert str(roles["start"].dtype) == "int64" and str(roles["title"].dtype) == "string"


def test_to_csv_of_a_table_writes_lists_as_json_arrays(tmp_path: Path) -> None:
    frames = newsnlp.tables([ARTICLE, OTHER], ids=["sam", "eu"])
    own = frames["people"].to_csv(index=False).splitlines()
    assert own[1].endswith('"[""губернатор""]","[""Самарская область""]",2')
    written = write_tables(frames, tmp_path)
    for path in written:  # the helper and pandas' own to_csv agree, cell for cell
        assert path.read_text(encoding="utf-8") == frames[path.stem].to_csv(index=False)
    back = pandas.read_csv(tmp_path / "places.csv", converters={"aliases": json.loads})
    assert back["aliases"].tolist() == [["Самарщина"], []]
    assert frames["places"]["aliases"].tolist() == [["Самарщина"], []]  # still lists


def test_tables_without_pandas_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import newsnlp\n"
        "try:\n"
        "    newsnlp.tables([newsnlp.Article(text='')])\n"
        "except ModuleNotFoundError as error:\n"
        "    print(error.name, '|', error)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == (
        "pandas | newsnlp.tables() needs pandas, which the light install leaves out: "
        'pip install "newsnlp[tables]" (pandas and pyarrow; or pip install pandas)'
    )
