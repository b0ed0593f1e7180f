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
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..ties import fold_ties, reviewed_rows

if TYPE_CHECKING:
    from ..record import Party, TwinningRecord
    from ..ties import Tie

UNKNOWN_COUNTRY = "??"
PAGE_ROWS = 200
"""Ties table rows shown before "show all": laying out thousands of rows would delay the first paint."""


@dataclass
class MapPlace:
    name: str
    country: str
    x: float
    y: float
    ties: int = 0


@dataclass
class TieRow:
    """A tie as the report shows it: its data, its arc on the map, and what the filter matches besides
    the row's visible text (the countries' names, which the row shows as codes)."""

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
        rows.append(TieRow(tie, arc, " ".join(p["country_name"] or "" for p in tie.parties).casefold()))
    return rows, sorted(places.values(), key=lambda place: -place.ties)


def counts(records: list["TwinningRecord"]) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """Records per status (vocabulary order) and per country (a record counts once per country)."""
    from ..about import STATUSES
    from ..country_names import country_name

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


RECORD_FIELDS = ("id", "status", "confidence", "relation", "date", "a", "b", "source", "title", "published", "url",
                 "evidence")
"""Order of a record's values in the page data; arrays, not objects, keep 5,000 records under 5 MB."""


def _record_entry(row: dict[str, Any]) -> list[Any]:
    """What the page's script needs to show one record (in the records table and in histories)."""
    from .render import safe_url

    source = row["source"]
    a, b = (f"{p['name']} ({p['country']})" if p["country"] else p["name"] for p in row["parties"])
    return [row["id"], row["status"], row["confidence"], row["relation"], (row.get("date") or {}).get("value"),
            a, b, source["id"], source.get("title"), source.get("published"), safe_url(source.get("url")),
            [span["text"] for span in row["evidence"]]]


def page_data(rows: list[dict[str, Any]], ties: list["Tie"]) -> str:
    """Records and each tie's record ids as JSON for the page script, safe inside a <script> element.

    Every evidence sentence is written once, here, and shown by the script with ``textContent``
    when a history or the records table is opened; rendering it as HTML in both places made a
    report of 5,000 records three times too large and slow to open.
    """
    ordered = sorted(rows, key=lambda r: (-r["confidence"], r["source"]["id"], r["id"]))
    data = {"fields": RECORD_FIELDS, "records": [_record_entry(row) for row in ordered],
            "ties": {tie.id: [event.record_id for event in tie.history] for tie in ties}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_report(records: list["TwinningRecord"], errors: list[Any], title: str) -> str:
    """The whole HTML document; record strings are escaped by Jinja or JSON, our own assets are inlined."""
    from markupsafe import Markup

    from ..gazetteer import default_gazetteer
    from .render import environment
    from .timeline import timeline
    from .worldmap import HEIGHT, VIEWBOX, WIDTH, land_path

    script = _inline_asset("report.js")
    statuses, countries = counts(records)
    rows = reviewed_rows(records)
    ties = fold_ties(rows, default_gazetteer())
    table, places = tie_rows(ties)
    return environment().get_template("report.html").render(
        title=title, errors=errors, statuses=statuses, countries=countries, total=len(records), ties=table,
        places=places, land=land_path(), map_box=VIEWBOX, map_size=(WIDTH, HEIGHT), timeline=timeline(ties),
        data=Markup(page_data(rows, ties)), page_rows=PAGE_ROWS,
        css=Markup(_inline_asset("report.css")), script=Markup(script), csp=_csp(script),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", type=Path, help="records JSON Lines file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    parser.add_argument("--title", default=None, help="page title (default: the records file name)")


def command(args: argparse.Namespace) -> int:
    from .records import load_records, print_errors

    if not args.records.is_file():
        print(f"report: no such file: {args.records}", file=sys.stderr)
        return 2
    records, errors = load_records(args.records)
    html = render_report(records, errors, args.title or f"Twinning records: {args.records.name}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(html, encoding="utf-8")
    print(f"report: {len(records)} records -> {args.output}", file=sys.stderr)
    print_errors("report", errors)
    return 1 if errors else 0
