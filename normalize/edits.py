"""The edit log: every change normalize makes, as data.

An `Edit` says which stage and rule changed the text, where (a span in the text
that stage received, and the span of the pipeline's input it sits on), what
was removed and what was inserted. A stage's edits are sorted and never
overlap, so they can be replayed forwards (`apply_edits`) and undone
backwards (`restore`) without guessing. `Cleaned` maps spans between the
cleaned text and the input (`normalize.positions`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable

from .errors import RestoreError
from .positions import PositionMap, original_spans


# The stages whose edits repair words (the damage estimate counts them).
REPAIR_STAGES = frozenset({"fix_encoding", "rejoin_words", "split_words"})

@dataclass(frozen=True, slots=True)
class Edit:
    """One change: `removed` (== stage input[start:end]) became `inserted`.

    `original_start` and `original_end` say where the change sits in the
    text given to `clean_and_explain`: the span `removed` came from, widened
    over what earlier stages changed there (an inserted space: an empty span
    between the two characters it separates). `None` on an edit built
    without them; they take no part in comparing edits."""

    stage: str
    rule: str
    start: int
    end: int
    removed: str
    inserted: str
    original_start: int | None = field(default=None, compare=False)
    original_end: int | None = field(default=None, compare=False)

    @property
    def original_span(self) -> tuple[int, int] | None:
        """(original_start, original_end), or None if the edit does not know them."""
        return None if self.original_start is None else (self.original_start, self.original_end)

    def as_dict(self) -> dict:
        """The edit's fields; `Edit(**edit.as_dict())` gives it back."""
        fields = {
            "stage": self.stage,
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "removed": self.removed,
            "inserted": self.inserted,
        }
        if self.original_start is not None:
            fields["original_start"] = self.original_start
            fields["original_end"] = self.original_end
        return fields


def located(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """`edits` with `original_start` and `original_end` filled in."""
    return tuple(
        Edit(edit.stage, edit.rule, edit.start, edit.end, edit.removed, edit.inserted, start, end)
        for edit, (start, end) in zip(edits, original_spans(edits))
    )


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned `text` and the ordered `edits` that produced it.

    `to_original` and `to_cleaned` map spans between `text` and the original
    (the text given to `clean_and_explain`): a span that touches no edit maps
    to the same characters; one that touches an edit widens to cover it. A
    space put in maps to the empty span between the two characters it
    separates, and removed text (leftovers) to the empty span where it was.
    The map is built on the first call, from the edits alone (linear in their
    number); each lookup is logarithmic."""

    text: str
    edits: tuple[Edit, ...]
    _positions: PositionMap | None = field(default=None, init=False, repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    @property
    def positions(self) -> PositionMap:
        """The map between the original and `text` (built once, on first use)."""
        if self._positions is None:
            object.__setattr__(self, "_positions", PositionMap(self.edits, len(self.text)))
        return self._positions

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that `text[start:end]` came from.

        >>> from normalize import clean_and_explain
        >>> raw = "Officials  metin Hanoi."
        >>> cleaned = clean_and_explain(raw)
        >>> start = cleaned.text.index("Hanoi")
        >>> raw[slice(*cleaned.to_original(start, start + len("Hanoi")))]
        'Hanoi'
        """
        return (self._positions or self.positions).to_original(start, end)

    def to_cleaned(self, start: int, end: int) -> tuple[int, int]:
        """The span of `text` that `original[start:end]` became (empty if it was removed)."""
        return (self._positions or self.positions).to_cleaned(start, end)

    @property
    def damage(self) -> float:
        """How broken the text was: the word repairs (mojibake and characters
        fixed, stray spaces removed, lost spaces put back) per word of the
        cleaned text, rounded to four places. 0.0 for a text that needed none;
        leftovers removed and whitespace tidied do not count. Pipelines filter
        on it (a page of glued words scores far above a news article)."""
        repairs = sum(edit.stage in REPAIR_STAGES for edit in self.edits)
        return round(repairs / max(1, len(self.text.split())), 4) if repairs else 0.0


def replace_spans(
    text: str, stage: str, spans: Iterable[tuple[int, int, str, str]]
) -> tuple[str, list[Edit]]:
    """Apply `(start, end, inserted, rule)` spans, sorted and non-overlapping,
    to `text`; return the new text and one `Edit` per span that changed it."""
    pieces: list[str] = []
    edits: list[Edit] = []
    pos = 0
    for start, end, inserted, rule in spans:
        if start < pos or end < start:
            raise ValueError(f"{stage}: spans overlap or are unsorted at {start}")
        removed = text[start:end]
        if removed == inserted:
            continue
        pieces.append(text[pos:start])
        pieces.append(inserted)
        pos = end
        edits.append(Edit(stage, rule, start, end, removed, inserted))
    if not edits:
        return text, edits
    pieces.append(text[pos:])
    return "".join(pieces), edits


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replay one stage's edits on the text that stage received."""
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        if text[edit.start : edit.end] != edit.removed:
            raise RestoreError(f"edit {edit} does not match the text at {edit.start}")
        pieces.append(text[pos : edit.start])
        pieces.append(edit.inserted)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _undo_stage(text: str, edits: list[Edit]) -> str:
    pieces: list[str] = []
    pos = 0
    shift = 0  # how far the stage's output has moved against its input so far
    for edit in edits:
        at = edit.start + shift
        if text[at : at + len(edit.inserted)] != edit.inserted or at < pos:
            raise RestoreError(
                f"cannot undo {edit.stage}/{edit.rule} at {edit.start}: the text there is not "
                f"{edit.inserted!r}"
            )
        pieces.append(text[pos:at])
        pieces.append(edit.removed)
        pos = at + len(edit.inserted)
        shift += len(edit.inserted) - len(edit.removed)
    pieces.append(text[pos:])
    return "".join(pieces)


def restore(cleaned: Cleaned) -> str:
    """Rebuild the exact input of `clean_and_explain` from its output and edits.

    >>> from normalize import clean_and_explain
    >>> restore(clean_and_explain("Hello  world\\r\\n")) == "Hello  world\\r\\n"
    True
    """
    text = cleaned.text
    stages = [list(group) for _, group in groupby(cleaned.edits, key=lambda e: e.stage)]
    for edits in reversed(stages):
        text = _undo_stage(text, edits)
    return text
