"""Segment: razdel tokens and sentences as a spaCy ``Doc`` with exact character offsets.

Every character of the text belongs to exactly one token: razdel's tokens, plus whitespace
tokens for any gap that is not a single space, so ``doc.text == text`` and ``token.idx`` is
the offset in the original ``str``. A sentence starts where razdel starts one and after any
line break, so nothing downstream (NER spans, percentages) crosses a paragraph, a headline or
an author block.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import Any

import numpy
from razdel.segmenters.punct import (
    CLOSE_BRACKETS,
    CLOSE_QUOTES,
    DASHES,
    ENDINGS,
    GENERIC_QUOTES,
    QUOTES,
)
from razdel.segmenters.sentenize import (
    BULLET_BOUNDS,
    BULLET_SIZE,
    FIRST_TOKEN,
    LAST_TOKEN,
    PAIR_SOKR,
    SMILE_PREFIX,
    SPACE_SUFFIX,
    WORD,
    SentSplitter,
    is_bullet,
    is_lower_alpha,
    is_sokr,
)
from razdel.segmenters.sentenize import DELIMITERS as SENTENCE_DELIMITERS
from razdel.segmenters.sentenize import TOKEN as SENTENCE_TOKEN
from razdel.segmenters.sokr import HEAD_PAIR_SOKRS, HEAD_SOKRS, INITIALS, PAIR_SOKRS, SOKRS
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, SMILE
from spacy.attrs import SENT_START
from spacy.lang.ru import lex_attrs as ru_lex_attrs
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ._batch import remember_text


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to do."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"newsnlp expects text as str, got {type(text).__name__}; "
            "decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"newsnlp expects text as str, got {type(text).__name__}: {text!r:.60}")


_RUSSIAN_LETTER = re.compile("[А-Яа-яЁё]")


def has_russian(text: str) -> bool:
    """Whether ``text`` has a Russian letter: a text without one has no Russian word, and its
    :class:`~newsnlp.schema.Article` is empty (the models are trained on Russian news; on
    English or Chinese text they name random spans)."""
    return _RUSSIAN_LETTER.search(text) is not None


def check_unicode(text: str) -> str:
    """Return ``text`` if it is valid Unicode; a lone surrogate (what ``json.loads`` makes of
    an unpaired "\\ud800") raises a ``ValueError`` that says where and what to do."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(
            f"text has a lone surrogate {text[error.start]!r} at offset {error.start}, which is "
            "not valid Unicode; clean it first, e.g. "
            "text.encode('utf-8', 'replace').decode('utf-8')"
        ) from None
    return text


def razdel_tokens(text: str) -> list[tuple[int, int]]:
    """(start, stop) of razdel's tokens of ``text``: what ``razdel.tokenize`` gives.

    razdel cuts the text into atoms (a run of Cyrillic letters, of Latin letters, of digits, one
    punctuation mark or one other character) and joins two atoms written without a space when
    one of its rules says so. Its rules only ever say "join" or nothing, so a join is the same
    whatever their order; they are applied here to plain tuples instead of razdel's per-atom
    and per-split objects (the same tokens, several times faster; tested against razdel).
    """
    return list(iter_razdel_tokens(text))


def iter_razdel_tokens(text: str) -> Iterator[tuple[int, int]]:
    """:func:`razdel_tokens` one token at a time, holding four atoms at once (not all the atoms
    of the text: a 5 MB text has a million).

    Atoms stay regex matches, read by the rules only for the two sides of a join candidate
    (atoms written without a space between them) and their neighbours.
    """
    atoms = _ATOM(text)
    before: re.Match[str] | None = None
    left = next(atoms, None)
    if left is None:
        return
    start, stop = left.span()
    right = next(atoms, None)
    while right is not None:
        after = next(atoms, None)
        if right.start() == stop and _joins(before, left, right, after, text, start):
            stop = right.end()
        else:
            yield start, stop
            start, stop = right.span()
        before, left, right = left, right, after
    yield start, stop


_ATOM = ATOM.finditer
_Atom = re.Match[str]
# razdel's "2112" rules: (delimiters, joins a pair of types around them)
_AROUND_DELIMITERS: tuple[tuple[str, Callable[[str | None, str | None], bool]], ...] = (
    (DASHES, lambda left, right: left != PUNCT and right != PUNCT),  # cho-to
    ("_", lambda left, right: left != PUNCT and right != PUNCT),  # snake_case
    (".,", lambda left, right: left == INT and right == INT),  # 3.14, 3,14
    ("/\\", lambda left, right: left == INT and right == INT),  # 1/2
)
_SYMBOLS = (OTHER, RU, LAT)


def _joins(
    before: _Atom | None, left: _Atom, right: _Atom, after: _Atom | None, text: str, start: int
) -> bool:
    """Whether razdel joins the atom ``right`` to the token ``text[start:left.end()]`` that
    ends with the atom ``left``, right before it (``before`` and ``after``: the atoms around
    the two, None at the ends of the text)."""
    left_text, right_text = left.group(), right.group()
    left_type, right_type = left.lastgroup, right.lastgroup
    for delimiters, pair_joins in _AROUND_DELIMITERS:
        first: _Atom | None = left
        last: _Atom | None = right
        if left_text in delimiters:
            first = before
        elif right_text in delimiters:
            last = after
        else:
            continue
        if first is not None and last is not None and pair_joins(first.lastgroup, last.lastgroup):
            return True
    if left_type == PUNCT and right_type == PUNCT:
        if SMILE.match(text[start : left.end()] + right_text):  # :-)
            return True
        if left_text in ENDINGS and right_text in ENDINGS:  # ?!
            return True
        if left_text + right_text in ("--", "**"):
            return True
    if (left_type == OTHER and right_type in _SYMBOLS) or (
        left_type in _SYMBOLS and right_type == OTHER
    ):
        return True  # ΔP
    return right_text == "!" and left_text.lower() == "yahoo"


_SENTENCE_SPLITTER = SentSplitter()


def razdel_sentence_starts(text: str) -> list[int]:
    """The offsets where ``razdel.sentenize`` starts its sentences of ``text`` (the ``start``
    of each of its non-empty ones).

    razdel's rules decide at each possible sentence end (its splitter's matches), as
    ``sentenize`` does (:func:`_razdel_joins`); the sentences are kept as offsets instead of a
    buffer string that grows by concatenation and is found again in the text (the same starts,
    tested against razdel). A possible end not followed by whitespace is joined at once:
    razdel's first two rules join it whatever the rest say.
    """
    starts: list[int] = []
    window = _SENTENCE_SPLITTER.window
    begin = 0  # where the current sentence (razdel's buffer) begins
    for match in _SENTENCE_SPLITTER.re.finditer(text):
        start, stop = match.span()
        if not text[stop : stop + 1].isspace():
            continue  # razdel's ``no_space_prefix`` (or ``empty_side`` before it) joins
        if _razdel_joins(
            text[max(0, start - window) : start],
            match.group(1),
            text[stop : stop + window],
            text[begin:start],
        ):
            continue
        _add_start(text, begin, stop, starts)
        begin = stop
    _add_start(text, begin, len(text), starts)
    return starts


def _razdel_joins(left: str, delimiter: str, right: str, buffer: str) -> bool:
    """Whether razdel's sentence rules (``razdel.segmenters.sentenize.RULES``, in their order)
    join the two sides of a possible end ``delimiter`` followed by whitespace: ``left`` and
    ``right`` are the windows of text around it, ``buffer`` the sentence so far.

    The rules' own tables, patterns and tests, read once each in one function instead of
    razdel's ``SentSplit`` object and its cached properties (one call per rule).
    """
    last = LAST_TOKEN.search(left)
    first = FIRST_TOKEN.match(right)
    if last is None or first is None or not last.group(1) or not first.group(1):
        return True  # empty_side
    left_token, right_token = last.group(1), first.group(1)
    if is_lower_alpha(right_token):
        return True  # lower_right
    if right_token not in GENERIC_QUOTES and (  # delimiter_right
        right_token in SENTENCE_DELIMITERS or SMILE_PREFIX.match(right)
    ):
        return True
    if delimiter == ".":
        pair = PAIR_SOKR.search(left)  # sokr_left
        pair_sokr = (pair.group(1).lower(), pair.group(2).lower()) if pair else None
        if pair_sokr in HEAD_PAIR_SOKRS:
            return True
        if pair_sokr in PAIR_SOKRS:
            if is_sokr(right_token):
                return True
        else:
            lower = left_token.lower()
            if lower in HEAD_SOKRS or (lower in SOKRS and is_sokr(right_token)):
                return True
        if (left_token.lower(), right_token.lower()) in PAIR_SOKRS:
            return True  # inside_pair_sokr
        if (left_token.isupper() and len(left_token) == 1) or left_token.lower() in INITIALS:
            return True  # initials_left
    if (  # list_item
        delimiter in BULLET_BOUNDS
        and len(buffer) <= BULLET_SIZE
        and all(is_bullet(token) for token in SENTENCE_TOKEN.findall(buffer))
    ):
        return True
    if delimiter in QUOTES:  # close_quote
        if delimiter in CLOSE_QUOTES:
            if left_token not in ENDINGS:
                return True
        elif delimiter in GENERIC_QUOTES:
            if SPACE_SUFFIX.search(left) or left_token not in ENDINGS:
                return True
    if delimiter in CLOSE_BRACKETS and left_token not in ENDINGS:
        return True  # close_bracket
    if right_token in DASHES:  # dash_right
        word = WORD.search(right)
        if word and word.group(1) and is_lower_alpha(word.group(1)):
            return True
    return False


def _add_start(text: str, begin: int, end: int, starts: list[int]) -> None:
    """The start of the sentence ``text[begin:end]`` without its leading whitespace (none for
    whitespace only)."""
    for offset in range(begin, end):
        if not text[offset].isspace():
            starts.append(offset)
            return


_LINE_BREAKS = "\n\r\u2028\u2029"

# a lowercase Cyrillic word, a full stop and, with no space, a capitalised Cyrillic word (or a
# one-letter word such as "В" followed by a space): "ежедневно.Среди", "году.В Москве"
_GLUED = re.compile(r"(?<![\w.\-])([а-яё]{2,})\.([А-ЯЁ](?:[а-яё]+\b|(?=\s)))")
_ABBREVIATIONS = frozenset(SOKRS) | frozenset(HEAD_SOKRS)


def glued_sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence starts after a full stop written with no space after it.

    razdel starts no sentence in "работает ежедневно.Среди клиентов": a lowercase word, a full
    stop and a capitalised word glued together. Not glued sentences: initials ("А.С.Пушкин",
    the word before is capitalised), abbreviations ("т.е.", "ул.Ленина", "тыс.Рублей": razdel's
    list of abbreviations), domains and names in Latin letters ("Lenta.ru"), decimal numbers.
    """
    return [
        match.start(2) for match in _GLUED.finditer(text) if match.group(1) not in _ABBREVIATIONS
    ]


# a word and, with no space, a capitalised word: a line break lost between a headline and the
# text ("по этой темеЛебедев поздравил", "главы ТамбоваСавельев")
_GLUED_WORDS = re.compile(
    r"(?<![\w\-])([А-ЯЁа-яё][а-яё]{2,})([А-ЯЁ][а-яё]{2,}|[А-ЯЁ]{2,})(?![\w\-])"
)
# what both kinds of glued words have: a lowercase letter, maybe a full stop, a capital (a
# pattern that starts with a character class is searched several times faster than the two
# above, which start with a look-behind: most texts have neither). Found from the capital, a
# rarer letter than the lowercase one a search would otherwise stop at and try everywhere
_GLUE = re.compile(r"[А-ЯЁ](?<=[а-яё][А-ЯЁ])|[А-ЯЁ](?<=[а-яё]\.[А-ЯЁ])")


def _split_at(tokens: Iterator[tuple[int, int]], cuts: list[int]) -> Iterator[tuple[int, int]]:
    """The tokens, each cut in two at the offsets ``cuts`` (sorted) inside it."""
    return _cut(tokens, cuts) if cuts else tokens


def _cut(tokens: Iterator[tuple[int, int]], cuts: list[int]) -> Iterator[tuple[int, int]]:
    for start, stop in tokens:
        at = bisect_right(cuts, start)
        while at < len(cuts) and cuts[at] < stop:
            yield start, cuts[at]
            start = cuts[at]
            at += 1
        yield start, stop


def glued_word_starts(text: str) -> list[int]:
    """Offsets of the second of two words written together where a line break was lost: a
    lowercase word before a capitalised word or an abbreviation ("темеЛебедев", "рыбыМЧС"),
    or a capitalised word that pymorphy3 knows in no singular nominative before one
    ("ТамбоваСавельев"); not a brand joining nominatives ("АльфаСтрахование")."""
    found = []
    for match in _GLUED_WORDS.finditer(text):
        first = match.group(1)
        if first[0].isupper():
            from . import resources  # pymorphy3 only for the rare capitalised pairs

            parses = resources.morph_analyzer().parse(first.lower())
            if not all(parse.is_known for parse in parses) or any(
                parse.tag.case == "nomn" and parse.tag.number != "plur" for parse in parses
            ):
                continue
        found.append(match.start(2))
    return found


class RazdelTokenizer:
    """A spaCy tokenizer that segments Russian text with razdel.

    Sentence starts are set on the ``Doc`` too (``doc.sents`` works without a parser).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = check_unicode(check_text(text))
        if not text:
            return Doc(self.vocab, words=[], spaces=[])

        sent_starts_at = set(razdel_sentence_starts(text))
        glued: list[int] = []
        if _GLUE.search(text):
            sent_starts_at.update(glued_sentence_starts(text))
            glued = glued_word_starts(text)
            sent_starts_at.update(glued)
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        new_line = False

        def gap(stop: int) -> None:
            """The whitespace before ``stop``: a space after a word, or a token of its own."""
            nonlocal new_line
            space = text[offset:stop]
            if space == " " and words:
                spaces[-1] = True
                return
            new_line = new_line or any(char in space for char in _LINE_BREAKS)
            words.append(space)
            spaces.append(False)
            starts.append(len(words) == 1)

        offset = 0
        for start, stop in _split_at(iter_razdel_tokens(text), glued):
            if start > offset:
                if start == offset + 1 and words and text[offset] == " ":
                    spaces[-1] = True  # what gap() does with one space, without the call
                else:
                    gap(start)
            # the first token starts the first sentence; a word starts one after a line break
            # or where razdel starts one, but not right after leading whitespace
            starts.append(not words or (offset > 0 and (new_line or start in sent_starts_at)))
            words.append(text[start:stop])
            spaces.append(False)
            new_line = False
            offset = stop
        if offset < len(text):
            gap(len(text))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # what Doc(..., sent_starts=starts) writes (1 starts a sentence, -1 does not), in one
        # step: spaCy converts and copies the list value by value in Python
        flags: Any = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype(numpy.int32)
        doc.from_array([SENT_START], flags.astype(numpy.uint64))
        return remember_text(doc, text)

    def pipe(self, texts: Iterator[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy calls these when a pipeline is saved or loaded; the tokenizer has no state.
    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> RazdelTokenizer:
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> RazdelTokenizer:
        return self


_NUM_WORDS = frozenset(ru_lex_attrs._num_words)


def like_num(text: str) -> bool:
    """spaCy's Russian ``like_num`` lexical attribute with its number words in a set.

    spaCy computes it for every new word of the vocabulary and looks the word up in a list of
    884 number words; the same answer from a set (tested against spaCy's own function).
    """
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    if text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text.lower() in _NUM_WORDS


def sentence_finder(doc: Doc) -> Callable[[int], Span]:
    """A look-up from a token index to its sentence, in O(log n).

    spaCy's ``token.sent`` and ``span.sent`` walk the document from its start on every call,
    which is quadratic over a long article; stages that need sentences use this instead.
    """
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]

    def find(i: int) -> Span:
        return sents[bisect_right(starts, i) - 1]

    return find
