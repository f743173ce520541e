"""Stage `rejoin_lines`: words broken at line ends, soft hyphens, unwrapping (issue 18)."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import normalize
from conftest import case_params, load_cases
from normalize import Config
from normalize.errors import ConfigError
from normalize.linebreaks import RULES
from normalize.pipeline import STAGES

ROOT = Path(__file__).resolve().parent.parent
UNWRAP = Config(unwrap=True)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("case", case_params("rejoin_lines"))
def test_rejoin_lines(case):
    text, edits = STAGES["rejoin_lines"](case["input"], Config(unwrap=case.get("unwrap", False)))
    assert text == case["expected"]
    if "rule" in case:
        assert case["rule"] in {edit.rule for edit in edits}
    else:
        assert edits == []


def test_every_rule_id_is_registered_and_documented():
    docs = (ROOT / "docs" / "linebreaks.md").read_text(encoding="utf-8")
    assert {case["rule"] for case in load_cases("rejoin_lines") if "rule" in case} <= set(RULES)
    assert [rule for rule in RULES if f"| `{rule}` |" not in docs] == []


def test_the_word_stages_read_the_whole_word():
    """Hyphenation is undone before rejoin_words and split_words read the text:
    they would take a word's halves for damage (elec-to rate, anony-mouse-mail)."""
    raw = "a report to ministers and the elec-\ntorate on anony-\nmous e-mail relays"
    assert normalize.clean(raw) == "a report to ministers and the electorate\non anonymous\ne-mail relays"


def test_hyphen_edits_remove_only_the_hyphen_and_whitespace():
    raw = "The inter-\nnational and well-\nknown co\u00adop\u00aderation"
    cleaned = normalize.clean_and_explain(raw)
    assert cleaned.text == "The international\nand well-known\ncooperation"
    for edit in cleaned.edits:
        assert edit.removed.strip() in ("", "-", "\u00ad", "\u00ad\u00ad")
        assert edit.inserted.strip() == ""
    assert normalize.restore(cleaned) == raw


def test_unwrap_is_off_by_default_and_checked():
    assert Config().unwrap is False
    with pytest.raises(ConfigError):
        Config(unwrap="yes")
    assert Config.from_mapping({"unwrap": True}).unwrap is True


@st.composite
def wrapped_paragraphs(draw):
    """Paragraphs of words wrapped greedily at a width, some words broken at a
    line end with a hyphen, paragraphs apart by blank lines or line ends."""
    vocabulary = ["the", "committee", "said", "international", "cooperation", "budget", "would",
                  "be", "shared", "between", "national", "governments", "well-known", "Hanoi", "and"]
    width = draw(st.integers(20, 90))
    paragraphs = []
    for words in draw(st.lists(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=40), min_size=1, max_size=4)):
        lines, line = [], ""
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                if len(word) > 6 and draw(st.booleans()):
                    cut = draw(st.integers(2, len(word) - 3))
                    lines.append(f"{line} {word[:cut]}-")
                    line = word[cut:]
                    continue
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line + draw(st.sampled_from([".", "", ","])))
        paragraphs.append("\n".join(lines))
    return draw(st.sampled_from(["\n\n", "\n"])).join(paragraphs)


# (test_properties runs its own texts with unwrap on as well.)
texts = st.one_of(wrapped_paragraphs(), st.text(alphabet="ab -\n\u00ad.A", max_size=60))


@SETTINGS
@given(texts)
def test_restore_rebuilds_the_input_with_unwrap(text):
    assert normalize.restore(normalize.clean_and_explain(text, UNWRAP)) == text


@SETTINGS
@given(wrapped_paragraphs())
def test_clean_is_idempotent_with_unwrap(text):
    once = normalize.clean(text, UNWRAP)
    assert normalize.clean(once, UNWRAP) == once


@SETTINGS
@given(texts)
@example("A-\nA- A")  # a rejoined word ending in a hyphen: its line break is not moved after it
def test_the_stage_is_idempotent(text):
    for config in (Config(), UNWRAP):
        once = STAGES["rejoin_lines"](text, config)[0]
        assert STAGES["rejoin_lines"](once, config)[0] == once


@SETTINGS
@given(texts)
def test_the_stage_changes_only_whitespace_and_hyphens(text):
    for config in (Config(), UNWRAP):
        out, edits = STAGES["rejoin_lines"](text, config)
        for edit in edits:
            assert edit.removed.replace("-", "").replace("\u00ad", "").strip(" \t\n") == ""
            assert edit.inserted.strip(" \t\n") == ""
            assert edit.rule in RULES
            if edit.rule == "unwrapped_line":
                assert "-" not in edit.removed and "\u00ad" not in edit.removed
            assert edit.removed.count("\n") <= 1  # never across a blank line


def test_cli_unwrap_and_folds(tmp_path):
    from click.testing import CliRunner

    from normalize.cli import main

    paragraph = (
        "The committee said on Monday that the new rules would apply to\n"
        "every member state from next year, and that the costs of the\n"
        "change would be shared between the governments and the “union”.\n"
    )
    source = tmp_path / "wrapped.txt"
    source.write_text(paragraph + "\nThe ﬁnal ＡＢＣ note.\n", encoding="utf-8")
    plain = CliRunner().invoke(main, [str(source)])
    assert plain.exit_code == 0 and plain.stdout.count("\n") == 5
    folded = CliRunner().invoke(main, [str(source), "--unwrap", "--uncurl-quotes", "--fix-latin-ligatures",
                                       "--fix-character-width", "--unicode-normalization", "NFKC"])
    assert folded.exit_code == 0, folded.output
    assert folded.stdout == (" ".join(paragraph.split("\n")).strip().replace("“", '"').replace("”", '"')
                             + "\n\nThe final ABC note.\n")


def test_a_hyphen_at_a_line_end_after_japanese_is_a_dash_between_words():
    text = "昔話のサイト-さくら-\n誕生日の占い"
    assert normalize.clean(text) == text
