"""boilerplate: related-links blocks are other stories' headlines, however the page spaces them."""

from __future__ import annotations

import pytest

from twin_extract.boilerplate import link_blocks

STORY = "Lublin and Lutsk signed a twinning agreement on Monday.\n\n"


@pytest.mark.parametrize("text, markers, headings, blanked", [
    # a blank line after the heading and between the headlines
    (STORY + "Related stories\n\nLviv and Wroclaw mark 20 years of twinning\n\nKharkiv suspends ties with Belgorod",
     ["related stories"], [], ["Lviv and Wroclaw", "Kharkiv suspends"]),
    # the block ends before a line that reads as the story's own text
    (STORY + "Related stories\n\nLviv and Wroclaw mark 20 years\n\nThe mayor said more towns would follow.",
     ["related stories"], [], ["Lviv and Wroclaw"]),
    # a heading alone on its line
    (STORY + "Read next\n\nKharkiv suspends ties with Belgorod", [], ["read next"], ["Kharkiv suspends"]),
])
def test_blocks_cover_the_headlines(text: str, markers: list[str], headings: list[str], blanked: list[str]) -> None:
    spans = link_blocks(text, markers, (), headings)
    for words in blanked:
        at = text.index(words)
        assert any(s <= at < e for s, e in spans), words
    assert not any(s <= text.index("Lublin") < e for s, e in spans)
    if "The mayor said" in text:
        assert not any(s <= text.index("The mayor said") < e for s, e in spans)


@pytest.mark.parametrize("text, markers, headings", [
    # a paragraph that opens with a heading's words is the story's own
    (STORY + "Popular support for the twinning grew quickly, the mayor said.", [], ["popular"]),
    # a section label above the page's own headline blanks no more than up to the first blank line
    ("Latest news\n\nKyiv and Zagreb become twin cities\n\nThe two capitals signed on Monday.",
     ["latest news"], []),
])
def test_the_story_itself_stays(text: str, markers: list[str], headings: list[str]) -> None:
    spans = link_blocks(text, markers, (), headings)
    story = text.index("Popular") if "Popular" in text else text.index("Kyiv")
    assert not any(s <= story < e for s, e in spans)


def test_teasers_after_a_story_give_no_records(extractor) -> None:
    text = STORY + "Related stories\n\nLviv and Wroclaw mark 20 years of twinning\n\nKharkiv suspends ties with Belgorod"
    names = {frozenset(p.name for p in r.parties) for r in extractor.extract(text)}
    assert names == {frozenset({"Lublin", "Lutsk"})}


def test_tag_lines_give_no_records(extractor) -> None:
    text = STORY + "Share on Facebook | Share on Twitter\n\nTags: Lviv, Wroclaw, twinning, Kharkiv, Kaunas"
    names = {frozenset(p.name for p in r.parties) for r in extractor.extract(text)}
    assert names == {frozenset({"Lublin", "Lutsk"})}
