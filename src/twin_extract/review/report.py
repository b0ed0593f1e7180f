"""``twin-extract report``: one self-contained HTML file for people who read rather than review.

It leads with what people look at rather than read: a world map with a great-circle arc per
tie (coloured by its latest status), a timeline of ties per month, then the ties table whose
rows open their history with the evidence; the records themselves stay below. Everything is
inline (CSS, the small sorting and filtering script, the SVG), and a Content-Security-Policy
meta tag forbids loading anything, so the file works offline and cannot phone home.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..record import Party, TwinningRecord
    from ..ties import Tie

UNKNOWN_COUNTRY = "??"


@dataclass
class MapPlace:
    name: str
    country: str
    x: float
    y: float
    ties: int = 0


@dataclass
class TieRow:
    """A tie as the report shows it: its data, its arc on the map, and a lowercase filter text."""

    tie: "Tie"
    arc: str | None
    search: str

    @property
    def latest(self) -> str:
        event = self.tie.history[-1]
        return event.date or event.source.get("published") or ""


def _country(party: "Party") -> str:
    return party.country or UNKNOWN_COUNTRY


def tie_rows(ties: list["Tie"]) -> tuple[list[TieRow], list[MapPlace]]:
    """Rows for the ties table and map, and each mapped place once with its number of ties."""
    from ..geo import position
    from ..ties import party_key
    from .worldmap import arc_path, project

    rows, places = [], {}
    for tie in ties:
        ends = [position(party) for party in tie.parties]
        arc = arc_path(ends[0], ends[1]) if None not in ends else None  # type: ignore[arg-type]
        for party, end in zip(tie.parties, ends):
            if end is not None:
                x, y = project(end)
                place = places.setdefault(party_key(party), MapPlace(party["name"], party["country"] or "", x, y))
                place.ties += 1
        names = " ".join(f"{p['name']} {p['country'] or ''} {p['country_name'] or ''}" for p in tie.parties)
        rows.append(TieRow(tie, arc, f"{names} {tie.status} {tie.relation}".casefold()))
    return rows, sorted(places.values(), key=lambda place: -place.ties)


def counts(records: list["TwinningRecord"]) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """Records per status (vocabulary order) and per country (a record counts once per country)."""
    from ..about import STATUSES
    from .validate import country_name

    by_status = Counter(record.status for record in records)
    by_country = Counter(code for record in records for code in {_country(p) for p in record.parties})
    statuses = [(status, by_status[status]) for status in STATUSES if by_status[status]]
    countries = [(code, country_name(code) or "unknown", n)
                 for code, n in sorted(by_country.items(), key=lambda item: (-item[1], item[0]))]
    return statuses, countries


def _inline_asset(name: str) -> str:
    from .render import STATIC

    return (STATIC / name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    """Allow only our own inline script (by hash) and inline styles; no network at all."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"


def render_report(records: list["TwinningRecord"], errors: list[Any], title: str) -> str:
    """The whole HTML document; record strings are escaped by Jinja, our own assets are inlined."""
    from markupsafe import Markup

    from ..gazetteer import default_gazetteer
    from ..ties import fold_ties, reviewed_rows, tie_of_record
    from .render import card, environment
    from .timeline import timeline
    from .worldmap import HEIGHT, VIEWBOX, WIDTH, land_path

    script = _inline_asset("report.js")
    statuses, countries = counts(records)
    ordered = sorted(records, key=lambda r: (-r.confidence, r.source.id, r.id))
    ties = fold_ties(reviewed_rows(records), default_gazetteer())
    rows, places = tie_rows(ties)
    return environment().get_template("report.html").render(
        title=title, items=[card(record) for record in ordered], errors=errors,
        statuses=statuses, countries=countries, total=len(records), ties=rows, places=places,
        tie_of=tie_of_record(ties), land=land_path(), map_box=VIEWBOX, map_size=(WIDTH, HEIGHT),
        timeline=timeline(ties),
        css=Markup(_inline_asset("marks.css") + _inline_asset("report.css")), script=Markup(script),
        csp=_csp(script),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", type=Path, help="records JSON Lines file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    parser.add_argument("--title", default=None, help="page title (default: the records file name)")


def command(args: argparse.Namespace) -> int:
    from .records import load_records

    if not args.records.is_file():
        print(f"report: no such file: {args.records}", file=sys.stderr)
        return 2
    records, errors = load_records(args.records)
    html = render_report(records, errors, args.title or f"Twinning records: {args.records.name}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(html, encoding="utf-8")
    print(f"report: {len(records)} records -> {args.output}", file=sys.stderr)
    for error in errors:
        print(f"report: line {error.line} unreadable: {error.message}", file=sys.stderr)
    return 1 if errors else 0
