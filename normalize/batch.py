"""Cleaning many inputs: the engine behind the command line.

`Batch.run(tasks)` reads each task's input (`decoding.decoded_chunks`, or JSON
Lines records; decompressed as its name says, see `compression`), cuts it into pieces (`streaming.text_pieces`), cleans the
pieces in `jobs` processes (`streaming.ordered_map`, input order kept) and
writes each output with `writing.AtomicWriter` (compressed as its name says),
committed when its last piece is back. Everything is counted in `self.report`. It never prints: it yields
what a person may want to see, and the caller decides what to say:

    Shown     a cleaned piece: the input text, its `Cleaned`, and where it
              sits in its document
    Problem   an input that failed or was skipped, or a record left out

If the run stops for any reason (an exception, Ctrl-C, the caller closing
the generator), every output still open is dropped: its target keeps what
it had before.
"""
from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from itertools import tee
from typing import BinaryIO, Callable, Iterator

from . import streaming
from .jobs.compression import compression_of, decompression_errors, open_compressed
from .config import Config
from .edits import Cleaned
from .errors import BinaryInputError, ConfigError, InputError, NormalizeError
from .jobs.decoding import SNIFF_BYTES, binary_error, codec_for, decoded_chunks, resolve_encoding, sniff_binary
from .jobs.planning import STDIN, Task, is_done
from .jobs.writing import AtomicWriter, make_parents
from .jobs.jsonl import dumps_record, loads_record
from .pipeline import clean_and_explain
from .views.report import Report
from .streaming import Joiner, cleaned_record, get_field, ordered_map, text_pieces

# What one worker gets at a time: at most this many records, or pieces
# until they hold this many characters.
BATCH_RECORDS = 256
BATCH_CHARS = 1 << 18
UTF8_BOM = b"\xef\xbb\xbf"


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
    """An input that "failed" or was "skipped", or a record "rejected"
    (left out under on_error="skip")."""

    label: str
    message: str
    kind: str = "failed"


@dataclass(frozen=True)
class Options:
    """How to run a batch.

    config      the Config every piece is cleaned with (it pickles to workers)
    encoding    the inputs' encoding (see `decoding`); outputs are UTF-8
    jsonl       inputs are JSON Lines: clean `field` (a dotted path) of each
                record; `edits_field` stores the edits, `damage_field` the
                damage estimate; `on_error` "fail"
                fails the input at its first bad record, "skip" leaves the
                record out and copies its line to `rejects`
    backup      with in-place tasks (target == source), keep the input as
                source + backup before replacing it
    resume      skip tasks whose output is complete (`planning.is_done`)
    write       False cleans and shows without writing anything
    jobs        processes to clean in
    scheduler   clean files on this Dask cluster instead ("local" for one
                on this machine); needs normalize.cluster and Dask
    """

    config: Config = field(default_factory=Config)
    encoding: str = "utf-8"
    jsonl: bool = False
    field: str = "text"
    edits_field: str | None = None
    damage_field: str | None = None
    on_error: str = "fail"
    rejects: str | None = None
    backup: str | None = None
    resume: bool = False
    write: bool = True
    jobs: int = 1
    scheduler: str | None = None


# The stream of work: what the reading side hands to the writing side.


@dataclass
class _Piece:
    """Texts of one input, cleaned together by one worker: a whole text, or
    blocks of it (each with the separator after it), or records (each with
    its line number, the record and its raw line)."""

    task: Task
    texts: list[str] | None
    separators: list[str] = field(default_factory=list)
    records: list[tuple[int, dict, bytes]] = field(default_factory=list)
    done: str | None = None  # text already cleaned elsewhere (a Dask cluster)


@dataclass
class _End:
    task: Task


@dataclass
class _Stop:
    """The task failed or is skipped: `problem` says why."""

    task: Task
    problem: Problem


@dataclass
class _Reject:
    task: Task
    line: int
    raw: bytes
    message: str


def _clean_texts(config: Config, texts: list[str] | None) -> list[Cleaned | str] | None:
    """Clean each text; a failure becomes its message, so that one bad
    record does not take its batch down. Runs in worker processes."""
    if texts is None:
        return None
    results: list[Cleaned | str] = []
    for text in texts:
        try:
            results.append(clean_and_explain(text, config))
        except NormalizeError as exc:
            results.append(str(exc))
        except Exception as exc:  # a stage's bug must not cost the other inputs
            results.append(f"internal error while cleaning ({type(exc).__name__}: {exc}); please report it")
    return results


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


def _needs_dask(exc: ImportError) -> ConfigError:
    return ConfigError(f"cleaning on Dask needs it installed: pip install 'normalize-text[dask]' ({exc})")


@dataclass
class _Output:
    """What the run keeps about an input whose output is being written."""

    joiner: Joiner
    writer: AtomicWriter | None = None
    changed: bool = False
    pieces: int = 0
    raw_lines: int = 0
    out_lines: int = 0


class Batch:
    """One run over many tasks; see the module's docstring.

    `stdin` and `stdout` are binary streams for "-" inputs and for tasks
    without a target; `on_bytes` hears how many input bytes each read took
    (for a progress bar).
    """

    def __init__(
        self,
        options: Options,
        *,
        stdin: BinaryIO | None = None,
        stdout: BinaryIO | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        self.options = options
        self.stdin = stdin
        self.stdout = stdout
        self.on_bytes = on_bytes
        self.report = Report()
        self._open: dict[Task, _Output] = {}
        self._stopped: set[Task] = set()
        self._rejects: AtomicWriter | None = None

    def run(self, tasks: list[Task]) -> Iterator[Shown | Problem]:
        events = self._dask_events(tasks) if self.options.scheduler else self._events(tasks)
        for_work, for_us = tee(events)
        work = (event.texts if isinstance(event, _Piece) else None for event in for_work)
        results = ordered_map(partial(_clean_texts, self.options.config), work, jobs=self.options.jobs)
        try:
            for event, result in zip(for_us, results):
                if getattr(event, "task", None) in self._stopped:
                    continue
                if isinstance(event, _Piece):
                    yield from self._piece(event, result)
                elif isinstance(event, _End):
                    yield from self._end(event.task)
                elif isinstance(event, _Stop):
                    yield self._stop(event.task, event.problem)
                elif isinstance(event, _Reject):
                    yield self._reject(event.task, event.line, event.raw, event.message)
        except BaseException:
            self.report.interrupted = True
            for output in self._open.values():
                if output.writer is not None:
                    output.writer.abort()
            self._open.clear()
            raise
        finally:
            # Rejected records are whole lines, kept even when the run stops.
            if self._rejects is not None:
                self._rejects.commit()
                self._rejects = None
            results.close()
            events.close()

    # -- reading

    def _read(self, count: int) -> None:
        self.report.bytes_read += count
        if self.on_bytes is not None:
            self.on_bytes(count)

    def _events(self, tasks: list[Task]) -> Iterator[object]:
        for task in tasks:
            yield from self._task_events(task)

    def _task_events(self, task: Task) -> Iterator[object]:
        options = self.options
        if options.resume and is_done(task) and not self._is_binary(task):
            yield _Stop(task, Problem(task.label, f"{task.target} is already complete", "already_done"))
            return
        if task.target == task.source and os.path.islink(task.source):
            yield _Stop(task, Problem(task.label, f"{task.label}: is a symbolic link; only regular files are rewritten in place"))
            return
        try:
            stream = nullcontext(self.stdin) if task.source == STDIN else open_compressed(task.source)
        except OSError as exc:
            yield _Stop(task, Problem(task.label, f"{task.label}: cannot read: {exc.strerror}"))
            return
        except NormalizeError as exc:
            yield _Stop(task, Problem(task.label, f"{task.label}: {exc}"))
            return
        try:
            with stream as source:
                if options.jsonl:
                    yield from self._record_events(task, source)
                    return
                if task.target is None and task.source != STDIN and (
                    compression_of(task.source) or os.path.getsize(task.source) > streaming.WHOLE_TEXT_LIMIT
                ):
                    # What goes to a pipe cannot be taken back: check that it all decodes first.
                    with open_compressed(task.source) as check:
                        for _ in decoded_chunks(check, task.label, options.encoding):
                            pass
                texts: list[str] = []
                separators: list[str] = []
                size = 0
                chunks = decoded_chunks(source, task.label, options.encoding, on_bytes=self._read)
                for text, separator in text_pieces(chunks):
                    texts.append(text)
                    separators.append(separator)
                    size += len(text)
                    if size >= BATCH_CHARS:
                        yield _Piece(task, texts, separators)
                        texts, separators, size = [], [], 0
                if texts:
                    yield _Piece(task, texts, separators)
        except BinaryInputError as exc:
            yield _Stop(task, _binary_problem(task, exc))
            return
        except InputError as exc:
            yield _Stop(task, Problem(task.label, str(exc)))
            return
        except OSError as exc:
            yield _Stop(task, Problem(task.label, _unreadable(task, exc)))
            return
        except decompression_errors() as exc:
            yield _Stop(task, Problem(task.label, _unreadable(task, exc)))
            return
        yield _End(task)

    def _is_binary(self, task: Task) -> bool:
        """Whether `task`'s input starts as binary data: its older output is
        then never taken for a complete one (the run fails the input)."""
        try:
            with open_compressed(task.source) as stream:
                head = stream.read(SNIFF_BYTES)
        except (OSError, NormalizeError):
            return False
        except decompression_errors():
            return False
        return sniff_binary(head, codec_for(head, self.options.encoding)) is not None

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
            self._read(len(raw))
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
                    yield _Reject(task, number, raw, str(exc))
                    continue
                yield _Stop(task, Problem(task.label, str(exc)))
                return
            finally:
                offset += len(raw)
            texts.append(text)
            records.append((number, record, raw))
            size += len(text)
            if len(texts) >= BATCH_RECORDS or size >= BATCH_CHARS:
                yield _Piece(task, texts, records=records)
                texts, records, size = [], [], 0
        if texts:
            yield _Piece(task, texts, records=records)
        yield _End(task)

    def _dask_events(self, tasks: list[Task]) -> Iterator[object]:
        """Events for files cleaned on a Dask cluster; the outputs are still
        written here, atomically."""
        try:
            from .cluster import clean_paths_on_dask
        except ImportError as exc:
            raise _needs_dask(exc) from None
        todo = []
        for task in tasks:
            if self.options.resume and is_done(task) and not self._is_binary(task):
                yield _Stop(task, Problem(task.label, f"{task.target} is already complete", "already_done"))
                continue
            if compression_of(task.source):
                message = f"{task.label}: --scheduler reads plain text files only; clean compressed files without it"
                yield _Stop(task, Problem(task.label, message))
                continue
            try:
                with open(task.source, "rb") as stream:
                    kind = sniff_binary(stream.read(SNIFF_BYTES))
            except OSError as exc:
                yield _Stop(task, Problem(task.label, f"{task.label}: cannot read: {exc.strerror}"))
                continue
            if kind:
                yield _Stop(task, _binary_problem(task, binary_error(task.label, kind)))
                continue
            todo.append(task)
        if not todo:
            return
        by_path = {task.source: task for task in todo}
        scheduler = self.options.scheduler
        try:
            for path, result in clean_paths_on_dask([task.source for task in todo], self.options.config, scheduler):
                task = by_path[path]
                if isinstance(result, Exception):
                    yield _Stop(task, Problem(task.label, f"{task.label}: {result}"))
                    continue
                self._read(os.path.getsize(task.source))
                yield _Piece(task, None, done=result)
                yield _End(task)
        except ImportError as exc:  # normalize.cluster may import Dask only when called
            raise _needs_dask(exc) from None
        except (OSError, TimeoutError) as exc:
            raise InputError(f"Dask scheduler {scheduler}: {exc}") from None

    # -- writing

    def _output(self, task: Task) -> _Output:
        output = self._open.get(task)
        if output is None:
            output = self._open[task] = _Output(Joiner(self.options.config))
        return output

    def _write(self, task: Task, output: _Output, text: str) -> None:
        if not self.options.write or not text:
            return
        data = text.encode("utf-8")
        if task.target is None:
            self.stdout.write(data)
            self.stdout.flush()
        else:
            if output.writer is None:
                output.writer = self._writer(task)
            output.writer.write(data)
        self.report.bytes_written += len(data)

    def _writer(self, task: Task) -> AtomicWriter:
        if task.root is not None:
            make_parents(task.root, task.target)
        backup = self.options.backup if task.target == task.source else None
        return AtomicWriter(task.target, backup_suffix=backup, compression=compression_of(task.target))

    def _piece(self, piece: _Piece, results: list[Cleaned | str] | None) -> Iterator[Shown | Problem]:
        task = piece.task
        output = self._output(task)
        try:
            if piece.records:
                yield from self._records(piece, results, output)
            elif piece.done is not None:
                self.report.edits_counted = False
                self._write(task, output, piece.done)
            else:
                yield from self._blocks(piece, results, output)
        except NormalizeError as exc:
            yield self._stop(task, Problem(task.label, str(exc)))

    def _blocks(self, piece: _Piece, results: list[Cleaned | str], output: _Output) -> Iterator[Shown]:
        task = piece.task
        outs = []
        for raw, separator, cleaned in zip(piece.texts, piece.separators, results):
            if isinstance(cleaned, str):
                raise InputError(f"{task.label}: {cleaned}")
            out = output.joiner.join(cleaned.text, separator)
            outs.append(out)
            output.changed |= self.report.count_edits(cleaned.edits) > 0
            out_line = output.out_lines + out[: output.joiner.lead].count("\n")
            yield Shown(task.label, raw, cleaned, output.pieces == 0, output.raw_lines, out_line)
            output.pieces += 1
            output.raw_lines += raw.count("\n") + separator.count("\n")
            output.out_lines += out.count("\n")
        self._write(task, output, "".join(outs))

    def _records(self, piece: _Piece, results: list[Cleaned | str], output: _Output) -> Iterator[Shown | Problem]:
        options = self.options
        task = piece.task
        lines = []
        for (number, record, raw), text, cleaned in zip(piece.records, piece.texts, results):
            where = f"{task.label}:{number}"
            try:
                if isinstance(cleaned, str):
                    raise InputError(f"{where}: {cleaned}")
                record = cleaned_record(record, options.field, cleaned, edits_field=options.edits_field,
                                        damage_field=options.damage_field, where=where)
                lines.append(dumps_record(record) + "\n")
            except InputError as exc:
                if options.on_error != "skip":
                    raise
                yield self._reject(task, number, raw, str(exc))
                continue
            self.report.document(self.report.count_edits(cleaned.edits) > 0)
            yield Shown(where, text, cleaned)
        self._write(task, output, "".join(lines))

    def _end(self, task: Task) -> Iterator[Problem]:
        output = self._open.pop(task, None) or _Output(Joiner(self.options.config))
        try:
            if self.options.write and output.writer is None and task.target is not None:
                output.writer = self._writer(task)  # an empty input still gets its (empty) output
            if output.writer is not None:
                output.writer.commit()
        except NormalizeError as exc:
            yield self._stop(task, Problem(task.label, str(exc)))
            return
        self.report.files["cleaned"] += 1
        if not self.options.jsonl:
            self.report.document(output.changed)

    def _stop(self, task: Task, problem: Problem) -> Problem:
        output = self._open.pop(task, None)
        if output is not None and output.writer is not None:
            output.writer.abort()
        self._stopped.add(task)
        reason = problem.message.removeprefix(f"{task.label}: ")
        if problem.kind == "failed":
            self.report.failed(task.label, reason)
        else:
            self.report.skip(task.label, reason, kind=problem.kind)
        return problem

    def _reject(self, task: Task, line: int, raw: bytes, message: str) -> Problem:
        self.report.failed(task.label, message.removeprefix(f"{task.label}:{line}: "), line=line)
        if self.options.rejects:
            if self._rejects is None:
                rejects = self.options.rejects
                self._rejects = AtomicWriter(rejects, compression=compression_of(rejects))
            self._rejects.write(raw if raw.endswith(b"\n") else raw + b"\n")
        return Problem(f"{task.label}:{line}", message, "rejected")
