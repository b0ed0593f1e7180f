"""Hypothesis strategies for the review tests: JSON values and records broken in one place."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from review_fixtures import sample_records

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
"""Fixed seed (derandomize) and a bounded number of examples, so CI runs the same cases quickly."""

TEXT = st.one_of(st.text(st.characters(exclude_categories=()), max_size=20), st.sampled_from(["\ud800", "a\udfffb"]))
"""Any text, lone surrogates included: valid in JSON, unwritable as UTF-8."""
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), TEXT)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(TEXT, inner, max_size=4)),
                    max_leaves=12)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside a JSON value, the value itself first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, prefix + (index,))
    return found


@st.composite
def broken_records(draw: st.DrawFn, values: st.SearchStrategy[Any] = JSON) -> dict[str, Any]:
    """A valid record with one place replaced, deleted or given an extra key (or left alone)."""
    record = copy.deepcopy(draw(st.sampled_from(sample_records())).to_dict())
    path = draw(st.sampled_from(paths(record)[1:]))
    parent = record
    for key in path[:-1]:
        parent = parent[key]
    how = draw(st.sampled_from(["replace", "delete", "extra", "keep"]))
    if how == "replace":
        parent[path[-1]] = draw(values)
    elif how == "delete":
        del parent[path[-1]]
    elif how == "extra" and isinstance(parent, dict):
        parent[draw(st.text(max_size=8))] = draw(values)
    return record
