"""`make bench`: measure, then write benchmarks/README.md and docs/benchmarks.png from the figures.

    python benchmarks/report.py                # about 4 minutes on 2 CPUs
    python benchmarks/report.py --no-write     # print the figures, write nothing

Runs `run.py`'s sections at sizes that fit a few minutes (the commands in the
README give the same tables alone, or larger), times `normalize.clean` on
the dev corpus repeated to sizes from 0.25 to 4 MB (throughput against input
size), takes each stage's share of the pipeline's time on the dev documents,
and renders what it measured: the README's tables and the plot. Every figure
comes from this run; the prose around them is in this file.
"""
from __future__ import annotations

import argparse
import datetime
import gc
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import memory  # noqa: E402
import run  # noqa: E402
import texts  # noqa: E402

import normalize  # noqa: E402
from normalize.pipeline import STAGES  # noqa: E402

README = HERE / "README.md"
PLOT = HERE.parent / "docs" / "benchmarks.png"
RESULTS = HERE / "results" / "bench.json"
# Sizes of `make bench`, each the argument of the run.py command its table names.
PROSE_MB = 0.3
WORST_MB = 1.0
PEER_TIMEOUT_S = 10
LINEAR_PROSE_MB = 1.0  # the 10x size of the generated texts in the linearity table
LONG_LINE_MB = 1.0
ADVERSARIAL_MB = 0.5
MEMORY_MB = 10.0
CURVE_MB = (0.1, 0.25, 0.5, 1.0, 2.0)
CURVE_RUNS = 2
PY = ".venv/bin/python"
THROUGHPUT_COMMAND = (f"{PY} benchmarks/run.py --sections throughput --prose-mb {PROSE_MB:g} "
                      f"--worst-mb {WORST_MB:g} --timeout {PEER_TIMEOUT_S} --repeat 3")
LINEARITY_COMMAND = (f"{PY} benchmarks/run.py --sections linearity --prose-mb {LINEAR_PROSE_MB / 2:g} "
                     f"--worst-mb {LINEAR_PROSE_MB:g} --repeat 3")
ADVERSARIAL_COMMAND = (f"{PY} benchmarks/run.py --sections adversarial --long-line-mb {LONG_LINE_MB:g} "
                       f"--adversarial-mb {ADVERSARIAL_MB:g} --repeat 3")
MEMORY_COMMAND = f"{PY} benchmarks/memory.py --mb {MEMORY_MB:g}"
REPORT_COMMAND = f"{PY} benchmarks/report.py"


def size_curve(unit: str, sizes: tuple[float, ...], runs: int) -> list[dict]:
    """`normalize.clean` and `ftfy.fix_text` on `unit` (the first tenth of the
    dev corpus, as the linearity table's) repeated to each size, as one text;
    the sizes alternate within each run, and each keeps its fastest run (the
    least disturbed by other work on the machine)."""
    import ftfy

    made = [texts.repeat_to(unit, mb) for mb in sizes]
    best = [{"normalize.clean": float("inf"), "ftfy.fix_text": float("inf")} for _ in sizes]
    normalize.clean(made[0][:2000])  # tables loaded outside the clock
    for _ in range(runs):
        for text, times in zip(made, best):
            for name, fn in (("normalize.clean", normalize.clean), ("ftfy.fix_text", ftfy.fix_text)):
                gc.collect()
                start = time.perf_counter()
                fn(text)
                times[name] = min(times[name], time.perf_counter() - start)
    return [{"mb": len(text.encode("utf-8")) / texts.MB, **times} for text, times in zip(made, best)]


def measure_all() -> dict:
    """Every figure of the README, measured now."""
    started = time.perf_counter()
    env = run.environment()
    env.pop("commit", None)  # (the README names no commit)
    # As run.py with --repeat 3, on smaller budgets: a figure repeats 3 times, or fewer once it has
    # taken its budget (at least once).
    limits = run.Limits(3, budget=12.0, timeout=600)
    peer_limits = run.Limits(3, budget=8.0, timeout=PEER_TIMEOUT_S)
    big = run.Limits(3, budget=10.0, timeout=600)
    corpus = texts.dev_corpus()
    figures: dict = {"environment": env, "date": datetime.date.today().isoformat()}
    lap = _lap(started)
    figures["throughput"] = run.throughput(
        [corpus, texts.prose(PROSE_MB), texts.joined(PROSE_MB), texts.worst_case(WORST_MB)], limits, peer_limits)
    lap("throughput")
    unit = run._cut("\n".join(corpus.docs), min(corpus.mb, 10 * LINEAR_PROSE_MB / 2) / 10) + "\n"
    figures["linearity"] = run.scaling("Linearity: time for 1x and 10x the input, as one text", [
        run.Case(f"{corpus.name} as one text", lambda mb: texts.repeat_to(unit, mb),
                 min(corpus.mb, 10 * LINEAR_PROSE_MB / 2)),
        run.Case("clean prose", lambda mb: "".join(texts.paragraphs(mb)), LINEAR_PROSE_MB),
        run.Case("worst case: no-space line", texts.no_space_line, LINEAR_PROSE_MB, with_ftfy=False),
    ], big)
    lap("linearity")
    figures["adversarial"] = run.scaling("Hostile inputs (issue 7): time for 1x and 10x", [
        run.Case(name, make, mb, with_ftfy=False) for name, make, mb in texts.adversarial(ADVERSARIAL_MB, LONG_LINE_MB)
    ], big)
    lap("hostile inputs")
    print("\n### Throughput against input size\n", flush=True)
    figures["curve"] = size_curve(unit, CURVE_MB, CURVE_RUNS)
    for row in figures["curve"]:
        print(f"{row['mb']:6.2f} MB  normalize.clean {row['normalize.clean']:.2f} s "
              f"({row['mb'] / row['normalize.clean']:.2f} MB/s)  ftfy.fix_text {row['ftfy.fix_text']:.2f} s")
    lap("throughput against size")
    print("\n### Memory\n", flush=True)
    figures["memory"] = memory.peak_memory([MEMORY_MB], corpus.docs)
    for row in figures["memory"]:
        print(json.dumps(row))
    lap("memory")
    figures["seconds"] = time.perf_counter() - started
    return figures


def _lap(started: float):
    """A function that prints how long each section took (the README's running time is their sum)."""
    last = [started]

    def lap(name: str) -> None:
        now = time.perf_counter()
        print(f"  ({name}: {now - last[0]:.0f} s)", file=sys.stderr, flush=True)
        last[0] = now

    return lap


# --- the README ---------------------------------------------------------------

def _table(header: tuple[str, ...], rows: list[tuple], right: int = 1) -> str:
    """A markdown table; columns from `right` on are right-aligned."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i < right else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _rate(row: dict) -> float | None:
    return row.get("mb_per_s")


def _throughput_rows(result: dict) -> list[tuple]:
    rows = result["rows"]
    base = _rate(rows[run.BASELINE])
    out = []
    for name, row in rows.items():
        rate = _rate(row)
        error = row.get("error") or ""
        if rate is None and error.startswith(run.TIMED_OUT):
            bound = result["mb"] / float(error.split()[-2])
            out.append((name, f"< {bound:.2f}", f"< {bound / base:.2f}x" if base else "-"))
        elif rate is None:
            out.append((name, "-", error or "-"))
        else:
            label = f"**{name}**" if name == run.PIPELINE else name
            out.append((label, f"{rate:.2f}", f"{rate / base:.2f}x" if base else "-"))
    return out


def _stage_shares(result: dict) -> list[tuple[str, float]]:
    """(stage, seconds) on the dev documents, in pipeline order."""
    rows = result["rows"]
    return [(name, rows[f"stage {name}"]["seconds"]) for name in STAGES
            if rows.get(f"stage {name}", {}).get("seconds") is not None]


def _scaling_rows(results: list[dict]) -> list[tuple]:
    out = []
    for row in results:
        t1, t10 = row["t_1x"], row["t_10x"]
        if t1.get("seconds") and t10.get("seconds"):
            cells = (run._seconds(t1["seconds"]), run._seconds(t10["seconds"]),
                     f"{t10['seconds'] / t1['seconds']:.1f}", f"{t10['fastest'] / t1['fastest']:.1f}")
        else:
            cells = ("-", "-", "-", t1.get("error") or t10.get("error") or "-")
        out.append((row["input"], row["what"], f"{row['mb_1x']:.2g} / {row['mb_10x']:.3g} MB", *cells))
    return out


def _percent(value: float) -> str:
    return "<1%" if value < 0.5 else f"{value:.0f}%"


def _commands(lines: list[tuple[str, str]]) -> str:
    """Shell lines, each after its comment."""
    return "\n".join(f"# {comment}\n{command}" for command, comment in lines)


def render(figures: dict) -> str:
    env = figures["environment"]
    dev, *generated = figures["throughput"]
    shares = _stage_shares(dev)
    total = sum(seconds for _, seconds in shares)
    pipeline_x = _rate(dev["rows"][run.PIPELINE]) / _rate(dev["rows"][run.BASELINE])
    linear = [row for row in figures["linearity"] + figures["adversarial"]
              if row["what"] == "normalize.clean" and row["t_1x"].get("seconds") and row["t_10x"].get("seconds")]
    worst_ratio = max(row["t_10x"]["seconds"] / row["t_1x"]["seconds"] for row in linear)
    memory_rows = [row for row in figures["memory"] if "peak_rss_mb" in row]
    peak = max(row["peak_rss_mb"] for row in memory_rows)
    sight = dev.get("sight", {})
    curve = figures["curve"]
    parts = [f"""# Benchmarks

How fast normalize is, next to the libraries it builds on and its peers;
whether its time grows linearly with its input; how much memory the command
needs. This file is written by `make bench` (`benchmarks/report.py`) from
what it measured on {figures['date']}: edit the script, not the file. The
history of these figures is in `docs/measurements.md`.

Measured on {env['machine']}, Python {env['python']}, ftfy {env['ftfy']}, regex {env['regex']},
wordfreq {env['wordfreq']}, wordninja {env['wordninja']}, clean-text {env['clean-text']}; `make bench`
took {figures['seconds'] / 60:.1f} minutes. On a machine shared with other work absolute
MB/s move by up to 40% between runs; ratios within a run hold steadier.

## Running

```sh
{_commands([
    ("make bench", "installs .[test,bench], measures, writes this file and docs/benchmarks.png"),
    (THROUGHPUT_COMMAND, "the throughput tables"),
    (LINEARITY_COMMAND, "the linearity table"),
    (ADVERSARIAL_COMMAND, "the hostile inputs"),
    (MEMORY_COMMAND, "the command's memory, and --jobs 2 against --jobs 1"),
    (f"{PY} benchmarks/run.py", "every section at full size (100 MB lines and files): ~15 minutes"),
    (f"{PY} benchmarks/run.py --quick", "smaller inputs, fewer runs"),
    (f"{PY} benchmarks/positions.py", "Cleaned.to_original for every word of 1 MB"),
    (f"{PY} benchmarks/parquet_memory.py --mb 100,1000 --jobs 2", "--parquet's memory as shards grow"),
    (f"{PY} benchmarks/leftovers_first_sight.py",
     "remove_leftovers alone on first sight: CPU seconds on dev, clean-web-dev, extract-dev"),
])}
```

Quality rather than speed (not run by `make bench`):

```sh
{_commands([
    (f"{PY} benchmarks/wrapped.py", "line-end hyphens and --unwrap on dev articles hard-wrapped (pyphen)"),
    (f"{PY} benchmarks/markup.py", "HTML tags and entities left in extract-dev's outputs"),
    (f"{PY} benchmarks/heldout.py", "remove_leftovers on held-out furniture, look-alikes and pages"),
    (f"{PY} benchmarks/score_by_doc.py ../shared/corpus/extract-dev.jsonl --group 2", "score.py's figures"),
])}
```

`score_by_doc.py` runs `../shared/tools/score.py` on each document whose
output is new and sums the figures (a whole run of extract-dev takes half an
hour); `stages.py` gives score.py cleaners with some stages
(`leftovers_only`, `without_leftovers`).

## What is measured, and how

- **MB/s** is 10^6 bytes of UTF-8 *input* per second, in one process on one
  thread, as `../shared/tools/score.py` counts it. Every ratio is to
  `ftfy.fix_text` with its defaults, measured in the same run on the same text.
- **Rows.** Each stage on the text it receives inside the pipeline;
  `normalize.clean` (the whole pipeline); `ftfy.fix_text` with its defaults,
  and with its cosmetic folds off (as normalize calls it); the naive approach
  (`ftfy.fix_text`, then `wordninja.split` on every whitespace token); clean-text's
  `clean()` with its defaults (the `bench` extra).
- **Timing.** Medians of up to 3 runs here (5 with `run.py` alone; fewer once
  a figure has taken its time budget). The stages, the pipeline and both ftfy rows are timed document by
  document in turn, so that they meet the machine in the same state; the slow
  peers are cut off after {PEER_TIMEOUT_S} s, printed as an upper bound.
  Linearity runs alternate 1x and 10x; the ratio of the fastest runs is printed
  beside the ratio of medians: on a busy machine it is the steadier of the two.
- **Inputs** (`benchmarks/texts.py`, generated text seeded): the dirty texts
  of `../shared/corpus/dev.jsonl`, read in place and never copied here (without
  the file, a corpus built from `fixtures/`); clean prose generated from
  English word frequencies with news typography; the same prose with every
  space removed; a line with no space at all.

## Throughput on the dev corpus

{dev['input']}. Regenerate: `{THROUGHPUT_COMMAND}`.

""", _table(("what", "MB/s", "x ftfy.fix_text"), _throughput_rows(dev))]
    if sight:
        parts.append(f"""

First sight (a fresh process, each document once, every token new to the
splitter): {sight['first sight']['mb_per_s']:.2f} MB/s, {sight['first sight']['x_ftfy']:.2f}x ftfy.fix_text. Unseen
documents in a warm process (it cleans every other document, then the rest
are timed), which is what a large corpus mostly is: {sight['unseen documents']['mb_per_s']:.2f} MB/s,
{sight['unseen documents']['x_ftfy']:.2f}x ftfy.fix_text.""")
    parts.append(f"""

## Where the pipeline's time goes

Each stage of `normalize.pipeline.STAGES` on the text it receives, over the
dev documents (warm; the same run as the table above). Regenerate:
`{THROUGHPUT_COMMAND}` (its stage rows).

""")
    parts.append(_table(("stage", "seconds", "share"),
                        [(name, f"{seconds:.3f}", _percent(100 * seconds / total)) for name, seconds in shares]))
    parts.append("""

![Throughput against input size, and each stage's share of the time](../docs/benchmarks.png)

## Throughput on generated text

Regenerate: `""" + THROUGHPUT_COMMAND + """`.

""")
    rows = []
    for result in generated:
        table = dict((row[0].strip("*"), row) for row in _throughput_rows(result))
        rows.append((result["input"], table[run.PIPELINE][1], table[run.PIPELINE][2],
                     table.get("stage split_words", ("", "-", "-"))[2],
                     table.get("naive: ftfy + wordninja per token", ("", "-", "-"))[2],
                     table.get("clean-text clean() (defaults)", ("", "-", "-"))[2]))
    parts.append(_table(("input", "pipeline MB/s", "x ftfy", "split_words x ftfy", "naive", "clean-text"), rows))
    parts.append(f"""

## Linearity

Time for 1x and 10x the input, as one text; linear is a ratio of 10.
Regenerate: `{LINEARITY_COMMAND}`.

""")
    parts.append(_table(("input", "what", "size", "t(1x)", "t(10x)", "ratio", "ratio, fastest runs"),
                        _scaling_rows(figures["linearity"]), right=2))
    parts.append(f"""

Throughput against input size: `normalize.clean` on the first tenth of the
dev corpus repeated to each size, as one text (fastest of {CURVE_RUNS} runs; the
plot's left panel).
Regenerate: `{REPORT_COMMAND}`.

""")
    parts.append(_table(("input", "normalize.clean", "MB/s", "ftfy.fix_text"),
                        [(f"{row['mb']:.2f} MB", f"{row['normalize.clean']:.2f} s",
                          f"{row['mb'] / row['normalize.clean']:.2f}", f"{row['ftfy.fix_text']:.2f} s")
                         for row in curve]))
    parts.append(f"""

## Hostile inputs

Issue 7's inputs at 1x and 10x. Regenerate: `{ADVERSARIAL_COMMAND}`.

""")
    parts.append(_table(("input", "what", "size", "t(1x)", "t(10x)", "ratio", "ratio, fastest runs"),
                        _scaling_rows(figures["adversarial"]), right=2))
    parts.append(f"""

## Memory of the command

`normalize big.txt -o out.txt` on the dev corpus repeated, each run in a fresh
wrapper process that reads `RUSAGE_CHILDREN`. Regenerate: `{MEMORY_COMMAND}`
(which also times `--jobs 2` against `--jobs 1` on a folder of 40 files).

""")
    parts.append(_table(("command", "input", "peak RSS", "time"),
                        [(row["command"], f"{row['input_mb']:.2f} MB", f"{row['peak_rss_mb']:.0f} MB",
                          f"{row['seconds']:.1f} s") for row in memory_rows]))
    parts.append(f"""

The peak is the word tables (about 150 MB) plus the splitter's bounded
memory: flat as files grow (`benchmarks/memory.py --mb 100,500`).

## Goals of issue 6

""")
    parts.append(_table(("goal", "this run"), [
        ("pipeline >= 1.0x ftfy.fix_text on the dev corpus",
         f"{'met' if pipeline_x >= 1 else 'not met'}: {pipeline_x:.2f}x"),
        ("10x the input takes at most 11x the time",
         f"{'met' if worst_ratio <= 11 else 'not met'}: normalize.clean at most {worst_ratio:.1f} "
         "(ratio of medians, linearity and hostile tables; one run each where a run is long)"),
        ("flat memory, < 250 MB on a 500 MB file",
         f"{peak:.0f} MB at {MEMORY_MB:g} MB here; 500 MB: `{PY} benchmarks/memory.py --mb 500`"),
        ("--jobs 2 >= 1.7x --jobs 1", f"not measured by `make bench`: `{MEMORY_COMMAND}`"),
    ], right=9))
    parts.append("\n")
    return "".join(parts)


# --- the plot -------------------------------------------------------------------

def plot(figures: dict, path: Path) -> None:
    """Two panels: time against input size (with the line through the origin
    that linear time would follow), and each stage's share of the time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = figures["curve"]
    shares = _stage_shares(figures["throughput"][0])
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1.1, 1]})
    sizes = [row["mb"] for row in curve]
    for name, style in (("normalize.clean", "o-"), ("ftfy.fix_text", "s--")):
        seconds = [row[name] for row in curve]
        left.plot(sizes, seconds, style, label=name)
        slope = sum(s * t for s, t in zip(sizes, seconds)) / sum(s * s for s in sizes)  # least squares through 0
        left.plot([0, max(sizes)], [0, slope * max(sizes)], ":", color="grey", linewidth=1)
    left.plot([], [], ":", color="grey", linewidth=1, label="linear (least squares through 0)")
    left.set_xlabel("input size (MB, one text: dev articles repeated)")
    left.set_ylabel("seconds (fastest of %d runs)" % CURVE_RUNS)
    left.set_title("Time grows linearly with the input")
    left.set_xlim(left=0)
    left.set_ylim(bottom=0)
    left.legend(loc="upper left", frameon=False)
    left.grid(alpha=0.3)
    total = sum(seconds for _, seconds in shares)
    names = [name for name, _ in shares][::-1]
    values = [100 * seconds / total for _, seconds in shares][::-1]
    bars = right.barh(names, values, color="#4c72b0")
    for bar, value in zip(bars, values):
        right.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, _percent(value), va="center")
    right.set_xlim(0, max(values) * 1.2)
    right.set_xlabel("share of the pipeline's time (%)")
    right.set_title("Each stage's share, on the dev documents")
    right.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the figures; write no README, plot or JSON")
    parser.add_argument("--from-json", type=Path, help="render from figures saved by an earlier run, measuring nothing")
    args = parser.parse_args(argv)
    if args.from_json:
        figures = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        figures = measure_all()
    if args.no_write:
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    README.write_text(render(figures), encoding="utf-8")
    plot(figures, PLOT)
    print(f"\nWrote {README.relative_to(HERE.parent)}, {PLOT.relative_to(HERE.parent)} "
          f"(figures in {RESULTS.relative_to(HERE.parent)}); {figures['seconds'] / 60:.1f} minutes")


if __name__ == "__main__":
    main()
