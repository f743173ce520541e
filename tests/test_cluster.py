"""normalize on Dask gives what normalize gives in one process, byte for byte."""
import subprocess
import sys
from pathlib import Path

import pytest

import normalize
from normalize import Config

distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install -e '.[dask]'")
import dask  # noqa: E402
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

from normalize.cluster import NO_DASHBOARD, clean_bag, clean_column, clean_paths_on_dask  # noqa: E402

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
TEXTS = [
    *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) if not p.name.endswith(".expected.txt")),
    "Vietnamâ€™s officials\r\nexchanged  views.\n\n\n\nLeave your comment on an article\n",
    "Fish &amp; chips\tcost £5 – “cheap”…\n",
    "",
    "\ufeffBOM, then\x0bcontrol\x00characters\n",
    "CJK 中文 and emoji 👍🏽 stay as they are.",
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **NO_DASHBOARD) as local:
        yield local


@pytest.fixture()
def client(cluster):
    with distributed.Client(cluster) as client:
        yield client


def test_import_normalize_does_not_import_dask():
    code = "import sys, normalize; print(sorted(m for m in ('dask', 'distributed', 'pandas') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_folder_on_a_cluster_matches_one_process(cluster, tmp_path):
    paths = []
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"doc{i:02d}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(str(path))
    broken = tmp_path / "latin1.txt"
    broken.write_bytes("café".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    order = [*paths[:3], str(broken), *paths[3:], str(missing)]

    results = list(clean_paths_on_dask(order, Config(), cluster.scheduler_address, in_flight=3))

    assert [path for path, _ in results] == order
    outcomes = dict(results)
    for path, text in zip(paths, TEXTS):
        assert outcomes[path] == normalize.clean(text), path
    assert isinstance(outcomes[str(broken)], UnicodeDecodeError)
    assert isinstance(outcomes[str(missing)], FileNotFoundError)


def test_config_reaches_the_workers(cluster, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Vietnamâ€™s  talks", encoding="utf-8")
    config = Config(stages=("normalize_whitespace",))
    [(_, outcome)] = clean_paths_on_dask([str(path)], config, cluster.scheduler_address)
    assert outcome == "Vietnamâ€™s talks" == normalize.clean(path.read_text(encoding="utf-8"), config)


def test_bag_of_texts_and_of_records(client):
    texts = db.from_sequence(TEXTS, npartitions=3)
    assert clean_bag(texts).compute() == [normalize.clean(t) for t in TEXTS]

    records = db.from_sequence([{"id": i, "text": t} for i, t in enumerate(TEXTS)], npartitions=3)
    cleaned = clean_bag(records, field="text", into="clean").compute()
    assert [r["id"] for r in cleaned] == list(range(len(TEXTS)))
    assert [r["text"] for r in cleaned] == TEXTS
    assert [r["clean"] for r in cleaned] == [normalize.clean(t) for t in TEXTS]


def test_dotted_fields_as_the_command_line_names_them(client, tmp_path):
    rows = [{"id": i, "meta": {"body": t, "lang": "en"}} for i, t in enumerate(TEXTS)]
    cleaned = clean_bag(db.from_sequence(rows, npartitions=2), field="meta.body").compute()
    assert [r["meta"]["body"] for r in cleaned] == [normalize.clean(t) for t in TEXTS]
    assert [r["meta"]["lang"] for r in cleaned] == ["en"] * len(TEXTS)
    assert [r["meta"]["body"] for r in rows] == TEXTS  # the input records are not changed

    into = clean_bag(db.from_sequence(rows, npartitions=2), field="meta.body", into="clean.body").compute()
    assert [r["clean"]["body"] for r in into] == [normalize.clean(t) for t in TEXTS]
    with pytest.raises(normalize.InputError, match="no field 'meta.title'"):
        clean_bag(db.from_sequence(rows, npartitions=2), field="meta.title").compute()

    # A struct column, as Parquet holds it (dd.from_pandas would turn the dicts into strings).
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table({"id": range(len(rows) + 1), "meta": [r["meta"] for r in rows] + [None]})
    pq.write_table(table, tmp_path / "pages.parquet", row_group_size=4)
    nested = clean_column(dd.read_parquet(tmp_path / "pages.parquet"), "meta.body").compute()
    assert [m["body"] for m in nested["meta"].tolist()[:-1]] == [normalize.clean(t) for t in TEXTS]
    assert nested["meta"].tolist()[-1] is None
    apart = clean_column(dd.read_parquet(tmp_path / "pages.parquet"), "meta.body", into="body").compute()
    assert apart["body"].tolist()[:-1] == [normalize.clean(t) for t in TEXTS]
    assert apart["meta"].tolist()[:-1] == [r["meta"] for r in rows]


def test_dataframe_column(client):
    frame = pd.DataFrame({"id": range(len(TEXTS) + 1), "text": [*TEXTS, None]})
    cleaned = clean_column(dd.from_pandas(frame, npartitions=3), "text", into="clean").compute()
    assert cleaned["clean"].tolist()[:-1] == [normalize.clean(t) for t in TEXTS]
    assert cleaned["clean"].isna().tolist()[-1]
    assert cleaned["text"].tolist()[:-1] == TEXTS
    assert cleaned["id"].tolist() == frame["id"].tolist()

    replaced = clean_column(dd.from_pandas(frame.iloc[:-1], npartitions=2), "text").compute()
    assert replaced["text"].tolist() == [normalize.clean(t) for t in TEXTS]


def test_unreachable_scheduler_is_a_clear_error():
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(normalize.NormalizeError, match="cannot reach the Dask scheduler"):
            next(clean_paths_on_dask(["x.txt"], Config(), "tcp://127.0.0.1:9"))


def test_local_scheduler_starts_and_stops_its_own_cluster(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXTS[2].encode("utf-8"))
    assert list(clean_paths_on_dask([str(path)], None, "local", n_workers=1)) == [
        (str(path), normalize.clean(TEXTS[2]))
    ]
