"""Stage rejoin_words: stray spaces inside words go; words that read well apart stay apart."""
import pytest

from normalize import Config, clean, clean_and_explain, restore
from normalize.pipeline import STAGES
from conftest import case_params

CONFIG = Config()

# Pairs that are two words as often as one: never joined, in clean text or in damaged text.
LOOK_ALIKES = ["a part", "in to", "may be", "every day", "any one", "on to", "can not", "a head",
               "some one", "a way", "no one", "a lot", "a round", "with in", "a cross", "up on"]
DAMAGE = " The data were sig nificant durin g the trial."


@pytest.mark.parametrize("case", case_params("rejoin_words"))
def test_rejoin_words(case):
    text, edits = STAGES["rejoin_words"](case["input"], CONFIG)
    assert text == case["expected"]
    if case.get("rule"):
        assert {edit.rule for edit in edits} >= {case["rule"]}
    # Only single spaces go; a space comes in only where a displaced one moved to.
    assert all((edit.removed, edit.inserted) == (" ", "") or edit.rule == "rejoin_displaced_space"
               and (edit.removed, edit.inserted) == ("", " ") for edit in edits)


@pytest.mark.parametrize("pair", LOOK_ALIKES)
def test_look_alike_pairs_stay_apart(pair):
    sentence = f"They said it was {pair} thing to consider."
    assert clean(sentence) == sentence
    damaged = clean(sentence + DAMAGE)
    assert damaged.startswith(sentence)
    assert "significant during" in damaged


def test_letter_spaced_words_are_rejoined_and_recorded():
    cleaned = clean_and_explain("We train the m o d e l on new data.")
    assert cleaned.text == "We train the model on new data."
    assert {edit.rule for edit in cleaned.edits} == {"rejoin_letter_spaced"}
    assert restore(cleaned) == "We train the m o d e l on new data."


def test_every_rejoin_rule_id_is_registered_and_documented():
    from pathlib import Path

    from normalize.splitting.rejoin import RULES
    from conftest import load_cases

    readme = (Path(__file__).resolve().parent.parent / "docs" / "splitting.md").read_text(encoding="utf-8")
    assert {case["rule"] for case in load_cases("rejoin_words") if case.get("rule")} <= set(RULES)
    assert [rule for rule in RULES if f"`{rule}`" not in readme] == []


def test_the_stage_can_be_skipped():
    config = Config(stages=tuple(s for s in Config().stages if s != "rejoin_words"))
    assert clean("They grow in evergr een forests.", config) == "They grow in evergr een forests."


def test_stray_spaces_removed_count_as_damage_for_the_splitter():
    # The same compound is split only where the text also broke a word with a stray space.
    damaged = clean_and_explain("The lake has a colderwater layer at depth and is sim ply too deep to swim.")
    undamaged = clean("The lake has a colderwater layer at depth and is simply too deep to swim.")
    assert damaged.text == "The lake has a colder water layer at depth and is simply too deep to swim."
    assert [edit.stage for edit in damaged.edits] == ["rejoin_words", "split_words"]
    assert "colderwater" in undamaged


def test_split_words_alone_reads_no_earlier_edits():
    from normalize.splitting import split_words

    text = "The lake has a colderwater layer at depth and is simply too deep to swim."
    assert split_words(text, Config())[0] == text


def test_drop_caps_of_a_page_stay_unless_the_text_shows_stray_spaces():
    page = "The plan was announced.\n\nK enyan reports say it failed.\n\nM eanwhile speculation, the man left."
    assert clean(page) == page
    broken = page.replace("announced", "anno unced").replace("failed", "fai led")
    assert clean(broken) == page.replace("K enyan", "Kenyan").replace("M eanwhile", "Meanwhile")
    assert clean("T his species lives in forests.") == "This species lives in forests."


def test_two_rare_words_that_make_a_common_one_join_in_clean_text():
    assert clean("The keys are wit hin reach of the door.") == "The keys are within reach of the door."
    for kept in ("Add a tea spoon of salt.", "They did it them selves, he said.", "Pick a pass word for it."):
        assert clean(kept) == kept


def test_a_space_one_letter_too_late_moves():
    result = clean_and_explain("The prizes, thatw ere handed out today, went to two films.")
    assert result.text == "The prizes, that were handed out today, went to two films."
    assert {edit.rule for edit in result.edits} == {"rejoin_displaced_space"}
    assert restore(result) == "The prizes, thatw ere handed out today, went to two films."


def test_a_long_text_joins_a_common_word_broken_into_two_non_words():
    # A long text must show two broken words before one is joined, but a common word
    # in two pieces that are no words alone is a broken word whatever else it shows.
    filler = "The council met on Monday to discuss the plans for the new library and the park. " * 14
    cleaned = clean(filler + "The nu mber of visitors rose.")
    assert cleaned.endswith("The number of visitors rose.")
    for kept in ("the results of Smith et al were shown.", "the styled R ecord title stays."):
        assert clean(filler + kept) == filler + kept


def test_a_broken_word_glued_to_the_word_before_it_joins_once_split():
    # The splitter parts policy,dis; only then does dis stand alone, and the word stages run once more.
    text = "He spoke against the new policy,dis cussing the tax as unfair."
    cleaned = clean_and_explain(text)
    assert cleaned.text == "He spoke against the new policy, discussing the tax as unfair."
    assert [(edit.stage, edit.rule) for edit in cleaned.edits] == [
        ("split_words", "split_after_comma"), ("rejoin_words", "rejoin_broken_word")]
    assert restore(cleaned) == text
    assert clean(cleaned.text) == cleaned.text


def test_the_second_round_joins_no_look_alike_pair():
    for pair in LOOK_ALIKES:
        sentence = f"They said it was {pair} thing, and the officials exchangedviews."
        assert clean(sentence) == sentence.replace("exchangedviews", "exchanged views")


def test_a_stop_set_apart_joins_in_a_short_text_that_lost_spaces():
    text = "The fort was built on lands held by Raymond Ashdown , who diedin the late 1100s."
    cleaned = clean_and_explain(text)
    assert cleaned.text == "The fort was built on lands held by Raymond Ashdown, who died in the late 1100s."
    assert [edit.rule for edit in cleaned.edits][-1] == "rejoin_before_punctuation"
    assert restore(cleaned) == text
    # No lost space: the comma set apart is the text's own.
    kept = "The fort was built on lands held by Raymond Ashdown , who died in the late 1100s."
    assert clean(kept) == kept


def test_a_long_text_that_lost_spaces_keeps_its_stops_set_apart():
    sentence = "Shares rose at the bank . Traders said the rally would last into the week."
    text = " ".join([sentence] * 14) + " The officials exchangedviews and metin Hanoi."
    assert len(text) >= 1000
    cleaned = clean(text)
    assert "officials exchanged views and met in Hanoi." in cleaned
    assert cleaned.count("the bank . Traders") == 14


def test_no_second_round_without_rejoin_words():
    text = "He spoke against the new policy,dis cussing the tax, and officials exchangedviews."
    cleaned = clean_and_explain(text, Config(stages=tuple(s for s in STAGES if s != "rejoin_words")))
    assert {edit.stage for edit in cleaned.edits} == {"split_words"}
    assert "dis cussing" in cleaned.text
    assert restore(cleaned) == text


def test_stray_spaces_of_both_rounds_are_found_where_the_splitter_reads_them():
    # The second word round: the marks of rejoin_words' first run are carried through
    # split_words' spaces and rejoin_words' second run (positions in the text split_words reads).
    from normalize.splitting.stage import _stray_spaces_removed

    text = "The sig nificant tax met the new policy,dis cussing the trial."
    edits = []
    for name in ("rejoin_words", "split_words", "rejoin_words"):
        text, stage_edits = STAGES[name](text, CONFIG, tuple(edits))
        edits += stage_edits
    assert text == "The significant tax met the new policy, discussing the trial."
    marks = _stray_spaces_removed(edits)
    assert marks == sorted(marks) and len(marks) == 2
    assert [text[at - 3:at + 3] for at in marks] == ["signif", "discus"]
