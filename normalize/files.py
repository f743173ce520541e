"""Reading inputs and writing outputs so that nothing is ever lost.

Decoding
    Input is UTF-8 unless another encoding is named. A UTF-8 byte order mark
    is read as U+FEFF, which `fix_encoding` removes as an edit of its own; a
    UTF-16 or UTF-32 byte order mark selects that encoding. A byte that does
    not decode is never replaced: reading stops with an `InputError` naming
    the file, the byte and its offset. latin-1 decodes every byte, and
    `fix_encoding` repairs UTF-8 that was read as latin-1, so it is the way to
    read a file of mixed encodings.
Binary inputs
    A file that starts like an image, an archive or an executable, or whose
    first 8 KB are more than a tenth NUL bytes (and at least 8), is data, not
    text: reading it raises `BinaryInputError` and it is never "cleaned".
Writing
    `AtomicWriter` writes to a temporary file beside the target and renames
    it over the target only once everything is written and flushed, so a
    crash, a kill or Ctrl-C leaves either the previous file or the complete
    new one. `--in-place` backups are hard links (or copies) made just before
    that rename, and an existing backup is never overwritten.
Mirroring
    `plan` maps inputs to outputs before anything is read, and refuses an
    output that would land on an input or on another output. Outputs under a
    folder never leave it: `make_parents` will not create or enter a folder
    through a symbolic link.
"""
from __future__ import annotations

import atexit
import codecs
import fnmatch
import os
import re
import secrets
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterator

from .compression import compressor, open_compressed
from .errors import BinaryInputError, ConfigError, InputError, OutputError

STDIN = "-"
CHUNK_BYTES = 1 << 20
SNIFF_BYTES = 8192
# Text may hold a stray NUL (fix_encoding removes it); data is full of them.
BINARY_NUL_SHARE = 0.1
BINARY_NUL_MIN = 8
# Temporary files are hidden and end so; folder walks never pick them up.
TEMP_SUFFIX = ".normalize-tmp"

# Checked in this order: the UTF-32 LE mark starts with the UTF-16 LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of binary formats that end up in scraped folders, and what
# to do with each: a message about them never suggests --encoding, which
# would "clean" the bytes into garbage.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"\x04\x22\x4d\x18", "lz4 data"),
    (b"7z\xbc\xaf'\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)
# "BZh", the block size, then the magic of a first block or of an empty stream's end.
BZIP2_RE = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")
# Parquet starts (and ends) with PAR1; its pages hold NULs or bytes that are no UTF-8.
PARQUET_MAGIC = b"PAR1"
WHAT_TO_DO = {
    "a PNG image": "an image has no text to clean; leave it out (--glob chooses a folder's files)",
    "a JPEG image": "an image has no text to clean; leave it out (--glob chooses a folder's files)",
    "a GIF image": "an image has no text to clean; leave it out (--glob chooses a folder's files)",
    "a PDF document": "extract its text first (pdftotext {name} {name}.txt) and clean that",
    "a ZIP archive": "unpack it (unzip) and clean the files inside",
    "a 7-Zip archive": "unpack it (7z x) and clean the files inside",
    "gzip data": "name it {name}.gz to have it read as compressed, or decompress it first (gzip -dc < {name})",
    "bzip2 data": "name it {name}.bz2 to have it read as compressed, or decompress it first (bzip2 -dc < {name})",
    "xz data": "name it {name}.xz to have it read as compressed, or decompress it first (xz -dc < {name})",
    "zstd data": "name it {name}.zst to have it read as compressed, or decompress it first (zstd -dc < {name})",
    "lz4 data": "decompress it first (lz4 -dc < {name})",
    "Parquet data": "normalize reads text and JSON Lines; write the text column out as JSON Lines first",
    "an executable": "a program has no text to clean; leave it out",
}


def resolve_encoding(name: str) -> str:
    """The codec's canonical name; a `ConfigError` for an unknown one."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ConfigError(f"unknown encoding {name!r}; examples: utf-8, cp1252, latin-1, utf-16") from None


def _wide(codec: str) -> bool:
    return codec.startswith(("utf-16", "utf-32"))


def codec_for(head: bytes, encoding: str = "utf-8") -> str:
    """The codec to read a file starting with `head` in: a UTF-16 or UTF-32
    byte order mark wins over the default UTF-8."""
    encoding = resolve_encoding(encoding)
    if encoding == "utf-8":
        for mark, codec in BYTE_ORDER_MARKS:
            if head.startswith(mark):
                return codec
    return encoding


def sniff_binary(head: bytes, codec: str = "utf-8") -> str | None:
    """What `head` (the first bytes of a file) looks like if it is not text, else None."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if BZIP2_RE.match(head):
        return "bzip2 data"
    sample = head[:SNIFF_BYTES]
    if sample.startswith(PARQUET_MAGIC) and (b"\x00" in sample or not _is_utf8(sample)):
        return "Parquet data"
    if sample and not _wide(codec):
        nuls = sample.count(0)
        if nuls >= BINARY_NUL_MIN and nuls > BINARY_NUL_SHARE * len(sample):
            return f"binary data ({nuls} NUL bytes in the first {len(sample)})"
    return None


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3  # a character cut at the sample's end
    return True


def binary_error(name: str, kind: str, expected: str = "text") -> BinaryInputError:
    """The error for input `name` that `sniff_binary` found to be `kind`:
    its message names the format and what to do instead."""
    short = f"{name}: looks like {kind}, not {expected}"
    shown = "FILE" if name == "<stdin>" else name
    advice = WHAT_TO_DO.get(kind, "it is data, not text; leave it out").format(name=shown)
    return BinaryInputError(f"{short}: {advice}", short)


def _decode_error(name: str, codec: str, exc: UnicodeDecodeError, offset: int, line: int | None) -> InputError:
    bad = exc.object[exc.start : exc.end][:4].hex(" ")
    where = f"byte {offset}" + (f" (line {line})" if line else "")
    return InputError(
        f"{name}: not valid {codec} at {where}: {bad}; nothing was replaced. "
        "Name the file's encoding with --encoding (cp1252, or latin-1, which reads any byte)"
    )


def decoded_chunks(
    stream: BinaryIO,
    name: str,
    encoding: str = "utf-8",
    *,
    chunk_bytes: int = CHUNK_BYTES,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """Decode `stream` chunk by chunk under the policy above. `name` is how
    errors name the input; `on_bytes` hears how many bytes each read took."""
    data = stream.read(max(chunk_bytes, SNIFF_BYTES))
    codec = codec_for(data, encoding)
    kind = sniff_binary(data, codec)
    if kind:
        raise binary_error(name, kind)
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0  # bytes of the stream before `data`
    lines = 1  # line number at `offset`, for codecs where b"\n" is a newline
    while True:
        final = not data
        pending = decoder.getstate()[0]  # undecoded tail of the last read
        if on_bytes is not None and data:
            on_bytes(len(data))
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            buffered = pending + data
            line = None if _wide(codec) else lines - pending.count(b"\n") + buffered[: exc.start].count(b"\n")
            raise _decode_error(name, codec, exc, offset - len(pending) + exc.start, line) from None
        if text:
            yield text
        if final:
            return
        offset += len(data)
        lines += data.count(b"\n")
        data = stream.read(chunk_bytes)


def read_text(path: str, encoding: str = "utf-8") -> str:
    """The whole of the file at `path`, decoded under the policy above."""
    try:
        with open_compressed(path) as stream:
            return "".join(decoded_chunks(stream, path, encoding))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


# --- writing -----------------------------------------------------------------


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


# --- planning ------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One input and where its cleaned text goes.

    source is a path, or "-" for standard input; target is a path, or None
    for standard output; root, when set, is the output folder that target
    must stay inside. named is False for a file a folder walk found, True
    for an input the caller named: one of those that is not cleaned is a
    failure, never a file passed over.
    """

    source: str
    target: str | None
    root: str | None = None
    named: bool = True

    @property
    def label(self) -> str:
        return "<stdin>" if self.source == STDIN else self.source


@dataclass
class Plan:
    """Inputs mapped to outputs. `failed` and `skipped` are (path, reason)
    pairs: inputs that cannot be read at all, and what a walk passed over."""

    tasks: list[Task] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _real(path: str) -> str:
    return os.path.realpath(path)


def _walk(folder: str, patterns: tuple[str, ...], exclude: set[str], plan: Plan) -> list[tuple[str, str]]:
    """(path, path relative to folder) of each matching file, sorted; never
    follows a symbolic link to a folder, so a link loop cannot trap it. A
    folder where nothing matches is a failure in `plan`: the user most
    likely forgot --glob."""
    found = []
    others: Counter[str] = Counter()  # what the folder holds instead, by suffix

    def unreadable(exc: OSError) -> None:
        plan.failed.append((exc.filename or folder, f"cannot read folder: {exc.strerror}"))

    for here, folders, files in os.walk(folder, onerror=unreadable):
        kept = []
        for name in sorted(folders):
            path = os.path.join(here, name)
            if os.path.islink(path):
                plan.skipped.append((path, "symbolic link to a folder, not followed"))
            elif _real(path) not in exclude:
                kept.append(name)
        folders[:] = kept
        for name in sorted(files):
            if name.endswith(TEMP_SUFFIX):
                continue
            if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                others["*" + os.path.splitext(name)[1] if os.path.splitext(name)[1] else name] += 1
                continue
            path = os.path.join(here, name)
            found.append((path, os.path.relpath(path, folder)))
    if not found:
        plan.failed.append((folder, _nothing_matches(", ".join(patterns), others)))
    return found


def _nothing_matches(pattern: str, others: Counter) -> str:
    reason = f"no file in this folder or below matches {pattern}"
    if not others:
        return reason + " (it holds no files); name other inputs, or choose files with --glob"
    held = ", ".join(f"{count} {shape}" for shape, count in others.most_common(3))
    return f"{reason} (it holds {held}); choose the files with --glob, e.g. --glob '{others.most_common(1)[0][0]}'"


def plan(
    inputs: tuple[str, ...] | list[str],
    *,
    output: str | None = None,
    in_place: bool = False,
    pattern: str | tuple[str, ...] = "*.txt",
) -> Plan:
    """Map `inputs` (files, folders, "-") to outputs.

    With `in_place`, each file is its own target. Without `output` (or with
    "-"), every target is standard output. Otherwise `output` is a file when
    there is one input file and `output` is not a folder, and else a folder:
    files go to `output/name`, a folder's files to `output/` + their path
    inside it. Raises `OutputError` for an output that is an input, for two
    inputs with one output, and for standard input with a folder or in place.
    """
    inputs = list(inputs) or [STDIN]
    result = Plan()
    to_stdout = output in (None, STDIN) and not in_place
    into_folder = not in_place and not to_stdout and (
        len(inputs) > 1
        or os.path.isdir(output)
        or output.endswith(("/", os.sep))
        or any(name != STDIN and os.path.isdir(name) for name in inputs)
    )
    exclude = {_real(output)} if into_folder else set()

    found: list[tuple[str, str | None, bool]] = []  # (source, path inside the output folder, named)
    for name in inputs:
        if name == STDIN:
            found.append((STDIN, None, True))
        elif os.path.isdir(name):
            patterns = (pattern,) if isinstance(pattern, str) else tuple(pattern)
            found += [(path, relative, False) for path, relative in _walk(name, patterns, exclude, result)]
        elif os.path.lexists(name):
            found.append((name, os.path.basename(name), True))
        else:
            result.failed.append((name, "no such file or folder"))

    for source, relative, named in found:
        if in_place:
            if source == STDIN:
                raise OutputError("standard input cannot be rewritten in place; name files, or drop --in-place")
            result.tasks.append(Task(source, source, named=named))
        elif to_stdout:
            result.tasks.append(Task(source, None, named=named))
        elif into_folder:
            if source == STDIN:
                raise OutputError(f"standard input needs -o FILE, and {output} is a folder")
            result.tasks.append(Task(source, os.path.join(output, relative), output, named=named))
        else:
            result.tasks.append(Task(source, output, named=named))

    if not in_place:
        _check_targets(result.tasks)
    return result


def _check_targets(tasks: list[Task]) -> None:
    sources = {_real(task.source): task.source for task in tasks if task.source != STDIN}
    seen: dict[str, str] = {}
    for task in tasks:
        if task.target is None or task.target == STDIN:
            continue
        real = _real(task.target)
        if real in sources:
            also = "" if sources[real] == task.target else f" ({sources[real]})"
            raise OutputError(
                f"{task.target} is also an input{also}: it would be overwritten; "
                "use --in-place to rewrite inputs, or another -o"
            )
        if real in seen:
            raise OutputError(f"{seen[real]} and {task.label} would both be written to {task.target}")
        seen[real] = task.label


def is_done(task: Task) -> bool:
    """True when `task`'s output exists and is not older than its input:
    outputs are written atomically, so one that exists is complete."""
    if task.target is None or task.source == STDIN:
        return False
    try:
        made = os.stat(task.target)
        source = os.stat(task.source)
    except OSError:
        return False
    return stat.S_ISREG(made.st_mode) and made.st_mtime_ns >= source.st_mtime_ns
