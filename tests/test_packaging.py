"""Declared dependencies: every core dependency in pyproject.toml is used by the package."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from twin_extract.about import DEFAULT_MODEL

tomllib = pytest.importorskip("tomllib")

SOURCES = "\n".join(path.read_text("utf-8") for path in (ROOT / "src" / "twin_extract").rglob("*.py"))


def core_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return [re.match(r"[A-Za-z0-9_.\-]+", spec).group(0) for spec in project["dependencies"]]


MODEL_DISTRIBUTION = DEFAULT_MODEL.replace("_", "-")
"""The spaCy model is loaded by name (``spacy.load``), never imported."""


def test_the_default_model_is_declared() -> None:
    assert MODEL_DISTRIBUTION in core_dependencies()


@pytest.mark.parametrize("distribution", [d for d in core_dependencies() if d != MODEL_DISTRIBUTION])
def test_every_declared_dependency_is_imported(distribution: str) -> None:
    module = distribution.lower().replace("-", "_")
    assert re.search(rf"^\s*(?:import|from)\s+{module}\b", SOURCES, re.M), f"{distribution} is declared but not imported"
