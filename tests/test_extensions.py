"""spaCy round trips: the doc._ facts travel (processes, DocBin, JSON, a saved pipeline)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import newsnlp
from newsnlp.api import to_article

tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11+")

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Губернатор Самарской области Вячеслав Федорищев посетил Тольятти.",
    "Акции «Северстали» подешевели на 1,5 процента.",
]


@pytest.fixture(scope="module")
def nlp():
    return newsnlp.load()


@pytest.fixture(scope="module")
def docs(nlp) -> list[Doc]:
    return list(nlp.pipe(TEXTS))


def test_facts_are_stored_as_plain_data_and_read_as_records(docs) -> None:
    doc = docs[0]
    assert doc._.newsnlp_people == [
        {
            "name": "Вячеслав Федорищев",
            "first": "Вячеслав",
            "last": "Федорищев",  # fields at their defaults ("middle": None) are left out
            "mentions": [
                {
                    "start": 29,
                    "stop": 47,
                    "text": "Вячеслав Федорищев",
                    "normal": "Вячеслав Федорищев",
                    "block": "story",
                }
            ],
            "roles": [
                {
                    "title": "губернатор",
                    "organization": "Самарская область",
                    "start": 0,
                    "stop": 10,
                    "text": "Губернатор",
                }
            ],
        }
    ]
    person = doc._.people[0]
    assert isinstance(person, newsnlp.Person) and person.last == "Федорищев"
    assert [place.name for place in doc._.places] == ["Самарская область", "Тольятти"]
    assert docs[1]._.percentages[0].value == 1.5


def test_setting_the_short_name_stores_data(nlp) -> None:
    doc = nlp.make_doc("Иван")
    doc._.people = [{"name": "Иван", "first": "Иван", "mentions": []}]
    assert doc._.newsnlp_people[0]["first"] == "Иван" and doc._.people[0].name == "Иван"
    doc._.newsnlp_people = [{"name": "Пётр", "mentions": []}]  # the data is what counts
    assert [person.name for person in doc._.people] == ["Пётр"]
    with pytest.raises(ValueError, match="mentions"):
        doc._.people = [{"name": "Иван"}]


def test_pipe_with_two_processes_keeps_the_facts(nlp, docs) -> None:
    parallel = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert [to_article(doc) for doc in parallel] == [to_article(doc) for doc in docs]
    assert [e._.normal for e in parallel[0].ents] == [
        "Самарская область",
        "Вячеслав Федорищев",
        "Тольятти",
    ]


def test_docbin_with_user_data_keeps_the_facts(nlp, docs) -> None:
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert [to_article(doc) for doc in back] == [to_article(doc) for doc in docs]
    assert back[0].ents[0]._.normal == "Самарская область"
    assert back[1]._.percentages[0].subject.text == "Акции «Северстали»"


def test_a_doc_that_lost_its_facts_is_an_error(nlp, docs) -> None:
    back = next(
        DocBin(docs=docs[:1]).from_bytes(DocBin(docs=docs[:1]).to_bytes()).get_docs(nlp.vocab)
    )
    with pytest.raises(ValueError, match=r"no newsnlp facts .*DocBin\(store_user_data=True\)"):
        to_article(back)
    with pytest.raises(ValueError, match="doc._.newsnlp_people"):
        to_article(nlp.make_doc("Текст без обработки."))


def test_to_json_and_back(nlp, docs) -> None:
    names = [
        "newsnlp_people",
        "newsnlp_places",
        "newsnlp_organizations",
        "newsnlp_percentages",
        "newsnlp_dates",
        "newsnlp_money",
        "newsnlp_ratios",
        "newsnlp_statements",
        "newsnlp_dateline",
        "newsnlp_layout",
    ]
    data = docs[1].to_json(underscore=[*names, "normal"])
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["_"]["newsnlp_organizations"][0]["name"] == "Северсталь"
    assert data["underscore_span"]["normal"][0]["value"] == "Северсталь"
    back = Doc(nlp.vocab).from_json(data)
    assert to_article(back) == to_article(docs[1])


def test_analyze_pipes_names_what_a_removed_lemmatizer_leaves_unset() -> None:
    nlp = newsnlp.load()
    assert all(not missing for missing in nlp.analyze_pipes()["problems"].values())
    nlp.remove_pipe("newsnlp_lemmatizer")
    problems = nlp.analyze_pipes()["problems"]
    assert problems["newsnlp_ner"] == ["token.lemma"]
    assert problems["newsnlp_percentages"] == ["token.lemma"]


def test_another_librarys_short_name_is_left_alone() -> None:
    code = (
        "from spacy.tokens import Doc\n"
        "Doc.set_extension('people', default='theirs')\n"
        "import newsnlp\n"
        "from newsnlp.api import to_article\n"
        "doc = newsnlp.load()('Иван Петров приехал в Омск.')\n"
        "print(doc._.people, doc._.newsnlp_people[0]['name'], to_article(doc).people[0].name)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.split() == ["theirs", "Иван", "Петров", "Иван", "Петров"]


def installed_entry_points(directory: Path) -> Path:
    """A dist-info with the entry points pyproject.toml declares (what pip install writes)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = directory / f"newsnlp-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: newsnlp\nVersion: {project['version']}\n"
    )
    lines = []
    for group, points in project["entry-points"].items():
        lines += [f"[{group}]", *(f"{name} = {value}" for name, value in points.items()), ""]
    (info / "entry_points.txt").write_text("\n".join(lines))
    return directory


def test_saved_pipeline_loads_in_a_fresh_process_without_import_newsnlp(
    nlp, tmp_path: Path
) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    meta = json.loads((tmp_path / "pipeline" / "meta.json").read_text(encoding="utf-8"))
    assert (meta["name"], meta["version"]) == ("newsnlp", newsnlp.__version__)
    assert meta["requirements"] == [f"newsnlp=={newsnlp.__version__}"]
    assert meta["description"].startswith("People, places, organizations and percentage facts")

    site = installed_entry_points(tmp_path / "site")
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        f"doc = nlp({TEXTS[1]!r})\n"
        "print(nlp.meta['name'], nlp.max_length, [e.text for e in doc.ents],"
        " doc._.newsnlp_percentages[0]['value'])\n"
    )
    env = {"PYTHONPATH": f"{site}:{ROOT / 'src'}", "PATH": "/usr/bin:/bin"}
    check = "import sys; print('newsnlp' in sys.modules)"
    assert subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=env, check=True
    ).stdout.split() == ["False"]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "newsnlp 1000000000 ['Северстали'] 1.5"


def test_version_agrees_with_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert newsnlp.__version__ == project["version"]


def test_entry_points_are_the_factories_module() -> None:
    """pyproject's entry points name exactly the factories, tokenizer and callback of
    ``newsnlp.factories``, and the pipeline's stage order is its ``COMPONENTS``."""
    from newsnlp import factories, pipeline

    points = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "entry-points"
    ]
    assert list(points["spacy_factories"]) == list(factories.COMPONENTS)
    assert pipeline.COMPONENTS is factories.COMPONENTS
    defined = {
        name: value.__name__
        for name, value in vars(factories).items()
        if name.startswith("make_") and callable(value)
    }
    targets = [
        *points["spacy_factories"].values(),
        *points["spacy_tokenizers"].values(),
        *points["spacy_callbacks"].values(),
    ]
    assert sorted(targets) == sorted(f"newsnlp.factories:{name}" for name in defined)
    assert dict(points["spacy_tokenizers"]) == {
        factories.TOKENIZER: "newsnlp.factories:make_tokenizer"
    }
    assert dict(points["spacy_callbacks"]) == {factories.SETUP: "newsnlp.factories:make_setup"}
    for factory in factories.COMPONENTS:
        assert Language.get_factory_meta(factory).factory == factory


def test_the_installed_entry_points_are_pyprojects() -> None:
    """catalogue looks a name up in the entry points before its registry, so stale ones (an
    install older than pyproject.toml) break the pipeline: reinstall (pip install -e .)."""
    from importlib.metadata import entry_points

    points = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "entry-points"
    ]
    for group in ("spacy_factories", "spacy_tokenizers", "spacy_callbacks"):
        installed = {
            point.name: point.value
            for point in entry_points(group=group)
            if point.value.startswith("newsnlp.")
        }
        assert installed == dict(points[group]), (
            f"the installed {group} entry points are not pyproject.toml's: pip install -e ."
        )


def test_no_module_but_factories_registers_with_spacy() -> None:
    registering = ("@Language.factory", "@Language.component", "@registry.")
    found = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "src" / "newsnlp").rglob("*.py"))
        if path.name != "factories.py"
        and any(mark in path.read_text(encoding="utf-8") for mark in registering)
    ]
    assert found == []


def test_every_extension_is_registered_in_extensions_py() -> None:
    from spacy.tokens import Span

    found = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "src" / "newsnlp").rglob("*.py"))
        if path.name != "extensions.py" and "set_extension(" in path.read_text(encoding="utf-8")
    ]
    assert found == []
    for name in ("newsnlp_layout", "layout", "newsnlp_headline", "newsnlp_dateline", "roles"):
        assert Doc.has_extension(name), name
    assert Span.has_extension("normal")


def test_entry_points_name_every_factory_of_the_pipeline(nlp) -> None:
    """spacy.load of a saved pipeline finds each component through pyproject's entry points."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["entry-points"]["spacy_factories"]
    used = {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    assert sorted(used - set(declared)) == []
    for factory, target in declared.items():
        module, _, function = target.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), target
        assert Language.has_factory(factory), factory


def test_a_huge_documents_facts_are_the_same_data_stored_compact(nlp, monkeypatch) -> None:
    # from LARGE_BATCH tokens on, the data is made of key-sharing dicts: equal, the same keys in
    # the same order, still plain dicts (JSON, DocBin); the later stages' keys keep it so
    from newsnlp import extensions
    from newsnlp.extensions import _compact

    text = (
        "Мэр Твери Алексей Огоньков сообщил, что за март–май 2025 года выручка "
        "трамвайного парка выросла на 7,5 %, а число поездок — на 3 %."
    )
    plain = nlp(text)
    monkeypatch.setattr(extensions, "LARGE_BATCH", 1)
    compact = nlp(text)
    for name in extensions.FACTS:
        data = extensions.get_data(compact, name)
        assert data == extensions.get_data(plain, name), name
        assert json.dumps(data, ensure_ascii=False) == json.dumps(
            extensions.get_data(plain, name), ensure_ascii=False
        )
        assert all(type(item) is dict for item in data or [])
    percentages = extensions.get_data(compact, "percentages")
    assert [fact["value"] for fact in percentages] == [7.5, 3.0]
    assert list(percentages[0])[-3:] == ["places", "source", "block"]  # added by later stages
    assert to_article(compact) == to_article(plain)
    if sys.implementation.name == "cpython":  # the dicts share their keys: less memory
        import copy
        import tracemalloc

        fact = extensions.get_data(plain, "percentages")[0]
        model = extensions.FACTS["percentages"]
        taken = []
        for make in (lambda: copy.deepcopy(fact), lambda: _compact(fact, model)):
            tracemalloc.start()
            made = [make() for _ in range(200)]
            taken.append(tracemalloc.get_traced_memory()[0])
            tracemalloc.stop()
            assert made[0] == fact
        assert taken[1] < 0.8 * taken[0], taken
