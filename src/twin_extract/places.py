"""The ``twin_places`` component: find place mentions and decide their type and country.

The statistical NER alone mislabels or misses many Ukrainian and small European towns, so
capitalised token runs are matched against the GeoNames index whatever label the model gave;
NER labels, cue words ("city of", "region"), apposition and population decide whether a match
is a place at all. Results: ``doc.spans["twin_places"]``, each span with ``span._.place``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .countries import CountryResolver, country_name
from .extensions import register_extensions
from .gazetteer import Gazetteer, Place, default_gazetteer
from .patterns import PatternSet, load_patterns
from .record import place_key
from .textnorm import fold

SPAN_KEY = "twin_places"
CONNECTORS = {"am", "an", "der", "de", "del", "la", "le", "upon", "on", "sur", "en", "di", "da", "nad", "pod", "im"}
"""Lowercase words that may sit inside a place name ("Frankfurt am Main", "Rostov-on-Don")."""
LEADING_OK = {"the"}
HOST_NOUNS = {"city", "town", "capital", "port", "village", "municipality"}
TITLE_WORDS = {"mayor", "deputy", "governor", "head", "council", "city", "town", "hall", "municipality",
               "region", "oblast", "county", "province", "state", "regional", "administration",
               "military", "district", "community", "hromada", "voivodeship", "authorities",
               "officials", "residents", "delegation", "municipal", "metropolitan"}
"""Capitalised words that may follow a place inside one run without making it another name."""
NER_PLACE = {"GPE", "LOC", "FAC"}
NER_NAME = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
MAX_RUN = 6
ABBREVIATIONS = {"st", "mt", "ft"}
"""The tokenizer splits "ST. PAUL" in a dateline; the dot joins the name again."""
HYPHEN_PAIR_NOUNS = {"sister", "twin", "twinning", "partnership", "friendship", "partner"}
BIG_CITY = 100_000
TOWN = 20_000
"""A region's bare official name is read as the region unless a town this big (a US city this
big, for a state) has the name."""
BARE_REGION_TYPES = {"state", "region", "province", "oblast", "voivodship", "voivodeship", "county", "land",
                     "republic", "autonomous republic", "prefecture", "canton", "autonomous community",
                     "administrative region", "autonomous region"}
ORG_HEADS = {"university", "college", "academy", "institute", "school", "museum", "bank", "port", "diocese",
             "archdiocese", "church", "library", "theatre", "theater", "club", "polytechnic", "conservatory"}
"""Capitalised heads of organisation names: "University of Tartu" is not Tartu."""


@dataclass
class PlaceInfo:
    """What ``span._.place`` holds: a resolved place mention."""

    kind: str
    """"city", "region" or "country" (a country is context, never a party)."""
    name: str
    country: str | None
    subdivision: str | None = None
    geonames_id: int | None = None
    population: int = 0
    country_source: str = "none"
    """Where the country came from: apposition, demonym, subdivision, gazetteer."""
    container: bool = False
    """A region that only locates another place ("Chortkiv ... of the Ternopil region")."""
    ext_start: int = 0
    ext_end: int = 0
    """Token extent including descriptors and apposition ("the German city of X, Germany")."""
    evidence: float = 0.0
    rules: list[str] = field(default_factory=list)
    admin1: str | None = None
    """GeoNames first-level division of a city, or the one a region corresponds to: tells
    whether a city lies in a region ("Lutsk" and "Volyn Oblast")."""
    candidates: tuple[Place, ...] = field(default=(), repr=False)
    """Gazetteer entries still in play when no country was stated; ranking picks one."""

    @property
    def country_name(self) -> str | None:
        return country_name(self.country)

    @property
    def is_party(self) -> bool:
        return self.kind in ("city", "region") and not self.container


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


def party_mentions(doc: Doc) -> list[Mention]:
    """The places of ``doc`` that can be a party to a tie (cities and regions, not containers)."""
    return [Mention(s, s._.place) for s in doc.spans.get(SPAN_KEY, []) if s._.place.is_party]


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
        self.set_patterns(load_patterns(patterns))

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def set_patterns(self, patterns: PatternSet) -> None:
        self.patterns = patterns
        self.resolver = CountryResolver(patterns)
        self.not_places = {fold(r["text"]) for r in patterns["not_places"]}
        self.region_names: dict[str, list[str]] = {}
        for row in patterns["regions"]:
            names = self.region_names.setdefault(row["code"], [])
            if row.get("capital"):
                names.insert(0, row["capital"])
            names.append(row["alias"])
        self._admin1: dict[str, str | None] = {}
        self.cues: dict[tuple[str, str], dict[tuple[str, ...], dict]] = {}
        for row in patterns["place_cues"]:
            words = tuple(re.findall(r"[^\s-]+|-", row["pattern"].casefold()))
            self.cues.setdefault((row["position"], row["type"]), {})[words] = {**row, "words": words}
        self.cue_lengths = {key: sorted({len(w) for w in rows}, reverse=True) for key, rows in self.cues.items()}

    def __call__(self, doc: Doc) -> Doc:
        runs = list(_capitalised_runs(doc))
        mentions = [m for run in runs for m in self._match_run(doc, run)]
        context = Counter(m[1].country for m in mentions if m[1].kind == "country" and m[1].country)
        context.update(code for token in doc if token.text[:1].isupper()
                       for code in [self.resolver.demonym(token.text)] if code)
        by_sentence: dict[int, set[str]] = {}
        for span, info in mentions:
            qualifies = any(other.kind != "country" and other.ext_start < span.start < other.ext_end
                            for _, other in mentions)
            if info.kind == "country" and info.country and not qualifies:
                by_sentence.setdefault(span.sent.start, set()).add(info.country)
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
                    sentence = by_sentence.get(span.sent.start, set()) | self._demonym_countries(span.sent)
                    info = self._rank(span, info, sentence, context)
                    if info is not None:
                        ranked[fold(span.text)] = info
                if info is None:
                    continue
            span._.place = info
            spans.append(span)
        spans = _merge_bracketed_spellings(doc, spans)
        _mark_containers(doc, spans)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _described_countries(self, doc: Doc) -> set[str]:
        """Countries of "the English city", "the Texan town" written without a name after them:
        a story that says "the English city should not be confused with Cambridge,
        Massachusetts" tells which Cambridge its bare mentions are."""
        found = set()
        for token in doc[1:-1]:
            code = self.resolver.demonym(token.text) if token.text[:1].isupper() else None
            nxt = doc[token.i + 1]
            if code and nxt.lower_ in HOST_NOUNS and doc[token.i - 1].lower_ in LEADING_OK and \
                    (nxt.i + 1 >= len(doc) or doc[nxt.i + 1].lower_ != "of"):
                found.add(code)
        return found

    def _demonym_countries(self, doc: Doc | Span) -> set[str]:
        found = set()
        for token in doc:
            if token.text[:1].isupper():
                code = self.resolver.demonym(token.text)
                if code:
                    found.add(code)
        return found

    def _match_run(self, doc: Doc, run: tuple[int, int]) -> Iterable[tuple[Span, PlaceInfo]]:
        start, end = run
        i = start
        while i < end:
            found = None
            for j in range(min(end, i + MAX_RUN), i, -1):
                found = self._classify(doc, i, j, run)
                if found is not None:
                    break
            if found is None:
                i += 1
                continue
            yield self._bracket_qualified(doc, *found)
            i = found[0].end

    def _bracket_qualified(self, doc: Doc, span: Span, info: PlaceInfo) -> tuple[Span, PlaceInfo]:
        """"Frankfurt (Oder)": a bracketed word that is part of one candidate's own name picks it."""
        k = span.end
        if info.kind != "city" or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
            return span, info
        qualifier = fold(doc[k + 1].text)
        named = [p for p in self.gazetteer.lookup(fold(span.text)) if qualifier in re.findall(r"\w+", fold(p.name))]
        if not named:
            return span, info
        best = max(named, key=lambda p: p.population)
        return span, replace(info, name=best.name, country=best.country, geonames_id=best.geonames_id,
                             population=best.population, admin1=best.admin1, country_source="apposition",
                             ext_end=max(info.ext_end, k + 3), evidence=1.0, candidates=(),
                             rules=info.rules + ["bracket-qualifier"])

    def _classify(self, doc: Doc, i: int, j: int, run: tuple[int, int]) -> tuple[Span, PlaceInfo] | None:
        span = doc[i:j]
        key = fold(span.text)
        if not key or key in self.not_places or doc[i].lower_ in LEADING_OK:
            return None
        code = self.resolver.country(span.text)
        if code and not self.resolver.demonym(span.text):
            return span, PlaceInfo("country", country_name(code) or span.text, code, ext_start=i,
                                   ext_end=j, country_source="self", evidence=1.0,
                                   rules=[self.resolver.country_rules.get(key, "pycountry-country")])
        if self.resolver.demonym(span.text):
            return None
        region_cue = self._region_cue(doc, i, j)
        if region_cue is not None:
            info = self._region(doc, span, region_cue)
            if info is not None:
                return span, info
            if region_cue["position"] == "before":
                return None

        places = self.gazetteer.lookup(key)
        region = self._bare_region(doc, span, places)
        if region is not None:
            return span, region
        if not places or not self._plausible(doc, span, run, places):
            return None
        return span, self._city(doc, span, places)

    def _region_admin1(self, code: str, country: str) -> str | None:
        """The GeoNames admin1 code of a region: a US state's own code, else the division of
        its capital (``capital`` in patterns/regions.jsonl) or of the biggest town sharing
        one of its names ("Donetsk" for Donetsk Oblast)."""
        if country == "US":
            return code.split("-", 1)[1]
        if code not in self._admin1:
            names = self.region_names.get(code, [])
            towns = [p for name in names for p in self.gazetteer.lookup(fold(name)) if p.country == country]
            self._admin1[code] = max(towns, key=lambda p: p.population).admin1 if towns else None
        return self._admin1[code]

    def _bare_region(self, doc: Doc, span: Span, places: tuple[Place, ...]) -> PlaceInfo | None:
        """"Vermont is ending its sister-state relationship", "the regional assembly of Lubelskie":
        a first-level region's official name with no cue is the region, unless a town of some
        size has the name (Bergamo, Lecco and Kent are towns; Washington is a city)."""
        key = fold(span.text)
        regions = [s for s in self.resolver.subdivisions_named(span.text, stripped=True)
                   if s.type.casefold() in BARE_REGION_TYPES and key in (fold(s.name), self.resolver.stripped(s.name))]
        if not regions or self._cue_at(doc, "after", "city", span.start, span.end) or \
                self._cue_at(doc, "before", "city", span.start, span.end):
            return None
        region = regions[0]
        limit = BIG_CITY if region.country == "US" else TOWN
        if any(p.population >= limit for p in places):
            return None
        ext_start, ext_end = self._extent(doc, span.start, span.end, None)
        return PlaceInfo("region", region.name, region.country, subdivision=region.code,
                         admin1=self._region_admin1(region.code, region.country),
                         country_source="subdivision", ext_start=ext_start, ext_end=ext_end, evidence=0.9,
                         rules=["region-official-name"])

    def _cue_at(self, doc: Doc, position: str, kind: str, i: int, j: int) -> dict | None:
        """The longest cue of ``kind`` written just before ``doc[i:j]`` or just after it, if any."""
        cues = self.cues.get((position, kind), {})
        for n in self.cue_lengths.get((position, kind), ()):
            lo, hi = (i - n, i) if position == "before" else (j, j + n)
            if lo >= 0 and hi <= len(doc):
                row = cues.get(tuple(t.lower_ for t in doc[lo:hi]))
                if row is not None:
                    return row
        return None

    def _region_cue(self, doc: Doc, i: int, j: int) -> dict | None:
        return self._cue_at(doc, "before", "region", i, j) or self._cue_at(doc, "after", "region", i, j)

    def _region(self, doc: Doc, span: Span, cue: dict) -> PlaceInfo | None:
        country, source = self._explicit_country(doc, span.start, span.end)
        prefer = ("region", "oblast", "state", "province", "county", "land", "voivodship")
        sub = self.resolver.subdivision(span.text, country, prefer_types=prefer)
        if sub is None:
            return None
        ext_start, ext_end = self._extent(doc, span.start, span.end, cue)
        rules = [cue["id"], self.resolver.region_rules.get(fold(span.text), "pycountry-subdivision")]
        return PlaceInfo("region", sub.name, sub.country, subdivision=sub.code,
                         admin1=self._region_admin1(sub.code, sub.country),
                         country_source=source if country else "subdivision",
                         ext_start=ext_start, ext_end=ext_end, evidence=1.0, rules=rules)

    def _plausible(self, doc: Doc, span: Span, run: tuple[int, int], places: tuple[Place, ...]) -> bool:
        """Is this capitalised string a place here, or a word/name that happens to match one?"""
        if not self._fits_run(doc, span, run):
            return False
        if _hyphen_pair(doc, span, run):
            return True
        if len(span) == 1 and span.text.isupper() and len(span.text) <= 4 and (
                span.start > 2 or 0 < span.start < len(doc) - 1 and doc[span.start - 1].text == "("
                and doc[span.end].text == ")"):
            return False
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and \
                doc[span.start - 2].text[:1].isupper() and doc[span.start - 2].lower_ in ORG_HEADS:
            return False
        ent_types = {t.ent_type_ for t in span}
        city_cue = self._cue_at(doc, "before", "city", span.start, span.end) or \
            self._cue_at(doc, "after", "city", span.start, span.end)
        if city_cue or self._explicit_country(doc, span.start, span.end)[0]:
            return True
        if _is_modifier(span):
            return False
        if ent_types & NER_PLACE:
            return True
        best = max(p.population for p in places)
        primary = any(p.primary for p in places)
        proper = all(t.pos_ == "PROPN" for t in span if not t.is_punct) or bool(ent_types & NER_NAME)
        if proper:
            return best >= self.min_population or (primary and len(span) > 1)
        nominal = all((t.pos_ in ("NOUN", "PROPN", "X") or t.pos_ == "ADV" and not t.lower_.endswith("ly"))
                      and not t.is_stop for t in span)
        return nominal and primary and best >= self.common_word_population

    @staticmethod
    def _fits_run(doc: Doc, span: Span, run: tuple[int, int]) -> bool:
        """A match inside a longer capitalised name ("Lviv Polytechnic") is not a place; a run
        that only continues with a connector word is ("Rzeszów on Monday"), and so is one after a
        sentence-initial ordinary word ("Neighbouring Lappeenranta")."""
        if _hyphen_pair(doc, span, run):
            return True
        before = [t for t in doc[run[0]:span.start] if t.lower_ not in LEADING_OK and t.text != "-"
                  and not (t.is_sent_start and (t.pos_ in ("ADJ", "VERB", "ADV", "NOUN")
                                                or t.lower_.endswith(("ing", "ed", "ly"))))]
        if any(t.lower_ not in TITLE_WORDS for t in before):
            return False
        after = [t for t in doc[span.end:run[1]] if t.text != "-"]
        return not after or after[0].lower_ in TITLE_WORDS or after[0].is_lower and after[0].lower_ in CONNECTORS

    def _city(self, doc: Doc, span: Span, places: tuple[Place, ...]) -> PlaceInfo:
        country, source = self._explicit_country(doc, span.start, span.end, places)
        admin1 = self._us_state_apposition(doc, span.end, places)
        ext_start, ext_end = self._extent(doc, span.start, span.end, None, places)
        rules = ["gazetteer-geonames"]
        if country:
            chosen = [p for p in places if p.country == country]
            if admin1:
                chosen = [p for p in chosen if p.admin1 == admin1] or chosen
            if not chosen:
                return PlaceInfo("city", span.text, country, country_source=source,
                                 ext_start=ext_start, ext_end=ext_end, evidence=0.8, rules=rules)
            best = max(chosen, key=_weight)
            return PlaceInfo("city", best.name, best.country, geonames_id=best.geonames_id,
                             population=best.population, country_source=source, admin1=best.admin1,
                             ext_start=ext_start, ext_end=ext_end, evidence=1.0, rules=rules)
        return PlaceInfo("city", span.text, None, ext_start=ext_start, ext_end=ext_end,
                         evidence=0.7, rules=rules, candidates=places)

    def _rank(self, span: Span, info: PlaceInfo, sentence_countries: set[str],
              doc_countries: Counter[str]) -> PlaceInfo | None:
        """No explicit country: prefer countries named in the sentence, then those named more
        often in the document (Scotland, Scottish: the Perth in Scotland), then size; a name written with the exact local diacritics of a candidate
        ("Jarosław", not Yaroslavl's Polish exonym) counts tenfold. Later mentions of the name
        keep the first mention's choice (one sense per document)."""
        places = info.candidates
        if not places:
            return None

        def score(place: Place) -> float:
            named = min(doc_countries[place.country], 3)
            boost = 1000.0 if place.country in sentence_countries else 30.0 * named if named else 1.0
            written = 10.0 if place.name == span.text and not span.text.isascii() else 1.0
            return _weight(place) * boost * written

        best = max(places, key=score)
        ambiguity = sum(1 for p in places if p.country != best.country and p.population > best.population / 10)
        return PlaceInfo("city", best.name, best.country, geonames_id=best.geonames_id,
                         population=best.population, country_source="gazetteer", admin1=best.admin1,
                         ext_start=info.ext_start, ext_end=info.ext_end,
                         evidence=max(0.5, 0.9 - 0.1 * ambiguity) * min(1.0, 0.6 + math.log10(best.population + 1) / 15),
                         rules=info.rules + ["gazetteer-rank"])

    def _explicit_country(self, doc: Doc, i: int, j: int,
                          places: tuple[Place, ...] = ()) -> tuple[str | None, str]:
        """Country stated next to the mention: apposition, brackets, demonym or "Italy's"."""
        named = self._appositive(doc, j, places)
        if named:
            return named[0], "apposition"
        for lo in range(max(0, i - 5), i):
            window = doc[lo:i]
            first = window[0]
            rest = [t.lower_ for t in window[1:]]
            if first.text[:1].isupper():
                code = self.resolver.demonym(first.text)
                if code and (not rest or rest[-1] in {"of", "city", "town", "municipality", "village", "capital", "region", "state", "oblast", "partner", "community"}):
                    return code, "demonym"
                if len(window) >= 2 and window[1].text in {"'s", "’s"} and len(window) == 2:
                    code = self.resolver.country(first.text)
                    if code:
                        return code, "demonym"
        return None, "none"

    def _us_state_apposition(self, doc: Doc, j: int, places: tuple[Place, ...]) -> str | None:
        """"Vienna, Virginia" -> "VA" (GeoNames admin1 codes of the US are state codes)."""
        named = self._appositive(doc, j, places)
        if named is None or named[0] != "US":
            return None
        sub = self.resolver.subdivision(doc[j + 1:j + 1 + named[1]].text, "US")
        return sub.code.split("-")[1] if sub is not None else None

    def _appositive(self, doc: Doc, j: int, places: tuple[Place, ...] = ()) -> tuple[str, int] | None:
        """The country named right after a mention, and how many tokens name it.

        "Talsi, Latvia", "Bergamo (Italy)", "Lublin in Poland", "Vienna, Virginia" or "Birmingham,
        Ala." (a US state), "Kingston, Ontario" (any country's province, when the city exists in
        that country). A state beats a same-named country without such a town: "Athens, Georgia".
        """
        if j >= len(doc) or doc[j].text not in {",", "(", "in"}:
            return None
        countries = {p.country for p in places}
        fallback = None
        for n in (3, 2, 1):
            end = j + 1 + n
            cand = doc[j + 1:end]
            if end > len(doc) or not _wordlike(cand):
                continue
            code = self.resolver.country(cand.text)
            if code and (not self.resolver.demonym(cand.text) or cand.text in {"US", "U.S."}):
                if not places or code in countries:
                    return code, n
                fallback = fallback or (code, n)
            if not cand.text[:1].isupper() or doc[j].text == "in" and not places:
                continue
            if any(s.country == "US" for s in self.resolver.subdivisions_named(cand.text)) and \
                    (not places or "US" in countries):
                return "US", n
            province = self._province(doc, cand, places)
            if province:
                return province, n
        return fallback

    def _province(self, doc: Doc, cand: Span, places: tuple[Place, ...]) -> str | None:
        """The country of a province named in apposition, if the city exists there. Not inside a
        comma list: in "Paris, Hamburg and Madrid" Hamburg (a Land too) is the next city; "Quimper
        in Brittany and Spokane" is fine."""
        if self._cue_at(doc, "after", "region", cand.start, cand.end):
            return None
        named = {s.country for s in self.resolver.subdivisions_named(cand.text)} & {p.country for p in places}
        if len(named) != 1:
            return None
        after = doc[cand.end:cand.end + 2]
        in_list = len(after) > 0 and (after[0].lower_ in {"and", "or", "&"} or
                                      after[0].text == "," and len(after) > 1 and _is_cap(after[1]))
        return None if in_list and doc[cand.start - 1].lower_ != "in" else named.pop()

    def _extent(self, doc: Doc, i: int, j: int, cue: dict | None,
                places: tuple[Place, ...] = ()) -> tuple[int, int]:
        """Grow the mention over "the German city of", cues and a trailing ", Country"."""
        lo, hi = i, j
        for kind in ("city", "region"):
            before = self._cue_at(doc, "before", kind, i, j)
            if before:
                lo = i - len(before["words"])
            after = self._cue_at(doc, "after", kind, i, j)
            if after:
                hi = max(hi, j + len(after["words"]))
        if lo > 0 and doc[lo - 1].text[:1].isupper() and self.resolver.demonym(doc[lo - 1].text):
            lo -= 1
        if lo > 0 and doc[lo - 1].lower_ == "the":
            lo -= 1
        named = self._appositive(doc, hi, places)
        if named:
            hi += 1 + named[1]
            if hi < len(doc) and doc[hi].text == ")":
                hi += 1
        return lo, hi

    def to_disk(self, path, exclude: Iterable[str] = ()) -> None:
        """Save the rules in use, so a packaged pipeline carries its own patterns."""
        import srsly
        from pathlib import Path

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns.to_dict())
        srsly.write_json(path / "cfg", {"min_population": self.min_population,
                                        "common_word_population": self.common_word_population})

    def from_disk(self, path, exclude: Iterable[str] = ()) -> "PlaceRecognizer":
        import srsly
        from pathlib import Path

        path = Path(path)
        self.set_patterns(PatternSet.from_dict(srsly.read_json(path / "patterns.json")))
        cfg = srsly.read_json(path / "cfg")
        self.min_population = cfg["min_population"]
        self.common_word_population = cfg["common_word_population"]
        return self


def _hyphen_pair(doc: Doc, span: Span, run: tuple[int, int]) -> bool:
    """Two places joined by a hyphen before a twinning noun: "the St. Paul-Nagasaki sister city
    committee" names both towns (and "the" belongs to the committee, not to them)."""
    return run[1] < len(doc) and doc[run[1]].lower_ in HYPHEN_PAIR_NOUNS and (
        span.end < run[1] and doc[span.end].text == "-" or span.start > run[0] and doc[span.start - 1].text == "-")


def _weight(place: Place) -> float:
    """Population, with alternate-name matches discounted against canonical ones."""
    return (place.population + 1) * (1.0 if place.primary else 0.2)


def _capitalised_runs(doc: Doc) -> Iterable[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by hyphens and name connectors."""
    i, n = 0, len(doc)
    while i < n:
        if not _is_cap(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = doc[j]
            if _is_cap(tok) and doc[j - 1].whitespace_ in ("", " ") and doc[j - 1].text not in {",", ";"}:
                if doc[j - 1].is_sent_end:
                    break
                j += 1
            elif tok.text == "." and doc[j - 1].lower_ in ABBREVIATIONS and not doc[j - 1].whitespace_ \
                    and j + 1 < n and _is_cap(doc[j + 1]):
                j += 1
            elif (tok.text == "-" or tok.lower_ in CONNECTORS) and j + 1 < n and \
                    (_is_cap(doc[j + 1]) or doc[j + 1].lower_ in CONNECTORS or doc[j + 1].text == "-") and \
                    (tok.text != "-" or not tok.whitespace_):
                j += 1
            else:
                break
        while j > i and not _is_cap(doc[j - 1]):
            j -= 1
        yield i, j
        i = j


def _is_modifier(span: Span) -> bool:
    """"the Baltic", "the Chernobyl nuclear power plant", "Lviv airport": a name used as a
    modifier or with an article is not a town in its own right (cues were checked before)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "the":
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return bool(nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")
                and span.root.dep_ in ("compound", "amod", "nmod") and nxt.lower_ not in TITLE_WORDS)


def _wordlike(span: Span) -> bool:
    """Only words (and abbreviations like "U.S."), no commas, brackets or line breaks."""
    return all(not t.is_punct and not t.is_space for t in span) or span.text in {"U.S.", "U.K."}


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text) and not token.is_punct


def _explicit_resolution(mentions: list[tuple[Span, PlaceInfo]], n: int,
                         contrasts: set[str]) -> PlaceInfo | None:
    """How the document resolved this name where it stated the country ("Portland, Maine").

    The nearest earlier statement counts. A later one counts too (a story often names the
    state only further down), unless the document describes a place of this name in another
    country: "Cambridge ... The English city should not be confused with Cambridge,
    Massachusetts".
    """
    span, info = mentions[n]
    key = fold(span.text)
    stated = [(k, other) for k, (s, other) in enumerate(mentions)
              if other.kind == "city" and other.country_source in ("apposition", "demonym") and fold(s.text) == key]
    before = [other for k, other in stated if k < n]
    if before:
        return before[-1]
    after = [other for k, other in stated if k > n]
    if not after:
        return None
    rivals = {p.country for p in info.candidates} - {after[0].country}
    return None if rivals & contrasts else after[0]


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
    brackets is part of the first mention, not a second place."""
    kept: list[Span] = []
    for span in spans:
        prev = kept[-1] if kept else None
        info: PlaceInfo = span._.place
        if prev is not None and info.kind == "city" and prev._.place.kind == "city" \
                and prev._.place.geonames_id is not None and prev._.place.geonames_id == info.geonames_id \
                and prev._.place.ext_end < len(doc) and doc[prev._.place.ext_end].text == "(" \
                and span.start == prev._.place.ext_end + 1 and span.end < len(doc) and doc[span.end].text == ")":
            prev._.place = replace(prev._.place, ext_end=span.end + 1)
            continue
        kept.append(span)
    return kept


def _mark_containers(doc: Doc, spans: list[Span]) -> None:
    """A region right after a city ("X municipality of the Y region", "X, Y Oblast") only locates it."""
    for k, span in enumerate(spans):
        info: PlaceInfo = span._.place
        if info.kind != "region" or k == 0:
            continue
        prev: PlaceInfo = spans[k - 1]._.place
        if prev.kind not in ("city", "region") or prev.ext_end > info.ext_start:
            continue
        gap = [t.lower_ for t in doc[prev.ext_end:info.ext_start]]
        if gap in ([","], ["("], ["in"], ["of"], ["in", "the"], ["of", "the"], [",", "in"], [",", "in", "the"],
                   [",", "the", "capital", "of"], [",", "capital", "of"], [",", "the", "capital", "of", "the"]):
            info.container = True
            info.rules.append("container-region")
        elif gap and gap[-1] in ("of", "the") and prev.kind == "city" and len(gap) <= 4 and \
                any(w in gap for w in ("municipality", "community", "hromada", "city", "town", "district")):
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
