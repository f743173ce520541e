"""Words sorted forwards and, spelt backwards, sorted again (`SortedWords`):
whether one of them begins or ends with some letters is a binary search, and
whether one does both a search on the longer side and a short scan of the
words that share it. `joinwords` asks it of the words a join may make,
`slips` of the common words of each length.
"""
from __future__ import annotations

from bisect import bisect_left


class SortedWords:
    """Words, sorted forwards and, spelt backwards, sorted again."""

    def __init__(self, words) -> None:
        words = list(words)
        # (Tuples: the cyclic garbage collector stops walking a tuple of strings once it has seen
        # it, where it would walk a list of 67,000 at every full collection.)
        self.forwards = tuple(sorted(words))
        self.backwards = tuple(sorted(word[::-1] for word in words))

    def starts(self, letters: str) -> bool:
        """Whether some word begins with `letters`."""
        ordered = self.forwards
        at = bisect_left(ordered, letters)
        return at < len(ordered) and ordered[at].startswith(letters)

    def ends(self, letters: str) -> bool:
        """Whether some word ends with `letters`."""
        ordered, letters = self.backwards, letters[::-1]
        at = bisect_left(ordered, letters)
        return at < len(ordered) and ordered[at].startswith(letters)

    def begins_and_ends(self, head: str, tail: str) -> bool:
        """Whether some word begins with `head` and ends with `tail`; the search
        runs on the longer of the two, whose words are few."""
        if len(head) >= len(tail):
            ordered, first, last = self.forwards, head, tail
        else:
            ordered, first, last = self.backwards, tail[::-1], head[::-1]
        at = bisect_left(ordered, first)
        while at < len(ordered) and ordered[at].startswith(first):
            if ordered[at].endswith(last):
                return True
            at += 1
        return False
