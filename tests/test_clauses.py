"""Clause helpers: where a sentence splits, which places form one list, and which places are
only venues, locators or seats of institutions rather than parties."""

from __future__ import annotations

import pytest

from conftest import pairs_of
from twin_extract import clauses
from twin_extract.patterns import load_patterns
from twin_extract.places import party_mentions

P = frozenset
INSTITUTIONS = {row["lemma"] for row in load_patterns(None)["institutions"]}


def _parsed(extractor, text):
    doc = extractor.nlp(text)
    return doc, party_mentions(doc)


def _mention(mentions, written):
    (found,) = [m for m in mentions if m.span.text == written]
    return found


def _names(pairs):
    return {P((a.span.text, b.span.text)) for a, b in pairs}


def _token(doc, word, nth=0):
    return [t.i for t in doc if t.text == word][nth]


@pytest.mark.parametrize("text, strong, medium", [
    # a list after "in" is where it happened, with either trigger strength
    ("Innsbruck and Bolzano signed a cooperation agreement at a summit in Trento and Verona.",
     {P({"Innsbruck", "Bolzano"})}, {P({"Innsbruck", "Bolzano"})}),
    # one place and a venue: only a strong trigger may pair them
    ("Zhytomyr signed a twinning agreement in Pardubice.", {P({"Zhytomyr", "Pardubice"})}, set()),
    ("The charter was signed in Gdańsk by the mayor of Kharkiv.", {P({"Gdańsk", "Kharkiv"})}, set()),
    # two parties beside a venue: the venue is dropped whatever the trigger
    ("The memorandum was signed in Vilnius by the mayors of Kaunas and Šiauliai.",
     {P({"Kaunas", "Šiauliai"})}, {P({"Kaunas", "Šiauliai"})}),
    # "X, east of W": W only locates X
    pytest.param("Otwock, east of Warsaw, and Bucha signed an agreement.",
                 {P({"Otwock", "Bucha"})}, {P({"Otwock", "Bucha"})}, id="locator-inside-subject-list",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "groups() glues Bucha to Warsaw (', and '), and the whole group is dropped because its first "
                     "place is a direction, so Otwock is left alone and pair() returns []"))),
])
def test_pair_drops_venues(extractor, text, strong, medium):
    doc, mentions = _parsed(extractor, text)
    assert _names(clauses.pair(doc, mentions, True)[0]) == strong
    assert _names(clauses.pair(doc, mentions, False)[0]) == medium


@pytest.mark.parametrize("text, place, expected", [
    ("The delegation signed the charter in Trento.", "Trento", True),
    ("The mayors met at Lviv on Friday.", "Lviv", True),
    ("A camp was built near Przemyśl.", "Przemyśl", True),
    ("The forum took place outside Lublin.", "Lublin", True),
    ("The town of Sokal, north of Lviv, hosted the talks.", "Lviv", True),
    # after a partner noun, "in" names the partner
    ("Jarosław found a new partner in Drohobych.", "Drohobych", False),
    ("Kalush signed an agreement with Tarnów.", "Tarnów", False),
])
def test_venue(extractor, text, place, expected):
    doc, mentions = _parsed(extractor, text)
    assert clauses.venue(doc, _mention(mentions, place)) is expected


@pytest.mark.parametrize("text, place, expected", [
    ("Otwock, east of Warsaw, welcomed the guests.", "Warsaw", True),
    ("The village lies 20 kilometres north of Lublin.", "Lublin", True),
    ("A camp opened on the outskirts of Kraków.", "Kraków", True),
    ("Otwock, east of Warsaw, welcomed the guests.", "Otwock", False),
    ("The mayor of Kraków welcomed the guests.", "Kraków", False),
])
def test_direction(extractor, text, place, expected):
    doc, mentions = _parsed(extractor, text)
    assert clauses.direction(doc, _mention(mentions, place)) is expected


@pytest.mark.parametrize("text, place, expected", [
    ("Kielce signed an agreement with representatives of Ukraine's Poltava Oblast.", "Poltava", True),
    ("Talks began with the Lithuanian capital Vilnius.", "Vilnius", True),
    ("The link with Rivas goes back to 1987.", "Rivas", True),
    ("Aid arrived from Vilnius.", "Vilnius", False),
    ("The mayor met with officials and flew to Vilnius.", "Vilnius", False),
])
def test_after_with(extractor, text, place, expected):
    doc, mentions = _parsed(extractor, text)
    assert clauses.after_with(doc, _mention(mentions, place)) is expected


@pytest.mark.parametrize("text, noun, place, expected", [
    ("The link with Rivas goes back to 1987.", "link", "Rivas", True),
    ("Our partnership, with Opole in Poland, is the oldest.", "partnership", "Opole", True),
    ("The link to Rivas goes back to 1987.", "link", "Rivas", False),
    ("The partnership was celebrated with Opole's mayor.", "partnership", "Opole", False),
])
def test_tie_with(extractor, text, noun, place, expected):
    doc, mentions = _parsed(extractor, text)
    assert clauses.tie_with(doc, _token(doc, noun) + 1, _mention(mentions, place)) is expected


@pytest.mark.parametrize("text, place, expected", [
    ("Police from Biłgoraj and Kovel agreed to cooperate.", "Biłgoraj", True),
    ("Police from Biłgoraj and Kovel agreed to cooperate.", "Kovel", True),
    ("The universities of Poznań and Kharkiv signed an agreement.", "Kharkiv", True),
    ("The football clubs of Lublin and Lutsk signed a partnership agreement.", "Lublin", True),
    ("The fire services of Olsztyn and Lutsk signed a memorandum.", "Olsztyn", True),
    ("The city councils of Toruń and Sumy signed an agreement.", "Toruń", False),
    ("The mayors of Toruń and Sumy signed an agreement.", "Sumy", False),
    ("The port of Odessa and Varna signed a memorandum.", "Odessa", False),
])
def test_institutional(extractor, text, place, expected):
    doc, mentions = _parsed(extractor, text)
    assert clauses.institutional(doc, _mention(mentions, place), INSTITUTIONS) is expected


@pytest.mark.parametrize("text, trigger, kept", [
    # places in a "when ..." clause after the trigger are not the trigger's
    ("Płock and Rivne will sign an agreement in the autumn, when a delegation from Kovel visits Toruń.",
     "agreement", {"Płock", "Rivne"}),
    # ... but a trigger inside the subordinate clause keeps its own places
    ("The mayors met in March, when Kovel and Toruń signed an agreement.", "agreement", {"Kovel", "Toruń"}),
])
def test_outside_subordinates(extractor, text, trigger, kept):
    doc, mentions = _parsed(extractor, text)
    sent = next(doc.sents)
    found = clauses.outside_subordinates(doc, sent, _token(doc, trigger), mentions)
    assert {m.span.text for m in found} == kept


def test_clauses_split_at_and_between_predicates(extractor):
    text = "Sumy twinned with Zamość, and Nitra offered cooperation to Ternopil."
    doc, mentions = _parsed(extractor, text)
    units = clauses.clauses(doc, next(doc.sents), mentions)
    assert [doc[lo:hi].text for lo, hi in units] == ["Sumy twinned with Zamość", "Nitra offered cooperation to Ternopil."]


@pytest.mark.parametrize("text, expected", [
    # venue lists and locators are not parties
    ("Graz and Maribor signed a cooperation agreement during a summit in Ljubljana and Zagreb.",
     {P({"Graz", "Maribor"})}),
    ("Gyumri signed a partnership agreement with Ełk, north of Białystok.", {P({"Gyumri", "Ełk"})}),
    ("Otwock, east of Warsaw, signed a partnership agreement with Bucha.", {P({"Otwock", "Bucha"})}),
    pytest.param("Otwock, east of Warsaw, and Bucha, near Kyiv, signed a partnership agreement on Friday.",
                 {P({"Otwock", "Bucha"})}, id="locators-of-both-parties",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "gives Otwock-Kyiv: Bucha is grouped with the locator Warsaw and dropped with it, and the "
                     "venue Kyiv ('near') is then paired by the strong trigger"))),
    # a medium trigger does not pair a lone place with the venue; a strong one may
    ("The charter was signed in Gdańsk by the mayor of Kharkiv.", set()),
    ("Zhytomyr signed a twinning agreement in Pardubice.", {P({"Zhytomyr", "Pardubice"})}),
    # a partner named through the people who represent it
    ("Kielce signed a cooperation agreement with representatives of Ukraine's Poltava Oblast.",
     {P({"Kielce", "Poltavska oblast"})}),
    # institutions are not parties, councils, mayors and ports speak for their towns
    ("Police from Biłgoraj and Kovel signed a cooperation agreement.", set()),
    ("The universities of Poznań and Kharkiv signed a cooperation agreement.", set()),
    ("The fire services of Olsztyn and Lutsk signed a memorandum of cooperation.", set()),
    ("The football clubs of Lublin and Lutsk signed a partnership agreement.", set()),
    ("The city councils of Toruń and Sumy signed a cooperation agreement.", {P({"Toruń", "Sumy"})}),
    ("The mayors of Toruń and Sumy signed a partnership agreement.", {P({"Toruń", "Sumy"})}),
    ("The port of Odessa and the Bulgarian city of Varna signed a memorandum of understanding.",
     {P({"Odesa", "Varna"})}),
])
def test_clause_rules_end_to_end(extractor, text, expected):
    assert pairs_of(extractor.extract(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Delegations from Lviv, Lutsk and Rivne met delegations from Lublin, Chełm and Zamość at a twinning fair.",
     {frozenset({"Lviv", "Lublin"}), frozenset({"Lutsk", "Chełm"}), frozenset({"Rivne", "Zamość"})}),
    # one list cut in two by a name no gazetteer knows is not two lists member by member
    ("Look into twinning with further towns such as Bhuj, Broken Hill, Hargeisa, Porto Xyz, Kingston, Tilburg "
     "and Tel Aviv.", set()),
])
def test_respective_lists_need_a_closed_first_list(extractor, text, expected):
    assert pairs_of(extractor.extract(text)) == expected
