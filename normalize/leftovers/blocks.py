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

from .markup import RULES as MARKUP_RULES
from .shapes import article_span, is_label, is_short, joins, word_count, wrapped
from .tuning import (BLOCK_MAX_LINKS, LONG_RUN_LABELS_LEAST, LONG_RUN_LINES, LONG_RUN_SHORT_SHARE,
                     NAV_LABELS_INSIDE_LEAST, NAV_LABELS_LEAST, NAV_SHARE, TITLE_LINES_KEPT)

# The rules of the passes written in Python (block evidence, threads, streams, stray markup).
RULES = {
    "blocks/nav_run": "a run of menu, footer and headline lines at the page's head or tail, "
                      "with navigation labels among them (normalize/leftovers/blocks.py)",
    "blocks/headline_run": "the headlines under a block heading (Related, Most read, More stories) "
                           "at the page's head or tail (normalize/leftovers/blocks.py)",
    "blocks/comment_thread": "the comment thread after the article, told by its entries' heads, buttons and "
                             "anonymous names (normalize/leftovers/threads.py)",
    "blocks/gallery": "a gallery's numbered captions, under its title or with agency credits "
                      "(normalize/leftovers/streams.py)",
    "blocks/teaser_stream": "other stories' teasers cut off mid-sentence at the text's end "
                            "(normalize/leftovers/streams.py)",
    **MARKUP_RULES,
}
NAV_RUN = "blocks/nav_run"
HEADLINE_RUN = "blocks/headline_run"
# The block headings whose boxes list other stories; "See also", "External
# links" and "Further reading" list a reference work's sources, which an
# extractor's article text keeps (they go only at the very end, as before).
STORY_BOXES = frozenset({"teaser/label", "read_more/related"})

def furniture_runs(text: str, trimmed: list, found: dict) -> dict[int, str]:
    """The lines of runs of furniture, each with the rule that takes it: in
    the head and the tail, and, with more labels, inside the article."""
    article = article_span(text, trimmed, found)
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
                    joins(text[span[0] : span[1]]) and not wrapped(text, trimmed, index, found)
                    and (where == "article" or word_count(text[span[0] : span[1]]) < 2
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
        if is_label(line):
            labels += 1
            evidence.append(index)
        elif rule is not None:
            evidence.append(index)
        elif is_short(line):
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
    title-like line there (a headline, a caption, a byline stay with the
    article the menu leads to; before the article, among its
    `TITLE_LINES_KEPT` lines: a longer stretch of headlines above it is a box
    of other stories)."""
    position, kept = end, end
    while 0 <= position < len(run) and (step > 0 or abs(position - end) < TITLE_LINES_KEPT):
        index = run[position]
        line = text[trimmed[index][0] : trimmed[index][1]]
        if index in found or is_label(line):
            break
        if not is_short(line):
            kept = position + step
        position += step
    return kept
