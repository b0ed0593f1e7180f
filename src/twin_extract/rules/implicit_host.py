"""A lone partner after "with", or one a tie noun is said of: the other party is the place the
story is about.

"Talks on a fourth agreement, with the Lithuanian capital Vilnius, began in November", "The link
with Posoltega, Nicaragua, goes back to 1988", "Cooper City in the US is among the dormant twins":
the text names one side of the tie; the host is the story's topic (``anaphora.topic``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import anaphora, clauses, event_dates
from ..cues import Cue, DocCues
from ..places import Mention
from .findings import Finding, finding, rules_of
from .lexicon import Lexicon
from .status import licensing_trigger, step


def findings(lex: Lexicon, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
             unit: tuple[int, int] | None = None, stretch: tuple[int, int] | None = None,
             listed: bool = False) -> list[Finding]:
    """The tie of the one partner in ``in_sent`` (a sentence, or one clause ``unit`` of it). A tie
    noun right before "with X" needs no status cue. ``stretch`` (tokens) is where this partner's
    own date is read, when a clause lists several ("the one with X in 2011"). ``listed``: the
    partner is a later member of a list whose first member stands right after "with"."""
    doc = ctx.doc
    lo, hi = unit or (sent.start, sent.end)
    if len(in_sent) != 1:
        return []
    partner = in_sent[0]
    if clauses.institutional(doc, partner, lex.institutions):
        return []
    before = [t for t in triggers if t.start < partner.span.start]
    cues = ctx.statuses_in(lo, hi)
    trigger = licensing_trigger(before, cues, any(t.strength == "strong" for t in triggers)) or \
        next((t for t in before if t.strength == "medium" and lex.relation(t) == "twinning"
              and clauses.tie_with(doc, t.end, partner)), None)
    shape = "implicit-host-with"
    if trigger is not None and (_generic_subject(doc, trigger) or _unknown_owner(doc, trigger, ctx.mentions)):
        return []
    if trigger is None or trigger.strength == "weak" or not (listed or clauses.after_with(doc, partner)):
        trigger, shape = _predicated_tie(doc, partner, triggers), "implicit-host-copula"
        if trigger is None:
            return []
    host = anaphora.topic([m for m in ctx.mentions if m.start < sent.start_char and m.key != partner.key],
                          ctx.mentions)
    if host is None:
        return []
    found_step = step(cues, trigger, lex.cap(trigger))
    own = event_dates.usable([d for d in ctx.dates if stretch and doc[stretch[0]].idx <= d.start
                              < clauses.char_end(doc, stretch[1])], found_step.status, doc, cues)
    date = own[0] if own else event_dates.date_for(ctx, sent, (lo, hi), [(lo, hi)], cues or [trigger],
                                                   found_step.status)
    return [finding("implicit-host", host, partner, lex.relation(trigger), found_step, date,
                    [(sent.start_char, sent.end_char)], sent.start_char,
                    [*rules_of(found_step, trigger.rule), shape, *partner.info.rules], trigger,
                    keeps_trigger=True)]


def _predicated_tie(doc: Doc, partner: Mention, triggers: list[Cue]) -> Cue | None:
    """"Cooper City in the US is among the dormant twins", "Bannalec remains the town's only
    twin": the lone partner is the subject of "be"/"remain" and a strong tie noun stands in
    what is said of it; the host is the story's topic."""
    root = partner.span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_ not in COPULAS:
        return None
    verb = root.head
    for trigger in triggers:
        if trigger.strength != "strong" or trigger.start <= verb.i:
            continue
        head = doc[trigger.end - 1]
        for _ in range(PREDICATE_REACH):
            if head.i == verb.i:
                return trigger
            if head.head.i == head.i:
                break
            head = head.head
    return None


def _unknown_owner(doc: Doc, trigger: Cue, mentions: list[Mention]) -> bool:
    """"Waipa District's links with Le Quesnoy": the tie's owner is named, but is no place we
    know; the story's topic is not the owner then."""
    head = doc[trigger.end - 1]
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return not any(m.info.ext_start <= child.i < m.info.ext_end for m in mentions)
    return False


def _generic_subject(doc: Doc, trigger: Cue) -> bool:
    """"every city that wanted to twin with Palmerston North", "any town that partners with
    Tralee": the tie is said of a quantified noun, not of the story's place."""
    token = doc[trigger.start]
    for _ in range(GENERIC_REACH):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in QUANTIFIERS for c in token.children):
            return True
    return False


QUANTIFIERS = frozenset({"every", "any", "each", "no", "many", "some", "several", "few", "all", "other"})
GENERIC_REACH = 4
"""Heads from the trigger up to the noun it is said of ("twin", "wanted", "city")."""
COPULAS = frozenset({"be", "remain"})
PREDICATE_REACH = 3
"""Heads from the tie noun up to the verb ("among the dormant twins": twins, among, is)."""
