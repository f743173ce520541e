"""Run normalize on Dask: bags of texts or records, a dataframe's text column,
and a list of files on a cluster.

Needs the `dask` extra (`pip install 'normalize-text[dask]'`). Dask is
imported only when one of these functions is called, never by
`import normalize`.

    import dask.bag as db
    from normalize.cluster import clean_bag, clean_column

    cleaned = clean_bag(db.read_text("pages/*.txt"))       # a bag of texts
    records = clean_bag(db.from_sequence(rows), field="meta.body")
    frame = clean_column(dd.read_parquet("pages/"), "text", into="text_clean")

Fields are named as the command line's --field names them: a dotted path
reaches into nested records ("meta.body"), or into a column of dicts.

What travels to the workers: the `Config` (a frozen, picklable dataclass) as
one shared graph node, or one scattered copy per worker for
`clean_paths_on_dask`, never one per task. What loads there: the word model
and the rule packs load lazily, once per worker process, into normalize's
module-level caches, and every task on that worker reuses them; so prefer
worker processes with one thread each (the pipeline is pure Python and holds
the GIL). Files named in the config (`leftover_rules`, `vocabulary_file`)
must be readable at the same path on every worker.

Every result is what `normalize.clean(text, config)` returns in one process,
byte for byte: the cluster only decides where the work runs. `map_on_dask`
is what the command's --scheduler runs: this machine reads and writes every
input it can read without Dask, and the cluster cleans the pieces.
"""
from __future__ import annotations

import math
import os
from collections import deque
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, TypeVar

from .config import Config
from .errors import ConfigError, InputError, NormalizeError
from .pipeline import clean
from .streaming import get_field, with_field

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
    `field` (a dotted path reaches into nested records: "meta.body"), it
    holds records (dicts) and yields copies whose `into` field (default:
    `field` itself; dotted too) holds the cleaned text; the other fields
    pass through untouched. A record without `field`, or whose field is not
    a string, fails its partition with `normalize.InputError`.
    """
    _import("dask.bag")
    if field is None:
        return bag.map_partitions(_clean_texts, _shared(config))
    return bag.map_partitions(_clean_records, _shared(config), field, into or field)


def _clean_texts(texts: Iterable[str], config: Config) -> list[str]:
    return [clean(text, config) for text in texts]


def _clean_records(records: Iterable[dict], config: Config, field: str, into: str) -> list[dict]:
    return [with_field(record, into, clean(get_field(record, field), config)) for record in records]


# --- dask.dataframe -----------------------------------------------------------------

def clean_column(
    frame: "dask.dataframe.DataFrame", column: str, config: Config | None = None, *, into: str | None = None
) -> "dask.dataframe.DataFrame":
    """`frame` with the texts of `column` cleaned, into column `into`
    (default: `column` itself, replaced). Missing values (None, NaN, NA) stay
    missing; any other value that is not a string fails with the TypeError
    `normalize.clean` raises. The column keeps its dtype.

    `column` may be a dotted path ("meta.body") into a column of dicts (as a
    Parquet struct column reads): the dicts are copied with the text at the
    path cleaned, or with `into` the cleaned texts go to a new column of
    that name. A null on the way stays null."""
    _import("dask.dataframe")
    head, _, rest = column.partition(".")
    if column in frame.columns or not rest:
        into = into or column
        source = frame[column]
        cleaned = source.map_partitions(_clean_series, _shared(config), meta=(into, source.dtype))
        return frame.assign(**{into: cleaned})
    if head not in frame.columns:
        raise ConfigError(f"no column {column!r} or {head!r} (columns: {', '.join(map(str, frame.columns))})")
    if into and "." in into:
        raise ConfigError(f"into={into!r}: the cleaned texts of {column!r} go back into its dicts (no into) or to a column")
    source = frame[head]
    target = into or head
    cleaned = source.map_partitions(_clean_nested, _shared(config), rest, into is None, meta=(target, object))
    return frame.assign(**{target: cleaned})


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _clean_series(series, config: Config):
    import pandas as pd

    values = [value if _missing(value) else clean(value, config) for value in series]
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def _clean_nested(series, config: Config, path: str, in_place: bool):
    import pandas as pd

    values = []
    for value in series:
        text: Any = value
        for key in path.split("."):
            if _missing(text):
                break
            if not isinstance(text, Mapping) or key not in text:
                raise InputError(f"no field {path!r} in a value of column {series.name!r}")
            text = text[key]
        if _missing(text):
            values.append(value if in_place else None)
            continue
        cleaned = clean(text, config)
        values.append(with_field(value, path, cleaned) if in_place else cleaned)
    return pd.Series(values, index=series.index, name=series.name, dtype=object)


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
    with _client(scheduler, n_workers) as client:
        shared_config = client.scatter(config or Config(), broadcast=True, hash=False)

        def submit(path: str):
            return client.submit(_clean_file, os.fspath(path), shared_config, read, pure=False)

        for path, outcome in _in_order(client, submit, (os.fspath(path) for path in paths), in_flight):
            yield path, outcome


T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")


def map_on_dask(
    fn: Callable[[S, T], R],
    shared: S,
    items: Iterable[T | None],
    scheduler: str = "local",
    *,
    n_workers: int | None = None,
    in_flight: int | None = None,
) -> Iterator[R | None]:
    """`fn(shared, item)` for each item, on a Dask cluster (`scheduler` as
    for `clean_paths_on_dask`), yielding the results in the order of
    `items`. `shared` (a Config, say) is sent to each worker once; an item
    that is None stands for no work and gives None without a trip to the
    cluster. At most `in_flight` items are out at a time, so a long stream
    stays bounded. An exception raised by `fn` is raised here."""
    with _client(scheduler, n_workers) as client:
        shared_future = client.scatter(shared, broadcast=True, hash=False)

        def submit(item: T | None):
            return None if item is None else client.submit(fn, shared_future, item, pure=False)

        for _, outcome in _in_order(client, submit, items, in_flight):
            if isinstance(outcome, BaseException):
                raise outcome
            yield outcome


@contextmanager
def _client(scheduler: str, n_workers: int | None):
    """A client of the cluster at `scheduler`, or of a LocalCluster started
    (and stopped at the end) for "local"."""
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
            yield client
    finally:
        if cluster is not None:
            cluster.close()


def _in_order(client, submit: Callable[[Any], Any], items: Iterable[Any], in_flight: int | None) -> Iterator[tuple[Any, Any]]:
    """`(item, outcome)` for each item in order, where `submit(item)` gives a
    future (or None for no work) and the outcome is its result, or the
    exception it raised. At most `in_flight` (default: twice the cluster's
    threads) are out at once; each result is released once yielded."""
    limit = in_flight or max(4, 2 * sum(client.nthreads().values()))
    pending: deque = deque()
    remaining = iter(items)

    def submit_next() -> bool:
        item = next(remaining, _END)
        if item is _END:
            return False
        pending.append((item, submit(item)))
        return True

    while len(pending) < limit and submit_next():
        pass
    while pending:
        item, future = pending.popleft()
        if future is None:
            outcome: Any = None
        else:
            try:
                outcome = future.result()
            except Exception as exc:  # the item's own failure, raised on the worker
                outcome = exc
            future.release()
        del future
        submit_next()
        yield item, outcome
