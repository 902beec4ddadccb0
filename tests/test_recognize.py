"""Entity spans after newsnlp's clean-up, with sentences we wrote."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsnlp.pipeline import default_pipeline
from newsnlp.places import cut_at_preposition
from newsnlp.recognize import bio_bounds, bio_spans


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


def _mentions(text: str) -> list:
    import newsnlp

    return [m for person in newsnlp.analyze(text).people for m in person.mentions]


def _people(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.stop, m.text, m.normal) for m in _mentions(text)]


def test_function_word_glued_to_a_name_is_trimmed() -> None:
    from spacy.tokens import Span

    from newsnlp.recognize import refine_entities

    doc = default_pipeline()("Всё-таки Проди снова победил.")
    doc.ents = [Span(doc, 0, 2, label="PER")]  # the model glues a sentence's first adverb
    refine_entities(doc)
    assert [(span.text, span.label_, span.start_char) for span in doc.ents] == [("Проди", "PER", 9)]
    doc = default_pipeline()("Президент Южной Кореи Но Му Хён прибыл в Пекин.")
    assert ("Но Му Хён", "PER") in [(span.text, span.label_) for span in doc.ents]
    # a name particle opening a sentence is capitalized, and stays
    doc = default_pipeline()("Жан-Мари Ле Пен и Марин Ле Пен выступили. Ле Пен-старший ушёл.")
    assert ("Ле Пен-старший", "PER") in [(span.text, span.label_) for span in doc.ents]


def test_organization_glued_before_a_person_is_split_off() -> None:
    text = "Интервью дал оператор Аль-Джазиры Карим аль-Масри."
    assert ("Аль-Джазиры", "ORG") in _ents(text)
    assert _people(text) == [(34, 49, "Карим аль-Масри", "Карим аль-Масри")]
    text = "В статье упомянут лидер Аль-Кайды Айман аз-Завахири."
    assert ("Аль-Кайды", "ORG") in _ents(text)
    assert _people(text) == [(34, 51, "Айман аз-Завахири", "Айман аз-Завахири")]


def test_name_particle_before_a_name_belongs_to_it() -> None:
    text = "Эту теорию развивал в книгах ибн Эзра, а затем и другие."
    assert _people(text) == [(29, 37, "ибн Эзра", "ибн Эзра")]


def test_place_span_with_a_first_name_and_a_known_surname_is_a_person() -> None:
    text = (
        "Глава республики Рамзан Кадыров открыл школу. Её построили к юбилею первого "
        "президента Ахмат-Хаджи Кадырова."
    )
    assert ("Ахмат-Хаджи Кадырова", "PER") in _ents(text)
    text = (
        "Сын Рамзан Кадыров продолжил дело отца. Команда первого президента Ахмат-Хаджи "
        "Кадырова осталась прежней."
    )
    assert ("Ахмат-Хаджи Кадырова", "PER") in _ents(text)
    people = {m.normal: (m.start, m.stop) for m in _mentions(text)}
    assert people == {"Рамзан Кадыров": (4, 18), "Ахмат-Хаджи Кадыров": (67, 87)}
    # an organization's name before a person is no first name
    for text, organization in (
        ("Гол забил полузащитник клуба Челси Иван Петров.", "Челси"),
        ("Снимок сделал фотограф Ассошиэйтед Пресс Билал Хасан.", "Ассошиэйтед Пресс"),
    ):
        assert (organization, "ORG") in _ents(text)


def test_people_named_inside_organization_names() -> None:
    import newsnlp

    article = newsnlp.analyze("Запуск готовили специалисты Космического центра Джонсона.")
    assert [o.name for o in article.organizations] == ["Космический центр Джонсона"]
    assert _people("Запуск готовили специалисты Космического центра Джонсона.") == [
        (48, 56, "Джонсона", "Джонсон")
    ]
    assert _people("Премьера прошла в Музыкальном театре имени Станиславского.") == [
        (43, 57, "Станиславского", "Станиславский")
    ]
    # a name in the nominative after the noun is the organization's own ("агентство Рейтер")
    assert _people("Митинг прошёл у здания агентства Рейтер.") == []


def test_a_name_the_document_gives_a_person_is_a_person_everywhere() -> None:
    from spacy.tokens import Span

    from newsnlp.people import relabel_people

    doc = default_pipeline()("Иван Камский сыграл вничью. Позже Ивана Камского поздравили.")
    spans = [Span(doc, 0, 2, label="PER"), Span(doc, 6, 8, label="LOC")]
    assert [(s.text, s.label_) for s in relabel_people(spans)] == [
        ("Иван Камский", "PER"),
        ("Ивана Камского", "PER"),
    ]


def test_people_of_a_list_the_model_skipped() -> None:
    from newsnlp.people import listed_people

    doc = default_pipeline()(
        "Судьи турнира:\n\n• Тору Камикава (Япония) • Иван Петров (Россия) • Марк Шилд "
        "(Австралия) • Коффи Коджа (Бенин) • Грэм Полл (Англия)"
    )
    skipped = [span for span in doc.ents if span.text != "Коффи Коджа"]
    found = listed_people(doc, skipped)
    assert [(s.text, s.start_char, s.end_char) for s in found if s.label_ == "PER"] == [
        ("Тору Камикава", 18, 31),
        ("Иван Петров", 43, 54),
        ("Марк Шилд", 66, 75),
        ("Коффи Коджа", 90, 101),
        ("Грэм Полл", 112, 121),
    ]
    # with fewer than three people in that place, nothing is guessed
    assert listed_people(doc, skipped[:4]) == skipped[:4]


def test_adjective_opening_a_sentence_is_no_person() -> None:
    from spacy.tokens import Span

    from newsnlp.recognize import refine_entities

    for text, kept in (
        ("Побритый наголо, он вошёл в зал.", []),
        ("Горький писал пьесы.", ["Горький"]),
    ):
        doc = default_pipeline()(text)
        doc.ents = [Span(doc, 0, 1, label="PER")]
        refine_entities(doc)
        assert [span.text for span in doc.ents] == kept


def test_a_span_starting_with_a_persons_first_name_is_that_person() -> None:
    from spacy.tokens import Span

    from newsnlp.people import relabel_people

    doc = default_pipeline()("Службу провёл архиепископ Лонгин Клинский. Затем Лонгин уехал.")
    spans = [Span(doc, 3, 5, label="ORG"), Span(doc, 7, 8, label="PER")]
    assert [(s.text, s.label_) for s in relabel_people(spans)] == [
        ("Лонгин Клинский", "PER"),
        ("Лонгин", "PER"),
    ]


def test_person_spans_cut_and_joined_by_the_documents_names() -> None:
    from spacy.tokens import Span

    from newsnlp.people import person_bounds

    doc = default_pipeline()(
        "Ким Чен Ын прибыл. Портрет Ким Чен Ына Ким Ир Сен. Министр Пак Сон Ир выступил. "
        "Говорил Пака Сон Ира."
    )
    words = [token.text for token in doc]
    ents = [
        Span(doc, 0, 3, label="PER"),
        Span(doc, 6, 12, label="PER"),  # two people glued
        Span(doc, 14, 17, label="PER"),
        Span(doc, 20, 21, label="PER"),  # one person cut
        Span(doc, 21, 23, label="PER"),
    ]
    assert words[6:12] == ["Ким", "Чен", "Ына", "Ким", "Ир", "Сен"]
    assert [s.text for s in person_bounds(ents)] == [
        "Ким Чен Ын",
        "Ким Чен Ына",
        "Ким Ир Сен",
        "Пак Сон Ир",
        "Пака Сон Ира",
    ]


def test_particle_after_another_entity_is_not_taken_in() -> None:
    from spacy.tokens import Span

    from newsnlp.recognize import refine_entities

    doc = default_pipeline()("Спорили Медведев да Путин.")
    doc.ents = [Span(doc, 1, 2, label="PER"), Span(doc, 3, 4, label="PER")]
    refine_entities(doc)
    assert [span.text for span in doc.ents] == ["Медведев", "Путин"]


def test_a_lone_surname_of_a_person_of_the_document_is_that_person() -> None:
    from spacy.tokens import Span

    from newsnlp.people import relabel_people

    doc = default_pipeline()("Егор Свиридов погиб. Много говорили о Свиридове.")
    spans = [Span(doc, 0, 2, label="PER"), Span(doc, 7, 8, label="LOC")]
    assert [(s.text, s.label_) for s in relabel_people(spans)] == [
        ("Егор Свиридов", "PER"),
        ("Свиридове", "PER"),
    ]
    doc = default_pipeline()("Портрет Джорджа Вашингтона висит в Вашингтоне.")
    spans = [Span(doc, 1, 3, label="PER"), Span(doc, 5, 6, label="LOC")]
    assert [s.label_ for s in relabel_people(spans)] == ["PER", "LOC"]


def test_other_forms_of_a_one_word_name() -> None:
    text = "Марк рассказал нам всё. Согласно Марку, завод закрыт."
    assert _people(text) == [(0, 4, "Марк", "Марк"), (33, 38, "Марку", "Марк")]
    # capitalized at a quote's start it is not taken for the name
    assert _people("Марк ушёл. «Марку почтовую купили».") == [(0, 4, "Марк", "Марк")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("В Мышкине открыли музей. Мышкинцы гордятся им.", "Мышкине"),
        ("Жители Зеленодольска недовольны. Зеленодольцы пишут жалобы.", "Зеленодольска"),
        ("Губернатор посетил Тихвин. Тихвинцы встретили его.", "Тихвин"),
        ("В Шадринске прошёл митинг. Шадринцы были недовольны.", "Шадринске"),
    ],
)
def test_a_plural_demonym_of_a_place_named_is_no_person(text: str, place: str) -> None:
    assert _ents(text) == [(place, "LOC")]


def test_a_two_word_name_ending_like_a_demonym_stays_a_person() -> None:
    assert ("Аркадий Донцы", "PER") in _ents("Приехал Аркадий Донцы из Донецка.")


def test_a_letter_without_case_is_no_persons_name() -> None:
    assert _ents("Передайте Иванову и Кº, что срок истёк.") == [("Иванову", "PER")]


def test_bio_bounds_are_the_spans_of_bio_tags() -> None:
    # the spans of tag id paths, all at once, as bio_spans reads each path's tags
    tags = ["<pad>", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    paths = [
        numpy.array([2, 3, 1, 4, 5, 5]),  # a person, then a place
        numpy.array([], dtype=numpy.intp),
        numpy.array([3, 3, 5, 6, 6, 7]),  # I- opens a span; another kind or B- starts another
        numpy.array([1, 1]),
        numpy.array([7]),  # a path's first word cannot continue the last one's span
    ]
    got = list(bio_bounds(paths, tags))
    assert got == [
        (0, 0, 2, "PER"),
        (0, 3, 6, "LOC"),
        (2, 0, 2, "PER"),
        (2, 2, 3, "LOC"),
        (2, 3, 4, "ORG"),
        (2, 4, 6, "ORG"),
        (4, 0, 1, "ORG"),
    ]
    doc = Doc(Vocab(), words=["x"] * 6)
    for number, path in enumerate(paths):
        spans = bio_spans(doc, range(len(path)), [tags[i] for i in path.tolist()])
        expected = [(span.start, span.end, span.label_) for span in spans]
        assert [bounds[1:] for bounds in got if bounds[0] == number] == expected
