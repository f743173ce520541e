"""Stage `rejoin_lines`: words broken at line ends, soft hyphens, and (with
`Config(unwrap=True)`) paragraphs hard-wrapped at a fixed width.

`blocks` reads a text's lines and blocks, `hyphens` decides each hyphen at a
line end, `unwrap` finds the line breaks of hard-wrapped paragraphs, `stage`
turns both into edits; the thresholds are in `tuning`.
"""
from .stage import RULES, STAGE, rejoin_lines

__all__ = ["RULES", "STAGE", "rejoin_lines"]
