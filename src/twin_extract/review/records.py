"""Reading a records file tolerantly and splitting evidence into highlighted segments.

The review app and the report must keep working when one line of a large records file is
broken, so reading returns the good records together with the bad lines instead of raising.
Highlighting returns plain (text, label) segments; templates escape them, so no HTML is built
here.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from ..record import TwinningRecord


@dataclass(frozen=True)
class RecordError:
    """One unreadable line of a records file, reported to the user instead of aborting."""

    line: int
    message: str


class Segment(NamedTuple):
    """A piece of an evidence sentence; ``label`` is None for unmarked text."""

    text: str
    label: str | None


def _open_lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        yield from handle


class Loaded(NamedTuple):
    """A record and the same record as JSON data (what :func:`record_dict` gives, without rebuilding it)."""

    record: TwinningRecord
    data: dict[str, Any]


def _parse_line(text: str) -> Loaded:
    """Parse one JSON line; raises ValueError with a readable message when it is not a record.
    A reviewed export's ``review`` block (the decision it carries) is set aside, so exported
    records open again in review, report and ties."""
    from .schema import SchemaError, check_record

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    data.pop("review", None)
    try:
        check_record(data)
    except SchemaError as exc:
        raise ValueError(f"not a twinning record: {exc}") from None
    record = TwinningRecord.from_dict(data)
    data.pop("explain", None)
    data["confidence"] = round(record.confidence, 3)
    return Loaded(record, data)


def load_records(path: str | Path) -> tuple[list[TwinningRecord], list[RecordError]]:
    """All records of a JSON Lines file (optionally .gz) that fit the schema, and the lines that did not."""
    loaded, errors = load_record_data(path)
    return [item.record for item in loaded], errors


def load_record_data(path: str | Path) -> tuple[list[Loaded], list[RecordError]]:
    """:func:`load_records` keeping each record's JSON data too (the review queue filters on it).

    A file that stops being readable part-way (a truncated .gz) keeps the records read so far and
    reports the rest as one error, so no input file can end a command with a traceback.
    """
    records: list[Loaded] = []
    errors: list[RecordError] = []
    first_line: dict[str, int] = {}
    number = 0
    try:
        for number, text in enumerate(_open_lines(Path(path)), start=1):
            if not text.strip():
                continue
            try:
                loaded = _parse_line(text)
            except ValueError as exc:
                errors.append(RecordError(number, str(exc)))
                continue
            record_id = loaded.record.id
            if record_id in first_line:
                errors.append(RecordError(number, f"duplicate record id {record_id} (first on line {first_line[record_id]})"))
                continue
            first_line[record_id] = number
            records.append(loaded)
    except (OSError, EOFError) as exc:
        errors.append(RecordError(number + 1, f"cannot read the file from here on: {exc}"))
    return records, errors


def print_errors(command: str, errors: list[RecordError]) -> None:
    """The skipped lines on stderr, one per line, as every command that reads records reports them."""
    for error in errors:
        print(f"{command}: line {error.line} unreadable, skipped: {error.message}", file=sys.stderr)


def load_many(paths: list[Path]) -> tuple[list[TwinningRecord], list[str]]:
    """Records of several files, each id kept once; problems as "file line N: message" strings."""
    records: list[TwinningRecord] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in paths:
        found, errors = load_records(path)
        problems += [f"{path} line {error.line}: {error.message}" for error in errors]
        for record in found:
            if record.id in seen:
                problems.append(f"{path}: record {record.id} already read from {seen[record.id]}; skipped")
                continue
            seen[record.id] = path
            records.append(record)
    return records, problems


def _locate(evidence: str, offset: int, text: str) -> int | None:
    """Where ``text`` sits in the evidence: at the recorded offset if it matches there, else searched."""
    if text and offset >= 0 and evidence[offset:offset + len(text)] == text:
        return offset
    found = evidence.find(text) if text else -1
    return found if found >= 0 else None


def _marks(record: TwinningRecord, span_start: int, evidence: str) -> list[tuple[int, int, str]]:
    wanted: list[tuple[int, str, str]] = [
        (party.start, party.text, label) for party, label in zip(record.parties, ("PARTY A", "PARTY B"))
    ]
    if record.date is not None and record.date.text:
        wanted.append((record.date.start, record.date.text, "DATE"))
    marks = []
    for start, text, label in wanted:
        local = _locate(evidence, start - span_start, text)
        if local is not None:
            marks.append((local, local + len(text), label))
    return sorted(marks)


def segments(record: TwinningRecord, span_index: int) -> list[Segment]:
    """The evidence span split into plain and marked pieces; overlapping marks keep the first."""
    span = record.evidence[span_index]
    pieces: list[Segment] = []
    cursor = 0
    for start, end, label in _marks(record, span.start, span.text):
        if start < cursor:
            continue
        if start > cursor:
            pieces.append(Segment(span.text[cursor:start], None))
        pieces.append(Segment(span.text[start:end], label))
        cursor = end
    if cursor < len(span.text):
        pieces.append(Segment(span.text[cursor:], None))
    return pieces


def evidence_segments(record: TwinningRecord) -> list[list[Segment]]:
    """Segments for every evidence span of the record, in order."""
    return [segments(record, index) for index in range(len(record.evidence))]


def record_dict(record: TwinningRecord) -> dict[str, Any]:
    """The record as JSON data without the optional ``explain`` key, which review ignores."""
    return record.to_dict(explain=False)
