"""Compressed files, by the suffix of their name.

A path ending in .gz, .bz2 or .xz is read and written through the standard
library (gzip, bz2, lzma); one ending in .zst through `zstandard`, an
optional extra (`pip install normalize-text[zstd]`). Any other path is
plain. The suffix decides, never the content: an output is compressed as
its name says, and compressed bytes under a plain name are reported as the
binary data they are (see `decoding.sniff_binary`).

Written streams are made the same way every time (a gzip header carries no
name and no time), so that the same input gives byte-identical outputs.
"""
from __future__ import annotations

import bz2
import io
import lzma
import zlib
from typing import BinaryIO, Protocol

from ..errors import ConfigError

SUFFIXES = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd"}
# Errors that a damaged or truncated stream raises while it is read, besides OSError.
DECOMPRESSION_ERRORS: tuple[type[BaseException], ...] = (EOFError, zlib.error, lzma.LZMAError)
GZIP_LEVEL = 6  # gzip's own default: the usual trade of size for speed
GZIP_WBITS = 31  # 16 + 15: a gzip header and trailer around a full deflate window


class Compressor(Protocol):
    def compress(self, data: bytes) -> bytes: ...

    def flush(self) -> bytes: ...


def compression_of(path: str | None) -> str | None:
    """"gzip", "bzip2", "xz" or "zstd" as `path`'s suffix says; None for a plain file."""
    if not path:
        return None
    for suffix, name in SUFFIXES.items():
        if path.endswith(suffix):
            return name
    return None


def compressed_forms(pattern: str) -> tuple[str, ...]:
    """`pattern` and its compressed forms: "*.txt" -> ("*.txt", "*.txt.gz", ...)."""
    return (pattern,) + tuple(pattern + suffix for suffix in SUFFIXES)


def check_available(compression: str | None) -> None:
    """Raise `ConfigError` now if `compression` needs a package that is not installed."""
    if compression == "zstd":
        _zstandard()


def _zstandard():
    try:
        import zstandard
    except ImportError:
        raise ConfigError(
            "a .zst file needs the zstandard package: pip install 'normalize-text[zstd]'"
        ) from None
    return zstandard


def open_compressed(path: str) -> BinaryIO:
    """`path` opened for reading, decompressed as its suffix says. The
    stream has `peek` and gives lines; reading damaged data raises OSError
    or one of `DECOMPRESSION_ERRORS`."""
    compression = compression_of(path)
    if compression == "gzip":
        import gzip

        return gzip.open(path, "rb")
    if compression == "bzip2":
        return bz2.open(path, "rb")
    if compression == "xz":
        return lzma.open(path, "rb")
    if compression == "zstd":
        zstandard = _zstandard()
        raw = open(path, "rb")
        try:
            return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True))
        except BaseException:
            raw.close()
            raise
    return open(path, "rb")


def compressor(compression: str | None) -> Compressor | None:
    """An incremental compressor for `compression` (see `compression_of`); None for plain."""
    if compression is None:
        return None
    if compression == "gzip":
        return zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, GZIP_WBITS)
    if compression == "bzip2":
        return bz2.BZ2Compressor()
    if compression == "xz":
        return lzma.LZMACompressor()
    if compression == "zstd":
        return _zstandard().ZstdCompressor().compressobj()
    raise ConfigError(f"unknown compression {compression!r}; known: {', '.join(SUFFIXES.values())}")


def decompression_errors() -> tuple[type[BaseException], ...]:
    """`DECOMPRESSION_ERRORS`, with zstandard's own when it is installed."""
    try:
        import zstandard
    except ImportError:
        return DECOMPRESSION_ERRORS
    return DECOMPRESSION_ERRORS + (zstandard.ZstdError,)
