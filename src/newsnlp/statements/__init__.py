"""Statements: who said what ("«…», — сказал он", "по данным Росстата, …").

Runs after the roles stage (and after percentages and money, whose figures it gives a
``source``), on the tokens' lemmas and morphology only: no model pass of its own. A statement is
one occurrence of attributing words (its ``cue``):

- a verb of speech, report or opinion (``models/lexicons/speech_verbs.txt``): finite, a gerund
  ("добавив"), an active participle ("назвавший"), an impersonal form ("сообщается",
  "говорится в докладе"), with "как" before it ("Как сообщил губернатор, …"); negated it is no
  statement unless it is an opinion ("не исключает");
- a source phrase: "по словам" / "по его словам" / "по данным" and the other nouns of
  ``models/lexicons/source_nouns.txt``, "согласно", "со ссылкой на", "ссылаясь на", "на его
  взгляд";
- a headline with a colon: "Шелест: …".

Cues inside a quotation are not statements. The speaker is the subject of the verb (before it,
or after it when the verb follows what was said, "— сказал он", or opens a parenthetical "как
сообщил губернатор"), the body a plural verb's words are said in ("В МИД заявили"), the words
after a source phrase ("по данным Росстата"); :mod:`newsnlp.resolve` tells which person or
organization of the Article it is. The content is the quotation the cue stands next to (direct
speech both ways, over several sentences: "«…», — сказал он", "Он сказал: «…»", and a paragraph
opened by a dash "— …,— сказал он"), else the clause after "что" / "чтобы" / "о том, что" / a
colon, the clause before ("X, сообщил Y"), the rest of the sentence after a source phrase or a
parenthetical, or the sentence before for "Об этом заявил X".

The package's modules are its steps: :mod:`.lexicon` (the words), :mod:`.text` (quotations and
offsets), :mod:`.cues`, :mod:`.speakers`, :mod:`.content` and :mod:`.component` (the spaCy
component, the speakers' resolution and the figures' sources).
"""

from __future__ import annotations

from .component import StatementReader, fill_sources, read_statements
from .lexicon import document_nouns, legal_acts, source_nouns, speech_verbs
from .text import quote_spans

__all__ = [
    "StatementReader",
    "document_nouns",
    "fill_sources",
    "legal_acts",
    "quote_spans",
    "read_statements",
    "source_nouns",
    "speech_verbs",
]
