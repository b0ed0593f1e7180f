"""countries.py: pycountry's folded tables come from the cache folder exactly as built fresh."""

from __future__ import annotations

import os

import pytest

from twin_extract import countries
from twin_extract.countries import _tables_from_json, _tables_json, pycountry_tables


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TWIN_EXTRACT_CACHE", str(tmp_path))
    pycountry_tables.cache_clear()
    yield tmp_path
    pycountry_tables.cache_clear()


def test_the_cached_tables_are_the_built_ones(fresh_cache):
    built = _tables_from_json(_tables_json())
    first = pycountry_tables()
    assert len(list(fresh_cache.glob("countries-v*.json"))) == 1
    pycountry_tables.cache_clear()
    again = pycountry_tables()
    for tables in (first, again):
        assert tables.countries == built.countries
        assert list(tables.subdivisions.items()) == list(built.subdivisions.items())
        assert tables.by_code == built.by_code


def test_a_damaged_cache_file_is_rebuilt(fresh_cache):
    pycountry_tables()
    path = next(fresh_cache.glob("countries-v*.json"))
    path.write_text("{", "utf-8")
    pycountry_tables.cache_clear()
    assert pycountry_tables().countries["germany"] == "DE"
    assert path.read_text("utf-8") != "{"


def test_other_versions_tables_are_kept_up_to_a_few(fresh_cache):
    """Another version's file survives (two versions used in turn would otherwise rebuild at every
    switch); beyond ``KEPT_TABLES`` the oldest go, and a version whose file is gone builds it."""
    old = [fresh_cache / f"countries-v1-{n:016x}.json" for n in range(countries.KEPT_TABLES + 1)]
    for age, path in enumerate(old):
        path.write_text("{}", "utf-8")
        os.utime(path, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))
    assert pycountry_tables().countries["germany"] == "DE"
    kept = set(fresh_cache.glob("countries-v*.json"))
    assert len(kept) == countries.KEPT_TABLES
    assert set(old[:countries.KEPT_TABLES - 1]) <= kept, "the newest other versions stay"


def test_region_rows_leave_the_shared_tables_alone(fresh_cache):
    from twin_extract.patterns import shared_patterns

    built = _tables_from_json(_tables_json())
    resolver = countries.CountryResolver(shared_patterns(None))
    assert resolver.country("Germany") == "DE"
    assert resolver.subdivisions_named("Vinnytsia")[0].code == "UA-05"
    assert "vinnytsia" not in built.subdivisions or built.subdivisions["vinnytsia"][0].code != "UA-05"
    assert pycountry_tables().subdivisions == built.subdivisions
