"""Which finding wins, and one record per pair per document.

Precedence between the families, strongest first (each step is one function below):

1. a partner page's entries (``lists.partner_entries``) over any weaker sentence pair, or a "the
   two cities" pair, between two of its entries: "both cities" in one entry's paragraph is not a
   tie between two entries (``entries_supersede``);
2. a hub over the clause pairs between its own partners, and over a clause pair of the host with
   places of its list (``hub_supersedes``); a strong clause pair made from another trigger keeps
   its places out of the hub's list (``taken``);
3. within a document, per pair: a step a cue stated over the default "established", then the
   later step (``STATUS_RANK``), then a dated mention, then the earlier one (``records``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import clauses, event_dates
from ..about import __version__
from ..cues import Cue
from ..dates import DateMention
from ..places import Mention
from ..record import DateInfo, Evidence, Party, Provenance, Source, TwinningRecord, record_id
from ..textnorm import as_written
from .findings import Finding
from .status import STATUS_RANK


def entries_supersede(findings: list[Finding], entries: list[Finding]) -> list[Finding]:
    """Sentence findings, less the weak or "the two" pairs between two partner-page entries."""
    listed = {f.b.key for f in entries}
    return [f for f in findings if not ({f.a.key, f.b.key} <= listed and
                                        (f.strength != "strong" or f.pair_anaphor))]


def taken(findings: list[Finding], host: Mention, trigger: Cue) -> set[str]:
    """Places a strong clause pair from another trigger already ties to someone else."""
    return {k for f in findings if f.strength == "strong" and host.key not in (f.a.key, f.b.key)
            and f.trigger != trigger.start for k in (f.a.key, f.b.key)}


def hub_supersedes(findings: list[Finding], host: Mention, partners: list[Mention], trigger: Cue) -> list[Finding]:
    """Findings less those a hub's list replaces: weaker (or same-trigger) pairs between two of its
    partners, and pairs of the host with one of them."""
    keys = {m.key for m in partners}
    return [f for f in findings
            if not ((f.strength != "strong" or f.trigger == trigger.start) and {f.a.key, f.b.key} <= keys)
            and not ({f.a.key, f.b.key} - keys == {host.key} and len({f.a.key, f.b.key}) == 2)]


def records(doc: Doc, findings: list[Finding], source: Source, model_name: str,
            story: list[tuple[str, DateMention, frozenset[str]]] = (), filed: DateMention | None = None,
            adopted: DateMention | None = None) -> list[TwinningRecord]:
    """One record per pair: the winning finding's parties, status and date, every finding's evidence.
    A step no finding could date takes the date the story gives that step in a sentence naming one
    of its places and no other (``story``, from ``event_dates.story_dates``), else ``filed``, the wire dateline's
    date ("KHARKIV, Oct. 30 –"), else ``adopted``, the date at a resolution's foot."""
    merged: dict[frozenset[str], list[Finding]] = {}
    for f in domestic_beside_foreign(findings):
        if _own_region(f.a, f.b):
            continue
        merged.setdefault(frozenset((f.a.key, f.b.key)), []).append(f)
    out = []
    for group in merged.values():
        _inherit_cap(group)
        winner = max(group, key=lambda f: (f.cued, STATUS_RANK[f.status], f.date is not None, -f.position))
        date = winner.date or next((f.date for f in group if f.date and f.status == winner.status), None)
        if winner.status != "established":
            date = _latest_step(doc, group, winner) or date
        rules = list(dict.fromkeys(r for f in group for r in f.rules if r))
        told = next((d for step, d, places in story if step == winner.status and places
                     and places <= {winner.a.key, winner.b.key}), None) if date is None else None
        if told is None and date is None:
            told = _the_one_dated_step(story, winner)
        if told is not None and winner.status != "established":
            date, rules = told, [*rules, "story-date"]
        elif date is None and filed is not None and winner.status != "established" and \
                event_dates.usable([filed], winner.status, doc) and \
                (not isinstance(filed, event_dates.PageDate) or filed.dates_step(winner.status, {winner.a.key, winner.b.key})):
            date, rules = filed, [*rules, "dateline-date"]
        elif date is None and adopted is not None and event_dates.usable([adopted], winner.status, doc):
            date, rules = adopted, [*rules, "adoption-date"]
        status = winner.status
        if date is None and status == "established" and not any(f.cued for f in group) and \
                (news := _listed_as_new(doc, group, story, winner)) is not None:
            (status, date), rules = news, [*rules, "listed-as-new"]
        evidence = sorted({_trimmed(doc, s, e) for f in group for s, e in f.evidence})
        out.append(TwinningRecord(
            id=record_id(source.id, sorted([winner.a.key, winner.b.key])),
            source=source,
            relation=winner.relation,
            status=status,
            parties=[_party(winner.a), _party(winner.b)],
            date=_date_info(doc, date),
            evidence=[Evidence(_original(doc, s, e), s, e) for s, e in evidence],
            confidence=max(f.confidence for f in group),
            extractor=Provenance(version=__version__, model=model_name),
            rules=rules,
        ))
    return sorted(out, key=lambda r: (r.evidence[0].start, r.parties[0].start, r.parties[1].start))


def _latest_step(doc: Doc, group: list[Finding], winner: Finding) -> DateMention | None:
    """"The agreement was put on hold in February 2022 ... only today was it formally abandoned":
    of two dated mentions of the same step (a suspension, then the end; a signing, then the
    renewal), the later is the step the pair reached last. A date the step was reported on ("said
    on the 22nd that it had signed") is no step."""
    dated = [f.date for f in group if f.status == winner.status and f.cued == winner.cued and f.date and f.date.value
             and not event_dates.said_on(doc, f.date)]
    return max(dated, key=lambda d: d.value) if len(dated) > 1 else None


def _listed_as_new(doc: Doc, group: list[Finding], story: list[tuple[str, DateMention, frozenset[str]]],
                   winner: Finding) -> tuple[str, DateMention] | None:
    """"Nine pairs signed agreements to become friendship cities on June 13 ... The nine new
    friendship city pairs are: Changsha and Lilongwe; ...": pairs a list calls new are the ones
    the story's only dated step made, just before, so they take its status and date."""
    text = clauses.text_of(doc)
    if not any(_NEW.search(text[s:e]) and text[s:e].rstrip().endswith(":") for f in group for s, e in f.evidence):
        return None
    steps = {d.start: (step, d) for step, d, _ in story if step in ("signed", "established")}
    if len(steps) != 1:
        return None
    ((step, only),) = steps.values()
    return (step, only) if 0 < winner.position - only.start <= NEW_LIST_REACH else None


_NEW = re.compile(r"\b(?:[Nn]ew|[Nn]ewly)\b(?!\s+[A-Z])")
""""new" or "newly" in a list's header (the header ends with a colon), not a name ("New Orleans")."""
NEW_LIST_REACH = 1000
"""Characters after the story's dated step within which the list of the new pairs it made
begins (a paragraph or two of background may stand between)."""


def _the_one_dated_step(story: list[tuple[str, DateMention, frozenset[str]]], winner: Finding) -> DateMention | None:
    """"On Sunday, May 21, memorandums were signed between two municipalities and two towns ...
    Sviatohirsk twinned with Easton, and Lyman with Westport": the story's only dated step of
    this kind, told just before the pairs it announced, dates them."""
    steps = {d.start: d for step, d, _ in story if step == winner.status}
    if len(steps) != 1:
        return None
    (only,) = steps.values()
    return only if 0 < winner.position - only.start <= ANNOUNCED_REACH else None


ANNOUNCED_REACH = 400
"""Characters after a dated step within which the pairs it announced are named."""


def domestic_beside_foreign(findings: list[Finding]) -> list[Finding]:
    """Findings less a pair of two places of one country read from a sentence that also ties one
    of them to a place abroad: "US–Brazil sister cities besides Washington and Brasília include
    Atlanta and Rio de Janeiro", "13 cities in Washington State have sister cities in Hyogo,
    among them Seattle and Kobe". Such a sentence is about ties across a border, and the domestic pair is an
    artefact of its coordination. A sentence with only the domestic pair keeps it ("Chernivtsi
    and Kramatorsk signed a memorandum"), and so does one that states a party's country
    ("Lublin twinned with Polish Rzeszów and Ukrainian Lutsk")."""
    abroad: dict[tuple[int, int], set[str]] = {}
    for f in findings:
        if not _domestic(f):
            abroad.setdefault(_passage(f), set()).update((f.a.key, f.b.key))
    return [f for f in findings
            if not (_domestic(f) and not _stated(f) and {f.a.key, f.b.key} & abroad.get(_passage(f), set()))]


def _domestic(f: Finding) -> bool:
    return f.a.info.country is not None and f.a.info.country == f.b.info.country


def _stated(f: Finding) -> bool:
    """The text gives a party's country ("Polish Rzeszów", "Jena, Germany"): a tie at home meant."""
    return bool({f.a.info.country_source, f.b.info.country_source} & STATED_COUNTRY)


STATED_COUNTRY = frozenset({"apposition", "demonym"})


def _passage(f: Finding) -> tuple[int, int]:
    return f.evidence[0] if f.evidence else (f.position, f.position)


def sole_partners(findings: list[Finding]) -> dict[str, Mention]:
    """Each place the findings pair with exactly one other place, mapped to that place."""
    partners: dict[str, dict[str, Mention]] = {}
    for f in findings:
        partners.setdefault(f.a.key, {})[f.b.key] = f.b
        partners.setdefault(f.b.key, {})[f.a.key] = f.a
    return {key: next(iter(found.values())) for key, found in partners.items() if len(found) == 1}


def _own_region(a: Mention, b: Mention) -> bool:
    """A city and the region it lies in ("Odesa and the Odesa region") are not a tie; a city
    with another region of its country can be ("Uzhhorod and Donetsk Oblast")."""
    if {a.info.kind, b.info.kind} != {"city", "region"} or a.info.country != b.info.country:
        return False
    return a.info.admin1 is None or b.info.admin1 is None or a.info.admin1 == b.info.admin1


def _inherit_cap(group: list[Finding]) -> None:
    """"They signed a memorandum of intent ... The memorandum was signed online": a later, vaguer
    mention of the same document cannot lift the pair above the capped status."""
    capped = [f for f in group if f.capped]
    if not capped:
        return
    for f in group:
        if not f.capped and f.strength != "strong" and f.status != "terminated":
            f.status, f.capped = capped[0].status, True


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


def _party(mention: Mention) -> Party:
    info = mention.info
    span = mention.span
    return Party(text=_original(span.doc, span.start_char, span.end_char), name=info.name, type=info.kind, country=info.country,
                 country_name=info.country_name, subdivision=info.subdivision,
                 geonames_id=info.geonames_id, start=mention.span.start_char, end=mention.span.end_char)


def _date_info(doc: Doc, date: DateMention | None) -> DateInfo | None:
    if date is None or not date.value or not date.precision:
        return None
    return DateInfo(text=as_written(_original(doc, date.start, date.end), date.text), value=date.value,
                    precision=date.precision, start=date.start, end=date.end)
