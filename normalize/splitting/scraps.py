"""Rule `rejoin_rare_word`: a stray space inside a rarer word, its two pieces scraps.

`strays.stray_spaces` joins pieces into the words the web tables know well
(JOIN_WORD_COUNT). A rarer word broken in two (`sandb ank`, `grav elly`,
`bri gantine`, `belli gerency`) is as sure a join when neither piece is a word
alone nor a letter alone: two scraps side by side are what no English text
writes. The joined word must be long (JOIN_RARE_MIN_LETTERS), known to the
tables (JOIN_RARE_WORD_COUNT) and score JOIN_GAIN (log10) above its pieces
read in a row after the word before. A piece with a word (`man dem`), short
pieces (`fi di`) and capitals after the first letter stay apart, and a space
that moves where the word is a common pair run together (`betweenth e`:
`gaps.resegmented_spaces`) is left to move; the caller reads only lines that
read as English.

Looked up in the tables' own dictionary, not in `rejoin`'s sorted lists of
join words, which would grow from 67,000 words to 300,000 (19 MB) for them.
"""
from __future__ import annotations

import re
from itertools import compress, islice

from .gaps import word_forms, words_alone
from .lexicon import Lexicon, lexicon
from .segment import segment
from .segment_tuning import GLUED_PAIR_COUNT, JOIN_GAIN, JOIN_RARE_MIN_LETTERS, JOIN_RARE_WORD_COUNT, JOIN_WORD_COUNT
from .shapes import spaced_tokens
from .tuning import TOKENS_KEPT

RULE = "rejoin_rare_word"

# A join's first piece: a token ending in letters, small after the first (brackets or quotes before).
HEAD_RE = re.compile(r"[(\[\"“‘]*([A-Za-z][a-z]+)\Z")
# Its last piece: small letters (one alone not an s, a plural's or a word's own: clumsines s),
# then closing punctuation at most.
TAIL_RE = re.compile(r"([a-z]{2,}|[a-rt-z])[.,;:!?)\]\"”’]*\Z")
# The letters of a word before a join, for its context.
WORD_RE = re.compile(r"[(\[\"“‘]*([A-Za-z]+)[.,;:!?)\]\"”’]*\Z")


def rare_word_joins(line: str, moving=frozenset(), lex: Lexicon | None = None) -> list[int]:
    """Positions in `line` of the stray spaces inside rarer words broken into two
    scraps (not at a space in `moving` where the word is a common pair run together)."""
    if " " not in line:
        return []
    lex = lex or lexicon()
    split = line.split()
    heads, tails = _pieces(split, lex)
    if not (heads and tails and _head_before_tail(split, heads, tails)):
        return []  # (no piece of a join before one: most lines)
    unigrams = lex.unigrams
    tokens = spaced_tokens(line)
    found = []
    for k in range(len(tokens) - 1):
        start, token, spaced = tokens[k]
        if not spaced or token not in heads or tokens[k + 1][1] not in tails:
            continue
        head_match, tail_match = HEAD_RE.search(token), TAIL_RE.match(tokens[k + 1][1])
        if head_match is None or tail_match is None:
            continue
        head, tail = head_match.group(1).lower(), tail_match.group(1)
        word = head + tail
        count = unigrams.get(word, 0.0)
        if not (JOIN_RARE_WORD_COUNT <= count < JOIN_WORD_COUNT and len(word) >= JOIN_RARE_MIN_LETTERS):
            continue
        if found and found[-1] == start - 1:
            continue  # (a token already joined to the one before; `_pieces` holds no word alone)
        if start + len(token) in moving and _glued_pair(word, lex):
            continue  # betweenth e: the space moves (between the), the tables' betweenthe is two words
        before = WORD_RE.match(tokens[k - 1][1]) if k and head_match.start(1) == 0 else None
        context = before.group(1).lower() if before else None
        if lex.score(word, context) - JOIN_GAIN > lex.score(head, context) + lex.score(tail, head):
            found.append(start + len(token))
    return found


# The tokens seen so far, by what they may be in a join: a first piece, a last piece, neither;
# kept for the process's commonest tokens, so that a line costs a few set operations.
HEAD, TAIL = 1, 2
_seen_heads: set[str] = set()
_seen_tails: set[str] = set()
_seen: set[str] = set()


def _head_before_tail(tokens: list[str], heads: set[str], tails: set[str]) -> bool:
    """Whether one of `heads` stands just before one of `tails` in `tokens`
    (`compress` over their memberships: the walk over the line's pairs runs in C)."""
    return any(compress(map(tails.__contains__, islice(tokens, 1, None)), map(heads.__contains__, tokens)))


def _pieces(tokens: list[str], lex: Lexicon) -> tuple[set[str], set[str]]:
    """The tokens that may be a join's first piece and those that may be its
    last: letters (brackets, quotes and closing punctuation around them) that
    are no word alone. (The words alone as written, `word_forms`, are neither,
    and leave in one set operation in C, however new the text.)"""
    line = set(tokens).difference(word_forms(lex))
    new = line - _seen
    if new:
        if len(_seen) > TOKENS_KEPT:
            _seen.clear()
            _seen_heads.clear()
            _seen_tails.clear()
            new = line
        words = words_alone(lex)
        for token in new:
            kind = _kind(token, words)
            if kind & HEAD:
                _seen_heads.add(token)
            if kind & TAIL:
                _seen_tails.add(token)
        _seen.update(new)
    return line & _seen_heads, line & _seen_tails


def _kind(token: str, words: frozenset) -> int:
    """Whether `token` may be a join's first piece (HEAD), its last (TAIL), both or neither."""
    if token.isascii() and token.isalpha():
        # (Letters alone, most tokens: no pattern read; a word is neither piece.)
        if token.lower() in words:
            return 0
        if len(token) == 1:
            return TAIL if token.islower() and token != "s" else 0
        return (HEAD if token[1:].islower() else 0) | (TAIL if token.islower() else 0)
    head, tail = HEAD_RE.search(token), TAIL_RE.match(token)
    return (HEAD if head and head.group(1).lower() not in words else 0) | (
        TAIL if tail and tail.group(1) not in words else 0)


def _glued_pair(word: str, lex: Lexicon) -> bool:
    """Whether the tables' rare `word` is a common pair run together (betweenthe),
    which the web writes apart GLUED_PAIR_COUNT times or more."""
    parts = segment(word)
    return len(parts) == 2 and lex.bigrams.get(" ".join(parts), 0.0) >= GLUED_PAIR_COUNT
