"""Probe sentences: 'pairs|status|date|text' per line; the checker the tests use, and a runner.

usage: python tools/probes/probe.py [-v] < tools/probes/regions.txt

pairs: 'A/B;C/D' or 'none'. A party may carry '(CC)' to check its country and '{XX-YY}' to check
its subdivision code, e.g. 'Washington{US-WA}/Hyogo(JP)'. status/date: empty = unchecked,
date 'null' = no date. '\\n' in text is a newline. A status or a date may be given per pair, in
the pairs' order ('established,terminated', '2005,null'). Text opening with '@YYYY-MM-DD ' is published then.
A line opening with '!' is a known failure (a strict xfail in the tests): reported, not counted.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, Iterable

PARTY = re.compile(r"(.+?)(?:\((\w\w)\))?(?:\{([\w-]+)\})?")
PUBLISHED = re.compile(r"@(\d{4}-\d\d-\d\d) ")


@dataclass(frozen=True)
class Probe:
    pairs: str
    status: str
    date: str
    text: str
    published: str | None
    known: bool


def parse(line: str) -> Probe | None:
    """One probe line, or None for a blank line or a comment."""
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        return None
    pairs, status, date, text = line.lstrip("!").split("|", 3)
    text = text.replace("\\n", "\n")
    published = None
    if (m := PUBLISHED.match(text)) is not None:
        published, text = m.group(1), text[m.end():]
    return Probe(pairs, status, date, text, published, line.startswith("!"))


def problems(records: Iterable[Any], pairs: str, status: str, date: str) -> list[str]:
    """What the records get wrong against the probe's expectation (empty: nothing)."""
    got = {frozenset(p.subdivision or p.name for p in r.parties): r for r in records}
    want = {}
    if pairs != "none":
        for pair in pairs.split(";"):
            parts = [PARTY.fullmatch(q).groups() for q in pair.split("/")]
            want[frozenset(sub or name for name, _, sub in parts)] = parts
    if set(got) != set(want):
        return ["pairs"]
    statuses = dict(zip(want, status.split(","))) if "," in status else dict.fromkeys(want, status)
    dates = dict(zip(want, date.split(","))) if "," in date else dict.fromkeys(want, date)
    found = []
    for key, parts in want.items():
        record = got[key]
        if len(key) == 1:
            # namesakes ("Paris, Texas ... Paris, France"): countries by position
            if sorted(cc or "" for _, cc, _ in parts) != \
                    sorted(p.country if cc else "" for (_, cc, _), p in zip(parts, record.parties)):
                found.append("countries")
            continue
        by_key = {k: p for p in record.parties for k in (p.name, p.subdivision)}
        for name, cc, sub in parts:
            party = by_key[sub or name]
            if cc and party.country != cc:
                found.append(f"country {name}")
            if sub and party.subdivision != sub:
                found.append(f"subdivision {name}")
        if statuses[key] and record.status != statuses[key]:
            found.append("status")
        value = record.date.value if record.date else None
        date = dates[key]
        if date and (date == "null" and value or date != "null" and value != date):
            found.append("date")
    return found


def main() -> None:
    from twin_extract.pipeline import Extractor

    extractor = Extractor()
    verbose = "-v" in sys.argv
    bad = n = 0
    for line in sys.stdin:
        probe = parse(line)
        if probe is None:
            continue
        n += 1
        records = extractor.extract(probe.text, published=probe.published)
        found = problems(records, probe.pairs, probe.status, probe.date)
        if found or verbose or probe.known:
            bad += bool(found) and not probe.known
            label = ("KNOWN" if probe.known else "BAD") if found else ("FIXED" if probe.known else "ok ")
            shown = [(" / ".join(f"{p.name}({p.country},{p.type},{p.subdivision})" for p in r.parties), r.status,
                      r.date.value if r.date else None, r.rules[:4]) for r in records]
            print(f"{label} {found} EXPECT {probe.pairs}|{probe.status}|{probe.date} :: {probe.text}\n   GOT {shown}")
    print(f"{n - bad}/{n} ok")


if __name__ == "__main__":
    main()
