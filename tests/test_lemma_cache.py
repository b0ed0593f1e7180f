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
