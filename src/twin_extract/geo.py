"""Where a party sits on the map, and the great-circle line between two places.

Cities take their GeoNames coordinates from the gazetteer index. Regions have no point in
GeoNames' city list, so a region sits at its namesake town in the same country: most oblasts,
provinces and counties are named after their capital (Bergamo, Lviv Oblast). ISO 3166-2 often
spells them as adjectives ("Lvivska oblast", "Odeska oblast"), so the adjective's stem is tried
too, exactly and then as the start of a town's name (Odes- -> Odesa). A namesake must have
50,000 inhabitants or more, so a US state never lands on a village of the same name. A party found
no way has no coordinates and stays off the map, never at 0, 0.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

LonLat = tuple[float, float]
_ADJECTIVE = re.compile(r"(s?)k(?:a|e|ie|aya|yi|yy)$")
"""Slavic adjectival endings of region names: Ternopilska -> Ternopil, Odeska -> Odes(a)."""
MIN_STEM = 4
REGION_CAPITAL_POPULATION = 50_000
"""A region's namesake must be a sizeable town: Oregon, Ohio (20,000) is not where Oregon is."""


def _namesake(gazetteer: "Gazetteer", name: str, country: str | None, min_population: int = 0) -> LonLat | None:
    """The most populous place of that name in the country (the index lists most populous first)."""
    for place in gazetteer.find(name):
        if (country is None or place.country == country) and place.population >= min_population:
            return gazetteer.coordinates(place.geonames_id)
    return None


def _stems(name: str) -> list[str]:
    """"lvivska" -> ["lviv", "lvivs"]: without the adjectival ending, with and without its s."""
    match = _ADJECTIVE.search(name)
    if not match:
        return []
    return [name[:match.start()], name[:match.start() + len(match.group(1))]]


def _region(party: dict[str, Any], gazetteer: "Gazetteer") -> LonLat | None:
    from .countries import CountryResolver

    name, country = party["name"], party.get("country")
    stripped = CountryResolver.stripped(name)
    stems = [stem for stem in _stems(stripped) if len(stem) >= MIN_STEM]
    for candidate in [stripped, name, *stems]:
        found = _namesake(gazetteer, candidate, country, REGION_CAPITAL_POPULATION)
        if found:
            return found
    for stem in stems if country else []:
        town = gazetteer.largest_with_prefix(stem, country, REGION_CAPITAL_POPULATION)
        if town:
            return gazetteer.coordinates(town)
    return None


def locate(party: dict[str, Any], gazetteer: "Gazetteer") -> LonLat | None:
    """(longitude, latitude) of a record party: GeoNames id, else a namesake town in its country."""
    if party.get("geonames_id") is not None:
        found = gazetteer.coordinates(int(party["geonames_id"]))
        if found:
            return found
    if party.get("type") == "region":
        return _region(party, gazetteer)
    return _namesake(gazetteer, party["name"], party.get("country"))


def valid(point: LonLat | None) -> bool:
    """True for a real WGS84 position: longitude in -180..180, latitude in -90..90."""
    return point is not None and -180 <= point[0] <= 180 and -90 <= point[1] <= 90


def position(party: dict[str, Any]) -> LonLat | None:
    """A tie party's (longitude, latitude) when it has a valid one."""
    point = (party.get("longitude"), party.get("latitude"))
    if point[0] is None or point[1] is None:
        return None
    return point if valid(point) else None  # type: ignore[return-value]


def _vector(point: LonLat) -> tuple[float, float, float]:
    lon, lat = map(math.radians, point)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


def great_circle(a: LonLat, b: LonLat, steps: int = 24) -> list[LonLat]:
    """Points along the shortest path on the sphere (slerp), so long ties curve like on a globe."""
    va, vb = _vector(a), _vector(b)
    angle = math.acos(max(-1.0, min(1.0, sum(x * y for x, y in zip(va, vb)))))
    if angle < 1e-9:
        return [a, b]
    points = []
    for step in range(steps + 1):
        t = step / steps
        wa, wb = math.sin((1 - t) * angle) / math.sin(angle), math.sin(t * angle) / math.sin(angle)
        x, y, z = (wa * p + wb * q for p, q in zip(va, vb))
        points.append((math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))))
    return points


def split_at_antimeridian(points: list[LonLat]) -> list[list[LonLat]]:
    """Pieces of a line that never jump across the map when it crosses longitude ±180."""
    pieces: list[list[LonLat]] = [[points[0]]]
    for previous, point in zip(points, points[1:]):
        if abs(point[0] - previous[0]) > 180:
            pieces.append([])
        pieces[-1].append(point)
    return pieces
