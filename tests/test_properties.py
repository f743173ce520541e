"""The promises, stated as properties over arbitrary and over article-like text."""
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize import Config
from normalize.pipeline import STAGES

CONFIG = Config()
# The promises hold with paragraph unwrapping on as well.
CONFIGS = (CONFIG, Config(unwrap=True))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words a reader knows: the splitter must never touch a text made of them.
COMMON_WORDS = (
    "the of and to in is that for it was on with as he be at by this had not are but from or have "
    "an they which one you were her all she there would their we him been has when who will more no "
    "if out so said what up its about into than them can only other new some could time these two may "
    "then do first any my now such like our over man me even most made after also did many before must "
    "through back years where much your way well down should because each just those people how too "
    "little state good very make world still own see men work long get here between both life being "
    "under never day same another know while last might us great old year off come since against go "
    "came right used take three government minister defence security cooperation meeting officials"
).split()
LEFTOVER_LINES = [
    "Leave your comment on an article",
    "At the meeting (Source:",
    "Delegates at the conference. Photo: VNA |",
]

words = st.lists(st.sampled_from(COMMON_WORDS), min_size=1, max_size=40)


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("windows-1252", errors="replace")


@st.composite
def scraped_articles(draw):
    """English sentences with some spaces dropped, leftover lines inserted, mojibake applied."""
    paragraphs = []
    for sentence in draw(st.lists(words, min_size=1, max_size=6)):
        glue = draw(st.lists(st.booleans(), min_size=len(sentence), max_size=len(sentence)))
        text = "".join(w + ("" if g else " ") for w, g in zip(sentence, glue)).strip()
        paragraphs.append(text[:1].upper() + text[1:] + ".")
        if draw(st.booleans()):
            paragraphs.append(draw(st.sampled_from(LEFTOVER_LINES)))
    text = draw(st.sampled_from(["\n", "\n\n", "\r\n"])).join(paragraphs)
    if draw(st.booleans()):
        text = text.replace("Minister", "Minister’s")
        text = mojibake(text)
    return text


texts = st.one_of(st.text(), scraped_articles())


@SETTINGS
@given(texts)
def test_clean_never_raises_and_returns_text(text):
    assert isinstance(normalize.clean(text), str)


@SETTINGS
@given(texts)
def test_restore_rebuilds_the_input_exactly(text):
    for config in CONFIGS:
        assert normalize.restore(normalize.clean_and_explain(text, config)) == text


@SETTINGS
@given(texts)
def test_clean_is_idempotent(text):
    for config in CONFIGS:
        once = normalize.clean(text, config)
        assert normalize.clean(once, config) == once


def nonspace(text: str) -> str:
    return regex.sub(r"\s+", "", text)


@SETTINGS
@given(texts)
def test_split_and_whitespace_edits_touch_only_whitespace(text):
    for edit in normalize.clean_and_explain(text).edits:
        if edit.stage in ("split_words", "normalize_whitespace"):
            assert nonspace(edit.removed) == "" and nonspace(edit.inserted) == ""


@SETTINGS
@given(texts)
def test_only_leftover_edits_remove_words_and_only_whole_lines_or_line_ends(text):
    cleaned = normalize.clean_and_explain(text)
    restored_input = normalize.restore(cleaned)
    for edit in cleaned.edits:
        if edit.stage == "remove_leftovers":
            assert edit.inserted == ""
            removed = edit.removed.strip()
            assert removed, "a leftover edit removes something"
        elif edit.stage == "rejoin_lines":
            # (a hyphen at a line end, soft hyphens inside a word)
            assert nonspace(edit.removed).replace("\u00ad", "") in ("", "-")
        elif edit.stage != "fix_encoding":
            assert nonspace(edit.removed) == ""
    assert isinstance(restored_input, str)


@SETTINGS
@given(texts)
def test_splitter_only_inserts_spaces_and_is_idempotent(text):
    out, edits = STAGES["split_words"](text, CONFIG)
    assert all(e.removed == "" and e.inserted == " " for e in edits)
    assert nonspace(out) == nonspace(text)
    assert STAGES["split_words"](out, CONFIG)[0] == out


@SETTINGS
@given(words)
def test_text_of_known_words_passes_the_splitter_unchanged(sentence):
    text = " ".join(sentence)
    assert STAGES["split_words"](text, CONFIG)[0] == text


@SETTINGS
@given(st.text())
def test_whitespace_stage_keeps_every_non_space_character_in_order(text):
    out, _ = STAGES["normalize_whitespace"](text, CONFIG)
    assert nonspace(out) == nonspace(text)
