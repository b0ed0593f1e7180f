"""The memory budget (``memory.py``) and how ``run`` keeps to it: a document that needs more fails
with an error line in errors.jsonl, and the batch goes on."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from twin_extract import memory


@pytest.mark.parametrize("total, workers, share", [(4096, 1, 4096), (4096, 2, 2048), (3000, 4, 750)])
def test_the_budget_is_split_over_the_workers(total, workers, share):
    assert memory.per_worker_mb(total, workers) == share


def test_the_default_budget_is_a_share_of_the_ram():
    assert memory.per_worker_mb(None, 1) == int(memory.physical_memory_mb() * memory.DEFAULT_SHARE)


def test_an_in_process_limit_is_lifted_afterwards():
    before = resource.getrlimit(resource.RLIMIT_AS)
    with memory.address_space_limit(64 * 1024):
        assert resource.getrlimit(resource.RLIMIT_AS)[0] == 64 * 1024 << 20
    assert resource.getrlimit(resource.RLIMIT_AS) == before


GREEDY_RUN = textwrap.dedent('''
    import io, sys
    from dataclasses import dataclass
    from twin_extract.batch import BatchOptions, run_batch

    class Greedy:
        """A stand-in extractor: a document saying GREEDY asks for 8 GB."""
        def pipe(self, items):
            for item in items:
                if "GREEDY" in item.text:
                    bytearray(8 << 30)
                yield item, []

    @dataclass(frozen=True)
    class GreedyFactory:
        def __call__(self):
            return Greedy()

    if __name__ == "__main__":
        folder, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
        options = BatchOptions(paths=[folder], output=out, workers=workers, quiet=True, progress=False,
                               chunk_docs=1, max_memory_mb=2048 * workers)
        sys.exit(run_batch(options, factory=GreedyFactory()))
''')


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_the_budget_is_an_error_line_not_a_crash(tmp_path: Path, workers: int):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("An ordinary story.", encoding="utf-8")
    (folder / "b.txt").write_text("GREEDY story.", encoding="utf-8")
    (folder / "c.txt").write_text("Another ordinary story.", encoding="utf-8")
    script = tmp_path / "greedy_run.py"
    script.write_text(GREEDY_RUN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, str(script), str(folder), str(out), str(workers)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and errors[0]["path"].endswith("b.txt") and "--max-memory" in errors[0]["error"]
    state = (tmp_path / "out.jsonl.state.jsonl").read_text()
    assert "a.txt" in state and "c.txt" in state


def test_an_in_process_limit_never_falls_below_what_the_process_holds():
    held = memory.address_space_mb()
    with memory.address_space_limit(1):
        assert resource.getrlimit(resource.RLIMIT_AS)[0] >= (held + memory.MIN_WORKER_MB) << 20
