"""One-token patterns on lemma, part of speech and words, matched by table lookup.

Status rules such as ``[{"LEMMA": {"IN": ["sign", "ink", ...]}, "POS": {"IN": ["VERB", "AUX"]}}]``
are not phrases (``phrases.py``), so they went to spaCy's ``Matcher``, which tries every such
rule at every token of every kept article. A one-token pattern is a set of tests on one token;
the table finds the rules whose lemma or word a token has, and only those are tested. Each
token that passes gives the match ``(rule key, i, i + 1)`` the Matcher would give.
"""

from __future__ import annotations

from typing import Any, Mapping

from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

COLUMNS = {"LEMMA": 0, "LOWER": 1, "POS": 2, "TAG": 3, "ORTH": 4, "TEXT": 4}
"""Pattern keys -> their column in ``ARRAY``."""
ARRAY = [LEMMA, LOWER, POS, TAG, ORTH]
INDEXED = (0, 1)
"""Columns a rule is filed under (its lemma or its word), so a token looks up only its own."""
Test = tuple[int, frozenset[int], bool]
"""``(column, values, whether the token's value must be among them)``."""


def token_tests(pattern: list[dict[str, Any]], columns: Mapping[str, int] = COLUMNS,
                flags: frozenset[str] = frozenset()) -> tuple[Test, ...] | None:
    """The tests of a one-token pattern without an operator, on the keys of ``columns`` (a value,
    an ``IN`` or a ``NOT_IN`` list of strings; ``True``/``False`` for a key among ``flags``); None
    for any other pattern. The attribute ruler's table (``tag_rules``) reads its rules with it too."""
    if len(pattern) != 1 or not pattern[0] or "OP" in pattern[0]:
        return None
    tests = []
    for name, value in pattern[0].items():
        if name not in columns:
            return None
        if name in flags:
            if not isinstance(value, bool):
                return None
            tests.append((columns[name], frozenset({int(value)}), True))
        elif isinstance(value, str):
            tests.append((columns[name], frozenset({get_string_id(value)}), True))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} and \
                all(isinstance(v, str) for v in next(iter(value.values()))):
            op, values = next(iter(value.items()))
            tests.append((columns[name], frozenset(get_string_id(v) for v in values), op == "IN"))
        else:
            return None
    return tuple(tests)


class TokenTable:
    """Rule keys of one-token patterns, filed by a lemma or word they require."""

    def __init__(self) -> None:
        self.filed: dict[tuple[int, int], list[tuple[int, tuple[Test, ...]]]] = {}

    def add(self, key: int, pattern: list[dict[str, Any]]) -> bool:
        """File the rule if its pattern is one token that requires a lemma or a word."""
        tests = token_tests(pattern)
        column = next((test for test in tests or () if test[2] and test[0] in INDEXED), None)
        if column is None:
            return False
        others = tuple(test for test in tests if test is not column)
        for value in column[1]:
            self.filed.setdefault((column[0], value), []).append((key, others))
        return True

    def __len__(self) -> int:
        return len(self.filed)

    def matches(self, doc: Doc | Span) -> list[tuple[int, int, int]]:
        """``(rule key, i, i + 1)`` for each token that passes a filed rule's tests."""
        if not len(doc):
            return []
        filed, empty = self.filed, []
        found = []
        for i, row in enumerate(doc.to_array(ARRAY).tolist()):
            for column in INDEXED:
                for key, tests in filed.get((column, row[column]), empty):
                    if all((row[c] in values) is inside for c, values, inside in tests):
                        found.append((key, i, i + 1))
        return found
