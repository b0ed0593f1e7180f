"""The English word lists place recognition reads, loaded from ``patterns/place_words.jsonl``.

They decide what may sit inside a place name, what makes a capitalised word an organisation,
which region types stand alone, and what only locates another place; a user extends them by
adding a line with the same ``set``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .patterns import PatternSet


@dataclass(frozen=True)
class PlaceWords:
    connectors: frozenset[str]
    """Lowercase words inside a name ("Frankfurt am Main", "Rostov-on-Don")."""
    leading: frozenset[str]
    """A word that may open a place's capitalised run ("The Hague" aside, "the")."""
    host_nouns: frozenset[str]
    """"the English city" with no name after it describes a place of that country."""
    title_words: frozenset[str]
    """Capitalised words beside a place inside one run ("Lviv City Council", "Mayor of X")."""
    abbreviations: frozenset[str]
    """"ST. PAUL": the dot after these joins the name again."""
    hyphen_pair_nouns: frozenset[str]
    """"the St. Paul-Nagasaki sister city committee" names both towns."""
    bare_region_types: frozenset[str]
    """Subdivision types whose official name alone is the region ("Vermont", "Lubelskie")."""
    compound_region_types: frozenset[str]
    """... and types whose official name alone is the region only when it is a compound of
    several words or hyphened parts ("Saône-et-Loire", "Seine-Saint-Denis"; a French department's
    one-word name is often a river's or a common word's: "Lot", "Nord", "Var")."""
    region_type_preference: tuple[str, ...]
    """With a region cue, the subdivision types tried first, in order."""
    org_heads: frozenset[str]
    """"University of Tartu" is not Tartu."""
    feature_heads: frozenset[str]
    """"Lake Michigan", "Mount Olympus": a landform's name, not a place."""
    demonym_heads: frozenset[str]
    """Words between a demonym and the place it gives a country ("the Polish city of X")."""
    container_nouns: frozenset[str]
    """"X municipality of the Y region": Y only locates X."""
    container_gaps: tuple[tuple[str, ...], ...]
    """Token sequences between a place and a region that only locates it ("X, Y Oblast")."""
    entry_heads: frozenset[str]
    """Words after a partner's name at the start of a list line ("Wuppertal Agreement on ...")."""
    headline_breaks: frozenset[str] = frozenset()
    """Words that end a name in a Title Case line ("Des Moines Suspends Sister City ...")."""
    municipal_words: frozenset[str] = frozenset()
    """Words that make a generic cue ("agreement", "partnership") worth the full pipeline when
    its sentence has one ("the two cities", "the mayor of")."""
    pair_words: frozenset[str] = frozenset()
    """Words that, before a municipal word, stand for two places ("the two cities", "both towns")."""
    tie_links: frozenset[str] = frozenset()
    """Words that tie a generic cue to a place named right after them ("the link with Rivas")."""
    variant_cues: frozenset[str] = frozenset()
    """Words of a sentence in which an unknown name beside a place may be a misspelt town
    ("the Castlebar – Hochstedt twinning")."""
    variant_slots: frozenset[str] = frozenset()
    """Words right before such a name ("twinned with Chateaubriand", "between Athlone and ...")."""
    possessive_heads: frozenset[str] = frozenset()
    """Words that end a name after a possessive ("Hawke's Bay", "King's Lynn")."""
    compass: frozenset[str] = frozenset()
    """Words that may stand between "in" and the country it locates a town in ("Paderborn in
    western Germany")."""
    person_titles: frozenset[str] = frozenset()
    """"Governor Nixon", "Mayor Hamilton": a capitalised title before a name makes it a person's."""
    name_joiners: frozenset[str] = frozenset()
    """Lowercase words that join two capitalised runs into one name only when the gazetteer knows
    the whole as a town's own name ("San Pietro in Cariano", "Bergen op Zoom"), never on their own
    ("Zafra in Spain")."""

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> "PlaceWords":
        sets: dict[str, list[str]] = {}
        for row in patterns["place_words"]:
            words = sets.setdefault(row["set"], [])
            words.extend(w for w in row["words"] if w not in words)
        return cls(
            connectors=frozenset(sets.get("connectors", ())),
            leading=frozenset(sets.get("leading", ())),
            host_nouns=frozenset(sets.get("host_nouns", ())),
            title_words=frozenset(sets.get("title_words", ())),
            abbreviations=frozenset(sets.get("abbreviations", ())),
            hyphen_pair_nouns=frozenset(sets.get("hyphen_pair_nouns", ())),
            bare_region_types=frozenset(sets.get("bare_region_types", ())),
            compound_region_types=frozenset(sets.get("compound_region_types", ())),
            region_type_preference=tuple(sets.get("region_type_preference", ())),
            org_heads=frozenset(sets.get("org_heads", ())),
            feature_heads=frozenset(sets.get("feature_heads", ())),
            demonym_heads=frozenset(sets.get("demonym_heads", ())),
            container_nouns=frozenset(sets.get("container_nouns", ())),
            container_gaps=tuple(tuple(gap.split()) for gap in sets.get("container_gaps", ())),
            entry_heads=frozenset(sets.get("entry_heads", ())),
            headline_breaks=frozenset(sets.get("headline_breaks", ())),
            municipal_words=frozenset(sets.get("municipal_words", ())),
            pair_words=frozenset(sets.get("pair_words", ())),
            tie_links=frozenset(sets.get("tie_links", ())),
            variant_cues=frozenset(sets.get("variant_cues", ())),
            variant_slots=frozenset(sets.get("variant_slots", ())),
            compass=frozenset(sets.get("compass", ())),
            possessive_heads=frozenset(sets.get("possessive_heads", ())),
            person_titles=frozenset(sets.get("person_titles", ())),
            name_joiners=frozenset(sets.get("name_joiners", ())),
        )


@lru_cache(maxsize=8)
def words_for(patterns: PatternSet) -> PlaceWords:
    """The word lists of a loaded rule set, built once and shared."""
    return PlaceWords.from_patterns(patterns)
