"""The thresholds of the line-end rules, each with what it trades and how it was measured.

Figures come from `benchmarks/wrapped.py` (dev articles hard-wrapped at 60
to 80 columns with words hyphenated by pyphen's en_US patterns, and the same
with the articles' own hyphenated compounds broken at their hyphens) and
from `score.py` on dev and clean-web-dev with `--unwrap`; see
docs/measurements.md.
"""
from __future__ import annotations

# --- line-end hyphens (`hyphens`) ---------------------------------------------------

# A word rejoined from a line end's pieces must be this common in the web tables: their floor
# (12,711 of 588 billion words), so any word they hold; the document's own spellings come first.
LINE_END_WORD_COUNT = 12_711
# Two pieces that are each a word (`well`, `known`) stay hyphenated unless the web writes them
# joined this many times more often than as a pair (`up on`: 7 times, joined; `semi finals`: 6.4;
# `well known`, `long term`: under 1, kept). Pure ambiguity: the web writes `antivirus` and
# `cooperation` closed, a British text hyphenates them. On benchmarks/wrapped.py's 1,800 articles
# (hyphenated words rejoined; of 420 compounds at a line end, joined): 10: 97.8%, 26; 5: 98.6%,
# 40; 3: 98.9%, 44; 2: 99.0%, 49; 1: 99.3%, 55. Most compounds joined are forms the web writes closed.
COMPOUND_JOINED_RATIO = 2
# The tables hold only pairs seen 100,000 times or more: an absent pair counts as that floor.
PAIR_FLOOR_COUNT = 100_000
# A part the document hyphenates elsewhere marks a compound (anti-spam beside anti-\nvirus) from
# this many letters on: re-, co-, ex- also open plain words (re-\nmarks). At ratio 3: 2 letters:
# 98.6% and 43 joined; 3: 98.9% and 44; never: 99.0% and 50.
STYLE_PART_LETTERS = 3

# A verb and a particle (line up, lay off, break through) stay hyphenated unless the web writes
# them joined this many times more often than apart: the noun is hyphenated in British use and
# closed in American (lineup, layoff). At 6, 10 and 20 on benchmarks/wrapped.py: compounds joined
# 23, 22, 22; hyphenated words left 73, 76, 78.
PARTICLE_JOINED_RATIO = 10
# A second piece after a hyphenated prefix (self-, non-), or after a first piece that is no word,
# is read as a word of its own from this many letters (self-\nconfessed; not multi-\nple).
PREFIX_TAIL_LETTERS = 4
# An adverb in -ly before a word (widely-\nheld) is one from this many letters before the -ly
# (not Hol-ly, ana-ly).
ADVERB_STEM_LETTERS = 4
# A word, then letters the web tables hardly know (fewer words than this) and that are no known
# word with an ending: a rare word or a name cut by hyphenation (Bell-\nquistor). At 50,000 and
# 120,000: hyphenated words left 88 and 86, compounds joined 49 and 51 (of 420); a word with an
# ending the tables lack (court-ers) is still a word.
RARE_TAIL_COUNT = 50_000

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
