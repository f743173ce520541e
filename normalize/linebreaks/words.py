"""Word lists the line-end rules name, read once from `data/*.txt` when the
stage is imported: one entry a line, `#` starts a comment. General English
lists written by hand, not taken from any corpus."""
from __future__ import annotations

import os

from ..vocabulary import read_word_file

_DATA = os.path.join(os.path.dirname(__file__), "data")


def _entries(name: str) -> frozenset[str]:
    """The entries of `data/<name>.txt` (`vocabulary.read_word_file`)."""
    return read_word_file(os.path.join(_DATA, f"{name}.txt"))


# Prefixes English writes with a hyphen before a word (self-made, non-profit, well-known).
HYPHENATED_PREFIXES = frozenset(_entries("hyphenated_prefixes"))
# Words after a verb that make a noun of it (line-up, lay-off), hyphenated in British use.
PARTICLE_TAILS = frozenset(_entries("particle_tails"))
# Endings that make a word of a word (court-ers, cultural-ism), tested with `str.endswith`.
DERIVING_ENDINGS = tuple(sorted(_entries("deriving_endings")))
