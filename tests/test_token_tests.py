"""One-token status patterns found by table lookup give the Matcher's matches, in its order."""

from __future__ import annotations

import json
from pathlib import Path

from twin_extract import token_tests
from twin_extract.patterns import shared_patterns
from twin_extract.phrases import PatternIndex

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def test_status_matches_equal_the_matchers_on_gold_texts(extractor, monkeypatch):
    rows = [(row["id"], row["pattern"]) for row in shared_patterns(None)["status"]]
    fast = PatternIndex(extractor.nlp.vocab, rows)
    monkeypatch.setattr(token_tests.TokenTable, "add", lambda self, key, pattern: False)
    slow = PatternIndex(extractor.nlp.vocab, rows)
    assert len(fast.table) and len(fast.tokens) < len(slow.tokens)
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines()[:30]]
    with extractor.nlp.select_pipes(disable=["twin_places", "twin_extractor"]):
        for doc in extractor.nlp.pipe(texts):
            assert fast.matches(doc) == slow.matches(doc), doc.text[:80]
            for sent in list(doc.sents)[:3]:
                assert fast.matches(sent) == slow.matches(sent), sent.text[:80]


def test_patterns_with_operators_or_regexes_are_not_filed():
    assert token_tests.token_tests([{"LEMMA": "call"}, {"LOWER": "off"}]) is None
    assert token_tests.token_tests([{"LOWER": {"REGEX": "^n't$"}}]) is None
    assert token_tests.token_tests([{"LEMMA": "be", "OP": "?"}]) is None
    assert token_tests.token_tests([{"LEMMA": {"IN": ["sign"]}, "POS": {"NOT_IN": ["NOUN"]}}]) is not None
