"""Sound keys that let a Ukrainian spelling of a foreign town meet its Latin GeoNames name.

GeoNames has Cyrillic names for few small foreign towns (Франконвіль, Аньйоне, Жиракув), but
Ukrainian writes them by sound. Both spellings are reduced to one rough phonetic alphabet: the
Cyrillic through a fixed letter table, the Latin through the spelling rules of the town's country
(``patterns/uk/latin_sounds.jsonl``: Italian "ci" = чі, Polish "w" = в, French final "e" is silent).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

CYRILLIC_SOUNDS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "ž",
    "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "g", "ц": "c",
    "ч": "č", "ш": "š", "щ": "šč", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
    "-": "-", " ": "-",
}
"""One sound per letter; г, ґ and х share "g" because Ukrainian renders Latin g and h as г."""
KEEP = set("abcdefgiklmnoprstuvzšžč-")
"""The letters of the sound alphabet; a Latin letter left outside it after the rules is dropped."""
_DOUBLES = re.compile(r"(.)\1+")


def _squeeze(key: str) -> str:
    """Doubled sounds once ("ll" = л, "ii" from "оїм" = "oim"), hyphens kept as separators."""
    return _DOUBLES.sub(r"\1", key).strip("-")


def cyrillic_key(word: str) -> str:
    """The sound key of a Ukrainian spelling: "Медічина" -> "medičina"."""
    return _squeeze("".join(CYRILLIC_SOUNDS.get(ch, "") for ch in word.lower()))


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def latin_key(name: str, rules: Iterable[tuple[str | re.Pattern, str]]) -> str:
    """The sound key of a Latin name under ``rules`` (regex, replacement) applied in order to the
    lower-case name; replacements are upper case so later rules leave them alone:
    "Medicina" with Italian rules -> "medičina"."""
    text = name.lower().replace(" ", "-")
    for pattern, replacement in rules:
        text = re.sub(pattern, replacement, text)
    for mark, placeholder in (("Š", "\0s"), ("Ž", "\0z"), ("Č", "\0c")):
        text = text.replace(mark, placeholder)
    text = _strip_marks(text).lower()
    text = text.replace("\0s", "š").replace("\0z", "ž").replace("\0c", "č")
    return _squeeze("".join(ch for ch in text if ch in KEEP))


class SoundMatcher:
    """Places of one country found by the sound key of a Ukrainian spelling: the same key, or a
    close one (difflib ratio >= ``min_ratio``) with the same first sound."""

    def __init__(self, gazetteer_path, rules: list[dict], min_ratio: float = 0.8) -> None:
        import sqlite3

        self._path = gazetteer_path
        self._conn = sqlite3.connect(f"file:{gazetteer_path}?mode=ro", uri=True, check_same_thread=False)
        self._rules = rules
        self._min_ratio = min_ratio
        self._keys: dict[str, dict[str, list[tuple[str, tuple]]]] = {}
        self._found: dict[tuple, tuple | None] = {}

    def __getstate__(self) -> dict:
        """Picklable like the gazetteer: the path and rules travel, the connection is reopened."""
        return {"path": self._path, "rules": self._rules, "min_ratio": self._min_ratio}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"], state["rules"], state["min_ratio"])

    def rules_for(self, country: str) -> list[tuple[str, str]]:
        own = [(r["from"], r["to"]) for r in self._rules if country in r["countries"]]
        return own + [(r["from"], r["to"]) for r in self._rules if "*" in r["countries"]]

    def _country_keys(self, country: str) -> dict[str, list[tuple[str, tuple]]]:
        """Sound keys of a country's places by first sound: built once per country and kept in
        the gazetteer's cache folder (keyed by the rules), so a process only reads them."""
        if country not in self._keys:
            by_first: dict[str, list[tuple[str, tuple]]] = {}
            for key, row in self._stored_keys(country):
                by_first.setdefault(key[0], []).append((key, tuple(row)))
            self._keys[country] = by_first
        return self._keys[country]

    def _stored_keys(self, country: str) -> list:
        import hashlib
        import json
        import os
        import tempfile
        from pathlib import Path

        rules = self.rules_for(country)
        digest = hashlib.sha1(json.dumps([str(self._path), rules]).encode()).hexdigest()[:16]
        path = Path(self._path).parent / f"uk-sounds-{country}-{digest}.json"
        if path.exists():
            return json.loads(path.read_text("utf-8"))
        compiled = [(re.compile(pattern), replacement) for pattern, replacement in rules]
        keys = [(latin_key(row[1], compiled), list(row)) for row in self._conn.execute(
            "SELECT id, name, country, admin1, population FROM place WHERE country = ? ORDER BY id", (country,))]
        keys = [(key, row) for key, row in keys if key]
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(keys, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass
        return keys

    def find(self, key: str, countries: Iterable[str], min_ratio: float | None = None) -> tuple | None:
        """The best (id, name, country, admin1, population) row for ``key`` in ``countries``. A
        compound GeoNames name also answers to its first part ("Medicina-Buda" to "Medicina").
        Answers are remembered: a document repeats its unknown words."""
        countries = tuple(countries)
        floor = min_ratio or self._min_ratio
        memo = (key, countries, floor)
        if memo not in self._found:
            self._found[memo] = self._best(key, countries, floor)
        return self._found[memo]

    def _best(self, key: str, countries: tuple[str, ...], floor: float) -> tuple | None:
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(None, "", key)
        best: tuple[float, int, tuple] | None = None
        for country in countries:
            for candidate, row in self._country_keys(country).get(key[:1], []):
                for form, weight in ((candidate, 1.0), (candidate.split("-")[0], 0.99)):
                    if abs(len(form) - len(key)) > 3 or (weight < 1 and form == candidate):
                        continue
                    if form == key:
                        ratio = weight
                    else:
                        matcher.set_seq1(form)
                        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                            continue
                        ratio = weight * matcher.ratio()
                    if ratio >= floor and (best is None or (ratio, row[4]) > best[:2]):
                        best = (ratio, row[4], row)
        return best[2] if best else None
