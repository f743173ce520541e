"""What makes a broken word, for `rejoin`: whether pieces may join and into
what (`joined`), and the single-gap rules: a space beside a hyphen inside a
broken word (`hyphen_breaks`), a space one word too early (`displaced_spaces`)
and one in the wrong place where a space was lost too (`resegmented_spaces`).

Nothing here changes text: each function says where, and `rejoin` edits.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Lexicon, lexicon
from .segment import segment
from .shapes import ascii_letter_runs
from .segment_tuning import (
    COMMON_PIECE_COUNT, GLUED_PAIR_COUNT, JOIN_GAIN, JOIN_LETTER_WORD_COUNT, JOIN_MIN_LETTERS,
    JOIN_RARE_MIN_LETTERS, JOIN_RARE_WORD_COUNT, JOIN_SHORT_COUNT, JOIN_WORDS_GAIN, JOIN_WORDS_UNDAMAGED_GAIN,
    JOIN_WORD_COUNT, LATE_SPACE_COUNT, LETTER_SYMBOL_WORD_COUNT, MAX_WORD, NONWORD_COUNT, NO_SPACE_WORD_COUNT,
    PLURAL_HEAD_LETTERS, RESEGMENT_GAIN, SHORT_WORD_LETTERS, SPELT_LETTERS,
)
from .words import PREFIX_PIECES, SUSPENDED_HYPHEN_NEXT, _word_list

# The words of one or two letters English writes alone (a, of, it; not de, oc).
SHORT_WORDS = _word_list("short_words")

# A gap between a word's first letters and a token of small letters (wri ttenby, he irscontinued).
DISPLACED_GAP_RE = re.compile(r"(?<![\w'’-])([A-Za-z]?[a-z]{2,}) (?=([a-z]{3,})(?![\w'’-]))")
# The first piece of such a gap, a whole run of letters (`ascii_letter_runs`).
DISPLACED_HEAD_SHAPE_RE = re.compile(r"[A-Za-z]?[a-z]{2,}\Z")
# A space beside a hyphen between letters (pos -sible, cou- pled), not a dash between spaces.
HYPHEN_BREAK_RE = re.compile(r"(?<=[A-Za-z]) (?=-[a-z])|(?<=[A-Za-z]-) (?=[a-z])")
# The letters before and after such a space (a flag or a symbol has none: hg commit -A -u, the i -th row).
HYPHEN_LEFT_RE = re.compile(r"(?<![\w.-])([A-Za-z]{2,})-?\Z")
HYPHEN_RIGHT_RE = re.compile(r"-?([a-z]{2,})(?!\w|\.\w)")
# How far back the letters before a hyphen are read: longer than any word (a longer run is no word's piece).
HYPHEN_WINDOW = 64


def joined(pieces: list[str], lex: Lexicon, damaged: bool, at_start: bool) -> tuple[str, float] | None:
    """The word `pieces` make when the spaces between them go, and the join's
    cost; None when they may not be joined or make no word the model knows."""
    if not _may_join(pieces):
        return None
    word = "".join(pieces).lower()
    if len(word) > MAX_WORD:
        return None
    count = lex.unigrams.get(word, 0.0)
    if spelt_rare(pieces) and len(word) >= JOIN_RARE_MIN_LETTERS and count >= JOIN_RARE_WORD_COUNT:
        count = max(count, JOIN_WORD_COUNT)  # (a rarer word spelt out: v e l o ci t y, k r a n tz)
    if len(word) < JOIN_MIN_LETTERS:
        # A short word spelt out (u p, b y; I n opening a sentence), not symbols (A N Other, matrix I n).
        spelt = word in SHORT_WORDS and len(pieces) == len(word) and pieces[-1].islower()
        return (word, JOIN_GAIN) if spelt and (pieces[0].islower() or at_start) else None
    if count < JOIN_WORD_COUNT or len(word) == JOIN_MIN_LETTERS and count < JOIN_SHORT_COUNT:
        return None  # no word the tables know well (a three-letter one must be common: t he -> the)
    # The model itself must read the joined letters as one word (not `forthe`, `amarine`).
    if segment(word) != [word]:
        return None
    glued = [_glued_pair(p.lower(), lex) for p in pieces]
    if any(glued) and (all(g or is_word(p, lex) for g, p in zip(glued, pieces))
                       or _reads_better_split(pieces, word, lex)):
        return None  # `in sofar`: a lost space more than a stray one, the splitter's to read
    words = [is_word(p, lex) for p in pieces]
    letters = [len(p) == 1 and p.lower() not in "ai" for p in pieces]
    longer = [w for p, w in zip(pieces, words) if len(p) > 1]
    # (Many lone letters are a word spelt out, whatever word stands beside them: a c c e l e r a t i on.)
    if (any(letters) and longer and all(longer) and sum(letters) < SPELT_LETTERS
            and _symbol_beside_words(pieces, count, at_start, lex)):
        return None
    if all(words):
        return word, JOIN_WORDS_GAIN if damaged else JOIN_WORDS_UNDAMAGED_GAIN
    return word, JOIN_GAIN


def spelt_rare(pieces: list[str]) -> bool:
    """Whether `pieces` spell a word out: pieces of two letters at most, SPELT_LETTERS
    of them small letters alone (not a or i), which may make a rarer word
    (JOIN_RARE_WORD_COUNT): v e l o ci t y, k r a n tz."""
    return all(len(p) <= SHORT_WORD_LETTERS for p in pieces) and sum(
        len(p) == 1 and p.islower() and p not in "ai" for p in pieces) >= SPELT_LETTERS


def _may_join(pieces: list[str]) -> bool:
    """Whether `pieces` (a first token's letters, inner tokens, a last token's
    letters) may make one word: after the first, small letters (the first small,
    capitalised or one capital), or every piece one capital (S P O R T S); never
    letters in the alphabet's order (a b c d, x y z)."""
    rest = pieces[1:]
    if all(p.isascii() and p.isalpha() and p.islower() for p in rest):
        head = pieces[0]
        if not (head.islower() or head.istitle() or (len(head) == 1 and head.isupper())):
            return False
    elif not all(len(p) == 1 and p.isascii() and p.isupper() for p in pieces):
        return False
    return not _alphabet_run(pieces)


def _symbol_beside_words(pieces: list[str], count: float, at_start: bool, lex: Lexicon) -> bool:
    """Whether a lone letter beside words is a symbol, not a letter of a broken word:
    a capital inside a sentence (`the R and B`, `H is`; not `T he` opening one), or a
    small letter after a function word (`of f`, `is g`), unless the word they make is
    among the commonest (`t he`, `Ther e`). A plural's s is a letter (railway s;
    not after a short word: As s)."""
    if len(pieces) == 2 and pieces[1] == "s" and len(pieces[0]) > PLURAL_HEAD_LETTERS:
        return False
    if count >= JOIN_LETTER_WORD_COUNT:
        return pieces[0].isupper() and not at_start
    if at_start and len(pieces) == 2 and len(pieces[0]) == 1 and (
            lex.unigrams.get(pieces[1], 0.0) < COMMON_PIECE_COUNT):
        return False  # T hey, W hich opening a sentence: a capital broken off a word that is no common one
    if (len(pieces) >= 3 and all(len(p) == 1 and p.islower() and p not in "ai" for p in (pieces[0], pieces[-1]))
            and count >= COMMON_PIECE_COUNT):
        return False  # w he n, t he n: small letters on both sides of a common word's middle (not V is a)
    if any(len(p) == 1 and p.isupper() for p in pieces):
        return True
    return any(lex.unigrams.get(p.lower(), 0.0) >= LETTER_SYMBOL_WORD_COUNT for p in pieces if len(p) > 1)


def _glued_pair(piece: str, lex: Lexicon) -> bool:
    """Whether `piece` is no word but a common pair of words run together (sofar)."""
    if len(piece) < 2 * SHORT_WORD_LETTERS or is_word(piece, lex):
        return False
    parts = segment(piece)
    return len(parts) == 2 and lex.bigrams.get(" ".join(parts), 0.0) >= GLUED_PAIR_COUNT


def _reads_better_split(pieces: list[str], word: str, lex: Lexicon) -> bool:
    """Whether the pieces, glued pairs among them split (in so far), read
    better as words in a row than as the one joined word (insofar)."""
    words = [part for piece in pieces for part in segment(piece.lower())]
    return _sequence_score(words, lex) >= lex.score(word)


def _sequence_score(words: list[str], lex: Lexicon) -> float:
    return lex.score(words[0]) + sum(lex.score(w, prev) for prev, w in zip(words, words[1:]))


def _alphabet_run(pieces: list[str]) -> bool:
    """Whether `pieces` are three or more letters in the alphabet's order (a b c, x y z)."""
    if len(pieces) < 3 or any(len(p) != 1 for p in pieces):
        return False
    codes = [ord(p.lower()) for p in pieces]
    return all(b == a + 1 for a, b in zip(codes, codes[1:]))


def is_word(piece: str, lex: Lexicon) -> bool:
    """Whether English writes `piece` alone: a short word, or a common enough longer one."""
    return piece.lower() in words_alone(lex)


@lru_cache(maxsize=1)
def words_alone(lex: Lexicon) -> frozenset:
    """The words `is_word` holds, lower case (26,000 of the tables'; made once
    for the process's lexicon, when first asked)."""
    return frozenset(word for word, count in lex.unigrams.items() if len(word) > 2 and count >= NONWORD_COUNT) | (
        SHORT_WORDS)


@lru_cache(maxsize=1)
def word_forms(lex: Lexicon) -> frozenset:
    """The words alone (`words_alone`) as a run of letters writes them, small or
    capitalised: `run in word_forms(lex)` is `is_word(run, lex)` for such a run
    (no other capitals), and a line's runs less these is one set operation in C."""
    words = words_alone(lex)
    return words | frozenset(word[0].upper() + word[1:] for word in words)


@lru_cache(maxsize=1)
def known_well(lex: Lexicon) -> frozenset:
    """The words the tables count JOIN_WORD_COUNT times or more (67,000; made once
    for the process's lexicon, when first asked): `word in known_well(lex)` is
    `lex.unigrams.get(word, 0.0) >= JOIN_WORD_COUNT`, a look-up in a set a fifth
    the table's size, which a loop over a word's cuts asks many times."""
    return frozenset(word for word, count in lex.unigrams.items() if count >= JOIN_WORD_COUNT)


def displaced_spaces(line: str, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """Spaces one word too early (`wri ttenby`, `Ma rch1983` is a plain join):
    the space between a piece that is no word and a token the web never writes, where the
    piece and the token's first letters make a word and its other letters a
    word too. (where the space goes, where it belongs) for each."""
    lex = lex or lexicon()
    unigrams = lex.unigrams
    # A word before the gap: neither a late space nor an early one (most gaps; asked once a head).
    # (A gap's head is a whole run of letters, so the runs that are no word and have its shape find
    # every gap the pattern would, where it stands: the pattern over the whole line cost twice as much.)
    runs = set(ascii_letter_runs(line)).difference(word_forms(lex))
    heads = {run for run in runs if run + " " in line and DISPLACED_HEAD_SHAPE_RE.match(run)}
    found = []
    for match in _matches_at(line, heads, DISPLACED_GAP_RE):
        head = match.group(1)
        tail = match.group(2)
        late = _late_space(head, tail, lex)
        if late:
            found.append((match.start(2) - 1, match.start(2) - 1 - late))
            continue
        # A word after the gap (He pleads, a reassuring, la marque): no broken word here; but
        # three letters the web writes are as often scraps (applicatio nof, membe rof).
        if is_word(tail, lex) or len(tail) > SHORT_WORD_LETTERS + 1 and unigrams.get(tail, 0.0) >= NO_SPACE_WORD_COUNT:
            continue
        known = known_well(lex)
        if (head + tail).lower() in known:
            continue  # a plain join, `strays.stray_spaces`'s
        best = None
        for cut in range(1, len(tail) - 1):
            word, rest = (head + tail[:cut]).lower(), tail[cut:]
            if word not in known or len(rest) < SHORT_WORD_LETTERS or not _known_well(rest, lex) or (
                    segment(word) != [word]):
                continue
            score = lex.score(word) + lex.score(rest, word)
            if best is None or score > best[0]:
                best = (score, cut)
        if best is not None:
            found.append((match.start(2) - 1, match.start(2) + best[1]))
    return found


def _late_space(head: str, tail: str, lex: Lexicon) -> int:
    """How many letters too late the space between `head` and `tail` stands
    (`thatw ere`: 1), where `head` is no word, its first letters and the moved
    letters with `tail` are common words, and they read far better so; else 0.
    (`displaced_spaces` asks only of a head that is no word.)"""
    if len(head) < 4:
        return 0
    # (Where the letters after the space are no word either, both pieces are
    # broken: the words they make need only be ones the tables know well.)
    least, lates = (LATE_SPACE_COUNT, (1, 2)) if is_word(tail, lex) else (JOIN_WORD_COUNT, (1, 2, 3))
    for late in lates:
        word, moved = head[:-late].lower(), head[-late:] + tail
        if (lex.unigrams.get(word, 0.0) >= least and lex.unigrams.get(moved, 0.0) >= least
                and lex.score(word) + lex.score(moved, word) - lex.score(head.lower()) - lex.score(tail, head.lower())
                >= JOIN_WORDS_UNDAMAGED_GAIN):
            return late
    return 0


def hyphen_breaks(line: str, damaged: bool = False, lex: Lexicon | None = None,
                  compounds: bool = False) -> list[tuple[int, bool]]:
    """Positions of the stray spaces beside a hyphen inside a broken word: `pos -sible`,
    `cou- pled` (the hyphen stays: possible is a word, its pieces are not; in
    a text that shows stray spaces, also `Crypto- graphic`, pieces that are
    words); `pre- and post-war`, `well- known` and a dash between words stay.
    With `compounds` (a text that shows stray spaces and writes no dash between
    words with spaces: a PDF's), also the space after a compound's hyphen where
    a line ended (`error- correction`, `task- specific`), but a suspended one's
    (`pre- and post-war`). Each as (position, whether it follows a compound's own hyphen)."""
    if " -" not in line and "- " not in line:
        return []  # (every HYPHEN_BREAK_RE match has a space beside a hyphen)
    lex = lex or lexicon()
    found = []
    for match in HYPHEN_BREAK_RE.finditer(line):
        at = match.start()
        # (Read a bounded window back, and from the gap on: each hyphen costs its own letters, not the line's.)
        left = HYPHEN_LEFT_RE.search(line, max(0, at - HYPHEN_WINDOW), at)
        right = HYPHEN_RIGHT_RE.match(line, at + 1)
        if left is None or right is None:
            continue  # a flag or a symbol (hg commit -A -u, emcc -O3 add.c -o, the i -th row)
        head, tail = left.group(1), right.group(1)
        word = (head + tail).lower()
        if word in known_well(lex) and (damaged or not (is_word(head, lex) and is_word(tail, lex))):
            found.append((at, False))
        elif compounds and line[at - 1] == "-" and tail not in SUSPENDED_HYPHEN_NEXT:
            found.append((at, True))
    return found


# A gap between a token of small letters alone (o fplans), or a capital and small
# letters (Shep ainted), after an opening bracket or quote, and one that opens with
# small letters, then has no letters but a capitalised word's (rNorth); the
# second is read ahead, so gaps may share it.
RESEGMENT_GAP_RE = re.compile(
    r"(?<!\S)[(\[\"“‘]?([A-Z][a-z]{2,}|[a-z]+) (?=([a-z]+)(?:[A-Z][a-z]*)?[^A-Za-z\s]*(?:\s|\Z))")


@lru_cache(maxsize=1)
def _short_scraps(lex: Lexicon) -> frozenset:
    """The tables' runs of SHORT_WORD_LETTERS + 1 letters at most counted under
    COMMON_PIECE_COUNT: web scraps more than words (he, ame), for `resegmented_spaces`."""
    return frozenset(word for word, count in lex.unigrams.items()
                     if len(word) <= SHORT_WORD_LETTERS + 1 and count < COMMON_PIECE_COUNT)


def resegmented_spaces(line: str, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """Spaces in the wrong place where a space was lost too: the letters on
    both sides of a gap read as two words only with the space elsewhere
    (`betweenth e` -> `between the`, `ofherit age` -> `of heritage`,
    `flour ishedin` -> `flourished in`): (where the space stands, where it
    belongs) for each. Asked only where one side is no word and not words
    run together; both new words are ones the tables know well, they read
    better by RESEGMENT_GAIN, and no token beside is a letter spelt out or a
    broken word (the join's programme reads those)."""
    lex = lex or lexicon()
    unigrams = lex.unigrams
    # (A run of small letters no letter touches is a whole run of letters, all small; and short
    # runs the tables hold but seldom are web scraps more than words: ont he, then ame.)
    runs = set(ascii_letter_runs(line))
    missing = {run for run in runs.difference(unigrams) | (runs & _short_scraps(lex)) if run.islower()}
    if not missing:
        return []  # (most lines: every run of small letters a word the tables hold)
    found = []
    for match in _gaps_beside(line, missing):
        head, tail = match.group(1).lower(), match.group(2)
        if len(head) <= SHORT_WORD_LETTERS and is_word(head, lex):
            continue  # (a short word before: hi ndlimbs is hind|wings as often as hindwings; but o fplans)
        head_word, tail_word = head in unigrams, tail in unigrams or is_word(tail, lex)
        # (A side the tables hold but seldom, a web scrap more than a word: ont he, tha tthey.)
        weak = head_word and unigrams[head] < COMMON_PIECE_COUNT or tail_word and unigrams.get(tail, 0.0) < (
            COMMON_PIECE_COUNT) and len(tail) > 1
        if head_word and tail_word and not weak or len(head) + len(tail) > MAX_WORD or not _two_words(
                head + tail, len(head), lex):
            continue
        if _spelt_or_broken_beside(line, match, lex):
            continue  # the join's programme reads those
        if not head_word and _words_run_together(head, lex) or not tail_word and _words_run_together(tail, lex):
            continue  # (holdon to, break downthe: words run together beside a word, the splitter's)
        words = segment(head + tail)
        if len(words) != 2 or len(words[0]) == len(head) or not all(_known_well(word, lex) for word in words):
            continue  # one word (a plain join), the space already at the word's end, or no words
        gained = _sequence_score(words, lex) - lex.score(head) - lex.score(tail, head)
        to = len(words[0])
        # (Beside a word, more letters move than one: not hayesi is -> hayes iis; but one may where the
        # letters make two common words, and the side that is no word the tables hold at all: famousf or.)
        if gained < RESEGMENT_GAIN or (head_word or tail_word) and not weak and abs(to - len(head)) < 2 and not (
                _common_pair(words, lex) and not (head_word and tail in unigrams)):
            continue
        found.append((match.end(1), match.start(1) + to + (to > len(head))))  # (after the gap: past the space)
    return found


def _spelt_or_broken_beside(line: str, match, lex: Lexicon) -> bool:
    """Whether the gap's tokens have a letter spelt out before them, or a
    broken word after them (a token of letters that is no word), or the
    second is one letter and no word follows it (`witha s outherly`)."""
    before = line[: match.start()].rsplit(None, 1)[-1:]
    tail = match.group(2)
    rest = line[match.end(1) + 1 :]  # from the second token on
    after = rest.split(None, 2)[1:2] if rest[len(tail) : len(tail) + 1].isspace() else []
    word_after = bool(after) and after[0].isalpha() and is_word(after[0], lex)
    return (bool(before) and len(before[0]) == 1 and before[0].isalpha()
            or bool(after) and after[0].isalpha() and not word_after
            or len(tail) == 1 and not word_after)


def _gaps_beside(line: str, runs: set) -> list:
    """The matches of RESEGMENT_GAP_RE in `line` with one of `runs` on a side, in order."""
    starts = set()
    for run in runs:
        for at in _ascii_run_starts(line, run):
            starts.add(at - 1 if at and line[at - 1] in "([\"“‘" else at)  # the run opens the gap
            if at > 1 and line[at - 1] == " ":
                starts.add(line.rfind(" ", 0, at - 1) + 1)  # the run closes it
    return [match for match in map(lambda at: RESEGMENT_GAP_RE.match(line, at), sorted(starts)) if match]


def _matches_at(line: str, runs: set, pattern: re.Pattern) -> list:
    """The matches of `pattern` in `line` that start where one of `runs` stands, in order."""
    starts = sorted(at for run in runs for at in _ascii_run_starts(line, run))
    return [match for match in map(lambda at: pattern.match(line, at), starts) if match]


def _ascii_run_starts(line: str, run: str):
    """Where the letters `run` stand in `line` with no other letter touching them
    (a look-up per occurrence: a line's patterns need not walk every word)."""
    at = line.find(run)
    while at >= 0:
        end = at + len(run)
        if not (at and _is_ascii_letter(line[at - 1]) or end < len(line) and _is_ascii_letter(line[end])):
            yield at
        at = line.find(run, end)


def _is_ascii_letter(char: str) -> bool:
    return "a" <= char <= "z" or "A" <= char <= "Z"


def _two_words(letters: str, gap: int, lex: Lexicon) -> bool:
    """Whether `letters` cut somewhere but at `gap` make two words the tables
    know well (a look-up a letter: the model is asked only where so)."""
    known = known_well(lex)  # (`_known_well`, inline: a look-up a letter of every gap asked)
    for cut in range(1, len(letters)):
        if cut != gap and (letters[:cut] in SHORT_WORDS if cut <= SHORT_WORD_LETTERS else letters[:cut] in known):
            right = letters[cut:]
            if right in SHORT_WORDS if len(right) <= SHORT_WORD_LETTERS else right in known:
                return True
    return False


def _common_pair(words: list[str], lex: Lexicon) -> bool:
    """Whether both `words` are ones the tables count COMMON_PIECE_COUNT times or more (known, for)."""
    return all(lex.unigrams.get(word, 0.0) >= COMMON_PIECE_COUNT for word in words)


def _known_well(word: str, lex: Lexicon) -> bool:
    return is_word(word, lex) if len(word) <= SHORT_WORD_LETTERS else word in known_well(lex)


def _words_run_together(piece: str, lex: Lexicon) -> bool:
    """Whether the model reads `piece` as two words or more, each one English
    writes alone or a piece that opens words (re|scheduler)."""
    words = segment(piece)
    return len(words) > 1 and all(is_word(word, lex) or word in PREFIX_PIECES for word in words)
