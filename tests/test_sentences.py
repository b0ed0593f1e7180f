"""Sentence boundaries: after a wire dateline and at line breaks, never at a lowercase word mid-line."""

from __future__ import annotations

import pytest


def _sentences(extractor, text):
    return [s.text for s in extractor.nlp(text).sents]


@pytest.mark.parametrize("text, expected", [
    ("SPOKANE, Wash. – The city council approved a sister city relationship with Nishinomiya on Tuesday.",
     ["SPOKANE, Wash. –", "The city council approved a sister city relationship with Nishinomiya on Tuesday."]),
    ("OTTAWA, Ont. - Councillors voted on Monday to twin the capital with Kyiv.",
     ["OTTAWA, Ont. -", "Councillors voted on Monday to twin the capital with Kyiv."]),
    ("HALIFAX — The regional council has endorsed a friendship agreement with Norfolk.",
     ["HALIFAX —", "The regional council has endorsed a friendship agreement with Norfolk."]),
    # an upper-case acronym followed by ordinary words is not a dateline
    ("UNESCO said on Friday - the old town of Lviv remains on the list.",
     ["UNESCO said on Friday - the old town of Lviv remains on the list."]),
])
def test_dateline_starts_the_story(extractor, text, expected):
    assert _sentences(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # no sentence starts at the lowercase "im" inside the name
    ("Freiburg im Breisgau has welcomed a delegation from Lviv to mark ten years of partnership.",
     ["Freiburg im Breisgau has welcomed a delegation from Lviv to mark ten years of partnership."]),
    # a line break still starts a sentence, even before a lowercase word
    ("Lviv and Wrocław signed a partnership agreement\nthe ceremony took place on Monday.",
     ["Lviv and Wrocław signed a partnership agreement\n", "the ceremony took place on Monday."]),
    # so does a full stop
    ("The mayor of Kalisz said the agreement was signed. the ceremony followed.",
     ["The mayor of Kalisz said the agreement was signed.", "the ceremony followed."]),
])
def test_lowercase_and_line_break_boundaries(extractor, text, expected):
    assert _sentences(extractor, text) == expected
