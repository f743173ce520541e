"""Stage `normalize_whitespace`: tidy spaces and blank lines, keep paragraphs.

Runs of spaces and tabs inside a line become one space, line ends are
stripped, three or more newlines become two, blank lines at the start go and
the end keeps at most one newline. A text that separates paragraphs with a
blank line keeps them, and so does one that uses a single newline. Only
whitespace is ever touched.

`WHITESPACE_RE` is the definition of what changes. Running it over the whole
text is slow (the engine tries five alternatives at every space of the prose)
and quadratic on a long run of spaces with no newline after it, so `_spans`
finds exactly the same matches another way: every match lies inside one run
of spaces, tabs and newlines, a run in mid-text can hold one only if it holds
a tab, two spaces, a space before a newline or two newlines in a row, and
such a run is worked out on its own in time linear in its length.
tests/test_fast_paths.py checks the two against each other.
"""
from __future__ import annotations

import re

import regex

from .config import Config
from .edits import Edit, replace_spans

STAGE = "normalize_whitespace"

WHITESPACE_RE = regex.compile(
    r"""
      (?P<leading_blank_lines> \A (?:[ \t]*\n)+ )
    | (?P<trailing_blank_lines> (?<=\S) [ \t]* \n (?:[ \t]*\n)+ [ \t]* \Z | (?<=\S) [ \t]+ \Z )
    | (?P<blank_lines> \n (?:[ \t]*\n){2,} )
    | (?P<line_end_spaces> [ \t]+ (?=\n) )
    | (?P<space_runs> (?<=\S) (?:\x20{2,}|[ \t]*\t[ \t]*) (?=\S) )
    """,
    regex.VERBOSE,
)
_REPLACEMENT = {
    "leading_blank_lines": "",
    "trailing_blank_lines": None,  # "\n" if the run holds a newline, else ""
    "blank_lines": "\n\n",
    "line_end_spaces": "",
    "space_runs": " ",
}

# What `\s` means to the regex module (Unicode White_Space): the lookarounds
# `(?<=\S)` and `(?=\S)` of WHITESPACE_RE test a neighbour against this set.
WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r\x20\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_RUN_CHARS = " \t\n"
# Every run that can hold a match in mid-text contains one of these.
_TRIGGERS = ("\t", "  ", " \n", "\n\n")
# A run of spaces, tabs and newlines, from where it starts.
RUN_RE = re.compile(r"[ \t\n]*")


def _runs(text: str):
    """(start, end) of each maximal run of " \\t\\n" that may hold a match:
    the run at the start of the text, the run at its end, and every run
    holding a trigger. In order, each once."""
    n = len(text)
    pos = 0
    if n and text[0] in _RUN_CHARS:
        pos = RUN_RE.match(text).end()
        yield 0, pos
    upcoming = {needle: text.find(needle, pos) for needle in _TRIGGERS}
    while True:
        hits = [at for at in upcoming.values() if at >= 0]
        if not hits:
            break
        start = min(hits)
        # Before its first trigger a run holds at most two characters ("\n ").
        while start > pos and text[start - 1] in _RUN_CHARS:
            start -= 1
        pos = RUN_RE.match(text, start).end()
        yield start, pos
        for needle, at in upcoming.items():
            if 0 <= at < pos:
                upcoming[needle] = text.find(needle, pos)
    if pos < n and text[-1] in _RUN_CHARS:
        yield _trailing_run_start(text, pos), n


def _trailing_run_start(text: str, floor: int) -> int:
    """Where the run of " \t\n" that ends the text starts (not before
    `floor`), copying only about twice its length, however long the text."""
    n = len(text)
    width = 64
    while width < n - floor and not text[n - width :].strip(_RUN_CHARS):
        width *= 2
    start = max(n - width, floor)
    return start + len(text[start:].rstrip(_RUN_CHARS))


def _run_spans(text: str, start: int, end: int):
    """The matches WHITESPACE_RE finds in the run text[start:end], found by
    trying its alternatives in its order at each position, as the engine
    does, but deciding each in constant time from what is known of the run."""
    n = len(text)
    after_nonspace = start > 0 and text[start - 1] not in WHITE_SPACE
    before_nonspace = end < n and text[end] not in WHITE_SPACE
    last_newline = text.rfind("\n", start, end)
    newlines = text.count("\n", start, end)  # newlines at or after `pos`
    pos = start
    while pos < end:
        if pos == 0 and newlines:
            match_end, inserted, rule = last_newline + 1, "", "leading_blank_lines"
        elif pos == start and after_nonspace and end == n and newlines != 1:
            match_end, inserted, rule = end, "\n" if newlines else "", "trailing_blank_lines"
        elif text[pos] == "\n":
            if newlines < 3:
                newlines -= 1
                pos += 1
                continue
            match_end, inserted, rule = last_newline + 1, "\n\n", "blank_lines"
        elif pos < last_newline:
            match_end, inserted, rule = text.find("\n", pos, end), "", "line_end_spaces"
        elif pos == start and after_nonspace and before_nonspace and (
            end - start >= 2 or text[start] == "\t"
        ):
            # The run has no newline here, so it is spaces and tabs: two or
            # more spaces, or anything holding a tab.
            match_end, inserted, rule = end, " ", "space_runs"
        else:
            # Past the last newline only a match at the run's start was possible.
            break
        yield pos, match_end, inserted, rule
        newlines -= text.count("\n", pos, match_end)
        pos = match_end


def _spans(text: str):
    for start, end in _runs(text):
        yield from _run_spans(text, start, end)


def normalize_whitespace(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Tidy the whitespace of `text`; never changes a non-space character."""
    return replace_spans(text, STAGE, _spans(text))
