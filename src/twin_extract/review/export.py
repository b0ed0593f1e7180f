"""``twin-extract export``: write the accepted and corrected records of a review.

Records are written with corrections applied and the review metadata under ``"review"``
(``state``, ``reviewer``, ``at``, ``note``). ``--format csv`` writes the layout of
``csv_layout`` (the same as ``run --format csv``) plus the ``review_*`` columns.

``--as-gold`` writes the gold format (``gold.py``), one document per source id, so that reviewed
data becomes test data. Limitation: records carry only their evidence sentences, not the whole
article, so a gold document's ``text`` is the distinct evidence sentences of that source joined
with a space. Evaluating on such documents tests the extractor on those sentences only;
relations the extractor missed entirely in the article cannot appear in the exported gold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .. import csv_layout, jsonl
from ..gold import documents_from_records

if TYPE_CHECKING:
    from ..record import TwinningRecord
    from .store import Decision

EXPORTED = ("accepted", "corrected")


def reviewed(records: Iterable["TwinningRecord"], decisions: dict[str, "Decision"]) -> list[dict[str, Any]]:
    """Accepted and corrected records, in file order, corrections applied, review metadata added."""
    from .validate import apply_corrections

    rows = []
    for record in records:
        decision = decisions.get(record.id)
        if decision is None or decision.state not in EXPORTED:
            continue
        row = apply_corrections(record.to_dict(), decision.corrections)
        row["review"] = {"state": decision.state, "reviewer": decision.reviewer, "at": decision.at,
                         "note": decision.note}
        rows.append(row)
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", type=Path, help="records JSON Lines file that was reviewed")
    parser.add_argument("--db", type=Path, default=None,
                        help="decisions database (default: review.sqlite beside the records)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output file, '-' for stdout")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--as-gold", action="store_true",
                        help="write evaluation gold documents (JSON Lines), one per source")


def render(rows: list[dict[str, Any]], fmt: str, as_gold: bool) -> str:
    if as_gold:
        return jsonl.dumps(doc.to_dict() for doc in documents_from_records(rows))
    if fmt == "csv":
        header = csv_layout.columns(review=True)
        return csv_layout.csv_text([header, *csv_layout.record_rows(rows, header)])
    return jsonl.dumps(rows)


def command(args: argparse.Namespace) -> int:
    from .records import load_records
    from .store import Store, default_db_path

    if args.as_gold and args.format == "csv":
        print("export: --as-gold writes JSON Lines; drop --format csv", file=sys.stderr)
        return 2
    db_path = args.db or default_db_path(args.records)
    if not args.records.is_file() or not Path(db_path).is_file():
        print(f"export: missing {args.records if not args.records.is_file() else db_path}", file=sys.stderr)
        return 2
    records, errors = load_records(args.records)
    store = Store(db_path)
    rows = reviewed(records, store.all())
    text = render(rows, args.format, args.as_gold)
    if str(args.output) == "-":
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8", newline="")
    _summary(len(rows), errors, store.vanished({record.id for record in records}))
    return 1 if errors else 0


def _summary(count: int, errors: list[Any], vanished: list["Decision"]) -> None:
    from .records import print_errors

    print(f"export: {count} reviewed record(s) written", file=sys.stderr)
    print_errors("export", errors)
    if vanished:
        print(f"export: {len(vanished)} decision(s) refer to records no longer in the file; skipped", file=sys.stderr)
