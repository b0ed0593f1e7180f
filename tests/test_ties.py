"""Ties: records of one place pair folded across articles, in time order, with review decisions applied."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from review_fixtures import make_record, write_records
from twin_extract.cli import main
from twin_extract.record import NewsItem, load_schema
from twin_extract.review.store import Store
from twin_extract.ties import conflicts, fold_ties, reviewed_rows, tie_of_record

THREE_ARTICLES = [
    {"id": "a1", "published": "2021-03-02", "title": "Council backs twinning idea",
     "text": "The city council of Lüneburg proposed a twinning with Chortkiv, Ukraine, on 1 March 2021. "
             "Councillors will discuss the partnership next month."},
    {"id": "a2", "published": "2022-06-16", "title": "Lüneburg and Chortkiv sign",
     "text": "Lüneburg and the Ukrainian town of Chortkiv signed a twinning agreement on 15 June 2022. "
             "The mayors met in the town hall."},
    {"id": "a3", "published": "2024-02-11", "title": "Partnership ended",
     "text": "Lüneburg terminated its twinning with Chortkiv on 10 February 2024, the council said."},
]


def _record(status: str, date: str | None, source_id: str, published: str = "2022-06-20", **kw):
    record = make_record(("Bucha", "UA"), ("Bergamo", "IT"), source_id=source_id, status=status, date=date, **kw)
    record.source = dataclasses.replace(record.source, published=published)
    return record


@pytest.fixture(scope="module")
def three_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("three")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in reversed(THREE_ARTICLES)), encoding="utf-8")
    assert main(["run", str(news), "-o", str(folder / "records.jsonl")]) == 0
    return folder / "records.jsonl"


def test_three_articles_make_one_terminated_tie(three_records: Path, tmp_path: Path) -> None:
    out = tmp_path / "ties.jsonl"
    assert main(["ties", str(three_records), "-o", str(out)]) == 0
    ties = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(ties) == 1
    (tie,) = ties
    jsonschema.validate(tie, load_schema("tie"))
    assert tie["status"] == "terminated"
    assert [event["status"] for event in tie["history"]] == ["proposed", "signed", "terminated"]
    assert [event["source"]["id"] for event in tie["history"]] == ["a1", "a2", "a3"]
    assert tie["since"] == "2022-06-15" and tie["sources"] == 3
    assert {party["name"] for party in tie["parties"]} == {"Lüneburg", "Chortkiv"}


def test_three_articles_geojson(three_records: Path, tmp_path: Path) -> None:
    out = tmp_path / "ties.geojson"
    assert main(["ties", str(three_records), "-o", str(out)]) == 0
    collection = json.loads(out.read_text("utf-8"))
    lines = [f for f in collection["features"] if f["geometry"]["type"] == "LineString"]
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    assert len(lines) == 1 and len(points) == 2
    assert lines[0]["properties"]["status"] == "terminated"
    for lon, lat in lines[0]["geometry"]["coordinates"] + [p["geometry"]["coordinates"] for p in points]:
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    lon, lat = lines[0]["geometry"]["coordinates"][0]
    assert 5 < lon < 30 and 45 < lat < 56, "both places are in central Europe"


def test_three_articles_csv(three_records: Path, tmp_path: Path) -> None:
    out = tmp_path / "ties.csv"
    assert main(["ties", str(three_records), "-o", str(out)]) == 0
    header, row = out.read_text("utf-8").splitlines()
    assert header.startswith("id,relation,status") and ",terminated," in row
    assert "proposed; 2022-06-15 signed; 2024-02-10 terminated" in row


@pytest.mark.parametrize("events, expected", [
    ([("signed", "2022-06", "2022-06-20"), ("proposed", "2021-01", "2021-02-01")], ["proposed", "signed"]),
    ([("terminated", None, "2024-01-05"), ("signed", "2022-06", "2024-03-01")], ["signed", "terminated"]),
    ([("signed", None, "2023-01-01"), ("proposed", None, "2022-01-01")], ["proposed", "signed"]),
    ([("signed", "2022-06-15", "2022-07-01"), ("proposed", "2022-06-15", "2022-07-01")], ["proposed", "signed"]),
])
def test_history_in_time_order(events, expected) -> None:
    records = [_record(status, date, f"s{i}", published) for i, (status, date, published) in enumerate(events)]
    (tie,) = fold_ties(reviewed_rows(records))
    assert [event.status for event in tie.history] == expected
    assert tie.status == expected[-1]


@pytest.mark.parametrize("statuses, kinds", [
    ([("signed", "2020-01"), ("terminated", "2022-01"), ("established", "2023-01")], ["reported after termination"]),
    ([("signed", "2020-01"), ("terminated", "2022-01")], []),
    ([("terminated", "2022-01"), ("signed", "2022-01")], ["same date, different fate"]),
])
def test_conflicts(statuses, kinds) -> None:
    records = [_record(status, date, f"s{i}") for i, (status, date) in enumerate(statuses)]
    (tie,) = fold_ties(reviewed_rows(records))
    assert [conflict["kind"] for conflict in conflicts(tie.history)] == kinds


def test_since_is_the_first_founding_date() -> None:
    records = [_record("proposed", "2019-05", "p"), _record("signed", "2020-02", "s"),
               _record("established", "2021-07", "e")]
    (tie,) = fold_ties(reviewed_rows(records))
    assert tie.since == "2020-02" and tie.sources == 3
    assert tie.confidence > max(r.confidence for r in records)


def test_pairs_are_unordered_and_distinct_pairs_stay_apart() -> None:
    forward = make_record(("Bucha", "UA"), ("Bergamo", "IT"), source_id="x")
    backward = make_record(("Bergamo", "IT"), ("Bucha", "UA"), source_id="y")
    other = make_record(("Bucha", "UA"), ("Paris", "FR"), source_id="z")
    ties = fold_ties(reviewed_rows([forward, backward, other]))
    assert sorted(len(tie.history) for tie in ties) == [1, 2]
    assert tie_of_record(ties)[forward.id] == tie_of_record(ties)[backward.id] != tie_of_record(ties)[other.id]


def test_review_decisions_drop_rejected_and_use_corrections(tmp_path: Path) -> None:
    signed, ended, wrong = (_record("signed", "2022-06", "a"), _record("signed", "2023-06", "b"),
                            make_record(("Bucha", "UA"), ("Paris", "FR"), source_id="c"))
    records = write_records(tmp_path / "records.jsonl", [signed, ended, wrong])
    store = Store(tmp_path / "review.sqlite")
    store.decide(wrong.id, "rejected", "me", 0)
    store.decide(ended.id, "corrected", "me", 0, {"status": "terminated"})
    out = tmp_path / "ties.jsonl"
    assert main(["ties", str(records), "--db", str(tmp_path / "review.sqlite"), "-o", str(out)]) == 0
    ties = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(ties) == 1 and ties[0]["status"] == "terminated"
    assert main(["ties", str(records), "-o", str(out)]) == 0
    assert len(out.read_text("utf-8").splitlines()) == 2


def test_corrected_name_is_no_longer_the_geonames_place() -> None:
    record = make_record(("Bucha", "UA"), ("Bergamo", "IT"), source_id="x")
    record.parties[0].geonames_id = 711350
    from twin_extract.review.store import Decision

    decision = Decision(record.id, "corrected", corrections={"parties": [{"name": "Irpin"}, {}]})
    (row,) = reviewed_rows([record], {record.id: decision})
    assert row["parties"][0]["name"] == "Irpin" and row["parties"][0]["geonames_id"] is None


@pytest.mark.parametrize("args, code", [
    (["missing.jsonl", "-o", "out.jsonl"], 2),
    (["records.jsonl", "-o", "out.txt"], 2),
    (["records.jsonl", "--db", "bad.sqlite", "-o", "out.jsonl"], 2),
    (["records.jsonl", "broken.jsonl", "-o", "out.jsonl"], 1),
])
def test_bad_input_gives_a_clear_exit_code(tmp_path: Path, monkeypatch, capsys, args, code) -> None:
    monkeypatch.chdir(tmp_path)
    write_records(tmp_path / "records.jsonl", [_record("signed", "2022-06", "a")])
    write_records(tmp_path / "broken.jsonl", [_record("signed", "2022-06", "b")], bad_lines={0: "{oops"})
    (tmp_path / "bad.sqlite").write_text("not a database", encoding="utf-8")
    assert main(["ties", *args]) == code
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("spellings", [("Kyiv", "Kiev"), ("Lviv", "Lwów", "Lvov"), ("Kharkiv", "Kharkov")])
def test_aliases_make_one_tie(extractor, spellings) -> None:
    records = []
    for index, name in enumerate(spellings):
        text = f"The city of {name} and Wrocław, Poland, signed a twinning agreement in June 2022."
        records += extractor.extract(text, source_id=f"s{index}", published="2022-07-01")
    assert len(records) == len(spellings)
    assert len(fold_ties(reviewed_rows(records))) == 1


def _gold_items() -> list[NewsItem]:
    items = []
    for split in ("dev", "test", "holdout"):
        for line in (ROOT / "corpus" / "gold" / f"{split}.jsonl").read_text("utf-8").splitlines():
            doc = json.loads(line)
            items.append(NewsItem(text=doc["text"], id=f"{split}/{doc['id']}", published=doc.get("published")))
    return items


@pytest.mark.slow
def test_gold_splits_no_pair_split_by_spelling(extractor) -> None:
    """Two ties must never name the same two places: each party resolves to one GeoNames place."""
    from twin_extract.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    records = [record for _, found in extractor.pipe(_gold_items()) for record in found]
    ties = fold_ties(reviewed_rows(records))

    def place(party: dict) -> str:
        if party["type"] == "region" and party["subdivision"]:
            return party["subdivision"]
        matches = [p for p in gazetteer.find(party["name"]) if p.country == party["country"]]
        return f"gn:{party['geonames_id'] or (matches[0].geonames_id if matches else party['name'].casefold())}"

    pairs = [frozenset(place(p) for p in tie.parties) for tie in ties]
    assert len(ties) > 100
    assert len(pairs) == len(set(pairs)), sorted(p for p in pairs if pairs.count(p) > 1)
