"""Long jobs killed outright (kill -9), resumed, and run twice at once, as
real processes: nothing stray is left, and what is finished is whole."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import normalize
from normalize.jobs.jsonl import dumps_record, loads_record
from normalize.jobs.planning import MANIFEST_NAME
from normalize.jobs.temporaries import TEMP_SUFFIX, writer_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="watches the job's open files in /proc"),
]

SEED = (Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "000_cfb90e2054d6b7b8.txt").read_text()
COMMAND = [sys.executable, "-m", "normalize"]
FILES = 8


def start(args, **kwargs):
    return subprocess.Popen(COMMAND + [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs)


def finish(args) -> subprocess.CompletedProcess:
    done = subprocess.run(COMMAND + [str(a) for a in args], capture_output=True)
    assert done.returncode == 0, done.stderr
    return done


def make_corpus(folder: Path, jsonl: bool = False) -> Path:
    """FILES inputs of 30 to 60 KB, each different (so that outputs cannot pass for one another)."""
    folder.mkdir()
    for index in range(FILES):
        text = f"Part {index}:  " + SEED * (10 + 2 * index)
        if jsonl:
            lines = [json.dumps({"id": index, "line": n, "text": block}) for n, block in enumerate(text.split("\n\n"))]
            (folder / f"{index:03}.jsonl").write_text("\n".join(lines) + "\n")
        else:
            (folder / f"{index:03}.txt").write_text(text)
    return folder


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cleaned(corpus: Path) -> dict[str, bytes]:
    """What cleaning each file of `corpus` makes, computed here."""
    made = {}
    for path in sorted(corpus.iterdir()):
        if path.suffix == ".jsonl":
            lines = path.read_text().splitlines()
            records = normalize.clean_records(loads_record(line) for line in lines)
            made[path.name] = "".join(dumps_record(record) + "\n" for record in records).encode()
        else:
            made[path.name] = normalize.clean(path.read_text()).encode()
    return made


def outputs_of(folder: Path) -> dict[str, bytes]:
    """What an uninterrupted run made in `folder`, its manifest aside."""
    found = files_in(folder)
    found.pop(MANIFEST_NAME, None)
    return found


def open_in(pid: int, folder: Path) -> bool:
    """Whether process `pid` or one of its workers (--jobs) has a file open in
    `folder` other than the manifest: an output (or its unnamed temporary) being written."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            link = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if link.startswith(f"{folder}/") and not link.startswith(f"{folder}/{MANIFEST_NAME}"):
            return True
    return any(open_in(child, folder) for child in children_of(pid))


def children_of(pid: int) -> list[int]:
    """The processes any thread of `pid` started (a pool may start its workers from another thread)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def recorded(out: Path) -> int:
    try:
        lines = (out / MANIFEST_NAME).read_bytes().splitlines()
    except FileNotFoundError:
        return 0
    return sum(not line.startswith(b'{"run"') for line in lines)


def kill_while_writing(process, out: Path, *, after: int = 0, timeout: float = 120) -> bool:
    """kill -9 `process` once the manifest records more than `after` outputs
    and it is writing the next one, or (when a write was too quick to be seen
    open, on a loaded machine) once it records a further one; False if it
    ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        done = recorded(out)
        if done > after + 1 or done > after and open_in(process.pid, out):
            process.kill()
            process.wait(timeout=60)
            return True
        time.sleep(0.002)
    process.kill()
    raise AssertionError("the job made no progress")


def assert_nothing_stray(out: Path, reference: dict[str, bytes], report: str | None = None) -> None:
    """Each file in `out` is the manifest, a whole output, byte for byte, or
    (named `report`) a whole report: a run killed after its last output may
    have written it, atomically."""
    for name, data in files_in(out).items():
        assert not name.endswith(TEMP_SUFFIX), f"{name} was left behind"
        if name == report:
            json.loads(data)
        elif Path(name).name != MANIFEST_NAME:
            assert data == reference[name], f"{name} is not whole"


# Folders, with and without --jobs 2, are killed in the test after this one.
@pytest.mark.parametrize("mode", ["file", "jsonl"])
def test_kill_9_leaves_nothing_stray(tmp_path, mode):
    out = tmp_path / "out"
    if mode == "file":
        corpus = tmp_path / "big"
        corpus.mkdir()
        (corpus / "big.txt").write_text(SEED * 150)  # about 500 KB: two pieces of work
        out.mkdir()
        args = [corpus / "big.txt", "-o", out / "big.txt"]
    else:
        corpus = make_corpus(tmp_path / "corpus", jsonl=mode == "jsonl")
        args = [corpus, "-o", out, "--jsonl"]
    reference = cleaned(corpus)
    process = start(args)
    deadline = time.monotonic() + 120
    while not open_in(process.pid, out) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    process.kill()
    process.wait(timeout=60)
    assert_nothing_stray(out, reference)
    finish(args + (["--resume"] if mode != "file" else []))
    final = files_in(out)
    assert final.pop(MANIFEST_NAME, None) is not None or mode == "file"
    assert final == reference


def test_killed_three_times_and_resumed_three_times_ends_as_one_uninterrupted_run(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    finish([corpus, "-o", tmp_path / "ref"])
    reference = outputs_of(tmp_path / "ref")
    out = tmp_path / "out"
    report = tmp_path / "out" / "report.json"  # the report may live in the output folder too
    kills = 0
    for attempt in range(3):
        args = [corpus, "-o", out, "--report", report] + ["--resume"] * (attempt > 0) + ["--jobs", "2"] * (attempt == 1)
        # Killed while writing its first output after the first ever recorded (or
        # just after it): a resumed run starts writing at once, so each attempt
        # leaves work for the next.
        if kill_while_writing(start(args), out, after=max(recorded(out) - 1, 0)):
            kills += 1
        assert_nothing_stray(out, reference, report=report.name)
    assert kills == 3, "the job ended before it could be killed three times"
    done = finish([corpus, "-o", out, "--resume", "--report", report])
    figures = json.loads(report.read_text())["files"]
    assert figures["already_done"] + figures["cleaned"] == FILES and figures["already_done"] > 0
    final = files_in(out)
    assert sorted(final) == sorted([*reference, MANIFEST_NAME, "report.json"])
    assert {name: final[name] for name in reference} == reference
    assert b"already done and skipped" in done.stderr


WRITER = """
import sys, time
from normalize.jobs import writing
writing.open_unnamed = lambda folder: None  # as on a file system without unnamed files
writer = writing.AtomicWriter(sys.argv[1])
writer.write(b"half")
print("writing", flush=True)
time.sleep(600)
"""


def test_a_killed_writers_named_temporary_is_removed_by_the_next_run_in_its_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(out / name)], stdout=subprocess.PIPE)
               for name in ("killed.txt", "live.txt")]
    killed, live = writers
    try:
        assert all(writer.stdout.readline() == b"writing\n" for writer in writers)
        killed.kill()
        killed.wait(timeout=60)
        temporaries = {writer_of(p.name).pid: p.name for p in out.iterdir()}
        assert sorted(temporaries) == sorted([killed.pid, live.pid])
        source = tmp_path / "in.txt"
        source.write_text("a  b\n")
        finish([source, "-o", out / "in.txt"])
        assert sorted(p.name for p in out.iterdir()) == sorted(["in.txt", temporaries[live.pid]])
    finally:
        for writer in writers:
            writer.kill()
            writer.wait(timeout=60)


def test_a_second_writer_into_the_same_folder_is_refused_and_the_first_completes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    reference = cleaned(corpus)
    out = tmp_path / "out"
    first = start([corpus, "-o", out])
    deadline = time.monotonic() + 120
    while not recorded(out) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    if first.poll() is not None:
        pytest.skip("the first run ended before the second could start")
    first.send_signal(signal.SIGSTOP)  # held still, lock and all, while the second tries
    try:
        second = subprocess.run(COMMAND + [str(corpus), "-o", str(out)], capture_output=True)
    finally:
        first.send_signal(signal.SIGCONT)
    assert first.wait(timeout=300) == 0
    assert second.returncode == 1
    assert f"another normalize run (process {first.pid}".encode() in second.stderr
    final = files_in(out)
    assert {name: data for name, data in final.items() if name != MANIFEST_NAME} == reference
