"""A huge text is analyzed in memory that grows about linearly with it (README, "Size")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import newsnlp

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# in a fresh process: the peak RSS once loaded, then after analyzing about 1 MB (UTF-8) of our
# news paragraphs as one text
MEASURE = """
import json, resource, sys
from pathlib import Path
import newsnlp

examples = Path(sys.argv[1])
lines = (examples / "corpus.jsonl").read_text("utf-8").splitlines()
paragraphs = [(examples / "article.txt").read_text("utf-8")]
paragraphs += [json.loads(line)["text"] for line in lines]
unit = "\\n\\n".join(paragraphs) + "\\n\\n"
text = unit * (1_000_000 // len(unit.encode("utf-8")))
newsnlp.analyze("Цены выросли на 5 %.")
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
article = newsnlp.analyze(text)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(text.encode("utf-8")), "loaded_kb": loaded, "peak_kb": peak,
                  "percentages": len(article.percentages)}))
"""


def test_a_1_mb_text_adds_less_than_80_mb() -> None:
    src = str(Path(newsnlp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(EXAMPLES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    )
    figures = json.loads(done.stdout.splitlines()[-1])
    assert 900_000 < figures["bytes"] <= 1_000_000
    assert figures["percentages"] > 1000  # it was analyzed, not cut
    growth_mb = (figures["peak_kb"] - figures["loaded_kb"]) / 1024
    # measured: 53 MB for 1 MB, 326 MB for 5 MB (571 MB peak with the pipeline loaded)
    assert growth_mb < 80, figures
