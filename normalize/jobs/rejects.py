"""The rejects file: the records a run left out, each its raw line, unchanged.

A record's line is held until its input is done: it goes into the file
once the input's output is written, and is dropped if the input fails or
the run stops first (the next run, or `--resume`, reads that input again
and rejects its records again). So the file lists the records missing
from the outputs that exist, each once. The file is written at `close`;
until then `Batch` leaves such an input out of its output folder's
manifest, so that after a kill -9 --resume makes it again, rejects and all.

With `resume`, the records an earlier run left out stay at the head of the
file: the inputs it finished are not read again, and their rejects would
otherwise be lost. Without it, a run that finishes rewrites the file (empty
if nothing was left out), so that an earlier run's file never passes for
this one's.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from typing import BinaryIO

from ..errors import OutputError
from .compression import compression_of, decompression_errors, open_compressed
from .planning import Task
from .writing import AtomicWriter

HELD_IN_MEMORY = 1 << 20  # bytes of an input's rejects held in memory before they spill to disk
COPY_BYTES = 1 << 20


class Rejects:
    """The rejects file at `path` (compressed as its name says)."""

    def __init__(self, path: str, *, resume: bool = False) -> None:
        self.path = path
        self.resume = resume
        self._held: dict[Task, BinaryIO] = {}
        self._writer: AtomicWriter | None = None

    def hold(self, task: Task, raw: bytes) -> None:
        """Hold a record's raw line until `task` is done."""
        held = self._held.get(task)
        if held is None:
            held = self._held[task] = tempfile.SpooledTemporaryFile(HELD_IN_MEMORY)
        held.write(raw if raw.endswith(b"\n") else raw + b"\n")

    def keep(self, task: Task) -> bool:
        """`task`'s output is written: its records left out go into the file
        (which is written at `close`). Whether it had any."""
        held = self._held.pop(task, None)
        if held is None:
            return False
        with held:
            held.seek(0)
            writer = self._open()
            while chunk := held.read(COPY_BYTES):
                writer.write(chunk)
        return True

    def drop(self, task: Task) -> None:
        """`task` failed or was not finished: its records left out are forgotten."""
        held = self._held.pop(task, None)
        if held is not None:
            held.close()

    def close(self, *, finished: bool) -> None:
        """Write the file: what was kept; when the run `finished`, the file
        even with nothing in it (unless resuming, which keeps an earlier one)."""
        for task in list(self._held):
            self.drop(task)
        if self._writer is None and finished and not (self.resume and os.path.lexists(self.path)):
            self._open()
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.commit()

    def _open(self) -> AtomicWriter:
        if self._writer is None:
            writer = AtomicWriter(self.path, compression=compression_of(self.path))
            try:
                if self.resume and os.path.isfile(self.path):
                    with open_compressed(self.path) as earlier:
                        shutil.copyfileobj(earlier, _Into(writer), COPY_BYTES)
            except (OSError, *decompression_errors()) as exc:
                writer.abort()
                raise OutputError(
                    f"{self.path}: cannot read the records an earlier run left out, to keep them: {exc}; "
                    "move the file away to start a new one"
                ) from None
            except BaseException:
                writer.abort()
                raise
            self._writer = writer
        return self._writer


class _Into:
    """A file-like `write` into an `AtomicWriter`, for `shutil.copyfileobj`."""

    def __init__(self, writer: AtomicWriter) -> None:
        self.writer = writer

    def write(self, data: bytes) -> int:
        self.writer.write(data)
        return len(data)
