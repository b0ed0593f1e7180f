"""Host references: which earlier place "the city's", "its" and "the Latvian city" stand for."""

from __future__ import annotations

import pytest

from twin_extract.anaphora import resolve


def _resolve(extractor, text: str, phrase: str, exclude: tuple[str, ...] = ()) -> str | None:
    """Resolve the host reference starting at the last occurrence of ``phrase``; the place's name."""
    doc = extractor.nlp(text)
    ctx = extractor.nlp.get_pipe("twin_extractor").cues(doc)
    mentions, refs = ctx.mentions, ctx.refs
    at = text.rindex(phrase)
    (ref,) = [r for r in refs if doc[r.start].idx == at]
    keys = {m.key for m in mentions if m.info.name in exclude}
    found = resolve(doc, ref, mentions, keys)
    return found.info.name if found is not None else None


@pytest.mark.parametrize("text, phrase, exclude, expected", [
    # the subject of the same sentence wins over the document topic (Bordeaux, named twice)
    ("Bordeaux hosted the summit on Friday. Bordeaux welcomed guests from Leeds. "
     "The council of Leeds voted to suspend the city's ties with Durban.", "the city's", (), "Leeds"),
    # no place earlier in the sentence: the document topic (named most often), not the nearest (Oslo)
    ("Tampere opened its winter festival on Friday. Tampere welcomed a delegation from Oslo. "
     "The city's partner towns include Linköping, Kiel and Tartu.", "The city's", (), "Tampere"),
    # a demonym narrows the choice to that country, even against a more frequent place
    ("Ventspils hosted delegates from Kaunas on Friday. Kaunas is preparing for the summit. "
     "The Latvian city has partner cities in ten countries.", "The Latvian city", (), "Ventspils"),
    # "its" after "X's twin town Y, ...": Y (in the subject, after the possessor X)
    ("Bristol's twin town Hannover, which hosted refugees last year, has renewed its partnership with Poznań.",
     "its", ("Poznań",), "Hannover"),
    # same, with the subject elsewhere: the nearest earlier place that is not a possessor
    ("Officials said Bristol's twin town Hannover has renewed its partnership with Poznań.",
     "its", ("Poznań",), "Hannover"),
    # "the oblast" stands for a post-Soviet region, not a Polish voivodeship named closer to it
    ("Volyn Oblast hosted the forum. For Volyn Oblast, Lubelskie is the third Polish partner. "
     "The oblast has also had a partnership with Podkarpackie since 2001.", "The oblast", ("Podkarpackie",),
     "Volynska oblast"),
    # no candidate at all
    ("Its sister city sent two ambulances on Monday.", "Its", (), None),
    # candidates, but none of the right country
    ("Delegates from Kaunas and Klaipėda arrived on Friday. The Latvian city has partner cities in ten countries.",
     "The Latvian city", (), None),
])
def test_resolve(extractor, text, phrase, exclude, expected):
    assert _resolve(extractor, text, phrase, exclude) == expected
