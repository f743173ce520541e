"""The `normalize` command: its options, and the run from plan to exit code."""
from __future__ import annotations

import os
import signal
import sys
from typing import Any

import click

from .. import __version__
from ..config import STAGE_NAMES, Config
from ..errors import ConfigError, NormalizeError
from ..jobs.batch import Batch
from ..jobs.events import Problem
from ..jobs.planning import STDIN
from .settings import SetupError, settings
from .show import Presenter, interrupted_line, progress, resume_line, summary_line

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
              help="Files to take from folders, by name.  [default: *.txt, *.jsonl with --jsonl, "
                   "*.html, *.htm and *.xhtml with --from html, and their .gz, .bz2, .xz and .zst forms; "
                   "*.parquet with --parquet]")
@click.option("--resume", is_flag=True,
              help="Finish a stopped job: skip inputs whose output in the -o folder was made from the same input "
                   "with the same options (its manifest says); clean the others.")
@click.option("--encoding", default="utf-8", show_default=True, metavar="NAME",
              help="Encoding of the inputs. Undecodable bytes fail the input; they are never replaced. "
                   "Output is always UTF-8.")
@click.option("--from", "source_format", type=click.Choice(["text", "html"]),
              help="Read inputs as text, or as HTML pages whose article text is cleaned (needs "
                   "normalize-text[html]).  [default: html for *.html, *.htm, *.xhtml; text otherwise]")
@click.option("--jsonl", is_flag=True, help="Inputs are JSON Lines: clean one field of each record.")
@click.option("--parquet", is_flag=True,
              help="Inputs are Parquet shards: clean one column of each row, a row group at a time; "
                   "needs normalize-text[parquet].")
@click.option("--field", metavar="PATH",
              help="With --jsonl or --parquet, the field to clean; a dotted path reaches into nested objects "
                   "(struct columns).  [default: text]")
@click.option("--edits-field", metavar="NAME",
              help="With --jsonl or --parquet, store each record's edits in this field (column).")
@click.option("--damage-field", metavar="NAME",
              help="With --jsonl or --parquet, store each record's damage estimate (word repairs per word) "
                   "in this field (column).")
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
@click.option("--unwrap", is_flag=True,
              help="Join the lines of paragraphs hard-wrapped at a fixed width (PDF, e-mail, plain-text books); "
                   "verse, lists, tables and code keep theirs.")
@click.option("--unicode-normalization", type=click.Choice(["NFC", "NFD", "NFKC", "NFKD"]),
              help="Put the text in this Unicode normalization form (ftfy's normalization; NFKC also folds "
                   "compatibility characters).")
@click.option("--uncurl-quotes", is_flag=True, help="Curly quotes become straight ones (ftfy's uncurl_quotes).")
@click.option("--fix-latin-ligatures", is_flag=True, help="Ligatures such as ﬁ become their letters (ftfy).")
@click.option("--fix-character-width", is_flag=True,
              help="Full-width Latin letters and digits and half-width katakana become the usual width (ftfy).")
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
              help="Clean on a Dask cluster (its address, or 'local') instead of --jobs; inputs are still read "
                   "and outputs written here. Needs normalize-text[dask].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings; errors are still printed.")
@click.version_option(__version__, "-V", "--version", prog_name="normalize")
def main(inputs: tuple[str, ...], **options: Any) -> None:
    """Clean scraped text: fix mojibake, restore lost spaces, drop page leftovers.

    INPUTS are files, folders (cleaned recursively) or - for standard input
    (the default). Exit codes: 0 all cleaned, 1 some inputs or records failed
    (each named on stderr), 2 a usage, config or rule error (nothing touched).
    """
    tasks, batch_options, planned = settings(inputs, options)
    bar = progress(tasks, options, any(name != STDIN and os.path.isdir(name) for name in inputs))
    batch = Batch(
        batch_options,
        stdin=sys.stdin.buffer,
        stdout=sys.stdout.buffer,
        on_bytes=bar.update if bar is not None else None,
    )
    show = Presenter(options, bar)
    report = batch.report
    for path, reason in planned.skipped:
        report.skip(path, reason)
        show.problem(Problem(path, f"{path}: {reason}", "skipped"))
    for path, reason in planned.failed:
        report.failed(path, reason)
        show.problem(Problem(path, f"{path}: {reason}"))

    review = None
    if options["review_file"]:
        from ..views.review import ReviewPage

        try:
            review = ReviewPage(options["review_file"])
        except NormalizeError as exc:
            raise SetupError(str(exc)) from None
    stopper = _Stopper()
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
        click.echo(interrupted_line(report, tasks), err=True)
        sys.exit(128 + stopper.signal)
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
        stopper.restore()
    _write_report(report, options, batch_options.config)
    for line in (None if options["quiet"] else resume_line(report), summary_line(report)):
        if line:
            click.echo(line, err=True)
    sys.exit(0 if report.ok else 1)


def _write_report(report, options: dict[str, Any], config: Config) -> None:
    if not options["report_file"]:
        return
    try:
        report.write(options["report_file"], config)
    except NormalizeError as exc:
        click.echo(f"normalize: {exc}", err=True)
        sys.exit(1)


class _Stopper:
    """Make SIGTERM stop a run as Ctrl-C does, without a half-written file,
    and remember which of the two it was: the exit code says (128 + its
    number: 130 for Ctrl-C, 143 for SIGTERM)."""

    def __init__(self) -> None:
        self.signal = signal.SIGINT
        try:
            self._previous = signal.signal(signal.SIGTERM, self._stop)
        except ValueError:  # not the main thread: leave signals alone
            self._previous = None

    def _stop(self, signum, frame):
        self.signal = signum
        raise KeyboardInterrupt

    def restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)
            self._previous = None


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the flush at
    exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
