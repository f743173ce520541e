"""The package's layout rules (STYLE.md): the core imports no jobs/, views/
or CLI, and jobs/ and views/ run without click."""
import subprocess
import sys


def imported_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    )
    return set(done.stdout.split())


def test_the_core_imports_no_jobs_views_or_command_line():
    loaded = imported_after("import normalize; normalize.clean('a  b'); list(normalize.clean_lines(['x\\n']))")
    outside = {name for name in loaded if name.startswith(("normalize.jobs", "normalize.views", "normalize.cli"))}
    assert outside == set() and "click" not in loaded and "tqdm" not in loaded


def test_jobs_and_views_work_without_click():
    # With click made unimportable, a whole run through jobs/ still works.
    code = (
        "import sys; sys.modules['click'] = None\n"
        "import io, normalize.jobs.batch as b, normalize.views.review, normalize.views.report\n"
        "from normalize.jobs.planning import Task\n"
        "out = io.BytesIO()\n"
        "run = b.Batch(b.Options(), stdin=io.BytesIO(b'a  b\\n'), stdout=out)\n"
        "events = list(run.run([Task('-', None)]))\n"
        "assert out.getvalue() == b'a b\\n', out.getvalue()\n"
    )
    loaded = imported_after(code)
    assert "normalize.jobs.batch" in loaded and "normalize.cli" not in loaded


def test_the_installed_command_loads_the_cli_package():
    from importlib.metadata import entry_points

    from normalize.cli import main

    (script,) = [point for point in entry_points(group="console_scripts") if point.name == "normalize"]
    assert script.value == "normalize.cli:main" and script.load() is main
