"""The `--explain` list: each edit with the rule that made it, where it sits in
the input (line and column of the text the user gave), and a few characters
of context with the change marked (`…exchanged|views…`).

Edits are recorded in the coordinates of the text each stage received; the
positions here are mapped back through the stages before it, so every line
points into the file the user has. Nothing here changes a text.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import groupby
from typing import Iterator

from ..edits import Cleaned, Edit, apply_edits

# Characters of context on each side of a change, cut at the line's ends.
CONTEXT_CHARS = 24
# The longest removed or inserted text shown whole; longer ones keep both ends.
SHOWN_CHARS = 70
VISIBLE = str.maketrans({"\n": "↵", "\t": "⇥", "\r": "␍"})


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """`text` as a Python literal, its middle cut out past `limit` characters."""
    literal = repr(text)
    return literal if len(literal) <= limit else literal[: limit // 2] + "…" + literal[-limit // 2 :]


def explain_lines(raw: str, cleaned: Cleaned, context: int = CONTEXT_CHARS) -> Iterator[str]:
    """One line per edit of `cleaned` (the cleaning of `raw`), in order:
    `stage/rule: 'before' → 'after' at line:column  …context[change]context…`."""
    newlines = [at for at, char in enumerate(raw) if char == "\n"]
    maps: list[list[tuple[int, int, int, int]]] = []  # each earlier stage's edits, output and input spans
    text = raw
    for _, group in groupby(cleaned.edits, key=lambda edit: edit.stage):
        edits = list(group)
        for edit in edits:
            at = _to_raw(edit.start, maps)
            line = bisect_right(newlines, at - 1)
            column = at - (newlines[line - 1] + 1 if line else 0) + 1
            yield (f"{edit.stage}/{edit.rule}: {shown(edit.removed)} → {shown(edit.inserted)} "
                   f"at {line + 1}:{column}  {_context(text, edit, context)}")
        maps.append(_spans(edits))
        text = apply_edits(text, edits)


def _spans(edits: list[Edit]) -> list[tuple[int, int, int, int]]:
    """(output start, output end, input start, input end) of each edit of one stage."""
    spans, shift = [], 0
    for edit in edits:
        start = edit.start + shift
        spans.append((start, start + len(edit.inserted), edit.start, edit.end))
        shift += len(edit.inserted) - len(edit.removed)
    return spans


def _to_raw(position: int, maps: list[list[tuple[int, int, int, int]]]) -> int:
    """Where `position` of the latest stage's input sits in the raw text: back
    through each earlier stage; a position inside text a stage put in maps to
    where that text went in."""
    for spans in reversed(maps):
        index = bisect_right(spans, (position, float("inf"))) - 1
        if index >= 0:
            out_start, out_end, in_start, in_end = spans[index]
            position = in_start if position < out_end else position - out_end + in_end
    return position


def _context(text: str, edit: Edit, size: int) -> str:
    """A few characters of `text` (the stage's input) on each side of `edit`, on its line."""
    before = text[max(0, edit.start - size) : edit.start].rsplit("\n", 1)[-1]
    after = text[edit.end : edit.end + size].split("\n", 1)[0]
    if (edit.removed, edit.inserted) == ("", " "):
        change = "|"
    else:
        change = f"[{shown(edit.removed, SHOWN_CHARS // 2)[1:-1]}→{shown(edit.inserted, SHOWN_CHARS // 2)[1:-1]}]"
    return f"…{before}{change.translate(VISIBLE)}{after}…"
