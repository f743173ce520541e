"""The tuning modules: each threshold named once."""
import ast
from pathlib import Path

import pytest

import normalize

TUNING = sorted(Path(normalize.__file__).parent.rglob("tuning.py"))


@pytest.mark.parametrize("path", TUNING, ids=lambda path: str(path.parent.name))
def test_every_threshold_is_assigned_once(path):
    names = [target.id for node in ast.parse(path.read_text()).body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)]
    assert len(names) == len(set(names)), sorted({name for name in names if names.count(name) > 1})
