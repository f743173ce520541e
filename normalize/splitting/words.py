"""Word lists the rules name: function words that open compounds, word
pieces, units, titles, months, nationalities, endings.

General English lists written by hand, not taken from any corpus.
"""
from __future__ import annotations

import regex


ONE_LETTER_WORDS = frozenset("a")

# Function words that also begin real compounds (outstripping, overruling,
# inboxes): as a first part they free nothing.
PARTICLES = frozenset("out over up down under back off on in by after with fore through".split())

INFLECTED_ENDINGS = ("ed", "ing")

# Words for a person's role that follow the name of what they serve
# (Treasuryspokesman, Toryleader); no name ends in one. A general list.
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson frontman frontwoman leader leaders chairman chairwoman chief chiefs "
    "boss bosses minister ministers secretary president director manager managers coach captain striker "
    "player players singer star stars fans supporters officials executive executives analyst analysts "
    "correspondent editor lawyer lawyers selectors stalwart flanker winger midfielder defender goalkeeper "
    "governor mayor senator adviser advisers commissioner ambassador envoy commander prosecutor founder owner "
    "presenter actor actress producer writer author drummer guitarist bassist vocalist rapper champion veteran "
    "spokesmen officer officers chairmen".split()
)

# Name prefixes whose capital inside a word is part of the name: McDonald, DiCaprio.
NAME_PREFIXES = frozenset("mc mac o' o’ de di da du la le van von fitz st al el".split())

# Parts that are word pieces rather than words: a split that makes one is a guess.
PREFIX_PIECES = frozenset(
    "re pre un non anti dis mis sub co de ex bi tri multi micro macro mega mini post semi "
    "inter intra trans super ultra hyper cyber eco bio geo neo pro counter auto tele".split()
)
SUFFIX_PIECES = frozenset(
    "s es ed er ers ing ings ly ment ments ness tion tions sion ation ations ism ist ists ity "
    "ise ize ised ized ising izing able ible al ally ful less ship ships ward wards wise dom hood "
    "ous ive ian ians ic ical est en ette ee ees age ages ance ence ant ent ery ory".split()
)

# Suffix pieces that are words too: a run ending in one after a word is ambiguous.
SUFFIX_WORDS = frozenset("able less ward wards wise ship hood ment".split())

# Letters after a number that are units or ordinals, not words: 5km, 3rd, 1990s.
NUMBER_SUFFIXES = frozenset(
    "s st nd rd th am pm bn m k km kg g mg mm cm ml l mph kph kmh kw kwh mw gw gb mb kb tb ghz mhz hz "
    "lb lbs oz ft yd yds x p ps bhp cc min mins hrs yr yrs ppm dpi fps gen ms sec secs hr mi in".split()
)
TITLES = frozenset("mr mrs ms dr prof sir lord lady rev gen col capt sgt".split())
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)

# Adjectives of nationality, region and faith: always written with a capital,
# never the first part of a name, so one glued to a word is a lost space
# (Frenchinfringements). A general English list, not taken from any corpus.
NATIONALITIES = frozenset(
    "african american arab arabian argentine argentinian asian australian austrian belgian brazilian british "
    "bulgarian canadian chilean chinese colombian croatian cuban czech danish dutch egyptian english "
    "ethiopian european filipino finnish french georgian german greek hungarian indian indonesian iranian "
    "iraqi irish israeli italian jamaican japanese jewish kenyan korean kurdish latin lebanese libyan "
    "malaysian mexican moroccan muslim nigerian norwegian pakistani palestinian persian peruvian polish "
    "portuguese romanian russian saudi scottish serbian slovak somali spanish sudanese swedish swiss "
    "syrian taiwanese thai tunisian turkish ugandan ukrainian venezuelan vietnamese welsh western eastern "
    "northern southern christian catholic protestant islamic hindu buddhist sikh".split()
)
SUSPENDED_HYPHEN_NEXT = frozenset("and or to nor & und et y".split())

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

WORD_ENDING_WORDS = frozenset("some one all".split())

# Words that glue to a name where a line lost its space, and seldom open a
# code name (toString, onClick, forEach, isValid, getName are code).
JOIN_HEADS = frozenset(
    "the a an of in at from into onto about over under after before than against until between during without"
    " within across through towards toward among upon and but or with by his her their its that".split()
)

# Word pieces written before a hyphen (e-mail, re-signed, non-statutory).
HYPHEN_PREFIXES = ("e", "re", "non", "co", "pre", "mis", "anti", "ex", "self")
