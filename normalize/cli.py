"""The `normalize` command. The only module that imports click.

The work is the library's: `jobs.planning` plans where outputs go,
`jobs.batch` reads, cleans (in several processes) and writes atomically,
`views.report` and `views.review` record what changed. This module turns options into those calls, and what
happened into messages and exit codes:

    0  everything was cleaned
    1  some inputs or records were not; each is named on stderr with the
       reason, and the rest were still done
    2  the command line, a config file or a rule pack is wrong; nothing was
       read or written
"""
from __future__ import annotations

import difflib
import os
import signal
import sys
import tomllib
from pathlib import Path
from typing import Any, Iterator

import click

from . import __version__, streaming
from .config import STAGE_NAMES, Config
from .errors import ConfigError, NormalizeError
from .jobs.batch import Batch, Options
from .jobs.compression import check_available, compressed_forms, compression_of
from .jobs.decoding import resolve_encoding
from .jobs.events import Problem, Shown
from .jobs.planning import STDIN, Task, plan
from .views.explain import explain_lines


class SetupError(click.ClickException):
    """Something wrong before any input was touched: exit code 2."""

    exit_code = 2


# --- configuration ---------------------------------------------------------------


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _read_words(path: str) -> list[str]:
    """Words from a file, one per line; `#` starts a comment."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list: {getattr(exc, 'strerror', None) or exc}") from None
    return [word for line in lines if (word := line.split("#", 1)[0].strip())]


def load_config(
    config_file: str | None = None,
    *,
    skip: tuple[str, ...] = (),
    only: tuple[str, ...] = (),
    protect: tuple[str, ...] = (),
    protected_words: str | None = None,
    vocabulary: str | None = None,
    rules: tuple[str, ...] = (),
    no_builtin_rules: bool = False,
    any_language: bool = False,
) -> Config:
    """The Config the options ask for: the config file (or `[tool.normalize]`
    of ./pyproject.toml), then the options on top. Paths in a config file are
    relative to its folder."""
    values: dict[str, Any] = {}
    source = "config"
    if config_file:
        data = _read_toml(config_file)
        values = data.get("tool", {}).get("normalize", data) if "tool" in data else data
        source = config_file
    elif os.path.isfile("pyproject.toml"):
        values = _read_toml("pyproject.toml").get("tool", {}).get("normalize", {})
        source = "pyproject.toml [tool.normalize]"
    folder = os.path.dirname(source) if config_file else "."
    values = dict(values)
    if isinstance(values.get("leftover_rules"), list):
        values["leftover_rules"] = [os.path.join(folder, str(p)) for p in values["leftover_rules"]]
    if isinstance(values.get("vocabulary_file"), str):
        values["vocabulary_file"] = os.path.join(folder, values["vocabulary_file"])
    config = Config.from_mapping(values, source=source)

    changes: dict[str, Any] = {}
    if only:
        changes["stages"] = tuple(stage for stage in STAGE_NAMES if stage in only)
    elif skip:
        changes["stages"] = tuple(stage for stage in config.stages if stage not in skip)
    if protect or protected_words:
        words = set(protect) | set(_read_words(protected_words) if protected_words else ())
        changes["protected_words"] = config.protected_words | words
    if vocabulary:
        changes["vocabulary_file"] = vocabulary
    if rules:
        changes["leftover_rules"] = config.leftover_rules + tuple(rules)
    if no_builtin_rules:
        changes["builtin_leftover_rules"] = False
    if any_language:
        changes["english_only"] = False
    config = config.with_options(**changes) if changes else config
    check_config(config)
    return config


def check_config(config: Config) -> None:
    """Fail now, before any input is read, on what would fail later: rule
    packs that do not compile, a vocabulary file that cannot be read."""
    from .leftovers import rules_for

    if config.runs("remove_leftovers"):
        rules_for(config)
    if config.vocabulary_file:
        _read_words(config.vocabulary_file)


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


# --- the command ---------------------------------------------------------------------

_stage = click.Choice(STAGE_NAMES)
_file = click.Path(dir_okay=False, path_type=str)


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", metavar="PATH",
              help="Where cleaned text goes: a file for one input, a folder (mirroring paths) for several "
                   "inputs or a folder; - or none for stdout.")
@click.option("--in-place", is_flag=True, help="Rewrite each input file, atomically.")
@click.option("--backup", metavar="SUFFIX",
              help="With --in-place, keep each original as FILE+SUFFIX; an existing backup is never overwritten.")
@click.option("--glob", "pattern", metavar="PATTERN",
              help="Files to take from folders, by name.  [default: *.txt, or *.jsonl with --jsonl, "
                   "and their .gz, .bz2, .xz and .zst forms]")
@click.option("--resume", is_flag=True,
              help="Skip inputs whose output exists and is newer than the input: finish a stopped job.")
@click.option("--encoding", default="utf-8", show_default=True, metavar="NAME",
              help="Encoding of the inputs. Undecodable bytes fail the input; they are never replaced. "
                   "Output is always UTF-8.")
@click.option("--jsonl", is_flag=True, help="Inputs are JSON Lines: clean one field of each record.")
@click.option("--field", metavar="PATH",
              help="With --jsonl, the field to clean; a dotted path reaches into nested objects.  [default: text]")
@click.option("--edits-field", metavar="NAME", help="With --jsonl, store each record's edits in this field.")
@click.option("--damage-field", metavar="NAME",
              help="With --jsonl, store each record's damage estimate (word repairs per word) in this field.")
@click.option("--on-error", type=click.Choice(["fail", "skip"]),
              help="With --jsonl, a bad record fails its input (fail, the default) or is left out and "
                   "reported (skip).")
@click.option("--rejects", metavar="FILE", help="With --on-error skip, write each record left out to FILE, unchanged.")
@click.option("--skip", multiple=True, type=_stage, metavar="STAGE",
              help=f"Do not run STAGE (repeatable): {', '.join(STAGE_NAMES)}.")
@click.option("--only", multiple=True, type=_stage, metavar="STAGE", help="Run only STAGE (repeatable).")
@click.option("--config", "config_file", type=_file,
              help="TOML config file (Config fields; or its [tool.normalize] table). "
                   "Default: [tool.normalize] of ./pyproject.toml.")
@click.option("--protect", multiple=True, metavar="WORD", help="A word the splitter never splits (repeatable).")
@click.option("--protected-words", type=_file, help="File of words the splitter never splits, one per line.")
@click.option("--vocabulary", type=_file, help="File of extra words the splitter knows, one per line.")
@click.option("--rules", multiple=True, type=_file, help="A TOML pack of extra leftover rules (repeatable).")
@click.option("--no-builtin-rules", is_flag=True, help="Remove only the leftovers of the --rules packs.")
@click.option("--any-language", is_flag=True, help="Let the splitter act on lines that do not read as English.")
@click.option("--diff", is_flag=True, help="Print a unified diff of each changed document instead of the output.")
@click.option("--explain", is_flag=True,
              help="List each edit (stage/rule: before → after, at line:column, in context) instead of the output.")
@click.option("--report", "report_file", metavar="FILE.json",
              help="Write totals: documents, bytes, edits by stage and rule, failures, time.")
@click.option("--review", "review_file", metavar="FILE.html",
              help="Write one HTML page showing each change side by side, coloured by stage.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="Clean in N processes (0: one per CPU); output order is kept.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Clean files on a Dask cluster (its address, or 'local'); needs normalize-text[dask].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings; errors are still printed.")
@click.version_option(__version__, "-V", "--version", prog_name="normalize")
def main(inputs: tuple[str, ...], **options: Any) -> None:
    """Clean scraped text: fix mojibake, restore lost spaces, drop page leftovers.

    INPUTS are files, folders (cleaned recursively) or - for standard input
    (the default). Exit codes: 0 all cleaned, 1 some inputs or records failed
    (each named on stderr), 2 a usage, config or rule error (nothing touched).
    """
    tasks, batch_options, planned = _settings(inputs, options)
    bar = _progress(tasks, options, any(name != STDIN and os.path.isdir(name) for name in inputs))
    batch = Batch(
        batch_options,
        stdin=sys.stdin.buffer,
        stdout=sys.stdout.buffer,
        on_bytes=bar.update if bar is not None else None,
    )
    show = _Presenter(options, bar)
    report = batch.report
    for path, reason in planned.skipped:
        report.skip(path, reason)
        show.problem(Problem(path, f"{path}: {reason}", "skipped"))
    for path, reason in planned.failed:
        report.failed(path, reason)
        show.problem(Problem(path, f"{path}: {reason}"))

    review = None
    if options["review_file"]:
        from .views.review import ReviewPage

        try:
            review = ReviewPage(options["review_file"])
        except NormalizeError as exc:
            raise SetupError(str(exc)) from None
    previous = _on_terminate()
    events = batch.run(tasks)
    try:
        for event in events:
            if isinstance(event, Problem):
                show.problem(event)
                continue
            if review is not None:
                review.add(event.label, event.raw, event.cleaned, first_line=event.raw_line + 1)
            show.piece(event)
        show.done()
        if review is not None:
            review.close()
    except KeyboardInterrupt:
        events.close()
        _write_report(report, options, batch_options.config)
        click.echo("normalize: interrupted; no half-written file was left (--resume finishes the job)", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`normalize big.txt | head`): stop quietly.
        events.close()
        _quiet_stdout()
        sys.exit(0)
    except ConfigError as exc:
        raise SetupError(str(exc)) from None
    except NormalizeError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if review is not None:
            review.abort()  # nothing left to drop once it is closed
        if bar is not None:
            bar.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    _write_report(report, options, batch_options.config)
    summary = _summary(report)
    if summary:
        click.echo(summary, err=True)
    sys.exit(0 if report.ok else 1)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _summary(report) -> str | None:
    """The last line of a run over several inputs that did not clean them
    all (with one input, its error is the last line already)."""
    failed, rejected = report.files["failed"], report.documents["rejected"]
    total = sum(report.files[key] for key in ("cleaned", "failed", "skipped", "already_done"))
    if not failed or total < 2:
        return None
    parts = []
    if failed:
        parts.append(f"{failed} of {_plural(total, 'input')} not cleaned")
    if rejected:
        parts.append(f"{_plural(rejected, 'record')} left out")
    return f"normalize: {', '.join(parts)} (each named above)"


class _Presenter:
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
        elif problem.kind == "skipped" and not self.quiet:
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


def _settings(inputs: tuple[str, ...], options: dict[str, Any]):
    """Check the options against each other, build the Config and the plan:
    every usage error comes out here, before any input is read."""
    jsonl = options["jsonl"]
    preview = options["diff"] or options["explain"]
    for name in ("field", "edits_field", "damage_field", "on_error", "rejects"):
        if options[name] is not None and not jsonl:
            raise click.UsageError(f"--{name.replace('_', '-')} needs --jsonl")
    if options["rejects"] and options["on_error"] != "skip":
        raise click.UsageError("--rejects needs --on-error skip (with fail, no record is left out)")
    if options["backup"] and not options["in_place"]:
        raise click.UsageError("--backup needs --in-place")
    if options["in_place"] and options["output"]:
        raise click.UsageError("--in-place and -o exclude each other")
    if options["diff"] and options["explain"]:
        raise click.UsageError("choose one of --diff and --explain")
    if preview and (options["output"] or options["in_place"]):
        raise click.UsageError("--diff and --explain print instead of writing: drop -o and --in-place")
    if options["only"] and options["skip"]:
        raise click.UsageError("choose one of --only and --skip")
    if options["resume"] and not options["output"]:
        raise click.UsageError("--resume needs -o (it compares each output with its input)")
    if options["scheduler"] and (jsonl or preview or options["review_file"] or options["encoding"] != "utf-8"):
        raise click.UsageError(
            "--scheduler cleans text files as UTF-8: it does not go with --jsonl, --diff, --explain, "
            "--review or --encoding"
        )
    try:
        encoding = resolve_encoding(options["encoding"])
        if jsonl and encoding.startswith(("utf-16", "utf-32")):
            raise ConfigError(f"--jsonl reads line by line: {encoding} is not supported; convert to UTF-8 first")
        config = load_config(
            options["config_file"],
            skip=options["skip"],
            only=options["only"],
            protect=options["protect"],
            protected_words=options["protected_words"],
            vocabulary=options["vocabulary"],
            rules=options["rules"],
            no_builtin_rules=options["no_builtin_rules"],
            any_language=options["any_language"],
        )
        pattern = options["pattern"] or compressed_forms("*.jsonl" if jsonl else "*.txt")
        planned = plan(inputs, output=options["output"], in_place=options["in_place"], pattern=pattern)
        for path in {task.source for task in planned.tasks} | {task.target for task in planned.tasks} | {options["rejects"]}:
            check_available(compression_of(path))
    except NormalizeError as exc:
        raise SetupError(str(exc)) from None
    tasks = planned.tasks
    folders = any(name != STDIN and os.path.isdir(name) for name in inputs)
    to_stdout = [task for task in tasks if task.target is None]
    if not jsonl and not preview and (len(to_stdout) > 1 or (folders and to_stdout)):
        raise click.UsageError("several inputs or a folder need -o FOLDER or --in-place (or --diff/--explain)")
    if options["scheduler"] and any(task.source == STDIN for task in tasks):
        raise click.UsageError("--scheduler cleans files: standard input is not one")
    for root in sorted({task.root for task in tasks if task.root}):
        try:
            os.makedirs(root, exist_ok=True)
        except OSError as exc:
            raise click.ClickException(f"cannot create output folder {root}: {exc.strerror}") from None
    batch_options = Options(
        config=config,
        encoding=encoding,
        jsonl=jsonl,
        field=options["field"] or "text",
        edits_field=options["edits_field"],
        damage_field=options["damage_field"],
        on_error=options["on_error"] or "fail",
        rejects=options["rejects"],
        backup=options["backup"],
        resume=options["resume"],
        write=not preview,
        jobs=options["jobs"] or os.cpu_count() or 1,
        scheduler=options["scheduler"],
    )
    return tasks, batch_options, planned


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _progress(tasks: list[Task], options: dict[str, Any], folders: bool):
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


def _write_report(report, options: dict[str, Any], config: Config) -> None:
    if not options["report_file"]:
        return
    try:
        report.write(options["report_file"], config)
    except NormalizeError as exc:
        click.echo(f"normalize: {exc}", err=True)
        sys.exit(1)


def _on_terminate():
    """Make SIGTERM stop a run as Ctrl-C does, without a half-written file."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        return None


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the flush at
    exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
