"""The NER run lazily on one sentence at a time gives the labels of the NER run on the whole Doc,
and the records do not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from twin_extract.about import DEFAULT_MODEL
from twin_extract.lazy_ner import MARK, TYPES, make_lazy, receptive_field, span_types
from twin_extract.pipeline import Extractor
from twin_extract.record import NewsItem

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
ODD = ["Y'all ain't gonna believe it: nothin' got done in New York.", "",
       "Signed, sealed and delivered.\n\n  Kyiv  and\tLviv\n\n\n   The Mayor of Lviv, Andriy Sadovyi.",
       "Paris. London. Rome. Berlin is twinned with Los Angeles, California, U.S.A. since 1967."]
OURS = ["twin_places", "twin_extractor"]


@pytest.fixture(scope="module")
def pair():
    return Extractor(lazy_ner=False), Extractor()


def texts(per_split: int) -> list[str]:
    return [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl")) if not path.name.startswith("uk-")
            for line in path.read_text("utf-8").splitlines()[:per_split]] + ODD


def test_the_ner_leaves_the_run_and_a_marker_takes_its_place(pair):
    whole, lazy = pair
    assert "ner" in whole.nlp.pipe_names and "twin_lazy_ner" not in whole.nlp.pipe_names
    assert "ner" in lazy.nlp.disabled and "twin_lazy_ner" in lazy.nlp.pipe_names
    names = lazy.nlp.pipe_names
    assert names.index("twin_lazy_ner") < names.index("twin_places")
    assert receptive_field(lazy.nlp) == 4  # en_core_web_sm: 4 window layers of 1 token
    assert not make_lazy(lazy.nlp)  # once only


def test_sentence_labels_equal_the_whole_docs_on_gold_texts(pair):
    whole, lazy = pair
    sample = texts(60)
    with whole.nlp.select_pipes(disable=OURS), lazy.nlp.select_pipes(disable=OURS):
        for a, b in zip(whole.nlp.pipe(sample), lazy.nlp.pipe(sample)):
            assert MARK in b.user_data and (not len(b) or not b.has_annotation("ENT_IOB"))
            assert span_types(b, 0, len(b)) == {t.ent_type_ for t in a} - {""}
            assert b.user_data[TYPES] == [t.ent_type_ for t in a], a.text[:80]
            for k in range(0, len(b), 7):  # a span's labels, sentence by sentence
                assert span_types(b, k, k + 3) == {t.ent_type_ for t in a[k:k + 3]} - {""}


def test_labels_asked_for_one_span_run_only_its_sentences(pair):
    _, lazy = pair
    with lazy.nlp.select_pipes(disable=OURS):
        doc = lazy.nlp("Kyiv is big. Lviv and Krakow are twins. Paris is far.")
    sents = list(doc.sents)
    assert span_types(doc, sents[1].start, sents[1].start + 1) == {"GPE"}
    known = doc.user_data[TYPES]
    assert all(known[i] is None for i in range(sents[0].start, sents[0].end))
    assert all(known[i] is not None for i in range(sents[1].start, sents[1].end))


def test_a_pipeline_without_ner_or_with_a_listening_ner_is_left_alone():
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert not make_lazy(nlp)
    doc = nlp("Lviv and Krakow are twins.")
    assert span_types(doc, 0, len(doc)) == set()
    blank = spacy.blank("en")
    blank.add_pipe("ner")
    assert receptive_field(blank) is None or make_lazy(blank) is (receptive_field(blank) is not None)


def test_records_equal_with_the_whole_docs_ner(pair):
    whole, lazy = pair
    items = [NewsItem(text=json.loads(line)["text"], id=f"{path.stem}-{n}", published=json.loads(line).get("published"))
             for path in (GOLD / "dev.jsonl", GOLD / "real-dev.jsonl")
             for n, line in enumerate(path.read_text("utf-8").splitlines()[:50])]
    a = [[r.to_json(explain=True) for r in records] for _, records in whole.pipe(items)]
    b = [[r.to_json(explain=True) for r in records] for _, records in lazy.pipe(items)]
    assert a == b and sum(map(len, a)) > 50
