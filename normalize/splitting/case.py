"""Case boundaries that mark a lost space (inHanoi, theEU, KBpublishes,
NationsConvention, Iwas), and the camel-case names and brands that do not
(iPhone, PlayStation, McDonald).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..vocabulary import web_counts
from .evidence import AFTER_NAME
from .joins import _initial_split
from .runs import segment_run
from .shapes import CAPITALISED_RE, PLURAL_ACRONYM_RE, PREFIXED_NAME_RE, _parts
from .tuning import (
    NAME_WORD_LETTERS, NUMERAL_LETTERS, NUMERAL_NAME_LETTERS,
    ACRONYM_HEAD_ZIPF, BOUNDARY_COST, CAMEL_APART_RATIO, CAMEL_HEAD_LETTERS, CAMEL_NAME_ZIPF, CAMEL_WORD_ZIPF, COMMON_WORD_ZIPF,
    FUNCTION_ZIPF, KNOWN_MARGIN, KNOWN_ZIPF, LONG_PAIR_ZIPF, MIN_PART_ZIPF, SAFE_ZIPF, SHORT_ACRONYM_HEAD_ZIPF,
    TITLE_LONG_LETTERS, TITLE_WORD_LETTERS, UNDAMAGED_ACRONYM_TAIL_ZIPF, WORD_ZIPF, ZIPF_SHIFT,
)
from .words import CALENDAR_WORDS, GIVEN_NAMES, JOIN_HEADS, NAME_PREFIXES, SUFFIX_PIECES, TITLE_SMALL_WORDS, TITLES

# The letters either side of a case change, compiled once (a call to `regex` with a
# pattern's text looks it up in the module's cache each time, at first sight most of a
# case cut's cost).
LEFT_WORD_RE = regex.compile(r"[A-Z]*[a-z]*\Z")
RIGHT_WORD_RE = regex.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]*")
SMALL_LETTERS_AT_RE = regex.compile(r"[a-z]+")
CAPITALS_END_RE = regex.compile(r"[A-Z]+\Z")

if TYPE_CHECKING:
    from .evidence import _Document


def _case_boundaries(doc: _Document, stem: str, lower: str, after_name: int = 0,
                     sentence_start: bool = True) -> list[tuple[int, str]]:
    """Case changes inside `stem` that mark a lost space, with their rule ids:
    inHanoi, KBpublishes, Iwas; `after_name` says what capitalised word it
    follows (AFTER_NAME...), `sentence_start` whether it opens a sentence."""
    n = len(stem)
    raw = [i for i in range(1, n) if stem[i].isupper() and not stem[i - 1].isupper()]
    # After an acronym, the word starts either with its last capital (UN|Economic)
    # or after it (EA|publishes): both are candidates, the likelier one stays.
    acronym_ends = [i for i in range(1, n - 1) if stem[i].isupper() and stem[i - 1].isupper() and stem[i + 1].islower()]
    raw += acronym_ends + [i + 1 for i in acronym_ends]
    initial = n >= 3 and stem[0] in "IA" and stem[1:].islower()
    if not raw and not initial:
        return []
    # Brands and names written in camel case are words: iPhone, YouTube, McDonald.
    whole = doc.vocab_zipf(lower)
    if whole is not None and whole >= SAFE_ZIPF:
        return []
    repeated = doc.count(stem.lower()) >= 2
    if initial and not repeated:
        # (A capital A inside a sentence opens a name, Aline, and I after a name is a
        # name's next word, Darvik Odare, where the text lost no space elsewhere.)
        article_ok = sentence_start or doc.damaged() or stem[0] == "I" and after_name != AFTER_NAME
        return [(1, "split_pronoun_or_article")] if article_ok and _initial_split(doc.model, lower) else []
    kinds = {}  # each cut kept, and its rule id
    for i in sorted(set(raw)):
        kind = _case_cut_ok(doc, stem, i, after_name)
        if kind:
            kinds[i] = kind
    cuts = list(kinds)
    for i in acronym_ends:
        if i in cuts and i + 1 in cuts:
            # UKMinister: US|President beats USP|resident; FACup: FA|Cup beats
            # FAC|up; FBIon: FBI|on beats FB|Ion. The acronym counts as a word.
            head = CAPITALS_END_RE.search(stem[:i]).group().lower()
            right = SMALL_LETTERS_AT_RE.match(stem, i + 1).group()
            shorter = (doc.zipf(head) or 0.0) + (doc.zipf(stem[i].lower() + right) or 0.0)
            longer = (doc.zipf(head + stem[i].lower()) or 0.0) + (doc.zipf(right) or 0.0)
            # (The text's own words settle it: MG and Rover written alone, MGR never: MG|Rover, not MGR|over.)
            written = shorter < longer and doc.count(head) and not doc.count(head + stem[i].lower()) and (
                doc.names(stem[i].lower() + right))
            cuts.remove(i + 1 if shorter >= longer or written else i)
    web = doc.web_says(lower, _parts(lower, cuts), ratio=CAMEL_APART_RATIO) if cuts else None
    if cuts and repeated and not web and not doc.written_apart(_parts(lower, cuts)):
        # A name written twice is a name (PlayStation), but a function word
        # glued to a name, or an acronym to a lower-case word, twice is the
        # same join twice (inDecember, USeconomy), as are two words the web
        # writes apart more often than as one (GrainExchange).
        head = stem[: cuts[0]]
        if not (head.islower() and (doc.zipf(head) or 0.0) >= FUNCTION_ZIPF
                or head.isupper() and stem[cuts[0]].islower()):
            return []
    if cuts == [1] and stem[0] == "a" and stem[1:].isupper() and doc.damaged():
        # aPC, aTV: the article before an acronym, whatever word its letters spell (apc, atv)
        return [(i, kinds[i]) for i in cuts]
    camel_name = stem[0].isupper() and stem[1].islower()  # CrowdStrike, not UKMinister or theEU
    # Brands the web writes joined more than apart (QuickArcade, EyeToy), and
    # camel-case words the model knows (PlayStation, YouTube).
    joined_brand = web is False and stem[0].isupper()
    known_word = bool(cuts) and not web and whole is not None and whole >= (
        CAMEL_NAME_ZIPF if camel_name else CAMEL_WORD_ZIPF)
    if not (joined_brand or known_word) or (stem[1].islower() and doc.damaged()
                                             and doc.written_apart(_parts(lower, cuts))):
        # (Both give way for two capitalised words where the text lost spaces
        # elsewhere and writes them apart too: a name glued, not a brand;
        # LibDems beside Lib Dems. An acronym's, JPMorgan, is written both ways.)
        return [(i, kinds[i]) for i in cuts]
    if joined_brand:
        return []
    # A known camel-case word stays whole unless its parts are far likelier apart (ofThe).
    score = sum((doc.zipf(p) or 0.0) - ZIPF_SHIFT for p in _parts(lower, cuts)) - BOUNDARY_COST * len(cuts)
    return [] if score <= whole - ZIPF_SHIFT + KNOWN_MARGIN else [(i, kinds[i]) for i in cuts]


def _camel_name(doc: _Document, stem: str) -> bool:
    """Whether two capitalised words side by side in `stem` are ones the web
    writes as one word at least as often as apart (GameBoy, QuickPlayerand):
    a name, not a lost space."""
    words = list(CAPITALISED_RE.finditer(stem))
    for a, b in zip(words, words[1:]):
        left, right = a.group().lower(), b.group().lower()
        if a.end() != b.start() or left in NAME_PREFIXES:
            continue  # (MacDonald is one name's two parts)
        cuts = doc.model.cuts(right)
        if cuts:
            right = right[: cuts[0]]  # Playerand: the name's word is Player
        web = doc.web_says(left + right, [left, right], ratio=CAMEL_APART_RATIO)
        if web is False or (web is None and left + right in web_counts()[0]):
            return True
    return False


def _title_words(doc: _Document, stem: str, left: str, right: str, after_name: int) -> bool:
    """Whether `left` and `right`, glued in `stem` after a capitalised word, are
    two words of a title or a name written in capitals (Combination forRobust
    Lexical, IEEE InternationalWorkshop, Thai KnowledgeDiscovery): a word a
    title writes in small letters (TITLE_SMALL_WORDS; not a verb: isReady), or a
    common word (LONG_PAIR_ZIPF) of TITLE_WORD_LETTERS or more, then a
    capitalised word the list knows (WORD_ZIPF; a second word rarer than the
    first measured the same on clean web text, a rarer first did not: 22.7 ->
    23.9 false changes per 100k words) of as many that is no function word, in
    a token no list knows; or, after any word, two capitalised words the list
    knows of TITLE_LONG_LETTERS or more, the second at all (the
    GalacticSedimentation: a first word rarer than WORD_ZIPF is a name's, the
    caller's LucianoOrvetti);
    where the text shows no lost space elsewhere (in it, a word glued to a name
    is a brand or code: CrowdStrike, toString)."""
    if not right[1:].islower() or len(right) < TITLE_WORD_LETTERS:
        return False
    head, tail = doc.vocab_zipf(left.lower()) or 0.0, doc.vocab_zipf(right.lower()) or 0.0
    if (min(len(left), len(right)) >= TITLE_LONG_LETTERS and left[1:].islower() and min(head, tail) >= KNOWN_ZIPF
            and doc.model.unknown(stem.lower())):
        return True  # the GalacticSedimentation: a paper's terms, rarer and longer than brands' words
    return after_name == AFTER_NAME and WORD_ZIPF <= tail < FUNCTION_ZIPF and doc.model.unknown(stem.lower()) and (
        left in TITLE_SMALL_WORDS if left.islower() else len(left) >= TITLE_WORD_LETTERS and head >= LONG_PAIR_ZIPF)


def _given_name_first(doc: _Document, stem: str, left: str, left_all: str, right: str, right_all: str) -> bool:
    """Whether `stem` is a given name glued to a capitalised word, the two the
    whole token (RalphTurnbow, DanieleMarzotti; GIVEN_NAMES): a name that lost its
    space, not a brand (TomTom, a name twice), nor a field that is the whole
    text (a user name: MargaretHollings alone)."""
    return left_all == left and right_all == right and len(right) >= 3 and right[1:].islower() and (
        left.lower() in GIVEN_NAMES and right != left) and doc.text.strip() != stem


def _name_then_common_word(doc: _Document, stem: str, left: str, right: str) -> bool:
    """Whether `stem` is a name the list lacks glued to a common word (COMMON_WORD_ZIPF)
    of four letters or more, in a token no list holds, where the text lost spaces
    elsewhere: a place or a body's name that lost its space (Korvani|Village,
    Dastmer|Avenue). Where the text shows no other lost space it is a brand."""
    return len(left) >= NAME_WORD_LETTERS and len(right) >= NAME_WORD_LETTERS and right[1:].islower() and doc.damaged() and (
        doc.vocab_zipf(right.lower()) or 0.0) >= COMMON_WORD_ZIPF and doc.model.unknown(stem.lower())


# A Roman numeral of two letters or more, as a war's, a king's or a part's number follows its name (II to XXXIX).
ROMAN_NUMERAL_RE = regex.compile(r"X{0,3}(?:IX|IV|V?I{1,3}|V)\Z")


def _word_then_numeral(doc: _Document, left: str, right: str, right_all: str) -> bool:
    """Whether a capitalised word the list knows (WORD_ZIPF) is glued to a Roman numeral
    of two letters or more that ends the token (PhaseIII, ActIV, GeorgeVI.): a number
    that follows a name, in any text (a brand glues a numeral to a name the list lacks)."""
    return (len(right) >= NUMERAL_LETTERS and right_all.rstrip(".,;:!?)'’\"”") == right and ROMAN_NUMERAL_RE.match(right)
            is not None and len(left) >= NUMERAL_NAME_LETTERS and left[1:].islower() and (doc.vocab_zipf(left.lower()) or 0.0) >= WORD_ZIPF)


def _subscripted(doc: _Document, word: str) -> bool:
    """Whether `word`, no word the list knows, is a common word and one more
    consonant (betaj: a formula's variable and its index, MaxBetaj), not a
    name's own letters (Tollers, Vimarah)."""
    return doc.vocab_zipf(word) is None and word[-1] not in "aeiouys" and (
        doc.vocab_zipf(word[:-1]) or 0.0) >= WORD_ZIPF


def _humps(stem: str) -> int:
    """How many capitals follow a lower-case letter in `stem` (getElementById: 3)."""
    return sum(1 for a, b in zip(stem, stem[1:]) if a.islower() and b.isupper())


def _case_cut_ok(doc: _Document, stem: str, i: int, after_name: int = 0) -> str | None:
    """The rule id of a lost space before `stem[i]`, a case change, or None
    where the words on both sides do not say so (see RULES in `rules`)."""
    left_all = stem[:i]
    right_all = stem[i:]
    left = LEFT_WORD_RE.search(left_all).group() or left_all
    right = RIGHT_WORD_RE.match(right_all).group() if right_all[0].isupper() else SMALL_LETTERS_AT_RE.match(right_all).group()
    plural = PLURAL_ACRONYM_RE.match(right_all)
    if plural and stem[i - 1].islower():
        right = plural.group(1)  # fromMEPs, protectTVs: the acronym, read without its plural s
    if PREFIXED_NAME_RE.match(right_all) and left[:1].isupper() and left[1:].islower() and (
            len(left) >= 3 or left.lower() in TITLES):
        # IanMcAlpine, MarcoDiVanna, MrMcAlpine: a name or a title,
        # then a surname with its prefix; after a word the list knows well
        # (Ian, Leonardo, Mr), or any word at all before Mc and Mac, which
        # open no compound.
        return "split_prefixed_surname" if (right_all[:2] == "Mc" or right_all[:3] == "Mac"
                                            or (doc.vocab_zipf(left.lower()) or 0.0) >= WORD_ZIPF) else None
    if stem[i].islower():
        # KBpublishes: an acronym then a lower-case word.
        acronym = stem[:i]
        if len(acronym) < 2 or not acronym.isupper():
            return None
        if len(right) == 2 and right == right_all:
            # FDAis, UKon: a function word
            return "split_acronym_word" if (doc.zipf(right) or 0.0) >= FUNCTION_ZIPF else None
        # (A short word where the text lost spaces elsewhere: else a brand, GCash, HBOmax.)
        return "split_acronym_word" if len(right) >= 3 and doc.known(right, WORD_ZIPF) and (
            right not in SUFFIX_PIECES) and (
            doc.damaged() or (doc.zipf(right) or 0.0) >= FUNCTION_ZIPF
            or len(right) >= 4 and doc.known(right, UNDAMAGED_ACRONYM_TAIL_ZIPF)) else None
    if i == 1 and left.isupper() and left != "I" and right == right_all and right[1:].islower():
        # One capital glued to a capitalised word, in a text that lost spaces elsewhere:
        if left == "A":
            # the article opening a sentence (ACommittee), but no name the web writes joined;
            return "split_article_before_name" if len(right) >= 3 and doc.known(right.lower(), WORD_ZIPF) and (
                doc.damaged()) and doc.web_says(stem[: len(right) + 1].lower(), ["a", right.lower()],
                                                ratio=CAMEL_APART_RATIO) is not False else None
        # an initial before a surname the list knows or the text names alone
        # (JKowalski), where the text writes other names after initials (a
        # line-up); not a degree or a brand (BTech, ETrade).
        return "split_initial_before_name" if len(right) >= 4 and (
            doc.known(right.lower(), WORD_ZIPF) or doc.names(right.lower())) and doc.damaged() and (
            doc.lists_initials()) else None
    if left.isupper() and stem[i - 1].isupper():
        # EUFarm: the acronym ends one letter before the word, in a text
        # that lost spaces elsewhere (else a name, in code or not: ANSIScript, IOBuffer).
        return "split_acronym_word" if len(left) >= 2 and len(right) >= 3 and doc.known(right, WORD_ZIPF) and (
            doc.damaged()) else None
    if left_all == "a":
        # aLiberal, aBBC: the article before a name or an acronym.
        return "split_article_before_name" if len(right) >= 2 and (
            right.isupper() or doc.known(right.lower(), WORD_ZIPF)) else None
    if len(left) < 2 or left.lower() in NAME_PREFIXES:
        return None
    left_lower = left.lower()
    if left[0].islower():
        # theEU, inHanoi: the left part must read as words (it may hold joins itself).
        last = left_lower
        cuts = segment_run(doc, left_lower)
        if cuts:
            last = left_lower[max(cuts):]
        z = doc.zipf(last)
        if z is None or z < MIN_PART_ZIPF[min(len(last), 4) - 1]:
            return None
        if right_all == "I":
            return "split_camel_case" if z >= FUNCTION_ZIPF else None  # thatI, whenI
        if len(right_all) == 1 and last in JOIN_HEADS and len(last) >= 2:
            # underZ, ofW, withG.: a variable or an initial after a preposition that opens no code
            # name (not toX, isA; nor the article: aP is a formula's product).
            return "split_camel_case"
        # In a text that shows no other lost space, only an article, a
        # preposition or a possessive that opens no code name glued to a
        # name is one (inHanoi, theEU, againstNewcastle, hisEuropean), or a
        # function word glued to a day or a month (onFriday), or a word
        # glued to a name the text writes alone (editorDavid, one capital
        # only, after four letters or more: not useDebounce beside
        # Debounce); else it is a name in code or a brand (allowJs,
        # getElementById, userId, toString, onClick, forEach).
        # (Or, in a text that holds no code at all, a word of five letters or
        # more glued to a capitalised word that ends the token: nearbyHigh,
        # reporterMartin; code names, createElement, live beside code.)
        if not doc.damaged() and last not in JOIN_HEADS and not _title_words(doc, stem, left, right, after_name) and not (
                z >= FUNCTION_ZIPF and right.lower() in CALENDAR_WORDS) and (
                (humps := _humps(stem)) > 1 or len(last) < 4 or not doc.names(right.lower())) and not (
                humps == 1 and len(last) >= CAMEL_HEAD_LETTERS and z >= WORD_ZIPF and right_all == right
                and right[1:].islower() and len(right) >= 3 and not doc.holds_code()):
            return None
    elif left_lower in TITLES:
        # MrTarrow
        return "split_title_name" if right[0].isupper() and right[1:].islower() and len(right) >= 3 else None
    elif len(left) < 3 or not doc.known(left_lower, WORD_ZIPF):
        # LucianoOrvetti: a first name the word list lacks, then a surname
        # the text names alone elsewhere, one the word list lacks or where
        # the text lost spaces elsewhere (else a brand: DreameHome beside Home).
        # (Or a pair the web writes apart more often than as one: MaraDellow;
        # or, in a text that lost spaces elsewhere, a first word the list
        # knows at all and a second of four letters or more, in a token no
        # list holds: ArloPemberton.)
        return "split_capitalised_words" if (
                len(left) >= 3 and len(right) >= 3 and right[1:].islower() and right_all[len(right) :][:1] != "'"
                and (doc.names(right.lower()) and (doc.damaged() or doc.model.unknown(right.lower()))
                     or doc.web_says(left_lower + right.lower(), [left_lower, right.lower()],
                                     ratio=CAMEL_APART_RATIO) is True
                     or len(left) >= 4 and len(right) >= 4 and (doc.vocab_zipf(left_lower) or 0.0) >= CAMEL_NAME_ZIPF
                     and doc.model.unknown(stem.lower()) and doc.damaged()
                     or _name_then_common_word(doc, stem, left, right)
                     or _given_name_first(doc, stem, left, left_all, right, right_all))
                and not _camel_name(doc, stem)) else None
    elif not right.isupper():
        camel, pair = left_lower + right.lower(), [left_lower, right.lower()]
        # (The token itself is one of the times the text writes it.)
        elsewhere = doc.count(camel) >= (2 if camel == stem.lower() else 1) or (
            camel.endswith("s") and doc.count(camel[:-1]))
        if elsewhere and not doc.written_apart(pair) and not doc.web_says(camel, pair):
            # A name the text writes whole elsewhere (receivedQuickTags beside
            # AutoLink); but not two words the web writes apart (GrainExchange twice).
            return None
        # NationsConvention, DavidTarrow; brands (ChevronTexaco) mostly pair a
        # word with a name the text never writes alone, or are written as one
        # word on the web (GameBoy, RealPlayer) more than apart.
        # One such pair makes the whole camel-case run a name (PageTrailStory).
        # In a text that shows no other lost space, a pair the web does not
        # write apart is more likely a brand (CrowdStrike, RingCentral), unless
        # it ends a name of several words (United NationsConvention).
        if _camel_name(doc, stem):
            # (Unless the text writes the two words apart too, and lost spaces
            # elsewhere: a name glued, not a brand.)
            return "split_capitalised_words" if len(right) >= 2 and doc.damaged() and doc.written_apart(pair) else None
        # In a text that shows no other lost space, two capitalised words
        # glued are a brand or a name (RaceDay, Dustwise RoboClean), or a
        # code name (NotFound, GetValue), unless the first is an article or a
        # preposition (TheFrench).
        if not doc.damaged() and left_lower not in JOIN_HEADS and not _title_words(doc, stem, left, right, after_name) and not (
                _given_name_first(doc, stem, left, left_all, right, right_all)):
            return None
        return "split_capitalised_words" if len(right) >= 3 and (
            doc.known(right.lower(), KNOWN_ZIPF) or doc.count(right.lower()) >= 1
            or len(right) >= 4 and right[1:].islower() and not _subscripted(doc, right.lower())) else None
    if right.isupper():
        if len(right) < 2:
            return None
        # macOS, ChatGPT: a short acronym after a content word is a product name.
        # A common word of four letters or more before a two-letter acronym
        # is a lost space (localEU, portableTV), but for an operating system (watchOS).
        # (A rarer word before a longer acronym where the text lost spaces elsewhere: residentsKBLA.)
        z = doc.zipf(left_lower) or 0.0
        if _word_then_numeral(doc, left, right, right_all):
            return "split_word_numeral"  # PhaseIII, GeorgeVI: a war's, a reign's or a part's number
        if left[0].isupper() and not doc.damaged():
            return None  # FastAPI, GoPro: a brand, where the text lost no space elsewhere
        return "split_word_acronym" if z >= (SHORT_ACRONYM_HEAD_ZIPF if len(right) <= 2 else ACRONYM_HEAD_ZIPF) or (
            left[0].islower()) and len(right) >= 3 and (
            z >= WORD_ZIPF or z >= MIN_PART_ZIPF[3] and doc.damaged()) or (
            left.islower() and len(left) >= 4 and z >= COMMON_WORD_ZIPF and right != "OS") else None
    return "split_camel_case" if len(right) >= 2 and (doc.known(right.lower(), KNOWN_ZIPF) or len(right) >= 4) else None
