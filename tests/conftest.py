import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def load_cases(name: str) -> list[dict]:
    """Table-driven cases from fixtures/cases/NAME.json: label, input, expected
    (and for split_words, `rules`: the rule ids of the case's edits)."""
    return json.loads((FIXTURES / "cases" / f"{name}.json").read_text(encoding="utf-8"))


def case_params(name: str):
    return [pytest.param(case, id=case["label"]) for case in load_cases(name)]


@pytest.fixture(scope="session", autouse=True)
def word_model_loaded():
    """Load the word tables once, before any test that has a deadline runs."""
    import normalize

    normalize.clean("load the tables: exchangedviews inHanoi")
