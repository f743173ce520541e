"""The `normalize` command. The only module that imports click."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import NormalizeError
from .pipeline import clean


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str), help="Output file (one input) or folder (several).")
@click.version_option(__version__, prog_name="normalize")
def main(inputs: tuple[str, ...], output: str | None) -> None:
    """Clean scraped text: fix mojibake, restore lost spaces, drop page leftovers.

    INPUTS are files, or - for standard input (the default).
    """
    inputs = inputs or ("-",)
    if len(inputs) > 1 and output and not Path(output).is_dir():
        raise click.UsageError("several inputs need -o to name an existing folder")
    failed = 0
    for name in inputs:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
            result = clean(text)
        except (OSError, UnicodeDecodeError, NormalizeError) as exc:
            click.echo(f"normalize: {name}: {exc}", err=True)
            failed += 1
            continue
        if output is None:
            click.echo(result, nl=False)
        else:
            target = Path(output) / Path(name).name if Path(output).is_dir() else Path(output)
            target.write_text(result, encoding="utf-8")
    sys.exit(1 if failed else 0)
