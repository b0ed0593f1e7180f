"""A generated municipal news feed: what twin-extract meets in production (issue 11).

Most items are ordinary city news (council budgets, transport, aid convoys between cities, trade
deals, hospital and university partnerships, sport between cities, school trips), each naming
several places and dates and using the words agreement, partner, partnership, cooperation,
memorandum, signed, delegation and visit in their everyday senses, plus "sister ships", "twin
towers" and "twin brothers". A share of the items (``share``, 5 % by default) are real twinning
stories: the English gold documents of ``corpus/gold`` that hold at least one pair. A benchmark
whose distractors are rare (the old "mixed" corpus) cannot see what the pre-filter costs here.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_GOLD = ("dev", "holdout", "real-dev", "real-test", "test")

LEADS = {
    "budget": [
        "The {a} city council approved a budget of {n} million for {year} on {weekday}, {day} {month}.",
        "Councillors in {a} signed off a {n} million plan to repair roads and schools before {month}.",
    ],
    "transport": [
        "A new express bus between {a} and {b} starts on {day} {month}, the transport authority said.",
        "The rail operator signed an agreement with the regional government of {a} to run more trains to {b} from {month} {year}.",
    ],
    "aid": [
        "A convoy of {n} lorries left {a} for {b} on {day} {month} with generators and medicine.",
        "Volunteers in {a} loaded the {n}th aid convoy for {b} on {weekday}; the city pays for the fuel.",
    ],
    "trade": [
        "A food producer from {a} signed a {n} million supply agreement with a retail chain in {b} on {day} {month}.",
        "Exporters from {a} and importers from {b} signed a memorandum on logistics at the trade fair in {c}.",
    ],
    "health": [
        "The university hospital in {a} and the medical school of {b} signed a partnership on training nurses.",
        "Surgeons from {a} will work with colleagues in {b} under a cooperation programme that runs until {year}.",
    ],
    "sport": [
        "{a} beat the visitors from {b} {n}-1 on {weekday} in front of {big} fans.",
        "The under-18 team of {a} drew with {b} in the cup tie played in {c} on {day} {month}.",
    ],
    "school": [
        "Pupils from a secondary school in {a} returned from a school trip to {b} on {day} {month}.",
        "Forty students from {a} will visit {b} and {c} in {month} on an exchange run by their teachers.",
    ],
    "culture": [
        "The twin towers of the cathedral in {a} will be closed for repairs until {month} {year}.",
        "The museum of {a} lent {n} paintings to a gallery in {b} for an exhibition opening on {day} {month}.",
    ],
}
"""Each item opens with one of its kind's leads."""

BODY = [
    "The mayor of {a}, {person}, said the city would apply for further funds in {month}.",
    "A delegation from {b} will visit {a} in {month} to see the new depot.",
    "The agreement was signed by {person}, head of the regional administration, on {day} {month} {year}.",
    "Our partner in {b} has already delivered {n} of the {big} units, the company said.",
    "The programme is a cooperation between the university of {a} and businesses in {c}.",
    "The partnership with the football club from {b} brings {n} young players to {a} each year.",
    "The memorandum also covers internships for students from {c}.",
    "Twin brothers {first} and {first2} {last}, both from {a}, scored the goals.",
    "The sister ships of the ferry line between {a} and {b} will be repainted in {month}.",
    "Police in {a} said the road to {b} would be closed on {weekday} between 9 and 11.",
    "The county council of {c} approved a grant of {n} thousand for the project on {day} {month}.",
    "Tickets for the match in {c} on {day} {month} went on sale at {n} euros.",
    "Residents of {a} complained about delays on the line to {b}, closed for {n} days in {month}.",
    "The visit ends on {weekday} with a concert in the main square of {a}.",
    "Unemployment in the {a} area fell to {n}.{m} percent in {month}, the statistics office said.",
    "A hotel in {b} signed a contract with a tour operator from {a} for the {year} season.",
    "The province of {c} will pay half of the {n} million cost, the governor said on {weekday}.",
    "Prices of flats in {a} rose by {n} percent in {year}, estate agents in {b} reported.",
    "The next convoy is due to leave {a} on {day} {month}, volunteers said.",
    "The town hall of {c} will host a public meeting on the plans on {day} {month}.",
]
"""Sentences any kind of item may carry: places, dates and the near-miss words."""

HEADLINES = ["{a}: {kind} news", "What the {a} council decided this week", "{a} and {b}: {kind}",
             "From {a} to {b}", "{kind} in {a}, {day} {month}"]
FIRST = ["Anna", "Oleh", "Maria", "Jean", "Hans", "Piotr", "Lucia", "Tomas", "Sofia", "David"]
LAST = ["Kovalenko", "Novak", "Dubois", "Schmidt", "Rossi", "Garcia", "Smith", "Horvat"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def gold_stories(root: Path = ROOT) -> list[dict]:
    """English gold documents holding at least one twinning pair: real twinning stories."""
    stories = []
    for split in ENGLISH_GOLD:
        for line in (root / "corpus" / "gold" / f"{split}.jsonl").read_text("utf-8").splitlines():
            doc = json.loads(line)
            if doc.get("pairs"):
                stories.append(doc)
    return stories


def _filler(rng: random.Random, cities: list[str], kind: str) -> Callable[[str], str]:
    """Formats templates for one item: the same four places all through it, fresh numbers."""
    a, b, c = rng.sample(cities, 3)

    def fill(template: str) -> str:
        return template.format(
            a=a, b=b, c=c, kind=kind, n=rng.randint(2, 90), m=rng.randint(0, 9),
            big=rng.randint(1_000, 40_000), day=rng.randint(1, 28), month=rng.choice(MONTHS),
            year=rng.randint(2019, 2025), weekday=rng.choice(WEEKDAYS),
            person=f"{rng.choice(FIRST)} {rng.choice(LAST)}", first=rng.choice(FIRST),
            first2=rng.choice(FIRST), last=rng.choice(LAST))

    return fill


def city_news(rng: random.Random, cities: list[str]) -> str:
    """One ordinary item: a headline, its kind's lead and 7-14 body sentences in paragraphs."""
    kind = rng.choice(sorted(LEADS))
    fill = _filler(rng, cities, kind)
    sentences = [fill(rng.choice(LEADS[kind]))] + [fill(t) for t in rng.sample(BODY, rng.randint(7, 14))]
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[i:i + size]))
        i += size
    headline = fill(rng.choice(HEADLINES))
    return headline[:1].upper() + headline[1:] + "\n\n" + "\n\n".join(paragraphs)


def write_feed(path: Path, items: int, cities: list[str], seed: int, share: float = 0.05) -> int:
    """``items`` news JSON Lines, ``share`` of them gold twinning stories (cycled); the same seed
    gives the same bytes. Returns how many twinning stories went in."""
    rng = random.Random(seed)
    stories = gold_stories()
    rng.shuffle(stories)
    twinning = set(rng.sample(range(items), round(items * share)))
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(items):
            if i in twinning:
                story = stories[len([k for k in twinning if k < i]) % len(stories)]
                row = {"id": f"feed-{i:05d}", "text": story["text"], "published": story.get("published"),
                       "title": story.get("title")}
            else:
                row = {"id": f"feed-{i:05d}", "text": city_news(rng, cities),
                       "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(twinning)
