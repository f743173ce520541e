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


def test_a_long_technical_text_keeps_its_compound_names():
    # Code names written as prose look like two words glued; a long text (1,000 characters
    # or more) with no function word or stop glued anywhere keeps them.
    text = ("Version 2 adds a lookaround inside conditional StreamHandler patterns. The old staticmethods are restored, "
            "and the upperbound of each repeat is now checked when the pattern compiles. We no longer use "
            "prettytable for the report, and the cache keeps its keys in memory until the process ends. "
            "Each release is built for several platforms and tested against every supported interpreter. "
            "The parser reads the whole file before it starts, so a broken line is reported with its number. "
            "A new option lets callers choose the encoding, and the default stays the same as before. "
            "Errors raised inside a callback are now passed to the caller with their original traceback. "
            "The documentation explains each option, with a short example for the common cases, and the "
            "changelog lists every change since the first release, with the name of whoever reported it. "
            "Thanks to everyone who sent a patch, a test or a question this year; the next release is "
            "planned for the spring, and its notes will follow the same plan as ever.")
    assert len(text) >= 1000
    assert clean(text) == text
    damaged = text + " The module was writtenby the team andthe tests ranin the evening."
    assert "look around" in clean(damaged) and "written by the team and the tests ran in" in clean(damaged)
