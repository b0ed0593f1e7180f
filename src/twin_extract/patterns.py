"""Rules as data: load the JSONL pattern files shipped with the package, plus a user's folder.

Every line is one JSON object with a unique ``id``. A user's folder (``--patterns DIR``)
holds files of the same names; its lines add to the shipped ones, and a line whose ``id``
already exists replaces that rule, so a wrong rule can be fixed without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

PATTERN_FILES: dict[str, tuple[str, ...]] = {
    "triggers": ("id", "pattern", "relation", "strength"),
    "status": ("id", "pattern", "status"),
    "countries": ("id", "alias", "country"),
    "demonyms": ("id", "demonym", "country"),
    "regions": ("id", "alias", "code"),
    "place_cues": ("id", "pattern", "type", "position"),
    "not_places": ("id", "text"),
    "anaphors": ("id", "pattern"),
    "institutions": ("id", "lemma"),
}
"""Each pattern file and the keys every one of its lines must have."""


class PatternError(ValueError):
    """A pattern file has a line that cannot be used; the message names file and line."""


def shipped_patterns_dir() -> Path:
    """The package's own patterns: inside the wheel, or the repository's ``patterns/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "patterns"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "patterns"


def _read_jsonl(path: Path, required: Iterable[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise PatternError(f"{path}:{lineno}: not valid JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise PatternError(f"{path}:{lineno}: expected a JSON object")
        missing = [key for key in required if key not in row]
        if missing:
            raise PatternError(f"{path}:{lineno}: missing key(s) {', '.join(missing)}")
        rows.append(row)
    return rows


@dataclass
class PatternSet:
    """All rules, by file name (``triggers``, ``status``, ...), each a list of dicts."""

    rules: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        return self.rules.get(name, [])

    def to_dict(self) -> dict[str, Any]:
        return {"rules": self.rules, "sources": self.sources}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PatternSet":
        return cls(rules=data["rules"], sources=data.get("sources", []))


def load_patterns(extra: str | Path | None = None) -> PatternSet:
    """Shipped rules, then ``extra`` (a folder of the same file names) merged in by ``id``."""
    folders = [shipped_patterns_dir()]
    if extra is not None:
        extra_path = Path(extra)
        if not extra_path.is_dir():
            raise PatternError(f"patterns folder not found: {extra_path}")
        folders.append(extra_path)
    merged: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in PATTERN_FILES}
    for folder in folders:
        for name, required in PATTERN_FILES.items():
            path = folder / f"{name}.jsonl"
            if not path.exists():
                continue
            for row in _read_jsonl(path, required):
                merged[name][str(row["id"])] = row
    ids: dict[str, str] = {}
    for name, rows in merged.items():
        for rule_id in rows:
            if rule_id in ids and ids[rule_id] != name:
                raise PatternError(f"rule id {rule_id!r} used in both {ids[rule_id]} and {name}")
            ids[rule_id] = name
    return PatternSet(
        rules={name: list(rows.values()) for name, rows in merged.items()},
        sources=[str(f) for f in folders],
    )
