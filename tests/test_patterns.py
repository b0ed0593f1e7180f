"""Every shipped pattern file loads, every rule is usable, and a user's folder can extend it."""

from __future__ import annotations

import json
import os
import re

import pycountry
import pytest
from spacy.lang.en import English
from spacy.matcher import Matcher

from twin_extract.about import STATUSES
from twin_extract.patterns import PATTERN_FILES, PatternError, load_patterns, shared_patterns, shipped_patterns_dir


def test_every_shipped_file_loads_with_unique_ids():
    patterns = load_patterns()
    ids = [row["id"] for name in PATTERN_FILES for row in patterns[name]]
    assert len(ids) == len(set(ids))
    for name in PATTERN_FILES:
        assert (shipped_patterns_dir() / f"{name}.jsonl").exists(), name
        assert patterns[name], f"{name} is empty"


def test_token_patterns_compile():
    patterns = load_patterns()
    matcher = Matcher(English().vocab, validate=True)
    rows = [row for name in ("triggers", "status", "anaphors") for row in patterns[name]]
    for row in rows:
        matcher.add(row["id"], [row["pattern"]])
    assert len(matcher) == len(rows) > 40


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
    ('{"id": "x", "alias": "Foo", "country": "UA", "contry": "UA"}', "unknown key(s) contry"),
    ('{"id": "x", "alias": 7, "country": "UA"}', "'alias' has the wrong type (int)"),
])
def test_bad_user_line_is_reported_with_file_and_line(tmp_path, line, message):
    (tmp_path / "countries.jsonl").write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match=re.escape(message)) as info:
        load_patterns(tmp_path)
    assert "countries.jsonl:2" in str(info.value)


def test_missing_user_folder(tmp_path):
    with pytest.raises(PatternError):
        load_patterns(tmp_path / "nope")


@pytest.mark.parametrize("name, line, message", [
    ("triggers", {"id": "t", "pattern": [{"LOWER": "twin"}], "relation": "twinning", "strength": "strnog"},
     "'strength' is 'strnog', expected one of"),
    ("triggers", {"id": "t", "pattern": [{"LOWER": "twin"}], "relation": "twinning", "strength": "strong",
                  "status": "done"}, "'status' is 'done'"),
    ("status", {"id": "s", "pattern": [{"LOWR": "signed"}], "status": "signed"},
     "'pattern' is not a valid spaCy token pattern"),
    ("anaphors", {"id": "a", "pattern": [{"LOWER": "it"}], "pair": "yes"}, "'pair' has the wrong type (str)"),
    # the pre-filter matches triggers on bare tokens: no tagger attributes
    ("triggers", {"id": "t", "pattern": [{"LEMMA": "cooperate", "POS": "VERB"}], "relation": "cooperation",
                  "strength": "medium"}, "'pattern' uses LEMMA, POS, which the pre-filter cannot see"),
    ("place_cues", {"id": "c", "pattern": "city of", "type": "town", "position": "before"},
     "'type' is 'town'"),
])
def test_rule_rows_are_validated_at_load(tmp_path, name, line, message):
    (tmp_path / f"{name}.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match=re.escape(message)) as info:
        load_patterns(tmp_path)
    assert f"{name}.jsonl:1" in str(info.value)


def test_one_pipeline_loads_the_rules_once(extractor):
    """Places, relations and the pre-filter share one rule set and one country resolver."""
    places = extractor.nlp.get_pipe("twin_places")
    relations = extractor.nlp.get_pipe("twin_extractor")
    assert places.patterns is relations.patterns
    assert places.resolver is relations.lexicon.hosts.resolver
    assert shared_patterns() is shared_patterns()


def test_an_edited_user_file_is_read_again(tmp_path):
    path = tmp_path / "countries.jsonl"
    path.write_text(json.dumps({"id": "my-alias", "alias": "Ukrayina", "country": "UA"}) + "\n", encoding="utf-8")
    first = shared_patterns(tmp_path)
    path.write_text(json.dumps({"id": "my-alias", "alias": "Ukrayina", "country": "PL"}) + "\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second = shared_patterns(tmp_path)
    assert first is not second
    assert {r["id"]: r["country"] for r in second["countries"]}["my-alias"] == "PL"


def test_place_word_lists_are_data():
    """Every word list place recognition reads comes from patterns/place_words.jsonl."""
    from twin_extract.patterns import PLACE_WORD_SETS
    from twin_extract.place_words import PlaceWords

    patterns = load_patterns()
    assert {row["set"] for row in patterns["place_words"]} == set(PLACE_WORD_SETS)
    words = PlaceWords.from_patterns(patterns)
    assert "am" in words.connectors and "university" in words.org_heads
    assert (",", "in", "the") in words.container_gaps
    assert words.region_type_preference[0] == "region"


def test_a_user_word_list_line_extends_the_set(tmp_path):
    from twin_extract.place_words import PlaceWords

    (tmp_path / "place_words.jsonl").write_text(
        json.dumps({"id": "my-org-heads", "set": "org_heads", "words": ["observatory"]}) + "\n", encoding="utf-8")
    words = PlaceWords.from_patterns(load_patterns(tmp_path))
    assert {"observatory", "university"} <= words.org_heads
