"""What the words around a name say about it: cue words, a country in apposition, a demonym.

"the German city of X", "X region", "Talsi, Latvia", "Bergamo (Italy)", "Vienna, Virginia",
"Kingston, Ontario": these decide a mention's type, country and extent before any ranking.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from spacy.tokens import Doc, Span, Token

from .countries import CountryResolver, Subdivision
from .doctext import lowers_of, words_of
from .gazetteer import Place
from .patterns import PatternSet
from .place_words import PlaceWords


class PlaceContext:
    """Reads cues and apposition around ``doc[i:j]``; built once per rule set."""

    def __init__(self, patterns: PatternSet, resolver: CountryResolver, words: PlaceWords,
                 home_division: Callable[[Subdivision], str | None] = lambda sub: None) -> None:
        self.resolver = resolver
        self.words = words
        self.home_division = home_division
        """A region's GeoNames admin1 code when known (see ``PlaceMatcher._home_division``)."""
        self.cues: dict[tuple[str, str], dict[tuple[str, ...], dict[str, Any]]] = {}
        for row in patterns["place_cues"]:
            cue_words = tuple(re.findall(r"[^\s-]+|-", row["pattern"].casefold()))
            self.cues.setdefault((row["position"], row["type"]), {})[cue_words] = {**row, "words": cue_words}
        self.cue_lengths = {key: sorted({len(w) for w in rows}, reverse=True) for key, rows in self.cues.items()}

    def cue_at(self, doc: Doc, position: str, kind: str, i: int, j: int) -> dict[str, Any] | None:
        """The longest cue of ``kind`` written just before ``doc[i:j]`` or just after it, if any."""
        cues = self.cues.get((position, kind), {})
        for n in self.cue_lengths.get((position, kind), ()):
            lo, hi = (i - n, i) if position == "before" else (j, j + n)
            if lo >= 0 and hi <= len(doc):
                row = cues.get(tuple(lowers_of(doc)[lo:hi]))
                if row is not None:
                    return row
        return None

    def leading_cue(self, doc: Doc, i: int, j: int, kind: str) -> dict[str, Any] | None:
        """A "before" cue of ``kind`` that opens ``doc[i:j]`` and leaves a name after it ("Co Kerry",
        "the state of Jalisco" as a city's container)."""
        cues = self.cues.get(("before", kind), {})
        for n in self.cue_lengths.get(("before", kind), ()):
            if i + n < j:
                row = cues.get(tuple(lowers_of(doc)[i:i + n]))
                if row is not None:
                    return row
        return None

    def region_cue(self, doc: Doc, i: int, j: int) -> dict[str, Any] | None:
        return self.cue_at(doc, "before", "region", i, j) or self.cue_at(doc, "after", "region", i, j) \
            or self.shared_cue(doc, j)

    def shared_cue(self, doc: Doc, j: int) -> dict[str, Any] | None:
        """"The Lviv and Volyn oblasts", "Moscow and Smolensk Regions": a plural type word after
        the last of coordinated names (a ``shared`` cue) types every one of them."""
        k, joined = j, False
        while k < min(len(doc), j + SHARED_CUE_REACH):
            token = doc[k]
            if joined and is_cap(doc[k - 1]):
                row = self.cue_at(doc, "after", "region", k, k)
                if row is not None and row.get("shared"):
                    return row
            if token.lower_ in ("and", "&", ","):
                joined = True
            elif not (is_cap(token) or token.text == "-"):
                return None
            k += 1
        return None

    def city_cue(self, doc: Doc, i: int, j: int) -> dict[str, Any] | None:
        return self.cue_at(doc, "before", "city", i, j) or self.cue_at(doc, "after", "city", i, j)

    def explicit_country(self, doc: Doc, i: int, j: int, places: tuple[Place, ...] = ()) -> tuple[str | None, str]:
        """Country stated next to the mention: apposition, brackets, demonym or "Italy's". A
        demonym gives no country across a verb ("The Norwegian city is one of Seattle's ...")."""
        named = self.appositive(doc, j, places)
        if named:
            return named[0], "apposition"
        words, lowers = words_of(doc), lowers_of(doc)
        for lo in range(max(0, i - 5), i):
            first = words[lo]
            if first[:1].isupper():
                code = self.resolver.demonym(first)
                rest = lowers[lo + 1:i]
                if code and (not rest or rest[-1] in self.words.demonym_heads) and \
                        not (rest and rest[-1] == "of" and TIE_WORDS.intersection(rest)) and \
                        not any(doc[k].pos_ in ("VERB", "AUX") for k in range(lo + 1, i)):
                    return code, "demonym"
                if i - lo == 2 and words[lo + 1] in {"'s", "’s"}:
                    code = self.resolver.country(first)
                    if code:
                        return code, "demonym"
        return None, "none"

    def us_state_apposition(self, doc: Doc, j: int, places: tuple[Place, ...]) -> str | None:
        """"Vienna, Virginia" -> "VA" (GeoNames admin1 codes of the US are state codes)."""
        named = self.appositive(doc, j, places)
        if named is None or named[0] != "US":
            return None
        sub = self.resolver.subdivision(doc[j + 1:j + 1 + named[1]].text, "US")
        return sub.code.split("-")[1] if sub is not None else None

    def appositive(self, doc: Doc, j: int, places: tuple[Place, ...] = ()) -> tuple[str, int] | None:
        """The country named right after a mention, and how many tokens name it.

        "Talsi, Latvia", "Bergamo (Italy)", "Lublin in (eastern) Poland", "Vienna, Virginia" or "Birmingham,
        Ala." (a US state), "Kingston, Ontario" (any country's province, when the city exists in
        that country). A state beats a same-named country without such a town: "Athens, Georgia".
        A country that owns the next name ("Osaka, China's Tianjin") is not in apposition, nor
        one that starts a capital's name ("Beijing, Mexico City become sister cities").
        """
        if j >= len(doc) or doc[j].text not in {",", "(", "in"}:
            return None
        skip = 0
        while doc[j].text == "in" and j + 1 + skip < len(doc) and skip < 2 and (
                doc[j + 1 + skip].lower_ in self.words.compass or doc[j + 1 + skip].lower_ == "the" and not skip):
            skip += 1
        countries = {p.country for p in places}
        fallback = None
        for n in (3, 2, 1):
            end = j + 1 + skip + n
            cand = doc[j + 1 + skip:end]
            if end > len(doc) or not wordlike(cand) or end < len(doc) and (
                    doc[end].text in POSSESSIVE or doc[end].lower_ == "city" and is_cap(doc[end]) or
                    _inner_hyphen(doc[end])):
                continue
            code = self.resolver.country(cand.text)
            if code and (not self.resolver.demonym(cand.text) or cand.text in {"US", "U.S."} or ends_phrase(doc, end)):
                if not places or code in countries:
                    return code, n + skip
                fallback = fallback or (code, n + skip)
            if skip:
                continue
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
        in Brittany and Spokane" is fine, and so is "Guadalajara, Jalisco, Mexico", where the
        province's own country follows (the province then only qualifies the town, as in "Paris,
        Texas")."""
        if self.cue_at(doc, "after", "region", cand.start, cand.end):
            return None
        lead = self.leading_cue(doc, cand.start, cand.end, "region")
        name = doc[cand.start + len(lead["words"]):cand.end].text if lead else cand.text
        named = {s.country for s in self.resolver.subdivisions_named(name)} & {p.country for p in places}
        if len(named) != 1:
            return None
        after = doc[cand.end:cand.end + 2]
        in_list = len(after) > 0 and (after[0].lower_ in {"and", "or", "&"} or
                                      after[0].text == "," and len(after) > 1 and is_cap(after[1]))
        country = named.pop()
        if in_list and after[0].text == "," and any(
                self.resolver.country(doc[cand.end + 1:cand.end + 1 + n].text) == country for n in (1, 2, 3)):
            in_list = False
        if in_list and doc[cand.start - 1].lower_ != "in" and not (
                self._parallel_province(doc, cand.end) and self._may_lie_in(name, country, places)):
            return None
        return country

    def _may_lie_in(self, name: str, country: str, places: tuple[Place, ...]) -> bool:
        """Whether a town of ``places`` can lie in the province called ``name``, asked inside a
        list: "Salvador, São Paulo and Miami" lists three towns, for Salvador lies in Bahia, not in
        São Paulo state. Unknown divisions allow it."""
        homes = {self.home_division(s) for s in self.resolver.subdivisions_named(name) if s.country == country}
        if not homes or None in homes:
            return True
        return any(p.admin1 in homes for p in places if p.country == country)

    def _parallel_province(self, doc: Doc, k: int) -> bool:
        """"between Saint-Laurent, Quebec and Lethbridge, Alberta": the name after "and" has a
        province of its own in apposition, so the first one is an apposition too, not the next
        city of a list."""
        if k >= len(doc) or doc[k].lower_ not in {"and", "&"}:
            return False
        j = k + 1
        while j < len(doc) and j <= k + MAX_NAME_WORDS and is_cap(doc[j]):
            j += 1
        if j == k + 1 or j + 1 >= len(doc) or doc[j].text != ",":
            return False
        return any(self.resolver.subdivisions_named(doc[j + 1:j + 1 + n].text)
                   for n in (3, 2, 1) if j + 1 + n <= len(doc) and is_cap(doc[j + 1]))

    def extent(self, doc: Doc, i: int, j: int, places: tuple[Place, ...] = ()) -> tuple[int, int]:
        """Grow the mention over "the German city of", cues and a trailing ", Country"."""
        lo, hi = i, j
        for kind in ("city", "region"):
            before = self.cue_at(doc, "before", kind, i, j)
            if before:
                lo = i - len(before["words"])
            after = self.cue_at(doc, "after", kind, i, j)
            if after:
                hi = max(hi, j + len(after["words"]))
        if lo > 0 and doc[lo - 1].text[:1].isupper() and self.resolver.demonym(doc[lo - 1].text):
            lo -= 1
        lo -= self._owning_country(doc, lo)
        if lo > 0 and doc[lo - 1].lower_ == "the":
            lo -= 1
        named = self.appositive(doc, hi, places)
        if named:
            hi += 1 + named[1]
            if hi < len(doc) and doc[hi].text == ")":
                hi += 1
        return lo, hi

    def _owning_country(self, doc: Doc, lo: int) -> int:
        """Tokens of a "Country's" right before ``lo`` ("Tajikistan's Sughd Region", "South
        Korea's Gimhae"): part of the mention, so a list "A's X, B's Y and C's Z" stays one list."""
        if lo < 2 or doc[lo - 1].text not in POSSESSIVE:
            return 0
        for n in range(1, 4):
            if lo - 1 - n >= 0 and doc[lo - 1 - n].text[:1].isupper() and \
                    self.resolver.country(doc[lo - 1 - n:lo - 1].text):
                return n + 1
        return 0


MAX_NAME_WORDS = 3
"""Words of a place name looked at after "and" for a parallel apposition."""

TIE_WORDS = frozenset({"sister", "twin", "partner", "friendship"})
""""another Ukrainian sister city of Lublin": the demonym describes the partner, and the place
after "of" is the one whose partner it is, not a town of that country."""

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
"""After a name, the mark that makes it the owner of the next one ("..., China's Tianjin"), so
not an apposition to the name before."""

SHARED_CUE_REACH = 16
"""How far past a name a shared plural type word may stand ("Lviv, Kyiv, Odesa and Vinnytsia Regions")."""


def ends_phrase(doc: Doc, end: int) -> bool:
    """Nothing but punctuation or a conjunction follows: "Napier in New Zealand." names the country,
    where "New Zealand wine" would use the name as an adjective."""
    return end >= len(doc) or doc[end].is_punct or doc[end].lower_ in {"and", "or", "&"}


def wordlike(span: Span) -> bool:
    """Only words (and abbreviations like "U.S."), no commas, brackets or line breaks; a hyphen
    inside a word counts ("Guinea-Bissau", "Timor-Leste")."""
    return all(not t.is_punct and not t.is_space or _inner_hyphen(t) for t in span) or span.text in {"U.S.", "U.K."}


def _inner_hyphen(token: Token) -> bool:
    return token.text == "-" and 0 < token.i < len(token.doc) - 1 and not token.whitespace_ and \
        not token.doc[token.i - 1].whitespace_


def is_cap(token: Token) -> bool:
    """Capitalised, and not the pronoun "I" ("twin with Palmerston North I'd be wealthy"); a
    one-letter lowercase prefix before a capital counts ("eThekwini", the Zulu name of Durban's
    metro, as the city writes itself)."""
    text = token.text
    capital = bool(text) and (text[0].isupper() or len(text) > 2 and text[0].islower() and text[1].isupper()
                              and text[2:].isalpha() and text[2:].islower())
    return capital and any(ch.isalpha() for ch in text) and not token.is_punct \
        and not (text == "I" and token.pos_ == "PRON")
