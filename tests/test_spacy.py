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
        "newsnlp_percentages",
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


def test_pipe_batches_many_docs() -> None:
    nlp = newsnlp.load()
    docs = list(nlp.pipe(["Путин в Сочи.", "", "Рост на 5%."], batch_size=8))
    assert [e.text for e in docs[0].ents] == ["Путин", "Сочи"]
    assert docs[1].ents == ()
    assert docs[2]._.percentages[0].value == 5.0
