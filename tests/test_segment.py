"""The segmentation: compiled and pure-Python paths agree, and runs with no spaces come apart."""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from normalize.splitting import segment as seg
from normalize.splitting import typos

RUNS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", max_size=80)


@pytest.mark.skipif(seg._compiled() is None, reason="instant-segment is not installed")
@settings(max_examples=300, deadline=None)
@given(RUNS)
@example("thequickbrownfoxjumpsoverthelazydog")
@example("attheendofthecompetition")
@example("ithad50roomsviewsofthtriver")
@example("a" * 200)
def test_compiled_and_python_paths_agree(run):
    assert seg.segment_compiled(run) == seg.segment_python(run) == seg.segment(run)


@given(RUNS)
@settings(max_examples=200, deadline=None)
def test_segmentation_only_cuts(run):
    words = seg.segment(run)
    assert "".join(words) == run
    assert all(0 < len(word) <= seg.MAX_WORD for word in words)


def test_a_run_with_no_spaces_is_read_as_words():
    assert seg.segment("thequickbrownfoxjumpsoverthelazydog") == "the quick brown fox jumps over the lazy dog".split()


def test_a_known_long_word_stays_whole():
    assert seg.segment("internationalization") == ["internationalization"]


@given(RUNS)
@settings(max_examples=200, deadline=None)
@example("thegovermentwasgrowing")
def test_reading_typos_only_cuts(run):
    words = typos.segment_with_typos(run)
    assert "".join(words) == run
    assert all(0 < len(word) <= seg.MAX_WORD for word in words)


def test_a_misspelt_word_stays_whole_where_the_model_cuts_it():
    assert seg.segment("thebeleifwas") != ["the", "beleif", "was"]
    assert typos.segment_with_typos("thebeleifwas") == ["the", "beleif", "was"]
    assert typos.segment_with_typos("thequickbrownfox") == ["the", "quick", "brown", "fox"]
