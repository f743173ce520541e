"""The command line as a real process: pipes, signals, kills and --resume."""
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import normalize
from normalize.jobs.writing import TEMP_SUFFIX

pytestmark = pytest.mark.slow

SEED = (Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "000_cfb90e2054d6b7b8.txt").read_text()
COMMAND = [sys.executable, "-m", "normalize"]
FILES = 40
MANIFEST = ".normalize-manifest.jsonl"


def _interrupts_as_in_a_terminal():
    # A shell starts a background job with Ctrl-C ignored, and a child keeps
    # that: give the command the disposition it has in a terminal, so that
    # these tests hold when the suite itself runs in the background.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args, **kwargs):
    return subprocess.Popen(COMMAND + [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_interrupts_as_in_a_terminal, **kwargs)


def test_module_runs_as_a_command():
    done = subprocess.run(COMMAND + ["-"], input=b"a  b\n", capture_output=True)
    assert done.returncode == 0 and done.stdout == b"a b\n"


def test_head_closing_the_pipe_ends_the_run_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(SEED * 300)  # about 1 MB: far more than a pipe holds
    process = start([big])
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert first and stderr == b""


def test_head_on_a_json_lines_stream_ends_quietly():
    records = b"".join(json.dumps({"text": f"record  {i}"}).encode() + b"\n" for i in range(200_000))
    process = start(["--jsonl"], stdin=subprocess.PIPE)
    process.stdin.write(records[:1 << 16])
    process.stdin.flush()
    assert process.stdout.readline() == b'{"text": "record 0"}\n'
    process.stdout.close()
    try:
        process.stdin.write(records[1 << 16 :])
        process.stdin.close()
    except BrokenPipeError:
        pass
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = SEED * 30  # about 100 KB each
    for index in range(FILES):
        (folder / f"{index:03}.txt").write_text(text)
    return folder, normalize.clean(text)


def wait_for_first_output(process, out: Path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.skip("the job ended before it could be stopped")
        if out.is_dir() and any(p.suffix == ".txt" for p in out.iterdir()):
            return
        time.sleep(0.005)
    raise AssertionError("no output appeared")


def check_outputs(out: Path, expected: str):
    """Every output present is complete, and nothing else is there but the
    manifest: no half-written file under an output's name, no temporary."""
    names = sorted(p.name for p in out.iterdir())
    assert [name for name in names if name.endswith(TEMP_SUFFIX)] == []
    outputs = [name for name in names if name != MANIFEST]
    for name in outputs:
        assert (out / name).read_text() == expected, f"{name} is partial"
    return outputs


def recorded(out: Path) -> int:
    """How many outputs the manifest of `out` records."""
    try:
        lines = (out / MANIFEST).read_bytes().splitlines()
    except FileNotFoundError:
        return 0
    return sum(not line.startswith(b'{"run"') for line in lines)


def resume(corpus_folder, out, expected):
    before = recorded(out)
    report = out.parent / "report.json"
    finished = subprocess.run(
        COMMAND + [str(corpus_folder), "-o", str(out), "--resume", "--report", str(report)], capture_output=True
    )
    assert finished.returncode == 0, finished.stderr
    outputs = check_outputs(out, expected)
    assert len(outputs) == FILES
    figures = json.loads(report.read_text())["files"]
    assert figures["already_done"] == before and figures["cleaned"] == FILES - before


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_stopping_a_job_says_where_it_stands_and_resume_finishes_it(corpus, tmp_path, how):
    folder, expected = corpus
    out = tmp_path / "out"
    process = start([folder, "-o", out])
    wait_for_first_output(process, out)
    process.send_signal(how)
    assert process.wait(timeout=60) == 128 + how  # 130 for Ctrl-C, 143 for SIGTERM
    said = re.search(rb"interrupted after (\d+) of 40 inputs; no half-written file was left: "
                     rb"the same command with --resume finishes the other (\d+)", process.stderr.read())
    assert said and int(said[1]) + int(said[2]) == FILES
    done = check_outputs(out, expected)
    assert 0 < len(done) < FILES and len(done) - int(said[1]) in (0, 1)  # (1: stopped as it was counted)
    resume(folder, out, expected)


def test_ctrl_c_on_a_job_with_workers_stops_them_all(corpus, tmp_path):
    folder, expected = corpus
    out = tmp_path / "out"
    # Ctrl-C in a terminal signals the whole process group, workers included.
    process = start([folder, "-o", out, "--jobs", "2"], start_new_session=True)
    wait_for_first_output(process, out)
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=60) == 130
    stderr = process.stderr.read()
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    check_outputs(out, expected)


def test_in_place_interrupted_never_truncates_an_input(corpus, tmp_path):
    folder, expected = corpus
    original = (folder / "000.txt").read_text()
    process = start([folder, "--in-place"])
    deadline = time.monotonic() + 60
    while (folder / "000.txt").read_text() == original and time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.skip("the job ended before it could be stopped")
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    assert re.search(rb"interrupted after \d+ of 40 inputs; no half-written file was left; "
                     rb"the other \d+ are as they were", process.stderr.read())
    for path in folder.iterdir():
        assert not path.name.endswith(TEMP_SUFFIX)
        assert path.read_text() in (original, expected)


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to find the workers")
def test_kill_9_of_a_job_with_workers_leaves_no_worker_behind(corpus, tmp_path):
    folder, _ = corpus
    out = tmp_path / "out"
    process = start([folder, "-o", out, "--jobs", "2"])
    wait_for_first_output(process, out)
    workers = children_of(process.pid)
    assert len(workers) == 2
    process.kill()
    process.wait(timeout=60)
    deadline = time.monotonic() + 30
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if running(pid)]
    for pid in left:  # not to leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == [], "a worker outlived its killed parent"
