"""Line shapes for block evidence: how a line of a page reads (prose, a
paragraph, a menu label, a short line, a line that may sit in a run of
furniture), and where the article sits among them."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..rules import builtin_lists
from .prose import inside_sentence
from .tuning import (ARTICLE_GAP_LINES, ARTICLE_SHARE, PARAGRAPH_LEAST_WORDS, PROSE_LEAST_WORDS, PROSE_LONG_WORDS,
                     RUN_SENTENCE_WORDS, SHORT_LINE_CHARS, SHORT_LINE_WORDS, TITLE_LINE_WORDS)

# A line's words: space-separated words, and CJK characters two to a word.
CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Closing punctuation: the line ends a sentence.
STOP_RE = regex.compile(r"""[.!?。！？][\"'”’)\]]*\Z""")
LETTER_RE = regex.compile(r"\p{L}")
# Code and markup: a run of menu lines holds none ("var x = 1;", "</div>",
# "SELECT *", "$ hg pull"); neither do key-value lines of a table.
CODE_RE = regex.compile(
    r"""[{};=<>]|\w\(|^(?://|\#|/\*|\$\s)|[,;]\Z
        |\b(?:SELECT|FROM|WHERE|var|let|const|function|return|def|import|class)\b""",
    regex.VERBOSE,
)
# A full stop: a line of a few words that ends in one is a sentence (a
# caption, a notice), not a menu item or a headline ("Is it safe?" is one).
FULL_STOP_RE = regex.compile(r"""[.。][\"'”’)\]]*\Z""")
# What a label may carry around it: a bullet, arrows, a count ("Comments (3)").
# Each line is read by several shapes, and by the block, thread and stream
# passes in turn: its word count is remembered.
LINES_REMEMBERED = 8192
# No label, button or name of the lists is longer.
LABEL_CHARS = 60
LABEL_EDGES_RE = regex.compile(r"""^[\s\-–—*•·▪►▸›»>|/]+|[\s\-–—*•·▪►▸›»>|/:.…]+\Z|\s*[(\[]\d{1,6}[)\]]\Z""")


@lru_cache(maxsize=4)
def listed(name: str) -> frozenset[str]:
    """A built-in word list, lower case, for whole-line lookups."""
    return frozenset(word.lower() for word in builtin_lists()[name])


def bare(line: str) -> str:
    """A line as a label: lower case, without its bullet, arrows or count."""
    return " ".join(LABEL_EDGES_RE.sub("", line).lower().split())


@lru_cache(maxsize=LINES_REMEMBERED)
def word_count(line: str) -> int:
    """A line's words: space-separated words, and CJK characters two to a word."""
    return len(line.split()) + (0 if line.isascii() else len(CJK_RE.findall(line)) // 2)


def is_prose(line: str) -> bool:
    """A sentence of some length, or a long line."""
    words = word_count(line)
    return (words >= PROSE_LEAST_WORDS and STOP_RE.search(line) is not None) or words >= PROSE_LONG_WORDS


def is_paragraph(line: str) -> bool:
    """A line of an article's body: prose of some length (a menu's blurbs
    and an ad's pitch are a sentence of a dozen words)."""
    words = word_count(line)
    return (words >= PARAGRAPH_LEAST_WORDS and STOP_RE.search(line) is not None) or words >= PROSE_LONG_WORDS


def is_label(line: str) -> bool:
    """A menu's label (nav_labels), as the whole line."""
    return len(line) <= LABEL_CHARS and bare(line) in listed("nav_labels")


def is_short(line: str) -> bool:
    """A menu item's shape: a few words, no closing stop, no code."""
    return (word_count(line) <= SHORT_LINE_WORDS and len(line) <= SHORT_LINE_CHARS and not STOP_RE.search(line)
            and LETTER_RE.search(line) is not None and CODE_RE.search(line) is None)


def joins(line: str) -> bool:
    """Whether a line may sit in a run of furniture: short or title-like,
    with a letter; not code, not a sentence of a few words ("Sony's
    PlayStation VR.", a caption)."""
    words = word_count(line)
    return (words <= TITLE_LINE_WORDS and LETTER_RE.search(line) is not None and CODE_RE.search(line) is None
            and not is_prose(line) and not (words >= RUN_SENTENCE_WORDS and FULL_STOP_RE.search(line)))


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
