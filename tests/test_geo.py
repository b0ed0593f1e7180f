"""Map positions of parties and the great-circle arcs between them."""

from __future__ import annotations

import pytest

from twin_extract.gazetteer import default_gazetteer
from twin_extract.geo import great_circle, locate, position, split_at_antimeridian, valid


@pytest.mark.parametrize("party, near", [
    ({"name": "Kyiv", "type": "city", "country": "UA", "geonames_id": 703448}, (30.5, 50.45)),
    ({"name": "Bergamo", "type": "city", "country": "IT", "geonames_id": None}, (9.67, 45.69)),
    ({"name": "Lviv Oblast", "type": "region", "country": "UA", "geonames_id": None}, (24.02, 49.84)),
    ({"name": "Lvivska oblast", "type": "region", "country": "UA", "geonames_id": None}, (24.02, 49.84)),
    ({"name": "Odeska oblast", "type": "region", "country": "UA", "geonames_id": None}, (30.73, 46.48)),
    ({"name": "Ivano-Frankivska oblast", "type": "region", "country": "UA", "geonames_id": None}, (24.71, 48.92)),
    ({"name": "Bergamo", "type": "region", "country": "IT", "geonames_id": None}, (9.67, 45.69)),
])
def test_locate(party, near) -> None:
    lon, lat = locate(party, default_gazetteer())
    assert abs(lon - near[0]) < 0.2 and abs(lat - near[1]) < 0.2


@pytest.mark.parametrize("party", [
    {"name": "Atlantis", "type": "city", "country": "GR", "geonames_id": None},
    {"name": "Oregon", "type": "region", "country": "US", "geonames_id": None},
    {"name": "Sachsen", "type": "region", "country": "DE", "geonames_id": None},
])
def test_unknown_place_and_village_namesakes_stay_off_the_map(party) -> None:
    assert locate(party, default_gazetteer()) is None


@pytest.mark.parametrize("point, ok", [((0, 0), True), ((180, -90), True), ((181, 0), False), ((0, 91), False),
                                       (None, False)])
def test_valid(point, ok) -> None:
    assert valid(point) is ok
    assert (position({"longitude": point[0], "latitude": point[1]}) is not None) is ok if point else True


@pytest.mark.parametrize("a, b", [((10, 53), (25, 49)), ((-74, 40.7), (139.7, 35.7)), ((170, 50), (-170, 50))])
def test_great_circle_ends_at_both_places_and_stays_valid(a, b) -> None:
    points = great_circle(a, b, 12)
    assert points[0] == pytest.approx(a, abs=1e-6) and points[-1] == pytest.approx(b, abs=1e-6)
    assert all(valid(point) for point in points)
    pieces = split_at_antimeridian(points)
    assert all(abs(q[0] - p[0]) <= 180 for piece in pieces for p, q in zip(piece, piece[1:]))
    assert (len(pieces) > 1) == (a[0] * b[0] < 0 and abs(a[0] - b[0]) > 180)
