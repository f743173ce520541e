"""Stage `normalize_whitespace`: tidy spaces and blank lines, keep paragraphs.

Runs of spaces and tabs inside a line become one space, line ends are
stripped, three or more newlines become two, blank lines at the start go and
the end keeps at most one newline. A text that separates paragraphs with a
blank line keeps them, and so does one that uses a single newline. Only
whitespace is ever touched.
"""
from __future__ import annotations

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


def _spans(text: str):
    for match in WHITESPACE_RE.finditer(text):
        rule = match.lastgroup
        inserted = _REPLACEMENT[rule]
        if inserted is None:
            inserted = "\n" if "\n" in match.group() else ""
        yield match.start(), match.end(), inserted, rule


def normalize_whitespace(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Tidy the whitespace of `text`; never changes a non-space character."""
    return replace_spans(text, STAGE, _spans(text))
