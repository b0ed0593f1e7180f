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
DISTRICT_AFTER = re.compile(r"\s*\([^()]{0,40}\bрайон[а-яії]*\s*\)")
"""A city with its district in brackets ("з Москвою (Алтуфьєвський район)"): the partner is the
district, not the city; the district's own name in the brackets (``DISTRICT_AROUND``) is no party either."""
DISTRICT_AROUND = re.compile(r"[^()]{0,30}\bрайон[а-яії]*\s*\)")
DISTRICT_BEFORE = re.compile(r"\bрайон[а-яії]*\s+[А-ЯІЇЄҐ][\w'’ʼ-]*(?:\s+[А-ЯІЇЄҐ][\w'’ʼ-]*)?,\s*$")
"""The city after a district's name ("з районом Шпандау, Берлін") locates the district, the party."""
TOWN_COMMA = re.compile(r"(?<![\w'’ʼ-])([А-ЯІЇЄҐ][\w'’ʼ-]*),\s*(?:[а-яіїєґ'’]+\s+)?$")
PLACE_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк)[а-яії]*$|(?:ою|ої|ій|им|ого|их)$")
APPOSITION_END = re.compile(r"\s*(?:[а-яіїєґ'’]+\s*)?[,)]")
"""A region between commas after a town ("селище Любар, Житомирська область, та …", "місто
Монтіселло, штат Індіана,") locates it."""
LIST_BEFORE = re.compile(r"([А-ЯІЇЄҐ][\w'’ʼ-]*)(?:\s*,\s*|\s+(?:та|і|й)\s+)$")
"""A list item before the place: "за Києвом та Івано-Франківськом" (the word "Києвом" and its end)."""
PLACE_ADJECTIVE_WORD = re.compile(r"(?:ськ|цьк|зьк)(?:ий|а|е|і|ого|ої|ому|ій|им|ою|их|ими)$")
WORDS_AFTER = re.compile(r"(?:\s+[а-яіїєґ'’-]+){0,3}")
LOWER_ADJECTIVE_WORD = re.compile(r"[а-яіїєґ'’-]+(?:ий|ій|а|я|е|є|і|ого|ої|ому|им|ою|их|ими)$")
"""Lower-case qualifiers between a place adjective and its noun ("міська лікарня", "національний
технічний університет")."""
AFTER_PREPOSITION = re.compile(r"(?:^|[\s(])(?:[ВвУуЗзДдНн]|[Зз]і|[Іі]з|[Дд]о|[Нн]а|[Пп]ід|[Пп]ісля|[Бб]іля|[Зз]а)\s+$")
ACTOR_AFTER = re.compile(r"\s+([\w'’ʼ]+)(?:\s+[а-яіїєґ'’ʼ]+)?(\s+[А-ЯІЇЄҐ])?")


class Roles:
    def __init__(self, patterns: str | None) -> None:
        self.rules = rows("roles.jsonl", patterns)
        self.region_nouns = tuple(r["stem"] for r in rows("state_nouns.jsonl", patterns))
        self.institutions = tuple(r["stem"] for r in self.rules if r.get("role") == "institution")
        """Institution nouns: after a place ("школи Рівного") or after its adjective ("Кременчуцька
        міська лікарня", "Луцький національний технічний університет") the place is the institution's."""
        self.actors = tuple(r["actor"] for r in self.rules if "actor" in r)
        """A venue followed by its own actor ("в Івано-Франківську мер ініціював …") is the party that acts."""

    def role(self, text: str, mention: Mention, sentence_start: int) -> str | None:
        """"venue", "person" or "context" when the word before the mention says so, else None. A
        rule that ``spreads`` ("слідом за Києвом та Івано-Франківськом": a comparison) gives its role
        to the later items of the list it opens; ``"spreads": "and"`` only across "і/та/й", not a
        comma ("Полтава, як і Київ і Харків, …", but "Як і Луцьк, Рівне …")."""
        role = self._own_role(text, mention, sentence_start)
        if role is not None:
            return role
        start, seen, comma = mention.start, 0, False
        while seen < 6:
            item = LIST_BEFORE.search(text, sentence_start, start)
            if item is None:
                return None
            comma = comma or "," in text[item.end(1):start]
            rule = self._rule(text, item.start(1), sentence_start, item.group(1))
            if rule is not None:
                spreads = rule.get("spreads")
                return rule["role"] if spreads is True or spreads == "and" and not comma else None
            start, seen = item.start(1), seen + 1
        return None

    def _rule(self, text: str, start: int, sentence_start: int, word: str) -> dict | None:
        """The rule of the word before position ``start`` (for a list item before a place)."""
        match = PREVIOUS_WORD.search(text[sentence_start:start])
        if not match:
            return None
        previous = match.group(1).lower()
        for rule in self.rules:
            if rule.get("word") == previous or "stem" in rule and previous.startswith(rule["stem"]):
                if "after" in rule and not re.search(rule["after"], text[sentence_start:sentence_start + match.start(1)]):
                    continue
                if "case" in rule and not _has_case(word, rule["case"]):
                    continue
                return rule
        return None

    def _acts(self, text: str, mention: Mention) -> bool:
        """True when an actor noun follows the venue, not itself followed by another town's name
        ("у Львові міська рада ухвалила", not "у Львові мер Луцька підписав")."""
        after = ACTOR_AFTER.match(text, mention.end)
        return bool(after) and after.group(1).lower().startswith(self.actors) and not after.group(2)

    def _own_role(self, text: str, mention: Mention, sentence_start: int) -> str | None:
        if self.institutions and PLACE_ADJECTIVE_WORD.search(mention.text):
            for word in WORDS_AFTER.match(text, mention.end).group(0).split()[:3]:
                if word.lower().startswith(self.institutions):
                    return "institution"
                if not LOWER_ADJECTIVE_WORD.match(word):
                    break
        if DISTRICT_AFTER.match(text, mention.end) or DISTRICT_AROUND.match(text, mention.end) and \
                text[sentence_start:mention.start].rstrip().endswith("(") or \
                DISTRICT_BEFORE.search(text, sentence_start, mention.start):
            return "context"
        town = TOWN_COMMA.search(text, sentence_start, mention.start) if mention.subdivision else None
        if town and not PLACE_ADJECTIVE.search(town.group(1)) and APPOSITION_END.match(text, mention.end):
            return "context"
        if mention.subdivision and BRACKET_OPEN.search(text, sentence_start, mention.start) or \
                NAME_BRACKET.search(text, sentence_start, mention.start):
            return "context"
        match = PREVIOUS_WORD.search(text[sentence_start:mention.start])
        if not match:
            return None
        previous = match.group(1).lower()
        if _given_name(match.group(1)) and text[sentence_start + match.end(1):mention.start] == " " and \
                not AFTER_PREPOSITION.search(text, sentence_start, sentence_start + match.start(1)):
            return "person"
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
                if rule["role"] == "venue" and self.actors and self._acts(text, mention):
                    return None
                return rule["role"]
        return None


def _given_name(word: str) -> bool:
    """A capitalised given name in the nominative ("Станіслав", "Ірина"): the place-like word right after
    it is a surname ("віце-президент Ряшева Станіслав Сєнко"), not a town. Not "Львові", "Києві" (a
    town's locative that is also a name's dative), and not after a preposition ("у Львові Луцьк …")."""
    return word[:1].isupper() and word[1:2].islower() and \
        any("Name" in p.tag and "nomn" in p.tag for p in analyzer().parse(word))


def _has_case(text: str, case: str) -> bool:
    """True when the place's last word can be read in ``case`` and not as a nominative or genitive
    ("у Чернівців" is a genitive of possession, not a venue)."""
    word = re.split(r"[\s-]", text)[-1]
    cases = {str(p.tag.case) for p in analyzer().parse(word)}
    return case in cases and not cases & {"nomn", "gent"}
