"""The output record: one typed dataclass tree with one path to JSON (``to_dict``).

The JSON Schema in ``schema/record.schema.json`` describes exactly what ``to_dict`` emits;
the tests validate records against it so the two cannot drift apart.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from importlib import resources
from typing import Any, Iterable, Iterator, Protocol

from .about import __version__


@dataclass
class NewsItem:
    """One input article, whatever file it came from."""

    text: str
    id: str
    path: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    """``en``/``uk`` when the input says so; None: detected from the text."""

    def source(self, lang: str | None = None) -> "Source":
        return Source(id=self.id, path=self.path, url=self.url,
                      published=self.published, title=self.title, lang=lang)


@dataclass
class Source:
    id: str
    path: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    """Set for non-English sources only, so English records keep their bytes (absent = English)."""


@dataclass
class Party:
    text: str
    name: str
    type: str
    country: str | None
    country_name: str | None
    subdivision: str | None
    geonames_id: int | None
    start: int
    end: int

    @property
    def key(self) -> str:
        return place_key(self.type, self.subdivision, self.geonames_id, self.country, self.name)


def place_key(kind: str, subdivision: str | None, geonames_id: int | None,
              country: str | None, name: str) -> str:
    """Identity of a place, independent of how the article spelt it (record ids use it)."""
    if kind == "region" and subdivision:
        return subdivision
    if geonames_id is not None:
        return f"gn:{geonames_id}"
    return f"{country or '??'}:{name.casefold()}"


@dataclass
class DateInfo:
    text: str
    value: str
    precision: str
    start: int
    end: int


@dataclass
class Evidence:
    """A passage of the source that states the relation (character offsets into the text)."""

    text: str
    start: int
    end: int


@dataclass
class Provenance:
    """Which version of twin_extract, with which spaCy model, produced a record."""

    version: str = __version__
    model: str = ""


@dataclass
class TwinningRecord:
    id: str
    source: Source
    relation: str
    status: str
    parties: list[Party]
    date: DateInfo | None
    evidence: list[Evidence]
    confidence: float
    extractor: Provenance = field(default_factory=Provenance)
    rules: list[str] = field(default_factory=list)
    """Ids of the patterns that produced the record; emitted only with ``explain=True``."""

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        data = _as_dict(self)
        if data["source"]["lang"] is None:
            del data["source"]["lang"]
        rules = data.pop("rules")
        data["confidence"] = round(float(self.confidence), 3)
        if explain:
            data["explain"] = {"rules": rules}
        return data

    def to_json(self, explain: bool = False) -> str:
        return json.dumps(self.to_dict(explain=explain), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TwinningRecord":
        date = data.get("date")
        return cls(
            id=data["id"],
            source=Source(**data["source"]),
            relation=data["relation"],
            status=data["status"],
            parties=[Party(**p) for p in data["parties"]],
            date=DateInfo(**date) if date else None,
            evidence=[Evidence(**e) for e in data["evidence"]],
            confidence=float(data["confidence"]),
            extractor=Provenance(**data.get("extractor", {})),
            rules=list(data.get("explain", {}).get("rules", [])),
        )


_ATOMS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _as_dict(obj: Any) -> Any:
    """``dataclasses.asdict`` for this module's records, several times faster: the same dicts,
    keys in the same order, lists and dicts copied, atoms shared (asdict's deepcopy of an atom
    is the atom itself)."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(obj))
    if names is not None:
        return {name: _as_dict(getattr(obj, name)) for name in names}
    if kind is list:
        return [_as_dict(v) for v in obj]
    if kind is dict:
        return {_as_dict(k): _as_dict(v) for k, v in obj.items()}
    if kind is tuple:
        return tuple(_as_dict(v) for v in obj)
    return copy.deepcopy(obj)


def record_id(source_id: str, party_keys: list[str]) -> str:
    """Stable id: the same pair in the same source keeps its id across runs and versions."""
    payload = "\x1f".join([source_id, *sorted(party_keys)])
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def load_schema(name: str = "record") -> dict[str, Any]:
    """A JSON Schema shipped inside the package: ``record`` (one output record) or ``tie``."""
    text = resources.files("twin_extract").joinpath(f"schema/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


class RecordExtractor(Protocol):
    """What ``run`` and ``evaluate`` need of an extractor (``pipeline.Extractor`` or a test's fake):
    each item back, in order, with its records."""

    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list["TwinningRecord"]]]:
        ...
