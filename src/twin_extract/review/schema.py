"""Checking one parsed records line against the record JSON Schema, without jsonschema.

The schema file shipped with the package stays the one home of the record's shape; this module
interprets the handful of keywords it uses (type, enum, required, properties,
additionalProperties, items, min/maxItems, minLength, pattern, minimum, maximum, oneOf), so the
review extra needs no validator dependency and a 10,000-line file loads in well under a second.
A test checks the verdicts agree with jsonschema. Strings must also be encodable as UTF-8: a
lone surrogate (``"\\ud800"``) is valid JSON but cannot be written to a page or a database.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..record import load_schema

ID_RULE = {"type": "string", "minLength": 1}
"""Record ids are opaque keys for review (hand-made or older files use other ids than the
extractor's 16 hex digits), so the loader only asks for a non-empty string; routes URL-encode them."""

TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "integer": lambda v: _is_number(v) and float(v).is_integer(),
    "number": lambda v: _is_number(v),
    "boolean": lambda v: isinstance(v, bool),
}


class SchemaError(ValueError):
    """Where in the record (``parties[1].country``) and what is wrong there."""


@functools.lru_cache(maxsize=1)
def review_schema() -> dict[str, Any]:
    """The shipped record schema with the id rule of :data:`ID_RULE`."""
    schema = load_schema()
    schema["properties"]["id"] = ID_RULE
    return schema


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def check(value: Any, rule: dict[str, Any], where: str = "record") -> None:
    """Raise :class:`SchemaError` for the first place ``value`` breaks ``rule``."""
    if "oneOf" in rule:
        _one_of(value, rule["oneOf"], where)
    if "enum" in rule and not any(value == option and type(value) is type(option) for option in rule["enum"]):
        raise SchemaError(f"{where}: {_show(value)} is not one of {', '.join(map(str, rule['enum']))}")
    if "type" in rule:
        kinds = rule["type"] if isinstance(rule["type"], list) else [rule["type"]]
        if not any(TYPES[kind](value) for kind in kinds):
            raise SchemaError(f"{where}: expected {' or '.join(kinds)}, found {_show(value)}")
    if isinstance(value, str):
        _string(value, rule, where)
    elif _is_number(value):
        _number(value, rule, where)
    elif isinstance(value, list):
        _array(value, rule, where)
    elif isinstance(value, dict):
        _object(value, rule, where)


def _one_of(value: Any, options: list[dict[str, Any]], where: str) -> None:
    problems = []
    for option in options:
        try:
            check(value, option, where)
        except SchemaError as exc:
            problems.append(str(exc))
    if len(problems) != len(options) - 1:
        raise SchemaError(problems[-1] if problems else f"{where}: matches more than one form")


def encodable(text: str) -> bool:
    """False for a string holding a lone surrogate, which UTF-8 (pages, SQLite) cannot carry."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _string(value: str, rule: dict[str, Any], where: str) -> None:
    if not encodable(value):
        raise SchemaError(f"{where}: contains a lone surrogate (invalid Unicode)")
    if len(value) < rule.get("minLength", 0):
        raise SchemaError(f"{where}: must not be empty")
    if "pattern" in rule and not re.search(rule["pattern"], value):
        raise SchemaError(f"{where}: {_show(value)} does not match {rule['pattern']}")


def _number(value: float, rule: dict[str, Any], where: str) -> None:
    if "minimum" in rule and value < rule["minimum"]:
        raise SchemaError(f"{where}: {value} is below {rule['minimum']}")
    if "maximum" in rule and value > rule["maximum"]:
        raise SchemaError(f"{where}: {value} is above {rule['maximum']}")


def _array(value: list[Any], rule: dict[str, Any], where: str) -> None:
    if len(value) < rule.get("minItems", 0) or len(value) > rule.get("maxItems", len(value)):
        wanted = rule.get("minItems", 0), rule.get("maxItems", "more")
        raise SchemaError(f"{where}: expected {wanted[0]} to {wanted[1]} items, found {len(value)}")
    for index, item in enumerate(value):
        check(item, rule.get("items", {}), f"{where}[{index}]")


def _object(value: dict[str, Any], rule: dict[str, Any], where: str) -> None:
    properties = rule.get("properties", {})
    missing = [key for key in rule.get("required", []) if key not in value]
    if missing:
        raise SchemaError(f"{where}: missing {', '.join(missing)}")
    if rule.get("additionalProperties") is False:
        extra = sorted(key for key in value if key not in properties)
        if extra:
            raise SchemaError(f"{where}: unexpected field(s) {', '.join(_show(key) for key in extra[:5])}")
    for key, item in value.items():
        if key in properties:
            check(item, properties[key], f"{where}.{key}" if where != "record" else key)


def _show(value: Any) -> str:
    """A short, printable rendering of a bad value for the error list."""
    text = ascii(value) if isinstance(value, str) else type(value).__name__ if isinstance(value, (dict, list)) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
