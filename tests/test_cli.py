"""The command line, through click's CliRunner: each option, each exit code."""
import json
import os
import re
import sys
import types

import pytest
from click.testing import CliRunner

import normalize
from normalize import Config
from normalize.cli import load_config, main

RAW = "Vietnamâ€™s  officials met.\n\n\n\nThey agreed &amp; left.\n"
CLEAN = "Vietnam’s officials met.\n\nThey agreed & left.\n"
HOUSE_RULES = """
[[house]]
id = "crossword"
shape = "line"
pattern = '''turn to page \\d+ for the crossword\\.?'''
"""


def run(*args, input=None, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, **kwargs)


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


# --- inputs and outputs


def test_stdin_to_stdout():
    result = run(input=RAW)
    assert result.exit_code == 0 and result.stdout == CLEAN and result.stderr == ""


def test_dash_is_stdin_and_dash_output_is_stdout():
    result = run("-", "-o", "-", input=RAW)
    assert result.exit_code == 0 and result.stdout == CLEAN


def test_one_file_to_stdout_and_to_a_file(here):
    write(here / "a.txt", RAW)
    assert run("a.txt").stdout == CLEAN
    result = run("a.txt", "-o", "clean.txt")
    assert result.exit_code == 0 and result.stdout == ""
    assert (here / "clean.txt").read_text() == CLEAN


def test_several_files_go_into_a_folder(here):
    write(here / "a.txt", RAW)
    write(here / "sub" / "b.txt", "b  b\n")
    result = run("a.txt", "sub/b.txt", "-o", "out")
    assert result.exit_code == 0
    assert (here / "out" / "a.txt").read_text() == CLEAN
    assert (here / "out" / "b.txt").read_text() == "b b\n"


def test_a_folder_is_mirrored_with_glob(here):
    write(here / "corpus" / "a.txt", RAW)
    write(here / "corpus" / "x" / "y" / "b.txt", "b  b\n")
    write(here / "corpus" / "notes.md", "md  md\n")
    assert run("corpus", "-o", "out").exit_code == 0
    assert sorted(str(p.relative_to(here / "out")) for p in (here / "out").rglob("*") if p.is_file()) == [
        ".normalize-manifest.jsonl",  # what made each output, for --resume
        "a.txt",
        "x/y/b.txt",
    ]
    assert run("corpus", "-o", "md", "--glob", "*.md").exit_code == 0
    assert (here / "md" / "notes.md").read_text() == "md md\n"


def test_a_folder_where_nothing_matches_the_glob_fails_and_says_so(here):
    write(here / "pages" / "a.html", "<p>a</p>")
    write(here / "pages" / "sub" / "b.html", "<p>b</p>")
    write(here / "pages" / "notes.md", "md")
    for quiet in ([], ["-q"]):
        result = run("pages", "-o", "out", *quiet)
        assert result.exit_code == 1
        assert "pages: no file in this folder or below matches *.txt" in result.stderr
        assert "it holds 2 *.html, 1 *.md" in result.stderr and "--glob '*.html'" in result.stderr
        assert not (here / "out").exists()
    result = run("pages", "--jsonl", "-o", "out")
    assert result.exit_code == 1 and "matches *.jsonl" in result.stderr
    (here / "empty").mkdir()
    result = run("empty", "-o", "out")
    assert result.exit_code == 1 and "empty: no file" in result.stderr and "--glob" in result.stderr
    assert run("pages", "-o", "out", "--glob", "*.html").exit_code == 0


def test_an_empty_file_gives_an_empty_output(here):
    write(here / "empty.txt", "")
    assert run("empty.txt", "-o", "out.txt").exit_code == 0
    assert (here / "out.txt").read_text() == ""


def test_several_inputs_need_an_output_folder(here):
    write(here / "a.txt", RAW)
    write(here / "b.txt", RAW)
    result = run("a.txt", "b.txt")
    assert result.exit_code == 2 and "-o FOLDER" in result.stderr
    write(here / "corpus" / "c.txt", RAW)
    assert run("corpus").exit_code == 2


def test_output_onto_its_own_input_is_a_usage_error_and_touches_nothing(here):
    write(here / "a.txt", RAW)
    result = run("a.txt", "-o", "a.txt")
    assert result.exit_code == 2 and "--in-place" in result.stderr
    assert (here / "a.txt").read_text() == RAW


def test_a_missing_input_fails_alone(here):
    write(here / "a.txt", RAW)
    result = run("missing.txt", "a.txt", "-o", "out")
    assert result.exit_code == 1
    assert "missing.txt: no such file or folder" in result.stderr
    assert (here / "out" / "a.txt").read_text() == CLEAN


def test_an_output_folder_that_is_a_file_is_named(here):
    write(here / "a.txt", RAW)
    write(here / "file", "x")
    result = run("a.txt", "-o", "file/out.txt")
    assert result.exit_code == 1 and "file/out.txt: cannot write: file is not a folder" in result.stderr
    assert "Traceback" not in result.output


def test_an_output_folder_that_cannot_be_created_is_named(here):
    write(here / "a.txt", RAW)
    write(here / "b.txt", RAW)
    write(here / "file", "x")
    result = run("a.txt", "b.txt", "-o", "file/out")
    assert result.exit_code == 1 and "cannot create output folder file/out" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits")
def test_a_read_only_output_folder_fails_each_file_and_leaves_inputs(here):
    write(here / "a.txt", RAW)
    (here / "ro").mkdir()
    (here / "ro").chmod(0o500)
    try:
        result = run("a.txt", "-o", "ro/a.txt")
    finally:
        (here / "ro").chmod(0o700)
    assert result.exit_code == 1 and "permission denied" in result.stderr
    assert (here / "a.txt").read_text() == RAW


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits")
def test_an_unreadable_input_fails_alone(here):
    write(here / "a.txt", RAW)
    write(here / "secret.txt", RAW).chmod(0)
    result = run("secret.txt", "a.txt", "-o", "out")
    assert result.exit_code == 1 and "secret.txt: cannot read" in result.stderr
    assert (here / "out" / "a.txt").exists()


def test_mirroring_never_writes_through_a_symlink_out_of_the_output(here):
    write(here / "corpus" / "sub" / "a.txt", RAW)
    write(here / "corpus" / "b.txt", RAW)
    (here / "outside").mkdir()
    (here / "out").mkdir()
    (here / "out" / "sub").symlink_to(here / "outside")
    result = run("corpus", "-o", "out")
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert list((here / "outside").iterdir()) == []
    assert (here / "out" / "b.txt").read_text() == CLEAN


def test_a_stage_that_crashes_fails_its_input_alone(here, monkeypatch):
    from normalize import pipeline

    def crash(text, config):
        if "boom" in text:
            raise ValueError("spans overlap")
        return text, []

    monkeypatch.setitem(pipeline.STAGES, "split_words", crash)
    write(here / "a.txt", RAW)
    write(here / "boom.txt", "boom\n")
    result = run("a.txt", "boom.txt", "-o", "out")
    assert result.exit_code == 1
    assert "boom.txt: internal error while cleaning (ValueError: spans overlap)" in result.stderr
    assert (here / "out" / "a.txt").read_text() == CLEAN and not (here / "out" / "boom.txt").exists()


# --- decoding and hostile files


def test_undecodable_bytes_fail_the_file_with_its_offset_and_nothing_replaced(here):
    write(here / "a.txt", RAW)
    write(here / "bad.txt", b"ok line\ncaf\xe9\n")
    result = run("bad.txt", "a.txt", "-o", "out")
    assert result.exit_code == 1
    assert "bad.txt: not valid utf-8 at byte 11 (line 2)" in result.stderr
    assert not (here / "out" / "bad.txt").exists()
    assert (here / "out" / "a.txt").read_text() == CLEAN


def test_encoding_option_reads_cp1252_and_writes_utf8(here):
    write(here / "bad.txt", b"caf\xe9 \x93quoted\x94\n")
    result = run("bad.txt", "--encoding", "cp1252")
    assert result.exit_code == 0 and result.stdout == "café “quoted”\n"


def test_unknown_encoding_is_a_usage_error():
    result = run("--encoding", "klingon", input="x")
    assert result.exit_code == 2 and "unknown encoding" in result.stderr


def test_byte_order_marks(here):
    write(here / "bom8.txt", b"\xef\xbb\xbfHello  there\n")
    write(here / "bom16.txt", "\ufeffHello  there\n", "utf-16-le")
    assert run("bom8.txt").stdout == "Hello there\n"
    assert run("bom16.txt").stdout == "Hello there\n"


def test_crlf_cr_nul_and_control_characters(here):
    write(here / "a.txt", b"one\r\ntwo\rthr\x00ee\x07\n")
    result = run("a.txt")
    assert result.exit_code == 0 and result.stdout == "one\ntwo\nthree\n"


def test_binary_files_in_a_folder_are_skipped_with_a_warning_and_counted(here):
    write(here / "corpus" / "a.txt", RAW)
    write(here / "corpus" / "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200))
    write(here / "corpus" / "zeros.txt", bytes(5000))
    result = run("corpus", "-o", "out", "--report", "report.json")
    assert result.exit_code == 0
    assert "corpus/photo.txt: looks like a JPEG image, not text; skipped" in result.stderr
    assert sorted(p.name for p in (here / "out").iterdir()) == [".normalize-manifest.jsonl", "a.txt"]
    report = json.loads((here / "report.json").read_text())
    assert report["files"]["skipped"] == 2 and report["files"]["cleaned"] == 1
    assert "quiet" not in run("corpus", "-o", "out2", "--quiet").stderr
    assert run("corpus", "-o", "out3", "--quiet").stderr == ""


def _compressed_and_binary():
    import bz2
    import gzip
    import lzma

    records = b'{"text": "a  b"}\n' * 50
    yield "gzip", gzip.compress(records), "gzip -dc"
    yield "bzip2", bz2.compress(records), "bzip2 -dc"
    yield "xz", lzma.compress(records), "xz -dc"
    yield "zstd", b"(\xb5/\xfd" + bytes(60), "zstd -dc"
    yield "ZIP", b"PK\x03\x04\x14\x00" + bytes(60), "unzip"
    yield "PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdftotext"
    yield "GIF", b"GIF89a\x01\x00\x01\x00" + bytes(20), "leave it out"


@pytest.mark.parametrize("kind, data, advice", list(_compressed_and_binary()), ids=lambda v: str(v)[:6])
@pytest.mark.parametrize("jsonl", [False, True], ids=["text", "jsonl"])
@pytest.mark.parametrize("quiet", [False, True], ids=["", "quiet"])
def test_a_named_binary_input_fails_the_run_and_writes_nothing(here, kind, data, advice, jsonl, quiet):
    write(here / "data.in", data)
    write(here / "good.in", '{"text": "a  b"}\n')
    write(here / "out" / "data.in", "older output")
    os.utime(here / "data.in", ns=(1, 1))  # older than that output: --resume must not keep it
    old = (here / "out" / "data.in").stat().st_mtime_ns
    args = ["data.in", "good.in", "-o", "out", "--resume"] + ["--jsonl"] * jsonl + ["-q"] * quiet
    result = run(*args)
    assert result.exit_code == 1
    assert re.search(rf"data.in: looks like (an? )?{kind}", result.stderr) and advice in result.stderr
    assert "--encoding" not in result.stderr
    assert "out/data.in is left as it was: it is from an earlier run" in result.stderr
    assert result.stderr.splitlines()[-1] == "normalize: 1 of 2 inputs not cleaned (each named above)"
    assert (here / "out" / "data.in").read_text() == "older output"
    assert (here / "out" / "data.in").stat().st_mtime_ns == old
    assert (here / "out" / "good.in").exists()  # the other input is still done


def test_a_named_binary_input_to_a_file_writes_no_file(here):
    import gzip

    write(here / "data.jsonl", __import__("bz2").compress(b'{"text": "x"}\n'))  # compressed, not named so
    result = run("--jsonl", "data.jsonl", "-o", "out.jsonl", "--report", "report.json")
    assert result.exit_code == 1 and "bzip2 data" in result.stderr
    assert "name it data.jsonl.bz2 to have it read as compressed" in result.stderr
    assert not (here / "out.jsonl").exists()
    report = json.loads((here / "report.json").read_text())
    assert report["files"]["failed"] == 1 and "bzip2 data" in report["failures"][0]["reason"]
    result = run("-", input=gzip.compress(b"some text\n"))
    assert result.exit_code == 1 and "gzip -dc < FILE" in result.stderr and result.stdout == ""


def test_a_parquet_file_is_named_as_such(here):
    pyarrow = pytest.importorskip("pyarrow")
    import pyarrow.parquet

    pyarrow.parquet.write_table(pyarrow.table({"text": ["a  b", "c"], "id": [1, 2]}), here / "shard.jsonl")
    result = run("--jsonl", "shard.jsonl", "-o", "out.jsonl")
    assert result.exit_code == 1 and "looks like Parquet data, not JSON Lines" in result.stderr
    assert "--encoding" not in result.stderr and not (here / "out.jsonl").exists()


# --- in place


def test_in_place_with_backup(here):
    write(here / "a.txt", RAW)
    result = run("a.txt", "--in-place", "--backup", ".orig")
    assert result.exit_code == 0
    assert (here / "a.txt").read_text() == CLEAN
    assert (here / "a.txt.orig").read_text() == RAW


def test_in_place_never_overwrites_a_backup(here):
    write(here / "a.txt", RAW)
    write(here / "a.txt.orig", "the real original")
    result = run("a.txt", "--in-place", "--backup", ".orig")
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert (here / "a.txt").read_text() == RAW
    assert (here / "a.txt.orig").read_text() == "the real original"


def test_in_place_refuses_symlinks_and_stdin(here):
    write(here / "a.txt", RAW)
    (here / "link.txt").symlink_to(here / "a.txt")
    result = run("link.txt", "--in-place")
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert (here / "a.txt").read_text() == RAW
    assert run("-", "--in-place", input=RAW).exit_code == 2


def test_in_place_and_output_exclude_each_other(here):
    write(here / "a.txt", RAW)
    assert run("a.txt", "--in-place", "-o", "x.txt").exit_code == 2
    assert run("a.txt", "--backup", ".bak").exit_code == 2


# --- stages and configuration


def test_skip_and_only(here):
    write(here / "a.txt", RAW)
    assert run("a.txt", "--skip", "fix_encoding").stdout == "Vietnamâ€™s officials met.\n\nThey agreed &amp; left.\n"
    assert run("a.txt", "--only", "fix_encoding").stdout == RAW.replace("â€™", "’").replace("&amp;", "&")
    result = run("a.txt", "--only", "fix_encoding", "--skip", "split_words")
    assert result.exit_code == 2
    result = run("a.txt", "--skip", "fix_encodings")
    assert result.exit_code == 2 and "fix_encoding" in result.stderr


def test_config_file_and_pyproject(here):
    write(here / "a.txt", RAW)
    write(here / "normalize.toml", 'stages = ["normalize_whitespace"]\n')
    assert run("a.txt", "--config", "normalize.toml").stdout == "Vietnamâ€™s officials met.\n\nThey agreed &amp; left.\n"
    write(here / "pyproject.toml", '[project]\nname = "x"\n\n[tool.normalize]\nstages = ["fix_encoding"]\n')
    assert run("a.txt").stdout == RAW.replace("â€™", "’").replace("&amp;", "&")


def test_config_paths_are_relative_to_the_config_file(here):
    write(here / "conf" / "house.toml", HOUSE_RULES)
    write(here / "conf" / "normalize.toml", 'leftover_rules = ["house.toml"]\n')
    write(here / "a.txt", "The talks ended.\nTurn to page 7 for the crossword.\n")
    assert run("a.txt", "--config", "conf/normalize.toml").stdout == "The talks ended.\n"


@pytest.mark.parametrize(
    "toml, message",
    [
        ("colour = 1\n", "unknown key 'colour'"),
        ('stages = ["fix_encodings"]\n', "unknown stage 'fix_encodings'"),
        ("stages = [\n", "not valid TOML"),
    ],
)
def test_a_bad_config_is_a_usage_error_before_any_file_is_touched(here, toml, message):
    write(here / "a.txt", RAW)
    write(here / "bad.toml", toml)
    result = run("a.txt", "--config", "bad.toml", "-o", "out.txt")
    assert result.exit_code == 2 and message in result.stderr
    assert not (here / "out.txt").exists()


def test_user_rules_remove_their_leftovers(here):
    write(here / "house.toml", HOUSE_RULES)
    write(here / "a.txt", "The talks ended.\nTurn to page 7 for the crossword.\n")
    result = run("a.txt", "--rules", "house.toml", "--explain")
    assert "remove_leftovers/house/crossword" in result.stdout
    assert run("a.txt", "--rules", "house.toml").stdout == "The talks ended.\n"


@pytest.mark.parametrize(
    "pack, message",
    [
        ("[[house]]\nid = 'x'\npattern = '(unclosed'\n", "invalid pattern"),
        ("[[house]]\nid = 'x'\npattern = '(a+)+$'\nshape = 'nonsense'\n", "shape"),
        ("not toml [", "not valid TOML"),
    ],
)
def test_a_bad_rule_pack_is_a_usage_error_before_any_file_is_touched(here, pack, message):
    write(here / "a.txt", RAW)
    write(here / "bad.toml", pack)
    result = run("a.txt", "--rules", "bad.toml", "-o", "out.txt")
    assert result.exit_code == 2 and message in result.stderr and "bad.toml" in result.stderr
    assert not (here / "out.txt").exists()


def test_a_pattern_that_backtracks_badly_is_cut_off_and_named(here):
    # Caught before any input is read when the rules probe user patterns
    # (exit 2), or at the first line it stalls on (exit 1): never a hang,
    # never a half-written output.
    write(here / "slow.toml", "[[house]]\nid = 'slow'\npattern = '(a|aa)+b'\n")
    write(here / "a.txt", "a" * 40 + "!\n")
    result = run("a.txt", "--rules", "slow.toml", "-o", "out.txt")
    assert result.exit_code in (1, 2) and "house/slow" in result.stderr
    assert not (here / "out.txt").exists()


def test_a_missing_rule_pack_is_a_usage_error(here):
    write(here / "a.txt", RAW)
    result = run("a.txt", "--rules", "nope.toml")
    assert result.exit_code == 2 and "nope.toml" in result.stderr


def test_no_builtin_rules_keeps_builtin_leftovers(here):
    write(here / "a.txt", "The talks ended.\nLeave your comment on an article\n")
    assert run("a.txt").stdout == "The talks ended.\n"
    assert run("a.txt", "--no-builtin-rules").stdout == "The talks ended.\nLeave your comment on an article\n"


def test_splitter_options_reach_the_config(here):
    write(here / "protected.txt", "# names\nMogherini\nHanoi  # city\n")
    write(here / "vocab.txt", "defence\n")
    config = load_config(
        protect=("EuroCham",), protected_words="protected.txt", vocabulary="vocab.txt", any_language=True
    )
    assert config.protected_words == {"eurocham", "mogherini", "hanoi"}
    assert config.vocabulary_file == "vocab.txt" and config.english_only is False
    write(here / "a.txt", RAW)
    args = ["a.txt", "--protect", "EuroCham", "--protected-words", "protected.txt", "--vocabulary", "vocab.txt"]
    assert run(*args, "--any-language").exit_code == 0


def test_an_unreadable_vocabulary_is_a_usage_error(here):
    result = run("--vocabulary", "missing.txt", input=RAW)
    assert result.exit_code == 2 and "missing.txt" in result.stderr


# --- seeing what changed


def test_diff_prints_a_unified_diff_of_changed_documents_only(here):
    write(here / "a.txt", RAW)
    write(here / "b.txt", "Already clean.\n")
    result = run("a.txt", "b.txt", "--diff")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["--- a.txt", "+++ a.txt (cleaned)"]
    assert "-Vietnamâ€™s  officials met." in lines and "+Vietnam’s officials met." in lines
    assert "b.txt" not in result.stdout
    assert "\x1b[" not in result.stdout
    assert not (here / "a.txt.orig").exists()


def test_diff_is_coloured_on_a_terminal(here):
    write(here / "a.txt", RAW)
    result = run("a.txt", "--diff", color=True)
    assert "\x1b[31m-Vietnamâ€™s" in result.stdout and "\x1b[32m+Vietnam’s" in result.stdout


def test_explain_lists_each_edit(here):
    write(here / "a.txt", RAW)
    write(here / "b.txt", "Already clean.\n")
    result = run("a.txt", "b.txt", "--explain")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "==> a.txt <=="
    assert "fix_encoding/mojibake: 'â€™' → '’'" in result.stdout
    assert "normalize_whitespace/space_runs: '  ' → ' '" in result.stdout
    assert "==> b.txt <==\nno changes\n" in result.stdout


def test_diff_and_explain_do_not_write(here):
    write(here / "a.txt", RAW)
    assert run("a.txt", "--diff", "-o", "out.txt").exit_code == 2
    assert run("a.txt", "--explain", "--in-place").exit_code == 2
    assert run("a.txt", "--explain", "--diff").exit_code == 2


def test_report_contents(here):
    write(here / "corpus" / "a.txt", RAW)
    write(here / "corpus" / "b.txt", "Already clean.\n")
    write(here / "corpus" / "bad.txt", b"caf\xe9\n")
    result = run("corpus", "-o", "out", "--report", "report.json")
    assert result.exit_code == 1
    report = json.loads((here / "report.json").read_text())
    assert report["files"] == {"cleaned": 2, "failed": 1, "skipped": 0, "already_done": 0, "no_article": 0}
    assert report["documents"] == {"cleaned": 2, "changed": 1, "rejected": 0}
    assert report["bytes"]["read"] == len(RAW.encode()) + len("Already clean.\n") + 5
    assert report["bytes"]["written"] == len(CLEAN.encode()) + len("Already clean.\n")
    edits = normalize.clean_and_explain(RAW).edits
    assert report["edits"]["total"] == len(edits)
    assert report["edits"]["by_stage"]["fix_encoding"] == sum(e.stage == "fix_encoding" for e in edits)
    assert report["edits"]["by_rule"]["fix_encoding/mojibake"] == 1
    removed = [e for e in edits if e.stage == "remove_leftovers"]
    assert report["edits"]["leftovers_by_family"] == {
        family: {"removals": sum(e.rule.startswith(family + "/") for e in removed),
                 "characters": sum(len(e.removed) for e in removed if e.rule.startswith(family + "/"))}
        for family in {e.rule.split("/")[0] for e in removed}
    }
    assert report["failures"] == [
        {"input": "corpus/bad.txt", "reason": report["failures"][0]["reason"]}
    ] and "byte 3" in report["failures"][0]["reason"]
    assert report["seconds"] >= 0 and report["interrupted"] is False
    assert report["config"]["stages"] == list(normalize.STAGE_NAMES)


def test_review_page_structure(here):
    write(here / "corpus" / "a.txt", RAW + "Leave your comment on an article\n")
    write(here / "corpus" / "b.txt", "Already clean.\n")
    result = run("corpus", "-o", "out", "--review", "review.html")
    assert result.exit_code == 0
    page = (here / "review.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('<section class="doc"') == 1 and "corpus/a.txt" in page and "corpus/b.txt" not in page
    assert '<del class="s-fix_encoding" title="fix_encoding/mojibake at 1:8">â€™</del>' in page
    assert '<ins class="s-fix_encoding" title="fix_encoding/mojibake at 1:8">’</ins>' in page
    assert 'class="s-remove_leftovers"' in page and "Leave your comment" in page
    assert "<th>input</th><th>output</th>" in page
    assert "1 document changed, 1 unchanged" in page
    # Self-contained: no scripts, no outside resources.
    assert "<script" not in page and "src=" not in page and "http" not in page


# --- JSON Lines


RECORDS = [
    '{"id": 1, "meta": {"body": "Vietnamâ€™s  talks", "lang": "en"}, "score": 0.50}',
    '{"id": 2, "meta": {"body": "caf&eacute;"}, "score": 1e-3}',
]


def test_jsonl_cleans_a_nested_field_and_passes_the_rest_through(here):
    write(here / "in.jsonl", "\n".join(RECORDS) + "\n\n")
    result = run("in.jsonl", "--jsonl", "--field", "meta.body")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        '{"id": 1, "meta": {"body": "Vietnam’s talks", "lang": "en"}, "score": 0.50}',
        '{"id": 2, "meta": {"body": "café"}, "score": 1e-3}',
    ]


def test_jsonl_edits_field_lets_restore_rebuild_the_field(here):
    write(here / "in.jsonl", RECORDS[0] + "\n")
    result = run("in.jsonl", "--jsonl", "--field", "meta.body", "--edits-field", "edits")
    record = json.loads(result.stdout)
    edits = tuple(normalize.Edit(**edit) for edit in record["edits"])
    assert normalize.restore(normalize.Cleaned(record["meta"]["body"], edits)) == "Vietnamâ€™s  talks"
    # Each edit also says where it sits in the field as it was read.
    assert [("Vietnamâ€™s  talks"[edit["original_start"]:edit["original_end"]], edit["removed"]) for edit in record["edits"]] == [
        ("â€™", "â€™"), ("  ", "  ")]


def test_jsonl_default_field_and_bom(here):
    write(here / "in.jsonl", b'\xef\xbb\xbf{"text": "a  b"}\n')
    result = run("in.jsonl", "--jsonl")
    assert result.exit_code == 0 and result.stdout == '{"text": "a b"}\n'


BAD_RECORDS = [
    '{"text": "one  ok"}',
    "not json",
    '{"title": "no text field"}',
    '{"text": 42}',
    '{"text": "five  ok"}',
]


def test_jsonl_on_error_fail_names_the_line_and_writes_nothing(here):
    write(here / "in.jsonl", "\n".join(BAD_RECORDS) + "\n")
    result = run("in.jsonl", "--jsonl", "-o", "out.jsonl")
    assert result.exit_code == 1
    assert "in.jsonl:2: not valid JSON" in result.stderr
    assert not (here / "out.jsonl").exists()


def test_jsonl_on_error_skip_writes_the_rest_and_the_rejects(here):
    write(here / "in.jsonl", "\n".join(BAD_RECORDS) + "\n")
    result = run("in.jsonl", "--jsonl", "-o", "out.jsonl", "--on-error", "skip", "--rejects", "rejects.jsonl",
                 "--report", "report.json")
    assert result.exit_code == 1
    assert (here / "out.jsonl").read_text() == '{"text": "one ok"}\n{"text": "five ok"}\n'
    assert (here / "rejects.jsonl").read_text().splitlines() == BAD_RECORDS[1:4]
    for line, reason in [(2, "not valid JSON"), (3, "no field 'text'"), (4, "field 'text' is a number")]:
        assert f"in.jsonl:{line}: {reason}" in result.stderr
    report = json.loads((here / "report.json").read_text())
    assert report["documents"]["rejected"] == 3 and report["documents"]["cleaned"] == 2
    assert [f["line"] for f in report["failures"]] == [2, 3, 4]


def test_resume_with_rejects_keeps_the_earlier_runs_rejects_each_once(here):
    write(here / "in" / "a.jsonl", '{"text": "a  ok"}\nnot json a\n')
    write(here / "in" / "b.jsonl", '{"text": "b  ok"}\nnot json b\n')
    (here / "out" / "b.jsonl").mkdir(parents=True)  # b's output cannot be written: b fails
    args = ["in", "--jsonl", "-o", "out", "--on-error", "skip", "--rejects", "rejects.jsonl"]

    first = run(*args)
    assert first.exit_code == 1
    # b's record is not in the file: b has no output, and the next run reads b again.
    assert (here / "rejects.jsonl").read_text() == "not json a\n"

    (here / "out" / "b.jsonl").rmdir()
    second = run(*args, "--resume")
    assert second.exit_code == 1 and "in/b.jsonl:2" in second.stderr and "in/a.jsonl" not in second.stderr
    assert (here / "out" / "b.jsonl").read_text() == '{"text": "b ok"}\n'
    assert (here / "rejects.jsonl").read_text() == "not json a\nnot json b\n"

    assert run(*args, "--resume").exit_code == 0  # all done: the file stays as it was
    assert (here / "rejects.jsonl").read_text() == "not json a\nnot json b\n"


def test_an_input_with_rejects_is_in_the_manifest_only_once_they_are_in_the_rejects_file(here):
    """What a kill -9 in the middle of a run leaves: a's output is written,
    but neither its rejected record nor a manifest line saying it is done,
    so --resume makes a again and its record reaches the rejects file."""
    import shutil

    from normalize.jobs.batch import Batch, Options
    from normalize.jobs.events import Shown
    from normalize.jobs.manifest import MANIFEST_NAME
    from normalize.jobs.planning import plan

    write(here / "in" / "a.jsonl", '{"text": "a  ok"}\nnot json a\n')
    write(here / "in" / "b.jsonl", '{"text": "b  ok"}\n')
    (here / "out").mkdir()
    tasks = plan(["in"], output="out", pattern="*.jsonl").tasks
    run_ = Batch(Options(jsonl=True, on_error="skip", rejects=str(here / "rejects.jsonl"))).run(tasks)
    try:
        for event in run_:
            if isinstance(event, Shown) and event.label.startswith("in/b.jsonl"):
                break  # a is done and written: kill -9 here
        assert (here / "out" / "a.jsonl").read_text() == '{"text": "a ok"}\n'
        assert not (here / "rejects.jsonl").exists()
        assert "a.jsonl" not in (here / "out" / MANIFEST_NAME).read_text()
        shutil.copytree(here / "out", here / "killed")
        list(run_)
    finally:
        run_.close()
    assert (here / "rejects.jsonl").read_text() == "not json a\n"
    assert '"output": "a.jsonl"' in (here / "out" / MANIFEST_NAME).read_text()

    result = run("in", "--jsonl", "-o", "killed", "--on-error", "skip", "--rejects", "resumed.jsonl", "--resume")
    assert result.exit_code == 1 and "in/a.jsonl:2" in result.stderr
    assert (here / "resumed.jsonl").read_text() == "not json a\n"


def test_a_run_without_resume_rewrites_the_rejects_file(here):
    write(here / "rejects.jsonl", "from an earlier run\n")
    result = run("--jsonl", "--on-error", "skip", "--rejects", "rejects.jsonl", input='{"text": "fine"}\n')
    assert result.exit_code == 0
    assert (here / "rejects.jsonl").read_text() == ""


def test_jsonl_undecodable_line_is_named(here):
    write(here / "in.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    result = run("in.jsonl", "--jsonl", "--on-error", "skip")
    assert result.exit_code == 1 and "in.jsonl:2: not valid utf-8 at byte 28" in result.stderr
    assert result.stdout == '{"text": "ok"}\n'


def test_jsonl_binary_input_fails_before_it_is_read_as_lines():
    result = run("--jsonl", input=b"\x89PNG\r\n\x1a\n" + bytes(100_000))
    assert result.exit_code == 1 and "looks like a PNG image, not JSON Lines" in result.stderr
    assert result.stdout == ""


def test_jsonl_only_options_need_jsonl(here):
    for args in (["--field", "x"], ["--edits-field", "e"], ["--on-error", "skip"]):
        assert run(*args, input="x").exit_code == 2
    assert run("--jsonl", "--rejects", "r.jsonl", input="{}").exit_code == 2


def test_jsonl_folder_mirrors_jsonl_files(here):
    write(here / "data" / "part-1.jsonl", RECORDS[0] + "\n")
    write(here / "data" / "readme.txt", "not records\n")
    assert run("data", "--jsonl", "--field", "meta.body", "-o", "out").exit_code == 0
    assert sorted(p.name for p in (here / "out").iterdir()) == [".normalize-manifest.jsonl", "part-1.jsonl"]


# --- jobs, resume, progress


def test_jobs_keep_output_order(here):
    for i in range(12):
        write(here / "corpus" / f"{i:02}.txt", f"Text  {i}\n\n\nLeave your comment on an article\n")
    assert run("corpus", "--explain").exit_code == 0
    one = run("corpus", "--explain").stdout
    assert run("corpus", "--explain", "--jobs", "2").stdout == one
    records = "".join(json.dumps({"text": f"record  {i}"}) + "\n" for i in range(600))
    single = run("--jsonl", input=records).stdout
    assert run("--jsonl", "--jobs", "2", input=records).stdout == single
    assert single.count("\n") == 600


def test_resume_skips_complete_outputs(here):
    write(here / "corpus" / "a.txt", RAW)
    write(here / "corpus" / "b.txt", RAW)
    assert run("corpus", "-o", "out").exit_code == 0
    (here / "out" / "b.txt").unlink()
    os.utime(here / "corpus" / "a.txt", ns=(1, 1))
    result = run("corpus", "-o", "out", "--resume", "--report", "report.json")
    assert result.exit_code == 0
    report = json.loads((here / "report.json").read_text())
    assert report["files"]["already_done"] == 1 and report["files"]["cleaned"] == 1
    assert (here / "out" / "b.txt").read_text() == CLEAN
    assert run("corpus", "--resume", "--diff").exit_code == 2


def test_progress_bar_only_on_a_terminal_for_files(here, monkeypatch):
    write(here / "corpus" / "a.txt", RAW)
    assert run("corpus", "-o", "out").stderr == ""
    monkeypatch.setattr("normalize.cli.show._is_terminal", lambda stream: True)
    assert "normalize" in run("corpus", "-o", "out2").stderr
    assert run("corpus", "-o", "out3", "--quiet").stderr == ""
    assert run("-", input=RAW).stderr == ""


def test_large_input_is_streamed_in_blocks(here, monkeypatch):
    monkeypatch.setattr("normalize.streaming.WHOLE_TEXT_LIMIT", 1000)
    monkeypatch.setattr("normalize.streaming.BLOCK_LIMIT", 200)
    paragraph = "Vietnamâ€™s  officials met.\nThey talked.\n\n\n"
    write(here / "big.txt", paragraph * 100)
    expected = normalize.clean(paragraph * 100)
    assert run("big.txt").stdout == expected
    assert run("big.txt", "-o", "out.txt").exit_code == 0
    assert (here / "out.txt").read_text() == expected
    assert run("big.txt", "--jobs", "2").stdout == expected
    assert run("-", input=paragraph * 100).stdout == expected
    diff = run("big.txt", "--diff").stdout
    assert diff.count("--- big.txt") == 1 and diff.count("@@") == 2 * 100
    # Each hunk's line numbers point into the whole file, not into its block.
    raw_lines, out_lines = (paragraph * 100).splitlines(), expected.splitlines()
    for hunk in re.finditer(r"^@@ -(\d+),\d+ \+(\d+),\d+ @@\n-(.*)\n\+(.*)$", diff, re.M):
        assert raw_lines[int(hunk[1]) - 1] == hunk[3] and out_lines[int(hunk[2]) - 1] == hunk[4]


def test_explain_and_review_of_a_large_input_point_into_the_whole_file(here, monkeypatch):
    monkeypatch.setattr("normalize.streaming.WHOLE_TEXT_LIMIT", 1000)
    monkeypatch.setattr("normalize.streaming.BLOCK_LIMIT", 200)
    raw = "".join(f"Article {n}: Vietnamâ€™s  officials met inHanoi.\n\n" for n in range(60))
    write(here / "big.txt", raw)
    lines = raw.splitlines()
    places = re.findall(r"^(\S+): '(.*?)' → .* at (\d+):(\d+)  ", run("big.txt", "--explain").stdout, re.M)
    assert len(places) == 3 * 60
    for rule, removed, line, column in places:
        text = lines[int(line) - 1][int(column) - 1:]
        assert text.startswith(removed) and (rule != "split_words/split_camel_case" or text.startswith("Hanoi"))
    run("big.txt", "-o", "out.txt", "--review", "review.html")
    titles = re.findall(r'<del class="s-fix_encoding" title="fix_encoding/mojibake at (\d+):(\d+)">',
                        (here / "review.html").read_text())
    assert len(titles) == 60 and all(lines[int(line) - 1][int(column) - 1:].startswith("â€™") for line, column in titles)


def test_large_input_with_a_bad_byte_far_in_writes_nothing_to_stdout(here, monkeypatch):
    monkeypatch.setattr("normalize.streaming.WHOLE_TEXT_LIMIT", 1000)
    write(here / "big.txt", ("Clean line.\n" * 500).encode() + b"caf\xe9\n")
    result = run("big.txt")
    assert result.exit_code == 1 and result.stdout == "" and "byte 6003" in result.stderr


# --- Dask


def test_scheduler_without_dask_says_what_to_install(here, monkeypatch):
    monkeypatch.setitem(sys.modules, "normalize.cluster", None)
    write(here / "corpus" / "a.txt", RAW)
    result = run("corpus", "-o", "out", "--scheduler", "local")
    assert result.exit_code == 2 and "normalize-text[dask]" in result.stderr
    assert not (here / "out" / "a.txt").exists()


def test_scheduler_cleans_every_kind_of_input_the_local_run_cleans(here, monkeypatch):
    import gzip

    seen = {}

    def map_on_dask(fn, shared, items, scheduler):
        seen["scheduler"], seen["config"] = scheduler, shared
        for item in items:  # the cluster's part, done here
            yield None if item is None else fn(shared, item)

    monkeypatch.setitem(sys.modules, "distributed", types.SimpleNamespace())
    monkeypatch.setitem(sys.modules, "normalize.cluster", types.SimpleNamespace(map_on_dask=map_on_dask))
    records = "".join(json.dumps({"id": i, "text": text}) + "\n" for i, text in enumerate([RAW, "ok  then", RAW]))
    write(here / "corpus" / "a.jsonl.gz", gzip.compress(records.encode("utf-8")))
    write(here / "corpus" / "b.jsonl", records + "not json\n")
    write(here / "corpus" / "c.jsonl", b"\x89PNG\r\n\x1a\n" + bytes(10))
    args = ["corpus", "--jsonl", "--on-error", "skip", "--skip", "split_words"]

    here_run = run(*args, "-o", "local", "--report", "local.json")
    cluster_run = run(*args, "-o", "out", "--scheduler", "tcp://127.0.0.1:8786", "--report", "out.json")

    assert cluster_run.exit_code == here_run.exit_code == 1
    assert seen["scheduler"] == "tcp://127.0.0.1:8786" and "split_words" not in seen["config"].stages
    for name in ("a.jsonl.gz", "b.jsonl"):
        assert (here / "out" / name).read_bytes() == (here / "local" / name).read_bytes()
    assert not (here / "out" / "c.jsonl").exists()
    report, local = (json.loads((here / name).read_text())["edits"] for name in ("out.json", "local.json"))
    assert report == local and report["total"] > 0
    assert run("corpus", "-o", "o2", "--scheduler", "local", "--jobs", "2").exit_code == 2


@pytest.mark.slow
def test_scheduler_runs_on_a_local_dask_cluster(here):
    pytest.importorskip("normalize.cluster")
    pytest.importorskip("distributed")
    import gzip

    write(here / "corpus" / "a.txt", RAW)
    write(here / "corpus" / "b.txt.gz", gzip.compress("Fish &amp; chips  today.\n".encode("utf-8")))
    result = run("corpus", "-o", "out", "--scheduler", "local")
    assert result.exit_code == 0, result.output
    assert (here / "out" / "a.txt").read_text() == normalize.clean(RAW)
    assert gzip.decompress((here / "out" / "b.txt.gz").read_bytes()).decode() == normalize.clean("Fish &amp; chips  today.\n")


# --- help


def test_version_and_help():
    assert run("--version").stdout.startswith("normalize, version")
    result = run("--help")
    assert result.exit_code == 0 and "Exit codes" in result.stdout


def test_every_option_is_in_help_and_in_the_reference():
    readme = (os.path.join(os.path.dirname(__file__), "..", "docs", "cli.md"))
    readme = open(readme, encoding="utf-8").read()
    help_text = run("--help").stdout
    missing = []
    for param in main.params:
        for name in param.opts:
            if name.startswith("--") and (name not in help_text or f"`{name}" not in readme):
                missing.append(name)
    assert missing == []


def test_jsonl_records_carry_their_damage_estimate(here):
    write(here / "a.jsonl", '{"text": "The officials exchangedviews inHanoi."}\n{"text": "Clean."}\n')
    result = run("a.jsonl", "--jsonl", "--damage-field", "damage", "-o", "out.jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in (here / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[0]["damage"] > 0 and records[1]["damage"] == 0.0
    assert run("a.txt", "--damage-field", "damage").exit_code == 2  # needs --jsonl


def test_an_interrupted_run_says_how_far_it_got_and_how_to_finish():
    from normalize.cli.show import interrupted_line
    from normalize.jobs.planning import Task
    from normalize.views.report import Report

    report = Report()
    report.files.update(cleaned=2, already_done=1)
    into_folder = [Task(f"in/{i}.txt", f"out/{i}.txt", "out") for i in range(5)]
    assert interrupted_line(report, into_folder).endswith(
        "interrupted after 3 of 5 inputs; no half-written file was left: "
        "the same command with --resume finishes the other 2")
    in_place = [Task(f"in/{i}.txt", f"in/{i}.txt") for i in range(5)]
    assert interrupted_line(report, in_place).endswith("; the other 2 are as they were")
    assert "run the same command again" in interrupted_line(Report(), [Task("in.txt", "out.txt")])
    assert "standard output is incomplete" in interrupted_line(Report(), [Task("in.txt", None)])


def test_report_counts_leftovers_by_family(here):
    text = ("The council met on Monday and approved the budget for next year.\n"
            "Share this article\nLeave a comment\nRelated articles\n")
    write(here / "a.txt", text)
    result = run("a.txt", "-o", "out.txt", "--report", "report.json")
    assert result.exit_code == 0
    families = json.loads((here / "report.json").read_text())["edits"]["leftovers_by_family"]
    removed = [e for e in normalize.clean_and_explain(text).edits if e.stage == "remove_leftovers"]
    assert set(families) == {"share", "comment_prompt", "read_more"}
    assert sum(f["removals"] for f in families.values()) == len(removed)
    assert sum(f["characters"] for f in families.values()) == sum(len(e.removed) for e in removed)
