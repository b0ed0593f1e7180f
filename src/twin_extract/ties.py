"""Folding records into ties: one row per unordered pair of places across every article.

A record says what one article reported; a tie is what analysts ask about (is the pair still
twinned, since when, who said what). Places meet by GeoNames id or ISO 3166-2 code, so Kyiv and
Kiev are one place; a party with neither falls back to its folded name and country. Review
decisions are applied first: rejected records never reach a tie, corrected fields win.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from .record import place_key
from .textnorm import fold

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .record import TwinningRecord
    from .review.store import Decision

LIFECYCLE = ("proposed", "pending", "signed", "established", "terminated")
"""Status order within one day: a proposal dated like its signing still comes first."""
FOUNDING = ("signed", "established")
PARTY_FIELDS = ("name", "country", "country_name", "type", "subdivision", "geonames_id")
UNDATED = "9999"


@dataclass
class Event:
    """One record as a step in a tie's history."""

    status: str
    date: str | None
    record_id: str
    relation: str
    confidence: float
    source: dict[str, Any]
    evidence: list[str]

    @property
    def when(self) -> str:
        """The event's date, else its article's publication date (how undated events are ordered)."""
        return self.date or self.source.get("published") or UNDATED

    def order(self) -> tuple[str, int, str]:
        return self.when, LIFECYCLE.index(self.status), self.record_id


@dataclass
class Tie:
    id: str
    parties: list[dict[str, Any]]
    relation: str
    status: str
    since: str | None
    history: list[Event]
    sources: int
    confidence: float
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def party_key(party: dict[str, Any]) -> str:
    """The place's identity across articles (GeoNames id, ISO 3166-2, else folded name + country)."""
    return place_key(party["type"], party.get("subdivision"), party.get("geonames_id"),
                     party.get("country"), fold(party["name"]))


def tie_id(keys: Iterable[str]) -> str:
    """Stable id of an unordered pair of place keys."""
    return hashlib.sha1("\x1f".join(sorted(keys)).encode("utf-8")).hexdigest()[:16]


def _corrected_parties(original: dict[str, Any], effective: dict[str, Any]) -> None:
    """A party whose name or country a reviewer changed is no longer the GeoNames place found."""
    for old, new in zip(original["parties"], effective["parties"]):
        if (old["name"], old["country"]) != (new["name"], new["country"]):
            new["geonames_id"] = None


def reviewed_rows(records: Iterable["TwinningRecord"],
                  decisions: dict[str, "Decision"] | None = None) -> list[dict[str, Any]]:
    """Record dicts with corrections applied; rejected records dropped; unreviewed ones kept."""
    from .review.records import record_dict
    from .review.validate import apply_corrections

    rows = []
    for record in records:
        decision = (decisions or {}).get(record.id)
        if decision is not None and decision.state == "rejected":
            continue
        row = record_dict(record)
        if decision is not None and decision.corrections:
            corrected = apply_corrections(row, decision.corrections)
            _corrected_parties(row, corrected)
            row = corrected
        rows.append(row)
    return rows


def _event(row: dict[str, Any]) -> Event:
    source = row["source"]
    return Event(
        status=row["status"], date=(row.get("date") or {}).get("value"), record_id=row["id"],
        relation=row["relation"], confidence=row["confidence"],
        source={key: source.get(key) for key in ("id", "url", "published", "title")},
        evidence=[span["text"] for span in row["evidence"]],
    )


def conflicts(history: list[Event]) -> list[dict[str, Any]]:
    """Where sources disagree: a tie reported alive after a termination, or two fates on one date."""
    found = []
    ended: Event | None = None
    for event in history:
        if ended is not None and event.status != "terminated" and event.source["id"] != ended.source["id"]:
            found.append({"kind": "reported after termination", "records": [ended.record_id, event.record_id],
                          "statuses": [ended.status, event.status]})
        if event.status == "terminated":
            ended = event
    by_date: dict[str, list[Event]] = defaultdict(list)
    for event in history:
        if event.date:
            by_date[event.date].append(event)
    for events in by_date.values():
        alive = [e for e in events if e.status != "terminated"]
        dead = [e for e in events if e.status == "terminated"]
        if alive and dead:
            found.append({"kind": "same date, different fate", "records": [dead[0].record_id, alive[0].record_id],
                          "statuses": [dead[0].status, alive[0].status]})
    return found


def _combined_confidence(history: list[Event]) -> float:
    """Independent sources reinforce each other: 1 - prod(1 - best confidence per source)."""
    best: dict[str, float] = {}
    for event in history:
        best[event.source["id"]] = max(best.get(event.source["id"], 0.0), event.confidence)
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
    return round(1.0 - doubt, 3)


def _parties(rows: list[dict[str, Any]], keys: list[str], gazetteer: "Gazetteer | None") -> list[dict[str, Any]]:
    """Each place as the most confident record describes it, with its map position."""
    from .geo import locate

    best: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: -r["confidence"]):
        for party in row["parties"]:
            best.setdefault(party_key(party), party)
    parties = []
    for key in keys:
        party = {name: best[key].get(name) for name in PARTY_FIELDS}
        point = locate(party, gazetteer) if gazetteer is not None else None
        party["longitude"], party["latitude"] = point if point else (None, None)
        parties.append(party)
    return parties


def _tie(keys: list[str], rows: list[dict[str, Any]], gazetteer: "Gazetteer | None") -> Tie:
    history = sorted((_event(row) for row in rows), key=Event.order)
    since = next((e.date for e in history if e.status in FOUNDING and e.date), None)
    relation = "twinning" if any(e.relation == "twinning" for e in history) else history[-1].relation
    return Tie(
        id=tie_id(keys), parties=_parties(rows, keys, gazetteer), relation=relation,
        status=history[-1].status, since=since, history=history,
        sources=len({e.source["id"] for e in history}), confidence=_combined_confidence(history),
        conflicts=conflicts(history),
    )


def fold_ties(rows: Iterable[dict[str, Any]], gazetteer: "Gazetteer | None" = None) -> list[Tie]:
    """One tie per unordered place pair, most recently active first; coordinates need a gazetteer."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(party_key(p) for p in row["parties"]))].append(row)
    ties = [_tie(list(keys), group, gazetteer) for keys, group in groups.items()]
    return sorted(ties, key=lambda tie: (tie.history[-1].when != UNDATED, tie.history[-1].when, tie.id), reverse=True)


def tie_of_record(ties: Iterable[Tie]) -> dict[str, str]:
    """record id -> tie id, so a record can link to the history it belongs to."""
    return {event.record_id: tie.id for tie in ties for event in tie.history}
