"""Rule `rejoin_split_capital`: a stray space after a word's capital (`N ovember`, `B ortelli`).

A capital letter alone, then small letters that the web tables never write
as a word (`ortelli`, `arnsworth`), or that make, with the capital, a word
the tables know better than those letters alone (`N ovember`, `S imple`): the
capital is the word's own, split off by a stray space. No English text writes
a lone capital before a scrap; a capital before a word stays (`T cells`,
`X rays`, `F or Esc`, `E mail`: a letter's name before a common word,
FUNCTION_WORD_COUNT), as do `A`, `I` and `O` (words of their own, and an
article in Portuguese), a name's particle (`J de Vries`), capitals in a row
(initials, or letters spaced out: left to `rejoin_letter_spaced`), an initial
with its stop (`J. Smith`) and a capital after a formula's symbols (`= K
isnormal`). The caller reads only lines that read as English, and leaves a
paragraph's first letter alone to the drop-cap check (`rejoin._after_drop_cap`).
"""
from __future__ import annotations

import re

from .lexicon import Lexicon, lexicon
from .segment_tuning import FUNCTION_WORD_COUNT, JOIN_RARE_WORD_COUNT
from .shapes import spaced_tokens
from .words import NAME_PREFIXES

RULE = "rejoin_split_capital"

# A capital that is no word alone (not A, I or O).
LONE_CAPITAL_RE = re.compile(r"[(\[\"“‘]*[B-HJ-NP-Z]\Z")
# The rest of the word: small letters, then closing punctuation at most.
REST_RE = re.compile(r"([a-z]{2,})[.,;:!?)\]\"”’]*\Z")
# A letter or a digit: what a token before a name holds, and a formula's symbols do not.
WORD_CHAR_RE = re.compile(r"[^\W_]")
# What every such join holds: a capital alone before a space, then a small letter. (The
# look-behind after the capital, which it spans: a pattern that opens with a class of
# characters is scanned for them, one that opens with a look-behind tried at every
# character, 25 against 8 ms over dev's lines.)
LONE_CAPITAL_HINT_RE = re.compile(r"[B-HJ-NP-Z](?<![^\s(\[\"“‘][B-HJ-NP-Z]) [a-z]")


def capital_joins(line: str, lex: Lexicon | None = None) -> list[int]:
    """Positions in `line` of the stray spaces between a word's capital and its rest."""
    if " " not in line or LONE_CAPITAL_HINT_RE.search(line) is None:
        return []  # (no capital alone before a space: most lines)
    unigrams = (lex or lexicon()).unigrams
    tokens = spaced_tokens(line)
    found = []
    for k in range(len(tokens) - 1):
        start, token, spaced = tokens[k]
        if not spaced or LONE_CAPITAL_RE.match(token) is None:
            continue
        if k and (LONE_CAPITAL_RE.match(tokens[k - 1][1]) or not WORD_CHAR_RE.search(tokens[k - 1][1])):
            continue  # initials, capitals spaced out one by one (J R Hartley, S P O R T S), a formula's symbols
        rest = REST_RE.match(tokens[k + 1][1])
        if rest is None or rest.group(1) in NAME_PREFIXES:
            continue
        alone = unigrams.get(rest.group(1), 0.0)
        if alone >= FUNCTION_WORD_COUNT:
            continue  # F or Esc, T here, E mail: a letter's name before a common word
        whole = unigrams.get(token[-1].lower() + rest.group(1), 0.0)
        if not alone or (whole >= JOIN_RARE_WORD_COUNT and whole > alone):
            found.append(start + len(token))
    return found
