"""Cleaning many inputs: the engine behind the command line.

`Batch.run(tasks)` takes each task's input as pieces of work (`inputs`:
decoded, or JSON Lines records, decompressed as its name says), cleans the
pieces in `jobs` processes (`streaming.ordered_map`, input order kept) and
writes each output with `writing.AtomicWriter` (compressed as its name
says), committed when its last piece is back. Everything is counted in
`self.report`. It never prints: it yields what a person may want to see,
and the caller decides what to say:

    Shown     a cleaned piece: the input text, its `Cleaned`, and where it
              sits in its document
    Problem   an input that failed or was skipped, or a record left out

If the run stops for any reason (an exception, Ctrl-C, the caller closing
the generator), every output still open is dropped: its target keeps what
it had before.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from itertools import tee
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterator

from ..config import Config
from ..edits import Cleaned
from ..errors import ConfigError, InputError, NormalizeError
from ..pipeline import clean_and_explain
from ..streaming import Joiner, cleaned_record, ordered_map
from ..views.report import Report
from .compression import compression_of
from .events import End, Piece, Problem, Redo, Reject, ShardOpened, Shown, Stop
from .inputs import Inputs
from .jsonl import dumps_record
from .manifest import MANIFEST_NAME, Manifest, Source
from .planning import Task
from .rejects import Rejects
from .temporaries import sweep_tree
from .writing import AtomicWriter, make_parents

if TYPE_CHECKING:  # pragma: no cover
    from .parquet import ParquetOutput


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
    parquet     inputs are Parquet shards: clean `field` (a column, or a
                dotted path into a struct column) of each row; `edits_field`
                and `damage_field` name columns to add (see `parquet`)
    backup      with in-place tasks (target == source), keep the input as
                source + backup before replacing it
    resume      skip tasks whose output is what this run would make, as the
                output folder's manifest says (see `manifest`)
    write       False cleans and shows without writing anything
    jobs        processes to clean in
    scheduler   clean the pieces on this Dask cluster instead of in `jobs`
                processes ("local" for one on this machine; needs Dask):
                inputs are still read and outputs written here
    source_format  "html": every input is an HTML page, whose article text
                is cleaned (see `html`); "text": none is; None: pages are
                those named *.html, *.htm or *.xhtml
    """

    config: Config = field(default_factory=Config)
    encoding: str = "utf-8"
    jsonl: bool = False
    parquet: bool = False
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
    source_format: str | None = None


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


@dataclass
class _Output:
    """What the run keeps about an input whose output is being written:
    an `AtomicWriter`, or for Parquet a `ParquetOutput` and the results of
    the row group being gathered."""

    joiner: Joiner
    writer: "AtomicWriter | ParquetOutput | None" = None
    changed: bool = False
    pieces: int = 0
    raw_lines: int = 0
    out_lines: int = 0
    group: list[Cleaned | None] | None = None


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
        self._rejects = Rejects(options.rejects, resume=options.resume) if options.rejects else None
        self.manifests: dict[str, Manifest] = {}
        self._redo: dict[Task, str] = {}  # why --resume cleans a task again, told once it is cleaned
        self._unrecorded: list[Callable[[], None]] = []  # manifest lines that wait for the rejects file

    def run(self, tasks: list[Task]) -> Iterator[Shown | Problem]:
        if self.options.scheduler:
            try:
                import distributed  # noqa: F401  (now, so that without Dask nothing is read)

                from ..cluster import map_on_dask
            except ImportError as exc:
                raise ConfigError(f"cleaning on Dask needs it installed: pip install 'normalize-text[dask]' ({exc})") from None
        try:
            yield from self._look_back(tasks)
            yield from self._run(tasks)
        finally:
            for manifest in self.manifests.values():
                manifest.close()

    def _look_back(self, tasks: list[Task]) -> Iterator[Problem]:
        """Before anything is read: in each output folder, remove what killed
        writers left, and take its manifest (refused if another run holds it)."""
        if not self.options.write:
            return
        alone = [task.target for task in tasks if task.root is None and task.target not in (None, task.source)]
        if self.options.resume and alone:
            yield Problem(alone[0], f"--resume: only an output folder keeps a manifest: {alone[0]} is cleaned again",
                          "warning")
        for root in sorted({task.root for task in tasks if task.root is not None}):
            sweep_tree(root)
            manifest = self.manifests[root] = Manifest(root, self.options)
            if manifest.problem == "missing" and self.options.resume:
                yield Problem(root, f"--resume: {root} has no manifest ({MANIFEST_NAME}) of an earlier run: "
                                    "every input is cleaned again", "warning")
            elif manifest.problem not in (None, "missing"):
                again = "every input is cleaned again" if self.options.resume else "it starts afresh"
                yield Problem(root, f"{manifest.path} is {manifest.problem}: {again}", "warning")

    def _run(self, tasks: list[Task]) -> Iterator[Shown | Problem]:
        options = self.options
        events = Inputs(options, self.stdin, self._read, self.manifests).events(tasks)
        for_work, for_us = tee(events)
        work = (event.texts if isinstance(event, Piece) else None for event in for_work)
        if options.scheduler:
            from ..cluster import map_on_dask

            results = map_on_dask(_clean_texts, options.config, work, options.scheduler)
        else:
            results = ordered_map(partial(_clean_texts, options.config), work, jobs=options.jobs)
        try:
            for event, result in zip(for_us, results):
                if getattr(event, "task", None) in self._stopped:
                    continue
                if isinstance(event, Piece):
                    yield from self._piece(event, result)
                elif isinstance(event, End):
                    yield from self._end(event.task, event.source)
                elif isinstance(event, Redo):
                    self._redo[event.task] = event.reason
                elif isinstance(event, Stop):
                    yield self._stop(event.task, event.problem)
                elif isinstance(event, Reject):
                    yield self._reject(event.task, event.line, event.raw, event.message)
                elif isinstance(event, ShardOpened):
                    yield from self._shard(event)
                elif isinstance(event, Problem):
                    yield event  # a warning about an input that is still cleaned
        except BaseException:
            self.report.interrupted = True
            for output in self._open.values():
                if output.writer is not None:
                    output.writer.abort()
            self._open.clear()
            raise
        finally:
            # The records left out of the outputs that were written, even when the run stops.
            if self._rejects is not None:
                self._rejects.close(finished=not self.report.interrupted)
                for record in self._unrecorded:
                    record()
            results.close()
            events.close()

    def _read(self, count: int) -> None:
        self.report.bytes_read += count
        if self.on_bytes is not None:
            self.on_bytes(count)

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

    def _piece(self, piece: Piece, results: list[Cleaned | str] | None) -> Iterator[Shown | Problem]:
        task = piece.task
        output = self._output(task)
        try:
            if piece.records:
                yield from self._records(piece, results, output)
            elif piece.rows is not None:
                yield from self._rows(piece, results, output)
            else:
                yield from self._blocks(piece, results, output)
        except NormalizeError as exc:
            yield self._stop(task, Problem(task.label, str(exc)))

    def _blocks(self, piece: Piece, results: list[Cleaned | str], output: _Output) -> Iterator[Shown]:
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

    def _records(self, piece: Piece, results: list[Cleaned | str], output: _Output) -> Iterator[Shown | Problem]:
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

    def _shard(self, event: ShardOpened) -> Iterator[Problem]:
        task, options = event.task, self.options
        if not options.write or task.target is None:
            return
        from .parquet import ParquetOutput

        try:
            self._output(task).writer = ParquetOutput(
                task.target, event.schema, options.field, compression=event.compression,
                edits_field=options.edits_field, damage_field=options.damage_field, writer=self._writer(task),
            )
        except NormalizeError as exc:
            yield self._stop(task, Problem(task.label, str(exc)))

    def _rows(self, piece: Piece, results: list[Cleaned | str], output: _Output) -> Iterator[Shown]:
        task, rows = piece.task, piece.rows
        if output.group is None:
            output.group = [None] * rows.group.table.num_rows
        for index, text, cleaned in zip(rows.indices, piece.texts, results):
            where = f"{task.label}#{rows.first_row + index}"
            if isinstance(cleaned, str):
                raise InputError(f"{where}: {cleaned}")
            output.group[index] = cleaned
            self.report.document(self.report.count_edits(cleaned.edits) > 0)
            yield Shown(where, text, cleaned)
        if rows.last:
            if output.writer is not None:
                before = output.writer.atomic.written
                output.writer.write(rows.group, output.group)
                self.report.bytes_written += output.writer.atomic.written - before
            output.group = None

    def _end(self, task: Task, source: Source | None) -> Iterator[Problem]:
        output = self._open.pop(task, None) or _Output(Joiner(self.options.config))
        try:
            if self.options.write and output.writer is None and task.target is not None:
                output.writer = self._writer(task)  # an empty input still gets its (empty) output
            if output.writer is not None:
                output.writer.commit()
            kept = self._rejects is not None and self._rejects.keep(task)
            manifest = self.manifests.get(task.root)
            # An input rewritten while it was read is not recorded: --resume makes it again.
            if output.writer is not None and manifest is not None and source is not None and source.unchanged():
                record = partial(manifest.record, task, source, output.writer.size, output.writer.sha256)
                # An input with records left out is recorded once they are in the rejects file, at the
                # run's end: a run killed before that leaves it for --resume to make again, rejects and all.
                if kept:
                    self._unrecorded.append(record)
                else:
                    record()
        except NormalizeError as exc:
            yield self._stop(task, Problem(task.label, str(exc)))
            return
        self.report.files["cleaned"] += 1
        if task in self._redo:
            self.report.redo(task.label, self._redo.pop(task))
        if not (self.options.jsonl or self.options.parquet):
            self.report.document(output.changed)

    def _stop(self, task: Task, problem: Problem) -> Problem:
        output = self._open.pop(task, None)
        if output is not None and output.writer is not None:
            output.writer.abort()
        if self._rejects is not None:
            self._rejects.drop(task)
        self._stopped.add(task)
        reason = problem.message.removeprefix(f"{task.label}: ")
        if problem.kind == "failed":
            self.report.failed(task.label, reason)
        else:
            self.report.skip(task.label, reason, kind=problem.kind)
        return problem

    def _reject(self, task: Task, line: int, raw: bytes, message: str) -> Problem:
        self.report.failed(task.label, message.removeprefix(f"{task.label}:{line}: "), line=line)
        if self._rejects is not None:
            self._rejects.hold(task, raw)
        return Problem(f"{task.label}:{line}", message, "rejected")
