"""Normalize: the nominative, properly cased name of every entity mention (pymorphy3).

Names of people inflect word by word to the nominative, keeping the person's gender; places
and organizations inflect as phrases: the head noun and the adjectives agreeing with it
("Надеждинском сельском поселении" -> "Надеждинское сельское поселение"), while dependents
after the head keep their case ("мэрии Москвы" -> "мэрия Москвы"). The tagger's case, gender
and number choose among pymorphy3's parses. The result is ``span._.normal``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .tag import best_parse, token_tag

if not Span.has_extension("normal"):
    Span.set_extension("normal", default=None)

_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def recover_case(word: str, model: str) -> str:
    """``word`` cased like ``model`` ("шисюн", "Шисюном" -> "Шисюн"; "кнр", "КНР" -> "КНР")."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    out = [
        char.upper() if position < len(model) and model[position].isupper() else char
        for position, char in enumerate(word)
    ]
    # a hyphenated name capitalises each part as the text does ("Жан-Клод", "Римский-Корсаков")
    for position, char in enumerate(model):
        if char == "-" and position + 1 < len(out) and position + 1 < len(model):
            if model[position + 1].isupper():
                out[position + 1] = out[position + 1].upper()
    result = "".join(out)
    if "ё" not in model.lower():
        result = result.replace("ё", "е").replace("Ё", "Е")
    return result


@lru_cache(maxsize=100_000)
def _inflect(word: str, pos: str, case: str, gender: str, number: str, person: bool) -> str:
    parse = best_parse(word, pos, case, gender, number)
    if parse.tag.case in (None, "nomn") or "Fixd" in parse.tag:
        return word
    wanted = {"nomn"}
    if parse.tag.number:
        wanted.add("plur" if number == "Plur" else "sing")
    if person and parse.tag.POS == "NOUN" and parse.tag.gender in ("masc", "femn"):
        pass  # surnames keep their gender through inflect(): "Евдокимовой" -> "Евдокимова"
    elif gender in _GENDER and parse.tag.POS in ("ADJF", "PRTF") and number != "Plur":
        wanted.add(_GENDER[gender])
    form = parse.inflect(wanted) or parse.inflect({"nomn"})
    return form.word if form is not None else word


def inflect_token(token: Token, person: bool = False, head: Token | None = None) -> str:
    """The nominative of one token, agreeing with ``head`` (for adjectives) when given."""
    text = token.text
    if not any(char.isalpha() for char in text):
        return text
    pos, case, gender, number = token_tag(token)
    if case in ("", "Nom"):
        return text
    if head is not None:
        _, _, head_gender, head_number = token_tag(head)
        gender, number = head_gender or gender, head_number or number
    parts = text.split("-")
    if len(parts) > 1 and all(parts):
        words = [_inflect(part.lower(), pos, case, gender, number, person) for part in parts]
        if person:
            return recover_case("-".join(words), text)
        # "Римского-Корсакова": only the last part of a compound adjective-like word inflects
        words = [part.lower() for part in parts[:-1]] + [words[-1]]
        return recover_case("-".join(words), text)
    return recover_case(_inflect(text.lower(), pos, case, gender, number, person), text)


def phrase_head(span: Span) -> int | None:
    """Index in ``span`` of the head noun of a place or organization name, if any."""
    for position, token in enumerate(span):
        if token.pos_ in ("NOUN", "PROPN"):
            return position
        if token.pos_ not in ("ADJ", "DET", "NUM") and any(c.isalpha() for c in token.text):
            return None
    return None


def normalize_span(span: Span) -> str:
    """The normalized name of an entity span."""
    words: list[str] = []
    if span.label_ == "PER":
        words = [inflect_token(token, person=True) for token in span]
    else:
        head = phrase_head(span)
        for position, token in enumerate(span):
            if head is None or position > head:
                words.append(token.text)
            elif position == head:
                words.append(inflect_token(token))
            else:
                words.append(inflect_token(token, head=span[head]))
    out = []
    for token, word in zip(span, words):
        out.append(word)
        if token.i < span.end - 1:
            out.append(" " if token.whitespace_ or token.nbor(1).is_space else "")
    return " ".join("".join(out).split())


class Normalizer:
    """Sets ``span._.normal`` on every entity of the document."""

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.ents:
            span._.normal = normalize_span(span)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newsnlp_normalizer", default_config={})
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    """Factory of the normalization component."""
    return Normalizer()


def span_normal(span: Any) -> str:
    """``span._.normal``, computed on the fly if the normalizer has not run."""
    return span._.normal or normalize_span(span)
