"""The split kinds of one token: punctuation, a unit after a number, case
boundaries, letter runs, a word before a hyphenated prefix.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .case import _case_boundaries
from .joins import _domain_then_word, _hyphen_prefix_cut
from .numbers import _unit_then_word
from .punctuation import _punctuation_splits
from .runs import _prefixed_name_then_word, segment_run
from .shapes import (
    ACRONYM_THEN_WORD_RE, ATOM_RE, CONTRACTION_RE, GLUED_O_NAME_RE, ORDINAL_THEN_NAME_RE, POSSESSIVE_RE,
    UNTOUCHABLE_RE, _next_word,
)
from .tuning import FUNCTION_ZIPF, KNOWN_ZIPF, SAFE_ZIPF, WORD_ZIPF

if TYPE_CHECKING:
    from .evidence import _Document


def _word_splits(doc: _Document, word: str, sentence_start: bool = False, after_name: int = 0) -> list[tuple[int, str]]:
    """Spaces to insert inside one word atom (letters and inner apostrophes);
    `sentence_start` says the word opens a sentence."""
    if len(word) < 3:
        return []
    lower = word.lower().replace("’", "'")
    if lower in doc.model.protected:
        return []
    contraction = CONTRACTION_RE.match(word)
    if contraction and regex.search(r"s['’](?:re|ve|ll|d|m|t)\Z", contraction.group(1)):
        contraction = None  # Souness'remarks: a plural's apostrophe (see PUNCT_RE's plural_quote)
    if contraction:
        # it'snot, DEC'shosting: a contraction or possessive, then a word.
        head, rest = contraction.groups()
        # (Scotland'sLee: a possessive, then a name.)
        # (A long word may be rarer: it'sunderestimating.)
        least = WORD_ZIPF if len(rest) < 6 else KNOWN_ZIPF
        if rest[0].isupper() or rest == "a" or doc.known(rest, least) or segment_run(doc, rest):
            return [(len(head), "lowercase_join")] + [(len(head) + i, r) for i, r in _word_splits(doc, rest)]
        return []
    stem = word
    tail = POSSESSIVE_RE.search(word)
    if tail:
        stem = word[: tail.start()]
    if "'" in stem or "’" in stem:
        # (Where the text lost spaces elsewhere: else a user name, KevinO'Neill.)
        glued = GLUED_O_NAME_RE.match(stem)
        return [(glued.end(), "case_join")] if glued and (stem[0].islower() or doc.damaged()) else []
    whole_z = doc.vocab_zipf(lower)
    if whole_z is not None and whole_z >= SAFE_ZIPF:
        return []
    if stem.isupper():
        return []
    cases = _case_boundaries(doc, stem, lower, after_name)
    out: list[tuple[int, str]] = [(i, "case_join") for i in cases]
    edges = [0, *cases, len(stem)]
    for a, b in zip(edges, edges[1:]):
        chunk = stem[a:b]
        if chunk.isupper() or not chunk[1:].islower() and len(chunk) > 1:
            out += [(a + cut, "lowercase_join") for cut in _prefixed_name_then_word(doc, chunk)]
            continue
        for cut in segment_run(doc, chunk.lower(), chunk[0].isupper(), sentence_start and a == 0,
                               after_name and a == 0):
            out.append((a + cut, "lowercase_join"))
    return sorted(out)


def _token_splits(
    doc: _Document, token: str, place: tuple[bool, int], suspended: bool, quotes: tuple[str, ...]
) -> list[tuple[int, str]]:
    starts_sentence, after_name = place
    if UNTOUCHABLE_RE.search(token):
        cut = _domain_then_word(doc.model, token)
        return [(cut, "punctuation_join")] if cut and doc.damaged() else []
    if "/" in token and not doc.damaged():
        return []  # one slash: prose or a path, which only a text that lost spaces elsewhere tells apart
    out = _punctuation_splits(doc, token, suspended, quotes)
    cuts = {at for at, _ in out}
    for m in ATOM_RE.finditer(token):
        if m.lastgroup == "word" and m.start() and token[m.start() - 1].isdigit():
            # 268bnpaid, 1500mrecord: a unit after a number, then a word;
            # 21stCentury: an ordinal, then a capitalised word. (1800GMT is
            # left: news writes it both ways.)
            # (1800GMTto: an acronym unit, then a function word.)
            size = _unit_then_word(doc, m.group(), token[m.start() - 1] == "0")
            ordinal = ORDINAL_THEN_NAME_RE.match(m.group())
            unit = ACRONYM_THEN_WORD_RE.match(m.group())
            if size:
                out.append((m.start() + size, "punctuation_join"))
            elif ordinal:
                out.append((m.start() + ordinal.end(), "punctuation_join"))
            elif unit and (doc.zipf(unit.group(2)) or 0.0) >= FUNCTION_ZIPF:
                out.append((m.start() + unit.end(1), "case_join"))
            continue
        if m.lastgroup == "word":
            opens = m.start() in cuts or (starts_sentence and not token[: m.start()].strip("\"“‘'("))
            found = _word_splits(doc, m.group(), opens, after_name if not m.start() else 0)
            if not found and token[m.end() : m.end() + 1] == "-":
                cut = _hyphen_prefix_cut(doc.model, m.group(), _next_word(token, m.end() + 1))
                found = [(cut, "lowercase_join")] if cut else []
            out += [(m.start() + i, rule) for i, rule in found]
    return out
