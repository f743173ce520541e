"""A long text shows its damage twice before a glued or broken word is repaired:
one alone, however often written, is the page's own writing."""
from normalize import Config, clean
from normalize.pipeline import STAGES

CONFIG = Config()
# About 1,100 characters of clean prose: a long text, which must show two marks of damage.
LONG_CLEAN = "The committee met on Tuesday to discuss the budget for the coming year in detail. " * 13


def test_a_long_text_with_one_broken_word_alone_is_left_as_written():
    # However often the page writes it (a film's name, a title's styled first letters).
    text = LONG_CLEAN + "They watched Walk Wi th Me, then Walk Wi th Me again."
    assert STAGES["rejoin_words"](text, CONFIG)[0] == text


def test_a_long_text_with_two_broken_words_is_joined():
    text = LONG_CLEAN + "The data were sig nificant durin g the trial."
    assert STAGES["rejoin_words"](text, CONFIG)[0] == LONG_CLEAN + "The data were significant during the trial."


def test_a_long_text_with_one_glued_word_alone_is_left_as_written():
    text = LONG_CLEAN + "It is a pretty odd rule,mostly for a budget."
    assert clean(text) == text


def test_a_long_text_with_two_glued_words_is_split():
    text = LONG_CLEAN + "It is a pretty odd rule,mostly for a budget that theytried to pass inHanoi."
    assert clean(text) == LONG_CLEAN + (
        "It is a pretty odd rule, mostly for a budget that they tried to pass in Hanoi.")


def test_a_short_text_with_one_glued_word_is_split():
    assert clean("The officials exchangedviews on Monday.") == "The officials exchanged views on Monday."
