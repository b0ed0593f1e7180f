"""Country names have one home (country_names.py): extractor, review, export and report agree."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from twin_extract.country_names import all_countries, country_name
from twin_extract.review import export, report
from twin_extract.review.validate import CorrectionError, check_country

KOSOVO_TEXT = "Prizren, Kosovo, and Bursa, Turkey, are twin towns since 2012."


@pytest.mark.parametrize("code, name", [
    ("UA", "Ukraine"),
    ("CZ", "Czechia"),
    ("XK", "Kosovo"),  # user-assigned, not in pycountry: the extractor emits it for Kosovo
    ("XX", None),
    ("", None),
    (None, None),
])
def test_country_name(code: str | None, name: str | None) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize("code, valid", [("XK", True), ("de", True), ("XX", False), ("France", False)])
def test_review_accepts_exactly_the_known_codes(code: str, valid: bool) -> None:
    if valid:
        assert check_country(code, "party A country") == code.upper()
    else:
        with pytest.raises(CorrectionError, match="country code"):
            check_country(code, "party A country")


def test_every_listed_country_has_its_name() -> None:
    listed = dict(all_countries())
    assert listed["XK"] == "Kosovo" and listed["UA"] == "Ukraine"
    assert all(country_name(code) == name for code, name in listed.items())


def test_country_names_and_review_app_do_not_import_spacy() -> None:
    code = ("import sys, twin_extract.review.app, twin_extract.country_names; "
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_kosovo_end_to_end(extractor, tmp_path: Path) -> None:
    """extract -> the review app accepts a correction keeping XK -> export -> report says Kosovo."""
    from starlette.testclient import TestClient

    from twin_extract.review import app as review_app

    records = extractor.extract(KOSOVO_TEXT, source_id="kosovo-1")
    assert [[p.country for p in r.parties] for r in records] == [["XK", "TR"]]
    assert records[0].parties[0].country_name == "Kosovo"
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "review.sqlite"

    client = TestClient(review_app.create_app(path, db, reviewer="ana"))
    corrections = {"status": "signed", "parties": [{"country": "XK"}, {"country": "TR"}]}
    response = client.post(f"/api/records/{records[0].id}/correct",
                           json={"version": 0, "corrections": corrections},
                           headers={"X-CSRF-Token": client.app.state.review.csrf})
    assert response.status_code == 200, response.text
    assert "<code>XK</code> Kosovo" in client.get("/").text

    out = tmp_path / "reviewed.jsonl"
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    assert export.command(parser.parse_args([str(path), "--db", str(db), "-o", str(out)])) == 0
    exported = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [(p["country"], p["country_name"]) for p in exported[0]["parties"]] == [
        ("XK", "Kosovo"), ("TR", country_name("TR"))]

    html_path = tmp_path / "report.html"
    parser = argparse.ArgumentParser()
    report.add_arguments(parser)
    assert report.command(parser.parse_args([str(out), "-o", str(html_path)])) == 0
    html = html_path.read_text("utf-8")
    assert "Kosovo" in html and "unknown country" not in html
