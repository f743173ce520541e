"""Writing outputs so that nothing is ever lost.

`AtomicWriter` writes to a temporary file beside the target and renames it
over the target only once everything is written and flushed, so a crash, a
kill or Ctrl-C leaves either the previous file or the complete new one.
`--in-place` backups are hard links (or copies) made just before that
rename, and an existing backup is never overwritten. Outputs under a folder
never leave it: `make_parents` will not create or enter a folder through a
symbolic link.
"""
from __future__ import annotations

import atexit
import os
import secrets
import stat
from typing import BinaryIO

from ..errors import OutputError
from .compression import compressor
from .decoding import CHUNK_BYTES

# Temporary files are hidden and end so; folder walks never pick them up.
TEMP_SUFFIX = ".normalize-tmp"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot_write(target: str, exc: OSError) -> OutputError:
    folder = os.path.dirname(target) or "."
    if isinstance(exc, FileNotFoundError):
        reason = f"folder {folder} does not exist"
    elif isinstance(exc, NotADirectoryError):
        reason = f"{folder} is not a folder"
    elif isinstance(exc, PermissionError):
        reason = f"permission denied in {folder}"
    else:
        reason = exc.strerror or str(exc)
    return OutputError(f"{target}: cannot write: {reason}")


class AtomicWriter:
    """Write `target` all at once, or not at all.

    Bytes go to a hidden temporary file in the target's folder; `commit`
    flushes it to disk and renames it over the target (after hard-linking the
    old target to `target + backup_suffix`, if asked), `abort` deletes it. As
    a context manager it commits on success and aborts on any exception,
    KeyboardInterrupt included. A target that is a device or a pipe
    (/dev/stdout, /dev/null) is written directly: it cannot be renamed over.
    With `compression` ("gzip", "bzip2", "xz" or "zstd", see `compression`)
    the bytes given to `write` are compressed on their way to the file.
    """

    def __init__(
        self,
        target: str,
        *,
        backup_suffix: str | None = None,
        mode: int | None = None,
        compression: str | None = None,
    ) -> None:
        self.target = target
        self.backup_suffix = backup_suffix
        self.written = 0
        self._temp: str | None = None
        self._file: BinaryIO | None = None
        self._compressor = compressor(compression)
        try:
            info = os.stat(target)
        except OSError:
            info = None
        fd = -1
        try:
            if info is not None and not stat.S_ISREG(info.st_mode):
                if stat.S_ISDIR(info.st_mode):
                    raise OutputError(f"{target}: cannot write: it is a folder")
                self._file = open(target, "wb")
                return
            fd = self._make_temp(os.path.dirname(target) or ".", os.path.basename(target))
            # The file is made private; give it the mode the target has, or would get.
            if mode is None:
                mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
            os.fchmod(fd, mode)
            self._file = os.fdopen(fd, "wb")
        except BaseException as exc:
            if self._file is None and fd >= 0:
                os.close(fd)
            self.abort()
            if isinstance(exc, OSError):
                raise _cannot_write(target, exc) from None
            raise

    def _make_temp(self, folder: str, name: str) -> int:
        """Create the hidden temporary file beside the target; return its descriptor.

        As `tempfile.mkstemp` does, but the name is kept (and registered for
        `abort_unfinished`) before the file exists: a Ctrl-C can land on any
        line, in any thread's turn, and must never leave a file nobody knows of."""
        # (64 random bits: no name is tried twice.)
        self._temp = os.path.join(folder, f".{name}.{secrets.token_hex(8)}{TEMP_SUFFIX}")
        _UNFINISHED[self] = os.getpid()
        try:
            return os.open(self._temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except OSError:
            self._temp = None  # not made: nothing of ours to remove
            _UNFINISHED.pop(self, None)
            raise

    def write(self, data: bytes) -> None:
        """Write `data` (compressed on the way, if the writer compresses)."""
        try:
            self._file.write(self._compressor.compress(data) if self._compressor else data)
        except OSError as exc:
            self.abort()
            raise _cannot_write(self.target, exc) from None
        self.written += len(data)

    def commit(self) -> None:
        try:
            if self._compressor is not None:
                self._file.write(self._compressor.flush())
                self._compressor = None
            self._file.flush()
            if self._temp is None:
                self._file.close()
                return
            os.fsync(self._file.fileno())
            self._file.close()
            if self.backup_suffix:
                make_backup(self.target, self.target + self.backup_suffix)
            os.replace(self._temp, self.target)
            self._temp = None
            _UNFINISHED.pop(self, None)
        except OSError as exc:
            self.abort()
            raise _cannot_write(self.target, exc) from None
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop what was written; the target is left as it was."""
        try:
            if self._file is not None:
                self._file.close()
        except OSError:
            pass
        if self._temp is not None:
            try:
                os.unlink(self._temp)
            except FileNotFoundError:
                pass
            self._temp = None
        _UNFINISHED.pop(self, None)

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


# Writers of this process whose temporary file exists, committed or aborted
# by no one yet: an interrupt can land between making a writer and keeping
# it where its caller would abort it. They are aborted when the process
# exits (a worker forked from it has its own process id and leaves them).
_UNFINISHED: dict[AtomicWriter, int] = {}


@atexit.register
def abort_unfinished() -> None:
    """Abort every writer this process made and neither committed nor aborted."""
    for writer, pid in list(_UNFINISHED.items()):
        if pid == os.getpid():
            writer.abort()


def write_atomic(target: str, data: bytes) -> None:
    """Replace `target` with `data` in one step (see `AtomicWriter`)."""
    with AtomicWriter(target) as writer:
        writer.write(data)


def make_backup(path: str, backup: str) -> None:
    """Keep the current `path` as `backup`, which must not exist yet."""
    exists = OutputError(
        f"{path}: backup {backup} already exists and is never overwritten; "
        "move it away or choose another --backup suffix"
    )
    if os.path.lexists(backup):
        raise exists
    try:
        os.link(path, backup)
        return
    except FileExistsError:
        raise exists from None
    except OSError:
        pass  # no hard links on this file system: copy instead
    with open(path, "rb") as source, AtomicWriter(backup, mode=stat.S_IMODE(os.stat(path).st_mode)) as writer:
        for chunk in iter(lambda: source.read(CHUNK_BYTES), b""):
            writer.write(chunk)


def make_parents(root: str, target: str) -> None:
    """Create the folders from `root` down to `target`'s folder, never
    through a symbolic link and never outside `root`."""
    relative = os.path.relpath(os.path.dirname(target), root)
    if relative == ".":
        return
    parts = relative.split(os.sep)
    if ".." in parts or os.path.isabs(relative):
        raise OutputError(f"{target}: would be written outside the output folder {root}")
    current = root
    for part in parts:
        current = os.path.join(current, part)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            try:
                os.mkdir(current)
            except OSError as exc:
                raise _cannot_write(target, exc) from None
            continue
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(
                f"{target}: {current} is a symbolic link; normalize never writes through "
                "a link inside the output folder"
            )
        if not stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{target}: cannot write: {current} is not a folder")
