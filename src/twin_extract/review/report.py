"""``twin-extract report``: one self-contained HTML file for people who read rather than review.

Everything is inline (CSS, the small table-sorting script, the SVG network), and a
Content-Security-Policy meta tag forbids loading anything, so the file works offline and cannot
phone home. The network layout is computed here, deterministically: countries sit on a large
circle in code order and each country's places on a small circle around it, so the same records
always give the same picture and diffs of reports stay meaningful.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..record import Party, TwinningRecord

UNKNOWN_COUNTRY = "??"
MARGIN = 130.0
LABEL_CHARS = 24


@dataclass
class Node:
    key: str
    name: str
    country: str
    x: float = 0.0
    y: float = 0.0

    @property
    def label(self) -> str:
        """The name shortened for the picture; the full name is in the node's tooltip."""
        return self.name if len(self.name) <= LABEL_CHARS else self.name[:LABEL_CHARS - 1] + "…"


@dataclass
class Edge:
    a: Node
    b: Node
    status: str
    count: int = 1


@dataclass
class CountryGroup:
    code: str
    name: str
    places: list[Node]
    x: float = 0.0
    y: float = 0.0
    radius: float = 0.0
    label_x: float = 0.0
    label_y: float = 0.0


@dataclass
class Network:
    size: float
    groups: list[CountryGroup] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def _country(party: "Party") -> str:
    return party.country or UNKNOWN_COUNTRY


def _nodes(records: list["TwinningRecord"]) -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    for record in records:
        for party in record.parties:
            nodes.setdefault(party.key, Node(party.key, party.name, _country(party)))
    return nodes


def _edges(records: list["TwinningRecord"], nodes: dict[str, Node]) -> list[Edge]:
    """One edge per unordered place pair and status; repeated ties thicken it."""
    edges: dict[tuple[str, str, str], Edge] = {}
    for record in records:
        a, b = sorted(party.key for party in record.parties)
        key = (a, b, record.status)
        if key in edges:
            edges[key].count += 1
        else:
            edges[key] = Edge(nodes[a], nodes[b], record.status)
    return [edges[key] for key in sorted(edges)]


def _groups(nodes: dict[str, Node]) -> list[CountryGroup]:
    from ..country_names import country_name

    by_country: dict[str, list[Node]] = {}
    for node in nodes.values():
        by_country.setdefault(node.country, []).append(node)
    codes = sorted(by_country, key=lambda code: (code == UNKNOWN_COUNTRY, code))
    return [
        CountryGroup(code, country_name(code) or "unknown country",
                     sorted(by_country[code], key=lambda n: (n.name.casefold(), n.key)))
        for code in codes
    ]


def _place_radius(count: int) -> float:
    return 0.0 if count == 1 else min(110.0, 16.0 + 9.0 * count)


def _on_circle(cx: float, cy: float, radius: float, index: int, total: int) -> tuple[float, float]:
    angle = 2 * math.pi * index / total - math.pi / 2
    return round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)


def layout(records: list["TwinningRecord"]) -> Network:
    """Deterministic positions: countries on a circle, their places on a circle around each."""
    nodes = _nodes(records)
    groups = _groups(nodes)
    if not groups:
        return Network(size=200.0)
    inner = max(_place_radius(len(g.places)) for g in groups)
    ring = 0.0 if len(groups) == 1 else max(200.0, len(groups) * (2 * inner + 40) / (2 * math.pi))
    centre = ring + inner + MARGIN
    for index, group in enumerate(groups):
        group.x, group.y = _on_circle(centre, centre, ring, index, len(groups))
        group.radius = _place_radius(len(group.places))
        group.label_x, group.label_y = group.x, round(group.y + group.radius + 28, 1)
        for place_index, node in enumerate(group.places):
            node.x, node.y = _on_circle(group.x, group.y, group.radius, place_index, len(group.places))
    return Network(size=round(2 * centre, 1), groups=groups, edges=_edges(records, nodes))


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


def render_report(records: list["TwinningRecord"], errors: list[Any], title: str) -> str:
    """The whole HTML document; record strings are escaped by Jinja, our own assets are inlined."""
    from markupsafe import Markup

    from .render import card, environment

    script = _inline_asset("report.js")
    statuses, countries = counts(records)
    ordered = sorted(records, key=lambda r: (-r.confidence, r.source.id, r.id))
    return environment().get_template("report.html").render(
        title=title, items=[card(record) for record in ordered], errors=errors,
        statuses=statuses, countries=countries, network=layout(records), total=len(records),
        css=Markup(_inline_asset("marks.css") + _inline_asset("report.css")), script=Markup(script),
        csp=_csp(script),
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
