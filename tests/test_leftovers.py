"""The remove_leftovers stage: rule families, the prose guard, user rule packs."""
import dataclasses
import tomllib
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list

import normalize
import normalize.leftovers.dispatch as dispatch_module
import normalize.leftovers.stage as stage_module
import normalize.rules as rules_module
from normalize import Config, RuleError
from normalize.edits import Cleaned, apply_edits
from normalize.leftovers import reads_as_prose, remove_leftovers
from normalize.leftovers.blocks import RULES as BLOCK_RULES
from normalize.rules import builtin_rules, rules_for

from conftest import case_params, load_cases

CASES = load_cases("leftovers")


@pytest.mark.parametrize("case", case_params("leftovers"))
def test_case(case):
    out, edits = remove_leftovers(case["input"], Config())
    assert out == case["expected"]
    assert apply_edits(case["input"], edits) == out
    assert normalize.restore(Cleaned(out, tuple(edits))) == case["input"]


def test_every_removal_is_an_edit_named_after_a_builtin_rule():
    names = {rule.name for rule in builtin_rules()} | set(BLOCK_RULES)
    for case in CASES:
        out, edits = remove_leftovers(case["input"], Config())
        assert all(e.stage == "remove_leftovers" and e.rule in names for e in edits)
        # Removals only; a stray tag between two words leaves a space.
        assert all(e.inserted == "" or (e.rule.startswith("markup/") and e.inserted == " ") for e in edits)
        assert sum(len(e.removed) - len(e.inserted) for e in edits) == len(case["input"]) - len(out)


def test_every_family_has_fixtures_that_remove_with_it_and_fixtures_that_keep_prose():
    families = {rule.family for rule in builtin_rules()}
    removed_by = {e.rule.split("/")[0] for case in CASES for e in remove_leftovers(case["input"], Config())[1]}
    assert families <= removed_by
    assert sum(case["input"] == case["expected"] for case in CASES) >= 40


def test_builtin_packs_give_every_rule_a_seen_note_and_a_unique_name():
    for path in resources.files("normalize.rules").iterdir():
        if not path.name.endswith(".toml"):
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        data.pop("lists", None)
        for family, entries in data.items():
            assert path.name == f"{family}.toml", "one pack per family, named after it"
            for entry in entries:
                assert entry.get("seen", "").strip(), f"{family}/{entry['id']} needs a seen note"
    names = [rule.name for rule in builtin_rules()]
    assert len(names) == len(set(names))


def test_pipeline_restores_every_fixture_exactly():
    for case in CASES:
        assert normalize.restore(normalize.clean_and_explain(case["input"])) == case["input"]


def test_seed_shapes_go_through_the_whole_pipeline():
    raw = (
        "Officials met in Hanoi on Monday.\n\nAt the talks (Source:\n\nThey agreed to meet again.-VNA\n\n"
        "Leave your comment on an article\n"
    )
    assert normalize.clean(raw) == "Officials met in Hanoi on Monday.\n\nThey agreed to meet again.\n"


def test_prose_guard():
    assert reads_as_prose("Readers can leave a comment, the council said.")
    assert reads_as_prose("The vote was close. Turnout was low.")
    assert not reads_as_prose("Mr. Smith at the talks (Photo:")
    assert not reads_as_prose("Delegates at the talks. Photo: VNA |", max_sentences=2)


# --- the optimisations change nothing ---------------------------------------


def _plain(monkeypatch) -> None:
    """Run every rule on every line: no head or tail dispatch, no keys."""
    monkeypatch.setattr(dispatch_module, "_can_start_with", lambda rule, head: True)
    monkeypatch.setattr(dispatch_module, "_can_end_with", lambda rule, tail: True)
    unkeyed = lambda config: tuple(dataclasses.replace(r, keys=()) for r in rules_for(config))  # noqa: E731
    monkeypatch.setattr(dispatch_module, "rules_for", unkeyed)
    dispatch_module.compiled.cache_clear()


@pytest.fixture
def plain_rules(monkeypatch):
    _plain(monkeypatch)
    yield
    dispatch_module.compiled.cache_clear()


def test_dispatch_and_keys_change_no_result(plain_rules):
    for case in CASES:
        assert remove_leftovers(case["input"], Config())[0] == case["expected"], case["label"]


def remove_leftovers_plainly(text: str, config: Config):
    with pytest.MonkeyPatch.context() as monkeypatch:
        _plain(monkeypatch)
        try:
            return remove_leftovers(text, config)
        finally:
            dispatch_module.compiled.cache_clear()


# Pieces of the fixtures' lines, cut anywhere and glued together, so that
# heads, tails and keys fall at every kind of boundary.
FIXTURE_LINES = sorted({line for case in CASES for line in case["input"].split("\n") if line.strip()})
GLUE = [" ", "", ". ", " | ", " - ", "—", " (", ") ", ": ", "\t", "’", "“", "\n\n"]
EDGE_PIECES = [
    "Photo: ", "VNA", "AFP", "Reuters", "(Source:", "-VNA", "Read more", " »", "said.",
    ". Photo: VNA | ", ". ADVERTISEMENT The", " (opens in new tab)", "ADVERTISEMENT Officials",
]


@st.composite
def cut_lines(draw):
    line = draw(st.sampled_from(FIXTURE_LINES))
    start = draw(st.integers(0, len(line)))
    end = draw(st.integers(start, len(line)))
    return line[start:end]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cut_lines() | st.sampled_from(GLUE + EDGE_PIECES), min_size=1, max_size=4).map("".join), max_size=8))
def test_dispatch_and_keys_skip_no_line_a_rule_takes(lines):
    text = "\n".join(lines)
    dispatch_module.compiled.cache_clear()  # dispatch learnt afresh, and then as remembered
    assert remove_leftovers(text, Config()) == remove_leftovers_plainly(text, Config())
    assert remove_leftovers(text, Config()) == remove_leftovers_plainly(text, Config())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cut_lines() | st.sampled_from(GLUE + EDGE_PIECES), min_size=1, max_size=4).map("".join),
                max_size=8), st.integers(0, 60))
def test_keys_looked_for_a_stretch_of_lines_at_a_time_skip_no_line_a_rule_takes(lines, stretch):
    """A long text looks for the edge rules' keys a stretch of lines at a
    time (KEY_STRETCH characters): with stretches of any size, down to a line
    each, what goes is what the rules take without keys or dispatch."""
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(stage_module, "KEY_STRETCH", stretch)
        assert remove_leftovers(text, Config()) == remove_leftovers_plainly(text, Config())


# --- properties --------------------------------------------------------------

WORDS = [w for w in top_n_list("en", 4000) if w.isalpha()]
# Family words as ordinary words of a sentence: prose may hold any of them.
FAMILY_WORDS = (
    "share shares comment comments leave reply subscribe newsletter sign up join get photo image source "
    "related read more cookies privacy terms print email tags follow like advertisement app download "
    "javascript browser copyright reserved rights top back click miss stories trending video inbox updates "
    "our we use site Reuters AFP VNA Facebook Twitter news latest recommended popular"
).split()


@st.composite
def sentences(draw):
    words = draw(st.lists(st.sampled_from(WORDS) | st.sampled_from(FAMILY_WORDS), min_size=8, max_size=24))
    return words[0].capitalize() + " " + " ".join(words[1:]) + draw(st.sampled_from([".", ".", "?", "!"]))


@st.composite
def articles(draw):
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8))
    return draw(st.sampled_from(["\n", "\n\n"])).join(paragraphs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_text_without_leftovers_comes_out_unchanged(text):
    assert remove_leftovers(text, Config()) == (text, [])


# Leftover lines of the fixtures (the lines appended after an article).
END_LEFTOVERS = sorted(
    {c["input"].split("\n")[-2] for c in CASES if c["label"].endswith("after the article")}
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.lists(st.sampled_from(END_LEFTOVERS), min_size=1, max_size=6))
def test_leftovers_after_an_article_go_and_the_article_stays(text, lines):
    out, edits = remove_leftovers(text + "\n" + "\n".join(lines) + "\n", Config())
    assert out == text + "\n"
    assert len(edits) == len(lines)


# Any text, with pieces of leftovers in it, so that the rules fire.
PIECES = ["\n", "\n\n", " ", ".", "|", "(", ")", "-", "Photo: ", "VNA", "Share", "Related", "Source:", "Comments"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(PIECES)).map("".join))
def test_edits_replay_and_undo_on_any_text(text):
    out, edits = remove_leftovers(text, Config())
    assert apply_edits(text, edits) == out
    assert normalize.restore(Cleaned(out, tuple(edits))) == text


def test_a_long_single_line_is_cleaned_inline():
    line = "The talks went on. Photo: VNA | " * 20000
    out, edits = remove_leftovers(line, Config())
    assert out == "The talks went on. " * 20000
    # Each credit goes by itself (the last one may go as the line's tail); the line stays.
    assert {e.rule for e in edits} <= {"caption/credit_bar_inline", "caption/credit_tail"}
    assert sum(e.rule == "caption/credit_bar_inline" for e in edits) >= 19999


def test_builtin_patterns_pass_the_same_backtracking_probe_as_user_patterns():
    for rule in builtin_rules():
        rules_module._probe(dataclasses.replace(rule, checked=True))


# --- user rule packs ---------------------------------------------------------


def write(tmp_path, text, name="pack.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_user_pack_adds_a_family(tmp_path):
    pack = write(tmp_path, '[[wire]]\nid = "ticker"\npattern = "TICKER:.{1,40}"\nseen = "a site\'s ticker"\n')
    config = Config(leftover_rules=[pack])
    out, edits = remove_leftovers("Prices fell.\nTICKER: oil up 2%\nThey rose later.", config)
    assert out == "Prices fell.\nThey rose later."
    assert [e.rule for e in edits] == ["wire/ticker"]


def test_user_pack_uses_builtin_lists_and_its_own(tmp_path):
    pack = write(tmp_path, '[lists]\ndesks = ["Metro Desk"]\n[[byline]]\nid = "desk"\nshape = "line_end"\n'
                           'pattern = \'\'\'(?<=\\.)\\s*(?:\\L<desks>|(?-i:\\L<agencies>))\'\'\'\n')
    config = Config(leftover_rules=[pack], builtin_leftover_rules=False)
    assert remove_leftovers("It rained. Metro Desk", config)[0] == "It rained."
    assert remove_leftovers("It rained. AFP", config)[0] == "It rained."


def test_user_rule_replaces_or_switches_off_a_builtin(tmp_path):
    text = "It rained.\nADVERTISEMENT\nIt stopped."
    off = write(tmp_path, '[[page_tools]]\nid = "advertisement"\npattern = "x"\nenabled = false\n')
    assert remove_leftovers(text, Config(leftover_rules=[off]))[0] == text
    narrower = write(tmp_path, '[[page_tools]]\nid = "advertisement"\npattern = "(?-i:ADVERTISEMENT)"\n', "n.toml")
    config = Config(leftover_rules=[narrower])
    assert remove_leftovers(text, config)[0] == "It rained.\nIt stopped."
    assert remove_leftovers("It rained.\nAdvertisement\nIt stopped.", config)[0].count("\n") == 2


def test_builtin_rules_can_be_switched_off():
    assert rules_for(Config(builtin_leftover_rules=False)) == ()
    text = "It rained.\nShare this article\n"
    assert remove_leftovers(text, Config(builtin_leftover_rules=False)) == (text, [])


@pytest.mark.parametrize(
    "pack, message",
    [
        ("[[x]\n", "not valid TOML"),
        ('[[fam]]\npattern = "a"\n', "has no id"),
        ('[[fam]]\nid = "r"\npatern = "a"\n', "rule fam/r: unknown key 'patern'"),
        ('[[fam]]\nid = "r"\npattern = "a"\nshape = "paragraph"\n', "rule fam/r: shape must be"),
        ('[[fam]]\nid = "r"\npattern = "(unclosed"\n', "rule fam/r: invalid pattern"),
        ('[[fam]]\nid = "r"\npattern = "\\\\L<nolist>"\n', "rule fam/r: pattern uses the list"),
        ('[[fam]]\nid = "r"\npattern = "a"\nmax_length = 9999\n', "rule fam/r: max_length"),
        ('[[fam]]\nid = "r"\npattern = "a"\nwhere = "tail"\nshape = "inline"\n', "rule fam/r: where = 'tail'"),
        ('[[fam]]\nid = "r"\npattern = "a"\n[[fam]]\nid = "r"\npattern = "b"\n', "fam/r is defined twice"),
        ('[[fam]]\nid = "slow"\npattern = "(a|aa)+$"\n', "rule fam/slow: pattern took over"),
        ('[[fam]]\nid = "r"\npattern = "a"\nlanguages = ["German"]\n', "rule fam/r: languages must be"),
    ],
)
def test_a_bad_user_pack_is_a_rule_error_when_the_config_is_made(tmp_path, pack, message):
    path = write(tmp_path, pack)
    with pytest.raises(RuleError, match=message.replace("(", r"\(").replace("[", r"\[")) as error:
        Config(leftover_rules=[path])
    assert path in str(error.value)


def test_a_missing_pack_is_a_rule_error():
    with pytest.raises(RuleError, match="cannot read rule pack"):
        Config(leftover_rules=["/no/such/pack.toml"])


def test_a_pattern_too_slow_on_a_real_line_is_cut_off_and_named(tmp_path, monkeypatch):
    monkeypatch.setattr(rules_module, "_probe", lambda rule: None)  # let it past the load-time probe
    monkeypatch.setattr(rules_module, "PATTERN_TIMEOUT_S", 0.05)
    pack = write(tmp_path, '[[fam]]\nid = "slow"\nshape = "inline"\npattern = "(a|aa)+$"\n')
    config = Config(leftover_rules=[pack])
    with pytest.raises(RuleError, match="rule fam/slow: pattern took over"):
        normalize.clean("ok\n" + "a" * 60 + "!\n", config)


# --- a sentence glued to furniture keeps its words ----------------------------

SHORT_SENTENCES = [
    "The prize went to the economist, Adam Smith.", "Prices rose sharply.", "She has resigned.",
    "Police found the car on Friday.", "Both teams scored twice.", "The vote was close.",
    "Farmers harvested rice in the delta.", "The talks will resume in May.",
]
# Furniture of the credit, caption and source families, as it ends a line.
GLUED_CREDITS = [
    " Photo: VNA", " Photo: NLD |", " (Photo: Reuters)", " Photograph: Getty Images", " Image: Jane Doe",
    " Credit: AFP", " [Photo: Xinhua]", " Photo by Jane Doe/Reuters", " (Source:", " Photo:", " Source:",
    " - Reuters", " (AFP)", "-VNA", " Source: Xinhua", " — AP",
]


@pytest.mark.parametrize("credit", GLUED_CREDITS)
@pytest.mark.parametrize("sentence", SHORT_SENTENCES)
def test_a_short_sentence_before_a_credit_keeps_its_words(sentence, credit):
    text = (
        "The council met on Monday to discuss the budget for the coming year.\n\n"
        f"{sentence}{credit}\n\n"
        "The ceremony was held in the provincial capital on Friday evening.\n"
    )
    out, edits = remove_leftovers(text, Config())
    assert f"\n{sentence}\n" in out
    assert credit.strip() not in out


# Captions are written in the present tense, or without a verb.
@pytest.mark.parametrize("caption", [
    "Delegates at the talks.", "Vietnam's soldiers taking part in a peacekeeping mission.",
    "A view of the flooded village.", "The minister speaks at the ceremony.", "Farmers harvest rice in the delta.",
])
def test_a_caption_before_its_credit_goes_with_it(caption):
    text = (
        "The council met on Monday to discuss the budget for the coming year.\n\n"
        f"{caption} Photo: NLD |\n\n"
        "The ceremony was held in the provincial capital on Friday evening.\n"
    )
    out, _ = remove_leftovers(text, Config())
    assert caption not in out


def test_a_list_of_readers_who_reacted_goes_however_long():
    names = ", ".join(f"reader_{n}" for n in range(2000))
    text = f"The story ends here.\n\n{names} and Kit as well as 312 guests left kudos on this work! (collapse)\n"
    out, edits = remove_leftovers(text, Config())
    assert out.split() == ["The", "story", "ends", "here."]
    assert {e.rule for e in edits} == {"comment_prompt/reactions_list"}
    listing = "Apples, pears, plums, figs and cherries, which everyone liked this year, sold out.\n"
    assert remove_leftovers(listing, Config()) == (listing, [])


def test_a_user_rule_for_some_languages_meets_only_texts_in_them(tmp_path):
    pack = write(tmp_path, '[[house]]\nid = "mehr"\npattern = "Mehr vom Haus"\nlanguages = ["de"]\n')
    config = Config(leftover_rules=[pack])
    german = "Die Stadt hat am Montag beschlossen, dass die Straßen nicht vor dem Herbst saniert werden.\nMehr vom Haus\n"
    english = "The city decided on Monday that the roads will not be repaired before the autumn.\nMehr vom Haus\n"
    assert "Mehr vom Haus" not in remove_leftovers(german, config)[0]
    assert remove_leftovers(english, config)[0] == english


def test_the_heads_learnt_ahead_are_what_the_dispatch_learns_from_the_rules_as_they_are():
    """normalize/leftovers/data/heads.txt holds what the head dispatch learns
    for common heads; after a rule changes, learn it again:
    python -m normalize.leftovers.heads"""
    from normalize.leftovers import heads

    rules = dispatch_module.compiled(Config())
    learnt_for, table = heads.read_table()
    fresh = dispatch_module._learner((rules.lines,), rules.head_tested, dispatch_module._shorter_head,
                                     dispatch_module._can_start_with)
    stale = "the heads learnt ahead are out of date: run python -m normalize.leftovers.heads"
    assert learnt_for == heads.fingerprint(rules.head_tested), stale
    assert table == heads.learn(rules.head_tested, fresh, table), stale
    assert heads.learnt_ahead(rules.head_tested) == table
    assert not heads.learnt_ahead(rules.head_tested[1:]), "a table learnt from other rules is read"
