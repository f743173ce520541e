"""Rule `split_lead_verb`: a name glued to the verb of the sentence it opens
(`Brzowikiis a village`, `Clarityis the third album`, `Brackenhad a church`).

A sentence about a thing opens with its name, then `is`, `was`, `has` or
`had`, then an article: the lead of an encyclopedia's entry, a caption, a list's item. Where
the name and the verb lost their space, the token is no word the tables hold
(a name ending in -is that they lack, `Kostakis`, is rarer still before an
article at a sentence's start), and what is left before the verb is a name
of LEAD_NAME_LETTERS or more. Only at a line's or a sentence's start, where
a name then an article cannot be an object (`gave Kostakis a book`).
"""
from __future__ import annotations

import re

from .lexicon import lexicon
from .segment_tuning import JOIN_RARE_WORD_COUNT, LEAD_NAME_LETTERS

RULE = "split_lead_verb"

# A capitalised token opening a line or a sentence, ending in a verb, before an article.
LEAD_RE = re.compile(r"(?:^|(?<=[.!?] ))([A-Z][a-z]+)(is|was|has|had) (?=(?:a|an|the) )", re.MULTILINE)
# What every such token holds, found by a fast scan.
LEAD_HINT_RE = re.compile(r"[a-z](?:is|was|has|had) (?:a|an|the) ")


def lead_verb_cuts(text: str) -> list[int]:
    """Positions in `text` where a space was lost between a sentence's first name and its verb."""
    if LEAD_HINT_RE.search(text) is None:
        return []
    unigrams = lexicon().unigrams
    cuts = []
    for match in LEAD_RE.finditer(text):
        name, verb = match.group(1), match.group(2)
        if len(name) >= LEAD_NAME_LETTERS and unigrams.get((name + verb).lower(), 0.0) < JOIN_RARE_WORD_COUNT:
            cuts.append(match.end(1))
    return cuts
