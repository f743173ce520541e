"""Which rules a line can meet: a config's rules compiled and grouped, and
the dispatch by a line's head (line rules), its tail (line_end rules) and
the keys a stretch of text holds (line_start and inline rules). Dispatch
only saves work: a line meets every rule that could take it.

Which rules a head (tail) lets in is learnt by partial matching, a few
microseconds a rule and head, and remembered: a text seen first pays for
its new heads, so a rule that would let nearly every head in skips the test,
and the heads of common words are known ahead (`heads`)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from ..casing import lower
from ..config import Config
from ..rules import Rule, rules_for
from .tuning import HEADS_REMEMBERED

# A line only meets the line rules that can start with its head: up to six
# letters of its first word, any punctuation before them and up to two
# letters of the next word ("Share", "(AFP", "— Reute", "The mi"), as regex's
# partial matching tells, remembered since heads repeat (The, In ...). A head
# ends after a letter, where a word boundary holds whatever comes next, so
# the partial match is never refused for want of the next character; so do
# the shorter heads a new head is narrowed from (`_shorter_head`).
HEAD_RE = regex.compile(r"\W{0,4}\w{1,6}(?:\s+\w{1,2})?|.{1,4}", regex.DOTALL)
WORD_RE = regex.compile(r"\w")
# Likewise a line meets only the line_end rules that can end with its tail:
# up to three letters of its last word and any punctuation after them
# ("aid.", "VNA", "rce:"), as a partial match of the reversed pattern tells.
# The tail starts before a letter, where a word boundary holds whatever came
# before, or after punctuation that follows more punctuation; so the partial
# match is never refused for want of the character before it.
TAIL_RE = regex.compile(r"(?r)\w{1,3}\W{0,4}\Z|.{1,4}\Z", regex.DOTALL)
# Heads and tails no built-in rule's words start or end with: a symbol, a
# capitalised non-word. A rule that can start (end) with one of them can
# start (end) with nearly anything (`[^\n]{0,200}`, any capitalised name):
# learning its heads would cost more than trying it on every line.
UNUSUAL_EDGES = ("\u2603", "Xqzj")
# The letters a capital sigma lowers to, by what follows it.
SIGMAS = frozenset("σς")


@dataclass(frozen=True)
class CompiledRules:
    """A config's rules arranged for running, each group in pack order."""

    # line and block rules: (rule, max_length, keys, fullmatch)
    lines: tuple
    longest: int  # no line rule looks at a longer line
    head_tested: tuple  # the line rules whose heads are tested (the others meet every head)
    # head -> ((the line rules it can start,), the head_tested among them);
    # learnt as met, or ahead (`heads`), and remembered (see `_learner`)
    heads: Callable[[str], tuple]
    # edge rules: (rule, keys, method); the last_ groups add the "last" rules
    starts: tuple
    ends: tuple
    last_starts: tuple
    last_ends: tuple
    inlines: tuple
    tails: Callable[[str], tuple]  # tail -> ((the ends, the last_ends it can end), the tested among them)
    edge_keys: tuple  # the keys of the line_start and inline rules


def _can_start_with(rule: Rule, head: str) -> bool:
    """Whether a match of the rule can start with `head` (never asked of the
    rules `_on_every_edge` lets through)."""
    return rule.pattern.fullmatch(head, partial=True) is not None


def _can_end_with(rule: Rule, tail: str) -> bool:
    """Whether a match of a line_end rule can end with `tail`: its reversed
    pattern, run back from the tail's end, matches or runs out of tail."""
    return rule.pattern.search(tail, partial=True) is not None


def _on_every_edge(rule: Rule, can_meet) -> bool:
    """Whether the head (tail) dispatch lets the rule through whatever the
    line's head (tail), `can_meet` being its test: a user rule, which runs
    with a timeout where this test has none; a pattern with `\\B`, which a
    head cut inside a word does not meet as the line would; a rule that can
    start (end) with nearly anything."""
    return rule.checked or "\\B" in rule.source_pattern or any(can_meet(rule, unusual) for unusual in UNUSUAL_EDGES)


@lru_cache(maxsize=16)
def compiled(config: Config) -> CompiledRules:
    """The rules of `config` grouped for running. A rule for some languages
    only is among them: where a line meets it, `allows` asks the text's
    language."""
    from .heads import learnt_ahead  # (here, so that `python -m normalize.leftovers.heads` runs it first)

    rules = rules_for(config)

    def edge(shape: str, how: str, where: tuple[str, ...]) -> tuple:
        return tuple((r, r.keys, r.method(how)) for r in rules if r.shape == shape and r.where in where)

    lines = [r for r in rules if r.shape in ("line", "block")]
    line_groups = (tuple((r, r.max_length, r.keys, r.method("fullmatch")) for r in lines),)
    end_groups = (edge("line_end", "search", ("any",)), edge("line_end", "search", ("any", "last")))
    head_tested = _tested(line_groups, _can_start_with)
    return CompiledRules(
        lines=line_groups[0],
        longest=max((r.max_length for r in lines), default=0),
        head_tested=head_tested,
        heads=_learner(line_groups, head_tested, _shorter_head, _can_start_with, learnt_ahead(head_tested)),
        starts=edge("line_start", "match", ("any",)),
        ends=end_groups[0],
        last_starts=edge("line_start", "match", ("any", "last")),
        last_ends=end_groups[1],
        inlines=edge("inline", "finditer", ("any",)),
        tails=_learner(end_groups, _tested(end_groups, _can_end_with), _shorter_tail, _can_end_with),
        edge_keys=tuple({key: None for r in rules if r.shape in ("line_start", "inline") for key in r.keys}),
    )


def allows(rule: Rule, language) -> bool:
    """Whether the rule may meet a text whose language `language()` tells
    (called only for a rule for some languages, so that most texts never
    have theirs told)."""
    return not rule.languages or language() in rule.languages


def line_rules_for(rules: CompiledRules, head: str) -> tuple:
    """The line rules that can take a line starting with `head`."""
    return rules.heads(head)[0][0]


def _tested(groups: tuple, can_meet) -> tuple[Rule, ...]:
    """The rules of `groups` whose heads (tails) are tested: those
    `_on_every_edge` does not let through, each once, in pack order."""
    return tuple({id(call[0]): call[0] for group in groups for call in group
                  if not _on_every_edge(call[0], can_meet)}.values())


def _learner(groups: tuple, tested: tuple, shorter, can_meet, known: dict[str, int] | None = None):
    """A function that tells which rules of `groups` a head (tail) lets in,
    narrowed alike in each group and in pack order: those its shorter form
    (`shorter(edge)`) lets in, less the `tested` rules that fail `can_meet`
    it; or, for the heads `known` ahead, the tested rules of their bit mask
    (bit n: tested[n]). What it learns it remembers, the shorter forms
    longest, since every new head under them asks them again; heads that
    let the same rules in share one narrowing of the groups."""
    bits = {id(rule): 1 << n for n, rule in enumerate(tested)}
    known = known or {}

    @lru_cache(maxsize=HEADS_REMEMBERED)
    def narrowed(kept_bits: int) -> tuple:
        """The groups with the tested rules of `kept_bits` only (the untested, bit 0, all stay)."""
        return tuple(tuple(call for call in group if not bits.get(id(call[0]), 0) or bits[id(call[0])] & kept_bits)
                     for group in groups)

    @lru_cache(maxsize=HEADS_REMEMBERED)
    def learnt(edge: str) -> tuple:
        kept_bits = known.get(edge)
        if kept_bits is not None:
            return narrowed(kept_bits), tuple(rule for rule in tested if bits[id(rule)] & kept_bits)
        less = shorter(edge)
        found = learnt(less) if less else (groups, tested)
        if not found[1]:
            return found  # (under a head that lets no tested rule in, none is let in)
        kept = tuple(rule for rule in found[1] if can_meet(rule, edge))
        if len(kept) == len(found[1]):
            return found
        return narrowed(sum(bits[id(rule)] for rule in kept)), kept

    return learnt


def _shorter_head(head: str) -> str:
    """The longest head that `head` starts with and that ends where a word
    boundary holds whatever comes next: after a letter, or before punctuation
    ("The mi" -> "The m" -> "The"; "(AFP" -> "(AF" -> "(A", not "(")."""
    for end in range(len(head) - 1, 0, -1):
        if is_word_char(head[end - 1]) or not is_word_char(head[end]):
            return head[:end]
    return ""


def is_word_char(char: str) -> bool:
    """Whether `char` is a word character (`\\w`); ASCII without a pattern."""
    return (char.isalnum() or char == "_") if char.isascii() else WORD_RE.match(char) is not None


def end_rules_for(rules: CompiledRules, tail: str) -> tuple[tuple, tuple]:
    """The line_end rules (ends, last_ends) that can end a line with `tail`."""
    return rules.tails(tail)[0]


def _shorter_tail(tail: str) -> str:
    """The longest tail that `tail` ends with and that starts where a word
    boundary holds whatever came before: before a letter, or after
    punctuation ("aid." -> "id." -> "d."; "NLD |" -> "LD |" -> "D |", not " |")."""
    for start in range(1, len(tail)):
        if is_word_char(tail[start]) or not is_word_char(tail[start - 1]):
            return tail[start:]
    return ""


def holds_key(keys: tuple[str, ...], lowered: str) -> bool:
    """Whether the lower-cased piece of text holds one of `keys`."""
    for key in keys:
        if key in lowered:
            return True
    return False


def edge_rules_in(rules: CompiledRules, text: str, start: int, end: int) -> tuple[tuple, tuple, tuple]:
    """The line_start (any, last) and inline rules that can match in
    text[start:end]: those whose keys, if any, it may hold."""
    # The stretch lower-cased whole holds a key wherever a piece of it
    # lower-cased does: only a final sigma lowers by its neighbours.
    lowered = lower(text[start:end])
    present = {key for key in rules.edge_keys if key in lowered or SIGMAS.intersection(key)}
    return tuple(
        tuple(call for call in group if not call[1] or not present.isdisjoint(call[1]))
        for group in (rules.starts, rules.last_starts, rules.inlines)
    )
