"""The tuning modules: each threshold named once."""
import ast
from pathlib import Path

import pytest

import normalize

TUNING = sorted(Path(normalize.__file__).parent.rglob("*tuning.py"))


@pytest.mark.parametrize("path", TUNING, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_threshold_is_assigned_once(path):
    names = [target.id for node in ast.parse(path.read_text()).body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)]
    assert len(names) == len(set(names)), sorted({name for name in names if names.count(name) > 1})


def _assigned(path: Path) -> set[str]:
    return {target.id for node in ast.parse(path.read_text()).body if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name)}


def test_a_package_names_each_threshold_in_one_tuning_module():
    # (The splitter's rules and its word model's segmentation keep theirs apart: tuning, segment_tuning.)
    for package in {path.parent for path in TUNING}:
        modules = [path for path in TUNING if path.parent == package]
        for index, first in enumerate(modules):
            for second in modules[index + 1 :]:
                assert not _assigned(first) & _assigned(second), (first.name, second.name)
