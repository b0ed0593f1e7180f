"""Token patterns as phrase lists: the same matches as spaCy's ``Matcher``, at dictionary speed.

The rules in ``patterns/`` are Matcher token patterns, but most of them are only words in a
row, each from a list, some optional ("sister", "-"?, "city"|"town"|...). Such a pattern is a
finite set of phrases, and spaCy's ``PhraseMatcher`` finds phrases by hashing, several times
faster than the ``Matcher`` steps its state machine token by token. Patterns that need more
(part of speech, lemmas, ``*``/``+``) keep the ``Matcher``, so every pattern still works.
"""

from __future__ import annotations

import re

from collections import Counter
from itertools import product
from typing import Any, Iterable

from spacy.attrs import LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .anchored import AnchoredMatcher
from .token_tests import TokenTable

MAX_PHRASES = 5_000
"""A pattern that expands to more phrases than this stays with the Matcher."""
_TEXT_KEYS = ("LOWER", "TEXT", "ORTH")


def phrases(pattern: list[dict[str, Any]], limit: int = MAX_PHRASES) -> tuple[str, list[list[str]]] | None:
    """``(attribute, phrases)`` that match exactly what the pattern matches, or None when the
    pattern needs the Matcher. Words are compared on ``LOWER`` unless the pattern spells case."""
    choices: list[list[str | None]] = []
    keys: set[str] = set()
    for token in pattern:
        op = token.get("OP")
        fields = [k for k in token if k != "OP"]
        if op not in (None, "?") or len(fields) != 1 or fields[0] not in _TEXT_KEYS:
            return None
        key = fields[0]
        values = _values(token[key])
        if values is None:
            return None
        if key != "LOWER" and any(v.lower() != v for v in values):
            keys.add("ORTH")
        elif key == "LOWER":
            keys.add("LOWER")
        choices.append([*values, None] if op == "?" else list(values))
    if keys == {"LOWER", "ORTH"}:
        return None
    count = 1
    for options in choices:
        count *= len(options)
    if count > limit:
        return None
    found = [[w for w in combo if w is not None] for combo in product(*choices)]
    return ("ORTH" if keys == {"ORTH"} else "LOWER"), [words for words in found if words]


_TOKEN_ATTRS = {"LOWER": "lower_", "TEXT": "text", "ORTH": "text", "LEMMA": "lemma_", "POS": "pos_",
                "TAG": "tag_"}


def _satisfies(token: Any, spec: dict[str, Any]) -> bool:
    """Does a token fit one pattern token (the keys patterns here use; others count as a fit)?"""
    for key, value in spec.items():
        attr = _TOKEN_ATTRS.get(key)
        values = _values(value)
        if attr is not None and values is not None and getattr(token, attr) not in values:
            return False
    return True


def _values(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


WORD = re.compile(r"[^\W_]+")
COMMON_WORDS = {"of", "on", "for", "to", "and", "the", "with", "in", "will", "would", "a", "an", "officially", "formally"}
"""Words too common to gate a rule on: a required token made only of them is passed over."""


def required_words(patterns: Iterable[list[dict]]) -> set[str] | None:
    """Words one of which every trigger pattern needs (from its most selective required token),
    so that a passage without any of them skips the Matcher; None when a pattern needs no word."""
    words: set[str] = set()
    for pattern in patterns:
        options = []
        for token in pattern:
            if token.get("OP") in ("?", "*"):
                continue
            value = token.get("LOWER", token.get("TEXT", token.get("ORTH")))
            if isinstance(value, str):
                options.append({value.casefold()})
            elif isinstance(value, dict) and "IN" in value:
                options.append({v.casefold() for v in value["IN"]})
        if not options:
            return None
        selective = [o for o in options if not o & COMMON_WORDS] or options
        words |= min(selective, key=len)
    return {w for word in words for w in WORD.findall(word)} or None


class PatternIndex:
    """Rule id -> token pattern, matched by two PhraseMatchers (``LOWER`` and ``ORTH``) where
    the patterns allow, one-token patterns on a lemma or word by a table (``token_tests``) and
    by a Matcher for the rest (read only around the words its rules need: ``anchored``).
    ``matches`` gives the Matcher's answer."""

    def __init__(self, vocab: Vocab, rules: Iterable[tuple[str, list[dict[str, Any]]]]) -> None:
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        self.tokens = AnchoredMatcher(vocab)
        self.table = TokenTable()
        self.rank: dict[int, int] = {}
        self.trailing: dict[int, dict[str, Any]] = {}
        """The optional last token of a rule's pattern, when it ends with one."""
        rules = list(rules)
        counts = Counter(rule_id for rule_id, _ in rules)
        token_patterns: list[list[dict[str, Any]]] = []
        for rule_id, pattern in rules:
            key = vocab.strings.add(rule_id)
            self.rank.setdefault(key, len(self.rank))
            if pattern[-1].get("OP") in ("?", "*"):
                self.trailing[key] = pattern[-1]
            expanded = phrases(pattern)
            if expanded is None:
                if counts[rule_id] > 1 or not self.table.add(key, pattern):
                    self.tokens.add(rule_id, [pattern])
                    token_patterns.append(pattern)
                continue
            attr, found = expanded
            values = _attr_values(vocab, attr, dict.fromkeys(word for words in found for word in words))
            (self.lower if attr == "LOWER" else self.orth).add(rule_id, [[values[w] for w in words] for words in found])
        self.strings = vocab.strings
        self.token_gate = required_words(token_patterns) if token_patterns else None
        self.token_gate_ids = frozenset(vocab.strings.add(w) for w in self.token_gate or ())
        """Words one of which a Doc must hold for the Matcher's rules to match ("twin" for "its
        German twin Leer"): the Matcher costs a call per Doc, and most passages lack them."""

    def matches(self, doc: Doc | Span, words: set[str] | None = None) -> list[tuple[str, int, int]]:
        """``(rule id, start token, end token)`` of every match, in document order.

        Rules that match the very same tokens come in the Matcher's order, because a caller
        that keeps one of them (``filter_spans``) must keep the same one: the Matcher gives a
        match when its state ends, so a match that left out its pattern's optional last token
        comes after the others (its state ended one token later), and otherwise the rules come
        in the order they were added. ``words``, the text's lower-cased words when the caller has
        them, saves looking for the Matcher rules' needed words in the Doc."""
        matchers = [self.lower, self.orth]
        if len(self.tokens) and (self.token_gate is None or (
                bool(self.token_gate & words) if words is not None else _holds_any(doc, self.token_gate_ids))):
            matchers.append(self.tokens)
        found = [m for matcher in matchers if len(matcher) for m in matcher(doc)]
        if len(self.table):
            found += self.table.matches(doc)
        found.sort(key=lambda m: (m[1], m[2], self._ended_late(doc, m[0], m[2]), self.rank[m[0]]))
        return [(self.strings[m], s, e) for m, s, e in found]

    def _ended_late(self, doc: Doc | Span, rule: int, end: int) -> bool:
        spec = self.trailing.get(rule)
        return spec is not None and not _satisfies(doc[end - 1], spec)

    def __len__(self) -> int:
        return len(self.lower) + len(self.orth) + len(self.tokens) + len(self.table)


def _holds_any(doc: Doc | Span, words: frozenset[int]) -> bool:
    """Does a token of ``doc`` have one of the ``LOWER`` hashes ``words`` (one array call, no
    Token objects; a set test, since ``numpy.isin`` costs more than a sentence's words)?"""
    if isinstance(doc, Span):
        lowers = doc.doc.to_array(LOWER)[doc.start:doc.end]
    else:
        lowers = doc.to_array(LOWER)
    return not words.isdisjoint(lowers.tolist())


def _attr_values(vocab: Vocab, attr: str, words: Iterable[str]) -> dict[str, int]:
    """Word -> the ``attr`` value its token carries: what the PhraseMatcher reads from a pattern
    Doc, taken from the word's lexeme instead. The trigger table expands to some 14,000 phrases;
    a Doc for each made building the pipeline a third of a second slower."""
    lexemes = {word: vocab[word] for word in words}
    return {word: lexeme.lower if attr == "LOWER" else lexeme.orth for word, lexeme in lexemes.items()}
