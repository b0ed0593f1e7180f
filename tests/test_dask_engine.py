"""``--engine dask``: the local engine's output from a Dask cluster, whatever crashes on the way.

A LocalCluster of two worker processes stands in for a real cluster; the real pipeline runs in
it. Every test compares against the local engine's output on the same mixed corpus (text, HTML,
JSON Lines in English and Ukrainian, a web archive, and bad inputs).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import fsspec
import pytest

from archive_fixtures import Page, article_html, write_warc
from twin_extract.batch import BatchOptions, run_batch
from twin_extract.dask_engine import MANIFEST_NAME, _client, shards_folder

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
SHARD_MB = 0.004
"""Tiny shards, so a small corpus makes many tasks and a crash lands mid-run."""


def first_lines(path: Path, count: int) -> str:
    with open(path, encoding="utf-8") as handle:
        return "".join(line for _, line in zip(range(count), handle))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Path:
    root = tmp_path_factory.mktemp("mixed") / "corpus"
    (root / "news").mkdir(parents=True)
    (root / "seed.txt").write_text(seed_text, encoding="utf-8")
    (root / "page.html").write_bytes(article_html(seed_text, "Twin towns"))
    (root / "news" / "dev.jsonl").write_text(first_lines(GOLD / "dev.jsonl", 30), encoding="utf-8")
    (root / "news" / "uk.jsonl").write_text(first_lines(GOLD / "uk-dev.jsonl", 8), encoding="utf-8")
    (root / "news" / "broken.jsonl").write_text(
        '{"text": "Lviv and Wroclaw are twin cities."}\n{"text": \n{"id": "x", "text": "Ordinary news."}\n')
    (root / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    write_warc(root / "crawl.warc.gz", [
        Page("https://news.example.org/twins", article_html(seed_text, "New twin towns")),
        Page("https://news.example.org/logo.png", b"\x89PNG", content_type="image/png"),
    ])
    return root


def options(paths: list[str], output: str, **extra) -> BatchOptions:
    return BatchOptions(paths=paths, output=output, quiet=True, progress=False, **extra)


def errors_beside(output: Path) -> list[dict]:
    return [json.loads(line) for line in (output.parent / "errors.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def local_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[dict]]:
    output = tmp_path_factory.mktemp("local") / "records.jsonl"
    assert run_batch(options([str(corpus)], str(output), workers=1)) == 1, "the bad inputs fail"
    return output.read_bytes(), errors_beside(output)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        yield cluster


def test_the_dask_engine_writes_the_local_engines_output(corpus: Path, local_run, cluster,
                                                         tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    code = run_batch(options([str(corpus)], str(output), engine="dask",
                             scheduler=cluster.scheduler_address, shard_mb=SHARD_MB))
    data, errors = local_run
    assert code == 1
    assert data.count(b"\n") > 40
    assert output.read_bytes() == data
    assert errors_beside(output) == errors
    manifest = json.loads((Path(shards_folder(str(output))) / MANIFEST_NAME).read_text())
    assert len(manifest["done"]) >= 8


def test_a_re_run_does_nothing_and_keeps_the_output(corpus: Path, local_run, cluster, tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    run = options([str(corpus)], str(output), engine="dask", scheduler=cluster.scheduler_address,
                  shard_mb=SHARD_MB)
    run_batch(run)
    before = {p.name: p.stat().st_mtime_ns for p in Path(shards_folder(str(output))).iterdir()
              if p.name != MANIFEST_NAME}
    run_batch(run)
    after = {p.name: p.stat().st_mtime_ns for p in Path(shards_folder(str(output))).iterdir()
             if p.name != MANIFEST_NAME}
    assert after == before, "no shard was done again"
    assert output.read_bytes() == local_run[0]


def test_a_worker_killed_mid_run_changes_nothing(corpus: Path, local_run, tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    manifest = Path(shards_folder(str(output))) / MANIFEST_NAME
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        result: list[int] = []
        run = threading.Thread(target=lambda: result.append(run_batch(options(
            [str(corpus)], str(output), engine="dask", scheduler=cluster.scheduler_address,
            shard_mb=SHARD_MB))))
        run.start()
        wait_for(lambda: manifest.exists(), run)
        assert run.is_alive(), "the run must still be going when the worker dies"
        os.kill(pids[0], signal.SIGKILL)
        run.join(timeout=300)
    assert result == [1]
    assert output.read_bytes() == local_run[0]


def test_the_client_killed_mid_run_then_run_again_gives_a_clean_output(corpus: Path, local_run,
                                                                       tmp_path: Path) -> None:
    output = tmp_path / "records.jsonl"
    manifest = Path(shards_folder(str(output))) / MANIFEST_NAME
    command = [sys.executable, "-m", "twin_extract", "run", str(corpus), "-o", str(output),
               "--engine", "dask", "--workers", "2", "--shard-mb", str(SHARD_MB)]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    try:
        wait_for(lambda: manifest.exists(), first)
        assert first.poll() is None and not output.exists(), "killed before the output was written"
        os.killpg(first.pid, signal.SIGKILL)
    finally:
        first.wait(timeout=60)
    done_before = len(json.loads(manifest.read_text())["done"])
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 1, again.stderr
    assert f"resuming {output} ({done_before} of" in again.stderr
    assert output.read_bytes() == local_run[0]


def test_memory_urls_in_and_out(corpus: Path, local_run) -> None:
    fs = fsspec.filesystem("memory")
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            fs.pipe_file(f"/mixed/{path.relative_to(corpus).as_posix()}", path.read_bytes())
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:  # in-process: no network
        code = run_batch(options(["memory://mixed"], "memory://results/records.jsonl", engine="dask",
                                 scheduler=cluster.scheduler_address, shard_mb=SHARD_MB))
    assert code == 1
    expected = local_run[0].replace(str(corpus).encode(), b"memory://mixed")
    assert fs.cat_file("/results/records.jsonl") == expected
    errors = [json.loads(line) for line in fs.cat_file("/results/errors.jsonl").splitlines()]
    assert [e["error"] for e in errors] == [e["error"] for e in local_run[1]]


def test_the_engines_own_cluster_leaves_mallocs_settings_alone(tmp_path: Path, monkeypatch) -> None:
    """Dask's nanny would start the workers with ``MALLOC_TRIM_THRESHOLD_`` set, which costs the
    shard tasks a page fault per large array; a cluster started earlier in this process leaves it
    in the environment, hence the delenv."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with _client(options([str(tmp_path)], str(tmp_path / "out.jsonl"), engine="dask", workers=1)) as client:
        seen = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(seen.values()) == [None]


@pytest.mark.parametrize("extra, message", [
    ({"paths": ["-"]}, "not stdin"),
    ({"output": "-"}, "not stdout"),
    ({"shard_mb": 0.0}, "--shard-mb"),
])
def test_dask_usage_errors(tmp_path: Path, extra: dict, message: str, capsys) -> None:
    settings = {"paths": [str(tmp_path)], "output": str(tmp_path / "out.jsonl"), "engine": "dask", **extra}
    assert run_batch(BatchOptions(**settings)) == 2
    assert message in capsys.readouterr().err


def test_the_local_engine_refuses_a_url_output(tmp_path: Path, capsys) -> None:
    assert run_batch(BatchOptions(paths=[str(tmp_path)], output="memory://x/out.jsonl")) == 2
    assert "--engine dask" in capsys.readouterr().err


def wait_for(condition, running, timeout: float = 300.0) -> None:
    """Until ``condition()``, failing if ``running`` (a thread or process) ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        alive = running.is_alive() if isinstance(running, threading.Thread) else running.poll() is None
        assert alive, "the run ended before the condition was met"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
