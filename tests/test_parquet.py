"""Parquet shards: cleaned a row group at a time, every other column passed
through untouched, on real files (the module here, the command in test_cli_parquet)."""
import pytest

import normalize
from normalize import InputError

pa = pytest.importorskip("pyarrow", reason="needs the parquet extra: pip install -e '.[parquet]'")
import pyarrow.parquet as pq  # noqa: E402

from normalize.jobs.parquet import ParquetOutput, ParquetShard  # noqa: E402

TEXTS = ["Vietnamâ€™s  talks went on.", None, "Plain text.", "caf&eacute;  au lait", "", "The officials exchangedviews inHanoi."]


def sample_table():
    meta = pa.array(
        [{"body": text, "lang": "en"} if i != 2 else None for i, text in enumerate(TEXTS)],
        type=pa.struct([("body", pa.string()), ("lang", pa.string())]),
    )
    return pa.table({
        "id": pa.array(range(len(TEXTS)), pa.int32()),
        "text": pa.array(TEXTS, pa.large_string()),
        "meta": meta,
        "score": pa.array([0.5, None, 1e-3, 2.0, 0.0, 7.25], pa.float32()),
        "tags": pa.array([["a"], [], None, ["b", "c"], ["d"], []], pa.list_(pa.string())),
    }).replace_schema_metadata({"origin": "test"})


def clean_shard(source, target, field, **columns):
    with ParquetShard(str(source), field) as shard:
        output = ParquetOutput(str(target), shard.schema, field, compression=shard.compression(), **columns)
        for group in shard.groups():
            output.write(group, [None if text is None else normalize.clean_and_explain(text) for text in group.texts])
        output.commit()


def cleaned(text):
    return None if text is None else normalize.clean(text)


def test_a_shard_is_cleaned_row_group_by_row_group_and_the_rest_passes_through(tmp_path):
    source, target = tmp_path / "in.parquet", tmp_path / "out.parquet"
    table = sample_table()
    pq.write_table(table, source, row_group_size=2, compression="zstd")

    clean_shard(source, target, "text", edits_field="edits", damage_field="damage")

    out = pq.ParquetFile(target)
    assert out.metadata.num_row_groups == 3
    assert [out.metadata.row_group(i).num_rows for i in range(3)] == [2, 2, 2]
    assert out.metadata.row_group(0).column(0).compression == "ZSTD"
    result = out.read()
    assert result.schema.metadata == {b"origin": b"test"}
    assert result.schema.field("text").type == pa.large_string()
    for name in ("id", "meta", "score", "tags"):
        assert result.column(name).equals(table.column(name)), name
    assert result.column("text").to_pylist() == [cleaned(text) for text in TEXTS]
    damages = result.column("damage").to_pylist()
    edits = result.column("edits").to_pylist()
    for text, damage, row_edits in zip(TEXTS, damages, edits):
        if text is None:
            assert damage is None and row_edits is None
            continue
        explained = normalize.clean_and_explain(text)
        assert damage == explained.damage
        restored = normalize.restore(normalize.Cleaned(explained.text, tuple(normalize.Edit(**e) for e in row_edits)))
        assert restored == text


def test_a_dotted_field_reaches_into_a_struct_column(tmp_path):
    source, target = tmp_path / "in.parquet", tmp_path / "out.parquet"
    table = sample_table()
    pq.write_table(table, source, row_group_size=4)

    clean_shard(source, target, "meta.body")

    result = pq.read_table(target)
    bodies = [None if meta is None else meta["body"] for meta in result.column("meta").to_pylist()]
    assert bodies == [None if i == 2 else cleaned(text) for i, text in enumerate(TEXTS)]
    assert [None if m is None else m["lang"] for m in result.column("meta").to_pylist()] == [
        None if i == 2 else "en" for i in range(len(TEXTS))
    ]
    assert result.column("text").equals(table.column("text"))


def test_an_empty_shard_keeps_its_schema(tmp_path):
    source, target = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(sample_table().slice(0, 0), source)
    clean_shard(source, target, "text")
    assert pq.read_table(target).schema.equals(sample_table().schema)
    assert pq.read_table(target).num_rows == 0


def test_what_cannot_be_cleaned_is_named_before_a_row_is_read(tmp_path):
    source = tmp_path / "in.parquet"
    pq.write_table(sample_table(), source)
    with pytest.raises(InputError, match="no column 'body'"):
        ParquetShard(str(source), "body")
    with pytest.raises(InputError, match="'score' is float, not a string column"):
        ParquetShard(str(source), "score")
    with pytest.raises(InputError, match="no field 'meta.title'"):
        ParquetShard(str(source), "meta.title")
    text = tmp_path / "text.parquet"
    text.write_text("not parquet at all\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read as Parquet"):
        ParquetShard(str(text), "text")


def test_a_stopped_output_leaves_the_previous_file(tmp_path):
    source, target = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(sample_table(), source, row_group_size=2)
    target.write_bytes(b"previous")
    with ParquetShard(str(source), "text") as shard:
        output = ParquetOutput(str(target), shard.schema, "text")
        group = next(shard.groups())
        output.write(group, [None if t is None else normalize.clean_and_explain(t) for t in group.texts])
        output.abort()
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet", "out.parquet"]
