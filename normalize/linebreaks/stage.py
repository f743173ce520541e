"""The stage `rejoin_lines`: words and paragraphs broken across lines, made whole.

`hyphens` reads each hyphen at a line end (a word's hyphenation, or a
compound's own hyphen) and removes soft hyphens inside words; with
`Config(unwrap=True)`, `unwrap` joins the lines of hard-wrapped paragraphs,
read in the text the hyphen rules make (as cleaning it again reads them).
Every span refers to the stage's input, and no two overlap.

The stage runs after `remove_leftovers` (a leftover is known by its own line,
which unwrapping would hide in a paragraph) and before `rejoin_words` and
`split_words`, which would read a word's two halves as damage (`elec-\\ntorate`
-> `elec-to rate`) and should read a paragraph as it will come out.
"""
from __future__ import annotations

from bisect import bisect_right

from ..config import Config
from ..edits import Edit, replace_spans
from . import hyphens, unwrap

STAGE = "rejoin_lines"

# rule id -> what it changes (an edit's `rule`, the `--explain` label, the heading in the docs).
RULES = {
    hyphens.JOINED: "a hyphen at a line end that only broke a word: inter-\\nnational -> international\\n",
    hyphens.COMPOUND: "a line break after a hyphen that belongs to the word: well-\\nknown -> well-known\\n",
    hyphens.SOFT: "a soft hyphen (U+00AD) inside a word, removed",
    unwrap.RULE: "with unwrap, a line break inside a hard-wrapped paragraph: a space (nothing after a hyphen)",
}


def rejoin_lines(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Rejoin the words broken at line ends and, with `config.unwrap`, the
    lines of hard-wrapped paragraphs. Removes nothing but whitespace, a hyphen
    at a line end and soft hyphens; never acts across a blank line."""
    if "\n" not in text and hyphens.SOFT_HYPHEN not in text:
        return text, []
    spans = hyphens.soft_hyphens(text)
    for hyphen in hyphens.hyphen_breaks(text):
        if hyphen.rule is not None:
            start = hyphen.mark if hyphen.rule == hyphens.JOINED else hyphen.mark + 1
            spans.append((start, hyphen.gap_end, "", hyphen.rule))
            spans += _moved_break(text, hyphen)
    spans.sort()
    if config.unwrap:
        spans = _unwrapped(text, spans)
    return replace_spans(text, STAGE, spans)


def _unwrapped(text: str, spans: list) -> list:
    """`spans` with the line breaks of hard-wrapped paragraphs joined. The
    paragraphs are read in the text the hyphen rules make (as cleaning it
    again will read them); a line break they moved is simply not put in."""
    joined_text, _ = replace_spans(text, STAGE, spans)
    # Each span's place in the new text: [start, end), and how far the text after it has moved.
    places, shift = [], 0
    for start, end, inserted, _ in spans:
        places.append((start + shift, start + shift + len(inserted), shift + len(inserted) - (end - start)))
        shift += len(inserted) - (end - start)
    ends = [place[1] for place in places]
    dropped, found = set(), []
    for wrap in unwrap.wrapped_breaks(joined_text):
        k = bisect_right(ends, wrap.newline)
        if k < len(places) and places[k][0] <= wrap.newline < places[k][1]:
            dropped.add(k)  # a line break a hyphen rule moved: not put in
            continue
        joiner = "" if _ends_in_hyphen(joined_text, wrap.content_end) else " "
        start, end = _to_input(wrap.content_end, places, ends), _to_input(wrap.next_start, places, ends)
        found.append((start, end, joiner, unwrap.RULE))
    return sorted([span for k, span in enumerate(spans) if k not in dropped] + found)


def _to_input(pos: int, places: list, ends: list) -> int:
    """Where `pos` of the text the spans make is in their input (`pos` lies in no span's inserted text)."""
    k = bisect_right(ends, pos) - 1
    return pos if k < 0 else pos - places[k][2]


def _ends_in_hyphen(text: str, end: int) -> bool:
    """Whether the line ending at `end` ends in a hyphen after a letter (Kos-\ntas -> Kos-tas)."""
    return end >= 2 and text[end - 1] == "-" and text[end - 2].isalpha()


def _moved_break(text: str, hyphen: hyphens.HyphenBreak) -> list[tuple[int, int, str, str]]:
    """The span that moves a rejoined word's line break to the spaces after
    it, so that the text keeps its lines (none where a line end follows the
    word already, or the text ends; nor after a word that ends in a hyphen,
    `A-\nA- A`, where the moved break would be a line-end hyphen of its own
    and cleaning again would join it)."""
    end = run_end = hyphen.word_end
    while run_end < len(text) and text[run_end] in " \t":
        run_end += 1
    if run_end == end or run_end == len(text) or text[run_end] == "\n" or text[end - 1] in "-\u00ad":
        return []
    return [(end, run_end, "\n", hyphen.rule)]
