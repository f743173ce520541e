"""Cleaners that run some of normalize's stages, for `score.py --cleaner`.

    python ../shared/tools/score.py ../shared/corpus/extract-dev.jsonl --group 2 \\
        --cleaner benchmarks.stages:leftovers_only

(run from the project folder, so that `benchmarks` is importable).
"""
from __future__ import annotations

from normalize import Config, clean

LEFTOVERS_ONLY = Config(stages=("remove_leftovers",))
WITHOUT_LEFTOVERS = Config(stages=tuple(s for s in Config().stages if s != "remove_leftovers"))


def leftovers_only(text: str) -> str:
    """Only `remove_leftovers`: what the stage takes, and nothing else changed."""
    return clean(text, LEFTOVERS_ONLY)


def without_leftovers(text: str) -> str:
    """Every stage but `remove_leftovers`."""
    return clean(text, WITHOUT_LEFTOVERS)
