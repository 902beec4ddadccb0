"""What was said: the quotation beside a cue, the clause after "что" or a colon, the clause
before the cue, the sentence before for "Об этом заявил X"."""

from __future__ import annotations

from ..tag import morph_values
from .lexicon import (
    _CLOSERS,
    _INVISIBLE,
    _OPENERS,
    _QUOTE_PAIRS,
    _THAT,
)
from .speakers import _Speakers
from .text import doc_case


class _Content(_Speakers):
    """Finds the content of a cue."""

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
                and "Conv" in morph_values(self.doc[k + 1], "VerbForm")
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
                begin = self.text.index(opening[0], line_start) + 1
                if begin < end_char - 1:
                    return (begin, end_char - 1), True
        # a paragraph opened by a dash: "— …,— сказал он"
        if opening[:1] in ("—", "–") and line_start <= self.start(s_start):
            return self.trimmed(self.text.index(opening[0], line_start) + 1, end_char), True
        start = self.start(s_start)
        if end_char <= start:
            return None, False
        quote = self.quote_from(start)
        content = self.trimmed(start, end_char)
        if quote is not None and content is not None and quote[1] + 1 >= content[1]:
            return (quote[0] + 1, quote[1]), True
        return content, False
