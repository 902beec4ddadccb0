"""The cues: verbs of speech and opinion, source phrases, headlines with a colon; the statements
of a document sentence by sentence."""

from __future__ import annotations

from ..tag import morph_values
from .content import _Content
from .lexicon import (
    _BEFORE_AS,
    _OPENING,
    _POSSESSIVES,
    _THAT,
    _TRIGGERS,
    legal_acts,
)
from .text import _Found


class _Reader(_Content):
    """Reads the statements of one document."""

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
        form = morph_values(token, "VerbForm")
        if (
            "Inf" in form
            or "Imp" in morph_values(token, "Mood")
            or "1" in morph_values(token, "Person")
        ):
            return None
        if (
            "Part" in form
            and "Short" not in morph_values(token, "Variant")
            and (
                "Pass" in morph_values(token, "Voice") or "Past" not in morph_values(token, "Tense")
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
            if token.pos_ == "ADJ" and "Dat" in morph_values(token, "Case"):
                j += 1
                continue
            break
        if j >= s_end or self.lemmas[j] not in self.nouns:
            return None
        token = self.doc[j]
        if "Dat" not in morph_values(token, "Case") and self.lowers[j] not in (
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
