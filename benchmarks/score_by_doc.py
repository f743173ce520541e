"""`../shared/tools/score.py`'s figures, one document at a time, remembered.

score.py aligns every document by character, which takes half an hour for
extract-dev on a busy machine; most changes to a stage change few documents.
This runs score.py's own `score()` on each document whose output is new, keeps
each document's figures in a cache keyed by its output (benchmarks/results/,
ignored by git), and adds them up by group:

    .venv/bin/python benchmarks/score_by_doc.py ../shared/corpus/extract-dev.jsonl \\
        --cleaner benchmarks.stages:leftovers_only --group 2

The sums are score.py's figures (residue and content loss are counted back
from each document's ppm, so they may differ from a whole run in the last
digit). Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import importlib
import json
import os
import sys
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent / "shared" / "tools"))
import score as scorer  # noqa: E402  (../shared/tools/score.py)

CACHE = HERE / "results" / "score_by_doc.jsonl"


def figures(job: tuple[dict, str]) -> dict:
    doc, out = job
    result = scorer.score([doc], lambda _text: out)
    truth = len(scorer.nonspace(doc["clean"].translate(scorer.QUOTES))[0])
    chars = len(scorer.nonspace(out.translate(scorer.QUOTES))[0])
    return {
        "truth": truth, "out": chars,
        "lost": round((result["content_loss_ppm"] or 0) * truth / 1e6),
        "residue": round((result["residue_ppm"] or 0) * chars / 1e6),
        "held": result["sentences_held"], "sentences_lost": result["sentences_lost"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--cleaner", default="normalize:clean")
    parser.add_argument("--group", type=int, default=None, help="as score.py's --group")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    module, _, name = args.cleaner.partition(":")
    clean = getattr(importlib.import_module(module), name or "clean")
    cache: dict[str, dict] = {}
    if CACHE.exists():
        for line in CACHE.read_text(encoding="utf-8").splitlines():
            key, value = json.loads(line)
            cache[key] = value
    docs = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    keys, todo = [], []
    for doc in docs:
        out = clean(doc["dirty"])
        key = hashlib.sha1("\0".join((doc.get("id", ""), doc["dirty"], doc["clean"], out)).encode()).hexdigest()
        keys.append(key)
        if key not in cache:
            todo.append((key, doc, out))
    print(f"{len(todo)} of {len(docs)} documents to score", file=sys.stderr)
    CACHE.parent.mkdir(exist_ok=True)
    with Pool(args.jobs) as pool, CACHE.open("a", encoding="utf-8") as store:
        for (key, _, _), result in zip(todo, pool.imap(figures, [(doc, out) for _, doc, out in todo])):
            cache[key] = result
            store.write(json.dumps([key, result]) + "\n")
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc, key in zip(docs, keys):
        parts = str(doc.get("id", "")).split("/")
        group = parts[args.group] if args.group is not None and len(parts) > args.group else "all"
        groups[group].update(cache[key])
        groups[group]["docs"] += 1
    for group, total in sorted(groups.items()):
        print(f"{group:12} residue_ppm {1e6 * total['residue'] / max(total['out'], 1):10.1f}  "
              f"content_loss_ppm {1e6 * total['lost'] / max(total['truth'], 1):9.1f}  "
              f"sentences_lost {total['sentences_lost']}/{total['held']}  docs {total['docs']}")


if __name__ == "__main__":
    main()
