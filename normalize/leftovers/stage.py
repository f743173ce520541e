"""The stage function: which lines go whole, which lose an edge, and the
edits that say so."""
from __future__ import annotations

from ..config import Config
from ..edits import Edit, replace_spans
from .blocks import furniture_runs
from .streams import gallery, teaser_stream
from .threads import comment_thread
from .dispatch import TAIL_RE, compiled, edge_rules_in, end_rules_for
from .language import language_on_demand
from .edges import edge_spans
from .lines import block_start, split_lines, whole_lines
from .markup import is_page, shows_page, stray_markup
from .tuning import KEY_STRETCH

STAGE = "remove_leftovers"


def remove_leftovers(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Remove the leftovers the rules recognise from `text`, and nothing else.

    Never removes a line that reads as article text, and never changes a
    character it does not remove.
    """
    rules = compiled(config)
    language = language_on_demand(text)
    lines, trimmed = split_lines(text)
    found = whole_lines(rules, text, trimmed, language)
    count = len(lines)
    block_from = block_start(text, trimmed, found)
    runs = {**furniture_runs(text, trimmed, found), **comment_thread(text, trimmed, found),
            **gallery(text, trimmed, found), **teaser_stream(text, trimmed, found)}
    removed: dict[int, str] = {}
    for index in range(block_from, count):
        if trimmed[index] is not None:
            removed[index] = (found.get(index) or found[block_from]).name
    # The trailing run: the block, and the leftover and blank lines before it.
    tail_from = block_from
    while tail_from > 0 and (trimmed[tail_from - 1] is None or tail_from - 1 in found or tail_from - 1 in runs):
        tail_from -= 1
    for index, rule in found.items():
        if rule.where != "tail" or index >= tail_from:
            removed[index] = rule.name
    for index, name in runs.items():
        removed.setdefault(index, name)

    last_kept = next((i for i in range(count - 1, -1, -1) if trimmed[i] is not None and i not in removed), None)
    markup = "<" in text and not is_page(text)  # (an HTML page given as text is left as it is)
    example = False  # inside a block of lines that shows HTML (after "like this:", or a page's <html>)
    after_colon = False  # the last line that is not blank ends with a colon
    spans = []
    stretch_end = -1  # the end of the stretch of lines whose keys were looked for
    for index, (start, end) in enumerate(lines):
        if end > stretch_end:
            # Keys are looked for a stretch of lines at a time: a key somewhere
            # in a long text sends only the lines near it through the edge rules.
            stretch_end = text.find("\n", start + KEY_STRETCH)
            stretch_end = len(text) if stretch_end < 0 else stretch_end
            starts, last_starts, inlines = edge_rules_in(rules, text, start, stretch_end)
        if index in removed:
            # A removed line takes its own newline with it; in the trailing
            # run, the one before it, so that the text ends where the article does.
            if index < tail_from:
                spans.append((start, min(end + 1, len(text)), "", removed[index]))
            else:
                spans.append((max(start - 1, 0), end, "", removed[index]))
        elif trimmed[index] is not None:
            # Most kept lines meet no edge rule at all: their tail ends none,
            # and the text holds no key of a line_start or inline rule.
            kept_from, kept_to = trimmed[index]
            line_starts = last_starts if index == last_kept else starts
            ends, last_ends = end_rules_for(rules, TAIL_RE.match(text, kept_from, kept_to).group())
            line_ends = last_ends if index == last_kept else ends
            line_spans = []
            if line_starts or line_ends or inlines:
                line_spans = edge_spans(line_starts, line_ends, inlines, text, kept_from, kept_to, language)
            if markup and text.find("<", kept_from, kept_to) >= 0:
                example = example or after_colon or shows_page(text, kept_from, kept_to)
                if not example:
                    line_spans += [span for span in stray_markup(text, kept_from, kept_to)
                                   if not any(span[0] < other[1] and other[0] < span[1] for other in line_spans)]
            spans += line_spans
        if trimmed[index] is None:
            example = False  # an example ends at a blank line
        else:
            after_colon = text[trimmed[index][1] - 1] == ":"
    spans.sort()
    if spans and _leaves_nothing(text, spans):
        # A text that is nothing but "leftovers" ("OK", "Share") is what the
        # user gave: emptying it would lose the only words there are.
        return text, []
    return replace_spans(text, STAGE, spans)


def _leaves_nothing(text: str, spans) -> bool:
    kept, pos = [], 0
    for start, end, _inserted, _rule in spans:
        kept.append(text[pos:start])
        pos = max(pos, end)
    kept.append(text[pos:])
    return not "".join(kept).strip()
