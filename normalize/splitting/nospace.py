"""Rule `split_no_space_run`: text that lost every space, segmented by the model.

A token is read as such a run when it is long (NO_SPACE_RUN_LETTERS letters or
more), or is a whole line of NO_SPACE_LINE_LETTERS letters or more, holds
nothing that marks an address, a path or code (one slash between letters or
digits, in a run of NO_SPACE_RUN_LETTERS letters or more, is prose:
PEN/Marlowe, 600Gbases/day), and the model reads it as
English words: most of its letters fall in words the web tables know. It is
then cut where the segmentation ends a word, between letters and a number
(`had40beds`), and where `forced_cuts` cuts whatever the model says: at a
small letter before a capital (`theAbove`), after a comma, semicolon, colon or
a sentence's full stop before a letter. A letter outside
ASCII and the letters next to it are never cut apart (`Cabañas` stays whole),
but where a word of such letters meets a capital (`MarkoŠarić`) or is
followed by a function word of three letters or more (`Šarićwerethe` ->
`Šarić were the`, `Renéwas` -> `René was`).

Never deletes or reorders a character: the result is where spaces go.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .forced_cuts import forced_cuts
from .gaps import SHORT_WORDS
from .lexicon import lexicon
from .segment import segment
from .segment_tuning import (
    FOREIGN_SCRIPT_SHARE, FOREIGN_WORD_LETTERS, FUNCTION_WORD_COUNT, LETTER_SYMBOL_WORD_COUNT, NO_SPACE_KNOWN_SHARE,
    NO_SPACE_LINE_LETTERS, NO_SPACE_MIN_WORDS, NO_SPACE_RUN_LETTERS, NO_SPACE_TEXT_KNOWN_SHARE, NO_SPACE_WORD_COUNT,
    PEELED_NAME_LETTERS, SCRAP_ALONE_LETTERS, SCRAP_COUNT, SHORT_WORD_LETTERS, SLIPPED_WORD_LETTERS, SLIPPED_WORDS_KEPT,
)
from .slips import CommonWords, one_slip_from_word
from .typos import segment_with_typos
from .words import LINKING_WORDS

RULE = "split_no_space_run"

# A token long enough to be asked (the shortest asked has NO_SPACE_LINE_LETTERS letters).
LONG_TOKEN_RE = re.compile(r"\S{%d,}" % NO_SPACE_LINE_LETTERS)
ASCII_LETTERS_RE = re.compile(r"[A-Za-z]")
# What a run of prose never holds: addresses, paths, markup, code.
NOT_PROSE_RE = re.compile(r'://|www\.|@|[\\_=<>{}#~^*]|/\S*/|(?<![A-Za-z0-9])/|/(?![A-Za-z0-9])|[a-z]\.[a-z]|\(\)|\);|","|\A[^a-z]*\Z|\A\W*[a-z0-9]+(?:-[a-z0-9]+){2,}\W*\Z')
# A code name: small letters first, then a capital, and no punctuation of prose (getElementById).
IDENTIFIER_RE = re.compile(r"[a-z]+[A-Z][A-Za-z0-9]*\Z")
# A run of capitalised humps and nothing else (URLSearchParams): a name, not a sentence.
CAMEL_NAME_RE = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*\Z")
# A name of capitalised parts joined by hyphens, with short particles between (d', sur, upon).
HYPHENATED_NAME_RE = re.compile(r"[A-Z][a-z]+(?:-(?:[a-z]{1,4}-)*(?:[a-z]{1,2}['’])?[A-Z][a-z]+)+\W?\Z")
# A name of small letters, digits and hyphens, a colon after it at most (gcc-textdomain:).
HYPHENATED_LOWER_RE = re.compile(r"[a-z0-9+.]+(?:-[a-z0-9+.]+)+:?\Z")
# The verbs a name's lead sentence opens with, cut from a name glued to them before an article.
PEELED_VERBS = ("was", "is")
ARTICLES = frozenset({"a", "an", "the"})
# A capital and the small letters after it: a hump of a capitalised run.
HUMP_RE = re.compile(r"[A-Z][a-z]+")
# The pieces of a token the model reads: ASCII letter runs, digit runs.
PIECE_RE = re.compile(r"[A-Za-z]+|[0-9]+")
# Letters that belong to the number before them (1990s, 21st, 5km), never cut off.
NUMBER_SUFFIX_RE = re.compile(r"(?:s|st|nd|rd|th|am|pm|m|km|kg|cm|mm|bn|k|g|ft|mph|mb|gb|d)(?![a-z])")
# An ordinal's ending, or a decade's s, that stays with its number when a word follows (46th|minute, 1990s|and).
NUMBER_ENDING_RE = re.compile(r"(?<=1[0-9])th|(?<=[02-9]1)st|(?<=[02-9]2)nd|(?<=[02-9]3)rd|(?<=[04-9])th|(?<=^1)st|(?<=^2)nd"
                              r"|(?<=^3)rd|(?<=[^0-9]1)st|(?<=[^0-9]2)nd|(?<=[^0-9]3)rd|(?<=0)s")


def no_space_cuts(text: str) -> list[int]:
    """Positions in `text` where a space was lost inside a run with no spaces."""
    cuts: list[int] = []
    # A text with no space inside it (spaces at its ends do not count, so that
    # cleaning twice changes nothing) lost them all: 60% known letters suffice.
    spaced = " " in text.strip()
    for match in LONG_TOKEN_RE.finditer(text):
        token = match.group()
        letters = len(ASCII_LETTERS_RE.findall(token))
        whole_line = _is_whole_line(text, match.start(), match.end())
        if letters < (NO_SPACE_LINE_LETTERS if whole_line else NO_SPACE_RUN_LETTERS):
            continue
        if NOT_PROSE_RE.search(token) or IDENTIFIER_RE.match(token) or _foreign_script(token, letters) or (
                "/" in token and letters < NO_SPACE_RUN_LETTERS):
            continue  # (one slash in a shorter token: a name or a path, Ketamine/xylazine, 147P/Kowalski)
        if whole_line and CAMEL_NAME_RE.match(token) and not _hump_holds_glued_words(token):
            # A code, brand or product name on its own line or as a whole field
            # (URLSearchParams, PlayStationNetwork): never cut.
            continue
        if whole_line and HYPHENATED_NAME_RE.match(token):
            continue  # a place's hyphenated name on its line: Valle-d'Orezza, Notre-Dame-d'Aliermont
        if spaced and whole_line and letters < NO_SPACE_RUN_LETTERS and HYPHENATED_LOWER_RE.match(token):
            continue  # a package's or a command's name on its line, in a text that writes spaces: dpkg-buildflags
        found = _token_cuts(token, whole_line, NO_SPACE_KNOWN_SHARE if spaced else NO_SPACE_TEXT_KNOWN_SHARE)
        if found is not None:
            cuts += [match.start() + at for at in found]
    return cuts


def _hump_holds_glued_words(token: str) -> bool:
    """Whether a hump of a capitalised run is no word but common words run
    together after its first, one a word that links a title's words
    (`Indexof|Sunken`, `Markofthe|Victor`): a title that lost its spaces,
    where a name's humps are words (PlayStation) or scraps (Mar|on|it|on)."""
    lex = lexicon()
    for hump in HUMP_RE.findall(token):
        lower = hump.lower()
        if lex.unigrams.get(lower, 0.0) >= NO_SPACE_WORD_COUNT:
            continue
        parts = segment(lower)
        if len(parts) > 1 and any(p in LINKING_WORDS for p in parts[1:]) and all(
                p in LINKING_WORDS or len(p) > SHORT_WORD_LETTERS and lex.unigrams.get(p, 0.0) >= SCRAP_COUNT
                for p in parts):
            return True
    return False


def _is_whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _token_cuts(token: str, whole_line: bool = True, share: float = NO_SPACE_KNOWN_SHARE) -> list[int] | None:
    """Where `token` is cut, or None when it does not read as English words run
    together (less than `share` of its letters in known words)."""
    forced = forced_cuts(token)
    cuts: set[int] = set(forced)
    known_letters = all_letters = words = 0
    lex = lexicon()
    bounds = sorted(forced | {0, len(token)})
    for start, end in zip(bounds, bounds[1:]):
        for piece in PIECE_RE.finditer(token, start, end):
            text = piece.group()
            at = piece.start()
            if text.isdigit():
                cuts |= _number_cuts(token, piece.start(), piece.end())
                continue
            if at and token[at - 1].isdigit():
                if NUMBER_SUFFIX_RE.match(text):
                    continue
                ending = NUMBER_ENDING_RE.match(token, at)
                if ending:
                    cuts.add(ending.end())
                    at = ending.end()
                    text = token[at:piece.end()]
            if at and token[at - 1] in APOSTROPHES:
                ending = _contraction_ending(text)
                if ending:
                    # A contraction's or a possessive's ending, cut from what follows (John's|house, don't|know).
                    cuts.add(at + len(ending))
                    at += len(ending)
                    text = text[len(ending):]
            lower = text.lower()
            if lex.unigrams.get(lower, 0.0) >= NO_SPACE_WORD_COUNT:
                parts = [lower]  # a word the web writes (Insecurities), whatever reading the model prefers
            else:
                parts = segment_with_typos(lower)
            for part in parts:
                all_letters += len(part)
                words += 1
                if lex.unigrams.get(part, 0.0) >= NO_SPACE_WORD_COUNT and (len(part) > 1 or part in "ai"):
                    known_letters += len(part)
            kept = _verb_peeled(_without_scraps(parts, lex, _small_i(text, parts)), lex)
            if not whole_line and (kept != parts or any(_rare_among_words(p, lex) for p in parts)):
                return None  # a long name among spaced words (Westernfunkadelicaltownmusik)
            if at and _after_foreign_word(token, at, kept, piece.end()):
                cuts.add(at)  # Vukić|and|the, Doré|was: a function word after a word of accented letters
            pos = at
            for part in kept:
                if pos > at:
                    cuts.add(pos)
                pos += len(part)
    if words < NO_SPACE_MIN_WORDS or not all_letters or known_letters < share * all_letters:
        return None
    return sorted(c for c in cuts if 0 < c < len(token))


def _after_foreign_word(token: str, at: int, parts: list[str], end: int) -> bool:
    """Whether the letters at `at` open with a function word (`parts[0]`:
    FUNCTION_WORD_COUNT, of three letters or more: and, was, were) right after a word of FOREIGN_WORD_LETTERS
    letters or more that ends in a letter outside ASCII (Petrićand, Núñezwas):
    cut when more words follow it or a capital does (Bračkaand|Zora)."""
    if not (token[at - 1].isalpha() and not token[at - 1].isascii()):
        return False
    if len(parts[0]) < 3 or lexicon().unigrams.get(parts[0], 0.0) < FUNCTION_WORD_COUNT:
        return False  # (two letters are as often the word's own ending: Cabañ|as, Rhô|ne)
    if len(parts) == 1 and not token[end:end + 1].isupper():
        return False  # (Québecor: the word's own last letters)
    # (The last FOREIGN_WORD_LETTERS before it, not the whole run back: linear in the token.)
    return at >= FOREIGN_WORD_LETTERS and token[at - FOREIGN_WORD_LETTERS:at].isalpha()


def _contraction_ending(text: str) -> str:
    """The ending of a contraction or a possessive that opens `text` (after an
    apostrophe) when more letters follow: `s` of `shouse` (John's|house), else ''."""
    lower = text.lower()
    for ending in CONTRACTION_ENDINGS:
        if lower.startswith(ending) and len(lower) > len(ending):
            parts = segment(lower)
            if parts[0] == ending:
                return ending
    return ""


APOSTROPHES = "'’"
# What follows an apostrophe in a contraction or a possessive (John's, don't, I'm, we'll, they're, I've, I'd).
CONTRACTION_ENDINGS = ("ll", "re", "ve", "s", "t", "m", "d")


def _is_scrap(word: str, lex) -> bool:
    """A piece no English text writes alone: a short string that is no short
    word (`ve it re` from `Veitre`), a rare one of three or four letters, a
    longer one the tables hardly know."""
    if len(word) <= SHORT_WORD_LETTERS:
        return word not in SHORT_WORDS
    return lex.unigrams.get(word, 0.0) < (SCRAP_COUNT if len(word) < SCRAP_ALONE_LETTERS else NO_SPACE_WORD_COUNT)


def _rare_among_words(word: str, lex) -> bool:
    """Whether a part of a long run among spaced words is too rare to be read
    as a word: under SCRAP_COUNT, or for a part of SCRAP_ALONE_LETTERS letters
    or more (a paper's terms: invariance, amplitudes) under NO_SPACE_WORD_COUNT."""
    return lex.unigrams.get(word, 0.0) < (SCRAP_COUNT if len(word) < SCRAP_ALONE_LETTERS else NO_SPACE_WORD_COUNT)


def _small_i(text: str, parts: list[str]) -> set[int]:
    """The parts of `text`'s segmentation that are a small `i`: English writes
    the word as a capital, so a small one is a scrap of a name (Marcolf|i)."""
    found, at = set(), 0
    for index, part in enumerate(parts):
        if part == "i" and text[at] == "i":
            found.add(index)
        at += len(part)
    return found


def _without_scraps(parts: list[str], lex, scraps: set[int] = frozenset()) -> list[str]:
    """The segmentation with each scrap (and the parts numbered in `scraps`)
    glued back to a neighbour: runs of scraps together first, then a short
    scrap to its shorter neighbour (names, rare words and typos stay whole:
    `Marcolfi`, `trilobitids`, `recieved`); a longer one stands as a word of
    its own (`Tasker house`)."""
    if len(parts) < 2:
        return parts
    scrap = [index in scraps or _is_scrap(p, lex) for index, p in enumerate(parts)]
    if not any(scrap):
        return parts
    for index in range(1, len(parts) - 1):
        if (scrap[index] and index not in scraps and _slipped_common_word(parts[index])
                and not scrap[index - 1] and not scrap[index + 1]):
            scrap[index] = False  # a typo of the commonest words between two words: left|cn|the, of|au|home
    merged: list[str] = []
    merged_scrap: list[bool] = []
    for part, is_scrap in zip(parts, scrap):
        if merged and is_scrap and merged_scrap[-1]:
            merged[-1] += part
        else:
            merged.append(part)
            merged_scrap.append(is_scrap)
    out: list[str] = []
    glue_next = False
    for i, part in enumerate(merged):
        if glue_next:
            out[-1] += part
            glue_next = False
            continue
        if not merged_scrap[i] or len(merged) == 1 or len(part) >= SCRAP_ALONE_LETTERS:
            out.append(part)
            continue
        # The shorter neighbour takes it, or the one that is no word, never a function word (Marcolfi|was).
        left = _neighbour_weight(out[-1], lex) if out else None
        right = _neighbour_weight(merged[i + 1], lex) if i + 1 < len(merged) else None
        if left is not None and (right is None or left <= right):
            out[-1] += part
        else:
            out.append(part)
            glue_next = right is not None
    return out


@lru_cache(maxsize=SLIPPED_WORDS_KEPT)
def _slipped_common_word(part: str) -> bool:
    """Whether a short `part` (2 to SLIPPED_WORD_LETTERS letters) is one letter
    dropped, added, changed or two swapped, at any place in it, from one of the
    web's commonest words (LETTER_SYMBOL_WORD_COUNT: the, of, and, to, was): a
    typo of a function word (cn, yo, au, tht, fo), a word of its own between words."""
    if not 1 < len(part) <= SLIPPED_WORD_LETTERS:
        return False  # (a letter alone is a plural's s or an initial more than a typo)
    words = _commonest_words()
    return part not in words.common and one_slip_from_word(words, part, ends=True)


@lru_cache(maxsize=1)
def _commonest_words() -> CommonWords:
    return CommonWords(frozenset(w for w, count in lexicon().unigrams.items()
                                 if count >= LETTER_SYMBOL_WORD_COUNT and w.isalpha() and (len(w) > 1 or w in "ai")))


def _verb_peeled(parts: list[str], lex) -> list[str]:
    """The parts, with `is` or `was` cut from the end of a name no list knows
    before an article (kelvarotis|a -> kelvarot|is|a, Trebzonis|a): the lead of a
    text about a name (X is a village); a word that ends so stays (Davis, thesis)."""
    out: list[str] = []
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        verb = next((v for v in PEELED_VERBS if part.endswith(v)), None)
        if (verb and following in ARTICLES and len(part) - len(verb) >= PEELED_NAME_LETTERS
                and lex.unigrams.get(part, 0.0) < NO_SPACE_WORD_COUNT):
            out += [part[: -len(verb)], verb]
        else:
            out.append(part)
    return out


def _neighbour_weight(word: str, lex) -> tuple[bool, int]:
    """How unlikely a scrap's neighbour is to take it: a function word least."""
    return lex.unigrams.get(word, 0.0) >= FUNCTION_WORD_COUNT, len(word)


def _number_cuts(token: str, start: int, end: int) -> set[int]:
    """Cuts around a number inside a run: before it after a word (had|50), after
    it before a word that is no unit or suffix of it (50|rooms, not 1990s)."""
    cuts = set()
    if start >= 2 and token[start - 2:start].isascii() and token[start - 2:start].isalpha() and token[start - 1].islower():
        cuts.add(start)
    if (end < len(token) and token[end].isascii() and token[end].isalpha() and not NUMBER_SUFFIX_RE.match(token, end)
            and not NUMBER_ENDING_RE.match(token, end)):
        cuts.add(end)
    return cuts


def _foreign_script(token: str, ascii_letters: int) -> bool:
    """Whether most of the token's letters are outside ASCII (Chinese, Cyrillic, Greek)."""
    return sum(c.isalpha() for c in token) > FOREIGN_SCRIPT_SHARE * ascii_letters
