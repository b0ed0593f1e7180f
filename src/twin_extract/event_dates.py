"""Which date a relation gets: the event's date, not the article's other dates.

``dates.py`` reads every date expression; this module chooses among them for one pair: the
clause's own date near its cue, a relative clause's own date, a reporting clause as a last
resort, never a date after publication (a plan) and "since ..." only for a lasting tie.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from . import clauses
from .cues import Cue, DocCues
from .dates import DateMention, find_dates

REPORTING_VERBS = {"announce", "say", "decide", "vote", "confirm", "report", "state", "tell", "declare",
                   "approve", "agree", "resolve", "rule"}
"""A date in a clause with one of these verbs dates the step the sentence reports."""


def date_for(ctx: DocCues, sent: Span, unit: tuple[int, int], units: list[tuple[int, int]],
              anchors: list[Cue], status: str) -> DateMention | None:
    """The clause's own date (closest to its cue), else a date fronted before the first clause.

    A cue inside a relative clause ("X and Y, which have been twin towns since 1990, opened an
    exhibition on 1 October") takes only that clause's date; for a step other than "established"
    that is the step's own cue ("Kherson, which has been shelled since November 2022, signed a
    memorandum yesterday": "signed", not "has")."""
    doc = ctx.doc
    lo_char = doc[unit[0]].idx
    hi_char = clauses.char_end(doc, unit[1])
    step_cue = next((a for a in anchors if a.label == status and status != "established"), anchors[0]) \
        if anchors else None
    if step_cue is not None:
        rel = clauses.relative_segment(doc, sent, step_cue.start, ctx.mentions_in(sent.start, sent.end))
        if rel is not None:
            lo_char, hi_char = doc[rel[0]].idx, clauses.char_end(doc, rel[1])
    own = usable([d for d in ctx.dates if lo_char <= d.start < hi_char], status, doc, anchors)
    if not own:
        own = _when_antecedent(ctx, lo_char) or _when_of_cue(ctx, anchors, status)
    if not own:
        own = trailing_signing(ctx, sent, hi_char, units)
    if not own:
        first = doc[units[0][0]].idx if units else sent.start_char
        own = usable([d for d in ctx.dates if sent.start_char <= d.start < max(first, sent.start_char)],
                      status, doc)
        if not own and units and units[0] == unit:
            return None
    if status == "established" and anchors:
        own = _about_the_tie(ctx, sent, anchors, own)
    if not own:
        return None
    told = [d for d in own if not said_on(doc, d)]
    own = told or own
    own = [d for d in own if not _in_other_relative(doc, d, anchors, status)] or own
    renewed = renewal_date(doc, anchors, own)
    if renewed is not None:
        return renewed
    if step_cue is not None:
        anchor = doc[step_cue.start].idx
        if status != "established" and len(own) > 1:
            # "Gorizia and Klagenfurt, twinned in 1965, dissolved their partnership in 2021": the
            # date on the step's own verb, not the nearest
            own = [d for d in own if _on_verb(doc, d, doc[step_cue.start])] or own
        return min(own, key=lambda d: abs(d.start - anchor))
    return own[0]


def trailing_signing(ctx: DocCues, sent: Span, hi_char: int, units: list[tuple[int, int]]) -> list[DateMention]:
    """"Quebec City is Calgary's oldest sister city, by an agreement signed in 1956": a tail after
    the clause, naming no place, that names the document the tie rests on and its signing dates
    the tie."""
    doc = ctx.doc
    if not doc.has_annotation("DEP"):
        return []
    taken = [(doc[lo].idx, clauses.char_end(doc, hi)) for lo, hi in units if ctx.mentions_in(lo, hi + 1)]
    found = []
    for d in ctx.dates:
        if not hi_char <= d.start < sent.end_char or any(lo <= d.start < hi for lo, hi in taken):
            continue
        span = _parsed_span(doc, d)
        # the date's own token and up to FOUNDING_REACH heads above it
        verb = _verb_above(span.root, FOUNDING_REACH + 1) if span is not None else None
        if verb is not None and verb.lemma_ in SIGNING_VERBS and verb.dep_ == "acl" and \
                verb.head.lemma_.lower() in DOCUMENT_NOUNS:
            found.append(d)
    return usable(found, "signed", doc)


SIGNING_VERBS = frozenset({"sign", "conclude", "seal", "ink"})
DOCUMENT_NOUNS = frozenset({"agreement", "charter", "accord", "pact", "memorandum", "treaty", "protocol",
                            "declaration", "deal", "mou"})
"""What a tie rests on ("by an agreement signed in 1956")."""


def _on_verb(doc: Doc, date: DateMention, cue: Token) -> bool:
    """Does the date hang on the cue's verb (the first verb above the date is the cue's)?"""
    span = _parsed_span(doc, date)
    if span is None:
        return False
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    above = _verb_above(span.root)
    return above is not None and above.i == verb.i


RENEWAL_RULE = "status-signed-renewed"


def _in_other_relative(doc: Doc, date: DateMention, anchors: list[Cue], status: str) -> bool:
    """"Kherson, which has been shelled almost daily since its liberation in November 2022,
    signed a memorandum yesterday", "the agreement with Kursk, signed in 2007, was terminated on 3
    March 2022": a date in a relative or participle clause that does not hold the step's cue tells
    of something else."""
    cues = [a for a in anchors if a.label == status] if status != "established" else []
    span = _parsed_span(doc, date) if cues else None
    if span is None:
        return False
    token = span.root
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            inside = {t.i for t in token.subtree}
            return not any(c.start in inside for c in cues)
        token = token.head
    return False


def renewal_date(doc: Doc, cues: list[Cue], dates: list[DateMention]) -> DateMention | None:
    """"First signed in 1988 and renewed in 2015 and again in 2018", "renewed three times – in
    1998, 2002 and 2007": the latest renewal is the latest step, so the latest of the dates after
    the renewal cue dates it."""
    renewals = [doc[c.start].idx for c in cues if c.rule == RENEWAL_RULE]
    after = [d for d in dates if d.value and renewals and d.start > min(renewals)]
    return max(after, key=lambda d: d.value) if after else None


ANNIVERSARY = re.compile(r"(?i)\banniversar(?:y|ies)\b|\bjubilee\b|\b(?:\d+|\w+ty(?:-\w+)?|ten|five|fifteen)\s+years\s+(?:as|of|since)\b")
"""A sentence about a tie's anniversary ("marked 60 years as sister cities last year", "the 40th
anniversary falls in 2020"): its dates are the celebration's, not the tie's founding."""

FOUNDING_VERBS = frozenset({"establish", "found", "form", "create", "twin", "sign", "become", "begin", "start",
                            "launch", "set", "conclude", "seal", "date"})
"""Verbs whose date is the tie's beginning even in an anniversary sentence ("their relationship,
established in 1997")."""


_WHEN_BEFORE = re.compile(r"\s*,?\s*\bwhen\s*$", re.I)


def _when_antecedent(ctx: DocCues, lo_char: int) -> list[DateMention]:
    """"Formed two partnerships early in 1963, when the council adopted resolutions recognizing A
    and B", "has existed since 2001, when A and B signed their agreement": a "when" clause happens
    at the date right before it (even a "since" date: it names the moment the clause tells of)."""
    text = clauses.text_of(ctx.doc)
    if text[lo_char:lo_char + 4].lower() == "when":
        lo_char += 4
    head = _WHEN_BEFORE.search(text[max(0, lo_char - WHEN_REACH):lo_char])
    if head is None:
        return []
    at = max(0, lo_char - WHEN_REACH) + head.start()
    return [d for d in ctx.dates if d.end <= at and not text[d.end:at].strip() and not _planned(ctx.doc, d)]


def _when_of_cue(ctx: DocCues, anchors: list[Cue], status: str) -> list[DateMention]:
    """"A framework has existed since 2001, when Sarajevo and Zagreb signed their agreement": the
    step's cue heads a "when" clause inside a longer one, and happens at the date right before
    its "when"."""
    doc = ctx.doc
    for cue in anchors:
        if cue.label != status:
            continue
        token = doc[cue.start]
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        when = next((c for c in verb.children if c.lower_ == "when" and c.i < verb.i), None)
        if when is not None and when.i > verb.sent.start:
            found = _when_antecedent(ctx, when.idx)
            if found:
                return found
    return []


WHEN_REACH = 12
"""Characters before a clause within which its "when" (and the comma before it) stands."""


def _celebration(doc: Doc, date: DateMention) -> bool:
    """A date in an anniversary sentence that neither starts a lasting state ("since") nor hangs
    on a verb that begins the tie: the day of the celebration."""
    span = _parsed_span(doc, date)
    if span is None or not ANNIVERSARY.search(span.sent.text):
        return False
    return not _since(doc, date) and _governing_verb(span, FOUNDING_REACH) not in FOUNDING_VERBS


def _visit(doc: Doc, date: DateMention) -> bool:
    """The date of a visit between towns already tied: "the mayor of Würzburg visited its partner
    city Mwanza on Friday", "Ohrid welcomed a delegation from its twin city Tallinn yesterday".
    Welcoming a town into the family of twin towns ("welcomed Zhytomyr into ...", "welcomed X as
    its new sister city") forms the tie and keeps its date; a "since" date, or one further from
    the verb ("Hiroshima, a sister city of Honolulu since 1959, also hosted ..."), dates the tie."""
    span = _parsed_span(doc, date)
    verb = _verb_above(span.root, FOUNDING_REACH) if span is not None and not _since(doc, date) else None
    if verb is None or verb.lemma_ not in VISIT_VERBS:
        return False
    return not any(child.dep_ == "prep" and child.lower_ in ("into", "as") for child in verb.children)


VISIT_VERBS = frozenset({"visit", "welcome", "host", "receive", "tour", "arrive", "travel", "greet", "send", "deliver",
                         "donate", "attend", "perform"})
"""Verbs of a visit or a reception; its date is the visit's, not the tie's (an established tie;
a step taken during the visit has its own verb)."""


def said_on(doc: Doc, date: DateMention) -> bool:
    """The date of a statement, not of a step: "The council confirmed last week that its twinning
    with X will not be revoked", "the city said on the 22nd"."""
    span = _parsed_span(doc, date)
    return span is not None and _governing_verb(span) in SPEECH_VERBS


SPEECH_VERBS = frozenset({"say", "announce", "confirm", "report", "state", "tell", "write", "add", "note",
                          "reaffirm", "reconfirm", "reiterate"})
"""Verbs of a statement; "the mayors reaffirmed their cities' partnership on Monday" restates a
tie that exists, so Monday is the statement's date, not the tie's."""


GOVERNING_REACH = 5
"""Heads from a date up to the verb it hangs on ("at a meeting in Nuremberg on Monday")."""


def _name_history(doc: Doc, date: DateMention) -> bool:
    """"Kropyvnytskyi, known until 2016 as Kirovohrad, is twinned with Jelgava", "renamed in
    1991": a date in the history of a place's name, or the end of a period ("until 2016"), does
    not date a tie that exists."""
    if date.text.lower().startswith(("until", "till")):
        return True
    span = _parsed_span(doc, date)
    return span is not None and _governing_verb(span) in NAMING_VERBS


NAMING_VERBS = frozenset({"rename", "know", "call"})
"""Verbs of a name ("known until 2016 as", "was called Leningrad in 1989"); not "name", which also
makes ties ("were named sister cities in 2019")."""


def _parsed_span(doc: Doc, date: DateMention) -> Span | None:
    """The date's tokens, for the rules that read the parse; None without one."""
    if not doc.has_annotation("DEP"):
        return None
    return doc.char_span(date.start, date.end, alignment_mode="expand")


def _governing_verb(span: Span, reach: int = GOVERNING_REACH) -> str | None:
    """The lemma of the verb the date hangs on, within ``reach`` heads of it."""
    verb = _verb_above(span.root, reach)
    return verb.lemma_ if verb is not None else None


def _verb_above(token: Token, reach: int = GOVERNING_REACH) -> Token | None:
    """The first verb at or above ``token``, within ``reach`` heads of it; None past the root."""
    for _ in range(reach):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


FOUNDING_REACH = 3
"""Heads from a date up to a verb that begins the tie ("their relationship, established in 1997")."""


def _about_the_tie(ctx: DocCues, sent: Span, anchors: list[Cue], dates: list[DateMention]) -> list[DateMention]:
    """An existing tie mentioned in passing takes no date from the event the sentence is about
    ("Ambulances left Rzeszów on Monday for Ivano-Frankivsk, its sister city"): only a "since"
    date, a bare year, or a date in the same comma-delimited stretch as the tie's words or a verb
    that forms it, or fronted before it ("At a ceremony on Thursday, councillors welcomed
    Zhytomyr into the family of twin towns")."""
    doc = ctx.doc
    protected = [(m.info.ext_start, m.info.ext_end) for m in ctx.mentions_in(sent.start, sent.end)]
    anchors = [a for a in anchors if doc[a.start].lemma_ not in ("be", "have")]
    words = ctx.triggers_in(sent.start, sent.end)
    if words and all(_described_in_passing(doc[t.start]) for t in words):
        # "On July 17 the city welcomed a delegation headed by the mayor of its sister city": the
        # verb welcomes the delegation, not the tie its description names
        anchors = [a for a in anchors if a.label != "established" or not _passing_below(doc[a.start], words)]
    segments = clauses.segments(doc, sent, protected)
    own_segments = []
    for k, seg in enumerate(segments):
        held = [a for a in anchors if seg.start <= a.start < seg.end]
        if held:
            own_segments.append(seg)
            fronted = [s for s in segments[:k] if not any(t.pos_ in ("VERB", "AUX") for t in doc[s.start:s.end])]
            if len(fronted) == k and not all(doc[a.start].pos_ not in ("VERB", "AUX") and
                                             _described_in_passing(doc[a.start]) for a in held):
                own_segments += fronted
    return [d for d in dates if _since(doc, d) or d.precision == "year" or any(
        doc[seg.start].idx <= d.start < clauses.char_end(doc, seg.end) for seg in own_segments)]


def _description(token: Token) -> Token | None:
    """"On 3 March a delegation from Kagoshima, Perth's sister city, visited", "welcomed a
    delegation headed by the mayor of Taipei's sister city": the apposition, or the participle or
    relative clause hung on a noun, that holds a tie word and describes a place or a person the
    sentence's event is about; a date fronted before that event dates the visit, not the tie ("At
    a ceremony on Thursday, councillors welcomed Zhytomyr into the family of twin towns" keeps its
    date). None when the word is in no such description."""
    if not token.doc.has_annotation("DEP"):
        return None
    for _ in range(PASSING_REACH):
        if token.dep_ in ("appos", "acl", "relcl"):
            return token
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return None
        token = token.head
    return None


def _described_in_passing(token: Token) -> bool:
    return _description(token) is not None


def _passing_below(verb: Token, words: list[Cue]) -> bool:
    """Do the tie words hang below the verb through a description the verb does not head
    ("welcomed a delegation headed by the mayor of its sister city"; not "which formed their
    sister-city tie in 1980", "a resolution establishing a sister city relationship", whose verb
    is the description's own)?"""
    doc = verb.doc
    for t in words:
        desc = _description(doc[t.start])
        if desc is None or desc.i == verb.i or not any(a.i == verb.i for a in desc.ancestors):
            return False
    return True


PASSING_REACH = 8
"""Heads from a tie word up to the apposition or clause that would make it a description."""


def reporting_dates(ctx: DocCues, sent: Span, status: str = "") -> list[DateMention]:
    """Dates in the sentence's reporting or deciding clause ("Turku is ending its twin city
    agreement ..., the mayor announced on Monday", "The Governor announced Tuesday that ...") or
    in a clause that names the same step again ("Lahti is no longer twinned with Pushkin: the
    council ended the relationship in March 2022")."""
    doc = ctx.doc
    protected = [(m.info.ext_start, m.info.ext_end) for m in ctx.mentions_in(sent.start, sent.end)]
    found = []
    for seg in clauses.segments(doc, sent, protected):
        restates = status and any(c.label == status for c in ctx.statuses_in(seg.start, seg.end))
        if restates or any(t.lemma_ in REPORTING_VERBS and t.pos_ in ("VERB", "AUX") for t in doc[seg.start:seg.end]):
            lo, hi = doc[seg.start].idx, clauses.char_end(doc, seg.end)
            found += [d for d in ctx.dates if lo <= d.start < hi]
    return found


def usable(dates: list[DateMention], status: str, doc: Doc, cues: list[Cue] = ()) -> list[DateMention]:
    """Dates that can date a step with this status. Never a planned one ("will ... in June").
    "since 2019" dates a lasting state, so it can date an established tie but not an event,
    unless the state is the step itself: "contacts have been suspended since 2022" (a status cue
    of the step just before the date)."""
    dates = [d for d in dates if not _planned(doc, d)]
    if status == "established":
        return [d for d in dates if not _celebration(doc, d) and not said_on(doc, d) and not _name_history(doc, d)
                and not _visit(doc, d)]
    return [d for d in dates if not _since(doc, d) or any(
        c.label == status and 0 <= d.start - doc[c.end - 1].idx < 40 for c in cues)]


def _planned(doc: Doc, date: DateMention) -> bool:
    """A date in a clause about the future ("will be the focus of a festival in June", "the
    signing is set for noon on December 6") is a plan, even when the article has no publication
    date to compare it with."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    if _arranged(span) or _future_verb(span):
        return True
    i = span.start - 1
    while i >= max(0, span.start - 10) and not doc[i].is_punct and not doc[i].is_sent_start:
        if doc[i].lower_ in ("will", "shall", "'ll", "’ll"):
            return True
        i -= 1
    return False


def _arranged(span: Span) -> bool:
    """The date hangs on a present arrangement: "is set for", "are scheduled for", "is due on"."""
    verb = span.root
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX", "ADJ") and verb.lemma_ in SCHEDULING_VERBS:
            return any(c.dep_ in ("aux", "auxpass", "cop") and c.lower_ in ("is", "are", "'s") for c in verb.children) \
                or verb.head.lemma_ == "be" and verb.head.lower_ in ("is", "are")
        if verb.head.i == verb.i or _across_semicolon(verb, verb.head):
            return False
        verb = verb.head
    return False


def _across_semicolon(token: Token, head: Token) -> bool:
    """"agreed on Monday to twin the two cities; a signing is planned for autumn": the parser
    may hang a clause on the verb of the next one across a semicolon; a date does not reach it."""
    lo, hi = sorted((token.i, head.i))
    return any(t.text == ";" for t in token.doc[lo + 1:hi])


SCHEDULING_VERBS = frozenset({"set", "schedule", "plan", "slate", "due"})
"""Verbs of an arrangement still ahead ("the signing is set for May")."""


def _future_verb(span: Span) -> bool:
    """The date hangs on a verb in the future ("will be the focus of a citizens' festival in the
    palace gardens in June") or on an expectation ("delegations are expected at the regatta in
    June"), however far the verb stands from it."""
    token = span.root
    for _ in range(FUTURE_REACH):
        if token.head.i == token.i or _across_semicolon(token, token.head):
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "’ll") for c in token.children) or \
                token.lemma_ == "expect" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in token.children)
    return False


FUTURE_REACH = 6
"""Heads from a date up to the verb it hangs on."""


def _since(doc: Doc, date: DateMention) -> bool:
    return date.text.lower().startswith("since") or \
        clauses.text_of(doc)[max(0, date.start - 7):date.start].rstrip().lower().endswith("since")


def is_future(date: DateMention, published: str | None) -> bool:
    """A date after publication is a plan ("will sign next month"), never the date of a step."""
    if not published or not date.value:
        return False
    n = min(len(date.value), len(published))
    return date.value[:n] > published[:n]


def inside_date(doc: Doc, cue: Cue, dates: list[DateMention]) -> bool:
    """"until the end of October" is a date, not the end of a partnership."""
    start = doc[cue.start].idx
    return any(d.start <= start < d.end for d in dates)


def resolved_dates(doc: Doc, published: str | None) -> list[DateMention]:
    """Dates of the doc, read on the full original text so a year stated earlier still counts.

    The pipeline may hand over a pre-filtered text (blanked passages) or one chunk of a long
    article; ``doc._.twin_full_text`` then holds the original text up to the chunk's end and
    ``doc._.twin_offset`` where the chunk starts in it.
    """
    full, offset = doc._.twin_full_text, doc._.twin_offset or 0
    if full is None:
        return [d for d in find_dates(clauses.text_of(doc), published) if d.value]
    return [replace(d, start=d.start - offset, end=d.end - offset)
            for d in find_dates(full, published) if d.value and d.start >= offset]


_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z.'’\- ]+(?:,\s*[A-Z][A-Za-z.]+)*,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?[–—-]")


def dateline_date(ctx: DocCues) -> DateMention | None:
    """The date of a wire dateline ("WAKKANAI, Japan, May 12 (Kyodo) –", "Mission, Texas –
    October 27, 2023 –") or of the page's own date line near its top ("Published: Mar. 11, 2022 at
    8:29 AM CST | Updated ...", "15:02 15.03.2023", "ITV News · Friday 11 March 2022"): the day the
    story was filed, the last resort for a step the story reports without a date of its own."""
    text = clauses.text_of(ctx.doc)
    for d in ctx.dates:
        if d.start > 120:
            break
        line = text[text.rfind("\n", 0, d.start) + 1:d.start]
        if (_DATELINE_BEFORE.match(line) or _TITLE_DATELINE_BEFORE.match(line)) and \
                _DATELINE_AFTER.match(text[d.end:d.end + 16]):
            return d
        if _AGENCY_DATELINE_BEFORE.match(line) and _AGENCY_AFTER.match(text, d.end):
            return d
    return page_date_line(ctx)


_AGENCY_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Za-z.'’\- ]+,\s*$")
_AGENCY_AFTER = re.compile(r"\s*,\s*[A-Z]{3,}[A-Z-]*\.?[ \t]*(?:\n|$)")
"""A dateline that ends with the agency's name on its own line: "Baku, March 8, AZERTAC"."""
_TITLE_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Za-z.'’\- ]+(?:,\s*[A-Z][A-Za-z.]+)*\s+[–—-]\s*$")
"""A dateline whose place is written in title case, with a dash before the date as after it."""

_FIELD_SEPARATORS = re.compile(r"\s[|·•]\s")
_DATE_LINE_REST = re.compile(
    r"(?i)\b(?:published|posted|updated|last\s+updated|date(?:\s+created)?|dated|created|on|at)\b:?"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*[A-Z]{2,4}\b)?"
    r"|\b(?:hits?|views?|reads?)\b:?\s*\d[\d,]*|\b\d[\d,]*\s+(?:hits|views|reads)\b|[\s,:–—-]+")
PAGE_DATE_LINES = 8
"""How far down a page its own date line may stand (after the headline, section and byline)."""


@dataclass(frozen=True)
class PageDate(DateMention):
    """A page's own date line, with the news its headline lines tell: (status, place key) for
    each status cue and place a short line near the top names together."""

    news: frozenset[tuple[str, str]] = frozenset()

    def dates_step(self, status: str, keys: set[str]) -> bool:
        """The headline tells this step of one of these places."""
        return any(label == status and key in keys for label, key in self.news)


def page_date_line(ctx: DocCues) -> PageDate | None:
    """The page's own date line: one of its first lines whose field (lines of page furniture
    separate fields with "|" or "·") is a day's date and nothing but a label ("Published:",
    "Posted"), a weekday and a time. A headline that carries a date is no date line. It dates
    only the step its headline tells (``PageDate.news``): the story's other steps are older."""
    text = clauses.text_of(ctx.doc)
    lines = []
    pos = 0
    for _ in range(PAGE_DATE_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        lines.append((pos, end))
        if end >= len(text):
            break
        pos = end + 1
    for pos, end in lines:
        for d in ctx.dates:
            if not pos <= d.start < end or d.precision != "day" or d.kind != "absolute":
                continue
            lo, hi = pos, end
            for sep in _FIELD_SEPARATORS.finditer(text, pos, end):
                if sep.end() <= d.start:
                    lo = sep.end()
                elif sep.start() >= d.end:
                    hi = min(hi, sep.start())
            rest = text[lo:d.start] + " " + text[d.end:hi]
            if not _DATE_LINE_REST.sub("", rest).strip():
                return PageDate(**{f: getattr(d, f) for f in ("text", "start", "end", "value", "precision", "kind")},
                                news=_headline_news(ctx, _headlines(text, lines, pos)))
    return None


def _headlines(text: str, lines: list[tuple[int, int]], date_line: int) -> list[tuple[int, int]]:
    """The lines above the date line, or the first line with text below it when it heads the page."""
    above = [(a, b) for a, b in lines if b <= date_line]
    if any(text[a:b].strip() for a, b in above):
        return above
    return next(([(a, b)] for a, b in lines if a > date_line and text[a:b].strip()), [])


HEADLINE_CHARS = 160
"""A line near the top at most this long is a headline, a deck or a caption, not the story."""


def _headline_news(ctx: DocCues, lines: list[tuple[int, int]]) -> frozenset[tuple[str, str]]:
    doc = ctx.doc
    found = set()
    for lo, hi in lines:
        if not 0 < hi - lo <= HEADLINE_CHARS:
            continue
        labels = {c.label for c in ctx.statuses if lo <= doc[c.start].idx < hi}
        keys = {m.key for m in ctx.mentions if lo <= m.span.start_char < hi}
        found |= {(label, key) for label in labels for key in keys}
    return frozenset(found)


_ADOPTED = re.compile(r"\b(?:PASSED|ADOPTED|APPROVED|SIGNED|DATED|Passed|Adopted|Approved|Dated|FINAL ACTION|Final [Aa]ction)\b[^\n]{0,80}$")


def adoption_date(ctx: DocCues) -> DateMention | None:
    """The date a resolution or agreement carries at its foot ("PASSED AND ADOPTED this 14th day
    of May, 2008"): the day the document's own step was taken, the last resort for a step it
    states without a date (the document's subject is the tie, so even an established one)."""
    text = clauses.text_of(ctx.doc)
    for d in reversed(ctx.dates):
        if d.precision == "day" and _ADOPTED.search(text[text.rfind("\n", 0, d.start) + 1:d.start]):
            return d
        if d.precision == "day" and _LEGAL_DAY.search(d.text) and _ALONE.match(_line_of(text, d)):
            return d
    return None


_LEGAL_DAY = re.compile(r"(?i)\bday\s+of\b")
_ALONE = re.compile(r"(?i)^\s*(?:the|this|on\s+this|done\s+(?:on\s+)?(?:this|the))?\s*\x00\s*\.?\s*$")
"""A signature block's own line, a date in the legal form and nothing else: "The 29th day of
October, 2013"."""


def _line_of(text: str, date: DateMention) -> str:
    """The date's line, the date itself replaced by a NUL mark."""
    lo = text.rfind("\n", 0, date.start) + 1
    hi = text.find("\n", date.end)
    hi = len(text) if hi < 0 else hi
    return text[lo:date.start] + "\x00" + text[date.end:hi]


def story_dates(ctx: DocCues) -> list[tuple[str, DateMention, frozenset[str]]]:
    """Dated steps the story reports ("City leaders voted Monday night to put Charlotte's sister
    city ties on hold", and a signing ceremony "held in Kumasi on June 26"): (step, date, the
    places its sentence names), in reading order. A pair
    whose own sentences name a step but not its date takes the first of these that names one of
    its places and no other (``merge.records``)."""
    doc = ctx.doc
    found = []
    for sent in doc.sents:
        dates = [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char]
        if not dates:
            continue
        places = frozenset(m.key for m in ctx.mentions_in(sent.start, sent.end))
        for cue in ctx.statuses_in(sent.start, sent.end) if ctx.triggers_in(sent.start, sent.end) else []:
            usable_dates = usable(dates, cue.label, doc, [cue]) if cue.label != "established" else []
            if usable_dates:
                found.append((cue.label, usable_dates[0], places))
        ceremony = _signing_ceremony(sent)
        if ceremony is not None:
            usable_dates = usable(dates, "signed", doc)
            if usable_dates:
                found.append(("signed", min(usable_dates, key=lambda d: abs(d.start - ceremony.idx)), places))
    return found


def _signing_ceremony(sent: Span) -> Token | None:
    """"The short ceremony was held in Kumasi on Wednesday June 26, 2024", "the signing took place
    on 3 May": the event the story's signing happened at, as the subject of a verb of taking
    place."""
    for token in sent:
        if token.lemma_ in CEREMONY_NOUNS and token.dep_ in ("nsubj", "nsubjpass") and \
                token.head.lemma_ in TAKING_PLACE and all(
                    c.lower_ in PLAIN_CEREMONY for c in token.children if c.dep_ in ("amod", "compound")):
            return token
    return None


CEREMONY_NOUNS = frozenset({"ceremony", "signing"})
PLAIN_CEREMONY = frozenset({"short", "brief", "official", "signing", "formal", "solemn", "small", "special",
                            "online", "virtual", "simple", "joint", "public", "moving", "historic", "colourful",
                            "colorful"})
"""What a signing ceremony may be called; a "wreath-laying ceremony", an "opening ceremony" is another event."""
TAKING_PLACE = frozenset({"hold", "take", "happen", "occur"})
