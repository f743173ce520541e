"""Hostile input through the command line: a clear answer, never a traceback.

The full-size cases (a 100 MB line, 1 MB runs) are for the benchmarks; here
the same code paths run on inputs scaled down by lowering the block limits.
"""
import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize.cli import main

# Bytes that look like text often enough to get past the binary check:
# UTF-8 text, with now and then a byte that does not decode or a NUL.
text_like = st.lists(
    st.one_of(st.text(max_size=20).map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=3)),
    max_size=30,
).map(b"".join)
any_bytes = st.one_of(st.binary(max_size=400), text_like)


def invoke(args, data):
    return CliRunner().invoke(main, args, input=data)


def assert_clear_answer(result):
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("normalize: ")
    else:
        result.stdout_bytes.decode("utf-8")  # what comes out is always UTF-8


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_bytes)
def test_any_bytes_on_stdin(data):
    result = invoke(["-"], data)
    assert_clear_answer(result)
    if "not text: " in result.stderr:  # binary: a named input (stdin) that is not cleaned fails the run
        assert result.exit_code == 1 and result.stdout == ""
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        assert result.exit_code == 1 and "not valid utf-8 at byte" in result.stderr
    else:
        assert result.exit_code == 0 and result.stdout == normalize.clean(text)


@settings(max_examples=100, deadline=None)
@given(any_bytes)
def test_any_bytes_as_json_lines(data):
    assert_clear_answer(invoke(["--jsonl", "--on-error", "skip"], data))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(any_bytes, min_size=1, max_size=4))
def test_any_bytes_in_a_folder(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("corpus")
    for index, data in enumerate(files):
        (folder / f"{index}.txt").write_bytes(data)
    out = tmp_path_factory.mktemp("out")
    result = invoke([str(folder), "-o", str(out), "--report", str(out / "report.json")], None)
    assert_clear_answer(result)
    report = json.loads((out / "report.json").read_text())
    files_done = report["files"]
    assert files_done["cleaned"] + files_done["failed"] + files_done["skipped"] == len(files)


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr("normalize.streaming.WHOLE_TEXT_LIMIT", 10_000)
    monkeypatch.setattr("normalize.streaming.BLOCK_LIMIT", 1_000)


def test_a_huge_single_line_is_cut_into_blocks(small_blocks):
    line = "The talks  went on, said a spokesman. " * 5_000  # 190 KB, no newline
    result = invoke(["-"], line.encode())
    assert result.exit_code == 0
    assert result.stdout.split() == line.split()
    assert "  " not in result.stdout


def test_a_huge_single_line_without_spaces_is_cut_anyway(small_blocks):
    result = invoke(["-"], ("é" * 50_000).encode())
    assert result.exit_code == 0 and result.stdout == "é" * 50_000


@pytest.mark.slow
@pytest.mark.parametrize("char", ["a", "(", "[", "!", ".", "-", "é", "\n"])
def test_a_megabyte_of_one_character(char):
    result = invoke(["-"], (char * (1 << 20)).encode())
    assert result.exit_code == 0
    assert result.stdout == normalize.clean(char * (1 << 20))


def test_a_megabyte_of_spaces():
    text = " " * (1 << 20) + "x\n" + "y" + " " * (1 << 20)
    result = invoke(["-"], text.encode())
    assert result.exit_code == 0 and result.stdout == normalize.clean(text)
    assert result.stdout.endswith("x\ny")  # line ends stripped; indentation is kept


def test_deeply_nested_brackets_and_punctuation_runs():
    text = "(" * 100_000 + "x" + ")" * 100_000 + "\n" + "?!" * 100_000 + "\n" + "[{<" * 50_000 + "\n"
    result = invoke(["-"], text.encode())
    assert result.exit_code == 0 and result.stdout == normalize.clean(text)


def test_nul_bytes_in_text_are_removed_and_recorded():
    result = invoke(["--explain"], b"one\x00two\x00\x00three\n")
    assert result.exit_code == 0 and "control_characters" in result.stdout


def test_deeply_nested_json_is_a_record_error():
    data = b'{"text": "ok"}\n' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_000 + b"\n"
    result = invoke(["--jsonl", "--on-error", "skip"], data)
    assert result.exit_code == 1 and "<stdin>:2:" in result.stderr
    assert result.stdout == '{"text": "ok"}\n'


def test_a_huge_json_record_line():
    text = "word  " * 50_000
    result = invoke(["--jsonl"], (json.dumps({"id": 1, "text": text}) + "\n").encode())
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == normalize.clean(text)


def test_lone_surrogates_given_to_the_library_are_replaced_and_restorable():
    raw = "caf\udce9 and \ud800 here"
    cleaned = normalize.clean_and_explain(raw)
    cleaned.text.encode("utf-8")
    assert normalize.restore(cleaned) == raw


def test_bytes_given_to_the_library_say_what_to_do():
    with pytest.raises(TypeError, match="decode it first"):
        normalize.clean(b"bytes")


def test_the_splitters_memory_stays_bounded_on_a_stream_of_new_tokens(monkeypatch):
    # Web text never runs out of new tokens (names, numbers, glued pairs): a
    # model that kept them all would grow a long job's memory with its input.
    from normalize import splitting
    from normalize.config import Config

    monkeypatch.setattr(splitting.tuning, "TOKENS_KEPT", 100)
    monkeypatch.setattr(splitting.tuning, "RUNS_KEPT", 50)
    monkeypatch.setattr(splitting.tuning, "DECISIONS_KEPT", 50)
    config = Config(vocabulary={"cachebound"})  # a model of its own, with the small limits
    model = splitting.model_for(config)
    text = " ".join(f"zq{i}word the{i}zq thelast{i}zq Newname{i}said" for i in range(300))
    assert normalize.clean(text, config) == normalize.clean(text)
    assert len(model.never) + len(model.open) <= 101
    assert len(model._splits) <= 51
    assert len(model.decisions) <= 51
    kept = len(model.never) + len(model.open)
    model.settled("thelast" * 100)  # worked out, not kept
    assert len(model.never) + len(model.open) == kept
