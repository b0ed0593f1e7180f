"""benchmarks/run.py: a failed run must not count as a met target (no timing is asserted here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def rows(bench: ModuleType, exit_codes: tuple[int, int, int]) -> list:
    """A mixed corpus whose twin-extract runs are fast enough to meet every speed target."""
    seconds = (10.0, 1.0, 0.5)
    configs = ("a: spaCy nlp.pipe", "b: twin-extract, 1 worker", "c: twin-extract, 2 workers")
    return [bench.Row("mixed", config, 100, 1000, s, 100.0, {"exit_code": code})
            for config, s, code in zip(configs, seconds, exit_codes)]


@pytest.mark.parametrize("exit_codes, met", [
    ((0, 0, 0), True),
    ((0, 1, 0), False),   # the 1-worker batch lost documents
    ((0, 0, 2), False),   # the 2-worker batch could not start
])
def test_targets_are_met_only_when_every_run_succeeded(bench: ModuleType, exit_codes, met) -> None:
    measured = rows(bench, exit_codes)
    checks = bench.target_checks({"mixed": measured}, {"startup_s": 0.5, "process_s": 1.0})
    assert checks and all(ok is met for *_, ok in checks)
    assert bool(bench.failed_runs(measured)) is not met


def test_report_names_the_failed_run(bench: ModuleType) -> None:
    args = bench.parse_args([])
    report = bench.render(rows(bench, (0, 1, 0)), {"startup_s": 0.5, "process_s": 1.0}, {}, args)
    assert "Failed runs" in report and "b: twin-extract, 1 worker (exit code 1)" in report
    assert "| yes |" not in report


def test_the_feed_is_mostly_city_news_with_gold_stories(tmp_path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from feed import gold_stories, write_feed

    path = tmp_path / "feed.jsonl"
    stories = write_feed(path, 200, ["Lviv", "Lublin", "Genoa", "Tartu"], seed=7, share=0.05)
    again = tmp_path / "again.jsonl"
    write_feed(again, 200, ["Lviv", "Lublin", "Genoa", "Tartu"], seed=7, share=0.05)
    texts = path.read_text("utf-8").splitlines()
    gold = {doc["text"] for doc in gold_stories()}
    assert stories == 10 and len(texts) == 200 and path.read_bytes() == again.read_bytes()
    assert sum(json.loads(t)["text"] in gold for t in texts) == 10
