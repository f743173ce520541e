"""The thresholds of the line-end rules, each with what it trades and how it was measured.

Figures come from `benchmarks/wrapped.py` (dev articles hard-wrapped at 60
to 80 columns with words hyphenated by pyphen's en_US patterns, and the same
with the articles' own hyphenated compounds broken at their hyphens) and
from `score.py` on dev and clean-web-dev with `--unwrap`; see
docs/measurements.md.
"""
from __future__ import annotations

# --- line-end hyphens (`hyphens`) ---------------------------------------------------

# A word rejoined from a line end's pieces must be this common in the web tables (about zipf
# 1.3, the tables' floor is 12,711): rarer joins are left to the document's own evidence.
LINE_END_WORD_COUNT = 12_711
# Two pieces that are each a word (`well`, `known`) stay hyphenated unless the web writes them
# joined this many times more often than as a pair (`up on`: 7 times, joined; `best selling`: 6.7,
# joined; `semi finals`: 6.4; `well known`, `long term`: under 1, kept). Pure ambiguity, traded on
# benchmarks/wrapped.py (1,800 wrapped articles): ratio 10 rejoined 97.1% of hyphenated words and
# joined 16 of 418 compounds; 3 rejoined 98.7% and joined 38 (cooperation, antivirus, prepaid:
# forms the web writes closed); 2 rejoined 98.9% and joined 43.
COMPOUND_JOINED_RATIO = 3
# The tables hold only pairs seen 100,000 times or more: an absent pair counts as that floor.
PAIR_FLOOR_COUNT = 100_000
# A part the document hyphenates elsewhere marks a compound (anti-spam beside anti-\nvirus) from
# this many letters on: re-, co-, ex- also open plain words (re-\nmarks). 3 letters: 98.7% and 38
# joined; any length: 98.2% and 34; none: 98.8% and 44.
STYLE_PART_LETTERS = 3

# --- unwrapping (`unwrap`) --------------------------------------------------------------

# Lengths count characters other than whitespace (the word stages after `rejoin_lines` insert and
# remove spaces; cleaning again must measure the same): a line of 60 to 80 columns holds 50 to 70.
# A block is read as hard-wrapped only at a width (its longest line) in this range: shorter
# lines are verse, addresses and lists; longer ones are paragraphs written on one line.
MIN_WRAP_WIDTH = 34
MAX_WRAP_WIDTH = 130
# A block's width is the length of its line ranked (lines // WIDTH_RANK) from the longest, the
# second longest at least in a block of three lines or more: a word rejoined from a line end, its
# line break moved after it, lengthens about one line in six of the wrapped articles.
WIDTH_RANK = 3
# A break is forced (greedy wrapping's mark) when the next line's first word would not have fitted
# on the line, within this many characters of the width: a line's spaces (not counted) differ from
# the longest line's by a few. On 200 wrapped articles (rank, slack: wrapping breaks left, paragraph
# ends one line end apart kept): max, 7: 3.9%, 98.8%; 2, 7: 0.7%, 97.7%; 3, 9: 0.5%, 97.9%;
# 2, 5: 0.9%, 97.9%.
WRAP_SLACK = 9
# At least this share of a block's line breaks must be forced (a block of paragraphs one line end
# apart has one unforced break, a paragraph's end, for every few forced ones) ...
MIN_WRAPPED_SHARE = 0.5
# ... at most this share of the forced ones may end a sentence (wrapped prose: about one in
# twenty; a text of one sentence a line: all) ...
MAX_SENTENCE_END_SHARE = 0.5
# ... and it is verse or a list of titles (a page's links, one a line), not wrapped prose, when
# more than this share of its lines open with a capital, and either as many end in punctuation
# (verse) or CAPITAL_LINES of them or more do (wrapped news: names open about one line in five).
CAPITAL_SHARE = 0.5
CAPITAL_LINES = 2
# A block of fewer lines than this is unwrapped only at the width of the text's other wrapped
# blocks (two lines alone could be a heading and its subtitle).
MIN_BLOCK_LINES = 3
