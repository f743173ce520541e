"""Words sorted forwards and, spelt backwards, sorted again (`SortedWords`):
whether one of them begins or ends with some letters is a binary search, and
whether one does both a search on the longer side and a short scan of the
words that share it. `joinwords` asks it of the words a join may make,
`slips` of the common words of each length.
"""
from __future__ import annotations

from bisect import bisect_left

from .tuning import SCREEN_BITS


class SortedWords:
    """Words, sorted forwards and, spelt backwards, sorted again; with
    `screened`, also a screen of their beginnings and ends (`beginnings`,
    `endings`: `Screen`, `letters not in` it sure, `in` to be confirmed),
    for lists asked mostly of letters that begin or end none."""

    def __init__(self, words, screened: bool = False) -> None:
        words = list(words)
        # (Tuples: the cyclic garbage collector stops walking a tuple of strings once it has seen
        # it, where it would walk a list of 67,000 at every full collection.)
        self.forwards = tuple(sorted(words))
        self.backwards = tuple(sorted(word[::-1] for word in words))
        # (Every beginning and end, the empty one too: the screen answers as the search would.)
        self.beginnings = Screen.of_beginnings(self.forwards) if screened else None
        self.endings = Screen.of_beginnings(self.backwards, spelt_backwards=True) if screened else None

    def starts(self, letters: str) -> bool:
        """Whether some word begins with `letters`."""
        if self.beginnings is not None and letters not in self.beginnings:
            return False
        ordered = self.forwards
        at = bisect_left(ordered, letters)
        return at < len(ordered) and ordered[at].startswith(letters)

    def ends(self, letters: str) -> bool:
        """Whether some word ends with `letters`."""
        if self.endings is not None and letters not in self.endings:
            return False
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


class Screen:
    """Strings, as a table of one bit a hash slot (SCREEN_BITS of the hash):
    `letters not in screen` is sure (none of the strings is `letters`), `in`
    may be wrong (another string's slot: about 4 in a hundred for the join
    words' 330,000 beginnings and ends), so a search confirms it. A few
    operations in C where the search costs two method calls and a bisection:
    `rejoin` asks 40,000 gaps of dev's first sight whether their letters begin
    a join word, and 300 do. A bit a slot, 1 MB a table: the beginnings and
    ends as sets would take 23 MB, over the memory goal. (Python's string
    hashes differ between processes, so the table is made in the process that
    reads it, never stored.)"""

    def __init__(self, strings) -> None:
        self._mask = mask = (1 << SCREEN_BITS) - 1
        slots = bytearray(1 << (SCREEN_BITS - 3))
        for string in strings:
            slot = hash(string) & mask
            slots[slot >> 3] |= 1 << (slot & 7)
        self._slots = bytes(slots)

    @classmethod
    def of_beginnings(cls, ordered: tuple[str, ...], spelt_backwards: bool = False) -> "Screen":
        """The screen of every beginning of the sorted words `ordered`, the empty
        one too (with `spelt_backwards`, words spelt backwards: of every end of
        the words, spelt forwards). A word's beginnings that it shares with the
        word before are in already, and are not hashed again: a third of the
        work, which made the join words' two screens 0.3 s of the tables' load.
        (One loop, no generator: the build is a loop over 330,000 strings.)"""
        screen = cls(())
        mask, slots = screen._mask, bytearray(screen._slots)
        if ordered:
            slot = hash("") & mask  # (every word begins with it)
            slots[slot >> 3] |= 1 << (slot & 7)
        before = ""
        for word in ordered:
            shared, most = 0, min(len(word), len(before))
            while shared < most and word[shared] == before[shared]:
                shared += 1
            for end in range(shared + 1, len(word) + 1):
                slot = hash(word[end - 1::-1] if spelt_backwards else word[:end]) & mask
                slots[slot >> 3] |= 1 << (slot & 7)
            before = word
        screen._slots = bytes(slots)
        return screen

    def __contains__(self, letters: str) -> bool:
        slot = hash(letters) & self._mask
        return self._slots[slot >> 3] >> (slot & 7) & 1 == 1
