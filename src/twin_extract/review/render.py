"""Jinja environment and view models shared by the review app and the HTML report.

Autoescape is always on and templates only receive plain data, so every string that came from
news or records is escaped by Jinja; URLs are further limited to http(s) so a record cannot
smuggle a ``javascript:`` link into an ``href``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from ..about import PARTY_TYPES, RELATIONS, STATUSES
from ..country_names import country_name
from ..record import TwinningRecord
from .records import Segment, evidence_segments, record_dict
from .store import Decision
from .validate import apply_corrections

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

STATUS_COLOURS = {
    "signed": "#1b7f3b",
    "established": "#1f5fbf",
    "pending": "#c07a00",
    "proposed": "#8a4fbf",
    "terminated": "#c0392b",
}
"""One colour per status, used by the report's network and legend (colour-blind safe enough)."""


def safe_url(value: Any) -> str | None:
    """The URL if it is http(s), else None, so templates never link to other schemes."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def mark_class(label: str) -> str:
    """CSS class of a highlight label ("PARTY A" -> "ent-party-a")."""
    return "ent-" + "-".join(label.lower().split())


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(safe_url=safe_url, mark_class=mark_class, country_name=country_name)
    env.globals.update(STATUSES=STATUSES, RELATIONS=RELATIONS, PARTY_TYPES=PARTY_TYPES,
                       STATUS_COLOURS=STATUS_COLOURS)
    return env


@dataclass
class Card:
    """Everything one record's card shows: original evidence, effective fields, review state."""

    id: str
    record: dict[str, Any]
    segments: list[list[Segment]]
    decision: Decision
    changes: list[tuple[str, Any, Any]]


def _party_changes(original: dict[str, Any], effective: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    changes = []
    for label, old, new in zip("AB", original["parties"], effective["parties"]):
        for key in ("name", "country", "type", "subdivision"):
            if old[key] != new[key]:
                changes.append((f"party {label} {key}", old[key], new[key]))
    return changes


def changes(original: dict[str, Any], effective: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every corrected field, so reviewers see what they changed."""
    found = [(key, original[key], effective[key]) for key in ("status", "relation") if original[key] != effective[key]]
    old_date = (original.get("date") or {}).get("value")
    new_date = (effective.get("date") or {}).get("value")
    if old_date != new_date:
        found.append(("date", old_date, new_date))
    return found + _party_changes(original, effective)


def card(record: TwinningRecord, decision: Decision | None = None) -> Card:
    decision = decision or Decision(record.id)
    original = record_dict(record)
    effective = apply_corrections(original, decision.corrections)
    return Card(record.id, effective, evidence_segments(record), decision, changes(original, effective))
