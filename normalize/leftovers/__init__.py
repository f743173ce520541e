"""Stage `remove_leftovers`: page furniture that scraping left in the text.

Rules are data (`normalize/rules/`, one pack per family, and the user packs
named in `Config.leftover_rules`). A rule recognises a family's *shape* (a
short line, its place in the document, the family's key words, no sentence
grammar), not one site's wording, and has one of five shapes:

line
    The whole line (trimmed) is the leftover; it goes with its newline.
block
    A heading line ("Related stories", "Tags") that goes like a line rule;
    when every line after it is another leftover or a short link-like line,
    that trailing run goes too.
line_start, line_end
    The leftover sits at the start or end of a line that otherwise stays
    (`field.-VNA`, a ` (Source:` after a long paragraph); only the match goes.
inline
    A clearly shaped leftover inside a line (`. Photo: NLD |`); each match goes.

`where` narrows a rule to the `last` line of article text, or (line rules) to
the `tail`: the trailing run of leftover and blank lines at the end.

The prose guard: no line is removed whole when it reads as article text: it
reports speech ("said", "according to"), holds more sentences than the rule
allows (`max_sentences`, 1 by default), or sits inside a sentence wrapped
over several lines. Precision beats recall: missing a leftover is better
than deleting a sentence.

Every removal is an edit named "family/id", so `restore` can put it back.

Beyond the rules, block evidence: runs of menus, footers and story boxes
around the article (`blocks`, on the line shapes of `shapes`), a comment
thread after it (`threads`), a gallery's numbered captions and a stream of
cut-off teasers (`streams`), and stray HTML tags inside lines (`markup`);
each registered by name in `blocks.RULES`. A rule
for some languages only meets a text in one of them (`language`).

The parts: `stage` (the stage itself), `lines` (whole-line and block rules),
`edges` (line_start, line_end and inline rules), `dispatch` (which rules a
line can meet), `heads` (the common line heads' rules, learnt ahead), `prose`
(the prose guard), `blocks`, `shapes`, `threads`, `streams`, `markup`,
`language`, and `tuning` (the thresholds).
"""
from __future__ import annotations

from ..rules import Rule, rules_for
from .prose import reads_as_prose
from .stage import STAGE, remove_leftovers

__all__ = ["STAGE", "Rule", "reads_as_prose", "remove_leftovers", "rules_for"]
