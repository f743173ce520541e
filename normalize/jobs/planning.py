"""Mapping inputs to outputs before anything is read.

`plan` refuses an output that would land on an input or on another output;
a folder where no file matches the glob is a failure, never a silent
success. Folder walks pass over normalize's own files: temporaries and the
manifest of an output folder.
"""
from __future__ import annotations

import fnmatch
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..errors import OutputError
from .temporaries import TEMP_SUFFIX

# An output folder's manifest (see `manifest`, which plans nothing and imports this module).
MANIFEST_NAME = ".normalize-manifest.jsonl"

STDIN = "-"


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
            if name.endswith(TEMP_SUFFIX) or name == MANIFEST_NAME:
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
    rename: Callable[[str], str] | None = None,
) -> Plan:
    """Map `inputs` (files, folders, "-") to outputs.

    With `in_place`, each file is its own target. Without `output` (or with
    "-"), every target is standard output. Otherwise `output` is a file when
    there is one input file and `output` is not a folder, and else a folder:
    files go to `output/name`, a folder's files to `output/` + their path
    inside it, passed through `rename` when given (`page.html` -> `page.txt`).
    Raises `OutputError` for an output that is an input, for two
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
            relative = rename(relative) if rename is not None else relative
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
