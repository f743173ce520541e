"""The reading side of a batch: each task's input as pieces of work.

Text is decoded (`decoding.decoded_chunks`, decompressed as its name says)
and cut into pieces (`streaming.text_pieces`); an HTML page is decoded whole
and its article text taken out first (`html.extract`), and a page without
one stops with a "no_article" problem; JSON Lines are read record by
record. A piece holds what one worker cleans at a time. An input that cannot
be read, or is binary, becomes a `Stop` saying why. `--resume` asks the
output folder's manifest before an input is opened: a task whose output is
what this run would make stops there, any other is `Redo`ne, with the reason.
"""
from __future__ import annotations

import os
from contextlib import nullcontext
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterator

from .. import streaming
from ..errors import BinaryInputError, InputError, NormalizeError
from ..leftovers.markup import is_page
from ..streaming import get_field, text_pieces
from .compression import compression_of, decompression_errors, open_compressed
from .decoding import SNIFF_BYTES, binary_error, decoded_chunks, resolve_encoding, sniff_binary
from .events import End, Piece, Problem, Redo, Reject, Rows, ShardOpened, Stop
from .html import INSTALL_HINT as HTML_HINT
from .html import NoArticleError, extract, reads_html
from .jsonl import loads_record
from .manifest import Manifest, Source, source_of
from .planning import STDIN, Task

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Options

# What one worker gets at a time: at most this many records, or pieces
# until they hold this many characters.
BATCH_RECORDS = 256
BATCH_CHARS = 1 << 18
UTF8_BOM = b"\xef\xbb\xbf"


def _peek(stream: BinaryIO, size: int) -> bytes:
    """The first bytes `stream` will give, without taking them."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    if stream.seekable():
        at = stream.tell()
        head = stream.read(size)
        stream.seek(at)
        return head
    return b""


def _binary_problem(task: Task, exc: BinaryInputError) -> Problem:
    """A binary input found in a folder is passed over with a warning; one
    that was named is a failure: nothing is written for it, and an older
    output at its target is left as it was, and said to be older."""
    if not task.named:
        return Problem(task.label, f"{exc.short}; skipped", "skipped")
    message = f"{exc}; nothing was written"
    if task.target not in (None, task.source) and os.path.lexists(task.target):
        message += f" ({task.target} is left as it was: it is from an earlier run, not this one)"
    return Problem(task.label, message)


def _unreadable(task: Task, exc: BaseException) -> str:
    compression = compression_of(task.source)
    if compression:
        return f"{task.label}: cannot read as {compression} data, as its name says: {exc}"
    return f"{task.label}: cannot read: {getattr(exc, 'strerror', None) or exc}"


class Inputs:
    """Events for a run's tasks (`events`). `stdin` is read for "-";
    `on_read` hears how many input bytes each read took; `manifests` are
    those of the output folders (by folder), which --resume asks and each
    `End` feeds."""

    def __init__(
        self,
        options: "Options",
        stdin: BinaryIO | None,
        on_read: Callable[[int], None],
        manifests: dict[str, Manifest] | None = None,
    ) -> None:
        self.options = options
        self.stdin = stdin
        self.on_read = on_read
        self.manifests = manifests or {}

    def events(self, tasks: list[Task]) -> Iterator[object]:
        for task in tasks:
            yield from self._task_events(task)

    def _task_events(self, task: Task) -> Iterator[object]:
        source = yield from self._look_back(task)
        if source is False:
            return
        for event in self._read_task(task):
            yield End(task, source) if isinstance(event, End) else event

    def _look_back(self, task: Task) -> Iterator[object]:
        """Take `task`'s input as it is now, for its output folder's manifest;
        with --resume, stop the task if the manifest says its output is what
        this run would make, or say why it is made again. Returns the input's
        `Source` (None if nothing is recorded), or False for a stopped task."""
        manifest = self.manifests.get(task.root) if task.root is not None else None
        if manifest is None:
            return None
        try:
            source = source_of(task.source)
        except OSError:
            source = None  # reading it fails next, and says why
        if self.options.resume and manifest.problem is None:
            reason = manifest.verdict(task, source)
            if reason is None:
                yield Stop(task, Problem(task.label, f"{task.target} is already complete", "already_done"))
                return False
            yield Redo(task, reason)
        return source

    def _read_task(self, task: Task) -> Iterator[object]:
        options = self.options
        if task.target == task.source and os.path.islink(task.source):
            yield Stop(task, Problem(task.label, f"{task.label}: is a symbolic link; only regular files are rewritten in place"))
            return
        if options.parquet:
            yield from self._shard_events(task)
            return
        try:
            stream = nullcontext(self.stdin) if task.source == STDIN else open_compressed(task.source)
        except OSError as exc:
            yield Stop(task, Problem(task.label, f"{task.label}: cannot read: {exc.strerror}"))
            return
        except NormalizeError as exc:
            yield Stop(task, Problem(task.label, f"{task.label}: {exc}"))
            return
        try:
            with stream as source:
                if options.jsonl:
                    yield from self._record_events(task, source)
                    return
                html = reads_html(task.source, options.source_format)
                if task.target is None and task.source != STDIN and not html and (
                    compression_of(task.source) or os.path.getsize(task.source) > streaming.WHOLE_TEXT_LIMIT
                ):
                    # What goes to a pipe cannot be taken back: check that it all decodes first.
                    with open_compressed(task.source) as check:
                        for _ in decoded_chunks(check, task.label, options.encoding):
                            pass
                texts: list[str] = []
                separators: list[str] = []
                size = 0
                chunks = decoded_chunks(source, task.label, options.encoding, on_bytes=self.on_read)
                if html:
                    chunks = iter([extract("".join(chunks), name=task.label)])
                for text, separator in text_pieces(chunks):
                    if not html and size == 0 and not separators and is_page(text):
                        yield Problem(task.label, f"{task.label}: looks like an HTML page, cleaned as text with its "
                                      f"markup left as it is; read it with --from html ({HTML_HINT})", "warning")
                    texts.append(text)
                    separators.append(separator)
                    size += len(text)
                    if size >= BATCH_CHARS:
                        yield Piece(task, texts, separators)
                        texts, separators, size = [], [], 0
                if texts:
                    yield Piece(task, texts, separators)
        except BinaryInputError as exc:
            yield Stop(task, _binary_problem(task, exc))
            return
        except NoArticleError as exc:
            yield Stop(task, Problem(task.label, str(exc), "no_article"))
            return
        except InputError as exc:
            yield Stop(task, Problem(task.label, str(exc)))
            return
        except OSError as exc:
            yield Stop(task, Problem(task.label, _unreadable(task, exc)))
            return
        except decompression_errors() as exc:
            yield Stop(task, Problem(task.label, _unreadable(task, exc)))
            return
        yield End(task)

    def _record_events(self, task: Task, source: BinaryIO) -> Iterator[object]:
        options = self.options
        codec = resolve_encoding(options.encoding)
        texts: list[str] = []
        records: list[tuple[int, dict, bytes]] = []
        size = 0
        offset = 0  # bytes before this line
        # Look before reading a first "line", which in a binary file may be all of it.
        kind = sniff_binary(_peek(source, SNIFF_BYTES), codec)
        if kind:
            raise binary_error(task.label, kind, "JSON Lines")
        for number, raw in enumerate(source, 1):
            self.on_read(len(raw))
            where = f"{task.label}:{number}"
            skipped = len(UTF8_BOM) if number == 1 and raw.startswith(UTF8_BOM) else 0
            try:
                try:
                    line = raw[skipped:].decode(codec)
                except UnicodeDecodeError as exc:
                    bad = raw[skipped + exc.start : skipped + exc.end][:4].hex(" ")
                    raise InputError(
                        f"{where}: not valid {codec} at byte {offset + skipped + exc.start} ({bad}); nothing was replaced"
                    ) from None
                if not line.strip():
                    continue
                record = loads_record(line, where=where)
                text = get_field(record, options.field, where=where)
            except InputError as exc:
                if options.on_error == "skip":
                    yield Reject(task, number, raw, str(exc))
                    continue
                yield Stop(task, Problem(task.label, str(exc)))
                return
            finally:
                offset += len(raw)
            texts.append(text)
            records.append((number, record, raw))
            size += len(text)
            if len(texts) >= BATCH_RECORDS or size >= BATCH_CHARS:
                yield Piece(task, texts, records=records)
                texts, records, size = [], [], 0
        if texts:
            yield Piece(task, texts, records=records)
        yield End(task)

    def _shard_events(self, task: Task) -> Iterator[object]:
        """A Parquet shard, row group by row group: the texts of a group go
        in pieces, the last piece saying the group is complete."""
        from .parquet import ParquetShard

        try:
            shard = ParquetShard(task.source, self.options.field, label=task.label)
        except InputError as exc:
            yield Stop(task, Problem(task.label, str(exc)))
            return
        with shard:
            yield ShardOpened(task, shard.schema, shard.compression())
            first_row = 0
            try:
                for group in shard.groups():
                    self.on_read(group.size)
                    todo = [index for index, text in enumerate(group.texts) if text is not None]
                    start = 0
                    while True:
                        end, size = start, 0
                        while end < len(todo) and end - start < BATCH_RECORDS and size < BATCH_CHARS:
                            size += len(group.texts[todo[end]])
                            end += 1
                        indices = todo[start:end]
                        texts = [group.texts[index] for index in indices]
                        yield Piece(task, texts, rows=Rows(group, indices, first_row, end >= len(todo)))
                        if end >= len(todo):
                            break
                        start = end
                    first_row += group.table.num_rows
            except InputError as exc:
                yield Stop(task, Problem(task.label, str(exc)))
                return
        yield End(task)

