"""numpy's matrix product (one OpenBLAS thread) gives the annotations and records blis gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from twin_extract import fast_ops
from twin_extract.lazy_ner import span_types
from twin_extract.pipeline import Extractor
from twin_extract.record import NewsItem

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
OURS = ["twin_places", "twin_extractor"]


@pytest.fixture(scope="module")
def pair():
    return Extractor(numpy_gemm=False), Extractor()


def test_every_model_multiplies_with_numpy_on_one_thread(pair):
    blis, numpy = pair
    assert fast_ops.one_blas_thread()
    for name in ("tok2vec", "tagger", "parser", "ner"):
        assert all(not node.ops.use_blis for node in numpy.nlp.get_pipe(name).model.walk()), name
        assert all(node.ops.use_blis for node in blis.nlp.get_pipe(name).model.walk()), name


def test_annotations_equal_blis_on_gold_texts(pair):
    blis, numpy = pair
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl")) if not path.name.startswith("uk-")
             for line in path.read_text("utf-8").splitlines()[:40]]
    with blis.nlp.select_pipes(disable=OURS), numpy.nlp.select_pipes(disable=OURS):
        for a, b in zip(blis.nlp.pipe(texts), numpy.nlp.pipe(texts)):
            assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in a] == \
                   [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in b], a.text[:80]
            span_types(a, 0, len(a)), span_types(b, 0, len(b))
            assert a.user_data["twin_ent_types"] == b.user_data["twin_ent_types"], a.text[:80]


def test_records_equal_blis(pair):
    blis, numpy = pair
    items = [NewsItem(text=json.loads(line)["text"], id=f"{path.stem}-{n}", published=json.loads(line).get("published"))
             for path in (GOLD / "dev.jsonl", GOLD / "real-dev.jsonl")
             for n, line in enumerate(path.read_text("utf-8").splitlines()[50:90])]
    a = [[r.to_json(explain=True) for r in records] for _, records in blis.pipe(items)]
    b = [[r.to_json(explain=True) for r in records] for _, records in numpy.pipe(items)]
    assert a == b and sum(map(len, a)) > 40
