"""The remembering lemmatizer gives spaCy's own lemmas."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from twin_extract.about import DEFAULT_MODEL
from twin_extract.lemma_cache import CachedLemmatizer, speed_up

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
ODD = ["Y'all ain't gonna believe it: nothin' got done.", "The cities were twinned; twinning ends.",
       "Signed, sealed and delivered.\n\n  Kyiv  and\tLviv", ""]


def test_lemmas_equal_spacys_on_gold_and_odd_texts():
    plain, cached = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    speed_up(cached.get_pipe("lemmatizer"))
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines()[:40]] + ODD
    for _ in range(2):  # the second round reads remembered lemmas
        for a, b in zip(plain.pipe(texts), cached.pipe(texts)):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b], a.text[:80]


def test_rule_lemmas_equal_spacys_candidate_lists():
    """Every candidate and its order, not only the first: the set-read index changes nothing."""
    nlp = spacy.load(DEFAULT_MODEL)
    lemmatizer = nlp.get_pipe("lemmatizer")
    speed_up(lemmatizer)
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines()[:10]] + ODD
    for doc in nlp.pipe(texts, disable=["lemmatizer"]):
        for token in doc:
            if token.pos_:
                lemmatizer.cache.clear()
                assert lemmatizer.rule_lemmas(token) == lemmatizer.rule_lemmatize(token), token.text
