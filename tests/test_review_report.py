"""The HTML report: self-contained, escaped, led by a world map of ties, a timeline and the ties table."""

from __future__ import annotations

import argparse
import re
from html import unescape
from pathlib import Path

import pytest

from review_fixtures import ATTR, XSS, external_resources, make_record, sample_records, write_records
from twin_extract.review import report


@pytest.fixture
def html(tmp_path: Path) -> str:
    records = write_records(tmp_path / "records.jsonl", sample_records(), bad_lines={1: "{oops"})
    parser = argparse.ArgumentParser()
    report.add_arguments(parser)
    out = tmp_path / "out" / "report.html"
    assert report.command(parser.parse_args([str(records), "-o", str(out)])) == 1
    return out.read_text("utf-8")


def test_resource_check_would_catch_external_assets() -> None:
    page = ('<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//cdn.example/x.css">'
            '<a href="https://example.org">ok</a><style>@import "http://x/y.css"; b{background:url(https://x/i.png)}</style>')
    assert external_resources(page) == ["https://cdn.example/x.js", "//cdn.example/x.css",
                                        "https://x/i.png", "http://x/y.css"]


def test_self_contained(html: str) -> None:
    assert external_resources(html) == []
    assert "<style>" in html and "<script>" in html and "<script src" not in html
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_inline_script_matches_its_csp_hash(html: str) -> None:
    import base64
    import hashlib

    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in unescape(html)


def test_escaping(html: str) -> None:
    assert XSS not in html and "<script>alert" not in html
    assert ATTR not in html and 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_world_map_has_an_arc_per_located_tie(html: str) -> None:
    from twin_extract.gazetteer import default_gazetteer
    from twin_extract.geo import position
    from twin_extract.ties import fold_ties, reviewed_rows

    ties = fold_ties(reviewed_rows(sample_records()), default_gazetteer())
    located = [t for t in ties if all(position(p) for p in t.parties)]
    svg = re.search(r'<svg id="map".*?</svg>', html, re.S).group(0)
    assert len(located) >= 3
    assert svg.count('<path class="arc ') == len(located)
    assert re.search(r'<path class="land" d="M[\d.]+ [\d.]+L', svg), "Natural Earth outlines are inlined"
    for x, y in re.findall(r'<circle class="place" cx="([\d.]+)" cy="([\d.]+)"', svg):
        assert 0 <= float(x) <= 900 and 0 <= float(y) <= 355
    assert "Bucha (UA) – Bergamo (IT): signed" in svg or "Bergamo (IT) – Bucha (UA): signed" in svg


def test_ties_table_and_page_data(html: str) -> None:
    import json

    rows = re.findall(r'<tr id="t-([0-9a-f]{16})" data-status="(\w+)"', html)
    assert len(rows) == 4
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1))
    assert set(data["ties"]) == {tie_id for tie_id, _ in rows}
    records = [dict(zip(data["fields"], values)) for values in data["records"]]
    assert sorted(r["id"] for r in records) == sorted(i for ids in data["ties"].values() for i in ids)
    paris = next(r for r in records if XSS in r["evidence"][0])
    assert paris["url"] is None, "javascript: URLs never reach the page"


def test_counts_and_errors(html: str) -> None:
    assert re.search(r"signed</td><td class=\"num\">3</td>", html)
    assert re.search(r"<code>UA</code> Ukraine</td><td class=\"num\">3</td>", html)
    assert "line 2: invalid JSON" in html
    assert 'data-type="num">confidence</th>' in html


@pytest.mark.parametrize("dates, unit, bars", [
    (["2022-01", "2022-03"], "month", 3),
    (["2022-01-05", "2022-01-20"], "month", 1),
    (["1990-01", "2022-03"], "year", 33),
])
def test_timeline_periods(dates, unit, bars) -> None:
    from twin_extract.review.timeline import timeline
    from twin_extract.ties import fold_ties, reviewed_rows

    records = [make_record(("Odesa", "UA"), (f"Town{i}", "IT"), source_id=f"s{i}", date=d) for i, d in enumerate(dates)]
    result = timeline(fold_ties(reviewed_rows(records)))
    assert result.unit == unit and len(result.bars) == bars
    assert sum(n for bar in result.bars for _, n, _, _ in bar.parts) == len(dates)


def test_empty_records_file(tmp_path: Path) -> None:
    records = tmp_path / "empty.jsonl"
    records.write_text("")
    out = tmp_path / "report.html"
    parser = argparse.ArgumentParser()
    report.add_arguments(parser)
    assert report.command(parser.parse_args([str(records), "-o", str(out)])) == 0
    assert "from 0 records." in out.read_text("utf-8")
