"""Places and organizations in the constructions the recognizer's rules (``places/``,
``recognize.py``) and the normalizer handle, with sentences we wrote: several sentences per
construction, other names."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

import newsnlp
from newsnlp.pipeline import default_pipeline


def _places(text: str) -> list[tuple[str, list[str]]]:
    return [(p.name, [m.text for m in p.mentions]) for p in newsnlp.analyze(text).places]


def _organizations(text: str) -> list[str]:
    return [o.name for o in newsnlp.analyze(text).organizations]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Хубэй и Хунань договорились о поставках.", "Хубэй"),
        ("Из Хубэй в Москву прилетел самолёт.", "Хубэй"),
        ("Власти заявили, что Цинхай закрыт для туристов.", "Цинхай"),
        ("Юньнань принимает туристов круглый год.", "Юньнань"),
    ],
)
def test_unknown_place_guessed_as_an_animate_plural_is_kept(text: str, word: str) -> None:
    from newsnlp.places import is_place_name

    doc = default_pipeline()(text)
    (token,) = [token for token in doc if token.text == word]
    assert is_place_name(Span(doc, token.i, token.i + 1, label="LOC"))
    assert word in [name for name, _ in _places(text)]


@pytest.mark.parametrize("text", ["Американцы спорят.", "Канадцы и шведы сыграли вничью."])
def test_known_demonyms_are_still_no_places(text: str) -> None:
    from newsnlp.places import is_place_name

    doc = default_pipeline()(text)
    assert not is_place_name(Span(doc, 0, 1, label="LOC"))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Пожары бушуют в Томской, Иркутской и Амурской областях.",
            [
                ("Томская область", ["Томской"]),
                ("Иркутская область", ["Иркутской"]),
                ("Амурская область", ["Амурской областях"]),
            ],
        ),
        (
            "Выборы прошли в Ставропольском и Хабаровском краях.",
            [
                ("Ставропольский край", ["Ставропольском"]),
                ("Хабаровский край", ["Хабаровском краях"]),
            ],
        ),
        (
            "Пастухам Ямальского и Таймырского районов выплатят премии.",
            [("Ямальский район", ["Ямальского"]), ("Таймырский район", ["Таймырского районов"])],
        ),
        (
            "Снег выпал в Мурманской и Архангельской областях.",
            [
                ("Мурманская область", ["Мурманской"]),
                ("Архангельская область", ["Архангельской областях"]),
            ],
        ),
    ],
)
def test_coordinated_places_with_one_shared_head(
    text: str, places: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Урожай собрали в Болотнинском и Маслянинском районах.",
            [
                ("Болотнинский район", ["Болотнинском"]),
                ("Маслянинский район", ["Маслянинском районах"]),
            ],
        ),
        (
            "Паводок затопил сёла в Чановском и Здвинском районах.",
            [("Чановский район", ["Чановском"]), ("Здвинский район", ["Здвинском районах"])],
        ),
        (
            "Дороги отремонтируют в Карагайском и Кочёвском округах.",
            [("Карагайский округ", ["Карагайском"]), ("Кочёвский округ", ["Кочёвском округах"])],
        ),
        (
            "Дожди прошли в Кыштовском, Венгеровском и Убинском районах.",
            [
                ("Кыштовский район", ["Кыштовском"]),
                ("Венгеровский район", ["Венгеровском"]),
                ("Убинский район", ["Убинском районах"]),
            ],
        ),
    ],
)
def test_coordinated_member_the_tagger_calls_a_proper_noun(
    text: str, places: list[tuple[str, list[str]]]
) -> None:
    """The first member of a coordination tagged PROPN, not ADJ, still shares the head."""
    assert _places(text) == places


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Выставка открылась в Самаре.", "Самара"),
        ("Фабрика работает в Шэньчжэне.", "Шэньчжэнь"),
        ("Рейсы летают в Тяньцзине.", "Тяньцзинь"),
        ("Конференция прошла в Инчхоне.", "Инчхон"),
    ],
)
def test_cities_in_the_locative(text: str, name: str) -> None:
    place = newsnlp.analyze(text).places[0]
    assert (place.name, place.kind) == (name, "city")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Форум пройдёт в Комсомольске-на-Амуре.", "Комсомольск-на-Амуре"),
        ("Завод построят в Каменске-Уральском.", "Каменск-Уральский"),
        ("Музей открыт в Гусе-Хрустальном.", "Гусь-Хрустальный"),
        ("Банк открыт во Франкфурте-на-Майне.", "Франкфурт-на-Майне"),
        ("Собор стоит в Орехово-Зуеве.", "Орехово-Зуево"),
    ],
)
def test_hyphenated_cities_decline_in_every_part(text: str, name: str) -> None:
    assert [place for place, _ in _places(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Посол Соединённых Штатов выступил в Москве.", "США", "Соединённые Штаты"),
        ("В Соединённом Королевстве подорожал газ.", "Великобритания", "Соединённое Королевство"),
        (
            "Переговоры прошли в Объединённых Арабских Эмиратах.",
            "Объединённые Арабские Эмираты",
            None,
        ),
        ("Доля Соединённых Штатов Америки выросла.", "США", "Соединённые Штаты Америки"),
    ],
)
def test_multiword_countries_in_oblique_cases(text: str, name: str, alias: str | None) -> None:
    place = newsnlp.analyze(text).places[0]
    assert (place.name, place.kind) == (name, "country")
    assert place.aliases == ([alias] if alias else [])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Президент Беларуси прилетел в Молдову.", ["Беларусь", "Молдова"]),
        ("Беларусь и Молдова подписали договор.", ["Беларусь", "Молдова"]),
        ("Белоруссия и Молдавия подписали договор.", ["Белоруссия", "Молдавия"]),
    ],
)
def test_countries_keep_their_current_official_name_as_written(text: str, names: list[str]) -> None:
    assert [name for name, _ in _places(text)] == names


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Газ подорожал в Германии.", ["Германия"]),
        ("Паводок затопил деревни провинции Хунань.", ["Хунань"]),
        ("Дон вышел из берегов. На Дону затопило сёла.", ["Дон"]),  # tagged twice: kept
    ],
)
def test_lone_common_noun_opening_a_sentence_is_no_place(text: str, places: list[str]) -> None:
    assert [name for name, _ in _places(text)] == places


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Во Владимире и Костроме отремонтируют здания.", "Владимир"),
        ("Во Пскове открыли музей.", "Псков"),
    ],
)
def test_capitalized_preposition_is_not_part_of_the_place(text: str, name: str) -> None:
    doc = default_pipeline()(text)
    from newsnlp.places import cut_at_preposition

    assert cut_at_preposition(Span(doc, 0, 2, label="LOC")).text == text.split()[1]
    assert name in [place for place, _ in _places(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Микрорайон Солнечный остался без воды на двое суток.", "Солнечный"),
        ("Микрорайон Южный начнут застраивать весной.", "Южный"),
        ("Микрорайон Заречье подключат к газу в ноябре.", "Заречье"),
        ("В микрорайоне Солнечном отключили воду.", "Солнечный"),
    ],
)
def test_a_town_district_is_named_alike_opening_a_sentence_and_after_a_preposition(
    text: str, name: str
) -> None:
    # one set of settlement nouns (places.words.SETTLEMENT_NOUNS) for the normalizer's
    # apposition and for the noun cut off a sentence's first place: "микрорайон" is in both
    assert [place for place, _ in _places(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Акции «Полярис Холдинг Б.В.» выросли.", "Полярис Холдинг Б.В."),
        ("Компания «Дельта Ресурс Б.В.» подала иск.", "Дельта Ресурс Б.В."),
    ],
)
def test_legal_form_with_dots_stays_inside_the_organization(text: str, name: str) -> None:
    assert _organizations(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("По данным Башкортостанстата, цены выросли.", "Башкортостанстат"),
        ("Новосибирскстат сообщил об обратном.", "Новосибирскстат"),
        ("Сведения Пермьстата опубликованы.", "Пермьстат"),
        ("Эксперты Росприроднадзора провели проверку.", "Росприроднадзор"),
    ],
)
def test_statistics_offices_and_supervisors_are_organizations(text: str, name: str) -> None:
    article = newsnlp.analyze(text)
    assert [o.name for o in article.organizations] == [name]
    assert article.people == []


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Лауреатом премии «Ника» стал оператор.", "Ника", None),
        ("Показ фильма «Чапаев» прошёл в Омске.", "Чапаев", None),
        ("Операция «Кутузов» завершилась.", "Кутузов", None),
        ("Песню «Москва» исполнил хор.", "Москва", None),
        ("Главарь группировки «Ростов» задержан.", "Ростов", "ORG"),
        ("Члены банды «Тамбов» осуждены.", "Тамбов", "ORG"),
        ("Игрок перешёл в клуб «Саратов».", "Саратов", "ORG"),
    ],
)
def test_quoted_names_of_works_and_groups(text: str, word: str, label: str | None) -> None:
    from newsnlp.recognize import relabel_by_context

    doc = default_pipeline()(text)
    (token,) = [token for token in doc if token.text == word]
    for model_label in ("PER", "LOC"):
        spans = relabel_by_context([Span(doc, token.i, token.i + 1, label=model_label)])
        assert [span.label_ for span in spans] == ([label] if label else [])


@pytest.mark.parametrize(
    "text", ["Ему присудили Нобелевскую премию.", "Автор получил Букеровскую премию."]
)
def test_adjective_naming_an_award_is_no_person_or_place(text: str) -> None:
    from newsnlp.recognize import relabel_by_context

    doc = default_pipeline()(text)
    assert relabel_by_context([Span(doc, 2, 3, label="PER")]) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Нападающий останется в «Торсаре».", "Торсар"),
        ("Матч прошёл в «Дорнаре».", "Дорнар"),
        ("Защитник перешёл в «Ликсар».", "Ликсар"),
    ],
)
def test_unknown_quoted_organization_in_the_locative(text: str, name: str) -> None:
    assert _organizations(text) == [name]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Учёные прилетели в Пулково. В Пулкове шёл дождь.", "Пулково"),
        ("Рейс сел в Домодедово, хотя в Домодедове был туман.", "Домодедово"),
        ("Поезд пришёл в Кольцово. В Кольцове тепло.", "Кольцово"),
    ],
)
def test_one_word_organization_the_document_tags_as_a_place_is_that_place(
    text: str, word: str
) -> None:
    from newsnlp.places import one_label_per_place

    doc = default_pipeline()(text)
    one, other = [token.i for token in doc if token.text.startswith(word[:-1])][:2]
    spans = [Span(doc, one, one + 1, label="ORG"), Span(doc, other, other + 1, label="LOC")]
    assert [span.label_ for span in one_label_per_place(spans)] == ["LOC", "LOC"]
    quoted = default_pipeline()(f"Команда «{word}» победила, в {word} праздник.")
    (i,) = [token.i for token in quoted if token.text == word][:1]
    spans = [Span(quoted, i, i + 1, label="ORG"), Span(quoted, i + 5, i + 6, label="LOC")]
    assert one_label_per_place(spans)[0].label_ == "ORG"  # a name in quotes stays


def test_unions_of_states_stay_organizations_beside_places() -> None:
    from newsnlp.places import one_label_per_place

    doc = default_pipeline()("Страны ЕС спорят. В ЕС тихо.")
    spans = [Span(doc, 1, 2, label="ORG"), Span(doc, 5, 6, label="LOC")]
    assert one_label_per_place(spans)[0].label_ == "ORG"


@pytest.mark.parametrize(
    ("text", "place", "person"),
    [
        (
            "Губернатор обсудил с мэром соседнего Фуюаня Чэнь Голином запуск моста.",
            "Фуюань",
            "Чэнь Голин",
        ),
        ("Глава Даляня Ван Цзинь приехал в Омск.", "Далянь", "Ван Цзинь"),
        ("Соглашение с главой Цзиси Ма Вэйдуном подписано.", "Цзиси", "Ма Вэйдун"),
    ],
)
def test_place_run_into_the_person_after_it_is_split(text: str, place: str, person: str) -> None:
    article = newsnlp.analyze(text)
    assert place in [p.name for p in article.places]
    assert [p.name for p in article.people] == [person]


def test_a_first_name_that_is_also_a_city_stays_in_the_name() -> None:
    article = newsnlp.analyze("Концерт Софии Ротару прошёл в Омске.")
    assert [p.name for p in article.people] == ["София Ротару"]


@pytest.mark.parametrize(
    "text",
    [
        "Министр поблагодарил представителей Объединённых Арабских Эмиратов.",
        "Посол встретился с представителями Объединённых Арабских Эмиратов.",
        "Компании Объединённых Арабских Эмиратов вложили деньги.",
        "Сборная Объединённых Арабских Эмиратов проиграла.",
    ],
)
def test_plural_country_in_an_oblique_case_is_a_place(text: str) -> None:
    """The gazetteer finds a plural name by its nominative plural (its lemmas are singular);
    a common word opening the sentence and governing it is not part of it."""
    article = newsnlp.analyze(text)
    assert [(p.name, p.kind, [m.text for m in p.mentions]) for p in article.places] == [
        ("Объединённые Арабские Эмираты", "country", ["Объединённых Арабских Эмиратов"])
    ]
    assert article.organizations == []


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        ("Сборная Аргентины выиграла турнир.", "Аргентина", "Аргентины"),
        ("Компании Китая заключили контракты.", "Китай", "Китая"),
        ("Южная Корея ответила на санкции.", "Южная Корея", "Южная Корея"),
        ("Северной Кореи опасаются соседи.", "Северная Корея", "Северной Кореи"),
    ],
)
def test_word_governing_a_known_place_at_sentence_start(text: str, name: str, mention: str) -> None:
    assert _places(text) == [(name, [mention])]


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Выставка прошла во Франкфурте-на-Майне.", "Франкфурте-на-Майне", "LOC"),
        ("Концерт прошёл в Алькала-де-Энаресе.", "Алькала-де-Энаресе", "LOC"),
        ("Яхты стоят в Вильфранш-сюр-Мере.", "Вильфранш-сюр-Мере", "LOC"),
        ("Отель «Ростов-на-Дону» закрыт.", "Ростов-на-Дону", "ORG"),
        ("Компания Кока-Кола выросла.", "Кока-Кола", "ORG"),
    ],
)
def test_hyphenated_name_with_a_place_link_is_a_place(text: str, word: str, label: str) -> None:
    """A word of capitalized parts around "-на-", "-де-", "-сюр-" names a place even when the
    model calls it an organization; in quotes it stays what the model said."""
    from newsnlp.places import relabel_linked_places

    doc = default_pipeline()(text)
    i = next(token.i for token in doc if token.text == word)
    (span,) = relabel_linked_places([Span(doc, i, i + 1, label="ORG")])
    assert span.label_ == label


def test_linked_place_tagged_as_an_organization_in_text() -> None:
    places = newsnlp.analyze("Решение приняли в Сантьяго-де-Компостеле.").places
    assert [m.text for p in places for m in p.mentions] == ["Сантьяго-де-Компостеле"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Партия победила в крупнейших районах (Ольховском и Таловском) и в городе Лиски.",
            ["Ольховский район"],
        ),
        (
            "Рост цен отмечен в Тверской области. Цены выросли также в Ярославской (5%), "
            "Тульской (7%) и Рязанской (9%).",
            ["Тверская область", "Ярославская область", "Тульская область", "Рязанская область"],
        ),
        (
            "Протесты прошли в тех районах, где строят полигоны (в частности, в Кантемировском "
            "и Богучарском).",
            ["Кантемировский район", "Богучарский район"],
        ),
    ],
)
def test_a_place_adjective_takes_the_head_noun_the_text_leaves_out(
    text: str, names: list[str]
) -> None:
    found = [name for name, _ in _places(text)]
    assert all(name in found for name in names), found


def test_a_city_in_the_instrumental_is_no_adjective() -> None:
    names = [name for name, _ in _places("Разница во времени с Хабаровском и Владивостоком мала.")]
    assert names == ["Хабаровск", "Владивосток"]


@pytest.mark.parametrize(
    "text",
    [
        "Кандидат от партии «Справедливая Россия» набрал 12%.",
        "Депутаты фракции «Новая Италия» проголосовали против.",
        "Ведущий радиостанции «Голос Сибири» взял интервью.",
    ],
)
def test_a_place_inside_a_quoted_name_is_no_place(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ярмарка прошла в Нижнем Новгороде.", "Нижний Новгород"),
        ("Делегация побывала в Нижнем Тагиле.", "Нижний Тагил"),
        ("Мост построили в Великих Луках.", "Великие Луки"),
    ],
)
def test_a_multiword_place_takes_the_form_the_gazetteer_knows(text: str, name: str) -> None:
    assert [place for place, _ in _places(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Сайты в зоне .РФ открылись для всех желающих.",
        "Регистратор продаёт адреса в доменах .RU и .SU по одной цене.",
        "Заявки на имена в зоне .УКР принимают с понедельника.",
    ],
)
def test_a_name_behind_a_glued_dot_is_a_domain_not_a_place(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Экипаж «Челябинска» вернулся из рейса домой.", "Челябинск"),
        ("Футболисты «Тамбова» проиграли на выезде.", "Тамбов"),
        ("Лайнер «Аляска» причалил в порту.", "Аляска"),
        ("Вечером «Кубань» сыграла дома.", "Кубань"),
    ],
)
def test_a_place_name_that_is_all_of_a_quoted_name_is_no_place(text: str, word: str) -> None:
    assert word not in [name for name, _ in _places(text)]


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Дома строят в микрорайоне «Солнечный».", "Солнечный", "LOC"),
        ("Поезд остановился у платформы «Мичуринец».", "Мичуринец", "LOC"),
        ("Склады стоят в промзоне «Печатники».", "Печатники", "LOC"),
        ("Трибуны болели за клуб «Печатники».", "Печатники", "ORG"),
    ],
)
def test_a_quoted_name_after_a_noun_of_a_place_stays_a_place(
    text: str, word: str, label: str
) -> None:
    from newsnlp.recognize import quoted_places

    doc = default_pipeline()(text)
    (token,) = [token for token in doc if token.text == word]
    (span,) = quoted_places([Span(doc, token.i, token.i + 1, label="LOC")])
    assert span.label_ == label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ремонт Воронцовского дворца закончили.", "Воронцовский дворец"),
        ("Добычу на Самотлорском и Ванкорском месторождениях нарастили.", "Ванкорское"),
        ("Вылет задержали по Пекинскому времени.", "Пекинское время"),
        ("Гости Екатерининского дворца фотографировали залы.", "Екатерининский дворец"),
        ("Движение по Литейному мосту перекрыли.", "Литейный мост"),
    ],
)
def test_adjectives_before_a_common_noun_of_no_place_name_no_place(text: str, name: str) -> None:
    assert not any(place.startswith(name) for place, _ in _places(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Пробка на Троицком мосту растянулась.", "Троицкий мост"),
        ("Рыбаки вышли в Баренцево море.", "Баренцево море"),
        ("Холода пришли в Ставропольский край.", "Ставропольский край"),
    ],
)
def test_a_facility_where_something_happens_or_a_place_noun_stays(text: str, name: str) -> None:
    assert name in [place for place, _ in _places(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Агентство NASA объявило набор астронавтов.", "NASA"),
        ("Доклад WHO вышел в среду, а FDA его прокомментировало.", "FDA"),
        ("Регулятор SEC оштрафовал брокера.", "SEC"),
    ],
)
def test_a_latin_acronym_the_gazetteer_does_not_know_is_no_place(text: str, word: str) -> None:
    from newsnlp.facilities import latin_acronym

    doc = default_pipeline()(text)
    (token,) = [token for token in doc if token.text == word]
    assert latin_acronym(Span(doc, token.i, token.i + 1, label="LOC"))
    assert word not in [name for name, _ in _places(text)]


def test_a_cyrillic_acronym_is_not_taken_for_a_latin_one() -> None:
    from newsnlp.facilities import latin_acronym

    doc = default_pipeline()("Делегация КНР прибыла.")
    assert not latin_acronym(Span(doc, 1, 2, label="LOC"))


def test_a_quoted_names_unquoted_forms_follow_it_unless_the_gazetteer_knows_the_place() -> None:
    from newsnlp.recognize import quoted_places

    text = "Дети ходят в центр «Велемир», и в Велемире учат языкам, а в Тамбове и «Тамбове» тоже."
    doc = default_pipeline()(text)
    words = ("Велемир", "Велемире", "Тамбове")
    spans = [Span(doc, t.i, t.i + 1, label="LOC") for t in doc if t.text in words]
    labels = [(span.text, span.label_) for span in quoted_places(spans)]
    assert labels == [
        ("Велемир", "ORG"),
        ("Велемире", "ORG"),
        ("Тамбове", "LOC"),
        ("Тамбове", "ORG"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Голоса ушли к партии ''Единая Россия'' в среду.",
        "Депутаты фракции ''Новая Россия'' проголосовали против.",
        "Журналист ''Голоса Америки'' задал вопрос.",
    ],
)
def test_a_place_inside_a_name_quoted_by_two_apostrophes_is_no_place(text: str) -> None:
    assert _places(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Торговля с Юго-Восточной Азией растёт.", "Юго-Восточная Азия"),
        ("Компания вышла на рынки Центральной Азии.", "Центральная Азия"),
        ("Дожди прошли в Западной Европе.", "Западная Европа"),
        ("Поставки в Азию выросли.", "Азия"),
    ],
)
def test_part_of_a_continent_is_its_own_place(text: str, name: str) -> None:
    """A part of a continent named by a side of the world is listed under its own name, not
    the continent's."""
    assert [place.name for place in newsnlp.analyze(text).places] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Страны Азиатского-Тихоокеанского региона договорились.", "Азиатско-Тихоокеанский регион"),
        ("Посты на Российского-Казахстанской границе усилили.", "Российско-Казахстанская граница"),
        (
            "Встреча стран Латиноамериканского-Карибского региона прошла.",
            "Латиноамериканско-Карибский регион",
        ),
        (
            "Учения в Северо-Западном федеральном округе прошли.",
            "Северо-Западный федеральный округ",
        ),
    ],
)
def test_declined_first_part_of_a_compound_adjective(text: str, name: str) -> None:
    """A first part of a compound adjective the writer declined takes its stem form in -о."""
    assert [place.name for place in newsnlp.analyze(text).places] == [name]


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Совещание прошло в Мангейме во вторник.", "Мангейме", "LOC"),
        ("Об этом заявил во вторник в Ганновере глава союза.", "Ганновере", "LOC"),
        ("Выставку открыли в Штутгарте издатели.", "Штутгарте", "LOC"),
        ("Об этом сообщили в Газпроме вчера.", "Газпроме", "ORG"),
    ],
)
def test_organization_after_in_that_is_a_large_city(text: str, word: str, label: str) -> None:
    """A one-word organization after "в" in the locative that the gazetteer knows only as a
    large city is that city; a body's name stays an organization."""
    from newsnlp.places import relabel_cities_after_in

    doc = default_pipeline()(text)
    i = next(token.i for token in doc if token.text == word)
    [span] = relabel_cities_after_in([Span(doc, i, i + 1, label="ORG")])
    assert (span.text, span.label_) == (word, label)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Пункт пропуска «Благовещенск – Хэйхэ» закроют на ремонт.",
            [("Благовещенск", ["Благовещенск"]), ("Хэйхэ", ["Хэйхэ"])],
        ),
        (
            "Маршрут «Улан-Удэ – Эрдэнэт» открыли для туристов.",
            [("Улан-Удэ", ["Улан-Удэ"]), ("Эрдэнэт", ["Эрдэнэт"])],
        ),
        (
            "Трасса «Чита – Хабаровск» закрыта из-за снегопада.",
            [("Чита", ["Чита"]), ("Хабаровск", ["Хабаровск"])],
        ),
        (
            "Поезд «Москва — Нижний Новгород» отменили.",
            [("Москва", ["Москва"]), ("Нижний Новгород", ["Нижний Новгород"])],
        ),
    ],
)
def test_both_ends_of_a_quoted_route_are_places(
    text: str, places: list[tuple[str, list[str]]]
) -> None:
    """A checkpoint, road or train named in quotes by two places joined by a dash: one end
    tagged as a place makes the other one a place too."""
    assert _places(text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Выставка «Москва – город будущего» открылась в Твери.", ["Москва", "Тверь"]),
        ("Пункт пропуска «Благовещенск – Таможня» закрыт.", ["Благовещенск"]),
    ],
)
def test_a_quoted_name_with_a_place_and_common_words_adds_no_place(
    text: str, places: list[str]
) -> None:
    """The other side of the dash must be capitalized names, the last one a proper name or a
    word pymorphy3 does not know: "город будущего", "Таможня" are no places."""
    assert [name for name, _ in _places(text)] == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Жители Афин вышли на улицы.", "Афины"),
        ("Туристы из Афин приехали в Салоники.", "Афины"),
        ("Власти Мальвин выступили против.", "Мальвины"),
    ],
)
def test_a_plural_place_that_is_also_a_first_name_is_no_demonym(text: str, place: str) -> None:
    assert place in [name for name, _ in _places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Президент РФ прилетел на Фиджи. Власти Фиджи встретили гостя.",
            [("Россия", ["РФ"]), ("Фиджи", ["Фиджи", "Фиджи"])],
        ),
        (
            "Делегация РФ посетила Филиппины, а затем Казахстан.",
            [("Россия", ["РФ"]), ("Филиппины", ["Филиппины"]), ("Казахстан", ["Казахстан"])],
        ),
        (
            "Посол РК встретился с коллегами из Кении и с Кубы.",
            [("РК", ["РК"]), ("Кения", ["Кении"]), ("Куба", ["Кубы"])],
        ),
    ],
)
def test_an_abbreviation_joins_a_full_name_the_text_writes_not_a_gazetteer_alias(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    # "Республика Фиджи", "Республика Филиппины" are official names the gazetteer gives: their
    # first letters spell "РФ", which the text uses for Россия
    assert _places(text) == expected


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Жильцы пожаловались, и Госжилинспекция проверит дом.", "Госжилинспекция"),
        ("Прокуратура и Гостехинспекция по краю начали проверку.", "Гостехинспекция"),
        ("Вчера Рыбинспекция задержала браконьеров на реке.", "Рыбинспекция"),
    ],
)
def test_an_inspectorate_is_an_organization_not_a_place(text: str, organization: str) -> None:
    assert _places(text) == []
    assert organization in _organizations(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Митинг прошёл на площади Гагарина, а шествие на улице Королёва.", []),
        ("Пикет у дома на проспекте Вернадского собрал сотню человек.", []),
        ("Кафе открылось на улице Пушкина в Твери.", [("Тверь", ["Твери"])]),
        (
            "Туристы гуляли по улицам Лондона и площади Тяньаньмынь.",
            [("Лондон", ["Лондона"]), ("Тяньаньмынь", ["Тяньаньмынь"])],
        ),
    ],
)
def test_the_person_a_street_is_named_after_is_no_place(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "«ЕС не допустит этого», — заявил министр.",
        'Посол сказал, что "СНГ сам решит, как поступить".',
        "«НАТО ответит на вызов», — пообещал генсек.",
    ],
)
def test_a_union_opening_a_quotation_is_an_organization_not_a_place(text: str) -> None:
    assert _places(text) == []


def test_a_name_that_is_all_of_a_quoted_name_keeps_its_label() -> None:
    assert _places("Отель «Россия» закрыт на ремонт.") == []
    assert _places("«Россия сделает всё», — сказал он.") == [("Россия", ["Россия"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Пассажиропоток аэропорта Кольцово вырос. Из Кольцово вылетели 6 млн человек, "
            "терминал Кольцово-2 закрыт.",
            [],
        ),
        ("Самолёт сел в аэропорту Внуково, пассажиры уехали в Москву.", [("Москва", ["Москву"])]),
        # the place the facilities are in stays a place
        (
            "Матчи пройдут на стадионах Испании, а аэропорты Лиссабона и вокзалы Мадрида "
            "готовятся.",
            [("Испания", ["Испании"]), ("Лиссабон", ["Лиссабона"]), ("Мадрид", ["Мадрида"])],
        ),
    ],
)
def test_a_name_after_a_noun_of_a_facility_is_the_facility_not_a_place(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected


def _aliases(text: str) -> list[tuple[str, list[str]]]:
    return [(p.name, p.aliases) for p in newsnlp.analyze(text).places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Жители Острова Мэн голосовали. На Острове Мэн прошли выборы.",
            [("Остров Мэн", ["Мэн"])],
        ),
        ("Отдыхающие Острова Гоа купались.", [("Остров Гоа", ["Гоа"])]),
        # a common word after the noun: the noun is part of the name
        ("Туристы приехали на Остров Русский.", [("Остров Русский", [])]),
        ("Жители Острова Свободы ждут туристов.", [("Остров Свободы", [])]),
    ],
)
def test_a_proper_name_after_a_noun_of_a_place_is_an_alias(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _aliases(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Выборы прошли в Башкортостане, Татарстане и Башкортостанне.",
            [("Башкортостан", ["Башкортостане", "Башкортостанне"]), ("Татарстан", ["Татарстане"])],
        ),
        (
            "Жители Удмуртии и Удмурртии проголосовали.",
            [("Удмуртия", ["Удмуртии", "Удмурртии"])],
        ),
        # two places the gazetteer knows, one letter apart: two places
        (
            "Туристы из Ирландии и Исландии приехали.",
            [("Ирландия", ["Ирландии"]), ("Исландия", ["Исландии"])],
        ),
        # a word pymorphy3 knows is no misspelling
        (
            "Паводок затопил Каменку и Камешку.",
            # an unknown town's accusative in -у is one in -а ("в Тересину")
            [("Каменка", ["Каменку"]), ("Камешка", ["Камешку"])],
        ),
    ],
)
def test_a_place_misspelt_by_a_letter_is_that_place(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected
    assert all(not place.aliases for place in newsnlp.analyze(text).places[:1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Пензенской области пособия выдали всем семьям, а справки получила четверть "
            "пенсионеров, в Ярославской и Калужской — меньше десятой части.",
            ["Пензенская область", "Ярославская область", "Калужская область"],
        ),
        (
            "В Томской области школы закрыты, а приказы о карантине изданы в Омской и "
            "Иркутской — по данным на пятницу.",
            ["Томская область", "Омская область", "Иркутская область"],
        ),
        # the noun right before the list names what the adjectives are: deposits, no places
        ("Геологи изучили месторождения Северное, Восточное и Каменское.", []),
    ],
)
def test_an_adjective_whose_head_is_left_out_takes_a_noun_of_a_place(
    text: str, expected: list[str]
) -> None:
    assert [name for name, _ in _places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В список вошли Псковская, Удмуртская, Чувашская и Курская области.",
            [
                "Псковская область",
                "Удмуртская Республика",
                "Чувашская Республика",
                "Курская область",
            ],
        ),
        (
            "Явка упала в Кемеровской, Хабаровской и Самарской областях, а в Хабаровском крае "
            "выросла.",
            ["Кемеровская область", "Хабаровский край", "Самарская область"],
        ),
        ("В Московской области и Москве похолодало.", ["Московская область", "Москва"]),
    ],
)
def test_a_region_under_a_noun_not_its_own_is_the_region_its_adjective_names(
    text: str, expected: list[str]
) -> None:
    assert [name for name, _ in _places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Товары из Боснии и Герцеговины подорожали, в Сербии и Боснии цены стоят.",
            [
                ("Босния и Герцеговина", ["Боснии и Герцеговины", "Боснии"]),
                ("Сербия", ["Сербии"]),
            ],
        ),
        (
            "Гости из Тринидада и Тобаго приехали. Жители Тринидада рады.",
            [("Тринидад и Тобаго", ["Тринидада и Тобаго", "Тринидада"])],
        ),
        (
            "Гости из Сент-Китса и Невиса приехали.",
            [("Сент-Китс и Невис", ["Сент-Китса и Невиса"])],
        ),
        ("Экспорт в Антигуа и Барбуду вырос.", [("Антигуа и Барбуда", ["Антигуа и Барбуду"])]),
        # two places, no one place of both names
        ("Туристы из Сербии и Хорватии.", [("Сербия", ["Сербии"]), ("Хорватия", ["Хорватии"])]),
    ],
)
def test_a_place_of_two_names_joined_by_and_is_one_place(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ПЕРМЬ, 4 апреля. /Корр. ТАСС Дина Орлова/. Мосты открыты.",
            [("Пермь", ["ПЕРМЬ"])],
        ),
        (
            "УФА, 3 марта. /Спецкорр. ТАСС Ольга Ли/. Туристы едут в Эссо. Таким образом, "
            "сезон открыт.",
            [("Уфа", ["УФА"]), ("Эссо", ["Эссо"])],
        ),
        (
            "Делегация США и ЕАО прибыла.",
            [("США", ["США"]), ("Еврейская автономная область", ["ЕАО"])],
        ),
    ],
)
def test_a_dateline_word_cut_by_a_dot_is_no_place_and_a_short_city_is_recased(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Выборы во Франции пройдут в апреле. Кандидатов на пост президента Республики пятеро.",
            [("Франция", ["Франции", "Республики"])],
        ),
        (
            "Король Марокко посетил Францию. В Королевстве его ждут.",
            [("Марокко", ["Марокко", "Королевстве"]), ("Франция", ["Францию"])],
        ),
        # two republics named: the noun stays its own entry
        (
            "Граждане Германии и Франции выберут. Президент Республики выступил.",
            [("Германия", ["Германии"]), ("Франция", ["Франции"]), ("Республика", ["Республики"])],
        ),
    ],
)
def test_a_capitalized_noun_of_a_countrys_official_name_is_that_country(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Он вырос в Кайенне, а потом уехал из Кайенны в Парамарибо.",
            [("Кайенна", ["Кайенне", "Кайенны"], []), ("Парамарибо", ["Парамарибо"], [])],
        ),
        ("Конференция в Дакке, туристы из Дакки.", [("Дакка", ["Дакке", "Дакки"], [])]),
        # a masculine name: both cases read alike
        (
            "Выставка прошла в Пхукете, жители Пхукета довольны.",
            [("Пхукет", ["Пхукете", "Пхукета"], [])],
        ),
    ],
)
def test_an_unknown_city_in_the_locative_is_named_by_its_other_case(
    text: str, expected: list[tuple[str, list[str], list[str]]]
) -> None:
    found = [
        (p.name, [m.text for m in p.mentions], p.aliases) for p in newsnlp.analyze(text).places
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Фестиваль прошёл в Нью-Васюках.", [("Нью-Васюки", ["Нью-Васюках"])]),
        ("Турнир в Нью-Пескарях собрал гроссмейстеров.", [("Нью-Пескари", ["Нью-Пескарях"])]),
        ("Фестиваль прошёл в Васюках.", [("Васюки", ["Васюках"])]),
        # a singular name keeps its number
        ("Самолёт сел в Нью-Плимуте.", [("Нью-Плимут", ["Нью-Плимуте"])]),
    ],
)
def test_a_place_written_with_a_plural_only_ending_is_named_in_the_plural(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Турнир пройдёт в Аль-Айне (Al Ain) в апреле.",
            [("Аль-Айн", ["Аль-Айне", "Al Ain"], ["Al Ain"])],
        ),
        (
            "Он живёт в Мюнхене (München) и в Кёльне.",
            [("Мюнхен", ["Мюнхене", "München"], ["München"]), ("Кёльн", ["Кёльне"], [])],
        ),
        # words in parentheses that are no spelling of the place
        ("Он уехал в Москву (в прошлом году).", [("Москва", ["Москву"], [])]),
    ],
)
def test_a_places_spelling_in_latin_letters_in_parentheses_is_the_same_place(
    text: str, expected: list[tuple[str, list[str], list[str]]]
) -> None:
    found = [
        (p.name, [m.text for m in p.mentions], p.aliases) for p in newsnlp.analyze(text).places
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ОМСК, 4 апреля. /ТАСС/. Мосты открыты.", [("Омск", ["ОМСК"])]),
        ("САМАРА, 9 мая. /ТАСС/. Парад прошёл.", [("Самара", ["САМАРА"])]),
        (
            "НИЖНИЙ НОВГОРОД, 12 мая. /ТАСС/. В Нижнем Новгороде тепло.",
            [("Нижний Новгород", ["НИЖНИЙ НОВГОРОД", "Нижнем Новгороде"])],
        ),
        ("Сводка\nТОМСК, 5 июня. /ТАСС/. Дожди.", [("Томск", ["ТОМСК"])]),
        ("НЬЮ-ЙОРК, 3 мая. /ТАСС/. Торги открылись.", [("Нью-Йорк", ["НЬЮ-ЙОРК"])]),
        # capitals before a date that name no place are no place
        ("ЛЕНТА, 5 июня. Новости дня.", []),
    ],
)
def test_a_dateline_city_in_capitals_is_a_place_in_the_nominative(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _places(text) == expected
