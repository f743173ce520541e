"""Every threshold of the word model's segmentation and rejoining, in one place:
`segment` (the runs the model reads), `nospace` (text that lost every space),
`rejoin` and `gaps` (stray spaces), `language` (the language guard).

The splitter's rules have theirs in `tuning`; these are the web tables'
counts and scores, a job of their own. Each is a named constant with a
comment saying what it trades and how it was measured: figures from
../shared/corpus/spaces-dev.jsonl by group and clean-web-dev.jsonl with
the leftovers stage off (docs/measurements.md has the tables).
"""
from __future__ import annotations

# The longest word the segmentation considers: instant-segment's own limit, kept so that the
# compiled and the Python segmenters agree (and the programme stays linear in the run).
MAX_WORD = 24
# Segmentations of short runs (single words the rejoin checks ask about) kept per process.
SHORT_RUNS_KEPT = 50_000

# A token of this many ASCII letters or more among spaced words is asked whether it is text that
# lost every space; shorter glued runs are the rules' (dev: 860 joins of 16 letters or more, none of
# 40; at 24 the model cut a seed's rare derived word, multilateral|is|at|ion).
NO_SPACE_RUN_LETTERS = 40
# (Among spaced words such a run's parts of SCRAP_ALONE_LETTERS letters or more need only be
# known words, NO_SPACE_WORD_COUNT, not common ones, SCRAP_COUNT: a paper's terms, invariance,
# amplitudes. spaces-dev arXiv.OCR split R/P 0.7240/0.9205 -> 0.7448/0.9226; the other sets unchanged.)
# A token alone on its line is asked from this many letters on (a sentence that lost its spaces).
NO_SPACE_LINE_LETTERS = 12
# A run is segmented only into this many words or more.
NO_SPACE_MIN_WORDS = 2
# Share of a run's letters in words the web tables know, or it is left (a foreign or coded
# string). 0.8 lost 4 points of recall on Wiki.typos.no_spaces, whose typos are unknown words.
NO_SPACE_KNOWN_SHARE = 0.7
# The same in a text with no space at all, which lost them all (Latin names and typos lower the
# share: Zorbiellamonas|is|a|genus). Wiki.typos.no_spaces: recall 0.897 -> 0.905 for precision
# 0.962 -> 0.961; 0.5 gained 0.001 more.
NO_SPACE_TEXT_KNOWN_SHARE = 0.6
# A piece counts as a known word from this web count on (of 588 billion words; about zipf 2.2).
NO_SPACE_WORD_COUNT = 100_000
# A piece of three or four letters rarer than this is a scrap, glued back to a neighbour (a name
# or a typo cut into bits: Ve|it|re, el|lected); about zipf 3.7. Wiki.typos.no_spaces: split
# precision 0.936 -> 0.962 for recall 0.853 -> 0.840 (the DP alone). Raised from 1 million
# (zipf 3.2) with SLIPPED_WORD_LETTERS, which keeps typo'd function words: 0.9450/0.9608 ->
# 0.9414/0.9655 (5 million: 0.9393/0.9669; 10 million cost recall at the same rate).
SCRAP_COUNT = 3_000_000
# A scrap of two letters up to this many that is one slip from one of the web's commonest words
# (`nospace._slipped_common_word`: cn, yo, au, tht; LETTER_SYMBOL_WORD_COUNT), between two
# pieces that are no scraps, stands as a word (a typo'd function word), not glued to a
# neighbour. Wiki.typos.no_spaces split 0.9369/0.9631 -> 0.9450/0.9608 (SCRAP_COUNT 1 million),
# 0.9414/0.9655 with SCRAP_COUNT at 3 million; 2 letters: 0.9388/0.9659. A letter alone
# (champion|s|that) is never such a word.
SLIPPED_WORD_LETTERS = 3
# Scraps `_slipped_common_word` remembers.
SLIPPED_WORDS_KEPT = 20_000
# Misspelt words in a run with no spaces (`typos.segment_with_typos`): a string the tables lack,
# of TYPO_MIN_LETTERS to TYPO_MAX_LETTERS letters, one slip inside it from a word the web counts
# TYPO_WORD_COUNT times or more, scores as that word less TYPO_COST (log10), in the stretches
# where the segmentation holds weak parts (rarer than SCRAP_COUNT). Wiki.typos.no_spaces split
# 0.9421/0.9655 -> 0.9426/0.9669 at 5.0 (3.0: 0.9413/0.9674, 4.0: 0.9421/0.9670, 6.0:
# 0.9425/0.9666; 10 million at 4.0: 0.9420/0.9666). Whole pieces read so: 0.9411/0.9694 at 4.0,
# but 18 times slower on text with no spaces; a first letter slipped too (the|rfinal): worse.
TYPO_WORD_COUNT = 1_000_000
TYPO_COST = 5.0
TYPO_MIN_LETTERS = 4
TYPO_MAX_LETTERS = 12
# The words read again with a stretch of weak parts, each side: 1 gave 0.9426/0.9669; 2
# 0.9427/0.9678; 3 0.9426/0.9679, 4 0.9425/0.9682 (108 KB of no-space lines with typos: 1.2 s
# at 1, 2.2 s at 2 with the programme inlined, 3.5 s at 3, 4.8 s at 4).
TYPO_CONTEXT_WORDS = 2
# A stretch of weak parts longer than this keeps the compiled segmentation (the Python
# programme is about 50 times slower).
TYPO_STRETCH_LETTERS = 200
# A run longer than this keeps the compiled segmentation whole (a megabyte with no space:
# 4.4 s cleaned before typos, 10.0 s read again throughout).
TYPO_RUN_LETTERS = 10_000
# Strings `typos._meant` remembers.
TYPO_PIECES_KEPT = 50_000
# A name no list knows glued to `is` or `was` before an article keeps this many letters at least
# when the verb is cut from it (kelvarot|is|a; not Ar|is).
PEELED_NAME_LETTERS = 4
# A name cut from the verb that follows it at a sentence's start (`leads`: Brzowikiis a) keeps
# this many letters at least (not Bris a, Alis a). spaces-dev Wiki split 0.8212/0.9598 ->
# 0.8265/0.9600 (is, was), 0.8278/0.9601 (has, had too); dev, clean-web and the other groups
# unchanged.
LEAD_NAME_LETTERS = 4
# Pieces this short stand alone only as the short words English writes (data/short_words.txt).
SHORT_WORD_LETTERS = 2
# A scrap this long stands as a word of its own (a name: Tasker|house); shorter ones are glued back.
SCRAP_ALONE_LETTERS = 5
# A word ending in a letter outside ASCII this long at least (the last FOREIGN_WORD_LETTERS
# characters before the cut all letters) is cut from one of the web's commonest words glued
# after it (Vukić|and, Doré|was; `nospace._after_foreign_word`). Higher keeps a short name glued
# to the word after it where the model's own cuts do not part them; lower lets the few letters
# that open an accented word be cut from the rest of it. Measured by varying it on dev,
# spaces-dev and clean-web-dev: 1 to 4 give the same outputs; 5 and 6 lose one and two true cuts
# (Wiki.typos.no_spaces split recall 0.94281 -> 0.94274 -> 0.94266, precision 0.96798 throughout;
# clean-web 6.74 false changes per 100k words throughout). 3 sits inside the flat range.
FOREIGN_WORD_LETTERS = 3
# A token with more than this many letters for each ASCII one is in another script: never segmented.
FOREIGN_SCRIPT_SHARE = 1.5

# Rejoining: at most this many pieces make one word (Administra t ions, c o n s e q u e n c e).
JOIN_MAX_PIECES = 16
# The joined word must be this common in the web tables (about zipf 2.5).
JOIN_WORD_COUNT = 200_000
# A rarer word joins when it is this long and this common and neither piece is a word alone or a
# letter (`scraps.rare_word_joins`: sandb ank 84,000, grav elly, bri gantine, belli gerency
# 17,000; not fi di, man dem). spaces-dev join recall Wiki 0.728 -> 0.758 (precision 1.0), ACL
# 0.767 -> 0.768, arXiv.OCR 0.786 -> 0.786; split recall Wiki 0.815 -> 0.817, arXiv.OCR split
# precision 0.905 -> 0.908; dev and clean-web unchanged. 4 letters joined dev's patois (fi di);
# 3,000 or 5 letters joined no more (the tables' rarest word is about 12,000).
JOIN_RARE_WORD_COUNT = 15_000
JOIN_RARE_MIN_LETTERS = 6
# The joined word has this many letters at least, and if that few, is this common (t he -> the;
# not x y -> xy).
JOIN_MIN_LETTERS = 3
JOIN_SHORT_COUNT = 20_000_000
# A piece of three letters or more is a word alone from this web count (about zipf 3.2).
NONWORD_COUNT = 1_000_000
# A word in two pieces of small letters, neither a word alone (nu mber, agai nst), is joined in a
# long text that shows no other broken word (`rejoin.LONE_BREAKS`) from this web count, written
# this many times as often as the pair apart (et al, de la stay; co op goes): on dev's true texts
# with a stray space put inside one word in fifty of six letters or more, join recall 0.730 ->
# 0.804 at precision 1.0; no change on dev, spaces-dev, clean-web-dev, nor on 476k words of
# clean READMEs and licences.
SURE_JOIN_COUNT = 1_000_000
SURE_JOIN_RATIO = 10
# The joined word must score this much (log10) above its pieces read in a row, when a piece is
# no word alone (evergr een); the word model decides the rest.
JOIN_GAIN = 1.0
# ... and this much when every piece is a word alone, only in a text that shows stray spaces
# elsewhere (detect ive 5.0, there fore 4.3; kept: him self 3.0, a part -0.4, in to 0.6, may be
# -1.0, any one 0.6). In clean text such pairs are never joined (tea spoon 4.2, app lets 3.7).
JOIN_WORDS_GAIN = 3.0
# ... and this much in a text that shows none (mem ber 7.0, wit hin 7.4, num ber 7.3,
# sim ply 6.4; kept: them selves 4.8, detect ive 5.0, pass word 4.2, sea son 4.1, and every
# pair of common words, which opens no join there: COMMON_PIECE_COUNT).
JOIN_WORDS_UNDAMAGED_GAIN = 5.5
# A space one or two letters too late (thatw ere, thenn ext) moves where both words it makes
# are this common (zipf about 5.2) and read JOIN_WORDS_UNDAMAGED_GAIN better so. Where the
# letters after it are no word either (wasfi xed, teaminc luded: both pieces broken), up to
# three letters and words of JOIN_WORD_COUNT do: spaces-dev Wiki split recall 0.788 -> 0.791,
# join recall 0.697 -> 0.704, split precision 0.954 -> 0.952; dev and clean-web unchanged.
LATE_SPACE_COUNT = 100_000_000
# A space in the wrong place where a space was lost too (`gaps.resegmented_spaces`:
# aroundth e -> around the, ofherit age -> of heritage) moves when the two words
# the model reads in the letters score this much (log10) above the pieces as they
# stand. On spaces-dev every move found at 10 or more was right (Wiki 12, OCR 1,
# ACL 1; below, 2.5 and less, OCR garble: var iat -> vari at); Wiki split recall
# 0.795 -> 0.805, precision 0.952 -> 0.954, join recall 0.707 -> 0.717; dev,
# clean-web and the other groups unchanged.
RESEGMENT_GAIN = 10.0
# (A side the tables hold under COMMON_PIECE_COUNT is a web scrap more than a word: the space
# moves beside it by one letter too, tha tthey -> that they. Wiki split recall 0.8278 -> 0.8291,
# join recall 0.7576 -> 0.7589; dev, clean-web and the other groups unchanged.)
# A word alone this common (zipf about 4.2) never joins another such in a text that shows no
# stray space; rarer words may be a broken word's pieces (ies, hin, ict: 1-8 million). Wiki
# join recall 0.674 -> 0.684 (precision 1.0), the same as at 100 million, where rejoin_words
# took 1.8x its time (the gate opened on most lines); clean-web and dev unchanged.
COMMON_PIECE_COUNT = 10_000_000
# A lone letter beside words joins them into one of the commonest words (t he, Ther e -> there;
# not H is -> His inside a sentence): about zipf 6.2 ...
JOIN_LETTER_WORD_COUNT = 500_000_000
# ... or into any word, unless a piece is a function word this common (of f, is g: a symbol after
# it; son g -> song, fil m -> film are letters): about zipf 5.5, the web's 370 commonest words.
# Such a word also never takes a scrap of a run with no spaces when the other neighbour can
# (Marcolfi|was, not Marco|lfiwas).
FUNCTION_WORD_COUNT = 200_000_000
# A lone letter beside a word this common is a symbol, not a broken word's letter (of f, is g),
# in `gaps`: the web's 42 commonest words (the, of, and, as, if, was). At FUNCTION_WORD_COUNT
# (370 words) fin e, pos e stayed apart: spaces-dev join recall Wiki 0.7792 -> 0.7817,
# arXiv.OCR 0.7891 -> 0.7946, ACL 0.7724 -> 0.7732 (precision unchanged); Wiki split
# 0.8331/0.9633 -> 0.8344/0.9618 (a joined word then split: thetopsoil); dev, clean-web unchanged.
LETTER_SYMBOL_WORD_COUNT = 1_000_000_000
# On a line with a formula, a run of at most this many lone letters beside another lone letter
# or sign is symbols (u j u j, H i), not a word spelt out. 4 kept arXiv.OCR's join recall 0.791
# -> 0.776 (a run of any length: 0.757); extract-dev's formulas lost their joins (juju, Hi).
SYMBOL_RUN_LETTERS = 4
# A join's pieces holding this many small letters alone (not a or i) are a word spelt out, not
# symbols beside a function word (a c c e l e r a t i on; of f, w he n stay): spaces-dev
# arXiv.OCR join recall 0.7873 -> 0.7901 (precision 0.9920 -> 0.9921); the other sets unchanged.
SPELT_LETTERS = 3
# (Pieces of two letters at most holding as many, a whole run of them, may make a rarer word of
# JOIN_RARE_MIN_LETTERS and JOIN_RARE_WORD_COUNT: v e l o ci t y. spaces-dev arXiv.OCR join
# R/P 0.8308/0.9924 -> 0.8362/0.9925; not a run that goes on, o r g a n i z a t i o n a l is t:
# ACL join precision 0.9970 -> 0.9950 without that check.)
# A run of this many lone letters or more that the programme reads mostly as letters is a word the
# tables lack, spelt out (K a r v o n e n, a name; OCR's garble): clean-web-dev, dev and the true
# texts of spaces-dev write no run of four but list markers in the alphabet's order and a formula's
# letters. spaces-dev join R/P arXiv.OCR 0.8163/0.9923 -> 0.8308/0.9924, ACL 0.7818/0.9960 ->
# 0.7841/0.9970; the other sets unchanged (4 letters: the same).
SPELT_OUT_LETTERS = 5
# ... and on a formula's line (MATH_RE) more letters than this (a formula's letters run to five:
# a sum's m b j c j in clean-web-dev's mathjax page; OCR's garble beside a backslash to seven):
# spaces-dev arXiv.OCR join R/P 0.8416/0.9925 -> 0.8471/0.9926; the other sets unchanged.
SPELT_MATH_LETTERS = 5
# A lone s after a word of more letters than this is its plural's (railway s; not As s -> Ass).
PLURAL_HEAD_LETTERS = 3
# A piece is a lost space more than a stray one when it is a pair of words written this often
# (sofar: "so far" 17 million; not upcom: "up com", absent).
GLUED_PAIR_COUNT = 1_000_000

# A year split by a stray space (`years.split_years`: in 19 78, October 201 9) joins when
# its digits make a year of this range; clean-web, dev and extract-dev hold no such split
# number after a date's word, Wiki's damaged lines 20.
YEAR_FIRST = 1000
YEAR_LAST = 2099
# ... on a line of at most this many numbers (more: a table's, 19 78 two of its cells).
YEAR_LINE_NUMBERS = 6

# Language guard: a line is foreign with this much foreign-word evidence (a strong word counts 1,
# a weak one 0.5) when it outweighs its English function words. On 21,000 labelled lines: 0.0-0.5%
# of damaged English lines (dev) called foreign, 0.1-2.7% of clean web English ...
FOREIGN_WORDS_LEAST = 1.0
# ... or when this share of its words hold a letter outside ASCII (Việt Nam, défense).
FOREIGN_LETTER_SHARE = 0.25
# Lines whose language the guard remembers (the splitter asks again on each pass over a text).
LINES_KEPT = 4096

# What keeping a small letter alone (not a or i) costs a line's reading in
# `strays.stray_spaces`, in log10: the web's tables count letters alone often
# (initials, list markers), prose seldom writes one, so a broken word's last
# letter (use d, Brachydontu s) joins; symbols stay (of f, a formula's line).
LONE_LETTER_COST = 2.0

# A word the tables count this often is a function word (and, as, if, the): a space
# before a line's last stop after one is where a page lost a formula (`written as .`),
# not a slip (`rejoin._final_stop`; the lists JOIN_HEADS and PARTICLES name the rarer
# ones, over, with). FUNCTION_WORD_COUNT (200M) would keep `people .`, `city .` apart.
# With the rule: spaces-dev join recall Wiki 0.7728 -> 0.7792, ACL 0.7708 -> 0.7724, OCR
# 0.7882 -> 0.7891 (precision unchanged); clean-web unchanged (a math page's `matrix .` kept).
FINAL_STOP_WORD_COUNT = 1_000_000_000
