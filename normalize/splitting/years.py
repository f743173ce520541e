"""Rule `rejoin_split_year`: a stray space inside a year (`in 19 78`, `October 201 9`).

A year broken by a stray space reads as two numbers, which no sentence writes
where a date goes: after a month or a month's day (`6 March 19 78`,
`March 30, 2 015`), after a word that opens a date (`in 1 976.`, `since 20 12`)
with no word after it that the number would count (`in 2 006 cases`, thousands
spaced in the SI style, stays; a function word may follow: `in 20 12 he`), or opening a season (`the 2 018–19 season`).
The pieces must make a year (YEAR_FIRST to YEAR_LAST) of four digits.
Never a table's numbers (a line with more than a few numbers apart is left),
nor a line that spaces its thousands elsewhere (`from 1 500 to 2 000`).
"""
from __future__ import annotations

import regex

from .lexicon import lexicon
from .segment_tuning import FUNCTION_WORD_COUNT, YEAR_FIRST, YEAR_LAST, YEAR_LINE_NUMBERS
from .words import CALENDAR_WORDS, DATE_OPENERS

RULE = "rejoin_split_year"

# Two numbers one space apart that make four digits, each whole (not inside 3.4 or 1,200, nor
# a time's hour: Oct 16 14:29), and the word or the character before them.
SPLIT_YEAR_RE = regex.compile(
    r"""
    (?P<before> (?<![\w.,]) [^\W\d_]+ [ ] | [0-9]{1,2},?[ ] | ^ | [(] )
    (?P<head> [12][0-9]{0,2} ) [ ] (?P<tail> [0-9]{1,3} )
    (?![\w]|[.,:][0-9])
    """,
    regex.VERBOSE,
)
# What every split year holds: its first digits, a space, a digit.
YEAR_HINT_RE = regex.compile(r"[12][0-9]{0,2} [0-9]")
# A number alone, to count a line's numbers.
LONE_NUMBER_RE = regex.compile(r"(?<![\w.,])[0-9]+(?:[.,][0-9]+)*(?!\w)")
# A number whose thousands are spaced (2 000, 12 500 000): the group's first space.
SPACED_THOUSANDS_RE = regex.compile(r"(?<![\w.,])[0-9]{1,3}( )[0-9]{3}(?![\w]|[.,][0-9])")
# A season or a span: a dash and a number after the year (`2018–19`, `1980-81`).
SPAN_RE = regex.compile(r"[–-][0-9]")


def split_years(line: str) -> list[int]:
    """Positions in `line` of the stray spaces inside years."""
    if YEAR_HINT_RE.search(line) is None:
        return []  # (most lines hold no number before a space and a digit)
    found = [match.end("head") for match in SPLIT_YEAR_RE.finditer(line)
             if len(match.group("head") + match.group("tail")) == 4
             and YEAR_FIRST <= int(match.group("head") + match.group("tail")) <= YEAR_LAST
             and _a_year_goes_here(match, line)]
    if found and len(LONE_NUMBER_RE.findall(line)) > YEAR_LINE_NUMBERS:
        return []  # a table's numbers, counted once a line
    if found and any(m.start(1) not in found for m in SPACED_THOUSANDS_RE.finditer(line)):
        return []  # from 1 500 to 2 000: thousands spaced in the SI style
    return found


def _a_year_goes_here(match, line: str) -> bool:
    """Whether the words around a split number (`match`) are a date's."""
    before = match.group("before").strip().rstrip(",")
    rest = line[match.end("tail"):]
    if SPAN_RE.match(rest):
        return True  # 2 018–19, 19 80–81: a season
    if before.lower() in CALENDAR_WORDS or (before.isdigit() and _after_month(line, match.start("before"))):
        return True  # 6 March 19 78, October 201 9, March 30, 2 015
    if before.lower() in DATE_OPENERS:
        # in 1 976. / in 20 12 he: not `in 2 006 cases` (a count of what follows)
        following = rest.split(maxsplit=1)[0] if rest.startswith(" ") and rest.strip() else ""
        return not following[:1].islower() or lexicon().unigrams.get(following, 0.0) >= FUNCTION_WORD_COUNT
    return False


def _after_month(line: str, start: int) -> bool:
    """Whether the word before position `start` (a day's number) is a month."""
    words = line[:start].split()
    return bool(words) and words[-1].lower() in CALENDAR_WORDS
