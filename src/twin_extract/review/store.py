"""Review decisions in SQLite, keyed by record id.

Record ids are stable across extraction runs, so decisions survive a re-run for every record whose
id did not change; decisions whose record disappeared are reported by :meth:`Store.vanished`.
Each row carries a version that every change must quote: a second browser tab holding an old
version gets :class:`StaleVersion` instead of silently overwriting the first tab's work. Every
change also writes the previous row to a history table, which is what undo restores.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

STATES = ("unreviewed", "accepted", "rejected", "corrected")
DECIDED = ("accepted", "rejected", "corrected")

SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    record_id   TEXT PRIMARY KEY,
    state       TEXT NOT NULL CHECK (state IN ('unreviewed', 'accepted', 'rejected', 'corrected')),
    reviewer    TEXT,
    at          TEXT,
    note        TEXT NOT NULL DEFAULT '',
    corrections TEXT,
    version     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    reviewer  TEXT,
    at        TEXT NOT NULL,
    before    TEXT
);
CREATE INDEX IF NOT EXISTS history_record ON history (record_id, seq);
"""


class StaleVersion(Exception):
    """The client edited an out-of-date copy of the decision (another tab changed it first)."""

    def __init__(self, record_id: str, expected: int, current: int) -> None:
        super().__init__(
            f"record {record_id} changed elsewhere (you had version {expected}, it is now {current}); reload"
        )
        self.current = current


class NothingToUndo(Exception):
    """Undo was asked for but no change is recorded."""


@dataclass
class Decision:
    """The review state of one record; ``version`` 0 means it was never touched."""

    record_id: str
    state: str = "unreviewed"
    reviewer: str | None = None
    at: str | None = None
    note: str = ""
    corrections: dict[str, Any] | None = None
    version: int = 0

    def public(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Undone:
    """What an undo restored, and which change (``accepted``, ``note``, ...) by whom it reverted."""

    decision: Decision
    action: str
    reviewer: str | None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _row_to_decision(row: sqlite3.Row) -> Decision:
    corrections = json.loads(row["corrections"]) if row["corrections"] else None
    return Decision(row["record_id"], row["state"], row["reviewer"], row["at"], row["note"], corrections, row["version"])


def _snapshot(decision: Decision | None) -> str | None:
    if decision is None or decision.version == 0:
        return None
    return json.dumps({k: v for k, v in decision.public().items() if k not in ("record_id", "version")})


class Store:
    """Decisions database; one short connection per call so it is safe from any thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
            conn.row_factory = sqlite3.Row
            yield conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE so the version check and the write cannot interleave with another writer."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def get(self, record_id: str) -> Decision:
        with self._connect() as conn:
            return self._get(conn, record_id)

    @staticmethod
    def _get(conn: sqlite3.Connection, record_id: str) -> Decision:
        row = conn.execute("SELECT * FROM decisions WHERE record_id = ?", (record_id,)).fetchone()
        return _row_to_decision(row) if row else Decision(record_id)

    def all(self) -> dict[str, Decision]:
        with self._connect() as conn:
            rows = conn.execute("SELECT * FROM decisions").fetchall()
        return {row["record_id"]: _row_to_decision(row) for row in rows}

    def decide(self, record_id: str, state: str, reviewer: str, version: int,
               corrections: dict[str, Any] | None = None) -> Decision:
        """Accept, reject or correct; accepting or rejecting drops earlier corrections (undo keeps them)."""
        if state not in DECIDED:
            raise ValueError(f"unknown decision {state!r}")
        if (state == "corrected") != bool(corrections):
            raise ValueError("corrections go with the 'corrected' state and only with it")

        def mutate(decision: Decision) -> None:
            decision.state, decision.corrections = state, corrections or None

        return self._change(record_id, version, state, reviewer, mutate)

    def set_note(self, record_id: str, note: str, reviewer: str, version: int) -> Decision:
        def mutate(decision: Decision) -> None:
            decision.note = note

        return self._change(record_id, version, "note", reviewer, mutate)

    def _change(self, record_id: str, version: int, action: str, reviewer: str,
                mutate: Callable[[Decision], None]) -> Decision:
        with self._transaction() as conn:
            current = self._get(conn, record_id)
            if current.version != version:
                raise StaleVersion(record_id, version, current.version)
            stamp = now()
            self._log(conn, record_id, action, reviewer, stamp, current)
            updated = Decision(**current.public())
            mutate(updated)
            updated.reviewer, updated.at, updated.version = reviewer, stamp, current.version + 1
            self._write(conn, updated)
            return updated

    @staticmethod
    def _log(conn: sqlite3.Connection, record_id: str, action: str, reviewer: str | None,
             stamp: str, before: Decision) -> None:
        conn.execute(
            "INSERT INTO history (record_id, action, reviewer, at, before) VALUES (?, ?, ?, ?, ?)",
            (record_id, action, reviewer, stamp, _snapshot(before)),
        )

    @staticmethod
    def _write(conn: sqlite3.Connection, decision: Decision) -> None:
        corrections = json.dumps(decision.corrections) if decision.corrections else None
        conn.execute(
            "INSERT OR REPLACE INTO decisions (record_id, state, reviewer, at, note, corrections, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (decision.record_id, decision.state, decision.reviewer, decision.at, decision.note,
             corrections, decision.version),
        )

    def undo(self, record_id: str | None = None, version: int | None = None,
             reviewer: str | None = None) -> "Undone":
        """Restore the state before the latest change (of one record, or of any record).

        With ``reviewer`` only that reviewer's changes are undone: undo never reverts a colleague's
        work. The version keeps counting up, so a tab holding the pre-undo version is still stale.
        """
        with self._transaction() as conn:
            entry = self._last_change(conn, record_id, reviewer)
            current = self._get(conn, entry["record_id"])
            if version is not None and current.version != version:
                raise StaleVersion(entry["record_id"], version, current.version)
            before = json.loads(entry["before"]) if entry["before"] else {}
            restored = Decision(entry["record_id"], **before, version=current.version + 1)
            self._write(conn, restored)
            conn.execute("DELETE FROM history WHERE seq = ?", (entry["seq"],))
            return Undone(restored, entry["action"], entry["reviewer"])

    @staticmethod
    def _last_change(conn: sqlite3.Connection, record_id: str | None, reviewer: str | None) -> sqlite3.Row:
        if record_id is None and reviewer is None:
            row = conn.execute("SELECT * FROM history ORDER BY seq DESC LIMIT 1").fetchone()
        elif record_id is None:
            row = conn.execute(
                "SELECT * FROM history WHERE reviewer = ? ORDER BY seq DESC LIMIT 1", (reviewer,)
            ).fetchone()
        else:
            row = conn.execute(
                "SELECT * FROM history WHERE record_id = ? ORDER BY seq DESC LIMIT 1", (record_id,)
            ).fetchone()
        if row is None:
            raise NothingToUndo("nothing to undo" + (f" for {reviewer}" if reviewer and record_id is None else ""))
        if reviewer is not None and row["reviewer"] != reviewer:
            raise NothingToUndo(f"the latest change of {row['record_id']} was made by {row['reviewer']}; "
                                f"only they can undo it")
        return row

    def vanished(self, known_ids: set[str]) -> list[Decision]:
        """Decisions (or notes) whose record is no longer in the records file."""
        return [
            decision for record_id, decision in sorted(self.all().items())
            if record_id not in known_ids and (decision.state != "unreviewed" or decision.note)
        ]


def default_db_path(records_path: str | Path) -> Path:
    """``review.sqlite`` beside the records file, as the issue asks."""
    return Path(records_path).resolve().parent / "review.sqlite"
