"""The constructions of a post beside a name: before it ("мэр Омска Сергей Шелест"), after
it in apposition ("Шелест, мэр Омска"), with a verb or noun of holding ("стал мэром",
"занимающий пост мэра") and acting for a post ("врио губернатора")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from .._batch import token_texts
from ..extensions import get_facts
from ..schema import Mention, Role
from ..segment import sentence_finder
from ..tag import token_tag
from .forms import (
    _agrees,
    _agrees_with_name,
    _case,
    _common_word,
    _is_adjective,
    _lowercase_or_first,
    _lowercase_word,
    _nominative_adjective,
    _post_cases,
    _praise,
    _singular,
    _title_adjective,
    title_of,
)
from .holders import _adjective_place, _entities, _Offsets, _state_post, merge_roles
from .lexicon import _NOT_OF_THE_POST, _VERB_POSTS, DESCRIPTORS, _lemma, is_post, token_kind
from .rules import CONSTRUCTIONS, Apposition, Around, apposition

# prepositions a post's place or organization, or its field, follows ("консул в Екатеринбурге",
# "представитель при ООН", "министр по делам", "посол на Кипре")
_LINK_PREPOSITIONS = frozenset({"в", "во", "на", "при", "по"})
_FIELD_PREPOSITIONS = frozenset({"по"})
# other prepositions inside a post's phrase or a holder's name ("наблюдатель от ОБСЕ", "фронт
# за демократию против диктатуры")
_OTHER_PREPOSITIONS = frozenset({"от", "за", "против", "для", "с", "из"})
# the country whose officials Russian news names without saying whose they are ("вице-премьер
# Александр Новак"): a state's post with no holder is held there when the article names it
_HOME = "RU"
# punctuation that opens an apposition after a name ("Шелест, мэр Омска", "Шелест (мэр)")
_APPOSITION = frozenset({",", "(", "—", "–", "-"})
# nouns of a post held ("занимающий пост мэра", "назначен на должность главы")
_OFFICE_NOUNS = frozenset({"пост", "должность", "кресло"})
# verbs of holding, taking or being given a post, with the post in the instrumental
# ("стал мэром", "назначен министром", "назвал его первым вратарём"); not of being found
# something ("признан лучшим тренером": a title of praise is no post, see forms._praise)
_BECOME = frozenset(
    """
    стать становиться являться быть работать служить назначить назначать избрать избирать
    переизбрать утвердить утверждать остаться оставаться числиться выбрать выбирать
    сделать объявить назвать называть
    """.split()
)
# verbs of holding, taking or leaving a post named by a noun of a post held ("занимает пост
# мэра", "назначен на должность", "ушёл с поста")
_HOLD = _BECOME | frozenset(
    """
    занимать занять вступить вступать заступить заступать уйти уходить покинуть покидать
    оставить оставлять освободить освобождать находиться
    """.split()
)
# words opening a clause that ends at a comma: "как сообщил губернатор, ..."
_PARENTHETICAL = frozenset({"как", "по", "согласно", "если", "когда", "хотя"})
# how far from a name the words of a post may stand (tokens)
_REACH = 12


_QUOTES = frozenset('«»"„“”')


class _Reader:
    """Reads the posts around the mentions of one document."""

    def __init__(self, doc: Doc, offsets: _Offsets) -> None:
        self.doc = doc
        # the words' texts read once from the document's arrays: the walks below test many
        # words for punctuation and prepositions, without a Token per word
        self.texts = token_texts(doc, ORTH)
        self.lowers = token_texts(doc, LOWER)
        self.offsets = offsets
        self.entities = _entities(doc, offsets)
        self.sentence = sentence_finder(doc)
        self._place_names: tuple[str, ...] | None = None
        self._main_country: tuple[str | None] | None = None

    def named(self, i: int) -> bool:
        """Whether token ``i`` is part of a place's or organization's name (or its quotes)."""
        return self.entities.holder[i] is not None

    def person_at(self, i: int) -> int:
        return self.entities.person[i]

    # ---- the words of a post ----------------------------------------------------------------

    def title_start(self, head: int, bound: int) -> int:
        """The first word of the post whose noun is ``head``: the adjectives before it that
        agree with it ("чрезвычайный и полномочный посол"), less those of time or fame."""
        doc = self.doc
        start = head
        case = _case(doc[head])
        i = head - 1
        while i >= bound:
            token = doc[i]
            if (
                _title_adjective(token)
                and token.pos_ != "DET"
                and (
                    _lowercase_or_first(token) or _common_word(token.text.lower(), token_tag(token))
                )
                and _case(token)
                and _agrees(case, token)
            ):
                i -= 1
                start = i + 1
                continue
            if (
                token.lower_ == "и"
                and i - 1 >= bound
                and _title_adjective(doc[i - 1])
                and start == i + 1
            ):
                i -= 1
                continue
            break
        while start < head and (
            _lemma(doc[start]) in _NOT_OF_THE_POST or doc[start].text[:1].isdigit()
        ):
            start += 1  # "бывший мэр", "45-летний мэр": a мэр
        return start

    def title_end(self, head: int, bound: int) -> int:
        """The end of the post's words after its noun: lowercase genitive words and "по" +
        a field ("министр иностранных дел", "заместитель министра", "министр по делам
        разведки"), up to a name or the noun naming the kind of a named holder ("мэр города
        Омска": "мэр")."""
        doc = self.doc
        end = head + 1
        i = head + 1
        field = False
        complement = False
        while i < bound:
            token = doc[i]
            if self.named(i) or self.person_at(i) >= 0 or not _lowercase_word(token):
                break
            if self.lowers[i] in _FIELD_PREPOSITIONS:
                field = True
                i += 1
                continue
            if (
                self.lowers[i] == "и"
                and i + 1 < bound
                and doc[i + 1].pos_ in ("NOUN", "ADJ")
                and _lowercase_word(doc[i + 1])
                and _case(doc[i + 1]) == _case(doc[i - 1])
                and not is_post(doc[i + 1])
            ):
                i += 1  # "по науке и образованию", "иностранных дел и обороны"
                continue
            if token.pos_ not in ("NOUN", "ADJ", "DET") and not _is_adjective(token):
                break
            if not field and _case(token) != "Gen" and not self._governed_instrumental(head, i):
                break
            if token.pos_ == "NOUN" and _lemma(token) in DESCRIPTORS and self._names_next(i, bound):
                break
            post = is_post(token)
            if post and complement and _singular(token):
                break  # "глава вооружённых сил генерал-лейтенант ...": a post of its own
            i += 1
            if token.pos_ == "NOUN":
                end = i
                complement = complement or not post
        return end

    def _names_next(self, i: int, bound: int) -> bool:
        """Whether a name of a place or organization follows token ``i`` (over adjectives)."""
        j = i + 1
        while j < bound and (_is_adjective(self.doc[j]) and _lowercase_word(self.doc[j])):
            j += 1
        return j < bound and (self.named(j) or self.texts[j] in _QUOTES)

    def holder_after(self, head: int, bound: int) -> tuple[str | None, bool]:
        """The place or organization the post is held in: the first named one in the words
        that follow its noun, before anything else starts ("консулом КНР в Екатеринбурге":
        КНР's name); and whether a preposition comes before it ("посол в Грузии")."""
        i = head + 1
        preposition = origin = False
        while i < bound:
            if self.named(i):
                if origin and self.entities.place[i]:
                    break  # "гроссмейстер из Хорватии": where one comes from, not the holder
                return self.entities.holder[i], preposition
            if self.person_at(i) >= 0:
                break
            if self.texts[i] == "(":
                close = self._bracket_close(i, bound)
                if close is None:
                    break
                i = close + 1
                continue
            if not (self._links(i) or self._governed_instrumental(head, i)):
                break
            origin = origin or self.lowers[i] == "из"
            preposition = preposition or self.lowers[i] in _LINK_PREPOSITIONS
            i += 1
        return None, False

    def _governed_instrumental(self, head: int, i: int) -> bool:
        """Whether token ``i`` is the instrumental a post made of a verb governs right after it
        ("управляющий компанией", "заведующий кафедрой", "зав. кафедрой")."""
        doc = self.doc
        gap = 2 if head + 1 < i and self.texts[head + 1] == "." else 1
        if i != head + gap or _case(doc[i]) != "Ins" or doc[i].pos_ != "NOUN":
            return False
        post = doc[head]
        return post.pos_ in ("ADJ", "VERB") or _lemma(post) in _VERB_POSTS

    def _bracket_close(self, i: int, bound: int) -> int | None:
        """The ")" closing the "(" at ``i`` within a few tokens ("(ОФДД)", "(FN)")."""
        for j in range(i + 1, min(bound, i + 5)):
            if self.texts[j] == ")":
                return j
            if self.person_at(j) >= 0:
                return None
        return None

    def _bracket_open(self, i: int, bound: int) -> int | None:
        """The "(" opening the ")" at ``i`` within a few tokens."""
        for j in range(i - 1, max(bound, i - 5) - 1, -1):
            if self.texts[j] == "(":
                return j
            if self.person_at(j) >= 0:
                return None
        return None

    def _links(self, i: int) -> bool:
        """Whether token ``i`` can stand between a post and the name it is held in or the
        person holding it: names and their quotes, prepositions, and the words of the post's
        phrase: genitives ("мэр города Омска"), words after a preposition ("министр по делам
        разведки"), adverbs before adjectives ("крайне правого"), capitalized common words of
        official names ("Председатель Правительства РФ") and abbreviations ("ОАО")."""
        doc = self.doc
        text = self.texts[i]
        if self.named(i) or text in _QUOTES:
            return True
        lower = self.lowers[i]
        if lower in _LINK_PREPOSITIONS or lower in _OTHER_PREPOSITIONS:
            return True
        if lower == "и":
            return i > 0 and (self.named(i - 1) or _lowercase_word(doc[i - 1]))
        if not text[:1].isalpha():
            return False
        token = doc[i]  # a Token only for a word
        if not _lowercase_word(token):
            if text.isupper() and 2 <= len(text) <= 6:
                return True
            return (
                token.pos_ in ("NOUN", "ADJ")
                and _case(token) == "Gen"
                and _common_word(text.lower(), token_tag(token))
            )
        if token.pos_ == "ADV":
            return i + 1 < len(doc) and _is_adjective(doc[i + 1])
        if token.pos_ not in ("NOUN", "ADJ", "DET", "NUM") and not _is_adjective(token):
            return False
        return _case(token) == "Gen" or self._after_preposition(i)

    def _after_preposition(self, i: int, depth: int = 0) -> bool:
        """Whether a preposition governs token ``i`` (over the adjectives before it, and over
        a conjunct in the same case: "по стратегии и развитию")."""
        doc = self.doc
        j = i - 1
        while j >= 0 and j > i - 4 and _is_adjective(doc[j]):
            j -= 1
        if j >= 0 and self.lowers[j] in _LINK_PREPOSITIONS | _OTHER_PREPOSITIONS:
            return True
        if depth or j < 1 or self.lowers[j] != "и" or _case(doc[j - 1]) != _case(doc[i]):
            return False
        return doc[j - 1].pos_ == "NOUN" and self._after_preposition(j - 1, depth + 1)

    def role(self, head: int, bound: int, holder_bound: int) -> Role | None:
        """The role whose post's noun is ``head``; its words end before ``bound`` and its
        holder is looked for before ``holder_bound``. A trade is a role only where it is
        practised: a holder, or a complement naming a kind of organization ("работник
        фирмы")."""
        start = self.title_start(head, self.sentence(head).start)
        end = self.title_end(head, bound)
        holder, by_preposition = self.holder_after(head, holder_bound)
        if (holder is None or by_preposition) and token_kind(self.doc[head]) == "post":
            # "российский посол", "свердловский губернатор": the adjective names the holder
            # (of a trade it tells where one is from: "тбилисский врач")
            for i in range(start, head):
                place = self.place_of_adjective(i)
                if place is not None:
                    holder = place
                    start = i + 1
                    break
        while start < head and not _title_adjective(self.doc[start]):
            start += 1
        doc = self.doc
        if any(_praise(doc[i]) for i in range(start, head)):
            return None  # "лучшим тренером сезона": a title of praise, no post
        if holder is None and token_kind(doc[head]) == "trade":
            if not any(_lemma(doc[i]) in DESCRIPTORS for i in range(head + 1, end)):
                return None
        acting = self.acting_start(start)
        if acting is not None:  # "врио губернатора": the post's words stay as written
            words = [
                _nominative_adjective(doc[i].text.lower(), token_tag(doc[i]), "masc")
                if _is_adjective(doc[i])
                else doc[i].text.lower()
                for i in range(acting, start)
            ]
            words += [doc[i].text.lower() for i in range(start, end)]
            title = " ".join(words).replace(" .", ".")
            start = acting
        else:
            title = title_of(doc, start, head, end)
        return Role(
            title=title,
            organization=holder,
            start=doc[start].idx,
            stop=doc[end - 1].idx + len(doc[end - 1].text),
            text=doc[start:end].text,
        )

    def acting_start(self, k: int) -> int | None:
        """The first token of the words of acting for another right before token ``k``
        ("врио", "и. о.", "временно исполняющий обязанности"), if there are any."""
        lowers = self.lowers
        if k >= 1 and lowers[k - 1] in ("врио", "и.о.", "и.о"):
            return k - 1
        if k >= 4 and lowers[k - 4 : k] == ["и", ".", "о", "."]:
            return k - 4
        if (
            k >= 2
            and lowers[k - 2].startswith(("исполняющ", "исполнявш"))
            and _lemma(self.doc[k - 1]) == "обязанность"
        ):
            start = k - 2
            return start - 1 if start and lowers[start - 1] == "временно" else start
        return None

    def _acting_agrees(self, head: int, name: Span) -> bool | None:
        """Whether the words of acting before a post agree with the name (None: there are
        none); "врио" and "и. о." do not decline."""
        start = self.acting_start(self.title_start(head, self.sentence(head).start))
        if start is None:
            return None
        participle = next(
            (self.doc[i] for i in range(start, head) if self.lowers[i].startswith("испол")),
            None,
        )
        return participle is None or _agrees_with_name(participle, name)

    def place_of_adjective(self, i: int) -> str | None:
        """The Article's place an adjective is made from ("российский" -> "Россия",
        "подмосковный" -> "Подмосковье", "свердловский" -> "Свердловская область")."""
        token = self.doc[i]
        if not _is_adjective(token) or _lemma(token) in _NOT_OF_THE_POST:
            return None
        return _adjective_place(_lemma(token), self.place_names)

    @property
    def place_names(self) -> tuple[str, ...]:
        if self._place_names is None:
            self._place_names = tuple(place.name for place in get_facts(self.doc, "places") or [])
        return self._place_names

    # ---- the constructions ------------------------------------------------------------------

    def _chain(self, i: int, bound: int) -> tuple[list[int], int]:
        """Walking left from token ``i``: the post nouns of a post's phrase, left to right,
        and the first token of the phrase."""
        doc = self.doc
        heads: list[int] = []
        while i >= bound:
            if self.person_at(i) >= 0:
                break
            text = self.texts[i]
            if text == ")":
                opening = self._bracket_open(i, bound)
                if opening is None:
                    break
                i = opening - 1
                continue
            if text[:1].isalpha() and is_post(doc[i]):  # no post is written without a letter
                heads.append(i)
            elif self._listed_place(i):
                pass
            elif not self._links(i) and not self._agrees_right(i, heads):
                acting = self.acting_start(i + 1)
                if acting is None or acting < bound:
                    break
                i = acting
            i -= 1
        heads.reverse()
        return heads, i + 1

    def _listed_place(self, i: int) -> bool:
        """Whether token ``i`` is a comma between the places of a post's list of places
        ("директор по развитию в России, на Украине и в Белоруссии")."""
        texts = self.texts
        if texts[i] != "," or i == 0 or i + 1 >= len(texts) or not self.named(i - 1):
            return False
        if self.named(i + 1):
            return True
        return self.lowers[i + 1] in _LINK_PREPOSITIONS and i + 2 < len(texts) and self.named(i + 2)

    def _agrees_right(self, i: int, heads: list[int]) -> bool:
        """Whether token ``i`` is a lowercase adjective of the post noun after it
        ("наблюдатель от ОБСЕ португальский парламентарий": "португальский")."""
        doc = self.doc
        token = doc[i]
        if not (_is_adjective(token) and _lowercase_word(token)):
            return False
        j = i + 1
        while j < len(doc) and _is_adjective(doc[j]):
            j += 1
        return j in heads and _agrees(_case(doc[j]), token)

    def before(self, start: int, stop: int) -> list[Role]:
        """Posts right before a name (see :meth:`before_explained`)."""
        return [role for role, _ in self.before_explained(start, stop)]

    def before_explained(self, start: int, stop: int) -> list[tuple[Role, str]]:
        """Posts right before a name: "мэр Омска Сергей Шелест", "генеральным консулом КНР в
        Екатеринбурге Ло Шисюном", "наблюдатель от ОБСЕ парламентарий Хуан Суареш", and posts
        listed before it ("лидер партии, депутат парламента Иван Петров"). The words between
        are the posts' phrases and their holders' names; each post's noun agrees with the name
        in case (a post inside another's phrase, "заместитель министра", is not its own). Each
        with its rule's name: ``post_before``, ``listed_post_before``."""
        doc = self.doc
        if (
            stop < len(doc)
            and self.person_at(stop) >= 0
            and self.person_at(stop) != self.person_at(start)
        ):
            return []  # "помощник госсекретаря Хиллари Клинтон Фил Гордон": Гордон's post
        if stop < len(doc) and self.lowers[stop] in _FIELD_PREPOSITIONS:
            return []  # "помощник Хиллари Клинтон по европейским делам": her assistant's
        sent_start = self.sentence(start).start
        bound = max(sent_start, start - _REACH)
        name = doc[start:stop]
        heads, first = self._chain(start - 1, bound)
        chosen = self._own_posts(heads, name, start)
        roles = [(role, "post_before") for role in self._roles_of(chosen, start)]
        for _ in range(2):  # posts listed before: "лидер Меджлиса, народный депутат Украины"
            if not roles or first - 2 < sent_start or self.texts[first - 1] not in (",", "и"):
                break
            heads, left = self._chain(first - 2, max(sent_start, first - 1 - _REACH))
            chosen = self._own_posts(heads, name, first - 1)
            if not chosen or self._parenthetical(left, sent_start):
                break
            listed = self._roles_of(chosen, first - 1)
            if not all(role.organization or " " in role.title for role in listed):
                break  # a bare post before a comma is no listed post ("сказал мэр, ...")
            roles = [(role, "listed_post_before") for role in listed] + roles
            first = left
        return roles

    def _parenthetical(self, left: int, sent_start: int) -> bool:
        """Whether the words before ``left`` open a parenthetical whose comma ends at the
        listed posts ("Как заявил губернатор, мэр Омска ...": the governor is someone else)."""
        i = left - 1
        while i >= sent_start and self.texts[i] not in (",", ";", ":", "—", "«", "»"):
            if self.lowers[i] in _PARENTHETICAL:
                return True
            i -= 1
        return False

    def _own_posts(self, heads: list[int], name: Span, bound: int) -> list[int]:
        """The post nouns of a phrase that are posts of the name: in its case, not inside an
        earlier post's words."""
        chosen: list[int] = []
        end = -1
        for head in heads:
            post = self.doc[head]
            if head < end or not _singular(post):
                continue
            acting = self._acting_agrees(head, name)
            if not (acting if acting is not None else _agrees_with_name(post, name)):
                continue
            chosen.append(head)
            end = self.title_end(head, bound)
        return chosen

    def _roles_of(self, heads: list[int], bound: int) -> list[Role]:
        found = [
            self.role(head, bound, next_head) for head, next_head in zip(heads, [*heads[1:], bound])
        ]
        return [role for role in found if role is not None]

    def after(self, begin: int, end: int) -> list[Role]:
        """Posts in apposition after a name (see :meth:`after_explained`)."""
        return self.after_explained(begin, end)[0]

    def after_explained(self, begin: int, end: int) -> tuple[list[Role], str]:
        """Posts in apposition after a name: "Сергей Шелест, мэр Омска", "Шелест (мэр
        Омска)", "Шелест — мэр Омска", "Дюваль, один из президентов компании", "Ковач —
        политик и лидер партии"; a capitalized post right after a name signs it ("Иван Петров
        Президент ФИДЕ"). A post whose phrase runs on to another name is that name's ("Лев
        Пономарев, координатор движения Сергей Удальцов"). With the name of the rule of
        :data:`~newsnlp.roles.rules.APPOSITIONS` that let the post be the name's."""
        doc = self.doc
        sent = self.sentence(end - 1)
        stop = end
        if stop < sent.end and self.texts[stop] == ")" and begin and self.texts[begin - 1] == "(":
            stop += 1  # the name in another script: "Скотт Хоровитц (Scott Horowitz), астронавт"
        if stop >= sent.end:
            return [], ""
        bound = min(sent.end, stop + _REACH)
        mark = self.texts[stop] if self.texts[stop] in _APPOSITION else None
        i = stop + 1 if mark else stop
        one_of = i + 1 < bound and self.lowers[i + 1] == "из" and _lemma(doc[i]) == "один"
        if one_of:
            i += 2
        # ", исполняющий обязанности представителя": the first word after the words of acting
        past_acting = next(
            (k for k in range(i + 1, min(bound, i + 5)) if self.acting_start(k) == i), None
        )
        if past_acting is not None:
            if self.lowers[i].startswith("испол") and not _agrees_with_name(doc[i], doc[begin:end]):
                return [], ""
            i = past_acting
        while i < bound and not is_post(doc[i]) and _is_adjective(doc[i]):
            if not (_lowercase_word(doc[i]) or doc[i].text[:1].isdigit()):
                break  # "Иван Петров, 45-летний мэр Омска"
            i += 1
        if i >= bound or not is_post(doc[i]) or self.person_at(i) >= 0:
            return [], ""
        post, name = doc[i], doc[begin:end]
        fits, rule = apposition(Apposition(post, name, mark, one_of, past_acting is not None))
        if not fits:
            return [], ""
        clause = self._clause_end(i, sent.end)
        if clause < sent.end and self.person_at(clause) >= 0:
            return [], ""
        roles = [self.role(i, bound, clause)]
        for k in range(i + 1, min(clause, bound) - 1):
            if self.lowers[k] != "и":
                continue
            m = k + 1
            while m < clause and _is_adjective(doc[m]) and not is_post(doc[m]):
                m += 1
            other = doc[m] if m < clause else None
            if other is not None and is_post(other) and _singular(other):
                if _post_cases(other) & _post_cases(post):
                    roles.append(self.role(m, bound, clause))
            break
        return [role for role in roles if role is not None], rule

    def _clause_end(self, i: int, bound: int) -> int:
        """The end of the words of a post's phrase from ``i``: the next person or a mark that
        ends the phrase."""
        while i < bound and self.person_at(i) < 0 and self.texts[i] not in ",;:)—–(":
            i += 1
        return i

    def held_after(self, start: int, end: int) -> Role | None:
        """A post held, after the name (see :meth:`held_after_explained`)."""
        return self.held_after_explained(start, end)[0]

    def held_after_explained(self, start: int, end: int) -> tuple[Role | None, str]:
        """A post held, after the name: "Шелест, занимающий пост мэра", "Шелест назначен на
        должность мэра", "Шелест стал мэром Омска"; or given to the name after a verb of
        giving it ("назначил Шелеста мэром", "назвал Шелеста лучшим тренером"). With its rule's
        name: ``given_post``, ``office_after`` (a noun of a post held), ``became_after``."""
        doc = self.doc
        sent = self.sentence(end - 1)
        bound = min(sent.end, end + _REACH)
        if start > sent.start and _lemma(doc[start - 1]) in _BECOME:
            k = end
            while k < bound and k <= end + 3 and _is_adjective(doc[k]):
                k += 1
            if k < bound and is_post(doc[k]) and _case(doc[k]) == "Ins":
                return self.role(k, bound, self._clause_end(k, bound)), "given_post"
        i = end
        if i < bound and self.texts[i] == ",":
            i += 1
        for j in range(i, min(bound, i + 4)):
            if self.person_at(j) >= 0 or self.texts[j] in ",;:":
                return None, ""
            head = self._held_post(j, bound)
            if head is not None:
                rule = "office_after" if _lemma(doc[j]) in _OFFICE_NOUNS else "became_after"
                return self.role(head, bound, self._clause_end(head, bound)), rule
        return None, ""

    def _held_post(self, j: int, bound: int) -> int | None:
        """The post's noun a cue at ``j`` gives: "пост мэра", "должность главы" (a genitive
        after a noun of a post held), "стал мэром", "назначен министром" (an instrumental
        after a verb of holding)."""
        doc = self.doc
        lemma = _lemma(doc[j])
        if lemma in _OFFICE_NOUNS and doc[j].pos_ == "NOUN":
            verb = j - 1
            if verb >= 0 and doc[verb].pos_ == "ADP":
                verb -= 1
            if verb < 0 or _lemma(doc[verb]) not in _HOLD:
                return None  # "кандидат на пост мэра" holds no post
            wanted = "Gen"
        elif lemma in _BECOME and doc[j].pos_ in ("VERB", "AUX"):
            wanted = "Ins"
        else:
            return None
        k = j + 1
        while k < bound and k <= j + 4 and (_is_adjective(doc[k]) or self.lowers[k] == "и"):
            k += 1
        if k < bound and is_post(doc[k]) and _case(doc[k]) == wanted:
            return k
        return None

    def held_before(self, start: int) -> Role | None:
        """A post held, before the name (see :meth:`held_before_explained`)."""
        return self.held_before_explained(start)[0]

    def held_before_explained(self, start: int) -> tuple[Role | None, str]:
        """A post held, before the name: "мэром Омска избран Сергей Шелест" (``became_before``),
        "на пост мэра назначен Шелест" (``office_before``)."""
        doc = self.doc
        sent = self.sentence(start)
        i = start - 1
        if i < sent.start or _lemma(doc[i]) not in _BECOME:
            return None, ""
        bound = max(sent.start, i - _REACH)
        head = None
        j = i - 1
        while j >= bound:
            if self.person_at(j) >= 0:
                break
            token = doc[j]
            if is_post(token):
                head = j
            elif not self._links(j) and _lemma(token) not in _OFFICE_NOUNS:
                break
            j -= 1
        if head is None:
            return None, ""
        case = _case(doc[head])
        office = head > sent.start and _lemma(doc[head - 1]) in _OFFICE_NOUNS
        if case != "Ins" and not (office and case == "Gen"):
            return None, ""
        return self.role(head, i, i), "became_before" if case == "Ins" else "office_before"

    def roles(self, mentions: Sequence[tuple[Mention, bool, bool]]) -> list[Role]:
        """The roles read around ``mentions``: (mention, whether a post's word may stand
        before it, whether one may stand after it)."""
        return [role for role, _ in self.roles_explained(mentions)]

    def roles_explained(
        self, mentions: Sequence[tuple[Mention, bool, bool]]
    ) -> list[tuple[Role, str]]:
        """The roles read around ``mentions`` by the constructions of
        :data:`~newsnlp.roles.rules.CONSTRUCTIONS`, in their order, each with the name of the
        rule that read it."""
        found: list[Role] = []
        rules: dict[int, str] = {}
        for mention, left, right in mentions:
            start, end = self.offsets.tokens(mention)
            around = Around(self, start, end, left, right)
            for _, construction in CONSTRUCTIONS:
                for role, rule in construction(around):
                    found.append(role)
                    rules[id(role)] = rule
        return [(self.in_country(role), rules[id(role)]) for role in merge_roles(found)]

    def bracketed_holder(self, end: int) -> str | None:
        """A holder named in brackets right after a name ("архиепископ Лонгин (РПЦ)")."""
        doc = self.doc
        if end + 2 >= len(doc) or self.texts[end] != "(" or not self.named(end + 1):
            return None
        close = self._bracket_close(end, len(doc))
        if close is None or not all(self.named(i) for i in range(end + 1, close)):
            return None
        return self.entities.holder[end + 1]

    def in_country(self, role: Role) -> Role:
        """A state's post the text names no holder of ("Премьер-министр Иван Петров") is held in
        the home country when its sentence names it ("Вице-премьер Александр Новак заявил, что
        Россия …", in an article that names India more), else in the country the article
        names most, if it names one."""
        if role.organization is not None or not _state_post(role.title):
            return role
        country = self.main_country
        home = self.home_near(role.start)
        if home is not None:
            country = home
        return role if country is None else role.model_copy(update={"organization": country})

    def home_near(self, offset: int) -> str | None:
        """The home country (:data:`_HOME`) when the article names it in the sentence of the
        post: an unqualified official beside it is its own ("Вице-премьер Александр Новак
        заявил, что Россия …")."""
        sent = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if sent is None or not len(sent):
            return None
        sentence = self.sentence(sent.start)  # (Token.sent walks the whole sentence)
        for place in get_facts(self.doc, "places") or []:
            if place.kind == "country" and place.country == _HOME:
                for mention in place.mentions:
                    if sentence.start_char <= mention.start < sentence.end_char:
                        return place.name
        return None

    @property
    def main_country(self) -> str | None:
        """The country the article names most often (None when it names none)."""
        if self._main_country is None:
            countries = [
                place for place in get_facts(self.doc, "places") or [] if place.kind == "country"
            ]
            best = max(countries, key=lambda place: len(place.mentions)) if countries else None
            self._main_country = (best.name if best else None,)
        return self._main_country[0]
