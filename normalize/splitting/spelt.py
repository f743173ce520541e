"""Rule `rejoin_spelt_out`: a word the tables lack, spelt out in lone letters (`K a r v o n e n`).

`strays.stray_spaces` reads a line's tokens with the word model; a run of
SPELT_OUT_LETTERS lone letters or more that the programme read mostly as
letters alone is a name or OCR's garble spelt out, and every space inside it
goes. Not letters in the alphabet's order (list markers), nor, up to
SPELT_MATH_LETTERS, on a formula's line (variables).
"""
from __future__ import annotations

import re

from .shapes import MATH_RE
from .segment_tuning import SPELT_MATH_LETTERS, SPELT_OUT_LETTERS

RULE = "rejoin_spelt_out"

# Lone letters in a row, the last with a closing stop or comma at most (K a r v o n e n,).
SPELT_RUN_RE = re.compile(r"(?<!\S)[A-Za-z](?: [A-Za-z]){%d,}(?=[.,;:)]?(?:\s|\Z))" % (SPELT_OUT_LETTERS - 1))
# What every such run holds (its second and third letters, each a space on both sides): a pattern that
# opens with a space, which the engine finds by a scan for the space, where the run's pattern tries
# every character (5 ms against 25 ms over dev's lines, one of which holds it). A run of four letters
# or more holds it (SPELT_OUT_LETTERS: tests/test_rejoin_fast_paths.py).
SPELT_HINT_RE = re.compile(r" [A-Za-z] [A-Za-z] ")


def spelt_out_runs(line: str) -> list[tuple[int, int]]:
    """(start, end) of each run of SPELT_OUT_LETTERS lone letters or more in
    `line`, small after the first or all capitals, neither in the alphabet's
    order (a b c d, list markers) nor, up to SPELT_MATH_LETTERS, on a
    formula's line (variables: m b j c j)."""
    if " " not in line or SPELT_HINT_RE.search(line) is None:
        return []
    found = []
    math = None  # whether the line holds a formula's signs, asked once
    for match in SPELT_RUN_RE.finditer(line):
        letters = match.group().replace(" ", "")
        if not (letters[1:].islower() or letters.isupper()):
            continue
        if all(a < b for a, b in zip(letters.lower(), letters[1:].lower())):
            continue
        if len(letters) <= SPELT_MATH_LETTERS:
            if math is None:
                math = MATH_RE.search(line) is not None
            if math:
                continue
        found.append(match.span())
    return found


def spelt_out(line: str, runs: list[tuple[int, int]], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with every space of each spelt-out run (`spelt_out_runs`)
    that the programme read mostly as letters alone (K a r v o n e n, a name,
    where it read only `be`; D r a v o she k; o r t e f u r a, OCR's garble):
    a word the tables lack, spelt out (RULE). A run the programme
    read mostly as words stays as it read it (t h e m o d e l; m a k i n g t
    hear ctype, wrong in part), as does one it joined past its ends (c o n c
    l u s i o ns: a word's letters)."""
    if not runs:
        return found
    taken = {at for at, _ in found}
    spelt = []  # the runs read as spelt out
    for start, end in runs:
        if start - 1 in taken or end in taken:
            continue
        # (The run as the programme read it: each space it took gone.)
        words = "".join("" if at in taken else line[at] for at in range(start, end)).split()
        if 2 * sum(len(word) == 1 and word.lower() not in "ai" for word in words) <= len(words):
            continue
        spelt.append((start, end))
    if not spelt:
        return found
    # (`found` is filtered once for all runs: a line of many runs stays linear.)
    inside = {at for start, end in spelt for at in range(start + 1, end)}
    return sorted([(at, rule) for at, rule in found if at not in inside]
                  + [(at, RULE) for start, end in spelt for at in range(start + 1, end, 2)])
