"""Temporary files that a crash cannot leave behind.

Where the system allows it (Linux, and a file system with O_TMPFILE: ext4,
XFS, Btrfs, tmpfs), a temporary file has no name at all: it is made in the
target's folder, written, and linked into place at the end, so a process
killed outright leaves nothing. Where it must have a name, the name says
whose it is:

    .out.txt~HOST~NS~PID~START~RANDOM.normalize-tmp

HOST is the machine, NS its process-id namespace (Linux; 0 elsewhere), PID
and START the writer's process id and the time it started (so that a
process id used again is not taken for the writer). Every writer `sweep`s
the folder it writes into, once per process: it removes the temporaries of
writers on this machine that are gone, and never one of a live writer or
of another machine (it cannot tell whether that one is alive).
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import socket
from dataclasses import dataclass
from functools import lru_cache

# Temporary files are hidden and end so; folder walks never pick them up.
TEMP_SUFFIX = ".normalize-tmp"
# Longest file name most file systems take, in bytes.
NAME_MAX = 255
PROC = "/proc"
# What a temporary's name holds after the target's name; see the docstring.
TEMP_NAME_RE = re.compile(
    r"""\.(?P<name>.*)
        ~(?P<host>[A-Za-z0-9_.-]+)
        ~(?P<namespace>[0-9]+)
        ~(?P<pid>[0-9]+)
        ~(?P<start>[0-9]+)
        ~[0-9a-f]{8}
    """ + re.escape(TEMP_SUFFIX) + r"\Z",
    re.VERBOSE | re.DOTALL,
)
HOST_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_.-]")
# Errors of an O_TMPFILE open that mean "not here": fall back to a named file.
NO_UNNAMED = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOTSUP}


@dataclass(frozen=True)
class Writer:
    """Who wrote a temporary file (see the module's docstring)."""

    host: str
    namespace: int
    pid: int
    start: int

    @property
    def tag(self) -> str:
        return f"{self.host}~{self.namespace}~{self.pid}~{self.start}"


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name; None if there is none."""
    try:
        with open(f"{PROC}/{pid}/stat", "rb") as stream:
            data = stream.read().decode("ascii", "replace")
    except OSError:
        return None
    return data.rsplit(")", 1)[1].split()


@lru_cache(maxsize=1)
def _host() -> str:
    return HOST_UNSAFE_RE.sub("_", socket.gethostname())[:64] or "unknown"


@lru_cache(maxsize=1)
def _namespace() -> int:
    try:
        return int(re.sub(r"\D", "", os.readlink(f"{PROC}/self/ns/pid")) or 0)
    except (OSError, ValueError):
        return 0


@lru_cache(maxsize=4)
def _writer(pid: int) -> Writer:
    fields = _stat_fields(pid)
    start = int(fields[19]) if fields and len(fields) > 19 and fields[19].isdigit() else 0
    return Writer(_host(), _namespace(), pid, start)


def this_writer() -> Writer:
    """This process, as the names of its temporaries say (a forked worker is another)."""
    return _writer(os.getpid())


def temp_name(target_name: str) -> str:
    """A fresh name for a temporary of the file named `target_name`: hidden,
    ending in TEMP_SUFFIX, saying whose it is, at most NAME_MAX bytes."""
    tail = f"~{this_writer().tag}~{secrets.token_hex(4)}{TEMP_SUFFIX}"
    room = NAME_MAX - 1 - len(tail.encode())
    head = target_name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f".{head}{tail}"


def writer_of(name: str) -> Writer | None:
    """Whose temporary the file `name` is; None if it is not one of ours (or
    is one of an earlier version of normalize, whose names said nothing)."""
    match = TEMP_NAME_RE.match(name)
    if match is None:
        return None
    return Writer(match["host"], int(match["namespace"]), int(match["pid"]), int(match["start"]))


def is_gone(writer: Writer) -> bool:
    """Whether `writer` has certainly ended. A writer on another machine, or
    in another process-id namespace, might be alive: never gone."""
    here = this_writer()
    if (writer.host, writer.namespace) != (here.host, here.namespace):
        return False
    if os.path.isdir(PROC):
        fields = _stat_fields(writer.pid)
        if fields is None or fields[0] == "Z":  # no such process, or one that has ended
            return True
        return bool(writer.start) and fields[19] != str(writer.start)  # its process id was used again
    try:
        os.kill(writer.pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


# Folders this process has swept, by process id (a forked worker sweeps anew).
_SWEPT: set[tuple[int, str]] = set()


def sweep(folder: str) -> list[str]:
    """Remove the temporaries in `folder` whose writers are gone (once per
    process and folder); return their paths."""
    key = (os.getpid(), os.path.realpath(folder))
    if key in _SWEPT:
        return []
    _SWEPT.add(key)
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        if not name.endswith(TEMP_SUFFIX):
            continue
        writer = writer_of(name)
        if writer is not None and is_gone(writer):
            path = os.path.join(folder, name)
            try:
                os.unlink(path)
            except OSError:
                continue  # removed by another sweeper, or not ours to remove
            removed.append(path)
    return removed


def sweep_tree(root: str) -> list[str]:
    """`sweep` `root` and every folder below it (never through a link)."""
    removed = []
    for here, folders, _ in os.walk(root):
        folders[:] = [name for name in folders if not os.path.islink(os.path.join(here, name))]
        removed += sweep(here)
    return removed


def open_unnamed(folder: str) -> int | None:
    """A file without a name in `folder`, open for reading and writing; None
    where the system or the file system has no such thing (then use a named one)."""
    if not hasattr(os, "O_TMPFILE") or not os.path.isdir(f"{PROC}/self/fd"):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o600)
    except OSError as exc:
        if exc.errno in NO_UNNAMED:
            return None
        raise


def link_unnamed(fd: int, folder: str, name: str) -> None:
    """Give the unnamed file `fd` the name `name` in `folder`; FileExistsError
    if that name is taken (linking never replaces a file)."""
    directory = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        # linkat(..., AT_SYMLINK_FOLLOW) through /proc: how an O_TMPFILE file gets a name.
        os.link(f"{PROC}/self/fd/{fd}", name, src_dir_fd=directory, dst_dir_fd=directory, follow_symlinks=True)
    finally:
        os.close(directory)
