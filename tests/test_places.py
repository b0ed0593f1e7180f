"""Place recognition: gazetteer matching whatever the NER says, countries, regions, containers."""

from __future__ import annotations

import pytest

from twin_extract.gazetteer import default_gazetteer
from twin_extract.places import SPAN_KEY
from twin_extract.textnorm import fold


def _places(extractor, text):
    doc = extractor.nlp(extractor.nlp.make_doc(text))
    return [(s.text, s._.place) for s in doc.spans[SPAN_KEY]]


def _parties(extractor, text):
    return {text: (info.name, info.country, info.kind, info.subdivision)
            for text, info in _places(extractor, text) if info.is_party}


@pytest.mark.parametrize("written, canonical", [
    ("Düsseldorf", "dusseldorf"), ("Rzeszów", "rzeszow"), ("Kraków", "krakow"), ("Łódź", "lodz"),
    ("Ivano-Frankivsk", "ivano frankivsk"), ("Kam’yanets", "kamyanets"), ("St. Gallen", "st. gallen"),
])
def test_fold(written, canonical):
    assert fold(written) == canonical


@pytest.mark.parametrize("variant, name, country", [
    ("Kiev", "Kyiv", "UA"), ("Kharkov", "Kharkiv", "UA"), ("Lvov", "Lviv", "UA"),
    ("Dusseldorf", "Düsseldorf", "DE"), ("Rzeszow", "Rzeszów", "PL"), ("Dnepropetrovsk", "Dnipro", "UA"),
    ("Krakow", "Kraków", "PL"),
])
def test_gazetteer_variants(variant, name, country):
    best = default_gazetteer().find(variant)[0]
    assert (best.name, best.country) == (name, country)


@pytest.mark.parametrize("sentence, mention, expected", [
    # found whatever label the NER gave (these are PERSON/ORG or missed by en_core_web_sm)
    ("Chernivtsi has got new partners.", "Chernivtsi", ("Chernivtsi", "UA", "city", None)),
    ("Kharkiv ensured the support of Lublin.", "Kharkiv", ("Kharkiv", "UA", "city", None)),
    ("Bourges twinned with Korosten.", "Bourges", ("Bourges", "FR", "city", None)),
    # apposition and brackets beat the gazetteer's ranking
    ("They twinned with the city of Talsi, Latvia.", "Talsi", ("Talsi", "LV", "city", None)),
    ("It was signed in Bergamo (Italy) on Monday.", "Bergamo", ("Bergamo", "IT", "city", None)),
    ("The mayor of Paris, Texas, spoke.", "Paris", ("Paris", "US", "city", None)),
    ("The mayor of Vienna, Virginia, spoke.", "Vienna", ("Vienna", "US", "city", None)),
    # demonyms and "Country's X"
    ("The German city of Bergisch Gladbach signed.", "Bergisch Gladbach", ("Bergisch Gladbach", "DE", "city", None)),
    ("Ukraine's Bucha has a new partner.", "Bucha", ("Bucha", "UA", "city", None)),
    # regions with a cue
    ("In May, the state of Mississippi twinned with the Khmelnytskyi region.", "Mississippi",
     ("Mississippi", "US", "region", "US-MS")),
    ("In May, the state of Mississippi twinned with the Khmelnytskyi region.", "Khmelnytskyi",
     ("Khmelnytska oblast", "UA", "region", "UA-68")),
    ("Delegates from Lviv Oblast arrived.", "Lviv", ("Lvivska oblast", "UA", "region", "UA-46")),
    ("The state of Bavaria sent aid.", "Bavaria", ("Bayern", "DE", "region", "DE-BY")),
    # a province of any country in apposition, when the city exists there
    ("The mayor of Kingston, Ontario, spoke.", "Kingston", ("Kingston", "CA", "city", None)),
    # ... but not when the "province" is the next city of a list (Hamburg is also a Land)
    ("Paris, Hamburg and Madrid became partners.", "Hamburg", ("Hamburg", "DE", "city", None)),
    ("Paris, Hamburg and Madrid became partners.", "Paris", ("Paris", "FR", "city", None)),
    # hyphenated names written with an alternate spelling
    ("They twinned with Kamianets-Podilskyi, a fortress city.", "Kamianets-Podilskyi",
     ("Kamyanets-Podilskyi", "UA", "city", None)),
    # regions written as proper names, and Slovak/Czech/Lithuanian regions
    ("Uzhhorod and the Košice Self-Governing Region signed.", "Košice",
     ("Košický kraj", "SK", "region", "SK-KI")),
    ("The Pardubice Region sent aid.", "Pardubice", ("Pardubický kraj", "CZ", "region", "CZ-53")),
    # transliterations resolve to the GeoNames name
    ("Officials from Kiev and Lvov met.", "Kiev", ("Kyiv", "UA", "city", None)),
])
def test_party_resolution(extractor, sentence, mention, expected):
    assert _parties(extractor, sentence).get(mention) == expected


@pytest.mark.parametrize("sentence, not_a_party", [
    ("In March the council met.", "March"),
    ("Mayor Smith thanked the Council for its support.", "Council"),
    ("Students of Lviv Polytechnic visited.", "Lviv"),
    ("They travelled to Ukraine.", "Ukraine"),
    ("The Ukrainian delegation arrived.", "Ukrainian"),
])
def test_words_and_countries_are_not_parties(extractor, sentence, not_a_party):
    assert not_a_party not in _parties(extractor, sentence)


@pytest.mark.parametrize("sentence, container", [
    ("The Chortkiv municipality of the Ternopil region twinned with Talsi.", "Ternopil"),
    ("Bucha, Kyiv region, twinned with Bergamo.", "Kyiv"),
    ("Lviv, the capital of Lviv Oblast, welcomed them.", "Lviv"),
])
def test_containing_region_is_not_a_party(extractor, sentence, container):
    regions = [info for text, info in _places(extractor, sentence) if info.kind == "region"]
    assert regions and all(info.container for info in regions)


def test_province_in_apposition_is_not_a_party(extractor):
    assert "Ontario" not in _parties(extractor, "Kingston, Ontario, has a large Ukrainian community.")


@pytest.mark.parametrize("text, expected", [
    # the state named further down resolves the first mention too
    ("Portland voted on Monday. Portland, Maine, is a port.", "US"),
    # ... unless the story names another country that has a place of that name
    ("Heidelberg's mayor arrived in Cambridge. The English city should not be confused with "
     "Cambridge, Massachusetts.", "GB"),
])
def test_later_stated_country_reaches_back(extractor, text, expected):
    first = next(info for written, info in _places(extractor, text) if written in ("Portland", "Cambridge"))
    assert first.country == expected


def test_country_mentioned_in_sentence_ranks_candidates(extractor):
    parties = _parties(extractor, "Odessa in the United States hosted a delegation from Kyiv.")
    assert parties["Odessa"][1] == "US"
    assert _parties(extractor, "Odessa hosted a delegation from Kyiv.")["Odessa"][1] == "UA"
