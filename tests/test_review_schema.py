"""The loader's hand-written schema check gives the same verdict as jsonschema on the same schema."""

from __future__ import annotations

from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from review_fixtures import sample_records
from review_strategies import FUZZ, broken_records
from twin_extract.review.schema import SchemaError, check_record, review_schema

PLAIN = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                  st.text(max_size=12))
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
"""Mostly strings that look like dates and codes, so patterns are probed, plus other JSON without
lone surrogates (which jsonschema accepts and the loader refuses on purpose)."""


@settings(FUZZ, max_examples=400)
@given(broken_records(VALUES))
def test_verdict_agrees_with_jsonschema(record: dict[str, Any]) -> None:
    assert verdict(record) == VALIDATOR.is_valid(record)
