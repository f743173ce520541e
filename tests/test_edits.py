import pickle

import pytest

import normalize
from normalize.edits import Cleaned, Edit, apply_edits, replace_spans


def test_replace_spans_records_each_change_against_the_input():
    text, edits = replace_spans("abcdef", "s", [(1, 2, "XX", "r1"), (4, 4, " ", "r2")])
    assert text == "aXXcd ef"
    assert [(e.start, e.end, e.removed, e.inserted) for e in edits] == [(1, 2, "b", "XX"), (4, 4, "", " ")]
    assert apply_edits("abcdef", edits) == text


def test_replace_spans_skips_no_op_spans():
    text, edits = replace_spans("abc", "s", [(0, 1, "a", "same")])
    assert text == "abc" and edits == []


def test_replace_spans_rejects_overlap():
    with pytest.raises(ValueError):
        replace_spans("abcdef", "s", [(2, 4, "", "r"), (3, 5, "", "r")])


def test_restore_undoes_stages_in_reverse():
    raw = "Vietnamâ€™s  officials\r\nexchangedviews.\n\n\n\nLeave your comment on an article"
    cleaned = normalize.clean_and_explain(raw)
    assert normalize.restore(cleaned) == raw
    assert {e.stage for e in cleaned.edits} >= {"fix_encoding", "remove_leftovers", "normalize_whitespace"}


def test_restore_refuses_edits_that_do_not_fit():
    bad = Cleaned("hello", (Edit("split_words", "r", 0, 0, "", "X"),))
    with pytest.raises(normalize.RestoreError):
        normalize.restore(bad)


def test_cleaned_and_edits_pickle():
    cleaned = normalize.clean_and_explain("a  b")
    assert pickle.loads(pickle.dumps(cleaned)) == cleaned
