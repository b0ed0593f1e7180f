"""Partners one per line: lists after a colon and the entries of a city's partner page.

"Olsztyn is twinned with:" followed by "Châteauroux, France (since 1992)" lines, and a partner
page whose entries ("Eskilstuna, Sweden – since 1961") each start a line and are followed by a
paragraph. Every line or entry has its own status and date.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Span, Token

from .. import anaphora, clauses, event_dates
from ..cues import Cue, DocCues
from ..dates import DateMention
from ..place_match import FORMAL_WORDS, formal_word
from ..mentions import dateline
from ..places import Mention
from ..sentences import BULLETS
from .findings import Finding, finding, rules_of
from .lexicon import Lexicon
from .status import Step, status, step


def listed_after_colon(lex: Lexicon, ctx: DocCues, sent: Span, following: list[Span]) -> list[Finding]:
    """"Olsztyn is twinned with:" and then one partner per line ("Châteauroux, France (since
    1992)", "Kaliningrad, Russia (cooperation suspended in March 2022)"): each line is a
    partner of the one place named before the colon, with the line's own status and date. A
    line that is itself a list ("Saarbrücken, Nantes, Ljubljana and Vilnius.") gives each."""
    doc = ctx.doc
    last = _last_token(sent)
    triggers = [t for t in ctx.triggers_in(sent.start, sent.end) if t.strength != "weak"]
    hosts = _colon_hosts(ctx, sent)
    if last is None or not triggers or len(hosts) != 1 or \
            last.text != ":" and not _counted_then_lines(ctx, sent, triggers[0], following):
        return []
    (host,) = hosts
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
        # a line with no cue of its own takes the opening sentence's ("has signed twinning
        # agreements with the following cities:" then "Qingdao, China - 2008")
        cues = ctx.statuses_in(line.start, line.end) or ctx.statuses_in(sent.start, sent.end)
        line_step = step(cues, trigger, lex.cap(trigger))
        dates = event_dates.usable([d for d in ctx.dates if line.start_char <= d.start < line.end_char],
                                   line_step.status, doc) or _entry_year(line)
        if dates and line_step.rule and cues:
            anchor = doc[cues[-1].start].idx
            dates = sorted(dates, key=lambda d: abs(d.start - anchor))
        in_line = [m for m in ctx.mentions_in(line.start, line.end) if m.key != host.key]
        listed = clauses.groups(doc, in_line)[0] if in_line and in_line[0] is partner else [partner]
        for each in listed:
            found.append(finding("colon-list", host, each, lex.relation(trigger), line_step,
                                 dates[0] if dates and len(listed) == 1 else None,
                                 [(sent.start_char, sent.end_char), (line.start_char, line.end_char)], line.start_char,
                                 [trigger.rule, "list-after-colon", *rules_of(line_step), *each.info.rules], trigger))
    return found


def _colon_hosts(ctx: DocCues, sent: Span) -> list[Mention]:
    """The places a list's opening sentence names; of several, only its subject or possessor
    ("Besides Querétaro, San Antonio has sister city relationships with 12 other cities:")."""
    hosts = list({m.key: m for m in ctx.mentions_in(sent.start, sent.end)}.values())
    if len(hosts) < 2:
        return hosts
    return [m for m in hosts if m.span.root.dep_ in ("nsubj", "nsubjpass", "poss")]


def labelled_line(lex: Lexicon, ctx: DocCues, sent: Span) -> list[Finding] | None:
    """"Twin cities: Dortmund (Germany), Lille (France)" on a line of a page whose own place
    stands only in its title: a label of tie words, a colon, and places with no verb. The places
    are the partners of the page's topic named above, not of each other: with no such topic the
    line gives no pair (``[]``). ``None``: the sentence is no such line."""
    shape = _label_shape(lex, ctx, sent)
    if shape is None:
        return None
    trigger, partners = shape
    keys = {m.key for m in partners}
    host = anaphora.topic([m for m in ctx.mentions if m.key not in keys and m.start < sent.start_char
                           and _label_shape(lex, ctx, m.span.sent) is None], ctx.mentions)
    if host is None:
        return []
    cues = ctx.statuses_in(sent.start, sent.end)
    line_step = step(cues, trigger, lex.cap(trigger))
    found = []
    for partner, date in zip(partners, _partner_dates(ctx, partners, sent.end_char, line_step.status)):
        found.append(finding("colon-list", host, partner, lex.relation(trigger), line_step, date,
                             [(sent.start_char, sent.end_char)], sent.start_char,
                             [trigger.rule, "labelled-line", *rules_of(line_step), *partner.info.rules], trigger))
    return found


def _partner_dates(ctx: DocCues, partners: list[Mention], end: int, status: str,
                   cues: list[Cue] = ()) -> list[DateMention | None]:
    """Each listed partner's own date: the first usable one between it and the next partner (the
    last one's up to ``end``), as "Kitakyushu (1959), Kunsan (1979)" dates each entry."""
    stops = [p.start for p in partners[1:]] + [end]
    return [next(iter(event_dates.usable([d for d in ctx.dates if partner.start <= d.start < stop], status,
                                         ctx.doc, cues)), None)
            for partner, stop in zip(partners, stops)]


def _label_shape(lex: Lexicon, ctx: DocCues, sent: Span) -> tuple[Cue, list[Mention]] | None:
    """The tie words and the places of a "Twin cities: Dortmund (Germany), Lille (France)" line:
    a plural label (not one entry's "Sister State: Minas Gerais, Brazil")."""
    doc = ctx.doc
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or not _starts_line(doc, sent) or ctx.mentions_in(sent.start, colon.i):
        return None
    label = [t for t in doc[sent.start:colon.i] if not t.is_space and not t.is_punct]
    triggers = [t for t in ctx.triggers_in(sent.start, colon.i)
                if t.strength == "strong" and doc[t.end - 1].tag_ in ("NNS", "NNPS")]
    listed = [t for t in doc[colon.i + 1:sent.end] if not t.is_space and not t.is_punct]
    partners = list({m.key: m for m in ctx.mentions_in(colon.i + 1, sent.end)
                     if not clauses.institutional(doc, m, lex.institutions)}.values())
    if not 0 < len(label) <= KIND_HEADING_WORDS or not triggers or not partners or \
            any(clauses.finite_verb(t) for t in [*label, *listed]):
        return None
    return triggers[0], partners


def _counted_then_lines(ctx: DocCues, sent: Span, trigger: Cue, following: list[Span]) -> bool:
    """"Blacktown City Council has 4 Sister City partnerships." closing its line, and then
    "Porirua, New Zealand" on a line of its own: a count of ties announces the entry lines after
    it as a colon would."""
    doc = ctx.doc
    if not following or not any(t.like_num for t in doc[max(sent.start, trigger.start - COUNT_REACH):trigger.start]):
        return False
    text = clauses.text_of(doc)
    if "\n" not in text[_text_end(sent):following[0].start_char]:
        return False
    entry = following[0]
    words = [t for t in entry if not t.is_space and not t.is_punct]
    return _first_place(ctx, entry) is not None and len(words) <= ENTRY_WORDS and \
        not any(t.pos_ in ("VERB", "AUX") for t in words)


COUNT_REACH = 2
"""How close the count stands before the tie words ("4 Sister City partnerships", "six twin towns")."""
ENTRY_WORDS = 10
"""An entry line of a partner list is a label: a place, its region and country, a year."""


def pair_lines(lex: Lexicon, ctx: DocCues, sent: Span, following: list[Span]) -> list[Finding]:
    """"Some examples of twinning are:" and then one pair per line ("Jerusalem – New York City,
    USA", "Holon – Suresnes, France"): each line is a tie between its two places. A bulleted line
    that is no such pair (a partner we do not know) is passed over, not the end of the list, and
    so is a line in another script (a bilingual page gives each pair in Chinese too)."""
    doc = ctx.doc
    last = _last_token(sent)
    triggers = [t for t in ctx.triggers_in(sent.start, sent.end) if t.strength != "weak"]
    if last is None or last.text != ":" or not triggers or ctx.mentions_in(sent.start, sent.end):
        return []
    trigger = triggers[0]
    found = []
    for line in following:
        places = list({m.key: m for m in ctx.mentions_in(line.start, line.end)}.values())
        if len(places) != 2 or not _starts_line(doc, line) or _first_place(ctx, line) is not places[0] or \
                not PAIR_JOINER.match(clauses.text_of(doc)[places[0].end:places[1].start]):
            inline = _inline_pairs(ctx, line) if _starts_line(doc, line) else []
            if len(inline) >= 2:
                found.extend(_pair_finding(lex, ctx, trigger, sent, line, a, b) for a, b in inline)
                continue
            if _starts_line(doc, line) and (_marked(doc, line) or _other_script(line)):
                continue
            break
        found.append(_pair_finding(lex, ctx, trigger, sent, line, places[0], places[1]))
    return found


def _pair_finding(lex: Lexicon, ctx: DocCues, trigger: Cue, sent: Span, line: Span, a: Mention,
                  b: Mention) -> Finding:
    """One pair of a list line, with the line's own status and date (a list's lines differ)."""
    doc = ctx.doc
    cues = ctx.statuses_in(line.start, line.end)
    line_step = step(cues, trigger, lex.cap(trigger))
    dates = event_dates.usable([d for d in ctx.dates if line.start_char <= d.start < line.end_char],
                               line_step.status, doc)
    return finding("colon-list", a, b, lex.relation(trigger), line_step, dates[0] if dates else None,
                   [(sent.start_char, sent.end_char), (line.start_char, line.end_char)], line.start_char,
                   [trigger.rule, "pair-per-line", *rules_of(line_step), *a.info.rules, *b.info.rules], trigger)


def _inline_pairs(ctx: DocCues, line: Span) -> list[tuple[Mention, Mention]]:
    """"- Faisalabad and Qingdao, - Rawalpindi and Wuhan, - Taxila and Datong": bulleted items run
    on in one line, each a pair of two places; an item naming fewer (a town we do not know) is
    passed over."""
    text = clauses.text_of(ctx.doc)
    cuts = [line.start_char, *(m.end() for m in INLINE_BULLET.finditer(text, line.start_char, line.end_char)),
            line.end_char]
    mentions = ctx.mentions_in(line.start, line.end)
    pairs = []
    for lo, hi in zip(cuts, cuts[1:]):
        item = list({m.key: m for m in mentions if lo <= m.start < hi}.values())
        if len(item) == 2 and PAIR_JOINER.match(text[item[0].end:item[1].start]):
            pairs.append((item[0], item[1]))
    return pairs


INLINE_BULLET = re.compile(r"(?:^|[,;]?\s+)[-–•·]\s+")
"""A bullet that opens an item inside a line ("..., - Rawalpindi and Wuhan")."""


def _other_script(line: Span) -> bool:
    """A line with letters but no Latin one: the same entry in the page's other language."""
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and not any(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)


PAIR_JOINER = re.compile(r"^\s*(?:[–—-]+|and|&|/|↔|<->|with)\s*$", re.IGNORECASE)
"""What joins the two places of a pair line ("Holon – Suresnes", "Ramla and Vaughan")."""


def announced_in_next(lex: Lexicon, ctx: DocCues, sent: Span, following: Span | None) -> list[Finding]:
    """"Springfield has six sister cities. They are Ennis (Ireland), Kasama (Japan) ... as well as
    Tlaquepaque (Mexico).": a sentence that announces a place's ties without naming them, and a
    next sentence opened by "They are", "These include", "Among them": every place there is a
    partner, with that sentence's status and each partner's own date."""
    if following is None:
        return []
    opened = lex.list_opener(following)
    triggers = [t for t in ctx.triggers_in(sent.start, sent.end) if t.strength != "weak"]
    if opened is None or not triggers:
        return []
    opener, list_start = opened
    trigger = triggers[0]
    partners = [m for m in ctx.mentions_in(list_start, following.end)
                if not clauses.venue(ctx.doc, m, clauses.HUB_NOT_PARTNER)
                and not clauses.institutional(ctx.doc, m, lex.institutions)]
    host = _announcing_host(lex, ctx, sent, trigger, {m.key for m in partners})
    partners = [m for m in partners if host is not None and m.key != host.key]
    if not partners:
        return []
    cues = ctx.statuses_in(following.start, following.end)
    list_step = step(cues, trigger, lex.cap(trigger))
    found = []
    for partner, date in zip(partners, _partner_dates(ctx, partners, following.end_char, list_step.status, cues)):
        found.append(finding("hub", host, partner, lex.relation(trigger), list_step, date,
                             [(sent.start_char, sent.end_char), (following.start_char, following.end_char)],
                             following.start_char,
                             [trigger.rule, opener, *rules_of(list_step), *partner.info.rules], trigger))
    return found


def _announcing_host(lex: Lexicon, ctx: DocCues, sent: Span, trigger: Cue, partners: set[str]) -> Mention | None:
    """Whose ties a sentence announces: its one place ("Springfield has six sister cities"), or
    the place its host phrase stands for ("The city has six sister cities"); none after the
    trigger (then the sentence names partners itself)."""
    places = {m.key: m for m in ctx.mentions_in(sent.start, sent.end)}
    if any(m.span.start >= trigger.end for m in places.values()):
        return None
    if len(places) == 1:
        return next(iter(places.values()))
    ref = next((r for r in ctx.refs if sent.start <= r.start < trigger.start), None)
    if places or ref is None:
        return None
    return anaphora.resolve(ctx.doc, ref, ctx.mentions, partners)


def partner_entries(lex: Lexicon, ctx: DocCues, sentences: list[Span]) -> list[Finding]:
    """A city's page of partners: each entry starts a line with the partner ("Eskilstuna, Sweden
    – since 1961", "1. Fukuoka, Japan", "Germany Wuppertal Agreement on Cooperation, 22.5.1980")
    and a paragraph or label lines ("Date: 1979.5.2") may follow. Every entry is a partner of the
    page's topic; status and date come from the entry and its paragraph ("... the city council
    decided to suspend all official contacts"); a dated entry naming an agreement reports a
    signing, dated by its latest date (a renewal)."""
    doc = ctx.doc
    if not any(t.strength != "weak" for t in ctx.triggers):
        return []
    listed = _colon_list_lines(doc, sentences)
    page = anaphora.topic(ctx.mentions, ctx.mentions)
    shaped = {k: _entry_shaped(ctx, sent, page) for k, sent in enumerate(sentences) if k not in listed}
    heads = _section_heads(ctx, sentences, shaped)
    shaped = {k: partner for k, partner in shaped.items() if k not in heads}
    count = sum(partner is not None for partner in shaped.values())
    block = (count >= ENTRY_BLOCK or count >= HEADED_BLOCK and _headed(ctx, sentences, shaped)) and \
        not _lists_the_page(ctx, sentences, shaped, page)
    entries = [k for k, partner in shaped.items() if partner is not None and (
        block or _entry_evidence(ctx, sentences[k], sentences[k + 1] if k + 1 < len(sentences) else None))]
    kinds = {k for k, sent in enumerate(sentences) if shaped.get(k) is None and _kind_heading(ctx, sent)}
    listed = {shaped[k].key for k in entries}
    found = []
    for n, k in enumerate(entries):
        entry, partner = sentences[k], shaped[k]
        head = max((h for h in heads if h < k), default=None)
        host = heads[head] if head is not None else \
            anaphora.topic([m for m in ctx.mentions if m.key not in listed], ctx.mentions)
        if host is None or host.key == partner.key:
            continue
        stop = entries[n + 1] if n + 1 < len(entries) else len(sentences)
        body = [entry]
        for j, sent in enumerate(sentences[k + 1:stop], k + 1):
            if "\n\n" in clauses.text_of(doc)[_text_end(body[-1]):sent.start_char + 1] or \
                    _starts_with_place(ctx, sent) or j in kinds:
                break
            body.append(sent)
        kind = max((j for j in kinds if j < k), default=None)
        found.append(_entry_finding(lex, ctx, host, partner, body, sentences[kind] if kind is not None else None))
    return found


def _headed(ctx: DocCues, sentences: list[Span], shaped: dict[int, Mention | None]) -> bool:
    """Do the entries open right under a heading that names the ties ("Denver's sister cities",
    "Twin towns")? Then two entry lines make a list, as three do with no heading."""
    first = min((k for k, partner in shaped.items() if partner is not None), default=None)
    if not first:
        return False
    heading = sentences[first - 1]
    words = [t for t in heading if not t.is_space and not t.is_punct]
    return _starts_line(ctx.doc, heading) and 0 < len(words) <= HEADING_WORDS and \
        any(t.strength != "weak" for t in ctx.triggers_in(heading.start, heading.end)) and \
        not any(clauses.finite_verb(t) for t in words)


HEADED_BLOCK = 2
HEADING_WORDS = 6
"""A heading over a list of partners: "Sister Cities of Portland", "Leeds City Council twin towns"."""


def _kind_heading(ctx: DocCues, sent: Span) -> bool:
    """A line that heads a kind of ties ("Friendship cities", "Former sister cities"): a few
    words with a plural twinning noun (not a document's name: "Letter of Partnership"), no place,
    number or verb. It ends the entry above it, and its
    termination ("Former") is that of the entries under it."""
    doc = ctx.doc
    words = [t for t in sent if not t.is_space and not t.is_punct]
    last = _last_token(sent)
    return _starts_line(doc, sent) and 0 < len(words) <= KIND_HEADING_WORDS and last is not None and \
        last.text != "." and not ctx.mentions_in(sent.start, sent.end) and \
        any(t.strength != "weak" and doc[t.end - 1].tag_ in ("NNS", "NNPS") for t in ctx.triggers_in(sent.start, sent.end)) and \
        not any(t.like_num or clauses.finite_verb(t) for t in words)


KIND_HEADING_WORDS = 4
"""A heading naming a kind of ties is short: "Former sister cities", "Cities of friendship"."""


DATED_DOCUMENT = "dated-document-entry"
"""The rule that reads "Raahe Agreement on Twin-Town Relations, 28.6.1987, renewal 1991" as a
signing dated by its latest date: a list of agreements with dates records what was signed."""
ENTRY_MAX_WORDS = 25
ENTRY_BLOCK = 3
"""Lines shaped like entries that make a list by themselves, with no year or trigger of their own."""


def _section_heads(ctx: DocCues, sentences: list[Span], shaped: dict[int, Mention | None]) -> dict[int, Mention]:
    """A page comparing several places' partners ("Lower Hutt" / "· Minoh, Japan" / "· Tempe,
    Arizona, USA" / "Wellington" / ...): when entries carry bullets or numbers, a bare line that
    is only a place name heads the section whose entries are its partners."""
    doc = ctx.doc
    bulleted = {k for k, partner in shaped.items() if partner is not None and _marked(doc, sentences[k])}
    if len(bulleted) < ENTRY_BLOCK:
        return {}
    heads = {}
    for k, sent in enumerate(sentences):
        if k in bulleted or not _starts_line(doc, sent) or \
                len([t for t in sent if t.is_alpha]) > SECTION_HEAD_WORDS:
            continue
        place = _first_place(ctx, sent)
        if place is not None and place.info.ext_end >= _last_word(sent):
            heads[k] = place
    return heads


SECTION_HEAD_WORDS = 4


def _marked(doc: Doc, sent: Span) -> bool:
    """Does the line start with a bullet or a list number?"""
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and (first.text in BULLETS or first.like_num and len(first) <= 3)


def _last_word(sent: Span) -> int:
    return max((t.i + 1 for t in sent if not t.is_space and not t.is_punct), default=sent.start)


def _entry_finding(lex: Lexicon, ctx: DocCues, host: Mention, partner: Mention, body: list[Span],
                   heading: Span | None = None) -> Finding:
    doc, entry = ctx.doc, body[0]
    cues = ctx.statuses_in(entry.start, body[-1].end)
    if heading is not None and not cues:
        cues = [c for c in ctx.statuses_in(heading.start, heading.end) if c.label == "terminated"]
    entry_step = status(cues)
    in_entry = [d for d in ctx.dates if entry.start_char <= d.start < entry.end_char]
    dates = event_dates.usable(in_entry, entry_step.status, doc) or _entry_year(entry)
    if not dates and len(body) > 1:
        dates = event_dates.usable([d for d in ctx.dates if body[1].start_char <= d.start < body[1].end_char],
                                   entry_step.status, doc)
    if entry_step.status != "terminated" and dates and \
            any(lex.names_document(t) for t in ctx.triggers_in(entry.start, entry.end)):
        entry_step = Step("signed", DATED_DOCUMENT)
        years = [y for y in _entry_years(entry) if not any(d.start <= y.start < d.end for d in dates)]
        dates = sorted([*dates, *years], key=lambda d: d.value or "", reverse=True)
    if entry_step.rule and entry_step.rule != DATED_DOCUMENT and entry_step.status != "established":
        anchor = doc[next(c for c in cues if c.rule == entry_step.rule).start].idx
        nearby = [d for d in ctx.dates if body[0].start_char <= d.start < body[-1].end_char]
        dates = sorted(event_dates.usable(nearby, entry_step.status, doc, cues),
                       key=lambda d: abs(d.start - anchor)) or dates
    return finding("partner-entry", host, partner, "twinning", entry_step, dates[0] if dates else None,
                   [(s.start_char, s.end_char) for s in body], entry.start_char,
                   [*rules_of(entry_step, "partner-entry"), *partner.info.rules], None)


def _entry_shaped(ctx: DocCues, sent: Span, page: Mention | None) -> Mention | None:
    """The partner a line names if it is shaped like an entry: it starts a line with a place
    (after numbering, and after the country or region a list puts first), has no finite verb
    (but a status word after a dash or comma and before a year: "Gernika, Spain – established
    2007", "Siegen (Germany), ended 1999"),
    at most ``ENTRY_MAX_WORDS`` words, and no other party than the page's own place. A wire
    dateline ("RUSTAVI –") is not an entry, nor a line that goes on with "on", "at" or "by"
    after its place ("Post on 11-Jul-2020")."""
    doc = ctx.doc
    if not _starts_line(doc, sent):
        return None
    words = [t for t in sent if not t.is_space and not t.is_punct]
    last = _last_token(sent)
    if not words or len(words) > ENTRY_MAX_WORDS or last is not None and last.text in {"–", "—", "-", "--"}:
        return None
    partner = _first_place(ctx, sent)
    if partner is None or page is not None and partner.key == page.key or dateline(partner.span):
        return None
    after = doc[partner.info.ext_end] if partner.info.ext_end < sent.end else None
    if after is not None and after.lower_ in NOT_AFTER_ENTRY:
        return None
    others = {m.key for m in ctx.mentions_in(sent.start, sent.end)} - {partner.key}
    if others - ({page.key} if page is not None else set()):
        return None
    cued = {c.start for c in ctx.statuses_in(sent.start, sent.end)
            if c.label in ("established", "signed", "terminated") and c.start > sent.start
            and doc[c.start - 1].text in {"–", "—", "-", ",", "("} and c.start + 1 < sent.end and doc[c.start + 1].like_num}
    if any(clauses.finite_verb(t) and not partner.info.ext_start <= t.i < partner.info.ext_end
           and t.i not in cued for t in words):
        return None
    return partner


NOT_AFTER_ENTRY = frozenset({"on", "at", "by"})
"""Words that make a line opening with a place no entry: page furniture ("Post on 11-Jul-2020")."""


def _lists_the_page(ctx: DocCues, sentences: list[Span], shaped: dict[int, Mention | None],
                    page: Mention | None) -> bool:
    """A run of place lines with the page's own place among them ("• Ha Noi / • Ho Chi Minh /
    • Hai Phong" on a Ho Chi Minh City page) is a menu of places, not the page's partners: no
    place is its own partner. So is a run of place lines that all come before the first word of
    the page naming a tie (a site's "Localities" menu above the story): a list of partners
    follows the words that introduce it. Its lines then count only with evidence of their own."""
    first_tie = min((t.start for t in ctx.triggers if t.strength != "weak"), default=None)
    listed = [sentences[k] for k, partner in shaped.items() if partner is not None]
    if first_tie is not None and listed and all(sent.end <= first_tie for sent in listed):
        return True
    if page is None:
        return False
    for k, sent in enumerate(sentences[1:-1], 1):
        if shaped.get(k - 1) is None or shaped.get(k + 1) is None or not _starts_line(ctx.doc, sent):
            continue
        place = _first_place(ctx, sent)
        words = [t for t in sent if not t.is_space and not t.is_punct]
        if place is not None and place.key == page.key and len(words) <= SECTION_HEAD_WORDS:
            return True
    return False


def _entry_evidence(ctx: DocCues, sent: Span, following: Span | None) -> bool:
    """A lone entry-shaped line counts when it gives a year or a twinning noun, or the next
    sentence does ("Mostyska, Ukraine" / "Partnership agreement signed in 1998.")."""
    doc = ctx.doc
    dated = any(sent.start_char <= d.start < sent.end_char for d in ctx.dates) or bool(_entry_year(sent)) or \
        bool(YEAR_SPAN.search(sent.text))
    named = any(sent.start <= t.start < sent.end for t in ctx.triggers)
    explained = following is not None and clauses.text_of(doc)[_text_end(sent):following.start_char].count("\n") <= 1 \
        and any(following.start <= t.start < following.end and t.strength != "weak" for t in ctx.triggers)
    return dated or named or explained


YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)\d\d|present|today)\b", re.IGNORECASE)
"""The years a tie ran, in an entry line ("Vladivostok, Russia (1992–2022)", "1991-present")."""


def _starts_with_place(ctx: DocCues, sent: Span) -> bool:
    """Does the sentence start a line with a place ("Pskov, Russia (...)")?"""
    return _starts_line(ctx.doc, sent) and _first_place(ctx, sent) is not None


def _starts_line(doc: Doc, sent: Span) -> bool:
    """Does the sentence start a line (after any indentation)?"""
    before = clauses.text_of(doc)[:sent.start_char].rstrip(" \t\u00a0")
    return not before or before.endswith("\n")


def _first_place(ctx: DocCues, sent: Span) -> Mention | None:
    """The party place the line's first word belongs to, after numbering or a bullet and after a
    country or region a list puts before each partner ("Germany Wuppertal", "USA - Alabama Mobile":
    a region right before another place only locates it)."""
    doc = ctx.doc
    skip = _label_places(doc)
    i = sent.start
    while i < sent.end:
        token = doc[i]
        container = skip.get(i) or skip.get(_formal_name_end(doc, i, sent.end, skip), None)
        if container is not None:
            i = container
        elif token.is_space or token.is_punct or token.like_num and (len(token) <= 3 or _year(token)) or \
                token.text in BULLETS:
            i += 1
        else:
            break
    if i >= sent.end or i > sent.start and not _only_labels(doc, sent.start, i):
        return None
    in_line = ctx.mentions_in(sent.start, sent.end)
    first = next((m for m in in_line if m.info.ext_start <= i < m.info.ext_end), None)
    after = next((m for m in in_line if first is not None and m.info.ext_start == first.info.ext_end), None)
    return after if first is not None and first.info.kind == "region" and after is not None else first


def _formal_name_end(doc: Doc, i: int, end: int, skip: dict[int, int]) -> int:
    """Where a country's formal name words end ("Republic of Belarus", "People's Republic of
    China"): up to ``FORMAL_WORDS`` capitalised words and "of"/"'s" right before a label place."""
    for j in range(i, min(end, i + FORMAL_WORDS + 1)):
        if j > i and j in skip:
            return j
        if not formal_word(doc[j]):
            break
    return -1


def _label_places(doc: Doc) -> dict[int, int]:
    """Start -> end of the places that are no party (countries, containers), found once per Doc:
    every line of a partner page asks."""
    found = doc.user_data.get("twin_label_places")
    if found is None:
        found = doc.user_data["twin_label_places"] = {
            s.start: s.end for s in doc.spans.get("twin_places", []) if not s._.place.is_party}
    return found


def _only_labels(doc: Doc, start: int, end: int) -> bool:
    """Numbering, bullets and country or region names only: what a list may put before a partner."""
    return all(t.is_space or t.is_punct or t.like_num or t.text in BULLETS or formal_word(t) for t in doc[start:end])


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
    return _entry_years(entry)[:1]


def _entry_years(entry: Span) -> list[DateMention]:
    return [DateMention(token.text, token.idx, token.idx + 4, token.text, "year", "year") for token in entry
            if _year(token)]


def _year(token: Token) -> bool:
    """A bare year ("1959"): an entry may open with it ("1959 Sapporo, Japan") or give it after."""
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2099
