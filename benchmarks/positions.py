"""Positions (issue 23): what mapping spans between the cleaned text and the
original costs, next to cleaning the text.

    python benchmarks/positions.py                 # 1 MB documents, median of 5 runs
    python benchmarks/positions.py --mb 1 --repeat 7 --json out.json

Documents: the dirty texts of `../shared/corpus/dev.jsonl` joined by blank
lines and cut to `--mb` of UTF-8 (damaged news, as scraped; without the
corpus, one built from `fixtures/`), and generated clean prose of the same
size (few edits: the cleaning is cheap, the map nearly empty). In one
process, word tables loaded, each run in turn:

- clean: `normalize.clean_and_explain` on the document (the first run, on
  tokens new to the splitter, is printed apart as first sight);
- of which locate: filling each edit's `original_start` / `original_end`,
  which `clean_and_explain` now does (`normalize.positions.original_spans`);
- build: the map, built on the first `to_original` call;
- map words: `to_original` for every word (run of non-space characters)
  of the cleaned text, given its span, one call each.

The goal of the issue: build + map words under 10% of clean. Prints
figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import texts  # noqa: E402

import normalize  # noqa: E402
from normalize.positions import original_spans  # noqa: E402

WORD_RE = regex.compile(r"\S+")


def one_document(docs: list[str], mb: float) -> str:
    """`docs` joined by blank lines and cut to about `mb` of UTF-8."""
    text = "\n\n".join(docs)
    while len(text.encode("utf-8")) < mb * texts.MB:
        text += "\n\n" + text
    return text[: int(len(text) * mb * texts.MB / len(text.encode("utf-8")))]


def measure(text: str, repeat: int) -> dict:
    """Seconds for each step on `text` (medians of `repeat` warm runs) and the counts behind them."""
    started = time.perf_counter()
    cleaned = normalize.clean_and_explain(text)
    first_sight = time.perf_counter() - started
    words = [match.span() for match in WORD_RE.finditer(cleaned.text)]
    runs: dict[str, list[float]] = {"clean": [], "locate": [], "build": [], "map words": []}
    for _ in range(repeat):
        started = time.perf_counter()
        cleaned = normalize.clean_and_explain(text)
        runs["clean"].append(time.perf_counter() - started)
        started = time.perf_counter()
        original_spans(cleaned.edits)
        runs["locate"].append(time.perf_counter() - started)
        fresh = normalize.Cleaned(cleaned.text, cleaned.edits)
        started = time.perf_counter()
        fresh.positions
        runs["build"].append(time.perf_counter() - started)
        to_original = fresh.to_original
        started = time.perf_counter()
        for start, end in words:
            to_original(start, end)
        runs["map words"].append(time.perf_counter() - started)
    figures = {name: statistics.median(times) for name, times in runs.items()}
    figures |= {"first sight": first_sight, "words": len(words), "edits": len(cleaned.edits),
                "blocks": fresh.positions.block_count, "mb": len(text.encode("utf-8")) / texts.MB,
                "runs": repeat}
    figures["share"] = (figures["build"] + figures["map words"]) / figures["clean"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each document (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per document (default 5)")
    parser.add_argument("--json", help="also write every figure to this file")
    options = parser.parse_args()
    normalize.clean("load the word tables: exchangedviews inHanoi")
    documents = {
        f"{source.name}, joined": one_document(source.docs, options.mb)
        for source in (texts.dev_corpus(mb=options.mb), texts.prose(options.mb))
    }
    results = {}
    print("| document (as one text) | MB | words | edits | blocks | clean s (first sight) | locate s "
          "| build s | map words s | build + map / clean |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, text in documents.items():
        f = results[name] = measure(text, options.repeat)
        print(f"| {name} | {f['mb']:.2f} | {f['words']:,} | {f['edits']:,} | {f['blocks']:,} "
              f"| {f['clean']:.3f} ({f['first sight']:.3f}) | {f['locate']:.4f} | {f['build']:.4f} "
              f"| {f['map words']:.4f} | {100 * f['share']:.1f}% |")
    print(f"medians of {options.repeat} warm runs; per word: "
          + ", ".join(f"{1e9 * f['map words'] / max(1, f['words']):.0f} ns" for f in results.values()))
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
