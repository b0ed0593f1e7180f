"""The model's ``attribute_ruler``, matched by table lookups instead of the Matcher.

The pipeline's attribute ruler holds about 180 rules; almost all are one token with a tag, a
lower-case word, a dependency label, or a few of these (``[{"TAG": "NNP"}]`` -> ``POS: PROPN``,
the old tag map; ``[{"TAG": "PRP", "LOWER": "her"}]`` -> its morphology). spaCy's ``Matcher``
tries every rule at every token, which cost about as much as the tagger and parser together on
the kept news. Such a rule is a test on one token, looked up by its tag or word; only the few
rules of two tokens or with a regular expression ("ai" + "n't") still go through a Matcher. The
matches and their order are the ruler's own, and the ruler's ``set_annotations`` applies them,
so every token gets the same attributes.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from .anchored import AnchoredMatcher, anchor
from .token_tests import Test, token_tests

Match = tuple[int, int, int, int]
"""``(rule number, rule key, start, end)``, as ``AttributeRuler.match`` gives them."""
Rule = tuple[int, int, tuple[Test, ...]]
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""The token attributes one-token rules may test, in the order ``Doc.to_array`` reads them."""
TAG, LOWER = 0, 1
_COLUMNS = {name: column for column, name in enumerate(_ATTRS)}
MEMO_SIZE = 200_000
"""Distinct token rows remembered before the memo starts again (a few MB)."""


class TableMatch:
    """A drop-in for ``AttributeRuler.match``: the same matches, found by lookups."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.table: dict[tuple[int | None, int | None], list[Rule]] = {}
        """(tag or None, word or None) -> the rules asking for exactly that, with their other tests."""
        self.anywhere: list[Rule] = []
        self.rest = AnchoredMatcher(ruler.vocab)
        """The other rules ("ai" + "n't"), read around the words they need (``anchored``) ..."""
        self.scanned = Matcher(ruler.vocab)
        """... and those that need none (a regular expression), read over the whole Doc. The
        matches are sorted at the end, so two matchers give the one Matcher's list."""
        self.memo: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        """(tag, word, dependency, whitespace) -> the one-token rules met: a token's matches depend
        on nothing else, and news repeats the same few thousand pairs."""
        for number in range(len(ruler.attrs)):
            key = ruler.vocab.strings.add(str(number))
            patterns = ruler.matcher.get(key)[1]
            tests = _tests(patterns)
            if tests is None:
                (self.rest if all(anchor(p) for p in patterns) else self.scanned).add(key, patterns)
                continue
            wanted = {column: values for column, values, inside in tests if inside and column in (TAG, LOWER)}
            if not wanted:
                self.anywhere.append((number, key, tuple(tests)))
                continue
            others = tuple(test for test in tests if test[0] not in wanted or not test[2])
            for tag in wanted.get(TAG, (None,)):
                for word in wanted.get(LOWER, (None,)):
                    self.table.setdefault((tag, word), []).append((number, key, others))

    def __call__(self, doc: Doc) -> list[Match]:
        memo = self.memo
        if len(memo) > MEMO_SIZE:
            memo.clear()
        rows = list(map(tuple, doc.to_array(list(_ATTRS)).tolist())) if len(doc) else []
        for row in set(rows).difference(memo):
            memo[row] = self._rules_for(row)
        matches: list[Match] = [(number, rule, i, i + 1) for i, row in enumerate(rows) for number, rule in memo[row]]
        strings = doc.vocab.strings
        for matcher in (self.rest, self.scanned):
            if len(matcher):
                matches += [(int(strings[key]), key, start, end)
                            for key, start, end in matcher(doc, allow_missing=True)]
        matches.sort()
        return matches

    def _rules_for(self, row: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """``(rule number, rule key)`` of the one-token rules a token with these attributes meets."""
        table, empty = self.table, []
        return tuple((number, key) for rules in (table.get((row[TAG], row[LOWER]), empty),
                                                 table.get((row[TAG], None), empty),
                                                 table.get((None, row[LOWER]), empty), self.anywhere)
                     for number, key, tests in rules
                     if not tests or all((row[column] in values) is inside for column, values, inside in tests))


def _tests(patterns: list[list[dict[str, Any]]]) -> tuple[Test, ...] | None:
    """The tests of a rule that is one pattern of one token asking for a tag, a lower-case word,
    a dependency label or whitespace (a value, an ``IN`` or a ``NOT_IN`` list); None for any
    other rule, which the Matcher keeps."""
    if len(patterns) != 1:
        return None
    return token_tests(patterns[0], _COLUMNS, frozenset({"IS_SPACE"}))


def speed_up(ruler: AttributeRuler) -> None:
    """Let ``ruler`` find its matches by lookups (its rules and annotations stay as they are)."""
    ruler.match = TableMatch(ruler)
