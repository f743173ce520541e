"""Whether a run of letters is one slip of the fingers from a common word
(`one_slip_from_word`): a letter dropped, added, changed or swapped inside it
(not its first or last letter), which makes a run that splits into a word and
a rare piece a misspelling rather than two words (accordig, not accord|ig).

Trying every letter at every position costs some ninety look-ups a position.
Instead the common words of letters are kept sorted by length, forwards and
backwards (`CommonWords`): whether a word of a given length begins with the
letters before a position and ends with those after it is a binary search in
the list of the longer side, then a short scan of the words that share it.
"""
from __future__ import annotations

from collections import defaultdict

from .sorted_words import SortedWords


class CommonWords:
    """The common words of letters (str.isalpha) by length, each length's
    words sorted forwards and backwards (`SortedWords`); and the whole set
    of common words, for the slips that are one look-up (a letter added or two swapped)."""

    def __init__(self, common: frozenset) -> None:
        self.common = common
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in common:
            if word.isalpha():
                by_length[len(word)].append(word)
        self.by_length = {length: SortedWords(words) for length, words in by_length.items()}

    def holds(self, length: int, head: str, tail: str) -> bool:
        """Whether a common word of letters, `length` letters long, begins with
        `head` and ends with `tail`."""
        words = self.by_length.get(length)
        return words is not None and words.begins_and_ends(head, tail)


def one_slip_from_word(words: CommonWords, run: str) -> bool:
    """Whether a letter dropped, added, changed or swapped inside `run` (not
    its first or last letter) makes a common word (of letters, for a letter
    put in: a letter dropped or changed).

    >>> one_slip_from_word(CommonWords(frozenset({"according", "word"})), "accordig")
    True
    """
    common = words.common
    length = len(run)
    letters_only = run.isalpha()
    for at in range(1, length):
        head, rest = run[:at], run[at + 1 :]
        if letters_only and words.holds(length + 1, head, run[at:]):
            return True  # a letter dropped before run[at]
        if rest and (head + rest in common  # run[at] added
                     or (head + rest).isalpha() and words.holds(length, head, rest)  # changed
                     or head + rest[:1] + run[at] + rest[1:] in common):  # swapped with the next
            return True
    return False
