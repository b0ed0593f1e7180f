"""Hubs: one place owns a trigger and every place after it is its partner.

"X's sister cities include A, B and C", "its partnership with A", "The Latvian city has partner
cities ...; among the oldest are A and B", "Poznań, Hanover's twin town". A host written as "the
city's" or "its" is resolved by ``anaphora.py``. Status and date are read per partner list.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import anaphora, clauses, event_dates
from ..anaphora import HostRef
from ..cues import Cue, DocCues
from ..dates import DateMention
from ..place_context import POSSESSIVE
from ..places import Mention
from ..textnorm import fold
from . import clause_pairs, merge
from .findings import Finding, finding, rules_of
from .lexicon import Lexicon
from .status import licensing_trigger, partner_cues, step

HAVE_VERBS = {"have", "maintain", "boast", "count", "list", "keep", "include"}
RELATIVE_PRONOUNS = {"which", "that", "who"}
""""Dublin, which has similar links with Beijing": the relative clause's subject is the name it hangs on."""
LINKING_PREPOSITIONS = frozenset({"with", "to", "between", "among", "alongside"})
""""letters of intent with X": a preposition that makes X the object of the cue before it."""
OWNER_PRONOUNS = frozenset({"its", "our"})
""""its sister cities", "our twin towns of A and B": the places listed are the owner's partners
(a host phrase in patterns/anaphors.jsonl says whose), never each other's."""
SPEAKER_PRONOUNS = frozenset({"our"})
""""our twin towns" is the speaker's town's; "our partner in Garland" is a company's: a speaker's
pronoun owns only a strong trigger."""
LIST_OPENERS = frozenset({"—", "–", ":"})
"""After "the sister cities", what opens the list of them ("the five sister cities — A, B and C —"):
the definite article presupposes the owner, the story's own place."""
HUB_MODIFIERS = {"own", "other", "new", "many", "several", "oldest", "newest", "first", "latest", "two", "three",
                 "four", "five", "official", "foreign", "international", "european", "current", "former"}


def findings(lex: Lexicon, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
             found: list[Finding]) -> list[Finding]:
    """``found`` (the sentence's clause pairs) with the hubs' pairs added; a hub's pairs replace
    the weaker ones the clause rules made between its partners (``merge.hub_supersedes``)."""
    doc = ctx.doc
    hubs = [(t, *_host_token(doc, sent, t)) for t in triggers if t.strength != "weak"]
    hubs = [(t, token, how) for t, token, how in hubs
            if token is None or t.strength == "strong" or doc[token].lower_ not in SPEAKER_PRONOUNS]
    hubs = [(t, token, how) for t, token, how in hubs if token is not None and (
        any(m.info.ext_start <= token < m.info.ext_end for m in in_sent)
        or _host_ref(lex, ctx, token, how) is not None
        or how == "hub-compound" and _named_before(doc, ctx.mentions, token) or how == "hub-definite")]
    segments = clauses.segments(doc, sent, [(m.info.ext_start, m.info.ext_end) for m in in_sent])
    units = clauses.clauses(doc, sent, in_sent)
    appositives = [_appositive(lex, ctx, in_sent, token, how) for _, token, how in hubs]
    for n, (trigger, host_token, how) in enumerate(hubs):
        later = [min(seg.start, other_host if other_host > trigger.end else seg.start)
                 for (other, other_host, _), apposed in zip(hubs[n + 1:], appositives[n + 1:])
                 for seg in segments if apposed is None and seg.start <= other.start < seg.end
                 and seg.start > trigger.end]
        limit = min([*later, _next_tie_clause(ctx, units, trigger, triggers, in_sent, sent)])
        explicit = next((m for m in in_sent if m.info.ext_start <= host_token < m.info.ext_end), None)
        if how == "hub-agent" and explicit is not None:
            continue
        trigger_end = doc[trigger.end - 1].idx
        appositive = appositives[n]
        partners = [m for m in in_sent if m.span.start_char > trigger_end and m.span.start < limit
                    and not clauses.venue(doc, m, clauses.HUB_NOT_PARTNER) and m is not explicit
                    and not clauses.institutional(doc, m, lex.institutions)] if appositive is None else []
        if not partners and appositive is None:
            partners = _subject_partners(doc, sent, trigger, in_sent, explicit)
            if not partners:
                continue
        host, rules = explicit, [trigger.rule, how]
        if host is None and how == "hub-compound":
            host = _named_before(doc, ctx.mentions, host_token)
        if host is None and how == "hub-definite":
            keys = {m.key for m in partners}
            host = anaphora.topic([m for m in ctx.mentions if m.start < sent.start_char and m.key not in keys],
                                  ctx.mentions)
            if host is None:
                continue
        if host is None:
            ref = _host_ref(lex, ctx, host_token, how)
            if ref is None:
                continue
            nearest = clauses.groups(doc, partners)[0] if partners else [appositive]
            host = anaphora.resolve(doc, ref, ctx.mentions, {m.key for m in nearest})
            rules.append(ref.rule)
        if host is None:
            continue
        partners = [m for m in partners if m.key != host.key and m.key not in merge.taken(found, host, trigger)]
        if appositive is not None and appositive.key != host.key and \
                not any({f.a.key, f.b.key} == {host.key, appositive.key} for f in found):
            found.append(_appositive_finding(lex, ctx, sent, trigger, host, appositive, rules, segments))
        if not partners:
            continue
        found = merge.hub_supersedes(found, host, partners, trigger)
        found.extend(_partner_lists(lex, ctx, sent, trigger, host, partners, rules, segments, limit))
    return found


def _subject_partners(doc: Doc, sent: Span, trigger: Cue, in_sent: list[Mention],
                      explicit: Mention | None) -> list[Mention]:
    """"Los Altos, Tianjin and Iwaki are its twin towns", "Angers and Ouagadougou are among its
    twin cities", "Edmonton and Niigata are two of its sister cities", "In 2004 Durban became its
    second sister city": the hub stands after "be" or "become" and the one list of places that
    opens the sentence (after a date) is its subject, the hub's partners."""
    token = doc[trigger.end - 1]
    verb = None
    for _ in range(4):
        if token.dep_ in ("attr", "prep") and token.head.lemma_ in ("be", "become"):
            verb = token.head
            break
        if token.dep_ not in ("pobj", "prep", "attr"):
            return []
        token = token.head
    if verb is None or not (sent.start <= verb.i < trigger.start):
        return []
    before = [m for m in in_sent if m.span.start < verb.i and m is not explicit]
    if not before or len(clauses.groups(doc, before)) != 1 or \
            any(not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "DET") or _year_word(t)
                     or t.pos_ == "ADP" and t.i + 1 < len(doc) and _year_word(doc[t.i + 1]))
                for t in doc[sent.start:before[0].info.ext_start]):
        return []
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for m in before for t in m.span):
        return []
    return before


def _year_word(token) -> bool:
    return len(token.text) == 4 and token.text.isdigit()


def _appositive_finding(lex: Lexicon, ctx: DocCues, sent: Span, trigger: Cue, host: Mention, partner: Mention,
                        rules: list[str], segments: list[clauses.Segment]) -> Finding:
    """"Poznań, Hanover's twin town in Poland, has offered ...": the apposition states the tie;
    the rest of the sentence is about the partner, so only the apposition gives status/date,
    with the clause that names the tie before it ("voted to end all ties with Kunming, its
    sister city in China").
    (Used only when the clause rules found no pair: "... freeze contacts with Vyborg, its
    friendship city" keeps the main clause's status.)"""
    doc = ctx.doc
    seg = next((g for g in segments if g.start <= trigger.start < g.end), None)
    lo, hi = (seg.start, seg.end) if seg is not None else (trigger.start, trigger.end)
    own = next((g for g in segments if g.start <= partner.span.start < g.end), None)
    if own is not None and own is not seg and ctx.triggers_in(own.start, partner.span.start):
        lo = own.start
    found_step = step(ctx.statuses_in(lo, hi), trigger, lex.cap(trigger))
    dates = event_dates.usable([d for d in ctx.dates if doc[lo].idx <= d.start < clauses.char_end(doc, hi)],
                               found_step.status, doc)
    return finding("hub-apposition", host, partner, lex.relation(trigger), found_step, dates[0] if dates else None,
                   [(sent.start_char, sent.end_char)], sent.start_char,
                   [*rules, *rules_of(found_step, "hub-apposition"), *partner.info.rules], trigger)


def _appositive(lex: Lexicon, ctx: DocCues, in_sent: list[Mention], token: int, how: str) -> Mention | None:
    """The place a possessive hub is in apposition to: "Poznań, Hanover's twin town" ->
    Poznań; "Brest in Brittany, its oldest partner, as well as ..." -> Brest. Such a hub
    states one tie and does not claim the places after it."""
    if how != "hub-possessive":
        return None
    explicit = next((m for m in in_sent if m.info.ext_start <= token < m.info.ext_end), None)
    ref = lex.hosts.at(ctx.refs, token)
    start = explicit.info.ext_start if explicit is not None else ref.start if ref is not None else token
    if start < 1 or ctx.doc[start - 1].text != ",":
        return None
    return next((m for m in in_sent if m is not explicit and m.info.ext_end == start - 1), None)


def _host_ref(lex: Lexicon, ctx: DocCues, token: int, how: str) -> HostRef | None:
    """The host phrase at ``token``, if it may stand for a hub's host there."""
    ref = lex.hosts.at(ctx.refs, token)
    if ref is None or ref.have_only and how != "hub-subject":
        return None
    return ref


def _partner_lists(lex: Lexicon, ctx: DocCues, sent: Span, trigger: Cue, host: Mention,
                   partners: list[Mention], rules: list[str], segments: list[clauses.Segment],
                   limit: int) -> list[Finding]:
    """Status and date per partner list: from the predicate that governs the trigger ("voted to
    suspend the city's ties with X") and from the list's own stretch of text, up to the next
    list or the end of its clause ("..., both partners since 1992"). A list inside a relative
    clause ("..., which already includes A and B") reads only that clause."""
    doc = ctx.doc
    groups = clauses.groups(doc, partners)
    units = clauses.clauses(doc, sent, ctx.mentions_in(sent.start, sent.end))
    trigger_unit = next(((lo, hi) for lo, hi in units if lo <= trigger.start < hi), (sent.start, sent.end))
    relatives = [seg for seg in segments if _relative(doc, seg)]
    found = []
    for n, group in enumerate(groups):
        lo = group[0].span.start
        unit_end = next((hi for u_lo, hi in units if u_lo <= lo < hi), sent.end)
        hi = min(groups[n + 1][0].info.ext_start if n + 1 < len(groups) else sent.end, unit_end, limit)
        if n + 1 < len(groups):
            hi = min(hi, _leading_cue(ctx, group[-1].info.ext_end, groups[n + 1][0].info.ext_start))
        keys = {host.key} | {m.key for m in group}
        others = [m for m in ctx.mentions_in(sent.start, sent.end) if m.key not in keys]
        home = next((seg for seg in segments if seg.start <= lo < seg.end), None)
        if home is not None and _relative(doc, home):
            stretch = [seg for seg in segments if seg.start >= home.start and seg.end <= hi] or [home]
            cues = [c for c in ctx.statuses_in(home.start, hi) if _in_segments(c.start, stretch)]
            dates = [d for d in ctx.dates if _char_in_segments(doc, d.start, stretch)]
            context_dates: list[DateMention] = []
        else:
            stretch = [seg for seg in segments if seg.end > lo and seg.start < hi
                       and not (_relative(doc, seg) and seg.start > lo)]
            governing = [c for c in ctx.statuses_in(trigger_unit[0], lo) if not _in_segments(c.start, relatives)]
            cues = governing + [c for c in ctx.statuses_in(lo, hi) if _in_segments(c.start, stretch)]
            dates = [d for d in ctx.dates if _char_in_segments(doc, d.start, stretch) and d.start >= doc[lo].idx]
            # a date right after another place is that place's ("twinned with Tartu since 1993, also
            # has a partnership with Kaluga")
            context_dates = [d for d in ctx.dates if sent.start_char <= d.start < doc[groups[0][0].span.start].idx
                             and not _char_in_segments(doc, d.start, relatives)
                             and not any(m.end <= d.start < m.end + clause_pairs.OWN_DATE_REACH for m in others)]
        cues = partner_cues(doc, cues, host.span, group[0].span, [m.span for m in others])
        group_step = step(cues, trigger, lex.cap(trigger))
        own = event_dates.usable(dates, group_step.status, doc, cues)
        if not own and cues:
            anchor = doc[cues[-1].start].idx
            own = sorted(event_dates.usable(context_dates, group_step.status, doc), key=lambda d: abs(d.start - anchor))
        date = own[0] if own else None
        if date is None and n + 1 == len(groups) and hi < sent.end:
            # "Winnipeg's oldest sister city is Setagaya, by an agreement signed in 1970"
            tail = event_dates.trailing_signing(ctx, sent, doc[hi].idx, units)
            date = tail[0] if tail else None
        listed = clause_pairs.own_dates(ctx, group, (lo, hi), group_step.status, cues)
        for partner in group:
            found.append(finding("hub", host, partner, lex.relation(trigger), group_step, listed.get(partner.key, date),
                                 [(sent.start_char, sent.end_char)], sent.start_char,
                                 [*rules_of(group_step, *rules), *partner.info.rules], trigger))
    return found


def _leading_cue(ctx: DocCues, lo: int, hi: int) -> int:
    """Where the gap between two partner lists starts the next one's own status: in "agreements
    with Lutsk and Rivne, and letters of intent with Ternopil" the letters of intent are
    Ternopil's, not Rivne's. The gap's last cue leads the next list when a linking preposition
    ("with", "to") ends the gap; the cues before it close the list before ("A and B, both signed
    in 1992, and letters of intent with C")."""
    doc = ctx.doc
    cues = ctx.statuses_in(lo, hi)
    last = hi - 1
    while last > lo and doc[last].lower_ in ("the", "a", "an"):
        last -= 1
    if cues and doc[last].lower_ in LINKING_PREPOSITIONS:
        return cues[-1].start
    return hi


def _next_tie_clause(ctx: DocCues, units: list[tuple[int, int]], trigger: Cue, triggers: list[Cue],
                     in_sent: list[Mention], sent: Span) -> int:
    """A hub's partners end where a later clause states a tie of its own: in "Chester suspended
    its ties with Kaluga, and County Kerry ended its links with Tula" Tula is Kerry's partner,
    not Chester's. A later clause whose trigger is not licensed on its own ("..., both partners
    since 1992", "while the newest, X, joined last year") still lists the hub's partners, and so
    does a list that began before the later clause ("the five sister cities — A, B and C — that
    they may reapply as friendship cities"), unless its place is that clause's subject ("Chester
    suspended its ties with Kaluga, and County Kerry ended its links with Tula")."""
    lists = clauses.groups(ctx.doc, in_sent) if in_sent else []
    for lo, hi in units:
        if lo <= trigger.start:
            continue
        own = licensing_trigger([t for t in triggers if lo <= t.start < hi], ctx.statuses_in(lo, hi), False)
        continuing = {id(m) for group in lists if group[0].span.start < lo for m in group
                      if m.span.root.dep_ not in ("nsubj", "nsubjpass")}
        if own is not None and any(lo <= m.span.start < own.start and id(m) not in continuing for m in in_sent):
            return lo
        if _own_subject_after_semicolon(ctx.doc, lo, hi, in_sent):
            return lo
    return sent.end


def _own_subject_after_semicolon(doc: Doc, lo: int, hi: int, in_sent: list[Mention]) -> bool:
    """"Tel Aviv has 23 sister cities; Haifa has 20 in Europe": a clause after a semicolon whose
    place is the subject of its own verb says something of that place, not of the hub."""
    if lo == 0 or not any(t.text == ";" for t in doc[max(0, lo - 2):lo + 1]):
        return False
    first = next((m for m in in_sent if lo <= m.span.start < hi), None)
    if first is None:
        return False
    head = doc[first.span.end - 1]
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX") and head.head.i < hi


def _relative(doc: Doc, seg: clauses.Segment) -> bool:
    return doc[seg.start].lower_ in clauses.RELATIVE_WORDS


def _in_segments(position: int, segs: list[clauses.Segment]) -> bool:
    return any(seg.start <= position < seg.end for seg in segs)


def _char_in_segments(doc: Doc, char: int, segs: list[clauses.Segment]) -> bool:
    return any(doc[seg.start].idx <= char < clauses.char_end(doc, seg.end) for seg in segs)


def _host_token(doc: Doc, sent: Span, trigger: Cue) -> tuple[int | None, str]:
    """The token naming whose tie a trigger is: "Kyiv's / the city's / its [new] sister cities",
    "the town's new twin." (a trigger that starts with the possessive),
    or the subject of "X has partner cities" (or of "X, which has links with Y")."""
    if doc[trigger.start].text in POSSESSIVE and trigger.start > sent.start:
        return trigger.start - 1, "hub-possessive"
    i = trigger.start - 1
    skipped = 0
    while i > sent.start and skipped < 3 and (doc[i].lower_ in HUB_MODIFIERS or doc[i].pos_ in ("NUM", "ADJ")
                                              or doc[i].dep_ == "amod" and doc[i].is_lower):
        i -= 1
        skipped += 1
    if i > sent.start and doc[i].text in POSSESSIVE:
        return i - 1, "hub-possessive"
    if i >= sent.start and doc[i].lower_ in OWNER_PRONOUNS:
        return i, "hub-possessive"
    if i >= sent.start and doc[i].lower_ == "the" and trigger.end < sent.end and doc[trigger.end].text in LIST_OPENERS:
        return i, "hub-definite"
    if i >= sent.start and doc[i].text[:1].isupper() and doc[i].dep_ == "compound" and doc[i].head.i >= trigger.start:
        while i > sent.start and doc[i - 1].text[:1].isupper() and doc[i - 1].dep_ == "compound":
            i -= 1
        return i, "hub-compound"
    head = doc[trigger.end - 1]
    while head.dep_ in ("compound", "amod") and head.head.i > head.i:
        head = head.head
    verb = head if head.pos_ == "VERB" else head.head
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.lemma_ in HAVE_VERBS:
        # "Hämeenlinna, twinned with Tartu since 1993, also has a partnership with Kaluga": a second
        # predicate shares the first one's subject
        subject = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject or not (head is verb or head.dep_ in ("dobj", "attr", "obj")):
        return None, ""
    owner = subject[0]
    if owner.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        owner = verb.head
    return owner.i, "hub-subject" if verb.lemma_ in HAVE_VERBS else "hub-agent"


def _named_before(doc: Doc, mentions: list[Mention], token: int) -> Mention | None:
    """"The Rochester International Sister Cities program": a name inside a longer name is not a
    place mention of its own, but it names a place the story mentioned before."""
    for length in (3, 2, 1):
        key = fold(doc[token:token + length].text)
        found = [m for m in mentions if m.span.start < token and fold(m.span.text) == key]
        if found:
            return found[-1]
    return None
