"""Whether a hyphen at a line end belongs to the word: the families of evidence.

`hyphens` finds a hyphen between letters at a line end; this module reads it
as a word's hyphenation (`line_end_hyphen`: `inter-\\nnational` ->
`international`), a compound's own hyphen (`line_end_compound`: `well-\\nknown`
-> `well-known`) or neither (left as written). The evidence, in the order it
is read:

1. Shape: one of several hyphens (`state-of-the-\\nart`), a one-letter first
   piece (`e-\\nmail`), a capital opening the second piece (`Franco-\\nGerman`;
   but `Mc-\\nDonald` is a name's prefix), an acronym before a small letter
   (`TV-\\nquality`).
2. The document: the joined or the hyphenated form written elsewhere (one
   joined spelling does not outweigh English's habits of 3); a part it
   hyphenates elsewhere (`anti-spam` beside `anti-\\nvirus`).
3. English's habits: a prefix English writes with a hyphen (`self-`, `non-`,
   `semi-`), a prefix's vowel meeting the same vowel (`co-\\noperate`,
   `re-\\nentered`), an adverb in -ly before a word (`widely-\\nheld`).
4. The web tables (wordsegment's counts, as the splitter reads them): a
   joined form the web writes far more often than the pair apart is a word
   (`inter-\\nnational`); pieces that are each a word and a rare joined form
   make a compound; a first piece that is no word, before one, is a word's
   half (a name the tables lack: `Pe-\\ndrazzi`).

Closed and open compounds are the one real ambiguity: the web writes
`antivirus`, `lineup` and `website` closed where a British text hyphenates,
and nothing in a single line end tells `team-\\nmate` from `work-\\nmate`.
The document's own spellings come first for that reason.
"""
from __future__ import annotations

from functools import lru_cache

from ..splitting.gaps import is_word
from ..splitting.lexicon import lexicon
from ..splitting.words import HYPHEN_PREFIXES, INFLECTED_ENDINGS, JOIN_HEADS, PARTICLES, PREFIX_PIECES, SUFFIX_PIECES
from .tuning import (
    ADVERB_STEM_LETTERS,
    COMPOUND_JOINED_RATIO,
    LINE_END_WORD_COUNT,
    PAIR_FLOOR_COUNT,
    PARTICLE_JOINED_RATIO,
    PREFIX_TAIL_LETTERS,
    RARE_TAIL_COUNT,
    STYLE_PART_LETTERS,
)
from .words import DERIVING_ENDINGS, HYPHENATED_PREFIXES, PARTICLE_TAILS

JOINED = "line_end_hyphen"
COMPOUND = "line_end_compound"

# Name prefixes written closed, their capital inside the name (McDonald, MacLeod, DiCaprio; not
# Al-Qaeda, St-Etienne).
CLOSED_NAME_PREFIXES = frozenset({"Mc", "Mac", "Di"})
# Characters that may stand before a capital in mid-sentence (the capital then marks a name).
MID_SENTENCE_BEFORE = frozenset(",;")


def line_end_rule(head: str, tail: str, before: str, after: str, previous: str, evidence) -> str | None:
    """JOINED, COMPOUND or None (left as written) for the hyphen between
    `head` (the letters ending a line) and `tail` (those opening the next).
    `before` is the character before `head`, `after` the two after `tail`,
    `previous` the last character before `head` that is not whitespace;
    `evidence` is what the document writes (`hyphens.Evidence`)."""
    if before == "-" or before.isalnum() or (after[:1] == "-" and after[1:].isalpha()):
        return COMPOUND  # one of several hyphens: state-of-the-\nart, 3D-\nprinted, multi-\nyear-old
    if len(head) == 1:
        return COMPOUND  # e-\nmail, T-\nshirt, x-\nray
    if not tail[0].islower() and not (head.isupper() and tail.isupper()):
        if head in CLOSED_NAME_PREFIXES and tail[1:].islower():
            return JOINED  # Mc-\nDonald, Di-\nCaprio: a name's prefix, its capital inside the name
        return COMPOUND  # Franco-\nGerman, anti-\nAmerican (a word's second half opens small)
    if head.isupper() and tail.islower():
        return COMPOUND  # TV-\nquality, JSON-\nformatted: a word never hyphenates inside an acronym
    joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
    as_joined, as_hyphenated = evidence.words[joined], evidence.words[hyphenated]
    name = head[0].isupper() and (previous.isalnum() or previous in MID_SENTENCE_BEFORE)
    head, tail = head.lower(), tail.lower()
    if as_joined > as_hyphenated:
        if as_joined == 1 and as_hyphenated == 0 and _english_hyphenates(head, tail):
            return COMPOUND  # co-\noperation beside one cooperation: a text that spells both ways
        return JOINED
    if as_hyphenated > as_joined:
        return COMPOUND
    if head in evidence.heads and len(head) >= STYLE_PART_LETTERS and _word_or_derived(tail):
        return COMPOUND  # the document hyphenates this first part elsewhere: anti-spam, anti-\nvirus
    if (tail in evidence.tails and len(tail) >= STYLE_PART_LETTERS and tail not in SUFFIX_PIECES
            and (is_word(head, lexicon()) or head in HYPHEN_PREFIXES)):
        return COMPOUND  # and this last part: US-based, sports-\nbased
    return _lexicon_rule(head, tail, name)


@lru_cache(maxsize=4096)
def _lexicon_rule(head: str, tail: str, name: bool) -> str | None:
    """The rule English's habits and the web tables give a line end's pieces
    (lower case); `name`: the first piece opens with a capital mid-sentence."""
    lex = lexicon()
    tail_word = _tail_word(tail)
    if _english_hyphenates(head, tail):
        return COMPOUND
    joined = lex.unigrams.get(head + tail, 0.0)
    # passer-\nby, runner-\nup: a word with an ending (an agent noun) before a particle is a word too
    head_word = is_word(head, lex) or head in HYPHEN_PREFIXES or (tail in PARTICLE_TAILS and _derived(head))
    if joined >= LINE_END_WORD_COUNT:
        if name:
            return JOINED  # Red-\nwood, Sky-\nwalker mid-sentence: a name the web writes closed
        pair = max(lex.bigrams.get(f"{head} {tail}", 0.0), PAIR_FLOOR_COUNT)
        ratio = PARTICLE_JOINED_RATIO if _verb_and_particle(head, tail) else COMPOUND_JOINED_RATIO
        if head_word and tail_word and joined < ratio * pair:
            return COMPOUND  # well known, anti virus, line up: a pair the web writes apart often enough
        return JOINED
    if head_word and tail_word:
        return COMPOUND
    if not head_word:
        if len(tail) >= PREFIX_TAIL_LETTERS and (tail_word or _verb_form(tail)):
            return COMPOUND  # Zorblat-\nowned, scrum-\nhalf, ad-\nlibbed: a name or a rare word before a word
        return JOINED  # a compound opens with a word: a name the tables lack, cut (Pe-\ndrazzi)
    if lex.unigrams.get(tail, 0.0) < RARE_TAIL_COUNT and not _derived(tail):
        return JOINED  # Bell-\nquistor: a word, then letters the web hardly writes
    return None


@lru_cache(maxsize=4096)
def _english_hyphenates(head: str, tail: str) -> bool:
    """Whether English's habits hyphenate these pieces (lower case) whatever the web writes."""
    if head in HYPHENATED_PREFIXES and len(tail) >= PREFIX_TAIL_LETTERS and _word_or_derived(tail):
        return True  # self-\nconfessed, semi-\nfinals, multi-\nculturalism
    if head[-1] in "aeiou" and tail[0] == head[-1] and (head in HYPHEN_PREFIXES or head in HYPHENATED_PREFIXES):
        return True  # co-\noperate, re-\nentered, anti-\ninflammatory: the hyphen parts two vowels
    lex = lexicon()
    # widely-\nheld, neatly-\nfolded: an adverb before the word it qualifies
    return head.endswith("ly") and len(head) - 2 >= ADVERB_STEM_LETTERS and is_word(head[:-2], lex) and _tail_word(tail)


def _tail_word(piece: str) -> bool:
    """Whether a second piece is a word of its own (a suffix such as -ing, -ers is not)."""
    return piece not in SUFFIX_PIECES and is_word(piece, lexicon())


def _word_or_derived(piece: str) -> bool:
    """Whether a second piece is a word, or one with an ending (a suffix such as -tions is neither)."""
    return len(piece) >= STYLE_PART_LETTERS and piece not in SUFFIX_PIECES and (_tail_word(piece) or _derived(piece))


def _derived(piece: str) -> bool:
    """Whether `piece` is a known word with an ending added (courters, culturalism, benchers)."""
    lex = lexicon()
    for ending in DERIVING_ENDINGS:
        stem = piece[: -len(ending)]
        if piece.endswith(ending) and len(stem) >= 3:
            undoubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else ""
            if is_word(stem, lex) or is_word(stem + "e", lex) or (undoubled and is_word(undoubled, lex)):
                return True
    return False


def _verb_form(piece: str) -> bool:
    """Whether `piece` is a known word with a verb's -ed or -ing (libbed, stomping): English's own
    endings; a plural or an -ly (tores, tates, nously) ends foreign words' halves as often."""
    return piece.endswith(INFLECTED_ENDINGS) and _derived(piece)


def _verb_and_particle(head: str, tail: str) -> bool:
    """A word and a particle that make a noun (line up, lay off, passer by), not a function word's pair (with in)."""
    return (tail in PARTICLE_TAILS and len(head) >= STYLE_PART_LETTERS
            and head not in JOIN_HEADS and head not in PARTICLES and head not in PREFIX_PIECES)
