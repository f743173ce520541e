"""Reading inputs so that nothing is ever lost: decoding and binary detection.

Decoding
    Input is UTF-8 unless another encoding is named. A UTF-8 byte order mark
    is read as U+FEFF, which `fix_encoding` removes as an edit of its own; a
    UTF-16 or UTF-32 byte order mark selects that encoding. A byte that does
    not decode is never replaced: reading stops with an `InputError` naming
    the file, the byte and its offset. latin-1 decodes every byte, and
    `fix_encoding` repairs UTF-8 that was read as latin-1, so it is the way to
    read a file of mixed encodings.
Binary inputs
    A file that starts like an image, an archive or an executable, or whose
    first 8 KB are more than a tenth NUL bytes (and at least 8), is data, not
    text: reading it raises `BinaryInputError` and it is never "cleaned".
"""
from __future__ import annotations

import codecs
import re
from typing import BinaryIO, Callable, Iterator

from ..errors import BinaryInputError, ConfigError, InputError
from .compression import open_compressed

CHUNK_BYTES = 1 << 20
SNIFF_BYTES = 8192
# Text may hold a stray NUL (fix_encoding removes it); data is full of them.
BINARY_NUL_SHARE = 0.1
BINARY_NUL_MIN = 8

# Checked in this order: the UTF-32 LE mark starts with the UTF-16 LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of binary formats that end up in scraped folders, and what
# to do with each: a message about them never suggests --encoding, which
# would "clean" the bytes into garbage.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"\x04\x22\x4d\x18", "lz4 data"),
    (b"7z\xbc\xaf'\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)
# "BZh", the block size, then the magic of a first block or of an empty stream's end.
BZIP2_RE = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")
# Parquet starts (and ends) with PAR1; its pages hold NULs or bytes that are no UTF-8.
PARQUET_MAGIC = b"PAR1"
WHAT_TO_DO = {
    "a PNG image": "an image has no text to clean; leave it out (--glob chooses a folder's files)",
    "a JPEG image": "an image has no text to clean; leave it out (--glob chooses a folder's files)",
    "a GIF image": "an image has no text to clean; leave it out (--glob chooses a folder's files)",
    "a PDF document": "extract its text first (pdftotext {name} {name}.txt) and clean that",
    "a ZIP archive": "unpack it (unzip) and clean the files inside",
    "a 7-Zip archive": "unpack it (7z x) and clean the files inside",
    "gzip data": "name it {name}.gz to have it read as compressed, or decompress it first (gzip -dc < {name})",
    "bzip2 data": "name it {name}.bz2 to have it read as compressed, or decompress it first (bzip2 -dc < {name})",
    "xz data": "name it {name}.xz to have it read as compressed, or decompress it first (xz -dc < {name})",
    "zstd data": "name it {name}.zst to have it read as compressed, or decompress it first (zstd -dc < {name})",
    "lz4 data": "decompress it first (lz4 -dc < {name})",
    "Parquet data": "clean it with --parquet --field COLUMN (pip install 'normalize-text[parquet]')",
    "an executable": "a program has no text to clean; leave it out",
}


def resolve_encoding(name: str) -> str:
    """The codec's canonical name; a `ConfigError` for an unknown one."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ConfigError(f"unknown encoding {name!r}; examples: utf-8, cp1252, latin-1, utf-16") from None


def _wide(codec: str) -> bool:
    return codec.startswith(("utf-16", "utf-32"))


def codec_for(head: bytes, encoding: str = "utf-8") -> str:
    """The codec to read a file starting with `head` in: a UTF-16 or UTF-32
    byte order mark wins over the default UTF-8."""
    encoding = resolve_encoding(encoding)
    if encoding == "utf-8":
        for mark, codec in BYTE_ORDER_MARKS:
            if head.startswith(mark):
                return codec
    return encoding


def sniff_binary(head: bytes, codec: str = "utf-8") -> str | None:
    """What `head` (the first bytes of a file) looks like if it is not text, else None."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if BZIP2_RE.match(head):
        return "bzip2 data"
    sample = head[:SNIFF_BYTES]
    if sample.startswith(PARQUET_MAGIC) and (b"\x00" in sample or not _is_utf8(sample)):
        return "Parquet data"
    if sample and not _wide(codec):
        nuls = sample.count(0)
        if nuls >= BINARY_NUL_MIN and nuls > BINARY_NUL_SHARE * len(sample):
            return f"binary data ({nuls} NUL bytes in the first {len(sample)})"
    return None


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3  # a character cut at the sample's end
    return True


def binary_error(name: str, kind: str, expected: str = "text") -> BinaryInputError:
    """The error for input `name` that `sniff_binary` found to be `kind`:
    its message names the format and what to do instead."""
    short = f"{name}: looks like {kind}, not {expected}"
    shown = "FILE" if name == "<stdin>" else name
    advice = WHAT_TO_DO.get(kind, "it is data, not text; leave it out").format(name=shown)
    return BinaryInputError(f"{short}: {advice}", short)


def _decode_error(name: str, codec: str, exc: UnicodeDecodeError, offset: int, line: int | None) -> InputError:
    bad = exc.object[exc.start : exc.end][:4].hex(" ")
    where = f"byte {offset}" + (f" (line {line})" if line else "")
    return InputError(
        f"{name}: not valid {codec} at {where}: {bad}; nothing was replaced. "
        "Name the file's encoding with --encoding (cp1252, or latin-1, which reads any byte)"
    )


def decoded_chunks(
    stream: BinaryIO,
    name: str,
    encoding: str = "utf-8",
    *,
    chunk_bytes: int = CHUNK_BYTES,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """Decode `stream` chunk by chunk under the policy above. `name` is how
    errors name the input; `on_bytes` hears how many bytes each read took."""
    data = stream.read(max(chunk_bytes, SNIFF_BYTES))
    codec = codec_for(data, encoding)
    kind = sniff_binary(data, codec)
    if kind:
        raise binary_error(name, kind)
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0  # bytes of the stream before `data`
    lines = 1  # line number at `offset`, for codecs where b"\n" is a newline
    while True:
        final = not data
        pending = decoder.getstate()[0]  # undecoded tail of the last read
        if on_bytes is not None and data:
            on_bytes(len(data))
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            buffered = pending + data
            line = None if _wide(codec) else lines - pending.count(b"\n") + buffered[: exc.start].count(b"\n")
            raise _decode_error(name, codec, exc, offset - len(pending) + exc.start, line) from None
        if text:
            yield text
        if final:
            return
        offset += len(data)
        lines += data.count(b"\n")
        data = stream.read(chunk_bytes)


def read_text(path: str, encoding: str = "utf-8") -> str:
    """The whole of the file at `path`, decoded under the policy above."""
    try:
        with open_compressed(path) as stream:
            return "".join(decoded_chunks(stream, path, encoding))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
