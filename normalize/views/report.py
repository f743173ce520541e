"""`Report`: what a run did, as the JSON document `--report` writes.

    files       inputs cleaned, failed, skipped (binary, unreadable folder
                links), already done (`--resume`) and HTML pages where the
                extractor found no article (no_article)
    documents   texts cleaned (a file, or a JSON Lines record), how many of
                them changed, records rejected
    bytes       read and written
    edits       total, by stage and by rule ("stage/rule"); and the leftovers
                removed by family ("share", "blocks" ...): how many, and how
                many characters, so that what went can be audited family by
                family
    failures    each input or record that was not cleaned, with the reason
    skipped     each input passed over, with the reason
    redone      each input --resume cleaned again, with the reason (see
                `jobs.manifest.verdict`)
    seconds     wall-clock time of the run
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable

from .. import __version__
from ..config import Config
from ..edits import Edit
from ..jobs.writing import write_atomic

LEFTOVERS = "remove_leftovers"


@dataclass
class Report:
    started: float = field(default_factory=time.monotonic)
    files: Counter = field(default_factory=Counter)
    documents: Counter = field(default_factory=Counter)
    bytes_read: int = 0
    bytes_written: int = 0
    by_stage: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    leftover_removals: Counter = field(default_factory=Counter)
    leftover_characters: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    redone: list[dict] = field(default_factory=list)
    interrupted: bool = False

    def count_edits(self, edits: Iterable[Edit]) -> int:
        """Count `edits` by stage and rule; return how many there were."""
        count = 0
        for edit in edits:
            self.by_stage[edit.stage] += 1
            self.by_rule[f"{edit.stage}/{edit.rule}"] += 1
            if edit.stage == LEFTOVERS:
                family = edit.rule.split("/", 1)[0]
                self.leftover_removals[family] += 1
                self.leftover_characters[family] += len(edit.removed)
            count += 1
        return count

    def document(self, changed: bool) -> None:
        """Count one cleaned document (a file, or a record)."""
        self.documents["cleaned"] += 1
        self.documents["changed"] += changed

    def failed(self, source: str, reason: str, *, line: int | None = None) -> None:
        entry = {"input": source, "reason": reason}
        if line is not None:
            entry["line"] = line
            self.documents["rejected"] += 1
        else:
            self.files["failed"] += 1
        self.failures.append(entry)

    def skip(self, source: str, reason: str, *, kind: str = "skipped") -> None:
        self.files[kind] += 1
        self.skipped.append({"input": source, "reason": reason})

    def redo(self, source: str, reason: str) -> None:
        self.redone.append({"input": source, "reason": reason})

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self, config: Config | None = None) -> dict:
        total = sum(self.by_stage.values())
        result = {
            "normalize": __version__,
            "seconds": round(time.monotonic() - self.started, 3),
            "interrupted": self.interrupted,
            "files": {key: self.files[key] for key in ("cleaned", "failed", "skipped", "already_done", "no_article")},
            "documents": {
                "cleaned": self.documents["cleaned"],
                "changed": self.documents["changed"],
                "rejected": self.documents["rejected"],
            },
            "bytes": {"read": self.bytes_read, "written": self.bytes_written},
            "edits": {
                "total": total,
                "by_stage": dict(self.by_stage.most_common()),
                "by_rule": dict(self.by_rule.most_common()),
                "leftovers_by_family": {
                    family: {"removals": count, "characters": self.leftover_characters[family]}
                    for family, count in self.leftover_removals.most_common()
                },
            },
            "failures": self.failures,
            "skipped": self.skipped,
            "redone": self.redone,
        }
        if config is not None:
            result["config"] = {
                key: sorted(value) if isinstance(value, frozenset) else value for key, value in asdict(config).items()
            }
        return result

    def write(self, path: str, config: Config | None = None) -> None:
        text = json.dumps(self.as_dict(config), indent=2, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode("utf-8"))
