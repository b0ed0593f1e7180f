"""The pre-filter (prefilter.py) only saves time: same records with and without it, evidence
from the original text, and its cheap keyword gate never hides a trigger."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, pairs_of
from twin_extract.prefilter import _WORD
from twin_extract.record import NewsItem


@pytest.fixture(scope="module")
def unfiltered():
    from twin_extract import Extractor

    return Extractor(prefilter=False)


def test_prefilter_changes_nothing_on_the_bundled_corpus(extractor, unfiltered):
    """The pre-filter may only save time: on every document with a gold pair the records are
    byte-identical with and without it; on a document with none (a negative) it may only drop
    records (they are all wrong), never change or add one."""
    items = [NewsItem(text=(ROOT / "corpus" / "source-article.txt").read_text("utf-8"), id="seed")]
    positive = {"seed"}
    for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            doc = json.loads(line)
            items.append(NewsItem(text=doc["text"], id=doc["id"], published=doc.get("published")))
            if doc.get("pairs"):
                positive.add(doc["id"])
    fast = {item.id: [r.to_json() for r in recs] for item, recs in extractor.pipe(items)}
    slow = {item.id: [r.to_json() for r in recs] for item, recs in unfiltered.pipe(items)}
    for doc_id in fast:
        if doc_id in positive:
            assert fast[doc_id] == slow[doc_id], doc_id
        else:
            assert set(fast[doc_id]) <= set(slow[doc_id]), doc_id
    assert sum(len(fast[d]) for d in positive) > 500
    dropped = sum(len(slow[d]) - len(fast[d]) for d in fast)
    assert dropped < 10, "the pre-filter decides little on documents that are about twinning"


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
    """The cheap word check before the trigger match must pass every gold passage that has a
    trigger, and ``select`` keeps a passage (next to a line naming two places) exactly when a
    trigger in it counts."""
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
        if pf.index.matches(pf.tokenizer(passage)):
            assert pf.keywords & set(_WORD.findall(passage.casefold())), passage
        counts = bool(pf._trigger_rules(passage))
        assert (pf.select(passage + "\n" + PLACES_LINE) is not None) == counts, passage
        kept += counts
    assert 0 < kept < len(passages)


@pytest.mark.parametrize("passage, kept", [
    ("Lviv is twinned with Wroclaw.", True),
    ("Kaunas signed a sister city agreement on Monday.", True),
    ("The mayors of Lviv and Wroclaw signed an agreement on Monday.", True),
    ("The partnership between the two cities dates back to 1989.", True),
    ("Olsztyn councillors adopted a resolution on partnership with the Ukrainian city of Khmelnytskyi.", True),
    ("The link with Rivas, Nicaragua, goes back to 1987.", True),
    ("Kalisz and Chernivtsi will sign an agreement in the autumn.", True),
    ("Prague ended its partnership with Saint Petersburg.", True),
    ("Lyon renewed its cooperation with Rio de Janeiro.", True),
    ("The bus company ended its partnership with New Transit Partners.", False),
    ("Exporters from Lviv and importers from Wroclaw signed a memorandum on logistics.", False),
    ("Cooperation with the football club goes back to 1987.", False),
    ("A food producer from Lviv signed a supply agreement with a retail chain in Wroclaw.", False),
    ("The university hospital in Lviv and the medical school of Wroclaw signed a partnership on training.", False),
    ("The partnership with the football club from Wroclaw brings players to Lviv each year.", False),
    ("The agreement was signed by Anna Smith, head of the regional administration, on 3 May 2023.", False),
    ("The council approved the budget. Exporters from Lviv signed a memorandum on logistics.", False),
])
def test_a_generic_cue_needs_two_municipalities_in_its_sentence(extractor, passage, kept):
    """Strong cues always count; "agreement", "partnership" and the like only in a sentence with
    a municipal word and two places (or "the two cities"), beside a line that names places."""
    assert (extractor.passage_filter.select(passage + "\n" + PLACES_LINE) is not None) is kept


@pytest.mark.parametrize("abbreviations, text, words", [
    ({"st", "sta"}, "Sta. Rosa and St. Moritz", ["Sta. Rosa", "St. Moritz"]),
    ({"st"}, "Sta. Rosa", ["Sta", "Rosa"]),
    (set(), "St. Moritz", ["St", "Moritz"]),
])
def test_capitalised_words_join_the_abbreviations_of_place_words(abbreviations, text, words):
    """The pre-filter reads names with the place matcher's abbreviation list (patterns/place_words.jsonl)."""
    from twin_extract.prefilter import capitalised_words

    assert [m.group(0) for m in capitalised_words(abbreviations).finditer(text)] == words
