"""Line shapes for block evidence: how a line of a page reads (prose, a
paragraph, a menu label, a short line, a line that may sit in a run of
furniture), and where the article sits among them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from ..rules import builtin_lists
from .dispatch import is_word_char
from .prose import inside_sentence
from .tuning import (ARTICLE_GAP_LINES, ARTICLE_SHARE, PARAGRAPH_LEAST_WORDS, PROSE_LEAST_WORDS, PROSE_LONG_WORDS,
                     RUN_SENTENCE_WORDS, SHORT_LINE_CHARS, SHORT_LINE_WORDS, TITLE_LINE_WORDS)

# A line's words: space-separated words, and CJK characters two to a word.
CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# The blocks that hold every character of those scripts (tests/test_fast_paths.py
# checks it), looked for first with the stdlib's `re`: most lines beyond
# ASCII (curly quotes, accents, dashes) hold none, and skip the count.
CJK_BLOCKS_RE = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc"
                           "\U00016fe0-\U0001b16f\U0001f200\U00020000-\U0003ffff]")
# Closing punctuation: the line ends a sentence. (Patterns anchored at a
# line's end are searched backwards, `(?r)`: one try, not one per position.)
STOP_RE = regex.compile(r"""(?r)[.!?。！？][\"'”’)\]]*\Z""")
LETTER_RE = regex.compile(r"\p{L}")
# Code and markup: a run of menu lines holds none ("var x = 1;", "</div>",
# "SELECT *", "$ hg pull"); neither do key-value lines of a table. Each
# sign of code is looked for by itself, and only in a line that holds what
# it needs (`is_code`): one pattern of them all tries each at every position.
CODE_CHARS_RE = re.compile(r"[{};=<>]")  # ASCII: the stdlib's `re` reads it alike, faster
CODE_STARTS = ("//", "#", "/*")
SHELL_PROMPT_RE = regex.compile(r"\$\s")
CODE_ENDS = (",", ";")
CODE_WORDS = ("SELECT", "FROM", "WHERE", "var", "let", "const", "function", "return", "def", "import", "class")
# A full stop: a line of a few words that ends in one is a sentence (a
# caption, a notice), not a menu item or a headline ("Is it safe?" is one).
FULL_STOP_RE = regex.compile(r"""(?r)[.。][\"'”’)\]]*\Z""")
# Each line is read by several shapes, and by the block, thread and stream
# passes in turn: its shape is remembered.
LINES_REMEMBERED = 8192
# No label, button or name of the lists is longer.
LABEL_CHARS = 60
# What a label may carry around it: a bullet, arrows, a count ("Comments (3)").
LABEL_EDGES_RE = regex.compile(r"""^[\s\-–—*•·▪►▸›»>|/]+|[\s\-–—*•·▪►▸›»>|/:.…]+\Z|\s*[(\[]\d{1,6}[)\]]\Z""")


@lru_cache(maxsize=4)
def listed(name: str) -> frozenset[str]:
    """A built-in word list, lower case, for whole-line lookups."""
    return frozenset(word.lower() for word in builtin_lists()[name])


@lru_cache(maxsize=LINES_REMEMBERED)
def bare(line: str) -> str:
    """A line as a label: lower case, without its bullet, arrows or count."""
    return " ".join(LABEL_EDGES_RE.sub("", line).lower().split())


class Shape(NamedTuple):
    """How one line reads, worked out once for all the passes that ask."""

    words: int  # space-separated words, and CJK characters two to a word
    prose: bool  # a sentence of some length, or a long line
    paragraph: bool  # prose as long as an article's body's (a menu's blurbs and an ad's pitch are shorter)
    joins: bool  # may sit in a run of furniture: short or title-like, with a letter; not code, not a sentence
    short: bool  # a menu item's shape: a few words, no closing stop, no code
    label: bool  # a menu's label (nav_labels), as the whole line


@lru_cache(maxsize=LINES_REMEMBERED)
def shape(line: str) -> Shape:
    """How `line` reads (see `Shape`); the predicates below tell one thing each."""
    cjk = 0 if line.isascii() or not CJK_BLOCKS_RE.search(line) else len(CJK_RE.findall(line))
    words = len(line.split()) + cjk // 2
    stop = STOP_RE.search(line) is not None
    prose = (words >= PROSE_LEAST_WORDS and stop) or words >= PROSE_LONG_WORDS
    paragraph = (words >= PARAGRAPH_LEAST_WORDS and stop) or words >= PROSE_LONG_WORDS
    # A line of a few words with a letter and no code ("Sony's PlayStation VR.",
    # a caption, is a sentence and no part of a run; "var x = 1;" is code).
    plain = words <= TITLE_LINE_WORDS and LETTER_RE.search(line) is not None and not is_code(line)
    return Shape(
        words=words,
        prose=prose,
        paragraph=paragraph,
        joins=plain and not prose and not (words >= RUN_SENTENCE_WORDS and FULL_STOP_RE.search(line)),
        short=plain and words <= SHORT_LINE_WORDS and len(line) <= SHORT_LINE_CHARS and not stop,
        label=len(line) <= LABEL_CHARS and bare(line) in listed("nav_labels"),
    )


def is_code(line: str) -> bool:
    """Whether `line` shows a sign of code or markup: a brace, semicolon,
    equals or angle bracket; a call `f(`; a comment or shell prompt at its
    start; a comma or semicolon at its end; a keyword of code.

    >>> [is_code(line) for line in ("var x = 1", "$ hg pull", "Trips, places,", "Classic cars")]
    [True, True, True, False]
    """
    return (CODE_CHARS_RE.search(line) is not None
            or line.endswith(CODE_ENDS) or line.startswith(CODE_STARTS)
            or (line.startswith("$") and SHELL_PROMPT_RE.match(line) is not None)
            or _has_call(line) or _has_code_word(line))


def _has_call(line: str) -> bool:
    """A word character right before an opening bracket: `f(x)`."""
    at = line.find("(", 1)
    while at > 0:
        if is_word_char(line[at - 1]):
            return True
        at = line.find("(", at + 1)
    return False


def _has_code_word(line: str) -> bool:
    """A keyword of code (CODE_WORDS) as a word of its own: `class`, not `classic`."""
    for word in CODE_WORDS:
        at = line.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not is_word_char(line[at - 1])) and (end == len(line) or not is_word_char(line[end])):
                return True
            at = line.find(word, at + 1)
    return False


def word_count(line: str) -> int:
    """A line's words: space-separated words, and CJK characters two to a word."""
    return shape(line).words


def is_prose(line: str) -> bool:
    """A sentence of some length, or a long line."""
    return shape(line).prose


def is_paragraph(line: str) -> bool:
    """A line of an article's body: prose of some length (a menu's blurbs
    and an ad's pitch are a sentence of a dozen words)."""
    return shape(line).paragraph


def is_label(line: str) -> bool:
    """A menu's label (nav_labels), as the whole line."""
    return shape(line).label


def is_short(line: str) -> bool:
    """A menu item's shape: a few words, no closing stop, no code."""
    return shape(line).short


def joins(line: str) -> bool:
    """Whether a line may sit in a run of furniture: short or title-like,
    with a letter; not code, not a sentence of a few words ("Sony's
    PlayStation VR.", a caption)."""
    return shape(line).joins


def wrapped(text: str, trimmed: list, index: int, found: dict) -> bool:
    """Whether line `index` goes on a sentence from a line of some length
    before it: part of a paragraph, not a menu item."""
    before = next((i for i in range(index - 1, -1, -1) if trimmed[i] is not None), None)
    if before is None or word_count(text[trimmed[before][0] : trimmed[before][1]]) <= SHORT_LINE_WORDS:
        return False
    return inside_sentence(text, trimmed, index, found)


def article_span(text: str, trimmed: list, found: dict) -> tuple[int, int] | None:
    """The first and last line of the article: from the first to the last
    cluster of prose lines that holds `ARTICLE_SHARE` of the largest one's
    prose or more; None if the text has no prose line."""
    clusters = []  # [first line, last line, characters of prose]
    gap = 0
    for index, span in enumerate(trimmed):
        if span is None:
            continue
        line = text[span[0] : span[1]]
        if index in found or not is_paragraph(line):
            gap += 1
            continue
        if not clusters or gap > ARTICLE_GAP_LINES:
            clusters.append([index, index, 0])
        clusters[-1][1] = index
        clusters[-1][2] += len(line)
        gap = 0
    if not clusters:
        return None
    least = ARTICLE_SHARE * max(size for _, _, size in clusters)
    kept = [(first, last) for first, last, size in clusters if size >= least]
    return kept[0][0], kept[-1][1]
