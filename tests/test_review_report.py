"""The HTML report: self-contained, escaped, with counts, a sortable table and an SVG network."""

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


def test_svg_network_present(html: str) -> None:
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert svg.count('<line class="edge"') == 4
    assert svg.count('<g class="node">') == 8
    assert "UA Ukraine" in svg and "FR France" in svg
    assert 'stroke="#8a4fbf"' in svg


def test_counts_table_and_highlights(html: str) -> None:
    assert re.search(r"signed</td><td class=\"num\">3</td>", html)
    assert re.search(r"<code>UA</code> Ukraine</td><td class=\"num\">3</td>", html)
    assert html.count('<tr id="r-') == 4
    assert '<mark class="ent ent-party-a">Lviv<span class="ent-label">PARTY A</span></mark>' in html
    assert "line 2: invalid JSON" in html
    assert 'data-type="num">confidence</th>' in html


def test_layout_is_deterministic_and_inside_the_picture() -> None:
    records = sample_records() + [make_record(("Odesa", "UA"), ("Genoa", "IT"), source_id=f"s{i}") for i in range(3)]
    first, second = report.layout(records), report.layout(list(reversed(records)))
    positions = [(n.key, n.x, n.y) for g in first.groups for n in g.places]
    assert positions == [(n.key, n.x, n.y) for g in second.groups for n in g.places]
    assert all(0 < x < first.size and 0 < y < first.size for _, x, y in positions)
    assert [g.code for g in first.groups] == ["DE", "FR", "IT", "PL", "UA"]
    odesa_genoa = [e for e in first.edges if {e.a.name, e.b.name} == {"Odesa", "Genoa"}]
    assert len(odesa_genoa) == 1 and odesa_genoa[0].count == 3


def test_places_without_country_are_grouped_last() -> None:
    network = report.layout([make_record(("Atlantis", None), ("Bergamo", "IT"))])
    assert [g.code for g in network.groups] == ["IT", "??"]


def test_empty_records_file(tmp_path: Path) -> None:
    records = tmp_path / "empty.jsonl"
    records.write_text("")
    out = tmp_path / "report.html"
    parser = argparse.ArgumentParser()
    report.add_arguments(parser)
    assert report.command(parser.parse_args([str(records), "-o", str(out)])) == 0
    assert "0 records." in out.read_text("utf-8")
