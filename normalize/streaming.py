"""Cleaning streams: lines of a large file, records of a JSON Lines file.

Whole texts up to `WHOLE_TEXT_LIMIT` characters (8 Mi) are cleaned in one
piece, exactly as `clean` would. A longer stream is cleaned block by block so
that memory stays bounded and output flows: a block is a paragraph (lines up
to a blank line), cut at a line end once it passes `BLOCK_LIMIT` characters
(1 Mi), and a single line longer than that is cut at a run of spaces or tabs
(or, with none, anywhere). Every stage then sees one block at a time: the
splitter and the leftover rules see a paragraph, not the article, and a
leftover rule for the "last line" of an article looks at the last line of
each block. The whitespace between blocks (blank lines, the run of spaces
at a cut) is tidied by `Joiner` as `normalize_whitespace` would tidy it, and
is not recorded as an edit.

`clean_records` cleans one field of each record and passes every other field
through; a field may be a dotted path into nested records ("meta.body").
"""
from __future__ import annotations

import numbers
import os
import signal
import threading
import time
from collections import deque
from itertools import chain
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar

from .config import DEFAULT, Config
from .edits import Cleaned
from .errors import InputError
from .pipeline import clean, clean_and_explain

WHOLE_TEXT_LIMIT = 8 << 20
BLOCK_LIMIT = 1 << 20
SPACES = " \t"


def _is_blank(line: str) -> bool:
    return not line.strip(" \t\r\n")


class _Blocks:
    """The state of `iter_blocks`: the lines of the block being gathered and
    the blank lines after them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.lines: list[str] = []
        self.size = 0
        self.blank: list[str] = []

    def flush(self) -> list[tuple[str, str]]:
        if not self.lines and not self.blank:
            return []
        done = [("".join(self.lines), "".join(self.blank))]
        self.lines, self.size, self.blank = [], 0, []
        return done

    def line(self, line: str) -> list[tuple[str, str]]:
        if _is_blank(line):
            self.blank.append(line)
            return []
        done = self.flush() if self.blank or (self.lines and self.size + len(line) > self.limit) else []
        self.lines.append(line)
        self.size += len(line)
        return done

    def cut_long_line(self, text: str, pos: int, stop: int | None = None) -> tuple[list[tuple[str, str]], int]:
        """Cut blocks off `text[pos:stop]`, a line longer than the limit,
        until less than the limit is left; return them and the new position."""
        done = self.flush()
        limit = self.limit
        stop = len(text) if stop is None else stop
        while stop - pos > limit:
            window_end = pos + limit
            space = max(text.rfind(" ", pos, window_end), text.rfind("\t", pos, window_end))
            start = space
            while start > pos and text[start - 1] in SPACES:
                start -= 1
            if space < 0 or start == pos:
                done.append((text[pos:window_end], ""))
                pos = window_end
                continue
            end = space + 1
            while end < stop and text[end] in SPACES:
                end += 1
            done.append((text[pos:start], text[start:end]))
            pos = end
        return done, pos


def iter_blocks(chunks: Iterable[str], limit: int | None = None) -> Iterator[tuple[str, str]]:
    """Cut a stream of text into `(block, separator)` pairs, where a block is
    a paragraph of at most about `limit` characters and its separator the
    blank lines after it, or the run of spaces where a long line was cut, or
    "". Nothing is lost: joining every block and separator gives the input.

    >>> list(iter_blocks(["One\\n", "two\\n", "\\n", "Three\\n"]))
    [('One\\ntwo\\n', '\\n'), ('Three\\n', '')]
    """
    limit = BLOCK_LIMIT if limit is None else limit
    state = _Blocks(limit)
    tail: list[str] = []  # the start of a line whose end has not come yet
    tail_size = 0
    for chunk in chunks:
        if not chunk:
            continue
        if "\n" not in chunk and tail_size + len(chunk) <= limit:
            tail.append(chunk)
            tail_size += len(chunk)
            continue
        text = "".join(tail) + chunk if tail else chunk
        pos = 0
        while True:
            newline = text.find("\n", pos)
            if newline < 0:
                break
            if newline - pos > limit:  # a long line that does end: cut it too
                done, pos = state.cut_long_line(text, pos, newline)
                yield from done
            yield from state.line(text[pos : newline + 1])
            pos = newline + 1
        if len(text) - pos > limit:
            done, pos = state.cut_long_line(text, pos)
            yield from done
        rest = text[pos:]
        tail, tail_size = ([rest], len(rest)) if rest else ([], 0)
    if tail:
        yield from state.line("".join(tail))
    yield from state.flush()


def text_pieces(
    chunks: Iterable[str], *, whole_limit: int | None = None, block_limit: int | None = None
) -> Iterator[tuple[str, str]]:
    """`(text, separator)` pieces to clean one by one: the whole stream as
    one piece when it holds at most `whole_limit` characters (default
    `WHOLE_TEXT_LIMIT`), else the blocks of `iter_blocks`."""
    whole_limit = WHOLE_TEXT_LIMIT if whole_limit is None else whole_limit
    block_limit = BLOCK_LIMIT if block_limit is None else block_limit
    chunks = iter(chunks)
    head: list[str] = []
    size = 0
    for chunk in chunks:
        head.append(chunk)
        size += len(chunk)
        if size > whole_limit:
            yield from iter_blocks(chain(head, chunks), block_limit)
            return
    yield "".join(head), ""


class Joiner:
    """Put cleaned blocks back together with what separated them.

    With `normalize_whitespace` on, separators are tidied as that stage
    tidies whitespace: blank lines between paragraphs become one, the run of
    spaces where a line was cut becomes one space, and none is kept at the
    start or end of the text. With it off, each separator goes through the
    other stages (line endings) and is kept.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or DEFAULT
        self.tidy = self.config.runs("normalize_whitespace")
        self._owed = ""  # the separator owed before the next text: "", " " or "\n"
        self._last = ""  # the last character given out
        self.lead = 0  # how much of the last join's output comes before the block

    def join(self, cleaned: str, separator: str) -> str:
        """What to write for a block cleaned to `cleaned` and followed by `separator`."""
        self.lead = 0
        if not self.tidy:
            return cleaned + (clean(separator, self.config) if separator else "")
        out = ""
        if cleaned:
            if self._last:
                out = self._separator()
                self.lead = len(out)
            out += cleaned
            self._owed = ""
            self._last = cleaned[-1]
        if "\n" in separator:
            self._owed = "\n"
        elif separator and not self._owed:
            self._owed = " "
        return out

    def _separator(self) -> str:
        if self._owed == "\n":
            return "\n" if self._last == "\n" else "\n\n"
        if self._owed == " " and not self._last.isspace():
            return " "
        return ""


def _with_line_ends(lines: Iterable[str]) -> Iterator[str]:
    previous = None
    for line in lines:
        if not isinstance(line, str):
            raise TypeError(
                f"clean_lines expects lines of str, got {type(line).__name__}: "
                "open the file in text mode, or decode each line"
            )
        if previous is not None and not previous.endswith(("\n", "\r")):
            yield "\n"
        yield line
        previous = line


def clean_lines(
    lines: Iterable[str], config: Config | None = None, *, whole_text_limit: int | None = None
) -> Iterator[str]:
    """Clean a stream of lines and yield the cleaned lines, each ending in
    "\\n" but perhaps the last. A line's ending is optional: a line without
    one is taken to end in "\\n" (so `text.splitlines()` works too).

    Up to `whole_text_limit` characters (default `WHOLE_TEXT_LIMIT`, 8 Mi),
    the output is `clean` of the whole text; beyond, cleaning goes block by
    block (see the module's docstring) and memory stays bounded.
    `whole_text_limit=0` cleans block by block from the start, so output
    follows input paragraph by paragraph.

    >>> list(clean_lines(["Vietnamâ€™s  officials\\n", "\\n", "\\n", "met.\\n"]))
    ['Vietnam’s officials\\n', '\\n', 'met.\\n']
    """
    config = config or DEFAULT
    joiner = Joiner(config)
    carry = ""
    for text, separator in text_pieces(_with_line_ends(lines), whole_limit=whole_text_limit):
        out = carry + joiner.join(clean(text, config), separator)
        *complete, carry = out.split("\n")
        for line in complete:
            yield line + "\n"
    if carry:
        yield carry


# --- records ---------------------------------------------------------------------


def get_field(record: Mapping[str, Any], path: str, *, where: str = "record") -> str:
    """The string at `path` ("text", or dotted: "meta.body") in `record`; an
    `InputError` saying `where` when it is missing or not a string."""
    value: Any = record
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            raise InputError(f"{where}: no field {path!r}")
        value = value[key]
    if not isinstance(value, str):
        raise InputError(f"{where}: field {path!r} is {_json_kind(value)}, not a string")
    return value


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, numbers.Number):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    return f"a {type(value).__name__}"


def with_field(record: Mapping[str, Any], path: str, value: Any, *, where: str = "record") -> dict:
    """A copy of `record` with `value` at `path`; the input is not changed,
    and missing levels of a dotted path are created."""
    keys = path.split(".")
    top = dict(record)
    node = top
    for key in keys[:-1]:
        child = node.get(key, {})
        if not isinstance(child, Mapping):
            raise InputError(f"{where}: cannot set {path!r}: {key!r} is not an object")
        child = dict(child)
        node[key] = child
        node = child
    node[keys[-1]] = value
    return top


def cleaned_record(
    record: Mapping[str, Any], field: str, cleaned: Cleaned, *, edits_field: str | None = None,
    damage_field: str | None = None, where: str = "record"
) -> dict:
    """`record` with `field` replaced by the cleaned text, the edits stored at
    `edits_field` and the damage estimate (`Cleaned.damage`) at `damage_field`
    when they are named."""
    record = with_field(record, field, cleaned.text, where=where)
    if edits_field:
        record = with_field(record, edits_field, [edit.as_dict() for edit in cleaned.edits], where=where)
    if damage_field:
        record = with_field(record, damage_field, cleaned.damage, where=where)
    return record


def clean_record(
    record: Mapping[str, Any], field: str = "text", config: Config | None = None, *, edits_field: str | None = None,
    damage_field: str | None = None
) -> dict:
    """Clean `field` of one record; see `clean_records`."""
    cleaned = clean_and_explain(get_field(record, field), config)
    return cleaned_record(record, field, cleaned, edits_field=edits_field, damage_field=damage_field)


def clean_records(
    records: Iterable[Mapping[str, Any]],
    field: str = "text",
    config: Config | None = None,
    *,
    edits_field: str | None = None,
    damage_field: str | None = None,
) -> Iterator[dict]:
    """Yield each record with its `field` cleaned, in order; every other field
    is passed through and the input records are not changed. With
    `edits_field`, each record also gets the list of its edits there (as
    dicts), from which `restore` can rebuild the original field; with
    `damage_field`, the text's damage estimate (`Cleaned.damage`).

    A record without the field, or whose field is not a string, raises
    `InputError` naming the record by its position (from 1).

    >>> next(clean_records([{"id": 7, "text": "caf&eacute;  au lait"}]))
    {'id': 7, 'text': 'café au lait'}
    """
    for number, record in enumerate(records, 1):
        where = f"record {number}"
        cleaned = clean_and_explain(get_field(record, field, where=where), config)
        yield cleaned_record(record, field, cleaned, edits_field=edits_field, damage_field=damage_field, where=where)


# --- parallel cleaning ------------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")


# How often a worker checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 0.5


def _start_worker(parent: int) -> None:
    """Set up a worker process. Ctrl-C and SIGTERM may reach the whole
    process group; the parent alone decides what to stop, so workers ignore
    both and finish the piece in hand. A parent killed outright (kill -9)
    cannot stop them: they watch it, and exit once it is gone, rather than
    wait forever for work that will not come."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="normalize-parent-watch", daemon=True).start()


def ordered_map(fn: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, window: int | None = None) -> Iterator[R]:
    """`map(fn, items)` in `jobs` processes, results in input order, with at
    most `window` items (default 4 per process) in flight, so that a long
    stream never piles up in memory. `fn` and the items must pickle.

    Stopped early (Ctrl-C, an error, the caller closing the generator), it
    kills its workers rather than wait for them: their pieces in hand are
    not wanted any more, and waiting on a pool that a signal caught half-way
    through one of its own steps can wait forever."""
    if jobs <= 1:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    window = window or 4 * jobs
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(os.getpid(),))
    pending: deque = deque()
    finished = False
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if not finished:
            _kill_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _kill_workers(pool) -> None:
    # `_processes` is the executor's own table of its workers (Python 3.14
    # has `terminate_workers()` for this); workers ignore SIGTERM, so SIGKILL.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):  # already gone, or already closed
            pass
