"""The language of a whole text, for the rules written for one language.

A rule pack may give a rule `languages = ["de", "fr"]`: it then runs only on
texts in those languages, so that another language's wording of a family
("Kommentare", "Lire aussi") never meets English text, where its words may be
an article's. The language is told by function words: each language's
common words that English does not write (the language guard's own table,
`normalize/splitting/data/foreign_words.txt`), against English's, counted
with the commonest short words of each language (data/function_words.txt,
at half weight), over the first words of the text (a word several languages
write counts for each in part); Cyrillic letters tell Russian. A text with
too little evidence, or no clear winner, has no language (None) and meets
only the rules for every language. Set lookups only: microseconds a text.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from ..splitting.language import DATA, ENGLISH_FUNCTION_WORDS
from .tuning import (LANGUAGE_EARLY_SHARE, LANGUAGE_EARLY_VOTES, LANGUAGE_EARLY_WORDS, LANGUAGE_LEAST_WORDS,
                     LANGUAGE_SAMPLE_WORDS, LANGUAGE_WIN_SHARE)

# A word's punctuation, stripped before it is looked up.
EDGE_PUNCTUATION = ".,;:!?\"'()[]{}«»“”„‘’‚…-–—/*"
CYRILLIC_WORD_RE = regex.compile(r"\p{Cyrillic}+")
# The sample a text's language is told from: its first words, taken from at
# most this many characters a word.
SAMPLE_CHARS_PER_WORD = 12


COMMON_WORDS = Path(__file__).with_name("data") / "function_words.txt"
# Each of data/function_words.txt's words counts this much, split between the
# languages that list it: half a word of the guard's table.
COMMON_WEIGHT = 0.5


@lru_cache(maxsize=1)
def function_words() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each function word with the languages it votes for and how much: the
    language guard's table (1, split between the languages that write a
    word, English's own words included), and the commonest short words of
    data/function_words.txt (half that, split likewise)."""
    owners: dict[str, set[str]] = {word: {"en"} for word in ENGLISH_FUNCTION_WORDS}
    for code, words in _table(DATA):
        if code != "weak":
            for word in words:
                owners.setdefault(word, set()).add(code)
    votes = {word: [(code, 1 / len(codes)) for code in sorted(codes)] for word, codes in owners.items()}
    common: dict[str, set[str]] = {}
    for code, words in _table(COMMON_WORDS):
        for word in words:
            common.setdefault(word, set()).add(code)
    for word, codes in common.items():
        votes.setdefault(word, []).extend((code, COMMON_WEIGHT / len(codes)) for code in sorted(codes))
    return {word: tuple(shares) for word, shares in votes.items()}


def _table(path: Path) -> list[tuple[str, list[str]]]:
    """The "code: words" lines of a data file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, words = line.partition(":")
            rows.append((code.strip(), words.split()))
    return rows


def language_on_demand(text: str):
    """A function that tells `text_language(text)` when first called, and
    then again without telling it anew: the rules for some languages ask it,
    and most texts meet none of them."""
    told: list[str | None] = []

    def language() -> str | None:
        if not told:
            told.append(text_language(text))
        return told[0]

    return language


def text_language(text: str) -> str | None:
    """The language of `text` ("en", "de", "ru" ...), or None when its first
    words do not tell it clearly.

    >>> text_language("Die Regierung hat am Montag mitgeteilt, dass sie nicht zustimmen wird.")
    'de'
    >>> text_language("The government said on Monday that it would not agree.")
    'en'
    """
    sample = text[: LANGUAGE_SAMPLE_WORDS * SAMPLE_CHARS_PER_WORD]
    words = sample.lower().split(maxsplit=LANGUAGE_SAMPLE_WORDS)[:LANGUAGE_SAMPLE_WORDS]
    if not words:
        return None
    table = function_words()
    votes: dict[str, float] = {}
    for at, word in enumerate(words, 1):
        for code, weight in table.get(word.strip(EDGE_PUNCTUATION), ()):
            votes[code] = votes.get(code, 0.0) + weight
        if at % LANGUAGE_EARLY_WORDS == 0 and votes:
            # Most texts tell their language in their first words: stop there.
            code, count = max(votes.items(), key=lambda item: item[1])
            if count >= LANGUAGE_EARLY_VOTES and count >= LANGUAGE_EARLY_SHARE * sum(votes.values()):
                break
    if not sample.isascii() and len(CYRILLIC_WORD_RE.findall(sample)) >= LANGUAGE_WIN_SHARE * len(words):
        return "ru"
    if not votes:
        return None
    code, count = max(votes.items(), key=lambda item: item[1])
    if count < LANGUAGE_LEAST_WORDS or count < LANGUAGE_WIN_SHARE * sum(votes.values()):
        return None
    return code
