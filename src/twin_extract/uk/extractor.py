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

import re
from typing import Iterable, Iterator

import spacy

from ..country_names import country_name
from ..record import DateInfo, Evidence, NewsItem, Party, Provenance, TwinningRecord, record_id
from .dates import find_date
from .patterns import rows
from .places import Mention, PlaceFinder

MODEL_NAME = "spacy.blank(uk)+pymorphy3-dicts-uk"


class UkrainianExtractor:
    """Tokeniser + sentencizer from spaCy's blank Ukrainian, places from the gazetteer's Cyrillic keys."""

    def __init__(self, patterns: str | None = None) -> None:
        self.nlp = spacy.blank("uk")
        self.nlp.add_pipe("sentencizer")
        self.triggers = {r["stem"]: r for r in rows("triggers.jsonl", patterns)}
        self.statuses = sorted(rows("status.jsonl", patterns), key=lambda r: r["rank"])
        not_places = {r["word"] for r in rows("not_places.jsonl", patterns)} | ukrainian_country_names()
        self.places = PlaceFinder(patterns, not_places)

    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        for item in items:
            yield item, self.records(item)

    def records(self, item: NewsItem) -> list[TwinningRecord]:
        doc = self.nlp(item.text)
        mentions = self.places.mentions(item.text)
        host = mentions[0] if mentions else None
        default_year = item.published[:4] if item.published else None
        found: dict[tuple[int, int], TwinningRecord] = {}
        for sent in doc.sents:
            lowered = [t.lower_ for t in sent]
            trigger = next((r for w in lowered for stem, r in self.triggers.items() if w.startswith(stem)), None)
            if trigger is None:
                continue
            here = _unique([m for m in mentions if sent.start_char <= m.start < sent.end_char])
            if host is not None and host.key not in {m.key for m in here}:
                here = [host, *here] if len(here) == 1 else here
            elif host is not None:
                here = [host, *[m for m in here if m.key != host.key]]
            status = next((r["status"] for r in self.statuses for w in lowered if w.startswith(r["stem"])),
                          "established")
            date = find_date(sent.text, sent.start_char, default_year, item.published)
            in_sent = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
            pairs = _dash_pairs(item.text, in_sent) or [(here[0], other) for other in here[1:]]
            for a, b in pairs:
                key = tuple(sorted((a.key, b.key)))
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
    return Party(text=m.text, name=m.name, type=m.type, country=m.country,
                 country_name=country_name(m.country), subdivision=m.subdivision,
                 geonames_id=m.geonames_id, start=m.start, end=m.end)


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
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(m.key, m)
    return list(seen.values())
