"""Records from Ukrainian text, without a dependency parse (none installs offline for Ukrainian).

Decision: a sentence with a twinning/cooperation trigger (``patterns/uk/triggers.jsonl``) pairs
its places: with two or more, the first named is the hub and is paired with each other one (the
shape of "X підписало меморандум з Y" and "побратими X: A, B, C"); with one foreign place, the
document's first place (its host, usually in the headline) is the other party, and when the host
is among several places it is the hub. Status is the
strongest cue in the sentence (``patterns/uk/status.jsonl``: ended > planned > signed), else
``established``. The record has the English record's shape, with ``source.lang = "uk"``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import spacy

from ..country_names import country_name
from ..gazetteer import Place, default_gazetteer
from ..record import DateInfo, Evidence, NewsItem, Party, Provenance, TwinningRecord, record_id
from .dates import find_date
from .morph import nominatives

MODEL_NAME = "spacy.blank(uk)+pymorphy3-dicts-uk"
MAX_SPAN = 2


def _rows(name: str, patterns: str | None) -> list[dict]:
    """One ``patterns/uk`` file, with a same-named file in ``patterns/uk`` of ``--patterns`` overriding by id."""
    rows: dict[str, dict] = {}
    base = resources.files("twin_extract").joinpath("patterns", "uk", name)
    sources = [base if base.is_file() else Path(__file__).resolve().parents[3] / "patterns" / "uk" / name]
    if patterns:
        sources.append(Path(patterns) / "uk" / name)
    for source in sources:
        if source.is_file():
            for line in source.read_text("utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    rows[row["id"]] = row
    return list(rows.values())


@dataclass(frozen=True)
class Mention:
    place: Place
    text: str
    start: int
    end: int


class UkrainianExtractor:
    """Tokeniser + sentencizer from spaCy's blank Ukrainian, places from the gazetteer's Cyrillic keys."""

    def __init__(self, patterns: str | None = None) -> None:
        self.nlp = spacy.blank("uk")
        self.nlp.add_pipe("sentencizer")
        self.gazetteer = default_gazetteer()
        self.triggers = {r["stem"]: r for r in _rows("triggers.jsonl", patterns)}
        self.statuses = sorted(_rows("status.jsonl", patterns), key=lambda r: r["rank"])
        self.not_places = {r["word"] for r in _rows("not_places.jsonl", patterns)} | ukrainian_country_names()

    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        for item in items:
            yield item, self.records(item)

    def _place(self, words: list[str]) -> Place | None:
        if len(words) == 1 and self.not_places.intersection(nominatives(words[0])):
            return None
        for forms in _combinations([nominatives(w) for w in words]):
            places = self.gazetteer.find(" ".join(forms))
            if places:
                return places[0]
        return None

    def _community_place(self, adjective: str) -> Place | None:
        """"Новоселицька громада" is the community of Новоселиця: the town behind the adjective."""
        for form in nominatives(adjective):
            for suffix, endings in ADJECTIVE_TOWNS:
                if form.endswith(suffix):
                    stem = form[: -len(suffix)]
                    for ending in endings:
                        places = self.gazetteer.find(stem + ending)
                        if places:
                            return places[0]
        return None

    def mentions(self, doc: spacy.tokens.Doc) -> list[Mention]:
        """Capitalised Cyrillic runs that name a GeoNames place, longest first."""
        found: list[Mention] = []
        i = 0
        while i < len(doc):
            hit = None
            for size in range(MAX_SPAN, 0, -1):
                span = doc[i:i + size]
                if len(span) == size and all(t.text[:1].isupper() and t.is_alpha for t in span):
                    place = self._place([t.text for t in span])
                    if place is not None:
                        hit = Mention(place, span.text, span.start_char, span.end_char)
                        break
            if hit is None and i + 1 < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha \
                    and doc[i + 1].lower_.startswith(COMMUNITY_NOUNS):
                place = self._community_place(doc[i].text)
                if place is not None:
                    hit = Mention(place, doc[i].text, doc[i].idx, doc[i].idx + len(doc[i].text))
            if hit:
                found.append(hit)
                i += len(doc.char_span(hit.start, hit.end))
            else:
                i += 1
        return found

    def records(self, item: NewsItem) -> list[TwinningRecord]:
        doc = self.nlp(item.text)
        mentions = self.mentions(doc)
        host = mentions[0] if mentions else None
        default_year = item.published[:4] if item.published else None
        found: dict[tuple[int, int], TwinningRecord] = {}
        for sent in doc.sents:
            lowered = [t.lower_ for t in sent]
            trigger = next((r for w in lowered for stem, r in self.triggers.items() if w.startswith(stem)), None)
            if trigger is None:
                continue
            here = _unique([m for m in mentions if sent.start_char <= m.start < sent.end_char])
            if host is not None and host.place not in {m.place for m in here}:
                here = [host, *here] if len(here) == 1 else here
            elif host is not None:
                here = [host, *[m for m in here if m.place != host.place]]
            status = next((r["status"] for r in self.statuses for w in lowered if w.startswith(r["stem"])),
                          "established")
            date = find_date(sent.text, sent.start_char, default_year, item.published)
            in_sent = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
            pairs = _dash_pairs(item.text, in_sent) or [(here[0], other) for other in here[1:]]
            for a, b in pairs:
                key = tuple(sorted((a.place.geonames_id, b.place.geonames_id)))
                if key[0] != key[1] and key not in found:
                    found[key] = self._record(item, a, b, trigger["relation"], status, date, sent)
        return list(found.values())

    def _record(self, item: NewsItem, a: Mention, b: Mention, relation: str, status: str,
                date, sent) -> TwinningRecord:
        parties = [_party(a), _party(b)]
        return TwinningRecord(
            id=record_id(item.id, [p.key for p in parties]), source=item.source(lang="uk"),
            relation=relation, status=status, parties=parties,
            date=DateInfo(date.text, date.value, date.precision, date.start, date.end) if date else None,
            evidence=[Evidence(sent.text, sent.start_char, sent.end_char)], confidence=0.7,
            extractor=Provenance(model=MODEL_NAME))


def ukrainian_country_names() -> set[str]:
    """Country names in Ukrainian and English, lower case, from pycountry and its translations:
    "Україна" and "Ukraine" ("Stand with Ukraine") are a country, not the Spanish town whose
    GeoNames alternate name is "Ukraine"."""
    import gettext

    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"]).gettext
    except OSError:
        translate = str
    names = [getattr(c, attr) for c in pycountry.countries
             for attr in ("name", "common_name", "official_name") if getattr(c, attr, None)]
    return {n.lower() for n in names} | {translate(n).lower() for n in names}


def _party(m: Mention) -> Party:
    return Party(text=m.text, name=m.place.name, type="city", country=m.place.country,
                 country_name=country_name(m.place.country), subdivision=None,
                 geonames_id=m.place.geonames_id, start=m.start, end=m.end)


COMMUNITY_NOUNS = ("громад", "міськ", "селищн", "сільськ", "територіальн")
"""Words after an adjective that names a municipality by its town ("Вижницька громада",
"Шумської міської ради")."""
ADJECTIVE_TOWNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("цький", ("ця", "ць", "ці")), ("цька", ("ця", "ць", "ці")),
    ("ський", ("", "ськ", "а", "ка", "и", "е")), ("ська", ("", "ськ", "а", "ка", "и", "е")),
    ("зький", ("", "зьк", "г")), ("зька", ("", "зьк", "г")),
)
"""Adjective endings of a town's name and the endings its name may have instead (Новоселицька ->
Новоселиця, Тростянецька -> Тростянець, Шумська -> Шумськ, Долинська -> Долина,
Кочубеївська -> Кочубеївка, Житомирська -> Житомир)."""
DASH_PAIR = re.compile(r"^\s*[—–-]\s*$")
""""Боярка — Палезо; Славутич — Франконвіль": two places joined by a dash are a pair."""


def _dash_pairs(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The pairs a sentence writes as "A — B; C — D", each place in one pair; none when the
    sentence has no such pair (then the hub rule applies)."""
    pairs, used = [], set()
    for a, b in zip(mentions, mentions[1:]):
        if id(a) not in used and DASH_PAIR.match(text[a.end:b.start]):
            pairs.append((a, b))
            used |= {id(a), id(b)}
    return pairs


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[int, Mention] = {}
    for m in mentions:
        seen.setdefault(m.place.geonames_id, m)
    return list(seen.values())


def _combinations(options: list[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    if not options:
        yield ()
        return
    for head in options[0]:
        for tail in _combinations(options[1:]):
            yield (head, *tail)
