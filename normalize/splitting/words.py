"""Word lists the rules name: function words that open compounds, word
pieces, units, titles, months, nationalities, endings.

General English lists written by hand, not taken from any corpus. Those of
more than a few words live in `data/*.txt`, one word a line, read once when
the splitter is imported (a fraction of a millisecond); the short ones, and
the endings tested with `str.endswith`, stay here.
"""
from __future__ import annotations

import os

import regex

from ..vocabulary import read_word_file

_DATA = os.path.join(os.path.dirname(__file__), "data")


def _word_list(name: str) -> frozenset[str]:
    """The words of `data/<name>.txt`: one a line; `#` starts a comment."""
    return read_word_file(os.path.join(_DATA, f"{name}.txt"))


# The only word of one letter a split may make (I is a capital, see `case`).
ONE_LETTER_WORDS = frozenset("a")

# Function words that also begin real compounds (outstripping, overruling,
# inboxes): as a first part they free nothing.
PARTICLES = _word_list("particles")
# Function words that link a title's words: inside a capitalised hump they mark a run that lost
# its spaces (`nospace._hump_holds_glued_words`: Indexof|Sunken).
LINKING_WORDS = _word_list("linking_words")
# Combining forms of science (photo, magneto, quasi): `runs._combining_form_compound`.
COMBINING_FORMS = _word_list("combining_forms")
# The particles English prefixes to verbs (overseeded, downweighted): `runs._particle_participle`.
VERB_PARTICLES = _word_list("verb_particles")

# A verb's -ed and -ing forms: they end no name and open no compound.
INFLECTED_ENDINGS = ("ed", "ing")

# Words for a person's role that follow the name of what they serve
# (Cabinetspokesman, Whigleader); no name ends in one. A general list.
ROLE_NOUNS = _word_list("role_nouns")

# Name prefixes whose capital inside a word is part of the name: McDonald, DiCaprio.
NAME_PREFIXES = _word_list("name_prefixes")

# Parts that are word pieces rather than words: a split that makes one is a guess.
PREFIX_PIECES = _word_list("prefix_pieces")
SUFFIX_PIECES = _word_list("suffix_pieces")

# Words that also end names and the words for peoples (Tokelauan, Kenyan,
# Christina): after a capitalised word in a text that shows no lost space,
# the name's own ending, not a word glued to it.
NAME_ENDING_WORDS = frozenset(("a", "an"))
# ... and a Latin name's ending, in lower case too (longulus, Tellus, Fieldus): after a word
# that is no function word, in a text that shows no lost space, no word glued (but for|us).
LATIN_ENDING_WORDS = frozenset(("us",))
# Pronouns no sentence writes after the pronoun I (Ius, Ime: a name, not I us).
OBJECT_PRONOUNS = frozenset(("me", "us", "him", "them"))
# Suffix pieces that are words too: a run ending in one after a word is ambiguous.
SUFFIX_WORDS = _word_list("suffix_words")

# Letters after a number that are units or ordinals, not words: 5km, 3rd, 1990s.
NUMBER_SUFFIXES = _word_list("number_suffixes")

# What a number measures or counts (200yards): a lost space after a number in any text.
MEASURE_WORDS = _word_list("measure_words")

# Given names: one glued to a capitalised word is a name that lost its space (RalphTurnbow).
GIVEN_NAMES = _word_list("given_names")

# Titles before a name (MrTarrow).
TITLES = _word_list("titles")

# Months and days, and their abbreviations (June1971, onFriday).
CALENDAR_WORDS = _word_list("calendar_words")
# Words that open a date (in 1976, since1983): `years.split_years`, `numbers._number_join_ok`.
DATE_OPENERS = _word_list("date_openers")

# Adjectives of nationality, region and faith: always written with a capital,
# never the first part of a name, so one glued to a word is a lost space
# (Danishinfringements). A general English list, not taken from any corpus.
NATIONALITIES = _word_list("nationalities")

# Words after a suspended hyphen (pre- and post-war): the dash before them is no lost space.
SUSPENDED_HYPHEN_NEXT = frozenset("and or to nor & und et y versus vs as but than rather through via".split())

# British spellings the word list may know only in American form: a rare
# "-isation" word must not look unknown, or it would be cut into pieces.
SPELLING_VARIANTS = ((regex.compile(r"is(ation|ations|e|ed|es|ing|er|ers)\Z"), r"iz\1"),
                     (regex.compile(r"our(s|ed|ing|ful)?\Z"), r"or\1"),
                     (regex.compile(r"ence\Z"), r"ense"))

# Productive suffixes: a long word made of a known stem and one of these is a
# word, though no list holds it.
DERIVATION_RE = regex.compile(r"(?:isation|ization|isations|izations|ness|ity|ism|isms|ist|ists|ment|ments|ly|ally)\Z")

# Every ending either rule above can act on, for a quick first test.
VARIANT_ENDINGS = (
    "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers", "our", "ours", "oured",
    "ouring", "ourful", "ence", "ization", "izations", "ness", "ity", "ism", "isms", "ist", "ists",
    "ment", "ments", "ly",
)

# Function words that end words too (mettlesome, chromosone): glued after a
# rare word they may be its ending.
WORD_ENDING_WORDS = frozenset("some one all".split())

# Words that glue to a name where a line lost its space, and seldom open a
# code name (toString, onClick, forEach, isValid, getName are code).
JOIN_HEADS = _word_list("join_heads")

# Words a title in capitals writes in small letters (Combination forRobust Lexical; not isReady).
TITLE_SMALL_WORDS = _word_list("title_small_words")

# Word pieces written before a hyphen (e-mail, re-signed, non-statutory).
HYPHEN_PREFIXES = ("e", "re", "non", "co", "pre", "mis", "anti", "ex", "self")
