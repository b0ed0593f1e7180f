"""spaCy's ``Matcher``, run only on the stretches of a Doc where a match can lie.

The ``Matcher`` makes a ``Token`` object for every token it reads and tries every pattern at
every token, so its cost grows with the Doc, while the rules it holds ("the two cities", "its
German twin Leer", "set up", "enter into") match a few tokens around one required word. A
pattern with a required token of fixed words (``LOWER``, ``ORTH``, ``TEXT`` or ``LEMMA``, a value
or an ``IN`` list) and a bounded length matches only within that many tokens of one of those words;
such windows (widened by ``MARGIN`` and merged) are all the ``Matcher`` reads. Every match lies
inside one merged window, and a window ends away from its matches, so the matches and their order
are the whole Doc's. A pattern with no such token or no bound makes every call read the whole Doc.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

MARGIN = 2
"""Tokens read beyond a pattern's reach on each side: the Matcher ends a match that left out
an optional last token one token later, so a window never stops right after a match."""
WHOLE_SHARE = 0.6
"""When the windows cover more of the Doc than this, the whole Doc is read in one call."""
_ATTRS = {"LOWER": 0, "ORTH": 1, "TEXT": 1, "LEMMA": 2}
_LEMMA = 2
_RANGE = re.compile(r"^\{(\d*)(,?)(\d*)\}$")
Window = tuple[int, int]


def _reach(op: str | None) -> tuple[int, int] | None:
    """(least, most) tokens one pattern token takes; None when unbounded or unknown."""
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    m = _RANGE.match(op)
    if m is None or not m.group(3) and (m.group(2) or not m.group(1)):
        return None
    least = int(m.group(1) or 0)
    return least, int(m.group(3)) if m.group(2) else least


def _words(spec: dict[str, Any]) -> tuple[int, list[str]] | None:
    """(column, words) of a pattern token that must be one of fixed words."""
    for key, column in _ATTRS.items():
        value = spec.get(key)
        if isinstance(value, str):
            return column, [value]
        if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            return column, list(value["IN"])
    return None


def anchor(pattern: list[dict[str, Any]]) -> tuple[int, list[str], int, int] | None:
    """(column, words, tokens before, tokens after) of the pattern's required fixed-word token
    with the fewest words (a word before a lemma: "be" is everywhere), or None when it has none
    or its length is unbounded."""
    reaches = [_reach(spec.get("OP")) for spec in pattern]
    if any(r is None for r in reaches):
        return None
    best = None
    for n, spec in enumerate(pattern):
        found = _words(spec) if spec.get("OP") is None else None
        rank = (len(found[1]), found[0] == _LEMMA) if found is not None else None
        if rank is not None and (best is None or rank < (len(best[1]), best[0] == _LEMMA)):
            before = sum(r[1] for r in reaches[:n])
            after = sum(r[1] for r in reaches[n + 1:])
            best = (found[0], found[1], before, after)
    return best


class AnchoredMatcher:
    """A ``Matcher`` (``add``, ``len``, calls on a Doc or Span giving ``(key, start, end)``)
    that reads only the windows around its patterns' required words."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self.reach: list[dict[int, tuple[int, int]]] = [{}, {}, {}]
        """Per column (lower-case word, exact text, lemma): word hash -> (tokens before, tokens after)."""
        self.everywhere = False

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        self.matcher.add(key, patterns)
        for pattern in patterns:
            found = anchor(pattern)
            if found is None:
                self.everywhere = True
                continue
            column, words, before, after = found
            for word in words:
                h = self.vocab.strings.add(word)
                old = self.reach[column].get(h, (0, 0))
                self.reach[column][h] = (max(old[0], before), max(old[1], after))

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        if self.everywhere or not len(self.matcher):
            return self.matcher(doclike)
        windows = self.windows(doclike)
        if sum(b - a for a, b in windows) > WHOLE_SHARE * len(doclike):
            return self.matcher(doclike)
        offset = doclike.start if isinstance(doclike, Span) else 0
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        return [(key, start + a, end + a) for a, b in windows
                for key, start, end in self.matcher(doc[offset + a:offset + b])]

    def windows(self, doclike: Doc | Span) -> list[Window]:
        """Merged token ranges (relative to ``doclike``) around its required words."""
        length = len(doclike)
        if isinstance(doclike, Span):
            rows = doclike.doc.to_array([LOWER, ORTH, LEMMA])[doclike.start:doclike.end].tolist()
        else:
            rows = doclike.to_array([LOWER, ORTH, LEMMA]).tolist() if length else []
        lower, orth, lemma = self.reach
        found: list[Window] = []
        for i, (low, exact, base) in enumerate(rows):
            for reach in (lower.get(low), orth.get(exact), lemma.get(base)):
                if reach is not None:
                    found.append((max(0, i - reach[0] - MARGIN), min(length, i + reach[1] + 1 + MARGIN)))
        merged: list[Window] = []
        for a, b in sorted(found):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged
