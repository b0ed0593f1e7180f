"""The pre-filter (prefilter.py) only saves time: same records with and without it, evidence
from the original text, and its cheap keyword gate never hides a trigger."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, pairs_of
from twin_extract.record import NewsItem


@pytest.fixture(scope="module")
def unfiltered():
    from twin_extract import Extractor

    return Extractor(prefilter=False)


def test_prefilter_changes_nothing_on_the_bundled_corpus(extractor, unfiltered):
    """The pre-filter may only save time: a full run must give byte-identical records."""
    items = [NewsItem(text=(ROOT / "corpus" / "source-article.txt").read_text("utf-8"), id="seed")]
    for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            doc = json.loads(line)
            items.append(NewsItem(text=doc["text"], id=doc["id"], published=doc.get("published")))
    fast = [[r.to_json() for r in recs] for _, recs in extractor.pipe(items)]
    slow = [[r.to_json() for r in recs] for _, recs in unfiltered.pipe(items)]
    assert fast == slow
    assert sum(map(len, fast)) > 50


TAMPERE = ("Tampere opened its new tram line on Friday.\n\n"
           "Officials praised the engineers who built it.\n\n"
           "The first trams were packed with commuters.\n\n"
           "Tickets will be free until the end of the month.\n\n"
           "Schools reported record attendance on the opening day.\n\n"
           "The city's partner towns include Linköping and Kiel.")
MUNSTER = ("Münster celebrated its founders' day on Saturday.\n\n"
           "Thousands of visitors filled the old market square.\n\n"
           "A brass band played until late in the evening.\n\n"
           "Food stalls sold out by the evening.\n\n"
           "Visitors danced until late at night.\n\n"
           "The link with Rivas, Nicaragua, goes back to 1987.")
AALBORG = ("Aalborg has suspended its sister city ties with Vologda.\n"
           "The decision was taken on 28 February.\n"
           "Tickets for the harbour concert go on sale next week.\n")


@pytest.mark.parametrize("text, published, expected", [
    # the host is named paragraphs before the partners; blank lines and blanked passages in between
    pytest.param(TAMPERE, None, {frozenset({"Tampere", "Linköping"}), frozenset({"Tampere", "Kiel"})}, id="hub"),
    pytest.param(MUNSTER, None, {frozenset({"Münster", "Rivas"})}, id="implicit-host"),
    pytest.param(AALBORG, "2022-03-10", {frozenset({"Aalborg", "Vologda"})}, id="follow-up-before-blanked-line"),
    pytest.param("Heilongjiang and Alberta signed a friendship agreement in 1981.", None,
                 {frozenset({"Heilongjiang Sheng", "Alberta"})}, id="regions-only"),
])
def test_prefilter_gives_the_same_records(extractor, unfiltered, text, published, expected):
    fast = extractor.extract(text, published=published)
    slow = unfiltered.extract(text, published=published)
    assert pairs_of(slow) == expected
    assert [r.to_json() for r in fast] == [r.to_json() for r in slow]


@pytest.mark.parametrize("text, published, blanked_inside", [
    # the follow-up sentence's span stops before the blanked line after it
    pytest.param(AALBORG, "2022-03-10", False, id="blanked-line-after-follow-up"),
    pytest.param(TAMPERE, None, False, id="blanked-paragraphs-before-hub"),
])
def test_evidence_is_the_original_text(extractor, text, published, blanked_inside):
    filtered = extractor.passage_filter.select(text)
    records = extractor.extract(text, published=published)
    spans = [(e.start, e.end, e.text) for r in records for e in r.evidence]
    assert spans
    assert any(filtered[s:e] != text[s:e] for s, e, _ in spans) is blanked_inside
    for start, end, written in spans:
        assert written == text[start:end]
    for r in records:
        for p in r.parties:
            assert text[p.start:p.end] == p.text
        if r.date:
            assert text[r.date.start:r.date.end] == r.date.text


PLACES_LINE = "Kyiv and Paris\n"
"""A line with two known places: beside it, a passage is kept exactly when it has a trigger."""


def test_prefilter_keyword_gate_never_hides_a_trigger(extractor):
    """The cheap word check before the Matcher must agree with the Matcher on every passage:
    ``select`` keeps a gold passage (next to a line naming two places) iff the Matcher fires."""
    pf = extractor.passage_filter
    assert pf.keywords
    assert pf.select(PLACES_LINE) is None
    passages = []
    for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            text = json.loads(line)["text"]
            passages += [text[s:e].rstrip("\n") for s, e in pf.passages(text)]
    passages = [p for p in passages if p.strip()]
    assert len(passages) > 300
    kept = 0
    for passage in passages:
        has_trigger = bool(pf.matcher(pf.tokenizer(passage)))
        assert (pf.select(passage + "\n" + PLACES_LINE) is not None) == has_trigger, passage
        kept += has_trigger
    assert 0 < kept < len(passages)
