"""Throughput on first sight: every token new to the splitter's memory.

The throughput tables time several runs over the same documents, so from the
second run on the splitter finds every decision already made (it remembers
the decisions of up to 25,000 token settings per process, see
`normalize.splitting.tuning.DECISIONS_KEPT`). A large corpus sits between the two:
frequent tokens are decided once, rare ones (names, glued pairs) are seen
for the first time. This measures the other end: a fresh process, the word
tables loaded before the clock starts, each document cleaned once, and
`ftfy.fix_text` on the same documents in the same process for the ratio.

With `unseen`, the case a large corpus mostly is: a fresh process cleans
every other document first (outside the clock), then the rest are timed:
documents it has not seen, in a process that has seen their like.

    python benchmarks/first_sight.py DOCS.json [--unseen]    # a JSON list of strings
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(docs: list[str], unseen: bool = False) -> dict[str, float]:
    """Seconds for normalize.clean and ftfy.fix_text over `docs`, each
    document once, in a fresh process (with `unseen`, over the odd-numbered
    documents after the others were cleaned; "mb" is their size)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docs.json"
        path.write_text(json.dumps(docs), encoding="utf-8")
        flags = ["--unseen"] if unseen else []
        done = subprocess.run([sys.executable, __file__, str(path), *flags], capture_output=True, text=True,
                              check=True)
    return json.loads(done.stdout)


def _run(path: str, unseen: bool) -> None:
    import ftfy

    import normalize

    docs = json.loads(Path(path).read_text(encoding="utf-8"))
    normalize.clean("Load the tables: thefirst inHanoi said.The evergr een\nthequickbrownfoxjumpsoverthelazydog")  # outside the clock
    ftfy.fix_text("warm")
    if unseen:
        for doc in docs[::2]:
            normalize.clean(doc)
        docs = docs[1::2]
    start = time.perf_counter()
    for doc in docs:
        normalize.clean(doc)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        ftfy.fix_text(doc)
    fixed = time.perf_counter() - start
    mb = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    print(json.dumps({"normalize.clean": first, "ftfy.fix_text": fixed, "mb": mb}))


if __name__ == "__main__":
    _run(sys.argv[1], "--unseen" in sys.argv[2:])
