"""Reading the rule tables in ``patterns/uk``: data a user can extend without touching code."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def rows(name: str, patterns: str | None = None) -> list[dict]:
    """One ``patterns/uk`` file, with a same-named file in ``patterns/uk`` of ``--patterns`` overriding by id."""
    found: dict[str, dict] = {}
    base = resources.files("twin_extract").joinpath("patterns", "uk", name)
    sources = [base if base.is_file() else Path(__file__).resolve().parents[3] / "patterns" / "uk" / name]
    if patterns:
        sources.append(Path(patterns) / "uk" / name)
    for source in sources:
        if source.is_file():
            for line in source.read_text("utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    found[row["id"]] = row
    return list(found.values())
