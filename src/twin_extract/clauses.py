"""Where a sentence splits into clauses, and which places in it form one list.

The relation rules pair places within one clause; these helpers find the clause boundaries
(commas, "and", relative and subordinate clauses) and tell a partner from a place that only
says where something happened ("in Košice", "south of Warsaw").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from .doctext import text_of
from .places import Mention

BOUNDARY_WORDS = {"and", "but", "while", "whereas", "or"}

RELATIVE_WORDS = {"which", "who", "that", "whose", "whom", "where"}

SUBORDINATORS = RELATIVE_WORDS | {"when", "while", "after", "before", "because", "as", "since"}

PAIR_GLUE = re.compile(r"^\s+(?:and|&)\s+$", re.IGNORECASE)
PAIR_GLUE_AFTER_APPOSITION = re.compile(r"^\s*,?\s+(?:and|&)\s+$", re.IGNORECASE)
""""Irvine, California, and Hsinchu": the comma closes the apposition, it does not end a pair."""
BETWEEN_PAIRS = re.compile(r"^\s*[,;]\s*(?:(?:and|while|as well as)\s+)?$", re.IGNORECASE)
HYPHEN_GLUE = re.compile(r"^[-–—]$")
WITH_GLUE = re.compile(r"^\s+with\s+$", re.IGNORECASE)
BETWEEN_WITH_PAIRS = re.compile(r"^\s*(?:[,;]\s*)?(?:and\s+)?$", re.IGNORECASE)
""""Andhra Pradesh with Toyama, Tamil Nadu with Ehime and Gujarat with Shizuoka": pairs made
with "with", joined by commas or "and"."""
BETWEEN_HYPHENED = re.compile(r"^\s*(?:[,;]\s*)?(?:(?:and|&|as well as)\s+)?$", re.IGNORECASE)
PARALLEL_PREP = re.compile(r"(?:(?:,\s*|\s+)(?:and|as well as)\s+(?:also\s+)?|[;,]\s*(?:and\s+)?(?:also\s+)?)"
                           r"((?:\d+|ten|twenty|thirty|forty|fifty|sixty|seventy)\s+(?:years?\s+)?)?"
                           r"(of|with|to)\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a later list of the same partners: ", and with", "; with", "; and with", ", with" (a
list of "with X since 1948, with Y since 1968"), and with the noun of an anniversary left out
("... 50 years as a sister city of X; 45 years with Y; and 30 years with Z")."""
PARALLEL_FOLLOWED = re.compile(r"(?:,\s*|\s+)(?:and\s+)?(?:then\s+|later\s+)?(?:(?:was|were|is|are|has been|have been|will be)\s+)?"
                               r"(?:followed|joined)\s+(?:\w+\s+){0,4}?by\s+"
                               r"(?:(?:one|ones|those|links?|ties|agreements?|partnerships?)\s+with\s+)?(?:the\s+)?$",
                               re.IGNORECASE)
"""Before a later list of the same partners, whatever the first one's preposition: "a sister city
of Umeå in 1993, followed by Shijiazhuang in 2003 and Roseau in 2011", "sister cities, long
limited to Nara, was joined by Pokhara in 2004"."""
PARALLEL_NEXT = re.compile(r"^\s*,?\s*(?:(?:in|since)\s+\d{4}\s*|\(\d{4}\)\s*)?,?\s*(?:and\s+)?(?:then\s+)?$",
                           re.IGNORECASE)
"""Between two lists after "followed by": "followed by Shijiazhuang in 2003 and Roseau"."""
PARALLEL_PREDICATE = re.compile(r"(?:,\s*|\s+)and\s+(?:also\s+)?(?:(?:last|this|next)\s+(?:week|month|year)\s+|in\s+\d{4}\s+"
                                r"|later\s+|then\s+)?(?:has|have|had|holds|maintains|keeps|began|begun"
                                r"|[a-z]+ed|(?:an?|the|another|one|a\s+new|new)(?=\s))\s+"
                                r"([^.;:,]{0,50}?)\b(with|of|to)\s+(?:the\s+)?$", re.IGNORECASE)
"""A second predicate of the same subject, or a second object of the same verb, before a later
list: "is twinned with Beijing and has an informal agreement with Saint Petersburg", "signed a
twinning agreement with Lublin and a partnership agreement with Gdańsk", "... and began talks on
a partnership with Olsztyn", "and last month agreed to sign a partnership with Canberra". With a
tie word in it ("expressed interest in a partnership with", "has offered a partnership to", "a
friendship city of") the preposition need not repeat the first one's."""
PREDICATE_TIE = re.compile(r"\b(?:partner\w*|twin\w*|sister|friendship|agreement|memorand\w*|charter|talks|ties|link|"
                           r"relations(?:hip)?|letter of intent)\b", re.IGNORECASE)
FIRST_PREP = re.compile(r"\b(of|with|to)\s+(?:the\s+)?$", re.IGNORECASE)
LIST_GLUE = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*(?-i:[A-Z][\w'’.-]*\s*){1,3}(?=,))?(?:[,;]\s*)?"
                       r"(?:(?:and|&|or|as well as|plus|along with|in addition to|and also)\s+)?$", re.IGNORECASE)
"""What may stand between two places of one list, including a bracketed other spelling
("Novopolotsk (Navapolatsk) and ...") and an entry that is no known place ("Turku, Kujalleq,
Rostock")."""

VENUE_WORDS = frozenset({"in", "at", "near", "outside"})
""""signed ... in Košice": a place after these is where something happened, not a party."""

HUB_NOT_PARTNER = VENUE_WORDS | {"from", "to", "into", "across", "via"}
""""The city's partners ... sent aid to Kharkiv": after these, not a partner of the hub."""

DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "outskirts", "suburb", "suburbs", "centre", "center", "kilometres", "kilometers", "km", "miles"}

PARTNER_NOUNS = {"partner", "partners"}
SEAT_NOUNS = {"capital", "city", "town", "port", "seat", "centre", "center"}
"""... unless they follow a partner noun: "found a new partner in Przemyśl"."""


@dataclass
class Segment:
    start: int
    end: int
    boundary: str
    has_verb: bool = False
    verb_first: bool = False
    subject_first: bool = False
    relative: bool = False
    continues: bool = False
    """Opens with the next conjunct of a phrase begun before it, and its verbs' subjects stand
    before it too ("An agreement on relations between Ashgabat | and Baku was signed"): the
    verb is the earlier clause's."""
    last_subject: int = -1
    """Token of the last subject of the segment's verbs (-1 if none)."""


def segments(doc: Doc, sent: Span, protected: list[tuple[int, int]]) -> list[Segment]:
    """Cut the sentence at commas, semicolons and coordinating words outside place extents.

    The rule families ask for the same sentence's cuts many times: the cuts are remembered per
    Doc, and every call gets Segments of its own (callers fill in their fields)."""
    memo = doc.user_data.setdefault("twin_segments", {})
    key = (sent.start, sent.end, tuple(protected))
    if key not in memo:
        memo[key] = [(seg.start, seg.end, seg.boundary) for seg in _cut(doc, sent, protected)]
    return [Segment(start, end, boundary) for start, end, boundary in memo[key]]


def _cut(doc: Doc, sent: Span, protected: list[tuple[int, int]]) -> list[Segment]:
    def is_protected(i: int) -> bool:
        return any(lo <= i < hi for lo, hi in protected)

    found: list[Segment] = []
    start, boundary, depth = sent.start, "", 0
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        depth += tok.text == "("
        depth -= tok.text == ")" and depth > 0
        cut = not depth and not is_protected(i) and (tok.text in {",", ";", ":"} or tok.lower_ in BOUNDARY_WORDS)
        if cut:
            if i > start:
                found.append(Segment(start, i, boundary))
                boundary = ""
            boundary = (boundary + " " + tok.lower_).strip()
            start = i + 1
        i += 1
    if start < sent.end:
        found.append(Segment(start, sent.end, boundary))
    return found


def _describe(doc: Doc, seg: Segment, mentions: list[Mention]) -> Segment:
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    verbs = [t.i for t in doc[seg.start:seg.end]
             if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
             and not any(lo <= t.i < hi for lo, hi in protected)]
    places = [m.info.ext_start for m in mentions if seg.start <= m.info.ext_start < seg.end]
    seg.has_verb = bool(verbs)
    if verbs:
        # "..., and last month agreed to sign": a time phrase before the verb does not stand for a subject
        content = [t for t in doc[seg.start:seg.end] if t.pos_ not in ("ADV", "PUNCT", "CCONJ", "SPACE")
                   and not _time_word(t) and not (t.dep_ in ("amod", "det") and _time_word(t.head))]
        seg.verb_first = bool(content) and content[0].i in verbs
        seg.subject_first = bool(places) and places[0] < verbs[0]
    seg.relative = doc[seg.start].lower_ in RELATIVE_WORDS
    first = next((t for t in doc[seg.start:seg.end] if not (t.is_punct or t.is_space or t.pos_ == "CCONJ")), None)
    subjects = [c.i for v in verbs for c in doc[v].children if c.dep_ in ("nsubj", "nsubjpass")]
    seg.last_subject = max(subjects, default=-1)
    seg.continues = first is not None and first.dep_ == "conj" and first.head.i < seg.start and \
        first.pos_ in ("PROPN", "NOUN") and bool(subjects) and max(subjects) < seg.start
    return seg


TIME_NOUNS = frozenset({"week", "month", "year", "day", "weekend", "spring", "summer", "autumn", "winter"})


def _time_word(token: Token) -> bool:
    """"last month", "this spring" before a verb (the parser may call it the subject)."""
    return token.lemma_.lower() in TIME_NOUNS and any(c.lower_ in ("last", "this", "next") for c in token.children)


ADDED_WITH = re.compile(r"\b(?:as well as|and also|also|plus|along with|in addition to)\s+with\b", re.IGNORECASE)


def gapped(doc: Doc, lo: int, hi: int, mentions: list[Mention]) -> bool:
    """"..., and Lyon in France with both Be'er Sheva and Jericho": a verbless stretch that
    opens with a place and names its partners after "with" is a clause whose verb was left out
    (gapping); it repeats the previous clause's predicate."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return False
    inside = [m for m in mentions if lo <= m.info.ext_start < hi]
    content = [t for t in doc[lo:hi] if t.lower_ not in ("and", "the") and not t.is_punct]
    if len(inside) < 2 or not content or content[0].i != inside[0].span.start:
        return False
    partner = next((m for m in inside[1:] if m.span.start >= inside[0].info.ext_end), None)
    if partner is None:
        return False
    between = doc[inside[0].info.ext_end:partner.span.start]
    # "with Bremen and Nanjing as well as with Chicago": a further partner of the same verb, no gap
    if ADDED_WITH.search(between.text):
        return False
    return any(t.lower_ == "with" for t in between)


def clauses(doc: Doc, sent: Span, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Token ranges of the sentence's clauses (see ``relations``, step 1)."""
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    described = [_describe(doc, s, mentions) for s in segments(doc, sent, protected)]
    units: list[list[Segment]] = []
    waiting: list[Segment] = []
    for seg in described:
        if not seg.has_verb and units and "and" in seg.boundary.split() and gapped(doc, seg.start, seg.end, mentions):
            units[-1].extend(waiting)
            units.append([seg])
            waiting = []
            continue
        if not seg.has_verb:
            waiting.append(seg)
            continue
        own_subject = bool(waiting) and seg.last_subject >= waiting[0].start
        if units and (seg.verb_first or seg.relative or seg.continues and not own_subject):
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


def groups(doc: Doc, mentions: list[Mention]) -> list[list[Mention]]:
    """Places joined only by commas and "and" form one list ("Rzeszów, Przemyśl and Lublin")."""
    lists: list[list[Mention]] = [[mentions[0]]]
    for prev, cur in zip(mentions, mentions[1:]):
        between = text_of(doc)[prev.end:cur.start]
        if LIST_GLUE.match(between) and cur.start >= prev.end:
            lists[-1].append(cur)
        else:
            lists.append([cur])
    return lists


def pair(doc: Doc, mentions: list[Mention], strong: bool = True) -> tuple[list[tuple[Mention, Mention]], float]:
    """Group places into lists by what stands between them, then pair the lists.

    A list after "in"/"at" is where it happened ("signed ... on 12 October in Košice"). Only a
    strong trigger may still pair one other place with it ("Lviv signed a twinning agreement in
    Lublin"); "The memorandum was signed in Copenhagen ... the mayor of Mykolaiv" is no pair."""
    subject_tie = _subject_apposition(doc, mentions)
    if subject_tie is not None:
        (a, b), rest = subject_tie
        later, penalty = pair(doc, [a, *rest], strong)
        return [(a, b), *later], penalty
    appositive = _appositive_tie(doc, mentions)
    if appositive:
        return appositive, 0.0
    coordinated = coordinated_pairs(doc, mentions)
    if coordinated:
        return coordinated, 0.0
    between = _between_pairs(doc, groups(doc, mentions))
    if between:
        return between, 0.0
    lists: list[list[Mention]] = []
    seen: set[str] = set()
    for group in groups(doc, mentions):
        if not {m.key for m in group} <= seen and not direction(doc, group[0]):
            lists.append(group)
        seen |= {m.key for m in group}
    if not lists:
        return [], 0.0
    parties = [g for g in lists if not venue(doc, g[0])]
    if not parties:
        return [], 0.0
    if len(parties) < len(lists) and (len(parties) >= 2 or len(parties[0]) == 2 or not strong):
        lists = parties
    if len(lists) == 1:
        if len(lists[0]) == 2 and not _destinations(doc, lists[0][0]):
            return [(lists[0][0], lists[0][1])], 0.0
        return [], 0.0
    parallel = _parallel_lists(doc, lists)
    penalty = 0.0 if len(lists) == 2 + len(parallel) else 0.2
    first = lists[0]
    if not parallel and _respective(doc, first, lists[1]):
        return list(zip(first, lists[1])), penalty
    pairs = [(a, b) for later in [lists[1], *parallel] for a in first for b in later if a.key != b.key]
    return pairs, penalty


_APPOSITIVE_TIE = re.compile(
    r",\s*(?:(?:the|a|an)\s+)?(?:[A-Z][\w-]*\s+)?(?:twin|sister|partner|friendship)[\s-]"
    r"(?:town|city|municipality|region|community|village|county|province|state)\s+of\s*$")


def _subject_apposition(doc: Doc, mentions: list[Mention]) -> tuple[tuple[Mention, Mention], list[Mention]] | None:
    """"Rzeszów, a partner of Lviv since 1992, will sign a twinning charter with Ivano-Frankivsk":
    the first place's apposition names a tie with the place inside it; the places after the
    apposition are the first place's partners as well, not the apposed place's."""
    if len(mentions) < 3:
        return None
    a = mentions[0]
    for child in a.span.root.children:
        if child.dep_ != "appos" or child.lemma_.lower() not in APPOSED_TIES and not any(
                t.dep_ in ("compound", "amod") and t.lower_ in TIE_MODIFIERS for t in child.children):
            continue
        inside = [m for m in mentions[1:] if child.left_edge.i <= m.span.start <= child.right_edge.i]
        rest = [m for m in mentions[1:] if m.span.start > child.right_edge.i]
        if len(inside) == 1 and rest and inside[0].key != a.key:
            return (a, inside[0]), rest
    return None


APPOSED_TIES = frozenset({"partner", "twin", "sister"})
TIE_MODIFIERS = frozenset({"twin", "sister", "partner", "friendship"})
"""An apposition that names a tie: "a partner of Lviv", "twin town of Görlitz", "a sister city of"."""


def _appositive_tie(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """"the mayor of Dresden visited Zgorzelec, twin town of Görlitz": a place whose apposition
    names it a twin of the next place is that place's partner, whoever else the clause names."""
    text = text_of(doc)
    for a, b in zip(mentions, mentions[1:]):
        if a.key != b.key and _APPOSITIVE_TIE.fullmatch(text[a.end:b.span.start_char]):
            return [(a, b)]
    return []


def _between_pairs(doc: Doc, lists: list[list[Mention]]) -> list[tuple[Mention, Mention]]:
    """"a possible town twinning between Ballina and Craigavon": two places after "between" are
    the pair, whatever else the clause names (the council that visits, the venue); "between
    Groningen and the German cities of Oldenburg, Bremen and Hamburg" pairs the first with each
    of the plural list. "between Eldoret and Roanoke, and between Eldoret and Tarragona" gives each
    pair; "between Tralee and the French city of Lorient; the German towns of Waldkirch and Aalen;
    and Chicago": a first place joined by a bare "and", the later ones by semicolons or commas, is
    the host of all the others."""
    text = text_of(doc)
    found: list[tuple[Mention, Mention]] = []
    for group in lists:
        start = group[0].info.ext_start
        if start == 0 or doc[start - 1].lower_ != "between" or len({m.key for m in group}) != len(group) \
                or len(group) < 2:
            continue
        if len(group) == 2:
            found.append((group[0], group[1]))
        elif plural_head(group[1]) and not any(plural_head(m) for m in group[2:]):
            found.extend((group[0], m) for m in group[1:])
        elif PAIR_GLUE.match(text[group[0].end:group[1].start]) and any(
                re.search(r"[;,]", text[a.end:b.start]) for a, b in zip(group[1:], group[2:])):
            found.extend((group[0], m) for m in group[1:])
    return found


PLURAL_HEADS = frozenset({"cities", "towns", "municipalities", "communes", "villages", "regions", "provinces",
                          "states", "counties", "oblasts", "districts", "prefectures", "voivodeships"})
"""Type words that open a list of several places ("the German cities of ...")."""


def plural_head(mention: Mention) -> bool:
    """Whether a plural type word stands in the words that lead into ``mention`` ("the German
    cities of Oldenburg"): a list of several opens there, never one half of a pair."""
    doc = mention.span.doc
    return any(t.lower_ in PLURAL_HEADS for t in doc[mention.info.ext_start:mention.span.start])


def _respective(doc: Doc, first: list[Mention], second: list[Mention]) -> bool:
    """"The cities of A, B, C and D will twin with E, F, G and H": two lists of the same length
    pair member by member, as "respectively" says outright; two towns each ("A and B with C and
    D") only when it does. The first list must close with "and": "such as Bhuj, Broken Hill,
    Hargeisa, Port ... Kingston, Tilburg and Tel Aviv" cut in two by an unknown name is one list."""
    if len(first) != len(second) or len(first) < 2 or {m.key for m in first} & {m.key for m in second}:
        return False
    if len(first) >= RESPECTIVE_LENGTH:
        return bool(CLOSING_AND.search(text_of(doc)[first[-2].end:first[-1].start]))
    text = text_of(doc)
    return bool(RESPECTIVELY.search(text[second[-1].end:second[-1].end + 30])) or \
        bool(RESPECTIVELY_IN.search(text[first[-1].end:second[-1].span.sent.end_char]))


RESPECTIVE_LENGTH = 3
CLOSING_AND = re.compile(r"\b(?:and|&)\s*$|&", re.IGNORECASE)
RESPECTIVELY = re.compile(r"^\W*respectively\b", re.IGNORECASE)
RESPECTIVELY_IN = re.compile(r"\brespectively\b", re.IGNORECASE)
""""are respectively twinned with", "... in 1998 and 2004 respectively": anywhere after the first list."""


def _parallel_lists(doc: Doc, lists: list[list[Mention]]) -> list[list[Mention]]:
    """"Eugene has been a sister city of Kakegawa since 1979, and of Kathmandu since 1975": a later
    list that repeats the preposition of the second one is another list of partners of the first."""
    text = text_of(doc)

    def before(k: int) -> list[str]:
        """The text before list ``k``, up to its cue words ("the State of") and up to its name."""
        return [text[lists[k - 1][-1].end:start] for start in
                (doc[lists[k][0].info.ext_start].idx, lists[k][0].span.start_char)]

    def preposition(k: int) -> str | None:
        m = next((m for gap in before(k) for form in (PARALLEL_PREP, PARALLEL_PREDICATE) if (m := form.search(gap))),
                 None)
        if m is None:
            return None
        # a measure left for the noun ("; 45 years with Y") or a tie word in a second predicate
        # ("and expressed interest in a partnership with Y") repeats the tie whatever the preposition
        prep = m.group(m.lastindex).lower()
        if prep != first.group(1).lower() and (m.re is PARALLEL_PREP and m.group(1)
                                               or m.re is PARALLEL_PREDICATE and PREDICATE_TIE.search(m.group(0))):
            return "*"
        return prep

    first = next((m for gap in before(1) if (m := FIRST_PREP.search(gap))), None)
    if first is None:
        return []
    parallel, followed = [], False
    for k in range(2, len(lists)):
        prep = preposition(k)
        prior = lists[k - 1]
        if prep == "*" and (not (prior is lists[1] or parallel and parallel[-1] is prior) or len(prior) > 1
                            and ";" in text[prior[-2].end:prior[-1].start]):
            continue  # "... of Jyväskylä; Oaxaca, 30 years with Palo Alto": another place's own tie
        if prep in (first.group(1).lower(), "*"):
            parallel.append(lists[k])
            followed = False
        elif any(PARALLEL_FOLLOWED.search(gap) for gap in before(k)) or \
                followed and parallel and parallel[-1] is lists[k - 1] and PARALLEL_NEXT.match(before(k)[1]):
            parallel.append(lists[k])
            followed = True
    return parallel


def coordinated_pairs(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """"Plano, Texas and Weifang, Shandong province, and Irvine, California, and Hsinchu signed
    agreements", "Kharkiv and Lublin, and Odesa and Genoa": pairs joined by "and", the pairs by
    commas; "Delhi-Beijing, Bengaluru-Chengdu and Kolkata-Kunming": pairs joined by a hyphen;
    "Tamil Nadu with Ehime, Gujarat with Shizuoka": pairs joined by "with". The ties follow the
    coordination, never all-with-all. Places that only qualify or locate a party ("Shandong
    province") do not break the pattern, nor does a bracket opening with a place ("Spokane
    (Washington's second city) and Nishinomiya"). Two pairs or more after "include", "among
    them" or a colon are such a list even when places stand before it."""
    text = text_of(doc)
    mentions = [m for n, m in enumerate(mentions) if not (n and text[mentions[n - 1].end:m.start].strip() == "(")]
    if len(mentions) < 2:
        return []
    extents = _place_extents(doc)
    gaps = [BRACKETED.sub("", _without_places(doc, prev.end, cur.start, extents))
            for prev, cur in zip(mentions, mentions[1:])]
    whole = _pairs_in_order(mentions, gaps) or _with_pairs_after_verb(mentions, gaps)
    if whole:
        return whole
    for k in range(1, len(mentions) - 3):
        if PAIR_LIST_OPENER.search(gaps[k - 1]):
            listed = _pairs_in_order(mentions[k:], gaps[k:])
            if listed:
                return listed
    return []


BRACKETED = re.compile(r"\s*\([^()]*\)")
PAIR_LIST_OPENER = re.compile(r"(?:\b(?:include|includes|included|including|are|were|namely|among them|such as)"
                              r"|:)\s*(?:the\s+)?$", re.IGNORECASE)
"""What opens a list of pairs after the places it follows: "sister cities besides X and Y include
A and B, C and D", "among them Seattle and Kobe, and Spokane and Nishinomiya"."""


def _with_pairs_after_verb(mentions: list[Mention], gaps: list[str]) -> list[tuple[Mention, Mention]]:
    """"Faisalabad would be twinned with Qingdao, Rawalpindi with Wuhan and Multan with Xi'an",
    "A document twinning Lankaran with Bukhara, Sheki with Kokand ... was signed in Tashkent":
    the first pair has the verb, the later ones repeat it by "with" alone (gapping); a place
    after a closing "in" or "at" is the venue."""
    if len(mentions) >= 5 and VENUE_GAP.search(gaps[-1]):
        mentions, gaps = mentions[:-1], gaps[:-1]
    if len(mentions) < 4 or len(mentions) % 2:
        return []
    if WITH_GLUE.match(gaps[0]):
        return _pairs_in_order(mentions, gaps)
    if not WITH_AFTER_VERB.search(gaps[0]):
        return []
    rest = _pairs_in_order(mentions[2:], gaps[2:])
    if not rest or not WITH_GLUE.match(gaps[2]) or not BETWEEN_WITH_PAIRS.match(gaps[1]):
        return []
    return [(mentions[0], mentions[1]), *rest]


WITH_AFTER_VERB = re.compile(r"^[^,;:()]*\b[a-z]+\s+with\s+$")
VENUE_GAP = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _pairs_in_order(mentions: list[Mention], gaps: list[str]) -> list[tuple[Mention, Mention]]:
    if len(mentions) < 2 or len(mentions) % 2 or any(plural_head(m) for m in mentions[1:]):
        return []
    if all(HYPHEN_GLUE.match(gap) for gap in gaps[::2]):
        between = BETWEEN_HYPHENED
    elif len(mentions) >= 4 and all(WITH_GLUE.match(gap) for gap in gaps[::2]):
        between = BETWEEN_WITH_PAIRS
    elif len(mentions) >= 4:
        between = BETWEEN_PAIRS
        if not all((PAIR_GLUE_AFTER_APPOSITION if prev.info.ext_end > prev.span.end else PAIR_GLUE).match(gap)
                   for prev, gap in zip(mentions[::2], gaps[::2])):
            return []
    else:
        return []
    if not all(between.match(gap) for gap in gaps[1::2]):
        return []
    return [(mentions[k], mentions[k + 1]) for k in range(0, len(mentions), 2)]


def _place_extents(doc: Doc) -> list[tuple[int, int]]:
    """Character extents of every place mention (qualifiers and containers too), in the order of
    the mentions' own starts; found once per Doc and set of place mentions."""
    group = doc.spans.get("twin_places", [])
    known = doc.user_data.get("twin_place_extents")
    if known is None or known[0] is not group:
        known = doc.user_data["twin_place_extents"] = (group, _extents(doc, group))
    return known[1]


def _extents(doc: Doc, group: Iterable[Span]) -> list[tuple[int, int]]:
    extents = []
    for span in sorted(group, key=lambda s: s.start_char):
        info = span._.place
        last = doc[info.ext_end - 1]
        extents.append((doc[info.ext_start].idx, last.idx + len(last.text)))
    return extents


def _without_places(doc: Doc, start: int, end: int, extents: list[tuple[int, int]]) -> str:
    """The text between two characters with every place mention in it (qualifiers, containers)
    taken out, and the commas around one folded into one: ", Shandong province, and " -> ", and "."""
    text = text_of(doc)
    kept, at = [], start
    for lo, hi in extents:
        if hi <= at or lo >= end:
            continue
        kept.append(text[at:lo])
        at = hi
    kept.append(text[at:end])
    return re.sub(r"([,;])(?:\s*[,;])+", r"\1", "".join(kept))


def outside_subordinates(doc: Doc, sent: Span, trigger_start: int, mentions: list[Mention]) -> list[Mention]:
    """Places a medium trigger can pair: not those inside a "which/when/while ..." clause that
    does not hold the trigger ("sign a formal agreement, which ... when a delegation from Kovel
    visits Mississippi")."""
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    subordinate: list[tuple[int, int]] = []
    inside = False
    for seg in segments(doc, sent, protected):
        if doc[seg.start].lower_ in SUBORDINATORS:
            inside = not (seg.start <= trigger_start < seg.end) and trigger_start < seg.start
        elif seg.boundary:
            inside = inside and "," not in seg.boundary
        if inside:
            subordinate.append((seg.start, seg.end))
    return [m for m in mentions if not any(lo <= m.span.start < hi for lo, hi in subordinate)]


def outside_enclosed_relatives(doc: Doc, sent: Span, trigger_start: int, mentions: list[Mention]) -> list[Mention]:
    """"The mayor of Trowbridge, who visited Leer last year, signed a twinning charter with
    Kostopil": a relative clause set off by commas before the trigger says something else of the
    place it follows; the places inside it are no parties of the trigger's tie (the caller keeps
    them when the rest names no pair: "my father, who was mayor of Tacoma then, set up this
    sister-city relationship with Fuzhou")."""
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    enclosed = [(seg.start, seg.end) for seg in segments(doc, sent, protected)
                if doc[seg.start].lower_ in HOLDER_RELATIVES and "," in seg.boundary and seg.end <= trigger_start
                and seg.end < len(doc) and doc[seg.end].text == ","]
    return [m for m in mentions if not any(lo <= m.span.start < hi for lo, hi in enclosed)]


HOLDER_RELATIVES = {"whose", "which", "who"}


def finite_verb(token: Token) -> bool:
    """A verb other than a bare past participle: headings, labels and list entries have none
    ("Sister cities twinned in 1990" may hold one participle, "Leeds signed" is a sentence)."""
    return token.pos_ in ("VERB", "AUX") and token.tag_ != "VBN"


def relative_holder(doc: Doc, sent: Span, trigger_start: int, mentions: list[Mention]) -> list[Mention]:
    """"Limerick would follow Dublin, whose councillors have voted to twin with Kyiv": a trigger
    inside a relative clause that hangs on a place ties that place to the partners named from
    the relative word on; the main clause's other places are no parties of it. Not when the
    place closes a list ("Shanghai and San Francisco, which formed their tie"): the relative
    clause speaks of the whole list."""
    rel = relative_segment(doc, sent, trigger_start, mentions)
    if rel is None or doc[rel[0]].lower_ not in HOLDER_RELATIVES or rel[0] < 2 or doc[rel[0] - 1].text != ",":
        return mentions
    holder = next((m for m in mentions if m.info.ext_end == rel[0] - 1 or m.span.end == rel[0] - 1), None)
    if holder is None or any(len(g) > 1 and holder in g for g in groups(doc, mentions)):
        return mentions
    partners = [m for m in mentions if m.span.start >= rel[0] and m.key != holder.key]
    return [holder, *partners] if partners else mentions


def outside_purpose(doc: Doc, trigger_start: int, trigger_end: int, mentions: list[Mention]) -> list[Mention]:
    """Places a medium trigger can pair: not those inside an infinitive of purpose after it ("an
    agreement with the regional government of Salta to run more trains to Matsue"): that is
    what the agreement is for, not a party to it."""
    kept = []
    for m in mentions:
        token, inside = m.span.root, False
        for _ in range(PURPOSE_REACH):
            if trigger_start <= token.i < trigger_end or token.head.i == token.i:
                break
            token = token.head
            if token.i > trigger_start and token.pos_ == "VERB" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                inside = True
                break
        if not inside:
            kept.append(m)
    return kept


PURPOSE_REACH = 6
"""Heads from a place up to the verb of the clause it sits in ("Matsue", "to", "trains", "run")."""


def outside_fronted(doc: Doc, lo: int, mentions: list[Mention]) -> list[Mention]:
    """"Since that first link with Odessa, Vancouver has also been twinned with Yokohama": a
    phrase opening the clause with a preposition or subordinator and closed by a comma right
    before a place that is the clause's subject sets the scene; its places are not parties."""
    subjects = [m for m in mentions if m.span.root.dep_ in ("nsubj", "nsubjpass")]
    first = next((t for t in doc[lo:] if not t.is_space and not t.is_punct), None)
    if not subjects or first is None or first.pos_ not in ("ADP", "SCONJ"):
        return mentions
    start = min(m.info.ext_start for m in subjects)
    if start == 0 or doc[start - 1].text != ",":
        return mentions
    return [m for m in mentions if not lo <= m.span.start < start - 1]


def venue(doc: Doc, mention: Mention, words: frozenset[str] = VENUE_WORDS) -> bool:
    """Is the place introduced as a location ("in Košice", "at Lviv", "south of Warsaw") rather
    than a partner?"""
    i = mention.info.ext_start
    if direction(doc, mention):
        return True
    if i == 0 or doc[i - 1].lower_ not in words:
        return False
    return i < 2 or doc[i - 2].lower_ not in PARTNER_NOUNS


def _destinations(doc: Doc, mention: Mention) -> bool:
    """"the study trip to Singkawang and Pontianak": places a journey went to are no pair of
    each other."""
    i = mention.info.ext_start
    return i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lemma_.lower() in JOURNEYS


JOURNEYS = frozenset({"trip", "visit", "journey", "tour", "travel", "mission", "delegation", "flight", "drive"})
"""Nouns of going somewhere: the places after their "to" are destinations ("the study trip to ...")."""


def direction(doc: Doc, mention: Mention) -> bool:
    """"Piaseczno, south of Warsaw": a place that only locates another one."""
    i = mention.info.ext_start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in DIRECTIONS


def after_with(doc: Doc, mention: Mention) -> bool:
    """"... with the Lithuanian capital Vilnius", "with representatives of Ukraine's Poltava
    Oblast": "with" and only a noun phrase before the place; not "with the capital of Anhui
    Province", where the partner is a city the place only locates."""
    i = mention.info.ext_start - 1
    while i >= 0 and i >= mention.info.ext_start - 6 and (
            doc[i].pos_ in ("DET", "ADJ", "PROPN", "NOUN") or doc[i].lower_ in ("of", "from", "'s", "’s")):
        if doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in SEAT_NOUNS:
            return False
        i -= 1
    return i >= 0 and doc[i].lower_ == "with"


def tie_with(doc: Doc, trigger_end: int, mention: Mention) -> bool:
    """A tie noun followed directly by "with <place>": "the link with Posoltega", "our
    partnership, with Opole in Poland"."""
    between = [t for t in doc[trigger_end:mention.info.ext_start] if not t.is_punct]
    return bool(between) and between[0].lower_ == "with" and after_with(doc, mention)


def relative_segment(doc: Doc, sent: Span, token: int, mentions: list[Mention]) -> tuple[int, int] | None:
    """The relative clause ("which ...", "who ...") around ``token``, if it sits in one."""
    protected = [(m.info.ext_start, m.info.ext_end) for m in mentions]
    for seg in segments(doc, sent, protected):
        if seg.start <= token < seg.end:
            return (seg.start, seg.end) if doc[seg.start].lower_ in RELATIVE_WORDS else None
    return None


def char_end(doc: Doc, token_end: int) -> int:
    """Character offset just after token ``token_end - 1``."""
    last = doc[token_end - 1]
    return last.idx + len(last.text)


def institutional(doc: Doc, mention: Mention, institutions: set[str]) -> bool:
    """Is the place only the seat of a body that is not a municipality? "police from Chełm and
    Kovel", "the universities of Lviv and Wrocław", "the Kharkiv and Brno chambers of commerce"
    (``patterns/institutions.jsonl``): their agreements are not ties between the towns."""
    token = mention.span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "from", "in"):
        governor = token.head.head
    elif token.dep_ in ("compound", "amod", "nmod", "poss"):
        governor = token.head
    else:
        return False
    return governor.lemma_.lower() in institutions or governor.lower_ in institutions
