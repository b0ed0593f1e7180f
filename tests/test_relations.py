"""Relation rules, one short sentence per phrasing; names are arbitrary, the phrasing is the rule."""

from __future__ import annotations

import pytest

from conftest import pairs_of


def _summary(records):
    return {frozenset(p.name for p in r.parties): (r.status, r.date.value if r.date else None)
            for r in records}


P = frozenset


@pytest.mark.parametrize("text, expected", [
    # lists around a trigger: subject list + possessive, object list, "the cities of X and Y"
    ("Gdańsk, Lyon and Graz became Odesa’s new sister cities.",
     {P({"Gdańsk", "Odesa"}), P({"Lyon", "Odesa"}), P({"Graz", "Odesa"})}),
    ("Poltava has got two new sister cities, Filderstadt and Kutná Hora.",
     {P({"Poltava", "Filderstadt"}), P({"Poltava", "Kutná Hora"})}),
    ("Tartu and Trondheim are now sister cities of Sumy.", {P({"Tartu", "Sumy"}), P({"Trondheim", "Sumy"})}),
    ("A twinning pact was signed by the cities of Lutsk and Lublin.", {P({"Lutsk", "Lublin"})}),
    ("Lviv has signed twinning agreements with Wrocław, Kraków and Lublin.",
     {P({"Lviv", "Wrocław"}), P({"Lviv", "Kraków"}), P({"Lviv", "Lublin"})}),
    # several clauses in one sentence, no cross-pairing
    ("Sumy twinned with Celle, Tartu and Gdynia are sister cities of Poltava, and Nitra offered cooperation to Ternopil.",
     {P({"Sumy", "Celle"}), P({"Tartu", "Poltava"}), P({"Gdynia", "Poltava"}), P({"Nitra", "Ternopil"})}),
    ("Kherson ensured the support of Gdańsk, Sumy twinned with Celle, and Lutsk became sister cities with Lublin.",
     {P({"Kherson", "Gdańsk"}), P({"Sumy", "Celle"}), P({"Lutsk", "Lublin"})}),
    # relative clause and passive voice
    ("Poltava, which became a sister city of Filderstadt in 2022, received two ambulances.",
     {P({"Poltava", "Filderstadt"})}),
    ("A memorandum of cooperation was signed between Vinnytsia and Kielce.", {P({"Vinnytsya", "Kielce"})}),
    # other phrasings
    ("The town partnership between Rivne and Kalisz was established in 2020.", {P({"Rivne", "Kalisz"})}),
    ("Mykolaiv and the Danish city of Aarhus are now twin towns.", {P({"Mykolayiv", "Århus"})}),
    ("Cherkasy signed a friendship agreement with Bydgoszcz.", {P({"Cherkasy", "Bydgoszcz"})}),
    # no tie: aid, visits, definitions, a city and its own region
    ("Warsaw sent buses to Kyiv and Kharkiv.", set()),
    ("Twin towns are cities of different countries that agree to cooperate.", set()),
    ("Lviv Mayor Andriy Sadovyi thanked Kraków for humanitarian aid.", set()),
    ("The Chortkiv municipality of the Ternopil region twinned with Talsi, Latvia.", {P({"Chortkiv", "Talsi"})}),
    ("Warsaw supports Kyiv and Lviv.", set()),
])
def test_pairs(extractor, text, expected):
    assert pairs_of(extractor.extract(text)) == expected


@pytest.mark.parametrize("text, status", [
    ("Rivne and Kalisz became sister cities.", "established"),
    ("Rivne twinned with Kalisz.", "established"),
    ("Rivne and Kalisz signed a twinning agreement.", "signed"),
    ("Rivne officially twinned with Kalisz.", "signed"),
    ("Rivne and Kalisz will sign a partnership agreement next month.", "pending"),
    ("The councils of Rivne and Kalisz approved the twinning; the charter is to be signed in spring.", "pending"),
    ("Rivne offered cooperation to Kalisz.", "proposed"),
    ("The mayor of Rivne invited Kalisz to become a partner city.", "proposed"),
    ("Kalisz suspended its partnership with the Russian city of Tver.", "terminated"),
    ("The council voted to end the sister city relationship between Kalisz and Tver.", "terminated"),
    ("Kalisz froze all contacts with its Russian partner city Tver.", "terminated"),
])
def test_status(extractor, text, status):
    records = extractor.extract(text)
    assert [r.status for r in records] == [status]


def test_status_spread_over_two_sentences(extractor):
    text = "The Rivne City Council and the municipality of Kalisz have decided to twin. The agreement is to be signed."
    (record,) = extractor.extract(text)
    assert record.status == "pending"
    assert len(record.evidence) == 2


def test_followup_sentence_can_sign_and_date(extractor):
    text = "Rivne and Kalisz agreed to become sister cities. The two cities signed the charter on 3 May 2023."
    (record,) = extractor.extract(text)
    assert (record.status, record.date.value) == ("signed", "2023-05-03")


@pytest.mark.parametrize("text, published, date", [
    ("In June 2022, the cities of Lutsk and Lublin signed a twinning pact.", None, "2022-06"),
    ("In March 2022 the war began. In May, Lutsk twinned with Lublin.", None, "2022-05"),
    ("In May, Lutsk twinned with Lublin.", "2023-09-01", "2023-05"),
    ("In May, Lutsk twinned with Lublin.", None, None),
    ("Lutsk and Lublin signed a partnership agreement last week.", "2023-09-08", "2023-09-01"),
    ("Lutsk and Lublin have been sister cities since 1995.", None, "1995"),
    ("Since the beginning of the invasion, Lutsk and Lublin became sister cities.", None, None),
])
def test_dates(extractor, text, published, date):
    (record,) = extractor.extract(text, published=published)
    assert (record.date.value if record.date else None) == date


def test_one_record_per_pair_keeps_latest_step_and_all_evidence(extractor):
    text = ("In 2021 Lutsk proposed twinning with Lublin. "
            "In June 2022 Lutsk and Lublin signed a twinning agreement.")
    (record,) = extractor.extract(text)
    assert (record.status, record.date.value, len(record.evidence)) == ("signed", "2022-06", 2)


def test_relation_type(extractor):
    (coop,) = extractor.extract("Lutsk and Lublin signed a cooperation agreement.")
    (twin,) = extractor.extract("Lutsk and Lublin became sister cities.")
    assert (coop.relation, twin.relation) == ("cooperation", "twinning")


def test_explain_names_the_rules(extractor):
    (record,) = extractor.extract("Lutsk and Lublin signed a cooperation agreement.")
    rules = record.to_dict(explain=True)["explain"]["rules"]
    assert "trig-cooperation-agreement" in rules and "status-signed-verb" in rules
