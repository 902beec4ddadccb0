"""Statements: who said what ("«…», — сказал он", "по данным Росстата, …").

Runs after the roles stage (and after percentages and money, whose figures it gives a
``source``), on the tokens' lemmas and morphology only: no model pass of its own. A statement is
one occurrence of attributing words (its ``cue``):

- a verb of speech, report or opinion (``models/lexicons/speech_verbs.txt``): finite, a gerund
  ("добавив"), an active participle ("назвавший"), an impersonal form ("сообщается",
  "говорится в докладе"), with "как" before it ("Как сообщил губернатор, …"); negated it is no
  statement unless it is an opinion ("не исключает");
- a source phrase: "по словам" / "по его словам" / "по данным" and the other nouns of
  ``models/lexicons/source_nouns.txt``, "согласно", "со ссылкой на", "ссылаясь на", "на его
  взгляд";
- a headline with a colon: "Шелест: …".

Cues inside a quotation are not statements. The speaker is the subject of the verb (before it,
or after it when the verb follows what was said, "— сказал он", or opens a parenthetical "как
сообщил губернатор"), the body a plural verb's words are said in ("В МИД заявили"), the words
after a source phrase ("по данным Росстата"); :mod:`newsnlp.resolve` tells which person or
organization of the Article it is. The content is the quotation the cue stands next to (direct
speech both ways, over several sentences: "«…», — сказал он", "Он сказал: «…»", and a paragraph
opened by a dash "— …,— сказал он"), else the clause after "что" / "чтобы" / "о том, что" / a
colon, the clause before ("X, сообщил Y"), the rest of the sentence after a source phrase or a
parenthetical, or the sentence before for "Об этом заявил X".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from ._batch import DocComponent, doc_text, sentence_bounds, token_starts, token_texts
from .extensions import get_facts, set_facts, update_facts
from .lexicons import lexicon_lines
from .resolve import Referent, Resolver, Said
from .schema import Phrase, Statement


@dataclass(frozen=True)
class Verb:
    """A verb of the speech lexicon: its dictionary form, its mark, the words after it."""

    lemma: str
    mark: str  # "", "opinion", "that" or "self"
    after: tuple[str, ...]


@cache
def speech_verbs() -> dict[str, list[Verb]]:
    """The speech lexicon by the verb's dictionary form."""
    verbs: dict[str, list[Verb]] = {}
    for words in lexicon_lines("speech_verbs"):
        marks = ("opinion", "that", "self")
        mark = words[-1] if len(words) > 1 and words[-1] in marks else ""
        body = words[:-1] if mark else words
        lemma = body[0].replace("ё", "е")
        verbs.setdefault(lemma, []).append(Verb(lemma, mark, tuple(body[1:])))
    for entries in verbs.values():
        entries.sort(key=lambda verb: -len(verb.after))
    return verbs


@cache
def source_nouns() -> frozenset[str]:
    """The nouns of source phrases ("по словам", "по данным")."""
    return frozenset(words[0].replace("ё", "е") for words in lexicon_lines("source_nouns"))


@cache
def document_nouns() -> frozenset[str]:
    """Nouns of documents a body speaks through ("согласно докладу ВОЗ": ВОЗ)."""
    return frozenset(
        words[0].replace("ё", "е")
        for words in lexicon_lines("speaker_nouns")
        if words[1:] == ("document",)
    )


@cache
def legal_acts() -> frozenset[str]:
    """Nouns of acts that rule, not say ("согласно указу" is no statement)."""
    return frozenset(words[0].replace("ё", "е") for words in lexicon_lines("legal_acts"))


_QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”"}
_STRAIGHT = '"'
_QUOTE_CHARS = re.compile('[«»„“”"\n]')
_OPENERS = frozenset(_QUOTE_PAIRS)
_CLOSERS = frozenset({"»", "“", "”", '"'})
_DASHES = frozenset({"—", "–", "-", "--"})
_CLAUSE_MARKS = frozenset({",", "—", "–", "-", ":", ";", "(", ")"})
_THAT = frozenset({"что", "чтобы", "будто"})
_PRONOUNS = frozenset({"он", "она", "оно", "они", "который", "которая", "которое", "которые"})
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})
# words a source phrase may follow at the start of its clause
_OPENING = frozenset(
    """
    кроме того однако также при этом а но и так вместе с тем впрочем между тем тем не менее
    в частности во-первых во-вторых в-третьих наконец итак ранее уже
    """.split()
)
# the words a source phrase's cue is found by ("по словам", "согласно", "со ссылкой на", "на его
# взгляд", a headline's colon)
_TRIGGERS = frozenset({"по", "согласно", "со", "ссылаясь", "на", ":"})
_BEFORE_AS = frozenset({"ранее", "уже", "также", "тогда", "позже", "позднее", "накануне"})
_LOCATIVE = frozenset({"в", "во", "на"})
_FINAL = ".!?…"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def doc_case(token: Token) -> str:
    """The tagger's case of a token ("" when it has none)."""
    return next(iter(token.morph.get("Case", [])), "")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The top-level quotations of ``text``: (offset of the opening mark, offset of the closing
    one). «…» may hold „…“ or «…» inside; a straight quote opens after a space, a bracket or a
    dash and closes elsewhere; a quotation left open at the end of a line is none."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    for match in _QUOTE_CHARS.finditer(text):
        offset, char = match.start(), match.group()
        if char == "\n":
            stack.clear()
            continue
        if char == _STRAIGHT:
            before = text[offset - 1] if offset else " "
            opens = before.isspace() or before in "([—–-:«„/" or not offset
            if stack and stack[-1][1] == _STRAIGHT and not opens:
                start, _ = stack.pop()
                if not stack:
                    spans.append((start, offset))
            elif opens:
                stack.append((offset, _STRAIGHT))
            continue
        if char in _OPENERS and not (char == "“" and stack and stack[-1][1] == "„"):
            stack.append((offset, _QUOTE_PAIRS[char]))
            continue
        if char in _CLOSERS and stack:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == char:
                    start = stack[depth][0]
                    del stack[depth:]
                    if not stack:
                        spans.append((start, offset))
                    break
    return spans


@dataclass
class _Found:
    """A statement as read, before its speaker is resolved."""

    cue: tuple[int, int]  # tokens [first, end)
    lemma: str
    speaker: tuple[int, int, int] | None  # tokens [first, end) and the head
    content: tuple[int, int] | None  # characters
    direct: bool
    sentence: int


class _Reader:
    """Reads the statements of one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lowers = token_texts(doc, LOWER)
        self.texts = token_texts(doc, ORTH)
        self.starts = token_starts(doc)
        self.lemmas = [lemma.replace("ё", "е") for lemma in token_texts(doc, LEMMA)]
        self.bounds = sentence_bounds(doc)
        self.sentence_of = [0] * len(doc)
        for number, (start, end) in enumerate(self.bounds):
            for i in range(start, end):
                self.sentence_of[i] = number
        self.quotes = quote_spans(self.text)
        self.quote_starts = [start for start, _ in self.quotes]
        self.quote_ends = {stop: (start, stop) for start, stop in self.quotes}
        self.verbs = speech_verbs()
        self.nouns = source_nouns()
        # per token: 1 where a person's or an organization's mention covers it
        self.named = bytearray(len(doc))
        for name in ("people", "organizations"):
            for entity in get_facts(doc, name) or []:
                for mention in entity.mentions:
                    first = bisect_right(self.starts, mention.start) - 1
                    end = bisect_left(self.starts, mention.stop)
                    self.named[max(first, 0) : end] = b"\x01" * (end - max(first, 0))

    # -- text helpers --------------------------------------------------------------------

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        """The quotation whose marks enclose ``offset``."""
        index = bisect_right(self.quote_starts, offset) - 1
        if index >= 0:
            start, stop = self.quotes[index]
            if start < offset < stop:
                return start, stop
        return None

    def quote_from(self, offset: int) -> tuple[int, int] | None:
        """The quotation opening at ``offset``."""
        index = bisect_left(self.quote_starts, offset)
        if index < len(self.quotes) and self.quotes[index][0] == offset:
            return self.quotes[index]
        return None

    def quote_to(self, offset: int) -> tuple[int, int] | None:
        """The quotation closing at ``offset``."""
        return self.quote_ends.get(offset)

    def start(self, i: int) -> int:
        return self.starts[i]

    def stop(self, i: int) -> int:
        return self.starts[i] + len(self.texts[i])

    def trimmed(self, start: int, stop: int) -> tuple[int, int] | None:
        """``[start, stop)`` without spaces around it and the final full stop."""
        text = self.text
        while start < stop and (text[start].isspace() or text[start] in "—–-,:"):
            start += 1
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] in _FINAL + ",;:"):
            stop -= 1
        if stop - start < 2:
            return None
        return start, stop

    def sentence_stop(self, sentence: int) -> int:
        return self.stop(self.bounds[sentence][1] - 1)

    # -- cues ----------------------------------------------------------------------------

    def read(self) -> list[_Found]:
        """The statements of the document, sentence by sentence."""
        verbs = self.verbs
        by_sentence: dict[int, list[int]] = {}
        for i, (lemma, lower) in enumerate(zip(self.lemmas, self.lowers)):
            if lemma in verbs or lower in _TRIGGERS:
                by_sentence.setdefault(self.sentence_of[i], []).append(i)
        found: list[_Found] = []
        for number, candidates in by_sentence.items():
            sentence_found: list[_Found] = []
            after = -1
            for i in candidates:
                if i < after:
                    continue
                item = self.cue_at(i, number, sentence_found)
                if item is not None:
                    sentence_found.append(item)
                    after = item.cue[1]
            self.separate(sentence_found)
            found.extend(sentence_found)
        return found

    def separate(self, found: list[_Found]) -> None:
        """A statement's content ends where the clause of a later statement of its sentence
        begins: "Учёные считают X — по их словам, Y" (X, not X and Y)."""
        for number, item in enumerate(found):
            for later in found[number + 1 :]:
                cue = self.start(later.cue[0])
                if item.content is None or later.content is None:
                    continue
                if not item.content[0] < cue < item.content[1] or later.content[0] < cue:
                    continue
                j = later.cue[0] - 1
                while j > 0 and (self.lowers[j] in _OPENING or self.lowers[j] == "как"):
                    j -= 1
                if self.lowers[j] in (",", "—", "–", ";", ":") and self.start(j) > item.content[0]:
                    cut = self.trimmed(item.content[0], self.start(j))
                    if cut is not None:
                        item.content = cut

    def inside_quote(self, i: int) -> bool:
        return self.quote_at(self.start(i)) is not None

    def interrupts(self, i: int) -> bool:
        """Whether the verb ``i`` interrupts a quotation: "«…,— сказала она.— …»"."""
        before = self.text[: self.start(i)].rstrip()
        return before.endswith(("—", "–")) and before[:-1].rstrip().endswith((",", "!", "?", "…"))

    def cue_at(self, i: int, sentence: int, before: list[_Found]) -> _Found | None:
        found = self._cue_at(i, sentence, before)
        if found is not None and self.lowers[i] in ("со", "ссылаясь") and before:
            # "X сообщает со ссылкой на S, что Z": S said Z too
            found.content = before[-1].content
        return found

    def _cue_at(self, i: int, sentence: int, before: list[_Found]) -> _Found | None:
        lower, lemma = self.lowers[i], self.lemmas[i]
        if lemma in self.verbs and (not self.inside_quote(i) or self.interrupts(i)):
            return self.verb_cue(i, sentence, before)
        if lower == "по" and not self.inside_quote(i):
            return self.source_cue(i, sentence)
        if (
            lower in ("согласно", "ссылаясь")
            or (lower == "со" and self.lowers[i + 1 : i + 3] == ["ссылкой", "на"])
            or (
                lower == "на"
                and self.lowers[i + 1 : i + 2] in (["взгляд"],)
                or (
                    lower == "на"
                    and i + 2 < len(self.doc)
                    and self.lowers[i + 2] == "взгляд"
                    and self.lowers[i + 1] in _POSSESSIVES
                )
            )
        ):
            if not self.inside_quote(i):
                return self.phrase_cue(i, sentence)
        if lower == ":":
            return self.headline_cue(i, sentence)
        return None

    def verb_cue(self, i: int, sentence: int, before: list[_Found]) -> _Found | None:
        doc = self.doc
        token = doc[i]
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        form = token.morph.get("VerbForm", [])
        if (
            "Inf" in form
            or "Imp" in token.morph.get("Mood", [])
            or "1" in token.morph.get("Person", [])
        ):
            return None
        if (
            "Part" in form
            and "Short" not in token.morph.get("Variant", [])
            and (
                "Pass" in token.morph.get("Voice", []) or "Past" not in token.morph.get("Tense", [])
            )
        ):
            return None  # only "назвавший", "заявивший": not "подтверждающих", "сказанное"
        verb = None
        end = i + 1
        for entry in self.verbs[self.lemmas[i]]:
            if not entry.after:
                verb = entry
                break
            words = self.lowers[i + 1 : i + 1 + len(entry.after)]
            lemmas = self.lemmas[i + 1 : i + 1 + len(entry.after)]
            if all(w == a or m == a for w, m, a in zip(words, lemmas, entry.after)) and len(
                words
            ) == len(entry.after):
                verb = entry
                end = i + 1 + len(entry.after)
                break
        if verb is None:
            return None
        first = i
        if i > 0 and self.lowers[i - 1] == "не":
            if verb.mark != "opinion":
                return None
            first = i - 1
        s_start, s_end = self.bounds[sentence]
        # "как сообщил", "как ранее сообщал"
        as_parenthetical = False
        j = first - 1
        while j >= s_start and self.lowers[j] in _BEFORE_AS:
            j -= 1
        if j >= s_start and self.lowers[j] == "как":
            first = j
            as_parenthetical = True
        self_form = verb.mark == "self"
        gerund = "Conv" in form
        if gerund and any(
            item.content is not None and item.content[0] <= token.idx < item.content[1]
            for item in before
        ):
            return None  # "пояснил, что, рассчитывая модель, …": inside what was said
        speaker = None
        if not self_form:
            speaker = self.verb_speaker(i, end, sentence, before, gerund, as_parenthetical)
        else:
            speaker = self.document_speaker(first, end, sentence)
        content, direct = self.verb_content(first, i, end, sentence, speaker, as_parenthetical)
        if content is None:
            return None
        if (
            verb.mark in ("that", "self")
            and not as_parenthetical
            and not direct
            and not self.has_that(end, sentence, speaker)
            and not self.points_back(first, end, sentence)
            and (not self.content_before(first, sentence))
        ):
            return None
        return _Found((first, end), verb.lemma, speaker, content, direct, sentence)

    def has_that(self, end: int, sentence: int, speaker: tuple[int, int, int] | None) -> bool:
        s_end = self.bounds[sentence][1]
        for j in range(end, min(end + 10, s_end)):
            if self.lowers[j] in _THAT or self.lowers[j] == ":":
                return True
        return False

    def source_cue(self, i: int, sentence: int) -> _Found | None:
        """ "по словам X", "по его словам", "по предварительным данным"."""
        s_end = self.bounds[sentence][1]
        j = i + 1
        possessive = None
        while j < s_end and j < i + 4:
            if self.lowers[j] in _POSSESSIVES:
                possessive = j
                j += 1
                continue
            token = self.doc[j]
            if token.pos_ == "ADJ" and "Dat" in token.morph.get("Case", []):
                j += 1
                continue
            break
        if j >= s_end or self.lemmas[j] not in self.nouns:
            return None
        token = self.doc[j]
        if "Dat" not in token.morph.get("Case", []) and self.lowers[j] not in (
            "словам",
            "данным",
            "мнению",
            "информации",
            "оценке",
            "оценкам",
            "расчетам",
            "расчётам",
            "прогнозам",
            "сведениям",
            "подсчетам",
            "подсчётам",
            "версии",
        ):
            return None
        end = j + 1
        speaker: tuple[int, int, int] | None = None
        if possessive is not None:
            speaker = (possessive, possessive + 1, possessive)
        else:
            speaker = self.genitive_after(end, sentence)
        return self.phrase_statement(i, end, self.lemmas[j], speaker, sentence)

    def phrase_cue(self, i: int, sentence: int) -> _Found | None:
        """ "согласно X", "со ссылкой на X", "ссылаясь на X", "на его взгляд"."""
        lower = self.lowers[i]
        if lower == "со":
            end = i + 3
        elif lower == "ссылаясь":
            end = i + 2 if self.lowers[i + 1 : i + 2] == ["на"] else i + 1
        elif lower == "на":
            end = i + 2 if self.lowers[i + 1] == "взгляд" else i + 3
        else:
            end = i + 1
        if lower == "на" and self.lowers[i + 1] in _POSSESSIVES:
            speaker: tuple[int, int, int] | None = (i + 1, i + 2, i + 1)
        elif lower == "согласно":
            if self.rules(i, sentence):
                return None  # "согласно указу", "соглашение, согласно которому": no one says
            speaker = self.genitive_after(end, sentence, skip_first=True)
        else:
            speaker = self.genitive_after(end, sentence, any_case=True)
        lemma = {"со": "ссылка", "ссылаясь": "ссылаться", "на": "взгляд"}.get(lower, lower)
        return self.phrase_statement(i, end, lemma, speaker, sentence)

    def rules(self, i: int, sentence: int) -> bool:
        """Whether "согласно" at ``i`` refers to an act that rules (``legal_acts.txt``): the
        noun after it, or the noun a "который" after it stands for."""
        s_start, s_end = self.bounds[sentence]
        acts = legal_acts()
        for j in range(i + 1, min(i + 6, s_end)):
            if self.doc[j].pos_ == "NOUN":
                return self.lemmas[j] in acts
            if self.lemmas[j] == "который":
                k = i - 1
                while k >= s_start and self.doc[k].pos_ != "NOUN":
                    k -= 1
                return k >= s_start and self.lemmas[k] in acts
        return False

    def phrase_statement(
        self,
        first: int,
        end: int,
        lemma: str,
        speaker: tuple[int, int, int] | None,
        sentence: int,
    ) -> _Found | None:
        s_start, s_end = self.bounds[sentence]
        stop = self.sentence_stop(sentence)
        after = speaker[1] if speaker is not None and speaker[1] > end else end
        if "этом" in self.lowers[s_start:first] and sentence > 0:
            # "Об этом сообщает X со ссылкой на S": what the sentence before says
            content = self.trimmed(
                self.start(self.bounds[sentence - 1][0]), self.sentence_stop(sentence - 1)
            )
            return (
                None
                if content is None
                else _Found((first, end), lemma, speaker, content, False, sentence)
            )
        if self.at_clause_start(first, sentence):
            # the rest of the clause, after the comma that closes the source phrase
            j = after
            while j < s_end and self.lowers[j] not in (",", ":", "—", "–"):
                j += 1
            if j >= s_end - 1:
                # no comma after it ("По данным ЦИК явка составила 35%"): the rest
                content = self.trimmed(self.start(after), stop) if after < s_end else None
                if content is None:
                    return None
                return _Found((first, end), lemma, speaker, content, False, sentence)
            if any(self.lowers[k] in _THAT for k in range(j + 1, min(j + 2, s_end))):
                j += 1
            content = self.trimmed(self.stop(j), stop)
        else:
            # in the middle or at the end: the whole clause
            start = self.start(s_start)
            if (
                first > s_start
                and self.lowers[first - 1] == ","
                and self.ends_sentence(after, sentence)
            ):
                content = self.trimmed(start, self.start(first - 1))
            else:
                content = self.trimmed(start, stop)
        if content is None:
            return None
        return _Found((first, end), lemma, speaker, content, False, sentence)

    def ends_sentence(self, j: int, sentence: int) -> bool:
        s_end = self.bounds[sentence][1]
        while j < s_end and self.doc[j].pos_ != "PUNCT":
            j += 1
        return j >= s_end - 1

    def at_clause_start(self, first: int, sentence: int) -> bool:
        s_start = self.bounds[sentence][0]
        j = first - 1
        while j >= s_start and (self.lowers[j] in _OPENING or self.lowers[j] == ","):
            j -= 1
        return j < s_start or self.lowers[j] in (":", "—", "–", ";")

    def headline_cue(self, i: int, sentence: int) -> _Found | None:
        """ "Шелест: …" on a line of its own (a headline)."""
        s_start, s_end = self.bounds[sentence]
        if i == s_start or i - s_start > 4 or i + 1 >= s_end:
            return None
        line_start = self.text.rfind("\n", 0, self.start(s_start)) + 1
        if self.text[line_start : self.start(s_start)].strip():
            return None
        line_stop = self.text.find("\n", self.stop(i))
        line_stop = len(self.text) if line_stop < 0 else line_stop
        if (
            line_stop - line_start > 200
            or self.sentence_stop(sentence) < line_stop - 1
            and (self.text[self.sentence_stop(sentence) : line_stop].strip())
        ):
            return None
        words = [self.doc[j] for j in range(s_start, i)]
        if not all(token.pos_ == "PROPN" or token.text[:1].isupper() for token in words):
            return None
        if not any(token.pos_ == "PROPN" for token in words):
            return None
        content = self.trimmed(self.stop(i), line_stop)
        if content is None:
            return None
        return _Found((i, i + 1), ":", (s_start, i, i - 1), content, False, sentence)

    # -- speakers ------------------------------------------------------------------------

    def nominative(self, token: Token) -> bool:
        if self.named[token.i] and not token.morph.get("Case", []):
            return True  # a name the tagger reads as another part of speech ("СибМедиа")
        if token.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if token.pos_ == "PRON" and token.lemma_ not in _PRONOUNS and token.lower_ not in _PRONOUNS:
            return False
        return "Nom" in token.morph.get("Case", []) or (
            token.pos_ == "PROPN" and not token.morph.get("Case", [])
        )

    def agrees(self, verb: Token, subject: Token) -> bool:
        number = verb.morph.get("Number", [])
        other = subject.morph.get("Number", [])
        if number and other and number != other:
            if not (number == ["Plur"] and self.coordinated(subject)):
                return subject.lower_ == "глава" and number == ["Sing"]
        gender = verb.morph.get("Gender", [])
        if gender and subject.pos_ == "PRON":
            other_gender = subject.morph.get("Gender", [])
            if other_gender and other_gender != gender:
                return False
        return True

    def governed(self, j: int) -> bool:
        """Whether the word follows a preposition (with adjectives between): "в интервью"."""
        k = j - 1
        while k >= 0 and self.doc[k].pos_ in ("ADJ", "DET", "NUM") and k > j - 4:
            k -= 1
        return k >= 0 and self.doc[k].pos_ == "ADP"

    def coordinated(self, token: Token) -> bool:
        doc = self.doc
        j = token.i + 1
        while j < len(doc) and j < token.i + 5:
            if self.lowers[j] == "и":
                return True
            if doc[j].pos_ == "PUNCT" and self.lowers[j] not in ("«", "»", '"'):
                return False
            j += 1
        return False

    def verb_speaker(
        self,
        i: int,
        end: int,
        sentence: int,
        before: list[_Found],
        gerund: bool,
        as_parenthetical: bool,
    ) -> tuple[int, int, int] | None:
        doc = self.doc
        verb = doc[i]
        s_start, s_end = self.bounds[sentence]
        if gerund:
            if before:
                return before[-1].speaker
            return self.left_subject(i, s_start, None)
        if "Part" in verb.morph.get("VerbForm", []) and "Short" not in verb.morph.get(
            "Variant", []
        ):
            # "назвавший его …": the noun the participle goes with
            return self.left_subject(i, s_start, None, nearest=True)
        if before and self.joined(i, before[-1]):
            return before[-1].speaker  # "рассказала о … и потребовала …"
        plural = "Sing" not in verb.morph.get("Number", [])
        if as_parenthetical or self.content_before(i, sentence):
            found = self.right_subject(end, s_end, verb)
            if found is None and plural:
                found = self.locative_speaker(i, i + 1, s_end)
            return found or self.left_subject(i, s_start, verb)
        found = self.left_subject(i, s_start, verb) or self.right_subject(end, s_end, verb)
        if found is None and plural:
            found = self.locative_speaker(i, s_start, s_end)
        return found or self.left_subject(i, s_start, verb, loose=True)

    def joined(self, i: int, item: _Found) -> bool:
        """Whether the verb ``i`` is joined by "и" to the statement before it in its sentence,
        with no subject of its own between."""
        j = i - 1
        while j > item.cue[1] and self.doc[j].pos_ in ("ADV", "PART"):
            j -= 1
        if self.lowers[j] != "и" or item.content is None:
            return False
        return self.start(j) >= item.content[1] - 1 or item.content[0] > self.start(i)

    def left_subject(
        self,
        i: int,
        s_start: int,
        verb: Token | None,
        nearest: bool = False,
        loose: bool = False,
    ) -> tuple[int, int, int] | None:
        """The subject before the verb ``i``: the nearest nominative agreeing with it (with
        ``loose``, a name of any number: "«Интерминералс» обещали")."""
        doc = self.doc
        j = i - 1
        while j >= s_start:
            lower = self.lowers[j]
            if lower in (":", ";") or lower in _THAT and j < i - 1:
                break
            if lower in ("»", '"', "”") and self.quote_to(self.start(j)) is not None:
                quote = self.quote_to(self.start(j))
                assert quote is not None
                k = j - 1
                while k >= s_start and self.start(k) > quote[0]:
                    k -= 1
                if k < s_start:
                    break
                j = k
                if quote[1] - quote[0] > 40:
                    continue  # a quotation: what was said, not who
                if self.nominative(doc[j + 1]) and (verb is None or self.agrees(verb, doc[j + 1])):
                    return self.phrase(j + 1)
                j -= 1
                continue
            token = doc[j]
            if (
                self.nominative(token)
                and (verb is None or self.agrees(verb, token))
                and not self.governed(j)
            ):
                return self.phrase(j)
            if nearest and token.pos_ in ("NOUN", "PROPN"):
                return self.phrase(j)
            if loose and token.pos_ == "PROPN" and self.nominative(token) and not self.governed(j):
                return self.phrase(j)
            if loose and lower in _CLAUSE_MARKS:
                return None
            j -= 1
        return None

    def right_subject(self, end: int, s_end: int, verb: Token) -> tuple[int, int, int] | None:
        doc = self.doc
        candidates = []
        j = end
        while j < s_end and j < end + 14:
            lower = self.lowers[j]
            if lower in (",", ":", ";", ".", "—", "–", "(") or lower in _THAT:
                break
            if lower in _OPENERS or lower in _CLOSERS:
                quote = self.quote_from(self.start(j)) or self.quote_to(self.start(j))
                if quote is None or quote[1] - quote[0] > 40:
                    break
                j += 1
                continue
            token = doc[j]
            if self.nominative(token) and self.agrees(verb, token) and not self.governed(j):
                candidates.append(j)
                if "Anim" in token.morph.get("Animacy", []) or token.pos_ == "PRON":
                    break
            j += 1
        if not candidates:
            return None
        for j in candidates:
            if "Anim" in doc[j].morph.get("Animacy", []) or doc[j].pos_ == "PRON":
                return self.phrase(j)
        return self.phrase(candidates[0])

    def locative_speaker(
        self, i: int, s_start: int, s_end: int, prepositions: frozenset[str] = _LOCATIVE
    ) -> tuple[int, int, int] | None:
        """ "В МИД заявили", "сообщили в пресс-службе компании", "в Центральной избирательной
        комиссии объяснили": the body (with its adjectives) the words are said in."""
        left = range(i - 1, max(s_start - 1, i - 13), -1)
        right = range(i + 1, min(s_end, i + 5))
        for side in (left, right):
            for j in side:
                if (
                    self.lowers[j] in (",", ":", ";", "—", "–")
                    and self.quote_at(self.start(j)) is None
                ):
                    break
                if self.lowers[j] not in prepositions or j + 1 >= s_end:
                    continue
                k = j + 1
                while k < s_end - 1 and k < j + 4 and self.doc[k].pos_ == "ADJ":
                    k += 1
                token = self.doc[k]
                if token.pos_ in ("NOUN", "PROPN") and (
                    "Loc" in token.morph.get("Case", []) or token.pos_ == "PROPN"
                ):
                    first, end, head = self.phrase(k)
                    return (j + 1 if first == k else first), end, head
        return None

    def document_speaker(self, first: int, end: int, sentence: int) -> tuple[int, int, int] | None:
        """ "говорится в докладе X", "в сообщении отмечается"."""
        s_start, s_end = self.bounds[sentence]
        inside = frozenset({"в", "во"})
        return self.locative_speaker(end - 1, s_start, s_end, inside) or (
            self.locative_speaker(first, s_start, s_end, inside)
        )

    def genitive_after(
        self, j: int, sentence: int, skip_first: bool = False, any_case: bool = False
    ) -> tuple[int, int, int] | None:
        """The speaker after a source phrase: "по данным Росстата", "согласно данным
        сервиса", "со ссылкой на источник"."""
        doc = self.doc
        s_end = self.bounds[sentence][1]
        k = j
        while k < s_end and k < j + 6:
            token = doc[k]
            lower = self.lowers[k]
            if lower in (",", ".", ":", ";", "—", "–") or lower in _THAT:
                return None
            if lower in _QUOTE_PAIRS or lower == '"':
                k += 1
                continue
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                if skip_first and token.lemma_ in source_nouns() | document_nouns():
                    skip_first = False
                    if k + 1 < s_end and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
                        k += 1
                        continue
                    return None
                case = token.morph.get("Case", [])
                if any_case or "Gen" in case or not case or token.pos_ == "PROPN":
                    if token.pos_ == "PRON" and token.lower_ not in _PRONOUNS | {"которым"}:
                        return None
                    return self.phrase(k)
                return None
            k += 1
        return None

    def phrase(self, head: int) -> tuple[int, int, int]:
        """The speaker's words around the head ``head``: a name whole, else the head and the
        genitives and names after it ("глава региона Андрей Никитин", "эксперты агентства
        S&P"; a person's name among them is the speaker's words alone, see
        :func:`read_statements`)."""
        doc = self.doc
        token = doc[head]
        if token.pos_ == "PROPN":
            first = head
            while (
                first - 1 >= 0
                and doc[first - 1].pos_ == "PROPN"
                and (self.sentence_of[first - 1] == self.sentence_of[head])
            ):
                first -= 1
            end = head + 1
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            return first, end, head
        if token.pos_ == "PRON":
            return head, head + 1, head
        end = head + 1
        s_end = self.bounds[self.sentence_of[head]][1]
        governed = False  # after "по": "комитет по экономической политике"
        while end < s_end and end < head + 16:
            other = doc[end]
            lower = self.lowers[end]
            if other.pos_ == "PROPN" or lower in ("«", "»", '"', "“", "”", "„"):
                end += 1
                continue
            case = other.morph.get("Case", [])
            if other.pos_ in ("NOUN", "ADJ") and ("Gen" in case or governed):
                end += 1
                continue
            if lower == "по" and end + 1 < s_end and doc[end + 1].pos_ in ("NOUN", "ADJ"):
                governed = True
                end += 1
                continue
            if (
                lower == "и"
                and end + 1 < s_end
                and (
                    doc[end + 1].pos_ == "PROPN"
                    or doc[end + 1].pos_ in ("NOUN", "ADJ")
                    and ("Gen" in doc[end + 1].morph.get("Case", []) or governed)
                )
            ):
                end += 1
                continue
            break
        while end > head + 1 and self.lowers[end - 1] in ("«", "„", "“", '"'):
            end -= 1
        named = self.apposed_name(end, s_end)
        if named is not None:
            return named
        return head, end, head

    def apposed_name(self, end: int, s_end: int) -> tuple[int, int, int] | None:
        """A name after a post and more posts in apposition: "вице-премьер, полномочный
        представитель президента в ДФО Юрий Трутнев" -> "Юрий Трутнев"."""
        doc = self.doc
        if end >= s_end or self.lowers[end] != ",":
            return None
        for k in range(end + 1, min(end + 14, s_end)):
            token = doc[k]
            if token.pos_ == "PROPN" and "Anim" in token.morph.get("Animacy", []):
                name_end = k + 1
                while name_end < s_end and doc[name_end].pos_ == "PROPN":
                    name_end += 1
                return k, name_end, k
            if token.pos_ in ("NOUN", "ADJ", "ADP", "PROPN", "CCONJ") or self.lowers[k] in (
                "(",
                ")",
                ",",
                "«",
                "»",
                '"',
            ):
                continue
            return None
        return None

    # -- content -------------------------------------------------------------------------

    def content_before(self, first: int, sentence: int) -> bool:
        """Whether the cue follows what was said: "…, — сказал он", "…, сообщил Y"."""
        s_start = self.bounds[sentence][0]
        if first <= s_start:
            return False
        j = first - 1
        while j > s_start and not self.lowers[j].strip(_INVISIBLE):
            j -= 1  # a zero-width space of its own
        mark = self.lowers[j].strip(_INVISIBLE)
        if mark in _DASHES or mark in (",—", ",–", ",-"):
            return True
        return mark == "," and j > s_start

    def verb_content(
        self,
        first: int,
        i: int,
        end: int,
        sentence: int,
        speaker: tuple[int, int, int] | None,
        as_parenthetical: bool,
    ) -> tuple[tuple[int, int] | None, bool]:
        s_start, s_end = self.bounds[sentence]
        stop = self.sentence_stop(sentence)
        lowers = self.lowers
        after = end
        if speaker is not None and speaker[0] >= end and speaker[0] - end <= 6:
            after = speaker[1]
        if as_parenthetical:
            j = after
            while j < s_end and lowers[j] != ",":
                j += 1
            if j >= s_end - 1:
                return None, False
            return self.trimmed(self.stop(j), stop), False
        # after: a colon and a quotation, a что-clause, "о том, что", "о задержании"
        j = end
        while j < s_end and j < end + 12:
            lower = lowers[j]
            if lower == ":":
                k = j + 1
                if k < s_end and lowers[k] in _QUOTE_PAIRS or k < s_end and lowers[k] == '"':
                    quote = self.quote_from(self.start(k))
                    if quote is not None:
                        return (quote[0] + 1, quote[1]), True
                return self.trimmed(self.stop(j), stop), False
            if lower in _THAT:
                return self.cut(self.stop(j), stop, sentence, j), False
            if lower in ("о", "об") and j + 1 < s_end:
                if lowers[j + 1] == "том" and j + 3 < s_end and lowers[j + 3] in _THAT:
                    return self.cut(self.stop(j + 3), stop, sentence, j + 3), False
                if lowers[j + 1] in ("этом", "том"):
                    break
                if j in (end, after) or (
                    doc_case(self.doc[j + 1]) in ("Loc", "")
                    and not any(self.doc[k].pos_ == "VERB" for k in range(end, j))
                ):
                    return self.cut(self.stop(j), stop, sentence, j), False
            if lower in (".", ";") or (
                lower == ","
                and j >= after
                and j + 1 < s_end
                and lowers[j + 1] not in _THAT
                and lowers[j + 1] not in ("о", "об")
            ):
                break
            j += 1
        # before: "«…», — сказал он", "— …,— сказал он", "X, сообщил Y"
        if self.content_before(first, sentence):
            quote = self.quote_at(self.start(first))
            if quote is not None:
                return (quote[0] + 1, quote[1]), True  # "«…,— сказала она.— …»"
            return self.before_content(first, sentence)
        # "Об этом заявил X": the sentence before
        if self.points_back(first, after, sentence) and sentence > 0:
            before_start, before_end = self.bounds[sentence - 1]
            return self.trimmed(self.start(before_start), self.sentence_stop(sentence - 1)), (False)
        # the rest of the sentence: "потребовал провести проверку", "назвал X Y"
        if after < s_end - 1:
            content = self.cut(self.start(after), stop, sentence, after)
            if content is not None and len(self.text[content[0] : content[1]].split()) >= 2:
                quote = self.quote_from(content[0])
                if quote is not None and quote[1] + 1 >= content[1]:
                    return (quote[0] + 1, quote[1]), True
                return content, False
        return None, False

    def points_back(self, first: int, after: int, sentence: int) -> bool:
        """Whether the cue speaks of what the sentence before says: "Об этом заявил X", "Это
        подтвердил X", "сообщил об этом X" (not "в этом году")."""
        s_start, s_end = self.bounds[sentence]
        lowers = self.lowers
        this = (first > s_start and lowers[first - 1] == "это") or lowers[after : after + 1] == [
            "это"
        ]
        return this or self.about_this(s_start, first) or self.about_this_after(after, s_end)

    def about_this(self, s_start: int, first: int) -> bool:
        """Whether the clause before the cue holds "об этом" ("Об этом на коллегии сообщил
        …")."""
        for j in range(first - 1, s_start, -1):
            if self.lowers[j] in (",", ";", ":", "—", "–"):
                return False
            if self.lowers[j] == "этом" and self.lowers[j - 1] in ("об", "о"):
                return True
        return False

    def about_this_after(self, after: int, s_end: int) -> bool:
        """Whether "об этом" follows the cue ("сообщил об этом губернатор")."""
        return any(
            self.lowers[j] in ("об", "о") and self.lowers[j + 1] == "этом"
            for j in range(after, min(after + 4, s_end - 1))
        )

    def cut(self, start: int, stop: int, sentence: int, j: int) -> tuple[int, int] | None:
        """The clause from ``start`` to the end of the sentence, or to the comma before a
        gerund of speech that adds another statement ("…, добавив, что …")."""
        s_end = self.bounds[sentence][1]
        for k in range(j + 1, s_end - 1):
            if self.lowers[k] != "," or self.quote_at(self.start(k)) is not None:
                continue
            if (
                self.lemmas[k + 1] in self.verbs
                and "Conv" in self.doc[k + 1].morph.get("VerbForm", [])
                and self.start(k) - start > 2
            ):
                stop = self.start(k)
                break
        return self.trimmed(start, stop)

    def before_content(self, first: int, sentence: int) -> tuple[tuple[int, int] | None, bool]:
        s_start = self.bounds[sentence][0]
        end_char = self.start(first)
        while end_char > 0 and (
            self.text[end_char - 1].isspace() or self.text[end_char - 1] in "—–-," + _INVISIBLE
        ):
            end_char -= 1
        if end_char <= self.start(s_start) and self.quote_to(end_char - 1) is None:
            return None, False
        last = self.text[end_char - 1]
        line_start = self.text.rfind("\n", 0, self.start(first)) + 1
        opening = self.text[line_start : line_start + 3].lstrip()
        if last in _CLOSERS:
            quote = self.quote_to(end_char - 1)
            if quote is not None:
                return (quote[0] + 1, quote[1]), True
            if opening[:1] in _OPENERS or opening[:1] == '"':
                # the last paragraph of a quotation over paragraphs: «… \n«…», — сказал он
                begin = line_start + self.text[line_start:].index(opening[0]) + 1
                if begin < end_char - 1:
                    return (begin, end_char - 1), True
        # a paragraph opened by a dash: "— …,— сказал он"
        if opening[:1] in ("—", "–") and line_start <= self.start(s_start):
            return self.trimmed(
                line_start + self.text[line_start:].index(opening[0]) + 1, end_char
            ), True
        start = self.start(s_start)
        if end_char <= start:
            return None, False
        quote = self.quote_from(start)
        content = self.trimmed(start, end_char)
        if quote is not None and content is not None and quote[1] + 1 >= content[1]:
            return (quote[0] + 1, quote[1]), True
        return content, False


def read_statements(doc: Doc) -> Iterator[Statement]:
    """The statements of ``doc`` (after the linker and roles), in text order."""
    reader = _Reader(doc)
    found = reader.read()
    if not found:
        return
    resolver = Resolver(
        doc,
        get_facts(doc, "people") or [],
        get_facts(doc, "organizations") or [],
        get_facts(doc, "places") or [],
        reader.sentence_of,
    )
    text = reader.text
    said: list[Said] = []
    for item in found:
        referent: Referent | None = None
        speaker_phrase = None
        if item.speaker is not None:
            first, end, head = item.speaker
            referent = resolver.resolve(first, end, head, said)
            start, stop = reader.start(first), reader.stop(end - 1)
            named = resolver.last_named
            if named is not None and named.rank == 0:
                # a person's name among the speaker's words is the speaker's words
                start, stop = max(start, named.start), min(stop, named.stop)
            speaker_phrase = Phrase(
                text=text[start:stop], start=start, stop=stop, lemma=doc[head].lemma_ or None
            )
        cue_start, cue_stop = reader.start(item.cue[0]), reader.stop(item.cue[1] - 1)
        said.append(Said(cue_start, item.sentence, referent))
        assert item.content is not None
        content_start, content_stop = item.content
        yield Statement(
            cue=Phrase(
                text=text[cue_start:cue_stop], start=cue_start, stop=cue_stop, lemma=item.lemma
            ),
            speaker=speaker_phrase,
            speaker_name=referent.name if referent is not None else None,
            speaker_type=referent.type if referent is not None else "other",
            content=Phrase(
                text=text[content_start:content_stop], start=content_start, stop=content_stop
            ),
            direct=item.direct,
        )


def fill_sources(doc: Doc, statements: Sequence[Statement]) -> None:
    """Set the ``source`` of each stored percentage and amount of money that lies in a
    statement's content: its speaker's name (the innermost content holds it)."""
    spans = sorted(
        (s.content.start, s.content.stop, s.speaker_name) for s in statements if s.speaker_name
    )
    if not spans:
        return
    starts = [start for start, _, _ in spans]
    longest = max(stop - start for start, stop, _ in spans)

    def mark(fact: dict[str, Any]) -> None:
        # only the contents that start at most the longest one's length before the figure
        first = bisect_left(starts, fact["start"] - longest)
        last = bisect_right(starts, fact["start"])
        holding = [
            (stop - start, name) for start, stop, name in spans[first:last] if fact["stop"] <= stop
        ]
        if holding:
            fact["source"] = min(holding)[1]

    for name in ("percentages", "money"):
        update_facts(doc, name, mark)


class StatementReader(DocComponent):
    """Sets ``doc._.newsnlp_statements`` and the ``source`` of percentages and money."""

    def __call__(self, doc: Doc) -> Doc:
        statements = list(read_statements(doc))
        set_facts(doc, "statements", statements, keep=False)
        fill_sources(doc, statements)
        return doc


@Language.factory(
    "newsnlp_statements",
    default_config={},
    requires=["token.lemma", "token.morph", "doc._.newsnlp_people"],
    assigns=["doc._.newsnlp_statements"],
)
def make_statements(nlp: Language, name: str) -> StatementReader:
    """Factory of the statements component (after roles, percentages and money)."""
    return StatementReader()
