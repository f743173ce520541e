"""Whole-line rules: which lines a line or block rule takes, the guard
against a rule that swallowed a sentence, and where a trailing block begins."""
from __future__ import annotations

import regex

from ..rules import Rule
from .dispatch import HEAD_RE, CompiledRules, allows, line_rules_for
from .prose import SENTENCE_BREAK_RE, SENTENCE_END_RE, SENTENCE_STOP_RE, inside_sentence, reads_as_clause, reads_as_prose
from .tuning import BLOCK_MAX_LINKS, CLAUSE_LEAST_WORDS, LINK_MAX_LENGTH, SWALLOWED_CHARS, SWALLOWED_WORDS


# A list item's bullet and the space after it, before some text.
BULLET_RE = regex.compile(r"[-*•·▪◦–][ \t]+(?=\S)")


def split_lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int] | None]]:
    """Each line's span, and its span without its outer whitespace (None for
    a blank line)."""
    spans, trimmed = [], []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        spans.append((pos, end))
        stripped = line.lstrip()
        if stripped:
            start = end - len(stripped)
            trimmed.append((start, start + len(stripped.rstrip())))
        else:
            trimmed.append(None)
        pos = end + 1
    return spans, trimmed


def whole_lines(rules: CompiledRules, text: str, trimmed: list, language) -> dict[int, Rule]:
    """The first line or block rule that takes each line, if any (whatever
    its `where`), but for lines wrapped inside a sentence of the article.
    A line meets only the rules its head lets in, its length allows, its
    keys, if the rule has some, let through, and the text's language
    (`language()`, asked only of a rule for some languages) allows."""
    found = {}
    longest = rules.longest
    for index, span in enumerate(trimmed):
        if span is None or span[1] - span[0] > longest:
            continue
        start, end = span
        # A list item's bullet ("- Share", "• 941 comments", as trafilatura
        # writes lists) is no part of what the rules read.
        bullet = BULLET_RE.match(text, start, end)
        if bullet:
            start = bullet.end()
        length = end - start
        lowered = None  # the line lower-cased, once, for the keys
        for rule, max_length, keys, fullmatch in line_rules_for(rules, HEAD_RE.match(text, start, end).group()):
            if length > max_length:
                continue
            if keys:
                lowered = lowered if lowered is not None else text[start:end].lower()
                for key in keys:
                    if key in lowered:
                        break
                else:
                    continue
            if not allows(rule, language):
                continue
            if fullmatch(text, start, end) and not (
                rule.prose_guard and (reads_as_prose(text[start:end], rule.max_sentences)
                                      or _swallows_a_sentence(rules, fullmatch, text, start, end, language))
            ):
                found[index] = rule
                break
    return {i: rule for i, rule in found.items() if not inside_sentence(text, trimmed, i, found)}


def _swallows_a_sentence(rules: CompiledRules, fullmatch, text: str, start: int, end: int, language) -> bool:
    """Whether the line text[start:end], which `fullmatch` takes whole, holds
    at its start or end a sentence of the article that the match swallowed:
    a clause of a few words or more ("The prize went to Adam Smith." before
    "Photo: VNA"), or a long sentence the rule also does without, that no rule
    takes alone. The line then stays; edge rules take its furniture."""
    breaks = list(SENTENCE_BREAK_RE.finditer(text, start, end))
    if not breaks:
        return False
    ends = ((start, breaks[0].start(), breaks[0].end(), end), (breaks[-1].end(), end, start, breaks[-1].start()))
    for sentence_start, sentence_end, rest_start, rest_end in ends:
        sentence = text[sentence_start:sentence_end]
        words = len(sentence.split())
        long_one = (sentence_end - sentence_start >= SWALLOWED_CHARS and words >= SWALLOWED_WORDS
                    and fullmatch(text, rest_start, rest_end))
        clause = words >= CLAUSE_LEAST_WORDS and SENTENCE_STOP_RE.search(sentence) and reads_as_clause(sentence)
        if (long_one or clause) and not _taken_whole(rules, text, sentence_start, sentence_end, language):
            return True
    return False


def _taken_whole(rules: CompiledRules, text: str, start: int, end: int, language) -> bool:
    """Whether some line rule takes text[start:end] as a line by itself."""
    head = HEAD_RE.match(text, start, end).group()
    return any(allows(rule, language) and fullmatch(text, start, end)
               for rule, _, _, fullmatch in line_rules_for(rules, head))


def block_start(text: str, trimmed: list, found: dict[int, Rule]) -> int:
    """Where the trailing block begins: the earliest block heading after which
    every line is a leftover or looks like a link; len(trimmed) if none."""
    block_from = len(trimmed)
    links = 0
    for index in range(len(trimmed) - 1, -1, -1):
        span = trimmed[index]
        if span is None:
            continue
        rule = found.get(index)
        if rule is not None and rule.shape == "block":
            block_from = index
        elif rule is None:
            links += 1
            line = text[span[0] : span[1]]
            if links > BLOCK_MAX_LINKS or len(line) > LINK_MAX_LENGTH or SENTENCE_END_RE.search(line):
                break
    return block_from
