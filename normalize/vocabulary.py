"""The English word model behind the splitter: word -> Zipf frequency.

Zipf frequency is log10 of a word's occurrences per billion words (wordfreq's
scale: 7 for "the"-class words, 3 for rare ones). The model is wordfreq's
"large" English list, loaded lazily once per process, so `import normalize`
stays cheap and each worker process pays the 0.2 s load once.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError

# Words the user vouches for get this frequency: common enough to stand as
# parts of a split, and to never be split themselves.
USER_WORD_ZIPF = 4.0


@lru_cache(maxsize=1)
def english_zipf() -> dict[str, float]:
    # Read as wordfreq's get_frequency_dict reads it, but without its caches,
    # which would keep a second dict of the 321,000 words for the life of the
    # process, and with one float per frequency rather than per word: 18 MB less.
    from wordfreq import available_languages, cB_to_freq, read_cBpack

    zipf: dict[str, float] = {}
    for index, bucket in enumerate(read_cBpack(available_languages("large")["en"])):
        value = math.log10(cB_to_freq(-index)) + 9.0
        for word in bucket:
            zipf[word] = value
    return zipf


@lru_cache(maxsize=1)
def web_counts() -> tuple[dict[str, float], dict[str, float]]:
    """Unigram and bigram counts of the English web (wordsegment's tables,
    from the Google Web Trillion Word Corpus): the evidence that a glued
    token is a word people write ("weblogs", "barcode") or a pair of words
    that lost their space ("atleast", "humanrights")."""
    import wordsegment

    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    return wordsegment.UNIGRAMS, wordsegment.BIGRAMS


def read_word_lines(path: str) -> list[str]:
    """The words of a UTF-8 file in its order and case, one per line; `#`
    starts a comment. ConfigError if the file cannot be read."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list: {getattr(exc, 'strerror', None) or exc}") from None
    return [word for line in lines if (word := line.split("#", 1)[0].strip())]


@lru_cache(maxsize=16)
def read_word_file(path: str) -> frozenset[str]:
    """The words of a UTF-8 file (`read_word_lines`), in lower case."""
    return frozenset(word.lower() for word in read_word_lines(path))
