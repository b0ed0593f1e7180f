"""How far a tie got: from the status cues of a stretch of text and the trigger that licensed it."""

from __future__ import annotations

import re

from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..cues import LICENSES, Cue
from ..event_dates import RENEWAL_RULE

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
    """Termination wins; else the first future/intent cue, unless the only ones say the places will
    become partners and an agreement was signed (the signing is the step taken: "are to become twin
    cities under an agreement signed ..."); else signed; else established."""
    for label in ("terminated",):
        found = [c for c in cues if c.label == label]
        if found:
            return Step(label, found[0].rule)
    intent = [c for c in cues if c.label in ("pending", "proposed")]
    signed = [c for c in cues if c.label == "signed"]
    if intent and not (signed and all(c.rule == WILL_BECOME_RULE for c in intent)):
        return Step(intent[0].label, intent[0].rule)
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
        informative = [s for s in statuses if s.label != "established" or s.strength == LICENSES]
        if cue.strength == "medium" and (informative or sentence_strong):
            return cue
        if cue.strength == "weak" and sentence_strong:
            return cue
    return None


def planned_signing(doc: Doc, cue: Cue) -> Cue:
    """"The signing would probably take place in the summer", "will be signed", "is to be renewed
    and signed in May", "with a view to signing a protocol", "the signing is set for noon on
    Friday": a signature still ahead is a pending step, not a signed one."""
    if cue.label != "signed":
        return cue
    token = doc[cue.start]
    verb = token.pos_ in ("VERB", "AUX")
    heads = [token] if verb else [token, token.head]
    shared = [token.head] if verb and token.dep_ == "conj" else []
    modal = any(child.lower_ in FUTURE_AUXILIARIES for h in heads for child in h.children if child.dep_ == "aux")
    infinitive = any(child.lower_ in FUTURE_AUXILIARIES | {"to"} for h in shared for child in h.children
                     if child.dep_ == "aux")
    if modal or infinitive or _purpose(token) or _scheduled(token) or _when_ahead(token):
        return replace(cue, label="pending")
    return cue


def _when_ahead(token: Token) -> bool:
    """"Will formally become sister cities when the mayors sign the agreement in June": a signing
    in a present-tense time clause of a future main clause is still ahead."""
    if token.tag_ not in ("VB", "VBP", "VBZ") or token.dep_ != "advcl" or not any(
            child.dep_ in ("mark", "advmod") and child.lower_ in TIME_MARKERS for child in token.children):
        return False
    return any(child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES | {"to"} for child in token.head.children)


TIME_MARKERS = frozenset({"when", "once", "after", "before", "until", "as"})


FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "’ll"})
"""Auxiliaries of a signature still ahead; a verb coordinated with an infinitive shares its "to"
("is to be renewed and signed")."""


def _purpose(token: Token) -> bool:
    """"with a view to signing", "with the aim of signing": what a meeting was for."""
    prep = token.head
    return token.dep_ in ("pcomp", "pobj") and prep.lower_ in ("to", "of") and prep.head.lemma_ in PURPOSE_NOUNS


PURPOSE_NOUNS = frozenset({"view", "aim", "purpose", "intention", "goal", "order", "prospect"})


def _scheduled(token: Token) -> bool:
    """"The signing is set for noon on Friday", "the signing is scheduled for May": a signing that
    is the subject of a present or future arrangement."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_ not in SCHEDULING_VERBS:
        return False
    return any(child.dep_ in ("aux", "auxpass") and child.lower_ in ("is", "are", "will", "'s") for child in verb.children)


SCHEDULING_VERBS = frozenset({"set", "schedule", "plan", "expect", "slate", "due"})


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


def held_documents(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"The voivodeship has 20 signed cooperation agreements: A, B, ...": a participle that only
    describes documents a place holds (the object of have, maintain, count) reports no signing;
    its cue is dropped and the ties are established. "The newly signed agreement" still counts.
    So is a state of being twinned ("was officially twinned with Pierrefonds on January 23, 1967",
    "have been formally twinned since 1967"): it reports the tie, not a signing, unlike the act
    ("Rivne officially twinned with Kalisz")."""
    return [c for c in cues if c.label != "signed" or not _held(doc[c.start]) and not _twinned_state(doc, c)]


def _twinned_state(doc: Doc, cue: Cue) -> bool:
    if cue.rule != OFFICIAL_RULE or doc[cue.end - 1].lower_ not in TWIN_PARTICIPLES:
        return False
    return cue.start > 0 and doc[cue.start - 1].lemma_ == "be"


OFFICIAL_RULE = "status-signed-official"
TWIN_PARTICIPLES = frozenset({"twinned", "partnered"})


def _held(token: Token) -> bool:
    noun = token.head
    return token.dep_ == "amod" and token.i < noun.i and noun.dep_ in ("dobj", "obj") and \
        noun.head.lemma_ in HOLDING_VERBS


HOLDING_VERBS = frozenset({"have", "maintain", "hold", "count", "keep"})


def proposed_endings(doc: Doc, cues: list[Cue], voiding: set[str], triggers: list[Cue] = ()) -> list[Cue]:
    """"The council considers suspending its relationship", "a motion asking the city to suspend
    the tie", "overturned its decision to sever the tie": a termination that is only proposed,
    asked for, undone or still to be decided is no step of the tie, and the proposal is about the termination, not
    about a new tie; both cues are dropped and the tie stays as it was. A voiding cue ("asks",
    "overturned") only does this: on its own it says nothing about a tie ("asked how much it
    would cost"), unless it asks for one (``_asks_for_a_tie``)."""
    governors = {c.start for c in cues if c.label == "proposed" or c.rule in voiding or
                 c.label == "pending" and _ahead(doc[c.start])}
    dropped: set[int] = set()
    for cue in cues:
        if cue.label == "terminated":
            path = _path_to_governor(doc[cue.start], governors)
            dropped |= set(path)
    return [c for c in cues if c.start not in dropped and (c.rule not in voiding or _asks_for_a_tie(doc, c, triggers))]


def _ahead(token: Token) -> bool:
    """"The council will vote next week on suspending its twinning", "is to decide on ending the
    link": a decision still to be taken governs a termination that has not happened."""
    return token.pos_ in ("VERB", "AUX") and _marked_ahead(token)


def _marked_ahead(token: Token) -> bool:
    """Has the verb a future auxiliary or an infinitive "to" ("will vote", "is to decide")?"""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUXILIARIES | {"to"} for c in token.children)


def _asks_for_a_tie(doc: Doc, cue: Cue, triggers: list[Cue]) -> bool:
    """"Asked the council to look at a friendly-city relationship with Aberdeen", "push for a
    sister city deal with Lagos": a request whose complement names a tie (and no termination,
    which the caller has dropped it for) proposes that tie."""
    token = doc[cue.start]
    if cue.label != "proposed" or token.pos_ not in ("VERB", "AUX"):
        return False
    inside = {t.i for child in token.children if child.dep_ in ("xcomp", "prep", "dobj")
              for t in child.subtree}
    return any(t.start in inside for t in triggers)


def decided_proposals(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"Councillors agreed to open negotiations with Kostopil", "voted to explore a sister city
    link": a decision whose object is a proposal or talks decides only that much, so the proposal
    speaks and the decision's "pending" cue is dropped. A decision on a draft ("approved a draft
    agreement", "endorsed a proposed sister city partnership") is the step itself: there the
    draft's cue is dropped."""
    decisions = {c.start for c in cues if c.label == "pending"}
    approvals = {i for i in decisions if _approval(doc[i])}
    approved_drafts = {c.start for c in cues if (c.rule == DRAFT_RULE or _proposed_attribute(doc[c.start]))
                       and _path_to_governor(doc[c.start], approvals)}
    governing = {path[-1] for c in cues if c.label == "proposed" and c.start not in approved_drafts
                 for path in [_path_to_governor(doc[c.start], decisions)] if path}
    return [c for c in cues if c.start not in governing | approved_drafts]


def _proposed_attribute(token: Token) -> bool:
    """"a proposed sister city partnership": "proposed" only describes the thing approved."""
    return token.lower_ == "proposed" and token.dep_ == "amod"


def _approval(token: Token) -> bool:
    """An approval that happened: "approved", not "will not be approved" or "prepare"."""
    return token.lemma_ in APPROVING_VERBS and not any(
        child.dep_ == "neg" or child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES for child in token.children)


APPROVING_VERBS = frozenset({"approve", "endorse", "ratify", "adopt", "back", "vote", "pass", "agree", "authorise",
                             "authorize"})

DRAFT_RULE = "status-proposed-draft"
"""A draft is a proposal until a decision approves it: "approved a draft agreement" is the decision."""


def _path_to_governor(token: Token, governors: set[int]) -> list[int]:
    """The token, the heads above it and the first of ``governors`` reached within
    ``PROPOSAL_REACH`` heads ("overturned its decision to sever": sever, decision, overturned);
    empty when none governs it. A verb coordinated with a governor ("asks ...; suspends the tie")
    is its sibling, not governed by it, and so is a finite verb the parser hangs on an infinitive
    ("asks residents to help refugees and suspends the tie")."""
    path = [token.i]
    head = token
    for _ in range(PROPOSAL_REACH):
        if head.head.i == head.i:
            return []
        if head.dep_ == "conj" and (head.head.i in governors or head.tag_ in FINITE and head.head.tag_ == "VB"):
            return []
        head = head.head
        path.append(head.i)
        if head.i in governors:
            return path
    return []


def unreal_endings(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"No Japanese city has dissolved a tie", "if we cut the ties, dialogue would end", "did not
    suspend", "will vote on whether to suspend": a termination that is denied or only supposed is
    no step of the tie, so its cue is dropped and the tie keeps the status the rest of the text
    gives it. A decision on a termination ("voted to suspend", "will vote on whether to suspend")
    decides the termination, not a new tie: its "pending" cue is dropped too, and the termination,
    if real, speaks for itself."""
    decisions = {c.start for c in cues if c.label == "pending"}
    deciding = {path[-1] for c in cues if c.label == "terminated"
                for path in [_path_to_governor(doc[c.start], decisions)] if path}
    return [c for c in cues if c.start not in deciding and
            (c.label != "terminated" or not _denied_or_supposed(doc[c.start]))]


def _denied_or_supposed(token: Token) -> bool:
    """The cue's verb (or the verb it belongs to) has a negation, a subject or object with "no",
    a condition marker, or a modal of obligation or possibility ("should be suspended"; "must
    move to dissolve it" counts through the verb an infinitive hangs on); an attempt ("tried to
    end") or a gerund that is a subject ("ending the link would send the wrong message") says
    nothing happened; "no longer" itself is a termination, not its negation (its verb is the head
    of "longer")."""
    if _in_question(token):
        return True
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ == "ADV":
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ in OPPOSING_PREPOSITIONS:
        return True
    modal_heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    if any(child.dep_ == "aux" and child.lower_ in SUPPOSING_MODALS for head in modal_heads for child in head.children):
        return True
    if _consequence(verb):
        return True
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_ in ATTEMPTS or verb.tag_ == "VBG" and verb.dep_ in ("csubj", "nsubj"):
        return True
    for child in verb.children:
        if child.dep_ == "neg" and child.i != token.i and child.lower_ != "longer":
            return True
        if child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS:
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
    return False


def _in_question(token: Token) -> bool:
    """"Will vote on whether to suspend", "will look at whether, and how, to end": an open
    question ("whether" a few words before, no finite verb between) reports no step."""
    sent_start = token.sent.start
    for i in range(token.i - 1, max(sent_start, token.i - QUESTION_REACH) - 1, -1):
        word = token.doc[i]
        if word.lower_ == "whether":
            return True
        if word.tag_ in FINITE or word.lower_ in (";", ":"):
            return False
    return False


QUESTION_REACH = 7
"""Words before a termination cue within which an open question's "whether" stands."""

OPPOSING_PREPOSITIONS = frozenset({"against"})
""""Said it is against breaking off its ties": a stance against a termination, not one."""


def _consequence(verb: Token) -> bool:
    """"If we cut the ties, dialogue would no longer be possible": the main clause of a
    condition, with "would", says what would follow, not what happened."""
    conditional = any(child.lower_ in ("would", "could", "might") and child.dep_ == "aux" for child in verb.children)
    return conditional and any(
        child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for m in child.children)
        for child in verb.children)


SUPPOSING_MODALS = frozenset({"should", "could", "might", "may", "must"})
"""Modals that make a termination a demand or a possibility ("should be suspended"); "will" and
"would" are left out: "the council will end the agreement" reports a decision."""

ATTEMPTS = frozenset({"try", "attempt", "fail", "refuse", "decline"})
""""tried to end the relationship": an attempt, whose outcome the clause does not report;
"refused to cut ties": a termination turned down."""

CONDITION_MARKERS = frozenset({"if", "whether", "unless"})
"""Subordinators that make a clause a supposition, not a report ("if we cut the ties")."""

FINITE = frozenset({"VBZ", "VBD", "VBP"})
"""Tags of a verb with its own tense, which no infinitive governs."""

PROPOSAL_REACH = 3
"""How many heads up from a termination cue a proposal cue may govern it ("considers suspending",
"a motion asking the city to suspend")."""


def invited_people(doc: Doc, cues: list[Cue], triggers: list[Cue]) -> list[Cue]:
    """"Inviting teams from the twin towns of A and B", "invited the Mayor of X to the
    anniversary": an invitation or offer made to people, with no clause saying what they are
    invited to do, proposes no tie; its "proposed" cue is dropped. "Invited Lviv to become a
    partner", "offered a partnership", "invited the city" still propose one."""
    places = [(s.start, s.end) for s in doc.spans.get("twin_places", [])]
    tie_words = [(t.start, t.end) for t in triggers]
    return [c for c in cues if c.label != "proposed" or not _invites_people(doc[c.start], places + tie_words)]


def _invites_people(token: Token, spans: list[tuple[int, int]]) -> bool:
    if token.lemma_ not in INVITING_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ in ("xcomp", "ccomp") for child in token.children):
        return False
    objects = [child for child in token.children if child.dep_ in ("dobj", "obj", "nsubjpass")]
    return bool(objects) and not any(lo <= o.i < hi for o in objects for lo, hi in spans) and \
        all(o.lemma_ not in PLACE_NOUNS for o in objects)


INVITING_VERBS = frozenset({"invite", "offer"})
"""Verbs whose object says who is invited or what is offered."""

PLACE_NOUNS = frozenset({"city", "town", "municipality", "community", "region", "council", "village",
                         "county", "province", "state", "district", "borough", "capital", "hromada"})
"""An object that stands for a place ("invited the city") can be offered a tie."""



def renewed_ties(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"Renewed the sister city agreement", "the charter was renewed in 2018": a renewed tie or
    document is signed again. "Renewed its commitment", "renewed calls for" renew something
    else: the cue says only that the tie exists."""
    return [c if c.rule != RENEWAL_RULE or _renews_a_tie(doc[c.start]) else replace(c, label="established")
            for c in cues]


def _renews_a_tie(verb: Token) -> bool:
    objects = [child for child in verb.children if child.dep_ in ("dobj", "obj", "nsubjpass")]
    if verb.dep_ == "conj" and not objects:
        objects = [child for child in verb.head.children if child.dep_ in ("dobj", "obj", "nsubjpass")]
    return any(o.lemma_.lower() in RENEWABLE_TIES for o in objects)


RENEWABLE_TIES = frozenset({"agreement", "memorandum", "mou", "charter", "pact", "accord", "protocol", "treaty",
                            "partnership", "relationship", "relation", "tie", "link", "friendship", "twinning",
                            "bond", "contract", "declaration", "cooperation"})
"""What a renewal signs again: a tie or its document."""


def decisions_on_other_things(doc: Doc, cues: list[Cue], triggers: list[Cue]) -> list[Cue]:
    """"Councillors also voted to send aid to Lvov, which has been Krakow's partner city since
    1995": a decision whose action (the verb after "to", its own relative clauses aside) is no
    step and names no tie decides something else; its "pending" cue is dropped and the tie keeps
    its status."""
    tied = {t.start for t in triggers} | {c.start for c in cues if c.label != "established" or c.strength == LICENSES}
    return [replace(c, label="proposed") if _wished(doc, c) else c for c in cues
            if not (c.label == "pending" and _decides_other(doc[c.start], tied, c.end)
                    or c.label == "proposed" and _deepens(doc[c.start]))]


def _wished(doc: Doc, cue: Cue) -> bool:
    """"One of the last chances for Dublin to twin with Kyiv", "a motion for the city to sign a
    charter": an infinitive with its own subject after "for" says what someone wants or proposes,
    not what was decided."""
    if cue.rule not in (WILL_SIGN_RULE, WILL_BECOME_RULE) or doc[cue.start].lower_ != "to" or cue.start + 1 >= len(doc):
        return False
    verb = doc[cue.start + 1]
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


WILL_SIGN_RULE = "status-pending-will-sign"
WILL_BECOME_RULE = "status-pending-will-become"


def _deepens(token: Token) -> bool:
    """"Partners who are ready to develop and deepen cooperation with Kyiv", "wants to expand the
    partnership": an intent to do more within a tie proposes no new one."""
    action = _action(token)
    return action is not None and (action.lemma_ in DEEPENING_VERBS or any(
        c.dep_ == "conj" and c.lemma_ in DEEPENING_VERBS for c in action.children))


def _decides_other(token: Token, tied: set[int], cue_end: int) -> bool:
    """The decision's action neither is a step of a tie ("agreed to establish") nor names one;
    with no action, the thing decided or planned (an object outside the cue: not "gave the green
    light") names no tie ("met to plan a youth exchange", "approved the budget")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    action = _action(token)
    if action is None:
        objects = [c for c in token.children if c.dep_ == "dobj" and c.i >= cue_end]
        return bool(objects) and not any(t.i in tied for o in objects for t in _without_relatives(o))
    if action.lemma_ in DEEPENING_VERBS:
        return True
    return not any(t.i in tied for t in _without_relatives(action))


def _action(token: Token) -> Token | None:
    """The verb a decision or an intent governs ("agreed to establish", "ready to deepen")."""
    return next((child for child in token.children if child.dep_ == "xcomp" and child.pos_ == "VERB"), None)


DEEPENING_VERBS = frozenset({"extend", "expand", "deepen", "strengthen", "intensify", "broaden", "continue",
                             "widen", "enhance", "boost", "step", "revive", "revitalise", "revitalize", "reinvigorate",
                             "rekindle", "keep", "maintain", "preserve"})
""""Agreeing to extend cooperation to the reconstruction of schools", "agreed to deepen their
partnership", "agreed to revive their ties", "will decide whether to keep its twinning": a decision
to do more within a tie that exists, or to keep it, is no step towards a new one."""


def _without_relatives(token: Token) -> list[Token]:
    """The token's subtree less its relative clauses ("aid to Lvov, which is a partner city")."""
    found = [token]
    for child in token.children:
        if child.dep_ != "relcl":
            found += _without_relatives(child)
    return found


def later_signings(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"The council approved the twinning on 12 March, and the charter was signed on 20 May",
    "was proposed in 2015, approved in 2016 and signed in 2017": a sequence of steps told in the
    past, whose signing comes last and hangs on the earlier steps' verbs (coordinated or chained),
    reached the signing; the earlier proposal and decision cues are dropped so the signing speaks.
    A signing with a subject of its own ("... and Z signed with W", "and the charter was signed") is
    another clause's."""
    signings = [doc[c.start] for c in cues if c.label == "signed" and _told_as_done(doc[c.start])
                and not any(child.dep_ in ("nsubj", "nsubjpass") for child in doc[c.start].children)]
    earlier = {c.start for c in cues if c.label in ("pending", "proposed") and _told_as_done(doc[c.start])
               and any(s.i > c.start and _chained_to(s, c.start) for s in signings)}
    return [c for c in cues if c.start not in earlier]


def _told_as_done(token: Token) -> bool:
    """A verb in the past with no future or infinitive auxiliary: a step taken."""
    return token.pos_ == "VERB" and token.tag_ in ("VBD", "VBN") and token.dep_ not in ("amod", "acl") and \
        not _marked_ahead(token) and not any(child.dep_ == "neg" for child in token.children)


def _chained_to(token: Token, target: int) -> bool:
    """The verb hangs on ``target`` through coordinations or adverbial clauses (a few heads up)."""
    head = token
    for _ in range(SEQUENCE_REACH):
        if head.dep_ not in ("conj", "advcl") or head.head.i == head.i:
            return False
        head = head.head
        if head.i == target:
            return True
    return False


SEQUENCE_REACH = 3
"""How many coordinated or adverbial verbs up a signing may hang on an earlier step."""


def partner_cues(doc: Doc, cues: list[Cue], a: Span, b: Span, others: list[Span] = ()) -> list[Cue]:
    """"Lublin signed an agreement with Starobilsk and suspended its ties with Omsk", "Vaasa, which
    is twinned with Ivano-Frankivsk, has ended its partnership with Petrozavodsk": when a clause's
    cues give different steps, a pair drops the cues on verbs whose own clause names another place
    (``others``) and that its later place (else its earlier one) does not hang on: a verb is the
    place's when it governs it (not across a relative clause) or, for a place in a subject, when it
    is coordinated with or hangs on that subject's verb. "Chernihiv, which had been twinned with
    Gomel, has terminated the partnership" keeps the termination: its clause names no other place.
    A place inside an apposition ("Rzeszów, a partner of Lviv since 1992, will sign a charter with
    Ivano-Frankivsk") takes none of the other place's cues: its tie just is."""
    if not cues or not others:
        return cues
    verbs = {c.start: _verb_of(doc[c.start]) for c in cues}
    elsewhere = {c.start for c in cues if verbs[c.start] is not None and any(
        o.start <= t.i < o.end for t in _own_clause(verbs[c.start]) for o in others)}
    if not elsewhere:
        return cues
    steps = len({c.label for c in cues})
    for place in sorted((a, b), key=lambda s: -s.start):
        governing, subject_verbs, apposed = _governors(place.root)
        own = [c for c in cues if c.start not in elsewhere or verbs[c.start].i in governing
               or any(_hangs_on(verbs[c.start], u) for u in subject_verbs)]
        if apposed and not own:
            return []
        if steps > 1 and own and len(own) < len(cues):
            return own
    return cues


def _own_clause(verb: Token) -> list[Token]:
    """The verb's words, less the clauses coordinated with or hung on it."""
    found = [verb]
    for child in verb.children:
        if child.dep_ not in ("conj", "relcl", "advcl", "ccomp", "cc"):
            found += list(child.subtree)
    return found


def _governors(token: Token) -> tuple[set[int], list[Token], bool]:
    """The heads above a word up to the verb of its relative clause, its apposition ("Rzeszów, a
    partner of Lviv since 1992, will sign ...") or its conjunct (a verb coordinated with another
    does not hang on it), and the verbs whose subject it stands in."""
    governing: set[int] = set()
    subject_verbs: list[Token] = []
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass"):
            subject_verbs.append(node.head)
        if node.dep_ == "appos" and node.head.text[:1].isupper() and node.lemma_.lower() in APPOSED_TIE_NOUNS:
            return governing, subject_verbs, True
        if node.dep_ == "appos" and not (node.pos_ == "PROPN" and node.head.pos_ == "PROPN"):
            break  # a name in apposition to a name is the next entry of a list the parser misread
        if node.dep_ == "relcl" or node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
        governing.add(node.i)
    return governing, subject_verbs, False


APPOSED_TIE_NOUNS = frozenset({"partner", "twin", "sister", "city", "town", "municipality", "friend"})
"""The head noun of an apposition to a place that names its tie ("Rzeszów, a partner of Lviv")."""


def _hangs_on(verb: Token | None, target: Token) -> bool:
    """The verb is ``target`` or hangs on it through coordinations, adverbial clauses or
    infinitives (a few heads up)."""
    head = verb
    for _ in range(SEQUENCE_REACH + 1):
        if head is None:
            return False
        if head.i == target.i:
            return True
        if head.dep_ not in ("conj", "advcl", "xcomp") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _verb_of(token: Token) -> Token | None:
    """The verb a word hangs on (an auxiliary's or negation's own verb; a verb itself)."""
    head = token.head if token.dep_ in ("aux", "auxpass", "neg") else token
    for _ in range(VERB_REACH):
        if head.pos_ == "VERB":
            return head
        if head.head.i == head.i:
            return head if head.pos_ == "AUX" else None
        head = head.head
    return None


VERB_REACH = 8
"""How many heads up from a word its verb may stand."""


def conditional_signings(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"Once approved, a memorandum will be signed between Sialkot and Jinan", "subject to council
    approval, the charter will be signed in May": a signing or decision that waits on an approval
    still ahead is only proposed (a pending tie is one already approved)."""
    out = []
    for c in cues:
        if c.label == "pending" and CONDITIONAL_APPROVAL.search(doc[c.start].sent.text):
            c = replace(c, label="proposed")
        out.append(c)
    return out


CONDITIONAL_APPROVAL = re.compile(
    r"(?i)\b(?:once|if|upon)\s+(?:it\s+is\s+|they\s+are\s+|(?:the\s+)?\w+\s+(?:is|are)\s+)?(?:approved|ratified|endorsed)\b"
    r"|\bsubject\s+to\s+(?:\w+\s+){0,3}(?:approval|ratification|endorsement)\b"
    r"|\bpending\s+(?:\w+\s+){0,3}(?:approval|ratification)\b"
    r"|\b(?:once|if)\s+(?:the\s+|both\s+)?(?:\w+\s+){0,2}(?:approves?|ratif(?:y|ies)|endorses?)\b")
"""An approval still ahead that a signing waits on."""


def withdrawn_proposals(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"A proposal to twin Wodonga with Kurashiki has been withdrawn", "the council dropped its bid
    for a sister city link": an ending whose object (or passive subject) is a proposal, a motion or
    a bid ends no tie: the proposal was refused, so the cue becomes a refusal (``refused_ties``)."""
    return [replace(c, label="established", rule=WITHDRAWN_RULE) if c.label == "terminated" and
            doc[c.start].lemma_ in WITHDRAWING_VERBS and _ends_a_proposal(doc[c.start]) else c for c in cues]


def _ends_a_proposal(token: Token) -> bool:
    return any(child.dep_ in ("dobj", "obj", "nsubjpass") and child.lemma_.lower() in PROPOSAL_NOUNS
               for child in token.children)


WITHDRAWING_VERBS = frozenset({"withdraw", "scrap", "abandon", "drop", "shelve", "cancel", "rescind", "halt"})
PROPOSAL_NOUNS = frozenset({"proposal", "motion", "bid", "plan", "offer", "application", "idea", "request",
                            "initiative", "proposition"})
WITHDRAWN_RULE = "status-undone"
"""A withdrawn proposal is refused like a rejected one (one of ``REFUSING_RULES``)."""


def refused_ties(doc: Doc, cues: list[Cue], triggers: list[Cue], refusing: set[str] | frozenset[str] = frozenset()) -> list[Cue]:
    """"Rejected a proposal to twin the town with Ermelo", "a motion to make Bendigo a sister city
    of Tianjin was voted down", "has no plans to twin the town with Cuxhaven": a tie (a step or a
    tie word) that a refusal governs was never made, so the refusal and what it governs become
    ``REFUSED_RULE`` cues (read as "established" elsewhere) and a clause holding one pairs nothing.
    A refused termination ("rejected a motion to suspend the link", "no plans to end it") is left
    to ``proposed_endings``: the tie it would have ended stands."""
    rules = REFUSING_RULES | refusing
    refusing_cues = [c for c in cues if c.rule in rules or c.rule == PLANS_RULE and any(
        child.dep_ == "det" and child.lower_ == "no" for child in doc[c.start].children)]
    refused: set[int] = set()
    for refusal in refusing_cues:
        word = doc[refusal.start]
        # "never materialised": the negation's verb is what governs the refused tie
        governors = {refusal.start} | ({word.head.i} if word.dep_ == "neg" else set())
        governed = [c for c in cues if c.start not in governors and _path_to_governor(doc[c.start], governors)]
        words = [t for t in triggers if _path_to_governor(doc[t.start], governors)]
        if any(c.label == "terminated" for c in governed) or not governed and not words:
            continue
        refused |= {refusal.start} | {c.start for c in governed}
    return [replace(c, label="established", rule=REFUSED_RULE) if c.start in refused else c for c in cues]


def denied_ties(doc: Doc, triggers: list[Cue]) -> list[Cue]:
    """"Cuenca and Valencia are not twinned", "has never twinned with", "there is no twinning
    between Rimini and Split", "are not sister cities", "have no twinning links": a tie word that
    is negated (or the copula it completes, or the noun it modifies) names no tie, so it is dropped. "Not only twinned with ..." and "no longer"
    (an ending) are not denials."""
    return [t for t in triggers if not _denied(doc, t)]


def _denied(doc: Doc, trigger: Cue) -> bool:
    if not doc.has_annotation("DEP"):
        return False
    for token in doc[trigger.start:trigger.end]:
        heads = [token, token.head] if token.dep_ in ("attr", "acomp") else [token]
        nouns = [token, token.head] if token.dep_ in ("compound", "amod") else [token]
        for head in heads:
            for child in head.children:
                if child.dep_ == "neg" and child.lower_ in NEGATIONS and not (
                        child.i + 1 < len(doc) and doc[child.i + 1].lower_ in ("only", "just", "merely", "yet")):
                    return True
        if any(child.dep_ == "det" and child.lower_ == "no" for noun in nouns for child in noun.children):
            return True
    return False


NEGATIONS = frozenset({"not", "n't", "never"})


REFUSING_RULES = frozenset({WITHDRAWN_RULE})
"""Refusing rows the code itself relies on (a withdrawn proposal); the others say ``refuses`` in
``patterns/status.jsonl``."""
PLANS_RULE = "status-void-plans"
REFUSED_RULE = "status-refused"
"""Cues of a tie that was refused, not made: a clause holding one pairs nothing."""


def decisions_ahead(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """"The council is set to vote next week on whether to twin the town with Orsay", "councillors
    will decide on the twinning in May": a decision still to be taken about a new tie leaves it
    proposed (a pending tie is one already approved). Runs after the rules that drop decisions on
    a termination, which are no step at all."""
    return [replace(c, label="proposed") if c.label == "pending" and doc[c.start].lemma_ in DECIDING_VERBS
            and _decision_ahead(doc[c.start]) else c for c in cues]


def _decision_ahead(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.tag_ in ("VBD", "VBN"):
        return False
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES:
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and token.dep_ == "xcomp" and token.head.lemma_ in AHEAD_HEADS:
            return True
    return False


DECIDING_VERBS = frozenset({"decide", "approve", "agree", "vote", "endorse", "ratify", "resolve", "authorise",
                            "authorize", "greenlight"})
AHEAD_HEADS = frozenset({"set", "due", "expect", "go", "schedule", "poise", "likely", "slate", "be"})
"""Heads of an infinitive that put it ahead: "is set to vote", "is due to decide", "is going to approve"."""
