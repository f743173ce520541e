"""Run normalize on Dask: bags of texts or records, a dataframe's text column,
and a list of files on a cluster.

Needs the `dask` extra (`pip install 'normalize-text[dask]'`). Dask is
imported only when one of these functions is called, never by
`import normalize`.

    import dask.bag as db
    from normalize.cluster import clean_bag, clean_column

    cleaned = clean_bag(db.read_text("pages/*.txt"))       # a bag of texts
    records = clean_bag(db.from_sequence(rows), field="text")
    frame = clean_column(dd.read_parquet("pages/"), "text", into="text_clean")

What travels to the workers: the `Config` (a frozen, picklable dataclass) as
one shared graph node, or one scattered copy per worker for
`clean_paths_on_dask`, never one per task. What loads there: the word model
and the rule packs load lazily, once per worker process, into normalize's
module-level caches, and every task on that worker reuses them; so prefer
worker processes with one thread each (the pipeline is pure Python and holds
the GIL). Files named in the config (`leftover_rules`, `vocabulary_file`)
must be readable at the same path on every worker.

Every result is what `normalize.clean(text, config)` returns in one process,
byte for byte: the cluster only decides where the work runs.
"""
from __future__ import annotations

import math
import os
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .config import Config
from .errors import NormalizeError
from .pipeline import clean

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

_EXTRA_HINT = "normalize.cluster needs Dask: pip install 'normalize-text[dask]'"
_END = object()
# LocalCluster options for no dashboard, and the scheduler's HTTP server on a
# free port rather than a warning when 8787 is taken.
NO_DASHBOARD = {"dashboard_address": None, "scheduler_kwargs": {"dashboard": False, "dashboard_address": ":0"}}


def _import(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{_EXTRA_HINT} ({exc})") from exc


def _shared(config: Config | None):
    """The config as one node of the task graph, shared by every partition."""
    delayed = _import("dask").delayed
    return delayed(config or Config(), pure=True)


# --- dask.bag -----------------------------------------------------------------

def clean_bag(
    bag: "dask.bag.Bag", config: Config | None = None, *, field: str | None = None, into: str | None = None
) -> "dask.bag.Bag":
    """Clean every text of `bag`, lazily; compute the result as usual.

    Without `field`, the bag holds texts and yields cleaned texts. With
    `field`, it holds records (dicts) and yields copies whose `into` field
    (default: `field` itself) holds the cleaned text; the other fields pass
    through untouched. A record without `field`, or whose field is not a
    string, fails its partition with the error `normalize.clean` raises.
    """
    _import("dask.bag")
    if field is None:
        return bag.map_partitions(_clean_texts, _shared(config))
    return bag.map_partitions(_clean_records, _shared(config), field, into or field)


def _clean_texts(texts: Iterable[str], config: Config) -> list[str]:
    return [clean(text, config) for text in texts]


def _clean_records(records: Iterable[dict], config: Config, field: str, into: str) -> list[dict]:
    return [{**record, into: clean(record[field], config)} for record in records]


# --- dask.dataframe -----------------------------------------------------------------

def clean_column(
    frame: "dask.dataframe.DataFrame", column: str, config: Config | None = None, *, into: str | None = None
) -> "dask.dataframe.DataFrame":
    """`frame` with the texts of `column` cleaned, into column `into`
    (default: `column` itself, replaced). Missing values (None, NaN, NA) stay
    missing; any other value that is not a string fails with the TypeError
    `normalize.clean` raises. The column keeps its dtype."""
    _import("dask.dataframe")
    into = into or column
    source = frame[column]
    cleaned = source.map_partitions(_clean_series, _shared(config), meta=(into, source.dtype))
    return frame.assign(**{into: cleaned})


def _clean_series(series, config: Config):
    import pandas as pd

    def missing(value: Any) -> bool:
        return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))

    values = [value if missing(value) else clean(value, config) for value in series]
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


# --- files on a cluster -----------------------------------------------------------

def read_utf8(path: str) -> str:
    """A file's text, decoded as strict UTF-8 with its line endings kept
    (so `fix_encoding` records them as edits like any other change)."""
    with open(path, "rb") as source:
        return source.read().decode("utf-8")


def _clean_file(path: str, config: Config, read: Callable[[str], str]) -> str:
    return clean(read(path), config)


def clean_paths_on_dask(
    paths: Iterable[str],
    config: Config | None = None,
    scheduler: str = "local",
    *,
    read: Callable[[str], str] = read_utf8,
    n_workers: int | None = None,
    in_flight: int | None = None,
) -> Iterator[tuple[str, str | Exception]]:
    """Clean files on a Dask cluster; yield `(path, cleaned text)` in the
    order of `paths`, or `(path, exception)` for a file that failed (cannot be
    read, not UTF-8, ...), so one bad file never stops the others.

    `scheduler` is the address of a running `dask.distributed` scheduler
    ("tcp://host:8786"), or "local" to start a LocalCluster on this machine
    for the duration of the iteration: `n_workers` processes (default: one
    per CPU) with one thread each.

    Workers open the files themselves, so each path must be readable from
    every worker (the same machine, or a shared file system). `read` turns a
    path into text on the worker (default `read_utf8`); it must be picklable,
    e.g. a module-level function. At most `in_flight` files (default: twice
    the cluster's threads) are queued or held at a time, so memory stays
    bounded however many paths there are; results are released once yielded.
    """
    distributed = _import("distributed")
    cluster = None
    if scheduler == "local":
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        cluster = distributed.LocalCluster(
            n_workers=n_workers or cpus, threads_per_worker=1, processes=True, **NO_DASHBOARD
        )
        address = cluster.scheduler_address
    else:
        address = scheduler
    try:
        try:
            client = distributed.Client(address, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise NormalizeError(
                f"cannot reach the Dask scheduler at {address!r}: {exc}; start one with `dask scheduler`, "
                "or use 'local' to start a cluster on this machine"
            ) from None
        with client:
            shared_config = client.scatter(config or Config(), broadcast=True, hash=False)
            limit = in_flight or max(4, 2 * sum(client.nthreads().values()))
            pending: deque = deque()
            remaining = iter(paths)

            def submit_next() -> bool:
                path = next(remaining, _END)
                if path is _END:
                    return False
                path = os.fspath(path)
                pending.append((path, client.submit(_clean_file, path, shared_config, read, pure=False)))
                return True

            while len(pending) < limit and submit_next():
                pass
            while pending:
                path, future = pending.popleft()
                try:
                    outcome: str | Exception = future.result()
                except Exception as exc:  # the file's own failure, raised on the worker
                    outcome = exc
                future.release()
                del future
                submit_next()
                yield path, outcome
    finally:
        if cluster is not None:
            cluster.close()
