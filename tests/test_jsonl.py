"""JSON Lines records come back as they went in, but for the cleaned field."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize import InputError
from normalize.jobs.jsonl import dumps_record, loads_record


@pytest.mark.parametrize(
    "line",
    [
        '{"a": 1.50, "b": 1e400, "c": -0, "d": 12345678901234567890, "e": 1E-7}',
        '{"z": 1, "a": 2, "m": {"y": [1, 2.0, {"k": null}], "b": true, "c": false}}',
        '{"text": "caf\u00e9 日本語 🙂", "empty": "", "list": []}',
        '{"n": NaN, "i": -Infinity}',
    ],
)
def test_records_round_trip_exactly(line):
    assert dumps_record(loads_record(line)) == line


def test_escapes_may_be_spelled_differently_but_keep_their_value():
    line = '{"t": "caf\\u00e9\\n\\"q\\""}'
    out = dumps_record(loads_record(line))
    assert json.loads(out) == json.loads(line)


def test_a_lone_surrogate_survives_as_an_escape():
    line = '{"t": "x\\ud800y", "u": "é"}'
    out = dumps_record(loads_record(line))
    assert json.loads(out) == json.loads(line)
    out.encode("utf-8")  # writable


def test_a_duplicate_key_is_refused_not_dropped():
    with pytest.raises(InputError, match="line 4: not valid JSON: duplicate key 'a'"):
        loads_record('{"a": 1, "a": 2}', where="line 4")


@pytest.mark.parametrize("line, message", [("[1, 2]", "must be an object"), ("{", "not valid JSON"), ("[" * 100_000, "nested too deeply|not valid JSON")])
def test_non_records_are_refused(line, message):
    with pytest.raises(InputError, match=message):
        loads_record(line)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=5))
def test_any_record_keeps_its_value(record):
    line = json.dumps(record, ensure_ascii=False)
    assert json.loads(dumps_record(loads_record(line))) == json.loads(line)
