"""`review`, `export` and `report` on hostile input files: a clear line on stderr, never a traceback."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from review_fixtures import sample_records, write_records
from twin_extract.cli import main
from twin_extract.review.store import Store

GOOD = sample_records()


def _garbage(folder: Path) -> Path:
    path = folder / "records.jsonl"
    path.write_bytes(bytes(range(256)) * 8 + b"\n[1, 2]\n\"text\"\n")
    return path


def _bad_gzip(folder: Path) -> Path:
    path = folder / "records.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    return path


def _truncated_gzip(folder: Path) -> Path:
    path = folder / "records.jsonl.gz"
    whole = gzip.compress(write_records(folder / "plain.jsonl", GOOD).read_bytes())
    path.write_bytes(whole[: len(whole) - 20])
    return path


def _mixed_ids(folder: Path) -> Path:
    numeric = GOOD[0].to_dict() | {"id": 7}
    return write_records(folder / "records.jsonl", GOOD[1:], bad_lines={0: json.dumps(numeric)})


FILES = {"garbage": _garbage, "bad gzip": _bad_gzip, "truncated gzip": _truncated_gzip, "mixed ids": _mixed_ids}


@pytest.mark.parametrize("command", ["report", "export"])
@pytest.mark.parametrize("kind", list(FILES))
def test_hostile_records_file_is_reported_not_raised(tmp_path: Path, kind: str, command: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = FILES[kind](tmp_path)
    Store(tmp_path / "review.sqlite")
    args = [command, str(path), "-o", str(tmp_path / "out.html")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "unreadable, skipped" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["report", "export"])
def test_output_that_is_a_folder_is_a_usage_error(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_records(tmp_path / "records.jsonl", GOOD)
    Store(tmp_path / "review.sqlite")
    assert main([command, str(path), "-o", str(tmp_path)]) == 2
    assert "Is a directory" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["review", "export"])
def test_a_database_that_is_not_sqlite_is_a_usage_error(tmp_path: Path, command: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write_records(tmp_path / "records.jsonl", GOOD)
    (tmp_path / "review.sqlite").write_bytes(b"not a database, just text " * 100)
    args = [command, str(path)] + (["-o", str(tmp_path / "out.jsonl")] if command == "export" else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "decisions database cannot be used" in err and "http://" not in err
