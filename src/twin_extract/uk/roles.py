"""Which places in a trigger sentence can be parties: not a venue ("в Києві", "у місті Ясло"), not
a person's name ("імені Богдана Хмельницького"), not a region or river named for context
("у провінції Онтаріо", "на березі Дніпра"). The word right before a place decides
(``patterns/uk/roles.jsonl``), with what stands before that word when a rule says ("(штат Флорида"
locates a town, "зі штатом Каліфорнія" names a party); a venue followed by an apposition ("в Нансі — місті-побратимі", "у Любліні, місті-партнері")
stays a party. A region right after a name or in brackets locates it ("ґміна Бранево Вармінсько-Мазурського
воєводства", "Скалат Тернопільської області", "Чортківською (Тернопільщина)").
"""

from __future__ import annotations

import re

from .morph import analyzer
from .patterns import rows
from .places import Mention

PREVIOUS_WORD = re.compile(r"([\w'’ʼ]+)[.\s]*$")
BRACKET_OPEN = re.compile(r"\(\s*$")
NAME_BRACKET = re.compile(r"[»”\"]\s*\(\s*$")
"""A town in brackets after a quoted name locates that club, school or firm: «Мотор» (Люблін)."""
APPOSITION = re.compile(r"\s*[—–,-]\s*(?:нашому\s+|своєму\s+)?міст")


class Roles:
    def __init__(self, patterns: str | None) -> None:
        self.rules = rows("roles.jsonl", patterns)
        self.region_nouns = tuple(r["stem"] for r in rows("state_nouns.jsonl", patterns))

    def role(self, text: str, mention: Mention, sentence_start: int) -> str | None:
        """"venue", "person" or "context" when the word before the mention says so, else None."""
        if mention.subdivision and BRACKET_OPEN.search(text, sentence_start, mention.start) or \
                NAME_BRACKET.search(text, sentence_start, mention.start):
            return "context"
        match = PREVIOUS_WORD.search(text[sentence_start:mention.start])
        if not match:
            return None
        previous = match.group(1).lower()
        if mention.subdivision and match.group(1)[0].isupper() and not previous.startswith(self.region_nouns) \
                and text[sentence_start:match.start(1) + sentence_start].strip():
            return "context"
        for rule in self.rules:
            if rule.get("word") == previous or "stem" in rule and previous.startswith(rule["stem"]):
                if rule["role"] == "venue" and APPOSITION.match(text, mention.end):
                    return None
                if "case" in rule and not _has_case(mention.text, rule["case"]):
                    continue
                if "after" in rule and not re.search(rule["after"], text[sentence_start:sentence_start + match.start(1)]):
                    continue
                return rule["role"]
        return None


def _has_case(text: str, case: str) -> bool:
    """True when the place's last word can be read in ``case`` and not as a nominative or genitive
    ("у Чернівців" is a genitive of possession, not a venue)."""
    word = re.split(r"[\s-]", text)[-1]
    cases = {str(p.tag.case) for p in analyzer().parse(word)}
    return case in cases and not cases & {"nomn", "gent"}
