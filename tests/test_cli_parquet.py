"""`normalize --parquet`: a folder of shards mirrored, on real files, with
the same jobs, resume and report as JSON Lines."""
import json
import os

import pytest
from click.testing import CliRunner

import normalize
from normalize.cli import main

pa = pytest.importorskip("pyarrow", reason="needs the parquet extra: pip install -e '.[parquet]'")
import pyarrow.parquet as pq  # noqa: E402

TEXTS = ["Vietnamâ€™s  talks went on.", None, "Plain text.", "caf&eacute;  au lait", "",
         "The officials exchangedviews inHanoi.", "Share on Facebook\nPrices rose.\n"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def shards(tmp_path, monkeypatch):
    """shards/a.parquet (three row groups) and shards/more/b.parquet, with columns besides the text."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shards" / "more").mkdir(parents=True)
    table = pa.table({
        "id": pa.array(range(len(TEXTS)), pa.int64()),
        "text": TEXTS,
        "meta": [{"url": f"https://example.org/{i}", "words": i * 10} for i in range(len(TEXTS))],
    })
    pq.write_table(table, tmp_path / "shards" / "a.parquet", row_group_size=3)
    pq.write_table(table.slice(2), tmp_path / "shards" / "more" / "b.parquet", row_group_size=10)
    return table


def cleaned(texts):
    return [None if text is None else normalize.clean(text) for text in texts]


def test_a_folder_of_shards_is_mirrored_row_group_by_row_group(shards):
    result = run("shards", "-o", "clean", "--parquet", "--field", "text", "--edits-field", "edits",
                 "--report", "report.json")
    assert result.exit_code == 0, result.output

    a = pq.ParquetFile("clean/a.parquet")
    assert a.metadata.num_row_groups == 3
    table = a.read()
    assert table.column("text").to_pylist() == cleaned(TEXTS)
    assert table.column("id").equals(shards.column("id"))
    assert table.column("meta").equals(shards.column("meta"))
    assert table.column_names == ["id", "text", "meta", "edits"]
    assert [len(edits or []) for edits in table.column("edits").to_pylist()] == [
        0 if text is None else len(normalize.clean_and_explain(text).edits) for text in TEXTS
    ]
    b = pq.read_table("clean/more/b.parquet")
    assert b.column("text").to_pylist() == cleaned(TEXTS[2:])

    report = json.loads(open("report.json").read())
    rows = sum(text is not None for text in TEXTS) + sum(text is not None for text in TEXTS[2:])
    assert report["files"]["cleaned"] == 2
    assert report["documents"]["cleaned"] == rows
    assert report["edits"]["total"] > 0


def test_jobs_give_the_same_shards(shards):
    assert run("shards", "-o", "one", "--parquet", "--damage-field", "damage").exit_code == 0
    assert run("shards", "-o", "two", "--parquet", "--damage-field", "damage", "--jobs", "2").exit_code == 0
    for name in ("a.parquet", "more/b.parquet"):
        assert pq.read_table(f"one/{name}").equals(pq.read_table(f"two/{name}"))


def test_resume_leaves_complete_shards_and_finishes_the_rest(shards):
    assert run("shards", "-o", "clean", "--parquet").exit_code == 0
    os.remove("clean/more/b.parquet")
    before = os.stat("clean/a.parquet").st_mtime_ns
    result = run("shards", "-o", "clean", "--parquet", "--resume", "--report", "report.json")
    assert result.exit_code == 0, result.output
    assert os.stat("clean/a.parquet").st_mtime_ns == before
    assert pq.read_table("clean/more/b.parquet").column("text").to_pylist() == cleaned(TEXTS[2:])
    files = json.loads(open("report.json").read())["files"]
    assert (files["cleaned"], files["already_done"]) == (1, 1)


def test_resume_with_another_field_cleans_the_shards_again(shards):
    assert run("shards", "-o", "clean", "--parquet").exit_code == 0
    result = run("shards", "-o", "clean", "--parquet", "--field", "meta.url", "--resume", "--report", "report.json")
    assert result.exit_code == 0, result.output
    assert "other options" in result.output
    files = json.loads(open("report.json").read())["files"]
    assert (files["cleaned"], files["already_done"]) == (2, 0)
    assert pq.read_table("clean/a.parquet").column("text").to_pylist() == TEXTS


def test_explain_names_rows(shards):
    result = run("shards/a.parquet", "--parquet", "--explain")
    assert result.exit_code == 0
    assert "==> shards/a.parquet#0 <==" in result.stdout
    assert "==> shards/a.parquet#5 <==" in result.stdout
    assert "#1 <==" not in result.stdout  # a null text is not a document


def test_a_column_that_is_no_text_fails_its_shard_and_writes_nothing(shards):
    result = run("shards", "-o", "clean", "--parquet", "--field", "meta.words")
    assert result.exit_code == 1
    assert "field 'meta.words' is int64, not a string column" in result.stderr
    assert not os.path.exists("clean/a.parquet")


def test_a_file_that_is_not_parquet_fails_and_writes_nothing(shards):
    with open("shards/c.parquet", "w", encoding="utf-8") as out:
        out.write("text pretending\n")
    result = run("shards", "-o", "clean", "--parquet", "-q")
    assert result.exit_code == 1
    assert "shards/c.parquet: cannot read as Parquet" in result.stderr
    assert not os.path.exists("clean/c.parquet")
    assert os.path.exists("clean/a.parquet")


def test_parquet_given_as_text_says_to_use_parquet(shards):
    result = run("shards/a.parquet", "-o", "out.txt")
    assert result.exit_code == 1
    assert "looks like Parquet data" in result.stderr and "--parquet" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["shards/a.parquet", "--parquet"], "--parquet writes files"),
        (["-", "-o", "x.parquet", "--parquet"], "standard input is not one"),
        (["shards/a.parquet", "-o", "x.parquet.gz", "--parquet"], "Parquet compresses its own pages"),
        (["shards", "-o", "clean", "--parquet", "--edits-field", "meta.edits"], "named, not a dotted path"),
        (["shards", "-o", "clean", "--parquet", "--on-error", "skip"], "--on-error needs --jsonl"),
        (["shards", "-o", "clean", "--parquet", "--jsonl"], "choose one of --jsonl and --parquet"),
        (["shards", "-o", "clean", "--parquet", "--encoding", "latin-1"], "--encoding does not apply to Parquet"),
    ],
)
def test_what_parquet_cannot_do_is_a_usage_error(shards, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not os.path.exists("clean") and not os.path.exists("x.parquet")


@pytest.mark.slow
def test_shards_on_a_local_dask_cluster_are_the_shards_cleaned_here(shards):
    pytest.importorskip("distributed", reason="needs the dask extra")
    assert run("shards", "-o", "here", "--parquet", "--edits-field", "edits").exit_code == 0
    result = run("shards", "-o", "cluster", "--parquet", "--edits-field", "edits", "--scheduler", "local")
    assert result.exit_code == 0, result.output
    for name in ("a.parquet", "more/b.parquet"):
        assert pq.read_table(f"cluster/{name}").equals(pq.read_table(f"here/{name}"))
