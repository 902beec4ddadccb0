"""Segment: razdel tokens and sentences as a spaCy ``Doc`` with exact character offsets.

Every character of the text belongs to exactly one token: razdel's tokens, plus whitespace
tokens for any gap that is not a single space, so ``doc.text == text`` and ``token.idx`` is
the offset in the original ``str``. A sentence starts where razdel starts one and after any
line break, so nothing downstream (NER spans, percentages) crosses a paragraph, a headline or
an author block.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator

from razdel import sentenize, tokenize
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab


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


def _words(text: str) -> Iterator[tuple[int, int]]:
    """(start, stop) of every token, whitespace gaps included, covering ``text`` exactly."""
    offset = 0
    for token in tokenize(text):
        if token.start > offset:
            yield offset, token.start
        yield token.start, token.stop
        offset = token.stop
    if offset < len(text):
        yield offset, len(text)


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

        sent_starts_at = {sent.start for sent in sentenize(text)} if text.strip() else set()
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        new_line = False
        seen_word = False
        for start, stop in _words(text):
            word = text[start:stop]
            if word.isspace():
                if word == " " and words and not spaces[-1] and not words[-1].isspace():
                    spaces[-1] = True
                    continue
                if "\n" in word or "\r" in word or "\u2028" in word or "\u2029" in word:
                    new_line = True
                words.append(word)
                spaces.append(False)
                starts.append(not words[:-1])
                continue
            words.append(word)
            spaces.append(False)
            starts.append(len(words) == 1 or seen_word and (new_line or start in sent_starts_at))
            new_line = False
            seen_word = True
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)

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


TOKENIZER = "newsnlp.RazdelTokenizer.v1"
"""The registered name of :class:`RazdelTokenizer` (``[nlp.tokenizer]`` in a spaCy config)."""


@registry.tokenizers(TOKENIZER)
def make_tokenizer() -> Callable[[Language], RazdelTokenizer]:
    """spaCy tokenizer factory: razdel instead of spaCy's rules (never built, never used)."""

    def create(nlp: Language) -> RazdelTokenizer:
        return RazdelTokenizer(nlp.vocab)

    return create


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
