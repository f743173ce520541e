"""Positions that survive cleaning: where a span of the cleaned text came from
in the original (the text given to the pipeline), and where a span of the
original went.

Each stage records its edits in the coordinates of the text it received.
`PositionMap` composes them into one list of *blocks*: pairs of spans, one
in the original and one in the cleaned text, that edits touched. Between two
blocks both texts hold the same characters, equally many; blocks are
disjoint and in the same order on both sides, and a block may be empty on
one side (text a stage put in, or took out). Building the map is one pass
over the blocks and the edits per stage; a lookup is one or two bisections;
memory grows with the edits, never with the text.

A span maps the same way in both directions:

- a span that touches no block moves by the shift of the block before it;
- a span widens to cover every block it touches. A span touches a block when
  they share a character, when one is empty and lies strictly inside the
  other, or when both are empty at the same point.

So a space a stage put in maps to the empty span between the two characters
it separates; removed leftovers map to the empty span where they were; and
an empty span at the point where text was removed (or put in) maps to that
text. A span that merely ends where a block begins does not touch it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby
from typing import Protocol, Sequence


class _Edit(Protocol):  # normalize.edits.Edit; its module imports this one
    stage: str
    start: int
    end: int
    removed: str
    inserted: str


# A map's blocks: four sorted lists, one entry per block.
Blocks = tuple[list[int], list[int], list[int], list[int]]  # original starts and ends, then the later text's


class PositionMap:
    """The map between the text given to the pipeline (the original) and the
    text it returned (the cleaned text), built from the pipeline's edits."""

    __slots__ = ("_original_starts", "_original_ends", "_cleaned_starts", "_cleaned_ends",
                 "_to_original_shifts", "_to_cleaned_shifts", "original_length", "cleaned_length")

    def __init__(self, edits: Sequence[_Edit], cleaned_length: int) -> None:
        blocks: Blocks = ([], [], [], [])
        for _, stage_edits in groupby(edits, key=lambda edit: edit.stage):
            blocks = _through_stage(blocks, list(stage_edits))
        self._original_starts, self._original_ends, self._cleaned_starts, self._cleaned_ends = blocks
        # What to add to a position touching no block, by how many blocks lie before it.
        pairs = list(zip(self._original_ends, self._cleaned_ends))
        self._to_original_shifts = [0] + [original - cleaned for original, cleaned in pairs]
        self._to_cleaned_shifts = [0] + [cleaned - original for original, cleaned in pairs]
        self.cleaned_length = cleaned_length
        self.original_length = cleaned_length + self._to_original_shifts[-1]

    @property
    def block_count(self) -> int:
        """How many blocks the map holds (never more than the edits)."""
        return len(self._original_starts)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that cleaned[start:end] came from."""
        if 0 <= start < end <= self.cleaned_length:  # the common case first: a span touching no block
            first = bisect_right(self._cleaned_ends, start)  # the first block ending after `start`
            if first == len(self._cleaned_starts) or self._cleaned_starts[first] >= end:  # ... begins after `end`
                shift = self._to_original_shifts[first]
                return start + shift, end + shift
        else:
            _check(start, end, self.cleaned_length, "cleaned")
        return _map_span(start, end, self._cleaned_starts, self._cleaned_ends, self._original_starts, self._original_ends, self._to_original_shifts)

    def to_cleaned(self, start: int, end: int) -> tuple[int, int]:
        """The span of the cleaned text that original[start:end] became."""
        if 0 <= start < end <= self.original_length:
            first = bisect_right(self._original_ends, start)
            if first == len(self._original_starts) or self._original_starts[first] >= end:
                shift = self._to_cleaned_shifts[first]
                return start + shift, end + shift
        else:
            _check(start, end, self.original_length, "original")
        return _map_span(start, end, self._original_starts, self._original_ends, self._cleaned_starts, self._cleaned_ends, self._to_cleaned_shifts)

    def blocks(self) -> list[tuple[int, int, int, int]]:
        """(original start, original end, cleaned start, cleaned end) of each block, in order."""
        return list(zip(self._original_starts, self._original_ends, self._cleaned_starts, self._cleaned_ends))


def original_spans(edits: Sequence[_Edit]) -> list[tuple[int, int]]:
    """Where each edit sits in the original: the span of the original
    that the edit's `removed` text came from, mapped back through the stages
    before its own (so widened over what those stages changed there)."""
    spans: list[tuple[int, int]] = []
    blocks: Blocks = ([], [], [], [])
    for _, group in groupby(edits, key=lambda edit: edit.stage):
        stage_edits = list(group)
        in_starts, in_ends, out_starts, out_ends = blocks
        shifts = [0] + [a - b for a, b in zip(in_ends, out_ends)]
        spans += [_map_span(edit.start, edit.end, out_starts, out_ends, in_starts, in_ends, shifts) for edit in stage_edits]
        blocks = _through_stage(blocks, stage_edits)
    return spans


def _check(start: int, end: int, length: int, side: str) -> None:
    if not 0 <= start <= end <= length:
        raise ValueError(f"span ({start}, {end}) is not inside the {side} text (length {length})")


def _map_span(
    start: int, end: int, starts: list[int], ends: list[int], to_starts: list[int], to_ends: list[int],
    shifts: list[int],
) -> tuple[int, int]:
    """Map [start, end) from one side of the blocks (`starts`, `ends`) to the
    other; `shifts[k]` moves a position that has k blocks before it."""
    if start < end:
        first = bisect_right(ends, start)  # blocks ending after `start` ...
        last = bisect_left(starts, end)  # ... and starting before `end` touch it
    else:
        first = bisect_left(ends, start)  # blocks around the point, edges included ...
        last = bisect_right(starts, start)
        if first < last and starts[first] < start == ends[first]:
            first += 1  # ... but not one that merely ends here ...
        if first < last and starts[last - 1] == start < ends[last - 1]:
            last -= 1  # ... or merely begins here
    if first == last:  # touches nothing
        shift = shifts[first]
        return start + shift, end + shift
    head = starts[first] - start
    tail = end - ends[last - 1]
    return to_starts[first] - (head if head > 0 else 0), to_ends[last - 1] + (tail if tail > 0 else 0)


def _through_stage(blocks: Blocks, edits: list[_Edit]) -> Blocks:
    """The map's blocks one stage on: `blocks` map the original to the text the
    stage received (the current text), `edits` are the stage's own, in that
    text's coordinates. One pass over both in order of (start, end): blocks
    and edits that share a character in the current text, or where one is
    empty strictly inside the other, become one block."""
    in_starts, in_ends, cur_starts, cur_ends = blocks
    new: Blocks = ([], [], [], [])
    block_count, edit_count = len(in_starts), len(edits)
    i = j = 0
    to_original = 0  # original minus current position, after the last block passed
    to_later = 0  # the stage's output minus current position, after the last edit passed
    while i < block_count or j < edit_count:
        group_start = group_end = -1
        while True:
            if i < block_count and (j == edit_count or (cur_starts[i], cur_ends[i]) <= (edits[j].start, edits[j].end)):
                start, end, is_block = cur_starts[i], cur_ends[i], True
            elif j < edit_count:
                start, end, is_block = edits[j].start, edits[j].end, False
            else:
                break
            if group_start < 0:
                group_start = group_end = start
                first_in, first_out = start + to_original, start + to_later
            elif start >= group_end:
                break  # (in this order, a member starting before the group's end touches one of its members)
            if is_block:
                to_original = in_ends[i] - end
                i += 1
            else:
                to_later += len(edits[j].inserted) - len(edits[j].removed)
                j += 1
            group_end = max(group_end, end)
        _append(new, first_in, group_end + to_original, first_out, group_end + to_later)
    return new


def _append(blocks: Blocks, in_start: int, in_end: int, out_start: int, out_end: int) -> None:
    """Add a block; one empty on the same side at the same point as the last
    block (text removed next to text removed) joins it."""
    if in_start == in_end and out_start == out_end:
        return  # text put in and taken out again: nothing changed here
    in_starts, in_ends, out_starts, out_ends = blocks
    if in_starts:
        if out_starts[-1] == out_ends[-1] == out_start == out_end or in_starts[-1] == in_ends[-1] == in_start == in_end:
            in_ends[-1], out_ends[-1] = in_end, out_end
            return
    in_starts.append(in_start)
    in_ends.append(in_end)
    out_starts.append(out_start)
    out_ends.append(out_end)


class Lines:
    """Line and column (from 1, columns in characters) of offsets in one text,
    as a person reads them."""

    __slots__ = ("_starts", "_first")

    def __init__(self, text: str, first_line: int = 1) -> None:
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._starts = starts
        self._first = first_line

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + self._first, offset - self._starts[line] + 1

    def label(self, offset: int) -> str:
        """`line:column` of `offset`."""
        return "%d:%d" % self(offset)

