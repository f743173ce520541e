"""Compressed inputs and outputs, by suffix: with real files through the CLI."""
import bz2
import gzip
import json
import lzma
import sys

import pytest
from click.testing import CliRunner

from normalize.cli import main
from normalize.jobs.decoding import read_text
from normalize.jobs.writing import AtomicWriter

RECORDS = (
    '{"id": 1, "text": "Vietnamâ€™s  officials met."}\n'
    '{"id": 2, "text": "They agreed &amp; left.\\n\\n\\n\\nThe end."}\n'
)
TEXT = "Vietnamâ€™s  officials met.\n\n\n\nThey agreed &amp; left.\n"


def _zstd_compress(data: bytes) -> bytes:
    zstandard = pytest.importorskip("zstandard")
    return zstandard.ZstdCompressor().compress(data)


def _zstd_decompress(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdDecompressor().decompressobj().decompress(data)


CODECS = {
    ".gz": (gzip.compress, gzip.decompress),
    ".bz2": (bz2.compress, bz2.decompress),
    ".xz": (lzma.compress, lzma.decompress),
    ".zst": (_zstd_compress, _zstd_decompress),
}


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("suffix", list(CODECS))
@pytest.mark.parametrize("name, data, args", [("in.jsonl", RECORDS, ["--jsonl"]), ("in.txt", TEXT, [])])
def test_compressed_input_and_output_match_the_plain_run_byte_for_byte(here, suffix, name, data, args):
    compress, decompress = CODECS[suffix]
    (here / name).write_text(data, encoding="utf-8")
    (here / (name + suffix)).write_bytes(compress(data.encode("utf-8")))
    assert run(name, "-o", "plain", *args).exit_code == 0
    plain = (here / "plain").read_bytes()
    assert plain  # something was cleaned
    # compressed in, compressed out (the output's name says so)
    assert run(name + suffix, "-o", "out" + suffix, *args).exit_code == 0
    assert decompress((here / ("out" + suffix)).read_bytes()) == plain
    # compressed in, plain out; plain in, compressed out
    assert run(name + suffix, "-o", "unpacked", *args).exit_code == 0
    assert (here / "unpacked").read_bytes() == plain
    assert run(name, "-o", "packed" + suffix, *args).exit_code == 0
    assert decompress((here / ("packed" + suffix)).read_bytes()) == plain
    # to standard output, decompressed
    result = run(name + suffix, *args)
    assert result.exit_code == 0 and result.stdout_bytes == plain


def test_a_folder_takes_the_compressed_forms_by_default_and_mirrors_their_names(here):
    corpus = here / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.jsonl").write_text(RECORDS)
    (corpus / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(RECORDS.encode()))
    (corpus / "c.jsonl.xz").write_bytes(lzma.compress(RECORDS.encode()))
    (corpus / "d.txt.gz").write_bytes(gzip.compress(TEXT.encode()))  # not JSON Lines: not taken
    result = run("corpus", "--jsonl", "-o", "out", "--report", "report.json")
    assert result.exit_code == 0, result.output
    plain = (here / "out" / "a.jsonl").read_bytes()
    assert gzip.decompress((here / "out" / "sub" / "b.jsonl.gz").read_bytes()) == plain
    assert lzma.decompress((here / "out" / "c.jsonl.xz").read_bytes()) == plain
    assert not (here / "out" / "d.txt.gz").exists()
    report = json.loads((here / "report.json").read_text())
    assert report["files"]["cleaned"] == 3
    # --resume knows the compressed outputs as it knows plain ones
    result = run("corpus", "--jsonl", "-o", "out", "--resume", "--report", "report.json")
    assert json.loads((here / "report.json").read_text())["files"]["already_done"] == 3
    # and the text glob takes the compressed text
    assert run("corpus", "-o", "text").exit_code == 0
    assert gzip.decompress((here / "text" / "d.txt.gz").read_bytes()).decode() == run("-", input=TEXT).stdout


def test_in_place_keeps_the_compression_and_rejects_are_compressed_as_named(here):
    data = RECORDS + "not json\n"
    (here / "in.jsonl.bz2").write_bytes(bz2.compress(data.encode()))
    result = run("in.jsonl.bz2", "--jsonl", "--in-place", "--on-error", "skip", "--rejects", "rejects.jsonl.gz")
    assert result.exit_code == 1 and "in.jsonl.bz2:3: not valid JSON" in result.stderr
    cleaned = bz2.decompress((here / "in.jsonl.bz2").read_bytes()).decode()
    assert cleaned == run("-", "--jsonl", input=RECORDS).stdout
    assert gzip.decompress((here / "rejects.jsonl.gz").read_bytes()) == b"not json\n"
    assert sorted(p.name for p in here.iterdir()) == ["in.jsonl.bz2", "rejects.jsonl.gz"]


def test_damaged_compressed_data_fails_its_input_and_writes_nothing(here):
    (here / "bad.jsonl.gz").write_bytes(b"plain text, not gzip\n")
    (here / "cut.txt.xz").write_bytes(lzma.compress(TEXT.encode() * 50)[:40])
    (here / "good.txt").write_text(TEXT)
    result = run("bad.jsonl.gz", "cut.txt.xz", "good.txt", "-o", "out")
    assert result.exit_code == 1
    assert "bad.jsonl.gz: cannot read as gzip data, as its name says" in result.stderr
    assert "cut.txt.xz: cannot read as xz data, as its name says" in result.stderr
    assert "--encoding" not in result.stderr
    assert sorted(p.name for p in (here / "out").iterdir()) == [".normalize-manifest.jsonl", "good.txt"]
    result = run("cut.txt.xz")  # to a pipe: checked before a byte is written
    assert result.exit_code == 1 and result.stdout == ""


def test_without_zstandard_a_zst_file_is_refused_with_what_to_install(here, monkeypatch):
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import fails as if not installed
    (here / "in.txt").write_text(TEXT)
    (here / "in.txt.zst").write_bytes(b"(\xb5/\xfd" + bytes(20))
    for args in (["in.txt.zst", "-o", "out.txt"], ["in.txt", "-o", "out.txt.zst"]):
        result = run(*args)
        assert result.exit_code == 2 and "pip install 'normalize-text[zstd]'" in result.stderr
    assert not (here / "out.txt").exists() and not (here / "out.txt.zst").exists()


def test_the_library_reads_and_writes_compressed_files(tmp_path):
    path = tmp_path / "a.txt.xz"
    with AtomicWriter(str(path), compression="xz") as writer:
        writer.write("é".encode() * 1000)
    assert read_text(str(path)) == "é" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt.xz"]
