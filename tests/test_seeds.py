"""Golden tests: the seed articles come out word for word as hand-cleaned."""
from pathlib import Path

import pytest

import normalize

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
RAW = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_seed_words_match_expected(raw: Path):
    expected = raw.with_name(raw.stem + ".expected.txt").read_text(encoding="utf-8")
    got = normalize.clean(raw.read_text(encoding="utf-8"))
    assert got.split() == expected.split()


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_seed_keeps_paragraph_layout(raw: Path):
    expected = raw.with_name(raw.stem + ".expected.txt").read_text(encoding="utf-8")
    got = normalize.clean(raw.read_text(encoding="utf-8"))
    assert got.rstrip("\n").split("\n") == expected.rstrip("\n").split("\n")


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_seed_restores_exactly(raw: Path):
    text = raw.read_text(encoding="utf-8")
    assert normalize.restore(normalize.clean_and_explain(text)) == text
