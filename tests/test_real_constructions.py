"""Constructions real reporting uses (corpus/real/constructions.md), one table per class.

Sentences are written for these tests (names arbitrary, the phrasing is the rule); each case says
which pairs, and with which status and country, a reader takes from it.
"""

from __future__ import annotations

import pytest

P = frozenset


def _pairs(records):
    return {P(p.name for p in r.parties): r.status for r in records}


def _countries(records):
    return {p.name: p.country for r in records for p in r.parties}


@pytest.mark.parametrize("text, expected", [
    # a semicolon run, one entry without a country
    ("Brno is a lively city in Moravia. Its partner towns are Aalst, Belgium; Tartu, Estonia; Jung-gu; "
     "and Kutaisi, Georgia.",
     {P({"Brno", "Aalst"}), P({"Brno", "Tartu"}), P({"Brno", "Kutaisi"})}),
    # the next sentence lists what this one announced
    ("Springfield has six sister cities. They are Ennis (Ireland), Kasama (Japan), Lviv (Ukraine) as well as "
     "Tlaquepaque (Mexico).",
     {P({"Springfield", "Ennis"}), P({"Springfield", "Kasama"}), P({"Springfield", "Lviv"}),
      P({"Springfield", "Tlaquepaque"})}),
    ("The city has three partner towns. Among them are Mikkeli and Tartu.", set()),
    ("Mikkeli hosted the regional fair. The town has two partner towns. Among them are Kolding and Tartu.",
     {P({"Mikkeli", "Kolding"}), P({"Mikkeli", "Tartu"})}),
    ("Orlando has several sister cities, namely Curitiba, Tainan and Guilin.",
     {P({"Orlando", "Curitiba"}), P({"Orlando", "Tainan"}), P({"Orlando", "Guilin"})}),
    # "the cities of A (Country), B (Country) and C (Country)"
    ("Rzeszów signed a partnership with the cities of Lviv (Ukraine), Ivano-Frankivsk (Ukraine) and Kaunas (Lithuania).",
     {P({"Rzeszów", "Lviv"}), P({"Rzeszów", "Ivano-Frankivsk"}), P({"Rzeszów", "Kaunas"})}),
    # a sentence that announces ties but is followed by ordinary news lists nothing
    ("Springfield has six sister cities. They are proud of the festival.", set()),
])
def test_partner_lists(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected, countries", [
    ("Lublin has signed a twinning agreement with Polish Rzeszów and Ukrainian Lutsk.",
     {P({"Lublin", "Rzeszów"}), P({"Lublin", "Lutsk"})}, {"Rzeszów": "PL", "Lutsk": "UA"}),
    ("Gdynia wants to twin with Czech Olomouc and Greek Volos.",
     {P({"Gdynia", "Olomouc"}), P({"Gdynia", "Volos"})}, {"Olomouc": "CZ", "Volos": "GR"}),
    # an article makes the adjective part of one name: not a town after a demonym
    ("The spa town on the French Riviera is twinned with nothing at all.", set(), {}),
])
def test_demonym_adjective_before_a_city(extractor, text, expected, countries):
    records = extractor.extract(text)
    assert set(_pairs(records)) == expected
    assert {k: v for k, v in _countries(records).items() if k in countries} == countries


@pytest.mark.parametrize("text, expected", [
    ("Kharkiv and Lublin, and Odesa and Genoa signed twinning agreements last year.",
     {P({"Kharkiv", "Lublin"}), P({"Odesa", "Genoa"})}),
    ("Plano, Texas and Weifang, Shandong province, and Irvine, California, and Hsinchu signed agreements on Monday.",
     {P({"Plano", "Weifang"}), P({"Irvine", "Hsinchu"})}),
    # an ordinary list keeps all-with-one pairing
    ("Lviv, Lutsk and Rivne signed twinning agreements with Lublin.",
     {P({"Lviv", "Lublin"}), P({"Lutsk", "Lublin"}), P({"Rivne", "Lublin"})}),
])
def test_coordinated_pairs_follow_the_coordination(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Coventry remains twinned with Kyiv.", {P({"Coventry", "Kyiv"}): "established"}),
    ("Chester suspended its 'friendship arrangement' with Kaluga, and County Kerry ended 40 years of links with Tula.",
     {P({"Chester", "Kaluga"}): "terminated", P({"Kerry", "Tula"}): "terminated"}),
    # "its" is the subject of its own clause, not the sentence's first place
    ("Florence has been twinned with Kyiv since 1967, while Regina cut its ties with Tula.",
     {P({"Florence", "Kyiv"}): "established", P({"Regina", "Tula"}): "terminated"}),
])
def test_roundup_sentences_each_carry_their_pair(extractor, text, expected):
    assert _pairs(extractor.extract(text)) == expected


@pytest.mark.parametrize("text, codes", [
    ("The sister city relationship between Guangdong province and the state of Jalisco was formalised in 2015.",
     {"CN-GD", "MX-JAL"}),
    ("County Kerry ended 40 years of links with Tula.", {"IE-KY"}),
])
def test_regions_as_parties_with_their_codes(extractor, text, codes):
    found = {p.subdivision for r in extractor.extract(text) for p in r.parties if p.type == "region"}
    assert found == codes


@pytest.mark.parametrize("text, expected", [
    ("Eugene has been a sister city of Kakegawa since 1979, and of Kathmandu since 1975.",
     {P({"Eugene", "Kakegawa"}): "1979", P({"Eugene", "Kathmandu"}): "1975"}),
])
def test_parallel_partner_lists_keep_their_own_dates(extractor, text, expected):
    records = extractor.extract(text)
    assert {P(p.name for p in r.parties): r.date.value if r.date else None for r in records} == expected


@pytest.mark.parametrize("text, published, expected", [
    # a wire dateline dates a step the story gives no date of its own
    ("BILA TSERKVA, Oct. 30 – The city council approved a twinning agreement with Jelgava.", "2023-11-02",
     "2023-10-30"),
    # the page's own date line stands in for a missing publication date
    ("Oct. 30, 2023\n\nBila Tserkva approves twinning\n\nThe council of Bila Tserkva approved a twinning "
     "agreement with Jelgava on Monday.", None, "2023-10-30"),
    # a council session without a year takes the year of a dated event before it
    ("The council met in 2021 to plan the budget. At an extraordinary session on October 25, the council of "
     "Bila Tserkva approved a twinning agreement with Jelgava.", None, "2021-10-25"),
    # an existing tie is never dated by the dateline
    ("BILA TSERKVA, Oct. 30 – Bila Tserkva has been twinned with Jelgava for years.", "2023-11-02", None),
])
def test_dates_as_council_and_wire_reporting_give_them(extractor, text, published, expected):
    (record,) = extractor.extract(text, published=published)
    assert (record.date.value if record.date else None) == expected
