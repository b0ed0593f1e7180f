"""The gold format (gold.py): loading with line-numbered errors, and export --as-gold reading back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gold_fixtures import BERGAMO, BUCHA, gdoc, gpair, gparty, write_jsonl
from review_fixtures import make_record
from twin_extract.gold import GoldFormatError, documents_from_records, load_gold


def test_load_gold_reads_documents_and_skips_blank_lines(tmp_path: Path) -> None:
    region = gparty("Kharkiv Oblast", "UA", "region", "UA-63")
    doc = gdoc("d1", gpair(BUCHA, region, "pending", "2022"), text="Bucha and Kharkiv Oblast.")
    doc["title"] = "Twinning news"
    path = write_jsonl(tmp_path / "dev.jsonl", [doc, "", gdoc("d2")])
    docs = load_gold(path)
    assert [d.id for d in docs] == ["d1", "d2"]
    assert docs[0].pairs[0].b.code == "UA-63"
    assert docs[0].pairs[0].date == "2022"
    assert docs[0].label() == "Twinning news"
    assert docs[1].pairs == []


@pytest.mark.parametrize("bad_line, message", [
    ('{"id": "d2", "text": ', "invalid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ({"id": "d2", "pairs": []}, "'text' must be a string"),
    ({"id": "d2", "text": "x"}, "'pairs' must be a list"),
    ({"text": "x", "pairs": []}, "'id' must be a non-empty string"),
    (gdoc("d2", gpair(BUCHA, BERGAMO, "agreed")), "'status' must be one of"),
    (gdoc("d2", gpair(BUCHA, BERGAMO, "signed", "14.05.2023")), "'date' must be YYYY"),
    (gdoc("d2", gpair(BUCHA, gparty("Bergamo", "Italy"))), "party b: 'country'"),
    (gdoc("d2", gpair(BUCHA, gparty("Bergamo", "IT", "town"))), "'type' must be one of"),
    (gdoc("d2", gpair(BUCHA, gparty("Lviv", "UA", "region", "46"))), "'code' must be"),
    (gdoc("d2", {"a": BUCHA, "status": "signed"}), "missing key 'b'"),
    (gdoc("d1"), "duplicate id 'd1' (first on line 1)"),
])
def test_load_gold_names_the_bad_line(tmp_path: Path, bad_line: Any, message: str) -> None:
    path = write_jsonl(tmp_path / "dev.jsonl", [gdoc("d1"), bad_line])
    with pytest.raises(GoldFormatError) as err:
        load_gold(path)
    assert f"{path}:2" in str(err.value)
    assert message in str(err.value)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(tmp_path / "nope.jsonl")


def test_exported_gold_loads_as_gold(tmp_path: Path) -> None:
    """What ``export --as-gold`` writes, evaluation reads back unchanged (regions keep their code)."""
    lviv = make_record(("Lviv", "UA"), ("Wroclaw", "PL"), source_id="s2", date=None).to_dict()
    lviv["parties"][0].update(type="region", subdivision="UA-46", name="Lviv Oblast")
    rows = [make_record(("Bucha", "UA"), ("Bergamo", "IT")).to_dict(),
            make_record(("Bucha", "UA"), ("Genoa", "IT"), offset=300).to_dict(), lviv]
    written = documents_from_records(rows)
    path = write_jsonl(tmp_path / "gold.jsonl", [doc.to_dict() for doc in written])
    loaded = load_gold(path)
    assert loaded == written
    assert [len(doc.pairs) for doc in loaded] == [2, 1]
    assert loaded[1].pairs[0].a.code == "UA-46" and loaded[1].pairs[0].date is None
