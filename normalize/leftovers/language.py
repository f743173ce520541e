"""The language of a whole text, for the rules written for one language.

A rule pack may give a rule `languages = ["de", "fr"]`: it then runs only on
texts in those languages, so that another language's wording of a family
("Kommentare", "Lire aussi") never meets English text, where its words may be
an article's. The language is told by function words: each language's
common words that English does not write (the language guard's own table,
`normalize/splitting/data/foreign_words.txt`), against English's, counted
over the first words of the text; Cyrillic letters tell Russian. A text with
too little evidence, or no clear winner, has no language (None) and meets
only the rules for every language. Set lookups only: microseconds a text.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..splitting.language import DATA, ENGLISH_FUNCTION_WORDS
from .tuning import LANGUAGE_LEAST_WORDS, LANGUAGE_SAMPLE_WORDS, LANGUAGE_WIN_SHARE

WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
CYRILLIC_RE = regex.compile(r"\p{Cyrillic}")


@lru_cache(maxsize=1)
def function_words() -> dict[str, str]:
    """Each function word of the table, with its language: English's own
    words, and those of one other language (a word two languages write
    tells neither)."""
    owners: dict[str, set[str]] = {word: {"en"} for word in ENGLISH_FUNCTION_WORDS}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, words = line.partition(":")
        code = code.strip()
        if code == "weak":
            continue
        for word in words.split():
            owners.setdefault(word, set()).add(code)
    return {word: next(iter(codes)) for word, codes in owners.items() if len(codes) == 1}


def text_language(text: str) -> str | None:
    """The language of `text` ("en", "de", "ru" ...), or None when its first
    words do not tell it clearly.

    >>> text_language("Die Regierung hat am Montag mitgeteilt, dass sie nicht zustimmen wird.")
    'de'
    >>> text_language("The government said on Monday that it would not agree.")
    'en'
    """
    words = WORD_RE.findall(text, concurrent=False)[:LANGUAGE_SAMPLE_WORDS] if text else []
    if not words:
        return None
    table = function_words()
    votes: dict[str, int] = {}
    cyrillic = 0
    for word in words:
        if CYRILLIC_RE.match(word):
            cyrillic += 1
            continue
        code = table.get(word.lower())
        if code is not None:
            votes[code] = votes.get(code, 0) + 1
    if cyrillic >= LANGUAGE_WIN_SHARE * len(words):
        return "ru"
    if not votes:
        return None
    code, count = max(votes.items(), key=lambda item: item[1])
    if count < LANGUAGE_LEAST_WORDS or count < LANGUAGE_WIN_SHARE * sum(votes.values()):
        return None
    return code
