"""The learned subject chooser of percentages (``newsnlp.percentages.ranker``)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsnlp
from newsnlp.percentages.facts import iter_percentages
from newsnlp.percentages.ranker import (
    DIM,
    MODEL_NAME,
    Ranker,
    default_ranker,
    model_path,
    rules_keep,
    word_vector,
)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "models" / "train_percent_subjects.py"


@pytest.fixture(scope="module")
def nlp():
    return newsnlp.load()


def subjects(nlp, text: str, chooser: object = True) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [
        (fact.text, fact.subject.lemma if fact.subject else None)
        for fact in iter_percentages(doc, chooser=chooser)
    ]


def test_the_shipped_model_loads_small_and_whole() -> None:
    path = model_path()
    assert path is not None and path.name == MODEL_NAME
    assert path.stat().st_size < 5_000_000
    data = json.loads(path.read_text(encoding="utf-8"))
    ranker = default_ranker()
    assert data["size"] == len(ranker.weights) == 1 << 14
    # the shipped ranker fills in only: it never replaces a subject the rules found
    assert data["margin"] is None and ranker.margin is None and not ranker.reranks
    # a weight vector over the word embedding per dense context, each of the embedding's size
    assert {"all", "rule", "k=level", "k=change"} <= set(ranker.dense)
    assert all(vector.shape == (300,) for vector in ranker.dense.values())
    assert "news" in data["trained_on"]


def test_a_file_without_weights_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"size": 4}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a percent subject model"):
        Ranker.from_file(path)


def test_a_ranker_needs_weights() -> None:
    with pytest.raises(ValueError, match="at least one weight"):
        Ranker([], 0.0)


def test_dense_weights_of_another_size_are_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"dense weights 'all' have shape \(3,\), not \(300,\)"):
        Ranker([0.0], None, {"all": [0.1, 0.2, 0.3]})


def test_the_same_output_twice(nlp) -> None:
    text = (
        "Выручка сети аптек за год составила 12 млрд рублей. Это на 14% больше, чем годом "
        "ранее, а прибыль снизилась на 3%."
    )
    first = [fact.model_dump() for fact in iter_percentages(nlp(text))]
    second = [fact.model_dump() for fact in iter_percentages(nlp(text))]
    assert first == second
    assert [fact["subject"]["lemma"] for fact in first] == ["это", "прибыль"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun the chooser takes is read as its antecedent, as the rules read it
        (
            "Тарифы на воду в городе поднимут с июля. Они вырастут на 6,5%.",
            [("6,5%", "тариф")],
        ),
        (
            "Урожай зерна в области оказался рекордным: он превысил прошлогодний на 18%.",
            [("18%", "урожай")],
        ),
        # a share of a group named by "из них" in the sentence before
        ("Жители края чаще ездят на дачу. Об этом сообщают 46% из них.", [("46%", "житель")]),
        # listed changes keep their own nouns, not the nearer place
        (
            "Стоимость проезда в автобусах повысится на 10%, в трамваях — на 7%.",
            [("10%", "стоимость"), ("7%", "стоимость")],
        ),
        (
            "По итогам опроса 57% студентов считают стипендию низкой, а 9% затруднились с ответом.",
            [("57%", "студент"), ("9%", "студент")],
        ),
        ("Больше всего подорожали овощи: почти на 9%.", [("9%", "овощ")]),
    ],
)
def test_the_chooser_keeps_the_right_subject(nlp, text: str, expected: list) -> None:
    assert subjects(nlp, text) == expected


def _favouring(name: str) -> Ranker:
    """A ranker of our own that only likes candidates with the feature ``name``."""
    ranker = Ranker([0.0] * (1 << 14), 0.25)
    ranker.weights[ranker.index(name)] = 5.0
    return ranker


def test_a_ranker_replaces_the_rules_subject_when_a_candidate_outscores_it(nlp) -> None:
    # the rules take the subject of the governing verb ("совет"); a ranker that likes objects
    # takes the infinitive's object, what changes
    text = (
        "Совет директоров поручил менеджменту снизить издержки производства на 12% ниже "
        "прошлогодних."
    )
    assert subjects(nlp, text, chooser=None) == [("12%", "совет")]
    assert subjects(nlp, text, chooser=_favouring("dep=obj")) == [("12%", "издержка")]
    # the shipped ranker fills in only: the rules' subject stays
    assert subjects(nlp, text) == [("12%", "совет")]


def test_a_ranker_keeps_the_nominal_subject_of_the_predicate(nlp) -> None:
    text = "Выручка розничной сети выросла на 12%, сообщил директор."
    assert subjects(nlp, text, chooser=None) == [("12%", "выручка")]
    assert subjects(nlp, text, chooser=_favouring("dep=nmod")) == [("12%", "выручка")]


def test_the_rules_keep_a_subject_they_carried_or_took_across_a_clause_mark() -> None:
    assert rules_keep(["dep=nsubj", "carried=opening_change_noun"])
    assert rules_keep(["dep=nmod", "btw=semi"])  # "900 фермеров; 41% из них"
    assert rules_keep(["dep=obj", "btw=rel"])  # "2 млн человек, что превышает … на 14%"
    assert rules_keep(["dep=conj", "btw=dash"])  # "к Чехии и Польше — 3,1 и 3,4 % соответственно"
    assert not rules_keep(["dep=nsubj", "btw=bracket"])  # across a bracket it may overrule
    assert rules_keep(["dep=nsubj", "prev"])  # from the sentence before
    assert rules_keep(["dep=nsubj", "far"])
    assert not rules_keep(["dep=nsubj", "side=before", "read=change_by", "prevalence"])


def test_word_vectors_have_length_one_and_zeros_for_an_unknown_word() -> None:
    vector = word_vector("выручка")
    assert vector.shape == (DIM,)
    assert abs(float(vector @ vector) - 1.0) < 1e-6
    assert (word_vector("ъъъщщщыыы") == 0.0).all()


def test_with_nothing_from_the_rules_a_noun_in_a_prepositional_phrase_is_not_taken(nlp) -> None:
    found = subjects(nlp, "В мае лишь 36% отзывались о чиновниках критически.")
    assert found == [("36%", None)]


def test_without_the_chooser_the_rules_alone(nlp) -> None:
    text = "Опрошенные жители Казани оценили работу транспорта. Положительно ее оценивают 52%."
    assert subjects(nlp, text, chooser=False) == [("52%", None)]
    assert subjects(nlp, text, chooser=None) == [("52%", None)]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_percent_subjects", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fit_is_deterministic_and_learns_the_right_candidate() -> None:
    trainer = _trainer()
    rows = [
        {
            "candidates": [(("dep=nsubj", "case=Nom"), True, False), (("dep=obl",), False, True)],
            "dense": [("выручка", ("all",)), ("город", ("all", "rule"))],
        },
        {
            "candidates": [(("dep=obl", "case=Loc"), False, True), (("dep=nsubj",), True, False)],
            "dense": [("область", ("all", "rule")), ("прибыль", ("all",))],
        },
        {  # no right candidate: left out
            "candidates": [(("dep=obj",), False, False)],
            "dense": [("год", ("all",))],
        },
    ]
    first, second = trainer.fit(rows, steps=50), trainer.fit(rows, steps=50)
    assert (first[0] == second[0]).all()
    assert set(first[1]) == {"all", "rule"}
    assert all((first[1][name] == second[1][name]).all() for name in first[1])
    assert trainer.choose(rows[:2], first, 0.0) == [True, True]


def test_the_script_rebuilds_a_loadable_model(tmp_path: Path) -> None:
    news = ROOT.parent / "shared" / "data" / "news" / "percent.jsonl"
    if not news.exists():
        pytest.skip(f"{news} is absent: the ../shared evaluation data is only in dev checkouts")
    out = tmp_path / "model.json"
    command = [sys.executable, str(SCRIPT), "--docs", "3", "--news-only", "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, timeout=300)
    ranker = Ranker.from_file(out)
    assert ranker.size == 1 << 14 and ranker.margin is None
    assert any(weight != 0.0 for weight in ranker.weights)
    assert any(vector.any() for vector in ranker.dense.values())
