"""Who speaks: the subject of a verb of speech (before it, after it, the body a plural verb
is said in), the words after a source phrase, and the extent of the speaker's words."""

from __future__ import annotations

from spacy.tokens import Token

from ..tag import morph_values
from .lexicon import (
    _CLAUSE_MARKS,
    _CLOSERS,
    _LOCATIVE,
    _OPENERS,
    _PRONOUNS,
    _QUOTE_PAIRS,
    _THAT,
    document_nouns,
    source_nouns,
)
from .text import _Found, _Text


class _Speakers(_Text):
    """Finds the speaker's words of a cue."""

    # -- speakers ------------------------------------------------------------------------

    def nominative(self, token: Token) -> bool:
        if self.named[token.i] and not morph_values(token, "Case"):
            return True  # a name the tagger reads as another part of speech ("СибМедиа")
        if token.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if token.pos_ == "PRON" and token.lemma_ not in _PRONOUNS and token.lower_ not in _PRONOUNS:
            return False
        return "Nom" in morph_values(token, "Case") or (
            token.pos_ == "PROPN" and not morph_values(token, "Case")
        )

    def agrees(self, verb: Token, subject: Token) -> bool:
        number = morph_values(verb, "Number")
        other = morph_values(subject, "Number")
        if number and other and number != other:
            if not (number == ["Plur"] and self.coordinated(subject)):
                return subject.lower_ == "глава" and number == ["Sing"]
        gender = morph_values(verb, "Gender")
        if gender and subject.pos_ == "PRON":
            other_gender = morph_values(subject, "Gender")
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
        if "Part" in morph_values(verb, "VerbForm") and "Short" not in morph_values(
            verb, "Variant"
        ):
            # "назвавший его …": the noun the participle goes with
            return self.left_subject(i, s_start, None, nearest=True)
        if before and self.joined(i, before[-1]):
            return before[-1].speaker  # "рассказала о … и потребовала …"
        plural = "Sing" not in morph_values(verb, "Number")
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
                if "Anim" in morph_values(token, "Animacy") or token.pos_ == "PRON":
                    break
            j += 1
        if not candidates:
            return None
        for j in candidates:
            if "Anim" in morph_values(doc[j], "Animacy") or doc[j].pos_ == "PRON":
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
                    "Loc" in morph_values(token, "Case") or token.pos_ == "PROPN"
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
                case = morph_values(token, "Case")
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
            case = morph_values(other, "Case")
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
                    and ("Gen" in morph_values(doc[end + 1], "Case") or governed)
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
        """A name after a post and more posts in apposition: "вице-губернатор, председатель
        комиссии по транспорту Олег Рябов" -> "Олег Рябов"."""
        doc = self.doc
        if end >= s_end or self.lowers[end] != ",":
            return None
        for k in range(end + 1, min(end + 14, s_end)):
            token = doc[k]
            if token.pos_ == "PROPN" and "Anim" in morph_values(token, "Animacy"):
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
