"""The streaming API: blocks, clean_lines, clean_records, ordered_map."""
import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import normalize
from normalize import Cleaned, Config, InputError
from normalize.streaming import Joiner, iter_blocks, ordered_map, text_pieces, with_field

# Text with the characters that matter to blocks: words, spaces, tabs, line ends.
texty = st.lists(st.sampled_from(["ab", "Cd", "é", " ", "  ", "\t", "\n", "\n\n", "\r\n", " \n", "."]), max_size=60).map("".join)


def chunked(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in zip(points, points[1:])]


@given(texty, st.lists(st.integers(min_value=0), max_size=8), st.integers(min_value=1, max_value=30))
def test_blocks_and_separators_give_back_the_input(text, cuts, limit):
    pairs = list(iter_blocks(chunked(text, cuts), limit))
    assert "".join(block + separator for block, separator in pairs) == text


@given(texty, st.integers(min_value=4, max_value=30))
def test_blocks_stay_near_the_limit(text, limit):
    for block, separator in iter_blocks([text], limit):
        # A block may hold one whole line more than the limit allows, never a line longer than it.
        assert len(block) <= 2 * limit + 2


def test_blocks_are_paragraphs():
    text = "One\ntwo\n\n\nThree\n  \nFour"
    assert list(iter_blocks([text])) == [("One\ntwo\n", "\n\n"), ("Three\n", "  \n"), ("Four", "")]


def test_a_long_line_is_cut_at_spaces():
    line = "word " * 50
    pairs = list(iter_blocks([line], limit=23))
    assert all(separator == " " for _, separator in pairs[:-1])
    assert all(block.strip() == block and len(block) <= 23 for block, _ in pairs[:-1])
    assert "".join(b + s for b, s in pairs) == line


def test_a_long_line_without_spaces_is_cut_anyway():
    pairs = list(iter_blocks(["x" * 100], limit=30))
    assert [len(block) for block, _ in pairs] == [30, 30, 30, 10]


def test_a_long_line_arriving_in_tiny_chunks_is_cut_without_waiting_for_its_end():
    pieces = iter_blocks(iter("ab " * 1000), limit=50)
    first, _ = next(pieces)
    assert first.startswith("ab ab")


def test_text_pieces_keeps_a_small_text_whole():
    assert list(text_pieces(["a\n\n", "b"])) == [("a\n\nb", "")]
    assert len(list(text_pieces(["a\n\n", "b"], whole_limit=2))) == 2


# --- clean_lines


@settings(max_examples=150)
@given(texty)
def test_clean_lines_is_clean_for_a_whole_text(text):
    assert "".join(normalize.clean_lines(text.splitlines(keepends=True))) == normalize.clean(text)


# Paragraphs of words, as real text has them; blank lines may carry spaces.
paragraphs = st.lists(
    st.lists(st.sampled_from(["Vietnamâ€™s", "talks", "went", "on.", "caf&eacute;", "a  b", "x\t y"]), min_size=1, max_size=6).map(" ".join),
    min_size=1,
    max_size=6,
).flatmap(
    lambda lines: st.lists(st.sampled_from(["\n", "\n\n", "\n \n\n", "\r\n", "\n\n\n"]), min_size=len(lines), max_size=len(lines)).map(
        lambda ends: "".join(line + end for line, end in zip(lines, ends))
    )
)


@settings(max_examples=150)
@given(paragraphs)
def test_block_by_block_gives_what_whole_cleaning_gives_on_plain_paragraphs(text):
    streamed = "".join(normalize.clean_lines(text.splitlines(keepends=True), whole_text_limit=0))
    assert streamed == normalize.clean(text)


@given(paragraphs)
def test_block_by_block_without_whitespace_stage_keeps_the_separators(text):
    config = Config(stages=("fix_encoding",))
    streamed = "".join(normalize.clean_lines(text.splitlines(keepends=True), config, whole_text_limit=0))
    assert streamed == normalize.clean(text, config)


def test_clean_lines_takes_lines_without_endings():
    lines = "Vietnamâ€™s  officials\n\nmet.".splitlines()
    assert list(normalize.clean_lines(lines)) == ["Vietnam’s officials\n", "\n", "met."]


def test_clean_lines_streams_a_file_of_any_size(tmp_path):
    paragraph = "The officials  met in Hanoi.\nThey agreed.\n\n"
    path = tmp_path / "big.txt"
    path.write_text(paragraph * 2000)
    with open(path, encoding="utf-8") as lines:
        out = list(normalize.clean_lines(lines, whole_text_limit=10_000))
    assert "".join(out) == normalize.clean(path.read_text())


def test_clean_lines_refuses_bytes_and_says_what_to_do():
    with pytest.raises(TypeError, match="decode"):
        list(normalize.clean_lines([b"bytes\n"]))


def test_joiner_tidies_separators_as_the_whitespace_stage_does():
    joiner = Joiner()
    assert joiner.join("", "\n\n") == ""  # nothing before: leading blank lines go
    assert joiner.join("One\n", "\n\n\n") == "One\n"
    assert joiner.join("", "\n") == ""  # a block cleaned away owes no second separator
    assert joiner.join("Two", "   ") == "\nTwo"
    assert joiner.lead == 1
    assert joiner.join("three\n", "\n") == " three\n"


# --- clean_records


def test_clean_records_cleans_a_nested_field_and_leaves_the_input_alone():
    records = [{"id": 1, "meta": {"body": "caf&eacute;  au lait", "lang": "fr"}, "tags": ["x"]}]
    before = copy.deepcopy(records)
    out = list(normalize.clean_records(records, field="meta.body"))
    assert out == [{"id": 1, "meta": {"body": "café au lait", "lang": "fr"}, "tags": ["x"]}]
    assert records == before


def test_edits_field_holds_what_restore_needs():
    raw = "Vietnamâ€™s  talks\r\n"
    (record,) = normalize.clean_records([{"text": raw}], edits_field="edits")
    edits = tuple(normalize.Edit(**edit) for edit in record["edits"])
    assert normalize.restore(Cleaned(record["text"], edits)) == raw


@pytest.mark.parametrize(
    "record, message",
    [({"title": "x"}, "record 2: no field 'text'"), ({"text": 5}, "record 2: field 'text' is a number"), ({"text": None}, "is null")],
)
def test_a_bad_record_is_named(record, message):
    with pytest.raises(InputError, match=message):
        list(normalize.clean_records([{"text": "fine"}, record]))


def test_with_field_creates_missing_levels_and_refuses_to_overwrite_a_value():
    assert with_field({"a": 1}, "meta.edits", []) == {"a": 1, "meta": {"edits": []}}
    with pytest.raises(InputError, match="not an object"):
        with_field({"meta": "text"}, "meta.edits", [])


# --- parallel


def test_ordered_map_keeps_input_order_across_processes():
    texts = [f"text  {i}" for i in range(40)]
    assert list(ordered_map(normalize.clean, texts, jobs=2, window=3)) == [f"text {i}" for i in range(40)]


def test_the_damage_estimate_rides_along_and_is_zero_for_clean_text():
    from normalize.streaming import clean_records

    clean, damaged = clean_records(
        [{"text": "Already clean text here."}, {"text": "The officials exchangedviews inHanoi."}],
        damage_field="meta.damage")
    assert clean["meta"]["damage"] == 0.0
    assert 0.0 < damaged["meta"]["damage"] <= 1.0
    assert damaged["meta"]["damage"] == normalize.clean_and_explain("The officials exchangedviews inHanoi.").damage
