"""Streams of other content a page shows beside the article: a gallery's
numbered captions, and a run of other stories' teasers cut off mid-sentence.
Both are prose, told by what frames them, never by their words alone.

A gallery: `GALLERY_ITEMS_LEAST` lines or more that open with a counter of
the same total ("1/50", "2/50", "3 of 12"), counting up, each at most
`GALLERY_GAP_LINES` lines after the one before; a gallery's title (a
player/gallery_title line) just before its first counter, or credits after a
third of its items or more (a line or a caption's end that names a photo
agency), tell it from a numbered thread of posts. Its lines go, from the
first counter to the last item's lines: blocks/gallery.

A teaser stream: `TEASER_ITEMS_LEAST` long lines or more (`TEASER_LEAST_WORDS`
words) at the text's end, one after another, two thirds of them cut off
without a closing stop, after an article whose paragraphs end in one:
blocks/teaser_stream.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..rules import builtin_lists
from .shapes import STOP_RE, is_paragraph, word_count
from .tuning import (GALLERY_CREDIT_SHARE, GALLERY_GAP_LINES, GALLERY_ITEMS_LEAST, TEASER_CUT_SHARE,
                     TEASER_ITEMS_LEAST, TEASER_LEAST_WORDS, THREAD_AFTER_PARAGRAPHS)

GALLERY = "blocks/gallery"
TEASERS = "blocks/teaser_stream"
GALLERY_TITLES = frozenset({"player/gallery_title", "player/gallery_title_intl"})
# A gallery item's counter at the start of its line, after any bullet: "1/50", "12 of 30".
COUNTER_RE = regex.compile(r"[-*•·]?\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b")


@lru_cache(maxsize=1)
def _credit_re():
    """A photo agency's name closing a line (case as the list writes it)."""
    return regex.compile(r"(?:\L<agencies>|IMAGES|Images|Photo|PHOTO)\W{0,3}\Z", agencies=builtin_lists()["agencies"])


def gallery(text: str, trimmed: list, found: dict) -> dict[int, str]:
    """The lines of numbered galleries' captions."""
    lines = [i for i, span in enumerate(trimmed) if span is not None]
    taken: dict[int, str] = {}
    items: list[tuple[int, int, int]] = []  # (position, count, total) of the current gallery's counters
    for position, index in enumerate(lines + [None]):
        counter = None
        if index is not None:
            counter = COUNTER_RE.match(text, trimmed[index][0], trimmed[index][1])
        last = items[-1] if items else None
        if counter:
            count, total = int(counter.group(1)), int(counter.group(2))
            if last and total == last[2] and count == last[1] + 1 and position - last[0] <= GALLERY_GAP_LINES:
                items.append((position, count, total))
                continue
        elif last and index is not None and position - last[0] <= GALLERY_GAP_LINES:
            continue  # a caption or a credit of the latest item
        if len(items) >= GALLERY_ITEMS_LEAST and _framed(text, trimmed, found, lines, items):
            # The last item is as long as the longest before it.
            span = max(b[0] - a[0] for a, b in zip(items, items[1:]))
            end = _item_end(text, trimmed, lines, items[-1][0], min(items[-1][0] + span, position) - 1)
            taken.update({lines[p]: GALLERY for p in range(items[0][0], end + 1)})
        items = []
        if counter and int(counter.group(1)) == 1 and int(counter.group(2)) >= GALLERY_ITEMS_LEAST:
            items = [(position, 1, int(counter.group(2)))]
    return taken


def _item_end(text: str, trimmed: list, lines: list[int], start: int, end: int) -> int:
    """The last line of a gallery's last item: its caption and credit, up to
    the next paragraph of some length that is no caption's (the article's)."""
    for position in range(start + 1, end + 1):
        span = trimmed[lines[position]]
        if is_paragraph(text[span[0] : span[1]]) and position > start + 1:
            return position - 1
    return end


def _framed(text: str, trimmed: list, found: dict, lines: list[int], items: list) -> bool:
    """Whether a numbered run is a gallery: a gallery title just before it, or
    agency credits closing a share of its items' lines."""
    first = items[0][0]
    for position in range(max(0, first - GALLERY_GAP_LINES), first):
        rule = found.get(lines[position])
        if rule is not None and rule.name in GALLERY_TITLES:
            return True
    credits = 0
    for n, (position, _, _) in enumerate(items):
        stop = items[n + 1][0] if n + 1 < len(items) else min(position + GALLERY_GAP_LINES, len(lines))
        credits += any(_credit_re().search(text, trimmed[lines[p]][0], trimmed[lines[p]][1]) for p in range(position, stop))
    return credits >= GALLERY_CREDIT_SHARE * len(items)


def teaser_stream(text: str, trimmed: list, found: dict) -> dict[int, str]:
    """The long lines cut off mid-sentence that end the text, when they are
    other stories' teasers."""
    lines = [i for i, span in enumerate(trimmed) if span is not None and i not in found]
    run: list[int] = []
    for index in reversed(lines):
        line = text[trimmed[index][0] : trimmed[index][1]]
        if word_count(line) < TEASER_LEAST_WORDS:
            break
        run.append(index)
    if len(run) < TEASER_ITEMS_LEAST:
        return {}
    cut = sum(1 for i in run if not STOP_RE.search(text, trimmed[i][0], trimmed[i][1]))
    if cut < TEASER_CUT_SHARE * len(run):
        return {}
    before = [i for i in lines if i < run[-1]]
    ended = sum(1 for i in before if is_paragraph(text[trimmed[i][0] : trimmed[i][1]])
                and STOP_RE.search(text, trimmed[i][0], trimmed[i][1]))
    if ended < THREAD_AFTER_PARAGRAPHS:
        return {}
    return {i: TEASERS for i in run}
