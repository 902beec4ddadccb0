"""spaCy users: newsnlp.load() is a Language whose components run by name."""

import newsnlp


def test_load_gives_a_language_with_entities() -> None:
    nlp = newsnlp.load(parse_all=True)
    assert nlp.pipe_names == [
        "newsnlp_morph",
        "newsnlp_lemmatizer",
        "newsnlp_syntax",
        "newsnlp_ner",
        "newsnlp_normalizer",
        "newsnlp_linker",
        "newsnlp_roles",
        "newsnlp_dates",
        "newsnlp_percentages",
        "newsnlp_money",
        "newsnlp_ratios",
        "newsnlp_statements",
        "newsnlp_layout",
        "newsnlp_spans",
    ]
    doc = nlp("Премьер Индии Нарендра Моди посетил Москву.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Индии", "LOC"),
        ("Нарендра Моди", "PER"),
        ("Москву", "LOC"),
    ]
    moscow = doc.ents[-1]
    assert moscow._.normal == "Москва"
    assert doc[4].lemma_ == "посетить" and doc[4].pos_ == "VERB"
    assert doc[4].dep_ == "ROOT" and doc[5].head.i == 4
    assert [p.name for p in doc._.places] == ["Индия", "Москва"]
    roles = [[(role.title, role.organization) for role in p.roles] for p in doc._.people]
    assert roles == [[("премьер", "Индия")]]


def test_pipe_batches_many_docs() -> None:
    nlp = newsnlp.load()
    docs = list(nlp.pipe(["Путин в Сочи.", "", "Рост на 5%."], batch_size=8))
    assert [e.text for e in docs[0].ents] == ["Путин", "Сочи"]
    assert docs[1].ents == ()
    assert docs[2]._.percentages[0].value == 5.0


TEXTS = [
    "Мэр Омска Сергей Шелест встретился с консулом Ло Шисюном.\n\nЭкспорт вырос на 94 %.",
    "",
    "Цены на овощи снизились на 4 процента, а на фрукты выросли.",
    "The quick brown fox. Москва, 12 мая.",
]


def annotations(doc) -> list[tuple]:
    return [
        (t.text, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_batched_pipe_equals_one_doc_at_a_time() -> None:
    nlp = newsnlp.load(parse_all=True)
    batched = [annotations(doc) for doc in nlp.pipe(TEXTS, batch_size=4)]
    single = [annotations(nlp(text)) for text in TEXTS]
    assert batched == single


def test_morphology_is_slovnets_own_markup() -> None:
    from newsnlp import resources

    nlp = newsnlp.load()
    doc = nlp(TEXTS[0])
    words = [t for t in doc if not t.is_space]
    first = [t for t in words if t.i < 11]
    markup = next(iter(resources.morph_model().infer([[t.text for t in first]])))
    assert [(t.pos_, t.morph.to_dict()) for t in first] == [
        (token.pos, token.feats) for token in markup.tokens
    ]


def test_razdel_is_the_configured_tokenizer() -> None:
    nlp = newsnlp.load()
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "newsnlp.RazdelTokenizer.v1"}
    assert [t.text for t in nlp.make_doc("Рост на 5%.")] == ["Рост", "на", "5", "%", "."]


def test_layout_component_sets_blocks_and_fact_blocks() -> None:
    nlp = newsnlp.load()
    doc = nlp("Цены на гречку выросли\n\nЗа месяц гречка в Перми подорожала на 8%.")
    assert [block.kind for block in doc._.layout.blocks] == ["title", "story"]
    assert doc._.layout.title == "Цены на гречку выросли"
    assert [fact.block for fact in doc._.percentages] == ["story"]
    assert [m.block for place in doc._.places for m in place.mentions] == ["story"]


def test_unparsed_sentences_keep_razdels_bounds() -> None:
    """Only sentences with a percentage are parsed by default; in the others the first token
    is the root and the others keep spaCy's missing annotation (their own head, no label)."""
    nlp = newsnlp.load()
    doc = nlp("Дождь шёл весь день. Цены выросли на 7 %. Вечером стало тихо.")
    first, second, third = doc.sents
    for sent in (first, third):
        assert sent[0].dep_ == "ROOT" and sent[0].head.i == sent[0].i
        assert all(t.head.i == t.i and t.dep_ == "" for t in sent[1:])
    assert sum(t.dep_ == "ROOT" for t in second) == 1
    assert any(t.dep_ not in ("", "ROOT") for t in second)
    assert [s.text for s in doc.sents] == [
        "Дождь шёл весь день.",
        "Цены выросли на 7 %.",
        "Вечером стало тихо.",
    ]
    assert [t.lemma_ for t in first] == ["дождь", "идти", "весь", "день", "."]


def test_doc_roles_gives_each_persons_posts() -> None:
    nlp = newsnlp.load()
    doc = nlp("Губернатор Тверской области Игорь Руденя встретился с писателем Олегом Зуевым.")
    assert [person.name for person in doc._.people] == ["Игорь Руденя", "Олег Зуев"]
    titles = [[(role.title, role.organization) for role in held] for held in doc._.roles]
    assert titles == [[("губернатор", "Тверская область")], []]


GROUP_KEYS = ("percentages", "dates", "money", "roles")


def test_facts_are_span_groups_for_displacy() -> None:
    from spacy import displacy

    nlp = newsnlp.load()
    text = (
        "Директор завода Пётр Лукин сообщил, что 3 марта 2025 года выпуск вырос на 12 %, "
        "а выручка составила 40 млн рублей."
    )
    doc = nlp(text)
    groups = {
        key: [(span.text, span.label_) for span in doc.spans[key]]
        for key in ("percentages", "dates", "money", "roles")
    }
    assert groups == {
        "percentages": [("12 %", "PERCENT")],
        "dates": [("3 марта 2025 года", "DATE")],
        "money": [("40 млн рублей", "MONEY")],
        "roles": [("Директор завода", "ROLE")],
    }
    role = doc._.roles[0][0]
    assert (doc.spans["roles"][0].start_char, doc.spans["roles"][0].end_char) == (
        role.start,
        role.stop,
    )
    html = displacy.render(doc, style="span", options={"spans_key": "money"})
    assert "MONEY" in html and "40" in html
    plain = nlp("Пётр Лукин приехал в Тверь.")  # no such facts: no groups to serialize
    assert [key for key in GROUP_KEYS if key in plain.spans] == []
    assert plain.spans.get("money", []) == []


def test_evaluate_gives_entity_precision_recall_and_f() -> None:
    from spacy.training import Example

    nlp = newsnlp.load()
    text = "Вчера Анна Волкова прилетела в Казань, а её брат остался в Перми."
    gold = {"entities": [(6, 18, "PER"), (31, 37, "LOC"), (59, 64, "LOC"), (0, 5, "ORG")]}
    scores = nlp.evaluate([Example.from_dict(nlp.make_doc(text), gold)])
    assert (scores["ents_p"], scores["ents_r"]) == (1.0, 0.75)
    assert round(scores["ents_f"], 4) == round(2 * 0.75 / 1.75, 4)
    assert scores["ents_per_type"]["PER"] == {"p": 1.0, "r": 1.0, "f": 1.0}


def test_only_sentences_with_a_cue_are_parsed_in_a_batch() -> None:
    # a batch where one text has no cue at all, one has it in its second sentence, one in a
    # word that only contains it; the parse of the default pipeline equals the full parser's
    # on the chosen sentences, and in the others the first token is the root and the rest
    # keep spaCy's missing annotation (their own head, no relation)
    texts = [
        "Губернатор открыл новый мост. Движение по нему начнётся в среду.",
        "Завод выпустил первую партию. Выпуск вырос на 12 процентов за месяц.",
        "Банк снизил ставку. Вклады стали пятипроцентными для новых клиентов.",
    ]
    chosen = list(newsnlp.load().pipe(texts, batch_size=3))
    full = list(newsnlp.load(parse_all=True).pipe(texts, batch_size=3))
    for doc, every in zip(chosen, full):
        sents, every_sents = list(doc.sents), list(every.sents)
        assert [s.text for s in sents] == [s.text for s in every_sents]
    assert [(t.head.i, t.dep_) for t in chosen[0]][:2] == [(0, "ROOT"), (1, "")]
    roots = [sent.start for sent in chosen[0].sents]
    assert [t.dep_ for t in chosen[0]] == ["ROOT" if t.i in roots else "" for t in chosen[0]]
    for number in (1, 2):
        first, second = list(chosen[number].sents), list(full[number].sents)
        assert [t.dep_ for t in first[0]][1:] == [""] * (len(first[0]) - 1)
        assert [(t.head.i, t.dep_) for t in first[1]] == [(t.head.i, t.dep_) for t in second[1]]
