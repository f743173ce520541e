"""Peak memory of `normalize --parquet` as a shard grows (issue 22).

Writes a Parquet shard of each size (MB of UTF-8 text in its `text` column:
5 MB of generated clean prose and the dev corpus's dirty texts, interleaved
and repeated; each row with an id and a URL beside it; row groups of `--rows` rows, snappy as pyarrow writes by default), then
runs `normalize shard.parquet -o out.parquet --parquet --field text` in a
fresh process and reports its peak resident memory (the largest single
process, see memory.py) and its time. The goal: the same peak (within 20%)
for 100 MB and 1 GB, since one row group at a time is held.

Run alone: `python benchmarks/parquet_memory.py --mb 100,1000 --jobs 2`
(needs the parquet extra; about 3 GB of free disk for 1 GB of text).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import texts  # noqa: E402
from memory import CLI, run_measured  # noqa: E402


def write_shard(path: Path, mb: float, docs: list[str], rows_per_group: int) -> dict:
    """A shard of about `mb` of text; returns its text MB, rows, row groups and file MB."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = int(mb * texts.MB)
    written = rows = groups = 0
    schema = pa.schema([("id", pa.int64()), ("url", pa.string()), ("text", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        while written < target:
            batch = []
            while len(batch) < rows_per_group and written < target:
                doc = docs[rows % len(docs)]
                batch.append(doc)
                written += len(doc.encode("utf-8", "surrogatepass"))
                rows += 1
            first = rows - len(batch)
            ids = list(range(first, rows))
            urls = [f"https://news.example/{n}" for n in ids]
            writer.write_table(pa.table({"id": ids, "url": urls, "text": batch}, schema=schema))
            groups += 1
    return {"text_mb": written / texts.MB, "rows": rows, "row_groups": groups, "file_mb": path.stat().st_size / texts.MB}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", default="100,1000", help="shard sizes in MB of text, comma-separated")
    parser.add_argument("--rows", type=int, default=2000, help="rows per row group")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for the command")
    parser.add_argument("--dir", default=None, help="where to write the shards (default: a temporary folder)")
    args = parser.parse_args()
    dirty = texts.dev_corpus().docs
    clean = texts.paragraphs(5)
    # About one dirty text in five: clean prose is quick to clean, dirty text gives edits to keep.
    docs = [doc for index, doc in enumerate(clean) for doc in ([doc, dirty[index // 4 % len(dirty)]] if index % 4 == 0 else [doc])]
    with tempfile.TemporaryDirectory(prefix="normalize-parquet-", dir=args.dir) as tmp:
        for mb in [float(x) for x in args.mb.split(",")]:
            source, target = Path(tmp) / "shard.parquet", Path(tmp) / "out.parquet"
            shape = write_shard(source, mb, docs, args.rows)
            command = [str(CLI), str(source), "-o", str(target), "--parquet", "--field", "text", "--jobs", str(args.jobs)]
            result = run_measured(command)
            result.update(shape, command=f"normalize shard.parquet -o out.parquet --parquet --jobs {args.jobs}")
            print(json.dumps(result), flush=True)
            source.unlink()
            target.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
