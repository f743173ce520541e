"""Block evidence: runs of furniture at a page's head and tail.

What extractors leave around an article is rarely one line: a menu of
sections, a footer of links, a box of other headlines. Line by line these
are short labels that could be anything ("News", "Contact"); as a run, at the
page's head or tail, they are navigation. This module finds such runs.

How a text is read: each line is prose (a sentence of some length, or a long
line: `PROSE_LEAST_WORDS`, `PROSE_LONG_WORDS`), a leftover some rule claims,
a navigation label (`nav_labels` in `normalize/rules/lists.toml`, as a whole
line), a short line, a title-like line, or a line that stops a run (code,
a short sentence, the lower-case rest of a wrapped one, a long line). Prose
lines at most `ARTICLE_GAP_LINES` other lines apart make a cluster; the
article runs from the first to the last cluster with `ARTICLE_SHARE` of the
largest one's prose or more. Before it is the head, after it the
tail. A run of short, title-like, label and claimed lines there is furniture
when it holds `NAV_LABELS_LEAST` labels or more and its short lines and
labels are `NAV_SHARE` of it or more: it goes from its first piece of
evidence (a label or a claimed line) to its last, and on to the text's edge
when it reaches it. A block heading some rule claims there ("Most read",
"Related stories") takes the lines of its run after it: the headlines of its
box. A prose line is never removed by this module, and nothing inside the
article is.

Rules, registered by name: each removal is an edit named after one.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..rules import builtin_lists
from .prose import inside_sentence
from .tuning import (ARTICLE_GAP_LINES, BLOCK_MAX_LINKS, ARTICLE_SHARE, LONG_RUN_LABELS_LEAST, LONG_RUN_LINES,
                     LONG_RUN_SHORT_SHARE, NAV_LABELS_INSIDE_LEAST, NAV_LABELS_LEAST, NAV_SHARE, PARAGRAPH_LEAST_WORDS, PROSE_LEAST_WORDS,
                     PROSE_LONG_WORDS, RUN_SENTENCE_WORDS, SHORT_LINE_CHARS, SHORT_LINE_WORDS, TITLE_LINE_WORDS,
                     TITLE_LINES_KEPT)

RULES = {
    "blocks/nav_run": "a run of menu, footer and headline lines at the page's head or tail, "
                      "with navigation labels among them (normalize/leftovers/blocks.py)",
    "blocks/headline_run": "the headlines under a block heading (Related, Most read, More stories) "
                           "at the page's head or tail (normalize/leftovers/blocks.py)",
}
NAV_RUN = "blocks/nav_run"
HEADLINE_RUN = "blocks/headline_run"
# The block headings whose boxes list other stories; "See also", "External
# links" and "Further reading" list a reference work's sources, which an
# extractor's article text keeps (they go only at the very end, as before).
STORY_BOXES = frozenset({"teaser/label", "read_more/related"})

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
LABEL_EDGES_RE = regex.compile(r"""^[\s\-–—*•·▪►▸›»>|/]+|[\s\-–—*•·▪►▸›»>|/:.…]+\Z|\s*[(\[]\d{1,6}[)\]]\Z""")


@lru_cache(maxsize=1)
def nav_labels() -> frozenset[str]:
    return frozenset(label.lower() for label in builtin_lists()["nav_labels"])


def _words(line: str) -> int:
    return len(line.split()) + len(CJK_RE.findall(line)) // 2


def _is_prose(line: str) -> bool:
    words = _words(line)
    return (words >= PROSE_LEAST_WORDS and STOP_RE.search(line) is not None) or words >= PROSE_LONG_WORDS


def _is_paragraph(line: str) -> bool:
    """A line of an article's body: prose of some length (a menu's blurbs
    and an ad's pitch are a sentence of a dozen words)."""
    words = _words(line)
    return (words >= PARAGRAPH_LEAST_WORDS and STOP_RE.search(line) is not None) or words >= PROSE_LONG_WORDS


def _is_label(line: str) -> bool:
    return " ".join(LABEL_EDGES_RE.sub("", line).lower().split()) in nav_labels()


def _is_short(line: str) -> bool:
    return (_words(line) <= SHORT_LINE_WORDS and len(line) <= SHORT_LINE_CHARS and not STOP_RE.search(line)
            and LETTER_RE.search(line) is not None and CODE_RE.search(line) is None)


def _joins(line: str) -> bool:
    """Whether a line may sit in a run of furniture: short or title-like,
    with a letter; not code, not a sentence of a few words ("Sony's
    PlayStation VR.", a caption)."""
    words = _words(line)
    return (words <= TITLE_LINE_WORDS and LETTER_RE.search(line) is not None and CODE_RE.search(line) is None
            and not _is_prose(line) and not (words >= RUN_SENTENCE_WORDS and FULL_STOP_RE.search(line)))


def _wrapped(text: str, trimmed: list, index: int, found: dict) -> bool:
    """Whether line `index` goes on a sentence from a line of some length
    before it: part of a paragraph, not a menu item."""
    before = next((i for i in range(index - 1, -1, -1) if trimmed[i] is not None), None)
    if before is None or _words(text[trimmed[before][0] : trimmed[before][1]]) <= SHORT_LINE_WORDS:
        return False
    return inside_sentence(text, trimmed, index, found)


def _article(text: str, trimmed: list, found: dict) -> tuple[int, int] | None:
    """The first and last line of the article: from the first to the last
    cluster of prose lines that holds `ARTICLE_SHARE` of the largest one's
    prose or more; None if the text has no prose line."""
    clusters = []  # [first line, last line, characters of prose]
    gap = 0
    for index, span in enumerate(trimmed):
        if span is None:
            continue
        line = text[span[0] : span[1]]
        if index in found or not _is_paragraph(line):
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


def furniture_runs(text: str, trimmed: list, found: dict) -> dict[int, str]:
    """The lines of runs of furniture, each with the rule that takes it: in
    the head and the tail, and, with more labels, inside the article."""
    article = _article(text, trimmed, found)
    if article is None:
        return {}
    lines = [i for i, span in enumerate(trimmed) if span is not None]
    zones = (
        ([i for i in lines if i < article[0]], "head"),
        ([i for i in lines if article[0] <= i <= article[1]], "article"),
        ([i for i in lines if i > article[1]], "tail"),
    )
    # Lines the article writes: a table of contents before it repeats its
    # headings, a menu does not.
    inside = {text[trimmed[i][0] : trimmed[i][1]] for i in zones[1][0]}
    taken: dict[int, str] = {}
    for zone, where in zones:
        run: list[int] = []
        for index in zone + [None]:
            span = trimmed[index] if index is not None else None
            if span is not None and (index in found or (
                    _joins(text[span[0] : span[1]]) and not _wrapped(text, trimmed, index, found)
                    and (where == "article" or _words(text[span[0] : span[1]]) < 2
                         or text[span[0] : span[1]] not in inside))):
                run.append(index)
                continue
            if run:
                edge = (where == "head" and run[0] == zone[0]) or (where == "tail" and index is None)
                taken.update(_furniture(text, trimmed, found, run, where, edge))
            run = []
    return taken


def _furniture(text: str, trimmed: list, found: dict, run: list[int], where: str, edge: bool) -> dict[int, str]:
    """The lines of `run` that go, with their rule: in the head or tail, the
    lines under a block heading some rule claims ("Most read"); when the run
    reads as navigation, from its first menu line (a label, a short line, a
    line a rule claims) to its last, and on to the text's edge when `edge`:
    a headline between the menu and the article stays."""
    labels = short = 0
    evidence = []
    taken: dict[int, str] = {}
    heading = None  # the latest block heading met, and how many lines it took
    for index in run:
        line = text[trimmed[index][0] : trimmed[index][1]]
        rule = found.get(index)
        if rule is not None and rule.name in STORY_BOXES and where != "article":
            heading = [index, 0]
        elif heading is not None and rule is None and heading[1] < BLOCK_MAX_LINKS:
            taken[index] = HEADLINE_RUN
            heading[1] += 1
        if _is_label(line):
            labels += 1
            evidence.append(index)
        elif rule is not None:
            evidence.append(index)
        elif _is_short(line):
            short += 1
            evidence.append(index)
    if where == "article":
        least = NAV_LABELS_INSIDE_LEAST
    elif len(run) >= LONG_RUN_LINES and short >= LONG_RUN_SHORT_SHARE * len(run):
        least = LONG_RUN_LABELS_LEAST
    else:
        least = NAV_LABELS_LEAST
    if labels < least or labels + short < NAV_SHARE * len(run):
        return taken
    first, last = run.index(evidence[0]), run.index(evidence[-1])
    if where == "head":
        last = _before_titles(text, trimmed, found, run, last, -1)
    elif where == "tail":
        first = _before_titles(text, trimmed, found, run, first, 1)
    if edge:
        first, last = (0, last) if where == "head" else (first, len(run) - 1)
    return {**{index: NAV_RUN for index in run[first : last + 1]}, **taken}


def _before_titles(text: str, trimmed: list, found: dict, run: list[int], end: int, step: int) -> int:
    """Where a run's side toward the article ends, from `end` back (step -1)
    or forward (step 1) to its last label or claimed line: before any
    title-like line among the `TITLE_LINES_KEPT` lines there (a headline, a
    caption, a byline stay with the article the menu leads to)."""
    position, kept = end, end
    while 0 <= position < len(run) and abs(position - end) < TITLE_LINES_KEPT:
        index = run[position]
        line = text[trimmed[index][0] : trimmed[index][1]]
        if index in found or _is_label(line):
            break
        if not _is_short(line):
            kept = position + step
        position += step
    return kept
