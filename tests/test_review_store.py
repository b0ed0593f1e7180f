"""Decisions database: versions, history and undo, vanished records, persistence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from twin_extract.review.store import Decision, NothingToUndo, StaleVersion, Store, default_db_path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "review.sqlite")


def test_untouched_record_is_unreviewed_version_0(store: Store) -> None:
    assert store.get("r1") == Decision("r1")


def test_decide_records_who_when_and_bumps_version(store: Store) -> None:
    decision = store.decide("r1", "accepted", "ana", 0)
    assert (decision.state, decision.reviewer, decision.version) == ("accepted", "ana", 1)
    assert decision.at and decision.at.endswith("+00:00")
    assert store.get("r1") == decision


def test_stale_version_is_refused_and_changes_nothing(store: Store) -> None:
    store.decide("r1", "accepted", "tab1", 0)
    with pytest.raises(StaleVersion):
        store.decide("r1", "rejected", "tab2", 0)
    assert store.get("r1").state == "accepted"
    assert store.get("r1").version == 1


def test_corrections_are_stored_as_json(store: Store) -> None:
    corrections = {"parties": [{"country": "DE"}, {}], "status": "pending"}
    store.decide("r1", "corrected", "ana", 0, corrections)
    assert store.get("r1").corrections == corrections
    with sqlite3.connect(store.path) as conn:
        raw = conn.execute("SELECT corrections FROM decisions").fetchone()[0]
    assert '"DE"' in raw


def test_corrected_requires_corrections_and_accept_refuses_them(store: Store) -> None:
    with pytest.raises(ValueError):
        store.decide("r1", "corrected", "ana", 0)
    with pytest.raises(ValueError):
        store.decide("r1", "accepted", "ana", 0, {"status": "signed"})
    with pytest.raises(ValueError):
        store.decide("r1", "maybe", "ana", 0)
    assert store.get("r1").version == 0


def test_note_keeps_state_and_decision_keeps_note(store: Store) -> None:
    store.decide("r1", "rejected", "ana", 0)
    store.set_note("r1", "duplicate of r2", "ana", 1)
    decision = store.decide("r1", "accepted", "ana", 2)
    assert (decision.state, decision.note) == ("accepted", "duplicate of r2")


def test_undo_restores_previous_state_with_a_newer_version(store: Store) -> None:
    store.decide("r1", "corrected", "ana", 0, {"status": "pending"})
    store.decide("r1", "accepted", "ana", 1)
    restored = store.undo("r1").decision
    assert (restored.state, restored.corrections, restored.version) == ("corrected", {"status": "pending"}, 3)
    restored = store.undo("r1", version=3).decision
    assert (restored.state, restored.reviewer, restored.version) == ("unreviewed", None, 4)
    with pytest.raises(NothingToUndo):
        store.undo("r1")


def test_undo_checks_version_when_given(store: Store) -> None:
    store.decide("r1", "accepted", "ana", 0)
    with pytest.raises(StaleVersion):
        store.undo("r1", version=0)
    assert store.get("r1").state == "accepted"


def test_global_undo_takes_the_latest_change(store: Store) -> None:
    store.decide("r1", "accepted", "ana", 0)
    store.decide("r2", "rejected", "ana", 0)
    assert store.undo().decision.record_id == "r2"
    assert store.undo().decision.record_id == "r1"
    with pytest.raises(NothingToUndo):
        store.undo()


def test_undo_per_reviewer_leaves_a_colleagues_changes(store: Store) -> None:
    store.decide("r1", "accepted", "ana", 0)
    store.decide("r2", "rejected", "bob", 0)
    undone = store.undo(reviewer="ana")
    assert (undone.decision.record_id, undone.action, undone.reviewer) == ("r1", "accepted", "ana")
    with pytest.raises(NothingToUndo, match="nothing to undo for ana"):
        store.undo(reviewer="ana")
    with pytest.raises(NothingToUndo, match="made by bob"):
        store.undo("r2", reviewer="ana")
    assert store.get("r2").state == "rejected"


def test_decisions_survive_reopening(tmp_path: Path) -> None:
    Store(tmp_path / "db.sqlite").decide("r1", "accepted", "ana", 0)
    assert Store(tmp_path / "db.sqlite").get("r1").state == "accepted"


def test_vanished_lists_decisions_and_notes_of_unknown_records(store: Store) -> None:
    store.decide("kept", "accepted", "ana", 0)
    store.decide("gone", "rejected", "ana", 0)
    store.set_note("gone-note", "check", "ana", 0)
    store.decide("gone-undone", "accepted", "ana", 0)
    store.undo("gone-undone")
    assert [d.record_id for d in store.vanished({"kept"})] == ["gone", "gone-note"]


def test_default_db_is_beside_the_records(tmp_path: Path) -> None:
    assert default_db_path(tmp_path / "outputs" / "records.jsonl") == (tmp_path / "outputs" / "review.sqlite").resolve()
