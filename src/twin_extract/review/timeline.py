"""The report's timeline: how many ties saw each status per month, as stacked SVG bars.

A tie counts once per month and status however many articles repeated it that month. Events
dated only to a year have no month and are counted apart (the caption says how many), rather
than being piled into January. Spans longer than twenty years are drawn per year instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..about import STATUSES

if TYPE_CHECKING:
    from ..ties import Tie

WIDTH, HEIGHT = 900.0, 160.0
MAX_MONTHS = 240


@dataclass
class Bar:
    label: str
    x: float
    width: float
    parts: list[tuple[str, int, float, float]] = field(default_factory=list)
    """(status, ties, y, height) from the bottom up."""


@dataclass
class Timeline:
    bars: list[Bar]
    peak: int
    unplaced: int
    unit: str


def _periods(first: str, last: str, unit: str) -> list[str]:
    if unit == "year":
        return [str(year) for year in range(int(first[:4]), int(last[:4]) + 1)]
    year, month = int(first[:4]), int(first[5:7])
    periods = []
    while f"{year:04d}-{month:02d}" <= last:
        periods.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return periods


def timeline(ties: list["Tie"]) -> Timeline:
    """Stacked bars of ties per period and status, laid out in a WIDTH x HEIGHT box."""
    seen: set[tuple[str, str, str]] = set()
    unplaced = 0
    for tie in ties:
        for event in tie.history:
            when = event.date or event.source.get("published") or ""
            if len(when) >= 7:
                seen.add((when[:7], event.status, tie.id))
            else:
                unplaced += 1
    if not seen:
        return Timeline([], 0, unplaced, "month")
    months = sorted(month for month, _, _ in seen)
    unit = "month" if len(_periods(months[0], months[-1], "month")) <= MAX_MONTHS else "year"
    key = (lambda month: month) if unit == "month" else (lambda month: month[:4])
    counts = Counter((key(month), status) for month, status, _ in {(key(m), s, t) for m, s, t in seen})
    periods = _periods(months[0], months[-1], unit)
    totals = {period: sum(counts[(period, status)] for status in STATUSES) for period in periods}
    peak = max(totals.values())
    step = WIDTH / len(periods)
    bars = []
    for index, period in enumerate(periods):
        bar = Bar(period, round(index * step, 2), round(max(step * 0.8, 0.5), 2))
        bottom = HEIGHT
        for status in STATUSES:
            if counts[(period, status)]:
                height = round(HEIGHT * counts[(period, status)] / peak, 2)
                bottom = round(bottom - height, 2)
                bar.parts.append((status, counts[(period, status)], bottom, height))
        bars.append(bar)
    return Timeline(bars, peak, unplaced, unit)
