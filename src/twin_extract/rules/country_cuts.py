"""Ties ended by country: "Dnipro severs ties with its sister cities in Russia" names no partner;
the partners the story lists elsewhere ("Krasnoyarsk and Samara (Russia)") are the ties it ends.

Since 2022 most reports of cut ties read this way: the decision speaks of "its Russian sister
cities", and a list of all the host's partners, old and cut alike, follows or comes before.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..cues import DocCues
from ..places import SPAN_KEY
from .findings import Finding
from .lexicon import Lexicon

RULE = "country-cut"
CUTTABLE = frozenset({"established", "signed"})
"""Steps a cut by country ends; a tie still proposed or pending was never made."""
FUTURE = frozenset({"will", "would", "shall", "should", "could", "may", "might", "to"})
DECIDING = frozenset({"vote", "decide", "agree", "resolve", "move", "choose", "opt"})
"""Verbs whose past makes the cut they govern done: "the council voted to break off relations"."""
HEADLINE_FORMS = frozenset({"severs", "suspends", "terminates", "dissolves", "freezes", "rescinds", "revokes"})
"""A headline's verb the tagger reads as a plural noun ("Dnipro severs ties with ...")."""
AHEAD = frozenset({"pending", "proposed"})
"""Cues of a cut only planned or asked for ("to vote on suspension of Russian twinning")."""


def applied(lex: Lexicon, ctx: DocCues, sentences: list[Span], findings: list[Finding]) -> list[Finding]:
    """The findings, those of a host with a partner in a country it cut ties with ended there."""
    for sent, hosts, country in _cuts(lex, ctx, sentences):
        date = next((d for d in ctx.dates if sent.start_char <= d.start < sent.end_char), None)
        for f in findings:
            keys = {f.a.key, f.b.key}
            partner = f.b if f.a.key in hosts else f.a if f.b.key in hosts else None
            if partner is None or partner.info.country != country or keys <= hosts or f.status not in CUTTABLE:
                continue
            f.status, f.date, f.cued = "terminated", date, True
            f.evidence = [*f.evidence, (sent.start_char, sent.end_char)]
            f.rules = [*f.rules, RULE]
    return findings


def _cuts(lex: Lexicon, ctx: DocCues, sentences: list[Span]) -> list[tuple[Span, set[str], str]]:
    """Sentences ending a tie with a country's places without naming one: the sentence, the keys
    of the places it names (the hosts) and the country whose partners it cuts."""
    doc = ctx.doc
    found = []
    for sent in sentences:
        cues = ctx.statuses_in(sent.start, sent.end)
        ends = [c for c in cues if c.label == "terminated" and _done(doc[c.start])]
        if not ends or not ctx.triggers_in(sent.start, sent.end) or any(c.label in AHEAD for c in cues):
            continue
        after = ends[0].start
        countries = {s._.place.country for s in doc.spans.get(SPAN_KEY, [])
                     if s._.place.kind == "country" and after <= s.start < sent.end}
        countries |= {code for t in doc[after:sent.end] if t.text[:1].isupper()
                      for code in [lex.hosts.resolver.demonym(t.text)] if code}
        named = ctx.mentions_in(sent.start, sent.end)
        if len(countries) != 1:
            continue
        country = countries.pop()
        hosts = {m.key for m in named if m.info.country != country}
        if hosts and not any(m.info.country == country for m in named):
            found.append((sent, hosts, country))
    return found


def _done(token: Token) -> bool:
    """A cut that happened: a verb in the past or a headline's present ("severs"), or one a
    past decision governs ("voted to break off"); not a noun ("to vote on suspension of"), nor
    a cut that is planned, wanted or asked for."""
    head = token.head
    if token.dep_ == "xcomp" and head.tag_ in ("VBD", "VBN", "VBZ") and head.lemma_ in DECIDING:
        return _done(head)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE for c in token.children):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP", "VBN") or token.lower_ in HEADLINE_FORMS
