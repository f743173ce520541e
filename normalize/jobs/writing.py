"""Writing outputs so that nothing is ever lost.

`AtomicWriter` writes to a temporary file beside the target and puts it in
place only once everything is written and flushed, so a crash, a kill or
Ctrl-C leaves either the previous file or the complete new one, and no
temporary that lasts (see `temporaries`). `--in-place` backups are hard
links (or copies) made just before that step, and an existing backup is never overwritten. Outputs under a folder
never leave it: `make_parents` will not create or enter a folder through a
symbolic link.
"""
from __future__ import annotations

import atexit
import hashlib
import os
import stat
from typing import BinaryIO

from ..errors import OutputError
from .compression import compressor
from .decoding import CHUNK_BYTES
from .temporaries import TEMP_SUFFIX, link_unnamed, open_unnamed, sweep, temp_name

__all__ = ["TEMP_SUFFIX", "AtomicWriter", "abort_unfinished", "make_backup", "make_parents", "write_atomic"]


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

    Bytes go to a temporary file in the target's folder: one without a name
    where the system has them, else a hidden one whose name says whose it is
    (see `temporaries`). `commit` flushes it to disk and puts it in place of
    the target (after hard-linking the old target to `target +
    backup_suffix`, if asked), `abort` drops it. As a context manager it
    commits on success and aborts on any exception, KeyboardInterrupt
    included. A target that is a device or a pipe (/dev/stdout, /dev/null)
    is written directly: it cannot be renamed over. With `compression`
    ("gzip", "bzip2", "xz" or "zstd", see `compression`) the bytes given to
    `write` are compressed on their way to the file. `size` and `sha256`
    describe the bytes that reach the file.
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
        self.size = 0
        self._hash = hashlib.sha256()
        self._folder = os.path.dirname(target) or "."
        self._temp: str | None = None  # the temporary's name, while it has one
        self._unnamed = False  # the temporary has no name (yet)
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
            sweep(self._folder)
            fd = open_unnamed(self._folder)
            if fd is not None:
                self._unnamed = True
            else:
                fd = self._make_temp(os.path.basename(target))
            # The file is made private; give it the mode the target has, or would get.
            if mode is None:
                mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
            os.fchmod(fd, mode)
            self._file = os.fdopen(fd, "wb")
        except BaseException as exc:
            if self._file is None and fd is not None and fd >= 0:
                os.close(fd)
            self.abort()
            if isinstance(exc, OSError):
                raise _cannot_write(target, exc) from None
            raise

    def _make_temp(self, name: str) -> int:
        """Create a named temporary file beside the target; return its descriptor.

        As `tempfile.mkstemp` does, but the name is kept (and registered for
        `abort_unfinished`) before the file exists: a Ctrl-C can land on any
        line, in any thread's turn, and must never leave a file nobody knows of."""
        self._keep_name(os.path.join(self._folder, temp_name(name)))
        try:
            return os.open(self._temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except OSError:
            self._forget_name()  # not made: nothing of ours to remove
            raise

    def _keep_name(self, path: str) -> None:
        self._temp = path
        _UNFINISHED[self] = os.getpid()

    def _forget_name(self) -> None:
        self._temp = None
        _UNFINISHED.pop(self, None)

    def write(self, data: bytes) -> None:
        """Write `data` (compressed on the way, if the writer compresses)."""
        try:
            self._put(self._compressor.compress(data) if self._compressor else data)
        except OSError as exc:
            self.abort()
            raise _cannot_write(self.target, exc) from None
        self.written += len(data)

    def _put(self, data: bytes) -> None:
        self._file.write(data)
        self._hash.update(data)
        self.size += len(data)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def commit(self) -> None:
        try:
            if self._compressor is not None:
                self._put(self._compressor.flush())
                self._compressor = None
            self._file.flush()
            if self._temp is None and not self._unnamed:
                self._file.close()
                return
            os.fsync(self._file.fileno())
            if self.backup_suffix:
                make_backup(self.target, self.target + self.backup_suffix)
            if self._unnamed:
                self._link_into_place()
            else:
                os.replace(self._temp, self.target)
                self._forget_name()
            self._file.close()
        except OSError as exc:
            self.abort()
            raise _cannot_write(self.target, exc) from None
        except BaseException:
            self.abort()
            raise

    def _link_into_place(self) -> None:
        """Give the unnamed temporary the target's name: directly if there is
        no target yet, else through a named temporary renamed over it (which
        lasts only as long as that takes)."""
        fd = self._file.fileno()
        name = os.path.basename(self.target)
        can_link = True
        try:
            link_unnamed(fd, self._folder, name)
            self._unnamed = False
            return
        except FileExistsError:
            pass
        except OSError:
            can_link = False  # a file system or a policy that refuses links: copy instead
        self._keep_name(os.path.join(self._folder, temp_name(name)))
        if can_link:
            link_unnamed(fd, self._folder, os.path.basename(self._temp))
        else:
            _copy(fd, self._temp)
        self._unnamed = False
        os.replace(self._temp, self.target)
        self._forget_name()

    def abort(self) -> None:
        """Drop what was written; the target is left as it was."""
        try:
            if self._file is not None:
                self._file.close()
        except OSError:
            pass
        self._unnamed = False  # closed, an unnamed file is gone
        if self._temp is not None:
            try:
                os.unlink(self._temp)
            except FileNotFoundError:
                pass
        self._forget_name()

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def _copy(fd: int, path: str) -> None:
    """Copy the whole file open as `fd` into a new file at `path`, flushed to disk."""
    out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.fchmod(out, stat.S_IMODE(os.fstat(fd).st_mode))
        offset = 0
        while chunk := os.pread(fd, CHUNK_BYTES, offset):
            os.write(out, chunk)
            offset += len(chunk)
        os.fsync(out)
    finally:
        os.close(out)


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
