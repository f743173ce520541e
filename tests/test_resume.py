"""--resume and the output folder's manifest: what is skipped, what is made again and why."""
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from normalize.cli import main
from normalize.jobs import manifest as manifest_module
from normalize.jobs.batch import Options
from normalize.jobs.manifest import MANIFEST_NAME, Busy, Manifest

RAW = "Vietnamâ€™s  officials met.\n\n\n\nThey agreed &amp; left.\n"
CLEAN = "Vietnam’s officials met.\n\nThey agreed & left.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture
def job(tmp_path, monkeypatch):
    """Three inputs cleaned into out/ once."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "corpus" / f"{name}.txt").write_text(f"{name}:  {RAW}")
    assert run("corpus", "-o", "out").exit_code == 0
    return tmp_path


def resume(*extra):
    result = run("corpus", "-o", "out", "--resume", "--report", "report.json", *extra)
    report = json.loads(open("report.json").read())
    return result, report["files"]["already_done"], {entry["input"]: entry["reason"] for entry in report["redone"]}


def entries(folder) -> list[dict]:
    lines = (folder / "out" / MANIFEST_NAME).read_text().splitlines()
    return [json.loads(line) for line in lines if not line.startswith('{"run"')]


def test_the_manifest_says_what_made_each_output(job):
    made = {entry["output"]: entry for entry in entries(job)}
    assert sorted(made) == ["a.txt", "b.txt", "c.txt"]
    a = made["a.txt"]
    source = job / "corpus" / "a.txt"
    assert a["input"] == str(source) and a["size"] == source.stat().st_size
    assert a["output_size"] == (job / "out" / "a.txt").stat().st_size and len(a["sha256"]) == 64
    assert a["normalize"] and a["options"]


def test_resume_skips_what_is_done_and_says_so(job):
    (job / "out" / "b.txt").unlink()
    os.utime(job / "corpus" / "c.txt", ns=(1, 1))  # touched, same bytes: still done
    result, skipped, redone = resume()
    assert result.exit_code == 0, result.output
    assert skipped == 2 and redone == {"corpus/b.txt": "output missing"}
    assert "--resume: 2 inputs already done and skipped, 1 cleaned again (1 output missing)" in result.stderr
    assert (job / "out" / "b.txt").read_text() == "b: " + CLEAN


def test_an_input_replaced_by_an_older_copy_is_cleaned_again(job):
    # Restored from a backup, with its old date: older than its output, and
    # the same size, but not what the output was made from.
    source = job / "corpus" / "a.txt"
    source.write_text(source.read_text().replace("met", "sat"))
    os.utime(source, ns=(1, 1))
    result, skipped, redone = resume()
    assert redone == {"corpus/a.txt": "input changed"} and skipped == 2
    assert "sat" in (job / "out" / "a.txt").read_text()


def test_other_options_a_changed_rule_pack_or_a_changed_output_are_made_again(job):
    result, skipped, redone = resume("--skip", "fix_encoding")
    assert skipped == 0 and set(redone.values()) == {"other options"}
    assert "â€™" in (job / "out" / "a.txt").read_text()
    (job / "rules.toml").write_text('[[house]]\nid = "x"\nshape = "line"\npattern = "nothing here"\n')
    assert resume("--rules", "rules.toml")[2] == dict.fromkeys(redone, "other options")
    assert resume("--rules", "rules.toml")[1] == 3  # the same pack: done
    (job / "rules.toml").write_text('[[house]]\nid = "x"\nshape = "line"\npattern = "something else"\n')
    assert set(resume("--rules", "rules.toml")[2].values()) == {"other options"}
    (job / "out" / "c.txt").write_text("edited by hand\n")
    assert resume("--rules", "rules.toml")[2] == {"corpus/c.txt": "output changed"}


def test_outputs_of_another_version_are_made_again(job):
    path = job / "out" / MANIFEST_NAME
    path.write_text(path.read_text().replace('"normalize": "', '"normalize": "0.0.1-'))
    result, skipped, redone = resume()
    assert skipped == 0 and set(redone.values()) == {"another version of normalize"}


def test_without_a_manifest_nothing_is_skipped_with_a_warning(job):
    (job / "out" / MANIFEST_NAME).unlink()
    result, skipped, redone = resume()
    assert result.exit_code == 0 and skipped == 0
    assert f"warning: --resume: out has no manifest ({MANIFEST_NAME})" in result.stderr
    assert resume()[1] == 3  # the run kept a new one


def test_resume_into_one_file_cleans_it_again_and_says_why(job):
    result = run("corpus/a.txt", "-o", "a.out", "--resume")
    assert result.exit_code == 0 and os.path.exists("a.out")
    assert "--resume: only an output folder keeps a manifest: a.out is cleaned again" in result.stderr
    assert sorted(os.listdir(".")) == ["a.out", "corpus", "out"]


@pytest.mark.parametrize("damage", [
    b"\x00\xff garbage\n",
    b'{"output": "a.txt"}\n',
    b'{"output": "a.txt", "inp',  # cut half-way
    b"[1, 2]\n",
])
def test_a_damaged_manifest_means_nothing_is_skipped_never_a_crash(job, damage):
    with open(job / "out" / MANIFEST_NAME, "ab") as stream:
        stream.write(damage)
    result, skipped, redone = resume()
    assert result.exit_code == 0 and skipped == 0 and "Traceback" not in result.output
    assert f"out/{MANIFEST_NAME} is damaged" in result.stderr and "every input is cleaned again" in result.stderr
    assert resume()[1] == 3  # it started afresh


HOLDER = """
import sys
from normalize.jobs.batch import Options
from normalize.jobs.manifest import Manifest
held = Manifest(sys.argv[1], Options())
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_second_run_into_a_folder_in_use_is_refused_naming_the_first(job):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(job / "out")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"holding\n"
        result = run("corpus", "-o", "out")
        assert result.exit_code == 1
        assert f"out: another normalize run (process {holder.pid}" in result.stderr
        assert "wait for it to end, or write elsewhere" in result.stderr
        with pytest.raises(Busy):
            Manifest(str(job / "out"), Options())
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert run("corpus", "-o", "out").exit_code == 0  # the lock went with its process


def test_the_manifest_is_compacted_and_still_trusted(job, monkeypatch):
    monkeypatch.setattr(manifest_module, "COMPACT_MIN_LINES", 10)
    for _ in range(5):
        assert run("corpus", "-o", "out").exit_code == 0
    lines = (job / "out" / MANIFEST_NAME).read_text().splitlines()
    assert len(lines) <= 2 * 3 + 2
    assert resume()[1] == 3
    assert sorted(p.name for p in (job / "out").iterdir()) == [MANIFEST_NAME, "a.txt", "b.txt", "c.txt"]
