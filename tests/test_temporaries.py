"""Temporary files: named so that a stale one is known, and swept (normalize.jobs.temporaries)."""
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from normalize.jobs import temporaries
from normalize.jobs.temporaries import NAME_MAX, TEMP_SUFFIX, is_gone, sweep, temp_name, this_writer, writer_of
from normalize.jobs.writing import AtomicWriter


def ended_process() -> int:
    """The process id of a process that has ended (and been waited for)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_temporary_says_whose_it_is():
    name = temp_name("out.txt")
    assert name.startswith(".out.txt~") and name.endswith(TEMP_SUFFIX)
    assert writer_of(name) == this_writer()
    assert writer_of(".out.txt.0123456789abcdef" + TEMP_SUFFIX) is None  # an earlier version's: unknown
    assert writer_of("out.txt") is None


def test_a_long_name_still_makes_a_temporary_the_file_system_takes(tmp_path):
    long = "é" * 120 + ".txt"  # 244 bytes
    name = temp_name(long)
    assert len(name.encode()) <= NAME_MAX and writer_of(name) == this_writer()
    with AtomicWriter(str(tmp_path / long)) as writer:
        writer.write(b"whole")
    assert (tmp_path / long).read_bytes() == b"whole"


def test_only_writers_that_are_certainly_gone_are_gone():
    here = this_writer()
    assert not is_gone(here)
    assert is_gone(replace(here, pid=ended_process()))
    assert not is_gone(replace(here, host="elsewhere"))  # alive or not, we cannot tell
    assert not is_gone(replace(here, namespace=here.namespace + 1, pid=ended_process()))


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="start times come from /proc")
def test_a_process_id_used_again_is_not_the_writer():
    here = this_writer()
    assert here.start > 0
    assert is_gone(replace(here, start=here.start + 1))


def test_sweep_removes_the_temporaries_of_gone_writers_only(tmp_path, monkeypatch):
    here = this_writer()
    gone = replace(here, pid=ended_process())
    other = replace(here, host="elsewhere", pid=ended_process())
    names = {}
    for label, writer in {"gone": gone, "live": here, "other": other}.items():
        monkeypatch.setattr(temporaries, "this_writer", lambda writer=writer: writer)
        names[label] = temp_name(f"{label}.txt")
        (tmp_path / names[label]).write_text("half")
    monkeypatch.undo()
    (tmp_path / "keep.txt").write_text("an output")
    (tmp_path / (".old.txt.0123456789abcdef" + TEMP_SUFFIX)).write_text("whose? nobody can tell")
    removed = sweep(str(tmp_path))
    assert removed == [str(tmp_path / names["gone"])]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert names["gone"] not in left and {names["live"], names["other"], "keep.txt"} <= set(left)
