"""A long document is read in bounded memory and gives the records its story gives alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

ORDINARY = ("The city council discussed the budget for road repairs on Tuesday. Residents asked about "
            "bus timetables and the new library opening hours.\n")
MEMORY_CAP = 3 * 1024 ** 3
"""Address space for the whole run, model included: a document held whole as Docs breaks it."""


@pytest.mark.slow
def test_a_long_document_under_a_memory_cap_gives_its_story_records(tmp_path: Path) -> None:
    story = SEED.read_text(encoding="utf-8")
    long_text = ORDINARY * (3_000_000 // len(ORDINARY)) + "\n" + story
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))\n"
        "from twin_extract.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    outputs = {}
    for name in ("long", "story"):
        out = tmp_path / f"{name}.jsonl"
        done = subprocess.run([sys.executable, "-c", script, "run", str(tmp_path / f"{name}.txt"), "-o", str(out),
                               "--workers", "1", "-q", "--force"], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs[name] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    offset = len(long_text) - len(story)

    def summary(records, shift=0):
        return sorted((tuple(sorted(p["name"] for p in r["parties"])), r["status"],
                       (r["date"] or {}).get("value"), r["evidence"][0]["start"] - shift) for r in records)

    assert len(outputs["story"]) >= 18
    assert summary(outputs["long"], offset) == summary(outputs["story"])


def test_a_long_document_reports_its_characters_as_chunks_finish(extractor, seed_text):
    """The progress bar moves while one long document runs: the pipeline tells ``on_chars``."""
    text = ("The council discussed the bus timetable and the new library. " * 2500) + seed_text
    calls: list[tuple[int, int]] = []
    extractor.on_chars = lambda done, total: calls.append((done, total))
    try:
        records = extractor.extract(text)
    finally:
        extractor.on_chars = None
    assert records and len(calls) >= 2
    assert all(total == len(text) for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls) and calls[-1][0] <= len(text)
