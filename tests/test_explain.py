"""The explain list: each edit with its rule, its place in the input, and its context."""
from hypothesis import given, settings
from hypothesis import strategies as st

import normalize
from normalize.views.explain import explain_lines

RAW = "Vietnamâ€™s  defence minister met EU envoys inHanoi on Monday.\nThey grow in evergr een forests.\n"


def test_each_edit_has_its_rule_its_line_and_column_and_its_context():
    lines = list(explain_lines(RAW, normalize.clean_and_explain(RAW)))
    assert "fix_encoding/mojibake: 'â€™' → '’' at 1:8  …Vietnam[â€™→’]s  defence" in lines[0]
    assert any(line.startswith("split_words/split_camel_case: '' → ' ' at 1:47") and "envoys in|Hanoi on" in line
               for line in lines)
    assert any(line.startswith("rejoin_words/rejoin_broken_word: ' ' → '' at 2:20") for line in lines)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Hxy.,\n  â€™")), max_size=120))
def test_every_position_points_at_what_the_edit_removed_in_the_input(raw):
    cleaned = normalize.clean_and_explain(raw)
    lines = list(explain_lines(raw, cleaned))
    assert len(lines) == len(cleaned.edits)
    starts = [0] + [at + 1 for at, char in enumerate(raw) if char == "\n"]
    for line, edit in zip(lines, cleaned.edits):
        where = line.split(" at ", 1)[1].split("  ", 1)[0]
        row, column = map(int, where.split(":"))
        at = starts[row - 1] + column - 1
        assert 0 <= at <= len(raw)
        if edit.stage == "fix_encoding" and edit.removed:
            assert raw[at:at + len(edit.removed)] == edit.removed


def test_edits_rebuilt_without_their_places_are_placed_the_same():
    cleaned = normalize.clean_and_explain(RAW)
    bare = normalize.Cleaned(cleaned.text, tuple(normalize.Edit(*(getattr(edit, name) for name in
                             ("stage", "rule", "start", "end", "removed", "inserted"))) for edit in cleaned.edits))
    assert all(edit.original_span is None for edit in bare.edits)
    assert list(explain_lines(RAW, bare)) == list(explain_lines(RAW, cleaned))


def test_context_shows_control_characters_as_the_review_page_does():
    # A tab, a BEL or an ESC in the context would move the cursor, ring the
    # terminal or start a sequence; both views show the same stand-ins instead.
    from normalize.views.review import rows

    raw = "a\tb\x07c  d\x1be\n"
    spaces_only = normalize.Config(stages=("normalize_whitespace",))  # the controls stay in the context
    lines = list(explain_lines(raw, normalize.clean_and_explain(raw, spaces_only)))
    assert any("…a⇥b␇c[  → ]d␛e…" in line for line in lines), lines
    assert not any(char in line for line in lines for char in "\t\x07\x1b")
    removed = "".join(left for changed, left, _ in rows(raw, normalize.clean_and_explain(raw)) if changed)
    assert all(stand_in in removed for stand_in in "⇥␇␛")
