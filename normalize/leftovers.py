"""Stage `remove_leftovers`: page furniture that scraping left in the text.

Rules are data (`normalize/rules/`, one pack per family, and the user packs
named in `Config.leftover_rules`). A rule recognises a family's *shape* (a
short line, its place in the document, the family's key words, no sentence
grammar), not one site's wording, and has one of five shapes:

line
    The whole line (trimmed) is the leftover; it goes with its newline.
block
    A heading line ("Related stories", "Tags") that goes like a line rule;
    when every line after it is another leftover or a short link-like line,
    that trailing run goes too.
line_start, line_end
    The leftover sits at the start or end of a line that otherwise stays
    (`field.-VNA`, a ` (Source:` after a long paragraph); only the match goes.
inline
    A clearly shaped leftover inside a line (`. Photo: NLD |`); each match goes.

`where` narrows a rule to the `last` line of article text, or (line rules) to
the `tail`: the trailing run of leftover and blank lines at the end.

The prose guard: no line is removed whole when it reads as article text: it
reports speech ("said", "according to"), holds more sentences than the rule
allows (`max_sentences`, 1 by default), or sits inside a sentence wrapped
over several lines. Precision beats recall: missing a leftover is better
than deleting a sentence.

Every removal is an edit named "family/id", so `restore` can put it back.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .casing import lower
from .config import Config
from .edits import Edit, replace_spans
from .rules import Rule, rules_for

STAGE = "remove_leftovers"

# line_start / line_end rules look only this far into a line from its edge.
EDGE_WINDOW = 300
# How many characters of lines at least share one look for the edge rules' keys.
KEY_STRETCH = 1 << 15
# A trailing block holds at most this many link lines, each at most this long.
BLOCK_MAX_LINKS = 40
LINK_MAX_LENGTH = 160

# A line only meets the line rules that can start with its head: up to six
# letters of its first word, any punctuation before them and up to two
# letters of the next word ("Share", "(AFP", "— Reute", "The mi"), as regex's
# partial matching tells, remembered since heads repeat (The, In ...). A head
# ends after a letter, where a word boundary holds whatever comes next, so
# the partial match is never refused for want of the next character; so do
# the shorter heads a new head is narrowed from (`_shorter_head`).
HEAD_RE = regex.compile(r"\W{0,4}\w{1,6}(?:\s+\w{1,2})?|.{1,4}", regex.DOTALL)
HEADS_REMEMBERED = 16384
WORD_RE = regex.compile(r"\w")
# Likewise a line meets only the line_end rules that can end with its tail:
# up to three letters of its last word and any punctuation after them
# ("aid.", "VNA", "rce:"), as a partial match of the reversed pattern tells.
# The tail starts before a letter, where a word boundary holds whatever came
# before, or after punctuation that follows more punctuation; so the partial
# match is never refused for want of the character before it.
TAIL_RE = regex.compile(r"(?r)\w{1,3}\W{0,4}\Z|.{1,4}\Z", regex.DOTALL)
# Letters no built-in rule starts with: a rule that can start with one of
# them can start with anything, and meets every line.
UNUSUAL_STARTS = "\u4e00жéß\u2603"

# Reported speech never sits in page furniture.
REPORTED_SPEECH_RE = regex.compile(
    r"""\b(?: said | says | told | according\s+to | announced | reported | stressed
           | insisted | claimed | argued | warned | explained | urged )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
# A sentence break: a word of two or more lower-case letters (not "Mr.",
# "Gen.", "U.S."), closing punctuation, then a capitalised word.
SENTENCE_BREAK_RE = regex.compile(r"""(?<=\p{Ll}{2}[.!?]["'”’)]?)\s+(?=["“‘(]?\p{Lu})""")
# A line wrapped inside a sentence: the line before runs on (no closing
# punctuation), and this line or the next goes on in lower case or with
# punctuation; or the line before ends in a word no sentence ends with.
RUNS_ON_RE = regex.compile(r"[\p{L}\p{N},;]\Z")
GOES_ON_RE = regex.compile(r"[\p{Ll},.;:!?)]")
STARTS_LOWER_RE = regex.compile(r"\p{Ll}")
NO_END_RE = regex.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|with|from|into|and|or|but|nor|that|than|as|told|said|says|per|via)\Z"
)
# A line that ends a sentence is no link to another story.
SENTENCE_END_RE = regex.compile(r"""\p{Ll}{2}[.]["'”’)]?\Z""")


def reads_as_prose(line: str, max_sentences: int = 1) -> bool:
    """The prose guard for one line: True when it reads as article text.

    >>> reads_as_prose("Share prices rose 5%, analysts said.")
    True
    >>> reads_as_prose("Delegates at the talks. Photo: VNA |", max_sentences=2)
    False
    """
    if REPORTED_SPEECH_RE.search(line):
        return True
    return sum(1 for _ in SENTENCE_BREAK_RE.finditer(line)) >= max_sentences


@dataclass(frozen=True)
class _Rules:
    """A config's rules arranged for running, each group in pack order."""

    # line and block rules: (rule, max_length, keys, fullmatch, starts_anywhere)
    lines: tuple
    longest: int  # no line rule looks at a longer line
    by_head: dict  # head -> the line rules it can start, filled as met
    # edge rules: (rule, keys, method); the last_ groups add the "last" rules
    starts: tuple
    ends: tuple
    last_starts: tuple
    last_ends: tuple
    inlines: tuple
    by_tail: dict  # tail -> (the ends, the last_ends it can end), filled as met
    # the keys of the line_start and inline rules, each with a test that finds
    # it in a piece of text wherever str.lower would make it (None: no test)
    edge_keys: dict


def _can_start_with(rule: Rule, head: str) -> bool:
    """Whether a match of the rule can start with `head`. User rules are
    always tried: they run with a timeout, and this test has none. So is a
    pattern with `\\B`, which a head cut inside a word does not meet as the
    line would."""
    return rule.checked or "\\B" in rule.source_pattern or rule.pattern.fullmatch(head, partial=True) is not None


def _can_end_with(rule: Rule, tail: str) -> bool:
    """Whether a match of a line_end rule can end with `tail`: its reversed
    pattern, run back from the tail's end, matches or runs out of tail.
    User rules and patterns with `\\B` are always tried, as for heads."""
    return rule.checked or "\\B" in rule.source_pattern or rule.pattern.search(tail, partial=True) is not None


@lru_cache(maxsize=16)
def _rules(config: Config) -> _Rules:
    rules = rules_for(config)

    def edge(shape: str, how: str, where: tuple[str, ...]) -> tuple:
        return tuple((r, r.keys, r.method(how)) for r in rules if r.shape == shape and r.where in where)

    lines = [r for r in rules if r.shape in ("line", "block")]
    return _Rules(
        lines=tuple(
            (r, r.max_length, r.keys, r.method("fullmatch"), any(_can_start_with(r, u) for u in UNUSUAL_STARTS))
            for r in lines
        ),
        longest=max((r.max_length for r in lines), default=0),
        by_head={},
        starts=edge("line_start", "match", ("any",)),
        ends=edge("line_end", "search", ("any",)),
        last_starts=edge("line_start", "match", ("any", "last")),
        last_ends=edge("line_end", "search", ("any", "last")),
        inlines=edge("inline", "finditer", ("any",)),
        by_tail={},
        edge_keys={key: _key_finder(key) for r in rules if r.shape in ("line_start", "inline") for key in r.keys},
    )


def _lines(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int] | None]]:
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


def _inside_sentence(text: str, trimmed: list, index: int, found: dict) -> bool:
    """True when line `index` sits inside a sentence wrapped over several
    lines ("Virus poses as Christmas" / "e-mail"; "... told the" / "News
    Letter" / ". He added"): then it is no furniture, whatever it says.
    Neighbours that are leftovers themselves (`found`) wrap no sentence."""
    before = trimmed[index - 1] if index > 0 and index - 1 not in found else None
    if before is None or not RUNS_ON_RE.search(text, before[1] - 1, before[1]):
        return False
    line = trimmed[index]
    after = trimmed[index + 1] if index + 1 < len(trimmed) and index + 1 not in found else None
    return bool(
        STARTS_LOWER_RE.match(text, line[0], line[1])
        or (after is not None and GOES_ON_RE.match(text, after[0], after[1]))
        or NO_END_RE.search(text, max(before[0], before[1] - 6), before[1])
    )


def _line_rules_for(rules: _Rules, head: str) -> tuple:
    """The line rules that can take a line starting with `head`."""
    found = rules.by_head.get(head)
    if found is None:
        if len(rules.by_head) >= HEADS_REMEMBERED:
            rules.by_head.clear()
        # The rules that can start with a shorter head, then with all of it.
        shorter = _shorter_head(head)
        calls = _line_rules_for(rules, shorter) if shorter else rules.lines
        found = rules.by_head[head] = tuple(call for call in calls if call[4] or _can_start_with(call[0], head))
    return found


def _shorter_head(head: str) -> str:
    """The longest head that `head` starts with and that ends where a word
    boundary holds whatever comes next: after a letter, or before punctuation
    ("The mi" -> "The m" -> "The"; "(AFP" -> "(AF" -> "(A", not "(")."""
    for end in range(len(head) - 1, 0, -1):
        if WORD_RE.match(head, end - 1) or not WORD_RE.match(head, end):
            return head[:end]
    return ""


def _end_rules_for(rules: _Rules, tail: str) -> tuple[tuple, tuple]:
    """The line_end rules (ends, last_ends) that can end a line with `tail`."""
    found = rules.by_tail.get(tail)
    if found is None:
        if len(rules.by_tail) >= HEADS_REMEMBERED:
            rules.by_tail.clear()
        # The rules that can end with a shorter tail, then with all of it.
        shorter = _shorter_tail(tail)
        groups = _end_rules_for(rules, shorter) if shorter else (rules.ends, rules.last_ends)
        found = rules.by_tail[tail] = tuple(
            tuple(call for call in group if _can_end_with(call[0], tail)) for group in groups
        )
    return found


def _shorter_tail(tail: str) -> str:
    """The longest tail that `tail` ends with and that starts where a word
    boundary holds whatever came before: before a letter, or after
    punctuation ("aid." -> "id." -> "d."; "NLD |" -> "LD |" -> "D |", not " |")."""
    for start in range(1, len(tail)):
        if WORD_RE.match(tail, start) or not WORD_RE.match(tail, start - 1):
            return tail[start:]
    return ""


def _whole_lines(rules: _Rules, text: str, trimmed: list) -> dict[int, Rule]:
    """The first line or block rule that takes each line, if any (whatever
    its `where`), but for lines wrapped inside a sentence of the article.
    A line meets only the rules its head lets in, its length allows and its
    keys, if the rule has some, let through."""
    found = {}
    longest = rules.longest
    for index, span in enumerate(trimmed):
        if span is None or span[1] - span[0] > longest:
            continue
        start, end = span
        length = end - start
        lowered = None  # the line lower-cased, once, for the keys
        for rule, max_length, keys, fullmatch, _ in _line_rules_for(rules, HEAD_RE.match(text, start, end).group()):
            if length > max_length:
                continue
            if keys:
                lowered = lowered if lowered is not None else text[start:end].lower()
                for key in keys:
                    if key in lowered:
                        break
                else:
                    continue
            if fullmatch(text, start, end) and not (
                rule.prose_guard and (reads_as_prose(text[start:end], rule.max_sentences)
                                      or _swallows_a_sentence(rules, fullmatch, text, start, end))
            ):
                found[index] = rule
                break
    return {i: rule for i, rule in found.items() if not _inside_sentence(text, trimmed, i, found)}


# A sentence of this many words and characters or more at either end of a
# line that a rule takes whole is the article's, when the rule takes the line
# without it too and no rule takes the sentence alone: the rule's open end
# swallowed it (furniture glued to a paragraph: "We use cookies ... Tim
# Henman saved ..."). A caption before its credit is shorter ("Vietnam's
# soldiers taking part in UN Peacekeeping mission. Photo: NLD |").
SWALLOWED_WORDS = 8
SWALLOWED_CHARS = 60


def _swallows_a_sentence(rules: _Rules, fullmatch, text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end], which `fullmatch` takes whole, holds
    at its start or end a sentence of the article that the match swallowed."""
    breaks = list(SENTENCE_BREAK_RE.finditer(text, start, end))
    if not breaks:
        return False
    ends = ((start, breaks[0].start(), breaks[0].end(), end), (breaks[-1].end(), end, start, breaks[-1].start()))
    for sentence_start, sentence_end, rest_start, rest_end in ends:
        if (sentence_end - sentence_start >= SWALLOWED_CHARS
                and len(text[sentence_start:sentence_end].split()) >= SWALLOWED_WORDS
                and fullmatch(text, rest_start, rest_end) and not _taken_whole(rules, text, sentence_start, sentence_end)):
            return True
    return False


def _taken_whole(rules: _Rules, text: str, start: int, end: int) -> bool:
    """Whether some line rule takes text[start:end] as a line by itself."""
    head = HEAD_RE.match(text, start, end).group()
    return any(fullmatch(text, start, end) for _, _, _, fullmatch, _ in _line_rules_for(rules, head))


def _block_start(text: str, trimmed: list, found: dict[int, Rule]) -> int:
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


def _holds_key(keys: tuple[str, ...], lowered: str) -> bool:
    """Whether the lower-cased piece of text holds one of `keys`."""
    for key in keys:
        if key in lowered:
            return True
    return False


def _key_finder(key: str):
    """A test (text, start, end) that finds `key` in text[start:end] wherever
    it is in some piece of that text lower-cased, without lower-casing it
    (slow beyond ASCII); None if there is none. Only İ (to i and a dot) and
    K (to k) lower to ASCII letters from beyond ASCII, and only letters lower
    to other characters: so an ASCII key without letters is looked up as it
    is, and one with letters, not ending in i, is searched for ignoring case
    (which also meets K)."""
    if not key.isascii() or key.endswith("i"):
        return None
    if key.lower() == key.upper():
        return lambda text, start, end: text.find(key, start, end) >= 0
    return regex.compile(regex.escape(key), regex.IGNORECASE).search


def _may_hold_key(rules: _Rules, keys: tuple[str, ...], text: str, start: int, end: int) -> bool:
    """False when no piece of text[start:end], lower-cased, can hold any of
    the edge rule `keys`."""
    for key in keys:
        find = rules.edge_keys[key]
        if find is None or find(text, start, end):
            return True
    return False


def _edge_rules_in(rules: _Rules, text: str, start: int, end: int) -> tuple[tuple, tuple, tuple]:
    """The line_start (any, last) and inline rules that can match in
    text[start:end]: those whose keys, if any, it may hold."""
    present = {key for key, find in rules.edge_keys.items() if find is None or find(text, start, end)}
    return tuple(
        tuple(call for call in group if not call[1] or not present.isdisjoint(call[1]))
        for group in (rules.starts, rules.last_starts, rules.inlines)
    )


def _edge_spans(rules: _Rules, starts: tuple, ends: tuple, inlines: tuple, text: str, start: int, end: int) -> list:
    """What the line_start, line_end and inline rules given remove from one
    kept line."""
    spans = []
    keep_from, keep_to = start, end
    head_end = min(end, start + EDGE_WINDOW)
    lowered = None  # the line's head, lower-cased once for the keys
    for rule, keys, match in starts:
        if keys:
            if not _may_hold_key(rules, keys, text, start, head_end):
                continue
            lowered = lowered if lowered is not None else text[start:head_end].lower()
            if not _holds_key(keys, lowered):
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
            if not _holds_key(keys, lowered):
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
            if not _may_hold_key(rules, keys, text, keep_from, keep_to):
                continue
            lowered = lowered if lowered is not None else lower(text[keep_from:keep_to])
            if not _holds_key(keys, lowered):
                continue
        hits += [(m.start(), m.end(), rule.name) for m in finditer(text, keep_from, keep_to)]
    taken = keep_from
    for m_start, m_end, name in sorted(hits):
        if m_start >= taken and m_end > m_start:
            spans.append((m_start, m_end, "", name))
            taken = m_end
    return spans


def remove_leftovers(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Remove the leftovers the rules recognise from `text`, and nothing else.

    Never removes a line that reads as article text, and never changes a
    character it does not remove.
    """
    rules = _rules(config)
    lines, trimmed = _lines(text)
    found = _whole_lines(rules, text, trimmed)
    count = len(lines)
    block_from = _block_start(text, trimmed, found)
    removed: dict[int, str] = {}
    for index in range(block_from, count):
        if trimmed[index] is not None:
            removed[index] = (found.get(index) or found[block_from]).name
    # The trailing run: the block, and the leftover and blank lines before it.
    tail_from = block_from
    while tail_from > 0 and (trimmed[tail_from - 1] is None or tail_from - 1 in found):
        tail_from -= 1
    for index, rule in found.items():
        if rule.where != "tail" or index >= tail_from:
            removed[index] = rule.name

    last_kept = next((i for i in range(count - 1, -1, -1) if trimmed[i] is not None and i not in removed), None)
    spans = []
    stretch_end = -1  # the end of the stretch of lines whose keys were looked for
    for index, (start, end) in enumerate(lines):
        if end > stretch_end:
            # Keys are looked for a stretch of lines at a time: a key somewhere
            # in a long text sends only the lines near it through the edge rules.
            stretch_end = text.find("\n", start + KEY_STRETCH)
            stretch_end = len(text) if stretch_end < 0 else stretch_end
            starts, last_starts, inlines = _edge_rules_in(rules, text, start, stretch_end)
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
            ends, last_ends = _end_rules_for(rules, TAIL_RE.match(text, kept_from, kept_to).group())
            line_ends = last_ends if index == last_kept else ends
            if line_starts or line_ends or inlines:
                spans += _edge_spans(rules, line_starts, line_ends, inlines, text, kept_from, kept_to)
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
