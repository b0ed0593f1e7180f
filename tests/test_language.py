"""Language detection per document and its overrides (JSON Lines field, API argument)."""

from __future__ import annotations

import json

import pytest

from twin_extract.language import check_language, detect_language
from twin_extract.readers import InputError, news_item


@pytest.mark.parametrize("text, lang", [
    ("Львів і Вроцлав є містами-побратимами з 2002 року.", "uk"),
    ("Ізюм підписав меморандум про співпрацю з Тріром.", "uk"),
    ("Власти Харькова разорвали побратимские отношения с городами России.", "ru"),
    ("Днепр разорвал отношения с российскими городами-побратимами, сообщил мэр.", "ru"),
    # none of the telling letters: Ukrainian's own short words, or none of either language's
    ("Одеса та Генуя розпочали переговори про побратимство.", "uk"),
    ("Генуя висловила бажання стати побратимом Одеси.", "uk"),
    ("Одесса и Генуя подписали соглашение.", "ru"),
    ("Kyiv and Paris signed a twinning pact.", "en"),
    ("The mayor of Lviv (Львів) visited Wrocław.", "en"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("line, lang", [
    (b'{"text": "Kyiv", "lang": "uk"}', "uk"),
    (b'{"text": "Kyiv"}', None),
])
def test_jsonl_lang_field(line: bytes, lang: str | None) -> None:
    assert news_item(json.loads(line), default_id="x", path=None, line=1).lang == lang


def test_jsonl_unknown_lang_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unsupported language"):
        news_item({"text": "Kyiv", "lang": "xx"}, default_id="x", path=None, line=1)


def test_check_language_rejects_unknown() -> None:
    with pytest.raises(ValueError):
        check_language("de")
