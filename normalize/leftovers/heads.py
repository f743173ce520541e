"""Line heads learnt ahead: which built-in line rules the commonest heads let in.

The head dispatch (`dispatch`) learns which line rules a line's head can
start, by partial matching, a few microseconds a rule and head, and
remembers it for the process. A text seen first pays for the heads it
brings, and most of them are the first letters of common words, which
every process meets again: "T", "Th", "The", "“A", "(1". data/heads.txt
holds what learning gives for those, so that a fresh process starts with
them known: the first three letters of the 2,000 commonest words of six
languages (wordfreq), as written, capitalised, and after an opening quote
or bracket, with every shorter head the dispatch narrows them from. A head
whose rules are none lets none in under it either: the file keeps such a
head only where its shorter head lets some in.

The table is a record of facts about patterns, so it is read only while the
patterns are those it was learnt from: its fingerprint (the tested rules'
names and patterns, and the named word lists they read) must be the running
one's, or the dispatch learns every head as it comes. After a rule changes,
`python -m normalize.leftovers.heads` learns it again; tests/test_leftovers.py
checks that the table is what learning gives, with the regex module installed.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ..rules import Rule, builtin_lists

HEADS = Path(__file__).with_name("data") / "heads.txt"
LANGUAGES = ("en", "de", "fr", "es", "pt", "it")
WORDS_PER_LANGUAGE = 2000
# How a word may open a line: as it is, or after an opening quote or bracket.
OPENINGS = ("", '"', "“", "‘", "'", "(")
HEAD_LETTERS = 3


def fingerprint(tested: tuple[Rule, ...]) -> str:
    """What a head's rules depend on: the tested rules, in order, with their
    patterns, and the named word lists."""
    facts = [sorted(builtin_lists().items())]
    facts += [(rule.name, rule.shape, rule.source_pattern) for rule in tested]
    return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()


def read_table() -> tuple[str, dict[str, int]]:
    """The fingerprint data/heads.txt was learnt for, and its heads, each
    with the bit mask of the tested rules it lets in (bit n: the nth)."""
    lines = HEADS.read_text(encoding="utf-8").splitlines()
    body = "\n".join(line for line in lines if not line.startswith("#"))
    return lines[0].removeprefix("# fingerprint "), json.loads(body)


@lru_cache(maxsize=4)
def learnt_ahead(tested: tuple[Rule, ...]) -> dict[str, int]:
    """The heads of data/heads.txt with their masks over `tested`; empty if
    the table was learnt from other rules, or cannot be read."""
    try:
        learnt_for, heads = read_table()
    except (OSError, ValueError):
        return {}
    return heads if learnt_for == fingerprint(tested) else {}


def learn(tested: tuple[Rule, ...], learner, heads) -> dict[str, int]:
    """Each of `heads` with the mask of the tested rules it lets in, as
    `learner(head)` (a head dispatch's own, run afresh) learns them."""
    bits = {id(rule): 1 << n for n, rule in enumerate(tested)}
    return {head: sum(bits[id(rule)] for rule in learner(head)[1]) for head in heads}


def common_heads(shorter) -> set[str]:
    """The heads the table holds: the first letters of common words as they
    open a line, and every shorter head the dispatch narrows them from
    (`shorter`)."""
    from wordfreq import top_n_list  # only to learn the table again

    from .dispatch import HEAD_RE

    heads = set()
    for language in LANGUAGES:
        for word in top_n_list(language, WORDS_PER_LANGUAGE):
            for form in {word, word.capitalize()}:
                for opening in OPENINGS:
                    head = HEAD_RE.match(opening + form + " ").group()
                    while head:
                        if len(head) <= HEAD_LETTERS:
                            heads.add(head)
                        head = shorter(head)
    return heads


def main() -> None:
    """Learn data/heads.txt again for the built-in rules."""
    from ..config import Config
    from .dispatch import _can_start_with, _learner, _shorter_head, compiled

    rules = compiled(Config())
    tested = rules.head_tested
    masks = learn(tested, _learner((rules.lines,), tested, _shorter_head, _can_start_with),
                  sorted(common_heads(_shorter_head), key=lambda head: (len(head), head)))
    # Under a head that lets no rule in, none does: only the first such is kept.
    kept = {head: mask for head, mask in masks.items()
            if mask or not _shorter_head(head) or masks.get(_shorter_head(head), 1)}
    lines = [f"# fingerprint {fingerprint(tested)}",
             "# Learnt by python -m normalize.leftovers.heads; see normalize/leftovers/heads.py.",
             "# Each head (a JSON object's key) with the tested rules it lets in, bit n for the nth of these:",
             "# " + " ".join(rule.name for rule in tested),
             *json.dumps(kept, ensure_ascii=False, indent=0).splitlines()]
    HEADS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {HEADS}: {len(kept)} heads")


if __name__ == "__main__":
    main()
