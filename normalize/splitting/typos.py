"""Typo-tolerant segmentation of a run with no spaces, where the model reads scraps.

The word model (`segment`) scores a string its tables lack by length alone,
so a misspelt word (`goverment`, `recieved`) is cut into the short words
and scraps it holds (`popul|tion`). Here the stretches of a segmentation
that hold such weak parts (rarer than SCRAP_COUNT, or a letter alone) are
read again, with TYPO_CONTEXT_WORDS parts before and after them, by the same
dynamic programme (`segment.segment_python`, scoring with `_score_with_typos`),
in which a string the tables lack may also be one slip
(`slips`: a letter dropped, added or changed, or two swapped, not the first
letter) from a word of TYPO_WORD_COUNT or more, scored as that word less
TYPO_COST (log10). The rest of the run keeps the compiled segmentation, so
the cost stays linear in the run and small where the text is clean; a
stretch longer than TYPO_STRETCH_LETTERS, and a run longer than
TYPO_RUN_LETTERS, keep it whole.

Never changes a character: only where the words end.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import lexicon
from .segment import segment, segment_python
from .segment_tuning import (
    SCRAP_COUNT, TYPO_CONTEXT_WORDS, TYPO_COST, TYPO_MAX_LETTERS, TYPO_MIN_LETTERS, TYPO_PIECES_KEPT,
    TYPO_RUN_LETTERS, TYPO_STRETCH_LETTERS, TYPO_WORD_COUNT,
)
from .slips import DroppedLetters, commonest_slip


def segment_with_typos(run: str) -> list[str]:
    """The words of `run` (lower-case ASCII letters), as `segment` reads them,
    but each stretch of weak parts read again with misspelt words allowed.

    >>> segment_with_typos("thegovermentwas")
    ['the', 'goverment', 'was']
    """
    parts = segment(run)
    if len(run) > TYPO_RUN_LETTERS:
        return parts  # (a run of a page's length is data more than a sentence: the compiled reading)
    weak = [_weak(part) for part in parts]
    if not any(weak):
        return parts
    out: list[str] = []
    index = 0
    while index < len(parts):
        if not weak[index]:
            out.append(parts[index])
            index += 1
            continue
        # The stretch of weak parts, with TYPO_CONTEXT_WORDS words each side (a typo's letters
        # may have gone to them).
        before = out[len(out) - TYPO_CONTEXT_WORDS:] if out else []
        del out[len(out) - len(before):]
        end = index
        while end < len(parts) and weak[end]:
            end += 1
        end = min(end + TYPO_CONTEXT_WORDS, len(parts))
        stretch = before + parts[index:end]
        window = "".join(stretch)
        out += segment_python(window, score=_score_with_typos) if len(window) <= TYPO_STRETCH_LETTERS else stretch
        index = end
    return out


def _weak(part: str) -> bool:
    """A part the tables hardly know (a scrap of a name or of a misspelt word), or a letter alone."""
    return lexicon().unigrams.get(part, 0.0) < SCRAP_COUNT or len(part) == 1 and part not in "ai"


def _score_with_typos(word: str, previous: str | None) -> float:
    """`Lexicon.score`, where a string the tables lack scores the better of
    its length's score and the score of the word it is one slip from, less
    TYPO_COST: the score `segment_python` reads a weak stretch with."""
    lex = lexicon()
    if word in lex.unigrams:
        return lex.score(word, previous)
    total = lex.unknown(word)
    meant = _meant(word) if TYPO_MIN_LETTERS <= len(word) <= TYPO_MAX_LETTERS else None
    if meant is not None:
        total = max(total, lex.score(meant, previous) - TYPO_COST)
    return total


@lru_cache(maxsize=TYPO_PIECES_KEPT)
def _meant(word: str) -> str | None:
    """The commonest word of TYPO_WORD_COUNT or more one slip from `word`
    (TYPO_MIN_LETTERS to TYPO_MAX_LETTERS letters), its first letter kept, or
    None (`slips.commonest_slip`)."""
    if not TYPO_MIN_LETTERS <= len(word) <= TYPO_MAX_LETTERS:
        return None
    return commonest_slip(_typo_words(), word)


@lru_cache(maxsize=1)
def _typo_words() -> DroppedLetters:
    counts = lexicon().unigrams
    return DroppedLetters(frozenset(word for word, count in counts.items()
                                    if count >= TYPO_WORD_COUNT and word.isalpha() and len(word) >= TYPO_MIN_LETTERS - 1),
                          counts)
