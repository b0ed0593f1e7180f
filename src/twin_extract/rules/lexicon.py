"""The compiled rules every relation family reads: matchers and the rows behind their ids.

Built once per pipeline from the loaded ``PatternSet``; the families never open pattern files
or look rows up by hand, so what a rule id means is decided here and in ``patterns/`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..anaphora import HostReferences
from ..anchored import AnchoredMatcher
from ..countries import resolver_for
from ..cues import LICENSES, Cue
from ..patterns import PatternSet
from ..phrases import PatternIndex
from ..places import Mention


@dataclass
class Lexicon:
    """Trigger, status and anaphor matchers with their rows, host phrases and institutions."""

    vocab: Vocab
    triggers: PatternIndex
    blockers: PatternIndex
    status: PatternIndex
    anaphors: AnchoredMatcher
    list_openers: AnchoredMatcher
    """Phrases that open a sentence listing the partners the sentence before announced
    ("They are ...", "Among them ..."); kept apart from the back-references."""
    trigger_rows: dict[str, dict[str, Any]]
    status_rows: dict[str, dict[str, Any]]
    voiding: set[str]
    """Status rows that only ask for or undo a termination ("a motion asking the city to suspend",
    "overturned its decision to sever"): they cancel a termination they govern and are no status
    cue of their own."""
    refusing: set[str]
    """Status rows that refuse a tie ("rejected", "voted down", "voted against"): a tie word or
    step they govern was never made, so its clause pairs nothing (``status.refused_ties``)."""
    pair_anaphors: set[str]
    """Rows that stand for both places of a pair ("the two cities", "between our two towns")."""
    decision_anaphors: set[str]
    """Rows that point back at a decision ("The decision was taken on 1 March"): they date the
    steps of the sentence before, never a tie merely said to exist."""
    hosts: HostReferences
    institutions: set[str]

    @classmethod
    def from_patterns(cls, vocab: Vocab, patterns: PatternSet) -> "Lexicon":
        anaphors, list_openers = AnchoredMatcher(vocab), AnchoredMatcher(vocab)
        triggers = PatternIndex(vocab, [(row["id"], quotes_allowed(row["pattern"])) for row in patterns["triggers"]
                                        if row["strength"] != "block"])
        blockers = PatternIndex(vocab, [(row["id"], quotes_allowed(row["pattern"])) for row in patterns["triggers"]
                                        if row["strength"] == "block"])
        status = PatternIndex(vocab, [(row["id"], row["pattern"]) for row in patterns["status"]])
        for row in patterns["anaphors"]:
            if row.get("list"):
                list_openers.add(row["id"], [row["pattern"]])
            elif not row.get("host"):
                anaphors.add(row["id"], [row["pattern"]])
        return cls(
            vocab=vocab, triggers=triggers, blockers=blockers, status=status, anaphors=anaphors,
            list_openers=list_openers,
            trigger_rows={row["id"]: row for row in patterns["triggers"]},
            status_rows={row["id"]: row for row in patterns["status"]},
            voiding={row["id"] for row in patterns["status"] if row.get("voids")},
            refusing={row["id"] for row in patterns["status"] if row.get("refuses")},
            pair_anaphors={row["id"] for row in patterns["anaphors"] if row.get("pair")},
            decision_anaphors={row["id"] for row in patterns["anaphors"] if row.get("decision")},
            hosts=HostReferences(vocab, patterns, resolver_for(patterns)),
            institutions={row["lemma"] for row in patterns["institutions"]},
        )

    def relation(self, trigger: Cue) -> str:
        """``twinning`` or ``cooperation``: what the trigger's row says the tie is."""
        return self.trigger_rows[trigger.rule]["relation"]

    def cap(self, trigger: Cue) -> str | None:
        """The status a trigger fixes ("memorandum of intent" stays proposed), if any."""
        return self.trigger_rows[trigger.rule].get("status")

    def names_document(self, trigger: Cue) -> bool:
        """Does the trigger name a signed document ("agreement", "memorandum"), so that a dated
        partner-list entry naming it reports a signing?"""
        return bool(self.trigger_rows[trigger.rule].get("document"))

    def trigger_cues(self, doc: Doc) -> list[Cue]:
        """Trigger phrases, without those inside a blocked phrase ("Twin Cities")."""
        blocked = [(s, e) for _, s, e in self.blockers.matches(doc)]
        return [t for t in _cues(doc, self.triggers, self.trigger_rows, "relation")
                if not any(s < t.end and t.start < e for s, e in blocked)]

    def status_cues(self, doc: Doc) -> list[Cue]:
        """Status phrases; a row that ``licenses`` a medium trigger ("established relations")
        marks its cue with that strength."""
        return [replace(c, strength=LICENSES) if self.status_rows[c.rule].get("licenses") else c
                for c in _cues(doc, self.status, self.status_rows, "status")]

    def anaphors_in(self, span: Span) -> list[tuple[str, int, int]]:
        """Back-references in ``span``: (rule id, start, end), token offsets within the span."""
        return [(self.vocab.strings[m], s, e) for m, s, e in self.anaphors(span)]

    def list_opener(self, span: Span) -> tuple[str, int] | None:
        """A list opener that starts ``span`` ("They are ...") or follows a fronted phrase and its
        comma ("Apart from Khabarovsk, they are ..."): its rule id and the token where it ends."""
        first = next((t.i - span.start for t in span if not t.is_space and not t.is_punct), None)
        for m, s, e in self.list_openers(span):
            if s == first or s > 0 and span[s - 1].text == "," and s <= OPENER_AFTER_COMMA:
                return self.vocab.strings[m], span.start + e
        return None

    def pair_refs(self, span: Span) -> list[tuple[str, int, int]]:
        """Phrases in ``span`` that stand for both places of a pair ("the two cities")."""
        return [ref for ref in self.anaphors_in(span) if ref[0] in self.pair_anaphors]


def _cues(doc: Doc, index: PatternIndex, rows: dict[str, dict[str, Any]], label_key: str) -> list[Cue]:
    spans = filter_spans([Span(doc, s, e, label=rule) for rule, s, e in index.matches(doc)])
    cues = [Cue(rows[span.label_]["id"], span.start, span.end, rows[span.label_][label_key],
                rows[span.label_].get("strength", "")) for span in spans]
    return sorted(cues, key=lambda c: c.start)


QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»"]


def quotes_allowed(pattern: list[dict]) -> list[dict]:
    """A trigger written with quotes inside it still matches: 'entered into "friendship"
    agreements', 'its ‘sister city’ status'."""
    out: list[dict] = []
    for n, token in enumerate(pattern):
        if n:
            out.append({"ORTH": {"IN": QUOTES}, "OP": "?"})
        out.append(token)
    return out


OPENER_AFTER_COMMA = 8
"""How far into a sentence a fronted phrase may push its list opener ("Apart from X, they are")."""
PLACE_PLURALS = {"cities", "towns", "municipalities", "communities"}


def pair_kind(noun: str) -> str | None:
    """Which places "the two ___" can stand for: "regions" only regions, "cities" only
    municipalities, "sides"/"partners" any."""
    return "region" if noun == "regions" else "city" if noun in PLACE_PLURALS else None


def two_of_kind(mentions: list[Mention], kind: str | None,
                distinct: dict[str, Mention] | None = None) -> dict[str, Mention]:
    """The distinct places of ``kind`` among ``mentions``, first mention of each, added to
    ``distinct``; a pair anaphor only resolves when exactly two are found."""
    distinct = {} if distinct is None else distinct
    for m in mentions:
        if kind is None or m.info.kind == kind:
            distinct.setdefault(m.key, m)
    return distinct
