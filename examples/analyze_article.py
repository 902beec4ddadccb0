"""Analyze the example article and print its people, places and percentage facts.

python examples/analyze_article.py [FILE]
"""

import sys
from pathlib import Path

import newsnlp
from newsnlp.cli import summary

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("article.txt")
article = newsnlp.analyze(path.read_text(encoding="utf-8"))
print(summary(article))
