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
    # an entry that is no known place does not cut the list in two
    ("Aarhus has had sister cities since 1946, and today there are six sister city collaborations: Bergen, "
     "Göteborg, Turku, Kujalleq, Rostock and Harbin.",
     {P({"Århus", n}) for n in ("Bergen", "Gothenburg", "Turku", "Rostock", "Harbin")}),
    ("Orlando has several sister cities, namely Curitiba, Tainan and Guilin.",
     {P({"Orlando", "Curitiba"}), P({"Orlando", "Tainan"}), P({"Orlando", "Guilin"})}),
    # "the cities of A (Country), B (Country) and C (Country)"
    ("Rzeszów signed a partnership with the cities of Lviv (Ukraine), Ivano-Frankivsk (Ukraine) and Kaunas (Lithuania).",
     {P({"Rzeszów", "Lviv"}), P({"Rzeszów", "Ivano-Frankivsk"}), P({"Rzeszów", "Kaunas"})}),
    # a sentence that announces ties but is followed by ordinary news lists nothing
    ("Springfield has six sister cities. They are proud of the festival.", set()),
    # "the five sister cities — A, B and C —": the article presupposes the story's own place
    ("Vancouver council met on Tuesday. A report recommends telling the five sister cities — Odesa, "
     "Yokohama and Edinburgh — that they must reapply.",
     {P({"Vancouver", "Odesa"}), P({"Vancouver", "Yokohama"}), P({"Vancouver", "Edinburgh"})}),
    # ... even when a later clause of the sentence names a tie of its own ("as friendship cities")
    ("Vancouver council met on Tuesday. A report recommends telling the four sister cities — Odesa, "
     "Yokohama, Guangzhou and Edinburgh — that they may reapply as friendship cities.",
     {P({"Vancouver", "Odesa"}), P({"Vancouver", "Yokohama"}), P({"Vancouver", "Guangzhou"}),
      P({"Vancouver", "Edinburgh"})}),
    pytest.param("Vancouver council met on Tuesday. A report recommends telling the three sister cities — Odesa, "
                 "Yokohama and Edinburgh — that they may reapply as friendship cities.",
                 {P({"Vancouver", "Odesa"}), P({"Vancouver", "Yokohama"}), P({"Vancouver", "Edinburgh"})},
                 marks=pytest.mark.xfail(reason="the list's last two, cut off as a clause of their own, read as a "
                                                "coordinated pair of the later 'friendship cities'", strict=True)),
    ("Vancouver council met on Tuesday. The sister cities: Odesa and Yokohama.",
     {P({"Vancouver", "Odesa"}), P({"Vancouver", "Yokohama"})}),
    # "our twin towns of A and B": the speaker's town owns both, A and B are no pair
    ("Woking welcomed the children. We look forward to visits from our twin towns of Rastatt and Lyon.",
     {P({"Woking", "Rastatt"}), P({"Woking", "Lyon"})}),
    ("Kalisz's twin towns of Rastatt and Lyon sent choirs.", {P({"Kalisz", "Rastatt"}), P({"Kalisz", "Lyon"})}),
    # a count of ties closing its line announces the entry lines after it as a colon would
    ("Penrith Council has 3 sister city partnerships and a friendship agreement with a Chinese association.\n\n"
     "Toyama, Japan\n\nGangnam Trade Office\n\nFujieda, Japan\n\nSee our gallery of past exchanges:",
     {P({"Penrith", "Toyama"}), P({"Penrith", "Fujieda"})}),
    ("Nine regions of Ukraine are negotiating cooperation with US states\n\nKyiv • 19.09.2024", set()),
    # "City, Country (year);" entries after a semicolon stay one list
    ("Tacoma is twinned with Kitakyushu, Japan (1959); Vladivostok, Russia (1991); and Kunsan, South Korea (1979).",
     {P({"Tacoma", "Kitakyushu"}), P({"Tacoma", "Vladivostok"}), P({"Tacoma", "Gunsan"})}),
    ("Sister cities of Tacoma: Kitakyushu, Japan; Vladivostok, Russia; Kunsan, South Korea.",
     {P({"Tacoma", "Kitakyushu"}), P({"Tacoma", "Vladivostok"}), P({"Tacoma", "Gunsan"})}),
])
def test_partner_lists(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected, countries", [
    ("Lublin has signed a twinning agreement with Polish Rzeszów and Ukrainian Lutsk.",
     {P({"Lublin", "Rzeszów"}), P({"Lublin", "Lutsk"})}, {"Rzeszów": "PL", "Lutsk": "UA"}),
    ("Gdynia wants to twin with Czech Olomouc and Greek Volos.",
     {P({"Gdynia", "Olomouc"}), P({"Gdynia", "Volos"})}, {"Olomouc": "CZ", "Volos": "GR"}),
    # a country's possessive owns the next name, it is no apposition to the one before
    ("Lyon's other sister cities include Japan's Osaka, China's Tianjin, Greece's Thessaloniki and Italy's Milan.",
     {P({"Lyon", "Osaka"}), P({"Lyon", "Tianjin"}), P({"Lyon", "Thessaloníki"}), P({"Lyon", "Milan"})},
     {"Osaka": "JP", "Tianjin": "CN", "Thessaloníki": "GR", "Milan": "IT"}),
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
    # two lists of the same length pair member by member
    ("The Polish towns of Chełm, Zamość and Sanok will become twin towns with the Ukrainian towns of Kovel, "
     "Zhovkva and Sambir.", {P({"Chełm", "Kovel"}), P({"Zamość", "Zhovkva"}), P({"Sanok", "Sambir"})}),
    # pairs made with "with", after a generic noun: the pairs license it; a region of another
    # country after a comma is a party, not the container of the place before it
    ("Several Indian states have active partnerships with Japanese prefectures – Andhra Pradesh with Toyama, "
     "Tamil Nadu with Ehime and Gujarat with Shizuoka – a statement said.",
     {P({"Andhra Pradesh", "Toyama"}), P({"Tamil Nādu", "Ehime"}), P({"Gujarāt", "Shizuoka"})}),
    ("Lutsk and Rivne signed twinning agreements with Lublin and Chełm respectively.",
     {P({"Lutsk", "Lublin"}), P({"Rivne", "Chełm"})}),
    # two subjects whose partners are named by a common noun share a predicate, not a tie
    ("Tallinn and Tartu will end their cooperation agreements with partner cities in Russia.", set()),
    ("Kyiv and Lviv signed twinning agreements with several Polish cities last year.", set()),
    ("Gdynia and Pardubice signed a partnership agreement with the aim of boosting tourism.",
     {P({"Gdynia", "Pardubice"})}),
    ("Gdynia and Pardubice signed a twinning agreement with each other.", {P({"Gdynia", "Pardubice"})}),
    ("Lutsk and Rivne signed twinning agreements with Lublin and Chełm.",
     {P({"Lutsk", "Lublin"}), P({"Rivne", "Chełm"}), P({"Lutsk", "Chełm"}), P({"Rivne", "Lublin"})}),
    # a list of pairs opened by "include" or "among them" after other places
    ("Canada-Japan sister cities other than Toronto and Kyoto include Hamilton and Fukuyama, Calgary and "
     "Naganuma, and Halifax and Hakodate.",
     {P({"Hamilton", "Fukuyama"}), P({"Calgary", "Naganuma"}), P({"Halifax", "Hakodate"})}),
    ("Six towns in Bavaria have partner towns in Tyrol, among them Rosenheim and Kufstein, and "
     "Passau (the region's oldest town) and Lienz.",
     {P({"Rosenheim", "Kufstein"}), P({"Passau", "Lienz"})}),
    # a town's twin as the head of its phrase
    ("Council voted to invite Huizhou to become North Vancouver's twin.", {P({"Huizhou", "North Vancouver"})}),
    ("Kraków's twin, Nuremberg, sent a choir.", {P({"Kraków", "Nuremberg"})}),
    ("Kyiv's twin towers are a landmark.", set()),
    ("Meanwhile, Listowel's only twin, Downpatrick, is very active.", {P({"Listowel", "Downpatrick"})}),
    # places a journey went to are no pair of each other
    ("After a study trip to Bintulu and Miri, the councillor said the letter of intent would deepen friendship "
     "between the two sides.", set()),
    # a second predicate of the same subject names another partner
    ("Cork is twinned with Rennes in France and has an informal agreement with Shenzhen in China.",
     {P({"Cork", "Rennes"}), P({"Cork", "Shenzhen"})}),
    # a clause after ", and" with a coordinated subject of its own is a clause of its own
    ("Tabriz and Bursa are sister cities of Kazan, and Porto and Lecce are sister cities of Ufa.",
     {P({"Tabriz", "Kazan"}), P({"Bursa", "Kazan"}), P({"Porto", "Ufa"}), P({"Lecce", "Ufa"})}),
    # "between" one place and a plural list pairs the first with each; a plural list is never half of a pair
    ("Town links still pay off: think of the ties between the municipality of Groningen and the German cities "
     "of Oldenburg, Bremen and Hamburg.",
     {P({"Groningen", "Oldenburg"}), P({"Groningen", "Bremen"}), P({"Groningen", "Hamburg"})}),
    # a state named for its big city is no container of a town that lies elsewhere
    ("Brazilian-American sister cities include Atlanta and Recife, Los Angeles and Salvador, São Paulo and "
     "Miami, São Paulo and Chicago, and Denver and Curitiba.",
     {P({"Atlanta", "Recife"}), P({"Los Angeles", "Salvador"}), P({"São Paulo", "Miami"}),
      P({"São Paulo", "Chicago"}), P({"Denver", "Curitiba"})}),
])
def test_coordinated_pairs_follow_the_coordination(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Terebovlia urban municipality and the French municipality of Pont-du-Château have signed an "
     "agreement on partnership.", {P({"Terebovlia", "Pont-du-Château"})}),
    ("The Obukhivka territorial community and the town of Kaišiadorys (Lithuania) are now twin towns.",
     {P({"Obukhivka", "Kaišiadorys"})}),
])
def test_hromadas_named_with_their_type(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    # a metro's own name with a lowercase prefix
    ("Some of eThekwini's other sister cities are New Orleans and Bulawayo.",
     {P({"Durban", "New Orleans"}), P({"Durban", "Bulawayo"})}),
])
def test_names_as_the_city_writes_them(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Coventry remains twinned with Kyiv.", {P({"Coventry", "Kyiv"}): "established"}),
    ("Chester suspended its 'friendship arrangement' with Kaluga, and County Kerry ended 40 years of links with Tula.",
     {P({"Chester", "Kaluga"}): "terminated", P({"Kerry", "Tula"}): "terminated"}),
    # "its" is the subject of its own clause, not the sentence's first place
    ("Florence has been twinned with Kyiv since 1967, while Regina cut its ties with Tula.",
     {P({"Florence", "Kyiv"}): "established", P({"Regina", "Tula"}): "terminated"}),
    # after a semicolon, a place that is the subject of its own verb is no partner of the hub
    ("Gdynia has eleven sister cities; Sopot has six in Europe.", {}),
    # "is off": the tie is over
    ("Wellington's mayor joked that their sister city relationship with Moscow is off.",
     {P({"Wellington", "Moscow"}): "terminated"}),
    ("Dunedin called off the twinning with Tula.", {P({"Dunedin", "Tula"}): "terminated"}),
    # an apposition names the tie that the clause before it ends
    ("Tarnow council is under fire.\n\nA council in the south is facing a backlash after it voted on Tuesday "
     "night to end all ties with Pskov, its sister city in Russia.", {P({"Tarnów", "Pskov"}): "terminated"}),
    # gapping: the second clause leaves out the verb it shares with the first
    ("Gdańsk is twinned with both Bremen and Turku, and Sopot in Poland with both Kalmar and Kotka.",
     {P({"Gdańsk", "Bremen"}): "established", P({"Gdańsk", "Turku"}): "established",
      P({"Sopot", "Kalmar"}): "established", P({"Sopot", "Kotka"}): "established"}),
    ("Gdynia has three sister cities: Kotka, Aalborg; Kalmar joined last.",
     {P({"Gdynia", "Kotka"}): "established", P({"Gdynia", "Aalborg"}): "established",
      P({"Gdynia", "Kalmar"}): "established"}),
])
def test_roundup_sentences_each_carry_their_pair(extractor, text, expected):
    assert _pairs(extractor.extract(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lublin has partnership agreements with Lutsk and Rivne, and letters of intent with Ternopil and Kherson.",
     {P({"Lublin", "Lutsk"}): "established", P({"Lublin", "Rivne"}): "established",
      P({"Lublin", "Ternopil"}): "proposed", P({"Lublin", "Kherson"}): "proposed"}),
    ("Rzeszów has partnership agreements with Lviv (Ukraine) and Kassel (Germany), as well as letters of "
     "intent with Nyíregyháza (Hungary).",
     {P({"Rzeszów", "Lviv"}): "established", P({"Rzeszów", "Kassel"}): "established",
      P({"Rzeszów", "Nyíregyháza"}): "proposed"}),
])
def test_a_status_cue_between_two_lists_leads_the_next(extractor, text, expected):
    assert _pairs(extractor.extract(text)) == expected


@pytest.mark.parametrize("text, codes", [
    ("The sister city relationship between Guangdong province and the state of Jalisco was formalised in 2015.",
     {"CN-GD", "MX-JAL"}),
    ("County Kerry ended 40 years of links with Tula.", {"IE-KY"}),
    # a plural type word after coordinated names types each of them
    ("Podkarpackie Voivodeship signed partnership agreements with the Lviv and Ivano-Frankivsk oblasts.",
     {"PL-18", "UA-46", "UA-26"}),
    ("Lublin Voivodeship has partnership agreements with the Smolensk and Bryansk Regions, Russia.",
     {"PL-06", "RU-SMO", "RU-BRY"}),
    # a governor heads a region
    ("The Governor of Kagoshima said his delegation had signed a memorandum of cooperation with Hai Duong "
     "province.", {"JP-46", "VN-61"}),
    # old spellings of the towns the regions are named after; a list of regions locates nothing
    ("Mazovia Voivodeship has signed cooperation agreements with the Lviv, Kiev, Odessa and Vinnitsa Regions.",
     {"PL-14", "UA-46", "UA-32", "UA-51", "UA-05"}),
    # type words of other countries' regions
    ("The Opolskie Voivodeship has partnership agreements with the following regions:\n"
     "• Autonomous Community of Galicia (Spain) – since 1999\n• Styria Federal State (Austria) – since 2004\n"
     "• Olomouc Kray (Czech Republic) – since 2002", {"PL-16", "ES-GA", "AT-6", "CZ-71"}),
    # no plural type word: the names keep their own readings
    ("Podkarpackie Voivodeship signed partnership agreements with Lviv and Ivano-Frankivsk.", {"PL-18"}),
])
def test_regions_as_parties_with_their_codes(extractor, text, codes):
    found = {p.subdivision for r in extractor.extract(text) for p in r.parties if p.type == "region"}
    assert found == codes


@pytest.mark.parametrize("text, expected", [
    ("Eugene has been a sister city of Kakegawa since 1979, and of Kathmandu since 1975.",
     {P({"Eugene", "Kakegawa"}): "1979", P({"Eugene", "Kathmandu"}): "1975"}),
    # a semicolon run of "with" phrases after a verb that makes ties ("set up", "established")
    ("Hyogo had set up relationships with the State of Washington in 1963; with Khabarovsk Territory in "
     "Russia in 1969; and with the State of Paraná in Brazil in 1970.",
     {P({"Hyogo", "Washington"}): "1963", P({"Hyogo", "Khabarovskiy kray"}): "1969", P({"Hyogo", "Paraná"}): "1970"}),
    ("Zhuhai established friendly relations with Lisbon in 1998.", {P({"Zhuhai", "Lisbon"}): "1998"}),
    # a hub's list with each partner's year in brackets
    ("Lund has official friendship relations with three Dutch towns: Gouda (since 2001), Delft (2005) and "
     "Breda (May 2010).", {P({"Lund", "Gouda"}): "2001", P({"Lund", "Delft"}): "2005", P({"Lund", "Breda"}): "2010-05"}),
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
    # a dateline whose place is in title case
    ("Bila Tserkva, Ukraine – October 27, 2023 – The city council approved a twinning agreement with "
     "Jelgava.", None, "2023-10-27"),
    # a dateline that ends with the agency's name
    ("Ohrid and Kutaisi become sister cities\n\nBaku, March 8, AZERTAC\n\nOhrid and Kutaisi have signed a "
     "sister cities cooperation agreement.", "2018-03-09", "2018-03-08"),
    # the page's own date line, among labels, times and other fields, dates the step its headline tells
    ("Bila Tserkva suspends twinning with Kursk\n\nPublished: Mar. 11, 2022 at 8:29 AM CST | Updated: 5 "
     "minutes ago\n\nThe city of Bila Tserkva has suspended its twinning with Kursk.", "2022-03-11",
     "2022-03-11"),
    ("Bila Tserkva signs agreement with Jelgava\n\n15:02 15.03.2023\n\nBila Tserkva has signed a "
     "cooperation agreement with the Latvian city of Jelgava, the mayor said.", None, "2023-03-15"),
    ("Regional News · Friday 11 March 2022\n\nBila Tserkva suspends links with Kursk\n\nThe council "
     "has voted to suspend its links with Kursk.", None, "2022-03-11"),
    # ... and no other step: one the headline does not tell is older than the page
    ("Bila Tserkva hosts a book fair\n\nPosted November 22, 2023 12:52 pm\n\nBila Tserkva signed a "
     "twinning agreement with Jelgava.", "2023-11-22", None),
    # a headline that carries a date is no date line
    ("Bila Tserkva and Jelgava Sign Memorandum of Understanding May 17, 2017\n\nThe two cities agreed to "
     "work together.", None, "2017-05-17"),
    # a council's legislation page gives the day of its final action in a field
    ("File #: 12345 | Type: Resolution | Status: Passed\nFile created: 5/5/2014 | Final action: 5/20/2014\n\n"
     "Title: Authorizing the Mayor to execute a memorandum of understanding establishing a sister city "
     "relationship between the City of Ogden and the City of Hof, Germany.", None, "2014-05-20"),
    # an agreement's signature block dates it in the legal form, on a line of its own
    ("The City of Ogden and the City of Hof jointly enter into a sister city relationship.\n\n"
     + "".join(f"• To promote aim number {n} of both cities,\n" for n in range(1, 9))
     + "\nThe representatives of both cities sign this agreement below.\n\nThe 29th day of October, 2013\n\n"
     "In the City of Ogden", None, "2013-10-29"),
    # a resolution is dated at its foot, in the legal form
    ("RESOLUTION NO. 12-04\n\nWHEREAS, the two communities wish to promote exchanges;\n\n"
     "NOW, THEREFORE, BE IT RESOLVED that the City of Ogden agrees to a twinning relationship with the City of "
     "Hof, Germany.\n\nPASSED AND ADOPTED this 14th day of May, A.D., 2004.", None, "2004-05-14"),
])
def test_dates_as_council_and_wire_reporting_give_them(extractor, text, published, expected):
    (record,) = extractor.extract(text, published=published)
    assert (record.date.value if record.date else None) == expected


PARTNER_PAGE_NUMBERED = """Sister Cities

Osijek has built sister-city ties with several cities since 1975.

1. Pécs, Hungary
Place of signing: Pécs
Date: 1975.6.12

2. Ingolstadt, Germany
Place of signing: Osijek
Date: 1996.3.1

3. Tuzla, Bosnia and Herzegovina
Place of signing: Tuzla
Date: 2003.9.30
"""

PARTNER_PAGE_COUNTRY_FIRST = """Twin towns of the City of Osijek

  Hungary Pécs Agreement on Cooperation between the Cities, 12.6.1975, renewal of the Agreement, 1998
  Germany Ingolstadt Town Twinning Agreement, 1.3.1996
  Slovak Republic Nitra Memorandum of Cooperation, 30.9.2003
"""

SECTIONS = """Partner comparison with neighbouring councils

Nelson
Population 55,000
Sister cities
· Miyazu, Japan
· Eureka, California, USA
· Huangshi, China

Timaru
Population 29,000
Sister city
· Orange, New South Wales, Australia
· Eniwa, Japan
· Weihai, China
"""

PAIR_LINES = """Israeli towns and their partners

Some examples of twinning are:
Holon – Suresnes, France
Ramla – Vaughan, Canada
Nazareth – Florence, Italy
"""

PAIR_BULLETS_INLINE = """The four pairs of sister cities will be:

- Sialkot and Jinan, - Gujranwala and Harbin, - Taxila, and Luoyang, - Sargodha and Zibo.
"""

PAIR_BULLETS = """These twinning arrangements are in place:
• Tralee – Westlake Village, California
• Tralee – Blaxland Shire, Australia
• Tralee – St Malo, France
• Listowel – Downpatrick
"""

BILINGUAL_PAIR_LINES = """Xiangtan and Hengyang sign with African cities
The three new friendship city pairs are:
新签约的友好城市:
Xiangtan and Blantyre City, Malawi;
湘潭市—马拉维布兰太尔市;
Hengyang and the City of Arusha, Tanzania;
衡阳市—坦桑尼亚阿鲁沙市;
"""


MENU_OF_PLACES = """Regions
  • Gdańsk
  • Kraków
  • Warsaw
  • Wrocław
  • Poznań

Warsaw and Kyiv sign a memorandum of cooperation

The mayors of Warsaw and Kyiv signed a memorandum on cooperation in transport on Friday.
"""


@pytest.mark.parametrize("text, expected", [
    # a list of place lines with the page's own place among them is a menu, not its partners
    (MENU_OF_PLACES, {P({"Warsaw", "Kyiv"}): ("signed", None)}),
    (PARTNER_PAGE_NUMBERED, {P({"Osijek", "Pécs"}): ("signed", "1975-06-12"),
                             P({"Osijek", "Ingolstadt"}): ("signed", "1996-03-01"),
                             P({"Osijek", "Tuzla"}): ("signed", "2003-09-30")}),
    # a dated agreement is a signing, dated by its latest date (a renewal)
    (PARTNER_PAGE_COUNTRY_FIRST, {P({"Osijek", "Pécs"}): ("signed", "1998"),
                                  P({"Osijek", "Ingolstadt"}): ("signed", "1996-03-01"),
                                  P({"Osijek", "Nitra"}): ("signed", "2003-09-30")}),
    (PAIR_LINES, {P({"Holon", "Suresnes"}): ("established", None), P({"Ramla", "Vaughan"}): ("established", None),
                  P({"Nazareth", "Florence"}): ("established", None)}),
    # a line in the page's other script is the same entry translated: passed over
    (BILINGUAL_PAIR_LINES, {P({"Xiangtan", "Blantyre"}): ("established", None),
                            P({"Hengyang", "Arusha"}): ("established", None)}),
    # bulleted pairs run on in one line; an item with one place is passed over
    (PAIR_BULLETS_INLINE, {P({"Sialkot", "Jinan"}): ("established", None), P({"Gujranwala", "Harbin"}): ("established", None),
                           P({"Sargodha", "Zibo"}): ("established", None)}),
    # a bullet that is no pair we know is passed over; "St" is Saint
    (PAIR_BULLETS, {P({"Tralee", "Westlake Village"}): ("established", None),
                    P({"Tralee", "St Malo"}): ("established", None),
                    P({"Listowel", "Downpatrick"}): ("established", None)}),
])
def test_partner_pages(extractor, text, expected):
    records = extractor.extract(text)
    assert {P(p.text for p in r.parties): (r.status, r.date.value if r.date else None) for r in records} == expected


def test_section_heads_host_the_bulleted_partners_below_them(extractor):
    records = extractor.extract(SECTIONS)
    pairs = {P(p.name for p in r.parties) for r in records}
    assert pairs == {P({"Nelson", "Miyazu"}), P({"Nelson", "Eureka"}), P({"Nelson", "Huangshi"}),
                     P({"Timaru", "Orange"}), P({"Timaru", "Eniwa"}), P({"Timaru", "Weihai"})}
    # "USA" qualifies Eureka; it says nothing about which Nelson the page is about
    assert {p.country for r in records for p in r.parties if p.name == "Nelson"} == {"NZ"}


@pytest.mark.parametrize("text, expected", [
    ('Toronto has entered into "friendship" agreements with Quito and Warsaw.',
     {P({"Toronto", "Quito"}), P({"Toronto", "Warsaw"})}),
])
def test_quotes_inside_a_trigger(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


def test_a_step_takes_the_date_the_story_gives_it(extractor):
    text = ("Charlotte suspends sister city ties with Voronezh\n\n"
            "City leaders voted Monday night to put Charlotte's sister city ties on hold.\n\n"
            "The two cities have been partners since 1991.")
    (record,) = extractor.extract(text, published="2022-03-01")
    assert (record.status, record.date.value if record.date else None) == ("terminated", "2022-02-28")


def test_a_list_line_after_a_colon_gives_each_partner(extractor):
    text = "Sister Cities\n\nThe sister cities of Tbilisi are:\nNantes, Ljubljana, Atlanta, Palermo and Vilnius.\n"
    assert set(_pairs(extractor.extract(text))) == {P({"Tbilisi", x}) for x in
                                                    ("Nantes", "Ljubljana", "Atlanta", "Palermo", "Vilnius")}


@pytest.mark.parametrize("text, expected", [
    # a page about one city: "the two cities" are the place just named and the page's own city
    ("Sister cities of Tbilisi\n\nTbilisi has many partners abroad. The mayor of Tbilisi welcomes guests. "
     "Tbilisi is proud of its friends.\n\n"
     "Ljubljana is the capital of Slovenia. The two cities signed their partnership agreement on October 14, 1979.",
     {P({"Tbilisi", "Ljubljana"}): "1979-10-14"}),
    # a place named only in passing ("north of Lviv", "in Lviv") is not the story's own place
    ("Our clinic treated patients from Lviv. We visited a hospital in Lviv. The road north of Lviv was busy. "
     "The weather was fine.\n\n"
     "The trip went to Zhovkva, a small town. The two towns signed a memorandum of intent on 12 June 2023.", {}),
    # the other city is the one the page listed it under; the previous paragraph's town is not
    ("The partner towns of Kalisz are:\nHamm, Heerhugowaard and Tarnopol.\n\n"
     "Hamm lies in Westphalia and has a large port.\n\n"
     "Heerhugowaard is a town in North Holland. The two towns signed their agreement on 3 May 1991.",
     {P({"Kalisz", "Hamm"}): None, P({"Kalisz", "Heerhugowaard"}): "1991-05-03",
      P({"Kalisz", "Ternopil"}): None}),
    # "the two places", "the two capitals" refer back like "the two cities"
    ("Ohrid and Kutaisi could be formally twinned as soon as May next year, councillors heard. The two places "
     "signed a friendship agreement in 2016.", {P({"Ohrid", "Kutaisi"}): "2016"}),
    ("Skopje and Tbilisi held talks on twinning. The two capitals signed a friendship agreement in 2016.",
     {P({"Skopje", "Tbilisi"}): "2016"}),
])
def test_the_two_cities_with_one_named(extractor, text, expected):
    records = extractor.extract(text)
    assert {P(p.name for p in r.parties): r.date.value if r.date else None for r in records} == expected


@pytest.mark.parametrize("text, expected", [
    ("Toronto has entered into friendship agreements with Quito and Warsaw.",
     {P({"Toronto", "Quito"}): "signed", P({"Toronto", "Warsaw"}): "signed"}),
])
def test_concluding_an_agreement_is_a_signing(extractor, text, expected):
    assert _pairs(extractor.extract(text)) == expected


@pytest.mark.parametrize("text, code", [
    # the English stem of a region's local name, beside a region cue
    ("Warsaw signed an agreement with the Smolensk Region in 2005.", "RU-SMO"),
    ("Warsaw signed an agreement with the Stockholm Region in 2005.", "SE-AB"),
])
def test_regions_by_their_english_stem(extractor, text, code):
    assert code in {p.subdivision for r in extractor.extract(text) for p in r.parties}


@pytest.mark.parametrize("text, expected", [
    ("India and China agreed to set up sister-city relations between Delhi-Beijing, Bengaluru-Chengdu and "
     "Kolkata-Kunming.", {P({"Delhi", "Beijing"}), P({"Bengaluru", "Chengdu"}), P({"Kolkata", "Kunming"})}),
    # a hyphenated pair before a tie word names the pair, with a generic word too
    ("The Leeds-Dortmund partnership began in 1969.", {P({"Leeds", "Dortmund"})}),
    ("The Trowbridge-Leer twinning celebrates its 35th anniversary this year.", {P({"Trowbridge", "Leer"})}),
    # a hyphenated pair used as a modifier names a route, not a tie
    ("Saxony and Lower Silesia want to upgrade the Dresden-Wrocław railway line.", set()),
])
def test_hyphenated_town_pairs(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


def test_a_story_date_needs_one_of_the_pair_named(extractor, seed_text):
    """The seed's "In March 2022, the Ministry ... initiated the Marathon" names no place: it does
    not date "Poprád offered cooperation to Uzhhorod"."""
    records = extractor.extract(seed_text)
    (offer,) = [r for r in records if {p.name for p in r.parties} == {"Poprad", "Uzhhorod"}]
    assert (offer.status, offer.date) == ("proposed", None)


@pytest.mark.parametrize("text, expected", [
    # a termination only proposed is no step: the tie stays as it was
    ("Regina and Tula have been twinned since 1990. A councillor proposed to suspend the relationship with Tula.",
     "established"),
    ("Regina and Tula have been twinned since 1990. The council voted to suspend the relationship with Tula.",
     "terminated"),
    # asked for, denied or supposed: still no step
    ("Regina and Tula have been twinned since 1990. A councillor tabled a motion asking the city to suspend "
     "its relationship with Tula.", "established"),
    ("Regina and Tula have been twinned since 1990. Residents urged the council to end the link with Tula.",
     "established"),
    ("Regina keeps its sister-city link with Tula. No city in the province has severed a tie with a Russian "
     "partner.", "established"),
    ("Regina keeps its sister-city link with Tula. If we cut the ties with Tula, the mayor said, we lose "
     "our last channel.", "established"),
    ("Regina and Tula have been twinned since 1990. The council did not suspend the relationship with Tula.",
     "established"),
    ("Regina and Tula have been twinned since 1990. The link with Tula should be suspended, a councillor said.",
     "established"),
    # the main clause of a condition says what would follow
    ("Regina keeps its sister-city link with Tula. \"If we dropped the partnership, talks would no longer be "
     "possible,\" an official said.", "established"),
    ("Regina keeps its sister-city link with Tula, but if sanctions grow the council would end it.", "established"),
    # undone before it happened
    ("Regina and Tula have been twinned since 1990. The council overturned its decision to sever the "
     "relationship with Tula.", "established"),
    ("Regina and Tula have been twinned since 1990. A motion to end the link with Tula was defeated 9-3.",
     "established"),
    # a coordinated step of the same resolution is a step, not a request
    ("The resolution asks residents to help refugees and suspends the sister city relationship between "
     "Regina and Tula.", "terminated"),
    # an open question ("whether") is no step, and a vote on it decides no new tie
    ("Councillors in Regina will vote on whether to suspend the city's twinning with Tula.", "established"),
    ("Regina will look at whether, and how, to end its sister-city relationship with Tula.", "established"),
    # a stance against a termination, a termination turned down
    ("Regina City Council has said it is against breaking off its ties with its twin town Tula.", "established"),
    ("Regina has refused to cut its sister-city ties with Tula.", "established"),
    # a termination only promised or threatened; a candidate for office proposes nothing
    ("Regina and Tula have been twinned since 1990. While still a mayoral candidate, the mayor had promised to "
     "put an end to the link with Tula.", "established"),
    ("Regina and Tula have been twinned since 1990. The council threatened to cut its ties with Tula.",
     "established"),
    ("The council named Tula as a candidate for a sister city partnership with Regina.", "proposed"),
    # a vote that ends the tie is the termination, not a pending step
    ("Councillors in Regina voted to suspend the city's twinning with Tula.", "terminated"),
])
def test_a_proposed_termination_is_no_step(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert record.status == expected


@pytest.mark.parametrize("text, expected", [
    # a country's formal name in apposition: "Republic" is no town
    ("Sister city relations were established between Kunming, People's Republic of China, and Kolkata, "
     "Republic of India.", {P({"Kunming", "Kolkata"})}),
    ("The twinning agreement between Vitebsk, Republic of Belarus, and Gabrovo was signed.",
     {P({"Vitebsk", "Gabrovo"})}),
])
def test_formal_country_names_in_apposition(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    # a qualified name of the document still names one: a dated entry is a signing
    ("Partner cities of Gabrovo\n\n  Italy Verona Declaration on Regional Cooperation, 20.8.1992\n"
     "  Serbia Niš Agreement on Mutual Cooperation, 22.3.2001\n",
     {P({"Gabrovo", "Verona"}): ("signed", "1992-08-20"), P({"Gabrovo", "Niš"}): ("signed", "2001-03-22")}),
    # the country before the partner in its formal name ("Republic of", "People's Republic of")
    ("Partner cities of Gabrovo\n\nGabrovo keeps these ties.\n\n  Italy Verona Declaration on Regional "
     "Cooperation, 20.8.1992\n  Republic of Belarus Vitebsk Memorandum on Cooperation, 8.7.2015\n"
     "  People's Republic of China Wuhan Memorandum on Mutual Cooperation, 6.11.2012\n",
     {P({"Gabrovo", "Verona"}): ("signed", "1992-08-20"), P({"Gabrovo", "Vitebsk"}): ("signed", "2015-07-08"),
      P({"Gabrovo", "Wuhan"}): ("signed", "2012-11-06")}),
])
def test_qualified_agreement_names_on_partner_pages(extractor, text, expected):
    records = extractor.extract(text)
    assert {P(p.text for p in r.parties): (r.status, r.date.value if r.date else None) for r in records} == expected


def test_the_one_dated_step_dates_the_pairs_it_announced(extractor):
    text = ("On Sunday, May 21, memorandums of twinning were signed between two municipalities of the region and two "
            "towns in the state of Connecticut.\n\nSviatohirsk twinned with Easton, and Lyman with Westport.\n\n"
            "The regional administration reported the signing on its website.")
    records = extractor.extract(text, published="2023-05-22")
    assert {P(p.name for p in r.parties): r.date.value if r.date else None for r in records} == {
        P({"Svyatohirsk", "Easton"}): "2023-05-21", P({"Lyman", "Westport"}): "2023-05-21"}


@pytest.mark.parametrize("text, expected", [
    # "the resolution" takes the date of the sentence that reported it passed
    ("The Tulsa City Council on Wednesday, March 9, unanimously passed a resolution. The mayor had put the resolution "
     "forward.\n\nThe resolution suspends the official sister city relationship between Tulsa and Zelenograd.",
     "2022-03-09"),
    # a dated sentence about something else does not date it
    ("The Tulsa City Council on Wednesday, March 9, approved the budget.\n\nThe resolution suspends the official "
     "sister city relationship between Tulsa and Zelenograd.", None),
])
def test_a_decision_dated_before_it_is_named(extractor, text, expected):
    (record,) = extractor.extract(text, published="2022-03-11")
    assert (record.status, record.date.value if record.date else None) == ("terminated", expected)


@pytest.mark.parametrize("text, expected", [
    ("The mayor of Poznan held a video call with the mayor of Rennes, and the two signed a memorandum on friendly "
     "exchanges between their cities.", {P({"Poznań", "Rennes"}): "signed"}),
    # with three places "their cities" says nothing of which two
    ("The mayors of Poznan, Rennes and Kharkiv met, and signed a memorandum on exchanges between their cities.",
     {}),
])
def test_between_their_cities(extractor, text, expected):
    assert _pairs(extractor.extract(text)) == expected


@pytest.mark.parametrize("headline, expected", [
    # a Title Case headline's verb gives the status the tagger cannot see
    ("Des Moines Suspends Sister City Relationship With Stavropol", {P({"Des Moines", "Stavropol"}): "terminated"}),
    ("Dallas Mayor Signs Friendship Agreement With Kharkiv", {P({"Dallas", "Kharkiv"}): "signed"}),
    ("Springfield Council Approves Sister City Pact With Lviv", {P({"Springfield", "Lviv"}): "pending"}),
    ("Toledo Eyes Sister City Ties With Poltava", {P({"Toledo", "Poltava"}): "proposed"}),
])
def test_title_case_headlines(extractor, headline, expected):
    assert _pairs(extractor.extract(headline)) == expected


def test_the_two_towns_began_cooperating(extractor):
    text = "Examples of cooperation\n\nKalisz and Hamm\n\nThe two towns began cooperating in 1974."
    assert {P(p.name for p in r.parties): (r.status, r.date.value if r.date else None)
            for r in extractor.extract(text)} == {P({"Kalisz", "Hamm"}): ("established", "1974")}


@pytest.mark.parametrize("text, expected", [
    # people invited to an event, or help offered: no tie proposed
    ("Lund Twinning Club ran a chess cup together with Lund Council, inviting teams from the twin towns of Gouda "
     "in the Netherlands and Aalst in Belgium.", {P({"Lund", "Gouda"}): "established", P({"Lund", "Aalst"}): "established"}),
    ("Mayor of Lund invited the mayor of Gouda to the 20th anniversary of their twinning.",
     {P({"Lund", "Gouda"}): "established"}),
    # a place, a tie or a clause after the verb: a proposal
    ("Lund invited Gouda to become its sister city.", {P({"Lund", "Gouda"}): "proposed"}),
    ("Lund invited the town of Gouda into a partnership.", {P({"Lund", "Gouda"}): "proposed"}),
    ("Lund offered a twinning partnership to Gouda.", {P({"Lund", "Gouda"}): "proposed"}),
])
def test_an_invitation_of_people_proposes_no_tie(extractor, text, expected):
    got = _pairs(extractor.extract(text))
    for pair, status in expected.items():
        assert got.get(pair) == status


@pytest.mark.parametrize("text, expected", [
    # a signature still ahead: coordinated with an infinitive, a purpose, an arrangement
    ("The twinning charter of Lund and Gouda is to be revised and signed in June.", ("pending", None)),
    ("The mayors of Lund and Gouda met with a view to signing a twinning protocol.", ("pending", None)),
    ("Lund will sign a sister city agreement with Gouda. The signing is set for noon on 4 May 2021 at City Hall.",
     ("pending", None)),
    # a signing witnessed or done stays signed
    ("I am here to witness the signing of the sister city agreement between Lund and Gouda.", ("signed", None)),
    ("Lund and Gouda revised and signed their twinning charter on 4 May 2021.", ("signed", "2021-05-04")),
])
def test_a_signature_still_ahead_is_pending(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert (record.status, record.date.value if record.date else None) == expected


@pytest.mark.parametrize("text, expected", [
    # the celebration's date is not the tie's
    ("Lund and Gouda celebrated 25 years as twin towns last year.", None),
    ("Last year was the 30th anniversary of Lund's twinning with Gouda.", None),
    ("Lund has been a sister city of Gouda for decades, and the 40th anniversary of the tie falls in 2021.", None),
    # a date on the verb that began the tie, or a "since", still dates it
    ("Lund and Gouda marked the 25th anniversary of their partnership, formed in 1996, on Saturday.", "1996"),
    ("Lund and Gouda, twin towns since 1990, marked the anniversary with a concert.", "1990"),
])
def test_an_anniversary_does_not_date_the_tie(extractor, text, expected):
    (record,) = extractor.extract(text, published="2022-03-15")
    assert record.status == "established"
    assert (record.date.value if record.date else None) == expected


@pytest.mark.parametrize("text, expected", [
    # a renewed tie or document is signed again, dated by the latest renewal
    ("Lund and Gouda renewed their sister city agreement in 2019.", ("signed", "2019")),
    ("The twinning charter of Lund and Gouda was first signed in 1975 and renewed in 2004 and again in 2016.",
     ("signed", "2016")),
    ("Lund and Gouda signed a twinning charter in 1975. The charter between the two towns has since been "
     "renewed three times – in 1990, 2003 and 2014.", ("signed", "2014")),
    # renewing something else says only that the tie exists
    ("Lund, a twin town of Gouda since 1975, renewed its commitment to climate goals.", ("established", "1975")),
])
def test_a_renewal_is_the_latest_signing(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert (record.status, record.date.value if record.date else None) == expected


@pytest.mark.parametrize("text, expected", [
    # a draft not yet approved is a proposal
    ("A draft twinning charter between Lund and Gouda is still waiting for the minister's consent.", "proposed"),
    ("A draft law would make Lund a sister city of Gouda.", "proposed"),
    ("The mayors of Lund and Gouda signed a letter that asks both administrations to prepare a draft partnership "
     "agreement.", "proposed"),
    ("A draft charter twinning Lund with Gouda will not be approved before the spring.", "proposed"),
    # approving the draft is the decision
    ("Lund council approved a draft partnership agreement with Gouda.", "pending"),
])
def test_a_draft_is_a_proposal(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert record.status == expected


@pytest.mark.parametrize("text, expected", [
    # a request whose complement names a tie proposes it
    ("A councillor asked the council to look at a friendship-city link between Lund and Gouda.", "proposed"),
    ("Lund residents pushed for a sister city deal with Gouda.", "proposed"),
    # a question about a tie, or a request to end one, proposes nothing
    ("Lund and Gouda have been twin towns since 1990. A councillor asked how much the partnership with Gouda "
     "costs each year.", "established"),
    ("Lund and Gouda have been twin towns since 1990. Residents urged the council to end the link with Gouda.",
     "established"),
])
def test_a_request_for_a_tie_is_a_proposal(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert record.status == expected


@pytest.mark.parametrize("text, expected", [
    # a "when" clause happens at the date right before it
    ("Lund formed two such partnerships early in 1971, when the council adopted resolutions recognizing Gouda, "
     "Netherlands and Delft, Netherlands as official Sister Cities of the City of Lund.",
     {P({"Lund", "Gouda"}): "1971", P({"Lund", "Delft"}): "1971"}),
    ("The exchange began on Monday, when the mayors of Lund and Gouda signed a twinning charter.",
     {P({"Lund", "Gouda"}): "2022-03-14"}),
])
def test_a_when_clause_takes_the_date_before_it(extractor, text, expected):
    records = extractor.extract(text, published="2022-03-16")
    assert {P(p.name for p in r.parties): r.date.value if r.date else None for r in records} == expected


@pytest.mark.parametrize("text, expected", [
    # a decision about something else leaves the tie as it is
    ("Councillors voted to send blankets to Gouda, which has been Lund's twin town since 1990.", ("established", "1990")),
    # a decision whose action is a step or names a tie is the step
    ("The two mayors agreed to establish a sister city relationship between Lund and Gouda.", ("pending", None)),
    ("Councillors of Lund voted to sign a twinning charter with Gouda.", ("pending", None)),
])
def test_a_decision_on_something_else_is_no_step(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert (record.status, record.date.value if record.date else None) == expected


@pytest.mark.parametrize("text, expected", [
    # a statement's date is not an existing tie's
    ("Lund council confirmed last week that its twinning with Gouda will not be revoked.", None),
    ("The mayor wrote on 25 January to his counterpart in Lund's twin town Gouda.", None),
    # a date on the verb that forms the tie still dates it
    ("Lund and Gouda became twin towns in 1990, the mayor said.", "1990"),
])
def test_a_statement_does_not_date_an_existing_tie(extractor, text, expected):
    (record,) = extractor.extract(text, published="2022-03-16")
    assert record.status == "established"
    assert (record.date.value if record.date else None) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a step in a "when" clause inside a longer one happens at the date right before "when"
    ("A framework for this has existed since 2001, when Sarajevo and Zagreb signed their cooperation "
     "agreement.", None, "2001"),
    ("The exchange programme has run since 1994, when Ohrid and Kutaisi signed a twinning charter.", None, "1994"),
    # the ceremony the story's signing happened at dates it
    ("Ohrid and Kutaisi have signed a twinning agreement. The short ceremony was held in Ohrid on Wednesday "
     "June 26, 2024, before both mayors.", None, "2024-06-26"),
    ("Ohrid and Kutaisi have signed a twinning agreement. The signing took place in Ohrid on 3 May 2021.", None,
     "2021-05-03"),
    # a date that hangs on a verb in the future or on an expectation, however far away, is a plan
    ("The budget was passed in 2021. Ohrid's partnership with Kutaisi will be the focus of a citizens' "
     "festival in the palace gardens in June, the mayor said.", None, None),
    ("The budget was passed in 2021. Ohrid is twinned with Kutaisi, and delegations from Kutaisi are expected "
     "at the town's summer regatta in June.", None, None),
    # a tie restated on a day is not made that day
    ("The mayors of Ohrid and Kutaisi reaffirmed their cities' partnership at a meeting on Monday. Ohrid and "
     "Kutaisi have been partner cities since 1990.", "2023-10-11", "1990"),
    # the history of a place's name does not date its tie
    ("Kropyvnytskyi, known until 2016 as Kirovohrad, is also twinned with Jelgava in Latvia.", None, None),
    ("Tver, which was renamed in 1990, is twinned with Bielefeld.", None, None),
    # the later of two dated mentions of the same step is the step the pair reached last
    ("Ohrid put its twinning with Kursk on hold in February 2022. In April 2023 the council of Ohrid formally "
     "ended the twinning with Kursk.", "2023-05-02", "2023-04"),
    # the day a step was reported on is not the day of the step
    ("Ohrid said on the 22nd that it had signed a sister city agreement with Kutaisi on the 21st.", "2023-05-02",
     "2023-04-21"),
    # a date in a relative clause about something else does not date the step
    ("The town of Ohrid and the city of Kutaisi, which has been shelled almost daily since its liberation in "
     "November 2022, signed a memorandum of partnership yesterday.", "2023-10-05", "2023-10-04"),
    ("The agreement with the Russian city of Kursk, signed in 2007, was terminated by a decision of the Ohrid "
     "City Council on 3 March 2022.", "2024-02-12", "2022-03-03"),
    # a ceremony of another kind is no signing
    ("Ohrid and Kutaisi have signed a twinning agreement. A wreath-laying ceremony was held in Ohrid on "
     "3 May 2021.", None, None),
])
def test_step_dates_as_real_reporting_gives_them(extractor, text, published, expected):
    (record,) = extractor.extract(text, published=published)
    assert (record.date.value if record.date else None) == expected


@pytest.mark.parametrize("text, expected", [
    # a tie that lasts "since then" began with the signing the sentence before told
    ("In October 2013 the mayor of Ohrid signed twinning agreements with two Georgian towns. Since then Ohrid has "
     "been a sister city to Kutaisi and Batumi.",
     {P({"Ohrid", "Kutaisi"}): ("signed", "2013-10"), P({"Ohrid", "Batumi"}): ("signed", "2013-10")}),
    ("In 1995 the mayors signed a friendship agreement in Ohrid. Ever since then Ohrid and Kutaisi have been "
     "sister cities.", {P({"Ohrid", "Kutaisi"}): ("signed", "1995")}),
    # ... and with nothing else
    ("Ohrid hosted a wine festival in 1995. Since then Ohrid and Kutaisi have been sister cities.",
     {P({"Ohrid", "Kutaisi"}): ("established", None)}),
])
def test_since_then(extractor, text, expected):
    records = extractor.extract(text)
    assert {P(p.name for p in r.parties): (r.status, r.date.value if r.date else None) for r in records} == expected


@pytest.mark.parametrize("text, expected", [
    # moving or working towards a tie proposes it; "the first step towards" names the step that was taken
    ("Ohrid and Kutaisi are moving towards a twinning agreement.", "proposed"),
    ("Ohrid and Kutaisi are working toward a sister city partnership.", "proposed"),
    ("Ohrid and Kutaisi signed a pact of friendship on Saturday, the first step towards a formal twinning.",
     "signed"),
    # an infinitive with its own subject after "for" is a wish, not a decision
    ("This may be one of the last chances for Ohrid to twin with a free Kutaisi.", "proposed"),
    ("Councillors submitted a motion for Ohrid to sign a twinning charter with Kutaisi.", "proposed"),
    ("Ohrid's council agreed to sign a twinning charter with Kutaisi.", "pending"),
])
def test_towards_a_tie(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert record.status == expected


@pytest.mark.parametrize("text, expected", [
    # interest in a tie proposes it; interest in something else proposes nothing
    ("Ohrid has expressed interest in establishing sister city relations with Kutaisi.", "proposed"),
    ("Ohrid's council showed interest in a twinning with Kutaisi.", "proposed"),
    ("Ohrid and Kutaisi have been sister cities since 1990; the ties rest on history and on interest in "
     "comparing notes.", "established"),
])
def test_interest_in_a_tie(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert record.status == expected


@pytest.mark.parametrize("text, expected", [
    # a decision to do more within a tie that exists is no step towards a new one
    ("The mayors of Ohrid and Kutaisi reaffirmed their cities' partnership on Monday, agreeing to extend "
     "cooperation to the rebuilding of schools.", "established"),
    ("Ohrid and Kutaisi, partner cities since 1990, agreed to deepen their cooperation in tourism.", "established"),
    # ... and so is an intent to do more within it
    ("Kutaisi, Ohrid's sister city, is ready to develop and deepen its cooperation with Ohrid.", "established"),
    ("Ohrid and Kutaisi are now twin cities. The mayor thanked partners who are ready to develop and deepen "
     "cooperation with Ohrid and Kutaisi.", "established"),
    # a decision to make the tie still is
    ("The councils of Ohrid and Kutaisi agreed to establish a sister city partnership.", "pending"),
])
def test_decisions_within_a_tie(extractor, text, expected):
    (record,) = extractor.extract(text)
    assert record.status == expected


@pytest.mark.parametrize("text, expected", [
    # the next sentence says when the tie was made
    ("Ohrid is a sister city of Kutaisi, Georgia. The relationship was formally established by the mayor on "
     "June 25, 2005.", {P({"Ohrid", "Kutaisi"}): "2005-06-25"}),
    ("Ohrid and Kutaisi are partner towns. The partnership was founded in 1994 by two school teachers.",
     {P({"Ohrid", "Kutaisi"}): "1994"}),
    # after a list, it dates only the pair of the place named at its verb
    ("Ohrid's sister cities are Kutaisi (Georgia), Tartu (Estonia) and Kolding (Denmark). The relationship with "
     "Kutaisi, established in 1971, is the oldest.",
     {P({"Ohrid", "Kutaisi"}): "1971", P({"Ohrid", "Tartu"}): None, P({"Ohrid", "Kolding"}): None}),
    # ... and the other listed places, each with its own year right after it, take theirs
    ("Ohrid's sister cities are Kutaisi (Georgia), Tartu (Estonia) and Kolding (Denmark). Ohrid first twinned "
     "with Kutaisi, established in 1971; Tartu followed in 1990 and Kolding in 2004.",
     {P({"Ohrid", "Kutaisi"}): "1971", P({"Ohrid", "Tartu"}): "1990", P({"Ohrid", "Kolding"}): "2004"}),
])
def test_a_follow_up_sentence_dates_the_founding(extractor, text, expected):
    records = extractor.extract(text)
    assert {P(p.name for p in r.parties): r.date.value if r.date else None for r in records} == expected


NEW_PAIRS_ROUNDUP = """Hunan widens its circle of friends

Four Hunan–Africa pairs signed agreements to become friendship cities on June 13 at a trade fair in Changsha.

Through such fairs Hunan has become one of the provinces most active in trade with Africa.

The four new friendship city pairs are:
Changsha and Lilongwe, Malawi;
Yueyang and Dodoma, Tanzania;
"""


@pytest.mark.parametrize("text, expected", [
    # a list its header calls new gives the pairs the story's one dated step made
    (NEW_PAIRS_ROUNDUP, {P({"Changsha", "Lilongwe"}): ("signed", "2025-06-13"),
                         P({"Yueyang", "Dodoma"}): ("signed", "2025-06-13")}),
    # without "new" the list may be of older pairs
    (NEW_PAIRS_ROUNDUP.replace("four new", "four"), {P({"Changsha", "Lilongwe"}): ("established", None),
                                                      P({"Yueyang", "Dodoma"}): ("established", None)}),
])
def test_a_list_of_new_pairs_takes_the_story_step(extractor, text, expected):
    records = extractor.extract(text, published="2025-06-18")
    assert {P(p.name for p in r.parties): (r.status, r.date.value if r.date else None) for r in records} == expected


@pytest.mark.parametrize("text, expected", [
    ("Trowbridge and its German twin Leer exchanged gifts.", {P({"Trowbridge", "Leer"})}),
    ("Bath and Aix-en-Provence, its French twin, have been linked since 1977.", {P({"Bath", "Aix-en-Provence"})}),
    # other twins
    ("Kuala Lumpur and its twin towers attract tourists from Singapore.", set()),
    ("Mayor Jones of Leeds and his twin brother visited Dortmund.", set()),
])
def test_its_twin_names_the_partner(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    # the decision names the country, a list names the partners
    ("Trowbridge council voted to cut ties with its Russian sister cities. Trowbridge has four sister cities: "
     "Leer (Germany), Elbląg (Poland), Kostroma and Tula (Russia).",
     {"Kostroma": "terminated", "Tula": "terminated", "Leer": "established", "Elbląg": "established"}),
    ("Trowbridge severed ties with its sister cities in Russia. The town was twinned with Kostroma and with "
     "Leer in Germany.", {"Kostroma": "terminated", "Leer": "established"}),
    # a cut only put to the vote ends nothing
    ("Exeter City Council to vote on suspension of Russian twinning. Exeter has been twinned with Yaroslavl "
     "since 1990.", {"Yaroslavl": "established"}),
    ("Trowbridge will cut ties with its Russian sister cities. Trowbridge is twinned with Kostroma.",
     {"Kostroma": "established"}),
])
def test_ties_cut_by_country_end_the_listed_partners_there(extractor, text, expected):
    """"Cut ties with its sister cities in Russia" names no partner; the story's partners in
    that country are the ties it ends (rules/country_cuts.py)."""
    records = extractor.extract(text)
    assert {p.name: r.status for r in records for p in r.parties if p.country != "GB"} == expected


@pytest.mark.parametrize("text, expected", [
    ("Trowbridge's twin towns are Leer in Germany, Charenton-le-Pont in France and Elbląg in Poland.",
     {P({'Charenton-le-Pont', 'Trowbridge'}), P({'Elbląg', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}),
    ('Trowbridge has two twin towns: Leer (Germany) and Charenton-le-Pont (France).',
     {P({'Charenton-le-Pont', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}),
    ("Leer and Charenton-le-Pont are among Trowbridge's twin towns.",
     {P({'Charenton-le-Pont', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}),
    ("A delegation from Leer, Trowbridge's twin town in Germany, arrived on Friday.",
     {P({'Leer', 'Trowbridge'})}),
    ('Trowbridge welcomed visitors from its German twin town Leer last weekend.',
     {P({'Leer', 'Trowbridge'})}),
    ('Trowbridge, which has been twinned with Leer since 1989, will host the festival.',
     {P({'Leer', 'Trowbridge'})}),
    ('The Trowbridge-Leer twinning celebrates its 35th anniversary this year.',
     {P({'Leer', 'Trowbridge'})}),
    ('The twinning of Trowbridge and Leer dates back to 1989.',
     {P({'Leer', 'Trowbridge'})}),
    ('Trowbridge and its German twin Leer exchanged gifts.',
     {P({'Leer', 'Trowbridge'})}),
    ('Leer, Germany, and Trowbridge, England, have been partner towns since 1989.',
     {P({'Leer', 'Trowbridge'})}),
    ('Pittsburgh has sister-city ties with Wuxi, China, and Sheffield, England.',
     {P({'Pittsburgh', 'Sheffield'}), P({'Pittsburgh', 'Wuxi'})}),
    ('Officials from Wuxi, a sister city of Pittsburgh, toured the riverfront.',
     {P({'Pittsburgh', 'Wuxi'})}),
    ('The sister-city relationship between Pittsburgh and Wuxi was formed in 2017.',
     {P({'Pittsburgh', 'Wuxi'})}),
    ('Pittsburgh Mayor Ed Gainey signed a sister city agreement with Wuxi, China, on Tuesday.',
     {P({'Pittsburgh', 'Wuxi'})}),
    ("Denver's 10 sister cities include Kunming, China, and Brest, France.",
     {P({'Brest', 'Denver'}), P({'Denver', 'Kunming'})}),
    ('Denver and Kunming, China, marked 40 years as sister cities.',
     {P({'Denver', 'Kunming'})}),
    ('Tacoma, Washington, and Kitakyushu, Japan, are celebrating the 65th anniversary of their sister city relationship.',
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma suspended its sister city relationship with Vladivostok, Russia.',
     {P({'Tacoma', 'Vladivostok'})}),
    ('Tacoma suspended ties with Vladivostok but kept its relationship with Kitakyushu.',
     {P({'Kitakyushu', 'Tacoma'}), P({'Tacoma', 'Vladivostok'})}),
    ('The mayor of Tacoma visited Kitakyushu for a conference on port logistics.',
     set()),
    ('Tacoma signed a trade agreement with a company based in Kitakyushu.',
     set()),
    ('An aid convoy from Trowbridge reached Lviv on Monday.',
     set()),
    ('The University of Leeds signed a partnership agreement with the University of Kyiv.',
     set()),
    ('Students from Trowbridge visited Leer on a school exchange.',
     set()),
    ('Lviv and Wrocław signed a partnership agreement in 2003.',
     {P({'Lviv', 'Wrocław'})}),
    ("The US state of Ohio and Ukraine's Kharkiv region signed a sister-state agreement.",
     {P({'Kharkivska oblast', 'Ohio'})}),
    ('Ohio and the Kharkiv region of Ukraine have signed a memorandum of partnership.',
     {P({'Kharkivska oblast', 'Ohio'})}),
    ('Cork is twinned with Coburg in Germany and Rennes in France.',
     {P({'Coburg', 'Cork'}), P({'Cork', 'Rennes'})}),
    ("Galway's sister cities include Chicago and Seattle in the United States.",
     {P({'Chicago', 'Galway'}), P({'Galway', 'Seattle'})}),
    ('Bath and Aix-en-Provence, its French twin, have been linked since 1977.',
     {P({'Aix-en-Provence', 'Bath'})}),
    ('Edinburgh and Kyiv have been twin cities since 1989, the council said.',
     {P({'Edinburgh', 'Kyiv'})}),
    ("Kyiv is one of Edinburgh's oldest twin cities.",
     {P({'Edinburgh', 'Kyiv'})}),
    ('Lord Provost Robert Aldridge said the city would continue to support its twin city Kyiv.',
     set()),
    ('Edinburgh suspended its twinning with St Petersburg.',
     {P({'Edinburgh', 'Saint Petersburg'})}),
    ('Kraków is twinned with Lviv and Kyiv in Ukraine.',
     {P({'Kraków', 'Kyiv'}), P({'Kraków', 'Lviv'})}),
    ("Coventry's link with Volgograd, the first twinning of its kind, was suspended in 2022.",
     {P({'Coventry', 'Volgograd'})}),
    ('Coventry, which is twinned with Volgograd and Dresden, is known as a city of peace.',
     {P({'Coventry', 'Dresden'}), P({'Coventry', 'Volgograd'})}),
    ('The Leeds-Dortmund partnership began in 1969.',
     {P({'Dortmund', 'Leeds'})}),
    ("Dortmund, Leeds' twin city in Germany, sent a brass band.",
     {P({'Dortmund', 'Leeds'})}),
    ('Leeds has been twinned with the German city of Dortmund since 1969.',
     {P({'Dortmund', 'Leeds'})}),
    ('Leeds City Council and the City of Dortmund renewed their twinning agreement.',
     {P({'Dortmund', 'Leeds'})}),
    ('Ennis is twinned with Phoenix, Arizona, and Saint-Paul-de-Fenouillet, France.',
     {P({'Ennis', 'Phoenix'}), P({'Ennis', 'Saint-Paul-de-Fenouillet'})}),
    ('Sister cities of Tacoma: Kitakyushu, Japan (1959); Vladivostok, Russia (1991); Kunsan, South Korea (1979).',
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'}), P({'Tacoma', 'Vladivostok'})}),
    ("Tacoma's sister cities are:\nKitakyushu, Japan\nKunsan, South Korea",
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ('Sister Cities\n\nTacoma has the following sister cities:\n• Kitakyushu, Japan – since 1959\n• Kunsan, South Korea – since 1979',
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma currently has two sister cities, namely Kitakyushu in Japan and Kunsan in South Korea.',
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma maintains sister city relationships with Kitakyushu (Japan) and Kunsan (South Korea).',
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ('The sister cities of Tacoma include Kitakyushu and Kunsan, South Korea,.',
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ("Kitakyushu and Kunsan, South Korea, are Tacoma's sister cities.",
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma, which has sister cities in Kitakyushu and Kunsan, South Korea,, hosted the event.',
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ("Tacoma's sister cities, Kitakyushu and Kunsan, South Korea,, sent delegations.",
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ("Delegations from Tacoma's sister cities Kitakyushu (Japan) and Kunsan (South Korea) attended.",
     {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
    ("Kitakyushu has been Tacoma's sister city since 1959.",
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma has been a sister city of Kitakyushu since 1959.',
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma and Kitakyushu: 65 years of sister city friendship',
     {P({'Kitakyushu', 'Tacoma'})}),
    ("Kitakyushu (Japan) – Tacoma's oldest sister city, since 1959",
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Leer has two partner towns: Trowbridge in England and Elbląg in Poland.',
     {P({'Elbląg', 'Leer'}), P({'Leer', 'Trowbridge'})}),
    ("Leer's partner towns include Trowbridge (UK) and Elbląg (Poland).",
     {P({'Elbląg', 'Leer'}), P({'Leer', 'Trowbridge'})}),
    ('Partner towns of Leer\nTrowbridge (England) since 1989\nElbląg (Poland) since 1996',
     {P({'Elbląg', 'Leer'}), P({'Leer', 'Trowbridge'})}),
    ("Lviv's sister cities in Poland are Wrocław, Kraków and Lublin.",
     {P({'Kraków', 'Lviv'}), P({'Lublin', 'Lviv'}), P({'Lviv', 'Wrocław'})}),
    ('Lviv has sister-city agreements with three Polish cities: Wrocław, Kraków and Lublin.',
     {P({'Kraków', 'Lviv'}), P({'Lublin', 'Lviv'}), P({'Lviv', 'Wrocław'})}),
    ('Lviv has partnership agreements with the Polish cities of Wrocław, Kraków and Lublin.',
     {P({'Kraków', 'Lviv'}), P({'Lublin', 'Lviv'}), P({'Lviv', 'Wrocław'})}),
    ('Trowbridge Town Council\nTwinning\nTrowbridge is twinned with:\nLeer, Germany\nElbląg, Poland',
     {P({'Elbląg', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}),
    ("Paris, Hamburg and Madrid became Kyiv's new sister cities.",
     {P({'Hamburg', 'Kyiv'}), P({'Kyiv', 'Madrid'}), P({'Kyiv', 'Paris'})}),
    ('Kyiv signed sister city agreements with Paris, Hamburg and Madrid in 2023.',
     {P({'Hamburg', 'Kyiv'}), P({'Kyiv', 'Madrid'}), P({'Kyiv', 'Paris'})}),
    ("Kyiv's sister cities now include Paris and Hamburg, the mayor said.",
     {P({'Hamburg', 'Kyiv'}), P({'Kyiv', 'Paris'})}),
    pytest.param('Members of the Trowbridge Twinning Association travelled to Leer to mark 35 years of friendship between the two towns.',
                 {P({'Leer', 'Trowbridge'})}, marks=pytest.mark.xfail(reason="not handled yet", strict=True)),
    pytest.param('The city is twinned with Aix-en-Provence, Braunschweig and Kaposvár, Bath council said.',
                 {P({'Aix-en-Provence', 'Bath'}), P({'Bath', 'Braunschweig'}), P({'Bath', 'Kaposvár'})}, marks=pytest.mark.xfail(reason="not handled yet", strict=True)),
    pytest.param('In addition to Kitakyushu, Tacoma has a sister city relationship with Kunsan, South Korea.',
                 {P({'Gunsan', 'Tacoma'}), P({'Kitakyushu', 'Tacoma'})}),
])
def test_everyday_pair_phrasing(extractor, text, expected):
    """Common ways news and partner pages name a pair or a host's partners, written for the rules
    (not from any gold document): lists, appositions, possessives, distractors with no tie."""
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ('Trowbridge signed a twinning charter with Kostopil in Ukraine on Saturday. The town is already twinned with Leer in Germany.',
     {P({'Kostopil', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}),
    ("Kostopil becomes Trowbridge's second twin town after Leer in Germany.",
     {P({'Kostopil', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}),
    ('The mayor of Trowbridge, who visited Leer last year, signed a twinning charter with Kostopil in Ukraine.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('Trowbridge signed a twinning charter with Kostopil in Ukraine. The ceremony took place in Leer, Germany, during a conference.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('Trowbridge signed a twinning charter with Kostopil, a town of 30,000 people about 50 km north of Rivne.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('Trowbridge signed a twinning charter with Kostopil, which lies in the Rivne region of Ukraine.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('The twinning charter between Trowbridge and Kostopil was signed in Warsaw.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('Trowbridge and Kostopil signed a twinning charter. Many Kostopil residents fled to Poland and Germany after the invasion.',
     {P({'Kostopil', 'Trowbridge'})}),
    ("Des Moines suspended its relationship with Stavropol, Russia. The city's other sister cities, Naples in Italy and Kofu in Japan, are not affected.",
     {P({'Des Moines', 'Kofu'}), P({'Des Moines', 'Naples'}), P({'Des Moines', 'Stavropol'})}),
    ('Dallas suspended ties with Saratov. Dallas remains a sister city of Taipei.',
     {P({'Dallas', 'Saratov'}), P({'Dallas', 'Taipei'})}),
    ('Dallas suspended ties with Saratov, while Austin kept its twinning with Koblenz in Germany.',
     {P({'Austin', 'Koblenz'}), P({'Dallas', 'Saratov'})}),
    ('Galway was twinned with Moscow until 2022, when the council voted to end the link.',
     {P({'Galway', 'Moscow'})}),
    ("Coventry and Volgograd were the world's first twin cities.",
     {P({'Coventry', 'Volgograd'})}),
    ('Coventry, the first city to twin with Volgograd, suspended the link in 2022.',
     {P({'Coventry', 'Volgograd'})}),
    pytest.param("Trowbridge signed a twinning charter with Kostopil in Ukraine on Saturday. Kostopil joins Leer and Elbląg, the town's other twins.",
                 {P({'Elbląg', 'Trowbridge'}), P({'Kostopil', 'Trowbridge'}), P({'Leer', 'Trowbridge'})}, marks=pytest.mark.xfail(reason="not handled yet", strict=True)),
])
def test_ties_named_in_passing(extractor, text, expected):
    """A story about one tie names the host's older ties, venues, visits and where a town lies:
    the older ties are pairs, the rest are not (probe sentences written for the rules). A place in a
    relative clause set off by commas before the trigger ("who visited Leer last year") is no party."""
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Port of Baltimore now has sister-port agreements with Kaohsiung, Taiwan; Gdynia, Poland; and Genoa, Italy.",
     set()),
    ("Trowbridge High School signed a sister school agreement with a school in Leer, Germany.", set()),
    ("The Port of Tacoma and the Port of Kitakyushu renewed their sister port relationship.", set()),
    ("Trowbridge, whose sister school is in Leer, is twinned with Leer in Germany.", {P({"Trowbridge", "Leer"})}),
])
def test_sister_institutions_are_no_municipal_tie(extractor, text, expected):
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bogotá signed cooperation instruments with three cities\n\nToday the mayor signed two memoranda of "
     "understanding, with the Chinese cities of Guangzhou and Chengdu, and a letter of intent with the city of Xi'an.",
     {P({"Bogotá", "Guangzhou"}), P({"Bogotá", "Chengdu"}), P({"Bogotá", "Xi’an"})}),
    ("Since that first link with Odessa, Vancouver has also been linked with Yokohama (Japan) and Edinburgh "
     "(Scotland).", {P({"Vancouver", "Yokohama"}), P({"Vancouver", "Edinburgh"})}),
])
def test_lists_after_with_are_the_hosts_partners(extractor, text, expected):
    """Places that all stand after "with" are the story's host's partners, not each other's."""
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ohio renews partnership with Kharkiv region\n\nRELATED: Cincinnati, Kharkiv renew sister city partnership "
     "during wartime\n\nOhio and the Kharkiv region signed a memorandum on Thursday.",
     {P({"Ohio", "Kharkivska oblast"})}),
    ("Leer and Trowbridge signed a twinning charter.\n\nRelated stories\nLviv and Wrocław sign partnership "
     "agreement\nTacoma suspends ties with Vladivostok\n\nContact us", {P({"Leer", "Trowbridge"})}),
])
def test_related_links_are_other_stories(extractor, text, expected):
    """A related-links teaser names another story's pair (patterns/boilerplate.jsonl)."""
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ('Trowbridge to twin with Ukrainian town\n\nThe town council voted on Tuesday to twin with Kostopil in the Rivne region of Ukraine.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('Trowbridge Town Council\n\nThe council has agreed a twinning link with Kostopil, Ukraine.',
     {P({'Kostopil', 'Trowbridge'})}),
    ("TROWBRIDGE — The town's new twin, Kostopil in Ukraine, sent a delegation this week.",
     {P({'Kostopil', 'Trowbridge'})}),
    ("Trowbridge welcomed Ukrainian visitors on Saturday. The guests came from Kostopil, the town's new twin.",
     {P({'Kostopil', 'Trowbridge'})}),
    ("Trowbridge's mayor spoke at the ceremony. The town signed a twinning charter with Kostopil in Ukraine.",
     {P({'Kostopil', 'Trowbridge'})}),
    ('Trowbridge has a new partner. The town council signed a friendship agreement with Kostopil, Ukraine, on Monday.',
     {P({'Kostopil', 'Trowbridge'})}),
    ('The City of Tacoma celebrated its sister city relationship with Kitakyushu, Japan, on Friday.',
     {P({'Kitakyushu', 'Tacoma'})}),
    ("Tacoma Mayor Victoria Woodards signed a proclamation marking 65 years of the city's sister city relationship with Kitakyushu.",
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Officials from Kitakyushu visited Tacoma this week. The two cities have been sister cities since 1959.',
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Tacoma and Kitakyushu have much in common. Both cities are ports, and they became sister cities in 1959.',
     {P({'Kitakyushu', 'Tacoma'})}),
    ('Lviv and Wrocław have been partners for 20 years. On Monday, the mayors of both cities signed a new agreement.',
     {P({'Lviv', 'Wrocław'})}),
    pytest.param("Officials from Kitakyushu visited Tacoma this week. The city has been Tacoma's sister city since 1959.",
                 {P({'Kitakyushu', 'Tacoma'})}, marks=pytest.mark.xfail(reason="not handled yet", strict=True)),
    pytest.param('Wrocław mayor Jacek Sutryk visited Lviv on Monday. He and Lviv mayor Andriy Sadovyi signed a partnership agreement.',
                 {P({'Lviv', 'Wrocław'})}, marks=pytest.mark.xfail(reason="not handled yet", strict=True)),
])
def test_the_host_named_once(extractor, text, expected):
    """The story's place named once (headline, dateline, first sentence) and then "the town",
    "the city's", "the town's new twin" (probe sentences written for the rules)."""
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trowbridge is looking for a twin town in Ukraine.", set()),
    ("Trowbridge has 12 sister cities around the world.", set()),
    ("Trowbridge, which is twinned with Leer, is looking for a second twin town in Ukraine.",
     {P({"Trowbridge", "Leer"})}),
    ("Trowbridge and Leer played a friendly football match on Saturday.", set()),
    ("The mayor of Trowbridge met the mayor of Leer at a conference in Brussels on town twinning.", set()),
    ("A conference on town twinning was held in Lviv, where the mayors of Lviv and Lublin signed a partnership "
     "agreement.", {P({"Lviv", "Lublin"})}),
])
def test_partners_unnamed_and_twinning_as_a_topic(extractor, text, expected):
    """A partner only sought names no pair, nor does twinning as the topic of a conference."""
    assert set(_pairs(extractor.extract(text))) == expected


@pytest.mark.parametrize("text, expected", [
    # a status word inside a place's name is no cue ("Broken Hill" is not "broken")
    ("Harrow will look into twinning with Broken Hill in Australia.", {P({"Harrow", "Broken Hill"}): "proposed"}),
    # "au" joins a name as "de" and "la" do
    ("Cap-Haïtien signed a twinning agreement with Port au Prince.", {P({"Cap-Haïtien", "Port-au-Prince"}): "signed"}),
])
def test_names_with_ordinary_words_inside(extractor, text, expected):
    assert {P(p.name for p in r.parties): r.status for r in extractor.extract(text)} == expected
