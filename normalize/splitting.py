"""Stage `split_words`: put back the spaces a hard-wrapped page lost.

`exchangedviews`, `inHanoi`, `theEU’s`, `frameworks,thus`, `Agreement(FPA)`
become `exchanged views`, `in Hanoi`, `the EU’s`, `frameworks, thus`,
`Agreement (FPA)`; `Mogherini`, `UNCLOS`, `iPhone`, `COVID-19`, URLs and
non-English text stay as they are.

The splitter only ever inserts a space: it never deletes or reorders a
non-space character. It works from evidence, not guesses:

- a token is looked at only when it is not a common word as it stands;
- a lower-case run is segmented against English word frequencies, and the
  split is kept only when every part is a plausible word and the split is
  clearly more likely than the token itself;
- a case change (`inHanoi`) or punctuation with no space after it
  (`frameworks,thus`) is split only when the words on both sides say so;
- the document itself is evidence: a token that stands alone twice is a real
  word of this text (a name, a brand), and a name that stands alone elsewhere
  may be split off (`Milburnsaid`).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import islice

import regex

from .casing import lower
from .config import Config
from .edits import Edit, replace_spans
from .vocabulary import USER_WORD_ZIPF, english_zipf, read_word_file, web_counts

STAGE = "split_words"

# --- tuning: measured on the shared dev corpus (see README, "Word splitting") ---
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
ONE_LETTER_WORDS = frozenset("a")
# Word lists hold glued pairs ("ofthe", "ratherthan") at low frequencies. A
# known token is split when the split is likelier, and a split that frees a
# function word (this frequent) pays a lower boundary cost: function words
# are what lost spaces glue most, and what compounds hold least.
FUNCTION_ZIPF = 6.0
FUNCTION_BOUNDARY_COST = 0.5
# Function words that also begin real compounds (outstripping, overruling,
# inboxes): as a first part they free nothing.
PARTICLES = frozenset("out over up down under back off on in by after with fore through".split())
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

TOKEN_RE = re.compile(r"\S+")
# A capitalised word or an acronym ending where the search ends: the name a token follows.
PREVIOUS_NAME_RE = re.compile(r"(?<!\S)[A-Z][A-Za-z]*\Z")
LETTERS_RE = re.compile(r"[^\W\d_]+")
FOREIGN_LETTER_RE = re.compile(r"[^\W\d_A-Za-z]")  # a letter outside ASCII
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
# Atoms of a token: a word (ASCII letters, inner apostrophes), a number, any other character.
ATOM_RE = regex.compile(
    r"(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)*)|(?P<foreign>[\p{L}\p{M}]+)|(?P<num>\d+(?:[.,:]\d+)*)|(?P<mark>.)",
    regex.DOTALL,
)
# Tokens never touched: URLs, e-mail, handles, hashtags, paths, code, domains, file names.
# One slash between two words or numbers may be prose (and/or, HIV/Aids,
# 3.7m/h) or a path (docs/intro): such a token is split only in a text that
# lost spaces elsewhere. More slashes, a slash at an end, or after one letter
# (r/worldnews, u/name) make a path or a handle.
UNTOUCHABLE_RE = regex.compile(
    r"://|^www\.|@|^#|#\p{L}|^--\p{L}|^\.\p{Ll}|[_\\=<>{}|~^`]|\p{L}\.\p{Ll}{2}"
    r"|[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]"
    r"|/(?:.*/|(?<![A-Za-z\d]/)|(?<=(?<![A-Za-z\d])[A-Za-z\d]/)|(?![A-Za-z\d]))"
)
# A web address glued to the word after it (Amazon.comwhether): the address, then the word.
# (Or an address, or an e-mail address, that ends a sentence before the next
# one: info@example.com.The; no domain ends in a capitalised word.)
DOMAIN_THEN_WORD_RE = regex.compile(
    r"[\"“‘'(]*(?:[\w.+-]+@)?(?:www\.)?(?:[A-Za-z\d-]+\.)+(?P<tld>com|org|net|edu|gov|uk)"
    r"(?:(?P<word>[a-z]{2,})|\.(?P<sentence>[A-Z][a-z]+))[.,;:!?\"”’')]*"
)
# Lines that read as code: their camelCase and punctuation are meant.
# One pattern each, so that the engine scans for each literal (a look-behind
# follows it) rather than trying every alternative at every character.
CODE_PATTERNS = tuple(
    re.compile(pattern, re.MULTILINE)
    for pattern in (r"[{};]\s*$", r"\(\)(?<=\w\(\))", r"==|!=|->|=>|::|:=", r"_(?<=\w_)(?=\w)", r"def (?<=\bdef )",
                    r"import (?<=\bimport )", r"return\b(?<=\breturn)", r"\.(?<=\w\.)\w+\(", r"// (?<=\s// )",
                    r"^[ \t]{2,}(?=\S)", r"\((?<=[A-Za-z]\()[A-Za-z_]\w*\((?=\w)")
)
# What each of CODE_PATTERNS cannot match without: a text holding none of a
# pattern's strings is not searched with it (`in` runs many times faster than a pattern's scan).
CODE_NEEDS = (("{", "}", ";"), ("()",), ("==", "!=", "->", "=>", "::", ":="), ("_",), ("def ",), ("import ",),
              ("return",), ("(",), ("// ",), ("  ", "\t"), ("(",))


def _holds_code(text: str) -> bool:
    """Whether some line of `text` matches one of CODE_PATTERNS."""
    return any(any(need in text for need in needs) and pattern.search(text) is not None
               for needs, pattern in zip(CODE_NEEDS, CODE_PATTERNS))


LIST_SEPARATOR_RE = regex.compile(r"[,;]")
NEXT_TOKEN_RE = re.compile(r"[^\S\n]*(\S*)")
NUMBER_RE = regex.compile(r"\d+(?:[.,:]\d+)*%?")
CONTRACTION_RE = regex.compile(
    r"\A([A-Za-z]+['’](?:s|t|ll|re|ve|d|m))"
    r"([a-z]{2,}|(?<=s)[A-Z][A-Za-z]+|(?<=(?i:\b(?:it|that|there|here|what|he|she|who)['’]s))a)\Z"
)  # (it'sa: a contraction of "is", then the article)
POSSESSIVE_RE = regex.compile(r"['’](?:s|d|ll|re|ve|t|m)\Z", regex.IGNORECASE)
# A word, then an Irish surname whose O' opens it: EddieO'Sullivan. (No word ends in O'.)
GLUED_O_NAME_RE = regex.compile(r"[A-Z]?[a-z]{2,}(?=O['’][A-Z][a-z])")
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
# A rare word this common and long may follow a function word in a split.
RARE_WORD_ZIPF = 1.5
RARE_WORD_LEN = 6
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
DERIVED_ZIPF = 2.5
# How common each of two long words glued in a capitalised token must be (`_Document.segment`).
LONG_PAIR_ZIPF = 4.0
# Every ending either rule above can act on, for a quick first test.
VARIANT_ENDINGS = (
    "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers", "our", "ours", "oured",
    "ouring", "ourful", "ence", "ization", "izations", "ness", "ity", "ism", "isms", "ist", "ists",
    "ment", "ments", "ly",
)


class Model:
    """Word frequencies with the user's words folded in, and the best split
    of each letter run, worked out once per process."""

    def __init__(self, zipf: dict, protected: frozenset):
        self.zipf = zipf
        self.protected = protected
        self.safe = frozenset(w for w, z in zipf.items() if z >= SAFE_ZIPF and w.isalpha() and w not in protected)
        self.common = frozenset(w for w, z in zipf.items() if z >= 3.0)
        self._splits: dict = {}
        self._cuts: dict = {}
        # Tokens `settled` has seen: those that can never split, and the rest.
        self.never: set = set()
        self.open: set = set()
        self.words_never: dict = {}  # the word atoms of those tokens: whether each can never split
        self.decisions: dict = {}  # see `_decide`
        self._common_holes: frozenset | None = None

    def common_holes(self) -> frozenset:
        """Every common word (of letters) with one letter inside
        (not its first or last) replaced by HOLE: 136,000 strings, 12 MB,
        made when first asked (`_one_slip_from_word`)."""
        if self._common_holes is None:
            self._common_holes = frozenset(word[:at] + HOLE + word[at + 1 :]
                                           for word in self.common if word.isalpha() for at in range(1, len(word) - 1))
        return self._common_holes

    def __reduce__(self):  # ship the config, not the tables: workers load their own
        raise TypeError("Model is per process; pickle the Config instead")

    def lookup(self, word: str) -> float | None:
        """Zipf frequency of a lower-case word, of its US spelling, or of the
        word it derives from by a productive suffix (multilateralisation), else None."""
        z = self.zipf.get(word)
        if z is not None or len(word) < 6 or not word.endswith(VARIANT_ENDINGS):
            return z
        for pattern, replacement in SPELLING_VARIANTS:
            variant = pattern.sub(replacement, word)
            if variant != word and variant in self.zipf:
                return self.zipf[variant]
        if len(word) >= 10:
            found = DERIVATION_RE.search(word)
            if found:
                stem_z = self.zipf.get(word[: found.start()])
                if stem_z is not None and stem_z >= 2.0:
                    return DERIVED_ZIPF
        return None

    def unknown(self, word: str) -> bool:
        """Whether neither the word list nor the web's unigrams hold the lower-case `word`."""
        return self.lookup(word) is None and word not in web_counts()[0]

    def settled(self, token: str) -> bool:
        """Whether `token` can never be split, whatever text it stands in:
        worked out once per process for each distinct token."""
        if token in self.never:
            return True
        if token in self.open:
            return False
        if len(token) > MAX_RUN:
            return _never_splits(self, token)  # worked out, not kept: it could be megabytes long
        if len(self.never) + len(self.open) > TOKENS_KEPT:
            self.never.clear()
            self.open.clear()
            self.words_never.clear()
        known = _never_splits(self, token)
        (self.never if known else self.open).add(token)
        return known

    def candidates(self, tokens: set) -> set:
        """The tokens of `tokens` that some text could split."""
        unsettled = tokens - self.never
        found = unsettled & self.open
        found.update(token for token in unsettled - found if not self.settled(token))
        return found

    def cuts(self, run: str) -> list[int]:
        """Where the lower-case `run` splits on the word model's evidence alone
        (worked out once per process for each run, as `split`)."""
        cuts = self._cuts.get(run)
        if cuts is None:
            found = self.split(run)
            cuts = [] if found is None else _judge(run, found, self)
            if len(run) <= MAX_RUN:
                if len(self._cuts) > RUNS_KEPT:
                    self._cuts.clear()
                self._cuts[run] = cuts
        return cuts

    def web_says(self, run: str, parts: list[str], ratio: float | None = None) -> bool | None:
        """What the web's counts say of splitting `run` into `parts`: True
        (split), False (a word people write), None (the web does not know it).
        `ratio`: how many times more often the web must write the parts apart
        (default: WEB_RATIO, or WEB_RATIO_RARE for a run the word list hardly knows)."""
        if ratio is None:
            ratio = WEB_RATIO if (self.lookup(run) or 0.0) >= RARE_WHOLE_ZIPF else WEB_RATIO_RARE
        unigrams, bigrams = web_counts()
        whole = unigrams.get(run)
        if len(parts) != 2:
            return None if whole is None else False
        apart = bigrams.get(f"{parts[0]} {parts[1]}")
        unigram_floor, bigram_floor = _web_floors()
        if whole is None:
            # Rarer than anything the table lists: the pair, if common, wins (lastyear).
            return True if apart is not None and apart >= ratio * unigram_floor else None
        if apart is None:
            # The pair is rarer than the table's least bigram: no answer
            # unless the whole is common enough to outweigh any pair it holds.
            return False if whole * ratio >= bigram_floor else None
        return apart >= ratio * whole

    def split(self, run: str) -> tuple[list[int], bool] | None:
        """Cached `best_split` with the model's words alone."""
        if len(run) > MAX_RUN:
            return None  # longer runs are no words, glued or not: linear time
        if run not in self._splits:
            if len(self._splits) > RUNS_KEPT:
                self._splits.clear()
            self._splits[run] = best_split(run, self.lookup, self.zipf)
        return self._splits[run]


def best_split(run: str, lookup, table: dict | None = None) -> tuple[list[int], bool] | None:
    """The likeliest way to cut the lower-case `run` into plausible words:
    (cuts, whether the cut beats the run as it stands), or None. `table` is
    the word table behind `lookup` when `lookup` is the model's own."""
    n = len(run)
    whole = lookup(run)
    if whole is not None and whole >= SAFE_ZIPF:
        return None
    if whole is not None and whole >= CAMEL_WORD_ZIPF:
        # A real word gives way only to two common words (ofthe, atleast).
        return _best_pair(run, whole, lookup)
    # best[i] = (score, previous cut) for run[:i], built forwards from each
    # reachable cut; for each end the first best start wins, as in order.
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, -1)
    for start in range(n):
        if best[start] is None:
            continue
        reached = best[start][0]
        cost = BOUNDARY_COST if start else 0.0
        for end in range(start + 1, min(n, start + 24) + 1):
            if start == 0 and end == n:
                continue
            part = run[start:end]
            z = None if table is None else table.get(part)
            if z is not None:
                # `_part_score` with the model's own words, inline (the word's
                # own frequency is what `lookup` would give).
                if (z < MIN_PART_ZIPF[min(end - start, 4) - 1] or end - start == 1 and part not in ONE_LETTER_WORDS
                        or start == 0 and part in PREFIX_PIECES
                        or end == n and part in SUFFIX_PIECES and not _after_function_word(run, start, part, table)):
                    continue
                score = z - 9.0
            else:
                if table is not None and (end - start < 6 or not part.endswith(VARIANT_ENDINGS)):
                    continue  # most parts are no word
                score = _part_score(part, lookup, start == 0, end == n)
                if score is None:
                    continue
            total = reached + score - cost
            if best[end] is None or total > best[end][0]:
                best[end] = (total, start)
    if best[n] is None:
        if whole is not None:
            return None
        return _function_word_then_rare_word(run, lookup) or _word_and_long_rare_word(run, lookup)
    if whole is None and _reads_as_derived(run, lookup):
        return None
    cuts = []
    at = n
    while at > 0:
        at = best[at][1]
        if at > 0:
            cuts.append(at)
    cuts.sort()
    score = best[n][0]
    parts = _parts(run, cuts)
    if whole is not None:
        if _frees_function_word(lookup, parts):
            score += (BOUNDARY_COST - FUNCTION_BOUNDARY_COST) * len(cuts)
        return cuts, score > whole - 9.0 + KNOWN_MARGIN
    if score < UNKNOWN_FLOOR:
        return _function_word_then_rare_word(run, lookup) or _word_and_long_rare_word(run, lookup) or (cuts, False)
    return cuts, True


def _best_pair(run: str, whole: float, lookup) -> tuple[list[int], bool] | None:
    """`best_split` restricted to two parts, for a run that is a word itself."""
    top = None
    for cut in range(1, len(run)):
        left = _part_score(run[:cut], lookup, True, False)
        if left is None:
            continue
        right = _part_score(run[cut:], lookup, False, True)
        if right is not None and (top is None or left + right > top[0]):
            top = (left + right, cut)
    if top is None:
        return None
    score, cut = top
    parts = [run[:cut], run[cut:]]
    cost = FUNCTION_BOUNDARY_COST if _frees_function_word(lookup, parts) else BOUNDARY_COST
    return [cut], score - cost > whole - 9.0 + KNOWN_MARGIN


def _function_word_then_rare_word(run: str, lookup) -> tuple[list[int], bool] | None:
    """A run no list knows that is a function word glued to a rare word
    (twoconvicting, isdecimating, forephedrine): the rare word is too rare
    to be a part of a split by itself, but a function word before it is
    what lost spaces glue most."""
    for cut in range(2, min(5, len(run) - RARE_WORD_LEN + 1)):
        if (lookup(run[:cut]) or 0.0) >= FUNCTION_ZIPF and (lookup(run[cut:]) or 0.0) >= RARE_WORD_ZIPF:
            return [cut], True
    return None


# A common word (this frequent) glued to a long word too rare to be a part
# by itself (recentprivatisations, steadiednerves): long rare words are
# whole words, not pieces, so the pair is the only reading.
COMMON_SIDE_ZIPF = 4.0
LONG_RARE_LEN = 7


def _word_and_long_rare_word(run: str, lookup) -> tuple[list[int], bool] | None:
    """The one cut of a run no list knows into a common word and a long rare
    word (either order), or None if there is none or more than one."""
    found = []
    for cut in range(3, len(run) - 2):
        head, tail = run[:cut], run[cut:]
        head_z, tail_z = lookup(head) or 0.0, lookup(tail) or 0.0
        if head in PREFIX_PIECES or tail in SUFFIX_PIECES:
            continue
        common_head = head_z >= COMMON_SIDE_ZIPF and len(head) >= 3
        common_tail = tail_z >= COMMON_SIDE_ZIPF and len(tail) >= 4
        if (common_head and len(tail) >= LONG_RARE_LEN and tail_z >= RARE_WORD_ZIPF
                or common_tail and len(head) >= LONG_RARE_LEN and head_z >= RARE_WORD_ZIPF):
            found.append(cut)
    return ([found[0]], True) if len(found) == 1 else None


# In a text that lost spaces elsewhere, a function word glued to a rare word
# (this rare at least, and less common than the other bound), rarer and
# shorter than above (twokickable, superjumbowas): a rare word makes no
# compound with a function word, unless that is a particle (outfoxing,
# backpedalled) or a word that ends words too (mettlesome, chromosone).
DAMAGED_COMMON_ZIPF = FUNCTION_ZIPF
DAMAGED_RARE_ZIPF = (1.0, 3.0)
DAMAGED_RARE_LEN = 6
WORD_ENDING_WORDS = frozenset("some one all".split())


def _common_and_rare_word(model: Model, run: str) -> int:
    """The one cut of a run that neither the list nor the web knows into a
    function word (three letters or more) and a rare word of six letters or
    more, either order; 0 if there is none or more than one. Not a derived
    word (nerve|lessly, cyborg|ian)."""
    if len(run) < 9 or not model.unknown(run) or _reads_as_derived(run, model.lookup):
        return 0
    found = []
    for cut in range(3, len(run) - 2):
        head, tail = run[:cut], run[cut:]
        if head in PREFIX_PIECES or tail in SUFFIX_PIECES or _suffix_chain(tail):
            continue
        head_z, tail_z = model.lookup(head) or 0.0, model.lookup(tail) or 0.0
        least, most = DAMAGED_RARE_ZIPF
        if (head_z >= DAMAGED_COMMON_ZIPF and head not in PARTICLES and len(tail) >= DAMAGED_RARE_LEN
                and least <= tail_z < most
                or tail_z >= DAMAGED_COMMON_ZIPF and tail not in WORD_ENDING_WORDS and len(head) >= DAMAGED_RARE_LEN
                and least <= head_z < most):
            found.append(cut)
    return found[0] if len(found) == 1 else 0


def _suffix_chain(part: str) -> bool:
    """Whether `part` is two suffixes (lessly, fulness): the end of a derived word."""
    return any(part.startswith(suffix) and part[len(suffix):] in SUFFIX_PIECES for suffix in SUFFIX_PIECES)


def _reads_as_derived(run: str, lookup) -> bool:
    """Whether `run` ends in a suffix that is also a word (able, less, ward)
    after a known word: a derived word (kickable) or a join (beingable), and
    no split of it is sure; any other split of it is a guess (be in gable).
    A function word takes no suffix: beable, andless are joins."""
    for size in (4, 5):
        suffix = run[-size:]
        if suffix in SUFFIX_WORDS and 3.0 <= (lookup(run[:-size]) or 0.0) < FUNCTION_ZIPF:
            return True
    return False


def _after_function_word(run: str, start: int, part: str, table: dict) -> bool:
    """Whether the last `part` of `run`, a suffix that is also a word (able,
    less), follows a function word alone (be|able, and|less): no word derives
    from a function word, so the suffix is the word."""
    return part in SUFFIX_WORDS and (table.get(run[:start]) or 0.0) >= FUNCTION_ZIPF


def _part_score(part: str, lookup, first: bool, last: bool) -> float | None:
    """The log10 probability of `part` as a word of a split, or None if implausible."""
    z = lookup(part)
    if z is None or z < MIN_PART_ZIPF[min(len(part), 4) - 1]:
        return None
    if len(part) == 1 and part not in ONE_LETTER_WORDS:
        return None
    if (first and part in PREFIX_PIECES) or (last and part in SUFFIX_PIECES):
        return None
    return z - 9.0


@lru_cache(maxsize=8)
def model_for(config: Config) -> Model:
    zipf = english_zipf()
    extra = set(config.vocabulary)
    if config.vocabulary_file:
        extra |= read_word_file(config.vocabulary_file)
    if extra:
        zipf = dict(zipf)
        for word in extra:
            zipf[word] = max(zipf.get(word, 0.0), USER_WORD_ZIPF)
    return Model(zipf, frozenset(config.protected_words) | frozenset(extra))


# What `after_name` says of the word before a token: nothing (0), a
# capitalised function word (The, In), or a capitalised word (Nations).
AFTER_FUNCTION_WORD, AFTER_NAME = 1, 2

# The questions a decision may ask of its text (see `_Document`).
COUNT, APART, NAMES, DAMAGED, INITIALS = range(5)
# An initial (not the word A or I), then a space and a name: S Thompson.
INITIAL_NAME_RE = re.compile(r"(?<![^\s(])[B-HJ-Z]\.? [A-Z][a-z]{2,}")


class _Document:
    """What the splitter knows about one text while it works on it.

    Its evidence is read through three questions only, `count`,
    `written_apart` and `names`; while `trace` is a list, each question and its answer is
    recorded there, so that a decision made in one text can be reused in
    another that answers the same questions alike (`_decide`)."""

    def __init__(self, text: str, model: Model, config: Config, damaged: bool = True, counts: Counter | None = None,
                 changed: list | tuple = (), english: bool | None = None):
        self.model = model
        self._damaged = damaged
        self.config = config
        self.text = text
        self.lower = lower(text)
        self.trace: list | None = None
        self._counts: Counter | None = counts  # each run of letters: how often it stands
        self._changed = changed  # tokens split since `counts` was read: (as they were, as they are)
        self._english = english
        self._adjacent: set | None = None
        self._capitalised: set | None = None
        self._searches_left = SEARCHES_PER_TEXT
        self._initials: bool | None = None

    # `_words` and `_pairs` each read the runs of letters afresh rather than
    # keep the list: on a long text it would hold a string per word written.
    def _words(self) -> Counter:
        if self._counts is None:
            runs = _letter_words(self.lower)
            self._counts = Counter(runs)
            self._changed = ()  # read from the text as it is now
            if self._english is None:
                self._english = self._reads_english(runs)  # on the runs at hand, before they are dropped
        elif self._changed:
            # Only the split tokens change the counts: a run of letters never
            # crosses a space, so each token's runs can be taken out and its
            # pieces' put in, rather than the whole text read again.
            counts = self._counts
            for before, after in self._changed:
                for word in _letter_words(before.lower()):
                    counts[word] -= 1
                counts.update(_letter_words(after.lower()))
            self._changed = ()
        return self._counts

    # The first questions search the text (SEARCHES_PER_TEXT); after them,
    # each is answered from a table of the text built once: a search per
    # question would make a long text cost the square of its length, and a
    # table per text makes a long text that asks a few pay for all its pairs.
    def _pairs(self) -> set:
        """Every two runs of letters side by side (lower case)."""
        if self._adjacent is None:
            words = _letter_words(self.lower)
            self._adjacent = set(zip(words, words[1:]))
        return self._adjacent

    def _names(self) -> set:
        """Every run of letters as written that opens with a capital."""
        if self._capitalised is None:
            self._capitalised = {word for word in LETTERS_RE.findall(self.text) if word[0].isupper()}
        return self._capitalised

    @property
    def english(self) -> bool:
        """The language guard, for the text as a whole: most of its words English."""
        if self._english is None:
            self._english = self._reads_english(_letter_words(self.lower))
        return self._english

    def _reads_english(self, runs: list[str]) -> bool:
        """Whether most of the text's runs of letters are common English words
        (a pass over them: a table of a long text's words would grow with it)."""
        return not self.config.english_only or len(runs) < 20 or sum(
            map(self.model.common.__contains__, runs)) >= 0.5 * len(runs)

    # -- the text's evidence ----------------------------------------------
    def count(self, word: str) -> int:
        """How often this text writes the lower-case `word` alone: 0, 1, or 2 for more."""
        return self._ask(COUNT, word)

    def written_apart(self, parts: list[str]) -> bool:
        """Whether this text also writes these words apart, side by side."""
        return self._ask(APART, tuple(parts))

    def names(self, word: str) -> bool:
        """Whether this text writes the lower-case `word` alone with a capital
        (a name it uses: Blair, Christmas), not only in lower case."""
        return self._ask(NAMES, word)

    def damaged(self) -> bool:
        """Whether the text shows lost spaces elsewhere: a lower-case token
        that the word model alone splits (`split_words` reads it once)."""
        return self._ask(DAMAGED, None)

    def lists_initials(self) -> bool:
        """Whether the text writes at least two names after an initial (S Thompson,
        P Vickery): a line-up or a list of credits."""
        return self._ask(INITIALS, None)

    def _ask(self, kind: int, question):
        found = self._answer(kind, question)
        if self.trace is not None:
            self.trace.append((kind, question, found))
        return found

    def _answer(self, kind: int, question):
        if kind == COUNT:
            return min(self._words().get(question, 0), 2)
        if kind == DAMAGED:
            return self._damaged
        if kind == INITIALS:
            if self._initials is None:
                self._initials = len(list(islice(INITIAL_NAME_RE.finditer(self.text), 2))) == 2
            return self._initials
        if self._searches_left > 0 and (self._adjacent if kind == APART else self._capitalised) is None:
            self._searches_left -= 1
            if kind == APART:
                return all(_writes_pair(self.lower, left, right) for left, right in zip(question, question[1:]))
            return _writes_run(self.text, question[:1].upper() + question[1:])
        if kind == APART:
            return all(pair in self._pairs() for pair in zip(question, question[1:]))
        return question[:1].upper() + question[1:] in self._names()

    def answers(self, trace: tuple) -> bool:
        """Whether this text answers every question of `trace` as recorded."""
        for kind, question, found in trace:
            if self._answer(kind, question) != found:
                return False
        return True

    # -- word knowledge -------------------------------------------------
    def zipf(self, word: str) -> float | None:
        """Frequency of a lower-case word, counting words this text uses alone."""
        z = self.model.lookup(word.replace("’", "'"))
        if len(word) >= 4 and (z is None or z < 2.5) and self.count(word) >= 1:
            z = 2.5
        return z

    def vocab_zipf(self, word: str) -> float | None:
        """Frequency of a lower-case word in the model alone (not this text)."""
        return self.model.lookup(word.replace("’", "'"))

    def known(self, word: str, least: float = 2.0) -> bool:
        z = self.zipf(word.lower())
        return z is not None and z >= least

    def web_says(self, run: str, parts: list[str], ratio: float | None = None) -> bool | None:
        return self.model.web_says(run, parts, ratio)

    def _rare_pair(self, run: str, capitalised: bool) -> list[int]:
        """The cut of a lower-case run into a function word and a rare word
        (`_common_and_rare_word`), if the text lost spaces elsewhere and does
        not write the run twice; else []."""
        cut = 0 if capitalised else _common_and_rare_word(self.model, run)
        return [cut] if cut and self.damaged() and self.count(run) < 2 else []

    def _undamaged_join(self, parts: list[str], capitalised: bool, sentence_start: bool = False) -> bool:
        """Whether `parts`, the split of a word no list knows, read as a lost
        space in a text that shows none elsewhere (`_plain_join`). A
        capitalised word is more likely a name (Silksong; Rift, Riftstep and
        Riftwalkers in one text): only a function word glued (Thecouncil,
        Lisbonin), a nationality (Danishfishermen), a name the text writes
        alone then a verb's -ed or -ing form (Varnholtinsisted), or, opening
        a sentence, two common words (Lastweek) read as one."""
        if not capitalised:
            return _plain_join(self.model, parts)
        lookup, tail = self.model.lookup, parts[-1]
        return any((lookup(part) or 0.0) >= FUNCTION_ZIPF for part in parts) or len(parts) == 2 and (
            parts[0] in NATIONALITIES
            or len(tail) >= 5 and tail.endswith(INFLECTED_ENDINGS) and (lookup(tail) or 0.0) >= DERIVED_ZIPF
            and self.names(parts[0])
            or sentence_start and (lookup(parts[0]) or 0.0) >= UNDAMAGED_SENTENCE_HEAD_ZIPF
            and (lookup(tail) or 0.0) >= UNDAMAGED_PART_ZIPF)

    def _holds_local_word(self, run: str) -> bool:
        """Whether `run` opens or ends with a word this text uses alone."""
        return any(self.count(run[:k]) or self.count(run[-k:]) for k in range(4, len(run) - 1))

    # -- lower-case runs ------------------------------------------------
    def segment(self, run: str, capitalised: bool = False, sentence_start: bool = False,
                after_name: bool = False) -> list[int]:
        """Offsets inside the lower-case `run` where spaces were lost, or [].
        `capitalised` says the run was written with a capital (likely a name),
        `sentence_start` that it opens a sentence."""
        if len(run) < 3 or len(run) > MAX_RUN or run in self.model.protected:
            return []
        found = self.model.split(run)
        if capitalised and len(run) >= 6 and self._holds_local_word(run):
            # Names the word list lacks but this text uses: Traillesaw, Crabbeand.
            # (The run itself is looked up in the model alone: the text
            # always writes it once, as the token being judged.)
            local = best_split(run, lambda word: self.vocab_zipf(word) if word == run else self.zipf(word))
            if local is not None and (found is None or len(local[0]) < len(found[0]) or not found[1]
                                      or local[1] and len(local[0]) == len(found[0])):
                # (Heymansand: Heymans and, the name the text uses, not Heyman sand.)
                found = local
        if capitalised and (found is None or len(found[0]) > 1) and len(run) >= 9 and self.model.unknown(run):
            # A name no list holds glued to a verb's -ed or -ing form cuts into
            # pieces of the name (Rod|dick|rallied): read it as the name and
            # the longest such form instead, if the text lost spaces elsewhere.
            cut = _name_then_verb(self.model, run)
            if cut and self.damaged():
                found = ([cut], True)
        if found is None:
            return self._rare_pair(run, capitalised)
        cuts = _judge(run, found, self.model)
        if not cuts:
            pair = None if capitalised else _compound_pair(self.model, run)
            if not (pair and self.damaged() and self.written_apart(_parts(run, pair))):
                return self._rare_pair(run, capitalised)
            cuts = pair
        parts = _parts(run, cuts)
        if not self.damaged() and not self._undamaged_join(parts, capitalised, sentence_start):
            return []
        # A token the text itself uses more than once is a word here (a name,
        # a brand, a compound: Kenteris, smartcard), unless the text also writes
        # its parts apart, or they are long words that make no compound
        # (crisismanagement).
        # (Nor when the web writes the parts apart far more often, in lower
        # case or after a function word: turneddown, Thegovernment; a name
        # twice is a name, Pointon.)
        if not capitalised and self.count(run) >= 2 and not self.damaged():
            # A word this text writes again, in a text that shows no lost
            # space elsewhere (thiserror), unless it is made of function
            # words (andthe), or of other words the web writes apart (lowcost).
            function = [(self.vocab_zipf(part) or 0.0) >= FUNCTION_ZIPF for part in parts]
            if not (all(function) or not any(function) and self.web_says(run, parts)):
                return []
        if self.count(run) >= 2 and not self.written_apart(parts) and not (self.web_says(run, parts) and (
                not capitalised or (self.vocab_zipf(parts[0]) or 0.0) >= FUNCTION_ZIPF)):
            # (But a function word glued to a word twice is the same lost
            # space twice, where the text lost spaces elsewhere: andthe ...
            # andthe; not thiserror, a name written six times.)
            if capitalised or min(map(len, parts)) < 5 and not (
                len(parts) == 2 and max(self.vocab_zipf(part) or 0.0 for part in parts) >= FUNCTION_ZIPF
                and self.damaged()
            ):
                return []
        if capitalised and not self.written_apart(parts):
            # Short last parts make names out of words (Botha, Pengam, Toon),
            # but a common word or a name the text uses alone, glued to a
            # function word, is a join (Ministryof, Scholesin).
            if len(parts[-1]) < 3 and not (
                len(parts) == 2 and (self.zipf(parts[1]) or 0.0) >= FUNCTION_ZIPF and (
                    len(parts[0]) >= 3 and (self.zipf(parts[0]) or 0.0) >= 4.0
                    or len(parts[0]) >= 4 and self.names(parts[0])
                    or (self.zipf(parts[0]) or 0.0) >= FUNCTION_ZIPF and self.web_says(run, parts)  # Itis
                    # (In a text that lost spaces elsewhere, a word the list
                    # knows of five letters or more: Kellowayin, a name glued.)
                    or len(parts[0]) >= 5 and (self.vocab_zipf(parts[0]) or 0.0) >= 3.0
                    and self.model.unknown(run) and self.damaged())
            ):
                return []
            # A name glued to a common word: the word is a function word, or
            # the text names the name alone elsewhere (Hawkpoint is neither).
            # Names end in function words too (Misamore, Biscan): the first
            # part must then be a word, or a name the text uses alone.
            tail = self.zipf(parts[-1]) or 0.0
            tail_ok = len(parts) > 2 or len(parts[0]) >= 3 and (
                tail >= FUNCTION_ZIPF and (len(parts[0]) >= 5 or (self.vocab_zipf(parts[0]) or 0.0) >= FUNCTION_HEAD_ZIPF)
                or tail >= NAME_TAIL_ZIPF and self.names(parts[0])
            )
            # The last word of a name of several words, then a word: World
            # Serviceprogramme, Downing Streetcited.
            name_ok = after_name and len(parts) == 2 and min(map(len, parts)) >= 4 and tail >= NAME_WORD_ZIPF and (
                self.vocab_zipf(parts[0]) or 0.0) >= NAME_WORD_ZIPF
            # (At a sentence start in a text that lost spaces elsewhere, two
            # words of four letters or more need be less common: Eurozoneinterest.)
            head_ok = name_ok or sentence_start and (self.zipf(parts[0]) or 0.0) >= SENTENCE_HEAD_ZIPF or (
                sentence_start and len(parts) == 2 and len(parts[0]) >= 4
                and (len(parts[1]) >= 4 or tail >= DAMAGED_SHORT_TAIL_ZIPF)
                and tail >= DAMAGED_TAIL_ZIPF
                and (self.vocab_zipf(parts[0]) or 0.0) >= DAMAGED_HEAD_ZIPF and self.damaged()) or (
                len(parts) == 2 and (parts[0] in NATIONALITIES or parts[0] in CALENDAR_WORDS and len(parts[0]) > 3)
                and tail >= NAME_TAIL_ZIPF
            )
            # In a text that lost spaces elsewhere, a name glued to a verb's
            # -ed or -ing form (Hoggenhanced, Westminsteraccusing), or to a
            # common word's -s form (Moyatakes): names do not end in one.
            verb_ok = (len(parts) == 2 and len(parts[0]) >= 4 and len(parts[1]) >= 5
                       and (parts[1].endswith(INFLECTED_ENDINGS) and (self.vocab_zipf(parts[1]) or 0.0) >= DERIVED_ZIPF
                            or parts[1] in ROLE_NOUNS
                            or parts[1].endswith("s") and (self.vocab_zipf(parts[1]) or 0.0) >= 4.5
                            and (self.vocab_zipf(parts[1][:-1]) or 0.0) >= 4.5)
                       and self.model.unknown(run) and self.damaged())
            # In a text that lost spaces elsewhere, two common words of five
            # letters or more that no list or the web writes as one
            # (Todayprogramme, Englandbefore): brands pair shorter words (Stagework, Bluephone).
            long_ok = (len(parts) == 2 and min(map(len, parts)) >= 5
                       and min(self.vocab_zipf(part) or 0.0 for part in parts) >= LONG_PAIR_ZIPF
                       and self.model.unknown(run) and self.damaged())
            if not (tail_ok or head_ok or verb_ok or long_ok):
                return []
        return cuts


# How many times more often than together the web must write a compound's
# two words apart for its text's evidence to split it: compounds the web
# writes nearly as often whole (webpage, 1.7x) are written both ways in one
# article too; a videogame (4.6x) or alot (11x) beside its words apart is a lost space.
COMPOUND_APART_RATIO = 3.0


def _name_then_verb(model: Model, run: str) -> int | None:
    """Where `run` cuts into four letters or more and the longest word of five
    letters or more that ends in -ed or -ing, if the list knows that word
    well (a verb's form), or None. (A rarer one may be the end of a longer:
    Laportebemoaning is no Laportebe moaning.)"""
    for cut in range(4, len(run) - 4):
        tail = run[cut:]
        if tail.endswith(INFLECTED_ENDINGS):
            z = model.lookup(tail)
            if z is not None and z >= RARE_WORD_ZIPF:
                return cut if z >= DERIVED_ZIPF else None
    return None


def _compound_pair(model: Model, run: str) -> list[int] | None:
    """The cut of a lower-case `run` that the word list holds as one word
    (videogame, alot) into two words the web writes apart at least as often
    as together; None if there is none. Such a compound is split only where
    its text writes the two words apart too."""
    found = model.split(run)
    if found is None or len(found[0]) != 1 or model.lookup(run) is None:
        return None
    parts = _parts(run, found[0])
    # (A verb and its particle make a noun, a comeback, beside the verb, come back.)
    if parts[1] in PARTICLES or not model.web_says(run, parts, ratio=COMPOUND_APART_RATIO):
        return None
    return found[0]


# A run no list knows that one slip of a finger away from a common word
# (accordig, performane, a letter dropped, swapped, doubled or mistyped
# inside) is a misspelling that the word model cuts into rare pieces (accor
# dig, perfor mane): a cut whose weakest piece is rarer than this is not taken.
# Lost spaces make a run one slip from a word too (tohis, this), but cut into
# common words.
TYPO_PART_ZIPF = 4.0
HOLE = "\0"  # stands for any one letter in `Model.common_holes`


def _one_slip_from_word(model: Model, run: str) -> bool:
    """Whether a letter dropped, added, changed or swapped inside `run` (not
    its first or last letter) makes a common word."""
    common, holes = model.common, model.common_holes()
    for at in range(1, len(run)):
        head, rest = run[:at], run[at + 1 :]
        if head + HOLE + run[at:] in holes:  # a letter dropped before run[at]
            return True
        if rest and (head + rest in common  # run[at] added
                     or head + HOLE + rest in holes  # changed
                     or head + rest[:1] + run[at] + rest[1:] in common):  # swapped with the next
            return True
    return False


def _judge(run: str, found: tuple[list[int], bool], model: Model) -> list[int]:
    """The cuts of a best split that the evidence upholds: the web's counts
    where it knows the token, else whether the split beat the whole."""
    cuts, beats = found
    parts = _parts(run, cuts)
    web = model.web_says(run, parts)
    if web is not None:
        return cuts if web else []
    if not beats:
        return []
    if min(model.lookup(part) or 0.0 for part in parts) < TYPO_PART_ZIPF and _one_slip_from_word(model, run):
        return []
    if len(parts) > 2:
        # andclubman, billionwebpages: keep the compounds the web writes whole.
        kept = [cut for cut, left, right in zip(cuts, parts, parts[1:])
                if model.web_says(left + right, [left, right]) is not False]
        # But a piece the list does not know is no word, however often the
        # web writes it (a misspelling, con|sen|us: no consen us).
        if kept != cuts and any(model.lookup(part) is None for part in _parts(run, kept)):
            return []
        cuts = kept
    return cuts


def _never_splits(model: Model, token: str) -> bool:
    """Whether no rule could split `token` in any text (see `Model.settled`)."""
    if len(token) < 3 or len(token) > MAX_TOKEN:
        return True
    plain = PLAIN_WORD_RE.fullmatch(token)
    if plain:
        return _word_never_splits(model, plain.group(1))
    if UNTOUCHABLE_RE.search(token):
        return not _domain_then_word(model, token)
    if PUNCT_RE.search(token):
        return False
    for atom in ATOM_RE.finditer(token):
        if atom.lastgroup != "word" or len(atom.group()) < 3:
            continue
        hyphen = token[atom.end() : atom.end() + 1] == "-"
        if hyphen and _hyphen_prefix_cut(model, atom.group(), _next_word(token, atom.end() + 1)):
            return False
        if atom.start() and token[atom.start() - 1].isdigit():
            return False  # 268bnpaid: a unit may open it
        if not _word_never_splits(model, atom.group()):
            return False
    return True


# A word between opening and closing punctuation ("said.", "(Hanoi’s,"):
# neither UNTOUCHABLE_RE nor PUNCT_RE can match it, so its word decides. (A
# straight quote only opens it: ("A is a quote_after; the look-ahead leaves
# plural_quote, economists'expectations, to PUNCT_RE.)
PLAIN_WORD_RE = re.compile(r"\"?[“‘(]*([A-Za-z]+(?:['’](?!(?<=[a-z]s')[a-z]{2})[A-Za-z]+)*)[.,;:!?\"”’)]*")


def _word_never_splits(model: Model, word: str) -> bool:
    """`_never_splits` for one word atom (letters and inner apostrophes),
    worked out once for all the tokens that hold it (Hanoi, Hanoi. and (Hanoi,)."""
    known = model.words_never.get(word)
    if known is None:
        if len(model.words_never) > TOKENS_KEPT:
            model.words_never.clear()
        known = model.words_never[word] = _judge_word(model, word)
    return known


def _judge_word(model: Model, word: str) -> bool:
    if len(word) < 3:
        return True
    stem = POSSESSIVE_RE.sub("", word)
    if "'" in stem or "’" in stem:
        return not CONTRACTION_RE.match(word) and not GLUED_O_NAME_RE.match(word)
    lower = stem.lower()
    if lower in model.protected or stem.isupper():
        return True
    if stem.islower():
        return not model.cuts(lower) and not _compound_pair(model, lower) and not _common_and_rare_word(model, lower)
    if stem[0].isupper() and stem[1:].islower():
        if lower in model.safe:
            return True
        # A capitalised word the web writes (Howard, Liverpool) splits only
        # where the web's bigrams say so, which no text changes.
        return lower in web_counts()[0] and not model.cuts(lower) and not _initial_split(model, lower)
    return False


def _frees_function_word(lookup, parts: list[str]) -> bool:
    for index, part in enumerate(parts):
        if (lookup(part) or 0.0) >= FUNCTION_ZIPF and not (index == 0 and part in PARTICLES):
            return True
    return False


@lru_cache(maxsize=1)
def _web_floors() -> tuple[float, float]:
    """The smallest counts in the web unigram and bigram tables: anything left out is rarer."""
    unigrams, bigrams = web_counts()
    return min(unigrams.values()), min(bigrams.values())


# Every byte but an ASCII lower-case letter becomes a space.
_ONLY_LETTERS = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


def _has_foreign_letter(text: str) -> bool:
    """Whether `text` holds a letter outside ASCII (FOREIGN_LETTER_RE): the
    class is tested only on the non-ASCII characters, which a plain range finds fast."""
    return not text.isascii() and FOREIGN_LETTER_RE.search("".join(NON_ASCII_RE.findall(text))) is not None


def _letter_words(lower: str) -> list[str]:
    """The runs of letters (`LETTERS_RE`) of the lower-case text, in order."""
    if _has_foreign_letter(lower):
        return LETTERS_RE.findall(lower)
    # Only ASCII letters: bytes.translate finds the runs several times faster.
    return lower.encode("ascii", "replace").translate(_ONLY_LETTERS).decode("ascii").split()


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
_patterns: dict = {}  # ("pair", left, right) or ("run", run) -> its pattern, or None once searched by find


def _is_letter(char: str) -> bool:
    """`[^\\W\\d_]` of `re` for one character, without a pattern."""
    return char.isalnum() and not char.isdecimal()


def _pattern_for(key: tuple, text: str, word: str):
    """The compiled pattern for `key` if the question was asked before or
    `word` is common in `text`, else None (search by `str.find`)."""
    pattern = _patterns.get(key)
    if pattern is None:
        if key not in _patterns and text.count(word) <= FIND_AT_MOST:
            if len(_patterns) >= PATTERNS_KEPT:
                _patterns.clear()
            _patterns[key] = None  # searched once: compiled if asked again
            return None
        pattern = _patterns[key] = _pair_re(*key[1:]) if key[0] == "pair" else _run_re(key[1])
    return pattern


def _writes_pair(text: str, left: str, right: str) -> bool:
    """Whether `text` holds the runs of letters `left` and `right` side by
    side (non-letters between them)."""
    pattern = _pattern_for(("pair", left, right), text, left)
    if pattern is not None:
        return pattern.search(text) is not None
    n = len(text)
    for at in _run_starts(text, left):
        gap = end = at + len(left)
        while gap < n and not _is_letter(text[gap]):
            gap += 1
        stop = gap + len(right)
        if gap > end and text.startswith(right, gap) and (stop == n or not _is_letter(text[stop])):
            return True
    return False


def _writes_run(text: str, run: str) -> bool:
    """Whether `text` holds `run` as a whole run of letters (found as `_writes_pair` finds)."""
    pattern = _pattern_for(("run", run), text, run)
    if pattern is not None:
        return pattern.search(text) is not None
    return next(_whole_runs(text, run), None) is not None


def _writes_twice(text: str, run: str) -> bool:
    """Whether `text` holds `run` twice or more as a whole run of letters."""
    return len(list(islice(_whole_runs(text, run), 2))) == 2


def _whole_runs(text: str, run: str):
    """Where `run` stands in `text` as a whole run of letters."""
    n = len(text)
    return (at for at in _run_starts(text, run) if at + len(run) == n or not _is_letter(text[at + len(run)]))


def _run_starts(text: str, word: str):
    """Where `word` stands in `text` with no letter just before it."""
    at = text.find(word)
    while at >= 0:
        if not at or not _is_letter(text[at - 1]):
            yield at
        at = text.find(word, at + 1)


def _pair_re(left: str, right: str):
    """`_writes_pair` as a pattern (the literal first, so the engine scans for it)."""
    return re.compile(rf"{re.escape(left)}(?<![^\W\d_]{re.escape(left)})[\W\d_]+{re.escape(right)}(?![^\W\d_])")


def _run_re(run: str):
    """`_writes_run` as a pattern."""
    return re.compile(rf"{re.escape(run)}(?<![^\W\d_]{re.escape(run)})(?![^\W\d_])")


def _parts(run: str, cuts: list[int]) -> list[str]:
    edges = [0, *sorted(cuts), len(run)]
    return [run[a:b] for a, b in zip(edges, edges[1:])]


def _word_splits(doc: _Document, word: str, sentence_start: bool = False, after_name: int = 0) -> list[tuple[int, str]]:
    """Spaces to insert inside one word atom (letters and inner apostrophes);
    `sentence_start` says the word opens a sentence."""
    if len(word) < 3:
        return []
    lower = word.lower().replace("’", "'")
    if lower in doc.model.protected:
        return []
    contraction = CONTRACTION_RE.match(word)
    if contraction and regex.search(r"s['’](?:re|ve|ll|d|m|t)\Z", contraction.group(1)):
        contraction = None  # Souness'remarks: a plural's apostrophe (see PUNCT_RE's plural_quote)
    if contraction:
        # it'snot, DEC'shosting: a contraction or possessive, then a word.
        head, rest = contraction.groups()
        # (Scotland'sLee: a possessive, then a name.)
        # (A long word may be rarer: it'sunderestimating.)
        if rest[0].isupper() or rest == "a" or doc.known(rest, 3.0 if len(rest) < 6 else 2.0) or doc.segment(rest):
            return [(len(head), "lowercase_join")] + [(len(head) + i, r) for i, r in _word_splits(doc, rest)]
        return []
    stem = word
    tail = POSSESSIVE_RE.search(word)
    if tail:
        stem = word[: tail.start()]
    if "'" in stem or "’" in stem:
        # (Where the text lost spaces elsewhere: else a user name, KevinO'Neill.)
        glued = GLUED_O_NAME_RE.match(stem)
        return [(glued.end(), "case_join")] if glued and (stem[0].islower() or doc.damaged()) else []
    whole_z = doc.vocab_zipf(lower)
    if whole_z is not None and whole_z >= SAFE_ZIPF:
        return []
    if stem.isupper():
        return []
    cases = _case_boundaries(doc, stem, lower, after_name)
    out: list[tuple[int, str]] = [(i, "case_join") for i in cases]
    edges = [0, *cases, len(stem)]
    for a, b in zip(edges, edges[1:]):
        chunk = stem[a:b]
        if chunk.isupper() or not chunk[1:].islower() and len(chunk) > 1:
            out += [(a + cut, "lowercase_join") for cut in _prefixed_name_then_word(doc, chunk)]
            continue
        for cut in doc.segment(chunk.lower(), chunk[0].isupper(), sentence_start and a == 0, after_name and a == 0):
            out.append((a + cut, "lowercase_join"))
    return sorted(out)


def _prefixed_name_then_word(doc: _Document, chunk: str) -> list[int]:
    """A surname with its prefix's capital (McManus, DiCaprio) that the text
    writes alone elsewhere, glued to a function word (McManusand), in a text
    that lost spaces elsewhere: where the word starts, else nothing."""
    if not PREFIXED_NAME_RE.match(chunk):
        return []
    lower = chunk.lower()
    for cut in range(len(chunk) - 1, 4, -1):
        if not chunk[cut:].islower():
            break
        if (doc.vocab_zipf(lower[cut:]) or 0.0) >= FUNCTION_ZIPF and doc.count(lower[:cut]) >= 1:
            return [cut] if doc.damaged() else []
    return []


def _case_boundaries(doc: _Document, stem: str, lower: str, after_name: int = 0) -> list[int]:
    """Case changes inside `stem` that mark a lost space: inHanoi, EApublishes,
    Iwas; `after_name` says what capitalised word it follows (AFTER_NAME...)."""
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
        return [1] if _initial_split(doc.model, lower) else []
    cuts = [i for i in sorted(set(raw)) if _case_cut_ok(doc, stem, i, after_name)]
    for i in acronym_ends:
        if i in cuts and i + 1 in cuts:
            # USPresident: US|President beats USP|resident; FACup: FA|Cup beats
            # FAC|up; FBIon: FBI|on beats FB|Ion. The acronym counts as a word.
            head = regex.search(r"[A-Z]+\Z", stem[:i]).group().lower()
            right = regex.match(r"[a-z]+", stem[i + 1 :]).group()
            shorter = (doc.zipf(head) or 0.0) + (doc.zipf(stem[i].lower() + right) or 0.0)
            longer = (doc.zipf(head + stem[i].lower()) or 0.0) + (doc.zipf(right) or 0.0)
            # (The text's own words settle it: MG and Rover written alone, MGR never: MG|Rover, not MGR|over.)
            written = shorter < longer and doc.count(head) and not doc.count(head + stem[i].lower()) and (
                doc.names(stem[i].lower() + right))
            cuts.remove(i + 1 if shorter >= longer or written else i)
    web = doc.web_says(lower, _parts(lower, cuts), ratio=1.0) if cuts else None
    if cuts and repeated and not web and not doc.written_apart(_parts(lower, cuts)):
        # A name written twice is a name (PlayStation), but a function word
        # glued to a name, or an acronym to a lower-case word, twice is the
        # same join twice (inDecember, USeconomy), as are two words the web
        # writes apart more often than as one (StockExchange).
        head = stem[: cuts[0]]
        if not (head.islower() and (doc.zipf(head) or 0.0) >= FUNCTION_ZIPF
                or head.isupper() and stem[cuts[0]].islower()):
            return []
    if cuts == [1] and stem[0] == "a" and stem[1:].isupper() and doc.damaged():
        return cuts  # aPC, aTV: the article before an acronym, whatever word its letters spell (apc, atv)
    camel_name = stem[0].isupper() and stem[1].islower()  # CrowdStrike, not USPresident or theEU
    # Brands the web writes joined more than apart (RealArcade, EyeToy), and
    # camel-case words the model knows (PlayStation, YouTube).
    joined_brand = web is False and stem[0].isupper()
    known_word = bool(cuts) and not web and whole is not None and whole >= (
        CAMEL_NAME_ZIPF if camel_name else CAMEL_WORD_ZIPF)
    if not (joined_brand or known_word) or (stem[1].islower() and doc.damaged()
                                             and doc.written_apart(_parts(lower, cuts))):
        # (Both give way for two capitalised words where the text lost spaces
        # elsewhere and writes them apart too: a name glued, not a brand;
        # LibDems beside Lib Dems. An acronym's, JPMorgan, is written both ways.)
        return cuts
    if joined_brand:
        return []
    # A known camel-case word stays whole unless its parts are far likelier apart (ofThe).
    score = sum((doc.zipf(p) or 0.0) - 9.0 for p in _parts(lower, cuts)) - BOUNDARY_COST * len(cuts)
    return [] if score <= whole - 9.0 + KNOWN_MARGIN else cuts


CAPITALISED_RE = re.compile(r"[A-Z][a-z]+")
IDENTIFIER_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PLURAL_ACRONYM_RE = re.compile(r"([A-Z]{2,})s(?![A-Za-z])")
# A surname opening with a prefix that keeps its own capital: McGregor, MacLeod, DiCaprio, DeNiro.
PREFIXED_NAME_RE = re.compile(r"(?:Mc|Mac|Di|De|Da)[A-Z][a-z]{2,}")


def _camel_name(doc: _Document, stem: str) -> bool:
    """Whether two capitalised words side by side in `stem` are ones the web
    writes as one word at least as often as apart (GameBoy, RealPlayerand):
    a name, not a lost space."""
    words = list(CAPITALISED_RE.finditer(stem))
    for a, b in zip(words, words[1:]):
        left, right = a.group().lower(), b.group().lower()
        if a.end() != b.start() or left in NAME_PREFIXES:
            continue  # (MacDonald is one name's two parts)
        cuts = doc.model.cuts(right)
        if cuts:
            right = right[: cuts[0]]  # Playerand: the name's word is Player
        web = doc.web_says(left + right, [left, right], ratio=1.0)
        if web is False or (web is None and left + right in web_counts()[0]):
            return True
    return False


def _initial_split(model: Model, lower: str) -> bool:
    """Whether a capitalised token opening with I or A is that word glued to
    the next (Iwas, Apenalty) rather than a name (Ireland, Alan)."""
    rest = lower[1:]
    rest_z = model.lookup(rest) or 0.0
    if lower[0] not in "ia" or len(rest) < 2 or rest_z < 3.5:
        return False
    other = model.cuts(lower)
    if other[:1] not in ([], [1]) and min(model.lookup(part) or 0.0 for part in _parts(lower, other)) > rest_z:
        return False  # Ifour: If our, not I four (but Ishall is I shall, not Is hall)
    web = model.web_says(lower, [lower[0], rest])
    if web:
        return True
    if lower[0] == "i" and rest_z >= PRONOUN_NEXT_ZIPF and (model.lookup(lower) or 0.0) < 3.0:
        # Iwill, Iam: the web's pages are full of such user names, but a
        # capital I before a common word that makes no known name is the pronoun.
        return True
    return web is None and model.lookup(lower) is None


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


def _plain_join(model: Model, parts: list[str]) -> bool:
    """Whether lower-case `parts`, the split of a word no list knows, read
    as a lost space even where the text shows none elsewhere, where such a
    word is more likely a new compound (roguelite, overplan, testnets): a
    function word or a verb's form glued (`_reads_as_join`); very common
    words (last|year), or common words of eleven letters or more in all,
    longer than compounds' (nationaldefence, not softlock); or long words
    (multilateralisation|effectively)."""
    if _reads_as_join(model, parts):
        return True
    if parts[0] in PARTICLES:
        return False  # over|plan, out|run: a particle opens compounds
    # (Compounds join short words: softlock, passkeys; but not the commonest: lastyear.)
    least = min(model.lookup(part) or 0.0 for part in parts)
    return least >= UNDAMAGED_COMMON_ZIPF or least >= UNDAMAGED_PART_ZIPF and sum(map(len, parts)) >= 11 or (
        min(map(len, parts)) >= LONG_PART_LEN)


def _reads_as_join(model: Model, parts: list[str]) -> bool:
    """Whether lower-case `parts` read as words that lost their space, not as
    a compound: one is a function word, not a particle opening the run (of,
    the, said, shares|in; not over|plan or out|run: particles open
    compounds), or a verb's -ed or -ing form of five letters or more comes
    first, which opens no compound (exchanged|views)."""
    if parts[0] == "a" and len(parts) == 2 and (len(parts[1]) < 4 or (model.lookup(parts[1]) or 0.0) < 4.5):
        return False  # a|arch: many a word opens with the letter (aarch64); a|man, a|decision lost a space
    found = [(model.lookup(part) or 0.0) >= FUNCTION_ZIPF and (part not in PARTICLES or index > 0)
             for index, part in enumerate(parts)]
    # (The other parts words in their own right: not gum|as|tos or tata|she,
    # a foreign word; or one long word beside the function word: is|decimating, pundits|and.)
    return any(found) and (
        all(glued or (model.lookup(part) or 0.0) >= JOIN_OTHER_PART_ZIPF for glued, part in zip(found, parts))
        or len(parts) == 2 and found[0] != found[1]
        and len(other := parts[1] if found[0] else parts[0]) >= 6 and (model.lookup(other) or 0.0) >= RARE_WORD_ZIPF
    ) or (len(parts[0]) >= 5 and parts[0].endswith(INFLECTED_ENDINGS))


# Words that glue to a name where a line lost its space, and seldom open a
# code name (toString, onClick, forEach, isValid, getName are code).
JOIN_HEADS = frozenset(
    "the a an of in at from into onto about over under after before than against until between during without"
    " within across through towards toward among upon and but or with by his her their its that".split()
)


def _humps(stem: str) -> int:
    """How many capitals follow a lower-case letter in `stem` (getElementById: 3)."""
    return sum(1 for a, b in zip(stem, stem[1:]) if a.islower() and b.isupper())


def _case_cut_ok(doc: _Document, stem: str, i: int, after_name: int = 0) -> bool:
    left_all = stem[:i]
    right_all = stem[i:]
    left = regex.search(r"[A-Z]*[a-z]*\Z", left_all).group() or left_all
    right = regex.match(r"[A-Z]+(?![a-z])|[A-Z][a-z]*", right_all).group() if right_all[0].isupper() else regex.match(r"[a-z]+", right_all).group()
    plural = PLURAL_ACRONYM_RE.match(right_all)
    if plural and stem[i - 1].islower():
        right = plural.group(1)  # fromMPs, protectPCs: the acronym, read without its plural s
    if PREFIXED_NAME_RE.match(right_all) and left[:1].isupper() and left[1:].islower() and (
            len(left) >= 3 or left.lower() in TITLES):
        # IanMcCafferty, LeonardoDiCaprio, MrMcLetchie: a name or a title,
        # then a surname with its prefix; after a word the list knows well
        # (Ian, Leonardo, Mr), or any word at all before Mc and Mac, which
        # open no compound.
        return right_all[:2] == "Mc" or right_all[:3] == "Mac" or (doc.vocab_zipf(left.lower()) or 0.0) >= 3.0
    if stem[i].islower():
        # EApublishes: an acronym then a lower-case word.
        acronym = stem[:i]
        if len(acronym) < 2 or not acronym.isupper():
            return False
        if len(right) == 2 and right == right_all:
            return (doc.zipf(right) or 0.0) >= FUNCTION_ZIPF  # SECis, UKon: a function word
        # (A short word where the text lost spaces elsewhere: else a brand, GCash, HBOmax.)
        return len(right) >= 3 and doc.known(right, 3.0) and right not in SUFFIX_PIECES and (
            doc.damaged() or (doc.zipf(right) or 0.0) >= FUNCTION_ZIPF or len(right) >= 4 and doc.known(right, 3.5))
    if i == 1 and left.isupper() and left != "I" and right == right_all and right[1:].islower():
        # One capital glued to a capitalised word, in a text that lost spaces elsewhere:
        if left == "A":
            # the article opening a sentence (ADepartment), but no name the web writes joined;
            return len(right) >= 3 and doc.known(right.lower(), 3.0) and doc.damaged() and doc.web_says(
                stem[: len(right) + 1].lower(), ["a", right.lower()], ratio=1.0) is not False
        # an initial before a surname the list knows or the text names alone
        # (SThompson), where the text writes other names after initials (a
        # line-up); not a degree or a brand (BTech, ETrade).
        return len(right) >= 4 and (doc.known(right.lower(), 3.0) or doc.names(right.lower())) and doc.damaged() and (
            doc.lists_initials())
    if left.isupper() and stem[i - 1].isupper():
        # UNEconomic: the acronym ends one letter before the word.
        return len(left) >= 2 and len(right) >= 3 and doc.known(right, 3.0)
    if left_all == "a":
        # aLabour, aBBC: the article before a name or an acronym.
        return len(right) >= 2 and (right.isupper() or doc.known(right.lower(), 3.0))
    if len(left) < 2 or left.lower() in NAME_PREFIXES:
        return False
    left_lower = left.lower()
    if left[0].islower():
        # theEU, inHanoi: the left part must read as words (it may hold joins itself).
        last = left_lower
        cuts = doc.segment(left_lower)
        if cuts:
            last = left_lower[max(cuts):]
        z = doc.zipf(last)
        if z is None or z < MIN_PART_ZIPF[min(len(last), 4) - 1]:
            return False
        if right_all == "I":
            return z >= FUNCTION_ZIPF  # thatI, whenI
        # In a text that shows no other lost space, only an article, a
        # preposition or a possessive that opens no code name glued to a
        # name is one (inHanoi, theEU, againstNewcastle, hisEuropean), or a
        # function word glued to a day or a month (onFriday), or a word
        # glued to a name the text writes alone (editorDavid, one capital
        # only, after four letters or more: not useDebounce beside
        # Debounce); else it is a name in code or a brand (allowJs,
        # getElementById, userId, toString, onClick, forEach).
        if not doc.damaged() and last not in JOIN_HEADS and not (
                z >= FUNCTION_ZIPF and right.lower() in CALENDAR_WORDS) and (
                _humps(stem) > 1 or len(last) < 4 or not doc.names(right.lower())):
            return False
    elif left_lower in TITLES:
        return right[0].isupper() and right[1:].islower() and len(right) >= 3  # MrMilburn
    elif len(left) < 3 or not doc.known(left_lower, 3.0):
        # LucianoOrquera: a first name the word list lacks, then a surname
        # the text names alone elsewhere, one the word list lacks or where
        # the text lost spaces elsewhere (else a brand: DreameHome beside Home).
        # (Or a pair the web writes apart more often than as one: AvrilLavigne;
        # or, in a text that lost spaces elsewhere, a first word the list
        # knows at all and a second of four letters or more, in a token no
        # list holds: LleytonHewitt.)
        return (len(left) >= 3 and len(right) >= 3 and right[1:].islower() and right_all[len(right) :][:1] != "'"
                and (doc.names(right.lower()) and (doc.damaged() or doc.model.unknown(right.lower()))
                     or doc.web_says(left_lower + right.lower(), [left_lower, right.lower()], ratio=1.0) is True
                     or len(left) >= 4 and len(right) >= 4 and (doc.vocab_zipf(left_lower) or 0.0) >= CAMEL_NAME_ZIPF
                     and doc.model.unknown(stem.lower()) and doc.damaged())
                and not _camel_name(doc, stem))
    elif not right.isupper():
        camel, pair = left_lower + right.lower(), [left_lower, right.lower()]
        # (The token itself is one of the times the text writes it.)
        elsewhere = doc.count(camel) >= (2 if camel == stem.lower() else 1) or (
            camel.endswith("s") and doc.count(camel[:-1]))
        if elsewhere and not doc.written_apart(pair) and not doc.web_says(camel, pair):
            # A name the text writes whole elsewhere (receivedAutoLinks beside
            # AutoLink); but not two words the web writes apart (StockExchange twice).
            return False
        # NationsConvention, DavidBlunkett; brands (ChevronTexaco) mostly pair a
        # word with a name the text never writes alone, or are written as one
        # word on the web (GameBoy, RealPlayer) more than apart.
        # One such pair makes the whole camel-case run a name (WebSideStory).
        # In a text that shows no other lost space, a pair the web does not
        # write apart is more likely a brand (CrowdStrike, RingCentral), unless
        # it ends a name of several words (United NationsConvention).
        if _camel_name(doc, stem):
            # (Unless the text writes the two words apart too, and lost spaces
            # elsewhere: a name glued, not a brand.)
            return len(right) >= 2 and doc.damaged() and doc.written_apart(pair)
        # In a text that shows no other lost space, two capitalised words
        # glued are a brand or a name (RaceDay, Dustwise RoboClean), or a
        # code name (NotFound, GetValue), unless the first is an article or a
        # preposition (TheGerman).
        if not doc.damaged() and left_lower not in JOIN_HEADS:
            return False
        return len(right) >= 3 and (doc.known(right.lower(), 2.0) or doc.count(right.lower()) >= 1
                                    or len(right) >= 4 and right[1:].islower())
    if right.isupper():
        if len(right) < 2:
            return False
        # macOS, ChatGPT: a short acronym after a content word is a product name.
        # A common word of four letters or more before a two-letter acronym
        # is a lost space (legalUK, interactiveTV), but for an operating system (watchOS).
        # (A rarer word before a longer acronym where the text lost spaces elsewhere: campaignersHACAN.)
        z = doc.zipf(left_lower) or 0.0
        if left[0].isupper() and not doc.damaged():
            return False  # FastAPI, GoPro: a brand, where the text lost no space elsewhere
        return z >= (6.0 if len(right) <= 2 else 5.0) or left[0].islower() and len(right) >= 3 and (
            z >= 3.0 or z >= MIN_PART_ZIPF[3] and doc.damaged()) or (
            left.islower() and len(left) >= 4 and z >= 4.0 and right != "OS")
    return len(right) >= 2 and (doc.known(right.lower(), 2.0) or len(right) >= 4)


# --- punctuation with no space after it ------------------------------------

# A straight double quote with a space (or an opening bracket) before it
# opens a quotation; one with a space or punctuation after it closes one.
QUOTE_OPENS_AFTER = frozenset("([{")
QUOTE_CLOSES_BEFORE = frozenset(",.;:)]?!-")
QUOTE_JUNCTION_BEFORE = frozenset(".!?,")
QUOTE_RE = re.compile('"')


def _quote_roles(line: str) -> dict[int, str]:
    """Whether each straight double quote of `line` "opens" or "closes" a
    quotation, by its offset. A quote glued on both sides (said."This) is read
    from the quotation it stands in: one outside a quotation opens; one inside
    closes, unless it follows a sentence, starts a capitalised word and the
    next quote that shows its role closes: then the line holds two paragraphs
    of one quotation run together (the first leaves its quote open)."""
    found = [m.start() for m in QUOTE_RE.finditer(line)]
    shown = []
    for at in found:
        before = line[at - 1] if at else " "
        after = line[at + 1] if at + 1 < len(line) else " "
        shown.append("opens" if before.isspace() or before in QUOTE_OPENS_AFTER
                     else "closes" if after.isspace() or after in QUOTE_CLOSES_BEFORE else None)
    # For each quote, the role of the next quote that shows one (read backwards: linear).
    following, ahead = [None] * len(found), None
    for index in range(len(found) - 1, -1, -1):
        following[index] = ahead
        ahead = shown[index] or ahead
    roles, inside = {}, False
    for index, at in enumerate(found):
        role = shown[index]
        if role is None:
            junction = line[at - 1] in QUOTE_JUNCTION_BEFORE
            if junction and line[at + 1].islower():
                role = "closes"  # stuff,"said: punctuation, then a lower-case word, ends a quotation
            elif inside and not (junction and line[at + 1].isupper() and following[index] == "closes"):
                role = "closes"
            else:
                role = "opens"
        roles[at] = role
        inside = role == "opens"
    return roles



def _punctuation_splits(
    doc: _Document, token: str, suspended: bool, quotes: tuple[str, ...]
) -> list[tuple[int, str]]:
    """Spaces lost after punctuation; `suspended` says the next token ends
    the line or continues a suspended hyphen (`pre- and post-war`), `quotes`
    holds the role of each straight double quote of the token (`_quote_roles`)."""
    out = []
    if token.isalpha():
        return out
    for m in _punctuation_places(token):
        at = m.end()
        kind = m.lastgroup
        if kind == "quote_after":
            q = at - 1
            if token[q] == '"' and quotes[token.count('"', 0, q)] != "closes":
                continue
        elif kind == "quote_before":
            if token[at] == '"' and (
                quotes[token.count('"', 0, at)] != "opens"
                or token[at - 1] == "," and token[at + 1].islower()  # stuff,"said: it closes
            ):
                continue
        elif kind == "paren_after":
            # (un)happy: a prefix in brackets is one word with what follows.
            opening = token.rfind("(", 0, at)
            inner = token[opening + 1 : at - 1].lower()
            rest = regex.match(r"[A-Za-z]*", token[at:]).group().lower()
            if doc.known(inner + rest, 2.0):
                continue
        elif kind == "paren_before" and not doc.damaged() and IDENTIFIER_RE.fullmatch(token[:at]) and not (
                CAPITALISED_RE.fullmatch(token[:at])):
            continue  # debounce(fn, fetchUserProfile(userId): a call in code, where the text lost no space elsewhere
        elif kind == "comma" and token[at].islower() and not doc.damaged() and not (
                len(before := _letters_before(token, at - 1) or "") >= 3 and doc.known(before.lower(), 3.0)
                and len(after := _letters_after(token, at) or "") >= 3 and doc.known(after.lower(), 3.0)):
            continue  # tl;dr, a,b: a code, where the text lost no space elsewhere (but words: met,then)
        elif kind == "comma" and token[at].isupper() and len(LIST_SEPARATOR_RE.findall(token)) >= 2 and not (
                doc.damaged()):
            continue  # White,Mackie,Jones: a list written without spaces (in a text that lost none elsewhere)
        elif kind == "trailing_dash":
            if suspended:
                continue
        elif kind == "leading_dash" and token[at].isupper():
            # A dash glued to a capitalised word (stance -Britain): a word or a
            # name the text uses elsewhere, not an option or a code (-Xmx512m).
            word = regex.match(r"[A-Za-z]+", token[at:]).group()
            if not (doc.known(word, 3.0) or doc.count(word.lower()) >= 2):
                continue
        elif kind == "leading_dash" and not (
                len(word := regex.match(r"[A-Za-z]+", token[at:]).group()) >= 3 and doc.known(word, 3.0)
                or doc.damaged() and (doc.zipf(word) or 0.0) >= FUNCTION_ZIPF):
            continue  # rm -rf, lspci -nnk, ls -a: an option (but -the, -of in a text that lost spaces)
        elif kind in ("letters_digits", "digits_letters"):
            if not _number_join_ok(doc, token, at, kind):
                continue
        elif kind == "colon" and token[at].islower() and not doc.damaged():
            continue  # starter:flour:water, key:value: a ratio or a code, where the text lost no space elsewhere
        elif kind == "currency" and (_letters_before(token, at) or "").isupper():
            continue  # US$110, HK$5: a currency's code
        elif kind == "score_bracket" and not doc.damaged():
            continue
        elif kind == "ampersand":
            # (Only where the text lost spaces elsewhere.)
            if not (doc.known(regex.search(r"[a-z]+\Z", token[:at]).group(), 3.0) and doc.damaged()):
                continue
        out.append((at, "punctuation_join"))
    return out


# Each alternative asserts what follows a lost space before what precedes it
# (the look-ahead fails fastest), and is written for `re`, three times as fast
# as `regex` on these look-behinds, which `re` wants of fixed width: so two
# conditions on a whole run of letters before the place are checked in
# Python (`_punctuation_places`): a lower-case word of three letters or more
# before a sentence's end (group `lower_run`), and before an ampersand acronym.
PUNCT_RE = re.compile(
    r"""
      (?P<comma>        (?=[a-z]) (?<=[,;]) | (?=[A-Z][a-z]|I(?![A-Za-z])|[A-Z]{2}) (?<=[A-Za-z]{2}[,;])
                      | (?=[a-z]) (?<=\d[,;]) | (?=[A-Z][a-z]) (?:(?<=(?<![\d.,])\d{4}[,;])|(?<=[\dA-Za-z]\)[,;])) )
                        # (a year or a bracket, then a capitalised word: by 2007,Ms; 70),Bellamy)
    | (?P<sentence>     (?=[A-Z](?:[a-z]|['’])|[AI]\Z)
                        (?:(?<=[A-Za-z]{2}[.!?])|(?<=\d[a-z][.!?])|(?<=[\d)\]"”’%][.!?]))
                      | (?=[A-Z]{2}) (?<=[a-z]{3}[.!?]) (?P<lower_run>) )
                        # (one capital alone is the word A or I: Zafi.D is a name;
                        # an acronym follows a lower-case word: Bagle.AT is a name)
    | (?P<colon>        (?=["“][A-Za-z]|[A-Za-z]{2}) (?<=[A-Za-z]{2}:) (?!(?<=[A-Z]{2}:)[A-Z]{2}) )
                        # (not between two acronyms: CSI:NY)
    | (?P<quote_after>  (?=[A-Za-z]) (?<=[^\s(\[“‘"]["”]) )
    | (?P<quote_before> (?=["“][A-Za-z]) (?<=[A-Za-z.,!?:;]) )
    | (?P<paren_before> (?=\((?!(?:s|es|ies|en|ren|a|an|e|r|er|ed|ing|d|st|nd|rd|th)\))[A-Za-z$£€\d][^()\s]{1,})
                        (?:(?<=[A-Za-z]{2})|(?<=[A-Za-z]\d)|(?<=\d[a-z])|(?<=%)) )
    | (?P<paren_after>  (?=[A-Za-z]{2}) (?<=[^\s(]{2}\)) )
    | (?P<bracket_after>(?=[A-Za-z]{2}) (?<=\]) )
    | (?P<leading_dash> (?=[a-z]{2}|[A-Z][a-z]) (?<=[-–]) (?<!..) )
    | (?P<trailing_dash>(?=[-–]\Z) (?<=[A-Za-z]{2}) )
    | (?P<currency>     (?=[£$€¥]\d) (?:(?<=[A-Za-z]{2})|(?<=(?<![A-Za-z])a)) )
    | (?P<percent>      (?=[A-Za-z]{2}) (?<=\d%) )
    | (?P<plural_quote> (?=[a-z]{2}) (?<=[a-z]s') )
    | (?P<ampersand>    (?=[A-Z]{1,3}&[A-Z]{1,3}(?![a-z]{2})) (?<=[a-z]{2}) )
                        # (a word glued to an acronym with an ampersand: bestR&B, theQ&A)
    | (?P<score_bracket> (?=\(\d{1,2}-\d{1,2}\))
                        (?:(?<=(?<![\d.])\d-\d)|(?<=(?<![\d.])\d\d-\d)|(?<=(?<![\d.])\d-\d\d)|(?<=(?<![\d.])\d\d-\d\d))
                      | (?=\d{1,2}-\d{1,2}(?!\d)) (?:(?<=\(\d-\d\))|(?<=\(\d\d-\d\))|(?<=\(\d-\d\d\))|(?<=\(\d\d-\d\d\))) )
                        # (a set's score and its tie-break: 7-6(7-1), (7-3)6-2)
    | (?P<letters_digits> (?=\d) (?<=[A-Za-z]) )
    | (?P<digits_letters> (?=[A-Za-z]{2}) (?<=\d) )
    """,
    re.VERBOSE,
)
# The run of ASCII letters that ends where a search stops.
LETTERS_BEFORE_RE = re.compile(r"[A-Za-z]*\Z")


def _punctuation_places(token: str):
    """PUNCT_RE's matches in `token` that pass the checks its look-behinds leave to Python."""
    for m in PUNCT_RE.finditer(token):
        if m.group("lower_run") is not None and not _lower_run_before(token, m.end() - 1, 3) or (
                m.lastgroup == "ampersand" and not _lower_run_before(token, m.end(), 2)):
            continue
        yield m


def _lower_run_before(token: str, at: int, least: int) -> bool:
    """Whether the run of letters ending at `at` is lower-case and `least` long or more."""
    run = LETTERS_BEFORE_RE.search(token, 0, at).group()
    return len(run) >= least and run.islower()


def _number_join_ok(doc: _Document, token: str, at: int, kind: str) -> bool:
    if kind == "letters_digits":
        # in2005, to2.9%, at11pm, June1966: a word, then a number (and its unit).
        letters = _letters_before(token, at)
        number = NUMBER_RE.match(token, at, min(len(token), at + WINDOW))
        after = _letters_after(token, number.end())
        if not letters or (after is None):
            return False  # letter runs longer than any word
        if after and after.lower() not in NUMBER_SUFFIXES:
            return False  # mixed codes: a4b2, mp3s
        if letters.islower() and len(letters) >= 2 and (doc.zipf(letters) or 0.0) >= FUNCTION_ZIPF:
            return True  # of4-1, at3pm
        if letters == "a" and token[number.end() : number.end() + 1] == "-":
            return True  # a10-year, a2-1 win
        if len(number.group()) < 2 and not after:
            return False  # a4, b2: paper sizes, roads, grid squares
        if letters.lower() in CALENDAR_WORDS:
            return True
        z = doc.zipf(letters.lower()) or 0.0
        if letters[0].isupper():
            return letters[1:].islower() and z >= FUNCTION_ZIPF  # In2003; Windows95 is a name
        if len(letters) == 1:
            return letters == "a" and (number.group().endswith("%") or len(number.group()) >= 3)
        # (A content word and a number, where the text lost spaces
        # elsewhere: else a name or a code, aarch64, comp4460, python3; but
        # a preposition: within60.)
        return z >= (5.0 if len(letters) <= 3 else 3.5) and (doc.damaged() or letters in JOIN_HEADS)
    letters = _letters_after(token, at)
    if not letters or letters.lower() in NUMBER_SUFFIXES:
        return False
    if token[at + len(letters) : at + len(letters) + 1].isdigit():
        return False  # mixed codes: 7be2d10, 3to4x
    if len(letters) < 3:  # 40to, 5of: only a function word is that short
        return len(letters) == 2 and letters.islower() and (doc.zipf(letters) or 0.0) >= FUNCTION_ZIPF
    if _unit_then_word(doc, letters.lower(), token[at - 1] == "0"):
        return False  # 1960shits: 1960s hits
    head = token[max(0, at - WINDOW) : at].rstrip("0123456789")
    if head[-1:].isalpha():
        # News24, B52s: a name with a number inside; but a short code then
        # a common word is a product and what it names (PS2sales, G8nations).
        code = CODE_HEAD_RE.search(head)
        return (code is not None and letters.islower() and len(letters) >= 4
                and (doc.zipf(letters) or 0.0) >= CODE_WORD_ZIPF)
    if letters[0].isupper():
        # 12February; 1969British: a year, then a word; 4Cast is a name.
        year = YEAR_RE.search(token, max(0, at - 5), at)
        return letters.lower() in CALENDAR_WORDS or year is not None and letters[1:].islower() \
            and len(letters) >= 4 and doc.known(letters.lower(), 3.0)
    # 3ami: a short rare word after a number is more often a name's end.
    return doc.known(letters.lower(), 4.0 if len(letters) == 3 else 3.0)


ACRONYM_THEN_WORD_RE = re.compile(r"([A-Z]{2,})([a-z]{2,})\Z")
ORDINAL_THEN_NAME_RE = re.compile(r"(?:st|nd|rd|th)(?=[A-Z][a-z]{2,}\Z)")
YEAR_RE = re.compile(r"(?<![\d.,])(?:19|20)\d\d\Z")
# A product or group code before its number (PS2, G8, MP3), and how common
# the word after it must be to be read as a word of the sentence.
CODE_HEAD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}\Z")
CODE_WORD_ZIPF = 4.0

# How far the number rules look around a letter-digit boundary: no word or
# number they act on is longer, and a bounded look keeps hostile tokens linear.
WINDOW = 40


def _letters_before(token: str, at: int) -> str | None:
    """The run of ASCII letters ending at `at`, or None if longer than a word."""
    start = at
    while start > 0 and at - start <= WINDOW and token[start - 1].isascii() and token[start - 1].isalpha():
        start -= 1
    return None if at - start > WINDOW else token[start:at]


def _letters_after(token: str, at: int) -> str | None:
    """The run of ASCII letters starting at `at` ("" if none), or None if longer than a word."""
    end = at
    while end < len(token) and end - at <= WINDOW and token[end].isascii() and token[end].isalpha():
        end += 1
    return None if end - at > WINDOW else token[at:end]


def _unit_then_word(doc: _Document, word: str, decade: bool) -> int:
    """The length of a unit that opens `word`, right after a number, when the
    rest is a likelier word than the whole (268bnpaid, 1960shits, 15.3mat),
    else 0; `decade` says the number ends in 0, the only kind a plural "s"
    follows (Channel 4show is 4 show)."""
    if not word.islower() or word in NUMBER_SUFFIXES:
        return 0
    whole = doc.zipf(word) or 0.0
    for size in (1, 2, 3):
        unit, rest = word[:size], word[size:]
        if unit not in NUMBER_SUFFIXES or (unit == "s" and not decade) or len(rest) < 2:
            continue
        z = doc.zipf(rest) or 0.0
        if z >= max(3.0, whole + 0.5) and (len(rest) >= 3 or z >= FUNCTION_ZIPF):
            return size
    return 0


# --- the stage ----------------------------------------------------------------

def _skip_line(doc: _Document, line: str, code: bool = True) -> bool:
    """The language and code guard: lines the splitter must leave alone
    (`code` false: the text holds nothing that reads as code)."""
    # (Two of the patterns, not one twice: a user name's underscores,
    # sleepy_head_from_Tampere, do not make a comment code.)
    if code and sum(pattern.search(line) is not None for pattern in CODE_PATTERNS) >= 2:
        return True
    if not doc.config.english_only or not _has_foreign_letter(line):
        return False  # a text of English words was checked as a whole
    words = [w for w in LETTERS_RE.findall(line) if len(w) > 1]
    if len(words) < 5:
        return False
    # Joins make English words unknown, so a line is judged foreign by its
    # accented words (Việt Nam, défense), or by having almost no English word.
    foreign = sum(1 for w in words if not w.isascii())
    english = sum(1 for w in words if (doc.model.zipf.get(w.lower()) or 0.0) >= 3.0)
    return foreign >= 0.25 * len(words) or english < 0.3 * len(words)


def _token_splits(
    doc: _Document, token: str, place: tuple[bool, int], suspended: bool, quotes: tuple[str, ...]
) -> list[tuple[int, str]]:
    starts_sentence, after_name = place
    if UNTOUCHABLE_RE.search(token):
        cut = _domain_then_word(doc.model, token)
        return [(cut, "punctuation_join")] if cut and doc.damaged() else []
    if "/" in token and not doc.damaged():
        return []  # one slash: prose or a path, which only a text that lost spaces elsewhere tells apart
    out = _punctuation_splits(doc, token, suspended, quotes)
    cuts = {at for at, _ in out}
    for m in ATOM_RE.finditer(token):
        if m.lastgroup == "word" and m.start() and token[m.start() - 1].isdigit():
            # 268bnpaid, 1500mrecord: a unit after a number, then a word;
            # 21stCentury: an ordinal, then a capitalised word. (1800GMT is
            # left: news writes it both ways.)
            # (1800GMTto: an acronym unit, then a function word.)
            size = _unit_then_word(doc, m.group(), token[m.start() - 1] == "0")
            ordinal = ORDINAL_THEN_NAME_RE.match(m.group())
            unit = ACRONYM_THEN_WORD_RE.match(m.group())
            if size:
                out.append((m.start() + size, "punctuation_join"))
            elif ordinal:
                out.append((m.start() + ordinal.end(), "punctuation_join"))
            elif unit and (doc.zipf(unit.group(2)) or 0.0) >= FUNCTION_ZIPF:
                out.append((m.start() + unit.end(1), "case_join"))
            continue
        if m.lastgroup == "word":
            opens = m.start() in cuts or (starts_sentence and not token[: m.start()].strip("\"“‘'("))
            found = _word_splits(doc, m.group(), opens, after_name if not m.start() else 0)
            if not found and token[m.end() : m.end() + 1] == "-":
                cut = _hyphen_prefix_cut(doc.model, m.group(), _next_word(token, m.end() + 1))
                found = [(cut, "lowercase_join")] if cut else []
            out += [(m.start() + i, rule) for i, rule in found]
    return out


def _domain_then_word(model: Model, token: str) -> int:
    """Where the word glued to a web address starts (Amazon.comwhether:
    Amazon.com whether), or 0: a common word after .com, .org, .net, .edu,
    .gov or .uk, which does not make a longer word with it (.network, .company);
    or a common capitalised word after the address's full stop (example.com.The)."""
    glued = DOMAIN_THEN_WORD_RE.fullmatch(token)
    if glued is None:
        return 0
    if glued["sentence"]:
        return glued.start("sentence") if (model.lookup(glued["sentence"].lower()) or 0.0) >= 3.0 else 0
    if (model.lookup(glued["word"]) or 0.0) < 3.0 or not model.unknown(glued["tld"] + glued["word"]):
        return 0
    return glued.start("word")


# Word pieces written before a hyphen (e-mail, re-signed, non-statutory).
HYPHEN_PREFIXES = ("e", "re", "non", "co", "pre", "mis", "anti", "ex", "self")


WORD_AT_RE = re.compile(r"[A-Za-z]*")


def _next_word(token: str, at: int) -> str:
    """The run of ASCII letters at `at` in `token` ("" if none)."""
    return WORD_AT_RE.match(token, at, at + WINDOW).group()


# How much more often than its floor the web must write a pair it lacks
# with the article's word (along term) for an article to open a compound.
ARTICLE_COMPOUND_FLOORS = 5.0


def _hyphen_prefix_cut(model: Model, word: str, following: str = "") -> int:
    """Where a word glued to a hyphenated word's first piece ends (reale-mail,
    havere-affirmed: real e-mail, have re-affirmed), or 0. Only a lower-case
    `word` that is rare itself, made of a common word and such a piece; or
    the article glued to the piece (along-term: a long-term) when the web
    writes the piece before `following`, the word after the hyphen, far more
    often than the whole word before it."""
    if not word.islower():
        return 0
    if word[0] == "a" and len(word) >= 4 and following.islower():
        bigrams = web_counts()[1]
        apart = bigrams.get(f"{word[1:]} {following}") or 0.0
        joined = bigrams.get(f"{word} {following}")
        if apart >= (WEB_RATIO * joined if joined else ARTICLE_COMPOUND_FLOORS * _web_floors()[1]):
            return 1
    if (model.lookup(word) or 0.0) >= 3.0:
        return 0
    for prefix in HYPHEN_PREFIXES:
        head = word[: -len(prefix)]
        if word.endswith(prefix) and head:
            z = model.lookup(head) or 0.0
            if z >= FUNCTION_ZIPF or len(head) >= 3 and z >= 4.0:
                return len(head)
    return 0


# A decision is remembered with the questions it asked of its text; this many
# differently answered versions at most are kept for one token in one setting.
VERSIONS_KEPT = 4


def _decide(doc: _Document, token: str, place: tuple[bool, int], suspended: bool, quotes: tuple[str, ...]):
    """`_token_splits` and the questions it asked of the text (its trace), reused from an earlier text that answered the same
    questions alike: what a token becomes depends on the token, its setting
    and the few facts it looked up in its text, nothing else."""
    key = (token, place, suspended, quotes)
    versions = doc.model.decisions.get(key)
    if versions is None:
        if len(doc.model.decisions) > DECISIONS_KEPT:
            doc.model.decisions.clear()
        versions = doc.model.decisions[key] = []
    for trace, splits in versions:
        if doc.answers(trace):
            return splits, trace
    doc.trace = []
    try:
        splits = sorted(set(_token_splits(doc, token, place, suspended, quotes)))
        trace = tuple(doc.trace)
    finally:
        doc.trace = None
    if len(versions) < VERSIONS_KEPT:
        versions.append((trace, splits))
    return splits, trace


# A split can uncover another (Heeachother -> He eachother -> He each other):
# the stage runs again on the pieces, this many times at most.
MAX_PASSES = 3


# A long text is read a stretch of lines at a time, each about this many
# characters and its own evidence (its word counts, pairs and names): tables
# of a whole book would outgrow the CPU caches and cost more per word the
# longer the book. An article is one stretch.
STRETCH = 1 << 16
SPACE_RE = re.compile(r"\s")


def split_words(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Insert the spaces lost between words; never deletes or reorders a non-space character.

    Runs until a pass finds nothing more, so that cleaning twice changes nothing."""
    inserted, start = [], 0
    while start < len(text):
        end = _stretch_end(text, start)
        inserted += [(start + at, rule) for at, rule in _lost_spaces(text[start:end] if start or end < len(text) else text,
                                                                       config)]
        start = end
    return replace_spans(text, STAGE, ((at, at, " ", rule) for at, rule in inserted))


def _stretch_end(text: str, start: int) -> int:
    """Where the stretch of `text` from `start` ends: after the first line end
    STRETCH characters on (or, on a longer line, after a space; or at the
    end). The last stretch takes what is left if that is short."""
    if len(text) - start <= 2 * STRETCH:
        return len(text)
    cut = text.find("\n", start + STRETCH, start + 2 * STRETCH)
    if cut < 0:
        space = SPACE_RE.search(text, start + STRETCH)
        cut = len(text) - 1 if space is None else space.start()
    return cut + 1


def _lost_spaces(text: str, config: Config) -> list[tuple[int, str]]:
    """Where spaces were lost in `text`, read as one stretch: (position, rule), in order."""
    model = model_for(config)
    candidates = model.candidates(set(text.split()))
    damaged = _shows_lost_spaces(model, candidates, text)
    # Whether the text holds anything that reads as code, and whether it is
    # English, are asked of the text as it came: the later passes only put spaces back.
    code = _holds_code(text)
    english = None
    inserted: list[int] = []  # positions in `text` where a space goes
    counts, changed = None, []  # the last pass's word counts, and the tokens it split
    for _ in range(MAX_PASSES):
        if not candidates:
            break
        doc = _Document(_insert_spaces(text, inserted) if inserted else text, model, config, damaged,
                        counts, changed, english)
        positions, changed, asked = _split_pass(doc, candidates, code)
        if not positions or not doc.english:
            break
        english = True
        inserted = _merge_positions(inserted, positions)
        counts = doc._counts
        # The next pass looks again only at what this one may have changed:
        # the pieces of the split tokens (in their new places), and the
        # tokens whose decision asked about a word that is now written
        # differently (or that end in a dash, whose decision reads the next token).
        pieces = set(" ".join(after for _, after in changed).split())
        touched = set(LETTERS_RE.findall(" ".join(side for pair in changed for side in pair).lower()))
        candidates = model.candidates(pieces) | {
            token for token, words in asked.items() if not touched.isdisjoint(words) or token.endswith(("-", "–"))
        }
    return list(_dedupe(inserted))


# How many marks written twice `_shows_lost_spaces` passes over at most
# before it takes one as the mark anyway (each is a search of the text).
MARKS_COUNTED = 8


def _shows_lost_spaces(model: Model, candidates: set, text: str) -> bool:
    """Whether some candidate is a lower-case word (punctuation around it
    aside) that the word model alone splits into words that read as a lost
    space (`_plain_join`: exchanged|views, of|the; not a new compound,
    rogue|lite), and that `text` writes once (a word written again is a word
    of the text, the crate thiserror): the mark of a text that lost spaces,
    against which a capitalised pair is more likely a join too."""
    asked = 0
    for token in candidates:
        plain = PLAIN_WORD_RE.fullmatch(token)
        if plain and plain.group(1).islower():
            run = plain.group(1)
            cuts = model.cuts(run)
            if cuts and _plain_join(model, _parts(run, cuts)):
                asked += 1
                if asked > MARKS_COUNTED or not _writes_twice(text, run):
                    return True
    return False


def _merge_positions(inserted: list, positions: list) -> list:
    """Map positions found in the text with `inserted` spaces back onto the
    original text, and merge them in. Both lists hold (position, rule)."""
    # In the spaced text, the i-th inserted space stands at its position + i.
    spaced = [at + i for i, (at, _) in enumerate(inserted)]
    merged = list(inserted)
    before = 0
    for at, rule in positions:
        while before < len(spaced) and spaced[before] < at:
            before += 1
        merged.append((at - before, rule))
    merged.sort()
    return merged


def _insert_spaces(text: str, inserted: list) -> str:
    pieces, pos = [], 0
    for at, _ in _dedupe(inserted):
        pieces.append(text[pos:at])
        pieces.append(" ")
        pos = at
    pieces.append(text[pos:])
    return "".join(pieces)


def _split_pass(doc: _Document, candidates: set, code: bool) -> tuple[list, list, dict]:
    """One pass over the document: (position, rule) of each lost space found;
    each token that changed, (as it was, as it becomes); and for each token
    left as it was (outside skipped lines), the words its decisions asked
    the text about."""
    text = doc.text
    changed = []
    asked: dict[str, set] = {}
    spans = []
    # The line of the current token, read once: where it starts and stops,
    # whether it is skipped, the roles of its straight double quotes. Each is
    # found from the last token on, so a long line is read once.
    start = stop = -1
    skip, roles = False, None
    for at, token in _occurrences(text, candidates):
        end = at + len(token)
        if at > stop:  # a new line: its start lies after the last line's stop
            start = text.rfind("\n", max(stop, 0), at) + 1
            stop = text.find("\n", end)
            stop = len(text) if stop < 0 else stop
            skip = _skip_line(doc, text[start:stop], code)
            roles = None
        if skip:
            continue
        # The setting, read only where it can matter: whether the token opens
        # a sentence or follows a capitalised word (for capitalised words), whether the next token ends a
        # suspended hyphen (for a token ending in a dash), and the role of
        # each straight double quote (for a token holding one).
        starts_sentence = suspended = False
        after_name = 0
        if not token.islower():
            before = at - 1
            while before >= start and text[before].isspace():
                before -= 1
            starts_sentence = before < start or text[before] in '.!?:"”'
            if not starts_sentence and text[before].isalpha():
                # (A function word is capitalised by its place, not as a name: The, In.)
                name = PREVIOUS_NAME_RE.search(text, max(start, before - 20), before + 1)
                if name is not None:
                    after_name = AFTER_FUNCTION_WORD if (
                        doc.model.lookup(name.group().lower()) or 0.0) >= FUNCTION_ZIPF else AFTER_NAME
        if token.endswith(("-", "–")):
            following = NEXT_TOKEN_RE.match(text, end).group(1)
            suspended = not following or following.lower() in SUSPENDED_HYPHEN_NEXT
        quotes = ()
        if '"' in token:
            if roles is None:
                roles = _quote_roles(text[start:stop])
            quotes = tuple(roles[at - start + m.start()] for m in QUOTE_RE.finditer(token))
        found, trace = _decide(doc, token, (starts_sentence, after_name), suspended, quotes)
        splits = [(offset, rule) for offset, rule in found if 0 < offset < len(token)]
        if splits:
            spans += [(at + offset, rule) for offset, rule in splits]
            changed.append((token, " ".join(_parts(token, [offset for offset, _ in splits]))))
        else:
            words = asked.setdefault(token, set())
            for kind, question, _ in trace:
                if kind == APART:
                    words.update(question)
                elif kind not in (DAMAGED, INITIALS):
                    words.add(question)
            if not token.islower():
                # Its setting read the word before it (`after_name`): a split there is a change here.
                words.update(LETTERS_RE.findall(text[max(start, before - 20) : before + 1].lower()))
    spans.sort()
    return spans, changed, asked


def _occurrences(text: str, tokens: set[str]) -> list[tuple[int, str]]:
    """Where `tokens` stand as whole tokens in `text`: (start, token), in order."""
    if len(tokens) > 200:
        return [(m.start(), m.group()) for m in TOKEN_RE.finditer(text) if m.group() in tokens]
    if len(text) > 100 * len(tokens) + 20_000:
        # A long text: one pass over it for all the tokens, not one per token.
        alternatives = "|".join(map(re.escape, sorted(tokens, key=len, reverse=True)))
        return [(m.start(), m.group()) for m in re.finditer(rf"(?:{alternatives})(?!\S)", text)
                if not m.start() or text[m.start() - 1].isspace()]
    found = []
    for token in tokens:
        at = text.find(token)
        while at >= 0:
            end = at + len(token)
            if (at == 0 or text[at - 1].isspace()) and (end == len(text) or text[end].isspace()):
                found.append((at, token))
            at = text.find(token, at + 1)
    found.sort()
    return found


def _dedupe(spans):
    seen = set()
    for span in spans:
        if span[0] not in seen:
            seen.add(span[0])
            yield span
