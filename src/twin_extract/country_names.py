"""Country codes to English names: the one place that says which codes are countries.

pycountry lacks the user-assigned codes the extractor emits (``XK``, Kosovo, as GeoNames and
the EU use it), so the extractor, the review app's validation and the report all ask here and
agree on every code. Only pycountry is imported, so the review side stays free of spaCy.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

EXTRA_COUNTRIES: dict[str, str] = {"XK": "Kosovo"}
"""Codes outside ISO 3166-1 that GeoNames and ``patterns/countries.jsonl`` use."""


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """English short name (pycountry's ``name``), e.g. 'CZ' -> 'Czechia'; None when unknown."""
    if not code:
        return None
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country is not None else None


def all_countries() -> list[tuple[str, str]]:
    """``(code, name)`` of every known country, sorted by code, for pickers and checks."""
    codes = {country.alpha_2 for country in pycountry.countries} | set(EXTRA_COUNTRIES)
    return sorted((code, country_name(code) or code) for code in codes)
