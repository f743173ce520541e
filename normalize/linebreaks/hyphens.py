"""Hyphens that only break a word: at a line end (`inter-\\nnational`) and soft ones.

A line that ends in a hyphen after letters, with letters opening the next
line, is read by `compounds.line_end_rule` as a word's hyphenation
(`line_end_hyphen`: the hyphen goes with the line break), a compound's own
hyphen (`line_end_compound`: only the line break goes) or neither (left as
written), from what the document writes itself (`Evidence`), English's
habits and the web tables.

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
from typing import NamedTuple

import regex

from .blocks import opens_list_item
from .compounds import COMPOUND, JOINED, line_end_rule
from .tuning import STYLE_PART_LETTERS

__all__ = ["COMPOUND", "JOINED", "SOFT", "Evidence", "HyphenBreak", "hyphen_breaks", "soft_hyphens"]

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
                evidence = Evidence(text)
            start = match.start()
            before = text[start - 1] if start else ""
            after = text[match.end("tail") : match.end("tail") + 2]
            rule = line_end_rule(match.group("head"), match.group("tail"), before, after,
                                 _previous_character(text, start), evidence)
        found.append(HyphenBreak(mark, newline, gap_end, word_end, rule))
    return found


def _head_length(text: str, mark: int) -> int:
    """How many letters run up to `mark`."""
    start = mark
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return mark - start


def _previous_character(text: str, start: int) -> str:
    """The last character before `start` that is not whitespace ("" at the text's start)."""
    position = start - 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return text[position] if position >= 0 else ""


class Evidence:
    """What the document writes itself: its words (hyphenated ones whole),
    and the parts of its hyphenated words, each beside a part of
    STYLE_PART_LETTERS or more (`so-called` shows nothing of `called`, `e-mail`
    nothing of `mail`). Line-end hyphens are no evidence: they are what is
    being decided."""

    def __init__(self, text: str) -> None:
        self.words: Counter[str] = Counter(WORD_RE.findall(text.lower()))
        self.heads: set[str] = set()
        self.tails: set[str] = set()
        for word in self.words:
            if "-" in word:
                parts = word.split("-")
                for first, second in zip(parts, parts[1:]):
                    if len(second) >= STYLE_PART_LETTERS:
                        self.heads.add(first)
                    if len(first) >= STYLE_PART_LETTERS:
                        self.tails.add(second)
