"""``twin-extract export``: write the accepted and corrected records of a review.

Records are written with corrections applied and the review metadata under ``"review"``
(``state``, ``reviewer``, ``at``, ``note``). ``--format csv`` flattens the two parties into
``a_*`` and ``b_*`` columns.

``--as-gold`` writes the gold format of the evaluation issue, one document per source id, so that
reviewed data becomes test data. Limitation: records carry only their evidence sentences, not the
whole article, so a gold document's ``text`` is the distinct evidence sentences of that source
joined with a space. Evaluating on such documents tests the extractor on those sentences only;
relations the extractor missed entirely in the article cannot appear in the exported gold.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable

from ..readers import safe_cell

if TYPE_CHECKING:
    from ..record import TwinningRecord
    from .store import Decision

EXPORTED = ("accepted", "corrected")
PARTY_COLUMNS = ("name", "country", "country_name", "type", "subdivision", "geonames_id", "text")
CSV_COLUMNS = (
    "id", "source_id", "source_url", "source_path", "source_title", "published", "relation", "status",
    "date", "date_precision", "date_text", "confidence",
    *(f"{side}_{column}" for side in "ab" for column in PARTY_COLUMNS),
    "evidence", "review_state", "review_reviewer", "review_at", "review_note",
)


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


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    date = row.get("date") or {}
    flat: dict[str, Any] = {
        "id": row["id"], "source_id": row["source"]["id"], "source_url": row["source"]["url"],
        "source_path": row["source"]["path"], "source_title": row["source"]["title"],
        "published": row["source"]["published"], "relation": row["relation"], "status": row["status"],
        "date": date.get("value"), "date_precision": date.get("precision"), "date_text": date.get("text"),
        "confidence": row["confidence"], "evidence": " ".join(span["text"] for span in row["evidence"]),
    }
    for side, party in zip("ab", row["parties"]):
        flat.update({f"{side}_{column}": party[column] for column in PARTY_COLUMNS})
    flat.update({f"review_{key}": value for key, value in row["review"].items()})
    return flat


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: safe_cell(value) for column, value in csv_row(row).items()})


def gold_party(party: dict[str, Any]) -> dict[str, Any]:
    """A party in the gold format: regions carry their ISO 3166-2 code as ``code``."""
    gold = {"name": party["name"], "country": party["country"], "type": party["type"]}
    if party["type"] == "region" and party["subdivision"]:
        gold["code"] = party["subdivision"]
    return gold


def gold_documents(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One gold document per source id, in order of first appearance (see the module docstring)."""
    documents: dict[str, dict[str, Any]] = {}
    sentences: dict[str, dict[tuple[int, int], str]] = {}
    for row in rows:
        source = row["source"]
        doc = documents.setdefault(source["id"], {
            "id": source["id"], "url": source["url"], "published": source["published"],
            "text": "", "pairs": [], "notes": "exported from review",
        })
        for span in row["evidence"]:
            sentences.setdefault(source["id"], {})[(span["start"], span["end"])] = span["text"]
        doc["pairs"].append({
            "a": gold_party(row["parties"][0]), "b": gold_party(row["parties"][1]),
            "status": row["status"], "date": row["date"]["value"] if row.get("date") else None,
        })
    for source_id, doc in documents.items():
        doc["text"] = " ".join(text for _, text in sorted(sentences[source_id].items()))
    return list(documents.values())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("records", type=Path, help="records JSON Lines file that was reviewed")
    parser.add_argument("--db", type=Path, default=None,
                        help="decisions database (default: review.sqlite beside the records)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output file, '-' for stdout")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--as-gold", action="store_true",
                        help="write evaluation gold documents (JSON Lines), one per source")


def render(rows: list[dict[str, Any]], fmt: str, as_gold: bool) -> str:
    buffer = io.StringIO()
    if as_gold:
        write_jsonl(gold_documents(rows), buffer)
    elif fmt == "csv":
        write_csv(rows, buffer)
    else:
        write_jsonl(rows, buffer)
    return buffer.getvalue()


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
