"""Records from Ukrainian text, without a dependency parse (none installs offline for Ukrainian).

Decision: a sentence (cut also at line breaks) with a twinning/cooperation trigger
(``patterns/uk/triggers.jsonl``; "документ" only once one was named, with a status cue) pairs the places that can be
parties (``roles``: not venues, person names or context regions; places from ``places``). Oblasts
listed together as actors pair with each other, and the first of them with oblasts named later
after "з"; towns pair as dashes write them ("Боярка — Палезо"), within clauses split at
"; " and ", а ", all with all for a multilateral agreement, else the first named is the hub and
is paired with each other one. With one place, the document's host (the headline's town) is the
other party, as when all the places follow "з" (the subject is "місто"); a sentence naming only the
host and "двох громад", "громади підписали" (``anaphors``, ``within``) pairs it with the last other
town named, and one naming no place restates the last pair. A short line naming one
place heads the trigger line under it, and a trigger sentence ending in a colon, or a placeless
line ending in one right after it ("Серед них:"), opens a list of partners. Status is the strongest cue in the sentence
(``patterns/uk/status.jsonl``: a call < ended < planned < signed by rank), else ``established``;
a cue in a following trigger sentence naming no place beyond them applies to the pairs before it, and a pair
stated in several sentences keeps its most decisive status. A step (not ``established``) with no
date of its own takes the page's date line ("26.01.2022, 19:16"), as in English. The record has the English record's
shape, with ``source.lang = "uk"``.
"""

from __future__ import annotations

import re
from itertools import combinations
from dataclasses import replace
from typing import Iterable, Iterator

import spacy

from ..boilerplate import link_blocks
from ..country_names import country_name
from ..record import DateInfo, Evidence, NewsItem, Party, Provenance, TwinningRecord, record_id
from ..textnorm import as_written, plain_spaces
from .homoglyphs import fold
from .dates import SAME_DAY, FoundDate, dateline, find_date
from .patterns import rows
from .places import Mention, PlaceFinder
from .roles import Roles

MODEL_NAME = "spacy.blank(uk)+pymorphy3-dicts-uk"


class UkrainianExtractor:
    """Tokeniser + sentencizer from spaCy's blank Ukrainian, places from the gazetteer's Cyrillic keys."""

    def __init__(self, patterns: str | None = None) -> None:
        self.nlp = spacy.blank("uk")
        self.nlp.add_pipe("sentencizer")
        self.triggers = {r["stem"]: r for r in rows("triggers.jsonl", patterns) if not r.get("anaphoric")}
        self.anaphoric_triggers = [r["stem"] for r in rows("triggers.jsonl", patterns) if r.get("anaphoric")]
        self.statuses = sorted(rows("status.jsonl", patterns), key=lambda r: r["rank"])
        self.proposing = [r["stem"] for r in self.statuses if r.get("voids") and "stem" in r]
        self.ending_stems = [r["stem"] for r in self.statuses if r["status"] == "terminated" and "stem" in r]
        self.signing_stems = tuple(r["stem"] for r in self.statuses if r["status"] == "signed" and "stem" in r)
        self.prior = {tuple(r["prior"].split()) for r in self.statuses if "prior" in r}
        """"До (його) підписання": the words before a signing word that make it the time before a signing."""
        self.proposed_stems = [r["stem"] for r in self.statuses if r["status"] == "proposed" and "stem" in r]
        self.pending_stems = tuple(r["stem"] for r in self.statuses if r["status"] == "pending" and "stem" in r)
        self.continuing = [r["stem"] for r in self.statuses if r.get("continues")]
        not_places = {r["word"] for r in rows("not_places.jsonl", patterns)} | ukrainian_country_names()
        self.places = PlaceFinder(patterns, not_places)
        self.roles = Roles(patterns)
        self.multilateral = [r["stem"] for r in rows("multilateral.jsonl", patterns)]
        self.no_relation = [r["stem"] for r in rows("no_relation.jsonl", patterns) if "stem" in r]
        self.no_relation_phrases = [r["phrase"] for r in rows("no_relation.jsonl", patterns) if "phrase" in r]
        """"не планує", "ніколи не були": a tie denied or only supposed, word sequences matched from a word's start."""
        self.anaphors = [r["phrase"] for r in rows("anaphors.jsonl", patterns)
                         if not r.get("within") and not r.get("decision") and not r.get("host") and not r.get("joins")
                         and not r.get("adds")]
        self.additions = [r["phrase"] for r in rows("anaphors.jsonl", patterns) if r.get("adds")]
        """"Крім того, …": a sentence opening so adds another matter, it restates no pair before it."""
        self.joining = [r["phrase"] for r in rows("anaphors.jsonl", patterns) if r.get("joins")]
        self.host_subjects = [r["phrase"] for r in rows("anaphors.jsonl", patterns) if r.get("host")]
        """"Місто має 12 побратимів, зокрема …": a sentence opening so is about the host's partners."""
        self.decisions = [r["phrase"] for r in rows("anaphors.jsonl", patterns) if r.get("decision")]
        """"Відповідне рішення ... ухвалив 9 червня": a dated decision dates the step just stated."""
        self.mutual = [r["phrase"] for r in rows("anaphors.jsonl", patterns) if r.get("within")]
        self.boilerplate = [r["line"] for r in rows("boilerplate.jsonl", patterns) if not r.get("line_only")]
        self.boilerplate_lines = [r["line"] for r in rows("boilerplate.jsonl", patterns) if r.get("line_only")]
        self.dash_gap = _dash_gap([r["stem"] for r in rows("unit_nouns.jsonl", patterns)])
        self.documents = rows("documents.jsonl", patterns)
        self.region_nouns = tuple(self.places.nouns) + self.places.state_nouns

    def pipe(self, items: Iterable[NewsItem]) -> Iterator[tuple[NewsItem, list[TwinningRecord]]]:
        for item in items:
            yield item, self.records(item)

    def records(self, item: NewsItem) -> list[TwinningRecord]:
        """The document's records; Latin look-alikes inside Cyrillic words are folded first
        (``homoglyphs``) and non-breaking spaces made plain, and the records' texts are then taken
        back from the input at the same offsets."""
        folded = replace(item, text=plain_spaces(fold(item.text)), title=fold(item.title))
        if folded == item:
            return self._records(item)
        return [replace(r, source=item.source(lang="uk"),
                        parties=[replace(p, text=item.text[p.start:p.end]) for p in r.parties],
                        evidence=[replace(e, text=item.text[e.start:e.end]) for e in r.evidence],
                        date=_restored_date(r.date, item.text))
                for r in self._records(folded)]

    def _records(self, item: NewsItem) -> list[TwinningRecord]:
        doc = self.nlp(item.text)
        crumbs = [(m.start(), m.end()) for m in BREADCRUMB.finditer(item.text)]
        mentions = [m for m in self.places.mentions(item.text) if not any(a <= m.start < b for a, b in crumbs)]
        host = self._host(item, mentions)
        first_line = len(item.text.split("\n", 1)[0])
        home_host = next((m for m in mentions if m.type == "city" and m.country == HOME and m.start < first_line
                          and self._not_venue(item.text, m)), None)
        """The headline's Ukrainian town when the host is a foreign one ("Гдиня стала побратимом Житомира"):
        the town whose partners a list of only foreign towns names ("Раніше партнерами міста стали …")."""
        home_region = mentions[0] if mentions and mentions[0].type == "region" and mentions[0].country == HOME else None
        """A document whose first place is an oblast ("Запорізька ОВА припиняє …") is that oblast's:
        foreign regions listed after "з" with no actor of their own are its partners."""
        headline_towns = _unique([m for m in mentions if m.type == "city" and m.start < first_line])
        headline_partner = next((m for m in headline_towns if host is not None and m.key != host.key), None) \
            if len(headline_towns) == 2 and host is not None and host.key in {m.key for m in headline_towns} \
            and all(self.roles.role(item.text, m, 0) is None for m in headline_towns) \
            and TOWN_AND_TOWN.match(item.text[headline_towns[0].end:headline_towns[1].start]) else None
        """A headline of two towns joined as a pair ("Суми і Курськ", "Луцьк — Люблін: …"), both parties
        there (not "Навчальні заклади Луцька і Хелма"): the host's partner in a sentence that names only
        the host, or no place."""
        found: dict[tuple[str, str], TwinningRecord] = {}
        previous: list[tuple[str, str]] = []
        heading: list[Mention] = []
        opened: tuple[dict, Mention | None, str, FoundDate | None] | None = None
        before: list[Mention] = []
        last: tuple[dict, Mention | None, str, FoundDate | None] | None = None
        in_list = False
        heading_list = False
        """A partner page's short heading ("Побратими Вінниці") opens a list of lines that each begin
        with a place ("Кельце (Польща) — з 1998 року")."""
        said: FoundDate | None = None
        announced: tuple[dict, Mention | None, str, FoundDate | None] | None = None
        """A sentence that counts the partners it does not name ("погодили укладення угод ще з трьома
        містами"): the next sentence naming only foreign towns ("Нові побратими — …", "Це російські
        Тула та Курськ") lists them, with its status and date."""
        stated: dict | None = None
        intent_stated = False
        acting: Mention | None = None
        latest: list[tuple[str, str]] = []
        events: dict[str, FoundDate] = {}
        """The day of a signing or an ending a sentence naming no place states ("8 квітня … відбулося
        підписання дев'яти меморандумів", "десять хвилин тому міськрада розірвала відносини з містами
        Росії"): the date of the signings (endings) the text then details without one."""
        links = self._link_blocks(item.text)
        filed_line = dateline(item.text, links)
        filed_year = filed_line.value[:4] if filed_line else None
        reference = item.published or (filed_line.value if filed_line and filed_line.precision == "day" else None)
        """What relative dates ("минулого тижня", "у вівторок") and a day after the page's date ("28 грудня"
        on a page of 15.01.2024: the year before) are read against: the item's date, else the date line's."""
        """The page's date line gives the year of a day the text states without one ("ще 4 березня"),
        before the item's metadata: it is the date the reader sees."""
        for sent in _sentences(doc):
            if any(start <= sent.start_char < end for start, end in links):
                continue
            lowered = [t.lower_ for t in sent]
            own_trigger = next((r for w in lowered for stem, r in self.triggers.items() if w.startswith(stem)), None)
            trigger = own_trigger \
                or (stated if any(w.startswith(stem) for w in lowered for stem in self.anaphoric_triggers)
                    and (self._status(lowered) != "established"
                         or any(w.startswith(stem) for w in lowered for stem in self.joining)) else None)
            stated = trigger or stated
            of_intent = intent_stated if own_trigger is None and trigger is not None else False
            """"Документ підписали …" after "підписали лист про наміри": the document signed is the letter
            of intent, so the step stays proposed."""
            if own_trigger is not None:
                intent_stated = self._status(lowered) == "proposed" and any(w.startswith("намір") for w in lowered)
            named = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
            listed = LIST_ITEM.match(sent.text) or _unbulleted_item(sent.text, in_list) or \
                (heading_list or opened is not None) and _place_line(item.text, sent, named)
            parties = [m for m in named if m is host or self.roles.role(item.text, m, sent.start_char) is None]
            unnamed_town = UNNAMED_TOWN.search(sent.text) if trigger is not None and len(_unique(parties)) == 1 else None
            if unnamed_town:
                # "У Вроцлаві мер Львова підписав угоду з польським містом": the venue is the town unnamed,
                # of the country the adjective names
                country = self.places.country_of(unnamed_town.group(1)) if unnamed_town.group(1) else None
                venues = _unique([m for m in named if m not in parties and m.type == "city"
                                  and m.key != parties[0].key and (country is None or m.country == country)
                                  and self.roles.role(item.text, m, sent.start_char) == "venue"])
                parties = parties + venues if len(venues) == 1 else parties
            elif trigger is not None and len(_unique(parties)) == 1 and (host is None or host.key == parties[0].key) \
                    and _after_z(item.text, parties[0]) and self._status(lowered) in ("signed", "pending", "terminated"):
                # "У Луцьку відбулося підписання угоди з Любліном": the document's own town is the venue
                # of a step with a partner of another country, and no other town hosts the story
                venues = _unique([m for m in named if m not in parties and m.type == "city" and m.start < parties[0].start
                                  and m.country != parties[0].country
                                  and self.roles.role(item.text, m, sent.start_char) == "venue"])
                parties = venues + parties if len(venues) == 1 else parties
            carried = announced if announced is not None and parties and \
                all(m.country != HOME for m in parties) else None
            announced = None
            item_of = opened if opened and listed else \
                last if trigger is None and last is not None and AMONG.match(sent.text) else carried
            opened = item_of
            heading_list = heading_list and bool(item_of)
            in_list = bool(item_of) and sent.text.rstrip().endswith(";")
            if item_of and trigger is None:
                trigger = item_of[0]
            default_year = _last_year(item.text[:sent.start_char]) or filed_year or (item.published or "")[:4] or None
            date = find_date(sent.text, sent.start_char, default_year, reference) \
                or (said if SAME_DAY.search(sent.text) else None) or (item_of[3] if item_of else None)
            said = date if date and date.precision == "day" else said
            if trigger is None and date is not None and previous and _within(named, previous) and \
                    any(p in sent.text.lower() for p in self.decisions):
                for key in previous:
                    if found[key].date is None and found[key].status != "established":
                        found[key] = replace(found[key], date=_date_info(date))
            if trigger is None and previous and OBJECT_PRONOUN.search(sent.text) and _within(parties, previous):
                # "2 березня 2022 року міська рада її розірвала": the agreement just stated, by pronoun
                step = self._status(lowered)
                if step in ("terminated", "signed"):
                    for key in previous:
                        found[key] = _merge(found[key], replace(found[key], status=step, date=_date_info(date)))
                    continue
            if trigger is None or any(w.startswith(stem) for w in lowered for stem in self.no_relation) \
                    or any(f" {p}" in f" {' '.join(lowered)}" for p in self.no_relation_phrases):
                if trigger is None and not named and last and sent.text.rstrip().endswith(":"):
                    opened = last
                if not named and DATE_ONLY_LINE.fullmatch(sent.text.strip()):
                    # the page's date line between the headline and the story ("12 травня 2023 року, 14:05")
                    # separates no pair from the sentence that restates it
                    continue
                previous, before, last = [], parties, None
                heading = named if len(named) == 1 and len(sent) <= HEADING_TOKENS else []
                continue
            back = before if self._refers_back(sent.text) and len(_unique(before)) >= 2 else []
            in_sent, heading, before = parties or heading or back, [], parties
            mutual = not item_of and any(p in sent.text.lower() for p in self.mutual)
            if mutual and in_sent and host is not None and all(m.key == host.key for m in in_sent):
                guest = self._guest(item.text, mentions, host, sent.start_char)
                in_sent = [host, guest] if guest else in_sent
            elif mutual and not in_sent:
                previous = previous or latest
                guest = None if previous or host is None else self._guest(item.text, mentions, host, sent.start_char)
                in_sent, date = ([host, guest], date or said) if guest else (in_sent, date)
            elif not item_of and not named and not found and headline_partner is not None \
                    and not self._unnamed_partners(sent.text):
                # "Кременчук і Кошалін" over "Дата підписання угоди: 30.06.2004": the headline's towns
                in_sent = [host, headline_partner]
            elif not item_of and in_sent and host is not None and all(m.key == host.key for m in in_sent) \
                    and not self._unnamed_partners(sent.text):
                # "Це місто є партнером Чорткова": the town named just before; a story headed by its two
                # towns ("Суми і Курськ") whose sentence names only the host: the headline's other town
                other = self._guest(item.text, mentions, host, sent.start_char) if THIS_TOWN.match(sent.text) \
                    else headline_partner
                in_sent = [host, other] if other is not None else in_sent
            status = self._status(lowered)
            if of_intent and status in ("signed", "pending"):
                status = "proposed"
            if not named and status in ("signed", "terminated") and date is not None and date.precision == "day":
                events.setdefault(status, date)
            cue_date = self._cue_clause_date(item.text, sent, status, named, default_year, reference)
            if status == "terminated" and date is not None and DOCUMENT_DATE.search(sent.text):
                date = find_date(DOCUMENT_DATE.sub(lambda m: " " * len(m.group(0)), sent.text), sent.start_char,
                                 default_year, reference)
            elif status in ("pending", "proposed") and date is not None and ACT_DATE.search(sent.text):
                date = find_date(ACT_DATE.sub(lambda m: " " * len(m.group(0)), sent.text), sent.start_char,
                                 default_year, reference)
            list_head = item_of[1] if item_of else None
            if list_head is not None and host is not None and list_head.key == host.key and _own_sides(in_sent, host):
                list_head = None
            if item_of:
                hub = list_head
                in_sent = [hub, *[m for m in in_sent if m.key != hub.key]] if hub else in_sent
                status = item_of[2] if status == "established" or self._outranks(item_of[2], status) else status
            elif sent.text.rstrip().endswith(":"):
                opened = (trigger, self._owner(item.text, in_sent) or (in_sent[0] if in_sent else host), status,
                          date or _recent_day(item.text, said, sent.start_char))
            elif _heading_line(item.text, sent) and len(_unique(in_sent)) == 1 and PARTNER_HEADING.search(sent.text):
                opened, heading_list = (trigger, in_sent[0] if in_sent else host, status, date), True
            last = (trigger, self._owner(item.text, in_sent) or (in_sent[0] if in_sent else host), status, date)
            if not item_of and COUNT_GROUP.search(sent.text) and not any(m.country != HOME for m in in_sent):
                own = _unique([m for m in in_sent if m.country == HOME and m.type == "city"])
                announced = (trigger, own[0] if len(own) == 1 else host, status, date)
            acting = acting or self._acting_region(item.text, in_sent)
            partner_of = acting or (home_region if not any(m.type == "region" and m.country == HOME
                                                           for m in in_sent) else None)
            keys = []
            joined = self._joined(lowered, in_sent, latest, found, mentions)
            if joined:
                status, date = found[latest[0]].status, found[latest[0]].date
            if not joined and not item_of and previous:
                joined = _same_kind(sent.text, in_sent, previous, mentions)
            if THIS_REGION.search(sent.text) and not any(m.type == "region" and m.country != HOME for m in in_sent):
                named_region = next((m for m in reversed(mentions) if m.end <= sent.start_char and m.type == "region"
                                     and m.country != HOME), None)
                oblasts = _unique([m for m in in_sent if m.type == "region" and m.country == HOME])
                joined = joined or ([(o, named_region) for o in oblasts] if named_region is not None else [])
            visiting = None if joined or item_of else self._delegation(item.text, mentions, sent, in_sent)
            for a, b in joined or ([(visiting, m) for m in _unique(in_sent) if m.type == visiting.type] if visiting else
                                   self._pairs(item.text, in_sent, host, lowered, list_head,
                                               partner_of, sent.text, home_host)):
                key = tuple(sorted((a.key, b.key)))
                if key[0] == key[1] or a.country == b.country != HOME:
                    continue
                own = self._clause_status(item.text, sent, b, [m for m in in_sent if m.key not in (a.key, b.key)])
                clause_date = _clause_date(item.text, sent, b, default_year, reference)
                record = self._record(item, a, b, trigger["relation"], own or status,
                                      clause_date if own else cue_date or clause_date or date, sent)
                found[key] = _merge(found[key], record) if key in found else record
                keys.append(key)
            if not keys and status != "established" and _within(in_sent, previous) and not self._adds(sent.text):
                for key in previous:
                    found[key] = _merge(found[key], replace(found[key], status=status, date=_date_info(date)))
            elif not keys and date is not None and _within(in_sent, previous) and TIE_START.search(sent.text):
                # "Стрий і Зелена Гура співпрацюють давно. Партнерство міст започаткували 2011 року.": the
                # start of the tie just stated
                for key in previous:
                    if found[key].status == "established" and found[key].date is None:
                        found[key] = replace(found[key], date=_date_info(date))
            previous = keys or previous
            latest = keys or latest
        found = {k: replace(r, date=_date_info(events[r.status])) if r.date is None and r.status in events else r
                 for k, r in found.items()}
        filed = dateline(item.text, links)
        found = {k: _since(item.text, r, None) for k, r in found.items()}
        found = {k: replace(r, date=None) if _event_day(item.text, r) else r for k, r in found.items()}
        if any(stem in item.text.lower() for stem in self.multilateral):
            found = _one_agreement(found)
        intent = self._intent_only(item.text)
        return [replace(r, status="proposed" if intent and r.status in ("signed", "pending") else r.status,
                        date=_date_info(filed) if filed and r.date is None and r.status != "established"
                        and not any(ALREADY.search(e.text) or EARLIER.search(e.text) for e in r.evidence) else r.date)
                for r in found.values()]

    def _intent_only(self, text: str) -> bool:
        """True when the only agreement the story names is one of intent ("лист про наміри",
        "угоду про намір співпрацювати"): its later "Угоду підписали", "Документ підписали" or a
        headline's "домовилися" sign or agree that intent, not a partnership, so every step is
        proposed. Another kind of agreement named ("майбутній Договір", "меморандум про
        співпрацю") keeps its own status."""
        words = [m.group(0).lower() for m in re.finditer(r"[\w'’]+", text)]
        kinds = [(i, row) for i, w in enumerate(words) for row in self.documents if w.startswith(row["stem"])]
        intent_kinds = set()
        for i, row in kinds:
            ahead = words[i + 1:i + 1 + INTENT_REACH]
            if row.get("marks_intent") or any(a == "про" and b.startswith("намір") and not _has_verb(ahead[:n])
                                              for n, (a, b) in enumerate(zip(ahead, ahead[1:]))):
                intent_kinds.add(row["id"])
        if not intent_kinds:
            return False
        return all(row["id"] in intent_kinds or row.get("intent_only") for _, row in kinds)

    def _link_blocks(self, text: str) -> list[tuple[int, int]]:
        """Related-links blocks: "Читайте також", "Останні новини", … (``boilerplate.link_blocks``)."""
        return link_blocks(text, self.boilerplate, self.boilerplate_lines)

    def _guest(self, text: str, mentions: list[Mention], host: Mention, end: int) -> Mention | None:
        """The last town named before ``end`` that is not the host nor a venue: the other of "двох
        громад" in a sentence that names only the host ("Угоди, яку громади підписали в січні")."""
        return next((m for m in reversed(mentions) if m.start < end and m.type == "city" and m.key != host.key
                     and self.roles.role(text, m, _line_start(text, m.start)) is None), None)

    def _refers_back(self, sentence: str) -> bool:
        """The sentence opens with "Міста …", "Сторони …": its parties are the sentence before's."""
        lowered = OPENER.sub("", sentence.lower(), count=1)
        return any(re.match(rf"\s*{re.escape(a)}\b", lowered) for a in self.anaphors)

    def _host(self, item: NewsItem, mentions: list[Mention]) -> Mention | None:
        """The town the document is about: the first named in the headline (the title, else the
        first line) that is not a venue, else the headline's venue ("В Ужгороді пропонують …"),
        else the first in the text that is not a venue ("9 липня в Римі Ніжин …"). A title the
        text does not open with (a weather widget's "Київ" comes first) is read on its own."""
        cities = [m for m in mentions if m.type == "city"]
        headline = item.text.split("\n", 1)[0] if not item.title else item.title
        in_headline = [m for m in cities if m.start < len(headline) and item.text.startswith(headline)]
        titled = [] if in_headline or not item.title else \
            [m.key for m in self.places.mentions(item.title) if m.type == "city" and self._not_venue(item.title, m)]
        return next((m for m in in_headline if self._not_venue(item.text, m)), None) or \
            (in_headline[0] if in_headline else None) or \
            next((m for key in titled for m in cities if m.key == key), None) or \
            (None if self._round_up(headline) else
             next((m for m in cities if self._not_venue(item.text, m)), cities[0] if cities else None))

    def _round_up(self, headline: str) -> bool:
        """A headline naming no town but several of something ("підписали 11 документів", "Громади
        з трьох областей …"): a round-up, whose first town is no partner of the others."""
        return bool(ROUND_UP.search(headline))

    def _not_venue(self, text: str, mention: Mention) -> bool:
        return self.roles.role(text, mention, _line_start(text, mention.start)) is None

    def _cue_clause_date(self, text: str, sent: spacy.tokens.Span, status: str, named: list[Mention],
                         default_year: str | None, published: str | None):
        """The date of a clause that holds the sentence's status cue and names no place, when a clause
        break splits the sentence: "Луцьк став побратимом Любліна в 1997 році, а у 2023 році міста
        підписали нову угоду" is signed in 2023, not 1997."""
        if status == "established" or not CLAUSE_BREAK.search(sent.text):
            return None
        lowered = [t.lower_ for t in sent]
        for i, token in enumerate(sent):
            if self._status([token.lower_]) == status or self._cue_at(lowered, i) == status:
                start = max((m.end() for m in CLAUSE_OR_SENTENCE.finditer(text, sent.start_char, token.idx)),
                            default=sent.start_char)
                following = CLAUSE_OR_REPORT.search(text, token.idx, sent.end_char)
                end = following.start() if following else sent.end_char
                if any(start <= m.start < end for m in named):
                    continue
                # "У 2021 році міста налагодили контакти, а 12 травня уклали угоду": the year stated
                # earlier in the sentence dates the clause's day
                return find_date(text[start:end], start, _last_year(text[:start]) or default_year, published)
        return None

    def _cue_at(self, lowered: list[str], i: int) -> str | None:
        """The status of a stem cue at word ``i`` whose needed words follow it ("перейшли до угоди")."""
        return next((r["status"] for r in self.statuses if "stem" in r and r.get("needs")
                     and lowered[i].startswith(r["stem"]) and _followed(lowered, i, r["needs"], r.get("before", False))),
                    None)

    def _status(self, lowered: list[str]) -> str:
        """The strongest status cue of the sentence (lowest rank), else ``established``. A
        termination that a proposal governs ("депутат запропонував розірвати стосунки") is no
        step, and neither is the proposal: both words are set aside, as in English."""
        lowered = self._without_proposed_endings(lowered)
        sentence = " ".join(lowered)
        return next((r["status"] for r in self.statuses
                     if "phrase" in r and r["phrase"] in sentence
                     or "stem" in r and any(w.startswith(r["stem"]) and _followed(lowered, i, r.get("needs"), r.get("before", False))
                                            for i, w in enumerate(lowered))), "established")

    def _without_proposed_endings(self, lowered: list[str]) -> list[str]:
        """The sentence's words less a negated ending ("не розривали"), a signing that only marks the
        time before it ("до його підписання"), a proposal of an ending (both words) and a proposal or
        discussion of developing a tie ("обговорили, як розвивати партнерські відносини"): that tie
        exists already, so the proposing word is no step."""
        dropped: set[int] = set()
        for i, word in enumerate(lowered):
            if i and lowered[i - 1] in NEGATIONS and any(word.startswith(stem) for stem in self.ending_stems):
                dropped.add(i)
            if word.startswith(self.signing_stems) and any(tuple(lowered[max(0, i - len(p)):i]) == p for p in self.prior):
                dropped.add(i)
            if any(word.startswith(stem) for stem in self.proposing):
                for j in range(i + 1, min(len(lowered), i + 1 + PROPOSAL_REACH)):
                    if any(lowered[j].startswith(stem) for stem in self.ending_stems):
                        dropped |= {i, j}
                        break
            if word.startswith(PROPOSING_VERBS):
                dropped |= {j for j in range(i + 1, len(lowered)) if lowered[j].endswith(("ти", "ть"))
                            and lowered[j].startswith(self.pending_stems)}
            if any(word.startswith(stem) for stem in self.proposed_stems):
                for j in range(i + 1, min(len(lowered), i + 1 + CONTINUE_REACH)):
                    if any(lowered[j].startswith(stem) for stem in self.continuing) and any(
                            w.startswith(stem) for w in lowered[j + 1:j + 1 + PROPOSAL_REACH] for stem in self.triggers):
                        dropped.add(i)
                        break
        return [w for n, w in enumerate(lowered) if n not in dropped] if dropped else lowered

    def _clause_status(self, text: str, sent: spacy.tokens.Span, mention: Mention,
                       others: list[Mention] = ()) -> str | None:
        """The status cue of the partner's own clause, when the sentence has several and the cues
        differ: "З Ліппштадтом підписали меморандум, а з Ларом триває погодження" is signed for one
        and pending for the other; the clause then keeps its own date, even none. Not when no
        other place (``others``: not the pair's) stands outside the clause: "Коломия підписала угоду
        з Воронежем 2010 року, а у 2022-му розірвала її" tells two steps of one pair, the latest wins."""
        if not CLAUSE_BREAK.search(sent.text):
            return None
        start, end = _clause_span(text, mention)
        start, end = max(start, sent.start_char), min(end, sent.end_char)
        if not any(m.start < start or m.start >= end for m in others):
            return None
        clause = [t.lower_ for t in sent if start <= t.idx < end]
        rest = [t.lower_ for t in sent if not start <= t.idx < end]
        own, other = self._cued(clause), self._cued(rest)
        if own is None and other not in (None, "established") and _has_verb(clause):
            # "Дрогобич підписав угоду з Тарновом; раніше місто співпрацювало лише з Ряшевом": the partner's
            # own clause, with its own verb and no step, tells a tie that just is
            return "established"
        return own if own is not None and other not in (None, "established") and own != other else None

    def _cued(self, lowered: list[str]) -> str | None:
        """The strongest status cue of the words, None when they hold none (``_status`` then says
        established): "…, але продовжує співпрацю з Каунасом" is cued established."""
        status = self._status(lowered)
        if status != "established":
            return status
        kept = self._without_proposed_endings(lowered)
        sentence = " ".join(kept)
        cued = any(r["status"] == "established" and ("phrase" in r and r["phrase"] in sentence or "stem" in r and any(
            w.startswith(r["stem"]) and _followed(kept, i, r.get("needs"), r.get("before", False))
            for i, w in enumerate(kept))) for r in self.statuses)
        return "established" if cued else None

    def _outranks(self, cue: str, other: str) -> bool:
        """True when ``cue`` is the stronger of two cued statuses, as within one sentence: a list's
        opening "підписали листи про наміри" keeps its items proposed though each says "підписали"."""
        rank = {}
        for row in self.statuses:
            rank.setdefault(row["status"], row["rank"])
        return cue != "established" and rank.get(cue, 99) < rank.get(other, 99)

    def _acting_region(self, text: str, in_sent: list[Mention]) -> Mention | None:
        """The first of oblasts that act together ("Івано-Франківська та Тернопільська обласні ради
        уклали …"): the document's own region, the party of oblasts named later after "з"."""
        regions = _unique([m for m in in_sent if m.type == "region"])
        return regions[0] if len(regions) >= 2 and self._regions_act(text, regions[0]) else None

    def _pairs(self, text: str, in_sent: list[Mention], host: Mention | None,
               lowered: list[str], head: Mention | None = None,
               acting: Mention | None = None, sentence: str = "",
               home_host: Mention | None = None) -> list[tuple[Mention, Mention]]:
        """Oblasts listed together pair with each other; towns pair as dashes say, all with all
        for a multilateral agreement (a dash run "Страсбург — Дрезден — Хмельницький" too, and with
        the host when the sentence names only its two partners: "У Вашківцях підписали тристоронній
        лист з ґміною A та комуною B"), else with the hub (see the module docstring). The places
        of a list item pair with the list's head, which stands outside the item's clauses; a town's
        list names towns (an oblast in a council decision's item is the council, not a partner),
        unless the item's own oblasts act together ("• Миколаївська ОВА та Західнопоморське
        воєводство підписали …")."""
        if head is not None:
            dashed = _dash_pairs(text, [m for m in in_sent if m is not head], host, self.dash_gap)
            regions = _unique([m for m in in_sent if m is not head and m.type == "region"])
            if not dashed and head.type == "city" and len(regions) >= 2 and self._regions_act(text, regions[0]):
                return list(combinations(regions, 2))
            own = [m for m in in_sent if m is not head and m.type == head.type]
            return dashed or [(head, m) for m in own]
        regions = _unique([m for m in in_sent if m.type == "region"])
        if len(regions) >= 2 and all(m.country == HOME for m in in_sent) and self._unnamed_partners(sentence):
            # oblasts acting together with partners they do not name ("Волинь і Рівненщина поглиблюють
            # співпрацю з Польщею") are no pair, as towns so listed are not
            return []
        if len(regions) >= 2 and self._regions_act(text, regions[0]):
            objects = next((i for i, m in enumerate(regions) if i and self._object_only(text, m)), None)
            multilateral = any(w.startswith(stem) for w in lowered for stem in self.multilateral)
            if objects is None or multilateral:
                return list(combinations(regions, 2))
            actors = regions[:objects]
            return list(combinations(actors, 2)) + [(a, o) for a in actors for o in regions[objects:]]
        if regions and acting is not None and self._object_only(text, regions[0]):
            return [(acting, m) for m in regions if m.key != acting.key]
        cities = [m for m in in_sent if m.type == "city" or _listed_with_towns(text, m, in_sent)]
        if not cities and len(regions) == 2 and regions[0].country != regions[1].country and \
                REGION_AND_REGION.match(text[regions[0].end:regions[1].start]):
            return [(regions[0], regions[1])]
        home = _unique([m for m in cities if m.country == HOME])
        foreign = _unique([m for m in cities if m.country != HOME])
        if len(home) == 1 and len(foreign) >= 2 and cities[0].country != HOME and _after_z(text, cities[0]) \
                and not _dash_pairs(text, cities, host, self.dash_gap):
            # "З польським Хожувом Тернопіль втілює проєкт, з Сувалками місто співпрацює в освіті, а з
            # Батумі — у медицині": partners fronted after "з", the one Ukrainian town is the subject
            return [(home[0], m) for m in foreign]
        clauses = _clauses(text, cities)
        if clauses:
            subject = clauses[0][0]
            return [pair for clause in clauses for pair in (
                _dash_pairs(text, clause, host, self.dash_gap) or [(clause[0], other) for other in clause[1:]]
                or [(subject, clause[0])])]
        multilateral = any(w.startswith(stem) for w in lowered for stem in self.multilateral)
        dashed = _dash_pairs(text, cities, host, self.dash_gap)
        if dashed:
            run = _unique([m for pair in dashed for m in pair])
            return list(combinations(run, 2)) if multilateral and len(run) >= 3 else dashed
        here = _unique(cities)
        if here and all(m.country == HOME for m in here) and self._unnamed_partners(sentence):
            return []
        shared = None if multilateral else self._shared_partner(text, here)
        if shared:
            return shared
        if multilateral and len(here) == 2 and host is not None and host.key not in {m.key for m in here}:
            here = [host, *here]
        if multilateral and len(here) >= 3:
            return list(combinations(here, 2))
        if host is not None and host.country != HOME and home_host is not None and \
                home_host.key not in {m.key for m in here} and _foreign_list(text, here, home_host):
            here = [home_host, *here]
        elif host is not None and host.key not in {m.key for m in here}:
            ours = bool(OURS.search(" ".join(lowered))) or self._host_subject(sentence)
            here = [host, *here] if len(here) == 1 or here and (ours or self._object_only(text, here[0])
                                                                  or _foreign_list(text, here, host)) else here
        elif host is not None:
            here = [host, *[m for m in here if m.key != host.key]]
        home = _unique([m for m in here if m.country == HOME])
        # a sentence's one Ukrainian place among two or more foreign ones is their hub, wherever it
        # stands: "Три нових побратими — Дюссельдорф, Мангейм, Мец — з'явилися у Чернівців"
        if len(home) == 1 and len(here) >= 3 and here[0].key != home[0].key:
            here = [home[0], *[m for m in here if m.key != home[0].key]]
        return [(here[0], other) for other in here[1:]]

    def _owner(self, text: str, in_sent: list[Mention]) -> Mention | None:
        """The town whose partners a sentence counts: the one right after a partner noun ("Канни стали
        двадцятим містом-побратимом Львова", "Побратимами Житомира є:"), not the subject before it."""
        return next((m for m in in_sent if OWNER_NOUN.search(text[max(0, m.start - 40):m.start])), None)

    def _unnamed_partners(self, sentence: str) -> bool:
        """"Раніше співпрацю з двома російськими містами припинили Чернівці", "розірвали угоди з містами
        Росії": the partners are foreign towns the sentence does not name, so its Ukrainian places
        (the subject, a town named in passing) pair neither with each other nor with the host."""
        for match in UNNAMED_PARTNERS.finditer(sentence):
            words, after = match.group(1).split(), match.group(2)
            if any(self.places.country_of(w) not in (None, HOME) for w in words) or \
                    after and self.places.country_of(after) not in (None, HOME):
                return True
        # a foreign country itself as the partner ("поглиблюють співпрацю з Польщею")
        return any(self.places.country_of(m.group(1)) not in (None, HOME) and not COUNTRY_ADJECTIVE_WORD.search(m.group(1))
                   for m in WITH_COUNTRY.finditer(sentence))

    def _shared_partner(self, text: str, here: list[Mention]) -> list[tuple[Mention, Mention]]:
        """"Ковельська та Володимирська громади уклали угоди з Хелмом", "Луцьк, Рівне та Житомир
        підписали угоди з Любліном": towns of one country listed as subjects, and the towns of
        another after "з", pair each subject with each object, not the subjects with each other."""
        split = next((i for i, m in enumerate(here) if i >= 2 and _after_z(text, m)), None)
        if split is None:
            return []
        subjects, objects = here[:split], here[split:]
        if len({m.country for m in subjects}) != 1 or subjects[0].country in {m.country for m in objects} \
                or any(_after_z(text, m) for m in subjects) \
                or not all(LIST_JOIN.match(text[a.end:b.start]) for a, b in zip(subjects, subjects[1:])):
            return []
        return [(a, b) for a in subjects for b in objects]

    def _joined(self, lowered: list[str], in_sent: list[Mention], latest: list[tuple[str, str]],
                found: dict, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
        """"Крім Городні, до документа приєдналися Сновська та Семенівська громади": places that
        join the agreement just stated pair with its partners of another country (the pairs'
        foreign side), with its status and date, not with each other."""
        if not latest or not in_sent or not any(w.startswith(stem) for w in lowered for stem in self.joining):
            return []
        stated = {key for pair in latest for key in pair}
        by_key = {m.key: m for m in mentions}
        joiners = [m for m in _unique(in_sent) if m.key not in stated]
        partners = [by_key[k] for k in sorted(stated) if k in by_key]
        return [(m, p) for m in joiners for p in partners if p.country != m.country]

    def _delegation(self, text: str, mentions: list[Mention], sent, in_sent: list[Mention]) -> Mention | None:
        """"Делегація Вінницької області відвідала партнерські регіони Польщі. … делегація зустрілася з
        керівництвом Лодзького, Свєнтокшиського та Мазовецького воєводств, де говорили про співпрацю":
        a later sentence whose subject is "делегація" and which names only foreign places pairs them
        with the Ukrainian place whose delegation an earlier sentence named."""
        if not in_sent or any(m.country == HOME for m in in_sent) or not DELEGATION.search(sent.text):
            return None
        for match in DELEGATION.finditer(text, 0, sent.start_char):
            owner = next((m for m in mentions if m.start == match.end() and m.country == HOME), None)
            if owner is not None:
                return owner
        return None

    def _adds(self, sentence: str) -> bool:
        """True when the sentence opens with an additive connective ("Крім того, …", "Також …")."""
        opening = sentence.lstrip().lower()
        return any(re.match(rf"{re.escape(a)}\b", opening) for a in self.additions)

    def _host_subject(self, sentence: str) -> bool:
        """The sentence opens with the host for subject, unnamed ("Місто має 12 побратимів",
        "У громади п'ять партнерів"); "Місто Люблін підписало …" names its own."""
        return any(re.match(rf"\s*(?i:{re.escape(h)})\s+[а-яіїєґ'’\d]", sentence) for h in self.host_subjects)

    def _object_only(self, text: str, first: Mention) -> bool:
        """The sentence's first place follows "з" ("місто не має стосунків з Улан-Уде, Самарою"),
        also across region nouns and their adjectives ("з дружніми регіонами: федеральною землею
        Карінтія"): all its places are partners of a subject not named here, the host."""
        if first.type == "region":
            return self._governing_word(text, first) in {"з", "із", "зі"}
        before = re.findall(r"[\w'’]+", text[max(0, first.start - 20):first.start])
        return bool(before) and before[-1].lower() in {"з", "із", "зі"}

    def _governing_word(self, text: str, first: Mention) -> str:
        """The word that governs a place: the one before it, or before the region nouns and
        lower-case adjectives that introduce it ("з дружніми регіонами: федеральною землею")."""
        before = re.findall(r"[\w'’]+", SENTENCE_STOP.split(text[max(0, first.start - 80):first.start])[-1])
        skipped = 0
        while before and skipped < REGION_INTRO_WORDS and _introduces_region(before[-1], self.region_nouns):
            before.pop()
            skipped += 1
        return before[-1].lower() if before else ""

    def _regions_act(self, text: str, first: Mention) -> bool:
        """Oblasts are parties when they head the clause ("Тернопільська, … обласні ради уклали") or
        follow "між", not when they locate communities ("з громадами Чернігівської та Миколаївської
        областей")."""
        before = re.findall(r"[\w'’]+", text[max(0, first.start - 40):first.start])
        previous = before[-1].lower() if before else ""
        if any(previous.startswith(n) for n in self.places.state_nouns) and \
                self._governing_word(text, first) in PREPOSITIONS:
            return False
        return not (previous in PREPOSITIONS or any(previous.startswith(n) for n in self.places.nouns))

    def _record(self, item: NewsItem, a: Mention, b: Mention, relation: str, status: str,
                date, sent) -> TwinningRecord:
        parties = [_party(a), _party(b)]
        return TwinningRecord(
            id=record_id(item.id, [p.key for p in parties]), source=item.source(lang="uk"),
            relation=relation, status=status, parties=parties,
            date=_date_info(date),
            evidence=[Evidence(sent.text, sent.start_char, sent.end_char)], confidence=0.7,
            extractor=Provenance(model=MODEL_NAME))


def ukrainian_country_names() -> set[str]:
    """Country names in Ukrainian and English, lower case, from pycountry and its translations:
    "Україна" and "Ukraine" ("Stand with Ukraine") are a country, not the Spanish town whose
    GeoNames alternate name is "Ukraine"."""
    import gettext

    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"]).gettext
    except OSError:
        translate = str
    names = [getattr(c, attr) for c in pycountry.countries
             for attr in ("name", "common_name", "official_name") if getattr(c, attr, None)]
    return {n.lower() for n in names} | {translate(n).lower() for n in names}


def _party(m: Mention) -> Party:
    return Party(text=m.text, name=m.name, type=m.type, country=m.country,
                 country_name=country_name(m.country), subdivision=m.subdivision,
                 geonames_id=m.geonames_id, start=m.start, end=m.end)


DASH_PAIR = re.compile(r"^\s*[—–-]\s*(?:з|із|зі)?\s*$")
""""Боярка — Палезо; Славутич — Франконвіль": two places joined by a dash are a pair."""
HOME = "UA"
"""Ukrainian news pairs two places of one country only at home (Kolomyia and Kherson); two
places of one foreign country are a list of someone's partners ("з низкою російських міст,
зокрема Москвою й Санкт-Петербургом"), never a tie between themselves."""
PROPOSING_VERBS = ("пропону", "запропонува")
"""A proposing verb makes the approval it governs ("пропонує депутатам … схвалити текст Договору") a
proposal too: the infinitive of a pending cue after it anywhere in the sentence is no step."""
PROPOSAL_REACH = 3
"""Words after a proposing verb within which the termination it proposes stands ("запропонував
негайно розірвати")."""
NEGATIONS = {"не", "ні"}
"""A negated ending is no step: "сусідні області не розривали дружніх зв'язків" (they kept them)."""
CONTINUE_REACH = 5
"""Words after a proposing or discussing verb within which the developing of a tie it governs
stands ("обговорили, як розвивати партнерські відносини", "прагнемо й далі розвивати …")."""
BREADCRUMB = re.compile(r"(?m)^[^\n]*\s[>›]\s(?=[^\n]*$)")
"""A site's breadcrumb trail up to its last step ("DataLife Engine > Новини Чернівців > …",
"Київська міська рада › Новини"): sections of the site, not places of the story."""
OPENER = re.compile(r"^(?:\s*(?:(?:під\s+час|після|за\s+підсумками|наприкінці|у\s+ході|в\s+ході|по\s+завершенні)"
                    r"\s+[\w'’]+|того\s+ж\s+дня|наступного\s+дня|згодом|потім|відтак|тоді|нарешті"
                    r"|\d{1,2}(?:-го)?\s+[а-яії]+(?:\s+\d{4}(?:\s+року|\s+р\.)?)?)\s*,?\s+)+")
""""Під час візиту сторони обговорили …", "Після зустрічі міста підписали …": an opening adverbial of
the event (one noun) before the anaphor that names the sentence before's towns; also a day ("Наступного
дня, 5 жовтня 2023 року, міста підписали …"), one or more."""
AMONG = re.compile(r"\s*(?:серед\s+(?:них|яких|інших)|зокрема\s+[—–-]"
                   r"|(?:до|у|в)\s+(?:цього|цьому|їх|їхнього|їхньому|його|того)\s+(?:переліку|списку|числа|кола))", re.I)
""""Відтепер у Рівного 12 міст-партнерів. Серед них — Паневежис, Перемишль": a sentence opening
with "серед них" lists the partners of the trigger sentence just before it, as a colon list does."""
OURS = re.compile(r"\bнаш[аеіоуиї]\w*\s+(?:[\w'’]+\s*-\s*)?(?:побратим|партнер|друз)")
""""Нашими побратимами є Ряшів, Перемишль": the host's own partners, even when the sentence
names several and not the host ("наші міста-партнери", "наших друзів з Любліна")."""
INTENT_REACH = 4
"""Words after an agreement's noun within which "про намір(и)" makes it one of intent ("угоду
про намір", "тристоронній лист про наміри")."""
CLAUSE_BREAK = re.compile(r";|,\s+а\s(?!також|ще\s)|,\s+(?:але|проте|однак)\s")
""", а також" and ", а ще" add to a list ("Борна, а також українські Сміла"); ", а " alone opens a clause,
as ", але"/", проте"/", однак" do ("розірвав угоду з Торунем, але продовжує співпрацю з Каунасом")."""
ALREADY = re.compile(r"\b(?:вже|уже)\s+(?:[\w'’]+\s+)?(?:підпис|уклал|уклав|уклад|розірва|припини)", re.I)
""""Тростянець уже підписав меморандуми": a step told as done already happened before the story, so
the page's date line does not date it."""
EARLIER = re.compile(r"(?:^|[\s«(])(?:[Рр]аніше|[Сс]вого часу|[Дд]о цього|[Дд]о того)\b(?!\s+(?:як|ніж)\b)")
""""Раніше Київ перестав вважати побратимами …", "Свого часу Луцьк підписав …": a step the sentence
places before the story's news, which the page's date line does not date either."""
OBJECT_PRONOUN = re.compile(r"\b(?:її|його|їх)\s+(?:[а-яіїєґ'’]+\s+)?(?:розірва|припини|денонсува|скасува|анулюва|підписа|уклал|уклав)"
                            r"|\b(?:розірва|припини|денонсува|скасува|анулюва|підписа|уклал|уклав)[а-яіїєґ]*\s+(?:її|його|їх)\b", re.I)
""""Рада її розірвала", "підписали його": a step on the agreement the sentence before named."""
TOWN_AND_TOWN = re.compile(r"^\s*(?:і|та|й|—|–|-|,)\s*$")
UNNAMED_TOWN = re.compile(r"\b(?:з|із|зі)\s+(?:([а-яіїєґ'’]+(?:ськ|цьк|зьк)[а-яіїєґ]*)\s+)?(?:містом|містечком|громадою|ґміною|гміною|комуною)"
                          r"(?!\s+[А-ЯІЇЄҐ«\"-])(?!-)")
""""… з польським містом" with no name after it: the partner is a town the sentence names otherwise."""
THIS_TOWN = re.compile(r"\s*(?:Це|Це\s+[а-яіїєґ'’]+)\s+(?:місто|містечко|громада|ґміна|гміна|комуна)\b")
""""Це (польське) місто є партнером …": the town the sentence before named."""
GAPPED_SUBJECT = re.compile(r"\s*,\s*$")
GAPPED_VERB = re.compile(r"\s+[—–]\s+(?:з|із|зі)\s+[А-ЯІЇЄҐ]")
""""Тернопіль співпрацює з Ельблонгом, Львів — з Вроцлавом": after a comma, a subject whose verb a
dash leaves out opens a clause of its own, as ", а Львів — з …" does; so does a subject with a verb of
its own after a clause that named its two places (``_verb_after``)."""
CLAUSE_OR_SENTENCE = re.compile(CLAUSE_BREAK.pattern + r"|[.!?]\s|\n")
CLAUSE_OR_REPORT = re.compile(CLAUSE_OR_SENTENCE.pattern + r"|,\s+(?:як\s+)?(?:повідомля|пише|інформу|передає|зазнача)")
"""A clause's end, also before an attribution (", повідомляє Громадське Умань"), whose places name a source."""
LIST_JOIN = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,|і|й|та|,?\s*а також)\s*(?:[а-яіїєґ'’]+і\s+)?$")
"""What joins the items of a list: a comma, "і/й/та", ", а також", with a bracketed country
before it and a plural adjective after it ("(Іспанія), а також українські ")."""
LIST_NUMBER = re.compile(r"\s*\d{1,2}[.)]$")
LIST_ITEM = re.compile(r"\s*(?:[-–—•*·▪|]|[\u2190-\u2bff\U0001f000-\U0001faff]+\ufe0f?|\d{1,2}[.)])\s")
"""A line of a list opened by a trigger sentence ending in a colon ("Міста-партнери Житомира:"): a table row ("| Кошалін | Польща |"), a
dash, a bullet, a number, or symbols and emoji (arrows, ticks, flags: "🇵🇱 Хелм")."""
HEADING_TOKENS = 6
"""A line this short naming one place heads the lines under it: on a partner-list page
"Кременчук (Україна)" is followed by "Угоду підписано: 30 червня 2004 року"."""
PREPOSITIONS = {"з", "із", "зі", "до", "для", "в", "у", "на"}
"""Before the first oblast, these make the oblasts objects or places; "між" names both parties."""
STATUS_STRENGTH = {"terminated": 5, "signed": 4, "pending": 3, "proposed": 2, "established": 1}
"""When several sentences state one pair, the most decisive status wins: an article reporting a
signing is about the signing even if its headline only says the towns "became partners"."""
YEAR = re.compile(r"\b(?:у|в)\s+(19[5-9]\d|20[0-4]\d)\s+(?:р\.|році|року)|\b(19[5-9]\d|20[0-4]\d)\s+(?:р\.|року|році)")


def _sentences(doc: spacy.tokens.Doc) -> Iterator[spacy.tokens.Span]:
    """The sentencizer's sentences, also cut at line breaks (headlines, datelines and list items
    have no final stop); a list number the sentencizer cut off ("1.") stays with its item."""
    held: int | None = None
    for span in _lines(doc):
        if held is not None:
            span, held = doc[held:span.end], None
        if LIST_NUMBER.match(span.text) and span.end < len(doc) and "\n" not in doc[span.end - 1].whitespace_:
            held = span.start
            continue
        yield span
    if held is not None:
        yield doc[held:len(doc)]


def _lines(doc: spacy.tokens.Doc) -> Iterator[spacy.tokens.Span]:
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    yield doc[start:token.i]
                start = token.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


REGION_INTRO_WORDS = 4
SENTENCE_STOP = re.compile(r"[.!?]\s")
LOWER_ADJECTIVE = re.compile(r"^[а-яіїєґ'’]+(?:ою|ими|іми|ій|ім|им|ого|ього|ої|ьої|их|іх|ому|ьому|ий)$")


def _introduces_region(word: str, nouns: tuple[str, ...]) -> bool:
    """A lower-case region noun or adjective that may stand between "з" and a region's name
    ("регіонами", "федеральною", "землею")."""
    lowered = word.lower()
    return word[:1].islower() and (lowered.startswith(nouns) or bool(LOWER_ADJECTIVE.match(lowered)))


COUNT_GROUP = re.compile(r"(?i)\b(?:з|із|зі|має|мають|отримав|отримала|отримало|отримали)\s+(?:ще\s+)?"
                         r"(?:\d+|дв(?:ома|ох|а|і)|трьома|трьох|три|чотирма|чотирьох|чотири|п['’]ятьма|п['’]ятьох"
                         r"|кількома|кількох)\s+(?:[а-яіїєґ'’]+\s+)?(?:міст|громад|побратим|партнер)")
"""A count of partner towns the sentence does not name ("з трьома новими містами", "має двох нових побратимів")."""
ROUND_UP = re.compile(r"(?i)\b(?:\d+|дв[аоі]|двох|три|трьох|чотири|чотирьох|п['’]ять|п['’]ятьох|п['’]яти|кілька|кількох"
                      r"|декілька|низк[аиу])\s+"
                      r"(?:[а-яіїєґ'’]+\s+)?(?:документ|угод|меморандум|громад|міст|област|регіон|партнер)")
"""A count of documents, communities or towns in a headline ("11 документів про співпрацю")."""
DELEGATION = re.compile(r"\b[Дд]елегаці[яїюєі]\s+")
"""A delegation, and the place whose it is right after it ("Делегація Вінницької області")."""
REGION_AND_REGION = re.compile(r"^\s*(?:[а-яіїєґ'’]+\s+)?(?:та|і|й)\s+$")
"""Two regions of two countries joined by "та" ("співпрацю … громад Чернівецької області та
Сучавського повіту"): the regions are the two sides, even after a community noun, which makes
regions of one country only locate the communities ("з громадами Чернігівської та Миколаївської
областей")."""
DOCUMENT_DATE = re.compile(
    r"\b(?:укладен|підписан|уклали|підписали)[а-яіїєґ]*\s+(?:ще\s+)?(?:(?:у|в)\s+)?"
    r"(?:\d{1,2}(?:-го)?\s+[а-яіїєґ]+\s+)?\d{4}\s*(?:р\.|року|році)?"
    r"|\bвід\s+\d{1,2}(?:[./]\d{1,2}[./]\d{4}|(?:-го)?\s+[а-яіїєґ]+\s+\d{4}\s*(?:р\.|року)?)"
    r"|\b(?:які|яку|який|що)\s+(?:[^.,;]{0,30}?\s)?(?:(?:у|в)\s+)?\d{4}\s*(?:р\.|року|році)[^.,;]{0,40}?"
    r"\b(?:уклал|підписал|укладен|підписан)[а-яіїєґ]*", re.I)
"""The date an ended agreement was made, not the ending's: "угоду з Курськом, укладену 2009 року",
"Угоди від 15 вересня 2007 року", "угод, які 2018 року в Гомелі уклали"."""
ACT_DATE = re.compile(r"\bвід\s+\d{1,2}(?:[./]\d{1,2}[./]\d{4}|(?:-го)?\s+[а-яіїєґ]+\s+\d{4})\s*(?:р\.|року)?", re.I)
"""A date an act bears ("наказ Міністерства … від 19.05.2025 № 879", "Договір … від 08.02.1994"): in a
sentence approving or proposing a tie it names another document, not the approval's day."""
FROM_REGION = re.compile(r"\b(?:з|із|зі)\s+$", re.I)
GENITIVE_ADJECTIVE = re.compile(r"(?:ого|ього|ої|ьої|их|іх)$")


TOWN_LIST_GAP = re.compile(r"^\s*(?:,|і|й|та|,?\s*а також)\s*(?:[\w'’]+\s+)?$")


def _listed_with_towns(text: str, mention: Mention, in_sent: list[Mention]) -> bool:
    """A foreign region listed among towns ("з Москвою, Волгоградом та Республікою Комі") is a
    partner as they are; not a region a town is from ("з Люблінського воєводства")."""
    if mention.type != "region" or mention.country == HOME or _from_region(text, mention):
        return False
    before = [m for m in in_sent if m.end <= mention.start]
    return bool(before) and before[-1].type == "city" and \
        TOWN_LIST_GAP.match(text[before[-1].end:mention.start]) is not None


def _from_region(text: str, mention: Mention) -> bool:
    """"ґміна Нєдзьвяда з Люблінського воєводства": a region after "з" in the genitive says where
    a town is from, unlike "з Люблінським воєводством" (with it)."""
    return bool(FROM_REGION.search(text[max(0, mention.start - 5):mention.start])) and \
        bool(GENITIVE_ADJECTIVE.search(mention.text.lower()))


PLACE_LINE_TOKENS = 16
PLACE_LINE_REST = re.compile(r"[^\S\n]*(?:[(—–,]|-\s|$)", re.M)
"""What follows the place of a partner line: a bracket, a dash, a comma or the line's end, not a verb."""
PARTNER_HEADING = re.compile(r"(?i)побратим|партнер|поріднен")
"""A heading that opens a partner list names partners ("Побратими Вінниці", "Міста-партнери Луцька")."""


def _heading_line(text: str, sent: spacy.tokens.Span) -> bool:
    """A whole short line with no final stop: a heading."""
    start, end = sent.start_char, sent.end_char
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end:end + 1] == "\n") and \
        len(sent) <= HEADING_TOKENS and not sent.text.rstrip().endswith((".", "!", "?", ":", ";"))


def _place_line(text: str, sent: spacy.tokens.Span, named: list[Mention]) -> bool:
    """A short line that opens with a place: an item of a list under a heading."""
    return bool(named) and not text[sent.start_char:named[0].start].strip() and len(sent) <= PLACE_LINE_TOKENS \
        and PLACE_LINE_REST.match(text, named[0].end) is not None


OWNER_NOUN = re.compile(r"(?i)(?:побратим|партнер)[а-яіїєґ]*\s+$")
PARTNERS_NOUN = re.compile(r"(?i)(?:побратим|партнер)(?:и|ами|ів)\b")
UNNAMED_PARTNERS = re.compile(
    r"\b(?:з|із|зі)\s+((?:[а-яіїєґ'’]+\s+){0,3})(?:міст|містечк|громад|побратим|партнер)[а-яіїєґ'’-]*(?:ами|ями)\b"
    r"(?![^\S\n]*[:—–])(?:[^\S\n]+([А-ЯІЇЄҐ][а-яіїєґ'’]+))?")
"""Towns described, not named, after "з": "з двома російськими містами", "з містами-побратимами Росії
і Білорусі" (a foreign country adjective among the words before the noun or a country after it)."""
WITH_COUNTRY = re.compile(r"\b(?:з|із|зі)\s+([А-ЯІЇЄҐ][а-яіїєґ'’]+)\b")
COUNTRY_ADJECTIVE_WORD = re.compile(r"(?:ськ|цьк|зьк)[а-яіїєґ]*$")
"""After "з", a country's name ("з Польщею"), not its adjective ("з Польським воєводством")."""
AFTER_Z = re.compile(r"\b(?:з|із|зі)\s+(?:[а-яіїєґ'’]+\s+){0,2}$", re.I)


def _foreign_list(text: str, here: list[Mention], host: Mention) -> bool:
    """"Нові побратими — іспанські Сарагоса та Толедо, а також мексиканська Пуебла": a trigger
    sentence that names only foreign towns, as one list ("X, Y та Z", an adjective allowed before
    an item) after a plural partner noun, in a Ukrainian host's story lists the host's partners, not
    a tie among them ("поріднилися німецьке місто Падерборн і французький Ле-Ман" is one)."""
    if len(here) < 2:
        return False
    opening = re.split(r"[.!?]\s|\n", text[max(0, here[0].start - 120):here[0].start])[-1]
    return host.country == HOME and len(here) >= 2 and all(m.country != HOME for m in here) and \
        bool(PARTNERS_NOUN.search(opening)) and \
        all(TOWN_LIST_GAP.match(text[a.end:b.start]) for a, b in zip(here, here[1:]))


def _after_z(text: str, mention: Mention) -> bool:
    """The place follows "з" (with), across up to two lower-case words ("з польським містом Хелм")."""
    return AFTER_Z.search(text, max(0, mention.start - 60), mention.start) is not None


def _own_sides(in_sent: list[Mention], host: Mention) -> bool:
    """An item of a list the host only heads by default (its opening line names no place) that names
    both sides itself, a Ukrainian town and a foreign one ("• Рівне та Жешув підписали меморандум"):
    they pair with each other, not with the host."""
    own = [m for m in _unique(in_sent) if m.key != host.key and m.type == "city"]
    return len(own) >= 2 and any(m.country == HOME for m in own) and any(m.country != HOME for m in own)


PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _recent_day(text: str, said: FoundDate | None, start: int) -> FoundDate | None:
    """The last day stated, when it stands in this paragraph or the one before: "Одинадцять документів
    … учорашнього саміту. … Серед підписаних документів:" opens a list of that day's signings. Not an
act's date ("наказ … від 19.05.2025"): that names another document."""
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, start)]
    if said is None or said.start < (breaks[-2] if len(breaks) >= 2 else 0) or \
            re.search(r"\bвід\s+$", text[max(0, said.start - 6):said.start], re.I):
        return None
    return said


def _within(in_sent: list[Mention], previous: list[tuple[str, str]]) -> bool:
    """True when the sentence names no place outside the pairs just stated: "Документ підписали
    19 лютого під час сесії Івано-Франківської обласної ради" dates the pair before it."""
    return all(any(m.key in key for key in previous) for m in in_sent)


def _unbulleted_item(line: str, in_list: bool) -> bool:
    """A list item without a bullet: a line ending in ";" under a list's opening line ("а саме:"),
    or the line after such an item ("Скалат — ґміна Біштинек;" then "Вишнівецька громада — ….")."""
    return in_list or line.rstrip().endswith(";")


def _followed(lowered: list[str], i: int, needs: list[str] | None, before: bool = False) -> bool:
    """True when a cue needs nothing after it, or one of ``needs`` follows within six words: "домовилися
    підписати угоду" is a step, "домовилися обмінюватися досвідом" the content of a tie. With ``before``
    the word may also stand within six words before it ("Проєкт угоди погоджено")."""
    window = lowered[max(0, i - 6):i] + lowered[i + 1:i + 7] if before else lowered[i + 1:i + 7]
    return not needs or any(w.startswith(tuple(needs)) for w in window)


def _has_verb(words: list[str]) -> bool:
    """True when a verb stands among the words ("У тексті Угоди йдеться про наміри": the intent is
    the text's subject matter, not the document's kind, as in "Угода про наміри")."""
    from .morph import analyzer

    return any(analyzer().parse(w)[0].tag.POS == "VERB" for w in words)


def _date_info(date) -> DateInfo | None:
    return DateInfo(date.text, date.value, date.precision, date.start, date.end) if date else None


def _last_year(text: str) -> str | None:
    """The last year the text states ("у 2019 році", "2000 року"): a later "3 травня" is in it."""
    years = [a or b for a, b in YEAR.findall(text)]
    return years[-1] if years else None


def _merge(old: TwinningRecord, new: TwinningRecord) -> TwinningRecord:
    """One record for a pair stated in several sentences: the stronger status, and a date if any
    that dates that step: the date of another step ("уклали 2001 року" before "розірвали", "стали
    побратимами у 2009 році" before "підписали") is not this step's date. A council's approval dated
    after the signing ("підписали у квітні", "8 липня рада проголосувала за угоду") is the latest step
    and dates the signed tie. A tie that just is, stated with two years, keeps the earlier: the start
    ("відносини започаткували 2006 року"), not a later event of the tie (a 2018 anniversary visit)."""
    keep, other = (new, old) if STATUS_STRENGTH[new.status] > STATUS_STRENGTH[old.status] else (old, new)
    if keep.date is None and other.date is not None and other.status == keep.status:
        return replace(keep, date=other.date)
    if keep.status == "signed" and other.status == "pending" and keep.date is not None and other.date is not None \
            and other.date.value[:len(keep.date.value)] > keep.date.value:
        return replace(keep, date=other.date)
    if keep.status == other.status == "established" and keep.date is not None and other.date is not None \
            and other.date.value[:4] < keep.date.value[:4]:
        return replace(keep, date=other.date)
    return keep


def _dash_gap(units: list[str]) -> re.Pattern:
    """What may stand between the two places of a dash pair: the dash, "з", and the words naming
    each side's kind of unit ("сільська громада — ґміна", "— місто і ґміна"), from ``unit_nouns``."""
    unit = r"(?:" + "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) + r")[а-яіїєґ'’]*"
    words = rf"(?:\s*(?:{unit}|і|й|та)\b)*"
    return re.compile(rf"^{words}\s*[—–-]\s*(?:з|із|зі)?{words}\s*$", re.I)


def _dash_pairs(text: str, mentions: list[Mention], host: Mention | None,
                gap: re.Pattern = DASH_PAIR) -> list[tuple[Mention, Mention]]:
    """The pairs a sentence writes as "A — B; C — D" (or "А — з B"); none when it has no such
    pair (then the hub rule applies). A run "A–B–C" names a network around one town: the host
    when it is in the run, else the first. A list after a single dash ("побратими Ірпеня —
    Мілвокі (США), Борна (ФРН) …", "Чернівці — з Брянськом і Подольськом") all pairs with the
    place before the dash, up to a place that opens a dash pair of its own."""
    runs: list[list[Mention]] = []
    dashed = [gap.match(text[a.end:b.start]) is not None for a, b in zip(mentions, mentions[1:])]
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if dashed[i]:
            if runs and runs[-1][-1] is a:
                runs[-1].append(b)
            else:
                runs.append([a, b])
        elif runs and runs[-1][-1] is a and len(runs[-1]) >= 2 and LIST_JOIN.match(text[a.end:b.start]) \
                and not (i + 1 < len(dashed) and dashed[i + 1]):
            runs[-1].append(b)
    pairs = []
    for run in runs:
        hub = next((m for m in run if host is not None and m.key == host.key), run[0])
        pairs += [(hub, m) for m in run if m is not hub]
    return pairs


def _clauses(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """The sentence's places split at "; " and ", а ": "Еріче поріднилося з Трускавцем, а Сільві —
    з Тростянцем" is two pairs, not one hub. A part naming one place continues the first part's
    subject ("Київ зупинив угоду з Москвою, а у 2022 році розірвав зв'язки з Мінськом") unless a
    dash shows another subject left out; none when no part names two places."""
    groups: list[list[Mention]] = [[]]
    for previous, mention in zip([None, *mentions], mentions):
        if previous is not None and (CLAUSE_BREAK.search(text[previous.end:mention.start])
                                     or GAPPED_SUBJECT.match(text[previous.end:mention.start])
                                     and (GAPPED_VERB.match(text, mention.end)
                                          or len(groups[-1]) >= 2 and _verb_after(text, mention.end))):
            groups.append([])
        groups[-1].append(mention)
    if len(groups) < 2 or not any(len(g) >= 2 for g in groups):
        return []
    return [g for g in groups if len(g) >= 2 or g is not groups[0] and not _elliptic(text, g[0])]


def _clause_date(text: str, sent: spacy.tokens.Span, mention: Mention, default_year: str | None,
                 published: str | None):
    """The date stated in the partner's own clause, when the sentence has several clauses:
    "… з Москвою у 2014 році, а у 2022 році … з Мінськом" dates each tie apart."""
    if not CLAUSE_BREAK.search(sent.text):
        return None
    start, end = _clause_span(text, mention)
    start, end = max(start, sent.start_char), min(end, sent.end_char)
    return find_date(text[start:end], start, default_year, published)


APPOSED_TIE = re.compile(r"\b(?:міст[аоіу]?\s*-\s*)?(?:побратим|партнер)[а-яіїєґ]*\s+[А-ЯІЇЄҐ]")
""""побратима Мюнхена", "місто-побратим Кельце": a tie named as what a town is to another."""


SAME_KIND = re.compile(r"\b(?:таку\s+(?:ж\s+)?(?:угоду|угоди)|такі\s+(?:ж\s+)?(?:угоди|договори|меморандуми)|такий\s+(?:ж\s+)?(?:договір|меморандум)"
                       r"|аналогічн[аіуий]+\s+(?:угод|договор|договір|меморандум)[а-яіїєґ]*)", re.I)
""""Раніше такі угоди уклали Львів і Харків": the same kind of agreement as the sentence before, with
its partner."""


THIS_REGION = re.compile(r"\b(?:[Зз]|[Іі]з|[Зз]і)\s+(?:цим|цією|тим|тією)\s+(?:регіоном|воєводством|краєм|округом|провінцією"
                         r"|землею|повітом|департаментом|штатом|кантоном|графством)\b")
""""Амʼєн лежить у регіоні О-де-Франс. З цим регіоном Дніпропетровська область підписала угоду": the
foreign region the text named last is the oblast's partner."""


def _same_kind(text: str, in_sent: list[Mention], previous: list[tuple[str, str]],
               mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The pairs of a sentence that lists towns of one country making "such agreements" ("Конотоп —
    шосте українське місто, з яким Жешув має угоду. Раніше такі угоди уклали Львів, Луцьк і
    Чернігів"): each with the one party of the pairs just stated that is of another country; not when
    the sentence names partners of its own after "з" ("такі угоди з польськими містами уклали Рівне і Ковель")."""
    own = _unique(in_sent)
    if not own or not SAME_KIND.search(text) or len({m.country for m in own}) != 1 \
            or re.search(r"(?:^|\s)(?:з|із|зі)\s", text, re.I):
        return []
    others = {k for key in previous for k in key} - {m.key for m in own}
    hubs = _unique([m for m in mentions if m.key in others and m.country != own[0].country])
    return [(hubs[0], m) for m in own] if len(hubs) == 1 else []


def _one_agreement(found: dict[tuple[str, str], TwinningRecord]) -> dict[tuple[str, str], TwinningRecord]:
    """In a story of a trilateral (multilateral) agreement, three places paired with each other share
    that one agreement: a pair told only as existing ("Хотин, Жагань і Тельтов об'єдналися") takes the
    signing the other two pairs report ("Хотин уклав угоду … з Жаганем і Тельтовом")."""
    out = dict(found)
    places = sorted({p for key in found for p in key})
    for trio in combinations(places, 3):
        keys = [tuple(sorted(pair)) for pair in combinations(trio, 2)]
        if not all(k in found for k in keys):
            continue
        signed = [found[k] for k in keys if found[k].status == "signed"]
        if len(signed) < 2 or len({(r.date.value if r.date else None) for r in signed}) != 1:
            continue
        for k in keys:
            if out[k].status == "established":
                out[k] = replace(out[k], status="signed", date=signed[0].date)
    return out


def _event_day(text: str, record: TwinningRecord) -> bool:
    """True when a tie that just is takes a day written out ("3 квітня 2023 року до Києва, побратима
    Мюнхена, прибули пожежні машини"): the day of a delivery or a visit the sentence tells, not the
    start of the tie, which a year or "з …" gives ("побратими з 1998 року"); a relative day ("З
    сьогоднішнього дня … є партнерами") is not written out and still dates the tie. Only where the tie is
    told as a town's apposition ("побратима Мюнхена", "місто-побратим Кельце"): "2 червня 2023 року
    з'явилося партнерство з Губіном" dates the tie itself."""
    date = record.date
    if record.status != "established" or date is None or \
            re.search(r"(?:\b(?:з|із|від|зі)|[Зз])\s*$", text[max(0, date.start - 5):date.start]):
        return False
    if date.precision == "day" and date.text[:1].isdigit() and all(APPOSED_TIE.search(e.text) for e in record.evidence):
        return True
    # "У вересні 2023 року делегація Тарту, побратима Полтави, привезла …", "У 2024 році міста відзначили
    # 20-річчя побратимства": a visit, a delivery or an anniversary of a tie that just is, not its start
    dated = [e for e in record.evidence if e.start <= date.start < e.end]
    return bool(dated) and all(TIE_EVENT.search(e.text) and not TIE_FORMED.search(e.text) for e in dated)


DATE_ONLY_LINE = re.compile(r"(?:\d{1,2}:\d{2},?\s+)?(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-яіїєґ]+\s+\d{4})"
                            r"(?:\s*(?:р\.|року))?(?:,?\s*(?:о\s+)?\d{1,2}:\d{2})?")
"""A line that is a date alone, with its time ("12 травня 2023 року, 14:05", "14:05, 5 червня 2024")."""
TIE_START = re.compile(r"(?i)\b(?:започатк|розпочал|розпочав)")
"""The start of a tie told in a sentence naming no place ("Партнерство міст започаткували 2011 року")."""
TIE_EVENT = re.compile(r"(?i)\b(?:делегаці|візит|відвіда|прибул|приїха|привез|передал|перебува|річниц|ювіле"
                       r"|святку|відсвятку|відзначи)|\d+\s*-?\s*річчя\b")
"""A visit, a delivery or an anniversary told of a tie (``_event_day``)."""
TIE_FORMED = re.compile(r"(?i)\b(?:стал|став|стан|встанови|установи|започатк|розпоча|поріднил|набул|набув|оформи"
                        r"|уклал|уклав|підписа|побрата)")
"""A tie formed in the same sentence ("під час візиту міста стали партнерами"): the date is its start."""
SINCE_YEAR = re.compile(r"(?i)(?:\b(?:з|із|від)|починаючи\s+з)\s+(?=(?:19[5-9]\d|20[0-4]\d)\b)")
"""A tie's start stated beside an event's day ("відвідала 2 липня 2024 року Вінницю, з якою побратимається з 1992 року")."""


def _since(text: str, record: TwinningRecord, default_year: str | None) -> TwinningRecord:
    """A tie that just is, dated by an event although its sentence states its start after "з": the start."""
    date = record.date
    if record.status != "established" or date is None or \
            re.search(r"(?:\b(?:з|із|від|зі)|[Зз])\s*$", text[max(0, date.start - 5):date.start]):
        return record
    for e in record.evidence:
        match = SINCE_YEAR.search(e.text)
        if match is not None:
            start = e.start + match.end()
            found = find_date(text[start:e.end], start, default_year)
            if found is not None:
                return replace(record, date=_date_info(found))
    return record


def _verb_after(text: str, end: int) -> bool:
    """True when the word right after a place is a finite verb: "Полтава розірвала відносини з
    Бєлгородом, Суми відмовилися від побратимства з Курськом" opens a second clause with its own
    subject and verb after the comma (the clause before it already named its two places)."""
    from .morph import analyzer

    match = re.match(r"\s+([а-яіїєґ'’]+)\b", text[end:end + 40])
    return bool(match) and any(p.tag.POS == "VERB" and "infn" not in p.tag
                               for p in analyzer().parse(match.group(1))[:1])


def _elliptic(text: str, mention: Mention) -> bool:
    """True when the clause of ``mention`` has a dash for a verb left out ("а Сільві — з …")."""
    start, end = _clause_span(text, mention)
    return bool(re.search(r"\s[—–-]\s", text[start:end]))


def _clause_span(text: str, mention: Mention) -> tuple[int, int]:
    """The clause around a mention, between "; "/", а " breaks and sentence ends."""
    start = max((m.end() for m in CLAUSE_OR_SENTENCE.finditer(text, 0, mention.start)), default=0)
    following = CLAUSE_OR_SENTENCE.search(text, mention.end)
    return start, following.start() if following else len(text)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(m.key, m)
    return list(seen.values())


def _restored_date(date: DateInfo | None, text: str) -> DateInfo | None:
    """A date's text as the input has it ("12&nbsp;травня"), when it was read from the text."""
    if date is None:
        return None
    return replace(date, text=as_written(text[date.start:date.end], date.text))
