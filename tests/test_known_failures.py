"""Known failures, listed in fixtures/cases/known_failures.json: each runs as a strict
expected failure, so fixing one fails the suite until its case moves to the stage's cases."""
import pytest

from normalize import clean
from conftest import load_cases

CASES = [pytest.param(case, id=case["label"], marks=pytest.mark.xfail(strict=True, reason=case["why"]))
         for case in load_cases("known_failures")]


@pytest.mark.parametrize("case", CASES)
def test_known_failure(case):
    assert clean(case["input"]) == case["expected"]
