"""The gate of `rejoin_words`: what each token is as a join's piece, and
whether any gap of a line can open at all.

A token's facts (`_token_facts`: its letters at each end, whether each is a
word alone, a common one, and whether it begins or ends some word a join may
make, `_JoinWords`, and so its sides as a gap's) are worked out once per
process for its commonest tokens. In a text that shows no stray space, most
lines hold no gap that a join could take (`_opens_no_gap`), and skip the
stage's programme for a set look-up a token. The common words alone, small
or capitalised, are closed from the start (`_closed_words`, made with the
tables), so that a text never seen before costs the facts of its rarer
tokens only; and a gap is asked only beside a token that may open on that side.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, islice

from .gaps import SHORT_WORDS, known_well, words_alone
from .lexicon import Lexicon, lexicon
from .segment_tuning import COMMON_PIECE_COUNT, JOIN_WORDS_UNDAMAGED_GAIN, JOIN_WORD_COUNT, MAX_WORD
from .sorted_words import SortedWords
from .tuning import TOKENS_KEPT

# The first token of a join: the letters that end it (after a hyphen between letters, the last piece
# of a hyphenated word: south-wes tern; after a number, a capitalised word's first letters: 14Febr uary);
# the last: the letters that start it.
FIRST_RE = re.compile(r"(?:[(\[\"“‘]*|.*[A-Za-z]-|[0-9]+(?=[A-Z]))([A-Za-z]+)\Z")
# A capitalised word glued to small letters before it (ontheInt ernet): the splitter's to part, the
# first piece of a join all the same (else cleaning twice would join what once did not).
GLUED_HEAD_RE = re.compile(r"(?<=[a-z]{2})([A-Z][a-z]+)\Z")
LAST_RE = re.compile(r"([A-Za-z]+)(?:[^A-Za-z=+*/<>^_]|\Z)")


# Tokens that open no gap in a text without stray spaces (`_opens_no_gap`), kept for the process's commonest tokens;
# and those that may (whether one does depends on the token beside), kept alike, by the side that may: a token
# whose letters as a gap's left are no common word (`_token_facts`), and one whose letters as a gap's right are
# none. (Sets, not an lru_cache: a line's tokens less the closed ones is one set operation, where a cached call a
# token, even called from C by itertools.filterfalse, cost 10 ms more a pass over dev's 5,021 lines, a tenth of
# the gate's time.)
_closed: set[str] = set()
_opens_left: set[str] = set()
_opens_right: set[str] = set()


def _opens_no_gap(line: str, written=frozenset()) -> bool:
    """Whether no gap of `line` can open in a text that shows no stray space
    (`_may_open`): most tokens open none on either side, whatever is beside
    them (each end a word, or letterless, or letters that begin or end no
    word), and a line of them skips the programme for a set look-up a token."""
    tokens = line.split()
    loose = set(tokens).difference(_closed_words(), _closed)
    if not loose:
        return True
    new = loose.difference(_opens_left, _opens_right)
    if new:
        _learn(new)
        loose.difference_update(_closed)
        if not loose:
            return True
    # A gap opens only where a side is no common word (`_may_open`): after a token that opens
    # on its left side, or before one that opens on its right.
    words = _join_words()
    begins = words.beginnings
    for k in _gaps_beside(tokens, loose & _opens_left, loose & _opens_right):
        head = _token_facts(tokens[k])[2]
        tail = None if head is None else _token_facts(tokens[k + 1])[3]
        # (`_may_open`'s first questions asked here: most of a line's gaps end at the screen, 40,000 calls less.)
        if tail is None or head[1] and tail[1] or head[0] + tail[0] not in begins:
            continue
        if _may_open(head, tail, words, False, written):
            return False
    return True


def _learn(tokens: set[str]) -> None:
    """Put each of `tokens` (none a plain common word, `_closed_words`) among
    the closed tokens or those that open on a side, by its facts."""
    for token in tokens:
        _, _, left, right = _token_facts(token)
        opens_left = left is not None and not left[1]
        opens_right = right is not None and not right[1]
        for kept, holds in ((_closed, not (opens_left or opens_right)), (_opens_left, opens_left),
                            (_opens_right, opens_right)):
            if holds:
                if len(kept) > TOKENS_KEPT:
                    kept.clear()
                kept.add(token)


def _gaps_beside(tokens: list[str], lefts: set, rights: set) -> set[int]:
    """The gaps (k: between tokens k and k + 1) after one of `lefts` or before one
    of `rights`. (`compress` over the tokens' memberships: the walk runs in C,
    where a Python loop over a line's gaps, or `list.index` a token, cost more
    than the checks themselves.)"""
    gaps = range(len(tokens) - 1)
    return set(compress(gaps, map(lefts.__contains__, tokens))).union(
        compress(gaps, map(rights.__contains__, islice(tokens, 1, None))))


@lru_cache(maxsize=1)
def _closed_words() -> frozenset:
    """The plain tokens (`_plain_word`) that open no gap: the common words alone
    (`_common_word`, `is_word`), small or capitalised; made once, when the tables
    load, so that a line's commonest tokens leave it in one set operation in C
    however new the text (`_closed` holds only the tokens seen before)."""
    common = [word for word in _words_alone()[1] if word.isascii() and word.isalpha()]
    return frozenset(common + [word[0].upper() + word[1:] for word in common if len(word) > 1])


@lru_cache(maxsize=1)
def _words_alone() -> tuple[frozenset, frozenset]:
    """The words alone (`is_word`, lower case) and the common ones among them
    (`_common_word`): a piece's side as two look-ups (`_side`), made when the tables load."""
    lex = lexicon()
    words = words_alone(lex)
    return words, frozenset(word for word in words if _common_word(word, lex))


def _may_open(left: tuple | None, right: tuple | None, words: "_JoinWords", damaged: bool,
              written=frozenset()) -> bool:
    """Whether a join may take the gap between a token (`left`: its side as a
    gap's left, `_token_facts`) and the next (`right`: its side as a gap's
    right): their letters begin some word the tables know, the right's end
    one, and (in a text that shows no stray space yet) one side is no word
    alone, or both are words not common enough to stand apart and the word
    they make reads far better (`_clear_join`), or one the text writes whole.
    The line's gate: most lines have no such gap, and skip the programme."""
    if left is None or right is None:
        return False
    head, head_common, head_word = left
    tail, tail_common, tail_word = right
    if not damaged and head_common and tail_common or not words.starts(head + tail):
        return False
    return damaged or not (head_word and tail_word) or head + tail in written or _clear_join(head, tail)


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
    first letters): (the first piece, the last piece, as the token writes
    them; the token as a gap's left side: the first piece in lower case,
    whether a common word alone and whether a word alone, None if it begins no
    join word; as a gap's right side: the last piece, alike, None if it ends
    none); kept for the process's commonest tokens, as the splitter keeps its decisions."""
    lex = lexicon()
    words = _join_words()
    if _plain_word(token):
        # Both pieces are the token: its look-ups made once, not read by the patterns.
        lower = token.lower()
        side = _side(lower)
        if words.holds(lower, lex):
            return token, token, side, side  # (it begins and ends itself)
        return token, token, side if words.starts(lower) else None, side if words.ends(lower) else None
    first, last = _first_piece(token), _last_piece(token)
    # (A piece that is a join word begins and ends one: a look-up, no search.)
    left = right = None
    if first is not None and (words.holds(lower := first.lower(), lex) or words.starts(lower)):
        left = _side(lower)
    if last is not None and (words.holds(lower := last.lower(), lex) or words.ends(lower)):
        right = _side(lower)
    return first, last, left, right


def _side(lower: str) -> tuple[str, bool, bool]:
    """A token's piece (ASCII letters, `lower` in lower case) as a gap's side:
    its letters, whether a common word alone (`_common_word`), whether a word
    alone (`is_word`); two look-ups, every new token asking them."""
    words, common = _words_alone()
    return lower, lower in common, lower in words


def _plain_word(token: str) -> bool:
    """Whether `token` is ASCII letters alone, small after the first: both its
    pieces are the whole token (`_first_piece`, `_last_piece`), the line's commonest case."""
    return token.isascii() and token.isalpha() and (token.islower() or token[1:].islower())


def _common_word(word: str, lex: Lexicon) -> bool:
    """Whether the word alone `word` is common enough that, in a text that shows
    no stray space, no join opens beside another such (`a part`, `tea spoon`);
    rarer words may be a broken word's pieces (`mem ber`, `wit hin`)."""
    return len(word) <= 2 or lex.unigrams.get(word.lower(), 0.0) >= COMMON_PIECE_COUNT


class _JoinWords(SortedWords):
    """The words a join may make (the tables' words of JOIN_WORD_COUNT or more,
    and the short words), sorted forwards and backwards: whether a string
    begins or ends one is a binary search, in two lists of the words themselves."""

    @staticmethod
    def holds(word: str, lex: Lexicon) -> bool:
        """Whether the lower-case `word` is one of the words (a look-up, no search)."""
        return len(word) <= MAX_WORD and word in known_well(lex) or word in SHORT_WORDS


@lru_cache(maxsize=1)
def _join_words() -> _JoinWords:
    lex = lexicon()
    # (As `_JoinWords.holds` reads them.)
    return _JoinWords([w for w, count in lex.unigrams.items() if count >= JOIN_WORD_COUNT and len(w) <= MAX_WORD]
                      + list(SHORT_WORDS), screened=True)


def _first_piece(token: str) -> str | None:
    match = GLUED_HEAD_RE.search(token) or FIRST_RE.match(token)
    return match.group(1) if match else None


def _last_piece(token: str) -> str | None:
    match = LAST_RE.match(token)
    return match.group(1) if match else None
