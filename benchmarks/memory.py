"""Peak memory and parallel speed of the `normalize` command.

Each run of the CLI happens in a fresh wrapper process that reports the
largest resident set of its children (`RUSAGE_CHILDREN`), so one run's peak
never hides another's. With several worker processes the figure is the
largest single process, not their sum.

Run alone: `python benchmarks/memory.py --mb 20,100` (`--web-mb 20,60` adds
prose with a web crawl's stream of new tokens).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import texts  # noqa: E402

CLI = Path(sys.executable).with_name("normalize")


def run_measured(command: list[str]) -> dict:
    """Run `command`; return its wall time, exit code and peak RSS (MB)."""
    probe = subprocess.run(
        [sys.executable, __file__, "--probe", "--", *command],
        capture_output=True, text=True, check=False,
    )
    if probe.returncode != 0 or not probe.stdout.strip():
        return {"error": probe.stderr.strip()[-500:] or f"exit {probe.returncode}"}
    return json.loads(probe.stdout.strip().splitlines()[-1])


def _probe(command: list[str]) -> None:
    import resource

    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({
        "seconds": seconds,
        "peak_rss_mb": peak_kb * 1024 / texts.MB,
        "exit": done.returncode,
        "stderr": done.stderr.strip()[-300:],
    }))


def write_big_file(path: Path, mb: float, docs: list[str]) -> float:
    """Write about `mb` of text to `path` by repeating `docs`; return its size in MB."""
    target = int(mb * texts.MB)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        while written < target:
            for doc in docs:
                chunk = doc if doc.endswith("\n") else doc + "\n"
                out.write(chunk)
                written += len(chunk.encode("utf-8", "surrogatepass"))
                if written >= target:
                    break
    return written / texts.MB


def cli_help() -> str:
    done = subprocess.run([str(CLI), "--help"], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def peak_memory(sizes_mb: list[float], docs: list[str]) -> list[dict]:
    """`normalize big.txt -o out.txt` on generated files of each size."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="normalize-bench-") as tmp:
        for mb in [0.01, *sizes_mb]:  # the first shows the cost of starting up
            source, target = Path(tmp) / "big.txt", Path(tmp) / "out.txt"
            size = write_big_file(source, mb, docs)
            result = run_measured([str(CLI), str(source), "-o", str(target)])
            result.update(input_mb=size, command="normalize big.txt -o out.txt")
            rows.append(result)
            source.unlink()
            target.unlink(missing_ok=True)
    return rows


def peak_memory_web(sizes_mb: list[float]) -> list[dict]:
    """`normalize big.txt -o out.txt` on generated web-vocabulary prose
    (`texts.web_prose`): new tokens all along, as in a real crawl."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="normalize-bench-") as tmp:
        for mb in sizes_mb:
            source, target = Path(tmp) / "web.txt", Path(tmp) / "out.txt"
            with source.open("w", encoding="utf-8") as out:
                for doc in texts.web_prose(mb):
                    out.write(doc)
            result = run_measured([str(CLI), str(source), "-o", str(target)])
            result.update(input_mb=source.stat().st_size / texts.MB, command="normalize web.txt -o out.txt")
            rows.append(result)
            source.unlink()
            target.unlink(missing_ok=True)
    return rows


def jobs_scaling(folder_mb: float, files: int, docs: list[str]) -> dict:
    """Throughput of `--jobs 1` and `--jobs 2` on a folder of files, or a note
    saying why it was skipped."""
    if "--jobs" not in cli_help():
        return {"skipped": "the CLI has no --jobs option yet"}
    results = {}
    with tempfile.TemporaryDirectory(prefix="normalize-bench-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        total = 0.0
        for i in range(files):
            total += write_big_file(folder / f"doc{i:04d}.txt", folder_mb / files, docs[i % len(docs):] + docs)
        inputs = sorted(str(p) for p in folder.iterdir())
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            out.mkdir()
            result = run_measured([str(CLI), *inputs, "-o", str(out), "--jobs", str(jobs)])
            result.update(input_mb=total, files=files)
            results[f"jobs {jobs}"] = result
            shutil.rmtree(out)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", default="20,100", help="file sizes in MB, comma-separated")
    parser.add_argument("--web-mb", default="",
                        help="also generated web-vocabulary prose of these sizes in MB (slow: about 0.3 MB/s)")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        _probe(args.command)
        return
    docs = texts.dev_corpus().docs
    for row in peak_memory([float(x) for x in args.mb.split(",")], docs):
        print(json.dumps(row))
    if args.web_mb:
        for row in peak_memory_web([float(x) for x in args.web_mb.split(",")]):
            print(json.dumps(row))
    print(json.dumps(jobs_scaling(20, 40, docs)))


if __name__ == "__main__":
    main()
