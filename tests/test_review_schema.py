"""The loader's schema check gives the same verdict as jsonschema, and the data it keeps is the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from review_fixtures import sample_records, write_records
from review_strategies import FUZZ, broken_records
from twin_extract.review.records import load_record_data, record_dict
from twin_extract.review.schema import SchemaError, check_record, review_schema

PLAIN = st.one_of(st.none(), st.booleans(), st.integers(),
                  st.floats(allow_nan=False, allow_infinity=False).filter(lambda number: not number.is_integer()),
                  st.text(max_size=12))
"""JSON without lone surrogates and integral floats (1.0), which jsonschema accepts and the loader
refuses on purpose."""
VALIDATOR = jsonschema.Draft202012Validator(review_schema())


def verdict(record: Any) -> bool:
    try:
        check_record(record)
    except SchemaError:
        return False
    return True


def test_every_sample_record_passes() -> None:
    assert all(verdict(record.to_dict()) for record in sample_records())


VALUES = st.one_of(st.text(alphabet="0123456789-AZaz", max_size=11), PLAIN, st.lists(PLAIN, max_size=3),
                   st.dictionaries(st.text(max_size=5), PLAIN, max_size=3))
"""Mostly strings that look like dates and codes, so patterns are probed, plus other plain JSON."""


@settings(FUZZ, max_examples=400)
@given(broken_records(VALUES))
def test_verdict_agrees_with_jsonschema(record: dict[str, Any]) -> None:
    assert verdict(record) == VALIDATOR.is_valid(record)


def test_loaded_data_is_the_record_as_json(tmp_path: Path) -> None:
    records = sample_records()
    records[0].confidence = 0.12345
    loaded, errors = load_record_data(write_records(tmp_path / "records.jsonl", records))
    assert errors == [] and len(loaded) == len(records)
    assert all(item.data == record_dict(item.record) for item in loaded)
