"""The `--explain` list: each edit with the rule that made it, where it sits in
the input (line and column of the text the user gave), and a few characters
of context with the change marked (`…exchanged|views…`).

Edits are recorded in the coordinates of the text each stage received; the
positions here are each edit's place in the original (`Edit.original_start`,
see `normalize.positions`), so every line points into the file the user has.
Nothing here changes a text.
"""
from __future__ import annotations

from itertools import groupby
from typing import Iterator

from ..edits import Cleaned, Edit, apply_edits
from ..positions import Lines, original_spans
from .visible import VISIBLE

# Characters of context on each side of a change, cut at the line's ends.
CONTEXT_CHARS = 24
# The longest removed or inserted text shown whole; longer ones keep both ends.
SHOWN_CHARS = 70


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """`text` as a Python literal, its middle cut out past `limit` characters."""
    literal = repr(text)
    return literal if len(literal) <= limit else literal[: limit // 2] + "…" + literal[-limit // 2 :]


def explain_lines(raw: str, cleaned: Cleaned, context: int = CONTEXT_CHARS, first_line: int = 1) -> Iterator[str]:
    """One line per edit of `cleaned` (the cleaning of `raw`, whose first line
    is line `first_line` of its file), in order:
    `stage/rule: 'before' → 'after' at line:column  …context[change]context…`."""
    lines = Lines(raw, first_line)
    starts = [edit.original_start for edit in cleaned.edits]
    if None in starts:  # edits rebuilt from a store that did not keep their places
        starts = [start for start, _ in original_spans(cleaned.edits)]
    places = iter(starts)
    text = raw
    for _, group in groupby(cleaned.edits, key=lambda edit: edit.stage):
        edits = list(group)
        for edit in edits:
            yield (f"{edit.stage}/{edit.rule}: {shown(edit.removed)} → {shown(edit.inserted)} "
                   f"at {lines.label(next(places))}  {_context(text, edit, context)}")
        text = apply_edits(text, edits)


def _context(text: str, edit: Edit, size: int) -> str:
    """A few characters of `text` (the stage's input) on each side of `edit`,
    on its line, control characters shown as stand-ins (see `visible`)."""
    before = text[max(0, edit.start - size) : edit.start].rsplit("\n", 1)[-1]
    after = text[edit.end : edit.end + size].split("\n", 1)[0]
    if (edit.removed, edit.inserted) == ("", " "):
        change = "|"
    else:
        change = f"[{shown(edit.removed, SHOWN_CHARS // 2)[1:-1]}→{shown(edit.inserted, SHOWN_CHARS // 2)[1:-1]}]"
    return f"…{before.translate(VISIBLE)}{change}{after.translate(VISIBLE)}…"
