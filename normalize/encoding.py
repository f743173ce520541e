"""Stage `fix_encoding`: mojibake, HTML entities, line endings, control characters.

ftfy does the repair; this module decides where it needs to look and records
each change as an edit.

Where ftfy needs to look. ftfy's mojibake repair does nothing to a string
that its heuristic `ftfy.badness.is_bad` passes, and every other ftfy fix
acts on a character of its own (`&`, ESC, C1 and other control characters,
surrogates). Every pattern of `is_bad` is a few characters long (seven at
most in ftfy 6.3) and needs at least one character of a set of about 270
(accented Latin letters, currency, box drawing, ...; see `mojibake_trigger`)
that leaves out the curly quotes, dashes, ellipses, guillemets and no-break
spaces of clean typography.
So a line holding none of those characters goes past ftfy unchanged and is
never handed to it, and for a line holding some, `is_bad` only needs to look
at the few characters around each. Lines that pass are skipped.
tests/test_fast_paths.py checks the result against ftfy run on every line.

Bounded pieces. ftfy sees at most `MAX_FTFY_CHARS` characters at a time: a
longer line is cut at a space between ASCII characters, so the stage stays
linear in the length of the line (ftfy itself cuts `fix_text` input at 1 MB).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import ftfy
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CONTROL_CHARS as FTFY_CONTROL_CHARS
from ftfy.chardata import HTML_ENTITY_RE

from .config import Config
from .edits import Edit, replace_spans

STAGE = "fix_encoding"

# Every line ending; CRLF, lone CR and the Unicode line/paragraph separators become "\n".
# (The stage finds them with str.find; this names them for readers and tools.)
LINE_END_RE = re.compile(r"\r\n?|[\n\u2028\u2029]")
# Invisible control characters with no place in text: C0 (but tab and
# newline), DEL, C1 left over after ftfy, the BOM and other format characters
# ftfy also removes. Zero-width joiners stay: emoji and Indic scripts need them.
CONTROL_CHARS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
CONTROL_RE = re.compile(f"[{CONTROL_CHARS}]+")
# Control characters that separate words (vertical tab, form feed, the
# information separators, NEL) become a space, so no two words are glued.
SPACE_CONTROL_CHARS = "\x0b\x0c\x1c-\x1f\x85"
SPACE_CONTROL_RE = re.compile(f"[{SPACE_CONTROL_CHARS}]+")
ANY_CONTROL_RE = re.compile(f"[{CONTROL_CHARS}{SPACE_CONTROL_CHARS}]")
# A zero-width no-break space (U+FEFF) with a space on each side glues
# nothing: pages mean it (Wikipedia writes its coordinates `10°E \ufeff /
# \ufeff 5°N`), so it stays. A BOM at the start of a text, or one inside
# a word, goes as a control character.
LONE_FEFF_RE = re.compile(r"(?<=[ \t])\ufeff(?=[ \t])")
# The longest piece of a line handed to ftfy in one call (characters).
MAX_FTFY_CHARS = 1 << 16
# Where a long line is cut, a space should have this many ASCII characters
# on each side, so that no pattern of ftfy's heuristic (a few characters,
# one of them beyond ASCII) can straddle the cut.
CALM_CUT_MARGIN = 8


def _char_class(chars) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


class MojibakeTrigger(NamedTuple):
    """What any match of ftfy's BADNESS_RE holds: one of `chars`, and at
    most `width` characters."""

    chars: str
    width: int


@lru_cache(maxsize=1)
def mojibake_trigger() -> MojibakeTrigger | None:
    """Characters of which `ftfy.badness.is_bad` needs at least one to
    report a string: for each alternative of ftfy's BADNESS_RE, the
    characters of one element that the alternative must match, chosen to
    leave out ftfy's "common" characters and punctuation (curly quotes,
    dashes, ellipsis, no-break space). None if the pattern has a shape this
    does not understand; every non-ASCII line then goes to ftfy.

    Derived from the installed ftfy, once per process, so it can never lag
    behind ftfy's heuristic.
    """
    from ftfy.badness import MOJIBAKE_CATEGORIES

    try:  # the stdlib's own regex parser (private, so guarded)
        from re import _constants as sre, _parser as sre_parser
    except ImportError:
        return None

    if BADNESS_RE.flags & re.IGNORECASE:
        return None
    typography: set[str] = set()
    for category in ("common", "start_punctuation", "end_punctuation"):
        typography |= _expand(MOJIBAKE_CATEGORIES[category])
    try:
        tree = sre_parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    except re.error:
        return None
    width = tree.getwidth()[1]
    if width >= sre.MAXREPEAT:
        return None
    if len(tree) == 1 and tree[0][0] is sre.BRANCH:
        alternatives = tree[0][1][1]
    else:
        alternatives = [tree]
    found: set[str] = set()
    for alternative in alternatives:
        # Elements matched exactly once (a literal or a plain class): the
        # alternative cannot match without one character of each.
        required = []
        for op, arg in alternative:
            if op is sre.LITERAL:
                required.append({chr(arg)})
            elif op is sre.IN and all(kind in (sre.LITERAL, sre.RANGE) for kind, _ in arg):
                chars = set()
                for kind, value in arg:
                    chars |= {chr(value)} if kind is sre.LITERAL else set(map(chr, range(value[0], value[1] + 1)))
                required.append(chars)
        required = [chars for chars in required if all(ord(c) > 0x7F for c in chars)]
        if not required:
            return None
        found |= min(required, key=lambda chars: (len(chars & typography), len(chars)))
    return MojibakeTrigger("".join(sorted(found)), width)


def _expand(spec: str) -> set[str]:
    """The characters of a MOJIBAKE_CATEGORIES string, whose "a-z" are ranges."""
    chars: set[str] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            chars |= set(map(chr, range(ord(spec[i]), ord(spec[i + 2]) + 1)))
            i += 3
        else:
            chars.add(spec[i])
            i += 1
    return chars


class _Plan(NamedTuple):
    """What `fix_encoding` looks for under one Config."""

    ftfy_config: ftfy.TextFixerConfig
    ftfy_config_markup: ftfy.TextFixerConfig  # for a line holding "<", as ftfy decides
    attention_re: re.Pattern  # a line without a match needs no work at all
    # ftfy may change a line that holds a match of one of these ...
    ftfy_re: re.Pattern
    entity_re: re.Pattern | None
    # ... or where is_bad reports a match near a character of mojibake_re.
    mojibake_re: re.Pattern | None
    mojibake_width: int


@lru_cache(maxsize=16)
def _plan(config: Config) -> _Plan:
    ftfy_config = ftfy.TextFixerConfig(
        unescape_html=config.unescape_html,
        uncurl_quotes=config.uncurl_quotes,
        fix_character_width=config.fix_character_width,
        fix_latin_ligatures=config.fix_latin_ligatures,
        normalization=config.unicode_normalization,
        fix_line_breaks=False,  # done here, as edits of their own
        explain=True,
    )
    markup_config = ftfy_config._replace(unescape_html=False) if config.unescape_html == "auto" else ftfy_config
    trigger = mojibake_trigger()
    folds = (config.uncurl_quotes or config.fix_character_width or config.fix_latin_ligatures
             or config.unicode_normalization is not None)
    # The characters ftfy's own fixers act on: ESC (terminal escapes), C1
    # controls, surrogates, the controls remove_control_chars deletes.
    ftfy_class = "\x1b\x80-\x9f\ud800-\udfff" + _char_class(map(chr, FTFY_CONTROL_CHARS))
    if folds or trigger is None:
        # A fold or a normalization may change any non-ASCII character.
        ftfy_class += "\x80-\U0010ffff"
        moji_class = ""
    else:
        moji_class = _char_class(trigger.chars)
    return _Plan(
        ftfy_config,
        markup_config,
        attention_re=re.compile(
            f"[&{ftfy_class}{moji_class}{CONTROL_CHARS}{SPACE_CONTROL_CHARS}\r\u2028\u2029]"
        ),
        ftfy_re=re.compile(f"[{ftfy_class}]"),
        entity_re=None if config.unescape_html is False else HTML_ENTITY_RE,
        mojibake_re=re.compile(f"[{moji_class}]") if moji_class else None,
        mojibake_width=trigger.width if trigger else 0,
    )


def _rule_of(explanation) -> str:
    actions = []
    for step in explanation or ():
        if step.action in ("encode", "decode", "transcode"):
            name = "mojibake"
        elif step.action == "apply":
            name = step.parameter
        elif step.action == "normalize":
            name = "unicode_normalization"
        else:
            name = step.action
        if name not in actions:
            actions.append(name)
    return "+".join(actions) or "ftfy"


def _common_prefix(old: str, new: str) -> int:
    """Length of the longest common prefix, by halving (compares in C)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        mid = (low + high + 1) // 2
        if old[low:mid] == new[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_suffix(old: str, new: str, limit: int) -> int:
    """Length of the longest common suffix, at most `limit`."""
    low, high = 0, limit
    n_old, n_new = len(old), len(new)
    while low < high:
        mid = (low + high + 1) // 2
        if old[n_old - mid : n_old - low] == new[n_new - mid : n_new - low]:
            low = mid
        else:
            high = mid - 1
    return low


def _diff_span(old: str, new: str) -> tuple[int, int, int]:
    """The smallest window that differs: (prefix length, old end, new end)."""
    head = _common_prefix(old, new)
    tail = _common_suffix(old, new, min(len(old), len(new)) - head)
    return head, len(old) - tail, len(new) - tail


def fix_encoding(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Repair the encoding of `text`, line by line, in one pass over the input:
    line endings become "\\n", ftfy repairs lines that could need it, and
    control characters go. Every span refers to the input, so `restore` can
    undo the whole stage at once."""
    plan = _plan(config)
    spans: list[tuple[int, int, str, str]] = []
    # Line endings other than "\n" are rare; str.find is many times faster
    # than a regex at finding where a line ends.
    other_endings = [c for c in "\r\u2028\u2029" if c in text]
    size = len(text)
    pos = 0  # the start of a line; everything before it is done
    while True:
        hit = plan.attention_re.search(text, pos)
        if hit is None:
            break
        at = hit.start()
        # Line endings other than "\n" are themselves worth attention, so the
        # line holding the hit starts after the last "\n" before it.
        start = text.rfind("\n", pos, at) + 1 or pos
        end = text.find("\n", at)
        end = size if end < 0 else end
        for char in other_endings:
            other = text.find(char, at, end)
            if other >= 0:
                end = other
        spans += _fix_line(text, start, end, plan)
        if end == size:
            break
        ending = 2 if text.startswith("\r\n", end) else 1
        if text[end] != "\n":
            spans.append((end, end + ending, "\n", "line_endings"))
        pos = end + ending
    return replace_spans(text, STAGE, spans)


def _fix_line(text: str, start: int, end: int, plan: _Plan) -> list[tuple[int, int, str, str]]:
    ftfy_config = plan.ftfy_config
    if ftfy_config.unescape_html == "auto" and text.find("<", start, end) >= 0:
        ftfy_config = plan.ftfy_config_markup
    spans = []
    for part_start, part_end in _around_lone_feff(text, start, end):
        for piece_start, piece_end in _pieces(text, part_start, part_end):
            span = _fix_piece(text, piece_start, piece_end, plan, ftfy_config)
            if span:
                spans.append(span)
    return spans


def _around_lone_feff(text: str, start: int, end: int):
    """The parts of text[start:end] on either side of each U+FEFF that stands
    alone between spaces (LONE_FEFF_RE), which the stage leaves in place."""
    if text.find("\ufeff", start, end) < 0:
        yield start, end
        return
    for lone in LONE_FEFF_RE.finditer(text, start, end):
        yield start, lone.start()
        start = lone.end()
    yield start, end


def _pieces(text: str, start: int, end: int):
    """Cut text[start:end] into pieces of at most MAX_FTFY_CHARS, at calm
    spaces where there are any, so that each piece holds whole words."""
    while end - start > MAX_FTFY_CHARS:
        cut = _cut_point(text, start, start + MAX_FTFY_CHARS)
        yield start, cut
        start = cut
    yield start, end


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at `start`: after the last calm
    space in its second half, else after its last space, else at `limit`."""
    lowest = start + MAX_FTFY_CHARS // 2
    before = limit
    for _ in range(64):  # a bounded search: text with no calm space is rare
        space = text.rfind(" ", lowest, before)
        if space < 0:
            break
        if text[space - CALM_CUT_MARGIN : space + CALM_CUT_MARGIN + 1].isascii():
            return space + 1
        before = space
    space = text.rfind(" ", start + 1, limit)
    return space + 1 if space > 0 else limit


def _fix_piece(text: str, start: int, end: int, plan: _Plan, ftfy_config):
    line = text[start:end]
    # The stage hands ftfy the lines holding anything beyond ASCII, "&" or
    # ESC. (Not the others: ftfy would delete their vertical tabs and
    # separators, which become spaces below.) It skips those ftfy would return
    # unchanged, and names them as ftfy would have: "ftfy", no step.
    fixed, rule = line, ""
    # ftfy undoes one layer of mojibake a call; text encoded wrongly twice
    # needs a second call, so that cleaning twice changes nothing.
    for _ in range(MAX_FTFY_ROUNDS):
        before = fixed
        for_ftfy = not fixed.isascii() or "&" in fixed or "\x1b" in fixed
        if for_ftfy and _ftfy_may_change(fixed, plan):
            repaired, explanation = ftfy.fix_and_explain(fixed, ftfy_config)
            if repaired != fixed or not rule:
                rule = _join_rules(rule, _rule_of(explanation))
            fixed = repaired
        elif for_ftfy and not rule:
            rule = "ftfy"
        if ANY_CONTROL_RE.search(fixed):
            fixed = SPACE_CONTROL_RE.sub(" ", CONTROL_RE.sub("", fixed))
            rule = _join_rules(rule, "control_characters")
        if fixed == before:
            break
    if fixed == line:
        return None
    head, old_end, new_end = _diff_span(line, fixed)
    return (start + head, start + old_end, fixed[head:new_end], rule)


MAX_FTFY_ROUNDS = 3


def _join_rules(rule: str, more: str) -> str:
    names = [n for n in rule.split("+") if n]
    for name in more.split("+"):
        if name and name not in names:
            names.append(name)
    return "+".join(names)


def _ftfy_may_change(line: str, plan: _Plan) -> bool:
    """False only where ftfy.fix_and_explain(line) is sure to return `line`."""
    return bool(
        plan.ftfy_re.search(line)
        or (plan.entity_re is not None and plan.entity_re.search(line))
        or _is_bad(line, plan)
    )


def _is_bad(line: str, plan: _Plan) -> bool:
    """`ftfy.badness.is_bad(line)`, looking only near the characters that
    any of its matches must hold. (With a start position, `^` matches only at
    the real start of the line, so each window search is exact.)"""
    if plan.mojibake_re is None:
        return False
    width = plan.mojibake_width
    low = high = 0  # the window being gathered: merged neighbourhoods of hits
    for hit in plan.mojibake_re.finditer(line):
        at = hit.start()
        if at - width + 1 > high:
            if high > low and BADNESS_RE.search(line, low, high):
                return True
            low = max(at - width + 1, 0)
        high = min(at + width, len(line))
    return high > low and BADNESS_RE.search(line, low, high) is not None
