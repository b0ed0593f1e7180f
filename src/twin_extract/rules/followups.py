"""Sentences that refer back: "the two cities", "The agreement is to be signed.", "The decision
was taken on 1 March.", and the reporting clause as a last resort for a date.

A tie is often named in one sentence and moved on in the next; these rules carry status and
date across sentence boundaries, never a new pair except "the two cities" (``two_cities``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from .. import anaphora, clauses, event_dates
from ..cues import LICENSES, Cue, DocCues
from ..dates import DateMention
from ..places import Mention
from .findings import Finding, finding, rules_of
from .lexicon import Lexicon, pair_kind, two_of_kind
from .status import STATUS_RANK, licensing_trigger, status


TOPIC_MENTIONS = 3
"""How often a place must be named, other than as a venue or a direction ("in Lviv", "north of
Lviv"), to be the story's own place that "the two cities" includes."""


def two_cities(lex: Lexicon, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
               earlier: list[Span], partner_of: dict[str, Mention] | None = None) -> list[Finding]:
    """"The two cities have been sister cities since 1971": the pair named just before (in the
    same paragraph, when it names any place); when only
    one place was named there ("Ljubljana, the capital of Slovenia, ... The two cities signed"),
    the other is the one place the document already paired it with ("The sister cities of
    Tbilisi are: ..., Ljubljana, ..."), else the story's own place."""
    doc = ctx.doc
    refs = lex.pair_refs(doc[sent.start:sent.end])
    text = clauses.text_of(doc)
    paragraph = [e for e in earlier if "\n\n" not in text[e.start_char + len(e.text.rstrip()):sent.start_char]]
    if paragraph and ctx.mentions_in(paragraph[0].start, sent.start):
        earlier = paragraph
    if not refs or not earlier:
        return []
    kind = pair_kind(doc[sent.start + refs[0][2] - 1].lower_)
    sent_status = ctx.statuses_in(sent.start, sent.end)
    trigger = licensing_trigger(triggers, sent_status, any(t.strength == "strong" for t in triggers))
    if trigger is None and kind is not None:
        trigger = next((t for t in triggers if t.strength == "medium"), None)
    if trigger is None or trigger.strength == "weak":
        return []
    pronoun = refs[0][0] in PRONOUN_PAIRS
    distinct = _coordinated_pair(ctx, earlier[-1]) if pronoun else \
        two_of_kind(ctx.mentions_in(earlier[0].start, sent.start), kind)
    if len(distinct) != 2 and not pronoun:
        two_of_kind([m for m in in_sent if not clauses.venue(doc, m, clauses.HUB_NOT_PARTNER)], kind, distinct)
    if len(distinct) == 1 and partner_of and next(iter(distinct)) in partner_of:
        (named,) = distinct.values()
        distinct[partner_of[named.key].key] = partner_of[named.key]
    if len(distinct) == 1:
        (named,) = distinct.values()
        host = anaphora.topic([m for m in ctx.mentions if m.key != named.key and m.start < named.start], ctx.mentions)
        named_as_party = [m for m in ctx.mentions if host is not None and m.key == host.key
                          and not clauses.venue(doc, m, clauses.HUB_NOT_PARTNER) and not clauses.direction(doc, m)]
        if host is not None and (kind is None or host.info.kind == kind) and len(named_as_party) >= TOPIC_MENTIONS:
            distinct[host.key] = host
    if len(distinct) != 2:
        return []
    a, b = distinct.values()
    anchor = refs[0][1] + sent.start
    unit = next(((lo, hi) for lo, hi in clauses.clauses(doc, sent, in_sent) if lo <= anchor < hi),
                (sent.start, sent.end))
    protected = [(m.info.ext_start, m.info.ext_end) for m in in_sent]
    trigger_segment_end = next((seg.end for seg in clauses.segments(doc, sent, protected)
                                if seg.start <= trigger.start < seg.end), unit[1])
    cues = ctx.statuses_in(unit[0], max(trigger_segment_end, anchor + 1))
    found_step = status(cues)
    if refs[0][0] in PRESUPPOSING_PAIRS and found_step.status not in ("signed", "terminated"):
        # "the old ties between the twinned cities" presupposes the tie: only a new signing or
        # an ending is news of it ("the two signed a declaration on cooperation between the
        # partner cities"), not a plan to strengthen it
        return []
    date = event_dates.date_for(ctx, sent, (sent.start, sent.end), [(sent.start, sent.end)], cues or triggers,
                                found_step.status)
    if date is None and SAME_EVENT_RE.search(sent.text):
        # "On 11 April the two mayors met at the city hall. At the meeting the two signed a
        # declaration": the event named again takes the date the sentence before gave it
        before = event_dates.usable([d for d in ctx.dates if earlier[-1].start_char <= d.start < earlier[-1].end_char],
                                    found_step.status, doc)
        # an event's day or month, not the year a tie goes back to
        before = [d for d in before if d.precision in ("day", "month") and not _beginning(doc, d)]
        date = before[0] if len(before) == 1 else None
    evidence = [(earlier[-1].start_char, earlier[-1].end_char), (sent.start_char, sent.end_char)]
    return [finding("the-two", a, b, lex.relation(trigger), found_step, date, evidence, sent.start_char,
                    [*rules_of(found_step, trigger.rule), "anaphor-the-two"], trigger, pair_anaphor=True)]


PRESUPPOSING_PAIRS = frozenset({"anaphor-between-the-partners"})
"""Pair anaphors that name the pair as partners already."""


SAME_EVENT_RE = re.compile(r"(?i)\b(?:at|during)\s+(?:the|that|this)\s+(?:meeting|ceremony|event|reception|"
                           r"session|talks|visit|forum|conference)\b")
"""An event of the sentence before named again ("At the meeting the two signed ...")."""


PRONOUN_PAIRS = frozenset({"anaphor-they-pair", "anaphor-since-they"})
"""Pair anaphors that are a bare "they": they stand for a pair only right after "A and B"."""


def _coordinated_pair(ctx: DocCues, before: Span) -> dict[str, Mention]:
    """The two places of the sentence just before when they are joined by "and" ("Wrocław and
    Lviv share a long history."), else none: "they" may stand for anyone else."""
    places = two_of_kind(ctx.mentions_in(before.start, before.end), None)
    if len(places) != 2:
        return {}
    a, b = sorted(places.values(), key=lambda m: m.start)
    between = clauses.text_of(ctx.doc)[a.end:b.start]
    return places if between.strip().lower() in ("and", "&") else {}


def follow_up(lex: Lexicon, ctx: DocCues, following: list[Span], found: list[Finding]) -> None:
    """"... decided to twin. The agreement is to be signed." -> the later sentence updates status;
    "The decision was taken on 28 February." -> it dates a tie that had no date. A sentence that
    refers back without a step ("The link is part of a sister city agreement.") keeps the chain
    going; the first one that does not refer back ends it."""
    doc = ctx.doc
    for sent in following:
        own = ctx.mentions_in(sent.start, sent.end)
        keys = {m.key for m in own}
        pair_keys = {f.a.key for f in found} | {f.b.key for f in found}
        if len(keys - pair_keys) >= 1 or len(own) >= 2 and not keys <= pair_keys:
            return
        found_refs = lex.anaphors_in(doc[sent.start:sent.end])
        refers = [rule for rule, _, _ in found_refs]
        decision = next((rule for rule in refers if rule in lex.decision_anaphors), None)
        decided_at = next((doc[sent.start + start].idx for rule, start, _ in found_refs
                           if rule in lex.decision_anaphors), sent.start_char)
        cues = [s for s in ctx.statuses_in(sent.start, sent.end) if s.label != "established"]
        sent_dates = [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char]
        if refers or own and ctx.triggers_in(sent.start, sent.end):
            _founded(ctx, sent, sent_dates, found)
        if not refers:
            return
        if decision is not None:
            for f in found:
                # the decision's own date, nearest it (not a dateline before it)
                usable = sorted(event_dates.usable(sent_dates, f.status, doc), key=lambda d: abs(d.start - decided_at))
                if f.date is None and usable and f.status != "established":
                    f.date = usable[0]
                    f.rules.extend([decision, "follow-up-sentence"])
                    f.evidence.append((sent.start_char, sent.end_char))
        if not cues:
            continue
        later = status(cues)
        anchor = doc[cues[0].start].idx
        usable = sorted(event_dates.usable(sent_dates, later.status, doc), key=lambda d: abs(d.start - anchor))
        for f in found:
            if STATUS_RANK[later.status] < STATUS_RANK[f.status] or f.capped:
                continue
            changed = later.status != f.status
            began = f.status == "established" and f.date is not None and _beginning(doc, f.date)
            f.status, f.cued = later.status, True
            f.rules.extend([later.rule or "", "follow-up-sentence"])
            f.evidence.append((sent.start_char, sent.end_char))
            if usable and (changed or f.date is None):
                f.date = usable[0]
            elif changed and began:
                f.date = None  # when the tie began ("goes back to 1997") is not when the later step was taken
            renewed = event_dates.renewal_date(doc, cues, usable)
            if renewed is not None:
                f.date = renewed


def _beginning(doc: Doc, date: DateMention) -> bool:
    """"Since 1997", "goes back to 1997", "dates from 1997": a date that says when a tie began."""
    text = clauses.text_of(doc)
    return BEGINNING_RE.search(text[max(0, date.start - 30):date.end]) is not None


BEGINNING_RE = re.compile(r"(?i:\b(?:since|back\s+to|dates?\s+from|dating\s+from|as\s+far\s+back\s+as)\s+"
                          r"(?:the\s+)?(?:\w+\s+){0,2}\d{4}\b$)")


def _founded(ctx: DocCues, sent: Span, sent_dates: list, found: list[Finding]) -> None:
    """"A and B are sister cities. The relationship was established in 2005.", "The Dierdorf
    relationship was formally established by the Mayor on June 25, 2005": a sentence that refers
    back to the tie with a verb that makes it dates an established tie that had no date; after a
    list of pairs, only the pair of the place nearest the verb that no other pair has."""
    doc = ctx.doc
    makers = [c for c in ctx.statuses_in(sent.start, sent.end) if c.label == "established" and c.strength == LICENSES]
    if not makers:
        return
    anchor = doc[makers[0].start].idx
    usable = sorted(event_dates.usable(sent_dates, "established", doc), key=lambda d: abs(d.start - anchor))
    if not usable:
        return
    undated = [f for f in found if f.status == "established" and f.date is None]
    if len(found) > 1:
        mentions = ctx.mentions_in(sent.start, sent.end)
        own = [(abs(m.span.start_char - anchor), f) for f in undated for m in mentions
               if m.key in (f.a.key, f.b.key) and all(m.key not in (g.a.key, g.b.key) for g in found if g is not f)]
        undated = [min(own, key=lambda x: x[0])[1]] if own else []
    for f in undated:
        f.date = usable[0]
        f.rules.append("founded-follow-up")
        f.evidence.append((sent.start_char, sent.end_char))
    if len(found) > 1:
        _gapped_years(ctx, sent, usable, found)


def _gapped_years(ctx: DocCues, sent: Span, dates: list, found: list[Finding]) -> None:
    """"The relationship with Takasaki, established in 1963, is the oldest; Płock followed in 1990,
    Gera in 1992 and Taizhou in 2010": in the sentence that dates the founding of one listed pair,
    each other listed place with a date right after it ("followed in 1990", "in 1992") takes it."""
    text = clauses.text_of(ctx.doc)
    for m in ctx.mentions_in(sent.start, sent.end):
        mine = [f for f in found if m.key in (f.a.key, f.b.key)]
        if len(mine) != 1 or mine[0].date is not None or mine[0].status != "established":
            continue
        after = next((d for d in sorted(dates, key=lambda d: d.start) if d.start >= m.span.end_char), None)
        if after is not None and _GAP.fullmatch(text[m.span.end_char:after.start]):
            mine[0].date = after
            mine[0].rules.append("gapped-year")
            mine[0].evidence.append((sent.start_char, sent.end_char))


_GAP = re.compile(r"\s*(?:(?:followed|came|joined|was\s+added|signed\s+up)\s*)?")
"""What may stand between a listed place and its own date in a gapped list ("Płock followed in 1990")."""


def decided_before(lex: Lexicon, ctx: DocCues, sent: Span, earlier: list[Span], found: list[Finding]) -> None:
    """"The council on Wednesday, March 9, passed a resolution ... The resolution suspends the
    ties with Saratov": a step the sentence puts in "the resolution" (or decision, vote, motion)
    takes the date of the earlier sentence that reported that decision being made."""
    doc = ctx.doc
    if earlier:
        _since_then(ctx, sent, earlier[-1], found)
    undated = [f for f in found if f.date is None and f.status != "established"]
    if not undated:
        return
    nouns = {doc[sent.start + e - 1].lower_ for rule, _, e in lex.anaphors_in(doc[sent.start:sent.end])
             if rule in lex.decision_anaphors}
    for before in reversed(earlier):
        dates = [d for d in ctx.dates if before.start_char <= d.start < before.end_char]
        if not dates or not any(t.lower_ in nouns for t in before):
            continue
        for f in undated:
            usable = event_dates.usable(dates, f.status, doc)
            if usable:
                f.date = usable[0]
                f.rules.append("decision-reported-before")
                f.evidence.append((before.start_char, before.end_char))
        return


def _since_then(ctx: DocCues, sent: Span, before: Span, found: list[Finding]) -> None:
    """"In October 2013 the mayor signed twinning agreements with three Ukrainian towns. Since then
    Wilmington has been a sister city to Solonytsivka, Chuguiv and Merefa": a tie that lasts
    "since then" began with the step the sentence before told, so it takes that step's status
    (a signing) and date."""
    if not _SINCE_THEN.search(sent.text):
        return
    doc = ctx.doc
    steps = [c for c in ctx.statuses_in(before.start, before.end) if c.label == "signed"]
    dates = [d for d in ctx.dates if before.start_char <= d.start < before.end_char]
    if not steps:
        return
    usable = event_dates.usable(dates, "signed", doc, steps)
    for f in found:
        if f.status != "established" or f.cued:
            continue
        f.status, f.cued = "signed", True
        f.rules.extend([steps[0].rule, "since-then"])
        f.evidence.append((before.start_char, before.end_char))
        if f.date is None and usable:
            f.date = usable[0]


_SINCE_THEN = re.compile(r"(?i)\b(?:ever\s+)?since\s+then\b")


def report_date(ctx: DocCues, sent: Span, found: list[Finding]) -> None:
    """Last resort for a step still undated after the follow-up sentences (not for a tie merely
    said to exist): the date of the sentence's reporting clause ("..., the mayor announced on
    Monday"). A decision dated in the next sentence is closer to the event, so it goes first.
    (The wire dateline's date comes later still, in ``merge.records``.)"""
    for f in found:
        if f.date is not None or f.status == "established":
            continue
        reported = event_dates.reporting_dates(ctx, sent, f.status)
        usable = event_dates.usable(reported, f.status, ctx.doc, ctx.statuses_in(sent.start, sent.end))
        if usable:
            f.date = usable[0]
            f.rules.append("reporting-clause-date")


SUCCESSION_VERBS = frozenset({"follow", "add", "join", "come"})
"""Verbs whose subject is the next partner of the host of the sentence before ("Pokhara followed in
2004", "Edmonton was added in 1985", "Rennes came next"; "Another charter followed with Aalborg")."""
NOT_PARTNER_BEFORE = frozenset({"from", "of", "in", "at", "to", "by", "near", "via", "as"})
SUCCESSION_DATE_REACH = 20
"""Characters after a partner within which its own year stands ("Mandalay in 2011")."""


def _succession_lead(doc: Doc, m: Mention) -> bool:
    """The place is the subject of a succession verb (or stands in apposition to it: "A second,
    Dubrovnik, was added"), the object of its "with", or the subject of "So are ..."."""
    node = m.span.root
    if node.dep_ == "appos":
        node = node.head
    head = node.head
    if node.dep_ in ("nsubj", "nsubjpass"):
        if head.lemma_ in SUCCESSION_VERBS and not any(c.lower_ == "suit" for c in head.children):
            return True
        return head.lemma_ == "be" and any(c.lower_ == "so" for c in head.children)
    if node.dep_ != "pobj" or head.lower_ != "with":
        return False
    # "Another charter followed with Aalborg", "Ties with Kutaisi and Mendoza were added later"
    owner = head.head
    return owner.lemma_ in SUCCESSION_VERBS or owner.dep_ in ("nsubj", "nsubjpass") and owner.head.lemma_ in SUCCESSION_VERBS


def next_partners(lex: Lexicon, ctx: DocCues, sent: Span, before: list[Finding]) -> list[Finding]:
    """"Kandy's first twin town was Kurashiki. Pokhara followed in 2004, and Mandalay in 2011.": a
    sentence that names no tie of its own but says the list goes on pairs its places with the one
    host of the sentence before (every pair there shares it; of one pair, the place named first), with that step unless its own cues
    say another, and each place's own year. Only the subject of "follow", "add", "join", "come" (or
    of "So are"), and the places listed or gapped after it: "a delegation from Warsaw followed",
    "other cities have followed suit ... with Cuban cities such as A" name no partner."""
    doc = ctx.doc
    if not before:
        return []
    model = before[-1]
    hosts = set.intersection(*({f.a.key, f.b.key} for f in before))
    if len(hosts) == 2:  # one pair before: the place named first leads ("Kandy's first twin town was Kurashiki")
        hosts = {min((model.a, model.b), key=lambda m: m.start).key}
    if len(hosts) != 1:
        return []
    (host_key,) = hosts
    host = model.a if model.a.key == host_key else model.b
    paired = {f.a.key for f in before} | {f.b.key for f in before}
    in_sent = ctx.mentions_in(sent.start, sent.end)
    lead = next((n for n, m in enumerate(in_sent) if _succession_lead(doc, m)), None)
    if lead is None:
        return []
    places = [in_sent[lead]]
    verb = in_sent[lead].span.root.head
    for m in in_sent[lead + 1:]:
        # the lead's list or gapped continuation ("and Mandalay in 2011"): no other verb in between
        if any(t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.head.i != verb.i
               for t in doc[places[-1].span.end:m.span.start]) or \
                doc[m.info.ext_start - 1].lower_ in NOT_PARTNER_BEFORE:
            break
        places.append(m)
    places = [m for m in places if m.key not in paired and not clauses.institutional(doc, m, lex.institutions)]
    if not places:
        return []
    cues = ctx.statuses_in(sent.start, sent.end)
    own_step = status(cues)
    step_status = own_step.status if cues and own_step.status != "established" else model.status
    dates = [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char]
    found = []
    for n, m in enumerate(places):
        stop = places[n + 1].start if n + 1 < len(places) else sent.end_char
        own = [d for d in dates if m.end <= d.start < min(stop, m.end + SUCCESSION_DATE_REACH)]
        date = own[0] if own else (dates[0] if len(dates) == 1 and len(places) == 1 else None)
        found.append(replace(model, a=host, b=m, status=step_status, date=date,
                             evidence=[*model.evidence, (sent.start_char, sent.end_char)], position=m.start,
                             rules=[*model.rules[:1], "next-partner-sentence", *m.info.rules], cued=bool(cues)))
    return found
