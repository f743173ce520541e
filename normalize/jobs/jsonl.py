"""JSON Lines records, read and written back without changing what the
cleaner does not own.

`loads_record` keeps each number's spelling (`1.50` stays `1.50`, `1e400`
does not become infinity) and refuses a duplicate key rather than silently
dropping one of its values; `dumps_record` writes keys in their order, and a
string holding a lone surrogate (a `\\ud800` escape in the input) as an
escape again, so it survives. Only escapes and the spaces between tokens may
be spelled differently from the input.
"""
from __future__ import annotations

import json
import numbers
from typing import Any

import regex

from ..errors import InputError

LONE_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")


class JSONNumber:
    """A JSON number kept as written."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JSONNumber) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"JSONNumber({self.text!r})"


# A number to whoever asks what kind of value a record holds (streaming.get_field).
numbers.Number.register(JSONNumber)


def _object(pairs: list[tuple[str, Any]]) -> dict:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return record


def loads_record(line: str, *, where: str = "line") -> dict:
    """Parse one JSON Lines record (an object); `InputError` naming `where` if it is not one."""
    try:
        record = json.loads(
            line, object_pairs_hook=_object, parse_float=JSONNumber, parse_int=JSONNumber, parse_constant=JSONNumber
        )
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    except ValueError as exc:  # json.JSONDecodeError is one
        raise InputError(f"{where}: not valid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON Lines record must be an object, not {type(record).__name__}")
    return record


def _string(text: str) -> str:
    # A lone surrogate cannot be written as UTF-8: keep it as an escape.
    return json.dumps(text, ensure_ascii=bool(LONE_SURROGATE_RE.search(text)))


def _dump(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, JSONNumber):
        out.append(value.text)
    elif isinstance(value, dict):
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(", " if index else "")
            out.append(_string(key))
            out.append(": ")
            _dump(item, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            out.append(", " if index else "")
            _dump(item, out)
        out.append("]")
    else:  # None, bool, int, float
        out.append(json.dumps(value))


def dumps_record(record: dict) -> str:
    """One line of JSON for `record` (no newline)."""
    out: list[str] = []
    try:
        _dump(record, out)
    except RecursionError:
        raise InputError("record nested too deeply to write") from None
    return "".join(out)
