"""Entity spans after newsnlp's clean-up, with sentences we wrote."""

from __future__ import annotations

from newsnlp.pipeline import default_pipeline


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
