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
    for rule, match in _met(starts, lambda: text[start:head_end].lower(), language):
        found = match(text, start, head_end)
        if found and found.end() > start:
            keep_from = found.end()
            spans.append((start, keep_from, "", rule.name))
            break
    tail_start = max(keep_from, end - EDGE_WINDOW)
    for rule, search in _met(ends, lambda: text[tail_start:end].lower(), language):
        found = search(text, tail_start, end)
        if found and found.start() < end:
            keep_to = found.start()
            spans.append((keep_to, end, "", rule.name))
            break
    if not inlines or keep_from >= keep_to:
        return spans
    hits = []
    for rule, finditer in _met(inlines, lambda: lower(text[keep_from:keep_to]), language):
        hits += [(m.start(), m.end(), rule.name) for m in finditer(text, keep_from, keep_to)]
    taken = keep_from
    for m_start, m_end, name in sorted(hits):
        if m_start >= taken and m_end > m_start:
            spans.append((m_start, m_end, "", name))
            taken = m_end
    return spans


def _met(rules: tuple, piece, language):
    """(rule, method) for each of `rules` whose keys the lower-cased piece
    holds (`piece()`, lower-cased when a rule first asks) and whose languages
    allow the text's."""
    lowered = None
    for rule, keys, method in rules:
        if keys:
            if lowered is None:
                lowered = piece()
            if not holds_key(keys, lowered):
                continue
        if allows(rule, language):
            yield rule, method
