"""The record of a run into an output folder: what made each output.

`OUTPUT/.normalize-manifest.jsonl` holds one JSON line per output made,
appended as the output lands:

    {"output": "a/b.txt", "input": "/abs/in/a/b.txt", "size": 5120,
     "mtime_ns": 1700000000000000000, "sha256": "...", "output_size": 4980,
     "output_sha256": "...", "options": "3f2a...", "normalize": "0.1.0"}

and, as each run starts, a line saying who writes and what its options are:

    {"run": {"pid": 4242, "host": "...", "started": "2024-05-01T12:00:00+00:00",
             "options": "3f2a...", "settings": {...}}}

`--resume` skips a task when the last line for its output says it was made
from this input (same path, size and content hash; the modification time
may differ) with the same options and version of normalize, and the output
is still what was written; otherwise the task is done again, and `verdict`
says why. A line is added only after its output is in place, with a single
write() on a file opened for appending, so a kill leaves whole lines: an
output whose line is missing is made again. A manifest that does not parse
is not trusted at all: nothing is skipped, and it starts afresh.

A run holds a lock on the manifest (POSIX `lockf`: the system releases it
when the process ends, however it ends, and a forked worker does not
inherit it): a second run into the same folder is refused, naming the first.
Such locks are the process's: two runs into one folder from the same
process are not kept apart, and closing either releases both.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import OutputError
from .decoding import CHUNK_BYTES
from .planning import MANIFEST_NAME, Task
from .temporaries import sweep, temp_name

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Options

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: no lock there
    fcntl = None

# Rewrite the manifest with one line per output once it holds more lines than this many per output kept.
COMPACT_RATIO = 2
COMPACT_MIN_LINES = 1000
ENTRY_KEYS = {"output", "input", "size", "mtime_ns", "sha256", "output_size", "output_sha256", "options", "normalize"}
# Why an output is made again, as `verdict` says it (short: a summary counts them).
NOT_MADE = "not done before"
OUTPUT_MISSING = "output missing"
OTHER_INPUT = "another input"
OTHER_OPTIONS = "other options"
OTHER_VERSION = "another version of normalize"
INPUT_CHANGED = "input changed"
OUTPUT_CHANGED = "output changed"


@dataclass(frozen=True)
class Source:
    """An input as it was when a run read it."""

    path: str
    size: int
    mtime_ns: int
    sha256: str

    def unchanged(self) -> bool:
        """Whether the input still has the size and time it had (it was not
        rewritten while it was being cleaned)."""
        try:
            info = os.stat(self.path)
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == (self.size, self.mtime_ns)


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def source_of(path: str) -> Source:
    """`path`'s size, time and content hash (OSError if it cannot be read)."""
    info = os.stat(path)
    return Source(os.path.abspath(path), info.st_size, info.st_mtime_ns, file_sha256(path))


def settings_of(options: "Options") -> dict[str, Any]:
    """What in `options` decides an output's bytes, as plain JSON values;
    the files the config names are there by their content's hash."""
    config = {
        key: sorted(value) if isinstance(value, frozenset) else value for key, value in asdict(options.config).items()
    }
    named = list(options.config.leftover_rules) + [options.config.vocabulary_file or ""]
    files = {}
    for path in filter(None, named):
        try:
            files[path] = file_sha256(path)
        except OSError as exc:
            files[path] = f"unreadable: {exc.strerror}"
    return {
        "config": config,
        "files": files,
        "encoding": options.encoding,
        "jsonl": options.jsonl,
        "parquet": options.parquet,
        "field": options.field if options.jsonl or options.parquet else None,
        "edits_field": options.edits_field,
        "damage_field": options.damage_field,
        "on_error": options.on_error,
    }


def fingerprint(settings: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]


class Busy(OutputError):
    """Another run is writing into the same output folder."""


class Manifest:
    """The manifest of output folder `root`, locked for this run; see the
    module's docstring. `problem` says why its earlier lines were not
    trusted ("missing", or what is damaged); None when they were read."""

    def __init__(self, root: str, options: "Options") -> None:
        self.root = root
        self.path = os.path.join(root, MANIFEST_NAME)
        self.settings = settings_of(options)
        self.options = fingerprint(self.settings)
        self.entries: dict[str, dict] = {}
        self.problem: str | None = None
        existed = os.path.exists(self.path)
        sweep(root)  # a compaction killed half-way leaves a named temporary
        self._fd = self._open_locked()
        try:
            lines = self._read(existed)
            if self.problem is not None and existed:
                os.ftruncate(self._fd, 0)  # start afresh: redo is the only safe reading
            elif lines > COMPACT_MIN_LINES and lines > COMPACT_RATIO * (len(self.entries) + 1):
                self._compact()
            self._append({"run": {"pid": os.getpid(), "host": socket.gethostname(), "started": _now(),
                                  "options": self.options, "settings": self.settings}})
        except BaseException:
            self.close()
            raise

    # -- opening

    def _open_locked(self) -> int:
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
            except OSError as exc:
                raise OutputError(f"{self.path}: cannot write the manifest: {exc.strerror}") from None
            if fcntl is None:
                return fd
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EACCES, errno.EAGAIN):
                    raise Busy(self._busy_message()) from None
                raise OutputError(f"{self.path}: cannot lock the manifest: {exc.strerror}") from None
            # A compaction may have put a new file in its place between open and lock.
            try:
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)

    def _busy_message(self) -> str:
        who = "another normalize run"
        try:
            with open(self.path, "rb") as stream:
                runs = [line for line in stream if line.startswith(b'{"run"')]
            run = json.loads(runs[-1])["run"]
            who += f" (process {run['pid']} on {run['host']}, started {run['started']})"
        except (OSError, IndexError, ValueError, KeyError, TypeError):
            pass
        return (f"{self.root}: {who} is writing into this folder; wait for it to end, "
                "or write elsewhere with another -o")

    def _read(self, existed: bool) -> int:
        """Read the lines into `entries`; return how many lines there were."""
        if not existed:
            self.problem = "missing"
            return 0
        # Read through the locked descriptor: closing any other one of this
        # file would release the lock (POSIX locks belong to the process).
        chunks, offset = [], 0
        while chunk := os.pread(self._fd, CHUNK_BYTES, offset):
            chunks.append(chunk)
            offset += len(chunk)
        data = b"".join(chunks)
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        elif lines:
            self.problem = f"damaged: its last line ends half-way (line {len(lines)})"
            return len(lines)
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
            except ValueError:
                self.problem = f"damaged: line {number} is not JSON"
                return len(lines)
            if not isinstance(record, dict):
                self.problem = f"damaged: line {number} is not an object"
                return len(lines)
            if "run" in record:
                continue
            if not ENTRY_KEYS <= record.keys() or not isinstance(record["output"], str):
                self.problem = f"damaged: line {number} is not an entry"
                return len(lines)
            self.entries[record["output"]] = record
        return len(lines)

    def _compact(self) -> None:
        """Rewrite the manifest with the last line of each output, through a
        new file locked before it takes the manifest's name."""
        temp = os.path.join(self.root, temp_name(MANIFEST_NAME))
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        try:
            if fcntl is not None:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            data = "".join(json.dumps(entry) + "\n" for entry in self.entries.values())
            os.write(fd, data.encode("ascii"))
            os.fsync(fd)
            os.replace(temp, self.path)
        except BaseException:
            os.close(fd)
            os.unlink(temp)
            raise
        os.close(self._fd)
        self._fd = fd

    # -- using

    def relative(self, task: Task) -> str:
        return os.path.relpath(task.target, self.root).replace(os.sep, "/")

    def verdict(self, task: Task, source: Source | None) -> str | None:
        """None when `task`'s output is what this run would make; else why it is made again."""
        entry = self.entries.get(self.relative(task))
        if entry is None or source is None:
            return NOT_MADE
        try:
            made = os.stat(task.target)
        except OSError:
            return OUTPUT_MISSING
        if entry["input"] != source.path:
            return OTHER_INPUT
        if entry["options"] != self.options:
            return OTHER_OPTIONS
        if entry["normalize"] != __version__:
            return OTHER_VERSION
        if (entry["size"], entry["sha256"]) != (source.size, source.sha256):
            return INPUT_CHANGED
        if made.st_size != entry["output_size"] or file_sha256(task.target) != entry["output_sha256"]:
            return OUTPUT_CHANGED
        return None

    def record(self, task: Task, source: Source, output_size: int, output_sha256: str) -> None:
        """Add the line for `task`'s output, which is in place."""
        entry = {
            "output": self.relative(task), "input": source.path, "size": source.size, "mtime_ns": source.mtime_ns,
            "sha256": source.sha256, "output_size": output_size, "output_sha256": output_sha256,
            "options": self.options, "normalize": __version__,
        }
        self.entries[entry["output"]] = entry
        self._append(entry)

    def _append(self, record: dict) -> None:
        # ASCII: a path that is no valid UTF-8 (a lone surrogate) survives as an escape.
        line = (json.dumps(record) + "\n").encode("ascii")
        try:
            written = os.write(self._fd, line)  # one write on an O_APPEND file: a whole line or none
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write the manifest: {exc.strerror}") from None
        if written != len(line):
            raise OutputError(f"{self.path}: cannot write the manifest: the disk took {written} of {len(line)} bytes")

    def close(self) -> None:
        """Release the lock (ending the process does too)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
