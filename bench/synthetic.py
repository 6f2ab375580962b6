"""Synthetic news articles for benchmarks: invented places, people and outlets, seeded and reproducible.

Each article reports one of a pool of invented events the way wire copy does: a lead with the outlet's
figure, a monitor's count, a party's denial, a ministry that gives no figure, quotes over two paragraphs,
and a background paragraph about an earlier event. Several articles report each event with different
figures, so the reconciler has real work at any scale.
"""
from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Iterator

TOWNS = ["Qarvash", "Belmora", "Tessin", "Varnok", "Ostreva", "Kalvik", "Durnholm", "Sarentz", "Mirova", "Lindau",
         "Petrask", "Halvik", "Zernov", "Astrel", "Korvin", "Emberley", "Falkirk Ridge", "Gorsk", "Ilmara", "Jassy"]
REGIONS = ["eastern Valdoria", "northern Tessaly", "the Kessel valley", "the Ostreva plain", "southern Marran"]
ARMIES = ["Mardovian", "Tessalian", "Valdorian", "Marranese"]
GROUPS = ["Kessel Brigades", "Northern Star Front", "Ilmara Defence Units", "Sons of the Valley", "Astrel Guard"]
MONITORS = [("Valdorian Observatory for Civil Rights", "VOCR"), ("Regional Casualty Monitor", "RCM"),
            ("Tessaly Human Rights Network", "THRN")]
OUTLETS = ["The Harbour Times", "Meridian Wire", "Northern Ledger", "Valdoria Today", "The Coastal Post",
           "Daily Lantern", "Evening Courier", "Frontier Dispatch"]
FIRST = ["Anton", "Mira", "Tomas", "Lena", "Daria", "Ivo", "Petra", "Jonas", "Sara", "Emil", "Nora", "Karl"]
LAST = ["Brask", "Castell", "Reyes", "Horvath", "Voss", "Dunai", "Marlow", "Ostrow", "Lind", "Kovac", "Arden"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

LEAD = ("{army} drones struck {target} used by the {group} near the town of {town} in {region} on {weekday}, "
        "killing at least {low_word} fighters, according to the {monitor} ({acronym}).")
PARAGRAPHS = [
    "The {army} Defence Ministry said in a statement that its forces had carried out \"precise strikes\" against "
    "\"positions used to attack our troops\", but it did not provide information on casualties.",
    "Ministry spokesman {official} told reporters that assessments were ongoing. \"We will respond to every attack "
    "on our soldiers,\" {official_last} said.",
    "The monitor, which relies on a network of sources on the ground, said that {count} {group} fighters were "
    "killed and several others were wounded.",
    "The {group} said in a statement that {party_word} of its fighters had been killed and vowed to respond.",
    "\"The blood of our martyrs will not be wasted,\" the statement said.",
    "{doctor}, director of the {town} hospital, said {wounded} people had been treated for wounds.",
    "The strike came after a rocket attack on an outpost at {other_town} earlier this month that killed "
    "{earlier} soldiers, which officials blamed on the {group}.",
    "Residents told local media that the explosions could be heard across {region} and that power was cut for "
    "several hours. Shops remained closed on the following day, and schools moved classes online.",
    "Diplomats in the capital urged both sides to show restraint, warning that a wider escalation would hurt "
    "civilians most. A regional envoy said talks on a ceasefire would resume next week.",
]


def events(count: int, rng: random.Random) -> list[dict]:
    start = date(2024, 1, 1)
    return [{"day": start + timedelta(days=3 * n + rng.randint(0, 1)), "army": rng.choice(ARMIES),
             "group": rng.choice(GROUPS), "town": TOWNS[n % len(TOWNS)] if n < len(TOWNS) else
             f"{rng.choice(TOWNS)}-{n}", "region": rng.choice(REGIONS), "monitor": rng.choice(MONITORS),
             "dead": rng.randint(4, 30), "target": rng.choice(["a fuel depot", "a weapons store", "a checkpoint"])}
            for n in range(count)]


def article(event: dict, rng: random.Random, n: int) -> dict:
    """One article about ``event``; its figures vary around the event's true toll as real reports do."""
    published = event["day"] + timedelta(days=rng.randint(1, 3))
    low = max(2, event["dead"] - rng.randint(0, 3))
    official = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    values = dict(army=event["army"], group=event["group"], town=event["town"], region=event["region"],
                  monitor=event["monitor"][0], acronym=event["monitor"][1], target=event["target"],
                  weekday=WEEKDAYS[event["day"].weekday()], low_word=number_words(low),
                  count=number_words(event["dead"] + rng.randint(0, 2)), party_word=number_words(rng.randint(2, 4)),
                  official=official, official_last=official.split()[1],
                  doctor=f"Dr. {rng.choice(FIRST)} {rng.choice(LAST)}", wounded=rng.randint(5, 40),
                  other_town=rng.choice(TOWNS), earlier=number_words(rng.randint(2, 5)))
    body = [LEAD.format(**values)] + [p.format(**values) for p in rng.sample(PARAGRAPHS, k=len(PARAGRAPHS))]
    return {"url": f"https://news.example/{n}", "outlet": rng.choice(OUTLETS), "published": published.isoformat(),
            "title": f"Strike near {event['town']} kills {low} fighters", "text": "\n\n".join(body)}


def number_words(n: int) -> str:
    return WORDS[n - 2] if 2 <= n < 2 + len(WORDS) else str(n)


def generate(count: int, seed: int = 7, articles_per_event: int = 5) -> Iterator[dict]:
    rng = random.Random(seed)
    pool = events(max(1, count // articles_per_event), rng)
    for n in range(count):
        yield article(pool[n % len(pool)], rng, n)


def write_jsonl(path, count: int, seed: int = 7) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record in generate(count, seed):
            fh.write(json.dumps(record) + "\n")
