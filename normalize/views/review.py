"""The review page: one self-contained HTML file where a person scrolls
through what normalize changed, the input on the left and the output on the
right, each change coloured by the stage that made it.

`provenance` follows every character through the stages: which input
characters each stage removed, and which output characters each stage put
in. Lines are aligned on the input's newlines that survive into the output;
unchanged lines are folded away, with a line of context on each side. Each
change's title names its rule and its place in the input (line:column; for
text a stage put in, where it went in: `Cleaned.to_original`).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, NamedTuple

from ..config import STAGE_NAMES
from ..edits import Cleaned
from ..jobs.writing import AtomicWriter
from ..positions import Lines
from .visible import VISIBLE

# The most documents one page shows, and the most changed lines per document.
DOCUMENT_LIMIT = 1000
LINE_LIMIT = 2000
CONTEXT = 1

# Invisible characters shown inside a change, as `--explain` shows them; a
# newline and a tab keep their own effect after their stand-in, so that the
# page's lines still break where the text's do.
IN_A_CHANGE = VISIBLE | {0x0A: VISIBLE[0x0A] + "\n", 0x09: VISIBLE[0x09] + "\t"}

COLOURS = {
    "fix_encoding": "#d9c2f0",
    "remove_leftovers": "#f7c1bb",
    "rejoin_lines": "#f3d9a4",
    "rejoin_words": "#c7f0c2",
    "split_words": "#bde0fe",
    "normalize_whitespace": "#ffe299",
}


class Mark(NamedTuple):
    """A span [start, end) of one text, changed by `stage` under `rule`."""

    start: int
    end: int
    stage: str
    rule: str


@dataclass
class _Segment:
    length: int
    source: int | None  # where this run of output starts in the input; None if a stage put it in
    stage: str = ""
    rule: str = ""


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """The lengths of the longest common prefix of a and b, and of the
    longest common suffix of what follows it."""
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def provenance(raw: str, cleaned: Cleaned) -> tuple[list[Mark], list[tuple[int, int]], list[Mark]]:
    """The spans of `raw` that stages removed, the (input, output) positions
    just after each input newline that survives, and the spans of
    `cleaned.text` that stages put in; each sorted."""
    segments = [_Segment(len(raw), 0)]
    removed: list[Mark] = []
    for stage, edits in groupby(cleaned.edits, key=lambda edit: edit.stage):
        out: list[_Segment] = []
        queue = iter(segments)
        current: _Segment | None = None
        offset = 0  # how much of `current` is used up

        def take(count: int, keep: bool, rule: str = "") -> None:
            nonlocal current, offset
            while count > 0:
                if current is None or offset == current.length:
                    current, offset = next(queue), 0
                size = min(count, current.length - offset)
                start = None if current.source is None else current.source + offset
                if keep:
                    out.append(_Segment(size, start, current.stage, current.rule))
                elif start is not None:
                    removed.append(Mark(start, start + size, stage, rule))
                offset += size
                count -= size

        position = 0
        for edit in edits:
            # What an edit removes and puts back alike ("\n\n\n" -> "\n") stays.
            head, tail = _common_ends(edit.removed, edit.inserted)
            take(edit.start - position + head, True)
            take(len(edit.removed) - head - tail, False, edit.rule)
            if len(edit.inserted) > head + tail:
                out.append(_Segment(len(edit.inserted) - head - tail, None, stage, edit.rule))
            take(tail, True)
            position = edit.end
        take(sum(s.length for s in segments) - position, True)
        segments = out
    inserted = []
    at = 0
    for segment in segments:
        if segment.source is None:
            inserted.append(Mark(at, at + segment.length, segment.stage, segment.rule))
        at += segment.length
    removed.sort()
    return removed, _anchor(raw, segments), inserted


def _anchor(raw: str, segments: list[_Segment]) -> list[tuple[int, int]]:
    """(input, output) positions just after each input newline that survives."""
    anchors = []
    at = 0
    for segment in segments:
        if segment.source is not None:
            newline = raw.find("\n", segment.source, segment.source + segment.length)
            while newline >= 0:
                anchors.append((newline + 1, at + newline - segment.source + 1))
                newline = raw.find("\n", newline + 1, segment.source + segment.length)
        at += segment.length
    return anchors


def _render(text: str, start: int, end: int, marks: list[Mark], tag: str, place: Callable[[Mark], str]) -> str:
    """text[start:end] as HTML, with the parts under `marks` (sorted, disjoint)
    in `tag` elements titled with their rule and `place`."""
    out = []
    at = start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        s, e = max(mark.start, start), min(mark.end, end)
        out.append(html.escape(text[at:s]))
        shown = html.escape(text[s:e].translate(IN_A_CHANGE))
        title = html.escape(f"{mark.stage}/{mark.rule} at {place(mark)}")
        out.append(f'<{tag} class="s-{mark.stage}" title="{title}">{shown}</{tag}>')
        at = e
    out.append(html.escape(text[at:end]))
    return "".join(out)


def _overlapping(marks: list[Mark], start: int, end: int, first: int) -> tuple[list[Mark], int]:
    """The marks touching [start, end), from index `first` on, and the index to start from next time."""
    found = []
    index = first
    while index < len(marks) and marks[index].end <= start:
        index += 1
    probe = index
    while probe < len(marks) and marks[probe].start < end:
        found.append(marks[probe])
        probe += 1
    return found, index


def rows(raw: str, cleaned: Cleaned, first_line: int = 1) -> list[tuple[bool, str, str]]:
    """(changed, input HTML, output HTML) for each aligned line; `raw` begins
    at line `first_line` of its file."""
    removed, anchors, inserted = provenance(raw, cleaned)
    text = cleaned.text
    lines = Lines(raw, first_line)

    def removed_at(mark: Mark) -> str:
        return lines.label(mark.start)

    def inserted_at(mark: Mark) -> str:
        return lines.label(cleaned.to_original(mark.start, mark.end)[0])

    cuts = [(0, 0)] + anchors + [(len(raw), len(text))]
    at_newline = set(anchors)
    result = []
    left_index = right_index = 0
    for (a, c), (b, d) in zip(cuts, cuts[1:]):
        if a == b and c == d:
            continue
        left, left_index = _overlapping(removed, a, b, left_index)
        right, right_index = _overlapping(inserted, c, d, right_index)
        # A row's own (unchanged) newline is the row's end, not a line to show.
        shown = 1 if (b, d) in at_newline else 0
        result.append(
            (bool(left or right), _render(raw, a, b - shown, left, "del", removed_at),
             _render(text, c, d - shown, right, "ins", inserted_at))
        )
    return result


STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 2em 4em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.05em; margin: 2em 0 .3em; word-break: break-all; }
.legend span, .counts span { display: inline-block; padding: 0 .5em; margin-right: .4em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th { text-align: left; font-weight: 600; padding: .2em .5em; background: #f3f3f3; }
td { vertical-align: top; padding: .15em .5em; border-top: 1px solid #eee;
     white-space: pre-wrap; word-wrap: break-word; font-family: ui-monospace, monospace; font-size: 13px; }
td + td { border-left: 1px solid #ddd; }
td:empty::before { content: "\\a0"; }
tr.gap td { color: #888; font-style: italic; font-family: inherit; background: #fafafa; }
del { text-decoration: line-through; } ins { text-decoration: none; }
nav ol { columns: 2; font-size: 13px; } nav a { word-break: break-all; }
"""


def _stage_styles() -> str:
    return "\n".join(
        f".s-{stage} {{ background: {colour}; }}" for stage, colour in COLOURS.items() if stage in STAGE_NAMES
    )


class ReviewPage:
    """The page, written as documents come: `add` each cleaned document,
    then `close`. Unchanged documents are left out; after `DOCUMENT_LIMIT`
    changed ones, the rest are only counted. The file appears when `close`
    succeeds, never half-written."""

    def __init__(self, path: str) -> None:
        self._writer = AtomicWriter(path)
        self._sections: list[tuple[str, str]] = []  # (anchor, label) for the contents
        self.changed = 0
        self.unchanged = 0
        legend = "".join(f'<span class="s-{stage}">{stage}</span>' for stage in STAGE_NAMES)
        self._write(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            "<title>normalize review</title>\n"
            f"<style>{STYLE}{_stage_styles()}</style>\n</head>\n<body>\n"
            "<h1>normalize review</h1>\n"
            f'<p class="legend">Changes by stage: {legend} Hover over a change for its rule and its place in the input (line:column).</p>\n'
            "<main>\n"
        )

    def _write(self, text: str) -> None:
        self._writer.write(text.encode("utf-8", "surrogatepass"))

    def add(self, label: str, raw: str, cleaned: Cleaned, first_line: int = 1) -> None:
        if not cleaned.edits:
            self.unchanged += 1
            return
        self.changed += 1
        if self.changed > DOCUMENT_LIMIT:
            return
        anchor = f"doc-{self.changed}"
        self._sections.append((anchor, label))
        counts = {}
        for edit in cleaned.edits:
            counts[edit.stage] = counts.get(edit.stage, 0) + 1
        badges = "".join(f'<span class="s-{stage}">{stage} {count}</span>' for stage, count in counts.items())
        out = [
            f'<section class="doc" id="{anchor}">\n<h2>{html.escape(label)}</h2>\n',
            f'<p class="counts">{badges}</p>\n',
            '<table>\n<thead><tr><th>input</th><th>output</th></tr></thead>\n<tbody>\n',
        ]
        aligned = rows(raw, cleaned, first_line)
        show = [False] * len(aligned)
        for index, (changed, _, _) in enumerate(aligned):
            if changed:
                for near in range(max(0, index - CONTEXT), min(len(aligned), index + CONTEXT + 1)):
                    show[near] = True
        shown_changes = 0
        hidden = 0
        for index, (changed, left, right) in enumerate(aligned):
            if not show[index] or shown_changes >= LINE_LIMIT:
                hidden += 1
                continue
            if hidden:
                out.append(f'<tr class="gap"><td colspan="2">{hidden} unchanged line{"s" * (hidden != 1)}</td></tr>\n')
                hidden = 0
            shown_changes += changed
            out.append(f'<tr{" class=changed" if changed else ""}><td>{left}</td><td>{right}</td></tr>\n')
        if hidden:
            out.append(f'<tr class="gap"><td colspan="2">{hidden} more line{"s" * (hidden != 1)} not shown</td></tr>\n')
        out.append("</tbody>\n</table>\n</section>\n")
        self._write("".join(out))

    def close(self) -> None:
        more = self.changed - len(self._sections)
        contents = "".join(f'<li><a href="#{a}">{html.escape(label)}</a></li>' for a, label in self._sections)
        self._write(
            "</main>\n<footer>\n"
            f"<p>{self.changed} document{'s' * (self.changed != 1)} changed, {self.unchanged} unchanged"
            + (f"; {more} changed documents past the first {DOCUMENT_LIMIT} are not shown" if more > 0 else "")
            + ".</p>\n"
            f"<nav><ol>{contents}</ol></nav>\n</footer>\n</body>\n</html>\n"
        )
        self._writer.commit()

    def abort(self) -> None:
        """Drop the page (nothing to drop once it is closed)."""
        self._writer.abort()
