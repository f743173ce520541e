"""Stage `fix_encoding`: mojibake, HTML entities, line endings, control characters.

ftfy does the repair; this module decides where it needs to look and records
each change as an edit. A line that holds only ASCII letters and punctuation
(no `&`, no escape) cannot hold mojibake or an entity, so ftfy never sees it.
"""
from __future__ import annotations

from functools import lru_cache

import ftfy
import regex

from .config import Config
from .edits import Edit, replace_spans

STAGE = "fix_encoding"

# Every line ending; CRLF, lone CR and the Unicode line/paragraph separators become "\n".
LINE_END_RE = regex.compile(r"\r\n?|[\n\u2028\u2029]")
# Invisible control characters with no place in text: C0 (but tab and
# newline), DEL, C1 left over after ftfy, the BOM and other format characters
# ftfy also removes. Zero-width joiners stay: emoji and Indic scripts need them.
CONTROL_RE = regex.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]+")
# Control characters that separate words (vertical tab, form feed, the
# information separators, NEL) become a space, so no two words are glued.
SPACE_CONTROL_RE = regex.compile(r"[\x0b\x0c\x1c-\x1f\x85]+")
# Lines worth handing to ftfy: anything beyond ASCII, an entity, an escape.
NEEDS_FTFY_RE = regex.compile(r"[^\x00-\x7f]|&|\x1b")


@lru_cache(maxsize=16)
def _ftfy_config(config: Config) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        unescape_html=config.unescape_html,
        uncurl_quotes=config.uncurl_quotes,
        fix_character_width=config.fix_character_width,
        fix_latin_ligatures=config.fix_latin_ligatures,
        normalization=config.unicode_normalization,
        fix_line_breaks=False,  # done here, as edits of their own
        explain=True,
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


def _diff_span(old: str, new: str) -> tuple[int, int, int]:
    """The smallest window that differs: (prefix length, old end, new end)."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, len(old) - tail, len(new) - tail


def fix_encoding(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Repair the encoding of `text`, line by line, in one pass over the input:
    line endings become "\\n", ftfy repairs lines that could need it, and
    control characters go. Every span refers to the input, so `restore` can
    undo the whole stage at once."""
    ftfy_config = _ftfy_config(config)
    spans = []
    pos = 0
    for ending in LINE_END_RE.finditer(text):
        spans += _fix_line(text, pos, ending.start(), ftfy_config)
        if ending.group() != "\n":
            spans.append((ending.start(), ending.end(), "\n", "line_endings"))
        pos = ending.end()
    spans += _fix_line(text, pos, len(text), ftfy_config)
    return replace_spans(text, STAGE, spans)


def _fix_line(text: str, start: int, end: int, ftfy_config) -> list[tuple[int, int, str, str]]:
    line = text[start:end]
    if NEEDS_FTFY_RE.search(line):
        fixed, explanation = ftfy.fix_and_explain(line, ftfy_config)
        rule = _rule_of(explanation)
    else:
        fixed, rule = line, ""
    if CONTROL_RE.search(fixed) or SPACE_CONTROL_RE.search(fixed):
        fixed = SPACE_CONTROL_RE.sub(" ", CONTROL_RE.sub("", fixed))
        rule = f"{rule}+control_characters" if rule else "control_characters"
    if fixed == line:
        return []
    head, old_end, new_end = _diff_span(line, fixed)
    return [(start + head, start + old_end, fixed[head:new_end], rule)]
