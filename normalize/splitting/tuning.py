"""Every threshold of the splitter, in one place.

Each is a named constant with a comment saying what it trades; measured on
the shared dev corpus (see README, "Word splitting"). No rule body holds a
bare threshold: it names one of these. Zipf frequencies are log10 of a
word's occurrences per billion words (7 for "the", 3 for a rare word).
"""
from __future__ import annotations


# Cost of one inserted space, in log10 probability: how rare a lost space is.
BOUNDARY_COST = 1.5

# A known word is split only when the split beats it by this much (log10).
KNOWN_MARGIN = 0.5

# The least likely split (log10 probability, boundary costs included) that
# may replace an unknown token.
UNKNOWN_FLOOR = -16.0

# Least frequency of a part, by its length (1, 2, 3, 4+ letters); the only
# one-letter part is "a".
MIN_PART_ZIPF = (7.0, 5.3, 3.0, 2.5)

# Word lists hold glued pairs ("ofthe", "ratherthan") at low frequencies. A
# known token is split when the split is likelier, and a split that frees a
# function word (this frequent) pays a lower boundary cost: function words
# are what lost spaces glue most, and what compounds hold least.
FUNCTION_ZIPF = 6.0
FUNCTION_BOUNDARY_COST = 0.5

# A capitalised token that is no word is most often a name or a brand
# (Tapwave, Hawkpoint). Inside a sentence it is split only when its last part
# is a function word (Milburnsaid), or a word this common and the text names
# its first part alone elsewhere (Blairdismissed, Christmasperiod); at a
# sentence start, when its first part is this common (Thesedevelopments).
NAME_TAIL_ZIPF = 3.0

# After a capitalised word (a name of several words), a capitalised token is
# split into two words of 4+ letters this common (World Serviceprogramme);
# rarer parts are a surname's pieces (Serge Betsen, Tapsfield).
NAME_WORD_ZIPF = 4.0
FUNCTION_HEAD_ZIPF = 3.5

SENTENCE_HEAD_ZIPF = 4.0
DAMAGED_HEAD_ZIPF, DAMAGED_TAIL_ZIPF = 3.0, 3.5

# (A second word of three letters must be this common: Commentatorssay.)
DAMAGED_SHORT_TAIL_ZIPF = 5.5

# A capital I glued to a word this common is the pronoun (Iwill).
PRONOUN_NEXT_ZIPF = 4.5

# Tokens at least this frequent are never split; nor are longer letter runs.
SAFE_ZIPF = 4.7
MAX_RUN = 60

# Tokens longer than this are data (base64, a line of one character, a URL
# list), not glued prose: they are left as they are, and time stays linear.
MAX_TOKEN = 1000

# A token the web writes as one word is split only when the web writes its
# two parts apart this many times more often (at least: 94x; Botha: 13x).
WEB_RATIO = 20.0

# A run the word list hardly knows (below this) is mostly a user name or a
# domain on the web (onsale, myfuture): half that ratio is enough.
RARE_WHOLE_ZIPF = 2.0
WEB_RATIO_RARE = 10.0

# A camel-case token the word list knows this well is a name (PlayStation,
# WikiLeaks); below it, list entries are mostly glued pairs (theNetherlands).
CAMEL_WORD_ZIPF = 2.5

# Opening with a capital, a camel-case token the list knows at all is a name
# (CrowdStrike, DoorDash): lost spaces between two capitalised words make
# tokens no list holds (NationsConvention, DavidBlunkett).
CAMEL_NAME_ZIPF = 1.5

# What the model remembers, at most (each is emptied when full): tokens
# settled, letter runs segmented, decisions with their questions. About 200
# bytes an entry: next to the word tables (~170 MB) a process stays under the
# 250 MB the command may use, however varied the text it reads.
TOKENS_KEPT = 100_000
RUNS_KEPT = 25_000
DECISIONS_KEPT = 25_000

# A rare word this common and long may follow a function word in a split.
RARE_WORD_ZIPF = 1.5
RARE_WORD_LEN = 6

DERIVED_ZIPF = 2.5

# How common each of two long words glued in a capitalised token must be (`runs.segment_run`).
LONG_PAIR_ZIPF = 4.0

# A common word (this frequent) glued to a long word too rare to be a part
# by itself (recentprivatisations, steadiednerves): long rare words are
# whole words, not pieces, so the pair is the only reading.
COMMON_SIDE_ZIPF = 4.0
LONG_RARE_LEN = 7

# In a text that lost spaces elsewhere, a function word glued to a rare word
# (this rare at least, and less common than the other bound), rarer and
# shorter than above (twokickable, superjumbowas): a rare word makes no
# compound with a function word, unless that is a particle (outfoxing,
# backpedalled) or a word that ends words too (mettlesome, chromosone).
DAMAGED_COMMON_ZIPF = FUNCTION_ZIPF
DAMAGED_RARE_ZIPF = (1.0, 3.0)
DAMAGED_RARE_LEN = 6

# How many times more often than together the web must write a compound's
# two words apart for its text's evidence to split it: compounds the web
# writes nearly as often whole (webpage, 1.7x) are written both ways in one
# article too; a videogame (4.6x) or alot (11x) beside its words apart is a lost space.
COMPOUND_APART_RATIO = 3.0

# A run no list knows that one slip of a finger away from a common word
# (accordig, performane, a letter dropped, swapped, doubled or mistyped
# inside) is a misspelling that the word model cuts into rare pieces (accor
# dig, perfor mane): a cut whose weakest piece is rarer than this is not taken.
# Lost spaces make a run one slip from a word too (tohis, this), but cut into
# common words.
TYPO_PART_ZIPF = 4.0

# Side-by-side and name questions a text answers by searching itself before
# it builds the table for them: a search costs about a millisecond per
# megabyte, a table about a hundred, and most texts ask a few questions.
SEARCHES_PER_TEXT = 16

# A search is made with `str.find`, a loop in Python over the occurrences of
# the first word, the first time a text asks it: compiling a pattern costs
# more than such a search, and most questions come from words new to the
# process. A question asked again (the same words in another text) gets its
# compiled pattern, as does one about a word the text holds more often than
# FIND_AT_MOST times. At most PATTERNS_KEPT patterns (or first sightings) are kept.
FIND_AT_MOST = 400
PATTERNS_KEPT = 4096

# What reads as a lost space where a text shows none elsewhere (`_plain_join`,
# `_reads_as_join`, `_Document._undamaged_join`): how common the parts of a
# split with no function word must be (eleven letters or more in all, or
# short ones this common), and those beside a function word; how common the
# first of two words that open a sentence (Lastweek; not Silksong); how long
# two words are that no compound is made of.
UNDAMAGED_PART_ZIPF = 4.0
UNDAMAGED_COMMON_ZIPF = 5.0
JOIN_OTHER_PART_ZIPF = 3.5
UNDAMAGED_SENTENCE_HEAD_ZIPF = 5.5
LONG_PART_LEN = 8

CODE_WORD_ZIPF = 4.0

# How far the number rules look around a letter-digit boundary: no word or
# number they act on is longer, and a bounded look keeps hostile tokens linear.
WINDOW = 40

# How much more often than its floor the web must write a pair it lacks
# with the article's word (along term) for an article to open a compound.
ARTICLE_COMPOUND_FLOORS = 5.0

# A decision is remembered with the questions it asked of its text; this many
# differently answered versions at most are kept for one token in one setting.
VERSIONS_KEPT = 4

# A split can uncover another (Heeachother -> He eachother -> He each other):
# the stage runs again on the pieces, this many times at most.
MAX_PASSES = 3

# A long text is read a stretch of lines at a time, each about this many
# characters and its own evidence (its word counts, pairs and names): tables
# of a whole book would outgrow the CPU caches and cost more per word the
# longer the book. An article is one stretch.
STRETCH = 1 << 16

# How many marks written twice `_shows_lost_spaces` passes over at most
# before it takes one as the mark anyway (each is a search of the text).
MARKS_COUNTED = 8
