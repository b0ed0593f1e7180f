"""``twin-extract ties``: fold records files into ties and write them as JSON Lines, CSV or GeoJSON.

The format follows the output's extension. GeoJSON holds a ``LineString`` per tie and a
``Point`` per place in plain WGS84 lon/lat, so the file opens as is in QGIS, kepler.gl or
geojson.io; a tie whose places have no known position is left out of the GeoJSON only, and
counted on stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .csv_layout import safe_cell

if TYPE_CHECKING:
    from .ties import Tie

FORMATS = (".jsonl", ".csv", ".geojson")
PARTY_COLUMNS = ("name", "country", "type", "subdivision", "geonames_id", "longitude", "latitude")
CSV_COLUMNS = ("id", "relation", "status", "since", "sources", "confidence", "events", "conflicts",
               *(f"{side}_{column}" for side in "ab" for column in PARTY_COLUMNS), "history")


def to_jsonl(ties: list["Tie"]) -> str:
    return "".join(json.dumps(tie.to_dict(), ensure_ascii=False) + "\n" for tie in ties)


def _history_cell(tie: "Tie") -> str:
    return "; ".join(f"{event.date or event.source['published'] or 'undated'} {event.status}" for event in tie.history)


def to_csv(ties: list["Tie"]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for tie in ties:
        row: dict[str, Any] = {
            "id": tie.id, "relation": tie.relation, "status": tie.status, "since": tie.since,
            "sources": tie.sources, "confidence": tie.confidence, "events": len(tie.history),
            "conflicts": len(tie.conflicts), "history": _history_cell(tie),
        }
        for side, party in zip("ab", tie.parties):
            row.update({f"{side}_{column}": party[column] for column in PARTY_COLUMNS})
        writer.writerow({column: safe_cell(value) for column, value in row.items()})
    return buffer.getvalue()


def _position(party: dict[str, Any]) -> list[float] | None:
    from .geo import position

    point = position(party)
    return [round(point[0], 5), round(point[1], 5)] if point else None


def _label(party: dict[str, Any]) -> str:
    return f"{party['name']} ({party['country']})" if party["country"] else party["name"]


def geojson(ties: list["Tie"]) -> dict[str, Any]:
    """A FeatureCollection: one LineString per mapped tie, then one Point per mapped place."""
    from .ties import party_key

    lines, places = [], {}
    for tie in ties:
        ends = [_position(party) for party in tie.parties]
        if None in ends:
            continue
        lines.append({"type": "Feature", "id": tie.id, "geometry": {"type": "LineString", "coordinates": ends},
                      "properties": {"tie": tie.id, "a": _label(tie.parties[0]), "b": _label(tie.parties[1]),
                                     "relation": tie.relation, "status": tie.status, "since": tie.since,
                                     "sources": tie.sources, "confidence": tie.confidence}})
        for party, end in zip(tie.parties, ends):
            place = places.setdefault(party_key(party), {
                "type": "Feature", "geometry": {"type": "Point", "coordinates": end},
                "properties": {"name": party["name"], "country": party["country"], "type": party["type"],
                               "geonames_id": party["geonames_id"], "ties": 0}})
            place["properties"]["ties"] += 1
    return {"type": "FeatureCollection", "features": lines + list(places.values())}


def render(ties: list["Tie"], suffix: str) -> str:
    if suffix == ".csv":
        return to_csv(ties)
    if suffix == ".geojson":
        return json.dumps(geojson(ties), ensure_ascii=False) + "\n"
    return to_jsonl(ties)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", type=Path, nargs="+", help="records JSON Lines file(s), optionally .gz")
    parser.add_argument("--db", type=Path, default=None,
                        help="review decisions database: rejected records are dropped, corrections used")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="output file; the format follows the extension: " + ", ".join(FORMATS))


def _usage_error(args: argparse.Namespace) -> str | None:
    if args.output.suffix not in FORMATS:
        return f"-o {args.output}: the extension must be one of {', '.join(FORMATS)}"
    for path in [*args.records, *([args.db] if args.db else [])]:
        if not path.is_file():
            return f"no such file: {path}"
    return None


def command(args: argparse.Namespace) -> int:
    from .gazetteer import default_gazetteer
    from .review.records import load_many
    from .ties import fold_ties, reviewed_rows

    problem = _usage_error(args)
    if problem:
        print(f"ties: {problem}", file=sys.stderr)
        return 2
    records, errors = load_many(args.records)
    decisions = None
    if args.db:
        from .review.store import Store

        try:
            decisions = Store(args.db).all()
        except sqlite3.DatabaseError as exc:
            print(f"ties: --db {args.db} is not a review database ({exc})", file=sys.stderr)
            return 2
    ties = fold_ties(reviewed_rows(records, decisions), default_gazetteer())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(ties, args.output.suffix), encoding="utf-8", newline="")
    unmapped = sum(1 for tie in ties if any(_position(p) is None for p in tie.parties))
    print(f"ties: {len(records)} records -> {len(ties)} ties -> {args.output}"
          + (f" ({unmapped} without coordinates)" if unmapped else ""), file=sys.stderr)
    for error in errors:
        print(f"ties: {error}", file=sys.stderr)
    return 1 if errors else 0
