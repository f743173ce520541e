"""A datatrove pipeline step that cleans each document's text.

Needs the `datatrove` extra (`pip install 'normalize-text[datatrove]'`).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from normalize.integrations.datatrove import NormalizeFormatter

    LocalPipelineExecutor(
        [JsonlReader("pages/"), NormalizeFormatter(), JsonlWriter("clean/")], tasks=4
    ).run()

Each document's `text` becomes what `normalize.clean` makes of it, and its
metadata gets the damage estimate (`Cleaned.damage`: word repairs per word,
0.0 for a text that needed none) and the number of edits, under names that
can be changed; so a later filter can drop what was too broken. Unlike
datatrove's own formatters it says what it changed.

The step pickles (its `Config` is a frozen dataclass), as datatrove's Local,
Slurm and Ray executors need; the word model loads once per worker process,
at the first document. A document whose cleaning fails raises, failing its
task, as any datatrove step does: nothing goes on uncleaned without a word.
"""
from __future__ import annotations

from collections import Counter

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ..config import Config
from ..pipeline import clean_and_explain


class NormalizeFormatter(PipelineStep):
    """Clean `doc.text` with `config`; record `damage_key` and `edits_key`
    in `doc.metadata` (None leaves one out).

    Statistics (they add up across workers, as datatrove's do): documents
    seen (`total`), documents changed (`changed`), and edits by stage
    (`edits_fix_encoding`, ...).
    """

    type = "✂️ - FORMAT"
    name = "🧹 normalize"

    def __init__(
        self,
        config: Config | None = None,
        *,
        damage_key: str | None = "normalize_damage",
        edits_key: str | None = "normalize_edits",
    ) -> None:
        super().__init__()
        self.config = config or Config()
        self.damage_key = damage_key
        self.edits_key = edits_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for document in data:
            self.stat_update("total")
            with self.track_time():
                cleaned = clean_and_explain(document.text, self.config)
            document.text = cleaned.text
            if self.damage_key:
                document.metadata[self.damage_key] = cleaned.damage
            if self.edits_key:
                document.metadata[self.edits_key] = len(cleaned.edits)
            if cleaned.edits:
                self.stat_update("changed")
                for stage, count in Counter(edit.stage for edit in cleaned.edits).items():
                    self.stat_update(f"edits_{stage}", value=count)
            yield document
