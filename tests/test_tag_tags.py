"""``tag.token_tag``: the tags the morph tagger kept per document agree with the tokens'."""

from __future__ import annotations

from spacy.tokens import Doc

from newsnlp.pipeline import default_pipeline
from newsnlp.tag import token_tag


def from_token(token) -> tuple[str, str, str, str]:  # type: ignore[no-untyped-def]
    morph = token.morph
    case, gender, number = morph.get("Case"), morph.get("Gender"), morph.get("Number")
    return (
        token.pos_,
        case[0] if case else "",
        gender[0] if gender else "",
        number[0] if number else "",
    )


def test_tagged_tokens_read_as_their_morphology() -> None:
    texts = [
        "Мэр Твери открыл новый мост через Волгу.",
        "Учительницы из Калуги получили премии  \n\n за свои уроки.",
        "В 2021 году фермеры собрали 40 тонн яблок.",
    ]
    for doc in default_pipeline().pipe(texts):
        assert [token_tag(token) for token in doc] == [from_token(token) for token in doc]
    doc = default_pipeline()("Вчера художница из Твери выставила картины.")
    assert token_tag(doc[1]) == ("NOUN", "Nom", "Fem", "Sing")
    assert token_tag(doc[3])[:2] == ("PROPN", "Gen")


def test_documents_the_tagger_did_not_tag_read_the_token() -> None:
    nlp = default_pipeline()
    doc = Doc(nlp.vocab, words=["Рыбаки", "вернулись"], pos=["NOUN", "VERB"])
    doc[0].set_morph("Case=Nom|Number=Plur")
    assert token_tag(doc[0]) == ("NOUN", "Nom", "", "Plur")
    tagged = nlp("Рыбаки из Мурманска вернулись домой.")
    with tagged.retokenize() as retokenizer:  # a changed length: the tokens are read again
        retokenizer.merge(tagged[0:3], attrs={"POS": "PROPN", "MORPH": "Case=Dat"})
    assert token_tag(tagged[0]) == ("PROPN", "Dat", "", "")
    assert [token_tag(token) for token in tagged] == [from_token(token) for token in tagged]
