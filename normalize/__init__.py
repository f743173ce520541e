"""normalize: repair text scraped from the web, losing nothing.

    >>> import normalize
    >>> normalize.clean("Vietnamâ€™s officials exchangedviews inHanoi.")
    'Vietnam’s officials exchanged views in Hanoi.'

Every change is recorded: `clean_and_explain` returns the text and its edits,
and `restore` rebuilds the exact input from them. `clean_lines` and
`clean_records` are generators for other pipelines: lines of a file of any
size, and records with a text field.
"""
from .config import STAGE_NAMES, Config
from .edits import Cleaned, Edit, restore
from .errors import (
    BinaryInputError,
    ConfigError,
    InputError,
    NormalizeError,
    OutputError,
    RestoreError,
    RuleError,
)
from .pipeline import STAGES, clean, clean_and_explain
from .streaming import clean_lines, clean_record, clean_records

__all__ = [
    "STAGES",
    "STAGE_NAMES",
    "BinaryInputError",
    "Cleaned",
    "Config",
    "ConfigError",
    "Edit",
    "InputError",
    "NormalizeError",
    "OutputError",
    "RestoreError",
    "RuleError",
    "clean",
    "clean_and_explain",
    "clean_lines",
    "clean_record",
    "clean_records",
    "restore",
]
__version__ = "0.1.0"
