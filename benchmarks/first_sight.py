"""Throughput on first sight: every token new to the splitter's memory.

The throughput tables time several runs over the same documents, so from the
second run on the splitter finds every decision already made (it remembers
the decisions of up to 25,000 token settings per process, see
`normalize.splitting.DECISIONS_KEPT`). A large corpus sits between the two:
frequent tokens are decided once, rare ones (names, glued pairs) are seen
for the first time. This measures the other end: a fresh process, the word
tables loaded before the clock starts, each document cleaned once, and
`ftfy.fix_text` on the same documents in the same process for the ratio.

    python benchmarks/first_sight.py DOCS.json    # a JSON list of strings
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(docs: list[str]) -> dict[str, float]:
    """Seconds for normalize.clean and ftfy.fix_text over `docs`, each
    document once, in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docs.json"
        path.write_text(json.dumps(docs), encoding="utf-8")
        done = subprocess.run([sys.executable, __file__, str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _run(path: str) -> None:
    import ftfy

    import normalize

    docs = json.loads(Path(path).read_text(encoding="utf-8"))
    normalize.clean("Load the tables: thefirst inHanoi said.The")  # outside the clock
    ftfy.fix_text("warm")
    start = time.perf_counter()
    for doc in docs:
        normalize.clean(doc)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        ftfy.fix_text(doc)
    fixed = time.perf_counter() - start
    print(json.dumps({"normalize.clean": first, "ftfy.fix_text": fixed}))


if __name__ == "__main__":
    _run(sys.argv[1])
