"""A lone partner after "with": the other party is the place the story is about.

"Talks on a fourth agreement, with the Lithuanian capital Vilnius, began in November", "The link
with Posoltega, Nicaragua, goes back to 1988": the text names one side of the tie; the host is
the story's topic (``anaphora.topic``).
"""

from __future__ import annotations

from spacy.tokens import Span

from .. import anaphora, clauses, event_dates
from ..cues import Cue, DocCues
from ..places import Mention
from .findings import Finding, finding, rules_of
from .lexicon import Lexicon
from .status import licensing_trigger, step


def findings(lex: Lexicon, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
             unit: tuple[int, int] | None = None, stretch: tuple[int, int] | None = None) -> list[Finding]:
    """The tie of the one partner in ``in_sent`` (a sentence, or one clause ``unit`` of it). A tie
    noun right before "with X" needs no status cue. ``stretch`` (tokens) is where this partner's
    own date is read, when a clause lists several ("the one with X in 2011")."""
    doc = ctx.doc
    lo, hi = unit or (sent.start, sent.end)
    if len(in_sent) != 1:
        return []
    partner = in_sent[0]
    before = [t for t in triggers if t.start < partner.span.start]
    cues = ctx.statuses_in(lo, hi)
    trigger = licensing_trigger(before, cues, any(t.strength == "strong" for t in triggers)) or \
        next((t for t in before if t.strength == "medium" and lex.relation(t) == "twinning"
              and clauses.tie_with(doc, t.end, partner)), None)
    if trigger is None or trigger.strength == "weak" or not clauses.after_with(doc, partner):
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
                    [*rules_of(found_step, trigger.rule), "implicit-host-with", *partner.info.rules], trigger,
                    keeps_trigger=True)]
