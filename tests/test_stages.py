"""Table-driven cases from fixtures/cases/: each stage alone, on its own inputs."""
import pytest

from normalize import Config
from normalize.pipeline import STAGES
from conftest import case_params

CONFIG = Config()


def run_stage(name: str, text: str) -> str:
    return STAGES[name](text, CONFIG)[0]


@pytest.mark.parametrize("case", case_params("split_words"))
def test_split_words(case):
    assert run_stage("split_words", case["input"]) == case["expected"]


@pytest.mark.parametrize("case", case_params("normalize_whitespace"))
def test_normalize_whitespace(case):
    assert run_stage("normalize_whitespace", case["input"]) == case["expected"]


@pytest.mark.parametrize("case", case_params("fix_encoding"))
def test_fix_encoding(case):
    assert run_stage("fix_encoding", case["input"]) == case["expected"]
