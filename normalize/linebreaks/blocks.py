"""How the line-end rules read a text's lines: blocks, list markers, sentence ends.

A block is a run of lines with no blank line among them; no line-end rule
ever acts across a blank line, so a block is all each of them needs to see.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# A line that opens a list item: a bullet or dash, or a number, a letter or a roman numeral
# with a stop or a bracket, then a space (`- `, `• `, `12. `, `a) `, `(iv) `).
LIST_MARKER_RE = re.compile(
    r"""[ \t]*
        (?: [-*+•◦‣▪·–—]
          | \(? (?: \d{1,3} | [A-Za-z] | (?=[ivx]{2}) x{0,3} (?:ix|iv|v?i{0,3}) ) [.)] )
        [ \t]""",
    re.VERBOSE | re.IGNORECASE,
)
# A line that ends a sentence: a stop, then closing quotes or brackets.
SENTENCE_END_RE = re.compile(r"""[.!?…](?:["'”’»)\]]*)[ \t]*\Z""")


class Line(NamedTuple):
    """A line of a block: where it starts, where its text ends (before any
    spaces or tabs at its end), and where its "\\n" is (the text's length for
    the last line of a text)."""

    start: int
    content_end: int
    end: int


def blocks(text: str) -> Iterator[list[Line]]:
    """The text's blocks, each the list of its lines, in order."""
    block: list[Line] = []
    start = 0
    size = len(text)
    while start <= size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        content_end = start + len(text[start:end].rstrip(" \t"))
        if content_end == start and not text[start:end].strip():
            if block:
                yield block
                block = []
        else:
            block.append(Line(start, content_end, end))
        start = end + 1
    if block:
        yield block


def opens_list_item(text: str, start: int) -> bool:
    """Whether the line starting at `start` opens a list item."""
    return LIST_MARKER_RE.match(text, start) is not None
