"""What flows through a batch run.

The reading side (`inputs`) turns each task into a stream of these, in
input order; the writing side (`batch`) cleans the pieces and writes them.
`Shown` and `Problem` are what a run yields to its caller.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..edits import Cleaned
from .manifest import Source
from .planning import Task

if TYPE_CHECKING:  # pragma: no cover
    from .parquet import RowGroup


@dataclass(frozen=True)
class Shown:
    """A cleaned piece of a document. `first` marks a document's first
    piece; `raw_line` and `out_line` count the lines of the document's
    input and output before this piece (0 for a whole document)."""

    label: str
    raw: str
    cleaned: Cleaned
    first: bool = True
    raw_line: int = 0
    out_line: int = 0


@dataclass(frozen=True)
class Problem:
    """An input that "failed" or was "skipped", a record "rejected" (left
    out under on_error="skip"), or a "warning" about the run as a whole."""

    label: str
    message: str
    kind: str = "failed"


# The stream of work: what the reading side hands to the writing side.


@dataclass
class Rows:
    """Rows of a Parquet row group: those at `indices` in `group` (the
    piece's texts are theirs), `first_row` the group's first row in the
    file, and `last` whether the group is complete with them."""

    group: "RowGroup"
    indices: list[int]
    first_row: int
    last: bool


@dataclass
class Piece:
    """Texts of one input, cleaned together by one worker: a whole text, or
    blocks of it (each with the separator after it), or records (each with
    its line number, the record and its raw line), or Parquet rows."""

    task: Task
    texts: list[str] | None
    separators: list[str] = field(default_factory=list)
    records: list[tuple[int, dict, bytes]] = field(default_factory=list)
    rows: Rows | None = None


@dataclass
class ShardOpened:
    """A Parquet input is open: its output can be made with its schema."""

    task: Task
    schema: Any  # pyarrow.Schema
    compression: str


@dataclass
class End:
    """The task's input is all read; `source` is how it was when reading
    began, for the output folder's manifest (None: nothing to record)."""

    task: Task
    source: Source | None = None


@dataclass
class Redo:
    """--resume makes the task's output again, for `reason` (see `manifest.verdict`)."""

    task: Task
    reason: str


@dataclass
class Stop:
    """The task failed or is skipped: `problem` says why."""

    task: Task
    problem: Problem


@dataclass
class Reject:
    task: Task
    line: int
    raw: bytes
    message: str

