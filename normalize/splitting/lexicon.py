"""The word model's statistics: log10 probabilities of words and word pairs.

The counts are wordsegment's tables (unigrams and bigrams of the English web,
from the Google Web Trillion Word Corpus: 333,000 words, 258,000 pairs, lower
case, letters and digits only). They are read once per process, when a text
first needs them, and shared with the rest of the splitter (`web_counts`).

Scores follow instant-segment's model exactly, so that its compiled segmenter
and `segment.segment_python` give the same answer: a word's score is
log10(count / total); a word after a known pair partner scores its pair's
log10 relative frequency less the partner's score ("stupid backoff"); a string
the table lacks scores by its length, once for each five letters, so that a
long non-word is worth splitting into words and a short one is not.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from ..vocabulary import web_counts


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Word and pair counts, and the totals their scores are taken against.
    (Equal only to itself, and hashed so: the word sets made from its tables are
    kept by `lru_cache` for it, `gaps.words_alone`.)"""

    unigrams: dict[str, float]
    bigrams: dict[str, float]  # "first second" -> count
    uni_total: float
    bi_total: float  # over the pairs whose second word is in `unigrams`
    total_log10: float

    def unknown(self, word: str) -> float:
        """The score of a string no table holds: (1 - log10(total) - n) * n / 5."""
        length = float(len(word))
        return (1.0 - self.total_log10 - length) * (length / 5.0)

    def score(self, word: str, previous: str | None = None) -> float:
        """The score of `word` after `previous` (None at the start of a run)."""
        count = self.unigrams.get(word)
        if count is None:
            return self.unknown(word)
        if previous is not None:
            pair = self.bigrams.get(previous + " " + word)
            if pair is not None:
                before = self.unigrams.get(previous)
                if before is not None:
                    return math.log10(pair / self.bi_total) - math.log10(before / self.uni_total)
        return math.log10(count / self.uni_total)


def _pairs(bigrams: dict[str, float]):
    """The bigram table as ((first, second), count), in the table's order."""
    for key, count in bigrams.items():
        first, _, second = key.partition(" ")
        yield (first, second), count


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The counts and totals, summed in the order instant-segment's
    `Segmenter::new` sums them (so the same floats)."""
    unigrams, bigrams = web_counts()
    uni_total = 0.0
    for count in unigrams.values():
        uni_total += count
    bi_total = 0.0
    for (_, second), count in _pairs(bigrams):
        if second in unigrams:
            bi_total += count
    return Lexicon(unigrams, bigrams, uni_total, bi_total, math.log10(uni_total))
