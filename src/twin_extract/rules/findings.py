"""A finding is one pair seen in one place of the text, before the document's findings merge.

Every family builds its findings through ``finding()``, so the fields are set one way and the
confidence comes from one table: the trigger's strength, discounted by how indirect the family's
reading is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..cues import Cue
from ..dates import DateMention
from ..places import Mention
from .status import Step

STRENGTH_CONFIDENCE = {"strong": 0.95, "medium": 0.8, "weak": 0.65}
"""How sure a trigger alone makes us: "twinned with" more than "agreement"."""

FAMILY_FACTOR = {
    "clause": 1.0,           # both places and the trigger in one clause
    "colon-list": 0.9,       # "X is twinned with:" and one partner per line
    "hub": 0.9,              # "X's sister cities include A, B"
    "hub-apposition": 0.9,   # "Poznań, Hanover's twin town"
    "the-two": 0.85,         # "The two cities ..." after a sentence naming both
    "implicit-host": 0.75,   # "the link with X": the other party is the story's place
}
"""How much each family's indirect reading discounts its trigger's confidence."""

ENTRY_CONFIDENCE = 0.7
"""A partner-page entry ("Eskilstuna, Sweden – since 1961") has no trigger of its own."""


@dataclass
class Finding:
    """One pair seen in one clause: the raw material of a record before document merging."""

    a: Mention
    b: Mention
    relation: str
    status: str
    date: DateMention | None
    evidence: list[tuple[int, int]]
    """Character offsets of the passages that state it."""
    confidence: float
    position: int
    """Character offset where it was seen; an earlier mention wins a tie between equals."""
    rules: list[str] = field(default_factory=list)
    capped: bool = False
    """The trigger fixes the status ("memorandum of intent" stays proposed even when signed)."""
    strength: str = "strong"
    """Of the licensing trigger; a hub drops weaker pairs between its own partners."""
    trigger: int = -1
    """Token where the licensing trigger starts; a hub owns the pairs made from its own trigger."""
    cued: bool = True
    """A status cue decided the status; without one it is "established" by default and does
    not outrank a stated step ("approved a partnership ... Contacts between the two cities")."""
    pair_anaphor: bool = False
    """The parties came from "the two cities", not from names in the clause."""


def finding(family: str, a: Mention, b: Mention, relation: str, step: Step, date: DateMention | None,
            evidence: list[tuple[int, int]], position: int, rules: list[str], trigger: Cue | None,
            ambiguity: float = 0.0, keeps_trigger: bool = False, pair_anaphor: bool = False) -> Finding:
    """The one way to make a finding. ``trigger`` is ``None`` for a partner-page entry;
    ``ambiguity`` (clause lists that could pair either way) and the parties' own evidence lower
    a clause finding's confidence; ``keeps_trigger`` records the trigger's token, by which a later hub tells its own pairs
    from the clause rules'."""
    if trigger is None:
        confidence, strength = ENTRY_CONFIDENCE, "medium"
    else:
        strength = trigger.strength
        confidence = STRENGTH_CONFIDENCE[strength] * FAMILY_FACTOR[family] - ambiguity
        if family == "clause":
            confidence = confidence * min(a.info.evidence, 1.0) ** 0.5 * min(b.info.evidence, 1.0) ** 0.5
    return Finding(a, b, relation, step.status, date, evidence, round(confidence, 3), position, rules,
                   capped=step.capped, strength=strength, cued=step.rule is not None,
                   trigger=trigger.start if keeps_trigger and trigger is not None else -1,
                   pair_anaphor=pair_anaphor)


def rules_of(step: Step, *before: str) -> list[str]:
    """Rule ids for ``explain``: the family's ids, then the status rule when one decided."""
    return [*before, *([step.rule] if step.rule else [])]


def share_date(findings: list[Finding]) -> None:
    """Coordinated clauses of one predicate share the one date they state."""
    dated = {(f.date.start, f.date.value): f.date for f in findings if f.date is not None}
    if len(dated) == 1:
        (date,) = dated.values()
        for f in findings:
            if f.date is None:
                f.date = date
