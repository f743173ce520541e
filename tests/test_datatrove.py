"""The datatrove step cleans as `clean` does, records what it did in each
document's metadata, pickles, and runs in datatrove's own executor."""
import gzip
import json
import pickle

import pytest

import normalize
from normalize import Config

pytest.importorskip("datatrove", reason="needs the datatrove extra: pip install -e '.[datatrove]'")
pytest.importorskip("orjson", reason="datatrove's JSON Lines reader needs orjson (the datatrove extra)")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from normalize.integrations.datatrove import NormalizeFormatter  # noqa: E402

TEXTS = [
    "Plain text stays as it is.",
    "Vietnamâ€™s  officials exchangedviews inHanoi.",
    "",
    "caf&eacute;  au lait\n\nLeave your comment on an article\n",
]


def documents():
    return [Document(text=text, id=str(number), metadata={"source": "test"}) for number, text in enumerate(TEXTS)]


def test_the_step_pickles_and_cleans_each_document():
    step = pickle.loads(pickle.dumps(NormalizeFormatter(Config(protected_words={"inHanoi"}))))
    done = list(step(documents()))
    for document, text in zip(done, TEXTS):
        cleaned = normalize.clean_and_explain(text, Config(protected_words={"inHanoi"}))
        assert document.text == cleaned.text
        assert document.metadata == {
            "source": "test",
            "normalize_damage": cleaned.damage,
            "normalize_edits": len(cleaned.edits),
        }
    assert "inHanoi" in done[1].text
    assert step.stats["total"].total == len(TEXTS)
    assert step.stats["changed"].total == 2


def test_metadata_names_can_be_changed_or_left_out():
    step = NormalizeFormatter(damage_key="damage", edits_key=None)
    [document] = step([Document(text="Vietnamâ€™s  talks", id="1")])
    assert document.metadata == {"damage": normalize.clean_and_explain("Vietnamâ€™s  talks").damage}


@pytest.mark.slow
def test_a_pipeline_in_two_worker_processes(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for shard in range(2):
        with gzip.open(pages / f"{shard}.jsonl.gz", "wt", encoding="utf-8") as out:
            for number, text in enumerate(TEXTS):
                out.write(json.dumps({"id": f"{shard}-{number}", "text": text}) + "\n")

    LocalPipelineExecutor(
        [JsonlReader(str(pages)), NormalizeFormatter(), JsonlWriter(str(tmp_path / "clean"), compression=None)],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    written = [json.loads(line) for path in sorted((tmp_path / "clean").glob("*.jsonl")) for line in open(path)]
    # (datatrove's readers leave out documents with no text)
    expected = [f"{shard}-{number}" for shard in range(2) for number, text in enumerate(TEXTS) if text]
    assert sorted(record["id"] for record in written) == sorted(expected)
    for record in written:
        cleaned = normalize.clean_and_explain(TEXTS[int(record["id"].split("-")[1])])
        assert record["text"] == cleaned.text
        assert record["metadata"]["normalize_damage"] == cleaned.damage
        assert record["metadata"]["normalize_edits"] == len(cleaned.edits)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(entry for entry in stats if entry["name"].endswith("🧹 normalize"))
    assert step["stats"]["total"] == len(expected)
    assert step["stats"]["changed"] == 4
