"""Benchmarks for normalize (issue 6): throughput, linearity, hostile inputs, memory.

    python benchmarks/run.py                       # everything (`make bench`)
    python benchmarks/run.py --quick               # smaller inputs, fewer runs
    python benchmarks/run.py --sections throughput,linearity --repeat 7

Every figure is measured in this run: throughput tables give MB/s (10**6
bytes of UTF-8 input per second, one process, one thread) with the ratio to
`ftfy.fix_text` with its defaults on the same text; linearity tables give
the time for 1x and 10x the input and their ratio (linear is 10). Times are
medians of several runs; the stages, the pipeline and ftfy are timed document
by document in turn, so they share the machine's state. The slow peers
(naive ftfy + wordninja, clean-text) are cut off after --timeout seconds and
reported as an upper bound. Benchmarks print figures; they assert nothing.
"""
from __future__ import annotations

import argparse
import gc
import json
import logging
import platform
import signal
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import first_sight  # noqa: E402
import memory  # noqa: E402
import texts  # noqa: E402

import normalize  # noqa: E402
from normalize.pipeline import STAGES  # noqa: E402

SECTIONS = ("throughput", "linearity", "adversarial", "memory")
BASELINE = "ftfy.fix_text (defaults)"  # every ratio is to this, on the same text in the same run
PIPELINE = "normalize.clean (pipeline)"
TIMED_OUT = "no result within"


# --- timing -----------------------------------------------------------------

class TimedOut(BaseException):
    """A run passed --timeout. A BaseException, so no `except Exception` in
    the code measured can swallow it."""


@contextmanager
def deadline(seconds: float):
    def expire(signum, frame):
        raise TimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Timing:
    seconds: float | None = None  # median over runs
    runs: int = 0
    error: str | None = None
    fastest: float | None = None  # the fastest run: least disturbed by other work on the machine


@dataclass
class Limits:
    repeat: int  # runs per figure, at most
    budget: float  # stop repeating once a figure has taken this long (s)
    timeout: float  # give up on a single run after this long (s)


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:140]


@dataclass
class Subject:
    """Something measured: `once(docs)` runs it over all the docs and returns
    seconds for each of its `rows`, or an error message for a row that failed."""

    rows: list[str]
    once: Callable[[list[str]], dict[str, "float | str"]]
    limits: Limits
    docs: list[str] | None = None  # its own docs, instead of those given to `measure`


def relabel(subject: Subject, prefix: str, docs: list[str]) -> Subject:
    """`subject` on its own `docs`, its rows named "prefix|row"."""
    def once(given: list[str]) -> dict[str, float | str]:
        return {f"{prefix}|{row}": value for row, value in subject.once(given).items()}

    return Subject([f"{prefix}|{row}" for row in subject.rows], once, subject.limits, docs)


def call(name: str, fn: Callable[[str], object], limits: Limits) -> Subject:
    def once(docs: list[str]) -> dict[str, float | str]:
        start = time.perf_counter()
        for doc in docs:
            fn(doc)
        return {name: time.perf_counter() - start}

    return Subject([name], once, limits)


def stage_chain(config: normalize.Config, limits: Limits,
                alongside: dict[str, Callable[[str], object]] | None = None) -> Subject:
    """Each stage timed on the text it receives inside the pipeline, and each
    function of `alongside` on the same document, so that the figures
    compared share the machine's state document by document. Who goes first
    turns from one document to the next: the first to read a document pays
    for bringing it into the CPU cache. A stage that fails is reported and
    its input passed on, so later stages are still measured; a function that
    fails is reported."""
    names = [name for name in STAGES if config.runs(name)]
    stage_rows = [f"stage {name}" for name in names]
    alongside = alongside or {}

    def once(docs: list[str]) -> dict[str, float | str]:
        totals: dict[str, float | str] = dict.fromkeys([*stage_rows, *alongside], 0.0)

        def chain(doc: str) -> None:
            text = doc
            for name, row in zip(names, stage_rows):
                start = time.perf_counter()
                try:
                    text, _ = STAGES[name](text, config)
                except Exception as exc:
                    totals[row] = _error(exc)
                if isinstance(totals[row], float):
                    totals[row] += time.perf_counter() - start

        def timed(row: str, fn: Callable[[str], object]) -> Callable[[str], None]:
            def run(doc: str) -> None:
                if isinstance(totals[row], str):
                    return
                start = time.perf_counter()
                try:
                    fn(doc)
                except Exception as exc:
                    totals[row] = _error(exc)
                    return
                totals[row] += time.perf_counter() - start

            return run

        turns = [chain, *(timed(row, fn) for row, fn in alongside.items())]
        for index, doc in enumerate(docs):
            first = index % len(turns)
            for turn in turns[first:] + turns[:first]:
                turn(doc)
        return totals

    return Subject([*stage_rows, *alongside], once, limits)


def measure(subjects: list[Subject], docs: list[str] | None = None) -> dict[str, Timing]:
    """Run the subjects in turns, one run each per round, so that a busy
    moment on the machine touches them all alike, until each has `repeat`
    runs or has spent its budget. Returns the median time of each row."""
    runs: dict[str, list[float]] = {row: [] for subject in subjects for row in subject.rows}
    errors: dict[str, str] = {}
    for subject in subjects:
        try:  # load models and caches outside the clock
            subject.once([(subject.docs or docs)[0][:2000]])
        except Exception:
            pass
    spent = [0.0] * len(subjects)
    active = list(range(len(subjects)))
    while active:
        for i in list(active):
            subject = subjects[i]
            gc.collect()
            start = time.perf_counter()
            try:
                with deadline(subject.limits.timeout):
                    result = subject.once(subject.docs if subject.docs is not None else docs)
            except TimedOut:
                result = dict.fromkeys(subject.rows, f"{TIMED_OUT} {subject.limits.timeout:.0f} s")
            except Exception as exc:
                result = dict.fromkeys(subject.rows, _error(exc))
            spent[i] += time.perf_counter() - start
            for row, value in result.items():
                if isinstance(value, str):
                    errors.setdefault(row, value)
                else:
                    runs[row].append(value)
            done = len(runs[subject.rows[0]]) >= subject.limits.repeat or spent[i] >= subject.limits.budget
            if done or all(row in errors for row in subject.rows):
                active.remove(i)
    return {
        row: Timing(None, len(values), errors[row]) if row in errors or not values
        else Timing(statistics.median(values), len(values), fastest=min(values))
        for row, values in runs.items()
    }


# --- what is measured ---------------------------------------------------------

def references() -> dict[str, Callable[[str], object]]:
    """normalize.clean and ftfy, timed alongside the stages, document by document."""
    import ftfy

    def ftfy_folds_off(text: str) -> str:
        return ftfy.fix_text(
            text, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False, normalization=None
        )

    return {PIPELINE: normalize.clean, BASELINE: ftfy.fix_text, "ftfy.fix_text, folds off": ftfy_folds_off}


def peers() -> dict[str, tuple[Callable[[str], object] | None, str]]:
    """The slower alternatives, timed on their own: name -> (function, note);
    a None function is skipped with the note."""
    import ftfy
    import wordninja

    def naive(text: str) -> str:
        return " ".join(word for token in ftfy.fix_text(text).split() for word in wordninja.split(token))

    found: dict[str, tuple[Callable[[str], object] | None, str]] = {
        "naive: ftfy + wordninja per token": (naive, ""),
    }
    try:
        # clean-text logs a warning on the root logger when the GPL-licensed
        # unidecode is absent; its defaults then use unicodedata instead.
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)
        try:
            from cleantext import clean as clean_text
        finally:
            root.setLevel(level)
        found["clean-text clean() (defaults)"] = (clean_text, "")
    except Exception as exc:  # the bench extra is missing or broken
        found["clean-text clean() (defaults)"] = (None, f"skipped: cannot import cleantext ({_error(exc)})")
    return found


def ftfy_share(docs: list[str]) -> dict:
    """How many lines fix_encoding hands to ftfy, against the lines that hold
    anything beyond ASCII, `&` or ESC (which all went to ftfy before the fast
    path)."""
    import ftfy

    from normalize.encoding import LINE_END_RE, fix_encoding

    lines = [line for doc in docs for line in LINE_END_RE.split(doc)]
    candidates = sum(1 for line in lines if not line.isascii() or "&" in line or "\x1b" in line)
    calls = 0
    original = ftfy.fix_and_explain

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    ftfy.fix_and_explain = counted
    try:
        for doc in docs:
            fix_encoding(doc, normalize.Config())
    finally:
        ftfy.fix_and_explain = original
    return {"lines": len(lines), "non_ascii_amp_esc": candidates, "to_ftfy": calls}


# --- sections -------------------------------------------------------------------

def throughput(inputs: list[texts.Input], limits: Limits, peer_limits: Limits) -> list[dict]:
    results = []
    found = peers()
    for data in inputs:
        print(f"\n### Throughput: {data.describe()}\n", flush=True)
        subjects = [stage_chain(normalize.Config(), limits, references())]
        skipped: dict[str, str] = {}
        for name, (fn, note) in found.items():
            if fn is None:
                skipped[name] = note
            else:
                subjects.append(call(name, fn, peer_limits))
        rows = measure(subjects, data.docs)
        rows.update({name: Timing(error=note) for name, note in skipped.items()})
        notes = {"stage split_words": "placeholder"} if _splitter_is_placeholder() else {}
        _print_throughput(data, rows, notes)
        stage_sum = sum(t.fastest for n, t in rows.items() if n.startswith("stage ") and t.fastest is not None)
        pipeline = rows[PIPELINE].fastest
        if pipeline and stage_sum:
            print(f"\nPipeline overhead: clean() takes {100 * (pipeline - stage_sum) / stage_sum:+.1f}% "
                  f"over the sum of its stages (fastest runs; on a busy machine this wobbles by 10%).")
        sight = {}
        if data.name in ("dev corpus", "fixtures corpus"):
            seen = first_sight.measure(data.docs)
            sight["first sight"] = {"mb_per_s": data.mb / seen["normalize.clean"],
                                    "x_ftfy": seen["ftfy.fix_text"] / seen["normalize.clean"]}
            print(f"\nFirst sight (a fresh process, each document once, every token new to the splitter): "
                  f"normalize.clean {sight['first sight']['mb_per_s']:.2f} MB/s, "
                  f"{sight['first sight']['x_ftfy']:.2f}x ftfy.fix_text in the same process.")
            seen = first_sight.measure(data.docs, unseen=True)
            sight["unseen documents"] = {"mb_per_s": seen["mb"] / seen["normalize.clean"],
                                         "x_ftfy": seen["ftfy.fix_text"] / seen["normalize.clean"]}
            print(f"Unseen documents (a fresh process cleans every other document, then the rest are timed): "
                  f"normalize.clean {sight['unseen documents']['mb_per_s']:.2f} MB/s, "
                  f"{sight['unseen documents']['x_ftfy']:.2f}x ftfy.fix_text in the same process.")
        share = ftfy_share(data.docs)
        print(
            f"fix_encoding handed ftfy {share['to_ftfy']} of {share['lines']} lines "
            f"({share['non_ascii_amp_esc']} hold non-ASCII, & or ESC)."
        )
        results.append({
            "input": data.describe(), "name": data.name, "mb": data.mb, "ftfy_share": share, "sight": sight,
            "rows": {name: asdict(t) | {"mb_per_s": _rate(data.mb, t)} for name, t in rows.items()},
        })
    return results


def _splitter_is_placeholder() -> bool:
    from normalize import splitting

    return "placeholder" in (splitting.__doc__ or "")


def _rate(mb: float, timing: Timing) -> float | None:
    return mb / timing.seconds if timing.seconds else None


def _print_throughput(data: texts.Input, rows: dict[str, Timing], notes: dict[str, str]) -> None:
    base = _rate(data.mb, rows[BASELINE])
    table = [("what", "MB/s", "x ftfy.fix_text", "runs")]
    for name, timing in rows.items():
        rate = _rate(data.mb, timing)
        label = f"{name} ({notes[name]})" if name in notes else name
        if rate is None and timing.error and timing.error.startswith(TIMED_OUT):
            bound = data.mb / float(timing.error.split()[-2])
            table.append((label, f"< {bound:.2f}", f"< {bound / base:.2f}x" if base else "-", timing.error))
        elif rate is None:
            table.append((label, "-", "-", timing.error or "-"))
        else:
            ratio = f"{rate / base:.2f}x" if base else "-"
            table.append((label, f"{rate:.2f}", ratio, str(timing.runs)))
    _print_table(table)


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        cells = [cell.ljust(w) if i == 0 or i == len(row) - 1 else cell.rjust(w)
                 for i, (cell, w) in enumerate(zip(row, widths))]
        print("| " + " | ".join(cells) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


@dataclass
class Case:
    """An input for a linearity table: `make(mb)` builds a text of about
    `mb`; it is measured at `mb_10x / 10` and at `mb_10x`."""

    name: str
    make: Callable[[float], str]
    mb_10x: float
    with_ftfy: bool = True


def scaling(title: str, cases: list[Case], limits: Limits) -> list[dict]:
    """Time each stage and the pipeline (and ftfy.fix_text) on one text of
    1x and one of 10x the size, in alternate runs so that both meet the
    machine in the same state. A small 1x text is cleaned in ten distinct
    copies per run, so both sizes do the same work per run; times are per
    call. Linear is a ratio of 10."""
    import ftfy

    results = []
    print(f"\n### {title}\n", flush=True)
    table = [("input", "what", "1x", "10x", "t(1x)", "t(10x)", "ratio", "ratio, fastest runs")]
    for case in cases:
        alongside = {"normalize.clean": normalize.clean}
        if case.with_ftfy:
            alongside["ftfy.fix_text"] = ftfy.fix_text
        subjects, sizes, calls = [], {}, {}
        for scale, mb in (("1x", case.mb_10x / 10), ("10x", case.mb_10x)):
            text = case.make(mb)
            sizes[scale] = len(text.encode("utf-8", "surrogatepass")) / texts.MB
            calls[scale] = 10 if scale == "1x" and mb < 2 else 1
            # Distinct copies, so that a small text is not served from the CPU cache.
            copies = [text] + [(text + ".")[:-1] for _ in range(calls[scale] - 1)]
            subjects.append(relabel(stage_chain(normalize.Config(), limits, alongside), scale, copies))
            del text, copies
        measured = measure(subjects)
        del subjects
        print(f"  measured {case.name}", file=sys.stderr, flush=True)
        for what in ["stage " + name for name in STAGES] + list(alongside):
            t1, t10 = measured.get(f"1x|{what}"), measured.get(f"10x|{what}")
            if t1 is None or t10 is None:
                continue
            for timing, scale in ((t1, "1x"), (t10, "10x")):
                if timing.seconds is not None:
                    timing.seconds /= calls[scale]
                    timing.fastest /= calls[scale]
            if t1.seconds is not None and t10.seconds is not None:
                ratio = f"{t10.seconds / t1.seconds:.1f}" if t1.seconds > 0 else "-"
                best = f"{t10.fastest / t1.fastest:.1f}" if t1.fastest > 0 else "-"
                cells = (_seconds(t1.seconds), _seconds(t10.seconds), ratio, best)
            else:
                cells = (_cell(t1), _cell(t10), "-", t1.error or t10.error or "-")
            table.append((case.name, what, f"{sizes['1x']:.2g} MB", f"{sizes['10x']:.3g} MB", *cells))
            results.append({"input": case.name, "what": what, "mb_1x": sizes["1x"], "mb_10x": sizes["10x"],
                            "t_1x": asdict(t1), "t_10x": asdict(t10)})
    _print_table(table)
    return results


def _seconds(value: float) -> str:
    return f"{value * 1000:.2f} ms" if value < 0.1 else f"{value:.2f} s"


def _size(mb: float) -> str:
    return f"{mb * 1000:.0f} kB" if mb < 1 else f"{mb:.0f} MB"


def _cell(timing: Timing) -> str:
    return _seconds(timing.seconds) if timing.seconds is not None else "-"


def memory_section(sizes: list[float], jobs_mb: float) -> dict:
    print("\n### Memory: peak resident set of the CLI\n", flush=True)
    docs = texts.dev_corpus().docs
    rows = memory.peak_memory(sizes, docs)
    table = [("command", "input", "peak RSS", "time", "MB/s", "exit")]
    for row in rows:
        if "error" in row:
            table.append((row.get("command", "?"), _size(row["input_mb"]), "-", "-", "-", row["error"][:80]))
            continue
        table.append((row["command"], _size(row["input_mb"]), f"{row['peak_rss_mb']:.0f} MB",
                      f"{row['seconds']:.1f} s", f"{row['input_mb'] / row['seconds']:.2f}",
                      str(row["exit"]) + (f" ({row['stderr'][:60]})" if row["exit"] else "")))
    _print_table(table)
    print(f"\n### Parallel: --jobs 2 against --jobs 1 on a folder of files\n")
    jobs = memory.jobs_scaling(jobs_mb, 40, docs)
    if "skipped" in jobs:
        print(f"Skipped: {jobs['skipped']}.")
    else:
        table = [("command", "input", "peak RSS (largest process)", "time", "MB/s")]
        for name, row in jobs.items():
            if "error" in row:
                table.append((f"normalize FILES -o DIR --{name}", "-", "-", "-", row["error"][:80]))
                continue
            table.append((f"normalize FILES -o DIR --{name}", f"{row['input_mb']:.0f} MB in {row['files']} files",
                          f"{row['peak_rss_mb']:.0f} MB", f"{row['seconds']:.1f} s",
                          f"{row['input_mb'] / row['seconds']:.2f}"))
        _print_table(table)
        one, two = jobs.get("jobs 1", {}), jobs.get("jobs 2", {})
        if one.get("seconds") and two.get("seconds"):
            print(f"\n--jobs 2 speed-up: {one['seconds'] / two['seconds']:.2f}x")
    return {"peak_memory": rows, "jobs": jobs}


# --- the command ----------------------------------------------------------------

def environment() -> dict:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(HERE), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return {
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {_cpus()} CPUs",
        **{name: version(name) for name in ("ftfy", "regex", "wordninja", "wordfreq", "clean-text")},
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    parser.add_argument("--quick", action="store_true",
                        help="smaller inputs and fewer runs (two to three minutes)")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated, from: {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--corpus", type=Path, default=texts.DEV_CORPUS,
                        help="dev corpus JSONL (default ../shared/corpus/dev.jsonl; "
                             "without it a corpus is built from fixtures/)")
    parser.add_argument("--repeat", type=int, help="runs per figure; the median is shown (default 5, quick 3)")
    parser.add_argument("--prose-mb", type=float, help="size of the clean and joined prose (default 1)")
    parser.add_argument("--worst-mb", type=float, help="size of the no-space line (default 10)")
    parser.add_argument("--long-line-mb", type=float,
                        help="the single-line input at 10x, in MB (default 100, quick 10)")
    parser.add_argument("--adversarial-mb", type=float, help="the other hostile inputs at 10x (default 1)")
    parser.add_argument("--memory-mb", help="CLI input sizes for the memory section (default 20,100)")
    parser.add_argument("--timeout", type=float,
                        help="give up on one run of a slow peer (naive, clean-text) after this many seconds "
                             "and report an upper bound (default 30, quick 8)")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)
    defaults = dict(repeat=3, prose_mb=0.3, worst_mb=1, long_line_mb=10, adversarial_mb=0.3,
                    memory_mb="5,20", timeout=8) if args.quick else \
        dict(repeat=5, prose_mb=1.0, worst_mb=10, long_line_mb=100, adversarial_mb=1.0,
             memory_mb="20,100", timeout=30)
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    args.sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = sorted(set(args.sections) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    started = time.perf_counter()
    env = environment()
    print("# normalize benchmarks\n")
    print(", ".join(f"{k} {v}" for k, v in env.items()))
    report: dict = {"environment": env, "arguments": {k: str(v) for k, v in vars(args).items()}}
    # Fast figures repeat `repeat` times; slow peers stop after ~`budget` seconds.
    # A figure repeats `repeat` times, or fewer once it has taken its budget
    # (at least one run); only the slow peers are cut off by --timeout.
    limits = Limits(args.repeat, budget=5.0 if args.quick else 20.0, timeout=600)
    peer_limits = Limits(args.repeat, budget=5.0 if args.quick else 20.0, timeout=args.timeout)
    big = Limits(args.repeat, budget=5.0 if args.quick else 15.0, timeout=600)

    if "throughput" in args.sections:
        inputs = [texts.dev_corpus(args.corpus), texts.prose(args.prose_mb),
                  texts.joined(args.prose_mb), texts.worst_case(args.worst_mb)]
        report["throughput"] = throughput(inputs, limits, peer_limits)
    if "linearity" in args.sections:
        corpus = texts.dev_corpus(args.corpus)
        corpus_unit = _cut("\n".join(corpus.docs), min(corpus.mb, 10 * args.prose_mb) / 10) + "\n"
        report["linearity"] = scaling("Linearity: time for 1x and 10x the input, as one text", [
            Case(f"{corpus.name} as one text", lambda mb: texts.repeat_to(corpus_unit, mb),
                 min(corpus.mb, 10 * args.prose_mb)),
            Case("clean prose", lambda mb: "".join(texts.paragraphs(mb)), 2 * args.prose_mb),
            Case("worst case: no-space line", texts.no_space_line, args.worst_mb, with_ftfy=False),
        ], big)
    if "adversarial" in args.sections:
        report["adversarial"] = scaling(
            "Hostile inputs (issue 7): time for 1x and 10x",
            [Case(name, make, mb, with_ftfy=False)
             for name, make, mb in texts.adversarial(args.adversarial_mb, args.long_line_mb)],
            big,
        )
    if "memory" in args.sections:
        report["memory"] = memory_section([float(x) for x in args.memory_mb.split(",")],
                                          jobs_mb=5 if args.quick else 20)
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
        print(f"Figures written to {args.json}")


def _cut(text: str, mb: float) -> str:
    """The first `mb` of `text`, cut at a line end."""
    encoded_ratio = len(text) / max(1, len(text.encode("utf-8", "surrogatepass")))
    cut = int(mb * texts.MB * encoded_ratio)
    end = text.find("\n", cut)
    return text if cut >= len(text) or end < 0 else text[: end + 1]


if __name__ == "__main__":
    main()
