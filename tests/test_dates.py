"""Date finding and resolution: every rule on short sentences of its own.

Expectations are (text, value, precision) triples for all mentions in reading order, so a test
also fails when something extra is found. PUB is a Wednesday.
"""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from twin_extract.dates import DateMention, find_dates

PUB = "2023-03-15"

Expected = list[tuple[str, str | None, str | None]]


def triples(text: str, published: str | datetime.date | None = None) -> Expected:
    return [(m.text, m.value, m.precision) for m in find_dates(text, published)]


ABSOLUTE: list[tuple[str, Expected]] = [
    ("The pact was signed on 12 March 2023.", [("on 12 March 2023", "2023-03-12", "day")]),
    ("It was signed March 12, 2023 in Lviv.", [("March 12, 2023", "2023-03-12", "day")]),
    ("Signed on the 1st of June 2021.", [("on the 1st of June 2021", "2021-06-01", "day")]),
    ("Signed 5 Sept. 2021 and Dec 3, 2020.",
     [("5 Sept. 2021", "2021-09-05", "day"), ("Dec 3, 2020", "2020-12-03", "day")]),
    ("Dated 2023-03-12.", [("2023-03-12", "2023-03-12", "day")]),
    ("Dated 12.03.2023.", [("12.03.2023", "2023-03-12", "day")]),
    ("Dated on 5.3.2023, in Kyiv.", [("on 5.3.2023", "2023-03-05", "day")]),
    ("Dated 25/12/2022.", [("25/12/2022", "2022-12-25", "day")]),
    ("Dated 12/03/2023.", [("12/03/2023", None, None)]),
    ("In March 2023 the cities met.", [("In March 2023", "2023-03", "month")]),
    ("It happened in MARCH 2023.", [("in MARCH 2023", "2023-03", "month")]),
    ("Back in March of 2019 they met.", [("in March of 2019", "2019-03", "month")]),
    ("By mid-June 2024 it will be ready.", [("By mid-June 2024", "2024-06", "month")]),
    ("At the end of May 2022 they met.", [("the end of May 2022", "2022-05", "month")]),
    ("On Monday, 12 March 2023, the mayor flew in.",
     [("On Monday, 12 March 2023", "2023-03-12", "day")]),
    ("On 30 February 2023 nothing happened.", [("On 30 February 2023", None, None)]),
]

YEARS: list[tuple[str, Expected]] = [
    ("In 2022 the cities became partners.", [("In 2022", "2022", "year")]),
    ("They have been partners since 2015.", [("since 2015", "2015", "year")]),
    ("The plan runs until 2030.", [("until 2030", "2030", "year")]),
    ("Talks started in early 2023.", [("in early 2023", "2023", "year")]),
    ("By mid-2024 the bridge is rebuilt.", [("By mid-2024", "2024", "year")]),
    ("Late 2021 saw the first visit.", [("Late 2021", "2021", "year")]),
    ("They met in the summer of 2022.", [("in the summer of 2022", "2022", "year")]),
    ("They met in autumn 2020.", [("in autumn 2020", "2020", "year")]),
    ("They met in the fall of 2019.", [("in the fall of 2019", "2019", "year")]),
    ("The accord of 1998 still holds.", [("1998", "1998", "year")]),
    ("It was the year 2000.", [("the year 2000", "2000", "year")]),
    ("Signed at the end of 2022.", [("the end of 2022", "2022", "year")]),
    ("Ties date back to the first half of 1995.", [("the first half of 1995", "1995", "year")]),
    # "dates back to": the year a tie began
    ("The friendship dates back to 1987.", [("1987", "1987", "year")]),
    ("Our link goes back to 2004, when a choir visited.", [("2004", "2004", "year")]),
    # the other years of a list a cued year starts
    ("Renewed in 1990, 2003 and 2014.", [("in 1990", "1990", "year"), ("2003", "2003", "year"), ("2014", "2014", "year")]),
    ("In 2001 and 2005, 2000 people came.", [("In 2001", "2001", "year"), ("2005", "2005", "year")]),
    # a year modifying a noun after a determiner dates what the noun names
    ("The 2022 agreement is in force.", [("2022", "2022", "year")]),
    ("The 1979 twinning with Nantes lapsed.", [("1979", "1979", "year")]),
    ("They renewed their 2011 memorandum.", [("2011", "2011", "year")]),
]

RANGES: list[tuple[str, Expected]] = [
    ("The programme ran from 2014 to 2022.",
     [("from 2014", "2014", "year"), ("2022", "2022", "year")]),
    ("Between 2010 and 2012 they met twice.",
     [("Between 2010", "2010", "year"), ("2012", "2012", "year")]),
    ("In 2019-2020 nothing moved.", [("In 2019", "2019", "year"), ("2020", "2020", "year")]),
    ("In 2019 – 2020 nothing moved.", [("In 2019", "2019", "year"), ("2020", "2020", "year")]),
    ("From March to June 2022 the city hosted refugees.",
     [("From March", "2022-03", "month"), ("June 2022", "2022-06", "month")]),
    ("Visits on 3 May and 12 June 2021.",
     [("on 3 May", "2021-05-03", "day"), ("12 June 2021", "2021-06-12", "day")]),
    ("In May–June 2020 they met.",
     [("In May", "2020-05", "month"), ("June 2020", "2020-06", "month")]),
]

# Partial dates take the latest earlier explicit year, else the published year.
PARTIAL: list[tuple[str, str | None, Expected]] = [
    ("In March 2022, the ministry met. In May, the state twinned with the region.", None,
     [("In March 2022", "2022-03", "month"), ("In May", "2022-05", "month")]),
    ("In March 2022, they met. In May, they signed.", PUB,
     [("In March 2022", "2022-03", "month"), ("In May", "2022-05", "month")]),
    ("Since 2015 they cooperate. On 3 May a delegation came.", None,
     [("Since 2015", "2015", "year"), ("On 3 May", "2015-05-03", "day")]),
    ("In 2019 talks began; in 2021 they agreed; in August they signed.", None,
     [("In 2019", "2019", "year"), ("in 2021", "2021", "year"), ("in August", "2021-08", "month")]),
    ("In August the agreement was signed.", PUB, [("In August", "2023-08", "month")]),
    # a slashed date that reads either way is the publication day when one reading is
    ("Date Created: 3/15/2023 | Author: staff", PUB, [("3/15/2023", "2023-03-15", "day")]),
    ("Date Created: 3/5/2023 | Author: staff", "2023-03-05", [("3/5/2023", "2023-03-05", "day")]),
    ("Date Created: 3/5/2023 | Author: staff", "2023-05-03", [("3/5/2023", "2023-05-03", "day")]),
    ("Date Created: 3/5/2023 | Author: staff", PUB, [("3/5/2023", None, None)]),
    # a span of years with no cue names no date, but its first year is an explicit year
    ("They signed a cooperation agreement for 2021-2026 at an online ceremony on November 4.", None,
     [("on November 4", "2021-11-04", "day")]),
    ("In August the agreement was signed.", None, [("In August", None, None)]),
    ("In May, the cities met. In June 2022 they signed.", PUB,
     [("In May", "2023-05", "month"), ("In June 2022", "2022-06", "month")]),
    ("The visit is planned for March 12th.", PUB, [("March 12th", "2023-03-12", "day")]),
    ("The visit is planned for the 12th of March.", PUB,
     [("the 12th of March", "2023-03-12", "day")]),
    ("The pact was signed on 3 May.", PUB, [("on 3 May", "2023-05-03", "day")]),
    ("The pact was signed on 3 May.", None, [("on 3 May", None, None)]),
    ("The festival is held in mid-June.", PUB, [("in mid-June", "2023-06", "month")]),
    ("Work continues until late October.", PUB, [("until late October", "2023-10", "month")]),
    ("They met in the last week of May.", PUB, [("in the last week of May", "2023-05", "month")]),
    ("They met on 29 February.", PUB, [("on 29 February", None, None)]),
    ("In 2024 they met on 29 February.", PUB,
     [("In 2024", "2024", "year"), ("on 29 February", "2024-02-29", "day")]),
    ("On Friday, March 10 the mayors met.", PUB, [("On Friday, March 10", "2023-03-10", "day")]),
]

RELATIVE: list[tuple[str, Expected]] = [
    ("The agreement was signed yesterday.", [("yesterday", "2023-03-14", "day")]),
    ("The mayor spoke today.", [("today", "2023-03-15", "day")]),
    ("The mayor will speak tonight.", [("tonight", "2023-03-15", "day")]),
    ("They will sign tomorrow.", [("tomorrow", "2023-03-16", "day")]),
    ("They met the day before yesterday.", [("the day before yesterday", "2023-03-13", "day")]),
    ("A delegation arrived last week.", [("last week", "2023-03-08", "day")]),
    ("Talks were held last month.", [("last month", "2023-02", "month")]),
    ("The cities were twinned last year.", [("last year", "2022", "year")]),
    ("Ties were cut late last year.", [("late last year", "2022", "year")]),
    ("The deal was signed at the end of last year.", [("the end of last year", "2022", "year")]),
    ("This year the cities will sign.", [("This year", "2023", "year")]),
    # "recently" names no calendar unit
    ("The cities recently decided to twin.", [("recently", None, None)]),
    ("Until recently they were partners.", [("Until recently", None, None)]),
    ("The memorandum was signed earlier this month.", [("earlier this month", "2023-03", "month")]),
    ("The agreement will be signed next month.", [("next month", "2023-04", "month")]),
    ("The agreement will be signed next year.", [("next year", "2024", "year")]),
    ("The mayors met on Monday.", [("on Monday", "2023-03-13", "day")]),
    ("The mayors met on Wednesday.", [("on Wednesday", "2023-03-15", "day")]),
    ("The mayors met last Wednesday.", [("last Wednesday", "2023-03-08", "day")]),
    ("The mayors met last Tuesday.", [("last Tuesday", "2023-03-14", "day")]),
    ("The mayors will meet next Monday.", [("next Monday", "2023-03-20", "day")]),
    ("They signed three years ago.", [("three years ago", "2020", "year")]),
    ("They signed two days ago.", [("two days ago", "2023-03-13", "day")]),
    ("They signed a week ago.", [("a week ago", "2023-03-08", "day")]),
    ("They signed 4 months ago.", [("4 months ago", "2022-11", "month")]),
    ("The cities twinned last May.", [("last May", "2022-05", "month")]),
    ("The cities twinned last March.", [("last March", "2022-03", "month")]),
    ("The cities will twin next March.", [("next March", "2024-03", "month")]),
    ("The cities will twin this June.", [("this June", "2023-06", "month")]),
]

# Relative expressions without `published`: found, value None; "today"-like ones dropped.
RELATIVE_NO_PUB: list[tuple[str, Expected]] = [
    ("The agreement was signed yesterday.", [("yesterday", None, None)]),
    ("A delegation arrived last week.", [("last week", None, None)]),
    ("The cities were twinned last year.", [("last year", None, None)]),
    ("The cities recently decided to twin.", [("recently", None, None)]),
    ("The mayors met on Monday.", [("on Monday", None, None)]),
    ("The mayors met last Tuesday.", [("last Tuesday", None, None)]),
    ("The mayor spoke today.", []),
    ("Today Kyiv has twenty sister cities.", []),
    ("The mayor will speak tonight.", []),
]

NOT_DATES: list[str] = [
    "Kyiv and Paris are now sister cities.",
    "The city received 2,000 blankets.",
    "About 1500 people attended.",
    "In 2000 people came to the square.",
    "The budget increased by 2000 this time.",
    "The town has a population of 2000.",
    "Turnout was 2022%.",
    "The meeting starts at 20:15.",
    "The mayor, aged 45, signed.",
    "The 2022 people who signed.",
    "Their 2000 volunteers came.",
    "2023 was a hard year.",
    "Over 2022 residents signed the petition.",
    "In the 1990s the cities drifted apart.",
    "Over the last year the cities grew closer.",
    "Theresa May's visit to Kyiv.",
    "May the partnership grow.",
    "The Mayor of Lviv spoke.",
    "They may march in protest.",
    "In Jan Kowalski's words, it matters.",
    "Since the beginning of the full-scale invasion the cities help each other.",
    "The chocolate 2022 edition sold out.",
    "Build 1.12.2023.4 was released.",
    "In 1899 and in 2100 nothing happened.",
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE + YEARS + RANGES)
def test_explicit_dates(text: str, expected: Expected) -> None:
    assert triples(text) == expected
    assert triples(text, PUB) == expected


@pytest.mark.parametrize(("text", "published", "expected"), PARTIAL)
def test_partial_dates_take_context_year_then_published(
        text: str, published: str | None, expected: Expected) -> None:
    assert triples(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates_resolve_against_published(text: str, expected: Expected) -> None:
    assert triples(text, PUB) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE_NO_PUB)
def test_relative_dates_without_published(text: str, expected: Expected) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("On 12 March 2023 they met.", ["absolute"]),
    ("In March 2023 they met.", ["absolute"]),
    ("In 2023 and since early 2024.", ["year", "year"]),
    ("In May and on 3 June.", ["partial", "partial"]),
    ("Yesterday and last week and recently.", ["relative", "relative", "relative"]),
])
def test_kinds(text: str, kinds: list[str]) -> None:
    assert [m.kind for m in find_dates(text, PUB)] == kinds


ALL_TEXTS = ([t for t, _ in ABSOLUTE + YEARS + RANGES + RELATIVE] + [t for t, _, _ in PARTIAL])


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_offsets_and_precision_are_consistent(text: str) -> None:
    prefix = "Lead paragraph, 7 words. "
    for published in (None, PUB):
        plain = find_dates(text, published)
        shifted = find_dates(prefix + text, published)
        assert [m.text for m in plain] == [m.text for m in shifted]
        for m, s in zip(plain, shifted):
            assert text[m.start:m.end] == m.text
            assert (prefix + text)[s.start:s.end] == s.text
            assert s.start == m.start + len(prefix)
            lengths = {None: None, "year": 4, "month": 7, "day": 10}
            assert (len(m.value) if m.value else None) == lengths[m.precision]


def test_mentions_are_in_reading_order_and_do_not_overlap() -> None:
    text = ("On Monday, 12 March 2023, after talks last month and in May 2022, the mayors, "
            "who met from 2014 to 2016, signed.")
    mentions = find_dates(text, PUB)
    assert [m.text for m in mentions] == [
        "On Monday, 12 March 2023", "last month", "in May 2022", "from 2014", "2016"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_offsets_in_a_longer_text() -> None:
    text = ("Kyiv, 3 June (news). In June 2022, the Twinning Pact was signed. "
            "It came into force in August.")
    mentions = find_dates(text)
    assert mentions == [
        DateMention("3 June", 6, 12, None, None, "partial"),
        DateMention("In June 2022", 21, 33, "2022-06", "month", "absolute"),
        DateMention("in August", 84, 93, "2022-08", "month", "partial"),
    ]


@pytest.mark.parametrize("published", [
    "2023-03-15", datetime.date(2023, 3, 15), datetime.datetime(2023, 3, 15, 10, 30),
    "2023-03-15T10:30:00Z",
])
def test_published_forms(published: str | datetime.date) -> None:
    assert triples("They met yesterday.", published) == [("yesterday", "2023-03-14", "day")]


@pytest.mark.parametrize("published",
                         [None, "", "not a date", "15.03.2023", "2023-02-30", "2023-03"])
def test_unparseable_published_is_none(published: str | None) -> None:
    assert triples("They met yesterday, in May.", published) == [
        ("yesterday", None, None), ("in May", None, None)]


def test_month_boundaries_of_relative_dates() -> None:
    assert triples("They met last month.", "2023-01-10") == [("last month", "2022-12", "month")]
    assert triples("They meet next month.", "2022-12-31") == [("next month", "2023-01", "month")]
    assert triples("They met yesterday.", "2023-01-01") == [("yesterday", "2022-12-31", "day")]


def test_dateparser_is_not_imported() -> None:
    code = "import sys, twin_extract.dates; sys.exit('dateparser' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("PASSED AND ADOPTED this 14th day of May, 2008.", [("14th day of May, 2008", "2008-05-14", "day")]),
    ("Approved this 6th day of November, A.D., 1991.", [("6th day of November, A.D., 1991", "1991-11-06", "day")]),
    ("Signed on the 3rd day of June 2019.", [("on the 3rd day of June 2019", "2019-06-03", "day")]),
])
def test_the_legal_form_of_a_date(text: str, expected: Expected) -> None:
    assert triples(text, PUB) == expected


# Wire style drops the "on" before a weekday; PUB is a Wednesday.
WIRE_WEEKDAYS: list[tuple[str, Expected]] = [
    ("The council announced Tuesday that the ties would be cut.", [("Tuesday", "2023-03-14", "day")]),
    ("The aldermen voted unanimously Monday night to end the relationship.", [("Monday", "2023-03-13", "day")]),
    ("The plan was approved at Monday's meeting.", [("Monday", "2023-03-13", "day")]),
    ("The board confirmed Wednesday that talks continue.", [("Wednesday", "2023-03-15", "day")]),
    ("The mayor said Friday that the visit went well.", [("Friday", "2023-03-10", "day")]),
    ("Commissioners met Thursday morning with the delegation.", [("Thursday", "2023-03-09", "day")]),
    ("The mayors signed the pact during a virtual meeting Tuesday.", [("Tuesday", "2023-03-14", "day")]),
    ("The charter was sealed at a ceremony Friday in the town hall.", [("Friday", "2023-03-10", "day")]),
]


@pytest.mark.parametrize(("text", "expected"), WIRE_WEEKDAYS)
def test_wire_weekdays(text: str, expected: Expected) -> None:
    assert triples(text, PUB) == expected
    assert triples(text) == [(t, None, None) for t, _, _ in expected]


@pytest.mark.parametrize("text", [
    "Tuesday was a quiet day at city hall.",
    "The Tuesday market was cancelled.",
])
def test_weekday_without_a_wire_verb_is_not_a_date(text: str) -> None:
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a list of partners writes the year alone in brackets
    ("Partner cities: Lyon (1959), Porto (1978).", [("1959", "1959", "year"), ("1978", "1978", "year")]),
    ("Partners: Graz (1961); Kraków (1992)", [("1961", "1961", "year"), ("1992", "1992", "year")]),
    ("Cooperation with Aarhus (1987) continues.", [("1987", "1987", "year")]),
])
def test_bracketed_years(text: str, expected: Expected) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text", [
    "The town has 48,000 inhabitants (2021 census).",
    pytest.param("The town had 2,000 inhabitants (2021)."),
    pytest.param("Exports reached 3,500 (2022), up from 2,000 (2021)."),
])
def test_bracketed_years_of_counts_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Oct. 30, 2023\n\nHeadline", "2023-10-30"),
    ("Headline\nPublished: 12 May 2023 | 3 min read\n", "2023-05-12"),
    ("Monday, March 4, 2024 10:32 am\nStory", "2024-03-04"),
    ("Home > News\nPosted on 2022-03-04\nTitle", "2022-03-04"),
    # a date inside a sentence is an event, not the page's date
    ("In May 2022, the city signed.", None),
    ("The council met on 5 May 2021 to vote.", None),
    # a month alone is not a page date
    ("March 2022\nStory", None),
])
def test_page_date(text, expected):
    from twin_extract.dates import page_date

    assert page_date(text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a day alone takes the page's month, or the month before when the day is later
    ("The city said on the 14th that it signed the pact on the 13th.", PUB,
     [("on the 14th", "2023-03-14", "day"), ("on the 13th", "2023-03-13", "day")]),
    ("The charter was signed on the 28th.", PUB, [("on the 28th", "2023-02-28", "day")]),
    # or the month an earlier date of the text gave
    ("The mayors met from June 3 to 5. They signed the memorandum on the 4th.", "2022-07-01",
     [("from June 3", "2022-06-03", "day"), ("on the 4th", "2022-06-04", "day")]),
    # without a page date it stays unresolved
    ("The charter was signed on the 28th.", None, [("on the 28th", None, None)]),
    # an ordinal before a noun is no date
    ("They met on the 15th anniversary of the link.", PUB, []),
    ("The office is on the 2nd floor.", PUB, []),
])
def test_day_only_dates(text: str, published: str | None, expected: Expected) -> None:
    assert triples(text, published) == expected
