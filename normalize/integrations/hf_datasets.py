"""Cleaning a Hugging Face `datasets.Dataset` with `Dataset.map`.

Needs the `datasets` extra (`pip install 'normalize-text[datasets]'`), and
imports nothing of it: `CleanBatch` is a plain callable that `map` hands
batches to.

    import datasets
    from normalize.integrations.hf_datasets import CleanBatch

    pages = datasets.load_dataset("json", data_files="pages/*.jsonl", split="train")
    clean = pages.map(CleanBatch(damage_field="damage"), batched=True, num_proc=4)

Why a class and not a lambda: `map` caches its result under a fingerprint
of the function it is given, hashed from the function's pickle. A lambda or
a function written in a notebook is pickled by value, with whatever it
refers to, and its fingerprint can change from one process to the next; a
changed fingerprint means the whole dataset is cleaned again. `CleanBatch`
is pickled by reference to its class, with its state: the `Config` (whose
sets `datasets` hashes sorted), the field names, normalize's version and a
digest of the files the config names (rule packs, vocabulary). So the same
`CleanBatch` in a new process finds the cache, and editing a rule pack
does not: its result is computed again.
"""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Mapping

from .. import __version__
from ..config import Config
from ..errors import ConfigError, InputError
from ..jobs.parquet import edit_fields
from ..pipeline import clean_and_explain
from ..streaming import with_field

if TYPE_CHECKING:  # pragma: no cover
    import datasets

_MISSING = object()  # a null on a struct path: the text is missing


def _files_digest(config: Config) -> str:
    """A digest of the contents of the files `config` reads, so that a
    changed rule pack or vocabulary changes the fingerprint."""
    digest = hashlib.sha256()
    for path in (*config.leftover_rules, *([config.vocabulary_file] if config.vocabulary_file else [])):
        digest.update(path.encode("utf-8", "surrogatepass") + b"\0")
        try:
            with open(path, "rb") as source:
                digest.update(source.read())
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    return digest.hexdigest()


class CleanBatch:
    """Clean one text column of a batch of rows, for `Dataset.map(batched=True)`.

    field
        The column to clean; a dotted path reaches into a struct column
        ("meta.body"), as the command line's --field does. Its cleaned text
        replaces it; the other columns are not returned, so `map` keeps them
        as they are.
    edits_field
        A new column for each row's edits (a list of dicts, as
        `Edit.as_dict` gives them), from which `normalize.restore` rebuilds
        the original text.
    damage_field
        A new column for each row's damage estimate (`Cleaned.damage`: word
        repairs per word of the cleaned text; 0.0 for a text that needed
        none).

    A missing text (None) stays missing, with no edits and no damage; any
    other value that is not a string raises `InputError`, as a JSON Lines
    record's would.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        field: str = "text",
        edits_field: str | None = None,
        damage_field: str | None = None,
    ) -> None:
        self.config = config or Config()
        self.field = field
        self.edits_field = edits_field
        self.damage_field = damage_field
        self.version = __version__
        self.files_digest = _files_digest(self.config)

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list]:
        column, _, rest = self.field.partition(".")
        if column not in batch:
            raise InputError(f"no column {column!r} in the dataset (columns: {', '.join(batch)})")
        values = batch[column]
        if not isinstance(values, (list, tuple)):
            raise ConfigError("CleanBatch cleans batches: call Dataset.map with batched=True")
        out: dict[str, list] = {column: []}
        edits: list[list[dict] | None] = []
        damages: list[float | None] = []
        for value in values:
            text = _text_at(value, rest, self.field) if rest else value
            if text is None or text is _MISSING:
                out[column].append(value)
                edits.append(None)
                damages.append(None)
                continue
            if not isinstance(text, str):
                raise InputError(f"field {self.field!r} holds {type(text).__name__}, not a string")
            cleaned = clean_and_explain(text, self.config)
            out[column].append(with_field(value, rest, cleaned.text) if rest else cleaned.text)
            edits.append([edit.as_dict() for edit in cleaned.edits])
            damages.append(cleaned.damage)
        if self.edits_field:
            out[self.edits_field] = edits
        if self.damage_field:
            out[self.damage_field] = damages
        return out

    def features(self, features: "datasets.Features") -> "datasets.Features":
        """`features` (a dataset's) with the columns this adds: pass the
        result as `map(..., features=...)`. With `edits_field` it is needed:
        `map` takes a new column's type from the first batch it writes, and a
        batch whose texts needed no edit would make the edits column null."""
        import datasets

        features = features.copy()
        if self.edits_field:
            edit = {name: datasets.Value(kind) for name, kind in edit_fields()}
            features[self.edits_field] = datasets.List(edit)
        if self.damage_field:
            features[self.damage_field] = datasets.Value("float64")
        return features


def _text_at(value: Any, path: str, field: str) -> Any:
    """The value at dotted `path` inside a struct value; `_MISSING` where a
    level is null, as Arrow structs hold a missing field."""
    for key in path.split("."):
        if value is None:
            return _MISSING
        if not isinstance(value, Mapping):
            raise InputError(f"field {field!r}: {key!r} is inside {type(value).__name__}, not a struct")
        if key not in value:
            raise InputError(f"no field {field!r} in the dataset")
        value = value[key]
    return value
