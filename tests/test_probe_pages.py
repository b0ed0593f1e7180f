"""Probe sentences and documents of everyday phrasing and layout, written for the rules (not from
any gold document): regions as parties (checked by ISO 3166-2 code), homonyms decided by their
context, council minutes and resolutions, distractors that name no tie, partner pages and list
layouts, Asian and wire English, ties named in one sentence and the pair in another, and dates as
pages give them. They live in ``tools/probes/*.txt`` (one probe a line: ``pairs|status|date|text``;
``tools/probes/probe.py`` reads and checks them, and runs them by hand); a line opening with ``!``
is a case left on purpose, run here as a strict xfail."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PROBE_DIR = Path(__file__).resolve().parent.parent / "tools" / "probes"
_spec = importlib.util.spec_from_file_location("twin_probes", PROBE_DIR / "probe.py")
probe = sys.modules["twin_probes"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(probe)


def _probes():
    for path in sorted(PROBE_DIR.glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = probe.parse(line)
            if found is None:
                continue
            marks = [pytest.mark.xfail(reason="left on purpose (see the probe file)", strict=True)] \
                if found.known else []
            yield pytest.param(found, id=f"{path.stem}-{n}", marks=marks)


@pytest.fixture(scope="module")
def extractor():
    from twin_extract import Extractor

    return Extractor()


@pytest.mark.parametrize("case", list(_probes()))
def test_probe(extractor, case):
    records = extractor.extract(case.text, published=case.published)
    assert probe.problems(records, case.pairs, case.status, case.date) == []
