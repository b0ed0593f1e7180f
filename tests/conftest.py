"""Shared fixtures: one Extractor per test session (loading spaCy costs about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "source-article.txt"


@pytest.fixture(scope="session")
def extractor():
    from twin_extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def pairs_of(records) -> set[frozenset[str]]:
    """Unordered name pairs, the way a reader checks a result."""
    return {frozenset(p.name for p in r.parties) for r in records}
