"""Who "the city", "its" and "the Latvian city" are: host references resolved to place mentions.

A story about a town's partners often names the town once and then writes "the city's partner
towns include ...", "its twin town X" or "The Latvian city has partner cities in 14 countries".
The partner is explicit there, the host is not. The phrases that can stand for a host are data
(``patterns/anaphors.jsonl`` rows with a ``host`` field: ``city``, ``region`` or ``any``);
this module finds them and decides which earlier place each one means.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .anchored import AnchoredMatcher
from .countries import CountryResolver
from .patterns import PatternSet
from .places import Mention


@dataclass
class HostRef:
    """A phrase standing for a place named elsewhere ("the city's", "its", "the Latvian city")."""

    start: int
    end: int
    kind: str
    """"city", "region" or "any": which places it can stand for."""
    country: str | None
    """A demonym inside the phrase narrows the choice ("the Latvian city" -> LV)."""
    rule: str
    have_only: bool = False
    """Only as the subject of "have"/"maintain"/"include" ("it also maintains ties with X")."""
    countries: frozenset[str] = frozenset()
    """Countries whose places the phrase can stand for ("the oblast"); empty: any."""


class HostReferences:
    """Finds host references in a Doc and resolves them against the Doc's place mentions."""

    def __init__(self, vocab, patterns: PatternSet, resolver: CountryResolver) -> None:
        self.resolver = resolver
        self.matcher = AnchoredMatcher(vocab)
        self.kinds: dict[str, str] = {}
        self.have_only: set[str] = set()
        self.countries: dict[str, frozenset[str]] = {}
        for row in patterns["anaphors"]:
            if row.get("host"):
                self.matcher.add(row["id"], [row["pattern"]])
                self.kinds[row["id"]] = row["host"]
                self.countries[row["id"]] = frozenset(row.get("countries", ()))
                if row.get("have_only"):
                    self.have_only.add(row["id"])

    def find(self, doc: Doc, mentions: list[Mention]) -> list[HostRef]:
        """Host phrases that are not part of a place mention ("the Polish city of Kielce" is one)."""
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)])
        refs = []
        for span in spans:
            if any(m.info.ext_start < span.end and span.start < m.info.ext_end for m in mentions):
                continue
            country = next((self.resolver.demonym(t.text) for t in span
                            if t.text[:1].isupper() and self.resolver.demonym(t.text)), None)
            refs.append(HostRef(span.start, span.end, self.kinds[span.label_], country, span.label_,
                                span.label_ in self.have_only, self.countries[span.label_]))
        return sorted(refs, key=lambda r: r.start)

    @staticmethod
    def at(refs: list[HostRef], token: int) -> HostRef | None:
        """The host reference covering ``token``, if any."""
        return next((r for r in refs if r.start <= token < r.end), None)


def resolve(doc: Doc, ref: HostRef, mentions: list[Mention], exclude: set[str]) -> Mention | None:
    """The place a host reference stands for.

    Candidates are places named before it (of the right kind and country, not the partner).
    The subject of the verb the phrase depends on wins ("Florence ..., while Regina cut its ties
    with Tula"; its head noun, not a place inside a modifier: "The city of Wakkanai in northern
    Hokkaido suspended its exchanges"), then the subject of the same sentence ("The council of Portland voted to suspend
    the city's ties"), then the nearest earlier place in it that is not an object or a possessor ("Coventry's
    twin town Dresden ... suspended its own partnership"); otherwise the document's topic: the
    place named most often, then first.
    """
    anchor = doc[ref.start].idx
    candidates = [m for m in mentions
                  if m.start < anchor and m.key not in exclude
                  and (ref.kind == "any" or m.info.kind == ref.kind)
                  and (ref.country is None or m.info.country == ref.country)
                  and (not ref.countries or m.info.country in ref.countries)]
    if not candidates:
        return None
    sent = doc[ref.start].sent
    same = [m for m in candidates if sent.start <= m.span.start < sent.end]
    own = _governing_subject(doc, ref.start)
    in_own = [m for m in same if m.span.start in own]
    if in_own:
        heads = [m for m in in_own if m.span.root.dep_ not in ("pobj", "poss", "compound")]
        return heads[-1] if heads else in_own[0]
    subject = _subject_tokens(sent)
    in_subject = [m for m in same if m.span.start in subject]
    if in_subject:
        return in_subject[-1]
    heads = [m for m in same if m.span.root.dep_ not in ("pobj", "poss", "dobj", "compound")]
    if heads:
        return heads[-1]
    return topic(candidates, mentions)


PARTNER_SLOT_WEIGHT = 0.5


def topic(candidates: list[Mention], mentions: list[Mention]) -> Mention | None:
    """The most salient of ``candidates``: named most often in the document, then first. A
    mention right after "with" counts half: that is where a story names the partner ("Coventry
    ends twinning with Volgograd ... its bond with Volgograd"), not its own place; so does one
    coordinated with it ("a letter of intent with Saldus district and Saldus town")."""
    if not candidates:
        return None
    counts: dict[str, float] = {}
    first: dict[str, int] = {}
    previous: Mention | None = None
    slot = False
    for m in mentions:
        start = m.info.ext_start
        doc = m.span.doc
        slot = start > 0 and doc[start - 1].lower_ == "with" or \
            slot and previous is not None and _joined(doc[previous.info.ext_end:start])
        counts[m.key] = counts.get(m.key, 0) + (PARTNER_SLOT_WEIGHT if slot else 1.0)
        first.setdefault(m.key, m.start)
        previous = m
    best = max({m.key: m for m in candidates}.values(), key=lambda m: (counts[m.key], -first[m.key]))
    return next(m for m in candidates if m.key == best.key)


def _joined(between: Span) -> bool:
    """Only a coordinator and lower-case words between two mentions: "district and", ", "."""
    return 0 < len(between) <= JOIN_REACH and any(t.lower_ in ("and", "or", "&", ",") for t in between) and \
        all(t.is_punct or t.is_lower for t in between)


JOIN_REACH = 3


def _subject_tokens(sent: Span) -> set[int]:
    """Token indices of the sentence's grammatical subject (with its modifiers)."""
    root = sent.root
    return {t.i for child in root.children if child.dep_ in ("nsubj", "nsubjpass")
            for t in child.subtree}


def _governing_subject(doc: Doc, token: int) -> set[int]:
    """Token indices of the subject of the nearest verb above ``token`` (its own clause's)."""
    head = doc[token]
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") and head.i != token:
            return {t.i for child in head.children if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree}
        if head.head.i == head.i:
            break
        head = head.head
    return set()
