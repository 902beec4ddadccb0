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
import json, resource, sys
from pathlib import Path
import newsnlp

examples, megabytes = Path(sys.argv[1]), int(sys.argv[2])
lines = (examples / "corpus.jsonl").read_text("utf-8").splitlines()
paragraphs = [(examples / "article.txt").read_text("utf-8")]
paragraphs += [json.loads(line)["text"] for line in lines]
unit = "\\n\\n".join(paragraphs) + "\\n\\n"
text = unit * (megabytes * 1_000_000 // len(unit.encode("utf-8")))
newsnlp.analyze("Цены выросли на 5 %.")
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
article = newsnlp.analyze(text)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(text.encode("utf-8")), "loaded_kb": loaded, "peak_kb": peak,
                  "percentages": len(article.percentages)}))
"""


def measure(megabytes: int) -> dict[str, int]:
    src = str(Path(newsnlp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(EXAMPLES), str(megabytes)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=True,
    )
    figures: dict[str, int] = json.loads(done.stdout.splitlines()[-1])
    assert (megabytes - 0.1) * 1_000_000 < figures["bytes"] <= megabytes * 1_000_000
    assert figures["percentages"] > 1000 * megabytes  # it was analyzed, not cut
    return figures


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
    # measured: 423 MB at the peak, 183 MB more than with the pipeline loaded (241 MB here).
    # The bar is 450 MB in all; the growth is what the text costs on any machine.
    growth_mb = (figures["peak_kb"] - figures["loaded_kb"]) / 1024
    assert growth_mb < 205, figures
    assert figures["peak_kb"] / 1024 < 450 + max(0, figures["loaded_kb"] / 1024 - 245), figures
