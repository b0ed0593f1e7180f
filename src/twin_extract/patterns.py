"""Rules as data: load the JSONL pattern files shipped with the package, plus a user's folder.

Every line is one JSON object with a unique ``id``. A user's folder (``--patterns DIR``)
holds files of the same names; its lines add to the shipped ones, and a line whose ``id``
already exists replaces that rule, so a wrong rule can be fixed without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

STATUS_VALUES = ("proposed", "pending", "signed", "established", "terminated")


@dataclass(frozen=True)
class Key:
    """One key a pattern line may have: its JSON type, whether it must be there, allowed values."""

    kind: type | tuple[type, ...]
    required: bool = False
    choices: tuple[Any, ...] = ()
    token_pattern: bool = False
    """A spaCy Matcher token pattern, checked with spaCy's own validator at load."""
    tokens_only: bool = False
    """The pattern is also matched on bare tokens (the pre-filter runs before the tagger), so it
    may not use attributes a tagger sets (POS, TAG, LEMMA, MORPH, DEP, ENT_TYPE)."""


PLACE_WORD_SETS = ("connectors", "leading", "host_nouns", "title_words", "abbreviations", "hyphen_pair_nouns",
                   "bare_region_types", "region_type_preference", "org_heads", "feature_heads", "demonym_heads",
                   "container_nouns", "container_gaps", "entry_heads", "headline_breaks", "municipal_words",
                   "pair_words", "tie_links", "variant_cues", "variant_slots", "compass",
                   "possessive_heads", "person_titles", "name_joiners", "compound_region_types")
"""The word lists place recognition reads (``place_words.PlaceWords`` says what each is for)."""

_ID = Key(str, required=True)
_NOTE = Key(str)
_TOKENS = Key(list, required=True, token_pattern=True)
_BARE_TOKENS = Key(list, required=True, token_pattern=True, tokens_only=True)
TAGGER_ATTRS = {"POS", "TAG", "LEMMA", "MORPH", "DEP", "ENT_TYPE", "ENT_IOB", "SENT_START", "IS_SENT_START"}
_COUNTRY = Key(str, required=True)

SCHEMAS: dict[str, dict[str, Key]] = {
    "triggers": {"id": _ID, "pattern": _BARE_TOKENS, "note": _NOTE,
                 "relation": Key((str, type(None)), required=True, choices=("twinning", "cooperation", None)),
                 "strength": Key(str, required=True, choices=("strong", "medium", "weak", "block")),
                 "status": Key(str, choices=STATUS_VALUES), "document": Key(bool)},
    "status": {"id": _ID, "pattern": _TOKENS, "note": _NOTE,
               "status": Key(str, required=True, choices=STATUS_VALUES), "voids": Key(bool),
               "licenses": Key(bool), "refuses": Key(bool)},
    "countries": {"id": _ID, "alias": Key(str, required=True), "country": _COUNTRY, "note": _NOTE,
                  "city_state": Key(bool)},
    "demonyms": {"id": _ID, "demonym": Key(str, required=True), "country": _COUNTRY, "note": _NOTE},
    "regions": {"id": _ID, "alias": Key(str, required=True), "code": Key(str, required=True),
                "capital": Key(str), "bare": Key(bool), "note": _NOTE},
    "place_cues": {"id": _ID, "pattern": Key(str, required=True), "note": _NOTE,
                   "type": Key(str, required=True, choices=("city", "region")),
                   "position": Key(str, required=True, choices=("before", "after")), "shared": Key(bool),
                   "title": Key(str), "subdivision_types": Key(list), "over_country": Key(bool)},
    "not_places": {"id": _ID, "text": Key(str, required=True), "note": _NOTE},
    "anaphors": {"id": _ID, "pattern": _TOKENS, "note": _NOTE, "pair": Key(bool), "decision": Key(bool), "list": Key(bool),
                 "host": Key(str, choices=("city", "region", "any")), "have_only": Key(bool), "countries": Key(list)},
    "institutions": {"id": _ID, "lemma": Key(str, required=True), "note": _NOTE},
    "boilerplate": {"id": _ID, "line": Key(str, required=True), "note": _NOTE, "block": Key(bool),
                    "alone": Key(bool)},
    "place_words": {"id": _ID, "note": _NOTE, "words": Key(list, required=True),
                    "set": Key(str, required=True, choices=PLACE_WORD_SETS)},
}
"""Each pattern file and what its lines may hold: a line with an unknown key, a missing key or a
value outside its choices is refused at load with file and line, not with a KeyError later."""

PATTERN_FILES: dict[str, tuple[str, ...]] = {
    name: tuple(key for key, spec in schema.items() if spec.required) for name, schema in SCHEMAS.items()
}
"""Each pattern file and the keys every one of its lines must have."""


class PatternError(ValueError):
    """A pattern file has a line that cannot be used; the message names file and line."""


def shipped_patterns_dir() -> Path:
    """The package's own patterns: inside the wheel, or the repository's ``patterns/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "patterns"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "patterns"


def _read_jsonl(path: Path, schema: dict[str, Key]) -> list[tuple[int, dict[str, Any]]]:
    rows: list[tuple[int, dict[str, Any]]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise PatternError(f"{path}:{lineno}: not valid JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise PatternError(f"{path}:{lineno}: expected a JSON object")
        problem = _check_row(row, schema)
        if problem:
            raise PatternError(f"{path}:{lineno}: {problem}")
        rows.append((lineno, row))
    return rows


def _check_row(row: dict[str, Any], schema: dict[str, Key]) -> str | None:
    """What is wrong with one pattern line, in words a user can act on; ``None`` when nothing."""
    missing = [key for key, spec in schema.items() if spec.required and key not in row]
    if missing:
        return f"missing key(s) {', '.join(missing)}"
    unknown = sorted(set(row) - set(schema))
    if unknown:
        return f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(schema)})"
    for key, value in row.items():
        spec = schema[key]
        if not isinstance(value, spec.kind) or isinstance(value, bool) and spec.kind is not bool:
            return f"{key!r} has the wrong type ({type(value).__name__})"
        if spec.choices and value not in spec.choices:
            allowed = ", ".join(repr(c) for c in spec.choices)
            return f"{key!r} is {value!r}, expected one of {allowed}"
        if spec.token_pattern:
            from spacy.schemas import validate_token_pattern

            errors = validate_token_pattern(value)
            if errors:
                return f"{key!r} is not a valid spaCy token pattern: {'; '.join(map(str, errors))}"
            tagged = sorted({attr for token in value for attr in token if attr.upper() in TAGGER_ATTRS})
            if spec.tokens_only and tagged:
                return (f"{key!r} uses {', '.join(tagged)}, which the pre-filter cannot see (it matches "
                        "bare tokens): use LOWER or TEXT")
    return None


@dataclass(eq=False)
class PatternSet:
    """All rules, by file name (``triggers``, ``status``, ...), each a list of dicts.

    Compared by identity: one loaded set is shared by the components of a pipeline, and what is
    built from it (the country resolver) is cached per set."""

    rules: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        return self.rules.get(name, [])

    def to_dict(self) -> dict[str, Any]:
        return {"rules": self.rules, "sources": self.sources}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PatternSet":
        return cls(rules=data["rules"], sources=data.get("sources", []))


def shared_patterns(extra: str | Path | None = None) -> PatternSet:
    """The rules for a pipeline, loaded once: every component asking for the same folder (whose
    files have not changed since) gets the same ``PatternSet``."""
    folders = [shipped_patterns_dir(), *([Path(extra)] if extra is not None else [])]
    stamp = tuple((str(f / f"{name}.jsonl"), (f / f"{name}.jsonl").stat().st_mtime_ns)
                  for f in folders if f.is_dir() for name in SCHEMAS if (f / f"{name}.jsonl").exists())
    return _cached_load(None if extra is None else str(extra), stamp)


@lru_cache(maxsize=16)
def _cached_load(extra: str | None, stamp: tuple[tuple[str, int], ...]) -> PatternSet:
    return load_patterns(extra)


def load_patterns(extra: str | Path | None = None) -> PatternSet:
    """Shipped rules, then ``extra`` (a folder of the same file names) merged in by ``id``."""
    folders = [shipped_patterns_dir()]
    if extra is not None:
        extra_path = Path(extra)
        if not extra_path.is_dir():
            raise PatternError(f"patterns folder not found: {extra_path}")
        folders.append(extra_path)
    merged: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in PATTERN_FILES}
    for folder in folders:
        for name in SCHEMAS:
            path = folder / f"{name}.jsonl"
            if not path.exists():
                continue
            seen: set[str] = set()
            for lineno, row in _read_jsonl(path, SCHEMAS[name]):
                if row["id"] in seen:
                    raise PatternError(f"{path}:{lineno}: id {row['id']!r} appears twice in this file "
                                       "(a later line would silently replace the earlier one)")
                seen.add(row["id"])
                merged[name][str(row["id"])] = row
    ids: dict[str, str] = {}
    for name, rows in merged.items():
        for rule_id in rows:
            if rule_id in ids and ids[rule_id] != name:
                raise PatternError(f"rule id {rule_id!r} used in both {ids[rule_id]} and {name}")
            ids[rule_id] = name
    return PatternSet(
        rules={name: list(rows.values()) for name, rows in merged.items()},
        sources=[str(f) for f in folders],
    )
