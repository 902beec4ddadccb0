"""Extract facts: changes and shares stated without a percent sign ("в полтора раза", "вдвое",
"в несколько раз", "на треть", "наполовину", "треть опрошенных", "каждый пятый").

The steps, a module each: ``figures`` (finding the expressions: factors, fractions, "каждый
N-й", "-кратный"), ``reading`` (the one adapter over the percentages' reading of a quantity:
:mod:`newsnlp.percentages.reading`; ratios read their approx, kind, direction, predicate and
subject with it, not with a copy) and ``facts`` (the :class:`~newsnlp.schema.Ratio` records,
the cheap scan for cue words and the spaCy component ``newsnlp_ratios``).

Not ratios: "раз" counting events ("в третий раз", "два раза в неделю", "пять раз
становился чемпионом", "ни разу"), a half or quarter of a time ("первая половина года",
"четверть века"), an amount's multiplier ("четверть миллиарда долларов"), "-кратный" beside no
change ("трёхкратный чемпион").
"""

from __future__ import annotations

from .facts import CUES, PARSE_CUES, RatioExtractor, explain, find_ratio_facts, iter_ratios
from .figures import RatioFigure, find_ratios
from .reading import read_ratio

__all__ = [
    "CUES",
    "PARSE_CUES",
    "RatioExtractor",
    "RatioFigure",
    "explain",
    "find_ratio_facts",
    "find_ratios",
    "iter_ratios",
    "read_ratio",
]
