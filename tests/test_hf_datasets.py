"""Hugging Face datasets: `Dataset.map` with `CleanBatch` cleans as `clean`
does, in two processes, and finds its cache again from a new process."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

import normalize
from normalize import Config

datasets = pytest.importorskip("datasets", reason="needs the datasets extra: pip install -e '.[datasets]'")

from normalize.integrations.hf_datasets import CleanBatch  # noqa: E402

TEXTS = ["Plain text stays.", "Vietnamâ€™s  talks went on.", None, "caf&eacute;  au lait", "More plain text."]


def offline_env(tmp_path, seed: int) -> dict:
    """A child's environment: its own cache, no network, the hash seed given."""
    return dict(
        os.environ,
        HF_HOME=str(tmp_path / "hf"),
        HF_HUB_OFFLINE="1",
        HF_DATASETS_OFFLINE="1",
        PYTHONHASHSEED=str(seed),
    )


def run_python(code: str, env: dict, cwd) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


FINGERPRINT = """
    from datasets.fingerprint import Hasher
    from normalize import Config
    from normalize.integrations.hf_datasets import CleanBatch

    config = Config(protected_words={"EuroCham", "Hanoi", "Mekong", "Saigon", "Danang"}, vocabulary={"pho", "banh"})
    print(Hasher.hash(CleanBatch(config, field="meta.body", damage_field="damage")))
"""


def test_the_fingerprint_of_the_map_function_is_the_same_in_two_processes(tmp_path):
    # Two hash seeds: a set's order changes with the seed, and its pickle with it.
    first = run_python(FINGERPRINT, offline_env(tmp_path, 1), tmp_path)
    second = run_python(FINGERPRINT, offline_env(tmp_path, 2), tmp_path)
    assert first == second
    other = run_python(FINGERPRINT.replace('"Danang"', '"Hue"'), offline_env(tmp_path, 1), tmp_path)
    assert other != first


MAP = """
    import json, os
    import datasets
    from normalize.integrations.hf_datasets import CleanBatch

    pages = datasets.load_dataset("json", data_files="pages.jsonl", split="train")
    clean = CleanBatch(field="meta.body", edits_field="edits", damage_field="damage")
    done = pages.map(clean, batched=True, batch_size=2, num_proc=2, features=clean.features(pages.features))
    files = sorted(entry["filename"] for entry in done.cache_files)
    print(json.dumps({"files": {name: os.stat(name).st_mtime_ns for name in files}, "rows": done.to_list()}))
"""


def test_map_in_two_processes_cleans_and_a_new_process_finds_the_cache(tmp_path):
    with open(tmp_path / "pages.jsonl", "w", encoding="utf-8") as out:
        for number, text in enumerate(TEXTS):
            out.write(json.dumps({"id": number, "meta": {"body": text, "lang": "en"}}) + "\n")

    first = json.loads(run_python(MAP, offline_env(tmp_path, 1), tmp_path))
    second = json.loads(run_python(MAP, offline_env(tmp_path, 2), tmp_path))

    assert len(first["files"]) == 2  # one per process
    assert second["files"] == first["files"]  # the same files, not written again
    assert second["rows"] == first["rows"]
    rows = first["rows"]
    assert [row["id"] for row in rows] == list(range(len(TEXTS)))
    assert [row["meta"]["lang"] for row in rows] == ["en"] * len(TEXTS)
    for row, text in zip(rows, TEXTS):
        if text is None:
            assert row["meta"]["body"] is None and row["edits"] is None and row["damage"] is None
            continue
        cleaned = normalize.clean_and_explain(text)
        assert row["meta"]["body"] == cleaned.text
        assert row["damage"] == cleaned.damage
        edits = tuple(normalize.Edit(**edit) for edit in row["edits"])
        assert normalize.restore(normalize.Cleaned(row["meta"]["body"], edits)) == text


def test_a_changed_rule_pack_changes_the_fingerprint(tmp_path):
    from datasets.fingerprint import Hasher

    pack = tmp_path / "rules.toml"
    rule = '[[house]]\nid = "{id}"\nshape = "line"\npattern = "turn to page \\\\d+"\n'
    pack.write_text(rule.format(id="page_pointer"), encoding="utf-8")
    before = Hasher.hash(CleanBatch(Config(leftover_rules=[str(pack)])))
    pack.write_text(rule.format(id="page_pointer_2"), encoding="utf-8")
    assert Hasher.hash(CleanBatch(Config(leftover_rules=[str(pack)]))) != before


def test_a_plain_column_in_one_process():
    pages = datasets.Dataset.from_dict({"text": TEXTS, "n": list(range(len(TEXTS)))})
    done = pages.map(CleanBatch(damage_field="damage"), batched=True, batch_size=2)
    assert done["text"] == [None if text is None else normalize.clean(text) for text in TEXTS]
    assert done["n"] == list(range(len(TEXTS)))
    assert done["damage"] == [None if text is None else normalize.clean_and_explain(text).damage for text in TEXTS]


def test_what_is_not_a_text_is_refused_with_its_name():
    with pytest.raises(normalize.InputError, match="'text' holds int"):
        CleanBatch()({"text": ["fine", 7]})
    with pytest.raises(normalize.InputError, match="no column 'body'"):
        CleanBatch(field="body")({"text": ["fine"]})
    with pytest.raises(normalize.ConfigError, match="batched=True"):
        CleanBatch()({"text": "one row at a time"})
