"""The command's settings: the Config from config files and options, the
options checked against each other, and the plan. Every usage error comes
out here, before any input is read (exit code 2).
"""
from __future__ import annotations

import os
import tomllib
from typing import Any

import click

from ..config import STAGE_NAMES, Config
from ..errors import ConfigError, NormalizeError
from ..jobs.batch import Options
from ..jobs.compression import check_available, compressed_forms, compression_of
from ..jobs.decoding import resolve_encoding
from ..jobs.html import HTML_SUFFIXES, check_available as check_html, reads_html, text_name
from ..jobs.planning import STDIN, plan
from ..vocabulary import read_word_lines


# Options that set the Config field of the same name (off unless given).
FOLD_OPTIONS = ("unwrap", "unicode_normalization", "uncurl_quotes", "fix_latin_ligatures", "fix_character_width")


class SetupError(click.ClickException):
    """Something wrong before any input was touched: exit code 2."""

    exit_code = 2


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


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
    folds: dict[str, Any] | None = None,
) -> Config:
    """The Config the options ask for: the config file (or `[tool.normalize]`
    of ./pyproject.toml), then the options on top. Paths in a config file are
    relative to its folder. `folds`: Config fields the command line set
    (unwrap and ftfy's folds, FOLD_OPTIONS), each applied only when given."""
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
        words = set(protect) | set(read_word_lines(protected_words) if protected_words else ())
        changes["protected_words"] = config.protected_words | words
    if vocabulary:
        changes["vocabulary_file"] = vocabulary
    if rules:
        changes["leftover_rules"] = config.leftover_rules + tuple(rules)
    if no_builtin_rules:
        changes["builtin_leftover_rules"] = False
    if any_language:
        changes["english_only"] = False
    changes.update({name: value for name, value in (folds or {}).items() if value})
    config = config.with_options(**changes) if changes else config
    check_config(config)
    return config


def check_config(config: Config) -> None:
    """Fail now, before any input is read, on what would fail later: rule
    packs that do not compile, a vocabulary file that cannot be read."""
    from ..leftovers import rules_for

    if config.runs("remove_leftovers"):
        rules_for(config)
    if config.vocabulary_file:
        read_word_lines(config.vocabulary_file)


def _check_parquet(tasks, options: dict[str, Any], preview: bool) -> None:
    """What --parquet cannot do, as a `ConfigError`: pyarrow missing, a
    pipe for input or output, a compressed name, a dotted new column."""
    from ..jobs.parquet import check_new_columns, pyarrow_modules

    pyarrow_modules()
    check_new_columns(options["edits_field"], options["damage_field"])
    for task in tasks:
        if task.source == STDIN:
            raise ConfigError("--parquet reads files (Parquet is read from its end): standard input is not one")
        if task.target is None and not preview:
            raise ConfigError("--parquet writes files: give -o FILE or FOLDER, or --in-place")
        for path in (task.source, task.target):
            if compression_of(path):
                raise ConfigError(f"{path}: Parquet compresses its own pages; name the file .parquet, without .{path.rsplit('.', 1)[1]}")


def settings(inputs: tuple[str, ...], options: dict[str, Any]):
    """Check the options against each other, build the Config and the plan:
    every usage error comes out here, before any input is read."""
    jsonl, parquet = options["jsonl"], options["parquet"]
    preview = options["diff"] or options["explain"]
    if jsonl and parquet:
        raise click.UsageError("choose one of --jsonl and --parquet")
    for name in ("field", "edits_field", "damage_field"):
        if options[name] is not None and not (jsonl or parquet):
            raise click.UsageError(f"--{name.replace('_', '-')} needs --jsonl or --parquet")
    for name in ("on_error", "rejects"):
        if options[name] is not None and not jsonl:
            raise click.UsageError(f"--{name.replace('_', '-')} needs --jsonl (a Parquet row that fails fails its shard)")
    if parquet and options["encoding"] != "utf-8":
        raise click.UsageError("--encoding does not apply to Parquet: its strings are UTF-8")
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
        raise click.UsageError("--resume needs -o FOLDER (its manifest says what earlier runs made)")
    html = options["source_format"]
    if html == "html" and (jsonl or parquet):
        raise click.UsageError("--from html reads pages, not records: drop --jsonl or --parquet")
    if options["scheduler"] and options["jobs"] != 1:
        raise click.UsageError("choose one of --jobs and --scheduler: with --scheduler, the cluster's workers clean")
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
            folds={name: options[name] for name in FOLD_OPTIONS},
        )
        if parquet:
            pattern = options["pattern"] or "*.parquet"
        elif options["pattern"]:
            pattern = options["pattern"]
        elif html == "html":
            pattern = sum((compressed_forms("*" + suffix) for suffix in HTML_SUFFIXES), ())
        else:
            pattern = compressed_forms("*.jsonl" if jsonl else "*.txt")
        rename = None if jsonl or parquet or html == "text" else text_name
        planned = plan(inputs, output=options["output"], in_place=options["in_place"], pattern=pattern, rename=rename)
        for path in {task.source for task in planned.tasks} | {task.target for task in planned.tasks} | {options["rejects"]}:
            check_available(compression_of(path))
        if parquet:
            _check_parquet(planned.tasks, options, preview)
        pages = [task for task in planned.tasks if not (jsonl or parquet) and reads_html(task.source, html)]
        if pages:
            check_html()
        if options["in_place"] and pages:
            raise ConfigError(f"{pages[0].label} is an HTML page: its text cannot replace it in place; use -o FOLDER")
        if options["scheduler"] and pages:
            raise ConfigError(f"{pages[0].label} is an HTML page: --scheduler cleans text files; drop it")
    except NormalizeError as exc:
        raise SetupError(str(exc)) from None
    tasks = planned.tasks
    folders = any(name != STDIN and os.path.isdir(name) for name in inputs)
    to_stdout = [task for task in tasks if task.target is None]
    if not (jsonl or parquet) and not preview and (len(to_stdout) > 1 or (folders and to_stdout)):
        raise click.UsageError("several inputs or a folder need -o FOLDER or --in-place (or --diff/--explain)")
    for root in sorted({task.root for task in tasks if task.root}):
        try:
            os.makedirs(root, exist_ok=True)
        except OSError as exc:
            raise click.ClickException(f"cannot create output folder {root}: {exc.strerror}") from None
    batch_options = Options(
        config=config,
        encoding=encoding,
        jsonl=jsonl,
        parquet=parquet,
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
        source_format=None if jsonl else html,
    )
    return tasks, batch_options, planned
