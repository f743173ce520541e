"""Whether a word of the word list can ever split, learnt ahead.

`guards._judge_word` asks of each new word atom whether some text could
split it: for a word of the list that is not common enough to be safe, that
means its best split, the web's counts and the compound checks, about 10 us
a word, paid again in every fresh process for every word it meets. The
answer depends on the word and the tables alone, so it is worked out ahead
for every word of the list from LEARNT_ZIPF up (lower case and capitalised,
86,000 words each) and shipped as the few that can split
(`data/splittable_words.txt`, `data/splittable_names.txt`): any other word
of that band never splits. Used only with the packaged tables (a model with
the user's vocabulary folded in works its answers out as before); a test
works every answer out again and compares (`write_files()` writes them anew
after a change of the rules:
`python -c "from normalize.splitting.verdicts import write_files; write_files()"`).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from ..vocabulary import read_word_file
from .tuning import LEARNT_ZIPF, SAFE_ZIPF

if TYPE_CHECKING:
    from .model import Model

_DATA = os.path.join(os.path.dirname(__file__), "data")
FILES = {False: os.path.join(_DATA, "splittable_words.txt"), True: os.path.join(_DATA, "splittable_names.txt")}


def learnt(model: Model, lower: str) -> bool:
    """Whether the answer for `lower` (as written in lower case, or capitalised) was learnt ahead."""
    z = model.zipf.get(lower)
    return (model.packaged and z is not None and LEARNT_ZIPF <= z < SAFE_ZIPF and len(lower) >= 3
            and lower.isascii() and lower.isalpha())


def can_split(lower: str, capitalised: bool) -> bool:
    """The learnt answer for a word `learnt` holds: whether some text could split it."""
    return lower in _splittable()[capitalised]


@lru_cache(maxsize=1)
def _splittable() -> dict[bool, frozenset[str]]:
    return {capitalised: read_word_file(path) for capitalised, path in FILES.items()}


def band(model: Model) -> list[str]:
    """The words whose answers are learnt ahead, in the list's order."""
    return [word for word in model.zipf if learnt(model, word)]


def work_out(model: Model) -> dict[bool, list[str]]:
    """The words of `band` that can split, lower case and capitalised, worked out afresh."""
    from .guards import _judge_word

    words = band(model)
    return {capitalised: sorted(word for word in words if not _judge_word(model, word.capitalize() if capitalised
                                                                          else word, learn=False))
            for capitalised in (False, True)}


def write_files() -> None:
    """Write the two files from the answers as the code now works them out."""
    from ..config import Config
    from .model import model_for

    for capitalised, words in work_out(model_for(Config())).items():
        kind = "capitalised (Hanoi)" if capitalised else "in lower case (hanoi)"
        with open(FILES[capitalised], "w", encoding="utf-8") as out:
            out.write(f"# Words of the list (zipf {LEARNT_ZIPF} to {SAFE_ZIPF}) that some text could split, written {kind}:\n"
                      "# written by normalize.splitting.verdicts.write_files(); see verdicts.py.\n")
            out.writelines(word + "\n" for word in words)
