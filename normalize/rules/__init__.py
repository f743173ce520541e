"""Leftover rule packs: the built-in packs in this folder, user packs, and
their compiled form.

A pack is TOML: a `[[family]]` table per rule, and an optional `[lists]`
table of named word lists that patterns use as `\\L<name>` (see
`lists.toml`). Each built-in family has a file of its own. The keys of a rule:

id             unique within its family; edits are named "family/id"
shape          "line" (default), "block", "line_start", "line_end" or "inline"
               (see `normalize.leftovers`)
where          "any" (default); "last": only on the last line of article text
               (line_start, line_end); "tail": only in the trailing run of
               leftover lines at the end (line rules)
pattern        a `regex` pattern, case-insensitive; a line or block pattern
               must match the whole trimmed line, a line_start pattern the
               line's start, a line_end pattern its end
keys           optional: lower-case strings one of which every match holds;
               the rule only runs on lines that contain one (a cheap gate for
               patterns that would otherwise scan every line)
max_length     whole-line rules skip longer lines (default 160, at most 500)
max_sentences  the prose guard: a line with more sentences stays (default 1)
languages      optional: the rule runs only on texts in these languages
               (codes such as "de", "fr", "ru"; see `normalize.leftovers.language`);
               without it, on every text
prose_guard    false lets the rule remove lines that report speech (default true)
seen           where such leftovers are seen, so the next reader knows why
enabled        false, in a user pack, switches off the built-in rule of that name

User patterns run with a timeout and are first tried on short adversarial
lines, so that a pattern that backtracks badly is a `RuleError` naming the
rule before any text is cleaned. Built-in patterns run without one (a
timeout's clock costs more than most matches); the tests hold them to linear
time instead.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from ..errors import RuleError

if TYPE_CHECKING:
    from ..config import Config

SHAPES = ("line", "block", "line_start", "line_end", "inline")
WHERE = ("any", "last", "tail")
RULE_KEYS = frozenset(
    {"id", "shape", "where", "pattern", "keys", "seen", "max_length", "max_sentences", "prose_guard", "enabled",
     "languages"}
)
# Whole-line rules never look at a longer line: furniture is short, and this
# keeps the stage linear however long a line is.
MAX_LINE = 500
DEFAULT_MAX_LENGTH = 160

# A user pattern gets this long on one line, plus time in proportion to the
# line's length, before it is cut off as too slow.
PATTERN_TIMEOUT_S = 0.5
TIMEOUT_S_PER_MB = 0.5
# A user pattern is first tried on short adversarial lines with this budget.
PROBE_TIMEOUT_S = 0.2

NAME_RE = regex.compile(r"[\w.-]+")
LANGUAGE_CODE_RE = regex.compile(r"[a-z]{2,3}")
NAMED_LIST_RE = regex.compile(r"\\L<(\w+)>")
# Flags at the very start of a pattern, "(?x)": kept for that pattern alone
# when it is wrapped for its shape.
LEADING_FLAGS_RE = regex.compile(r"\A\(\?([imsx]+)\)")


@dataclass(frozen=True)
class Rule:
    """One compiled rule of a family; `checked` marks a user rule, which runs
    with a timeout."""

    family: str
    id: str
    shape: str
    where: str
    source_pattern: str
    pattern: "regex.Pattern"
    max_length: int
    max_sentences: int
    prose_guard: bool
    keys: tuple[str, ...]
    source: str
    checked: bool = False
    languages: tuple[str, ...] = ()

    @cached_property
    def name(self) -> str:
        return f"{self.family}/{self.id}"

    def method(self, how: str):
        """`run` bound to `how`, as a function (text, pos, endpos); for a
        built-in rule the pattern's own method, for speed."""
        if self.checked or how == "finditer":
            return lambda text, pos, endpos: self.run(how, text, pos, endpos)
        return getattr(self.pattern, how)

    def run(self, how: str, text: str, pos: int, endpos: int):
        """`pattern.<how>(text, pos, endpos)`, with a timeout for user rules;
        "finditer" returns a list, so that its timeout is caught here too."""
        if not self.checked:
            if how == "finditer":
                return list(self.pattern.finditer(text, pos, endpos))
            return getattr(self.pattern, how)(text, pos, endpos)
        timeout = PATTERN_TIMEOUT_S + TIMEOUT_S_PER_MB * (endpos - pos) / 1e6
        try:
            if how == "finditer":
                return list(self.pattern.finditer(text, pos, endpos, timeout=timeout))
            return getattr(self.pattern, how)(text, pos, endpos, timeout=timeout)
        except TimeoutError:
            raise RuleError(
                f"{self.source}: rule {self.name}: pattern took over {timeout:.1f}s on one "
                f"{endpos - pos}-character line; make it simpler (bound its repeats)"
            ) from None


def _body(shape: str, pattern: str) -> str:
    """The pattern as compiled for its shape. A line_end pattern is matched
    backwards from the line's end (regex's REVERSE flag): for ordinary
    patterns that finds the same match as forwards, in one attempt instead
    of one per position."""
    if shape == "line_end":
        return rf"(?r)(?:{_scoped(pattern)})[ \t]*\Z"
    return pattern


def _scoped(pattern: str) -> str:
    """`pattern` with its leading flags, if any, scoped to it alone."""
    flags = LEADING_FLAGS_RE.match(pattern)
    if flags is None:
        return f"(?:{pattern})"
    end = "\n" if "x" in flags.group(1) else ""  # ends a trailing comment of a verbose pattern
    return f"(?{flags.group(1)}:{pattern[flags.end():]}{end})"


def _option(entry: dict, key: str, kind: type, default, where: str):
    value = entry.get(key, default)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise RuleError(f"{where}: {key} must be a positive whole number")
    if kind is not int and not isinstance(value, kind):
        raise RuleError(f"{where}: {key} must be {'true or false' if kind is bool else kind.__name__}")
    return value


def _compile(family: str, entry: dict, source: str, lists: dict[str, list[str]]) -> Rule | str:
    """Compile one rule; a disabled rule comes back as just its name."""
    if not isinstance(entry, dict):
        raise RuleError(f"{source}: family {family!r} must be a list of [[{family}]] tables")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not NAME_RE.fullmatch(rule_id):
        raise RuleError(f"{source}: a rule in family {family!r} has no id (letters, digits, _ . -)")
    where = f"{source}: rule {family}/{rule_id}"
    unknown = sorted(set(entry) - RULE_KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(sorted(RULE_KEYS))}")
    if not _option(entry, "enabled", bool, True, where):
        return f"{family}/{rule_id}"
    shape = entry.get("shape", "line")
    if shape not in SHAPES:
        raise RuleError(f"{where}: shape must be one of {', '.join(SHAPES)}")
    position = entry.get("where", "any")
    if position not in WHERE:
        raise RuleError(f"{where}: where must be one of {', '.join(WHERE)}")
    if position == "tail" and shape != "line":
        raise RuleError(f"{where}: where = 'tail' is for line rules (a block always ends the text)")
    if position == "last" and shape not in ("line_start", "line_end"):
        raise RuleError(f"{where}: where = 'last' is for line_start and line_end rules; line rules use 'tail'")
    source_pattern = entry.get("pattern")
    if not isinstance(source_pattern, str) or not source_pattern.strip():
        raise RuleError(f"{where}: pattern is missing")
    max_length = _option(entry, "max_length", int, DEFAULT_MAX_LENGTH, where)
    if max_length > MAX_LINE:
        raise RuleError(f"{where}: max_length is at most {MAX_LINE}")
    max_sentences = _option(entry, "max_sentences", int, 1, where)
    prose_guard = _option(entry, "prose_guard", bool, True, where)
    _option(entry, "seen", str, "", where)
    keys = _option(entry, "keys", list, [], where)
    if not all(isinstance(k, str) and k and k == k.lower() for k in keys):
        raise RuleError(f"{where}: keys must be non-empty lower-case strings")
    languages = _option(entry, "languages", list, [], where)
    if not all(isinstance(code, str) and LANGUAGE_CODE_RE.fullmatch(code) for code in languages):
        raise RuleError(f"{where}: languages must be lower-case language codes such as \"de\" or \"fr\"")
    names = set(NAMED_LIST_RE.findall(source_pattern))
    missing = sorted(names - set(lists))
    if missing:
        raise RuleError(f"{where}: pattern uses the list \\L<{missing[0]}>, which no [lists] table defines")
    try:
        pattern = regex.compile(
            _body(shape, source_pattern), regex.IGNORECASE, **{name: lists[name] for name in names}
        )
    except (regex.error, ValueError, OverflowError) as exc:
        raise RuleError(f"{where}: invalid pattern: {exc}") from None
    return Rule(family, rule_id, shape, position, source_pattern, pattern, max_length,
                max_sentences, prose_guard, tuple(keys), source, languages=tuple(languages))


def _parse(text: str, source: str) -> tuple[dict, dict[str, list[str]]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source}: not valid TOML: {exc}") from None
    lists = data.pop("lists", {})
    if not isinstance(lists, dict) or not all(
        isinstance(v, list) and v and all(isinstance(w, str) and w for w in v) for v in lists.values()
    ):
        raise RuleError(f"{source}: [lists] must map names to non-empty lists of strings")
    return data, lists


def _compile_pack(data: dict, source: str, lists: dict[str, list[str]]) -> list[Rule | str]:
    rules: list[Rule | str] = []
    seen: set[str] = set()
    for family, entries in data.items():
        if not isinstance(entries, list) or not NAME_RE.fullmatch(family):
            raise RuleError(f"{source}: {family!r} must be a family: a list of [[{family}]] rules")
        for entry in entries:
            rule = _compile(family, entry, source, lists)
            name = rule if isinstance(rule, str) else rule.name
            if name in seen:
                raise RuleError(f"{source}: rule {name} is defined twice")
            seen.add(name)
            rules.append(rule)
    return rules


def parse_rule_pack(text: str, source: str, lists: dict[str, list[str]] | None = None) -> list[Rule]:
    """Compile a TOML rule pack; errors name `source` and the rule.

    `lists` are named word lists the pack may use besides its own `[lists]`
    table. Disabled rules are left out.
    """
    data, own = _parse(text, source)
    return [r for r in _compile_pack(data, source, {**(lists or {}), **own}) if isinstance(r, Rule)]


def _builtin_texts() -> list[tuple[str, str]]:
    files = sorted(resources.files(__name__).iterdir(), key=lambda p: p.name)
    return [(f"normalize/rules/{p.name}", p.read_text(encoding="utf-8")) for p in files if p.name.endswith(".toml")]


@lru_cache(maxsize=1)
def builtin_lists() -> dict[str, list[str]]:
    """The named word lists of the built-in packs."""
    lists: dict[str, list[str]] = {}
    for source, text in _builtin_texts():
        lists.update(_parse(text, source)[1])
    return lists


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """The rules shipped in `normalize/rules/`, in file order."""
    rules: list[Rule] = []
    for source, text in _builtin_texts():
        rules += parse_rule_pack(text, source, builtin_lists())
    return tuple(rules)


def _probe(rule: Rule) -> None:
    """Try a user pattern on short adversarial lines, so that a pattern that
    backtracks catastrophically is reported before any text is cleaned."""
    chars = sorted({c for c in rule.source_pattern if c.isalnum()})[:16]
    probes = [c * 48 + "\x01" for c in chars + [" ", "1", "."]]
    probes += ["word " * 12 + "\x01", "Ab1 .,:|-(" * 6 + "\x01"]
    for probe in probes:
        try:
            rule.pattern.search(probe, timeout=PROBE_TIMEOUT_S)
        except TimeoutError:
            raise RuleError(
                f"{rule.source}: rule {rule.name}: pattern took over {PROBE_TIMEOUT_S}s on a "
                f"{len(probe)}-character test line ({probe[:12]!r}...); it backtracks too much: "
                "bound its repeats and avoid nested or overlapping ones like (a|aa)+"
            ) from None


def load_user_pack(path: str) -> list[Rule | str]:
    """Read, compile and probe one user rule pack; a disabled rule comes back
    as its name."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RuleError(f"{path}: a rule pack must be UTF-8 text") from None
    data, own = _parse(text, path)
    rules = [
        replace(r, checked=True) if isinstance(r, Rule) else r
        for r in _compile_pack(data, path, {**builtin_lists(), **own})
    ]
    for rule in rules:
        if isinstance(rule, Rule):
            _probe(rule)
    return rules


@lru_cache(maxsize=16)
def rules_for(config: "Config") -> tuple[Rule, ...]:
    """The rules `config` asks for: the built-ins (unless switched off), then
    each user pack in order. A user rule with a built-in's family and id
    replaces it; with `enabled = false` it switches it off."""
    rules: dict[str, Rule] = {r.name: r for r in builtin_rules()} if config.builtin_leftover_rules else {}
    for path in config.leftover_rules:
        for rule in load_user_pack(path):
            if isinstance(rule, str):
                rules.pop(rule, None)
            else:
                rules[rule.name] = rule
    return tuple(rules.values())
