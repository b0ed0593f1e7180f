"""Countries and subdivisions: names, aliases and demonyms -> ISO codes (pycountry + patterns/).

Explicit mentions decide a party's country, so this module answers "which country (or region)
does this piece of text name?"; ranking gazetteer candidates is the places module's job.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from . import textnorm
from .patterns import PatternSet
from .textnorm import fold

__all__ = ["CountryResolver", "Subdivision", "resolver_for"]

_REGION_TYPE_WORDS = re.compile(
    r"\b(oblast|region|province|state|county|voivodeship|voivodship|land|prefecture|"
    r"governorate|canton|department|district|krai|kraj|republic|sheng|prefecture|oblysy)\b"
)

_ROMANISED_TYPE = re.compile(r"[- ](?:do|ken|fu|to)$")
"""A province's or prefecture's type written as a romanised ending: Korean "-do" ("Gyeonggi-do",
"Jeollanam-do"), Japanese "-ken", "-fu", "-to" ("Kanagawa-ken", "Osaka-fu", "Tokyo-to")."""


@dataclass(frozen=True)
class Subdivision:
    code: str
    name: str
    country: str
    type: str


_LETTERS = re.compile(r"[^a-z]")
_BRACKETED = re.compile(r"\s*\[[^\]]*\]")
"""pycountry appends old codes to some names: "Stockholms län [SE-01]"."""
MIN_STEM = 4
MAX_ENDING = 5
"""An adjectival ending is short: -s, -ska, -skaya, -acka."""


class CountryResolver:
    """Lookups built once from pycountry and the pattern files (aliases, demonyms, regions)."""

    def __init__(self, patterns: PatternSet) -> None:
        tables = pycountry_tables()
        self.countries: dict[str, str] = dict(tables.countries)
        self.country_rules: dict[str, str] = {}
        self.city_states: dict[str, set[str]] = {}
        """A city-state's country code -> the names it is known by ("Hong Kong"): the one town of
        that country a tie is made with (``city_state`` in patterns/countries.jsonl)."""
        for row in patterns["countries"]:
            self.countries[fold(row["alias"])] = row["country"]
            self.country_rules[fold(row["alias"])] = row["id"]
            if row.get("city_state"):
                self.city_states.setdefault(row["country"], set()).add(fold(row["alias"]))
        self.demonyms: dict[str, str] = {fold(r["demonym"]): r["country"] for r in patterns["demonyms"]}
        self.demonym_rules: dict[str, str] = {fold(r["demonym"]): r["id"] for r in patterns["demonyms"]}
        self.subdivisions: dict[str, list[Subdivision]] = dict(tables.subdivisions)
        self._stems: dict[str, list[tuple[str, Subdivision]]] | None = None
        """Subdivisions' stems by their first ``MIN_STEM`` letters, in the order of the tables."""
        self._by_stem: dict[str, list[Subdivision]] = {}
        """Answers of ``_named_by_stem``: each scans every subdivision of the world."""
        self.region_rules: dict[str, str] = {}
        self.bare_aliases: set[str] = set()
        """English names that stand for their region with no country beside them ("Styria",
        "Lower Saxony"): ``bare`` in patterns/regions.jsonl."""
        for row in patterns["regions"]:
            entry = tables.by_code.get(row["code"].lower())
            if entry is None:
                continue
            key = fold(row["alias"])
            named = self.subdivisions.get(key, [])
            self.subdivisions[key] = named if entry in named else [entry, *named]
            self.region_rules[key] = row["id"]
            if row.get("bare"):
                self.bare_aliases.add(key)

    def country(self, text: str) -> str | None:
        """ISO alpha-2 for a country name or alias ("US", "Czech Republic", "Italy")."""
        return self.countries.get(fold(text))

    def demonym(self, text: str) -> str | None:
        """ISO alpha-2 for a demonym or country adjective ("German", "Ukrainian"), or its plural
        for the people ("Ukrainian Canadians", "the Poles"); a country's own name is none, even where
        it looks like one's plural ("the Philippines")."""
        key = fold(text)
        if key in self.demonyms:
            return self.demonyms[key]
        if not key.endswith("s") or self.country(text):
            return None
        return self.demonyms.get(key[:-1])

    def subdivisions_named(self, text: str, stripped: bool = False) -> list[Subdivision]:
        """Subdivisions whose name or alias is exactly ``text`` ("Ontario", "Texas", "Bavaria");
        with ``stripped``, also those named so before a type word ("Heilongjiang Sheng")."""
        key = fold(text)
        return [s for s in self.subdivisions.get(key, [])
                if fold(s.name) == key or self.region_rules.get(key)
                or stripped and self.stripped(s.name) == key]

    def _named_by_stem(self, key: str) -> list[Subdivision]:
        """Subdivisions whose local name is the English stem plus an adjectival ending:
        "Smolensk" -> Smolenskaya oblast', "Stockholm" -> Stockholms län, "Zagreb" ->
        Zagrebačka županija. Only asked for where a region cue stands beside the name."""
        stem = _LETTERS.sub("", key)
        if len(stem) < MIN_STEM:
            return []
        if self._stems is None:
            self._stems = {}
            for subs in self.subdivisions.values():
                for sub in subs:
                    name = _LETTERS.sub("", self.stripped(_BRACKETED.sub("", sub.name)))
                    self._stems.setdefault(name[:MIN_STEM], []).append((name, sub))
        if stem not in self._by_stem:
            found = {sub.code: sub for name, sub in self._stems.get(stem[:MIN_STEM], ())
                     if name.startswith(stem) and len(name) - len(stem) <= MAX_ENDING}
            self._by_stem[stem] = list(found.values())
        return list(self._by_stem[stem])

    @staticmethod
    def stripped(name: str) -> str:
        """A subdivision's name without its type words: "Heilongjiang Sheng" -> "heilongjiang",
        "Gyeonggi-do" -> "gyeonggi" (a romanised type ending after a hyphen)."""
        return _ROMANISED_TYPE.sub("", _REGION_TYPE_WORDS.sub("", fold(name)).strip()).strip()

    def subdivision(self, text: str, country: str | None = None,
                    prefer_types: tuple[str, ...] = ()) -> Subdivision | None:
        """The best subdivision named ``text``; a known country narrows the choice."""
        key = self.stripped(text)
        candidates = self.subdivisions.get(fold(text), []) or self.subdivisions.get(key, []) or \
            self._named_by_stem(key)
        if country:
            candidates = [c for c in candidates if c.country == country] or []
        if not candidates:
            return None
        if prefer_types:
            preferred = [c for c in candidates if c.type.casefold() in prefer_types]
            if preferred:
                return preferred[0]
        return candidates[0]


@dataclass(frozen=True)
class PycountryTables:
    """pycountry's names as folded lookup keys, in pycountry's order."""

    countries: dict[str, str]
    """Folded name, common name or official name -> alpha-2 (the first country to use a key)."""
    subdivisions: dict[str, list[Subdivision]]
    """Folded name and name without type words -> subdivisions so named."""
    by_code: dict[str, Subdivision]
    """Lower-case code -> subdivision, as ``pycountry.subdivisions.get(code=...)`` finds it."""


TABLES_VERSION = 1


@lru_cache(maxsize=1)
def pycountry_tables() -> PycountryTables:
    """Folding 11,000 pycountry names and reading its 5,000 subdivisions cost a fifth of a second
    at every start, so the tables are kept in the cache folder, keyed by pycountry's data files
    and by this module's and ``textnorm``'s source (a change to the folding rebuilds them)."""
    from .gazetteer import cache_dir

    path = cache_dir() / f"countries-v{TABLES_VERSION}-{_tables_digest()}.json"
    try:
        return _tables_from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    data = _tables_json()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
        _prune_tables(path)
    except OSError:
        pass
    return _tables_from_json(data)


KEPT_TABLES = 4
"""Table files kept in the cache folder, the newest first: two installed versions used in turn
(two environments, or branches compared) each keep theirs. When every start deleted the other
versions' file, each start after a switch rebuilt the tables (0.1 s of CPU)."""


def _prune_tables(current: Path) -> None:
    """Delete all but the newest ``KEPT_TABLES`` table files (``current`` among them)."""
    others = [other for other in current.parent.glob("countries-v*.json") if other != current]
    others.sort(key=lambda other: other.stat().st_mtime_ns, reverse=True)
    for stale in others[KEPT_TABLES - 1:]:
        stale.unlink(missing_ok=True)


def _tables_digest() -> str:
    digest = hashlib.sha1(str(pycountry.__version__).encode())
    for name in ("iso3166-1.json", "iso3166-2.json"):
        stat = (Path(pycountry.DATABASE_DIR) / name).stat()
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for source in (Path(__file__), Path(textnorm.__file__)):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _tables_json() -> dict[str, Any]:
    """The tables built from pycountry, as JSON: subdivisions once each, keys by row number."""
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                countries.setdefault(fold(value), country.alpha_2)
    rows: list[list[str]] = []
    keys: dict[str, list[int]] = {}
    for n, sub in enumerate(pycountry.subdivisions):
        rows.append([sub.code, sub.name, sub.country_code, sub.type])
        for key in sorted({fold(sub.name), CountryResolver.stripped(sub.name)}):
            if key:
                keys.setdefault(key, []).append(n)
    return {"countries": countries, "subdivisions": rows, "keys": keys}


def _tables_from_json(data: dict[str, Any]) -> PycountryTables:
    rows = [Subdivision(*row) for row in data["subdivisions"]]
    return PycountryTables(countries=data["countries"],
                           subdivisions={key: [rows[n] for n in ns] for key, ns in data["keys"].items()},
                           by_code={sub.code.lower(): sub for sub in rows})


@lru_cache(maxsize=8)
def resolver_for(patterns: PatternSet) -> CountryResolver:
    """The one resolver of a loaded rule set: building it walks all of pycountry, so the
    components of a pipeline share it instead of each building their own."""
    return CountryResolver(patterns)
