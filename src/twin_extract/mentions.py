"""Place mentions as the components leave them: ``span._.place`` and the parties of a Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .country_names import country_name
from .doctext import text_of
from .gazetteer import Place
from .record import place_key

SPAN_KEY = "twin_places"


@dataclass
class PlaceInfo:
    """What ``span._.place`` holds: a resolved place mention."""

    kind: str
    """"city", "region" or "country" (a country is context, never a party)."""
    name: str
    country: str | None
    subdivision: str | None = None
    geonames_id: int | None = None
    population: int = 0
    country_source: str = "none"
    """Where the country came from: apposition, demonym, subdivision, gazetteer."""
    container: bool = False
    """A region that only locates another place ("Chortkiv ... of the Ternopil region")."""
    ext_start: int = 0
    ext_end: int = 0
    """Token extent including descriptors and apposition ("the German city of X, Germany")."""
    evidence: float = 0.0
    rules: list[str] = field(default_factory=list)
    admin1: str | None = None
    """GeoNames first-level division of a city, or the one a region corresponds to: tells
    whether a city lies in a region ("Lutsk" and "Volyn Oblast")."""
    candidates: tuple[Place, ...] = field(default=(), repr=False)
    """Gazetteer entries still in play when no country was stated; ranking picks one."""

    @property
    def country_name(self) -> str | None:
        return country_name(self.country)

    @property
    def is_party(self) -> bool:
        return self.kind in ("city", "region") and not self.container


@dataclass
class Mention:
    """A party-capable place in a sentence, with its character extent."""

    span: Span
    info: PlaceInfo

    @property
    def start(self) -> int:
        return self.span.doc[self.info.ext_start].idx

    @property
    def end(self) -> int:
        last = self.span.doc[self.info.ext_end - 1]
        return last.idx + len(last.text)

    @property
    def key(self) -> str:
        info = self.info
        return place_key(info.kind, info.subdivision, info.geonames_id, info.country, info.name)


def party_mentions(doc: Doc) -> list[Mention]:
    """The places of ``doc`` that can be a party to a tie (cities and regions, not containers)."""
    return [Mention(s, s._.place) for s in doc.spans.get(SPAN_KEY, []) if s._.place.is_party]


def dateline(span: Span) -> bool:
    """"Beijing, 28 November, 2021 (TDI): ...", "DES MOINES, Iowa (KCCI) - ...": a place opening a
    line and followed, before a colon or dash, by a date or a bracketed agency names where the
    story was filed; it is no partner in its sentence (though often the story's host). A bracket that names a place is no agency: "Buffalo (New York,
    USA) – Sister city since 1962" is a partner entry, and "Kharkiv – Cincinnati" a pair line.
    A name in capitals before a colon or dash and a sentence ("ISLAMABAD: The Chinese cities
    of ...") is a dateline with no date; a line of place, day's date and agency ("Baku, March 8,
    AZERTAC") or a byline line ("Kyiv • UNN · 19.09.2024") is one with no colon."""
    text = text_of(span.doc)
    start = span.start_char
    if text[text.rfind("\n", 0, start) + 1:start].strip():
        return False
    if span.text.isupper() and len(span.text) > 2 and CAPITALS_DATELINE.match(text, span.end_char):
        return True
    line_end = text.find("\n", span.end_char)
    rest = text[span.end_char:line_end if line_end >= 0 else len(text)]
    if (AGENCY_LINE.match(rest) or BYLINE_TAIL.match(rest)) and FULL_DATE.search(rest):
        return True
    match = DATELINE_TAIL.match(text, span.end_char)
    if match is None:
        return False
    agency = match.group("agency") is not None and (MEDIA_WORD.search(match.group("agency")) is not None or not any(
        match.start("agency") <= s.start_char < match.end("agency") for s in span.doc.spans.get(SPAN_KEY, [])))
    return agency or bool(DATE_WORD.search(match.group("middle")))


MEDIA_WORD = re.compile(r"\b(?:News|Times|Post|Daily|Herald|Press|Agency|Radio|TV|Television|Tribune|Gazette)\b")
"""A bracket after a dateline's place that names a medium is its source even when it names a
country too: "TAIPEI (Taiwan News) —"."""
AGENCY_LINE = re.compile(r"(?:,[^\n,]{1,25}){1,2},\s*[A-Z][A-Z-]{2,}\s*$")
""""Baku, March 8, AZERTAC": a line of place, date and an agency in capitals."""
BYLINE_TAIL = re.compile(r"\s*[•·|]\s")
""""Kyiv • UNN · 19.09.2024 · 1,733 views": a byline line of place, source and date."""
FULL_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
                       r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                       r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
"""A day's date (not a bare year, which a partner entry gives for its signing)."""
CAPITALS_DATELINE = re.compile(r"(?:,[^\n,:()–—]{1,25})?\s*[:–—-]\s+[A-Z]")
"""After a place in capitals opening a line: perhaps its country ("CEBU, Philippines —"), the
colon or dash of a dateline, then its story."""
DATELINE_TAIL = re.compile(r"(?P<middle>(?:,[^\n,:()–—]{1,25}){0,3})\s*(?P<agency>\([^()\n]{1,20}\))?\s*(?::|[–—]|-{1,2}\s)")
DATE_WORD = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
