"""What the command says while it runs: problems on stderr, --explain and
--diff on stdout, a progress bar, and the closing summary.
"""
from __future__ import annotations

import difflib
import os
import sys
from collections import Counter
from typing import Any, Iterator

import click

from .. import streaming
from ..jobs.events import Problem, Shown
from ..jobs.planning import STDIN, Task
from ..views.explain import explain_lines


def _diff(raw: str, cleaned: str, label: str, raw_line: int, out_line: int, header: bool) -> Iterator[str]:
    """A unified diff of one piece, its line numbers shifted to where the piece sits in its document."""
    lines = difflib.unified_diff(_lines(raw), _lines(cleaned), label, f"{label} (cleaned)")
    for index, line in enumerate(lines):
        if index < 2:
            if header:
                yield click.style(line.rstrip("\n"), bold=True)
            continue
        line = line.rstrip("\n")
        if line.startswith("@@"):
            yield click.style(_shift_hunk(line, raw_line, out_line), fg="cyan")
        elif line.startswith("-"):
            yield click.style(line, fg="red")
        elif line.startswith("+"):
            yield click.style(line, fg="green")
        else:
            yield line


def _lines(text: str) -> list[str]:
    """Lines ended by "\n" only, as the line numbers count them (not
    str.splitlines, which also cuts at form feeds and U+2028)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _shift_hunk(line: str, raw_line: int, out_line: int) -> str:
    if not raw_line and not out_line:
        return line
    old, new = line.split(" ")[1:3]

    def shift(spec: str, by: int) -> str:
        start, _, count = spec[1:].partition(",")
        return spec[0] + str(int(start) + by) + ("," + count if count else "")

    return f"@@ {shift(old, raw_line)} {shift(new, out_line)} @@"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary_line(report) -> str | None:
    """The last line of a run over several inputs that did not clean them
    all (with one input, its error is the last line already)."""
    failed, rejected = report.files["failed"], report.documents["rejected"]
    total = sum(report.files[key] for key in ("cleaned", "failed", "skipped", "already_done", "no_article"))
    if not failed or total < 2:
        return None
    parts = []
    if failed:
        parts.append(f"{failed} of {_plural(total, 'input')} not cleaned")
    if rejected:
        parts.append(f"{_plural(rejected, 'record')} left out")
    return f"normalize: {', '.join(parts)} (each named above)"


def interrupted_line(report, tasks: list[Task]) -> str:
    """What an interrupted run says: how far it got and how to finish."""
    done = report.files["cleaned"] + report.files["already_done"]
    if any(task.target is None for task in tasks):
        return "normalize: interrupted; what was written to standard output is incomplete"
    if len(tasks) < 2:
        return "normalize: interrupted; no half-written file was left: run the same command again to finish"
    left = len(tasks) - done
    line = f"normalize: interrupted after {done} of {_plural(len(tasks), 'input')}; no half-written file was left"
    if all(task.target == task.source for task in tasks):
        return f"{line}; the other {left} are as they were"
    if all(task.root is not None for task in tasks):
        return f"{line}: the same command with --resume finishes the other {left}"
    return f"{line}: run the same command again to finish"


def resume_line(report) -> str | None:
    """What --resume skipped and what it did again, and why."""
    done, redone = report.files["already_done"], report.redone
    if not done and not redone:
        return None
    line = f"normalize: --resume: {_plural(done, 'input')} already done and skipped"
    if redone:
        reasons = Counter(entry["reason"] for entry in redone)
        why = ", ".join(f"{count} {reason}" for reason, count in reasons.most_common())
        line += f", {len(redone)} cleaned again ({why})"
    return line


class Presenter:
    """Says what happened: problems on stderr, and --explain or --diff on stdout."""

    def __init__(self, options: dict[str, Any], bar) -> None:
        self.quiet = options["quiet"]
        self.explain = options["explain"]
        self.diff = options["diff"]
        self.bar = bar
        self._document: str | None = None  # the document --explain is listing
        self._edits = 0
        self._headed: str | None = None  # the document --diff gave a header

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            click.echo(message, err=True)

    def problem(self, problem: Problem) -> None:
        if problem.kind == "failed":
            self.say(f"normalize: {problem.message}")
        elif problem.kind == "rejected":
            self.say(f"normalize: {problem.message} (record left out)")
        elif problem.kind in ("skipped", "warning", "no_article") and not self.quiet:
            self.say(f"normalize: warning: {problem.message}")

    def piece(self, shown: Shown) -> None:
        edits = shown.cleaned.edits
        if self.explain:
            if shown.first:
                self.done()
                click.echo(f"==> {shown.label} <==")
                self._document = shown.label
            for line in explain_lines(shown.raw, shown.cleaned, first_line=shown.raw_line + 1):
                click.echo(line)
            self._edits += len(edits)
        if self.diff and edits:
            header = self._headed != shown.label
            for line in _diff(shown.raw, shown.cleaned.text, shown.label, shown.raw_line, shown.out_line, header):
                click.echo(line, color=None)
            self._headed = shown.label

    def done(self) -> None:
        """The document --explain was listing is complete."""
        if self._document is not None and not self._edits:
            click.echo("no changes")
        self._document = None
        self._edits = 0


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress(tasks: list[Task], options: dict[str, Any], folders: bool):
    """A tqdm bar on stderr for folders and large files, when stderr is a
    terminal that the output does not share; None otherwise."""
    files = [task for task in tasks if task.source != STDIN]
    if options["quiet"] or not files or not _is_terminal(sys.stderr):
        return None
    if any(task.target is None for task in files) and _is_terminal(sys.stdout):
        return None
    sizes = []
    for task in files:
        try:
            sizes.append(os.path.getsize(task.source))
        except OSError:
            sizes.append(0)
    if not folders and len(files) == 1 and sizes[0] <= streaming.WHOLE_TEXT_LIMIT:
        return None
    from tqdm import tqdm

    return tqdm(total=sum(sizes), unit="B", unit_scale=True, file=sys.stderr, desc="normalize", leave=False)
