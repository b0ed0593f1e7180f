"""The ``twin_extractor`` component: place mentions + trigger and status cues -> twinning records.

How a sentence becomes pairs:
1. split it into clauses at commas/"and"/";" (``clauses.py``: a clause holds one predicate;
   bare noun-phrase segments join the clause they belong to);
2. keep clauses that carry a trigger (strong alone, medium with a status cue or a strong trigger
   elsewhere in the sentence, weak only beside a strong trigger); a clause that repeats the
   previous predicate ("and Z signed one with W") reuses its trigger;
3. group the clause's places into lists by what stands between them ("X, Y and Z") and pair
   the two lists (one list of two is a pair: "the cities of X and Y"); places that only say
   where something happened ("in Košice", "south of Warsaw") are left out;
4. hubs: a trigger owned by one place ("Kyiv's sister cities", "its partnership with X", "the
   city has partner cities ...") pairs that place with each place after the trigger; a host
   written as "the city's" or "its" is resolved by ``anaphora.py``;
5. "the two cities" pairs the two places named just before; a lone "... with X" partner pairs
   with the place the story is about;
6. status from the clause's cues, date from ``event_dates.py``; a following sentence that
   refers back ("The agreement is to be signed.", "The decision was taken on 1 March.")
   updates both.
Within a document one record per pair survives: the latest stated step, with all evidence kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from . import anaphora, clauses, event_dates
from .about import __version__
from .anaphora import HostRef, HostReferences
from .countries import CountryResolver
from .cues import Cue, DocCues
from .dates import DateMention
from .extensions import register_extensions
from .patterns import PatternSet, load_patterns
from .places import Mention, party_mentions
from .textnorm import fold
from .record import (DateInfo, Evidence, Party, Provenance, Source, TwinningRecord,
                     record_id)

STATUS_RANK = {"proposed": 1, "pending": 2, "established": 3, "signed": 3, "terminated": 4}
"""How far a tie got; a document's later step wins when two mentions disagree."""
STRENGTH_CONFIDENCE = {"strong": 0.95, "medium": 0.8, "weak": 0.65}
FOLLOWUP_SENTENCES = 2
PRO_FORMS = {"one", "ones", "another", "similar", "likewise"}
""""X signed an agreement with Y and Z signed one with W": the second clause reuses the trigger."""
HAVE_VERBS = {"have", "maintain", "boast", "count", "list", "keep", "include"}
HUB_MODIFIERS = {"own", "other", "new", "many", "several", "oldest", "newest", "first", "latest", "two", "three",
                 "four", "five", "official", "foreign", "international", "european", "current", "former"}


@dataclass
class Finding:
    """One pair seen in one clause: the raw material of a record before document merging."""

    a: Mention
    b: Mention
    relation: str
    status: str
    date: DateMention | None
    evidence: list[tuple[int, int]]
    confidence: float
    position: int
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


PLACE_PLURALS = {"cities", "towns", "municipalities", "communities"}


class TwinExtractor:
    """Turns ``doc.spans["twin_places"]`` plus cue matches into ``doc._.twinnings``."""

    def __init__(self, nlp: Language, name: str, patterns: str | None = None,
                 model_name: str = "", followup_sentences: int = FOLLOWUP_SENTENCES) -> None:
        register_extensions()
        self.name = name
        self.vocab = nlp.vocab
        self.model_name = model_name or f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}"
        self.followup_sentences = followup_sentences
        self.set_patterns(load_patterns(patterns))

    def set_patterns(self, patterns: PatternSet) -> None:
        self.patterns = patterns
        self.triggers = Matcher(self.vocab)
        self.blockers = Matcher(self.vocab)
        self.trigger_info: dict[str, dict] = {}
        for row in patterns["triggers"]:
            (self.blockers if row["strength"] == "block" else self.triggers).add(row["id"], [row["pattern"]])
            self.trigger_info[row["id"]] = row
        self.status = Matcher(self.vocab)
        self.status_info: dict[str, dict] = {}
        for row in patterns["status"]:
            self.status.add(row["id"], [row["pattern"]])
            self.status_info[row["id"]] = row
        self.anaphors = Matcher(self.vocab)
        for row in patterns["anaphors"]:
            if not row.get("host"):
                self.anaphors.add(row["id"], [row["pattern"]])
        self.pair_anaphors = {row["id"] for row in patterns["anaphors"] if row.get("pair")}
        """Rows that stand for both places of a pair ("the two cities", "between our two towns")."""
        self.hosts = HostReferences(self.vocab, patterns, CountryResolver(patterns))
        self.institutions = {row["lemma"] for row in patterns["institutions"]}

    def __call__(self, doc: Doc) -> Doc:
        source: Source = doc._.twin_source or Source(id="doc")
        blocked = [(s, e) for _, s, e in self.blockers(doc)]
        triggers = [t for t in self._cues(doc, self.triggers, self.trigger_info, "relation")
                    if not any(s < t.end and t.start < e for s, e in blocked)]
        all_dates = event_dates.resolved_dates(doc, source.published)
        statuses = [_planned_signing(doc, c) for c in self._cues(doc, self.status, self.status_info, "status")
                    if not event_dates.inside_date(doc, c, all_dates) and not _ending_something_else(doc, c, triggers)]
        mentions = party_mentions(doc)
        ctx = DocCues(doc, mentions, triggers, statuses,
                       [d for d in all_dates if not event_dates.is_future(d, source.published)],
                       self.hosts.find(doc, mentions))
        findings: list[Finding] = []
        sentences = list(doc.sents)
        for k, sent in enumerate(sentences):
            found = self._sentence(ctx, sent, sentences[max(0, k - 2):k]) or \
                self._listed_after_colon(ctx, sent, sentences[k + 1:])
            if found:
                self._follow_up(ctx, sentences[k + 1:k + 1 + self.followup_sentences], found)
                self._report_date(ctx, sent, found)
            findings.extend(found)
        entries = self._partner_entries(ctx, sentences)
        listed = {f.b.key for f in entries}
        findings = [f for f in findings if not ({f.a.key, f.b.key} <= listed and
                                                (f.strength != "strong" or "anaphor-the-two" in f.rules))]
        findings.extend(entries)
        doc._.twinnings = self._records(doc, findings, source)
        return doc

    def _partner_entries(self, ctx: DocCues, sentences: list[Span]) -> list[Finding]:
        """A city's page of partners: each entry starts a line with the partner and a year
        ("Eskilstuna, Sweden – since 1961", "Modesto, California (USA), 1995.") and a paragraph
        about it follows. Every entry is a partner of the page's topic; status and date come
        from the entry and its paragraph ("... the city council decided to suspend all
        official contacts"). "Both cities" in one entry's paragraph is not a tie between two
        entries (the caller drops such pairs)."""
        doc = ctx.doc
        if not any(t.strength != "weak" for t in ctx.triggers):
            return []
        listed = _colon_list_lines(doc, sentences)
        partners = {k: self._entry_partner(ctx, sent, sentences[k + 1] if k + 1 < len(sentences) else None)
                    for k, sent in enumerate(sentences) if k not in listed}
        entries = [k for k, partner in partners.items() if partner is not None]
        found = []
        for n, k in enumerate(entries):
            entry, partner = sentences[k], partners[k]
            host = anaphora.topic([m for m in ctx.mentions if m.key != partner.key], ctx.mentions)
            if host is None:
                continue
            stop = entries[n + 1] if n + 1 < len(entries) else len(sentences)
            body = [entry]
            for sent in sentences[k + 1:stop]:
                if "\n\n" in clauses.text_of(doc)[_text_end(body[-1]):sent.start_char + 1] or _starts_with_place(ctx, sent):
                    break
                body.append(sent)
            lo, hi = entry.start, body[-1].end
            cues = ctx.statuses_in(lo, hi)
            status, status_rule = _status(cues)
            dates = event_dates.usable([d for d in ctx.dates if entry.start_char <= d.start < entry.end_char],
                                       status, doc) or _entry_year(entry)
            if not dates and len(body) > 1:
                dates = event_dates.usable([d for d in ctx.dates if body[1].start_char <= d.start < body[1].end_char],
                                           status, doc)
            if status_rule and status != "established":
                anchor = doc[next(c for c in cues if c.rule == status_rule).start].idx
                nearby = [d for d in ctx.dates if body[0].start_char <= d.start < body[-1].end_char]
                dates = sorted(event_dates.usable(nearby, status, doc, cues), key=lambda d: abs(d.start - anchor)) or dates
            found.append(Finding(host, partner, "twinning", status, dates[0] if dates else None,
                                 [(s.start_char, s.end_char) for s in body], 0.7, entry.start_char,
                                 ["partner-entry", *([status_rule] if status_rule else []), *partner.info.rules],
                                 strength="medium", cued=status_rule is not None))
        return found

    @staticmethod
    def _entry_partner(ctx: DocCues, sent: Span, following: Span | None) -> Mention | None:
        """The partner an entry line names: it starts a line with a place, has no verb, no other
        party and at most ten words, and gives a year or a twinning noun, or the next sentence
        does ("Mostyska, Ukraine" / "Partnership agreement signed in 1998."). A wire dateline
        ("RUSTAVI –") is not an entry."""
        doc = ctx.doc
        if not _starts_line(doc, sent):
            return None
        words = [t for t in sent if not t.is_space and not t.is_punct]
        last = _last_token(sent)
        if not words or len(words) > 10 or len({m.key for m in ctx.mentions_in(sent.start, sent.end)}) != 1 or \
                last is not None and last.text in {"–", "—", "-", "--"}:
            return None
        partner = _first_place(ctx, sent)
        if partner is None:
            return None
        if any(t.pos_ in ("VERB", "AUX") and not partner.info.ext_start <= t.i < partner.info.ext_end for t in words):
            return None
        dated = any(sent.start_char <= d.start < sent.end_char for d in ctx.dates) or bool(_entry_year(sent))
        named = any(sent.start <= t.start < sent.end for t in ctx.triggers)
        explained = following is not None and clauses.text_of(doc)[_text_end(sent):following.start_char].count("\n") <= 1 \
            and any(following.start <= t.start < following.end and t.strength != "weak" for t in ctx.triggers)
        return partner if dated or named or explained else None

    def _cues(self, doc: Doc, matcher: Matcher, info: dict[str, dict], label_key: str) -> list[Cue]:
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in matcher(doc)])
        cues = []
        for span in spans:
            row = info[span.label_]
            cues.append(Cue(row["id"], span.start, span.end, row[label_key], row.get("strength", "")))
        return sorted(cues, key=lambda c: c.start)

    @staticmethod
    def _report_date(ctx: DocCues, sent: Span, found: list[Finding]) -> None:
        """Last resort for a step still undated after the follow-up sentences (not for a tie merely
        said to exist): the date of the sentence's reporting clause ("..., the mayor announced on
        Monday"). A decision dated in the next sentence is closer to the event, so it goes first."""
        undated = [f for f in found if f.date is None and f.status != "established"]
        if not undated:
            return
        for finding in undated:
            reported = event_dates.reporting_dates(ctx, sent, finding.status)
            usable = event_dates.usable(reported, finding.status, ctx.doc, ctx.statuses_in(sent.start, sent.end))
            if usable:
                finding.date = usable[0]
                finding.rules.append("reporting-clause-date")

    def _sentence(self, ctx: DocCues, sent: Span, earlier: list[Span]) -> list[Finding]:
        doc = ctx.doc
        in_sent = ctx.mentions_in(sent.start, sent.end)
        sent_triggers = ctx.triggers_in(sent.start, sent.end)
        if not sent_triggers:
            return []
        if len(in_sent) < 2:
            return self._two_cities(ctx, sent, in_sent, sent_triggers, earlier) or \
                self._hubs(ctx, sent, in_sent, sent_triggers, []) or \
                self._implicit_host(ctx, sent, in_sent, sent_triggers)
        has_strong = any(t.strength == "strong" for t in sent_triggers)
        findings = []
        units = clauses.clauses(doc, sent, in_sent)
        previous: tuple[Cue, list[Cue], list[Finding]] | None = None
        for lo, hi in units:
            unit_mentions = [m for m in in_sent if lo <= m.span.start < hi
                             and not clauses.institutional(doc, m, self.institutions)]
            unit_triggers = [t for t in sent_triggers if lo <= t.start < hi]
            unit_status = ctx.statuses_in(lo, hi)
            trigger = self._licensing_trigger(unit_triggers, unit_status, has_strong)
            rules_extra = ["clause-split"]
            if trigger is None and previous is not None and _elliptic(doc, lo, hi, unit_status, previous[1]):
                trigger, rules_extra = previous[0], ["clause-split", "ellipsis"]
                unit_triggers = [trigger]
            if trigger is None:
                if len(unit_mentions) == 1:
                    findings.extend(self._implicit_host(ctx, sent, unit_mentions, unit_triggers, (lo, hi)))
                continue
            if len(unit_mentions) < 2:
                pairs, ambiguity = self._the_two_in_sentence(doc, (lo, hi), in_sent), 0.0
                rules_extra = ["clause-split", "anaphor-the-two"]
                if not pairs and len(unit_mentions) == 1:
                    findings.extend(self._implicit_host(ctx, sent, unit_mentions, unit_triggers, (lo, hi)))
                    continue
            elif all(clauses.after_with(doc, m) for m in unit_mentions):
                for n, m in enumerate(unit_mentions):
                    stop = unit_mentions[n + 1].info.ext_start if n + 1 < len(unit_mentions) else hi
                    findings.extend(self._implicit_host(ctx, sent, [m], unit_triggers, (lo, hi), (m.span.start, stop)))
                continue
            else:
                if trigger.strength != "strong":
                    unit_mentions = clauses.outside_subordinates(doc, sent, trigger.start, unit_mentions)
                pairs, ambiguity = clauses.pair(doc, unit_mentions, trigger.strength == "strong") \
                    if len(unit_mentions) >= 2 else ([], 0.0)
            if not pairs:
                continue
            status, status_rule, cap = self._step(unit_status, trigger)
            date = event_dates.date_for(ctx, sent, (lo, hi), units, unit_status or unit_triggers, status)
            relation = "twinning" if any(self.trigger_info[t.rule]["relation"] == "twinning"
                                         and t.strength != "weak" for t in unit_triggers) \
                else self.trigger_info[trigger.rule]["relation"]
            base = STRENGTH_CONFIDENCE[trigger.strength] - ambiguity
            unit_findings = []
            for a, b in pairs:
                confidence = base * min(a.info.evidence, 1.0) ** 0.5 * min(b.info.evidence, 1.0) ** 0.5
                rules = [trigger.rule, *([status_rule] if status_rule else []), *rules_extra,
                         *a.info.rules, *b.info.rules]
                unit_findings.append(Finding(a, b, relation, status, date, [(sent.start_char, sent.end_char)],
                                             round(confidence, 3), sent.start_char, rules, capped=cap,
                                             strength=trigger.strength, cued=status_rule is not None,
                                             trigger=trigger.start))
            if "ellipsis" in rules_extra and previous is not None:
                _share_date(previous[2] + unit_findings)
            findings.extend(unit_findings)
            previous = (trigger, unit_status, unit_findings)
        return self._hubs(ctx, sent, in_sent, sent_triggers, findings)

    def _the_two_in_sentence(self, doc: Doc, unit: tuple[int, int],
                             in_sent: list[Mention]) -> list[tuple[Mention, Mention]]:
        """"X will send trolleybuses to Y, weeks after the two cities signed a memorandum": a
        clause whose parties are "the two cities" pairs the two places of its sentence."""
        refs = [(s, e) for m, s, e in self.anaphors(doc[unit[0]:unit[1]])
                if self.vocab.strings[m] in self.pair_anaphors]
        if not refs:
            return []
        noun = doc[unit[0] + refs[0][1] - 1].lower_
        kind = "region" if noun == "regions" else "city" if noun in PLACE_PLURALS else None
        distinct: dict[str, Mention] = {}
        for m in in_sent:
            if kind is None or m.info.kind == kind:
                distinct.setdefault(m.key, m)
        if len(distinct) != 2:
            return []
        a, b = distinct.values()
        return [(a, b)]

    def _listed_after_colon(self, ctx: DocCues, sent: Span, following: list[Span]) -> list[Finding]:
        """"Olsztyn is twinned with:" and then one partner per line ("Châteauroux, France (since
        1992)", "Kaliningrad, Russia (cooperation suspended in March 2022)"): each line is a
        partner of the one place named before the colon, with the line's own status and date."""
        doc = ctx.doc
        last = _last_token(sent)
        triggers = [t for t in ctx.triggers_in(sent.start, sent.end) if t.strength != "weak"]
        hosts = {m.key: m for m in ctx.mentions_in(sent.start, sent.end)}
        if last is None or last.text != ":" or not triggers or len(hosts) != 1:
            return []
        (host,) = hosts.values()
        trigger = triggers[0]
        found = []
        for line in following:
            partner = _first_place(ctx, line)
            if partner is None:
                words = [t for t in line if not t.is_space and not t.is_punct]
                if len(words) <= 10 and not any(t.pos_ in ("VERB", "AUX") for t in words):
                    continue
                break
            if partner.key == host.key:
                break
            cues = ctx.statuses_in(line.start, line.end)
            status, status_rule, cap = self._step(cues, trigger)
            dates = event_dates.usable([d for d in ctx.dates if line.start_char <= d.start < line.end_char],
                                       status, doc)
            if dates and status_rule and cues:
                anchor = doc[cues[-1].start].idx
                dates = sorted(dates, key=lambda d: abs(d.start - anchor))
            found.append(Finding(host, partner, self.trigger_info[trigger.rule]["relation"], status,
                                 dates[0] if dates else None,
                                 [(sent.start_char, sent.end_char), (line.start_char, line.end_char)],
                                 round(STRENGTH_CONFIDENCE[trigger.strength] * 0.9, 3), line.start_char,
                                 [trigger.rule, "list-after-colon", *([status_rule] if status_rule else []),
                                  *partner.info.rules],
                                 capped=cap, strength=trigger.strength, cued=status_rule is not None))
        return found

    def _two_cities(self, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
                    earlier: list[Span]) -> list[Finding]:
        """"The two cities have been sister cities since 1971": the pair named just before."""
        doc = ctx.doc
        refs = [(m, s, e) for m, s, e in self.anaphors(doc[sent.start:sent.end])
                if self.vocab.strings[m] in self.pair_anaphors]
        if not refs or not earlier:
            return []
        noun = doc[sent.start + refs[0][2] - 1].lower_
        kind = "region" if noun in ("regions",) else "city" if noun in PLACE_PLURALS else None
        sent_status = ctx.statuses_in(sent.start, sent.end)
        trigger = self._licensing_trigger(triggers, sent_status, any(t.strength == "strong" for t in triggers))
        if trigger is None and kind is not None:
            trigger = next((t for t in triggers if t.strength == "medium"), None)
        if trigger is None or trigger.strength == "weak":
            return []
        before = ctx.mentions_in(earlier[0].start, sent.start)
        distinct: dict[str, Mention] = {}
        for m in before:
            if kind is None or m.info.kind == kind:
                distinct.setdefault(m.key, m)
        if len(distinct) != 2:
            for m in in_sent:
                if (kind is None or m.info.kind == kind) and not clauses.venue(doc, m, clauses.HUB_NOT_PARTNER):
                    distinct.setdefault(m.key, m)
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
        status, status_rule = _status(cues)
        date = event_dates.date_for(ctx, sent, (sent.start, sent.end), [(sent.start, sent.end)], cues or triggers, status)
        relation = self.trigger_info[trigger.rule]["relation"]
        confidence = round(STRENGTH_CONFIDENCE[trigger.strength] * 0.85, 3)
        evidence = [(earlier[-1].start_char, earlier[-1].end_char), (sent.start_char, sent.end_char)]
        return [Finding(a, b, relation, status, date, evidence, confidence, sent.start_char,
                        [trigger.rule, *([status_rule] if status_rule else []), "anaphor-the-two"],
                        strength=trigger.strength, cued=status_rule is not None)]

    def _hubs(self, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
              findings: list[Finding]) -> list[Finding]:
        """"X's sister cities include A, B and C", "its partnership with A", "The Latvian city has
        partner cities ...; among the oldest are A and B": one host, each place after the trigger
        its partner. Weaker pairs the clause rules made between two partners are dropped."""
        doc = ctx.doc
        hubs = [(t, *_host_token(doc, sent, t)) for t in triggers if t.strength != "weak"]
        hubs = [(t, token, how) for t, token, how in hubs if token is not None and (
            any(m.info.ext_start <= token < m.info.ext_end for m in in_sent)
            or self._host_ref(ctx, token, how) is not None
            or how == "hub-compound" and _named_before(doc, ctx.mentions, token))]
        segments = clauses.segments(doc, sent, [(m.info.ext_start, m.info.ext_end) for m in in_sent])
        appositives = [self._appositive(ctx, in_sent, token, how) for _, token, how in hubs]
        for n, (trigger, host_token, how) in enumerate(hubs):
            later = [seg.start for (other, _, _), apposed in zip(hubs[n + 1:], appositives[n + 1:])
                     for seg in segments if apposed is None and seg.start <= other.start < seg.end
                     and seg.start > trigger.end]
            limit = min(later, default=sent.end)
            explicit = next((m for m in in_sent if m.info.ext_start <= host_token < m.info.ext_end), None)
            if how == "hub-agent" and explicit is not None:
                continue
            trigger_end = doc[trigger.end - 1].idx
            appositive = appositives[n]
            partners = [m for m in in_sent if m.start > trigger_end and m.span.start < limit
                        and not clauses.venue(doc, m, clauses.HUB_NOT_PARTNER) and m is not explicit
                        and not clauses.institutional(doc, m, self.institutions)] if appositive is None else []
            if not partners and appositive is None:
                continue
            host, rules = explicit, [trigger.rule, how]
            if host is None and how == "hub-compound":
                host = _named_before(doc, ctx.mentions, host_token)
            if host is None:
                ref = self._host_ref(ctx, host_token, how)
                if ref is None:
                    continue
                nearest = clauses.groups(doc, partners)[0] if partners else [appositive]
                host = anaphora.resolve(doc, ref, ctx.mentions, {m.key for m in nearest})
                rules.append(ref.rule)
            if host is None:
                continue
            taken = {k for f in findings if f.strength == "strong" and host.key not in (f.a.key, f.b.key)
                     and f.trigger != trigger.start for k in (f.a.key, f.b.key)}
            partners = [m for m in partners if m.key != host.key and m.key not in taken]
            if appositive is not None and appositive.key != host.key and \
                    not any({f.a.key, f.b.key} == {host.key, appositive.key} for f in findings):
                findings.append(self._appositive_finding(ctx, sent, trigger, host, appositive, rules, segments))
            if not partners:
                continue
            keys = {m.key for m in partners}
            findings = [f for f in findings
                        if not ((f.strength != "strong" or f.trigger == trigger.start) and {f.a.key, f.b.key} <= keys)
                        and not ({f.a.key, f.b.key} - keys == {host.key} and len({f.a.key, f.b.key}) == 2)]
            findings.extend(self._hub_findings(ctx, sent, trigger, host, partners, rules, segments, limit))
        return findings

    def _appositive_finding(self, ctx: DocCues, sent: Span, trigger: Cue, host: Mention, partner: Mention,
                            rules: list[str], segments: list[clauses.Segment]) -> Finding:
        """"Poznań, Hanover's twin town in Poland, has offered ...": the apposition states the tie;
        the rest of the sentence is about the partner, so only the apposition gives status/date.
        (Used only when the clause rules found no pair: "... freeze contacts with Vyborg, its
        friendship city" keeps the main clause's status.)"""
        doc = ctx.doc
        seg = next((g for g in segments if g.start <= trigger.start < g.end), None)
        lo, hi = (seg.start, seg.end) if seg is not None else (trigger.start, trigger.end)
        cues = ctx.statuses_in(lo, hi)
        status, status_rule, cap = self._step(cues, trigger)
        dates = event_dates.usable([d for d in ctx.dates if doc[lo].idx <= d.start < clauses.char_end(doc, hi)], status, doc)
        return Finding(host, partner, self.trigger_info[trigger.rule]["relation"], status, dates[0] if dates else None,
                       [(sent.start_char, sent.end_char)], round(STRENGTH_CONFIDENCE[trigger.strength] * 0.9, 3),
                       sent.start_char, [*rules, "hub-apposition", *([status_rule] if status_rule else []),
                                         *partner.info.rules],
                       capped=cap, strength=trigger.strength, cued=status_rule is not None)

    def _appositive(self, ctx: DocCues, in_sent: list[Mention], token: int, how: str) -> Mention | None:
        """The place a possessive hub is in apposition to: "Poznań, Hanover's twin town" ->
        Poznań; "Brest in Brittany, its oldest partner, as well as ..." -> Brest. Such a hub
        states one tie and does not claim the places after it."""
        if how != "hub-possessive":
            return None
        explicit = next((m for m in in_sent if m.info.ext_start <= token < m.info.ext_end), None)
        ref = self.hosts.at(ctx.refs, token)
        start = explicit.info.ext_start if explicit is not None else ref.start if ref is not None else token
        if start < 1 or ctx.doc[start - 1].text != ",":
            return None
        return next((m for m in in_sent if m is not explicit and m.info.ext_end == start - 1), None)

    def _host_ref(self, ctx: DocCues, token: int, how: str) -> HostRef | None:
        """The host phrase at ``token``, if it may stand for a hub's host there."""
        ref = self.hosts.at(ctx.refs, token)
        if ref is None or ref.have_only and how != "hub-subject":
            return None
        return ref

    def _hub_findings(self, ctx: DocCues, sent: Span, trigger: Cue, host: Mention,
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

        def relative(seg: clauses.Segment) -> bool:
            return doc[seg.start].lower_ in clauses.RELATIVE_WORDS

        def in_segments(position: int, segs: list[clauses.Segment]) -> bool:
            return any(seg.start <= position < seg.end for seg in segs)

        def char_in_segments(char: int, segs: list[clauses.Segment]) -> bool:
            return any(doc[seg.start].idx <= char < clauses.char_end(doc, seg.end) for seg in segs)

        found = []
        for n, group in enumerate(groups):
            lo = group[0].span.start
            unit_end = next((hi for u_lo, hi in units if u_lo <= lo < hi), sent.end)
            hi = min(groups[n + 1][0].info.ext_start if n + 1 < len(groups) else sent.end, unit_end, limit)
            home = next((seg for seg in segments if seg.start <= lo < seg.end), None)
            if home is not None and relative(home):
                stretch = [seg for seg in segments if seg.start >= home.start and seg.end <= hi] or [home]
                cues = [c for c in ctx.statuses_in(home.start, hi) if in_segments(c.start, stretch)]
                dates = [d for d in ctx.dates if char_in_segments(d.start, stretch)]
                context_dates: list[DateMention] = []
            else:
                stretch = [seg for seg in segments if seg.end > lo and seg.start < hi
                           and not (relative(seg) and seg.start > lo)]
                governing = [c for c in ctx.statuses_in(trigger_unit[0], lo)
                             if not in_segments(c.start, [seg for seg in segments if relative(seg)])]
                cues = governing + [c for c in ctx.statuses_in(lo, hi) if in_segments(c.start, stretch)]
                dates = [d for d in ctx.dates if char_in_segments(d.start, stretch) and d.start >= doc[lo].idx]
                context_dates = [d for d in ctx.dates if sent.start_char <= d.start < doc[lo].idx
                                 and not char_in_segments(d.start, [seg for seg in segments if relative(seg)])]
            status, status_rule, cap = self._step(cues, trigger)
            own = event_dates.usable(dates, status, doc, cues)
            if not own and cues:
                anchor = doc[cues[-1].start].idx
                own = sorted(event_dates.usable(context_dates, status, doc), key=lambda d: abs(d.start - anchor))
            date = own[0] if own else None
            confidence = round(STRENGTH_CONFIDENCE[trigger.strength] * 0.9, 3)
            for partner in group:
                found.append(Finding(host, partner, self.trigger_info[trigger.rule]["relation"], status, date,
                                     [(sent.start_char, sent.end_char)], confidence, sent.start_char,
                                     [*rules, *([status_rule] if status_rule else []), *partner.info.rules],
                                     capped=cap, strength=trigger.strength, cued=status_rule is not None))
        return found

    def _implicit_host(self, ctx: DocCues, sent: Span, in_sent: list[Mention], triggers: list[Cue],
                       unit: tuple[int, int] | None = None,
                       stretch: tuple[int, int] | None = None) -> list[Finding]:
        """"Talks on a fourth agreement, with the Lithuanian capital Vilnius, began in November",
        "The link with Posoltega, Nicaragua, goes back to 1988": one partner after "with" (in the
        sentence, or in one clause of it), the other is the place the story is about. A tie noun
        right before "with X" needs no status cue. ``stretch`` (tokens) is where this partner's
        own date is read, when a clause lists several ("the one with X in 2011")."""
        doc = ctx.doc
        lo, hi = unit or (sent.start, sent.end)
        if len(in_sent) != 1:
            return []
        partner = in_sent[0]
        before = [t for t in triggers if t.start < partner.span.start]
        cues = ctx.statuses_in(lo, hi)
        trigger = self._licensing_trigger(before, cues, any(t.strength == "strong" for t in triggers)) or \
            next((t for t in before if t.strength == "medium" and self.trigger_info[t.rule]["relation"] == "twinning"
                  and clauses.tie_with(doc, t.end, partner)), None)
        if trigger is None or trigger.strength == "weak" or not clauses.after_with(doc, partner):
            return []
        host = anaphora.topic([m for m in ctx.mentions if m.start < sent.start_char and m.key != partner.key],
                              ctx.mentions)
        if host is None:
            return []
        status, status_rule, cap = self._step(cues, trigger)
        own = event_dates.usable([d for d in ctx.dates if stretch and doc[stretch[0]].idx <= d.start
                                  < clauses.char_end(doc, stretch[1])], status, doc, cues)
        date = own[0] if own else event_dates.date_for(ctx, sent, (lo, hi), [(lo, hi)], cues or [trigger], status)
        return [Finding(host, partner, self.trigger_info[trigger.rule]["relation"], status, date,
                        [(sent.start_char, sent.end_char)], round(STRENGTH_CONFIDENCE[trigger.strength] * 0.75, 3),
                        sent.start_char, [trigger.rule, *([status_rule] if status_rule else []), "implicit-host-with",
                                          *partner.info.rules], capped=cap, strength=trigger.strength,
                        cued=status_rule is not None, trigger=trigger.start)]

    def _step(self, cues: list[Cue], trigger: Cue) -> tuple[str, str | None, bool]:
        """Status, the rule that set it, and whether the trigger caps it: a trigger with a
        ``status`` ("memorandum of intent") fixes what the cues say, except a termination."""
        status, rule = _status(cues)
        cap = self.trigger_info[trigger.rule].get("status")
        if cap and status != "terminated":
            return cap, trigger.rule, True
        return status, rule, bool(cap)

    @staticmethod
    def _licensing_trigger(triggers: list[Cue], statuses: list[Cue], sentence_strong: bool) -> Cue | None:
        """The clause's best trigger, if its strength is enough in this context."""
        order = {"strong": 0, "medium": 1, "weak": 2}
        for cue in sorted(triggers, key=lambda c: order.get(c.strength, 3)):
            if cue.strength == "strong":
                return cue
            informative = [s for s in statuses if s.label != "established"]
            if cue.strength == "medium" and (informative or sentence_strong):
                return cue
            if cue.strength == "weak" and sentence_strong:
                return cue
        return None

    def _follow_up(self, ctx: DocCues, following: list[Span], found: list[Finding]) -> None:
        """"... decided to twin. The agreement is to be signed." -> the later sentence updates status;
        "The decision was taken on 28 February." -> it dates a tie that had no date."""
        doc = ctx.doc
        for sent in following:
            own = ctx.mentions_in(sent.start, sent.end)
            keys = {m.key for m in own}
            pair_keys = {f.a.key for f in found} | {f.b.key for f in found}
            if len(keys - pair_keys) >= 1 or len(own) >= 2 and not keys <= pair_keys:
                return
            refers = [self.vocab.strings[m] for m, s, e in self.anaphors(doc[sent.start:sent.end])]
            cues = [s for s in ctx.statuses_in(sent.start, sent.end) if s.label != "established"]
            sent_dates = [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char]
            if not refers:
                return
            if "anaphor-the-decision" in refers:
                for finding in found:
                    usable = event_dates.usable(sent_dates, finding.status, doc)
                    if finding.date is None and usable and finding.status != "established":
                        finding.date = usable[0]
                        finding.rules.extend(["anaphor-the-decision", "follow-up-sentence"])
                        finding.evidence.append((sent.start_char, sent.end_char))
            if not cues:
                if "anaphor-the-decision" not in refers:
                    return
                continue
            status, rule = _status(cues)
            anchor = doc[cues[0].start].idx
            usable = sorted(event_dates.usable(sent_dates, status, doc), key=lambda d: abs(d.start - anchor))
            for finding in found:
                if STATUS_RANK[status] < STATUS_RANK[finding.status] or finding.capped:
                    continue
                changed = status != finding.status
                finding.status, finding.cued = status, True
                finding.rules.extend([rule or "", "follow-up-sentence"])
                finding.evidence.append((sent.start_char, sent.end_char))
                if usable and (changed or finding.date is None):
                    finding.date = usable[0]

    def _records(self, doc: Doc, findings: list[Finding], source: Source) -> list[TwinningRecord]:
        merged: dict[frozenset[str], list[Finding]] = {}
        for finding in findings:
            if _own_region(finding.a, finding.b):
                continue
            key = frozenset((finding.a.key, finding.b.key))
            merged.setdefault(key, []).append(finding)
        records = []
        for group in merged.values():
            _inherit_cap(group)
            winner = max(group, key=lambda f: (f.cued, STATUS_RANK[f.status], f.date is not None, -f.position))
            date = winner.date or next((f.date for f in group if f.date and f.status == winner.status), None)
            evidence = sorted({_trimmed(doc, s, e) for f in group for s, e in f.evidence})
            parties = [_party(doc, winner.a), _party(doc, winner.b)]
            rules = list(dict.fromkeys(r for f in group for r in f.rules if r))
            records.append(TwinningRecord(
                id=record_id(source.id, sorted([winner.a.key, winner.b.key])),
                source=source,
                relation=winner.relation,
                status=winner.status,
                parties=parties,
                date=_date_info(date),
                evidence=[Evidence(_original(doc, s, e), s, e) for s, e in evidence],
                confidence=max(f.confidence for f in group),
                extractor=Provenance(version=__version__, model=self.model_name),
                rules=rules,
            ))
        return sorted(records, key=lambda r: (r.evidence[0].start, r.parties[0].start, r.parties[1].start))

    def to_disk(self, path, exclude: Iterable[str] = ()) -> None:
        """Save the rules in use, so a packaged pipeline carries its own patterns."""
        from pathlib import Path

        import srsly

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns.to_dict())

    def from_disk(self, path, exclude: Iterable[str] = ()) -> "TwinExtractor":
        from pathlib import Path

        import srsly

        self.set_patterns(PatternSet.from_dict(srsly.read_json(Path(path) / "patterns.json")))
        return self


def _own_region(a: Mention, b: Mention) -> bool:
    """A city and the region it lies in ("Odesa and the Odesa region") are not a tie; a city
    with another region of its country can be ("Uzhhorod and Donetsk Oblast")."""
    if {a.info.kind, b.info.kind} != {"city", "region"} or a.info.country != b.info.country:
        return False
    return a.info.admin1 is None or b.info.admin1 is None or a.info.admin1 == b.info.admin1


def _host_token(doc: Doc, sent: Span, trigger: Cue) -> tuple[int | None, str]:
    """The token naming whose tie a trigger is: "Kyiv's / the city's / its [new] sister cities",
    or the subject of "X has partner cities"."""
    i = trigger.start - 1
    skipped = 0
    while i > sent.start and skipped < 3 and (doc[i].lower_ in HUB_MODIFIERS or doc[i].pos_ in ("NUM", "ADJ")
                                              or doc[i].dep_ == "amod" and doc[i].is_lower):
        i -= 1
        skipped += 1
    if i > sent.start and doc[i].text in {"'s", "’s", "'", "’"}:
        return i - 1, "hub-possessive"
    if i >= sent.start and doc[i].lower_ == "its":
        return i, "hub-possessive"
    if i >= sent.start and doc[i].text[:1].isupper() and doc[i].dep_ == "compound" and doc[i].head.i >= trigger.start:
        while i > sent.start and doc[i - 1].text[:1].isupper() and doc[i - 1].dep_ == "compound":
            i -= 1
        return i, "hub-compound"
    head = doc[trigger.end - 1]
    while head.dep_ in ("compound", "amod") and head.head.i > head.i:
        head = head.head
    verb = head if head.pos_ == "VERB" else head.head
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject or not (head is verb or head.dep_ in ("dobj", "attr", "obj")):
        return None, ""
    return subject[0].i, "hub-subject" if verb.lemma_ in HAVE_VERBS else "hub-agent"


def _ending_something_else(doc: Doc, cue: Cue, triggers: list[Cue]) -> bool:
    """"The meeting ended, shortly before eleven, with a vote on a partnership": "end" with no
    object and no tie as its subject ends something else."""
    token = doc[cue.start]
    if cue.label != "terminated" or token.lemma_ != "end" or token.pos_ != "VERB":
        return False
    if any(child.dep_ in ("dobj", "obj") for child in token.children):
        return False
    subjects = [t.i for child in token.children if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree]
    return not any(t.start <= i < t.end for t in triggers for i in subjects)


def _planned_signing(doc: Doc, cue: Cue) -> Cue:
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


def _starts_with_place(ctx: DocCues, sent: Span) -> bool:
    """Does the sentence start a line with a place ("Pskov, Russia (...)")?"""
    return _starts_line(ctx.doc, sent) and _first_place(ctx, sent) is not None


def _starts_line(doc: Doc, sent: Span) -> bool:
    return sent.start_char == 0 or clauses.text_of(doc)[sent.start_char - 1] == "\n"


def _first_place(ctx: DocCues, sent: Span) -> Mention | None:
    """The party place the sentence's first word belongs to, if any."""
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None:
        return None
    return next((m for m in ctx.mentions_in(sent.start, sent.end)
                 if m.info.ext_start <= first.i < m.info.ext_end), None)


def _last_token(sent: Span) -> Token | None:
    """The sentence's last token that is not a space (a sentence may carry the line breaks
    after it)."""
    return next((t for t in reversed(sent) if not t.is_space), None)


def _colon_list_lines(doc: Doc, sentences: list[Span]) -> set[int]:
    """Sentences that are lines of a list introduced by "... twinned with:" (until a blank line)."""
    text = clauses.text_of(doc)
    lines: set[int] = set()
    in_list = False
    for k, sent in enumerate(sentences):
        if k and text[sentences[k - 1].end_char:sent.start_char].count("\n") > 1:
            in_list = False
        elif in_list:
            lines.add(k)
        last = _last_token(sent)
        if last is not None and last.text == ":":
            in_list = True
    return lines


def _text_end(sent: Span) -> int:
    """Where the sentence's last word ends."""
    last = _last_token(sent)
    return last.idx + len(last.text) if last is not None else sent.start_char


def _entry_year(entry: Span) -> list[DateMention]:
    """A bare year in an entry line ("Modesto, California (USA), 1995."): in running text a
    year needs a cue word, but an entry line is a label, and its year is when the tie began."""
    for token in entry:
        if token.like_num and len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2099:
            return [DateMention(token.text, token.idx, token.idx + 4, token.text, "year", "year")]
    return []


def _named_before(doc: Doc, mentions: list[Mention], token: int) -> Mention | None:
    """"The Rochester International Sister Cities program": a name inside a longer name is not a
    place mention of its own, but it names a place the story mentioned before."""
    for length in (3, 2, 1):
        key = fold(doc[token:token + length].text)
        found = [m for m in mentions if m.span.start < token and fold(m.span.text) == key]
        if found:
            return found[-1]
    return None


def _elliptic(doc: Doc, lo: int, hi: int, statuses: list[Cue], previous: list[Cue]) -> bool:
    """"... and Kalush signed one with Tarnów": a clause that repeats the previous predicate."""
    if any(t.lower_ in PRO_FORMS for t in doc[lo:hi]):
        return True
    labels = {c.label for c in previous if c.label != "established"}
    return any(c.label in labels for c in statuses)


def _share_date(findings: list[Finding]) -> None:
    """Coordinated clauses of one predicate share the one date they state."""
    dated = {(f.date.start, f.date.value): f.date for f in findings if f.date is not None}
    if len(dated) == 1:
        (date,) = dated.values()
        for f in findings:
            if f.date is None:
                f.date = date


def _inherit_cap(group: list[Finding]) -> None:
    """"They signed a memorandum of intent ... The memorandum was signed online": a later, vaguer
    mention of the same document cannot lift the pair above the capped status."""
    capped = [f for f in group if f.capped]
    if not capped:
        return
    for f in group:
        if not f.capped and f.strength != "strong" and f.status != "terminated":
            f.status, f.capped = capped[0].status, True


def _status(cues: list[Cue]) -> tuple[str, str | None]:
    """Termination wins; else the first future/intent cue; else signed; else established."""
    for label in ("terminated",):
        found = [c for c in cues if c.label == label]
        if found:
            return label, found[0].rule
    intent = [c for c in cues if c.label in ("pending", "proposed")]
    if intent:
        return intent[0].label, intent[0].rule
    signed = [c for c in cues if c.label == "signed"]
    if signed:
        return "signed", signed[0].rule
    return "established", None


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """An evidence span without the line breaks and blanks a sentence carries at its end (read on
    the doc's own text, where a passage the pre-filter skipped is blank)."""
    return start, start + len(clauses.text_of(doc)[start:end].rstrip())


def _original(doc: Doc, start: int, end: int) -> str:
    """The article's own text at these offsets: a pre-filtered doc has blanked passages, and an
    evidence span may reach over one."""
    full, offset = doc._.twin_full_text, doc._.twin_offset or 0
    if full is None:
        return clauses.text_of(doc)[start:end]
    return full[offset + start:offset + end]


def _party(doc: Doc, mention: Mention) -> Party:
    info = mention.info
    return Party(text=mention.span.text, name=info.name, type=info.kind, country=info.country,
                 country_name=info.country_name, subdivision=info.subdivision,
                 geonames_id=info.geonames_id, start=mention.span.start_char, end=mention.span.end_char)


def _date_info(date: DateMention | None) -> DateInfo | None:
    if date is None or not date.value or not date.precision:
        return None
    return DateInfo(text=date.text, value=date.value, precision=date.precision,
                    start=date.start, end=date.end)


@Language.factory(
    "twin_extractor",
    default_config={"patterns": None, "model_name": "", "followup_sentences": FOLLOWUP_SENTENCES},
    assigns=["doc._.twinnings"],
    requires=["doc.spans", "doc.sents"],
)


def make_twin_extractor(nlp: Language, name: str, patterns: str | None, model_name: str,
                        followup_sentences: int) -> TwinExtractor:
    """``nlp.add_pipe("twin_extractor")`` after ``twin_places``: records on ``doc._.twinnings``."""
    return TwinExtractor(nlp, name, patterns=patterns, model_name=model_name,
                         followup_sentences=followup_sentences)
