"""The record's one JSON path matches the shipped JSON Schema, and ids are stable."""

from __future__ import annotations

import jsonschema
import pytest

from twin_extract.record import (DateInfo, Party, Source, Evidence, TwinningRecord, load_schema,
                                 record_id)


def _record(**changes) -> TwinningRecord:
    base = dict(
        id=record_id("s1", ["gn:1", "gn:2"]),
        source=Source(id="s1", path="corpus/a.txt"),
        relation="twinning", status="signed",
        parties=[Party("Kyiv", "Kyiv", "city", "UA", "Ukraine", None, 703448, 0, 4),
                 Party("Paris", "Paris", "city", "FR", "France", None, 2988507, 9, 14)],
        date=DateInfo("In June 2022", "2022-06", "month", 20, 32),
        evidence=[Evidence("Kyiv and Paris ...", 0, 40)],
        confidence=0.9, rules=["trig-x"],
    )
    base.update(changes)
    return TwinningRecord(**base)


def test_to_dict_has_exactly_the_documented_keys():
    data = _record().to_dict()
    assert list(data) == ["id", "source", "relation", "status", "parties", "date", "evidence",
                          "confidence", "extractor"]
    jsonschema.validate(data, load_schema())


def test_explain_adds_rules_and_still_validates():
    data = _record().to_dict(explain=True)
    assert data["explain"] == {"rules": ["trig-x"]}
    jsonschema.validate(data, load_schema())


def test_round_trip():
    record = _record(date=None)
    assert TwinningRecord.from_dict(record.to_dict(explain=True)) == record


@pytest.mark.parametrize("field, value", [("status", "done"), ("relation", "alliance"), ("confidence", 1.5)])
def test_schema_rejects_bad_values(field, value):
    data = _record().to_dict()
    data[field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


def test_record_id_is_order_independent_and_source_specific():
    assert record_id("a", ["x", "y"]) == record_id("a", ["y", "x"])
    assert record_id("a", ["x", "y"]) != record_id("b", ["x", "y"])
