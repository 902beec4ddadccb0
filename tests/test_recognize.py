"""Entity spans after newsnlp's clean-up, with sentences we wrote."""

from __future__ import annotations

from spacy.tokens import Span

from newsnlp.pipeline import default_pipeline
from newsnlp.recognize import cut_at_preposition


def _ents(text: str) -> list[tuple[str, str]]:
    return [(span.text, span.label_) for span in default_pipeline()(text).ents]


def test_bracketed_latin_name_is_its_own_span() -> None:
    ents = _ents("Об этом рассказал астроном Джошуа Вольф (Joshua Wolf) из Бостона.")
    assert ("Джошуа Вольф", "PER") in ents
    assert ("Joshua Wolf", "PER") in ents
    assert all("(" not in text and ")" not in text for text, _ in ents)


def test_no_punctuation_at_span_edges_and_dotted_names_whole() -> None:
    ents = _ents(
        "Как пишет Lenta.ru, в матче сыграли • Иван Петров (Россия) • Фил О’Рейли (Канада)."
    )
    texts = [text for text, _ in ents]
    assert "Lenta.ru" in texts
    assert "Иван Петров" in texts and "Фил О’Рейли" in texts
    assert all(not text.startswith("•") for text in texts)


def test_demonyms_are_not_places() -> None:
    ents = _ents("Американцы и канадцы спорят. Американцы предложили перенести встречу в Оттаву.")
    assert ("Американцы", "LOC") not in ents


def test_gazetteer_decides_place_or_organization() -> None:
    ents = _ents("Экипаж МКС передал привет. Страны ЕС и Европейский союз обсудили пошлины.")
    assert ("МКС", "LOC") in ents
    assert ("ЕС", "ORG") in ents
    assert ("Европейский союз", "ORG") in ents


def test_places_the_model_missed_are_added_from_the_gazetteer() -> None:
    ents = _ents("Финал чемпионата Европы пройдёт летом. Того же мнения придерживаются и в клубе.")
    assert ("Европы", "LOC") in ents
    assert all(text != "Того" for text, _ in ents)


def test_place_span_ends_before_a_preposition() -> None:
    # the model sometimes runs a place on into an organization's words; cut it there
    doc = default_pipeline()("Вчера Бюро Канады по защите прав потребителей выпустило доклад.")
    run_on = Span(doc, 2, 7, label="LOC")
    assert run_on.text == "Канады по защите прав потребителей"
    assert cut_at_preposition(run_on).text == "Канады"
    assert cut_at_preposition(Span(doc, 1, 7, label="ORG")) == Span(doc, 1, 7, label="ORG")


def test_places_inside_organization_names() -> None:
    doc = default_pipeline()("На заседании Совета Европы выступил посол.")
    assert [(span.text, span.label_) for span in doc.ents] == [("Совета Европы", "ORG")]
    assert [(span.text, span._.normal) for span in doc.spans["places_in_names"]] == [
        ("Европы", "Европа")
    ]
