"""Countries and subdivisions: names, aliases and demonyms -> ISO codes (pycountry + patterns/).

Explicit mentions decide a party's country, so this module answers "which country (or region)
does this piece of text name?"; ranking gazetteer candidates is the places module's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
import pycountry

from .patterns import PatternSet
from .textnorm import fold

__all__ = ["CountryResolver", "Subdivision", "resolver_for"]

_REGION_TYPE_WORDS = re.compile(
    r"\b(oblast|region|province|state|county|voivodeship|voivodship|land|prefecture|"
    r"governorate|canton|department|district|krai|kraj|republic|sheng|prefecture)\b"
)


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
        self.countries: dict[str, str] = {}
        self.country_rules: dict[str, str] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self.countries.setdefault(fold(value), country.alpha_2)
        for row in patterns["countries"]:
            self.countries[fold(row["alias"])] = row["country"]
            self.country_rules[fold(row["alias"])] = row["id"]
        self.demonyms: dict[str, str] = {fold(r["demonym"]): r["country"] for r in patterns["demonyms"]}
        self.demonym_rules: dict[str, str] = {fold(r["demonym"]): r["id"] for r in patterns["demonyms"]}
        self.subdivisions: dict[str, list[Subdivision]] = {}
        self._stems: list[tuple[str, Subdivision]] | None = None
        self.region_rules: dict[str, str] = {}
        for sub in pycountry.subdivisions:
            entry = Subdivision(sub.code, sub.name, sub.country_code, sub.type)
            for key in {fold(sub.name), self.stripped(sub.name)}:
                if key:
                    self.subdivisions.setdefault(key, []).append(entry)
        for row in patterns["regions"]:
            sub = pycountry.subdivisions.get(code=row["code"])
            if sub is None:
                continue
            entry = Subdivision(sub.code, sub.name, sub.country_code, sub.type)
            key = fold(row["alias"])
            self.subdivisions.setdefault(key, [])
            if entry not in self.subdivisions[key]:
                self.subdivisions[key].insert(0, entry)
            self.region_rules[key] = row["id"]

    def country(self, text: str) -> str | None:
        """ISO alpha-2 for a country name or alias ("US", "Czech Republic", "Italy")."""
        return self.countries.get(fold(text))

    def demonym(self, text: str) -> str | None:
        """ISO alpha-2 for a demonym or country adjective ("German", "Ukrainian"), or its plural
        for the people ("Ukrainian Canadians", "the Poles")."""
        key = fold(text)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)

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
            self._stems = [(_LETTERS.sub("", self.stripped(_BRACKETED.sub("", sub.name))), sub)
                           for subs in self.subdivisions.values() for sub in subs]
        found = {sub.code: sub for name, sub in self._stems
                 if name.startswith(stem) and len(name) - len(stem) <= MAX_ENDING}
        return list(found.values())

    @staticmethod
    def stripped(name: str) -> str:
        """A subdivision's name without its type words: "Heilongjiang Sheng" -> "heilongjiang"."""
        return _REGION_TYPE_WORDS.sub("", fold(name)).strip()

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


@lru_cache(maxsize=8)
def resolver_for(patterns: PatternSet) -> CountryResolver:
    """The one resolver of a loaded rule set: building it walks all of pycountry, so the
    components of a pipeline share it instead of each building their own."""
    return CountryResolver(patterns)
