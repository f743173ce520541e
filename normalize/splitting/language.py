"""The language guard: whether a line reads as English, for the splitter's model.

The word model is English; on other languages it finds "words" everywhere
(`la forme` -> `laforme`, `majorité` -> `major ité`). A line is judged by its
function words: the common words of 21 other languages that English does not
write (data/foreign_words.txt: `dans`, `sobre`, `nicht`, `của`), a weak half
for those English names also hold (`la`, `de`, `los`), against English's own
(`the`, `of`, `and`). Letters outside ASCII in many words are evidence too.
A line with no evidence either way reads as English: the guard only ever
stops the model, it never starts it. Set lookups only: microseconds a line.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .segment_tuning import FOREIGN_LETTER_SHARE, FOREIGN_WORDS_LEAST, LINES_KEPT
from .shapes import LOWER_LETTERS_ONLY

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# One Greek letter, alone or glued to ASCII letters: a formula's symbol (ρ, δand), no accented word.
GREEK_SYMBOL_RE = re.compile(r"[a-z]*[α-ω][a-z]*")
DATA = Path(__file__).with_name("data") / "foreign_words.txt"
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in is that for it with as was on be by this are at from his her have has had not but "
    "they which you we an or were will would their been there who its she he".split())


@lru_cache(maxsize=1)
def foreign_words() -> tuple[frozenset[str], frozenset[str]]:
    """The strong and the weak evidence of another language, from the data file."""
    strong: set[str] = set()
    weak: set[str] = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, words = line.partition(":")
        (weak if code.strip() == "weak" else strong).update(words.split())
    assert all(word.isalpha() for word in strong | weak), "reads_as_english's quick path needs words of letters alone"
    return frozenset(strong - ENGLISH_FUNCTION_WORDS), frozenset(weak)


@lru_cache(maxsize=LINES_KEPT)
def reads_as_english(line: str) -> bool:
    """Whether the model may act on `line`: False only on evidence of another language.

    >>> reads_as_english("The officials exchangedviews inHanoi.")
    True
    >>> reads_as_english("la protection des données est une priorité pour nous")
    False
    """
    strong, weak = foreign_words()
    if line.isascii():
        # Most lines: no accented word, and no run of letters a foreign word (which hold letters
        # alone, so no word with an apostrophe is one either), told without the pattern.
        runs = line.encode("ascii").translate(LOWER_LETTERS_ONLY).decode("ascii").split()
        if strong.isdisjoint(runs) and weak.isdisjoint(runs):
            return True
    words = WORD_RE.findall(line.lower())
    if not words:
        return True
    foreign = english = accented = 0.0
    for word in words:
        if word in ENGLISH_FUNCTION_WORDS:
            english += 1
        elif word in strong:
            foreign += 1
        elif word in weak:
            foreign += 0.5
        if not word.replace("’", "").isascii() and not GREEK_SYMBOL_RE.fullmatch(word):
            accented += 1
    if accented >= FOREIGN_LETTER_SHARE * len(words):
        return False
    return foreign < FOREIGN_WORDS_LEAST or foreign <= english
