"""Every threshold of the splitter's rules, in one place (those of the word
model's segmentation, `nospace`, `rejoin` and the language guard are in
`segment_tuning`).

Each is a named constant with a comment saying what it trades; measured on
the shared dev corpus (see README, "Word splitting"). No rule body holds a
bare frequency or ratio: it names one of these. Zipf frequencies are log10
of a word's occurrences per billion words (7 for "the", 3 for a rare word).

The memory limits and STRETCH are read as `tuning.X` when used, so that a
test or a benchmark can lower them here, in one place; the others are
imported by name.
"""
from __future__ import annotations

# --- the scale -----------------------------------------------------------------

# Zipf minus this is a word's log10 probability (Zipf counts per billion
# words): the scale's definition, not a choice.
ZIPF_SHIFT = 9.0

# --- the word model's best split (`model.best_split`) --------------------------

# Cost of one inserted space, in log10 probability: how rare a lost space is.
BOUNDARY_COST = 1.5

# A known word is split only when the split beats it by this much (log10).
KNOWN_MARGIN = 0.5

# The least likely split (log10 probability, boundary costs included) that
# may replace an unknown token.
UNKNOWN_FLOOR = -16.0
# ... lowered by this much for each part past the second where every part is
# a clear word (this common, and of four letters or more or a function word:
# `model._clear_part`): every part costs its own log10 probability and a
# boundary, so a run glued from several common words (thefollowingsimpleform)
# scores below any fixed floor; a long rare word cut into short rare pieces
# (Greenlan|doc|eras, Parhip|pops|icon, function|ali|ties) stays under it.
# spaces-dev split recall Wiki 0.782 -> 0.787, arXiv.OCR 0.682 -> 0.690,
# precision unchanged; dev unchanged.
UNKNOWN_FLOOR_EXTRA_PART = 5.0
UNKNOWN_FLOOR_PART_ZIPF = 4.0

# Least frequency of a part, by its length (1, 2, 3, 4+ letters); the only
# one-letter part is "a".
MIN_PART_ZIPF = (7.0, 5.3, 3.0, 2.5)

# The longest part tried: no English word is longer, and a bound keeps the
# search linear in the run.
MAX_PART_LEN = 24

# Word lists hold glued pairs ("ofthe", "ratherthan") at low frequencies. A
# known token is split when the split is likelier, and a split that frees a
# function word (this frequent) pays a lower boundary cost: function words
# are what lost spaces glue most, and what compounds hold least.
FUNCTION_ZIPF = 6.0
FUNCTION_BOUNDARY_COST = 0.5

# Tokens at least this frequent are never split.
SAFE_ZIPF = 4.7

# Words of the list from this frequency up to SAFE_ZIPF have their answer to
# "can some text split it?" learnt ahead (`verdicts`, 86,000 words written
# each way, 2,200 of them splittable): a fresh process reads it, not works it
# out. Speed only; lower means larger files and a slower check of them (the
# test works every answer out again: 2.0 takes about 3 s).
LEARNT_ZIPF = 2.0

# Letter runs longer than this are no words, glued or not: never split, and
# time stays linear.
MAX_RUN = 60

# Tokens longer than this are data (base64, a line of one character, a URL
# list), not glued prose: they are left as they are, and time stays linear.
MAX_TOKEN = 1000

# A rare word this common and long may follow a function word in a split.
RARE_WORD_ZIPF = 1.5
RARE_WORD_LEN = 6

# A common word (this frequent) glued to a long word too rare to be a part
# by itself (recentnationalisations, calmednerves): long rare words are
# whole words, not pieces, so the pair is the only reading.
COMMON_SIDE_ZIPF = 4.0
LONG_RARE_LEN = 7

# A run no list knows that one slip of a finger away from a common word
# (accordig, performane, a letter dropped, swapped, doubled or mistyped
# inside) is a misspelling that the word model cuts into rare pieces (accor
# dig, perfor mane): a cut whose weakest piece is rarer than this is not taken.
# Lost spaces make a run one slip from a word too (tohis, this), but cut into
# common words.
TYPO_PART_ZIPF = 4.0

# --- what the word list knows ----------------------------------------------------

# A word the list knows at all (`_Document.known`'s default): enough for a
# long part or a second word beside a clear join; a rarer one is a name or a typo.
KNOWN_ZIPF = 2.0

# A word in its own right, not a rare form, a name's piece or a misspelling:
# what most rules ask of the words on both sides of a lost space.
WORD_ZIPF = 3.0

# A common word: what a rule asks of a word glued to a name, a short code or
# a hyphenated piece, where a rarer one is more often part of a name.
COMMON_WORD_ZIPF = 4.0

# The model's "common" words (typos are measured against them; most of an
# English text's words are among them).
COMMON_ZIPF = 3.0

# A word of this text used alone (four letters or more) counts as this
# common, though the list lacks it or knows it less: a name the text uses.
LOCAL_WORD_ZIPF = 2.5

# British spellings and productive suffixes: a long word made of a stem this
# common and such a suffix (multilateralisation) counts as DERIVED_ZIPF; a
# verb's -ed or -ing form this common ends a name glued to it.
DERIVED_STEM_ZIPF = 2.0
DERIVED_ZIPF = 2.5

# --- the web's counts (`Model.web_says`) ------------------------------------------

# A token the web writes as one word is split only when the web writes its
# two parts apart this many times more often (at least: 94x; Botha: 13x).
WEB_RATIO = 20.0

# A run the word list hardly knows (below this) is mostly a user name or a
# domain on the web (onsale, ourfuture): half that ratio is enough.
RARE_WHOLE_ZIPF = 2.0
WEB_RATIO_RARE = 10.0

# How many times more often than together the web must write a compound's
# two words apart for its text's evidence to split it: compounds the web
# writes nearly as often whole (webpage, 1.7x) are written both ways in one
# article too; a videogame (4.6x) or alot (11x) beside its words apart is a lost space.
COMPOUND_APART_RATIO = 3.0

# How much more often than its floor the web must write a pair it lacks
# with the article's word (along term) for an article to open a compound.
ARTICLE_COMPOUND_FLOORS = 5.0

# --- letter runs (`runs.segment_run`) ----------------------------------------------

# A capitalised token that is no word is most often a name or a brand
# (Snapwave, Kestrelpoint). Inside a sentence it is split only when its last part
# is a function word (Tarrowsaid), or a word this common and the text names
# its first part alone elsewhere (Tarrowdismissed, Easterperiod).
NAME_TAIL_ZIPF = 3.0

# At a sentence start, a capitalised token splits when its first part is
# this common (Thosedevelopments).
SENTENCE_HEAD_ZIPF = 4.0

# After a capitalised word (a name of several words), a capitalised token is
# split into two words of 4+ letters this common (World Radioprogramme);
# rarer parts are a surname's pieces (Serge Valmont, Marsfield).
NAME_WORD_ZIPF = 4.0

# Names end in function words too (Lenamore, Toscan): before a function word,
# a first part of under five letters must be a word this common.
FUNCTION_HEAD_ZIPF = 3.5

# At a sentence start in a text that lost spaces elsewhere, two words of four
# letters or more need only be this common (first, second): Eurozonegrowth.
DAMAGED_HEAD_ZIPF, DAMAGED_TAIL_ZIPF = 3.0, 3.5
# (A second word of three letters must be this common: Observerssay.)
DAMAGED_SHORT_TAIL_ZIPF = 5.5

# A name glued to a common word's -s form (Vardatakes): the form and its
# stem must both be this common, where the text lost spaces elsewhere.
PLURAL_TAIL_ZIPF = 4.5

# How common each of two long words glued in a capitalised token must be (`runs.segment_run`).
LONG_PAIR_ZIPF = 4.0

# In a text that lost spaces elsewhere, a function word glued to a rare word
# (this rare at least, and less common than the other bound), rarer and
# shorter than above (threekickable, megajetwas): a rare word makes no
# compound with a function word, unless that is a particle (outfoxing,
# backpedalled) or a word that ends words too (mettlesome, chromosone).
DAMAGED_COMMON_ZIPF = FUNCTION_ZIPF
DAMAGED_RARE_ZIPF = (1.0, 3.0)
DAMAGED_RARE_LEN = 6
# ... and, in such a text, a function word glued to a word no list knows that the text writes
# alone elsewhere, of this many letters or more (the|fluxonic beside `fluxonic phase`):
# spaces-dev arXiv.OCR split R/P 0.7786/0.9257 -> 0.7812/0.9259; the other sets unchanged.
FUNCTION_THEN_WRITTEN_LETTERS = 6

# What reads as a lost space where a text shows none elsewhere (`_plain_join`,
# `_reads_as_join`, `runs._undamaged_join`): how common the parts of a
# split with no function word must be (eleven letters or more in all, or
# short ones this common), and those beside a function word; how common the
# first of two words that open a sentence (Thisweek; not Silksong); how long
# two words are that no compound is made of.
UNDAMAGED_PART_ZIPF = 4.0
UNDAMAGED_COMMON_ZIPF = 5.0
JOIN_OTHER_PART_ZIPF = 3.5
# (The sentence head: 5.5 -> 5.3 lets Researchfocus split, ACL recall +0.0035;
# 5.0 also split an artist's name after a colon, Bluefarmer: clean-web 22.66 -> 23.88.)
UNDAMAGED_SENTENCE_HEAD_ZIPF = 5.3
# In a text that shows no damage, a capitalised run splits into a function word and one other
# part of four letters or more this common, or a name the text uses alone (Madrid|in,
# The|council; not Kel|on, Kel|on|ans, Beth|an|asia: names no list knows).
UNDAMAGED_NAME_PART_ZIPF = 3.0
LONG_PART_LEN = 8
# (Compounds join short words, softlock, passkeys: common parts this long in
# all read as a join, nationaldefence.)
LONG_JOIN_LEN = 11
# Words the list knows (zipf PLAIN_PART_ZIPF: rector, bulletins) of this many letters each,
# glued, read as a join in any text: compounds are made of shorter pieces (softlock,
# roguelite, testnets). spaces-dev Wiki split recall 0.8344 -> 0.8384 (precision 0.9618 ->
# 0.9620); dev and clean-web unchanged (with `about:` addresses untouched). Five letters:
# clean-web-dev 16.53 -> 30.01 false changes/100k (new compounds); zipf 2.5 gained nothing.
PLAIN_PART_LEN = 6
PLAIN_PART_ZIPF = 3.0

# The article glued to a word (a|decision) is read as a join only before a
# word of four letters or more this common: many a word opens with the
# letter (aarch64, a|arch).
ARTICLE_NEXT_ZIPF = 4.5
# ... or before a word of this many letters the web tables hold, when no list holds the whole
# token (a|commune, a|simulcast; not aarch64, abed; at 5, a|bases from abases on a clean page).
ARTICLE_GLUED_LETTERS = 6

# --- case boundaries (`case`) --------------------------------------------------

# A camel-case token the word list knows this well is a name (PlayStation,
# WikiLeaks); below it, list entries are mostly glued pairs (theLowlands).
CAMEL_WORD_ZIPF = 2.5

# Opening with a capital, a camel-case token the list knows at all is a name
# (CrowdStrike, DoorDash): lost spaces between two capitalised words make
# tokens no list holds (NationsConvention, DavidTarrow).
CAMEL_NAME_ZIPF = 1.5

# A camel-case token's parts (or a word and a capitalised word glued) split
# only when the web writes them apart more often than as one, even odds:
# one written joined as often is a brand or a name (GameBoy, QuickArcade).
CAMEL_APART_RATIO = 1.0
# In a text that holds no code (`guards.CODE_PATTERNS`) and shows no other damage, a
# word this long glued to a capitalised word is a lost space (nearbyHigh,
# reporterMartin): spaces-dev Wiki split recall 0.809 -> 0.813, precision 0.956 ->
# 0.956, arXiv.OCR recall +0.003; dev and clean-web unchanged (4 letters did the same:
# five keeps userName and textContent whole in prose about code).
CAMEL_HEAD_LETTERS = 5

# Two words glued in a run of capitalised words, where the text shows no lost
# space elsewhere (a title: Combination forRobust Lexical, IEEE
# InternationalWorkshop), are split only when each is this long (a function
# word aside): brands pair shorter words (RingCentral beside Ring). See
# docs/measurements.md, fifth session.
TITLE_WORD_LETTERS = 5
# ... or, after any word, two capitalised words the list knows (the second at all, KNOWN_ZIPF)
# when each is this long: a paper's terms (the GalacticSedimentation, ConservationTheorem);
# brands pair shorter words (PricewaterhouseCoopers ends in seven letters). spaces-dev split
# R/P arXiv.OCR 0.7734/0.9252 -> 0.7786/0.9257, Wiki 0.8344 -> 0.8358 (0.9604), no_spaces
# 0.9371 -> 0.9374 (0.9630); dev, clean-web and ACL unchanged.
TITLE_LONG_LETTERS = 9

# A capital I glued to a word this common is the pronoun (Iwill).
PRONOUN_NEXT_ZIPF = 4.5

# I or A glued to a word is read as two words only when the rest is this
# common (Iwas, Apenalty; not Ireland, Alan).
INITIAL_NEXT_ZIPF = 3.5

# An acronym then a lower-case word of four letters or more, in a text that
# shows no lost space elsewhere: the word must be this common (else a brand, HBOmax).
UNDAMAGED_ACRONYM_TAIL_ZIPF = 3.5

# A word before an acronym is a lost space when this common: before one of
# two letters (localEU; watchOS is a name), before a longer one (residentsKBLA).
SHORT_ACRONYM_HEAD_ZIPF = 6.0
ACRONYM_HEAD_ZIPF = 5.0

# --- numbers (`numbers`) ---------------------------------------------------------

# A product or group code before its number (N64sales, G5nations) is split
# from a word of four letters or more this common.
CODE_WORD_ZIPF = 4.0

# A lower-case word before a number (within60), in a text that lost spaces
# elsewhere: this common for three letters or fewer, else the second figure
# (else a code or a name: comp4460, python3).
SHORT_NUMBER_HEAD_ZIPF = 5.0
NUMBER_HEAD_ZIPF = 3.5

# A unit opening a word after a number (314bnpaid) is split off when the rest
# is a word and beats the whole by this much (Zipf).
UNIT_REST_MARGIN = 0.5

# How far the number rules look around a letter-digit boundary: no word or
# number they act on is longer, and a bounded look keeps hostile tokens linear.
WINDOW = 40

# A name the list lacks glued to a common word is split in a damaged text when both have this
# many letters or more (Korvani|Village; `case._name_then_common_word`): shorter pieces are a
# brand's or a name's own (wiki7, spaces-dev Wiki split recall 0.8477 -> 0.8490, precision held).
NAME_WORD_LETTERS = 4
# A Roman numeral of this many letters or more glued to a known capitalised word of
# NUMERAL_NAME_LETTERS or more (Phase|III; `case._word_then_numeral`): one letter (I, V, X) is as
# often a word's own or an initial's.
NUMERAL_LETTERS = 2
NUMERAL_NAME_LETTERS = 3

# --- guards (`guards`) -------------------------------------------------------------

# A line is code when this many of CODE_PATTERNS match it (two, not one
# twice: a user name's underscores, sleepy_head_from_Tampere, make no code).
CODE_PATTERNS_NEEDED = 2
# An inline code span (`marked_code`) holds at most this many characters between its
# backticks: the longest a README or a forum post writes on one line is well under it, and
# the bound keeps a line of many lone backticks linear (each is read this far at most).
INLINE_CODE_LETTERS = 400

# A line with a letter beyond ASCII and at least this many words is judged
# foreign when this share of them is accented (Việt Nam, défense) or less
# than the next share is common English (joins make English words unknown).
FOREIGN_MIN_WORDS = 5
FOREIGN_WORD_SHARE = 0.25
ENGLISH_WORD_SHARE = 0.3

# A text of at least this many runs of letters is English when this share of
# them are common English words; a shorter one is taken as English.
ENGLISH_MIN_RUNS = 20
ENGLISH_SHARE = 0.5

# --- the stage's cost and memory ---------------------------------------------------

# How many characters before a token are read for the capitalised word it
# follows (`after_name`): longer than any name's last word.
NAME_LOOKBACK = 20

# `stage._occurrences`: more tokens than this are found by one pass over the text's
# tokens; fewer, in a text longer than OCCURRENCE_CHARS_PER_TOKEN a token
# plus OCCURRENCE_MIN_CHARS, by one pattern of them all; else by `str.find`.
OCCURRENCE_MANY_TOKENS = 200
OCCURRENCE_CHARS_PER_TOKEN = 100
OCCURRENCE_MIN_CHARS = 20_000

# What the model remembers, at most (each is emptied when full): tokens
# settled, letter runs segmented, decisions with their questions. About 200
# bytes an entry: next to the word tables (~170 MB) a process stays under the
# 250 MB the command may use, however varied the text it reads.
TOKENS_KEPT = 100_000
RUNS_KEPT = 25_000
DECISIONS_KEPT = 25_000

# The bits of a string's hash that `sorted_words.Screen` keeps, a bit a slot
# (2**23 bits: 1 MB a table): fewer cost less memory and let more letters
# through to the search (with 330,000 strings, 20 bits about 27 in a hundred,
# 23 bits 4); never changes an answer, only how often a search confirms it.
SCREEN_BITS = 23

# Word models kept, one per Config's vocabulary and protected words: a
# process seldom uses more than one or two.
MODELS_KEPT = 8

# A decision is remembered with the questions it asked of its text; this many
# differently answered versions at most are kept for one token in one setting.
VERSIONS_KEPT = 4

# How many marks written twice `_shows_lost_spaces` passes over at most
# before it takes one as the mark anyway (each is a search of the text).
MARKS_COUNTED = 8
# A text of MARKS_LONG_TEXT characters or more shows lost spaces with MARKS_NEEDED marks: in a long
# text one alone is as often a word the lists lack (instanceof, newtab, marketshare, a typo
# killled each made a clean web page "damaged"); a shorter text needs one.
MARKS_NEEDED = 2
MARKS_LONG_TEXT = 1000
# A stop glued between two words this common is a mark of damage too (depth,while; wrote.Then),
# as a lost space is; rarer pieces are OCR noise (l;h;fl;is) or names. Wiki split recall
# 0.744 -> 0.754 (precision up), arXiv.OCR 0.651 -> 0.662 (precision -0.002); dev, ACL and
# clean-web unchanged. Semicolons, and pieces of any zipf, cost ACL 5 points of precision.
GLUED_WORD_ZIPF = 3.0

# A split can uncover another (Heeachother -> He eachother -> He each other):
# the stage runs again on the pieces, this many times at most.
MAX_PASSES = 3

# A long text is read a stretch of lines at a time, each about this many
# characters and its own evidence (its word counts, pairs and names): tables
# of a whole book would outgrow the CPU caches and cost more per word the
# longer the book. An article is one stretch.
STRETCH = 1 << 16


# --- punctuation (`punctuation`) ------------------------------------------------

# A token of at most this many characters before a bracket, with a capital or
# a digit or no common word, names a function in a formula (Tr(AB), SO(3, 1),
# S2(H1)): no space goes before its bracket. Longer words before a bracket lost
# one (Agreement(FPA), $71.6m(£37.2m)). spaces-dev arXiv.OCR split precision
# 0.880 -> 0.889, recall unchanged; dev unchanged.
FUNCTION_NAME_CHARS = 3

# Initials glued to a word (J.K.Rowan, K.Tarrow) lost the space before a
# name only when that word is rarer than this: a commoner one is a noun that
# an abbreviation opens (P.O.Box, U.S.Army; box 5.04, army 5.06), and names
# sit below it (smith 4.89, albert 4.24). spaces-dev: see docs/measurements.md.
INITIALS_NAME_ZIPF = 5.0

# A word this common that opens a sentence is capitalised by its place, not a name, so a
# camel-case name after it is no title's words (Set ShadowNoiseSettings, Use RenderWorkers;
# `stage._opens_sentence`); a rarer one may open a name (Sierra CoastTrust: sierra, zipf 4.06).
# spaces-dev and clean-web-dev unchanged (any zipf: Wiki split recall 0.8384 -> 0.8371).
SENTENCE_WORD_ZIPF = 4.5
