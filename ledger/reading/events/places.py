"""Places and actors of an event, from the capitalised names around its event words.

Two sources, both data: a lexicon of countries (with their other names and demonyms) and well-known regions
(``ledger/vocab/places.json``), and the capitalised names the text puts after a locative preposition ("near Albu
Kamal", "in Deir al-Zour province") or that carry an organisation word ("Kataeb Hezbollah", "Popular
Mobilization Forces"). A country named before an actor noun is an actor ("US strikes", "Iraqi militia"); in
a place phrase it is a place ("in Syria", "the Iraq-Syria border"); as a backer it is neither ("Iran-backed").

Names are compared by :func:`place_key` (case, accents, "al-" and hyphens ignored) so that "Al-Bokamal" and
"al Bokamal" meet; spellings further apart ("Albu Kamal", "Abu Kamal") meet by fuzzy ratio in matching.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ledger.text.data import load

# "Kamal", "U.S.", not "Kamal." at a sentence end. A run of word characters is one step ("[...]+": a fast loop in
# the engine), not one alternation per character; the match is the same, as nothing after it can fail.
_TOKEN = r"[A-Z](?:[\w'’-]+|\.(?=\w))*(?:(?<=\b[A-Z])\.)?"
_NAME = re.compile(rf"{_TOKEN}(?:[ \t]+(?:(?:of|de|du|del|al|el|ad|as|ash|az|ez|bin|ibn|la|le)[ \t]+|"
                   rf"(?:al|el|ad|as|ash|az|ez)-)?{_TOKEN})*")
_TAIL = re.compile(r"['’]s$|[.’']+$")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, str]]:
    """Every lexicon form -> (canonical name, role of the form: 'country' | 'demonym' | 'region')."""
    data = load("places.json")
    table: dict[str, tuple[str, str]] = {}
    for country, others in data["countries"].items():
        table[country] = (country, "country")
        for other in others:
            role = "demonym" if other[:1].isupper() and (other.endswith(("an", "ans", "ese", "ish", "i", "is", "ch"))
                                                         and other not in ("Iran", "Oman")) else "country"
            table.setdefault(other, (country, role))
            table.setdefault(other.rstrip("."), (country, role))  # "U.S." is also read as "U.S" at a sentence end
    for region, info in data["regions"].items():
        for form in (region, *info["aliases"]):
            table.setdefault(form, (region, "region"))
    return table


@lru_cache(maxsize=1)
def _region_country() -> dict[str, str | None]:
    return {r: info["country"] for r, info in load("places.json")["regions"].items()}


@lru_cache(maxsize=1)
def _markers() -> dict:
    m = load("markers.json")
    return {"locative": tuple(" " + p.lower() for p in m["locative_prepositions"]),
            "orgs": frozenset(m["organisation_words"]), "suffixes": frozenset(m["place_suffixes"]),
            "stop": frozenset(m["place_stopwords"]), "actor_nouns": frozenset(m["actor_nouns"]),
            "backing": tuple(m["backing_suffixes"]), "single": frozenset(m["single_word_groups"]),
            "not_event": tuple(" " + p for p in m["not_event_locatives"]),
            "compass": frozenset(w.lower() for w in load("places.json")["compass"]),
            "event_verbs": tuple(" " + v for v in m["event_verbs"]),
            "event_nouns": frozenset(m["event_nouns_after_place"]),
            "modifiers": frozenset(m["event_modifiers_after_place"]),
            "sites": frozenset(m["site_nouns_after_place"]),
            "demonym": tuple(m["demonym_suffixes"]),
            "common": frozenset(m["actor_nouns"]) | frozenset(m["event_nouns_after_place"])
            | frozenset(m["place_suffixes"]),
            "lexicon": _lexicon(), "regions": _region_country()}


def places_and_actors(text: str, spans: list[tuple[int, int]], lexicon_only: bool = False,
                      memo: dict | None = None) -> tuple[list[str], list[str]]:
    """The places and actors named in these spans of ``text``, in order of first appearance, no repeats.
    ``lexicon_only`` keeps only countries and regions (for a Title Case Headline, where every word is
    capitalised and capitals say nothing). ``memo`` keeps the reading of each name between calls on the
    same text (the events of one article share sentences).

    >>> places_and_actors("US warplanes struck near Albu Kamal in eastern Syria.", [(0, 53)])
    (['Albu Kamal', 'Syria'], ['United States'])
    """
    marks = _markers()
    places: list[str] = []
    actors: list[str] = []
    for start, end in spans:
        for match in _NAME.finditer(text, start, end):
            key = (match.start(), match.end(), lexicon_only)
            found_roles = memo.get(key) if memo is not None else None
            if found_roles is None:
                found_roles = _read_name(text, match, lexicon_only, marks)
                if memo is not None:
                    memo[key] = found_roles
            for found, role in found_roles:
                target = places if role == "place" else actors
                if found not in target:
                    target.append(found)
    countries = {place_key(p) for p in places}
    for name in list(places):  # a region also places the event in its country
        country = marks["regions"].get(name)
        if country and place_key(country) not in countries:
            places.append(country)
            countries.add(place_key(country))
    return places, actors


def _read_name(text: str, match: re.Match, lexicon_only: bool, marks: dict) -> list[tuple[str, str]]:
    """(canonical name, 'place' | 'actor') for one capitalised run of the text."""
    name = _TAIL.sub("", match.group(0))
    if name in marks["stop"]:
        return []
    if lexicon_only:
        return _lexicon_words(text, match.start(), name, marks)
    found = _classify(text, match.start(), match.end(), name, marks)
    if found == [(name, "place")] and _common_word(text, match.start(), name, marks):
        return []
    return found


def _common_word(text: str, at: int, name: str, marks: dict) -> bool:
    """True for a single capitalised word opening a sentence that is a common word: one the lexicons know
    ("Drone strike on Qarvash": drone) or that the text also writes in lowercase ("Shelling ... shelling")."""
    if " " in name or name not in text[at:at + len(name)]:
        return False
    lead = text[max(0, at - 3):at].rstrip()
    if lead and lead[-1] not in ".!?\"“”'’\n:":
        return False
    low = name.lower()
    return low in marks["common"] or re.search(rf"\b{re.escape(low)}\b", text) is not None


def demonym_countries(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Countries outside the lexicon that these spans place an event in through an adjective of
    nationality before a place noun: "the Valdorian town of Qarvash" -> "Valdoria", when the article also
    names Valdoria (an adjective alone does not say how the country is spelled).

    >>> demonym_countries("Drones hit the Valdorian town of Qarvash in eastern Valdoria.", [(0, 40)])
    ['Valdoria']
    """
    marks = _markers()
    found: list[str] = []
    for start, end in spans:
        for match in _DEMONYM_BEFORE_NOUN.finditer(text, start, end):
            word, noun = match.group(1), match.group(2)
            inside_a_word = text[match.start() - 1:match.start()].isalnum()
            if noun not in marks["suffixes"] or word in marks["lexicon"] or inside_a_word:
                continue
            country = word[:-1]
            if country not in found and re.search(rf"\b{re.escape(country)}\b", text):
                found.append(country)
    return found


_DEMONYM_BEFORE_NOUN = re.compile(r"([A-Z][a-z]+(?:ian|ean))\s+([a-z]+)\b")  # no leading \b: a fast class scan


def _classify(text: str, at: int, end: int, name: str, marks: dict) -> list[tuple[str, str]]:
    """(canonical name, 'place' | 'actor') for the capitalised name ``text[at:end]`` (read as ``name``);
    several for "Iraq-Syria" or "Syria's Deir al-Zour" (a possessive owner shares its property's role)."""
    after = text[end:end + 24].lstrip(".")
    if after.startswith(marks["backing"]):
        return []
    before = text[max(0, at - 40):at]
    if "'s " not in name and "’s " not in name:
        return _classify_piece(name, after, before, marks)
    owned = re.split(r"['’]s\s+", name)
    found = []
    for n, piece in enumerate(owned):
        found += _classify_piece(piece, after if n == len(owned) - 1 else " " + owned[n + 1], before, marks)
    if found and found[-1][1] == "place":
        found = [(f[0], "place") for f in found]
    return found


def _lexicon_words(text: str, at: int, name: str, marks: dict) -> list[tuple[str, str]]:
    """Countries and regions among the words of a capitalised run ("U.S. Strikes Militias in Syria")."""
    words, found, i = name.split(), [], 0
    while i < len(words):
        for size in (3, 2, 1):
            form = " ".join(words[i:i + size])
            if len(words) - i >= size and form in marks["lexicon"]:
                after = " ".join(words[i + size:i + size + 1]) or text[at + len(name):at + len(name) + 24]
                found.append(_lexicon_role(form, " " + after, text[max(0, at - 40):at], marks))
                i += size
                break
        else:
            i += 1
    return found


def _classify_piece(name: str, after: str, before: str, marks: dict) -> list[tuple[str, str]]:
    lexicon = marks["lexicon"]
    if name.lower().endswith(marks["backing"]):
        return []  # "Iran-backed" read as one word: a backer, neither place nor actor
    if name in lexicon:
        return [_lexicon_role(name, after, before, marks)]
    words = name.split()
    while len(words) > 1 and ((words[0] in marks["stop"] and words[0] not in lexicon)
                              or words[0].lower().endswith(marks["backing"])):
        before += " " + words.pop(0)  # "A US air strike", "In Syria", "Iran-backed Ashbal Brigades"
    name = " ".join(words)
    if name in lexicon:
        return [_lexicon_role(name, after, before, marks)]
    if len(words) > 1 and words[0].lower() in marks["compass"] and " ".join(words[1:]) in lexicon:
        return [(lexicon[" ".join(words[1:])][0], "place")]  # "Eastern Syria"
    if "-" in name:
        parts = name.split("-")
        if all(p in lexicon for p in parts):  # "Iraq-Syria border"
            return [(lexicon[p][0], "place") for p in parts]
    return _other_name(name, words, before, after, marks)


def _lexicon_role(form: str, after: str, before: str, marks: dict) -> tuple[str, str]:
    canonical, role = marks["lexicon"][form]
    next_word = after.split(None, 1)[0].strip(",.;:").lower() if after.strip() else ""
    if next_word in marks["suffixes"] or role == "region":
        return canonical, "place"
    if next_word in marks["actor_nouns"] or role == "demonym":
        return canonical, "actor"
    if _locative(before, marks) or before.rstrip().endswith((" of", " across")):
        return canonical, "place"
    return canonical, "actor"


def _other_name(name: str, words: list[str], before: str, after: str, marks: dict) -> list[tuple[str, str]]:
    """A name outside the lexicon: an actor when it carries an organisation word ("Kataeb Hezbollah"), a
    place after a locative preposition ("near Albu Kamal") or an event verb ("shells hit Varnok"), or
    before an event noun ("the Varnok shelling"), or before a site noun after a target ("an attack on Varnok
    hospital", "struck the Varnok market")."""
    if not words or words[0] in marks["stop"]:
        return []
    if (len(words) > 1 and not marks["orgs"].isdisjoint(w.strip("'’") for w in words)) or name in marks["single"]:
        return [(name, "actor")]
    if len(name) <= 2 or name.isupper():
        return []
    next_word = after.split(None, 1)[0].strip(",.;:") if after.strip() else ""
    if len(words) == 1 and name.endswith(marks["demonym"]) and next_word[:1].islower():
        return []  # "the Valdorian town of", "Mardovian soldiers": an adjective of nationality
    next_word = next_word.lower()
    coordinated = _COORDINATED.search(before)  # "in Varn and | Tarvia": the preposition governs both
    governing = before[:coordinated.start()] if coordinated else before
    if _locative(governing, marks) or (" " + governing.lower().rstrip()).endswith(marks["event_verbs"]) \
            or _event_noun_follows(name, after, marks) or (next_word in marks["sites"] and _targets(governing, marks)):
        return [(name, "place")]
    return []


def _event_noun_follows(name: str, after: str, marks: dict) -> bool:
    """True when an event noun comes next, after at most two modifiers: "Varnok shelling", "the Varnok air
    strike", "the Varnok accidental air bombing"; not after a nationality ("Orvanian drone attack": who
    attacked, not where)."""
    words = [w.strip(",.;:").lower() for w in after.split(None, 3)[:3]]
    for word in words:
        if word in marks["event_nouns"]:
            return True
        if word not in marks["modifiers"] or name.endswith(marks["demonym"]):
            return False
    return False


def _targets(before: str, marks: dict) -> bool:
    """True when ``before`` ends with what makes the next words a target: "on", "against" or an event verb,
    with an article ("an attack on", "struck the")."""
    tail = " " + before.lower().rstrip()
    while tail.endswith((" the", " a", " an")):
        tail = tail[:tail.rfind(" ")]
    return tail.endswith((" on", " against", " upon")) or tail.endswith(marks["event_verbs"])


_COORDINATED = re.compile(r"(?:[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)*[ \t]*,[ \t]*)*[A-Z][\w'’-]+"
                          r"(?:[ \t]+[A-Z][\w'’-]+)*,?[ \t]+and[ \t]+$")


def _locative(before: str, marks: dict) -> bool:
    """True when ``before`` ends with a locative preposition (compass words and "the" skipped): "in",
    "near the", "in eastern"; not "based in" (where a source sits, not where the event happened)."""
    tail = " " + before.lower().rstrip()
    for _ in range(2):
        if tail.endswith(" the"):
            tail = tail[:-4].rstrip()
        last = tail[tail.rfind(" ") + 1:]
        if last in marks["compass"]:
            tail = tail[:-len(last)].rstrip()
    return not tail.endswith(marks["not_event"]) and tail.endswith(marks["locative"])


@lru_cache(maxsize=4096)
def adjective_of(country: str) -> str | None:
    """The adjective of nationality of a country ("Iraq" -> "Iraqi", "Valdoria" -> "Valdorian"): the
    lexicon's, else the regular English one of a name ending in -ia or -a, else None (no guessing)."""
    others = load("places.json")["countries"].get(country)
    if others is not None:
        return next((o for o in others if o[:1].isupper() and o.endswith(("an", "ese", "ish", "i", "ch"))
                     and o not in ("Iran", "Oman")), None)
    if re.fullmatch(r"[A-Z][a-z]+(?:ia|a)", country) and not _lexicon().get(country):
        return country + "n"
    return None


@lru_cache(maxsize=16384)
def place_key(name: str) -> str:
    """The form names are compared in: "Al-Bokamal" and "al Bokamal" -> "bokamal". Cached: every article
    near an event compares the same names again."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`.]", "", text)
    text = re.sub(r"\b(?:al|el|ad|as|ash|az|ez)[-\s]+", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"^the ", "", text.strip())


def specific(name: str) -> bool:
    """Whether a place name is narrower than the lexicon's countries and regions: a town, a camp, a site."""
    return name not in _lexicon()


def site_nouns() -> frozenset[str]:
    """The nouns of sites an attack hits ("theater", "hospital", "market"): ``site_nouns_after_place``."""
    return _markers()["sites"]


def site_key(noun: str) -> str:
    """A site noun in one spelling, lowercased: "Theatre" and "theater" are "theater"."""
    low = noun.lower()
    return low[:-2] + "er" if low.endswith("re") and low[:-2] + "er" in _markers()["sites"] else low


def country_of(name: str) -> str | None:
    """The country a lexicon name stands for ("Syrian" -> "Syria", "Gaza" -> "Palestine"), else None."""
    entry = _lexicon().get(name)
    if entry is None:
        return None
    canonical, role = entry
    return _region_country().get(canonical) if role == "region" else canonical


# ---------------------------------------------------------------- the place a figure counts

_SCOPE_LOCATIVE = re.compile(r"\b(?:in|at|near|inside|around)\s+(?:the\s+)?[A-Z]")
_SCOPE_END = re.compile(r"[,;.:!?()\"“”]|\s(?:and|but|while|whereas|as|after|when)\s")
_APART = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[^.;:,]{0,30}?\b(?:in|at|near)\s+)?(?:the\s+)?")
_TWO_NAMES = re.compile(r"[A-Z][\w'’-]*(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[^.;:,]{0,30}?\b(?:in|at|near)\s+)?"
                        r"(?:the\s+)?[A-Z]")
SCOPE_REACH = 60  # characters after a figure its place can be named in ("14 people were killed in Varn")


def figure_place(content: str, start: int, end: int) -> str | None:
    """The one place (not a country or region of the lexicon) a figure of a claim counts in: named in its
    span or right after it, in its clause, after a locative ("14 people were killed in Varn", "19 in
    Tarvia"); None when it names none or several ("12 in Varn and 19 in Tarvia" counts both).

    >>> figure_place("14 people were killed in Varn, police said", 0, 9)
    'Varn'
    """
    stop = _SCOPE_END.search(content, end, end + SCOPE_REACH)
    limit = stop.start() if stop else min(len(content), end + SCOPE_REACH)
    if _SCOPE_LOCATIVE.search(content, start, limit) is None:
        return None
    found = _specific_places(content, start, limit)
    return found[0][0] if len(found) == 1 else None


def places_apart(content: str) -> tuple[str, ...]:
    """The places a claim names as separate places of one event, joined by "and" or a comma ("hit Varn and
    Tarvia", "12 in Varn and 19 in Tarvia"), not one inside the other ("near Varn in Dost province");
    places of the lexicon (countries, regions) are none.

    >>> places_apart("The strikes killed 12 in Varn and 19 in Tarvia")
    ('Varn', 'Tarvia')
    """
    if _TWO_NAMES.search(content) is None:  # most claims name no two places side by side: no reading
        return ()
    found = _specific_places(content, 0, len(content))
    apart: list[str] = []
    for (name, _, end), (other, start, _) in zip(found, found[1:]):
        if _APART.fullmatch(content, end, start):
            apart += [n for n in (name, other) if n not in apart]
    return tuple(apart)


def _specific_places(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(place, start, end) of the places named in ``text[start:end]`` that the lexicon does not know."""
    marks = _markers()
    found: list[tuple[str, int, int]] = []
    for match in _NAME.finditer(text, start, end):
        stop = match.start() + len(_TAIL.sub("", match.group(0)))
        roles = _read_name(text, match, False, marks)
        if not roles and found and _APART.fullmatch(text, found[-1][2], match.start()):
            name = text[match.start():stop]  # "Varn and Tarvia": a name coordinated with a place is one
            roles = [] if name in marks["stop"] or name in marks["lexicon"] else [(name, "place")]
        for name, role in roles:
            if role == "place" and name not in marks["lexicon"] and all(name != f[0] for f in found):
                found.append((name, match.start(), stop))
    return found
