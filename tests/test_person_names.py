"""person_names: a bare surname the document gives in a person's full name is not a town."""

from __future__ import annotations

import pytest

from twin_extract.places import SPAN_KEY


def place_texts(extractor, text: str) -> list[str]:
    doc = extractor.nlp(text)
    return [span.text for span in doc.spans[SPAN_KEY] if span._.place is not None]


@pytest.mark.parametrize("text, surname", [
    ("The mayor, Anthony Williams, flew to Beijing. Williams met the sister city's officials.", "Williams"),
    ("Houston Mayor Annise Parker led the delegation. Parker praised the twinning with Taipei.", "Parker"),
    ("Governor Edmund G. Brown Jr. signed the pact with Guangdong. Brown called it historic.", "Brown"),
    ("Mayor Trish Herrera Spencer visited Dumaguete. The host mayor invited Spencer back.", "Spencer"),
])
def test_bare_surname_of_a_named_person_is_not_a_place(extractor, text: str, surname: str) -> None:
    assert surname not in place_texts(extractor, text)


@pytest.mark.parametrize("text, town", [
    ("Williams has been twinned with Beijing since 2004.", "Williams"),
    ("Council member Dana Parker spoke. The Town of Parker, Colorado, is twinned with Ennis.", "Parker"),
    ("The city is named after President Abraham Lincoln. Lincoln signed an agreement with Zolochiv.", "Lincoln"),
    ("Stevens Middle School pupils from Port Angeles visited Mutsu, its sister city.", "Port Angeles"),
])
def test_town_stays_a_place(extractor, text: str, town: str) -> None:
    assert town in place_texts(extractor, text)
