"""Stage `rejoin_words`: remove the stray spaces inside words (PDF, OCR, justified text).

The same word model as the splitter's segmentation (`lexicon`) decides at each
gap between two tokens of a line whether the space belongs there. A space goes
when the pieces around it make one word the web tables know well, at least one
piece is no word English writes alone, and the word scores far above its pieces
(rules `rejoin_broken_word`: `evergr een`, `t he`, `Representa t ions`;
`rejoin_letter_spaced`: `S P O R T S`, `m o d e l`). Two words that read well
apart always stay apart (`a part`, `in to`, `may be`), and so does anything
that is no lower-case word after the gap (names, numbers, code, markup).

Never deletes anything but a single space: between two letters, beside a
hyphen inside a broken word (rule `rejoin_hyphenated`: `pos -sible`), after a
capital set apart (`rejoin_split_capital`, `capitals`), inside a bracket
before its label (`rejoin_inside_bracket`: `( 9)`), after a compound's own
hyphen where a PDF's line ended (`rejoin_compound_hyphen`: `gear- driven`),
before a stop on a line
with a broken word (`rejoin_before_punctuation`) or before the stop that ends
a line (`rejoin_before_final_stop`). A long text must show two broken words
before any is joined (LONE_BREAKS).
"""
from __future__ import annotations

import re
from typing import Sequence

from .. import casing
from ..config import Config
from ..edits import Edit, replace_spans
from . import capitals, lost_marks, marked_code, scraps, spelt, strays, years
from .evidence import marks_needed, stretch_end
from .gaps import displaced_spaces, hyphen_breaks, is_word, resegmented_spaces
from .language import reads_as_english
from .lexicon import lexicon
from .shapes import SPACED_DASH_RE, TOKEN_END_RE, TOKEN_START_RE, _letter_words
from .segment_tuning import FINAL_STOP_WORD_COUNT, MAX_WORD, SURE_JOIN_COUNT, SURE_JOIN_RATIO
from .words import JOIN_HEADS, PARTICLES

STAGE = "rejoin_words"
BROKEN_WORD, HYPHENATED, LETTER_SPACED = strays.BROKEN_WORD, strays.HYPHENATED, strays.LETTER_SPACED
BEFORE_PUNCTUATION = "rejoin_before_punctuation"
DISPLACED = "rejoin_displaced_space"
SPLIT_YEAR = years.RULE
RARE_WORD = scraps.RULE
SPLIT_CAPITAL = capitals.RULE
FINAL_STOP = "rejoin_before_final_stop"
SPELT_OUT = spelt.RULE
INSIDE_BRACKET = "rejoin_inside_bracket"
COMPOUND_HYPHEN = "rejoin_compound_hyphen"
# The stage's rules, id -> what each removes (the registry `--explain` and the docs name).
RULES = {
    BROKEN_WORD: "a stray space inside a word, its pieces no words alone: evergr een, durin g, Representa t ions",
    LETTER_SPACED: "a word spelt out letter by letter: m o d e l, S P O R T S, u p",
    HYPHENATED: "a space beside a hyphen inside a broken word: pos -sible, cou- pled; in PDF text error- correction",
    BEFORE_PUNCTUATION: "a space before a stop, on a line with a broken word or in a short damaged text: filament .",
    DISPLACED: "a space inside a word moved to the end of it: wri ttenby -> written by, betweenth e -> between the",
    SPLIT_YEAR: "a space inside a year where a date goes: in 19 78, October 201 9",
    RARE_WORD: "a space inside a rarer word, its two pieces no words alone: sandb ank, grav elly",
    SPLIT_CAPITAL: "a space after a word's capital, the rest no word alone: N ovember, B ortelli",
    FINAL_STOP: "a space before the full stop that ends a line, after a content word: in Tarnby .",
    SPELT_OUT: "a word the tables lack spelt out in five letters alone or more: K a r v o n e n, P e t r o v a",
    INSIDE_BRACKET: "a space after an opening bracket before a short label that closes it: ( 7), 3( c), ( UNF)",
    COMPOUND_HYPHEN: "a space after a compound's own hyphen where a PDF's line ended: gear- driven, rule- based",
}

# The rules whose joins are no mark of a text that lost or gained spaces: a line end's
# hyphen (PDF text), a capital set apart (a page's styling), a line's last stop set apart.
NO_MARKS = frozenset((HYPHENATED, COMPOUND_HYPHEN, SPLIT_CAPITAL, FINAL_STOP))

# The joins this stage does not count as its own damage: a capital set apart (pages style
# first letters so, R ecord L ayout), a line's last stop set apart (a slip of the hand). (A
# line end's hyphen counts here, though not for `split_words`: NO_MARKS.)
UNCOUNTED = frozenset((SPLIT_CAPITAL, FINAL_STOP))
# The rules that join a broken word, which a long text must show twice (two words broken,
# by these rules or any other but a capital set apart or a line's last stop, or a space
# displaced) before any is joined or moved; the others have evidence of their own (a
# hyphen, a year, a bracket's label, a line's last stop).
LONE_BREAKS = frozenset((BROKEN_WORD, LETTER_SPACED, RARE_WORD, SPLIT_CAPITAL, SPELT_OUT, COMPOUND_HYPHEN))

# What may follow a broken word's last piece (its sentence's punctuation).
WORD_END_PUNCTUATION = ".,;:!?\"”’)"
# A space after an opening bracket before a label of three letters or digits at most that closes it
# (( 7), 3( c), ( UNF)); clean-web-dev, dev, extract-dev and the true texts of spaces-dev write none
# (they write a space before a closing one: (max ) twice).
SPACE_INSIDE_BRACKET_RE = re.compile(r"(?<=\() (?=[A-Za-z0-9]{1,3}\))")
# A space before a comma or a full stop that ends a word (`filament .`, `ground ,`), in no language right;
# not the first stop of a spaced ellipsis (`waited . . .`).
SPACE_BEFORE_STOP_RE = re.compile(r"(?:(?<=[A-Za-z]{2})|(?<=[)\]\"”’])) (?=[.,](?:\s|\Z))(?![.,] [.,])")
# A space before the full stop that ends a line, after a word (`the mill in Tarnby .`); the
# word must be no function word (`written as .`: a formula the page lost).
SPACE_BEFORE_FINAL_STOP_RE = re.compile(r"(?<=[a-z]{2}) (?=\.\Z)")
# A comma or a full stop set apart inside a line (a space before, a word after).
INNER_STOP_APART_RE = re.compile(r" [.,] +\S")
# The same after one letter alone, the last of a word spelt out (`s e c t i o n .`).
SPACE_AFTER_LETTER_BEFORE_STOP_RE = re.compile(r"(?<= [A-Za-z]) (?=[.,](?:\s|\Z))")


def rejoin_words(text: str, config: Config, earlier: Sequence[Edit] = ()) -> tuple[str, list[Edit]]:
    """Remove the stray spaces inside words (and move a displaced one to the
    word's end); never removes anything but single spaces. A long text is read
    a stretch at a time, each with its own evidence, as `split_words` reads it
    (`earlier`: the edits of the stages before, read in the second round: `lost_marks`)."""
    if " " not in text:
        return text, []
    paged = "\n" in text.rstrip()  # a text of paragraphs, where a page's drop caps may stand apart
    # (Code the text marks as such is read as blank, and no space goes inside it or beside it.)
    code = marked_code.code_spans(text)
    read = marked_code.mask(text, code)
    found, moved, start = [], [], 0
    while start < len(read):
        end = stretch_end(read, start)
        stretch_found, stretch_moved = _stretch_spaces(read, start, end, paged)
        found += stretch_found
        moved += stretch_moved
        start = end
    found = lost_marks.with_stops_apart(read, earlier, found, SPACE_BEFORE_STOP_RE, BEFORE_PUNCTUATION)
    if code:
        found = marked_code.outside(found, code, key=lambda space: space[0])
        moved = [(at, to) for at, to in moved if not (marked_code.touches(at, code) or marked_code.touches(to, code))]
    if moved:
        # A space moves only where no other edit of the stage is (nor one moved before it).
        taken, inserts = {at for at, _ in found}, []
        for at, to in moved:
            if not {at, to, to - 1} & taken:
                found.append((at, DISPLACED))
                inserts.append((to, to, " ", DISPLACED))
                taken |= {at, to, to - 1}
        return replace_spans(text, STAGE, sorted([(at, at + 1, "", rule) for at, rule in found] + inserts))
    return replace_spans(text, STAGE, ((at, at + 1, "", rule) for at, rule in found))


rejoin_words.reads_earlier_edits = True  # the pipeline passes it the edits of the stages before


def _stretch_spaces(text: str, start: int, end: int, paged: bool) -> tuple[list, list]:
    """The stray spaces (position, rule) and displaced ones (position, where it
    belongs) of text[start:end], in positions of `text`."""
    found, moved, lines = [], [], []
    # The words the text writes whole: a join into one of them is as likely as in a damaged text.
    written = _Written(text, start, end)
    stops_apart = None  # whether the stretch sets a stop or a comma apart inside a line, asked once
    compounds = None  # whether it writes no dash between spaced words (a PDF's hyphens are line ends), asked once
    for at_line, line in _lines(text, start, end):
        # What a line holds whether or not the text shows stray spaces, read once for both passes.
        split_years = [(at, SPLIT_YEAR) for at in years.split_years(line)]
        moves = sorted(displaced_spaces(line) + resegmented_spaces(line))
        rare = scraps.rare_word_joins(line, {at for at, _ in moves})
        lines.append((at_line, line, split_years, rare))
        spaces = [(at, rule) for at, rule in strays.stray_spaces(line, damaged=False, written=written)
                  if not (paged and _after_drop_cap(line, at))]
        if compounds is None and "- " in line:
            compounds = SPACED_DASH_RE.search(text, start, end) is None  # (asked once a stretch)
        spaces += _hyphen_spaces(line, False, compounds) + split_years + _inside_brackets(line)
        spaces += _rare_word_joins(rare, spaces)
        spaces += _capital_joins(line, {at for at, _ in spaces}, paged)
        if stops_apart is None and line.rstrip("\n").endswith(" ."):
            stops_apart = _writes_stops_apart(text, start, end)
        if not stops_apart:
            spaces += _final_stop(line)
        if (spaces or moves) and reads_as_english(line):
            found += [(at_line + at, rule) for at, rule in sorted(spaces)]
            moved += [(at_line + at, at_line + to) for at, to in moves]
    marks = sum(rule not in UNCOUNTED for _, rule in found)
    needed = marks_needed(text[start:end] if start or end < len(text) else text)
    if needed > 1 and len(_broken_words(text, [at for at, rule in found if rule not in UNCOUNTED]
                                        + [at for at, _ in moved])) < needed:
        # A long text with one broken word alone (however often written) is as it was
        # published: a title's styled letters (R ecord L ayout), a film's name (Wi th);
        # but not a common word in two small pieces that are no words (nu mber, agai nst).
        return [(at, rule) for at, rule in found if rule not in LONE_BREAKS or rule == BROKEN_WORD
                and _sure_join(text, at)], []
    if marks >= needed:
        # The text shows stray spaces (a long one twice, as for lost spaces: `evidence`):
        # words that read well apart may be a broken one too (`detect ive`), and on a
        # line with a broken word a space before a stop is stray (`filament .`);
        # elsewhere `tea spoon` and `the market , followed` are as written.
        found = []
        if compounds is None:
            compounds = SPACED_DASH_RE.search(text, start, end) is None
        for at_line, line, split_years, rare in lines:
            spaces = strays.stray_spaces(line, damaged=True) + _hyphen_spaces(line, True, compounds) + split_years + (
                _inside_brackets(line))
            spaces += _rare_word_joins(rare, spaces)
            spaces += _capital_joins(line, {at for at, _ in spaces})
            if spaces and reads_as_english(line):
                joined_at = {at for at, _ in spaces}
                spaces += [(m.start(), BEFORE_PUNCTUATION) for m in SPACE_BEFORE_STOP_RE.finditer(line)]
                # (After a word spelt out, its last letter alone: s e c t i o n .)
                spaces += [(m.start(), BEFORE_PUNCTUATION) for m in SPACE_AFTER_LETTER_BEFORE_STOP_RE.finditer(line)
                           if m.start() - 2 in joined_at]
                found += [(at_line + at, rule) for at, rule in sorted(spaces)]
            elif not stops_apart and line.rstrip("\n").endswith(" .") and reads_as_english(line):
                found += [(at_line + at, rule) for at, rule in _final_stop(line)]
    return found, moved


def _hyphen_spaces(line: str, damaged: bool, compounds: bool | None) -> list[tuple[int, str]]:
    """The stray spaces beside a hyphen inside a broken word (`gaps.hyphen_breaks`), and with
    `compounds` after a compound's own hyphen where a PDF's line ended (`gear- driven`)."""
    return [(at, COMPOUND_HYPHEN if compound else HYPHENATED)
            for at, compound in hyphen_breaks(line, damaged=damaged, compounds=bool(compounds))]


def _inside_brackets(line: str) -> list[tuple[int, str]]:
    """The stray spaces after an opening bracket before a short label that closes it (( 7), 3( c))."""
    return [(m.start(), INSIDE_BRACKET) for m in SPACE_INSIDE_BRACKET_RE.finditer(line)] if "( " in line else []


def _rare_word_joins(rare: list[int], spaces: list) -> list[tuple[int, str]]:
    """The line's stray spaces inside rarer words (`rare`: `scraps.rare_word_joins`,
    spaces that move aside) that no rule before took (`spaces`: (position, rule))."""
    taken = {at for at, _ in spaces}
    return [(at, RARE_WORD) for at in rare if at not in taken]


def _sure_join(text: str, at: int) -> bool:
    """Whether the stray space at `at` parts two runs of small letters, neither a word
    alone, that make a word the tables count SURE_JOIN_COUNT times or more, and
    SURE_JOIN_RATIO times as often as the pair (nu mber, agai nst, dama ge.): a
    broken word whatever else the text shows."""
    before = TOKEN_END_RE.search(text, max(0, at - MAX_WORD), at).group()
    after = TOKEN_START_RE.match(text, at + 1, at + 1 + MAX_WORD).group().rstrip(WORD_END_PUNCTUATION)
    if not (before.isascii() and before.isalpha() and before.islower()
            and after.isascii() and after.isalpha() and after.islower()):
        return False
    lex = lexicon()
    count = lex.unigrams.get(before + after, 0.0)
    # (Nor two pieces the web writes apart as well: et al, de la.)
    return (not is_word(before, lex) and not is_word(after, lex) and count >= SURE_JOIN_COUNT
            and count >= SURE_JOIN_RATIO * lex.bigrams.get(f"{before} {after}", 0.0))


def _broken_words(text: str, spaces: list[int]) -> set[str]:
    """The words the stray spaces at `spaces` break, each once however often
    written: the spaces inside one word make one (`S P O R T S`), and a word is
    its small letters (`b y` and `B y,` are one)."""
    words, group = set(), []
    for at in sorted(spaces):
        if group and not TOKEN_START_RE.fullmatch(text, group[-1] + 1, at):
            words.add(_word_of(text, group))
            group = []
        group.append(at)
    if group:
        words.add(_word_of(text, group))
    return words


def _word_of(text: str, group: list[int]) -> str:
    """The small letters of the word that the stray spaces of `group` break."""
    first, last = group[0], group[-1]
    before = TOKEN_END_RE.search(text, max(0, first - MAX_WORD), first).group()
    after = TOKEN_START_RE.match(text, last + 1, last + 1 + MAX_WORD).group()
    return "".join(filter(str.isalpha, before + text[first:last] + after)).lower()


def _writes_stops_apart(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sets a comma or a full stop apart inside a line
    (`the value , named`): a text written so, or one that lost its
    formulas, where a line's last stop set apart is as written too."""
    return INNER_STOP_APART_RE.search(text, start, end) is not None


def _final_stop(line: str) -> list[tuple[int, str]]:
    """The space before the full stop that ends `line`, after a content word
    (SPACE_BEFORE_FINAL_STOP_RE; not after a function word, FINAL_STOP_WORD_COUNT)."""
    line = line.rstrip("\n")
    if not line.endswith(" ."):
        return []
    stop = SPACE_BEFORE_FINAL_STOP_RE.search(line, len(line) - 3)
    if stop is None:
        return []
    word = line[: stop.start()].rsplit(None, 1)[-1].lower()
    if "/" in word or "@" in word:
        return []  # an address or a path, set apart from the stop that ends the sentence: see https://example.org .
    if word in JOIN_HEADS or word in PARTICLES or lexicon().unigrams.get(word, 0.0) >= FINAL_STOP_WORD_COUNT:
        return []
    return [(stop.start(), FINAL_STOP)]


def _capital_joins(line: str, taken: set, paged: bool = False) -> list[tuple[int, str]]:
    """The stray spaces after a word's capital (`capitals`) that no rule before
    took; with `paged`, none after a paragraph's drop cap."""
    return [(at, SPLIT_CAPITAL) for at in capitals.capital_joins(line)
            if at not in taken and not (paged and _after_drop_cap(line, at))]


def _after_drop_cap(line: str, at: int) -> bool:
    """Whether the space at `at` follows a paragraph's first letter alone, a
    capital (`K enyan`): in a text of several paragraphs, a page's drop cap,
    which the page writes so in every paragraph. Removed only where the text
    shows stray spaces elsewhere."""
    head = line[:at].lstrip()
    return len(head) == 1 and head.isupper()


class _Written:
    """The words text[start:end] writes whole (lower case), read when first asked:
    most texts never ask."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._source = (text, start, end)
        self._words: frozenset | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            text, start, end = self._source
            self._words = frozenset(_letter_words(casing.lower(text[start:end])))
        return word in self._words


def _lines(text: str, start: int = 0, end: int | None = None):
    """(position, line) for each line of text[start:end] (which begins and ends at line ends or spaces)."""
    for line in text[start:end].splitlines(keepends=True):
        yield start, line
        start += len(line)
