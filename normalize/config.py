"""`Config`: which stages run and how. Frozen, picklable, validated on creation."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from .errors import ConfigError

STAGE_NAMES = (
    "fix_encoding", "remove_leftovers", "rejoin_lines", "rejoin_words", "split_words", "normalize_whitespace",
)
_NORMALIZATIONS = (None, "NFC", "NFD", "NFKC", "NFKD")


@dataclass(frozen=True)
class Config:
    """Options for `normalize.clean`. `Config()` is the safe default.

    stages
        The stages to run, a subset of `STAGE_NAMES`; they always run in the
        pipeline's order, whatever order is given here.
    unescape_html
        Replace HTML entities (`&amp;`) with their characters. "auto" (ftfy's
        rule) leaves them when the text holds a literal `<`, i.e. is real HTML.
    uncurl_quotes, fix_character_width, fix_latin_ligatures
        ftfy's cosmetic folds. Off: they change correct text (quotes,
        full-width CJK punctuation, ligatures) that was never broken.
    unicode_normalization
        None (default: leave the text's form alone), "NFC", "NFD", "NFKC" or "NFKD".
    leftover_rules
        Paths of user rule packs (TOML) added to the built-in leftover rules;
        a rule named like a built-in one replaces it. The packs are read and
        checked when the Config is made, so a bad pack is a `RuleError` before
        any text is cleaned (see `normalize.rules` for the format).
    builtin_leftover_rules
        Use the rule packs shipped with normalize. False keeps only `leftover_rules`.
    protected_words
        Words the splitter never splits (compared case-insensitively).
    vocabulary
        Extra words the splitter treats as known, e.g. domain terms and names.
    vocabulary_file
        A UTF-8 file of extra known words, one per line (`#` starts a comment).
    english_only
        The language guard: leave lines that do not read as English to the
        splitter untouched. Turning it off lets the splitter act on any line.
    unwrap
        Join the lines of paragraphs hard-wrapped at a fixed width (PDF,
        e-mail, plain-text books), one line a paragraph (stage `rejoin_lines`).
        Off: line breaks stay the text's own. Verse, lists, tables, code and
        addresses keep their lines either way.
    """

    stages: tuple[str, ...] = STAGE_NAMES
    unescape_html: bool | Literal["auto"] = "auto"
    uncurl_quotes: bool = False
    fix_character_width: bool = False
    fix_latin_ligatures: bool = False
    unicode_normalization: str | None = None
    leftover_rules: tuple[str, ...] = ()
    builtin_leftover_rules: bool = True
    protected_words: frozenset[str] = field(default_factory=frozenset)
    vocabulary: frozenset[str] = field(default_factory=frozenset)
    vocabulary_file: str | None = None
    english_only: bool = True
    unwrap: bool = False

    def __post_init__(self) -> None:
        # Accept any iterable for the collection fields, store immutable ones.
        object.__setattr__(self, "stages", tuple(self.stages))
        object.__setattr__(self, "leftover_rules", tuple(str(p) for p in self.leftover_rules))
        object.__setattr__(self, "protected_words", frozenset(w.lower() for w in self.protected_words))
        object.__setattr__(self, "vocabulary", frozenset(w.lower() for w in self.vocabulary))
        unknown = [s for s in self.stages if s not in STAGE_NAMES]
        if unknown:
            raise ConfigError(f"unknown stage {unknown[0]!r}; choose from {', '.join(STAGE_NAMES)}")
        if self.unescape_html not in (True, False, "auto"):
            raise ConfigError("unescape_html must be true, false or 'auto'")
        if self.unicode_normalization not in _NORMALIZATIONS:
            raise ConfigError(f"unicode_normalization must be one of {_NORMALIZATIONS}")
        for name in ("uncurl_quotes", "fix_character_width", "fix_latin_ligatures",
                     "builtin_leftover_rules", "english_only", "unwrap"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"{name} must be true or false")
        if self.leftover_rules:
            from .rules import rules_for  # here, so that `import normalize` reads no pack

            rules_for(self)  # raises RuleError naming the pack and the rule

    def __reduce__(self):
        # The sets' words sorted: the same Config pickles to the same bytes in
        # every process, whatever its hash seed, so fingerprints made from a
        # pickle (Hugging Face datasets' cache of `map`) stay the same.
        values = (getattr(self, item.name) for item in fields(self))
        values = (sorted(value) if isinstance(value, frozenset) else value for value in values)
        return (Config, tuple(values))

    def runs(self, stage: str) -> bool:
        return stage in self.stages

    def with_options(self, **changes: Any) -> "Config":
        """A copy with `changes` applied (and validated)."""
        return replace(self, **changes)

    @classmethod
    def from_mapping(cls, values: dict[str, Any], *, source: str = "config") -> "Config":
        """Build a Config from a TOML table; unknown keys are an error naming `source`."""
        known = {f.name for f in fields(cls)}
        extra = sorted(set(values) - known)
        if extra:
            raise ConfigError(f"{source}: unknown key {extra[0]!r}; known keys: {', '.join(sorted(known))}")
        values = dict(values)
        for key in ("stages", "leftover_rules", "protected_words", "vocabulary"):
            if key in values and isinstance(values[key], str):
                raise ConfigError(f"{source}: {key} must be a list")
        try:
            return cls(**values)
        except TypeError as exc:
            raise ConfigError(f"{source}: {exc}") from None


DEFAULT = Config()
