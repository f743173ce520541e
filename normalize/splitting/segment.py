"""Segmentation: the most probable words of a run of letters with no spaces.

One dynamic programme over the run's end positions, each position keeping the
best-scoring last word (at most `MAX_WORD` letters) and its score, which is the
score of the best segmentation up to there (`lexicon.Lexicon.score`: word
and pair probabilities of the English web, unknown strings by length). It is
linear in the run's length, and memory holds two numbers a position.

Two implementations give the same answer: instant-segment's compiled one
(Rust, shipped as wheels), used when it can be imported, and `segment_python`,
the same algorithm written out here; `tests/test_segment.py` holds them equal.
Neither ever changes a character: they only say where the words end.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..vocabulary import web_counts
from .lexicon import Lexicon, _pairs, lexicon
from .segment_tuning import MAX_WORD, SHORT_RUNS_KEPT


def segment_python(run: str, lex: Lexicon | None = None,
                   score: Callable[[str, str | None], float] | None = None) -> list[str]:
    """The words of `run` (lower-case ASCII letters and digits), in order.
    `score(word, previous)` scores a word after the word before it (None at
    the run's start): by default `lex.score`; `typos` passes one that reads a
    string the tables lack as the word it misspells.

    >>> segment_python("thequickbrownfox")
    ['the', 'quick', 'brown', 'fox']
    """
    if not run:
        return []
    score = score or (lex or lexicon()).score
    # best[end] = (length of the last word, score of the best segmentation of run[:end])
    lengths = [0] * (len(run) + 1)
    scores = [0.0] * (len(run) + 1)
    for end in range(1, len(run) + 1):
        best_len, best_score = 0, 0.0
        for split in range(max(0, end - MAX_WORD), end):
            if split:
                prev_len = lengths[split]
                total = score(run[split:end], run[split - prev_len:split]) + scores[split]
            else:
                total = score(run[:end], None)
            if not best_len or best_score < total:
                best_len, best_score = end - split, total
        lengths[end], scores[end] = best_len, best_score
    return read_back(run, lengths)


def read_back(run: str, lengths: list[int]) -> list[str]:
    """The words of `run` from the best reading's word lengths, `lengths[end]` the
    length of the last word ending at `end`."""
    words = []
    end = len(run)
    while end:
        words.append(run[end - lengths[end]:end])
        end -= lengths[end]
    words.reverse()
    return words


@lru_cache(maxsize=SHORT_RUNS_KEPT)
def _segment_short(run: str) -> tuple[str, ...]:
    return tuple(segment_python(run))


@lru_cache(maxsize=1)
def _compiled():
    """instant-segment's segmenter over the same tables, or None without it."""
    try:
        import instant_segment
    except ImportError:
        return None
    unigrams, bigrams = web_counts()
    segmenter = instant_segment.Segmenter(iter(unigrams.items()), _pairs(bigrams))
    return segmenter, instant_segment.Search


def segment(run: str) -> list[str]:
    """The words of `run` (lower-case ASCII letters and digits), compiled when
    instant-segment is installed, else in Python: the same words either way.

    A run of at most MAX_WORD letters (the rejoin checks ask of single words)
    is segmented in Python and remembered: the compiled segmenter's copy of the
    tables (about 70 MB) is built only for text that lost every space."""
    if len(run) <= MAX_WORD:
        return list(_segment_short(run))
    return segment_compiled(run) if _compiled() is not None else segment_python(run)


def segment_compiled(run: str) -> list[str]:
    """The words of `run` by instant-segment (which must be installed)."""
    segmenter, search_type = _compiled()
    search = search_type()
    segmenter.segment(run, search)
    return list(search)
