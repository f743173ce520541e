"""Code a text marks as code (Markdown, reStructuredText, prompts) is never edited by the word stages."""
import pytest

from normalize import clean, clean_and_explain, restore
from normalize.splitting.marked_code import code_spans, mask, outside

# Prose around the code that lost spaces and gained stray ones: still repaired.
DAMAGED_PROSE = "Officials exchangedviews inHanoi and the data were sig nificant durin g the trial."
REPAIRED_PROSE = "Officials exchanged views in Hanoi and the data were significant during the trial."

CODE_SAMPLES = {
    "fenced block": "```python\nprint(example[\"image\"])\nrunner = LocalPipelineExecutor(\n    steps=[load])\n```",
    "tilde fence": "~~~\nfor item in trange(5):\n    sleep(0.1)\n~~~",
    "inline spans": "Call `getsetdescriptor` or `evergr een` or ``a`b`` here.",
    "python prompt": ">>> dumps(squared)\n... LocalPipelineExecutor(x)",
    "shell prompt": "$ pip install wordninja",
    "literal block": "Run it::\n\n    for item in trange(5):\n        sleep(0.1)\n",
    "directive": ".. sourcecode:: python",
}


@pytest.mark.parametrize("name", sorted(CODE_SAMPLES))
def test_marked_code_is_left_as_written_while_prose_around_it_is_repaired(name):
    code = CODE_SAMPLES[name]
    text = f"{DAMAGED_PROSE}\n\n{code}\n\n{DAMAGED_PROSE}"
    cleaned = clean_and_explain(text)
    assert code.rstrip("\n") in cleaned.text
    assert cleaned.text.count(REPAIRED_PROSE) == 2
    assert restore(cleaned) == text
    assert clean(cleaned.text) == cleaned.text


def test_a_quotation_opened_by_a_backtick_is_prose():
    # Some pages open quotations with a backtick and close them with an apostrophe.
    text = "`Who are you?' he asked. `It is me,' she said, and they metin Hanoi."
    assert code_spans(text) == []
    assert clean(text) == text.replace("metin", "met in")


def test_a_line_opening_with_an_ellipsis_is_prose():
    assert code_spans("... and then they metin Hanoi.") == []
    assert code_spans("It cost $ 5 million.") == []


def test_an_unclosed_fence_runs_to_the_end():
    text = "Before.\n```\nprint(example)\nmore"
    assert [text[start:end] for start, end in code_spans(text)] == ["```\nprint(example)\nmore"]


def test_mask_keeps_length_and_line_ends():
    text = "a `b c` d\n```\nx\n```\ne"
    spans = code_spans(text)
    masked = mask(text, spans)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "`" not in masked and "x" not in masked


def test_outside_drops_positions_inside_and_beside_spans():
    spans = [(4, 10), (20, 25)]
    assert outside([0, 3, 4, 7, 10, 11, 19, 20, 26], spans) == [0, 3, 11, 19, 26]


def test_hexadecimal_codes_stay_whole():
    for text in ("The identifier was\n\"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\".\n", "It landed in commit 3f9a0c1e today."):
        assert clean(text) == text


def test_many_lone_backticks_make_no_span():
    # (Each lone backtick is read a bounded distance at most, INLINE_CODE_LETTERS: speed lives in benchmarks/.)
    assert code_spans("`a ," * 20000) == []



def test_a_call_in_code_is_no_share_bar_and_a_prose_directive_is_read():
    # print(x): a call, not a 'Print' button; a note's text is prose, repaired as any other.
    text = ".. note:: Do not runthe script twice.\n\n.. code-block:: python\n\n    print(x)\n\nThe officials metin Hanoi."
    cleaned = clean(text)
    assert "    print(x)" in cleaned
    assert "Do not run the script twice." in cleaned and "met in Hanoi" in cleaned
