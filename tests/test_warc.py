"""Web archives as input: HTML responses become documents, everything else is counted and skipped."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archive_fixtures import Page, article_html, write_warc
from conftest import pairs_of
from twin_extract.readers import ReadError, read_inputs

URI = "https://news.example.org/2023/06/twin-towns"


@pytest.fixture()
def seed_warc(tmp_path: Path, seed_text: str) -> Path:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        Page(URI, article_html(seed_text, "New twin towns")),
        Page("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        Page("https://news.example.org/old", b"", status="301 Moved Permanently"),
        Page("https://news.example.org/empty", b"<html><body></body></html>"),
    ])
    return path


def test_the_seed_page_gives_the_seed_records_with_the_target_uri(seed_warc: Path, seed_text: str,
                                                                   extractor) -> None:
    skipped: Counter[str] = Counter()
    events = list(read_inputs([str(seed_warc)], skipped=skipped))
    assert [type(e).__name__ for e in events] == ["InputItem"]
    item = events[0]
    assert item.url == URI
    assert item.id.startswith("crawl.warc.gz@")
    assert item.published == "2023-06-01", "no date on the page: the day it was archived"
    [(_, records)] = list(extractor.pipe([item]))
    assert pairs_of(records) == pairs_of(extractor.extract(seed_text))
    assert {r.source.url for r in records} == {URI}
    assert skipped == {"WARC warcinfo record": 1, "WARC request record": 4,
                       "WARC response that is not HTML": 1,
                       "WARC response with HTTP status other than 2xx": 1,
                       "WARC page without main text": 1}


def test_the_page_date_wins_over_the_archive_date(tmp_path: Path, seed_text: str) -> None:
    page = article_html(seed_text, "Twin towns").replace(
        b"<head>", b'<head><meta property="article:published_time" content="2022-11-03T08:00:00Z">')
    path = tmp_path / "dated.warc"
    write_warc(path, [Page(URI, page, date="2024-02-02T00:00:00Z")], gzip=False)
    [item] = list(read_inputs([str(path)]))
    assert item.published == "2022-11-03"


def test_a_truncated_archive_keeps_the_pages_before_the_break(tmp_path: Path, seed_text: str) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, [Page(f"{URI}/{n}", article_html(seed_text, f"Page {n}")) for n in range(3)])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 2000])
    events = list(read_inputs([str(cut)]))
    items = [e for e in events if not isinstance(e, ReadError)]
    assert [i.url for i in items] == [f"{URI}/0", f"{URI}/1"], "the cut page keeps what decoded"
    assert len(items[1].text) < len(items[0].text)
    assert isinstance(events[-1], ReadError) and "truncated WARC file" in events[-1].error


def test_an_archive_that_is_not_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, ReadError) and "not a WARC file" in error.error


def test_a_folder_walk_reads_archives(tmp_path: Path, seed_warc: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    ids = [e.id for e in read_inputs([str(tmp_path)]) if not isinstance(e, ReadError)]
    assert len(ids) == 1 and ids[0].startswith("crawl.warc.gz@")
