"""The review queue: filters from the query string and one page of it at a time.

The queue order is fixed when the records are loaded (least confident first), so a page is
named by the record it starts after (or ends before) rather than by an offset: deciding
records while the "unreviewed" filter is on then never skips the next ones. Only the cards
of one page are rendered, which keeps a 10,000-record file as quick to open as a 10-record one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Callable, Iterable
from urllib.parse import urlencode

PAGE_SIZE = 50


@dataclass
class Filters:
    """The queue filters from the query string; unparsable values are ignored, not errors."""

    status: str = ""
    country: str = ""
    state: str = ""
    min: float | None = None
    max: float | None = None
    q: str = ""

    @classmethod
    def from_query(cls, query: Any) -> "Filters":
        return cls(
            status=query.get("status", "").strip(),
            country=query.get("country", "").strip().upper(),
            state=query.get("state", "").strip(),
            min=_float(query.get("min")),
            max=_float(query.get("max")),
            q=query.get("q", "").strip(),
        )

    def active(self) -> bool:
        return any((self.status, self.country, self.state, self.min is not None, self.max is not None, self.q))

    def query(self) -> dict[str, str]:
        """The filters as query parameters, for the page links."""
        values = {"status": self.status, "country": self.country, "state": self.state,
                  "min": "" if self.min is None else str(self.min), "max": "" if self.max is None else str(self.max),
                  "q": self.q}
        return {key: value for key, value in values.items() if value}

    def match(self, record: dict[str, Any], state: str) -> bool:
        countries = {party["country"] for party in record["parties"]}
        confidence = record["confidence"]
        return all((
            not self.status or record["status"] == self.status,
            not self.country or self.country in countries,
            not self.state or state == self.state,
            self.min is None or confidence >= self.min,
            self.max is None or confidence <= self.max,
            not self.q or self.q.casefold() in haystack(record),
        ))


def _float(value: str | None) -> float | None:
    try:
        number = float(value) if value not in (None, "") else None
    except ValueError:
        return None
    return number if number is None or number == number else None


def haystack(record: dict[str, Any]) -> str:
    """The text the search box looks in: id, title, url, evidence and party names and countries."""
    parts = [record["id"], record["source"].get("title") or "", record["source"].get("url") or ""]
    parts += [span["text"] for span in record["evidence"]]
    parts += [f"{p['name']} {p['text']} {p['country'] or ''} {p['country_name'] or ''}" for p in record["parties"]]
    return " ".join(parts).casefold()


@dataclass
class Page:
    """The ids on one page and where it sits among all ``matched`` records."""

    ids: list[str]
    matched: int
    first: int
    prev_before: str | None
    next_after: str | None


def links(filters: Filters, shown: Page) -> dict[str, str | None]:
    """Query strings of the previous and next page, keeping the filters."""
    def link(key: str, record_id: str | None) -> str | None:
        return "?" + urlencode({**filters.query(), key: record_id}) if record_id else None

    return {"prev": link("before", shown.prev_before), "next": link("after", shown.next_after)}


def matching(order: Iterable[str], filters: Filters, view: Callable[[str], tuple[dict[str, Any], str]]) -> list[str]:
    """Ids in queue order whose effective record and review state pass the filters."""
    if not filters.active():
        return list(order)
    return [record_id for record_id in order if filters.match(*view(record_id))]


def page(matched: list[str], position: dict[str, int], after: str = "", before: str = "",
         size: int = PAGE_SIZE) -> Page:
    """The page starting after record ``after`` (or ending before ``before``) in queue order."""
    start = 0
    if after in position:
        start = _first_at_or_after(matched, position, position[after] + 1)
    elif before in position:
        start = max(0, _first_at_or_after(matched, position, position[before]) - size)
    ids = matched[start:start + size]
    return Page(ids, len(matched), start,
                prev_before=ids[0] if ids and start > 0 else None,
                next_after=ids[-1] if ids and start + size < len(matched) else None)



def _first_at_or_after(matched: list[str], position: dict[str, int], index: int) -> int:
    """Index in ``matched`` of the first id whose queue position is ``index`` or later."""
    return bisect.bisect_left(matched, index, key=position.__getitem__)
