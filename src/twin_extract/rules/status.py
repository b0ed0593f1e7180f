"""How far a tie got: from the status cues of a stretch of text and the trigger that licensed it."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc

from ..cues import Cue

STATUS_RANK = {"proposed": 1, "pending": 2, "established": 3, "signed": 3, "terminated": 4}
"""How far a tie got; a document's later step wins when two mentions disagree."""
STRENGTH_ORDER = {"strong": 0, "medium": 1, "weak": 2}


class Step(NamedTuple):
    """A status, the rule that set it (``None``: the default "established"), and whether the
    trigger fixed it."""

    status: str
    rule: str | None
    capped: bool = False


def status(cues: list[Cue]) -> Step:
    """Termination wins; else the first future/intent cue; else signed; else established."""
    for label in ("terminated",):
        found = [c for c in cues if c.label == label]
        if found:
            return Step(label, found[0].rule)
    intent = [c for c in cues if c.label in ("pending", "proposed")]
    if intent:
        return Step(intent[0].label, intent[0].rule)
    signed = [c for c in cues if c.label == "signed"]
    if signed:
        return Step("signed", signed[0].rule)
    return Step("established", None)


def step(cues: list[Cue], trigger: Cue, cap: str | None) -> Step:
    """The cues' status, unless the trigger caps it: a trigger with a ``status`` ("memorandum of
    intent") fixes what the cues say, except a termination."""
    found = status(cues)
    if cap and found.status != "terminated":
        return Step(cap, trigger.rule, True)
    return Step(found.status, found.rule, bool(cap))


def licensing_trigger(triggers: list[Cue], statuses: list[Cue], sentence_strong: bool) -> Cue | None:
    """The clause's best trigger, if its strength is enough in this context: strong alone, medium
    with a cue other than "established" or a strong trigger in the sentence, weak only beside one."""
    for cue in sorted(triggers, key=lambda c: STRENGTH_ORDER.get(c.strength, 3)):
        if cue.strength == "strong":
            return cue
        informative = [s for s in statuses if s.label != "established"]
        if cue.strength == "medium" and (informative or sentence_strong):
            return cue
        if cue.strength == "weak" and sentence_strong:
            return cue
    return None


def planned_signing(doc: Doc, cue: Cue) -> Cue:
    """"The signing would probably take place in the summer", "will be signed": a signature
    still ahead is a pending step, not a signed one."""
    if cue.label != "signed":
        return cue
    token = doc[cue.start]
    heads = [token] if token.pos_ in ("VERB", "AUX") else [token, token.head]
    modal = any(child.lower_ in ("will", "would", "shall", "'ll") for h in heads for child in h.children
                if child.dep_ == "aux")
    if modal:
        return replace(cue, label="pending")
    return cue


def ending_something_else(doc: Doc, cue: Cue, triggers: list[Cue]) -> bool:
    """"The meeting ended, shortly before eleven, with a vote on a partnership": "end" with no
    object and no tie as its subject ends something else."""
    token = doc[cue.start]
    if cue.label != "terminated" or token.lemma_ != "end" or token.pos_ != "VERB":
        return False
    if any(child.dep_ in ("dobj", "obj") for child in token.children):
        return False
    subjects = [t.i for child in token.children if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree]
    return not any(t.start <= i < t.end for t in triggers for i in subjects)


def proposed_endings(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"The council considers suspending its relationship", "proposes to suspend the tie": a
    termination that is only proposed is no step of the tie, and the proposal is about the
    termination, not about a new tie; both cues are dropped and the tie stays as it was."""
    proposals = {c.start: c for c in cues if c.label == "proposed"}
    dropped: set[int] = set()
    for cue in cues:
        if cue.label != "terminated":
            continue
        head = doc[cue.start]
        for _ in range(PROPOSAL_REACH):
            if head.head.i == head.i:
                break
            head = head.head
            if head.i in proposals:
                dropped |= {cue.start, head.i}
                break
    return [c for c in cues if c.start not in dropped]


PROPOSAL_REACH = 3
"""How many heads up from a termination cue a proposal cue may govern it ("considers suspending",
"a motion asking the city to suspend")."""
