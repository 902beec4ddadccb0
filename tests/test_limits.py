"""A huge text is analyzed in memory that grows about linearly with it (README, "Size")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsnlp

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# in a fresh process: the peak RSS once loaded, then after analyzing about N MB (UTF-8) of our
# news paragraphs as one text
MEASURE = """
import json, sys
from pathlib import Path
import newsnlp

def high_water_kb():
    # the peak RSS of this process image: VmHWM starts again at exec, where ru_maxrss keeps the
    # peak of the process that started us (a whole pytest run's, 1 GB and more)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")

examples, megabytes = Path(sys.argv[1]), int(sys.argv[2])
if examples.is_file():  # a JSON-lines file of articles ("text")
    paragraphs = [json.loads(line)["text"] for line in examples.read_text("utf-8").splitlines()]
else:
    lines = (examples / "corpus.jsonl").read_text("utf-8").splitlines()
    paragraphs = [(examples / "article.txt").read_text("utf-8")]
    paragraphs += [json.loads(line)["text"] for line in lines]
unit = "\\n\\n".join(paragraphs) + "\\n\\n"
text = unit * (megabytes * 1_000_000 // len(unit.encode("utf-8")))
newsnlp.analyze("Цены выросли на 5 %.")
loaded = high_water_kb()
article = newsnlp.analyze(text)
peak = high_water_kb()
print(json.dumps({"bytes": len(text.encode("utf-8")), "loaded_kb": loaded, "peak_kb": peak,
                  "percentages": len(article.percentages), "people": len(article.people)}))
"""

# factRu dev (third-party news, read from ../shared, never copied here): a person or a place
# every few words, where our examples have a percentage in every sentence
FACTRU_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "factru_dev.jsonl"


def measure(megabytes: int, source: Path = EXAMPLES) -> dict[str, int]:
    src = str(Path(newsnlp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(source), str(megabytes)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=True,
    )
    figures: dict[str, int] = json.loads(done.stdout.splitlines()[-1])
    slack = 0.1 if source == EXAMPLES else 0.4  # factRu dev is 0.3 MB: fewer, longer copies
    assert (megabytes - slack) * 1_000_000 < figures["bytes"] <= megabytes * 1_000_000
    if source == EXAMPLES:
        assert figures["percentages"] > 1000 * megabytes  # it was analyzed, not cut
    return figures


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="VmHWM is read from Linux's /proc/self/status"
)
def test_a_1_mb_text_adds_less_than_80_mb() -> None:
    figures = measure(1)
    growth_mb = (figures["peak_kb"] - figures["loaded_kb"]) / 1024
    # measured: 36 MB (272 MB at the peak)
    assert growth_mb < 80, figures


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the 450 MB bar is measured on Linux (glibc)"
)
def test_a_5_mb_text_peaks_under_450_mb() -> None:
    figures = measure(5)
    # measured (round 8): 422-423 MB at the peak, 190-191 MB more than with the pipeline
    # loaded (232-238 MB here); 448-455 MB before (the facts' data as key-sharing dicts, the
    # entities' records dropped after their last reader: README, Size). The bar is 450 MB in
    # all; the growth is what the text costs on any machine.
    growth_mb = (figures["peak_kb"] - figures["loaded_kb"]) / 1024
    assert growth_mb < 205, figures
    assert figures["peak_kb"] / 1024 < 450 + max(0, figures["loaded_kb"] / 1024 - 245), figures


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the 450 MB bar is measured on Linux (glibc)"
)
@pytest.mark.xfail(
    reason="near the bar: factRu dev repeated to 5 MB peaks at 430-435 MB, 197-202 MB over the "
    "loaded pipeline (444-461 MB before round 8; README, Size: known gap)",
    strict=False,
)
def test_an_entity_dense_5_mb_text_peaks_under_450_mb() -> None:
    if not FACTRU_DEV.exists():
        pytest.skip(f"{FACTRU_DEV} is absent: the ../shared evaluation data is only in CI / dev")
    figures = measure(5, FACTRU_DEV)
    assert figures["people"] > 300, figures  # it was analyzed, not cut
    # measured: 437-438 MB at the peak, 185 MB more than with the pipeline loaded (243 MB
    # here); it was 452-464 MB (the model stages' word indexes and the dates' positions as
    # Python ints, the statements copying the text before each cue, the date arrays kept to the
    # end, each stage's freed temporaries left in the heap)
    growth_mb = (figures["peak_kb"] - figures["loaded_kb"]) / 1024
    assert growth_mb < 205, figures
    assert figures["peak_kb"] / 1024 < 450 + max(0, figures["loaded_kb"] / 1024 - 245), figures
