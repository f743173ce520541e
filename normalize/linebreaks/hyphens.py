"""Hyphens that only break a word: at a line end (`inter-\\nnational`) and soft ones.

A line that ends in a hyphen after letters, with letters opening the next
line, is read one of three ways:

- `line_end_hyphen`: the hyphen only broke a word, and goes with the line
  break (`inter-\\nnational` -> `international`). The joined word is what the
  document writes elsewhere, or a word the web tables know well whose pieces
  the web does not write as a pair of words nearly as often.
- `line_end_compound`: the hyphen belongs to the word, and only the line
  break goes (`well-\\nknown` -> `well-known`). The document writes the
  hyphenated form elsewhere, or hyphenates the same first part (`anti-spam`
  beside `anti-\\nvirus`); or the pieces are each a word and the web does not
  write them joined nearly as often as apart; or the second piece opens with
  a capital or a digit (`Franco-\\nGerman`), the first is a single letter
  (`e-\\nmail`) or the word holds other hyphens (`state-of-the-\\nart`).
  A first piece that is no word (nor a prefix such as `co`, `ex`) opens no
  compound: the pieces are a word's halves (a name the tables lack: `Pe-\\ndrazzi`).
- neither (a word, then no word, the joined form unknown: `nerve-\\nwracking`,
  `Der-\\ngarabedian`): left as written.

Either way the word is whole on the first line, and the line break moves to
the space after it (`international\\ncommunity`), so that the text keeps its
lines; where `unwrap` joins the lines, the break just goes. Soft hyphens
(U+00AD, invisible marks of where a word may break) go from inside words
(`soft_hyphen`) and, at a line end, always join the word.

Never acts across a blank line or before a list item, and never removes
anything but a hyphen at a line end, a soft hyphen and whitespace.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import regex

from ..splitting.gaps import is_word
from ..splitting.lexicon import lexicon
from ..splitting.words import HYPHEN_PREFIXES
from .blocks import opens_list_item
from .tuning import COMPOUND_JOINED_RATIO, LINE_END_WORD_COUNT, PAIR_FLOOR_COUNT, STYLE_PART_LETTERS

JOINED = "line_end_hyphen"
COMPOUND = "line_end_compound"
SOFT = "soft_hyphen"
SOFT_HYPHEN = "\u00ad"

# A hyphen or a soft hyphen after letters at a line end, the next line opening with letters;
# the gap holds one line end, so it never spans a blank line. Letters of the alphabets that
# break words at a line end with a hyphen (Latin, Greek, Cyrillic): a hyphen after Japanese or
# Chinese is a dash between words (サイト-さくら-).
LINE_END_HYPHEN_RE = regex.compile(
    r"""
    (?P<head> [\p{Latin}\p{Greek}\p{Cyrillic}]+ )
    (?P<mark> [-\u00ad] )
    (?P<gap> [ \t]* \n [ \t]* )
    (?= (?P<tail> [\p{Latin}\p{Greek}\p{Cyrillic}]+ ) )
    """,
    regex.VERBOSE,
)
# Name prefixes written closed, their capital inside the name (McDonald, MacLeod, DiCaprio; not
# Al-Qaeda, St-Etienne).
CLOSED_NAME_PREFIXES = frozenset({"Mc", "Mac", "Di"})
# Soft hyphens inside a word.
SOFT_HYPHEN_RE = regex.compile(r"(?<=[^\W\d_])\u00ad+(?=[^\W\d_])")
# A word as the document writes it, hyphens inside it included (the evidence read).
WORD_RE = regex.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The token a line opens with: to its first whitespace.
TOKEN_RE = regex.compile(r"\S*")
# Where any of this stage's hyphens could be: most texts have none, and skip the rest.
ANY_HYPHEN_BREAK_RE = regex.compile(r"[-\u00ad][ \t]*\n")


class HyphenBreak(NamedTuple):
    """A hyphen at a line end: where the hyphen is, where its line break is,
    where the next line's letters start, where the word they open ends, and
    the rule that reads it (None: left as written)."""

    mark: int
    newline: int
    gap_end: int
    word_end: int
    rule: str | None


def soft_hyphens(text: str) -> list[tuple[int, int, str, str]]:
    """Spans (start, end, "", SOFT) of the soft hyphens inside words."""
    if SOFT_HYPHEN not in text:
        return []
    return [(m.start(), m.end(), "", SOFT) for m in SOFT_HYPHEN_RE.finditer(text)]


def hyphen_breaks(text: str) -> list[HyphenBreak]:
    """Every hyphen at a line end between letters, in order, each with its rule."""
    if ANY_HYPHEN_BREAK_RE.search(text) is None:
        return []
    found = []
    evidence = None
    for hint in ANY_HYPHEN_BREAK_RE.finditer(text):
        # Read each hyphen at a line end where it is, the letters before it from there
        # (a search for the whole pattern would try every letter of every word).
        mark = hint.start()
        match = LINE_END_HYPHEN_RE.match(text, mark - _head_length(text, mark))
        if match is None or match.start("mark") != mark:
            continue
        gap_end = match.end("gap")
        newline = text.index("\n", mark)
        if opens_list_item(text, newline + 1):
            continue  # `a) item`: a list, not a word's second half
        word_end = TOKEN_RE.match(text, gap_end).end()
        if match.group("mark") == SOFT_HYPHEN:
            rule = JOINED
        else:
            if evidence is None:
                evidence = _Evidence(text)
            before = text[match.start() - 1] if match.start() else ""
            after = text[match.end("tail") : match.end("tail") + 2]
            rule = _rule(match.group("head"), match.group("tail"), before, after, evidence)
        found.append(HyphenBreak(mark, newline, gap_end, word_end, rule))
    return found


def _head_length(text: str, mark: int) -> int:
    """How many letters run up to `mark`."""
    start = mark
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return mark - start


class _Evidence:
    """What the document writes itself: its words (hyphenated ones whole),
    and the first and last parts of its hyphenated words. Line-end hyphens
    are no evidence: they are what is being decided."""

    def __init__(self, text: str) -> None:
        self.words: Counter[str] = Counter(WORD_RE.findall(text.lower()))
        self.heads: set[str] = set()
        self.tails: set[str] = set()
        for word in self.words:
            if "-" in word:
                parts = word.split("-")
                self.heads.update(parts[:-1])
                self.tails.update(parts[1:])


def _rule(head: str, tail: str, before: str, after: str, evidence: _Evidence) -> str | None:
    """JOINED, COMPOUND or None for the hyphen between `head` (the letters
    ending a line) and `tail` (those opening the next); `before` is the
    character before `head`, `after` the two after `tail`."""
    if before == "-" or before.isalnum() or (after[:1] == "-" and after[1:].isalpha()):
        return COMPOUND  # one of several hyphens: state-of-the-\nart, 3D-\nprinted, multi-\nyear-old
    if len(head) == 1:
        return COMPOUND  # e-\nmail, T-\nshirt, x-\nray
    if not tail[0].islower() and not (head.isupper() and tail.isupper()):
        if head in CLOSED_NAME_PREFIXES and tail[1:].islower():
            return JOINED  # Mc-\nDonald, Di-\nCaprio: a name's prefix, its capital inside the name
        return COMPOUND  # Franco-\nGerman, anti-\nAmerican (a word's second half opens small)
    joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
    as_joined, as_hyphenated = evidence.words[joined], evidence.words[hyphenated]
    if as_joined != as_hyphenated:
        return JOINED if as_joined > as_hyphenated else COMPOUND
    head, tail = head.lower(), tail.lower()
    if (head in evidence.heads and len(head) >= STYLE_PART_LETTERS
            or tail in evidence.tails and len(tail) >= STYLE_PART_LETTERS):
        return COMPOUND  # the document hyphenates this part elsewhere: anti-spam, anti-\nvirus
    return _lexicon_rule(head, tail)


@lru_cache(maxsize=4096)
def _lexicon_rule(head: str, tail: str) -> str | None:
    """The rule the web tables give a line end's pieces (lower case)."""
    lex = lexicon()
    joined = lex.unigrams.get(head + tail, 0.0)
    head_word = is_word(head, lex) or head in HYPHEN_PREFIXES
    tail_word = is_word(tail, lex)
    if joined >= LINE_END_WORD_COUNT:
        pair = max(lex.bigrams.get(f"{head} {tail}", 0.0), PAIR_FLOOR_COUNT)
        if head_word and tail_word and joined < COMPOUND_JOINED_RATIO * pair:
            return COMPOUND  # well known, anti virus: a pair the web writes apart often enough
        return JOINED
    if head_word and tail_word:
        return COMPOUND
    if not head_word:
        return JOINED  # a compound opens with a word: a name the tables lack, cut (Pe-\ndrazzi)
    return None
