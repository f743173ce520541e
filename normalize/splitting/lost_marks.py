"""Lost spaces as evidence for `rejoin_words` in the pipeline's second round.

Where `split_words` put spaces back in a short text (a sentence, a caption:
under MARKS_LONG_TEXT characters), the text went through an extraction that
lost spaces, and a space it sets before a comma or a full stop after a word
(`Raymond Ashdown , who`, `Bramwell Jr . (born`; after a word the tables hold, not
OCR's garble) is one that extraction added: one mark of damage is enough in a short text (`evidence.marks_needed`),
as a broken word on the line is for `rejoin_before_punctuation` itself. A long
text writes such spaces by its own style as often (news: `at the bank . Traders`),
and keeps them. Nothing here changes text: `rejoin` edits.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..edits import Edit
from .evidence import marks_needed
from .language import reads_as_english
from .lexicon import lexicon
from .shapes import TRAILING_LETTERS_RE

# How far back the letters before a stop are read (`shapes.TRAILING_LETTERS_RE`): longer than any word.
LETTERS_WINDOW = 64

# (`stage.STAGE`, written out: `stage` imports `rejoin`, which imports this module.)
SPLIT_STAGE = "split_words"


def with_stops_apart(text: str, earlier: Sequence[Edit], found: list, stop_apart: re.Pattern, rule: str) -> list:
    """`found` (position, rule: `rejoin`'s stray spaces in `text`) with the spaces before a
    stop that `stops_apart_after_lost_spaces` finds, under `rule`, in order."""
    if not earlier:
        return found
    taken = {at for at, _ in found}
    extra = [(at, rule) for at in stops_apart_after_lost_spaces(text, earlier, stop_apart) if at not in taken]
    return sorted(found + extra) if extra else found


def stops_apart_after_lost_spaces(text: str, earlier: Sequence[Edit], stop_apart: re.Pattern) -> list[int]:
    """Positions in `text` of the spaces before a comma or a full stop after a word
    (`stop_apart`: `rejoin.SPACE_BEFORE_STOP_RE`), where `earlier` holds a space
    `split_words` put back and `text` is short; on lines that read as English."""
    if marks_needed(text) > 1 or not any(edit.stage == SPLIT_STAGE for edit in earlier):
        return []
    found, start = [], 0
    for line in text.splitlines(keepends=True):
        if " ." in line or " ," in line:
            spaces = [start + m.start() for m in stop_apart.finditer(line) if _after_word(line, m.start())]
            if spaces and reads_as_english(line):
                found += spaces
        start += len(line)
    return found


def _after_word(line: str, at: int) -> bool:
    """Whether the token before `at` ends in a word the web tables hold (City, Jr; not
    OCR's garble, ghput), or in a closing bracket or quote."""
    # (Read a bounded window back: no word is longer, and each stop costs its own letters, not the line's.)
    letters = TRAILING_LETTERS_RE.search(line, max(0, at - LETTERS_WINDOW), at).group()
    return not letters or letters.lower() in lexicon().unigrams
