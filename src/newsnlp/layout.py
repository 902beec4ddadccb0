"""Layout: the story apart from the page around it.

A text copied from a news page holds more than the article: the site's name and menu, a rubric,
the headline, date lines, a byline, the story, photo credits, tags, share buttons, the author's
name and bio, lists of other articles with their teasers and times, cookie notices, footers.
This stage cuts the text into :class:`~newsnlp.schema.Block` records, in order and covering it
without overlaps, each of one kind: ``"title"`` (rubric and headline), ``"story"``, ``"author"``
(byline, the author's name and bio) or ``"more"`` (everything else).

It reads the text line by line, from signals that news pages share whatever their words:

- a line's shape: prose ends its sentences and runs long, a headline is short and unpunctuated,
  a teaser is cut with "…", a menu is short items between separators;
- lines that are only a date, a time or a relative time ("13 часов назад", "вчера, 17:40");
- the vocabulary of page furniture: list headers ("Последние статьи", "Читайте также"),
  photo credits, tags, share and cookie lines, copyright and age marks;
- the people the NER stage found: a line that is only a person's name, followed by prose,
  is an author with a bio.

The story is the longest run of prose that no list, time, teaser, author or footer line cuts
(photo credits, inline "Читайте также: …" links and subheadings do not cut it; "Ранее …
сообщало" and "Напомним, …" paragraphs are prose and stay in it); the headline is the last
headline-like line before it and the rubric a short line right before the headline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from ._batch import DocComponent, doc_text
from .extensions import Layout, drop_records, get_data, set_layout, update_facts
from .lexicons import months
from .schema import Block, BlockKind

# line kinds
BLANK = "blank"
PROSE = "prose"  # sentences: the story, a lead, a bio, a teaser that is not cut
SHORT = "short"  # a headline, a rubric, a subheading, a caption, an item of a list
TEASER = "teaser"  # cut with "…"
TIME = "time"  # only a date, a time or a relative time
ITEM = "item"  # a time and a headline: "08:15 В Норильске отменили занятия"
HEADER = "header"  # a list's header: "Последние статьи", "Комментарии (3)"
RELATED = "related"  # an inline link to another article: "Читайте также: …"
CREDIT = "credit"  # "Фото: …"
TAGS = "tags"
SHARE = "share"
LEGAL = "legal"  # copyright, cookies, age marks, the newsroom's address
BUTTON = "button"  # "Принять", "Подписаться"
NAV = "nav"  # a menu or breadcrumbs
BYLINE = "byline"  # "Автор: Дарья Веснина"
NAME = "name"  # a line that is only a person's name

# what cuts a run of story prose
_CUTS = frozenset({TEASER, TIME, ITEM, HEADER, TAGS, SHARE, LEGAL, NAV, BYLINE, NAME})
# page furniture: never a headline
_FURNITURE = frozenset({TIME, ITEM, HEADER, RELATED, CREDIT, TAGS, SHARE, LEGAL, BUTTON, NAV})

# a month written out (its dictionary form or genitive) or cut short ("янв."), from the one table
_MONTHS = (
    "(?:"
    + "|".join(
        sorted(
            {word for month in months() for word in (*month.forms[:2], *month.abbreviations)},
            key=lambda word: (-len(word), word),
        )
    )
    + r")\.?"
)
_COUNT = r"(?:\d+|одн[ау]|один|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|пол)"
_UNIT = (
    r"(?:секунд[уы]?|сек\.?|минут[уы]?|мин\.?|час(?:а|ов)?|ч\.?|д(?:ень|ня|ней)|недел[юиь]"
    r"|месяц(?:а|ев)?|мес\.?|год(?:а)?|лет)"
)
_TIME_PART = re.compile(
    "|".join(
        (
            rf"(?:{_COUNT}\s+)?{_UNIT}\s+назад|пол(?:часа|минуты|года)\s+назад",
            r"только\s+что",
            r"\d{1,2}:\d{2}(?::\d{2})?",
            r"\d{1,2}[./]\d{1,2}[./]\d{2,4}",
            r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?",
            rf"\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}}(?:\s*(?:года|г\.?))?)?",
            rf"{_MONTHS}\s+\d{{4}}",
            r"сегодня|вчера|позавчера",
            r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье",
            r"(?:опубликовано|обновлено|изменено|дата(?:\s+публикации)?|размещено|добавлено)\s*:?",
        )
    ),
    re.IGNORECASE,
)
# what every match of _TIME_PART holds (a cheap test first: a search of the whole pattern at
# every offset of a line costs tens of microseconds)
_TIME_HINT = re.compile(
    r"\d|назад|только|сегодня|вчера|понедельник|вторник|среда|четверг|пятница|суббота"
    r"|воскресенье|опубликовано|обновлено|изменено|дата|размещено|добавлено",
    re.IGNORECASE,
)
_TIME_LEFT = re.compile(r"[\s,.:;·•|/—–\-()]*")
_TIME_WORDS = re.compile(r"\b(?:в|от|г)\b", re.IGNORECASE)
_ITEM = re.compile(
    r"^(?:\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|вчера|сегодня)"
    r"(?:,?\s*\d{1,2}:\d{2})?\s*[—–\-|·]?\s+\S",
    re.IGNORECASE,
)
# a headline with its time after it: "В Омске открыли каток 14:05", "… — 2 часа назад"
_ITEM_AFTER = re.compile(
    rf"\S\s*[—–|·,]?\s+(?:\d{{1,2}}:\d{{2}}|(?:{_COUNT}\s+)?{_UNIT}\s+назад"
    r"|(?:вчера|сегодня)(?:,?\s*(?:в\s+)?\d{1,2}:\d{2})?)$",
    re.IGNORECASE,
)
_LIST_ADJECTIVES = (
    r"(?:последние|свежие|другие|похожие|популярные|главные|лучшие|актуальные|новые|важные"
    r"|интересные|читаемые|самые\s+читаемые|самые\s+популярные|топ)"
)
_LIST_NOUNS = r"(?:статьи|новости|материалы|публикации|записи|видео|сюжеты|темы)"
_HEADER = re.compile(
    "|".join(
        (
            rf"{_LIST_ADJECTIVES}\s+{_LIST_NOUNS}(?:\s+(?:рубрики|раздела|автора|дня|недели))?",
            rf"{_LIST_NOUNS}\s+(?:по\s+теме|партн[её]ров|компаний|рубрики|раздела|автора|дня)",
            r"(?:читайте|смотрите|см\.)\s+(?:также|ещ[её]|тоже)(?:\s+по\s+теме)?",
            r"(?:ещ[её]\s+)?по\s+теме|в\s+тему|на\s+эту\s+тему|материалы\s+по\s+теме",
            r"популярное|обсуждаемое|читаемое|рекомендуемое|интересное|лучшее(?:\s+за\s+\w+)?",
            r"рекомендуем(?:\s+(?:прочитать|почитать|посмотреть))?",
            r"(?:ещ[её]|больше)\s+(?:новост\w*|статей|материалов|публикаций|по\s+теме)",
            r"(?:вам\s+)?(?:также\s+)?может\s+(?:понравиться|быть\s+интересно)",
            r"возможно,?\s+вам\s+(?:будет\s+)?интересно|что\s+ещ[её]\s+почитать",
            r"самое\s+(?:читаемое|популярное|обсуждаемое|интересное|главное|важное)",
            r"главное(?:\s+за\s+(?:день|неделю|сутки|месяц))?|главные\s+события",
            r"лента(?:\s+новостей)?|все\s+новости|новости|хроника(?:\s+событий)?",
            r"выбор\s+редакции|сейчас\s+читают|вам\s+может\s+быть\s+интересно|это\s+интересно",
            r"не\s+пропустите|партн[её]рские\s+материалы|реклама|спецпроекты|мнения",
            r"комментари(?:и|ев)|обсуждение|отзывы|оставить\s+комментарий|ваш\s+комментарий",
        )
    ),
    re.IGNORECASE,
)
_HEADER_TAIL = re.compile(r"\s*(?:\(\d+\)|\d+)?\s*[:→»>]?\s*$")
_RELATED = re.compile(
    r"^(?:(?:читайте|смотрите|см\.)\s+(?:также|ещ[её]|тоже)|по\s+теме|ещ[её]\s+по\s+теме)"
    r"\s*[:—–\-]\s*\S"
    r"|^(?:подписывайтесь|подпишитесь|присоединяйтесь|следите\s+за\s+(?:нами|новостями))\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:фото(?:графия|графии)?|видео|иллюстрация|инфографика|коллаж|кадр|скриншот"
    r"|источник(?:\s+фото)?|фотограф|автор\s+фото|на\s+фото|photo)"
    r"(?:\s*(?:[:—–©]|-\s)|\s+(?:предоставлен|из\s|с\s+сайта|пресс|автора|\S+\s*/))",
    re.IGNORECASE,
)
_TAGS = re.compile(r"^(?:теги|тэги|метки|ключевые\s+слова|темы|рубрик[аи]|tags)\s*[:—]", re.I)
_SOCIAL = (
    r"(?:вконтакте|вк|vk|одноклассники|ок|ok|telegram|телеграм|whatsapp|viber|twitter|x"
    r"|facebook|дзен|rutube|youtube|max|макс|email|e-mail|скопировать\s+ссылку|копировать)"
)
_SHARE = re.compile(
    rf"^(?:(?:поделиться|поделитесь|share|отправить|сохранить)\b.*|(?:{_SOCIAL}[\s,·|•]*)+)$",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\bcookie|куки|все\s+права\s+защищены|\b(?:0|6|12|16|18)\s*\+\s*$"
    r"|сетевое\s+издание|свидетельств[оа]\s+о\s+регистрации|политик[аиу]\s+конфиденциальности"
    r"|пользовательское\s+соглашение|при\s+(?:использовании|перепечатке|цитировании)\s+материал"
    r"|адрес\s+редакции|главный\s+редактор\s*:|учредитель\s*:|e-mail\s*:|тел(?:ефон|\.)\s*:",
    re.IGNORECASE,
)
# what every match of _LEGAL holds (a cheap test first)
_LEGAL_KEYS = (
    "©",
    "(c)",
    "cookie",
    "куки",
    "защищены",
    "+",
    "издани",
    "свидетельств",
    "конфиденциальн",
    "соглашени",
    "материал",
    "адрес",
    "редактор",
    "учредител",
    "e-mail",
    "телефон",
    "тел.",
)
_TIME_LINE = 100  # a date line is no longer
_BUTTON = re.compile(
    r"^(?:принять|хорошо|согласен|согласна|понятно|закрыть|ок|ok|подписаться|подписывайтесь"
    r"|подробнее|читать\s+далее|читать\s+полностью|показать\s+ещ[её]|загрузить\s+ещ[её]"
    r"|все\s+новости|войти|вход|регистрация|поиск|наверх|версия\s+для\s+печати"
    r"|главная|на\s+главную|меню|разделы|назад|вперёд|далее)[.!]?$",
    re.IGNORECASE,
)
# "Просмотров: 1 200", "👁 3 412", "12+": marks and counters, no words
_COUNTER = re.compile(
    r"^(?:просмотр\w*|прочитал\w*|комментари\w*|views?|лайк\w*|рейтинг)\s*:?\s*\d[\d\s]*$",
    re.IGNORECASE,
)
_WORDS2 = re.compile(r"[^\W\d_]{2,}")
_NAV_SEPARATORS = re.compile(r"\s+[|›»>/•·]\s+|\s{2,}|\t+")
_BYLINE = re.compile(
    r"^(?:автор(?:\s+текста|\s+материала)?|текст|корреспондент|редактор|обозреватель"
    r"|материал\s+подготовил[аи]?|подготовил[аи]?|беседовал[аи]?|by)\s*[:—–]\s*(\S.*)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[.!?…][»\"”’)]*\s+[«\"„А-ЯЁA-Z0-9—–-]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_LONG_PROSE = 200  # a line this long is prose whatever its end
_SHORT_WORDS = 4  # at most this many words: a rubric, a name


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: ``text`` is ``[start, stop)``, stripped; ``[begin, end)`` is the
    whole line with its line break."""

    begin: int
    end: int
    start: int
    stop: int
    text: str
    kind: str


def line_kind(line: str) -> str:
    """The kind of one line of text (stripped or not), from its own shape and words."""
    line = line.strip()
    if not line:
        return BLANK
    if len(line) <= 160:
        words = line.split()
        if len(line) <= _TIME_LINE and _TIME_HINT.search(line):
            rest = _TIME_PART.sub(" ", line)
            if rest != line and _TIME_LEFT.fullmatch(_TIME_WORDS.sub(" ", rest)):
                return TIME
        if _legal(line):
            return LEGAL
        if len(words) <= 6 and _HEADER.fullmatch(_HEADER_TAIL.sub("", line)):
            return HEADER
        byline = _BYLINE.match(line)
        if byline and len(byline.group(1).split()) <= 6:
            return BYLINE
        if _RELATED.match(line):
            return RELATED
        if _TAGS.match(line):
            return TAGS
        if _SHARE.match(line):
            return SHARE
        if _BUTTON.match(line) or _COUNTER.match(line) or _WORDS2.search(line) is None:
            return BUTTON
        if _CREDIT.match(line) and len(words) <= 16:
            return CREDIT
        if _is_nav(line):
            return NAV
        # (the sentence end first: a cheap search; the item's time or count after a word is not)
        if not _SENTENCE_END.search(line) and (_ITEM.match(line) or _ITEM_AFTER.search(line)):
            return ITEM
    elif len(line) <= 400 and _legal(line):
        return LEGAL
    if line.endswith(("…", "...")) and not line.endswith(("?..", "!..")):
        return TEASER
    if _is_prose(line):
        return PROSE
    return SHORT


def _legal(line: str) -> bool:
    lowered = line.lower()
    # (the keys tested by ``str.__contains__`` mapped over them: no generator step per key)
    return any(map(lowered.__contains__, _LEGAL_KEYS)) and bool(_LEGAL.search(line))


def _is_prose(line: str) -> bool:
    if len(line) >= _LONG_PROSE:
        return True
    if line.endswith(":") and len(line.split()) >= 6:
        return True  # what introduces an enumeration; a headline never ends so
    if not _SENTENCE_END.search(line):
        return False
    # a headline may end with "?" or "!"; prose ends with a period or holds two sentences
    return line.rstrip('»"”’)]').endswith(".") or bool(_SENTENCE_INSIDE.search(line))


def _is_nav(line: str) -> bool:
    """A menu or breadcrumbs: three or more short items (two with a breadcrumb arrow)."""
    if line.startswith(("•", "·", "-", "—", "*")) or "(" in line:
        return False  # an enumeration of the story's
    if _SENTENCE_END.search(line):
        return False  # (tested before the split: most short lines end a sentence)
    items = [item for item in _NAV_SEPARATORS.split(line) if item]
    if len(items) < 2:
        return False
    words = [len(item.split()) for item in items]
    if max(words) > 4 or sum(words) > 2 * len(items):
        return False
    return len(items) >= 3 or bool(re.search(r"\s[›»>/]\s", line))


# a line with its break, where ``str.splitlines`` breaks (the break, when there is one, is never
# empty: an empty match is only the one at the end of the text)
_LINE = re.compile(
    "[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*"
    "(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\\Z)"
)


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` (any line break), each with its kind."""
    lines = []
    offset = 0
    # one line at a time: a huge text's lines are never all copied at once beside their Lines
    for match in _LINE.finditer(text):
        raw = match.group()
        if not raw:
            continue
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        start = offset + lead
        kind = line_kind(stripped)
        lines.append(Line(offset, offset + len(raw), start, start + len(stripped), stripped, kind))
        offset += len(raw)
    for number, line in enumerate(lines):
        if line.kind == TEASER and not _in_list(lines, number):
            kind = PROSE if _is_prose(line.text) or len(line.text.split()) >= 8 else SHORT
            lines[number] = replace(line, kind=kind)
    return lines


def _in_list(lines: list[Line], number: int) -> bool:
    """Whether a line cut with "…" is a teaser in a list of other articles: a time follows it,
    or a headline comes before it and a headline, a list's end or nothing after it. (A story may
    end a sentence with "…" too.)"""
    after = _next(lines, number)
    following = lines[after] if after is not None else None
    if following is not None and following.kind in (TIME, ITEM):
        return True
    before = _next(lines, number, -1)
    if before is None or lines[before].kind != SHORT or not _headline_like(lines[before].text):
        return False
    return following is None or following.kind in _CUTS or following.kind == SHORT


def _name_lines(lines: list[Line], names: Sequence[tuple[int, int, str]]) -> dict[int, str]:
    """Lines that are only a person's name, or a name and a trade ("Алексей Дронов,
    обозреватель"), with the person's name."""
    starts = [start for start, _, _ in names]
    found: dict[int, str] = {}
    for number, line in enumerate(lines):
        if line.kind != SHORT or not 2 <= len(line.text.split()) <= _SHORT_WORDS + 3:
            continue  # a first name and a last name, maybe a middle one, maybe a trade
        letters = sum(len(word) for word in _WORD.findall(line.text))
        index = bisect_right(starts, line.start) - 1
        covered = 0
        name = None
        while 0 <= index < len(names) and names[index][0] < line.stop:
            start, stop, normal = names[index]
            if stop > line.start:
                inside = line.text[max(start - line.start, 0) : stop - line.start]
                covered += sum(len(word) for word in _WORD.findall(inside))
                name = name or normal
            index += 1
        if name is not None and letters and covered >= 0.8 * letters:
            found[number] = name
        elif name is not None and _NAME_AND_TRADE.match(
            line.text[len(_name_prefix(line, names)) :]
        ):
            found[number] = name
    return found


# what may follow an author's name on its line: ", корреспондент", "— обозреватель"
_NAME_AND_TRADE = re.compile(r"^\s*[,—–|(]\s*[^\W\d_]+(?:[\s-][^\W\d_]+){0,2}\)?\s*$")


def _name_prefix(line: Line, names: Sequence[tuple[int, int, str]]) -> str:
    """The part of ``line`` a person mention covers from its start ("" when none starts it)."""
    for start, stop, _ in names:
        if start == line.start and stop <= line.stop:
            return line.text[: stop - start]
    return ""


def _next(lines: list[Line], number: int, step: int = 1) -> int | None:
    """The index of the next non-blank line after (step 1) or before (step -1) ``number``."""
    number += step
    while 0 <= number < len(lines):
        if lines[number].kind != BLANK:
            return number
        number += step
    return None


def _paragraph(lines: list[Line], number: int) -> range:
    """The lines of the paragraph (lines between blank lines) that starts at ``number``."""
    stop = number
    while stop < len(lines) and lines[stop].kind != BLANK:
        stop += 1
    return range(number, stop)


# how an author's bio reads: it opens with the author's trade or schooling, or speaks in the
# first person
_BIO_OPENING = re.compile(
    r"^(?:(?:специальный\s+|собственный\s+|старший\s+|главный\s+|шеф-)?(?:корреспондент|журналист"
    r"|редактор|обозревател|колумнист|репортёр|репортер|фотограф|автор|эксперт|аналитик"
    r"|выпускни|окончил|родил|работает|работал|пишет|специализируется|кандидат|доктор)"
    r"|(?:я|мне|меня)\b)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"\b(?:я|являюсь|пишу|работаю|занимаюсь|веду|освещаю|специализируюсь|окончил[аи]?|люблю)\b",
    re.IGNORECASE,
)


def is_bio(paragraph: str) -> bool:
    """Whether a paragraph reads as an author's bio (after a line with the author's name)."""
    return bool(_BIO_OPENING.match(paragraph) or _FIRST_PERSON.search(paragraph))


def _authors(
    lines: list[Line], name_lines: dict[int, str], names: Sequence[tuple[int, int, str]]
) -> dict[int, str]:
    """Lines of author blocks -> the author's name: a name line, the bio paragraph after it
    (prose that reads as a bio), and bylines. A name line without a bio is a photo caption, not
    an author, when a credit line is next to it or the text names the person elsewhere too."""
    authors: dict[int, str] = {}
    named = Counter(name for _, _, name in names)
    for number, name in name_lines.items():
        after = _next(lines, number)
        if (
            after is not None
            and lines[after].kind in (PROSE, SHORT)
            and after not in name_lines
            and is_bio(lines[after].text)
        ):
            for bio in _paragraph(lines, after):
                if lines[bio].kind in (PROSE, SHORT):
                    authors[bio] = name
        elif named[name] > 1 or _next_to_credit(lines, number):
            continue
        authors[number] = name
    for number, line in enumerate(lines):
        if line.kind == BYLINE:
            match = _BYLINE.match(line.text)
            authors[number] = match.group(1).strip() if match else line.text
    return authors


def _next_to_credit(lines: list[Line], number: int) -> bool:
    return any(
        near is not None and lines[near].kind == CREDIT
        for near in (_next(lines, number), _next(lines, number, -1))
    )


def _runs(lines: list[Line], authors: dict[int, str]) -> list[tuple[int, int]]:
    """Runs of story prose: (first line, last prose line), none of them cut inside."""
    runs: list[tuple[int, int]] = []
    first: int | None = None
    last = 0
    shorts = 0  # consecutive short lines without a blank between: three make a list
    introduced = False  # the last line of the run ended with ":": an enumeration may follow

    def close(cut: str | None) -> None:
        nonlocal first
        if first is None:
            return
        end = last
        if cut in (TIME, ITEM, TEASER):
            end = _drop_item(lines, first, end)
        if end >= first:
            runs.append((first, end))
        first = None

    for number, line in enumerate(lines):
        kind = line.kind
        if number in authors:
            kind = NAME
        if kind in _CUTS:
            close(kind)
            shorts = 0
            continue
        item = kind == SHORT and (introduced or not _headline_like(line.text))
        shorts = shorts + 1 if kind == SHORT and not item else 0
        if shorts >= 3:  # a list of headlines
            close(HEADER)
        if kind == PROSE:
            if first is None:
                first = number
            last = number
        elif item and first is not None:
            last = number  # an enumeration's item, "…:" before one: the story goes on
        if kind in (PROSE, SHORT):
            introduced = line.text.endswith(":") or (introduced and item)
    close(None)
    return runs


def _headline_like(line: str) -> bool:
    """A short line that may be another article's headline: it opens with a capital letter or
    a digit (after a bullet) and ends with neither ";" nor "," (an enumeration in the story
    does); a line of direct speech opens with a dash."""
    if line.startswith(("—", "–", "-")):
        return False  # direct speech, an enumeration
    line = line.lstrip("•·* ")
    opens = line[:1].isupper() or line[:1].isdigit()
    return opens and not line.endswith((";", ",", ":"))


def _merged(
    lines: list[Line], runs: list[tuple[int, int]], best: int, cells: bool = False
) -> list[tuple[int, int]]:
    """The best run and the runs next to it when what cuts them is at most two lines of a list
    header or a headline (an inline "Читайте также" with its link, an ad mark "Реклама")."""
    stop = best + 1
    while (
        stop < len(runs)
        and _bridgeable(lines, runs[stop - 1][1], runs[stop][0], cells)
        and not _is_item(lines, runs[stop])
    ):
        stop += 1
    start = best
    while (
        start > 0
        and _bridgeable(lines, runs[start - 1][1], runs[start][0], cells)
        and not _is_item(lines, runs[start - 1])
    ):
        start -= 1
    return runs[start:stop]


def _bridgeable(lines: list[Line], last: int, first: int, cells: bool = False) -> bool:
    """Whether the lines between two runs are an inline list inside the story: at most two
    headline or header lines, or a header and at most three links; with ``cells`` (a text read
    from a page's story, where a table's cells are lines), any number of short lines."""
    gap = [line for line in lines[last + 1 : first] if line.kind != BLANK]
    if not all(line.kind in (HEADER, SHORT, RELATED, CREDIT, BUTTON) for line in gap):
        return False
    if cells and all(line.kind in (SHORT, CREDIT, BUTTON) for line in gap):
        return True
    return len(gap) <= 2 or (len(gap) <= 4 and gap[0].kind == HEADER)


def _is_item(lines: list[Line], run: tuple[int, int]) -> bool:
    """Whether a run is an item of a list: one short paragraph with a time line after it."""
    first, last = run
    if any(line.kind == BLANK for line in lines[first:last]):
        return False
    if sum(len(line.text) for line in lines[first : last + 1]) > 300:
        return False
    after = _next(lines, last)
    return after is not None and lines[after].kind in (TIME, ITEM)


def _drop_item(lines: list[Line], first: int, end: int) -> int:
    """A run that a time or a teaser cuts may end with the item it belongs to: a headline and
    an uncut teaser ("Headline\\nTeaser.\\n2 часа назад"). The run's new last prose line."""
    before = _next(lines, end, -1)
    if before is not None and before >= first and lines[before].kind == SHORT:
        if len(lines[end].text) < 300 and not _SENTENCE_INSIDE.search(lines[end].text):
            previous = _next(lines, before, -1)
            while previous is not None and previous >= first and lines[previous].kind != PROSE:
                previous = _next(lines, previous, -1)
            return previous if previous is not None and previous >= first else first - 1
    return end


def _prose_size(lines: list[Line], run: tuple[int, int]) -> int:
    return sum(len(lines[n].text) for n in range(run[0], run[1] + 1) if lines[n].kind == PROSE)


def lay_out(
    text: str, names: Iterable[tuple[int, int, str]] = (), headline: int | None = None
) -> Layout:
    """The blocks of ``text``; ``names``: (start, stop, name) of the people found in it;
    ``headline``: where the headline ends when the caller knows that the text opens with it
    (an HTML page's), which makes the lines between it and the story (a standfirst, a
    subheadline) the title's too."""
    if not text:
        return Layout()
    lines = split_lines(text)
    people = sorted(names)
    name_lines = _name_lines(lines, people)
    authors = _authors(lines, name_lines, people)
    kinds: list[BlockKind | None] = [None] * len(lines)
    for number in authors:
        kinds[number] = "author"
    runs = _runs(lines, authors)
    title: str | None = None
    if runs:
        best = max(range(len(runs)), key=lambda index: _prose_size(lines, runs[index]))
        story = _merged(lines, runs, best, cells=headline is not None)
        first = story[0][0]
        for run_first, run_last in story:
            for number in range(run_first, run_last + 1):
                kind = lines[number].kind
                if kinds[number] is None and kind != BLANK:
                    kinds[number] = "more" if kind in _FURNITURE else "story"
        known = _known_headline(lines, headline, first)
        if known is not None:  # and what stands between it and the story is the title's too,
            for number in range(known + 1, first):  # up to a list's header, a menu, a footer
                if lines[number].kind in _BEFORE_STORY_CUTS:
                    break
                if kinds[number] is None and lines[number].kind in (SHORT, PROSE, TEASER):
                    kinds[number] = "title"
        top = known
        if top is None:
            top = _headline(lines, first, authors.keys() | name_lines.keys())
        if top is not None:
            kinds[top] = "title"
            title = lines[top].text
            rubric = _next(lines, top, -1)
            if rubric is not None and _is_rubric(lines[rubric]) and rubric not in authors:
                kinds[rubric] = "title"
        # a name line outside the story (a byline above it, a signature under it) is the
        # author's, unless it is a photo's caption
        for number, name in name_lines.items():
            if kinds[number] is None and not _next_to_credit(lines, number):
                authors[number] = name
                kinds[number] = "author"
    else:  # no prose: whatever is not furniture is the story
        for number, line in enumerate(lines):
            if kinds[number] is None and line.kind in (PROSE, SHORT, TEASER):
                kinds[number] = "story"
    author = next((authors[number] for number in sorted(authors)), None)
    if not any(kinds):  # whitespace only
        kinds = ["story"] * len(lines)
    return Layout(_blocks(lines, kinds), title, author)


def _known_headline(lines: list[Line], stop: int | None, first: int) -> int | None:
    """The line of a headline the caller knows ends at ``stop``, when it is before the story."""
    if stop is None:
        return None
    for number, line in enumerate(lines[:first]):
        if line.kind != BLANK:
            return number if line.stop <= stop else None
    return None


def _headline(lines: list[Line], first: int, names: Set[int]) -> int | None:
    """The headline: the last line before the story's first that is not a date, a byline or
    a credit; None when that line is page furniture or prose."""
    number = _next(lines, first, -1)
    while number is not None and (number in names or lines[number].kind in _ABOVE_STORY):
        number = _next(lines, number, -1)
    if number is None or lines[number].kind not in (SHORT, PROSE):
        return None
    if lines[number].kind == PROSE and len(lines[number].text) > 160:
        return None
    return number


# what ends the lines a known headline gives the title (a list of other articles follows)
_BEFORE_STORY_CUTS = frozenset({HEADER, ITEM, LEGAL, NAV, TAGS})
# what may stand between a headline and its story
_ABOVE_STORY = frozenset({TIME, ITEM, BYLINE, CREDIT, SHARE, BUTTON, TAGS, RELATED})


def _is_rubric(line: Line) -> bool:
    return line.kind == SHORT and len(line.text.split()) <= 3 and len(line.text) <= 40


def _blocks(lines: list[Line], kinds: list[BlockKind | None]) -> list[Block]:
    """Blocks of consecutive whole lines of one kind. A line no step claimed is "more"; a blank
    line goes with the line before it (leading blank lines with the first line)."""
    filled: list[BlockKind | None] = [
        kind if kind is not None or line.kind == BLANK else "more"
        for kind, line in zip(kinds, lines)
    ]
    previous: BlockKind = next((kind for kind in filled if kind is not None), "story")
    runs: list[tuple[BlockKind, int, int]] = []  # (kind, start, stop), a record at the end
    for line, claimed in zip(lines, filled):
        kind: BlockKind = previous if claimed is None else claimed
        previous = kind
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], line.end)
        else:
            runs.append((kind, line.begin, line.end))
    return [Block(kind=kind, start=start, stop=stop) for kind, start, stop in runs]


def place_facts(doc: Doc) -> Layout:
    """Lay out ``doc``'s text (its people from the NER stage tell name lines) and set the
    ``block`` of every mention in ``doc._.people``, ``places``, ``organizations`` and of every
    percentage, date and amount of money."""
    # the people read from their stored data: no records are rebuilt or held for them here
    names = [
        (mention["start"], mention["stop"], person["name"])
        for person in get_data(doc, "people") or []
        for mention in person["mentions"]
    ]
    # every list's data is marked below, which makes the records held beside it stale: they go
    # now, before the lines of the text are laid out (a huge text's peak memory)
    drop_records(doc)
    layout = lay_out(doc_text(doc), names, doc._.get("newsnlp_headline"))

    def mark_mentions(entity: dict[str, Any]) -> None:
        for mention in entity["mentions"]:
            mention["block"] = layout.kind_at(mention["start"])

    def mark(fact: dict[str, Any]) -> None:
        fact["block"] = layout.kind_at(fact["start"])

    for name in ("people", "places", "organizations"):
        update_facts(doc, name, mark_mentions)
    for name in ("percentages", "dates", "money", "ratios"):
        update_facts(doc, name, mark)

    def mark_statement(fact: dict[str, Any]) -> None:
        fact["block"] = layout.kind_at(fact["cue"]["start"])

    update_facts(doc, "statements", mark_statement)
    return layout


class LayoutFinder(DocComponent):
    """Sets ``doc._.layout`` (a :class:`Layout`) and the ``block`` of every fact."""

    def __call__(self, doc: Doc) -> Doc:
        set_layout(doc, place_facts(doc))
        return doc


_BYLINE_WORDS = re.compile(
    r"^(?:авторы?(?:\s+текста|\s+материала)?|текст|корреспондент|редактор|обозреватель"
    r"|материал\s+подготовил[аи]?|подготовил[аи]?|by)\b\s*[:—–]?\s*",
    re.IGNORECASE,
)


def byline_name(byline: str) -> str:
    """The name in a byline: "Автор: Дарья Веснина" and "Автор Дарья Веснина" -> the name."""
    return _BYLINE_WORDS.sub("", byline.strip()).strip()


_BYLINE_PARTS = re.compile(r"\s+[|·•]\s+|\s{2,}")


def find_byline(text: str) -> str | None:
    """The name of the first byline in ``text``: a line, or a part of one between "|" or "·",
    such as "Автор: Пётр Ивлев" (None when there is none)."""
    for line in text.splitlines():
        for part in _BYLINE_PARTS.split(line.strip()):
            match = _BYLINE.match(part)
            if match and len(match.group(1).split()) <= 6:
                return match.group(1).strip()
    return None
