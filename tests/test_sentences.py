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
    # a year or a list number opening a line ends no sentence
    ("Portland Sister Cities\n1959 Sapporo, Japan\n2. Ulsan, South Korea",
     ["Portland Sister Cities\n", "1959 Sapporo, Japan\n", "2. Ulsan, South Korea"]),
    # a line break still starts a sentence, even before a lowercase word
    ("Lviv and Wrocław signed a partnership agreement\nthe ceremony took place on Monday.",
     ["Lviv and Wrocław signed a partnership agreement\n", "the ceremony took place on Monday."]),
    # so does a full stop
    ("The mayor of Kalisz said the agreement was signed. the ceremony followed.",
     ["The mayor of Kalisz said the agreement was signed.", "the ceremony followed."]),
])
def test_lowercase_and_line_break_boundaries(extractor, text, expected):
    assert _sentences(extractor, text) == expected


def _reference_marks(doc):
    """The rule token by token through ``Token.is_sent_start`` (how ``newline_boundaries`` was
    written before it read and wrote the marks as arrays)."""
    from twin_extract.sentences import _abbreviation_before, _dateline_end, _line_number_before, _list_number_before

    dateline = _dateline_end(doc)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.i == dateline:
            token.is_sent_start = True
        elif "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.text[:1].islower() and previous.text not in {".", "!", "?", ":", ";"} \
                or previous.text == ";" or _abbreviation_before(doc, token.i) or _list_number_before(doc, token.i) \
                or _line_number_before(doc, token.i) or previous.is_alpha:
            token.is_sent_start = False
    return [token.is_sent_start for token in doc]


def test_array_marks_equal_the_token_by_token_rule_on_gold_texts():
    import json
    from pathlib import Path

    import spacy
    from spacy.tokens import Doc

    from twin_extract.about import DEFAULT_MODEL
    from twin_extract.sentences import newline_boundaries

    gold = Path(__file__).resolve().parent.parent / "corpus" / "gold"
    texts = [json.loads(line)["text"] for path in sorted(gold.glob("*.jsonl")) if not path.name.startswith("uk-")
             for line in path.read_text("utf-8").splitlines()[:60]]
    texts += ["", "A", "TUPELO, Miss. – The council met.\n1. Fukuoka, Japan\n• Milan; Lyon", "St. Paul and\n\n  Kyiv  and\tLviv"]
    nlp = spacy.load(DEFAULT_MODEL, disable=["parser", "attribute_ruler", "lemmatizer", "ner"])
    for doc in nlp.pipe(texts):
        copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
        assert [t.is_sent_start for t in newline_boundaries(doc)] == _reference_marks(copy), doc.text[:80]
    parsed = spacy.load(DEFAULT_MODEL)("Kyiv and Lviv. Odesa")
    with pytest.raises(ValueError):
        newline_boundaries(parsed)
