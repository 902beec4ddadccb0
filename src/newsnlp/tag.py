"""Tag: morphology (slovnet), lemmas (pymorphy3) and dependency syntax (slovnet).

Each is a spaCy component that tags the sentences of a whole batch of documents in one model
call (``pipe``), sorted by length so that padding stays small.
"""

from __future__ import annotations

import re
import weakref
from array import array as array_module
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy
from slovnet.conll import parse_conll_tag
from spacy import parts_of_speech  # type: ignore[attr-defined]
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS
from spacy.tokens import Doc, MorphAnalysis

from . import resources
from ._batch import (
    BatchComponent,
    DocComponent,
    piece_positions,
    piece_words,
    run_sorted,
    sentence_bounds,
    sentence_pieces,
    tagger_input,
    token_texts,
)


class MorphTagger(BatchComponent):
    """Sets ``token.pos_`` and ``token.morph`` (Universal Dependencies) with slovnet.

    The model's layers are called directly on padded batches and its tag ids are turned into
    spaCy's POS ids and MORPH hashes once per tag, then written with one ``doc.from_array``:
    the same tags as slovnet's ``MorphMarkup`` without a Python object per word.
    """

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.model = resources.morph_model(batch_size)
        self._codes = numpy.zeros((0, 2), dtype=numpy.uint64)
        self._known = numpy.zeros(0, dtype=bool)
        self._codes_vocab: Any = None
        # (pos, case, gender, number) of each tag id, filled as the tags are parsed
        self._tags: list[tuple[str, str, str, str] | None] = []

    def tag_ids(
        self, items: list[list[str]], ids: resources.Ids | None = None
    ) -> list[numpy.ndarray]:
        """slovnet's tag ids for each word list (what ``MorphInfer.process`` computes);
        ``ids``: the encoder's ids of the words, when read already."""
        infer = self.model.infer
        return resources.tag_ids(infer.model, infer.encoder, items, ids)

    def codes(self, vocab: Any, tag_ids: numpy.ndarray) -> numpy.ndarray:
        """(spaCy POS id, MORPH hash or 0 for no features) of each slovnet tag id, as rows.

        Each tag is parsed once per vocabulary and kept in a table indexed by tag id.
        """
        if vocab is not self._codes_vocab:
            size = len(self.model.infer.decoder.tags_vocab.items)
            self._codes = numpy.zeros((size, 2), dtype=numpy.uint64)
            self._known = numpy.zeros(size, dtype=bool)
            self._codes_vocab = vocab
            self._tags = [None] * size  # a new list: documents tagged before keep theirs
        for tag_id in numpy.unique(tag_ids[~self._known[tag_ids]]).tolist():
            tag = self.model.infer.decoder.tags_vocab.decode(tag_id)
            pos, feats = parse_conll_tag(tag)
            if pos not in parts_of_speech.IDS:
                raise ValueError(f"slovnet tag {tag!r} has a POS spaCy does not know: {pos!r}")
            morph = vocab.morphology.add(feats) if feats else 0
            self._codes[tag_id] = (parts_of_speech.IDS[pos], morph)
            self._known[tag_id] = True
            self._tags[tag_id] = _tag_of(vocab, parts_of_speech.IDS[pos], morph)
        return self._codes[tag_ids]

    def process(self, docs: Sequence[Doc]) -> None:
        """Tag the words of every sentence of ``docs``, in one run of the model."""
        read = tagger_input(docs)  # shared with the NER
        pieces, encoder = read.pieces, self.model.infer.encoder
        tag_ids = self.tag_ids(read.words, read.shared_ids(id(encoder.codes), encoder.flat))
        if not pieces:
            return
        # the batch's words (token indexes) and tags, document after document
        positions = piece_positions(pieces)
        ids = numpy.concatenate(tag_ids)
        numbers = numpy.fromiter((number for number, _ in pieces), numpy.intp, len(pieces))
        ends = numpy.zeros(len(pieces) + 1, dtype=numpy.intp)
        numpy.cumsum(numpy.fromiter(map(len, tag_ids), numpy.intp, len(pieces)), out=ends[1:])
        bounds = ends[numpy.searchsorted(numbers, numpy.arange(len(docs) + 1))].tolist()
        vocab = docs[0].vocab
        # each tag's codes once for the batch (its documents share a vocabulary)
        batch_codes = self.codes(vocab, ids) if all(doc.vocab is vocab for doc in docs) else None
        for number, doc in enumerate(docs):
            begin, end = bounds[number], bounds[number + 1]
            if begin == end:
                continue
            words = positions[begin:end]
            codes = (
                batch_codes[begin:end]
                if batch_codes is not None
                else self.codes(doc.vocab, ids[begin:end])
            )
            array: Any = doc.to_array([POS, MORPH])
            array[words, 0] = codes[:, 0]
            tagged = codes[:, 1] != 0  # a tag without features keeps the token's MORPH
            array[words[tagged], 1] = codes[tagged, 1]
            doc.from_array([POS, MORPH], array)
            if len(self._tags) < _UNTAGGED:
                # each token's tag id, for token_tag (a token the tagger left, or whose tag
                # without features kept a MORPH of its own, is read from the token)
                index = numpy.full(len(doc), _UNTAGGED, dtype=numpy.uint16)
                index[words] = ids[begin:end]
                kept = words[~tagged]
                index[kept[array[kept, 1] != 0]] = _UNTAGGED
                _doc_tags[doc] = (self._tags, array_module("H", index.tobytes()))
        _forget_tags(None)  # the last document's tags may have changed


# Universal Dependencies to OpenCorpora (pymorphy3) grammemes, to pick the parse the tagger saw.
_UD_POS = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "ADJ": {"ADJF", "ADJS", "COMP"},
    "DET": {"ADJF", "NPRO"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADV": {"ADVB", "COMP", "PRED"},
    "NUM": {"NUMR", "ADJF"},
    "PRON": {"NPRO"},
    "ADP": {"PREP"},
    "CCONJ": {"CONJ"},
    "SCONJ": {"CONJ"},
    "PART": {"PRCL"},
    "INTJ": {"INTJ"},
}
UD_CASE: dict[str, set[str]] = {
    # slovnet's (Universal Dependencies) case -> the pymorphy3 cases it stands for
    "Nom": {"nomn"},
    "Gen": {"gent", "gen2"},
    "Dat": {"datv"},
    "Acc": {"accs"},
    "Ins": {"ablt"},
    "Loc": {"loct", "loc2"},
    "Voc": {"voct"},
    "Par": {"gen2", "gent"},
}
UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
"""slovnet's (Universal Dependencies) gender -> pymorphy3's."""
_UD_NUMBER = {"Sing": "sing", "Plur": "plur"}


def parse_score(parse: Any, pos: str, case: str, gender: str, number: str) -> int:
    """How well a pymorphy3 parse agrees with the tagger's UD tag (higher is better)."""
    tag = parse.tag
    score = 0
    if tag.POS in _UD_POS.get(pos, ()):
        score += 8
    if case and tag.case in UD_CASE.get(case, ()):
        score += 4
    if number and tag.number == _UD_NUMBER.get(number):
        score += 2
    if gender and tag.gender == UD_GENDER.get(gender):
        score += 1
    return score


@lru_cache(maxsize=200_000)
def best_parse(word: str, pos: str, case: str, gender: str, number: str) -> Any:
    """The pymorphy3 parse of ``word`` that best agrees with the tagger's tag (cached)."""
    parses = resources.word_parses(word)
    return max(parses, key=lambda parse: parse_score(parse, pos, case, gender, number))


_token_tags: dict[tuple[int, int], tuple[str, str, str, str]] = {}

_UNTAGGED = 0xFFFF  # in a document's tag ids: a token read from its own POS and MORPH
# per document the morph tagger tagged: its tag table and each token's tag id (2 bytes a
# token), kept beside the Doc while it lives; the tagger is the last to write POS and MORPH
_doc_tags: weakref.WeakKeyDictionary[Doc, tuple[list[Any], array_module[int]]] = (
    weakref.WeakKeyDictionary()
)
# the document asked about last and its tags (a WeakKeyDictionary look-up makes a weak
# reference each time, and the stages ask about the tokens of one document in a row)
_last_tags: tuple[weakref.ref[Doc], tuple[list[Any], array_module[int]] | None] | None = None


def _forget_tags(ref: weakref.ref[Doc] | None) -> None:
    """Drop the last document's tags (``ref``: once that document is gone; None: always)."""
    global _last_tags
    last = _last_tags
    if last is not None and (ref is None or last[0] is ref):
        _last_tags = None


def _tag_of(vocab: Any, pos: int, morph: int) -> tuple[str, str, str, str]:
    """(pos, case, gender, number) of a POS id and a MORPH hash (see :func:`token_tag`)."""
    key = (pos, morph)
    found = _token_tags.get(key)
    if found is None:
        analysis = MorphAnalysis.from_id(vocab, morph)
        case = analysis.get("Case", [])
        gender = analysis.get("Gender", [])
        number = analysis.get("Number", [])
        found = _token_tags[key] = (
            parts_of_speech.NAMES[pos],
            case[0] if case else "",
            gender[0] if gender else "",
            number[0] if number else "",
        )
    return found


def token_tag(token: Any) -> tuple[str, str, str, str]:
    """(pos, case, gender, number) of a spaCy token as UD strings ("" when absent).

    Computed once per (POS, morphology) pair: both are hashes that name the same strings in
    every vocabulary, and the tagger uses a few hundred of them. A token of a document the
    morph tagger tagged is read from the tag ids it kept (no ``MorphAnalysis`` per call).
    """
    global _last_tags
    doc = token.doc
    last = _last_tags
    if last is not None and last[0]() is doc:
        tags = last[1]
    else:
        tags = _doc_tags.get(doc)
        _last_tags = (weakref.ref(doc, _forget_tags), tags)
    if tags is not None:
        table, index = tags
        if len(index) == len(doc):
            tag_id = index[token.i]
            if tag_id != _UNTAGGED:
                return table[tag_id]
    return _tag_of(token.vocab, token.pos, token.morph.key)


_morph_values: dict[tuple[int, str], list[str]] = {}
_MAX_MORPH_VALUES = 100_000


def morph_values(token: Any, field: str) -> list[str]:
    """``token.morph.get(field, [])``: the values of one feature ("Case" -> ["Nom"]), read once
    per (morphology, field) (``MorphAnalysis.get`` decodes the whole analysis on every call).
    Treat the list as read-only."""
    key = (token.morph.key, field)
    found = _morph_values.get(key)
    if found is None:
        if len(_morph_values) >= _MAX_MORPH_VALUES:
            _morph_values.clear()
        found = _morph_values[key] = token.morph.get(field, [])
    return found


def lemmatize(token: Any) -> str:
    """The dictionary form of a tagged token, in lower case."""
    text = token.text
    if not any(char.isalpha() for char in text):
        return text.lower()
    return best_parse(text.lower(), *token_tag(token)).normal_form


def lemma_of(text: str, pos: str, feats: str) -> str:
    """What :func:`lemmatize` gives a token with this text, POS and ``str(token.morph)``."""
    if not any(char.isalpha() for char in text):
        return text.lower()
    values = dict(part.split("=", 1) for part in feats.split("|") if "=" in part)
    case, gender, number = (values.get(name, "").split(",")[0] for name in _TAG_FEATS)
    return best_parse(text.lower(), pos, case, gender, number).normal_form


_TAG_FEATS = ("Case", "Gender", "Number")


class Lemmatizer(DocComponent):
    """Sets ``token.lemma_`` from pymorphy3, choosing the parse that agrees with the tagger.

    A lemma depends only on the token's text, POS and morphology, so it is computed once per
    distinct (text, POS, morph) and written with one ``doc.from_array`` per document.
    """

    MAX_CACHED = 500_000
    ROWS_AT_ONCE = 65_536

    def __init__(self) -> None:
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._vocab: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if doc.vocab is not self._vocab or len(self._lemmas) >= self.MAX_CACHED:
            self._lemmas, self._vocab = {}, doc.vocab
        strings = doc.vocab.strings
        lemmas = self._lemmas
        array = doc.to_array([ORTH, POS, MORPH, IS_SPACE])
        out: Any = doc.to_array(LEMMA)
        # rows as Python ints a block at a time: a huge text's rows at once would cost ~50 MB
        for begin in range(0, len(array), self.ROWS_AT_ONCE):
            rows = array[begin : begin + self.ROWS_AT_ONCE]
            orths, poses, morphs = rows[:, :3].T.tolist()
            # every token's lemma looked up at once (0, the hash of "", where none is known
            # yet: no lemma is empty; a whitespace token never has one)
            get = lemmas.get
            found = numpy.array([get(key, 0) for key in zip(orths, poses, morphs)], numpy.uint64)
            space = rows[:, 3] == 1
            for j in numpy.flatnonzero((found == 0) & ~space).tolist():
                key = (orths[j], poses[j], morphs[j])
                lemma = lemmas.get(key)
                if lemma is None:
                    feats = str(doc[begin + j].morph) if key[2] else ""
                    text = lemma_of(strings[key[0]], parts_of_speech.NAMES[key[1]], feats)
                    lemma = lemmas[key] = strings.add(text)
                found[j] = lemma
            block = out[begin : begin + len(rows)]
            block[~space] = found[~space]  # a whitespace token keeps its own
        doc.from_array([LEMMA], out)
        return doc


class SyntaxParser(BatchComponent):
    """Sets ``token.head`` and ``token.dep_`` (UD) with slovnet.

    ``only_with``: parse only the sentences that contain a token starting with one of these
    strings (lowercased), or, ``only_containing``, a token with one of those strings inside
    ("10-процентный"), or, ``only_words``, one of these tokens ("раза", "вдвое"); all empty
    means every sentence. Parsing is the costliest model, so the default newsnlp pipeline
    parses only sentences whose facts need it.
    """

    def __init__(
        self,
        batch_size: int = 32,
        only_with: Sequence[str] = (),
        only_containing: Sequence[str] = (),
        only_words: Sequence[str] = (),
    ) -> None:
        self.batch_size = batch_size
        self.only_with = tuple(prefix.lower() for prefix in only_with)
        self.only_containing = tuple(part.lower() for part in only_containing)
        self.only_words = frozenset(word.lower() for word in only_words)
        # the prefixes as one search over a sentence's tokens joined by line breaks (a token
        # has none but whitespace tokens, and no prefix starts with whitespace)
        self._starts = (
            re.compile("^(?:" + "|".join(map(re.escape, self.only_with)) + ")", re.MULTILINE)
            if self.only_with and all(prefix[:1].strip() for prefix in self.only_with)
            else None
        )
        self.model = resources.syntax_model(batch_size)

    def needs_parse(self, lowers: list[str]) -> bool:
        """Whether a sentence (its tokens' lowercased texts) is parsed under ``only_with``,
        ``only_containing`` or ``only_words``."""
        if not self.only_with and not self.only_containing and not self.only_words:
            return True
        joined = "\n".join(lowers)  # one search over the sentence, not one per token
        if self._starts is not None:
            if lowers and self._starts.search(joined):
                return True
        elif any(lower.startswith(self.only_with) for lower in lowers):
            return True
        if self.only_words and not self.only_words.isdisjoint(lowers):
            return True
        if self.only_containing:
            return any(part in joined for part in self.only_containing)
        return False

    # sentences parsed at a time: slovnet makes a Python object per word of its output, so a
    # huge text (a 5 MB one has 100k sentences) is parsed piece by piece; a batch of articles
    # has fewer sentences than this and is parsed in one run
    MAX_PIECES = 4096

    def process(self, docs: Sequence[Doc]) -> None:
        limited = self.only_with or self.only_containing or self.only_words
        # a sentence is parsed for a token of it, so a document with no such token at all
        # (most news) is passed over whole, before its sentences are listed
        chosen = [
            number
            for number, doc in enumerate(docs)
            if not limited or self.needs_parse(token_texts(doc, LOWER))
        ]
        pieces = [
            (chosen[number], indexes)
            for number, indexes in sentence_pieces(
                [docs[number] for number in chosen], self.needs_parse if limited else None
            )
        ]
        # per document and token, as compact arrays: the head the parser gave (-1: the token
        # was not parsed) and its relation (an index into ``rels``); a huge text's hundreds of
        # thousands of parsed words took some 70 MB as a dict of tuples
        heads = [array_module("q", [-1]) * len(doc) for doc in docs]
        labels = [array_module("i", [0]) * len(doc) for doc in docs]
        rels: dict[str, int] = {}
        for cut in range(0, len(pieces), self.MAX_PIECES):
            chunk = pieces[cut : cut + self.MAX_PIECES]
            markups = run_sorted(self.model.infer, piece_words(docs, chunk))
            for (number, indexes), markup in zip(chunk, markups):
                doc_heads, doc_labels = heads[number], labels[number]
                tokens = markup.tokens
                for position, head in enumerate(acyclic([int(token.head_id) for token in tokens])):
                    i = indexes[position]
                    doc_heads[i] = indexes[head - 1] if head else i
                    rel = tokens[position].rel
                    code = rels.get(rel)
                    if code is None:
                        code = rels[rel] = len(rels)
                    doc_labels[i] = code
            del markups
        names = list(rels)
        for doc, doc_heads, doc_labels in zip(docs, heads, labels):
            set_heads(doc, doc_heads, doc_labels, names)


def acyclic(heads: list[int]) -> list[int]:
    """1-based heads (0 = root) with every cycle or stray index cut (the token becomes a root).

    slovnet picks each head independently, so its output is not always a tree.
    """
    heads = [
        head if 0 <= head <= len(heads) and head != i + 1 else 0 for i, head in enumerate(heads)
    ]
    for start in range(len(heads)):
        seen = set()
        node = start
        while heads[node] and node not in seen:
            seen.add(node)
            node = heads[node] - 1
        if node in seen:
            heads[node] = 0
    return heads


def set_heads(doc: Doc, heads: Sequence[int], labels: Sequence[int], names: Sequence[str]) -> None:
    """Write parsed arcs into ``doc`` in one step (setting ``token.head`` one by one is O(n)):
    ``heads[i]`` is the head the parser gave token ``i`` (-1 when it was not parsed) and
    ``names[labels[i]]`` its relation.

    Within each parsed sentence the first root is the sentence root and other roots attach to
    it. In a sentence that was not parsed the first token is its ``ROOT`` and the others keep
    spaCy's "missing" annotation (their own head, ``dep_ == ""``), which keeps razdel's
    sentence boundaries in ``doc.sents``.
    """
    if not len(doc):
        return
    strings = doc.vocab.strings
    array: Any = doc.to_array([HEAD, DEP])
    root_label, dep_label, empty = strings.add("ROOT"), strings.add("dep"), strings.add("")
    bounds = sentence_bounds(doc)
    firsts = numpy.array([start for start, _ in bounds], dtype=numpy.int64)
    # every sentence as if not parsed, all at once: the first token is the root, the others
    # point at it with no label
    offsets = numpy.repeat(firsts, [end - start for start, end in bounds])
    offsets -= numpy.arange(len(doc), dtype=numpy.int64)
    codes = numpy.full(len(doc), empty, dtype=array.dtype)
    codes[firsts] = root_label
    # per sentence, whether a token of it was parsed: those are written token by token
    parsed = numpy.logical_or.reduceat(numpy.asarray(heads, dtype=numpy.int64) >= 0, firsts)
    for number in numpy.flatnonzero(parsed).tolist():
        start, end = bounds[number]
        root = next((i for i in range(start, end) if heads[i] == i), start)
        for i in range(start, end):
            head = heads[i]
            if i == root:
                head, code = i, root_label
            elif head < 0:
                head, code = root, empty
            elif head == i:
                head, code = root, dep_label
            else:
                label = names[labels[i]]
                code = strings.add(label) if label else empty
            offsets[i] = head - i
            codes[i] = code
    array[:, 0] = offsets.astype(numpy.uint64)
    array[:, 1] = codes
    doc.from_array([HEAD, DEP], array)
