"""The gold format: one JSON object per line, an article and the pairs it states.

Evaluation reads it (``load_gold``) and ``twin-extract export --as-gold`` writes it
(``documents_from_records``), so both sides share these classes and checks: what export writes,
evaluate loads. A line::

    {"id": "d1", "text": "...", "url": null, "published": "2022-06-01", "title": null,
     "pairs": [{"a": {"name": "Bucha", "country": "UA", "type": "city"},
                "b": {"name": "Lviv Oblast", "country": "UA", "type": "region", "code": "UA-46"},
                "status": "signed", "date": "2022-06"}],
     "notes": ""}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import jsonl
from .about import COUNTRY_CODE, DATE_VALUE, PARTY_TYPES, STATUSES, SUBDIVISION_CODE
from .record import NewsItem

EXPORT_NOTE = "exported from review"


class GoldFormatError(ValueError):
    """A gold file has a line that cannot be scored; the message names file and line."""


@dataclass(frozen=True)
class GoldParty:
    """A place as gold names it; a region may carry its ISO 3166-2 ``code``."""

    name: str
    country: str | None
    type: str = "city"
    code: str | None = None

    def describe(self) -> str:
        where = ", ".join(x for x in (self.country or "??", self._region_tag()) if x)
        return f"{self.name} ({where})"

    def _region_tag(self) -> str:
        if self.type != "region":
            return ""
        return f"region {self.code}" if self.code else "region"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "country": self.country, "type": self.type}
        if self.code:
            data["code"] = self.code
        return data


@dataclass(frozen=True)
class GoldPair:
    """Two places the text ties, with the step reached and its date (``YYYY[-MM[-DD]]``)."""

    a: GoldParty
    b: GoldParty
    status: str
    date: str | None

    def describe(self) -> str:
        return f"{self.a.describe()} — {self.b.describe()} [{self.status}, {self.date or 'no date'}]"

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "status": self.status,
                "date": self.date}


@dataclass
class GoldDocument:
    """One article with every pair it states (none for a negative example)."""

    id: str
    text: str
    pairs: list[GoldPair]
    url: str | None = None
    published: str | None = None
    title: str | None = None
    notes: str = ""

    def news_item(self, path: str | None = None) -> NewsItem:
        return NewsItem(text=self.text, id=self.id, path=path, url=self.url,
                        published=self.published, title=self.title)

    def label(self) -> str:
        """A short human handle for the report: the title, else the start of the text."""
        head = self.title or " ".join(self.text.split())
        return head if len(head) <= 70 else head[:69] + "…"

    def to_dict(self) -> dict[str, Any]:
        """The line ``load_gold`` reads back."""
        return {"id": self.id, "url": self.url, "published": self.published, "title": self.title,
                "text": self.text, "pairs": [p.to_dict() for p in self.pairs], "notes": self.notes}


def _optional(data: dict[str, Any], key: str, form: re.Pattern[str], wanted: str, where: str) -> str | None:
    """``data[key]`` when it is missing, null or a string of the form; else a GoldFormatError."""
    value = data.get(key)
    if value is not None and not (isinstance(value, str) and form.fullmatch(value)):
        raise GoldFormatError(f"{where}: '{key}' must be {wanted} or null, got {value!r}")
    return value


def _gold_party(data: Any, where: str) -> GoldParty:
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected an object with name, country, type")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise GoldFormatError(f"{where}: 'name' must be a non-empty string")
    country = _optional(data, "country", COUNTRY_CODE, "an ISO alpha-2 code like 'UA'", where)
    ptype = data.get("type", "city")
    if ptype not in PARTY_TYPES:
        raise GoldFormatError(f"{where}: 'type' must be one of {', '.join(PARTY_TYPES)}, "
                              f"got {ptype!r}")
    code = _optional(data, "code", SUBDIVISION_CODE, "an ISO 3166-2 code like 'UA-68'", where)
    return GoldParty(name=name, country=country, type=ptype, code=code)


def _gold_pair(data: Any, where: str) -> GoldPair:
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected an object with a, b, status, date")
    for key in ("a", "b", "status"):
        if key not in data:
            raise GoldFormatError(f"{where}: missing key '{key}'")
    status = data["status"]
    if status not in STATUSES:
        raise GoldFormatError(f"{where}: 'status' must be one of {', '.join(STATUSES)}, "
                              f"got {status!r}")
    date = _optional(data, "date", DATE_VALUE, "YYYY, YYYY-MM, YYYY-MM-DD", where)
    return GoldPair(a=_gold_party(data["a"], f"{where}, party a"),
                    b=_gold_party(data["b"], f"{where}, party b"),
                    status=status, date=date)


def parse_gold_document(data: Any, where: str = "gold") -> GoldDocument:
    """One gold line (already decoded) as a ``GoldDocument``; ``where`` prefixes every error."""
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected a JSON object")
    doc_id = data.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise GoldFormatError(f"{where}: 'id' must be a non-empty string")
    where = f"{where} (id {doc_id})"
    text = data.get("text")
    if not isinstance(text, str):
        raise GoldFormatError(f"{where}: 'text' must be a string")
    pairs = data.get("pairs")
    if not isinstance(pairs, list):
        raise GoldFormatError(f"{where}: 'pairs' must be a list (empty for a negative)")
    for key in ("url", "published", "title"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise GoldFormatError(f"{where}: '{key}' must be a string or null")
    return GoldDocument(
        id=doc_id,
        text=text,
        pairs=[_gold_pair(p, f"{where}, pair {i + 1}") for i, p in enumerate(pairs)],
        url=data.get("url"),
        published=data.get("published"),
        title=data.get("title"),
        notes=data.get("notes") or "",
    )


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Every document of a gold JSON Lines file; blank lines are skipped, ids must be unique.

    Unlike news input, a gold file is all or nothing: scores over part of it would mislead, so
    the first bad line stops loading, named by file and line.
    """
    path = Path(path)
    docs: list[GoldDocument] = []
    seen: dict[str, int] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldFormatError(f"{path}: cannot read ({err})") from None
    for line in jsonl.read(lines):
        where = f"{path}:{line.number}"
        if line.error is not None:
            raise GoldFormatError(f"{where}: {line.error}")
        doc = parse_gold_document(line.value, where)
        if doc.id in seen:
            raise GoldFormatError(f"{where}: duplicate id {doc.id!r} (first on line {seen[doc.id]})")
        seen[doc.id] = line.number
        docs.append(doc)
    return docs


def gold_party(party: Mapping[str, Any]) -> GoldParty:
    """A record's party (its dict form) as gold: regions carry their subdivision as ``code``."""
    code = party.get("subdivision") if party.get("type") == "region" else None
    return GoldParty(name=party["name"], country=party["country"], type=party["type"], code=code or None)


def documents_from_records(rows: Iterable[Mapping[str, Any]]) -> list[GoldDocument]:
    """One gold document per source id, in order of first appearance.

    Records carry only their evidence sentences, not the whole article, so a document's ``text``
    is the distinct evidence sentences of that source in text order, joined with a space.
    """
    documents: dict[str, GoldDocument] = {}
    sentences: dict[str, dict[tuple[int, int], str]] = {}
    for row in rows:
        source = row["source"]
        doc = documents.setdefault(source["id"], GoldDocument(
            id=source["id"], text="", pairs=[], url=source["url"], published=source["published"],
            title=source.get("title"), notes=EXPORT_NOTE))
        for span in row["evidence"]:
            sentences.setdefault(source["id"], {})[(span["start"], span["end"])] = span["text"]
        date = row.get("date")
        doc.pairs.append(GoldPair(a=gold_party(row["parties"][0]), b=gold_party(row["parties"][1]),
                                  status=row["status"], date=date["value"] if date else None))
    for source_id, doc in documents.items():
        doc.text = " ".join(text for _, text in sorted(sentences[source_id].items()))
    return list(documents.values())
