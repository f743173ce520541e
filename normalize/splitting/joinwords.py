"""The gate of `rejoin_words`: what each token is as a join's piece, and
whether any gap of a line can open at all.

A token's facts (`_token_facts`: its letters at each end, whether each is a
word alone, a common one, and whether it begins or ends some word a join may
make, `_JoinWords`) are worked out once per process for its commonest tokens.
In a text that shows no stray space, most lines hold no gap that a join could
take (`_opens_no_gap`), and skip the stage's programme for a set look-up a token.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .gaps import SHORT_WORDS, is_word, known_well
from .lexicon import Lexicon, lexicon
from .segment_tuning import COMMON_PIECE_COUNT, JOIN_WORDS_UNDAMAGED_GAIN, JOIN_WORD_COUNT, MAX_WORD
from .tuning import TOKENS_KEPT

# The first token of a join: the letters that end it; the last: the letters that start it.
FIRST_RE = re.compile(r"[(\[\"“‘]*([A-Za-z]+)\Z")
# A capitalised word glued to small letters before it (ontheInt ernet): the splitter's to part, the
# first piece of a join all the same (else cleaning twice would join what once did not).
GLUED_HEAD_RE = re.compile(r"(?<=[a-z]{2})([A-Z][a-z]+)\Z")
LAST_RE = re.compile(r"([A-Za-z]+)(?:[^A-Za-z=+*/<>^_]|\Z)")



# Tokens that open no gap in a text without stray spaces (`_opens_no_gap`), kept for the process's commonest tokens;
# and those that may (whether one does depends on the token beside), kept alike.
_closed: set[str] = set()
_opening: set[str] = set()


def _opens_no_gap(line: str, written=frozenset()) -> bool:
    """Whether no gap of `line` can open in a text that shows no stray space
    (`_may_open`): most tokens open none on either side, whatever is beside
    them (each end a word, or letterless, or letters that begin or end no
    word), and a line of them skips the programme for a set look-up a token."""
    tokens = line.split()
    loose = set(tokens) - _closed
    if not loose:
        return True
    words = _join_words()
    lex = lexicon()
    for token in loose - _opening:
        # (A plain common word's pieces are itself, a common word: closed, its facts not needed.)
        closed = _plain_word(token) and _common_word(token, lex) and is_word(token, lex)
        if not closed:
            head, head_common, tail, tail_common, _, _, head_starts, tail_ends = _token_facts(token)
            closed = (head is None or head_common or not head_starts) and (tail is None or tail_common or not tail_ends)
        kept = _closed if closed else _opening
        if len(kept) > TOKENS_KEPT:
            kept.clear()
        kept.add(token)
        if closed:
            loose.discard(token)
    if not loose:
        return True
    # Each gap with a loose token on a side, once (two loose tokens share one): `_may_open`
    # (undamaged) written out on each token's two sides, most gaps told by a side that can open none.
    sides = _sides
    for left, right in zip(tokens, tokens[1:]):
        if left in loose or right in loose:
            head = sides.get(left) or _sides_of(left)
            if head[0] is None:
                continue
            tail = sides.get(right) or _sides_of(right)
            if tail[1] is None:
                continue
            head, head_common, head_word = head[0]
            tail, tail_common, tail_word = tail[1]
            if head_common and tail_common or not words.starts(head + tail):
                continue
            if not (head_word and tail_word) or head + tail in written or _clear_join(head, tail):
                return False
    return True


# Each token's two sides as `_opens_no_gap` reads them (`_sides_of`), kept for the process's commonest tokens.
_sides: dict[str, tuple] = {}


def _sides_of(token: str) -> tuple:
    """The token as a gap's left side (its last letters, lower case, whether a common word and
    whether a word alone), None if they begin no join word; and as its right side (its first
    letters, alike), None if they end none: `_may_open`'s facts of each, worked out once."""
    head, head_common, tail, tail_common, head_word, tail_word, head_starts, tail_ends = _token_facts(token)
    found = (None if head is None or not head_starts else (head.lower(), head_common, head_word),
             None if tail is None or not tail_ends else (tail.lower(), tail_common, tail_word))
    if len(_sides) > TOKENS_KEPT:
        _sides.clear()
    _sides[token] = found
    return found


def _may_open(left: tuple, right: tuple, words: "_JoinWords", damaged: bool, written=frozenset()) -> bool:
    """Whether a join may take the gap between a token (`left`'s facts: its last
    letters) and the next (`right`'s: its first letters): their letters begin
    some word the tables know, the right's end one, and (in a text that shows no
    stray space yet) one side is no word alone, or both are words not common
    enough to stand apart and the word they make reads far better (`_clear_join`).
    The line's gate: most lines have no such gap, and skip the programme."""
    head, head_common, _, _, head_word, _, head_starts, _ = left
    _, _, tail, tail_common, _, tail_word, _, tail_ends = right
    if head is None or tail is None or not damaged and head_common and tail_common:
        return False
    lower = tail.lower()
    # (A join word begins with both pieces only if one begins with the first.)
    if not (tail_ends and head_starts and words.starts(head.lower() + lower)):
        return False
    return damaged or not (head_word and tail_word) or head.lower() + lower in written or _clear_join(
        head.lower(), lower)


def _clear_join(head: str, tail: str) -> bool:
    """Whether two words alone make a word the model reads far better than the
    pair (mem ber, wit hin; not tea spoon, them selves): JOIN_WORDS_UNDAMAGED_GAIN."""
    lex = lexicon()
    if head + tail not in known_well(lex):
        return False
    return lex.score(head + tail) - lex.score(head) - lex.score(tail, head) >= JOIN_WORDS_UNDAMAGED_GAIN



@lru_cache(maxsize=TOKENS_KEPT)
def _token_facts(token: str) -> tuple:
    """A token as a join's first piece (its last letters) and last piece (its
    first letters): (first piece, whether a common word alone, last piece,
    whether a common word alone, whether the first is a word alone, whether the
    last is, whether the first begins a join word, whether the last ends one);
    kept for the process's commonest tokens, as the splitter keeps its decisions."""
    lex = lexicon()
    words = _join_words()
    if _plain_word(token):
        # Both pieces are the token: its look-ups made once, not read by the patterns.
        word = is_word(token, lex)
        common = word and _common_word(token, lex)
        lower = token.lower()
        if words.holds(lower, lex):
            return token, common, token, common, word, word, True, True  # (it begins and ends itself)
        return token, common, token, common, word, word, words.starts(lower), words.ends(lower)
    first, last = _first_piece(token), _last_piece(token)
    first_word, last_word = first is not None and is_word(first, lex), last is not None and is_word(last, lex)
    # (A piece that is a join word begins and ends one: a look-up, no search.)
    return (first, first_word and _common_word(first, lex), last, last_word and _common_word(last, lex),
            first_word, last_word,
            first is not None and (words.holds(first.lower(), lex) or words.starts(first.lower())),
            last is not None and (words.holds(last.lower(), lex) or words.ends(last.lower())))


def _plain_word(token: str) -> bool:
    """Whether `token` is ASCII letters alone, small after the first: both its
    pieces are the whole token (`_first_piece`, `_last_piece`), the line's commonest case."""
    return token.isascii() and token.isalpha() and (token.islower() or token[1:].islower())


def _common_word(word: str, lex: Lexicon) -> bool:
    """Whether the word alone `word` is common enough that, in a text that shows
    no stray space, no join opens beside another such (`a part`, `tea spoon`);
    rarer words may be a broken word's pieces (`mem ber`, `wit hin`)."""
    return len(word) <= 2 or lex.unigrams.get(word.lower(), 0.0) >= COMMON_PIECE_COUNT


class _JoinWords:
    """The words a join may make (the tables' words of JOIN_WORD_COUNT or more,
    and the short words), sorted forwards and backwards: whether a string
    begins or ends one is a binary search, in two lists of the words themselves."""

    def __init__(self, words: list[str]) -> None:
        # (Tuples: the cyclic garbage collector stops walking a tuple of strings once it has seen
        # it, where it would walk a list of 67,000 at every full collection.)
        self.forwards = tuple(sorted(words))
        self.backwards = tuple(sorted(word[::-1] for word in words))

    @staticmethod
    def holds(word: str, lex: Lexicon) -> bool:
        """Whether the lower-case `word` is one of the words (a look-up, no search)."""
        return len(word) <= MAX_WORD and word in known_well(lex) or word in SHORT_WORDS

    def starts(self, letters: str) -> bool:
        ordered = self.forwards
        at = bisect_left(ordered, letters)
        return at < len(ordered) and ordered[at].startswith(letters)

    def ends(self, letters: str) -> bool:
        ordered, letters = self.backwards, letters[::-1]
        at = bisect_left(ordered, letters)
        return at < len(ordered) and ordered[at].startswith(letters)


@lru_cache(maxsize=1)
def _join_words() -> _JoinWords:
    lex = lexicon()
    # (As `_JoinWords.holds` reads them.)
    return _JoinWords([w for w, count in lex.unigrams.items() if count >= JOIN_WORD_COUNT and len(w) <= MAX_WORD]
                      + list(SHORT_WORDS))


def _first_piece(token: str) -> str | None:
    match = GLUED_HEAD_RE.search(token) or FIRST_RE.match(token)
    return match.group(1) if match else None


def _last_piece(token: str) -> str | None:
    match = LAST_RE.match(token)
    return match.group(1) if match else None
