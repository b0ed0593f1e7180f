"""Shards and storage: how a batch is cut for a cluster, and URLs read like folders."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import fsspec
import pytest

from twin_extract import storage
from twin_extract.readers import ReadError, read_file, read_inputs, walk_folder
from twin_extract.shards import MIN_SHARD_BYTES, plan, read_shard


def news_lines(count: int, prefix: str = "doc") -> str:
    rows = [{"text": f"Story {n}: the council of Town{n} met on Monday about roads."} for n in range(count)]
    for n in range(0, count, 7):
        rows[n]["id"] = f"{prefix}-{n}"
    return "".join(json.dumps(r) + "\n" for r in rows)


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "z.txt").write_text("Zeta town news.")
    (root / "a" / "one.txt").write_text("One town news.")
    (root / "b" / "two.html").write_text("<html><body><p>Two town news, long enough to be text.</p></body></html>")
    (root / "b" / "deep" / "big.jsonl").write_text(news_lines(900) + "not json\n" + news_lines(100, "tail"))
    (root / "b" / ".hidden.txt").write_text("never read")
    (root / "b" / "skip.bin").write_bytes(b"\x00\x01")
    return root


def test_shards_cover_every_document_once_in_input_order(tree: Path) -> None:
    shards = plan([str(tree)], shard_mb=0.02)
    assert len(shards) > 3
    assert [s.number for s in shards] == list(range(len(shards)))
    whole = [(e.id, getattr(e, "line", None)) if not isinstance(e, ReadError) else ("error", e.line)
             for e in read_inputs([str(tree)])]
    cut = [(e.id, getattr(e, "line", None)) if not isinstance(e, ReadError) else ("error", e.line)
           for shard in shards for e in read_shard(shard, skipped=Counter())]
    assert cut == whole
    assert ("error", 901) in cut, "a bad line keeps its number in a later span"
    spans = [p.span for s in shards for p in s.parts if p.span is not None]
    assert len(spans) > 1 and all(s.end > s.start for s in spans)


def test_a_small_input_is_still_cut_for_every_worker(tmp_path: Path) -> None:
    for n in range(40):
        (tmp_path / f"{n:02}.txt").write_text("x" * 2000)
    shards = plan([str(tmp_path)])
    assert len(shards) >= 4, "80 KB in 40 files: several shards, not one of 32 MB"
    assert all(s.size < MIN_SHARD_BYTES + 2000 for s in shards)


def test_the_last_shards_are_smaller_so_the_workers_finish_together(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(news_lines(8000))
    sizes = [s.size for s in plan([str(path)])]
    assert sum(sizes) == path.stat().st_size
    full = sizes[0]
    tail = sizes[next(n for n, size in enumerate(sizes) if size < 0.9 * full):]
    line = max(len(line) for line in path.read_text().splitlines(keepends=True))
    assert len(tail) >= 4 and all(later <= earlier + line for earlier, later in zip(tail, tail[1:]))
    assert all(size >= MIN_SHARD_BYTES for size in tail[:-1]) and tail[-2] < full / 2


def test_a_shard_key_changes_when_its_input_changes(tree: Path) -> None:
    before = {s.key for s in plan([str(tree)], shard_mb=0.02)}
    assert before == {s.key for s in plan([str(tree)], shard_mb=0.02)}
    target = tree / "a" / "one.txt"
    target.write_text("One town news, edited.")
    os.utime(target, ns=(1, 1))
    after = {s.key for s in plan([str(tree)], shard_mb=0.02)}
    assert len(before - after) == 1, "only the shard holding the edited file is new"


def test_a_url_folder_is_walked_like_a_local_folder(tree: Path) -> None:
    fs = fsspec.filesystem("memory")
    for path, rel in walk_folder(tree):
        fs.pipe_file(f"/walk/{rel}", path.read_bytes())
    fs.pipe_file("/walk/b/.hidden.txt", b"never read")
    local = [rel for _, rel in walk_folder(tree)]
    remote = [rel for _, rel in storage.walk_files("memory://walk")]
    assert remote == local
    ids = [e.id for e in read_inputs(["memory://walk"]) if not isinstance(e, ReadError)]
    assert ids == [e.id for e in read_inputs([str(tree)]) if not isinstance(e, ReadError)]


def test_a_span_of_a_url_reads_its_lines_only(tmp_path: Path) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe_file("/span/news.jsonl", news_lines(30).encode())
    from twin_extract.readers import Span

    data = fs.cat_file("/span/news.jsonl")
    start = data.index(b"\n", 100) + 1
    end = data.index(b"\n", 400) + 1
    first = data[:start].count(b"\n") + 1
    items = list(read_file("memory://span/news.jsonl", "news.jsonl", span=Span(start, end, first)))
    assert items and items[0].line == first
    assert len(items) == data[start:end].count(b"\n")


@pytest.mark.parametrize("location", ["local", "memory://atomic/out/records.jsonl"])
def test_writes_are_whole(tmp_path: Path, location: str) -> None:
    target = str(tmp_path / "deeper" / "records.jsonl") if location == "local" else location
    storage.write_atomic(target, b"one\n")
    storage.write_atomic(target, b"two\n")
    assert storage.read_bytes(target) == b"two\n"
    if location == "local":
        assert os.listdir(tmp_path / "deeper") == ["records.jsonl"], "no temporary file left behind"


@pytest.mark.parametrize("location, url", [("s3://bucket/key", True), ("memory://x", True),
                                           ("file:///tmp/x", False), ("/tmp/x", False),
                                           ("relative/path.txt", False), ("C:\\news\\a.txt", False)])
def test_what_counts_as_a_url(location: str, url: bool) -> None:
    assert storage.is_url(location) is url


def test_the_runs_own_files_are_never_inputs(tree: Path) -> None:
    """An output written inside an input folder: its shard files, errors and output stay out."""
    output = tree / "out.jsonl"
    (tree / "out.jsonl.shards").mkdir()
    (tree / "out.jsonl.shards" / "abc.errors.jsonl").write_text('{"text": "not news"}\n')
    output.write_text('{"text": "a record, not news"}\n')
    (tree / "errors.jsonl").write_text('{"text": "an error line"}\n')
    locations = {p.location for s in plan([str(tree)], exclude_names={str(output), str(tree / "errors.jsonl")},
                                          exclude_under=str(tree / "out.jsonl.shards")) for p in s.parts}
    assert not {loc for loc in locations if "out.jsonl" in loc or loc.endswith("errors.jsonl")}
    assert any(loc.endswith("one.txt") for loc in locations)
