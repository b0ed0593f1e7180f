"""The ``twin_extractor`` component: place mentions + trigger and status cues -> twinning records.

Thin by design (like spaCy's ``span_ruler``): it matches the cues once per Doc, runs the rule
families of ``rules/`` in a fixed order and leaves the merged records on ``doc._.twinnings``.
How a sentence becomes pairs:
1. ``rules.clause_pairs``: the sentence is cut into clauses (``clauses.py``); a clause with a
   licensing trigger (strong alone, medium with a status cue or a strong trigger in the
   sentence, weak only beside a strong one) pairs its place lists ("X, Y and Z");
2. ``rules.hubs``: a trigger owned by one place ("Kyiv's sister cities", "its partnership with
   X") pairs that place with each place after it; "the city's" is resolved by ``anaphora.py``;
3. ``rules.implicit_host``: a lone "... with X" partner pairs with the story's place;
4. ``rules.lists``: one partner per line, after a colon or on a partner page;
5. ``rules.followups``: "the two cities"; later sentences that update status or date;
6. ``rules.merge``: precedence between the families, then one record per pair per document
   (the latest stated step, with all evidence kept).
Status comes from ``rules.status``, dates from ``event_dates.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from .boilerplate import link_blocks
from . import event_dates
from .clauses import finite_verb, text_of
from .cues import DocCues
from .dates import page_date
from .extensions import register_extensions
from .patterns import PatternSet, shared_patterns
from .places import SPAN_KEY, party_mentions
from .record import Source
from .rules import clause_pairs, country_cuts, followups, hubs, implicit_host, lists, merge
from .rules.findings import Finding
from .rules.lexicon import Lexicon
from .rules.status import (decided_proposals, decisions_on_other_things, ending_something_else, held_documents, invited_people,
                           conditional_signings, decisions_ahead, denied_ties, later_signings, refused_ties, withdrawn_proposals,
                           planned_signing, proposed_endings, renewed_ties, unreal_endings)

FOLLOWUP_SENTENCES = 2
DECISION_REACH = 3
"""How many sentences back "the resolution" may find the sentence that reported it being made."""
FURNITURE_WORDS = 8
"""A page's byline or date line ("Kim Min-ji", "Published 2023.05.09 15:20") is short."""


def _furniture(ctx: DocCues, sent: Span) -> bool:
    """A line of page furniture between a headline and its story: a byline or a date line, a few
    words with no place, no tie word, no status word and no finite verb. Sentences are counted
    past it when a follow-up or "the two cities" looks back to the headline."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    text = text_of(ctx.doc)
    line_start = sent.start_char
    while line_start > 0 and text[line_start - 1] in " \t":
        line_start -= 1
    whole_line = line_start > 0 and text[line_start - 1] == "\n" and "\n" in text[sent.start_char:sent.end_char + 1]
    return 0 < len(words) <= FURNITURE_WORDS and whole_line and \
        not ctx.mentions_in(sent.start, sent.end) and not ctx.triggers_in(sent.start, sent.end) and \
        not ctx.statuses_in(sent.start, sent.end) and not any(finite_verb(t) for t in words)


class TwinExtractor:
    """Turns ``doc.spans["twin_places"]`` plus cue matches into ``doc._.twinnings``: match the
    cues once (``cues``), run the rule families (``_findings``), merge (``rules.merge``)."""

    def __init__(self, nlp: Language, name: str, patterns: str | None = None,
                 model_name: str = "", followup_sentences: int = FOLLOWUP_SENTENCES) -> None:
        register_extensions()
        self.name = name
        self.vocab = nlp.vocab
        self.model_name = model_name or f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}"
        self.followup_sentences = followup_sentences
        self.set_patterns(shared_patterns(patterns))

    def set_patterns(self, patterns: PatternSet) -> None:
        self.patterns = patterns
        self.lexicon = Lexicon.from_patterns(self.vocab, patterns)
        rows = patterns["boilerplate"]
        self.link_markers = [r["line"] for r in rows if r.get("block") and not r.get("alone")]
        self.heading_markers = [r["line"] for r in rows if r.get("block") and r.get("alone")]
        self.line_markers = [r["line"] for r in rows if not r.get("block")]

    def __call__(self, doc: Doc) -> Doc:
        source: Source = doc._.twin_source or Source(id="doc")
        ctx = self.cues(doc)
        doc._.twinnings = merge.records(doc, self._findings(ctx), source, self.model_name,
                                        event_dates.story_dates(ctx), event_dates.dateline_date(ctx),
                                        event_dates.adoption_date(ctx))
        return doc

    def cues(self, doc: Doc) -> DocCues:
        """Everything the families read, found once per document: places, trigger and status cues
        (less those a blocker, a date, a place's name ("Broken Hill") or another sense of "end" rules out), dates up to
        publication (the page's own date line when none was given), host phrases. Public so tests see exactly what the rules see."""
        lex = self.lexicon
        source: Source = doc._.twin_source or Source(id="doc")
        published = source.published or page_date(doc._.twin_full_text or text_of(doc))
        triggers = denied_ties(doc, lex.trigger_cues(doc))
        all_dates = event_dates.resolved_dates(doc, published)
        names = [(s.start, s.end) for s in doc.spans.get(SPAN_KEY, [])]
        statuses = [planned_signing(doc, c) for c in renewed_ties(doc, lex.status_cues(doc))
                    if not event_dates.inside_date(doc, c, all_dates) and not ending_something_else(doc, c, triggers)
                    and not any(lo <= c.start < hi for lo, hi in names)]
        statuses = held_documents(doc, statuses)
        statuses = refused_ties(doc, withdrawn_proposals(doc, statuses), triggers, lex.refusing)
        statuses = proposed_endings(doc, statuses, lex.voiding, triggers)
        statuses = unreal_endings(doc, statuses)
        statuses = decided_proposals(doc, statuses)
        statuses = later_signings(doc, statuses)
        statuses = invited_people(doc, statuses, triggers)
        statuses = decisions_on_other_things(doc, statuses, triggers)
        statuses = conditional_signings(doc, decisions_ahead(doc, statuses))
        mentions = party_mentions(doc)
        return DocCues(doc, mentions, triggers, statuses,
                       [d for d in all_dates if not event_dates.is_future(d, published)],
                       lex.hosts.find(doc, mentions))

    def _findings(self, ctx: DocCues) -> list[Finding]:
        """Sentence by sentence (not those of a related-links block): a "Twin cities: A, B" label line (partners of the page's place), else the sentence's own pairs, else a list after its colon (partners of
        one host, or one pair per line), else the partners a "They are ..." sentence lists; then the follow-up sentences and the reporting
        clause; partner-page entries last."""
        findings: list[Finding] = []
        blocks = link_blocks(text_of(ctx.doc), self.link_markers, self.line_markers, self.heading_markers)
        sentences = [s for s in ctx.doc.sents if not any(lo <= s.start_char < hi for lo, hi in blocks)]
        story = [k for k, sent in enumerate(sentences) if not _furniture(ctx, sent)]
        previous: list[Finding] = []
        for k, sent in enumerate(sentences):
            labelled = lists.labelled_line(self.lexicon, ctx, sent)
            before = [sentences[j] for j in story if j < k][-2:]
            found = labelled if labelled is not None else \
                self._sentence(ctx, sent, before, findings) or \
                lists.listed_after_colon(self.lexicon, ctx, sent, sentences[k + 1:]) or \
                lists.pair_lines(self.lexicon, ctx, sent, sentences[k + 1:]) or \
                lists.announced_in_next(self.lexicon, ctx, sent, sentences[k + 1] if k + 1 < len(sentences) else None) or \
                followups.next_partners(self.lexicon, ctx, sent, previous)
            if found:
                followups.follow_up(self.lexicon, ctx, [sentences[j] for j in story if j > k][:self.followup_sentences],
                                    found)
                followups.decided_before(self.lexicon, ctx, sent, sentences[max(0, k - DECISION_REACH):k], found)
                followups.report_date(ctx, sent, found)
            findings.extend(found)
            if k in story:
                previous = found
        entries = lists.partner_entries(self.lexicon, ctx, sentences)
        return country_cuts.applied(self.lexicon, ctx, sentences, merge.entries_supersede(findings, entries) + entries)

    def _sentence(self, ctx: DocCues, sent: Span, earlier: list[Span], so_far: list[Finding]) -> list[Finding]:
        """A sentence naming two places or more: clause pairs, then hubs over them. With fewer:
        "the two cities", else a hub with a resolved host, else an implicit host."""
        lex = self.lexicon
        in_sent = ctx.mentions_in(sent.start, sent.end)
        triggers = ctx.triggers_in(sent.start, sent.end)
        if not triggers:
            return []
        if len(in_sent) < 2:
            return followups.two_cities(lex, ctx, sent, in_sent, triggers, earlier, merge.sole_partners(so_far)) or \
                hubs.findings(lex, ctx, sent, in_sent, triggers, []) or \
                implicit_host.findings(lex, ctx, sent, in_sent, triggers)
        found = hubs.findings(lex, ctx, sent, in_sent, triggers, clause_pairs.findings(lex, ctx, sent, in_sent, triggers))
        return clause_pairs.fronted_additions(ctx, sent, in_sent, found)

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Save the rules in use, so a packaged pipeline carries its own patterns."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns.to_dict())

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> "TwinExtractor":
        self.set_patterns(PatternSet.from_dict(srsly.read_json(Path(path) / "patterns.json")))
        return self


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
