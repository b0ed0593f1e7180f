"""Pairs inside one clause: "Chernihiv twinned with Rzeszów", "Gdynia and Pardubice are now
sister cities of Zhytomyr", "... and Kalush signed one with Tarnów".

The sentence is cut into clauses (``clauses.py``); a clause with a licensing trigger pairs its
places by the lists they form; a clause that repeats the previous predicate reuses its trigger;
a clause whose parties are "the two cities" pairs the sentence's two places; a lone partner
after "with" goes to ``implicit_host``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from .. import clauses, event_dates
from ..cues import Cue, DocCues
from ..dates import DateMention
from ..mentions import dateline
from ..place_match import DASHES
from ..places import Mention
from . import followups, implicit_host
from .findings import Finding, finding, rules_of, share_date
from .lexicon import Lexicon, pair_kind, two_of_kind
from .status import REFUSED_RULE, Step, licensing_trigger, partner_cues, step

OWN_DATE_REACH = 16
"""Characters after a partner within which its own date stands ("X since 1979", "X (1995)")."""
PRO_FORMS = {"one", "ones", "another", "similar", "likewise"}
""""X signed an agreement with Y and Z signed one with W": the second clause reuses the trigger."""


def findings(lex: Lexicon, ctx: DocCues, sent: Span, in_sent: list[Mention], sent_triggers: list[Cue]) -> list[Finding]:
    """Every clause pair of a sentence naming at least two places."""
    doc = ctx.doc
    has_strong = any(t.strength == "strong" for t in sent_triggers)
    found: list[Finding] = []
    units = clauses.clauses(doc, sent, in_sent)
    if len(units) > 1 and _paired_up(doc, sent_triggers, in_sent) is not None:
        units = [(sent.start, sent.end)]
    if len(units) > 1 and _fronted_participle(doc, units[0], in_sent):
        units = [(units[0][0], units[1][1]), *units[2:]]
    if len(units) > 1 and _reporting_speaker(doc, units[-1], in_sent):
        units = [*units[:-2], (units[-2][0], units[-1][1])]
    previous: tuple[Cue, list[Cue], list[Finding]] | None = None
    for lo, hi in units:
        unit_mentions = [m for m in in_sent if lo <= m.span.start < hi
                         and not clauses.institutional(doc, m, lex.institutions) and not dateline(m.span)]
        unit_places = unit_mentions
        if not unit_mentions and found and len(units) > 1 and not any(t.dep_ == "mark" for t in doc[lo:hi]):
            # "..., and the charter was signed on 20 May 2019", "...; in March 2022 the council
            # suspended it": a coordinate clause naming no place that refers back to the tie is a
            # follow-up (not a subordinate one: "if both councils agree")
            followups.follow_up(lex, ctx, [doc[lo:hi]], found)
            continue
        unit_triggers = [t for t in sent_triggers if lo <= t.start < hi]
        unit_status = ctx.statuses_in(lo, hi)
        trigger = licensing_trigger(unit_triggers, unit_status, has_strong)
        rules_extra = ["clause-split"]
        if trigger is None:
            trigger = _paired_up(doc, unit_triggers, unit_mentions)
        if trigger is None and previous is not None and (_elliptic(doc, lo, hi, unit_status, previous[1])
                                                         or clauses.gapped(doc, lo, hi, unit_mentions)):
            trigger, rules_extra = previous[0], ["clause-split", "ellipsis"]
            unit_triggers = [trigger]
        if trigger is None:
            if len(unit_mentions) == 1:
                found.extend(implicit_host.findings(lex, ctx, sent, unit_mentions, unit_triggers, (lo, hi)))
            continue
        by_anaphor = False
        if len(unit_mentions) < 2:
            pairs, ambiguity = _the_two_in_sentence(lex, doc, (lo, hi), in_sent), 0.0
            rules_extra, by_anaphor = ["clause-split", "anaphor-the-two"], True
            if not pairs and len(unit_mentions) == 1:
                found.extend(implicit_host.findings(lex, ctx, sent, unit_mentions, unit_triggers, (lo, hi)))
                continue
        elif _partners_after_with(doc, unit_mentions):
            # "It is twinned with Umeå in Sweden, Shijiazhuang in China and Roseau": the later members
            # of a list opened right after "with" are partners of the same host as its first
            firsts = {g[0].key: g for g in clauses.groups(doc, unit_mentions)}
            listed: set[str] = set()
            for n, m in enumerate(unit_mentions):
                stop = unit_mentions[n + 1].info.ext_start if n + 1 < len(unit_mentions) else hi
                made = implicit_host.findings(lex, ctx, sent, [m], unit_triggers, (lo, hi), (m.span.start, stop),
                                              listed=m.key in listed)
                if made and m.key in firsts and clauses.after_with(doc, m):
                    listed |= {x.key for x in firsts[m.key][1:]}
                found.extend(made)
            continue
        else:
            if trigger.strength != "strong":
                unit_mentions = clauses.outside_subordinates(doc, sent, trigger.start, unit_mentions)
                unit_mentions = clauses.outside_purpose(doc, trigger.start, trigger.end, unit_mentions)
            unit_mentions = clauses.outside_fronted(doc, lo, unit_mentions)
            outside = clauses.outside_enclosed_relatives(doc, sent, trigger.start, unit_mentions)
            if len({m.key for m in outside}) >= 2:
                unit_mentions = outside
            unit_mentions = clauses.relative_holder(doc, sent, trigger.start, unit_mentions)
            pairs, ambiguity = clauses.pair(doc, unit_mentions, trigger.strength == "strong") \
                if len(unit_mentions) >= 2 else ([], 0.0)
            if _partners_unnamed(doc, (lo, hi), trigger, unit_mentions):
                pairs = []
        pairs = [(a, b) for a, b in pairs if not _neighbours_nickname(doc, trigger, a, b)]
        if not pairs:
            continue
        relation = "twinning" if any(lex.relation(t) == "twinning" and t.strength != "weak" for t in unit_triggers) \
            else lex.relation(trigger)
        unit_findings = []
        # the step and dates of each distinct set of cues: most pairs of a clause share their cues
        by_cues: dict[tuple[tuple[int, str], ...], tuple[Step, DateMention | None, dict[str, DateMention]]] = {}
        instruments = _instruments(lex, unit_triggers, pairs)
        for a, b in pairs:
            pair_trigger, pair_cues = trigger, unit_status
            if instruments:
                pair_trigger, pair_cues = _instrument_of(instruments, unit_status, b, trigger)
            pair_status = partner_cues(doc, pair_cues, a.span, b.span,
                                       [m.span for m in unit_places if m.key not in (a.key, b.key)])
            if any(c.rule == REFUSED_RULE for c in pair_status):
                continue
            cue_key = (pair_trigger.start, *((c.start, c.rule) for c in pair_status))
            if cue_key not in by_cues:
                pair_step = step(pair_status, pair_trigger, lex.cap(pair_trigger))
                by_cues[cue_key] = (
                    pair_step,
                    event_dates.date_for(ctx, sent, (lo, hi), units, pair_status or unit_triggers, pair_step.status),
                    own_dates(ctx, unit_mentions, (lo, hi), pair_step.status, pair_status))
            unit_step, date, own = by_cues[cue_key]
            # "A (1979), B (1990) and C (2012) are twinned with D": the list may stand first
            own_date = own.get(b.key) or (own.get(a.key) if len({x.key for x, _ in pairs}) > 1 else None)
            unit_findings.append(
                finding("clause", a, b, relation, unit_step, own_date or date, [(sent.start_char, sent.end_char)],
                        sent.start_char,
                        [*rules_of(unit_step, pair_trigger.rule), *rules_extra, *a.info.rules, *b.info.rules],
                        pair_trigger, ambiguity=ambiguity, keeps_trigger=True, pair_anaphor=by_anaphor))
        unit_findings = _respective_dates(ctx, (lo, hi), unit_findings)
        if "ellipsis" in rules_extra and previous is not None:
            share_date(previous[2] + unit_findings)
        found.extend(unit_findings)
        previous = (trigger, unit_status, unit_findings)
    return found


FRONTED_ADDITION = re.compile(r"\s*(?:in addition to|along with|as well as|besides|apart from|alongside)\b", re.IGNORECASE)
"""What opens a phrase naming a partner besides those the clause pairs: "In addition to Gyeongju, Hue
has twin-city ties with Takayama and Blois"."""


def fronted_additions(ctx: DocCues, sent: Span, in_sent: list[Mention], found: list[Finding]) -> list[Finding]:
    """"Along with Seattle, Tralee counts Lorient and Waldkirch among its twin towns", "Besides its
    long tie with Celle, Tulsa also has partnerships with Beihai and Amiens": the places of an
    additive phrase opening the sentence are partners of the subject right after its comma, as the
    pairs the sentence gives that subject are (their step, not their date), and of no other place.
    The sentence's findings with those added."""
    if not found or not FRONTED_ADDITION.match(sent.text):
        return found
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None:
        return found
    subject = next((m for m in in_sent if m.span.start > comma), None)
    if subject is None or subject.info.ext_start > comma + 2:
        return found
    model = next((f for f in sorted(found, key=lambda f: f.position) if subject.key in (f.a.key, f.b.key)), None)
    if model is None:
        return found
    fronted = {m.key: m for m in in_sent if m.span.start < comma and m.key != subject.key}
    kept = [f for f in found if subject.key in (f.a.key, f.b.key) or not ({f.a.key, f.b.key} & set(fronted))]
    paired = {f.a.key if f.b.key == subject.key else f.b.key for f in kept if subject.key in (f.a.key, f.b.key)}
    added = [replace(model, a=subject, b=m, date=None, rules=[*model.rules, "fronted-addition"])
             for key, m in fronted.items() if key not in paired]
    return kept + added


def _respective_dates(ctx: DocCues, unit: tuple[int, int], found: list[Finding]) -> list[Finding]:
    """"Calama and Iquique became sister cities of Tacna in 1990 and 2001 respectively": as many
    dates as pairs, with "respectively", date the pairs in order."""
    doc = ctx.doc
    lo, hi = doc[unit[0]].idx, clauses.char_end(doc, unit[1])
    if len(found) < 2 or not clauses.RESPECTIVELY_IN.search(clauses.text_of(doc)[lo:hi]):
        return found
    dates = sorted((d for d in ctx.dates if lo <= d.start < hi), key=lambda d: d.start)
    if len(dates) != len(found):
        return found
    ordered = sorted(found, key=lambda f: (min(f.a.start, f.b.start), max(f.a.start, f.b.start)))
    return [replace(f, date=d) for f, d in zip(ordered, dates)]


def _instruments(lex: Lexicon, triggers: list[Cue], pairs: list[tuple[Mention, Mention]]) -> list[tuple[Cue, int]]:
    """"signed a memorandum of understanding with Milan and a letter of intent with Seville":
    when a clause names two instruments of different weight, each before its own partners, a
    partner takes the instrument last named before it. The instruments, each with the token where
    its stretch ends (its first partner), or none when every partner would take the same one."""
    capped = {lex.cap(t) for t in triggers}
    if len(triggers) < 2 or len(capped) < 2:
        return []
    partners = sorted({b.span.start for _, b in pairs})
    found = []
    for t in sorted(triggers, key=lambda t: t.start):
        first = next((p for p in partners if p >= t.end), None)
        if first is None:
            continue
        if found and found[-1][1] == first:
            found[-1] = (t, first)  # two instruments before one partner: the nearer is its own
        else:
            found.append((t, first))
    return found if len({lex.cap(t) for t, _ in found}) >= 2 else []


def _instrument_of(instruments: list[tuple[Cue, int]], cues: list[Cue], partner: Mention,
                   default: Cue) -> tuple[Cue, list[Cue]]:
    """The instrument named last before the partner, and the clause's cues less those inside the
    stretch of another instrument (from the instrument to its first partner: "a letter of intent
    with" keeps its "intent" to itself)."""
    own = next((t for t, _ in reversed(instruments) if t.start < partner.span.start), None)
    if own is None:
        return default, cues
    others = [(t.start, first) for t, first in instruments if t is not own]
    return own, [c for c in cues if not any(lo <= c.start < hi for lo, hi in others)]


def _fronted_participle(doc: Doc, unit: tuple[int, int], mentions: list[Mention]) -> bool:
    """"Signed in 2004, the partnership agreement between Tulcea and Orléans covers ...": a
    participle opening the sentence, naming no place, says what happened to the clause after it;
    "Twinned with Valdepeñas since 1977, Cognac ...": a tie participle naming the partner says it
    of the subject after it."""
    first = next((t for t in doc[unit[0]:unit[1]] if not t.is_punct), None)
    if first is None or first.tag_ != "VBN" or first.dep_ not in ("advcl", "acl", "amod"):
        return False
    named = [m for m in mentions if unit[0] <= m.span.start < unit[1]]
    if not named:
        return True
    # "Twinned with Valdepeñas since 1977, Cognac is hosting ...": the partner in the participle,
    # the host the subject of the clause it opens
    return first.lower_ in TIE_PARTICIPLES and first.dep_ == "advcl" and len(named) == 1 and any(
        child.dep_ in ("nsubj", "nsubjpass") and any(m.span.start <= child.i < m.span.end for m in mentions)
        for child in first.head.children)


TIE_PARTICIPLES = frozenset({"twinned", "partnered"})


def _reporting_speaker(doc: Doc, unit: tuple[int, int], mentions: list[Mention]) -> bool:
    """'"We signed a twinning charter with Reutlingen," the mayor of Zadar said': a reporting
    clause after a quotation names the speaker's place, the "we" of the quote, as "said the mayor
    of Zadar" after it does; it joins the quotation's clause."""
    words = [t for t in doc[unit[0]:unit[1]] if not t.is_punct]
    if not words or not any(t.text in QUOTES for t in doc[max(unit[0] - 2, 0):unit[0] + 2]):
        return False
    verbs = [t for t in words if t.pos_ == "VERB"]
    return len(verbs) == 1 and verbs[0].lemma_ in REPORTING_VERBS and \
        any(unit[0] <= m.span.start < unit[1] for m in mentions)


QUOTES = frozenset({'"', "”", "“", "'", "’"})
REPORTING_VERBS = frozenset({"say", "tell", "add", "write", "announce", "explain", "note", "declare", "stress"})


def _neighbours_nickname(doc: Doc, trigger: Cue, a: Mention, b: Mention) -> bool:
    """"the twin cities of Rawalpindi and Islamabad", "the twin cities of Hubli and Dharwad": two
    neighbouring towns of one country called twins, not twinned with each other."""
    words = [t.lower_ for t in doc[trigger.start:trigger.end + 1]]
    return words[:3] == ["twin", "cities", "of"] and a.info.country is not None and a.info.country == b.info.country


def _partners_after_with(doc: Doc, mentions: list[Mention]) -> bool:
    """"... two other friendship agreements – with the Russian municipality of Pechenga and the
    Chinese town of Harbin", "memoranda with the Chinese cities of Guangzhou and Chengdu, and a
    letter of intent with the city of Xi'an": every place stands after "with", itself or in a list
    that opens after it (several such lists only when joined by "and": "Since that first mating
    with Odessa, Vancouver ..." is no list); they are partners of the story's place, not of each other (a
    list's later members only when its first, right after "with", was paired: the host of a bare list
    is too often misread)."""
    if all(clauses.after_with(doc, m) for m in mentions):
        return True
    lists = clauses.groups(doc, mentions)
    if len(lists) == 1:
        return len(mentions) > 1 and clauses.after_with(doc, mentions[0])
    text = clauses.text_of(doc)
    return all(clauses.after_with(doc, g[0]) and all(" and " in f" {text[a.end:b.start]} " for a, b in zip(g, g[1:]))
               for g in lists)


def _paired_up(doc: Doc, triggers: list[Cue], mentions: list[Mention]) -> Cue | None:
    """"active partnerships with Japanese prefectures – Andhra Pradesh with Toyama, Tamil Nadu
    with Ehime": two or more pairs set out one by one license a medium trigger, as a status cue
    would, and make the sentence one clause however its commas cut it; a generic word beside a
    plain list does not."""
    medium = [t for t in triggers if t.strength == "medium"]
    if not medium:
        strong = [t for t in triggers if t.strength == "strong"]
        return strong[0] if strong and len(clauses.coordinated_pairs(doc, mentions)) >= 2 else None
    named = next((t for t in medium if _dash_pair_before(doc, t, mentions) or _between_pair_after(doc, t, mentions)),
                 None)
    if named is not None:
        return named
    if len(clauses.coordinated_pairs(doc, mentions)) < 2:
        return None
    return medium[0]


def _dash_pair_before(doc: Doc, trigger: Cue, mentions: list[Mention]) -> bool:
    """"The Leeds-Dortmund partnership began in 1969": two places joined by a dash right before
    the tie word name the pair the word is about, as a status cue would license it."""
    before = [m for m in mentions if m.span.end <= trigger.start]
    if len(before) < 2:
        return False
    a, b = before[-2], before[-1]
    return b.span.end == trigger.start and b.span.start == a.span.end + 1 and doc[a.span.end].text in DASHES


def _between_pair_after(doc: Doc, trigger: Cue, mentions: list[Mention]) -> bool:
    """"The partnership between Troyes and Zwickau has been dormant", "the partnership between the
    German city of Speyer and the French town of Chartres dates from 1959": a partnership said to be
    between two places joined by "and" names its pair, as a status cue would license it."""
    if doc[trigger.start:trigger.end].text.lower() not in BETWEEN_TIES or trigger.end >= len(doc) \
            or doc[trigger.end].lower_ != "between":
        return False
    after = [m for m in mentions if trigger.end < m.span.start <= trigger.end + BETWEEN_REACH]
    joint = doc[after[0].span.end:after[1].span.start] if len(after) >= 2 else []
    return any(t.lower_ == "and" for t in joint) and not any(t.lower_ in (",", ";", "while", "but") for t in joint)


BETWEEN_TIES = frozenset({"partnership", "partnerships"})
"""Tie words that, followed by "between A and B", name their pair; not "relationship", "ties" or
"link" ("the relationship between Moscow and Kyiv", "the rail link between A and B")."""
BETWEEN_REACH = 14
"""Tokens after "between" within which both places stand."""


def _partners_unnamed(doc: Doc, unit: tuple[int, int], trigger: Cue, mentions: list[Mention]) -> bool:
    """"Tallinn and Tartu will end their agreements with partner cities in Russia", "Kyiv and
    Lviv signed agreements with several Polish cities": two subjects whose tie names its partners
    after "with" by a common noun share a predicate, not a tie."""
    if not mentions or any(m.span.start > trigger.start for m in mentions):
        return False
    anchor = doc[trigger.end - 1]
    with_token = next((t for t in doc[trigger.end:unit[1]] if t.lower_ == "with" and t.head in (anchor, anchor.head)),
                      None)
    if with_token is None:
        return False
    objects = [t for t in with_token.children if t.dep_ == "pobj"]
    return bool(objects) and all(t.lemma_.lower() in PARTNER_NOUNS and not any(
        c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in objects)


PARTNER_NOUNS = {"city", "town", "partner", "municipality", "community", "region", "counterpart", "village",
                 "province", "county", "district", "capital", "authority", "body"}
"""Common nouns that name a tie's partners without naming a place."""


def own_dates(ctx: DocCues, mentions: list[Mention], unit: tuple[int, int], status: str,
               cues: list[Cue]) -> dict[str, DateMention]:
    """"a sister city of Kakegawa since 1979, and of Kathmandu since 1975": when a clause lists
    existing ties (or two or more signings) with several dates, a partner right followed by its own
    date takes that one."""
    doc = ctx.doc
    lo, hi = doc[unit[0]].idx, clauses.char_end(doc, unit[1])
    dates = [d for d in ctx.dates if lo <= d.start < hi]
    if len(dates) < 2 or status not in ("established", "signed"):
        return {}
    own = {}
    for n, m in enumerate(mentions):
        stop = mentions[n + 1].start if n + 1 < len(mentions) else hi
        after = event_dates.usable([d for d in dates if m.end <= d.start < min(stop, m.end + OWN_DATE_REACH)],
                                   status, doc, cues)
        if after:
            own[m.key] = after[0]
    # "signed agreements with Ronda, Spain, in 2005 and with Arequipa, Peru, in 2011": signings
    # take their own dates only when the clause lists two or more partners with theirs
    return own if status == "established" or len(set(d.start for d in own.values())) >= 2 else {}


def _the_two_in_sentence(lex: Lexicon, doc: Doc, unit: tuple[int, int], in_sent: list[Mention]) -> list[tuple[Mention, Mention]]:
    """"X will send trolleybuses to Y, weeks after the two cities signed a memorandum": a
    clause whose parties are "the two cities" pairs the two places of its sentence."""
    refs = lex.pair_refs(doc[unit[0]:unit[1]])
    if not refs:
        return []
    distinct = two_of_kind(in_sent, pair_kind(doc[unit[0] + refs[0][2] - 1].lower_))
    if len(distinct) != 2:
        return []
    a, b = distinct.values()
    return [(a, b)]


def _elliptic(doc: Doc, lo: int, hi: int, statuses: list[Cue], previous: list[Cue]) -> bool:
    """"... and Kalush signed one with Tarnów", "..., as are Gdynia and Kotka": a clause that
    repeats the previous predicate."""
    if any(t.lower_ in PRO_FORMS for t in doc[lo:hi]):
        return True
    words = [t for t in doc[lo:hi] if not t.is_punct and t.lower_ != "and"]
    if len(words) > 2 and words[0].lower_ in ("as", "so") and words[1].lemma_ in ("be", "do", "have"):
        return True  # "Sopot and Kolding are twin towns, as are Gdynia and Kotka"
    labels = {c.label for c in previous if c.label != "established"}
    return any(c.label in labels for c in statuses)
