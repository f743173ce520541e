"""The README shows real runs: its commands and Python examples are run here.

Console blocks of "Command line" run one after another, with bash, in a copy
of fixtures/cli/; each `$ command` must print exactly the lines that follow
it (stdout and stderr together), where a line "..." stands for any lines.
Python blocks of "Streaming API" run in a copy of fixtures/cli/ too, and
those of "Pipelines" each in a new Python process there (datatrove, datasets
and Dask start worker processes of their own), offline, with the Hugging
Face cache in the test's folder.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK_RE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


def blocks(title: str, language: str) -> list[str]:
    return [body for lang, body in BLOCK_RE.findall(section(title)) if lang == language]


def commands(block: str) -> list[tuple[str, list[str]]]:
    runs: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], []))
        else:
            runs[-1][1].append(line)
    return runs


def matches(expected: list[str], got: list[str]) -> bool:
    if not expected:
        return not got
    if expected[0] == "...":
        return any(matches(expected[1:], got[skip:]) for skip in range(len(got) + 1))
    return bool(got) and expected[0] == got[0] and matches(expected[1:], got[1:])


@pytest.fixture
def examples(tmp_path, monkeypatch):
    folder = tmp_path / "cli"
    shutil.copytree(ROOT / "fixtures" / "cli", folder)
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.slow
def test_command_line_examples_print_what_the_readme_shows(examples):
    bin_folder = Path(sys.executable).parent
    if not (bin_folder / "normalize").exists():
        pytest.skip("the normalize command is not installed next to this Python (run `make test`)")
    env = dict(os.environ, PATH=f"{bin_folder}{os.pathsep}{os.environ['PATH']}", COLUMNS="100")
    env.pop("PYTHONWARNINGS", None)
    ran = 0
    for block in blocks("Command line", "console"):
        for command, expected in commands(block):
            done = subprocess.run(
                ["bash", "-c", "exec 2>&1\n" + command], cwd=examples, env=env, capture_output=True, text=True
            )
            got = done.stdout.splitlines()
            assert matches(expected, got), f"$ {command}\n--- README\n" + "\n".join(expected) + "\n--- got\n" + done.stdout
            ran += 1
    assert ran >= 10


@pytest.mark.parametrize("index", range(len(blocks("Streaming API", "python"))))
def test_streaming_examples_run(examples, index):
    code = blocks("Streaming API", "python")[index]
    if "pandas" in code:
        pytest.importorskip("pandas")
    exec(compile(code, f"README.md (Streaming API, example {index + 1})", "exec"), {"__name__": "readme_example"})


def test_guarantees_name_tests_that_exist():
    named = re.findall(r"`(tests/test_\w+\.py)::(\w+)`", section("Guarantees"))
    assert len(named) >= 15
    for path, name in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name} does not exist"


PIPELINES = "Pipelines: datatrove, Hugging Face datasets and Dask"


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(blocks(PIPELINES, "python"))))
def test_pipeline_examples_run(examples, index):
    code = blocks(PIPELINES, "python")[index]
    for tool in ("datatrove", "datasets", "dask"):
        if f"import {tool}" in code or f"from {tool}" in code:
            pytest.importorskip(tool, reason=f"needs the {tool} extra (installed by make test)")
    env = dict(os.environ, HF_HOME=str(examples / ".hf"), HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1")
    done = subprocess.run([sys.executable, "-c", code], cwd=examples, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"README.md ({PIPELINES}, example {index + 1}):\n{done.stderr[-3000:]}"
