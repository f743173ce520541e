"""Rules `rejoin_broken_word` and `rejoin_letter_spaced`: the programme over a
line's tokens that finds its stray spaces (`stray_spaces`), for `rejoin`.

Each step keeps a token as it is or joins it with the tokens before it into one
word the web tables know well (`gaps.joined`); the windows a join may take are
found before anything is scored (`_join_windows`), most lines having none
(`joinwords._opens_no_gap`).
"""
from __future__ import annotations

import re

from . import spelt
from .gaps import joined, spelt_rare
from .joinwords import _join_words, _may_open, _opens_no_gap, _token_facts
from .lexicon import Lexicon, lexicon
from .shapes import MATH_RE, spaced_tokens
from .segment_tuning import COMMON_PIECE_COUNT, JOIN_MAX_PIECES, LONE_LETTER_COST, SHORT_WORD_LETTERS, SYMBOL_RUN_LETTERS

BROKEN_WORD = "rejoin_broken_word"
LETTER_SPACED = "rejoin_letter_spaced"
HYPHENATED = "rejoin_hyphenated"

# A token as a word: opening brackets or quotes, letters, closing punctuation.
CORE_RE = re.compile(r"[(\[\"“‘]*([A-Za-z]+)(?:[.,;:!?)\]\"”’-]*|['’]s)\Z")
# An inner piece of a word spelt out that holds its line end's hyphen: -, -pl, n-.
INNER_HYPHEN_RE = re.compile(r"-|-[a-z]+|[a-z]+-")


def stray_spaces(line: str, damaged: bool = True, lex: Lexicon | None = None,
                 written=frozenset()) -> list[tuple[int, str]]:
    """Positions of the stray spaces in `line`, with the rule that found each
    (`damaged`: the text shows stray spaces elsewhere, so two words may be one;
    `written`: the words the text writes whole, lower case: a join into one of
    them is judged as in a damaged text, `How ard` beside `Howard`).

    A dynamic programme over the line's tokens: each step either keeps a token
    as it is or joins it with up to JOIN_MAX_PIECES - 1 tokens before it into
    one word, scoring words with the model (a word after the word before it)
    and each join with a cost; the best reading's joins are the stray spaces.
    A window grows leftwards only while its letters after the first token end
    some word the tables know (`_JoinWords`), so a line costs a few steps a token."""
    runs = spelt.spelt_out_runs(line)
    if not damaged and _opens_no_gap(line, written):
        return spelt.spelt_out(line, runs, [])
    tokens = spaced_tokens(line)
    if len(tokens) < 2:
        return []
    lex = lex or lexicon()
    words = _join_words()
    # Each token as a join's first piece (its last letters) and as its last piece (its first
    # letters), and as a gap's two sides.
    facts = [_token_facts(token) for _, token, _ in tokens]
    if not any(_may_open(facts[k][2], facts[k + 1][3], words, damaged, written) for k in range(len(tokens) - 1)
               if tokens[k][2]):
        return spelt.spelt_out(line, runs, [])
    math = MATH_RE.search(line) is not None  # a formula's lone letters are symbols (λ j u j u j H)
    joins = _join_windows(tokens, facts, words, lex, damaged, written, math)
    if not joins:
        return spelt.spelt_out(line, runs, [])  # (no window makes a word: the best reading keeps every token)
    cores = [_core(token) for _, token, _ in tokens]
    # (A hyphenated word's last piece, no common word, opening a join, Oslo-bas ed: the token unread as a
    # word scores nothing kept, so the join is read against that piece; not one-off ice: COMMON_PIECE_COUNT.)
    opened = [lex.score(facts[k][0].lower()) if cores[k] is None and facts[k][0] and "-" in tokens[k][1]
              and lex.unigrams.get(facts[k][0].lower(), 0.0) < COMMON_PIECE_COUNT else 0.0 for k in range(len(tokens))]
    n = len(tokens)
    best = [0.0] * (n + 1)
    start_of = [0] * (n + 1)  # where the last word of the best reading up to j starts
    last = [None] * (n + 1)  # that word, lower case (None: no word to condition on)
    for j in range(1, n + 1):
        core = cores[j - 1]
        word = core.lower() if core is not None else None
        best[j] = best[j - 1] + (lex.score(word, last[j - 1]) if word is not None else 0.0)
        if word is not None and len(word) == 1 and word not in "ai" and core.islower() and not math:
            best[j] -= LONE_LETTER_COST  # a small letter alone is seldom a word of prose (use d, Pseudomorphu s)
        start_of[j], last[j] = j - 1, word
        for i, join in joins.get(j, ()):
            total = best[i] + lex.score(join[0], last[i]) - join[1] - opened[i]
            if total > best[j]:
                best[j], start_of[j], last[j] = total, i, join[0]
    found: list[tuple[int, str]] = []
    j = n
    while j:
        i = start_of[j]
        if i < j - 1:
            rule = LETTER_SPACED if all(sum(map(str.isalpha, t)) == 1 for _, t, _ in tokens[i:j]) else BROKEN_WORD
            # (A space beside the hyphen of a word spelt out is a hyphen's: r e - c o r d; not one after
            # a hyphenated word whose last piece opens a broken word, north-wester n.)
            found += [(tokens[k][0] + len(tokens[k][1]), HYPHENATED if INNER_HYPHEN_RE.fullmatch(tokens[k][1])
                       or INNER_HYPHEN_RE.fullmatch(tokens[k + 1][1]) else rule) for k in range(i, j - 1)]
        j = i
    return spelt.spelt_out(line, runs, sorted(found))


def _join_windows(tokens: list, facts: list, words, lex: Lexicon, damaged: bool, written, math: bool) -> dict:
    """The programme's joins, found before it scores anything: for each j, the
    windows of tokens i .. j-1 that make a word (`joined`), as (i, the join),
    i from the right. A window grows leftwards only while its letters after
    the first token end some word the tables know (`_JoinWords`)."""
    joins: dict[int, list] = {}
    for j in range(1, len(tokens) + 1):
        tail = facts[j - 1][1]
        # (Whether the last piece alone ends a join word is one of its facts, its side as a gap's right: no search.)
        if facts[j - 1][3] is None or j < 2 or not tokens[j - 2][2]:
            continue
        rest = [tail]  # the pieces after the window's first token, first to last
        hyphened = False  # whether an inner token holds a line end's hyphen (r e - c o r d, f ou -nd ed)
        # (Pieces of two letters at most may spell out a rarer word, which no join word ends: whether
        # every piece of `rest` is so, kept as pieces join it.)
        short = len(tail) <= SHORT_WORD_LETTERS
        for i in range(j - 2, max(-1, j - 1 - JOIN_MAX_PIECES), -1):
            if len(rest) > 1 and (not tokens[i][2] or not (short or words.ends("".join(rest).lower()))):
                break
            head = facts[i][0]
            # (`joined` makes only a join word, `_JoinWords.holds`: most windows make none, a look-up tells.)
            letters = None if head is None else (head + "".join(rest)).lower()
            if letters is not None and (words.holds(letters, lex) or short and spelt_rare([head, *rest])
                                        and _whole_run(tokens, i, j)):
                at_start = i == 0 or tokens[i - 1][1].endswith((".", "!", "?"))
                pieces = [head, *rest]
                join = None if math and _among_symbols(tokens, i, j) or hyphened and not _spelt(pieces) else joined(
                    pieces, lex, damaged or letters in written, at_start)
                if join is not None:
                    joins.setdefault(j, []).append((i, join))
            inner = tokens[i][1]
            if not hyphened and INNER_HYPHEN_RE.fullmatch(inner):
                # (The hyphen stays; its letters are the word's: c o n t r a s t - i n g.)
                hyphened = True
                inner = inner.strip("-")
                if not inner:
                    continue
            if not (inner.isascii() and inner.isalpha() and (inner.islower() or len(inner) == 1)):
                break
            rest.insert(0, inner)
            short = short and len(inner) <= SHORT_WORD_LETTERS
    return joins


def _whole_run(tokens: list, i: int, j: int) -> bool:
    """Whether tokens i .. j-1 are a whole run of short pieces: no piece of two
    letters at most beside them, or a stop after them (v e l o ci t y.;
    not o r g a n i z a t i o n a l is t, where the run goes on)."""
    before = i == 0 or len(tokens[i - 1][1]) > SHORT_WORD_LETTERS
    after = j == len(tokens) or not tokens[j - 1][1][-1].isalpha() or len(tokens[j][1]) > SHORT_WORD_LETTERS
    return before and after


def _spelt(pieces: list[str]) -> bool:
    """Whether `pieces` hold a letter alone (not a or i): a word spelt out, whose
    hyphen is a line end's (r e - c o r d), not a dash between words (re - enter)."""
    return any(len(p) == 1 and p.lower() not in "ai" for p in pieces)


def _among_symbols(tokens: list, i: int, j: int) -> bool:
    """Whether tokens i .. j-1, each one letter, have a lone letter or sign
    beside them, on a line with a formula: variables (λ j u j u j H, H i j),
    not a word spelt out (S P O R T S, i n t e r e s t: longer than a symbol run)."""
    if j - i > SYMBOL_RUN_LETTERS or any(len(tokens[k][1]) != 1 for k in range(i, j)):
        return False
    before = i > 0 and tokens[i - 1][2] and len(tokens[i - 1][1]) == 1
    after = j < len(tokens) and tokens[j - 1][2] and len(tokens[j][1]) == 1
    return before or after


def _core(token: str) -> str | None:
    """The letters of a token that reads as a word with punctuation around it."""
    match = CORE_RE.match(token)
    return match.group(1) if match else None
