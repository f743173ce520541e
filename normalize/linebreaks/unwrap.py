"""Paragraph unwrapping (`Config(unwrap=True)`, rule `unwrapped_line`): join the
lines of a paragraph that was broken at a fixed width (PDF, e-mail, plain-text books).

Each block (lines between blank lines) is read on its own. It is hard-wrapped
when its lines run to one width (about its longest line, between MIN_WRAP_WIDTH
and MAX_WRAP_WIDTH), at least MIN_WRAPPED_SHARE of its line breaks were forced
(the next line's first word would not have fitted: greedy wrapping's mark),
those mostly fall inside sentences, and its lines do not read as verse (open
with capitals and end in punctuation) or a list of titles (lines that open with
capitals). Lists, tables, code, quoted e-mail and addresses (short lines) fail
one of those tests and keep their lines.

In a hard-wrapped block, a forced break becomes a space (after a hyphen that
stays, nothing: `Kos-\\ntas` -> `Kos-tas`). A break stays where a paragraph
may start: after a line that ended short (unforced), before a list item or
a line indented deeper, and in a block of several paragraphs, after a
sentence's end before a capital. Where the joined lines would read as
hard-wrapped again, they are joined in turn, so that cleaning twice changes nothing.
Only whitespace is ever changed. Lengths count the characters that are not
whitespace: the word stages after this one insert and remove spaces, and
cleaning again must measure what this stage measured.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .blocks import SENTENCE_END_RE, Line, blocks, opens_list_item
from .tuning import (
    MAX_SENTENCE_END_SHARE,
    MAX_WRAP_WIDTH,
    MIN_BLOCK_LINES,
    MIN_WRAP_WIDTH,
    MIN_WRAPPED_SHARE,
    CAPITAL_LINES,
    CAPITAL_SHARE,
    WIDTH_RANK,
    WRAP_SLACK,
)

RULE = "unwrapped_line"

# A line that is no wrapped prose: a table's cells (a tab, a bar, spaces in a row inside the
# line but after a sentence's end), quoted e-mail, code's braces and backslashes at its end, or
# an address or a path alone.
NOT_PROSE_RE = re.compile(r"\t|\||(?<![.!?:;,\s])\x20{2,}(?=\S)|\A[ \t]*>|[{}\\][ \t]*\Z|\A[ \t]*\S*(?:://|/|@)\S*[ \t]*\Z")
# A line of code's statement end; one alone may end a wrapped line of prose.
STATEMENT_END_RE = re.compile(r";[ \t]*\Z")
# A line that ends in punctuation (verse's lines mostly do; wrapped prose's about one in six).
LINE_END_PUNCTUATION_RE = re.compile(r"""[.,;:!?…]["'”’)\]]*[ \t]*\Z""")
INDENT_RE = re.compile(r"[ \t]*")
TOKEN_RE = re.compile(r"\S*")
SPACE_RE = re.compile(r"\s")


class Break(NamedTuple):
    """A line break to join: the end of the line's text, its "\\n", and
    where the next line's text starts."""

    content_end: int
    newline: int
    next_start: int


class _Facts(NamedTuple):
    """What the tests read of one line (or of lines joined into one)."""

    length: int  # characters other than whitespace
    first_word: int  # the length of its first token
    indent: int
    opens_list: bool
    opens_capital: bool
    ends_hyphen: bool
    ends_sentence: bool
    ends_punctuation: bool


def _facts(text: str, line: Line) -> _Facts:
    start = INDENT_RE.match(text, line.start).end()
    end = line.content_end
    return _Facts(
        length=end - line.start - len(SPACE_RE.findall(text, line.start, end)),
        first_word=TOKEN_RE.match(text, start).end() - start,
        indent=start - line.start,
        opens_list=opens_list_item(text, line.start),
        opens_capital=text[start : start + 1].isupper(),
        ends_hyphen=text[end - 1] in "-\u00ad",
        ends_sentence=SENTENCE_END_RE.search(text, line.start, end) is not None,
        ends_punctuation=LINE_END_PUNCTUATION_RE.search(text, line.start, end) is not None,
    )


def wrapped_breaks(text: str) -> list[Break]:
    """The line breaks of `text` that only wrap a paragraph, in order."""
    if "\n" not in text:
        return []
    read = []  # (lines, facts) of each block that may be wrapped
    for block in blocks(text):
        if len(block) > 1 and all(_is_prose(text, line) for line in block) and sum(
                STATEMENT_END_RE.search(text, line.start, line.content_end) is not None for line in block) < 2:
            read.append((block, [_facts(text, line) for line in block]))
    widths = [_wrap_width(facts) for _, facts in read]
    text_width = max((w for w, (block, _) in zip(widths, read) if w and len(block) >= MIN_BLOCK_LINES), default=None)
    found = []
    for width, (block, facts) in zip(widths, read):
        if len(block) < MIN_BLOCK_LINES:
            width = _wrap_width(facts, text_width) if text_width is not None else None
        if width is None:
            continue
        joins = _settled_joins(facts, width, text_width)
        found += [Break(block[k].content_end, block[k].end, block[k + 1].start + facts[k + 1].indent)
                  for k in joins]
    return found


def _is_prose(text: str, line: Line) -> bool:
    return NOT_PROSE_RE.search(text[line.start : line.content_end]) is None


def _forced(facts: list[_Facts], k: int, width: int) -> bool:
    """Whether the break after line k was forced: the line ends in a hyphen, or the
    next line's first word would not have fitted on it (greedy wrapping's mark)."""
    return facts[k].ends_hyphen or facts[k].length + facts[k + 1].first_word > width - WRAP_SLACK


def _width(facts: list[_Facts]) -> int:
    """A block's width: its longest line, or in a block of three lines or more,
    one a little below it (a word rejoined from a line end lengthens its line)."""
    lengths = sorted((fact.length for fact in facts), reverse=True)
    return lengths[min(len(lengths) - 1, max(len(lengths) // WIDTH_RANK, 1 if len(lengths) >= 3 else 0))]


def _wrap_width(facts: list[_Facts], text_width: int | None = None) -> int | None:
    """The width a block is wrapped at, or None if it is not hard-wrapped.
    A short block is measured against `text_width`, the widest of the text's
    other wrapped blocks."""
    width = text_width if text_width is not None else _width(facts)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    breaks = range(len(facts) - 1)
    forced = [k for k in breaks if _forced(facts, k, width)]
    if not forced or len(forced) < MIN_WRAPPED_SHARE * len(breaks):
        return None
    if sum(facts[k].ends_sentence for k in forced) > MAX_SENTENCE_END_SHARE * len(forced):
        return None
    capitals = sum(facts[k + 1].opens_capital for k in breaks)
    stops = sum(facts[k].ends_punctuation for k in breaks)
    if capitals > CAPITAL_SHARE * len(breaks) and (capitals >= CAPITAL_LINES or stops > CAPITAL_SHARE * len(breaks)):
        return None  # verse or a list of titles: lines that open with capitals (verse's end in punctuation)
    return width


def _joins(facts: list[_Facts], width: int) -> list[int]:
    """The breaks of a hard-wrapped block that only wrap: forced ones, not before
    a list item or a line indented deeper (a paragraph's first line); in a block
    of several paragraphs, not between a sentence's end and a capital."""
    forced = [_forced(facts, k, width) for k in range(len(facts) - 1)]
    paragraphs = not all(forced)
    found = []
    for k, wrapped in enumerate(forced):
        line, after = facts[k], facts[k + 1]
        if not wrapped or after.opens_list:
            continue
        if after.indent > line.indent and not line.opens_list:
            continue
        if paragraphs and line.ends_sentence and after.opens_capital:
            continue
        found.append(k)
    return found


def _settled_joins(facts: list[_Facts], width: int, text_width: int | None) -> list[int]:
    """The block's joins, and those its joined lines would call for in turn, until
    none are left: cleaning the result again finds nothing more to join."""
    groups = [[k] for k in range(len(facts))]  # the lines each line of the joined block is made of
    merged = facts
    while True:
        joins = _joins(merged, width)
        if not joins:
            break
        for k in reversed(joins):
            groups[k] += groups.pop(k + 1)
        merged = [_merged([facts[k] for k in group]) for group in groups]
        if len(merged) < 2 or len(merged) < MIN_BLOCK_LINES and text_width is None:
            break
        width = _wrap_width(merged, text_width if len(merged) < MIN_BLOCK_LINES else None)
        if width is None:
            break
    return sorted(k for group in groups for k in group[:-1])


def _merged(lines: list[_Facts]) -> _Facts:
    """The facts of `lines` joined into one line."""
    first, last = lines[0], lines[-1]
    return first._replace(
        length=sum(line.length for line in lines),
        ends_hyphen=last.ends_hyphen,
        ends_sentence=last.ends_sentence,
        ends_punctuation=last.ends_punctuation,
    )
