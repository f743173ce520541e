"""The fast paths of the stages give exactly what their plain definitions give."""
import functools
import json
from collections import Counter
from pathlib import Path

import ftfy
import pytest
import regex
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import example, given, settings
from hypothesis import strategies as st

import normalize
from normalize import Config
from normalize.edits import apply_edits, replace_spans
from normalize.encoding import MAX_FTFY_CHARS, _pieces, _rule_of, fix_encoding, mojibake_trigger
from normalize.leftovers import prose as leftover_prose
from normalize.leftovers import shapes as leftover_shapes
from normalize.whitespace import _REPLACEMENT, WHITESPACE_RE, _spans

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
# Every character ftfy's heuristic names, with ASCII and a few others around them.
BADNESS_ALPHABET = "".join(MOJIBAKE_CATEGORIES.values()).replace("-", "") + "abzAZ .,?!1\n\t\xa0ÂÃÎÐØÙ×à√≈‚ÄâóêвЂВГРСβ€ΒΓΞΟā°µ中☃"


# --- normalize_whitespace -------------------------------------------------------


def whitespace_by_definition(text: str) -> list[tuple[int, int, str, str]]:
    """WHITESPACE_RE run over the whole text: the stage as it is defined."""
    spans = []
    for match in WHITESPACE_RE.finditer(text):
        inserted = _REPLACEMENT[match.lastgroup]
        if inserted is None:
            inserted = "\n" if "\n" in match.group() else ""
        spans.append((match.start(), match.end(), inserted, match.lastgroup))
    return spans


WHITESPACE_CASES = [
    "", " ", "\n", "\t", "a", "a b", "a  b", "a\tb", "a \tb", "a \n b", "a\n\n\nb", "a\n \n\t\nb",
    "  \n\nText\n", "Text  ", "Text \n", "Text\n\n\n", "Text\n \n", "a\xa0 b", "a \xa0b", "a  \rb",
    "\n a", " \n", "a\n", "a\n\n", "\n\n", "x" + " " * 5000, " " * 1000 + "x", "a" + " \t" * 300 + "b",
]


def test_whitespace_fast_path_matches_definition_on_cases():
    for text in WHITESPACE_CASES:
        assert list(_spans(text)) == whitespace_by_definition(text), repr(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\xa0\u3000ab.", max_size=40))
def test_whitespace_fast_path_matches_definition(text):
    assert list(_spans(text)) == whitespace_by_definition(text)


# --- fix_encoding -------------------------------------------------------------

REFERENCE_LINE_END_RE = regex.compile(r"\r\n?|[\n\u2028\u2029]")
REFERENCE_CONTROL_RE = regex.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]+")
REFERENCE_SPACE_CONTROL_RE = regex.compile(r"[\x0b\x0c\x1c-\x1f\x85]+")
REFERENCE_LONE_FEFF_RE = regex.compile(r"(?<=[ \t])\ufeff(?=[ \t])")
REFERENCE_NEEDS_FTFY_RE = regex.compile(r"[^\x00-\x7f]|&|\x1b")


def fix_encoding_by_definition(text: str, config: Config):
    """The stage without its fast paths: ftfy on every line that holds
    anything beyond ASCII, `&` or ESC, the whole line at once."""
    ftfy_config = ftfy.TextFixerConfig(
        unescape_html=config.unescape_html,
        uncurl_quotes=config.uncurl_quotes,
        fix_character_width=config.fix_character_width,
        fix_latin_ligatures=config.fix_latin_ligatures,
        normalization=config.unicode_normalization,
        fix_line_breaks=False,
        explain=True,
    )

    def fix_line(start, end):
        line = text[start:end]
        fixed, rule = line, ""
        for _ in range(3):  # to a fixed point: ftfy undoes one layer of mojibake a call
            before = fixed
            if REFERENCE_NEEDS_FTFY_RE.search(fixed):
                repaired, explanation = ftfy.fix_and_explain(fixed, ftfy_config)
                if repaired != fixed or not rule:
                    rule = "+".join(dict.fromkeys([*filter(None, rule.split("+")), *_rule_of(explanation).split("+")]))
                fixed = repaired
            if REFERENCE_CONTROL_RE.search(fixed) or REFERENCE_SPACE_CONTROL_RE.search(fixed):
                fixed = REFERENCE_SPACE_CONTROL_RE.sub(" ", REFERENCE_CONTROL_RE.sub("", fixed))
                rule = "+".join(dict.fromkeys([*filter(None, rule.split("+")), "control_characters"]))
            if fixed == before:
                break
        if fixed == line:
            return []
        head = 0
        while head < min(len(line), len(fixed)) and line[head] == fixed[head]:
            head += 1
        tail = 0
        while tail < min(len(line), len(fixed)) - head and line[-1 - tail] == fixed[-1 - tail]:
            tail += 1
        return [(start + head, end - tail, fixed[head : len(fixed) - tail], rule)]

    def fix_parts(start, end):
        # A U+FEFF with a space or tab on each side stays; the line is fixed around it.
        found = []
        for lone in REFERENCE_LONE_FEFF_RE.finditer(text[:end], start):
            found += fix_line(start, lone.start())
            start = lone.end()
        return found + fix_line(start, end)

    spans, pos = [], 0
    for ending in REFERENCE_LINE_END_RE.finditer(text):
        spans += fix_parts(pos, ending.start())
        if ending.group() != "\n":
            spans.append((ending.start(), ending.end(), "\n", "line_endings"))
        pos = ending.end()
    spans += fix_parts(pos, len(text))
    return replace_spans(text, "fix_encoding", spans)


CONFIGS = [
    Config(),
    Config(unescape_html=True),
    Config(unescape_html=False),
    Config(uncurl_quotes=True, fix_latin_ligatures=True),
    Config(fix_character_width=True),
    Config(unicode_normalization="NFC"),
]
ENCODING_CASES = [
    "", "plain ASCII line\nand another", "Vietnamâ€™s officials", "Â£5m deal", "£5m deal, not mojibake",
    "The “quoted” – and — dashes… with a\xa0no-break space’s", "AT&T and R&D", "Fish &amp; chips &#39;",
    "<b>markup &amp; entity</b>", "\x1b[31mred\x1b[0m text", "café\x1b[0m", "tab\tand\x0bvertical\x0cfeed",
    "vertical\x0btab in a café", "NEL\x85here", "C1 \x92 quote", "\ufeffBOM first", "10°E \ufeff / \ufeff 5°N", "x \ufeff\ufeff y \ufeff", "line\r\nCRLF\rCR\u2028LS\u2029PS",
    "Ã ", "x Ã ", "Ã©tÃ©", "a Â “quote”", "вЂ™ Cyrillic mojibake", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "ÎºÎ±Î»Î·Î¼Î­ÏÎ±",
    "│box├drawing", "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "œuvre and Œ", "×²", "√±", "full\uff57idth and ﬁ ligature", "e\u0301 combining",
    "lone \ud800 surrogate", "\U000e0041 tag", "word\x00nul", "Ã" * 50, "â€" * 30, "£" * 10 + "Ã" + "£" * 10,
]


def _assert_same(text: str, config: Config) -> None:
    assert fix_encoding(text, config) == fix_encoding_by_definition(text, config), (repr(text), config)


def test_fix_encoding_fast_path_matches_definition_on_cases():
    for config in CONFIGS:
        for text in ENCODING_CASES:
            _assert_same(text, config)


def test_fix_encoding_fast_path_matches_definition_on_fixtures():
    for path in sorted(FIXTURES.rglob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the CLI's fixtures in other encodings
        _assert_same(text, Config())


TOKENS = [
    "a", "word", " ", "  ", "\n", "\r\n", "\r", ".", "&", ";", "#", "<", "&amp;", "&#39;", "&eacute;", "\x1b[1m",
    "\x0b", "\x0c", "\x85", "\x92", "\x00", "\ufeff", "\u2028", "’", "“", "”", "–", "—", "…", "\xa0", "«", "©", "®",
    "™", "£", "€", "é", "Ã", "Â", "â€™", "Ã©", "Â ", "вЂ™", "Ð", "Ø", "œ", "°", "×", "²", "β", "‚", "Ä", "√",
    "│", "ﬁ", "ｗ", "\u0301", "ê", "\u00ad",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join), st.sampled_from(CONFIGS))
def test_fix_encoding_fast_path_matches_definition(text, config):
    _assert_same(text, config)


def test_text_without_trigger_characters_never_looks_bad():
    trigger = mojibake_trigger()
    assert trigger is not None, "the fast path is off: mojibake_trigger() could not read ftfy's BADNESS_RE"
    for char in "’“”‘–—…\xa0«»•©®™":
        assert char not in trigger.chars, f"{char!r} should not send a line to ftfy"
    for char in "ÃÂâ€£é":
        assert char in trigger.chars


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=sorted(set(BADNESS_ALPHABET) - set(mojibake_trigger().chars)), max_size=12))
def test_is_bad_needs_a_trigger_character(text):
    # The derivation of the trigger set is a proof; this checks it by example.
    assert not is_bad(text)


def test_long_lines_reach_ftfy_in_bounded_pieces():
    line = ("Vietnamâ€™s officials exchanged views. " * 5000)[:150_000]
    pieces = list(_pieces(line, 0, len(line)))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(line)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(end - start <= MAX_FTFY_CHARS for start, end in pieces)
    assert all(line[end - 1] == " " for _, end in pieces[:-1])
    fixed, edits = fix_encoding(line, Config())
    assert "â€" not in fixed and fixed.count("’") == line.count("â€™")
    assert normalize.restore(normalize.Cleaned(fixed, tuple(edits))) == line


def test_long_line_without_spaces_is_cut_at_the_limit():
    line = "Ã©" * 100_000
    assert [end - start for start, end in _pieces(line, 0, len(line))] == [MAX_FTFY_CHARS] * 3 + [200_000 - 3 * MAX_FTFY_CHARS]


@pytest.mark.skipif(not DEV_CORPUS.is_file(), reason="the shared dev corpus is not next to the repository")
def test_fix_encoding_fast_path_matches_definition_on_dev_corpus():
    with DEV_CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            _assert_same(json.loads(line)["dirty"], Config())


# --- split_words ------------------------------------------------------------------

from normalize import splitting  # noqa: E402
from normalize.vocabulary import english_zipf  # noqa: E402

TOKEN_ALPHABET = "abszAHZ'’\".,;:!?()“”‘-–£$%#@/_1"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=TOKEN_ALPHABET, min_size=1, max_size=12))
def test_a_plain_word_is_what_the_punctuation_rules_pass_by(token):
    """`_never_splits` lets a plain word skip UNTOUCHABLE_RE and PUNCT_RE: neither may match it."""
    if splitting.shapes.PLAIN_WORD_RE.fullmatch(token):
        assert not splitting.shapes.UNTOUCHABLE_RE.search(token)
        assert not splitting.shapes.PUNCT_RE.search(token)


# PUNCT_RE as first written, with `regex`'s look-behinds of any width: the
# definition the faster `re` pattern and its two checks in Python must keep.
PUNCT_DEFINITION = regex.compile(
    r"""
      (?P<comma>        (?<=[,;]) (?=[a-z]) | (?<=[A-Za-z]{2}[,;]) (?=[A-Z][a-z]|I(?![A-Za-z])|[A-Z]{2}) | (?<=\d[,;]) (?=[a-z])
                      | (?<=(?<![\d.,])\d{4}[,;]|[\dA-Za-z]\)[,;]) (?=[A-Z][a-z])
                      | (?<=[a-z]{2},) (?=[A-Z]\.|(?:19|20)\d\d[a-z]?[)\];,.])
                      | (?<=(?<![\d.,])\d{1,2},) (?=(?:19|20)\d\d(?![\d,.]\d)) )
    | (?P<sentence>     (?<=(?:[A-Za-z]{2}|\d[a-z]|[\d)\]"”’%])[.!?]) (?=[A-Z](?:[a-z]|['’])|[AI]\Z)
                      | (?<=(?<![A-Za-z])[a-z]{3,}[.!?]) (?=[A-Z]{2}) )
    | (?P<colon>        (?<=[A-Za-z]{2}:) (?!(?<=[A-Z]{2}:)[A-Z]{2}) (?=["“][A-Za-z]|[A-Za-z]{2}|[AI]\Z) )
    | (?P<number_colon> (?<=\d:) (?=[A-Z][a-z]{2}) )
    | (?P<initials>     (?<=(?:\A|[\s(\["“‘.])[A-Z]\.) (?=[A-Z][a-z]{2}) )
    | (?P<symbol_word>  (?<=(?<![α-ωΑ-Ω])[α-ωΑ-Ω]) (?=[a-z]{2}) | (?<=[a-z]{3}) (?=[α-ωΑ-Ω](?![α-ωΑ-Ω])) )
    | (?P<quote_after>  (?<=[^\s(\[“‘"]["”]) (?=[A-Za-z]) )
    | (?P<quote_before> (?<=[A-Za-z.,!?:;]) (?=["“][A-Za-z]) )
    | (?P<paren_before> (?<=[A-Za-z]{2}|[A-Za-z]\d|\d[a-z]|%)
                        (?=\((?!(?:s|es|ies|en|ren|a|an|e|r|er|ed|ing|d|st|nd|rd|th)\))[A-Za-z$£€\d][^()\s]{1,}) )
    | (?P<paren_after>  (?<=[^\s(]{2}\)) (?=[A-Za-z]{2}) )
    | (?P<bracket_after>(?<=\]) (?=[A-Za-z]{2}) )
    | (?P<leading_dash> (?<=\A[-–]) (?=[a-z]{2}|[A-Z][a-z]) )
    | (?P<trailing_dash>(?<=[A-Za-z]{2}) (?=[-–]\Z) )
    | (?P<currency>     (?<=[A-Za-z]{2}|(?<![A-Za-z])a) (?=[£$€¥]\d) )
    | (?P<percent>      (?<=\d%) (?=[A-Za-z]{2}) )
    | (?P<plural_quote> (?<=[a-z]s') (?=[a-z]{2}) )
    | (?P<ampersand>    (?<=(?<![A-Za-z])[a-z]{2,}) (?=[A-Z]{1,3}&[A-Z]{1,3}(?![a-z]{2})) )
    | (?P<ampersand_after> (?<=(?:\A|\s)&) (?=[A-Z][a-z]{2}) )
    | (?P<score_bracket> (?<=(?<![\d.])\d{1,2}-\d{1,2}) (?=\(\d{1,2}-\d{1,2}\))
                      | (?<=\(\d{1,2}-\d{1,2}\)) (?=\d{1,2}-\d{1,2}(?!\d)) )
    | (?P<letters_digits> (?<=[A-Za-z]) (?=\d) )
    | (?P<digits_letters> (?<=\d) (?=[A-Za-z]{2}) )
    """,
    regex.VERBOSE,
)
PUNCT_ALPHABET = "abszAHIZ'’\".,;:!?()[]“”‘-–£$€¥%&0129 δΩ"
# Pieces that put the patterns' contexts side by side more often than single characters do.
PUNCT_PIECES = ["a", "ab", "abs", "sabz", "A", "Ab", "AH", "HAZ", "I", "Zb", ".", ",", ";", ":", "!", "?", "&", "R&B",
                "(", ")", "[", "]", "7-6", "(7-1)", "12-10", "2007", "'", "’", "\"", "“", "-", "–", "£5", "%", "1", "9",
                "R.", "S.", "Abs", "δ", "Ω", "23", "1999"]


def punctuation_places(token: str) -> list[tuple[int, str]]:
    return [(m.end(), m.lastgroup) for m in splitting.shapes._punctuation_places(token)]


@settings(max_examples=5000, deadline=None)
@given(st.text(alphabet=PUNCT_ALPHABET, min_size=1, max_size=16)
       | st.lists(st.sampled_from(PUNCT_PIECES), min_size=1, max_size=6).map("".join))
# (the edges of the two checks made in Python: a run of three lower-case letters
# or one with a capital, before a full stop and an acronym, or before R&B)
@example("abs.AH")
@example("ab.AH")
@example("Abs.AH")
@example("zabs!HAZ")
@example("abR&B")
@example("AbR&B")
@example("aR&B")
@example("&Aaa")
@example("a &Aaa")
def test_punctuation_places_match_definition(token):
    assert punctuation_places(token) == [(m.end(), m.lastgroup) for m in PUNCT_DEFINITION.finditer(token)]


@pytest.mark.skipif(not DEV_CORPUS.is_file(), reason="the shared dev corpus is not next to the repository")
def test_punctuation_places_match_definition_on_dev_tokens():
    tokens = set()
    with DEV_CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            tokens.update(json.loads(line)["dirty"].split())
    for token in tokens:
        assert punctuation_places(token) == [(m.end(), m.lastgroup) for m in PUNCT_DEFINITION.finditer(token)], token


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcXYZ .,'’“\n1_é\u00dfΣσς中\u0663\u0301", max_size=60))
def test_letter_words_match_definition(text):
    """The splitter reads a text's words (runs of letters, as LETTERS_RE
    defines them) by bytes.translate when the text has only ASCII letters."""
    lower = text.lower()
    assert splitting.shapes._letter_words(lower) == splitting.shapes.LETTERS_RE.findall(lower)
    assert splitting.shapes._has_foreign_letter(text) == (splitting.shapes.FOREIGN_LETTER_RE.search(text) is not None)


def _split_with_fresh_model(text: str, config: Config) -> str:
    """split_words with nothing remembered from earlier texts."""
    splitting.model_for.cache_clear()
    try:
        return splitting.split_words(text, config)[0]
    finally:
        splitting.model_for.cache_clear()


# Words, joins and names whose decisions read the text around them: a name
# split off a word only when the text names it alone, a repeated join kept.
FRAGMENTS = ["Milburnsaid", "Milburn", "said", "thefirst", "the first", "Hogansaid", "Hogan", "Kenteris",
             "smartcard", "smart card", "inHanoi", "Hanoi", "said.The", "andthe", "pre-", "and", "\"Yes\"said",
             "Thesedevelopments", "these", "Tapwave", "wasreleased", "was", "released", ".", ",", "\n"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=14).map(" ".join), min_size=2, max_size=4))
def test_a_remembered_decision_is_the_decision_a_fresh_model_makes(texts):
    """Decisions are reused across texts only where the text answers alike:
    each text splits the same after the others as with nothing remembered."""
    config = Config()
    fresh = [_split_with_fresh_model(text, config) for text in texts]
    english_zipf()  # the tables stay loaded; only the model's memory is new
    warm = [splitting.split_words(text, config)[0] for text in texts]
    assert warm == fresh


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["ab", "abab", "b", "a.b", "x", "ab,", "(ab"]), max_size=30),
       st.sets(st.sampled_from(["ab", "abab", "b", "a.b", "ab,"]), min_size=1), st.sampled_from([" ", "\n", "  \t"]))
def test_candidate_occurrences_are_found_alike_in_short_and_long_texts(words, tokens, gap):
    """`_occurrences` finds tokens one by one, by one pattern for a long text,
    or by reading every token: all three give the whole-token occurrences."""
    text = gap.join(words)
    expected = [(m.start(), m.group()) for m in splitting.shapes.TOKEN_RE.finditer(text) if m.group() in tokens]
    assert splitting.stage._occurrences(text, tokens) == expected
    padded = text + " " * 30_000  # long enough for the one-pattern search
    assert splitting.stage._occurrences(padded, tokens) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["exchangedviews", "Heeachother", "inHanoi", "Σίσυφος", "ΟΔΟΣ", "the", "views",
                                 "İstanbul", "said.The", "K\u212a", "smartcard", "smart", "card", "é", ",", "\n",
                                 "FridaycoachO'Brien.", "coach"]),
                max_size=20).map(" ".join))
def test_word_counts_carried_between_passes_are_the_counts_read_afresh(text):
    """A second pass (Heeachother: He eachother, then He each other) takes
    the first one's word counts with only the split tokens taken out and
    their pieces put in: the same counts as reading its text again."""
    carried = []
    original = splitting.stage._split_pass

    def record(doc, *args):
        # The counts a pass reads, as it starts (handed on by the pass before,
        # brought up to date when asked) and once its questions are asked.
        if doc._counts is not None:
            carried.append((doc.lower, {word: count for word, count in doc._words().items() if count}))
        found = original(doc, *args)
        if doc._counts is not None:
            carried.append((doc.lower, {word: count for word, count in doc._words().items() if count}))
        return found

    splitting.stage._split_pass = record
    try:
        splitting.split_words(text, Config())
    finally:
        splitting.stage._split_pass = original
    for lower, counts in carried:
        assert counts == Counter(splitting.shapes._letter_words(lower))


# --- lower-casing in pieces ------------------------------------------------------
from normalize import casing  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ ΣσςΑΒİIıK\u212aß\u0345\u0307'ﬁ\n") | st.characters(), max_size=60),
       st.integers(min_value=1, max_value=7))
def test_lower_in_pieces_is_str_lower(text, piece):
    """Lower-casing a long text piece by piece gives what str.lower gives,
    final sigma and length-changing mappings (İ -> i̇) included."""
    original = casing.PIECE
    casing.PIECE = piece
    try:
        assert casing.lower(text) == text.lower()
    finally:
        casing.PIECE = original


def test_lower_of_a_long_text_is_str_lower():
    text = "Ünïcode ΣΟΦΙΑΣ İstanbul WORDS " * 5000 + "Ωmega"
    assert len(text) > casing.PIECE
    assert casing.lower(text) == text.lower()
    assert casing.lower(text.replace("Σ", "S")) == text.replace("Σ", "S").lower()


# --- a long text, a stretch at a time ----------------------------------------------

STRETCH_TOKENS = ["exchangedviews", "inHanoi", "the", "views", "said.The", "Mogherini", "smartcard", "COVID-19",
                  "nationaldefence", "“We", "are”", "\n", "\n\n", "  ", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STRETCH_TOKENS), max_size=40).map(" ".join), st.integers(1, 40))
def test_a_long_text_is_split_a_stretch_at_a_time_each_read_alone(text, stretch):
    """Past STRETCH characters the splitter reads a text a stretch of lines
    at a time: what it does is what it does to each stretch alone, at that
    stretch's place, and it inserts spaces only."""
    original = splitting.tuning.STRETCH
    splitting.tuning.STRETCH = stretch
    try:
        out, edits = splitting.split_words(text, Config())
        ends, start = [], 0
        while start < len(text):
            ends.append(splitting.evidence.stretch_end(text, start))
            start = ends[-1]
        alone = [splitting.split_words(text[a:b], Config())[0] for a, b in zip([0, *ends], ends)]
    finally:
        splitting.tuning.STRETCH = original
    assert out == "".join(alone)
    assert apply_edits(text, edits) == out
    assert all(edit.removed == "" and edit.inserted == " " for edit in edits)
    # A stretch ends after a line end between STRETCH and twice that on, else after a space.
    for start, end in zip([0, *ends], ends[:-1]):
        assert end - start > stretch and text[end - 1].isspace()
        assert (text[end - 1] == "\n") == ("\n" in text[start + stretch : start + 2 * stretch])


# --- the misspelling check ----------------------------------------------------------


@functools.lru_cache(maxsize=1)
def letters_of(common: frozenset) -> frozenset:
    return frozenset(letter for word in common if word.isalpha() for letter in word)


def one_slip_by_definition(common, run: str) -> bool:
    """A letter dropped, added, changed or swapped inside `run` makes a word of `common`: every such edit tried."""
    letters = letters_of(common)
    for at in range(1, len(run)):
        head, tail = run[:at], run[at:]
        if len(tail) > 1 and (head + tail[1:] in common or head + tail[1] + tail[0] + tail[2:] in common):
            return True
        for letter in letters:
            if head + letter + tail in common or len(tail) > 1 and head + letter + tail[1:] in common:
                return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(w for w in splitting.model_for(Config()).common if w.isalpha())), st.integers(0, 40),
       st.sampled_from("aeiostzé"),
       st.integers(0, 4))
@example("performance", 7, "a", 0)
@example("accordig", 0, "a", 4)
def test_the_misspelling_check_is_every_one_letter_edit_tried(word, at, letter, kind):
    """`_one_slip_from_word` looks words up with a hole for the changed letter; it answers as trying every edit does."""
    at = at % (len(word) + 1)
    run = [word[:at] + word[at + 1 :], word[:at] + letter + word[at:], word[:at] + letter + word[at + 1 :],
           word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :], word][kind]
    model = splitting.model_for(Config())
    assert splitting.model._one_slip_from_word(model, run) == one_slip_by_definition(model.common, run)



def lookup_by_definition(model, word: str):
    """`Model.lookup` with every spelling rule and the derivation pattern tried on every word."""
    z = model.zipf.get(word)
    if z is not None or len(word) < 6 or not word.endswith(splitting.words.VARIANT_ENDINGS):
        return z
    for pattern, replacement in splitting.words.SPELLING_VARIANTS:
        variant = pattern.sub(replacement, word)
        if variant != word and variant in model.zipf:
            return model.zipf[variant]
    if len(word) >= 10:
        found = splitting.words.DERIVATION_RE.search(word)
        if found:
            stem_z = model.zipf.get(word[: found.start()])
            if stem_z is not None and stem_z >= splitting.tuning.DERIVED_STEM_ZIPF:
                return splitting.tuning.DERIVED_ZIPF
    return None


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(sorted(w for w in english_zipf() if w.isalpha() and 3 <= len(w) <= 9)),
       st.sampled_from(splitting.words.VARIANT_ENDINGS + ("ally", "ation", "ing", "s", "")), st.booleans())
@example("colour", "isation", False)
@example("national", "ally", False)
def test_lookup_tries_a_spelling_rule_only_on_its_endings(stem, ending, cut):
    """`Model.lookup` runs a spelling rule (and DERIVATION_RE) only on a word ending as it can act on: the same answers."""
    word = (stem[:-1] if cut else stem) + ending
    model = splitting.model_for(Config())
    assert model.lookup(word) == lookup_by_definition(model, word)


@given(st.text(alphabet="abc", max_size=8), st.lists(st.integers(0, 8), max_size=3))
def test_parts_cut_at_one_place_as_at_many(run, cuts):
    edges = [0, *sorted(cuts), len(run)]
    assert splitting.shapes._parts(run, cuts) == [run[a:b] for a, b in zip(edges, edges[1:])]


def test_a_join_word_is_held_as_the_binary_searches_find_it():
    """`_JoinWords.holds` (a look-up) says of a word what `starts` and `ends` (two searches) say of it."""
    from normalize.splitting.lexicon import lexicon
    from normalize.splitting.joinwords import _join_words

    words, lex = _join_words(), lexicon()
    for word in ["the", "a", "of", "representation", "evergreen", "xqzv", "thehouse", "s", "zz", "hanoi", "nation"]:
        if words.holds(word, lex):
            assert words.starts(word) and words.ends(word)
    assert sum(words.holds(word, lex) for word in words.forwards) == len(words.forwards)


# --- remove_leftovers ----------------------------------------------------------------

# A sign of code as one pattern: what `is_code` looks for a piece at a time.
CODE_BY_DEFINITION_RE = regex.compile(
    r"""[{};=<>]|\w\(|^(?://|\#|/\*|\$\s)|[,;]\Z
        |\b(?:SELECT|FROM|WHERE|var|let|const|function|return|def|import|class)\b""",
    regex.VERBOSE,
)
CODE_PIECES = ["var", "let", "class", "SELECT", "def", "import", "Xclass", "classy", "(", "f(", "é(", "$ ", "$",
               "//", "#", "/*", ",", ";", "=", "<", ">", "{", "}", " ", "\u00a0", "a", "É", "\u0301", "_", "1", "."]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(CODE_PIECES), max_size=8).map("".join))
def test_code_is_found_a_sign_at_a_time_as_by_one_pattern(line):
    assert leftover_shapes.is_code(line) == (CODE_BY_DEFINITION_RE.search(line) is not None)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab. !?。”’)\"]'Ab…", max_size=12))
def test_line_end_patterns_searched_backwards_find_what_forwards_finds(line):
    for pattern in (leftover_shapes.STOP_RE, leftover_shapes.FULL_STOP_RE, leftover_prose.SENTENCE_END_RE,
                    leftover_prose.SENTENCE_STOP_RE):
        forwards = regex.compile(pattern.pattern.removeprefix("(?r)"), pattern.flags & ~regex.REVERSE)
        assert (pattern.search(line) is None) == (forwards.search(line) is None)
        assert (pattern.search(line, 1, len(line) - 1) is None) == (forwards.search(line, 1, len(line) - 1) is None)


def test_the_cjk_blocks_hold_every_character_of_the_cjk_scripts():
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    outside = leftover_shapes.CJK_BLOCKS_RE.sub("", everything)
    assert leftover_shapes.CJK_RE.search(outside) is None


def test_word_characters_are_told_as_the_pattern_tells_them():
    from normalize.leftovers import dispatch

    for char in [chr(code) for code in range(256)] + ["é", "\u0301", "中", "\u2603", "‿", "١"]:
        assert dispatch.is_word_char(char) == (dispatch.WORD_RE.match(char) is not None), repr(char)


# --- the language guard ------------------------------------------------------------


def reads_as_english_by_definition(line: str) -> bool:
    """`language.reads_as_english` as first written: every word of the line counted."""
    from normalize.splitting import language

    words = language.WORD_RE.findall(line.lower())
    if not words:
        return True
    strong, weak = language.foreign_words()
    foreign = english = accented = 0.0
    for word in words:
        if word in language.ENGLISH_FUNCTION_WORDS:
            english += 1
        elif word in strong:
            foreign += 1
        elif word in weak:
            foreign += 0.5
        if not word.replace("’", "").isascii():
            accented += 1
    if accented >= language.FOREIGN_LETTER_SHARE * len(words):
        return False
    return foreign < language.FOREIGN_WORDS_LEAST or foreign <= english


LINE_WORDS = ["the", "of", "la", "de", "des", "est", "une", "nicht", "dans", "données", "don't", "l'état", "Dans",
              "THE", "los", "sobre", "of'la", "x", "1", "é", ",", "'", "’", "-", "\t", "_", "ß", "Ça"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINE_WORDS), max_size=12).map(" ".join))
def test_a_line_reads_as_english_as_when_every_word_was_counted(line):
    """The quick path (an ASCII line none of whose runs of letters is a foreign word) answers as the count."""
    from normalize.splitting.language import reads_as_english

    assert reads_as_english.__wrapped__(line) == reads_as_english_by_definition(line)


# --- answers learnt ahead ------------------------------------------------------------


def test_the_answers_learnt_ahead_are_the_answers_worked_out():
    """`verdicts`: the words of the band that can split are those `_judge_word` finds so today
    (else write the files anew: `verdicts.write_files()`)."""
    from normalize.splitting import verdicts

    model = splitting.model_for(Config())
    assert model.packaged
    assert {capitalised: frozenset(words) for capitalised, words in verdicts.work_out(model).items()} == \
        verdicts._splittable()


def test_a_vocabulary_of_ones_own_works_every_answer_out():
    model = splitting.model_for(Config(vocabulary=frozenset({"zorblat"})))
    assert not model.packaged
    assert splitting.model_for(Config(protected_words=frozenset({"Hanoi"}))).packaged  # (protected words are asked first)


# --- a text's evidence ---------------------------------------------------------------

EVIDENCE_PIECES = ["the", "The", "cat", "Cat", "a", "A", "é", "Éric", "eric", "2", "²", "_", "-", " ", "  ", "\n", ",",
                   "’", "'", "x", "X"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(EVIDENCE_PIECES), max_size=14).map("".join),
       st.lists(st.sampled_from(["the", "cat", "a", "eric", "x", "é", "the cat", ""]), min_size=1, max_size=3),
       st.sampled_from(["the", "cat", "eric", "éric", "x", "a", "", "cat2", "ca"]))
def test_side_by_side_and_name_questions_answer_as_the_tables_did(text, parts, word):
    """`written_apart` and `names` answer as the set of every two runs side by side and the
    set of capitalised runs they replaced."""
    from normalize.splitting.evidence import APART, NAMES, _Document
    from normalize.splitting.shapes import LETTERS_RE, _letter_words

    doc = _Document(text, splitting.model_for(Config()), Config())
    runs = _letter_words(casing.lower(text))
    pairs = set(zip(runs, runs[1:]))
    names = {run for run in LETTERS_RE.findall(text) if run[0].isupper()}
    assert doc._answer(APART, tuple(parts)) == all(pair in pairs for pair in zip(parts, parts[1:]))
    assert doc._answer(NAMES, word) == (word[:1].upper() + word[1:] in names)
