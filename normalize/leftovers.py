"""Stage `remove_leftovers`: page furniture that scraping left in the text.

Rules come from data files (`rules/*.toml`, and user packs named in
`Config.leftover_rules`), grouped by family. A "line" rule removes a line that
is nothing but the leftover, with its newline; a "line_end" rule removes a tag
at the end of a line. Every removal is an edit named "family/id", so nothing
goes unrecorded and `restore` can put it back.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from .config import Config
from .edits import Edit, replace_spans
from .errors import RuleError

STAGE = "remove_leftovers"
SHAPES = ("line", "line_end")
WHERE = ("any", "last")
# A user pattern that takes longer than this on one line is cut off and reported.
PATTERN_TIMEOUT_S = 0.5


@dataclass(frozen=True)
class Rule:
    family: str
    id: str
    shape: str
    where: str
    pattern: "regex.Pattern"

    @property
    def name(self) -> str:
        return f"{self.family}/{self.id}"


def _compile(family: str, entry: dict, source: str) -> Rule:
    rule_id = entry.get("id")
    where = f"{source}: rule {family}/{rule_id}"
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(f"{source}: a rule in family {family!r} has no id")
    shape = entry.get("shape", "line")
    if shape not in SHAPES:
        raise RuleError(f"{where}: shape must be one of {', '.join(SHAPES)}")
    position = entry.get("where", "any")
    if position not in WHERE:
        raise RuleError(f"{where}: where must be one of {', '.join(WHERE)}")
    source_pattern = entry.get("pattern")
    if not isinstance(source_pattern, str) or not source_pattern:
        raise RuleError(f"{where}: pattern is missing")
    try:
        body = source_pattern if shape == "line" else rf"(?:{source_pattern})\s*\Z"
        pattern = regex.compile(body, regex.IGNORECASE | regex.VERSION1)
    except regex.error as exc:
        raise RuleError(f"{where}: invalid pattern: {exc}") from None
    return Rule(family, rule_id, shape, position, pattern)


def parse_rule_pack(text: str, source: str) -> list[Rule]:
    """Compile a TOML rule pack; errors name `source` and the rule."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source}: not valid TOML: {exc}") from None
    rules = []
    for family, entries in data.items():
        if not isinstance(entries, list):
            raise RuleError(f"{source}: family {family!r} must be a list of [[{family}]] rules")
        rules += [_compile(family, entry, source) for entry in entries]
    return rules


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for path in sorted(resources.files("normalize.rules").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".toml"):
            rules += parse_rule_pack(path.read_text(encoding="utf-8"), f"normalize/rules/{path.name}")
    return tuple(rules)


@lru_cache(maxsize=16)
def rules_for(config: Config) -> tuple[Rule, ...]:
    rules = list(builtin_rules()) if config.builtin_leftover_rules else []
    for name in config.leftover_rules:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleError(f"{name}: cannot read rule pack: {exc.strerror}") from None
        rules += parse_rule_pack(text, name)
    return tuple(rules)


def _search(rule: Rule, line: str, *, full: bool):
    try:
        if full:
            return rule.pattern.fullmatch(line, timeout=PATTERN_TIMEOUT_S)
        return rule.pattern.search(line, timeout=PATTERN_TIMEOUT_S)
    except TimeoutError:
        raise RuleError(f"rule {rule.name}: pattern took over {PATTERN_TIMEOUT_S}s on one line; make it simpler") from None


def remove_leftovers(text: str, config: Config) -> tuple[str, list[Edit]]:
    """Remove whole matched leftovers from `text`, and nothing else."""
    rules = rules_for(config)
    line_rules = [r for r in rules if r.shape == "line"]
    end_rules = [r for r in rules if r.shape == "line_end"]

    lines = []  # (start, end) of each line, without its "\n"
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    removed: dict[int, Rule] = {}
    for index, (start, end) in enumerate(lines):
        trimmed = text[start:end].strip()
        if not trimmed:
            continue
        for rule in line_rules:
            if _search(rule, trimmed, full=True):
                removed[index] = rule
                break

    spans = []
    last_kept = max((i for i, (s, e) in enumerate(lines) if i not in removed and text[s:e].strip()), default=None)
    # A removed line takes its own newline with it; a removed line in the
    # trailing run takes the newline before it instead, so the text ends where the article does.
    trailing_from = len(lines)
    while trailing_from > 0 and (trailing_from - 1 in removed or not text[slice(*lines[trailing_from - 1])].strip()):
        trailing_from -= 1
    for index, (start, end) in enumerate(lines):
        if index in removed:
            if index >= trailing_from and start > 0:
                spans.append((start - 1, end, "", removed[index].name))
            else:
                spans.append((start, min(end + 1, len(text)), "", removed[index].name))
        elif end_rules and text[start:end].strip():
            for rule in end_rules:
                if rule.where == "last" and index != last_kept:
                    continue
                match = _search(rule, text[start:end], full=False)
                if match:
                    spans.append((start + match.start(), start + match.end(), "", rule.name))
                    break
    return replace_spans(text, STAGE, spans)
