"""Probe documents of everyday layout and phrasing, written for the rules (not from any gold
document): partner pages and list layouts, Asian and wire English, ties named in one sentence and
the pair in another, and dates as pages give them. They live in ``tools/probes/*.txt`` (one probe a
line: ``pairs|status|date|text``, see ``tools/probes/probe.py``); a line opening with ``!`` is a
case left on purpose, run here as a strict xfail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROBE_DIR = Path(__file__).resolve().parent.parent / "tools" / "probes"
FILES = ["partner-pages.txt", "wire-asia.txt", "pair-elsewhere.txt", "page-dates.txt"]


def _probes():
    for name in FILES:
        for n, line in enumerate((PROBE_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            known = line.startswith("!")
            exp, status, date, text = line.lstrip("!").split("|", 3)
            marks = [pytest.mark.xfail(reason="left on purpose (see the probe file)", strict=True)] if known else []
            yield pytest.param(exp, status, date, text.replace("\\n", "\n"), id=f"{name[:-4]}-{n}", marks=marks)


@pytest.fixture(scope="module")
def extractor():
    from twin_extract import Extractor

    return Extractor()


def _problems(records, exp, status, date):
    got = {frozenset(p.subdivision or p.name for p in r.parties): r for r in records}
    want = {}
    if exp != "none":
        for pair in exp.split(";"):
            parts = [re.fullmatch(r"(.+?)(?:\((\w\w)\))?(?:\{([\w-]+)\})?", q).groups() for q in pair.split("/")]
            want[frozenset(sub or name for name, _, sub in parts)] = parts
    if set(got) != set(want):
        return ["pairs"]
    statuses = dict(zip(want, status.split(","))) if "," in status else dict.fromkeys(want, status)
    problems = []
    for key, parts in want.items():
        record = got[key]
        by_key = {k: p for p in record.parties for k in (p.name, p.subdivision)}
        for name, cc, sub in parts:
            if cc and by_key[sub or name].country != cc:
                problems.append(f"country {name}")
        if statuses[key] and record.status != statuses[key]:
            problems.append("status")
        value = record.date.value if record.date else None
        if date and (date == "null" and value or date != "null" and value != date):
            problems.append("date")
    return problems


@pytest.mark.parametrize("exp, status, date, text", list(_probes()))
def test_probe_pages_wire_anaphora_dates(extractor, exp, status, date, text):
    published = None
    if re.match(r"@\d{4}-\d\d-\d\d ", text):
        published, text = text[1:11], text[12:]
    assert _problems(extractor.extract(text, published=published), exp, status, date) == []
