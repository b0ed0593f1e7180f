"""Misspelt partner towns (``spelling_variants.py``): near names of towns of some size, looked up
only in a partner's slot of a sentence about a tie."""

from __future__ import annotations

import pytest

from twin_extract.gazetteer import default_gazetteer
from twin_extract.places import SPAN_KEY
from twin_extract.spelling_variants import closest

CONNECTORS = frozenset({"an", "der", "am", "sur", "upon", "on"})


@pytest.mark.parametrize("written, expected", [
    ("chateaubriand", "Châteaubriant"),
    ("hochstedt", "Höchstadt an der Aisch"),
    ("limeria", "Limeira"),
    ("emerich", "Emmerich"),
    ("tuscon", "Tucson"),
    # a letter added after the first two ("Stravropol") is within reach since the prefix may skip it
    ("stravropol", "Stavropol"),
    ("lviv", None),
    ("kyiv", None),
])
def test_closest_town(written, expected):
    place = closest(default_gazetteer(), written, CONNECTORS)
    assert (place.name if place else None) == expected


P = frozenset


@pytest.mark.parametrize("text, expected", [
    ("The council kept only the existing arrangement between Athlone and Chateaubriand, its twin town.",
     {P({"Athlone", "Châteaubriant"})}),
    ("A councillor had been involved in the Castlebar – Hochstedt twinning for years.",
     {P({"Castlebar", "Höchstadt an der Aisch"})}),
    ("Fort Collins is twinned with Limeria.", {P({"Fort Collins", "Limeira"})}),
    # the last entry of a "City, Country;" list
    ("Eugene's four sister cities are Chinju, Korea; Kakegawa, Japan; Kathmandu, Nepal; and Irkusk.",
     {P({"Eugene", "Chinju"}), P({"Eugene", "Kakegawa"}), P({"Eugene", "Kathmandu"}), P({"Eugene", "Irkutsk"})}),
    # an entry of a "City, State;" list
    ("Taichung's other sister cities: Austin, Texas; Tacoma, Washington; Tuscon, Arizona; Reno, Nevada.",
     {P({"Taichung", "Austin"}), P({"Taichung", "Tacoma"}), P({"Taichung", "Tucson"}), P({"Taichung", "Reno"})}),
    ("The council approved a sister city agreement with the City of Xaimen.", set()),
    ("The Mayor of Durban signed a sister city agreement with the City of Xaimen.", {P({"Durban", "Xiamen"})}),
    # no tie word in the sentence: no lookup
    ("The mayor of Athlone met with Chateaubriand on Friday.", set()),
    # a hyphenated name is one name, not a pair with a misspelt town
    ("Athens-Clarke commissioners weigh a sister city in Ukraine.", set()),
])
def test_misspelt_partner_in_a_tie(extractor, text, expected):
    assert {P(p.name for p in r.parties) for r in extractor.extract(text)} == expected


@pytest.mark.parametrize("text, name, country", [
    # no tie word, but the country stated beside the name: looked up among that country's towns
    ("Agreement with Emerich town (Germany): signed May 26, 1991.", "Emerich", ("Emmerich", "DE")),
    ("17. Hoofdorp, Holland", "Hoofdorp", ("Hoofddorp", "NL")),
])
def test_misspelt_town_qualified_by_its_country(extractor, text, name, country):
    doc = extractor.nlp(extractor.nlp.make_doc(text))
    found = {s.text: (s._.place.name, s._.place.country) for s in doc.spans[SPAN_KEY]}
    assert found.get(name) == country
