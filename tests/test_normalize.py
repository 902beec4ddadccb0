"""Normalization of names the dictionary does not know, with sentences we wrote."""

from __future__ import annotations

import pytest

import newsnlp
from newsnlp.normalize import name_by_ending, recover_case


@pytest.mark.parametrize(
    ("word", "case", "gender", "nominative"),
    [
        ("шисюном", "Ins", "Masc", "шисюн"),
        ("вэньбином", "Ins", "Masc", "вэньбин"),
        ("шольце", "Loc", "Masc", "шольц"),
        ("олафа", "Gen", "Masc", "олаф"),
        ("маехаре", "Dat", "Masc", "маехара"),
        ("джоанной", "Ins", "Fem", "джоанна"),
        ("беназир", "Ins", "Fem", "беназир"),
        ("бхутто", "Gen", "Fem", "бхутто"),
        ("тору", "Gen", "Masc", "тору"),
    ],
)
def test_name_by_ending(word: str, case: str, gender: str, nominative: str) -> None:
    assert name_by_ending(word, case, gender) == nominative


def test_recover_case_keeps_hyphenated_parts_and_yo() -> None:
    assert recover_case("римский-корсаков", "Римского-Корсакова") == "Римский-Корсаков"
    assert recover_case("фёдоров", "Фёдорова") == "Фёдоров"
    assert recover_case("фёдоров", "Федорова") == "Федоров"
    assert recover_case("кнр", "КНР") == "КНР"


def _normals(text: str) -> dict[str, str]:
    from newsnlp.pipeline import default_pipeline

    doc = default_pipeline()(text)
    return {span.text: span._.normal for span in doc.ents}


def test_foreign_names_and_places_in_context() -> None:
    normals = _normals(
        "Губернатор встретился с консулом Ло Шисюном и с министром Ван Вэньбином в Шэньяне. "
        "Делегация побывала в Кайфыне, а журналисты ждали Олафа Шольца."
    )
    assert normals["Ло Шисюном"] == "Ло Шисюн"
    assert normals["Ван Вэньбином"] == "Ван Вэньбин"
    assert normals["Шэньяне"] == "Шэньян"
    assert normals["Кайфыне"] == "Кайфын"
    assert normals["Олафа Шольца"] == "Олаф Шольц"


def test_hyphenated_names_and_phrases() -> None:
    normals = _normals(
        "Журналисты спросили Жан-Клода Юнкера о музыке Римского-Корсакова. Фестиваль прошёл "
        "в Надеждинском сельском поселении, а студенты Московского Международного "
        "Университета приехали позже."
    )
    assert normals["Жан-Клода Юнкера"] == "Жан-Клод Юнкер"
    assert normals["Римского-Корсакова"] == "Римский-Корсаков"
    assert normals["Надеждинском сельском поселении"] == "Надеждинское сельское поселение"
    assert (
        normals["Московского Международного Университета"] == "Московский Международный Университет"
    )


@pytest.fixture(scope="module")
def nlp():
    import newsnlp

    return newsnlp.load()


@pytest.mark.parametrize(
    ("sentence", "mention", "normal"),
    [
        ("Экспедиция высадилась на Острове Уайт.", "Острове Уайт", "Остров Уайт"),
        ("Концерт прошёл в Сан Луисе.", "Сан Луисе", "Сан Луис"),
        ("Делегация из Гагаузии приехала вчера.", "Гагаузии", "Гагаузия"),
        ("Выборы прошли в Нидерландах.", "Нидерландах", "Нидерланды"),
        (
            "Учения прошли в Северо-Кавказском федеральном округе.",
            "Северо-Кавказском федеральном округе",
            "Северо-Кавказский федеральный округ",
        ),
        (
            "Школу построили в Надеждинском сельском поселении.",
            "Надеждинском сельском поселении",
            "Надеждинское сельское поселение",
        ),
    ],
)
def test_places_inflect_as_phrases(nlp, sentence: str, mention: str, normal: str) -> None:
    doc = nlp(sentence)
    found = {span.text: span._.normal for span in doc.ents}
    assert found.get(mention) == normal, found


def test_each_mention_keeps_its_own_normal_form() -> None:
    import newsnlp

    article = newsnlp.analyze("Посол КНР прибыл в Минск. Китай и Россия подписали договор.")
    china = next(place for place in article.places if place.country == "CN")
    assert china.name == "Китай"
    assert [(m.text, m.normal) for m in china.mentions] == [("КНР", "КНР"), ("Китай", "Китай")]


def test_genitive_after_a_declined_proper_noun_stays() -> None:
    normals = _normals("Эксперты Совета Европы приехали в Сан Луис, а потом на остров Уайт.")
    assert normals["Совета Европы"] == "Совет Европы"


def test_foreign_surnames_keep_their_case_and_gender() -> None:
    # a man's indeclinable "-и" surname is no genitive of a feminine "-я" name
    assert _normals("Теперь снова в игре аль-Барадеи.")["аль-Барадеи"] == "аль-Барадеи"
    # "-ы" ends no nominative: the tagger's nominative is a genitive
    normals = _normals("Неделю назад прошёл визит министра обороны Японии Кэндзи Маехары.")
    assert normals["Кэндзи Маехары"] == "Кэндзи Маехара"
    # a first name pymorphy3 only guesses does not decide the gender
    assert _normals("Приказ подписал генерал Аксары Кердпола.")["Аксары Кердпола"] == (
        "Аксара Кердпол"
    )


def test_instrumental_endings_of_unknown_names_overrule_a_nominative_tag() -> None:
    normals = _normals(
        "Губернатор встретился в Омске с послом Республики Казахстан Дауреном Абаевым."
    )
    assert normals["Дауреном Абаевым"] == "Даурен Абаев"
    # a known name's instrumental the tagger took for a dative
    assert _normals("2150 год — потоп, обещанный Елисеем. * 2400 год — конец.")["Елисеем"] == (
        "Елисей"
    )
    # known names in the dative the tagger took for a nominative and a genitive
    normals = _normals("Цветы вручили вдове маршала — Нонне Викторовне.")
    assert normals["Нонне Викторовне"] == "Нонна Викторовна"
    # a known patronymic tells the case its first name agrees with, whatever the tagger says
    # ("Лидии" may be a genitive, "Андреевне" may not)
    for name, normal in (
        ("Лидии Андреевне", "Лидия Андреевна"),
        ("Юлии Олеговне Смирновой", "Юлия Олеговна Смирнова"),
        ("Нелли Игоревне", "Нелли Игоревна"),
    ):
        assert _normals(f"Цветы вручили вдове писателя — {name}.")[name] == normal
    # a plural family name stays plural
    assert _normals("Об этом рассказали братья Тамаевы.")["Тамаевы"] == "Тамаевы"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Директор рассказал корреспонденту Марине Ситниковой о планах.", "Марина Ситникова"),
        ("Мэр встретился с Ольгой Камышовой из профсоюза.", "Ольга Камышова"),
        ("Письмо подписали у Анны Берёзовой в мэрии.", "Анна Берёзова"),
        ("Министр поговорил с Андреем Ситниковым после совещания.", "Андрей Ситников"),
    ],
)
def test_possessive_surnames_that_read_as_adjectives(sentence: str, name: str) -> None:
    import newsnlp

    assert [person.name for person in newsnlp.analyze(sentence).people] == [name]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Лидерами стали хозяйства Ордынского и Карасукского районов.", "Карасукский район"),
        ("Губернаторы Омской и Томской областей подписали соглашение.", "Томская область"),
        ("Жители Северного и Южного округов проголосовали.", "Южный округ"),
        ("Рейсы в Набережные Челны отменили.", "Набережные Челны"),
    ],
)
def test_a_plural_noun_shared_by_coordinated_names_is_singular(sentence: str, place: str) -> None:
    import newsnlp

    assert place in [p.name for p in newsnlp.analyze(sentence).places]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Демократы поддержали Камалу Харрис на выборах.", "Камала Харрис"),
        ("Теннисистка обыграла Игу Швёнтек в финале.", "Ига Швёнтек"),
        ("Журналисты спросили Уму Турман о фильме.", "Ума Турман"),
        ("Жюри наградило Никиту Михалкова.", "Никита Михалков"),
        ("Болельщики встретили Луку Модрича.", "Лука Модрич"),
    ],
)
def test_first_name_in_u_before_an_undeclined_surname_is_a_woman(text: str, name: str) -> None:
    """A man's surname would decline ("Луку Модрича"); a woman's in a consonant does not."""
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Губернатор Калифорнии Гэвин Ньюсом ввёл ограничения.", "Гэвин Ньюсом"),
        ("Премьер Гэвин Ньюсом выступил.", "Гэвин Ньюсом"),
        ("Встреча с Ван Сюэлинем прошла в Харбине.", "Ван Сюэлинь"),
        ("Мэр встретился с Чжан Юйцином.", "Чжан Юйцин"),
        ("Посол Ирана Казем Джалали выступил.", "Казем Джалали"),
        ("Министр Казем Гарибабади заявил о переговорах.", "Казем Гарибабади"),
        ("Соглашение подписали с Чэнь Сюэлинем.", "Чэнь Сюэлинь"),
    ],
)
def test_name_in_om_or_em_tagged_nominative_stays(text: str, name: str) -> None:
    """An unknown name word in "-ом" or "-ем" the tagger calls nominative is a nominative
    ("Ньюсом", "Казем"); in another case it is still the instrumental ("Сюэлинем")."""
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Переговоры с Касым-Жомартом Токаевым прошли в Астане.", "Касым-Жомарт Токаев"),
        ("Журналисты говорили с Касым-Жомартом Токаевым.", "Касым-Жомарт Токаев"),
        ("Письмо Жан-Клода Юнкера опубликовали.", "Жан-Клод Юнкер"),
        ("Поклонники Римского-Корсакова собрались в Тихвине.", "Римский-Корсаков"),
    ],
)
def test_hyphenated_first_name_declines_in_its_last_part(text: str, name: str) -> None:
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Фестиваль проходит в Булонь-сюр-Мер.", "Булонь-сюр-Мер"),
        ("Туристы приехали из Стратфорда-апон-Эйвон.", "Стратфорд-апон-Эйвон"),
        ("Пожары начались под Ростовом-на-Дону.", "Ростов-на-Дону"),
        ("Завод построили в Комсомольске-на-Амуре.", "Комсомольск-на-Амуре"),
    ],
)
def test_words_after_a_governing_place_link_do_not_decline(text: str, name: str) -> None:
    assert [place.name for place in newsnlp.analyze(text).places] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Заявление Джорджи Мелони опубликовали.", "Джорджа Мелони"),
        ("Концерт Лауры Пеццини перенесли.", "Лаура Пеццини"),
        ("Интервью с Анной Гварньери вышло вчера.", "Анна Гварньери"),
        ("Книгу Анны Зозули издали.", "Анна Зозуля"),
    ],
)
def test_a_womans_unknown_surname_in_i_does_not_decline(text: str, name: str) -> None:
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Эксперты Высшей школы экономики подготовили доклад.", "Высшая школа экономики"),
        ("Решение Высшего арбитражного суда отменили.", "Высший арбитражный суд"),
        ("Студенты Высшей школы журналистики выступили.", "Высшая школа журналистики"),
        ("Депутаты Верховного совета собрались.", "Верховный совет"),
    ],
)
def test_adjective_keeps_its_stem_in_the_nominative(text: str, name: str) -> None:
    """pymorphy3 reads "высшей" as a superlative of "высокий"; the nominative is "высшая"."""
    assert [org.name for org in newsnlp.analyze(text).organizations] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Оппозицию возглавила Светлана Тихановская, а Тихановскую поддержали в Вильнюсе.",
            [("Светлана Тихановская", ["Светлана Тихановская", "Тихановскую"])],
        ),
        ("Журналисты спросили Тихановскую о выборах.", [("Тихановская", ["Тихановскую"])]),
        ("Суд оправдал Навальную.", [("Навальная", ["Навальную"])]),
        ("Зрители освистали Волочкову.", [("Волочкова", ["Волочкову"])]),
    ],
)
def test_a_lone_womans_surname_in_the_accusative(
    text: str, names: list[tuple[str, list[str]]]
) -> None:
    """An adjective-like surname in -ую is a woman's whatever gender the tagger gives it."""
    people = newsnlp.analyze(text).people
    assert [(p.name, [m.text for m in p.mentions]) for p in people] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Ветеран поздравил сестёр Ольгу и Светлану Кравцовыми.",
            ["Ольга Кравцова", "Светлана Кравцова"],
        ),
        ("Жюри наградило Ирину и Дарью Беловыми.", ["Ирина Белова", "Дарья Белова"]),
        ("Грамоты вручили Олегу и Петру Жуковыми.", ["Олег Жуков", "Петр Жуков"]),
    ],
)
def test_a_shared_plural_surname_in_another_case_than_the_first_names(
    text: str, names: list[str]
) -> None:
    assert [person.name for person in newsnlp.analyze(text).people] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a post, its country and the place of its office stand between the preposition and
        # the name; the name's own ending tells the instrumental
        (
            "Мэр провёл встречу с генеральным консулом Китайской Народной Республики в "
            "Иркутске Ли Вэньхуном.",
            "Ли Вэньхун",
        ),
        ("Губернатор встретился с послом Чили в России Хорхе Вальдесом.", "Хорхе Вальдес"),
        ("Министр переговорил с атташе Египта в Казани Мустафой Ширази.", "Мустафа Ширази"),
    ],
)
def test_a_name_after_a_post_and_places_is_put_in_the_nominative(text: str, name: str) -> None:
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Критики сравнивали картину с работами Жан-Марка Барра.", "Жан-Марк Барр"),
        ("Журналисты поговорили с Жан-Клодом Ван Даммом.", "Жан-Клод Ван Дамм"),
        ("Выставка посвящена Жан-Пьеру Мельвилю.", "Жан-Пьер Мельвиль"),
    ],
)
def test_a_hyphenated_first_name_in_an_oblique_case(text: str, name: str) -> None:
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


def test_the_readme_posts_example_names_the_consul_in_the_nominative() -> None:
    article = newsnlp.analyze(
        "Мэр Омска Сергей Шелест провел встречу с генеральным консулом Китайской Народной "
        "Республики в Екатеринбурге Ло Шисюном."
    )
    assert [person.name for person in article.people] == ["Сергей Шелест", "Ло Шисюн"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Об этом сообщила Александра Радулович, глава отдела.", "Александра Радулович"),
        ("Доклад подготовила Валерия Маркович.", "Валерия Маркович"),
        ("Встречу провели без Валерия Марковича.", "Валерий Маркович"),
    ],
)
def test_a_womans_name_with_a_surname_in_a_consonant_is_a_nominative(text: str, name: str) -> None:
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Договор подписан Объединёнными Арабскими Эмиратами и Оманом.",
            "Объединённые Арабские Эмираты",
        ),
        ("Решение поддержано Соединёнными штатами и Канадой.", "США"),
        ("Санкции введены Соединёнными Штатами Америки в среду.", "США"),
    ],
)
def test_a_participle_opening_a_place_name_agrees_with_its_head(text: str, name: str) -> None:
    assert name in [place.name for place in newsnlp.analyze(text).places]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Учёные в Переславле-Залесском провели опыт.", "Переславль-Залесский"),
        ("Туристы остались в Гусе-Хрустальном на ночь.", "Гусь-Хрустальный"),
        ("Завод в Каменске-Уральском встал на ремонт.", "Каменск-Уральский"),
    ],
)
def test_both_parts_of_a_known_hyphenated_town_decline(text: str, name: str) -> None:
    assert [place.name for place in newsnlp.analyze(text).places] == [name]


@pytest.mark.parametrize(
    ("word", "lemma", "name"),
    [
        ("Дмитрово", "Дмитров", "Дмитрово"),
        ("Королёво", "Королёв", "Королёво"),
        ("Чехово", "Чехов", "Чехово"),
        ("Дмитрова", "Дмитров", "Дмитров"),
    ],
)
def test_neuter_town_in_o_keeps_its_name(word: str, lemma: str, name: str) -> None:
    """A village in -ово the tagger lemmatizes as a known town in -ов keeps its own name; a
    real case form of that town ("Дмитрова") still takes the town's name."""
    from newsnlp.normalize import inflect_token
    from newsnlp.pipeline import default_pipeline

    doc = default_pipeline().make_doc(f"в посёлок {word}")
    token = doc[2]
    token.lemma_, token.pos_ = lemma, "PROPN"
    token.set_morph("Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing")
    assert inflect_token(token) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Рабочие ругали владельца завода Игоря Белопаски.", "Игорь Белопаска"),
        ("Выступление Ивана Ганжи понравилось залу.", "Иван Ганжа"),
        ("Журналисты ждали Петра Кривоножки у входа.", "Петр Кривоножка"),
        ("Книгу Сергея Шпаки издали в Киеве.", "Сергей Шпака"),
        ("Фильм Ичиро Судзуки вышел в прокат.", "Ичиро Судзуки"),
        ("Выступление Михаила Саакашвили запомнилось.", "Михаил Саакашвили"),
        ("Альбом Марии Ковальски вышел весной.", "Мария Ковальски"),
    ],
)
def test_mans_surname_in_a_after_a_genitive_first_name(text: str, name: str) -> None:
    """-и after г, к, х, ж, ш behind a man's first name in the genitive is the genitive of a
    surname in -а; a first name that does not decline, or a woman's, leaves it as written."""
    assert [person.name for person in newsnlp.analyze(text).people] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Мы встретили Гоги Ревазовича Квиринию у входа.", "Гоги Ревазович Квириния"),
        ("Министр поблагодарил Тенгиза Чачанидзию за работу.", "Тенгиз Чачанидзия"),
        ("Гости поблагодарили Нико Гвелесианию за приём.", "Нико Гвелесиания"),
        ("Отец Марии Ивановны Шенгелию не знал.", "Мария Ивановна Шенгелию"),
    ],
)
def test_mans_surname_in_iya_in_the_accusative(text: str, name: str) -> None:
    """-ию ends a man's surname in -ия in the accusative (one in -ий has -ия there), and no
    genitive: a patronymic in -а before it is an accusative too. A woman's first name known in
    the genitive only keeps the name's case."""
    assert [person.name for person in newsnlp.analyze(text).people] == [name]
