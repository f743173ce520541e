"""The pipeline: an ordered registry of stages, and the one code path that runs them.

Order, and why:
1. fix_encoding first: mojibake (`Vietnamâ€™s`) and entities would hide
   words and leftovers from every later stage.
2. remove_leftovers next, on text whose characters are right but whose lines
   are still the scraper's: leftovers are recognised by their own lines, and
   the splitter never spends effort on (or splits) page furniture.
3. rejoin_lines rejoins words hyphenated at line ends (and, with `unwrap`,
   the lines of hard-wrapped paragraphs), so that the word stages read whole
   words (`elec-\ntorate` is no damage) and paragraphs as they come out.
4. rejoin_words removes the stray spaces inside words (`evergr een`), before
   the splitter reads the text, so that it never cuts a broken word's pieces.
5. split_words then restores lost spaces inside article text.
6. normalize_whitespace last, tidying what removal and splitting left behind.

The word stages settle together: where split_words put spaces back, a broken
word's first piece may only now stand alone (`hepainte d` -> `he painte d`),
so rejoin_words reads a short text once more, and split_words after it if it
joined anything (`WORD_ROUND`): cleaning twice changes no more than once.
"""
from __future__ import annotations

from typing import Callable

from .config import DEFAULT, STAGE_NAMES, Config
from .edits import Cleaned, Edit, located
from .encoding import fix_encoding
from .leftovers import remove_leftovers
from .linebreaks import rejoin_lines
from .splitting import split_words
from .splitting.rejoin import rejoin_words
from .splitting.tuning import MARKS_LONG_TEXT
from .whitespace import normalize_whitespace

Stage = Callable[[str, Config], tuple[str, list[Edit]]]

STAGES: dict[str, Stage] = {
    "fix_encoding": fix_encoding,
    "remove_leftovers": remove_leftovers,
    "rejoin_lines": rejoin_lines,
    "rejoin_words": rejoin_words,
    "split_words": split_words,
    "normalize_whitespace": normalize_whitespace,
}
assert tuple(STAGES) == STAGE_NAMES


def clean_and_explain(text: str, config: Config | None = None) -> Cleaned:
    """Clean `text` and return the result with every edit that produced it."""
    if not isinstance(text, str):
        kind = type(text).__name__
        hint = " decode it first, e.g. data.decode('utf-8')," if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"normalize.clean expects str, got {kind}:{hint} or use the CLI, which reads files")
    config = config or DEFAULT
    edits: list[Edit] = []
    for name, stage in STAGES.items():
        if config.runs(name):
            text, stage_edits = _run(name, text, config, edits)
            edits += stage_edits
            if name == WORD_ROUND[-1] and stage_edits and len(text) < ROUND_TEXT_CHARS and all(
                    map(config.runs, WORD_ROUND)):
                # The word stages once more where the splitter changed the text (a round, not a
                # loop: a stage's edits never sit beside its own, and `restore` undoes them in turn).
                for again in WORD_ROUND:
                    text, stage_edits = _run(again, text, config, edits)
                    edits += stage_edits
                    if not stage_edits:
                        break
    return Cleaned(text, located(tuple(edits)))


# The stages that run once more, in order, where the last of them changed the text.
WORD_ROUND = ("rejoin_words", "split_words")
# ... in a text shorter than this (a long text, `splitting.tuning.MARKS_LONG_TEXT`, shows its
# damage twice and the round found nothing more in one: the same figures on every shared set
# with it or without it on long texts, and first sight on dev's articles 15-25% faster without).
ROUND_TEXT_CHARS = MARKS_LONG_TEXT


def _run(name: str, text: str, config: Config, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """One stage on `text`, given the edits before it if it reads them."""
    stage = STAGES[name]
    if getattr(stage, "reads_earlier_edits", False):
        # (The splitter counts the stray spaces rejoin_words removed as marks of damage.)
        return stage(text, config, earlier=tuple(edits))
    return stage(text, config)


def clean(text: str, config: Config | None = None) -> str:
    """Clean `text`: `clean_and_explain(text, config).text`.

    >>> clean("The officials exchangedviews inHanoi.")
    'The officials exchanged views in Hanoi.'
    """
    return clean_and_explain(text, config).text
