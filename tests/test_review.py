"""The review page's provenance: which input characters each stage removed
and which output characters each stage put in."""
from hypothesis import given, settings
from hypothesis import strategies as st

import normalize
from normalize.views.review import provenance, rows

pieces = st.lists(
    st.sampled_from(["Vietnamâ€™s", "talks", " ", "  ", "\n", "\n\n\n", "\r\n", "&amp;", "\t", "é", "\x00",
                     "Leave your comment on an article", "field.-VNA"]),
    max_size=25,
).map("".join)


def without(text, marks):
    kept, at = [], 0
    for mark in marks:
        kept.append(text[at : mark.start])
        at = mark.end
    kept.append(text[at:])
    return "".join(kept)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_what_survives_is_the_same_on_both_sides(raw):
    cleaned = normalize.clean_and_explain(raw)
    removed, anchors, inserted = provenance(raw, cleaned)
    assert without(raw, removed) == without(cleaned.text, inserted)
    for at_raw, at_out in anchors:
        assert raw[at_raw - 1] == "\n" == cleaned.text[at_out - 1]


def test_changes_are_marked_by_stage_and_rows_align_on_surviving_lines():
    raw = "Vietnamâ€™s  talks\n\n\n\nwent on.\n"
    cleaned = normalize.clean_and_explain(raw)
    removed, _, inserted = provenance(raw, cleaned)
    assert [(raw[m.start : m.end], m.stage) for m in removed] == [("â€™", "fix_encoding"), (" ", "normalize_whitespace"), ("\n\n", "normalize_whitespace")]
    assert [(cleaned.text[m.start : m.end], m.stage) for m in inserted] == [("’", "fix_encoding")]
    aligned = rows(raw, cleaned)
    assert [changed for changed, _, _ in aligned] == [True, False, True]


def test_every_stage_has_its_colour_on_the_page():
    from normalize.views.review import _stage_styles

    styles = _stage_styles()
    assert all(f".s-{stage} " in styles for stage in normalize.STAGE_NAMES)


def test_each_change_is_titled_with_its_place_in_the_input():
    raw = "Talks went on.\nVietnamâ€™s  officials met\nin Hanoi and exchangedviews.\n"
    html = "".join(left + right for _, left, right in rows(raw, normalize.clean_and_explain(raw)))
    assert 'title="fix_encoding/mojibake at 2:8">â€™</del>' in html
    assert 'title="fix_encoding/mojibake at 2:8">’</ins>' in html
    assert 'title="normalize_whitespace/space_runs at 2:13"> </del>' in html
    assert f'title="split_words/split_lowercase_words at 3:{len("in Hanoi and exchanged") + 1}"> </ins>' in html
