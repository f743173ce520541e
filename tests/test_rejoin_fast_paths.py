"""The fast paths of `rejoin_words`'s analyses give what their plain definitions give.

Each test writes the definition as the code read before the fast path (a
pattern over the line, a walk over every gap, a look-up a token) and holds the
fast path to it, on invented lines built from pieces that exercise both sides.
"""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.splitting import capitals, gaps, joinwords, scraps, spelt
from normalize.splitting.lexicon import lexicon
from normalize.splitting.segment_tuning import SPELT_OUT_LETTERS
from normalize.splitting.shapes import ascii_letter_runs
from normalize.splitting.sorted_words import Screen, SortedWords

# Tokens of every kind the analyses tell apart: common words small and capitalised, rarer words,
# scraps of broken words, lone letters, punctuation around words, numbers, non-ASCII letters.
PIECES = ["the", "The", "of", "a", "A", "I", "in", "is", "evergr", "een", "detect", "ive", "mem", "ber", "wit",
          "hin", "Hanoi", "hanoi", "said.", "said,", "(the", "it's", "cruc", "iform", "shru", "bland,", "wri",
          "ttenby", "betweenth", "e", "s", "t", "he", "T", "x", "m", "o", "d", "l", "Representa", "ions",
          "ofherit", "age", "flour", "ishedin", "café", "naïve", "1978", "19", "78", "-", "pos", "-sible", "R&B",
          "McDonald", "iPhone", "=", "x2", "“quoted”", "tea", "spoon", "Zqxv", "zqxv"]
LINES = st.lists(st.sampled_from(PIECES), max_size=14).flatmap(
    lambda words: st.lists(st.sampled_from([" ", " ", " ", "  ", "\t"]), min_size=len(words), max_size=len(words))
    .map(lambda gaps_: "".join(w + g for w, g in zip(words, gaps_)).rstrip(" \t") + "\n"))


def test_a_screened_list_answers_as_the_searches_alone():
    """The screen (`Screen`) only says no where the bisection says no."""
    words = ["the", "there", "evergreen", "representation", "a", "of", "hin", "within", "zebra"]
    plain, screened = SortedWords(words), SortedWords(words, screened=True)
    probes = {w[:k] for w in words for k in range(len(w) + 1)} | {w[k:] for w in words for k in range(len(w))}
    probes |= {"x", "zz", "thee", "hinw", "green", "ever", "tion", "ation", "nope", ""}
    for letters in probes:
        assert screened.starts(letters) == plain.starts(letters), letters
        assert screened.ends(letters) == plain.ends(letters), letters


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abce", min_size=1, max_size=6), max_size=12))
def test_a_screen_of_sorted_beginnings_is_the_screen_of_every_beginning(words):
    """`Screen.of_beginnings` hashes a beginning a word shares with the word before once: the same bits."""
    forwards, backwards = tuple(sorted(words)), tuple(sorted(word[::-1] for word in words))
    every_beginning = Screen(word[:k] for word in words for k in range(len(word) + 1))
    every_end = Screen(word[k:] for word in words for k in range(len(word) + 1))
    assert Screen.of_beginnings(forwards)._slots == every_beginning._slots
    assert Screen.of_beginnings(backwards, spelt_backwards=True)._slots == every_end._slots


def test_the_join_words_screen_holds_every_beginning_and_end():
    words = joinwords._join_words()
    for word in words.forwards[::97]:
        for k in range(1, len(word) + 1):
            assert word[:k] in words.beginnings and word[k - 1:] in words.endings


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abzAZ é’'-.,\t\n1ßİ", max_size=30))
def test_ascii_letter_runs_are_the_pattern_s(text):
    assert ascii_letter_runs(text) == re.findall(r"[A-Za-z]+", text)
    # (What `resegmented_spaces` read before: small letters no letter touches.)
    assert set(re.findall(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])", text)) == {
        run for run in ascii_letter_runs(text) if run.islower()}


def test_word_forms_are_the_words_alone_small_or_capitalised():
    lex = lexicon()
    forms = gaps.word_forms(lex)
    # Small or capitalised runs are in the forms exactly when they are words alone.
    for run in ["the", "The", "evergreen", "Evergreen", "hanoi", "Hanoi", "een", "Een", "a", "A"]:
        assert (run in forms) == gaps.is_word(run, lex)
    # Other cases are never forms, whatever the word.
    for run in ["THE", "tHe", "EverGreen"]:
        assert run not in forms


# The first pieces of displaced spaces' gaps as the stage found them: a pattern over the whole line.
OLD_DISPLACED_HEAD_RE = re.compile(gaps.DISPLACED_GAP_RE.pattern.replace("([a-z]{3,})", "[a-z]{3,}", 1))


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_displaced_gaps_are_found_as_the_pattern_found_them(line):
    lex = lexicon()
    words = gaps.words_alone(lex)
    heads = {head for head in set(OLD_DISPLACED_HEAD_RE.findall(line)) - words if head.lower() not in words}
    runs = set(ascii_letter_runs(line)).difference(gaps.word_forms(lex))
    fast = {run for run in runs if run + " " in line and gaps.DISPLACED_HEAD_SHAPE_RE.match(run)}
    spans = [m.span() for m in gaps._matches_at(line, heads, gaps.DISPLACED_GAP_RE)]
    assert [m.span() for m in gaps._matches_at(line, fast, gaps.DISPLACED_GAP_RE)] == spans


def opens_no_gap_by_definition(line: str) -> bool:
    """Every gap of the line asked (`_may_open`), as the gate read it before."""
    words = joinwords._join_words()
    tokens = line.split()
    return not any(joinwords._may_open(joinwords._token_facts(a)[2], joinwords._token_facts(b)[3], words, False)
                   for a, b in zip(tokens, tokens[1:]))


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_the_gate_opens_where_some_gap_may_open(line):
    assert joinwords._opens_no_gap(line) == opens_no_gap_by_definition(line)
    assert joinwords._opens_no_gap(line) == opens_no_gap_by_definition(line)  # (its tokens now learnt)


def test_the_closed_words_are_the_plain_common_words():
    lex = lexicon()
    closed = joinwords._closed_words()
    for token in ["the", "The", "of", "Of", "a", "A", "is", "hanoi", "Hanoi", "evergreen", "een", "THE", "x"]:
        by_definition = (joinwords._plain_word(token) and joinwords._common_word(token, lex)
                         and gaps.is_word(token, lex))
        assert (token in closed) == by_definition, token


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=10), st.sets(st.sampled_from("abcd")),
       st.sets(st.sampled_from("abcd")))
def test_a_piece_before_a_piece_is_every_pair_walked(tokens, heads, tails):
    by_definition = any(a in heads and b in tails for a, b in zip(tokens, tokens[1:]))
    assert scraps._head_before_tail(tokens, heads, tails) == by_definition


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=10), st.sets(st.sampled_from("abcd")),
       st.sets(st.sampled_from("abcd")))
def test_the_gaps_beside_are_every_gap_walked(tokens, lefts, rights):
    by_definition = {k for k in range(len(tokens) - 1) if tokens[k] in lefts or tokens[k + 1] in rights}
    assert joinwords._gaps_beside(tokens, set(lefts), set(rights)) == by_definition


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "c", "xy", "I", "d,", ".", "="]), max_size=12).map(" ".join))
def test_a_spelt_out_run_holds_its_hint(line):
    assert SPELT_OUT_LETTERS >= 4  # (a shorter run need not hold two lone letters with spaces around)
    if spelt.SPELT_RUN_RE.search(line):
        assert spelt.SPELT_HINT_RE.search(line)


# The hint of a capital set apart as it was written: its look-behind first.
OLD_LONE_CAPITAL_HINT_RE = re.compile(r"(?<![^\s(\[\"“‘])[B-HJ-NP-Z] [a-z]")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="BFAIxa (\"“‘.\n-", max_size=12))
def test_the_capital_hint_finds_what_its_look_behind_first_found(line):
    found = [m.start() for m in capitals.LONE_CAPITAL_HINT_RE.finditer(line)]
    assert found == [m.start() for m in OLD_LONE_CAPITAL_HINT_RE.finditer(line)]
