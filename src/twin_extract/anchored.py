"""spaCy's ``Matcher``, run only on the stretches of a Doc where a match can lie.

The ``Matcher`` makes a ``Token`` object for every token it reads and tries every pattern at
every token, so its cost grows with the Doc, while the rules it holds ("the two cities", "its
German twin Leer", "set up", "enter into") match a few tokens around one required word. A
pattern with a required token of fixed words (``LOWER``, ``ORTH``, ``TEXT`` or ``LEMMA``, a value
or an ``IN`` list) and a bounded length matches only within that many tokens of one of those words;
such windows (widened by ``MARGIN`` and merged) are all the ``Matcher`` reads; a side the
pattern can stretch without bound ("the ADJ* ceremony") reaches the Doc's edge. Every match lies
inside one merged window, and a window ends away from its matches, so the matches and their order
are the whole Doc's. A pattern with no such token makes every call read the whole Doc.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
UNBOUNDED = 1 << 30
"""The reach of a side with a ``*``, ``+`` or open range: any Doc's edge."""
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
    with the fewest words (a word before a lemma: "be" is everywhere; then the shortest reach),
    or None when it has none; a side with a token of unbounded or unknown length reaches
    ``UNBOUNDED`` tokens."""
    reaches = [_reach(spec.get("OP")) or (0, UNBOUNDED) for spec in pattern]
    best: tuple[tuple[int, bool, int], tuple[int, list[str], int, int]] | None = None
    for n, spec in enumerate(pattern):
        found = _words(spec) if spec.get("OP") is None else None
        if found is None:
            continue
        before = min(UNBOUNDED, sum(r[1] for r in reaches[:n]))
        after = min(UNBOUNDED, sum(r[1] for r in reaches[n + 1:]))
        rank = (len(found[1]), found[0] == _LEMMA, max(before, after))
        if best is None or rank < best[0]:
            best = (rank, (found[0], found[1], before, after))
    return best[1] if best is not None else None


class AnchoredMatcher:
    """A ``Matcher`` (``add``, ``len``, calls on a Doc or Span giving ``(key, start, end)``)
    that reads only the windows around its patterns' required words."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self.reach: list[dict[int, tuple[int, int]]] = [{}, {}, {}]
        """Per column (lower-case word, exact text, lemma): word hash -> (tokens before, tokens after)."""
        self.everywhere = False
        self._last: tuple[Doc, int, tuple[list[int], list[tuple[int, int, int]]]] | None = None

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

    def __call__(self, doclike: Doc | Span, allow_missing: bool = False) -> list[tuple[int, int, int]]:
        if self.everywhere or not len(self.matcher):
            return self.matcher(doclike, allow_missing=allow_missing)
        windows = self.windows(doclike)
        if sum(b - a for a, b in windows) > WHOLE_SHARE * len(doclike):
            return self.matcher(doclike, allow_missing=allow_missing)
        offset = doclike.start if isinstance(doclike, Span) else 0
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        return [(key, start + a, end + a) for a, b in windows
                for key, start, end in self.matcher(doc[offset + a:offset + b], allow_missing=allow_missing)]

    def windows(self, doclike: Doc | Span) -> list[Window]:
        """Merged token ranges (relative to ``doclike``) around its required words."""
        if isinstance(doclike, Span):
            doc, lo, hi = doclike.doc, doclike.start, doclike.end
        else:
            doc, lo, hi = doclike, 0, len(doclike)
        positions, hits = self._hits(doc)
        found = [(max(lo, i - before - MARGIN) - lo, min(hi, i + after + 1 + MARGIN) - lo)
                 for i, before, after in hits[bisect_left(positions, lo):bisect_left(positions, hi)]]
        merged: list[Window] = []
        for a, b in sorted(found):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    def _hits(self, doc: Doc) -> tuple[list[int], list[tuple[int, int, int]]]:
        """Positions of the Doc's required words with their reach, found once per Doc: the
        relation rules ask for each sentence in turn. (The last Doc is kept; a Doc is not
        re-annotated between the rules' calls.)"""
        if self._last is not None and self._last[0] is doc and self._last[1] == len(doc):
            return self._last[2]
        hits: list[tuple[int, int, int]] = []
        if len(doc):
            for values, reach in zip(doc.to_array([LOWER, ORTH, LEMMA]).T.tolist(), self.reach):
                if reach and not reach.keys().isdisjoint(values):
                    hits += [(i, *reach[value]) for i, value in enumerate(values) if value in reach]
        hits.sort()
        found = ([i for i, _, _ in hits], hits)
        self._last = (doc, len(doc), found)
        return found
