"""Edge rules: what the line_start, line_end and inline rules remove from a
line that otherwise stays."""
from __future__ import annotations

from ..casing import lower
from .dispatch import allows, holds_key
from .tuning import EDGE_WINDOW


def edge_spans(starts: tuple, ends: tuple, inlines: tuple, text: str, start: int, end: int, language) -> list:
    """What the line_start, line_end and inline rules given remove from one
    kept line (a rule for some languages, if the text's `language()` is one)."""
    spans = []
    keep_from, keep_to = start, end
    head_end = min(end, start + EDGE_WINDOW)
    lowered = None  # the line's head, lower-cased once for the keys
    for rule, keys, match in starts:
        if keys:
            lowered = lowered if lowered is not None else text[start:head_end].lower()
            if not holds_key(keys, lowered):
                continue
        if not allows(rule, language):
            continue
        found = match(text, start, head_end)
        if found and found.end() > start:
            keep_from = found.end()
            spans.append((start, keep_from, "", rule.name))
            break
    tail_start = max(keep_from, end - EDGE_WINDOW)
    lowered = None  # now the line's tail
    for rule, keys, search in ends:
        if keys:
            lowered = lowered if lowered is not None else text[tail_start:end].lower()
            if not holds_key(keys, lowered):
                continue
        if not allows(rule, language):
            continue
        found = search(text, tail_start, end)
        if found and found.start() < end:
            keep_to = found.start()
            spans.append((keep_to, end, "", rule.name))
            break
    if not inlines or keep_from >= keep_to:
        return spans
    hits = []
    lowered = None  # now what is kept of the line
    for rule, keys, finditer in inlines:
        if keys:
            lowered = lowered if lowered is not None else lower(text[keep_from:keep_to])
            if not holds_key(keys, lowered):
                continue
        if not allows(rule, language):
            continue
        hits += [(m.start(), m.end(), rule.name) for m in finditer(text, keep_from, keep_to)]
    taken = keep_from
    for m_start, m_end, name in sorted(hits):
        if m_start >= taken and m_end > m_start:
            spans.append((m_start, m_end, "", name))
            taken = m_end
    return spans
