"""Misspelt partner towns: an unknown name in a twinning sentence, in a partner's slot.

Real reporting misspells foreign towns ("Chateaubriand" for Châteaubriant, "Hochstedt" for
Höchstadt, "Limeria" for Limeira), and an exact gazetteer lookup misses them. Only where a
sentence speaks of a tie (``variant_cues``) and the unknown name stands where a partner stands,
right after "with", "to" or "the city of", or joined by "and" or a dash to a known place, is it
compared with the canonical names of towns of some size; the closest town within one edit (two
for long names, a swap of neighbours counting as one) is taken, the biggest of a few equally close.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Collection

from spacy.tokens import Doc, Span, Token

from .countries import CountryResolver
from .gazetteer import Gazetteer, Place
from .mentions import PlaceInfo
from .place_words import PlaceWords
from .textnorm import edit_distance, fold

MIN_POPULATION = 5000
"""Only towns this big: the smaller the town, the likelier a near name is some other word."""
PREFIX = 3
"""Letters a misspelling keeps from the start of the name (or with the second and third
swapped: "Xaimen" for Xiamen, the third and fourth swapped: "Tuscon" for Tucson, or the second
written once where it is doubled: "Emerich" for Emmerich)."""
MAX_WORDS = 3
LONG_NAME = 8
"""Names longer than this may be two edits away; shorter ones one."""
MAX_TIED = 3
"""Of up to this many equally close towns the biggest is taken, as for an exact name; more
say the name is too plain to be a misspelling of any one of them."""
RULE = "spelling-variant"

Extent = Callable[[Doc, int, int, tuple[Place, ...]], tuple[int, int]]


def variant_mentions(doc: Doc, mentions: list[tuple[Span, PlaceInfo]], gazetteer: Gazetteer, words: PlaceWords,
                     known: Callable[[str], bool], extent: Extent,
                     country_of: Callable[[str], str | None] = lambda text: None) -> list[tuple[Span, PlaceInfo]]:
    """Mentions of misspelt towns in ``doc``, beside the ``mentions`` already found; ``known``
    tells a word that is something else (a country, a demonym, a listed non-place). In a sentence
    with no tie word, a name qualified by its country ("Emerich town (Germany)", "Hoofdorp,
    Holland") is still looked up, among that country's towns only (``country_of`` reads it)."""
    covered = {i for span, info in mentions
               for i in range(min(span.start, info.ext_start), max(span.end, info.ext_end))}
    found: list[tuple[Span, PlaceInfo]] = []
    for sent in doc.sents:
        cued = any(t.lower_ in words.variant_cues for t in sent)
        places = [span for span, _ in mentions if sent.start <= span.start < sent.end]
        i = sent.start + 1
        while i < sent.end:
            j = i
            while j < sent.end and j - i < MAX_WORDS and j not in covered and _name_word(doc[j], words, known):
                j += 1
            if j == i:
                i += 1
                continue
            span = doc[i:j]
            if cued:
                place = closest(gazetteer, fold(span.text), words.connectors) \
                    if _in_slot(doc, span, places, words) and not known(span.text) else None
            else:
                country = _qualifier(doc, j, sent.end, words, country_of)
                place = closest(gazetteer, fold(span.text), words.connectors, country) \
                    if country and not known(span.text) else None
            if place is not None:
                ext_start, ext_end = extent(doc, i, j, (place,))
                found.append((span, PlaceInfo("city", place.name, place.country, geonames_id=place.geonames_id,
                                              population=place.population, country_source="gazetteer",
                                              admin1=place.admin1, ext_start=ext_start, ext_end=ext_end,
                                              evidence=0.8, rules=[RULE])))
            i = j
    return found


def known_name(text: str, resolver: CountryResolver, gazetteer: Gazetteer, not_places: Collection[str]) -> bool:
    """A name that is something else than a misspelt town, so never looked up as one: a country,
    a demonym, a region, a listed non-place, or any name the gazetteer knows (the matcher already
    judged it). Place recognition and the pre-filter ask the same question."""
    key = fold(text)
    return bool(resolver.country(text) or resolver.demonym(text) or key in not_places or gazetteer.lookup(key)
                or resolver.subdivisions_named(text, stripped=True))


def _qualifier(doc: Doc, j: int, end: int, words: PlaceWords, country_of: Callable[[str], str | None]) -> str | None:
    """The country right after a name, past a host noun: "Emerich town (Germany)", "Hoofdorp,
    Holland"."""
    k = j
    while k < end and doc[k].lower_ in words.host_nouns:
        k += 1
    if k + 1 < end and doc[k].text in ("(", ","):
        for n in (3, 2, 1):
            if k + 1 + n <= end:
                code = country_of(doc[k + 1:k + 1 + n].text)
                if code:
                    return code
    return None


@lru_cache(maxsize=4096)
def closest(gazetteer: Gazetteer, key: str, connectors: frozenset[str], country: str | None = None) -> Place | None:
    """The town of some size whose canonical name (or its part before "an der", "sur" ...) is
    nearest ``key`` within reach but not equal to it, the biggest of a few equally near; None
    when there is none or too many. With ``country``, only that country's towns count."""
    if len(key) < 5:
        return None
    reach = 1 if len(key) <= LONG_NAME else 2
    best: dict[int, tuple[int, Place]] = {}
    prefixes = {key[:PREFIX], key[0] + key[2] + key[1], key[:2] + key[1], key[:2] + key[3]}
    for name, place in (row for prefix in prefixes for row in gazetteer.primary_names(prefix, MIN_POPULATION)):
        distances = [edit_distance(key, base, transpositions=True) for base in _bases(name, connectors)
                     if abs(len(base) - len(key)) <= reach]
        distance = min(distances, default=reach + 1)
        if country and place.country != country:
            continue
        if 0 < distance <= reach and distance <= best.get(place.geonames_id, (reach + 1,))[0]:
            best[place.geonames_id] = (distance, place)
    if not best:
        return None
    nearest = min(d for d, _ in best.values())
    ranked = sorted((p for d, p in best.values() if d == nearest), key=lambda p: -p.population)
    return ranked[0] if len(ranked) <= MAX_TIED else None


def _bases(name: str, connectors: frozenset[str]) -> list[str]:
    """"hochstadt an der aisch" is also written "Höchstadt": the name before its first connector."""
    parts = name.split()
    cut = next((k for k in range(1, len(parts)) if parts[k] in connectors), None)
    return [name] if cut is None else [name, " ".join(parts[:cut])]


def _name_word(token: Token, words: PlaceWords, known: Callable[[str], bool]) -> bool:
    return token.text[:1].isupper() and token.is_alpha and len(token.text) >= 4 and not token.is_stop \
        and token.lower_ not in words.title_words and not token.like_num and not known(token.text)


def _in_slot(doc: Doc, span: Span, places: list[Span], words: PlaceWords) -> bool:
    """Right after "with"/"to" or "the city of", or joined by "and" or a dash to a place or a
    country ("between Athlone and X", "the Castlebar – X twinning", "X and Athlone", "Kathmandu,
    Nepal; and X")."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    joins = words.variant_slots - {"with", "to"}
    if before is not None and before.lower_ in words.variant_slots - joins:
        return True
    if before is not None and before.lower_ == "of" and before.i > 0 and doc[before.i - 1].lower_ in words.host_nouns:
        return True
    if before is not None and before.lower_ in joins:
        end = before.i - 1 if before.i > 0 and doc[before.i - 1].text in (",", ";") else before.i
        if any(p.end == end for p in places):
            return True
    return after is not None and after.lower_ in joins and any(p.start == after.i + 1 for p in places)
