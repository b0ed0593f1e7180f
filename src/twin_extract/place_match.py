"""Recognition: which capitalised runs of a Doc are places, and of what kind.

Every capitalised run is matched against the GeoNames index whatever label the NER gave; cue
words, apposition, NER labels and population decide whether a match is a place at all, and
what one mention alone says of its type and country. Choosing among homonyms with the whole
document in view is ``places.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from spacy.tokens import Doc, Span, Token

from .countries import CountryResolver, Subdivision
from .country_names import country_name
from .doctext import text_of
from .gazetteer import Gazetteer, Place
from .lazy_ner import span_types
from .mentions import PlaceInfo, dateline
from .patterns import PatternSet
from .person_names import names_person, occurrences
from .place_context import POSSESSIVE, PlaceContext, is_cap
from .place_words import PlaceWords
from .sentences import BULLETS
from .textnorm import edit_distance, fold

NER_PLACE = {"GPE", "LOC", "FAC"}
NER_NAME = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
MAX_RUN = 9
"""Tokens of the longest name tried: "L'Isle - sur - la - Sorgue" is seven."""
MAX_PLAIN_RUN = 6
"""... and of one without a hyphen, which keeps long Title Case headlines cheap."""
COUNCIL_WORDS = frozenset({"council", "councillors", "councilors", "councilmen", "commissioners", "aldermen",
                           "mayor"})
"""A town's own body right after its name: the name is the town."""

SENTENCE_OPENERS = ("ADJ", "VERB", "ADV", "NOUN", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART")
"""Parts of speech of a capitalised sentence-initial word that is not part of the name after it."""
BIG_CITY = 100_000
TOWN = 20_000
"""A region's bare official name is read as the region unless a town this big (a US city this
big, for a state) has the name."""
SHARED_TYPE_RULE = "shared-type-word"
"""A region typed by a plural type word ("the Lviv, Kyiv and Odesa regions") is one of a list,
never the container of the place before it."""
SPELLING_VARIANT = 2
"""Letters by which an old spelling may differ from the town's name (Kiev/Kyiv, Vinnitsa/Vinnytsya)."""
CITY_TYPES = ("city", "municipality", "capital")
"""pycountry subdivision types that are a town itself, never the region named after one."""
NAMESAKE_CAPITAL_POPULATION = 100_000
"""A town this big that has a region's name is where that region lies (São Paulo in São Paulo state)."""
REGION_TOWN_CANDIDATES = 3
"""How many towns of a region's name (biggest first) may lend it their GeoNames name."""
LISTED_PARTS = 3
LIST_GAPS = frozenset({("and",), (",",), (",", "and")})
"""A subdivision named for up to three towns, written as a list ("Newry, Mourne and Down")."""
JOINER_WORDS = 2
JOINED_SIDE = 3
"""Lowercase joining words between two runs, and words of each run, tried as one town's name
("Alphen aan den Rijn", "San Pietro in Cariano")."""


class PlaceMatcher:
    """Finds the place mentions of one Doc, each classified on its own evidence."""

    def __init__(self, patterns: PatternSet, resolver: CountryResolver, words: PlaceWords,
                 gazetteer: Gazetteer, min_population: int, common_word_population: int) -> None:
        self.resolver = resolver
        self.words = words
        self.gazetteer = gazetteer
        self.context = PlaceContext(patterns, resolver, words, self._home_division)
        self.min_population = min_population
        self.common_word_population = common_word_population
        """A capitalised word the tagger did not call a proper noun must name a town this big."""
        self.not_places = {fold(r["text"]) for r in patterns["not_places"]}
        self.region_names: dict[str, list[str]] = {}
        for row in patterns["regions"]:
            names = self.region_names.setdefault(row["code"], [])
            if row.get("capital"):
                names.insert(0, row["capital"])
            names.append(row["alias"])
        self._admin1: dict[str, str | None] = {}
        self._named_for: dict[str, dict[int, Subdivision]] = {}
        """Country -> GeoNames id of a town -> the region named after it (``_subdivision_named_for``)."""

    def mentions(self, doc: Doc) -> list[tuple[Span, PlaceInfo]]:
        runs = self._joined_runs(doc, capitalised_runs(doc, self.words))
        return [m for run in runs for m in self._match_run(doc, run)]

    def _joined_runs(self, doc: Doc, runs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """"San Pietro in Cariano", "Bergen op Zoom": two runs parted by one or two lowercase
        joining words are one when the gazetteer knows a town whose own name is the words from
        inside the first run to inside the second ("Zafra in Spain" stays two)."""
        out: list[tuple[int, int]] = []
        runs = self._listed_name(doc, list(runs))
        for run in runs:
            run = self._possessive_name(doc, run)
            if out and (self._joins(doc, out[-1], run) or self._possessive_joins(doc, out[-1], run)):
                out[-1] = (out[-1][0], run[1])
            else:
                out.append(run)
        return out

    def _listed_name(self, doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"Hammersmith and Fulham", "Newry, Mourne and Down", "Bournemouth, Christchurch and
        Poole": runs parted by commas and "and" are one when together they are a subdivision's
        official name (a council area named for its towns) or English one ("Castile and León"),
        not a list of towns."""
        out: list[tuple[int, int]] = []
        k = 0
        while k < len(runs):
            merged = runs[k]
            for m in range(min(len(runs) - 1, k + LISTED_PARTS - 1), k, -1):
                gaps = [tuple(t.lower_ for t in doc[runs[n][1]:runs[n + 1][0]]) for n in range(k, m)]
                if not all(gap in LIST_GAPS for gap in gaps) or gaps[-1] not in (("and",), (",", "and")) and m > k + 1:
                    continue
                text = doc[runs[k][0]:runs[m][1]].text
                if self.resolver.subdivisions_named(text):  # official or English ("Castile and León")
                    merged = (runs[k][0], runs[m][1])
                    k = m
                    break
            out.append(merged)
            k += 1
        return out

    def _possessive_joins(self, doc: Doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
        """"Bishop's Stortford", "Hunter’s Hill", "Ra's Tanura": a possessive between two runs is
        inside one name when the words from inside the first run to inside the second are a
        town's own name as GeoNames writes it (its key drops the apostrophe: "Bishops Stortford").
        Not a possessive and what it owns ("Trowbridge's Town Hall"): the whole must be a name."""
        (a, b), (c, d) = first, second
        if c != b + 1 or doc[b].text not in POSSESSIVE or doc[b - 1].whitespace_ or doc[b].whitespace_ != " ":
            return False
        for start in range(max(a, b - JOINED_SIDE), b):
            for end in range(c + 1, min(d, c + JOINED_SIDE) + 1):
                key = fold(doc[start:end].text)
                if any(p.primary and fold(p.name) == key for p in self.gazetteer.lookup(key)):
                    return True
        return False

    def _possessive_name(self, doc: Doc, run: tuple[int, int]) -> tuple[int, int]:
        """"St. John's, Antigua": a run before "'s" that no noun follows takes the "'s" when the
        gazetteer knows the whole as a town's own name (a possessive is followed by what it owns)."""
        a, b = run
        if b + 1 > len(doc) or b >= len(doc) or doc[b].text not in POSSESSIVE or doc[b - 1].whitespace_ or \
                b + 1 < len(doc) and not (doc[b + 1].is_punct or doc[b + 1].is_space):
            return run
        for start in range(max(a, b - JOINED_SIDE), b):
            key = fold(doc[start:b + 1].text)
            if any(p.primary and fold(p.name) == key and ("'" in p.name or "’" in p.name)
                   for p in self.gazetteer.lookup(key)):
                return a, b + 1  # not "Victoria's" as Victorias: the name itself has the apostrophe
        return run

    def _joins(self, doc: Doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
        (a, b), (c, d) = first, second
        if not 1 <= c - b <= JOINER_WORDS or any(
                t.lower_ not in self.words.name_joiners or t.whitespace_ != " " for t in doc[b - 1:c]
                if t.i >= b) or doc[b - 1].whitespace_ != " " or doc[b - 1].is_sent_end:
            return False
        for start in range(max(a, b - JOINED_SIDE), b):
            for end in range(c + 1, min(d, c + JOINED_SIDE) + 1):
                key = fold(doc[start:end].text)
                if any(p.primary and fold(p.name) == key for p in self.gazetteer.lookup(key)) or \
                        start == a and end == d and self.resolver.country(doc[start:end].text):
                    return True  # ... or the two runs whole are a country ("Trinidad and Tobago")
        return False

    def _match_run(self, doc: Doc, run: tuple[int, int]) -> Iterable[tuple[Span, PlaceInfo]]:
        start, end = run
        i = start
        while i < end:
            found = None
            hyphened = min(end, i + MAX_RUN) if any(doc[k].text == "-" for k in range(i, min(end, i + MAX_RUN))) \
                else min(end, i + MAX_PLAIN_RUN)
            for j in range(hyphened, i, -1):
                found = self._classify(doc, i, j, run)
                if found is not None:
                    break
            if found is None:
                i += 1
                continue
            yield bracket_qualified(doc, *found, self.gazetteer)
            i = found[0].end

    def _classify(self, doc: Doc, i: int, j: int, run: tuple[int, int]) -> tuple[Span, PlaceInfo] | None:
        span = doc[i:j]
        key = fold(span.text)
        if not key or key in self.not_places or doc[j - 1].text in DASHES or span.text[:1] in DASHES or \
                j - i == 1 and doc[i].like_num or \
                doc[i].lower_ in self.words.leading or \
                i > 0 and doc[i - 1].text[:1].isupper() and (doc[i - 1].lower_ in self.words.feature_heads or
                                                            doc[i - 1].lower_ in self.words.person_titles):
            return None
        code = self.resolver.country(span.text)
        if code and self._town_in_stated_region(doc, span, code):
            code = None  # "Lebanon, Pennsylvania", "Jordan, Minnesota": the town, not the country
        if code:
            cue = self.context.cue_at(doc, "before", "region", i, j)
            k = i - len(cue["words"]) - 1 if cue is not None else -1
            if cue is not None and cue.get("over_country") and \
                    not (k >= 0 and is_cap(doc[k]) and doc[k].lower_ not in self.words.leading) and \
                    any(key in (fold(sub.name), self.resolver.stripped(sub.name))
                        for sub in self.resolver.subdivisions_named(span.text, stripped=True)):
                info = self._region(doc, span, cue)
                if info is not None:
                    return span, info  # "the State of Georgia": the US state, not the country
        if code and not (self.resolver.demonym(span.text) and _modifies_next(doc, j)):
            return span, PlaceInfo("country", country_name(code) or span.text, code, ext_start=i,
                                   ext_end=j, country_source="self", evidence=1.0,
                                   rules=[self.resolver.country_rules.get(key, "pycountry-country")])
        if self.resolver.demonym(span.text):
            return None
        region_cue = self.context.region_cue(doc, i, j)
        if region_cue is not None and region_cue["position"] == "after" and \
                _titles_next(doc, doc[i:j + len(region_cue["words"])], self.context):
            return None
        if region_cue is not None:
            info = self._region(doc, span, region_cue)
            if info is not None:
                return span, info
            if region_cue["position"] == "before":
                return None
        places = self.gazetteer.lookup(key)
        region = self._bare_region(doc, span, places)
        if region is not None and not self._names_person(doc, span, places):
            return span, region
        if not places or not self._plausible(doc, span, run, places):
            return None
        return span, self._city(doc, span, places)

    def _names_person(self, doc: Doc, span: Span, places: tuple[Place, ...]) -> bool:
        """Is this one word (the gazetteer's ``places`` by its name) a surname the document gives in
        a person's full name, and nowhere a place's name by a container or a city word ("the City
        of Columbus" beside "Christopher Columbus")?"""
        if len(span) != 1 or not places or any(p.primary and p.population >= BIG_CITY for p in places) or not names_person(
                doc, span, self.words.person_titles, self._not_name_word,
                lambda text: bool(self.gazetteer.lookup(fold(text))),
                trust_ner=max(p.population for p in places) < BIG_CITY):
            return False  # a big city's own name stays the city ("President Abraham Lincoln" in Lincoln)
        return not any(self.context.city_cue(doc, i, i + 1) or self.context.explicit_country(doc, i, i + 1)[0]
                       for i in occurrences(doc, span.text))

    def _not_name_word(self, token: Token) -> bool:
        lower = token.lower_
        return lower in self.words.person_titles or lower in self.words.title_words or lower in self.words.leading or \
            lower in self.words.org_heads or lower in self.words.feature_heads or \
            bool(self.resolver.country(token.text) or self.resolver.demonym(token.text)) or \
            any(p.population >= BIG_CITY for p in self.gazetteer.lookup(fold(token.text)))

    def _town_in_stated_region(self, doc: Doc, span: Span, code: str) -> bool:
        """Is a country's name followed by ", " and a region of another country that has a town
        of that name ("Lebanon, Pennsylvania", "Georgia, Vermont")?"""
        k = span.end
        if k + 1 >= len(doc) or doc[k].text != "," or not is_cap(doc[k + 1]):
            return False
        places = [p for p in self.gazetteer.lookup(fold(span.text)) if p.country != code]
        if not places:
            return False
        end = k + 2
        while end < len(doc) and end - k <= 4 and is_cap(doc[end]):
            end += 1
        for stop in range(end, k + 1, -1):
            for sub in self.resolver.subdivisions_named(doc[k + 1:stop].text):
                if sub.country != code and any(p.country == sub.country for p in places):
                    return True
        return False

    def _region_by_town_name(self, text: str, country: str | None) -> Subdivision | None:
        """"Kiev Region", "Odessa and Vinnitsa Regions": an old spelling of the town a region is
        named after is a GeoNames alternate name of that town, whose own name finds the region.
        Only a spelling variant counts (a few letters apart): "Kanto" is also a name of Cần Thơ."""
        key = fold(text)
        towns = sorted((p for p in self.gazetteer.lookup(key) if country in (None, p.country)),
                       key=lambda p: -p.population)
        for town in towns[:REGION_TOWN_CANDIDATES]:
            if fold(town.name) != key and edit_distance(fold(town.name), key) <= SPELLING_VARIANT:
                sub = self.resolver.subdivision(town.name, town.country,
                                                prefer_types=self.words.region_type_preference)
                if sub is not None:
                    return sub
        return None

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

    def _home_division(self, sub: Subdivision) -> str | None:
        """The GeoNames admin1 code of a region named for a big town of its own (São Paulo, Rio
        de Janeiro), else None: a village sharing a region's name may lie anywhere."""
        towns = [p for p in self.gazetteer.lookup(fold(sub.name))
                 if p.country == sub.country and p.population >= NAMESAKE_CAPITAL_POPULATION]
        return max(towns, key=lambda p: p.population).admin1 if towns else None

    def _bare_region(self, doc: Doc, span: Span, places: tuple[Place, ...]) -> PlaceInfo | None:
        """"Vermont is ending its sister-state relationship", "the regional assembly of Lubelskie":
        a first-level region's official name with no cue is the region, unless a town of some
        size has it as its own name (Bergamo, Lecco and Kent are towns; Washington, Cebu (City) and
        New York (City) are cities; an alternate name does not count: "Jalisco" is the state, not
        Xalisco) and no country in apposition rules that town out ("Brampton, Ontario, Canada").
        An English name from ``patterns/regions.jsonl`` counts too when the region's country
        stands beside it ("Saxony-Anhalt (Germany)", "Styria, Austria") and no town of some size
        has it as any of its names ("Vinnytsia, Ukraine" is the city). Same-named regions go by
        type (``_type_rank``). A country stated beside the name that is no region's but a town's
        rules the regions out ("Delta in Mexico" is the town, not Nigeria's state)."""
        key = fold(span.text)
        compound = "-" in span.text or "," in span.text or " and " in span.text
        regions = [s for s in self.resolver.subdivisions_named(span.text, stripped=True)
                   if (s.type.casefold() in self.words.bare_region_types
                       or compound and s.type.casefold() in self.words.compound_region_types)
                   and key in (fold(s.name), self.resolver.stripped(s.name))]
        rule = "region-official-name"
        if not regions and key in self.resolver.region_rules and span.end < len(doc) and doc[span.end].text in (",", "("):
            country, source = self.context.explicit_country(doc, span.start, span.end)
            alias = self.resolver.subdivision(span.text, country) if country and source == "apposition" else None
            if alias is not None:
                regions, rule = [alias], self.resolver.region_rules[key]
        if not regions and key in self.resolver.bare_aliases and \
                not (span.end < len(doc) and is_cap(doc[span.end])) and not is_modifier(span, self.words):
            # "Styria", "Lower Saxony": an English name that is no town's stands alone, unless it
            # is part of a longer name ("Sakhalin Island") or a modifier ("the Lesser Poland command")
            country, _ = self.context.explicit_country(doc, span.start, span.end)
            alias = self.resolver.subdivision(span.text, country)
            if alias is not None:
                regions, rule = [alias], self.resolver.region_rules[key]
        regions.sort(key=self._type_rank)
        if not regions or self.context.city_cue(doc, span.start, span.end) or _titles_next(doc, span, self.context):
            return None
        country, _ = self.context.explicit_country(doc, span.start, span.end)
        if country is not None and all(r.country != country for r in regions) and \
                any(p.country == country for p in places):
            return None
        region = regions[0]
        limit = BIG_CITY if region.country == "US" else TOWN
        aliased = rule != "region-official-name"
        if any(p.population >= limit and country in (None, p.country) and (aliased or _own_name(key, p))
               and not (region.country == "US" and country is None and p.country != "US")
               for p in places):  # a bare US state's name is not a foreign town ("Virginia", not Virginia ZA)
            return None
        capitals = [p for p in places if p.population >= BIG_CITY and p.country == region.country
                    and _capital_named_for(key, p)]
        if capitals and any(t.lower_ in CITY_CONTEXT for t in span.sent):
            # "a sister city agreement with Querétaro": Santiago de Querétaro, the state's capital
            town = max(capitals, key=lambda p: p.population)
            ext_start, ext_end = self.context.extent(doc, span.start, span.end, places)
            return PlaceInfo("city", town.name, town.country, geonames_id=town.geonames_id,
                             population=town.population, country_source="gazetteer", admin1=town.admin1,
                             ext_start=ext_start, ext_end=ext_end, evidence=0.9,
                             rules=["gazetteer-geonames", "capital-named-for-region"])
        core = CITY_WORDS.sub("", key).strip()
        if core != key and any(p.population >= limit and _own_name(core, p) for p in self.gazetteer.lookup(core)):
            return None
        ext_start, ext_end = self.context.extent(doc, span.start, span.end)
        return PlaceInfo("region", region.name, region.country, subdivision=region.code,
                         admin1=self._region_admin1(region.code, region.country),
                         country_source="subdivision", ext_start=ext_start, ext_end=ext_end, evidence=0.9,
                         rules=[rule])

    def _type_rank(self, sub: Subdivision) -> int:
        """Same-named regions with no country stated: a state or province before a county,
        district or department ("Maryland" the US state, not Liberia's county; "Montana",
        "Florida"), in the order of ``region_type_preference``."""
        order = self.words.region_type_preference
        kind = sub.type.casefold()
        return order.index(kind) if kind in order else len(order)

    def _region(self, doc: Doc, span: Span, cue: dict[str, Any]) -> PlaceInfo | None:
        country, source = self.context.explicit_country(doc, span.start, span.end)
        if "subdivision_types" in cue:
            sub = self._typed_subdivision(span.text, country, cue["subdivision_types"])
            if sub is None:
                return None
        else:
            sub = self.resolver.subdivision(span.text, country, prefer_types=self.words.region_type_preference) \
                or self._region_by_town_name(span.text, country)
        if sub is None:
            return self._region_named_for_town(doc, span, cue, country, source)
        ext_start, ext_end = self.context.extent(doc, span.start, span.end)
        rules = [cue["id"], self.resolver.region_rules.get(fold(span.text), "pycountry-subdivision")]
        if cue.get("shared"):
            rules.append(SHARED_TYPE_RULE)
        return PlaceInfo("region", sub.name, sub.country, subdivision=sub.code,
                         admin1=self._region_admin1(sub.code, sub.country),
                         country_source=source if country else "subdivision",
                         ext_start=ext_start, ext_end=ext_end, evidence=1.0, rules=rules)

    def _typed_subdivision(self, name: str, country: str | None, types: list[str]) -> Subdivision | None:
        """A subdivision of one of ``types`` called exactly ``name`` ("Klaipėda District" is the
        district municipality LT-21, "Rîșcani District" MD-RI), of the stated country if any; a
        district that pycountry does not list (a city's district, a raion) is none."""
        wanted = {t.casefold() for t in types}
        found = [s for s in self.resolver.subdivisions_named(name, stripped=True)
                 if s.type.casefold() in wanted and country in (None, s.country)]
        return found[0] if len({s.country for s in found}) == 1 else None

    def _region_named_for_town(self, doc: Doc, span: Span, cue: dict[str, Any], country: str | None,
                               source: str) -> PlaceInfo | None:
        """"Zagreb County", "Moscow Oblast", "Akmola Region (Kazakhstan)": a type word after a
        town's name makes a region named for the town even where pycountry's local name hides it
        ("Zagrebačka županija", "Moskovskaya oblast'", "Aqmola oblysy"). Its country is the stated
        one, else the biggest such town's; it has no ISO code, and its name is the text's with the
        type word in the singular ("Moscow and Smolensk Regions" -> "Moscow Region"). Not the
        second half of a compound ("the Asia-Pacific region")."""
        title = cue.get("title")
        if cue["position"] != "after" or not title or span.start > 0 and doc[span.start - 1].text in DASHES:
            return None
        towns = [p for p in self.gazetteer.lookup(fold(span.text)) if country in (None, p.country)]
        if not towns:
            return None
        town = max(towns, key=lambda p: p.population)
        ext_start, ext_end = self.context.extent(doc, span.start, span.end)
        rules = [cue["id"], "region-named-for-town"] + ([SHARED_TYPE_RULE] if cue.get("shared") else [])
        sub = self._subdivision_named_for(town)
        if sub is not None:
            return PlaceInfo("region", sub.name, sub.country, subdivision=sub.code, admin1=town.admin1,
                             country_source=source if country else "subdivision", ext_start=ext_start,
                             ext_end=ext_end, evidence=0.9, rules=rules)
        return PlaceInfo("region", f"{span.text} {title}", town.country,
                         country_source=source if country else "gazetteer", admin1=town.admin1,
                         ext_start=ext_start, ext_end=ext_end, evidence=0.9, rules=rules)

    def _subdivision_named_for(self, town: Place) -> Subdivision | None:
        """The first-level region whose pycountry name is one of the town's GeoNames names:
        "Luang Prabang Province" is Louangphabang (LA-LP), "Xayaboury Province" Xaignabouli
        (LA-XA). A city-region ("Moskva", "Hà Nội Municipality") is the town itself, not the
        region around it."""
        if town.country not in self._named_for:
            found: dict[int, Subdivision] = {}
            for subs in self.resolver.subdivisions.values():
                for sub in subs:
                    if sub.country != town.country or any(w in sub.type.casefold() for w in CITY_TYPES):
                        continue
                    for place in self.gazetteer.lookup(self.resolver.stripped(sub.name)):
                        if place.country == sub.country:
                            found.setdefault(place.geonames_id, sub)
            self._named_for[town.country] = found
        return self._named_for[town.country].get(town.geonames_id)

    def _plausible(self, doc: Doc, span: Span, run: tuple[int, int], places: tuple[Place, ...]) -> bool:
        """Is this capitalised string a place here, or a word/name that happens to match one? A
        town's full canonical name of several words is one whatever the tagger thought of its
        first word ("Lower Hutt", "Palmerston North" heading a line)."""
        if not self._fits_run(doc, span, run):
            return False
        if hyphen_pair(doc, span, run, self.words) or hyphenated_towns(doc, span, run, self.gazetteer):
            return True
        if len(span) == 1 and span.text.isupper() and len(span.text) <= 4 and (
                span.start > 2 or 0 < span.start < len(doc) - 1 and doc[span.start - 1].text == "("
                and doc[span.end].text == ")") and not _capitals_line(doc, span.start) \
                and not self.context.explicit_country(doc, span.start, span.end)[0] and not dateline(span):
            return False
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and \
                doc[span.start - 2].text[:1].isupper() and doc[span.start - 2].lower_ in self.words.org_heads:
            return False
        if self.context.city_cue(doc, span.start, span.end) or \
                self.context.explicit_country(doc, span.start, span.end)[0]:
            return True
        if self._names_person(doc, span, places):
            return False  # "Anthony Williams ... Williams is in Beijing": the surname, not Williams, Arizona
        if is_modifier(span, self.words):
            return False
        best = max(p.population for p in places)
        primary = any(p.primary for p in places)
        if primary and len(span) > 1 and best >= self.min_population and all(t.text[:1].isupper() for t in span):
            return True
        if len(span) > 2 and any(t.lower_ in self.words.name_joiners for t in span[1:-1]) and \
                span[0].text[:1].isupper() and span[-1].text[:1].isupper() and \
                any(p.primary and fold(p.name) == fold(span.text) for p in places):
            return True  # "San Pietro in Cariano": a town's whole own name with a joining word inside
        big = best >= self.min_population or (primary and len(span) > 1)
        if big and self._beside_a_town(doc, span):
            return True
        tagged_proper = all(t.pos_ == "PROPN" for t in span if not t.is_punct)
        nominal = not tagged_proper and all(
            (t.pos_ in ("NOUN", "PROPN", "X") or t.pos_ == "ADV" and not t.lower_.endswith("ly"))
            and not t.is_stop for t in span) and primary and best >= self.common_word_population
        if big and (tagged_proper or nominal):
            return True  # so whatever the NER says (its labels are asked for only when they can matter)
        if best >= BIG_CITY and len(span.text) >= 4 and span.text.isupper() and \
                _capitals_line(doc, span.start, CAPITALS_HEADLINE_LETTERS):
            return True  # "KYIV AND ZAGREB SIGN ...": on a line in capitals the tagger's parts of speech mean little
        ent_types = span_types(doc, span.start, span.end)
        if ent_types & NER_PLACE:
            return True
        if tagged_proper or ent_types & NER_NAME:
            return big
        return nominal

    def _beside_a_town(self, doc: Doc, span: Span) -> bool:
        """"Szeged and Subotica remain twin towns", "Hjørring, Rovigo's twin town in Denmark, ...":
        a one-word name opening a sentence, which the small tagger often takes for a verb or an
        adjective, is a town when "and" joins it to another town's name or a possessive town
        follows it in apposition (the other name tagged proper and known to GeoNames), or when its
        council follows it ("Kilkenny councillors agreed ...")."""
        if len(span) != 1 or not span[0].is_sent_start or span.end + 2 >= len(doc) or span.text.isupper():
            return False
        link, other = doc[span.end], doc[span.end + 1]
        if link.is_lower and link.lower_ in COUNCIL_WORDS:
            return True
        if link.lower_ != "and" and not (link.text == "," and doc[span.end + 2].tag_ == "POS"):
            return False
        return other.pos_ == "PROPN" and other.text[:1].isupper() and not other.text.isupper() and any(
            p.population >= self.min_population for p in self.gazetteer.lookup(fold(other.text)))

    def _fits_run(self, doc: Doc, span: Span, run: tuple[int, int]) -> bool:
        """A match inside a longer capitalised name ("Lviv Polytechnic") is not a place; a run
        that only continues with a connector word is ("Rzeszów on Monday"), and so is one after a
        sentence-initial ordinary word ("Neighbouring Lappeenranta", "In Kyiv", "Among Albany's
        sister cities") or a country adjective
        ("Welsh Aberystwyth", "Polish Rzeszów"), unless an article makes the two one name
        ("the French Riviera"), or a town's type word heading its page ("Gmina Stronie Śląskie",
        "Comune di Signa")."""
        if hyphen_pair(doc, span, run, self.words) or hyphenated_towns(doc, span, run, self.gazetteer):
            return True
        words = self.words
        line = formal_name_start(doc, run[0])
        listed = starts_line(doc, line) and named_container(doc, line, span.start, self.resolver)
        before = [t for t in doc[run[0]:span.start] if t.lower_ not in words.leading and t.text != "-"
                  and not (t.is_sent_start and (t.pos_ in SENTENCE_OPENERS
                                                or t.lower_.endswith(("ing", "ed", "ly"))))
                  and not (t.i == span.start - 1 and self.resolver.demonym(t.text)
                           and (t.i == 0 or doc[t.i - 1].lower_ != "the"))]
        cue = self.context.cue_at(doc, "before", "city", span.start, span.end)
        if cue is not None:
            before = [t for t in before if t.i < span.start - len(cue["words"])]
        if not listed and any(t.lower_ not in words.title_words for t in before):
            return False
        after = [t for t in doc[span.end:run[1]] if t.text != "-"]
        return not after or after[0].lower_ in words.title_words or \
            after[0].is_lower and after[0].lower_ in words.connectors or \
            starts_line(doc, run[0]) and after[0].lower_ in words.entry_heads

    def _city(self, doc: Doc, span: Span, places: tuple[Place, ...]) -> PlaceInfo:
        country, source = self.context.explicit_country(doc, span.start, span.end, places)
        admin1 = self.context.us_state_apposition(doc, span.end, places)
        ext_start, ext_end = self.context.extent(doc, span.start, span.end, places)
        rules = ["gazetteer-geonames"]
        if country:
            chosen = [p for p in places if p.country == country]
            if admin1:
                chosen = [p for p in chosen if p.admin1 == admin1] or chosen
            if not chosen:
                return PlaceInfo("city", span.text, country, country_source=source,
                                 ext_start=ext_start, ext_end=ext_end, evidence=0.8, rules=rules)
            best = max(chosen, key=weight)
            return PlaceInfo("city", best.name, best.country, geonames_id=best.geonames_id,
                             population=best.population, country_source=source, admin1=best.admin1,
                             ext_start=ext_start, ext_end=ext_end, evidence=1.0, rules=rules)
        return PlaceInfo("city", span.text, None, ext_start=ext_start, ext_end=ext_end,
                         evidence=0.7, rules=rules, candidates=places)


def bracket_qualified(doc: Doc, span: Span, info: PlaceInfo, gazetteer: Gazetteer) -> tuple[Span, PlaceInfo]:
    """"Frankfurt (Oder)": a bracketed word that is part of one candidate's own name picks it."""
    k = span.end
    if info.kind != "city" or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return span, info
    qualifier = fold(doc[k + 1].text)
    named = [p for p in gazetteer.lookup(fold(span.text)) if qualifier in re.findall(r"\w+", fold(p.name))]
    if not named:
        return span, info
    best = max(named, key=lambda p: p.population)
    return span, replace(info, name=best.name, country=best.country, geonames_id=best.geonames_id,
                         population=best.population, admin1=best.admin1, country_source="apposition",
                         ext_end=max(info.ext_end, k + 3), evidence=1.0, candidates=(),
                         rules=info.rules + ["bracket-qualifier"])


def _titles_next(doc: Doc, span: Span, context: PlaceContext) -> bool:
    """"The Free State of Bavaria": a region's name that ends in a region cue before "of" and a
    capitalised name is that name's title, not a region of its own (South Africa's Free State)."""
    k = span.end
    return k + 1 < len(doc) and doc[k].lower_ == "of" and is_cap(doc[k + 1]) and \
        context.cue_at(doc, "before", "region", k + 1, k + 2) is not None and \
        not context.resolver.country(doc[k + 1].text)  # "Sichuan Province of China" is Sichuan


def _modifies_next(doc: Doc, j: int) -> bool:
    """"New Zealand politicians", "the U.S. city of": a name that is both a country and its
    adjective is the adjective before a common noun, the country elsewhere ("to New Zealand")."""
    return j < len(doc) and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "PROPN")


def hyphenated_towns(doc: Doc, span: Span, run: tuple[int, int], gazetteer: Gazetteer) -> bool:
    """"sister-city relations between Delhi-Beijing, Bengaluru-Chengdu ...": two towns of some
    size joined by a bare hyphen name a pair (a name that is one place, "Ivano-Frankivsk",
    was matched whole before), but not as a modifier ("the Dresden-Wrocław railway line"); and
    so do two names of one town ("Pula-Pola", as a bilingual town writes itself)."""
    if span.end + 1 < run[1] and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_:
        other = doc[span.end + 1:run[1]]
    elif span.start - 1 > run[0] and doc[span.start - 1].text == "-":
        other = doc[run[0]:span.start - 1]
    else:
        return False
    after = doc[run[1]] if run[1] < len(doc) else None
    if after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ", "PROPN"):
        return False
    mine, theirs = gazetteer.lookup(fold(span.text)), gazetteer.lookup(fold(other.text))
    if {p.geonames_id for p in mine} & {p.geonames_id for p in theirs}:
        return True
    sizes = [p.population for p in (*mine, *theirs) if p.primary]
    return len(other) <= 3 and len(sizes) >= 2 and min(max(sizes[:1]), max(sizes[1:])) >= TOWN

def named_container(doc: Doc, i: int, j: int, resolver: CountryResolver) -> bool:
    """Do ``doc[i:j]`` name a country or a region, as a partner list puts it before each
    partner ("Germany Wuppertal ...", "Czech Republic Ostrava ...")? Empty counts too."""
    if i == j:
        return True
    text = doc[i:j].text
    return bool(resolver.country(text) or resolver.subdivisions_named(text))


CITY_WORDS = re.compile(r"\b(?:city of|city)\b")
"""Removed from a region's name to find the town it is the council of ("Glasgow City", "City of
Edinburgh": Scottish council areas that are their towns)."""


CITY_CONTEXT = frozenset({"city", "cities", "town", "towns", "mayor", "mayors", "municipal", "municipality"})
"""Words of a sentence that speaks of towns: there a region's name that its big capital bears
within its own is the capital (``_capital_named_for``)."""


def _capital_named_for(key: str, place: Place) -> bool:
    """Is ``key`` a whole part of a longer own name of the town ("Querétaro" in Santiago de
    Querétaro, "Oaxaca" in Oaxaca de Juárez)? Not a town of another name ("Jalisco", Xalisco)."""
    name = fold(place.name)
    return name != key and re.search(rf"(?:^|\s){re.escape(key)}(?:$|\s)", name) is not None


def _own_name(key: str, place: Place) -> bool:
    """Is ``key`` the town's own name, or that name without "City" ("Cebu" for Cebu City)? Not a
    longer name it begins ("Brandenburg" is the Land, not Brandenburg an der Havel)."""
    return fold(place.name) in (key, key + " city")


def formal_name_start(doc: Doc, i: int) -> int:
    """Where a line's country name starts when its formal words split the capitalised run
    ("Republic of | Belarus Vitebsk ..."): back over capitalised words and "of", "'s", "the" to
    the start of the line, else ``i``."""
    k = i
    while k > 0 and i - k < FORMAL_WORDS and not starts_line(doc, k) and formal_word(doc[k - 1]):
        k -= 1
    return k if starts_line(doc, k) else i


def formal_word(token: Token) -> bool:
    """A word of a country's formal name before the name itself: capitalised, or "of", "'s", "the"
    ("People's Republic of China")."""
    return token.text[:1].isupper() or token.lower_ in FORMAL_JOINERS


FORMAL_JOINERS = frozenset({"of", "'s", "the"})
FORMAL_WORDS = 4
"""At most this many words before a country's name in its formal name ("People's Republic of")."""


def hyphen_pair(doc: Doc, span: Span, run: tuple[int, int], words: PlaceWords) -> bool:
    """Two places joined by a hyphen before a twinning noun: "the St. Paul-Nagasaki sister city
    committee" names both towns (and "the" belongs to the committee, not to them)."""
    if run[1] < len(doc) and doc[run[1]].lower_ in words.hyphen_pair_nouns and (
            span.end < run[1] and doc[span.end].text == "-" or span.start > run[0] and doc[span.start - 1].text == "-"):
        return True
    return _spaced_dash_pair(doc, span, run, words)


DASHES = frozenset({"-", "–", "—"})


def _spaced_dash_pair(doc: Doc, span: Span, run: tuple[int, int], words: PlaceWords) -> bool:
    """"the Castlebar – Höchstadt twinning": a spaced dash ends the first name's run, and the
    twinning noun follows the second one."""
    k = run[1]
    if span.end != k or k + 1 >= len(doc) or doc[k].text not in DASHES:
        return False
    j = k + 1
    while j < len(doc) and doc[j].text[:1].isupper():
        j += 1
    return k + 1 < j < len(doc) and doc[j].lower_ in words.hyphen_pair_nouns


HEADLINE_VERBS = frozenset({"sign", "signs", "ink", "inks", "seal", "seals", "twin", "twins", "become", "becomes",
                            "forge", "forges", "renew", "renews", "join", "joins", "suspend", "suspends",
                            "sever", "severs", "cut", "cuts", "end", "ends"})
"""Verbs of a sentence-case headline that the parser reads as nouns after a name ("Lviv and
Wrocław sign partnership agreement"): the name before them is a party, not a modifier."""


def is_modifier(span: Span, words: PlaceWords) -> bool:
    """"the Baltic", "the Chernobyl nuclear power plant", "Lviv airport": a name used as a
    modifier or with an article is not a town in its own right (cues were checked before). A
    municipal body or office after it makes it the town again, article or not ("the Melbourne
    council", "Dublin councillors", "the Kyiv authorities"), and so does a tie word ("the
    Minokamo–Dubbo sister city anniversary"), and so does a headline's verb the parser took for a
    noun ("Lviv and Wrocław sign partnership agreement"), and "date back" read as a noun ("ties
    with Nanjing date back to 1978")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.is_lower and (nxt.lower_ in words.title_words or nxt.lower_ in words.hyphen_pair_nouns
                                             or nxt.lower_ in HEADLINE_VERBS and not span.text.isupper()):
        return False
    if nxt is not None and nxt.lower_ in ("date", "dates") and nxt.i + 1 < len(doc) and \
            doc[nxt.i + 1].lower_ in ("back", "from"):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ == "the":
        return True
    return bool(nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")
                and span.root.dep_ in ("compound", "amod", "nmod"))


def locates_a_town(doc: Doc, span: Span, words: PlaceWords) -> bool:
    """"The Devon city has been twinned with Yaroslavl", "the Ohio city": a name between an
    article and a town noun that heads the phrase only says where the town lies (the phrase
    stands for a town named elsewhere); "the Kyiv city council" is the city's own body and "the
    Chortkiv municipality of the Ternopil region" the municipality itself."""
    k = span.end
    if span.start == 0 or doc[span.start - 1].lower_ != "the" or k >= len(doc) or \
            not doc[k].is_lower or doc[k].lower_ not in words.host_nouns:
        return False
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt is None or nxt.lower_ != "of" and not (nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN"))


def starts_line(doc: Doc, i: int) -> bool:
    """Does token ``i`` start a line, after any numbering or bullet ("1.", "•", "–", "(a)")?"""
    k = i - 1
    while k >= 0 and not doc[k].is_space and (doc[k].is_punct or doc[k].like_num and len(doc[k]) <= 3
                                              or doc[k].text in BULLETS):
        if "\n" in doc[k].whitespace_:
            return True
        k -= 1
    return k < 0 or doc[k].is_space and "\n" in doc[k].text or "\n" in doc[k].whitespace_


def weight(place: Place, written: str = "") -> float:
    """Population, with alternate-name matches discounted against canonical ones; an alternate
    name that is another name altogether, not a spelling of the town's own ("Victoria" for Hong
    Kong, "Islamabad" for Chattogram, "Ennis" for Surprise), far more than a transliteration
    ("Kiev", "Odessa", "Kharkov"), so a town that bears the name as its own wins."""
    if place.primary:
        return place.population + 1.0
    other_name = bool(written) and not _spelling_of(fold(written), fold(place.name))
    return (place.population + 1) * (OTHER_NAME if other_name else ALTERNATE_SPELLING)


DESIGNATOR_LETTERS = 5
"""Longest designator after a name ("-shi", "-gun", " City") that still leaves the name its own."""
ALTERNATE_SPELLING = 0.2
OTHER_NAME = 0.01
"""Weights of an alternate-name match against the town's own name (1.0)."""


def _spelling_of(written: str, name: str) -> bool:
    """Is ``written`` a spelling variant of ``name`` (a few letters apart for its length), or the
    name without a one-word designator GeoNames keeps ("Nara" for Nara-shi, "Cebu" for Cebu City)?"""
    if edit_distance(written, name) <= max(SPELLING_VARIANT, len(name) // 4):
        return True
    rest = name[len(written):]
    if name.startswith(written) and rest[:1] == " " and rest.split()[0] in RIVER_CONNECTORS:
        return True  # "Newcastle" for Newcastle upon Tyne, "Frankfurt" for Frankfurt am Main
    if name.startswith(written) and rest.startswith(" (") and rest.endswith(")"):
        return True  # "Halle" for Halle (Saale), "Frankfurt" for Frankfurt (Oder)
    return name.startswith(written) and rest[:1] in ("-", " ") and rest[1:].isalpha() and \
        len(rest) - 1 <= DESIGNATOR_LETTERS


RIVER_CONNECTORS = frozenset({"upon", "on", "am", "an", "sur", "nad", "im"})
"""Words that open the river or landmark part of a town's name: the name before them is the
town's usual short name (a spelling of its own, not another name altogether)."""


ELIDED_ARTICLE = re.compile(r"^[ld]['’][A-ZÀ-Þ]")
"""An elided French or Italian article before a capital inside a name ("Saint-Cyr-l'École",
"Villeneuve-d'Ascq", "Cortina d'Ampezzo"): part of the name, though it starts in lower case."""


def capitalised_runs(doc: Doc, words: PlaceWords) -> Iterable[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by hyphens, name connectors and a possessive
    before a landform that ends a name ("Hawke's Bay", "King's Lynn"); in a Title Case
    line a run also ends before a headline word ("Des Moines | Suspends | Sister City ...")."""
    i, n = 0, len(doc)
    titled = _title_case_lines(doc)
    while i < n:
        if not is_cap(doc[i]) or i in titled and doc[i].lower_ in words.headline_breaks:
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = doc[j]
            if j in titled and tok.lower_ in words.headline_breaks:
                break
            if is_cap(tok) and doc[j - 1].whitespace_ in ("", " ") and doc[j - 1].text not in {",", ";"}:
                if doc[j - 1].is_sent_end:
                    break
                j += 1
            elif tok.text == "." and doc[j - 1].lower_ in words.abbreviations and not doc[j - 1].whitespace_ \
                    and j + 1 < n and is_cap(doc[j + 1]):
                j += 1
            elif tok.text in POSSESSIVE and j + 1 < n and doc[j + 1].lower_ in words.possessive_heads and \
                    is_cap(doc[j + 1]):
                j += 1
            elif (tok.text == "-" or tok.lower_ in words.connectors) and j + 1 < n and \
                    (is_cap(doc[j + 1]) or doc[j + 1].lower_ in words.connectors or doc[j + 1].text == "-"
                     or tok.text == "-" and ELIDED_ARTICLE.match(doc[j + 1].text)) and \
                    (tok.text != "-" or not tok.whitespace_):
                j += 1
            elif ELIDED_ARTICLE.match(tok.text) and (doc[j - 1].text == "-" and not doc[j - 1].whitespace_
                                                     or is_cap(doc[j - 1]) and doc[j - 1].whitespace_ == " "):
                j += 1
            else:
                break
        while j > i and not (is_cap(doc[j - 1]) or ELIDED_ARTICLE.match(doc[j - 1].text)):
            j -= 1
        yield i, j
        i = j


CAPITALS_LINE_LETTERS = 40
CAPITALS_HEADLINE_LETTERS = 15
"""A headline in capitals is shorter than a resolution's title; only a big city's own name is
read as a place on it whatever its tag."""


def _capitals_line(doc: Doc, i: int, min_letters: int = CAPITALS_LINE_LETTERS) -> bool:
    """Is token ``i`` on a line written all in capitals ("THE CITY OF MOAB, STATE OF UTAH"),
    where a short upper-case word is a name, not an acronym?"""
    text = text_of(doc)
    start = text.rfind("\n", 0, doc[i].idx) + 1
    end = text.find("\n", doc[i].idx)
    letters = [c for c in text[start:end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= min_letters and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _title_case_lines(doc: Doc) -> set[int]:
    """Tokens of lines written in Title Case or capitals (a headline, a resolution's title): most
    of their longer words capitalised."""
    found: set[int] = set()
    line: list[int] = []
    for tok in [*doc, None]:
        if tok is None or "\n" in tok.text:
            long_words = [doc[k] for k in line if doc[k].is_alpha and len(doc[k]) > 3]
            if len(long_words) >= TITLE_CASE_WORDS and \
                    sum(t.text[:1].isupper() for t in long_words) >= TITLE_CASE_SHARE * len(long_words):
                found.update(line)
            line = []
        else:
            line.append(tok.i)
    return found


TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.8
"""A line with at least this many words of four letters or more, this share of them capitalised,
is a Title Case (or all capitals) headline."""
