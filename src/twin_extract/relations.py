"""The ``twin_extractor`` component: place mentions + trigger and status cues -> twinning records.

How a sentence becomes pairs:
1. split it into clauses at commas/"and"/";" (a clause holds one predicate; bare noun-phrase
   segments join the clause they belong to: a subject list before "X and Y are ...", an object
   list after "... with X, Y and Z");
2. keep clauses that carry a trigger (strong alone, medium with a status cue or a strong trigger
   elsewhere in the sentence, weak only beside a strong trigger);
3. group the clause's places into lists by what stands between them ("X, Y and Z") and pair
   the two lists (one list of two is a pair: "the cities of X and Y");
4. status from the clause's cues, date from the clause (else the sentence's fronted date);
   a following sentence that refers back ("The agreement is to be signed.") updates both.
Within a document one record per pair survives: the latest step, with all evidence kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .about import __version__
from .dates import DateMention, find_dates
from .extensions import register_extensions
from .patterns import PatternSet, load_patterns
from .places import SPAN_KEY, PlaceInfo
from .record import (DateInfo, Extractor, Party, Source, Span as EvidenceSpan, TwinningRecord,
                     place_key, record_id)

STATUS_RANK = {"proposed": 1, "pending": 2, "established": 3, "signed": 3, "terminated": 4}
"""How far a tie got; a document's later step wins when two mentions disagree."""
STRENGTH_CONFIDENCE = {"strong": 0.95, "medium": 0.8, "weak": 0.65}
BOUNDARY_WORDS = {"and", "but", "while", "whereas", "or"}
RELATIVE_WORDS = {"which", "who", "that", "whose", "whom", "where"}
LIST_GLUE = re.compile(r"^\s*(?:,\s*)?(?:(?:and|&|or|as well as)\s+)?$", re.IGNORECASE)
FOLLOWUP_SENTENCES = 2


@dataclass
class Cue:
    """A matched trigger or status phrase, with the rule id that produced it."""

    rule: str
    start: int
    end: int
    label: str
    strength: str = ""


@dataclass
class Mention:
    """A party-capable place in a sentence, with its character extent."""

    span: Span
    info: PlaceInfo

    @property
    def start(self) -> int:
        return self.span.doc[self.info.ext_start].idx

    @property
    def end(self) -> int:
        last = self.span.doc[self.info.ext_end - 1]
        return last.idx + len(last.text)

    @property
    def key(self) -> str:
        info = self.info
        return place_key(info.kind, info.subdivision, info.geonames_id, info.country, info.name)


@dataclass
class Segment:
    start: int
    end: int
    boundary: str
    has_verb: bool = False
    verb_first: bool = False
    subject_first: bool = False
    relative: bool = False


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
        self.trigger_info: dict[str, dict] = {}
        for row in patterns["triggers"]:
            self.triggers.add(row["id"], [row["pattern"]])
            self.trigger_info[row["id"]] = row
        self.status = Matcher(self.vocab)
        self.status_info: dict[str, dict] = {}
        for row in patterns["status"]:
            self.status.add(row["id"], [row["pattern"]])
            self.status_info[row["id"]] = row
        self.anaphors = Matcher(self.vocab)
        for row in patterns["anaphors"]:
            self.anaphors.add(row["id"], [row["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        source: Source = doc._.twin_source or Source(id="doc")
        triggers = self._cues(doc, self.triggers, self.trigger_info, "relation")
        dates = _resolved_dates(doc, source.published)
        statuses = [c for c in self._cues(doc, self.status, self.status_info, "status")
                    if not _inside_date(doc, c, dates)]
        mentions = [Mention(s, s._.place) for s in doc.spans.get(SPAN_KEY, []) if s._.place.is_party]
        findings: list[Finding] = []
        sentences = list(doc.sents)
        for k, sent in enumerate(sentences):
            earlier = sentences[max(0, k - 2):k]
            found = self._sentence(doc, sent, mentions, triggers, statuses, dates, earlier)
            if found:
                self._follow_up(doc, sentences[k + 1:k + 1 + self.followup_sentences],
                                found, mentions, statuses, dates)
            findings.extend(found)
        doc._.twinnings = self._records(doc, findings, source)
        return doc

    def _cues(self, doc: Doc, matcher: Matcher, info: dict[str, dict], label_key: str) -> list[Cue]:
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in matcher(doc)])
        cues = []
        for span in spans:
            row = info[span.label_]
            cues.append(Cue(row["id"], span.start, span.end, row[label_key], row.get("strength", "")))
        return sorted(cues, key=lambda c: c.start)

    def _sentence(self, doc: Doc, sent: Span, mentions: list[Mention], triggers: list[Cue],
                  statuses: list[Cue], dates: list[DateMention], earlier: list[Span]) -> list[Finding]:
        in_sent = [m for m in mentions if sent.start <= m.span.start < sent.end]
        sent_triggers = [t for t in triggers if sent.start <= t.start < sent.end]
        if not sent_triggers:
            return []
        if len(in_sent) < 2:
            return self._two_cities(doc, sent, in_sent, mentions, sent_triggers, statuses, dates, earlier)
        has_strong = any(t.strength == "strong" for t in sent_triggers)
        findings = []
        units = _clauses(doc, sent, in_sent)
        for n, (lo, hi) in enumerate(units):
            unit_mentions = [m for m in in_sent if lo <= m.span.start < hi]
            unit_triggers = [t for t in sent_triggers if lo <= t.start < hi]
            unit_status = [s for s in statuses if lo <= s.start < hi]
            trigger = self._licensing_trigger(unit_triggers, unit_status, has_strong)
            if trigger is None or len(unit_mentions) < 2:
                continue
            pairs, ambiguity = _pair(doc, unit_mentions)
            if not pairs:
                continue
            status, status_rule = _status(unit_status, unit_triggers)
            cap = self.trigger_info[trigger.rule].get("status")
            if cap and status != "terminated":
                status, status_rule = cap, trigger.rule
            date = _date_for(doc, sent, (lo, hi), units, dates, unit_status or unit_triggers)
            relation = "twinning" if any(self.trigger_info[t.rule]["relation"] == "twinning"
                                         and t.strength != "weak" for t in unit_triggers) \
                else trigger and self.trigger_info[trigger.rule]["relation"]
            base = STRENGTH_CONFIDENCE[trigger.strength] - ambiguity
            for a, b in pairs:
                confidence = base * min(a.info.evidence, 1.0) ** 0.5 * min(b.info.evidence, 1.0) ** 0.5
                rules = [trigger.rule, *([status_rule] if status_rule else []), "clause-split",
                         *a.info.rules, *b.info.rules]
                findings.append(Finding(a, b, relation, status, date, [(sent.start_char, sent.end_char)],
                                        round(confidence, 3), sent.start_char, rules, capped=bool(cap)))
        return findings

    def _two_cities(self, doc: Doc, sent: Span, in_sent: list[Mention], mentions: list[Mention],
                    triggers: list[Cue], statuses: list[Cue], dates: list[DateMention],
                    earlier: list[Span]) -> list[Finding]:
        """"The two cities have been sister cities since 1971": the pair named just before."""
        refs = [(m, s, e) for m, s, e in self.anaphors(doc[sent.start:sent.end])
                if self.vocab.strings[m] == "anaphor-the-two"]
        trigger = self._licensing_trigger(triggers, [c for c in statuses if sent.start <= c.start < sent.end],
                                          any(t.strength == "strong" for t in triggers))
        if not refs or trigger is None or trigger.strength == "weak" or not earlier:
            return []
        before = [m for m in mentions if earlier[0].start <= m.span.start < sent.start]
        distinct: dict[str, Mention] = {}
        for m in before + in_sent:
            distinct.setdefault(m.key, m)
        if len(distinct) != 2:
            return []
        a, b = distinct.values()
        anchor = refs[0][1] + sent.start
        unit = next(((lo, hi) for lo, hi in _clauses(doc, sent, in_sent) if lo <= anchor < hi),
                    (sent.start, sent.end))
        cues = [c for c in statuses if unit[0] <= c.start < unit[1]]
        status, status_rule = _status(cues, triggers)
        date = _date_for(doc, sent, (sent.start, sent.end), [(sent.start, sent.end)], dates, cues or triggers)
        relation = self.trigger_info[trigger.rule]["relation"]
        confidence = round(STRENGTH_CONFIDENCE[trigger.strength] * 0.85, 3)
        evidence = [(earlier[-1].start_char, earlier[-1].end_char), (sent.start_char, sent.end_char)]
        return [Finding(a, b, relation, status, date, evidence, confidence, sent.start_char,
                        [trigger.rule, *([status_rule] if status_rule else []), "anaphor-the-two"])]

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

    def _follow_up(self, doc: Doc, following: list[Span], found: list[Finding],
                   mentions: list[Mention], statuses: list[Cue], dates: list[DateMention]) -> None:
        """"... decided to twin. The agreement is to be signed." -> the later sentence updates status."""
        for sent in following:
            own = [m for m in mentions if sent.start <= m.span.start < sent.end]
            keys = {m.key for m in own}
            pair_keys = {f.a.key for f in found} | {f.b.key for f in found}
            if len(keys - pair_keys) >= 1 or len(own) >= 2 and not keys <= pair_keys:
                return
            refers = [(m, s, e) for m, s, e in self.anaphors(doc[sent.start:sent.end])]
            cues = [s for s in statuses if sent.start <= s.start < sent.end and s.label != "established"]
            if not refers or not cues:
                return
            status, rule = _status(cues, [])
            anchor = doc[cues[0].start].idx
            sent_dates = sorted((d for d in dates if sent.start_char <= d.start < sent.end_char),
                                key=lambda d: abs(d.start - anchor))
            for finding in found:
                if STATUS_RANK[status] < STATUS_RANK[finding.status] or finding.capped:
                    continue
                changed = status != finding.status
                finding.status = status
                finding.rules.extend([rule or "", "follow-up-sentence"])
                finding.evidence.append((sent.start_char, sent.end_char))
                if sent_dates and (changed or finding.date is None):
                    finding.date = sent_dates[0]

    def _records(self, doc: Doc, findings: list[Finding], source: Source) -> list[TwinningRecord]:
        merged: dict[frozenset[str], list[Finding]] = {}
        for finding in findings:
            key = frozenset((finding.a.key, finding.b.key))
            merged.setdefault(key, []).append(finding)
        records = []
        for group in merged.values():
            winner = max(group, key=lambda f: (STATUS_RANK[f.status], f.date is not None, -f.position))
            date = winner.date or next((f.date for f in group if f.date and f.status == winner.status), None)
            evidence = sorted({span for f in group for span in f.evidence})
            parties = [_party(doc, winner.a), _party(doc, winner.b)]
            rules = list(dict.fromkeys(r for f in group for r in f.rules if r))
            records.append(TwinningRecord(
                id=record_id(source.id, sorted([winner.a.key, winner.b.key])),
                source=source,
                relation=winner.relation,
                status=winner.status,
                parties=parties,
                date=_date_info(date),
                evidence=[EvidenceSpan(doc.text[s:e], s, e) for s, e in evidence],
                confidence=max(f.confidence for f in group),
                extractor=Extractor(version=__version__, model=self.model_name),
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


def _segments(doc: Doc, sent: Span, protected: list[tuple[int, int]]) -> list[Segment]:
    """Cut the sentence at commas, semicolons and coordinating words outside place extents."""
    def is_protected(i: int) -> bool:
        return any(lo <= i < hi for lo, hi in protected)

    segments: list[Segment] = []
    start, boundary, depth = sent.start, "", 0
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        depth += tok.text == "("
        depth -= tok.text == ")" and depth > 0
        cut = not depth and not is_protected(i) and (tok.text in {",", ";", ":"} or tok.lower_ in BOUNDARY_WORDS)
        if cut:
            if i > start:
                segments.append(Segment(start, i, boundary))
                boundary = ""
            boundary = (boundary + " " + tok.lower_).strip()
            start = i + 1
        i += 1
    if start < sent.end:
        segments.append(Segment(start, sent.end, boundary))
    return segments


def _describe(doc: Doc, seg: Segment, mentions: list[Mention]) -> Segment:
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    verbs = [t.i for t in doc[seg.start:seg.end]
             if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
             and not any(lo <= t.i < hi for lo, hi in protected)]
    places = [m.info.ext_start for m in mentions if seg.start <= m.info.ext_start < seg.end]
    seg.has_verb = bool(verbs)
    if verbs:
        content = [t for t in doc[seg.start:seg.end] if t.pos_ not in ("ADV", "PUNCT", "CCONJ", "SPACE")]
        seg.verb_first = bool(content) and content[0].i in verbs
        seg.subject_first = bool(places) and places[0] < verbs[0]
    seg.relative = doc[seg.start].lower_ in RELATIVE_WORDS
    return seg


def _clauses(doc: Doc, sent: Span, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Token ranges of the sentence's clauses (see the module docstring, step 1)."""
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    segments = [_describe(doc, s, mentions) for s in _segments(doc, sent, protected)]
    units: list[list[Segment]] = []
    waiting: list[Segment] = []
    for seg in segments:
        if not seg.has_verb:
            waiting.append(seg)
            continue
        if units and (seg.verb_first or seg.relative):
            units[-1].extend(waiting + [seg])
        elif waiting and units and not (seg.subject_first and "," not in seg.boundary):
            units[-1].extend(waiting)
            units.append([seg])
        else:
            units.append(waiting + [seg])
        waiting = []
    if waiting:
        if units:
            units[-1].extend(waiting)
        else:
            units.append(waiting)
    return [(u[0].start, u[-1].end) for u in units]


def _pair(doc: Doc, mentions: list[Mention]) -> tuple[list[tuple[Mention, Mention]], float]:
    """Group places into lists by what stands between them, then pair the lists."""
    groups: list[list[Mention]] = [[mentions[0]]]
    for prev, cur in zip(mentions, mentions[1:]):
        between = doc.text[prev.end:cur.start]
        if LIST_GLUE.match(between) and cur.start >= prev.end:
            groups[-1].append(cur)
        else:
            groups.append([cur])
    if len(groups) == 1:
        if len(groups[0]) == 2:
            return [(groups[0][0], groups[0][1])], 0.0
        return [], 0.0
    penalty = 0.0 if len(groups) == 2 else 0.2
    first, second = groups[0], groups[1]
    pairs = [(a, b) for a in first for b in second if a.key != b.key]
    return pairs, penalty


def _status(cues: list[Cue], triggers: list[Cue]) -> tuple[str, str | None]:
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


def _date_for(doc: Doc, sent: Span, unit: tuple[int, int], units: list[tuple[int, int]],
              dates: list[DateMention], anchors: list[Cue]) -> DateMention | None:
    """The clause's own date (closest to its cue), else a date fronted before the first clause."""
    lo_char = doc[unit[0]].idx
    hi_char = doc[unit[1] - 1].idx + len(doc[unit[1] - 1].text)
    own = [d for d in dates if lo_char <= d.start < hi_char]
    if not own:
        first = doc[units[0][0]].idx if units else sent.start_char
        own = [d for d in dates if sent.start_char <= d.start < max(first, sent.start_char)]
        if not own and units and units[0] == unit:
            return None
    if not own:
        return None
    if anchors:
        anchor = doc[anchors[0].start].idx
        return min(own, key=lambda d: abs(d.start - anchor))
    return own[0]


def _inside_date(doc: Doc, cue: Cue, dates: list[DateMention]) -> bool:
    """"until the end of October" is a date, not the end of a partnership."""
    start = doc[cue.start].idx
    return any(d.start <= start < d.end for d in dates)


def _resolved_dates(doc: Doc, published: str | None) -> list[DateMention]:
    """Dates of the doc, read on the full original text so a year stated earlier still counts.

    The pipeline may hand over a pre-filtered text (blanked passages) or one chunk of a long
    article; ``doc._.twin_full_text`` then holds the original text up to the chunk's end and
    ``doc._.twin_offset`` where the chunk starts in it.
    """
    full, offset = doc._.twin_full_text, doc._.twin_offset or 0
    if full is None:
        return [d for d in find_dates(doc.text, published) if d.value]
    return [replace(d, start=d.start - offset, end=d.end - offset)
            for d in find_dates(full, published) if d.value and d.start >= offset]


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
