"""`remove_leftovers` on first sight: CPU seconds for the stage alone, in a
fresh process that cleans each document of a corpus once.

The stage remembers what it learns per process (which rules a line's head or
tail can meet, a text language's compiled rules), so a warm run over the same
documents is cheaper than a pipeline's first meeting with them. This times
the first meeting: a fresh process, the rule packs and word tables loaded
before the clock starts (`WARM_UP` cleaned), then each document's text
as the stage receives it inside the pipeline (after `fix_encoding`) cleaned
once, with `time.process_time` (CPU, steadier than wall time on a shared
machine). Each run is its own process; the median of the runs is printed.

    python benchmarks/leftovers_first_sight.py                      # dev, clean-web-dev, extract-dev
    python benchmarks/leftovers_first_sight.py ../shared/corpus/dev.jsonl --repeat 5
    python benchmarks/leftovers_first_sight.py --raw    # the records' dirty text, without fix_encoding

Corpora are JSONL files whose records hold the text under "dirty".
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPORA = ("dev.jsonl", "clean-web-dev.jsonl", "extract-dev.jsonl")
# A page that loads every table the stage reads (the rule packs, the word
# lists of the block and thread passes, the verbs of the prose guard, the
# photo agencies of galleries, the function words of the language test).
WARM_UP = ("A headline for the warm-up\n"
           "The council met on Monday to discuss the budget for the coming year, and its members agreed on most points.\n"
           "1/3 The first picture of the set. Photo: Reuters\n2/3 The second picture. Photo: AFP\n"
           "3/3 The third picture. Photo: AP\nThe prize went to the economist. Photo: VNA\n"
           "Lire aussi\nHome\nNews\nReply\nShare this article\n")
CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def measure(path: str, raw: bool = False) -> dict:
    """CPU seconds of the stage over the corpus at `path`, in a fresh process."""
    flags = ["--raw"] if raw else []
    done = subprocess.run([sys.executable, __file__, "--child", path, *flags], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def _child(path: str, raw: bool) -> None:
    from normalize import Config
    from normalize.encoding import fix_encoding
    from normalize.leftovers import remove_leftovers

    config = Config(stages=("remove_leftovers",))
    with open(path, encoding="utf-8") as lines:
        docs = [json.loads(line)["dirty"] for line in lines]
    if not raw:
        docs = [fix_encoding(doc, Config())[0] for doc in docs]
    remove_leftovers(WARM_UP, config)  # outside the clock
    start = time.process_time()
    for doc in docs:
        remove_leftovers(doc, config)
    seconds = time.process_time() - start
    mb = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    print(json.dumps({"seconds": seconds, "documents": len(docs), "mb": mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="JSONL corpora (default: dev, clean-web-dev, extract-dev)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per corpus (median printed)")
    parser.add_argument("--raw", action="store_true", help="time the records' dirty text, without fix_encoding")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.raw)
        return
    corpora = args.corpora or [str(CORPUS_DIR / name) for name in CORPORA]
    print(f"{'corpus':<22} {'docs':>5} {'MB':>6} {'CPU s (median)':>15}  runs")
    for path in corpora:
        runs = [measure(path, args.raw) for _ in range(args.repeat)]
        seconds = statistics.median(run["seconds"] for run in runs)
        print(f"{Path(path).name:<22} {runs[0]['documents']:>5} {runs[0]['mb']:>6.2f} {seconds:>15.3f}  "
              + " ".join(f"{run['seconds']:.3f}" for run in runs))


if __name__ == "__main__":
    main()
