"""Checking a reviewer's corrections and applying them to a record.

Corrections are stored as a diff against the extracted record (only what the reviewer changed),
so the original stays visible and re-exports apply the same edits. Every value is checked here,
before anything reaches the database, so a bad request leaves the database unchanged.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pycountry

from ..about import COUNTRY_CODE, DATE_VALUE, PARTY_TYPES, RELATIONS, STATUSES, SUBDIVISION_CODE
from ..country_names import country_name

PARTY_FIELDS = ("name", "country", "type", "subdivision")
MAX_NAME = 200
MAX_NOTE = 5000


class CorrectionError(ValueError):
    """A correction the reviewer must fix; the message is shown to them as is."""


def check_country(value: Any, label: str) -> str | None:
    text = _text(value, label).upper()
    if not text:
        return None
    if not COUNTRY_CODE.fullmatch(text) or country_name(text) is None:
        raise CorrectionError(f"{label}: {text!r} is not an ISO 3166-1 alpha-2 country code")
    return text


def check_subdivision(value: Any, label: str, country: str | None) -> str | None:
    text = _text(value, label).upper()
    if not text:
        return None
    if not SUBDIVISION_CODE.fullmatch(text) or pycountry.subdivisions.get(code=text) is None:
        raise CorrectionError(f"{label}: {text!r} is not an ISO 3166-2 subdivision code")
    if country and not text.startswith(country + "-"):
        raise CorrectionError(f"{label}: {text} is not in {country} ({country_name(country)})")
    return text


def check_date(value: Any) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real calendar date; empty clears it."""
    text = _text(value, "date")
    if not text:
        return None
    match = DATE_VALUE.fullmatch(text)
    if not match:
        raise CorrectionError(f"date: {text!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise CorrectionError(f"date: {text} is not a real date") from None
    return text


def check_choice(value: Any, label: str, allowed: tuple[str, ...]) -> str:
    text = _text(value, label)
    if text not in allowed:
        raise CorrectionError(f"{label}: {text!r} is not one of {', '.join(allowed)}")
    return text


def check_note(value: Any) -> str:
    text = _text(value, "note")
    if len(text) > MAX_NOTE:
        raise CorrectionError(f"note: longer than {MAX_NOTE} characters")
    return text


def _text(value: Any, label: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CorrectionError(f"{label}: expected a string")
    return value.strip()


def _check_party(raw: Any, index: int) -> dict[str, Any]:
    label = f"party {'AB'[index]}"
    if not isinstance(raw, dict):
        raise CorrectionError(f"{label}: expected an object")
    unknown = set(raw) - set(PARTY_FIELDS)
    if unknown:
        raise CorrectionError(f"{label}: unknown field(s) {', '.join(sorted(unknown))}")
    party: dict[str, Any] = {}
    if "name" in raw:
        party["name"] = _text(raw["name"], f"{label} name")
        if not party["name"] or len(party["name"]) > MAX_NAME:
            raise CorrectionError(f"{label} name: must be 1 to {MAX_NAME} characters")
    if "country" in raw:
        party["country"] = check_country(raw["country"], f"{label} country")
    if "type" in raw:
        party["type"] = check_choice(raw["type"], f"{label} type", PARTY_TYPES)
    if "subdivision" in raw:
        party["subdivision"] = check_subdivision(raw["subdivision"], f"{label} subdivision", party.get("country"))
    return party


def check_corrections(raw: Any) -> dict[str, Any]:
    """Validated, normalised corrections; keys left out mean "unchanged"."""
    if not isinstance(raw, dict):
        raise CorrectionError("corrections: expected an object")
    unknown = set(raw) - {"parties", "status", "date", "relation"}
    if unknown:
        raise CorrectionError(f"corrections: unknown field(s) {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    if "status" in raw:
        clean["status"] = check_choice(raw["status"], "status", STATUSES)
    if "relation" in raw:
        clean["relation"] = check_choice(raw["relation"], "relation", RELATIONS)
    if "date" in raw:
        clean["date"] = check_date(raw["date"])
    if "parties" in raw:
        parties = raw["parties"]
        if not isinstance(parties, list) or len(parties) != 2:
            raise CorrectionError("parties: expected a list of two objects")
        clean["parties"] = [_check_party(party, index) for index, party in enumerate(parties)]
    return clean


def diff_corrections(original: dict[str, Any], clean: dict[str, Any]) -> dict[str, Any]:
    """Only the values that differ from the extracted record, so unchanged fields are not stored."""
    diff: dict[str, Any] = {}
    for key in ("status", "relation"):
        if key in clean and clean[key] != original[key]:
            diff[key] = clean[key]
    if "date" in clean and clean["date"] != _date_value(original):
        diff["date"] = clean["date"]
    party_diffs = [
        {key: value for key, value in new.items() if value != old.get(key)}
        for new, old in zip(clean.get("parties", [{}, {}]), original["parties"])
    ]
    if any(party_diffs):
        diff["parties"] = party_diffs
    return diff


def _date_value(record: dict[str, Any]) -> str | None:
    return record["date"]["value"] if record.get("date") else None


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def apply_corrections(original: dict[str, Any], corrections: dict[str, Any] | None) -> dict[str, Any]:
    """A copy of the record dict with the corrections applied; offsets keep pointing at the source."""
    record = copy.deepcopy(original)
    if not corrections:
        return record
    for key in ("status", "relation"):
        if key in corrections:
            record[key] = corrections[key]
    if "date" in corrections:
        record["date"] = _corrected_date(record.get("date"), corrections["date"])
    for party, change in zip(record["parties"], corrections.get("parties", [])):
        party.update(change)
        if "country" in change:
            party["country_name"] = country_name(change["country"])
    return record


def _corrected_date(old: dict[str, Any] | None, value: str | None) -> dict[str, Any] | None:
    if value is None:
        return None
    base = old or {"text": "", "start": 0, "end": 0}
    return {**base, "value": value, "precision": _precision(value)}
