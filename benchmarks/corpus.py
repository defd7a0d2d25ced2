"""News-like articles of about 150 words for the throughput benchmark.

Each article is a short wire story assembled from sentence patterns written for kg (no
copied text): a headline, a dateline, an operation by a police force or army unit of a
country against an armed or criminal group, seizures, arrests, a quoted official, foreign
funding with an amount and a year, a training or border agreement. Names of forces, groups
and places come from kg's own gazetteers (so the vocabulary is that of the domain, of many
countries); people's names are drawn from a list of common given and family names.
The same seed gives the same corpus.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "ontology" / "gazetteer"

GIVEN = ("Ana", "Luis", "María", "Carlos", "Amina", "Joseph", "Grace", "Ahmed", "Fatima", "Juan",
         "Sofía", "Daniel", "Nadia", "Samuel", "Elena", "Ibrahim", "Mei", "Rafael", "Olga", "Kwame",
         "Priya", "Tomás", "Leila", "Marco", "Aisha", "Peter", "Rosa", "Hassan", "Lucía", "Victor")
FAMILY = ("García", "Mensah", "Okafor", "Hernández", "Nakamura", "Rahman", "Silva", "Kowalski",
          "Haddad", "Mendoza", "Petrov", "Osei", "Castillo", "Ndlovu", "Santos", "Ibrahim", "Morales",
          "Cruz", "Farah", "Reyes", "Novak", "Banda", "Torres", "Aziz", "Romero", "Diallo", "Vargas")
TITLES = ("police chief", "interior minister", "defence minister", "army spokesman", "prosecutor",
          "national police director", "security minister", "customs director")
DRUGS = ("cocaine", "heroin", "methamphetamine", "cannabis", "fentanyl precursors")
DONORS = (("the United States", "USD", "$"), ("the European Union", "EUR", "€"), ("the United Kingdom", "GBP", "£"),
          ("Japan", "JPY", "¥"), ("Canada", "CAD", "C$"), ("Australia", "AUD", "A$"), ("Germany", "EUR", "€"))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@dataclass(frozen=True)
class World:
    forces: dict[str, list[str]]      # country code -> police forces and military units
    groups: list[str]                 # armed and criminal groups
    countries: dict[str, str]         # code -> name
    cities: dict[str, list[str]]      # code -> larger cities


def _rows(name: str) -> list[dict[str, str]]:
    with open(GAZ / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_world() -> World:
    forces: dict[str, list[str]] = {}
    groups = []
    for r in _rows("organizations.tsv"):
        if r["class"] in ("PoliceForce", "MilitaryUnit", "TaskForce") and r["country"]:
            forces.setdefault(r["country"], []).append(r["label"])
        elif r["class"] in ("ArmedGroup", "CriminalGroup"):
            groups.append(r["label"])
    countries = {r["code"]: r["name"] for r in _rows("countries.tsv")}
    cities: dict[str, list[str]] = {}
    for r in _rows("cities.tsv"):
        if r["country"] in forces and int(r["population"] or 0) >= 150_000:
            cities.setdefault(r["country"], []).append(r["name"])
    forces = {c: f for c, f in forces.items() if c in cities and c in countries}
    return World(forces, groups, countries, cities)


def article(rnd: random.Random, w: World) -> tuple[str, str]:
    """One article: (title, text)."""
    code = rnd.choice(sorted(w.forces))
    country, force = w.countries[code], rnd.choice(w.forces[code])
    city, city2 = rnd.sample(w.cities[code], 2) if len(w.cities[code]) > 1 else (w.cities[code][0],) * 2
    group = rnd.choice(w.groups)
    official = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
    suspect = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
    title = rnd.choice(TITLES)
    year = rnd.randint(2005, 2025)
    day, month = rnd.randint(1, 28), rnd.choice(MONTHS)
    donor, cur, sym = rnd.choice(DONORS)
    amount = rnd.choice((5, 12, 20, 35, 48, 60, 150, 300))
    unit = "million"
    qty = rnd.randint(2, 40)
    drug = rnd.choice(DRUGS)
    arrested = rnd.randint(3, 60)
    headline = rnd.choice((
        f"{force} raid {group} hideouts near {city}",
        f"{country} steps up offensive against {group}",
        f"{qty} tonnes of {drug} seized in {city}",
        f"{donor[0].upper() + donor[1:]} pledges {sym}{amount} {unit} for {country} security forces",
    ))
    body = [
        f"{city.upper()}, {month} {day}, {year} — The {force} carried out a series of raids against "
        f"suspected members of {group} in {city} and {city2} on {rnd.choice(('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'))}, "
        f"officials said.",
        f"Officers arrested {arrested} people and seized {qty} tonnes of {drug}, weapons and cash during the operation.",
        rnd.choice((
            f"Among those detained was {suspect}, described by prosecutors as a regional commander of the group.",
            f"{suspect}, who is accused of running the group's finances, was taken into custody in {city2}.",
        )),
        f"\"{rnd.choice(('This operation shows', 'These arrests show', 'Today we have shown'))} that no criminal "
        f"organisation is beyond the reach of the law,\" said {official}, the {title} of {country}.",
        rnd.choice((
            f"{donor[0].upper() + donor[1:]} has provided {sym}{amount} {unit} since {year - rnd.randint(1, 6)} to train and equip "
            f"units of the {force}, according to the embassy.",
            f"In {year - 1}, the government of {country} signed an agreement with {donor} worth "
            f"{cur} {amount} {unit} to fund border patrols and the training of investigators.",
        )),
        rnd.choice((
            f"The raids followed a {rnd.randint(3, 18)}-month investigation by a joint task force of police, "
            f"customs and military intelligence officers.",
            f"According to the {force}, {group} controls smuggling routes through {city2} and pays local "
            f"officials to look the other way.",
        )),
        rnd.choice((
            f"Human rights groups in {country} have called for an independent review of the raids.",
            f"Analysts say {group} has expanded its trafficking routes toward the border in recent years.",
            f"The {force} said further operations were planned in the coming weeks.",
        )),
    ]
    return headline, headline + "\n\n" + "\n\n".join(body) + "\n"


def generate(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """`n` distinct articles, (title, text) each."""
    rnd, w = random.Random(seed), load_world()
    return [article(rnd, w) for _ in range(n)]


def write_corpus(folder: Path, n: int, seed: int = 11) -> tuple[list[str], int]:
    """Write `n` articles as .txt files under `folder`; return their texts and word count."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i, (_, text) in enumerate(generate(n, seed)):
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts, sum(len(t.split()) for t in texts)


if __name__ == "__main__":
    for title, text in generate(2):
        print(text)
        print(len(text.split()), "words")
