"""Code a text marks as code: Markdown's fenced blocks and inline code spans,
reStructuredText's literal blocks and directives, interactive prompts.

A README, a forum post or a documentation page writes its code between
backticks, under a fence or after a prompt, and means every character of it:
`print(value)`, `` `getsetdescriptor` ``, `>>> sleep(0.1)`. Neither word stage
edits inside such a span or at its edges, and neither reads it for evidence:
`mask` blanks it (same length, line ends kept) before the stages read a text,
and `outside` drops any position that falls inside or beside one.

Only what the text marks is code here; code that no mark sets apart is the
guards' business (`guards.CODE_PATTERNS`, read line by line).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .tuning import INLINE_CODE_LETTERS

# A fenced block: a line opening with three backticks or tildes or more (up to three spaces
# before them), to the line that closes it with as many or more, or to the text's end
# (CommonMark's reading of an unclosed fence).
FENCE_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*(?:\n(?![ ]{0,3}\1)[^\n]*)*(?:\n[ ]{0,3}\1[^\n]*)?", re.M)
# An inline code span: a run of backticks, text on the same line, the same run again; the
# span's edges touch its text, and no letter touches them outside (`x = 1`, ``a`b``; not a
# quotation opened by a backtick and closed by an apostrophe, `Yes' and `No', which some
# pages write, its next backtick after a space).
INLINE_RE = re.compile(r"(?<![`\w])(`+)(?![`\s])[^\n]{0,%d}?(?<![`\s])\1(?![`\w])" % INLINE_CODE_LETTERS)
# A line after an interactive prompt: Python's (>>>, and the lines of ... that continue it),
# a shell's ($ before a command in small letters), IPython's (In [3]:).
PROMPT_RE = re.compile(r"^[ \t]*(?:>>>(?:[ \t][^\n]*)?$(?:\n[ \t]*\.\.\.(?:[ \t][^\n]*)?$)*"
                       r"|\$[ \t]+[a-z.][^\n]*|In \[\d+\]:[^\n]*)", re.M)
# A reStructuredText directive's line that opens code (.. code-block:: python, .. sourcecode::);
# not one of prose (.. note::, .. warning::, whose text is read as any other).
DIRECTIVE_RE = re.compile(r"^[ \t]*\.\. (?:code-block|sourcecode|code|literalinclude|highlight|doctest|testcode"
                          r"|testsetup|testoutput|math|raw|productionlist)::[^\n]*", re.M)
# A reStructuredText literal block: a line ending with `::`, a blank line, then the lines indented
# under it (up to the first line indented no deeper than the one that opened it).
LITERAL_OPENING_RE = re.compile(r"^([ \t]*)\S[^\n]*::[ \t]*\n(?:[ \t]*\n)+", re.M)
INDENT_RE = re.compile(r"[ \t]*")

# What each kind of span cannot be found without: a text holding none is not searched.
MARKS = ("`", "~~~", ">>>", "$", "In [", ".. ", "::")


def code_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each span of `text` marked as code, in order, none overlapping."""
    if not any(mark in text for mark in MARKS):
        return []
    spans = []
    if "```" in text or "~~~" in text:
        spans += [m.span() for m in FENCE_RE.finditer(text)]
    if "`" in text:
        spans += [m.span() for m in INLINE_RE.finditer(text)]
    if ">>>" in text or "$" in text or "In [" in text:
        spans += [m.span() for m in PROMPT_RE.finditer(text)]
    if ".. " in text:
        spans += [m.span() for m in DIRECTIVE_RE.finditer(text)]
    if "::" in text:
        spans += _literal_blocks(text)
    return _merged(spans)


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character of `spans` but a line end made a space (the same length)."""
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def touches(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether position `at` lies inside one of `spans` (in order) or at its edges."""
    k = bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and at <= spans[k][1]  # (the last span that starts at or before it)


def outside(positions: list, spans: list[tuple[int, int]], key=lambda item: item) -> list:
    """The items of `positions` (each a position, or read by `key`) that lie neither
    inside a span nor at its edges (a space inserted or removed beside `code`)."""
    return [item for item in positions if not touches(key(item), spans)] if spans else positions


def _literal_blocks(text: str) -> list[tuple[int, int]]:
    """The reStructuredText literal blocks of `text` (LITERAL_OPENING_RE)."""
    blocks, opening = [], LITERAL_OPENING_RE.search(text)
    while opening is not None:
        depth, at, end = len(opening.group(1)), opening.end(), opening.end()
        while at < len(text):
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            line = text[at:line_end]
            if line.strip():
                if INDENT_RE.match(line).end() <= depth:
                    break
                end = line_end
            at = line_end + 1
        if end > opening.end():
            blocks.append((opening.end(), end))
        # (An opening inside the block is the block's own text: searched for after it.)
        opening = LITERAL_OPENING_RE.search(text, max(end, opening.end()))
    return blocks


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, overlapping ones made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
