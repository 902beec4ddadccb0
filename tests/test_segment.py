"""Segmentation: exact offsets, sentence breaks at line ends, clear errors on wrong input."""

import pytest
import spacy

from newsnlp.segment import RazdelTokenizer, check_text


@pytest.fixture(scope="module")
def tokenizer() -> RazdelTokenizer:
    return RazdelTokenizer(spacy.blank("ru").vocab)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        " Мэр  города\r\nпришёл. ",
        "Цены выросли на 5\u202f% за год 😀, сказал Smith.",
        "Тире — и\u00a0неразрывный пробел\tтабуляция",
    ],
)
def test_doc_text_is_the_input(tokenizer: RazdelTokenizer, text: str) -> None:
    doc = tokenizer(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_line_break_starts_a_sentence(tokenizer: RazdelTokenizer) -> None:
    doc = tokenizer("Анна Петрова\n\nВыпускница университета. Живёт в Туле")
    sents = [sent.text.strip() for sent in doc.sents]
    assert sents == ["Анна Петрова", "Выпускница университета.", "Живёт в Туле"]


@pytest.mark.parametrize(
    ("text", "sents"),
    [
        (
            "Музей открыт по выходным.Вход для школьников бесплатный",
            ["Музей открыт по выходным.", "Вход для школьников бесплатный"],
        ),
        (
            "Заявки принимали до пятницы.В итоге их набралось сорок",
            ["Заявки принимали до пятницы.", "В итоге их набралось сорок"],
        ),
        ("Стихи читали вслух.Ёлку нарядили", ["Стихи читали вслух.", "Ёлку нарядили"]),
    ],
)
def test_glued_sentences_are_split(tokenizer: RazdelTokenizer, text: str, sents: list) -> None:
    assert [sent.text.strip() for sent in tokenizer(text).sents] == sents


@pytest.mark.parametrize(
    "text",
    [
        "Памятник поэту А.С.Пушкину стоит в сквере",
        "Это т.е.Москва и область",
        "Шли по ул.Садовой до угла",
        "Новость вышла на Lenta.ru вчера",
        "Сервис Яндекс.Карты показал пробки",
        "Рост составил 3.14 процента",
        "Подробности на сайте мэрии.рф утром",
    ],
)
def test_not_glued_sentences(tokenizer: RazdelTokenizer, text: str) -> None:
    assert len(list(tokenizer(text).sents)) == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a line break lost between a link's words and a headline
        ("Читайте по этой темеЛебедев открыл выставку", ["теме", "Лебедев"]),
        ("выборах мэра ТамбоваКотов поблагодарил", ["Тамбова", "Котов"]),
        ("новости из домаСоседи жалуются", ["дома", "Соседи"]),
        ("добыча северного палтусаФАС проверит", ["палтуса", "ФАС"]),
    ],
)
def test_glued_words_are_two_tokens_and_a_sentence_start(
    tokenizer: RazdelTokenizer, text: str, words: list
) -> None:
    doc = tokenizer(text)
    tokens = [token.text for token in doc]
    at = tokens.index(words[0])
    assert tokens[at : at + 2] == words
    assert doc[at + 1].is_sent_start and doc.text == text


@pytest.mark.parametrize(
    "text", ["Компания АльфаСтрахование выросла", "Акции ТрансНефть", "Сеть ВКонтакте", "iPhone"]
)
def test_brands_written_together_stay_one_token(tokenizer: RazdelTokenizer, text: str) -> None:
    doc = tokenizer(text)
    assert [token.text for token in doc] == text.split()


def test_leading_whitespace_is_not_a_sentence(tokenizer: RazdelTokenizer) -> None:
    doc = tokenizer("  Дождь пошёл.")
    assert [sent.text for sent in doc.sents] == ["  Дождь пошёл."]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (b"\xd0\x9c", "got bytes; decode it first"),
        (None, "expects text as str, got NoneType"),
        (42, "expects text as str, got int"),
    ],
)
def test_wrong_type_is_named(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        check_text(value)


def test_sentence_bounds_are_doc_sents(tokenizer: RazdelTokenizer) -> None:
    from newsnlp._batch import sentence_bounds

    for text in ["", "Одно.", "Первое. Второе!\n\nТретье", "  \n Текст после пробелов."]:
        doc = tokenizer(text)
        assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]


def test_razdel_tokens_are_razdels() -> None:
    """Our re-implementation of razdel's token rules gives razdel's tokens."""
    import random

    from razdel import tokenize

    from newsnlp.segment import razdel_tokens

    pieces = list("аБвЯёЁxYz019.,!?…-‑–—−_/\\:;=()*[]{}«»\"'“”„ \n\tΔσ€%@#&+|~^`№😀")
    pieces += ["Yahoo", ":-)", ";((", "--", "**", "...", "1.5", "a_b", "что-то", "1/2"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    texts.append("Мэр Омска С.Шелест (yahoo!) сказал: «рост — 5,5%... 1/2 :-) ΔP=3 a_b»?!")
    for text in texts:
        assert razdel_tokens(text) == [(token.start, token.stop) for token in tokenize(text)], text


def test_razdel_sentence_starts_are_razdels() -> None:
    """Our offsets of razdel's sentences are where ``razdel.sentenize`` starts them."""
    import random

    from razdel import sentenize

    from newsnlp.segment import razdel_sentence_starts

    pieces = list("аБвЯёЁxYz019.,!?…-–—_/:;()[]«»\"'“” \n\t§")
    pieces += ["т.е.", "г.", "ул.", "А.", "С.", "1)", "а)", "II.", ":-)", "...", "?!", "см."]
    pieces += ["Слово", "слово", "Москва", " - да", "2019 г."]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    texts += ["", "   ", "Одно.", "Одно. ", "Он сказал: «нет».  \n\n Да?!", "1. Первое. 2. Второе."]
    for text in texts:
        expected = [s.start for s in sentenize(text) if s.text] if text.strip() else []
        assert razdel_sentence_starts(text) == expected, text


def test_like_num_is_spacys() -> None:
    from spacy.lang.ru.lex_attrs import _num_words
    from spacy.lang.ru.lex_attrs import like_num as spacy_like_num

    from newsnlp.segment import like_num

    texts = ["", "5", "+5", "-5%", "1,5", "3.14", "1/2", "1/x", "a/b/c", "XII", "xii", "Пять"]
    texts += ["пятьсот", "Миллиона", "слово", "%", "~10", "±3", "10%%", "2-3", "½", "٣"]
    texts += [word.capitalize() for word in _num_words] + list(_num_words)
    for text in texts:
        assert like_num(text) == spacy_like_num(text), text


def test_glue_search_finds_a_lowercase_letter_before_a_capital() -> None:
    from newsnlp.segment import _GLUE

    glued = ["мост открыли.Движение", "по этой темеГубернатор", "ё.Ё", "сад.Я ушёл"]
    apart = ["мост открыли. Движение", "СССР.Москва", "x.Москва", "сад..Я", "Ёлка", ""]
    assert [bool(_GLUE.search(text)) for text in glued] == [True] * len(glued)
    assert [bool(_GLUE.search(text)) for text in apart] == [False] * len(apart)
