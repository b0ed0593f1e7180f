"""The attribute ruler's lookup matcher gives spaCy's own matches, so tokens get the same tags."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from twin_extract.about import DEFAULT_MODEL
from twin_extract.tag_rules import TableMatch

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
ODD = ["Y'all ain't gonna believe it: nothin' got done.", "There is a twin town. I gave it to him.",
       "Let's c'mon, do you? It gets better.\n\n  Kyiv  and\tLviv", ""]


def test_lookup_matches_equal_the_matcher_on_gold_and_odd_texts():
    nlp = spacy.load(DEFAULT_MODEL, disable=["attribute_ruler", "lemmatizer", "ner"])
    ruler = spacy.load(DEFAULT_MODEL).get_pipe("attribute_ruler")
    lookup = TableMatch(ruler)
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines()[:40]]
    for doc in nlp.pipe(texts + ODD):
        assert lookup(doc) == ruler.match(doc), doc.text[:80]


def test_rules_of_two_tokens_stay_with_the_matcher():
    ruler = spacy.load(DEFAULT_MODEL).get_pipe("attribute_ruler")
    lookup = TableMatch(ruler)
    assert len(lookup.rest) < 20 and len(lookup.table) > 40
