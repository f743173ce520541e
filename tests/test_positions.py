"""Positions that survive cleaning: `Cleaned.to_original`, `Cleaned.to_cleaned`
and each edit's `original_span`, checked against a character-by-character
replay of the edits (an independent, slow model of the same map)."""
import json
import random
from itertools import groupby
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize import Cleaned, Config, Edit
from normalize.edits import apply_edits
from normalize.positions import Lines, PositionMap

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EVERY_STAGE = Config()
assert EVERY_STAGE.stages == normalize.STAGE_NAMES

# Text made of what the stages act on: mojibake, entities, broken and glued
# words, leftover lines, runs of spaces, line ends of every kind.
PIECES = ["Vietnamâ€™s", "caf&eacute;", "exchangedviews", "inHanoi", "evergr een", "m o d e l", "the", "officials",
          "Share this article", "Photo: VNA |", "  ", " ", "\n", "\n\n\n", "\r\n", "\t", ".", ",", "\x00", "é", "日本"]
pieced = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
texts = st.one_of(st.text(), pieced, st.text(alphabet=st.sampled_from(list("ab Hxy.,\n  â€™&;é\r\t")), max_size=80))


def replay(raw: str, cleaned: Cleaned):
    """The slow model: for each stage, its edits and, for each character of
    the text it received, that character's index in `raw` if no edit touched
    it (None if a stage put it in); last, no edits and the cleaned text's."""
    text, source = raw, list(range(len(raw)))
    for _, group in groupby(cleaned.edits, key=lambda edit: edit.stage):
        edits = list(group)
        yield edits, source
        out, pos = [], 0
        for edit in edits:
            out += source[pos:edit.start] + [None] * len(edit.inserted)
            pos = edit.end
        source = out + source[pos:]
        text = apply_edits(text, edits)
    assert text == cleaned.text and len(source) == len(text)
    yield [], source


def origins(raw: str, cleaned: Cleaned) -> tuple[list, list]:
    """For each character of the cleaned text, its index in `raw` if no edit
    touched it; for each character of `raw`, its index in the cleaned text."""
    *_, (_, source) = replay(raw, cleaned)
    target = [None] * len(raw)
    for at, origin in enumerate(source):
        if origin is not None:
            target[origin] = at
    return source, target


def untouched(source: list, start: int, end: int, other_length: int) -> tuple[int, int] | None:
    """Where [start, end) sits on the other side if no edit touched it (by the
    slow model), else None. An empty span must sit between two untouched
    neighbours that stayed neighbours (or at an end of both texts)."""
    if start < end:
        run = source[start:end]
        if None in run or run[-1] - run[0] != end - start - 1:
            return None
        return run[0], run[-1] + 1
    left = 0 if start == 0 else (None if source[start - 1] is None else source[start - 1] + 1)
    right = other_length if start == len(source) else source[start]
    return (left, left) if left is not None and left == right else None


def spans(length: int, rng: random.Random) -> list[tuple[int, int]]:
    if length <= 30:
        return [(s, e) for s in range(length + 1) for e in range(s, length + 1)]
    points = [(at, at) for at in range(length + 1)] + [(at, at + 1) for at in range(length)]
    return points + [tuple(sorted((rng.randint(0, length), rng.randint(0, length)))) for _ in range(300)]


def check_map(raw: str, cleaned: Cleaned, sample: list[tuple[int, int]], original_sample: list[tuple[int, int]]):
    """Every promise of the map on the given spans of each side; returns how
    many spans touched no edit."""
    source, target = origins(raw, cleaned)
    text = cleaned.text
    clear = 0
    for to_other, back, side, other, from_source, pairs in (
        (cleaned.to_original, cleaned.to_cleaned, text, raw, source, sample),
        (cleaned.to_cleaned, cleaned.to_original, raw, text, target, original_sample),
    ):
        images = {}
        for start, end in pairs:
            image = images[start, end] = to_other(start, end)
            assert 0 <= image[0] <= image[1] <= len(other)
            # Widening covers: every untouched character keeps its place inside the image.
            assert all(image[0] <= at < image[1] for at in from_source[start:end] if at is not None)
            expected = untouched(from_source, start, end, len(other))
            if expected is not None:
                clear += 1
                assert image == expected
                assert other[image[0]:image[1]] == side[start:end]
                assert back(*image) == (start, end)
        ordered = sorted(images)
        for (a, b) in zip(ordered, ordered[1:]):  # monotonic: both ends move forward together
            if a[1] <= b[1]:
                assert images[a][0] <= images[b][0] and images[a][1] <= images[b][1]
    return clear


def check_edits(raw: str, cleaned: Cleaned) -> None:
    """Each edit knows where it sits in the original: the characters it
    removed that no earlier stage touched are inside its span, exactly when
    all of them are."""
    for edits, source in replay(raw, cleaned):
        assert [edit.original_start for edit in edits] == sorted(edit.original_start for edit in edits)
        for edit in edits:
            start, end = edit.original_span
            assert 0 <= start <= end <= len(raw)
            assert all(start <= at < end for at in source[edit.start:edit.end] if at is not None)
            expected = untouched(source, edit.start, edit.end, len(raw))
            if expected is not None:
                assert (start, end) == expected
                assert raw[start:end] == edit.removed


@SETTINGS
@given(texts, st.randoms(use_true_random=False))
def test_the_map_keeps_its_promises_on_any_text_with_every_stage_on(raw, rng):
    cleaned = normalize.clean_and_explain(raw, EVERY_STAGE)
    check_map(raw, cleaned, spans(len(cleaned.text), rng), spans(len(raw), rng))
    check_edits(raw, cleaned)


@SETTINGS
@given(texts)
def test_the_map_grows_with_the_edits_not_with_the_text(raw):
    cleaned = normalize.clean_and_explain(raw, EVERY_STAGE)
    assert cleaned.positions.block_count <= len(cleaned.edits)
    assert cleaned.positions.original_length == len(raw)


def test_a_word_found_in_the_cleaned_text_is_found_in_the_original():
    raw = "Vietnamâ€™s  officials exchangedviews inHanoi.\nShare this article\nThey grow in evergr een forests.\n"
    cleaned = normalize.clean_and_explain(raw)
    assert cleaned.text == "Vietnam’s officials exchanged views in Hanoi.\nThey grow in evergreen forests.\n"

    def original(word):
        start = cleaned.text.index(word)
        return raw[slice(*cleaned.to_original(start, start + len(word)))]

    assert original("Hanoi.") == "Hanoi."
    assert original("forests") == "forests"
    assert original("Vietnam’s") == "Vietnamâ€™s"  # touching an edit widens to cover it
    assert original("evergreen") == "evergr een"
    assert original("exchanged views") == "exchangedviews"


def test_an_inserted_space_maps_to_the_point_between_the_characters_it_separates():
    raw = "They exchangedviews today."
    cleaned = normalize.clean_and_explain(raw)
    space = cleaned.text.index("d v") + 1
    assert cleaned.to_original(space, space + 1) == (raw.index("views"), raw.index("views"))
    (edit,) = cleaned.edits
    assert edit.original_span == (raw.index("views"),) * 2


def test_removed_leftovers_map_to_the_empty_span_where_they_were():
    raw = "The talks went on.\nShare this article\nBoth sides agreed.\n"
    cleaned = normalize.clean_and_explain(raw)
    assert cleaned.text == "The talks went on.\nBoth sides agreed.\n"
    leftover = raw.index("Share"), raw.index("Both")
    where = cleaned.text.index("Both")
    assert cleaned.to_cleaned(*leftover) == (where, where)
    assert cleaned.to_original(where, where) == leftover  # an empty span where text went maps to that text
    assert cleaned.to_cleaned(leftover[0], leftover[0] + 5) == (where, where)


def test_an_empty_span_at_the_edge_of_a_change_stays_there_and_one_inside_it_widens():
    raw = "Vietnamâ€™s talks"
    cleaned = normalize.clean_and_explain(raw)
    assert cleaned.text == "Vietnam’s talks"
    assert cleaned.to_original(7, 7) == (7, 7) and cleaned.to_original(8, 8) == (10, 10)
    assert cleaned.to_cleaned(8, 8) == (7, 8)  # inside the mojibake: the character it became
    assert cleaned.to_original(7, 8) == (7, 10) and cleaned.to_cleaned(9, 12) == (7, 10)


def test_changes_side_by_side_stay_apart():
    raw = "Vietnamâ€™  officials"
    cleaned = normalize.clean_and_explain(raw)
    assert cleaned.text == "Vietnam’ officials"
    assert cleaned.to_original(7, 8) == (7, 10) and cleaned.to_original(8, 9) == (10, 12)


def test_spans_outside_the_text_are_refused():
    cleaned = normalize.clean_and_explain("a  b")
    for start, end in [(-1, 1), (2, 1), (0, 4)]:
        with pytest.raises(ValueError, match="not inside the cleaned text"):
            cleaned.to_original(start, end)
    assert cleaned.to_cleaned(0, 4) == (0, 3)


def test_a_cleaned_rebuilt_from_stored_edits_maps_the_same():
    raw = "Vietnamâ€™s  talks inHanoi\r\n"
    (record,) = normalize.clean_records([{"text": raw}], edits_field="edits")
    assert record["edits"][0]["original_start"] == raw.index("â€™")
    rebuilt = Cleaned(record["text"], tuple(Edit(**edit) for edit in record["edits"]))
    old_style = Cleaned(record["text"], tuple(Edit(**{k: v for k, v in edit.items() if not k.startswith("original")})
                                              for edit in record["edits"]))
    cleaned = normalize.clean_and_explain(raw)
    assert rebuilt == old_style == cleaned and normalize.restore(old_style) == raw
    for start in range(len(cleaned.text) + 1):
        assert rebuilt.to_original(start, len(cleaned.text)) == cleaned.to_original(start, len(cleaned.text))
        assert old_style.to_original(start, start) == cleaned.to_original(start, start)


def test_lines_give_line_and_column_as_a_person_counts_them():
    lines = Lines("ab\ncd\n\nef")
    assert [lines.label(at) for at in (0, 1, 2, 3, 6, 7, 9)] == ["1:1", "1:2", "1:3", "2:1", "3:1", "4:1", "4:3"]
    assert Lines("x\ny", first_line=10)(2) == (11, 1)


def test_a_map_without_edits_is_the_identity():
    positions = PositionMap((), 5)
    assert positions.to_original(1, 3) == (1, 3) and positions.to_cleaned(5, 5) == (5, 5) and positions.block_count == 0


@pytest.mark.skipif(not DEV_CORPUS.is_file(), reason="the shared dev corpus is not next to the repository")
def test_the_map_keeps_its_promises_on_every_document_of_the_dev_corpus():
    clear = 0
    with DEV_CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)["dirty"]
            cleaned = normalize.clean_and_explain(raw, EVERY_STAGE)
            words = [match.span() for match in regex.finditer(r"\S+", cleaned.text)]
            points = [(at, at) for at in range(0, len(cleaned.text) + 1, 7)]
            original_words = [match.span() for match in regex.finditer(r"\S+", raw)]
            clear += check_map(raw, cleaned, words + points, original_words)
            check_edits(raw, cleaned)
    assert clear > 100_000  # most words touch no edit: the exact half of the promise was tested
