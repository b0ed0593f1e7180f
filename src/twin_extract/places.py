"""The ``twin_places`` component: find place mentions and decide their type and country.

The statistical NER alone mislabels or misses many Ukrainian and small European towns, so
capitalised token runs are matched against the GeoNames index whatever label the model gave
(``place_match.py``, with ``place_context.py`` reading cues and apposition). This module decides
what needs the whole document: which of several homonyms is meant (countries named in the
sentence and the story, one sense per document), qualifiers and containers. Results:
``doc.spans["twin_places"]``, each span with ``span._.place``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from .countries import resolver_for
from .doctext import lowers_of, text_of, words_of
from .extensions import register_extensions
from .gazetteer import Gazetteer, Place, default_gazetteer
from .mentions import SPAN_KEY, Mention, PlaceInfo, party_mentions
from .patterns import PatternSet, shared_patterns
from .place_match import DASHES, SHARED_TYPE_RULE, PlaceMatcher, locates_a_town, weight
from .place_words import PlaceWords, words_for
from .spelling_variants import known_name, variant_mentions
from .textnorm import fold

__all__ = ["SPAN_KEY", "Mention", "PlaceInfo", "PlaceRecognizer", "party_mentions"]


class PlaceRecognizer:
    """Rule-based place recognition over the NER output and a GeoNames gazetteer."""

    def __init__(self, nlp: Language, name: str, patterns: str | None = None,
                 min_population: int = 1000, common_word_population: int = 15000,
                 gazetteer: Gazetteer | None = None) -> None:
        register_extensions()
        self.name = name
        self.patterns_dir = patterns
        self.min_population = min_population
        self.common_word_population = common_word_population
        """A capitalised word the tagger did not call a proper noun must name a town this big."""
        self._gazetteer = gazetteer
        self.set_patterns(shared_patterns(patterns))

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def set_patterns(self, patterns: PatternSet) -> None:
        self.patterns = patterns
        self.resolver = resolver_for(patterns)
        self.words = words_for(patterns)
        self._matcher: PlaceMatcher | None = None

    @property
    def matcher(self) -> PlaceMatcher:
        """Built on first use, so loading a pipeline does not open the gazetteer."""
        if self._matcher is None:
            self._matcher = PlaceMatcher(self.patterns, self.resolver, self.words, self.gazetteer,
                                         self.min_population, self.common_word_population)
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.matcher.mentions(doc)
        variants = variant_mentions(doc, mentions, self.gazetteer, self.words, self._known, self.matcher.context.extent,
                                    self.resolver.country)
        if variants:
            mentions = sorted(mentions + variants, key=lambda m: m[0].start)
        acronyms = acronym_mentions(doc, mentions)
        if acronyms:
            mentions = sorted(mentions + acronyms, key=lambda m: m[0].start)
        attached = {i for span, info in mentions
                    for i in [*range(info.ext_start, span.start), *range(span.end, info.ext_end)]}
        containers = {mentions[n - 1][0].start: mentions[n] for n in range(1, len(mentions))
                      if _container_after(doc, mentions[n - 1], mentions[n])}
        attached |= {i for span, _ in containers.values() for i in range(span.start, span.end)}
        context: Counter[str] = Counter(code for i, word in enumerate(words_of(doc)) if word[:1].isupper()
                                        and i not in attached for code in [self.resolver.demonym(word)] if code)
        by_sentence: dict[int, set[str]] = {}
        for span, info in mentions:
            qualifies = any(other.kind != "country" and other.ext_start < span.start < other.ext_end
                            for _, other in mentions)
            qualifies = qualifies or span.start in attached
            if info.kind == "country" and info.country and not qualifies:
                context[info.country] += 1
                by_sentence.setdefault(span.sent.start, set()).add(info.country)
            elif info.kind == "region" and info.country and info.subdivision and not qualifies and \
                    _locative(doc, info.ext_start):
                # "Logan and Ipswich, two cities in Queensland": a region the sentence puts
                # something in says which country its homonyms are in, as a country's name would
                by_sentence.setdefault(span.sent.start, set()).add(info.country)
        regions = {(info.country, info.admin1) for _, info in mentions if info.kind == "region" and info.admin1}
        mentions = _drop_qualifiers(mentions)
        contrasts = self._described_countries(doc)
        ranked: dict[str, PlaceInfo] = {}
        spans = []
        for n, (span, info) in enumerate(mentions):
            earlier = _explicit_resolution(mentions, n, contrasts)
            if info.kind == "city" and info.country_source == "none" and earlier is not None:
                info = replace(earlier, ext_start=info.ext_start, ext_end=info.ext_end,
                               country_source="coreference", rules=info.rules + ["same-name-in-document"])
            elif info.kind == "city" and info.geonames_id is None and info.country_source == "none":
                first = ranked.get(fold(span.text))
                if first is not None:
                    info = replace(first, ext_start=info.ext_start, ext_end=info.ext_end,
                                   rules=info.rules + ["gazetteer-rank", "same-name-in-document"])
                else:
                    sentence = by_sentence.get(span.sent.start, set()) | self._demonym_countries(span.sent, attached)
                    if span.start in containers:
                        sentence = sentence | {containers[span.start][1].country}
                    info = self._rank(span, info, sentence, context, regions)
                    if info is not None:
                        ranked[fold(span.text)] = info
                if info is None:
                    continue
            span._.place = info
            spans.append(span)
        spans = _merge_bracketed_spellings(doc, spans)
        _mark_containers(doc, spans, self.words, self.gazetteer)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _known(self, text: str) -> bool:
        return known_name(text, self.resolver, self.gazetteer, self.matcher.not_places)

    def _described_countries(self, doc: Doc) -> set[str]:
        """Countries of "the English city", "the Texan town" written without a name after them:
        a story that says "the English city should not be confused with Cambridge,
        Massachusetts" tells which Cambridge its bare mentions are."""
        found = set()
        words, lowers = words_of(doc), lowers_of(doc)
        for i in range(1, len(doc) - 1):
            code = self.resolver.demonym(words[i]) if words[i][:1].isupper() else None
            if code and lowers[i + 1] in self.words.host_nouns and lowers[i - 1] in self.words.leading and \
                    (i + 2 >= len(doc) or lowers[i + 2] != "of"):
                found.add(code)
        return found

    def _demonym_countries(self, sent: Span, attached: set[int]) -> set[str]:
        """Countries of the sentence's demonyms, less those that lead into another place's name or
        follow it as its container: in "between Groningen and the German cities of Oldenburg and
        Bremen", "German" says where Oldenburg and Bremen lie, nothing of Groningen; in "San Jose in
        the US, Liverpool", "US" says nothing of Liverpool."""
        found = set()
        for i, word in enumerate(words_of(sent.doc)[sent.start:sent.end], start=sent.start):
            if word[:1].isupper() and i not in attached:
                code = self.resolver.demonym(word)
                if code:
                    found.add(code)
        return found

    def _rank(self, span: Span, info: PlaceInfo, sentence_countries: set[str],
              doc_countries: Counter[str], doc_regions: set[tuple[str | None, str | None]] = frozenset(),
              ) -> PlaceInfo | None:
        """No explicit country: prefer countries named in the sentence, then those named more
        often in the document on their own (Scotland, Scottish: the Perth in Scotland; "Tempe,
        Arizona, USA" in a partner list says nothing of the host), then size; a name written with the exact local diacritics of a candidate
        ("Jarosław", not Yaroslavl's Polish exonym) counts tenfold, and so does a town in a region
        the document names ("two towns in the state of Connecticut ... Lyman with Westport").
        Later mentions of the name keep the first mention's choice (one sense per document)."""
        places = info.candidates
        if not places:
            return None

        def score(place: Place) -> float:
            named = min(doc_countries[place.country], 3)
            boost = 1000.0 if place.country in sentence_countries else 30.0 * named if named else 1.0
            written = 10.0 if place.name == span.text and not span.text.isascii() else 1.0
            region = NAMED_REGION if (place.country, place.admin1) in doc_regions else 1.0
            quarter = CITY_STATE_QUARTER if fold(place.name) not in \
                self.resolver.city_states.get(place.country, (fold(place.name),)) else 1.0
            return weight(place, span.text) * boost * written * region * quarter

        best = max(places, key=score)
        ambiguity = sum(1 for p in places if p.country != best.country and p.population > best.population / 10)
        return PlaceInfo("city", best.name, best.country, geonames_id=best.geonames_id,
                         population=best.population, country_source="gazetteer", admin1=best.admin1,
                         ext_start=info.ext_start, ext_end=info.ext_end,
                         evidence=max(0.5, 0.9 - 0.1 * ambiguity) * min(1.0, 0.6 + math.log10(best.population + 1) / 15),
                         rules=info.rules + ["gazetteer-rank"])

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Save the rules in use, so a packaged pipeline carries its own patterns."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns.to_dict())
        srsly.write_json(path / "cfg", {"min_population": self.min_population,
                                        "common_word_population": self.common_word_population})

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> "PlaceRecognizer":
        path = Path(path)
        cfg = srsly.read_json(path / "cfg")
        self.min_population = cfg["min_population"]
        self.common_word_population = cfg["common_word_population"]
        self.set_patterns(PatternSet.from_dict(srsly.read_json(path / "patterns.json")))
        return self


BRACKETED_TOWN = 15000
"""A bracketed name after a town is taken for another town only from this size on."""

NAMED_REGION = 10.0
"""How much a region the document names favours its own towns among same-named candidates."""


def acronym_mentions(doc: Doc, mentions: list[tuple[Span, PlaceInfo]]) -> list[tuple[Span, PlaceInfo]]:
    """"The Ahmedabad Municipal Corporation (AMC) ... The AMC has signed ...": an acronym defined
    in brackets after a body whose name starts with a place the text names (the acronym's first
    letter the place's) names that place wherever it stands later in the text. One search of the
    text first: most articles define no acronym and cost nothing more."""
    text = text_of(doc)
    if ACRONYM_DEFINITION.search(text) is None:
        return []
    words = words_of(doc)
    by_key = {fold(span.text): info for span, info in mentions if info.kind != "country"}
    taken = {i for span, info in mentions for i in range(min(span.start, info.ext_start), max(span.end, info.ext_end))}
    found: list[tuple[Span, PlaceInfo]] = []
    for match in ACRONYM_DEFINITION.finditer(text):
        opening = doc.char_span(match.start(), match.start() + 1)
        k, acronym = (opening.start, match.group(1)) if opening is not None else (0, "")
        if opening is None or k + 3 > len(doc) or words[k + 1] != acronym or words[k + 2] != ")":
            continue
        start = k
        while start > 0 and k - start < ACRONYM_BODY_WORDS + 2 and words[start - 1].isalpha() and \
                words[start - 1][:1].isupper():
            start -= 1
        body = words[start:k]
        while body and body[0].lower() in ("the", "a"):
            body = body[1:]
        info = next((by_key[fold(" ".join(body[:n]))] for n in (3, 2, 1)
                     if len(body) > n and fold(" ".join(body[:n])) in by_key), None)
        if info is None or acronym[0] != body[0][:1].upper():
            continue
        for i in range(k + 3, len(words)):
            if words[i] == acronym and i not in taken:
                found.append((doc[i:i + 1], replace(info, ext_start=i, ext_end=i + 1,
                                                    rules=info.rules + ["acronym-of-place"])))
                taken.add(i)
    return found


ACRONYM_DEFINITION = re.compile(r"\(([A-Z]{2,6})\)")
ACRONYM_BODY_WORDS = 4
"""Capitalised words of a body's name after the place and before its bracketed acronym
("Municipal Corporation", "Metropolitan Assembly")."""


def _explicit_resolution(mentions: list[tuple[Span, PlaceInfo]], n: int,
                         contrasts: set[str]) -> PlaceInfo | None:
    """How the document resolved this name where it stated the country ("Portland, Maine").

    The nearest earlier statement counts. A later one counts too (a story often names the
    state only further down), unless the document describes a place of this name in another
    country: "Cambridge ... The English city should not be confused with Cambridge,
    Massachusetts". A small namesake listed among the partners does not count (``_listed_partner``).
    """
    span, info = mentions[n]
    key = fold(span.text)
    biggest = max((p.population for p in info.candidates), default=0)
    stated = [(k, other) for k, (s, other) in enumerate(mentions)
              if other.kind == "city" and other.country_source in ("apposition", "demonym") and fold(s.text) == key
              and not (_listed_partner(s) and other.population * NAMESAKE_RATIO < biggest)]
    before = [other for k, other in stated if k < n]
    if before:
        return before[-1]
    after = [other for k, other in stated if k > n]
    if not after:
        return None
    rivals = {p.country for p in info.candidates} - {after[0].country}
    return None if rivals & contrasts else after[0]


NAMESAKE_RATIO = 5
"""A partner listed with its country lends it to the bare mentions of its name unless a town of
that name this many times bigger exists: then the bare name is the story's own (bigger) town."""
LIST_HEADS = frozenset({"cities", "towns", "twins", "partners", "municipalities", "regions"})
"""Plural tie nouns that open a partner list ("the city's sister cities – Christchurch, England")."""


def _listed_partner(span: Span) -> bool:
    """Is the mention an item of a partner list ("three of the city's sister cities – Christchurch,
    England, and Wuhan")? A story about Christchurch (New Zealand) lists its namesake in England
    among its partners; the namesake's country says nothing of the story's own town."""
    doc = span.doc
    window = doc[max(span.sent.start, span.start - LIST_REACH):span.start]
    return any(t.lower_ in LIST_HEADS and k + 1 < len(window) and (window[k + 1].text in DASHES or window[k + 1].text == ":")
               for k, t in enumerate(window))


LIST_REACH = 4


CITY_STATE_QUARTER = 0.01
"""Weight of a town of a city-state other than the city-state itself: "Victoria" is a quarter of
Hong Kong and no party to a tie, Victoria in British Columbia is."""


def _container_after(doc: Doc, previous: tuple[Span, PlaceInfo], mention: tuple[Span, PlaceInfo]) -> bool:
    """"Corby, the UK, attended", "San Jose in the US": a country right after another place is
    where that place lies, and says nothing of the other names in the sentence or document."""
    if mention[1].kind != "country" or not mention[1].country or previous[1].kind == "country":
        return False
    between = [t.text.lower() for t in doc[previous[0].end:mention[0].start]]
    return bool(between) and between[0] in CONTAINER_OPENERS and set(between) <= CONTAINER_WORDS


CONTAINER_OPENERS = frozenset({",", "in", "("})
CONTAINER_WORDS = CONTAINER_OPENERS | {"the"}


def _locative(doc: Doc, start: int) -> bool:
    """Does "in", "in the" or "capital of" stand right before ``doc[start]`` ("two cities in
    Queensland", "Victoria, the capital of British Columbia")?"""
    k = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    return k > 0 and doc[k - 1].lower_ == "in" or k > 1 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ == "capital"


def _drop_qualifiers(mentions: list[tuple[Span, PlaceInfo]]) -> list[tuple[Span, PlaceInfo]]:
    """"Paris, Texas": Texas only qualifies Paris; it is not a place mention of its own."""
    kept = []
    for span, info in mentions:
        inside = any(other is not info and other.ext_start <= span.start and span.end <= other.ext_end
                     and not (o_span.start <= span.start < o_span.end)
                     for o_span, other in mentions)
        if not inside or info.kind == "country":
            kept.append((span, info))
    return kept


def _merge_bracketed_spellings(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Novopolotsk (Navapolatsk)", "Rovno (Rivne)": another spelling of the same place in
    brackets is part of the first mention, not a second place; and a small town's name in
    brackets after a town is some other word ("the Mayor of Tartu (Reform)", a party)."""
    kept: list[Span] = []
    for span in spans:
        prev = kept[-1] if kept else None
        info: PlaceInfo = span._.place
        bracketed = prev is not None and info.kind == "city" and prev._.place.kind == "city" \
            and prev._.place.ext_end < len(doc) and doc[prev._.place.ext_end].text == "(" \
            and span.start == prev._.place.ext_end + 1 and span.end < len(doc) and doc[span.end].text == ")"
        if bracketed and prev._.place.geonames_id is not None and prev._.place.geonames_id == info.geonames_id:
            prev._.place = replace(prev._.place, ext_end=span.end + 1)
            continue
        if bracketed and info.population < BRACKETED_TOWN:
            continue
        kept.append(span)
    return kept


def _mark_containers(doc: Doc, spans: list[Span], words: PlaceWords, gazetteer: Gazetteer) -> None:
    """A region right after a city ("X municipality of the Y region", "X, Y Oblast", "X, a city in
    Afghanistan's Y Province") only locates it; a region of a country with no place of that name cannot ("Ehime, Uttar Pradesh with
    Yamanashi"), while "Orange, New South Wales" still names the Australian Orange. Nor is a
    name a party where it only says where "the ... city" lies ("the Devon city", ``locates_a_town``)."""
    for k, span in enumerate(spans):
        info: PlaceInfo = span._.place
        if info.is_party and locates_a_town(doc, span, words):
            info.container = True
            info.rules.append("locates-the-town")
            continue
        if info.kind != "region" or k == 0 or SHARED_TYPE_RULE in info.rules:
            continue
        j = k - 1
        while j > 0 and spans[j].start >= info.ext_start:
            j -= 1
        prev: PlaceInfo = spans[j]._.place
        if prev.kind not in ("city", "region") or prev.ext_end > info.ext_start:
            continue
        if prev.country and info.country and prev.country != info.country and not any(
                p.country == info.country for p in gazetteer.lookup(fold(spans[j].text))):
            continue
        gap = [t.lower_ for t in doc[prev.ext_end:info.ext_start]]
        if tuple(gap) in words.container_gaps:
            info.container = True
            info.rules.append("container-region")
        elif gap and gap[-1] in ("of", "the") and prev.kind == "city" and len(gap) <= 4 and \
                any(w in gap for w in words.container_nouns):
            info.container = True
            info.rules.append("container-region")


@Language.factory(
    "twin_places",
    default_config={"patterns": None, "min_population": 1000, "common_word_population": 15000},
    assigns=["doc.spans", "span._.place"],
    requires=["token.pos", "doc.ents", "doc.sents"],
)
def make_place_recognizer(nlp: Language, name: str, patterns: str | None, min_population: int,
                          common_word_population: int) -> PlaceRecognizer:
    """``nlp.add_pipe("twin_places")``: place mentions with type and country."""
    return PlaceRecognizer(nlp, name, patterns=patterns, min_population=min_population,
                           common_word_population=common_word_population)
