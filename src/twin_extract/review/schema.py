"""Checking one parsed records line against the record JSON Schema, without jsonschema.

The schema file shipped with the package stays the one home of the record's shape; this module
compiles the handful of keywords it uses (type, enum, required, properties,
additionalProperties, items, min/maxItems, minLength, pattern, minimum, maximum, oneOf) into
checkers once, so the review extra needs no validator dependency and loading stays a small part
of opening a large file (see benchmarks/RESULTS.md). A test checks the verdicts agree with
jsonschema. Strings must also be encodable as UTF-8: a lone surrogate (``"\\ud800"``) is valid
JSON but cannot be written to a page or a database.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable

from ..record import load_schema

ID_RULE = {"type": "string", "minLength": 1}
"""Record ids are opaque keys for review (hand-made or older files use other ids than the
extractor's 16 hex digits), so the loader only asks for a non-empty string; routes URL-encode them."""

Checker = Callable[[Any, str], None]
"""Raises :class:`SchemaError` naming the place (``parties[1].country``) where a value breaks its rule."""

TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: _is_number(v),
    "boolean": lambda v: isinstance(v, bool),
}
"""JSON Schema counts 1.0 as an integer; offsets slice evidence text, so here an integer is an int."""


PLAIN_TYPES: dict[str, type] = {"object": dict, "array": list, "string": str, "null": type(None), "boolean": bool}
"""JSON types one isinstance() decides (the record schema's enums are all strings)."""


class SchemaError(ValueError):
    """Where in the record (``parties[1].country``) and what is wrong there."""


@functools.lru_cache(maxsize=1)
def review_schema() -> dict[str, Any]:
    """The shipped record schema with the id rule of :data:`ID_RULE`."""
    schema = load_schema()
    schema["properties"]["id"] = ID_RULE
    return schema


@functools.lru_cache(maxsize=1)
def record_checker() -> Checker:
    """The review schema compiled once: walking keywords per record made 10,000 lines take seconds."""
    return compile_rule(review_schema())


def check_record(data: Any) -> None:
    """Raise :class:`SchemaError` for the first place ``data`` is not a record the review can show."""
    record_checker()(data, "record")


def encodable(text: str) -> bool:
    """False for a string holding a lone surrogate, which UTF-8 (pages, SQLite) cannot carry."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def compile_rule(rule: dict[str, Any]) -> Checker:
    """One checker for a schema rule, made of a step per keyword group the rule uses."""
    steps: list[Checker] = []
    if "oneOf" in rule:
        steps.append(_one_of([compile_rule(option) for option in rule["oneOf"]]))
    if "enum" in rule:
        steps.append(_enum(rule["enum"]))
    if "type" in rule:
        steps.append(_type(rule["type"] if isinstance(rule["type"], list) else [rule["type"]]))
    if _may_be_string(rule):
        steps.append(_string(rule.get("minLength", 0), rule.get("pattern")))
    if "minimum" in rule or "maximum" in rule:
        steps.append(_number(rule.get("minimum"), rule.get("maximum")))
    if "items" in rule or "minItems" in rule or "maxItems" in rule:
        steps.append(_array(compile_rule(rule.get("items", {})), rule.get("minItems", 0), rule.get("maxItems")))
    if "properties" in rule or "required" in rule:
        properties = {key: compile_rule(sub) for key, sub in rule.get("properties", {}).items()}
        steps.append(_object(properties, rule.get("required", []), rule.get("additionalProperties") is False))

    if len(steps) == 1:
        return steps[0]

    def checker(value: Any, where: str) -> None:
        for step in steps:
            step(value, where)

    return checker


def _may_be_string(rule: dict[str, Any]) -> bool:
    """Strings need their own step (Unicode, length, pattern) unless the rule's type or enum rules them out."""
    kinds = rule.get("type", ["string"])
    return "string" in (kinds if isinstance(kinds, list) else [kinds]) and "enum" not in rule


def _one_of(options: list[Checker]) -> Checker:
    def step(value: Any, where: str) -> None:
        problems = []
        for option in options:
            try:
                option(value, where)
            except SchemaError as exc:
                problems.append(str(exc))
        if len(problems) != len(options) - 1:
            raise SchemaError(problems[-1] if problems else f"{where}: matches more than one form")

    return step


def _enum(options: list[str]) -> Checker:
    allowed = frozenset(options)

    def step(value: Any, where: str) -> None:
        if not (isinstance(value, str) and value in allowed):
            raise SchemaError(f"{where}: {_show(value)} is not one of {', '.join(options)}")

    return step


def _type(kinds: list[str]) -> Checker:
    exact = tuple(PLAIN_TYPES[kind] for kind in kinds if kind in PLAIN_TYPES)
    numeric = [TYPES[kind] for kind in kinds if kind not in PLAIN_TYPES]

    def step(value: Any, where: str) -> None:
        if isinstance(value, exact) or any(test(value) for test in numeric):
            return
        raise SchemaError(f"{where}: expected {' or '.join(kinds)}, found {_show(value)}")

    return step


def _string(min_length: int, pattern: str | None) -> Checker:
    compiled = re.compile(pattern) if pattern else None

    def step(value: Any, where: str) -> None:
        if not isinstance(value, str):
            return
        if not encodable(value):
            raise SchemaError(f"{where}: contains a lone surrogate (invalid Unicode)")
        if len(value) < min_length:
            raise SchemaError(f"{where}: must not be empty")
        if compiled is not None and not compiled.search(value):
            raise SchemaError(f"{where}: {_show(value)} does not match {pattern}")

    return step


def _number(minimum: float | None, maximum: float | None) -> Checker:
    def step(value: Any, where: str) -> None:
        if not _is_number(value):
            return
        if minimum is not None and value < minimum:
            raise SchemaError(f"{where}: {value} is below {minimum}")
        if maximum is not None and value > maximum:
            raise SchemaError(f"{where}: {value} is above {maximum}")

    return step


def _array(items: Checker, min_items: int, max_items: int | None) -> Checker:
    def step(value: Any, where: str) -> None:
        if not isinstance(value, list):
            return
        if len(value) < min_items or (max_items is not None and len(value) > max_items):
            raise SchemaError(f"{where}: expected {min_items} to {max_items or 'more'} items, found {len(value)}")
        for index, item in enumerate(value):
            items(item, f"{where}[{index}]")

    return step


def _object(properties: dict[str, Checker], required: list[str], closed: bool) -> Checker:
    def step(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            return
        missing = [key for key in required if key not in value]
        if missing:
            raise SchemaError(f"{where}: missing {', '.join(missing)}")
        if closed:
            extra = sorted(key for key in value if key not in properties)
            if extra:
                raise SchemaError(f"{where}: unexpected field(s) {', '.join(_show(key) for key in extra[:5])}")
        for key, item in value.items():
            checker = properties.get(key)
            if checker is not None:
                checker(item, key if where == "record" else f"{where}.{key}")

    return step


def _show(value: Any) -> str:
    """A short, printable rendering of a bad value for the error list."""
    text = ascii(value) if isinstance(value, str) else type(value).__name__ if isinstance(value, (dict, list)) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
