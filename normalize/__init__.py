"""normalize: repair text scraped from the web, losing nothing.

    >>> import normalize
    >>> normalize.clean("Vietnamâ€™s officials exchangedviews inHanoi.")
    'Vietnam’s officials exchanged views in Hanoi.'

Every change is recorded: `clean_and_explain` returns the text and its edits,
and `restore` rebuilds the exact input from them.
"""
from .config import STAGE_NAMES, Config
from .edits import Cleaned, Edit, restore
from .errors import ConfigError, InputError, NormalizeError, RestoreError, RuleError
from .pipeline import STAGES, clean, clean_and_explain

__all__ = [
    "STAGES",
    "STAGE_NAMES",
    "Cleaned",
    "Config",
    "ConfigError",
    "Edit",
    "InputError",
    "NormalizeError",
    "RestoreError",
    "RuleError",
    "clean",
    "clean_and_explain",
    "restore",
]
__version__ = "0.1.0"
