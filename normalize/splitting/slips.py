"""Whether a run of letters is one slip of the fingers from a common word: a
letter dropped, added or changed, or two neighbours swapped. Every reader of
slips in the splitter asks here, each with its own list of common words:

- `one_slip_from_word`, whether the run is such a slip. Inside the run only
  (not its first or last letter), for the model's guard: a run that splits
  into a word and a rare piece is a misspelling, not two words (accordig, not
  accord|ig). With `ends`, at its ends too, for `nospace`: a scrap between
  two words that is a typo'd function word (cn, tht) stands as a word.
- `commonest_slip`, which word the run is a slip of (its first letter kept),
  the commonest: `typos` reads a misspelt string in a run with no spaces as
  that word (goverment).

Trying every letter at every position costs some ninety look-ups a position.
Instead `one_slip_from_word` keeps the common words of letters sorted by
length, forwards and backwards (`CommonWords`): whether a word of a given
length begins with the letters before a position and ends with those after it
is a binary search in the list of the longer side, then a short scan of the
words that share it. `commonest_slip` looks the run up among the words with a
letter dropped (`DroppedLetters`), a few look-ups a run; a word changed or
swapped is found there only when it is the commonest word to read so with a
letter dropped (the table keeps one word a key), which is as much as `typos`
was measured with.
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


def one_slip_from_word(words: CommonWords, run: str, *, ends: bool = False) -> bool:
    """Whether a letter dropped, added, changed or swapped inside `run` (not
    its first or last letter; with `ends`, anywhere) makes a common word (of
    letters, for a letter put in: a letter dropped or changed).

    >>> one_slip_from_word(CommonWords(frozenset({"according", "word"})), "accordig")
    True
    >>> one_slip_from_word(CommonWords(frozenset({"the"})), "th"), one_slip_from_word(CommonWords(frozenset({"the"})), "th", ends=True)
    (False, True)
    """
    common = words.common
    length = len(run)
    letters_only = run.isalpha()
    # run[first:stop] are the letters that may slip; a letter may have been lost before run[at]
    # for `at` from first to stop (stop: after the last letter that may slip).
    first, stop = (0, length) if ends else (1, length - 1)
    for at in range(first, stop + 1):
        head = run[:at]
        if letters_only and words.holds(length + 1, head, run[at:]):
            return True  # a letter dropped before run[at]
        if at < stop:
            rest = run[at + 1 :]
            if (head + rest in common  # run[at] added
                    or (head + rest).isalpha() and words.holds(length, head, rest)  # changed
                    or rest and head + rest[:1] + run[at] + rest[1:] in common):  # swapped with the next
                return True
    return False


class DroppedLetters:
    """Common words of letters by what each reads with one letter after its
    first dropped, the commonest word kept for each such string (`dropped`);
    the words themselves (`common`) and their counts (`counts`)."""

    def __init__(self, common: frozenset, counts: dict) -> None:
        self.common = common
        self.counts = counts
        dropped: dict[str, str] = {}
        for word in sorted(common, key=counts.__getitem__):
            for at in range(1, len(word)):
                dropped[word[:at] + word[at + 1 :]] = word  # (commonest last: it wins)
        self.dropped = dropped


def commonest_slip(words: DroppedLetters, run: str) -> str | None:
    """The commonest of `words` one slip from `run`, its first letter kept, or None.

    >>> words = DroppedLetters(frozenset({"second", "village", "the"}), {"second": 9, "village": 8, "the": 10})
    >>> commonest_slip(words, "secnd"), commonest_slip(words, "villiage"), commonest_slip(words, "teh")
    ('second', 'village', 'the')
    """
    common, dropped = words.common, words.dropped
    found = [dropped.get(run)]  # a letter dropped: secnd
    for at in range(1, len(run)):
        shorter = run[:at] + run[at + 1 :]
        if shorter in common:
            found.append(shorter)  # a letter added: villiage
        other = dropped.get(shorter)
        if other is not None and len(other) == len(run) and _one_changed_or_swapped(run, other):
            found.append(other)  # a letter changed (goverment) or two swapped (teh)
    found = [word for word in found if word is not None]
    return max(found, key=words.counts.__getitem__) if found else None


def _one_changed_or_swapped(word: str, other: str) -> bool:
    """Whether two strings of one length differ in one letter or in two neighbours swapped."""
    diff = [at for at, (a, b) in enumerate(zip(word, other)) if a != b]
    return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]] and (
        word[diff[1]] == other[diff[0]])
