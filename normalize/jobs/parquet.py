"""Parquet shards: one text column cleaned a row group at a time.

Needs the `parquet` extra (`pip install 'normalize-text[parquet]'`, pyarrow);
pyarrow is imported only when a shard is opened.

`ParquetShard` reads a shard's row groups one by one, so memory holds one
row group (and its cleaned copy), however large the file. `ParquetOutput`
writes the cleaned shard: the same schema, the same row groups (one out for
each one in), every column but the cleaned one passed through as Arrow
values, untouched; optionally a column of each row's edits and one of its
damage estimate. It writes through `AtomicWriter`, so a stopped run leaves
the previous file or none.

The field may be a dotted path into a struct column ("meta.body"), as with
JSON Lines. A null text (or a null struct on its path) stays null, with no
edits and no damage.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..edits import Cleaned, Edit
from ..errors import ConfigError, InputError, NormalizeError, OutputError
from .writing import AtomicWriter

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

DEFAULT_COMPRESSION = "snappy"  # pyarrow's default, for a shard whose codec is unknown


def pyarrow_modules():
    """(pyarrow, pyarrow.compute, pyarrow.parquet), or a `ConfigError` saying how to install them."""
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.parquet
    except ImportError:
        raise ConfigError("Parquet needs pyarrow: pip install 'normalize-text[parquet]'") from None
    return pyarrow, pyarrow.compute, pyarrow.parquet


def edit_fields() -> list[tuple[str, str]]:
    """The fields of an edit as `Edit.as_dict` gives them, each with its
    Arrow type: "string" for text, "int64" for a position (null where an
    edit does not know it)."""
    return [(item.name, "string" if str(item.type).startswith("str") else "int64") for item in fields(Edit)]


def edits_type():
    """The Arrow type of an edits column: a list of edit structs."""
    pa = pyarrow_modules()[0]
    return pa.list_(pa.struct([(name, pa.type_for_alias(kind)) for name, kind in edit_fields()]))


@dataclass
class RowGroup:
    """One row group of a shard: its place, its rows, and the texts to clean
    (None where the text is null)."""

    index: int
    table: "pyarrow.Table"
    texts: list[str | None]
    size: int  # bytes it takes in the file


class ParquetShard:
    """A Parquet file opened for cleaning `field` (see the module's docstring).

    Raises `InputError` for a file that is not Parquet, and for a field that
    is missing or not a string column, before any row is read.
    """

    def __init__(self, path: str, field: str, *, label: str | None = None) -> None:
        pa, _, pq = pyarrow_modules()
        self.path = path
        self.label = label or path
        self.field = field
        try:
            self.file = pq.ParquetFile(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise InputError(f"{self.label}: cannot read as Parquet: {exc}") from None
        self.schema = self.file.schema_arrow
        self.path_in_schema = field.split(".")
        try:
            leaf_type(self.schema, self.path_in_schema, where=self.label)
        except InputError:
            self.close()
            raise

    @property
    def row_groups(self) -> int:
        return self.file.num_row_groups

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> "ParquetShard":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def compression(self) -> str:
        """The codec of the shard's first column chunk, for the output."""
        metadata = self.file.metadata
        if metadata.num_row_groups and metadata.num_columns:
            codec = metadata.row_group(0).column(0).compression
            if codec and codec.upper() != "UNCOMPRESSED":
                return codec.lower().removesuffix("_raw")  # LZ4_RAW is written as "lz4"
            return "none"
        return DEFAULT_COMPRESSION

    def groups(self) -> Iterator[RowGroup]:
        """Each row group in order, read when it is asked for."""
        pa = pyarrow_modules()[0]
        metadata = self.file.metadata
        for index in range(self.file.num_row_groups):
            try:
                table = self.file.read_row_group(index)
            except (pa.ArrowException, OSError) as exc:
                raise InputError(f"{self.label}: cannot read row group {index}: {exc}") from None
            info = metadata.row_group(index)
            size = sum(info.column(column).total_compressed_size for column in range(info.num_columns))
            yield RowGroup(index, table, column_at(table, self.path_in_schema).to_pylist(), size)


def check_new_columns(*names: str | None) -> None:
    """A `ConfigError` for a new column's name that is a dotted path."""
    for name in names:
        if name and "." in name:
            raise ConfigError(f"{name!r}: a column added to Parquet is named, not a dotted path")


def leaf_type(schema: "pyarrow.Schema", path: Sequence[str], *, where: str) -> "pyarrow.DataType":
    """The type at `path` in `schema`; an `InputError` unless it is a string type."""
    pa = pyarrow_modules()[0]
    dotted = ".".join(path)
    if path[0] not in schema.names:
        raise InputError(f"{where}: no column {path[0]!r} (columns: {', '.join(schema.names)})")
    kind = schema.field(path[0]).type
    for name in path[1:]:
        if not pa.types.is_struct(kind) or kind.get_field_index(name) < 0:
            raise InputError(f"{where}: no field {dotted!r}: {name!r} is not in a struct there")
        kind = kind.field(name).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise InputError(f"{where}: field {dotted!r} is {kind}, not a string column")
    return kind


def column_at(table: "pyarrow.Table", path: Sequence[str]) -> "pyarrow.Array":
    """The values at `path` (null where a struct on the way is null)."""
    _, pc, _ = pyarrow_modules()
    column = table.column(path[0]).combine_chunks()
    return pc.struct_field(column, list(path[1:])) if len(path) > 1 else column


def _replaced(array: "pyarrow.Array", path: Sequence[str], leaf: "pyarrow.Array") -> "pyarrow.Array":
    """`array` with the values at `path` (inside its structs) replaced by `leaf`."""
    if not path:
        return leaf
    pa = pyarrow_modules()[0]
    kind = array.type
    children = [array.field(index) for index in range(kind.num_fields)]
    index = kind.get_field_index(path[0])
    children[index] = _replaced(children[index], path[1:], leaf)
    return pa.StructArray.from_arrays(children, fields=list(kind), mask=array.is_null())


class _Sink:
    """What pyarrow writes to: the bytes go to an `AtomicWriter`."""

    def __init__(self, writer: AtomicWriter) -> None:
        self.writer = writer
        self.closed = False

    def write(self, data: Any) -> int:
        data = bytes(data)
        self.writer.write(data)
        return len(data)

    def tell(self) -> int:
        return self.writer.written

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class ParquetOutput:
    """The cleaned copy of a shard, written row group by row group to
    `target`, all at once or not at all (`commit`, `abort`).

    `edits_field` and `damage_field` name columns to add (or replace), at
    the top level: each row's edits, and its damage estimate.
    """

    def __init__(
        self,
        target: str,
        schema: "pyarrow.Schema",
        field: str,
        *,
        compression: str = DEFAULT_COMPRESSION,
        edits_field: str | None = None,
        damage_field: str | None = None,
        writer: AtomicWriter | None = None,
    ) -> None:
        pa, _, pq = pyarrow_modules()
        check_new_columns(edits_field, damage_field)
        self.path = field.split(".")
        self.leaf_type = leaf_type(schema, self.path, where=target)
        self.edits_field, self.damage_field = edits_field, damage_field
        for name, kind in ((edits_field, edits_type()), (damage_field, pa.float64())):
            if name:
                at = schema.get_field_index(name)
                schema = schema.set(at, pa.field(name, kind)) if at >= 0 else schema.append(pa.field(name, kind))
        self.schema = schema
        self.atomic = writer or AtomicWriter(target)
        try:
            self.parquet = pq.ParquetWriter(pa.PythonFile(_Sink(self.atomic), mode="w"), schema,
                                            compression=compression)
        except BaseException:
            self.atomic.abort()
            raise

    def write(self, group: RowGroup, results: Sequence[Cleaned | None]) -> None:
        """Write `group` with its texts replaced by `results` (None for a
        null text), as one row group."""
        with self._output_errors() as pa:
            self._write(pa, group, results)

    def _write(self, pa, group: RowGroup, results: Sequence[Cleaned | None]) -> None:
        table = group.table
        texts = [None if cleaned is None else cleaned.text for cleaned in results]
        leaf = pa.array(texts, type=self.leaf_type)
        top = self.path[0]
        column = _replaced(table.column(top).combine_chunks(), self.path[1:], leaf)
        table = table.set_column(table.schema.get_field_index(top), table.schema.field(top), column)
        if self.edits_field:
            edits = [None if cleaned is None else [edit.as_dict() for edit in cleaned.edits] for cleaned in results]
            table = self._put(pa, table, self.edits_field, edits)
        if self.damage_field:
            damages = [None if cleaned is None else cleaned.damage for cleaned in results]
            table = self._put(pa, table, self.damage_field, damages)
        self.parquet.write_table(table.cast(self.schema), row_group_size=max(1, table.num_rows))

    def _put(self, pa, table: "pyarrow.Table", name: str, values: list) -> "pyarrow.Table":
        """`table` with column `name` (replaced, or added at the end) holding `values`."""
        array = pa.array(values, type=self.schema.field(name).type)
        at = table.schema.get_field_index(name)
        return table.set_column(at, name, array) if at >= 0 else table.append_column(name, array)

    def commit(self) -> None:
        with self._output_errors():
            self.parquet.close()
        self.atomic.commit()

    @contextmanager
    def _output_errors(self) -> Iterator[Any]:
        """pyarrow for the block; Arrow's and the system's errors in it become
        an OutputError, the file abandoned (`abort`). The library's own errors
        pass as they are."""
        pa = pyarrow_modules()[0]
        try:
            yield pa
        except NormalizeError:
            raise
        except (pa.ArrowException, OSError) as exc:
            self.abort()
            raise OutputError(f"{self.atomic.target}: cannot write Parquet: {exc}") from None

    def abort(self) -> None:
        try:
            self.parquet.close()
        except Exception:  # the file is dropped anyway
            pass
        self.atomic.abort()

    @property
    def size(self) -> int:
        """Bytes in the file (for the output folder's manifest)."""
        return self.atomic.size

    @property
    def sha256(self) -> str:
        return self.atomic.sha256
