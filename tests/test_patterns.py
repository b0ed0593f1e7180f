"""Every shipped pattern file loads, every rule is usable, and a user's folder can extend it."""

from __future__ import annotations

import json
import re

import pycountry
import pytest
from spacy.lang.en import English
from spacy.matcher import Matcher

from twin_extract.about import STATUSES
from twin_extract.patterns import PATTERN_FILES, PatternError, load_patterns, shipped_patterns_dir


def test_every_shipped_file_loads_with_unique_ids():
    patterns = load_patterns()
    ids = [row["id"] for name in PATTERN_FILES for row in patterns[name]]
    assert len(ids) == len(set(ids))
    for name in PATTERN_FILES:
        assert (shipped_patterns_dir() / f"{name}.jsonl").exists(), name
        assert patterns[name], f"{name} is empty"


def test_token_patterns_compile():
    patterns = load_patterns()
    matcher = Matcher(English().vocab)
    for name in ("triggers", "status", "anaphors"):
        for row in patterns[name]:
            matcher.add(row["id"], [row["pattern"]])


def test_values_are_valid():
    patterns = load_patterns()
    assert {r["status"] for r in patterns["status"]} <= set(STATUSES)
    assert {r["relation"] for r in patterns["triggers"]} <= {"twinning", "cooperation", None}
    assert {r["strength"] for r in patterns["triggers"]} <= {"strong", "medium", "weak", "block"}
    assert all(r["relation"] is None for r in patterns["triggers"] if r["strength"] == "block")
    for row in patterns["countries"] + patterns["demonyms"]:
        assert row["country"] == "XK" or pycountry.countries.get(alpha_2=row["country"]), row
    for row in patterns["regions"]:
        assert pycountry.subdivisions.get(code=row["code"]), row
    assert {r["position"] for r in patterns["place_cues"]} <= {"before", "after"}


def test_user_folder_adds_and_overrides(tmp_path):
    (tmp_path / "countries.jsonl").write_text(
        json.dumps({"id": "country-us-us", "alias": "US", "country": "GB"}) + "\n"
        + json.dumps({"id": "my-alias", "alias": "Ukrayina", "country": "UA"}) + "\n",
        encoding="utf-8",
    )
    patterns = load_patterns(tmp_path)
    rows = {r["id"]: r for r in patterns["countries"]}
    assert rows["country-us-us"]["country"] == "GB"
    assert rows["my-alias"]["country"] == "UA"


@pytest.mark.parametrize("line, message", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"id": "x", "alias": "Foo"}', "missing key(s) country"),
])
def test_bad_user_line_is_reported_with_file_and_line(tmp_path, line, message):
    (tmp_path / "countries.jsonl").write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match=re.escape(message)) as info:
        load_patterns(tmp_path)
    assert "countries.jsonl:2" in str(info.value)


def test_missing_user_folder(tmp_path):
    with pytest.raises(PatternError):
        load_patterns(tmp_path / "nope")
