"""Table-driven cases from fixtures/cases/: each stage alone, on its own inputs."""
from pathlib import Path

import pytest

from normalize import Config
from normalize.pipeline import STAGES
from conftest import case_params

CONFIG = Config()


def run_stage(name: str, text: str) -> str:
    return STAGES[name](text, CONFIG)[0]


@pytest.mark.parametrize("case", case_params("split_words"))
def test_split_words(case):
    text, edits = STAGES["split_words"](case["input"], CONFIG)
    assert text == case["expected"]
    assert sorted({edit.rule for edit in edits}) == case["rules"]


def test_every_split_rule_id_is_registered_and_documented():
    """An edit's rule is a key of the splitter's registry, and the rule
    tables of docs/splitting.md name every key."""
    from normalize.splitting.punctuation import PLACE_RULES
    from normalize.splitting.rules import RULES
    from conftest import load_cases

    readme = (Path(__file__).resolve().parent.parent / "docs" / "splitting.md").read_text(encoding="utf-8")
    assert {rule for case in load_cases("split_words") for rule in case["rules"]} <= set(RULES)
    assert set(PLACE_RULES.values()) <= set(RULES)
    assert all(RULES[rule] for rule in RULES)
    assert [rule for rule in RULES if f"`{rule}`" not in readme] == []


@pytest.mark.parametrize("case", case_params("normalize_whitespace"))
def test_normalize_whitespace(case):
    assert run_stage("normalize_whitespace", case["input"]) == case["expected"]


@pytest.mark.parametrize("case", case_params("fix_encoding"))
def test_fix_encoding(case):
    assert run_stage("fix_encoding", case["input"]) == case["expected"]
