"""newsnlp.render: a self-contained HTML page of an Article, checked in headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsnlp
from newsnlp import Article, Mention, Organization, Percentage, Person, Phrase, Place, Ratio
from newsnlp.cli import main

TEXT = "Совет Европы и <ООО «Вектор» & Co>: Ирина Смирнова сказала, что цены выросли на 5 %."


def at(part: str) -> dict[str, int]:
    start = TEXT.index(part)
    return {"start": start, "stop": start + len(part)}


ARTICLE = Article(
    text=TEXT,
    people=[
        Person(
            name="Ирина Смирнова",
            first="Ирина",
            last="Смирнова",
            mentions=[Mention(**at("Ирина Смирнова"), text="Ирина Смирнова")],
        )
    ],
    places=[Place(name="Европа", kind="other", mentions=[Mention(**at("Европы"), text="Европы")])],
    organizations=[
        Organization(
            name="Совет Европы", mentions=[Mention(**at("Совет Европы"), text="Совет Европы")]
        ),
        Organization(
            name="ООО «Вектор» & Co",
            mentions=[Mention(**at("ООО «Вектор» & Co"), text="ООО «Вектор» & Co")],
        ),
    ],
    percentages=[
        Percentage(
            **at("5 %"),
            text="5 %",
            value=5.0,
            kind="change",
            direction="up",
            subject=Phrase(**at("цены"), text="цены", lemma="цена"),
            predicate="вырасти",
        )
    ],
)


class Marks(HTMLParser):
    """The <mark> elements inside <article id="text">: (class, text, title)."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[list[str]] = []
        self.open: list[int] = []
        self.in_text = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article" and attributes.get("id") == "text":
            self.in_text = True
        elif tag == "mark" and self.in_text:
            self.open.append(len(self.marks))
            self.marks.append([attributes["class"] or "", "", attributes.get("title") or ""])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_text = False
        elif tag == "mark" and self.in_text:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)
            for index in self.open:
                self.marks[index][1] += data


def marks(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    return parser


EXPECTED = [
    ["nn-org", "Совет Европы", "Organization: Совет Европы"],
    ["nn-loc", "Европы", "Place: Европа [other]"],
    ["nn-org", "ООО «Вектор» & Co", "Organization: ООО «Вектор» & Co"],
    ["nn-per", "Ирина Смирнова", "Person: Ирина Смирнова"],
    [
        "nn-pct",
        "5 %",
        "subject: цены; value: 5 %; kind: change; direction: up; predicate: вырасти",
    ],
]


def test_marks_nest_escape_and_carry_their_facts() -> None:
    html = newsnlp.render(ARTICLE, title="<Отчёт>")
    assert "<title>&lt;Отчёт&gt;</title>" in html
    assert "&lt;<mark" in html and "ООО «Вектор» &amp; Co</mark>&gt;:" in html
    parsed = marks(html)
    assert parsed.marks == EXPECTED
    assert "".join(parsed.text) == TEXT  # the whole text, once, in order


def test_the_page_is_self_contained() -> None:
    html = newsnlp.render(ARTICLE)
    for external in ("http://", "https://", "<script", "<link", "src=", "@import"):
        assert external not in html
    assert "<style>" in html and ".nn-per { background: #f9c4d2; }" in html
    assert '<section class="list-org"><h2><mark class="nn-org">Organizations</mark> (2)' in html


def test_crossing_mentions_are_left_unmarked() -> None:
    text = "Новая Москва-Сити"
    article = Article(
        text=text,
        places=[
            Place(name="Новая Москва", mentions=[Mention(start=0, stop=12, text="Новая Москва")])
        ],
        organizations=[
            Organization(
                name="Москва-Сити", mentions=[Mention(start=6, stop=17, text="Москва-Сити")]
            )
        ],
    )
    parsed = marks(newsnlp.render(article))
    assert parsed.marks == [["nn-loc", "Новая Москва", "Place: Новая Москва"]]
    assert "".join(parsed.text) == text


def test_render_rejects_what_is_not_an_article() -> None:
    with pytest.raises(TypeError, match="render\\(\\) expects an Article, got str"):
        newsnlp.render("Текст")  # type: ignore[arg-type]


def test_analyze_writes_an_html_report(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Цены в Омске выросли на 4 %.", encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["analyze", str(page), "--html", str(report)]) == 0
    assert "Percentages (1):" in capsys.readouterr().out
    parsed = marks(report.read_text(encoding="utf-8"))
    assert [(kind, text) for kind, text, _ in parsed.marks] == [
        ("nn-loc", "Омске"),
        ("nn-pct", "4 %"),
    ]
    assert parsed.marks[1][2].startswith(
        "subject: Цены в Омске; value: 4 %; kind: change; direction: up"
    )


def test_ratios_are_marked_with_their_reading() -> None:
    text = "Импорт вырос в полтора раза, а треть жителей уехала."
    article = Article(
        text=text,
        ratios=[
            Ratio(
                start=text.index("полтора"),
                stop=text.index("полтора") + 12,
                text="полтора раза",
                value=1.5,
                unit="times",
                kind="change",
                direction="up",
                subject=Phrase(text="Импорт", start=0, stop=6, lemma="импорт"),
                predicate="вырасти",
            ),
            Ratio(
                start=text.index("треть"),
                stop=text.index("треть") + 5,
                text="треть",
                value=0.333,
                unit="fraction",
                kind="level",
                direction="none",
            ),
        ],
    )
    html = newsnlp.render(article)
    assert marks(html).marks == [
        [
            "nn-ratio",
            "полтора раза",
            "subject: Импорт; value: 1.5×; kind: change; direction: up; predicate: вырасти",
        ],
        ["nn-ratio", "треть", "subject: —; value: 0.333 of the base; kind: level; direction: none"],
    ]
    assert '<section class="list-ratio"><h2><mark class="nn-ratio">Ratios</mark> (2)' in html


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)",
)
def test_chromium_shows_the_marks(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(newsnlp.render(ARTICLE), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    env = {**os.environ, "HOME": str(tmp_path)}
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    ).stdout
    assert marks(dom).marks == EXPECTED  # what the browser built from the page
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1000,600", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        env=env,
    )
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1000


def test_displacy_options_colour_newsnlp_labels() -> None:
    from spacy import displacy

    from newsnlp.render import DISPLACY_OPTIONS

    doc = newsnlp.load()("Ирина Смирнова приехала в Омск.")
    html = displacy.render(doc, style="ent", options=DISPLACY_OPTIONS, page=False)
    assert "background: #f9c4d2" in html and "background: #bfe5c0" in html  # PER, LOC
    assert "background: #ddd" not in html  # displaCy's grey for labels it has no colour for
