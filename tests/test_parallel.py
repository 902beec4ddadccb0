"""analyze_many over worker processes: input order, identical results, and failures contained."""

from __future__ import annotations

import os
import sys

import pytest

import newsnlp
from newsnlp.api import AnalysisError, Failure, _chunks, analyze_parallel, run_chunk

TEXTS = [
    "Мэр Омска Сергей Шелест встретился с консулом Китая Ло Шисюном.",
    "Экспорт Омской области в Китай увеличился на 94 %, а импорт — на 39 %.",
    "",
    "Президент Франции Эмманюэль Макрон прибыл в Берлин.",
    "По итогам 2024 года доля онлайн-продаж выросла на 3,5 процентного пункта.",
    "Акции «Газпрома» подешевели на 1,5 процента.\n\nМосква, 12 мая.",
    "В Твери открыли новый мост.",
]
# a lone surrogate (what json.loads makes of "\ud800") is not valid text: the tokenizer raises
BAD = "Цены в Казани выросли на 3 %\ud800."
DIE = "Этот текст убивает рабочий процесс."


def die_on_marker(start: int, texts: list[str]) -> list:
    """A worker's chunk runner that dies (as if killed by the OOM killer) on ``DIE``."""
    if DIE in texts:
        os._exit(3)
    return run_chunk(start, texts)


def test_two_processes_give_the_same_articles_in_order() -> None:
    texts = TEXTS * 3
    one = list(newsnlp.analyze_many(texts, batch_size=2))
    two = list(newsnlp.analyze_many(texts, batch_size=2, n_process=2))
    assert [article.text for article in two] == texts
    assert two == one


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_text_is_recorded_skipped_or_raised(n_process: int) -> None:
    texts = TEXTS[:3] + [BAD] + TEXTS[3:]
    recorded = list(
        newsnlp.analyze_many(texts, batch_size=3, n_process=n_process, on_error="record")
    )
    assert len(recorded) == len(texts)
    failure = recorded[3]
    assert isinstance(failure, Failure)
    assert failure.index == 3 and failure.error.startswith("ValueError: text has a lone surrogate")
    others = [result for result in recorded if not isinstance(result, Failure)]
    assert others == [newsnlp.analyze(text) for text in TEXTS]

    skipped = list(newsnlp.analyze_many(texts, batch_size=3, n_process=n_process, on_error="skip"))
    assert skipped == others

    with pytest.raises(AnalysisError, match=r"texts\[3\]: ValueError: text has a lone surrogate"):
        list(newsnlp.analyze_many(texts, batch_size=3, n_process=n_process))


def test_a_dying_worker_loses_only_its_text() -> None:
    texts = TEXTS[:4] + [DIE] + TEXTS[4:]
    results = list(analyze_parallel(_chunks(texts, 2), 2, run=die_on_marker))
    assert len(results) == len(texts)
    assert results[4] == Failure(4, "worker process died while analyzing this text")
    articles = results[:4] + results[5:]
    assert [article.text for article in articles] == TEXTS


def test_on_error_must_be_known() -> None:
    with pytest.raises(ValueError, match="on_error must be one of .* got 'ignore'"):
        newsnlp.analyze_many(TEXTS, on_error="ignore")  # type: ignore[call-overload]


def pipeline_address(start: int, texts: list[str]) -> list:
    """A worker's chunk runner that reports where its pipeline lives and whether it was
    there before the worker ran anything."""
    from newsnlp import pipeline

    return [(id(pipeline._default), os.getpid()) for _ in texts]


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_workers_are_forked_with_the_parents_loaded_pipeline() -> None:
    from newsnlp import api, pipeline

    assert api.start_method() == "fork"
    parent = id(pipeline.default_pipeline())
    results = list(analyze_parallel(_chunks(TEXTS * 4, 2), 2, run=pipeline_address))
    assert {address for address, _ in results} == {parent}  # no worker loaded its own
    assert os.getpid() not in {pid for _, pid in results}


def test_nlp_pipe_with_two_processes_shares_a_few_dozen_texts() -> None:
    from spacy.language import Language

    if not Language.has_factory("test_record_pid"):

        @Language.component("test_record_pid")
        def record_pid(doc):  # type: ignore[no-untyped-def]
            doc.user_data["pid"] = os.getpid()
            return doc

    nlp = newsnlp.load()
    nlp.add_pipe("test_record_pid")
    assert nlp.batch_size == 32  # spaCy's default of 1,000 gave one worker all the texts
    texts = TEXTS * 10
    docs = list(nlp.pipe(texts, n_process=2))
    assert [doc.text for doc in docs] == texts
    assert len({doc.user_data["pid"] for doc in docs}) == 2
    assert [doc._.newsnlp_people for doc in docs[:7]] == [
        doc._.newsnlp_people for doc in newsnlp.load().pipe(TEXTS)
    ]
